"""The statistics screen on a generated review history."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from devday_tui.library import load_library
from devday_tui.screens.stats import StatsScreen, fit_cells
from devday_tui.store import Store
from tests.conftest import FIXED_NOW, SAMPLE_DECKS, SAMPLE_NOTES
from tests.quiz.conftest import wait_for, wait_loaded
from tests.quiz.history import study_days


def make_history(tmp_path, days: int = 100) -> int:
    library = load_library([SAMPLE_NOTES, SAMPLE_DECKS], cache_dir=tmp_path / "cache")
    deck = library.decks[0]
    with Store.open(tmp_path / "data", device_id="laptop") as store:
        return study_days(store, deck.cards, deck.settings, FIXED_NOW - timedelta(days=days), days)


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_statistics_of_the_deck(tmp_path, make_quiz_app) -> None:
    answers = make_history(tmp_path)
    assert answers > 500
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen.figures is not None, what="stats")
        screen = app.screen
        figures = screen.figures
        assert figures.heatmap.total == answers == len(app.store.reviews())  # 100 days fit in 16 weeks
        assert figures.heatmap.total == sum(v or 0 for week in figures.heatmap.weeks for v in week)
        assert figures.counts.total == figures.cards == len(app.library.decks[0].cards)
        assert figures.readiness is not None and figures.readiness.days_left == 14
        heat = text_of(screen, "#stats-heatmap")
        assert f"{figures.heatmap.total:,} reviews" in heat and "Streak" in heat
        assert "exam" in text_of(screen, "#stats-forecast")
        retention = text_of(screen, "#stats-retention")
        assert "desired retention 90%" in retention and " 7 days" in retention
        assert "14 days left" in text_of(screen, "#stats-exam")
        assert "Hardest sections" not in text_of(screen, "#stats-hardest")  # the title is its own widget
        hardest = figures.hardest[0].sections
        assert [s.difficulty for s in hardest] == sorted((s.difficulty for s in hardest), reverse=True)
        await pilot.press("escape")
        assert type(app.screen).__name__ == "HomeScreen"


async def test_statistics_without_history(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        app.show_stats(None)
        await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen.figures is not None, what="stats")
        screen = app.screen
        assert screen.figures.readiness is None  # all cards: no exam date
        assert not screen.query_one("#stats-exam").display
        assert "Streak 0 days" in text_of(screen, "#stats-heatmap")
        assert "no answers to review cards yet" in text_of(screen, "#stats-retention")
        assert "Nothing studied yet" in text_of(screen, "#stats-hardest")


def test_fit_cells_counts_wide_characters() -> None:
    assert fit_cells("短い", 10) == "短い"
    assert fit_cells("フロントエンドエンジニア", 9) == "フロント…"
    assert fit_cells("abc\x1b[31mdef", 4) == "abc…"
