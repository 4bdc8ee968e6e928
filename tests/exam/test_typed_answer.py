"""The TypedAnswer widget, hosted in a small app: checking, the diff, the suggested grade and exam mode."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, Static

from devday_tui.core.answer import Verdict
from devday_tui.widgets.typed_answer import MAX_TYPED, TypedAnswer
from tests.app.conftest import find_on_screen, record_actions, screen_lines
from tests.exam.fakes import TypedHost, sample_cards


class Host(App):
    def __init__(self, screen: TypedHost) -> None:
        super().__init__()
        self.host = screen

    def on_mount(self) -> None:
        self.push_screen(self.host)


def card(front: str):
    return next(c for c in sample_cards() if c.front == front)


def hosted(front: str, **options) -> tuple[TypedHost, Host]:
    """The typed answer of the sample card ``front`` on its screen, in an app of its own."""
    host = TypedHost(card(front), **options)
    return host, Host(host)


async def type_and_enter(pilot, typed: str) -> None:
    """Type ``typed`` and press Enter (which checks it, or in an exam submits it)."""
    await pilot.press(*typed, "enter")
    await pilot.pause()


def result_text(app: App) -> str:
    return str(app.screen.query_one(".typed-answer--result", Static).render())


async def test_half_width_katakana_is_exact_and_suggests_good() -> None:
    host, app = hosted("AWS Lambda")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_and_enter(pilot, "ｻｰﾊﾞﾚｽ")
        widget = app.screen.query_one(TypedAnswer)
        checked = [m for m in host.messages if isinstance(m, TypedAnswer.Checked)]
        assert len(checked) == 1
        assert checked[0].result.verdict is Verdict.EXACT
        assert widget.has_class("-checked", "-exact")
        text = result_text(app)
        assert "✓ Correct (written differently)" in text
        assert "suggested grade: Good (3)" in text
        assert "Answer  サーバレス" in text
        assert widget.input.disabled  # grade keys now reach the screen
        changed = [m.value for m in host.messages if isinstance(m, TypedAnswer.Changed)]
        assert changed[-1] == "ｻｰﾊﾞﾚｽ"


async def test_close_and_wrong_answers() -> None:
    host, app = hosted("AWS Lambda")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_and_enter(pilot, "サーバレ")
        widget = app.screen.query_one(TypedAnswer)
        assert widget.has_class("-close") and not widget.has_class("-exact")
        assert "≈ Close: 86% alike" in result_text(app)
        assert "Hard (2)" in result_text(app)
        widget.reset()
        await pilot.pause()
        assert not widget.has_class("-checked") and widget.result is None and widget.value == ""
        assert not widget.input.disabled
        widget.focus()
        await type_and_enter(pilot, "コンテナ")
        assert widget.has_class("-wrong")
        text = result_text(app)
        assert "✗ Wrong" in text and "Again (1)" in text and "You     コンテナ" in text


async def test_note_text_that_looks_like_markup_is_shown_literally() -> None:
    host, app = hosted("[bold]x[/] a [/] b [@click=app.quit]")
    async with app.run_test(size=(100, 30)) as pilot:
        await type_and_enter(pilot, "[red]")
        text = result_text(app)
        assert "Answer  [red]literal[/red]" in text
        assert "You     [red]" in text
        widget = app.screen.query_one(TypedAnswer)
        widget.reset()
        widget.focus()
        await type_and_enter(pilot, "[@click=app.quit]go[/]")
        assert "You     [@click=app.quit]go[/]" in result_text(app)
        # On screen the answer and what was typed are the literal text, and a click on either runs no action.
        dispatched = record_actions(app)
        targets = find_on_screen(app, "[red]literal[/red]") + find_on_screen(app, "[@click=app.quit]go[/]")
        assert len(targets) >= 2, "\n".join(screen_lines(app))
        for x, y in targets:
            assert "@click" not in app.screen.get_style_at(x + 3, y).meta
            await pilot.click(offset=(x + 3, y))
            await pilot.pause()
        assert app.is_running and app.return_code is None
        assert "quit" not in dispatched
        assert app.screen is host


async def test_a_huge_paste_and_control_characters() -> None:
    host, app = hosted("AWS Lambda")
    async with app.run_test(size=(100, 30)) as pilot:
        widget = app.screen.query_one(TypedAnswer)
        widget.value = "サーバレスではない" * 2000  # 18,000 characters: the box keeps MAX_TYPED (2,000)
        assert len(widget.value) == MAX_TYPED
        result = widget.check()  # how long this takes is measured by benchmarks/answer_check.py
        await pilot.pause()
        assert result.verdict is Verdict.WRONG
        assert len(result_text(app)) < 1000  # the shown text is cut, not 2,000 characters
        widget.reset()
        widget.value = "\x1b[2J\x07\x00"
        result = widget.check()
        await pilot.pause()
        assert result.verdict is Verdict.EMPTY
        assert "No answer typed" in result_text(app)
        assert "Again (1)" in result_text(app)


async def test_exam_mode_submits_without_revealing() -> None:
    host, app = hosted("AWS Lambda", check_on_submit=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_and_enter(pilot, "answer")
        widget = app.screen.query_one(TypedAnswer)
        submitted = [m for m in host.messages if isinstance(m, TypedAnswer.Submitted)]
        assert [m.value for m in submitted] == ["answer"]
        assert not any(isinstance(m, TypedAnswer.Checked) for m in host.messages)
        assert not widget.has_class("-checked")
        assert widget.result is None
        assert widget.input.placeholder == "Type the answer"  # the exam says what Enter does above the box


async def test_reset_does_not_report_a_change_and_sets_the_placeholder_for_several_blanks() -> None:
    host, app = hosted("AWS Lambda", check_on_submit=False)
    async with app.run_test(size=(100, 30)) as pilot:
        widget = app.screen.query_one(TypedAnswer)
        before = len(host.messages)
        widget.reset(("CloudFormation", "Terraform"), value="cfn")
        await pilot.pause()
        assert len(host.messages) == before
        assert widget.value == "cfn"
        assert widget.input.placeholder.startswith("Type the 2 answers separated by 、 or /")
        assert app.screen.query_one(Input).cursor_position == 3


async def test_a_long_answer_wraps_under_itself() -> None:
    from dataclasses import replace

    long_back = "背景・制約条件を考慮する。チームが抱えている問題を理解して、それを解決するためにどの技術が最適であるか判断する。"
    host = TypedHost(replace(card("AWS Lambda"), back=long_back))
    app = Host(host)
    async with app.run_test(size=(60, 24)) as pilot:
        await type_and_enter(pilot, "abc")
        lines = result_text(app).splitlines()
        answer = next(n for n, line in enumerate(lines) if line.startswith("Answer  "))
        assert len(lines) > answer + 1  # too long for one line
        for line in lines[answer + 1 :]:
            assert line.startswith(" " * len("Answer  ")) and line[len("Answer  ")] != " "
        assert "".join(line.strip() for line in lines[answer:]).removeprefix("Answer").strip() == long_back
