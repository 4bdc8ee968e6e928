"""Golden values for the figures of the statistics screen and the session summary."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from devday_tui.core.model import Card
from devday_tui.core.scheduling import CardProgress, ReviewRecord
from devday_tui.core.study_stats import (
    CardCounts,
    card_counts,
    exam_moment,
    exam_readiness,
    forecast,
    heatmap,
    next_due,
    section_difficulty,
    shade_level,
    streak,
    study_day,
    summarize_session,
    true_retention,
)

UTC = timezone.utc
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)  # a Saturday


def at(day: int, hour: int = 12, month: int = 11, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def rev(
    card: str, rating: int, when: datetime, before: str = "review", duration: float = 5.0, n: list[int] = [0]
) -> ReviewRecord:
    n[0] += 1
    return ReviewRecord(f"r{n[0]}", card, rating, when, duration, "dev", state_before=before)


def card(cid: str, note: str = "n1", section: str = "s1", heading: str = "Heading") -> Card:
    return Card(
        id=cid,
        kind="definition",
        front=f"front {cid}",
        back=f"back {cid}",
        context=(f"Note {note}", heading),
        note_key=note,
        note_title=f"Note {note}",
        path=Path(f"/notes/{note}.md"),
        line=1,
        section_id=section,
    )


def review_progress(cid: str, due: datetime, last: datetime, **kw) -> CardProgress:
    kw.setdefault("stability", 10.0)
    kw.setdefault("difficulty", 5.0)
    return CardProgress(cid, state=kw.pop("state", "review"), due=due, last_review=last, reps=kw.pop("reps", 3), **kw)


def test_study_day_rolls_over_at_four() -> None:
    assert study_day(at(28, 3, minute=59), tz=UTC) == date(2026, 11, 27)
    assert study_day(at(28, 4), tz=UTC) == date(2026, 11, 28)
    assert study_day(at(28, 0), rollover_hour=0, tz=UTC) == date(2026, 11, 28)
    jst = timezone(timedelta(hours=9))
    # 20:00 UTC is 05:00 the next morning in Tokyo
    assert study_day(at(27, 20), tz=jst) == date(2026, 11, 28)


def test_streak_counts_back_from_today_or_yesterday() -> None:
    today = date(2026, 11, 28)
    days = {date(2026, 11, 28): 1, date(2026, 11, 27): 2, date(2026, 11, 26): 1, date(2026, 11, 24): 5}
    assert streak(days, today) == 3
    assert streak({date(2026, 11, 27): 1, date(2026, 11, 26): 1}, today) == 2  # today not studied yet
    assert streak({date(2026, 11, 26): 1}, today) == 0
    assert streak({}, today) == 0


def test_heatmap_grid() -> None:
    reviews = [
        rev("a", 3, at(28, 8)),
        rev("b", 3, at(28, 7)),
        rev("c", 1, at(28, 2)),  # before the rollover: counts for Friday the 27th
        rev("d", 3, at(26, 20)),
        rev("e", 3, NOW - timedelta(days=200)),  # outside the grid
    ]
    grid = heatmap(reviews, NOW, tz=UTC)
    assert grid.start == date(2026, 8, 10)
    assert grid.start.weekday() == 0
    assert len(grid.weeks) == 16
    assert grid.today == date(2026, 11, 28)
    assert grid.weeks[-1] == (0, 0, 0, 1, 1, 2, None)
    assert all(v == 0 for week in grid.weeks[:-1] for v in week)
    assert grid.day(15, 5) == date(2026, 11, 28)
    assert (grid.total, grid.days_studied, grid.streak, grid.busiest) == (4, 3, 3, 2)
    assert grid.days_shown == 16 * 7 - 1


def test_shade_levels() -> None:
    assert shade_level(0, 5) == 0
    assert shade_level(5, 5) == 4
    assert shade_level(1, 16) == 1
    assert shade_level(4, 16) == 2
    assert shade_level(9, 16) == 3
    assert shade_level(16, 16) == 4
    assert shade_level(3, 0) == 0


def test_forecast_by_study_day() -> None:
    progress = {
        "overdue": review_progress("overdue", at(20), at(10)),
        "learning": CardProgress(
            "learning",
            state="learning",
            step=1,
            due=at(28, 10),
            last_review=at(28, 8),
            stability=1,
            difficulty=5,
            reps=1,
        ),
        "early": review_progress("early", at(30, 3), at(20)),  # 03:00 on the 30th is still the 29th's study day
        "week": review_progress("week", at(5, 12, month=12), at(20)),
        "susp": review_progress("susp", at(29), at(20), suspended=True),
        "buried": review_progress("buried", at(28, 6), at(20), buried_until=at(29, 5)),
        "far": review_progress("far", at(28, 12, month=12) + timedelta(days=30), at(20)),
        "new": CardProgress("new"),
    }
    counts = forecast([*progress, "unknown"], progress, NOW, tz=UTC)
    assert len(counts) == 30
    assert counts[:8] == [2, 2, 0, 0, 0, 0, 0, 1]
    assert sum(counts) == 5


def test_true_retention_windows() -> None:
    reviews = [
        rev("a", 3, at(28, 8)),
        rev("b", 1, at(27)),
        rev("c", 2, at(24)),
        rev("d", 4, at(22, 5)),  # 7 study days back from the 28th: the 22nd is the first
        rev("e", 1, at(25), before="learning"),  # learning answers do not count
        rev("f", 1, at(8)),  # 21 days ago
        rev("g", 3, at(28, month=9)),  # 61 days ago
        rev("h", 3, at(1, month=8)),  # more than 90 days ago
    ]
    week = true_retention(reviews, NOW, 7, tz=UTC)
    assert (week.passed, week.total, week.rate) == (3, 4, 0.75)
    month = true_retention(reviews, NOW, 30, tz=UTC)
    assert (month.passed, month.total, month.rate) == (3, 5, 0.6)
    quarter = true_retention(reviews, NOW, 90, tz=UTC)
    assert (quarter.passed, quarter.total) == (4, 6)
    assert true_retention([], NOW, 7, tz=UTC).rate is None


def test_card_counts() -> None:
    progress = {
        "young": review_progress("young", at(8, month=12), at(28)),  # 10 days
        "mature": review_progress("mature", at(20, month=12), at(28)),  # 22 days
        "edge": review_progress("edge", at(19, month=12), at(28)),  # exactly 21 days: mature
        "learn": CardProgress(
            "learn", state="learning", step=0, due=at(28, 10), last_review=at(28, 9), stability=1, difficulty=5, reps=1
        ),
        "relearn": CardProgress(
            "relearn",
            state="relearning",
            step=0,
            due=at(28, 10),
            last_review=at(28, 9),
            stability=1,
            difficulty=5,
            reps=9,
            lapses=1,
        ),
        "leech": review_progress("leech", at(29), at(28), suspended=True, leech=True, lapses=8),
        "susp": review_progress("susp", at(29), at(28), suspended=True),
        "new": CardProgress("new"),
    }
    counts = card_counts([*progress, "never"], progress)
    assert counts == CardCounts(new=2, learning=2, young=1, mature=2, suspended=2, leech=1)
    assert counts.total == 9


def test_exam_readiness_uses_fsrs_retrievability() -> None:
    exam = date(2026, 12, 12)
    assert exam_moment(exam, UTC) == datetime(2026, 12, 12, 9, 0, tzinfo=UTC)
    progress = {
        # Stability is the interval at which recall falls to 90 %: exactly that at the exam.
        "a": review_progress("a", at(12, 9, month=12), at(2, 9, month=12), stability=10.0),
        "b": review_progress("b", at(1, 9, month=12), at(22, 9), stability=20.0),
    }
    ready = exam_readiness(["a", "b", "c"], progress, exam, NOW, tz=UTC)
    assert ready.days_left == 14
    assert ready.total == 3
    assert ready.unseen == 1
    assert ready.predicted == pytest.approx(0.6, abs=1e-9)
    assert ready.predicted_seen == pytest.approx(0.9, abs=1e-9)
    assert ready.new_per_day_needed == 1
    # the stronger memory decays more slowly
    far = exam_readiness(["a", "b"], progress, date(2027, 1, 11), NOW, tz=UTC)
    assert far.predicted < 0.9
    assert far.new_per_day_needed == 0
    over = exam_readiness(["c"], {}, date(2026, 11, 1), NOW, tz=UTC)
    assert over.days_left == -27 and over.new_per_day_needed is None and over.predicted == 0.0
    assert over.predicted_seen is None


def test_section_difficulty_ranks_hardest_first() -> None:
    cards = [
        card("a1", "n1", "s1", "Easy part"),
        card("a2", "n1", "s1", "Easy part"),
        card("b1", "n1", "s2", "Hard part"),
        card("c1", "n1", "s3", "Tie, more lapses"),
        card("d1", "n1", "s4", "Not studied"),
        card("e1", "n2", "t1", "Other note"),
    ]
    progress = {
        "a1": review_progress("a1", at(30), at(28), difficulty=3.0, reps=4, lapses=0),
        "a2": review_progress("a2", at(30), at(28), difficulty=5.0, reps=4, lapses=1),
        "b1": review_progress("b1", at(30), at(28), difficulty=8.0, reps=5, lapses=1),
        "c1": review_progress("c1", at(30), at(28), difficulty=4.0, reps=2, lapses=1),
        "d1": CardProgress("d1"),
        "e1": review_progress("e1", at(30), at(28), difficulty=6.5, reps=3, lapses=0),
    }
    notes = section_difficulty(cards, progress)
    assert [n.note_key for n in notes] == ["n1", "n2"]
    first = notes[0].sections
    assert [s.section_id for s in first] == ["s2", "s3", "s1"]
    assert first[0].difficulty == 8.0
    assert first[1].heading == "Tie, more lapses" and first[1].lapse_rate == 0.5
    assert (first[2].difficulty, first[2].cards, first[2].studied, first[2].lapses, first[2].reps) == (4.0, 2, 2, 1, 8)
    assert notes[1].sections[0].breadcrumb == "Note n2 › Other note"
    assert [len(n.sections) for n in section_difficulty(cards, progress, per_note=1)] == [1, 1]


def test_summarize_session() -> None:
    cards = {c.id: c for c in [card("a", "n1", "s1"), card("b", "n1", "s2", "Two"), card("c", "n2", "t1", "Three")]}
    reviews = [
        rev("a", 1, at(28, 9, minute=1), before="new", duration=12.0),
        rev("b", 2, at(28, 9, minute=2), before="review", duration=8.0),
        rev("c", 3, at(28, 9, minute=3), before="new", duration=4.5),
        rev("a", 1, at(28, 9, minute=4), before="learning", duration=6.0),
        rev("b", 1, at(28, 9, minute=5), before="relearning", duration=3.0),
        rev("a", 4, at(28, 9, minute=6), before="learning", duration=2.5),
    ]
    summary = summarize_session(reviews, cards, NOW, NOW + timedelta(minutes=7), leeches=["b", "b"])
    assert summary.by_grade == {1: 3, 2: 1, 3: 1, 4: 1}
    assert summary.reviewed == 6
    assert summary.correct_share == 0.5
    assert summary.time_on_cards == 36.0
    assert summary.elapsed == timedelta(minutes=7)
    assert summary.new_learnt == 2
    assert summary.distinct_cards == 3
    assert summary.leeches == ("b",)
    assert [(w.section_id, w.again, w.hard, w.answers) for w in summary.weakest] == [("s1", 2, 0, 3), ("s2", 1, 1, 2)]
    empty = summarize_session([], cards, NOW, NOW)
    assert empty.correct_share is None and empty.reviewed == 0 and empty.weakest == ()


def test_next_due() -> None:
    progress = {
        "a": review_progress("a", at(30), at(28)),
        "b": review_progress("b", at(30) + timedelta(seconds=30), at(28)),
        "c": review_progress("c", at(29), at(28), suspended=True),
        "d": review_progress("d", at(27), at(20)),  # overdue: not "next"
        "e": CardProgress("e"),
    }
    assert next_due(progress, progress, NOW) == (at(30), 2)
    assert next_due(["e"], progress, NOW) is None
