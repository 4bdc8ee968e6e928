"""CSV export: one row per card, with its study state.

Columns: ``front, back, context, kind, due, state, path:line, deck, my note, interval, stability, difficulty,
lapses, reviews, flag, id``. The file is UTF-8 with a byte-order mark, so that spreadsheet programs read
Japanese text correctly. ``due`` is an ISO 8601 UTC time, empty for a card never studied; ``state`` is new,
learning, review or relearning, followed by ``suspended``, ``buried`` and ``leech`` when they apply.
``interval`` (days from the last answer to the due date) and ``stability`` (days) have one decimal,
``difficulty`` (1–10) two; they are empty for a card never studied. ``my note`` is the personal note. List backs
are written one item a line, ``•`` for bullets (a leading ``-`` would read as a formula in a spreadsheet) and
``1.`` for sequences.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from devday_tui.atomic import write_atomic
from devday_tui.core.model import LIST_KINDS, Card, Deck, Item
from devday_tui.core.text import strip_controls
from devday_tui.export.errors import ExportError

CSV_COLUMNS: tuple[str, ...] = (
    "front",
    "back",
    "context",
    "kind",
    "due",
    "state",
    "path:line",
    "deck",
    "my note",
    "interval",
    "stability",
    "difficulty",
    "lapses",
    "reviews",
    "flag",
    "id",
)


def _list_lines(items: Sequence[Item], numbered: bool, depth: int = 0) -> list[str]:
    lines = []
    for n, item in enumerate(items, 1):
        mark = f"{n}." if numbered else "•"
        lines.append(f"{'  ' * depth}{mark} {item.text}")
        lines.extend(_list_lines(item.children, False, depth + 1))
    return lines


def _back(card: Card) -> str:
    if card.kind in LIST_KINDS and isinstance(card.back, tuple):
        return "\n".join(_list_lines(card.back, card.kind == "sequence"))
    return card.back_text


def _state(progress: Any | None, now: datetime | None = None) -> tuple[str, str]:
    if progress is None:
        return "", "new"
    due = getattr(progress, "due", None)
    state = str(getattr(progress, "state", "new") or "new")
    if getattr(progress, "suspended", False):
        state += " suspended"
    buried = getattr(progress, "buried_until", None)
    if buried is not None and (now is None or buried > now):
        state += " buried"
    if getattr(progress, "leech", False):
        state += " leech"
    return (due.isoformat() if due is not None else ""), state


def _number(value: Any, digits: int) -> str:
    return "" if value is None else f"{float(value):.{digits}f}"


def _figures(progress: Any | None) -> list[str]:
    """interval, stability, difficulty, lapses, reviews."""
    if progress is None:
        return ["", "", "", "0", "0"]
    due, last = getattr(progress, "due", None), getattr(progress, "last_review", None)
    studied = getattr(progress, "state", "new") != "new"
    interval = (due - last).total_seconds() / 86400 if studied and due is not None and last is not None else None
    return [
        _number(interval, 1),
        _number(getattr(progress, "stability", None) if studied else None, 1),
        _number(getattr(progress, "difficulty", None) if studied else None, 2),
        str(int(getattr(progress, "lapses", 0) or 0)),
        str(int(getattr(progress, "reps", 0) or 0)),
    ]


def csv_rows(
    decks: Sequence[Deck],
    progress: Mapping[str, Any],
    annotations: Mapping[str, str] | None = None,
    flags: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> list[list[str]]:
    """The rows (header first) for ``decks``; a card in several decks is written once, for the first."""
    annotations = annotations or {}
    flags = flags or {}
    rows = [list(CSV_COLUMNS)]
    seen: set[str] = set()
    for deck in decks:
        for card in deck.cards:
            if card.id in seen:
                continue
            seen.add(card.id)
            p = progress.get(card.id)
            due, state = _state(p, now)
            rows.append(
                [
                    strip_controls(card.front),
                    strip_controls(_back(card)),
                    strip_controls(card.breadcrumb),
                    card.kind,
                    due,
                    state,
                    f"{card.path}:{card.line}",
                    strip_controls(deck.key),
                    strip_controls(annotations.get(card.id, "")),
                    *_figures(p),
                    flags.get(card.id, ""),
                    card.id,
                ]
            )
    return rows


def write_csv(
    decks: Sequence[Deck],
    path: Path,
    progress: Mapping[str, Any],
    annotations: Mapping[str, str] | None = None,
    flags: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> int:
    """Write the cards of ``decks`` to ``path``; return the number of cards written."""
    rows = csv_rows(decks, progress, annotations, flags, now)
    if len(rows) == 1:
        if len(decks) == 1:
            raise ExportError(f"nothing to export: the deck {decks[0].title!r} has no cards")
        raise ExportError("nothing to export: no deck has any cards")
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode("utf-8-sig")

    def write(out: BinaryIO) -> None:
        out.write(data)

    write_atomic(path, write, ExportError.cannot_write)
    return len(rows) - 1
