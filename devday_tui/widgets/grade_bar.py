"""The answer buttons under a card: "Show answer" before the reveal, then Again / Hard / Good / Easy, each with
the interval it would give.

The buttons never take focus, so the keys (Space, 1-4) always reach the quiz screen; clicking posts the same
requests as the keys.
"""

from __future__ import annotations

from typing import Mapping

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Button

from devday_tui.core.scheduling import GRADES

#: Button variants for Again, Hard, Good, Easy (Anki's red, grey, green, blue).
_VARIANTS = ("error", "default", "success", "primary")


def grade_label(key: str, label: str, interval: str | None) -> Content:
    parts: list[str | tuple[str, str]] = [(key, "bold"), " ", label]
    if interval:
        parts += ["  ", (interval, "bold")]
    return Content.assemble(*parts)


class GradeBar(Horizontal):
    """Show answer, or the four grades."""

    DEFAULT_CSS = """
    GradeBar {
        height: auto;
        align-horizontal: center;
        padding: 0 1;
    }
    GradeBar > Button {
        width: 1fr;
        max-width: 24;
        min-width: 10;
        margin: 0 1 0 0;
    }
    GradeBar > #show-answer {
        width: 1fr;
        max-width: 60;
    }
    GradeBar > .grade {
        display: none;  /* until the answer is shown */
    }
    """

    class Graded(Message):
        """A grade button was clicked."""

        def __init__(self, rating: int) -> None:
            super().__init__()
            self.rating = rating

    class RevealRequested(Message):
        """The "Show answer" button was clicked."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._reveal = Button(Content.assemble(("Space", "bold"), " Show answer"), id="show-answer", compact=True)
        self._grades = {
            int(grade.rating): Button(
                grade_label(grade.key, grade.label, None),
                variant=variant,  # type: ignore[arg-type]
                id=f"grade-{int(grade.rating)}",
                classes="grade",
                compact=True,
            )
            for grade, variant in zip(GRADES, _VARIANTS)
        }

    def compose(self) -> ComposeResult:
        for button in (self._reveal, *self._grades.values()):
            button.can_focus = False
            yield button

    # Each side shows and hides its buttons directly: switching a class on the bar would match the styles of
    # every button again, on every card.

    def show_front(self, label: str = "Show answer") -> None:
        self._reveal.label = Content.assemble(("Space", "bold"), " ", label)
        self._show(front=True)

    def show_grades(self, intervals: Mapping[int, str]) -> None:
        """Show the four grades with ``intervals`` (rating → "10m") on them."""
        for grade in GRADES:
            button = self._grades[int(grade.rating)]
            button.label = grade_label(grade.key, grade.label, intervals.get(int(grade.rating)))
        self._show(front=False)

    def suggest(self, rating: int | None) -> None:
        """Mark the grade a typed answer suggests (none when ``rating`` is None)."""
        for value, button in self._grades.items():
            button.set_class(value == rating, "-suggested")

    def hide(self) -> None:
        self.display = False

    def _show(self, *, front: bool) -> None:
        self.display = True
        self._reveal.display = front
        for button in self._grades.values():
            button.display = not front

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "show-answer":
            self.post_message(self.RevealRequested())
        elif event.button.id and event.button.id.startswith("grade-"):
            self.post_message(self.Graded(int(event.button.id.removeprefix("grade-"))))
