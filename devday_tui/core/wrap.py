"""Line wrapping for card text in a terminal, Japanese as well as English.

* Widths are terminal cells: an East Asian wide character takes two, a combining mark none.
* Japanese breaks between phrases (found by BudouX), not in the middle of a word; Latin words are never split
  unless one alone is wider than the line.
* Kinsoku: no line starts with closing punctuation, a prolonged sound mark or a small kana, and no line ends with
  an opening bracket.
* A bullet ("- ", "* ", "• ", "1. ") stays with its text and the lines after it hang under the text.
* A space that only separates a Latin word from the Japanese particle after it ("AWS の中の人") does not break.

Text shown on screen is first cut to a sane length (:func:`cut_for_screen`), so nothing here is proportional to the
size of a note.

Pure functions, no UI library: the widgets ask for line offsets and style their own text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# ------------------------------------------------------------------------------------------------ cell widths

_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


@lru_cache(maxsize=8192)
def char_cells(ch: str) -> int:
    """Terminal cells taken by one character: 2 for East Asian wide and full-width, 0 for marks and controls."""
    if ch in _ZERO_WIDTH:
        return 0
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_len(text: str) -> int:
    """Terminal cells taken by ``text`` (on one line)."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(char_cells(ch) for ch in text)


def _is_cjk(ch: str) -> bool:
    return char_cells(ch) == 2 or "\uff61" <= ch <= "\uff9f"  # half-width katakana too


# ----------------------------------------------------------------------------------------------------- kinsoku

SMALL_KANA = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
#: Never at the start of a line.
NO_START = frozenset("）」』】〕〉》〗〙〟｝］。、，．・：；！？ー～…‥々ゝゞヽヾ゛゜)]},.:;!?%'\"’”›»" + SMALL_KANA)
#: Never at the end of a line.
NO_END = frozenset("（「『【〔〈《〖〘〝｛［([{‘“«‹")

# ----------------------------------------------------------------------------------------------------- phrases

_parser: Any = None


def _japanese_parser() -> Any:
    """BudouX's Japanese model, loaded on first use (about 10 ms) and kept."""
    global _parser
    if _parser is None:
        import budoux

        _parser = budoux.load_default_japanese_parser()
    return _parser


def _phrase_ends(text: str) -> set[int]:
    """Offsets in ``text`` where BudouX ends a phrase (the end of the text not included)."""
    if not any(_is_cjk(ch) for ch in text):
        return set()
    ends: set[int] = set()
    at = 0
    for phrase in _japanese_parser().parse(text):
        at += len(phrase)
        ends.add(at)
    ends.discard(len(text))
    return ends


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() and not _is_cjk(ch)


_SPACE_RUN = re.compile(r"[ \t\u3000]+")


def break_points(text: str) -> tuple[int, ...]:
    """Offsets in one line of ``text`` where a wrap may start a new line (kinsoku and Latin words respected).

    A wrap at a space drops the space; the offset given is that of the first character after the spaces.
    Kept for the last few hundred lines asked, since a resize wraps the same text again at each width.
    """
    return _break_points(text)


@lru_cache(maxsize=512)
def _break_points(text: str) -> tuple[int, ...]:
    n = len(text)
    if n < 2:
        return ()
    phrase_ends = _phrase_ends(text)
    spaces = {m.end(): m.start() for m in _SPACE_RUN.finditer(text) if 0 < m.start() and m.end() < n}
    candidates = sorted(phrase_ends | set(spaces))
    points: list[int] = []
    for at in candidates:
        after = text[at]
        before_end = spaces.get(at, at)  # where the previous line's text ends
        before = text[before_end - 1]
        if after in NO_START or before in NO_END:
            continue
        if at not in spaces:
            if _is_word_char(before) and _is_word_char(after):
                continue  # inside a Latin word or number
        elif _is_cjk(after) and _attached_tail(text, at, phrase_ends, spaces):
            continue
        points.append(at)
    return tuple(points)


def _attached_tail(text: str, at: int, phrase_ends: set[int], spaces: dict[int, int]) -> bool:
    """True when the word after the space at ``at`` ends where its BudouX phrase ends (the space sits inside one
    phrase, as in "AWS の"): the word belongs with what comes before the space."""
    end = at
    n = len(text)
    while end < n and text[end] not in " \t\u3000":
        end += 1
        if end in phrase_ends:
            return True
    return False


# -------------------------------------------------------------------------------------------------- wrapping

#: Only matched at a paragraph's start (``\A``); the runs of spaces are possessive, as what follows each is no space.
_BULLET = re.compile(r"\A[ \t]*+(?:[-*+•◦・▪‣]|\d{1,3}[.)]|[A-Za-z][.)])[ \t]++(?=\S)")
_INDENT = re.compile(r"[ \t]+")


@dataclass(frozen=True, slots=True)
class Line:
    """One wrapped line: ``text[start:end]``, shown after ``indent`` blank cells (a bullet's hanging indent)."""

    start: int
    end: int
    indent: int = 0


def wrap(text: str, width: int) -> list[Line]:
    """Wrap ``text`` (newlines kept) to ``width`` cells. Offsets refer to ``text`` itself, so a caller can cut a
    styled copy of it the same way."""
    width = max(1, width)
    lines: list[Line] = []
    at = 0
    for paragraph in text.split("\n"):
        lines += _wrap_paragraph(paragraph, at, width)
        at += len(paragraph) + 1
    return lines


def wrap_text(text: str, width: int) -> list[str]:
    """The lines of :func:`wrap` as strings, hanging indents included."""
    return [" " * line.indent + text[line.start : line.end] for line in wrap(text, width)]


def hang_width(paragraph: str, width: int) -> int:
    """The hanging indent of a paragraph: the width of its bullet mark, or of its leading spaces."""
    match = _BULLET.match(paragraph) or _INDENT.match(paragraph)
    if match is None:
        return 0
    hang = cell_len(match.group().replace("\t", "    "))
    return hang if hang <= width // 2 else 0


def _wrap_paragraph(paragraph: str, offset: int, width: int) -> list[Line]:
    """Greedy wrapping, then orphan control: a last line of a word or two ("話" alone under "… AWS の中の人の")
    is avoided by filling the lines a little less, when that keeps the same number of lines."""
    if cell_len(paragraph) <= width:
        return [Line(offset, offset + len(paragraph))]
    lines = _fill(paragraph, offset, width)
    short = min(10, width // 4)
    if len(lines) < 2 or _cells(paragraph, offset, lines[-1]) >= short:
        return lines
    for less in range(1, min(16, width // 3)):
        trial = _fill(paragraph, offset, width - less)
        if len(trial) != len(lines):
            break
        if _cells(paragraph, offset, trial[-1]) >= short:
            return trial
    return lines


def _cells(paragraph: str, offset: int, line: Line) -> int:
    at = _cell_offsets(paragraph)
    return at[line.end - offset] - at[line.start - offset]


def _fill(paragraph: str, offset: int, width: int) -> list[Line]:
    hang = hang_width(paragraph, width)
    match = _BULLET.match(paragraph) or _INDENT.match(paragraph)
    body_start = match.end() if match is not None and hang else 0
    points = [p for p in break_points(paragraph) if p > body_start]
    points.append(len(paragraph))
    at = _cell_offsets(paragraph)  # at[i]: cells before character i, so any width is one subtraction

    lines: list[Line] = []
    start = 0
    room = width
    last = 0  # end of what is placed on the current line
    for point in points:
        end = _trim_right(paragraph, last, point)
        if at[end] - at[start] <= room:
            last = point
            continue
        # The piece does not fit: start a new line before it, unless the line is empty.
        if last > start:
            lines.append(Line(offset + start, offset + _trim_right(paragraph, start, last), _indent(lines, hang)))
            start = last
            room = width - hang
        while at[end] - at[start] > room:
            # Wider than a whole line: cut it by characters, keeping kinsoku.
            cut = _cut_at(paragraph, start, end, room, at)
            lines.append(Line(offset + start, offset + _trim_right(paragraph, start, cut), _indent(lines, hang)))
            start = _skip_spaces(paragraph, cut, end)
            room = width - hang
        last = point
    tail_end = _trim_right(paragraph, start, len(paragraph))
    if tail_end > start or not lines:
        lines.append(Line(offset + start, offset + tail_end, _indent(lines, hang)))
    return lines


@lru_cache(maxsize=64)
def _cell_offsets(text: str) -> tuple[int, ...]:
    offsets = [0]
    total = 0
    if text.isascii():
        return tuple(range(len(text) + 1))
    for ch in text:
        total += char_cells(ch)
        offsets.append(total)
    return tuple(offsets)


def _indent(lines: list[Line], hang: int) -> int:
    return hang if lines else 0


def _trim_right(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\u3000":
        end -= 1
    return end


def _skip_spaces(text: str, start: int, end: int) -> int:
    while start < end and text[start] in " \t\u3000":
        start += 1
    return start


def _cut_at(text: str, start: int, end: int, room: int, at: tuple[int, ...]) -> int:
    """Where to cut ``text[start:end]`` so that the first part fits ``room`` cells (at least one character);
    ``at`` holds the cells before each character."""
    limit = at[start] + room
    low, high = start + 1, end  # the last cut that fits, by bisection
    while low < high:
        middle = (low + high + 1) // 2
        if at[middle] <= limit:
            low = middle
        else:
            high = middle - 1
    cut = low
    # Kinsoku: move the cut back so that the next line does not start with a closing mark (or this one end with
    # an opening one), and never between a character and its combining marks.
    best = cut
    while cut > start + 1 and cut < end and not _may_cut(text, start, cut, end):
        cut -= 1
    return cut if _may_cut(text, start, cut, end) else best


def _may_cut(text: str, start: int, cut: int, end: int) -> bool:
    after = _skip_spaces(text, cut, end)
    before = _trim_right(text, start, cut)
    if after >= end or before <= start:
        return True
    return text[after] not in NO_START and text[before - 1] not in NO_END and char_cells(text[cut]) != 0


# ---------------------------------------------------------------------------------------- text cut for screen

#: Characters of one line shown on screen; the rest is summarised.
LINE_LIMIT = 2_000
#: Characters of one text shown on screen in all.
TEXT_LIMIT = 20_000
#: A line this much over the limit is shown whole: a line already cut (its summary added) is never cut again.
_SUMMARY_ROOM = 40


def cut_for_screen(text: str, line_limit: int = LINE_LIMIT, text_limit: int = TEXT_LIMIT) -> str:
    """``text`` with each line cut to ``line_limit`` characters ("… 4,998,000 more characters") and the whole to
    about ``text_limit`` characters ("… 120 more lines").

    Cutting twice changes nothing. Only what is kept is copied; the rest is measured with ``str.find``/``str.count`` (C speed, about a
    millisecond for 5 MB), so a huge note costs nothing to show."""
    if len(text) <= line_limit + _SUMMARY_ROOM:
        return text
    out: list[str] = []
    kept = 0
    at = 0
    n = len(text)
    while True:
        if kept >= text_limit:
            rest = text.count("\n", at) + 1
            out.append(f"… {rest:,} more line{'s' if rest != 1 else ''}")
            break
        newline = text.find("\n", at)
        end = n if newline < 0 else newline
        if end - at > line_limit + _SUMMARY_ROOM:
            more = end - at - line_limit
            out.append(f"{text[at : at + line_limit]} … {more:,} more character{'s' if more != 1 else ''}")
            kept += line_limit
        else:
            out.append(text[at:end])
            kept += end - at
        if newline < 0:
            break
        at = newline + 1
    return "\n".join(out)
