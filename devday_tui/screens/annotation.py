"""A modal editor for a personal note on a card or a section."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from devday_tui.safe_text import clean


class AnnotationScreen(ModalScreen[str | None]):
    """Returns the saved text (empty when the note was removed), or None when cancelled.

    ``save`` stores the text and returns False when it could not (it says why); the editor then stays open, so
    nothing typed is lost.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, label: str, text: str = "", *, save: Callable[[str], bool] | None = None) -> None:
        super().__init__()
        self.label = label
        self.text = text
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Static(Content.assemble(("My note on ", "bold"), clean(self.label)), classes="dialog-title")
            yield TextArea(clean(self.text), id="annotation-text", soft_wrap=True, show_line_numbers=False)
            yield Static(
                Content.styled("Kept in your progress, never written into the Markdown file. Ctrl+S saves, Esc cancels.", "$text-muted"),
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if self.save is not None and not self.save(text):
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
