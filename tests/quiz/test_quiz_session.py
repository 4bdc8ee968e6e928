"""The study session without the screen: the store calls and the session's own state."""

from __future__ import annotations

from datetime import timedelta

from devday_tui.library import load_library
from devday_tui.quiz_session import QuizSession
from devday_tui.store import Store
from tests.conftest import FIXED_NOW, SAMPLE_DECKS, SAMPLE_NOTES


def open_session(tmp_path):
    library = load_library([SAMPLE_NOTES, SAMPLE_DECKS], cache_dir=tmp_path / "cache")
    deck = library.decks[0]
    store = Store.open(tmp_path / "data", device_id="test")
    return store, deck, QuizSession(store, deck.cards, deck.settings, FIXED_NOW)


def test_an_answer_saved_while_the_notes_are_re_read_counts_once(tmp_path) -> None:
    store, deck, session = open_session(tmp_path)
    with store:
        card = session.next_card(FIXED_NOW)
        answer = session.save_answer(card.id, 3, FIXED_NOW, 4.0)
        session.set_cards(deck.cards, FIXED_NOW)  # the notes were re-read meanwhile: the queue comes from the store
        session.apply_answer(answer)
        assert [r.id for r in session.queue.reviews] == [answer.review.id]
        assert session.counts(FIXED_NOW).new == deck.settings.new_per_day - 1
        assert session.done() == 1


def test_undo_goes_back_step_by_step_and_brings_the_card_back(tmp_path) -> None:
    store, deck, session = open_session(tmp_path)
    with store:
        now = FIXED_NOW
        first = session.next_card(now)
        session.apply_answer(session.save_answer(first.id, 1, now, 5.0))
        now += timedelta(seconds=10)
        second = session.next_card(now)
        session.apply_step(session.save_suspend(second.id, now))
        now += timedelta(seconds=10)
        third = session.next_card(now)
        session.apply_step(session.save_bury(third.id, now))
        assert store.progress(third.id).buried_until == session.tomorrow(now)
        assert session.next_card(now).id not in {first.id, second.id, third.id}

        assert session.apply_undo(session.save_undo(now)).id == third.id
        assert store.progress(third.id).buried_until is None
        assert session.next_card(now).id == third.id
        assert session.apply_undo(session.save_undo(now)).id == second.id
        assert not store.progress(second.id).suspended
        assert session.apply_undo(session.save_undo(now)).id == first.id
        assert store.progress(first.id) is None and store.reviews() == []
        assert session.save_undo(now) is None
        summary = session.summary(now)
        assert summary.reviewed == 0


def test_the_source_of_a_card_taken_from_two_lines_cites_both(tmp_path) -> None:
    from pathlib import Path

    from devday_tui.quiz_session import source_label

    root = tmp_path / "notes"
    root.mkdir()
    note = root / "ebs.md"
    note.write_text("## Volumes\n- gp2: IOPS tied to size\n\n## Exam tips\n- gp2: burst to 3,000 IOPS\n")
    lib = load_library([root], use_cache=False, workers=0)
    (gp2,) = [c for c in lib.cards if c.front == "gp2"]
    assert source_label(gp2.path, gp2.line_label, [root]) == "notes/ebs.md:2, 5"
    assert source_label(Path(note), 7, [root]) == "notes/ebs.md:7"
