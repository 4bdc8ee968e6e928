"""The typed interface between the progress store and everything that uses it, and the records that cross it.

``store.Store`` is the one implementation (mypy checks it, in ``store/store.py``); the session, the card browser's actions, the screens
and the note watcher see only these protocols, each the part it uses:

- ``ExamStore``: the mock exam (draws weak cards, keeps the result, records reviews, sends missed cards to review);
- ``StudyStore``: a study session (queues, grading, suspend, bury, undo);
- ``BrowserStore``: the card browser (every card's facts, bulk changes and their undo, one card's history);
- ``ProgressStore``: all of these, plus what the app itself does (notices, personal notes, reconcile, close).

This module imports the core only (no TinyDB, no Textual), so a screen can name the store's type without
loading the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any, Protocol

from devday_tui.core.model import Card, DeckSettings
from devday_tui.core.scheduling import CardEvent, CardProgress, Rating, ReviewRecord

__all__ = [
    "Answer",
    "BrowserStore",
    "BulkChange",
    "ExamStore",
    "Grading",
    "Orphan",
    "ProgressStore",
    "Reattachment",
    "Reconciliation",
    "StudyDay",
    "StudyStore",
]


# -- records ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    """What ``answer`` did: the saved review, the card's state before and after, and whether it just became a
    leech (and was suspended)."""

    review: ReviewRecord
    before: CardProgress | None
    after: CardProgress
    became_leech: bool


@dataclass(frozen=True, slots=True)
class BulkChange:
    """One bulk change as undo sees it. ``card_ids`` are the cards it changed (cards it would not change, like
    suspending a suspended card, are left out)."""

    action: str
    card_ids: tuple[str, ...]
    at: datetime
    flag: str = ""
    before: dict[str, CardProgress | None] = field(default_factory=dict)
    before_keys: dict[str, tuple[datetime, str] | None] = field(default_factory=dict)
    before_flags: dict[str, str] = field(default_factory=dict)
    events: tuple[CardEvent, ...] = ()
    shard: str = ""


@dataclass(frozen=True, slots=True)
class Reattachment:
    old_id: str
    new_id: str
    score: float


@dataclass(frozen=True, slots=True)
class Orphan:
    """History whose card is no longer in the notes. Nothing is deleted; it re-attaches if the card returns."""

    card_id: str
    progress: CardProgress
    front: str | None = None
    section_id: str | None = None
    note_title: str | None = None
    path: str | None = None
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "card_id": self.card_id,
            "front": self.front,
            "section_id": self.section_id,
            "note": self.note_title,
            "path": self.path,
            "line": self.line,
            "state": self.progress.state,
            "reps": self.progress.reps,
            "lapses": self.progress.lapses,
            "last_review": None if self.progress.last_review is None else self.progress.last_review.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Reconciliation:
    reattached: tuple[Reattachment, ...]
    orphans: tuple[Orphan, ...]
    saved: bool


# -- protocols ----------------------------------------------------------------------------------------------------


class StudyDay(Protocol):
    """When the store's study day starts: the hour of the rollover, in the time zone (``None``: the machine's)."""

    @property
    def rollover_hour(self) -> int: ...
    @property
    def tz(self) -> tzinfo | None: ...


class Grading(Protocol):
    """Reading one card's state and grading it (a study session, a counted mock exam)."""

    @property
    def read_only(self) -> bool: ...
    def progress(self, card_id: str) -> CardProgress | None: ...
    def answer(
        self, card_id: str, rating: int, now: datetime, *, duration: float, settings: DeckSettings
    ) -> Answer: ...


class ExamStore(Grading, Protocol):
    """What the mock exam's screens use."""

    def record_exam(self, result: Mapping[str, Any], now: datetime) -> str: ...
    def make_due(self, card_id: str, now: datetime) -> CardProgress: ...


class StudyStore(Grading, StudyDay, Protocol):
    """What a study session (``QuizSession``) uses."""

    def all_progress(self) -> dict[str, CardProgress]: ...
    def reviews(self, since: datetime | None = None) -> list[ReviewRecord]: ...
    def preview(self, card_id: str, now: datetime, settings: DeckSettings) -> dict[Rating, timedelta]: ...
    def suspend(self, card_id: str, now: datetime) -> CardProgress: ...
    def unsuspend(self, card_id: str, now: datetime) -> CardProgress: ...
    def bury(self, card_id: str, until: datetime | None, now: datetime | None = None) -> CardProgress: ...
    def undo(self, now: datetime) -> ReviewRecord | None: ...
    def prepare_answers(self, now: datetime) -> None: ...


class BrowserStore(StudyDay, Protocol):
    """What the card browser (``CardActions``) and the statistics use."""

    @property
    def read_only(self) -> bool: ...
    def all_progress(self) -> dict[str, CardProgress]: ...
    def reviews(self, since: datetime | None = None) -> list[ReviewRecord]: ...
    def card_reviews(self, card_id: str) -> list[ReviewRecord]: ...
    def annotations(self) -> dict[str, str]: ...
    def flags(self) -> dict[str, str]: ...
    def exams(self) -> list[dict[str, Any]]: ...
    def bulk(
        self, action: str, card_ids: Sequence[str], now: datetime, *, until: datetime | None = None, flag: str = ""
    ) -> BulkChange: ...
    def undo_bulk(self, now: datetime) -> BulkChange | None: ...


class ProgressStore(ExamStore, StudyStore, BrowserStore, Protocol):
    """Everything the app does with progress: the parts above, and the app's own calls."""

    @property
    def notices(self) -> Sequence[str]:
        """What needed attention on opening (damaged files kept aside, read-only mode), for the person."""
        ...

    def annotation(self, key: str) -> str | None: ...
    def set_annotation(self, key: str, text: str, now: datetime) -> None: ...
    def reconcile(self, cards: Sequence[Card], now: datetime) -> Reconciliation: ...
    def close(self) -> None: ...
