"""A second devday-tui on the same progress opens read-only, says so, and never writes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from devday_tui.store import Store
from devday_tui.widgets.card_list import CardList
from tests.app.conftest import settle, wait_loaded
from tests.conftest import FIXED_NOW


async def test_second_instance_is_read_only_and_says_so(workspace: Path, build_app, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data, exclusive=True, now=FIXED_NOW) as first:
        app = build_app([workspace / "notes", workspace / "decks"], data_dir=data)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_loaded(pilot)
            assert app.store.read_only
            status = str(app.screen.query_one("#home-status", Static).render())
            assert "Read-only: another devday-tui is using your progress" in status
            await pilot.press("enter")  # studying needs a writable store: refused with a message
            await settle(pilot)
            assert type(app.screen).__name__ == "HomeScreen"
            await pilot.press("b")
            await settle(pilot, 0.2)
            await pilot.press("down", "down")
            await settle(pilot, 0.2)
            screen = app.screen
            screen.query_one(CardList).focus()
            card = screen.query_one(CardList).current_card
            await pilot.press("s")
            await settle(pilot)
            assert app.store.progress(card.id) is None
        assert first.reviews() == []
    assert not first.read_only
