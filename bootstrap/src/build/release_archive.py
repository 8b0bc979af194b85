"""Writes ktx's release archive: a byte-reproducible tar.gz, and its .sha256 beside it.

Command line:
    python3 release_archive.py --output FILE.tar.gz --prefix DIR --timestamp ISO-8601 DEST=SOURCE...

Each SOURCE (a file, or a directory taken whole) lands at DIR/DEST. Everything that could leak the build
host or time is pinned: entries sorted by name, every mtime the build's timestamp
(project.build.outputTimestamp), owner root with no names, modes 0755 for directories and for files with an
executable bit and 0644 for the rest, symbolic links kept as links, and a gzip header with no name. The
same inputs give the same bytes, so two builds of a commit give the same checksum.
"""

import argparse
import datetime
import gzip
import hashlib
import os
import stat
import sys
import tarfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "python", "build_backend"))
import _ktx_archive  # noqa: E402 (the wheel's reproducible writers: one atomic_write for both)

COMPRESS_LEVEL = 9


def epoch(timestamp):
    """Seconds since the epoch of an ISO-8601 instant such as 2026-01-01T00:00:00Z."""
    parsed = datetime.datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    return int(parsed.timestamp())


def entries(mappings):
    """Sorted (archive name, source path) of every file, directory and link the mappings reach."""
    found = {}
    for destination, source in mappings:
        found[destination] = source
        if os.path.isdir(source) and not os.path.islink(source):
            for directory, subdirs, filenames in os.walk(source):
                for name in subdirs + filenames:
                    path = os.path.join(directory, name)
                    found[destination + "/" + os.path.relpath(path, source).replace(os.sep, "/")] = path
    parents = set()
    for name in found:
        parts = name.split("/")[:-1]
        parents.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
    return sorted(list(found.items()) + [(p, None) for p in parents if p not in found])


def tar_info(name, source, mtime):
    info = tarfile.TarInfo(name)
    info.mtime = mtime
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    if source is None or (os.path.isdir(source) and not os.path.islink(source)):
        info.type, info.mode = tarfile.DIRTYPE, 0o755
    elif os.path.islink(source):
        info.type, info.mode, info.linkname = tarfile.SYMTYPE, 0o777, os.readlink(source)
    else:
        executable = os.stat(source).st_mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        info.size, info.mode = os.path.getsize(source), 0o755 if executable else 0o644
    return info


def write(output, prefix, mtime, mappings):
    temp = output + ".tmp"
    with open(temp, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=COMPRESS_LEVEL, mtime=mtime) as gz:
            with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
                tar.addfile(tar_info(prefix, None, mtime))
                for name, source in entries(mappings):
                    info = tar_info(prefix + "/" + name, source, mtime)
                    if info.isreg():
                        with open(source, "rb") as content:
                            tar.addfile(info, content)
                    else:
                        tar.addfile(info)
    os.replace(temp, output)
    digest = hashlib.sha256()
    with open(output, "rb") as archive:
        for block in iter(lambda: archive.read(1 << 20), b""):
            digest.update(block)
    # The format sha256sum -c reads.
    line = "%s  %s\n" % (digest.hexdigest(), os.path.basename(output))
    _ktx_archive.atomic_write(output + ".sha256", line.encode("ascii"))
    return digest.hexdigest()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--timestamp", required=True)
    parser.add_argument("mappings", nargs="+", metavar="DEST=SOURCE")
    args = parser.parse_args(argv)
    mappings = []
    for mapping in args.mappings:
        destination, separator, source = mapping.partition("=")
        if not separator or not os.path.exists(source):
            parser.error("not DEST=SOURCE with an existing SOURCE: %s" % mapping)
        mappings.append((destination.strip("/"), source))
    write(args.output, args.prefix, epoch(args.timestamp), mappings)


if __name__ == "__main__":
    main()
