"""The devday-tui Textual app.

The app owns the loaded notes (``library``) and the progress ``store``; screens read them from the app and
refresh when ``library`` or ``revision`` change. Loading and file polling run in thread workers, so the first
screen paints at once.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from devday_tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from devday_tui.core.model import Card, Deck, Note, Section
    from devday_tui.core.search import SearchIndex
    from devday_tui.library import Library
    from devday_tui.store import Store
    from devday_tui.widgets.deck_table import DeckRow

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(timezone.utc)


class DevDayApp(App[None]):
    """Browse notes as notes › sections › cards, and study the cards that are due."""

    CSS_PATH = "app.tcss"
    TITLE = "devday-tui"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    #: The loaded notes and decks; None until the first load finishes.
    library: var[Library | None] = var(None, always_update=True)
    #: Bumped whenever progress or personal notes change, so screens refresh their counts.
    revision: var[int] = var(0)
    #: True while notes are being read.
    loading: var[bool] = var(True)

    def __init__(
        self,
        paths: Iterable[Path] = (),
        *,
        data_dir: Path | None = None,
        cache_dir: Path | None = None,
        clock: Clock | None = None,
        watch: bool = True,
        poll_interval: float = 2.0,
    ) -> None:
        super().__init__()
        self.paths = [Path(p) for p in paths]
        self.data_dir = data_dir
        self.cache_dir = cache_dir
        self.clock: Clock = clock or system_clock
        self.watch_files = watch
        self.poll_interval = poll_interval
        self.store: Store | None = None
        self.store_error: str | None = None
        self.search_index: SearchIndex | None = None
        self._index_lock = threading.Lock()
        self._file_stamps: dict[Path, tuple[int, int]] = {}
        self._pending_reload: set[Path] = set()
        self._reloading = False

    # ----------------------------------------------------------------- start-up

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
        # Start reading after the first frame is drawn, so a large collection never delays it.
        self.call_after_refresh(self.load)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self) -> None:
        """Read the notes and open the store, off the UI thread."""
        from devday_tui.library import default_paths, load_library, markdown_files
        from devday_tui.note_files import file_stamp

        # Stamps are taken before reading, so that a file changed while loading is read again by the poller.
        roots = self.paths or default_paths()
        stamps = {p.resolve(): st for p in markdown_files(roots) if (st := file_stamp(p)) is not None}
        library = load_library(self.paths, cache_dir=self.cache_dir)
        # The notes are long-lived: keep the cyclic garbage collector from walking them again and again.
        gc.freeze()
        store, error = self._open_store()
        if store is not None:  # read-only too: history of moved cards is matched in memory, not saved
            try:
                store.reconcile(library.cards, self.clock())
            except Exception as exc:  # re-attaching is a convenience; progress stays on disk either way
                self.call_from_thread(self.notify, f"Could not re-attach moved cards: {exc}", severity="warning")
        self.call_from_thread(self._loaded, library, store, error, stamps)

    def _open_store(self) -> tuple[Store | None, str | None]:
        from devday_tui.store import Store, StoreError

        try:
            return Store.open(self.data_dir), None
        except StoreError as exc:  # the message says what could not be read and what was kept
            return None, str(exc)
        except Exception as exc:  # never reported as the notes failing: the notes are loaded
            return None, (f"Your progress could not be read from {self.data_dir or 'the data folder'}: {exc}. "
                          f"No file was changed.")

    def _loaded(self, library: Library, store: Store | None, error: str | None, stamps) -> None:
        self.store = store
        self.store_error = error
        self._file_stamps = stamps
        self.forget_search_index()
        self.loading = False
        self.library = library
        if error:
            self.notify(error, title="Progress not available", severity="error", timeout=30, markup=False)
        if store is not None:
            for notice in store.notices:
                self.notify(notice, title="Progress", severity="warning", timeout=20)
        if library.warnings:
            first = str(library.warnings[0])
            more = f" (and {len(library.warnings) - 1} more: press w on the home screen)" if len(library.warnings) > 1 else ""
            self.notify(first + more, title="Problems in your notes", severity="warning", timeout=12, markup=False)
        if self.watch_files:
            self.set_interval(self.poll_interval, self.poll_files)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed is reported, never silent; loading ends with a message instead of a spinner."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if event.worker.group == "load":
            self.loading = False
            self.store_error = f"Your notes could not be read: {error}"
            self.notify(self.store_error, title="Loading failed", severity="error", timeout=60, markup=False)
        elif event.worker.group == "reload":
            self._reloading = False
            self.notify(f"A changed note could not be read again: {error}", severity="error", timeout=20, markup=False)
        else:
            self.notify(f"Something failed in the background: {error}", severity="error", timeout=20, markup=False)

    def forget_search_index(self) -> None:
        """Drop the search index after notes or personal notes change; the next search builds it again."""
        self.search_index = None

    def get_search_index(self) -> SearchIndex | None:
        """The search index, built on first use. Called from search workers (one builds it, the others wait)."""
        from devday_tui.core.search import SearchIndex

        with self._index_lock:
            index = self.search_index
            library = self.library
            if index is None and library is not None:
                annotations = self.store.annotations() if self.store is not None else {}
                index = SearchIndex.build(library.notes, annotations)
                if self.library is library:
                    self.search_index = index
            return index

    def on_unmount(self) -> None:
        self.close_store()

    def close_store(self) -> None:
        """Write the snapshot of card states and release the writer lock (also done when the app exits)."""
        store, self.store = self.store, None
        if store is not None:
            try:
                store.close()
            except Exception as exc:  # the history on disk is complete; only the start-up cache was not written
                print(f"devday-tui: progress snapshot not written: {exc}", file=sys.stderr)

    # ----------------------------------------------------------- files on disk

    @staticmethod
    def _scan_files(library: Library) -> dict[Path, tuple[int, int]]:
        """(mtime, size) of every file the library reads, found the way the library finds them."""
        from devday_tui.library import markdown_files
        from devday_tui.note_files import file_stamp

        stamps: dict[Path, tuple[int, int]] = {}
        for path in markdown_files(library.roots):
            stamp = file_stamp(path)
            if stamp is not None:
                stamps[path.resolve()] = stamp
        return stamps

    def poll_files(self) -> None:
        if self.library is not None and not self.loading:
            self._poll_worker()

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def _poll_worker(self) -> None:
        library = self.library
        if library is None:
            return
        stamps = self._scan_files(library)
        old = self._file_stamps
        changed = [p for p in stamps.keys() | old.keys() if stamps.get(p) != old.get(p)]
        if changed:
            self.call_from_thread(self._files_changed, changed, stamps)

    def _files_changed(self, paths: list[Path], stamps: dict[Path, tuple[int, int]]) -> None:
        self._file_stamps = stamps
        self.reload_files(paths)

    def reload_files(self, paths: Iterable[Path]) -> None:
        """Re-read the given files (after an edit, or a change on disk) and refresh every screen.

        Reloads run one at a time, each from the library the last one made, so two changes close together are
        both kept."""
        self._pending_reload.update(Path(p).resolve() for p in paths)
        if not self._reloading and self.library is not None:
            self._start_reload()

    def _start_reload(self) -> None:
        paths = sorted(self._pending_reload)
        self._pending_reload.clear()
        self._reloading = True
        self._reload_worker(paths, self.library)

    @work(thread=True, exclusive=False, group="reload", exit_on_error=False)
    def _reload_worker(self, paths: list[Path], base: Library) -> None:
        from devday_tui.library import reload_note
        from devday_tui.note_files import file_stamp

        stamps = {path: file_stamp(path) for path in paths}  # before reading: a later change is seen next time
        library = base
        for path in paths:
            library = reload_note(library, path)
        if library is not base and self.store is not None:
            try:
                self.store.reconcile(library.cards, self.clock())
            except Exception as exc:
                self.call_from_thread(self.notify, f"Could not re-attach moved cards: {exc}", severity="warning")
        self.call_from_thread(self._reloaded, base, library, stamps)

    def _reloaded(self, base: Library, library: Library, stamps: dict[Path, tuple[int, int] | None]) -> None:
        self._reloading = False
        for path, stamp in stamps.items():
            if stamp is None:
                self._file_stamps.pop(path, None)
            else:
                self._file_stamps[path] = stamp
        if base is not self.library:  # the notes were replaced meanwhile: read these files again on top
            self._pending_reload.update(stamps)
        elif library is not base:
            self.forget_search_index()
            self.library = library
            paths = sorted(stamps)
            names = ", ".join(p.name for p in paths[:3]) + (" …" if len(paths) > 3 else "")
            self.notify(f"Reloaded {names}", timeout=3, markup=False)
            changed = {p.resolve() for p in paths}
            for warning in [w for w in library.warnings if Path(w.path).resolve() in changed][:3]:
                self.notify(str(warning), title="Problem in your note", severity="warning", timeout=10, markup=False)
        if self._pending_reload:
            self._start_reload()

    # ------------------------------------------------------------ shared state

    def now(self) -> datetime:
        return self.clock()

    def progress_changed(self) -> None:
        """Tell every screen that progress or personal notes changed."""
        self.revision += 1

    def set_annotation(self, key: str, text: str) -> bool:
        """Save a personal note for a card or section. Returns False (and says why) when it cannot be saved."""
        if not self.require_writable_store():
            return False
        try:
            self.store.set_annotation(key, text, self.clock())  # type: ignore[union-attr]
        except Exception as exc:
            self.notify(f"Personal note not saved: {exc}", severity="error", timeout=15, markup=False)
            return False
        if self.library is not None:
            self.forget_search_index()
        self.progress_changed()
        return True

    def edit_annotation(self, key: str, label: str, on_saved: Callable[[str], None] | None = None) -> None:
        """Open the personal-note editor for a card or section. It is refused before any typing when progress
        cannot be written, and stays open (with the text) if saving fails; ``on_saved`` gets the saved text."""
        if not self.require_writable_store():
            return
        from devday_tui.screens.annotation import AnnotationScreen

        def saved(text: str | None) -> None:
            if text is None:
                return
            self.notify("Personal note saved." if text else "Personal note removed.", timeout=3)
            if on_saved is not None:
                on_saved(text)

        screen = AnnotationScreen(label, self.annotation(key), save=lambda text: self.set_annotation(key, text))
        self.push_screen(screen, saved)

    def annotation(self, key: str) -> str:
        if self.store is None:
            return ""
        return self.store.annotation(key) or ""

    def require_writable_store(self) -> bool:
        if self.store is None:
            self.notify(self.store_error or "Progress is still loading.", severity="error", markup=False)
            return False
        if self.store.read_only:
            self.notify(
                "Progress is open read-only (another devday-tui is using it); changes are not saved.",
                severity="warning",
            )
            return False
        return True

    # ------------------------------------------------------------------- decks

    def deck(self, key: str | None) -> Deck | None:
        if self.library is None or key is None:
            return None
        return next((d for d in self.library.decks if d.key == key), None)

    def deck_rows(self) -> list[DeckRow]:
        """The home screen's table: each deck with what a study session would show now."""
        from devday_tui.widgets.deck_table import DeckRow
        from devday_tui.core.wip import unfinished_sections

        if self.library is None:
            return []
        now = self.clock()
        today = now.astimezone().date()
        rows = []
        for deck in self.library.decks:
            new, learning, due = self.deck_counts(deck)
            wip = sum(len(unfinished_sections(note)) for note in deck.notes)
            rows.append(
                DeckRow(
                    key=deck.key,
                    title=deck.title,
                    cards=len(deck.cards),
                    new=new,
                    learning=learning,
                    due=due,
                    exam_date=deck.settings.exam_date,
                    today=today,
                    wip=wip,
                )
            )
        return rows

    def deck_counts(self, deck: Deck) -> tuple[int, int, int]:
        """(new, learning, due) that a study session of ``deck`` would show now."""
        queue = self.build_queue(deck.cards, deck)
        if queue is None:
            return (0, 0, 0)
        return tuple(queue.counts(self.clock()))  # type: ignore[return-value]

    def build_queue(self, cards: list[Card], deck: Deck | None):
        """The study queue for ``cards`` with ``deck``'s settings, or None while progress is unavailable."""
        from devday_tui.core.model import DeckSettings
        from devday_tui.core.queue import build_queue, day_start

        if self.store is None:
            return None
        now = self.clock()
        settings = deck.settings if deck is not None else DeckSettings()
        reviews_today = self.store.reviews(since=day_start(now, settings.rollover_hour))
        return build_queue(cards, self.store.all_progress(), reviews_today, now, settings,
                           rollover_hour=settings.rollover_hour)

    def start_study(self, deck_key: str) -> None:
        deck = self.deck(deck_key)
        if deck is None:
            return
        self._start_quiz(list(deck.cards), deck, deck.title)

    def start_section_study(self, cards: list[Card], title: str) -> None:
        """Review just these cards (a section from the browse pane), with the settings of their deck."""
        deck = None
        if self.library is not None and cards:
            deck = next((d for d in self.library.decks if any(c.id == cards[0].id for c in d.cards)), None)
        self._start_quiz(cards, deck, title)

    def _start_quiz(self, cards: list[Card], deck: Deck | None, title: str) -> None:
        if not cards:
            self.notify("No cards here to study.", severity="warning")
            return
        if not self.require_writable_store():
            return
        from devday_tui.screens.quiz import QuizScreen

        self.push_screen(QuizScreen(cards=cards, deck=deck, title=title))

    def open_card_browser(self, deck_key: str | None, query: str = "") -> None:
        """Every card of the deck in a table (see ``screens/card_browser.py``)."""
        if self.library is None:
            self.notify("Still reading your notes…")
            return
        from devday_tui.screens.card_browser import CardBrowserScreen

        self.push_screen(CardBrowserScreen(deck_key, query=query))

    def open_cram_setup(self, deck_key: str | None, *, query: str = "", preselect: str | None = None,
                        cards: list[Card] | None = None) -> None:
        """Custom study for the deck (see ``screens/cram_setup.py``), then the cram session it describes."""
        if self.library is None or not self.require_writable_store():
            return
        from devday_tui.card_actions import CardActions, note_tags
        from devday_tui.screens.cram_setup import CramSetupScreen

        deck = self.deck(deck_key)
        chosen = cards if cards is not None else list(deck.cards if deck is not None else self.library.cards)
        notes = deck.notes if deck is not None else self.library.notes
        queue = self.build_queue(list(deck.cards), deck) if deck is not None else None
        shown = queue.upcoming(self.clock(), len(deck.cards)) if queue is not None and deck is not None else []
        new_today = frozenset(c.id for c in shown if (p := queue.progress.get(c.id)) is None or p.state == "new")
        screen = CramSetupScreen(deck, chosen, note_tags(deck, notes), CardActions(self.store),  # type: ignore[arg-type]
                                 new_today=new_today, query=query, preselect=preselect, these=cards is not None)
        self.push_screen(screen, lambda plan: plan and self.start_cram(plan.cards, deck, plan.title, plan.request))

    def start_cram(self, cards: list[Card], deck: Deck | None, title: str, request=None) -> None:
        """A cram session over ``cards`` in this order: practice only unless ``request.counts``."""
        from devday_tui.core.cram import CramRequest
        from devday_tui.screens.quiz import QuizScreen

        if not cards:
            self.notify("No cards to study.", severity="warning")
            return
        if not self.require_writable_store():
            return
        self.push_screen(QuizScreen(cards=cards, deck=deck, title=title, cram=request or CramRequest("query")))

    def open_deck_options(self, deck_key: str | None) -> None:
        """The deck's options (see ``screens/deck_options.py``); the decks are read again after a save."""
        deck = self.deck(deck_key)
        if deck is None:
            return
        from devday_tui.screens.deck_options import DeckOptionsScreen

        def saved(changed: bool | None) -> None:
            if changed:
                source = deck.path if deck.path is not None else (deck.notes[0].path if deck.notes else None)
                if source is not None:
                    self.reload_files([source])  # re-reads the decks, with the options kept beside them too

        self.push_screen(DeckOptionsScreen(deck), saved)

    def start_exam(self, deck_key: str) -> None:
        deck = self.deck(deck_key)
        if deck is None:
            return
        from devday_tui.screens.exam_setup import ExamSetupScreen

        self.push_screen(
            ExamSetupScreen(deck=deck, cards=list(deck.cards), store=self.store),
            lambda config: self._exam_configured(deck, config),
        )

    def _exam_configured(self, deck: Deck, config) -> None:
        if config is None:
            return
        import random

        from devday_tui.screens.exam import ExamScreen

        self.push_screen(
            ExamScreen(deck=deck, cards=list(deck.cards), store=self.store, clock=self.clock, rng=random.Random(), config=config)
        )

    def show_stats(self, deck_key: str | None) -> None:
        if self.store is None:
            self.notify(self.store_error or "Progress is still loading.", severity="error", markup=False)
            return
        from devday_tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen(deck_key=deck_key))

    # ------------------------------------------------------------ note files

    def edit_file(self, path: Path, line: int = 1) -> None:
        """Open ``path`` at ``line`` in $EDITOR (or the in-app editor), then re-read it."""
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if editor:
            self._run_editor(editor, Path(path), line)
        else:
            self._edit_in_app(Path(path), line)

    def _run_editor(self, editor: str, path: Path, line: int) -> None:
        import shlex
        import subprocess

        command = editor_command(shlex.split(editor), path, line)
        try:
            with self.suspend():
                result = subprocess.run(command)
        except Exception as exc:  # no terminal to hand over (tests, some hosts): fall back to the in-app editor
            self.notify(f"Could not start {editor!r} ({exc}); using the built-in editor.", severity="warning", markup=False)
            self._edit_in_app(path, line)
            return
        if result.returncode != 0:
            self.notify(f"{editor} exited with status {result.returncode}.", severity="warning", markup=False)
        self.reload_files([path])

    def _edit_in_app(self, path: Path, line: int) -> None:
        from devday_tui.note_files import NoteFileError, file_stamp, read_for_edit, write_atomic
        from devday_tui.screens.file_editor import FileEditorScreen

        try:
            opened = file_stamp(path)
            text, newline = read_for_edit(path)
        except NoteFileError as exc:
            self.notify(str(exc), severity="error", timeout=15, markup=False)
            return
        warned = False

        def save(new_text: str) -> bool:
            nonlocal warned, opened
            if not warned and file_stamp(path) != opened:
                warned = True
                self.notify(
                    f"{path.name} changed on disk since you opened it. Ctrl+S again overwrites it with your text; "
                    "Esc twice discards your text.",
                    severity="warning",
                    timeout=20,
                    markup=False,
                )
                return False
            try:
                write_atomic(path, new_text, newline)
            except NoteFileError as exc:
                self.notify(f"{exc}. Your text is still in the editor.", severity="error", timeout=20, markup=False)
                return False
            opened = file_stamp(path)
            return True

        def saved(new_text: str | None) -> None:
            if new_text is not None and new_text != text:
                self.notify(f"Saved {path.name}", markup=False)
                self.reload_files([path])

        self.push_screen(FileEditorScreen(path, text, line, save=save), saved)

    def new_note(self) -> None:
        from devday_tui.note_files import NoteFileError, create_note
        from devday_tui.screens.new_note import NewNoteScreen

        if self.library is None:
            self.notify("Still reading your notes…")
            return
        folder = self.library.notes_dir
        if folder is None:
            self.notify("Open a notes folder to create notes in (devday-tui ~/notes).", severity="warning")
            return

        def create(title: str | None) -> None:
            if title is None:
                return
            try:
                path = create_note(folder, title, self.clock().astimezone().date())
            except NoteFileError as exc:
                self.notify(str(exc), severity="error", timeout=15, markup=False)
                return
            self.notify(f"Created {path.name}", markup=False)
            self.reload_files([path])
            self.edit_file(path, 7)  # the empty "## " heading of the template

        self.push_screen(NewNoteScreen(str(folder)), create)

    # ----------------------------------------------------------------- actions

    def action_help(self) -> None:
        from devday_tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the current screen is also a command in the palette."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for binding in _screen_bindings(screen):
            if binding.action in seen or not binding.description:
                continue
            seen.add(binding.action)
            key = binding.key_display or self.get_key_display(binding)
            yield SystemCommand(
                binding.description,
                f"{binding.description} (key: {key})",
                _runner(screen, binding.action),
            )


#: Editors that take ``FILE:LINE`` (after ``--goto`` for VS Code) rather than ``+LINE FILE``.
_GOTO_EDITORS = {"code", "code-insiders", "codium", "vscodium", "cursor"}
_COLON_EDITORS = {"subl", "sublime_text", "zed", "mate"}


def editor_command(editor: list[str], path: Path, line: int) -> list[str]:
    """The command that opens ``path`` at ``line`` in ``editor`` (vi, nano, emacs, micro, helix, VS Code…)."""
    line = max(1, line)
    name = Path(editor[0]).name if editor else ""
    if name in _GOTO_EDITORS:
        return [*editor, "--goto", f"{path}:{line}"]
    if name in _COLON_EDITORS:
        return [*editor, f"{path}:{line}"]
    return [*editor, f"+{line}", str(path)]


def _screen_bindings(screen: Screen) -> list[Binding]:
    """The bindings a person can use on ``screen``: its own and its focused widgets', then the app's."""
    bindings: list[Binding] = []
    for namespace, binding, enabled, _tooltip in screen.active_bindings.values():
        if enabled and binding.action not in ("command_palette",):
            bindings.append(binding)
    return bindings


def _runner(screen: Screen, action: str) -> Callable[[], object]:
    async def run() -> None:
        for namespace, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.action == action:
                await screen.app.run_action(action, namespace)
                return

    return run
