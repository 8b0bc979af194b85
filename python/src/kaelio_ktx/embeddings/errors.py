"""The ways an embedding request fails besides a malformed request, as values
the HTTP side maps to answers."""


def first_line(error):
    """An exception's first line of text, or its type's name when it has none."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


class ModelUnavailable(Exception):
    """The model cannot be found, fetched or loaded (HTTP 503).

    `message` is one sentence that names the model and the fix.
    """

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class InputTooLong(Exception):
    """An input is longer than the model's max_seq_length and the request
    asked not to truncate it (HTTP 400)."""

    def __init__(self, index, limit):
        super().__init__("input[%d] is longer than the model's max_seq_length of %d "
                         "tokens" % (index, limit))
        self.index = index
        self.limit = limit


class DimensionsTooLarge(Exception):
    """A request asked for more dimensions than the model gives (HTTP 400)."""

    def __init__(self, requested, available):
        super().__init__("dimensions is %d, but the model gives %d" % (requested, available))
        self.requested = requested
        self.available = available
