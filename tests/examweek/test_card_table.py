"""The browser table's cells and sorting: empty values last both ways, kept orders, subsets, fresh progress."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from devday_tui.core.card_table import COLUMN_KEYS, cells, sort_rows, state_of
from devday_tui.core.model import Card
from devday_tui.core.query import CardSource, Moment
from devday_tui.core.scheduling import CardProgress

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)
MOMENT = Moment(NOW, datetime(2026, 11, 29, 4, 0, tzinfo=timezone.utc))


def make(cid: str, front: str) -> Card:
    return Card(cid, "definition", front, "b", ("Note", "Sec"), "n", "Note", Path("n.md"), 1, "s")


CARDS = [make("a", "banana"), make("b", "Apple"), make("c", "cherry"), make("d", "date")]
P = CardProgress(
    "x",
    state="review",
    stability=3.0,
    difficulty=5.0,
    due=NOW + timedelta(days=3),
    last_review=NOW - timedelta(days=1),
    reps=3,
    lapses=1,
)
PROGRESS = {
    "a": replace(P, card_id="a", difficulty=8.0, due=NOW + timedelta(days=9)),
    "c": replace(P, card_id="c", difficulty=2.0, due=NOW - timedelta(days=1), lapses=4),
    "d": replace(P, card_id="d", difficulty=5.0, suspended=True),
}


def source(**kw) -> CardSource:
    return CardSource(PROGRESS, {"c": "red", "a": "blue"}, {}, {}, **kw)


def ids(cards) -> list[str]:
    return [c.id for c in cards]


def test_sorts_with_empty_values_last_both_ways() -> None:
    for src in (source(), source(cards=CARDS)):  # computed directly, and from the kept order
        assert ids(sort_rows(CARDS, "difficulty", src, MOMENT)) == ["c", "d", "a", "b"]
        assert ids(sort_rows(CARDS, "difficulty", src, MOMENT, descending=True)) == ["a", "d", "c", "b"]
        assert ids(sort_rows(CARDS, "due", src, MOMENT)) == ["c", "d", "a", "b"]
        assert ids(sort_rows(CARDS, "front", src, MOMENT)) == ["b", "a", "c", "d"]  # case ignored
        assert ids(sort_rows(CARDS, "flag", src, MOMENT)) == ["c", "a", "b", "d"]  # red, blue, then none
        assert ids(sort_rows(CARDS, "lapses", src, MOMENT, descending=True)) == ["c", "d", "a", "b"]  # ties reversed
        assert ids(sort_rows(CARDS, "where", src, MOMENT, descending=True)) == ["d", "c", "b", "a"]
        assert ids(sort_rows(CARDS, "state", src, MOMENT)) == ["b", "a", "c", "d"]  # new, review…, suspended


def test_a_subset_is_picked_from_the_kept_order_and_fresh_progress_clears_it() -> None:
    src = source(cards=CARDS)
    assert ids(sort_rows(CARDS, "difficulty", src, MOMENT)) == ["c", "d", "a", "b"]
    subset = [CARDS[0], CARDS[1], CARDS[2]]
    assert ids(sort_rows(subset, "difficulty", src, MOMENT, descending=True)) == ["a", "c", "b"]
    src.changed({**PROGRESS, "b": replace(P, card_id="b", difficulty=1.0)}, src.flags)
    assert ids(sort_rows(CARDS, "difficulty", src, MOMENT)) == ["b", "c", "d", "a"]


def test_every_column_sorts_and_has_a_cell() -> None:
    src = source(cards=CARDS)
    for column in COLUMN_KEYS:
        assert sorted(ids(sort_rows(CARDS, column, src, MOMENT))) == ["a", "b", "c", "d"]
        assert column in cells(src.facts(CARDS[0]), MOMENT)


def test_cells_and_states() -> None:
    c = cells(source().facts(CARDS[2]), MOMENT)
    assert (c["state"], c["due"], c["difficulty"], c["lapses"], c["flag"]) == ("review", "1d ago", "2.0", "4", "red")
    assert cells(source().facts(CARDS[0]), MOMENT)["due"] == "in 9d"
    assert cells(source().facts(CARDS[1]), MOMENT)["state"] == "new"
    assert state_of(replace(P, leech=True, suspended=True), NOW) == "leech"
    assert state_of(replace(P, buried_until=NOW + timedelta(hours=1)), NOW) == "buried"
    assert state_of(replace(P, state="relearning"), NOW) == "learning"
