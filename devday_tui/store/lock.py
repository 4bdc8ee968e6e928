"""The writer lock: one process at a time writes a device's files in a data directory.

It is an advisory lock held by the operating system on an open file (``flock`` on POSIX, ``msvcrt.locking`` on
Windows). The system drops it when the process ends, however it ends, so a lock left by a killed process never
blocks the next start. The file also says who holds it (pid, host, since when) so the next process can tell the
user.

A user or a sync tool may delete the lock file while it is held; a second process would then lock a new file at
the same path and both would write. On POSIX the device's folder is locked too (a folder is not deleted while it
holds the progress), so the second process still finds the lock taken; and before each save the writer checks
that the file at the lock path is its own, making it again if it is gone (``reacquire``).
"""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from devday_tui.store.errors import StoreError, StoreLocked

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]  # the module does not exist on Windows: None says so
    import msvcrt


def open_lock_file(path: Path) -> int:
    """Open (creating) the lock file. Separate so that tests can simulate an unwritable directory."""
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)


class WriterLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        self._dir_fd: int | None = None  # the device folder, locked too (POSIX)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock without waiting. ``False`` when another process holds it. Raises ``OSError`` when the
        lock file cannot be created (a read-only directory)."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._dir_fd is None and not self._lock_folder():
            return False
        try:
            fd = open_lock_file(self.path)
        except OSError:
            self._unlock_folder()
            raise
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            os.close(fd)
            self._unlock_folder()
            return False
        self._fd = fd
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        try:
            payload = json.dumps(info).encode()
            if fcntl is not None:
                os.ftruncate(fd, 0)
                os.pwrite(fd, payload, 0)
            else:  # the first byte is the locked region on Windows; keep the text after it
                os.lseek(fd, 1, os.SEEK_SET)
                os.write(fd, payload)
        except OSError:
            pass  # the lock holds even if the note about who holds it cannot be written
        return True

    def _lock_folder(self) -> bool:
        """Lock the folder holding the lock file (POSIX). ``False`` when another process holds it."""
        if fcntl is None:
            return True
        try:
            fd = os.open(self.path.parent, os.O_RDONLY)
        except OSError:
            return True  # the folder cannot be opened: rely on the file alone
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._dir_fd = fd
        return True

    def _unlock_folder(self) -> None:
        fd, self._dir_fd = self._dir_fd, None
        if fd is not None:
            os.close(fd)  # closing the only descriptor drops its flock

    def still_held(self) -> bool:
        """Whether the file at the lock's path (and its folder) is still the one this process holds locked."""
        if self._fd is None:
            return False
        try:
            pairs = [(os.fstat(self._fd), os.stat(self.path))]
            if self._dir_fd is not None:
                pairs.append((os.fstat(self._dir_fd), os.stat(self.path.parent)))
        except OSError:
            return False
        return all((a.st_dev, a.st_ino) == (b.st_dev, b.st_ino) for a, b in pairs)

    def reacquire(self) -> bool:
        """Before a save: keep the lock if it is still in place, else take it again at its path. ``False`` when
        another process holds the lock there now."""
        if self.still_held():
            return True
        old, self._fd = self._fd, None
        if old is not None:
            os.close(old)  # its file is gone or replaced (the folder's lock, if any, is still held)
        if self._dir_fd is not None:
            try:
                same_folder = os.path.samestat(os.fstat(self._dir_fd), os.stat(self.path.parent))
            except OSError:
                same_folder = False
            if not same_folder:  # the folder itself was replaced: lock the new one
                self._unlock_folder()
        try:
            return self.acquire()
        except OSError:
            return False

    def holder(self) -> dict[str, Any]:
        """What the lock file says about the process holding it (may be empty or partial)."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace").lstrip("\x00 ")
            start = text.find("{")
            data = json.loads(text[start:]) if start != -1 else {}
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def describe_holder(self) -> str:
        info = self.holder()
        pid = info.get("pid")
        host = info.get("host")
        if pid and host:
            text = f"process {pid} on {host}"
        elif pid:
            text = f"process {pid}"
        else:
            text = "another process"
        if info.get("since"):
            text += f" (since {info['since']})"
        return text

    def release(self) -> None:
        self._unlock_folder()
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
            else:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        finally:
            os.close(fd)


def take_writer_lock(directory: Path, path: Path, exclusive: bool, notices: list[str]) -> WriterLock | None:
    """The writer lock of a device in ``directory``, or ``None`` (read-only, with a notice saying why) when
    another live process holds it or the directory is not writable. With ``exclusive`` those cases raise
    ``StoreLocked`` or ``StoreError`` instead."""
    lock = WriterLock(path)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        acquired = lock.acquire()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exclusive:
            raise StoreError(f"Cannot write progress to {directory}: {reason}.") from exc
        notices.append(
            f"{directory} is not writable ({reason}). Progress is opened read-only: answers will not be saved."
        )
        return None
    if acquired:
        return lock
    holder = lock.holder()
    who = lock.describe_holder()
    if exclusive:
        raise StoreLocked(
            f"{directory} is in use by another devday-tui, {who}. Close it, or open this one read-only.",
            pid=holder.get("pid"),
            host=holder.get("host"),
        )
    notices.append(
        f"Another devday-tui is using {directory} ({who}). Progress is opened read-only: answers will not be "
        f"saved in this window."
    )
    return None
