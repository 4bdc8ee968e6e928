"""The card browser driven by keys: filtering, sorting, selecting, bulk changes undone in one step, the detail."""

from __future__ import annotations

from devday_tui.screens.card_browser import CardBrowserScreen
from devday_tui.screens.card_detail import CardDetailScreen
from devday_tui.widgets.card_grid import CardGrid
from tests.examweek.conftest import loaded, open_browser, wait_for


async def type_query(pilot, screen, text: str) -> None:
    await pilot.press("slash")
    await pilot.press("ctrl+u", *list(text), "enter")
    await wait_for(
        pilot, lambda: screen.error or (screen.query_obj.source == text and not screen.workers), what="query"
    )
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_open_from_home_and_browse(make_app_on) -> None:
    app = make_app_on()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browser(pilot)
        grid = screen.query_one(CardGrid)
        deck = app.deck(screen.deck_key)
        assert len(grid.rows) == len(deck.cards) > 50
        await pilot.press("escape")
        await pilot.press("b")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "BrowseScreen", what="browse")
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CardBrowserScreen), what="browser from browse")


async def test_query_filters_and_a_bad_query_says_why(make_app_on) -> None:
    app = make_app_on()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browser(pilot)
        grid = screen.query_one(CardGrid)
        total = len(grid.rows)
        await type_query(pilot, screen, "kind:list")
        assert 0 < len(grid.rows) < total and all(c.kind == "list" for c in grid.rows)
        shown = list(grid.rows)
        await type_query(pilot, screen, "prop:lapses>x")
        status = str(screen.query_one("#browser-status").render())
        assert "needs a number" in status and "'x'" in status
        assert grid.rows == shown  # the last good query stays on screen
        await type_query(pilot, screen, "ｆａｒｇａｔｅ")
        assert grid.rows and all("fargate" in (c.front + c.back_text).casefold() for c in grid.rows)


async def test_bulk_suspend_flag_and_undo_as_one_step(make_app_on) -> None:
    app = make_app_on()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browser(pilot)
        grid = screen.query_one(CardGrid)
        first = [c.id for c in grid.rows[:5]]
        await pilot.press("space", "space", "shift+down", "shift+down")  # rows 1, 2, then a run from 3 to 5
        assert grid.selected == set(first)
        assert "5 selected" in str(screen.query_one("#browser-status").render())
        await pilot.press("s")
        await wait_for(pilot, lambda: not screen.busy, what="suspend saved")
        assert all(app.store.progress(c).suspended for c in first)
        assert grid.selected == set(first)  # kept for the next action
        await pilot.press("escape")  # clears the selection: the next action is on the card under the cursor
        assert not grid.selected
        await pilot.press("f", "1")
        await wait_for(pilot, lambda: not screen.busy and app.store.flags(), what="flag saved")
        assert app.store.flags() == {grid.current_id: "red"}
        await pilot.press("u")
        await wait_for(pilot, lambda: not screen.busy and not app.store.flags(), what="flag undone")
        await pilot.press("u")
        await wait_for(pilot, lambda: not screen.busy and app.store.progress(first[0]) is None, what="undo")
        assert all(app.store.progress(c) is None for c in first)  # never studied: nothing left at all
        await type_query(pilot, screen, "is:suspended")
        assert grid.rows == []


async def test_reset_and_send_to_today(make_app_on, clock) -> None:
    app = make_app_on()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browser(pilot)
        grid = screen.query_one(CardGrid)
        target = grid.current_id
        await pilot.press("t")
        await wait_for(pilot, lambda: not screen.busy and app.store.progress(target) is not None, what="to today")
        assert app.store.progress(target).due == clock.now
        await type_query(pilot, screen, "is:due")
        assert [c.id for c in grid.rows] == [target]
        await pilot.press("R")
        await wait_for(pilot, lambda: not screen.busy and app.store.progress(target).due is None, what="reset")


async def test_sort_by_key_and_by_header_click(make_app_on) -> None:
    app = make_app_on()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browser(pilot)
        grid = screen.query_one(CardGrid)
        await pilot.press("o")  # Note › section -> State
        await wait_for(pilot, lambda: screen.sort_column == "state" and grid.sort_column == "state", what="sort")
        await pilot.click(CardGrid, offset=(3, 0))  # the Front header
        await wait_for(pilot, lambda: grid.sort_column == "front", what="header sort")
        fronts = [c.front.casefold() for c in grid.rows]
        assert fronts == sorted(fronts)
        await pilot.click(CardGrid, offset=(3, 0))
        await wait_for(pilot, lambda: grid.descending, what="reversed")
        assert [c.front.casefold() for c in grid.rows] == sorted(fronts, reverse=True)


async def test_detail_shows_both_sides_and_history(make_app_on, clock) -> None:
    app = make_app_on()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        deck = app.library.decks[0]
        card = deck.cards[0]
        app.store.answer(card.id, 3, clock.now, duration=4.2, settings=deck.settings)
        clock.advance(minutes=12)
        app.store.answer(card.id, 1, clock.now, duration=61, settings=deck.settings)
        app.store.set_annotation(card.id, "mind the [/] markup", clock.now)
        screen = await open_browser(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CardDetailScreen), what="detail")
        detail = app.screen
        await wait_for(pilot, lambda: detail.query_one("DataTable").row_count == 2, what="history")
        text = " ".join(str(w.render()) for w in detail.query("Static"))
        assert card.front in text and "mind the [/] markup" in text and ".md:" in text
        table = detail.query_one("DataTable")
        assert [str(table.get_row_at(i)[1]) for i in range(2)] == ["Again", "Good"]  # newest first
        assert str(table.get_row_at(0)[4]) == "1m 01s"
        await pilot.press("escape")
        assert app.screen is screen
