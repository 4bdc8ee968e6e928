"""Cram from the home screen and from the browser: the setup, the banner, answers that count only when asked."""

from __future__ import annotations

from datetime import date, timedelta

from devday_tui.quiz_session import study_queue
from devday_tui.screens.card_browser import CardBrowserScreen
from devday_tui.screens.cram_setup import CramSetupScreen
from devday_tui.screens.quiz import QuizScreen
from devday_tui.widgets.cram_banner import CramBanner
from tests.examweek.conftest import loaded, open_browser, open_screen, wait_for


async def answer_current(pilot, rating: str) -> None:
    screen = pilot.app.screen
    await wait_for(pilot, lambda: screen.state == "front", what="a card")
    await pilot.press("enter")  # a list card shows every item, other kinds the back
    if screen.state == "front":
        await pilot.press("space")
    await wait_for(pilot, lambda: screen.state == "back", what="the back")
    await pilot.press(rating)
    await wait_for(pilot, lambda: screen.state in ("front", "done"), what="the next card")


async def test_new_cards_beyond_the_limit_practice_only(make_app_on) -> None:
    app = make_app_on()
    async with app.run_test(size=(80, 24)) as pilot:
        setup = await open_screen(pilot, "C", CramSetupScreen, "setup")
        await pilot.press("down", "down", "down", "down", "down")
        assert setup.current.key == "new"
        await wait_for(pilot, lambda: setup.plan is not None, what="a count")
        assert "20 cards" in str(setup.query_one("#cram-count").render())
        deck = app.library.decks[0]
        today_new = study_queue(app.store, deck.cards, deck.settings, app.clock()).upcoming(app.now(), 100)
        assert not {c.id for c in setup.plan.cards} & {c.id for c in today_new}  # beyond today's new cards
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen), what="the cram session")
        quiz = app.screen
        banner = quiz.query_one(CramBanner)
        assert "practice only" in str(banner.render())
        await answer_current(pilot, "1")
        await answer_current(pilot, "3")
        assert quiz.session.done() == 2
        assert app.store.reviews() == [] and app.store.all_progress() == {}


async def test_study_these_from_the_browser_and_count_them(make_app_on) -> None:
    app = make_app_on()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browser(pilot)
        await pilot.press("space", "space")
        chosen = set(screen.query_one("CardGrid").selected)
        await pilot.press("C")
        await wait_for(pilot, lambda: isinstance(app.screen, CramSetupScreen), what="setup")
        setup = app.screen
        assert setup.current.key == "these"
        await pilot.click("#cram-counts")
        await wait_for(pilot, lambda: setup.plan is not None and setup.plan.request.counts, what="counting")
        assert {c.id for c in setup.plan.cards} == chosen
        await pilot.click("#start")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen), what="the cram session")
        assert "your answers count" in str(app.screen.query_one(CramBanner).render())
        await answer_current(pilot, "3")
        assert len(app.store.reviews()) == 1 and app.store.reviews()[0].card_id in chosen
        await answer_current(pilot, "3")
        await wait_for(pilot, lambda: not isinstance(app.screen, QuizScreen), what="the summary")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, CardBrowserScreen), what="back in the browser")


async def test_bad_number_is_refused_with_a_message(make_app_on) -> None:
    app = make_app_on()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("C", "down")  # review ahead
        setup = app.screen
        await pilot.press("tab", "ctrl+u", "x", "enter")
        await wait_for(pilot, lambda: "whole number" in str(setup.query_one("#cram-count").render()), what="error")
        assert isinstance(app.screen, CramSetupScreen)


async def test_home_offers_the_weakest_before_the_exam(make_app_on, clock) -> None:
    app = make_app_on()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        deck = app.library.decks[0]
        clock.now = clock.now.replace(
            year=deck.settings.exam_date.year, month=deck.settings.exam_date.month, day=deck.settings.exam_date.day
        ) - timedelta(days=3)
        for card in deck.cards[:5]:
            app.store.answer(card.id, 3, clock.now - timedelta(days=10), duration=2, settings=deck.settings)
        app.progress_changed()
        app.screen._refresh()
        await pilot.pause()
        status = str(app.screen.query_one("#home-status").render())
        assert "Exam in 3 days (AWS DevDay 2019): cram the 40 weakest cards." in status
        await pilot.press("W")
        await wait_for(pilot, lambda: isinstance(app.screen, CramSetupScreen), what="setup")
        await wait_for(pilot, lambda: app.screen.plan is not None, what="the weakest")
        assert app.screen.current.key == "weakest" and len(app.screen.plan.cards) == 5
        assert isinstance(deck.settings.exam_date, date)
