"""The mock exam itself: timed questions, answered by typing or by recalling a list, in any order.

Nothing is revealed until the exam is submitted (Ctrl+S) or the time runs out. Then the result is kept in the
store, the answered questions are recorded as reviews only if the person chose so, and the result screen
replaces this one.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from devday_tui.core.answer import expected_answers
from devday_tui.core.clock import Clock, format_duration, system_clock
from devday_tui.core.exam import (
    ExamConfig,
    ExamScore,
    Response,
    draw,
    flat_items,
    record,
    schedule_ratings,
    score,
)
from devday_tui.core.model import LIST_KINDS, Card, Deck
from devday_tui.core.words import plural
from devday_tui.core.wrap import cut_for_screen
from devday_tui.progress_store import ExamStore
from devday_tui.safe_text import clean
from devday_tui.saving import save
from devday_tui.screens.exam_setup import progress_map
from devday_tui.widgets.fitted_path import FittedPath
from devday_tui.widgets.key_footer import KeyFooter
from devday_tui.widgets.reading_scroll import ReadingScroll
from devday_tui.widgets.recall_checklist import RecallChecklist
from devday_tui.widgets.typed_answer import TypedAnswer
from devday_tui.widgets.wrapped_text import WrappedText

#: From this many seconds left, the timer turns to a warning.
LOW_TIME = 60


class ExamScreen(Screen[None]):
    """A running mock exam over ``questions`` (drawn from ``cards`` with ``rng`` when not given)."""

    HELP_TITLE = "Mock exam"

    DEFAULT_CSS = """
    ExamScreen {
        layout: vertical;
    }
    ExamScreen #exam-bar {
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    ExamScreen #exam-position {
        width: 1fr;
    }
    ExamScreen #exam-timer {
        width: auto;
        text-style: bold;
    }
    ExamScreen.-low-time #exam-timer {
        color: $text-error;
        background: $error 20%;
    }
    ExamScreen #exam-strip {
        height: auto;
        padding: 0 1;
    }
    ExamScreen #exam-body {
        height: 1fr;
        padding: 1 2 0 2;
    }
    ExamScreen #exam-context {
        color: $text-muted;
    }
    ExamScreen #exam-front {
        text-style: bold;
        margin: 1 0;
    }
    ExamScreen #exam-hint {
        color: $text-muted;
        margin-bottom: 1;
    }
    ExamScreen #exam-list {
        height: auto;
    }
    ExamScreen #exam-message {
        height: auto;
        padding: 0 1;
        color: $text-warning;
    }
    """

    BINDINGS = [
        Binding("pagedown", "next", "Next", priority=True),
        Binding("pageup", "previous", "Previous", priority=True),
        Binding("enter", "advance", "Next question", show=False),
        Binding("ctrl+r", "reveal", "Reveal list", priority=True),
        Binding("space", "reveal", "Reveal list", show=False),
        Binding("ctrl+s", "submit", "Submit", priority=True),
        Binding("escape", "abandon", "Leave"),
    ]

    def __init__(
        self,
        deck: Deck,
        cards: Sequence[Card] | None = None,
        store: ExamStore | None = None,
        clock: Clock | None = None,
        rng: random.Random | None = None,
        config: ExamConfig | None = None,
        *,
        questions: Sequence[Card] | None = None,
    ) -> None:
        super().__init__()
        self.deck = deck
        self.store = store
        self.clock: Clock = clock or system_clock
        self.config = config or ExamConfig()
        self.problem: str | None = None
        pool = list(deck.cards if cards is None else cards)
        now = self.clock()
        if questions is not None:
            self.questions = list(questions)
        else:
            try:
                self.questions = draw(
                    pool,
                    progress_map(store, pool),
                    self.config.questions,
                    rng=rng or random.Random(),
                    now=now,
                )
            except ValueError as exc:
                self.questions = []
                self.problem = str(exc)
        self.responses: dict[str, Response] = {c.id: Response() for c in self.questions}
        self.spent: dict[str, float] = {c.id: 0.0 for c in self.questions}
        self.index = 0
        self.started = now
        self.deadline = now + self.config.time_limit
        self.finished = False
        self._entered = now
        self._armed: str | None = None  # the action a second key press confirms

    # ------------------------------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="exam-bar"):
            yield Static(id="exam-position")
            yield Static(id="exam-timer")
        yield Static(id="exam-strip")
        with ReadingScroll(id="exam-body"):
            yield FittedPath(id="exam-context")
            yield WrappedText(id="exam-front")
            yield Static(id="exam-hint")
            yield TypedAnswer("", check_on_submit=False, id="exam-typed")
            yield RecallChecklist(id="exam-list")
        yield Static(id="exam-message")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        if not self.questions:
            self.notify(self.problem or "No questions to ask.", severity="error", markup=False)
            self.app.pop_screen()
            return
        self.show_question(0)
        self.tick()
        self.set_interval(1.0, self.tick)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer "Reveal list" only on a list question whose items are still hidden; dim Previous on the first
        question and Next on the last."""
        if self.finished:
            return False  # the result is being saved: nothing to change, nowhere to go but the result
        if not self.questions:
            return action in ("abandon",)
        if action == "reveal":
            card = self.card
            return card.kind in LIST_KINDS and self.responses[card.id].recalled is None
        if action == "previous":
            return True if self.index > 0 else None
        if action == "next":
            return True if self.index + 1 < len(self.questions) else None
        return True

    # ----------------------------------------------------------------------------------------- showing

    @property
    def card(self) -> Card:
        return self.questions[self.index]

    def _leave_question(self) -> None:
        now = self.clock()
        if self.questions:
            self.spent[self.card.id] += max((now - self._entered).total_seconds(), 0.0)
        self._entered = now

    def show_question(self, index: int) -> None:
        self.index = max(0, min(index, len(self.questions) - 1))
        card = self.card
        response = self.responses[card.id]
        self.query_one("#exam-context", FittedPath).show(card.context)
        self.query_one("#exam-front", WrappedText).update(Content(clean(cut_for_screen(card.front))))
        typed = self.query_one(TypedAnswer)
        listing = self.query_one("#exam-list", RecallChecklist)
        if card.kind in LIST_KINDS:
            typed.display = False
            items = flat_items(card.back) if isinstance(card.back, tuple) else []
            if response.recalled is None:
                listing.display = False
                listing.set_items(())
                if len(items) == 1:
                    hint = (
                        "Recall the item in your head, then press Space (or Ctrl+R) to see it and tick it if "
                        "you had recalled it."
                    )
                else:
                    hint = (
                        f"Recall the {len(items)} items in your head, then press Space (or Ctrl+R) to see them "
                        "and tick the ones you had recalled."
                    )
                self.set_focus(None)
            else:
                listing.set_items(items, response.recalled)
                listing.display = True
                hint = "Tick what you had recalled (Space, ↑ ↓). Enter or PageDown: next question."
                listing.focus()
        else:
            listing.display = False
            listing.set_items(())
            typed.display = True
            answers = expected_answers(card)
            typed.reset(answers or ("",), value=response.typed)
            hint = "Type the answer. Enter or PageDown: next question · PageUp: previous."
            if len(answers) > 1:
                hint = f"{len(answers)} blanks: type the answers in order, separated by 、 or /. " + hint
            typed.focus()
        self.query_one("#exam-hint", Static).update(Content(hint))
        self.query_one("#exam-body", VerticalScroll).scroll_home(animate=False)
        self._armed = None
        self._refresh_progress()
        self.refresh_bindings()

    def _refresh_progress(self) -> None:
        answered = sum(1 for r in self.responses.values() if r.answered)
        total = len(self.questions)
        self.query_one("#exam-position", Static).update(
            Content.assemble(
                ("Mock exam ", "bold"),
                f"· question {self.index + 1} of {total} · {answered} answered",
            )
        )
        cells: list[tuple[str, str]] = []
        for n, card in enumerate(self.questions):
            if n and n % 10 == 0:
                cells.append((" ", ""))
            answered = self.responses[card.id].answered
            if n == self.index:
                cells.append(("◉" if answered else "◎", "bold $text-accent"))
            else:
                cells.append(("●" if answered else "○", "$text-success" if answered else "$text-muted"))
        self.query_one("#exam-strip", Static).update(Content.assemble(*cells))

    def tick(self) -> None:
        """Update the timer; submit when the time is up."""
        if self.finished or not self.questions:
            return
        left = (self.deadline - self.clock()).total_seconds()
        self.set_class(left <= LOW_TIME, "-low-time")
        self.query_one("#exam-timer", Static).update(Content(f"⏱ {format_duration(left, clock=True)} left"))
        if left <= 0:
            self.finish(timed_out=True)

    def _say(self, message: str) -> None:
        self.query_one("#exam-message", Static).update(Content(message))

    # ------------------------------------------------------------------------------------------ answers

    @on(TypedAnswer.Changed)
    def _typed(self, event: TypedAnswer.Changed) -> None:
        if self.finished or not self.questions or self.card.kind in LIST_KINDS:
            return
        self.responses[self.card.id].typed = event.value
        self._armed = None
        self._say("")
        self._refresh_progress()

    @on(TypedAnswer.Submitted)
    def _typed_submitted(self) -> None:
        self.action_next()

    @on(RecallChecklist.Changed, "#exam-list")
    def _ticked(self, event: RecallChecklist.Changed) -> None:
        if self.finished or not self.questions or self.card.kind not in LIST_KINDS:
            return
        if self.responses[self.card.id].recalled is None:
            return
        self.responses[self.card.id].recalled = event.selected
        self._armed = None
        self._refresh_progress()

    # ------------------------------------------------------------------------------------------ actions

    def action_next(self) -> None:
        if self.index + 1 < len(self.questions):
            self._leave_question()
            self.show_question(self.index + 1)
            self._say("")
        else:
            self._say("This is the last question. Ctrl+S submits the exam; PageUp goes back.")

    def action_advance(self) -> None:
        """Enter: the next question, or say that this is the last one."""
        self.action_next()

    def action_previous(self) -> None:
        if self.index > 0:
            self._leave_question()
            self.show_question(self.index - 1)
            self._say("")

    def action_reveal(self) -> None:
        card = self.card
        if card.kind not in LIST_KINDS:
            return
        response = self.responses[card.id]
        if response.recalled is None:
            response.recalled = frozenset()
            self.show_question(self.index)

    def action_submit(self) -> None:
        unanswered = sum(1 for r in self.responses.values() if not r.answered)
        if unanswered and self._armed != "submit":
            self._armed = "submit"
            noun = "question is" if unanswered == 1 else "questions are"
            self._say(f"{unanswered} {noun} unanswered. Press Ctrl+S again to submit anyway.")
            return
        self.finish(timed_out=False)

    def action_abandon(self) -> None:
        """Esc asks before leaving: y leaves without keeping anything, n or Esc goes back to the question."""
        from devday_tui.screens.confirm import ConfirmScreen

        def answered(leave: bool | None) -> None:
            if leave and not self.finished and self.is_current:
                self.finished = True
                self.app.pop_screen()

        answered_count = sum(1 for r in self.responses.values() if r.answered)
        question = Content.assemble(
            "Leave the mock exam? ",
            (f"{plural(answered_count, 'answer')} and the time spent are not kept.", "$text-muted"),
            "\nCtrl+S submits it instead.",
        )
        self.app.push_screen(ConfirmScreen("Leave the exam?", question, yes="Leave", no="Go on"), answered)

    # ------------------------------------------------------------------------------------------- finish

    def finish(self, *, timed_out: bool) -> None:
        """Score the exam, keep the result and record reviews if asked (off the UI thread), then show the result
        screen, which says what could not be kept."""
        if self.finished:
            return
        self.finished = True
        self._leave_question()
        self.refresh_bindings()
        now = self.clock()
        ended = min(now, self.deadline) if timed_out else now
        exam = score(self.questions, self.responses)
        data = record(
            exam, deck_key=self.deck.key, started=self.started, finished=ended, config=self.config, timed_out=timed_out
        )

        def show(problem: str | None) -> None:
            from devday_tui.screens.exam_result import ExamResultScreen

            if self.is_current:
                self.app.switch_screen(
                    ExamResultScreen(
                        deck=self.deck, exam=exam, store=self.store, clock=self.clock, record=data, problem=problem
                    )
                )

        store = self.store
        if store is None:
            show("Progress is not available, so this result was not kept.")
        elif store.read_only:
            show("Another devday-tui has your progress open: this result was not kept.")
        else:
            self._say("Saving the result…")
            save(
                self.app,
                lambda: self._write(store, data, exam, now),
                lambda _r: show(None),
                failed=lambda exc: show(str(exc)),
            )

    def _write(self, store: ExamStore, data: dict[str, Any], exam: ExamScore, now: datetime) -> None:
        """Keep the result, then the reviews when they count (runs in a worker)."""
        try:
            store.record_exam(data, now)
        except Exception as exc:
            raise ExamNotKept(f"The result could not be kept: {exc}") from exc
        if self.config.count_towards_schedule:
            try:
                for card_id, rating in schedule_ratings(exam):
                    duration = round(self.spent.get(card_id, 0.0), 1)
                    store.answer(card_id, rating, now, duration=duration, settings=self.deck.settings)
            except Exception as exc:
                raise ExamNotKept(f"The reviews could not all be recorded: {exc}") from exc


class ExamNotKept(Exception):
    """What of a finished exam could not be kept, in words for the result screen."""
