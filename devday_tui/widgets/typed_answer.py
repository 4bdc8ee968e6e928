"""A text box for typing an answer, which checks it and shows a character diff and the suggested grade.

The check is :func:`devday_tui.core.answer.check`: it treats full/half width, case, katakana/hiragana, long-vowel
and small-kana variants, spaces, surrounding punctuation and bracketed parts as the same, so whatever a Japanese
IME produced is compared fairly.

Two modes:

- ``check_on_submit=True`` (the quiz): Enter checks the answer, shows the verdict under the box and posts
  :class:`TypedAnswer.Checked`. The box is then disabled (so that grade keys reach the screen) until
  :meth:`TypedAnswer.reset`.
- ``check_on_submit=False`` (the mock exam): Enter only posts :class:`TypedAnswer.Submitted`; nothing is revealed.

Every change of the text posts :class:`TypedAnswer.Changed`. State shows as classes: ``-checked`` and one of
``-exact``, ``-close``, ``-wrong``, ``-empty``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from devday_tui.core.answer import DIFF_DISPLAY_LIMIT, AnswerCheck, DiffPart, Verdict, check
from devday_tui.core.answer import clean as answer_clean
from devday_tui.safe_text import clean
from devday_tui.widgets.wrapped_text import wrap_rows

#: The longest answer the box accepts; longer pastes are cut here (and checked at once all the same).
MAX_TYPED = 2_000

_VERDICT_STYLE = {
    Verdict.EXACT: ("✓", "bold $text-success"),
    Verdict.CLOSE: ("≈", "bold $text-warning"),
    Verdict.WRONG: ("✗", "bold $text-error"),
    Verdict.EMPTY: ("✗", "bold $text-error"),
}

_DIFF_STYLE = {
    "same": "$text-success",
    "extra": "bold $text-error strike",
    "missing": "bold $text-warning underline",
    "ignored": "$text-muted",
    "sep": "$text-muted",
}

_VERDICT_CLASSES = tuple(f"-{v.value}" for v in Verdict)


def diff_content(parts: Sequence[DiffPart]) -> Content:
    """Diff runs as styled content: wrong characters struck out, missing ones underlined, optional ones dimmed."""
    return Content.assemble(*((_one_line(p.text), _DIFF_STYLE.get(p.kind, "")) for p in parts))


def _one_line(text: str) -> str:
    return clean(text).replace("\n", " ")


def answer_rows(result: AnswerCheck, *, answer: bool = True) -> list[tuple[str, Content]]:
    """(label, text) rows: what was typed and the answer, marked character by character when the answer was
    close. A wrong answer is shown whole in the error colour: matching a stray letter here and there would only be
    noise. Without ``answer`` (the card shows its answer just below), the answer row comes only for a close
    answer, where it marks what was missing."""
    rows: list[tuple[str, Content]] = []
    if result.verdict is not Verdict.EMPTY:
        if result.verdict is Verdict.WRONG:
            typed = _one_line(result.typed)
            if len(typed) > DIFF_DISPLAY_LIMIT:
                typed = typed[:DIFF_DISPLAY_LIMIT] + "…"
            rows.append(("You     ", Content.styled(typed, "$text-error")))
        else:
            rows.append(("You     ", diff_content(result.typed_diff)))
    if not answer and result.verdict is not Verdict.CLOSE:
        return rows
    if result.verdict in (Verdict.WRONG, Verdict.EMPTY):
        rows.append(("Answer  ", Content.styled(_one_line(result.expected), "bold")))
    else:
        rows.append(("Answer  ", diff_content(result.answer_diff)))
    return rows


def hang(prefix: Content, text: Content, width: int | None) -> list[Content]:
    """``prefix`` then ``text`` wrapped to ``width`` cells, its next lines starting under its first character
    (a hanging indent, so that long Japanese lines with no spaces stay readable). No wrapping without a width."""
    if not width:
        return [Content.assemble(prefix, text)]
    indent = prefix.cell_length
    rows = wrap_rows(text, max(width - indent, 10)) or [Content("")]
    return [Content.assemble(prefix, rows[0])] + [Content.assemble(" " * indent, row) for row in rows[1:]]


def answer_lines(result: AnswerCheck, indent: str = "", width: int | None = None, *, answer: bool = True) -> Content:
    """:func:`answer_rows` as lines, each label in a muted colour, the text hanging under itself in ``width``."""
    lines: list[Content] = []
    for label, text in answer_rows(result, answer=answer):
        lines += hang(Content.assemble(indent, (label, "$text-muted")), text, width)
    return Content("\n").join(lines)


def result_content(result: AnswerCheck, width: int | None = None, *, answer: bool = True) -> Content:
    """The verdict and the suggested grade, then :func:`answer_lines`."""
    mark, style = _VERDICT_STYLE[result.verdict]
    grade = result.grade
    return Content.assemble(
        (f"{mark} {result.message}", style),
        ("   suggested grade: ", "$text-muted"),
        (f"{grade.name} ({int(grade)})", "bold"),
        "\n",
        answer_lines(result, width=width, answer=answer),
    )


class AnswerBox(Input):
    """The text box of a :class:`TypedAnswer`. Keys reach it in the order they were typed, so Enter checks what
    was typed before it, never less. Once checked, the box takes no more keys: one typed right after Enter (a
    grade) goes on to the screen instead of into the box."""

    def __init__(self, *args, on_enter: Callable[[], None] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.on_enter = on_enter
        self.closed = False

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return not self.closed and super().check_consume_key(key, character)

    async def on_key(self, event: events.Key) -> None:
        if self.closed:
            event.prevent_default()  # not typed here: it bubbles on to the screen's keys
        elif event.key == "enter" and self.on_enter is not None:
            event.stop()
            event.prevent_default()
            self.on_enter()


class TypedAnswer(Widget):
    """An answer box for one card. ``expected`` is the answer, or a cloze's answers in order."""

    DEFAULT_CSS = """
    TypedAnswer {
        height: auto;
    }
    TypedAnswer > Input {
        width: 1fr;
    }
    TypedAnswer > .typed-answer--result {
        height: auto;
        padding: 0 1;
        display: none;
    }
    TypedAnswer.-checked > .typed-answer--result {
        display: block;
    }
    TypedAnswer.-exact > Input { border: tall $success; }
    TypedAnswer.-close > Input { border: tall $warning; }
    TypedAnswer.-wrong > Input, TypedAnswer.-empty > Input { border: tall $error; }
    """

    class _Message(Message):
        """A message from a TypedAnswer; ``control`` lets handlers use ``@on(..., "#id")`` selectors."""

        def __init__(self, typed_answer: "TypedAnswer") -> None:
            super().__init__()
            self.typed_answer = typed_answer

        @property
        def control(self) -> "TypedAnswer":
            return self.typed_answer

    class Changed(_Message):
        """The typed text changed."""

        def __init__(self, typed_answer: "TypedAnswer", value: str) -> None:
            super().__init__(typed_answer)
            self.value = value

    class Submitted(_Message):
        """Enter was pressed in exam mode (nothing is checked or shown)."""

        def __init__(self, typed_answer: "TypedAnswer", value: str) -> None:
            super().__init__(typed_answer)
            self.value = value

    class Checked(_Message):
        """The answer was checked; ``result`` has the verdict, the diff and the suggested grade."""

        def __init__(self, typed_answer: "TypedAnswer", result: AnswerCheck) -> None:
            super().__init__(typed_answer)
            self.result = result

    def __init__(
        self,
        expected: str | Sequence[str],
        *,
        value: str = "",
        check_on_submit: bool = True,
        answer_row: bool = True,
        on_checked: Callable[["TypedAnswer", AnswerCheck], None] | None = None,
        placeholder: str | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.expected: tuple[str, ...] = (expected,) if isinstance(expected, str) else tuple(expected)
        self.check_on_submit = check_on_submit
        #: False where the answer is shown right below (the quiz's card back): it is then not repeated here.
        self.answer_row = answer_row
        #: Called as soon as the answer is checked, before any key typed after Enter is read.
        self.on_checked = on_checked
        self.result: AnswerCheck | None = None
        self._initial = value[:MAX_TYPED]
        self._placeholder = placeholder or self.default_placeholder(len(self.expected), check_on_submit)

    @staticmethod
    def default_placeholder(blanks: int, check_on_submit: bool) -> str:
        what = f"Type the {blanks} answers separated by 、 or /" if blanks > 1 else "Type the answer"
        return f"{what} — Enter checks" if check_on_submit else what

    def compose(self) -> ComposeResult:
        yield AnswerBox(
            self._initial,
            on_enter=self._enter if self.check_on_submit else None,
            placeholder=self._placeholder,
            max_length=MAX_TYPED,
            select_on_focus=False,
            compact=False,
        )
        yield Static("", classes="typed-answer--result", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value if self.is_mounted else self._initial

    @value.setter
    def value(self, text: str) -> None:
        if self.is_mounted:
            box = self.input
            with box.prevent(Input.Changed):
                box.value = text[:MAX_TYPED]
        else:
            self._initial = text[:MAX_TYPED]

    @property
    def blank(self) -> bool:
        """Whether nothing visible has been typed (spaces and control characters do not count)."""
        return not answer_clean(self.value).strip()

    def focus(self, scroll_visible: bool = True) -> "TypedAnswer":
        if self.is_mounted:
            self.input.focus(scroll_visible)
        return self

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, event.value))

    def _enter(self) -> None:
        if self.result is None:
            self.check()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.check_on_submit:
            self.post_message(self.Submitted(self, event.value))

    def check(self) -> AnswerCheck:
        """Check the typed text now, show the verdict, tell ``on_checked`` at once and post :class:`Checked`."""
        result = check(self.value, self.expected if len(self.expected) > 1 else self.expected[0])
        self.show_result(result)
        if self.on_checked is not None:
            self.on_checked(self, result)
        self.post_message(self.Checked(self, result))
        return result

    def show_result(self, result: AnswerCheck) -> None:
        self.result = result
        self.remove_class(*_VERDICT_CLASSES)
        self.add_class("-checked", f"-{result.verdict.value}")
        self._show_result_lines()
        box = self.input
        if isinstance(box, AnswerBox):
            box.closed = True
        # Disabled once the keys already sent to it have gone on (a disabled box would swallow them).
        box.call_later(setattr, box, "disabled", True)

    def _show_result_lines(self) -> None:
        if self.result is None:
            return
        # The result's padding is one cell on each side; before the first layout the width is not known yet.
        width = self.content_size.width - 2 if self.content_size.width > 2 else None
        self.query_one(".typed-answer--result", Static).update(
            result_content(self.result, width, answer=self.answer_row)
        )

    def on_resize(self) -> None:
        self._show_result_lines()

    def reset(self, expected: str | Sequence[str] | None = None, value: str = "") -> None:
        """Clear the box (for the next card), optionally with a new expected answer."""
        if expected is not None:
            self.expected = (expected,) if isinstance(expected, str) else tuple(expected)
            self._placeholder = self.default_placeholder(len(self.expected), self.check_on_submit)
        self.result = None
        self.remove_class("-checked", *_VERDICT_CLASSES)
        if self.is_mounted:
            self.query_one(".typed-answer--result", Static).update("")
            box = self.input
            box.disabled = False
            if isinstance(box, AnswerBox):
                box.closed = False
            box.placeholder = self._placeholder
            with box.prevent(Input.Changed):
                box.value = value[:MAX_TYPED]
            box.cursor_position = len(box.value)
        else:
            self._initial = value[:MAX_TYPED]
