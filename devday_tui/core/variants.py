"""Cards made from the parser's cards when a deck is built: one card per cloze blank, and reversed definitions.

* A cloze card with several blanks becomes one card per blank, as Anki's c1, c2…: card *n* hides blank *n* and
  shows the others filled in. The first keeps the id of the card it comes from, so the progress of a cloze
  studied before as one card carries on as c1; the others get ids of their own, derived from that id and their
  number.
* With the deck option ``reverse: true``, each definition card also comes the other way round (definition →
  term), with an id derived from the card's id, so it has its own progress.

Derived ids are stable (the same note gives the same ids on every machine) and never collide with a parsed
card's id (a different digest prefix).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from devday_tui.core import ids
from devday_tui.core.model import CLOZE_BLANK, Card


def blank_id(card_id: str, number: int) -> str:
    """The id of blank ``number`` (1-based) of a cloze card; blank 1 keeps the card's own id."""
    return card_id if number == 1 else ids.digest("cloze-blank", card_id, str(number))


def reverse_id(card_id: str) -> str:
    return ids.digest("reverse", card_id)


def split_cloze(card: Card) -> list[Card]:
    """One card per hidden word: the blanks of the same word (in any case) are hidden together, so that no card
    shows its own answer (``A ［…］ groups statements … in the ［…］``); the card itself when it hides one word, or
    when front and answers do not line up."""
    if card.kind != "cloze" or len(card.answers) < 2:
        return [card]
    pieces = card.front.split(CLOZE_BLANK)
    if len(pieces) != len(card.answers) + 1:
        return [card]
    words = [a.casefold() for a in card.answers]
    firsts = [n for n, word in enumerate(words, 1) if word not in words[: n - 1]]
    if len(firsts) == 1:
        return [card]
    out = []
    for n in firsts:
        word = words[n - 1]
        parts = [pieces[0]]
        for other, piece in zip(card.answers, pieces[1:]):
            parts += [CLOZE_BLANK if other.casefold() == word else other, piece]
        hidden = tuple(a for a in card.answers if a.casefold() == word)
        out.append(replace(card, id=blank_id(card.id, n), front="".join(parts), answers=hidden))
    return out


def reverse(card: Card) -> Card | None:
    """The definition card the other way round, or None for other kinds (and for a definition with no text)."""
    if card.kind != "definition" or not isinstance(card.back, str) or not card.back.strip():
        return None
    return replace(card, id=reverse_id(card.id), front=card.back, back=card.front, answers=())


def expand(cards: Iterable[Card], *, reversed_too: bool = False) -> list[Card]:
    """The cards a deck studies: each cloze split by blank, and (``reversed_too``) each definition followed by
    its reverse."""
    out: list[Card] = []
    for card in cards:
        out.extend(split_cloze(card))
        if reversed_too:
            back = reverse(card)
            if back is not None:
                out.append(back)
    return out


__all__ = ["blank_id", "expand", "reverse", "reverse_id", "split_cloze"]
