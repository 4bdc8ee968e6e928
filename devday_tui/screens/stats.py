"""Statistics of one deck (or of every card): the review heatmap and streak, the forecast of due cards, true
retention, where the cards stand, readiness for the exam, and the hardest sections of each note.

The figures come from ``core.stats_figures``; they are computed in a worker thread (the whole review history is
read), while the screen shows a loading indicator.
"""

from __future__ import annotations

from datetime import datetime

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, LoadingIndicator, Static

from devday_tui.core.model import Card, DeckSettings
from devday_tui.core.stats_figures import Figures, compute_figures
from devday_tui.core.study_stats import CardCounts, ExamReadiness, NoteDifficulty
from devday_tui.core.words import plural
from devday_tui.progress_store import BrowserStore
from devday_tui.safe_text import one_line
from devday_tui.screens.in_app import InApp
from devday_tui.widgets.exam_trend import ExamTrendChart
from devday_tui.widgets.fitted_path import fit_cells, fit_path
from devday_tui.widgets.forecast_chart import ForecastChart
from devday_tui.widgets.heatmap import HeatmapChart
from devday_tui.widgets.key_footer import KeyFooter
from devday_tui.widgets.reading_scroll import ReadingScroll
from devday_tui.widgets.retention_meter import RetentionMeter

COUNT_STYLES = {
    "new": "$text-primary",
    "learning": "$text-error",
    "young": "$text-success 70%",
    "mature": "$text-success",
    "suspended": "$text-warning",
    "leech": "$text-error",
}


def counts_content(counts: CardCounts, width: int = 60) -> Content:
    """The counts, and a bar of the cards split by state."""
    parts: list[str | tuple[str, str]] = []
    for name in ("new", "learning", "young", "mature", "suspended"):
        value = getattr(counts, name)
        parts += [(f"{name.capitalize()} ", "bold"), (f"{value}", f"bold {COUNT_STYLES[name]}"), "   "]
    parts += [("Leeches ", "bold"), (f"{counts.leech}", f"bold {COUNT_STYLES['leech']}" if counts.leech else "bold")]
    bar: list[str | tuple[str, str]] = []
    total = counts.total
    if total:
        used = 0
        names = ("new", "learning", "young", "mature", "suspended")
        for n, name in enumerate(names):
            value = getattr(counts, name)
            cells = round(width * (used + value) / total) - round(width * used / total)
            used += value
            if cells:
                bar.append(("█" * cells, COUNT_STYLES[name]))
    young_mature = Content.styled("young: interval under 21 days; mature: 21 days or more", "$text-muted")
    return Content("\n").join([Content.assemble(*parts), Content.assemble(*bar), young_mature])


def readiness_content(ready: ExamReadiness, new_per_day: int) -> Content:
    date_text = f"{ready.exam_date.strftime('%a')} {ready.exam_date.day} {ready.exam_date.strftime('%b %Y')}"
    if ready.days_left > 1:
        left = (f"{ready.days_left} days left", "bold $text-warning" if ready.days_left <= 7 else "bold")
    elif ready.days_left == 1:
        left = ("tomorrow", "bold $text-error")
    elif ready.days_left == 0:
        left = ("today", "bold $text-error")
    else:
        left = (f"{-ready.days_left} days ago", "$text-muted")
    lines = [Content.assemble(("Exam         ", "bold"), date_text, "  ·  ", left)]
    unseen: list[str | tuple[str, str]] = [
        ("Not seen yet ", "bold"),
        (f"{ready.unseen}", "bold $text-primary" if ready.unseen else "bold $text-success"),
        f" of {plural(ready.total, 'card')}",
    ]
    if ready.unseen and ready.new_per_day_needed is not None:
        pace = ready.new_per_day_needed
        style = "$text-error" if pace > new_per_day else "$text-muted"
        unseen.append((f"  → {pace} new a day to see them all (deck limit {new_per_day})", style))
    elif ready.unseen:
        unseen.append(("  → too late to see them all before the exam", "$text-error"))
    lines.append(Content.assemble(*unseen))
    predicted = ready.predicted
    style = "$text-success" if predicted >= 0.8 else "$text-warning" if predicted >= 0.5 else "$text-error"
    recall: list[str | tuple[str, str]] = [
        ("Recall       ", "bold"),
        (f"{predicted:.0%}", f"bold {style}"),
        (" of the deck recalled on the exam morning if you stop now", "$text-muted"),
    ]
    lines.append(Content.assemble(*recall))
    if ready.predicted_seen is not None:
        lines.append(
            Content.assemble(
                " " * 13,
                (f"{ready.predicted_seen:.0%}", "bold"),
                (" of the cards studied so far (fsrs retrievability)", "$text-muted"),
            )
        )
    return Content("\n").join(lines)


def hardest_content(notes: list[NoteDifficulty], width: int = 72) -> Content:
    if not notes:
        return Content.styled(
            "Nothing studied yet: sections are ranked once their cards have been answered.", "$text-muted"
        )
    lines: list[Content] = [
        Content.styled(f"  {'difficulty':<16}  {'studied':<7}  {'lapses':>6}  section", "$text-muted"),
    ]
    for note in notes:
        lines.append(Content.styled(fit_cells(note.note_title, width), "bold"))
        for s in note.sections:
            level = max(1, min(10, round(s.difficulty)))
            style = "$text-error" if s.difficulty >= 7 else "$text-warning" if s.difficulty >= 5 else "$text-success"
            lines.append(
                Content.assemble(
                    (f"  {s.difficulty:4.1f} ", f"bold {style}"),
                    ("■" * level, style),
                    ("·" * (10 - level), "$foreground 20%"),
                    (f"  {f'{s.studied}/{s.cards}':<7}", ""),
                    (f"  {s.lapses:>6}  ", "$text-error" if s.lapses else "$text-muted"),
                    fit_path(s.path or (s.heading,), max(10, width - 37)),
                )
            )
    lines.append(Content.styled("fsrs difficulty from 1 (easy) to 10 (hard), over the studied cards", "$text-muted"))
    return Content("\n").join(lines)


#: The parts below the heading, in order: the title, the id of the widget that shows the figure, the widget, and the
#: class of parts shown only for a deck with an exam date.
_PARTS: tuple[tuple[str, str, type[Widget], str], ...] = (
    ("Reviews, last 16 weeks", "stats-heatmap", HeatmapChart, ""),
    ("Due in the next 30 days", "stats-forecast", ForecastChart, ""),
    ("True retention", "stats-retention", RetentionMeter, ""),
    ("Cards", "stats-counts", Static, ""),
    ("Exam readiness", "stats-exam", Static, "-exam"),
    ("Mock exams", "stats-mock-exams", ExamTrendChart, ""),
    ("Hardest sections", "stats-hardest", Static, ""),
)


class StatsScreen(InApp, Screen[None]):
    """Statistics of the deck ``deck_key``, or of every card when it is None."""

    HELP_TITLE = "Statistics"

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("q", "back", "Back", show=False),
        Binding("r", "refresh", "Refresh"),
    ]

    DEFAULT_CSS = """
    StatsScreen #stats-body {
        padding: 0 2;
        height: 1fr;
        scrollbar-size-vertical: 1;
    }
    StatsScreen .stats-title {
        margin-top: 1;
        text-style: bold;
        color: $text-accent;
    }
    StatsScreen .stats-part {
        height: auto;
    }
    StatsScreen #stats-loading {
        height: 3;
    }
    """

    def __init__(self, deck_key: str | None = None) -> None:
        super().__init__()
        self.deck_key = deck_key
        self.figures: Figures | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with ReadingScroll(id="stats-body"):
            yield LoadingIndicator(id="stats-loading")
            yield Static(id="stats-heading", classes="stats-part")
            for title, part_id, widget, extra in _PARTS:
                yield Static(title, classes=f"stats-title -data {extra}".rstrip())
                yield widget(id=part_id, classes=f"stats-part {extra}".rstrip())
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Statistics"
        for widget in self.query(".-data, .-exam, .stats-part"):
            widget.display = False
        self.query_one("#stats-body").focus()
        self.load()

    def _source(self) -> tuple[str, list[Card], DeckSettings]:
        app = self.app
        library = app.library
        deck = app.library.deck(self.deck_key) if self.deck_key is not None and app.library is not None else None
        if deck is not None:
            return deck.title, list(deck.cards), deck.settings
        cards = list(library.cards) if library is not None else []
        return "All cards", cards, DeckSettings()

    def load(self) -> None:
        store = self.app.store
        if store is None or self.app.library is None:
            self._say(Content.styled(self.app.store_error or "Progress is not available yet.", "$text-error"))
            return
        title, cards, settings = self._source()
        self.title = one_line(title, 60)
        self._compute(title, cards, settings, store, self.app.now())

    @work(thread=True, exclusive=True, group="stats", exit_on_error=False)
    def _compute(
        self, title: str, cards: list[Card], settings: DeckSettings, store: BrowserStore, now: datetime
    ) -> None:
        try:
            figures = compute_figures(
                title,
                cards,
                settings,
                store.all_progress(),
                store.reviews(),
                now,
                rollover_hour=store.rollover_hour,
                tz=store.tz,
                exams=store.exams(),
                deck_key=self.deck_key,
            )
        except Exception as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self.show, figures)

    def _failed(self, exc: Exception) -> None:
        self._say(Content.assemble(("Statistics could not be computed: ", "bold $text-error"), str(exc)))

    def _say(self, message: Content) -> None:
        """Show ``message`` in place of the figures."""
        self.query_one("#stats-loading").display = False
        heading = self.query_one("#stats-heading", Static)
        heading.display = True
        heading.update(message)

    def show(self, figures: Figures) -> None:
        self.figures = figures
        self.query_one("#stats-loading").display = False
        for widget in self.query(".-data, .stats-part"):
            widget.display = True
        s = figures.settings
        self.query_one("#stats-heading", Static).update(
            Content.assemble(
                (one_line(figures.title, 50), "bold"),
                (
                    f"  ·  {plural(figures.cards, 'card')}  ·  {s.new_per_day} new and "
                    f"{plural(s.reviews_per_day, 'review')} a day",
                    "$text-muted",
                ),
            )
        )
        self.query_one(HeatmapChart).show(figures.heatmap)
        self.query_one(ForecastChart).show(figures.forecast, exam_day=self._exam_day(figures))
        self.query_one(RetentionMeter).show(figures.retention, s.desired_retention)
        self.query_one("#stats-counts", Static).update(counts_content(figures.counts))
        exam = figures.readiness is not None
        for widget in self.query(".-exam"):
            widget.display = exam
        if figures.readiness is not None:
            self.query_one("#stats-exam", Static).update(readiness_content(figures.readiness, s.new_per_day))
        self.query_one(ExamTrendChart).show(figures.exams, tz=figures.tz)
        self._show_hardest()

    def _show_hardest(self) -> None:
        """The hardest sections, their headings fitted to the width of the screen."""
        if self.figures is None:
            return
        width = self.query_one("#stats-body").content_size.width - 1  # the scroll bar
        self.query_one("#stats-hardest", Static).update(hardest_content(self.figures.hardest, max(60, width)))

    def on_resize(self) -> None:
        self._show_hardest()

    @staticmethod
    def _exam_day(figures: Figures) -> int | None:
        ready = figures.readiness
        if ready is None or not 0 < ready.days_left < len(figures.forecast):
            return None
        return ready.days_left

    def action_refresh(self) -> None:
        self.query_one("#stats-loading").display = True
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()
