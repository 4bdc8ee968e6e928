"""Mouse clicks, keys typed in a burst, and ending a session early: the quiz acts on what was on screen."""

from __future__ import annotations

from textual import events

from devday_tui.screens.summary import SummaryScreen
from tests.quiz.conftest import study, typing_on, wait_for, wait_loaded
from tests.quiz.test_quiz_screen import open_deck, typed_quiz


def burst(app, *keys: str) -> None:
    """Keys that arrive together, as from a fast typist or a paste: none waits for the one before."""
    for key in keys:
        app.post_message(events.Key(key, {"space": " ", "enter": "\r"}.get(key, key)))


async def test_clicking_show_answer_then_a_grade_answers_the_card(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        first = screen.card
        assert await pilot.click("#show-answer")
        await wait_for(pilot, lambda: screen.state == "back", what="the answer")
        assert await pilot.click("#grade-3")
        await wait_for(pilot, lambda: screen.card is not first and screen.state == "front", what="next card")
        reviews = app.store.reviews()
        assert [(r.card_id, r.rating) for r in reviews] == [(first.id, 3)]


async def test_enter_then_a_grade_typed_at_once_grades_the_checked_card(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await typed_quiz(app, pilot, 3)
        first = screen.card
        await pilot.press("x")
        burst(app, "enter", "2")  # check the answer, then grade it before the screen has redrawn
        await wait_for(pilot, lambda: len(app.store.reviews()) == 1, what="the grade", timeout=3)
        assert [(r.card_id, r.rating) for r in app.store.reviews()] == [(first.id, 2)]
        await wait_for(pilot, lambda: screen.state == "front" and screen.card is not first, what="next card")
        assert screen.query_one("#quiz-typed").value == ""  # the 2 was not typed into the next card's box


async def test_grade_keys_right_after_a_reveal_are_not_dropped(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        for n in range(3):
            await wait_for(pilot, lambda: screen.state == "front" and len(app.store.reviews()) == n, what="card")
            burst(app, "enter", "3")
        await wait_for(pilot, lambda: len(app.store.reviews()) == 3, what="three grades", timeout=3)


async def test_ending_early_says_the_cards_still_due_now(make_quiz_app, clock) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        cards = [c for c in app.library.cards if c.kind == "definition"][:4]
        screen = await study(pilot, cards, "four")
        for n in range(4):
            await wait_for(pilot, lambda: screen.state in ("front", "waiting") and len(app.store.reviews()) == n)
            if screen.state == "waiting":
                break
            await pilot.press("enter", "1")
        clock.advance(minutes=5)  # every card's "Again" step is over: four learning cards are due now
        await wait_for(pilot, lambda: screen.state == "front", what="a learning card")
        assert screen.session.counts(clock()).learning == 4
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), what="summary")
        text = str(app.screen._next())
        assert "now" in text and "4 cards" in text, text


async def test_the_expected_answer_is_shown_once_after_a_wrong_typed_answer(make_quiz_app) -> None:
    from tests.quiz.test_quiz_screen import card_text

    app = make_quiz_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_loaded(pilot)
        card = next(c for c in app.library.cards if c.kind == "definition" and len(c.back) > 6)
        screen = await study(pilot, [card], "typed")
        await typing_on(pilot, screen)
        await pilot.press("x", "y", "z", "enter")
        await wait_for(pilot, lambda: screen.state == "back", what="check")
        text = card_text(screen)
        assert "Wrong" in text and "xyz" in text
        squeezed = "".join(text.split())  # the back is wrapped to the screen: compare without line breaks
        assert squeezed.count("".join(card.back.split())) == 1, text


async def test_an_answer_typed_in_a_burst_then_enter_is_checked_whole(make_quiz_app) -> None:
    """An IME commits a whole word at once, and a fast typist presses Enter right after: Enter checks all of it."""
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await typed_quiz(app, pilot, 2)
        burst(app, "x", "y", "z", "enter")
        await wait_for(pilot, lambda: screen.state == "back", what="the check")
        typed = screen.query_one("#quiz-typed")
        assert typed.display and typed.result is not None and typed.result.typed == "xyz"
        assert screen.suggested == 1
