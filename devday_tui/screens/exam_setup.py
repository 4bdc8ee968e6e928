"""Choosing a mock exam: how many questions, how long, and whether it counts towards the schedule."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from devday_tui.core.exam import DEFAULT_QUESTIONS, MINUTES_PER_QUESTION, ExamConfig, eligible, validate
from devday_tui.core.model import Card, Deck
from devday_tui.core.scheduling import CardProgress
from devday_tui.progress_store import ExamStore
from devday_tui.safe_text import one_line
from devday_tui.widgets.check_box import CheckBox
from devday_tui.widgets.key_footer import KeyFooter


def progress_map(store: ExamStore | None, cards: Sequence[Card]) -> dict[str, CardProgress | None]:
    """Each card's stored progress (None for a card never studied); empty without a store."""
    if store is None:
        return {}
    return {card.id: store.progress(card.id) for card in cards}


class ExamSetupScreen(ModalScreen[ExamConfig | None]):
    """Returns the chosen :class:`ExamConfig`, or None when cancelled."""

    HELP_TITLE = "Mock exam setup"

    DEFAULT_CSS = """
    ExamSetupScreen {
        align: center middle;
    }
    ExamSetupScreen > #exam-setup {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 0 2;
        border: round $primary;
        background: $surface;
    }
    ExamSetupScreen #exam-setup-title {
        text-style: bold;
        margin-top: 1;
    }
    ExamSetupScreen #exam-setup-pool {
        color: $text-muted;
        margin-bottom: 1;
    }
    ExamSetupScreen .exam-setup-row {
        height: 1;
        margin-bottom: 1;
    }
    ExamSetupScreen .exam-setup-row > Label {
        width: 22;
    }
    ExamSetupScreen .exam-setup-row > Input {
        width: 8;
    }
    ExamSetupScreen .exam-setup-row > .exam-setup-unit {
        width: 1fr;
        padding-left: 1;
        color: $text-muted;
    }
    ExamSetupScreen #exam-setup-hint {
        color: $text-muted;
        height: auto;
        padding-left: 4;
    }
    ExamSetupScreen #exam-setup-error {
        height: auto;
        margin-top: 1;
        color: $text-error;
        text-style: bold;
        display: none;
    }
    ExamSetupScreen #exam-setup-buttons {
        height: 1;
        margin: 1 0;
        align-horizontal: right;
    }
    ExamSetupScreen #exam-setup-buttons > Button {
        margin-left: 2;
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "start", "Start", priority=True),
    ]

    def __init__(self, deck: Deck, cards: Sequence[Card] | None = None, store: ExamStore | None = None) -> None:
        super().__init__()
        self.deck = deck
        self.cards = list(deck.cards if cards is None else cards)
        self.store = store
        self.available = 0
        self.suspended = 0
        self._minutes_edited = False
        self._auto_minutes = ""  # the time limit last filled in from the number of questions

    def compose(self) -> ComposeResult:
        with Vertical(id="exam-setup"):
            yield Static(id="exam-setup-title")
            yield Static(id="exam-setup-pool")
            with Horizontal(classes="exam-setup-row"):
                yield Label("Questions", id="exam-questions-label")
                yield Input(type="integer", id="exam-questions", max_length=5, compact=True)
                yield Static("", id="exam-questions-unit", classes="exam-setup-unit")
            with Horizontal(classes="exam-setup-row"):
                yield Label("Time limit (minutes)")
                yield Input(type="integer", id="exam-minutes", max_length=5, compact=True)
                yield Static(f"default: {MINUTES_PER_QUESTION} minute per question", classes="exam-setup-unit")
            yield CheckBox("Count towards my schedule", False, id="exam-count-schedule", compact=True)
            yield Static(
                "Off: the exam leaves your review schedule as it is. On: each answered question is also recorded "
                "as a review (exact = Good, close = Hard, wrong = Again).",
                id="exam-setup-hint",
                markup=False,
            )
            yield Static("", id="exam-setup-error", markup=False)
            with Horizontal(id="exam-setup-buttons"):
                yield Button("Start", variant="primary", id="exam-start", compact=True)
                yield Button("Cancel", id="exam-cancel", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        store = self.store
        progress = progress_map(store, self.cards)
        self.available = len(eligible(self.cards, progress))
        self.suspended = sum(1 for p in progress.values() if p is not None and p.suspended)
        title = one_line(self.deck.title, 50) or self.deck.key
        self.query_one("#exam-setup-title", Static).update(Content.assemble("Mock exam · ", (title, "bold")))
        pool = f"{self.available} card{'s' if self.available != 1 else ''} can be asked"
        if self.suspended:
            pool += f" ({self.suspended} suspended left out)"
        pool += ". Weak cards are drawn more often."
        if store is None or store.read_only:
            pool += "\nProgress is not writable here: the result will be shown but not kept."
        self.query_one("#exam-setup-pool", Static).update(Content(pool))
        questions = min(DEFAULT_QUESTIONS, self.available) if self.available else DEFAULT_QUESTIONS
        self.query_one("#exam-questions", Input).value = str(questions)
        self._auto_minutes = str(questions * MINUTES_PER_QUESTION)
        self.query_one("#exam-minutes", Input).value = self._auto_minutes
        self.query_one("#exam-questions-unit", Static).update(Content(f"of {self.available}"))
        if self.available == 0:
            self.query_one("#exam-start", Button).disabled = True
            self._show_error(validate(1, 1, 0))
            self.query_one("#exam-cancel", Button).focus()
        else:
            box = self.query_one("#exam-questions", Input)
            box.focus()
            box.select_all()  # typing a number replaces the default

    # -------------------------------------------------------------------------------------------- reading

    def _number(self, selector: str) -> int | None:
        text = self.query_one(selector, Input).value.strip()
        try:
            return int(text)
        except ValueError:
            return None

    def _show_error(self, message: str | None) -> None:
        error = self.query_one("#exam-setup-error", Static)
        error.update(message or "")
        error.display = bool(message)
        self.set_class(bool(message), "-invalid")

    def current(self) -> tuple[ExamConfig | None, str | None]:
        """The config the form describes, or the message saying what is wrong with it."""
        questions = self._number("#exam-questions")
        minutes = self._number("#exam-minutes")
        if questions is None:
            return None, "Type the number of questions."
        if minutes is None:
            return None, "Type the time limit in minutes."
        message = validate(questions, minutes, self.available)
        if message:
            return None, message
        count = self.query_one("#exam-count-schedule", Checkbox).value
        return ExamConfig(questions=questions, minutes=minutes, count_towards_schedule=count), None

    # --------------------------------------------------------------------------------------------- events

    @on(Input.Changed, "#exam-questions")
    def _questions_changed(self, event: Input.Changed) -> None:
        questions = self._number("#exam-questions")
        if not self._minutes_edited and questions is not None and questions > 0:
            self._auto_minutes = str(questions * MINUTES_PER_QUESTION)
            self.query_one("#exam-minutes", Input).value = self._auto_minutes
        self._show_error(self.current()[1] if event.value.strip() else None)

    @on(Input.Changed, "#exam-minutes")
    def _minutes_changed(self, event: Input.Changed) -> None:
        if event.value != self._auto_minutes:
            self._minutes_edited = True
        if self.available:
            self._show_error(self.current()[1] if event.value.strip() else None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#exam-start")
    def _start_pressed(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#exam-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_start(self) -> None:
        config, message = self.current()
        if config is None:
            self._show_error(message)
            return
        self.dismiss(config)

    def action_cancel(self) -> None:
        self.dismiss(None)
