"""The socket side of the daemon's HTTP API: http.server, reading bodies
within their limits, timeouts, and writing JSON answers.

Answers are JSON over HTTP/1.1 with keep-alive: a connection serves request
after request until the client closes it, it is quiet for CONNECTION_TIMEOUT,
or the daemon stops. What a request gets is decided in `routes`; this module
only moves bytes.
"""

import json
import os
import socket
import socketserver
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from kaelio_ktx import __version__
from kaelio_ktx.http import routes

# Socket timeout per connection: how long a connection may stay quiet, within
# a request or between two.
CONNECTION_TIMEOUT = 5.0


def listen(host, port, app):
    """A bound, listening server for `app`; OSError when the port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return DaemonHTTPServer((host, port), family, app)


def printable(text):
    """Keeps one event per log line whatever a client sends."""
    return "".join(c if c.isprintable() else "?" for c in text)


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
        self._lock = threading.Lock()
        self._idle = set()  # connections waiting for their next request
        self._stopping = False
        super().__init__(address, RequestHandler)

    def server_bind(self):
        # HTTPServer.server_bind() adds a reverse DNS lookup (getfqdn) that
        # can stall start-up for seconds; a loopback daemon needs no name.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def server_close(self):
        # Keep-alive connections waiting for a next request would otherwise
        # hold up the join of their threads for up to CONNECTION_TIMEOUT.
        self.close_idle_connections()
        super().server_close()

    def close_idle_connections(self):
        """From now on every answer closes its connection, and connections
        waiting for a request are closed (their threads then end)."""
        with self._lock:
            self._stopping = True
            idle, self._idle = self._idle, set()
        for connection in idle:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # the client closed it meanwhile

    def waiting(self, connection):
        """`connection` awaits its next request; False once the daemon stops."""
        with self._lock:
            if self._stopping:
                return False
            self._idle.add(connection)
            return True

    def busy(self, connection):
        with self._lock:
            self._idle.discard(connection)

    @property
    def stopping(self):
        return self._stopping

    def handle_error(self, request, client_address):
        # The default prints a traceback to stderr, which nobody may read.
        self.app.log.event("error", "client=%s:%s" % tuple(client_address[:2]),
                           printable(repr(sys.exc_info()[1])))


class RequestHandler(BaseHTTPRequestHandler):
    server_version = "ktx-daemon/" + __version__
    # Keep-alive: a new connection per request cost about 1.5 ms of a 5 ms
    # one-text embedding (bench/embed). HTTP/1.0 clients still get one
    # request per connection, as http.server gives them.
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm the body
    # would wait for the client's delayed ACK of the headers, 40 ms.
    disable_nagle_algorithm = True
    timeout = CONNECTION_TIMEOUT

    def handle(self):
        # http.server's loop, with each wait for a request known to the server,
        # which closes such idle connections when the daemon stops.
        self.close_connection = True
        while self.server.waiting(self.connection):
            try:
                self.handle_one_request()
            finally:
                self.server.busy(self.connection)
            if self.close_connection:
                break

    def parse_request(self):
        # The request line is in: this connection is no longer idle.
        self.server.busy(self.connection)
        return super().parse_request()

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
        body = self._read_body()
        if body is None:
            return
        response = routes.handle(self.server.app, self.command, self.route_path(),
                                 self.headers.get("Authorization"), body)
        if response.after is not None:
            self.close_connection = True  # the daemon stops after this answer
        self.send_json(response.status, response.body, response.headers)
        if response.after is not None:
            response.after()

    def _read_body(self):
        """The whole body, or None once an error has been answered.

        Bodies are read even where unused: an unread body makes close() send
        a reset that can destroy the response. A body refused unread also ends
        the connection, since the next request would start inside it.
        """
        if "Transfer-Encoding" in self.headers:
            self.close_connection = True
            self.send_json(411, {"error": "length required"})
            return None
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self.send_json(400, {"error": "bad request"})
            return None
        limit = routes.body_limit(self.route_path())
        if length > limit:
            self.close_connection = True
            response = routes.body_too_large(self.route_path(), limit)
            self.send_json(response.status, response.body, response.headers)
            return None
        return self.rfile.read(length)

    def route_path(self):
        # The query string is neither routed on nor logged.
        return urlsplit(getattr(self, "path", "") or "").path

    def send_json(self, status, body, headers=()):
        data = (json.dumps(body) + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        if self.server.stopping:
            self.close_connection = True
        if self.close_connection:
            # Said out loud: a client that pools connections (Java's HttpClient
            # does) would otherwise send its next request on a socket this
            # server is about to close.
            self.send_header("Connection", "close")
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

