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

from devday_tui.store.errors import CorruptFileError, StoreError
from devday_tui.store.files import read_tables, salvage_tables, write_tables

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

    def rel(self, path: Path) -> str:
        return path.relative_to(self.data_dir).as_posix() if path.is_relative_to(self.data_dir) else str(path)

    def is_own(self, path: Path) -> bool:
        return path.is_relative_to(self.own_dir)

    def notice_once(self, key: str, text: str) -> None:
        """Add a notice unless one with the same ``key`` was given already."""
        if key not in self._reported:
            self._reported.add(key)
            self.notices.append(text)

    def read(self, path: Path, accept: Accept, table: str, now: datetime, what: str) -> dict[str, Any]:
        """A file's tables; a damaged file is kept aside (own files) and what can be recovered is used."""
        try:
            return read_tables(path) or {}
        except CorruptFileError as exc:
            tables, found = salvage_tables(path, table, accept)
            rel = self.rel(path)
            recovered = f"{count(found, what)} {'was' if found == 1 else 'were'} recovered from it"
            kept = self.keep_aside(path, now) if self.is_own(path) and not self.read_only else None
            if kept is not None:
                if found:
                    try:
                        write_tables(path, tables)
                    except StoreError as write_error:
                        self.notices.append(str(write_error))
                self.notices.append(
                    f"{rel} could not be read ({exc.detail}). It was kept as {kept.name}; {recovered}, and your "
                    f"progress was rebuilt from everything that remains."
                )
            else:
                why = ("read-only mode" if self.read_only else
                       "it could not be renamed" if self.is_own(path) else "it belongs to another device")
                self.notice_once(rel, f"{rel} could not be read ({exc.detail}); {recovered}. The file was left as "
                                      f"it is ({why}).")
            return tables

    def keep_aside(self, path: Path, now: datetime) -> Path | None:
        """Rename a damaged file to ``<name>.corrupt-<UTC time>``; ``None`` if that is not possible."""
        kept = path.with_name(f"{path.name}.corrupt-{utc_stamp(now)}")
        n = 1
        while kept.exists():
            n += 1
            kept = path.with_name(f"{path.name}.corrupt-{utc_stamp(now)}-{n}")
        try:
            os.replace(path, kept)
        except OSError:
            return None
        return kept
