"""The headline figures of a user's progress, as ``devday-tui stats`` prints them.

Pure: the review history, the card states and the clock come in as arguments. The finer figures (heatmap,
forecast, exam readiness, section difficulty) are in ``study_stats``; this module builds on it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, tzinfo
from typing import Any, Iterable, Mapping, Sequence

from devday_tui.core.queue import day_end, day_start, is_due
from devday_tui.core.scheduling import CardProgress, ReviewRecord
from devday_tui.core.study_stats import card_counts, reviews_per_day, streak, study_day, true_retention

#: Days over which ``ProgressSummary.retention`` is measured.
RETENTION_DAYS = 30


def due_now(card_ids: Iterable[str], progress: Mapping[str, CardProgress], now: datetime) -> int:
    """How many of the cards are due at ``now`` (learning steps included, new cards not)."""
    return sum(is_due(progress.get(cid), now) for cid in card_ids)


def due_today(
    card_ids: Iterable[str],
    progress: Mapping[str, CardProgress],
    now: datetime,
    *,
    rollover_hour: int = 4,
    tz: tzinfo | None = None,
) -> int:
    """How many of the cards come due before the current study day ends (overdue ones included)."""
    end = day_end(now, rollover_hour, tz)
    return sum(is_due(progress.get(cid), now, before=end) for cid in card_ids)


def reviews_today(
    reviews: Iterable[ReviewRecord], now: datetime, *, rollover_hour: int = 4, tz: tzinfo | None = None
) -> int:
    start, end = day_start(now, rollover_hour, tz), day_end(now, rollover_hour, tz)
    return sum(1 for r in reviews if start <= r.reviewed_at < end)


@dataclass(frozen=True, slots=True)
class ProgressSummary:
    cards: int
    new: int
    learning: int
    review: int
    young: int
    mature: int
    suspended: int
    leech: int
    due_now: int
    due_today: int
    reviews_today: int
    retention_days: int
    #: Share of answers to review cards that were not Again, over ``retention_days``; ``None`` without any.
    retention: float | None
    retention_passed: int
    retention_total: int
    #: Consecutive study days with a review, up to today (or yesterday while today is empty).
    streak: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def summarize(
    card_ids: Sequence[str],
    progress: Mapping[str, CardProgress],
    reviews: Sequence[ReviewRecord],
    now: datetime,
    *,
    rollover_hour: int = 4,
    tz: tzinfo | None = None,
    retention_days: int = RETENTION_DAYS,
) -> ProgressSummary:
    """Counts by state of ``card_ids``, cards due, and the review figures of ``reviews`` (all of the user's)."""
    counts = card_counts(card_ids, progress)
    retention = true_retention(reviews, now, retention_days, rollover_hour=rollover_hour, tz=tz)
    per_day = reviews_per_day(reviews, rollover_hour, tz)
    return ProgressSummary(
        cards=len(card_ids),
        new=counts.new,
        learning=counts.learning,
        review=counts.young + counts.mature,
        young=counts.young,
        mature=counts.mature,
        suspended=counts.suspended,
        leech=counts.leech,
        due_now=due_now(card_ids, progress, now),
        due_today=due_today(card_ids, progress, now, rollover_hour=rollover_hour, tz=tz),
        reviews_today=reviews_today(reviews, now, rollover_hour=rollover_hour, tz=tz),
        retention_days=retention_days,
        retention=retention.rate,
        retention_passed=retention.passed,
        retention_total=retention.total,
        streak=streak(per_day, study_day(now, rollover_hour, tz)),
    )


__all__ = ["ProgressSummary", "RETENTION_DAYS", "due_now", "due_today", "is_due", "reviews_today", "summarize"]
