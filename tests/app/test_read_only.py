"""A second devday-tui on the same progress opens read-only, says so, and never writes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from devday_tui.store import Store
from devday_tui.widgets.card_list import CardList
from tests.app.conftest import messages, settle, wait_for, wait_loaded, wait_section_shown
from tests.conftest import FIXED_NOW

READ_ONLY = "Progress is open read-only (another devday-tui is using it); changes are not saved."


async def test_second_instance_is_read_only_and_says_so(workspace: Path, build_app, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data, exclusive=True, now=FIXED_NOW) as first:
        app = build_app([workspace / "notes", workspace / "decks"], data_dir=data)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_loaded(pilot)
            assert app.store.read_only
            status = str(app.screen.query_one("#home-status", Static).render())
            assert "Read-only: another devday-tui is using your progress" in status
            shown = len(messages(app))  # the start-up notice says so too
            await pilot.press("enter")  # studying needs a writable store: refused with a message
            await settle(pilot)
            assert type(app.screen).__name__ == "HomeScreen"
            assert messages(app)[shown:] == [READ_ONLY]
            await pilot.press("b")
            await settle(pilot)
            await pilot.press("down", "down")
            await wait_section_shown(pilot)
            screen = app.screen
            cards = screen.query_one(CardList)
            cards.focus()
            await wait_for(pilot, lambda: cards.has_focus, what="the card list to take the focus")
            card = cards.current_card
            assert card is not None
            await pilot.press("s")  # suspending too
            await settle(pilot)
            assert messages(app)[shown:] == [READ_ONLY, READ_ONLY]
            assert app.store.progress(card.id) is None
        assert first.reviews() == []
    assert not first.read_only
