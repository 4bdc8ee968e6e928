"""Fixtures for the exam-week screens: the sample notes in a private workspace, a movable clock, UTC local time."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Callable

import pytest

from devday_tui.cli import make_app
from tests.conftest import SAMPLE_DECKS, SAMPLE_NOTES
from tests.quiz.conftest import MovableClock


@pytest.fixture(autouse=True)
def _utc_local_time():
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE_NOTES, tmp_path / "notes")
    shutil.copytree(SAMPLE_DECKS, tmp_path / "decks")
    return tmp_path


@pytest.fixture
def make_app_on(tmp_path: Path, clock: MovableClock, workspace: Path) -> Callable:
    def build(paths=None, **kwargs):
        paths = paths if paths is not None else [workspace / "notes", workspace / "decks"]
        return make_app(paths, data_dir=tmp_path / "data", cache_dir=tmp_path / "cache", clock=clock, watch=False,
                        **kwargs)

    return build


async def wait_for(pilot, condition: Callable[[], bool], timeout: float = 10.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)


async def loaded(pilot) -> None:
    await wait_for(pilot, lambda: pilot.app.library is not None and pilot.app.store is not None, what="loading")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_browser(pilot):
    from devday_tui.screens.card_browser import CardBrowserScreen

    await loaded(pilot)
    await pilot.press("c")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CardBrowserScreen) and pilot.app.screen.page is not None,
                   what="the card browser")
    return pilot.app.screen
