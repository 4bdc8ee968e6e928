"""Browse notes › sections › cards, find unfinished sections, search, and write personal notes."""

from __future__ import annotations

from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Static
from textual.worker import get_current_worker

from devday_tui.core.model import Card, Note, Section
from devday_tui.core.search import SearchResult
from devday_tui.core.wip import note_is_tagged_wip, unfinished_sections
from devday_tui.core.words import plural
from devday_tui.safe_text import one_line
from devday_tui.saving import save
from devday_tui.screens.in_app import InApp
from devday_tui.widgets.card_list import CardList, CardStatus
from devday_tui.widgets.key_footer import KeyFooter
from devday_tui.widgets.note_tree import NodeRef, NoteTree, TreeFilter
from devday_tui.widgets.section_view import SectionView


class BrowseScreen(InApp, Screen[None]):
    """Notes on the left, the selected section and its cards on the right."""

    BINDINGS = [
        Binding("slash", "search", "Search", key_display="/"),
        Binding("w", "toggle_wip", "WIP only"),
        Binding("n", "annotate", "My note"),
        Binding("e", "edit", "Edit file"),
        Binding("r", "review_section", "Study now"),
        Binding("c", "cards", "Cards", show=False),
        Binding("N", "new_note", "New note", key_display="N", show=False),
        Binding("t", "stats", "Stats", show=False),
        Binding("escape", "back", "Back", show=False),
        Binding("q", "back", "Back", show=False),
    ]

    DEFAULT_CSS = """
    BrowseScreen #search {
        margin: 0 1;
    }
    BrowseScreen #filter-status {
        height: 1;
        padding: 0 2;
        background: $boost;
    }
    BrowseScreen #browse {
        height: 1fr;
    }
    BrowseScreen #tree {
        width: 40%;
        min-width: 26;
        max-width: 60;
        border-right: vkey $foreground 20%;
        scrollbar-size-vertical: 1;
    }
    BrowseScreen #detail {
        width: 1fr;
        padding: 0 0 0 1;
    }
    BrowseScreen #cards-title {
        height: 1;
        background: $boost;
    }
    """

    def __init__(self, deck_key: str | None = None, *, focus: NodeRef | None = None, wip_only: bool = False) -> None:
        super().__init__()
        self.deck_key = deck_key
        self.wip_only = wip_only
        self.search_result: SearchResult | None = None
        self._focus_ref = focus
        self._search_timer: Timer | None = None
        self._show_timer: Timer | None = None
        self._shown: NodeRef | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search headings, cards and your notes (Esc to clear)", id="search")
        yield Static(id="filter-status")
        with Horizontal(id="browse"):
            yield NoteTree(id="tree")
            with Vertical(id="detail"):
                yield SectionView(id="section")
                yield Static(id="cards-title")
                yield CardList(id="cards")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#search").display = False
        self.query_one("#filter-status").display = False
        self.watch(self.app, "library", self._library_changed, init=True)
        self.watch(self.app, "revision", self._progress_changed, init=False)
        self.query_one(NoteTree).focus()

    # ------------------------------------------------------------------ helpers

    def notes(self) -> list[Note]:
        library = self.app.library
        if library is None:
            return []
        if self.deck_key is not None:
            for deck in library.decks:
                if deck.key == self.deck_key:
                    return list(deck.notes)
        return list(library.notes)

    def _find(self, ref: NodeRef | None) -> tuple[Note | None, Section | None]:
        if ref is None:
            return None, None
        for note in self.notes():
            if note.key != ref.note_key:
                continue
            if ref.section_id is None:
                return note, None
            for section in note.walk():
                if section.id == ref.section_id:
                    return note, section
            return note, None
        return None, None

    def _filter(self) -> TreeFilter:
        allowed: set[str] | None = None
        notes: set[str] = set()
        if self.wip_only:
            allowed = {s.id for note in self.notes() for s in unfinished_sections(note)}
            notes = {note.key for note in self.notes() if note_is_tagged_wip(note)}
        if self.search_result is not None and self.search_result.query.strip():
            found = self.search_result.sections
            allowed = found if allowed is None else allowed & found
            notes = set()
        expand = allowed is not None and len(allowed) <= 300
        return TreeFilter(sections=allowed, notes=notes, expand=expand)

    def _update_status(self, flt: TreeFilter) -> None:
        status = self.query_one("#filter-status", Static)
        parts: list[Content | str | tuple[str, str]] = []
        if self.wip_only:
            parts.append(("WIP only", "bold $text-warning"))
        if self.search_result is not None and self.search_result.query.strip():
            if parts:
                parts.append(" · ")
            # Counted over the notes this screen shows (a deck's), as the tree and the cards pane show them.
            notes = self.notes()
            sections = self.search_result.sections & {s.id for n in notes for s in n.walk()}
            cards = self.search_result.cards & {c.id for n in notes for c in n.cards}
            parts += [
                "search ",
                (f"“{one_line(self.search_result.query, 40)}”", "bold"),
                f": {plural(len(sections), 'section')}, {plural(len(cards), 'card')} match",
            ]
        if flt.sections is not None and not flt.sections and not flt.notes:
            parts.append(("  nothing matches", "$text-error"))
        status.display = bool(parts)
        status.update(Content.assemble(*parts))

    def _rebuild_tree(self) -> TreeFilter:
        tree = self.query_one(NoteTree)
        flt = self._filter()
        tree.show_notes(self.notes(), flt)
        self._update_status(flt)
        if self._focus_ref is not None:
            tree.select_ref(self._focus_ref)
            self._focus_ref = None
        self.call_after_refresh(self._show_cursor, flt)
        return flt

    def _show_cursor(self, flt: TreeFilter) -> None:
        """Show what the tree cursor is on after a rebuild; the cursor may have moved or gone."""
        tree = self.query_one(NoteTree)
        if tree.current is None and tree.root.children:
            tree.cursor_to_first_note()
        if tree.current is not None:
            self._schedule_show(tree.current)
            return
        self._shown = None
        self.query_one(SectionView).display = False
        self.query_one(CardList).display = False
        self._show_cards([])
        self.query_one("#cards-title", Static).update(
            Content.styled("Nothing to show. Press w or Esc to clear the filter.", "$text-muted")
            if flt.sections is not None
            else Content.styled("No notes.", "$text-muted")
        )

    def _library_changed(self, *_: object) -> None:
        if self.app.library is None:
            return
        query = self.query_one("#search", Input).value
        if query.strip():
            self._run_search(query)
            return
        self._rebuild_tree()

    def _progress_changed(self, *_: object) -> None:
        # Only on top (``is_current`` is also true for the screen right under it); on_screen_resume catches up.
        if self._shown is not None and self.app.screen is self:
            self._show(self._shown)

    def on_screen_resume(self) -> None:
        if self._shown is not None:
            self._show(self._shown)

    # ------------------------------------------------------------------- events

    def on_note_tree_section_chosen(self, event: NoteTree.SectionChosen) -> None:
        self._schedule_show(event.ref)

    def _schedule_show(self, ref: NodeRef) -> None:
        # Moving fast through the tree must not render every section on the way.
        if self._show_timer is not None:
            self._show_timer.stop()
        self._show_timer = self.set_timer(0.06, lambda: self._show(ref))

    def _show(self, ref: NodeRef) -> None:
        note, section = self._find(ref)
        view = self.query_one(SectionView)
        if note is None:
            return
        self._shown = ref
        view.display = True
        app = self.app
        if section is None:
            view.show(note, None)
            cards = list(note.cards)
        else:
            view.show(note, section, app.annotation(section.id))
            cards = self._section_cards(note, section)
        heading = f"Cards ({len(cards)})"
        if self.search_result is not None and self.search_result.query.strip():
            hits = [c for c in cards if c.id in self.search_result.cards]
            if hits:
                heading = f"Cards matching ({len(hits)} of {len(cards)})"
                cards = hits
            elif cards:
                heading = f"Cards ({len(cards)}; none match, the section does)"
        rows = [(card, self._status(card)) for card in cards]
        self.query_one(CardList).display = bool(rows)
        title = self.query_one("#cards-title", Static)
        if section is not None and not section.card_ids and not cards:
            title.update(Content.styled("No cards in this section.", "$text-muted"))
        else:
            title.update(Content.styled(heading, "bold"))
        self._show_cards(rows)

    def _show_cards(self, rows: list[tuple[Card, CardStatus]]) -> None:
        """Fill the card list in a worker (the newest call wins)."""
        self._fill(self.query_one(CardList), rows, self.app.now())

    @work(exclusive=True, group="cards")
    async def _fill(self, cards: CardList, rows: list[tuple[Card, CardStatus]], now: datetime) -> None:
        await cards.show(rows, now)

    @staticmethod
    def _section_cards(note: Note, section: Section) -> list[Card]:
        ids = {cid for s in section.walk() for cid in s.card_ids}
        return [c for c in note.cards if c.id in ids]

    def _status(self, card: Card) -> CardStatus:
        app = self.app
        annotation = app.annotation(card.id)
        progress = app.store.progress(card.id) if app.store is not None else None
        if progress is None:
            return CardStatus(annotation=annotation)
        return CardStatus(
            state=progress.state,
            due=progress.due,
            suspended=progress.suspended,
            leech=progress.leech,
            annotation=annotation,
        )

    # ------------------------------------------------------------------- search

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        query = event.value
        self._search_timer = self.set_timer(0.15, lambda: self._run_search(query))

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one(NoteTree).focus()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _run_search(self, query: str) -> None:
        if not query.strip():
            self.app.call_from_thread(self._apply_search, query, None)
            return
        index = self.app.get_search_index()
        if index is None or get_current_worker().is_cancelled:
            return
        result = index.search(query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._apply_search, query, result)

    def _apply_search(self, query: str, result: SearchResult | None) -> None:
        # A search that finished after the text changed (or after Esc) is not shown.
        search = self.query_one("#search", Input)
        if query != search.value or (not search.display and result is not None):
            return
        self.search_result = result
        self._rebuild_tree()

    def _clear_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        search.display = False
        if self._search_timer is not None:
            self._search_timer.stop()
        self.search_result = None
        self._rebuild_tree()
        self.query_one(NoteTree).focus()

    # ------------------------------------------------------------------ actions

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.display and (search.has_focus or search.value):
            self._clear_search()
            return
        if self.wip_only:
            self.action_toggle_wip()
            return
        self.app.pop_screen()

    def action_toggle_wip(self) -> None:
        self.wip_only = not self.wip_only
        flt = self._rebuild_tree()
        if self.wip_only:
            count = len(flt.sections or ())
            self.notify(f"{count} unfinished section{'s' if count != 1 else ''}. Press w again to show all.")

    def _target(self) -> tuple[str, str, Card | None, Section | None, Note | None]:
        """The card (when the card list has focus) or the section under the tree cursor. Never the section the
        right pane shows: it follows the cursor a moment later."""
        cards = self.query_one(CardList)
        if cards.has_focus and cards.current_card is not None:
            note, section = self._find(self._shown)
        else:
            note, section = self._find(self.query_one(NoteTree).current)
        if cards.has_focus and cards.current_card is not None:
            card = cards.current_card
            return card.id, f"card: {one_line(card.front, 50)}", card, section, note
        if section is not None:
            return section.id, f"section: {one_line(section.heading, 50)}", None, section, note
        return "", "", None, None, note

    def action_annotate(self) -> None:
        key, label, _card, _section, _note = self._target()
        if not key:
            self.notify("Choose a section or a card first.")
            return

        def saved(_text: str) -> None:
            query = self.query_one("#search", Input).value
            if query.strip():  # the note may change what the search finds
                self._run_search(query)

        self.app.edit_annotation(key, label, saved)

    def action_edit(self) -> None:
        _key, _label, card, section, note = self._target()
        if card is not None:
            self.app.edit_file(card.path, card.line)
        elif section is not None and note is not None:
            self.app.edit_file(note.path, section.start_line)
        elif note is not None:
            self.app.edit_file(note.path, 1)

    def on_card_list_suspend_requested(self, event: CardList.SuspendRequested) -> None:
        card = event.card
        app = self.app
        store = app.writable_store()
        if store is None:
            return
        now = app.now()
        progress = store.progress(card.id)
        if progress is not None and progress.suspended:
            save(
                app,
                lambda: store.unsuspend(card.id, now),
                lambda _p: self.notify("Card unsuspended: it will be scheduled again."),
            )
        else:
            save(
                app,
                lambda: store.suspend(card.id, now),
                lambda _p: self.notify("Card suspended: it will not be shown in reviews."),
            )

    def action_review_section(self) -> None:
        note, section = self._find(self.query_one(NoteTree).current)
        if note is None:
            return
        cards = self._section_cards(note, section) if section is not None else list(note.cards)
        title = " › ".join(section.breadcrumb) if section is not None else note.title
        self.app.start_section_study(cards, title)

    def action_cards(self) -> None:
        self.app.open_card_browser(self.deck_key)

    def action_new_note(self) -> None:
        self.app.new_note(self.deck_key)

    def action_stats(self) -> None:
        self.app.show_stats(self.deck_key)
