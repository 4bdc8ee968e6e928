"""One note: frontmatter, sections, then the card rules as a pipeline.

1. frontmatter and the block tree (one markdown-it pass over the body);
2. sections from the headings (empty headings and time ranges never reach a breadcrumb; chatter sections are
   marked to make no cards: ``skip-section``);
3. per section, in file order, the block rules (:class:`~devday_tui.core.cards.builder.Builder`), then the
   explicit cards written in it, then its WIP reasons (:mod:`devday_tui.core.wip`);
4. note-wide passes: one term one card (``merge-terms``), no exact duplicate (``duplicate``), the card cap
   (``max-cards``).

Pure: no file access, no clock. Never raises on any text; problems become ``ParseWarning`` on the note.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import replace
from pathlib import Path
from typing import Any

from devday_tui.core import ids
from devday_tui.core.cards.backs import without_lead_in
from devday_tui.core.cards.blocks import Node, block_parser, tree
from devday_tui.core.cards.builder import THIN_MAX_CHARS, Builder, answer_pairs
from devday_tui.core.cards.chatter import (
    DEFAULT_SKIP,
    OPENINGS,
    WRITEUP_SKIP,
    WRITEUP_TITLE_RE,
    is_retrospective,
    is_skipped,
)
from devday_tui.core.cards.maker import MAX_BACK_LINES
from devday_tui.core.cards.markup import normalize_body, strip_bullet
from devday_tui.core.cards.metadata import META_FIRSTS, metadata_block
from devday_tui.core.cards.questions import asks_or_sets, is_number_heading, topic_of
from devday_tui.core.cards.rules import Trace
from devday_tui.core.cards.shapes import attach_bullets, has_toc_item
from devday_tui.core.cards.terms import is_field_name, is_generic_heading, is_vague, skip_key, squash, strip_time
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
from devday_tui.core.model import Back, Block, Card, Item, Note, ParseWarning, Section
from devday_tui.core.text import is_bare_link, normalise, plain, strip_controls
from devday_tui.core.wip import MARKER_RE, MARKER_WORDS, WIP_TAGS, section_reasons

#: Bump when the cards or sections made from the same text change: the parse cache is keyed by it.
PARSER_VERSION = 274

#: Where a talk's recording or slides are: a heading that is only such a link names nothing.
_RECORDING_RE = re.compile(
    r"//(?:www\.|m\.)?(?:youtube\.com|youtu\.be|vimeo\.com|speakerdeck\.com|slideshare\.net)/", re.I
)


#: A heading that only names who spoke: ``＠岡嵜 禎``, ``@matz`` (read after NFKC: ``＠`` is ``@``).
_SPEAKER_HEADING_RE = re.compile(r"@[^\s@]{1,20}(?: [^\s@]{1,10})?")


def _linked_sibling(nodes: list[Node], heads: list[int], k: int) -> bool:
    """Whether the heading before or after heading ``k``, at its level, is only a link too."""
    level = nodes[heads[k]].level
    return any(
        nodes[heads[j]].level == level and is_bare_link(plain(nodes[heads[j]].content))
        for j in (k - 1, k + 1)
        if 0 <= j < len(heads)
    )


#: Why a write-up's opening (the author's story) makes no cards.
_WRITEUP_OPENING = "a write-up's opening: the author's story"
#: The most cards one note makes; the rest are left out with a warning.
MAX_CARDS = 5000

#: Any of the substrings every marker of unfinished work holds: the cheap test before ``MARKER_RE`` (one search for
#: them all takes half the time of a substring test for each).
_MARKER_WORD_RE = re.compile("|".join(re.escape(word) for word in MARKER_WORDS))


def skip_set(meta: dict[str, Any], path: Path, warnings: list[ParseWarning], text: str, offset: int) -> frozenset[str]:
    raw = meta.get("skip_sections")
    if raw is None:
        return DEFAULT_SKIP
    if isinstance(raw, str):
        raw = [p for p in raw.split(",")]
    if not isinstance(raw, (list, tuple)):
        warnings.append(
            ParseWarning(
                path,
                "skip_sections should be a list of headings; using the default list",
                key_line(text, "skip_sections", offset),
            )
        )
        return DEFAULT_SKIP
    return frozenset(skip_key(t) for t in (meta_text(h) for h in raw) if t)


def _title_from(meta: dict[str, Any], nodes: list[Node], path: Path) -> tuple[str, bool]:
    title = meta_text(meta.get("title"))
    if title:
        return " ".join(title.split()), False
    for node in nodes:
        if node.kind == "heading" and node.level == 1:
            text = squash(plain(node.content))
            if text and skip_key(text) not in OPENINGS:  # "# はじめに" opens the note and names nothing
                return text, True
    return strip_controls(path.stem or str(path)), False


#: How a line that is a sentence, or opens what follows it, ends: no title.
_NOT_TITLE_ENDS = ("。", ".", "!", "！", "?", "？", ":", "：", "、", ",")


def _title_line(nodes: list[Node]) -> str:
    """The title a note without one writes on its first line, alone: a short line, no sentence and no ``term: …``,
    a blank line after it, then no list or table (it would be their label) and no other such short line (two
    short lines are a list of terms, not a title and a text)."""
    if len(nodes) < 2 or nodes[0].kind != "paragraph" or "\n" in nodes[0].content:
        return ""
    text = squash(plain(nodes[0].content))
    if not 3 <= len(text) <= 80 or text.endswith(_NOT_TITLE_ENDS) or ": " in text or "：" in text:
        return ""
    nxt = nodes[1]
    if nxt.kind in ("bullet_list", "ordered_list", "table") or nodes[0].start + 1 == nxt.start:
        return ""  # the label of the list or table right after it
    if nxt.kind == "paragraph" and "\n" not in nxt.content and len(nxt.content) <= 80:
        return ""
    return text


def _read_meta(
    note: Note, meta: dict[str, Any], warnings: list[ParseWarning], text: str, offset: int, from_h1: bool
) -> None:
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


#: Words that head the author's asides, wherever they are written: three of them in a section are a habit of writing.
_ASIDE_WORDS = frozenset(
    "note notes nb n.b ps p.s memo メモ 備考 追記 補足 注意 注 tip tips hint warning caution aside".split()
)


#: Two headings that define this many terms alike are a comparison: each term is a field of each heading.
_PARALLEL_TERMS = 3
#: The most a front is lengthened by to tell a term apart from the same term elsewhere.
_WHERE_MAX_CHARS = 40


def _folded(text: str) -> str:
    """How terms are compared within a note: case folded, runs of spaces as one."""
    return " ".join(text.casefold().split())


def _prefix_key(front: str) -> str:
    """What a prefix word is counted by: the term, or, for an aside's word under a parent (``… › Note``), the word
    (a field under different parents, ``中間者攻撃とは？ › 対策`` and ``リプレイ攻撃とは？ › 対策``, is one of each)."""
    last = front.rpartition(" › ")[2]
    word = _folded(last)
    return word if word in _ASIDE_WORDS else _folded(front)


#: A heading that goes over what was said before: ``Exam tips``, ``Summary``, ``Recap``, ``まとめ``, ``復習``.
_RECAP_RE = re.compile(
    r"tips|summary|recap|review|cheat ?sheet|key points|takeaways|まとめ|振り返り|復習|ポイント", re.I
)


def _is_recap(context: tuple[str, ...]) -> bool:
    heading = context[-1] if context else ""
    return is_generic_heading(heading) or _RECAP_RE.search(heading) is not None


def _names_fields(items: tuple[Item, ...], fields: set[str]) -> bool:
    """A list of two names or more, every one a field's (``Cost``, ``Use case`` under each support plan)."""
    return len(items) >= 2 and all(not i.children and _folded(i.text) in fields for i in items)


def _where(scope: str, context: tuple[str, ...]) -> str:
    """What tells a term apart from the same term elsewhere in its note: the label or parent it sits under (with
    the one above when it is general: ``umountコマンド › オプション``), else its heading; nothing over 40 characters."""
    parts = scope.split(" › ") if scope else list(context[-1:])
    where = parts[-1] if parts else ""
    if len(parts) >= 2 and is_vague(where):
        where = f"{parts[-2]} › {where}"
    if len(where) > _WHERE_MAX_CHARS and scope and context:
        where = context[-1]
    return where if len(where) <= _WHERE_MAX_CHARS else ""


def merge_terms(cards: list[Card], trace: list[Trace] | None, scopes: dict[int, str] | None = None) -> list[Card]:
    """One term, one card per note: a definition whose term was defined before joins that card, which cites both
    lines in ``Card.lines`` (its source shows ``file.md:4, 9``; the back holds only the definitions); an exact
    duplicate of a card is dropped. A definition's last sentence that opens what follows it (a colon, ``the following
    … hold.``) is cut, and a back of nothing else makes no card. A word that opens three lines or more of one section
    (``Recap - …``, ``Note: …``) is a prefix, and none of those lines is its definition.

    ``scopes`` gives, by index in ``cards``, the label or parent bullet a definition sits under. Two definitions
    under different ones are different things (``on a directory`` under SGID and under the sticky bit, ``-a``
    under mount's options and umount's): not joined. Nor is a term defined under three headings or more: it is a
    field of each (``Cost:`` under each support plan).
    """
    scopes = scopes or {}
    # A term defined under three headings or more is a field of each (``Cost:`` under every support plan,
    # ``Use case:`` under every service): each is its own card, shown with its heading. A word that opens three
    # lines or more of one section, each with something else after it, is a prefix those lines share (``Recap -
    # Pods``, ``Recap - Deployments``…; ``Note: see the slides``, ``Note: watch the talk``): it names none of them.
    contexts: dict[str, set[tuple[str, ...]]] = {}
    uses: dict[tuple[str, str], set[Back]] = {}
    prefix_of: dict[int, tuple[str, str]] = {}  # a definition's index -> what it is counted by as a prefix
    for index, card in enumerate(cards):
        if card.kind == "definition" and card.back.__class__ is str:
            contexts.setdefault(_folded(card.front), set()).add(card.context)
            key = prefix_of[index] = (_prefix_key(card.front), card.section_id)
            uses.setdefault(key, set()).add(card.back)
    # A field's name (``料金``, ``Cost``, ``特徴``) under two headings is already a field of each: the price of
    # CloudHSM and the price of KMS are two facts, where ``gp2`` in a section and again under "Exam tips" is one.
    fields = {term for term, where in contexts.items() if len(where) >= 3 or (len(where) == 2 and is_field_name(term))}
    # So is a term under two headings that define the same three terms or more: ``Main Read Pattern``, ``Dataset
    # Size``… under ``OLTP`` and again under ``OLAP`` are a comparison's fields, each heading's own.
    by_context: dict[tuple[str, ...], set[str]] = {}
    for term, places in contexts.items():
        for context in places:
            by_context.setdefault(context, set()).add(term)
    for term, places in contexts.items():
        if len(places) == 2 and term not in fields:
            one, other = places
            if len(by_context[one] & by_context[other]) >= _PARALLEL_TERMS and not (
                _is_recap(one) or _is_recap(other)
            ):  # ("EBS volume types" and "Exam tips" defining gp2, gp3 and io1 again: a recap, one thing each)
                fields.add(term)
    prefixes = {key for key, backs in uses.items() if len(backs) >= 3}
    first: dict[str, int] = {}
    scope_of: dict[int, str] = {}
    exact: set[tuple[str, str, Back]] = set()
    out: list[Card] = []
    for index, card in enumerate(cards):
        back = card.back
        if prefixes and prefix_of.get(index) in prefixes:
            if trace is not None:
                trace.append(
                    Trace(card.line, "prefix-word", False, f"{card.front!r} opens 3 lines or more of its section")
                )
            continue
        if card.kind == "definition" and back.__class__ is str and (cut := without_lead_in(back)) != back:
            back = cut  # "… Things that go wrong:": the back does not hold what it opens
            if not back:
                if trace is not None:
                    trace.append(
                        Trace(card.line, "lead-in", False, f"{card.front!r}: its back only opens what follows")
                    )
                continue
            card = replace(card, back=back)
        if fields and back.__class__ is tuple and _names_fields(back, fields):
            if trace is not None:  # "OLTP — 5 points" → Main Read Pattern, …: the names OLAP's list has too
                trace.append(Trace(card.line, "points", False, f"{card.front!r}: only the names of its fields"))
            continue
        sig = (card.kind, card.front, back)
        if sig in exact:
            if trace is not None:
                trace.append(Trace(card.line, "duplicate", False, f"{card.kind}: {card.front} (made before)"))
            continue
        exact.add(sig)
        if card.kind == "definition" and back.__class__ is str:
            term = _folded(card.front)
            at = first.get(term)
            scope = scopes.get(index, "")
            joinable = at is not None and scope == scope_of.get(at, "") and term not in fields
            if joinable and at is not None and out[at].back_text.count("\n") + back.count("\n") + 1 >= MAX_BACK_LINES:
                joinable = False  # together they would pass the line limit: two cards, each with its own line
            if joinable and at is not None:
                kept = out[at]
                # Each definition on its own line, a blank line between them when one is longer; the lines they
                # come from are cited beside the card (its source), not in its text.
                gap = "\n\n" if "\n" in kept.back_text or "\n" in back else "\n"
                out[at] = replace(
                    kept, back=f"{kept.back}{gap}{back}", lines=(*(kept.lines or (kept.line,)), card.line)
                )
                if trace is not None:
                    trace.append(Trace(card.line, "merge-terms", False, f"{card.front!r} joins line {kept.line}"))
                continue
            if at is None:
                first[term] = len(out)
                if scope:
                    scope_of[len(out)] = scope
            elif term not in fields and (where := _where(scope, card.context)) and normalise(where) != term:
                # The same term under another label or parent, or past the line limit: a card of its own, whose
                # front says where it is ("Capabilities › Authentication" after "Authentication").
                card = replace(card, front=f"{where} › {card.front}")
            if term in fields and len(card.context) >= 2 and normalise(card.context[-1]) != term:
                card = replace(card, front=f"{card.context[-1]} › {card.front}")  # "1. Basic Support › Cost"
        out.append(card)
    return out


def parse_note(
    text: str,
    path: Path,
    key: str,
    *,
    rel: str | None = None,
    use_id: bool = True,
    max_cards: int = MAX_CARDS,
    trace: list[Trace] | None = None,
) -> Note:
    """Parse one note.

    ``key`` is the note's default key (its path relative to its notes folder, ``/``-separated); a frontmatter
    ``id`` replaces it unless ``use_id`` is false. ``rel`` is that relative path, used by deck ``include`` globs
    (default: ``key``). At most ``max_cards`` cards are made; a warning says how many were left out. Given a
    list as ``trace``, every card made and every candidate dropped is appended to it, with its rule's name.
    """
    text = normalise_newlines(text)
    front = split_frontmatter(text, path)
    warnings = list(front.warnings)
    meta = front.meta
    fm_id = meta_text(meta.get("id")) if use_id else None
    note_key = fm_id or key
    source_lines = front.body.split("\n")
    # Markup that is not the note's text is blanked out, plain-text bullets become Markdown; every line stays put.
    body = normalize_body(front.body)
    try:
        tokens = block_parser(body).parse(body)
    except RecursionError:  # pragma: no cover - maxNesting keeps markdown-it well inside the stack
        tokens = []
        warnings.append(ParseWarning(path, "nesting too deep to read; no cards made"))
    nodes, opaque = tree(tokens)
    body_lines = body.split("\n")
    meta_title = ""
    if nodes and nodes[0].content[:1] in META_FIRSTS:
        taken, meta_title = metadata_block(nodes, body_lines)
        if taken:  # "Title: …" / "Date: …" lines at the top: the note's metadata, not its text
            if trace is not None:
                trace.append(Trace(front.offset + nodes[0].start + 1, "metadata", False, "the note's metadata"))
            nodes = nodes[taken:]
    title, title_from_h1 = _title_from(meta, nodes, path)
    if meta_title and not meta_text(meta.get("title")):
        title, title_from_h1 = meta_title, False
    elif not title_from_h1 and not meta_text(meta.get("title")) and (line_title := _title_line(nodes)):
        # "SRV375 - Lambda Layers and Runtime API" alone on the first line of a note with no title: its title.
        title = line_title
        if trace is not None:
            trace.append(
                Trace(front.offset + nodes[0].start + 1, "metadata", False, "the note's first line: its title")
            )
        nodes = nodes[1:]
    note = Note(path=path, key=note_key, title=title, rel=rel if rel is not None else key)
    offset = front.offset
    skip = DEFAULT_SKIP
    if meta:
        _read_meta(note, meta, warnings, text, offset, title_from_h1)
        skip = skip_set(meta, path, warnings, text, offset)

    file_lines = text.split("\n")

    # Headings at the top level split the body into sections.
    heads = [i for i, node in enumerate(nodes) if node.kind == "heading"]
    explicit_cards: list[ExplicitCard] = []
    used: set[int] = set()
    if "::" in body or "?" in body:
        no_cards = set(opaque)
        for i in heads:
            no_cards.update(range(nodes[i].start, nodes[i].end))
        explicit_cards, used = scan_explicit(body_lines, no_cards)

    # Lines holding a marker of unfinished work (not in code, not an explicit card's `??`).
    marker_lines: list[int] = []
    if _MARKER_WORD_RE.search(body) and MARKER_RE.search(body):
        starts_of_lines = [0]
        for ln in body_lines[:-1]:
            starts_of_lines.append(starts_of_lines[-1] + len(ln) + 1)
        for m in MARKER_RE.finditer(body):
            line0 = bisect_right(starts_of_lines, m.start()) - 1
            if line0 not in opaque and line0 not in used and (not marker_lines or marker_lines[-1] != line0):
                marker_lines.append(line0)

    def own_end(start_body_line: int, next_start: int) -> int:
        """Last body line (0-based) of a section's own text, blank lines at the end dropped."""
        end = next_start - 1
        while end > start_body_line and not body_lines[end].strip():
            end -= 1
        return end

    if skip is DEFAULT_SKIP and WRITEUP_TITLE_RE.search(title):
        skip = WRITEUP_SKIP  # "…合格記": its バックグラウンド, 結論 and 背景 are the author's
    builder = Builder(note, offset, used, max_cards=max_cards, trace=trace)
    retrospective = is_retrospective(body)
    builder.set_skip(skip, retrospective)
    builder.toc_possible = has_toc_item(body)
    if len(heads) >= 3:
        builder.heading_names = frozenset(normalise(plain(nodes[i].content)) for i in heads)
    seen_paths: dict[str, int] = {}
    stack: list[tuple[Section, tuple[str, ...], int, bool]] = []  # (section, heading path, level, skipped)
    spans: list[tuple[int, int, Section, tuple[str, ...], str, list[Node], bool]] = []

    def make_section(
        heading: str, level: int, path_: tuple[str, ...], start0: int, end0: int, own: list[Node]
    ) -> Section:
        hk = ids.heading_key(path_)
        occ = seen_paths.get(hk, 0)
        seen_paths[hk] = occ + 1
        source = "\n".join(file_lines[offset + start0 : offset + end0 + 1])
        blocks: list[Block] = []
        for n in own:
            last = max(n.start, n.end - 1)
            while last > n.start and not body_lines[last].strip():
                last -= 1
            blocks.append(
                Block(n.kind, offset + n.start + 1, offset + last + 1, "\n".join(source_lines[n.start : last + 1]))
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
        # An exam write-up opens with the author's story: why and when they sat it, how they studied.
        story = skip is WRITEUP_SKIP
        if story and trace is not None:
            trace.append(Trace(offset + start0 + 1, "skip-section", False, _WRITEUP_OPENING))
        spans.append((start0, next_start, sec, (), title, attach_bullets(pre, body_lines), story))

    title_taken = False
    last_at = {nodes[hi].level: k for k, hi in enumerate(heads)}  # the index of each level's last heading
    for k, hi in enumerate(heads):
        node = nodes[hi]
        heading = squash(strip_bullet(plain(node.content)))
        if heading[:1] == "#" and heading.lstrip("#")[:1] == " ":
            heading = heading.lstrip("#").lstrip()  # "### # flex-basis": a level typed twice
        level = node.level
        own = nodes[hi + 1 : heads[k + 1] if k + 1 < len(heads) else len(nodes)]
        next_start = nodes[heads[k + 1]].start if k + 1 < len(heads) else len(body_lines)
        while stack and stack[-1][2] >= level:
            stack.pop()
        parent_path = stack[-1][1] if stack else ()
        parent_skipped = stack[-1][3] if stack else False
        is_title = (
            level == 1 and not title_taken and not stack and (title_from_h1 or normalise(heading) == normalise(title))
        )
        name = strip_time(heading)
        if "://" in name and is_bare_link(name) and _RECORDING_RE.search(name) and not _linked_sibling(nodes, heads, k):
            # "#### https://www.youtube.com/watch?v=…" under a talk: a recording or slides name nothing, the heading
            # above them does (a tool's page, https://github.com/junegunn/fzf, names the tool; the recording beside
            # the slides, each with notes, keep their links apart)
            name = ""
        if is_number_heading(heading) and own:
            first = own[0]
            asked_in_list = first.kind in ("bullet_list", "ordered_list")
            if asked_in_list and first.children and first.children[0].children:
                first = first.children[0].children[0]  # the list's first item asks
            question = squash(plain(first.content.split("\n", 1)[0])) if first.kind == "paragraph" else ""
            if asked_in_list and not asks_or_sets(question):
                question = ""  # "### 2" then a list of points: the list is the section's, its first item no question
            question = topic_of(question) or question
            if question:
                name = f"{heading} {question}"
        if is_title:
            title_taken = True
            path_ = parent_path
        elif name:
            path_ = (*parent_path, name)
        else:
            path_ = parent_path  # an empty heading: the nearest titled heading stands in
        sec = make_section(heading, level, path_, node.start, own_end(node.start, next_start), own)
        if stack:
            stack[-1][0].children.append(sec)
        else:
            note.sections.append(sec)
        hkey = skip_key(heading) if heading else ""
        skipped = parent_skipped or (bool(hkey) and is_skipped(hkey, skip, retrospective))
        if skipped and not parent_skipped and trace is not None:
            trace.append(Trace(offset + node.start + 1, "skip-section", False, f"{heading!r}: chatter, no cards"))
        # "# はじめに" over the "## …" of the note, and no other "# …": the sections under it are the note's own
        opening = skipped and not parent_skipped and hkey in OPENINGS and last_at[level] == k
        stack.append((sec, parent_path if opening else path_, level, skipped and not opening))
        # A write-up's opening under its title is the author's story (the sections under the title are not).
        if is_title and skip is WRITEUP_SKIP and not skipped:
            skipped = True
            if trace is not None:
                trace.append(Trace(offset + node.start + 1, "skip-section", False, _WRITEUP_OPENING))
        subject = path_[-1] if path_ else title
        above = path_[-2] if len(path_) >= 2 else title
        if name and is_vague(name) and normalise(above) != normalise(name):
            # "Pros", "まとめ", "Day 1": the parent heading (or the title) says of what ("# Week 1" is the title)
            subject = f"{above} › {name}"
        elif name and len(path_) >= 2 and _SPEAKER_HEADING_RE.fullmatch(unicodedata.normalize("NFKC", name)):
            subject = path_[-2]  # "### ＠岡嵜 禎" under its session: who spoke, no part of what is asked
        spans.append((node.start, next_start, sec, path_, subject, attach_bullets(own, body_lines), skipped))

    # Cards and WIP reasons, section by section, in file order.
    tagged = note.draft or any(t.casefold() in WIP_TAGS for t in note.tags)
    starts = [s[0] for s in spans]
    by_section: dict[int, list[ExplicitCard]] = {}
    for explicit in explicit_cards:
        at = bisect_right(starts, explicit.first) - 1
        by_section.setdefault(max(at, 0), []).append(explicit)
    answers = answer_pairs([(s[2], s[5]) for s in spans], body_lines)  # "#### 問題" then "#### 回答": one card
    for idx, (start0, next_, sec, path_, subject, own, skipped) in enumerate(spans):
        took = answers[idx - 1][3] if idx - 1 in answers else 0
        builder.run_section(sec, path_, subject, [] if skipped or idx in answers else own[took:])
        if idx in answers and not skipped:
            builder.answered_question(*answers[idx][:3], own[0].start)
        for explicit in by_section.get(idx, ()):
            builder.explicit(explicit)
        only_text = ""
        if len(own) == 1 and own[0].kind == "paragraph":
            only_text = plain(own[0].content)
        sec.wip_reasons = section_reasons(
            tagged=tagged,
            heading=sec.heading,
            level=sec.level,
            has_children=bool(sec.children),
            empty=not own,
            thin=(
                not skipped
                and not builder.has_list
                and not builder.has_code
                and builder.text_chars < THIN_MAX_CHARS
                and not by_section.get(idx)
                and not took  # an answer to the question above it: whole, however short
            ),
            marker=bool(marker_lines) and any(start0 <= m < next_ for m in marker_lines),
            only_text=only_text,
        )

    builder.cards.sort(key=lambda c: (c[0], c[1], c[2]))
    scopes = {i: builder.scopes[c[2]] for i, c in enumerate(builder.cards) if c[2] in builder.scopes}
    note.cards = merge_terms([c[3] for c in builder.cards], trace, scopes)
    if builder.left_out:
        warnings.append(
            ParseWarning(
                path,
                f"{max_cards + builder.left_out:,} cards in one note: the first {max_cards:,} are used, the "
                f"{builder.left_out:,} from this line on are not; split the note to study them",
                builder.first_left_out,
            )
        )
    per_section: dict[str, list[str]] = {}
    for card in note.cards:
        per_section.setdefault(card.section_id, []).append(card.id)
    for sec in note.walk():
        sec.card_ids = tuple(per_section.get(sec.id, ()))
    note.warnings = warnings
    if trace is not None:
        trace.sort(key=lambda t: t.line)
    return note
