"""Runs `ktx-daemon serve-http` as a real process and talks to it over HTTP.

Shared by the test_daemon_*.py modules and test_install.py; holds no tests
itself (DaemonTestCase is a base class without test methods).
"""

import datetime
import functools
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC_DIR = os.path.join(PYTHON_DIR, "src")
TOKEN_ENV = "KTX_DAEMON_TOKEN"
# Generous: a loaded CI host may take a while to start Python and numpy.
READY_TIMEOUT = 20.0
EXIT_TIMEOUT = 15.0
TOKEN = "ktx-test-token-0123456789abcdef"
ON_LINUX = sys.platform.startswith("linux")
ON_POSIX = os.name == "posix"
LOG_LINE = re.compile(r"^(\S+) (\S+)(?: (.*))?$")


def source_command(python=None):
    """Runs the package from python/src, as the console script would."""
    return [python or sys.executable, "-m", "kaelio_ktx"]


def daemon_env(**extra):
    # The token must only come from where a test puts it.
    env = dict(os.environ, PYTHONPATH=SRC_DIR, PYTHONDONTWRITEBYTECODE="1")
    env.pop(TOKEN_ENV, None)
    env.update(extra)
    return env


def serve_args(ready_file, *extra, host="127.0.0.1"):
    return ["serve-http", "--host", host, "--port", "0",
            "--ready-file", ready_file] + list(extra)


def start(command, env, cwd=None):
    return subprocess.Popen(command, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            universal_newlines=True)


def wait_for_ready(process, ready_file, timeout=READY_TIMEOUT):
    """The ready file's JSON once it appears; fails if the process exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if os.path.exists(ready_file):
            with open(ready_file, encoding="utf-8") as handle:
                return json.load(handle)
        if process.poll() is not None:
            raise AssertionError("daemon exited with %d before it was ready:\n%s"
                                 % (process.returncode, process.stderr.read()))
        time.sleep(0.02)
    raise AssertionError("no ready file %s after %gs" % (ready_file, timeout))


def wait_for_exit(process, timeout=EXIT_TIMEOUT):
    """Exit status and stderr; kills the process if it does not exit in time."""
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        stop(process)
        raise AssertionError("daemon still running after %gs" % timeout)
    return process.returncode, stderr


def stop(process):
    """Cleanup for a daemon a test started: gone, whatever state it is in."""
    if process.poll() is None:
        process.kill()
    process.communicate()


def request(port, method, path, token=None, host="127.0.0.1", headers=None, body=None):
    """(status, parsed JSON body or None, response headers)."""
    sent = dict(headers or {})
    if token is not None:
        sent["Authorization"] = "Bearer " + token
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
        parsed = json.loads(data.decode("utf-8")) if data else None
        return response.status, parsed, response.headers
    finally:
        connection.close()


def command_line(pid):
    """The process's arguments as the system shows them to every local user."""
    with open("/proc/%d/cmdline" % pid, "rb") as handle:
        return handle.read().split(b"\0")


def send_signal(process, name):
    process.send_signal(getattr(signal, name))


@functools.lru_cache(maxsize=None)
def expected_features():
    # Asked of a fresh interpreter, as the daemon does, not of this process.
    from kaelio_ktx.daemon.features import EMBEDDING_MODULES
    probe = "import " + ", ".join(EMBEDDING_MODULES)
    result = subprocess.run([sys.executable, "-c", probe], env=daemon_env(),
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

    def start(self, *extra, host="127.0.0.1", env=None, token_file=True, python=None):
        """A running daemon and its ready file's content; the caller stops it.

        `python` runs it (default: this interpreter), from python/src.
        """
        args = list(extra) + ["--log-file", self.log_file]
        if token_file:
            args += ["--token-file", self.token_file]
        process = start(source_command(python) + serve_args(
            self.ready_file, *args, host=host), env or daemon_env())
        try:
            return process, wait_for_ready(process, self.ready_file)
        except BaseException:
            stop(process)
            raise


class DaemonTestCase(unittest.TestCase):
    """A fresh Workspace per test; daemons started here are stopped after it."""

    def setUp(self):
        self.ws = Workspace()
        self.addCleanup(self.ws.close)

    def start(self, *extra, **options):
        process, ready = self.ws.start(*extra, **options)
        self.addCleanup(stop, process)
        return process, ready

    def refuse(self, *args, env=None):
        """Exit status and stderr of a serve-http that must not start."""
        result = subprocess.run(
            source_command() + ["serve-http"] + list(args),
            env=env or daemon_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            universal_newlines=True, timeout=60)
        self.assertEqual(result.stdout, "")
        return result.returncode, result.stderr

    def assert_stopped_gracefully(self, process, reason):
        code, stderr = wait_for_exit(process)
        self.assertEqual(code, 0, stderr)
        self.assertFalse(os.path.exists(self.ws.ready_file))
        events = [(event, details) for _, event, details
                  in parse_log(read_text(self.ws.log_file))]
        self.assertIn(("stopping", "reason=" + reason), events)
        self.assertEqual(events[-1], ("stopped", ""))
