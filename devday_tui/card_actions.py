"""What the card browser does with progress, without the screen: the facts of every card, bulk changes and
their undo, and one card's review history.

The store calls may run in a worker thread (the store is thread-safe); nothing here touches a widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Collection, Mapping, Sequence

from devday_tui.core.card_history import HistoryRow, history_rows
from devday_tui.core.card_table import COLUMN_KEYS, column_order, sort_rows
from devday_tui.core.cram import CramRequest, choose
from devday_tui.core.model import Card, Deck, DeckSettings, Note
from devday_tui.core.query import CardSource, Moment, Query
from devday_tui.core.queue import day_end, day_start
from devday_tui.progress_store import BrowserStore, BulkChange

#: The bulk actions, with the words a person reads after each.
ACTIONS: dict[str, str] = {
    "suspend": "Suspended",
    "unsuspend": "Unsuspended",
    "bury": "Buried until tomorrow",
    "reset": "Reset to new",
    "today": "Sent to today's review",
    "flag": "Flagged",
}


@dataclass(frozen=True, slots=True)
class Page:
    """The rows the table shows after a query and a sort, out of ``total`` cards."""

    rows: list[Card]
    total: int
    moment: Moment
    source: CardSource


def note_tags(deck: Deck | None, notes: Sequence[Note]) -> dict[str, tuple[str, ...]]:
    """Tags by note key: each note's own tags, and the deck's title and tags (so ``tag:`` finds a deck too)."""
    extra: tuple[str, ...] = ()
    if deck is not None:
        extra = (*deck.tags, deck.key)
    tags = {n.key: (*n.tags, *extra) for n in notes}
    if deck is not None:
        tags[f"deck:{deck.key}"] = extra
    return tags


class CardActions:
    """The browser's link to progress."""

    def __init__(self, store: BrowserStore) -> None:
        self.store = store

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def moment(self, now: datetime) -> Moment:
        return Moment(now, day_end(now, self.store.rollover_hour, self.store.tz))

    def source(self, cards: Sequence[Card], tags: Mapping[str, tuple[str, ...]]) -> CardSource:
        """Every card's progress, flag and personal note, read now (one copy of each mapping)."""
        return CardSource(self.store.all_progress(), self.store.flags(), self.store.annotations(), tags, cards)

    def index(self, source: CardSource, now: datetime) -> None:
        """Make the sort order of every column ahead of time (in a worker, after the table shows)."""
        moment = self.moment(now)
        for column in COLUMN_KEYS:
            if column != "where":
                column_order(column, source, moment)

    def page(
        self, cards: list[Card], source: CardSource, query: Query, column: str, descending: bool, now: datetime
    ) -> Page:
        moment = self.moment(now)
        chosen = query.filter(cards, source, moment)
        return Page(sort_rows(chosen, column, source, moment, descending=descending), len(cards), moment, source)

    def apply(self, action: str, card_ids: Sequence[str], now: datetime, *, flag: str = "") -> BulkChange:
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        until = day_end(now, self.store.rollover_hour, self.store.tz)
        return self.store.bulk(action, card_ids, now, until=until if action == "bury" else None, flag=flag)

    def undo(self, now: datetime) -> BulkChange | None:
        return self.store.undo_bulk(now)

    def cram(
        self,
        request: CramRequest,
        deck: Deck | None,
        cards: Sequence[Card],
        tags: Mapping[str, tuple[str, ...]],
        now: datetime,
        *,
        new_today: Collection[str] = (),
    ) -> list[Card]:
        """The cards of a cram session (see ``core.cram.choose``); ``new_today`` are the new cards today's study
        of the deck shows (the "new beyond today's limit" session takes others)."""
        rollover, tz = self.store.rollover_hour, self.store.tz
        reviews = self.store.reviews(since=day_start(now, rollover, tz)) if request.kind == "forgotten" else []
        exams = self.store.exams() if request.kind == "mock" else []
        return choose(
            request,
            cards,
            self.source(cards, tags),
            self.moment(now),
            reviews_today=reviews,
            new_today=new_today,
            exams=exams,
            deck_key=deck.key if deck is not None else None,
            exam_date=deck.settings.exam_date if deck is not None else None,
            rollover_hour=rollover,
            tz=tz,
        )

    def history(self, card_id: str, settings: DeckSettings | None = None) -> list[HistoryRow]:
        return history_rows(card_id, self.store.card_reviews(card_id))

    def refresh(self, source: CardSource) -> None:
        """Read progress and flags again after a change (the rows keep their place in the table)."""
        source.changed(self.store.all_progress(), self.store.flags())


def describe(change: BulkChange) -> str:
    n = len(change.card_ids)
    what = ACTIONS[change.action]
    if change.action == "flag":
        what = f"Flagged {change.flag}" if change.flag else "Flag removed from"
    return f"{what}: {n} card{'s' if n != 1 else ''}."
