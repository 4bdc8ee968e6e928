"""Counts in words: "1 card", "2 cards", "1 item is", "3 items are"."""

from __future__ import annotations

import re


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one: ``plural(1, "card")`` → "1 card"; ``many`` for an
    irregular plural (``plural(2, "entry", "entries")``)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


__all__ = ["natural_key", "plural"]


_NUMBER = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that orders numbers by value: ``chapter_2`` before ``chapter_10``, ``13.2`` before ``13.10``;
    letters without regard to case."""
    return tuple((0, int(part)) if part.isdigit() else (1, part.casefold()) for part in _NUMBER.split(text) if part)
