"""The review history: entries of the day files under ``devices/<id>/log/``, and how they are read and combined.

A history file holds entries of four kinds: answers (``ReviewRecord``), card events (``CardEvent``), undo markers
and re-attachments of a card's history to a new card id. Every device's files are read; entries are united by id,
undone answers are dropped and the rest are replayed in time order (``live_items``).
"""

from __future__ import annotations

import os
import secrets
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, TypeVar

from devday_tui.core.scheduling import CardEvent, CardProgress, ReviewRecord, history_key, replay_onto
from devday_tui.store import validate
from devday_tui.store.files import FileKey, describe
from devday_tui.store.recovery import Reader, count

LOG_TABLE = "log"
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

Item = ReviewRecord | CardEvent

_V = TypeVar("_V")


def new_id(at: datetime) -> str:
    """A globally unique, time-ordered id: 12 hex digits of epoch milliseconds and 20 random hex digits."""
    millis = max(0, int((at - EPOCH) / timedelta(milliseconds=1)))
    return f"{millis:012x}{secrets.token_hex(10)}"


def shard_name(at: datetime) -> str:
    """The name of the history file that holds entries made at ``at`` (one file per UTC day)."""
    return f"{at.astimezone(timezone.utc).date().isoformat()}.json"


# ---------------------------------------------------------------------------------------------------------------
# Entries


@dataclass(frozen=True, slots=True)
class Undo:
    id: str
    ref: str


@dataclass(frozen=True, slots=True)
class Reattach:
    id: str
    old: str
    new: str
    at: datetime


Entry = ReviewRecord | CardEvent | Undo | Reattach


def parse_entry(doc: Any) -> Entry:
    """The entry a history document holds. Raises ``ValueError`` (``BadValue``) when a value is not usable."""
    validate.history_entry(doc)
    kind = doc.get("t")
    if kind == "review":
        return ReviewRecord.from_dict(doc)
    if kind == "undo":
        return Undo(str(doc["id"]), str(doc["ref"]))
    if kind == "reattach":
        at = datetime.fromisoformat(str(doc["at"])).astimezone(timezone.utc)
        return Reattach(str(doc["id"]), str(doc["from"]), str(doc["card"]), at)
    return CardEvent.from_dict(doc)


def _time_of(entry: ReviewRecord | CardEvent | Reattach) -> datetime:
    return entry.reviewed_at if isinstance(entry, ReviewRecord) else entry.at


def is_entry(doc: dict[str, Any]) -> bool:
    """Whether a JSON object found in a damaged file looks like a history entry."""
    return "t" in doc and "id" in doc and ("card" in doc or "ref" in doc)


def doc_id(doc: Any) -> str | None:
    return str(doc.get("id")) if isinstance(doc, dict) and doc.get("id") is not None else None


def live_items(entries: Iterable[Entry]) -> list[Item]:
    """The answers and card events that count: not undone, each id once, in history order.

    This is the one rule by which history is combined, used for replaying card states and for listing reviews.
    """
    entries = list(entries)
    undone = {e.ref for e in entries if isinstance(e, Undo)}
    items = [e for e in entries if isinstance(e, (ReviewRecord, CardEvent)) and e.id not in undone]
    items.sort(key=history_key)
    seen: set[str] = set()
    out: list[Item] = []
    for item in items:
        if item.id not in seen:
            seen.add(item.id)
            out.append(item)
    return out


def group_by_card(items: Iterable[Item], resolve: Callable[[str], str]) -> dict[str, list[Item]]:
    """Items by their card's current id, keeping their order."""
    by_card: dict[str, list[Item]] = {}
    for item in items:
        by_card.setdefault(resolve(item.card_id), []).append(item)
    return by_card


def resolve_aliases(reattaches: Iterable[Reattach]) -> dict[str, str]:
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
# Files


@dataclass(slots=True)
class Covered:
    """How much of a history file the in-memory state includes."""

    key: FileKey
    count: int
    last: str | None

    def to_json(self) -> list[Any]:
        return [self.key.size, self.key.mtime_ns, self.key.ino, self.count, self.last]

    @classmethod
    def from_json(cls, data: list[Any]) -> "Covered":
        size, mtime_ns, ino, count, last = data
        return cls(FileKey(int(size), int(mtime_ns), int(ino)), int(count), None if last is None else str(last))


def day_of(name: str) -> date | None:
    try:
        return date.fromisoformat(name[:10])
    except ValueError:
        return None


class HistoryFiles:
    """Every device's history files: listing them, and reading their entries (cached while a file is unchanged)."""

    def __init__(self, data_dir: Path, reader: Reader) -> None:
        self.data_dir = data_dir
        self.reader = reader
        #: Entries after this time come from a clock that is ahead; files dated after its day are left out.
        self.horizon: datetime | None = None
        self._entries: OrderedDict[str, tuple[FileKey, list[Any]]] = OrderedDict()
        self._parsed: OrderedDict[str, tuple[FileKey, list[Entry]]] = OrderedDict()
        self._ahead: set[str] = set()  # files holding entries dated after the horizon

    def device_dirs(self) -> list[Path]:
        root = self.data_dir / "devices"
        if not root.is_dir():
            return []
        return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))

    def scan(self, first_day: date | None = None) -> dict[str, tuple[Path, FileKey]]:
        """Every history file (from ``first_day`` on, judged by its name), with its size/mtime/inode.

        Files named after a day after ``horizon`` (written by a machine whose clock is ahead) are left out and
        reported: they count from that day on. A folder where a file should be is reported, and this device's
        is moved aside so that new answers can be saved.
        """
        found: dict[str, tuple[Path, FileKey]] = {}
        first = first_day.isoformat() if first_day is not None else None
        last = self.horizon.date().isoformat() if self.horizon is not None else None
        for device_dir in self.device_dirs():
            log_dir = device_dir / "log"
            prefix = f"devices/{device_dir.name}/log/"
            try:
                entries = list(os.scandir(log_dir))
            except (FileNotFoundError, NotADirectoryError):
                continue
            except OSError as exc:
                self.reader.notice_once(
                    prefix,
                    f"{prefix} cannot be read ({describe(exc)}). It was left as it is "
                    f"and will be read again at the next start.",
                )
                continue
            for entry in entries:
                name = entry.name
                if name.startswith(".") or not name.endswith(".json"):
                    continue
                dated = day_of(name) is not None
                if first is not None and name[:10] < first and dated:
                    continue
                if last is not None and name[:10] > last and dated:
                    self.reader.notice_once(
                        prefix + name,
                        f"{prefix + name} holds answers dated {name[:10]}, ahead of this machine's "
                        f"clock (another machine's clock is wrong?). They are kept, and counted from that day on.",
                    )
                    continue
                try:
                    if entry.is_dir():
                        self._folder(log_dir / name)
                        continue
                    if not entry.is_file():
                        continue
                    key = FileKey.of(entry.stat())
                except FileNotFoundError:
                    continue
                found[prefix + name] = (log_dir / name, key)
        return found

    def _folder(self, path: Path) -> None:
        """A folder named like a history file: this device's is moved aside (with what it holds), so that the
        day's answers can be saved; another device's is left as it is."""
        rel = self.reader.rel(path)
        if self.reader.is_own(path) and not self.reader.read_only:
            kept = self.reader.keep_aside(path, datetime.now(timezone.utc))
            if kept is not None:
                self.reader.notices.append(
                    f"{rel} was a folder, not a file. It was moved aside as {kept.name} (with "
                    f"what it holds), and a new {path.name} is written."
                )
                return
        self.reader.notice_once(
            rel,
            f"{rel} is a folder, not a file: it was left as it is, and the reviews "
            f"of that day from this device cannot be read.",
        )

    def forget(self, rel: str | None = None) -> None:
        """Drop cached entries of one file (all files with ``None``)."""
        if rel is None:
            self._entries.clear()
        else:
            self._entries.pop(rel, None)

    def entries(self, rel: str, path: Path, key: FileKey, now: datetime | None = None) -> list[Any]:
        """The raw entries of a history file, in file order (cached while the file does not change). A file that
        cannot be read now gives none (see ``readable``)."""
        cached = self._entries.get(rel)
        if cached is not None and cached[0] == key:
            self._entries.move_to_end(rel)
            return cached[1]
        now = now or datetime.now(timezone.utc)
        tables = self.reader.read(path, is_entry, LOG_TABLE, now, "entry/entries")
        docs = list(tables.get(LOG_TABLE, {}).values()) if isinstance(tables.get(LOG_TABLE), dict) else []
        try:
            key = FileKey.of(path.stat())
        except FileNotFoundError:
            pass
        _remember(self._entries, rel, (key, docs), ENTRIES_CACHED)
        return docs

    def covered(self, rel: str, path: Path, docs: list[Any]) -> Covered | None:
        """What reading ``docs`` (just returned by ``entries``) covers of the file; ``None`` when the file could not
        be read, so that it is read again next time."""
        if path in self.reader.unreadable or rel in self._ahead:
            return None
        return Covered(self._entries[rel][0], len(docs), doc_id(docs[-1]) if docs else None)

    def parse(self, rel: str, docs: Iterable[Any], *, whole: bool = True) -> list[Entry]:
        """The entries of ``docs`` (the whole file, or with ``whole=False`` some of its documents); unusable ones
        and those dated after ``horizon`` are left out and reported."""
        out: list[Entry] = []
        bad = ahead = 0
        for doc in docs:
            try:
                entry = parse_entry(doc)
            except (KeyError, TypeError, ValueError, OverflowError):
                bad += 1
                continue
            if self.horizon is not None and not isinstance(entry, Undo) and _time_of(entry) > self.horizon:
                ahead += 1
                continue
            out.append(entry)
        if bad:
            self.reader.notice_once(
                f"{rel}\x00bad",
                f"{rel}: {count(bad, 'entry/entries')} could not be read and "
                f"{'was' if bad == 1 else 'were'} skipped (the file is otherwise fine and was left as it is).",
            )
        if ahead:
            self._ahead.add(rel)
            self.reader.notice_once(
                f"{rel}\x00ahead",
                f"{rel}: {count(ahead, 'entry is/entries are')} dated more than a day ahead of this machine's clock "
                f"(another machine's clock is wrong?). {'It is' if ahead == 1 else 'They are'} kept, and counted "
                f"from that time on.",
            )
        elif whole:
            self._ahead.discard(rel)
        return out

    def parsed(self, rel: str, path: Path, key: FileKey) -> list[Entry]:
        """The parsed entries of a history file (cached while the file does not change)."""
        cached = self._parsed.get(rel)
        if cached is not None and cached[0] == key:
            self._parsed.move_to_end(rel)
            return cached[1]
        docs = self.entries(rel, path, key)
        _remember(self._parsed, rel, (self._entries[rel][0], self.parse(rel, docs)), PARSED_CACHED)
        return self._parsed[rel][1]

    def written(
        self,
        rel: str,
        before: FileKey | None,
        after: FileKey | None,
        docs: list[Any],
        *,
        added: int = 0,
        removed: Collection[str] = (),
    ) -> None:
        """Bring the cached entries of a file this process has just written in step with it, so that it need not
        be read back: ``docs`` is the file's whole content now, ``before`` the file the write replaced (``None``
        when there was none). The write added the last ``added`` documents and removed those whose id is in
        ``removed``.

        The entries already parsed are kept only when the cache holds exactly the file that was replaced (same
        key, and the counts agree); otherwise the cache is dropped, and the file is read when next asked for.
        """
        base = self._cached_as(rel, before)
        gone = sum(doc_id(doc) in removed for doc in base[0]) if base is not None and removed else 0
        if base is None or after is None or len(base[0]) - gone + added != len(docs):
            self._entries.pop(rel, None)
            self._parsed.pop(rel, None)
            return
        kept = [e for e in base[1] if e.id not in removed] if removed else base[1]
        fresh = self.parse(rel, docs[len(docs) - added :], whole=before is None) if added else []
        _remember(self._entries, rel, (after, docs), ENTRIES_CACHED)
        _remember(self._parsed, rel, (after, kept + fresh), PARSED_CACHED)

    def _cached_as(self, rel: str, key: FileKey | None) -> tuple[list[Any], list[Entry]] | None:
        """The cached raw and parsed entries of a file when they are those of its version ``key`` (``None``: no
        file, so no entries); ``None`` when the cache does not hold that version."""
        if key is None:
            return [], []
        docs, parsed = self._entries.get(rel), self._parsed.get(rel)
        if docs is None or parsed is None or not docs[0] == parsed[0] == key:
            return None
        return docs[1], parsed[1]


#: How many history files keep their raw and their parsed entries in memory (the most recently used).
ENTRIES_CACHED = 96
PARSED_CACHED = 120


def _remember(cache: OrderedDict[str, _V], rel: str, value: _V, limit: int) -> None:
    cache[rel] = value
    cache.move_to_end(rel)
    while len(cache) > limit:
        cache.popitem(last=False)


# ---------------------------------------------------------------------------------------------------------------
# Card states from the history


@dataclass(slots=True)
class CardStates:
    """Every card's state, as replayed from the history, and how much of each history file that includes."""

    progress: dict[str, CardProgress] = field(default_factory=dict)
    last: dict[str, tuple[datetime, str]] = field(default_factory=dict)  # card id -> key of its last entry
    aliases: dict[str, str] = field(default_factory=dict)  # old card id -> current one
    covered: dict[str, Covered] = field(default_factory=dict)  # history file -> how much of it is applied

    def move(self, old: str, new: str) -> None:
        """Re-attach the history of card ``old`` to card ``new`` (which has none)."""
        self.progress[new] = replace(self.progress.pop(old), card_id=new)
        if old in self.last:
            self.last[new] = self.last.pop(old)
        for k, v in list(self.aliases.items()):
            if v == old:
                self.aliases[k] = new
        self.aliases.pop(new, None)
        self.aliases[old] = new


class NeedsRebuild(Exception):
    """New history cannot simply be applied on top of the current states (it is not a pure append)."""


def rebuild(files: HistoryFiles, now: datetime) -> CardStates:
    """Every card state, replayed from the whole history of every device."""
    entries: list[Entry] = []
    covered: dict[str, Covered] = {}
    for rel, (path, key) in sorted(files.scan().items()):
        docs = files.entries(rel, path, key, now)
        entries.extend(files.parse(rel, docs))
        cov = files.covered(rel, path, docs)
        if cov is not None:
            covered[rel] = cov
    aliases = resolve_aliases(e for e in entries if isinstance(e, Reattach))
    states = CardStates(aliases=aliases, covered=covered)
    for cid, group in group_by_card(live_items(entries), lambda c: aliases.get(c, c)).items():
        result = _replay(files.reader, None, cid, group)
        if result is not None:
            states.progress[cid] = result
            states.last[cid] = history_key(group[-1])
    files.forget()
    return states


def apply_new(files: HistoryFiles, states: CardStates, now: datetime) -> bool:
    """Apply, in place, history written since ``states.covered``. True when any card changed.

    Raises ``NeedsRebuild`` when that cannot be done safely: a file replaced or shortened (an undo), a
    re-attachment, or an entry older than what a card already has applied.
    """
    current = files.scan()
    if any(rel not in current for rel in states.covered):
        raise NeedsRebuild
    fresh: list[Entry] = []
    covered = dict(states.covered)
    for rel, (path, key) in current.items():
        cov = states.covered.get(rel)
        if cov is not None and cov.key == key:
            continue
        docs = files.entries(rel, path, key, now)
        start = 0
        if cov is not None:
            if len(docs) < cov.count or (cov.count and doc_id(docs[cov.count - 1]) != cov.last):
                raise NeedsRebuild  # not a pure append (an undo after the last snapshot, a replaced file)
            start = cov.count
        fresh.extend(files.parse(rel, docs[start:]))
        cov = files.covered(rel, path, docs)
        if cov is not None:
            covered[rel] = cov
    if not fresh:
        states.covered = covered
        return False
    if any(isinstance(e, Reattach) for e in fresh):
        raise NeedsRebuild
    undone = {e.ref for e in fresh if isinstance(e, Undo)}
    if undone - {e.id for e in fresh if isinstance(e, ReviewRecord)}:
        raise NeedsRebuild  # an undo of a review that is already applied
    by_card = group_by_card(live_items(fresh), lambda c: states.aliases.get(c, c))
    for cid, group in by_card.items():
        last = states.last.get(cid)
        if last is not None and history_key(group[0]) <= last:
            raise NeedsRebuild  # older than what is applied: needs the card's whole history in order
    for cid, group in by_card.items():
        result = _replay(files.reader, states.progress.get(cid), cid, group)
        if result is not None:
            states.progress[cid] = result
        states.last[cid] = history_key(group[-1])
    states.covered = covered
    return True


def _replay(reader: Reader, progress: CardProgress | None, card_id: str, items: list[Item]) -> CardProgress | None:
    """``replay_onto``; an entry that the scheduler cannot apply (values it cannot compute with) is skipped
    and reported instead of stopping the whole history from loading."""
    try:
        return replay_onto(progress, card_id, items)
    except (ValueError, OverflowError, ArithmeticError):
        pass
    skipped = 0
    for item in items:
        try:
            progress = replay_onto(progress, card_id, [item])
        except (ValueError, OverflowError, ArithmeticError):
            skipped += 1
    reader.notice_once(
        f"replay\x00{card_id}",
        f"Card {card_id}: {count(skipped, 'answer/answers')} in the history "
        f"could not be applied and {'was' if skipped == 1 else 'were'} "
        f"skipped (the files were left as they are).",
    )
    return progress
