"""Write a user's file whole or not at all: into a temporary file beside it, flushed to disk, then renamed.

Used for exports and for the user's own notes. (The progress store has its own writer, which also cleans up
after a crash inside the data directory.)"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


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
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    return exc.strerror or str(exc)


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(
    path: Path,
    write: Callable[[BinaryIO], None],
    error: Callable[[Path, str], Exception] = _cannot_write,
) -> None:
    """Call ``write`` with a binary file that becomes ``path`` only once ``write`` has returned.

    Raises ``error(path, reason)`` (an :class:`AtomicWriteError` by default) when the destination cannot be
    written; nothing is left behind then, and an existing file at ``path`` is untouched.
    """
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise error(path, "it is a folder")
    if not folder.is_dir():
        raise error(path, f"the folder {folder} does not exist")
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else _new_file_mode()
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise error(path, reason(exc)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise error(path, reason(exc)) from exc
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
