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

from devday_tui.screens.annotation import AnnotationScreen
from devday_tui.screens.browse import BrowseScreen
from devday_tui.screens.file_editor import FileEditorScreen
from devday_tui.screens.help import HelpScreen
from devday_tui.screens.new_note import NewNoteScreen
from devday_tui.screens.problems import ProblemsScreen
from devday_tui.screens.quiz import QuizScreen
from tests.app.conftest import settle, wait_loaded, wait_section_shown
from tests.conftest import SAMPLE_DECKS, SAMPLE_NOTES
from tests.waiting import wait_for

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


async def wait_screen(pilot, kind: type) -> None:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind), what=kind.__name__)
    await steady(pilot)


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
    await wait_screen(pilot, BrowseScreen)
    await pilot.press("down", "down")
    await wait_section_shown(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, workspace: Path, build_app, size) -> None:
    async def ready(pilot) -> None:
        await open_browse(pilot)
        await pilot.press("question_mark")
        await wait_screen(pilot, HelpScreen)

    assert snap_compare(build_app([workspace / "notes", workspace / "decks"]), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_problems(snap_compare, workspace: Path, build_app, size) -> None:
    (workspace / "notes" / "broken.md").write_text("---\ntitle: [unclosed\n---\n\n## A\n\n- a: b\n", encoding="utf-8")

    async def ready(pilot) -> None:
        await wait_loaded(pilot)
        await pilot.press("p")
        await wait_screen(pilot, ProblemsScreen)

    assert snap_compare(build_app([workspace / "notes", workspace / "decks"]), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_personal_note_dialog(snap_compare, workspace: Path, build_app, size) -> None:
    async def ready(pilot) -> None:
        await wait_loaded(pilot)
        await pilot.press("enter")
        await wait_screen(pilot, QuizScreen)
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("n")
        await wait_screen(pilot, AnnotationScreen)
        await pilot.press(*"Ask about Loft hours")

    assert snap_compare(build_app([workspace / "notes", workspace / "decks"]), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_new_note_dialog(snap_compare, workspace: Path, build_app, size) -> None:
    async def ready(pilot) -> None:
        await wait_loaded(pilot)
        await pilot.press("N")
        await wait_screen(pilot, NewNoteScreen)

    assert snap_compare(build_app([workspace / "notes", workspace / "decks"]), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_file_editor(snap_compare, workspace: Path, build_app, size) -> None:
    async def ready(pilot) -> None:
        await open_browse(pilot)
        await pilot.press("e")
        await wait_screen(pilot, FileEditorScreen)

    assert snap_compare(build_app([workspace / "notes", workspace / "decks"]), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES)
def test_browse_cards_pane(snap_compare, workspace: Path, build_app, size) -> None:
    """The cards pane focused: its own key (Suspend) joins the footer, which still fits."""

    async def ready(pilot) -> None:
        await open_browse(pilot)
        await pilot.press("tab", "tab")  # past the section text, to the cards
        await steady(pilot)

    assert snap_compare(build_app([workspace / "notes", workspace / "decks"]), terminal_size=size, run_before=ready)
