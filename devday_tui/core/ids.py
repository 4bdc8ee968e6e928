"""Stable ids for sections and cards.

An id is 16 hex characters of a BLAKE2b digest over the parts that name the thing, so the same note parsed
twice, on any machine, gives the same ids.
"""

from __future__ import annotations

from hashlib import blake2b
from typing import Iterable

from devday_tui.core.text import normalise

_SEP = "\x1f"


#: An empty hash of the ids' size: a copy of it is made faster than a new one (parsing keywords costs).
_EMPTY = blake2b(digest_size=8)


def digest(*parts: str) -> str:
    h = _EMPTY.copy()
    h.update(_SEP.join(parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


_heading_norms: dict[str, str] = {}


def heading_key(path: Iterable[str]) -> str:
    """The heading path as one string: each heading normalised, joined by a separator no heading holds."""
    out = []
    for h in path:
        norm = _heading_norms.get(h)
        if norm is None:
            if len(_heading_norms) > 50_000:
                _heading_norms.clear()
            norm = _heading_norms[h] = normalise(h)
        out.append(norm)
    return "\x1e".join(out)


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


def card_id_from(note_key: str, heading_key_: str, kind: str, normalised_subject: str, occurrence: int = 0) -> str:
    """:func:`card_id` from a heading key and a subject already normalised (the parser's fast path)."""
    if occurrence:
        return digest("card", note_key, heading_key_, kind, normalised_subject, str(occurrence))
    return digest("card", note_key, heading_key_, kind, normalised_subject)
