"""A mock exam end to end on the real progress store: Home ``x`` → setup → exam → result, then what is on disk."""

from __future__ import annotations

import random
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from devday_tui.cli import make_app
from devday_tui.core.answer import expected_answers
from devday_tui.core.model import LIST_KINDS
from devday_tui.screens.exam import ExamScreen
from devday_tui.screens.exam_result import ExamResultScreen
from devday_tui.screens.exam_setup import ExamSetupScreen
from devday_tui.screens.home import HomeScreen
from devday_tui.store import Store
from devday_tui.widgets.check_box import CheckBox
from devday_tui.widgets.recall_checklist import RecallChecklist
from tests.conftest import FIXED_NOW, SAMPLE_DECKS, SAMPLE_NOTES

QUESTIONS = 3


async def until(pilot: Pilot[None], test, what: str) -> None:
    for _ in range(300):
        if test():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened: {what}")


async def answer(pilot: Pilot[None], screen: ExamScreen, *, right: bool) -> None:
    """Answer the question on screen, right (the expected answer typed, every item ticked) or wrong."""
    card = screen.questions[screen.index]
    if card.kind in LIST_KINDS:
        await pilot.press("ctrl+r")
        await pilot.pause()
        listing = screen.query_one("#exam-list", RecallChecklist)
        if right:
            for _ in listing.items:
                await pilot.press("space", "down")
        await pilot.press("pagedown")
    else:
        typed = expected_answers(card)[0] if right else "zzz"
        await pilot.press(*typed, "enter")
    await pilot.pause()


@pytest.mark.parametrize("count", [False, True], ids=["schedule-unchanged", "counted"])
async def test_an_exam_from_home_is_kept_by_the_real_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: bool
) -> None:
    seeded = random.Random
    monkeypatch.setattr(random, "Random", lambda *_: seeded(1128))  # the app draws the questions with Random()
    shutil.copytree(SAMPLE_NOTES, tmp_path / "notes")
    shutil.copytree(SAMPLE_DECKS, tmp_path / "decks")
    data = tmp_path / "data"
    app = make_app(
        [tmp_path / "notes", tmp_path / "decks"],
        data_dir=data,
        cache_dir=tmp_path / "cache",
        clock=lambda: FIXED_NOW,
        watch=False,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.library is not None and app.store is not None, "notes and progress loaded")
        assert isinstance(app.store, Store)  # the real one, in tmp_path
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ExamSetupScreen), "the exam setup")
        setup = app.screen
        assert isinstance(setup, ExamSetupScreen)
        deck = setup.deck
        assert setup.available >= QUESTIONS
        await pilot.press(str(QUESTIONS))  # replaces the default, which is selected
        if count:
            setup.query_one("#exam-count-schedule", CheckBox).focus()
            await pilot.press("space")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ExamScreen), "the exam")
        exam = app.screen
        assert isinstance(exam, ExamScreen)
        assert len(exam.questions) == QUESTIONS and exam.config.count_towards_schedule is count

        asked = [c.id for c in exam.questions]
        for n in range(QUESTIONS):
            await answer(pilot, exam, right=n > 0)  # the first one wrong
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ExamResultScreen), "the result")
        result = app.screen
        assert isinstance(result, ExamResultScreen)
        assert result.problem is None
        assert [r.card.id for r in result.missed] == [asked[0]]
        await pilot.press("r")  # the missed card is due today
        await until(pilot, lambda: asked[0] in result.sent, "the missed card sent to review")
    assert app.store is None  # closed with the app: the writer lock is free again

    with Store.open(data, read_only=True, now=FIXED_NOW) as store:
        (kept,) = store.exams()
        assert kept["deck"] == deck.key
        assert (kept["questions"], kept["answered"], kept["correct"]) == (QUESTIONS, QUESTIONS, QUESTIONS - 1)
        assert kept["counted"] is count
        assert [c["id"] for c in kept["cards"]] == asked
        reviews = store.reviews()
        if count:
            assert len(reviews) == QUESTIONS  # one review per answered question: wrong = Again, exact = Good
            assert {r.card_id: r.rating for r in reviews} == {asked[0]: 1} | {cid: 3 for cid in asked[1:]}
            assert all(r.reviewed_at == FIXED_NOW for r in reviews)
        else:
            assert reviews == []  # the schedule is untouched
            assert all(store.progress(cid) is None for cid in asked[1:])
        missed = store.progress(asked[0])
        assert missed is not None and missed.due is not None
        assert abs(missed.due - FIXED_NOW) < timedelta(seconds=1)  # due now (after its own review, if any)
