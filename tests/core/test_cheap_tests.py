"""The cheap tests run on every line are written for speed (one character class, then a look back); they match
where their plain spelling matches."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from devday_tui.core.cards import impressions
from devday_tui.core.cards.lists import _NOT_PLAIN_RE
from devday_tui.core.cards.split import _SEPARATOR_RE
from devday_tui.core.cards.terms import MAYBE_TERM_RE
from devday_tui.core.text import _SPECIAL_RE

SPECIAL = r"[\\`*_=<\[&~!\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]|://|  \n|\{\{|\{:"
MAYBE_TERM = r"[:：…＝→]|[・･]{3}| [=\-–—] | -- "
PLAIN_SPELLING = {
    _SPECIAL_RE: re.compile(SPECIAL),
    MAYBE_TERM_RE: re.compile(MAYBE_TERM),
    _NOT_PLAIN_RE: re.compile(SPECIAL + "|" + MAYBE_TERM),  # made of the two
}

#: Scanned with finditer: every match the same, start and end.
SEPARATOR = re.compile(r"[:：]|[・･]{3,6}|…{1,2}|＝| = | - | -- | – | — |→")

PIECES = st.sampled_from(
    [
        *"\\`*_=<[&~!:{ ：…＝→・･/-–—\n\t\u3000\x00\x1b\x7f\u200b\ufeffaZ9用",
        "  \n",
        "://",
        "{{",
        "{:",
        "・・・",
        "･･･",
        "・・・・・・・",
        "……",
        "………",
        " = ",
        " - ",
        " -- ",
        " – ",
        " — ",
        "term: def",
        "用語：説明",
    ]
)
TEXTS = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_each_finds_what_its_plain_spelling_finds(text: str) -> None:
    for fast, plain in PLAIN_SPELLING.items():
        found, expected = fast.search(text), plain.search(text)  # used as yes/no: where, not how long
        assert (found and found.start()) == (expected and expected.start()), (fast.pattern, text)


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_the_term_separators_are_found_as_spelled(text: str) -> None:
    assert [(m.span(), m.group()) for m in _SEPARATOR_RE.finditer(text)] == [
        (m.span(), m.group()) for m in SEPARATOR.finditer(text)
    ]


def test_examples() -> None:
    for text, special, term in (
        ("plain words only", False, False),
        ("see https://x", True, True),  # the colon is a term separator too
        ("line  \nbreak", True, False),
        ("{{< ref >}}", True, False),
        ("{ alone", False, False),
        ("用語・・・説明", False, True),
        ("用語・・説明", False, False),
        ("a - b", False, True),
        ("a-b", False, False),
        ("**bold**", True, False),
        ("用語：説明", False, True),
    ):
        assert bool(_SPECIAL_RE.search(text)) is special, text
        assert bool(MAYBE_TERM_RE.search(text)) is term, text
        assert bool(_NOT_PLAIN_RE.search(text)) is (special or term), text


def test_linear_on_long_lines() -> None:
    for text in (" " * 300_000, "・・" * 150_000, "{" * 300_000, ":" * 1 + "a" * 300_000):
        started = time.perf_counter()
        for pattern in PLAIN_SPELLING:
            pattern.search(text)
        assert time.perf_counter() - started < 1.0


ENDINGS = st.lists(
    st.sampled_from(["な", "ー", "w", "ｗ", "!", "！", "です", "す", "。", "・", "…", "？", "〜", "a", "字", "\n", " "])
    | st.sampled_from(impressions._SPOKEN_ENDS),
    max_size=10,
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(ENDINGS)
def test_an_impressions_end_pattern_is_skipped_only_where_it_cannot_match(text: str) -> None:
    if text[-1:] in impressions._END_LAST and impressions._IMPRESSION_END_RE.search(text, max(0, len(text) - 8)):
        assert text.rstrip(impressions._END_MARKS)[-1:] in impressions._CORE_LAST, text
