"""A checkbox whose state shows in its mark, not only in its colour.

Textual's ``Checkbox`` draws the same "X" when on and off and tells them apart by colour alone, which a
monochrome terminal, a colour-blind user or a screen reader over SSH cannot see. Here the box is empty when off
and ticked when on.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class CheckBox(Checkbox):
    """``Checkbox`` with "✓" when on and a blank when off."""

    ON_MARK = "✓"
    OFF_MARK = " "

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = self.ON_MARK if self.value else self.OFF_MARK
        return super()._button
