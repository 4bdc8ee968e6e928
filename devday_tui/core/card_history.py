"""One card's review history as the card detail shows it: when, which grade, the interval it gave, time taken."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Sequence

from devday_tui.core.scheduling import GRADES, CardProgress, ReviewRecord, apply_record

_GRADE_NAMES = {int(g.rating): g.label for g in GRADES}


@dataclass(frozen=True, slots=True)
class HistoryRow:
    at: datetime
    rating: int
    grade: str
    state_before: str
    interval: timedelta | None
    duration: float
    device: str


def history_rows(card_id: str, reviews: Sequence[ReviewRecord]) -> list[HistoryRow]:
    """Each answer of the card, oldest first, with the interval it was given (replayed as the store does: the
    retention and exam cap the answer was given with)."""
    progress: CardProgress | None = None
    out: list[HistoryRow] = []
    for record in sorted(reviews, key=lambda r: (r.reviewed_at, r.id)):
        if record.state_before == "new":
            progress = None  # the first answer, or the first after the card was reset to new
        progress = apply_record(progress, card_id, record)
        interval = progress.due - record.reviewed_at if progress.due is not None else None
        out.append(
            HistoryRow(
                record.reviewed_at,
                record.rating,
                _GRADE_NAMES.get(record.rating, "?"),
                record.state_before,
                interval,
                record.duration,
                record.device_id,
            )
        )
    return out
