"""Reviews per day as a calendar grid of shaded cells, GitHub- and Anki-style: a column per week (Monday on
top), darker for busier days, today outlined, with month names above and the streak below."""

from __future__ import annotations

from datetime import timedelta

from textual.content import Content
from textual.widgets import Static

from devday_tui.core.study_stats import Heatmap, shade_level

#: Background of a day with no reviews, and of each shade level 1-4. The strengths are chosen so that the four
#: levels stay four different colours, darker to lighter, in a 256-colour terminal too (tmux's default).
EMPTY_STYLE = "on $foreground 8%"
LEVEL_STYLES = ("on $success 25%", "on $success 45%", "on $success 70%", "on $success")
TODAY_TEXT = "[]"
_WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
CELL = 2
GAP = 1
LABEL = 4


def cell_style(count: int | None, busiest: int) -> str:
    if count is None:
        return ""
    level = shade_level(count, busiest)
    return EMPTY_STYLE if level == 0 else LEVEL_STYLES[level - 1]


def heatmap_content(data: Heatmap) -> Content:
    weeks = len(data.weeks)
    # Month names over the week in which a month begins.
    months = [" "] * (LABEL + weeks * (CELL + GAP) + 3)
    for w in range(weeks):
        first = data.day(w, 0)
        days = [first + timedelta(days=d) for d in range(7)]
        starts = [d for d in days if d.day == 1]
        if w == 0 or starts:
            name = (starts[0] if starts else first).strftime("%b")
            col = LABEL + w * (CELL + GAP)
            if all(c == " " for c in months[max(0, col - 1) : col + len(name)]):
                months[col : col + len(name)] = list(name)
    lines: list[Content] = [Content.styled("".join(months).rstrip(), "$text-muted")]
    for d in range(7):
        parts: list[str | tuple[str, str]] = [(f"{_WEEKDAYS[d]:<{LABEL}}", "$text-muted")]
        for w in range(weeks):
            count = data.weeks[w][d]
            style = cell_style(count, data.busiest)
            if data.day(w, d) == data.today:
                parts.append((TODAY_TEXT, f"bold $foreground {style}".strip()))
            else:
                parts.append((" " * CELL, style))
            if w < weeks - 1:
                parts.append(" " * GAP)
        lines.append(Content.assemble(*parts))
    legend: list[str | tuple[str, str]] = [(" " * LABEL + "less ", "$text-muted"), ("  ", EMPTY_STYLE), " "]
    for style in LEVEL_STYLES:
        legend += [("  ", style), " "]
    legend += [("more   ", "$text-muted"), (TODAY_TEXT, "bold $foreground"), (" today", "$text-muted")]
    lines.append(Content.assemble(*legend))
    return Content("\n").join(lines)


def streak_content(data: Heatmap) -> Content:
    per_day = data.total / data.days_studied if data.days_studied else 0.0
    days = "day" if data.streak == 1 else "days"
    return Content.assemble(
        ("Streak ", "bold"),
        (f"{data.streak} {days}", "bold $text-success" if data.streak else "bold $text-muted"),
        ("   ", ""),
        (f"{data.days_studied}", "bold"),
        (f" of {data.days_shown} days studied   ", "$text-muted"),
        (f"{data.total:,}", "bold"),
        (" reviews", "$text-muted"),
        (f", {per_day:.1f} a day studied" if data.days_studied else "", "$text-muted"),
    )


class HeatmapChart(Static):
    """Shows a ``core.study_stats.Heatmap``."""

    DEFAULT_CSS = """
    HeatmapChart {
        height: auto;
        width: auto;
    }
    """

    def show(self, data: Heatmap) -> None:
        self.update(Content("\n").join([heatmap_content(data), streak_content(data)]))
