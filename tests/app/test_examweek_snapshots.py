"""Snapshots of the exam-week screens at 100×30 and 80×24: card browser, card detail, custom study, a cram
session and deck options."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.app.conftest import settle, wait_loaded
from tests.conftest import FIXED_NOW
from tests.waiting import wait_for

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((80, 24), id="80x24")]


@pytest.fixture(autouse=True)
def _utc_and_frozen_clock(monkeypatch, utc_local_time) -> None:
    from devday_tui.screens.quiz import QuizScreen

    monkeypatch.setattr(QuizScreen, "monotonic", staticmethod(lambda: 0.0))


async def until(pilot, test, what: str) -> None:
    await wait_for(pilot, test, what=what)


async def studied(pilot) -> None:
    """Some history: three cards answered over the last days, one lapsed, one flagged, one suspended."""
    await wait_loaded(pilot)
    app = pilot.app
    deck = app.library.decks[0]
    cards = [c for c in deck.cards if c.note_key != f"deck:{deck.key}"]
    store = app.store
    for n, card in enumerate(cards[:3]):
        start = FIXED_NOW - timedelta(days=12 - n)
        store.answer(card.id, 3, start, duration=5 + n, settings=deck.settings)
        store.answer(card.id, 3, start + timedelta(days=3), duration=4, settings=deck.settings)
    store.answer(cards[0].id, 1, FIXED_NOW - timedelta(hours=3), duration=12.5, settings=deck.settings)
    store.bulk("flag", [cards[1].id], FIXED_NOW, flag="red")
    store.bulk("suspend", [cards[3].id], FIXED_NOW)
    app.progress_changed()
    await home_shown(pilot)


async def home_shown(pilot) -> None:
    """The home screen has recounted and drawn its decks: a screen opened over it shows them behind."""
    from devday_tui.widgets.deck_table import DeckTable

    pilot.app.screen._refresh()
    table = pilot.app.screen.query_one(DeckTable)
    await until(pilot, lambda: table.row_count and table.display, "the decks")
    await settle(pilot, 0.5)


async def decks_behind(pilot) -> None:
    """A dialog is open over the home screen: wait until the decks behind it are drawn."""
    from devday_tui.widgets.deck_table import DeckTable

    home = pilot.app.screen_stack[-2]
    table = home.query_one(DeckTable)
    await until(pilot, lambda: table.row_count and table.display and table.size.height, "the decks behind")
    home.refresh()
    await settle(pilot, 0.5)


async def browser(pilot) -> None:
    await studied(pilot)
    await pilot.press("c")
    await until(pilot, lambda: getattr(pilot.app.screen, "page", None) is not None, "the browser")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_card_browser(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await browser(pilot)
        await pilot.press("space", "down")  # one card selected, the cursor on the next
        await settle(pilot, 0.5)

    assert snap_sample(size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_card_browser_bad_query(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await browser(pilot)
        await pilot.press("slash", *"prop:lapses>x", "enter", "escape")  # back to the table: no blinking cursor
        await settle(pilot, 0.3)

    assert snap_sample(size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_card_detail(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await browser(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "CardDetailScreen", "the detail")
        await until(pilot, lambda: pilot.app.screen.query_one("DataTable").row_count == 3, "the history")
        await settle(pilot, 0.5)

    assert snap_sample(size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_cram_setup(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await studied(pilot)
        await pilot.press("C")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "CramSetupScreen", "the setup")
        await pilot.press("down", "down", "down")  # hardest by difficulty
        # (each key recounts: wait for the count of the last one, not of a choice passed on the way)
        await until(pilot, lambda: _planned(pilot, "hardest"), "the count")
        await decks_behind(pilot)

    assert snap_sample(size, ready)


def _planned(pilot, kind: str, by: str = "difficulty") -> bool:
    """The setup's count is that of the choice ``kind`` (``by``), not of one passed on the way to it."""
    plan = getattr(pilot.app.screen, "plan", None)
    return plan is not None and plan.request.kind == kind and plan.request.by == by


@pytest.mark.parametrize("size", SIZES)
def test_cram_session(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await studied(pilot)
        await pilot.press("C", "down", "down", "down")
        await until(pilot, lambda: _planned(pilot, "hardest"), "the count")
        await pilot.press("enter")
        await until(pilot, lambda: getattr(pilot.app.screen, "state", None) == "front", "the first card")
        await settle(pilot, 0.5)

    assert snap_sample(size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_deck_options(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await wait_loaded(pilot)
        await home_shown(pilot)
        await pilot.press("o")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "DeckOptionsScreen", "the options")
        screen = pilot.app.screen
        screen.query_one("#opt-desired_retention").value = "0.5"
        await until(pilot, lambda: "0.70 and 0.99" in str(screen.query_one("#options-errors").render()), "the error")
        await decks_behind(pilot)

    assert snap_sample(size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_flag_picker(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await browser(pilot)
        await pilot.press("f")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "FlagPickerScreen", "the flag picker")
        await settle(pilot, 0.3)

    assert snap_sample(size, ready)
