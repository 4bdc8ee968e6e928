"""The items of a list card, each after its mark ("•", "2."), the text wrapping under itself (a hanging indent).

One widget draws every line, so showing another card, or one more item of the same card, is an update of its text:
nothing is mounted or removed, and the screen is laid out once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from devday_tui.widgets.wrapped_text import screen_content, wrap_rows


@dataclass(frozen=True, slots=True)
class ItemLine:
    """One line of a list card's back: a mark ("•", "2.") and the text, hanging at ``depth``."""

    depth: int
    mark: Content
    text: Content


def item_rows(lines: Sequence[ItemLine], width: int) -> list[Content]:
    """``lines`` as rows of at most ``width`` cells: the mark, then the text wrapped in the room after it."""
    rows: list[Content] = []
    for line in lines:
        mark = Content.assemble("    " * line.depth, line.mark)
        room = mark.cell_length
        wrapped = wrap_rows(line.text, max(1, width - room)) or [Content("")]
        rows.append(mark + wrapped[0])
        rows += [Content(" " * room) + row for row in wrapped[1:]]
    return rows


class ItemList(Static):
    """Call ``show`` with the lines; they are wrapped to the widget's width, again whenever it changes."""

    DEFAULT_CSS = """
    ItemList {
        height: auto;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(markup=False, id=id, classes=classes)
        self._lines: tuple[ItemLine, ...] = ()
        #: The lines wrapped: (width, the rows as one text, how many rows).
        self._wrapped: tuple[int, Content, int] | None = None

    def show(self, lines: Sequence[ItemLine]) -> None:
        """Show ``lines``; the screen is laid out again only when the number of rows changes."""
        lines = tuple(ItemLine(line.depth, line.mark, screen_content(line.text)) for line in lines)
        if lines == self._lines:
            return
        width = self.content_size.width
        before = self._wrap(width)[2] if width else -1
        self._lines, self._wrapped = lines, None
        self.refresh(layout=not width or self._wrap(width)[2] != before)

    def _wrap(self, width: int) -> tuple[int, Content, int]:
        if self._wrapped is None or self._wrapped[0] != width:
            rows = item_rows(self._lines, width)
            self._wrapped = (width, Content("\n").join(rows).simplify(), len(rows))
        return self._wrapped

    def render(self) -> Content:
        return self._wrap(self.content_size.width or self.size.width or 80)[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._wrap(width)[2] if width else 0
