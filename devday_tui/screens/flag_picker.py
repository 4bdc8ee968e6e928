"""A small dialog that asks which flag to put on the chosen cards."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from devday_tui.core.query import FLAGS
from devday_tui.widgets.card_grid import FLAG_STYLES
from devday_tui.widgets.key_footer import KeyFooter


class FlagPickerScreen(ModalScreen[str | None]):
    """Returns the flag chosen ("" removes the flag), or None when cancelled. Keys 1–7 pick a flag, 0 none."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")] + [
        Binding(str(n), f"pick({n})", flag.capitalize(), show=False) for n, flag in enumerate(("none", *FLAGS))
    ]

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -small"):
            what = f"{self.count} card{'s' if self.count != 1 else ''}"
            yield Static(Content.styled(f"Flag {what}", "bold"), classes="dialog-title")
            options = [
                Option(Content.assemble((f"{n} ", "bold"), ("■ ", FLAG_STYLES[flag]), flag), id=flag)
                for n, flag in enumerate(FLAGS, 1)
            ]
            options.append(Option(Content.assemble(("0 ", "bold"), "no flag"), id=""))
            yield OptionList(*options, id="flag-options")
            yield Static(Content.styled("Enter or 0–7 chooses, Esc cancels.", "$text-muted"), classes="dialog-hint")
        yield KeyFooter()  # the dialog's own keys, not the browser's under it

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id or "")

    def action_pick(self, n: int) -> None:
        self.dismiss("" if n == 0 else FLAGS[n - 1])

    def action_cancel(self) -> None:
        self.dismiss(None)
