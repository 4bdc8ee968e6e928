"""Past mock-exam scores as a column chart: a bar per exam, oldest on the left, each with its score and date under
it, then the latest, the best and the change since the exams before."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import tzinfo

from textual.content import Content
from textual.widgets import Static

from devday_tui.core.exam import TrendPoint

BLOCKS = " ▁▂▃▄▅▆▇█"
#: Cells per exam: a bar of BAR cells and a gap.
BAR = 3
COLUMN = BAR + 1
#: The most exams drawn (the latest ones); 16 columns fit in 80 cells with the scale.
MAX_SHOWN = 16
LABEL = "100% "
NO_EXAM = "No mock exam yet: press x on the home screen to take one."


def score_style(score: float) -> str:
    """The colour of a score, as on the result screen: red under 50%, amber under 80%, green from 80%."""
    return "$text-error" if score < 0.5 else "$text-warning" if score < 0.8 else "$text-success"


def percent(score: float) -> int:
    return int(math.floor(score * 100 + 0.5))


def short_date(point: TrendPoint, tz: tzinfo | None = None) -> str:
    local = point.when.astimezone(tz)
    return f"{local.day} {local.strftime('%b')}"


def trend_chart(points: Sequence[TrendPoint], height: int = 5, tz: tzinfo | None = None) -> Content:
    """The last ``MAX_SHOWN`` scores as bars ``height`` rows tall on a 0-100% scale, with the score of each bar
    under it and the dates of as many bars as fit without overlapping."""
    shown = list(points)[-MAX_SHOWN:]
    left = len(LABEL)
    lines: list[Content] = []
    for row in range(height - 1, -1, -1):
        label = LABEL if row == height - 1 else " " * left
        parts: list[str | tuple[str, str]] = [(label, "$text-muted"), ("│", "$text-muted")]
        for point in shown:
            eighths = point.score * height * 8
            fill = max(0, min(8, math.ceil(eighths - row * 8 - 1e-9)))
            if row == 0 and fill == 0:
                fill = 1  # a score of 0 still shows where its bar is
            parts += [" ", (BLOCKS[fill] * BAR, score_style(point.score))]
        lines.append(Content.assemble(*parts))
    lines.append(Content.styled("  0% └" + "─" * (len(shown) * COLUMN + 1), "$text-muted"))
    scores: list[str | tuple[str, str]] = [" " * (left + 1)]
    for point in shown:
        scores += [" ", (f"{percent(point.score):>{BAR}}", f"bold {score_style(point.score)}")]
    lines.append(Content.assemble(*scores))
    lines.append(Content.styled(date_row(shown, left + 2, tz), "$text-muted"))
    return Content("\n").join(lines)


def date_row(shown: Sequence[TrendPoint], start: int, tz: tzinfo | None = None) -> str:
    """The dates under the bars, placed from the latest leftwards wherever they do not touch the one placed
    before; a date equal to its right neighbour's is left out."""
    width = start + len(shown) * COLUMN + 8
    row = [" "] * width
    free_until = width  # cells at or after this column are taken
    previous = None
    for n in range(len(shown) - 1, -1, -1):
        text = short_date(shown[n], tz)
        col = start + n * COLUMN
        if text == previous or col + len(text) >= free_until:
            continue
        row[col : col + len(text)] = list(text)
        free_until = col - 1
        previous = text
    return "".join(row).rstrip()


def trend_summary(points: Sequence[TrendPoint], tz: tzinfo | None = None) -> Content:
    """Two lines: the latest score and its change from the mean of up to three exams before it; the best score
    (the latest of equals) and how many exams there were."""
    latest = points[-1]
    best = max(reversed(points), key=lambda p: p.score)
    right = round(latest.score * latest.questions)
    first: list[str | tuple[str, str]] = [
        ("Latest ", "bold"),
        (f"{percent(latest.score):>3}%", f"bold {score_style(latest.score)}"),
        (f"  {right}/{latest.questions} on {short_date(latest, tz)}", "$text-muted"),
    ]
    before = [p.score for p in points[-4:-1]]
    if before:
        change = percent(latest.score) - percent(sum(before) / len(before))
        against = "the exam before" if len(before) == 1 else f"the {len(before)} exams before"
        if change:
            arrow, style, word = ("↑", "$text-success", "above") if change > 0 else ("↓", "$text-error", "below")
            first += [
                "   ",
                (f"{arrow} {abs(change)} point{'s' if abs(change) != 1 else ''}", f"bold {style}"),
                (f" {word} {against}", "$text-muted"),
            ]
        else:
            first += ["   ", ("→ level", "bold"), (f" with {against}", "$text-muted")]
    exams = f"{len(points)} mock exam{'s' if len(points) != 1 else ''}"
    if len(points) > MAX_SHOWN:
        exams += f", the last {MAX_SHOWN} drawn"
    second: list[str | tuple[str, str]] = [
        ("Best   ", "bold"),
        (f"{percent(best.score):>3}%", f"bold {score_style(best.score)}"),
        (f"  on {short_date(best, tz)}   ·   {exams}", "$text-muted"),
    ]
    return Content("\n").join([Content.assemble(*first), Content.assemble(*second)])


def trend_content(points: Sequence[TrendPoint], tz: tzinfo | None = None) -> Content:
    if not points:
        return Content.styled(NO_EXAM, "$text-muted")
    return Content("\n").join([trend_chart(points, tz=tz), trend_summary(points, tz)])


class ExamTrendChart(Static):
    """Shows the scores of past mock exams (``core.exam.trend``)."""

    DEFAULT_CSS = """
    ExamTrendChart {
        height: auto;
        width: auto;
    }
    """

    def show(self, points: Sequence[TrendPoint], tz: tzinfo | None = None) -> None:
        self.update(trend_content(points, tz))
