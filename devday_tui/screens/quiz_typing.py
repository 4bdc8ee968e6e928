"""Typed answers in the study screen: the box under the question, checking it, and turning the mode on or off.

A part of :class:`devday_tui.screens.quiz.QuizScreen`, kept apart so that each file reads in one sitting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from devday_tui.core.answer import Verdict
from devday_tui.widgets.typed_answer import TypedAnswer

if TYPE_CHECKING:
    from devday_tui.core.answer import AnswerCheck
    from devday_tui.core.model import Card
    from devday_tui.widgets.card_face import CardFace


class QuizTyping:
    """Typed answers for the study screen (mixed into it: it uses its ``state``, ``card``, ``_face`` and
    ``_reveal``)."""

    _face: CardFace

    @property
    def typed_mode(self) -> bool:
        """Whether this deck's answers are typed."""
        return self.deck_key in self.preferences.typed_decks

    def _typeable(self, card: Card | None) -> bool:
        if card is None:
            return False
        from devday_tui.core.answer import typeable

        return typeable(card)

    def _typed_widget(self) -> TypedAnswer | None:
        # It is a child of the card face (right under the question), when there is one.
        for child in self._face.children:
            if isinstance(child, TypedAnswer):
                return child
        return None

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
            from devday_tui.core.reading import warm_up

            # Kana readings of kanji: their dictionary loads (about 2 s) while the first answer is typed.
            self.run_worker(warm_up, thread=True, group="reading", exit_on_error=False)
            # The card back shows the answer below, so the box does not repeat it; a check shows the back at once.
            widget = TypedAnswer(expected, answer_row=False, on_checked=self._apply_check, id="quiz-typed")
            self.run_worker(self._mount_typed(widget), group="quiz-typed")
        else:
            existing.reset(expected)
            existing.display = True
            existing.focus()

    async def _mount_typed(self, widget: TypedAnswer) -> None:
        """The answer box goes right under the question, above the answer it is checked against."""
        face = self._face
        await face.mount(widget, after=face.query_one(".card-front"))
        if self.state == "front" and widget.is_attached:
            widget.focus()

    def _apply_check(self, typed: TypedAnswer, result: AnswerCheck) -> None:
        if self.state != "front" or typed.result is not result:
            return  # already shown by the reveal that checked the box, or a box since reset
        if result.verdict is Verdict.EMPTY:
            # Enter in an empty box shows the answer, as Space does: nothing typed, nothing to judge.
            typed.display = False
            self.suggested = None
        else:
            self.suggested = int(result.grade)
        self._reveal()

    def _typing(self) -> bool:
        typed = self._typed_widget()
        return typed is not None and typed.result is None

    def action_toggle_typed(self) -> None:
        if self.typed_mode:
            self.preferences.typed_decks.discard(self.deck_key)
        else:
            self.preferences.typed_decks.add(self.deck_key)
        if self.state == "front":
            self._setup_typed()
            if not self.typed_mode:
                self.suggested = None
        where = "this deck" if self.deck_key is not None else "these cards"
        if self.typed_mode:
            self.notify(
                f"Typed answers on for {where} (lists and answers over 500 characters are still recalled).", timeout=4
            )
        else:
            self.notify(f"Typed answers off for {where}.", timeout=3)

    def action_leave_answer_box(self) -> None:
        """Escape leaves the answer box, so the other keys work again (Space then reveals without typing)."""
        self.set_focus(None)
