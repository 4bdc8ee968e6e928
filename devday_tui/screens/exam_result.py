"""The result of a mock exam: the score, the weakest notes and sections, and every missed question.

``r`` sends the highlighted missed card to review today: it becomes due now, without any change to what fsrs
knows about it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from devday_tui.core.clock import Clock, format_duration
from devday_tui.core.exam import ExamScore, QuestionResult, flat_items
from devday_tui.core.model import Deck
from devday_tui.progress_store import ExamStore
from devday_tui.safe_text import one_line
from devday_tui.saving import save
from devday_tui.widgets.fitted_path import fit_path
from devday_tui.widgets.key_footer import KeyFooter
from devday_tui.widgets.pick_list import PickList
from devday_tui.widgets.score_groups import ScoreGroups, ratio_style
from devday_tui.widgets.typed_answer import answer_rows, hang

#: Lines given to the weakest sections and to the notes before "… and N more".
SECTION_LINES = 4
NOTE_LINES = 3

_OUTCOME = {
    "wrong": ("✗ wrong", "$text-error"),
    "unanswered": ("– unanswered", "$text-muted"),
    "missed": ("✗ not recalled", "$text-error"),
    "partial": ("≈ partly recalled", "$text-warning"),
}


def missed_prompt(result: QuestionResult, sent: bool, width: int = 200) -> Content:
    """A missed question in ``width`` cells: how it went and the front, the section, then what was typed and the
    right answer, or the list's items marked recalled (✓) or not (✗)."""
    card = result.card
    label, style = _OUTCOME.get(result.outcome, (result.outcome, ""))
    front = Content.styled(one_line(card.front), "bold")
    if sent:
        front = Content.assemble(front, "  ", ("↻ due today", "bold $text-accent"))
    lines = hang(Content.styled(f"{label}  ", f"bold {style}"), front, width)
    lines.append(Content.assemble("  ", (fit_path(card.context, max(width - 2, 10)), "$text-muted")))
    if result.check is not None:
        for row_label, text in answer_rows(result.check):
            lines += hang(Content.assemble("  ", (row_label, "$text-muted")), text, width)
    elif isinstance(card.back, tuple):
        answered = result.outcome != "unanswered"
        if answered:
            lines.append(Content.styled(f"  You had recalled {result.recalled} of {result.items}", "$text-muted"))
        for n, (depth, item) in enumerate(flat_items(card.back)):
            if not answered:
                mark, text_style = ("• ", "$text-muted"), ""
            elif n in result.ticked:
                mark, text_style = ("✓ ", "$text-success"), ""
            else:
                mark, text_style = ("✗ ", "bold $text-error"), "bold"
            prefix = Content.assemble("  " + "  " * depth, mark)
            lines += hang(prefix, Content.styled(one_line(item), text_style), width)
    return Content("\n").join(lines)


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
    ExamResultScreen .exam-result-groups > ScoreGroups {
        width: 1fr;
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

    HELP_TITLE = "Mock exam result"

    BINDINGS = [
        Binding("r", "review_today", "Review today"),
        Binding("a", "review_all_today", "All to review today"),
        Binding("escape,q", "close", "Close"),
    ]

    def __init__(
        self,
        deck: Deck,
        exam: ExamScore,
        store: ExamStore | None = None,
        clock: Clock | None = None,
        record: dict[str, Any] | None = None,
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
            yield ScoreGroups(self.exam.by_section, SECTION_LINES)
        with Horizontal(classes="exam-result-groups", id="exam-result-notes"):
            yield Static(Content("By note"), classes="exam-result-label")
            yield ScoreGroups(self.exam.by_note, NOTE_LINES)
        if self.missed:
            yield Static(
                Content.assemble(
                    f"Missed questions ({len(self.missed)}) · ",
                    ("r", "bold $accent"),
                    ": this one to review today · ",
                    ("a", "bold $accent"),
                    ": all of them",
                ),
                id="exam-result-missed-title",
            )
            options: list[Option | None] = []
            for r in self.missed:
                if options:
                    options.append(None)  # a rule between questions
                options.append(Option(missed_prompt(r, False, self.app.size.width - 8), id=r.card.id))
            yield PickList(*options, id="exam-result-missed")
        else:
            yield Static(Content("No question missed."), id="exam-result-all-right")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        if self.missed:
            self.query_one(OptionList).focus()
            self.call_after_refresh(self._fit_prompts)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_prompts)

    def _prompt_width(self) -> int:
        options = self.query_one(OptionList)
        return max(options.scrollable_content_region.width - 1, 20)

    def _fit_prompts(self) -> None:
        """Wrap the missed questions to the width of the list, with hanging indents."""
        if not self.missed or not self.is_attached:
            return
        width = self._prompt_width()
        if width == getattr(self, "_fitted_width", None):
            return
        self._fitted_width = width
        options = self.query_one(OptionList)
        for r in self.missed:
            options.replace_option_prompt(r.card.id, missed_prompt(r, r.card.id in self.sent, width))

    def _score_line(self) -> Content:
        exam = self.exam
        ratio = exam.ratio
        style = ratio_style(ratio)
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
            parts.append(
                f"{format_duration(rec['duration'], clock=True)} of {format_duration(rec['time_limit'], clock=True)} used"
            )
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer the review keys only when a question was missed; dim "all" once every one was sent."""
        if action == "review_today":
            return bool(self.missed)
        if action == "review_all_today":
            if not self.missed:
                return False
            return True if any(r.card.id not in self.sent for r in self.missed) else None
        return True

    def _writable(self) -> ExamStore | None:
        """The store when it can be written; otherwise ``None``, after saying so."""
        store = self.store
        if store is None or store.read_only:
            self.notify(
                "Progress is not available for writing, so no card can be rescheduled.", severity="error", markup=False
            )
            return None
        return store

    def _send(self, store: ExamStore, results: list[QuestionResult], *, one: bool) -> None:
        """Make these cards due now (in one save off the UI thread) and mark them so."""
        now = self.clock() if self.clock is not None else datetime.now().astimezone()

        def write() -> list[QuestionResult]:
            for result in results:
                store.make_due(result.card.id, now)
            return results

        def sent(done: list[QuestionResult]) -> None:
            if not self.is_attached:
                return
            for result in done:
                self.sent.add(result.card.id)
                self.query_one(OptionList).replace_option_prompt(
                    result.card.id, missed_prompt(result, True, self._prompt_width())
                )
            self.refresh_bindings()
            if one:
                self.notify(f"Due today: {one_line(done[0].card.front, 60)}", markup=False)
            else:
                cards = "card is" if len(done) == 1 else "cards are"
                self.notify(f"{len(done)} missed {cards} now due today.", markup=False)

        save(self.app, write, sent)

    def action_review_today(self) -> None:
        result = self.highlighted
        if result is None:
            return
        if result.card.id in self.sent:
            self.notify("Already due today.", markup=False)
            return
        store = self._writable()
        if store is None:
            return
        self._send(store, [result], one=True)
        self.query_one(OptionList).action_cursor_down()

    def action_review_all_today(self) -> None:
        waiting = [r for r in self.missed if r.card.id not in self.sent]
        if not waiting:
            self.notify("Every missed card is already due today.", markup=False)
            return
        store = self._writable()
        if store is not None:
            self._send(store, waiting, one=False)

    def action_close(self) -> None:
        self.app.pop_screen()
