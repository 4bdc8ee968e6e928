"""Parsing the small notes the card-rule tests are written in (dedented, the first blank line dropped)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from devday_tui.core.cards import Trace
from devday_tui.core.model import Note
from devday_tui.core.parser import parse_note


def parse(md: str, **kw: Any) -> tuple[Note, list[Trace]]:
    """The note and the trace of every card made and every line dropped."""
    trace: list[Trace] = []
    note = parse_note(textwrap.dedent(md).lstrip("\n"), Path("n.md"), "n.md", trace=trace, **kw)
    return note, trace


def fronts(md: str) -> list[str]:
    return [c.front for c in parse(md)[0].cards]
