"""Every card of a deck in one table: filter with a query, sort by any column, act on many cards at once.

Reading the progress, filtering and sorting run in a worker; the table draws only the rows on screen. A bulk
change (suspend, unsuspend, bury, reset to new, flag, send to today) is saved in a worker and undone as one step.
"""

from __future__ import annotations

from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Static
from textual.worker import get_current_worker

from devday_tui.card_actions import CardActions, Page, describe, note_tags
from devday_tui.core.card_table import COLUMN_KEYS, COLUMNS
from devday_tui.core.model import Card, Deck
from devday_tui.core.query import CardSource, Query, QueryError, parse_query
from devday_tui.screens.in_app import InApp
from devday_tui.widgets.card_grid import CardGrid
from devday_tui.widgets.key_footer import KeyFooter

#: How long the query waits for more typing before it runs (seconds).
QUERY_DELAY = 0.2


class CardBrowserScreen(InApp, Screen[None]):
    """The cards of ``deck_key`` (every card when None), as a table."""

    HELP_TITLE = "Card browser"

    BINDINGS = [
        Binding("slash", "query", "Filter", key_display="/"),
        Binding("o", "sort_next", "Sort"),
        Binding("O", "sort_reverse", "Reverse", key_display="O"),
        Binding("s", "bulk('suspend')", "Suspend"),
        Binding("S", "bulk('unsuspend')", "Unsuspend", key_display="S"),
        Binding("b", "bulk('bury')", "Bury"),
        Binding("R", "bulk('reset')", "Reset to new", key_display="R"),
        Binding("f", "flag", "Flag"),
        Binding("t", "bulk('today')", "To today"),
        Binding("u", "undo", "Undo"),
        Binding("a", "select_all", "Select all", show=False),
        Binding("C", "study", "Study these", key_display="C"),
        Binding("n", "annotate", "My note", show=False),
        Binding("e", "edit", "Edit file", show=False),
        Binding("escape", "escape", "Back"),
        Binding("q", "back", "Back", show=False),
    ]

    DEFAULT_CSS = """
    CardBrowserScreen #browser-query { border: none; height: 1; padding: 0 1; }
    CardBrowserScreen #browser-query:focus { background: $boost; }
    CardBrowserScreen #browser-status { height: 1; padding: 0 1; color: $text-muted; }
    CardBrowserScreen #browser-status.-error { color: $text-error; }
    """

    def __init__(self, deck_key: str | None = None, *, query: str = "") -> None:
        super().__init__()
        self.deck_key = deck_key
        self.initial_query = query
        self.actions: CardActions | None = None
        self.all_rows: list[Card] = []
        self.source: CardSource | None = None
        self.query_obj: Query = Query("")
        self.page: Page | None = None
        self.sort_column = "where"
        self.descending = False
        self.error = ""
        self.busy = False
        self._timer: Timer | None = None
        self._generation = 0
        self._covered = False
        self._own_change = False

    # -- layout ---------------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            self.initial_query,
            placeholder="Filter: is:due  prop:lapses>2  tag:aws  kind:list  -is:new  text",
            id="browser-query",
        )
        yield Static(Content("Reading progress…"), id="browser-status")
        yield CardGrid(id="browser-grid")
        yield KeyFooter()

    def on_mount(self) -> None:
        deck = self._deck()
        self.title = f"Cards · {deck.title}" if deck is not None else "Cards"
        self.sub_title = "Card browser"
        self.query_one(CardGrid).focus()
        store = self.app.store
        if store is None:
            self._status(self.app.store_error or "Progress is not available.", error=True)
            return
        self.actions = CardActions(store)
        self.watch(self.app, "library", self._library_changed, init=False)
        self.watch(self.app, "revision", self._revision_changed, init=False)
        self._load()

    # -- data -----------------------------------------------------------------------------------------------

    def _deck(self) -> Deck | None:
        return self.app.deck(self.deck_key) if self.deck_key is not None else None

    def _cards_and_tags(self) -> tuple[list[Card], dict[str, tuple[str, ...]]]:
        library = self.app.library
        if library is None:
            return [], {}
        deck = self._deck()
        if deck is not None:
            return list(deck.cards), note_tags(deck, deck.notes)
        return list(library.cards), note_tags(None, library.notes)

    def _load(self) -> None:
        cards, tags = self._cards_and_tags()
        self._read(cards, tags)

    @work(thread=True, exclusive=True, group="browser-read", exit_on_error=False, description="read cards")
    def _read(self, cards: list[Card], tags: dict[str, tuple[str, ...]]) -> None:
        assert self.actions is not None
        source = self.actions.source(cards, tags)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._read_done, cards, source)

    def _read_done(self, cards: list[Card], source: CardSource) -> None:
        self.all_rows = cards
        self.source = source
        self._run_query(self.query_one("#browser-query", Input).value)

    def _run_query(self, text: str) -> None:
        try:
            query = parse_query(text)
        except QueryError as exc:
            self.error = exc.message
            self._update_status()
            return
        self.error = ""
        self.query_obj = query
        self._request_page()

    def _request_page(self) -> None:
        if self.source is None:
            return
        self._generation += 1
        self._page(
            self.all_rows,
            self.source,
            self.query_obj,
            self.sort_column,
            self.descending,
            self.app.now(),
            self._generation,
        )

    @work(thread=True, exclusive=True, group="browser-page", exit_on_error=False, description="filter and sort")
    def _page(
        self,
        cards: list[Card],
        source: CardSource,
        query: Query,
        column: str,
        descending: bool,
        now: datetime,
        generation: int,
    ) -> None:
        assert self.actions is not None
        page = self.actions.page(cards, source, query, column, descending, now)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_page, page, generation)

    def _show_page(self, page: Page, generation: int) -> None:
        if generation != self._generation or not self.is_attached:
            return  # a later query or sort is on its way
        self.page = page
        grid = self.query_one(CardGrid)
        grid.set_sort(self.sort_column, self.descending)
        grid.show(page.rows, page.source, page.moment)
        self._update_status()
        if not page.source.orders:
            self._index(page.source, self.app.now())

    @work(thread=True, exclusive=True, group="browser-index", exit_on_error=False, description="index columns")
    def _index(self, source: CardSource, now: datetime) -> None:
        """Sort orders of every column, made while the person reads the table, so sorting later is one pass."""
        assert self.actions is not None
        self.actions.index(source, now)

    def _library_changed(self, *_: object) -> None:
        if self.app.library is not None:
            self._load()

    def _revision_changed(self, *_: object) -> None:
        # Progress changed elsewhere: read it again. A change made here is in the rows already.
        if self._own_change:
            self._own_change = False
            return
        if self.is_current and not self.busy:
            self._load()

    def on_screen_suspend(self) -> None:
        self._covered = True

    def on_screen_resume(self) -> None:
        # Back from a card's detail or a study session: progress, flags and notes may have changed.
        if self._covered and self.actions is not None and not self.busy:
            self._covered = False
            self._load()

    # -- status line ----------------------------------------------------------------------------------------

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#browser-status", Static)
        status.set_class(error, "-error")
        status.update(Content(text))

    def _update_status(self) -> None:
        if self.error:
            self._status(f"{self.error} (table unchanged)", error=True)
            return
        page = self.page
        if page is None:
            return
        grid = self.query_one(CardGrid)
        title = next(c.title for c in COLUMNS if c.key == self.sort_column)
        shown = f"{len(page.rows):,} of {page.total:,} cards" if self.query_obj.terms else f"{page.total:,} cards"
        parts = [shown, f"sorted by {title} {'▼' if self.descending else '▲'}"]
        if grid.selected:
            parts.insert(1, f"{len(grid.selected):,} selected")
        self._status(" · ".join(parts))

    def on_card_grid_selection_changed(self, event: CardGrid.SelectionChanged) -> None:
        self._update_status()

    # -- query ----------------------------------------------------------------------------------------------

    def action_query(self) -> None:
        self.set_focus(self.query_one("#browser-query", Input))  # at once: the next keys are typed into it

    @on(Input.Changed, "#browser-query")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        value = event.value
        self._timer = self.set_timer(QUERY_DELAY, lambda: self._run_query(value))

    @on(Input.Submitted, "#browser-query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._run_query(event.value)
        if not self.error:
            self.query_one(CardGrid).focus()

    # -- sorting --------------------------------------------------------------------------------------------

    def _sort(self, column: str, descending: bool) -> None:
        self.sort_column, self.descending = column, descending
        self._request_page()

    def action_sort_next(self) -> None:
        keys = list(COLUMN_KEYS)
        self._sort(keys[(keys.index(self.sort_column) + 1) % len(keys)], False)

    def action_sort_reverse(self) -> None:
        self._sort(self.sort_column, not self.descending)

    def on_card_grid_sort_requested(self, event: CardGrid.SortRequested) -> None:
        same = event.column == self.sort_column
        self._sort(event.column, not self.descending if same else False)

    # -- bulk actions ---------------------------------------------------------------------------------------

    def _writable(self) -> bool:
        if self.actions is None:
            return False
        return self.app.require_writable_store()

    def action_bulk(self, action: str, flag: str = "") -> None:
        if self.busy or not self._writable():
            return
        targets = self.query_one(CardGrid).targets()
        if not targets:
            self.notify("No card to act on.")
            return
        self.busy = True
        self._save(action, targets, flag, self.app.now())

    @work(thread=True, group="browser-save", exit_on_error=False, description="save a bulk change")
    def _save(self, action: str, targets: list[str], flag: str, now: datetime) -> None:
        assert self.actions is not None
        try:
            change = self.actions.apply(action, targets, now, flag=flag)
        except Exception as exc:
            self.app.call_from_thread(self._save_failed, exc)
            return
        if self.source is not None:
            self.actions.refresh(self.source)
        self.app.call_from_thread(self._saved, describe(change) + " u undoes it.")

    def _save_failed(self, exc: Exception) -> None:
        self.busy = False
        self.notify(f"Not saved: {exc}", title="Not saved", severity="error", timeout=20, markup=False)

    def _saved(self, message: str) -> None:
        self.busy = False
        self.notify(message, timeout=5, markup=False)
        self.query_one(CardGrid).refresh()  # the selection stays, for the next action on the same cards
        self._own_change = True
        self.app.progress_changed()

    def action_flag(self) -> None:
        if self.busy or not self._writable():
            return
        from devday_tui.screens.flag_picker import FlagPickerScreen

        count = len(self.query_one(CardGrid).targets())
        if not count:
            return

        def chosen(flag: str | None) -> None:
            if flag is not None:
                self.action_bulk("flag", flag)

        self.app.push_screen(FlagPickerScreen(count), chosen)

    def action_undo(self) -> None:
        if self.busy or not self._writable():
            return
        self.busy = True
        self._undo(self.app.now())

    @work(thread=True, group="browser-save", exit_on_error=False, description="undo a bulk change")
    def _undo(self, now: datetime) -> None:
        assert self.actions is not None
        try:
            change = self.actions.undo(now)
        except Exception as exc:
            self.app.call_from_thread(self._save_failed, exc)
            return
        if change is None:
            self.app.call_from_thread(self._saved_nothing)
            return
        if self.source is not None:
            self.actions.refresh(self.source)
        self.app.call_from_thread(self._saved, "Undone: " + describe(change))

    def _saved_nothing(self) -> None:
        self.busy = False
        self.notify("Nothing to undo here.")

    def action_select_all(self) -> None:
        self.query_one(CardGrid).select_all()

    def action_escape(self) -> None:
        grid = self.query_one(CardGrid)
        query = self.query_one("#browser-query", Input)
        if query.has_focus:
            grid.focus()
        elif grid.selected:
            grid.clear_selection()
        else:
            self.action_back()

    def action_back(self) -> None:
        self.dismiss() if self.is_modal else self.app.pop_screen()

    # -- one card -------------------------------------------------------------------------------------------

    def on_card_grid_opened(self, event: CardGrid.Opened) -> None:
        if event.facts is None or self.actions is None:
            return
        from devday_tui.screens.card_detail import CardDetailScreen

        self.app.push_screen(CardDetailScreen(event.facts, self.actions))

    def _current_card(self) -> Card | None:
        facts = self.query_one(CardGrid).current
        return facts.card if facts is not None else None

    def action_annotate(self) -> None:
        card = self._current_card()
        if card is not None:
            self.app.edit_annotation(card.id, card.front, lambda _text: self._load())

    def action_edit(self) -> None:
        card = self._current_card()
        if card is not None:
            self.app.edit_file(card.path, card.line)

    def action_study(self) -> None:
        """Cram the selected cards, else every card the query shows (the setup asks whether answers count)."""
        grid = self.query_one(CardGrid)
        chosen = set(grid.targets())
        cards = [c for c in grid.rows if c.id in chosen] if grid.selected else list(grid.rows)
        if not cards:
            self.notify("No cards to study.")
            return
        self.app.open_cram_setup(self.deck_key, query=self.query_obj.source, preselect="these", cards=cards)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action != "escape" and self._query_focused():
            # Keys sent in one burst with "/" (a paste, tmux send-keys) were queued for the table before the filter
            # took the focus: they must never suspend or reset cards.
            return False
        if action in ("bulk", "flag", "undo") and self.busy:
            return None
        return True

    def _query_focused(self) -> bool:
        return self.is_mounted and self.focused is self.query_one("#browser-query", Input)
