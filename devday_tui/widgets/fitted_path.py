"""A heading path (note › section › subsection) on one line, cut to the width it is given so that the last
heading, the one that tells sections apart, stays whole.

``fit_cells`` and ``fit_path`` count terminal cells, not characters: a Japanese character takes two.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from devday_tui.safe_text import one_line

SEPARATOR = " › "


def fit_cells(text: str, cells: int) -> str:
    """``text`` on one line, cut to ``cells`` terminal cells (wide characters count two) with an ellipsis."""
    line = one_line(text)
    if cell_len(line) <= cells:
        return line
    out: list[str] = []
    used = 0
    for ch in line:
        width = cell_len(ch)
        if used + width > cells - 1:
            break
        out.append(ch)
        used += width
    return "".join(out) + "…"


def fit_path(parts: Sequence[str], cells: int) -> str:
    """``parts`` joined with " › " in at most ``cells`` cells.

    What does not fit is cut from the front, not the end: the last heading stays whole (unless it alone is too
    long), then as many headings before it as fit, and what is left of the first ones, cut with "…".
    """
    names = [name for name in (one_line(p) for p in parts) if name]
    if not names:
        return ""
    full = SEPARATOR.join(names)
    if cell_len(full) <= cells:
        return full
    if len(names) == 1 or cell_len("…" + SEPARATOR + names[-1]) > cells:
        return fit_cells(names[-1], cells)
    start = len(names) - 1  # where the headings kept whole begin
    while start > 1 and cell_len("…" + SEPARATOR + SEPARATOR.join(names[start - 1 :])) <= cells:
        start -= 1
    tail = SEPARATOR.join(names[start:])
    room = cells - cell_len(tail) - cell_len(SEPARATOR)
    return fit_cells(SEPARATOR.join(names[:start]), room) + SEPARATOR + tail


class FittedPath(Widget):
    """One line showing ``parts`` with :func:`fit_path`, fitted again whenever the widget is resized."""

    DEFAULT_CSS = """
    FittedPath {
        height: 1;
        width: 1fr;
    }
    """

    def __init__(
        self, parts: Sequence[str] = (), *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.parts: tuple[str, ...] = tuple(parts)

    def show(self, parts: Sequence[str]) -> None:
        self.parts = tuple(parts)
        self.refresh()

    @property
    def text(self) -> str:
        """The whole path, uncut."""
        return SEPARATOR.join(name for name in (one_line(p) for p in self.parts) if name)

    def render(self) -> Content:
        return Content(fit_path(self.parts, max(self.content_size.width, 1)))
