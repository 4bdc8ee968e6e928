"""The corpus notes, the cards the parser makes from them, and the text form of those cards.

``note_cards`` is the one place that says which parser the corpus measures: point it elsewhere to measure
another card source (``benchmarks/card_quality.py --source tests.corpus.cards:note_cards`` uses it too).

The expected file of a note (``expected/<note stem>.cards.txt``) holds one block per card, in the order the
parser gives them::

    == definition @ line 26
    front:   gp2
    context: SAA-C03 Chapter 6 - Block and File Storage › Volume types
    back:
        General Purpose SSD, IOPS tied to size

A list back has one ``- item`` per line, nested items indented by two more spaces (``1.``, ``2.`` … for a
sequence). A cloze card also has an ``answers:`` line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

HERE = Path(__file__).resolve().parent
NOTES = HERE / "notes"
EXPECTED = HERE / "expected"

UPDATE_HINT = ".venv/bin/python -m pytest tests/corpus --update-corpus"


def note_cards(text: str, path: Path) -> list[Any]:
    """The cards made from one note's text, in the parser's order."""
    from devday_tui.core.parser import parse_note

    return list(parse_note(text, path, path.name).cards)


def corpus_notes() -> list[Path]:
    return sorted(NOTES.rglob("*.md"))


def expected_path(note: Path) -> Path:
    return EXPECTED / f"{note.relative_to(NOTES).with_suffix('').as_posix().replace('/', '__')}.cards.txt"


def read_note(note: Path) -> str:
    """The note's text, exactly as stored (CRLF kept: the parser must cope with it)."""
    return note.read_bytes().decode("utf-8")


def _one_line(text: str) -> str:
    return " ".join(str(text).split("\n"))


def _items(items: Iterable[Any], depth: int, numbered: bool) -> list[str]:
    lines: list[str] = []
    for n, item in enumerate(items, 1):
        text = getattr(item, "text", item)
        mark = f"{n}." if numbered and depth == 0 else "-"
        lines.append(f"{'  ' * depth}{mark} {_one_line(text)}")
        lines.extend(_items(getattr(item, "children", ()), depth + 1, numbered))
    return lines


def render_card(card: Any) -> list[str]:
    kind = getattr(card, "kind", "?")
    out = [f"== {kind} @ line {getattr(card, 'line', '?')}", f"front:   {_one_line(card.front)}"]
    context = getattr(card, "context", ())
    out.append(f"context: {' › '.join(context) if not isinstance(context, str) else context}")
    answers = getattr(card, "answers", ())
    if answers:
        out.append("answers: " + " | ".join(_one_line(a) for a in answers))
    out.append("back:")
    back = card.back
    if isinstance(back, str):
        lines = back.split("\n") if back else [""]
    else:
        lines = _items(back, 0, numbered=kind == "sequence")
    out.extend(f"    {ln}".rstrip() for ln in lines)
    return out


def render(note: Path, cards: list[Any]) -> str:
    head = [
        f"# Cards expected from notes/{note.relative_to(NOTES).as_posix()}: {len(cards)}",
        f"# Compared by tests/corpus/test_corpus.py. Regenerate with `{UPDATE_HINT}`,",
        "# then read the diff line by line before committing: this file says which cards are right.",
    ]
    body: list[str] = []
    for card in cards:
        body.append("")
        body.extend(render_card(card))
    return "\n".join(head + body) + "\n"
