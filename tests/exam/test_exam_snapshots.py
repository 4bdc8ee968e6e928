"""Snapshots of the exam screens at 100×30 and 80×24 (update with ``pytest --snapshot-update``)."""

from __future__ import annotations

import random

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import Input

from devday_tui.core.exam import ExamConfig
from devday_tui.screens.exam import ExamScreen
from devday_tui.screens.exam_setup import ExamSetupScreen
from tests.conftest import FIXED_NOW
from tests.exam.fakes import FakeStore, Progress, TypedHost, sample_cards, sample_deck

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((80, 24), id="80x24")]
ORDER = [
    "Fargate の起動タイプで、EC2 インスタンスの管理は誰がする？",
    "CLI ツールは２つある。",
    "AWS Lambda",
    "CDK",
    "ML サービス（SageMaker）",
    "使い方",
]


class Host(App):
    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen

    def on_mount(self) -> None:
        self.push_screen(Screen())
        self.push_screen(self.make_screen())


def exam_host() -> Host:
    deck = sample_deck()
    cards = {c.front: c for c in deck.cards}
    questions = [cards[f] for f in ORDER]
    config = ExamConfig(questions=len(questions), minutes=6)
    return Host(
        lambda: ExamScreen(
            deck=deck,
            cards=deck.cards,
            store=FakeStore(),
            clock=lambda: FIXED_NOW,
            rng=random.Random(1),
            config=config,
            questions=questions,
        )
    )


async def steady(pilot) -> None:
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_setup(snap_compare, size) -> None:
    deck = sample_deck()
    store = FakeStore({deck.cards[0].id: Progress(deck.cards[0].id, suspended=True)})
    app = Host(lambda: ExamSetupScreen(deck=deck, cards=deck.cards, store=store))

    async def run_before(pilot) -> None:
        await steady(pilot)
        pilot.app.screen.query_one("#exam-questions", Input).value = "12"
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_exam_typed_question(snap_compare, size) -> None:
    async def run_before(pilot) -> None:
        await steady(pilot)
        await pilot.press(*"AWS が管理する")
        await pilot.pause()

    assert snap_compare(exam_host(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_exam_list_revealed(snap_compare, size) -> None:
    async def run_before(pilot) -> None:
        await steady(pilot)
        await pilot.press(*"AWSが管理する", "enter", "ctrl+r")
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()

    assert snap_compare(exam_host(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_exam_result(snap_compare, size) -> None:
    async def run_before(pilot) -> None:
        await steady(pilot)
        await pilot.press(*"AWSが管理する", "enter", "ctrl+r")
        await pilot.pause()
        await pilot.press("space", "pagedown", *"ｻｰﾊﾞﾚ", "enter", *"AWS CLI", "enter")
        await pilot.press("ctrl+s", "ctrl+s")
        await pilot.pause()

    assert snap_compare(exam_host(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_typed_answer_checked(snap_compare, size) -> None:
    card = next(c for c in sample_cards() if c.front.startswith("Fargate の起動タイプ"))
    app = Host(lambda: TypedHost(card))

    async def run_before(pilot) -> None:
        await steady(pilot)
        await pilot.press(*"AWSがかんりする", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_exam_leave_dialog(snap_compare, size) -> None:
    """Esc in a mock exam asks before anything is abandoned."""

    async def run_before(pilot) -> None:
        await steady(pilot)
        await pilot.press("escape")
        for _ in range(50):
            if type(pilot.app.screen).__name__ == "ConfirmScreen":
                break
            await pilot.pause(0.05)
        await pilot.pause()

    assert snap_compare(exam_host(), terminal_size=size, run_before=run_before)
