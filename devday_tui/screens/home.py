"""The first screen: the decks, with what is new, learning and due in each."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, LoadingIndicator, Static

from devday_tui.screens.in_app import InApp
from devday_tui.widgets.deck_table import DeckTable
from devday_tui.widgets.key_footer import KeyFooter


class HomeScreen(InApp, Screen[None]):
    """Decks. Enter studies the deck under the cursor; b browses it."""

    BINDINGS = [
        Binding("b", "browse", "Browse"),
        Binding("c", "cards", "Cards", show=False),
        Binding("C", "cram", "Custom study", key_display="C", show=False),
        Binding("W", "cram_weakest", "Cram the weakest", key_display="W", show=False),
        Binding("o", "options", "Deck options", show=False),
        Binding("x", "exam", "Mock exam"),
        Binding("t", "stats", "Stats"),
        Binding("N", "new_note", "New note", key_display="N"),
        Binding("w", "wip", "WIP"),
        Binding("p", "problems", "Problems"),
        Binding("q", "app.quit", "Quit"),
    ]

    DEFAULT_CSS = """
    HomeScreen #home-body {
        padding: 1 2;
        height: 1fr;
    }
    HomeScreen #home-title {
        margin-bottom: 1;
    }
    HomeScreen #decks {
        max-height: 1fr;
    }
    HomeScreen #home-status {
        margin-top: 1;
        height: auto;
    }
    HomeScreen #home-loading {
        height: 3;
    }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-body"):
            yield Static(Content.styled("Decks", "bold"), id="home-title")
            yield LoadingIndicator(id="home-loading")
            yield DeckTable(id="decks")
            yield Static(id="home-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(DeckTable).display = False
        self.watch(self.app, "library", self._refresh, init=True)
        self.watch(self.app, "revision", self._progress_changed, init=False)
        self.watch(self.app, "load_progress", self._show_load_progress, init=False)

    def on_screen_resume(self) -> None:
        self._refresh()

    def _progress_changed(self, *_: object) -> None:
        # Counts change with every answer; a hidden home screen catches up when it is shown again
        # (on_screen_resume). ``is_current`` is not enough: it is also true for the screen right under the top one.
        if self.app.screen is self:
            self._refresh()

    def _refresh(self, *_: object) -> None:
        app = self.app
        status = self.query_one("#home-status", Static)
        if app.library is None:
            self._show_load_progress()
            return
        self.query_one("#home-loading").display = False
        table = self.query_one(DeckTable)
        rows = app.deck_rows()
        table.display = bool(rows)
        table.show(rows)  # (it sets its own height from its rows)
        parts: list[Content | str | tuple[str, str]]
        if not rows or not app.library.cards:
            roots = ", ".join(str(p) for p in app.library.roots) or "(none)"
            parts = [
                ("No cards yet. ", "bold"),
                f"No notes with cards were found in {roots}.\n",
                "Press ",
                ("N", "bold $accent"),
                " to write a note, or start devday-tui with a folder of Markdown notes: ",
                ("devday-tui ~/notes", "bold"),
            ]
            parts += self._problem_parts()
            status.update(Content.assemble(*parts))
        else:
            parts = [
                ("Enter", "bold $accent"),
                " study  ",
                ("b", "bold $accent"),
                " browse  ",
                ("?", "bold $accent"),
                " all keys",
            ]
            parts += self._exam_offer()
            parts += self._problem_parts()
            status.update(Content.assemble(*parts))
        if not table.has_focus and table.display:
            table.focus()

    def _show_load_progress(self, *_: object) -> None:
        """ "Reading your notes… 812 / 2,000" while the first load runs."""
        if self.app.library is not None:
            return
        done, total = self.app.load_progress
        counter = f" {done:,} / {total:,}" if total else ""
        self.query_one("#home-status", Static).update(Content.styled(f"Reading your notes…{counter}", "$text-muted"))

    def _problem_parts(self) -> list[Content | str | tuple[str, str]]:
        app = self.app
        parts: list[Content | str | tuple[str, str]] = []
        if app.library is not None and app.library.warnings:
            n = len(app.library.warnings)
            parts += ["\n", (f"{n} problem{'s' if n != 1 else ''} in your notes: press p", "$text-warning")]
        if app.store is not None and app.store.read_only:
            parts += [
                "\n",
                ("Read-only: another devday-tui is using your progress; answers are not saved.", "$text-warning"),
            ]
        if app.store_error:
            parts += ["\n", ("Progress unavailable: press p for details.", "$text-error")]
        return parts

    def _deck_key(self) -> str | None:
        return self.query_one(DeckTable).selected_key

    def on_deck_table_study_requested(self, event: DeckTable.StudyRequested) -> None:
        self.app.start_study(event.deck_key)

    def action_browse(self) -> None:
        if self.app.library is None:
            self.notify("Still reading your notes…")
            return
        from devday_tui.screens.browse import BrowseScreen

        self.app.push_screen(BrowseScreen(deck_key=self._deck_key()))

    def action_wip(self) -> None:
        """The unfinished sections of the deck: browse with "WIP only" on (w there shows everything)."""
        if self.app.library is None:
            self.notify("Still reading your notes…")
            return
        from devday_tui.screens.browse import BrowseScreen

        self.app.push_screen(BrowseScreen(deck_key=self._deck_key(), wip_only=True))

    def action_cards(self) -> None:
        self.app.open_card_browser(self._deck_key())

    def action_options(self) -> None:
        self.app.open_deck_options(self._deck_key())

    def action_cram(self) -> None:
        self.app.open_cram_setup(self._deck_key())

    def _exam_offer(self) -> list[Content | str | tuple[str, str]]:
        from devday_tui.core.cram import exam_offer

        library = self.app.library
        if library is None:
            return []
        offer = exam_offer(library.decks, self.app.now().astimezone().date())
        return ["\n", (offer.text, "bold $text-warning"), ("  W", "bold $accent"), " starts it"] if offer else []

    def action_cram_weakest(self) -> None:
        from devday_tui.core.cram import exam_offer

        offer = exam_offer(self.app.library.decks, self.app.now().astimezone().date()) if self.app.library else None
        if offer is None:
            self.notify("No exam within a week: set exam_date in the deck options (o).")
            return
        self.app.open_cram_setup(offer.deck_key, preselect="weakest")

    def action_exam(self) -> None:
        key = self._deck_key()
        if key is not None:
            self.app.start_exam(key)

    def action_stats(self) -> None:
        self.app.show_stats(self._deck_key())

    def action_new_note(self) -> None:
        self.app.new_note(self._deck_key())

    def action_problems(self) -> None:
        from devday_tui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen())
