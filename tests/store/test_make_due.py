"""Sending a card to today's reviews (after a missed mock-exam question)."""

from __future__ import annotations

from pathlib import Path

from devday_tui.core.queue import build_queue
from devday_tui.store import Store
from tests.store.helpers import T0, UTC, at, cards, settings


def _open(path: Path) -> Store:
    return Store.open(path, device_id="laptop", now=T0, tz=UTC)


def test_make_due_brings_a_review_card_and_a_new_card_into_today(data_dir: Path) -> None:
    deck = cards(4)
    no_new = settings(new_per_day=0)
    with _open(data_dir) as store:
        store.answer(deck[0].id, 4, T0, duration=2, settings=no_new)  # Easy: due days later
        assert store.progress(deck[0].id).due > at(days=2)
        queue = build_queue(deck, store.all_progress(), store.reviews(), at(5), no_new)
        assert queue.next(at(5)) is None

        store.make_due(deck[0].id, at(5))
        store.make_due(deck[2].id, at(6))  # never studied, and no new cards allowed today
        store.suspend(deck[3].id, at(6))
        store.make_due(deck[3].id, at(7))  # a suspended card is brought back too
        progress = store.all_progress()
        assert progress[deck[0].id].due == at(5)
        assert progress[deck[2].id].state == "new" and progress[deck[2].id].due == at(6)
        assert not progress[deck[3].id].suspended
        queue = build_queue(deck, progress, store.reviews(), at(8), no_new)
        assert [queue.next(at(8)).id] == [deck[0].id]
        assert queue.counts(at(8)).due == 3
        shown = []
        now = at(8)
        while (card := queue.next(now)) is not None and len(shown) < 10:
            answer = store.answer(card.id, 3, now, duration=1, settings=no_new)
            queue = queue.answered(answer.review, answer.after)
            shown.append(card.id)
        assert set(shown[:3]) == {deck[0].id, deck[2].id, deck[3].id}
        expected = store.all_progress()

    with _open(data_dir) as store:  # the events replay to the same state
        assert store.all_progress() == expected
