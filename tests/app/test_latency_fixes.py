"""What keeps the time from a grade key to the next card short: screens under the quiz do not repaint on every
answer (and catch up when shown again), and the footer does not remake its keys when they change."""

from __future__ import annotations

import gc
from datetime import timedelta
from pathlib import Path

from textual.widgets._footer import FooterKey

from devday_tui.screens.browse import BrowseScreen
from devday_tui.screens.home import HomeScreen
from devday_tui.screens.quiz import QuizScreen
from devday_tui.widgets.deck_table import DeckTable
from devday_tui.widgets.key_footer import KeyFooter
from tests.app.conftest import settle, wait_loaded, wait_section_shown
from tests.conftest import FIXED_NOW
from tests.waiting import wait_for


class Clock:
    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self):
        return self.now


def deck_row(app) -> list[str]:
    table = app.screen.query_one(DeckTable)
    return [str(cell) for cell in table.get_row_at(0)]


def shown_footer(app) -> list[str]:
    """The footer's keys and labels as they are on screen, left to right."""
    footer = app.screen.query_one(KeyFooter)
    parts = [w for w in footer.query("FooterKey, FooterLabel") if w.display and w.parent.display and w.region.width]
    return [str(w.render()).strip() for w in sorted(parts, key=lambda w: w.region.x)]


async def answer(pilot, screen: QuizScreen, clock: Clock, key: str) -> None:
    shown = screen.cards_shown
    await pilot.press("enter")
    await wait_for(pilot, lambda: screen.state == "back", what="the answer")
    clock.now += timedelta(seconds=20)
    await pilot.press(key)
    await wait_for(
        pilot, lambda: screen.cards_shown > shown or screen.state in ("waiting", "done"), what="the next card"
    )


async def test_home_does_not_repaint_under_the_quiz_and_catches_up_when_shown(workspace: Path, build_app) -> None:
    clock = Clock()
    app = build_app([workspace / "notes", workspace / "decks"], clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        home = app.screen
        before = deck_row(app)
        refreshes = 0
        original = home._refresh

        def counting(*args):
            nonlocal refreshes
            refreshes += 1
            original(*args)

        home._refresh = counting
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front", what="the quiz"
        )
        quiz = app.screen
        for key in ("3", "1"):
            await answer(pilot, quiz, clock, key)
        await settle(pilot)
        # The home screen is right under the quiz (Textual counts it as current too): it was not repainted.
        assert refreshes == 0
        await pilot.press("q")  # end the session: its summary
        await wait_for(pilot, lambda: not isinstance(app.screen, QuizScreen), what="the summary")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is home, what="home")
        await settle(pilot)
        assert refreshes >= 1
        after = deck_row(app)
        expected = app.deck_rows()[0]
        assert expected.new == int(before[1]) - 2 and expected.learning >= 1  # two new cards were answered
        assert after[1:3] == [str(expected.new), str(expected.learning)], (before, after)


async def test_browse_under_a_dialog_catches_up_when_shown_again(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        await pilot.press("b")
        await settle(pilot, 0.2)
        await pilot.press("down", "down")
        await wait_section_shown(pilot)
        browse = app.screen
        assert isinstance(browse, BrowseScreen)
        shows = 0
        original = browse._show

        def counting(ref):
            nonlocal shows
            shows += 1
            original(ref)

        browse._show = counting
        await pilot.press("question_mark")  # the help screen on top
        await wait_for(pilot, lambda: app.screen is not browse, what="help")
        app.revision += 1  # progress changed (an answer saved) while browse is hidden
        await settle(pilot)
        assert shows == 0
        app.pop_screen()
        await wait_for(pilot, lambda: app.screen is browse, what="browse")
        await settle(pilot)
        assert shows >= 1


async def test_footer_keeps_its_widgets_while_the_quiz_changes_its_keys(workspace: Path, build_app) -> None:
    """Front, back, saving and the next front show different keys; after the first card no key is made again
    (a new kind of card may add keys not seen before), and what is shown is what a footer made from scratch shows."""
    clock = Clock()
    app = build_app([workspace / "notes", workspace / "decks"], clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front", what="the quiz"
        )
        quiz = app.screen
        footer = quiz.query_one(KeyFooter)
        front = shown_footer(app)
        await answer(pilot, quiz, clock, "3")
        await settle(pilot)
        made = {id(w) for w in footer.query("FooterKey, FooterLabel, KeyGroup")}
        assert made, "the footer shows keys"
        await pilot.press("enter")
        await wait_for(pilot, lambda: quiz.state == "back", what="the answer")
        await settle(pilot)
        back = shown_footer(app)
        assert back != front and "Grade" in back, back
        quiz.refresh_bindings()  # the same keys: nothing changes
        await settle(pilot)
        assert shown_footer(app) == back
        for key in ("3", "1"):
            clock.now += timedelta(seconds=20)
            await pilot.press(key)
            await wait_for(pilot, lambda: quiz.state in ("front", "waiting", "done"), what="the next card")
            if quiz.state != "front":
                break
            await settle(pilot)
            await pilot.press("enter")
            await wait_for(pilot, lambda: quiz.state == "back", what="the answer")
            await settle(pilot)
            assert shown_footer(app) == back
        now = {id(w): w for w in footer.query("FooterKey, FooterLabel, KeyGroup")}
        assert made <= now.keys()  # none was made again
        seen = {w.action for w in footer.query(FooterKey) if id(w) in made}
        assert all(w.action not in seen for i, w in now.items() if i not in made and isinstance(w, FooterKey))
        # A footer made from scratch shows the same.
        shown = shown_footer(app)
        footer._shown = None
        await footer.recompose()
        await settle(pilot)
        assert shown_footer(app) == shown
        gc.collect()


async def test_footer_does_nothing_when_its_keys_did_not_change(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        footer = app.screen.query_one(KeyFooter)
        widgets = list(footer.query("*"))
        mounted = 0
        original = footer.mount_all

        def counting(*args, **kwargs):
            nonlocal mounted
            mounted += 1
            return original(*args, **kwargs)

        footer.mount_all = counting
        for _ in range(3):
            app.screen.refresh_bindings()
            await settle(pilot)
        assert mounted == 0
        assert list(footer.query("*")) == widgets


async def test_footer_fits_again_when_narrowed_and_widened(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        wide = shown_footer(app)
        await pilot.resize_terminal(60, 24)
        await settle(pilot)
        narrow = shown_footer(app)
        assert len(narrow) < len(wide) and "? Help" in narrow and "q Quit" in narrow, narrow
        footer = app.screen.query_one(KeyFooter)
        assert sum(c.outer_size.width for c in footer.children if c.display) <= footer.size.width
        await pilot.resize_terminal(120, 30)
        await settle(pilot)
        assert shown_footer(app) == wide
