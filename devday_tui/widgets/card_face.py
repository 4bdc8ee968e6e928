"""One flashcard as the quiz shows it: the front, then the back, the personal note and the source.

How each kind shows:

* definition, explicit: the front, then the back, plainly;
* cloze: the sentence with a blank for each hidden part, then the whole sentence with those parts highlighted;
* list, label-list: the items one by one as the person recalls them (the rest stay as numbered placeholders);
* sequence: the same, numbered as steps.

Card text is data: it is cleaned of control characters and shown as ``Content``, never read as markup.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Rule

from devday_tui.core.model import CLOZE_BLANK, LIST_KINDS, Card, Item
from devday_tui.core.wrap import cut_for_screen
from devday_tui.safe_text import clean as _clean
from devday_tui.widgets.item_list import ItemLine, ItemList
from devday_tui.widgets.line_label import LineLabel
from devday_tui.widgets.wrapped_text import WrappedText

BLANK_STYLE = "bold $text-accent"
ANSWER_STYLE = "bold $text-success"
HIDDEN_STYLE = "$text-muted"

_KIND_LABELS = {
    "definition": "definition",
    "list": "list",
    "label-list": "list",
    "sequence": "steps in order",
    "cloze": "fill the blank",
    "explicit": "question",
}


def clean(text: str) -> str:
    """Card text as it is shown: cut to a length a screen can show, then cleaned of control characters."""
    return _clean(cut_for_screen(text))


def kind_label(card: Card) -> str:
    return _KIND_LABELS.get(card.kind, card.kind)


def item_count(card: Card) -> int:
    """How many items a list card reveals one at a time (0 for the other kinds)."""
    if card.kind in LIST_KINDS and not isinstance(card.back, str):
        return len(card.back)
    return 0


def front_content(card: Card) -> Content:
    """The question side. A cloze card's blanks stand out."""
    text = clean(card.front)
    if card.kind == "cloze" and CLOZE_BLANK in text:
        parts: list[str | tuple[str, str]] = []
        for n, piece in enumerate(text.split(CLOZE_BLANK)):
            if n:
                parts.append((CLOZE_BLANK, BLANK_STYLE))
            parts.append(piece)
        return Content.assemble(*parts).stylize("bold")
    return Content.styled(text, "bold")


def cloze_answer(card: Card) -> Content:
    """The full sentence of a cloze card with the hidden parts highlighted."""
    front = clean(card.front)
    answers = [clean(a) for a in card.answers]
    pieces = front.split(CLOZE_BLANK)
    if answers and len(pieces) == len(answers) + 1:
        parts: list[str | tuple[str, str]] = [pieces[0]]
        for answer, piece in zip(answers, pieces[1:]):
            parts += [(answer, ANSWER_STYLE), piece]
        return Content.assemble(*parts)
    # The front and the answers do not line up (an older card): highlight the answers where they occur.
    back = clean(card.back_text)
    content = Content(back)
    for answer in answers:
        if not answer:
            continue
        start = back.find(answer)
        if start >= 0:
            content = content.stylize(ANSWER_STYLE, start, start + len(answer))
    return content


def _label_split(text: str) -> tuple[str, str] | None:
    for sep in (":", "："):
        head, found, tail = text.partition(sep)
        if found and head.strip() and tail.strip() and len(head) <= 40:
            return head + found, tail
    return None


def list_lines(card: Card, shown: int) -> list[ItemLine]:
    """A list card's items: the first ``shown`` revealed (with their sub-items), the others as placeholders."""
    items = card.back if not isinstance(card.back, str) else ()
    numbered = card.kind == "sequence"
    width = len(str(len(items)))
    lines: list[ItemLine] = []

    def children(item: Item, depth: int) -> None:
        for child in item.children:
            lines.append(ItemLine(depth, Content.styled("◦ ", "$text-muted"), Content(clean(child.text))))
            children(child, depth + 1)

    for n, item in enumerate(items, 1):
        if n > shown:
            mark = f"{n:>{width}}. " if numbered else f"{n:>{width}}  "
            lines.append(ItemLine(0, Content.styled(mark, HIDDEN_STYLE), Content.styled("…", HIDDEN_STYLE)))
            continue
        # The same width as the placeholder's number, so the text does not move when an item is revealed.
        mark = Content.styled(f"{n:>{width}}. " if numbered else f"{'•':>{width}}  ", "$text-primary")
        text = clean(item.text)
        split = _label_split(text) if card.kind == "label-list" else None
        body = Content.assemble((split[0], "bold"), split[1]) if split is not None else Content(text)
        lines.append(ItemLine(0, mark, body))
        children(item, 1)
    return lines


def list_content(card: Card, shown: int) -> Content:
    """The same lines as one text (for places without hanging indents)."""
    return Content("\n").join(
        Content.assemble("  " * line.depth, line.mark, line.text) for line in list_lines(card, shown)
    )


def back_content(card: Card, shown: int | None = None) -> Content:
    """The answer side; for list cards, ``shown`` items (all when ``None``)."""
    if card.kind in LIST_KINDS and not isinstance(card.back, str):
        return list_content(card, len(card.back) if shown is None else shown)
    if card.kind == "cloze":
        return cloze_answer(card)
    return Content(clean(card.back_text))


class CardFace(Vertical):
    """The card area of the quiz. Call ``show`` whenever the card or what is revealed changes."""

    DEFAULT_CSS = """
    CardFace {
        height: auto;
        padding: 0 1;
    }
    CardFace > .card-front {
        margin: 1 0 0 0;
    }
    CardFace > .card-rule {
        margin: 1 0;
        color: $foreground 25%;
    }
    CardFace > .card-annotation {
        margin-top: 1;
        padding: 0 1;
        color: $text-accent;
        background: $accent 12%;
    }
    CardFace > .card-source {
        margin-top: 1;
        color: $text-muted;
    }
    CardFace > .card-hint {
        margin-top: 1;
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # The parts, kept at hand: every card and every revealed item updates them.
        self._front = WrappedText(classes="card-front")
        self._rule = Rule(classes="card-rule")
        self._back = WrappedText(classes="card-back")
        self._items = ItemList(classes="card-items")
        # One line whose width rarely changes ("next (2 more)" → "next (1 more)"): drawn again, not laid out.
        self._hint = LineLabel(classes="card-hint")
        self._note = WrappedText(classes="card-annotation")
        self._source = WrappedText(classes="card-source")

    def compose(self) -> ComposeResult:
        yield from (self._front, self._rule, self._back, self._items, self._hint, self._note, self._source)

    def show(
        self,
        card: Card,
        *,
        revealed: bool,
        items_shown: int = 0,
        annotation: str = "",
        source: str = "",
    ) -> None:
        """Show ``card``. A list card shows its back while items are revealed one by one, before ``revealed``."""
        front, rule, back, items = self._front, self._rule, self._back, self._items
        hint, note, where = self._hint, self._note, self._source
        front.update(front_content(card))
        total = item_count(card)
        stepping = total > 0 and not revealed
        show_back = revealed or stepping
        is_list = total > 0
        rule.display = show_back
        back.display = show_back and not is_list
        items.display = show_back and is_list
        if show_back and is_list:
            items.show(list_lines(card, total if revealed else items_shown))
        elif show_back:
            back.update(back_content(card))
        else:
            items.show(())
        if stepping:
            left = total - items_shown
            hint.update(
                Content.assemble(
                    ("Space", "bold $text-accent"),
                    f" next ({left} more)   " if left else " show answer   ",
                    ("Enter", "bold $text-accent"),
                    " all",
                )
            )
        hint.display = stepping
        annotation = clean(annotation).strip()
        note.display = revealed and bool(annotation)
        if note.display:
            note.update(Content.assemble(("My note\n", "bold"), annotation))
        where.display = revealed and bool(source)
        if where.display:
            where.update(Content(clean(source)))
