"""Textual's ``Markdown`` with paragraphs (and list items' text) wrapped like card text: at Japanese phrase
boundaries, Latin words whole, kinsoku kept (:mod:`devday_tui.core.wrap`), again at every resize."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownBlock, MarkdownParagraph

from devday_tui.widgets.wrapped_text import wrap_content


class PhraseParagraph(MarkdownParagraph):
    """A Markdown paragraph wrapped by :func:`wrap_content` instead of at any character."""

    _wrapped: tuple[int, int, Content] | None = None

    def _lines(self, width: int) -> Content:
        content = self._content
        if self._wrapped is None or self._wrapped[:2] != (width, id(content)):
            self._wrapped = (width, id(content), wrap_content(content, width))
        return self._wrapped[2]

    def render(self) -> Content:
        return self._lines(self.content_size.width or self.size.width or 80)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not width:
            return 0
        return self._lines(width).plain.count("\n") + 1


class NoteMarkdown(Markdown):
    """``Markdown`` for a note's text."""

    BLOCKS: dict[str, type[MarkdownBlock]] = {**Markdown.BLOCKS, "paragraph_open": PhraseParagraph}
