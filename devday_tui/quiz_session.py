"""A study session, without the screen: which card comes next, the answers given, and undo.

The store calls (``save_*``) may run in a worker thread: they only touch the store, which is thread-safe, and
return what happened. The ``apply_*`` methods then update the session itself and must run on the UI thread,
one at a time. So the session's state changes only after the store has the answer on disk.

Undo covers the session's own steps, newest first: an answer (undone in the store: the card gets its previous
state back and the review leaves the history), a suspension (the card is unsuspended) and a burial (the card's
previous burial is restored).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Literal, Sequence

from devday_tui.core.cram import CramQueue, CramRequest
from devday_tui.core.model import Card, DeckSettings
from devday_tui.core.queue import QueueCounts, StudyQueue, build_queue, day_end, day_start
from devday_tui.core.scheduling import GRADES, CardProgress, ReviewRecord
from devday_tui.core.study_stats import SessionSummary, next_due, summarize_session
from devday_tui.progress_store import Answer, StudyStore

__all__ = [
    "NO_LIMIT",
    "Answer",
    "QuizSession",
    "Step",
    "StepKind",
    "StudyPreferences",
    "Undone",
    "source_label",
    "study_queue",
]

StepKind = Literal["answer", "suspend", "bury"]
_GRADE_NAMES = {int(g.rating): g.label for g in GRADES}


def source_label(path: Path, line: int | str, roots: list[Path] | tuple[Path, ...] = ()) -> str:
    """``notes/file.md:12``: the path relative to the folder holding the notes folder, else to the home folder;
    ``line`` may cite several lines (a card's ``line_label``: ``notes/file.md:12, 40``)."""
    path = Path(path)
    for root in roots:
        base = Path(root).parent if Path(root).is_dir() or Path(root).suffix != ".md" else Path(root).parent
        try:
            return f"{path.relative_to(base)}:{line}"
        except ValueError:
            continue
    try:
        return f"~/{path.relative_to(Path.home())}:{line}"
    except ValueError:
        return f"{path}:{line}"


@dataclass
class StudyPreferences:
    """Choices made during study that the next sessions keep while the app runs."""

    #: The decks (by key; None for cards studied outside any deck) whose answers are typed.
    typed_decks: set[str | None] = field(default_factory=set)
    #: Whether the breadcrumb above the card shows.
    show_context: bool = True


#: A daily limit no study day reaches: "study now" (a section chosen in browse) ignores today's limits.
NO_LIMIT = 1_000_000


def study_queue(
    store: StudyStore,
    cards: Sequence[Card],
    settings: DeckSettings,
    now: datetime,
    *,
    bury_siblings: bool = True,
    limits: bool = True,
) -> StudyQueue:
    """The study queue of ``cards`` from the store's progress and today's reviews, with the store's study day
    (rollover hour and time zone). The one place a queue is built: the home counts and a session agree."""
    rollover = settings.rollover_hour  # the deck's study day (its rollover_hour option)
    tz = store.tz
    if not limits:
        settings = replace(settings, new_per_day=NO_LIMIT, reviews_per_day=NO_LIMIT)
    return build_queue(
        cards,
        store.all_progress(),
        store.reviews(since=day_start(now, rollover, tz)),
        now,
        settings,
        rollover_hour=rollover,
        tz=tz,
        bury_siblings=bury_siblings,
    )


@dataclass(frozen=True, slots=True)
class Step:
    """One thing done in the session, as undo sees it."""

    kind: StepKind
    card_id: str
    before: CardProgress | None
    after: CardProgress | None
    answer: Answer | None = None


@dataclass(frozen=True, slots=True)
class Undone:
    """What an undo restored."""

    step: Step
    progress: CardProgress | None

    @property
    def message(self) -> str:
        """ "Undid the last answer (Good).", "Undid the last suspension."."""
        step = self.step
        what = {"answer": "answer", "suspend": "suspension", "bury": "burial"}[step.kind]
        name = ""
        if step.kind == "answer" and step.answer is not None:
            name = f" ({_GRADE_NAMES.get(int(step.answer.review.rating), '')})"
        return f"Undid the last {what}{name}."


class QuizSession:
    """One study session over ``cards`` (in note order) with a deck's settings.

    With ``bury_siblings`` (a whole deck), only one new card of a section is introduced a day; a review of chosen
    sections turns it off, so every card of the section is shown.

    With ``cram`` the cards are shown in the order given, outside the daily limits (``CramQueue``), and unless
    ``cram.counts`` the answers are kept in the session only: no schedule changes and nothing is saved.
    """

    def __init__(
        self,
        store: StudyStore,
        cards: Sequence[Card],
        settings: DeckSettings,
        now: datetime,
        *,
        bury_siblings: bool = True,
        limits: bool = True,
        cram: CramRequest | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.bury_siblings = bury_siblings
        #: False for "study now": every card of the chosen sections, whatever today's limits say.
        self.limits = limits
        self.cram = cram
        self.started = now
        self.steps: list[Step] = []
        self.forced: str | None = None
        self.cards: list[Card] = []
        self.index: dict[str, Card] = {}
        self.queue: StudyQueue | CramQueue
        self.set_cards(cards, now)

    # -- reading --------------------------------------------------------------------------------------------------

    @property
    def rollover_hour(self) -> int:
        """When the deck's study day starts (its ``rollover_hour`` option)."""
        return self.settings.rollover_hour

    @property
    def tz(self) -> tzinfo | None:
        return self.store.tz

    def set_cards(self, cards: Sequence[Card], now: datetime) -> None:
        """Study these cards (again, after the notes were re-read): the queue is rebuilt from the store."""
        unique: dict[str, Card] = {}
        for card in cards:
            unique.setdefault(card.id, card)
        self.cards = list(unique.values())
        self.index = unique
        if self.cram is not None:
            queue = getattr(self, "queue", None)
            progress = self.store.all_progress()
            if isinstance(queue, CramQueue):
                self.queue = queue.with_cards(self.cards, progress)
            else:
                self.queue = CramQueue.build(self.cards, progress)
            if self.forced is not None and self.forced not in self.index:
                self.forced = None
            return
        self.queue = study_queue(
            self.store, self.cards, self.settings, now, bury_siblings=self.bury_siblings, limits=self.limits
        )
        if self.forced is not None and self.forced not in self.index:
            self.forced = None

    @property
    def answers(self) -> list[Answer]:
        """The session's answers still standing (undone ones removed), in order."""
        return [s.answer for s in self.steps if s.kind == "answer" and s.answer is not None]

    def next_card(self, now: datetime) -> Card | None:
        """The card to show at ``now``: the card just restored by an undo, else the queue's next."""
        if self.forced is not None:
            card = self.index.get(self.forced)
            progress = self.queue.progress.get(self.forced)
            if card is not None and not (progress is not None and (progress.suspended or progress.is_buried(now))):
                return card
            self.forced = None
        return self.queue.next(now)

    def next_wait(self, now: datetime) -> datetime | None:
        """When nothing is ready: the time the next learning card of today is due, else ``None``."""
        if self.forced is not None:
            return None
        return self.queue.next_wait(now)

    def waiting_card(self, now: datetime) -> Card | None:
        """The learning card ``next_wait`` is waiting for."""
        wait = self.next_wait(now)
        if wait is None:
            return None
        return self.queue.next(wait)

    def counts(self, now: datetime) -> QueueCounts:
        return self.queue.counts(now)

    def source(self, card: Card) -> str:
        """Which count the card comes from: "new", "learning" or "due"."""
        progress = self.queue.progress.get(card.id)
        if progress is None or progress.state == "new":
            return "new"
        if progress.state in ("learning", "relearning"):
            return "learning"
        return "due"

    def progress(self, card_id: str) -> CardProgress | None:
        return self.queue.progress.get(card_id)

    def done(self) -> int:
        return len(self.answers)

    def summary(self, now: datetime) -> SessionSummary:
        answers = self.answers
        return summarize_session(
            [a.review for a in answers],
            self.index,
            self.started,
            now,
            leeches=[a.review.card_id for a in answers if a.became_leech],
        )

    def next_due(self, now: datetime) -> tuple[datetime, int] | None:
        """When the next card of the session can be studied, and how many then: ``(now, what the queue still
        counts)`` while cards are ready (a session ended early), else the next due time."""
        if self.queue.next(now) is not None:
            return now, self.queue.counts(now).total
        return next_due(self.index, self.queue.progress, now)

    def new_left(self) -> int:
        """Cards of the session never studied (they come as new cards on later days)."""
        progress = self.queue.progress
        return sum(
            1 for cid in self.index if (p := progress.get(cid)) is None or (p.state == "new" and not p.suspended)
        )

    def preview(self, card_id: str, now: datetime) -> dict[int, timedelta]:
        """The interval each grade would give the card now (rating → time until it is due again)."""
        return {int(rating): delta for rating, delta in self.store.preview(card_id, now, self.settings).items()}

    def tomorrow(self, now: datetime) -> datetime:
        """The start of the next study day (where "bury" puts a card)."""
        return day_end(now, self.rollover_hour, self.tz)

    # -- store calls (any thread) ---------------------------------------------------------------------------------

    @property
    def counts_answers(self) -> bool:
        """Whether answers change the schedule (always, except in a cram session not asked to count them)."""
        return self.cram is None or self.cram.counts

    def prepare_saves(self, now: datetime) -> None:
        """Read ahead what the session's answers at ``now`` are saved to (on the writer thread, see ``saving``)."""
        if self.counts_answers:
            self.store.prepare_answers(now)

    def save_answer(self, card_id: str, rating: int, now: datetime, duration: float) -> Answer:
        if not self.counts_answers:
            return self._uncounted(card_id, rating, now, duration)
        return self.store.answer(card_id, rating, now, duration=duration, settings=self.settings)

    def _uncounted(self, card_id: str, rating: int, now: datetime, duration: float) -> Answer:
        """An answer of a cram session that does not count: kept in the session, the card's state unchanged."""
        if rating not in (1, 2, 3, 4):
            raise ValueError(f"rating must be 1-4, got {rating}")
        before = self.queue.progress.get(card_id)
        record = ReviewRecord(
            id=f"cram-{len(self.steps)}-{card_id}-{now.timestamp()}",
            card_id=card_id,
            rating=rating,
            reviewed_at=now,
            duration=float(duration),
            device_id="",
            state_before=before.state if before is not None else "new",
            desired_retention=self.settings.desired_retention,
        )
        return Answer(review=record, before=before, after=before or CardProgress(card_id), became_leech=False)

    def save_suspend(self, card_id: str, now: datetime) -> Step:
        before = self.store.progress(card_id)
        after = self.store.suspend(card_id, now)
        return Step("suspend", card_id, before, after)

    def save_bury(self, card_id: str, now: datetime) -> Step:
        before = self.store.progress(card_id)
        after = self.store.bury(card_id, self.tomorrow(now), now)
        return Step("bury", card_id, before, after)

    def save_undo(self, now: datetime) -> Undone | None:
        """Undo the session's latest step in the store; ``None`` when there is nothing to undo."""
        if not self.steps:
            return None
        step = self.steps[-1]
        if step.kind == "answer" and not self.counts_answers:
            return Undone(step, step.before)  # never saved: nothing to undo in the store
        if step.kind == "answer":
            assert step.answer is not None
            undone = self.store.undo(now)
            if undone is None or undone.id != step.answer.review.id:
                raise RuntimeError("The last answer could not be undone.")
        elif step.kind == "suspend":
            if step.before is None or not step.before.suspended:
                self.store.unsuspend(step.card_id, now)
        else:
            previous = step.before.buried_until if step.before is not None else None
            self.store.bury(step.card_id, previous, now)
        return Undone(step, self.store.progress(step.card_id))

    # -- session updates (UI thread) ----------------------------------------------------------------------------

    def apply_answer(self, answer: Answer) -> None:
        if any(r.id == answer.review.id for r in self.queue.reviews):
            # The queue was rebuilt from the store (notes re-read) after this answer was saved.
            self.queue = self.queue.with_progress(answer.review.card_id, answer.after)
        else:
            self.queue = self.queue.answered(answer.review, answer.after)
        self.steps.append(Step("answer", answer.review.card_id, answer.before, answer.after, answer))
        if self.forced == answer.review.card_id:
            self.forced = None

    def apply_step(self, step: Step) -> None:
        self.queue = self.queue.with_progress(step.card_id, step.after)
        self.steps.append(step)
        if self.forced == step.card_id:
            self.forced = None

    def apply_undo(self, undone: Undone) -> Card | None:
        """Take the step off the stack; the card it was about comes next. Returns that card."""
        step = undone.step
        if self.steps and self.steps[-1] is step:
            self.steps.pop()
        if step.kind == "answer" and step.answer is not None:
            self.queue = self.queue.undone(step.answer.review, undone.progress)
        else:
            self.queue = self.queue.with_progress(step.card_id, undone.progress)
        if step.card_id in self.index:
            self.forced = step.card_id
            return self.index[step.card_id]
        return None

    def force(self, card_id: str) -> None:
        """Show this card next (a learning card studied before its time)."""
        if card_id in self.index:
            self.forced = card_id
