"""One rule for control characters and terminal escape sequences, wherever note text is shown or printed."""

from __future__ import annotations

import pytest

from devday_tui.core import answer
from devday_tui.core.text import one_line, strip_controls
from devday_tui.export import apkg
from devday_tui.safe_text import clean
from tests.timing import best_cpu


@pytest.mark.parametrize(
    "raw, expected",
    [
        # OSC (window title, hyperlink) with BEL or ST; never past the end of the line.
        ("a\x1b]0;title\x07b", "ab"),
        ("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),
        ("a\x1b]0;x\nb", "a\nb"),
        ("a\x1b]0;unterminated", "a"),
        # DCS, SOS, PM and APC take their payload with them.
        ("a\x1bPq#0;2;0;0;0#1!7~\x1b\\b", "ab"),
        ("a\x1bXsos payload\x1b\\b", "ab"),
        ("a\x1b^pm payload\x07b", "ab"),
        ("a\x1b_Gf=100;AAAA\x1b\\b", "ab"),
        ("a\x1bPpayload\nnext", "a\nnext"),
        # Their 8-bit forms, ended by the 8-bit ST.
        ("a\x90dcs\x9cb", "ab"),
        ("a\x9dosc title\x07b", "ab"),
        ("a\x9fapc\x9cb", "ab"),
        ("a\x9b2Jb", "ab"),
        # CSI and the other escapes.
        ("a\x1b[31mred\x1b[0m", "ared"),
        ("a\x1b[?1049hb", "ab"),
        ("a\x1bcb\x1b7c\x1b(Bd", "abcd"),
        ("a\x1b", "a"),
        ("a\x1b[\nb", "a\nb"),
        # C0 and C1 controls go; newline and tab stay.
        ("a\x00b\x07c\x08d\x7fe\x85f\x9cg", "abcdefg"),
        ("line one\n\tline two", "line one\n\tline two"),
        ("a\rb", "ab"),
        # Invisible characters that are not controls in name.
        ("a\u200bb\ufeffc", "abc"),
        ("a\u2028b", "a b"),
        # Text with none of these is returned as it is.
        ("日本語 [b]markup[/b] stays", "日本語 [b]markup[/b] stays"),
    ],
)
def test_strip_controls(raw: str, expected: str) -> None:
    assert strip_controls(raw) == expected


def test_the_ui_and_the_exports_use_the_same_rule() -> None:
    raw = "a\x1b]0;x\nb\x1bPdcs\x1b\\c"
    assert clean(raw) == strip_controls(raw) == "a\nbc"
    assert apkg.anki_tag(raw) == "a_bc"
    # Typed answers fold line breaks to spaces, after the same escapes are gone.
    assert answer.clean(raw) == "a bc"
    assert answer.clean("a\x1b]0;x\rb") == "a b"


def test_one_line() -> None:
    assert one_line("a\n  b\tc\x1b[31m", 10) == "a b c"
    assert one_line("x" * 20, 5) == "xxxx…"
    assert one_line("   ") == ""


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "\x1b]" * n,
        lambda n: "\x1bP" + "x" * n,
        lambda n: "\x1b[" * n,
        lambda n: ("\x1b]0;" + "y" * 10 + "\r\n") * n,
        lambda n: "\x90" * n,
    ],
)
def test_strip_controls_is_linear(make) -> None:
    def cpu(n: int) -> float:
        text = make(n)
        return max(best_cpu(lambda: strip_controls(text)), 1e-6)

    assert cpu(200_000) / cpu(20_000) < 30
