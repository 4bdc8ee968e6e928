"""The parse cache: one pickle file per parsed note, in the user cache directory (never beside the notes).

Each entry is keyed by a hash of the file's bytes, its path and the parser (its version and a digest of its
source), so an edited file, a moved file or a new devday-tui each miss the cache and are parsed again. A section is
stored without its ``source`` (a run of lines of the file, which a reader has anyway): :func:`restore_sources` puts
it back.
"""

from __future__ import annotations

import copyreg
import io
import os
import pickle
import shutil
from hashlib import blake2b
from pathlib import Path
from typing import Sequence

from devday_tui.core.model import Note, Section
from devday_tui.core.parser import PARSER_VERSION
from devday_tui.library.paths import resolve

#: Bump when the layout of a cache entry changes.
CACHE_FORMAT = 2


def parser_digest(root: Path | None = None) -> str:
    """A digest of the parser's source, every module under ``root`` (``devday_tui.core``): a change to a card rule
    misses the cache even where ``PARSER_VERSION`` was not bumped with it."""
    if root is None:
        import devday_tui.core as core

        root = Path(core.__file__).parent
    h = blake2b(digest_size=6)
    try:
        for path in sorted(root.rglob("*.py")):
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    except OSError:
        return "0"
    return h.hexdigest()


#: The parser an entry was made by: its version and its source's digest (``231-3f9a…``).
PARSER_TAG = f"{PARSER_VERSION}-{parser_digest()}"


def cache_key(data: bytes, path: Path, rel: str) -> str:
    h = blake2b(digest_size=20)
    h.update(f"{PARSER_TAG}\0{CACHE_FORMAT}\0{path}\0{rel}\0".encode("utf-8", "surrogatepass"))
    h.update(data)
    return h.hexdigest()


def _section_without_source(section: Section):
    """How the cache stores a section: without ``source``."""
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


def dumps(value: object) -> bytes:
    """``value`` pickled as the cache stores it (sections without their source)."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _CACHE_DISPATCH
    pickler.dump(value)
    return buf.getvalue()


def restore_sources(note: object, text: str) -> bool:
    """Put back each section's ``source`` from the (normalised) file text; False if the entry does not fit."""
    if not isinstance(note, Note):
        return False
    lines = text.split("\n")
    for section in note.walk():
        if not 1 <= section.start_line <= section.end_line <= len(lines):
            return False
        section.source = "\n".join(lines[section.start_line - 1 : section.end_line])
    return True


_SWEPT: set[str] = set()


class ParseCache:
    """The cache folder of this parser version; ``ok`` turns False (and the cache is skipped) when it cannot be
    written."""

    def __init__(self, cache_dir: Path | str | None, tag: str = PARSER_TAG) -> None:
        #: The folder given, and the parser's tag (a worker process opens the same cache with both: its own tag
        #: would differ were the source changed while the app runs).
        self.cache_dir = cache_dir
        self.tag = tag
        self.root = os.path.join(cache_dir, f"parse-v{tag}.{CACHE_FORMAT}") if cache_dir is not None else None
        self.ok = self.root is not None
        self._made: set[str] = set()
        #: Whether this parser version's folder was missing at the first look-up: then every look-up misses, and
        #: is not tried (a first load would try to open each note's entry in vain, an exception each).
        self._missing: bool | None = None

    def get(self, key: str) -> object | None:
        if self.root is None or not self.ok:
            return None
        if self._missing is None:
            self._missing = not os.path.isdir(self.root)
        if self._missing:
            return None
        try:
            with open(os.path.join(self.root, key[:2], key), "rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged entry is a miss; it is written again
            return None

    def put(self, key: str, value: object) -> bytes | None:
        """Write ``value`` under ``key``; return the pickled bytes (also when the cache is off), or None when
        the cache could not be written."""
        data = dumps(value)
        if self.root is None:
            return data
        if not self.ok:
            return None
        if self.write(key, data):
            return data
        return None

    def write(self, key: str, data: bytes) -> bool:
        """Store already pickled ``data`` under ``key``; False when the cache cannot be written."""
        if self.root is None or not self.ok:
            return False
        folder = os.path.join(self.root, key[:2])
        tmp = os.path.join(folder, f".{key}.{os.getpid()}.tmp")
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
            return False
        return True

    def _sweep(self) -> None:
        """Delete the entries of other parser versions, once a process: no one reads them again (a new version
        of devday-tui would otherwise leave a copy of every parsed note behind)."""
        assert self.root is not None
        parent, current = os.path.split(self.root)
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


def cache_allowed(cache_dir: Path, roots: Sequence[Path]) -> bool:
    """The cache never goes inside a notes folder."""
    cache = resolve(cache_dir)
    for root in roots:
        r = resolve(Path(root))
        if r.is_dir() and (cache == r or r in cache.parents):
            return False
    return True
