"""Wheel, manifest and sdist produced by build_backend/ktx_build.py."""

import base64
import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD_SCRIPT = os.path.join(PYTHON_DIR, "build_backend", "ktx_build.py")
sys.path.insert(0, os.path.dirname(BUILD_SCRIPT))

import _ktx_archive  # noqa: E402
import ktx_build  # noqa: E402

PROJECT = ktx_build.load_project(PYTHON_DIR)
DIST_INFO = "kaelio_ktx-%s.dist-info" % PROJECT.version
ZIP_EPOCH_DATE = (1980, 1, 1, 0, 0, 0)


def build_env(**extra):
    # Builds must not pick up a SOURCE_DATE_EPOCH from whoever runs the tests.
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", **extra)
    if "SOURCE_DATE_EPOCH" not in extra:
        env.pop("SOURCE_DATE_EPOCH", None)
    return env


def run_build_script(out_dir, python=sys.executable, source_dir=PYTHON_DIR, **env):
    result = subprocess.run(
        [python, BUILD_SCRIPT, "--out-dir", out_dir, "--source-dir", source_dir],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=build_env(**env),
        universal_newlines=True, timeout=60)
    if result.returncode != 0:
        raise AssertionError("build failed: %s" % result.stderr)
    return result.stdout.strip()


def read_bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


def source_members():
    """The package's sources as wheel members, in the wheel's (sorted) order."""
    package = os.path.join(PYTHON_DIR, "src")
    members = []
    for directory, subdirs, files in os.walk(os.path.join(package, "kaelio_ktx")):
        subdirs[:] = [d for d in subdirs if d != "__pycache__"]
        members += [os.path.relpath(os.path.join(directory, f), package).replace(os.sep, "/")
                    for f in files if f.endswith(".py")]
    return sorted(members)


def record_hash(data):
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class BuildScriptTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ktx-build-test-")
        cls.out = os.path.join(cls.tmp, "first")
        cls.printed = run_build_script(cls.out)
        cls.wheel_path = os.path.join(cls.out, PROJECT.wheel_name)
        cls.wheel = read_bytes(cls.wheel_path)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def manifest(self, out_dir):
        with open(os.path.join(out_dir, "manifest.json"), encoding="utf-8") as handle:
            return handle.read()

    def member(self, name):
        with zipfile.ZipFile(self.wheel_path) as archive:
            return archive.read(name)

    def test_prints_the_wheel_path_and_writes_only_wheel_and_manifest(self):
        self.assertEqual(self.printed, os.path.abspath(self.wheel_path))
        self.assertEqual(sorted(os.listdir(self.out)),
                         ["kaelio_ktx-0.1.0-py3-none-any.whl", "manifest.json"])

    def test_two_builds_are_byte_identical(self):
        second = os.path.join(self.tmp, "second")
        run_build_script(second)
        self.assertEqual(read_bytes(os.path.join(second, PROJECT.wheel_name)), self.wheel)
        self.assertEqual(self.manifest(second), self.manifest(self.out))

    def test_manifest_describes_the_wheel(self):
        text = self.manifest(self.out)
        expected = {
            "schemaVersion": 1,
            "distributionName": "kaelio-ktx",
            "normalizedName": "kaelio_ktx",
            "version": PROJECT.version,
            "wheel": {
                "file": "kaelio_ktx-%s-py3-none-any.whl" % PROJECT.version,
                "sha256": hashlib.sha256(self.wheel).hexdigest(),
                "bytes": len(self.wheel),
            },
        }
        self.assertEqual(json.loads(text), expected)
        self.assertEqual(text, json.dumps(expected, indent=2) + "\n")
        self.assertRegex(expected["wheel"]["sha256"], "^[0-9a-f]{64}$")

    def test_members_are_ordered_and_normalised(self):
        with zipfile.ZipFile(self.wheel_path) as archive:
            infos = archive.infolist()
        self.assertIn("kaelio_ktx/daemon/lifecycle.py", source_members())
        self.assertEqual([i.filename for i in infos], source_members() + [
            DIST_INFO + "/METADATA", DIST_INFO + "/WHEEL",
            DIST_INFO + "/entry_points.txt", DIST_INFO + "/RECORD",
        ])
        for info in infos:
            with self.subTest(info.filename):
                self.assertEqual(info.date_time, ZIP_EPOCH_DATE)
                self.assertEqual(info.external_attr >> 16, 0o100644)
                self.assertEqual(info.create_system, 3)
                self.assertEqual(info.compress_type, zipfile.ZIP_DEFLATED)

    def test_package_files_are_copied_verbatim(self):
        for name in source_members():
            source = read_bytes(os.path.join(PYTHON_DIR, "src", *name.split("/")))
            self.assertEqual(self.member(name), source)

    def test_metadata(self):
        self.assertEqual(self.member(DIST_INFO + "/METADATA").decode("utf-8"), (
            "Metadata-Version: 2.1\n"
            "Name: kaelio-ktx\n"
            "Version: %s\n"
            "Summary: %s\n"
            "Requires-Python: >=3.10\n"
            "Provides-Extra: local-embeddings\n"
            'Requires-Dist: onnxruntime>=1.16; extra == "local-embeddings"\n'
            'Requires-Dist: tokenizers>=0.15; extra == "local-embeddings"\n'
            'Requires-Dist: numpy>=1.24; extra == "local-embeddings"\n'
            'Requires-Dist: huggingface_hub>=0.20; extra == "local-embeddings"\n'
        ) % (PROJECT.version, PROJECT.summary))

    def test_wheel_file_and_entry_points(self):
        self.assertEqual(self.member(DIST_INFO + "/WHEEL").decode("ascii"), (
            "Wheel-Version: 1.0\nGenerator: ktx_build 1\n"
            "Root-Is-Purelib: true\nTag: py3-none-any\n"))
        self.assertEqual(self.member(DIST_INFO + "/entry_points.txt").decode("ascii"),
                         "[console_scripts]\nktx-daemon = kaelio_ktx.cli:main\n\n")

    def test_record_lists_and_verifies_every_member(self):
        record = self.member(DIST_INFO + "/RECORD").decode("utf-8")
        rows = list(csv.reader(io.StringIO(record)))
        with zipfile.ZipFile(self.wheel_path) as archive:
            self.assertEqual([row[0] for row in rows], archive.namelist())
            for name, digest, size in rows[:-1]:
                data = archive.read(name)
                self.assertEqual(digest, record_hash(data), name)
                self.assertEqual(int(size), len(data), name)
        self.assertEqual(rows[-1], [DIST_INFO + "/RECORD", "", ""])
        self.assertNotIn("=,", record)  # urlsafe base64 without padding

    def test_stray_files_mtimes_and_modes_do_not_change_the_wheel(self):
        copy = os.path.join(self.tmp, "dirty-source")
        os.makedirs(copy)
        for part in ("pyproject.toml", "build_backend", "src"):
            source = os.path.join(PYTHON_DIR, part)
            if os.path.isdir(source):
                shutil.copytree(source, os.path.join(copy, part),
                                ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(source, os.path.join(copy, part))
        package = os.path.join(copy, "src", "kaelio_ktx")
        for relative in ("__pycache__/cli.cpython-311.pyc", "notes.txt", "cli.pyc",
                         ".hidden/sneaky.py", "__pycache__/sneaky.py"):
            path = os.path.join(package, relative)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(b"stray")
        cli = os.path.join(package, "cli.py")
        os.chmod(cli, 0o600)
        os.utime(cli, (2000000000, 2000000000))
        out = os.path.join(self.tmp, "dirty-out")
        run_build_script(out, source_dir=copy)
        self.assertEqual(read_bytes(os.path.join(out, PROJECT.wheel_name)), self.wheel)

    def test_source_date_epoch_sets_the_timestamps(self):
        out = os.path.join(self.tmp, "epoch")
        run_build_script(out, SOURCE_DATE_EPOCH="1700000000")
        with zipfile.ZipFile(os.path.join(out, PROJECT.wheel_name)) as archive:
            dates = {info.date_time for info in archive.infolist()}
        self.assertEqual(dates, {(2023, 11, 14, 22, 13, 20)})

    @unittest.skipUnless(os.environ.get("KTX_BUILD_ALT_PYTHON"),
                         "set KTX_BUILD_ALT_PYTHON to another interpreter to compare")
    def test_other_interpreter_builds_the_same_bytes(self):
        out = os.path.join(self.tmp, "alt")
        run_build_script(out, python=os.environ["KTX_BUILD_ALT_PYTHON"])
        self.assertEqual(read_bytes(os.path.join(out, PROJECT.wheel_name)), self.wheel)


class TimestampTest(unittest.TestCase):
    def test_source_date_epoch_is_honoured_and_clamped(self):
        cases = {None: 315532800, "": 315532800, "0": 315532800,
                 " 1700000000 ": 1700000000, "99999999999": 4354819198}
        for raw, expected in cases.items():
            env = {} if raw is None else {"SOURCE_DATE_EPOCH": raw}
            with self.subTest(raw=raw):
                self.assertEqual(_ktx_archive.build_timestamp(env), expected)

    def test_rejects_a_malformed_source_date_epoch(self):
        with self.assertRaises(ValueError):
            _ktx_archive.build_timestamp({"SOURCE_DATE_EPOCH": "yesterday"})


if __name__ == "__main__":
    unittest.main()
