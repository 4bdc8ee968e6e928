"""Counts in words: "1 card", "2 cards", "1 item is", "3 items are"."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one: ``plural(1, "card")`` → "1 card"; ``many`` for an
    irregular plural (``plural(2, "entry", "entries")``)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


__all__ = ["plural"]
