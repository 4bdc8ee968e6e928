"""Parsing one note with bounded time and memory, in this process or in a worker process.

A note is parsed whole when it is of a normal size. A very large one is parsed a growing run of it at a time
(cut at a heading, else at a line end), until the run holds enough cards or reaches :data:`PARSE_WINDOW`
characters: what markdown-it and the parser hold for a note grows with its size (about a hundred bytes per
character of a dense note), so this keeps the memory a note can take bounded. Cards past :data:`MAX_CARDS`
are dropped with a warning that says how many and from which line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from devday_tui.core.model import Note, ParseWarning
from devday_tui.core.parser import parse_note
from devday_tui.library.cache import ParseCache, dumps

#: At most this many cards are kept from one note; the rest are reported.
MAX_CARDS = 5_000
#: The most characters of one note given to the parser at once.
PARSE_WINDOW = 4 * 1024 * 1024
#: A note longer than this is parsed a run at a time, starting with a run this long and doubling it.
FIRST_WINDOW = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Job:
    """One note to parse: its normalised text and the cache key of its bytes."""

    index: int
    path: Path
    rel: str
    key: str
    text: str


def _cut(text: str, size: int) -> int:
    """Where to end a run of at most ``size`` characters of ``text``: before a heading, else after a line."""
    if size >= len(text):
        return len(text)
    heading = text.rfind("\n#", size // 2, size)
    if heading != -1:
        return heading + 1
    line = text.rfind("\n", size // 2, size)
    return line + 1 if line != -1 else size


def _parse(text: str, path: Path, rel: str) -> Note:
    # The parser stops making cards at the cap and reports the rest itself; cap_cards is the last guard (a
    # long back split into parts after the cap can add a few).
    return parse_note(text, path, rel, rel=rel, max_cards=MAX_CARDS)


def parse_bounded(text: str, path: Path, rel: str) -> Note:
    """Parse a note, keeping at most :data:`MAX_CARDS` cards and reading at most :data:`PARSE_WINDOW`
    characters of it; what is left out is reported on the note."""
    if len(text) <= FIRST_WINDOW:
        return cap_cards(_parse(text, path, rel))
    size = FIRST_WINDOW
    while True:
        end = _cut(text, size)
        note = _parse(text[:end], path, rel)
        if end >= len(text) or len(note.cards) >= MAX_CARDS or size >= PARSE_WINDOW:
            break
        size *= 2
    note = cap_cards(note)
    if end < len(text):
        line = text.count("\n", 0, end) + 1
        note.warnings.append(
            ParseWarning(
                path,
                f"note is {len(text) / 1e6:.0f} million characters: only the first {end / 1e6:.1f} million "
                f"(up to line {line - 1:,}) are read; split it into smaller notes to study the rest",
                line,
            )
        )
    return note


def cap_cards(note: Note) -> Note:
    """Keep the first :data:`MAX_CARDS` cards of ``note`` (in place) and say how many were left out."""
    extra = len(note.cards) - MAX_CARDS
    if extra <= 0:
        return note
    first_dropped = note.cards[MAX_CARDS]
    kept = note.cards[:MAX_CARDS]
    kept_ids = {c.id for c in kept}
    for section in note.walk():
        if section.card_ids:
            section.card_ids = tuple(i for i in section.card_ids if i in kept_ids)
    note.cards = kept
    note.warnings.append(
        ParseWarning(
            note.path,
            f"{MAX_CARDS + extra:,} cards in one note: the first {MAX_CARDS:,} are used, the {extra:,} from this "
            "line on are not; split the note to study them",
            first_dropped.line,
        )
    )
    return note


def parse_job(job: Job, cache: ParseCache) -> tuple[int, str, bytes | str]:
    """Parse ``job`` and store it in ``cache``: ``(index, "note", pickled cache entry)`` or
    ``(index, "error", why)``. The same code runs in a worker process and in this one."""
    try:
        note = parse_bounded(job.text, job.path, job.rel)
    except MemoryError:
        return job.index, "error", "too large to read (out of memory); skipped"
    except Exception as exc:  # never let one note stop the rest; say which file
        return job.index, "error", f"could not be parsed ({type(exc).__name__}: {exc}); skipped"
    entry = ("note", note)
    data = cache.put(job.key, entry)
    return job.index, "note", data if data is not None else dumps(entry)
