"""Project metadata for ktx_build: reading pyproject.toml and rendering dist-info.

Only the PEP 621 fields kaelio-ktx uses are understood; anything else is
refused instead of being silently dropped from the wheel.
"""

import os
import re

GENERATOR = "ktx_build 1"
WHEEL_TAG = "py3-none-any"
SUPPORTED_PROJECT_KEYS = frozenset([
    "name", "dynamic", "description", "requires-python", "dependencies",
    "optional-dependencies", "scripts",
])
_VERSION_ASSIGNMENT = re.compile(
    r"""^__version__\s*=\s*(["'])([^"']+)\1\s*$""", re.MULTILINE)
# Public PEP 440 versions in canonical form; keeps file names unambiguous.
_CANONICAL_VERSION = re.compile(
    r"^\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?$")


def _load_toml(path):
    # tomllib is in the standard library from 3.11; tomli is the same code, vendored for 3.10.
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        import tomllib as toml
    except ImportError:
        from _vendor import tomli as toml
    return toml.loads(data.decode("utf-8"))


class Project:
    """The subset of PEP 621 metadata this backend understands."""

    def __init__(self, source_dir, table, version):
        self.source_dir = source_dir
        self.name = table["name"]
        self.normalized_name = normalize_name(self.name)
        self.version = version
        self.summary = table.get("description", "")
        self.requires_python = table.get("requires-python")
        self.dependencies = list(table.get("dependencies", []))
        self.extras = dict(table.get("optional-dependencies", {}))
        self.scripts = dict(table.get("scripts", {}))

    @property
    def package_dir(self):
        return os.path.join(self.source_dir, "src", self.normalized_name)

    @property
    def dist_info(self):
        return "%s-%s.dist-info" % (self.normalized_name, self.version)

    @property
    def wheel_name(self):
        return "%s-%s-%s.whl" % (self.normalized_name, self.version, WHEEL_TAG)

    @property
    def sdist_base(self):
        return "%s-%s" % (self.normalized_name, self.version)


def load_project(source_dir):
    source_dir = os.path.abspath(source_dir)
    table = _load_toml(os.path.join(source_dir, "pyproject.toml")).get("project")
    _check_project_table(table)
    init_path = os.path.join(source_dir, "src", normalize_name(table["name"]), "__init__.py")
    return Project(source_dir, table, read_version(init_path))


def normalize_name(name):
    """PEP 503 normalisation in the underscore form used by wheel file names."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _check_project_table(table):
    if not isinstance(table, dict):
        raise ValueError("pyproject.toml has no [project] table")
    # Unknown keys are refused so nobody adds e.g. `readme` and silently
    # gets a wheel without it.
    unsupported = sorted(set(table) - SUPPORTED_PROJECT_KEYS)
    if unsupported:
        raise ValueError("ktx_build does not support [project] keys: %s"
                         % ", ".join(unsupported))
    if "name" not in table:
        raise ValueError("[project] name is required")
    if list(table.get("dynamic", [])) != ["version"] or "version" in table:
        raise ValueError('[project] must have dynamic = ["version"] and no static version')
    if "\n" in table.get("description", ""):
        raise ValueError("[project] description must be a single line")


def read_version(init_path):
    """Read __version__ textually: importing could need a newer Python."""
    with open(init_path, encoding="utf-8") as handle:
        match = _VERSION_ASSIGNMENT.search(handle.read())
    if not match:
        raise ValueError("no __version__ = \"...\" line in %s" % init_path)
    version = match.group(2)
    if not _CANONICAL_VERSION.match(version):
        raise ValueError("version %r is not a canonical public PEP 440 version" % version)
    return version


def _normalize_extra(extra):
    return re.sub(r"[-_.]+", "-", extra).lower()


def _extra_requirement(requirement, extra):
    spec, _, marker = requirement.partition(";")
    condition = 'extra == "%s"' % extra
    if marker.strip():
        condition = "(%s) and %s" % (marker.strip(), condition)
    return "%s; %s" % (spec.strip(), condition)


def metadata_text(project):
    lines = ["Metadata-Version: 2.1", "Name: " + project.name,
             "Version: " + project.version]
    if project.summary:
        lines.append("Summary: " + project.summary)
    if project.requires_python:
        lines.append("Requires-Python: " + project.requires_python)
    lines.extend("Requires-Dist: " + req for req in project.dependencies)
    for extra, requirements in project.extras.items():
        extra = _normalize_extra(extra)
        lines.append("Provides-Extra: " + extra)
        lines.extend("Requires-Dist: " + _extra_requirement(req, extra)
                     for req in requirements)
    return "\n".join(lines) + "\n"


def wheel_text():
    return ("Wheel-Version: 1.0\nGenerator: %s\nRoot-Is-Purelib: true\nTag: %s\n"
            % (GENERATOR, WHEEL_TAG))


def entry_points_text(project):
    if not project.scripts:
        return ""
    lines = ["[console_scripts]"]
    lines.extend("%s = %s" % item for item in project.scripts.items())
    return "\n".join(lines) + "\n\n"


def metadata_files(project):
    """dist-info files other than RECORD, as (name, text)."""
    files = [("METADATA", metadata_text(project)), ("WHEEL", wheel_text())]
    entry_points = entry_points_text(project)
    if entry_points:
        files.append(("entry_points.txt", entry_points))
    return files
