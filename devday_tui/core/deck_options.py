"""Deck options (a deck's study settings) as a person edits them: checking what was typed, and writing it into a deck file's frontmatter.

``set_options`` is a text edit, not a YAML round trip: only the lines of the keys that change are touched, so
the rest of the file, its comments, blank lines and key order stay as they were. A key that is new goes at the
end of the frontmatter; a file without frontmatter gets one. Values are written in a form YAML reads back the
same (numbers, ISO dates, ``true``/``false``, lists as ``["a", "b"]`` with JSON quoting).
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any, Mapping

from devday_tui.core.decks import RETENTION_RANGE
from devday_tui.core.model import DeckSettings

#: The options the screen edits, in the order it shows them.
OPTION_KEYS: tuple[str, ...] = (
    "new_per_day",
    "reviews_per_day",
    "desired_retention",
    "exam_date",
    "rollover_hour",
    "skip_sections",
    "reverse",
)
#: Largest daily limit accepted (a typo like 2000000 is caught).
MAX_LIMIT = 100_000


def _values(options: DeckSettings) -> dict[str, Any]:
    return {k: getattr(options, k) for k in OPTION_KEYS}


def read_form(form: Mapping[str, str], reverse: bool = False) -> tuple[DeckSettings | None, dict[str, str]]:
    """The options typed in the form (every value a string), or the message for each field that is wrong."""
    errors: dict[str, str] = {}

    def whole(key: str, label: str, low: int, high: int) -> int:
        raw = form.get(key, "").strip()
        try:
            value = int(raw)
        except ValueError:
            errors[key] = f"{label} must be a whole number (got {raw!r})."
            return 0
        if not low <= value <= high:
            errors[key] = f"{label} must be between {low} and {high} (got {value})."
        return value

    new = whole("new_per_day", "New cards a day", 0, MAX_LIMIT)
    reviews = whole("reviews_per_day", "Reviews a day", 0, MAX_LIMIT)
    rollover = whole("rollover_hour", "The day starts at", 0, 23)
    raw = form.get("desired_retention", "").strip().rstrip("%")
    retention = 0.0
    try:
        retention = float(raw)
        if retention > 1:  # "90" or "90%"
            retention /= 100
    except ValueError:
        errors["desired_retention"] = f"Desired retention must be a number like 0.9 (got {raw!r})."
    else:
        low, high = RETENTION_RANGE
        if not low <= retention <= high:
            errors["desired_retention"] = f"Desired retention must be between {low:.2f} and {high:.2f} (got {raw})."
    exam: date | None = None
    raw = form.get("exam_date", "").strip()
    if raw:
        try:
            exam = date.fromisoformat(raw)
        except ValueError:
            errors["exam_date"] = f"Exam date must be a real date like 2026-12-12 (got {raw!r}); empty for none."
    skip = tuple(dict.fromkeys(s.strip() for s in form.get("skip_sections", "").split(",") if s.strip()))
    if errors:
        return None, errors
    return DeckSettings(new, reviews, round(retention, 4), exam, rollover, skip, reverse), {}


def form_values(options: DeckSettings) -> dict[str, str]:
    """The options as the form shows them."""
    return {
        "new_per_day": str(options.new_per_day),
        "reviews_per_day": str(options.reviews_per_day),
        "desired_retention": f"{options.desired_retention:g}",
        "exam_date": options.exam_date.isoformat() if options.exam_date else "",
        "rollover_hour": str(options.rollover_hour),
        "skip_sections": ", ".join(options.skip_sections),
    }


# ---------------------------------------------------------------------------------------------------------------
# Writing into the frontmatter


def yaml_value(value: Any) -> str:
    """A scalar or list as YAML that reads back as the same value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(json.dumps(str(v), ensure_ascii=False) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


_KEY_RE = re.compile(r"(?<![\w-])(?P<key>[A-Za-z_][\w-]*+)[ \t]*:(?=[ \t]|$)")  # tried only where a word starts


def _value_comment(rest: str) -> str:
    """The trailing comment of a ``key: value  # comment`` line (kept when the value changes), with its spaces.
    A ``#`` inside quotes is part of the value."""
    quote = None
    for i, ch in enumerate(rest):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and i > 0 and rest[i - 1] in " \t":
            j = i
            while j > 0 and rest[j - 1] in " \t":
                j -= 1
            return rest[j:]
    return ""


def set_options(text: str, values: Mapping[str, Any]) -> str:
    """``text`` (a deck file) with the frontmatter keys of ``values`` set; ``None`` or an empty list removes the
    key. Line ends (LF or CRLF) and a BOM are kept; everything else in the file is left as it was."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    newline = "\r\n" if "\r\n" in body else "\n"
    lines = body.replace("\r\n", "\n").split("\n")
    if lines and lines[0].rstrip() == "---":
        close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    else:
        close = None
    if close is None:
        lines = ["---", "---", *([""] if body.strip() else []), *lines] if body else ["---", "---", ""]
        close = 1
    front = lines[1:close]
    for key, value in values.items():
        front = _set_key(front, key, value)
    lines = [lines[0], *front, *lines[close:]]
    return bom + newline.join(lines)


def _set_key(front: list[str], key: str, value: Any) -> list[str]:
    remove = value is None or (isinstance(value, (list, tuple)) and not value)
    start = None
    for i, line in enumerate(front):
        m = _KEY_RE.match(line)
        if m and m.group("key") == key:
            start = i
            break
    if start is None:
        return front if remove else [*front, f"{key}: {yaml_value(value)}"]
    end = start + 1  # the value's own lines: indented, list items, or blank lines followed by those
    while end < len(front) and (front[end][:1] in (" ", "\t") or front[end].startswith("- ")):
        end += 1
    if remove:
        return front[:start] + front[end:]
    rest = front[start][_KEY_RE.match(front[start]).end() :]  # type: ignore[union-attr]  # the line was found by this pattern
    comment = _value_comment(rest) if end == start + 1 else ""
    return [*front[:start], f"{key}: {yaml_value(value)}{comment}", *front[end:]]


def _file_value(key: str, value: Any) -> Any:
    """The value as the file holds it; ``None`` removes the key (no exam date, not reversed, nothing skipped)."""
    return None if (key == "exam_date" and value is None) or (key == "reverse" and not value) else value


def changed_values(before: DeckSettings, after: DeckSettings) -> dict[str, Any]:
    """The keys whose value changed (written to the file; the others are left untouched)."""
    return {k: _file_value(k, getattr(after, k)) for k in OPTION_KEYS if getattr(before, k) != getattr(after, k)}


def all_values(options: DeckSettings) -> dict[str, Any]:
    return {k: _file_value(k, v) for k, v in _values(options).items()}


__all__ = ["OPTION_KEYS", "all_values", "changed_values", "form_values", "read_form", "set_options", "yaml_value"]
