"""Snapshots of the quiz (front, and the back of each kind of card), the summary and the statistics screen,
at 100×30 and 80×24. The clock is fixed, the card clock frozen and notifications cleared, so each frame is the
same on every run. Update them with ``pytest tests/quiz/test_snapshots.py --snapshot-update`` and look at them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from devday_tui.screens.quiz import QuizScreen
from devday_tui.screens.stats import StatsScreen
from devday_tui.screens.summary import SummaryScreen
from tests.quiz.conftest import wait_for, wait_loaded
from tests.quiz.test_stats_screen import make_history

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((80, 24), id="80x24")]

#: For each kind, a card of the sample that shows it well (the first with enough items for lists).
KINDS = ["definition", "list", "label-list", "sequence", "cloze", "explicit"]


def pick(cards, kind: str):
    matching = [c for c in cards if c.kind == kind]
    if not matching and kind == "sequence":
        # The sample note has no numbered steps (its numbered list is not a sequence): show a list card as one.
        base = pick(cards, "list")
        return replace(base, kind="sequence", front=base.front.replace("points", "steps, in order"))
    if kind in ("list", "label-list"):
        matching = [c for c in matching if len(c.back) >= 3] or matching
    return matching[0]


async def settle(pilot) -> None:
    await pilot.pause(0.1)
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_quiz_front(snap_compare, make_quiz_app, size) -> None:
    async def run_before(pilot) -> None:
        app = pilot.app
        await wait_loaded(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front")
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("size", SIZES)
def test_quiz_back(snap_compare, make_quiz_app, size, kind) -> None:
    async def run_before(pilot) -> None:
        app = pilot.app
        await wait_loaded(pilot)
        card = pick(app.library.cards, kind)
        app.start_section_study([card], f"{kind} card")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.state == "back")
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_quiz_list_half_revealed(snap_compare, make_quiz_app, size) -> None:
    async def run_before(pilot) -> None:
        app = pilot.app
        await wait_loaded(pilot)
        card = pick(app.library.cards, "label-list")
        app.start_section_study([card], "one item at a time")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front")
        await pilot.press("space", "space")
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_session_summary(snap_compare, make_quiz_app, size) -> None:
    async def run_before(pilot) -> None:
        app = pilot.app
        await wait_loaded(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front")
        screen = app.screen
        for key in "1323143":
            shown = screen.cards_shown
            await pilot.press("enter")
            await wait_for(pilot, lambda: screen.state == "back")
            app.clock.advance(seconds=12)
            await pilot.press(key)
            await wait_for(pilot, lambda: screen.cards_shown > shown, what="next card")
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_statistics(snap_compare, make_quiz_app, tmp_path, size) -> None:
    make_history(tmp_path)

    async def run_before(pilot) -> None:
        app = pilot.app
        await wait_loaded(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen.figures is not None)
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_statistics_scrolled_to_the_end(snap_compare, make_quiz_app, tmp_path, size) -> None:
    make_history(tmp_path)

    async def run_before(pilot) -> None:
        app = pilot.app
        await wait_loaded(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen.figures is not None)
        await pilot.press("end")
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_statistics_mock_exams(snap_compare, make_quiz_app, tmp_path, size) -> None:
    """The trend of past mock-exam scores, scrolled to the top of the screen."""
    make_history(tmp_path)

    async def run_before(pilot) -> None:
        app = pilot.app
        await wait_loaded(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen.figures is not None)
        title = next(w for w in app.screen.query(".stats-title") if "Mock exams" in str(w.render()))
        app.screen.query_one("#stats-body").scroll_to_widget(title, top=True, animate=False)
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_quiz_typed_answer_checked(snap_compare, make_quiz_app, size) -> None:
    async def run_before(pilot) -> None:
        app = pilot.app
        await wait_loaded(pilot)
        card = pick(app.library.cards, "cloze")
        app.start_section_study([card], "typed answer")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front")
        await pilot.press("i")
        await wait_for(pilot, lambda: bool(app.screen.query("#quiz-typed")) and app.focused is not None)
        await pilot.press(*"NoSQL Workbench", "enter")
        await wait_for(pilot, lambda: app.screen.state == "back")
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)
