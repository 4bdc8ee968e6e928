"""Store writes that fail keep the screen; keys typed after quitting reach no screen; a missing $EDITOR falls
back to the built-in editor; browse acts on the cursor's section; a new note is never invisible."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest
from textual import events

from devday_tui.screens.browse import BrowseScreen
from devday_tui.screens.file_editor import FileEditorScreen
from devday_tui.screens.home import HomeScreen
from devday_tui.store import StoreError
from devday_tui.widgets.note_tree import NoteTree
from tests.app.conftest import (
    browse_second_section,
    focus_cards,
    messages,
    open_browse,
    settle,
    wait_loaded,
    wait_section_shown,
)


def burst(app, *keys: str) -> None:
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def new_note(pilot, title: str) -> None:
    """From the home screen, make a note called ``title`` (the dialog then asks whether it joins the deck)."""
    from textual.widgets import Input

    await wait_loaded(pilot, screen=HomeScreen)
    await pilot.press("N")
    await settle(pilot)
    pilot.app.screen.query_one(Input).value = title
    await pilot.press("enter")
    await settle(pilot, 0.3)


async def test_a_failed_suspend_in_browse_says_so_and_keeps_the_screen(workspace: Path, build_app, monkeypatch) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await browse_second_section(pilot)
        card = focus_cards(screen)

        def refuse(*_args, **_kwargs):
            raise StoreError("the disk is full")

        monkeypatch.setattr(app.store, "suspend", refuse)
        await pilot.press("s")
        await settle(pilot, 0.2)
        assert app.is_running and app.screen is screen
        assert any("Not saved" in m and "the disk is full" in m for m in messages(app)), messages(app)
        assert not (app.store.progress(card.id) and app.store.progress(card.id).suspended)


@pytest.mark.parametrize("key", ["t", "b", "x"])
async def test_a_key_typed_right_after_quit_reaches_no_screen(workspace: Path, build_app, key: str) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        burst(app, "q", key)
        await pilot.pause(0.3)
    assert app.return_code == 0
    assert app._exception is None


async def test_an_editor_that_is_not_installed_warns_then_opens_the_built_in_one(
    workspace: Path, build_app, monkeypatch
) -> None:
    """The terminal is handed back to the app even when $EDITOR cannot start."""
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere")
    monkeypatch.delenv("VISUAL", raising=False)
    app = build_app([workspace / "notes", workspace / "decks"])
    resumed: list[bool] = []

    @contextmanager
    def suspend():  # what App.suspend does on a real terminal: resume only when the block ends cleanly
        resumed.append(False)
        yield
        resumed[-1] = True

    monkeypatch.setattr(app, "suspend", suspend)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_browse(pilot)
        await wait_section_shown(pilot)
        await pilot.press("e")
        await settle(pilot, 0.2)
        assert resumed == [True]
        assert isinstance(app.screen, FileEditorScreen)
        assert any("no-such-editor-anywhere" in m and "built-in editor" in m for m in messages(app)), messages(app)


async def test_browse_keys_act_on_the_cursor_not_on_the_lagging_pane(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(pilot)
        tree = screen.query_one(NoteTree)
        await pilot.press("down")
        await wait_section_shown(pilot)
        shown = screen._shown
        await pilot.press("down", "down", "down", "e")  # faster than the right pane follows
        await settle(pilot, 0.2)
        assert isinstance(app.screen, FileEditorScreen)
        note, section = screen._find(tree.current)
        assert tree.current != shown and section is not None
        assert app.screen.line == section.start_line


async def test_the_app_and_the_due_command_agree_after_a_missed_exam_card(
    workspace: Path, build_app, tmp_path: Path, capsys
) -> None:
    from devday_tui.cli import main
    from tests.conftest import FIXED_NOW

    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        card = app.library.decks[0].cards[0]
        assert app.store.progress(card.id) is None  # never studied
        app.store.make_due(card.id, FIXED_NOW)  # what r does on a missed question of a mock exam
        app_due = app.deck_rows()[0].due
    capsys.readouterr()
    main(
        [
            "due",
            str(workspace / "notes"),
            str(workspace / "decks"),
            "--data-dir",
            str(tmp_path / "data"),
            "--now",
            FIXED_NOW.isoformat(),
        ]
    )
    assert app_due == 1
    assert capsys.readouterr().out.strip() == str(app_due)


async def test_a_new_note_made_while_a_deck_file_exists_is_shown(workspace: Path, build_app) -> None:
    from devday_tui.widgets.deck_table import DeckTable

    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await new_note(pilot, "Day 2")
        # Asked first whether the note belongs to the deck on the home screen; "n" keeps it out of the deck.
        assert "AWS DevDay 2019" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("n")
        await settle(pilot, 0.3)
        assert isinstance(app.screen, FileEditorScreen)
        await pilot.press("escape")
        await settle(pilot, 0.3)
        note = next(n for n in app.library.notes if n.title == "Day 2")
        assert not any(note in d.notes for d in app.library.decks if d.path is not None)
        # It is listed in "Other notes", which holds every note no deck includes.
        table = app.screen.query_one(DeckTable)
        titles = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert titles == ["AWS DevDay 2019", "Other notes"]
        other = app.library.deck("other")
        assert other is not None and [n.title for n in other.notes] == ["Day 2"]


async def test_a_new_note_can_be_added_to_the_deck_it_was_made_from(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await new_note(pilot, "Day 2")
        await pilot.press("y")
        await settle(pilot, 0.5)
        assert isinstance(app.screen, FileEditorScreen)
        deck_text = (workspace / "decks" / "aws-devday.md").read_text(encoding="utf-8")
        assert app.screen.path.name in deck_text
        await pilot.press("escape")
        await settle(pilot, 0.5)
        deck = app.library.deck("aws-devday")
        assert any(n.title == "Day 2" for n in deck.notes)
        assert app.library.deck("other") is None


async def test_w_opens_the_wip_list_from_home_as_it_does_in_browse(workspace: Path, build_app) -> None:
    from devday_tui.widgets.note_tree import NoteTree

    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        await pilot.press("w")
        await settle(pilot, 0.3)
        screen = app.screen
        assert isinstance(screen, BrowseScreen) and screen.wip_only
        assert "WIP only" in str(screen.query_one("#filter-status").render())
        assert screen.query_one(NoteTree).root.children
        await pilot.press("w")  # the same key shows every section again
        await settle(pilot, 0.2)
        assert not screen.wip_only


async def test_help_lists_the_screens_keys_and_the_apps_without_textual_editing_keys(
    workspace: Path, build_app
) -> None:
    from devday_tui.screens.help import screen_keys

    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await open_browse(pilot)
        await pilot.press("slash")  # the search box has focus: Textual's text-editing keys are active
        await settle(pilot)
        keys = screen_keys(app.screen)
        descriptions = {d for _k, d in keys}
        assert {"Search", "Back", "Quit"} <= descriptions, keys
        generic = [
            d
            for d in descriptions
            if any(w in d.lower() for w in ("cursor", "delete", "select", "paste", "copy", "cut", "focus"))
        ]
        assert generic == [], keys
