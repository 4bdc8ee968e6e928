"""Writing the user's Markdown files: new notes, and saves from the in-app editor.

Every write goes to a temporary file in the same folder, is flushed to disk, then renamed over the target, so
a crash never leaves a half-written note.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from datetime import date
from pathlib import Path

from devday_tui import atomic

_UNSAFE = re.compile(r"[^\w\-]+", re.UNICODE)
_DASHES = re.compile(r"-{2,}")


class NoteFileError(Exception):
    """A note could not be written; the message names the file."""


def slugify(title: str, limit: int = 60) -> str:
    """A file-name-safe form of ``title``. Japanese letters are kept; separators and dots are not."""
    text = unicodedata.normalize("NFKC", title).lower()
    text = _UNSAFE.sub("-", text).strip("-_")
    text = _DASHES.sub("-", text)[:limit].strip("-_")
    return text or "note"


def new_note_path(folder: Path, title: str, today: date) -> Path:
    """A path for a new note in ``folder`` that does not exist yet and cannot be outside ``folder``."""
    folder = folder.resolve()
    stem = f"{today.isoformat()}-{slugify(title)}"
    for n in range(1, 1000):
        name = f"{stem}.md" if n == 1 else f"{stem}-{n}.md"
        path = (folder / name).resolve()
        if path.parent != folder:  # cannot happen with a slug, checked all the same
            raise NoteFileError(f"{title!r} does not make a file name inside {folder}")
        if not path.exists():
            return path
    raise NoteFileError(f"too many notes named {stem} in {folder}")


def note_template(title: str, today: date) -> str:
    # json.dumps quotes the title so that YAML reads it back as the same string, whatever it holds.
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: {today.isoformat()}\ntags: [WIP]\n---\n\n## \n"


def create_note(folder: Path, title: str, today: date) -> Path:
    """Create a new note from the template and return its path."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = new_note_path(folder, title, today)
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(note_template(title, today))
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise NoteFileError(f"cannot create a note in {folder}: {exc.strerror or exc}") from exc
    return path


def file_stamp(path: Path) -> tuple[int, int] | None:
    """(mtime, size) of ``path``, or None when it is gone: enough to notice another program's save."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def read_for_edit(path: Path) -> tuple[str, str]:
    """The text of ``path`` with ``\\n`` line ends, and the line end the file used."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise NoteFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NoteFileError(f"{path}: not UTF-8 text (byte {exc.start}); edit it with your own editor") from exc
    newline = "\r\n" if "\r\n" in text else "\n"
    return text.replace("\r\n", "\n"), newline


def write_atomic(path: Path, text: str, newline: str = "\n") -> None:
    """Replace ``path`` with ``text`` so that it is either the old or the new content, never half of one."""
    data = text.replace("\r\n", "\n")
    if newline != "\n":
        data = data.replace("\n", newline)
    atomic.write_atomic(
        path,
        lambda fh: fh.write(data.encode("utf-8")),
        lambda p, why: NoteFileError(f"{p}: not saved: {why}"),
    )
