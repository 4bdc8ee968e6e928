"""The statistics screen on a generated review history."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.cells import cell_len
from textual.widgets import Static

from devday_tui.library import load_library
from devday_tui.screens.stats import StatsScreen
from devday_tui.store import Store
from devday_tui.widgets.fitted_path import fit_cells, fit_path
from tests.conftest import FIXED_NOW, SAMPLE_DECKS, SAMPLE_NOTES
from tests.quiz.conftest import wait_for, wait_loaded
from tests.quiz.history import EXAM_RUN, record_exams, study_days


def make_history(tmp_path, days: int = 100, exams: bool = True) -> int:
    """Study the sample deck for ``days`` days up to the fixed clock (and take a run of mock exams on it)."""
    library = load_library([SAMPLE_NOTES, SAMPLE_DECKS], cache_dir=tmp_path / "cache")
    deck = library.decks[0]
    with Store.open(tmp_path / "data", device_id="laptop") as store:
        answers = study_days(store, deck.cards, deck.settings, FIXED_NOW - timedelta(days=days), days)
        if exams:
            record_exams(store, deck.key, FIXED_NOW - timedelta(hours=2))
        return answers


async def open_stats(pilot) -> StatsScreen:
    """From the home screen, open the statistics and wait for its figures."""
    app = pilot.app
    await wait_loaded(pilot)
    await pilot.press("t")
    await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen.figures is not None, what="stats")
    return app.screen


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_statistics_of_the_deck(tmp_path, make_quiz_app) -> None:
    answers = make_history(tmp_path)
    assert answers > 500
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stats(pilot)
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
        await wait_for(
            pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen.figures is not None, what="stats"
        )
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


async def test_mock_exam_scores_as_a_trend(tmp_path, make_quiz_app) -> None:
    make_history(tmp_path, days=30)
    with Store.open(tmp_path / "data", device_id="phone") as store:  # another deck's exam is not this deck's
        record_exams(store, "other-deck", FIXED_NOW - timedelta(hours=1), run=((0, 1, 10),))
    app = make_quiz_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stats(pilot)
        screen = app.screen
        points = screen.figures.exams
        assert [round(p.score * p.questions) for p in points] == [correct for _, correct, _ in EXAM_RUN]
        assert {p.deck for p in points} == {app.library.decks[0].key}
        chart = text_of(screen, "#stats-mock-exams")
        lines = chart.splitlines()
        assert lines[0].startswith("100% │") and lines[5].startswith("  0% └")
        assert lines[6].split() == ["40", "50", "47", "63", "90", "73", "70", "83", "80", "90"]
        assert lines[7].rstrip().endswith("28 Nov")
        # 90% of five rows: four full cells and a half one; 40%: two full rows and nothing above.
        last_bar = [line[len("100% │") :][-3:] for line in lines[:5]]
        assert last_bar == ["▄▄▄", "███", "███", "███", "███"]
        first_bar = [line[len("100% │") + 1 : len("100% │") + 4] for line in lines[:5]]
        assert first_bar == ["   ", "   ", "   ", "███", "███"]
        assert "Latest  90%  27/30 on 28 Nov" in chart
        assert "↑ 12 points above the 3 exams before" in chart  # 90 against the mean of 70, 83 and 80
        assert "10 mock exams" in chart
        assert all(len(line) <= 76 for line in lines)  # fits an 80-column terminal with the padding
        app.show_stats(None)  # all cards: every deck's exams
        await wait_for(pilot, lambda: app.screen is not screen and app.screen.figures is not None, what="all stats")
        assert len(app.screen.figures.exams) == len(EXAM_RUN) + 1
        assert "↓ 74 points below the 3 exams before" in text_of(app.screen, "#stats-mock-exams")


async def test_no_mock_exam_yet(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stats(pilot)
        assert app.screen.figures.exams == []
        assert text_of(app.screen, "#stats-mock-exams") == "No mock exam yet: press x on the home screen to take one."


def test_trend_chart_edges() -> None:
    from datetime import timezone

    from devday_tui.core.exam import TrendPoint
    from devday_tui.widgets.exam_trend import MAX_SHOWN, date_row, trend_content

    def point(day: int, score: float) -> TrendPoint:
        return TrendPoint(datetime(2026, 11, day, 9, tzinfo=timezone.utc), score, 10, "d")

    one = trend_content([point(3, 0.0)], tz=timezone.utc).plain.splitlines()
    assert one[4].endswith("▁▁▁") and one[3].endswith("   ")  # a zero still shows where its bar is
    assert "Latest   0%  0/10 on 3 Nov" in one[8] and "above" not in one[8] and "below" not in one[8]
    assert "1 mock exam" in one[9] and "exams" not in one[9]
    level = trend_content([point(3, 0.5), point(4, 0.5)], tz=timezone.utc).plain
    assert "→ level with the exam before" in level
    many = [point(1 + n % 28, 1.0) for n in range(MAX_SHOWN + 4)]
    text = trend_content(many, tz=timezone.utc).plain.splitlines()
    assert text[6].split() == ["100"] * MAX_SHOWN
    assert f"{MAX_SHOWN + 4} mock exams, the last {MAX_SHOWN} drawn" in text[9]
    # Dates never touch: each placed one starts at least two cells after the end of the one on its left.
    row = date_row([point(d, 0.5) for d in (1, 2, 3, 10, 20)], 0, tz=timezone.utc)
    assert row.split() == ["1", "Nov", "3", "Nov", "20", "Nov"]
    assert row.index("20 Nov") - row.index("3 Nov") - len("3 Nov") >= 2


def test_fit_path_keeps_the_last_heading() -> None:
    parts = (
        "ソフトウェア開発者のための AWS 環境構築フレームワーク AWS Cloud Development Kit (CDK)",
        "CDK DiveDeep",
        "CDK 複数スタックの管理",
    )
    whole = " › ".join(parts)
    assert fit_path(parts, 200) == whole
    for cells in (30, 40, 50, 60):
        fitted = fit_path(parts, cells)
        assert cell_len(fitted) <= cells, (cells, fitted)
        assert fitted.endswith(" › CDK 複数スタックの管理")
        assert "…" in fitted
    assert fit_path(parts, 50) == "ソフトウ… › CDK DiveDeep › CDK 複数スタックの管理"
    assert fit_path(parts, 40) == "ソフトウェア開… › CDK 複数スタックの管理"
    assert fit_path(parts, 12) == "CDK 複数ス…"  # the last heading alone, cut
    assert fit_path(("a", "", "b\x1b[31m"), 20) == "a › b"
    assert fit_path((), 10) == ""


#: Reviews on the days before the fixed clock's day (a Saturday): Friday is the busiest, Monday has none, so the
#: four shade levels and the empty day all sit in this week's column, above today's cell.
HEAT_DAYS = {1: 16, 2: 9, 3: 4, 4: 1, 5: 0}


def answer_on_days(tmp_path, counts: dict[int, int]) -> None:
    """Answer ``counts[k]`` different cards on the day ``k`` days before the fixed clock, at 10:00."""
    library = load_library([SAMPLE_NOTES, SAMPLE_DECKS], cache_dir=tmp_path / "cache")
    deck = library.decks[0]
    with Store.open(tmp_path / "data", device_id="laptop") as store:
        for days_ago, count in sorted(counts.items(), reverse=True):  # oldest first, as time goes
            day = FIXED_NOW.replace(hour=10) - timedelta(days=days_ago)
            for n, card in enumerate(deck.cards[:count]):
                store.answer(card.id, 3, day + timedelta(minutes=n), duration=5.0, settings=deck.settings)


async def test_heatmap_cells_on_screen_are_shaded_by_the_days_reviews(tmp_path, make_quiz_app) -> None:
    """The painted heatmap: a day with no reviews and each of the four levels are five different colours (in a
    256-colour terminal too), darker to brighter towards the theme's success colour, the busiest day in it."""
    from rich.color import ColorSystem
    from textual.color import Color

    from tests.app.conftest import find_on_screen, screen_lines

    answer_on_days(tmp_path, HEAT_DAYS)
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_stats(pilot)
        assert app.screen.figures.heatmap.busiest == 16
        for theme in ("textual-dark", "textual-light", "tokyo-night", "nord"):
            app.theme = theme
            await pilot.pause()
            lines = screen_lines(app)
            today = [(x, y) for x, y in find_on_screen(app, "[]") if not lines[y][x:].startswith("[] today")]
            assert len(today) == 1, "\n".join(lines)
            x, y = today[0]

            def background(cell_x: int, cell_y: int):
                return app.screen.get_style_at(cell_x, cell_y).bgcolor

            shades = [background(x, y - days_ago) for days_ago in (5, 4, 3, 2, 1)]  # Mon (none) … Fri (busiest)
            assert None not in shades, (theme, shades)
            assert background(x, y) == shades[0]  # today, with no reviews yet, is shaded as an empty day
            assert background(x, y + 1) not in shades  # Sunday is still to come: not a day without reviews
            assert background(x - 3, y - 2) == shades[0]  # last week's Thursday: no reviews
            rgb = [shade.get_truecolor() for shade in shades]
            assert len(set(rgb)) == 5, (theme, rgb)
            success = Color.parse(app.get_css_variables()["success"])
            assert rgb[-1] == success.rgb, theme  # the busiest day is the success colour itself
            distance = [sum(abs(a - b) for a, b in zip(c, success.rgb)) for c in rgb]
            assert distance == sorted(distance, reverse=True), (theme, distance)  # busier is nearer to it
            numbers = [shade.downgrade(ColorSystem.EIGHT_BIT).number for shade in shades[1:]]
            assert len(set(numbers)) == 4, (theme, numbers)  # the four levels stay apart in tmux's 256 colours


def test_hardest_sections_come_hardest_first_not_in_file_order() -> None:
    from devday_tui.core.stats_figures import hardest_first
    from devday_tui.core.study_stats import NoteDifficulty, SectionDifficulty

    def note(key: str, *difficulties: float) -> NoteDifficulty:
        sections = tuple(
            SectionDifficulty(key, key.upper(), f"{key}{n}", f"h{n}", "", 2, 2, d, 0, 4)
            for n, d in enumerate(difficulties)
        )
        return NoteDifficulty(key, key.upper(), sections)

    in_file_order = [note("a", 4.0, 3.0), note("b", 8.5, 2.0), note("c", 6.0)]
    assert [n.note_key for n in hardest_first(in_file_order)] == ["b", "c", "a"]
