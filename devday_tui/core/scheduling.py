"""Spaced-repetition scheduling on top of py-fsrs: card progress, grading, previews and replay.

The algorithm is fsrs's own (``fsrs.Scheduler.review_card``). This module adds what a study app needs around it:

* ``CardProgress``: one card's state, including the flags fsrs has no notion of (suspended, leech, buried) and
  the counters (reps, lapses). A card that was never answered has no fsrs state at all (``state == "new"``).
* Deterministic fuzz. fsrs draws its interval fuzz from the global ``random``; here the draw is seeded by the
  card id and the number of earlier reviews, so the interval a button shows, the interval the answer gets and the
  interval a replay of the history rebuilds are the same number.
* The exam date. With a deck ``exam_date``, no due date lands after the exam: a due that would fall after the
  start of the day before the exam is moved to that moment (see ``exam_cap``).
* Leeches: a card that lapses for the 8th time is marked as a leech and suspended (again at 12, 16, … lapses).

Nothing here reads a clock: every function takes ``now`` (UTC-aware).
"""

from __future__ import annotations

import hashlib
import math
import random
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any, Iterable, NamedTuple, Sequence

import fsrs
from fsrs.scheduler import FUZZ_RANGES

from devday_tui.core.model import DeckSettings

Rating = fsrs.Rating

#: Card states, as stored and shown. "new" means the card was never answered.
STATES: tuple[str, ...] = ("new", "learning", "review", "relearning")

_STATE_FROM_FSRS = {
    fsrs.State.Learning: "learning",
    fsrs.State.Review: "review",
    fsrs.State.Relearning: "relearning",
}
_STATE_TO_FSRS = {v: k for k, v in _STATE_FROM_FSRS.items()}

#: A card is a leech when it lapses this many times; it is flagged again every ``LEECH_LAPSES // 2`` lapses more.
LEECH_LAPSES = 8

#: Longest interval, in days (fsrs's default).
MAXIMUM_INTERVAL = 36500


class Grade(NamedTuple):
    rating: fsrs.Rating
    label: str
    key: str


#: The four answer buttons, in order, with their labels and keys.
GRADES: tuple[Grade, ...] = (
    Grade(fsrs.Rating.Again, "Again", "1"),
    Grade(fsrs.Rating.Hard, "Hard", "2"),
    Grade(fsrs.Rating.Good, "Good", "3"),
    Grade(fsrs.Rating.Easy, "Easy", "4"),
)


def fsrs_card_id(card_id: str) -> int:
    """A stable integer for fsrs's ``Card.card_id``, derived from our string id (fsrs's default sleeps)."""
    return int.from_bytes(hashlib.blake2b(card_id.encode("utf-8"), digest_size=6).digest(), "big")


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"datetime must be timezone-aware: {value!r}")
    return value.astimezone(timezone.utc)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(timezone.utc).isoformat()


def _parse_dt(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    parsed = datetime.fromisoformat(str(value))
    if parsed.tzinfo is None:
        raise ValueError(f"datetime without a time zone: {value!r}")
    return parsed.astimezone(timezone.utc)


# ---------------------------------------------------------------------------------------------------------------
# Records of what happened. They are plain data; the store persists them.


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One answer. The history of these is the source of truth; every card state can be rebuilt from it.

    ``state_before`` is the card's state when it was answered ("new" for a first review); the daily limits and
    the statistics count with it. ``desired_retention`` and ``due_cap`` are the scheduling parameters the answer
    was given with, so a replay rebuilds exactly what was shown even after the deck settings change.
    """

    id: str
    card_id: str
    rating: int
    reviewed_at: datetime
    duration: float
    device_id: str
    state_before: str = "new"
    desired_retention: float = 0.9
    due_cap: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "t": "review",
            "id": self.id,
            "card": self.card_id,
            "rating": int(self.rating),
            "at": _iso(self.reviewed_at),
            "dur": round(float(self.duration), 3),
            "dev": self.device_id,
            "before": self.state_before,
            "ret": self.desired_retention,
        }
        if self.due_cap is not None:
            data["cap"] = _iso(self.due_cap)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ReviewRecord":
        rating = int(data["rating"])
        if rating not in (1, 2, 3, 4):
            raise ValueError(f"rating {rating} is not 1-4")
        before = str(data.get("before", "new"))
        if before not in STATES:
            raise ValueError(f"unknown state {before!r}")
        reviewed_at = _parse_dt(data["at"])
        assert reviewed_at is not None
        return cls(
            id=str(data["id"]),
            card_id=str(data["card"]),
            rating=rating,
            reviewed_at=reviewed_at,
            duration=float(data.get("dur", 0.0)),
            device_id=str(data.get("dev", "")),
            state_before=before,
            desired_retention=float(data.get("ret", 0.9)),
            due_cap=_parse_dt(data.get("cap")),
        )


#: Kinds of ``CardEvent``.
EVENT_KINDS: tuple[str, ...] = ("suspend", "unsuspend", "bury", "due", "reset")


@dataclass(frozen=True, slots=True)
class CardEvent:
    """A change to a card that is not an answer: suspending, unsuspending, burying until a time, making it
    due now, or resetting it to new."""

    id: str
    card_id: str
    kind: str
    at: datetime
    device_id: str
    until: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "t": self.kind,
            "id": self.id,
            "card": self.card_id,
            "at": _iso(self.at),
            "dev": self.device_id,
        }
        if self.until is not None:
            data["until"] = _iso(self.until)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "CardEvent":
        kind = str(data["t"])
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown event {kind!r}")
        at = _parse_dt(data["at"])
        assert at is not None
        return cls(str(data["id"]), str(data["card"]), kind, at, str(data.get("dev", "")), _parse_dt(data.get("until")))


# ---------------------------------------------------------------------------------------------------------------
# Card progress


@dataclass(frozen=True, slots=True)
class CardProgress:
    """Where one card stands. ``due`` and ``last_review`` are UTC; both are ``None`` for a new card."""

    card_id: str
    state: str = "new"
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    leech: bool = False
    buried_until: datetime | None = None

    def __post_init__(self) -> None:
        if self.state not in STATES:
            raise ValueError(f"unknown card state {self.state!r}")

    @property
    def is_new(self) -> bool:
        return self.state == "new"

    def is_buried(self, now: datetime) -> bool:
        return self.buried_until is not None and self.buried_until > now

    def to_fsrs(self) -> fsrs.Card:
        """The fsrs card for this progress. A new card becomes a fresh fsrs card (Learning, step 0)."""
        if self.state == "new":
            due = self.due or datetime(1970, 1, 1, tzinfo=timezone.utc)
            return fsrs.Card(card_id=fsrs_card_id(self.card_id), due=due)
        assert self.due is not None
        return fsrs.Card(
            card_id=fsrs_card_id(self.card_id),
            state=_STATE_TO_FSRS[self.state],
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    @classmethod
    def from_fsrs(
        cls,
        card_id: str,
        card: fsrs.Card,
        *,
        reps: int,
        lapses: int,
        suspended: bool = False,
        leech: bool = False,
        buried_until: datetime | None = None,
    ) -> "CardProgress":
        return cls(
            card_id=card_id,
            state=_STATE_FROM_FSRS[fsrs.State(card.state)],
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=_utc(card.due),
            last_review=None if card.last_review is None else _utc(card.last_review),
            reps=reps,
            lapses=lapses,
            suspended=suspended,
            leech=leech,
            buried_until=buried_until,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "card": self.card_id,
            "state": self.state,
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": _iso(self.due),
            "last_review": _iso(self.last_review),
            "reps": self.reps,
            "lapses": self.lapses,
            "suspended": self.suspended,
            "leech": self.leech,
            "buried_until": _iso(self.buried_until),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "CardProgress":
        def opt_float(key: str) -> float | None:
            value = data.get(key)
            return None if value is None else float(value)

        step = data.get("step")
        return cls(
            card_id=str(data["card"]),
            state=str(data.get("state", "new")),
            step=None if step is None else int(step),
            stability=opt_float("stability"),
            difficulty=opt_float("difficulty"),
            due=_parse_dt(data.get("due")),
            last_review=_parse_dt(data.get("last_review")),
            reps=int(data.get("reps", 0)),
            lapses=int(data.get("lapses", 0)),
            suspended=bool(data.get("suspended", False)),
            leech=bool(data.get("leech", False)),
            buried_until=_parse_dt(data.get("buried_until")),
        )


# ---------------------------------------------------------------------------------------------------------------
# Schedulers and fuzz


def _check_retention(desired_retention: float) -> float:
    value = float(desired_retention)
    if not (0.0 < value < 1.0) or math.isnan(value):
        raise ValueError(f"desired_retention must be between 0 and 1 (exclusive), got {desired_retention!r}")
    return value


@lru_cache(maxsize=32)
def _scheduler(desired_retention: float, fuzz: bool) -> fsrs.Scheduler:
    return fsrs.Scheduler(desired_retention=desired_retention, maximum_interval=MAXIMUM_INTERVAL, enable_fuzzing=fuzz)


def make_scheduler(settings: DeckSettings, *, fuzz: bool = True) -> fsrs.Scheduler:
    """An fsrs scheduler with the deck's desired retention.

    Note that ``review`` does not use fsrs's own fuzz (it draws from the global ``random``); it applies the same
    fuzz ranges with a seeded draw instead. This scheduler is for callers that want fsrs as is.
    """
    return fsrs.Scheduler(
        desired_retention=_check_retention(settings.desired_retention),
        maximum_interval=MAXIMUM_INTERVAL,
        enable_fuzzing=fuzz,
    )


def _fuzz_draw(card_id: str, reps: int) -> float:
    digest = hashlib.blake2b(f"{card_id}\x00{reps}".encode("utf-8"), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big")).random()


def fuzzed_days(interval_days: int, draw: float, maximum_interval: int = MAXIMUM_INTERVAL) -> int:
    """fsrs's fuzz (same ranges, same rounding), with the random draw ``0 <= draw < 1`` given."""
    if interval_days < 2.5:
        return interval_days
    delta = 1.0
    for fuzz_range in FUZZ_RANGES:
        delta += fuzz_range["factor"] * max(min(float(interval_days), fuzz_range["end"]) - fuzz_range["start"], 0.0)
    min_ivl = max(2, round(interval_days - delta))
    max_ivl = min(round(interval_days + delta), maximum_interval)
    min_ivl = min(min_ivl, max_ivl)
    return min(round(draw * (max_ivl - min_ivl + 1) + min_ivl), maximum_interval)


# ---------------------------------------------------------------------------------------------------------------
# Days and the exam date


def local_day_start(day: date, rollover_hour: int = 4, tz: tzinfo | None = None) -> datetime:
    """The UTC instant a study day begins: ``rollover_hour`` o'clock on ``day`` in ``tz`` (default: local time)."""
    if not 0 <= rollover_hour <= 23:
        raise ValueError(f"rollover hour must be 0-23, got {rollover_hour}")
    naive = datetime.combine(day, time(rollover_hour))
    local = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return local.astimezone(timezone.utc)


def exam_cap(
    exam_date: date | None, now: datetime, *, rollover_hour: int = 4, tz: tzinfo | None = None
) -> datetime | None:
    """The latest due date allowed before an exam, or ``None`` when there is none to enforce.

    The cap is the start of the study day before the exam (``rollover_hour`` local time, 4 am by default): every
    card whose interval would run past it is due then instead, so it is seen the day before the exam at the latest.
    From that moment on (the last day, the exam day, and after) no cap applies: the card was just seen, and
    fsrs's own interval is kept.
    """
    if exam_date is None:
        return None
    cap = local_day_start(exam_date - timedelta(days=1), rollover_hour, tz)
    return cap if cap > _utc(now) else None


# ---------------------------------------------------------------------------------------------------------------
# Reviewing


def apply_review(
    progress: CardProgress | None,
    card_id: str,
    rating: int,
    now: datetime,
    *,
    desired_retention: float = 0.9,
    due_cap: datetime | None = None,
    fuzz: bool = True,
    fuzz_key: str | None = None,
) -> CardProgress:
    """The card's progress after answering ``rating`` at ``now``, with explicit scheduling parameters.

    The fuzz draw is seeded by ``fuzz_key`` (default: ``card_id``) and the number of earlier reviews. A replay
    passes the id the card had when it was answered, so history that moved to a new id replays the same.
    """
    now = _utc(now)
    grade = fsrs.Rating(int(rating))
    retention = _check_retention(desired_retention)
    if progress is None:
        progress = CardProgress(card_id)
    before = progress
    if before.state == "new":
        card = fsrs.Card(card_id=fsrs_card_id(card_id), due=now)
    else:
        card = before.to_fsrs()
    after, _log = _scheduler(retention, False).review_card(card, grade, now)
    if fuzz and after.state == fsrs.State.Review:
        interval = after.due - now
        days = fuzzed_days(interval.days, _fuzz_draw(fuzz_key or card_id, before.reps))
        after.due = now + timedelta(days=days)
    if due_cap is not None and after.due > due_cap > now:
        after.due = due_cap
    lapses = before.lapses + (1 if before.state == "review" and grade == fsrs.Rating.Again else 0)
    leech, suspended = before.leech, before.suspended
    if lapses != before.lapses and is_leech_lapse(lapses):
        leech, suspended = True, True
    return CardProgress.from_fsrs(
        card_id,
        after,
        reps=before.reps + 1,
        lapses=lapses,
        suspended=suspended,
        leech=leech,
        buried_until=before.buried_until,
    )


def is_leech_lapse(lapses: int) -> bool:
    """Whether reaching ``lapses`` lapses flags the card as a leech (8, then every 4 more)."""
    return lapses >= LEECH_LAPSES and (lapses - LEECH_LAPSES) % max(1, LEECH_LAPSES // 2) == 0


def review(
    progress: CardProgress | None,
    card_id: str,
    rating: int,
    now: datetime,
    settings: DeckSettings,
    *,
    rollover_hour: int = 4,
    tz: tzinfo | None = None,
) -> CardProgress:
    """Answer a card: its progress after ``rating`` at ``now`` under the deck's settings (retention, exam date)."""
    return apply_review(
        progress,
        card_id,
        rating,
        now,
        desired_retention=settings.desired_retention,
        due_cap=exam_cap(settings.exam_date, now, rollover_hour=rollover_hour, tz=tz),
    )


def preview(
    progress: CardProgress | None,
    card_id: str,
    now: datetime,
    settings: DeckSettings,
    *,
    rollover_hour: int = 4,
    tz: tzinfo | None = None,
) -> dict[fsrs.Rating, timedelta]:
    """For each grade, how long until the card would be due again if answered so at ``now``."""
    now = _utc(now)
    cap = exam_cap(settings.exam_date, now, rollover_hour=rollover_hour, tz=tz)
    out: dict[fsrs.Rating, timedelta] = {}
    for grade in GRADES:
        after = apply_review(
            progress, card_id, grade.rating, now, desired_retention=settings.desired_retention, due_cap=cap
        )
        assert after.due is not None
        out[grade.rating] = after.due - now
    return out


def apply_event(progress: CardProgress | None, event: CardEvent) -> CardProgress:
    """The card's progress after a suspend / unsuspend / bury / due / reset event."""
    if progress is None:
        progress = CardProgress(event.card_id)
    if event.kind == "suspend":
        return replace(progress, suspended=True)
    if event.kind == "unsuspend":
        return replace(progress, suspended=False)
    if event.kind == "bury":
        return replace(progress, buried_until=event.until)
    if event.kind == "due":  # "study this today": due now, whatever fsrs had planned
        return replace(progress, due=event.at, buried_until=None, suspended=False)
    if event.kind == "reset":  # "forget": new again, counts and leech mark cleared; a suspension or burial stays
        return CardProgress(progress.card_id, suspended=progress.suspended, buried_until=progress.buried_until)
    raise ValueError(f"unknown event {event.kind!r}")


def history_key(item: ReviewRecord | CardEvent) -> tuple[datetime, str]:
    """The order of a card's history: by time, ties broken by the globally unique id."""
    return (item.reviewed_at if isinstance(item, ReviewRecord) else item.at, item.id)


def apply_record(progress: CardProgress | None, card_id: str, record: ReviewRecord) -> CardProgress:
    """``progress`` after the stored review ``record``, scheduled with the settings it was given under."""
    return apply_review(
        progress,
        card_id,
        record.rating,
        record.reviewed_at,
        desired_retention=record.desired_retention,
        due_cap=record.due_cap,
        fuzz_key=record.card_id,
    )


def replay_onto(
    progress: CardProgress | None,
    card_id: str,
    items: Iterable[ReviewRecord | CardEvent],
) -> CardProgress | None:
    """Apply reviews and events, already in time order, on top of ``progress``."""
    for item in items:
        if isinstance(item, ReviewRecord):
            progress = apply_record(progress, card_id, item)
        else:
            progress = apply_event(progress, item)
    return progress


def replay(
    card_id: str,
    reviews: Sequence[ReviewRecord],
    settings: DeckSettings | None = None,
    *,
    events: Sequence[CardEvent] = (),
) -> CardProgress:
    """Rebuild a card's progress from its history, in time order. Deterministic.

    Each review is replayed with the retention and exam cap it was answered with (kept in the record), so the
    result is exactly the state the app showed. ``settings`` is not needed for records made by this app; it is
    accepted for symmetry with ``review``.
    """
    items: list[ReviewRecord | CardEvent] = [*reviews, *events]
    items.sort(key=history_key)
    result = replay_onto(None, card_id, items)
    return result if result is not None else CardProgress(card_id)


def retrievability(progress: CardProgress | None, at: datetime) -> float:
    """fsrs's predicted probability of recalling the card at ``at`` (0.0 for a card never answered)."""
    if progress is None or progress.state == "new" or progress.stability is None:
        return 0.0
    return float(_scheduler(0.9, False).get_card_retrievability(progress.to_fsrs(), _utc(at)))


__all__ = [
    "GRADES",
    "Grade",
    "LEECH_LAPSES",
    "Rating",
    "STATES",
    "CardEvent",
    "CardProgress",
    "ReviewRecord",
    "apply_event",
    "apply_record",
    "apply_review",
    "exam_cap",
    "fsrs_card_id",
    "fuzzed_days",
    "history_key",
    "is_leech_lapse",
    "local_day_start",
    "make_scheduler",
    "preview",
    "replay",
    "replay_onto",
    "retrievability",
    "review",
]
