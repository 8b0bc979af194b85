"""The loopback HTTP daemon behind `ktx-daemon serve-http`.

The Java CLI starts this detached with a fresh bearer token and waits for the
ready file. Lifecycle: validate the arguments, detect features, bind (port 0
lets the OS pick a free port, so there is no pick-then-bind race), write the
ready file, serve until POST /shutdown, SIGTERM/SIGINT or the idle timeout,
then stop gracefully: stop accepting, let in-flight requests finish, remove
the ready file and exit 0.

This module holds that lifecycle and wires the parts: `files` has the token,
ready file and log, `features` what this environment offers, and
kaelio_ktx.http the request handling and server.
"""

import os
import queue
import signal
import sys
import threading
import time

from kaelio_ktx import __version__
from kaelio_ktx.daemon.features import detect_features
from kaelio_ktx.daemon.files import (
    EXIT_FAILURE, EXIT_OK, EXIT_USAGE, TOKEN_ENV, EventLog, StartupError,
    read_token, remove_ready_file, write_ready_file)
from kaelio_ktx.http.app import DaemonApp
from kaelio_ktx.http.server import listen

# Accepted --host values and the address actually bound. "localhost" is
# pinned to IPv4 so that the address is the same whatever the resolver says.
LOOPBACK_HOSTS = {"127.0.0.1": "127.0.0.1", "::1": "::1", "localhost": "127.0.0.1"}
# How long serve_forever() may take to notice a shutdown request.
POLL_INTERVAL = 0.1
# Upper bound of each wait of the main thread, so that it re-checks the idle
# timeout and, on Windows, lets Ctrl-C through a blocking lock wait.
MAX_WAIT = 1.0


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
        features = detect_features(log)
        app = DaemonApp(token, features, log, stops,
                        embedder=embedder_for(args, features, log))
        return _serve(args, host, app)
    finally:
        restore_signal_handlers(previous)


def _serve(args, host, app):
    try:
        server = listen(host, args.port, app)
    except OSError as error:
        raise StartupError(EXIT_FAILURE, "Cannot listen on %s port %d: %s." % (
            host, args.port, error.strerror or error))
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


def embedder_for(args, features, log):
    """The model this daemon serves, or None without local-embeddings.

    Loaded on first use, or here with --preload: then a model that cannot be
    loaded is a refusal to start, since whoever asked for it wants to know.
    """
    if "local-embeddings" not in features:
        if args.preload:
            raise StartupError(EXIT_FAILURE, "Cannot preload an embedding model: the "
                               "local-embeddings packages do not import here.")
        return None
    from kaelio_ktx.embeddings.embedder import Embedder
    from kaelio_ktx.embeddings.errors import ModelUnavailable
    from kaelio_ktx.embeddings.resolve import configured_model
    embedder = Embedder(configured_model(args.model, os.environ))
    if args.preload:
        started = time.monotonic()
        try:
            embedder.load()
        except ModelUnavailable as error:
            raise StartupError(EXIT_FAILURE, error.message)
        log.event("model", "loaded name=%s dimensions=%d seconds=%.2f" % (
            embedder.name, embedder.dimensions, time.monotonic() - started))
    return embedder


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
