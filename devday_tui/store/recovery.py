"""Reading store files that may be damaged: what can be recovered is used, and the user is told.

A damaged file of this device is renamed aside (``<name>.corrupt-<UTC time>``) and what could be salvaged from it
is written back in its place. Another device's damaged file, or any file in read-only mode, is left as it is and
only read.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from devday_tui.store.errors import CorruptFileError, StoreError, UnreadableFileError
from devday_tui.store.files import atomic_write_bytes, read_tables, salvage_tables, write_tables

Accept = Callable[[dict[str, Any]], bool]


def count(n: int, what: str) -> str:
    """ "1 entry", "3 entries": ``what`` is "singular/plural"."""
    one, many = what.split("/")
    return f"{n} {one if n == 1 else many}"


def utc_stamp(now: datetime) -> str:
    return now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


class Reader:
    """Reads the files of one data directory for one device, recovering damaged ones, and collects notices."""

    def __init__(self, data_dir: Path, own_dir: Path, *, read_only: bool, notices: list[str]) -> None:
        self.data_dir = data_dir
        self.own_dir = own_dir
        self.read_only = read_only
        self.notices = notices
        self._reported: set[str] = set()
        #: Files that exist but could not be read this time (permission denied): they are not counted as read,
        #: so the next start tries them again.
        self.unreadable: set[Path] = set()
        self.current: Path | None = None  # the file being read, to name it if reading fails unexpectedly

    def rel(self, path: Path) -> str:
        return path.relative_to(self.data_dir).as_posix() if path.is_relative_to(self.data_dir) else str(path)

    def is_own(self, path: Path) -> bool:
        return path.is_relative_to(self.own_dir)

    def notice_once(self, key: str, text: str) -> None:
        """Add a notice unless one with the same ``key`` was given already."""
        if key not in self._reported:
            self._reported.add(key)
            self.notices.append(text)

    def cannot_open(self, exc: Exception) -> str:
        """The message for a store that could not open because of ``exc``, raised while reading."""
        what = self.rel(self.current) if self.current is not None else str(self.data_dir)
        return (
            f"Your progress could not be read from {what} ({type(exc).__name__}: {exc}). No file was changed: "
            f"all your progress is kept as it is in {self.data_dir}."
        )

    def read(self, path: Path, accept: Accept, table: str, now: datetime, what: str) -> dict[str, Any]:
        """A file's tables. A damaged file is kept aside (own files) and what can be recovered is used; a file
        that cannot be read at all is left alone, reported, and tried again next time."""
        self.current = path
        try:
            tables = read_tables(path) or {}
        except UnreadableFileError as exc:
            self.unreadable.add(path)
            rel = self.rel(path)
            self.notice_once(
                rel,
                f"{rel} {exc.detail}. It was left as it is and will be read again at the next "
                f"start; what it holds is not counted until then.",
            )
            return {}
        except CorruptFileError as exc:
            return self._recover(path, exc, accept, table, now, what)
        self.unreadable.discard(path)
        return tables

    def _recover(
        self, path: Path, exc: CorruptFileError, accept: Accept, table: str, now: datetime, what: str
    ) -> dict[str, Any]:
        tables, found = salvage_tables(path, table, accept)
        rel = self.rel(path)
        recovered = f"{count(found, what)} {'was' if found == 1 else 'were'} recovered from it"
        kept = (
            self.keep_aside(path, now, tables if found else None) if self.is_own(path) and not self.read_only else None
        )
        if kept is not None:
            self.notices.append(
                f"{rel} could not be read ({exc.detail}). It was kept as {kept.name}; {recovered}, and your "
                f"progress was rebuilt from everything that remains."
            )
        else:
            why = (
                "read-only mode"
                if self.read_only
                else "it could not be renamed"
                if self.is_own(path)
                else "it belongs to another device"
            )
            self.notice_once(
                rel, f"{rel} could not be read ({exc.detail}); {recovered}. The file was left as it is ({why})."
            )
        return tables

    def keep_aside(self, path: Path, now: datetime, salvaged: dict[str, Any] | None = None) -> Path | None:
        """Keep a damaged file as ``<name>.corrupt-<UTC time>`` and put ``salvaged`` (if any) in its place.

        The damaged file gets its second name first (a hard link), then the salvaged content replaces it
        atomically, then a marker says the salvage is in place. A crash at any point leaves either the damaged
        file under both names (the next start salvages it again) or a kept copy without its marker, which
        ``finish_salvage`` completes. ``None`` when the file cannot be renamed.
        """
        kept = path.with_name(f"{path.name}.corrupt-{utc_stamp(now)}")
        n = 1
        while kept.exists():
            n += 1
            kept = path.with_name(f"{path.name}.corrupt-{utc_stamp(now)}-{n}")
        try:
            if path.is_dir() or salvaged is None:
                os.replace(path, kept)
            else:
                try:
                    os.link(path, kept)
                except OSError:  # no hard links here (some shared or FAT file systems): rename it
                    os.replace(path, kept)
                write_tables(path, salvaged)
        except StoreError as write_error:
            self.notices.append(str(write_error))
        except OSError:
            return None
        if not path.is_dir():
            try:
                atomic_write_bytes(salvage_marker(kept), b"")
            except StoreError:
                pass  # the next start merges the kept copy again: the same entries, each once
        return kept


def salvage_marker(kept: Path) -> Path:
    """The hidden file that says what was salvaged from ``kept`` is back in place."""
    return kept.with_name(f".{kept.name}.salvaged")


CORRUPT_INFIX = ".corrupt-"
