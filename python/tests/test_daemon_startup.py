"""What `ktx-daemon serve-http` accepts before it listens (token sources,
loopback hosts) and refuses (exit status and one sentence), and what
importing the CLI costs."""

import contextlib
import io
import os
import socket
import subprocess
import sys
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import daemon_support as ds  # noqa: E402

sys.path.insert(0, ds.SRC_DIR)

from kaelio_ktx import cli  # noqa: E402

TOKEN = ds.TOKEN


def can_bind_ipv6_loopback():
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


class TokenAndHostTest(ds.DaemonTestCase):
    def test_token_from_the_environment(self):
        process, ready = self.start(env=ds.daemon_env(KTX_DAEMON_TOKEN=" %s\n" % TOKEN),
                                    token_file=False)
        self.assertEqual(ds.request(ready["port"], "GET", "/health", token=TOKEN)[0], 200)
        self.assertEqual(ds.request(ready["port"], "GET", "/health", token="x")[0], 401)
        if ds.ON_LINUX:
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


class RefusalTest(ds.DaemonTestCase):
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
        empty = ds.write_text(self.ws.path("empty-token"), " \n")
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


class ImportCostTest(unittest.TestCase):
    def test_the_cli_does_not_import_the_server(self):
        # Every daemon module, not only the entry: one imported by cli.py
        # would drag http.server into `ktx-daemon --version` sooner or later.
        modules = ("http.server", "numpy", "onnxruntime", "tokenizers",
                   "kaelio_ktx.daemon", "kaelio_ktx.http", "kaelio_ktx.embeddings")
        probe = ("import sys, kaelio_ktx.cli; "
                 "print(sorted(m for m in %r if m in sys.modules))" % (modules,))
        result = subprocess.run([sys.executable, "-c", probe], env=ds.daemon_env(),
                                stdout=subprocess.PIPE, universal_newlines=True, timeout=60)
        self.assertEqual(result.stdout, "[]\n")


if __name__ == "__main__":
    unittest.main()
