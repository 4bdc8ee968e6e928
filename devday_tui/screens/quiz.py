"""The study session: one card at a time, graded Again / Hard / Good / Easy, as in Anki.

Every answer is saved by the store in a worker thread; the next card shows only once the store has it on disk, and
the UI never waits on the disk meanwhile. Learning cards come back in the same session when their step is over;
when nothing else is left but a learning card due in a few minutes, the screen says so and waits for it.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING, Callable, ClassVar, Literal, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header

from devday_tui.core.clock import format_interval
from devday_tui.core.cram import CramRequest
from devday_tui.core.model import Card, Deck, DeckSettings
from devday_tui.core.scheduling import GRADES
from devday_tui.quiz_session import QuizSession, Step, StudyPreferences, Undone, source_label
from devday_tui.safe_text import one_line
from devday_tui.saving import prepare, save
from devday_tui.screens.quiz_typing import QuizTyping
from devday_tui.widgets.card_face import CardFace, item_count, kind_label
from devday_tui.widgets.cram_banner import CramBanner
from devday_tui.widgets.fitted_path import SEPARATOR, FittedPath, fit_path
from devday_tui.widgets.grade_bar import GradeBar
from devday_tui.widgets.key_footer import KeyFooter
from devday_tui.widgets.learning_wait import LearningWait
from devday_tui.widgets.quiz_top import QuizTop

if TYPE_CHECKING:
    from devday_tui.quiz_session import Answer

T = TypeVar("T")
State = Literal["starting", "front", "back", "saving", "waiting", "done"]

#: The four grade keys share one place in the footer ("1 2 3 4 Grade"); the buttons above name each grade.
_GRADE_GROUP = Binding.Group("Grade", compact=False)


class QuizScreen(QuizTyping, Screen):
    """Study ``cards`` with ``deck``'s settings (the defaults when ``deck`` is None)."""

    HELP_TITLE = "Study"

    #: How often the waiting screen looks whether the next learning card is due (seconds).
    WAIT_POLL: ClassVar[float] = 1.0
    #: How long after a card is shown its garbage is collected (seconds): after it is painted, while it is read.
    COLLECT_AFTER: ClassVar[float] = 0.1
    #: Where the session is. Keys are offered and refused by it (``check_action``); its one watcher sets the
    #: screen's classes, and the footer follows by itself.
    state: var[State] = var("starting", bindings=True)
    #: The grade the typed answer suggests (Enter accepts it), shown on its button.
    suggested: var[int | None] = var(None, bindings=True)
    #: The time source of the card clock (a test freezes it).
    monotonic: ClassVar[Callable[[], float]] = staticmethod(time.monotonic)

    BINDINGS = [
        Binding("space", "next_item", "Next item"),
        Binding("space", "reveal", "Show answer"),
        Binding("space", "study_early", "Study it now"),
        Binding("space", "accept", "Good", show=False),
        Binding("enter", "show_all", "All items"),
        Binding("enter", "reveal", "Show answer", show=False),
        Binding("enter", "study_early", "Study it now", show=False),
        Binding("enter", "accept_suggested", "Accept"),
        Binding("enter", "accept", "Good", show=False),
        Binding("a", "show_all", "All items", show=False),
        *(Binding(g.key, f"grade({int(g.rating)})", g.label, group=_GRADE_GROUP) for g in GRADES),
        Binding("u", "undo", "Undo"),
        Binding("s", "suspend", "Suspend"),
        Binding("b", "bury", "Bury"),
        Binding("n", "annotate", "My note"),
        Binding("e", "edit", "Edit file", show=False),
        Binding("c", "toggle_context", "Hide/show context", show=False),
        Binding("i", "toggle_typed", "Type answers on/off", show=False),
        Binding("down", "scroll_card('down')", "Scroll the card down", show=False),
        Binding("up", "scroll_card('up')", "Scroll the card up", show=False),
        Binding("pagedown", "scroll_card('page_down')", "Page down the card", show=False),
        Binding("pageup", "scroll_card('page_up')", "Page up the card", show=False),
        Binding("q", "end", "End"),
        Binding("escape", "leave_answer_box", "Leave the answer box"),
        Binding("escape", "end", "End", show=False),
    ]

    CSS_PATH = "quiz.tcss"

    def __init__(
        self,
        cards: list[Card],
        deck: Deck | None = None,
        title: str = "",
        *,
        study_now: bool = False,
        cram: CramRequest | None = None,
    ) -> None:
        super().__init__()
        #: Cards chosen in browse, studied whatever today's limits say (the header says so).
        self.study_now = study_now
        self.cram = cram
        self.initial_cards = list(cards)
        self.deck = deck
        self.deck_key = deck.key if deck is not None else None
        self.settings = deck.settings if deck is not None else DeckSettings()
        self.study_title = title or (deck.title if deck is not None else "Study")
        self.session: QuizSession | None = None
        self.card: Card | None = None
        self.items_shown = 0
        self.wait_until: datetime | None = None
        self.cards_shown = 0
        self._wait_timer: Timer | None = None
        self._collect_timer: Timer | None = None
        self._end_requested = False
        self._resume_state: State = "front"
        self._sections = {(c.note_key, c.section_id) for c in self.initial_cards}
        # The parts of the screen, kept at hand: every card updates them.
        self._top = QuizTop(self.monotonic, id="quiz-top")
        self._clock = self._top.clock
        self._crumb = FittedPath(id="quiz-crumb")
        self._scroll = VerticalScroll(id="quiz-card", can_focus=False)
        self._face = CardFace(id="quiz-face")
        self._waiting = LearningWait(id="quiz-wait")
        self._grades = GradeBar(id="quiz-grades")

    @property
    def preferences(self) -> StudyPreferences:
        """Choices kept by the app for the next sessions (typed answers, the breadcrumb)."""
        return self.app.study_preferences

    def watch_state(self, state: State) -> None:
        self.set_class(state == "waiting", "-waiting")

    def watch_suggested(self, rating: int | None) -> None:
        self._grades.suggest(rating)

    # ---------------------------------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Header()
        yield self._top
        yield self._crumb
        with self._scroll:
            yield self._face
        yield self._waiting
        yield self._grades
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.title = fit_path(self.study_title.split(SEPARATOR), 60)  # a section keeps its own heading
        self.sub_title = "Study now: ignores today's limits" if self.study_now else "Study"
        self.set_class(not self.preferences.show_context, "-no-context")
        store = self.app.store
        if store is None:
            self.notify("Progress is not available, so nothing can be studied.", severity="error")
            self.app.pop_screen()
            return
        # A whole deck introduces one new card per section a day; a section chosen in the browse pane shows all.
        whole_deck = self.deck is not None and {c.id for c in self.deck.cards} <= {c.id for c in self.initial_cards}
        self.session = QuizSession(
            store,
            self.initial_cards,
            self.settings,
            self.app.now(),
            bury_siblings=whole_deck,
            limits=not self.study_now,
            cram=self.cram,
        )
        session, now = self.session, self.app.now()
        prepare(lambda: session.prepare_saves(now))  # while the first card is read
        if self.cram is not None:
            self.mount(CramBanner(self.cram.counts, len(self.initial_cards)), before="#quiz-top")
        self.watch(self.app, "library", self._library_changed, init=False)
        self.show_next()

    # ------------------------------------------------------------------------------------------ showing

    def show_next(self) -> None:
        """Show the next card, or wait for a learning card, or end the session when nothing is left."""
        session = self.session
        assert session is not None
        now = self.app.now()
        card = session.next_card(now)
        if card is not None:
            self._show_card(card, now)
            return
        wait = session.next_wait(now)
        if wait is not None:
            self._wait_for(wait)
            return
        self.finish(finished=True)

    def _show_card(self, card: Card, now: datetime | None = None) -> None:
        """Show ``card``; ``now`` is the moment it was chosen at (the queue's counts for it are known already)."""
        self._stop_waiting()
        self.state = "front"
        self.card = card
        self.items_shown = 0
        self.suggested = None
        self.cards_shown += 1
        self._update_top(now)
        self._render_card()
        self._grades.show_front("Next item" if item_count(card) else "Show answer")
        self._setup_typed()
        self._scroll.scroll_home(animate=False)
        self._clock.restart()
        self._collect_later()

    def _collect_later(self) -> None:
        """Collect garbage once the card is on screen and being read. Textual's ``call_after_refresh`` may run
        before the frame is painted (when the layout is still pending), which put the collection between the
        grade key and the next card; a card is painted within a few tens of milliseconds, and read for longer
        than ``COLLECT_AFTER``."""
        if self._collect_timer is not None:
            self._collect_timer.stop()
        self._collect_timer = self.set_timer(self.COLLECT_AFTER, self.app.collect_while_reading)

    def _update_top(self, now: datetime | None = None) -> None:
        session = self.session
        assert session is not None
        card = self.card if self.state in ("front", "back") else None
        self._top.show(
            session.counts(now or self.app.now()),
            session.done(),
            current=session.source(card) if card else None,
            kind=kind_label(card) if card else None,
        )
        self._crumb.show(self.card.context if self.card is not None else ())

    def _render_card(self) -> None:
        card = self.card
        if card is None:
            return
        revealed = self.state == "back" or (self.state == "saving" and self._resume_state == "back")
        annotation = self.app.annotation(card.id) if revealed else ""
        library = self.app.library
        roots = list(getattr(library, "roots", ()) or ())
        self._face.show(
            card,
            revealed=revealed,
            items_shown=self.items_shown,
            annotation=annotation,
            source=source_label(card.path, card.line_label, roots),
        )

    def _reveal(self) -> None:
        card, session = self.card, self.session
        if card is None or session is None or self.state != "front":
            return
        self.state = "back"
        self.items_shown = item_count(card)
        typed = self._typed_widget()
        if typed is not None and typed.result is None:
            if typed.blank:
                typed.display = False  # shown without typing: nothing to check, no grade to suggest
            else:
                self.suggested = int(typed.check().grade)
        if typed is not None:
            self.set_focus(None)  # the grade keys go to the screen at once, not to the checked box
        try:
            previews = session.preview(card.id, self.app.now())
            intervals = {int(rating): format_interval(delta) for rating, delta in previews.items()}
        except Exception as exc:  # a bad deck setting must not stop the review
            self.notify(f"Intervals not available: {exc}", severity="warning", markup=False)
            intervals = {}
        self._grades.show_grades(intervals)
        self._render_card()
        self._update_top()

    # ---------------------------------------------------------------------------------------------- clicks

    @on(GradeBar.RevealRequested)
    def _reveal_clicked(self, event: GradeBar.RevealRequested) -> None:
        event.stop()
        # The button does what Space does: the next item of a list, else the answer.
        if self._stepping():
            self.action_next_item()
        else:
            self.action_reveal()

    @on(GradeBar.Graded)
    def _grade_clicked(self, event: GradeBar.Graded) -> None:
        event.stop()
        self._grade(event.rating)

    # -------------------------------------------------------------------------------------------- waiting

    def _wait_for(self, when: datetime) -> None:
        self.state = "waiting"
        self.card = None
        self.wait_until = when
        self._clock.stop()
        self._grades.hide()
        existing = self._typed_widget()
        if existing is not None:
            existing.remove()
        self._update_top()
        self._update_wait()
        if self._wait_timer is None:
            self._wait_timer = self.set_interval(self.WAIT_POLL, self._poll_wait)

    def _stop_waiting(self) -> None:
        if self._wait_timer is not None:
            self._wait_timer.stop()
            self._wait_timer = None
        self.wait_until = None

    def _update_wait(self) -> None:
        if self.wait_until is not None:
            answered = self.session is not None and self.session.done() > 0
            self._waiting.show(self.wait_until, self.app.now(), answered=answered)

    def _poll_wait(self) -> None:
        if self.state != "waiting" or self.session is None:
            return
        now = self.app.now()
        if self.session.next_card(now) is not None or self.session.next_wait(now) is None:
            self.show_next()
        else:
            self.wait_until = self.session.next_wait(now)
            self._update_wait()
            self._update_top()

    # -------------------------------------------------------------------------------------------- saving

    def _grade(self, rating: int) -> None:
        card, session = self.card, self.session
        if card is None or session is None or self.state != "back":
            return
        duration = self._clock.duration
        now = self.app.now()
        self._save(lambda: session.save_answer(card.id, rating, now, duration), self._answer_saved)

    def _save(self, write: Callable[[], T], then: Callable[[T], None]) -> None:
        """Every change of progress: keys that change progress are refused until the store has saved (or refused)
        it; then ``then(result)`` moves on. A failure is told and the card stays, to be tried again."""
        self._resume_state = self.state
        self.state = "saving"
        self._clock.pause()

        def saved(result: T) -> None:
            if self.state == "saving" and self.is_attached:
                then(result)

        save(self.app, write, saved, failed=self._save_failed)

    def _answer_saved(self, answer: "Answer") -> None:
        session = self.session
        assert session is not None
        session.apply_answer(answer)
        if answer.became_leech:
            card = session.index.get(answer.review.card_id)
            front = one_line(card.front, 60) if card is not None else answer.review.card_id
            self.notify(
                f"“{front}” has lapsed {answer.after.lapses} times: it is a leech and is now suspended. "
                "Rewrite or split it in your note (e in browse), then unsuspend it.",
                title="Leech",
                severity="warning",
                timeout=15,
                markup=False,
            )
        self._after_save()

    def _save_failed(self, _exc: Exception) -> None:
        self._end_requested = False
        if self.state != "saving" or not self.is_attached:
            return
        if self._resume_state in ("front", "back") and self.card is not None:
            self.state = self._resume_state
            self._clock.resume()
        else:
            self.show_next()

    def _after_save(self) -> None:
        if self._end_requested:
            self.finish(finished=False)
        else:
            self.show_next()

    def _run_step(self, write: Callable[[QuizSession, str, datetime], Step], done_message: str) -> None:
        """Suspend or bury the card on screen (front or back): ``write(session, card id, now)`` saved, then the
        next card."""
        card, session = self.card, self.session
        if card is None or session is None or self.state not in ("front", "back"):
            return
        now = self.app.now()

        def saved(step: Step) -> None:
            assert self.session is not None
            self.session.apply_step(step)
            self.notify(done_message, timeout=4, markup=False)
            self._after_save()

        self._save(lambda: write(session, card.id, now), saved)

    def _undone(self, undone: Undone | None) -> None:
        session = self.session
        assert session is not None
        if undone is None:
            self.notify("Nothing to undo in this session.")
            self.show_next()
            return
        card = session.apply_undo(undone)
        self.notify(undone.message, timeout=3, markup=False)
        if card is not None:
            self._show_card(card)
        else:
            self.show_next()

    # -------------------------------------------------------------------------------------------- ending

    def finish(self, *, finished: bool) -> None:
        """Replace this screen with the session summary."""
        if self.state == "done":
            return
        self._stop_waiting()
        self.state = "done"
        session = self.session
        assert session is not None
        from devday_tui.screens.summary import SummaryScreen

        summary = SummaryScreen.of_session(session, self.app.now(), self.study_title, self.deck_key, finished=finished)
        self.app.switch_screen(summary)

    # ---------------------------------------------------------------------------------- notes re-read

    def _library_changed(self, library) -> None:
        if library is None or self.session is None or self.state == "done":
            return
        if self.cram is not None:  # the cards chosen, as they read now
            cards = [c for c in (library.card(cid) for cid in (c.id for c in self.initial_cards)) if c is not None]
        elif self.deck_key is not None:
            deck = library.deck(self.deck_key)
            cards = list(deck.cards) if deck is not None else []
            if deck is not None:
                self.settings = deck.settings
                self.session.settings = deck.settings
        else:
            cards = [c for c in library.cards if (c.note_key, c.section_id) in self._sections]
        self.session.set_cards(cards, self.app.now())
        if self.state == "saving":
            return  # the save in flight moves on to the next card itself
        current = self.card
        if current is not None and current.id in self.session.index:
            self.card = self.session.index[current.id]
            self._update_top()
            self._render_card()
            return
        if current is not None:
            self.notify("The card on screen changed in its file; moving on.", timeout=5)
        if self.state in ("front", "back", "waiting"):
            self.show_next()

    # ------------------------------------------------------------------------------------ screen events

    def on_screen_suspend(self) -> None:
        self._clock.pause()

    def on_screen_resume(self) -> None:
        if self.state in ("front", "back"):
            self._clock.resume()
            self._render_card()

    # ------------------------------------------------------------------------------------------ actions

    def _stepping(self) -> bool:
        return self.state == "front" and item_count(self.card) > 0 if self.card is not None else False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While an answer is being saved (a few milliseconds) the footer keeps the keys of the card on screen,
        # so that it does not flicker and no layout competes with the save; the actions themselves do nothing
        # until the save is done (each checks ``state``), so a key pressed meanwhile is ignored.
        state = self._resume_state if self.state == "saving" else self.state
        if action == "next_item":
            return self._stepping()
        if action == "show_all":
            return self._stepping()
        if action == "reveal":
            return state == "front"
        if action == "study_early":
            return state == "waiting"
        if action == "accept_suggested":
            return state == "back" and self.suggested is not None
        if action in ("accept", "grade"):
            return state == "back"
        if action == "undo":
            return self.session is not None and bool(self.session.steps) and state in ("front", "back", "waiting")
        if action in ("suspend", "bury", "annotate", "edit"):
            return state in ("front", "back")
        if action == "toggle_context":
            return state in ("front", "back")
        if action == "scroll_card":
            # Only when the card is taller than its place (a long list on a small terminal).
            return state in ("front", "back") and self._scroll.max_scroll_y > 0
        if action == "leave_answer_box":
            typed = self._typed_widget()
            return typed is not None and typed.has_focus_within
        return True

    def action_next_item(self) -> None:
        if not self._stepping():
            return
        self.items_shown += 1
        if self.items_shown >= item_count(self.card):
            self._reveal()
        else:
            self._render_card()
            self._scroll.scroll_end(animate=False)

    def action_show_all(self) -> None:
        if self.state == "front":
            self._reveal()

    def action_reveal(self) -> None:
        if self.state != "front":
            return
        self._reveal()

    def action_study_early(self) -> None:
        if self.state != "waiting" or self.session is None:
            return
        card = self.session.waiting_card(self.app.now())
        if card is None:
            self.show_next()
            return
        self.session.force(card.id)
        self.show_next()

    def action_accept(self) -> None:
        self._grade(self.suggested or 3)

    def action_accept_suggested(self) -> None:
        if self.suggested is not None:
            self._grade(self.suggested)

    def action_grade(self, rating: int) -> None:
        self._grade(int(rating))

    def action_undo(self) -> None:
        if self.session is None or self.state not in ("front", "back", "waiting"):
            return
        if not self.session.steps:
            self.notify("Nothing to undo in this session.")
            return
        self._stop_waiting()
        session, now = self.session, self.app.now()
        self._save(lambda: session.save_undo(now), self._undone)

    def action_suspend(self) -> None:
        self._run_step(QuizSession.save_suspend, "Suspended. u undoes it.")

    def action_bury(self) -> None:
        self._run_step(QuizSession.save_bury, "Buried until tomorrow. u undoes it.")

    def action_annotate(self) -> None:
        card = self.card
        if card is None or self.state not in ("front", "back"):
            return
        self.app.edit_annotation(card.id, one_line(card.front, 80), lambda _text: self._render_card())

    def action_edit(self) -> None:
        card = self.card
        if card is None or self.state not in ("front", "back"):
            return
        self.app.edit_file(card.path, card.line)

    def action_scroll_card(self, how: str) -> None:
        card = self._scroll
        {
            "down": card.scroll_down,
            "up": card.scroll_up,
            "page_down": card.scroll_page_down,
            "page_up": card.scroll_page_up,
        }[how](animate=False)

    def action_toggle_context(self) -> None:
        self.preferences.show_context = not self.preferences.show_context
        self.set_class(not self.preferences.show_context, "-no-context")

    def action_end(self) -> None:
        if self.state == "saving":
            self._end_requested = True
            return
        if self.state == "starting" or self.session is None:
            self.app.pop_screen()
            return
        self.finish(finished=False)
