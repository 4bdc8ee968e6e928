"""Snapshots of the quiz (front, and the back of each kind of card), the summary and the statistics screen,
at 100×30 and 80×24. The clock is fixed, the card clock frozen and notifications cleared, so each frame is the
same on every run. Update them with ``pytest tests/quiz/test_snapshots.py --snapshot-update`` and look at them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from devday_tui.screens.quiz import QuizScreen
from devday_tui.screens.stats import StatsScreen
from devday_tui.screens.summary import SummaryScreen
from tests.quiz.conftest import study, wait_for, wait_loaded
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


async def study_deck(pilot) -> QuizScreen:
    """Start the deck from the home screen; the quiz once it shows its first front."""
    app = pilot.app
    await wait_loaded(pilot)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front")
    return app.screen


async def study_one(pilot, kind: str, title: str) -> QuizScreen:
    """Study the sample's card of ``kind`` alone; the quiz once it shows the front."""
    await wait_loaded(pilot)
    return await study(pilot, [pick(pilot.app.library.cards, kind)], title)


@pytest.mark.parametrize("size", SIZES)
def test_quiz_front(snap_compare, make_quiz_app, size) -> None:
    async def run_before(pilot) -> None:
        await study_deck(pilot)
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("size", SIZES)
def test_quiz_back(snap_compare, make_quiz_app, size, kind) -> None:
    async def run_before(pilot) -> None:
        screen = await study_one(pilot, kind, f"{kind} card")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.state == "back")
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_quiz_list_half_revealed(snap_compare, make_quiz_app, size) -> None:
    async def run_before(pilot) -> None:
        await study_one(pilot, "label-list", "one item at a time")
        await pilot.press("space", "space")
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_session_summary(snap_compare, make_quiz_app, size) -> None:
    async def run_before(pilot) -> None:
        app = pilot.app
        screen = await study_deck(pilot)
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


async def _top(pilot) -> None:
    pass


async def _end(pilot) -> None:
    await pilot.press("end")


async def _mock_exams(pilot) -> None:
    """The trend of past mock-exam scores, scrolled to the top of the screen."""
    screen = pilot.app.screen
    title = next(w for w in screen.query(".stats-title") if "Mock exams" in str(w.render()))
    screen.query_one("#stats-body").scroll_to_widget(title, top=True, animate=False)


@pytest.mark.parametrize(
    "view",
    [pytest.param(_top, id="top"), pytest.param(_end, id="end"), pytest.param(_mock_exams, id="mock-exams")],
)
@pytest.mark.parametrize("size", SIZES)
def test_statistics(snap_compare, make_quiz_app, tmp_path, size, view) -> None:
    make_history(tmp_path)

    async def run_before(pilot) -> None:
        app = pilot.app
        await wait_loaded(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen.figures is not None)
        await view(pilot)
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_quiz_typed_answer_checked(snap_compare, make_quiz_app, size) -> None:
    async def run_before(pilot) -> None:
        app = pilot.app
        screen = await study_one(pilot, "cloze", "typed answer")
        await pilot.press("i")
        await wait_for(pilot, lambda: bool(screen.query("#quiz-typed")) and app.focused is not None)
        await pilot.press(*"NoSQL Workbench", "enter")
        await wait_for(pilot, lambda: screen.state == "back")
        await settle(pilot)

    assert snap_compare(make_quiz_app(), terminal_size=size, run_before=run_before)
