"""Cram and custom study: choosing cards outside the daily limits, and the queue that shows them.

The kinds of session (``CRAM_KINDS``) are Anki's custom study: review ahead, the cards forgotten today, the
hardest cards, new cards beyond today's limit, the missed cards of the last mock exam, one tag / note / section,
any browser query, and before an exam the cards weakest at the exam date (lowest fsrs retrievability then).

A cram session changes no schedule unless asked to ("count these answers"): its queue, ``CramQueue``, shows
each chosen card once, in the order chosen, and a card answered Again comes back a few cards later. Nothing here
reads a clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Any, Collection, Iterable, Mapping, Sequence

from devday_tui.core.model import Card
from devday_tui.core.query import CardSource, Moment, QueryError, parse_query
from devday_tui.core.queue import QueueCounts, progress_with
from devday_tui.core.scheduling import CardProgress, ReviewRecord, local_day_start, retrievability

#: Kinds of cram session, with the words the setup screen shows.
CRAM_KINDS: dict[str, str] = {
    "these": "The cards chosen in the browser",
    "weakest": "The weakest cards at the exam date",
    "ahead": "Review ahead: cards due in the next days",
    "forgotten": "Cards I forgot today",
    "hardest": "The hardest cards",
    "new": "New cards beyond today's limit",
    "mock": "Missed cards of the last mock exam",
    "tag": "One tag",
    "note": "One note",
    "section": "One section (heading)",
    "query": "Any browser query",
}
#: What "hardest" ranks by.
HARDEST_BY = ("difficulty", "lapses")
#: How many cards later a card answered Again comes back.
AGAIN_GAP = 3
#: The most cards a session takes (a larger number is cut to it).
MAX_CARDS = 9999


class CramError(ValueError):
    """A cram request that cannot be met, with a message for the person."""


@dataclass(frozen=True, slots=True)
class CramRequest:
    kind: str
    #: Days ahead ("ahead") or how many cards ("hardest", "new", "weakest").
    number: int = 40
    #: The tag, note, section or query text.
    text: str = ""
    #: "difficulty" or "lapses" for "hardest".
    by: str = "difficulty"
    #: Whether the answers change the schedule.
    counts: bool = False

    def title(self, exam_date: date | None = None) -> str:
        k, n = self.kind, self.number
        if k == "weakest":
            when = f" at the exam ({exam_date.isoformat()})" if exam_date else ""
            return f"Cram: the {n} weakest cards{when}"
        if k == "ahead":
            return f"Cram: review ahead {n} day{'s' if n != 1 else ''}"
        if k == "forgotten":
            return "Cram: cards forgotten today"
        if k == "hardest":
            return f"Cram: the {n} hardest cards by {self.by}"
        if k == "new":
            return f"Cram: {n} more new card{'s' if n != 1 else ''}"
        if k == "mock":
            return "Cram: missed in the last mock exam"
        if k == "these":
            return "Cram: cards chosen in the browser"
        return f"Cram: {k} {self.text}" if k != "query" else f"Cram: {self.text}"


#: How many days before an exam the home screen offers to cram the weakest cards, and how many it offers.
OFFER_DAYS = 7
OFFER_CARDS = 40


@dataclass(frozen=True, slots=True)
class ExamOffer:
    deck_key: str
    days: int
    text: str


def exam_offer(decks: Iterable[Any], today: date) -> ExamOffer | None:
    """The offer for the deck whose exam comes first within ``OFFER_DAYS`` days (today included), if any:
    "Exam in 3 days: cram the 40 weakest cards"."""
    soon = [
        ((d.settings.exam_date - today).days, n, d)
        for n, d in enumerate(decks)
        if d.settings.exam_date is not None and d.cards
    ]
    soon = [t for t in soon if 0 <= t[0] <= OFFER_DAYS]
    if not soon:
        return None
    days, _, deck = min(soon, key=lambda t: (t[0], t[1]))
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    return ExamOffer(deck.key, days, f"Exam {when} ({deck.title}): cram the {OFFER_CARDS} weakest cards.")


def _live(p: CardProgress | None, now: datetime) -> bool:
    """Not held out of study: not suspended, not buried."""
    return p is None or not (p.suspended or p.is_buried(now))


def weakest(cards: Sequence[Card], progress: Mapping[str, CardProgress], at: datetime, n: int) -> list[Card]:
    """The ``n`` studied cards least likely to be recalled at ``at`` (fsrs retrievability), weakest first.
    Cards never studied have no memory to measure and are left out; so are suspended cards."""
    scored = []
    for order, card in enumerate(cards):
        p = progress.get(card.id)
        if p is None or p.state == "new" or p.suspended or p.stability is None:
            continue
        scored.append((retrievability(p, at), order, card))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [c for _, _, c in scored[:n]]


def exam_moment(exam_date: date, rollover_hour: int = 4, tz: Any = None) -> datetime:
    """When recall counts: the start of the exam day (the rollover hour, local time)."""
    return local_day_start(exam_date, rollover_hour, tz)


def last_mock_missed(exams: Sequence[Mapping[str, Any]], deck_key: str | None) -> list[str]:
    """Card ids not answered correctly in the latest mock exam of the deck (any deck when ``deck_key`` is None)."""
    mine = [e for e in exams if deck_key is None or e.get("deck") == deck_key]
    if not mine:
        return []
    latest = max(mine, key=lambda e: (str(e.get("when", e.get("at", ""))), str(e.get("id", ""))))
    out = []
    for entry in latest.get("cards", ()) or ():
        if isinstance(entry, Mapping) and not entry.get("correct") and entry.get("id"):
            out.append(str(entry["id"]))
    return out


def choose(
    request: CramRequest,
    cards: Sequence[Card],
    source: CardSource,
    moment: Moment,
    *,
    reviews_today: Iterable[ReviewRecord] = (),
    new_today: Collection[str] = (),
    exams: Sequence[Mapping[str, Any]] = (),
    deck_key: str | None = None,
    exam_date: date | None = None,
    rollover_hour: int = 4,
    tz: Any = None,
) -> list[Card]:
    """The cards of a cram session, in the order they will be shown. Raises ``CramError`` with a clear message
    when the request cannot be read (a bad number or query, no exam date)."""
    kind = request.kind
    if kind not in CRAM_KINDS:
        raise CramError(f"Unknown kind of session {kind!r}.")
    n = request.number
    if kind in ("ahead", "hardest", "new", "weakest") and not 1 <= n <= MAX_CARDS:
        what = "days" if kind == "ahead" else "cards"
        raise CramError(f"The number of {what} must be between 1 and {MAX_CARDS} (got {n}).")
    progress = source.progress
    now = moment.now
    live = [c for c in cards if _live(progress.get(c.id), now)]
    if kind == "these":
        return live
    if kind == "weakest":
        if exam_date is None:
            raise CramError("This deck has no exam_date: set one in the deck options (o on the home screen).")
        return weakest(live, progress, exam_moment(exam_date, rollover_hour, tz), n)
    if kind == "ahead":
        until = moment.day_end + timedelta(days=n)
        due = [
            (p.due, i, c)
            for i, c in enumerate(live)
            if (p := progress.get(c.id)) is not None and p.state != "new" and p.due is not None and p.due < until
        ]
        due.sort(key=lambda t: (t[0], t[1]))
        return [c for _, _, c in due]
    if kind == "forgotten":
        start = moment.day_end - timedelta(days=1)
        forgot = {r.card_id for r in reviews_today if r.rating == 1 and r.reviewed_at >= start}
        return [c for c in live if c.id in forgot]
    if kind == "hardest":
        if request.by not in HARDEST_BY:
            raise CramError(f"Hardest by {request.by!r}: choose difficulty or lapses.")
        scored = []
        for i, c in enumerate(live):
            p = progress.get(c.id)
            if p is None or p.state == "new":
                continue
            value = (p.difficulty or 0.0) if request.by == "difficulty" else float(p.lapses)
            scored.append((-value, i, c))
        scored.sort(key=lambda t: (t[0], t[1]))
        return [c for _, _, c in scored[:n]]
    if kind == "new":
        today = set(new_today)  # the new cards today's study shows already
        fresh = [
            c
            for c in live
            if c.id not in today and ((p := progress.get(c.id)) is None or (p.state == "new" and p.due is None))
        ]
        return fresh[:n]
    if kind == "mock":
        missed = last_mock_missed(exams, deck_key)
        if not missed:
            raise CramError("No mock exam of this deck with a missed question yet (x on the home screen).")
        index = {c.id: c for c in cards}
        return [index[cid] for cid in dict.fromkeys(missed) if cid in index and _live(progress.get(cid), now)]
    text = request.text.strip()
    if not text:
        raise CramError(f"Type the {kind if kind != 'query' else 'query'} to study.")
    query_text = text if kind == "query" else f'{kind}:"{text}"' if " " in text else f"{kind}:{text}"
    try:
        query = parse_query(query_text)
    except QueryError as exc:
        raise CramError(exc.message) from None
    return query.filter(live, source, moment)


# ---------------------------------------------------------------------------------------------------------------
# The queue of a cram session


@dataclass(frozen=True)
class CramQueue:
    """The cards of a cram session in order. Used by the study session in place of ``StudyQueue``: it answers
    the same questions (``next``, ``counts``…) and is replaced, never changed, after each answer."""

    cards: tuple[Card, ...]
    progress: Mapping[str, CardProgress]
    pending: tuple[str, ...]
    again: frozenset[str] = frozenset()
    reviews: tuple[ReviewRecord, ...] = ()
    _index: Mapping[str, Card] = field(default_factory=dict, repr=False, compare=False)
    _before: Mapping[str, tuple[tuple[str, ...], frozenset[str]]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, cards: Sequence[Card], progress: Mapping[str, CardProgress]) -> "CramQueue":
        unique = {c.id: c for c in cards}
        own = {cid: progress[cid] for cid in unique if cid in progress}
        return cls(tuple(unique.values()), MappingProxyType(own), tuple(unique), _index=MappingProxyType(unique))

    def with_cards(self, cards: Sequence[Card], progress: Mapping[str, CardProgress]) -> "CramQueue":
        """The same session after the notes were read again: cards that vanished leave, the rest keep their place."""
        unique = {c.id: c for c in cards}
        known = {c.id for c in self.cards}
        pending = tuple(cid for cid in self.pending if cid in unique)
        own = {cid: progress[cid] for cid in unique if cid in progress}
        kept = tuple(c for c in unique.values() if c.id in known)
        return replace(
            self,
            cards=kept,
            progress=MappingProxyType(own),
            pending=pending,
            _index=MappingProxyType({c.id: c for c in kept}),
        )

    def _ready(self, now: datetime) -> list[str]:
        return [cid for cid in self.pending if _live(self.progress.get(cid), now)]

    def next(self, now: datetime) -> Card | None:
        ready = self._ready(now)
        return self._index[ready[0]] if ready else None

    def next_wait(self, now: datetime) -> datetime | None:
        return None

    def upcoming(self, now: datetime, limit: int = 10) -> list[Card]:
        return [self._index[cid] for cid in self._ready(now)[:limit]]

    def is_done(self, now: datetime) -> bool:
        return self.next(now) is None

    def counts(self, now: datetime) -> QueueCounts:
        """(new, again, due): cards never studied, cards answered Again in this session, the others."""
        new = again = other = 0
        for cid in self._ready(now):
            p = self.progress.get(cid)
            if cid in self.again:
                again += 1
            elif p is None or p.state == "new":
                new += 1
            else:
                other += 1
        return QueueCounts(new=new, learning=again, due=other)

    def card(self, card_id: str) -> Card | None:
        return self._index.get(card_id)

    def with_progress(self, card_id: str, progress: CardProgress | None) -> "CramQueue":
        return replace(self, progress=progress_with(self.progress, card_id, progress))

    def answered(self, review: ReviewRecord, after: CardProgress | None) -> "CramQueue":
        """The queue after an answer: the card leaves, or comes back ``AGAIN_GAP`` cards later after Again."""
        cid = review.card_id
        rest = [c for c in self.pending if c != cid]
        again = set(self.again)
        if review.rating == 1:
            rest.insert(min(AGAIN_GAP, len(rest)), cid)
            again.add(cid)
        else:
            again.discard(cid)
        queue = self.with_progress(cid, after) if after is not None else self
        before = {**self._before, review.id: (self.pending, self.again)}
        return replace(
            queue,
            pending=tuple(rest),
            again=frozenset(again),
            reviews=(*self.reviews, review),
            _before=MappingProxyType(before),
        )

    def undone(self, review: ReviewRecord, restored: CardProgress | None) -> "CramQueue":
        queue = self.with_progress(review.card_id, restored)
        pending, again = self._before.get(review.id, (self.pending, self.again))
        before = {k: v for k, v in self._before.items() if k != review.id}
        return replace(
            queue,
            pending=pending,
            again=again,
            reviews=tuple(r for r in self.reviews if r.id != review.id),
            _before=MappingProxyType(before),
        )


__all__ = ["CRAM_KINDS", "CramError", "CramQueue", "CramRequest", "choose", "last_mock_missed", "weakest"]
