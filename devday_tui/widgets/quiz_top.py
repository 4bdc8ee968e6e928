"""The line above a card in the study screen: what is left (new, learning, due), the card's kind, the progress of
the session and the time on the card."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar

from devday_tui.core.queue import QueueCounts as Left
from devday_tui.widgets.card_clock import CardClock
from devday_tui.widgets.line_label import LineLabel
from devday_tui.widgets.queue_counts import QueueCountsBar


class QuizTop(Horizontal):
    """Counts, kind, progress bar, ``done/total`` and the card clock (read from ``clock_source``)."""

    DEFAULT_CSS = """
    QuizTop { height: 1; padding: 0 1; }
    QuizTop > #quiz-kind { width: auto; margin: 0 2; color: $text-secondary; }
    QuizTop > #quiz-progress { width: 1fr; height: 1; }
    QuizTop > #quiz-progress Bar { width: 1fr; }
    QuizTop > #quiz-done { width: auto; margin: 0 2 0 1; color: $text-muted; }
    """

    def __init__(self, clock_source: Callable[[], float], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._counts = QueueCountsBar(id="quiz-counts")
        self._kind = LineLabel(id="quiz-kind")
        self._progress = ProgressBar(id="quiz-progress", show_eta=False, show_percentage=False)
        self._done = LineLabel(id="quiz-done")
        self.clock = CardClock(source=clock_source, id="quiz-clock")

    def compose(self) -> ComposeResult:
        yield from (self._counts, self._kind, self._progress, self._done, self.clock)

    def show(self, left: Left, done: int, *, current: str | None, kind: str | None) -> None:
        """``left`` still to do, ``done`` answered; ``current`` is the count the card on screen comes from and
        ``kind`` its kind (both None while no card is shown)."""
        self._counts.show(left.new, left.learning, left.due, current)
        total = done + left.total
        self._progress.update(total=max(total, 1), progress=done)
        self._done.update(Content(f"{done}/{total}"))
        self._kind.display = kind is not None
        self._kind.update(Content(kind or ""))
