"""What the request handlers share: token, features, embedder, log and stops."""

import hmac
import threading
import time


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
    """One daemon's state, as the routes see it.

    `embedder` is None when the local-embeddings feature is unavailable;
    `stops` is the lifecycle's queue (put a reason on it to stop the daemon);
    `log` has `event(name, *details)`.
    """

    def __init__(self, token, features, log, stops, embedder=None):
        self._token = token.encode("utf-8")
        self.features = list(features)
        self.embedder = embedder
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
        try:
            sent = credentials.strip().encode("latin-1")
        except UnicodeEncodeError:
            return False
        return hmac.compare_digest(sent, self._token)
