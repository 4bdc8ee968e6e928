"""How the screens were left (the width of the browse tree), kept for the next start.

A small JSON file, ``ui.json``, beside ``config.json`` in the user's config folder. It is not progress: the
store never sees it, and a missing or damaged file only means the default layout. Every value read is checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from devday_tui.atomic import AtomicWriteError, write_atomic
from devday_tui.library import config_path

#: Widths of the browse tree that are kept (in terminal cells).
TREE_WIDTH_RANGE = (12, 400)


def prefs_path() -> Path:
    return config_path().parent / "ui.json"


def load(path: Path | None = None) -> dict[str, Any]:
    """The saved preferences; empty when there are none or the file cannot be read."""
    path = path or prefs_path()
    try:
        if path.stat().st_size > 64_000:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def tree_width(prefs: dict[str, Any]) -> int | None:
    value = prefs.get("tree_width")
    low, high = TREE_WIDTH_RANGE
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return None


def save(changes: dict[str, Any], path: Path | None = None) -> str | None:
    """Merge ``changes`` into the saved preferences. Returns why it failed, or None."""
    path = path or prefs_path()
    prefs = load(path)
    prefs.update(changes)
    data = json.dumps(prefs, indent=2, sort_keys=True).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, lambda f: f.write(data))
    except (OSError, AtomicWriteError) as exc:
        return str(exc)
    return None
