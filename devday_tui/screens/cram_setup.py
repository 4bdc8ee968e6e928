"""Custom study: choose what to cram, see how many cards it takes, and whether the answers count."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from devday_tui.card_actions import CardActions
from devday_tui.core.cram import CramError, CramRequest
from devday_tui.core.model import Card, Deck


@dataclass(frozen=True, slots=True)
class Choice:
    """One line of the list: the request it makes, and what the box below it asks for."""

    key: str
    label: str
    kind: str
    by: str = "difficulty"
    #: "days", "cards", "text" or "" (nothing to type).
    asks: str = ""
    default: str = ""


def choices(deck: Deck | None, query: str, these: int = 0) -> list[Choice]:
    out = []
    if these:
        out.append(Choice("these", f"The {these} card{'s' if these != 1 else ''} chosen in the browser", "these"))
    if deck is not None and deck.settings.exam_date is not None:
        out.append(
            Choice(
                "weakest",
                f"Weakest at the exam ({deck.settings.exam_date.isoformat()})",
                "weakest",
                asks="cards",
                default="40",
            )
        )
    out += [
        Choice("ahead", "Review ahead (days)", "ahead", asks="days", default="3"),
        Choice("forgotten", "Cards I forgot today", "forgotten"),
        Choice("hardest", "Hardest, by difficulty", "hardest", asks="cards", default="40"),
        Choice("lapses", "Hardest, by lapses", "hardest", by="lapses", asks="cards", default="40"),
        Choice("new", "New cards beyond today's limit", "new", asks="cards", default="20"),
        Choice("mock", "Missed in the last mock exam", "mock"),
        Choice("tag", "One tag", "tag", asks="text"),
        Choice("note", "One note (title or file)", "note", asks="text"),
        Choice("section", "One section (heading)", "section", asks="text"),
        Choice("query", "Any browser query", "query", asks="text", default=query),
    ]
    return out


@dataclass(frozen=True, slots=True)
class CramPlan:
    request: CramRequest
    cards: list[Card]
    title: str


class CramSetupScreen(ModalScreen[CramPlan | None]):
    """Returns the plan to study, or None when cancelled."""

    HELP_TITLE = "Custom study"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "start", "Start", priority=True),
    ]

    DEFAULT_CSS = """
    CramSetupScreen #cram-dialog {
        width: 80%; max-width: 84; height: 95%; max-height: 26; padding: 0 1;
        border: round $accent; background: $panel;
    }
    CramSetupScreen #cram-dialog .dialog-title { margin: 0 0 1 0; }
    CramSetupScreen #cram-kinds { height: 1fr; min-height: 3; border: none; padding: 0; }
    CramSetupScreen #cram-value { margin: 1 0 0 0; border: none; height: 1; padding: 0 1; background: $boost; }
    CramSetupScreen #cram-value:focus { background: $surface-lighten-1; }
    CramSetupScreen #cram-counts { border: none; height: 1; padding: 0; margin: 1 0 0 0; background: transparent; }
    CramSetupScreen #cram-count { height: auto; margin: 1 0 0 0; }
    CramSetupScreen #cram-count.-error { color: $text-error; }
    CramSetupScreen #cram-dialog .dialog-buttons { margin: 1 0 0 0; }
    CramSetupScreen #cram-dialog .dialog-hint { margin: 0 0 1 0; }
    """

    def __init__(
        self,
        deck: Deck | None,
        cards: list[Card],
        tags: dict[str, tuple[str, ...]],
        actions: CardActions,
        *,
        new_today: frozenset[str] = frozenset(),
        query: str = "",
        preselect: str | None = None,
        these: bool = False,
    ) -> None:
        super().__init__()
        self.deck = deck
        self.cards = cards
        self.tags = tags
        self.actions = actions
        self.new_today = new_today
        self.choices = choices(deck, query, len(cards) if these else 0)
        self.values = {c.key: c.default for c in self.choices}
        self.preselect = preselect or ("query" if query else self.choices[0].key)
        self.current = next((c for c in self.choices if c.key == self.preselect), self.choices[0])
        self.plan: CramPlan | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="cram-dialog"):
            title = f"Custom study · {self.deck.title}" if self.deck is not None else "Custom study"
            yield Static(Content.styled(title, "bold"), classes="dialog-title")
            yield OptionList(*[Option(c.label, id=c.key) for c in self.choices], id="cram-kinds")
            yield Input(id="cram-value")
            yield Checkbox("Count these answers (they change your schedule)", False, id="cram-counts")
            yield Static(id="cram-count")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start", variant="primary", id="start", action="screen.start", compact=True)
                yield Button("Cancel", id="cancel", action="screen.cancel", compact=True)
            yield Static(
                Content.styled(
                    "Enter starts · Tab moves · Esc cancels. Without “count”, nothing you answer "
                    "is saved: practice only.",
                    "$text-muted",
                ),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        kinds = self.query_one(OptionList)
        kinds.highlighted = next(i for i, c in enumerate(self.choices) if c.key == self.current.key)
        kinds.focus()
        self._show_choice()

    # -- the choice -----------------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#cram-kinds")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        choice = next(c for c in self.choices if c.key == event.option.id)
        if choice is not self.current:
            self.current = choice
            self._show_choice()

    @on(OptionList.OptionSelected, "#cram-kinds")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if self.current.asks and not self.query_one("#cram-value", Input).value.strip():
            self.query_one("#cram-value", Input).focus()
            return
        self.action_start()

    def _show_choice(self) -> None:
        box = self.query_one("#cram-value", Input)
        asks = self.current.asks
        box.display = bool(asks)
        with box.prevent(Input.Changed):
            box.value = self.values.get(self.current.key, "")
        box.placeholder = {
            "days": "How many days ahead",
            "cards": "How many cards",
            "text": f"The {self.current.kind} to study"
            if self.current.kind != "query"
            else "A browser query, like tag:aws -is:new",
        }.get(asks, "")
        self._recount()

    @on(Input.Changed, "#cram-value")
    def _value_changed(self, event: Input.Changed) -> None:
        self.values[self.current.key] = event.value
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(0.15, self._recount)

    @on(Input.Submitted, "#cram-value")
    def _submitted(self) -> None:
        self.action_start()

    def request(self) -> CramRequest:
        """The request the form describes. Raises ``CramError`` for a number that is not one."""
        choice = self.current
        value = self.values.get(choice.key, "").strip()
        number = 0
        if choice.asks in ("days", "cards"):
            try:
                number = int(value)
            except ValueError:
                what = "days" if choice.asks == "days" else "cards"
                raise CramError(f"Type how many {what}, as a whole number (got {value!r}).") from None
        counts = self.query_one("#cram-counts", Checkbox).value
        return CramRequest(
            choice.kind, number=number, text=value if choice.asks == "text" else "", by=choice.by, counts=counts
        )

    def _recount(self) -> None:
        status = self.query_one("#cram-count", Static)
        self.plan = None
        try:
            request = self.request()
            cards = self.actions.cram(
                request, self.deck, self.cards, self.tags, self.app.now(), new_today=self.new_today
            )
        except CramError as exc:
            status.set_class(True, "-error")
            status.update(Content(str(exc)))
            return
        status.set_class(not cards, "-error")
        if not cards:
            why = {
                "weakest": " Only cards you have answered have a memory to measure.",
                "ahead": " Try more days.",
                "forgotten": " (No card answered Again today.)",
            }
            status.update(Content("No cards match: nothing to study." + why.get(request.kind, "")))
            return
        title = request.title(self.deck.settings.exam_date if self.deck is not None else None)
        self.plan = CramPlan(request, cards, title)
        status.update(
            Content.assemble(
                (f"{len(cards)} card{'s' if len(cards) != 1 else ''}", "bold"), " to study, in this order."
            )
        )

    @on(Checkbox.Changed, "#cram-counts")
    def _counts_changed(self) -> None:
        self._recount()

    # -- leaving --------------------------------------------------------------------------------------------

    def action_start(self) -> None:
        self._recount()
        if self.plan is None:
            self.notify(str(self.query_one("#cram-count", Static).render()), severity="warning", markup=False)
            return
        self.dismiss(self.plan)

    def action_cancel(self) -> None:
        self.dismiss(None)
