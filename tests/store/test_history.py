"""Headline progress figures (core.history)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from devday_tui.core.history import due_now, due_today, is_due, reviews_today, summarize
from devday_tui.core.scheduling import CardProgress, ReviewRecord
from tests.store.helpers import T0, UTC


def _p(cid: str, state: str, due, **kw) -> CardProgress:
    step = None if state == "review" else 0
    return CardProgress(cid, state, step, 5.0, 5.0, due, T0 - timedelta(days=5), reps=2, **kw)


def _r(i: int, when, before: str = "review", rating: int = 3) -> ReviewRecord:
    return ReviewRecord(f"{i:032x}", f"c{i}", rating, when, 4.0, "dev", before)


PROGRESS = {
    "a": _p("a", "review", T0 - timedelta(days=1)),  # overdue
    "b": _p("b", "learning", T0 + timedelta(minutes=5)),  # later today
    "c": _p("c", "review", T0 + timedelta(hours=20)),  # tomorrow after 4 am
    "d": _p("d", "review", T0 - timedelta(days=2), suspended=True),
    "e": _p("e", "review", T0 - timedelta(days=2), buried_until=T0 + timedelta(hours=1)),
    "f": CardProgress("f"),
}


def test_is_due_skips_new_suspended_and_buried() -> None:
    assert is_due(PROGRESS["a"], T0)
    assert not is_due(PROGRESS["b"], T0) and is_due(PROGRESS["b"], T0, before=T0 + timedelta(minutes=6))
    assert not any(is_due(PROGRESS[k], T0) for k in "def") and not is_due(None, T0)
    assert is_due(PROGRESS["e"], T0 + timedelta(hours=2))


def test_due_counts() -> None:
    ids = list(PROGRESS) + ["never-seen"]
    assert due_now(ids, PROGRESS, T0) == 1
    assert due_today(ids, PROGRESS, T0, tz=UTC) == 2
    assert due_today(ids, PROGRESS, T0, tz=UTC, rollover_hour=6) == 3  # the day ends at 06:00 instead


def test_reviews_today_respect_the_rollover() -> None:
    reviews = [_r(1, T0 - timedelta(hours=5, minutes=30)), _r(2, T0 - timedelta(hours=4, minutes=30)), _r(3, T0)]
    assert reviews_today(reviews, T0, tz=UTC) == 2  # 03:30 belongs to yesterday


def test_summary() -> None:
    reviews = [
        _r(1, T0 - timedelta(days=2)),
        _r(2, T0 - timedelta(days=1), rating=1),
        _r(3, T0 - timedelta(days=1), before="new"),
        _r(4, T0 - timedelta(minutes=3)),
        _r(5, T0 - timedelta(days=40)),
    ]
    leech = {**PROGRESS, "d": replace(PROGRESS["d"], leech=True)}
    s = summarize(list(leech), leech, reviews, T0, tz=UTC)
    assert (s.cards, s.new, s.learning, s.review, s.suspended, s.leech) == (6, 1, 1, 3, 1, 1)
    assert (s.due_now, s.due_today, s.reviews_today, s.streak) == (1, 2, 1, 3)
    assert (s.retention_passed, s.retention_total) == (2, 3) and abs(s.retention - 2 / 3) < 1e-9
    assert s.to_json()["retention_days"] == 30
    empty = summarize([], {}, [], T0, tz=UTC)
    assert empty.retention is None and empty.streak == 0
