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
from devday_tui.widgets.key_footer import KeyFooter


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

    DEFAULT_CSS = """
    AnnotationScreen #annotation-text {
        height: 10;
    }
    AnnotationScreen #annotation-bottom {
        height: auto;
        margin-top: 1;
    }
    AnnotationScreen #annotation-where {
        width: 1fr;
        height: 3;
        content-align-vertical: middle;
        color: $text-muted;
    }
    AnnotationScreen #annotation-bottom Button {
        margin-left: 1;
    }
    """

    #: Lines of the dialog around the text box: border, padding, title and its margin, the buttons' row.
    _CHROME = 11

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Static(Content.assemble(("My note on ", "bold"), clean(self.label)), classes="dialog-title")
            yield TextArea(clean(self.text), id="annotation-text", soft_wrap=True, show_line_numbers=False)
            with Horizontal(id="annotation-bottom"):
                yield Static(
                    Content("Kept in your progress, never written into the Markdown file."), id="annotation-where"
                )
                yield Button("Save", variant="primary", id="save", action="screen.save")
                yield Button("Cancel", id="cancel", action="screen.cancel")
        yield KeyFooter()

    def on_resize(self) -> None:
        """The text box gives up lines first, so that the buttons always show (80×24 over SSH)."""
        room = self.size.height - 1 - self._CHROME  # the footer, and the rest of the dialog
        self.query_one("#annotation-text").styles.height = max(3, min(10, room))

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if self.save is not None and not self.save(text):
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
