"""Scheduling on fsrs: golden values, deterministic fuzz, the exam date, leeches, previews and replay."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import fsrs
import fsrs.scheduler as fsrs_scheduler
import pytest

from devday_tui.core.clock import format_interval
from devday_tui.core.model import DeckSettings
from devday_tui.core.scheduling import (
    GRADES,
    CardEvent,
    CardProgress,
    ReviewRecord,
    apply_review,
    exam_cap,
    fsrs_card_id,
    fuzzed_days,
    make_scheduler,
    preview,
    replay,
    retrievability,
    review,
)
from tests.store.helpers import SETTINGS, T0, UTC

W = fsrs_scheduler.DEFAULT_PARAMETERS


def _record(i: int, card_id: str, rating: int, when: datetime, before: str, **kw) -> ReviewRecord:
    return ReviewRecord(f"{i:032x}", card_id, rating, when, 3.0, "dev", before, **kw)


def test_grades_are_the_four_fsrs_ratings_with_labels_and_keys() -> None:
    assert [g.rating for g in GRADES] == [fsrs.Rating.Again, fsrs.Rating.Hard, fsrs.Rating.Good, fsrs.Rating.Easy]
    assert [g.label for g in GRADES] == ["Again", "Hard", "Good", "Easy"]
    assert [g.key for g in GRADES] == ["1", "2", "3", "4"]


def test_first_good_matches_fsrs_default_parameters() -> None:
    after = review(None, "c1", fsrs.Rating.Good, T0, SETTINGS)
    assert after.state == "learning" and after.step == 1
    assert after.stability == pytest.approx(W[2])  # initial stability for Good
    assert after.difficulty == pytest.approx(W[4] - pytest.importorskip("math").e ** (W[5] * 2) + 1)
    assert after.due == T0 + timedelta(minutes=10)  # second learning step
    assert after.reps == 1 and after.lapses == 0 and after.last_review == T0


def test_sequence_matches_fsrs_itself_when_intervals_are_not_fuzzed() -> None:
    """Steps, stability and difficulty are fsrs's own numbers: same sequence through fsrs directly."""
    sched = fsrs.Scheduler(enable_fuzzing=False)
    fcard = fsrs.Card(card_id=1, due=T0)
    mine: CardProgress | None = None
    now = T0
    for rating in [3, 3, 1, 3, 3, 4, 2]:
        fcard, _ = sched.review_card(fcard, fsrs.Rating(rating), now)
        mine = apply_review(mine, "c", rating, now, fuzz=False)
        assert mine.stability == pytest.approx(fcard.stability, rel=1e-12)
        assert mine.difficulty == pytest.approx(fcard.difficulty, rel=1e-12)
        assert mine.due == fcard.due
        assert mine.state == {1: "learning", 2: "review", 3: "relearning"}[fcard.state.value]
        now = fcard.due
    assert mine is not None and mine.lapses == 1 and mine.reps == 7


@pytest.mark.parametrize("draw", [0.0, 0.1234, 0.5, 0.75, 0.999999])
def test_fuzz_is_fsrs_fuzz_with_a_given_draw(monkeypatch: pytest.MonkeyPatch, draw: float) -> None:
    monkeypatch.setattr(fsrs_scheduler, "random", lambda: draw)
    sched = fsrs.Scheduler()
    for days in [1, 2, 3, 5, 7, 8, 15, 20, 21, 45, 100, 365, 3000]:
        expected = sched._get_fuzzed_interval(interval=timedelta(days=days)).days
        assert fuzzed_days(days, draw) == expected, days


def test_fuzz_is_deterministic_and_does_not_touch_global_random() -> None:
    p = CardProgress("c", "review", None, 30.0, 5.0, T0, T0 - timedelta(days=30), reps=5)
    random.seed(1)
    first = review(p, "c", 3, T0, SETTINGS)
    state = random.getstate()
    random.seed(99)
    second = review(p, "c", 3, T0, SETTINGS)
    assert first == second
    random.seed(1)
    review(p, "c", 3, T0, SETTINGS)
    assert random.getstate() == state
    # different cards get different fuzz (not all the same offset)
    dues = {review(replace(p, card_id=f"c{i}"), f"c{i}", 3, T0, SETTINGS).due for i in range(40)}
    assert len(dues) > 3


def test_preview_shows_exactly_what_the_answer_gives() -> None:
    p = review(None, "c", 3, T0, SETTINGS)
    p = review(p, "c", 3, T0 + timedelta(minutes=10), SETTINGS)
    later = T0 + timedelta(days=5)
    shown = preview(p, "c", later, SETTINGS)
    assert list(shown) == [g.rating for g in GRADES]
    for rating, interval in shown.items():
        assert review(p, "c", rating, later, SETTINGS).due == later + interval
    assert shown[fsrs.Rating.Again] < shown[fsrs.Rating.Hard] <= shown[fsrs.Rating.Good] <= shown[fsrs.Rating.Easy]


def test_new_card_preview_labels() -> None:
    labels = {r: format_interval(td) for r, td in preview(None, "c", T0, SETTINGS).items()}
    assert labels[fsrs.Rating.Again] == "1m"
    assert labels[fsrs.Rating.Hard] == "6m"  # halfway between the 1 m and 10 m steps (fsrs)
    assert labels[fsrs.Rating.Good] == "10m"
    assert labels[fsrs.Rating.Easy].endswith("d")


@pytest.mark.parametrize(
    ("delta", "label"),
    [
        (timedelta(seconds=5), "1m"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(minutes=90), "2h"),
        (timedelta(hours=5), "5h"),
        (timedelta(days=1), "1d"),
        (timedelta(days=3), "3d"),
        (timedelta(days=12), "12d"),
        (timedelta(days=29), "29d"),
        (timedelta(days=60), "2mo"),
        (timedelta(days=45), "1.5mo"),
        (timedelta(days=400), "1.1y"),
        (timedelta(days=730), "2y"),
    ],
)
def test_format_interval(delta: timedelta, label: str) -> None:
    assert format_interval(delta) == label


def test_desired_retention_changes_intervals() -> None:
    p = CardProgress("c", "review", None, 20.0, 5.0, T0, T0 - timedelta(days=20), reps=4)
    low = apply_review(p, "c", 3, T0, desired_retention=0.8, fuzz=False)
    high = apply_review(p, "c", 3, T0, desired_retention=0.95, fuzz=False)
    assert low.due > high.due
    sched = make_scheduler(DeckSettings(desired_retention=0.8), fuzz=False)
    assert sched.desired_retention == 0.8 and not sched.enable_fuzzing


@pytest.mark.parametrize("bad", [0.0, 1.0, 1.5, -0.2, float("nan")])
def test_bad_retention_is_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="desired_retention"):
        review(None, "c", 3, T0, DeckSettings(desired_retention=bad))


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError):
        review(None, "c", 3, datetime(2026, 1, 1), SETTINGS)


# -- exam date --------------------------------------------------------------------------------------------------


def test_exam_cap_is_the_start_of_the_day_before_the_exam() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    cap = exam_cap(date(2026, 12, 12), T0, tz=tokyo)
    assert cap == datetime(2026, 12, 11, 4, 0, tzinfo=tokyo)
    assert exam_cap(date(2026, 12, 12), T0, tz=tokyo, rollover_hour=0) == datetime(2026, 12, 11, 0, 0, tzinfo=tokyo)
    assert exam_cap(None, T0) is None
    # on the last day and after, no cap
    assert exam_cap(date(2026, 12, 12), datetime(2026, 12, 11, 5, tzinfo=tokyo), tz=tokyo) is None
    assert exam_cap(date(2026, 11, 1), T0, tz=tokyo) is None


def test_no_interval_ends_after_the_exam() -> None:
    exam = date(2026, 12, 5)
    deck = DeckSettings(exam_date=exam)
    p = CardProgress("c", "review", None, 60.0, 5.0, T0, T0 - timedelta(days=60), reps=6)
    free = review(p, "c", 3, T0, SETTINGS, tz=UTC)
    capped = review(p, "c", 3, T0, deck, tz=UTC)
    assert free.due > datetime(2026, 12, 5, tzinfo=UTC)
    assert capped.due == datetime(2026, 12, 4, 4, 0, tzinfo=UTC)
    assert capped.stability == free.stability  # memory model untouched; only the date moves
    # a short interval before the cap is left alone
    again = review(p, "c", 1, T0, deck, tz=UTC)
    assert again.due == T0 + timedelta(minutes=10)
    # the preview shows the capped interval
    assert preview(p, "c", T0, deck, tz=UTC)[fsrs.Rating.Good] == capped.due - T0


def test_on_the_day_before_the_exam_intervals_are_left_alone() -> None:
    deck = DeckSettings(exam_date=date(2026, 12, 5))
    day_before = datetime(2026, 12, 4, 10, tzinfo=UTC)
    p = CardProgress("c", "review", None, 60.0, 5.0, day_before, day_before - timedelta(days=60), reps=6)
    after = review(p, "c", 3, day_before, deck, tz=UTC)
    assert after.due > day_before + timedelta(days=2)  # not forced to "now": it was just seen before the exam


# -- leeches, replay, conversions ------------------------------------------------------------------------------


def _lapse_until(n: int) -> tuple[CardProgress, list[CardProgress]]:
    p: CardProgress | None = None
    now = T0
    seen: list[CardProgress] = []
    p = review(p, "c", 4, now, SETTINGS)  # straight to review
    while p.lapses < n:
        now = p.due
        p = review(p, "c", 1 if p.state == "review" else 4, now, SETTINGS)
        seen.append(p)
    return p, seen


def test_eighth_lapse_makes_a_suspended_leech() -> None:
    p, seen = _lapse_until(8)
    assert p.lapses == 8 and p.leech and p.suspended
    assert not any(s.leech for s in seen if s.lapses < 8)


def test_leech_flag_returns_at_twelve_lapses_after_unsuspend() -> None:
    p, _ = _lapse_until(8)
    p = replace(p, suspended=False)
    now = p.due
    while p.lapses < 12:
        p = review(p, "c", 1 if p.state == "review" else 4, now, SETTINGS)
        assert p.suspended == (p.lapses == 12)
        now = p.due
    assert p.leech and p.suspended


def test_replay_rebuilds_exactly_what_live_review_gave() -> None:
    deck = DeckSettings(desired_retention=0.85, exam_date=date(2027, 1, 20))
    live: CardProgress | None = None
    records = []
    now = T0
    rng = random.Random(7)
    for i in range(40):
        rating = rng.choice([1, 2, 3, 3, 3, 4])
        cap = exam_cap(deck.exam_date, now, tz=UTC)
        before = live.state if live else "new"
        live = review(live, "c", rating, now, deck, tz=UTC)
        records.append(_record(i, "c", rating, now, before, desired_retention=0.85, due_cap=cap))
        now = live.due + timedelta(hours=rng.randint(0, 30))
    shuffled = records[:]
    rng.shuffle(shuffled)
    assert replay("c", shuffled, DeckSettings()) == live


def test_replay_applies_events_in_time_order() -> None:
    r = [_record(1, "c", 3, T0, "new")]
    events = [
        CardEvent("e1", "c", "suspend", T0 + timedelta(minutes=1), "dev"),
        CardEvent("e2", "c", "unsuspend", T0 + timedelta(minutes=2), "dev"),
        CardEvent("e3", "c", "bury", T0 + timedelta(minutes=3), "dev", until=T0 + timedelta(days=1)),
    ]
    p = replay("c", r, events=events)
    assert not p.suspended and p.buried_until == T0 + timedelta(days=1) and p.reps == 1
    p = replay("c", r, events=events[:1])
    assert p.suspended


def test_progress_dict_and_fsrs_round_trips() -> None:
    p = review(None, "c", 3, T0, SETTINGS)
    p = replace(p, suspended=True, buried_until=T0 + timedelta(days=1))
    assert CardProgress.from_dict(p.to_dict()) == p
    back = CardProgress.from_fsrs(
        "c", p.to_fsrs(), reps=p.reps, lapses=p.lapses, suspended=True, buried_until=p.buried_until
    )
    assert back == p
    assert p.to_fsrs().card_id == fsrs_card_id("c")
    assert fsrs_card_id("c") != fsrs_card_id("d")
    with pytest.raises(ValueError):
        CardProgress("c", state="bogus")


def test_fsrs_card_ids_are_pinned() -> None:
    # Stored progress and every device derive the same fsrs id from a card id: the values must never move
    # (not with Python's per-process hash seed, not with a refactor).
    assert fsrs_card_id("c") == 280414119467335
    assert fsrs_card_id("d") == 89346613765374
    assert fsrs_card_id("ゼネラル") == 100781981484268
    assert all(0 < fsrs_card_id(x) < 1 << 48 for x in ("", "a", "x" * 1000))


def test_record_round_trip_and_validation() -> None:
    r = _record(5, "c", 4, T0, "review", desired_retention=0.8, due_cap=T0 + timedelta(days=3))
    assert ReviewRecord.from_dict(r.to_dict()) == r
    bad = r.to_dict() | {"rating": 7}
    with pytest.raises(ValueError):
        ReviewRecord.from_dict(bad)


def test_retrievability() -> None:
    assert retrievability(None, T0) == 0.0
    p = review(None, "c", 4, T0, SETTINGS)
    assert retrievability(p, T0) == pytest.approx(1.0)
    r10 = retrievability(p, T0 + timedelta(days=10))
    r30 = retrievability(p, T0 + timedelta(days=30))
    assert 0 < r30 < r10 < 1


def test_new_card_gets_own_fsrs_id_without_sleeping(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    def no_sleep(_seconds: float) -> None:
        raise AssertionError("fsrs.Card() without card_id sleeps")

    monkeypatch.setattr(time, "sleep", no_sleep)
    review(None, "c", 3, T0, SETTINGS)
    preview(None, "c", T0, SETTINGS)
