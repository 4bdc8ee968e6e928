"""Recognising a card that moved: its id changed (a typo fixed, a word added) but it is the same question.

A card id is derived from the card's text, so editing the front gives a new id. The store then finds, for each
id that vanished, a new card of the same section that asks the same question, and moves the history there:

- its front is nearly the same once the count the parser adds is set aside (``— 3 points``, ``— 4 steps, in
  order``, ``(1/2)``): a list that gained an item, or a list that became a definition, is the same question;
- or, when the fronts differ (a list's label reworded), most of its back items are the same (Jaccard overlap of
  their normalised texts, compared as short digests).

The kind may change only where the question stays the same: between list kinds, between a definition and a list
of one item, and between a definition and an explicit card. Two equally good candidates are never guessed
between: the card is left an orphan. Similarity is computed on characters (after Unicode NFKC folding, case
folding and whitespace collapsing), so it works the same for Japanese, which has no spaces between words.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import groupby
from typing import Any, Callable, Hashable, Iterable, NamedTuple, Sequence

from devday_tui.core.model import LIST_KINDS, Back

#: Minimum similarity (0-1) for history to re-attach to another card automatically.
REATTACH_THRESHOLD = 0.8


def normalize_front(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def front_similarity(a: str, b: str) -> float:
    """1.0 for the same text (ignoring case, width and spacing), lower as they differ."""
    return _ratio(normalize_front(a), normalize_front(b))


def _ratio(na: str, nb: str) -> float:
    if na == nb:
        return 1.0
    if not na or not nb:
        return 0.0
    return SequenceMatcher(None, na, nb, autojunk=False).ratio()


#: The count the parser adds to a list's front (after :func:`normalize_front`): a part number, then the number of
#: points or steps. Bounded digits and single spaces keep the search linear.
_COUNT_SUFFIX = re.compile(r"(?: \(\d{1,6}/\d{1,6}\))?(?: — \d{1,6} (?:points?|steps?, in order))?$")


def strip_count(text: str) -> str:
    """The normalised front without the count the parser adds (``AWS CDK — 3 points`` → ``aws cdk``)."""
    norm = normalize_front(text)
    return _COUNT_SUFFIX.sub("", norm, count=1).rstrip() or norm


def question_similarity(a: str, b: str) -> float:
    """:func:`front_similarity` of the fronts without their counts: ``X — 2 points`` and ``X — 3 points`` ask the
    same question, as does ``X`` (a definition)."""
    return _ratio(strip_count(a), strip_count(b))


#: Minimum Jaccard overlap of back items for history to follow a list whose front changed.
ITEM_OVERLAP = 0.6

#: Back items recorded per card (a longer back is compared on its first ones), and the length of each digest.
MAX_ITEMS = 64
DIGEST_CHARS = 12


@lru_cache(maxsize=1 << 14)  # every reconcile digests the backs of all studied cards; mostly the same texts
def item_digest(text: str) -> str:
    return hashlib.blake2b(normalize_front(text).encode("utf-8"), digest_size=DIGEST_CHARS // 2).hexdigest()


def back_digests(back: Back) -> tuple[str, ...]:
    """Digests of a back's items, in order: a list's top-level items (nested ones belong to them), or a text's
    non-empty lines."""
    if isinstance(back, str):
        texts: Iterable[str] = (line for line in back.splitlines() if line.strip())
    else:
        texts = (item.text for item in back)
    out: list[str] = []
    for text in texts:
        if len(out) == MAX_ITEMS:
            break
        out.append(item_digest(text))
    return tuple(out)


#: Where an item's term ends: ``NAT：…``, ``Network ACL - …``, ``ESSID・・・…``.
_TERM_END_RE = re.compile(r"[:：＝]|・・・|…| [-=–—→] ")


def head_digests(back: Back) -> tuple[str, ...] | None:
    """Digests of a list's items by their terms (``NAT：プライベートIPを変換`` as ``NAT``), for a list that now shows
    a definition where it used to show its term alone; ``None`` for a text back, or when no item has a term."""
    if isinstance(back, str):
        return None
    out: list[str] = []
    cut = False
    for item in back[:MAX_ITEMS]:
        text = item.text
        m = _TERM_END_RE.search(text)
        if m is not None and m.start() > 0 and text[m.end() :].strip():
            text, cut = text[: m.start()], True
        out.append(item_digest(text))
    return tuple(out) if cut else None


def item_overlap(a: Sequence[str] | None, b: Sequence[str] | None) -> float | None:
    """Jaccard overlap of two sets of item digests; ``None`` when either is unknown or empty."""
    if not a or not b:
        return None
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb)


class Shape(NamedTuple):
    """What a card looked like, for matching: its id, where it may be looked for (a section, or a note and kind),
    its front, and when known its kind and the digests of its back items (:func:`back_digests`)."""

    card_id: str
    group: Hashable
    front: str
    kind: str | None = None
    items: tuple[str, ...] | None = None
    #: A new card's items by their terms (:func:`head_digests`), compared too: history recorded while the list
    #: showed the terms alone still finds it.
    heads: tuple[str, ...] | None = None


def shared_items(old: Shape, new: Shape) -> float | None:
    """:func:`item_overlap` of the old card's items with the new card's, or with its items' terms if more."""
    shared = item_overlap(old.items, new.items)
    by_heads = item_overlap(old.items, new.heads)
    if by_heads is not None and (shared is None or by_heads > shared):
        return by_heads
    return shared


_TEXT_KINDS = frozenset({"definition", "explicit"})


def kinds_compatible(old: Shape, new: Shape) -> bool:
    """Whether a card of ``old``'s kind may have become one of ``new``'s and still ask the same question.

    Unknown kinds (a catalog written before kinds were recorded) do not stand in the way."""
    if old.kind is None or new.kind is None or old.kind == new.kind:
        return True
    if old.kind in LIST_KINDS and new.kind in LIST_KINDS:
        return True
    if old.kind in _TEXT_KINDS and new.kind in _TEXT_KINDS:
        return True
    for listed, other in ((old, new), (new, old)):
        if listed.kind in LIST_KINDS and other.kind == "definition":
            return listed.items is not None and len(listed.items) == 1
    return False


def match_moved(
    vanished: Sequence[tuple[Any, ...]],
    fresh: Sequence[tuple[Any, ...]],
    threshold: float = REATTACH_THRESHOLD,
    overlap: float = ITEM_OVERLAP,
) -> list[tuple[str, str, float]]:
    """Pair vanished cards with new ones of the same section: ``(old_id, new_id, score)``.

    Both arguments are :class:`Shape` (or plain ``(card_id, section_id, front)`` tuples). First by question: the
    fronts without their counts have a similarity of at least ``threshold`` and the kinds are compatible; among
    equal fronts the larger item overlap, then the closer whole front, wins. Then, for the cards left, by back:
    an item overlap of at least ``overlap``. Each card is used once, best pairs first; an old card with two
    equally good candidates, or a new card that two old ones claim equally, is left alone rather than guessed.
    """
    old = [Shape(*v) for v in vanished]
    new = [Shape(*f) for f in fresh]

    def by_question(o: Shape, n: Shape) -> tuple[float, ...] | None:
        score = question_similarity(o.front, n.front)
        if score < threshold or not kinds_compatible(o, n):
            return None
        shared = shared_items(o, n)
        return (score, -1.0 if shared is None else shared, front_similarity(o.front, n.front))

    def by_back(o: Shape, n: Shape) -> tuple[float, ...] | None:
        shared = shared_items(o, n)
        if shared is None or shared < overlap or not kinds_compatible(o, n):
            return None
        return (shared,)  # fronts that differ say nothing more: equal overlaps are a tie

    pairs, done_old, done_new = _pair(old, new, by_question)
    rest, _, _ = _pair(
        [o for o in old if o.card_id not in done_old], [n for n in new if n.card_id not in done_new], by_back
    )
    return pairs + rest


#: Minimum similarity for history whose whole section vanished (a heading renamed or moved) to re-attach to a card
#: of another section of the same note: the candidates are many more, so the fronts must be nearly equal.
DISPLACED_THRESHOLD = 0.9


def match_displaced(
    vanished: Sequence[tuple[Any, ...]],
    fresh: Sequence[tuple[Any, ...]],
    threshold: float = DISPLACED_THRESHOLD,
) -> list[tuple[str, str, float]]:
    """Pair cards whose section is gone with new cards of the same note and kind: ``(old_id, new_id, score)``.

    Renaming a heading (or moving a section under another) changes the ids of the section and of every card in
    it, while the cards read the same. The arguments are ``(card_id, place, front)`` where ``place`` names the
    note and the kind; the fronts without their counts must be nearly equal (``threshold``); ties as
    :func:`match_moved`.
    """

    def by_question(o: Shape, n: Shape) -> tuple[float, ...] | None:
        score = question_similarity(o.front, n.front)
        return None if score < threshold else (score, front_similarity(o.front, n.front))

    return _pair([Shape(*v) for v in vanished], [Shape(*f) for f in fresh], by_question)[0]


Key = tuple[float, ...]


def _pair(
    vanished: Sequence[Shape], fresh: Sequence[Shape], score: Callable[[Shape, Shape], Key | None]
) -> tuple[list[tuple[str, str, float]], set[str], set[str]]:
    """Pairs within groups, best ``score`` first, each card used once: ``(pairs, old ids done, new ids done)``.

    Pairs of equal score are settled together: a card that appears in two of them, on either side, is a tie and
    is set aside (done, unpaired) instead of guessed; the others pair."""
    by_group: dict[Hashable, list[Shape]] = {}
    for shape in fresh:
        by_group.setdefault(shape.group, []).append(shape)
    scored: list[tuple[Key, str, str]] = []
    for old in vanished:
        for new in by_group.get(old.group, ()):
            key = score(old, new)
            if key is not None:
                scored.append((key, old.card_id, new.card_id))
    scored.sort(key=lambda p: p[0], reverse=True)
    done_old: set[str] = set()
    done_new: set[str] = set()
    out: list[tuple[str, str, float]] = []
    for key, level in groupby(scored, key=lambda p: p[0]):
        live = [(o, n) for _, o, n in level if o not in done_old and n not in done_new]
        olds = Counter(o for o, _ in live)
        news = Counter(n for _, n in live)
        for o, n in live:
            if olds[o] == 1 and news[n] == 1:
                out.append((o, n, key[0]))
        done_old.update(olds)
        done_new.update(news)
    return out, done_old, done_new
