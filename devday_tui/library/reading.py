"""Reading one file: its bytes (never blocking on a FIFO), its text, and whether it is a deck file.

Newlines are normalised here, once, right after decoding: every pattern and the parser after this see ``\\n``
line ends only (a pattern that can take a ``\\r`` two ways backtracks exponentially on CRLF text).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from devday_tui.core.frontmatter import key_line, normalise_newlines, split_frontmatter
from devday_tui.core.model import ParseWarning

#: A note larger than this is not a note anyone wrote: it is skipped rather than read into memory.
MAX_NOTE_BYTES = 64 * 1024 * 1024

#: A line ``include:`` near the top of a file that opens with ``---``: maybe a deck file, so its frontmatter is
#: read to be sure. Only ever run on text with ``\n`` line ends, where no quantifier can take a line end, so
#: its time is linear in the text.
_DECK_HINT_RE = re.compile(r"^include[ \t]*:", re.M)
#: How far into a file the hint is looked for.
_DECK_HINT_SPAN = 4096


class NotANote(Exception):
    pass


def read(path: Path) -> bytes:
    """The bytes of a regular file. A FIFO or a device named ``*.md`` is refused without blocking on it."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotANote("not a regular file")
        if st.st_size > MAX_NOTE_BYTES:
            raise NotANote(f"{st.st_size // (1024 * 1024)} MB is too large for a note")
        chunks = []
        while True:
            chunk = os.read(fd, max(st.st_size + 1, 65536))
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_checked(path: Path) -> tuple[bytes | None, list[ParseWarning]]:
    """The bytes of ``path``, or None and the warning that says why it is skipped."""
    try:
        return read(path), []
    except NotANote as exc:
        return None, [ParseWarning(path, f"{exc}; skipped")]
    except OSError as exc:
        return None, [ParseWarning(path, f"cannot be read: {exc.strerror or exc}; skipped")]


def decode(data: bytes, path: Path) -> tuple[str | None, ParseWarning | None]:
    """The text of a file, with the byte order mark dropped and every line end (CRLF, lone CR) made ``\\n``;
    or None and the warning that says why it is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return normalise_newlines(data.decode("utf-16")), None
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        return None, ParseWarning(path, "binary file, not Markdown text; skipped")
    try:
        return normalise_newlines(data.decode("utf-8")), None
    except UnicodeDecodeError as exc:
        return None, ParseWarning(
            path,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); skipped",
            line_of(data, exc.start),
        )


def read_text(path: Path) -> tuple[str | None, list[ParseWarning]]:
    """The normalised text of ``path``, or None and why it cannot be read."""
    data, problems = read_checked(path)
    if data is None:
        return None, problems
    text, problem = decode(data, path)
    return text, [problem] if problem else []


def line_of(data: bytes, offset: int) -> int:
    """The 1-based line of byte ``offset``, counting CRLF, LF and a lone CR each as one line end."""
    crlf = data.count(b"\r\n", 0, offset)
    return data.count(b"\n", 0, offset) + data.count(b"\r", 0, offset) - crlf + 1


def is_deck_text(text: str, path: Path) -> bool:
    """True when normalised ``text`` has ``include`` in its frontmatter (the YAML is read only when the
    cheap test says it may)."""
    if not (text.startswith("---") and _DECK_HINT_RE.search(text, 0, _DECK_HINT_SPAN)):
        return False
    return "include" in split_frontmatter(text, path).meta


def id_line(text: str) -> int | None:
    """The line of ``id:`` in the frontmatter of normalised ``text``, or None."""
    return key_line(text, "id", split_frontmatter(text, Path()).offset)
