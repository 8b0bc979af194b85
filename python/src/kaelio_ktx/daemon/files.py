"""What `ktx-daemon serve-http` reads and writes: token, ready file and log.

Also the refusal type and exit statuses, since most refusals come from here
and the other daemon modules build on this one (it imports none of them).
Part of the daemon: imported by its lifecycle, never by cli.py.
"""

import contextlib
import json
import os
import sys
import tempfile
import threading
from datetime import datetime, timezone

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

TOKEN_ENV = "KTX_DAEMON_TOKEN"


class StartupError(Exception):
    """A refusal to start: one sentence for stderr and the exit status."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


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
