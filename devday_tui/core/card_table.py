"""The card browser's table, without the screen: its columns, each card's cells, and sorting.

Cells are made only for the rows on screen (``cells``); sorting uses one key per card and column, so ordering
150,000 cards is one ``list.sort``. Nothing here reads a clock: the ``Moment`` is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable, Sequence

from devday_tui.core.clock import format_interval
from devday_tui.core.model import Card
from devday_tui.core.query import FLAGS, CardFacts, CardSource, Moment, interval_days
from devday_tui.core.scheduling import CardProgress


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
        "where": card.breadcrumb or card.note_title,
        "state": state_of(p, moment.now),
        "due": due,
        "interval": "" if ivl is None else format_interval(timedelta(days=ivl)),
        "difficulty": "" if p is None or p.difficulty is None else f"{p.difficulty:.1f}",
        "lapses": str(p.lapses) if p is not None and p.reps else "",
        "reviews": str(p.reps) if p is not None and p.reps else "",
        "last": "" if p is None or p.last_review is None else relative_day(p.last_review, moment, past=True),
        "flag": facts.flag,
    }


_INF = float("inf")


def _number(column: str) -> Callable[[CardProgress | None], float | None]:
    if column == "due":
        return lambda p: p.due.timestamp() if p is not None and p.due is not None else None
    if column == "interval":
        return interval_days
    if column == "difficulty":
        return lambda p: p.difficulty if p is not None else None
    if column == "last":
        return lambda p: p.last_review.timestamp() if p is not None and p.last_review is not None else None
    if column == "lapses":
        return lambda p: float(p.lapses) if p is not None else 0.0
    assert column == "reviews"
    return lambda p: float(p.reps) if p is not None else 0.0


def _ascending(cards: Sequence[Card], column: str, source: CardSource, moment: Moment) -> tuple[list[Card], set[str]]:
    """``cards`` in ascending order of ``column`` (ties keep their order), and the ids that have no value (they
    come last)."""
    if column == "where":
        return list(cards), set()
    progress, flags = source.progress.get, source.flags
    key: Callable[[Card], Any]
    if column == "front":
        key = lambda c: c.front.casefold()
    elif column == "kind":
        key = lambda c: c.kind
    elif column == "state":
        order = {s: i for i, s in enumerate(STATE_ORDER)}
        now = moment.now
        key = lambda c: order[state_of(progress(c.id), now)]
    elif column == "flag":
        rank = {flag: i for i, flag in enumerate(FLAGS)}
        key = lambda c: rank.get(flags.get(c.id, ""), len(FLAGS))
    else:
        number = _number(column)
        keys = [_INF if (v := number(progress(c.id))) is None else v for c in cards]
        ordered = sorted(range(len(cards)), key=keys.__getitem__)
        return [cards[i] for i in ordered], {cards[i].id for i, k in enumerate(keys) if k == _INF}
    return sorted(cards, key=key), set()


def column_order(column: str, source: CardSource, moment: Moment) -> tuple[list[Card], set[str]]:
    """Every card of ``source`` in ascending order of ``column``, made once and kept in the source (until its
    progress is read again): later sorts by that column, filtered or reversed, only pick from it."""
    with source.lock:
        found = source.orders.get(column)
        if found is None:
            found = source.orders[column] = _ascending(source.cards, column, source, moment)
        return found


def sort_rows(
    cards: Sequence[Card], column: str, source: CardSource, moment: Moment, *, descending: bool = False
) -> list[Card]:
    """The cards ordered by ``column``. Cards with no value (a new card has no due date) stay last either way;
    in ascending order equal keys keep note order, and descending reverses the ascending order.

    "Note › section" is the order the cards come in. For the other columns, the order of every card of the
    source is made once (``column_order``); a sort then keeps the cards asked for, so it costs one pass.
    """
    if column not in COLUMN_KEYS:
        raise ValueError(f"unknown column {column!r}")
    if column == "where":
        return list(reversed(cards)) if descending else list(cards)
    if source.cards:
        everything, empty = column_order(column, source, moment)
        if len(cards) == len(everything):
            ordered = everything
        else:
            wanted = {id(c) for c in cards}  # the same Card objects: identity is the cheapest key
            ordered = [c for c in everything if id(c) in wanted]
    else:
        ordered, empty = _ascending(cards, column, source, moment)
    if not descending:
        return list(ordered)
    if not empty:
        return ordered[::-1]
    filled = [c for c in ordered if c.id not in empty]
    return filled[::-1] + [c for c in ordered if c.id in empty]


__all__ = ["COLUMNS", "COLUMN_KEYS", "Column", "cells", "relative_day", "sort_rows", "state_of"]
