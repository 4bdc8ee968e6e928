"""The snapshot: a cache of every card's state and of how much history it covers.

It is written when the store closes (or on ``checkpoint``); at start-up only history written since is applied on
top of it. It is only a cache: when it is missing or cannot be trusted, card states are rebuilt from the history.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from devday_tui.core.scheduling import CardProgress
from devday_tui.store.errors import CorruptFileError
from devday_tui.store.files import read_tables, write_tables
from devday_tui.store.history import EPOCH, CardStates, Covered
from devday_tui.store.recovery import Reader


def load_snapshot(path: Path, reader: Reader, now: datetime) -> CardStates | None:
    """The snapshot in ``path``; ``None`` when there is none or it cannot be used (a damaged one is kept aside)."""
    try:
        tables = read_tables(path)
    except CorruptFileError as exc:
        kept = None if reader.read_only else reader.keep_aside(path, now)
        if kept is not None:
            reader.notices.append(
                f"{reader.rel(path)} could not be read ({exc.detail}); it was kept as {kept.name}. It is only a "
                f"cache: card states were rebuilt from the review history."
            )
        return None
    if not tables:
        return None
    try:
        state = next(iter(tables.get("state", {}).values()))
        covered = {rel: Covered.from_json(v) for rel, v in state["shards"].items()}
        aliases = {str(k): str(v) for k, v in state.get("aliases", {}).items()}
        progress: dict[str, CardProgress] = {}
        last: dict[str, tuple[datetime, str]] = {}
        for cid, doc in tables.get("cards", {}).items():
            progress[cid] = CardProgress.from_dict(doc)
            at, rid = doc["k"]
            last[cid] = (datetime.fromisoformat(at).astimezone(timezone.utc), str(rid))
    except (StopIteration, KeyError, TypeError, ValueError):
        return None
    return CardStates(progress, last, aliases, covered)


def write_snapshot(path: Path, device_id: str, snap: CardStates) -> None:
    cards = {}
    for cid, progress in snap.progress.items():
        doc = progress.to_dict()
        at, rid = snap.last.get(cid, (EPOCH, ""))
        doc["k"] = [at.isoformat(), rid]
        cards[cid] = doc
    state = {
        "device": device_id,
        "shards": {rel: cov.to_json() for rel, cov in sorted(snap.covered.items())},
        "aliases": dict(snap.aliases),
    }
    write_tables(path, {"state": {"1": state}, "cards": cards})
