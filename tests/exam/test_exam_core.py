"""The mock exam's pure logic: validation, weighted drawing, scoring and the record kept in the store."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from devday_tui.core.exam import (
    DEFAULT_QUESTIONS,
    NEW_CARD_WEIGHT,
    ExamConfig,
    Response,
    draw,
    eligible,
    flat_items,
    grade_question,
    record,
    schedule_ratings,
    score,
    validate,
    weakness,
)
from devday_tui.core.model import Card, Item
from tests.conftest import FIXED_NOW


@dataclass
class Progress:
    state: str = "review"
    stability: float | None = 10.0
    difficulty: float | None = 5.0
    due: datetime | None = None
    lapses: int = 0
    suspended: bool = False
    leech: bool = False
    recall: float = 0.9


def recall(progress: Progress, at: datetime) -> float:
    return progress.recall


def make(n: int, *, kind: str = "definition", note: str = "n1", section: str = "s1", back=None) -> Card:
    return Card(
        id=f"{note}-{section}-{n}",
        kind=kind,
        front=f"term {n}",
        back=back if back is not None else f"answer {n}",
        context=(f"Note {note}", f"Section {section}"),
        note_key=note,
        note_title=f"Note {note}",
        path=Path(f"notes/{note}.md"),
        line=n,
        section_id=f"{note}#{section}",
        answers=(f"answer {n}",) if kind == "cloze" else (),
    )


LIST_BACK = (Item("AWS CLI"), Item("ECS CLI", (Item("Docker Compose"),)), Item("AWS CDK"))


def test_defaults_are_30_questions_and_one_minute_each() -> None:
    config = ExamConfig()
    assert config.questions == DEFAULT_QUESTIONS == 30
    assert config.time_limit == timedelta(minutes=30)
    assert config.count_towards_schedule is False


@pytest.mark.parametrize(
    ("questions", "minutes", "available", "message"),
    [
        (0, 10, 5, "Choose at least 1 question."),
        (-3, 10, 5, "Choose at least 1 question."),
        (6, 10, 5, "This deck has only 5 cards to ask: choose 5 questions or fewer."),
        (2, 10, 1, "This deck has only 1 card to ask: choose 1 question."),
        (1, 1, 0, "This deck has no cards to ask (suspended cards are left out)."),
        (3, 0, 5, "Give the exam at least 1 minute."),
        (3, 100_000, 5, "The time limit is at most 1440 minutes (a day)."),
    ],
)
def test_validation_messages(questions: int, minutes: int, available: int, message: str) -> None:
    assert validate(questions, minutes, available) == message


def test_validation_passes_a_sound_choice() -> None:
    assert validate(5, 5, 5) is None


def test_suspended_and_unanswerable_cards_are_never_eligible() -> None:
    cards = [make(1), make(2), make(3, back="  "), make(4, kind="list", back=()), make(5, kind="list", back=LIST_BACK)]
    progress = {cards[1].id: Progress(suspended=True)}
    assert [c.id for c in eligible(cards, progress)] == [cards[0].id, cards[4].id]


def test_draw_never_includes_suspended_cards_and_has_no_duplicates() -> None:
    cards = [make(i) for i in range(20)]
    progress = {c.id: Progress(suspended=(i % 2 == 0)) for i, c in enumerate(cards)}
    for seed in range(30):
        drawn = draw(cards, progress, 10, rng=random.Random(seed), now=FIXED_NOW, recall=recall)
        assert len({c.id for c in drawn}) == 10
        assert not any(progress[c.id].suspended for c in drawn)


def test_draw_is_reproducible_with_the_same_seed() -> None:
    cards = [make(i) for i in range(30)]
    a = draw(cards, {}, 10, rng=random.Random(7), now=FIXED_NOW, recall=recall)
    b = draw(cards, {}, 10, rng=random.Random(7), now=FIXED_NOW, recall=recall)
    c = draw(cards, {}, 10, rng=random.Random(8), now=FIXED_NOW, recall=recall)
    assert a == b
    assert a != c


def test_draw_rejects_bad_counts() -> None:
    cards = [make(i) for i in range(3)]
    with pytest.raises(ValueError, match="at least 1"):
        draw(cards, {}, 0, rng=random.Random(1), now=FIXED_NOW, recall=recall)
    with pytest.raises(ValueError, match="Only 3 cards"):
        draw(cards, {}, 4, rng=random.Random(1), now=FIXED_NOW, recall=recall)


def test_weakness_grows_with_difficulty_lapses_fading_recall_and_leeches() -> None:
    base = weakness(Progress(difficulty=1, lapses=0, recall=1.0), FIXED_NOW, recall)
    assert base == pytest.approx(1.0)
    assert weakness(Progress(difficulty=10, recall=1.0), FIXED_NOW, recall) == pytest.approx(3.0)
    assert weakness(Progress(difficulty=1, lapses=2, recall=1.0), FIXED_NOW, recall) == pytest.approx(2.0)
    assert weakness(Progress(difficulty=1, lapses=50, recall=1.0), FIXED_NOW, recall) == pytest.approx(4.0)
    assert weakness(Progress(difficulty=1, recall=0.0), FIXED_NOW, recall) == pytest.approx(4.0)
    assert weakness(Progress(difficulty=1, recall=1.0, leech=True), FIXED_NOW, recall) == pytest.approx(3.0)
    assert weakness(None, FIXED_NOW, recall) == NEW_CARD_WEIGHT
    assert weakness(Progress(stability=None), FIXED_NOW, recall) == NEW_CARD_WEIGHT


def test_weak_cards_are_drawn_far_more_often_than_strong_ones() -> None:
    strong = [make(i, note="strong") for i in range(20)]
    weak = [make(i, note="weak") for i in range(20)]
    progress = {c.id: Progress(difficulty=1, recall=0.99) for c in strong}
    progress |= {c.id: Progress(difficulty=9, lapses=4, recall=0.4) for c in weak}
    counts: Counter[str] = Counter()
    rng = random.Random(42)
    for _ in range(300):
        for c in draw(strong + weak, progress, 5, rng=rng, now=FIXED_NOW, recall=recall):
            counts[c.note_key] += 1
    # Weights 1.02 against 1 + 1.78 + 2 + 1.8 = 6.58: weak cards should fill most of each draw.
    assert counts["weak"] > 4 * counts["strong"]
    assert counts["strong"] > 0  # strong cards are still possible


# ------------------------------------------------------------------------------------------------ scoring


def test_typed_questions_are_graded_by_the_answer_check() -> None:
    c = make(1, back="サーバレス")
    assert grade_question(c, Response(typed="ｻｰﾊﾞﾚｽ")).outcome == "exact"
    assert grade_question(c, Response(typed="サーバレ")).outcome == "close"
    assert grade_question(c, Response(typed="コンテナ")).outcome == "wrong"
    assert grade_question(c, Response(typed="  ")).outcome == "unanswered"
    assert grade_question(c, None).outcome == "unanswered"
    assert grade_question(c, Response(typed="サーバレ")).correct
    assert grade_question(c, Response(typed="サーバレ")).grade is Rating.Hard
    assert grade_question(c, None).grade is None


def test_list_questions_are_graded_by_items_recalled() -> None:
    c = make(1, kind="list", back=LIST_BACK)
    assert flat_items(LIST_BACK) == [(0, "AWS CLI"), (0, "ECS CLI"), (1, "Docker Compose"), (0, "AWS CDK")]
    every = grade_question(c, Response(recalled=frozenset({0, 1, 2, 3})))
    assert (every.outcome, every.recalled, every.items, every.correct, every.grade) == (
        "recalled",
        4,
        4,
        True,
        Rating.Good,
    )
    half = grade_question(c, Response(recalled=frozenset({0, 3})))
    assert (half.outcome, half.correct, half.grade) == ("partial", False, Rating.Hard)
    none = grade_question(c, Response(recalled=frozenset()))
    assert (none.outcome, none.correct, none.grade) == ("missed", False, Rating.Again)
    hidden = grade_question(c, Response())
    assert hidden.outcome == "unanswered"
    bogus = grade_question(c, Response(recalled=frozenset({0, 1, 2, 3, 99, -1})))
    assert bogus.recalled == 4


def test_score_per_note_and_section_weakest_first() -> None:
    cards = [
        make(1, note="a", section="x"),
        make(2, note="a", section="y"),
        make(3, note="b", section="z"),
        make(4, note="b", section="z"),
    ]
    responses = {
        cards[0].id: Response(typed="answer 1"),
        cards[1].id: Response(typed="wrong"),
        cards[2].id: Response(typed="nope"),
        # cards[3] left unanswered
    }
    exam = score(cards, responses)
    assert (exam.correct, exam.total, exam.answered) == (1, 4, 3)
    assert exam.ratio == pytest.approx(0.25)
    assert [(g.key, g.correct, g.total) for g in exam.by_note] == [("b", 0, 2), ("a", 1, 2)]
    assert [(g.key, g.correct, g.total) for g in exam.by_section] == [("b#z", 0, 2), ("a#y", 0, 1), ("a#x", 1, 1)]
    assert exam.by_section[0].label == "Section z"  # the note title is left to the per-note line
    assert [r.card.id for r in exam.missed] == [cards[1].id, cards[2].id, cards[3].id]


def test_schedule_ratings_skip_unanswered_questions() -> None:
    cards = [make(1), make(2), make(3), make(4, kind="list", back=LIST_BACK)]
    responses = {
        cards[0].id: Response(typed="answer 1"),
        cards[1].id: Response(typed="answer"),
        cards[3].id: Response(recalled=frozenset({0, 1, 2, 3})),
    }
    ratings = schedule_ratings(score(cards, responses))
    assert ratings == [(cards[0].id, Rating.Good), (cards[1].id, Rating.Hard), (cards[3].id, Rating.Good)]


def test_record_is_plain_json_with_what_the_statistics_need() -> None:
    import json

    cards = [make(1), make(2)]
    exam = score(cards, {cards[0].id: Response(typed="answer 1")})
    started = FIXED_NOW
    finished = FIXED_NOW + timedelta(minutes=3, seconds=12)
    data = record(
        exam, deck_key="aws-devday", started=started, finished=finished, config=ExamConfig(2, 2), timed_out=False
    )
    assert json.loads(json.dumps(data)) == data
    assert data["when"] == "2026-11-28T09:03:12+00:00"
    assert data["deck"] == "aws-devday"
    assert (data["questions"], data["correct"], data["answered"], data["score"]) == (2, 1, 1, 0.5)
    assert data["duration"] == 192.0
    assert data["time_limit"] == 120
    assert data["counted"] is False
    assert data["cards"] == [
        {"id": cards[0].id, "correct": True, "outcome": "exact"},
        {"id": cards[1].id, "correct": False, "outcome": "unanswered"},
    ]


def test_trend_lists_past_scores_oldest_first_and_skips_damaged_records() -> None:
    from devday_tui.core.exam import trend

    records = [
        {"when": "2026-11-27T09:00:00+00:00", "deck": "a", "score": 0.5, "questions": 10},
        {"when": "2026-11-20T09:00:00+00:00", "deck": "a", "score": 0.25, "questions": 4},
        {"when": "2026-11-21T09:00:00+00:00", "deck": "b", "score": 1.0, "questions": 2},
        {"when": "not a date", "deck": "a", "score": 0.5, "questions": 10},
        {"when": "2026-11-22T09:00:00", "deck": "a", "score": 0.5, "questions": 10},  # no time zone
        {"when": "2026-11-23T09:00:00+00:00", "deck": "a", "score": 7, "questions": 10},
        {"deck": "a"},
    ]
    assert [(p.when.day, p.score, p.questions) for p in trend(records, "a")] == [(20, 0.25, 4), (27, 0.5, 10)]
    assert [p.deck for p in trend(records)] == ["a", "b", "a"]
