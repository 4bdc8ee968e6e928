"""The figures behind the statistics screen and the session summary.

Everything here is pure: the review history, the card progress and the clock come in as arguments. Days are
*study days*: a study day starts at ``rollover_hour`` o'clock local time (4 am by default, as in Anki), so a
review at 1 am counts for the day before. ``tz`` is the local time zone (``None``: the system's).

* ``heatmap``: reviews per study day over the last weeks, laid out as a calendar grid (Monday first), with the
  current streak.
* ``forecast``: cards coming due on each of the next days (overdue cards count for today).
* ``true_retention``: the share of answers to review cards that were not Again, over the last days.
* ``card_counts``: new, learning, young, mature, suspended and leech cards.
* ``exam_readiness``: days left before a deck's exam, cards never seen, and the share of cards fsrs predicts will
  be recalled on the exam morning if nothing more is studied.
* ``section_difficulty``: per note, the sections whose cards are hardest (mean fsrs difficulty, then lapse rate).
* ``summarize_session``: the end-of-session summary.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Iterable, Mapping, Sequence

from devday_tui.core.model import Card
from devday_tui.core.scheduling import CardProgress, ReviewRecord, retrievability

#: A review card whose scheduled interval reaches this many days is "mature" (Anki's threshold).
MATURE_DAYS = 21

#: The time of day, local, at which the exam is assumed to take place.
EXAM_TIME = time(9, 0)

AGAIN = 1
HARD = 2


def _local(moment: datetime, tz: tzinfo | None) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"datetime must be timezone-aware: {moment!r}")
    return moment.astimezone(tz) if tz is not None else moment.astimezone()


def study_day(moment: datetime, rollover_hour: int = 4, tz: tzinfo | None = None) -> date:
    """The study day ``moment`` belongs to: its local date, where the day starts at ``rollover_hour``."""
    return (_local(moment, tz) - timedelta(hours=rollover_hour)).date()


def reviews_per_day(reviews: Iterable[ReviewRecord], rollover_hour: int = 4, tz: tzinfo | None = None) -> Counter[date]:
    """How many answers were given on each study day."""
    return Counter(study_day(r.reviewed_at, rollover_hour, tz) for r in reviews)


# ---------------------------------------------------------------------------------------------------------------
# Heatmap and streak


def streak(days: Mapping[date, int], today: date) -> int:
    """Consecutive study days with at least one review, ending today (or yesterday, while today is still empty)."""
    day = today if days.get(today, 0) > 0 else today - timedelta(days=1)
    count = 0
    while days.get(day, 0) > 0:
        count += 1
        day -= timedelta(days=1)
    return count


@dataclass(frozen=True, slots=True)
class Heatmap:
    """Reviews per day as a calendar grid.

    ``weeks[w][d]`` is the number of reviews on ``start + 7*w + d`` days (``d`` = 0 for Monday), or ``None`` for
    a day after today. The last week is the one holding ``today``.
    """

    start: date
    today: date
    weeks: tuple[tuple[int | None, ...], ...]
    total: int
    days_studied: int
    streak: int
    busiest: int

    def day(self, week: int, weekday: int) -> date:
        return self.start + timedelta(days=7 * week + weekday)

    @property
    def days_shown(self) -> int:
        """Days in the grid up to today."""
        return (self.today - self.start).days + 1


def heatmap(
    reviews: Iterable[ReviewRecord],
    now: datetime,
    *,
    weeks: int = 16,
    rollover_hour: int = 4,
    tz: tzinfo | None = None,
) -> Heatmap:
    """Reviews per study day over the last ``weeks`` calendar weeks, today included."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    per_day = reviews_per_day(reviews, rollover_hour, tz)
    today = study_day(now, rollover_hour, tz)
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    grid: list[tuple[int | None, ...]] = []
    total = studied = busiest = 0
    for w in range(weeks):
        column: list[int | None] = []
        for d in range(7):
            day = start + timedelta(days=7 * w + d)
            if day > today:
                column.append(None)
                continue
            count = per_day.get(day, 0)
            column.append(count)
            total += count
            studied += count > 0
            busiest = max(busiest, count)
        grid.append(tuple(column))
    return Heatmap(
        start=start,
        today=today,
        weeks=tuple(grid),
        total=total,
        days_studied=studied,
        streak=streak(per_day, today),
        busiest=busiest,
    )


def shade_level(count: int, busiest: int, levels: int = 4) -> int:
    """Which of ``levels`` shades a day with ``count`` reviews gets (0 = none), relative to the busiest day.

    The scale is a square root, so a light day still shows next to a very heavy one.
    """
    if count <= 0 or busiest <= 0:
        return 0
    return max(1, min(levels, math.ceil(levels * math.sqrt(count / busiest))))


# ---------------------------------------------------------------------------------------------------------------
# Forecast


def due_at(progress: CardProgress) -> datetime | None:
    """When a studied card is next shown: its due date, pushed past a burial. ``None`` for new/suspended cards."""
    if progress.state == "new" or progress.suspended or progress.due is None:
        return None
    due = progress.due
    if progress.buried_until is not None and progress.buried_until > due:
        due = progress.buried_until
    return due


def forecast(
    card_ids: Iterable[str],
    progress: Mapping[str, CardProgress],
    now: datetime,
    *,
    days: int = 30,
    rollover_hour: int = 4,
    tz: tzinfo | None = None,
) -> list[int]:
    """Cards coming due on each of the next ``days`` study days; index 0 is today and includes overdue cards."""
    today = study_day(now, rollover_hour, tz)
    out = [0] * days
    for card_id in card_ids:
        p = progress.get(card_id)
        if p is None:
            continue
        due = due_at(p)
        if due is None:
            continue
        offset = max(0, (study_day(due, rollover_hour, tz) - today).days)
        if offset < days:
            out[offset] += 1
    return out


# ---------------------------------------------------------------------------------------------------------------
# Retention


@dataclass(frozen=True, slots=True)
class Retention:
    """True retention over the last ``days`` study days: review-card answers that were not Again."""

    days: int
    passed: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None


def true_retention(
    reviews: Iterable[ReviewRecord],
    now: datetime,
    days: int,
    *,
    rollover_hour: int = 4,
    tz: tzinfo | None = None,
) -> Retention:
    """Retention over the last ``days`` study days, today included. Only answers to review cards count
    (cards still in their first learning steps say nothing about memory over days)."""
    today = study_day(now, rollover_hour, tz)
    first = today - timedelta(days=days - 1)
    passed = total = 0
    for r in reviews:
        if r.state_before != "review":
            continue
        if not first <= study_day(r.reviewed_at, rollover_hour, tz) <= today:
            continue
        total += 1
        passed += r.rating != AGAIN
    return Retention(days, passed, total)


# ---------------------------------------------------------------------------------------------------------------
# Counts


@dataclass(frozen=True, slots=True)
class CardCounts:
    """Where a deck's cards stand. new, learning, young, mature and suspended add up to ``total``; ``leech``
    counts the cards flagged as leeches (which are also suspended unless the user unsuspended them)."""

    new: int = 0
    learning: int = 0
    young: int = 0
    mature: int = 0
    suspended: int = 0
    leech: int = 0

    @property
    def total(self) -> int:
        return self.new + self.learning + self.young + self.mature + self.suspended


def interval_days(progress: CardProgress) -> float:
    """The scheduled interval of a studied card, in days (0 when unknown)."""
    if progress.due is None or progress.last_review is None:
        return 0.0
    return max(0.0, (progress.due - progress.last_review).total_seconds() / 86400)


def card_counts(card_ids: Iterable[str], progress: Mapping[str, CardProgress]) -> CardCounts:
    new = learning = young = mature = suspended = leech = 0
    for card_id in card_ids:
        p = progress.get(card_id)
        if p is None:
            new += 1
            continue
        leech += p.leech
        if p.suspended:
            suspended += 1
        elif p.state == "new":
            new += 1
        elif p.state in ("learning", "relearning"):
            learning += 1
        elif interval_days(p) >= MATURE_DAYS:
            mature += 1
        else:
            young += 1
    return CardCounts(new, learning, young, mature, suspended, leech)


# ---------------------------------------------------------------------------------------------------------------
# Exam readiness


@dataclass(frozen=True, slots=True)
class ExamReadiness:
    exam_date: date
    #: Study days from today to the exam day (0: the exam is today; negative: it is over).
    days_left: int
    total: int
    #: Cards never answered.
    unseen: int
    #: Mean predicted recall on the exam morning over every card (never-seen cards count as 0).
    predicted: float
    #: The same over the cards already studied, or ``None`` when none is.
    predicted_seen: float | None
    #: New cards a day needed to see every card at least once by the day before the exam, or ``None`` if no
    #: day is left to do it.
    new_per_day_needed: int | None


def exam_moment(exam_date: date, tz: tzinfo | None = None) -> datetime:
    """The UTC instant of the exam: ``EXAM_TIME`` local time on the exam day."""
    naive = datetime.combine(exam_date, EXAM_TIME)
    local = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return local.astimezone(timezone.utc)


def exam_readiness(
    card_ids: Sequence[str],
    progress: Mapping[str, CardProgress],
    exam_date: date,
    now: datetime,
    *,
    rollover_hour: int = 4,
    tz: tzinfo | None = None,
) -> ExamReadiness:
    """How ready the deck is for its exam if nothing more were studied.

    The prediction is fsrs's retrievability of each card at the exam moment; suspended cards are still exam
    material and count too, and a card never seen counts as not recalled.
    """
    today = study_day(now, rollover_hour, tz)
    days_left = (exam_date - today).days
    at = exam_moment(exam_date, tz)
    total = len(card_ids)
    unseen = 0
    recall_sum = 0.0
    seen = 0
    for card_id in card_ids:
        p = progress.get(card_id)
        if p is None or p.state == "new":
            unseen += 1
            continue
        seen += 1
        recall_sum += retrievability(p, max(at, p.last_review or at))
    predicted = recall_sum / total if total else 0.0
    predicted_seen = recall_sum / seen if seen else None
    needed = math.ceil(unseen / days_left) if days_left > 0 else None
    return ExamReadiness(exam_date, days_left, total, unseen, predicted, predicted_seen, needed)


# ---------------------------------------------------------------------------------------------------------------
# Sections ranked by difficulty


@dataclass(frozen=True, slots=True)
class SectionDifficulty:
    note_key: str
    note_title: str
    section_id: str
    heading: str
    breadcrumb: str
    cards: int
    studied: int
    difficulty: float
    lapses: int
    reps: int
    #: The section's headings below the note's title (empty for the text before the first heading).
    path: tuple[str, ...] = ()

    @property
    def lapse_rate(self) -> float:
        return self.lapses / self.reps if self.reps else 0.0


@dataclass(frozen=True, slots=True)
class NoteDifficulty:
    note_key: str
    note_title: str
    sections: tuple[SectionDifficulty, ...]


def section_path(card: Card) -> tuple[str, ...]:
    """The card's headings below its note's title: what tells its section apart within the note."""
    path = tuple(card.context)
    if path and path[0] == card.note_title:
        path = path[1:]
    return path


def section_difficulty(
    cards: Iterable[Card], progress: Mapping[str, CardProgress], *, per_note: int | None = None
) -> list[NoteDifficulty]:
    """For each note (in first-card order), its sections with studied cards, hardest first.

    A section's difficulty is the mean fsrs difficulty (1 = easiest, 10 = hardest) of its studied cards; ties are
    broken by lapse rate (lapses per answer), then by file order. Notes with nothing studied are left out.
    """
    groups: dict[tuple[str, str], list[Card]] = defaultdict(list)
    order: dict[tuple[str, str], int] = {}
    note_titles: dict[str, str] = {}
    for card in cards:
        key = (card.note_key, card.section_id)
        order.setdefault(key, len(order))
        note_titles.setdefault(card.note_key, card.note_title)
        groups[key].append(card)
    by_note: dict[str, list[tuple[SectionDifficulty, int]]] = defaultdict(list)
    note_order: dict[str, int] = {}
    for key, members in groups.items():
        note_order.setdefault(key[0], order[key])
        studied = [progress[c.id] for c in members if c.id in progress and progress[c.id].state != "new"]
        difficulties = [p.difficulty for p in studied if p.difficulty is not None]
        if not difficulties:
            continue
        first = members[0]
        heading = first.context[-1] if first.context else first.note_title
        by_note[key[0]].append(
            (
                SectionDifficulty(
                    note_key=key[0],
                    note_title=first.note_title,
                    section_id=key[1],
                    heading=heading,
                    breadcrumb=first.breadcrumb,
                    cards=len(members),
                    studied=len(studied),
                    difficulty=sum(difficulties) / len(difficulties),
                    lapses=sum(p.lapses for p in studied),
                    reps=sum(p.reps for p in studied),
                    path=section_path(first),
                ),
                order[key],
            )
        )
    out: list[NoteDifficulty] = []
    for note_key in sorted(by_note, key=note_order.__getitem__):
        ranked = sorted(by_note[note_key], key=lambda t: (-round(t[0].difficulty, 6), -t[0].lapse_rate, t[1]))
        sections = tuple(s for s, _ in ranked)
        if per_note is not None:
            sections = sections[:per_note]
        out.append(NoteDifficulty(note_key, note_titles[note_key], sections))
    return out


# ---------------------------------------------------------------------------------------------------------------
# The end of a session


@dataclass(frozen=True, slots=True)
class WeakSection:
    note_key: str
    section_id: str
    note_title: str
    breadcrumb: str
    again: int
    hard: int
    answers: int
    #: The section's heading path (the note's title first).
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SessionSummary:
    #: Answers by rating (1 Again … 4 Easy); every rating is present.
    by_grade: Mapping[int, int]
    #: Time spent on the cards (the sum of answer durations), in seconds.
    time_on_cards: float
    #: Wall-clock time from the start of the session to its end.
    elapsed: timedelta
    #: Cards answered for the first time in this session.
    new_learnt: int
    #: Cards that became leeches in this session.
    leeches: tuple[str, ...]
    #: Sections with Again or Hard answers, the weakest first.
    weakest: tuple[WeakSection, ...] = ()
    #: Different cards answered.
    distinct_cards: int = 0

    @property
    def reviewed(self) -> int:
        return sum(self.by_grade.values())

    @property
    def correct_share(self) -> float | None:
        """Answers that were not Again, as a share of all answers (``None`` when there were none)."""
        total = self.reviewed
        return (total - self.by_grade.get(AGAIN, 0)) / total if total else None


def summarize_session(
    reviews: Sequence[ReviewRecord],
    cards: Mapping[str, Card],
    started: datetime,
    ended: datetime,
    *,
    leeches: Iterable[str] = (),
    weakest_limit: int = 5,
) -> SessionSummary:
    """What a session did: ``reviews`` are its answers still standing (undone ones removed), in order."""
    by_grade = {1: 0, 2: 0, 3: 0, 4: 0}
    new_cards: set[str] = set()
    seen: set[str] = set()
    again: Counter[tuple[str, str]] = Counter()
    hard: Counter[tuple[str, str]] = Counter()
    answers: Counter[tuple[str, str]] = Counter()
    first_card: dict[tuple[str, str], Card] = {}
    order: dict[tuple[str, str], int] = {}
    for r in reviews:
        by_grade[int(r.rating)] = by_grade.get(int(r.rating), 0) + 1
        seen.add(r.card_id)
        if r.state_before == "new":
            new_cards.add(r.card_id)
        card = cards.get(r.card_id)
        if card is None:
            continue
        key = (card.note_key, card.section_id)
        first_card.setdefault(key, card)
        order.setdefault(key, len(order))
        answers[key] += 1
        if r.rating == AGAIN:
            again[key] += 1
        elif r.rating == HARD:
            hard[key] += 1
    weak_keys = [k for k in answers if again[k] or hard[k]]
    weak_keys.sort(key=lambda k: (-again[k], -hard[k], order[k]))
    weakest = tuple(
        WeakSection(
            note_key=k[0],
            section_id=k[1],
            note_title=first_card[k].note_title,
            breadcrumb=first_card[k].breadcrumb,
            again=again[k],
            hard=hard[k],
            answers=answers[k],
            context=tuple(first_card[k].context),
        )
        for k in weak_keys[:weakest_limit]
    )
    leech_ids = tuple(dict.fromkeys(leeches))
    return SessionSummary(
        by_grade=by_grade,
        time_on_cards=sum(max(0.0, r.duration) for r in reviews),
        elapsed=max(timedelta(0), ended - started),
        new_learnt=len(new_cards),
        leeches=leech_ids,
        weakest=weakest,
        distinct_cards=len(seen),
    )


def next_due(
    card_ids: Iterable[str], progress: Mapping[str, CardProgress], now: datetime
) -> tuple[datetime, int] | None:
    """The next moment a studied card of ``card_ids`` comes due after ``now``, and how many come due then
    (within the same minute). ``None`` when no studied card is scheduled."""
    dues = [d for cid in card_ids if (p := progress.get(cid)) is not None and (d := due_at(p)) is not None]
    later = [d for d in dues if d > now]
    if not later:
        return None
    first = min(later)
    return first, sum(1 for d in later if d - first < timedelta(minutes=1))


__all__ = [
    "CardCounts",
    "ExamReadiness",
    "Heatmap",
    "MATURE_DAYS",
    "NoteDifficulty",
    "Retention",
    "SectionDifficulty",
    "SessionSummary",
    "WeakSection",
    "card_counts",
    "due_at",
    "exam_moment",
    "exam_readiness",
    "forecast",
    "heatmap",
    "next_due",
    "reviews_per_day",
    "section_difficulty",
    "shade_level",
    "streak",
    "study_day",
    "summarize_session",
    "true_retention",
]
