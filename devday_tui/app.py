"""The devday-tui Textual app.

The app owns the loaded notes (``library``) and the progress ``store``; screens read them from the app and
refresh when ``library`` or ``revision`` change. Loading, file polling and reloading are the ``NoteWatcher``'s
(:mod:`devday_tui.watcher`); they run in workers, so the first screen paints at once.
"""

from __future__ import annotations

import sys
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import NoScreen
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from devday_tui.core.clock import Clock, system_clock
from devday_tui.editing import NoteEditing
from devday_tui.quiz_session import StudyPreferences
from devday_tui.screens.home import HomeScreen
from devday_tui.watcher import NoteWatcher

if TYPE_CHECKING:
    from devday_tui.core.model import Card, Deck
    from devday_tui.core.search import SearchIndex
    from devday_tui.library import Library
    from devday_tui.progress_store import ProgressStore
    from devday_tui.widgets.deck_table import DeckRow


class DevDayApp(NoteEditing, App[None]):
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
    #: (files read, files found) while notes are being read.
    load_progress: var[tuple[int, int]] = var((0, 0))

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
        #: Seconds between two looks at the note files for changes (when ``watch``).
        self.poll_interval = poll_interval
        #: The progress store: None until the notes are loaded, or when it cannot be opened (``store_error``).
        self.store: ProgressStore | None = None
        self.store_error: str | None = None
        self.search_index: SearchIndex | None = None
        self._index_lock = threading.Lock()
        #: Set once the app starts to quit: from then on no key reaches a screen.
        self.exiting = False
        #: What the study screen keeps for the next sessions (typed answers per deck, the breadcrumb).
        self.study_preferences = StudyPreferences()
        self.note_watcher = NoteWatcher(self, poll=watch)

    # ----------------------------------------------------------------- start-up

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
        # Start reading after the first frame is drawn, so a large collection never delays it.
        self.call_after_refresh(self.note_watcher.start)

    def open_store(self) -> tuple[ProgressStore | None, str | None]:
        """Open the progress store: (store, None), or (None, why it cannot be opened)."""
        from devday_tui.store import Store, StoreError

        try:
            return Store.open(self.data_dir), None
        except StoreError as exc:  # the message says what could not be read and what was kept
            return None, str(exc)
        except Exception as exc:  # never reported as the notes failing: the notes are loaded
            return None, (
                f"Your progress could not be read from {self.data_dir or 'the data folder'}: {exc}. "
                f"No file was changed."
            )

    def notes_loaded(self, library: Library, store: ProgressStore | None, error: str | None) -> None:
        """The first load is done: show the notes and say what went wrong on the way."""
        self.store = store
        self.store_error = error
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
            more = (
                f" (and {len(library.warnings) - 1} more: press p on the home screen)"
                if len(library.warnings) > 1
                else ""
            )
            self.notify(first + more, title="Problems in your notes", severity="warning", timeout=12, markup=False)

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
            self.note_watcher.reload_failed()
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

    # ------------------------------------------------------------------- input

    def exit(self, result: None = None, return_code: int = 0, message=None) -> None:
        self.exiting = True
        super().exit(result, return_code, message)

    async def on_event(self, event: events.Event) -> None:
        # Keys typed after quitting belong to the shell, not to a screen being torn down.
        if self.exiting and isinstance(event, events.InputEvent):
            return
        await super().on_event(event)

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Every key binding ends here. A key that was on its way while the app quits, or while its screen was
        replaced, is dropped: it never reaches a screen that is gone or going."""
        if self.exiting:
            return True
        if isinstance(default_namespace, Widget) and default_namespace is not self:
            try:
                screen = default_namespace if isinstance(default_namespace, Screen) else default_namespace.screen
            except NoScreen:
                return True
            if screen is not self.screen or not screen.is_attached:
                return True
        return await super().run_action(action, default_namespace, namespaces)

    def close_store(self) -> None:
        """Write the snapshot of card states and release the writer lock (also done when the app exits)."""
        store, self.store = self.store, None
        if store is not None:
            try:
                store.close()
            except Exception as exc:  # the history on disk is complete; only the start-up cache was not written
                print(f"devday-tui: progress snapshot not written: {exc}", file=sys.stderr)

    # ----------------------------------------------------------- files on disk

    def reload_files(self, paths: Iterable[Path]) -> None:
        """Re-read the given files (after an edit, or a change on disk) and refresh every screen."""
        self.note_watcher.reload_files(paths)

    def notes_reloaded(self, library: Library, paths: list[Path]) -> None:
        """Files were read again: show the new notes and say which, with their problems."""
        self.forget_search_index()
        self.library = library
        names = ", ".join(p.name for p in paths[:3]) + (" …" if len(paths) > 3 else "")
        self.notify(f"Reloaded {names}", timeout=3, markup=False)
        changed = {p.resolve() for p in paths}
        for warning in [w for w in library.warnings if Path(w.path).resolve() in changed][:3]:
            self.notify(str(warning), title="Problem in your note", severity="warning", timeout=10, markup=False)

    # ------------------------------------------------------------ shared state

    def now(self) -> datetime:
        return self.clock()

    def collect_while_reading(self) -> None:
        """A young garbage collection now, while a card just painted is read (see ``library.collect_young``)."""
        from devday_tui.library import collect_young

        collect_young()

    def progress_changed(self) -> None:
        """Tell every screen that progress or personal notes changed."""
        self.revision += 1

    def set_annotation(self, key: str, text: str) -> bool:
        """Save a personal note for a card or section. Returns False (and says why) when it cannot be saved."""
        store = self.writable_store()
        if store is None:
            return False
        try:
            store.set_annotation(key, text, self.clock())
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

    def writable_store(self) -> ProgressStore | None:
        """The store when changes can be saved; otherwise ``None``, after telling the person why."""
        if self.store is None:
            self.notify(self.store_error or "Progress is still loading.", severity="error", markup=False)
            return None
        if self.store.read_only:
            self.notify(
                "Progress is open read-only (another devday-tui is using it); changes are not saved.",
                severity="warning",
            )
            return None
        return self.store

    def require_writable_store(self) -> bool:
        return self.writable_store() is not None

    # ------------------------------------------------------------------- decks

    def deck(self, key: str | None) -> Deck | None:
        """The loaded deck of ``key`` (None while the notes are read)."""
        return self.library.deck(key) if self.library is not None and key is not None else None

    def deck_rows(self) -> list[DeckRow]:
        """The home screen's table: each deck with what a study session would show now."""
        from devday_tui.core.wip import unfinished_sections
        from devday_tui.widgets.deck_table import DeckRow

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
        from devday_tui.quiz_session import study_queue

        if self.store is None:
            return (0, 0, 0)
        now = self.clock()
        return tuple(study_queue(self.store, deck.cards, deck.settings, now).counts(now))  # type: ignore[return-value]

    def start_study(self, deck_key: str) -> None:
        deck = self.deck(deck_key)
        if deck is None:
            return
        self._start_quiz(list(deck.cards), deck, deck.title)

    def start_section_study(self, cards: list[Card], title: str) -> None:
        """Study just these cards now (a section from the browse pane), with the settings of their deck but not
        its daily limits, as Anki's custom study does: the screen says so."""
        deck = None
        if self.library is not None and cards:
            deck = next((d for d in self.library.decks if any(c.id == cards[0].id for c in d.cards)), None)
        self._start_quiz(cards, deck, title, study_now=True)

    def _start_quiz(self, cards: list[Card], deck: Deck | None, title: str, *, study_now: bool = False) -> None:
        if not cards:
            self.notify("No cards here to study.", severity="warning")
            return
        if not self.require_writable_store():
            return
        from devday_tui.screens.quiz import QuizScreen

        self.push_screen(QuizScreen(cards=cards, deck=deck, title=title, study_now=study_now))

    def open_card_browser(self, deck_key: str | None, query: str = "") -> None:
        """Every card of the deck in a table (see ``screens/card_browser.py``)."""
        if self.library is None:
            self.notify("Still reading your notes…")
            return
        from devday_tui.screens.card_browser import CardBrowserScreen

        self.push_screen(CardBrowserScreen(deck_key, query=query))

    def open_cram_setup(
        self, deck_key: str | None, *, query: str = "", preselect: str | None = None, cards: list[Card] | None = None
    ) -> None:
        """Custom study for the deck (see ``screens/cram_setup.py``), then the cram session it describes."""
        store = self.writable_store() if self.library is not None else None
        if self.library is None or store is None:
            return
        from devday_tui.card_actions import CardActions, note_tags
        from devday_tui.quiz_session import study_queue
        from devday_tui.screens.cram_setup import CramSetupScreen

        deck = self.deck(deck_key)
        chosen = cards if cards is not None else list(deck.cards if deck is not None else self.library.cards)
        notes = deck.notes if deck is not None else self.library.notes
        queue = study_queue(store, list(deck.cards), deck.settings, self.clock()) if deck is not None else None
        shown = queue.upcoming(self.clock(), len(deck.cards)) if queue is not None and deck is not None else []
        new_today = frozenset(c.id for c in shown if (p := queue.progress.get(c.id)) is None or p.state == "new")
        screen = CramSetupScreen(
            deck,
            chosen,
            note_tags(deck, notes),
            CardActions(store),
            new_today=new_today,
            query=query,
            preselect=preselect,
            these=cards is not None,
        )
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
            ExamScreen(
                deck=deck,
                cards=list(deck.cards),
                store=self.store,
                clock=self.clock,
                rng=random.Random(),
                config=config,
            )
        )

    def show_stats(self, deck_key: str | None) -> None:
        if self.store is None:
            self.notify(self.store_error or "Progress is still loading.", severity="error", markup=False)
            return
        from devday_tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen(deck_key=deck_key))

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
