"""The card browser's search language, in the spirit of Anki's.

A query is words separated by spaces; a card must match every word. A word is one of:

* ``is:due`` ``is:new`` ``is:learning`` ``is:review`` ``is:suspended`` ``is:buried`` ``is:leech`` ``is:flagged``;
* ``prop:lapses>2``, ``prop:difficulty>7``: a number compared with ``<``, ``<=``, ``>``, ``>=``, ``=`` or ``!=``.
  The properties are ``lapses``, ``reviews``, ``difficulty`` (1–10), ``stability`` (days), ``interval`` (days)
  and ``due`` (days from today: ``prop:due<=3`` is due within three days, ``prop:due<0`` is overdue);
* ``note:…`` (the note's title or file), ``section:…`` (the heading path), ``tag:…`` (a note tag; ``tag:aws*``
  takes every tag starting so), ``kind:list`` (a card kind), ``flag:red`` (or ``flag:none``);
* anything else: text searched in the front, the back and the personal note, folded as in the notes search (case
  and full-width forms ignored, so ``ＡＷＳ`` finds ``AWS``). ``"two words"`` searches a phrase.

A ``-`` before a word negates it: ``-is:new``, ``-tag:wip``. A query that cannot be read raises ``QueryError``
with a message for the person who typed it, and the position of the word at fault.
"""

from __future__ import annotations

import math
import operator
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable, Mapping, Sequence

from devday_tui.core.model import CARD_KINDS, Card
from devday_tui.core.scheduling import CardProgress
from devday_tui.core.search import fold

#: Flags a card can carry, in Anki's order. The names are part of the query language and the exports.
FLAGS: tuple[str, ...] = ("red", "orange", "green", "blue", "pink", "turquoise", "purple")

IS_WORDS: tuple[str, ...] = ("due", "new", "learning", "review", "suspended", "buried", "leech", "flagged")
PROPERTIES: tuple[str, ...] = ("lapses", "reviews", "difficulty", "stability", "interval", "due")
FILTERS: tuple[str, ...] = ("is", "prop", "note", "section", "tag", "kind", "flag")

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
    "=": operator.eq,
}
_PROP_RE = re.compile(r"\A([a-z]+)(<=|>=|!=|<|>|=)(.*)\Z", re.DOTALL)
#: Longest query read: a pasted document is refused with a message rather than scanned.
MAX_QUERY = 2000


class QueryError(ValueError):
    """A query that cannot be read. ``position`` is the offset of the word at fault in the query."""

    def __init__(self, message: str, position: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


@dataclass(slots=True)
class CardFacts:
    """What the query language knows about one card: the card, its progress and flag, its personal note and its
    note's tags. ``folded`` caches the card's searchable text (shared between queries by ``CardSource``)."""

    card: Card
    progress: CardProgress | None
    flag: str = ""
    annotation: str = ""
    tags: tuple[str, ...] = ()
    folded: dict[str, str] | None = None

    def folded_text(self) -> str:
        cache = self.folded
        if cache is not None:
            text = cache.get(self.card.id)
            if text is not None:
                return text
        c = self.card
        text = fold(" ".join((c.front, c.back_text, " ".join(c.answers), self.annotation)))
        if cache is not None:
            cache[c.id] = text
        return text


@dataclass(slots=True)
class CardSource:
    """Every card's progress, flag, personal note and tags, read once; ``facts`` makes one card's facts when
    needed (a table of 150,000 cards makes them only for the rows it draws and the cards it filters)."""

    progress: Mapping[str, CardProgress]
    flags: Mapping[str, str]
    annotations: Mapping[str, str]
    tags: Mapping[str, tuple[str, ...]]
    #: Every card of the table, in note order (the sort orders kept in ``orders`` are over these).
    cards: Sequence[Card] = ()
    folded: dict[str, str] = field(default_factory=dict)
    orders: dict[str, Any] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def changed(self, progress: Mapping[str, CardProgress], flags: Mapping[str, str]) -> None:
        """Progress or flags were read again: the kept sort orders no longer hold."""
        with self.lock:
            self.progress, self.flags = progress, flags
            self.orders.clear()

    def facts(self, card: Card) -> CardFacts:
        cid = card.id
        return CardFacts(
            card,
            self.progress.get(cid),
            self.flags.get(cid, ""),
            self.annotations.get(cid, ""),
            self.tags.get(card.note_key, ()),
            self.folded,
        )


@dataclass(frozen=True, slots=True)
class Moment:
    """The time a query is evaluated at: now, and the end of today's study day (``is:due``)."""

    now: datetime
    day_end: datetime


Predicate = Callable[[CardFacts, Moment], bool]


@dataclass(frozen=True, slots=True)
class Term:
    """One word of a query, read."""

    text: str
    negated: bool
    test: Predicate

    def __call__(self, facts: CardFacts, moment: Moment) -> bool:
        return self.test(facts, moment) != self.negated


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: every term must hold. An empty query matches every card."""

    source: str
    terms: tuple[Term, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def matches(self, facts: CardFacts, moment: Moment) -> bool:
        for term in self.terms:
            if not term(facts, moment):
                return False
        return True

    def filter(self, cards: Sequence[Card], source: CardSource, moment: Moment) -> list[Card]:
        """The cards that match, in the order given."""
        if not self.terms:
            return list(cards)
        tests = [(t.test, t.negated) for t in self.terms]
        make = source.facts
        out: list[Card] = []
        append = out.append
        for card in cards:
            facts = make(card)
            for test, negated in tests:
                if test(facts, moment) == negated:
                    break
            else:
                append(card)
        return out


# ---------------------------------------------------------------------------------------------------------------
# Card facts the terms test


def is_due(p: CardProgress | None, moment: Moment) -> bool:
    """Due in today's study day (or overdue), and not held back by a suspension or a burial."""
    if p is None or p.due is None or p.suspended or p.is_buried(moment.now):
        return False
    return p.due < moment.day_end  # a new card has a due date only when sent to today's review


def _is(word: str) -> Predicate:
    if word == "due":
        return lambda f, m: is_due(f.progress, m)
    if word == "new":
        return lambda f, m: f.progress is None or f.progress.state == "new"
    if word == "learning":
        return lambda f, m: f.progress is not None and f.progress.state in ("learning", "relearning")
    if word == "review":
        return lambda f, m: f.progress is not None and f.progress.state == "review"
    if word == "suspended":
        return lambda f, m: f.progress is not None and f.progress.suspended
    if word == "buried":
        return lambda f, m: f.progress is not None and f.progress.is_buried(m.now)
    if word == "leech":
        return lambda f, m: f.progress is not None and f.progress.leech
    assert word == "flagged"
    return lambda f, m: bool(f.flag)


def property_value(name: str, p: CardProgress | None, moment: Moment) -> float | None:
    """The number ``prop:name`` compares; ``None`` when the card has none (a new card has no difficulty)."""
    if name == "lapses":
        return float(p.lapses) if p is not None else 0.0
    if name == "reviews":
        return float(p.reps) if p is not None else 0.0
    if p is None or p.state == "new":
        if name == "due" and p is not None and p.due is not None:
            return _days(p.due - moment.day_end) + 1
        return None
    if name == "difficulty":
        return p.difficulty
    if name == "stability":
        return p.stability
    if name == "interval":
        return interval_days(p)
    assert name == "due"
    if p.due is None:
        return None
    return _days(p.due - moment.day_end) + 1  # due before today ends is 0 days away, tomorrow 1


def interval_days(p: CardProgress | None) -> float | None:
    """Days between the last answer and the due date, as Anki's "interval"."""
    if p is None or p.due is None or p.last_review is None or p.state == "new":
        return None
    return max(0.0, (p.due - p.last_review) / timedelta(days=1))


def _days(delta: timedelta) -> float:
    return float(math.floor(delta / timedelta(days=1)))


def _prop(body: str, position: int) -> Predicate:
    m = _PROP_RE.match(body)
    if m is None:
        raise QueryError(
            f"prop: needs a property, a comparison and a number, like prop:lapses>2 (got prop:{body}).", position
        )
    name, op, raw = m.groups()
    if name not in PROPERTIES:
        raise QueryError(f"Unknown property {name!r}: use one of {', '.join(PROPERTIES)}.", position)
    try:
        number = float(raw)
    except ValueError:
        raise QueryError(f"prop:{name}{op} needs a number (got {raw!r}).", position) from None
    if not math.isfinite(number):
        raise QueryError(f"prop:{name}{op} needs a finite number (got {raw!r}).", position)
    compare = _OPS[op]

    def test(f: CardFacts, m: Moment) -> bool:
        value = property_value(name, f.progress, m)
        return value is not None and compare(value, number)

    return test


def _contains_in_order(parts: list[str], text: str, start: int = 0) -> int:
    """Where the last of ``parts`` ends when each is found after the one before, else -1. Linear in ``text``
    (a wildcard pattern turned into a regular expression backtracks without end on long text)."""
    pos = start
    for part in parts:
        found = text.find(part, pos)
        if found < 0:
            return -1
        pos = found + len(part)
    return pos


def _text_matcher(value: str) -> Callable[[str], bool]:
    """Substring match, folded; ``*`` stands for any run of characters."""
    needle = fold(value)
    if "*" not in needle:
        return lambda text: needle in fold(text)
    parts = [p for p in needle.split("*") if p]
    return lambda text: _contains_in_order(parts, fold(text)) >= 0


def _whole_match(parts: list[str], text: str) -> bool:
    """``text`` matches ``parts[0]*parts[1]*…*parts[-1]`` from its first character to its last."""
    first, *middle, last = parts
    if not text.startswith(first) or len(text) < len(first) + len(last):
        return False
    end = _contains_in_order(middle, text, len(first))
    return end >= 0 and len(text) - len(last) >= end and text.endswith(last)


def _tag(value: str) -> Predicate:
    needle = fold(value)
    if "*" not in needle:
        return lambda f, m: any(fold(t) == needle for t in f.tags)
    parts = needle.split("*")
    return lambda f, m: any(_whole_match(parts, fold(t)) for t in f.tags)


def _filter(name: str, value: str, position: int) -> Predicate:
    if name == "is":
        if value not in IS_WORDS:
            raise QueryError(
                f"Unknown is:{value}. Use one of: " + ", ".join(f"is:{w}" for w in IS_WORDS) + ".", position
            )
        return _is(value)
    if name == "prop":
        return _prop(value, position)
    if not value:
        raise QueryError(f"{name}: needs a value, like {_EXAMPLES[name]}.", position)
    if name == "kind":
        kind = value.casefold()
        if kind not in CARD_KINDS:
            raise QueryError(f"Unknown card kind {value!r}: use one of {', '.join(CARD_KINDS)}.", position)
        return lambda f, m: f.card.kind == kind
    if name == "flag":
        flag = value.casefold()
        if flag in ("none", "0"):
            return lambda f, m: not f.flag
        if flag not in FLAGS:
            raise QueryError(f"Unknown flag {value!r}: use one of {', '.join(FLAGS)} or none.", position)
        return lambda f, m: f.flag == flag
    if name == "tag":
        return _tag(value)
    match = _text_matcher(value)
    if name == "note":
        return lambda f, m: match(f.card.note_title) or match(str(f.card.path.name)) or match(f.card.note_key)
    assert name == "section"
    return lambda f, m: match(f.card.breadcrumb)


_EXAMPLES = {
    "note": "note:devday",
    "section": "section:lambda",
    "tag": "tag:aws",
    "kind": "kind:list",
    "flag": "flag:red",
}


def _free_text(value: str) -> Predicate:
    needle = fold(value)
    return lambda f, m: needle in f.folded_text()


# ---------------------------------------------------------------------------------------------------------------
# Reading a query


def _words(query: str) -> list[tuple[str, int, bool]]:
    """(word, offset, quoted) for each word; a quoted stretch (``"…"``) is one word, quotes removed."""
    out: list[tuple[str, int, bool]] = []
    i, n = 0, len(query)
    while i < n:
        if query[i].isspace():
            i += 1
            continue
        start = i
        buf: list[str] = []
        quoted = False
        while i < n and not query[i].isspace():
            if query[i] == '"':
                end = query.find('"', i + 1)
                if end == -1:
                    raise QueryError('A quote (") is not closed.', i)
                buf.append(query[i + 1 : end])
                quoted = True
                i = end + 1
            else:
                buf.append(query[i])
                i += 1
        out.append(("".join(buf), start, quoted))
    return out


def parse_query(query: str) -> Query:
    """Read a query typed in the browser. Raises ``QueryError`` (a clear message) when it cannot be read."""
    if len(query) > MAX_QUERY:
        raise QueryError(f"The query is too long ({len(query)} characters; at most {MAX_QUERY}).", MAX_QUERY)
    terms: list[Term] = []
    for word, position, _quoted in _words(query):
        negated = query[position] == "-"
        body = word[1:] if negated else word
        if not body:
            if negated:
                raise QueryError("A lone - negates nothing: write it before a word, like -is:new.", position)
            continue  # ""
        name, sep, value = body.partition(":")
        quoted_name = query[position + (1 if negated else 0)] == '"'
        if sep and not quoted_name and name.casefold() in FILTERS:
            key = name.casefold()
            test = _filter(key, value.strip().casefold() if key == "prop" else value.strip(), position)
        elif sep and not quoted_name and re.fullmatch(r"[a-z]+", name) and not value.startswith("//"):
            raise QueryError(
                f"Unknown filter {name}:. Use one of "
                + ", ".join(f"{f}:" for f in FILTERS)
                + f', or quote the text ("{body}") to search for it.',
                position,
            )
        else:
            test = _free_text(body)
        terms.append(Term(word, negated, test))
    return Query(query, tuple(terms))


def check_query(query: str) -> str | None:
    """``None`` when the query reads, else the message saying what is wrong."""
    try:
        parse_query(query)
    except QueryError as exc:
        return exc.message
    return None


__all__ = [
    "FLAGS",
    "CardFacts",
    "Moment",
    "Query",
    "QueryError",
    "check_query",
    "CardSource",
    "interval_days",
    "is_due",
    "parse_query",
    "property_value",
]
