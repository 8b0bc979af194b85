"""How `ktx-daemon serve-http` starts and stops: POST /shutdown, signals, the
idle timeout, requests in flight, the log it keeps and the features it finds."""

import http.client
import json
import os
import socket
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import daemon_support as ds  # noqa: E402
import embedding_envs  # noqa: E402

sys.path.insert(0, ds.SRC_DIR)

from kaelio_ktx import __version__  # noqa: E402
from kaelio_ktx.http import server  # noqa: E402

TOKEN = ds.TOKEN


class StopTest(ds.DaemonTestCase):
    def test_post_shutdown_answers_then_stops(self):
        process, ready = self.start()
        status, body, _ = ds.request(ready["port"], "POST", "/shutdown", token=TOKEN)
        self.assertEqual((status, body), (200, {"status": "stopping"}))
        self.assert_stopped_gracefully(process, "POST /shutdown")
        with self.assertRaises(OSError):
            ds.request(ready["port"], "GET", "/health", token=TOKEN)

    def test_shutdown_lets_a_request_in_flight_finish(self):
        process, ready = self.start()
        with socket.create_connection(("127.0.0.1", ready["port"]), timeout=10) as slow:
            # Headers not finished: the daemon has accepted it and is mid-request.
            slow.sendall(("GET /health HTTP/1.0\r\nAuthorization: Bearer %s\r\n"
                          % TOKEN).encode("ascii"))
            ds.request(ready["port"], "POST", "/shutdown", token=TOKEN)
            self.wait_for_log("stopping reason=POST /shutdown")
            self.assertIsNone(process.poll(), "exited with a request in flight")
            slow.sendall(b"\r\n")
            with slow.makefile("rb") as response:
                head = response.read()
            self.assertTrue(head.startswith(b"HTTP/1.1 200 "), head)
            self.assertIn(b"\r\nConnection: close", head)
        self.assert_stopped_gracefully(process, "POST /shutdown")

    def test_an_idle_keep_alive_connection_does_not_hold_up_the_stop(self):
        process, ready = self.start()
        idle = http.client.HTTPConnection("127.0.0.1", ready["port"], timeout=10)
        try:
            idle.request("GET", "/health", headers={"Authorization": "Bearer " + TOKEN})
            self.assertEqual(idle.getresponse().read()[:1], b"{")
            started = time.monotonic()
            ds.request(ready["port"], "POST", "/shutdown", token=TOKEN)
            self.assert_stopped_gracefully(process, "POST /shutdown")
            # Well under the 5 s a quiet connection is otherwise given.
            self.assertLess(time.monotonic() - started, server.CONNECTION_TIMEOUT / 2)
            self.assertEqual(idle.sock.recv(1), b"", "the idle connection was left open")
        finally:
            idle.close()

    def wait_for_log(self, fragment, timeout=10.0):
        deadline = time.monotonic() + timeout
        while fragment not in ds.read_text(self.ws.log_file):
            if time.monotonic() > deadline:
                self.fail("%r never logged" % fragment)
            time.sleep(0.02)

    @unittest.skipUnless(ds.ON_POSIX, "POSIX signals")
    def test_sigterm_and_sigint_stop_it_gracefully(self):
        for name in ("SIGTERM", "SIGINT"):
            with self.subTest(signal=name):
                if os.path.exists(self.ws.log_file):
                    os.remove(self.ws.log_file)
                process, _ = self.start()
                ds.send_signal(process, name)
                self.assert_stopped_gracefully(process, name)

    def test_idle_timeout_stops_it(self):
        started = time.monotonic()
        process, _ = self.start("--idle-timeout", "0.5")
        self.assert_stopped_gracefully(process, "idle timeout (0.5s without requests)")
        self.assertGreaterEqual(time.monotonic() - started, 0.5)

    def test_a_request_postpones_the_idle_timeout(self):
        process, ready = self.start("--idle-timeout", "1")
        time.sleep(0.6)
        self.assertEqual(ds.request(ready["port"], "GET", "/health", token=TOKEN)[0], 200)
        time.sleep(0.6)
        # Over a second since start, but not since the request.
        self.assertIsNone(process.poll())
        self.assert_stopped_gracefully(process, "idle timeout (1s without requests)")

    def test_log_file_records_start_requests_and_shutdown(self):
        ds.write_text(self.ws.log_file, "an earlier line\n")
        process, ready = self.start()
        ds.request(ready["port"], "GET", "/health", token=TOKEN)
        ds.request(ready["port"], "GET", "/health?secret=1")
        ds.request(ready["port"], "POST", "/shutdown", token=TOKEN)
        self.assertEqual(ds.wait_for_exit(process), (0, ""))
        text = ds.read_text(self.ws.log_file)
        first, _, appended = text.partition("\n")
        self.assertEqual(first, "an earlier line")
        self.assertNotIn(TOKEN, text)
        self.assertNotIn("secret", text)
        # What feature detection says depends on this interpreter (FeatureTest).
        events = [(event, details) for _, event, details in ds.parse_log(appended)
                  if event != "features"]
        self.assertEqual(events, [
            ("started", "pid=%d host=127.0.0.1 port=%d version=%s features=%s" % (
                process.pid, ready["port"], __version__,
                ",".join(ds.expected_features()))),
            ("request", "GET /health 200"), ("request", "GET /health 401"),
            ("request", "POST /shutdown 200"), ("stopping", "reason=POST /shutdown"),
            ("stopped", "")])

    def test_a_ready_file_replaced_by_another_daemon_is_kept(self):
        process, ready = self.start()
        ds.write_text(self.ws.ready_file, json.dumps(dict(ready, pid=ready["pid"] + 1)))
        ds.request(ready["port"], "POST", "/shutdown", token=TOKEN)
        self.assertEqual(ds.wait_for_exit(process)[0], 0)
        self.assertTrue(os.path.exists(self.ws.ready_file))


class FeatureTest(ds.DaemonTestCase):
    """In the runtime test environment, where every embedding package imports."""

    def test_with_the_embedding_packages_local_embeddings_is_offered(self):
        _, ready = self.start(python=embedding_envs.runtime_python())
        body = ds.request(ready["port"], "GET", "/health", token=TOKEN)[1]
        self.assertEqual(body["features"], ["core", "local-embeddings"])

    def test_a_numpy_that_fails_to_import_means_core_only(self):
        stub = self.ws.path("stub", "numpy")
        os.makedirs(stub)
        ds.write_text(os.path.join(stub, "__init__.py"),
                      "raise ImportError('broken numpy')\n")
        env = ds.daemon_env(PYTHONPATH=os.pathsep.join([self.ws.path("stub"), ds.SRC_DIR]))
        _, ready = self.start(env=env, python=embedding_envs.runtime_python())
        body = ds.request(ready["port"], "GET", "/health", token=TOKEN)[1]
        self.assertEqual(body["features"], ["core"])
        with open(self.ws.log_file, encoding="utf-8") as handle:
            self.assertIn("local-embeddings unavailable: numpy: ImportError('broken numpy')",
                          handle.read())


if __name__ == "__main__":
    unittest.main()
