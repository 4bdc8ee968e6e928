"""The figures of the statistics screen for one deck (or every card), computed at once from the progress, the
review history and the mock-exam results (pure: the clock and the study day come in as arguments).

The single figures are in ``study_stats`` and ``exam``; this module puts them together for one set of cards.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from devday_tui.core.exam import TrendPoint, trend
from devday_tui.core.model import Card, DeckSettings
from devday_tui.core.scheduling import CardProgress, ReviewRecord
from devday_tui.core.study_stats import (
    CardCounts,
    ExamReadiness,
    Heatmap,
    NoteDifficulty,
    Retention,
    card_counts,
    exam_readiness,
    forecast,
    heatmap,
    section_difficulty,
    true_retention,
)

#: How many sections each note lists in "Hardest sections".
SECTIONS_PER_NOTE = 5


@dataclass(frozen=True, slots=True)
class Figures:
    """Everything the statistics screen shows of one deck (or of every card)."""

    title: str
    settings: DeckSettings
    cards: int
    heatmap: Heatmap
    forecast: list[int]
    retention: tuple[Retention, ...]
    counts: CardCounts
    readiness: ExamReadiness | None
    hardest: list[NoteDifficulty]
    #: Past mock-exam scores of the deck (of every deck for all cards), oldest first.
    exams: list[TrendPoint] = field(default_factory=list)
    #: The time zone the days were cut in (``None``: the machine's).
    tz: tzinfo | None = None


def compute_figures(
    title: str,
    cards: Sequence[Card],
    settings: DeckSettings,
    progress: Mapping[str, CardProgress],
    reviews: Sequence[ReviewRecord],
    now: datetime,
    *,
    rollover_hour: int = 4,
    tz: tzinfo | None = None,
    exams: Sequence[Mapping[str, Any]] = (),
    deck_key: str | None = None,
) -> Figures:
    """The figures of ``cards`` (their reviews only, out of ``reviews``) at ``now``, days cut at ``rollover_hour``
    in ``tz``; ``exams`` are the stored mock-exam results (those of ``deck_key``, or all for ``None``)."""
    ids = [c.id for c in cards]
    own = set(ids)
    mine = [r for r in reviews if r.card_id in own]
    return Figures(
        title=title,
        settings=settings,
        cards=len(ids),
        heatmap=heatmap(mine, now, rollover_hour=rollover_hour, tz=tz),
        forecast=forecast(ids, progress, now, rollover_hour=rollover_hour, tz=tz),
        retention=tuple(true_retention(mine, now, days, rollover_hour=rollover_hour, tz=tz) for days in (7, 30, 90)),
        counts=card_counts(ids, progress),
        readiness=exam_readiness(ids, progress, settings.exam_date, now, rollover_hour=rollover_hour, tz=tz)
        if settings.exam_date
        else None,
        hardest=hardest_first(section_difficulty(cards, progress, per_note=SECTIONS_PER_NOTE)),
        exams=trend(exams, deck_key),
        tz=tz,
    )


def hardest_first(notes: list[NoteDifficulty]) -> list[NoteDifficulty]:
    """Notes by their hardest section, hardest first (then by most lapses), not in file order."""

    def key(note: NoteDifficulty) -> tuple[float, int]:
        top = max(note.sections, key=lambda s: (s.difficulty, s.lapses), default=None)
        return (-(top.difficulty if top else 0.0), -(top.lapses if top else 0))

    return sorted(notes, key=key)
