"""The time spent on the card on screen, as m:ss. The quiz saves it as the answer's duration.

The clock reads a monotonic time source (``time.monotonic`` unless given), so changing the system clock does not
change it, and a test can freeze it.
"""

from __future__ import annotations

import time
from typing import Callable

from textual.content import Content

from devday_tui.widgets.line_label import LineLabel

#: An answer that took longer than this is saved with this duration (the person was away), as in Anki.
MAX_ANSWER_SECONDS = 600.0


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    minutes, sec = divmod(seconds, 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{sec:02d}"
    return f"{minutes}:{sec:02d}"


class CardClock(LineLabel):
    DEFAULT_CSS = """
    CardClock {
        width: auto;
        height: 1;
        color: $text-muted;
    }
    """

    def __init__(self, source: Callable[[], float] | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source or time.monotonic
        self._started: float | None = None
        self._paused_at: float | None = None
        self._text: str | None = None  # what is shown

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)
        self._tick()

    def restart(self) -> None:
        """Start timing a new card from zero."""
        self._started = self.source()
        self._paused_at = None
        self._tick()

    def stop(self) -> None:
        self._started = None
        self._paused_at = None
        self._tick()

    def pause(self) -> None:
        """Stop counting (while a dialog is open) until ``resume``."""
        if self._started is not None and self._paused_at is None:
            self._paused_at = self.source()

    def resume(self) -> None:
        if self._started is not None and self._paused_at is not None:
            self._started += self.source() - self._paused_at
            self._paused_at = None

    @property
    def elapsed(self) -> float:
        if self._started is None:
            return 0.0
        end = self._paused_at if self._paused_at is not None else self.source()
        return max(0.0, end - self._started)

    @property
    def duration(self) -> float:
        """The elapsed time as saved with an answer (capped at ``MAX_ANSWER_SECONDS``)."""
        return min(self.elapsed, MAX_ANSWER_SECONDS)

    def _tick(self) -> None:
        text = "" if self._started is None else clock_text(self.elapsed)
        # Drawn only when the text changes: a paused clock (while an answer is saved) or a stopped one asks for no
        # frame, so none falls just before the next card and delays it to the following frame.
        if text != self._text:
            self._text = text
            self.update(Content(text))
