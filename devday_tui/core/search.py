"""Search over notes: headings, card fronts and backs, and personal notes.

Matching ignores case and treats full-width and half-width forms as the same (``ＡＷＳ`` finds ``AWS``,
``ｻｰﾊﾞ`` finds ``サーバ``). Several words must all match, in any order.

The index keeps one folded string per note. A query first rejects the notes whose string lacks a word, then
folds only the sections and cards of the notes that remain, so memory stays near the size of the notes and a
query over thousands of notes scans a few megabytes.
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
class SearchResult:
    query: str
    sections: set[str] = field(default_factory=set)
    cards: set[str] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)


@dataclass(slots=True)
class SearchIndex:
    notes: list[Note] = field(default_factory=list)
    annotations: Mapping[str, str] = field(default_factory=dict)
    folded: list[str] = field(default_factory=list)  # one string per note, same order as ``notes``

    @classmethod
    def build(cls, notes: Iterable[Note], annotations: Mapping[str, str] | None = None) -> "SearchIndex":
        index = cls(list(notes), dict(annotations or {}))
        for note in index.notes:
            parts = [note.title]
            for section in note.walk():
                parts.append(section.heading)
                if section.id in index.annotations:
                    parts.append(index.annotations[section.id])
            parts.extend(_card_text(card, index.annotations) for card in note.cards)
            index.folded.append(fold("\n".join(parts)))
        return index

    def search(self, query: str) -> SearchResult:
        words = terms(query)
        result = SearchResult(query=query)
        if not words:
            return result
        for note, text in zip(self.notes, self.folded):
            if all(w in text for w in words):
                self._search_note(note, words, result)
        return result

    def _search_note(self, note: Note, words: tuple[str, ...], result: SearchResult) -> None:
        title = fold(note.title)
        cards = {c.id: c for c in note.cards}
        for section in note.walk():
            heading = fold(f"{section.heading} {self.annotations.get(section.id, '')}")
            if all(w in heading or w in title for w in words):
                result.sections.add(section.id)
            for card_id in section.card_ids:
                card = cards.get(card_id)
                if card is not None and all(w in fold(_card_text(card, self.annotations)) for w in words):
                    result.cards.add(card_id)
                    result.sections.add(section.id)
        if any(s.id in result.sections for s in note.walk()):
            result.notes.add(note.key)
