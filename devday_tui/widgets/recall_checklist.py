"""The items of a list card with a tick box each, for a person to tick those they had recalled.

Unlike Textual's ``SelectionList`` (one line per option, long items cut with "…"), an item wraps under itself, so a
long Japanese item can be read whole. ↑/↓ (or k/j) move, Space ticks or unticks, a click ticks the item clicked.
Every change posts :class:`RecallChecklist.Changed`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual import events
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from devday_tui.core.wrap import cut_for_screen
from devday_tui.safe_text import one_line
from devday_tui.widgets.wrapped_text import WrappedText

TICKED = "[✓] "
UNTICKED = "[ ] "


class RecallChecklist(Widget, can_focus=True):
    """``items`` are (depth, text) in order; ``selected`` the indices ticked."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Previous item", show=False),
        Binding("down,j", "cursor(1)", "Next item", show=False),
        Binding("home", "cursor_to(0)", "First item", show=False),
        Binding("end", "cursor_to(-1)", "Last item", show=False),
        Binding("space", "toggle", "Tick"),
    ]

    DEFAULT_CSS = """
    RecallChecklist {
        height: auto;
        padding: 0 1;
        border: tall $border-blurred;
    }
    RecallChecklist:focus {
        border: tall $border;
    }
    RecallChecklist > .recall-row {
        height: auto;
    }
    RecallChecklist .recall-mark {
        width: auto;
        color: $text-muted;
    }
    RecallChecklist .recall-text {
        width: 1fr;
    }
    RecallChecklist > .recall-row.-ticked .recall-mark {
        color: $text-success;
        text-style: bold;
    }
    RecallChecklist:focus > .recall-row.-cursor {
        background: $accent 25%;
    }
    """

    class Changed(Message):
        """The ticked items changed."""

        def __init__(self, checklist: "RecallChecklist", selected: frozenset[int]) -> None:
            super().__init__()
            self.checklist = checklist
            self.selected = selected

        @property
        def control(self) -> "RecallChecklist":
            return self.checklist

    def __init__(
        self,
        items: Sequence[tuple[int, str]] = (),
        selected: Iterable[int] = (),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.items: tuple[tuple[int, str], ...] = tuple(items)
        self.selected: frozenset[int] = frozenset(selected)
        self.cursor = 0

    def compose(self):
        yield from self._rows()

    def _rows(self) -> list[Horizontal]:
        rows = []
        for n, (depth, text) in enumerate(self.items):
            ticked = n in self.selected
            rows.append(
                Horizontal(
                    Static(self._mark(depth, ticked), classes="recall-mark"),
                    WrappedText(Content(one_line(cut_for_screen(text))), classes="recall-text"),
                    classes="recall-row" + (" -ticked" if ticked else "") + (" -cursor" if n == self.cursor else ""),
                )
            )
        return rows

    @staticmethod
    def _mark(depth: int, ticked: bool) -> Content:
        return Content("  " * depth + (TICKED if ticked else UNTICKED))

    def set_items(self, items: Sequence[tuple[int, str]], selected: Iterable[int] = ()) -> None:
        """Show other items (another question), the cursor on the first."""
        self.items = tuple(items)
        self.selected = frozenset(selected)
        self.cursor = 0
        if self.is_mounted:
            self.remove_children()
            self.mount_all(self._rows())

    # -------------------------------------------------------------------------------------------- actions

    def _row(self, n: int) -> Horizontal | None:
        rows = list(self.query_children(".recall-row"))
        return rows[n] if 0 <= n < len(rows) else None  # type: ignore[return-value]

    def _move(self, n: int) -> None:
        if not self.items:
            return
        old, self.cursor = self.cursor, max(0, min(n, len(self.items) - 1))
        for index in (old, self.cursor):
            row = self._row(index)
            if row is not None:
                row.set_class(index == self.cursor, "-cursor")
        row = self._row(self.cursor)
        if row is not None:
            row.scroll_visible(animate=False)

    def action_cursor(self, step: int) -> None:
        self._move(self.cursor + int(step))

    def action_cursor_to(self, index: int) -> None:
        self._move(int(index) % len(self.items) if self.items else 0)

    def action_toggle(self) -> None:
        self.toggle(self.cursor)

    def toggle(self, n: int) -> None:
        if not 0 <= n < len(self.items):
            return
        ticked = n not in self.selected
        self.selected = self.selected | {n} if ticked else self.selected - {n}
        row = self._row(n)
        if row is not None:
            row.set_class(ticked, "-ticked")
            row.query_one(".recall-mark", Static).update(self._mark(self.items[n][0], ticked))
        self.post_message(self.Changed(self, self.selected))

    def on_click(self, event: events.Click) -> None:
        rows = list(self.query_children(".recall-row"))
        node = event.widget
        while node is not None and node is not self:
            if node in rows:
                index = rows.index(node)  # type: ignore[arg-type]
                self.focus()
                self._move(index)
                self.toggle(index)
                return
            node = node.parent  # type: ignore[assignment]
