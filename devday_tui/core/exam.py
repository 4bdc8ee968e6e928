"""The mock exam: drawing questions weighted towards weak cards, and scoring the answers.

A mock exam is a timed set of questions drawn from one deck. Suspended cards are never drawn. Every other card
may be drawn, but weak ones are more likely: the weight of a card is

    1 + 2·(difficulty − 1)/9 + 0.5·min(lapses, 6) + 3·(1 − retrievability now) + 2·[leech]

with difficulty the FSRS difficulty (1 to 10) and retrievability the FSRS probability of recall at ``now``.
A card never studied weighs 3, like a card whose recall chance is a coin toss. Questions are drawn without
replacement with the Efraimidis–Spirakis method, so a card of weight 4 is about four times as likely to be drawn
first as one of weight 1.

Definitions, clozes and explicit cards are answered by typing (checked by :mod:`devday_tui.core.answer`:
exact or close counts as correct). List cards are recalled: the person reveals the items and ticks those they
had recalled; the question is correct when every item is ticked. A question left unanswered is wrong.

All functions are pure: randomness comes in as a ``random.Random``, time as ``now``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from fsrs import Rating

from devday_tui.core.answer import AnswerCheck, Verdict, check_card, typeable
from devday_tui.core.model import LIST_KINDS, Card, Item

DEFAULT_QUESTIONS = 30
#: Minutes allowed per question unless the person chooses otherwise.
MINUTES_PER_QUESTION = 1
#: The longest time limit accepted, in minutes.
MAX_MINUTES = 24 * 60

NEW_CARD_WEIGHT = 3.0


class ProgressLike(Protocol):
    """The parts of a card's stored progress the exam reads (read-only: ``CardProgress`` is frozen)."""

    @property
    def difficulty(self) -> float | None: ...
    @property
    def lapses(self) -> int: ...
    @property
    def suspended(self) -> bool: ...
    @property
    def leech(self) -> bool: ...


Recall = Callable[[Any, datetime], float | None]


@dataclass(frozen=True, slots=True)
class ExamConfig:
    """What a person chose before starting a mock exam."""

    questions: int = DEFAULT_QUESTIONS
    minutes: int = DEFAULT_QUESTIONS * MINUTES_PER_QUESTION
    count_towards_schedule: bool = False

    @property
    def time_limit(self) -> timedelta:
        return timedelta(minutes=self.minutes)


def validate(questions: int, minutes: int, available: int) -> str | None:
    """A message saying what is wrong with the choice, or None when the exam can start."""
    if available <= 0:
        return "This deck has no cards to ask (suspended cards are left out)."
    if questions <= 0:
        return "Choose at least 1 question."
    if questions > available:
        if available == 1:
            return "This deck has only 1 card to ask: choose 1 question."
        return f"This deck has only {available} cards to ask: choose {available} questions or fewer."
    if minutes <= 0:
        return "Give the exam at least 1 minute."
    if minutes > MAX_MINUTES:
        return f"The time limit is at most {MAX_MINUTES} minutes (a day)."
    return None


# ------------------------------------------------------------------------------------------------ drawing


def eligible(cards: Iterable[Card], progress: Mapping[str, ProgressLike | None]) -> list[Card]:
    """The cards a mock exam may ask: every card that is not suspended and that has something to answer."""
    out = []
    for card in cards:
        p = progress.get(card.id)
        if p is not None and getattr(p, "suspended", False):
            continue
        if card.kind in LIST_KINDS:
            if not isinstance(card.back, tuple) or not card.back:
                continue
        elif not typeable(card):
            continue
        out.append(card)
    return out


def weakness(progress: ProgressLike | None, now: datetime, recall: Recall | None = None) -> float:
    """The drawing weight of a card: higher for cards that are hard, often forgotten or fading today."""
    if progress is None or getattr(progress, "state", None) == "new" or getattr(progress, "stability", None) is None:
        return NEW_CARD_WEIGHT
    weight = 1.0
    difficulty = getattr(progress, "difficulty", None)
    if difficulty is not None:
        weight += 2.0 * min(max((float(difficulty) - 1.0) / 9.0, 0.0), 1.0)
    weight += 0.5 * min(int(getattr(progress, "lapses", 0) or 0), 6)
    r = _recall(recall)(progress, now)
    if r is not None:
        weight += 3.0 * (1.0 - min(max(float(r), 0.0), 1.0))
    if getattr(progress, "leech", False):
        weight += 2.0
    return weight


def _recall(recall: Recall | None) -> Recall:
    if recall is not None:
        return recall
    from devday_tui.core.scheduling import retrievability

    return retrievability


def draw(
    cards: Sequence[Card],
    progress: Mapping[str, ProgressLike | None],
    count: int,
    *,
    rng: random.Random,
    now: datetime,
    recall: Recall | None = None,
) -> list[Card]:
    """``count`` distinct cards, drawn at random with :func:`weakness` as weight, never a suspended one.

    Raises ``ValueError`` when fewer cards can be asked than requested.
    """
    pool = eligible(cards, progress)
    if count <= 0:
        raise ValueError("Choose at least 1 question.")
    if count > len(pool):
        raise ValueError(f"Only {len(pool)} cards can be asked, not {count}.")
    keyed = []
    for n, card in enumerate(pool):
        w = weakness(progress.get(card.id), now, recall)
        u = rng.random() or 1e-12
        keyed.append((math.log(u) / w, n, card))  # log of u ** (1 / w): larger is drawn first
    keyed.sort(key=lambda k: (-k[0], k[1]))
    return [card for _, _, card in keyed[:count]]


# ------------------------------------------------------------------------------------------------ answers


def flat_items(items: Sequence[Item], depth: int = 0) -> list[tuple[int, str]]:
    """A list card's items in order as (depth, text), nested items after their parent."""
    out: list[tuple[int, str]] = []
    for item in items:
        out.append((depth, item.text))
        out.extend(flat_items(item.children, depth + 1))
    return out


@dataclass(slots=True)
class Response:
    """What a person has done with one question so far."""

    typed: str = ""
    #: For a list card: the indices of :func:`flat_items` ticked as recalled, or None while the list is hidden.
    recalled: frozenset[int] | None = None

    @property
    def answered(self) -> bool:
        return bool(self.typed.strip()) or self.recalled is not None


@dataclass(frozen=True, slots=True)
class QuestionResult:
    card: Card
    #: exact, close, wrong (typed); recalled, partial, missed (list); unanswered.
    outcome: str
    check: AnswerCheck | None = None
    typed: str = ""
    recalled: int = 0
    items: int = 0
    #: For a list card: the indices of :func:`flat_items` ticked as recalled.
    ticked: frozenset[int] = frozenset()

    @property
    def correct(self) -> bool:
        return self.outcome in ("exact", "close", "recalled")

    @property
    def answered(self) -> bool:
        return self.outcome != "unanswered"

    @property
    def grade(self) -> Rating | None:
        """The grade this answer would give in spaced repetition; None when unanswered."""
        if self.check is not None and self.outcome != "unanswered":
            return self.check.grade
        return {"recalled": Rating.Good, "partial": Rating.Hard, "missed": Rating.Again}.get(self.outcome)


def grade_question(card: Card, response: Response | None) -> QuestionResult:
    response = response or Response()
    if card.kind in LIST_KINDS:
        total = len(flat_items(card.back)) if isinstance(card.back, tuple) else 0
        if response.recalled is None:
            return QuestionResult(card, "unanswered", items=total)
        ticked = frozenset(i for i in response.recalled if 0 <= i < total)
        got = len(ticked)
        if total and got == total:
            outcome = "recalled"
        elif got * 2 >= total and got:
            outcome = "partial"
        else:
            outcome = "missed"
        return QuestionResult(card, outcome, recalled=got, items=total, ticked=ticked)
    result = check_card(card, response.typed)
    if result.verdict is Verdict.EMPTY:
        return QuestionResult(card, "unanswered", result, response.typed)
    return QuestionResult(card, result.verdict.value, result, response.typed)


@dataclass(frozen=True, slots=True)
class GroupScore:
    """The score of the questions from one note or one section."""

    key: str
    label: str
    correct: int
    total: int
    #: The headings the label is made of (for a section: its path below the note's title).
    path: tuple[str, ...] = ()

    @property
    def ratio(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class ExamScore:
    results: tuple[QuestionResult, ...]
    by_note: tuple[GroupScore, ...] = field(default=())
    by_section: tuple[GroupScore, ...] = field(default=())

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def correct(self) -> int:
        return sum(1 for r in self.results if r.correct)

    @property
    def ratio(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def missed(self) -> tuple[QuestionResult, ...]:
        return tuple(r for r in self.results if not r.correct)

    @property
    def answered(self) -> int:
        return sum(1 for r in self.results if r.answered)


def _groups(
    results: Sequence[QuestionResult], key: Callable[[Card], tuple[str, str, tuple[str, ...]]]
) -> tuple[GroupScore, ...]:
    order: list[str] = []
    labels: dict[str, tuple[str, tuple[str, ...]]] = {}
    tally: dict[str, list[int]] = {}
    for r in results:
        k, label, path = key(r.card)
        if k not in tally:
            order.append(k)
            labels[k] = (label, path)
            tally[k] = [0, 0]
        tally[k][0] += int(r.correct)
        tally[k][1] += 1
    groups = [GroupScore(k, labels[k][0], tally[k][0], tally[k][1], path=labels[k][1]) for k in order]
    # Weakest first: lowest ratio, then most questions missed, then the order the questions came in.
    ranked = sorted(enumerate(groups), key=lambda e: (e[1].ratio, -(e[1].total - e[1].correct), e[0]))
    return tuple(g for _, g in ranked)


def score(cards: Sequence[Card], responses: Mapping[str, Response]) -> ExamScore:
    """Grade every question and total them per note and per section, weakest first."""
    results = tuple(grade_question(c, responses.get(c.id)) for c in cards)
    by_note = _groups(results, lambda c: (c.note_key, c.note_title or c.note_key, (c.note_title or c.note_key,)))
    by_section = _groups(results, lambda c: (c.section_id, section_label(c), section_path(c)))
    return ExamScore(results, by_note, by_section)


def section_path(card: Card) -> tuple[str, ...]:
    """The card's section headings without the note title they start with (the note has its own line)."""
    path = tuple(card.context)
    if path and path[0] == card.note_title:
        path = path[1:]
    return path or (card.note_title or card.section_id,)


def section_label(card: Card) -> str:
    """:func:`section_path` as one string."""
    return " › ".join(section_path(card))


def schedule_ratings(exam: ExamScore) -> list[tuple[str, Rating]]:
    """The reviews to record when the exam counts towards the schedule: answered questions only."""
    return [(r.card.id, r.grade) for r in exam.results if r.answered and r.grade is not None]


def record(
    exam: ExamScore,
    *,
    deck_key: str,
    started: datetime,
    finished: datetime,
    config: ExamConfig,
    timed_out: bool,
) -> dict[str, Any]:
    """The plain-JSON record of a finished exam, as kept in the store and read by the statistics screen."""
    return {
        "when": finished.isoformat(),
        "started": started.isoformat(),
        "deck": deck_key,
        "questions": exam.total,
        "answered": exam.answered,
        "correct": exam.correct,
        "score": round(exam.ratio, 4),
        "duration": round(max((finished - started).total_seconds(), 0.0), 1),
        "time_limit": int(config.time_limit.total_seconds()),
        "timed_out": timed_out,
        "counted": config.count_towards_schedule,
        "cards": [{"id": r.card.id, "correct": r.correct, "outcome": r.outcome} for r in exam.results],
    }


@dataclass(frozen=True, slots=True)
class TrendPoint:
    when: datetime
    score: float
    questions: int
    deck: str


def trend(records: Iterable[Mapping[str, Any]], deck_key: str | None = None) -> list[TrendPoint]:
    """Past mock-exam scores, oldest first, for one deck (or all): what the statistics screen plots.

    ``records`` are the mappings kept by :func:`record` (as ``Store.exams()`` returns them). A record that does
    not have the expected fields is skipped rather than failing the whole trend.
    """
    points: list[TrendPoint] = []
    for rec in records:
        if deck_key is not None and rec.get("deck") != deck_key:
            continue
        try:
            when = datetime.fromisoformat(str(rec["when"]))
            score_ = float(rec["score"])
            questions = int(rec["questions"])
        except (KeyError, TypeError, ValueError):
            continue
        if when.tzinfo is None or not 0.0 <= score_ <= 1.0 or questions <= 0:
            continue
        points.append(TrendPoint(when, score_, questions, str(rec.get("deck", ""))))
    points.sort(key=lambda p: p.when)
    return points
