"""The block structure of a note body, from one markdown-it pass.

Only the block rules run here (inline text is read by :mod:`devday_tui.core.text`). For card extraction the
parser is CommonMark with GFM tables on and raw-HTML blocks off: a list item that is only a tag
(``- <img src=…>``) must not open an HTML block that swallows the list after it; tags in text are dropped later.
"""

from __future__ import annotations

import re
from copy import copy
from itertools import accumulate
from types import MappingProxyType
from typing import Any, NamedTuple

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.ruler import Rule, Ruler
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.token import Token

from devday_tui.core.text import plain

#: The options markdown-it's list, blockquote and reference rules look up on every item (``tasklists``…) are given
#: their default values: a missing one is looked up through a ``KeyError``, six times as long.
_OPTIONS = {"maxNesting": 128, "tasklists": False, "alerts": False, "inline_definitions": False}
_ALWAYS_OFF = ("inline", "text_join", "html_block")


#: The ``attrs`` and ``meta`` of a new block token: one empty mapping, shared and read-only. The block rules give a
#: token its own (``token.attrs = {…}``) and never change these in place (the rules that would, GFM alerts and task
#: lists, are off); a change would fail loudly rather than reach other tokens. (Two fresh dicts a token, made and
#: freed, were a twentieth of the block pass.)
_NO_ATTRS: Any = MappingProxyType({})


class _BlockToken(Token):
    """A block token, made by :meth:`_BlockState.push` without a call to an ``__init__``."""

    __slots__ = ()


_new_token = object.__new__


def _expanded(line: str, indent: int) -> int:
    """The width of the first ``indent`` characters (spaces and tabs) of ``line``, a tab reaching the next stop of 4."""
    width = 0
    for ch in line[:indent]:
        width += 4 - width % 4 if ch == "\t" else 1
    return width


class _BlockState(StateBlock):
    def __init__(self, src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> None:
        """``StateBlock.__init__`` with the line marks found by string methods over whole lines: the same values,
        in about half the time (markdown-it walks each line's indentation a character at a time in Python)."""
        super().__init__("", md, env, tokens)  # every other field, and the end marks of an empty text
        self.src = src
        lines = src.split("\n")
        if not lines[-1].strip(" \t"):
            lines.pop()  # the empty rest after a final newline, or a last line of only blanks: no line
        ends = list(accumulate([len(line) + 1 for line in lines]))
        length = len(src)
        self.bMarks = [0, *ends]
        self.bMarks[-1] = length
        self.eMarks = [end - 1 for end in ends]
        self.eMarks.append(length)
        self.tShift = [len(line) - len(line.lstrip(" \t")) for line in lines]
        self.tShift.append(0)
        if "\t" in src:
            self.sCount = [_expanded(line, n) if "\t" in line[:n] else n for line, n in zip(lines, self.tShift)]
            self.sCount.append(0)
        else:
            self.sCount = self.tShift.copy()
        self.bsCount = [0] * len(self.bMarks)
        self.lineMax = len(lines)

    def push(self, ttype: str, tag: str, nesting: Any) -> Token:
        """``StateBlock.push``: the same fields and values as it gives a ``Token`` (its empty ``attrs`` and ``meta``
        shared), in well under half the time (the generated dataclass ``__init__`` calls two default factories and a
        ``__post_init__``, and even a plain one is a call more; a note makes a token for every paragraph, item and
        list, a quarter of the block pass)."""
        if nesting < 0:
            self.level -= 1  # closing tag
        token = _new_token(_BlockToken)
        token.type = ttype
        token.tag = tag
        token.nesting = nesting
        token.attrs = _NO_ATTRS
        token.map = None
        token.level = self.level
        token.children = None
        token.content = ""
        token.markup = ""
        token.info = ""
        token.meta = _NO_ATTRS
        token.block = True
        token.hidden = False
        if nesting > 0:
            self.level += 1  # opening tag
        self.tokens.append(token)
        return token


#: Particles before a comma that leave a Japanese sentence open: ``…アプリケーションに、`` (``Cache-Control、ETag、``
#: lists names, and ends no clause).
_OPEN_PARTICLES = "にはでがをてともし"


def _goes_on(raw: str) -> bool:
    """A line whose sentence goes on after it: a particle and a comma end it (``…アプリケーションに、``)."""
    raw = raw.rstrip()
    return len(raw) >= 2 and raw[-1] in "、，" and raw[-2] in _OPEN_PARTICLES


_ITEM_START_RE = re.compile(r"\A[ \t]*+(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|\Z)")


def _lazy_label(state: StateBlock, line: int, end: int, silent: bool) -> bool:
    """Ends a list item's paragraph at a lazy line left of the item's bullet: the label of the next list.

    ``TCP`` / ``  ・コネクション型`` / ``UDP`` / ``  ・コネクションレス型``: CommonMark reads ``UDP`` as the
    continuation of the item above it, but a line further left than the bullets is never part of one of them. A line
    wrapped under a bullet at the left margin (``- text`` / ``wrapped``) is not further left, and stays a
    continuation. Nor is a line after one that stops on a particle and a comma (``…アプリケーションに、`` / ``異なる
    オリジンにある…``): its sentence goes on (``connection-oriented, reliable,`` / ``UDP`` lists, and ``UDP`` labels).
    Only ever a paragraph's terminator: it makes no block of its own.
    """
    if not silent or state.listIndent < 0:
        return False
    indent = state.sCount[line]  # (a line inside a paragraph: its own indentation, which only an item's first changes)
    if indent < 0 or indent >= state.blkIndent:
        return False
    src = state.src
    if line > 0 and _goes_on(src[state.bMarks[line - 1] : state.eMarks[line - 1]]):
        return False
    k = line - 1
    while k >= 0:
        # The line as written: the list rule moves the start mark of an item's first line past its bullet.
        raw = src[src.rfind("\n", 0, state.bMarks[k]) + 1 : state.eMarks[k]]
        if not raw.strip():
            return False
        if _ITEM_START_RE.match(raw):
            return indent < _expanded(raw, len(raw) - len(raw.lstrip(" \t")))
        k -= 1
    return False


class _BlockParser(ParserBlock):
    """markdown-it's block parser, its rules untouched, over :class:`_BlockState`."""

    def parse(self, src: str, md: MarkdownIt, env: Any, outTokens: list[Token]) -> list[Token] | None:  # noqa: N803
        if not src:
            return None
        state = _BlockState(src, md, env, outTokens)
        self.tokenize(state, state.line, state.lineMax)
        return state.tokens


def _new_parser(off: tuple[str, ...]) -> MarkdownIt:
    md = MarkdownIt("commonmark", _OPTIONS)
    md.enable("table")
    md.disable([*_ALWAYS_OFF, *off])
    md.block.ruler.before("paragraph", "lazy_label", _lazy_label, {"alt": ["paragraph"]})
    block = _BlockParser()
    block.ruler = md.block.ruler  # the rules as configured above
    md.block = block
    return md


#: The full block parser used for card extraction.
MD = _new_parser(())

# Block rules that can only match where a line (after indentation and list or quote markers) starts with a given
# character. A note with no such line gets a parser without the rule: the same tokens, found faster (most notes
# have no blockquote, link definition, setext heading, fence or table, and trying them on every line costs a
# quarter of the parse).
_LINE_START = r"^[ \t>*+\-0-9.)]*"
# (rule, substrings one of which the rule needs, the exact test when one is there)
_RULE_TRIGGERS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("blockquote", (">",), re.compile(_LINE_START + ">", re.M)),
    ("reference", ("[",), re.compile(_LINE_START + r"\[", re.M)),
    ("lheading", ("=", "-"), re.compile(r"^[ \t>]*(?:=+|-+)[ \t]*$", re.M)),
    ("fence", ("```", "~~~"), re.compile(_LINE_START + "(?:```|~~~)", re.M)),
    # A thematic break: a line of only markers and spaces (three of -, * or _ among them). The first run stops at
    # the first mark and both runs are possessive, so a long line of marks that ends otherwise fails in one pass.
    ("hr", ("-", "*", "_"), re.compile(r"^[ \t>+0-9.)]*+[-*_][ \t>*+\-0-9.)_]*+$", re.M)),
    # Indented code: four spaces or a tab, maybe after quote or list markers.
    ("code", ("    ", "\t"), re.compile(r"^[ >*+\-0-9.)]*?(?:    |\t)", re.M)),
    # A table's delimiter row: only pipes, colons, dashes and spaces.
    ("table", ("|",), re.compile(r"^[ \t>]*[|:-][|: \t-]*$", re.M)),
)
_HR_MARKS_RE = re.compile(r"([-*_])(?:[^-*_\n]*\1){2}")
_PARSERS: dict[tuple[str, ...], MarkdownIt] = {(): MD}
#: Each trigger after a line end, for the lines after the first: a search for ``^…`` tries every character of the
#: body, one for ``\n…`` skips to the line ends (the same lines match, and the first line is matched apart).
_AFTER_LINE_END = {rule: re.compile("\n" + trigger.pattern[1:], re.M) for rule, _, trigger in _RULE_TRIGGERS}
assert all(trigger.pattern[0] == "^" for _, _, trigger in _RULE_TRIGGERS)  # (each opens at a line start)


def _needs(rule: str, needles: tuple[str, ...], trigger: re.Pattern[str], body: str) -> bool:
    if not any(n in body for n in needles):
        return False
    first = trigger.match(body)
    if rule != "hr":
        return first is not None or _AFTER_LINE_END[rule].search(body) is not None
    if first is not None and _HR_MARKS_RE.search(first.group()):
        return True
    return any(_HR_MARKS_RE.search(m.group()) for m in _AFTER_LINE_END[rule].finditer(body))


def _ruler_like(ruler: Ruler[Any]) -> Ruler[Any]:
    """A ruler of the same rules as ``ruler`` (the same functions), each turned on or off apart from it."""
    like = Ruler[Any]()
    like.__rules__ = [Rule(rule.name, rule.enabled, rule.fn, list(rule.alt)) for rule in ruler.__rules__]
    return like


def _parser_like_md(off: tuple[str, ...]) -> MarkdownIt:
    """:data:`MD` with the rules ``off`` turned off: its copy with a core and a block ruler of its own (the inline
    rules, which never run, and everything else shared). Eight times as fast as making a parser anew, which a first
    load did fifty times over (a tenth of its block pass)."""
    md = copy(MD)
    md.core = copy(MD.core)
    md.core.ruler = _ruler_like(MD.core.ruler)
    md.block = copy(MD.block)
    md.block.ruler = _ruler_like(MD.block.ruler)
    md.core.ruler.disable(list(off), True)
    md.block.ruler.disable(list(off), True)
    return md


def block_parser(body: str) -> MarkdownIt:
    """The block parser for ``body``: every block rule that could match in it, and no other."""
    unused = tuple(name for name, needles, trigger in _RULE_TRIGGERS if not _needs(name, needles, trigger, body))
    if "\r" not in body and "\0" not in body:
        unused += ("normalize",)  # it only rewrites line ends (a note's are ``\n`` already) and NUL characters
    md = _PARSERS.get(unused)
    if md is None:
        md = _PARSERS[unused] = _parser_like_md(unused)
    return md


class Node(NamedTuple):
    kind: str
    start: int  # 0-based body line
    end: int  # exclusive
    content: str  # inline Markdown of a paragraph or heading
    children: list[Any]  # list[Node]; for a table, its rows as (line, cells) pairs, the header first
    level: int  # heading level; the number an ordered list starts at


LEAF_KINDS = {"fence": "code", "code_block": "code", "html_block": "html", "hr": "hr"}
_OPEN_KINDS = {
    "bullet_list_open": "bullet_list",
    "ordered_list_open": "ordered_list",
    "list_item_open": "list_item",
    "blockquote_open": "blockquote",
}
LISTS = ("bullet_list", "ordered_list")

new = tuple.__new__  # builds a NamedTuple without a call through its Python-level __new__


def _table(tokens: list[Any], i: int) -> tuple[Node, int]:
    """The table opening at ``tokens[i]``, and the index after it."""
    m = tokens[i].map or (0, 0)
    rows: list[tuple[int, list[str]]] = []
    cells: list[str] = []
    line = m[0]
    n = len(tokens)
    i += 1
    while i < n:
        t = tokens[i]
        ty = t.type
        if ty == "table_close":
            break
        if ty == "tr_open":
            cells = []
            line = t.map[0] if t.map else line
        elif ty == "inline":
            cells.append(t.content)
        elif ty == "tr_close":
            rows.append((line, cells))
        i += 1
    return new(Node, ("table", m[0], m[1], "", rows, 0)), i + 1


def tree(tokens: list[Any]) -> tuple[list[Node], set[int]]:
    """Nest the flat token stream; also return the body lines inside code blocks."""
    root: list[Node] = []
    stack: list[list[Node]] = []
    children = root
    opaque: set[int] = set()
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        ty = t.type
        if ty == "paragraph_open":  # paragraph_open, inline, paragraph_close
            m = t.map
            children.append(new(Node, ("paragraph", m[0], m[1], tokens[i + 1].content, [], 0)))
            i += 3
            continue
        if ty == "heading_open":
            m = t.map
            content = tokens[i + 1].content
            at = content.rfind("{") if content[-1:] == "}" else -1
            if at > 0 and _HEADING_ATTRS_RE.fullmatch(content, at):  # "## Reading list {#reading-list}"
                content = content[:at].rstrip()
            children.append(new(Node, ("heading", m[0], m[1], content, [], int(t.tag[1]))))
            i += 3
            continue
        if ty == "table_open":
            node, i = _table(tokens, i)
            children.append(node)
            continue
        kind = _OPEN_KINDS.get(ty)
        if kind is not None:
            m = t.map
            # (an ordered list's level is the number it starts at)
            node = new(Node, (kind, m[0], m[1], "", [], int(t.attrs.get("start", 1)) if kind == "ordered_list" else 0))
            children.append(node)
            stack.append(children)
            children = node.children
        elif ty.endswith("_close"):
            children = stack.pop() if stack else root
        else:
            m = t.map or (0, 0)
            kind = LEAF_KINDS.get(ty, ty)
            children.append(new(Node, (kind, m[0], m[1], "", [], 0)))
            if kind == "code":
                opaque.update(range(m[0], m[1]))
        i += 1
    return root, opaque


#: The attributes after a heading's text (Pandoc, kramdown, Hugo): ``{#reading-list}``, ``{#setup .unnumbered}``,
#: ``{: #id}``, ``{.tabset}``: no part of its title (``{:.2f}``, ``{:#x}``, Svelte's ``{#if}`` and ``{#each items as
#: item}`` are).
_HEADING_ATTRS_RE = re.compile(
    r"\{:?[ \t]*(?!#(?:if|each|await|key|else|with|unless)\b)[#.][A-Za-z][\w:-]{1,79}"
    r"(?:[ \t]+(?:[#.][A-Za-z][\w:-]{0,79}|[\w-]{1,40}=[\w\"'-]{1,80})){0,8}[ \t]*\}\Z"
)


def opaque_lines(body: str) -> set[int]:
    """Body lines (0-based) inside code blocks and headings: never read as explicit cards."""
    nodes, opaque = tree(block_parser(body).parse(body))
    for node in nodes:
        if node.kind == "heading":
            opaque.update(range(node.start, node.end))
    return opaque


def node_text(node: Node) -> str:
    """A paragraph node's text as a card shows it: each line's markup read, empty lines left out."""
    return "\n".join(t for t in (plain(line) for line in node.content.split("\n")) if t)
