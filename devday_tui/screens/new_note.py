"""Asks for the title of a new note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from devday_tui.safe_text import clean
from devday_tui.widgets.key_footer import KeyFooter


class NewNoteScreen(ModalScreen[str | None]):
    """Returns the title typed, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, folder: str) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog -small"):
            yield Static(Content.styled("New note", "bold"), classes="dialog-title")
            yield Static(Content.assemble("In ", (clean(self.folder), "bold")), classes="dialog-hint")
            yield Input(placeholder="Title, e.g. AWS DevDay 2019 Day2", id="title")
            yield Static(id="new-note-error", classes="dialog-error")
            yield Static(
                Content.styled("Enter creates it and opens the editor. Esc cancels.", "$text-muted"),
                classes="dialog-hint",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#new-note-error").display = False
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        title = clean(event.value).strip()
        if not title:
            error = self.query_one("#new-note-error", Static)
            error.update("A note needs a title.")
            error.display = True
            return
        self.dismiss(title)

    def action_cancel(self) -> None:
        self.dismiss(None)
