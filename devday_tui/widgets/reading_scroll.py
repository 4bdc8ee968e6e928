"""A ``VerticalScroll`` for pages that are read, not edited: only the keys that scroll it up and down are named
(so the help does not offer "Scroll Left" and "Page Right" on a page that never scrolls sideways)."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll


class ReadingScroll(VerticalScroll):
    BINDINGS = [
        Binding("left", "scroll_left", "", show=False),
        Binding("right", "scroll_right", "", show=False),
        Binding("ctrl+pageup", "page_left", "", show=False),
        Binding("ctrl+pagedown", "page_right", "", show=False),
        Binding("j", "scroll_down", "", show=False),
        Binding("k", "scroll_up", "", show=False),
    ]
