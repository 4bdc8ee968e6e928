"""The card browser's table, without the screen: its columns, each card's cells, and sorting.

Cells are made only for the rows on screen (``cells``); sorting uses one key per card and column, so ordering
150,000 cards is one ``list.sort``. Nothing here reads a clock: the ``Moment`` is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable, Sequence

from devday_tui.core.query import CardFacts, Moment, interval_days
from devday_tui.core.scheduling import CardProgress, format_interval


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    #: Width in cells; 0 shares what is left between such columns.
    width: int
    align: str = "left"


COLUMNS: tuple[Column, ...] = (
    Column("front", "Front", 0),
    Column("kind", "Kind", 10),
    Column("where", "Note › section", 0),
    Column("state", "State", 9),
    Column("due", "Due", 8, "right"),
    Column("interval", "Ivl", 5, "right"),
    Column("difficulty", "Diff", 4, "right"),
    Column("lapses", "Laps", 4, "right"),
    Column("reviews", "Revs", 4, "right"),
    Column("last", "Last", 8, "right"),
    Column("flag", "Flag", 6),
)
COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS)

#: States shown in the State column, in sort order.
STATE_ORDER: tuple[str, ...] = ("new", "learning", "review", "buried", "suspended", "leech")


def state_of(p: CardProgress | None, now: datetime) -> str:
    """One word for the card's state: a leech or a suspension outranks a burial, which outranks the fsrs state."""
    if p is None:
        return "new"
    if p.leech and p.suspended:
        return "leech"
    if p.suspended:
        return "suspended"
    if p.is_buried(now):
        return "buried"
    if p.state in ("learning", "relearning"):
        return "learning"
    return p.state


def relative_day(at: datetime, moment: Moment, *, past: bool = False) -> str:
    """``today``, ``in 3d``, ``2d ago``: whole study days between ``at`` and today."""
    days = int((at - moment.day_end) // timedelta(days=1)) + 1
    if days == 0:
        return "today"
    if days > 0:
        return "tomorrow" if days == 1 and not past else f"in {_short_days(days)}"
    return "yest." if days == -1 and past else f"{_short_days(-days)} ago"


def _short_days(days: int) -> str:
    if days < 100:
        return f"{days}d"
    if days < 730:
        return f"{days // 30}mo"
    return f"{days // 365}y"


def cells(facts: CardFacts, moment: Moment) -> dict[str, str]:
    """The text of each column for one card."""
    card, p = facts.card, facts.progress
    due = ""
    if p is not None and p.due is not None and not (p.state == "new" and p.due >= moment.day_end):
        due = "now" if p.state in ("learning", "relearning") and p.due <= moment.now else relative_day(p.due, moment)
    ivl = interval_days(p)
    return {
        "front": card.front.replace("\n", " "),
        "kind": card.kind,
        "where": " › ".join((card.note_title, *card.context[1:])) if card.context else card.note_title,
        "state": state_of(p, moment.now),
        "due": due,
        "interval": "" if ivl is None else format_interval(timedelta(days=ivl)),
        "difficulty": "" if p is None or p.difficulty is None else f"{p.difficulty:.1f}",
        "lapses": str(p.lapses) if p is not None and p.reps else "",
        "reviews": str(p.reps) if p is not None and p.reps else "",
        "last": "" if p is None or p.last_review is None else relative_day(p.last_review, moment, past=True),
        "flag": facts.flag,
    }




def _key(column: str, moment: Moment) -> Callable[[CardFacts], Any]:
    """The sort key of ``column``. Cards with no value (a new card has no due date) sort after the others."""
    if column == "front":
        return lambda f: f.card.front.casefold()
    if column == "kind":
        return lambda f: f.card.kind
    if column == "where":
        return lambda f: (f.card.note_title.casefold(), f.card.path.name, f.card.line)
    if column == "state":
        order = {s: i for i, s in enumerate(STATE_ORDER)}
        now = moment.now
        return lambda f: order[state_of(f.progress, now)]
    if column == "flag":
        from devday_tui.core.query import FLAGS

        rank = {flag: i for i, flag in enumerate(FLAGS)}
        return lambda f: rank.get(f.flag, len(FLAGS))
    if column == "lapses":
        return lambda f: f.progress.lapses if f.progress is not None else 0
    if column == "reviews":
        return lambda f: f.progress.reps if f.progress is not None else 0

    def value(f: CardFacts) -> Any:
        p = f.progress
        if column == "due":
            v = p.due if p is not None and p.due is not None else None
            return (1, 0.0) if v is None else (0, v.timestamp())
        if column == "interval":
            v = interval_days(p)
        elif column == "difficulty":
            v = p.difficulty if p is not None else None
        else:  # last
            v = p.last_review.timestamp() if p is not None and p.last_review is not None else None
        return (1, 0.0) if v is None else (0, v)

    return value


def sort_rows(rows: Sequence[CardFacts], column: str, moment: Moment, *, descending: bool = False) -> list[CardFacts]:
    """The rows ordered by ``column`` (stable: equal keys keep note order). Empty values stay last either way."""
    if column not in COLUMN_KEYS:
        raise ValueError(f"unknown column {column!r}")
    key = _key(column, moment)
    if not descending:
        return sorted(rows, key=key)
    keyed = [(key(r), r) for r in rows]
    filled = [t for t in keyed if not (isinstance(t[0], tuple) and t[0][0] == 1)]
    empty = [t[1] for t in keyed if isinstance(t[0], tuple) and t[0][0] == 1]
    filled.sort(key=lambda t: t[0], reverse=True)
    return [r for _, r in filled] + empty


__all__ = ["COLUMNS", "COLUMN_KEYS", "Column", "cells", "relative_day", "sort_rows", "state_of"]
