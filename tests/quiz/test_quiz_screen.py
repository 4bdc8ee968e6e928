"""A whole study session on the sample deck, driven by keys with a fixed clock the test moves."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from devday_tui.core.clock import format_interval
from devday_tui.core.queue import day_end
from devday_tui.quiz_session import study_queue
from devday_tui.screens.quiz import QuizScreen
from devday_tui.screens.summary import SummaryScreen
from devday_tui.widgets.card_face import CardFace
from tests.quiz.conftest import study, typing_on, wait_for, wait_loaded


def quiz(app) -> QuizScreen:
    screen = app.screen
    assert isinstance(screen, QuizScreen), f"expected the quiz, got {type(screen).__name__}"
    return screen


async def typed_quiz(app, pilot, cards: int) -> QuizScreen:
    """A study of the first ``cards`` definitions with typed answers on, the answer box focused."""
    await wait_loaded(pilot)
    chosen = [c for c in app.library.cards if c.kind == "definition"][:cards]
    screen = await study(pilot, chosen, "typed")
    await typing_on(pilot, screen)
    return screen


def footer_keys(screen) -> set[str]:
    """The keys the footer shows: enabled bindings with show=True."""
    return {key for key, active in screen.active_bindings.items() if active.enabled and active.binding.show}


def card_text(screen: QuizScreen) -> str:
    face = screen.query_one(CardFace)
    shown = [s for s in face.query(Static) if all(node.display for node in s.ancestors_with_self)]
    return "\n".join(str(s.render()) for s in shown)


async def open_deck(pilot) -> QuizScreen:
    await wait_loaded(pilot)
    await pilot.press("enter")
    await wait_for(
        pilot, lambda: isinstance(pilot.app.screen, QuizScreen) and pilot.app.screen.state == "front", what="quiz"
    )
    return quiz(pilot.app)


async def answer(pilot, key: str) -> None:
    """Reveal the card (every item of a list), then grade it, and wait for the save."""
    screen = quiz(pilot.app)
    shown = screen.cards_shown
    if screen.state == "front":
        await pilot.press("enter")
    assert screen.state == "back"
    pilot.app.clock.advance(seconds=10)  # a few seconds on each card, so the history has an order
    await pilot.press(key)
    await wait_for(pilot, lambda: screen.cards_shown > shown or screen.state in ("waiting", "done"), what="next card")


async def test_grade_keys_do_nothing_before_the_reveal(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        first = screen.card
        assert first is not None
        assert not {"1", "2", "3", "4"} & footer_keys(screen)
        assert "space" in footer_keys(screen)
        for key in "1234":
            await pilot.press(key)
        await pilot.pause(0.1)
        assert screen.state == "front" and screen.card is first
        assert app.store.reviews() == []
        assert app.store.progress(first.id) is None
        await pilot.press("space")
        assert screen.state == "back"
        assert {"1", "2", "3", "4"} <= footer_keys(screen)
        assert "space" not in footer_keys(screen)
        # each grade button shows its interval
        labels = [str(screen.query_one(f"#grade-{n}").label) for n in range(1, 5)]
        assert labels == ["1 Again  1m", "2 Hard  6m", "3 Good  10m", "4 Easy  7d"]


async def test_a_whole_session_then_a_restart(make_quiz_app, clock) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        deck = app.library.decks[0]
        before_counts = app.deck_counts(deck)
        assert before_counts == (20, 0, 0)

        screen = await open_deck(pilot)
        again_card = screen.card
        await answer(pilot, "1")
        assert app.store.progress(again_card.id).state == "learning"
        assert screen.session.counts(clock()).learning == 1

        graded = {}
        for key in "234":
            card = screen.card
            await pilot.press("enter")
            shown_interval = str(screen.query_one(f"#grade-{key}").label).split()[-1]
            await answer(pilot, key)
            graded[key] = card
            # the interval on the button is the one the answer got
            progress = app.store.progress(card.id)
            assert format_interval(progress.due - progress.last_review) == shown_interval
        assert [r.rating for r in app.store.reviews()] == [1, 2, 3, 4]
        assert app.store.progress(graded["4"].id).state == "review"
        assert screen.session.done() == 4

        # undo, twice: the Easy answer then the Good one; each card comes back, on its front
        await pilot.press("u")
        await wait_for(pilot, lambda: screen.state == "front" and screen.card.id == graded["4"].id, what="undo 1")
        await pilot.press("u")
        await wait_for(pilot, lambda: screen.state == "front" and screen.card.id == graded["3"].id, what="undo 2")
        assert [r.rating for r in app.store.reviews()] == [1, 2]
        assert app.store.progress(graded["4"].id) is None
        assert app.store.progress(graded["3"].id) is None
        assert screen.session.done() == 2
        await answer(pilot, "3")  # the Good card again

        # suspend and bury take the card away at once
        suspended = screen.card
        await pilot.press("s")
        await wait_for(pilot, lambda: screen.state == "front" and screen.card.id != suspended.id, what="suspend")
        assert app.store.progress(suspended.id).suspended
        buried = screen.card
        await pilot.press("b")
        await wait_for(pilot, lambda: screen.state == "front" and screen.card.id != buried.id, what="bury")
        assert app.store.progress(buried.id).buried_until == day_end(clock())
        # undo the burial: the card is back, and no longer buried
        await pilot.press("u")
        await wait_for(pilot, lambda: screen.state == "front" and screen.card.id == buried.id, what="unbury")
        assert app.store.progress(buried.id).buried_until is None
        await pilot.press("b")
        await wait_for(pilot, lambda: screen.state == "front" and screen.card.id != buried.id, what="bury again")

        # the Again card comes back once its minute is over
        assert screen.card.id != again_card.id
        clock.advance(minutes=2)
        await answer(pilot, "3")
        assert screen.card.id == again_card.id
        assert screen.session.source(screen.card) == "learning"
        await answer(pilot, "3")

        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), what="summary")
        summary = app.screen.summary
        assert summary.by_grade == {1: 1, 2: 1, 3: 3, 4: 0}
        assert summary.reviewed == 5
        assert summary.new_learnt == 4
        assert summary.correct_share == 0.8
        assert [w.again for w in summary.weakest][:1] == [1]
        text = str(app.screen.query_one("#summary-figures", Static).render())
        assert "80%" in text
        reviews = [r.rating for r in app.store.reviews()]
        assert reviews == [1, 2, 3, 3, 3]
        after_counts = app.deck_counts(deck)
    assert app.store is None  # the app closed its store on exit: snapshot written, writer lock released

    # a new app on the same data directory: the progress is there, and the counts moved
    again = make_quiz_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        assert [r.rating for r in again.store.reviews()] == reviews
        assert again.store.progress(suspended.id).suspended
        assert again.store.progress(buried.id).buried_until == day_end(clock())
        new, learning, due = again.deck_counts(again.library.decks[0])
        assert (new, learning, due) == after_counts
        # 4 new cards studied today, one suspended and one buried: the daily 20 leaves 16 new cards, and the
        # section siblings of today's new cards wait for another day.
        assert new == 16
        assert learning >= 1
        assert (new, learning, due) != before_counts
        screen = await open_deck(pilot)
        assert screen.session.counts(clock()).new == 16


async def test_waiting_for_a_learning_card_then_the_summary(make_quiz_app, clock) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        card = next(c for c in app.library.cards if c.kind == "definition")
        screen = await study(pilot, [card], "one card")
        await answer(pilot, "1")
        assert screen.state == "waiting"
        wait_text = str(screen.query_one("#quiz-wait", Static).render())
        assert "comes back in 1m 00s" in wait_text
        assert "Nothing else is due" in wait_text
        assert footer_keys(screen) >= {"space", "q"}
        assert not {"1", "2", "3", "4", "s", "b"} & footer_keys(screen)
        clock.advance(seconds=30)
        await pilot.pause(0.2)
        assert screen.state == "waiting"
        assert "30s" in str(screen.query_one("#quiz-wait", Static).render())
        clock.advance(seconds=31)
        await wait_for(pilot, lambda: screen.state == "front", what="the learning card")
        assert screen.card.id == card.id
        await answer(pilot, "3")  # next step: 10 minutes
        assert screen.state == "waiting"
        await pilot.press("space")  # study it now rather than wait
        assert screen.state == "front" and screen.card.id == card.id
        await answer(pilot, "4")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), what="summary")
        summary_screen = app.screen
        assert summary_screen.finished
        assert summary_screen.summary.by_grade == {1: 1, 2: 0, 3: 1, 4: 1}
        nxt = str(summary_screen.query_one("#summary-next", Static).render())
        assert nxt.startswith("Next card    in ")
        await pilot.press("escape")
        assert type(app.screen).__name__ == "HomeScreen"


async def test_list_items_are_revealed_one_at_a_time(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        card = next(c for c in app.library.cards if c.kind == "label-list" and len(c.back) >= 3)
        screen = await study(pilot, [card], "list")
        assert footer_keys(screen) >= {"space", "enter"}
        first, second = card.back[0].text, card.back[1].text
        assert first not in card_text(screen)
        await pilot.press("space")
        assert screen.items_shown == 1 and screen.state == "front"
        assert first in card_text(screen) and second not in card_text(screen)
        assert not {"1", "2", "3", "4"} & footer_keys(screen)
        await pilot.press("space")
        assert second in card_text(screen)
        await pilot.press("a")
        assert screen.state == "back"
        assert all(item.text in card_text(screen) for item in card.back)
        assert card.path.name in card_text(screen)


async def test_typed_answer_suggests_a_grade(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        card = next(c for c in app.library.cards if c.kind == "definition" and c.back.isascii() is False)
        screen = await study(pilot, [card], "typed")
        await typing_on(pilot, screen)
        typed = screen.query_one("#quiz-typed")
        typed.value = card.back
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.state == "back", what="check")
        assert screen.suggested == 3
        assert "enter" in footer_keys(screen)
        await pilot.press("enter")  # accept the suggested grade
        await wait_for(pilot, lambda: screen.state in ("waiting", "done") or isinstance(app.screen, SummaryScreen))
        assert [r.rating for r in app.store.reviews()] == [3]


async def test_typed_wrong_answer_can_be_overridden(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        card = next(c for c in app.library.cards if c.kind == "cloze")
        screen = await study(pilot, [card], "typed")
        await typing_on(pilot, screen)
        await pilot.press("x", "y", "z", "enter")
        await wait_for(pilot, lambda: screen.state == "back", what="check")
        assert screen.suggested == 1
        await pilot.press("2")  # the person knows better
        await wait_for(pilot, lambda: screen.state != "saving")
        assert [r.rating for r in app.store.reviews()] == [2]


async def test_showing_the_answer_without_typing_judges_nothing(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await typed_quiz(app, pilot, 2)
        typed = screen.query_one("#quiz-typed")
        face = screen.query_one(CardFace)
        # The box sits under the question, above the rule and the answer.
        order = list(face.children)
        assert order.index(typed) == 1 and order.index(face.query_one(".card-rule")) == 2
        await pilot.press("space", "escape")  # a space typed, then out of the box
        await pilot.press("space")  # shows the answer: nothing was typed, so nothing is judged
        assert screen.state == "back"
        assert screen.suggested is None and typed.result is None and not typed.display
        assert "enter" not in footer_keys(screen)  # no suggestion to accept
        await answer(pilot, "3")
        await wait_for(pilot, lambda: screen.state == "front" and typed.display and screen.focused is typed.input)
        await pilot.press("enter")  # Enter in the empty box shows the answer the same way
        assert screen.state == "back" and screen.suggested is None and not typed.display
        assert "Again (1)" not in card_text(screen)


async def test_typed_mode_belongs_to_the_deck(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        deck = app.library.decks[0]
        card = next(c for c in deck.cards if c.kind == "definition")
        await study(pilot, [card], "typed")
        await pilot.press("i")
        assert quiz(app).typed_mode and app.study_preferences.typed_decks == {deck.key}
        await pilot.press("escape", "q")  # out of the box, then end
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.press("escape")
        await study(pilot, [card], "again")  # a later session of the same deck types too
        await wait_for(pilot, lambda: bool(app.screen.query("#quiz-typed")), what="answer box")
        await pilot.press("escape", "q")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.press("escape")
        app.push_screen(QuizScreen([card], deck=None, title="no deck"))  # cards outside the deck do not
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front")
        await pilot.pause(0.1)
        assert not quiz(app).typed_mode and not app.screen.query("#quiz-typed")


async def test_personal_note_shows_on_the_back(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        card = screen.card
        await pilot.press("space")
        await pilot.press("n")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "AnnotationScreen")
        await pilot.press(*"[bold]x[/] memo")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen)
        assert app.annotation(card.id) == "[bold]x[/] memo"
        assert "My note\n[bold]x[/] memo" in card_text(screen)
        assert screen.state == "back"


async def test_context_can_be_hidden(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        crumb = screen.query_one("#quiz-crumb")
        assert crumb.display and "AWS DevDay 2019 Day1 ›" in str(crumb.render())
        await pilot.press("c")
        assert not crumb.display
        await pilot.press("c")
        assert crumb.display


async def test_a_failed_save_keeps_the_card_and_says_so(make_quiz_app, monkeypatch) -> None:
    from devday_tui.store import StoreError

    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        card = screen.card

        def full_disk(*args, **kwargs):
            raise StoreError("No space left on device while saving 2026-11-28.json")

        monkeypatch.setattr(app.store, "answer", full_disk)
        await pilot.press("space", "3")
        await wait_for(pilot, lambda: screen.state == "back", what="the card back again")
        assert screen.card is card
        assert any("No space left" in str(n.message) for n in app._notifications)
        assert app.store.reviews() == []
        monkeypatch.undo()
        await pilot.press("3")  # the disk has room again: the same answer goes through
        await wait_for(pilot, lambda: screen.state == "front" and screen.card is not card)
        assert [(r.card_id, r.rating) for r in app.store.reviews()] == [(card.id, 3)]


async def test_a_leech_is_announced_and_summarised(make_quiz_app, clock) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        deck = app.library.decks[0]
        card = next(c for c in deck.cards if c.kind == "definition")
        store = app.store
        # seven lapses, days apart, before today
        when = clock() - timedelta(days=200)
        for _ in range(7):
            store.answer(card.id, 4, when, duration=3, settings=deck.settings)
            when = store.progress(card.id).due
            store.answer(card.id, 1, when, duration=3, settings=deck.settings)
            when += timedelta(minutes=15)
        store.answer(card.id, 4, when, duration=3, settings=deck.settings)
        assert store.progress(card.id).lapses == 7
        clock.now = max(clock.now, store.progress(card.id).due + timedelta(minutes=1))
        await study(pilot, [card], "leech")
        await answer(pilot, "1")
        assert store.progress(card.id).leech and store.progress(card.id).suspended
        assert any("leech" in str(n.message) for n in app._notifications)
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), what="summary")
        assert app.screen.summary.leeches == (card.id,)
        assert "Leeches      1 suspended" in str(app.screen.query_one("#summary-figures", Static).render())


async def test_an_edited_note_updates_the_card_on_screen(tmp_path, clock) -> None:
    import shutil

    from devday_tui.cli import make_app
    from tests.conftest import SAMPLE_DECKS, SAMPLE_NOTES

    notes, decks = tmp_path / "notes", tmp_path / "decks"
    shutil.copytree(SAMPLE_NOTES, notes)
    shutil.copytree(SAMPLE_DECKS, decks)
    app = make_app([notes, decks], data_dir=tmp_path / "data", cache_dir=tmp_path / "cache", clock=clock, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        card = screen.card
        assert card.back.startswith("ask an export")
        await pilot.press("space")
        path = card.path
        path.write_text(path.read_text(encoding="utf-8").replace("ask an export", "ask an expert", 1), encoding="utf-8")
        app.reload_files([path])
        await wait_for(pilot, lambda: screen.card.back.startswith("ask an expert"), what="the re-read card")
        assert screen.card.id == card.id and screen.state == "back"
        assert "ask an expert" in card_text(screen)
        await pilot.press("3")
        await wait_for(pilot, lambda: screen.state == "front" and screen.card.id != card.id)
        assert [r.card_id for r in app.store.reviews()] == [card.id]


async def test_the_footer_does_not_keep_old_keys_alive(make_quiz_app) -> None:
    """The keys change twice a card; the old ones must be freed (Textual's own footer keeps them all)."""
    import gc

    from textual.widgets._footer import FooterKey

    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        gc.collect()
        earlier = {id(k) for k in gc.get_objects() if isinstance(k, FooterKey)}  # other apps of this process
        for _ in range(6):
            await answer(pilot, "3")
            await wait_for(pilot, lambda: screen.state == "front")
        await pilot.pause()
        gc.collect()
        dead = [k for k in gc.get_objects() if isinstance(k, FooterKey) and not k.is_attached and id(k) not in earlier]
        assert dead == []


async def test_reviewing_a_section_shows_all_its_new_cards(make_quiz_app, clock) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        by_section: dict = {}
        for card in app.library.decks[0].cards:
            by_section.setdefault(card.section_id, []).append(card)
        cards = max(by_section.values(), key=len)
        assert len(cards) >= 3
        screen = await study(pilot, cards, "a section")
        assert screen.session.counts(clock()).new == len(cards)
        # the whole deck introduces one new card per section a day
        deck = app.library.decks[0]
        deck_queue = study_queue(app.store, deck.cards, deck.settings, clock())
        assert sum(1 for c in deck_queue.upcoming(clock(), limit=200) if c in cards) == 1


async def test_studying_a_section_now_ignores_todays_limits_and_says_so(make_quiz_app, clock) -> None:
    from dataclasses import replace

    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        deck = app.library.decks[0]
        deck.settings = replace(deck.settings, new_per_day=0)  # today's new cards are all used up
        assert app.deck_counts(deck)[0] == 0
        cards = [c for c in deck.cards if c.kind == "definition"][:3]
        screen = await study(pilot, cards, "a section")
        assert screen.session.counts(clock()).new == 3
        assert screen.sub_title == "Study now: ignores today's limits"


def test_list_items_keep_their_place_when_revealed() -> None:
    from devday_tui.core.model import Item
    from devday_tui.widgets.card_face import list_lines

    def card(kind: str, n: int):
        from dataclasses import replace

        from devday_tui.library import load_library
        from tests.conftest import SAMPLE_DECKS, SAMPLE_NOTES

        base = next(c for c in load_library([SAMPLE_NOTES, SAMPLE_DECKS]).cards if c.kind == "list")
        return replace(base, kind=kind, back=tuple(Item(f"item {i}") for i in range(n)))

    for kind in ("list", "sequence"):
        for n in (3, 12):
            lines = list_lines(card(kind, n), 2)
            widths = {len(line.mark.plain) for line in lines}
            assert len(widths) == 1, (kind, n, [line.mark.plain for line in lines])


def test_summary_says_how_many_new_cards_can_still_come_today() -> None:
    from datetime import datetime, timezone

    from devday_tui.core.study_stats import summarize_session

    now = datetime(2026, 11, 28, 9, tzinfo=timezone.utc)

    def new_line(new_left: int, new_today: int) -> str:
        screen = SummaryScreen(
            summary=summarize_session([], {}, now, now),
            title="t",
            deck_key=None,
            next_due=None,
            new_left=new_left,
            finished=False,
            now=now,
            cards={},
            new_today=new_today,
        )
        return screen._next().plain.splitlines()[-1]

    assert new_line(84, 14) == "New left     84 cards never studied (14 more can still come today)"
    assert new_line(3, 5) == "New left     3 cards never studied (all can still come today)"
    assert new_line(1, 0) == "New left     1 card never studied comes as a new card on a later day"


async def test_summary_browses_the_weak_section_under_the_cursor(make_quiz_app) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_deck(pilot)
        for _ in range(3):  # three cards of different sections, all forgotten
            await answer(pilot, "1")
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), what="summary")
        summary = app.screen
        weakest = summary.summary.weakest
        assert len(weakest) >= 2
        assert "enter" in footer_keys(summary)  # named "Browse section", not Textual's "Select"
        assert summary.active_bindings["enter"].binding.description == "Browse section"
        await pilot.press("j", "enter")  # j moves down the list, as ↓ does
        await wait_for(pilot, lambda: type(app.screen).__name__ == "BrowseScreen", what="browse")
        from devday_tui.widgets.note_tree import NoteTree

        current = app.screen.query_one(NoteTree).current
        assert (current.note_key, current.section_id) == (weakest[1].note_key, weakest[1].section_id)
        await pilot.press("escape")
        assert app.screen is summary


async def test_every_key_in_the_help_names_an_action_of_its_screen(make_quiz_app, tmp_path) -> None:
    """Each key ? lists on the study screens runs an action that exists (a typo would make it do nothing)."""
    from devday_tui.screens.help import screen_keys
    from devday_tui.screens.stats import StatsScreen
    from tests.quiz.conftest import assert_help_keys_have_actions as check

    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        check(screen)
        await pilot.press("enter")
        check(screen)
        await answer(pilot, "1")
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen), what="summary")
        check(app.screen)
        await pilot.press("escape", "t")
        await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen) and app.screen.figures is not None)
        check(app.screen)
        keys = {key for key, _ in screen_keys(app.screen)}
        assert "r" in keys and "←" not in keys and "^pgdn" not in keys  # nothing that scrolls sideways


async def test_a_card_taller_than_the_screen_scrolls_with_the_arrow_keys(make_quiz_app) -> None:
    from textual.containers import VerticalScroll

    app = make_quiz_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        card = max((c for c in app.library.cards if c.kind == "label-list"), key=lambda c: len(c.back))
        assert app.set_annotation(card.id, "\n".join(f"memo {n}" for n in range(6)))  # the longest card, longer
        screen = await study(pilot, [card], "a long list")
        await pilot.press("enter")
        area = screen.query_one("#quiz-card", VerticalScroll)
        await wait_for(pilot, lambda: area.max_scroll_y > 0, what="a card taller than its place")
        await pilot.press("down", "down")
        await pilot.pause()
        assert area.scroll_y == 2
        await pilot.press("pagedown")
        await pilot.pause()
        assert area.scroll_y == area.max_scroll_y  # the source line at the bottom can be reached
        await pilot.press("pageup")
        await pilot.pause()
        assert area.scroll_y == 0
        assert screen.state == "back"  # scrolling graded nothing
