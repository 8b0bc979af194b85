"""Request bodies of the OpenAI-compatible endpoints, validated into values.

A body that does not fit raises RequestError with the sentence, the field
(`param`) and a code, which the routes answer as OpenAI's API answers errors.
Fields OpenAI defines that change nothing here (`user`) and unknown fields
are ignored, as OpenAI clients expect.
"""

import json
from typing import List, NamedTuple, Optional

# As OpenAI's API: at most 2,048 inputs per request.
MAX_INPUTS = 2048
ENCODING_FORMATS = ("float", "base64")


class RequestError(Exception):
    def __init__(self, message, param=None, code="invalid_value"):
        super().__init__(message)
        self.message = message
        self.param = param
        self.code = code


class EmbeddingsRequest(NamedTuple):
    texts: List[str]
    encoding_format: str
    dimensions: Optional[int]
    truncate: bool


def json_object(body):
    """The request body as a JSON object, or RequestError."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RequestError("The request body is not valid UTF-8 (byte %d)." % error.start,
                           code="invalid_encoding")
    try:
        value = json.loads(text)
    except ValueError as error:
        raise RequestError("The request body is not valid JSON: %s." % error,
                           code="invalid_json")
    if not isinstance(value, dict):
        raise RequestError("The request body must be a JSON object.", code="invalid_json")
    return value


def embeddings_request(body, served_model):
    """A POST /v1/embeddings body, checked against the model served."""
    fields = json_object(body)
    model = fields.get("model")
    if model is not None and model != served_model:
        raise RequestError("The model %s is not served here; this daemon serves %s." % (
            json.dumps(model), served_model), param="model", code="model_not_found")
    return EmbeddingsRequest(
        texts=_texts(fields.get("input")),
        encoding_format=_encoding_format(fields.get("encoding_format", "float")),
        dimensions=_dimensions(fields.get("dimensions")),
        truncate=_flag(fields.get("truncate", True), "truncate"),
    )


def _texts(value):
    if value is None:
        raise RequestError("input is required: a string or a list of strings.",
                           param="input", code="missing_required_parameter")
    if isinstance(value, str):
        if not value:
            raise RequestError("input is an empty string.", param="input")
        return [value]
    if not isinstance(value, list):
        raise RequestError("input must be a string or a list of strings.", param="input")
    if not value:
        raise RequestError("input is an empty list.", param="input")
    if len(value) > MAX_INPUTS:
        raise RequestError("input has %d items; at most %d are allowed per request."
                           % (len(value), MAX_INPUTS), param="input")
    for index, text in enumerate(value):
        if not isinstance(text, str):
            raise RequestError("input[%d] is not a string (token arrays are not "
                               "supported)." % index, param="input")
        if not text:
            raise RequestError("input[%d] is an empty string." % index, param="input")
    return value


def _encoding_format(value):
    if value not in ENCODING_FORMATS:
        raise RequestError("encoding_format must be \"float\" or \"base64\", not %s."
                           % json.dumps(value), param="encoding_format")
    return value


def _dimensions(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RequestError("dimensions must be a positive integer, not %s." % json.dumps(value),
                           param="dimensions")
    return value


def _flag(value, name):
    if not isinstance(value, bool):
        raise RequestError("%s must be true or false, not %s." % (name, json.dumps(value)),
                           param=name)
    return value
