"""The wheel installs and runs, pip's PEP 517 path agrees, and the CLI behaves."""

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD_SCRIPT = os.path.join(PYTHON_DIR, "build_backend", "ktx_build.py")
SRC_DIR = os.path.join(PYTHON_DIR, "src")
sys.path.insert(0, os.path.dirname(BUILD_SCRIPT))
sys.path.insert(0, SRC_DIR)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import daemon_support  # noqa: E402
import ktx_build  # noqa: E402
from kaelio_ktx import cli  # noqa: E402

VERSION = ktx_build.load_project(PYTHON_DIR).version
# First pip release with `pip --python`, used to install into a pip-less venv.
PIP_WITH_PYTHON_OPTION = (22, 3)
DAEMON_TOKEN = "ktx-install-test-token"


def pip_version():
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:
        return None
    try:
        raw = version("pip")
    except PackageNotFoundError:
        return None
    return tuple(int(part) for part in re.findall(r"\d+", raw)[:2])


def subprocess_env():
    # The default index does not answer on every build host; --no-index plus
    # no retries keeps a misconfiguration from hanging the suite.
    env = dict(os.environ, PIP_RETRIES="0", PIP_DISABLE_PIP_VERSION_CHECK="1",
               PIP_NO_INPUT="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop("PYTHONPATH", None)
    return env


def run(args, **kwargs):
    result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            universal_newlines=True, timeout=120,
                            env=kwargs.pop("env", subprocess_env()), **kwargs)
    if result.returncode != 0:
        raise AssertionError("%s failed (%d):\n%s%s" % (
            args, result.returncode, result.stdout, result.stderr))
    return result


def venv_executable(venv, name):
    if os.name == "nt":
        return os.path.join(venv, "Scripts", name + ".exe")
    return os.path.join(venv, "bin", name)


def read_bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


class InstalledWheelTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ktx-install-test-")
        cls.wheel = run([sys.executable, BUILD_SCRIPT, "--out-dir",
                         os.path.join(cls.tmp, "dist")]).stdout.strip()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def installed_venv(cls):
        """A venv with the wheel installed, made once for the tests that need it."""
        venv = os.path.join(cls.tmp, "venv")
        if not os.path.exists(venv_executable(venv, "ktx-daemon")):
            run([sys.executable, "-m", "venv", "--without-pip", venv])
            run([sys.executable, "-m", "pip", "--python", venv_executable(venv, "python"),
                 "install", "--no-index", "--no-deps", cls.wheel])
        return venv

    @unittest.skipIf((pip_version() or (0,)) < PIP_WITH_PYTHON_OPTION,
                     "host pip is missing or older than 22.3 (no --python option)")
    def test_wheel_installs_into_a_fresh_venv_and_runs(self):
        venv = self.installed_venv()
        python = venv_executable(venv, "python")
        version = run([venv_executable(venv, "ktx-daemon"), "--version"], cwd=self.tmp)
        self.assertEqual(version.stdout, "ktx-daemon %s\n" % VERSION)
        imported = run([python, "-c", "import kaelio_ktx; print(kaelio_ktx.__version__)"],
                       cwd=self.tmp)
        self.assertEqual(imported.stdout, VERSION + "\n")

    @unittest.skipIf((pip_version() or (0,)) < PIP_WITH_PYTHON_OPTION,
                     "host pip is missing or older than 22.3 (no --python option)")
    def test_console_script_serves_http_and_is_found_by_its_command_line(self):
        ready_file = os.path.join(self.tmp, "daemon.json")
        env = dict(subprocess_env(), KTX_DAEMON_TOKEN=DAEMON_TOKEN)
        script = venv_executable(self.installed_venv(), "ktx-daemon")
        process = daemon_support.start([script] + daemon_support.serve_args(ready_file),
                                       env, cwd=self.tmp)
        self.addCleanup(daemon_support.stop, process)
        port = daemon_support.wait_for_ready(process, ready_file)["port"]
        status, body, _ = daemon_support.request(port, "GET", "/health", token=DAEMON_TOKEN)
        self.assertEqual((status, body["version"]), (200, VERSION))
        if sys.platform.startswith("linux"):
            # The Java side finds daemons by these two words in the command line.
            args = [os.path.basename(arg) for arg in daemon_support.command_line(process.pid)]
            self.assertIn(b"ktx-daemon", args)
            self.assertIn(b"serve-http", args)
        daemon_support.request(port, "POST", "/shutdown", token=DAEMON_TOKEN)
        code, stderr = daemon_support.wait_for_exit(process)
        self.assertEqual(code, 0, stderr)
        self.assertIn("started pid=%d" % process.pid, stderr)
        self.assertFalse(os.path.exists(ready_file))

    @unittest.skipIf(pip_version() is None, "pip is not installed for this Python")
    def test_pip_wheel_through_the_in_tree_backend_gives_identical_bytes(self):
        out = os.path.join(self.tmp, "pip-wheel")
        run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-index",
             PYTHON_DIR, "-w", out], cwd=self.tmp)
        name = os.path.basename(self.wheel)
        self.assertEqual(os.listdir(out), [name])
        self.assertEqual(read_bytes(os.path.join(out, name)), read_bytes(self.wheel))


class CommandLineTest(unittest.TestCase):
    def call_main(self, argv):
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = cli.main(argv)
        return code, stdout.getvalue(), stderr.getvalue()

    def test_version(self):
        self.assertEqual(self.call_main(["--version"]), (0, "ktx-daemon %s\n" % VERSION, ""))

    def test_no_subcommand_prints_help_and_exits_2(self):
        code, stdout, stderr = self.call_main([])
        self.assertEqual((code, stdout), (2, ""))
        self.assertTrue(stderr.startswith("usage: ktx-daemon"), stderr)

    def test_unknown_subcommand_is_a_usage_error(self):
        code, _, stderr = self.call_main(["no-such-command"])
        self.assertEqual(code, 2)
        self.assertIn("invalid choice", stderr)

    def test_python_dash_m_matches_the_console_script(self):
        env = dict(subprocess_env(), PYTHONPATH=SRC_DIR)
        result = run([sys.executable, "-m", "kaelio_ktx", "--version"], env=env)
        self.assertEqual(result.stdout, "ktx-daemon %s\n" % VERSION)


if __name__ == "__main__":
    unittest.main()
