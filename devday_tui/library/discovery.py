"""Finding the Markdown files under the folders and files given."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from devday_tui.core.model import ParseWarning, is_note_name
from devday_tui.library.paths import DECKS_FOLDER


@dataclass(frozen=True, slots=True)
class Source:
    """One file to read: its path, the folder given that holds it, its path inside that folder."""

    path: Path
    root: Path
    rel: str
    in_decks: bool


def is_hidden(name: str) -> bool:
    return name.startswith(".") or name in ("__pycache__", "node_modules")


def in_decks_folder(root: Path, rel: str) -> bool:
    return root.name == DECKS_FOLDER or DECKS_FOLDER in rel.split("/")[:-1]


def discover(paths: Sequence[Path], warnings: list[ParseWarning]) -> list[Source]:
    """Every note file (``*.md``, ``*.markdown``) under ``paths`` (recursively, hidden folders skipped), each once,
    in a stable order.

    A folder that cannot be listed, or a path that does not exist, adds a warning to ``warnings``."""
    found: list[Source] = []
    seen: set[str] = set()
    # One folder cannot list a file twice; with several paths, the same file may come through two of them.
    dedupe = len(paths) > 1

    def add(path: Path, root: Path, rel: str) -> None:
        if dedupe:
            real = os.path.realpath(path)
            if real in seen:
                return
            seen.add(real)
        found.append(Source(path, root, rel, in_decks_folder(root, rel)))

    for given in paths:
        given = Path(given)
        if given.is_dir():
            files: list[tuple[str, str]] = []
            top = os.fspath(given)

            def onerror(exc: OSError, given: Path = given) -> None:
                warnings.append(ParseWarning(Path(exc.filename or given), f"folder skipped: {exc.strerror or exc}"))

            for dirpath, dirnames, filenames in os.walk(top, onerror=onerror):
                dirnames[:] = sorted(d for d in dirnames if not is_hidden(d))
                rel_dir = os.path.relpath(dirpath, top)
                prefix = "" if rel_dir == os.curdir else rel_dir.replace(os.sep, "/") + "/"
                for name in filenames:
                    if is_note_name(name) and not is_hidden(name):
                        files.append((prefix + name, os.path.join(dirpath, name)))
            for rel, p in sorted(files):
                add(Path(p), given, rel)
        elif given.exists():
            add(given, given.parent, given.name)
        else:
            warnings.append(ParseWarning(given, "no such file or folder"))
    return found


def markdown_files(paths: Sequence[Path]) -> list[Path]:
    """Every file ``load_library(paths)`` would read, found the same way (for watching them for changes)."""
    return [source.path for source in discover(paths, [])]
