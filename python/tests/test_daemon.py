"""`ktx-daemon serve-http`, run as a real process on a port the system picks."""

import contextlib
import datetime
import functools
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import daemon_support as ds  # noqa: E402

sys.path.insert(0, ds.SRC_DIR)

from kaelio_ktx import __version__, cli  # noqa: E402

TOKEN = "ktx-test-token-0123456789abcdef"
ON_LINUX = sys.platform.startswith("linux")
ON_POSIX = os.name == "posix"
LOG_LINE = re.compile(r"^(\S+) (\S+)(?: (.*))?$")


@functools.lru_cache(maxsize=None)
def expected_features():
    # Asked of a fresh interpreter, as the daemon does, not of this process.
    result = subprocess.run([sys.executable, "-c", "import numpy"], env=ds.daemon_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            timeout=60)
    return ["core", "local-embeddings"] if result.returncode == 0 else ["core"]


def write_text(path, text):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def read_text(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def parse_log(text):
    """(timestamp, event, details) per line; every line must parse."""
    events = []
    for line in text.splitlines():
        match = LOG_LINE.match(line)
        if match is None:
            raise AssertionError("unparsable log line: %r" % line)
        stamp = datetime.datetime.fromisoformat(match.group(1))
        if stamp.utcoffset() is None:
            raise AssertionError("log timestamp without a UTC offset: %r" % line)
        events.append((stamp, match.group(2), match.group(3) or ""))
    return events


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


def can_bind_ipv6_loopback():
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


class Workspace:
    """A temporary directory holding a daemon's ready, log and token files."""

    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix="ktx-daemon-test-")
        self.ready_file = self.path("daemon.json")
        self.log_file = self.path("daemon.log")
        self.token_file = write_text(self.path("token"), TOKEN + "\n")

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def start(self, *extra, host="127.0.0.1", env=None, token_file=True):
        """A running daemon and its ready file's content; the caller stops it."""
        args = list(extra) + ["--log-file", self.log_file]
        if token_file:
            args += ["--token-file", self.token_file]
        process = ds.start(ds.source_command() + ds.serve_args(
            self.ready_file, *args, host=host), env or ds.daemon_env())
        try:
            return process, ds.wait_for_ready(process, self.ready_file)
        except BaseException:
            ds.stop(process)
            raise


class DaemonTestCase(unittest.TestCase):
    def setUp(self):
        self.ws = Workspace()
        self.addCleanup(self.ws.close)

    def start(self, *extra, **options):
        process, ready = self.ws.start(*extra, **options)
        self.addCleanup(ds.stop, process)
        return process, ready

    def refuse(self, *args, env=None):
        """Exit status and stderr of a serve-http that must not start."""
        result = subprocess.run(
            ds.source_command() + ["serve-http"] + list(args),
            env=env or ds.daemon_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            universal_newlines=True, timeout=60)
        self.assertEqual(result.stdout, "")
        return result.returncode, result.stderr

    def assert_stopped_gracefully(self, process, reason):
        code, stderr = ds.wait_for_exit(process)
        self.assertEqual(code, 0, stderr)
        self.assertFalse(os.path.exists(self.ws.ready_file))
        events = [(event, details) for _, event, details
                  in parse_log(read_text(self.ws.log_file))]
        self.assertIn(("stopping", "reason=" + reason), events)
        self.assertEqual(events[-1], ("stopped", ""))


class RunningDaemonTest(unittest.TestCase):
    """Read-only checks against one daemon, token from a file."""

    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
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
        if ON_POSIX:
            self.assertEqual(os.stat(self.ws.ready_file).st_mode & 0o777, 0o600)
        # The temporary file was renamed, not left behind.
        self.assertEqual(sorted(os.listdir(self.ws.tmp)),
                         ["daemon.json", "daemon.log", "token"])

    def test_health_with_the_token(self):
        status, body, headers = ds.request(self.port, "GET", "/health", token=TOKEN)
        self.assertEqual(status, 200)
        self.assertEqual(body, {"status": "healthy", "version": __version__,
                                "features": expected_features()})
        self.assertEqual(headers["Content-Type"], "application/json")

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

    @unittest.skipUnless(ON_LINUX, "reads /proc/<pid>/cmdline")
    def test_token_is_not_on_the_command_line(self):
        args = ds.command_line(self.process.pid)
        self.assertIn(b"serve-http", args)
        self.assertFalse(any(TOKEN.encode() in arg for arg in args), args)

    @unittest.skipUnless(ON_LINUX, "reads /proc/net/tcp")
    def test_listens_on_127_0_0_1_only(self):
        self.assertEqual(listening_addresses(self.port), ["0100007F"])
        # 127.0.0.2 is this host too: a wildcard listener would accept it.
        with self.assertRaises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.2", self.port), timeout=5).close()

    def test_token_file_is_left_alone(self):
        with open(self.ws.token_file, encoding="utf-8") as handle:
            self.assertEqual(handle.read(), TOKEN + "\n")


class StopTest(DaemonTestCase):
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
                self.assertTrue(response.readline().startswith(b"HTTP/1.0 200 "))
        self.assert_stopped_gracefully(process, "POST /shutdown")

    def wait_for_log(self, fragment, timeout=10.0):
        deadline = time.monotonic() + timeout
        while fragment not in read_text(self.ws.log_file):
            if time.monotonic() > deadline:
                self.fail("%r never logged" % fragment)
            time.sleep(0.02)

    @unittest.skipUnless(ON_POSIX, "POSIX signals")
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
        write_text(self.ws.log_file, "an earlier line\n")
        process, ready = self.start()
        ds.request(ready["port"], "GET", "/health", token=TOKEN)
        ds.request(ready["port"], "GET", "/health?secret=1")
        ds.request(ready["port"], "POST", "/shutdown", token=TOKEN)
        self.assertEqual(ds.wait_for_exit(process), (0, ""))
        text = read_text(self.ws.log_file)
        first, _, appended = text.partition("\n")
        self.assertEqual(first, "an earlier line")
        self.assertNotIn(TOKEN, text)
        self.assertNotIn("secret", text)
        events = [(event, details) for _, event, details in parse_log(appended)]
        self.assertEqual(events, [
            ("started", "pid=%d host=127.0.0.1 port=%d version=%s features=%s" % (
                process.pid, ready["port"], __version__, ",".join(expected_features()))),
            ("request", "GET /health 200"), ("request", "GET /health 401"),
            ("request", "POST /shutdown 200"), ("stopping", "reason=POST /shutdown"),
            ("stopped", "")])

    def test_a_ready_file_replaced_by_another_daemon_is_kept(self):
        process, ready = self.start()
        write_text(self.ws.ready_file, json.dumps(dict(ready, pid=ready["pid"] + 1)))
        ds.request(ready["port"], "POST", "/shutdown", token=TOKEN)
        self.assertEqual(ds.wait_for_exit(process)[0], 0)
        self.assertTrue(os.path.exists(self.ws.ready_file))


class TokenAndHostTest(DaemonTestCase):
    def test_token_from_the_environment(self):
        process, ready = self.start(env=ds.daemon_env(KTX_DAEMON_TOKEN=" %s\n" % TOKEN),
                                    token_file=False)
        self.assertEqual(ds.request(ready["port"], "GET", "/health", token=TOKEN)[0], 200)
        self.assertEqual(ds.request(ready["port"], "GET", "/health", token="x")[0], 401)
        if ON_LINUX:
            self.assertFalse(any(TOKEN.encode() in arg
                                 for arg in ds.command_line(process.pid)))

    def test_token_file_wins_over_the_environment(self):
        _, ready = self.start(env=ds.daemon_env(KTX_DAEMON_TOKEN="from-the-environment"))
        self.assertEqual(ds.request(ready["port"], "GET", "/health", token=TOKEN)[0], 200)
        self.assertEqual(ds.request(ready["port"], "GET", "/health",
                                    token="from-the-environment")[0], 401)

    def test_localhost_listens_on_127_0_0_1(self):
        _, ready = self.start(host="localhost")
        self.assertEqual(ready["host"], "127.0.0.1")
        self.assertEqual(ds.request(ready["port"], "GET", "/health", token=TOKEN)[0], 200)

    @unittest.skipUnless(can_bind_ipv6_loopback(), "no IPv6 loopback on this host")
    def test_ipv6_loopback(self):
        _, ready = self.start(host="::1")
        self.assertEqual(ready["host"], "::1")
        self.assertEqual(ds.request(ready["port"], "GET", "/health", token=TOKEN,
                                    host="::1")[0], 200)


class RefusalTest(DaemonTestCase):
    """One real process per kind of refusal; the variants run in-process."""

    def call_main(self, *args, env=None):
        stdout, stderr = io.StringIO(), io.StringIO()
        with mock.patch.dict(os.environ, env or ds.daemon_env(), clear=True), \
                contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = cli.main(["serve-http"] + list(args))
        self.assertEqual(stdout.getvalue(), "")
        return code, stderr.getvalue()

    def assert_refused(self, code, stderr, fragment):
        self.assertEqual(code, 2, stderr)
        self.assertEqual(stderr.count("\n"), 1, stderr)
        self.assertIn(fragment, stderr)
        self.assertFalse(os.path.exists(self.ws.ready_file))

    def test_non_loopback_hosts_are_refused(self):
        args = ds.serve_args(self.ws.ready_file, "--token-file", self.ws.token_file,
                             host="0.0.0.0")[1:]
        self.assert_refused(*self.refuse(*args), "only loopback hosts")
        for host in ("::", "192.168.1.10", "example.com", "127.0.0.2", ""):
            with self.subTest(host=host):
                args = ds.serve_args(self.ws.ready_file, "--token-file",
                                     self.ws.token_file, host=host)[1:]
                self.assert_refused(*self.call_main(*args), "only loopback hosts")

    def test_missing_token_is_refused(self):
        args = ds.serve_args(self.ws.ready_file)[1:]
        self.assert_refused(*self.refuse(*args), "KTX_DAEMON_TOKEN")
        empty = write_text(self.ws.path("empty-token"), " \n")
        cases = {
            "empty environment": ([], ds.daemon_env(KTX_DAEMON_TOKEN="  ")),
            "missing file": (["--token-file", self.ws.path("no-such-file")], None),
            "empty file": (["--token-file", empty], None),
        }
        for name, (extra, env) in cases.items():
            with self.subTest(name):
                self.assert_refused(*self.call_main(*args + extra, env=env), "oken")
        self.assertTrue(os.path.exists(empty), "the caller's token file was deleted")

    def test_bad_values_are_usage_errors(self):
        for extra in (["--port", "65536"], ["--port", "http"], ["--idle-timeout", "-1"],
                      ["--idle-timeout", "nan"], ["--ready-file"]):
            with self.subTest(extra=extra):
                code, stderr = self.call_main("--ready-file", self.ws.ready_file,
                                              "--token-file", self.ws.token_file, *extra)
                self.assertEqual(code, 2, stderr)
                self.assertIn("usage: ktx-daemon", stderr)
                self.assertFalse(os.path.exists(self.ws.ready_file))

    def test_token_is_not_an_abbreviation_of_token_file(self):
        # Taken as --token-file, the secret would be echoed as a file name.
        code, stderr = self.call_main("--ready-file", self.ws.ready_file, "--token", TOKEN)
        self.assertEqual(code, 2, stderr)
        self.assertIn("unrecognized arguments", stderr)
        self.assertNotIn("Cannot read token file", stderr)

    def test_a_busy_port_fails_with_exit_1(self):
        with socket.socket() as busy:
            busy.bind(("127.0.0.1", 0))
            busy.listen(1)
            code, stderr = self.refuse(
                "--port", str(busy.getsockname()[1]), "--ready-file", self.ws.ready_file,
                "--token-file", self.ws.token_file)
        self.assertEqual(code, 1, stderr)
        self.assertIn("Cannot listen on 127.0.0.1", stderr)
        self.assertFalse(os.path.exists(self.ws.ready_file))


class FeatureTest(DaemonTestCase):
    def test_a_numpy_that_fails_to_import_means_core_only(self):
        stub = self.ws.path("stub", "numpy")
        os.makedirs(stub)
        write_text(os.path.join(stub, "__init__.py"), "raise ImportError('broken numpy')\n")
        env = ds.daemon_env(PYTHONPATH=os.pathsep.join([self.ws.path("stub"), ds.SRC_DIR]))
        _, ready = self.start(env=env)
        body = ds.request(ready["port"], "GET", "/health", token=TOKEN)[1]
        self.assertEqual(body["features"], ["core"])
        with open(self.ws.log_file, encoding="utf-8") as handle:
            self.assertIn("local-embeddings unavailable", handle.read())


class ImportCostTest(unittest.TestCase):
    def test_the_cli_does_not_import_the_server(self):
        probe = ("import sys, kaelio_ktx.cli; "
                 "print(sorted(m for m in ('http.server', 'kaelio_ktx.daemon', 'numpy') "
                 "if m in sys.modules))")
        result = subprocess.run([sys.executable, "-c", probe], env=ds.daemon_env(),
                                stdout=subprocess.PIPE, universal_newlines=True, timeout=60)
        self.assertEqual(result.stdout, "[]\n")


if __name__ == "__main__":
    unittest.main()
