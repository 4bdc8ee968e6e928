"""Hand-written cards, in the syntax of obsidian-spaced-repetition.

- ``front::back`` on one line makes one card; ``front:::back`` makes two, one each way.
- A front of one or more lines, a line holding only ``?`` (``??`` for two cards), then the back: the card ends
  at a blank line.

Lines in code blocks, HTML blocks and headings are never read as cards, and ``::`` inside inline code
(`` `std::vector` ``) or a link (``[Talk - YAPC::Asia Tokyo](http://…)``) is not a separator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from devday_tui.core.text import plain

# Inline code to mask: a run of backticks closed by the next run when that is at least as long, else the run's
# backticks taken two by two (what ``(`+)[^`]*?\1`` finds, without retrying every shorter opening run).
_CODE_SPAN_RE = re.compile(r"(`++)[^`]*+\1|(?:``)++")
_LEAD_RE = re.compile(r"^\s{0,3}(?:>\s?)*\s*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?")
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")


@dataclass(frozen=True, slots=True)
class ExplicitCard:
    front: str
    back: str
    #: 0-based body lines: the first line of the card and the last.
    first: int
    last: int
    #: Two cards, one each way.
    reversed: bool
    #: A Logseq or Dataview property (``id:: 6441…``, ``collapsed:: true``): metadata, not a card.
    property: bool = False


#: Properties that Logseq and Obsidian write on their own: a block's id, whether it is folded, a card's schedule…
_PROPERTIES = frozenset(
    """id collapsed heading background-color template template-including-parent title alias aliases tags icon public
    filters query-table query-properties query-sort-by query-sort-desc card-last-interval card-repeats
    card-ease-factor card-next-schedule card-last-reviewed card-last-score created-at updated-at up parent parents
    related source author status type created updated modified date summary topic category categories""".split()
)
#: A property's value that is no answer: ``true``, ``false``, a UUID.
_PROPERTY_VALUE_RE = re.compile(r"true|false|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", re.I)
_PROPERTY_KEY_RE = re.compile(r"[a-z][a-z0-9_-]{0,40}")


_JAPANESE_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


#: A lower-case identifier just before a ``::`` (``tokio``, ``parking_lot``): a module, not a question.
_MODULE_TAIL_RE = re.compile(r"(?<![\w.-])[a-z_][a-z0-9_]{0,30}\Z")
#: What follows a path's ``::``: a name, then code (another ``::``, a call, a generic, a macro, a full stop).
_PATH_HEAD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,40}(?:::|[.(<!;,`])")


def _in_a_name(raw: str, at: int) -> bool:
    """``YAPC::Tokyo 2019 のオープニングで…``, ``AWS::EC2::Instance は…``: a ``::`` between two ASCII letters or
    digits, in a line that goes on in Japanese, joins the parts of a name (Perl's, C++'s, CloudFormation's) rather
    than a hand-written card's sides (``CPU::Central Processing Unit`` stays a card); so does one after a lower-case
    identifier whose next part goes on with code (``passing an async block to tokio::spawn.``), in any line."""
    before, after = raw[at - 1 : at], raw[at + 2 : at + 3]
    if not (before.isascii() and before.isalnum() and after.isascii() and (after.isalnum() or after == "_")):
        return False
    # ``tokio::spawn.``, ``std::sync::Mutex``, ``fmt::println(``: a lower-case module's path, in any language; its
    # last part goes on with code (``cwnd::the congestion window`` goes on in words: a card).
    if _JAPANESE_RE.search(raw) is not None:
        return True
    return _MODULE_TAIL_RE.search(raw, max(0, at - 40), at) is not None and _PATH_HEAD_RE.match(raw, at + 2) is not None


def is_property(front: str, back: str) -> bool:
    """``id:: 64412696-…``, ``collapsed:: true``: a property of the block, not a hand-written card."""
    key = front.casefold()  # Dataview fields are often capitalised: ``Date:: 2022-08-15``
    if not _PROPERTY_KEY_RE.fullmatch(key):
        return False
    if key in _LINK_KEYS and (not back.strip() or _LINKS_ONLY_RE.fullmatch(back.strip())):
        return True  # "child:: [[…]]", "refs::": the links a vault's template keeps ("next:: 次のノード" is a card)
    return key in _PROPERTIES or _PROPERTY_VALUE_RE.fullmatch(back.strip()) is not None


#: Keys of the links between notes that a vault's template keeps, when their value is links or nothing.
_LINK_KEYS = frozenset("child children sibling siblings next prev previous refs references".split())
#: Wiki links or Markdown links, and the commas or spaces between them.
_LINKS_ONLY_RE = re.compile(r"(?:\[\[[^\[\]\n]{1,200}\]\]|\[[^\[\]\n]{0,200}\]\([^()\s]{1,500}\)|[ \t,、]){1,50}")


#: A link, its text and its target (``[Talk - YAPC::Asia](http://…)``), a wiki link (``[[Perl::Critic]]``) or an
#: autolink (``<http://…>``): a
#: ``::`` inside either is part of a name or an address. Neither bracket class holds the other bracket, so each
#: start is scanned once.
_LINK_RE = re.compile(r"\[\[[^\[\]\n]*\]\]|\[[^\[\]\n]*\]\([^()\s]*\)|<[A-Za-z][\w+.-]*:[^\s<>]*>")


def _mask(line: str) -> str:
    """``line`` with its inline code and links blanked out, the same length: where a ``::`` may separate."""
    if "`" in line:
        line = _CODE_SPAN_RE.sub(lambda m: "\0" * len(m.group(0)), line)
    if "[" in line or "<" in line:
        line = _LINK_RE.sub(lambda m: "\0" * len(m.group(0)), line)
    return line


def _clean(line: str) -> str:
    return plain(_LEAD_RE.sub("", line, count=1))


def scan_explicit(lines: list[str], skip: frozenset[int] | set[int]) -> tuple[list[ExplicitCard], set[int]]:
    """Find explicit cards in body ``lines``; ``skip`` holds line indexes inside code or HTML blocks.

    Returns the cards in line order and the set of line indexes they use.
    """
    cards: list[ExplicitCard] = []
    used: set[int] = set()
    n = len(lines)

    def usable(i: int) -> bool:
        return i not in skip and i not in used and bool(lines[i].strip()) and not _HEADING_RE.match(lines[i])

    # Multi-line cards first: a line holding only ? or ??.
    for i, raw in enumerate(lines):
        mark = raw.strip()
        if mark not in ("?", "??") or i in skip or i in used:
            continue
        top = i
        while top - 1 >= 0 and usable(top - 1) and lines[top - 1].strip() not in ("?", "??"):
            top -= 1
        bottom = i
        while bottom + 1 < n and usable(bottom + 1) and lines[bottom + 1].strip() not in ("?", "??"):
            bottom += 1
        front = "\n".join(t for t in (_clean(ln) for ln in lines[top:i]) if t)
        back = "\n".join(t for t in (_clean(ln) for ln in lines[i + 1 : bottom + 1]) if t)
        if front and back:
            cards.append(ExplicitCard(front, back, top, bottom, mark == "??"))
            used.update(range(top, bottom + 1))

    # One-line cards.
    for i, raw in enumerate(lines):
        if "::" not in raw or i in skip or i in used or _HEADING_RE.match(raw):
            continue
        masked = _mask(raw)
        at = masked.find("::")
        while at != -1 and masked[max(0, at - 5) : at].endswith(("http", "https")):
            at = masked.find("::", at + 2)
        if at == -1:
            continue
        if _in_a_name(raw, at):
            continue
        reverse = masked.startswith(":::", at)
        sep = 3 if reverse else 2
        front, back = _clean(raw[:at]), plain(raw[at + sep :])
        if front and back:
            prop = not reverse and is_property(front, raw[at + sep :])  # (as written: its links are links)
            cards.append(ExplicitCard(front, back, i, i, reverse, prop))
            used.add(i)
    cards.sort(key=lambda c: c.first)
    return cards, used
