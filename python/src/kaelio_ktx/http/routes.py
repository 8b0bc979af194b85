"""Authentication, routing and the endpoints, free of sockets.

`handle(app, method, path, authorization, body)` gives the `Response` a
request gets; the server only reads requests and writes responses. Every
request needs the bearer token; then unknown paths are 404 and wrong methods
405.
"""

import base64
from typing import Callable, NamedTuple, Optional, Sequence, Tuple

from kaelio_ktx import __version__
from kaelio_ktx.embeddings.errors import DimensionsTooLarge, InputTooLong, ModelUnavailable
from kaelio_ktx.http import schemas

# Request bodies are read whole before routing. None of the small endpoints
# needs more than this.
DEFAULT_BODY_LIMIT = 64 * 1024
# /v1/embeddings: room for a full batch (2,048 inputs of 4 KB of text each).
EMBEDDINGS_BODY_LIMIT = 8 * 1024 * 1024
NO_EMBEDDINGS = ("Embeddings need the local-embeddings feature, which this runtime lacks: "
                 "run ktx runtime install --feature local-embeddings.")


class Response(NamedTuple):
    status: int
    body: object
    headers: Sequence[Tuple[str, str]] = ()
    # Runs once the response is written (POST /shutdown stops only then).
    after: Optional[Callable[[], None]] = None


def handle(app, method, path, authorization, body):
    if not app.authorized(authorization):
        return Response(401, {"error": "unauthorized"}, [("WWW-Authenticate", "Bearer")])
    app.activity.begin()
    try:
        return _route(app, method, path, body)
    except Exception as error:  # a bug, or a model that fails on an input: answer, log, serve on
        app.log.event("error", "%s %s %s" % (method, path, _reason(error)))
        return openai_error(500, "The daemon failed on this request (%s); its log has the details."
                            % _reason(error), "server_error")
    finally:
        app.activity.end()


def _reason(error):
    lines = str(error).strip().splitlines()
    return "%s: %s" % (type(error).__name__, lines[0][:300]) if lines else type(error).__name__


def body_limit(path):
    return BODY_LIMITS.get(path, DEFAULT_BODY_LIMIT)


def _route(app, method, path, body):
    methods = ROUTES.get(path)
    if methods is None:
        return Response(404, {"error": "not found"})
    endpoint = methods.get(method)
    if endpoint is None:
        return Response(405, {"error": "method not allowed"},
                        [("Allow", ", ".join(sorted(methods)))])
    return endpoint(app, body)


def _health(app, _body):
    health = {"status": "healthy", "version": __version__, "features": app.features}
    if app.embedder is not None:
        health["model"] = _model_state(app.embedder)
    return Response(200, health)


def _model_state(embedder):
    state = {"name": embedder.name, "loaded": embedder.loaded}
    if embedder.dimensions is not None:
        state["dimensions"] = embedder.dimensions
    return state


def _models(app, _body):
    models = [] if app.embedder is None else [
        {"id": app.embedder.name, "object": "model", "owned_by": "ktx"}]
    return Response(200, {"object": "list", "data": models})


def _embeddings(app, body):
    if app.embedder is None:
        return openai_error(503, NO_EMBEDDINGS, "server_error", code="feature_unavailable")
    try:
        request = schemas.embeddings_request(body, app.embedder.name)
        result = app.embedder.embed(request.texts, truncate=request.truncate,
                                    dimensions=request.dimensions)
    except schemas.RequestError as error:
        return openai_error(400, error.message, param=error.param, code=error.code)
    except InputTooLong as error:
        return openai_error(400, "%s; send it shorter, or leave truncate at true to cut it "
                            "as sentence-transformers does." % error, param="input",
                            code="input_too_long")
    except DimensionsTooLarge as error:
        return openai_error(400, "%s." % error, param="dimensions")
    except ModelUnavailable as error:
        return openai_error(503, error.message, "server_error", code="model_unavailable")
    return Response(200, _embeddings_answer(app.embedder.name, request, result))


def _embeddings_answer(model, request, result):
    data = []
    for index, vector in enumerate(result.vectors):
        if request.encoding_format == "base64":
            # OpenAI's base64: the float32 values, little-endian.
            embedding = base64.b64encode(vector.astype("<f4").tobytes()).decode("ascii")
        else:
            embedding = vector.tolist()
        item = {"object": "embedding", "index": index, "embedding": embedding}
        if result.truncated[index]:
            item["truncated"] = True
        data.append(item)
    return {"object": "list", "data": data, "model": model,
            "usage": {"prompt_tokens": result.prompt_tokens,
                      "total_tokens": result.prompt_tokens}}


def openai_error(status, message, kind="invalid_request_error", param=None, code=None):
    """An error as OpenAI's API gives it, which its clients know how to read."""
    error = {"message": message, "type": kind}
    if param is not None:
        error["param"] = param
    if code is not None:
        error["code"] = code
    return Response(status, {"error": error})


def _shutdown(app, _body):
    # Only once the answer is written: the main thread then stops the server
    # and waits for the handler thread before the process exits.
    return Response(200, {"status": "stopping"},
                    after=lambda: app.stops.put("POST /shutdown"))


ROUTES = {
    "/health": {"GET": _health},
    "/shutdown": {"POST": _shutdown},
    "/v1/models": {"GET": _models},
    "/v1/embeddings": {"POST": _embeddings},
}

BODY_LIMITS = {"/v1/embeddings": EMBEDDINGS_BODY_LIMIT}


def body_too_large(path, limit):
    if path.startswith("/v1/"):
        return openai_error(413, "The request body is over the %d-byte limit; send fewer "
                            "inputs per request." % limit, code="request_too_large")
    return Response(413, {"error": "request body too large"})
