"""Anki packages (``.apkg``) with genanki.

- One Anki deck per devday deck, with a deck id derived from the deck key, so it is the same deck every time.
- Two note types of our own, with ids that never change: *devday-tui Basic* (Front, Back, Context, Source,
  My note) and *devday-tui Cloze* (Text, Back Extra, Context, Source, My note). "My note" is the personal note
  kept in the progress; the back shows it. Cloze cards use Anki's ``{{c1::…}}`` syntax, every
  blank of a card in the same ``c1`` so that one devday card is one Anki card. List cards are Basic notes whose
  back is an HTML list (numbered for sequences).
- Each note's GUID is the card's stable id: importing a new export after editing a note updates the notes
  already in Anki instead of adding copies.
- Tags: the note's frontmatter tags and the deck's tags, the deck as ``deck::Title``, and the section path as one
  hierarchical tag (``Note::Section::Sub``). Anki tags cannot hold spaces, so runs of white space become ``_``.
- Scheduling: genanki writes every card as new; its only scheduling choice is suspending a card, so a card
  suspended here is suspended in Anki too. Due dates, intervals and the review history stay here (genanki has no
  way to write them; see the README).
- Note text is escaped for HTML; line breaks become ``<br>``.

A card that belongs to several decks is written once, in the first deck that holds it (a GUID can only be in
one place in Anki).
"""

from __future__ import annotations

import hashlib
import html
import itertools
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Collection, Mapping, Sequence

import genanki

from devday_tui.atomic import write_atomic
from devday_tui.core.model import CLOZE_BLANK, LIST_KINDS, Card, Deck, Item, Note
from devday_tui.core.text import one_line, strip_controls
from devday_tui.export.errors import ExportError

_CSS = """\
.card { font-family: "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif; font-size: 20px;
  text-align: left; color: black; background-color: white; line-height: 1.5; }
.context { font-size: 13px; color: #666; margin-bottom: 0.8em; }
.source { font-size: 11px; color: #999; margin-top: 1.2em; }
.cloze { font-weight: bold; color: #1a5fb4; }
.nightMode .cloze { color: #8cc4ff; }
.nightMode .context, .nightMode .source { color: #aaa; }
.mynote { font-size: 15px; margin-top: 1em; padding: 0.4em 0.6em; border-left: 3px solid #e5a50a; }
"""

_MY_NOTE = '{{#My note}}<div class="mynote">{{My note}}</div>{{/My note}}'


def _stable_id(text: str) -> int:
    """An id in Anki's usual range [2^30, 2^31), the same for the same text on every machine."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def anki_deck_id(deck_key: str) -> int:
    return _stable_id(f"devday-tui deck {deck_key}")


# The "v2" note types add the "My note" field (a note type's fields are fixed for its id in Anki).
BASIC_MODEL = genanki.Model(
    _stable_id("devday-tui model basic v2"),
    "devday-tui Basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Context"}, {"name": "Source"}, {"name": "My note"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": '{{#Context}}<div class="context">{{Context}}</div>{{/Context}}{{Front}}',
            "afmt": "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"
            + _MY_NOTE
            + '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}',
        }
    ],
    css=_CSS,
)

CLOZE_MODEL = genanki.Model(
    _stable_id("devday-tui model cloze v2"),
    "devday-tui Cloze",
    model_type=genanki.Model.CLOZE,
    fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "Context"}, {"name": "Source"}, {"name": "My note"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": '{{#Context}}<div class="context">{{Context}}</div>{{/Context}}{{cloze:Text}}',
            "afmt": '{{#Context}}<div class="context">{{Context}}</div>{{/Context}}{{cloze:Text}}'
            "<br>\n{{Back Extra}}" + _MY_NOTE + '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}',
        }
    ],
    css=_CSS,
)


# --------------------------------------------------------------------------------------------------- fields


def _html(text: str) -> str:
    """Note text as HTML: escaped, control characters dropped, line breaks as ``<br>``."""
    return html.escape(strip_controls(text), quote=False).replace("\r\n", "\n").replace("\n", "<br>")


def _cloze_safe(text: str) -> str:
    """Escaped text that Anki's cloze parser will not read as ``{{c1::…}}`` or a hint separator."""
    return _html(text).replace("{", "&#123;").replace("}", "&#125;")


def _html_list(items: Sequence[Item], numbered: bool) -> str:
    tag = "ol" if numbered else "ul"
    parts = [f"<{tag}>"]
    for item in items:
        parts.append(f"<li>{_html(item.text)}")
        if item.children:
            parts.append(_html_list(item.children, numbered=False))
        parts.append("</li>")
    parts.append(f"</{tag}>")
    return "".join(parts)


def cloze_text(card: Card) -> str | None:
    """The card's front in Anki cloze syntax, or None when its blanks and answers do not line up."""
    pieces = card.front.split(CLOZE_BLANK)
    if len(pieces) - 1 != len(card.answers) or not card.answers:
        return None
    out = [_cloze_safe(pieces[0])]
    for answer, rest in zip(card.answers, pieces[1:]):
        hidden = _cloze_safe(answer).replace(":", "&#58;")
        out.append("{{c1::" + hidden + "}}")
        out.append(_cloze_safe(rest))
    return "".join(out)


_SPACES = re.compile(r"\s+")


def anki_tag(text: str) -> str:
    """One tag component: no control characters, white space runs as ``_``, no ``::`` inside it."""
    return _SPACES.sub("_", strip_controls(text).strip()).replace("::", ":").strip(":")


def card_tags(card: Card, note: Note | None, deck: Deck | None = None) -> list[str]:
    tags: list[str] = []
    extra = deck.tags if deck is not None else ()
    for tag in (*(note.tags if note is not None else ()), *extra):
        t = anki_tag(str(tag))
        if t and t not in tags:
            tags.append(t)
    if deck is not None and (title := anki_tag(deck.title) or anki_tag(deck.key)):
        tags.append(f"deck::{title}")
    path = [anki_tag(part) for part in card.context]
    path = [p for p in path if p]
    if path:
        section = "::".join(path)
        if section not in tags:
            tags.append(section)
    return tags


def _source(card: Card) -> str:
    return _html(f"{card.path.name}:{card.line}")


def anki_note(
    card: Card, note: Note | None, deck: Deck | None = None, *, my_note: str = "", suspended: bool = False
) -> genanki.Note:
    """The Anki note for ``card``: its GUID is the card id; ``suspended`` suspends its card in Anki."""
    context = _html(card.breadcrumb)
    tags = card_tags(card, note, deck)
    mine = _html(my_note)
    made: genanki.Note | None = None
    if card.kind == "cloze":
        text = cloze_text(card)
        if text is not None:
            made = genanki.Note(
                model=CLOZE_MODEL, fields=[text, "", context, _source(card), mine], tags=tags, guid=card.id
            )
    if made is None:
        if card.kind in LIST_KINDS and isinstance(card.back, tuple):
            back = _html_list(card.back, numbered=card.kind == "sequence")
        else:
            back = _html(card.back_text)
        made = genanki.Note(
            model=BASIC_MODEL,
            fields=[_html(card.front), back, context, _source(card), mine],
            tags=tags,
            guid=card.id,
        )
    if suspended:
        for anki_card in made.cards:
            anki_card.suspend = True
    return made


# -------------------------------------------------------------------------------------------------- package


@dataclass(slots=True)
class ApkgSummary:
    """What an export wrote: (deck title, notes) per Anki deck, and what it left out."""

    decks: list[tuple[str, int]] = field(default_factory=list)
    empty_decks: list[str] = field(default_factory=list)
    duplicates: int = 0

    @property
    def notes(self) -> int:
        return sum(n for _, n in self.decks)


def build_package(
    decks: Sequence[Deck],
    annotations: Mapping[str, str] | None = None,
    suspended: Collection[str] = (),
) -> tuple[genanki.Package, ApkgSummary]:
    """An Anki package of ``decks``, with each card's personal note (``annotations``) and the ``suspended`` cards
    suspended. Raises :class:`ExportError` when there is no card at all to write."""
    annotations = annotations or {}
    suspended = set(suspended)
    summary = ApkgSummary()
    anki_decks: list[genanki.Deck] = []
    seen: set[str] = set()
    for deck in decks:
        title = one_line(deck.title) or deck.key
        notes = {n.key: n for n in deck.notes}
        anki_deck = genanki.Deck(anki_deck_id(deck.key), title)
        for card in deck.cards:
            if card.id in seen:
                summary.duplicates += 1
                continue
            seen.add(card.id)
            anki_deck.add_note(
                anki_note(
                    card,
                    notes.get(card.note_key),
                    deck,
                    my_note=annotations.get(card.id, ""),
                    suspended=card.id in suspended,
                )
            )
        if anki_deck.notes:
            anki_deck.add_model(BASIC_MODEL)
            anki_deck.add_model(CLOZE_MODEL)
            anki_decks.append(anki_deck)
            summary.decks.append((title, len(anki_deck.notes)))
        elif not deck.cards:
            summary.empty_decks.append(title)
    if not anki_decks:
        if len(decks) == 1:
            title = one_line(decks[0].title) or decks[0].key
            raise ExportError(f"nothing to export: the deck {title!r} has no cards")
        raise ExportError("nothing to export: no deck has any cards")
    return genanki.Package(anki_decks), summary


def _write_package(package: genanki.Package, out: BinaryIO, timestamp: float) -> None:
    with tempfile.TemporaryDirectory(prefix="devday-tui-apkg-") as tmp:
        db_path = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db_path)
        try:
            cursor = conn.cursor()
            package.write_to_db(cursor, timestamp, itertools.count(int(timestamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(db_path, "collection.anki2")
            archive.writestr("media", "{}")


def write_apkg(
    decks: Sequence[Deck],
    path: Path,
    *,
    now: datetime,
    annotations: Mapping[str, str] | None = None,
    suspended: Collection[str] = (),
) -> ApkgSummary:
    """Write ``decks`` to the Anki package ``path``; ``now`` stamps the notes so that Anki sees them as newer."""
    package, summary = build_package(decks, annotations, suspended)
    try:
        write_atomic(path, lambda out: _write_package(package, out, now.timestamp()), ExportError.cannot_write)
    except sqlite3.Error as exc:
        raise ExportError(f"cannot write {path}: {exc}") from exc
    return summary
