"""``Store``: the one façade through which the app reads and writes progress (layout: ``store/__init__.py``)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any, Collection, Mapping, Sequence

from devday_tui.core.model import Card, DeckSettings
from devday_tui.core.scheduling import (
    CardEvent,
    CardProgress,
    Rating,
    ReviewRecord,
    apply_event,
    apply_review,
    exam_cap,
    history_key,
    is_leech_lapse,
    replay_onto,
)
from devday_tui.core.scheduling import (
    preview as _preview,
)
from devday_tui.progress_store import Answer, BulkChange, Orphan, ProgressStore, Reattachment, Reconciliation
from devday_tui.store.bulk import apply_bulk, undo_bulk
from devday_tui.store.errors import StoreError, StoreReadOnly
from devday_tui.store.files import remove_stale_temporaries
from devday_tui.store.flags import FlagBook
from devday_tui.store.history import (
    CardStates,
    Entry,
    HistoryFiles,
    NeedsRebuild,
    apply_new,
    live_items,
    new_id,
    rebuild,
    shard_name,
)
from devday_tui.store.lock import WriterLock, take_writer_lock
from devday_tui.store.merge import MergeReport, finish_salvage, merge_directory
from devday_tui.store.own_log import OwnLog
from devday_tui.store.paths import check_device_id, data_dir_for, machine_device_id
from devday_tui.store.reconcile import CATALOG, Catalog, find_orphans, find_reattachments
from devday_tui.store.recovery import Reader
from devday_tui.store.side_files import ANNOTATIONS, EXAMS, SideFiles
from devday_tui.store.snapshot import load_snapshot, write_snapshot

__all__ = ["Answer", "MergeReport", "Orphan", "Reattachment", "Reconciliation", "Store", "new_id"]


#: History dated further ahead of this machine's clock comes from a clock that is wrong: it is not used as "now".
AHEAD = timedelta(days=1)


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"datetime must be timezone-aware: {value!r}")
    return value.astimezone(timezone.utc)


@dataclass(slots=True)
class _UndoStep:
    review: ReviewRecord
    before: CardProgress | None
    before_key: tuple[datetime, str] | None
    shard: str


class Store:
    """Progress of one user in one data directory. Open it with ``Store.open``; close it (or use ``with``)."""

    SNAPSHOT = "snapshot.json"
    ANNOTATIONS = ANNOTATIONS
    EXAMS = EXAMS
    CATALOG = CATALOG
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
        self._states = CardStates()
        self._dirty = False
        self._undo: list[_UndoStep] = []
        self._session_events: list[CardEvent] = []
        self._reader = Reader(data_dir, self.own_dir, read_only=read_only, notices=notices)
        self._history = HistoryFiles(data_dir, self._reader)
        self._log = OwnLog(self.own_dir, self._reader, self._history)
        self._side = SideFiles(self.own_dir, device_id, self._reader)
        self._catalog = Catalog(self.own_dir, self._reader)
        self._seen_cards: dict[str, Card] = {}  # the cards of the last reconcile, by id
        self._present: set[str] | None = None
        self._read_only_reason: str | None = None  # why a writable store turned read-only
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
            lock = take_writer_lock(directory, directory / "devices" / device / cls.LOCK, exclusive, notices)
            read_only = lock is None
        store = cls(
            directory, device, read_only=read_only, lock=lock, notices=notices, rollover_hour=rollover_hour, tz=tz
        )
        try:
            store._load(now)
        except BaseException as exc:
            store._release()
            if isinstance(exc, StoreError):
                kept = "" if "unchanged" in str(exc) else " No file was changed."
                exc.args = (f"Your progress could not be read: {exc}{kept}",)
                raise
            if isinstance(exc, Exception):
                raise StoreError(store._reader.cannot_open(exc)) from exc
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
        self._log.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @property
    def own_dir(self) -> Path:
        return self.data_dir / "devices" / self.device_id

    # -- loading ------------------------------------------------------------------------------------------------

    def _load(self, now: datetime) -> None:
        self._history.horizon = now + AHEAD
        if not self.read_only:
            remove_stale_temporaries(self.own_dir)
            finish_salvage(self.own_dir, self._reader, now)
        loaded = self._load_snapshot(now)
        changed = self._catch_up(now) if loaded else self._rebuild(now)
        self._load_side_files(now)
        if not self.read_only and (changed or not loaded):
            try:
                self.checkpoint()
            except StoreError as exc:
                self.notices.append(str(exc))

    def _load_snapshot(self, now: datetime) -> bool:
        states = load_snapshot(self.own_dir / self.SNAPSHOT, self._reader, now)
        if states is None:
            return False
        self._states = states
        return True

    def _load_side_files(self, now: datetime) -> None:
        device_dirs = self._history.device_dirs()
        self._side.load(device_dirs, now)
        self._catalog.load(device_dirs, now)

    def checkpoint(self) -> None:
        """Write the snapshot of card states now (it is also written on ``close``)."""
        with self._mutex:
            if not self.read_only:
                self._keep_lock()
            if self.read_only:
                return
            write_snapshot(self.own_dir / self.SNAPSHOT, self.device_id, self._states)
            self._dirty = False
            studied = [
                c
                for cid, c in self._seen_cards.items()
                if cid in self._states.progress and cid not in self._catalog.cards
            ]
            if studied:  # cards first studied since the last reconcile
                self._catalog.update(studied, lambda cid: True, datetime.now(timezone.utc))

    def refresh(self, now: datetime | None = None) -> bool:
        """Pick up history written by other devices (a sync) since opening. True when anything changed."""
        with self._mutex:
            now = _utc(now) if now is not None else datetime.now(timezone.utc)
            self._history.horizon = now + AHEAD
            changed = self._catch_up(now)
            self._load_side_files(now)
            self._flags = None
            if changed:
                self._dirty = True
            return changed

    def _catch_up(self, now: datetime) -> bool:
        """Apply history written since the snapshot. Falls back to a full rebuild when it cannot be sure."""
        try:
            changed = apply_new(self._history, self._states, now)
        except NeedsRebuild:
            return self._rebuild(now)
        self._dirty = self._dirty or changed
        return changed

    def _rebuild(self, now: datetime) -> bool:
        """Rebuild every card state from the whole history of every device."""
        self._states = rebuild(self._history, now)
        self._dirty = True
        return True

    # -- reading state ------------------------------------------------------------------------------------------

    def _resolve(self, card_id: str) -> str:
        return self._states.aliases.get(card_id, card_id)

    def progress(self, card_id: str) -> CardProgress | None:
        """The card's state, or ``None`` when it was never answered, suspended or buried."""
        with self._mutex:
            return self._states.progress.get(self._resolve(card_id))

    def all_progress(self) -> dict[str, CardProgress]:
        """Every card with any history, by card id (a copy)."""
        with self._mutex:
            return dict(self._states.progress)

    def preview(self, card_id: str, now: datetime, settings: DeckSettings) -> dict[Rating, timedelta]:
        """For each grade, the interval the card would get if answered so now (see ``core.scheduling.preview``)."""
        return _preview(
            self.progress(card_id), self._resolve(card_id), now, settings, rollover_hour=self.rollover_hour, tz=self.tz
        )

    @property
    def can_undo(self) -> bool:
        return bool(self._undo) and not self.read_only

    def reviews(self, since: datetime | None = None) -> list[ReviewRecord]:
        """Every device's reviews (from ``since`` on), in time order, each once, with current card ids."""
        with self._mutex:
            since = _utc(since) if since is not None else None
            first_day = (since - timedelta(days=1)).date() if since is not None else None
            entries: list[Entry] = []
            for rel, (path, key) in sorted(self._history.scan(first_day).items()):
                entries.extend(self._history.parsed(rel, path, key))
            out: list[ReviewRecord] = []
            for e in live_items(entries):
                if not isinstance(e, ReviewRecord) or (since is not None and e.reviewed_at < since):
                    continue
                cid = self._resolve(e.card_id)
                out.append(e if cid == e.card_id else replace(e, card_id=cid))
            return out

    # -- writing ------------------------------------------------------------------------------------------------

    def _require_writable(self) -> None:
        if self._closed:
            raise StoreError("The progress store is closed.")
        if not self.read_only:
            self._keep_lock()
        if self.read_only:
            reason = self._read_only_reason or (
                self.notices[0] if self.notices else f"{self.data_dir} was opened read-only."
            )
            raise StoreReadOnly(f"Not saved: {reason}")

    def _keep_lock(self) -> None:
        """Before each save: if the lock file was deleted or replaced, take the lock again, or turn read-only
        when another process took it meanwhile (two writers would lose each other's answers)."""
        if self._lock is None or self._lock.reacquire():
            return
        who = self._lock.describe_holder()
        self._lock = None
        self.read_only = self._reader.read_only = True
        self._read_only_reason = (
            f"The lock file {self._reader.rel(self.own_dir / self.LOCK)} was removed while this window was open, "
            f"and another devday-tui ({who}) now writes to {self.data_dir}. This window is now read-only: "
            f"nothing more is saved here; your answers until now are saved. Continue in the other window."
        )
        self.notices.append(self._read_only_reason)

    def _append(self, docs: list[dict[str, Any]], name: str) -> list[int]:
        """Append entries to one of this device's history files, durably (see ``own_log.py``)."""
        ids = self._log.append(docs, name, self._states.covered)
        self._dirty = True
        return ids

    def _withdraw(self, name: str, markers: list[dict[str, Any]], refs: Collection[str]) -> None:
        """Undo entries of one of this device's history files: ``markers`` are written, ``refs`` removed."""
        self._log.withdraw(name, markers, refs, self._states.covered)
        self._dirty = True

    def _stamp_for(self, card_id: str, now: datetime) -> datetime:
        """``now``, moved just after the card's last history entry if the clock is behind it (another
        machine's clock, or a clock set back), so history order and live order agree."""
        last = self._states.last.get(card_id)
        if last is not None and now <= last[0] <= now + AHEAD:
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
            before = self._states.progress.get(cid)
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
            name = shard_name(at)
            self._append([record.to_dict()], name)
            self._undo.append(_UndoStep(record, before, self._states.last.get(cid), name))
            self._states.progress[cid] = after
            self._states.last[cid] = history_key(record)
            became_leech = after.lapses != (before.lapses if before else 0) and is_leech_lapse(after.lapses)
            return Answer(review=record, before=before, after=after, became_leech=became_leech)

    def prepare_answers(self, now: datetime) -> None:
        """Read ahead the file that answers at ``now`` go to, so the first is saved as fast as the next; no write."""
        with self._mutex:
            if not (self._closed or self.read_only):
                self._log.prepare(shard_name(_utc(now)))

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
            marker = {"t": "undo", "id": new_id(now), "ref": record.id, "at": now.isoformat()}
            self._withdraw(step.shard, [marker], {record.id})
            self._undo.pop()
            cid = record.card_id
            later = [e for e in self._session_events if e.card_id == cid and history_key(e) > history_key(record)]
            restored = replay_onto(step.before, cid, later)
            if restored is None:
                self._states.progress.pop(cid, None)
                self._states.last.pop(cid, None)
            else:
                self._states.progress[cid] = restored
                keys = [history_key(e) for e in later]
                if step.before_key is not None:
                    keys.append(step.before_key)
                if keys:
                    self._states.last[cid] = max(keys)
                else:
                    self._states.last.pop(cid, None)
            self._dirty = True
            return record

    def _event(self, card_id: str, kind: str, now: datetime, until: datetime | None = None) -> CardProgress:
        with self._mutex:
            self._require_writable()
            cid = self._resolve(card_id)
            at = self._stamp_for(cid, _utc(now))
            event = CardEvent(new_id(at), cid, kind, at, self.device_id, None if until is None else _utc(until))
            self._append([event.to_dict()], shard_name(at))
            progress = apply_event(self._states.progress.get(cid), event)
            self._states.progress[cid] = progress
            self._states.last[cid] = history_key(event)
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

    def bulk(
        self, action: str, card_ids: Sequence[str], now: datetime, *, until: datetime | None = None, flag: str = ""
    ) -> BulkChange:
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
            return self._side.annotation(key)

    def annotations(self) -> dict[str, str]:
        with self._mutex:
            return self._side.all_annotations()

    def set_annotation(self, key: str, text: str, now: datetime) -> None:
        """Save a personal note on a card or section id; empty text deletes it. Last write wins across devices."""
        with self._mutex:
            self._require_writable()
            self._side.set_annotation(key, text, _utc(now))

    # -- exams --------------------------------------------------------------------------------------------------

    def record_exam(self, result: Mapping[str, Any], now: datetime) -> str:
        """Save a mock-exam result (any JSON-able mapping). Returns its id."""
        with self._mutex:
            self._require_writable()
            return self._side.record_exam(result, _utc(now))

    def exams(self) -> list[dict[str, Any]]:
        """Every device's exam results, oldest first: the saved mapping plus ``id``, ``at`` and ``device``."""
        with self._mutex:
            return self._side.exam_results()

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
            matches = find_reattachments(cards, self._states.progress, self._catalog.cards, self._seen_cards)
            saved = not self.read_only
            reattached: list[Reattachment] = []
            if matches:
                docs = [
                    {
                        "t": "reattach",
                        "id": new_id(now),
                        "card": new,
                        "from": old,
                        "at": now.isoformat(),
                        "score": round(score, 4),
                    }
                    for old, new, score in matches
                ]
                if saved:
                    self._append(docs, shard_name(now))
                for old, new, score in matches:
                    self._states.move(old, new)
                    reattached.append(Reattachment(old, new, score))
                    if saved and self.annotation(old) and not self.annotation(new):
                        self.set_annotation(new, self.annotation(old) or "", now)
                        self.set_annotation(old, "", now)
                self._dirty = True
            if saved:
                annotated = self._side.annotations
                self._catalog.update(cards, lambda cid: cid in self._states.progress or cid in annotated, now)
            self._present = set(current)
            self._seen_cards = current
            return Reconciliation(tuple(reattached), tuple(self._orphans(set(current))), saved)

    def _orphans(self, present: set[str]) -> list[Orphan]:
        return find_orphans(self._states.progress, present, self._catalog.cards)

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
            report = merge_directory(self.data_dir, other_dir, self._reader, now)
            self._log.close()
            self._history.forget()
            self._catch_up(now)
            self._load_side_files(now)
            self._dirty = True
            self.checkpoint()
            return report


#: mypy checks here that ``Store`` is everything the app expects of progress (``progress_store.py``).
_STORE_IS_A_PROGRESS_STORE: type[ProgressStore] = Store
