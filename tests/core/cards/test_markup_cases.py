"""The markup and plain-text examples (``markup_cases.py``) run end to end through the parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from devday_tui.core.model import LIST_KINDS, Card, Item
from devday_tui.core.parser import parse_note
from tests.core.cards.markup_cases import CASES, LEFTOVER_MARKUP


def back_of(card: Card):
    if isinstance(card.back, str):
        return card.back

    def item(i: Item):
        return (i.text, [item(c) for c in i.children]) if i.children else i.text

    return [item(i) for i in card.back]


def matches(card: Card, want: dict) -> bool:
    kind_ok = card.kind in LIST_KINDS if want["kind"] == "list" else card.kind == want["kind"]
    # A parent bullet's front carries its context (``heading › bullet``); the cases give the bullet alone.
    front_ok = card.front == want["front"] or card.front.endswith(" › " + want["front"])
    return kind_ok and front_ok and back_of(card) == want["back"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict) -> None:
    note = parse_note("---\ntitle: n\n---\n" + case["note"], Path("n.md"), "n.md")
    cards = note.cards
    shown = [(c.kind, c.front, back_of(c)) for c in cards]
    for want in case["expect"]:
        assert any(matches(c, want) for c in cards), f"missing {want}\nmade: {shown}"
    if case.get("only"):
        assert len(cards) == len(case["expect"]), f"extra cards: {shown}"
    for card in cards:
        text = "\n".join([card.front, card.back_text, *card.context])
        for bad in (*LEFTOVER_MARKUP, *case.get("never", ())):
            assert bad not in text, f"{bad!r} left in {card.front!r}"
