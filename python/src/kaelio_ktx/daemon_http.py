"""The daemon's HTTP side: authentication, routing, endpoints and server.

Every request needs the bearer token; then unknown paths are 404 and wrong
methods 405. Answers are JSON over HTTP/1.0, one request per connection.
Part of the daemon: imported only through kaelio_ktx.daemon, never by cli.py,
because http.server would slow down `ktx-daemon --version`.
"""

import hmac
import json
import os
import socket
import socketserver
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from kaelio_ktx import __version__
from kaelio_ktx.daemon_files import EXIT_FAILURE, StartupError, printable

# Request bodies are drained (an unread body makes close() send a reset that
# can destroy the response) but none of our endpoints needs a large one.
MAX_BODY_BYTES = 64 * 1024
# Socket timeout per connection: a client that connects and goes quiet must
# not hold up graceful shutdown for longer than this.
CONNECTION_TIMEOUT = 5.0


def listen(host, port, app):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return DaemonHTTPServer((host, port), family, app)
    except OSError as error:
        raise StartupError(EXIT_FAILURE, "Cannot listen on %s port %d: %s." % (
            host, port, error.strerror or error))


class Activity:
    """Authorized requests in flight and when the last one ended.

    An unauthorized poller must not keep an unused daemon alive, so only
    requests with the right token count.
    """

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._in_flight = 0
        self._last_end = clock()

    def begin(self):
        with self._lock:
            self._in_flight += 1

    def end(self):
        with self._lock:
            self._in_flight -= 1
            self._last_end = self._clock()

    def idle_for(self):
        with self._lock:
            if self._in_flight:
                return 0.0
            return self._clock() - self._last_end


class DaemonApp:
    """What the request handlers share: token, features, log and stop queue."""

    def __init__(self, token, features, log, stops):
        self._token = token.encode("utf-8")
        self.features = list(features)
        self.log = log
        self.activity = Activity()
        self.stops = stops

    def authorized(self, header):
        if not header:
            return False
        scheme, _, credentials = header.strip().partition(" ")
        if scheme.lower() != "bearer":
            return False
        # http.client decodes header bytes as Latin-1, so this gives back the
        # bytes sent; compare_digest keeps the comparison constant-time.
        return hmac.compare_digest(credentials.strip().encode("latin-1"), self._token)


class DaemonHTTPServer(ThreadingHTTPServer):
    # server_close() joins the handler threads, so in-flight requests finish;
    # it is only documented to wait for non-daemon ones.
    daemon_threads = False
    block_on_close = True
    # On Windows SO_REUSEADDR would let another process bind the same port.
    allow_reuse_address = os.name != "nt"

    def __init__(self, address, family, app):
        self.address_family = family
        self.app = app
        super().__init__(address, RequestHandler)

    def server_bind(self):
        # HTTPServer.server_bind() adds a reverse DNS lookup (getfqdn) that
        # can stall start-up for seconds; a loopback daemon needs no name.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request, client_address):
        # The default prints a traceback to stderr, which nobody may read.
        self.app.log.event("error", "client=%s:%s" % tuple(client_address[:2]),
                           printable(repr(sys.exc_info()[1])))


class RequestHandler(BaseHTTPRequestHandler):
    server_version = "ktx-daemon/" + __version__
    # HTTP/1.0 closes the connection after each answer, so graceful shutdown
    # never waits for an idle keep-alive connection.
    protocol_version = "HTTP/1.0"
    timeout = CONNECTION_TIMEOUT

    def version_string(self):
        # The default also names the Python version; clients need neither.
        return self.server_version

    def __getattr__(self, name):
        # Every method, known or not, goes through authentication and then
        # routing, so that anything without the token is a 401 and a known
        # path with a wrong method a 405 (http.server would answer 501).
        if name.startswith("do_"):
            return self._dispatch
        raise AttributeError(name)

    def _dispatch(self):
        if not self._drain_body():
            return
        app = self.server.app
        if not app.authorized(self.headers.get("Authorization")):
            self.send_json(401, {"error": "unauthorized"},
                           headers=[("WWW-Authenticate", "Bearer")])
            return
        app.activity.begin()
        try:
            self._route(app)
        finally:
            app.activity.end()

    def _route(self, app):
        methods = ROUTES.get(self.route_path())
        if methods is None:
            self.send_json(404, {"error": "not found"})
            return
        endpoint = methods.get(self.command)
        if endpoint is None:
            self.send_json(405, {"error": "method not allowed"},
                           headers=[("Allow", ", ".join(sorted(methods)))])
            return
        endpoint(self, app)

    def _drain_body(self):
        if "Transfer-Encoding" in self.headers:
            self.send_json(411, {"error": "length required"})
            return False
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0:
            self.send_json(400, {"error": "bad request"})
            return False
        if length > MAX_BODY_BYTES:
            self.send_json(413, {"error": "request body too large"})
            return False
        self.rfile.read(length)
        return True

    def route_path(self):
        # The query string is neither routed on nor logged.
        return urlsplit(getattr(self, "path", "") or "").path

    def send_json(self, status, body, headers=()):
        data = (json.dumps(body) + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def send_error(self, code, message=None, explain=None):
        # http.server's own errors (malformed request, over-long line, ...)
        # would otherwise be HTML; clients of this daemon expect JSON.
        self.close_connection = True
        phrase = self.responses.get(code, ("error",))[0].lower()
        body = {"error": phrase}
        if message:
            body["detail"] = message
        self.send_json(code, body)

    def log_request(self, code="-", size="-"):
        self.server.app.log.event(
            "request", printable(self.command or "-"),
            printable(self.route_path() or "-"), str(getattr(code, "value", code)))

    def log_message(self, format, *args):
        # Used by log_error() (e.g. timeouts); never sees request headers.
        self.server.app.log.event("http", printable(format % args))


def _health(request, app):
    request.send_json(200, {"status": "healthy", "version": __version__,
                            "features": app.features})


def _shutdown(request, app):
    request.send_json(200, {"status": "stopping"})
    # Only once the answer is written: the main thread then stops the server
    # and waits for this handler thread before the process exits.
    app.stops.put("POST /shutdown")


ROUTES = {
    "/health": {"GET": _health},
    "/shutdown": {"POST": _shutdown},
}
