"""Runs `ktx-daemon serve-http` as a real process and talks to it over HTTP.

Shared by test_daemon.py and test_install.py; holds no tests itself.
"""

import http.client
import json
import os
import signal
import subprocess
import sys
import time

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC_DIR = os.path.join(PYTHON_DIR, "src")
TOKEN_ENV = "KTX_DAEMON_TOKEN"
# Generous: a loaded CI host may take a while to start Python and numpy.
READY_TIMEOUT = 20.0
EXIT_TIMEOUT = 15.0


def source_command():
    """Runs the package from python/src, as the console script would."""
    return [sys.executable, "-m", "kaelio_ktx"]


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
