"""``normalise`` remembers the forms of short texts: the same answers, in bounded memory."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from devday_tui.core import text
from devday_tui.core.text import normalise


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_the_same_form_asked_once_or_again(value: str) -> None:
    text._NORMALISED.clear()
    first = normalise(value)
    assert normalise(value) == first
    text._NORMALISED.clear()
    assert normalise(value) == first


def test_examples() -> None:
    assert normalise("CDK の特徴") == normalise("cdk  の特徴。") == "cdk の特徴"
    assert normalise("ＡＢＣ：") == "abc"


def test_bounded() -> None:
    text._NORMALISED.clear()
    for i in range(text._NORMALISED_MAX + 10):
        normalise(f"term {i}")
    assert len(text._NORMALISED) <= text._NORMALISED_MAX
    long = "x" * (text._NORMALISED_MAX_CHARS + 1)
    assert normalise(long) == long and long not in text._NORMALISED
