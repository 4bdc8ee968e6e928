"""The loaded notes and decks, with look-ups by card, section and path."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from devday_tui.core.decks import all_notes_deck, other_notes_deck, parse_deck
from devday_tui.core.model import Card, Deck, Note, ParseWarning, Section
from devday_tui.core.parser import parse_note
from devday_tui.core.variants import split_cloze
from devday_tui.library.paths import resolve
from devday_tui.library.reading import id_line, read_text


@dataclass
class Library:
    notes: list[Note] = field(default_factory=list)
    decks: list[Deck] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    #: The folders and files given.
    roots: list[Path] = field(default_factory=list)
    #: Where a new note goes: the first notes folder given (never a decks folder).
    notes_dir: Path | None = None
    cache_dir: Path | None = field(default=None, repr=False)
    _deck_files: list[Path] = field(default_factory=list, repr=False)
    _file_warnings: dict[Path, list[ParseWarning]] = field(default_factory=dict, repr=False)
    _index: dict | None = field(default=None, repr=False, compare=False)
    _paths: dict[Path, Note] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(
        cls,
        notes: list[Note],
        deck_texts: list[tuple[Path, str]],
        *,
        roots: list[Path],
        notes_dir: Path | None,
        cache_dir: Path | None,
        file_warnings: dict[Path, list[ParseWarning]],
        paths: dict[Path, Note] | None = None,
    ) -> Library:
        """A library of ``notes`` and the decks read from ``deck_texts`` (path, normalised text); problems of
        files that did not load are in ``file_warnings``."""
        lib = cls(
            notes=notes,
            roots=roots,
            notes_dir=notes_dir,
            cache_dir=cache_dir,
            _deck_files=[p for p, _ in deck_texts],
            _file_warnings=file_warnings,
            _paths=paths,
        )
        lib._unique_keys()
        lib._read_decks(deck_texts)
        return lib

    # --- reading it ---------------------------------------------------------------------------------------

    @property
    def cards(self) -> list[Card]:
        """Every card: notes in order, then the cards the decks add (their own, cloze blanks, reverses); each id once."""
        return list(self._idx()["cards"].values())

    def card(self, card_id: str) -> Card | None:
        return self._idx()["cards"].get(card_id)

    def section(self, section_id: str) -> tuple[Note, Section] | None:
        index = self._idx()
        sections = index.get("sections")
        if sections is None:  # made on first use: listing the cards does not need it
            sections = index["sections"] = {s.id: (n, s) for n in self.notes for s in n.walk()}
        return sections.get(section_id)

    def note_for(self, path: Path) -> Note | None:
        return self._by_real().get(resolve(Path(path)))

    def deck(self, key: str) -> Deck | None:
        return next((d for d in self.decks if d.key == key), None)

    @property
    def deck_files(self) -> tuple[Path, ...]:
        return tuple(self._deck_files)

    @property
    def file_warnings(self) -> Mapping[Path, list[ParseWarning]]:
        """Problems of files that did not load as notes, by path (a read-only view)."""
        return dict(self._file_warnings)

    def notes_by_real_path(self) -> dict[Path, Note]:
        """A copy of the notes by resolved path (kept from one reload to the next)."""
        return dict(self._by_real())

    def _idx(self) -> dict:
        if self._index is None:
            cards: dict[str, Card] = {}
            for note in self.notes:  # a cloze of several blanks is one card a blank, as every deck studies it
                for c in note.cards:
                    for blank in split_cloze(c):
                        cards.setdefault(blank.id, blank)
            for deck in self.decks:  # a deck's own cards, and the cards it derives (cloze blanks, reverses)
                for c in deck.cards:
                    cards.setdefault(c.id, c)
            self._index = {"cards": cards}
        return self._index

    def _by_real(self) -> dict[Path, Note]:
        if self._paths is None:
            self._paths = {resolve(n.path): n for n in self.notes}
        return self._paths

    # --- building it ----------------------------------------------------------------------------------------

    def _unique_keys(self) -> None:
        """Two notes with one key would share card ids, and so progress. A later note whose frontmatter ``id``
        is already taken is read again keyed by its path, with a warning."""
        owner: dict[str, Note] = {}
        for i, note in enumerate(self.notes):
            first = owner.get(note.key)
            if first is None:
                owner[note.key] = note
                continue
            if note.key == note.rel:  # the path is the key already: the other note's id took it
                first, note = note, first
                i = self.notes.index(note)
            text, _problems = read_text(note.path)
            if text is None:
                continue
            again = parse_note(text, note.path, note.rel, rel=note.rel, use_id=False)
            again.warnings.append(
                ParseWarning(
                    note.path,
                    f"id {note.key!r} is also the key of {first.path}; this note is keyed by its path {note.rel!r}",
                    id_line(text),
                )
            )
            self.notes[i] = again
            if self._paths is not None:
                self._paths[resolve(again.path)] = again
            owner[again.key] = again
            owner[note.key] = first

    def _read_decks(self, deck_texts: list[tuple[Path, str]]) -> None:
        decks: list[Deck] = []
        keys: set[str] = set()
        for path, text in deck_texts:
            key = path.stem
            n = 2
            while key in keys:  # two deck files with one name in different folders
                key = f"{path.stem}-{n}"
                n += 1
            keys.add(key)
            try:
                deck = parse_deck(text, path, self.notes, key=key)
            except Exception as exc:
                self._file_warnings.setdefault(path, []).append(
                    ParseWarning(path, f"deck could not be read ({type(exc).__name__}: {exc}); skipped")
                )
                continue
            decks.append(deck)
        self.decks = decks or [all_notes_deck(self.notes)]
        if decks and (other := other_notes_deck(self.notes, decks)) is not None:
            self.decks.append(other)  # notes no deck includes are listed too, never invisible
        from devday_tui.deck_options_files import apply_saved

        for deck in self.decks:  # options saved outside a read-only deck file, or for "All notes"
            apply_saved(deck, self.notes)
        out: list[ParseWarning] = []
        for ws in self._file_warnings.values():
            out.extend(ws)
        for note in self.notes:
            out.extend(note.warnings)
        for deck in self.decks:
            out.extend(deck.warnings)
        self.warnings = out
        self._index = None
