"""Cards coming due on each of the next days, as a bar chart drawn with eighth blocks."""

from __future__ import annotations

import math
from typing import Sequence

from textual.content import Content
from textual.widgets import Static

BLOCKS = " ▁▂▃▄▅▆▇█"
BAR_STYLE = "$text-primary"
TODAY_STYLE = "$text-warning"
COLUMN = 2  # a bar and a gap


def forecast_content(counts: Sequence[int], height: int = 6, exam_day: int | None = None) -> Content:
    """A bar per day, ``height`` rows tall, with the scale on the left and the days below (and the exam day
    marked, when it falls in the chart)."""
    days = len(counts)
    top = max(counts, default=0)
    label_width = max(3, len(str(top)))
    lines: list[Content] = []
    for row in range(height - 1, -1, -1):
        if row == height - 1:
            label = str(top)
        elif row == 0:
            label = "0"
        else:
            label = ""
        parts: list[str | tuple[str, str]] = [(f"{label:>{label_width}} ", "$text-muted"), ("│", "$text-muted")]
        for day, value in enumerate(counts):
            eighths = 0 if top == 0 else value * height * 8 / top
            fill = max(0, min(8, math.ceil(eighths - row * 8))) if value else 0
            if value and row == 0 and fill == 0:
                fill = 1
            parts.append((BLOCKS[fill], TODAY_STYLE if day == 0 else BAR_STYLE))
            parts.append(" " * (COLUMN - 1))
        lines.append(Content.assemble(*parts))
    axis = " " * (label_width + 1) + "└" + "─" * (days * COLUMN)
    lines.append(Content.styled(axis, "$text-muted"))
    marks = [" "] * (label_width + 2 + days * COLUMN + 6)
    labels = [(0, "today")] + [(d, f"+{d}") for d in range(7, days, 7)]
    if exam_day is not None and 0 < exam_day < days:
        labels = [(d, n) for d, n in labels if abs(d - exam_day) * COLUMN > len(n) + 1 or d == 0]
        labels.append((exam_day, "exam"))
    for day, name in labels:
        col = label_width + 2 + day * COLUMN
        marks[col : col + len(name)] = list(name)
    line = "".join(marks).rstrip()
    if exam_day is not None and 0 < exam_day < days:
        col = label_width + 2 + exam_day * COLUMN
        lines.append(
            Content.assemble(
                (line[:col], "$text-muted"),
                (line[col : col + 4], "bold $text-warning"),
                (line[col + 4 :], "$text-muted"),
            )
        )
    else:
        lines.append(Content.styled(line, "$text-muted"))
    return Content("\n").join(lines)


def forecast_summary(counts: Sequence[int]) -> Content:
    week = sum(counts[:7])
    total = sum(counts)
    days = len(counts) or 1
    return Content.assemble(
        ("Today ", "bold"),
        (f"{counts[0] if counts else 0}", f"bold {TODAY_STYLE}"),
        (" with overdue", "$text-muted"),
        ("   Tomorrow ", "bold"),
        f"{counts[1] if len(counts) > 1 else 0}",
        ("   7 days ", "bold"),
        f"{week}",
        (f"   {days} days ", "bold"),
        f"{total}",
        (f", {total / days:.1f} a day", "$text-muted"),
    )


class ForecastChart(Static):
    DEFAULT_CSS = """
    ForecastChart {
        height: auto;
        width: auto;
    }
    """

    def show(self, counts: Sequence[int], height: int = 6, exam_day: int | None = None) -> None:
        parts = [forecast_content(counts, height, exam_day), forecast_summary(counts)]
        if exam_day is not None:
            parts.append(
                Content.styled(
                    "No interval runs past the day before the exam, so cards come due by then.", "$text-muted"
                )
            )
        self.update(Content("\n").join(parts))
