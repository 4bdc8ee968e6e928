"""Checks on every value read from disk.

A file can be valid JSON and still hold values that would break the app later: ``1e999`` (infinity), ``NaN``,
a rating of 1.5, a date in year 9999 (adding an interval to it overflows), a list where an object belongs. Each
document read is checked here before it is used; a check that fails raises ``BadValue`` saying what is wrong, and
the caller skips the document with a notice naming the file.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone
from typing import Any

from devday_tui.core.scheduling import EVENT_KINDS, STATES, CardProgress
from devday_tui.core.similarity import DIGEST_CHARS, MAX_ITEMS

#: Dates outside this range are refused: nothing real is older, and adding the longest interval to the latest
#: one cannot overflow.
EARLIEST = datetime(1970, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(2200, 1, 1, tzinfo=timezone.utc)

#: Desired retention a recorded answer may carry (fsrs overflows as it nears 0 or 1).
RETENTION = (0.5, 0.999)


class BadValue(ValueError):
    """A value read from disk is not usable."""


def text(doc: dict[str, Any], key: str, *, max_len: int = 1_000_000) -> str:
    value = doc.get(key)
    if not isinstance(value, str) or not value or len(value) > max_len:
        raise BadValue(f"{key!r} is not a usable text")
    return value


def opt_text(doc: dict[str, Any], key: str) -> str | None:
    value = doc.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadValue(f"{key!r} is not a text")
    return value


def number(doc: dict[str, Any], key: str, low: float, high: float, *, default: float | None = None) -> float:
    value = doc.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadValue(f"{key!r} is not a number")
    if isinstance(value, int) and not (low <= value <= high):
        raise BadValue(f"{key!r} is out of range")
    value = float(value)
    if not math.isfinite(value) or not (low <= value <= high):
        raise BadValue(f"{key!r} is {value!r}, not between {low} and {high}")
    return value


def integer(doc: dict[str, Any], key: str, low: int, high: int, *, default: int | None = None) -> int:
    value = doc.get(key, default)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not (low <= value <= high):
        raise BadValue(f"{key!r} is not a whole number between {low} and {high}")
    return value


def time(value: Any, what: str = "date") -> datetime:
    """A time-zone-aware ISO date and time within ``EARLIEST``–``LATEST``, in UTC."""
    if not isinstance(value, str) or len(value) > 64:
        raise BadValue(f"{what} is not a date")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise BadValue(f"{what} {value!r} is not a date") from None
    if parsed.tzinfo is None:
        raise BadValue(f"{what} {value!r} has no time zone")
    try:
        parsed = parsed.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        raise BadValue(f"{what} {value!r} is out of range") from None
    if not (EARLIEST <= parsed < LATEST):
        raise BadValue(f"{what} {value!r} is out of range")
    return parsed


def opt_time(doc: dict[str, Any], key: str) -> datetime | None:
    value = doc.get(key)
    return None if value is None or value == "" else time(value, repr(key))


def history_entry(doc: Any) -> None:
    """Check a history entry (an answer, a card event, an undo marker or a re-attachment)."""
    if not isinstance(doc, dict):
        raise BadValue("not an object")
    kind = doc.get("t")
    text(doc, "id", max_len=64)
    if kind == "undo":
        text(doc, "ref", max_len=64)
        return
    text(doc, "card", max_len=4096)
    time(doc.get("at"), "'at'")
    if kind == "review":
        integer(doc, "rating", 1, 4)
        number(doc, "dur", 0, 10_000_000, default=0.0)
        number(doc, "ret", *RETENTION, default=0.9)
        opt_time(doc, "cap")
        if doc.get("before", "new") not in STATES:
            raise BadValue("'before' is not a card state")
    elif kind == "reattach":
        text(doc, "from", max_len=4096)
    elif kind in EVENT_KINDS:
        opt_time(doc, "until")
    else:
        raise BadValue(f"unknown kind of entry {kind!r}")


def card_progress(doc: Any) -> CardProgress:
    """A card's state as the snapshot stores it."""
    if not isinstance(doc, dict):
        raise BadValue("not an object")
    text(doc, "card", max_len=4096)
    if doc.get("state", "new") not in STATES:
        raise BadValue("'state' is not a card state")
    for key in ("stability", "difficulty"):
        if doc.get(key) is not None:
            number(doc, key, 0, 1e9)
    if doc.get("step") is not None:
        integer(doc, "step", 0, 1000)
    integer(doc, "reps", 0, 10**9, default=0)
    integer(doc, "lapses", 0, 10**9, default=0)
    for key in ("due", "last_review", "buried_until"):
        opt_time(doc, key)
    for key in ("suspended", "leech"):
        if not isinstance(doc.get(key, False), bool):
            raise BadValue(f"{key!r} is not true or false")
    return CardProgress.from_dict(doc)


def annotation(doc: Any) -> tuple[str, str, datetime]:
    """Key, text and time of a personal note."""
    if not isinstance(doc, dict):
        raise BadValue("not an object")
    key = text(doc, "key", max_len=4096)
    value = doc.get("text")
    if not isinstance(value, str):
        raise BadValue("'text' is not a text")
    opt_text(doc, "dev")
    return key, value, time(doc.get("at"), "'at'")


def exam(doc: Any) -> None:
    """Check a mock-exam result: an id, a date, and a result holding only finite numbers."""
    if not isinstance(doc, dict):
        raise BadValue("not an object")
    text(doc, "id", max_len=64)
    if "at" not in doc:
        raise BadValue("it has no date ('at')")
    time(doc.get("at"), "'at'")
    opt_text(doc, "dev")
    if not isinstance(doc.get("result"), dict):
        raise BadValue("'result' is not an object")
    _finite(doc["result"])


def _finite(value: Any) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            raise BadValue(f"it holds the number {item!r}")
        if isinstance(item, int) and not isinstance(item, bool) and abs(item) > 2**53:
            raise BadValue("it holds a number too large to use")
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


_HEX = frozenset("0123456789abcdef")


def catalog_entry(doc: Any) -> None:
    """Check what the catalog recorded about a card."""
    if not isinstance(doc, dict):
        raise BadValue("not an object")
    text(doc, "card", max_len=4096)
    if not isinstance(doc.get("front"), str):
        raise BadValue("'front' is not a text")
    for key in ("section", "note", "note_key", "path", "kind", "seen"):
        opt_text(doc, key)
    if doc.get("line") is not None:
        integer(doc, "line", 0, 10**9)
    items = doc.get("items")
    if items is not None and not (
        isinstance(items, list)
        and len(items) <= MAX_ITEMS
        and all(isinstance(i, str) and len(i) == DIGEST_CHARS and set(i) <= _HEX for i in items)
    ):
        raise BadValue(f"'items' is not a list of at most {MAX_ITEMS} digests")
