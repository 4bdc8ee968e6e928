"""Re-attaching history to cards that changed: the catalog of card fronts, matching, and orphans.

A card's id comes from its note, section and front. When a front is edited (a typo fixed) or its heading is
renamed, the card gets a new id and its history would be lost. The catalog records what each studied card looked
like (front, kind, digests of its back items); history whose card vanished is matched to a new card that asks the
same question (``core.similarity``: nearly the same front without its count, or mostly the same back items), first
in the same section, then (for a section that is gone) in the same note. History that matches nothing is an
orphan: kept, listed, and re-attached if its card comes back.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from devday_tui.core.model import Card
from devday_tui.core.scheduling import CardProgress
from devday_tui.core.similarity import Shape, back_digests, head_digests, match_displaced, match_moved
from devday_tui.progress_store import Orphan
from devday_tui.store import validate
from devday_tui.store.errors import CorruptFileError, UnreadableFileError
from devday_tui.store.files import read_tables, write_tables
from devday_tui.store.recovery import Reader
from devday_tui.store.side_files import copies_of, valid_docs

CATALOG = "catalog.json"

Place = tuple[str, str, str]


def is_catalog_entry(doc: dict[str, Any]) -> bool:
    return "card" in doc and "front" in doc and "seen" in doc


class Catalog:
    """What each studied card looked like (front, section, note), from every device; newest sighting wins."""

    def __init__(self, own_dir: Path, reader: Reader) -> None:
        self.path = own_dir / CATALOG
        self.reader = reader
        self.cards: dict[str, dict[str, Any]] = {}

    def load(self, device_dirs: Iterable[Path], now: datetime) -> None:
        catalog: dict[str, dict[str, Any]] = {}
        for device_dir in device_dirs:
            for path in copies_of(device_dir, CATALOG):
                tables = self.reader.read(path, is_catalog_entry, "cards", now, "card description/card descriptions")
                for doc in valid_docs(self.reader, path, tables, "cards", validate.catalog_entry):
                    cid = doc["card"]
                    if cid not in catalog or str(doc.get("seen") or "") > str(catalog[cid].get("seen") or ""):
                        catalog[cid] = doc
        self.cards = catalog

    def update(self, cards: Iterable[Card], keep: Callable[[str], bool], now: datetime) -> None:
        """Record the front and section of every card that ``keep`` accepts (those with history), so that it can
        be re-attached if its id changes. Cards never studied have nothing to re-attach and are left out: with
        thousands of notes the catalog stays small and start-up fast."""
        try:
            own = read_tables(self.path) or {}
        except UnreadableFileError:
            return  # never replace a file that could not be read; it is read again next start
        except CorruptFileError:
            own = {}
        table = own.get("cards")
        rows = table.values() if isinstance(table, dict) else ()
        docs = {str(d.get("card")): d for d in rows if isinstance(d, dict)}
        changed = False
        for card in cards:
            if not keep(card.id):
                continue
            entry = {
                "card": card.id,
                "front": card.front,
                "section": card.section_id,
                "note": card.note_title,
                "note_key": card.note_key,
                "path": str(card.path),
                "line": card.line,
                "kind": card.kind,
                "items": list(back_digests(card.back)),
            }
            known = docs.get(card.id)
            if known is None or any(known.get(k) != v for k, v in entry.items()):
                entry["seen"] = now.isoformat()
                docs[card.id] = entry
                self.cards[card.id] = entry
                changed = True
        if changed:
            write_tables(self.path, {"cards": {str(i): d for i, d in enumerate(docs.values(), 1)}})


def _place(note_key: Any, title: Any, kind: Any, note_keys: set[str]) -> Place | None:
    """Where a card whose section vanished may be looked for: its note (by key; by title when no loaded note has
    that key any more, as after renaming the file), among cards of its kind."""
    if not kind:
        return None
    if note_key and str(note_key) in note_keys:
        return ("key", str(note_key), str(kind))
    if title:
        return ("title", str(title), str(kind))
    return None


def find_reattachments(
    cards: Sequence[Card],
    progress: Mapping[str, CardProgress],
    catalog: Mapping[str, Mapping[str, Any]],
    seen_cards: Mapping[str, Card],
) -> list[tuple[str, str, float]]:
    """Pairs (old id, new id, score) of history whose card vanished and a card without history: first within the
    same section; then, for history whose whole section is gone (a heading renamed or moved), within the same
    note and kind, with nearly the same front."""
    current = {c.id for c in cards}
    note_keys = {c.note_key for c in cards}
    old_side: list[tuple[Shape, Place | None]] = []
    for cid in progress:
        if cid in current:
            continue
        info = catalog.get(cid)
        if info and info.get("section") and info.get("front") is not None:
            items = info.get("items")  # absent from entries written before back items were recorded
            kind = info.get("kind")
            old_side.append(
                (
                    Shape(
                        cid,
                        str(info["section"]),
                        str(info["front"]),
                        str(kind) if kind else None,
                        tuple(items) if isinstance(items, list) else None,
                    ),
                    _place(info.get("note_key"), info.get("note"), kind, note_keys),
                )
            )
        elif cid in seen_cards:  # reviewed since the catalog was last written
            seen = seen_cards[cid]
            old_side.append(
                (
                    Shape(cid, seen.section_id, seen.front, seen.kind, back_digests(seen.back)),
                    _place(seen.note_key, seen.note_title, seen.kind, note_keys),
                )
            )
    if not old_side:
        return []
    unstudied = [c for c in cards if c.id not in progress]
    sections = {shape.group for shape, _ in old_side}
    matches = match_moved(
        [shape for shape, _ in old_side],
        [
            Shape(c.id, c.section_id, c.front, c.kind, back_digests(c.back), head_digests(c.back))
            for c in unstudied
            if c.section_id in sections
        ],
    )
    present = {c.section_id for c in cards}
    taken_old = {old for old, _, _ in matches}
    displaced = [
        (shape.card_id, place, shape.front)
        for shape, place in old_side
        if place is not None and shape.group not in present and shape.card_id not in taken_old
    ]
    if not displaced:
        return matches
    places = {place for _, place, _ in displaced}
    taken_new = {new for _, new, _ in matches}
    # A note found by its title must be new to the progress: a renamed file comes back as a note none of whose
    # cards has history. (Two notes may share a title, and the other one may simply not be loaded now.)
    studied_notes = {c.note_key for c in cards if c.id in progress}
    candidates = []
    for c in unstudied:
        if c.id in taken_new:
            continue
        if ("key", c.note_key, c.kind) in places:
            candidates.append((c.id, ("key", c.note_key, c.kind), c.front))
        if ("title", c.note_title, c.kind) in places and c.note_key not in studied_notes:
            candidates.append((c.id, ("title", c.note_title, c.kind), c.front))
    return matches + match_displaced(displaced, candidates)


def find_orphans(
    progress: Mapping[str, CardProgress], present: set[str], catalog: Mapping[str, Mapping[str, Any]]
) -> list[Orphan]:
    out = []
    for cid, state in sorted(progress.items()):
        if cid in present:
            continue
        info = catalog.get(cid, {})
        out.append(
            Orphan(
                cid, state, info.get("front"), info.get("section"), info.get("note"), info.get("path"), info.get("line")
            )
        )
    return out
