"""Fitted to 80×24: footers that leave out the least used keys whole, dialogs with their own keys and their
buttons on screen, a note tree that cuts titles with "…", keeps counts and ✎ in view and can be resized (and
remembers it), card text re-wrapped on resize, a checkbox that shows its state by its mark."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Button

from devday_tui import ui_prefs
from devday_tui.screens.browse import BrowseScreen
from devday_tui.screens.quiz import QuizScreen
from devday_tui.screens.stats import StatsScreen
from devday_tui.widgets.check_box import CheckBox
from devday_tui.widgets.deck_table import DeckRow, DeckTable
from devday_tui.widgets.key_footer import KeyFooter, fit_entries
from devday_tui.widgets.note_tree import NoteTree
from devday_tui.widgets.wrapped_text import WrappedText
from tests.app.conftest import open_note_dialog_in_quiz, settle, wait_loaded, wait_screen, wait_section_shown


async def home_footer(pilot) -> str:
    """The home screen's footer once the notes are loaded: it fits, and keeps quit and study."""
    await wait_loaded(pilot)
    await settle(pilot)
    line = assert_fits(pilot.app)
    assert "q Quit" in line and "⏎ Study" in line
    return line


async def browse(pilot) -> NoteTree:
    """Open browse from the home screen once the notes are loaded; its note tree."""
    await wait_loaded(pilot)
    await pilot.press("b")
    await wait_screen(pilot, BrowseScreen)
    return pilot.app.screen.query_one(NoteTree)


def footer_line(app) -> str:
    """The keys of the footer, as the user reads them on the bottom line."""
    footer = app.screen.query_one(KeyFooter)
    assert footer.region.y == app.size.height - 1
    parts = [w for w in footer.query("FooterKey, FooterLabel") if w.display and w.region.width]
    assert all(w.region.right <= footer.region.right for w in parts)  # none cut at the edge
    return " ".join(str(w.render()).strip() for w in sorted(parts, key=lambda w: w.region.x))


def assert_fits(app) -> str:
    footer = app.screen.query_one(KeyFooter)
    used = sum(child.outer_size.width for child in footer.children if child.display)
    assert used <= footer.size.width, (used, footer_line(app))
    line = footer_line(app)
    assert "? Help" in line, line
    return line


def test_fit_entries_drops_the_highest_ranks_first_and_keeps_the_rest_whole() -> None:
    widths = [10, 10, 10, 10, 8]
    ranks = [0, 1, 2, -1, float("inf")]  # the fourth is always kept (help), the last is the palette
    assert fit_entries(widths, ranks, 48) == {0, 1, 2, 3, 4}
    assert fit_entries(widths, ranks, 45) == {0, 1, 2, 3}
    assert fit_entries(widths, ranks, 35) == {0, 1, 3}
    assert fit_entries(widths, ranks, 5) == {3}


async def test_footers_fit_at_80_columns_and_keep_help_and_the_way_out(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(80, 24)) as pilot:
        await home_footer(pilot)
        await pilot.press("b")
        await wait_screen(pilot, BrowseScreen)
        await pilot.press("down", "down")
        await wait_section_shown(pilot)
        assert_fits(app)
        await pilot.press("tab")  # the cards pane adds its key
        await settle(pilot)
        assert_fits(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")
        await wait_screen(pilot, QuizScreen)
        assert "q End" in assert_fits(app)
        await pilot.press("space")
        await settle(pilot)
        assert "q End" in assert_fits(app)
        await pilot.press("q")
        await settle(pilot, 0.3)
        await pilot.press("escape")
        await settle(pilot, 0.3)
        await pilot.press("t")
        await wait_screen(pilot, StatsScreen)
        assert_fits(app)


async def test_a_narrow_footer_leaves_out_the_last_keys_not_help(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(50, 24)) as pilot:
        line = await home_footer(pilot)
        assert "Problems" not in line and "palette" not in line
        await pilot.resize_terminal(120, 24)
        await settle(pilot)
        assert "Problems" in footer_line(app)


async def test_the_note_dialog_shows_its_buttons_and_its_own_keys_at_80x24(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_note_dialog_in_quiz(pilot)
        screen = app.screen
        for button in screen.query(Button):
            region = button.region
            assert region.height == 3 and region.bottom <= 23, (button.id, region)  # above the footer
        line = footer_line(app)
        assert "Save" in line and "Cancel" in line and "Grade" not in line


async def test_the_tree_cuts_long_titles_with_an_ellipsis_and_keeps_the_counts(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await browse(pilot)
        lines = ["".join(s.text for s in tree.render_lines(tree.region.reset_offset)[n : n + 1]) for n in range(20)]
        note = lines[0]
        assert "…" in note and note.rstrip(" ▕▁▃▄▆").endswith("WIP  ✎3"), note
        cut = [line for line in lines if "…" in line]
        assert cut, lines
        for line in cut:  # the count (and ✎) after the cut title
            assert any(ch.isdigit() for ch in line.split("…")[1]), line


async def test_the_tree_is_resized_with_angle_brackets_and_remembered(
    workspace: Path, build_app, tmp_path: Path
) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await browse(pilot)
        before = tree.outer_size.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        await settle(pilot)
        assert tree.outer_size.width == before + 8
        await pilot.press("less_than_sign")
        await settle(pilot)
        assert tree.outer_size.width == before + 4
        for _ in range(30):  # never so wide that the right pane vanishes
            await pilot.press("greater_than_sign")
        await settle(pilot)
        assert app.screen.query_one("#detail").size.width >= NoteTree.MIN_REST - 1
        await pilot.press(*["less_than_sign"] * 40)
        await settle(pilot)
        assert tree.outer_size.width == NoteTree.MIN_WIDTH
        await pilot.press("greater_than_sign")
        await settle(pilot)
        await app.workers.wait_for_complete()
    saved = json.loads(ui_prefs.prefs_path().read_text(encoding="utf-8"))
    assert saved == {"tree_width": NoteTree.MIN_WIDTH + 4}

    again = build_app([workspace / "notes", workspace / "decks"], data_dir=tmp_path / "data")
    async with again.run_test(size=(80, 24)) as pilot:
        assert (await browse(pilot)).outer_size.width == NoteTree.MIN_WIDTH + 4


def test_bad_preferences_mean_the_default_layout(tmp_path: Path) -> None:
    path = tmp_path / "ui.json"
    for text in ("", "[", "[]", '{"tree_width": 1e999}', '{"tree_width": true}', '{"tree_width": 5}', "[" * 100_000):
        path.write_text(text, encoding="utf-8")
        assert ui_prefs.tree_width(ui_prefs.load(path)) is None
    path.write_text('{"tree_width": 40, "other": 1}', encoding="utf-8")
    assert ui_prefs.tree_width(ui_prefs.load(path)) == 40
    assert ui_prefs.save({"tree_width": 30}, path) is None
    assert json.loads(path.read_text(encoding="utf-8")) == {"other": 1, "tree_width": 30}


class _TextApp(App):
    def compose(self) -> ComposeResult:
        yield WrappedText("- 風を作る（トレンドに振り回されるのではなく、自分たちでトレンドを作る）。", id="text")
        yield CheckBox("Count", False, id="box")


async def test_card_text_is_wrapped_again_when_the_terminal_is_resized() -> None:
    app = _TextApp()
    async with app.run_test(size=(80, 10)) as pilot:
        text = app.query_one(WrappedText)
        assert text.size.height == 1
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert text.size.height == 3
        lines = str(text.render()).split("\n")
        assert lines[0].startswith("- 風") and all(line.startswith("  ") for line in lines[1:]), lines


async def test_the_checkbox_shows_its_state_by_its_mark() -> None:
    app = _TextApp()
    async with app.run_test(size=(80, 10)) as pilot:
        box = app.query_one(CheckBox)
        off = str(box.render())
        box.value = True
        await pilot.pause()
        on = str(box.render())
        assert "✓" in on and "✓" not in off and "X" not in off


async def test_the_deck_table_sets_its_own_height_from_its_rows_and_the_room() -> None:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield DeckTable(id="decks")

    title = "Deck with a title long enough to overflow"
    rows = [
        DeckRow(f"k{n}", f"{title} {n}", cards=3, new=1, learning=0, due=0, exam_date=None, today=date(2026, 12, 1))
        for n in range(2)
    ]
    app = One()
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(DeckTable)
        table.show(rows)
        # Set at once, before the table measures anything: the header, two rows, and the scroll bar's line.
        assert table.styles.height is not None and table.styles.height.value == 4
        await pilot.pause()
        assert table.size.height == 4
