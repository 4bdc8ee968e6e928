"""An in-app Markdown editor, used when $EDITOR is not set."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from devday_tui.safe_text import clean
from devday_tui.widgets.key_footer import KeyFooter


class FileEditorScreen(ModalScreen[str | None]):
    """Edits ``text`` (the file's content). Returns the saved text, or None when closed without saving.

    ``save`` writes the text and returns False when it could not (it says why); the editor then stays open with
    everything typed.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Close"),
    ]

    def __init__(self, path: Path, text: str, line: int = 1, *, save: Callable[[str], bool] | None = None) -> None:
        super().__init__()
        self.path = path
        self.text = text
        self.save = save
        self.line = max(1, line)
        self._confirm_discard = False

    DEFAULT_CSS = """
    FileEditorScreen #file-text {
        height: 1fr;
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="editor-dialog", classes="dialog -wide"):
            yield Static(Content.assemble(("Editing ", "bold"), clean(str(self.path))), classes="dialog-title")
            yield TextArea(self.text, id="file-text", language="markdown", show_line_numbers=True, soft_wrap=True)
            yield Static(
                Content.styled(
                    "Ctrl+S saves and re-reads the note. Esc closes. Set $EDITOR to use your own editor.", "$text-muted"
                ),
                classes="dialog-hint",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        row = min(self.line - 1, area.document.line_count - 1)
        area.move_cursor((row, 0))
        area.scroll_cursor_visible(center=True)

    def on_text_area_changed(self) -> None:
        self._confirm_discard = False

    def action_save(self) -> None:
        text = self.query_one(TextArea).text
        if text != self.text and self.save is not None and not self.save(text):
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        if self.query_one(TextArea).text != self.text and not self._confirm_discard:
            self._confirm_discard = True
            self.notify("Unsaved changes. Press Esc again to discard them, or Ctrl+S to save.", severity="warning")
            return
        self.dismiss(None)
