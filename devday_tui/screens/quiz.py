"""The study session: one card at a time, graded Again / Hard / Good / Easy, as in Anki.

Every answer is saved by the store in a worker thread; the next card shows only once the store has it on disk, and
the UI never waits on the disk meanwhile. Learning cards come back in the same session when their step is over;
when nothing else is left but a learning card due in a few minutes, the screen says so and waits for it.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, ProgressBar, Static

from devday_tui.core.answer import Verdict
from devday_tui.core.cram import CramRequest
from devday_tui.core.model import Card, Deck, DeckSettings
from devday_tui.core.scheduling import GRADES, format_interval
from devday_tui.quiz_session import QuizSession, Step, Undone
from devday_tui.safe_text import clean, one_line
from devday_tui.widgets.card_clock import CardClock
from devday_tui.widgets.card_face import CardFace, item_count, kind_label
from devday_tui.widgets.cram_banner import CramBanner
from devday_tui.widgets.fitted_path import SEPARATOR, FittedPath, fit_path
from devday_tui.widgets.grade_bar import GradeBar
from devday_tui.widgets.key_footer import KeyFooter
from devday_tui.widgets.queue_counts import QueueCounts
from devday_tui.widgets.typed_answer import TypedAnswer

if TYPE_CHECKING:
    from devday_tui.core.answer import AnswerCheck
    from devday_tui.store.store import Answer

State = Literal["starting", "front", "back", "saving", "waiting", "done"]

_GRADE_NAMES = {int(g.rating): g.label for g in GRADES}
#: The four grade keys share one place in the footer ("1 2 3 4 Grade"); the buttons above name each grade.
_GRADE_GROUP = Binding.Group("Grade", compact=False)


def source_label(path: Path, line: int, roots: list[Path] | tuple[Path, ...] = ()) -> str:
    """``notes/file.md:12``: the path relative to the folder holding the notes folder, else to the home folder."""
    path = Path(path)
    for root in roots:
        base = Path(root).parent if Path(root).is_dir() or Path(root).suffix != ".md" else Path(root).parent
        try:
            return f"{path.relative_to(base)}:{line}"
        except ValueError:
            continue
    try:
        return f"~/{path.relative_to(Path.home())}:{line}"
    except ValueError:
        return f"{path}:{line}"


def wait_text(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    minutes, sec = divmod(seconds, 60)
    return f"{minutes}m {sec:02d}s" if minutes else f"{sec}s"


class QuizScreen(Screen):
    """Study ``cards`` with ``deck``'s settings (the defaults when ``deck`` is None)."""

    HELP_TITLE = "Study"

    #: How often the waiting screen looks whether the next learning card is due (seconds).
    WAIT_POLL: ClassVar[float] = 1.0
    #: The decks (by key; None for cards studied outside any deck) whose answers are typed: definitions, clozes
    #: and explicit cards. Kept for the next sessions while the app runs.
    typed_decks: ClassVar[set[str | None]] = set()
    #: Whether the breadcrumb above the card shows. Kept for the next session.
    show_context: ClassVar[bool] = True
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
        Binding("1", "grade(1)", "Again", group=_GRADE_GROUP),
        Binding("2", "grade(2)", "Hard", group=_GRADE_GROUP),
        Binding("3", "grade(3)", "Good", group=_GRADE_GROUP),
        Binding("4", "grade(4)", "Easy", group=_GRADE_GROUP),
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

    DEFAULT_CSS = """
    QuizScreen #quiz-top {
        height: 1;
        padding: 0 1;
    }
    QuizScreen #quiz-kind {
        width: auto;
        margin: 0 2;
        color: $text-secondary;
    }
    QuizScreen #quiz-progress {
        width: 1fr;
        height: 1;
    }
    QuizScreen #quiz-progress Bar {
        width: 1fr;
    }
    QuizScreen #quiz-done {
        width: auto;
        margin: 0 2 0 1;
        color: $text-muted;
    }
    QuizScreen #quiz-crumb {
        padding: 0 1;
        color: $text-muted;
    }
    QuizScreen #quiz-card {
        height: 1fr;
        padding: 0 2;
        scrollbar-size-vertical: 1;
    }
    QuizScreen #quiz-typed {
        margin: 1 0 0 0;
    }
    QuizScreen #quiz-wait {
        height: 1fr;
        content-align: center middle;
        text-align: center;
        display: none;
    }
    QuizScreen.-waiting #quiz-wait { display: block; }
    QuizScreen.-waiting #quiz-card { display: none; }
    QuizScreen.-no-context #quiz-crumb { display: none; }
    QuizScreen GradeBar {
        margin: 1 0 0 0;
    }
    QuizScreen GradeBar > Button.-suggested {
        text-style: bold reverse;
    }
    """

    def __init__(self, cards: list[Card], deck: Deck | None = None, title: str = "",
                 cram: CramRequest | None = None) -> None:
        super().__init__()
        self.cram = cram
        self.initial_cards = list(cards)
        self.deck = deck
        self.deck_key = deck.key if deck is not None else None
        self.settings = deck.settings if deck is not None else DeckSettings()
        self.study_title = title or (deck.title if deck is not None else "Study")
        self.session: QuizSession | None = None
        self.state: State = "starting"
        self.card: Card | None = None
        self.items_shown = 0
        self.suggested: int | None = None
        self.wait_until: datetime | None = None
        self.cards_shown = 0
        self._wait_timer: Timer | None = None
        self._end_requested = False
        self._resume_state: State = "front"
        self._sections = {(c.note_key, c.section_id) for c in self.initial_cards}

    @property
    def typed_mode(self) -> bool:
        """Whether this deck's answers are typed."""
        return self.deck_key in self.typed_decks

    # ---------------------------------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="quiz-top"):
            yield QueueCounts(id="quiz-counts")
            yield Static(id="quiz-kind")
            yield ProgressBar(id="quiz-progress", show_eta=False, show_percentage=False)
            yield Static(id="quiz-done")
            yield CardClock(source=self.monotonic, id="quiz-clock")
        yield FittedPath(id="quiz-crumb")
        with VerticalScroll(id="quiz-card", can_focus=False):
            yield CardFace(id="quiz-face")
        yield Static(id="quiz-wait")
        yield GradeBar(id="quiz-grades")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.title = fit_path(self.study_title.split(SEPARATOR), 60)  # a section keeps its own heading
        self.sub_title = "Study"
        self.set_class(not self.show_context, "-no-context")
        store = self.app.store
        if store is None:
            self.notify("Progress is not available, so nothing can be studied.", severity="error")
            self.app.pop_screen()
            return
        # A whole deck introduces one new card per section a day; a section chosen in the browse pane shows all.
        whole_deck = self.deck is not None and {c.id for c in self.deck.cards} <= {c.id for c in self.initial_cards}
        self.session = QuizSession(
            store, self.initial_cards, self.settings, self.app.now(), bury_siblings=whole_deck, cram=self.cram
        )
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
            self._show_card(card)
            return
        wait = session.next_wait(now)
        if wait is not None:
            self._wait_for(wait)
            return
        self.finish(finished=True)

    def _show_card(self, card: Card) -> None:
        self._stop_waiting()
        self.state = "front"
        self.card = card
        self.items_shown = 0
        self.suggested = None
        self.cards_shown += 1
        self._update_top()
        self._render_card()
        self.query_one(GradeBar).show_front("Next item" if item_count(card) else "Show answer")
        self._mark_suggested(None)
        self._setup_typed()
        self.query_one("#quiz-card", VerticalScroll).scroll_home(animate=False)
        self.query_one(CardClock).restart()
        self.refresh_bindings()

    def _update_top(self) -> None:
        session = self.session
        assert session is not None
        now = self.app.now()
        counts = session.counts(now)
        current = session.source(self.card) if self.card is not None and self.state in ("front", "back") else None
        self.query_one(QueueCounts).show(counts.new, counts.learning, counts.due, current)
        done = session.done()
        total = done + counts.total
        bar = self.query_one(ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        self.query_one("#quiz-done", Static).update(Content(f"{done}/{total}"))
        card = self.card
        kind = self.query_one("#quiz-kind", Static)
        kind.display = card is not None and self.state in ("front", "back")
        kind.update(Content(kind_label(card)) if card is not None else Content(""))
        self.query_one("#quiz-crumb", FittedPath).show(card.context if card is not None else ())

    def _render_card(self) -> None:
        card = self.card
        if card is None:
            return
        revealed = self.state == "back" or (self.state == "saving" and self._resume_state == "back")
        annotation = self.app.annotation(card.id) if revealed else ""
        library = self.app.library
        roots = list(getattr(library, "roots", ()) or ())
        self.query_one(CardFace).show(
            card,
            revealed=revealed,
            items_shown=self.items_shown,
            annotation=annotation,
            source=source_label(card.path, card.line, roots),
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
        now = self.app.now()
        try:
            previews = self.app.store.preview(card.id, now, self.settings)
            intervals = {int(rating): format_interval(delta) for rating, delta in previews.items()}
        except Exception as exc:  # a bad deck setting must not stop the review
            self.notify(f"Intervals not available: {exc}", severity="warning", markup=False)
            intervals = {}
        self.query_one(GradeBar).show_grades(intervals)
        self._mark_suggested(self.suggested)
        self._render_card()
        self._update_top()
        self.refresh_bindings()

    def _mark_suggested(self, rating: int | None) -> None:
        for grade in GRADES:
            button = self.query_one(f"#grade-{int(grade.rating)}")
            button.set_class(rating == int(grade.rating), "-suggested")

    # --------------------------------------------------------------------------------------- typed answers

    def _typeable(self, card: Card | None) -> bool:
        if card is None:
            return False
        from devday_tui.core.answer import typeable

        return typeable(card)

    def _typed_widget(self) -> TypedAnswer | None:
        found = self.query("#quiz-typed")
        return found.first(TypedAnswer) if found else None

    def _setup_typed(self) -> None:
        card = self.card
        existing = self._typed_widget()
        if not (self.typed_mode and self._typeable(card) and self.state == "front"):
            if existing is not None:
                existing.remove()
            return
        assert card is not None
        from devday_tui.core.answer import expected_answers

        expected = expected_answers(card)
        if existing is None:
            self.run_worker(self._mount_typed(TypedAnswer(expected, id="quiz-typed")), group="quiz-typed")
        else:
            existing.reset(expected)
            existing.display = True
            existing.focus()

    async def _mount_typed(self, widget: TypedAnswer) -> None:
        """The answer box goes right under the question, above the answer it is checked against."""
        face = self.query_one(CardFace)
        await face.mount(widget, after=face.query_one(".card-front"))
        if self.state == "front" and widget.is_attached:
            widget.focus()

    @on(TypedAnswer.Checked)
    def _typed_checked(self, event: TypedAnswer.Checked) -> None:
        event.stop()
        if event.result.verdict is Verdict.EMPTY:
            # Enter in an empty box shows the answer, as Space does: nothing typed, nothing to judge.
            event.typed_answer.display = False
            self.suggested = None
            if self.state == "front":
                self._reveal()
            return
        self.suggested = int(event.result.grade)
        if self.state == "front":
            self._reveal()
        else:
            self._mark_suggested(self.suggested)
            self.refresh_bindings()

    # -------------------------------------------------------------------------------------------- waiting

    def _wait_for(self, when: datetime) -> None:
        self.state = "waiting"
        self.card = None
        self.wait_until = when
        self.query_one(CardClock).stop()
        self.query_one(GradeBar).hide()
        existing = self._typed_widget()
        if existing is not None:
            existing.remove()
        self.add_class("-waiting")
        self._update_top()
        self._update_wait()
        if self._wait_timer is None:
            self._wait_timer = self.set_interval(self.WAIT_POLL, self._poll_wait)
        self.refresh_bindings()

    def _stop_waiting(self) -> None:
        if self._wait_timer is not None:
            self._wait_timer.stop()
            self._wait_timer = None
        self.wait_until = None
        self.remove_class("-waiting")

    def _update_wait(self) -> None:
        if self.wait_until is None:
            return
        now = self.app.now()
        left = (self.wait_until - now).total_seconds()
        local = self.wait_until.astimezone().strftime("%H:%M")
        answered = self.session is not None and self.session.done() > 0
        self.query_one("#quiz-wait", Static).update(
            Content.assemble(
                ("Nothing else is due right now.\n\n" if answered else "Nothing is due right now.\n\n", "bold"),
                "A card you are learning comes back in ",
                (wait_text(left), "bold $text-error"),
                f" (at {local}).\nWaiting for it…\n\n",
                ("Space", "bold $accent"),
                " study it now   ",
                ("q", "bold $accent"),
                " end the session",
            )
        )

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
        self._begin_save()
        clock = self.query_one(CardClock)
        duration = clock.duration
        self._save_answer(session, card.id, rating, self.app.now(), duration)

    @work(thread=True, group="quiz-save", exit_on_error=False)
    def _save_answer(self, session: QuizSession, card_id: str, rating: int, now: datetime, duration: float) -> None:
        try:
            answer = session.save_answer(card_id, rating, now, duration)
        except Exception as exc:
            self.app.call_from_thread(self._save_failed, exc)
            return
        self.app.call_from_thread(self._answer_saved, answer)

    def _answer_saved(self, answer: "Answer") -> None:
        session = self.session
        assert session is not None
        session.apply_answer(answer)
        self.app.progress_changed()
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

    def _begin_save(self) -> None:
        """Keys that change progress are refused until the store has saved (or refused) this change."""
        self._resume_state = self.state
        self.state = "saving"
        self.query_one(CardClock).pause()

    def _save_failed(self, exc: Exception) -> None:
        self.notify(f"Not saved: {exc}", title="Not saved", severity="error", timeout=20, markup=False)
        self._end_requested = False
        if self.state != "saving":
            return
        if self._resume_state in ("front", "back") and self.card is not None:
            self.state = self._resume_state
            self.query_one(CardClock).resume()
            self.refresh_bindings()
        else:
            self.show_next()

    def _after_save(self) -> None:
        if self._end_requested:
            self.finish(finished=False)
        else:
            self.show_next()

    def _run_step(self, save: Callable[[], Step], done_message: str) -> None:
        """Suspend or bury: saved in a worker, then the next card."""
        self._begin_save()
        self._save_step(save, done_message)

    @work(thread=True, group="quiz-save", exit_on_error=False)
    def _save_step(self, save: Callable[[], Step], done_message: str) -> None:
        try:
            step = save()
        except Exception as exc:
            self.app.call_from_thread(self._save_failed, exc)
            return
        self.app.call_from_thread(self._step_saved, step, done_message)

    def _step_saved(self, step: Step, message: str) -> None:
        assert self.session is not None
        self.session.apply_step(step)
        self.app.progress_changed()
        self.notify(message, timeout=4, markup=False)
        self._after_save()

    @work(thread=True, group="quiz-save", exit_on_error=False)
    def _save_undo(self, session: QuizSession, now: datetime) -> None:
        try:
            undone = session.save_undo(now)
        except Exception as exc:
            self.app.call_from_thread(self._save_failed, exc)
            return
        self.app.call_from_thread(self._undone, undone)

    def _undone(self, undone: Undone | None) -> None:
        session = self.session
        assert session is not None
        if undone is None:
            self.notify("Nothing to undo in this session.")
            self.show_next()
            return
        card = session.apply_undo(undone)
        self.app.progress_changed()
        step = undone.step
        what = {"answer": "answer", "suspend": "suspension", "bury": "burial"}[step.kind]
        name = ""
        if step.kind == "answer" and step.answer is not None:
            name = f" ({_GRADE_NAMES.get(int(step.answer.review.rating), '')})"
        self.notify(f"Undid the last {what}{name}.", timeout=3, markup=False)
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

        now = self.app.now()
        summary = SummaryScreen(
            summary=session.summary(now),
            title=self.study_title,
            deck_key=self.deck_key,
            next_due=session.next_due(now),
            new_left=session.new_left(),
            new_today=session.counts(now).new,
            finished=finished,
            now=now,
            cards=dict(session.index),
        )
        self.app.switch_screen(summary)

    # ---------------------------------------------------------------------------------- notes re-read

    def _library_changed(self, library) -> None:
        if library is None or self.session is None or self.state == "done":
            return
        if self.cram is not None:  # the cards chosen, as they read now
            cards = [c for c in (library.card(cid) for cid in (c.id for c in self.initial_cards)) if c is not None]
        elif self.deck_key is not None:
            deck = self.app.deck(self.deck_key)
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
        self.query_one(CardClock).pause()

    def on_screen_resume(self) -> None:
        if self.state in ("front", "back"):
            self.query_one(CardClock).resume()
            self._render_card()

    # ------------------------------------------------------------------------------------------ actions

    def _stepping(self) -> bool:
        return self.state == "front" and item_count(self.card) > 0 if self.card is not None else False

    def _typing(self) -> bool:
        typed = self._typed_widget()
        return typed is not None and typed.result is None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = self.state
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
            return state in ("front", "back", "saving") and self.query_one("#quiz-card", VerticalScroll).max_scroll_y > 0
        if action == "leave_answer_box":
            typed = self._typed_widget()
            return typed is not None and typed.input.has_focus
        return True

    def action_next_item(self) -> None:
        if not self._stepping():
            return
        self.items_shown += 1
        if self.items_shown >= item_count(self.card):
            self._reveal()
        else:
            self._render_card()
            self.query_one("#quiz-card", VerticalScroll).scroll_end(animate=False)

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
        self._begin_save()
        self._save_undo(self.session, self.app.now())

    def action_suspend(self) -> None:
        card, session = self.card, self.session
        if card is None or session is None or self.state not in ("front", "back"):
            return
        now = self.app.now()
        self._run_step(lambda: session.save_suspend(card.id, now), "Suspended. u undoes it.")

    def action_bury(self) -> None:
        card, session = self.card, self.session
        if card is None or session is None or self.state not in ("front", "back"):
            return
        now = self.app.now()
        self._run_step(lambda: session.save_bury(card.id, now), "Buried until tomorrow. u undoes it.")

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
        card = self.query_one("#quiz-card", VerticalScroll)
        {"down": card.scroll_down, "up": card.scroll_up, "page_down": card.scroll_page_down,
         "page_up": card.scroll_page_up}[how](animate=False)

    def action_toggle_context(self) -> None:
        type(self).show_context = not self.show_context
        self.set_class(not self.show_context, "-no-context")

    def action_toggle_typed(self) -> None:
        if self.typed_mode:
            self.typed_decks.discard(self.deck_key)
        else:
            self.typed_decks.add(self.deck_key)
        if self.state == "front":
            self._setup_typed()
            if not self.typed_mode:
                self.suggested = None
        where = "this deck" if self.deck_key is not None else "these cards"
        if self.typed_mode:
            self.notify(f"Typed answers on for {where} (lists are still recalled item by item).", timeout=4)
        else:
            self.notify(f"Typed answers off for {where}.", timeout=3)
        self.refresh_bindings()

    def action_leave_answer_box(self) -> None:
        """Escape leaves the answer box, so the other keys work again (Space then reveals without typing)."""
        self.set_focus(None)
        self.refresh_bindings()

    def action_end(self) -> None:
        if self.state == "saving":
            self._end_requested = True
            return
        if self.state == "starting" or self.session is None:
            self.app.pop_screen()
            return
        self.finish(finished=False)
