"""Browse `r` (Study now): the section under the cursor, with its sub-sections, is studied at once."""

from __future__ import annotations

from pathlib import Path

from devday_tui.screens.quiz import QuizScreen
from devday_tui.screens.summary import SummaryScreen
from tests.app.conftest import browse_section, messages, settle, wait_for


async def test_r_studies_the_section_and_its_sub_sections_and_nothing_else(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        browse = await browse_section(pilot, "Fargate CLI")
        note = app.library.notes[0]
        section = next(s for top in note.sections for s in top.walk() if s.heading == "Fargate CLI")
        expected = {cid for s in section.walk() for cid in s.card_ids}
        assert len(expected) == 6 and len(section.card_ids) == 4  # Pros and Cons hold one card each
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front")
        quiz = app.screen
        assert "Fargate CLI" in quiz.title
        assert quiz.sub_title == "Study now: ignores today's limits"
        assert quiz.session.counts(app.now()).new == 6
        studied: list[str] = []
        while quiz.state == "front":
            studied.append(quiz.card.id)
            shown = quiz.cards_shown
            await pilot.press("enter")  # the answer (every item of a list at once)
            await wait_for(pilot, lambda: quiz.state == "back", what="the answer")
            await pilot.press("4")  # Easy: not seen again today
            await wait_for(
                pilot, lambda: quiz.cards_shown > shown or isinstance(app.screen, SummaryScreen), what="the next card"
            )
            if isinstance(app.screen, SummaryScreen):
                break
        assert sorted(studied) == sorted(expected)  # each card of the section once, no other card
        assert sorted(r.card_id for r in app.store.reviews()) == sorted(expected)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is browse, what="browse again")


async def test_r_on_a_section_without_cards_says_so_and_stays(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        browse = await browse_section(pilot, "トークセッション")
        shown = len(messages(app))
        await pilot.press("r")
        await settle(pilot)
        assert app.screen is browse
        assert messages(app)[shown:] == ["No cards here to study."]
        assert app.store.reviews() == []
