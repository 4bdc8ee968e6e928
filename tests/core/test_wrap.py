"""Wrapping card text for a terminal: phrase breaks, whole Latin words, kinsoku, hanging bullets, cell widths."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devday_tui.core.wrap import (
    NO_END,
    NO_START,
    cell_len,
    cut_for_screen,
    wrap,
    wrap_text,
)

TREND = "- 風を作る（トレンドに振り回されるのではなく、自分たちでトレンドを作る）。"
LOFT = "ということで常駐しているソリューションアーキテクトに質問できるコワーキングスペース。"
CRUMB = "AWS DevDay 2019 Day1 › ゼネラルセッション › AWS の中の人の話"
MIXED = "CloudFormation と Terraform の違いは？ Use CloudFormation to deploy stacks (IaC)。"
WIDTHS = range(8, 81)


def _body(lines: list[str]) -> str:
    return "".join(line.strip() for line in lines)


# ------------------------------------------------------------------------------------------ the four failures


@pytest.mark.parametrize("width", WIDTHS)
def test_a_bullet_is_never_alone_on_its_line(width: int) -> None:
    lines = wrap_text(TREND, width)
    assert lines[0].startswith("- 風"), lines
    assert all(line.strip() not in {"-", "•", "*"} for line in lines)


@pytest.mark.parametrize("width", range(14, 81))
def test_latin_words_stay_whole(width: int) -> None:
    lines = wrap_text(MIXED, width)
    words = {w for line in lines for w in re.findall(r"[A-Za-z]+", line)}
    assert words <= {"CloudFormation", "Terraform", "Use", "to", "deploy", "stacks", "IaC"}, lines


def test_a_word_longer_than_the_line_is_cut_at_the_width() -> None:
    assert wrap_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert wrap_text("see CloudFormation", 8) == ["see", "CloudFor", "mation"]


@pytest.mark.parametrize(
    "text", [TREND, LOFT, MIXED, "管理（IaC）。「設計」『原則』【重要】ちょっとキャッシュ、ファイル。"]
)
@pytest.mark.parametrize("width", WIDTHS)
def test_kinsoku(text: str, width: int) -> None:
    lines = wrap_text(text, width)
    for n, line in enumerate(lines):
        body = line.strip()
        assert body, lines
        if n:
            assert body[0] not in NO_START, (width, lines)
        if n < len(lines) - 1:
            assert body[-1] not in NO_END, (width, lines)


def test_a_line_is_never_only_closing_punctuation() -> None:
    for width in range(8, 81):
        for line in wrap_text(TREND, width):
            assert line.strip() not in {"）。", "）", "。"}, width


@pytest.mark.parametrize("width", range(10, 60))
def test_a_latin_word_keeps_its_particle(width: int) -> None:
    """ "… › AWS" / "の中の人の話" was seen: the space before the particle is no place to break."""
    lines = wrap_text(CRUMB, width)
    assert not any(line.rstrip().endswith("AWS") and nxt.startswith("の") for line, nxt in zip(lines, lines[1:])), lines
    assert not any(line.startswith("›") for line in lines), lines


# --------------------------------------------------------------------------------------------- the rules


def test_japanese_breaks_between_phrases() -> None:
    assert wrap_text(LOFT, 30) == [
        "ということで常駐している",
        "ソリューションアーキテクトに",
        "質問できる",
        "コワーキングスペース。",
    ]


def test_bullets_hang_under_their_text() -> None:
    assert wrap_text(TREND, 20) == [
        "- 風を作る",
        "  （トレンドに",
        "  振り回されるのでは",
        "  なく、自分たちで",
        "  トレンドを作る）。",
    ]
    assert wrap_text("1. A very long item that goes on about CloudFormation", 24) == [
        "1. A very long item that",
        "   goes on about",
        "   CloudFormation",
    ]
    assert [line.indent for line in wrap("  nested text that wraps", 12)] == [0, 2, 2]


def test_english_wraps_at_spaces() -> None:
    text = "The quick brown fox jumps over the lazy dog"
    assert wrap_text(text, 15) == ["The quick brown", "fox jumps over", "the lazy dog"]


def test_newlines_and_empty_lines_are_kept() -> None:
    assert wrap_text("a\n\nb", 10) == ["a", "", "b"]
    assert wrap_text("", 10) == [""]


def test_offsets_cut_the_original_text() -> None:
    text = "ask an export\n" + LOFT
    lines = wrap(text, 30)
    assert text[lines[0].start : lines[0].end] == "ask an export"
    assert "".join(text[line.start : line.end] for line in lines[1:]) == LOFT


def test_cell_widths() -> None:
    assert cell_len("abc") == 3
    assert cell_len("日本語") == 6
    assert cell_len("ｱｲｳ") == 3  # half-width katakana
    assert cell_len("e\u0301") == 1  # combining accent
    assert cell_len("a\u200bb") == 2


def test_narrow_widths_still_progress() -> None:
    assert wrap_text("日本語", 1) == ["日", "本", "語"]
    assert _body(wrap_text(LOFT, 3)) == LOFT


_ALPHABET = st.sampled_from(list("abc XYZ 12 日本語かなカナ、。（）「」ーっャ・-:\t") + ["CloudFormation", "- ", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.integers(min_value=2, max_value=50))
def test_lines_fit_and_nothing_is_lost(text: str, width: int) -> None:
    lines = wrap(text, width)
    for line in lines:
        shown = text[line.start : line.end]
        assert "\n" not in shown
        assert line.indent + cell_len(shown) <= width or len(shown) == 1 or cell_len(shown) <= width
    kept = "".join(text[line.start : line.end] for line in lines)
    squeeze = lambda s: re.sub(r"\s+", "", s)  # noqa: E731 - wraps drop only spaces
    assert squeeze(kept) == squeeze(text)


# ------------------------------------------------------------------------------------------ cut for screen


def test_a_five_megabyte_line_is_cut_with_its_size() -> None:
    text = "head\n" + "あ" * 5_000_000 + "\ntail"
    shown = cut_for_screen(text)
    assert shown.splitlines()[0] == "head"
    assert shown.splitlines()[1].endswith("あ … 4,998,000 more characters")
    assert shown.splitlines()[2] == "tail"
    assert len(shown) < 2_100


def test_many_lines_are_cut_after_the_text_limit() -> None:
    text = "\n".join(f"line {n}" for n in range(100_000))
    shown = cut_for_screen(text, text_limit=1_000)
    lines = shown.splitlines()
    assert lines[0] == "line 0"
    assert re.fullmatch(r"… [\d,]+ more lines", lines[-1])
    assert len(shown) < 1_200
    hidden = int(lines[-1].split()[1].replace(",", ""))
    assert len(lines) - 1 + hidden == 100_000


def test_short_text_is_unchanged() -> None:
    for text in ("", "a", "a\nb\n", "x" * 2_000):
        assert cut_for_screen(text) is text or cut_for_screen(text) == text
    assert cut_for_screen("a\n" + "b" * 3_000 + "\n", line_limit=10) == "a\n" + "b" * 10 + " … 2,990 more characters\n"


@pytest.mark.parametrize("width", range(12, 60))
def test_no_orphan_of_a_character_or_two_on_the_last_line(width: int) -> None:
    lines = wrap_text(CRUMB, width)
    if len(lines) > 1:
        assert lines[-1] not in {"話", "の話"}, lines


def test_cutting_twice_changes_nothing() -> None:
    once = cut_for_screen("a\n" + "長" * 50_000 + "\n" + "b" * 2_030)
    assert cut_for_screen(once) == once
    assert once.splitlines()[1].endswith("… 48,000 more characters")
    assert once.splitlines()[2] == "b" * 2_030  # within the summary's room: shown whole
