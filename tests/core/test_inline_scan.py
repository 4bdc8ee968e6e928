"""The inline scan tries its pattern only where a match can start: it finds exactly what ``finditer`` finds."""

from __future__ import annotations

import re
import string
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from devday_tui.core import text
from devday_tui.core.text import inline

PAIRS = (
    (text._INLINE_RE, text._INLINE_STARTS_RE),
    (text._INLINE_FULL_RE, text._INLINE_FULL_STARTS_RE),
)
ALTERNATIVES = (*text._INLINE_HEAD, text._URL_PART, *text._INLINE_TAIL, text._BREAK_PART)

FRAGMENTS = st.sampled_from(
    [
        *string.punctuation,
        *string.ascii_letters[:8],
        " ",
        "  ",
        "\n",
        "  \n",
        "\\\n",
        "**",
        "__",
        "==",
        "~~",
        "[[",
        "]]",
        "![[",
        "](",
        "![",
        "[^1]",
        "{{<",
        ">}}",
        "{{%",
        "%}}",
        "<!--",
        "-->",
        "<br>",
        "<b>",
        "</b>",
        "<https://a.b>",
        "http://x.y/z",
        "https://",
        "ftp://h",
        "&amp;",
        "&#12;",
        "`",
        "``",
        "用語",
        "：",
        "。",
        "x@y.z",
    ]
)
TEXTS = st.lists(FRAGMENTS, max_size=40).map("".join)


def found(pattern: re.Pattern[str], starts: re.Pattern[str], src: str, pos: int = 0) -> tuple[list, list]:
    old = [(m.span(), m.lastgroup, m.groups()) for m in pattern.finditer(src, pos)]
    new = [(m.span(), m.lastgroup, m.groups()) for m in text._scan(pattern, starts, src, pos)]
    return old, new


@settings(max_examples=1500, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=5))
def test_the_scan_finds_what_finditer_finds(src: str, pos: int) -> None:
    for pattern, starts in PAIRS:
        old, new = found(pattern, starts, src, pos)
        assert new == old


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_every_alternative_starts_where_the_scan_looks(src: str) -> None:
    """A new alternative that opens with another character fails here until the start pattern names it."""
    for alternative in ALTERNATIVES:
        for m in re.finditer(alternative, src, re.DOTALL):
            assert text._INLINE_FULL_STARTS_RE.match(src, m.start()), (alternative, src, m.start())
            if alternative not in (text._URL_PART, text._BREAK_PART):
                assert text._INLINE_STARTS_RE.match(src, m.start()), (alternative, src, m.start())


def test_examples_of_every_kind() -> None:
    for src in (
        "a **b** c ==d== ~~e~~ *f* _g_ &amp; \\* `code` <!-- c --> <br> <b>x</b>",
        "[[Page|alias]] ![[embed]] {{< ref >}} ![img](u) [^1] [link](https://x.y) <https://a.b>",
        "see https://example.com/a.b and ftp://h/x  \nnext\\\nline",
        "snake_case_word and 2*3*4 and a_b_ but *this*",
    ):
        for pattern, starts in PAIRS:
            old, new = found(pattern, starts, src)
            assert new == old
        assert old  # the full pattern finds something in each


def test_long_lines_stay_linear() -> None:
    for src in (" " * 200_000 + "x", "*a" * 50_000, "_" * 100_000, "h" * 100_000 + "ttp://", "[" * 100_000):
        started = time.perf_counter()
        inline(src[: text.INLINE_MAX_CHARS])
        inline(src[: text.INLINE_MAX_CHARS] + "\n")
        assert time.perf_counter() - started < 2.0


def test_bold_and_italic_at_once_shows_no_asterisk_and_hides_the_words() -> None:
    got = inline("Dieses Konzept wird auch ***Mutual Exclusion*** genannt.")
    assert got.text == "Dieses Konzept wird auch Mutual Exclusion genannt."
    assert [got.text[a:b] for a, b in got.marks] == ["Mutual Exclusion"]
    got = inline("***a*** and **b** and ___c___")
    assert got.text == "a and b and c"
    assert [got.text[a:b] for a, b in got.marks] == ["a", "b", "c"]
    assert inline("**bold *it* x**").text == "bold it x"


def test_many_bold_and_italic_runs_stay_linear() -> None:
    src = "***a*** " * 20_000
    started = time.perf_counter()
    got = inline(src[: text.INLINE_MAX_CHARS])
    assert "*" not in got.text
    assert time.perf_counter() - started < 2.0
