"""The line at the top of a cram session: it is one, and whether its answers change the schedule."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class CramBanner(Static):
    DEFAULT_CSS = """
    CramBanner {
        height: 1;
        padding: 0 1;
        background: $warning 25%;
        color: $text;
    }
    CramBanner.-counts { background: $error 25%; }
    """

    def __init__(self, counts: bool, cards: int) -> None:
        what = f"{cards} card{'s' if cards != 1 else ''}"
        if counts:
            text = Content.assemble(
                ("Cram session", "bold"), f" · {what} · your answers count: they change the schedule"
            )
        else:
            text = Content.assemble(
                ("Cram session", "bold"), f" · {what} · practice only: your schedule stays as it is"
            )
        super().__init__(text, classes="-counts" if counts else "")
