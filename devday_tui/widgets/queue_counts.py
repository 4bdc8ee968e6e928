"""What is left in a study session, in Anki's colours: new (blue), learning (red), due (green).

The count the current card comes from is underlined, as in Anki.
"""

from __future__ import annotations

from textual.content import Content

from devday_tui.widgets.line_label import LineLabel

NEW_STYLE = "bold $text-primary"
LEARNING_STYLE = "bold $text-error"
DUE_STYLE = "bold $text-success"


def counts_content(new: int, learning: int, due: int, current: str | None = None) -> Content:
    """``current`` is "new", "learning" or "due": the queue the card on screen comes from."""

    def part(name: str, label: str, value: int, style: str) -> tuple[str, str]:
        return (f"{label} {value}", f"{style} underline" if current == name else style)

    return Content.assemble(
        part("new", "New", new, NEW_STYLE),
        "  ",
        part("learning", "Learn", learning, LEARNING_STYLE),
        "  ",
        part("due", "Due", due, DUE_STYLE),
    )


class QueueCountsBar(LineLabel):
    DEFAULT_CSS = """
    QueueCountsBar {
        width: auto;
        height: 1;
    }
    """

    def show(self, new: int, learning: int, due: int, current: str | None = None) -> None:
        self.update(counts_content(new, learning, due, current))
