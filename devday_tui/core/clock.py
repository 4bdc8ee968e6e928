"""Time as the app passes it around: the clock type, the system clock, and how a duration or an interval reads."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

#: Returns the current time, aware and in UTC. Passed to whatever needs "now", so tests can fix it.
Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(timezone.utc)


def format_duration(seconds: float, *, clock: bool = False) -> str:
    """A duration for people, never negative.

    By default in words, rounded to the second: ``"42s"``, ``"3m 05s"``, ``"1h 02m"``. With ``clock``, as a
    countdown shows it, ``"4:05"`` or ``"1:02:05"``, rounded up: a timer reads ``0:00`` only once time is up.
    """
    if not math.isfinite(seconds):
        seconds = 0
    if clock:
        total = math.ceil(seconds) if seconds > 0 else 0
        hours, rest = divmod(total, 3600)
        minutes, secs = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    total = max(0, int(round(seconds)))
    if total < 60:
        return f"{total}s"
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return f"{minutes}m {secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"


def _one_decimal(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def format_interval(interval: timedelta) -> str:
    """A short label for a scheduling interval: "1m", "10m", "5h", "3d", "12d", "2mo", "1.5mo", "1.1y"."""
    seconds = interval.total_seconds()
    minutes = max(1, round(seconds / 60))
    if minutes < 60:
        return f"{minutes}m"
    hours = seconds / 3600
    if round(hours) < 24:
        return f"{round(hours)}h"
    days = seconds / 86400
    if round(days) < 30:
        return f"{max(1, round(days))}d"
    months = days / 30
    if round(months, 1) < 12:
        return f"{_one_decimal(months)}mo"
    return f"{_one_decimal(days / 365)}y"
