"""A note's metadata written as text: a block at its top without YAML fences (Pelican's and MultiMarkdown's
``Title: …`` lines, Hexo's front-matter without its opening ``---``), and its fields written as definitions
(``Date: 2024-01-02``, ``Tags: #k8s``)."""

from __future__ import annotations

import re

from devday_tui.core.cards.blocks import Node
from devday_tui.core.cards.terms import squash
from devday_tui.core.text import plain

#: Keys of a metadata block without YAML fences.
META_KEYS = frozenset(
    """title date tags tag slug lang author authors category categories summary description thumbnail modified
    updated status layout draft image cover keywords series permalink template comments id aliases type weight
    toc url save_as subtitle""".split()
)
#: What such a block's first line opens with: a key's first letter.
META_FIRSTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
#: A line of such a block: ``Title: …``, ``tags:`` (its list follows).
_META_LINE_RE = re.compile(r"([A-Za-z][\w-]{0,24})[ \t]*:(?:[ \t]|$)")


def metadata_block(nodes: list[Node], body_lines: list[str]) -> tuple[int, str]:
    """How many of the first ``nodes`` are a metadata block without YAML fences (``Title: …`` / ``Date: …`` lines
    at the very top, maybe a ``tags:`` list and a closing ``---``), and its title; (0, "") when none. Two known keys
    or more, a title or a date among them (or a ``title:`` line alone), and every line is ``key: …``."""
    if not nodes or nodes[0].kind not in ("paragraph", "heading"):
        return 0, ""
    first = nodes[0]
    if any(line.strip() for line in body_lines[: first.start]) or first.content[:1] not in META_FIRSTS:
        return 0, ""
    if first.kind == "heading" and body_lines[first.end - 1].strip()[:1] != "-":
        return 0, ""  # an ATX heading, or a setext one underlined with "=": a heading as written
    keys = []
    lines = first.content.split("\n")
    for line in lines:
        m = _META_LINE_RE.match(line)
        if m is None:
            return 0, ""
        keys.append(m.group(1).casefold())
    nxt = nodes[1] if len(nodes) > 1 else None  # "title: …" then "baseurl: …": a glossary of settings, no metadata
    alone = keys == ["title"] and "。" not in first.content and not (nxt and _META_LINE_RE.match(nxt.content))
    known = [k for k in keys if k in META_KEYS]
    if not alone and (len(known) < 2 or not ("title" in known or "date" in known) or len(known) * 2 < len(keys)):
        return 0, ""
    title = ""
    for key, line in zip(keys, lines):
        if key == "title":
            title = line.split(":", 1)[1].strip().strip("\"'")
    taken = 1
    if first.kind == "paragraph" and not lines[-1].split(":", 1)[1].strip():
        if len(nodes) > 1 and nodes[1].kind in ("bullet_list", "ordered_list"):
            taken = 2  # "tags:" then its list
        if len(nodes) > taken and nodes[taken].kind == "hr":
            taken += 1  # the closing "---"
    elif len(nodes) > 1 and nodes[1].kind == "hr":
        taken = 2
    return taken, squash(plain(title))


#: A note's own fields, written as definitions: ``🗓️ **Date:** 27-07-2025``, ``Tags: #k8s``, ``作成日：2024/01/02``.
NOTE_FIELDS = frozenset(
    """date time tags tag created updated modified published category categories status today written posted fecha
    datum data 作成日 更新日 投稿日 日付 日時 開催日 開催日時 参加日 受講日 記入日 タグ カテゴリ カテゴリー""".split()
)
#: Fields whose value is always the note's metadata, whatever it is.
_ALWAYS_META = frozenset("tags tag category categories タグ カテゴリ カテゴリー".split())
#: A value that is a date, a time or hashtags.
_META_VALUE_RE = re.compile(
    r"\A(?:[0-9]{1,4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,4}日?(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?|[0-9]{1,2}:[0-9]{2}"
    r"(?::[0-9]{2})?|#[^\s#]+(?:[ \t,]+#[^\s#]+)*"
    # a date in words, of this century as a note's own is: "October 14th 2024", "Oct 14, 2024" ("14 October 1066"
    # under a battle is a fact)
    r"|(?:[A-Z][a-z]{2,8}\.?[ \t]+[0-9]{1,2}(?:st|nd|rd|th)?|[0-9]{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]{2,8})"
    r",?[ \t]+20[0-9]{2})\Z"
)


def is_note_field(term: str, value: str) -> bool:
    """A field of the note itself written as a definition: a date (in figures or words), a time or hashtags under
    ``Date``, ``Time``, ``Tags``… (emoji before the name ignored), or any value under ``Tags`` or ``Category``."""
    if len(term) > 16:
        return False
    start = 0
    while start < len(term) and not term[start].isalnum():
        start += 1
    key = term[start:].strip().casefold()
    if key not in NOTE_FIELDS:
        return False
    return key in _ALWAYS_META or _META_VALUE_RE.match(value.strip().translate(_WIDE_DIGITS)) is not None


_WIDE_DIGITS = str.maketrans("０１２３４５６７８９：／", "0123456789:/")


__all__ = ["META_FIRSTS", "META_KEYS", "NOTE_FIELDS", "is_note_field", "metadata_block"]
