"""Every problem met while reading the notes and opening the progress, each naming its file and line."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from devday_tui.safe_text import one_line
from devday_tui.screens.in_app import InApp
from devday_tui.widgets.key_footer import KeyFooter


class ProblemsScreen(InApp, ModalScreen[None]):
    BINDINGS = [Binding("escape,q,p", "close", "Close")]

    DEFAULT_CSS = """
    ProblemsScreen #problems {
        height: 1fr;
    }
    """

    def compose(self) -> ComposeResult:
        app = self.app
        items: list[Content] = []
        if app.store_error:
            items.append(Content.assemble(("progress: ", "bold $text-error"), one_line(app.store_error)))
        if app.store is not None:
            for notice in app.store.notices:
                items.append(Content.assemble(("progress: ", "bold $text-warning"), one_line(notice)))
        if app.library is not None:
            for warning in app.library.warnings:
                where = f"{warning.path}:{warning.line}" if warning.line else str(warning.path)
                items.append(Content.assemble((one_line(where), "bold"), "  ", one_line(warning.message)))
        with Vertical(id="dialog", classes="dialog -wide"):
            yield Static(Content.styled(f"Problems ({len(items)})", "bold"), classes="dialog-title")
            if items:
                yield OptionList(*items, id="problems")
            else:
                yield Static(
                    Content.styled("No problems: every note was read and progress is in order.", "$text-success")
                )
            yield Static(Content.styled("Esc closes.", "$text-muted"), classes="dialog-hint")
        yield KeyFooter()

    def action_close(self) -> None:
        self.dismiss(None)
