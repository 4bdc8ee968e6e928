"""The domain model: notes, sections, cards, decks and the warnings met while reading them.

Everything here is plain data. Nothing imports Textual or TinyDB, and nothing reads a clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator, Union

#: The kinds of card the parser makes. The names are part of the JSON output and the README.
CARD_KINDS: tuple[str, ...] = ("definition", "list", "label-list", "sequence", "cloze", "explicit")

#: Kinds whose back is a list of items rather than a string.
LIST_KINDS: frozenset[str] = frozenset({"list", "label-list", "sequence"})

#: What a hidden cloze part looks like on the front of a card.
CLOZE_BLANK = "［…］"

# The file names read as notes: ``.md``, and ``.markdown`` as Jekyll and some editors name them.
NOTE_SUFFIXES = (".md", ".markdown")
# A deck with no ``include`` takes every note, whichever of the suffixes it has.
EVERY_NOTE = tuple(f"**/*{s}" for s in NOTE_SUFFIXES)


def is_note_name(name: str) -> bool:
    """Whether a file called ``name`` is read as a note (by its suffix, in any case)."""
    return name.lower().endswith(NOTE_SUFFIXES)


#: Why a section counts as work in progress, with the words shown to a person.
WIP_REASONS: dict[str, str] = {
    "note-tagged": "note tagged WIP",
    "empty": "empty section",
    "thin": "thin section",
    "marker": "TODO marker",
}


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something wrong with an input file. It never stops the rest from loading."""

    path: Path
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"

    def __reduce__(
        self,
    ) -> tuple[
        type[ParseWarning], tuple[object, ...]
    ]:  # pickled by the parse cache: positional, much faster than the dataclass default
        return (ParseWarning, (self.path, self.message, self.line))


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a list card's back. Nested bullets stay nested."""

    text: str
    children: tuple["Item", ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "children": [c.to_json() for c in self.children]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Item":
        return cls(data["text"], tuple(cls.from_json(c) for c in data.get("children", ())))

    def __reduce__(self) -> tuple[Callable[..., Item], tuple[object, ...]]:
        return (new_item, (self.text, self.children))


Back = Union[str, tuple[Item, ...]]


@dataclass(frozen=True, slots=True)
class Card:
    """A flashcard made from a note.

    ``front`` and ``back`` are plain text (Markdown emphasis removed). For a cloze card the front holds
    one ``CLOZE_BLANK`` for each hidden part, ``answers`` holds the hidden parts in order and the back is the
    whole sentence. For list kinds the back is a tuple of ``Item``. ``lines`` cites every line a back joined from
    several places was taken from (a term defined twice in a note), ``line`` first; empty for the rest.
    """

    id: str
    kind: str
    front: str
    back: Back
    context: tuple[str, ...]
    note_key: str
    note_title: str
    path: Path
    line: int
    section_id: str
    answers: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()

    @property
    def line_label(self) -> str:
        """The line the card comes from, or every line of a back joined from several places (``26, 85``)."""
        return ", ".join(map(str, self.lines)) if self.lines else str(self.line)

    @property
    def breadcrumb(self) -> str:
        return " › ".join(self.context)

    @property
    def back_text(self) -> str:
        """The back as one string, list items one per line and indented by depth."""
        if isinstance(self.back, str):
            return self.back
        return "\n".join(items_to_lines(self.back))

    def to_json(self) -> dict[str, Any]:
        back = self.back if isinstance(self.back, str) else [i.to_json() for i in self.back]
        return {
            "id": self.id,
            "kind": self.kind,
            "front": self.front,
            "back": back,
            "answers": list(self.answers),
            "context": list(self.context),
            "note": self.note_title,
            "note_key": self.note_key,
            "path": str(self.path),
            "line": self.line,
            **({"lines": list(self.lines)} if self.lines else {}),
            "section_id": self.section_id,
        }

    def __reduce__(self) -> tuple[Callable[..., Card], tuple[object, ...]]:
        return (
            new_card,
            (
                self.id,
                self.kind,
                self.front,
                self.back,
                self.context,
                self.note_key,
                self.note_title,
                self.path,
                self.line,
                self.section_id,
                self.answers,
                self.lines,
            ),
        )


def items_to_lines(items: tuple[Item, ...], depth: int = 0, numbered: bool = False) -> list[str]:
    lines: list[str] = []
    for n, item in enumerate(items, 1):
        mark = f"{n}." if numbered else "-"
        lines.append(f"{'  ' * depth}{mark} {item.text}")
        lines.extend(items_to_lines(item.children, depth + 1, numbered=False))
    return lines


@dataclass(frozen=True, slots=True)
class Block:
    """One top-level block of a section's own body: a paragraph, a list, a code block, a table…"""

    kind: str
    line: int
    end_line: int
    text: str

    def __reduce__(self) -> tuple[Callable[..., Block], tuple[object, ...]]:
        return (new_block, (self.kind, self.line, self.end_line, self.text))


@dataclass(slots=True)
class Section:
    """A heading and what belongs to it.

    ``start_line`` and ``end_line`` are 1-based lines of the file, counting the frontmatter: the heading line
    and the last non-blank line of the section's own body (before the next heading of any level). ``source`` is
    the Markdown of those lines: the heading and its own body, without the sub-sections. ``blocks`` are the
    top-level blocks of that body; their kinds are ``paragraph``, ``bullet_list``, ``ordered_list``,
    ``blockquote``, ``code``, ``html``, ``table`` (a pipe table) and ``hr``. Text before a note's first heading
    forms a section of level 0 named after the note.
    """

    id: str
    heading: str
    level: int
    breadcrumb: tuple[str, ...]
    start_line: int
    end_line: int
    source: str = ""
    blocks: tuple[Block, ...] = ()
    children: list["Section"] = field(default_factory=list)
    wip_reasons: tuple[str, ...] = ()
    card_ids: tuple[str, ...] = ()

    @property
    def is_wip(self) -> bool:
        return bool(self.wip_reasons)

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def __reduce__(self) -> tuple[type[Section], tuple[object, ...]]:
        return (
            Section,
            (
                self.id,
                self.heading,
                self.level,
                self.breadcrumb,
                self.start_line,
                self.end_line,
                self.source,
                self.blocks,
                self.children,
                self.wip_reasons,
                self.card_ids,
            ),
        )


@dataclass(slots=True)
class Note:
    """One Markdown file.

    ``key`` is the frontmatter ``id``, else the path relative to its notes folder (``/``-separated); card and
    section ids are made from it. ``rel`` is always that relative path (deck ``include`` globs match it).
    """

    path: Path
    key: str
    title: str
    date: date | None = None
    tags: tuple[str, ...] = ()
    sections: list[Section] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    draft: bool = False
    rel: str = ""

    def walk(self) -> Iterator[Section]:
        """Every section, depth first, in file order."""
        for section in self.sections:
            yield from section.walk()

    @property
    def wip_sections(self) -> list[Section]:
        return [s for s in self.walk() if s.is_wip]

    def __reduce__(self) -> tuple[type[Note], tuple[object, ...]]:
        return (
            Note,
            (
                self.path,
                self.key,
                self.title,
                self.date,
                self.tags,
                self.sections,
                self.cards,
                self.warnings,
                self.draft,
                self.rel,
            ),
        )


@dataclass(frozen=True, slots=True)
class DeckSettings:
    new_per_day: int = 20
    reviews_per_day: int = 200
    desired_retention: float = 0.9
    exam_date: date | None = None
    #: The hour (local time) a study day starts.
    rollover_hour: int = 4
    #: Headings whose sections make no cards in this deck (matched ignoring case and full-width forms).
    skip_sections: tuple[str, ...] = ()
    #: Whether each definition card also comes reversed (definition → term).
    reverse: bool = False


@dataclass(slots=True)
class Deck:
    """A named selection of notes, with its own study settings.

    A deck file is Markdown with frontmatter in ``decks/``. With no deck file, every note forms one deck.
    ``cards`` holds the cards of its notes, then ``own_cards``: the explicit cards written in the deck file.
    """

    key: str
    title: str
    path: Path | None
    include: tuple[str, ...] = EVERY_NOTE
    tags: tuple[str, ...] = ()
    settings: DeckSettings = DeckSettings()
    notes: list[Note] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    own_cards: list[Card] = field(default_factory=list)


def _positional(cls: type, name: str) -> Callable[..., Any]:
    """A function ``name(*every field)`` making a ``cls``, a frozen slotted dataclass, without calling its
    ``__init__``: that one sets each field through ``object.__setattr__`` (it is frozen), up to twice as slow as
    setting the slot itself. For the cards, items and blocks the parser makes and the parse cache reads back,
    thousands a load."""
    names = [f.name for f in fields(cls)]
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    scope.update((f"_set_{n}", getattr(cls, n).__set__) for n in names)
    sets = "".join(f"    _set_{n}(obj, {n})\n" for n in names)
    exec(f"def {name}({', '.join(names)}):\n    obj = _new(_cls)\n{sets}    return obj\n", scope)
    made = scope[name]
    made.__module__ = __name__  # pickled by name, as the classes are
    return made  # type: ignore[no-any-return]


#: ``Card(...)``, ``Item(...)``, ``Block(...)`` with every field given, in order: the same object, made faster.
new_card: Callable[..., Card] = _positional(Card, "new_card")
new_item: Callable[..., Item] = _positional(Item, "new_item")
new_block: Callable[..., Block] = _positional(Block, "new_block")
