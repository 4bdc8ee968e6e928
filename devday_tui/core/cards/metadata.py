"""A metadata block written at the top of a note without YAML fences: Pelican's and MultiMarkdown's ``Title: …``
lines, Hexo's front-matter without its opening ``---``."""

from __future__ import annotations

import re

from devday_tui.core.cards.blocks import Node
from devday_tui.core.cards.terms import squash
from devday_tui.core.text import plain

#: Keys of a metadata block written at the top of a note without YAML fences (Pelican and MultiMarkdown
#: ``Title: …`` lines, Hexo's front-matter without its opening ``---``).
META_KEYS = frozenset(
    """title date tags tag slug lang author authors category categories summary description thumbnail modified
    updated status layout draft image cover keywords series permalink template comments id aliases type weight
    toc url save_as subtitle""".split()
)
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


META_FIRSTS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


__all__ = ["META_FIRSTS", "META_KEYS", "metadata_block"]
