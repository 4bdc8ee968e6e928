"""Search over notes: headings, card fronts and backs, and personal notes.

Matching ignores case and treats full-width and half-width forms as the same (``ＡＷＳ`` finds ``AWS``,
``ｻｰﾊﾞ`` finds ``サーバ``). Several words must all match, in any order.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from devday_tui.core.model import Card, Note


def fold(text: str) -> str:
    """The form both the query and the text are compared in: NFKC, then case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def terms(query: str) -> tuple[str, ...]:
    return tuple(t for t in fold(query).split() if t)


def _card_text(card: Card, annotations: Mapping[str, str]) -> str:
    return " ".join((card.front, card.back_text, " ".join(card.answers), annotations.get(card.id, "")))


@dataclass(slots=True)
class SearchIndex:
    """Folded text per section and per card, built once per load so that each keystroke only scans strings."""

    sections: dict[str, str] = field(default_factory=dict)  # section id -> folded heading + personal note
    cards: dict[str, tuple[str, str]] = field(default_factory=dict)  # card id -> (section id, folded text)
    section_note: dict[str, str] = field(default_factory=dict)  # section id -> note key
    note_titles: dict[str, str] = field(default_factory=dict)  # note key -> folded title

    @classmethod
    def build(cls, notes: Iterable[Note], annotations: Mapping[str, str] | None = None) -> "SearchIndex":
        annotations = annotations or {}
        index = cls()
        for note in notes:
            index.note_titles[note.key] = fold(note.title)
            cards = {c.id: c for c in note.cards}
            for section in note.walk():
                index.section_note[section.id] = note.key
                index.sections[section.id] = fold(f"{section.heading} {annotations.get(section.id, '')}")
                for card_id in section.card_ids:
                    card = cards.get(card_id)
                    if card is not None:
                        index.cards[card_id] = (section.id, fold(_card_text(card, annotations)))
        return index

    def search(self, query: str) -> "SearchResult":
        words = terms(query)
        result = SearchResult(query=query)
        if not words:
            return result
        for section_id, text in self.sections.items():
            title = self.note_titles.get(self.section_note[section_id], "")
            if all(w in text or w in title for w in words):
                result.sections.add(section_id)
        for card_id, (section_id, text) in self.cards.items():
            if all(w in text for w in words):
                result.cards.add(card_id)
                result.sections.add(section_id)
        result.notes = {self.section_note[s] for s in result.sections}
        return result


@dataclass(slots=True)
class SearchResult:
    query: str
    sections: set[str] = field(default_factory=set)
    cards: set[str] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)
