"""What the study screen shows while it waits for a learning card: when it comes back, and the keys."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from textual.widgets import Static


def wait_text(seconds: float) -> str:
    """"45s", "3m 05s": the time left before the card comes back."""
    seconds = max(0, int(round(seconds)))
    minutes, sec = divmod(seconds, 60)
    return f"{minutes}m {sec:02d}s" if minutes else f"{sec}s"


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
                (wait_text((until - now).total_seconds()), "bold $text-error"),
                f" (at {local}).\nWaiting for it…\n\n",
                ("Space", "bold $accent"),
                " study it now   ",
                ("q", "bold $accent"),
                " end the session",
            )
        )
