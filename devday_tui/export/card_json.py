"""JSON export for scripts: everything known about each card.

One object ``{"format": "devday-tui cards", "version": 1, "exported_at": …, "cards": [...]}``. Each card holds
what the parser made (``id``, ``kind``, ``front``, ``back``, ``answers``, ``context``, ``note``, ``path``,
``line``…), the ``decks`` holding it, its ``state`` in one word (new, learning, review, suspended, buried, leech),
its ``progress`` as the store keeps it (``null`` for a card never studied), ``interval_days``,
``retrievability`` (fsrs's chance of recall at export time, ``null`` when never studied), ``my_note``, ``flag``,
and ``reviews``: every answer, oldest first (``at``, ``rating`` 1–4, ``grade``, ``duration`` in seconds,
``state_before``, ``device``, ``interval_days`` given by the answer).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from devday_tui.atomic import write_atomic
from devday_tui.core.card_history import history_rows
from devday_tui.core.card_table import state_of
from devday_tui.core.model import Deck
from devday_tui.core.query import interval_days
from devday_tui.core.scheduling import CardProgress, ReviewRecord, retrievability
from devday_tui.export.errors import ExportError

FORMAT = "devday-tui cards"
VERSION = 1


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


def cards_json(
    decks: Sequence[Deck],
    progress: Mapping[str, CardProgress],
    now: datetime,
    *,
    annotations: Mapping[str, str] | None = None,
    flags: Mapping[str, str] | None = None,
    reviews: Sequence[ReviewRecord] = (),
) -> dict[str, Any]:
    """The export as plain data; a card in several decks is listed once, with every deck."""
    annotations = annotations or {}
    flags = flags or {}
    by_card: dict[str, list[ReviewRecord]] = {}
    for record in reviews:
        by_card.setdefault(record.card_id, []).append(record)
    cards: dict[str, dict[str, Any]] = {}
    for deck in decks:
        for card in deck.cards:
            entry = cards.get(card.id)
            if entry is not None:
                if deck.key not in entry["decks"]:
                    entry["decks"].append(deck.key)
                continue
            p = progress.get(card.id)
            entry = card.to_json()
            entry["decks"] = [deck.key]
            entry["state"] = state_of(p, now)
            entry["progress"] = p.to_dict() if p is not None else None
            entry["interval_days"] = _round(interval_days(p))
            studied = p is not None and p.state != "new"
            entry["retrievability"] = _round(retrievability(p, now)) if studied else None
            entry["my_note"] = annotations.get(card.id, "")
            entry["flag"] = flags.get(card.id, "")
            entry["reviews"] = [
                {
                    "at": r.at.isoformat(),
                    "rating": r.rating,
                    "grade": r.grade,
                    "duration": round(r.duration, 3),
                    "state_before": r.state_before,
                    "device": r.device,
                    "interval_days": _round(r.interval.total_seconds() / 86400 if r.interval else None),
                }
                for r in history_rows(card.id, by_card.get(card.id, []))
            ]
            cards[card.id] = entry
    return {"format": FORMAT, "version": VERSION, "exported_at": now.isoformat(), "cards": list(cards.values())}


def dumps(data: Mapping[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_json(
    decks: Sequence[Deck], path: Path, progress: Mapping[str, CardProgress], now: datetime, **kw: Any
) -> int:
    """Write the export to ``path``; return the number of cards."""
    data = cards_json(decks, progress, now, **kw)
    if not data["cards"]:
        raise ExportError("nothing to export: no deck has any cards")
    payload = dumps(data)

    def write(out: BinaryIO) -> None:
        out.write(payload)

    write_atomic(path, write, ExportError.cannot_write)
    return len(data["cards"])
