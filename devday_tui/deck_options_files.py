"""Where deck options are saved: into the deck file's frontmatter, or, when that file is read-only or there is no
deck file (the "All notes" deck), into ``<config>/deck-options/<deck key>.md``, which is read over the deck's own
settings at every load.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from devday_tui.core.deck_options import all_values, changed_values, set_options
from devday_tui.core.decks import apply_saved_options
from devday_tui.core.model import Deck, DeckSettings, Note, ParseWarning
from devday_tui.note_files import NoteFileError, read_for_edit, write_atomic

APP_NAME = "devday-tui"


def options_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "deck-options"


def saved_path(deck_key: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in deck_key) or "deck"
    return options_dir() / f"{safe}.md"


def apply_saved(deck: Deck, notes: list[Note]) -> None:
    """Use the options saved outside the deck file, if any (a problem reading them is a warning of the deck)."""
    path = saved_path(deck.key)
    if not path.is_file():
        return
    try:
        text, _newline = read_for_edit(path)
    except NoteFileError as exc:
        deck.warnings.append(ParseWarning(path, f"deck options could not be read ({exc}); the deck's own are used"))
        return
    apply_saved_options(deck, text, path, notes)


def writable(path: Path | None) -> bool:
    """Whether the deck file can be replaced: the file and its folder are writable."""
    return path is not None and path.is_file() and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


@dataclass(frozen=True, slots=True)
class Destination:
    path: Path
    #: Why the options do not go into the deck file ("" when they do).
    why: str = ""


def destination(deck: Deck) -> Destination:
    """Where the options of ``deck`` will be saved, and why, when it is not the deck file."""
    if deck.path is None:
        return Destination(saved_path(deck.key), "there is no deck file for “All notes”")
    if not writable(deck.path):
        return Destination(saved_path(deck.key), f"{deck.path} is read-only")
    return Destination(deck.path)


def save(deck: Deck, before: DeckSettings, after: DeckSettings) -> Destination:
    """Write the options that changed. Raises ``NoteFileError`` (the message names the file) when it fails."""
    where = destination(deck)
    stale = saved_path(deck.key)
    if not where.why and stale.is_file():
        # Options kept aside while the deck file was read-only: the file gets all of them, then they go.
        changes = all_values(after)
    else:
        changes = changed_values(before, after)
    if not changes:
        return where
    if where.why:
        where.path.parent.mkdir(parents=True, exist_ok=True)
        old, newline = read_for_edit(where.path) if where.path.is_file() else ("", "\n")
        write_atomic(where.path, set_options(old, changes), newline)
        return where
    text, newline = read_for_edit(where.path)
    write_atomic(where.path, set_options(text, changes), newline)
    if stale.is_file():
        try:
            stale.unlink()
        except OSError:
            pass
    return where
