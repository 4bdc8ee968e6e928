"""Recognising a card that moved: its id changed (a typo fixed, a word added) but it is the same question.

A card id is derived from the card's text, so editing the front gives a new id. The store then finds, for each
id that vanished, a new card of the same section whose front is nearly the same, and moves the history there.
Similarity is computed on characters (after Unicode NFKC folding, case folding and whitespace collapsing), so it
works the same for Japanese, which has no spaces between words.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from typing import Hashable, Sequence

#: Minimum similarity (0-1) for history to re-attach to another card automatically.
REATTACH_THRESHOLD = 0.8

_SPACE = re.compile(r"\s+")


def normalize_front(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def front_similarity(a: str, b: str) -> float:
    """1.0 for the same text (ignoring case, width and spacing), lower as they differ."""
    na, nb = normalize_front(a), normalize_front(b)
    if na == nb:
        return 1.0
    if not na or not nb:
        return 0.0
    return SequenceMatcher(None, na, nb, autojunk=False).ratio()


def match_moved(
    vanished: Sequence[tuple[str, str, str]],
    fresh: Sequence[tuple[str, str, str]],
    threshold: float = REATTACH_THRESHOLD,
) -> list[tuple[str, str, float]]:
    """Pair vanished cards with new ones: ``(old_id, new_id, score)``.

    Both arguments are ``(card_id, section_id, front)``. A pair needs the same section and a similarity of at least
    ``threshold``; each card is used once, best pairs first. When an old card has two equally good candidates,
    it is left alone (an orphan) rather than guessed.
    """
    return _pair(vanished, fresh, threshold)


#: Minimum similarity for history whose whole section vanished (a heading renamed or moved) to re-attach to a card
#: of another section of the same note: the candidates are many more, so the fronts must be nearly equal.
DISPLACED_THRESHOLD = 0.9


def match_displaced(
    vanished: Sequence[tuple[str, Hashable, str]],
    fresh: Sequence[tuple[str, Hashable, str]],
    threshold: float = DISPLACED_THRESHOLD,
) -> list[tuple[str, str, float]]:
    """Pair cards whose section is gone with new cards of the same note and kind: ``(old_id, new_id, score)``.

    Renaming a heading (or moving a section under another) changes the ids of the section and of every card in
    it, while the cards read the same. The arguments are ``(card_id, place, front)`` where ``place`` names the
    note and the kind; otherwise as :func:`match_moved`, with a higher threshold.
    """
    return _pair(vanished, fresh, threshold)


def _pair(
    vanished: Sequence[tuple[str, Hashable, str]],
    fresh: Sequence[tuple[str, Hashable, str]],
    threshold: float,
) -> list[tuple[str, str, float]]:
    """Best pairs first, each card used once, within groups; an old card with two equal best candidates is
    left alone."""
    by_group: dict[Hashable, list[tuple[str, str]]] = {}
    for cid, group, front in fresh:
        by_group.setdefault(group, []).append((cid, front))
    pairs: list[tuple[float, str, str]] = []
    for old_id, group, front in vanished:
        scored = sorted(
            ((front_similarity(front, new_front), new_id) for new_id, new_front in by_group.get(group, ())),
            reverse=True,
        )
        scored = [s for s in scored if s[0] >= threshold]
        if not scored:
            continue
        if len(scored) > 1 and scored[1][0] == scored[0][0]:
            continue
        for score, new_id in scored:
            pairs.append((score, old_id, new_id))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_old: set[str] = set()
    used_new: set[str] = set()
    out: list[tuple[str, str, float]] = []
    for score, old_id, new_id in pairs:
        if old_id in used_old or new_id in used_new:
            continue
        used_old.add(old_id)
        used_new.add(new_id)
        out.append((old_id, new_id, score))
    return out
