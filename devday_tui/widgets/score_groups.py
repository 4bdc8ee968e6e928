"""Scores of groups of questions (notes, sections), one line each: a bar, correct/total and the heading path,
which is cut from the front to the width of the widget so that sections of one note stay apart."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from devday_tui.core.exam import GroupScore
from devday_tui.widgets.fitted_path import fit_path

BAR = 10


def ratio_style(ratio: float) -> str:
    return "$text-error" if ratio < 0.5 else ("$text-warning" if ratio < 0.8 else "$text-success")


def score_bar(ratio: float, width: int = BAR) -> str:
    full = round(ratio * width)
    return "█" * full + "░" * (width - full)


def group_lines(groups: Sequence[GroupScore], limit: int | None = None, width: int = 200) -> Content:
    """One line per group, in the order given (weakest first), at most ``limit`` of them then "… and N more"."""
    shown = groups if limit is None else groups[:limit]
    lines: list[Content] = []
    for g in shown:
        score = f" {g.correct:>2}/{g.total:<2} "
        room = max(8, width - BAR - len(score))
        lines.append(
            Content.assemble(
                (score_bar(g.ratio), ratio_style(g.ratio)),
                (score, "bold"),
                fit_path(g.path or (g.label,), room),
            )
        )
    if limit is not None and len(groups) > limit:
        lines.append(Content.styled(f"… and {len(groups) - limit} more", "$text-muted"))
    return Content("\n").join(lines)


class ScoreGroups(Widget):
    """Shows ``groups`` with :func:`group_lines`, fitted again when resized."""

    DEFAULT_CSS = """
    ScoreGroups {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(
        self,
        groups: Sequence[GroupScore],
        limit: int | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.groups = tuple(groups)
        self.limit = limit

    def render(self) -> Content:
        return group_lines(self.groups, self.limit, max(self.content_size.width, 20))

    def get_content_height(self, container, viewport, width: int) -> int:
        shown = len(self.groups) if self.limit is None else min(len(self.groups), self.limit)
        more = 1 if self.limit is not None and len(self.groups) > self.limit else 0
        return max(1, shown + more)
