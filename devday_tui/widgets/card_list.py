"""The cards of the selected section, with their state, due date and personal note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import ListItem, ListView, Static

from devday_tui.core.model import Card, items_to_lines
from devday_tui.core.wrap import cut_for_screen
from devday_tui.safe_text import clean, one_line
from devday_tui.widgets.wrapped_text import WrappedText


@dataclass(frozen=True, slots=True)
class CardStatus:
    """What the store knows of a card, in words."""

    state: str = "new"  # new, learning, review, relearning
    due: datetime | None = None
    suspended: bool = False
    leech: bool = False
    annotation: str = ""


def status_text(status: CardStatus, now: datetime) -> Content:
    parts: list[tuple[str, str] | str] = []
    colours = {
        "new": "$text-primary",
        "learning": "$text-error",
        "relearning": "$text-error",
        "review": "$text-success",
    }
    parts.append((status.state, colours.get(status.state, "$text")))
    if status.due is not None and status.state != "new":
        local = status.due.astimezone()
        if status.due <= now:
            parts += [" · ", ("due now", "bold $text-success")]
        elif (status.due - now).total_seconds() < 86_400:
            parts += [" · ", f"due {local:%H:%M}"]
        else:
            parts += [" · ", f"due {local:%Y-%m-%d}"]
    if status.suspended:
        parts += [" · ", ("suspended", "bold $text-warning")]
    if status.leech:
        parts += [" · ", ("leech", "bold $text-error")]
    return Content.assemble(*parts)


def card_body(card: Card) -> Content:
    """Front and back of a card, as literal text, cut to what a screen can show."""
    front = clean(cut_for_screen(card.front))
    if isinstance(card.back, str):
        back = clean(cut_for_screen(card.back))
    else:
        lines = items_to_lines(card.back, numbered=card.kind == "sequence")
        back = "\n".join(clean(cut_for_screen(line)) for line in lines)
    return Content.assemble((front, "bold"), "\n", (back, "$text"))


class CardItem(ListItem):
    def __init__(self, card: Card, status: CardStatus, now: datetime) -> None:
        super().__init__(classes="card-item")
        self.card = card
        self.status = status
        self.now = now
        self.set_class(status.suspended, "-suspended")
        self.set_class(status.leech, "-leech")
        self.set_class(status.state == "new", "-new")

    def compose(self):
        head = Content.assemble(
            (self.card.kind, "bold $accent"),
            " · ",
            status_text(self.status, self.now),
            "  ",
            (f"{self.card.path.name}:{self.card.line_label}", "$text-muted"),
        )
        yield Static(head, classes="card-head")
        yield WrappedText(card_body(self.card), classes="card-body")
        if self.status.annotation:
            yield Static(
                Content.assemble(("My note: ", "bold"), one_line(self.status.annotation, 400)),
                classes="card-annotation",
            )


class CardList(ListView):
    """Focusable list of cards; the screen asks ``current_card`` for the card under the cursor."""

    DEFAULT_CSS = """
    CardList {
        height: 1fr;
        background: transparent;
        scrollbar-size-vertical: 1;
    }
    /* ListItem named too, so this outranks ListView's own highlight of the unfocused list. */
    CardList > ListItem.card-item {
        padding: 0 1;
        margin-bottom: 1;
        height: auto;
        background: $surface;
    }
    CardList > .card-item.-suspended {
        opacity: 60%;
    }
    CardList > .card-item.-leech .card-head {
        color: $text-error;
    }
    CardList:focus > .card-item.-highlight {
        background: $block-cursor-background 30%;
    }
    CardList .card-annotation {
        color: $text-accent;
    }
    """

    BINDINGS = [
        Binding("s", "suspend", "Suspend"),
        Binding("s", "unsuspend", "Unsuspend"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    class SuspendRequested(Message):
        """The user asked to suspend (or unsuspend) the card under the cursor."""

        def __init__(self, card: Card) -> None:
            super().__init__()
            self.card = card

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``s`` is named for what it does to the card under the cursor: Suspend, or Unsuspend a suspended one."""
        if action == "suspend":
            return self.current_card is not None and not self.current_suspended
        if action == "unsuspend":
            return self.current_card is not None and self.current_suspended
        return True

    @property
    def current_suspended(self) -> bool:
        item = self.highlighted_child
        return isinstance(item, CardItem) and item.status.suspended

    def watch_index(self, old_index: int | None, new_index: int | None) -> None:
        super().watch_index(old_index, new_index)
        self.refresh_bindings()

    def action_suspend(self) -> None:
        if self.current_card is not None:
            self.post_message(self.SuspendRequested(self.current_card))

    def action_unsuspend(self) -> None:
        self.action_suspend()  # the screen toggles: a suspended card is unsuspended

    async def show(self, cards: list[tuple[Card, CardStatus]], now: datetime, keep: str | None = None) -> None:
        """Replace the cards, keeping the cursor on card ``keep`` (or the current one) if it is still there."""
        if keep is None and self.current_card is not None:
            keep = self.current_card.id
        await self.clear()
        items = [CardItem(card, status, now) for card, status in cards]
        if items:
            await self.extend(items)
            self.index = next((i for i, it in enumerate(items) if it.card.id == keep), 0)
        self.refresh_bindings()

    @property
    def current_card(self) -> Card | None:
        item = self.highlighted_child
        return item.card if isinstance(item, CardItem) else None
