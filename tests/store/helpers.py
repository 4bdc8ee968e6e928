"""Helpers shared by the progress tests: cards built directly, fixed settings, a clock."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from devday_tui.core.model import Card, DeckSettings
from devday_tui.store import Store

UTC = timezone.utc
T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
SETTINGS = DeckSettings()


def open_store(path: Path, **kw: Any) -> Store:
    """The store in ``path`` of the device "laptop", opened at ``T0`` in UTC unless ``kw`` says otherwise."""
    kw.setdefault("device_id", "laptop")
    kw.setdefault("now", T0)
    kw.setdefault("tz", UTC)
    return Store.open(path, **kw)


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


#: The process that drives the store (see its docstring for the modes).
STORE_PROC = Path(__file__).with_name("_proc.py")


def spawn_store(*args: str) -> subprocess.Popen:
    """Start the store driver with ``args``; its stdout gives one line per acknowledged save."""
    return subprocess.Popen(
        [sys.executable, str(STORE_PROC), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=STORE_PROC.parents[2],
    )
