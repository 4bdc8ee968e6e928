"""What must hold when things go wrong or happen at once: nothing typed is lost, no change is dropped."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from devday_tui.editing import editor_command
from devday_tui.screens.annotation import AnnotationScreen
from devday_tui.screens.browse import BrowseScreen
from devday_tui.screens.file_editor import FileEditorScreen
from devday_tui.store import Store
from devday_tui.widgets.card_list import CardList
from tests.app.conftest import (
    browse_second_section,
    messages,
    open_and_type,
    settle,
    wait_for,
    wait_loaded,
    write_and_save,
)
from tests.conftest import FIXED_NOW


async def test_s_in_the_tree_suspends_nothing(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await browse_second_section(pilot)
        assert screen.query_one(CardList).current_card is not None
        await pilot.press("s")
        await settle(pilot)
        assert app.store.all_progress() == {}


async def test_failed_save_keeps_the_editor_open_with_the_text(workspace: Path, build_app, monkeypatch) -> None:
    import devday_tui.note_files as note_files

    real = note_files.write_atomic
    failures = [1]

    def full_once(path, text, newline="\n"):
        if failures:
            failures.pop()
            raise note_files.NoteFileError(f"{path}: not saved: no space left on the device")
        real(path, text, newline)

    monkeypatch.setattr(note_files, "write_atomic", full_once)
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await browse_second_section(pilot)
        await write_and_save(pilot, "e", FileEditorScreen, "大事なメモ\n")
        assert isinstance(app.screen, FileEditorScreen)  # the disk was full: still open, text kept
        assert "大事なメモ" in app.screen.query_one(TextArea).text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)
    assert "大事なメモ" in (workspace / "notes" / "2019-10-03-aws-devday-day1.md").read_text(encoding="utf-8")


async def test_file_changed_by_another_program_is_not_overwritten_silently(workspace: Path, build_app) -> None:
    note = workspace / "notes" / "2019-10-03-aws-devday-day1.md"
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await browse_second_section(pilot)
        await open_and_type(pilot, "e", FileEditorScreen, "mine\n")
        note.write_text(note.read_text(encoding="utf-8") + "\ntheirs\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FileEditorScreen)  # warned, not written
        assert "theirs" in note.read_text(encoding="utf-8")
        await pilot.press("ctrl+s")  # asked for again: overwrite
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)
    text = note.read_text(encoding="utf-8")
    assert "mine" in text and "theirs" not in text


async def test_personal_note_is_refused_before_typing_when_progress_is_read_only(
    workspace: Path, build_app, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    with Store.open(data, exclusive=True, now=FIXED_NOW):
        app = build_app([workspace / "notes", workspace / "decks"], data_dir=data)
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await browse_second_section(pilot)
            shown = len(messages(app))
            await pilot.press("n")
            await settle(pilot)
            assert app.screen is screen and not isinstance(app.screen, AnnotationScreen)
            assert messages(app)[shown:] == [
                "Progress is open read-only (another devday-tui is using it); changes are not saved."
            ]


async def test_two_reloads_at_once_keep_both_changes(tmp_path: Path, build_app, monkeypatch) -> None:
    import devday_tui.library as library_module

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("## A\n\nA-old: 古い定義です。\n", encoding="utf-8")
    (notes / "b.md").write_text("## B\n\nB-old: 古い定義です。\n", encoding="utf-8")
    real = library_module.reload_note

    def slow_for_a(library, path):
        if Path(path).name == "a.md":
            time.sleep(0.3)
        return real(library, path)

    monkeypatch.setattr(library_module, "reload_note", slow_for_a)
    app = build_app([notes])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        assert sorted(c.front for c in app.library.cards) == ["A-old", "B-old"]
        (notes / "a.md").write_text("## A\n\nA-new: 新しい定義です。\n", encoding="utf-8")
        (notes / "b.md").write_text("## B\n\nB-new: 新しい定義です。\n", encoding="utf-8")
        app.reload_files([notes / "a.md"])
        app.reload_files([notes / "b.md"])
        await wait_for(
            pilot, lambda: sorted(c.front for c in app.library.cards) == ["A-new", "B-new"], what="both changes"
        )


async def test_a_search_that_ends_after_esc_is_not_shown(workspace: Path, build_app, monkeypatch) -> None:
    from devday_tui.core.search import SearchIndex

    real = SearchIndex.search

    def slow(self, query):
        time.sleep(0.4)
        return real(self, query)

    monkeypatch.setattr(SearchIndex, "search", slow)
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await browse_second_section(pilot)
        await pilot.press("slash")
        await pilot.press(*"cdk")
        await wait_for(
            pilot,
            lambda: any(w.group == "search" and w.is_running for w in app.workers),
            what="the search to be running",
        )
        await pilot.press("escape")
        await settle(pilot)  # the search finishes after Esc
        assert screen.search_result is None
        assert not screen.query_one("#search", Input).display
        assert not screen.query_one("#filter-status", Static).display
        assert app.screen is screen


async def test_loading_that_fails_says_so_instead_of_spinning(tmp_path: Path, build_app, monkeypatch) -> None:
    import devday_tui.library as library_module

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(library_module, "load_library", broken)
    app = build_app([tmp_path])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: not app.loading, what="loading to end")
        assert "disk unplugged" in (app.store_error or "")
        assert any("disk unplugged" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize(
    "editor, expected",
    [
        (["vim"], ["vim", "+12", "n.md"]),
        (["/usr/bin/nano", "-w"], ["/usr/bin/nano", "-w", "+12", "n.md"]),
        (["code", "--wait"], ["code", "--wait", "--goto", "n.md:12"]),
        (["subl", "-w"], ["subl", "-w", "n.md:12"]),
    ],
)
def test_editor_command_opens_the_line(editor: list[str], expected: list[str]) -> None:
    assert editor_command(editor, Path("n.md"), 12) == expected
