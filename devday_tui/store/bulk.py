"""Changes to many cards at once (the card browser), each undone as one step.

Suspend, unsuspend, bury, reset to new and "send to today" are card events in the history, like the quiz's
suspend: one append writes the events of every card. Flags live in their own side file (``flags.py``). Undo
writes one undo marker per event (so copies of the file elsewhere do not bring them back), removes the events,
and gives every card back its state; a card answered since the change is rebuilt from its whole history.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Sequence

from devday_tui.core.scheduling import CardEvent, CardProgress, apply_event, history_key
from devday_tui.progress_store import BulkChange
from devday_tui.store.history import new_id, shard_name

if TYPE_CHECKING:
    from devday_tui.store.store import Store

#: Bulk action -> the card event it writes (flags write none).
EVENT_FOR: dict[str, str] = {
    "suspend": "suspend",
    "unsuspend": "unsuspend",
    "bury": "bury",
    "reset": "reset",
    "today": "due",
}


def _changes(action: str, progress: CardProgress | None) -> bool:
    if action == "suspend":
        return progress is None or not progress.suspended
    if action == "unsuspend":
        return progress is not None and progress.suspended
    if action == "reset":
        return progress is not None and (progress.state != "new" or progress.due is not None or progress.reps > 0)
    return True


def apply_bulk(
    store: "Store",
    action: str,
    card_ids: Sequence[str],
    now: datetime,
    *,
    until: datetime | None = None,
    flag: str = "",
) -> BulkChange:
    """Apply ``action`` to every card of ``card_ids`` and save it in one write. Raises like ``Store.suspend``."""
    with store._mutex:
        store._require_writable()
        now = now.astimezone(timezone.utc)
        ids = list(dict.fromkeys(store._resolve(c) for c in card_ids))
        if action == "flag":
            book = store._flag_book()
            current = book.flags()
            changed = [cid for cid in ids if current.get(cid, "") != flag]
            if changed:
                book.set(store, {cid: flag for cid in changed}, now)
            result = BulkChange(
                "flag", tuple(changed), now, flag=flag, before_flags={cid: current.get(cid, "") for cid in changed}
            )
        else:
            kind = EVENT_FOR.get(action)
            if kind is None:
                raise ValueError(f"unknown bulk action {action!r}")
            changed = [cid for cid in ids if _changes(action, store._states.progress.get(cid))]
            events = []
            for cid in changed:
                at = store._stamp_for(cid, now)
                events.append(CardEvent(new_id(at), cid, kind, at, store.device_id, until if kind == "bury" else None))
            shard = shard_name(now)
            if events:
                store._append([e.to_dict() for e in events], shard)
            before = {e.card_id: store._states.progress.get(e.card_id) for e in events}
            before_keys = {e.card_id: store._states.last.get(e.card_id) for e in events}
            for event in events:
                store._states.progress[event.card_id] = apply_event(store._states.progress.get(event.card_id), event)
                store._states.last[event.card_id] = history_key(event)
            store._session_events.extend(events)
            result = BulkChange(
                action, tuple(changed), now, before=before, before_keys=before_keys, events=tuple(events), shard=shard
            )
        if result.card_ids:
            store._bulk_undo.append(result)
        return result


def undo_bulk(store: "Store", now: datetime) -> BulkChange | None:
    """Undo the latest bulk change of this session; ``None`` when there is none."""
    with store._mutex:
        store._require_writable()
        if not store._bulk_undo:
            return None
        change = store._bulk_undo[-1]
        now = now.astimezone(timezone.utc)
        if change.action == "flag":
            store._flag_book().set(store, change.before_flags, now)
            store._bulk_undo.pop()
            return change
        refs = {e.id for e in change.events}
        markers = [{"t": "undo", "id": new_id(now), "ref": e.id, "at": now.isoformat()} for e in change.events]
        store._withdraw(change.shard, markers, refs)
        store._bulk_undo.pop()
        store._session_events = [e for e in store._session_events if e.id not in refs]
        moved_on = False
        for event in change.events:
            cid = event.card_id
            if store._states.last.get(cid) != history_key(event):
                moved_on = True  # answered or changed since: its whole history decides
                continue
            previous = change.before.get(cid)
            if previous is None:
                store._states.progress.pop(cid, None)
            else:
                store._states.progress[cid] = previous
            key = change.before_keys.get(cid)
            if key is None:
                store._states.last.pop(cid, None)
            else:
                store._states.last[cid] = key
        if moved_on:
            store._rebuild(now)
        store._dirty = True
        return change
