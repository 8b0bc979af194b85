"""The HTTP API of one running `ktx-daemon serve-http`: ready file, health,
authentication, routing and where it listens."""

import http.client
import os
import socket
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import daemon_support as ds  # noqa: E402

sys.path.insert(0, ds.SRC_DIR)

from kaelio_ktx import __version__  # noqa: E402

TOKEN = ds.TOKEN


def listening_addresses(port):
    """Local addresses of the sockets listening on `port`, from /proc/net."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table, encoding="ascii") as handle:
            for row in handle.read().splitlines()[1:]:
                local, state = row.split()[1], row.split()[3]
                address, _, hex_port = local.partition(":")
                if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                    found.append(address)
    return found


class RunningDaemonTest(unittest.TestCase):
    """Read-only checks against one daemon, token from a file."""

    @classmethod
    def setUpClass(cls):
        cls.ws = ds.Workspace()
        try:
            cls.process, cls.ready = cls.ws.start()
        except BaseException:
            cls.ws.close()
            raise
        cls.port = cls.ready["port"]

    @classmethod
    def tearDownClass(cls):
        ds.stop(cls.process)
        cls.ws.close()

    def test_ready_file_names_the_listening_port_and_pid_owner_only(self):
        self.assertEqual(self.ready, {"pid": self.process.pid, "port": self.port,
                                      "host": "127.0.0.1", "version": __version__})
        self.assertGreater(self.port, 0)
        if ds.ON_POSIX:
            self.assertEqual(os.stat(self.ws.ready_file).st_mode & 0o777, 0o600)
        # The temporary file was renamed, not left behind.
        self.assertEqual(sorted(os.listdir(self.ws.tmp)),
                         ["daemon.json", "daemon.log", "token"])

    def test_health_with_the_token(self):
        status, body, headers = ds.request(self.port, "GET", "/health", token=TOKEN)
        self.assertEqual(status, 200)
        self.assertEqual(body, {"status": "healthy", "version": __version__,
                                "features": ds.expected_features()})
        self.assertEqual(headers["Content-Type"], "application/json")
        self.assertIsNone(headers["Connection"])  # HTTP/1.1: kept alive

    def test_a_connection_serves_request_after_request(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            sockets = []
            for path in ("/health", "/v1/models", "/nowhere", "/health"):
                connection.request("GET", path, headers={"Authorization": "Bearer " + TOKEN})
                response = connection.getresponse()
                response.read()
                self.assertFalse(response.will_close, path)
                sockets.append(connection.sock)
            self.assertEqual(len(set(map(id, sockets))), 1, "a new connection was opened")
            # A client that says it is done is answered, then the connection ends.
            connection.request("GET", "/health", headers={"Authorization": "Bearer " + TOKEN,
                                                          "Connection": "close"})
            response = connection.getresponse()
            self.assertEqual((response.status, response.getheader("Connection")), (200, "close"))
        finally:
            connection.close()

    def test_missing_or_wrong_token_is_unauthorized_everywhere(self):
        credentials = {
            "none": {}, "wrong": {"Authorization": "Bearer not-the-token"},
            "prefix": {"Authorization": "Bearer " + TOKEN[:-1]},
            "longer": {"Authorization": "Bearer " + TOKEN + "x"},
            "basic": {"Authorization": "Basic " + TOKEN},
            "bare": {"Authorization": TOKEN},
        }
        for name, headers in credentials.items():
            for method, path in (("GET", "/health"), ("POST", "/shutdown"),
                                 ("GET", "/no-such-path"), ("DELETE", "/health")):
                with self.subTest(credentials=name, method=method, path=path):
                    status, body, _ = ds.request(self.port, method, path, headers=headers)
                    self.assertEqual((status, body), (401, {"error": "unauthorized"}))
        self.assertIsNone(self.process.poll(), "an unauthorized /shutdown stopped it")

    def test_unknown_path_is_404_and_wrong_method_405(self):
        self.assertEqual(ds.request(self.port, "GET", "/nope", token=TOKEN)[:2],
                         (404, {"error": "not found"}))
        for method, path in (("POST", "/health"), ("GET", "/shutdown"),
                             ("PATCH", "/health"), ("BREW", "/health")):
            with self.subTest(method=method, path=path):
                status, body, _ = ds.request(self.port, method, path, token=TOKEN)
                self.assertEqual((status, body), (405, {"error": "method not allowed"}))

    def test_health_ignores_a_query_string_and_a_scheme_in_lower_case(self):
        status, body, _ = ds.request(self.port, "GET", "/health?probe=1",
                                     headers={"Authorization": "bearer " + TOKEN})
        self.assertEqual((status, body["status"]), (200, "healthy"))

    @unittest.skipUnless(ds.ON_LINUX, "reads /proc/<pid>/cmdline")
    def test_token_is_not_on_the_command_line(self):
        args = ds.command_line(self.process.pid)
        self.assertIn(b"serve-http", args)
        self.assertFalse(any(TOKEN.encode() in arg for arg in args), args)

    @unittest.skipUnless(ds.ON_LINUX, "reads /proc/net/tcp")
    def test_listens_on_127_0_0_1_only(self):
        self.assertEqual(listening_addresses(self.port), ["0100007F"])
        # 127.0.0.2 is this host too: a wildcard listener would accept it.
        with self.assertRaises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.2", self.port), timeout=5).close()

    def test_token_file_is_left_alone(self):
        with open(self.ws.token_file, encoding="utf-8") as handle:
            self.assertEqual(handle.read(), TOKEN + "\n")


if __name__ == "__main__":
    unittest.main()
