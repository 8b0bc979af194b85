"""Python 3.10 has no tomllib: the backend then reads pyproject.toml with its vendored tomli."""

import os
import sys
import unittest
from unittest import mock

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(PYTHON_DIR, "build_backend"))

import _ktx_project  # noqa: E402


class TomlFallbackTest(unittest.TestCase):

    def test_vendored_tomli_reads_the_project_as_tomllib_does(self):
        expected = _ktx_project.load_project(PYTHON_DIR)
        # A None entry in sys.modules makes `import tomllib` raise ImportError, as on Python 3.10.
        with mock.patch.dict(sys.modules, {"tomllib": None}):
            fallback = _ktx_project.load_project(PYTHON_DIR)
            self.assertIn("_vendor.tomli", sys.modules)
        self.assertEqual(vars(fallback), vars(expected))

    def test_vendored_tomli_reports_invalid_toml_with_its_line(self):
        from _vendor import tomli
        with self.assertRaisesRegex(tomli.TOMLDecodeError, "line 2"):
            tomli.loads('[project]\nname = \n')


if __name__ == "__main__":
    unittest.main()
