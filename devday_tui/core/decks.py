"""Deck files: a named selection of notes, its study settings, and cards of its own.

A deck file is Markdown with frontmatter::

    ---
    title: AWS DevDay 2019
    include: ["2019-10-03-aws-devday-*.md"]   # globs, relative to the notes folder
    tags: [AWS]                               # optional: only notes holding one of these tags
    new_per_day: 20
    reviews_per_day: 200
    desired_retention: 0.9
    exam_date: 2026-12-12
    skip_sections: [Q&A]                      # optional: headings whose cards the deck leaves out
    ---
    Question::Answer                          # explicit cards of the deck's own

A setting that is not valid is reported (file and line) and its default used instead.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from devday_tui.core import ids
from devday_tui.core.cards.terms import skip_key
from devday_tui.core.explicit import scan_explicit
from devday_tui.core.frontmatter import (
    key_line,
    meta_date,
    meta_tags,
    meta_text,
    normalise_newlines,
    split_frontmatter,
)
from devday_tui.core.model import EVERY_NOTE, Card, Deck, DeckSettings, Note, ParseWarning, is_note_name
from devday_tui.core.text import normalise, strip_controls
from devday_tui.core.variants import expand

#: The desired retentions a deck may ask for (Anki's bounds). Below, reviews are so rare that most cards are
#: forgotten; above, so frequent that the workload explodes for a few points of recall.
RETENTION_RANGE = (0.7, 0.99)

#: Reports a bad deck setting: the key, then the message.
Warn = Callable[[str, str], None]

ALL_DECK_KEY = "all"
ALL_DECK_TITLE = "All notes"


def all_notes_deck(notes: list[Note]) -> Deck:
    """The deck used when there is no deck file: every note."""
    deck = Deck(key=ALL_DECK_KEY, title=ALL_DECK_TITLE, path=None)
    deck.notes = list(notes)
    deck.cards = deck_cards(deck.settings, [c for n in notes for c in n.cards])
    return deck


OTHER_DECK_KEY = "other"
OTHER_DECK_TITLE = "Other notes"


def other_notes_deck(notes: list[Note], decks: list[Deck]) -> Deck | None:
    """The notes no deck file includes (a note just written, a folder no deck names yet), as one more deck with
    the default settings, so that no note is ever invisible. ``None`` when every note is in a deck."""
    included = {id(n) for d in decks for n in d.notes}
    others = [n for n in notes if id(n) not in included]
    if not others:
        return None
    taken = {d.key for d in decks}
    key = OTHER_DECK_KEY if OTHER_DECK_KEY not in taken else f"{OTHER_DECK_KEY}-notes"
    deck = Deck(key=key, title=OTHER_DECK_TITLE, path=None)
    deck.notes = others
    deck.cards = deck_cards(deck.settings, [c for n in others for c in n.cards])
    return deck


_INCLUDE_RE = re.compile(r"^include[ \t]*:[ \t]*(?P<value>.*)$", re.M)


def glob_literal(rel: str) -> str:
    """A glob that matches the path ``rel``: ``*`` and ``?`` taken literally, a ``[`` or ``]`` matched by ``?``."""
    literal = {"*": "[*]", "?": "[?]", "[": "?", "]": "?"}
    return "".join(literal.get(c, c) for c in rel.replace("\\", "/"))


def add_include(text: str, pattern: str) -> str | None:
    """The deck file ``text`` with ``pattern`` added to its ``include`` list, keeping the rest of the file as
    written. ``None`` when the file has no ``include`` to add to (it then takes every note already)."""
    text = normalise_newlines(text)
    front = split_frontmatter(text, Path("deck.md"))
    if "include" not in front.meta:
        return None
    head_end = len(text) - len(front.body)
    found = _INCLUDE_RE.search(text, 0, head_end)
    if found is None:
        return None
    quoted = json.dumps(pattern, ensure_ascii=False)
    value = found.group("value").strip()
    if value.startswith("[") and value.endswith("]"):  # include: ["a", "b"]
        inner = value[1:-1].strip()
        line = f"include: [{inner + ', ' if inner else ''}{quoted}]"
        return text[: found.start()] + line + text[found.end() :]
    if value and not value.startswith("#"):  # include: "a"
        return text[: found.start()] + f"include: [{value}, {quoted}]" + text[found.end() :]
    # A block list: the new item goes after the last "- item" line under the key.
    end = found.end()
    indent: str | None = None
    for item in re.finditer(r"\n([ \t]*)-[^\n]*", text[end:head_end]):
        if item.start() != end - found.end():
            break
        indent = item.group(1)
        end = found.end() + item.end()
    indent = "  " if indent is None else indent
    return text[:end] + f"\n{indent}- {quoted}" + text[end:]


def _stars(parts: list[str | None]) -> str:
    """Join the parts of a glob, a ``*`` (None) becoming ``[^/]*``.

    A ``*`` followed by more of the name and then another ``*`` takes the shortest run up to the first place
    that more fits, atomically (never trying a longer one): the later ``*`` can take whatever a longer run
    would have. Without that, ``*a*a*a*a*a*a*b.md`` tries every way to split a long name (19 s for 60 letters).
    """
    out: list[str] = []
    for i, part in enumerate(parts):
        if part is not None:
            out.append(part)
            continue
        rest = parts[i + 1 :]
        nxt = next((j for j, p in enumerate(rest) if p in (None, "/", ".*", "(?:.*/)?")), len(rest))
        if nxt < len(rest) and rest[nxt] is None and nxt > 0:
            fixed = "".join(p for p in rest[:nxt] if p is not None)
            out.append(f"(?>[^/]*?{fixed})")
            parts[i + 1 : i + 1 + nxt] = [""] * nxt  # taken into the atomic group
        else:
            out.append("[^/]*")
    return "".join(out)


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression over ``/``-separated relative paths.

    ``*`` and ``?`` stay within one folder, ``**`` crosses folders, ``[abc]`` is a class. A pattern with no
    ``/`` matches a file name at any depth, as in ``.gitignore``.
    """
    pattern = pattern.strip().replace("\\", "/").lstrip("/")
    if pattern.startswith("./"):
        pattern = pattern[2:]
    out: list[str | None] = []  # None: a "*"
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            while pattern.startswith("**/", i):  # "**/**/" means "**/", and each one more would cost a power
                i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append(None)
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pattern.find("]", i + 2)
            if j == -1:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1 : j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    prefix = "" if "/" in pattern else "(?:.*/)?"
    try:
        return re.compile(prefix + _stars(out) + r"\Z")
    except re.error:
        return re.compile(re.escape(pattern) + r"\Z")


def matches(rel: str, patterns: Iterable[str]) -> bool:
    if patterns == EVERY_NOTE:  # no include: every note, whatever the case of its suffix (``A.MD``)
        return is_note_name(rel)
    return any(glob_regex(p).match(rel) for p in patterns)


def select_notes(deck: Deck, notes: list[Note]) -> None:
    """Fill ``deck.notes`` and ``deck.cards`` from ``notes``, by the deck's globs and tags."""
    wanted = {t.casefold() for t in deck.tags}
    chosen = [
        n
        for n in notes
        if matches(n.rel or n.key, deck.include) and (not wanted or any(t.casefold() in wanted for t in n.tags))
    ]
    deck.notes = chosen
    deck.cards = deck_cards(deck.settings, [c for n in chosen for c in n.cards] + list(deck.own_cards))


def deck_cards(settings: DeckSettings, cards: list[Card]) -> list[Card]:
    """The cards a deck studies: without the sections its settings skip, one per cloze blank, and with
    ``reverse`` each definition both ways (see ``variants.py``)."""
    if settings.skip_sections:
        skip = {skip_key(s) for s in settings.skip_sections}
        cards = [c for c in cards if not any(skip_key(h) in skip for h in c.context[1:])]
    return expand(cards, reversed_too=settings.reverse)


def apply_saved_options(deck: Deck, text: str, path: Path, notes: list[Note]) -> None:
    """Options kept outside the deck file (the deck file is read-only, or there is none: "All notes") take the
    place of the deck's own. ``text`` is a frontmatter block like a deck file's; a bad value is reported (file
    and line) and the deck's own value kept."""
    text = normalise_newlines(text)
    front = split_frontmatter(text, path)
    deck.warnings.extend(front.warnings)

    def warn(field: str, message: str) -> None:
        deck.warnings.append(ParseWarning(path, message, key_line(text, field, front.offset)))

    deck.settings = read_settings(front.meta, warn, base=deck.settings)
    if deck.path is None:
        deck.notes = list(notes)
        deck.cards = deck_cards(deck.settings, [c for n in notes for c in n.cards])
    else:
        select_notes(deck, notes)


def _int_setting(meta: dict[str, Any], key: str, default: int, warn: Warn) -> int:
    value: Any = meta.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, str, float)):
        warn(key, f"{key} must be a whole number (got {value!r}); using {default}")
        return default
    try:
        number = int(str(value).strip())
    except ValueError:
        if isinstance(value, float) and value.is_integer():
            number = int(value)
        else:
            warn(key, f"{key} must be a whole number (got {value!r}); using {default}")
            return default
    if number < 0:
        warn(key, f"{key} must not be negative (got {number}); using {default}")
        return default
    return number


def read_settings(meta: dict[str, Any], warn: Warn, base: DeckSettings | None = None) -> DeckSettings:
    """The study settings of a deck's frontmatter; a key that is absent keeps ``base``'s value (the defaults)."""
    defaults = base or DeckSettings()
    new_per_day = _int_setting(meta, "new_per_day", defaults.new_per_day, warn)
    reviews_per_day = _int_setting(meta, "reviews_per_day", defaults.reviews_per_day, warn)
    retention = defaults.desired_retention
    raw = meta.get("desired_retention")
    if raw is not None:
        try:
            value = float(raw) if not isinstance(raw, bool) else float("nan")
        except (TypeError, ValueError):
            value = float("nan")
        if RETENTION_RANGE[0] <= value <= RETENTION_RANGE[1]:
            retention = value
        else:
            low, high = RETENTION_RANGE
            warn(
                "desired_retention",
                f"desired_retention must be between {low} and {high}, like 0.9 (got {raw!r}); "
                f"using {defaults.desired_retention}",
            )
    exam: date | None = defaults.exam_date
    raw = meta.get("exam_date", "missing")
    if raw is None or raw == "":
        exam = None
    elif raw != "missing":
        got = meta_date(raw)
        if isinstance(got, str):
            warn("exam_date", f"exam_date {raw!r} is not a date like 2026-12-12; ignored")
        else:
            exam = got
    rollover = _int_setting(meta, "rollover_hour", defaults.rollover_hour, warn)
    if rollover > 23:
        warn(
            "rollover_hour",
            f"rollover_hour must be an hour from 0 to 23 (got {rollover}); using {defaults.rollover_hour}",
        )
        rollover = defaults.rollover_hour
    skip = defaults.skip_sections
    if "skip_sections" in meta:
        skip = meta_tags(meta.get("skip_sections"))
    reverse = defaults.reverse
    raw = meta.get("reverse")
    if raw is not None:
        if isinstance(raw, bool):
            reverse = raw
        else:
            warn("reverse", f"reverse must be true or false (got {raw!r}); using {str(defaults.reverse).lower()}")
    return DeckSettings(new_per_day, reviews_per_day, retention, exam, rollover, skip, reverse)


def parse_deck(text: str, path: Path, notes: list[Note] | None = None, *, key: str | None = None) -> Deck:
    """Read a deck file. ``notes`` (when given) are filtered into ``deck.notes`` and ``deck.cards``."""
    text = normalise_newlines(text)
    front = split_frontmatter(text, path)
    meta = front.meta
    warnings = list(front.warnings)

    def warn(field: str, message: str) -> None:
        warnings.append(ParseWarning(path, message, key_line(text, field, front.offset)))

    deck_key = key or path.stem
    title = meta_text(meta.get("title")) or strip_controls(path.stem)

    include_raw = meta.get("include")
    include: tuple[str, ...] = EVERY_NOTE
    if isinstance(include_raw, str) and include_raw.strip():
        include = (include_raw.strip(),)
    elif isinstance(include_raw, (list, tuple)):
        pats = tuple(t for t in (meta_text(p) for p in include_raw) if t)
        if pats:
            include = pats
        else:
            warn("include", "include holds no patterns; using every note")
    elif include_raw is not None:
        warn("include", f"include must be a glob or a list of globs (got {include_raw!r}); using every note")

    settings = read_settings(meta, warn)

    deck = Deck(
        key=deck_key,
        title=title,
        path=path,
        include=include,
        tags=meta_tags(meta.get("tags")),
        settings=settings,
        warnings=warnings,
    )
    deck.own_cards = _own_cards(deck, front.body, front.offset)
    if notes is not None:
        select_notes(deck, notes)
        if notes and not deck.notes:
            what = "include" if include_raw is not None or not deck.tags else "tags"
            warn(what, f"{what} selects none of the {len(notes)} notes; the deck holds only its own cards")
    else:
        deck.cards = list(deck.own_cards)
    return deck


def _own_cards(deck: Deck, body: str, offset: int) -> list[Card]:
    if "::" not in body and "?" not in body:
        return []
    from devday_tui.core.cards.blocks import opaque_lines

    lines = body.split("\n")
    found, _used = scan_explicit(lines, opaque_lines(body))
    note_key = f"deck:{deck.key}"
    section = ids.section_id(note_key, ())
    seen: dict[str, int] = {}
    cards: list[Card] = []
    for ex in found:
        if ex.property:
            continue
        pairs = [(ex.front, ex.back)] + ([(ex.back, ex.front)] if ex.reversed else [])
        for front, back in pairs:
            norm = normalise(front)
            n = seen.get(norm, 0)
            seen[norm] = n + 1
            cards.append(
                Card(
                    id=ids.card_id(note_key, (), "explicit", front, n),
                    kind="explicit",
                    front=front,
                    back=back,
                    context=(deck.title,),
                    note_key=note_key,
                    note_title=deck.title,
                    path=deck.path or Path(deck.key),
                    line=offset + ex.first + 1,
                    section_id=section,
                )
            )
    return cards
