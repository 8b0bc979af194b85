"""PEP 517 hooks, project validation and atomic output of the in-tree backend."""

import contextlib
import os
import shutil
import sys
import tarfile
import tempfile
import unittest

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(PYTHON_DIR, "build_backend"))

import _ktx_archive  # noqa: E402
import ktx_build  # noqa: E402

FIXED_TIME = 315532800


@contextlib.contextmanager
def working_directory(path):
    # PEP 517 frontends call the hooks with the source tree as cwd.
    previous = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def read_bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


def write_project(root, pyproject, init='__version__ = "1.2.3"\n'):
    package = os.path.join(root, "src", "demo_pkg")
    os.makedirs(package)
    with open(os.path.join(root, "pyproject.toml"), "w", encoding="utf-8") as handle:
        handle.write(pyproject)
    with open(os.path.join(package, "__init__.py"), "w", encoding="utf-8") as handle:
        handle.write(init)
    return root


class TempDirTestCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ktx-backend-test-")
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)


class HookTest(TempDirTestCase):
    def test_build_requirements_are_empty(self):
        self.assertEqual(ktx_build.get_requires_for_build_wheel(), [])
        self.assertEqual(ktx_build.get_requires_for_build_sdist(), [])

    def test_prepared_metadata_matches_the_wheel(self):
        with working_directory(PYTHON_DIR):
            dist_info = ktx_build.prepare_metadata_for_build_wheel(self.tmp)
        project = ktx_build.load_project(PYTHON_DIR)
        self.assertEqual(dist_info, project.dist_info)
        entries = dict(ktx_build.wheel_entries(project))
        names = sorted(os.listdir(self.path(dist_info)))
        self.assertEqual(names, ["METADATA", "WHEEL", "entry_points.txt"])
        for name in names:
            self.assertEqual(read_bytes(self.path(dist_info, name)),
                             entries[dist_info + "/" + name])

    def test_build_wheel_hook_returns_the_basename(self):
        with working_directory(PYTHON_DIR):
            name = ktx_build.build_wheel(self.tmp)
        project = ktx_build.load_project(PYTHON_DIR)
        self.assertEqual(name, project.wheel_name)
        self.assertEqual(read_bytes(self.path(name)), ktx_build.wheel_bytes(project))

    def test_sdist_is_reproducible_and_rebuilds_the_same_wheel(self):
        os.mkdir(self.path("a"))
        os.mkdir(self.path("b"))
        with working_directory(PYTHON_DIR):
            name = ktx_build.build_sdist(self.path("a"))
            ktx_build.build_sdist(self.path("b"))
        self.assertEqual(read_bytes(self.path("a", name)), read_bytes(self.path("b", name)))
        with tarfile.open(self.path("a", name)) as sdist:
            # The "data" filter exists on patched 3.8+ and is required from 3.14.
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            sdist.extractall(self.path("unpacked"), **safe)
        unpacked = self.path("unpacked", name[:-len(".tar.gz")])
        # Python 3.10 has no tomllib: the sdist must carry the tomli the backend falls back to.
        for vendored in ("__init__.py", "_parser.py", "LICENSE"):
            self.assertTrue(os.path.isfile(os.path.join(unpacked, "build_backend", "_vendor", "tomli", vendored)))
        original = ktx_build.load_project(PYTHON_DIR)
        rebuilt = ktx_build.load_project(unpacked)
        self.assertEqual(ktx_build.wheel_bytes(rebuilt, FIXED_TIME),
                         ktx_build.wheel_bytes(original, FIXED_TIME))
        self.assertEqual(read_bytes(os.path.join(unpacked, "PKG-INFO")),
                         ktx_build.metadata_text(original).encode("utf-8"))


class ProjectValidationTest(TempDirTestCase):
    HEADER = '[project]\nname = "demo-pkg"\ndynamic = ["version"]\n'

    def test_reads_version_and_normalises_names(self):
        project = ktx_build.load_project(write_project(self.tmp, self.HEADER))
        self.assertEqual((project.name, project.normalized_name, project.version),
                         ("demo-pkg", "demo_pkg", "1.2.3"))
        self.assertEqual(project.wheel_name, "demo_pkg-1.2.3-py3-none-any.whl")

    def test_refuses_unsupported_metadata(self):
        cases = {
            "unknown key": self.HEADER + 'readme = "README.md"\n',
            "static version": self.HEADER + 'version = "1.0"\n',
            "no dynamic version": '[project]\nname = "demo-pkg"\n',
            "no project table": '[tool.x]\na = "b"\n',
        }
        for label, pyproject in cases.items():
            with self.subTest(label):
                root = write_project(self.path(label.replace(" ", "-")), pyproject)
                with self.assertRaises(ValueError):
                    ktx_build.load_project(root)

    def test_refuses_missing_or_non_canonical_versions(self):
        for label, init in {"missing": "VERSION = 1\n",
                            "local": '__version__ = "1.0+dirty"\n',
                            "not canonical": '__version__ = "v1.0"\n'}.items():
            with self.subTest(label):
                root = write_project(self.path(label.replace(" ", "-")), self.HEADER, init)
                with self.assertRaises(ValueError):
                    ktx_build.load_project(root)

    def test_extras_with_markers_keep_the_marker(self):
        pyproject = self.HEADER + (
            '[project.optional-dependencies]\n'
            'Fast_Math = ["numpy>=1.20; python_version < \'3.13\'"]\n')
        project = ktx_build.load_project(write_project(self.tmp, pyproject))
        self.assertIn("Provides-Extra: fast-math\n"
                      "Requires-Dist: numpy>=1.20; (python_version < '3.13') "
                      'and extra == "fast-math"\n', ktx_build.metadata_text(project))


class AtomicWriteTest(TempDirTestCase):
    def test_replaces_the_target_in_one_step(self):
        target = self.path("out.bin")
        _ktx_archive.atomic_write(target, b"old")
        _ktx_archive.atomic_write(target, b"new")
        self.assertEqual(read_bytes(target), b"new")
        self.assertEqual(os.listdir(self.tmp), ["out.bin"])

    def test_failed_write_leaves_no_temporary_file(self):
        target = self.path("occupied")
        os.mkdir(target)  # os.replace cannot put a file over a directory
        with self.assertRaises(OSError):
            _ktx_archive.atomic_write(target, b"data")
        self.assertEqual(os.listdir(self.tmp), ["occupied"])


if __name__ == "__main__":
    unittest.main()
