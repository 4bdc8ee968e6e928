"""Snapshots of the dialogs and of the panes not covered elsewhere, at 100×30 and at 80×24 (SSH-sized): help,
problems, the personal-note dialog, the new-note dialog, the built-in file editor, and browse with the cards pane
focused. Update with ``pytest tests/app/test_dialog_snapshots.py --snapshot-update`` after looking at them."""

from __future__ import annotations

import fcntl
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pytest
from textual.widgets import Input, TextArea

from devday_tui.screens.browse import BrowseScreen
from devday_tui.screens.file_editor import FileEditorScreen
from devday_tui.screens.help import HelpScreen
from devday_tui.screens.new_note import NewNoteScreen
from devday_tui.screens.problems import ProblemsScreen
from tests.app.conftest import (
    open_note_dialog_in_quiz,
    settle,
    wait_home_shown,
    wait_loaded,
    wait_screen,
    wait_section_shown,
)
from tests.conftest import SAMPLE_DECKS, SAMPLE_NOTES

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((80, 24), id="80x24")]


@pytest.fixture
def workspace() -> Iterator[Path]:
    """The sample notes at a path that is the same on every run, since dialogs show it. Two test runs on one
    machine take turns with it (a lock beside it), so neither deletes the other's notes mid-test."""
    root = Path(tempfile.gettempdir()) / "devday-tui-snapshots"
    with open(root.with_name("devday-tui-snapshots.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(SAMPLE_NOTES, root / "notes")
        shutil.copytree(SAMPLE_DECKS, root / "decks")
        yield root


async def steady(pilot) -> None:
    """No blinking cursor and no toast, so every run draws the same frame."""
    await settle(pilot)
    pilot.app.clear_notifications()
    await settle(pilot)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    pilot.app.clear_notifications()
    await pilot.pause()


async def open_browse(pilot) -> None:
    await wait_loaded(pilot)
    await pilot.press("b")
    await wait_screen(pilot, BrowseScreen, steady)
    await pilot.press("down", "down")
    await wait_section_shown(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await open_browse(pilot)
        await pilot.press("question_mark")
        await wait_screen(pilot, HelpScreen, steady)

    assert snap_sample(size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_problems(snap_sample, workspace: Path, size) -> None:
    (workspace / "notes" / "broken.md").write_text("---\ntitle: [unclosed\n---\n\n## A\n\n- a: b\n", encoding="utf-8")

    async def ready(pilot) -> None:
        await wait_home_shown(pilot)
        await pilot.press("p")
        await wait_screen(pilot, ProblemsScreen, steady)

    assert snap_sample(size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_personal_note_dialog(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await open_note_dialog_in_quiz(pilot, steady)
        await pilot.press(*"Ask about Loft hours")

    assert snap_sample(size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_new_note_dialog(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await wait_home_shown(pilot)
        await pilot.press("N")
        await wait_screen(pilot, NewNoteScreen, steady)

    assert snap_sample(size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_file_editor(snap_sample, size) -> None:
    async def ready(pilot) -> None:
        await open_browse(pilot)
        await pilot.press("e")
        await wait_screen(pilot, FileEditorScreen, steady)

    assert snap_sample(size, ready)


@pytest.mark.parametrize("size", SIZES)
def test_browse_cards_pane(snap_sample, size) -> None:
    """The cards pane focused: its own key (Suspend) joins the footer, which still fits."""

    async def ready(pilot) -> None:
        await open_browse(pilot)
        await pilot.press("tab", "tab")  # past the section text, to the cards
        await steady(pilot)

    assert snap_sample(size, ready)
