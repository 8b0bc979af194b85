"""In-tree PEP 517 build backend and wheel builder for kaelio-ktx.

Lives in the repository so that building the wheel needs neither network
nor third-party build tools. It must keep running on Python 3.8+, since the
build host may be older than the package's own requires-python.

Command line:  python3 build_backend/ktx_build.py --out-dir DIR
writes DIR/<wheel> and DIR/manifest.json, and prints the wheel path.
"""

import argparse
import base64
import hashlib
import json
import os
import sys

# Sibling modules: importable both when run as a script (its directory is
# sys.path[0]) and as a backend (the frontend puts backend-path on sys.path).
import _ktx_archive
from _ktx_project import load_project, metadata_files, metadata_text

MANIFEST_NAME = "manifest.json"
MANIFEST_SCHEMA_VERSION = 1
# Besides *.py, package files that are wanted in the wheel by name.
PACKAGE_DATA_NAMES = frozenset(["py.typed"])
_DEFAULT_SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _is_wanted(filename):
    return filename.endswith(".py") or filename in PACKAGE_DATA_NAMES


def package_files(project):
    """Sorted (relative posix path, absolute path) of the package's wanted files."""
    root = os.path.dirname(project.package_dir)
    found = []
    for directory, subdirs, filenames in os.walk(project.package_dir):
        # Skips __pycache__ and hidden dirs (editor, VCS, tool caches).
        subdirs[:] = [d for d in subdirs
                      if d != "__pycache__" and not d.startswith(".")]
        for filename in filenames:
            path = os.path.join(directory, filename)
            if _is_wanted(filename) and os.path.isfile(path):
                found.append((os.path.relpath(path, root).replace(os.sep, "/"), path))
    return sorted(found)


def _read_bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


def _record_hash(data):
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def record_text(entries, record_name):
    # Plain joining is safe: our paths contain no commas, quotes or newlines.
    lines = ["%s,%s,%d" % (name, _record_hash(data), len(data)) for name, data in entries]
    lines.append("%s,," % record_name)
    return "\n".join(lines) + "\n"


def wheel_entries(project):
    """All wheel members in archive order: package, then dist-info, RECORD last."""
    entries = [(name, _read_bytes(path)) for name, path in package_files(project)]
    if any(any(c in name for c in ',"\n') for name, _ in entries):
        raise ValueError("package file names must not contain commas, quotes or newlines")
    entries.extend(("%s/%s" % (project.dist_info, name), text.encode("utf-8"))
                   for name, text in metadata_files(project))
    record_name = project.dist_info + "/RECORD"
    entries.append((record_name, record_text(entries, record_name).encode("utf-8")))
    return entries


def wheel_bytes(project, timestamp=None):
    if timestamp is None:
        timestamp = _ktx_archive.build_timestamp()
    return _ktx_archive.zip_bytes(wheel_entries(project), timestamp)


def write_wheel(project, out_dir):
    """Build the wheel into out_dir; return (path, wheel bytes)."""
    data = wheel_bytes(project)
    path = os.path.join(out_dir, project.wheel_name)
    _ktx_archive.atomic_write(path, data)
    return path, data


def manifest_text(project, data):
    manifest = {
        "schemaVersion": MANIFEST_SCHEMA_VERSION,
        "distributionName": project.name,
        "normalizedName": project.normalized_name,
        "version": project.version,
        "wheel": {
            "file": project.wheel_name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "bytes": len(data),
        },
    }
    return json.dumps(manifest, indent=2) + "\n"


def sdist_entries(project):
    base = project.sdist_base
    names = ["pyproject.toml", "README.md"]
    names.extend(_backend_files(project.source_dir))
    tests = os.path.join(project.source_dir, "tests")
    if os.path.isdir(tests):
        names.extend("tests/" + f for f in os.listdir(tests) if f.endswith(".py"))
    names.extend("src/" + name for name, _ in package_files(project))
    entries = [("%s/%s" % (base, name), _read_bytes(os.path.join(project.source_dir, name)))
               for name in sorted(names)
               if os.path.isfile(os.path.join(project.source_dir, name))]
    entries.append((base + "/PKG-INFO", metadata_text(project).encode("utf-8")))
    return entries


def _backend_files(source_dir):
    """The backend with what it vendors (tomli and its licence), so an sdist builds on Python 3.10 too."""
    top = os.path.join(source_dir, "build_backend")
    for directory, subdirs, files in os.walk(top):
        subdirs[:] = [d for d in subdirs if d != "__pycache__"]
        relative = os.path.relpath(directory, source_dir).replace(os.sep, "/")
        for name in files:
            if name.endswith(".py") or name == "LICENSE":
                yield relative + "/" + name


# ---- PEP 517 hooks; the frontend runs them with the source tree as cwd ----

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    project = load_project(os.getcwd())
    target = os.path.join(metadata_directory, project.dist_info)
    os.makedirs(target, exist_ok=True)
    for name, text in metadata_files(project):
        _ktx_archive.atomic_write(os.path.join(target, name), text.encode("utf-8"))
    return project.dist_info


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    path, _ = write_wheel(load_project(os.getcwd()), wheel_directory)
    return os.path.basename(path)


def build_sdist(sdist_directory, config_settings=None):
    project = load_project(os.getcwd())
    data = _ktx_archive.tar_gz_bytes(sdist_entries(project),
                                     _ktx_archive.build_timestamp())
    name = project.sdist_base + ".tar.gz"
    _ktx_archive.atomic_write(os.path.join(sdist_directory, name), data)
    return name


# ---- command line ----

def build_artifacts(source_dir, out_dir):
    """Write the wheel and its manifest; return the wheel path."""
    project = load_project(source_dir)
    os.makedirs(out_dir, exist_ok=True)
    # Manifest last: it must never describe a wheel that is not in place.
    path, data = write_wheel(project, out_dir)
    _ktx_archive.atomic_write(os.path.join(out_dir, MANIFEST_NAME),
                              manifest_text(project, data).encode("utf-8"))
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="ktx_build.py",
        description="Build the kaelio-ktx wheel and manifest.json reproducibly.")
    parser.add_argument("--out-dir", required=True, help="directory for the outputs")
    parser.add_argument("--source-dir", default=_DEFAULT_SOURCE_DIR,
                        help="project directory holding pyproject.toml "
                             "(default: %(default)s)")
    parser.add_argument("--quiet", action="store_true",
                        help="do not print the wheel's path (builds that only want errors)")
    args = parser.parse_args(argv)
    try:
        path = build_artifacts(args.source_dir, args.out_dir)
    except (OSError, ValueError) as exc:
        sys.stderr.write("ktx_build: error: %s\n" % exc)
        return 1
    if not args.quiet:
        print(os.path.abspath(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
