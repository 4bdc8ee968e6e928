"""An ``OptionList`` for lists the screen acts on: j/k move as ↓/↑, and Enter is left to the screen (which names
it, "Browse section"), or to nothing, instead of Textual's unnamed "Select"."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class PickList(OptionList):
    """With ``select=False`` (the default) Enter is not the list's: the screen's own Enter binding runs, or none.
    A click on an option still posts ``OptionList.OptionSelected``."""

    # j/k need no line in the help (it says "↑ ↓ / j k" for every list); a list never scrolls sideways.
    BINDINGS = [
        Binding("j", "cursor_down", "", show=False),
        Binding("k", "cursor_up", "", show=False),
        Binding("left", "scroll_left", "", show=False),
        Binding("right", "scroll_right", "", show=False),
        Binding("ctrl+pageup", "page_left", "", show=False),
        Binding("ctrl+pagedown", "page_right", "", show=False),
    ]

    def __init__(self, *content, select: bool = False, **kwargs) -> None:
        super().__init__(*content, **kwargs)
        self.select = select

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select" and not self.select:
            return False
        return super().check_action(action, parameters)
