"""Where the notes and the parse cache are, and whether the paths given can be read."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Sequence

import platformdirs

APP_NAME = "devday-tui"
DECKS_FOLDER = "decks"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent
SAMPLE_NOTES = _PACKAGE_DIR / "sample" / "notes"
SAMPLE_DECKS = _PACKAGE_DIR / "sample" / "decks"


def config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.json"


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))


def default_paths() -> list[Path]:
    """The notes to open when no path is given.

    From a checkout of the repository, its ``notes/`` and ``decks/``; otherwise the folder named by ``"notes"``
    in ``config.json`` of the user config directory, when it exists; otherwise the sample notes and deck
    shipped with the package.
    """
    repo = _PACKAGE_DIR.parent
    if (repo / "pyproject.toml").is_file() and (repo / "notes").is_dir():
        return [p for p in (repo / "notes", repo / DECKS_FOLDER) if p.is_dir()]
    try:
        config = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        config = None
    if isinstance(config, dict) and isinstance(config.get("notes"), str):
        notes = Path(config["notes"]).expanduser()
        if notes.is_dir():
            paths = [notes]
            decks = config.get("decks")
            if isinstance(decks, str) and Path(decks).expanduser().is_dir():
                paths.append(Path(decks).expanduser())
            return paths
    return [p for p in (SAMPLE_NOTES, SAMPLE_DECKS) if p.is_dir()]


def check_paths(paths: Sequence[Path]) -> str | None:
    """A clear message for the first path that cannot be read, else None."""
    for p in paths:
        p = Path(p)
        try:
            exists = p.exists()
        except OSError as exc:  # e.g. a name too long
            return f"{p}: cannot be read ({exc.strerror or exc})"
        if not exists:
            return f"{p}: no such file or folder"
        if p.is_dir() and not os.access(p, os.R_OK | os.X_OK):
            return f"{p}: folder cannot be read (permission denied)"
        if p.is_file() and not os.access(p, os.R_OK):
            return f"{p}: file cannot be read (permission denied)"
    return None


def resolve(p: Path) -> Path:
    """``p`` resolved, or made absolute when it cannot be (a loop of links, a name too long)."""
    try:
        return p.resolve()
    except (OSError, RuntimeError):
        return p.absolute()
