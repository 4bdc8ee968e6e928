"""The study queue: order, daily limits, rollover, sibling burying, suspended/buried cards, waiting, undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from devday_tui.core.model import DeckSettings
from devday_tui.core.queue import build_queue, day_end, day_start
from devday_tui.core.scheduling import CardProgress, ReviewRecord, review
from tests.store.helpers import T0, UTC, card, cards

S = DeckSettings()


def _review_state(cid: str, due: datetime) -> CardProgress:
    return CardProgress(cid, "review", None, 10.0, 5.0, due, due - timedelta(days=10), reps=3)


def _learning_state(cid: str, due: datetime) -> CardProgress:
    return CardProgress(cid, "learning", 1, 2.3, 5.0, due, due - timedelta(minutes=10), reps=1)


def _rec(i: int, cid: str, when: datetime, before: str, rating: int = 3) -> ReviewRecord:
    return ReviewRecord(f"r{i:031d}", cid, rating, when, 2.0, "dev", before)


def _q(deck, progress=None, today=(), settings=S, **kw):
    return build_queue(deck, progress or {}, list(today), T0, settings, tz=UTC, **kw)


def test_day_start_rolls_over_at_four_local() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    assert day_start(datetime(2026, 11, 28, 3, 59, tzinfo=tokyo), tz=tokyo) == datetime(2026, 11, 27, 4, tzinfo=tokyo)
    assert day_start(datetime(2026, 11, 28, 4, 0, tzinfo=tokyo), tz=tokyo) == datetime(2026, 11, 28, 4, tzinfo=tokyo)
    assert day_start(datetime(2026, 11, 28, 23, 0, tzinfo=tokyo), tz=tokyo, rollover_hour=0) == datetime(
        2026, 11, 28, 0, tzinfo=tokyo
    )
    assert day_start(T0, tz=tokyo).tzinfo == timezone.utc
    # across a DST change the day is 23 hours long
    ny = ZoneInfo("America/New_York")
    start = day_start(datetime(2026, 3, 7, 12, tzinfo=ny), tz=ny)  # DST starts 2 am on 8 March
    assert day_end(datetime(2026, 3, 7, 12, tzinfo=ny), tz=ny) - start == timedelta(hours=23)
    with pytest.raises(ValueError):
        day_start(datetime(2026, 1, 1))


def test_order_is_learning_then_reviews_then_new_in_note_order() -> None:
    deck = cards(6)
    progress = {
        "c005": _learning_state("c005", T0 - timedelta(minutes=1)),
        "c004": _review_state("c004", T0 - timedelta(days=1)),
        "c003": _review_state("c003", T0 - timedelta(days=3)),  # more overdue: first
    }
    q = _q(deck, progress)
    assert [c.id for c in q.upcoming(T0)] == ["c005", "c003", "c004", "c000", "c001", "c002"]
    assert q.next(T0).id == "c005"
    assert q.counts(T0) == (3, 1, 2)


def test_reviews_due_later_today_count_but_not_tomorrow() -> None:
    deck = cards(2)
    progress = {
        "c000": _review_state("c000", T0 + timedelta(hours=12)),  # today (before 4 am tomorrow)
        "c001": _review_state("c001", T0 + timedelta(hours=20)),  # 05:00 tomorrow
    }
    q = _q(deck, progress, settings=DeckSettings(new_per_day=0))
    assert q.counts(T0).due == 1 and q.next(T0).id == "c000"


def test_daily_limits_count_what_was_done_today() -> None:
    deck = cards(10)
    limits = DeckSettings(new_per_day=3, reviews_per_day=2)
    progress = {c.id: _review_state(c.id, T0 - timedelta(days=1)) for c in deck[:5]}
    today = [_rec(1, "c009", T0 - timedelta(hours=1), "new"), _rec(2, "c000", T0 - timedelta(hours=2), "review")]
    progress["c009"] = _learning_state("c009", T0 + timedelta(hours=1))
    progress["c000"] = _review_state("c000", T0 + timedelta(days=5))
    q = _q(deck, progress, today, settings=limits)
    counts = q.counts(T0)
    assert counts.new == 2 and counts.due == 1 and counts.learning == 1
    # yesterday's reviews do not count
    old = [_rec(3, "c001", T0 - timedelta(hours=6), "review")]  # 03:00 UTC: before the 04:00 rollover
    q2 = _q(deck, progress, today + old, settings=limits)
    assert q2.counts(T0).due == 1


def test_rollover_resets_limits_during_a_session() -> None:
    deck = cards(5)
    limits = DeckSettings(new_per_day=1)
    q = _q(deck, settings=limits)
    first = q.next(T0)
    after = review(None, first.id, 3, T0, limits)
    q = q.answered(_rec(1, first.id, T0, "new"), after)
    assert q.counts(T0).new == 0
    next_morning = datetime(2026, 11, 29, 4, 0, 1, tzinfo=UTC)
    assert q.counts(next_morning).new == 1
    assert q.counts(next_morning - timedelta(seconds=2)).new == 0


def test_new_siblings_are_not_both_shown_the_same_day() -> None:
    deck = cards(6, per_section=2)  # s000: c000 c001, s001: c002 c003, s002: c004 c005
    q = _q(deck)
    assert [c.id for c in q.upcoming(T0)] == ["c000", "c002", "c004"]
    after = review(None, "c000", 3, T0, S)
    q = q.answered(_rec(1, "c000", T0, "new"), after)
    ids = [c.id for c in q.upcoming(T0 + timedelta(minutes=1))]
    assert "c001" not in ids and ids[:2] == ["c002", "c004"]
    tomorrow = T0 + timedelta(days=1)
    assert "c001" in [c.id for c in q.upcoming(tomorrow)]
    # configurable
    q_all = _q(deck, bury_siblings=False)
    assert [c.id for c in q_all.upcoming(T0)] == [c.id for c in deck]


def test_suspended_and_buried_cards_are_skipped() -> None:
    deck = cards(3)
    progress = {
        "c000": replace(_review_state("c000", T0 - timedelta(days=1)), suspended=True),
        "c001": CardProgress("c001", buried_until=T0 + timedelta(hours=2)),
    }
    q = _q(deck, progress)
    assert [c.id for c in q.upcoming(T0)] == ["c002"]
    assert [c.id for c in q.upcoming(T0 + timedelta(hours=3))] == ["c001", "c002"]


def test_waiting_for_a_learning_card() -> None:
    deck = cards(1)
    progress = {"c000": _learning_state("c000", T0 + timedelta(minutes=8))}
    q = _q(deck, progress)
    assert q.next(T0) is None
    assert q.next_wait(T0) == T0 + timedelta(minutes=8)
    assert not q.is_done(T0)
    assert q.next(T0 + timedelta(minutes=8)).id == "c000"
    assert q.next_wait(T0 + timedelta(minutes=8)) is None
    ahead = _q(deck, progress, learn_ahead=timedelta(minutes=20))
    assert ahead.next(T0).id == "c000"
    # learning due tomorrow is not waited for
    q2 = _q(deck, {"c000": _learning_state("c000", T0 + timedelta(days=1))})
    assert q2.next_wait(T0) is None and q2.is_done(T0)


def test_a_session_answer_and_undo() -> None:
    deck = [card("a", "s1"), card("b", "s2")]
    q = _q(deck)
    assert q.counts(T0) == (2, 0, 0)
    first = q.next(T0)
    rec = _rec(1, first.id, T0, "new")
    after = review(None, first.id, 3, T0, S)
    q2 = q.answered(rec, after)
    assert q2.counts(T0) == (1, 1, 0)
    assert q2.next(T0).id == "b"
    back = q2.undone(rec, None)
    assert back.counts(T0) == (2, 0, 0) and back.next(T0).id == "a"
    assert q.counts(T0) == (2, 0, 0)  # the original queue is unchanged


def test_other_decks_reviews_and_duplicate_cards_are_ignored() -> None:
    deck = [card("a", "s1"), card("a", "s1"), card("b", "s2")]
    today = [_rec(1, "elsewhere", T0 - timedelta(hours=1), "new")]
    q = _q(deck, {}, today, settings=DeckSettings(new_per_day=2))
    assert q.counts(T0).new == 2 and len(q.cards) == 2


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        build_queue(cards(1), {}, [], T0, DeckSettings(new_per_day=-1))


def test_review_limit_is_lifted_on_the_day_before_the_exam_and_on_the_exam_day() -> None:
    # Cards whose interval would end after the exam are all due at the start of the day before it: a daily
    # limit would leave some unseen before the exam.
    deck = cards(8)
    exam = T0.date() + timedelta(days=1)  # T0 (28 Nov, 09:00) is on the day before the exam
    progress = {c.id: _review_state(c.id, T0 - timedelta(hours=5)) for c in deck[:6]}
    today = [_rec(1, "c000", T0 - timedelta(hours=1), "review")]
    progress["c000"] = _review_state("c000", T0 + timedelta(days=3))
    limited = DeckSettings(new_per_day=1, reviews_per_day=2)
    assert _q(deck, progress, today, settings=limited).counts(T0).due == 1
    before_exam = replace(limited, exam_date=exam)
    q = _q(deck, progress, today, settings=before_exam)
    assert q.counts(T0) == (1, 0, 5)
    assert [c.id for c in q.upcoming(T0)] == ["c001", "c002", "c003", "c004", "c005", "c006"]
    assert _q(deck, progress, today, settings=replace(limited, exam_date=T0.date())).counts(T0).due == 5
    # two days before, and the day after, the limit holds
    for other in (T0.date() + timedelta(days=2), T0.date() - timedelta(days=1)):
        assert _q(deck, progress, today, settings=replace(limited, exam_date=other)).counts(T0).due == 1


@pytest.mark.parametrize("seed", range(12))
def test_a_queue_carried_from_answer_to_answer_plans_as_one_built_afresh(seed: int) -> None:
    """The study day a queue keeps between answers (the cards that may be shown, the limits used) is updated
    card by card; after any mix of answers, suspends, buries, undos and hours passing, across the rollover, its
    plan is the plan of a queue built from scratch on the same progress and reviews."""
    import random

    rnd = random.Random(seed)
    deck = cards(60, per_section=3)
    progress: dict[str, CardProgress] = {}
    for c in deck[:45]:
        due = T0 + timedelta(hours=rnd.uniform(-30, 60))
        progress[c.id] = (
            _learning_state(c.id, due) if rnd.random() < 0.2 else _review_state(c.id, due.replace(microsecond=0))
        )
    today = [
        _rec(i, deck[i].id, T0 - timedelta(hours=rnd.uniform(0, 4)), rnd.choice(["new", "review"])) for i in range(8)
    ]
    settings = DeckSettings(new_per_day=rnd.choice([2, 5, 20]), reviews_per_day=rnd.choice([5, 30, 200]))
    queue = _q(deck, progress, today, settings, learn_ahead=timedelta(minutes=rnd.choice([0, 20])))
    now = T0
    done: list[tuple[ReviewRecord, CardProgress | None]] = []
    for step in range(120):
        now += timedelta(minutes=rnd.choice([0, 1, 7, 45, 300]))
        fresh = build_queue(
            deck, queue.progress, list(queue.reviews), now, settings, tz=UTC, learn_ahead=queue.learn_ahead
        )
        assert queue._make_plan(now) == fresh._make_plan(now), f"step {step}"
        # Mostly the card the queue shows; sometimes any card (from browse: a suspended one, one due next month).
        shown = queue.next(now) if rnd.random() < 0.6 else None
        shown = shown or rnd.choice(deck)
        before = queue.progress.get(shown.id)
        roll = rnd.random()
        if roll < 0.6:
            record = _rec(100 + step, shown.id, now, before.state if before else "new", rnd.randint(1, 4))
            after = review(before, shown.id, record.rating, now, settings)
            queue = queue.answered(record, after)
            done.append((record, before))
        elif roll < 0.7:
            base = before or CardProgress(shown.id)
            queue = queue.with_progress(shown.id, replace(base, suspended=not base.suspended))
        elif roll < 0.8:
            base = before or CardProgress(shown.id)
            queue = queue.with_progress(
                shown.id, replace(base, buried_until=now + timedelta(hours=rnd.choice([1, 20])))
            )
        elif done:
            record, restored = done.pop()
            queue = queue.undone(record, restored)
