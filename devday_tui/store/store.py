"""The progress store: review history, card states, annotations and exam results, in TinyDB files.

Layout of a data directory (every file is TinyDB JSON, written atomically, see ``files.py``)::

    devices/<device id>/log/YYYY-MM-DD.json   the history: answers and card events of that UTC day
    devices/<device id>/annotations.json      personal notes, keyed by card or section id
    devices/<device id>/exams.json            mock-exam results
    devices/<device id>/catalog.json          what each card looked like (front, section), for re-attaching
    devices/<device id>/snapshot.json         cache of every card's state; rebuilt from the history at will
    devices/<device id>/writer.lock           the writer lock (see ``lock.py``)

Each machine writes only its own ``devices/<id>/`` folder, so syncing the directory never makes a conflict, and
loading reads every device's folder: the histories are united by entry id and replayed in time order.

The history is the source of truth. An answer appends one entry to the day's file of this device: the cost of a
save depends on the reviews done that day, not on the size of the history. The snapshot is written when the
store closes (or on ``checkpoint``) and records which history it covers; at start-up only history files that
changed since are read and applied on top of it.
"""

from __future__ import annotations

import json
import os
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from tinydb import Query, TinyDB

from devday_tui.core.model import Card, DeckSettings
from devday_tui.core.scheduling import (
    CardEvent,
    CardProgress,
    ReviewRecord,
    apply_event,
    apply_review,
    exam_cap,
    history_key,
    is_leech_lapse,
    preview as _preview,
    replay_onto,
)
from devday_tui.core.similarity import match_displaced, match_moved
from devday_tui.store.bulk import BulkChange, apply_bulk, undo_bulk
from devday_tui.store.errors import CorruptFileError, StoreError, StoreLocked, StoreReadOnly
from devday_tui.store.flags import FlagBook
from devday_tui.store.files import (
    AtomicJSONStorage,
    read_tables,
    remove_stale_temporaries,
    salvage_tables,
    write_tables,
)
from devday_tui.store.lock import WriterLock
from devday_tui.store.paths import check_device_id, data_dir_for, machine_device_id

LOG_TABLE = "log"
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def new_id(at: datetime) -> str:
    """A globally unique, time-ordered id: 12 hex digits of epoch milliseconds and 20 random hex digits."""
    millis = max(0, int((at - _EPOCH) / timedelta(milliseconds=1)))
    return f"{millis:012x}{secrets.token_hex(10)}"


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"datetime must be timezone-aware: {value!r}")
    return value.astimezone(timezone.utc)


def _count(n: int, what: str) -> str:
    """ "1 entry", "3 entries": ``what`` is "singular/plural"."""
    one, many = what.split("/")
    return f"{n} {one if n == 1 else many}"


def _stamp(now: datetime) -> str:
    return now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


# ---------------------------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True, slots=True)
class Answer:
    """What ``Store.answer`` did: the saved review, the card's state before and after, and whether it just
    became a leech (and was suspended)."""

    review: ReviewRecord
    before: CardProgress | None
    after: CardProgress
    became_leech: bool


@dataclass(frozen=True, slots=True)
class Reattachment:
    old_id: str
    new_id: str
    score: float


@dataclass(frozen=True, slots=True)
class Orphan:
    """History whose card is no longer in the notes. Nothing is deleted; it re-attaches if the card returns."""

    card_id: str
    progress: CardProgress
    front: str | None = None
    section_id: str | None = None
    note_title: str | None = None
    path: str | None = None
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "card_id": self.card_id,
            "front": self.front,
            "section_id": self.section_id,
            "note": self.note_title,
            "path": self.path,
            "line": self.line,
            "state": self.progress.state,
            "reps": self.progress.reps,
            "lapses": self.progress.lapses,
            "last_review": None if self.progress.last_review is None else self.progress.last_review.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Reconciliation:
    reattached: tuple[Reattachment, ...]
    orphans: tuple[Orphan, ...]
    saved: bool


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
        parts = [f"{self.reviews_added} review(s)", f"{self.events_added} card event(s)",
                 f"{self.annotations_added} annotation(s)", f"{self.exams_added} exam result(s)"]
        return f"Merged from {self.source}: " + ", ".join(parts) + f" added ({self.files_written} file(s) written)."


# ---------------------------------------------------------------------------------------------------------------
# History entries


@dataclass(frozen=True, slots=True)
class _Undo:
    id: str
    ref: str


@dataclass(frozen=True, slots=True)
class _Reattach:
    id: str
    old: str
    new: str
    at: datetime


def _parse_entry(doc: Any) -> ReviewRecord | CardEvent | _Undo | _Reattach:
    if not isinstance(doc, dict):
        raise ValueError("not an object")
    kind = doc.get("t")
    if kind == "review":
        return ReviewRecord.from_dict(doc)
    if kind == "undo":
        return _Undo(str(doc["id"]), str(doc["ref"]))
    if kind == "reattach":
        at = datetime.fromisoformat(str(doc["at"])).astimezone(timezone.utc)
        return _Reattach(str(doc["id"]), str(doc["from"]), str(doc["card"]), at)
    return CardEvent.from_dict(doc)


def _is_entry(doc: dict[str, Any]) -> bool:
    return "t" in doc and "id" in doc and ("card" in doc or "ref" in doc)


@dataclass(frozen=True, slots=True)
class _FileKey:
    size: int
    mtime_ns: int
    ino: int

    @classmethod
    def of(cls, st: os.stat_result) -> "_FileKey":
        return cls(st.st_size, st.st_mtime_ns, st.st_ino)


@dataclass(slots=True)
class _Covered:
    """How much of a history file the in-memory state includes."""

    key: _FileKey
    count: int
    last: str | None

    def to_json(self) -> list[Any]:
        return [self.key.size, self.key.mtime_ns, self.key.ino, self.count, self.last]

    @classmethod
    def from_json(cls, data: list[Any]) -> "_Covered":
        size, mtime_ns, ino, count, last = data
        return cls(_FileKey(int(size), int(mtime_ns), int(ino)), int(count), None if last is None else str(last))


class _NeedsRebuild(Exception):
    pass


@dataclass(slots=True)
class _UndoStep:
    review: ReviewRecord
    before: CardProgress | None
    before_key: tuple[datetime, str] | None
    shard: str


def _resolve_aliases(reattaches: Iterable[_Reattach]) -> dict[str, str]:
    """Old id -> current id, from re-attachments applied in time order (cycles undo each other)."""
    aliases: dict[str, str] = {}
    for r in sorted(reattaches, key=lambda r: (r.at, r.id)):
        if r.old == r.new:
            continue
        aliases.pop(r.new, None)
        for old, new in list(aliases.items()):
            if new == r.old:
                aliases[old] = r.new
        aliases[r.old] = r.new
    return aliases


# ---------------------------------------------------------------------------------------------------------------
# The store


class Store:
    """Progress of one user in one data directory. Open it with ``Store.open``; close it (or use ``with``)."""

    SNAPSHOT = "snapshot.json"
    ANNOTATIONS = "annotations.json"
    EXAMS = "exams.json"
    CATALOG = "catalog.json"
    LOCK = "writer.lock"

    def __init__(
        self,
        data_dir: Path,
        device_id: str,
        *,
        read_only: bool,
        lock: WriterLock | None,
        notices: list[str],
        rollover_hour: int,
        tz: tzinfo | None,
    ) -> None:
        self.data_dir = data_dir
        self.device_id = device_id
        self.read_only = read_only
        self.notices = notices
        self.rollover_hour = rollover_hour
        self.tz = tz
        self._lock = lock
        self._mutex = threading.RLock()
        self._closed = False
        self._progress: dict[str, CardProgress] = {}
        self._last: dict[str, tuple[datetime, str]] = {}
        self._aliases: dict[str, str] = {}
        self._covered: dict[str, _Covered] = {}
        self._dirty = False
        self._own_dbs: dict[str, TinyDB] = {}
        self._undo: list[_UndoStep] = []
        self._session_events: list[CardEvent] = []
        self._annotations: dict[str, tuple[str, str, str]] = {}  # key -> (at iso, device, text)
        self._exams: dict[str, dict[str, Any]] = {}
        self._catalog: dict[str, dict[str, Any]] = {}
        self._seen_cards: dict[str, Card] = {}  # the cards of the last reconcile, by id
        self._present: set[str] | None = None
        self._entry_cache: OrderedDict[str, tuple[_FileKey, list[Any]]] = OrderedDict()
        self._parsed_cache: OrderedDict[str, tuple[_FileKey, list[Any]]] = OrderedDict()
        self._reported: set[str] = set()
        self._flags: FlagBook | None = None  # read on first use
        self._bulk_undo: list[BulkChange] = []

    # -- opening ----------------------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path | str | None = None,
        *,
        device_id: str | None = None,
        read_only: bool = False,
        exclusive: bool = False,
        rollover_hour: int = 4,
        tz: tzinfo | None = None,
        now: datetime | None = None,
    ) -> "Store":
        """Open the store in ``data_dir`` (see ``data_dir_for``).

        Only one process writes a device's files. If another live process holds the writer lock, this raises
        ``StoreLocked`` with ``exclusive=True``, and otherwise opens read-only with a notice. The same happens
        when the directory is not writable. ``notices`` tells the user about anything that needed attention
        (damaged files kept aside and what was recovered, read-only mode).
        """
        directory = data_dir_for(data_dir)
        device = check_device_id(device_id) if device_id else machine_device_id()
        now = _utc(now) if now is not None else datetime.now(timezone.utc)
        notices: list[str] = []
        lock: WriterLock | None = None
        if directory.exists() and not directory.is_dir():
            raise StoreError(f"{directory} is a file, not a folder: it cannot hold progress.")
        if not read_only:
            lock = WriterLock(directory / "devices" / device / cls.LOCK)
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
                read_only, lock = True, None
            else:
                if not acquired:
                    holder = lock.holder()
                    who = lock.describe_holder()
                    if exclusive:
                        raise StoreLocked(
                            f"{directory} is in use by another devday-tui, {who}. Close it, or open this one "
                            f"read-only.",
                            pid=holder.get("pid"),
                            host=holder.get("host"),
                        )
                    notices.append(
                        f"Another devday-tui is using {directory} ({who}). Progress is opened read-only: answers "
                        f"will not be saved in this window."
                    )
                    read_only, lock = True, None
        store = cls(directory, device, read_only=read_only, lock=lock, notices=notices,
                    rollover_hour=rollover_hour, tz=tz)
        try:
            store._load(now)
        except BaseException:
            store._release()
            raise
        return store

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Write the snapshot (if anything changed) and release the writer lock."""
        with self._mutex:
            if self._closed:
                return
            try:
                if not self.read_only and self._dirty:
                    try:
                        self.checkpoint()
                    except StoreError:
                        pass  # the history is saved; the snapshot is only a cache
            finally:
                self._closed = True
                self._release()

    def _release(self) -> None:
        for db in self._own_dbs.values():
            db.close()
        self._own_dbs.clear()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # -- paths --------------------------------------------------------------------------------------------------

    @property
    def own_dir(self) -> Path:
        return self.data_dir / "devices" / self.device_id

    def _rel(self, path: Path) -> str:
        return path.relative_to(self.data_dir).as_posix()

    def _device_dirs(self) -> list[Path]:
        root = self.data_dir / "devices"
        if not root.is_dir():
            return []
        return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))

    def _scan(self, first_day: date | None = None) -> dict[str, tuple[Path, _FileKey]]:
        """Every history file (from ``first_day`` on, judged by its name), with its size/mtime/inode."""
        found: dict[str, tuple[Path, _FileKey]] = {}
        first = first_day.isoformat() if first_day is not None else None
        for device_dir in self._device_dirs():
            log_dir = device_dir / "log"
            prefix = f"devices/{device_dir.name}/log/"
            try:
                entries = list(os.scandir(log_dir))
            except (FileNotFoundError, NotADirectoryError):
                continue
            for entry in entries:
                name = entry.name
                if name.startswith(".") or not name.endswith(".json"):
                    continue
                if first is not None and name[:10] < first and _day_of(name) is not None:
                    continue
                try:
                    if not entry.is_file():
                        continue
                    key = _FileKey.of(entry.stat())
                except FileNotFoundError:
                    continue
                found[prefix + name] = (log_dir / name, key)
        return found

    def _is_own(self, path: Path) -> bool:
        try:
            path.relative_to(self.own_dir)
            return True
        except ValueError:
            return False

    # -- reading files, with recovery ----------------------------------------------------------------------------

    def _read_tables_recovering(self, path: Path, accept, table: str, now: datetime, what: str) -> dict[str, Any]:
        """A file's tables; a damaged file is kept aside (own files) and what can be recovered is used."""
        try:
            return read_tables(path) or {}
        except CorruptFileError as exc:
            tables, found = salvage_tables(path, table, accept)
            rel = self._rel(path) if path.is_relative_to(self.data_dir) else str(path)
            recovered = f"{_count(found, what)} {'was' if found == 1 else 'were'} recovered from it"
            kept = self._keep_aside(path, now) if self._is_own(path) and not self.read_only else None
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
            elif rel not in self._reported:
                self._reported.add(rel)
                why = ("read-only mode" if self.read_only else
                       "it could not be renamed" if self._is_own(path) else "it belongs to another device")
                self.notices.append(f"{rel} could not be read ({exc.detail}); {recovered}. The file was left as it is "
                                    f"({why}).")
            return tables

    def _keep_aside(self, path: Path, now: datetime) -> Path | None:
        """Rename a damaged file to ``<name>.corrupt-<UTC time>``; ``None`` if that is not possible."""
        kept = path.with_name(f"{path.name}.corrupt-{_stamp(now)}")
        n = 1
        while kept.exists():
            n += 1
            kept = path.with_name(f"{path.name}.corrupt-{_stamp(now)}-{n}")
        try:
            os.replace(path, kept)
        except OSError:
            return None
        return kept

    def _entries(self, rel: str, path: Path, key: _FileKey, now: datetime | None = None) -> list[Any]:
        """The raw entries of a history file, in file order (cached while the file does not change)."""
        cached = self._entry_cache.get(rel)
        if cached is not None and cached[0] == key:
            self._entry_cache.move_to_end(rel)
            return cached[1]
        now = now or datetime.now(timezone.utc)
        tables = self._read_tables_recovering(path, _is_entry, LOG_TABLE, now, "entry/entries")
        docs = list(tables.get(LOG_TABLE, {}).values())
        try:
            key = _FileKey.of(path.stat())
        except FileNotFoundError:
            pass
        self._entry_cache[rel] = (key, docs)
        while len(self._entry_cache) > 96:
            self._entry_cache.popitem(last=False)
        return docs

    def _parse(self, rel: str, docs: Iterable[Any]) -> list[ReviewRecord | CardEvent | _Undo | _Reattach]:
        out: list[ReviewRecord | CardEvent | _Undo | _Reattach] = []
        bad = 0
        for doc in docs:
            try:
                out.append(_parse_entry(doc))
            except (KeyError, TypeError, ValueError):
                bad += 1
        if bad and f"{rel}\x00bad" not in self._reported:
            self._reported.add(f"{rel}\x00bad")
            self.notices.append(
                f"{rel}: {_count(bad, 'entry/entries')} could not be read and "
                f"{'was' if bad == 1 else 'were'} skipped (the file is otherwise fine and was left as it is)."
            )
        return out

    # -- loading ------------------------------------------------------------------------------------------------

    def _load(self, now: datetime) -> None:
        if not self.read_only:
            remove_stale_temporaries(self.own_dir)
        loaded = self._load_snapshot(now)
        changed = self._catch_up(now) if loaded else self._rebuild(now)
        self._load_side_files(now)
        if not self.read_only and (changed or not loaded):
            try:
                self.checkpoint()
            except StoreError as exc:
                self.notices.append(str(exc))

    def _load_snapshot(self, now: datetime) -> bool:
        path = self.own_dir / self.SNAPSHOT
        try:
            tables = read_tables(path)
        except CorruptFileError as exc:
            kept = None if self.read_only else self._keep_aside(path, now)
            if kept is not None:
                self.notices.append(
                    f"{self._rel(path)} could not be read ({exc.detail}); it was kept as {kept.name}. It is only a "
                    f"cache: card states were rebuilt from the review history."
                )
            return False
        if not tables:
            return False
        try:
            state = next(iter(tables.get("state", {}).values()))
            covered = {rel: _Covered.from_json(v) for rel, v in state["shards"].items()}
            aliases = {str(k): str(v) for k, v in state.get("aliases", {}).items()}
            progress: dict[str, CardProgress] = {}
            last: dict[str, tuple[datetime, str]] = {}
            for cid, doc in tables.get("cards", {}).items():
                progress[cid] = CardProgress.from_dict(doc)
                at, rid = doc["k"]
                last[cid] = (datetime.fromisoformat(at).astimezone(timezone.utc), str(rid))
        except (StopIteration, KeyError, TypeError, ValueError):
            return False
        self._covered, self._aliases, self._progress, self._last = covered, aliases, progress, last
        return True

    def checkpoint(self) -> None:
        """Write the snapshot of card states now (it is also written on ``close``)."""
        with self._mutex:
            if self.read_only:
                return
            cards = {}
            for cid, progress in self._progress.items():
                doc = progress.to_dict()
                at, rid = self._last.get(cid, (_EPOCH, ""))
                doc["k"] = [at.isoformat(), rid]
                cards[cid] = doc
            state = {
                "device": self.device_id,
                "shards": {rel: cov.to_json() for rel, cov in sorted(self._covered.items())},
                "aliases": dict(self._aliases),
            }
            write_tables(self.own_dir / self.SNAPSHOT, {"state": {"1": state}, "cards": cards})
            self._dirty = False
            studied = [c for cid, c in self._seen_cards.items() if cid in self._progress and cid not in self._catalog]
            if studied:  # cards first studied since the last reconcile
                self._update_catalog(studied, datetime.now(timezone.utc))

    def refresh(self, now: datetime | None = None) -> bool:
        """Pick up history written by other devices (a sync) since opening. True when anything changed."""
        with self._mutex:
            now = _utc(now) if now is not None else datetime.now(timezone.utc)
            changed = self._catch_up(now)
            self._load_side_files(now)
            self._flags = None
            if changed:
                self._dirty = True
            return changed

    def _catch_up(self, now: datetime) -> bool:
        """Apply history written since the snapshot. Falls back to a full rebuild when it cannot be sure."""
        try:
            return self._apply_new_history(now)
        except _NeedsRebuild:
            return self._rebuild(now)

    def _apply_new_history(self, now: datetime) -> bool:
        current = self._scan()
        if any(rel not in current for rel in self._covered):
            raise _NeedsRebuild
        fresh: list[ReviewRecord | CardEvent | _Undo | _Reattach] = []
        covered = dict(self._covered)
        for rel, (path, key) in current.items():
            cov = self._covered.get(rel)
            if cov is not None and cov.key == key:
                continue
            docs = self._entries(rel, path, key, now)
            start = 0
            if cov is not None:
                if len(docs) < cov.count or (cov.count and _doc_id(docs[cov.count - 1]) != cov.last):
                    raise _NeedsRebuild  # not a pure append (an undo after the last snapshot, a replaced file)
                start = cov.count
            fresh.extend(self._parse(rel, docs[start:]))
            covered[rel] = _Covered(self._entry_cache[rel][0], len(docs), _doc_id(docs[-1]) if docs else None)
        if not fresh:
            self._covered = covered
            return False
        if any(isinstance(e, _Reattach) for e in fresh):
            raise _NeedsRebuild
        undone = {e.ref for e in fresh if isinstance(e, _Undo)}
        if undone - {e.id for e in fresh if isinstance(e, ReviewRecord)}:
            raise _NeedsRebuild  # an undo of a review that is already applied
        items = [e for e in fresh if isinstance(e, (ReviewRecord, CardEvent)) and e.id not in undone]
        seen: set[str] = set()
        by_card: dict[str, list[ReviewRecord | CardEvent]] = {}
        for item in sorted(items, key=history_key):
            if item.id in seen:
                continue
            seen.add(item.id)
            by_card.setdefault(self._resolve(item.card_id), []).append(item)
        for cid, group in by_card.items():
            last = self._last.get(cid)
            if last is not None and history_key(group[0]) <= last:
                raise _NeedsRebuild  # older than what is applied: needs the card's whole history in order
        for cid, group in by_card.items():
            self._progress[cid] = replay_onto(self._progress.get(cid), cid, group)  # type: ignore[assignment]
            self._last[cid] = history_key(group[-1])
        self._covered = covered
        self._dirty = True
        return True

    def _rebuild(self, now: datetime) -> bool:
        """Rebuild every card state from the whole history of every device."""
        current = self._scan()
        entries: list[ReviewRecord | CardEvent | _Undo | _Reattach] = []
        covered: dict[str, _Covered] = {}
        for rel, (path, key) in sorted(current.items()):
            docs = self._entries(rel, path, key, now)
            entries.extend(self._parse(rel, docs))
            covered[rel] = _Covered(self._entry_cache[rel][0], len(docs), _doc_id(docs[-1]) if docs else None)
        # Re-read the directory listing: recovering a damaged file of ours may have rewritten it.
        undone = {e.ref for e in entries if isinstance(e, _Undo)}
        aliases = _resolve_aliases(e for e in entries if isinstance(e, _Reattach))
        seen: set[str] = set()
        by_card: dict[str, list[ReviewRecord | CardEvent]] = {}
        items = [e for e in entries if isinstance(e, (ReviewRecord, CardEvent)) and e.id not in undone]
        items.sort(key=history_key)
        for item in items:
            if item.id in seen:
                continue
            seen.add(item.id)
            by_card.setdefault(aliases.get(item.card_id, item.card_id), []).append(item)
        progress: dict[str, CardProgress] = {}
        last: dict[str, tuple[datetime, str]] = {}
        for cid, group in by_card.items():
            result = replay_onto(None, cid, group)
            if result is not None:
                progress[cid] = result
                last[cid] = history_key(group[-1])
        self._progress, self._last, self._aliases, self._covered = progress, last, aliases, covered
        self._entry_cache.clear()
        self._dirty = True
        return True

    def _load_side_files(self, now: datetime) -> None:
        annotations: dict[str, tuple[str, str, str]] = {}
        exams: dict[str, dict[str, Any]] = {}
        catalog: dict[str, dict[str, Any]] = {}
        for device_dir in self._device_dirs():
            tables = self._read_tables_recovering(
                device_dir / self.ANNOTATIONS, lambda d: "key" in d and "text" in d and "at" in d,
                "annotations", now, "annotation/annotations")
            for doc in tables.get("annotations", {}).values():
                try:
                    key, text, at = str(doc["key"]), str(doc["text"]), str(doc["at"])
                    dev = str(doc.get("dev", device_dir.name))
                except (KeyError, TypeError):
                    continue
                try:
                    at = datetime.fromisoformat(at).astimezone(timezone.utc).isoformat(timespec="microseconds")
                except ValueError:
                    continue
                if key not in annotations or (at, dev) > annotations[key][:2]:
                    annotations[key] = (at, dev, text)
            tables = self._read_tables_recovering(
                device_dir / self.EXAMS, lambda d: "id" in d and "at" in d and "result" in d, "exams", now,
                "exam result/exam results")
            for doc in tables.get("exams", {}).values():
                if isinstance(doc, dict) and "id" in doc and isinstance(doc.get("result"), dict):
                    exams.setdefault(str(doc["id"]), doc)
            tables = self._read_tables_recovering(
                device_dir / self.CATALOG, lambda d: "card" in d and "front" in d and "seen" in d, "cards", now,
                "card description/card descriptions")
            for doc in tables.get("cards", {}).values():
                if not isinstance(doc, dict) or "card" not in doc:
                    continue
                cid = str(doc["card"])
                if cid not in catalog or str(doc.get("seen", "")) > str(catalog[cid].get("seen", "")):
                    catalog[cid] = doc
        self._annotations, self._exams, self._catalog = annotations, exams, catalog

    # -- reading state ------------------------------------------------------------------------------------------

    def _resolve(self, card_id: str) -> str:
        return self._aliases.get(card_id, card_id)

    def progress(self, card_id: str) -> CardProgress | None:
        """The card's state, or ``None`` when it was never answered, suspended or buried."""
        with self._mutex:
            return self._progress.get(self._resolve(card_id))

    def all_progress(self) -> dict[str, CardProgress]:
        """Every card with any history, by card id (a copy)."""
        with self._mutex:
            return dict(self._progress)

    def preview(self, card_id: str, now: datetime, settings: DeckSettings) -> dict:
        """For each grade, the interval the card would get if answered so now (see ``core.scheduling.preview``)."""
        return _preview(self.progress(card_id), self._resolve(card_id), now, settings,
                        rollover_hour=self.rollover_hour, tz=self.tz)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo) and not self.read_only

    def reviews(self, since: datetime | None = None) -> list[ReviewRecord]:
        """Every device's reviews (from ``since`` on), in time order, each once, with current card ids."""
        with self._mutex:
            since = _utc(since) if since is not None else None
            first_day = (since - timedelta(days=1)).date() if since is not None else None
            entries: list[Any] = []
            for rel, (path, key) in sorted(self._scan(first_day).items()):
                entries.extend(self._parsed(rel, path, key))
            undone = {e.ref for e in entries if isinstance(e, _Undo)}
            seen: set[str] = set()
            out: list[ReviewRecord] = []
            for e in entries:
                if not isinstance(e, ReviewRecord) or e.id in undone or e.id in seen:
                    continue
                if since is not None and e.reviewed_at < since:
                    continue
                seen.add(e.id)
                cid = self._aliases.get(e.card_id, e.card_id)
                out.append(e if cid == e.card_id else replace(e, card_id=cid))
            out.sort(key=lambda r: (r.reviewed_at, r.id))
            return out

    def _parsed(self, rel: str, path: Path, key: _FileKey) -> list[Any]:
        cached = self._parsed_cache.get(rel)
        if cached is not None and cached[0] == key:
            self._parsed_cache.move_to_end(rel)
            return cached[1]
        docs = self._entries(rel, path, key)
        parsed = self._parse(rel, docs)
        self._parsed_cache[rel] = (self._entry_cache[rel][0], parsed)
        while len(self._parsed_cache) > 120:
            self._parsed_cache.popitem(last=False)
        return parsed

    # -- writing ------------------------------------------------------------------------------------------------

    def _require_writable(self) -> None:
        if self._closed:
            raise StoreError("The progress store is closed.")
        if self.read_only:
            reason = self.notices[0] if self.notices else f"{self.data_dir} was opened read-only."
            raise StoreReadOnly(f"Not saved: {reason}")

    def _shard_name(self, at: datetime) -> str:
        return f"{at.astimezone(timezone.utc).date().isoformat()}.json"

    def _own_table(self, name: str):
        db = self._own_dbs.get(name)
        if db is None:
            path = self.own_dir / "log" / name
            db = TinyDB(path, storage=AtomicJSONStorage)
            self._own_dbs[name] = db
        return db.table(LOG_TABLE)

    def _append(self, docs: list[dict[str, Any]], name: str) -> list[int]:
        """Append entries to one of this device's history files, durably. Keeps ``_covered`` exact."""
        table = self._own_table(name)
        try:
            ids = table.insert_multiple(docs)
        except BaseException:
            table.clear_cache()
            self._own_dbs.pop(name).close()
            raise
        self._note_written(name)
        return ids

    def _note_written(self, name: str) -> None:
        path = self.own_dir / "log" / name
        rel = self._rel(path)
        storage: AtomicJSONStorage = self._own_dbs[name].storage  # type: ignore[assignment]
        raw = (storage.read() or {}).get(LOG_TABLE, {})
        last = _doc_id(raw[next(reversed(raw))]) if raw else None
        self._covered[rel] = _Covered(_FileKey.of(path.stat()), len(raw), last)
        self._entry_cache.pop(rel, None)
        self._dirty = True

    def _stamp_for(self, card_id: str, now: datetime) -> datetime:
        """``now``, moved just after the card's last history entry if the clock is behind it (another
        machine's clock, or a clock set back), so history order and live order agree."""
        last = self._last.get(card_id)
        if last is not None and now <= last[0]:
            return last[0] + timedelta(milliseconds=1)
        return now

    def answer(self, card_id: str, rating: int, now: datetime, *, duration: float, settings: DeckSettings) -> Answer:
        """Grade a card (1 Again, 2 Hard, 3 Good, 4 Easy) and save it. On return the review is on disk.

        Raises ``StoreReadOnly`` in read-only mode and ``StoreError`` when the save fails (disk full…); the
        previous state is then unchanged, in memory and on disk.
        """
        with self._mutex:
            self._require_writable()
            rating = int(rating)
            if rating not in (1, 2, 3, 4):
                raise ValueError(f"rating must be 1-4, got {rating}")
            if duration < 0:
                raise ValueError("duration must not be negative")
            cid = self._resolve(card_id)
            at = self._stamp_for(cid, _utc(now))
            before = self._progress.get(cid)
            cap = exam_cap(settings.exam_date, at, rollover_hour=self.rollover_hour, tz=self.tz)
            try:
                after = apply_review(before, cid, rating, at, desired_retention=settings.desired_retention, due_cap=cap)
            except ValueError as exc:
                raise StoreError(f"Cannot schedule card {cid}: {exc}") from exc
            record = ReviewRecord(
                id=new_id(at),
                card_id=cid,
                rating=rating,
                reviewed_at=at,
                duration=float(duration),
                device_id=self.device_id,
                state_before=before.state if before is not None else "new",
                desired_retention=float(settings.desired_retention),
                due_cap=cap,
            )
            name = self._shard_name(at)
            self._append([record.to_dict()], name)
            self._undo.append(_UndoStep(record, before, self._last.get(cid), name))
            self._progress[cid] = after
            self._last[cid] = history_key(record)
            became_leech = after.lapses != (before.lapses if before else 0) and is_leech_lapse(after.lapses)
            return Answer(review=record, before=before, after=after, became_leech=became_leech)

    def undo(self, now: datetime) -> ReviewRecord | None:
        """Undo the latest answer of this session that is not undone yet; ``None`` when there is none.

        The card gets back its previous state (with any suspend/bury done since kept), and the review is removed
        from the history on disk (a marker is kept so that copies of the file elsewhere do not bring it back).
        """
        with self._mutex:
            self._require_writable()
            if not self._undo:
                return None
            step = self._undo[-1]
            record = step.review
            now = _utc(now)
            table = self._own_table(step.shard)
            marker = {"t": "undo", "id": new_id(now), "ref": record.id, "at": now.isoformat()}
            self._append([marker], step.shard)
            try:
                table.remove(Query().id == record.id)
            except StoreError:
                self._own_dbs.pop(step.shard, None)  # the marker alone undoes it; the file is tidied later
            else:
                self._note_written(step.shard)
            self._undo.pop()
            cid = record.card_id
            later = [e for e in self._session_events if e.card_id == cid and history_key(e) > history_key(record)]
            restored = replay_onto(step.before, cid, later)
            if restored is None:
                self._progress.pop(cid, None)
                self._last.pop(cid, None)
            else:
                self._progress[cid] = restored
                keys = [history_key(e) for e in later]
                if step.before_key is not None:
                    keys.append(step.before_key)
                if keys:
                    self._last[cid] = max(keys)
                else:
                    self._last.pop(cid, None)
            self._dirty = True
            return record

    def _event(self, card_id: str, kind: str, now: datetime, until: datetime | None = None) -> CardProgress:
        with self._mutex:
            self._require_writable()
            cid = self._resolve(card_id)
            at = self._stamp_for(cid, _utc(now))
            event = CardEvent(new_id(at), cid, kind, at, self.device_id, None if until is None else _utc(until))
            self._append([event.to_dict()], self._shard_name(at))
            progress = apply_event(self._progress.get(cid), event)
            self._progress[cid] = progress
            self._last[cid] = history_key(event)
            self._session_events.append(event)
            return progress

    def suspend(self, card_id: str, now: datetime) -> CardProgress:
        """Keep the card out of every queue until ``unsuspend``. Saved on return."""
        return self._event(card_id, "suspend", now)

    def unsuspend(self, card_id: str, now: datetime) -> CardProgress:
        return self._event(card_id, "unsuspend", now)

    def bury(self, card_id: str, until: datetime | None, now: datetime | None = None) -> CardProgress:
        """Hide the card from queues until ``until`` (e.g. the next day's start); ``None`` unburies it.
        Saved on return."""
        at = _utc(now) if now is not None else datetime.now(timezone.utc)
        return self._event(card_id, "bury", at, until)

    def make_due(self, card_id: str, now: datetime) -> CardProgress:
        """Bring the card into today's reviews now (a missed mock-exam question); unsuspends and unburies it.
        Saved on return; the next answer schedules it as usual."""
        return self._event(card_id, "due", now)

    # -- flags and bulk changes (see ``flags.py`` and ``bulk.py``) ------------------------------------------------

    def _flag_book(self) -> FlagBook:
        if self._flags is None:
            book = FlagBook()
            book.load(self, datetime.now(timezone.utc))
            self._flags = book
        return self._flags

    def flags(self) -> dict[str, str]:
        """Every flagged card's flag ("red", "orange", …), by card id."""
        with self._mutex:
            return self._flag_book().flags()

    def bulk(self, action: str, card_ids: Sequence[str], now: datetime, *, until: datetime | None = None,
             flag: str = "") -> BulkChange:
        """Suspend, unsuspend, bury (until ``until``), reset to new, send to today ("today") or flag many cards,
        saved in one write and undone as one step by ``undo_bulk``."""
        return apply_bulk(self, action, card_ids, now, until=until, flag=flag)

    def undo_bulk(self, now: datetime) -> BulkChange | None:
        """Undo the latest bulk change of this session; ``None`` when there is none."""
        return undo_bulk(self, now)

    def card_reviews(self, card_id: str) -> list[ReviewRecord]:
        """The card's answers, oldest first, every device's (history that moved to this card included)."""
        cid = self._resolve(card_id)
        return [r for r in self.reviews() if r.card_id == cid]

    # -- annotations --------------------------------------------------------------------------------------------

    def annotation(self, key: str) -> str | None:
        with self._mutex:
            found = self._annotations.get(key)
            return found[2] if found is not None and found[2] else None

    def annotations(self) -> dict[str, str]:
        with self._mutex:
            return {k: v[2] for k, v in sorted(self._annotations.items()) if v[2]}

    def set_annotation(self, key: str, text: str, now: datetime) -> None:
        """Save a personal note on a card or section id; empty text deletes it. Last write wins across devices."""
        with self._mutex:
            self._require_writable()
            if not key:
                raise ValueError("annotation key must not be empty")
            at = _utc(now)
            previous = self._annotations.get(key)
            if previous is not None and datetime.fromisoformat(previous[0]) >= at:
                at = datetime.fromisoformat(previous[0]).astimezone(timezone.utc) + timedelta(milliseconds=1)
            doc = {"key": key, "text": text, "at": at.isoformat(timespec="microseconds"), "dev": self.device_id}
            with TinyDB(self.own_dir / self.ANNOTATIONS, storage=AtomicJSONStorage) as db:
                db.table("annotations").upsert(doc, Query().key == key)
            self._annotations[key] = (doc["at"], self.device_id, text)

    # -- exams --------------------------------------------------------------------------------------------------

    def record_exam(self, result: Mapping[str, Any], now: datetime) -> str:
        """Save a mock-exam result (any JSON-able mapping). Returns its id."""
        with self._mutex:
            self._require_writable()
            at = _utc(now)
            doc = {"id": new_id(at), "at": at.isoformat(), "dev": self.device_id, "result": dict(result)}
            try:
                json.dumps(doc, ensure_ascii=False)
            except (TypeError, ValueError) as exc:
                raise ValueError(f"exam result is not JSON data: {exc}") from exc
            with TinyDB(self.own_dir / self.EXAMS, storage=AtomicJSONStorage) as db:
                db.table("exams").insert(doc)
            self._exams[doc["id"]] = doc
            return doc["id"]

    def exams(self) -> list[dict[str, Any]]:
        """Every device's exam results, oldest first: the saved mapping plus ``id``, ``at`` and ``device``."""
        with self._mutex:
            docs = sorted(self._exams.values(), key=lambda d: (str(d["at"]), str(d["id"])))
            return [{**d["result"], "id": d["id"], "at": d["at"], "device": d.get("dev")} for d in docs]

    # -- cards that move ----------------------------------------------------------------------------------------

    def reconcile(self, cards: Sequence[Card], now: datetime) -> Reconciliation:
        """Match history to the current cards.

        History of a card id that no longer exists moves to a new card (one with no history yet) of the same
        section whose front is nearly the same (a typo fixed, a word added). Other such history stays as an
        orphan: kept, listed by ``orphans()``, and re-attached if the card comes back. Re-attachments are saved
        in the history; the catalog of card fronts is updated. In read-only mode nothing is saved.
        """
        with self._mutex:
            now = _utc(now)
            current = {c.id: c for c in cards}
            vanished = [cid for cid in self._progress if cid not in current]
            old_side: list[tuple[str, str, str, tuple[str, str, str] | None]] = []
            note_keys = {c.note_key for c in cards}
            for cid in vanished:
                info = self._catalog.get(cid)
                if info and info.get("section") and info.get("front") is not None:
                    note_key, title, kind = info.get("note_key"), info.get("note"), info.get("kind")
                    old_side.append((cid, str(info["section"]), str(info["front"]),
                                     _place(note_key, title, kind, note_keys)))
                elif cid in self._seen_cards:  # reviewed since the catalog was last written
                    seen = self._seen_cards[cid]
                    old_side.append((cid, seen.section_id, seen.front,
                                     _place(seen.note_key, seen.note_title, seen.kind, note_keys)))
            matches = self._match(old_side, cards) if old_side else []
            saved = not self.read_only
            reattached: list[Reattachment] = []
            if matches:
                docs = [
                    {"t": "reattach", "id": new_id(now), "card": new, "from": old, "at": now.isoformat(),
                     "score": round(score, 4)}
                    for old, new, score in matches
                ]
                if saved:
                    self._append(docs, self._shard_name(now))
                for old, new, score in matches:
                    self._progress[new] = replace(self._progress.pop(old), card_id=new)
                    if old in self._last:
                        self._last[new] = self._last.pop(old)
                    for k, v in list(self._aliases.items()):
                        if v == old:
                            self._aliases[k] = new
                    self._aliases.pop(new, None)
                    self._aliases[old] = new
                    reattached.append(Reattachment(old, new, score))
                    if saved and self.annotation(old) and not self.annotation(new):
                        self.set_annotation(new, self.annotation(old) or "", now)
                        self.set_annotation(old, "", now)
                self._dirty = True
            if saved:
                self._update_catalog(cards, now)
            self._present = set(current)
            self._seen_cards = current
            return Reconciliation(tuple(reattached), tuple(self._orphans(set(current))), saved)

    def _match(
        self, old_side: list[tuple[str, str, str, tuple[str, str, str] | None]], cards: Sequence[Card]
    ) -> list[tuple[str, str, float]]:
        """Pairs (old id, new id, score) of history that vanished and a card without history: first within the
        same section; then, for history whose whole section is gone (a heading renamed or moved), within the same
        note and kind, with nearly the same front."""
        unstudied = [c for c in cards if c.id not in self._progress]
        sections = {section for _, section, _, _ in old_side}
        matches = match_moved([(cid, section, front) for cid, section, front, _ in old_side],
                              [(c.id, c.section_id, c.front) for c in unstudied if c.section_id in sections])
        present = {c.section_id for c in cards}
        taken_old = {old for old, _, _ in matches}
        displaced = [(cid, place, front) for cid, section, front, place in old_side
                     if place is not None and section not in present and cid not in taken_old]
        if not displaced:
            return matches
        places = {place for _, place, _ in displaced}
        taken_new = {new for _, new, _ in matches}
        # A note found by its title must be new to the progress: a renamed file comes back as a note none of whose
        # cards has history. (Two notes may share a title, and the other one may simply not be loaded now.)
        studied_notes = {c.note_key for c in cards if c.id in self._progress}
        candidates = []
        for c in unstudied:
            if c.id in taken_new:
                continue
            if ("key", c.note_key, c.kind) in places:
                candidates.append((c.id, ("key", c.note_key, c.kind), c.front))
            if ("title", c.note_title, c.kind) in places and c.note_key not in studied_notes:
                candidates.append((c.id, ("title", c.note_title, c.kind), c.front))
        return matches + match_displaced(displaced, candidates)

    def _update_catalog(self, cards: Sequence[Card], now: datetime) -> None:
        """Record the front and section of every card that has history, so that it can be re-attached if its
        id changes. Cards never studied have nothing to re-attach and are left out: with thousands of notes
        the catalog stays small and start-up fast."""
        path = self.own_dir / self.CATALOG
        try:
            own = read_tables(path) or {}
        except CorruptFileError:
            own = {}
        docs = {str(d.get("card")): d for d in own.get("cards", {}).values() if isinstance(d, dict)}
        changed = False
        for card in cards:
            if card.id not in self._progress and card.id not in self._annotations:
                continue
            entry = {
                "card": card.id,
                "front": card.front,
                "section": card.section_id,
                "note": card.note_title,
                "note_key": card.note_key,
                "path": str(card.path),
                "line": card.line,
                "kind": card.kind,
            }
            known = docs.get(card.id)
            if known is None or any(known.get(k) != v for k, v in entry.items()):
                entry["seen"] = now.isoformat()
                docs[card.id] = entry
                self._catalog[card.id] = entry
                changed = True
        if changed:
            write_tables(path, {"cards": {str(i): d for i, d in enumerate(docs.values(), 1)}})

    def _orphans(self, present: set[str]) -> list[Orphan]:
        out = []
        for cid, progress in sorted(self._progress.items()):
            if cid in present:
                continue
            info = self._catalog.get(cid, {})
            out.append(Orphan(cid, progress, info.get("front"), info.get("section"), info.get("note"),
                              info.get("path"), info.get("line")))
        return out

    def orphans(self, cards: Sequence[Card] | None = None) -> list[Orphan]:
        """History whose card is not among ``cards`` (default: the cards of the last ``reconcile``)."""
        with self._mutex:
            if cards is not None:
                return self._orphans({c.id for c in cards})
            if self._present is not None:
                return self._orphans(self._present)
            return self._orphans(set())

    # -- merging another copy -----------------------------------------------------------------------------------

    def merge_from(self, other_dir: Path | str, now: datetime | None = None) -> MergeReport:
        """Fold another copy of a data directory into this one: the union of every device's history, annotations
        and exam results, each entry once. Nothing is removed from either side; ``other_dir`` is only read."""
        with self._mutex:
            self._require_writable()
            now = _utc(now) if now is not None else datetime.now(timezone.utc)
            other = Path(other_dir).expanduser()
            if not other.is_dir():
                raise StoreError(f"{other} is not a directory.")
            if other.resolve() == self.data_dir.resolve():
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
                target_dir = self.data_dir / "devices" / device_dir.name
                log_dir = device_dir / "log"
                if log_dir.is_dir():
                    for src in sorted(log_dir.glob("*.json")):
                        if src.name.startswith("."):
                            continue
                        self._merge_file(src, target_dir / "log" / src.name, LOG_TABLE, _is_entry,
                                         lambda d: str(d.get("id")), report, now)
                self._merge_file(device_dir / self.ANNOTATIONS, target_dir / self.ANNOTATIONS, "annotations",
                                 lambda d: "key" in d and "text" in d and "at" in d,
                                 lambda d: f"{d.get('key')}\x00{d.get('at')}", report, now)
                self._merge_file(device_dir / self.EXAMS, target_dir / self.EXAMS, "exams",
                                 lambda d: "id" in d and "result" in d, lambda d: str(d.get("id")), report, now)
                self._merge_file(device_dir / self.CATALOG, target_dir / self.CATALOG, "cards",
                                 lambda d: "card" in d and "front" in d and "seen" in d,
                                 lambda d: f"{d.get('card')}\x00{d.get('seen')}", report, now)
            for db in self._own_dbs.values():
                db.close()
            self._own_dbs.clear()
            self._entry_cache.clear()
            self._catch_up(now)
            self._load_side_files(now)
            self._dirty = True
            self.checkpoint()
            return report

    def _merge_file(
        self, src: Path, dst: Path, table: str, accept, identity, report: MergeReport, now: datetime
    ) -> None:
        if not src.is_file():
            return
        try:
            theirs = read_tables(src) or {}
        except CorruptFileError as exc:
            theirs, found = salvage_tables(src, table, accept)
            report.notices.append(
                f"{src} could not be read ({exc.detail}); {_count(found, 'entry/entries')} recovered from it."
            )
        their_docs = [d for d in theirs.get(table, {}).values() if isinstance(d, dict)]
        if not their_docs:
            return
        ours_tables = self._read_tables_recovering(dst, accept, table, now, "entry/entries") if dst.exists() else {}
        our_docs = [d for d in ours_tables.get(table, {}).values() if isinstance(d, dict)]
        known = {identity(d) for d in our_docs}
        added = []
        for doc in their_docs:
            ident = identity(doc)
            if ident not in known:
                known.add(ident)
                added.append(doc)
        if not added:
            return
        if table == LOG_TABLE:
            added.sort(key=lambda d: (str(d.get("at", "")), str(d.get("id", ""))))
            report.reviews_added += sum(1 for d in added if d.get("t") == "review")
            report.events_added += sum(1 for d in added if d.get("t") != "review")
        elif table == "annotations":
            report.annotations_added += len(added)
        elif table == "exams":
            report.exams_added += len(added)
        merged = our_docs + added
        write_tables(dst, {table: {str(i): d for i, d in enumerate(merged, 1)}})
        report.files_written += 1


def _place(note_key: Any, title: Any, kind: Any, note_keys: set[str]) -> tuple[str, str, str] | None:
    """Where a card whose section vanished may be looked for: its note (by key; by title when no loaded note has
    that key any more, as after renaming the file), among cards of its kind."""
    if not kind:
        return None
    if note_key and str(note_key) in note_keys:
        return ("key", str(note_key), str(kind))
    if title:
        return ("title", str(title), str(kind))
    return None


def _doc_id(doc: Any) -> str | None:
    return str(doc.get("id")) if isinstance(doc, dict) and doc.get("id") is not None else None


def _day_of(name: str) -> date | None:
    try:
        return date.fromisoformat(name[:10])
    except ValueError:
        return None
