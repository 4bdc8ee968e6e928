"""Fixtures for driving the app: a copy of the sample notes, private data, and a fixed clock."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from devday_tui.cli import make_app
from tests.conftest import FIXED_NOW, SAMPLE_DECKS, SAMPLE_NOTES


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


async def wait_loaded(pilot, *, screen: type | None = None) -> None:
    """Let the loading worker finish and the screen settle."""
    app = pilot.app
    for _ in range(200):
        if app.library is not None and not app.loading:
            break
        await pilot.pause(0.02)
    assert app.library is not None, "notes never finished loading"
    await app.workers.wait_for_complete()
    await pilot.pause()
    if screen is not None:
        assert isinstance(app.screen, screen), app.screen


async def settle(pilot, seconds: float = 0.1) -> None:
    """Wait for debounce timers and workers."""
    await pilot.pause(seconds)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_section_shown(pilot) -> None:
    """Wait until the browse screen shows the section under the tree cursor (after its debounce)."""
    from devday_tui.widgets.note_tree import NoteTree

    screen = pilot.app.screen
    tree = screen.query_one(NoteTree)
    for _ in range(150):
        if tree.current is not None and screen._shown == tree.current:
            break
        await pilot.pause(0.02)
    await settle(pilot, 0.05)
