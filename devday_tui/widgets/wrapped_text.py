"""Card text wrapped like Japanese and English should be (:mod:`devday_tui.core.wrap`), again at every resize.

The text is cut for the screen first (:func:`~devday_tui.core.wrap.cut_for_screen`), so a note with a 5 MB line
costs no more to show than a short one.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from devday_tui.core.wrap import cell_len, cut_for_screen, wrap


def screen_content(content: Content | str) -> Content:
    """``content`` cut to what a screen can show (see :func:`cut_for_screen`), styles kept on what is kept."""
    if isinstance(content, str):
        return Content(cut_for_screen(content))
    plain = content.plain
    shown = cut_for_screen(plain)
    if shown is plain or shown == plain:
        return content
    # Keep the styles of the kept head, then the summary ("… 4,998,000 more characters") plainly.
    head = 0
    while head < len(shown) and head < len(plain) and shown[head] == plain[head]:
        head += 1
    return Content.assemble(content[:head], Content.styled(shown[head:], "$text-muted"))


def wrap_rows(content: Content, width: int) -> list[Content]:
    """``content`` broken into lines of at most ``width`` cells, bullets hanging under their text."""
    return [
        Content.assemble(" " * line.indent, content[line.start : line.end])
        if line.indent
        else content[line.start : line.end]
        for line in wrap(content.plain, max(1, width))
    ]


def wrap_content(content: Content, width: int) -> Content:
    """:func:`wrap_rows` as one ``Content``, one line per row."""
    return Content("\n").join(wrap_rows(content, width))


class WrappedText(Static):
    """A ``Static`` for card text: ``update`` it with a ``Content`` (or a plain string, shown as data, never as
    markup). It wraps with :func:`wrap_rows` to its width, again whenever that changes."""

    DEFAULT_CSS = """
    WrappedText {
        height: auto;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def __init__(
        self,
        content: Content | str = "",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self._text = screen_content(content)
        self._wrapped: tuple[int, Content] | None = None
        super().__init__(self._text, markup=False, name=name, id=id, classes=classes)

    def update(self, content: Content | str = "", *, layout: bool = True) -> None:  # type: ignore[override]
        """Show ``content``. The same text with the same styles draws nothing; another text lays the screen out
        again only when it wraps to another number of rows (or the widget's width follows its text)."""
        text = screen_content(content)
        if text.plain == self._text.plain and text.spans == self._text.spans:
            return
        width = self.content_size.width
        auto_width = self.styles.width is not None and self.styles.width.is_auto
        rows = self._rows(width) if width and layout and not auto_width else 0
        self._text, self._wrapped = text, None
        if rows:
            layout = self._rows(width) != rows
        super().update(self._text, layout=layout)

    def _rows(self, width: int) -> int:
        return self._lines(width).plain.count("\n") + 1

    def _lines(self, width: int) -> Content:
        if self._wrapped is None or self._wrapped[0] != width:
            self._wrapped = (width, wrap_content(self._text, width))
        return self._wrapped[1]

    def render(self) -> Content:
        return self._lines(self.content_size.width or self.size.width or 80)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((cell_len(line) for line in self._text.plain.split("\n")), default=0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._rows(width) if width else 0
