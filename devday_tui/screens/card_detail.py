"""One card in full: both sides, the personal note, where it comes from, its state and every answer given."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from devday_tui.card_actions import CardActions
from devday_tui.core.card_history import HistoryRow
from devday_tui.core.card_table import cells
from devday_tui.core.clock import format_interval
from devday_tui.core.query import CardFacts
from devday_tui.screens.quiz import source_label
from devday_tui.widgets.card_face import CardFace
from devday_tui.widgets.key_footer import KeyFooter

_GRADE_STYLES = {1: "$text-error", 2: "$text-warning", 3: "$text-success", 4: "$text-primary"}


def duration_text(seconds: float) -> str:
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{seconds:.0f}s" if seconds >= 10 else f"{seconds:.1f}s"
    minutes, sec = divmod(round(seconds), 60)
    return f"{minutes}m {sec:02d}s"


class CardDetailScreen(Screen):
    """The card of ``facts``; its review history is read in a worker."""

    HELP_TITLE = "Card"

    BINDINGS = [
        Binding("e", "edit", "Edit file"),
        Binding("n", "annotate", "My note"),
        Binding("escape,q", "back", "Back"),
    ]

    DEFAULT_CSS = """
    CardDetailScreen #detail-body { height: 1fr; padding: 0 1; }
    CardDetailScreen #detail-state { margin: 1 0 0 0; color: $text-muted; }
    CardDetailScreen #detail-history-title { margin: 1 0 0 0; text-style: bold; }
    CardDetailScreen #detail-history { height: auto; max-height: 100%; }
    """

    def __init__(self, facts: CardFacts, actions: CardActions) -> None:
        super().__init__()
        self.facts = facts
        self.actions = actions

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail-body"):
            yield CardFace(id="detail-face")
            yield Static(id="detail-state")
            yield Static(Content("Review history"), id="detail-history-title")
            yield DataTable(id="detail-history", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Card"
        self.sub_title = self.facts.card.note_title
        self._show_card()
        table = self.query_one(DataTable)
        for label, width in (("Date", 16), ("Grade", 5), ("Was", 10), ("Interval", 8), ("Time", 7)):
            table.add_column(label, key=label.lower(), width=width)
        self.query_one("#detail-history-title", Static).update(Content("Review history (reading…)"))
        table.focus()
        self._read_history()

    def _show_card(self) -> None:
        card = self.facts.card
        roots = list(getattr(self.app.library, "roots", ()) or ())
        self.query_one(CardFace).show(
            card,
            revealed=True,
            annotation=self.app.annotation(card.id),
            source=source_label(card.path, card.line_label, roots) + "  (e opens it)",
        )
        moment = self.actions.moment(self.app.now())
        values = cells(self.facts, moment)
        parts: list[str | tuple[str, str]] = [("State ", "bold"), values["state"]]
        for key, label in (
            ("due", "due"),
            ("interval", "interval"),
            ("difficulty", "difficulty"),
            ("lapses", "lapses"),
            ("flag", "flag"),
        ):
            if values[key]:
                parts += ["  ·  ", (label + " ", "bold"), values[key]]
        p = self.facts.progress
        if p is not None and p.stability is not None:
            parts += ["  ·  ", ("stability ", "bold"), f"{p.stability:.1f}d"]
        self.query_one("#detail-state", Static).update(Content.assemble(*parts))

    @work(thread=True, exclusive=True, group="detail-history", exit_on_error=False)
    def _read_history(self) -> None:
        try:
            rows = self.actions.history(self.facts.card.id)
        except Exception as exc:
            self.app.call_from_thread(self._history_failed, exc)
            return
        self.app.call_from_thread(self._show_history, rows)

    def _history_failed(self, exc: Exception) -> None:
        self.query_one("#detail-history-title", Static).update(
            Content.styled(f"Review history could not be read: {exc}", "$text-error")
        )

    def _show_history(self, rows: list[HistoryRow]) -> None:
        title = self.query_one("#detail-history-title", Static)
        table = self.query_one(DataTable)
        if not rows:
            title.update(Content("Review history: never answered"))
            table.display = False
            return
        total = sum(r.duration for r in rows)
        title.update(
            Content(f"Review history: {len(rows)} answer{'s' if len(rows) != 1 else ''}, {duration_text(total)} in all")
        )
        for r in reversed(rows):  # newest first
            table.add_row(
                Content(r.at.astimezone().strftime("%Y-%m-%d %H:%M")),
                Content.styled(r.grade, _GRADE_STYLES.get(r.rating, "")),
                Content.styled(r.state_before, "$text-muted"),
                Content(format_interval(r.interval) if r.interval is not None else "—"),
                Content(duration_text(r.duration)),
            )

    def action_edit(self) -> None:
        self.app.edit_file(self.facts.card.path, self.facts.card.line)

    def action_annotate(self) -> None:
        card = self.facts.card
        self.app.edit_annotation(card.id, card.front, lambda text: self._annotated(text))

    def _annotated(self, text: str) -> None:
        self.facts.annotation = text
        self._show_card()

    def action_back(self) -> None:
        self.app.pop_screen()
