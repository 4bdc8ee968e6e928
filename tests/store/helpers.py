"""Helpers shared by the progress tests: cards built directly, fixed settings, a clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from devday_tui.core.model import Card, DeckSettings

UTC = timezone.utc
T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
SETTINGS = DeckSettings()


def card(cid: str, section: str = "s1", front: str | None = None, *, line: int = 1, note: str = "n") -> Card:
    return Card(
        id=cid,
        kind="definition",
        front=front if front is not None else f"What is {cid}?",
        back=f"{cid} is a thing",
        context=("Note", "Section"),
        note_key=note,
        note_title="Note",
        path=Path(f"{note}.md"),
        line=line,
        section_id=section,
    )


def cards(n: int, *, per_section: int = 1, prefix: str = "c") -> list[Card]:
    return [card(f"{prefix}{i:03d}", section=f"s{i // per_section:03d}", line=i + 1) for i in range(n)]


def settings(**kw) -> DeckSettings:
    return DeckSettings(**kw)


def at(minutes: float = 0, *, days: float = 0, base: datetime = T0) -> datetime:
    return base + timedelta(days=days, minutes=minutes)


__all__ = ["UTC", "T0", "SETTINGS", "card", "cards", "settings", "at", "date"]
