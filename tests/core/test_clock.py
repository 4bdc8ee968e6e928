"""The one way a duration reads, in words and as a countdown."""

from __future__ import annotations

from datetime import timezone

import pytest

from devday_tui.core.clock import format_duration, system_clock


def test_in_words() -> None:
    assert [format_duration(s) for s in (0, 42.4, 59.6, 60, 185, 3599.4, 3720, 36000)] == [
        "0s",
        "42s",
        "1m 00s",
        "1m 00s",
        "3m 05s",
        "59m 59s",
        "1h 02m",
        "10h 00m",
    ]


def test_as_a_countdown_rounds_up() -> None:
    assert format_duration(0, clock=True) == "0:00"
    assert format_duration(-5, clock=True) == "0:00"
    assert format_duration(0.2, clock=True) == "0:01"
    assert format_duration(59.2, clock=True) == "1:00"
    assert format_duration(1800, clock=True) == "30:00"
    assert format_duration(3725, clock=True) == "1:02:05"


@pytest.mark.parametrize("value", [-1.0, float("nan"), float("inf"), float("-inf")])
def test_never_negative_and_never_raises(value: float) -> None:
    assert format_duration(value) == "0s"
    assert format_duration(value, clock=True) == "0:00"


def test_system_clock_is_aware_utc() -> None:
    assert system_clock().tzinfo is timezone.utc
