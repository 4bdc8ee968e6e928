"""Fixtures for the quiz, summary and statistics tests: an app on the sample deck with a clock the test moves."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import FIXED_NOW, SAMPLE_DECKS, SAMPLE_NOTES
from tests.waiting import wait_for  # noqa: F401  (for the tests that import it from here)


class MovableClock:
    """A UTC clock that stands still until the test moves it."""

    def __init__(self, start: datetime = FIXED_NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


@pytest.fixture(autouse=True)
def _utc_local_time(utc_local_time) -> None:
    """Study days and clock times on screen use local time: UTC on every machine."""


@pytest.fixture(autouse=True)
def _quiz_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test has the card clock frozen at 0:00 and the waiting screen polling often."""
    from devday_tui.screens.quiz import QuizScreen

    monkeypatch.setattr(QuizScreen, "monotonic", staticmethod(lambda: 1000.0))
    monkeypatch.setattr(QuizScreen, "WAIT_POLL", 0.05)


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def make_quiz_app(tmp_path: Path, clock: MovableClock) -> Callable:
    """Build an app on the sample notes and deck; call again for a restart on the same data directory."""
    from devday_tui.cli import make_app

    def build(paths=(SAMPLE_NOTES, SAMPLE_DECKS)):
        return make_app(list(paths), data_dir=tmp_path / "data", cache_dir=tmp_path / "cache", clock=clock, watch=False)

    return build


async def wait_loaded(pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: app.library is not None and app.store is not None and not app.loading, what="loading")
    await pilot.pause()


async def study(pilot, cards, title: str):
    """Study ``cards`` now, as from browse; the quiz once it shows the first front."""
    from devday_tui.screens.quiz import QuizScreen

    app = pilot.app
    app.start_section_study(cards, title)
    await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front")
    return app.screen


async def typing_on(pilot, screen) -> None:
    """Turn typed answers on (``i``) and wait for the answer box to take the focus."""
    await pilot.press("i")
    await wait_for(pilot, lambda: bool(screen.query("#quiz-typed")) and screen.focused is not None, what="box")


def assert_help_keys_have_actions(screen) -> None:
    """Every key the help lists for ``screen`` (enabled, with a description) runs an action that exists."""
    from devday_tui.screens.help import screen_keys

    assert screen_keys(screen)
    for key, active in screen.active_bindings.items():
        if not active.enabled or not active.binding.description:
            continue
        name = active.binding.action.split("(")[0]
        target = active.node
        if "." in name:
            prefix, name = name.split(".", 1)
            target = {"app": screen.app, "screen": screen}[prefix]
        assert callable(getattr(target, f"action_{name}", None)), (type(screen).__name__, key, name)
