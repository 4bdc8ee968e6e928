"""The writer lock: one process at a time writes a device's files in a data directory.

It is an advisory lock held by the operating system on an open file (``flock`` on POSIX, ``msvcrt.locking`` on
Windows). The system drops it when the process ends, however it ends, so a lock left by a killed process never
blocks the next start. The file also says who holds it (pid, host, since when) so the next process can tell the
user.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime, timezone
from pathlib import Path

from devday_tui.store.errors import StoreError, StoreLocked

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


def open_lock_file(path: Path) -> int:
    """Open (creating) the lock file. Separate so that tests can simulate an unwritable directory."""
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)


class WriterLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock without waiting. ``False`` when another process holds it. Raises ``OSError`` when the
        lock file cannot be created (a read-only directory)."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = open_lock_file(self.path)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            os.close(fd)
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

    def still_held(self) -> bool:
        """Whether the file at the lock's path is still the one this process holds locked. A user or a sync
        tool may delete or replace the lock file while it is held; another process could then take a lock on
        the new file and both would write."""
        if self._fd is None:
            return False
        try:
            mine = os.fstat(self._fd)
            there = os.stat(self.path)
        except OSError:
            return False
        return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)

    def reacquire(self) -> bool:
        """Before a save: keep the lock if it is still in place, else take it again at its path. ``False`` when
        another process holds the lock there now."""
        if self.still_held():
            return True
        old, self._fd = self._fd, None
        try:
            return self.acquire()
        except OSError:
            return False
        finally:
            if old is not None:
                os.close(old)

    def holder(self) -> dict:
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
