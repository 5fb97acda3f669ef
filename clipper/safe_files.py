"""Files in and out safely: the one helper every command that writes a file uses, and bounded reads.

Writing: the content goes to a temporary file beside the target, is flushed to disk, then
renamed onto the target (``os.replace``), so the target is either the old file or the whole
new one. A target that is a symlink, a folder, a device (``/dev/full``), a FIFO or a socket is
refused, and a missing folder is an error: nothing is created silently.

Reading: only regular files, and never more than a stated number of bytes (``/dev/zero``
or a FIFO given as a file cannot hang a command).
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from clipper.errors import ClipperError, OutputError

logger = logging.getLogger(__name__)

# Permissions of a new output file (an existing one keeps its own): what open() gives under the
# usual umask 022. mkstemp's 0600 would make an export unreadable to the colleague it is for.
NEW_FILE_MODE = 0o644

_OS_REASONS = {
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.EACCES: "tidak ada izin",
    errno.EPERM: "tidak ada izin",
    errno.EROFS: "sistem berkas hanya-baca",
    errno.ENOENT: "tidak ditemukan",
    errno.EISDIR: "adalah folder",
    errno.ENOTDIR: "bagian jalurnya bukan folder",
    errno.EFBIG: "berkas terlalu besar",
    errno.ENAMETOOLONG: "nama terlalu panjang",
    errno.EIO: "galat baca/tulis disk",
    errno.ELOOP: "terlalu banyak tautan simbolik",
    errno.EBUSY: "sedang dipakai",
    errno.ETXTBSY: "sedang dipakai",
}


def os_reason(exc: OSError) -> str:
    """An OSError's cause in a few Indonesian words ("disk penuh", "tidak ada izin" …)."""
    return _OS_REASONS.get(exc.errno, exc.strerror or type(exc).__name__)


def check_target(path: str | Path) -> Path:
    """The path, if a file may be written there: its folder exists, and it is absent or a regular file.

    Raises:
        OutputError: the folder is missing, or the target is a symlink, a folder, a device,
            a FIFO or a socket.
    """
    target = Path(path)
    if target.name in ("", ".", ".."):
        raise OutputError(f"{target}: bukan nama berkas")
    folder = target.parent
    try:
        folder_mode = os.stat(folder).st_mode
    except FileNotFoundError:
        raise OutputError(f"folder {folder} tidak ada; buat foldernya dulu") from None
    except OSError as exc:
        raise OutputError(f"folder {folder} tidak dapat dibuka: {os_reason(exc)}") from None
    if not stat.S_ISDIR(folder_mode):
        raise OutputError(f"{folder} bukan folder")
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise OutputError(f"{target} tidak dapat diperiksa: {os_reason(exc)}") from None
    if stat.S_ISLNK(mode):
        raise OutputError(f"{target} adalah tautan simbolik; tidak ditimpa (tulis ke berkas biasa)")
    if stat.S_ISDIR(mode):
        raise OutputError(f"{target} adalah folder; beri nama berkas di dalamnya")
    if not stat.S_ISREG(mode):
        raise OutputError(f"{target} bukan berkas biasa (perangkat, FIFO atau soket); tidak ditimpa")
    return target


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed onto ``path`` when the block succeeds.

    For writers that want a file name (reportlab, SQLite's backup). On any error the
    temporary file is removed and the target is left as it was.

    Raises:
        OutputError: the target is refused (see check_target) or cannot be written.
    """
    target = check_target(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"berkas {target} tidak dapat ditulis: {os_reason(exc)}") from None
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        _replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_output(path: str | Path, *, binary: bool = False, encoding: str = "utf-8",
                  newline: str | None = None) -> Iterator[IO]:
    """An open stream whose content replaces ``path`` when the block succeeds (see atomic_path).

    Raises:
        OutputError: the target is refused, or writing failed (disk full, no permission …).
    """
    with atomic_path(path) as temp:
        try:
            with open(temp, "wb" if binary else "w", encoding=None if binary else encoding,
                      newline=None if binary else newline) as stream:
                yield stream
        except OSError as exc:
            raise OutputError(f"berkas {path} tidak dapat ditulis: {os_reason(exc)}") from None


def _replace(temp: Path, target: Path) -> None:
    try:
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = NEW_FILE_MODE
        os.chmod(temp, mode)
        check_target(target)  # nothing was swapped in meanwhile
        os.replace(temp, target)
    except OSError as exc:
        raise OutputError(f"berkas {target} tidak dapat ditulis: {os_reason(exc)}") from None


def read_limited(path: str | Path, limit: int) -> bytes:
    """The content of a regular file of at most ``limit`` bytes.

    Raises:
        FileNotFoundError / OSError: the file cannot be opened.
        ClipperError: not a regular file (a device, a FIFO, a folder), or larger than ``limit``
            (the message names no file: the caller says which).
    """
    # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then tells what was opened.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise ClipperError("bukan berkas biasa (perangkat, FIFO atau folder)")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise ClipperError(f"berkas terlalu besar ({info.st_size:,} bita; paling banyak {limit:,})"
                               .replace(",", "."))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ClipperError(f"berkas terlalu besar (lebih dari {limit:,} bita)".replace(",", "."))
    return data
