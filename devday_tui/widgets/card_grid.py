"""A table of cards that draws only the rows on screen, so 150,000 cards scroll and sort at once.

It behaves like a ``DataTable`` with a row cursor (arrows, page keys, Home/End, a click moves the cursor, a click
on a header sorts), plus a selection: Space marks the card under the cursor, Shift+arrows mark a run. The rows
are cards given by the screen, which filters and sorts them in a worker, with the ``CardSource`` that knows their
progress; facts and cells are made for the visible rows only. Columns that do not fit the width are left out, the least needed first.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from devday_tui.core.card_table import COLUMNS, Column, cells
from devday_tui.core.model import Card
from devday_tui.core.query import CardFacts, CardSource, Moment
from devday_tui.safe_text import one_line

#: Columns in the order they are given up when the table is narrow (the last one goes first).
_PRIORITY = ("front", "where", "state", "due", "flag", "interval", "lapses", "difficulty", "reviews", "last", "kind")
#: The width the front and note columns keep together before another column is shown.
_FLEX_MIN = 46
FLAG_STYLES = {
    "red": "#e5484d",
    "orange": "#f76b15",
    "green": "#30a46c",
    "blue": "#3e8ef7",
    "pink": "#d6409f",
    "turquoise": "#12a594",
    "purple": "#8e4ec6",
}


def layout(width: int) -> list[tuple[Column, int]]:
    """The columns shown at ``width`` cells, each with its width (one space between columns)."""
    by_key = {c.key: c for c in COLUMNS}
    chosen = ["front", "where"]
    fixed = 0
    for key in _PRIORITY[2:]:
        extra = by_key[key].width + 1
        if width - 1 - (fixed + extra) >= _FLEX_MIN:
            chosen.append(key)
            fixed += extra
    flex = max(2, width - 1 - fixed - 1)
    front = max(1, flex * 3 // 5)
    widths = {"front": front, "where": max(1, flex - front)}
    return [(c, widths.get(c.key, c.width)) for c in COLUMNS if c.key in chosen]


def fit(text: str, width: int, align: str = "left") -> str:
    """``text`` in exactly ``width`` cells: cut with an ellipsis (at the start for ``align="tail"``, which keeps
    the end of a heading path), or padded."""
    if cell_len(text) > width:
        if width <= 0:
            return ""
        if align == "tail":
            kept = set_cell_size(text[::-1], width - 1)[::-1]
            return "…" + kept
        return set_cell_size(text, width - 1) + "…"
    if align == "right":
        return " " * (width - cell_len(text)) + text
    return set_cell_size(text, width)


class CardGrid(ScrollView, can_focus=True):
    """The browser's table of cards."""

    COMPONENT_CLASSES = {
        "card-grid--header",
        "card-grid--cursor",
        "card-grid--selected",
        "card-grid--muted",
        "card-grid--new",
        "card-grid--learning",
        "card-grid--review",
        "card-grid--warn",
    }

    DEFAULT_CSS = """
    CardGrid {
        height: 1fr;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    CardGrid > .card-grid--header { text-style: bold; background: $panel; }
    CardGrid > .card-grid--cursor { background: $block-cursor-blurred-background; }
    CardGrid:focus > .card-grid--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    CardGrid > .card-grid--selected { background: $accent 30%; text-style: bold; }
    CardGrid > .card-grid--muted { color: $text-muted; }
    CardGrid > .card-grid--new { color: $text-primary; }
    CardGrid > .card-grid--learning { color: $text-error; }
    CardGrid > .card-grid--review { color: $text-success; }
    CardGrid > .card-grid--warn { color: $text-warning; }
    """

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First card", show=False),
        Binding("end", "jump(-1)", "Last card", show=False),
        Binding("shift+up", "extend(-1)", "Select up", show=False),
        Binding("shift+down", "extend(1)", "Select down", show=False),
        Binding("space", "toggle", "Select"),
        Binding("enter", "open", "Details"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class _GridMessage(Message):
        """A message from the grid, which is its ``control``."""

        def __init__(self, grid: "CardGrid") -> None:
            super().__init__()
            self.grid = grid

        @property
        def control(self) -> "CardGrid":
            return self.grid

    class Highlighted(_GridMessage):
        def __init__(self, grid: "CardGrid", facts: CardFacts | None) -> None:
            super().__init__(grid)
            self.facts = facts

    class Opened(Highlighted):
        """Enter (or a double click) on a card."""

    class SortRequested(_GridMessage):
        def __init__(self, grid: "CardGrid", column: str) -> None:
            super().__init__(grid)
            self.column = column

    class SelectionChanged(_GridMessage):
        def __init__(self, grid: "CardGrid", count: int) -> None:
            super().__init__(grid)
            self.count = count

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Card] = []
        self.source: CardSource | None = None
        self.moment: Moment | None = None
        self.selected: set[str] = set()
        self.sort_column = "where"
        self.descending = False
        self._anchor: int | None = None

    # -- data -----------------------------------------------------------------------------------------------

    def show(self, rows: list[Card], source: CardSource, moment: Moment, *, keep: str | None = None) -> None:
        """Show ``rows``; the cursor stays on card ``keep`` (default: the card under it) when it is still there."""
        held = self.rows[self.cursor] if keep is None and 0 <= self.cursor < len(self.rows) else None
        self.rows = rows
        self.source = source
        self.moment = moment
        if self.selected:
            self.selected &= {c.id for c in rows}
        index = 0
        if held is not None:  # the same Card object after a sort or filter: identity is the cheapest test
            index = next((i for i, c in enumerate(rows) if c is held), 0)
        elif keep is not None:
            index = next((i for i, c in enumerate(rows) if c.id == keep), 0)
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        self._anchor = None
        self.cursor = min(index, max(0, len(rows) - 1))
        self.refresh()
        self.post_message(self.SelectionChanged(self, len(self.selected)))

    @property
    def current(self) -> CardFacts | None:
        if 0 <= self.cursor < len(self.rows) and self.source is not None:
            return self.source.facts(self.rows[self.cursor])
        return None

    @property
    def current_id(self) -> str | None:
        return self.rows[self.cursor].id if 0 <= self.cursor < len(self.rows) else None

    def targets(self) -> list[str]:
        """The cards an action applies to: the selection in table order, else the card under the cursor."""
        if self.selected:
            return [c.id for c in self.rows if c.id in self.selected]
        current = self.current_id
        return [current] if current is not None else []

    def set_sort(self, column: str, descending: bool) -> None:
        self.sort_column, self.descending = column, descending
        self.refresh()

    def clear_selection(self) -> None:
        if self.selected:
            self.selected.clear()
            self.refresh()
            self.post_message(self.SelectionChanged(self, 0))

    def select_all(self) -> None:
        self.selected = {c.id for c in self.rows}
        self.refresh()
        self.post_message(self.SelectionChanged(self, len(self.selected)))

    # -- cursor ---------------------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    def _scroll_to_cursor(self) -> None:
        body = max(1, self.size.height - 1)
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + body:
            self.scroll_to(y=self.cursor - body + 1, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.rows) + 1)
        self._scroll_to_cursor()

    def action_cursor(self, delta: int) -> None:
        self._anchor = None
        self.cursor += delta

    def action_page(self, delta: int) -> None:
        self._anchor = None
        self.cursor += delta * max(1, self.size.height - 2)

    def action_jump(self, where: int) -> None:
        self._anchor = None
        self.cursor = 0 if where == 0 else len(self.rows) - 1

    def action_extend(self, delta: int) -> None:
        """Shift+arrow: mark the cards from where the run started to the new cursor."""
        if not self.rows:
            return
        if self._anchor is None:
            self._anchor = self.cursor
        self.cursor += delta
        low, high = sorted((self._anchor, self.cursor))
        self.selected.update(c.id for c in self.rows[low : high + 1])
        self.refresh()
        self.post_message(self.SelectionChanged(self, len(self.selected)))

    def action_toggle(self) -> None:
        card_id = self.current_id
        if card_id is None:
            return
        if card_id in self.selected:
            self.selected.discard(card_id)
        else:
            self.selected.add(card_id)
        self._anchor = None
        self.post_message(self.SelectionChanged(self, len(self.selected)))
        if self.cursor < len(self.rows) - 1:
            self.cursor += 1
        else:
            self.refresh()

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self, self.current))

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            x = 0
            for column, width in layout(self.size.width):
                if x <= event.x < x + width + 1:
                    self.post_message(self.SortRequested(self, column.key))
                    return
                x += width + 1
            return
        index = round(self.scroll_y) + event.y - 1
        if 0 <= index < len(self.rows):
            self._anchor = None
            self.cursor = index
            if event.chain >= 2:
                self.action_open()

    # -- drawing --------------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        columns = layout(width)
        if y == 0:
            return self._header(columns, width)
        index = round(self.scroll_y) + y - 1
        if index >= len(self.rows) or self.moment is None or self.source is None:
            if not self.rows and y == 1:
                return Strip(
                    [Segment(fit(" No cards match.", width), self.get_component_rich_style("card-grid--muted"))]
                )
            return Strip.blank(width, self.rich_style)
        facts = self.source.facts(self.rows[index])
        values = cells(facts, self.moment)
        base = self.rich_style
        if index == self.cursor:
            base = base + self.get_component_rich_style("card-grid--cursor")
        elif facts.card.id in self.selected:
            base = base + self.get_component_rich_style("card-grid--selected")
        mark = "●" if facts.card.id in self.selected else " "
        segments = [Segment(mark, base)]
        for column, w in columns:
            text = one_line(values[column.key]) if column.key in ("front", "where") else values[column.key]
            style = base
            if index != self.cursor:
                style = base + self._cell_style(column.key, values[column.key])
            segments.append(Segment(fit(text, w, "tail" if column.key == "where" else column.align), style))
            segments.append(Segment(" ", base))
        strip = Strip(segments)
        return strip.crop_extend(0, width, base)

    def _cell_style(self, key: str, value: str) -> Style:
        if key == "state":
            name = {"new": "new", "learning": "learning", "review": "review"}.get(value, "warn")
            return self.get_component_rich_style(f"card-grid--{name}")
        if key == "flag" and value:
            return Style(color=FLAG_STYLES.get(value), bold=True)
        if key in ("kind", "where", "last"):
            return self.get_component_rich_style("card-grid--muted")
        return Style()

    def _header(self, columns: list[tuple[Column, int]], width: int) -> Strip:
        style = self.get_component_rich_style("card-grid--header")
        segments = [Segment(" ", style)]
        for column, w in columns:
            title = column.title
            if column.key == self.sort_column:
                title += " ▼" if self.descending else " ▲"
            segments.append(Segment(fit(title, w, column.align), style))
            segments.append(Segment(" ", style))
        return Strip(segments).crop_extend(0, width, style)
