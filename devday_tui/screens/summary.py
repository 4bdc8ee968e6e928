"""The end of a study session: what was done, how well, and where to look next."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Mapping

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from devday_tui.core.clock import format_duration, format_interval
from devday_tui.core.model import Card
from devday_tui.core.scheduling import GRADES
from devday_tui.core.study_stats import SessionSummary, WeakSection
from devday_tui.core.words import plural
from devday_tui.quiz_session import QuizSession
from devday_tui.safe_text import one_line
from devday_tui.widgets.fitted_path import SEPARATOR, fit_path
from devday_tui.widgets.key_footer import KeyFooter
from devday_tui.widgets.pick_list import PickList
from devday_tui.widgets.reading_scroll import ReadingScroll

#: Colours of Again, Hard, Good, Easy (as on the grade buttons).
GRADE_STYLES = {1: "$text-error", 2: "$text-warning", 3: "$text-success", 4: "$text-primary"}


def grade_bars(summary: SessionSummary, width: int = 30) -> Content:
    """Answers by grade, one line each, with a bar scaled to the most frequent grade."""
    top = max(summary.by_grade.values(), default=0)
    lines: list[Content] = []
    for grade in GRADES:
        n = summary.by_grade.get(int(grade.rating), 0)
        cells = 0 if top == 0 else max(1 if n else 0, round(width * n / top))
        share = f"{n / summary.reviewed:>4.0%}" if summary.reviewed else "    "
        lines.append(
            Content.assemble(
                (f"  {grade.label:<6}", "bold"),
                f"{n:>5}  {share}  ",
                ("█" * cells, GRADE_STYLES[int(grade.rating)]),
            )
        )
    return Content("\n").join(lines)


def when_text(moment: datetime, now: datetime) -> str:
    """ "now", "in 10m (09:35)", "in 3d (Tue 1 Dec)"."""
    delta = moment - now
    if delta <= timedelta(0):
        return "now"
    local = moment.astimezone()
    if delta < timedelta(hours=20) and local.date() == now.astimezone().date():
        at = local.strftime("%H:%M")
    elif delta < timedelta(days=6):
        at = local.strftime("%a %H:%M")
    else:
        at = f"{local.strftime('%a')} {local.day} {local.strftime('%b')}"
    return f"in {format_interval(delta)} ({at})"


def _time_on_cards(seconds: float, answers: int, per_answer: float) -> list[str | tuple[str, str]]:
    """ "8.6s on the one answer", or "2m 05s on cards, 12.5s per answer": the two figures never disagree."""
    if answers == 1:
        total = f"{seconds:.1f}s" if seconds < 60 else format_duration(seconds)
        return [total, (" on the one answer; ", "$text-muted")]
    return [format_duration(seconds), (f" on cards, {per_answer:.1f}s per answer; ", "$text-muted")]


def weak_label(section: WeakSection, cells: int = 52) -> Content:
    counts: list[str | tuple[str, str]] = []
    if section.again:
        counts.append((f"{section.again} Again", "bold $text-error"))
    if section.hard:
        if counts:
            counts.append(" ")
        counts.append((f"{section.hard} Hard", "$text-warning"))
    # The note's title is the same for most sections; the section's own path says where to look.
    shown = fit_path(section.context[1:] if len(section.context) > 1 else (section.breadcrumb,), cells)
    return Content.assemble(
        shown,
        " " * (cells - cell_len(shown) + 2),
        *counts,
        (f" of {section.answers}", "$text-muted"),
    )


class SummaryScreen(Screen):
    """Shown when a session ends (or is ended). Enter browses the weak section under the cursor."""

    HELP_TITLE = "Session summary"

    BINDINGS = [
        Binding("enter", "browse", "Browse section"),
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
    ]

    DEFAULT_CSS = """
    SummaryScreen #summary-body {
        padding: 1 2;
        height: 1fr;
    }
    SummaryScreen #summary-title {
        margin-bottom: 1;
    }
    SummaryScreen .summary-part {
        height: auto;
        margin-bottom: 1;
    }
    SummaryScreen #summary-weak {
        height: auto;
        max-height: 8;
        border: none;
        padding: 0;
        margin: 0 0 1 0;
    }
    """

    def __init__(
        self,
        *,
        summary: SessionSummary,
        title: str,
        deck_key: str | None,
        next_due: tuple[datetime, int] | None,
        new_left: int,
        finished: bool,
        now: datetime,
        cards: Mapping[str, Card],
        new_today: int = 0,
    ) -> None:
        """``new_left``: cards of the session never studied; ``new_today``: how many of them today's limits
        would still show."""
        super().__init__()
        self.new_today = new_today
        self.summary = summary
        self.study_title = title
        self.deck_key = deck_key
        self.next_due = next_due
        self.new_left = new_left
        self.finished = finished
        self.now = now
        self.cards = cards

    @classmethod
    def of_session(
        cls, session: QuizSession, now: datetime, title: str, deck_key: str | None, *, finished: bool
    ) -> "SummaryScreen":
        """The summary of ``session``, ended at ``now`` (``finished``: nothing was left, else ended early)."""
        return cls(
            summary=session.summary(now),
            title=title,
            deck_key=deck_key,
            next_due=session.next_due(now),
            new_left=session.new_left(),
            new_today=session.counts(now).new,
            finished=finished,
            now=now,
            cards=dict(session.index),
        )

    def compose(self) -> ComposeResult:
        s = self.summary
        yield Header()
        with ReadingScroll(id="summary-body"):
            headline = "Finished for now" if self.finished else "Session ended"
            yield Static(
                Content.assemble(
                    (headline, "bold"), ("  ·  ", "$text-muted"), fit_path(self.study_title.split(SEPARATOR), 60)
                ),
                id="summary-title",
            )
            if s.reviewed == 0:
                yield Static(
                    Content.styled("No cards were answered in this session.", "$text-muted"), classes="summary-part"
                )
            else:
                cards = f"{s.distinct_cards} card{'s' if s.distinct_cards != 1 else ''}"
                yield Static(
                    Content.assemble(
                        ("Reviewed ", "bold"),
                        (f"{s.reviewed}", "bold"),
                        f" answer{'s' if s.reviewed != 1 else ''} on {cards}\n",
                        grade_bars(s),
                    ),
                    id="summary-grades",
                    classes="summary-part",
                )
                yield Static(self._figures(), id="summary-figures", classes="summary-part")
            yield Static(self._next(), id="summary-next", classes="summary-part")
            if s.weakest:
                yield Static(
                    Content.assemble(
                        ("Weakest sections", "bold"),
                        ("  Enter browses the section under the cursor", "$text-muted"),
                    ),
                    id="summary-weak-title",
                )
                yield PickList(
                    *(Option(weak_label(w), id=f"{n}") for n, w in enumerate(s.weakest)),
                    id="summary-weak",
                )
            elif s.reviewed:
                yield Static(Content.styled("No Again or Hard answers: no weak section this time.", "$text-success"))
        yield KeyFooter(compact=True)

    def _figures(self) -> Content:
        s = self.summary
        share = s.correct_share
        per_card = s.time_on_cards / s.reviewed if s.reviewed else 0.0
        parts: list[str | tuple[str, str] | Content] = [
            ("Correct      ", "bold"),
            (
                f"{share:.0%}" if share is not None else "–",
                "bold $text-success" if (share or 0) >= 0.8 else "bold $text-warning",
            ),
            ("  answers not Again\n", "$text-muted"),
            ("Time         ", "bold"),
            *_time_on_cards(s.time_on_cards, s.reviewed, per_card),
            format_duration(s.elapsed.total_seconds()),
            (" in all\n", "$text-muted"),
            ("New learnt   ", "bold"),
            (f"{s.new_learnt}", "bold $text-primary"),
            (f" card{'s' if s.new_learnt != 1 else ''} seen for the first time", "$text-muted"),
        ]
        if s.leeches:
            parts += ["\n", ("Leeches      ", "bold"), (f"{len(s.leeches)}", "bold $text-error"), " suspended: "]
            fronts = [one_line(self.cards[c].front, 40) if c in self.cards else c for c in s.leeches[:3]]
            parts.append("; ".join(fronts) + (" …" if len(s.leeches) > 3 else ""))
            parts.append(("  (rewrite them in your notes, then unsuspend in browse)", "$text-muted"))
        else:
            parts += ["\n", ("Leeches      ", "bold"), ("none", "$text-muted")]
        return Content.assemble(*parts)

    def _next(self) -> Content:
        parts: list[str | tuple[str, str]] = [("Next card    ", "bold")]
        if self.next_due is None:
            parts.append(("nothing scheduled", "$text-muted"))
        else:
            when, count = self.next_due
            parts.append((when_text(when, self.now), "bold"))
            if count > 1 or when <= self.now:
                parts.append((f", {plural(count, 'card')}", "$text-muted"))
        if self.new_left:
            cards = "card" if self.new_left == 1 else "cards"
            parts += ["\n", ("New left     ", "bold"), f"{self.new_left}"]
            today = min(self.new_today, self.new_left)
            if today:
                more = "all can" if today >= self.new_left else f"{today} more can"
                parts.append((f" {cards} never studied ({more} still come today)", "$text-muted"))
            elif self.new_left == 1:
                parts.append((" card never studied comes as a new card on a later day", "$text-muted"))
            else:
                parts.append((f" {cards} never studied come as new cards on later days", "$text-muted"))
        return Content.assemble(*parts)

    def on_mount(self) -> None:
        self.title = fit_path(self.study_title.split(SEPARATOR), 60)  # a section keeps its own heading
        self.sub_title = "Summary"
        weak = self.query("#summary-weak")
        if weak:
            weak.first(OptionList).focus(scroll_visible=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "browse":
            return bool(self.summary.weakest)
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._browse(int(event.option.id or 0))

    def action_browse(self) -> None:
        weak = self.query("#summary-weak")
        if not weak:
            return
        index = weak.first(OptionList).highlighted
        if index is not None:
            self._browse(index)

    def _browse(self, index: int) -> None:
        if not 0 <= index < len(self.summary.weakest):
            return
        section = self.summary.weakest[index]
        from devday_tui.screens.browse import BrowseScreen
        from devday_tui.widgets.note_tree import NodeRef

        self.app.push_screen(
            BrowseScreen(deck_key=None, focus=NodeRef("section", section.note_key, section.section_id))
        )

    def action_close(self) -> None:
        self.app.pop_screen()
