"""How a list's lines are indented, as people write them rather than as CommonMark reads them: bullets under a label
indented by a tab or four spaces, and sub-items indented by one space. Each pass keeps every line in its place."""

from __future__ import annotations

import re

#: A bullet indented by a tab or four spaces.
_INDENTED_BULLET_RE = re.compile(r"(?:\t| {4})[-*+][ \t]")
#: A label line (not indented, no list item, ending in a colon) right above a bullet indented by a tab or four spaces.
_LABEL_THEN_INDENTED_RE = re.compile(r"^[^\s\-*+#>|][^\n]*[:：][ \t]*\n(?:\t| {4})[-*+][ \t]", re.M)


def dedent_label_lists(text: str) -> str:
    """``going serverless:`` then ``\t- google cloud functions…``: CommonMark reads a bullet indented by a tab or
    four spaces right after a line of text as more of that text, but its author wrote the label's list. Those
    bullets (and the lines indented under them) lose one level of indent, up to a blank or unindented line; every
    line stays put."""
    if _LABEL_THEN_INDENTED_RE.search(text) is None:
        return text
    lines = text.split("\n")
    k = 0
    while k + 1 < len(lines):
        line = lines[k]
        if (
            line[:1].strip()
            and line[:1] not in "-*+#>|"
            and line.rstrip().endswith((":", "："))
            and _INDENTED_BULLET_RE.match(lines[k + 1])
        ):
            j = k + 1
            while j < len(lines) and (lines[j][:1] == "\t" or lines[j][:4] == "    "):
                lines[j] = lines[j][1:] if lines[j][:1] == "\t" else lines[j][4:]
                j += 1
            k = j
        else:
            k += 1
    return "\n".join(lines)


#: A bullet at the start of a line, and one indented by a single space.
_TOP_BULLET_RE = re.compile(r"[-*+][ \t]")
_ONE_SPACE_BULLET_RE = re.compile(r" [-*+][ \t]")


def nest_one_space_items(text: str) -> str:
    """``- 冗長設計の問題`` then `` - **ブロードキャストストーム**``: CommonMark reads a bullet indented by one space as
    the next item of the same list, but its author wrote a sub-item. The lines after an unindented bullet that are
    indented (the first by exactly one space), up to the next unindented or blank line, gain one space: one-space
    bullets nest under it, and the lines under them keep their own nesting."""
    lines = text.split("\n")
    k = 0
    while k + 1 < len(lines):
        if not (_TOP_BULLET_RE.match(lines[k]) and _ONE_SPACE_BULLET_RE.match(lines[k + 1])):
            k += 1
            continue
        j = k + 1
        while j < len(lines) and lines[j][:1] in (" ", "\t") and lines[j].strip():
            lines[j] = " " + lines[j]
            j += 1
        k = j
    return "\n".join(lines)


__all__ = ["dedent_label_lists", "nest_one_space_items"]
