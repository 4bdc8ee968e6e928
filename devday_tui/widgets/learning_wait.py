"""What the study screen shows while it waits for a learning card: when it comes back, and the keys."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from textual.widgets import Static

from devday_tui.core.clock import format_duration


class LearningWait(Static):
    """Nothing else is due: the learning card comes back at a time shown here, counting down."""

    DEFAULT_CSS = """
    LearningWait {
        height: 1fr;
        content-align: center middle;
        text-align: center;
    }
    """

    def show(self, until: datetime, now: datetime, *, answered: bool) -> None:
        local = until.astimezone().strftime("%H:%M")
        self.update(
            Content.assemble(
                ("Nothing else is due right now.\n\n" if answered else "Nothing is due right now.\n\n", "bold"),
                "A card you are learning comes back in ",
                (format_duration((until - now).total_seconds()), "bold $text-error"),
                f" (at {local}).\nWaiting for it…\n\n",
                ("Space", "bold $accent"),
                " study it now   ",
                ("q", "bold $accent"),
                " end the session",
            )
        )
