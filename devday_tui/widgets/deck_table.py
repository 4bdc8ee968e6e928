"""The list of decks on the home screen, with their new, learning and due counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable

from devday_tui.safe_text import one_line


@dataclass(frozen=True, slots=True)
class DeckRow:
    key: str
    title: str
    cards: int
    new: int
    learning: int
    due: int
    exam_date: date | None
    today: date
    wip: int = 0


def _count(value: int, style: str) -> Content:
    return Content.styled(str(value), style if value else "$text-muted")


def exam_cell(exam: date | None, today: date) -> Content:
    if exam is None:
        return Content.styled("—", "$text-muted")
    days = (exam - today).days
    if days < 0:
        return Content.styled(f"{exam.isoformat()} (past)", "$text-muted")
    if days == 0:
        return Content.styled(f"{exam.isoformat()} (today!)", "bold $error")
    style = "bold $warning" if days <= 7 else "$text"
    return Content.styled(f"{exam.isoformat()} ({days}d)", style)


class DeckTable(DataTable):
    """One row per deck. Enter asks to study the deck under the cursor."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Study", show=True),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    class StudyRequested(Message):
        def __init__(self, deck_key: str) -> None:
            super().__init__()
            self.deck_key = deck_key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._keys: list[str] = []

    def _fit_height(self) -> None:
        """Its height: the header and the rows, and a line for the horizontal scroll bar when the columns are wider
        than the room. Set here, not measured by the table (``height: auto``): a table laid out in the same frame
        as its first rows was seen, on a loaded machine, to keep no height at all."""
        room = self.parent.content_size.width if isinstance(self.parent, Widget) else 0
        width = sum(column.width + 2 * self.cell_padding for column in self.columns.values())
        scroll = 1 if room and width > room else 0
        self.styles.height = len(self._keys) + (1 if self.show_header else 0) + scroll

    def on_resize(self, event: events.Resize) -> None:
        self._fit_height()

    HEADERS: tuple[tuple[str, str, str], ...] = (
        ("deck", "Deck", "bold"),
        ("new", "New", "bold $text-primary"),
        ("learning", "Learn", "bold $text-error"),
        ("due", "Due", "bold $text-success"),
        ("cards", "Cards", "bold"),
        ("wip", "WIP", "bold $text-warning"),
        ("exam", "Exam", "bold"),
        ("key", "Key", "bold $text-muted"),
    )

    @property
    def selected_key(self) -> str | None:
        if not self._keys or self.cursor_row < 0 or self.cursor_row >= len(self._keys):
            return None
        return self._keys[self.cursor_row]

    def show(self, rows: list[DeckRow]) -> None:
        """Replace the rows, keeping the cursor on the same deck."""
        keep = self.selected_key
        self.clear(columns=True)
        self._keys = [row.key for row in rows]
        cells = [
            [
                Content(one_line(row.title, 48)),
                _count(row.new, "bold $text-primary"),
                _count(row.learning, "bold $text-error"),
                _count(row.due, "bold $text-success"),
                Content(str(row.cards)),
                _count(row.wip, "$text-warning"),
                exam_cell(row.exam_date, row.today),
                Content.styled(one_line(row.key, 24), "$text-muted"),  # what --deck takes on the command line
            ]
            for row in rows
        ]
        # Columns are sized here: a Content cell would otherwise be measured by its longest word.
        for n, (key, label, style) in enumerate(self.HEADERS):
            width = max([len(label)] + [line[n].cell_length for line in cells])
            self.add_column(Content.styled(label, style), key=key, width=width)
        for row, line in zip(rows, cells):
            self.add_row(*line, key=row.key)
        self._fit_height()
        if keep in self._keys:
            self.move_cursor(row=self._keys.index(keep))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.StudyRequested(str(event.row_key.value)))
