"""Loading: every file found is read, looked up in the parse cache, and the notes missing from it are parsed
(in worker processes when there are many), then the decks are read over the notes.

``load_library`` never raises on bad input: every file it cannot use becomes a ``ParseWarning`` naming the
file (and the line, where there is one), and the rest loads.
"""

from __future__ import annotations

import gc
import os
import pickle
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from devday_tui.core.model import Note, ParseWarning, is_note_name
from devday_tui.library.cache import ParseCache, cache_allowed, cache_key, restore_sources
from devday_tui.library.discovery import Source, discover, in_decks_folder, is_hidden
from devday_tui.library.model import Library
from devday_tui.library.parsing import Job, parse_job
from devday_tui.library.paths import DECKS_FOLDER, default_cache_dir, default_paths, resolve
from devday_tui.library.reading import decode, is_deck_text, read_checked
from devday_tui.library.workers import DEFAULT_BUDGET, cores, parse_in_workers

#: Below this many characters to parse, notes are parsed in this process: starting the worker pool (0.1–1 s
#: the first time, 30–80 ms after) costs more than it saves; parsing 512 KB takes 0.1–0.3 s of one core.
IN_PROCESS_CHARS = 512 * 1024
#: ... unless a line is longer than this. Every super-linear case of a parser pattern found so far needs a long
#: line, and a regular expression holds the interpreter lock while it runs: parsed in this process, such a note
#: would freeze the interface. In a worker it is stopped at its time budget instead.
IN_PROCESS_MAX_LINE = 1_000


@contextmanager
def startup_heap() -> Iterator[None]:
    """Run the first load without the cyclic garbage collector, then freeze what it made.

    The one place the collector is tuned (with ``collect_young`` below): the app's first load (and a command's)
    runs inside it.

    Loading makes many small objects and frees few, and nothing in it makes reference cycles: the collector
    would scan the growing heap over and over for nothing (it more than doubled the load time of 2,000 notes).
    What is loaded lives as long as the app (the notes, and in the app the progress store opened and reconciled
    inside this block too), so afterwards it is frozen out of the collector's reach, which keeps every later
    collection (Textual's objects come and go all the time) from walking the notes and the history again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        # Textual makes and drops thousands of objects a frame. At the default 700 allocations a young collection,
        # answering 12 cards ran about 200 collections (a full one among them), 0.27 s in all; at 10,000 it ran a
        # dozen young ones and no full one, 0.1 s in all (benchmarks/answer_latency.py --quick).
        gc.set_threshold(10_000, 10, 10)
        if was_enabled:
            gc.enable()


def collect_young() -> None:
    """Collect the young and middle generations now: called once a study card is painted, while the person reads
    it, so that the collections its widgets' garbage would trigger do not fall between the next grade key and
    the next card (they were the longest pauses there: up to 20 ms in benchmarks/answer_latency.py)."""
    gc.collect(1)


#: ``progress(done, total)``: files read so far, of all the files found. Called from the loading thread.
Progress = Callable[[int, int], None]


@dataclass(slots=True)
class _Read:
    """One file after reading: a note (from the cache or to parse), a deck's text, or nothing."""

    kind: str  # "note", "parse", "deck" or "skip"
    value: object = None
    problems: list[ParseWarning] | None = None
    job: Job | None = None


def _read_file(index: int, src: Source, cache: ParseCache) -> _Read:
    """Read one file and look it up in the cache; a note that is not there comes back as a job to parse."""
    path = src.path
    data, problems = read_checked(path)
    if data is None:
        return _Read("skip", problems=problems)
    key = cache_key(data, path, src.rel)
    hit = cache.get(key)
    text, problem = decode(data, path)
    del data
    if text is None:
        return _Read("skip", problems=[problem] if problem else [])
    if isinstance(hit, tuple) and len(hit) == 2:
        kind, value = hit
        if kind == "note" and restore_sources(value, text):
            return _Read("note", value)
        if kind == "deck":
            return _Read("deck", text)
    if src.in_decks or is_deck_text(text, path):
        cache.put(key, ("deck", None))
        return _Read("deck", text)
    return _Read("parse", job=Job(index, path, src.rel, key, text))


def _unpickle_note(payload: bytes, text: str) -> Note | None:
    """The note of a cache entry, with its sections' sources put back from ``text``.

    Kept as the cache gives it back, as a warm load would: pickling made CPython keep a UTF-8 copy inside
    every non-ASCII string it wrote (it caches the encoding in the str); kept, those copies cost a quarter more
    memory for the life of the library (Japanese notes are mostly such strings)."""
    try:
        kind, note = pickle.loads(payload)
    except Exception:  # pragma: no cover - what was just written reads back
        return None
    if kind != "note" or not restore_sources(note, text):
        return None
    return note


def parse_jobs(
    jobs: Iterable[Job],
    cache: ParseCache,
    *,
    workers: int | None = None,
    budget: float = DEFAULT_BUDGET,
) -> Iterator[tuple[Job, Note | list[ParseWarning]]]:
    """Parse ``jobs``, yielding each with its note, or with the warning that says why it was skipped.

    The notes are parsed in ``workers`` worker processes, with ``budget`` seconds per note; with ``workers``
    0, in this process. By default (None) there is one worker per core, and none when there is less than
    :data:`IN_PROCESS_CHARS` to parse with no line longer than :data:`IN_PROCESS_MAX_LINE`. ``jobs`` is drawn lazily: files are read while others parse."""
    jobs = iter(jobs)
    first: list[Job] = []
    in_process = workers is not None and workers <= 0
    if workers is None:  # decide by the amount to parse: look ahead until it is enough for the pool
        workers = cores()
        size = 0
        for job in jobs:
            first.append(job)
            size += len(job.text)
            if size >= IN_PROCESS_CHARS or _longest_line(job.text) > IN_PROCESS_MAX_LINE:
                size = IN_PROCESS_CHARS
                break
        in_process = size < IN_PROCESS_CHARS
    if in_process:
        for job in chain(first, jobs):
            _index, kind, payload = parse_job(job, cache)
            yield job, _outcome(job, kind, payload)
        return
    out: dict[int, Job] = {}

    def remembered() -> Iterator[Job]:
        for job in chain(first, jobs):
            out[job.index] = job
            yield job

    cache_dir = cache.cache_dir if cache.ok else None
    pool = parse_in_workers(remembered(), cache_dir, workers=workers, budget=budget, tag=cache.tag)
    try:
        for index, kind, payload in pool:
            job = out.pop(index)
            yield job, _outcome(job, kind, payload)
    except (OSError, RuntimeError, ImportError) as exc:
        # No worker process could be started (no semaphores in a sandbox, a process limit, a script that
        # loads notes without an ``if __name__ == "__main__":`` guard): parse the rest here instead.
        warnings.warn(f"notes are parsed in one process: worker processes could not start ({exc})", stacklevel=2)
        for job in chain(list(out.values()), jobs):
            out.pop(job.index, None)
            _index, kind, payload = parse_job(job, cache)
            yield job, _outcome(job, kind, payload)


def _longest_line(text: str) -> int:
    return max(map(len, text.split("\n")), default=0)


def _outcome(job: Job, kind: str, payload: bytes | str) -> Note | list[ParseWarning]:
    if kind == "note":
        note = _unpickle_note(payload, job.text)  # type: ignore[arg-type]
        return note if note is not None else [ParseWarning(job.path, "could not be read back; skipped")]
    return [ParseWarning(job.path, str(payload))]


def load_library(
    paths: Sequence[Path] = (),
    *,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    workers: int | None = None,
    budget: float = DEFAULT_BUDGET,
    progress: Progress | None = None,
) -> Library:
    """Read notes and decks from ``paths`` (files or folders, read recursively for ``*.md`` and ``*.markdown``).

    No paths means :func:`default_paths`. A ``.md`` file in a folder named ``decks``, or whose frontmatter has
    ``include``, is a deck file. With no deck file, every note forms one deck, ``all``. Notes not in the parse
    cache are parsed in worker processes (see :func:`parse_jobs`); ``progress`` hears how far loading is.
    Worker processes import the main module again: a script that calls this must do so under
    ``if __name__ == "__main__":``.
    """
    roots = [Path(p) for p in paths] if paths else default_paths()
    if cache_dir is None and use_cache:
        cache_dir = default_cache_dir()
    if cache_dir is not None and use_cache and not cache_allowed(cache_dir, roots):
        cache_dir = None
    cache = ParseCache(cache_dir if use_cache else None)

    unlisted: list[ParseWarning] = []
    sources = discover(roots, unlisted)
    total = len(sources)
    order = {src.path: i for i, src in enumerate(sources)}
    count = 0

    def one_done() -> None:
        nonlocal count
        count += 1
        if progress is not None and (count == total or count % 25 == 0):
            progress(count, total)

    if progress is not None:
        progress(0, total)
    file_warnings: dict[Path, list[ParseWarning]] = {}
    for w in unlisted:
        file_warnings.setdefault(w.path, []).append(w)
    found: list[Note | None] = [None] * total
    deck_texts: list[tuple[Path, str]] = []

    def to_parse() -> Iterator[Job]:
        """Read the files in order; what the cache has (and decks, and unreadable files) is done at once."""
        for i, src in enumerate(sources):
            read = _read_file(i, src, cache)
            if read.problems:
                file_warnings.setdefault(src.path, []).extend(read.problems)
            if read.kind == "parse":
                yield read.job  # type: ignore[misc]
                continue
            if read.kind == "note":
                found[i] = read.value  # type: ignore[assignment]
            elif read.kind == "deck":
                deck_texts.append((src.path, read.value))  # type: ignore[arg-type]
            one_done()

    for job, parsed in parse_jobs(to_parse(), cache, workers=workers, budget=budget):
        if isinstance(parsed, Note):
            found[job.index] = parsed
        else:
            file_warnings.setdefault(job.path, []).extend(parsed)
        one_done()
    deck_texts.sort(key=lambda item: order[item[0]])
    notes = [n for n in found if n is not None]
    return Library.build(
        notes,
        deck_texts,
        roots=roots,
        notes_dir=_notes_dir(roots, notes),
        cache_dir=cache_dir,
        file_warnings=file_warnings,
    )


def _notes_dir(roots: Sequence[Path], notes: list[Note]) -> Path | None:
    for r in roots:
        if r.is_dir() and r.name != DECKS_FOLDER:
            return r
    for n in notes:
        return n.path.parent
    return None


def _root_for(library: Library, path: Path) -> tuple[Path, str]:
    real = resolve(path)
    for root in library.roots:
        r = resolve(root)
        if r.is_dir() and r in real.parents:
            return root, real.relative_to(r).as_posix()
    return path.parent, path.name


def _root_index(library: Library, path: Path) -> int:
    for i, root in enumerate(library.roots):
        if path == root or root in path.parents:
            return i
    return len(library.roots)


def reload_note(library: Library, path: Path, *, workers: int | None = None, budget: float = DEFAULT_BUDGET) -> Library:
    """Read one changed, new or deleted file again and return the updated library.

    Used after ``$EDITOR`` and by the file watcher. A deck file re-reads the decks; a note replaces its old
    parse (or goes, if deleted) and the decks are filled again. A file the library would not have read (hidden,
    not ``.md`` or ``.markdown``) changes nothing. The library given is left as it was.
    """
    path = Path(path)
    real = resolve(path)
    root, rel = _root_for(library, path)
    if any(r is root for r in library.roots):
        path = root / rel  # the same form of path as the notes loaded with the library
    readable = is_note_name(path.name) and not any(is_hidden(part) for part in rel.split("/"))
    by_real = library.notes_by_real_path()
    old = by_real.pop(real, None)
    if old is None and not readable and real not in {resolve(p) for p in library.deck_files}:
        return library
    notes = [n for n in library.notes if n is not old]
    file_warnings = {p: list(ws) for p, ws in library.file_warnings.items() if resolve(p) != real}
    deck_files = [p for p in library.deck_files if resolve(p) != real]

    if readable and os.path.lexists(path):
        cache = ParseCache(library.cache_dir)
        read = _read_file(0, Source(path, root, rel, in_decks_folder(root, rel)), cache)
        problems = list(read.problems or [])
        note: Note | None = read.value if read.kind == "note" else None  # type: ignore[assignment]
        if read.kind == "parse":
            ((_job, parsed),) = parse_jobs([read.job], cache, workers=workers, budget=budget)  # type: ignore[list-item]
            if isinstance(parsed, Note):
                note = parsed
            else:
                problems.extend(parsed)
        if problems:
            file_warnings[path] = problems
        if note is not None:
            by_real[real] = note
            if old is not None:
                notes.insert(library.notes.index(old), note)
            else:
                notes.append(note)
                order = {id(n): i for i, n in enumerate(notes)}
                notes.sort(key=lambda n: (_root_index(library, n.path), n.rel, order[id(n)]))
        elif read.kind == "deck":
            deck_files.append(path)

    deck_texts: list[tuple[Path, str]] = []
    for p in deck_files:
        data, problems = read_checked(p)
        if data is None:
            file_warnings[p] = problems
            continue
        text, problem = decode(data, p)
        if text is None:
            if problem:
                file_warnings[p] = [problem]
            continue
        deck_texts.append((p, text))
    return Library.build(
        notes,
        deck_texts,
        roots=list(library.roots),
        notes_dir=library.notes_dir,
        cache_dir=library.cache_dir,
        file_warnings=file_warnings,
        paths=by_real,
    )
