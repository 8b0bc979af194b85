"""The routes without a socket: what a request gets when something inside fails."""

import json
import os
import queue
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src"))

from kaelio_ktx.http import routes  # noqa: E402
from kaelio_ktx.http.app import DaemonApp  # noqa: E402

TOKEN = "routes-test-token"


class RecordingLog:
    def __init__(self):
        self.events = []

    def event(self, name, *details):
        self.events.append((name,) + details)


class FailingEmbedder:
    """Fails as onnxruntime does on a token id the model has no embedding for."""
    name = "tiny"
    loaded = True
    dimensions = 4

    def embed(self, texts, truncate=True, dimensions=None):
        raise RuntimeError("[ONNXRuntimeError] : 2 : INVALID_ARGUMENT : indices element out of data bounds\nmore")


class UnexpectedFailureTest(unittest.TestCase):

    def setUp(self):
        self.log = RecordingLog()
        self.app = DaemonApp(TOKEN, ["core", "local-embeddings"], self.log, queue.Queue(),
                             embedder=FailingEmbedder())

    def request(self, body):
        return routes.handle(self.app, "POST", "/v1/embeddings", "Bearer " + TOKEN,
                             json.dumps(body).encode("utf-8"))

    def test_an_unexpected_failure_is_a_500_in_openais_shape_and_is_logged(self):
        response = self.request({"input": ["hello"]})

        self.assertEqual(response.status, 500)
        self.assertEqual(response.body["error"]["type"], "server_error")
        self.assertEqual(response.body["error"]["message"],
                         "The daemon failed on this request (RuntimeError: [ONNXRuntimeError] : 2 : "
                         "INVALID_ARGUMENT : indices element out of data bounds); its log has the details.")
        self.assertEqual(self.log.events[-1][0], "error")
        self.assertIn("POST /v1/embeddings RuntimeError", self.log.events[-1][1])

    def test_the_daemon_serves_on_after_it(self):
        self.request({"input": ["hello"]})

        health = routes.handle(self.app, "GET", "/health", "Bearer " + TOKEN, b"")
        self.assertEqual(health.status, 200)
        # The failed request is no longer counted as in flight (an idle daemon may still stop).
        self.assertGreaterEqual(self.app.activity.idle_for(), 0.0)
        self.assertEqual(self.app.activity._in_flight, 0)


if __name__ == "__main__":
    unittest.main()
