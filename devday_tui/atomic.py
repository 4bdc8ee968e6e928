"""Write a file whole or not at all: into a temporary file beside it, flushed to disk, then renamed over it.

The one writer for the user's own files: notes saved from the app, and exports. The file keeps its permissions;
a new file gets the permissions any program would give it (0666 less the umask). The umask is never read by
changing it (``os.umask`` sets the mask for the whole process, and a worker thread creating a file at that moment
would get the wrong one): the temporary file is created with mode 0666, so the system applies the umask itself,
and an existing file's mode is copied onto the temporary file with ``fchmod``.
"""

from __future__ import annotations

import errno
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

#: The end of a temporary file's name (``.NAME.<random>.part``, beside the file it becomes).
TEMP_SUFFIX = ".part"

_OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)


class AtomicWriteError(Exception):
    """A file that could not be written. The message names the file and says why."""


def _cannot_write(path: Path, reason: str) -> AtomicWriteError:
    return AtomicWriteError(f"cannot write {path}: {reason}")


def reason(exc: OSError) -> str:
    """Why a write failed, in words."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "it is a folder"
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is exceeded"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    return exc.strerror or str(exc)


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new, empty temporary file beside ``path``: its descriptor and its path."""
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            return os.open(tmp, _OPEN_FLAGS, 0o666), tmp  # the system applies the umask
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(path.parent))


def _set_mode(fd: int, tmp: Path, mode: int) -> None:
    fchmod = getattr(os, "fchmod", None)
    if fchmod is not None:
        fchmod(fd, mode)
    else:  # pragma: no cover - Windows before Python 3.13, where only the read-only bit means anything
        os.chmod(tmp, mode)


def _replace(tmp: Path, path: Path) -> None:
    """``os.replace``; on Windows, retried briefly while another program (a reader, a virus scanner) holds the
    target open."""
    attempts = 20 if os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.025)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable. Some file systems (Windows, network shares, FUSE) cannot flush a
    folder; the rename is done all the same."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(
    path: Path,
    write: Callable[[BinaryIO], None],
    error: Callable[[Path, str], Exception] = _cannot_write,
) -> None:
    """Call ``write`` with a binary file that becomes ``path`` only once ``write`` has returned.

    An existing file keeps its permission bits; a symbolic link stays a link to the rewritten file. Raises ``error(path, reason)`` (an :class:`AtomicWriteError` by
    default) when the destination cannot be written; nothing is left behind then, and an existing file at
    ``path`` is untouched. An exception raised by ``write`` itself is passed on, with the same guarantee.
    """
    path = Path(path)
    if path.is_symlink():  # a note linked from elsewhere: write the file it points to, and keep the link
        path = Path(os.path.realpath(path))
    folder = path.parent
    if path.is_dir():
        raise error(path, "it is a folder")
    if not folder.is_dir():
        raise error(path, f"the folder {folder} does not exist")
    try:
        try:
            old_mode: int | None = path.stat().st_mode & 0o777
        except FileNotFoundError:
            old_mode = None
        fd, tmp = _create_temporary(path)
    except OSError as exc:
        raise error(path, reason(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            if old_mode is not None:
                _set_mode(handle.fileno(), tmp, old_mode)
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(tmp, path)
    except BaseException as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise error(path, reason(exc)) from exc
        raise
    _sync_folder(folder)
