"""Authentication, routing and the endpoints, free of sockets.

`handle(app, method, path, authorization, body)` gives the `Response` a
request gets; the server only reads requests and writes responses. Every
request needs the bearer token; then unknown paths are 404 and wrong methods
405.
"""

from typing import Callable, NamedTuple, Optional, Sequence, Tuple

from kaelio_ktx import __version__

# Request bodies are read whole before routing. None of the small endpoints
# needs more than this; /v1/embeddings has its own limit (see BODY_LIMITS).
DEFAULT_BODY_LIMIT = 64 * 1024


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
    finally:
        app.activity.end()


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
    return Response(200, {"status": "healthy", "version": __version__,
                          "features": app.features})


def _shutdown(app, _body):
    # Only once the answer is written: the main thread then stops the server
    # and waits for the handler thread before the process exits.
    return Response(200, {"status": "stopping"},
                    after=lambda: app.stops.put("POST /shutdown"))


ROUTES = {
    "/health": {"GET": _health},
    "/shutdown": {"POST": _shutdown},
}

BODY_LIMITS = {}


def body_too_large(path, limit):
    return Response(413, {"error": "request body too large"})
