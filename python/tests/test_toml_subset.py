"""The fallback TOML reader must agree with tomllib on what it accepts."""

import os
import sys
import unittest
from unittest import mock

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(PYTHON_DIR, "build_backend"))

import _ktx_project  # noqa: E402
import _ktx_toml  # noqa: E402

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None

NEEDS_TOMLLIB = unittest.skipIf(tomllib is None, "tomllib needs Python 3.11+")

SAMPLE = r'''
# leading comment
top = "level"   # trailing comment

[a.b]
list = [
  "one",  # comment inside an array
  'two # not a comment',
  "esc \" \\ \t \u00e9 \U0001F600",
]
empty = []
trailing = ["x",]

[a]
literal = 'C:\path'
key-with_dash = "v"
'''

REJECTED = {
    "integer": "a = 1\n",
    "boolean": "a = true\n",
    "inline table": "a = {b = \"c\"}\n",
    "dotted key": "a.b = \"c\"\n",
    "array of tables": "[[a]]\n",
    "multi-line basic string": 'a = """x"""\n',
    "multi-line literal string": "a = '''x'''\n",
    "nested array": 'a = [["x"]]\n',
    "duplicate key": 'a = "x"\na = "y"\n',
    "duplicate table": "[a]\n[a]\n",
    "table over a value": 'a = "x"\n[a]\n',
    "unterminated string": 'a = "x\n',
    "unterminated literal": "a = 'x\n",
    "unterminated array": 'a = ["x"\n',
    "missing comma": 'a = ["x" "y"]\n',
    "text after value": 'a = "x" y\n',
    "bad escape": 'a = "\\q"\n',
    "short unicode escape": 'a = "\\u12"\n',
    "missing value": "a =\n",
}


class RestrictedTomlTest(unittest.TestCase):
    @NEEDS_TOMLLIB
    def test_parses_our_pyproject_like_tomllib(self):
        with open(os.path.join(PYTHON_DIR, "pyproject.toml"), encoding="utf-8") as handle:
            text = handle.read()
        self.assertEqual(_ktx_toml.loads(text), tomllib.loads(text))

    @NEEDS_TOMLLIB
    def test_parses_supported_features_like_tomllib(self):
        self.assertEqual(_ktx_toml.loads(SAMPLE), tomllib.loads(SAMPLE))
        crlf = SAMPLE.replace("\n", "\r\n")
        self.assertEqual(_ktx_toml.loads(crlf), tomllib.loads(crlf))

    def test_rejects_everything_outside_the_subset(self):
        for label, text in REJECTED.items():
            with self.subTest(label):
                with self.assertRaises(_ktx_toml.TomlSubsetError):
                    _ktx_toml.loads(text)

    def test_errors_name_the_line(self):
        with self.assertRaisesRegex(_ktx_toml.TomlSubsetError, "^line 3: "):
            _ktx_toml.loads('[a]\nb = "c"\nd = 1\n')

    def test_backend_falls_back_when_no_toml_library_is_importable(self):
        expected = _ktx_project.load_project(PYTHON_DIR)
        # A None entry in sys.modules makes `import name` raise ImportError.
        with mock.patch.dict(sys.modules, {"tomllib": None, "tomli": None}):
            fallback = _ktx_project.load_project(PYTHON_DIR)
        self.assertEqual(vars(fallback), vars(expected))


if __name__ == "__main__":
    unittest.main()
