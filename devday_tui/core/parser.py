"""Notes become sections and cards.

``parse_note`` reads one Markdown note. Its body is parsed once by markdown-it (block structure only, with the
line of every block); everything else comes from that one token stream and from the inline text of its
paragraphs, headings and list items (see :mod:`devday_tui.core.text`). The card rules are described in
the README (The note format); each rule here names the kind it makes.

Pure: no file access, no clock. Never raises on any text; problems become ``ParseWarning`` on the note.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path
from typing import NamedTuple

from markdown_it import MarkdownIt

from devday_tui.core import ids
from devday_tui.core.explicit import ExplicitCard, scan_explicit
from devday_tui.core.frontmatter import (
    key_line,
    meta_bool,
    meta_date,
    meta_tags,
    meta_text,
    normalise_newlines,
    split_frontmatter,
)
from devday_tui.core.model import (
    CLOZE_BLANK,
    LIST_KINDS,
    Block,
    Card,
    Item,
    Note,
    ParseWarning,
    Section,
)
from devday_tui.core.text import (
    _SPECIAL_RE,
    Inline,
    ascii_words,
    content_length,
    inline,
    is_bare_link,
    is_wide,
    join_lines,
    normalise,
    plain,
    sentence_spans,
    strip_controls,
)

#: Bump when the cards or sections made from the same text change: the parse cache is keyed by it.
PARSER_VERSION = 4

# --- thresholds (documented in the README, under "The note format") ------------------------------------------

#: A definition's term, or a label, is at most this many characters and ASCII words.
TERM_MAX_CHARS = 40
TERM_MAX_WORDS = 6
#: A paragraph of one line up to this many characters, directly followed by a list, names that list.
LABEL_MAX_CHARS = 60
#: A definition needs at least this much on the right of the colon; a cloze sentence at least this much left
#: once the hidden parts are taken out.
MIN_ANSWER_CHARS = 2
MIN_CLOZE_REST_CHARS = 4
#: A section without sub-sections, lists or code, holding fewer characters than this (spaces not counted),
#: is thin.
THIN_MAX_CHARS = 30

#: Terms that head a remark rather than name a thing: ``Note: …`` makes no definition card.
GENERIC_TERMS = frozenset(
    """note notes memo example examples e.g eg i.e ie see also tip tips hint warning caution important
    todo fixme wip tbd update edit ps p.s nb n.b 注 注意 メモ 例 参考 補足 備考 追記 感想""".split()
)

#: Headings too general to ask about alone: a list card under one names the parent heading too.
GENERIC_HEADINGS = frozenset(
    """pros cons merits demerits advantages disadvantages usage summary overview notes note details example
    examples links references resources misc other others tips todo memo 使い方 補足 まとめ 概要 特徴 メリット
    デメリット 利点 欠点 長所 短所 注意点 注意 課題 感想 参考 参考資料 その他 メモ 例 詳細""".split()
)
_SENTENCE_ENDS = ("。", "．", ".", "！", "!")

_MARKER_RE = re.compile(r"(?<![A-Za-z0-9_])(?:TODO|FIXME|WIP|TBD)(?![A-Za-z0-9_])|\?\?|？？")
_COLON_RE = re.compile(r"[:：]")
_LEAD_ARROW_RE = re.compile(r"\A(?:→|⇒|->|=>)\s*")
_WIP_TAGS = frozenset({"wip", "draft"})

_MD = MarkdownIt("commonmark", {"maxNesting": 128})
# Only the block structure is needed: inline text is read by devday_tui.core.text.
_MD.disable(["inline", "text_join"])

# Block rules that can only match where a line (after indentation and list or quote markers) starts with a given
# character. A note with no such line gets a parser without the rule: the same tokens, found faster (most notes
# have no blockquote, HTML, link definition, setext heading or fence, and trying them on every line costs a
# quarter of the parse).
_LINE_START = r"^[ \t>*+\-0-9.)]*"
# (rule, substrings one of which the rule needs, the exact test when one is there)
_RULE_TRIGGERS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("blockquote", (">",), re.compile(_LINE_START + ">", re.M)),
    ("html_block", ("<",), re.compile(_LINE_START + "<", re.M)),
    ("reference", ("[",), re.compile(_LINE_START + r"\[", re.M)),
    ("lheading", ("=", "-"), re.compile(r"^[ \t>]*(?:=+|-+)[ \t]*$", re.M)),
    ("fence", ("```", "~~~"), re.compile(_LINE_START + "(?:```|~~~)", re.M)),
    # A thematic break: a line of only markers and spaces (three of -, * or _ among them).
    ("hr", ("-", "*", "_"), re.compile(r"^[ \t>*+\-0-9.)_]*[-*_][ \t>*+\-0-9.)_]*$", re.M)),
    # Indented code: four spaces or a tab, maybe after quote or list markers.
    ("code", ("    ", "\t"), re.compile(r"^[ >*+\-0-9.)]*?(?:    |\t)", re.M)),
)
_HR_MARKS_RE = re.compile(r"([-*_])(?:[^-*_\n]*\1){2}")
_PARSERS: dict[tuple[str, ...], MarkdownIt] = {(): _MD}


def _needs(rule: str, needles: tuple[str, ...], trigger: re.Pattern[str], body: str) -> bool:
    if not any(n in body for n in needles):
        return False
    if rule != "hr":
        return trigger.search(body) is not None
    return any(_HR_MARKS_RE.search(m.group()) for m in trigger.finditer(body))


def _block_parser(body: str) -> MarkdownIt:
    """The block parser for ``body``: every CommonMark block rule that could match in it, and no other."""
    unused = tuple(name for name, needles, trigger in _RULE_TRIGGERS if not _needs(name, needles, trigger, body))
    md = _PARSERS.get(unused)
    if md is None:
        md = MarkdownIt("commonmark", {"maxNesting": 128})
        md.disable(["inline", "text_join", *unused])
        _PARSERS[unused] = md
    return md


# --- the block tree ---------------------------------------------------------------------------------------------


class _Node(NamedTuple):
    kind: str
    start: int  # 0-based body line
    end: int  # exclusive
    content: str  # inline Markdown of a paragraph or heading
    children: list  # list[_Node]
    level: int  # heading level


_LEAF_KINDS = {"fence": "code", "code_block": "code", "html_block": "html", "hr": "hr"}
_OPEN_KINDS = {
    "bullet_list_open": "bullet_list",
    "ordered_list_open": "ordered_list",
    "list_item_open": "list_item",
    "blockquote_open": "blockquote",
}
_LISTS = ("bullet_list", "ordered_list")
_TABLE_RE = re.compile(r"[^\n]*\|[^\n]*\n\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*(?:\n|$)")


_new = tuple.__new__  # builds a NamedTuple without a call through its Python-level __new__


def _tree(tokens: list) -> tuple[list[_Node], set[int]]:
    """Nest the flat token stream; also return the body lines inside code and HTML blocks."""
    root: list[_Node] = []
    stack: list[list[_Node]] = []
    children = root
    opaque: set[int] = set()
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        ty = t.type
        if ty == "paragraph_open":  # paragraph_open, inline, paragraph_close
            m = t.map
            content = tokens[i + 1].content
            # CommonMark has no tables: a pipe table arrives as a paragraph. It makes no cards.
            kind = "table" if "|" in content and _TABLE_RE.match(content) else "paragraph"
            children.append(_new(_Node, (kind, m[0], m[1], content, [], 0)))
            i += 3
            continue
        if ty == "heading_open":
            m = t.map
            children.append(_new(_Node, ("heading", m[0], m[1], tokens[i + 1].content, [], int(t.tag[1]))))
            i += 3
            continue
        kind = _OPEN_KINDS.get(ty)
        if kind is not None:
            m = t.map
            node = _new(_Node, (kind, m[0], m[1], "", [], 0))
            children.append(node)
            stack.append(children)
            children = node.children
        elif ty.endswith("_close"):
            children = stack.pop() if stack else root
        else:
            m = t.map or (0, 0)
            kind = _LEAF_KINDS.get(ty, ty)
            children.append(_new(_Node, (kind, m[0], m[1], "", [], 0)))
            if kind == "code" or kind == "html":
                opaque.update(range(m[0], m[1]))
        i += 1
    return root, opaque


def opaque_lines(body: str) -> set[int]:
    """Body lines (0-based) inside code blocks, HTML blocks and headings: never read as explicit cards."""
    nodes, opaque = _tree(_block_parser(body).parse(body))
    for node in nodes:
        if node.kind == "heading":
            opaque.update(range(node.start, node.end))
    return opaque


# --- paragraphs: definitions and cloze --------------------------------------------------------------------------


class _Para(NamedTuple):
    #: The paragraph as one line of plain text, or its term when it is a definition.
    text: str
    #: True when the paragraph made a card of its own (a definition).
    own_card: bool
    #: True for a short line with its explanation on the next lines: the term also names a list right after.
    term_line: bool = False


def _term_ok(term: str) -> bool:
    if not term or len(term) > TERM_MAX_CHARS or ascii_words(term) > TERM_MAX_WORDS:
        return False
    if not any(ch.isalnum() for ch in term):  # "※:", "->:" name nothing
        return False
    if "。" in term or ". " in term or is_bare_link(term):
        return False
    low = term.casefold().strip(" .")
    return low not in GENERIC_TERMS and not _MARKER_RE.match(term)


def split_definition(inl: Inline) -> tuple[str, str] | None:
    """``TERM: DEFINITION`` or ``TERM：DEFINITION`` on the first line of ``inl``, as (term, definition).

    Only the first colon counts. It must not be inside inline code or a URL; an ASCII colon must be followed by a
    space (so ``10:30``, ``https://`` and ``a:b`` never split); ``::`` belongs to explicit cards.
    """
    text = inl.text
    nl = text.find("\n")
    first = text if nl < 0 else text[:nl]
    for m in _COLON_RE.finditer(first):
        i = m.start()
        if inl.protected and any(a <= i < b for a, b in inl.protected):
            continue
        if first[i] == ":":
            after = first[i + 1 : i + 2]
            if after == ":" or (i and first[i - 1] == ":"):
                return None
            if after and not after.isspace():
                continue
        elif i and first[i - 1].isdigit() and first[i + 1 : i + 2].isdigit():
            continue  # a time written with a full-width colon, 10：30
        term = first[:i].strip()
        rest = text[i + 1 :].strip()
        if _term_ok(term) and content_length(rest) >= MIN_ANSWER_CHARS:
            return term, rest
        return None
    return None


def _term_line(first: str, rest: list[str]) -> str | None:
    """A short first line, with the explanation on the lines after it: the term, or None."""
    term = first.strip()
    if term.endswith((":", "：")):
        term = term[:-1].rstrip()
    if not _term_ok(term) or term.endswith(("、", ",", "，", ";", "；", "(", "（", "→", "-")):
        return None
    if term.startswith(("→", "->", "=>", "|", "※")):
        return None
    if term.endswith(_SENTENCE_ENDS) and not first.rstrip().endswith((":", "：")):
        return None
    body = "\n".join(rest).strip()
    if content_length(body) < MIN_ANSWER_CHARS:
        return None
    # An English sentence wrapped onto the next line is not a term and its definition.
    if ascii_words(term) >= 4 and term[-1].isascii() and term[-1].isalpha() and body[:1].islower():
        return None
    return term


def _join_inlines(parts: list[tuple[int, Inline]]) -> tuple[Inline, list[int], list[int]]:
    """Join the inline text of several lines into one, keeping marks right; also the offset and line of each."""
    text = ""
    marks: list[tuple[int, int]] = []
    protected: list[tuple[int, int]] = []
    starts: list[int] = []
    lines: list[int] = []
    for line, inl in parts:
        piece = inl.text
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if not piece:
            continue
        if text:
            text += "" if (is_wide(text[-1]) and is_wide(piece[0])) else " "
        shift = len(text) - lead
        starts.append(len(text))
        lines.append(line)
        text += piece
        marks.extend((a + shift, b + shift) for a, b in inl.marks)
        protected.extend((a + shift, b + shift) for a, b in inl.protected)
    return Inline(text, tuple(marks), tuple(protected)), starts, lines


# --- the per-note builder ---------------------------------------------------------------------------------------


class _Builder:
    def __init__(self, note: Note, offset: int, used: set[int]) -> None:
        self.note = note
        self.offset = offset
        self.used = used
        self.cards: list[tuple[int, int, int, Card]] = []
        self.seen: dict[tuple, int] = {}
        # Set per section:
        self.section: Section | None = None
        self.heading_path: tuple[str, ...] = ()
        self.heading_key = ""
        self.subject = ""
        self.has_list = False
        self.has_code = False
        self.text_chars = 0

    # -- cards

    def add(self, kind: str, subject: str, front: str, back, line0: int, answers: tuple[str, ...] = ()) -> bool:
        front = front.strip()
        if not front or not back or (back.__class__ is str and not back.strip()):
            return False
        norm = normalise(subject)
        key = (self.heading_key, kind, norm)
        n = self.seen.get(key, 0)
        self.seen[key] = n + 1
        section = self.section
        assert section is not None
        line = self.offset + line0 + 1
        card = Card(
            ids.card_id_from(self.note.key, self.heading_key, kind, norm, n),
            kind,
            front,
            back if back.__class__ is tuple else back.strip(),
            section.breadcrumb,
            self.note.key,
            self.note.title,
            self.note.path,
            line,
            section.id,
            answers,
        )
        self.cards.append((line, 0 if kind in LIST_KINDS else 1, len(self.cards), card))
        return True

    def list_card(self, kind: str, subject: str, items: list[tuple[Item, bool]], line0: int) -> None:
        if not subject or not items:
            return
        if len(items) == 1:
            item, own = items[0]
            if own or (content_length(item.text) < MIN_CLOZE_REST_CHARS and not item.children):
                return
        n = len(items)
        if kind == "sequence":
            front = f"{subject} — {n} step{'s' if n != 1 else ''}, in order"
        else:
            front = f"{subject} — {n} point{'s' if n != 1 else ''}"
        self.add(kind, subject, front, tuple(i for i, _ in items), line0)

    # -- paragraphs

    def paragraph(self, node: _Node, *, label: bool = False) -> _Para:
        content = node.content
        if "\n" not in content and not self.used:
            # One line: the common case, kept short.
            inl = inline(content) if _SPECIAL_RE.search(content) else _new(Inline, (content, (), ()))
            text = inl.text.strip()
            if not text:
                return _Para("", False)
            self.text_chars += len(text) - text.count(" ")
            found = split_definition(inl) if (":" in text or "：" in text) else None
            if found:
                if self.add("definition", found[0], found[0], found[1], node.start):
                    return _Para(found[0], True)
            elif inl.marks and not label:
                self.cloze([(node.start, inl)])
            return _Para(text, False)
        parts: list[tuple[int, Inline]] = []
        for i, raw in enumerate(content.split("\n")):
            line0 = node.start + i
            if line0 in self.used:
                continue
            parts.append((line0, inline(raw)))
        if not parts:
            return _Para("", False)
        full = join_lines([p.text for _, p in parts])
        self.text_chars += len(full) - full.count(" ")

        # Definitions: a line `TERM: DEFINITION` starts one; the lines after it, up to the next, continue it.
        defs: list[list] = []
        prose: list[tuple[int, Inline]] = []
        for line0, inl in parts:
            found = split_definition(inl)
            if found:
                defs.append([line0, found[0], [found[1]]])
            elif defs:
                t = inl.text.strip()
                if t:
                    defs[-1][2].append(t)
            else:
                prose.append((line0, inl))
        first_term: str | None = None
        for line0, term, body in defs:
            if self.add("definition", term, term, "\n".join(body), line0) and first_term is None:
                if line0 == parts[0][0]:
                    first_term = term
        # A short line with the explanation on the following lines of the same paragraph.
        if not defs and len(prose) >= 2:
            term = _term_line(prose[0][1].text, [p.text for _, p in prose[1:]])
            if term:
                body = "\n".join(t for t in (p.text.strip() for _, p in prose[1:]) if t)
                # "Term" then "→ what follows from it": the arrow only said "here is the answer".
                body = _LEAD_ARROW_RE.sub("", body, count=1) or body
                if self.add("definition", term, term, body, prose[0][0]):
                    return _Para(term, True, True)
        if prose and not label:
            self.cloze(prose)
        if first_term is not None:
            return _Para(first_term, True)
        return _Para(full, False)

    def cloze(self, prose: list[tuple[int, Inline]]) -> None:
        if not any(inl.marks for _, inl in prose):
            return
        joined, starts, lines = _join_inlines(prose)
        text, marks = joined.text, joined.marks
        spans = sentence_spans(text, joined.protected)
        # A sentence boundary never cuts a hidden part: merge sentences a mark crosses.
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and any(s < merged[-1][1] < e for s, e in marks):
                merged[-1][1] = b
            else:
                merged.append([a, b])
        for a, b in merged:
            inside = [(s, e) for s, e in marks if a <= s and e <= b]
            if not inside:
                continue
            front_parts: list[str] = []
            rest_parts: list[str] = []
            at = a
            for s, e in inside:
                front_parts.append(text[at:s])
                rest_parts.append(text[at:s])
                front_parts.append(CLOZE_BLANK)
                at = e
            front_parts.append(text[at:b])
            rest_parts.append(text[at:b])
            if content_length("".join(rest_parts)) < MIN_CLOZE_REST_CHARS:
                continue
            answers = tuple(text[s:e].strip() for s, e in inside)
            if not all(answers):
                continue
            front = "".join(front_parts).strip()
            lead = len(text[a:b]) - len(text[a:b].lstrip())
            line0 = lines[max(0, bisect_right(starts, a + lead) - 1)]
            self.add("cloze", front, front, text[a:b].strip(), line0, answers)

    # -- lists

    def items(self, node: _Node) -> list[tuple[Item, bool]]:
        out: list[tuple[Item, bool]] = []
        used = self.used
        for li in node.children:
            chs = li.children
            if len(chs) == 1 and chs[0].kind == "paragraph":  # the common case: one line or paragraph
                content = chs[0].content
                if (
                    not used
                    and "\n" not in content
                    and ":" not in content
                    and "：" not in content
                    and not _SPECIAL_RE.search(content)
                ):
                    # Plain text on one line: no definition, no cloze, no link. Just the item.
                    text = content.strip()
                    if text:
                        self.text_chars += len(text) - text.count(" ")
                        out.append((Item(text), False))
                    continue
                para = self.paragraph(chs[0])
                text = para.text
                if text and not (("://" in text or text[:4] == "www.") and is_bare_link(text)):
                    out.append((Item(text), para.own_card))
                continue
            texts: list[str] = []
            own = False
            children: list[Item] = []
            first = True
            for ch in chs:
                kind = ch.kind
                if kind == "paragraph":
                    para = self.paragraph(ch)
                    if para.text:
                        if first and para.own_card:
                            own = True
                        texts.append(para.text)
                    first = False
                elif kind == "bullet_list" or kind == "ordered_list":
                    self.has_list = True
                    children.extend(i for i, _ in self.items(ch))
                elif kind == "blockquote":
                    texts.extend(t for t in self.quote_texts(ch) if t)
                elif kind == "code":
                    self.has_code = True
                elif kind == "heading" and ch.content:
                    texts.append(plain(ch.content))
            text = texts[0] if own else join_lines(texts)
            if not text and not children:
                continue
            if not children and is_bare_link(text):
                continue
            out.append((Item(text, tuple(children)), own))
        return out

    def quote_texts(self, node: _Node) -> list[str]:
        out = []
        for ch in node.children:
            if ch.kind == "paragraph":
                out.append(self.paragraph(ch).text)
            elif ch.kind in _LISTS:
                self.has_list = True
                out.extend(i.text for i, _ in self.items(ch))
        return out

    # -- a section's own body

    def blocks(
        self, nodes: list[_Node], heading_items: list[tuple[Item, bool]], first_list: list[int], top: bool = False
    ) -> None:
        i = 0
        n = len(nodes)
        while i < n:
            node = nodes[i]
            kind = node.kind
            if kind == "paragraph":
                nxt = nodes[i + 1] if i + 1 < n else None
                label = None
                before_list = nxt is not None and nxt.kind in _LISTS
                if before_list and "\n" not in node.content and node.start not in self.used:
                    text = plain(node.content).rstrip(":：").strip()
                    if text and len(text) <= LABEL_MAX_CHARS and not is_bare_link(text):
                        label = text
                        # An opening sentence followed only by lists: the heading names those lists better.
                        if (
                            top
                            and i == 0
                            and text.endswith(_SENTENCE_ENDS)
                            and all(m.kind in _LISTS for m in nodes[1:])
                        ):
                            label = None
                para = self.paragraph(node, label=label is not None)
                if before_list and para.term_line:
                    label = para.text
                if label is not None:
                    self.has_list = True
                    j = i + 1
                    if nodes[j].kind == "ordered_list":
                        self.list_card("sequence", label, self.items(nodes[j]), node.start)
                        j += 1
                    else:
                        collected: list[tuple[Item, bool]] = []
                        while j < n and nodes[j].kind == "bullet_list":
                            collected.extend(self.items(nodes[j]))
                            j += 1
                        self.list_card("label-list", label, collected, node.start)
                    i = j
                    continue
            elif kind == "bullet_list":
                self.has_list = True
                heading_items.extend(self.items(node))
                if not first_list:
                    first_list.append(node.start)
            elif kind == "ordered_list":
                self.has_list = True
                self.list_card("sequence", self.subject, self.items(node), node.start)
            elif kind == "blockquote":
                self.blocks(node.children, heading_items, first_list)
            elif kind in ("code", "html", "table"):
                self.has_code = True
            i += 1

    def run_section(self, section: Section, heading_path: tuple[str, ...], subject: str, nodes: list[_Node]) -> None:
        self.section = section
        self.heading_path = heading_path
        self.heading_key = ids.heading_key(heading_path)
        self.subject = subject
        self.has_list = self.has_code = False
        self.text_chars = 0
        heading_items: list[tuple[Item, bool]] = []
        first_list: list[int] = []
        self.blocks(nodes, heading_items, first_list, top=True)
        if heading_items:
            self.list_card("list", subject, heading_items, first_list[0])

    def explicit(self, card: ExplicitCard) -> None:
        self.add("explicit", card.front, card.front, card.back, card.first)
        if card.reversed:
            self.add("explicit", card.back, card.back, card.front, card.first)


# --- notes --------------------------------------------------------------------------------------------------------


def _title_from(meta: dict, nodes: list[_Node], path: Path) -> tuple[str, bool]:
    title = meta_text(meta.get("title"))
    if title:
        return " ".join(title.split()), False
    for node in nodes:
        if node.kind == "heading" and node.level == 1:
            text = plain(node.content)
            if text:
                return text, True
    return strip_controls(path.stem or str(path)), False


def _read_meta(note: Note, meta: dict, warnings: list[ParseWarning], text: str, offset: int, from_h1: bool) -> None:
    path = note.path

    def warn(key: str, message: str) -> None:
        warnings.append(ParseWarning(path, message, key_line(text, key, offset)))

    when = meta_date(meta.get("date"))
    if isinstance(when, str):
        warn("date", f"{when}; ignored")
    else:
        note.date = when
    tags_key = "tags" if "tags" in meta else "tag"
    raw_tags = meta.get(tags_key)
    if raw_tags is not None and not isinstance(raw_tags, (list, tuple, str, int, float)):
        warn(tags_key, f"{tags_key} should be a list or a comma-separated string; ignored")
    else:
        note.tags = meta_tags(raw_tags)
    note.draft = meta_bool(meta.get("draft"))
    if meta.get("title") is not None and not meta_text(meta.get("title")):
        instead = "the first '#' heading" if from_h1 else "the file name"
        warn("title", f"title is empty or not text; using {instead}")


def parse_note(text: str, path: Path, key: str, *, rel: str | None = None, use_id: bool = True) -> Note:
    """Parse one note.

    ``key`` is the note's default key (its path relative to its notes folder, ``/``-separated); a frontmatter
    ``id`` replaces it unless ``use_id`` is false. ``rel`` is that relative path, used by deck ``include`` globs
    (default: ``key``).
    """
    text = normalise_newlines(text)
    front = split_frontmatter(text, path)
    warnings = list(front.warnings)
    meta = front.meta
    fm_id = meta_text(meta.get("id")) if use_id else None
    note_key = fm_id or key
    try:
        tokens = _block_parser(front.body).parse(front.body)
    except RecursionError:  # pragma: no cover - maxNesting keeps markdown-it well inside the stack
        tokens = []
        warnings.append(ParseWarning(path, "nesting too deep to read; no cards made"))
    nodes, opaque = _tree(tokens)
    title, title_from_h1 = _title_from(meta, nodes, path)
    note = Note(path=path, key=note_key, title=title, rel=rel if rel is not None else key)
    if meta:
        _read_meta(note, meta, warnings, text, front.offset, title_from_h1)

    offset = front.offset
    file_lines = text.split("\n")
    body_lines = front.body.split("\n")

    # Headings at the top level split the body into sections.
    heads = [i for i, node in enumerate(nodes) if node.kind == "heading"]
    explicit_cards: list[ExplicitCard] = []
    used: set[int] = set()
    if "::" in front.body or "?" in front.body:
        skip = set(opaque)
        for i in heads:
            skip.update(range(nodes[i].start, nodes[i].end))
        explicit_cards, used = scan_explicit(body_lines, skip)

    # Lines holding TODO, FIXME, WIP, TBD or ?? (not in code, not an explicit card's `??`).
    marker_lines: list[int] = []
    body = front.body
    maybe_marker = (
        "TODO" in body or "FIXME" in body or "WIP" in body or "TBD" in body or "??" in body or "？？" in body
    )
    if maybe_marker and _MARKER_RE.search(body):
        starts_of_lines = [0]
        for ln in body_lines[:-1]:
            starts_of_lines.append(starts_of_lines[-1] + len(ln) + 1)
        for m in _MARKER_RE.finditer(front.body):
            line0 = bisect_right(starts_of_lines, m.start()) - 1
            if line0 not in opaque and line0 not in used and (not marker_lines or marker_lines[-1] != line0):
                marker_lines.append(line0)

    def own_end(start_body_line: int, next_start: int) -> int:
        """Last body line (0-based) of a section's own text, blank lines at the end dropped."""
        end = next_start - 1
        while end > start_body_line and not body_lines[end].strip():
            end -= 1
        return end

    builder = _Builder(note, offset, used)
    seen_paths: dict[str, int] = {}
    stack: list[tuple[Section, tuple[str, ...], int]] = []  # (section, heading path, level)
    spans: list[tuple[int, int, Section, tuple[str, ...], str, list[_Node]]] = []

    def make_section(heading: str, level: int, path_: tuple[str, ...], start0: int, end0: int, own: list[_Node]):
        hk = ids.heading_key(path_)
        occ = seen_paths.get(hk, 0)
        seen_paths[hk] = occ + 1
        source = "\n".join(file_lines[offset + start0 : offset + end0 + 1])
        blocks = []
        for n in own:
            last = max(n.start, n.end - 1)
            while last > n.start and not body_lines[last].strip():
                last -= 1
            blocks.append(
                Block(n.kind, offset + n.start + 1, offset + last + 1, "\n".join(body_lines[n.start : last + 1]))
            )
        return Section(
            id=ids.section_id(note.key, path_, occ),
            heading=heading,
            level=level,
            breadcrumb=(title, *path_),
            start_line=offset + start0 + 1,
            end_line=offset + end0 + 1,
            source=source,
            blocks=tuple(blocks),
        )

    # Text before the first heading belongs to a section named after the note.
    first_head = heads[0] if heads else len(nodes)
    pre = nodes[:first_head]
    if pre:
        start0 = pre[0].start
        next_start = nodes[first_head].start if heads else len(body_lines)
        sec = make_section(title, 0, (), start0, own_end(start0, next_start), pre)
        note.sections.append(sec)
        spans.append((start0, next_start, sec, (), title, pre))

    title_taken = False
    for k, hi in enumerate(heads):
        node = nodes[hi]
        heading = plain(node.content)
        level = node.level
        own = nodes[hi + 1 : heads[k + 1] if k + 1 < len(heads) else len(nodes)]
        next_start = nodes[heads[k + 1]].start if k + 1 < len(heads) else len(body_lines)
        while stack and stack[-1][2] >= level:
            stack.pop()
        parent_path = stack[-1][1] if stack else ()
        is_title = (
            level == 1
            and not title_taken
            and not stack
            and (title_from_h1 or normalise(heading) == normalise(title))
        )
        if is_title:
            title_taken = True
            path_ = parent_path
        else:
            path_ = (*parent_path, heading or f"(untitled {level})")
        sec = make_section(heading, level, path_, node.start, own_end(node.start, next_start), own)
        if stack:
            stack[-1][0].children.append(sec)
        else:
            note.sections.append(sec)
        stack.append((sec, path_, level))
        subject = heading or title
        if len(path_) >= 2 and normalise(heading) in GENERIC_HEADINGS:
            subject = f"{path_[-2]} › {heading}"
        spans.append((node.start, next_start, sec, path_, subject, own))

    # Cards and WIP reasons, section by section, in file order.
    tagged = note.draft or any(t.casefold() in _WIP_TAGS for t in note.tags)
    starts = [s[0] for s in spans]
    by_section: dict[int, list[ExplicitCard]] = {}
    for card in explicit_cards:
        at = bisect_right(starts, card.first) - 1
        by_section.setdefault(max(at, 0), []).append(card)
    for idx, (start0, _next, sec, path_, subject, own) in enumerate(spans):
        builder.run_section(sec, path_, subject, own)
        for card in by_section.get(idx, ()):
            builder.explicit(card)
        reasons: list[str] = []
        if tagged:
            reasons.append("note-tagged")
        if sec.level > 0 and not sec.children:
            if not own:
                reasons.append("empty")
            elif not builder.has_list and not builder.has_code and builder.text_chars < THIN_MAX_CHARS:
                if not by_section.get(idx):
                    reasons.append("thin")
        if marker_lines and any(start0 <= m < _next for m in marker_lines):
            reasons.append("marker")
        sec.wip_reasons = tuple(reasons)

    builder.cards.sort(key=lambda c: (c[0], c[1], c[2]))
    note.cards = [c[3] for c in builder.cards]
    per_section: dict[str, list[str]] = {}
    for card in note.cards:
        per_section.setdefault(card.section_id, []).append(card.id)
    for sec in note.walk():
        sec.card_ids = tuple(per_section.get(sec.id, ()))
    note.warnings = warnings
    return note
