"""The exam setup, exam and result screens, driven with Pilot in a small host app."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from rich.cells import cell_len
from textual.app import App
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, OptionList, Static

from devday_tui.core.exam import ExamConfig
from devday_tui.screens.exam import ExamScreen
from devday_tui.screens.exam_result import ExamResultScreen
from devday_tui.screens.exam_setup import ExamSetupScreen
from devday_tui.widgets.recall_checklist import RecallChecklist
from devday_tui.widgets.typed_answer import TypedAnswer
from tests.conftest import FIXED_NOW
from tests.exam.fakes import FakeStore, Progress, sample_cards, sample_deck


class Clock:
    def __init__(self, at: datetime = FIXED_NOW) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


class Host(App):
    """Pushes one screen over a blank one and keeps what it was dismissed with."""

    def __init__(self, make_screen, store: FakeStore | None = None, clock: Clock | None = None) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.store = store
        self.clock = clock
        self.results: list[object] = []
        self.progress_changes = 0

    def on_mount(self) -> None:
        self.push_screen(Screen(id="base"))
        self.push_screen(self.make_screen(), self.results.append)

    def progress_changed(self) -> None:
        self.progress_changes += 1


def text_of(app: App, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def by_front(front: str):
    return next(c for c in sample_cards() if c.front == front)


def setup_app(store: FakeStore | None = None, *, cards: list | None = None) -> Host:
    """The setup screen of the sample deck (or of a deck of ``cards``) over a blank screen."""
    deck = sample_deck(cards)
    return Host(lambda: ExamSetupScreen(deck=deck, cards=deck.cards, store=FakeStore() if store is None else store))


async def press(pilot, *keys: str) -> None:
    """Press ``keys`` and let the screen take them in."""
    await pilot.press(*keys)
    await pilot.pause()


# ---------------------------------------------------------------------------------------------- setup screen


async def test_setup_defaults_to_every_card_up_to_30_and_a_minute_each() -> None:
    app = setup_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExamSetupScreen)
        assert screen.query_one("#exam-questions", Input).value == "9"
        assert screen.query_one("#exam-minutes", Input).value == "9"
        assert screen.query_one(Checkbox).value is False
        assert "9 cards can be asked" in text_of(app, "#exam-setup-pool")
        await pilot.click("#exam-start")
        await pilot.pause()
        assert app.results == [ExamConfig(questions=9, minutes=9, count_towards_schedule=False)]


async def test_setup_validation_messages() -> None:
    app = setup_app()
    async with app.run_test(size=(100, 30)) as pilot:
        questions = app.screen.query_one("#exam-questions", Input)
        questions.value = "0"
        await pilot.pause()
        assert text_of(app, "#exam-setup-error") == "Choose at least 1 question."
        questions.value = "12"
        await pilot.pause()
        assert text_of(app, "#exam-setup-error") == "This deck has only 9 cards to ask: choose 9 questions or fewer."
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ExamSetupScreen) and app.results == []
        questions.value = "4"
        await pilot.pause()
        assert text_of(app, "#exam-setup-error") == ""
        assert app.screen.query_one("#exam-minutes", Input).value == "4"  # follows the number of questions
        app.screen.query_one(Checkbox).value = True
        await press(pilot, "ctrl+s")
        assert app.results == [ExamConfig(questions=4, minutes=4, count_towards_schedule=True)]


async def test_a_time_limit_typed_by_hand_is_kept() -> None:
    app = setup_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#exam-minutes", Input).value = "20"
        await pilot.pause()
        app.screen.query_one("#exam-questions", Input).value = "3"
        await pilot.pause()
        assert app.screen.query_one("#exam-minutes", Input).value == "20"
        app.screen.query_one("#exam-minutes", Input).value = "0"
        await pilot.pause()
        assert text_of(app, "#exam-setup-error") == "Give the exam at least 1 minute."


async def test_setup_leaves_suspended_cards_out_and_escape_cancels() -> None:
    app = setup_app(FakeStore({c.id: Progress(c.id, suspended=True) for c in sample_deck().cards[:4]}))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "5 cards can be asked (4 suspended left out)" in text_of(app, "#exam-setup-pool")
        assert app.screen.query_one("#exam-questions", Input).value == "5"
        await press(pilot, "escape")
        assert app.results == [None]


async def test_a_deck_with_no_cards_cannot_start() -> None:
    app = setup_app(cards=[])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert text_of(app, "#exam-setup-error") == "This deck has no cards to ask (suspended cards are left out)."
        assert app.screen.query_one("#exam-start", Button).disabled
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ExamSetupScreen)


# ----------------------------------------------------------------------------------------------- exam screen

ORDER = ["AWS Lambda", "CLI ツールは２つある。", "CDK", "Fargate の起動タイプで、EC2 インスタンスの管理は誰がする？"]


def exam_app(
    store: FakeStore | None = None, clock: Clock | None = None, *, count: bool = False, minutes: int = 4
) -> Host:
    """An exam of the four ``ORDER`` questions; the app keeps its store (a ``FakeStore`` unless given) and clock."""
    store = FakeStore() if store is None else store
    clock = Clock() if clock is None else clock
    deck = sample_deck()
    questions = [by_front(f) for f in ORDER]
    config = ExamConfig(questions=len(questions), minutes=minutes, count_towards_schedule=count)
    return Host(
        lambda: ExamScreen(
            deck=deck,
            cards=deck.cards,
            store=store,
            clock=clock,
            rng=random.Random(1),
            config=config,
            questions=questions,
        ),
        store,
        clock,
    )


async def answer_all_but_the_last(pilot) -> None:
    await pilot.press(*"ｻｰﾊﾞﾚｽ", "enter")  # 1: exact
    await pilot.press("ctrl+r", "space", "down", "space")  # 2: list, both items ticked
    await pilot.press("pagedown")
    await pilot.press(*"AWS CLI", "enter")  # 3: wrong
    await pilot.pause()


async def submit(pilot, *, answer: bool = True) -> None:
    """Answer all but the last question (unless ``answer`` is false), then submit anyway."""
    if answer:
        await answer_all_but_the_last(pilot)
    await press(pilot, "ctrl+s", "ctrl+s")


async def test_answers_are_kept_while_moving_back_and_forth() -> None:
    app = exam_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ExamScreen)
        assert "question 1 of 4" in text_of(app, "#exam-position")
        assert text_of(app, "#exam-timer") == "⏱ 4:00 left"
        await answer_all_but_the_last(pilot)
        assert screen.index == 3
        assert "question 4 of 4 · 3 answered" in text_of(app, "#exam-position")
        await press(pilot, "pageup", "pageup", "pageup")
        assert screen.index == 0
        assert screen.query_one(TypedAnswer).value == "ｻｰﾊﾞﾚｽ"
        await press(pilot, "pagedown")
        listing = screen.query_one("#exam-list", RecallChecklist)
        assert listing.display and sorted(listing.selected) == [0, 1]
        assert not screen.query_one(TypedAnswer).display
        await pilot.press("pageup", *"!")  # typing on question 1 edits question 1 only
        await pilot.pause()
        assert screen.responses[by_front("AWS Lambda").id].typed == "ｻｰﾊﾞﾚｽ!"
        assert screen.responses[by_front("CDK").id].typed == "AWS CLI"


async def test_a_list_question_is_hidden_until_revealed() -> None:
    app = exam_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await press(pilot, "pagedown")
        assert not screen.query_one("#exam-list", RecallChecklist).display
        assert "Recall the 2 items in your head" in text_of(app, "#exam-hint")
        assert "awslabs" not in str(screen.query_one("#exam-body").render())
        await press(pilot, "ctrl+r")
        listing = screen.query_one("#exam-list", RecallChecklist)
        assert listing.display and len(listing.items) == 2 and listing.selected == frozenset()
        assert screen.responses[by_front("CLI ツールは２つある。").id].answered


async def test_submitting_with_unanswered_questions_asks_again_then_scores_and_keeps_the_result() -> None:
    app = exam_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await answer_all_but_the_last(pilot)
        app.clock.at = FIXED_NOW + timedelta(minutes=2, seconds=5)
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ExamScreen)
        assert text_of(app, "#exam-message") == "1 question is unanswered. Press Ctrl+S again to submit anyway."
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ExamResultScreen)
        assert len(app.store.exams_recorded) == 1
        data, at = app.store.exams_recorded[0]
        assert at == app.clock.at
        assert data["deck"] == "aws-devday"
        assert (data["questions"], data["answered"], data["correct"]) == (4, 3, 2)
        assert data["score"] == 0.5
        assert data["duration"] == 125.0 and data["time_limit"] == 240
        assert data["timed_out"] is False and data["counted"] is False
        assert [(c["id"], c["outcome"]) for c in data["cards"]] == [
            (by_front("AWS Lambda").id, "exact"),
            (by_front("CLI ツールは２つある。").id, "recalled"),
            (by_front("CDK").id, "wrong"),
            (by_front(ORDER[3]).id, "unanswered"),
        ]
        assert app.store.answers == []  # the schedule is untouched unless asked
        assert app.progress_changes == 1
        assert "2/4 correct · 50%" in text_of(app, "#exam-result-score")
        assert text_of(app, "#exam-result-detail") == "3/4 answered · 2:05 of 4:00 used · schedule unchanged · saved"


async def test_counting_towards_the_schedule_records_answered_questions_only() -> None:
    app = exam_app(count=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await submit(pilot)
        assert [(card_id, rating) for card_id, rating, _, _ in app.store.answers] == [
            (by_front("AWS Lambda").id, 3),
            (by_front("CLI ツールは２つある。").id, 3),
            (by_front("CDK").id, 1),
        ]
        assert all(kw["settings"] is not None and kw["duration"] >= 0 for *_, kw in app.store.answers)
        assert app.store.exams_recorded[0][0]["counted"] is True
        assert "answers recorded as reviews" in text_of(app, "#exam-result-detail")


async def test_running_out_of_time_submits_what_was_answered() -> None:
    app = exam_app(minutes=1)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.press(*"サーバレス")
        app.clock.at = FIXED_NOW + timedelta(seconds=45)
        screen.tick()
        await pilot.pause()
        assert screen.has_class("-low-time")
        assert text_of(app, "#exam-timer") == "⏱ 0:15 left"
        app.clock.at = FIXED_NOW + timedelta(seconds=75)
        screen.tick()
        await pilot.pause()
        assert isinstance(app.screen, ExamResultScreen)
        data = app.store.exams_recorded[0][0]
        assert data["timed_out"] is True
        assert data["duration"] == 60.0  # the exam ended at the deadline
        assert (data["answered"], data["correct"]) == (1, 1)
        assert "time ran out" in text_of(app, "#exam-result-detail")


async def test_escape_asks_before_leaving_and_never_abandons_on_its_own() -> None:
    from devday_tui.screens.confirm import ConfirmScreen

    app = exam_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, *"x", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        assert "1 answer and the time spent are not kept" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("escape")  # Esc again answers no: back to the question, the answer still there
        await pilot.pause()
        assert isinstance(app.screen, ExamScreen)
        assert app.screen.query_one(TypedAnswer).value == "x"
        await press(pilot, "escape", "y")
        assert app.screen.id == "base"
        assert app.store.exams_recorded == [] and app.store.answers == []


async def test_a_read_only_store_still_shows_the_result_and_says_it_was_not_kept() -> None:
    store = FakeStore(read_only=True)
    app = exam_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await submit(pilot, answer=False)
        assert isinstance(app.screen, ExamResultScreen)
        assert "was not kept" in text_of(app, "#exam-result-problem")
        assert store.exams_recorded == []


async def test_a_failing_store_is_reported_on_the_result_screen() -> None:
    store = FakeStore(fail_record=True)
    app = exam_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await submit(pilot, answer=False)
        assert "The result could not be kept: [Errno 28] No space left on device" in text_of(
            app, "#exam-result-problem"
        )


async def test_drawing_more_questions_than_cards_is_refused_clearly() -> None:
    deck = sample_deck()
    store = FakeStore({c.id: Progress(c.id, suspended=True) for c in deck.cards})
    config = ExamConfig(questions=3, minutes=3)
    app = Host(
        lambda: ExamScreen(deck=deck, cards=deck.cards, store=store, clock=Clock(), rng=random.Random(1), config=config)
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.id == "base"
        assert any("Only 0 cards can be asked" in n.message for n in app._notifications)


async def test_questions_are_drawn_with_the_given_rng_and_never_suspended() -> None:
    deck = sample_deck()
    suspended = {deck.cards[0].id, deck.cards[1].id}
    store = FakeStore({cid: Progress(cid, suspended=True) for cid in suspended})
    config = ExamConfig(questions=7, minutes=7)
    screens = [
        ExamScreen(deck=deck, cards=deck.cards, store=store, clock=Clock(), rng=random.Random(seed), config=config)
        for seed in (5, 5, 6)
    ]
    ids = [[c.id for c in s.questions] for s in screens]
    assert ids[0] == ids[1] and ids[0] != ids[2]
    assert all(len(set(i)) == 7 and not (set(i) & suspended) for i in ids)


# --------------------------------------------------------------------------------------------- result screen


async def test_result_lists_missed_questions_and_sends_one_to_review_today() -> None:
    app = exam_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await submit(pilot)
        screen = app.screen
        assert isinstance(screen, ExamResultScreen)
        missed = [r.card.front for r in screen.missed]
        assert missed == ["CDK", ORDER[3]]
        options = screen.query_one(OptionList)
        first = str(options.get_option_at_index(0).prompt)
        assert "✗ wrong  CDK" in first and "Answer  AWS Cloud Development Kit" in first and "You     AWS CLI" in first
        second = str(options.get_option(by_front(ORDER[3]).id).prompt)
        assert "– unanswered" in second and "AWS が管理する（ユーザは EC2 インスタンスを選ばない）" in second
        app.clock.at = FIXED_NOW + timedelta(minutes=5)
        await press(pilot, "r")
        assert app.store.made_due == [(by_front("CDK").id, app.clock.at)]
        assert "↻ due today" in str(options.get_option(by_front("CDK").id).prompt)
        assert options.highlighted_option.id == by_front(ORDER[3]).id  # moved on to the next missed card
        await press(pilot, "up", "r")
        assert len(app.store.made_due) == 1  # once is enough
        await press(pilot, "escape")
        assert app.screen.id == "base"


async def test_result_shows_weakest_sections_and_notes_first() -> None:
    app = exam_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await submit(pilot)
        notes = str(app.screen.query_one("#exam-result-notes ScoreGroups").render()).splitlines()
        assert notes[0].endswith("0/2  AWS DevDay 2019")
        assert notes[1].endswith("2/2  AWS DevDay 2019 Day1")
        sections = str(app.screen.query_one("#exam-result-sections ScoreGroups").render()).splitlines()
        assert sections[0].endswith("0/2  AWS DevDay 2019")


async def test_review_today_needs_a_writable_store() -> None:
    store = FakeStore(read_only=True)
    app = exam_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await submit(pilot, answer=False)
        await press(pilot, "r")
        assert store.made_due == []
        assert any("no card can be rescheduled" in n.message for n in app._notifications)


async def test_setup_says_when_the_result_cannot_be_kept() -> None:
    app = setup_app(FakeStore(read_only=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "the result will be shown but not kept" in text_of(app, "#exam-setup-pool")


async def test_reveal_is_offered_only_on_a_hidden_list() -> None:
    app = exam_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert screen.check_action("reveal", ()) is False
        await pilot.press("ctrl+r")  # nothing to reveal on a typed question
        await pilot.pause()
        assert screen.responses[by_front("AWS Lambda").id].recalled is None
        await press(pilot, "pagedown")
        assert screen.check_action("reveal", ()) is True
        await press(pilot, "ctrl+r")
        assert screen.check_action("reveal", ()) is False


LONG_ITEM = (
    "あるべき状態の定義がコードで生成可能（CloudFormation のテンプレートがコードから生成できる）と書いた長い項目"
)


async def test_list_items_are_ticked_in_a_checklist_that_wraps_long_items() -> None:
    from dataclasses import replace

    from devday_tui.core.model import Item

    deck = sample_deck()
    listed = replace(by_front("CLI ツールは２つある。"), back=(Item("awslabs/fargatecli"), Item(LONG_ITEM)))
    questions = [by_front("AWS Lambda"), listed, by_front("CDK")]
    config = ExamConfig(questions=3, minutes=3)
    app = Host(
        lambda: ExamScreen(
            deck=deck, cards=deck.cards, store=FakeStore(), clock=Clock(), config=config, questions=questions
        )
    )
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert screen.check_action("previous", ()) is None  # dimmed on the first question
        await press(pilot, "pagedown")
        await pilot.press("space")  # Space shows the hidden items, as Ctrl+R does
        await pilot.pause()
        listing = screen.query_one("#exam-list", RecallChecklist)
        assert listing.display and listing.has_focus and listing.cursor == 0
        long_row = listing.query(".recall-row").last()
        text = long_row.query_one(".recall-text", Static)
        assert text.content.plain == LONG_ITEM and text.size.height >= 2  # wrapped, not cut
        assert text.region.x == listing.query(".recall-text").first().region.x  # each line under the first
        await press(pilot, "down", "space")
        assert screen.responses[listed.id].recalled == frozenset({1})
        assert long_row.has_class("-ticked") and "✓" in str(long_row.query_one(".recall-mark", Static).render())
        await pilot.click(listing.query(".recall-text").first())  # a click ticks the item clicked
        await pilot.pause()
        assert screen.responses[listed.id].recalled == frozenset({0, 1})
        await pilot.press("space")  # the clicked item is under the cursor: Space unticks it
        await pilot.pause()
        assert screen.responses[listed.id].recalled == frozenset({1})
        await pilot.press("enter")  # Enter moves on, as in a typed question
        await pilot.pause()
        assert screen.index == 2
        assert screen.check_action("next", ()) is None  # dimmed on the last question
        await press(pilot, "pageup")
        assert sorted(screen.query_one("#exam-list", RecallChecklist).selected) == [1]
        await submit(pilot, answer=False)
        result = app.screen
        assert isinstance(result, ExamResultScreen)
        prompt = str(result.query_one(OptionList).get_option(listed.id).prompt)
        assert "You had recalled 1 of 2" in prompt
        assert "✗ awslabs/fargatecli" in prompt and "✓ あるべき状態" in prompt
        lines = prompt.splitlines()
        first = next(n for n, line in enumerate(lines) if "✓ あるべき" in line)
        indent = lines[first].index("あ")
        assert lines[first + 1][:indent].strip() == "" and lines[first + 1][indent] != " "  # a hanging indent


async def test_every_missed_card_can_be_sent_to_review_today_at_once() -> None:
    app = exam_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await submit(pilot)
        screen = app.screen
        missed = [r.card.id for r in screen.missed]
        assert len(missed) == 2
        await pilot.press("r")  # the first, then all: the first is not sent twice
        await pilot.pause()
        assert screen.check_action("review_all_today", ()) is True
        await press(pilot, "a")
        assert [card_id for card_id, _ in app.store.made_due] == missed
        assert screen.check_action("review_all_today", ()) is None  # nothing left to send: dimmed
        options = screen.query_one(OptionList)
        assert all("↻ due today" in str(options.get_option(card_id).prompt) for card_id in missed)
        assert any("1 missed card is now due today" in n.message for n in app._notifications)


async def test_sections_keep_their_own_heading_on_a_narrow_screen() -> None:
    app = exam_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await submit(pilot, answer=False)
        lines = str(app.screen.query_one("#exam-result-sections ScoreGroups").render()).splitlines()
        assert all(
            cell_len(line) <= app.screen.query_one("#exam-result-sections ScoreGroups").size.width for line in lines
        )
        # "第 1 回 AWS Fargate かんたんデプロイ選手権 › Fargate CLI" does not fit: its front is cut, not its end.
        fargate = next(line for line in lines if "Fargate" in line)
        assert fargate.endswith("… › Fargate CLI") and "第 1 回" in fargate


async def test_every_key_in_the_help_names_an_action() -> None:
    from tests.quiz.conftest import assert_help_keys_have_actions

    app = exam_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert_help_keys_have_actions(screen)  # a typed question
        await press(pilot, "pagedown")
        assert_help_keys_have_actions(screen)  # a hidden list
        assert screen.active_bindings["space"].binding.action == "reveal"
        await press(pilot, "space")
        assert_help_keys_have_actions(screen)  # the checklist
        assert screen.active_bindings["space"].binding.description == "Tick"
        await submit(pilot, answer=False)
        result = app.screen
        assert isinstance(result, ExamResultScreen)
        assert_help_keys_have_actions(result)
        assert "enter" not in result.active_bindings  # nothing to "Select" in the missed list
        options = result.query_one(OptionList)
        first = options.highlighted
        await pilot.press("j")
        assert options.highlighted == first + 1  # j moves down as ↓ does


async def test_the_result_and_its_reviews_are_saved_off_the_ui_thread() -> None:
    import threading

    threads: list[threading.Thread] = []

    class Watched(FakeStore):
        def record_exam(self, data, now):
            threads.append(threading.current_thread())
            return super().record_exam(data, now)

        def answer(self, *args, **kwargs):
            threads.append(threading.current_thread())
            return super().answer(*args, **kwargs)

    store = Watched()
    app = exam_app(store, count=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await answer_all_but_the_last(pilot)
        await pilot.press("ctrl+s", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExamResultScreen)
    assert len(threads) == 4  # the result, then the three answered questions
    assert threading.main_thread() not in threads
