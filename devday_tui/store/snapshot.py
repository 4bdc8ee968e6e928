"""The snapshot: a cache of every card's state and of how much history it covers.

It is written when the store closes (or on ``checkpoint``); at start-up only history written since is applied on
top of it. It is only a cache: when it is missing or cannot be trusted, card states are rebuilt from the history.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from devday_tui.core.scheduling import CardProgress
from devday_tui.store import validate
from devday_tui.store.errors import CorruptFileError, UnreadableFileError
from devday_tui.store.files import read_tables, write_tables
from devday_tui.store.history import EPOCH, CardStates, Covered
from devday_tui.store.recovery import Reader


def load_snapshot(path: Path, reader: Reader, now: datetime) -> CardStates | None:
    """The snapshot in ``path``; ``None`` when there is none or it cannot be used (a damaged one is kept aside)."""
    reader.current = path
    try:
        tables = read_tables(path)
    except UnreadableFileError as exc:
        reader.notices.append(
            f"{reader.rel(path)} {exc.detail}. It is only a cache: card states were rebuilt from the review history."
        )
        return None
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
        return _states(tables)
    except StopIteration:
        return None
    except (KeyError, TypeError, ValueError, OverflowError, AttributeError) as exc:
        detail = f": {exc}" if isinstance(exc, validate.BadValue) else ""
        reader.notices.append(
            f"{reader.rel(path)} holds values that cannot be used{detail}. It is only a cache: "
            f"card states were rebuilt from the review history."
        )
        return None


def _states(tables: dict[str, Any]) -> CardStates:
    state = next(iter(tables.get("state", {}).values()))
    shards, aliases = state["shards"], state.get("aliases", {})
    if not isinstance(shards, dict) or not isinstance(aliases, dict):
        raise validate.BadValue("'shards' or 'aliases' is not an object")
    covered = {str(rel): _covered(v) for rel, v in shards.items()}
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in aliases.items()):
        raise validate.BadValue("'aliases' holds something other than card ids")
    progress: dict[str, CardProgress] = {}
    last: dict[str, tuple[datetime, str]] = {}
    for cid, doc in tables.get("cards", {}).items():
        progress[cid] = validate.card_progress(doc)
        at, rid = doc["k"]
        if not isinstance(rid, str):
            raise validate.BadValue("a history key is not an id")
        last[cid] = (validate.time(at, "a history key"), rid)
    return CardStates(progress, last, dict(aliases), covered)


def _covered(value: Any) -> Covered:
    if not isinstance(value, list) or len(value) != 5:
        raise validate.BadValue("a history file's coverage is not a list of five values")
    size, mtime_ns, ino, count, last = value
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**64 for v in (size, mtime_ns, ino, count)):
        raise validate.BadValue("a history file's coverage holds something other than whole numbers")
    if last is not None and not isinstance(last, str):
        raise validate.BadValue("a history file's last id is not an id")
    return Covered.from_json(value)


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
