"""Folding another copy of a data directory into this one (``devday-tui merge``).

The result is the union of every device's history, personal notes, exam results and card descriptions, each
entry once. Nothing is removed from either side; the other copy is only read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from devday_tui.store.errors import CorruptFileError, StoreError
from devday_tui.store.files import atomic_write_bytes, read_tables, salvage_tables, write_tables
from devday_tui.store.history import LOG_TABLE, is_entry
from devday_tui.store.paths import check_device_id
from devday_tui.store.reconcile import CATALOG, is_catalog_entry
from devday_tui.store.recovery import CORRUPT_INFIX, Accept, Reader, count, salvage_marker
from devday_tui.store.side_files import ANNOTATIONS, EXAMS, is_annotation


@dataclass(slots=True)
class MergeReport:
    source: Path
    devices: list[str] = field(default_factory=list)
    reviews_added: int = 0
    events_added: int = 0
    annotations_added: int = 0
    exams_added: int = 0
    files_written: int = 0
    notices: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{self.reviews_added} review(s)",
            f"{self.events_added} card event(s)",
            f"{self.annotations_added} annotation(s)",
            f"{self.exams_added} exam result(s)",
        ]
        return f"Merged from {self.source}: " + ", ".join(parts) + f" added ({self.files_written} file(s) written)."


Identity = Callable[[dict[str, Any]], str]

#: For each side file: its name, its table, what a document looks like, and what makes two documents the same.
_SIDE_FILES: tuple[tuple[str, str, Accept, Identity], ...] = (
    (ANNOTATIONS, "annotations", is_annotation, lambda d: f"{d.get('key')}\x00{d.get('at')}"),
    (EXAMS, "exams", lambda d: "id" in d and "result" in d, lambda d: str(d.get("id"))),
    (CATALOG, "cards", is_catalog_entry, lambda d: f"{d.get('card')}\x00{d.get('seen')}"),
)


def merge_directory(data_dir: Path, other_dir: Path | str, reader: Reader, now: datetime) -> MergeReport:
    """Copy into ``data_dir`` every entry of ``other_dir`` that it lacks. The caller reloads its state after."""
    other = Path(other_dir).expanduser()
    if not other.is_dir():
        raise StoreError(f"{other} is not a directory.")
    if other.resolve() == data_dir.resolve():
        raise StoreError(f"{other} is this data directory already.")
    devices = other / "devices"
    if not devices.is_dir():
        raise StoreError(f"{other} is not a devday-tui data directory (it has no devices/ folder).")
    report = MergeReport(source=other)
    for device_dir in sorted(p for p in devices.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            check_device_id(device_dir.name)
        except StoreError:
            report.notices.append(f"Skipped {device_dir}: not a device folder.")
            continue
        report.devices.append(device_dir.name)
        target_dir = data_dir / "devices" / device_dir.name
        log_dir = device_dir / "log"
        if log_dir.is_dir():
            for src in sorted(log_dir.glob("*.json")):
                if src.name.startswith("."):
                    continue
                _merge_file(src, target_dir / "log" / src.name, LOG_TABLE, is_entry, _log_identity, reader, report, now)
        for name, table, accept, identity in _SIDE_FILES:
            _merge_file(device_dir / name, target_dir / name, table, accept, identity, reader, report, now)
    return report


def _merge_file(
    src: Path,
    dst: Path,
    table: str,
    accept: Accept,
    identity: Identity,
    reader: Reader,
    report: MergeReport,
    now: datetime,
) -> None:
    if not src.is_file():
        return
    try:
        theirs = read_tables(src) or {}
    except CorruptFileError as exc:
        theirs, found = salvage_tables(src, table, accept)
        report.notices.append(
            f"{src} could not be read ({exc.detail}); {count(found, 'entry/entries')} recovered from it."
        )
    added = add_missing(
        dst, table, [d for d in theirs.get(table, {}).values() if isinstance(d, dict)], accept, identity, reader, now
    )
    if not added:
        return
    if table == LOG_TABLE:
        report.reviews_added += sum(1 for d in added if d.get("t") == "review")
        report.events_added += sum(1 for d in added if d.get("t") != "review")
    elif table == "annotations":
        report.annotations_added += len(added)
    elif table == "exams":
        report.exams_added += len(added)
    report.files_written += 1


def add_missing(
    dst: Path,
    table: str,
    docs: list[dict[str, Any]],
    accept: Accept,
    identity: Identity,
    reader: Reader,
    now: datetime,
) -> list[dict[str, Any]]:
    """Add to the file ``dst`` those of ``docs`` it does not hold yet (by ``identity``). Returns them."""
    if not docs:
        return []
    ours_tables = reader.read(dst, accept, table, now, "entry/entries") if dst.exists() else {}
    if dst in reader.unreadable:
        return []  # never overwrite a file that could not be read
    our_docs = [d for d in ours_tables.get(table, {}).values() if isinstance(d, dict)]
    known = {identity(d) for d in our_docs}
    added = []
    for doc in docs:
        ident = identity(doc)
        if ident not in known:
            known.add(ident)
            added.append(doc)
    if not added:
        return []
    if table == LOG_TABLE:
        added.sort(key=lambda d: (str(d.get("at", "")), str(d.get("id", ""))))
    merged = our_docs + added
    write_tables(dst, {table: {str(i): d for i, d in enumerate(merged, 1)}})
    return added


def _kind_of(name: str, in_log: bool) -> tuple[str, Accept, Identity] | None:
    """Table, document test and identity of the store file called ``name``."""
    if in_log:
        return (LOG_TABLE, is_entry, _log_identity) if name.endswith(".json") else None
    for file_name, table, accept, identity in _SIDE_FILES:
        if name == file_name:
            return table, accept, identity
    return None


def _log_identity(d: dict[str, Any]) -> str:
    return str(d.get("id"))


def finish_salvage(own_dir: Path, reader: Reader, now: datetime) -> None:
    """Put back what was salvaged from each damaged file kept aside in ``own_dir`` whose salvage was not
    completed (a crash between keeping it aside and writing back). Idempotent: entries already there are not
    added twice, and a marker records each completed salvage."""
    for folder, in_log in ((own_dir, False), (own_dir / "log", True)):
        try:
            names = [e.name for e in os.scandir(folder) if CORRUPT_INFIX in e.name and not e.name.startswith(".")]
        except OSError:
            continue
        for name in sorted(names):
            kept = folder / name
            base = name[: name.index(CORRUPT_INFIX)]
            kind = _kind_of(base, in_log)
            if kind is None or salvage_marker(kept).exists() or not kept.is_file():
                continue
            table, accept, identity = kind
            salvaged, _found = salvage_tables(kept, table, accept)
            docs = [d for d in salvaged[table].values() if isinstance(d, dict)]
            try:
                added = add_missing(folder / base, table, docs, accept, identity, reader, now)
                atomic_write_bytes(salvage_marker(kept), b"")
            except StoreError as exc:
                reader.notices.append(str(exc))
                continue
            if added:
                reader.notices.append(
                    f"{reader.rel(kept)}: {count(len(added), 'entry/entries')} recovered from this damaged file "
                    f"{'was' if len(added) == 1 else 'were'} missing from {base} (an earlier start was interrupted) "
                    f"and {'has' if len(added) == 1 else 'have'} been put back."
                )
