"""Byte-reproducible zip / tar.gz writers and atomic file output.

Every field that could leak the build host or time (mtimes, permissions,
owner, OS, compression level, entry order) is pinned here, so the same
sources give the same bytes on any machine and Python version.
"""

import gzip
import io
import os
import stat
import tarfile
import time
import uuid
import zipfile

# Zip stores DOS timestamps, which cannot express anything before 1980 or
# after 2107.
ZIP_MIN_EPOCH = 315532800  # 1980-01-01T00:00:00Z
ZIP_MAX_EPOCH = 4354819198  # 2107-12-31T23:59:58Z
DEFAULT_EPOCH = ZIP_MIN_EPOCH
COMPRESS_LEVEL = 9
FILE_MODE = 0o644
# "Unix" as the zip creator system makes extractors honour FILE_MODE.
ZIP_UNIX = 3


def build_timestamp(environ=None):
    """Return the archive timestamp: SOURCE_DATE_EPOCH if set, else a constant."""
    environ = os.environ if environ is None else environ
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return DEFAULT_EPOCH
    try:
        value = int(raw)
    except ValueError:
        raise ValueError("SOURCE_DATE_EPOCH must be an integer, got %r" % raw)
    return min(max(value, ZIP_MIN_EPOCH), ZIP_MAX_EPOCH)


def zip_bytes(entries, timestamp):
    """Zip (arcname, bytes) pairs in the given order."""
    date_time = time.gmtime(timestamp)[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = ZIP_UNIX
            info.external_attr = (stat.S_IFREG | FILE_MODE) << 16
            archive.writestr(info, data, compresslevel=COMPRESS_LEVEL)
    return buffer.getvalue()


def tar_gz_bytes(entries, timestamp):
    """Tar and gzip (arcname, bytes) pairs in the given order.

    Reproducible for a given Python, but Python 3.8's tarfile fills the
    devmajor/devminor header fields differently from 3.9+, so sdists built
    by 3.8 differ from later ones. Only the wheel is published, so that is
    accepted rather than hand-writing tar headers.
    """
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in entries:
            tar.addfile(_tar_info(name, len(data), timestamp), io.BytesIO(data))
    compressed = io.BytesIO()
    # An empty filename keeps the temp/output name out of the gzip header.
    with gzip.GzipFile(filename="", mode="wb", fileobj=compressed,
                       compresslevel=COMPRESS_LEVEL, mtime=timestamp) as gz:
        gz.write(raw.getvalue())
    return compressed.getvalue()


def _tar_info(name, size, timestamp):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = timestamp
    info.mode = FILE_MODE
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def atomic_write(path, data):
    """Write via a sibling temp file and rename, so readers never see a torn file."""
    directory, base = os.path.split(os.path.abspath(path))
    temp = os.path.join(directory, ".%s.%s.tmp" % (base, uuid.uuid4().hex))
    # os.open with 0o666 lets the umask decide the final permissions, unlike
    # tempfile.mkstemp which would leave the output readable by owner only.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        _remove_quietly(temp)
        raise
    return path


def _remove_quietly(path):
    try:
        os.unlink(path)
    except OSError:
        pass
