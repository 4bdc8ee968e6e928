"""Fixtures for the exam-week screens: the sample notes in a private workspace (as the app tests make it), a
movable clock and UTC local time (as the quiz tests), and opening the card browser."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from devday_tui.cli import make_app
from tests.app.conftest import workspace  # noqa: F401  (a fixture)
from tests.quiz.conftest import MovableClock, _utc_local_time, clock, wait_for  # noqa: F401  (fixtures, helpers)


@pytest.fixture
def make_app_on(tmp_path: Path, clock: MovableClock, workspace: Path) -> Callable:  # noqa: F811 (fixtures)
    def build(paths=None, **kwargs):
        paths = paths if paths is not None else [workspace / "notes", workspace / "decks"]
        return make_app(
            paths, data_dir=tmp_path / "data", cache_dir=tmp_path / "cache", clock=clock, watch=False, **kwargs
        )

    return build


async def loaded(pilot) -> None:
    await wait_for(pilot, lambda: pilot.app.library is not None and pilot.app.store is not None, what="loading")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_screen(pilot, key: str, kind: type, what: str):
    """Once loaded, press ``key`` on the home screen and wait for the ``kind`` screen it opens; that screen."""
    await loaded(pilot)
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind), what=what)
    return pilot.app.screen


async def open_browser(pilot):
    from devday_tui.screens.card_browser import CardBrowserScreen

    await loaded(pilot)
    await pilot.press("c")
    await wait_for(
        pilot,
        lambda: isinstance(pilot.app.screen, CardBrowserScreen) and pilot.app.screen.page is not None,
        what="the card browser",
    )
    return pilot.app.screen
