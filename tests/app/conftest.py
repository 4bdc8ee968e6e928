"""Fixtures for driving the app: a copy of the sample notes, private data, and a fixed clock."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.dom import NoScreen
from textual.timer import Timer

from devday_tui.cli import make_app
from tests.conftest import FIXED_NOW, SAMPLE_DECKS, SAMPLE_NOTES
from tests.waiting import wait_for


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A writable copy of the bundled notes/ and decks/."""
    shutil.copytree(SAMPLE_NOTES, tmp_path / "notes")
    shutil.copytree(SAMPLE_DECKS, tmp_path / "decks")
    return tmp_path


@pytest.fixture
def build_app(tmp_path: Path):
    """Build the app the way the CLI does, with private data and cache folders and a fixed clock."""

    def build(paths: list[Path], *, clock=None, data_dir: Path | None = None, **kwargs):
        return make_app(
            paths,
            data_dir=data_dir or tmp_path / "data",
            cache_dir=tmp_path / "cache",
            clock=clock or (lambda: FIXED_NOW),
            watch=kwargs.pop("watch", False),
            **kwargs,
        )

    return build


@pytest.fixture
def snap_sample(snap_compare, workspace: Path, build_app):
    """Compare the snapshot of an app on the sample notes at ``size`` with the one kept, after ``ready(pilot)``."""

    def compare(size: tuple[int, int], ready) -> bool:
        return snap_compare(build_app([workspace / "notes", workspace / "decks"]), terminal_size=size, run_before=ready)

    return compare


def _pending_timers(app) -> list[Timer]:
    """One-shot timers of a second or less (debounces) that are armed and have not fired yet."""
    try:
        nodes = [app, *app.screen.walk_children(with_self=True)]
    except NoScreen:
        nodes = [app]
    return [
        timer
        for node in nodes
        for timer in list(node._timers)
        if timer._repeat == 0
        and timer._interval <= 1.0
        and timer._active.is_set()
        and timer._task is not None
        and not timer._task.done()
    ]


async def wait_loaded(pilot, *, screen: type | None = None) -> None:
    """Let the loading worker finish and the screen settle."""
    app = pilot.app
    await wait_for(pilot, lambda: app.library is not None and not app.loading, what="the notes to load")
    await app.workers.wait_for_complete()
    await pilot.pause()
    if screen is not None:
        assert isinstance(app.screen, screen), app.screen


async def wait_home_shown(pilot) -> None:
    """Wait until the home screen's deck table has its rows and is laid out, and the app is quiet: a dialog opened
    over it is then drawn over the same frame every time (on a loaded machine the rows can come a frame late)."""
    from devday_tui.widgets.deck_table import DeckTable

    await wait_loaded(pilot)
    table = pilot.app.screen.query_one(DeckTable)
    try:
        await wait_for(pilot, lambda: table.row_count and table.display and table.size.height, what="the deck table")
    except AssertionError as exc:  # say which part never came (seen once on a loaded machine)
        app = pilot.app
        raise AssertionError(
            f"{exc}: screens {app.screen_stack}, rows {table.row_count}, display {table.display}, "
            f"size {table.size}, library {app.library is not None}, store {app.store is not None}"
        ) from None
    await settle(pilot)


async def settle(pilot, seconds: float = 0.0) -> None:
    """Wait until the app is quiet: every debounce timer has fired and every worker it started has finished.

    ``seconds`` is a minimum wait before that, for changes that start no timer or worker of their own (a file
    changed on disk, a key whose effect is a plain refresh)."""
    app = pilot.app
    if seconds:
        await pilot.pause(seconds)
    for _ in range(20):  # a debounce may start a worker whose result arms the next debounce
        await wait_for(pilot, lambda: not _pending_timers(app), what="debounce timers to fire")
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not _pending_timers(app) and not any(w.is_running for w in app.workers):
            return
    raise AssertionError("the app never settled: debounces keep re-arming")


async def wait_section_shown(pilot) -> None:
    """Wait until the browse screen shows the section under the tree cursor (after its debounce)."""
    from devday_tui.widgets.note_tree import NoteTree

    screen = pilot.app.screen
    tree = screen.query_one(NoteTree)
    await wait_for(
        pilot, lambda: tree.current is not None and screen._shown == tree.current, what="the section to be shown"
    )
    await settle(pilot)


async def wait_search(pilot, query: str) -> None:
    """Wait until the browse screen has applied the search for ``query`` (after its debounce and worker)."""
    screen = pilot.app.screen
    if query.strip():
        await wait_for(
            pilot,
            lambda: screen.search_result is not None and screen.search_result.query == query,
            what=f"the search for {query!r}",
        )
    else:
        await wait_for(pilot, lambda: screen.search_result is None, what="the search to be cleared")
    await settle(pilot)


def screen_lines(app) -> list[str]:
    """The text on the terminal, one string per row, as a person sees it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def find_on_screen(app, text: str) -> list[tuple[int, int]]:
    """Every cell (x, y) where ``text`` starts on screen (wide characters count two cells)."""
    found = []
    for y, line in enumerate(screen_lines(app)):
        index = line.find(text)
        while index >= 0:
            found.append((cell_len(line[:index]), y))
            index = line.find(text, index + 1)
    return found


def messages(app) -> list[str]:
    """The notifications shown so far, oldest first."""
    return [str(n.message) for n in app._notifications]


def record_actions(app) -> list[str]:
    """From now on, the name of every action the app runs (from a key, a click or a link) is added to the list."""
    ran: list[str] = []
    dispatch = app._dispatch_action

    async def recording(namespace, action_name, params):
        ran.append(action_name)
        return await dispatch(namespace, action_name, params)

    app._dispatch_action = recording
    return ran


async def wait_screen(pilot, kind: type, then=settle) -> None:
    """Wait until ``kind`` is the screen on top, then for ``then`` (the app to settle)."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind), what=kind.__name__)
    await then(pilot)


async def open_browse(pilot):
    """From the home screen, once the notes are loaded, open browse and let it settle."""
    from devday_tui.screens.browse import BrowseScreen
    from devday_tui.screens.home import HomeScreen

    await wait_loaded(pilot, screen=HomeScreen)
    await pilot.press("b")
    await settle(pilot)
    assert isinstance(pilot.app.screen, BrowseScreen)
    return pilot.app.screen


async def browse_second_section(pilot):
    """Open browse and move the tree cursor two rows down, to a section with cards, shown on the right."""
    screen = await open_browse(pilot)
    await pilot.press("down", "down")
    await wait_section_shown(pilot)
    return screen


def focus_cards(screen):
    """Put the focus on browse's cards pane; the card under its cursor."""
    from devday_tui.widgets.card_list import CardList

    cards = screen.query_one(CardList)
    cards.focus()
    return cards.current_card


async def open_and_type(pilot, key: str, kind: type, text: str) -> None:
    """Press ``key``, which opens a ``kind`` screen with a text area, and type ``text`` in it."""
    from textual.widgets import TextArea

    await pilot.press(key)
    await settle(pilot)
    assert isinstance(pilot.app.screen, kind), pilot.app.screen
    pilot.app.screen.query_one(TextArea).insert(text)


async def write_and_save(pilot, key: str, kind: type, text: str) -> None:
    """Press ``key``, which opens a ``kind`` screen with a text area, type ``text`` in it and press Ctrl+S."""
    await open_and_type(pilot, key, kind, text)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def open_note_dialog_in_quiz(pilot, then=settle) -> None:
    """From the home screen, study the deck, show the first answer and open the personal-note dialog; ``then`` is
    what each new screen is given to settle."""
    from devday_tui.screens.annotation import AnnotationScreen
    from devday_tui.screens.quiz import QuizScreen

    await wait_loaded(pilot)
    await pilot.press("enter")
    await wait_screen(pilot, QuizScreen, then)
    await pilot.press("space")
    await settle(pilot)
    await pilot.press("n")
    await wait_screen(pilot, AnnotationScreen, then)


async def browse_section(pilot, heading: str):
    """From the home screen, open browse with the tree cursor on the first section whose label starts with
    ``heading``, shown on the right."""
    from devday_tui.screens.browse import BrowseScreen
    from devday_tui.screens.home import HomeScreen
    from devday_tui.widgets.note_tree import NoteTree

    await wait_loaded(pilot, screen=HomeScreen)
    await pilot.press("b")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, BrowseScreen), what="browse")
    screen = pilot.app.screen
    tree = screen.query_one(NoteTree)
    stack = list(tree.root.children)
    while stack:
        node = stack.pop(0)
        if node.data and node.data.section_id and node.label.plain.startswith(heading):
            tree.move_cursor(node)
            break
        stack[0:0] = list(node.children)
    else:
        raise AssertionError(f"no section {heading!r} in the tree")
    await wait_section_shown(pilot)
    return screen
