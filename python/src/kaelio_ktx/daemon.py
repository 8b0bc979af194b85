"""The loopback HTTP daemon behind `ktx-daemon serve-http`.

The Java CLI starts this detached with a fresh bearer token and waits for the
ready file. Lifecycle: validate the arguments, detect features, bind (port 0
lets the OS pick a free port, so there is no pick-then-bind race), write the
ready file, serve until POST /shutdown, SIGTERM/SIGINT or the idle timeout,
then stop gracefully: stop accepting, let in-flight requests finish, remove
the ready file and exit 0.

Imported only by the serve-http handler in cli.py: http.server and friends
must not slow down `import kaelio_ktx` or `ktx-daemon --version`.
"""

import contextlib
import hmac
import json
import os
import queue
import signal
import socket
import socketserver
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from kaelio_ktx import __version__

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

TOKEN_ENV = "KTX_DAEMON_TOKEN"
# Accepted --host values and the address actually bound. "localhost" is
# pinned to IPv4 so that the address is the same whatever the resolver says.
LOOPBACK_HOSTS = {"127.0.0.1": "127.0.0.1", "::1": "::1", "localhost": "127.0.0.1"}
# Request bodies are drained (an unread body makes close() send a reset that
# can destroy the response) but none of our endpoints needs a large one.
MAX_BODY_BYTES = 64 * 1024
# Socket timeout per connection: a client that connects and goes quiet must
# not hold up graceful shutdown for longer than this.
CONNECTION_TIMEOUT = 5.0
# How long serve_forever() may take to notice a shutdown request.
POLL_INTERVAL = 0.1
# Upper bound of each wait of the main thread, so that it re-checks the idle
# timeout and, on Windows, lets Ctrl-C through a blocking lock wait.
MAX_WAIT = 1.0


class StartupError(Exception):
    """A refusal to start: one sentence for stderr and the exit status."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def serve(args):
    """Run the daemon for parsed serve-http arguments; returns the exit status."""
    log = None
    try:
        log = EventLog.open(args.log_file)
        return _run(args, log)
    except StartupError as error:
        print(error.message, file=sys.stderr)
        if log is not None and log.owned:
            log.event("refused", error.message)
        return error.code
    finally:
        if log is not None:
            log.close()


def _run(args, log):
    host = loopback_host(args.host)
    token = read_token(args.token_file, os.environ)
    # Nothing this process may start later needs to inherit the token.
    os.environ.pop(TOKEN_ENV, None)
    stops = queue.SimpleQueue()
    # Before the slow numpy import and the ready file: a caller that signals
    # as soon as it sees the file (or while we start) gets a graceful stop,
    # not the default instant death that would leave the ready file behind.
    previous = install_signal_handlers(stops)
    try:
        app = DaemonApp(token, detect_features(log), log, stops)
        return _serve(args, host, app)
    finally:
        restore_signal_handlers(previous)


def _serve(args, host, app):
    server = listen(host, args.port, app)
    port = server.server_address[1]
    try:
        write_ready_file(args.ready_file, {
            "pid": os.getpid(), "port": port, "host": host, "version": __version__})
    except BaseException:
        server.server_close()
        raise
    try:
        app.log.event("started", "pid=%d" % os.getpid(), "host=%s" % host,
                      "port=%d" % port, "version=%s" % __version__,
                      "features=%s" % ",".join(app.features))
        threading.Thread(target=_serve_forever, args=(server, app),
                         name="ktx-daemon-http", daemon=True).start()
        reason = wait_for_stop(app.stops, app.activity, args.idle_timeout)
        app.log.event("stopping", "reason=%s" % reason)
        # Stops accepting; the listening socket closes in server_close().
        server.shutdown()
    finally:
        # Joins the handler threads, so in-flight requests finish before the
        # ready file goes away and the process exits.
        server.server_close()
        remove_ready_file(args.ready_file, os.getpid())
    app.log.event("stopped")
    return EXIT_OK


def _serve_forever(server, app):
    try:
        server.serve_forever(poll_interval=POLL_INTERVAL)
    except Exception as error:  # the main thread must hear of it, not hang
        app.stops.put("server error: %r" % (error,))


def loopback_host(host):
    bound = LOOPBACK_HOSTS.get(host.lower())
    if bound is None:
        raise StartupError(EXIT_USAGE, "Refusing to listen on %r: only loopback "
                           "hosts (127.0.0.1, ::1, localhost) are allowed." % host)
    return bound


def read_token(token_file, environ):
    """The bearer token: --token-file first, else KTX_DAEMON_TOKEN.

    Never taken from the command line, which other local users can read.
    """
    if token_file is not None:
        try:
            with open(token_file, encoding="utf-8") as handle:
                token = handle.read().strip()
        except (OSError, UnicodeError) as error:
            raise StartupError(EXIT_USAGE, "Cannot read token file %s: %s." % (
                token_file, getattr(error, "strerror", None) or error))
        if not token:
            raise StartupError(EXIT_USAGE, "Token file %s is empty." % token_file)
        return token
    token = environ.get(TOKEN_ENV, "").strip()
    if not token:
        raise StartupError(EXIT_USAGE, "No daemon token given: pass --token-file "
                           "FILE or set %s." % TOKEN_ENV)
    return token


def detect_features(log):
    """Features that really work here, in the contract's order.

    Checked once, before the ready file: "ready" includes knowing what is
    offered, and /health must never change its answer.
    """
    features = ["core"]
    try:
        import numpy  # noqa: F401
    except ModuleNotFoundError as error:
        if error.name != "numpy":
            log.event("features", "local-embeddings unavailable: %s" % error)
    except Exception as error:  # a broken numpy raises more than ImportError
        log.event("features", "local-embeddings unavailable: %r" % (error,))
    else:
        features.append("local-embeddings")
    return features


def listen(host, port, app):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return DaemonHTTPServer((host, port), family, app)
    except OSError as error:
        raise StartupError(EXIT_FAILURE, "Cannot listen on %s port %d: %s." % (
            host, port, error.strerror or error))


def write_ready_file(path, payload):
    """Atomically publish `payload` at `path`, readable by the owner only.

    Readers see either no file or the whole JSON: a temporary file in the
    same directory (mkstemp creates it 0600) is renamed over the target.
    """
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, temp = tempfile.mkstemp(
            prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=directory)
    except OSError as error:
        raise StartupError(EXIT_FAILURE, "Cannot write ready file %s: %s." % (
            path, error.strerror or error))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(payload) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError):
            raise StartupError(EXIT_FAILURE, "Cannot write ready file %s: %s." % (
                path, error.strerror or error))
        raise


def remove_ready_file(path, pid):
    """Remove the ready file if it still describes this process.

    A newer daemon may have been started with the same ready file while this
    one was stopping; its file is not ours to delete.
    """
    try:
        with open(path, encoding="utf-8") as handle:
            recorded = json.load(handle)
    except (OSError, ValueError):
        return False
    if not isinstance(recorded, dict) or recorded.get("pid") != pid:
        return False
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    return True


def install_signal_handlers(stops):
    """SIGTERM and SIGINT ask the main thread to stop; returns the old handlers.

    The handler only puts on a SimpleQueue, whose put() is documented as
    reentrant: a handler that took a lock (logging, Event.set) could deadlock
    against the very code it interrupted.
    """
    previous = {}
    for name in ("SIGTERM", "SIGINT"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            previous[number] = signal.signal(number, _stop_handler(stops, name))
        except ValueError:  # not the main thread: signals are not ours to take
            break
    return previous


def _stop_handler(stops, name):
    def handle(_signum, _frame):
        stops.put(name)
    return handle


def restore_signal_handlers(previous):
    for number, handler in previous.items():
        signal.signal(number, handler)


def wait_for_stop(stops, activity, idle_timeout):
    """Block until a stop is requested or the daemon has been idle too long.

    Returns the reason, for the log.
    """
    while True:
        timeout = MAX_WAIT
        if idle_timeout:
            remaining = idle_timeout - activity.idle_for()
            if remaining <= 0:
                return "idle timeout (%gs without requests)" % idle_timeout
            timeout = min(timeout, remaining)
        try:
            return stops.get(timeout=timeout)
        except queue.Empty:
            pass


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


def printable(text):
    """Keeps one event per log line whatever a client sends."""
    return "".join(c if c.isprintable() else "?" for c in text)


class EventLog:
    """One line per event, ISO-8601 UTC timestamp first; thread-safe."""

    def __init__(self, stream, owned):
        self.owned = owned
        self._stream = stream
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path):
        if path is None:
            # sys.stderr is None when started without one (pythonw, some
            # detached launches); events then go nowhere rather than crash.
            return cls(sys.stderr or open(os.devnull, "w"), owned=sys.stderr is None)
        try:
            # Appends to the caller's log; created owner-only when missing.
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        except OSError as error:
            raise StartupError(EXIT_FAILURE, "Cannot open log file %s: %s." % (
                path, error.strerror or error))
        return cls(os.fdopen(fd, "a", encoding="utf-8"), owned=True)

    def event(self, name, *details):
        stamp = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
        line = " ".join((stamp, name) + details) + "\n"
        with self._lock:
            # A full disk or closed stderr must not take a request down.
            with contextlib.suppress(OSError, ValueError):
                self._stream.write(line)
                self._stream.flush()

    def close(self):
        if self.owned:
            with self._lock:
                with contextlib.suppress(OSError):
                    self._stream.close()
