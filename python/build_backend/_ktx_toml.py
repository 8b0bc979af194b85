"""Fallback reader for the small TOML subset our pyproject.toml uses.

Only used when neither tomllib (3.11+) nor tomli is available, because the
build host may run an older Python than the package itself targets.
Supported: [table] / [dotted.table] headers, bare keys, basic and literal
single-line strings, and (multi-line) arrays of strings, plus comments.
Everything else is rejected loudly rather than misread.
"""

import re

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_HEX = re.compile(r"[0-9A-Fa-f]+\Z")
_ESCAPES = {
    '"': '"', "\\": "\\", "b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r",
}
_UNICODE_ESCAPE_LENGTHS = {"u": 4, "U": 8}


class TomlSubsetError(ValueError):
    pass


def loads(text):
    return _Parser(text.replace("\r\n", "\n")).parse()


class _Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0
        self.root = {}
        # Tables opened by a header; implicit parents may be opened later.
        self.defined = set()

    def parse(self):
        table = self.root
        while True:
            self._skip_blank()
            if self.pos >= len(self.text):
                return self.root
            if self._peek() == "[":
                table = self._table_header()
            else:
                self._key_value(table)
            self._end_of_line()

    def _fail(self, message):
        line = self.text.count("\n", 0, self.pos) + 1
        raise TomlSubsetError("line %d: %s" % (line, message))

    def _peek(self):
        return self.text[self.pos:self.pos + 1]

    def _skip_spaces(self):
        while self._peek() in (" ", "\t"):
            self.pos += 1

    def _skip_comment(self):
        if self._peek() == "#":
            end = self.text.find("\n", self.pos)
            self.pos = len(self.text) if end < 0 else end

    def _skip_blank(self):
        """Skip whitespace, newlines and comments."""
        while True:
            self._skip_spaces()
            self._skip_comment()
            if self._peek() != "\n":
                return
            self.pos += 1

    def _end_of_line(self):
        self._skip_spaces()
        self._skip_comment()
        if self.pos < len(self.text) and self._peek() != "\n":
            self._fail("expected end of line")

    def _expect(self, char):
        if self._peek() != char:
            self._fail("expected %r" % char)
        self.pos += 1

    def _bare_key(self):
        match = _BARE_KEY.match(self.text, self.pos)
        if not match:
            self._fail("expected a bare key")
        self.pos = match.end()
        return match.group()

    def _table_header(self):
        self._expect("[")
        if self._peek() == "[":
            self._fail("arrays of tables are not supported")
        path = []
        while True:
            self._skip_spaces()
            path.append(self._bare_key())
            self._skip_spaces()
            if self._peek() != ".":
                break
            self.pos += 1
        self._expect("]")
        if tuple(path) in self.defined:
            self._fail("table [%s] defined twice" % ".".join(path))
        self.defined.add(tuple(path))
        table = self.root
        for key in path:
            table = table.setdefault(key, {})
            if not isinstance(table, dict):
                self._fail("key %r is not a table" % key)
        return table

    def _key_value(self, table):
        key = self._bare_key()
        self._skip_spaces()
        if self._peek() == ".":
            self._fail("dotted keys are not supported")
        self._expect("=")
        self._skip_spaces()
        if key in table:
            self._fail("key %r defined twice" % key)
        table[key] = self._value()

    def _value(self):
        char = self._peek()
        if char == "[":
            return self._array()
        if char in ('"', "'"):
            return self._string()
        self._fail("unsupported value (only strings and arrays of strings)")

    def _array(self):
        self._expect("[")
        items = []
        while True:
            self._skip_blank()
            if self._peek() == "]":
                break
            items.append(self._string())
            self._skip_blank()
            if self._peek() != ",":
                break
            self.pos += 1
        self._expect("]")
        return items

    def _string(self):
        quote = self._peek()
        if quote not in ('"', "'"):
            self._fail("arrays may only hold strings")
        if self.text.startswith(quote * 3, self.pos):
            self._fail("multi-line strings are not supported")
        self.pos += 1
        if quote == "'":
            return self._literal_body()
        return self._basic_body()

    def _literal_body(self):
        end = self.text.find("'", self.pos)
        newline = self.text.find("\n", self.pos)
        if end < 0 or 0 <= newline < end:
            self._fail("unterminated string")
        value = self.text[self.pos:end]
        self.pos = end + 1
        return value

    def _basic_body(self):
        parts = []
        while True:
            char = self._peek()
            if char in ("", "\n"):
                self._fail("unterminated string")
            self.pos += 1
            if char == '"':
                return "".join(parts)
            parts.append(self._escape() if char == "\\" else char)

    def _escape(self):
        char = self._peek()
        self.pos += 1
        if char in _ESCAPES:
            return _ESCAPES[char]
        length = _UNICODE_ESCAPE_LENGTHS.get(char)
        digits = self.text[self.pos:self.pos + length] if length else ""
        if not length or len(digits) != length or not _HEX.match(digits):
            self._fail("invalid escape sequence")
        self.pos += length
        try:
            return chr(int(digits, 16))
        except (OverflowError, ValueError):
            self._fail("invalid unicode escape")
