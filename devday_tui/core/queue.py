"""The study queue: which card to show next in a session, and how many are left.

Order, as in Anki:

1. learning and relearning cards whose (minutes-long) step is over, earliest first;
2. review cards due today, most overdue first, up to the deck's ``reviews_per_day`` minus the reviews already
   done today;
3. new cards in note order, up to ``new_per_day`` minus the new cards already started today.

"Today" starts at ``rollover_hour`` (4 am local by default). Suspended cards and cards buried until later are
skipped. With ``bury_siblings``, two cards of the same section are never both introduced as new on the same day.

With an ``exam_date``, scheduling brings every card that would come back after the exam forward to the day
before it (see ``scheduling.exam_cap``). On that last day and on the exam day, ``reviews_per_day`` does not hold
reviews back: the cards were brought forward to be seen before the exam, and a daily limit would leave some
unseen. New cards keep their limit.

``StudyQueue`` is immutable: ``answered`` and ``undone`` return a new queue, so a screen keeps one reference
and replaces it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone, tzinfo
from types import MappingProxyType
from typing import Mapping, NamedTuple, Sequence

from devday_tui.core.model import Card, DeckSettings
from devday_tui.core.scheduling import CardProgress, ReviewRecord, local_day_start


def day_start(now: datetime, rollover_hour: int = 4, tz: tzinfo | None = None) -> datetime:
    """The UTC instant the current study day began: the last ``rollover_hour`` o'clock in ``tz`` (default local)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    local = now.astimezone(tz) if tz is not None else now.astimezone()
    day = local.date()
    if local.hour < rollover_hour:
        day -= timedelta(days=1)
    return local_day_start(day, rollover_hour, tz)


def day_end(now: datetime, rollover_hour: int = 4, tz: tzinfo | None = None) -> datetime:
    """The UTC instant the current study day ends (the next day's start)."""
    start = day_start(now, rollover_hour, tz)
    local = start.astimezone(tz) if tz is not None else start.astimezone()
    return local_day_start(local.date() + timedelta(days=1), rollover_hour, tz)


def is_due(progress: CardProgress | None, now: datetime, *, before: datetime | None = None) -> bool:
    """The one definition of "due", for the study queue, the home screen and ``devday-tui due``.

    A card is due when it is not suspended, not buried at ``now``, has a due time, and is studied (learning,
    relearning, review) or new but brought forward to be studied (a missed mock-exam question); and that time
    has come at ``now`` (or, with ``before``, comes before that moment: "due today")."""
    if progress is None or progress.due is None or progress.suspended or progress.is_buried(now):
        return False
    return progress.due < before if before is not None else progress.due <= now


class QueueCounts(NamedTuple):
    """What is left in the session: new cards, learning cards (due today), reviews due."""

    new: int
    learning: int
    due: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.due


@dataclass(frozen=True, slots=True)
class _Today:
    """What a study day's plans share, kept from one answer to the next (each answer changes one card): the
    cards that may be shown that day, and what today's reviews have used of the daily limits."""

    start: datetime
    end: datetime
    #: Positions (in ``StudyQueue.cards``) of the cards that may be in a plan of the day: all but the suspended
    #: ones and the reviews due after the day. A long deck studied for weeks is mostly the latter.
    candidates: tuple[int, ...]
    new_done: int
    reviews_done: int
    sections_started: frozenset[str]


def _may_show(progress: CardProgress | None, end: datetime) -> bool:
    """Whether a card may be in a plan of the study day ending at ``end`` (the plan looks at it again)."""
    if progress is None:
        return True
    if progress.suspended:
        return False
    return not (progress.state == "review" and progress.due is not None and progress.due >= end)


@dataclass(frozen=True, slots=True)
class _Plan:
    start: datetime
    end: datetime
    learning_ready: tuple[Card, ...]
    learning_later: tuple[tuple[datetime, Card], ...]
    reviews: tuple[Card, ...]
    new: tuple[Card, ...]
    new_left: int
    reviews_left: int


def progress_with(
    progress: Mapping[str, CardProgress], card_id: str, new: CardProgress | None
) -> Mapping[str, CardProgress]:
    """A read-only copy of ``progress`` where ``card_id`` has ``new`` (no entry when ``new`` is None)."""
    updated = dict(progress)
    if new is None:
        updated.pop(card_id, None)
    else:
        updated[card_id] = new
    return MappingProxyType(updated)


@dataclass(frozen=True)
class StudyQueue:
    """One study session over a deck's cards. Build it with ``build_queue``."""

    cards: tuple[Card, ...]
    progress: Mapping[str, CardProgress]
    reviews: tuple[ReviewRecord, ...]
    settings: DeckSettings
    rollover_hour: int = 4
    tz: tzinfo | None = None
    bury_siblings: bool = True
    learn_ahead: timedelta = timedelta(0)
    _index: Mapping[str, Card] = field(default_factory=dict, repr=False, compare=False)
    #: Each card's position in ``cards``.
    _order: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)
    #: The study day last planned, carried to the queue after an answer (see ``_Today``).
    _today: _Today | None = field(default=None, repr=False, compare=False)

    # -- reading ---------------------------------------------------------------------------------------------

    def _plan(self, now: datetime) -> _Plan:
        # The plan for the last ``now`` asked about is kept (a screen asks ``next`` and ``counts`` for the same
        # moment). It is an attribute outside the fields, so ``replace`` never carries it to another queue.
        memo: tuple[datetime, _Plan] | None = self.__dict__.get("_memo")
        if memo is not None and memo[0] == now:
            return memo[1]
        plan = self._make_plan(now)
        object.__setattr__(self, "_memo", (now, plan))
        return plan

    def _today_for(self, start: datetime, end: datetime) -> _Today:
        today = self._today
        if today is not None and today.start == start and today.end == end:
            return today
        new_done = reviews_done = 0
        sections_started: set[str] = set()
        for record in self.reviews:
            if not (start <= record.reviewed_at < end):
                continue
            card = self._index.get(record.card_id)
            if card is None:
                continue
            if record.state_before == "new":
                new_done += 1
                sections_started.add(card.section_id)
            elif record.state_before == "review":
                reviews_done += 1
        progress = self.progress
        candidates = tuple(i for i, card in enumerate(self.cards) if _may_show(progress.get(card.id), end))
        today = _Today(start, end, candidates, new_done, reviews_done, frozenset(sections_started))
        object.__setattr__(self, "_today", today)
        return today

    def _today_after(self, card_id: str, progress: CardProgress | None, review: ReviewRecord | None) -> _Today | None:
        """The study day of this queue with ``card_id`` at ``progress`` and ``review`` (if any) counted."""
        today, order = self._today, self._order.get(card_id)
        if today is None or order is None:
            return today
        candidates = today.candidates
        if _may_show(progress, today.end) != (order in candidates):
            at = bisect_left(candidates, order)
            if at < len(candidates) and candidates[at] == order:
                candidates = candidates[:at] + candidates[at + 1 :]
            else:
                candidates = candidates[:at] + (order,) + candidates[at:]
        new_done, reviews_done, sections = today.new_done, today.reviews_done, today.sections_started
        if review is not None and today.start <= review.reviewed_at < today.end:
            if review.state_before == "new":
                new_done += 1
                sections = sections | {self.cards[order].section_id}
            elif review.state_before == "review":
                reviews_done += 1
        return replace(
            today, candidates=candidates, new_done=new_done, reviews_done=reviews_done, sections_started=sections
        )

    def _make_plan(self, now: datetime) -> _Plan:
        now = now.astimezone(timezone.utc)
        start = day_start(now, self.rollover_hour, self.tz)
        end = day_end(now, self.rollover_hour, self.tz)
        today = self._today_for(start, end)
        new_done, reviews_done, sections_started = today.new_done, today.reviews_done, today.sections_started
        learning_ready: list[tuple[datetime, int, Card]] = []
        learning_later: list[tuple[datetime, int, Card]] = []
        reviews: list[tuple[datetime, int, Card]] = []
        new: list[Card] = []
        new_sections: set[str] = set()
        ready_until = now + self.learn_ahead
        cards = self.cards
        for order in today.candidates:
            card = cards[order]
            progress = self.progress.get(card.id)
            if progress is not None and (progress.suspended or progress.is_buried(now)):
                continue
            if progress is None or progress.state == "new":
                if progress is not None and progress.due is not None and is_due(progress, now, before=end):
                    # A new card the user asked to study today (after a mock exam): shown with the reviews.
                    reviews.append((progress.due, order, card))
                    continue
                if self.bury_siblings:
                    if card.section_id in sections_started or card.section_id in new_sections:
                        continue
                    new_sections.add(card.section_id)
                new.append(card)
                continue
            due = progress.due
            assert due is not None
            if progress.state in ("learning", "relearning"):
                if due <= ready_until:
                    learning_ready.append((due, order, card))
                elif due < end:
                    learning_later.append((due, order, card))
            elif is_due(progress, now, before=end):
                reviews.append((due, order, card))
        learning_ready.sort(key=lambda t: (t[0], t[1]))
        learning_later.sort(key=lambda t: (t[0], t[1]))
        reviews.sort(key=lambda t: (t[0], t[1]))
        if self._exam_days(start):
            reviews_left = len(reviews)
        else:
            reviews_left = max(0, self.settings.reviews_per_day - reviews_done)
        return _Plan(
            start=start,
            end=end,
            learning_ready=tuple(c for _, _, c in learning_ready),
            learning_later=tuple((d, c) for d, _, c in learning_later),
            reviews=tuple(c for _, _, c in reviews),
            new=tuple(new),
            new_left=max(0, self.settings.new_per_day - new_done),
            reviews_left=reviews_left,
        )

    def _exam_days(self, start: datetime) -> bool:
        """Whether the study day beginning at ``start`` is the day before the deck's exam, or the exam day."""
        exam = self.settings.exam_date
        if exam is None:
            return False
        last = local_day_start(exam - timedelta(days=1), self.rollover_hour, self.tz)
        after = local_day_start(exam + timedelta(days=1), self.rollover_hour, self.tz)
        return last <= start < after

    def next(self, now: datetime) -> Card | None:
        """The card to show at ``now``, or ``None`` when nothing is ready (see ``next_wait``)."""
        plan = self._plan(now)
        if plan.learning_ready:
            return plan.learning_ready[0]
        if plan.reviews and plan.reviews_left:
            return plan.reviews[0]
        if plan.new and plan.new_left:
            return plan.new[0]
        return None

    def upcoming(self, now: datetime, limit: int = 10) -> list[Card]:
        """The next cards in the order they would be shown if answered right now (learning steps aside)."""
        plan = self._plan(now)
        out = [*plan.learning_ready, *plan.reviews[: plan.reviews_left], *plan.new[: plan.new_left]]
        return out[:limit]

    def counts(self, now: datetime) -> QueueCounts:
        """(new, learning, due) still to do today at ``now``."""
        plan = self._plan(now)
        return QueueCounts(
            new=min(plan.new_left, len(plan.new)),
            learning=len(plan.learning_ready) + len(plan.learning_later),
            due=min(plan.reviews_left, len(plan.reviews)),
        )

    def next_wait(self, now: datetime) -> datetime | None:
        """When nothing is ready now: the time the next learning card of today comes due, else ``None``."""
        plan = self._plan(now)
        if plan.learning_ready or (plan.reviews and plan.reviews_left) or (plan.new and plan.new_left):
            return None
        if plan.learning_later:
            return plan.learning_later[0][0]
        return None

    def is_done(self, now: datetime) -> bool:
        """Nothing left for today: nothing ready and nothing to wait for."""
        return self.next(now) is None and self.next_wait(now) is None

    def card(self, card_id: str) -> Card | None:
        return self._index.get(card_id)

    # -- changing ---------------------------------------------------------------------------------------------

    def with_progress(self, card_id: str, progress: CardProgress | None) -> "StudyQueue":
        """A queue where ``card_id`` has ``progress`` (after a suspend, unsuspend or bury)."""
        return replace(
            self,
            progress=progress_with(self.progress, card_id, progress),
            _today=self._today_after(card_id, progress, None),
        )

    def answered(self, review: ReviewRecord, after: CardProgress) -> "StudyQueue":
        """The queue after an answer: the card's new progress, and the review counted against today's limits."""
        return replace(
            self,
            progress=progress_with(self.progress, review.card_id, after),
            reviews=(*self.reviews, review),
            _today=self._today_after(review.card_id, after, review),
        )

    def undone(self, review: ReviewRecord, restored: CardProgress | None) -> "StudyQueue":
        """The queue after undoing ``review``: the card's restored progress and the review no longer counted
        (the study day is planned afresh)."""
        return replace(
            self,
            progress=progress_with(self.progress, review.card_id, restored),
            reviews=tuple(r for r in self.reviews if r.id != review.id),
            _today=None,
        )


def build_queue(
    cards: Sequence[Card],
    progress: Mapping[str, CardProgress],
    reviews_today: Sequence[ReviewRecord],
    now: datetime,
    settings: DeckSettings,
    *,
    rollover_hour: int = 4,
    tz: tzinfo | None = None,
    bury_siblings: bool = True,
    learn_ahead: timedelta = timedelta(0),
) -> StudyQueue:
    """A study queue for ``cards`` (in note order).

    ``progress`` may hold every card of the store; only these cards are used. ``reviews_today`` are the reviews
    already done (``store.reviews(since=day_start(now))``); reviews of other decks' cards are ignored, so each
    deck's limits count its own cards. ``now`` checks the arguments; the queue itself is read at any later time.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if settings.new_per_day < 0 or settings.reviews_per_day < 0:
        raise ValueError("daily limits must not be negative")
    unique: dict[str, Card] = {}
    for card in cards:
        unique.setdefault(card.id, card)
    ordered = tuple(unique.values())
    own_progress = {cid: progress[cid] for cid in unique if cid in progress}
    own_reviews = tuple(sorted((r for r in reviews_today if r.card_id in unique), key=lambda r: (r.reviewed_at, r.id)))
    return StudyQueue(
        cards=ordered,
        progress=MappingProxyType(own_progress),
        reviews=own_reviews,
        settings=settings,
        rollover_hour=rollover_hour,
        tz=tz,
        bury_siblings=bury_siblings,
        learn_ahead=learn_ahead,
        _index=MappingProxyType(unique),
        _order=MappingProxyType({cid: i for i, cid in enumerate(unique)}),
    )


__all__ = ["QueueCounts", "StudyQueue", "build_queue", "day_end", "day_start", "is_due", "progress_with"]
