"""A yes/no question, answered with y or n (Enter takes the highlighted button, Esc means no)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Returns True for yes, False for no."""

    HELP_TITLE = "Question"

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, title: str, question: Content | str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.dialog_title = title
        self.question = question if isinstance(question, Content) else Content(question)
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog -small"):
            yield Static(Content.styled(self.dialog_title, "bold"), classes="dialog-title")
            yield Static(self.question, id="confirm-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content.assemble(("y", "bold"), f" {self.yes}"), id="yes", variant="primary", compact=True)
                yield Button(Content.assemble(("n", "bold"), f" {self.no}"), id="no", compact=True)
            yield Static(
                Content.styled(f"y: {self.yes.lower()} · n or Esc: {self.no.lower()}", "$text-muted"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(bool(yes))
