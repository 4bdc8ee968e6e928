"""Suspend and undo in the study screen when the store cannot write: the person is told, the card on screen and
the session stay as they were, nothing is half done, and the same key works once the disk is back."""

from __future__ import annotations

import errno

import pytest

from devday_tui.screens.quiz import QuizScreen
from tests.app.conftest import messages
from tests.quiz.conftest import wait_for, wait_loaded

DISK_FULL = OSError(errno.ENOSPC, "No space left on device")


def disk_full(*_args, **_kwargs):
    raise DISK_FULL


async def open_deck(pilot) -> QuizScreen:
    await wait_loaded(pilot)
    await pilot.press("enter")
    await wait_for(
        pilot, lambda: isinstance(pilot.app.screen, QuizScreen) and pilot.app.screen.state == "front", what="quiz"
    )
    return pilot.app.screen


async def press_and_wait_for_the_save(pilot, screen: QuizScreen, key: str) -> None:
    """Press ``key`` (a key that saves) and wait until the screen is showing a card again."""
    shown = len(messages(pilot.app))
    await pilot.press(key)
    await wait_for(
        pilot,
        lambda: screen.state in ("front", "back") and len(messages(pilot.app)) > shown,
        what=f"the save of {key!r} to finish",
    )


@pytest.mark.parametrize("side", ["front", "back"])
async def test_a_failed_suspend_says_so_and_keeps_the_card(make_quiz_app, monkeypatch, clock, side: str) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        if side == "back":
            await pilot.press("enter")
            await wait_for(pilot, lambda: screen.state == "back", what="the answer")
        card, counts = screen.card, screen.session.counts(clock())
        shown = len(messages(app))
        monkeypatch.setattr(app.store, "suspend", disk_full)
        await press_and_wait_for_the_save(pilot, screen, "s")
        assert messages(app)[shown:] == [f"Not saved: {DISK_FULL}"]
        assert screen.card is card and screen.state == side
        assert app.store.progress(card.id) is None
        assert screen.session.counts(clock()) == counts and screen.session.steps == []
        # Nothing was done, so there is nothing to undo: u is not offered and does nothing.
        assert not screen.check_action("undo", ())
        shown = len(messages(app))
        await pilot.press("u")
        await pilot.pause()
        assert messages(app)[shown:] == [] and screen.card is card and screen.state == side
        monkeypatch.undo()  # the disk has room again: the same key goes through
        await press_and_wait_for_the_save(pilot, screen, "s")
        assert messages(app)[-1] == "Suspended. u undoes it."
        assert app.store.progress(card.id).suspended
        assert screen.card is not card


async def test_a_failed_undo_of_an_answer_keeps_the_answer_and_the_card_on_screen(
    make_quiz_app, monkeypatch, clock
) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        first = screen.card
        await pilot.press("enter")  # the answer
        await wait_for(pilot, lambda: screen.state == "back", what="the answer")
        clock.advance(seconds=10)
        await pilot.press("3")
        await wait_for(pilot, lambda: screen.state == "front" and screen.card is not first, what="the next card")
        second, counts = screen.card, screen.session.counts(clock())
        answered = app.store.progress(first.id)
        assert [r.card_id for r in app.store.reviews()] == [first.id]

        monkeypatch.setattr(app.store, "undo", disk_full)
        shown = len(messages(app))
        await press_and_wait_for_the_save(pilot, screen, "u")
        assert messages(app)[shown:] == [f"Not saved: {DISK_FULL}"]
        assert screen.card is second and screen.state == "front"
        assert [r.card_id for r in app.store.reviews()] == [first.id]  # the answer is still saved
        assert app.store.progress(first.id) == answered
        assert screen.session.counts(clock()) == counts and len(screen.session.steps) == 1

        monkeypatch.undo()
        await press_and_wait_for_the_save(pilot, screen, "u")
        assert screen.card is first  # the undone card is asked again
        assert app.store.reviews() == []
        assert app.store.progress(first.id) is None
        assert screen.session.steps == []


async def test_a_failed_undo_of_a_suspend_leaves_the_card_suspended_until_it_works(
    make_quiz_app, monkeypatch, clock
) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        first = screen.card
        await press_and_wait_for_the_save(pilot, screen, "s")
        assert app.store.progress(first.id).suspended and screen.card is not first
        second = screen.card

        monkeypatch.setattr(app.store, "unsuspend", disk_full)
        shown = len(messages(app))
        await press_and_wait_for_the_save(pilot, screen, "u")
        assert messages(app)[shown:] == [f"Not saved: {DISK_FULL}"]
        assert screen.card is second and screen.state == "front"
        assert app.store.progress(first.id).suspended  # on disk and on screen, still suspended
        assert [step.kind for step in screen.session.steps] == ["suspend"]

        monkeypatch.undo()
        await press_and_wait_for_the_save(pilot, screen, "u")
        assert screen.card is first
        assert not app.store.progress(first.id).suspended
        assert screen.session.steps == []
