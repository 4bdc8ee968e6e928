"""True retention over several windows, each a bar with the desired retention marked on it."""

from __future__ import annotations

from typing import Sequence

from textual.content import Content
from textual.widgets import Static

from devday_tui.core.study_stats import Retention

BAR = 30


def retention_style(rate: float, desired: float) -> str:
    if rate >= desired:
        return "$text-success"
    if rate >= desired - 0.05:
        return "$text-warning"
    return "$text-error"


def retention_line(figure: Retention, desired: float, width: int = BAR) -> Content:
    label = f"{figure.days:>3} days  "
    rate = figure.rate
    mark = min(width - 1, max(0, round(desired * width) - 1))
    if rate is None:
        bar = [("░" * width, "$foreground 15%")]
        return Content.assemble((label, "bold"), *bar, ("  no answers to review cards yet", "$text-muted"))
    filled = round(rate * width)
    style = retention_style(rate, desired)
    parts: list[str | tuple[str, str]] = [(label, "bold")]
    for i in range(width):
        if i == mark:
            parts.append(("┃", "bold $foreground"))
        elif i < filled:
            parts.append(("█", style))
        else:
            parts.append(("░", "$foreground 15%"))
    parts += [
        (f"  {rate:6.1%}", f"bold {style}"),
        (f"  {figure.passed}/{figure.total} not Again", "$text-muted"),
    ]
    return Content.assemble(*parts)


def retention_content(figures: Sequence[Retention], desired: float) -> Content:
    lines = [retention_line(f, desired) for f in figures]
    lines.append(
        Content.assemble(
            (" " * 10, ""),
            ("┃", "bold $foreground"),
            (f" desired retention {desired:.0%}", "$text-muted"),
        )
    )
    return Content("\n").join(lines)


class RetentionMeter(Static):
    DEFAULT_CSS = """
    RetentionMeter {
        height: auto;
    }
    """

    def show(self, figures: Sequence[Retention], desired: float) -> None:
        self.update(retention_content(figures, desired))
