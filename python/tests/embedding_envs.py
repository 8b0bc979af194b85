"""The embedding tests' environments and model fixtures, built once and cached.

Two environments, both outside the repository (under
`${KTX_TEST_CACHE:-${XDG_CACHE_HOME:-~/.cache}/ktx-tests}`), each keyed by a
hash of its requirements and this interpreter, so a change of either builds a
fresh one and the old one is simply left behind:

- `runtime`: exactly the `local-embeddings` extra of python/pyproject.toml,
  which the daemon under test runs in (as it does in a user's runtime);
- `tools`: sentence-transformers (the reference the daemon must equal), the
  ONNX exporter and the official `openai` client.

The tiny models (fixtures/build_models.py, run in `tools`) are cached beside
them, keyed by the builder's source and the tools environment. Holds no tests
itself.
"""

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys

import json

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.dirname(TESTS_DIR)
SRC_DIR = os.path.join(PYTHON_DIR, "src")
BUILDER = os.path.join(TESTS_DIR, "fixtures", "build_models.py")
TOOLS_REQUIREMENTS = ("sentence-transformers", "onnx", "openai")
# pip resolves from the machine's index; its default index may not answer,
# and a retry loop against it would only make a failure slow.
PIP_ENV = {"PIP_RETRIES": "0", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
INSTALL_TIMEOUT = 900
COMPLETE = ".complete"



def cache_root():
    configured = os.environ.get("KTX_TEST_CACHE")
    if configured:
        return os.path.abspath(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "ktx-tests")


def runtime_requirements():
    """The `local-embeddings` extra, read from the project's pyproject.toml."""
    sys.path.insert(0, os.path.join(PYTHON_DIR, "build_backend"))
    try:
        from _ktx_project import load_project
    finally:
        sys.path.pop(0)
    return tuple(load_project(PYTHON_DIR).extras["local-embeddings"])


def runtime_python():
    return venv_python("runtime", runtime_requirements())


def tools_python():
    return venv_python("tools", TOOLS_REQUIREMENTS)


@contextlib.contextmanager
def locked(path):
    """An exclusive OS lock on `path`: concurrent test runs build once."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "a+") as handle:
        if os.name == "posix":
            import fcntl
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def venv_python(name, requirements):
    """The python of a cached venv holding `requirements`, built if needed."""
    key = hashlib.sha256(repr((sys.version, sys.executable, name, requirements))
                         .encode("utf-8")).hexdigest()[:12]
    directory = os.path.join(cache_root(), "venvs", "%s-%s" % (name, key))
    python = os.path.join(directory, "Scripts" if os.name == "nt" else "bin", "python")
    if os.path.exists(os.path.join(directory, COMPLETE)):
        return python
    with locked(directory + ".lock"):
        if not os.path.exists(os.path.join(directory, COMPLETE)):
            _build(directory, python, requirements)
    return python


def _build(directory, python, requirements):
    # A killed earlier build leaves a directory without the marker: redo it.
    shutil.rmtree(directory, ignore_errors=True)
    log = directory + ".log"
    with open(log, "w", encoding="utf-8") as out:
        for command in ([sys.executable, "-m", "venv", directory],
                        [python, "-m", "pip", "install", "--quiet"] + list(requirements)):
            out.write("$ %s\n" % " ".join(command))
            out.flush()
            result = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT,
                                    env=dict(os.environ, **PIP_ENV), timeout=INSTALL_TIMEOUT)
            if result.returncode != 0:
                out.close()
                with open(log, encoding="utf-8") as failed:
                    tail = failed.read()[-3000:]
                raise RuntimeError("building the %s test environment failed (%s):\n%s"
                                   % (os.path.basename(directory), log, tail))
    with open(os.path.join(directory, COMPLETE), "w", encoding="utf-8") as marker:
        marker.write(" ".join(requirements) + "\n")


def fixture_models():
    """references.json of the built models, each with its directory as "path"."""
    tools = tools_python()
    with open(BUILDER, "rb") as handle:
        key = hashlib.sha256(handle.read() + tools.encode("utf-8")).hexdigest()[:12]
    directory = os.path.join(cache_root(), "models", key)
    references = os.path.join(directory, "references.json")
    if not os.path.exists(references):
        with locked(directory + ".lock"):
            if not os.path.exists(references):
                _build_models(tools, directory)
    with open(references, encoding="utf-8") as handle:
        models = json.load(handle)
    for name, model in models["models"].items():
        model["path"] = os.path.join(directory, name)
    return models


def _build_models(tools, directory):
    # references.json is written last: its presence marks a complete build.
    shutil.rmtree(directory, ignore_errors=True)
    result = subprocess.run([tools, BUILDER, directory], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True,
                            env=dict(os.environ, HF_HUB_OFFLINE="1"), timeout=INSTALL_TIMEOUT)
    if result.returncode != 0:
        raise RuntimeError("building the model fixtures failed:\n" + result.stdout[-3000:])


# The embedding tests' tolerance against sentence-transformers' vectors.
TOLERANCE = 1e-5


class VectorAssertions:
    """unittest.TestCase mixin: vectors equal to references within TOLERANCE."""

    def assert_vectors_equal(self, actual, expected, what=""):
        self.assertEqual(len(actual), len(expected), what)
        for index, (got, want) in enumerate(zip(actual, expected)):
            self.assertEqual(len(got), len(want), "%s[%d]" % (what, index))
            worst = max(abs(a - b) for a, b in zip(got, want))
            self.assertLessEqual(worst, TOLERANCE, "%s[%d] differs by %g" % (what, index, worst))


def print_lines():
    """The same facts as plain lines, for the Java tests, which then need no JSON reader:
    `runtime <python>`, `text <UTF-8 as hex>`, `model <name> <dimensions> <directory>`,
    `vector <model> <index> <float> …`."""
    models = fixture_models()
    print("runtime", runtime_python())
    for text in models["texts"]:
        print("text", text.encode("utf-8").hex())
    for name, model in sorted(models["models"].items()):
        print("model", name, model["dimensions"], model["path"])
        for index, vector in enumerate(model["embeddings"]):
            print("vector", name, index, " ".join(repr(value) for value in vector))


if __name__ == "__main__" and sys.argv[1:] == ["--lines"]:
    print_lines()
elif __name__ == "__main__":
    # `python3 python/tests/embedding_envs.py` builds both ahead of a test run.
    print(runtime_python())
    print(tools_python())
    print(os.path.dirname(next(iter(fixture_models()["models"].values()))["path"]))
