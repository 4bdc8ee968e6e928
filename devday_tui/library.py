"""The notes on disk: finding them, reading them, caching their parse, and the decks over them.

This is the file-system side of the parser (``devday_tui.core`` does no I/O). ``load_library`` never raises on
bad input: every file it cannot use becomes a ``ParseWarning`` naming the file, and the rest loads.

The parse cache lives in the user cache directory (never beside the notes). Each entry is keyed by a hash of the
file's bytes, its path and the parser version, so an edited file, a moved file or a new devday-tui each miss the
cache and are parsed again.
"""

from __future__ import annotations

import copyreg
import gc
import io
import json
import os
import pickle
import re
import shutil
import stat
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path
from typing import Sequence

import platformdirs

from devday_tui.core.decks import all_notes_deck, parse_deck
from devday_tui.core.frontmatter import normalise_newlines, split_frontmatter
from devday_tui.core.model import Card, Deck, Note, ParseWarning, Section
from devday_tui.core.parser import PARSER_VERSION, parse_note

APP_NAME = "devday-tui"
#: Bump when the layout of a cache entry changes.
CACHE_FORMAT = 1
DECKS_FOLDER = "decks"
_PACKAGE_DIR = Path(__file__).resolve().parent
SAMPLE_NOTES = _PACKAGE_DIR / "sample" / "notes"
SAMPLE_DECKS = _PACKAGE_DIR / "sample" / "decks"


# --- where the notes are ---------------------------------------------------------------------------------------


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


# --- the library ---------------------------------------------------------------------------------------------


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

    @property
    def cards(self) -> list[Card]:
        """Every card: notes in order, then the cards the decks add (their own, cloze blanks, reverses); each id
        once (a cloze's first blank has its id, and is listed as its note made it)."""
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
        return self._by_real().get(_resolve(Path(path)))

    def deck(self, key: str) -> Deck | None:
        return next((d for d in self.decks if d.key == key), None)

    def _idx(self) -> dict:
        if self._index is None:
            cards: dict[str, Card] = {}
            for note in self.notes:
                for c in note.cards:
                    cards.setdefault(c.id, c)
            for deck in self.decks:  # a deck's own cards, and the cards it derives (cloze blanks, reverses)
                for c in deck.cards:
                    cards.setdefault(c.id, c)
            self._index = {"cards": cards}
        return self._index

    def _by_real(self) -> dict[Path, Note]:
        """Notes by their resolved path, made on first use and carried from one reload to the next."""
        if self._paths is None:
            self._paths = {_resolve(n.path): n for n in self.notes}
        return self._paths


def _resolve(p: Path) -> Path:
    try:
        return p.resolve()
    except (OSError, RuntimeError):
        return p.absolute()


# --- finding files ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    path: Path
    root: Path
    rel: str
    in_decks: bool


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name in ("__pycache__", "node_modules")


def _discover(paths: Sequence[Path], warnings: list[ParseWarning]) -> list[_Source]:
    found: list[_Source] = []
    seen: set[str] = set()
    # One folder cannot list a file twice; with several paths, the same file may come through two of them.
    dedupe = len(paths) > 1

    def add(path: Path, root: Path, rel: str) -> None:
        if dedupe:
            real = os.path.realpath(path)
            if real in seen:
                return
            seen.add(real)
        parts = rel.split("/")[:-1]
        in_decks = root.name == DECKS_FOLDER or DECKS_FOLDER in parts
        found.append(_Source(path, root, rel, in_decks))

    for given in paths:
        given = Path(given)
        if given.is_dir():
            files: list[tuple[str, str]] = []
            top = os.fspath(given)

            def onerror(exc: OSError) -> None:
                warnings.append(ParseWarning(Path(exc.filename or given), f"folder skipped: {exc.strerror or exc}"))

            for dirpath, dirnames, filenames in os.walk(top, onerror=onerror):
                dirnames[:] = sorted(d for d in dirnames if not _is_hidden(d))
                rel_dir = os.path.relpath(dirpath, top)
                prefix = "" if rel_dir == os.curdir else rel_dir.replace(os.sep, "/") + "/"
                for name in filenames:
                    if name.lower().endswith(".md") and not _is_hidden(name):
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
    return [source.path for source in _discover(paths, [])]


# --- reading one file ----------------------------------------------------------------------------------------------

_DECK_HINT_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?:.*\r?\n)*?include[ \t]*:", re.M)


def _decode(data: bytes, path: Path) -> tuple[str | None, ParseWarning | None]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        return None, ParseWarning(path, "binary file, not Markdown text; skipped")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, ParseWarning(
            path, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); skipped", line
        )


#: A note larger than this is not a note anyone wrote: it is skipped rather than read into memory.
MAX_NOTE_BYTES = 64 * 1024 * 1024


class _NotANote(Exception):
    pass


def _read(path: Path) -> bytes:
    """The bytes of a regular file. A FIFO or a device named ``*.md`` is refused without blocking on it."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _NotANote("not a regular file")
        if st.st_size > MAX_NOTE_BYTES:
            raise _NotANote(f"{st.st_size // (1024 * 1024)} MB is too large for a note")
        chunks = []
        while True:
            chunk = os.read(fd, max(st.st_size + 1, 65536))
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _read_checked(path: Path) -> tuple[bytes | None, list[ParseWarning]]:
    """The bytes of ``path``, or None and the warning that says why it is skipped."""
    try:
        return _read(path), []
    except _NotANote as exc:
        return None, [ParseWarning(path, f"{exc}; skipped")]
    except OSError as exc:
        return None, [ParseWarning(path, f"cannot be read: {exc.strerror or exc}; skipped")]


def _cache_key(data: bytes, path: Path, rel: str) -> str:
    h = blake2b(digest_size=20)
    h.update(f"{PARSER_VERSION}\0{CACHE_FORMAT}\0{path}\0{rel}\0".encode("utf-8", "surrogatepass"))
    h.update(data)
    return h.hexdigest()


class _Cache:
    """One pickle file per parsed note, named by the hash of its input."""

    def __init__(self, root: Path | None) -> None:
        self.root = os.path.join(root, f"parse-v{PARSER_VERSION}.{CACHE_FORMAT}") if root is not None else None
        self.ok = self.root is not None
        self._made: set[str] = set()

    def get(self, key: str):
        if not self.ok:
            return None
        try:
            with open(os.path.join(self.root, key[:2], key), "rb") as fh:  # type: ignore[arg-type]
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged entry is a miss; it is written again
            return None

    def put(self, key: str, value) -> memoryview | None:
        """Write ``value`` under ``key``; return the pickled bytes written, or None when nothing was."""
        if not self.ok:
            return None
        folder = os.path.join(self.root, key[:2])  # type: ignore[arg-type]
        tmp = os.path.join(folder, f".{key}.{os.getpid()}.tmp")
        buf = io.BytesIO()
        pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = _CACHE_DISPATCH
        pickler.dump(value)
        data = buf.getbuffer()
        try:
            if folder not in self._made:
                if not self._made:
                    self._sweep()
                os.makedirs(folder, exist_ok=True)
                self._made.add(folder)
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, os.path.join(folder, key))  # readers see the old entry or the new one, never half
        except OSError:
            self.ok = False  # a read-only or full cache folder: carry on without it
            try:
                os.unlink(tmp)
            except OSError:
                pass
            return None
        return data


    def _sweep(self) -> None:
        """Delete the entries of other parser versions, once a process: no one reads them again (a new version
        of devday-tui would otherwise leave a copy of every parsed note behind)."""
        parent, current = os.path.split(self.root)  # type: ignore[arg-type]
        if parent in _SWEPT:
            return
        _SWEPT.add(parent)
        try:
            names = os.listdir(parent)
        except OSError:
            return
        for name in names:
            if name.startswith("parse-v") and name != current:
                shutil.rmtree(os.path.join(parent, name), ignore_errors=True)


_SWEPT: set[str] = set()


def _section_without_source(section: Section):
    """How the cache stores a section: without ``source``, which is a run of lines of the file it has anyway."""
    return (
        Section,
        (
            section.id,
            section.heading,
            section.level,
            section.breadcrumb,
            section.start_line,
            section.end_line,
            "",
            section.blocks,
            section.children,
            section.wip_reasons,
            section.card_ids,
        ),
    )


_CACHE_DISPATCH = {**copyreg.dispatch_table, Section: _section_without_source}


def _restore_sources(note: object, text: str) -> bool:
    """Put back each section's ``source`` from the file text; False if the entry does not fit the text."""
    if not isinstance(note, Note):
        return False
    lines = normalise_newlines(text).split("\n")
    for section in note.walk():
        if not 1 <= section.start_line <= section.end_line <= len(lines):
            return False
        section.source = "\n".join(lines[section.start_line - 1 : section.end_line])
    return True


def _load_file(src: _Source, cache: _Cache) -> tuple[str, object, list[ParseWarning]]:
    """Read one file: ("note", Note, warnings), ("deck", text, warnings) or ("skip", None, warnings)."""
    path = src.path
    data, problems = _read_checked(path)
    if data is None:
        return "skip", None, problems
    key = _cache_key(data, path, src.rel)
    hit = cache.get(key)
    if hit is not None and isinstance(hit, tuple) and len(hit) == 2:
        kind, value = hit
        if kind == "note":
            text, _w = _decode(data, path)
            if text is not None and _restore_sources(value, text):
                return "note", value, []
        elif kind == "deck":
            text, _w = _decode(data, path)
            return "deck", text, []
    text, problem = _decode(data, path)
    if text is None:
        return "skip", None, [problem] if problem else []
    if src.in_decks or _DECK_HINT_RE.match(text[:4096]):
        if src.in_decks or _has_include(text, path):
            cache.put(key, ("deck", None))
            return "deck", text, []
    try:
        note = parse_note(text, path, src.rel, rel=src.rel)
    except Exception as exc:  # never let one note stop the rest; say which file
        return "skip", None, [ParseWarning(path, f"could not be parsed ({type(exc).__name__}: {exc}); skipped")]
    written = cache.put(key, ("note", note))
    if written is not None:
        # Keep the note as the cache gives it back, as a warm load would. Pickling made CPython keep a UTF-8
        # copy inside every non-ASCII string it wrote (it caches the encoding in the str): kept, those copies
        # cost a quarter more memory for the life of the library (Japanese notes are mostly such strings).
        try:
            copy = pickle.loads(written)[1]
        except Exception:  # pragma: no cover - what was just written reads back; if not, keep the original
            return "note", note, []
        finally:
            written.release()
        for section, original in zip(copy.walk(), note.walk()):
            section.source = original.source  # not in the cache entry, and never pickled: no UTF-8 copy
        return "note", copy, []
    return "note", note, []


def _has_include(text: str, path: Path) -> bool:
    return "include" in split_frontmatter(normalise_newlines(text), path).meta


def _cache_allowed(cache_dir: Path, roots: Sequence[Path]) -> bool:
    """The cache never goes inside a notes folder."""
    cache = _resolve(cache_dir)
    for root in roots:
        r = _resolve(Path(root))
        if r.is_dir() and (cache == r or r in cache.parents):
            return False
    return True


# --- loading ------------------------------------------------------------------------------------------------------


def load_library(
    paths: Sequence[Path] = (), *, cache_dir: Path | None = None, use_cache: bool = True
) -> Library:
    """Read notes and decks from ``paths`` (files or folders, read recursively for ``*.md``).

    No paths means :func:`default_paths`. A ``.md`` file in a folder named ``decks``, or whose frontmatter has
    ``include``, is a deck file. With no deck file, every note forms one deck, ``all``.
    """
    # Loading makes many small objects and frees few: the cyclic collector would scan the growing heap over and
    # over for nothing (it more than doubled the load time of 2,000 notes). Nothing here makes cycles.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_library(paths, cache_dir, use_cache)
    finally:
        if gc_was_enabled:
            gc.enable()


def _load_library(paths: Sequence[Path], cache_dir: Path | None, use_cache: bool) -> Library:
    roots = [Path(p) for p in paths] if paths else default_paths()
    if cache_dir is None and use_cache:
        cache_dir = default_cache_dir()
    if cache_dir is not None and use_cache and not _cache_allowed(cache_dir, roots):
        cache_dir = None
    cache = _Cache(cache_dir if use_cache else None)

    warnings: list[ParseWarning] = []
    sources = _discover(roots, warnings)
    file_warnings: dict[Path, list[ParseWarning]] = {}
    for w in warnings:
        file_warnings.setdefault(w.path, []).append(w)
    notes: list[Note] = []
    deck_texts: list[tuple[Path, str]] = []
    for src in sources:
        kind, value, problems = _load_file(src, cache)
        if problems:
            file_warnings.setdefault(src.path, []).extend(problems)
        if kind == "note":
            notes.append(value)  # type: ignore[arg-type]
        elif kind == "deck" and value is not None:
            deck_texts.append((src.path, value))  # type: ignore[arg-type]

    lib = Library(
        notes=notes,
        roots=roots,
        notes_dir=_notes_dir(roots, notes),
        cache_dir=cache_dir,
        _deck_files=[p for p, _ in deck_texts],
        _file_warnings=file_warnings,
    )
    _build_decks(lib, deck_texts)
    return lib


def _notes_dir(roots: Sequence[Path], notes: list[Note]) -> Path | None:
    for r in roots:
        if r.is_dir() and r.name != DECKS_FOLDER:
            return r
    for n in notes:
        return n.path.parent
    return None


def _unique_keys(lib: Library) -> None:
    """Two notes with one key would share card ids, and so progress. A later note whose frontmatter ``id`` is
    already taken is read again keyed by its path, with a warning."""
    owner: dict[str, Note] = {}
    for i, note in enumerate(lib.notes):
        first = owner.get(note.key)
        if first is None:
            owner[note.key] = note
            continue
        if note.key == note.rel:  # the path is the key already: the other note's id took it
            first, note = note, first
            i = lib.notes.index(note)
        data, _ = _read_checked(note.path)
        text = _decode(data, note.path)[0] if data is not None else None
        if text is None:
            continue
        again = parse_note(text, note.path, note.rel, rel=note.rel, use_id=False)
        again.warnings.append(
            ParseWarning(
                note.path,
                f"id {note.key!r} is also the key of {first.path}; this note is keyed by its path {note.rel!r}",
                _id_line(text),
            )
        )
        lib.notes[i] = again
        if lib._paths is not None:
            lib._paths[_resolve(again.path)] = again
        owner[again.key] = again
        owner[note.key] = first


def _id_line(text: str) -> int | None:
    m = re.search(r"^id\s*:", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _build_decks(lib: Library, deck_texts: list[tuple[Path, str]]) -> None:
    _unique_keys(lib)
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
            deck = parse_deck(text, path, lib.notes, key=key)
        except Exception as exc:
            lib._file_warnings.setdefault(path, []).append(
                ParseWarning(path, f"deck could not be read ({type(exc).__name__}: {exc}); skipped")
            )
            continue
        decks.append(deck)
    lib.decks = decks or [all_notes_deck(lib.notes)]
    from devday_tui.deck_options_files import apply_saved

    for deck in lib.decks:  # options saved outside a read-only deck file, or for "All notes"
        apply_saved(deck, lib.notes)
    _collect_warnings(lib)
    lib._index = None


def _collect_warnings(lib: Library) -> None:
    out: list[ParseWarning] = []
    for ws in lib._file_warnings.values():
        out.extend(ws)
    for note in lib.notes:
        out.extend(note.warnings)
    for deck in lib.decks:
        out.extend(deck.warnings)
    lib.warnings = out


def _root_for(lib: Library, path: Path) -> tuple[Path, str]:
    real = _resolve(path)
    for root in lib.roots:
        r = _resolve(root)
        if r.is_dir() and r in real.parents:
            return root, real.relative_to(r).as_posix()
    return path.parent, path.name


def reload_note(library: Library, path: Path) -> Library:
    """Read one changed, new or deleted file again and return the updated library.

    Used after ``$EDITOR`` and by the file watcher. A deck file re-reads the decks; a note replaces its old
    parse (or goes, if deleted) and the decks are filled again. A file the library would not have read (hidden,
    not ``.md``) changes nothing. The library given is left as it was.
    """
    path = Path(path)
    real = _resolve(path)
    root, rel = _root_for(library, path)
    if any(r is root for r in library.roots):
        path = root / rel  # the same form of path as the notes loaded with the library
    parts = rel.split("/")
    readable = path.suffix.lower() == ".md" and not any(_is_hidden(part) for part in parts)
    by_real = dict(library._by_real())
    old = by_real.pop(real, None)
    if old is None and not readable and real not in {_resolve(p) for p in library._deck_files}:
        return library
    in_decks = root.name == DECKS_FOLDER or DECKS_FOLDER in parts[:-1]
    src = _Source(path, root, rel, in_decks)
    notes = [n for n in library.notes if n is not old]
    file_warnings = {p: ws for p, ws in library._file_warnings.items() if _resolve(p) != real}
    deck_files = [p for p in library._deck_files if _resolve(p) != real]

    if readable and os.path.lexists(path):
        kind, value, problems = _load_file(src, _Cache(library.cache_dir))
        if problems:
            file_warnings[path] = problems
        if kind == "note":
            note: Note = value  # type: ignore[assignment]
            by_real[real] = note
            if old is not None:
                notes.insert(library.notes.index(old), note)
            else:
                notes.append(note)
                order = {id(n): i for i, n in enumerate(notes)}
                notes.sort(key=lambda n: (_root_index(library, n.path), n.rel, order[id(n)]))
        elif kind == "deck":
            deck_files.append(path)

    lib = Library(
        notes=notes,
        roots=list(library.roots),
        notes_dir=library.notes_dir,
        cache_dir=library.cache_dir,
        _deck_files=deck_files,
        _file_warnings=file_warnings,
        _paths=by_real,
    )
    deck_texts: list[tuple[Path, str]] = []
    for p in deck_files:
        data, problems = _read_checked(p)
        if data is None:
            file_warnings[p] = problems
            continue
        text, problem = _decode(data, p)
        if text is None:
            if problem:
                file_warnings[p] = [problem]
            continue
        deck_texts.append((p, text))
    _build_decks(lib, deck_texts)
    return lib


def _root_index(lib: Library, path: Path) -> int:
    for i, root in enumerate(lib.roots):
        if path == root or root in path.parents:
            return i
    return len(lib.roots)


__all__ = [
    "Library",
    "check_paths",
    "default_paths",
    "default_cache_dir",
    "load_library",
    "reload_note",
]
