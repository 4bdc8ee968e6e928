"""The notes of a running app: the first load, polling the files for changes, and re-reading changed ones.

Everything here runs in thread workers (the first load also in worker processes, see
:mod:`devday_tui.library.workers`), so the interface stays usable while notes are read; what is found is
handed to the app on its own thread.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from devday_tui.app import DevDayApp
    from devday_tui.library import Library
    from devday_tui.progress_store import ProgressStore

Stamps = dict[Path, tuple[int, int]]

#: The progress shown is updated at most this often (seconds): each update repaints the home screen.
PROGRESS_EVERY = 0.1


def scan_files(roots: Iterable[Path]) -> Stamps:
    """(mtime, size) of every file a library of ``roots`` reads, found the way the library finds them."""
    from devday_tui.library import markdown_files
    from devday_tui.note_files import file_stamp

    stamps: Stamps = {}
    for path in markdown_files(list(roots)):
        stamp = file_stamp(path)
        if stamp is not None:
            stamps[path.resolve()] = stamp
    return stamps


class NoteWatcher:
    """Loads the app's notes, then polls them for changes every ``app.poll_interval`` seconds (when ``poll``),
    and re-reads changed files one batch at a time, each from the library the last one made."""

    def __init__(self, app: DevDayApp, *, poll: bool) -> None:
        self.app = app
        self.poll = poll
        self._stamps: Stamps = {}
        self._pending: set[Path] = set()
        self._reloading = False
        self._progress_at = 0.0

    # ----------------------------------------------------------------- the first load

    def start(self) -> None:
        self.app.run_worker(self._load, thread=True, exclusive=True, group="load", exit_on_error=False)

    def _load(self) -> None:
        """Read the notes and open the progress store, off the UI thread."""
        from devday_tui import library as lib

        app = self.app
        # Stamps are taken before reading, so that a file changed while loading is read again by the poller.
        stamps = scan_files(app.paths or lib.default_paths())
        # The store's history lives as long as the app too: it is frozen with the notes (see startup_heap).
        with lib.startup_heap():
            library = lib.load_library(app.paths, cache_dir=app.cache_dir, progress=self._progress)
            store, error = app.open_store()
            if store is not None:  # read-only too: history of moved cards is matched in memory, not saved
                try:
                    store.reconcile(library.cards, app.clock())
                except Exception as exc:  # re-attaching is a convenience; progress stays on disk either way
                    app.call_from_thread(app.notify, f"Could not re-attach moved cards: {exc}", severity="warning")
        app.call_from_thread(self._loaded, library, store, error, stamps)

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._progress_at < PROGRESS_EVERY:
            return
        self._progress_at = now
        self.app.call_from_thread(setattr, self.app, "load_progress", (done, total))

    def _loaded(self, library: Library, store: ProgressStore | None, error: str | None, stamps: Stamps) -> None:
        self._stamps = stamps
        self.app.notes_loaded(library, store, error)
        if self.poll:
            self.app.set_interval(self.app.poll_interval, self.poll_files)

    # ----------------------------------------------------------------- polling

    def poll_files(self) -> None:
        if self.app.library is not None and not self.app.loading:
            self.app.run_worker(self._poll, thread=True, exclusive=True, group="poll", exit_on_error=False)

    def _poll(self) -> None:
        library = self.app.library
        if library is None:
            return
        stamps = scan_files(library.roots)
        old = self._stamps
        changed = [p for p in stamps.keys() | old.keys() if stamps.get(p) != old.get(p)]
        if changed:
            self.app.call_from_thread(self._files_changed, changed, stamps)

    def _files_changed(self, paths: list[Path], stamps: Stamps) -> None:
        self._stamps = stamps
        self.reload_files(paths)

    # ----------------------------------------------------------------- re-reading

    def reload_files(self, paths: Iterable[Path]) -> None:
        """Re-read the given files (after an edit, or a change on disk); the app then refreshes every screen.

        Reloads run one at a time, each from the library the last one made, so two changes close together are
        both kept."""
        from devday_tui.note_files import file_stamp

        resolved = {Path(p).resolve() for p in paths}
        # Known from now on: a poll that comes due meanwhile (it waited while $EDITOR ran) does not read them again.
        self._stamps.update({p: st for p in resolved if (st := file_stamp(p)) is not None})
        self._pending.update(resolved)
        if not self._reloading and self.app.library is not None:
            self._start_reload()

    def _start_reload(self) -> None:
        base = self.app.library
        if base is None:  # still loading: the first load reads every file
            return
        paths = sorted(self._pending)
        self._pending.clear()
        self._reloading = True
        self.app.run_worker(
            lambda: self._reload(paths, base), thread=True, exclusive=False, group="reload", exit_on_error=False
        )

    def reload_failed(self) -> None:
        """A reload raised: the next change starts a new one."""
        self._reloading = False

    def _reload(self, paths: list[Path], base: Library) -> None:
        from devday_tui import library as lib
        from devday_tui.note_files import file_stamp

        app = self.app
        stamps = {path: file_stamp(path) for path in paths}  # before reading: a later change is seen next time
        library = base
        for path in paths:
            try:
                library = lib.reload_note(library, path)
            except Exception as exc:  # this note keeps its old cards; the other changed files are still read
                app.call_from_thread(
                    app.notify,
                    f"A changed note could not be read again: {path}: {exc}. Its cards stay as they were.",
                    severity="error",
                    timeout=20,
                    markup=False,
                )
        if library is not base and app.store is not None:
            try:
                app.store.reconcile(library.cards, app.clock())
            except Exception as exc:
                app.call_from_thread(app.notify, f"Could not re-attach moved cards: {exc}", severity="warning")
        app.call_from_thread(self._reloaded, base, library, stamps)

    def _reloaded(self, base: Library, library: Library, stamps: dict[Path, tuple[int, int] | None]) -> None:
        app = self.app
        self._reloading = False
        for path, stamp in stamps.items():
            if stamp is None:
                self._stamps.pop(path, None)
            else:
                self._stamps[path] = stamp
        if base is not app.library:  # the notes were replaced meanwhile: read these files again on top
            self._pending.update(stamps)
        elif library is not base:
            app.notes_reloaded(library, sorted(stamps))
        if self._pending:
            self._start_reload()
