"""A one-line label that changes often (a count, a clock): the screen is laid out again only when its width does.

``Static.update`` lays out the whole screen each time, since a new text may need another size; a label whose text
keeps its width (``0:07`` → ``0:08``, ``New 3`` → ``New 2``) only needs to be drawn again.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class LineLabel(Static):
    """A ``Static`` for one line of text, shown as data (never read as markup)."""

    def __init__(self, content: Content | str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(content, markup=False, id=id, classes=classes)
        self._cells = Content(content).cell_length if isinstance(content, str) else content.cell_length

    def update(self, content: Content | str = "", *, layout: bool = True) -> None:  # type: ignore[override]
        cells = Content(content).cell_length if isinstance(content, str) else content.cell_length
        super().update(content, layout=layout and cells != self._cells)
        self._cells = cells
