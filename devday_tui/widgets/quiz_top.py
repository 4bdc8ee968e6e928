"""The line above a card in the study screen: what is left (new, learning, due), the card's kind, the progress of
the session and the time on the card."""

from __future__ import annotations

from typing import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

from devday_tui.core.queue import QueueCounts as Left
from devday_tui.widgets.card_clock import CardClock
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
        self.clock_source = clock_source

    def compose(self) -> ComposeResult:
        yield QueueCountsBar(id="quiz-counts")
        yield Static(id="quiz-kind")
        yield ProgressBar(id="quiz-progress", show_eta=False, show_percentage=False)
        yield Static(id="quiz-done")
        yield CardClock(source=self.clock_source, id="quiz-clock")

    def show(self, left: Left, done: int, *, current: str | None, kind: str | None) -> None:
        """``left`` still to do, ``done`` answered; ``current`` is the count the card on screen comes from and
        ``kind`` its kind (both None while no card is shown)."""
        self.query_one(QueueCountsBar).show(left.new, left.learning, left.due, current)
        total = done + left.total
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#quiz-done", Static).update(Content(f"{done}/{total}"))
        label = self.query_one("#quiz-kind", Static)
        label.display = kind is not None
        label.update(Content(kind or ""))
