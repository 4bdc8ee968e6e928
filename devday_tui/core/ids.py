"""Stable ids for sections and cards.

An id is 16 hex characters of a BLAKE2b digest over the parts that name the thing, so the same note parsed
twice, on any machine, gives the same ids.
"""

from __future__ import annotations

from hashlib import blake2b
from typing import Iterable

from devday_tui.core.text import normalise

_SEP = "\x1f"


def digest(*parts: str) -> str:
    return blake2b(_SEP.join(parts).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def heading_key(path: Iterable[str]) -> str:
    """The heading path as one string: each heading normalised, joined by a separator no heading holds."""
    return "\x1e".join(normalise(h) for h in path)


def section_id(note_key: str, heading_path: Iterable[str], occurrence: int = 0) -> str:
    """Id of a section: the note key and the headings from the top down to it (and which one it is, when the
    same heading path appears more than once in a note)."""
    parts = ["section", note_key, heading_key(heading_path)]
    if occurrence:
        parts.append(str(occurrence))
    return digest(*parts)


def card_id(note_key: str, heading_path: Iterable[str], kind: str, subject: str, occurrence: int = 0) -> str:
    """Id of a card: note key, heading path, kind and the normalised front (for list kinds, the heading or
    label that the front asks about). The back plays no part, so editing an answer keeps the id."""
    parts = ["card", note_key, heading_key(heading_path), kind, normalise(subject)]
    if occurrence:
        parts.append(str(occurrence))
    return digest(*parts)
