"""The result of a mock exam: the score, the weakest notes and sections, and every missed question.

``r`` sends the highlighted missed card to review today: it becomes due now, without any change to what fsrs
knows about it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from devday_tui.widgets.key_footer import KeyFooter
from devday_tui.core.exam import ExamScore, GroupScore, QuestionResult, flat_items
from devday_tui.core.model import Deck
from devday_tui.safe_text import one_line
from devday_tui.screens.exam import format_clock
from devday_tui.widgets.typed_answer import answer_lines

Clock = Callable[[], datetime]

#: Lines given to the weakest sections and to the notes before "… and N more".
SECTION_LINES = 4
NOTE_LINES = 3

_OUTCOME = {
    "wrong": ("✗ wrong", "$text-error"),
    "unanswered": ("– unanswered", "$text-muted"),
    "missed": ("✗ not recalled", "$text-error"),
    "partial": ("≈ partly recalled", "$text-warning"),
}


def _bar(ratio: float, width: int = 10) -> str:
    full = round(ratio * width)
    return "█" * full + "░" * (width - full)


def _ratio_style(ratio: float) -> str:
    return "$text-error" if ratio < 0.5 else ("$text-warning" if ratio < 0.8 else "$text-success")


def group_lines(groups: Sequence[GroupScore], limit: int | None = None) -> Content:
    """One line per group, weakest first: a bar, correct/total and the label; cut to ``limit`` lines."""
    shown = groups if limit is None else groups[:limit]
    parts: list[str | tuple[str, str]] = []
    for n, g in enumerate(shown):
        if n:
            parts.append("\n")
        parts += [(_bar(g.ratio), _ratio_style(g.ratio)), (f" {g.correct:>2}/{g.total:<2} ", "bold"), one_line(g.label, 300)]
    if limit is not None and len(groups) > limit:
        parts += ["\n", (f"… and {len(groups) - limit} more", "$text-muted")]
    return Content.assemble(*parts)


def missed_prompt(result: QuestionResult, sent: bool) -> Content:
    """A missed question: how it went, the front, the section, what was typed and the right answer."""
    card = result.card
    label, style = _OUTCOME.get(result.outcome, (result.outcome, ""))
    parts: list[str | tuple[str, str] | Content] = [(label, f"bold {style}"), "  ", (one_line(card.front, 300), "bold")]
    if sent:
        parts += ["  ", ("↻ due today", "bold $text-accent")]
    parts += ["\n  ", (one_line(card.breadcrumb, 300), "$text-muted"), "\n"]
    if result.check is not None:
        parts.append(answer_lines(result.check, indent="  "))
    elif isinstance(card.back, tuple):
        if result.outcome != "unanswered":
            parts += ["  ", (f"You had recalled {result.recalled} of {result.items}", "$text-muted"), "\n"]
        lines = flat_items(card.back)
        for n, (depth, text) in enumerate(lines):
            parts += ["  ", ("  " * depth + "• ", "$text-muted"), (one_line(text, 300), "$text-success")]
            if n + 1 < len(lines):
                parts.append("\n")
    return Content.assemble(*parts)


class ExamResultScreen(Screen[None]):
    """Shows ``exam``; ``record`` is what was kept in the store, ``problem`` why it could not be kept."""

    DEFAULT_CSS = """
    ExamResultScreen #exam-result-summary {
        height: auto;
        padding: 1 2 0 2;
    }
    ExamResultScreen #exam-result-detail {
        color: $text-muted;
    }
    ExamResultScreen #exam-result-problem {
        color: $text-error;
        text-style: bold;
        height: auto;
    }
    ExamResultScreen .exam-result-groups {
        height: auto;
        padding: 0 2;
        margin-top: 1;
    }
    ExamResultScreen .exam-result-groups > .exam-result-label {
        width: 18;
        text-style: bold;
    }
    ExamResultScreen .exam-result-groups > .exam-result-lines {
        width: 1fr;
        height: auto;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ExamResultScreen #exam-result-missed-title {
        margin-top: 1;
        padding: 0 2;
        height: 1;
        text-style: bold;
    }
    ExamResultScreen #exam-result-missed {
        height: 1fr;
        margin: 0 1;
    }
    ExamResultScreen #exam-result-all-right {
        margin-top: 1;
        padding: 0 2;
        color: $text-success;
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("r", "review_today", "Review today"),
        Binding("escape,q", "close", "Close"),
    ]

    def __init__(
        self,
        deck: Deck,
        exam: ExamScore,
        store: Any = None,
        clock: Clock | None = None,
        record: dict | None = None,
        problem: str | None = None,
    ) -> None:
        super().__init__()
        self.deck = deck
        self.exam = exam
        self.store = store
        self.clock = clock
        self.record = record or {}
        self.problem = problem
        self.missed: list[QuestionResult] = list(exam.missed)
        self.sent: set[str] = set()

    def compose(self) -> ComposeResult:
        with Vertical(id="exam-result-summary"):
            yield Static(self._score_line(), id="exam-result-score")
            yield Static(self._detail_line(), id="exam-result-detail")
            if self.problem:
                yield Static(Content(self.problem), id="exam-result-problem")
        with Horizontal(classes="exam-result-groups", id="exam-result-sections"):
            yield Static(Content("Weakest sections"), classes="exam-result-label")
            yield Static(group_lines(self.exam.by_section, SECTION_LINES), classes="exam-result-lines")
        with Horizontal(classes="exam-result-groups", id="exam-result-notes"):
            yield Static(Content("By note"), classes="exam-result-label")
            yield Static(group_lines(self.exam.by_note, NOTE_LINES), classes="exam-result-lines")
        if self.missed:
            yield Static(
                Content.assemble(
                    f"Missed questions ({len(self.missed)}) · ",
                    ("r", "bold $accent"),
                    " sends the highlighted card to review today",
                ),
                id="exam-result-missed-title",
            )
            options: list[Option | None] = []
            for r in self.missed:
                if options:
                    options.append(None)  # a rule between questions
                options.append(Option(missed_prompt(r, False), id=r.card.id))
            yield OptionList(*options, id="exam-result-missed")
        else:
            yield Static(Content("No question missed."), id="exam-result-all-right")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.missed:
            self.query_one(OptionList).focus()

    def _score_line(self) -> Content:
        exam = self.exam
        ratio = exam.ratio
        style = _ratio_style(ratio)
        return Content.assemble(
            ("Mock exam · ", "bold"),
            (one_line(self.deck.title, 60) or self.deck.key, "bold"),
            "   ",
            (f"{exam.correct}/{exam.total} correct · {ratio:.0%}", f"bold {style}"),
        )

    def _detail_line(self) -> Content:
        rec = self.record
        parts = [f"{self.exam.answered}/{self.exam.total} answered"]
        if "duration" in rec and "time_limit" in rec:
            parts.append(f"{format_clock(rec['duration'])} of {format_clock(rec['time_limit'])}")
        if rec.get("timed_out"):
            parts.append("time ran out")
        if not rec.get("counted"):
            parts.append("schedule unchanged")
        elif not self.problem:
            parts.append("answers recorded as reviews")
        if not self.problem:
            parts.append("saved")
        return Content(" · ".join(parts))

    @property
    def highlighted(self) -> QuestionResult | None:
        if not self.missed:
            return None
        option = self.query_one(OptionList).highlighted_option
        if option is None:
            return None
        return next((r for r in self.missed if r.card.id == option.id), None)

    def action_review_today(self) -> None:
        result = self.highlighted
        if result is None:
            return
        card_id = result.card.id
        if card_id in self.sent:
            self.notify("Already due today.", markup=False)
            return
        store = self.store
        if store is None or getattr(store, "read_only", False):
            self.notify("Progress is not available for writing, so the card cannot be rescheduled.", severity="error", markup=False)
            return
        now = self.clock() if self.clock is not None else datetime.now().astimezone()
        try:
            store.make_due(card_id, now)
        except Exception as exc:
            self.notify(f"Could not reschedule the card: {exc}", severity="error", markup=False)
            return
        self.sent.add(card_id)
        options = self.query_one(OptionList)
        options.replace_option_prompt(card_id, missed_prompt(result, True))
        changed = getattr(self.app, "progress_changed", None)
        if callable(changed):
            changed()
        self.notify(f"Due today: {one_line(result.card.front, 60)}", markup=False)
        options.action_cursor_down()

    def action_close(self) -> None:
        self.app.pop_screen()
