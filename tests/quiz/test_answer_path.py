"""From a grade key to the next card: nothing on screen moves while the answer is saved, keys pressed meanwhile are
ignored, the next card comes in one frame with its keys, and widgets that change text without changing size do not
lay the whole screen out again."""

from __future__ import annotations

import threading

from textual.app import App, ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets._footer import FooterKey

from devday_tui.screens.quiz import QuizScreen
from devday_tui.widgets.card_clock import CardClock
from devday_tui.widgets.item_list import ItemLine, ItemList, item_rows
from devday_tui.widgets.key_footer import KeyFooter
from devday_tui.widgets.line_label import LineLabel
from tests.quiz.conftest import wait_for, wait_loaded
from tests.quiz.test_quiz_screen import footer_keys, open_deck


def shown_footer(screen) -> list[str]:
    """The footer's keys and labels as laid out on screen, left to right."""
    footer = screen.query_one(KeyFooter)
    parts = [w for w in footer.query("FooterKey, FooterLabel") if w.display and w.parent.display and w.region.width]
    return [str(w.render()).strip() for w in sorted(parts, key=lambda w: w.region.x)]


class HeldSave:
    """The store's ``answer``, held in the save worker until ``release``."""

    def __init__(self, store) -> None:
        self.original = store.answer
        self.started = threading.Event()
        self.go = threading.Event()

    def __call__(self, *args, **kwargs):
        self.started.set()
        self.go.wait(10)
        return self.original(*args, **kwargs)

    def release(self) -> None:
        self.go.set()


async def test_keys_pressed_while_an_answer_is_saved_are_ignored_and_nothing_moves(make_quiz_app, monkeypatch) -> None:
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        first = screen.card
        await pilot.press("space")
        await pilot.pause(0.1)
        back_keys, back_footer = footer_keys(screen), shown_footer(screen)
        held = HeldSave(app.store)
        monkeypatch.setattr(app.store, "answer", held)
        layouts = 0
        original = Screen._refresh_layout

        def counting(self, *args, **kwargs):
            nonlocal layouts
            layouts += self is screen
            return original(self, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", counting)
        await pilot.press("3")
        await wait_for(pilot, held.started.is_set, what="the save")
        assert screen.state == "saving"
        # Another grade, suspend, bury, undo, reveal: all ignored while the answer is on its way to the disk.
        for key in ("1", "s", "b", "u", "space", "enter", "4"):
            await pilot.press(key)
        await pilot.pause(0.1)
        assert screen.state == "saving" and screen.card is first
        # The footer still shows the card's keys, and nothing was laid out again while the save ran.
        assert footer_keys(screen) == back_keys
        assert shown_footer(screen) == back_footer
        assert layouts == 0
        held.release()
        await wait_for(pilot, lambda: screen.state == "front" and screen.card is not first, what="the next card")
        await pilot.pause(0.1)
        assert [(r.card_id, r.rating) for r in app.store.reviews()] == [(first.id, 3)]
        progress = app.store.progress(first.id)
        assert progress is not None and not progress.suspended and progress.buried_until is None
        assert len(screen.session.steps) == 1  # nothing suspended, buried or undone meanwhile
        assert "space" in footer_keys(screen) and "1" not in footer_keys(screen)


async def test_the_next_card_is_painted_with_its_own_keys(make_quiz_app, monkeypatch) -> None:
    """The first frame that shows the next card already shows its keys (the footer does not follow a frame
    later, with another layout of the whole screen)."""
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        first_frames: list[list[str]] = []
        shown = [screen.cards_shown]
        original = App._display

        def display(self, painted, renderable):
            original(self, painted, renderable)
            if painted is screen and renderable is not None and screen.cards_shown > shown[0]:
                shown[0] = screen.cards_shown
                first_frames.append(shown_footer(screen))

        monkeypatch.setattr(App, "_display", display)
        for key in ("3", "1", "3"):
            before = screen.cards_shown
            await pilot.press("space")
            await wait_for(pilot, lambda: screen.state == "back", what="the answer")
            await pilot.pause(0.1)
            assert "Grade" in " ".join(shown_footer(screen))
            await pilot.press(key)
            await wait_for(pilot, lambda: screen.cards_shown > before, what="the next card")
            await pilot.pause(0.1)
        assert len(first_frames) == 3
        for keys in first_frames:
            shown = " ".join(keys)
            assert "Grade" not in shown and shown.startswith("space "), keys


def _shown_keys(screen) -> dict[FooterKey, tuple]:
    """The footer's keys on screen, each with what it shows."""
    footer = screen.query_one(KeyFooter)
    return {
        key: (key.key_display, key.description, key._disabled)
        for key in footer.query(FooterKey)
        if key.display and key.parent.display and key.region.width
    }


async def test_a_list_card_redraws_only_the_footer_keys_that_change(make_quiz_app, monkeypatch) -> None:
    """A list card's front has one key more than a card's back (Next item, All items for the grades): the keys
    that stay (Undo, Suspend, End…) are neither measured nor drawn again."""
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        app.start_section_study([c for c in app.library.cards if c.kind == "list"][:2], "lists")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front")
        screen = app.screen
        await pilot.pause(0.1)
        for key in ("enter", "3"):  # every item shown, then graded: the back's keys, then the next list's front
            before = _shown_keys(screen)
            refreshed: list[FooterKey] = []
            original = FooterKey.refresh

            def refresh(self, *args, **kwargs):
                refreshed.append(self)
                return original(self, *args, **kwargs)

            monkeypatch.setattr(FooterKey, "refresh", refresh)
            state = screen.state
            await pilot.press(key)
            await wait_for(pilot, lambda: screen.state not in (state, "saving"), what=f"the keys after {key}")
            await pilot.pause(0.1)
            monkeypatch.setattr(FooterKey, "refresh", original)
            after = _shown_keys(screen)
            assert len(after) != len(before), "the two sides show a different number of keys"
            kept = [k for k, shown in after.items() if before.get(k) == shown]
            assert kept, (before, after)
            assert not set(kept) & set(refreshed), [k.description for k in set(kept) & set(refreshed)]


async def test_a_paused_card_clock_asks_for_no_frame(monkeypatch) -> None:
    """While an answer is saved the clock is paused: its ticks draw nothing, so no frame falls just before the
    next card (which would then wait for the frame after)."""
    now = [100.0]

    class Clocked(App):
        def compose(self) -> ComposeResult:
            yield CardClock(source=lambda: now[0], id="clock")

    app = Clocked()
    async with app.run_test(size=(20, 3)) as pilot:
        clock = app.query_one(CardClock)
        clock.restart()
        asked = _layouts(clock, monkeypatch)
        now[0] += 1.5
        clock._tick()
        assert len(asked) == 1 and str(clock.render()) == "0:01"
        clock.pause()
        now[0] += 3
        clock._tick()
        clock._tick()
        assert len(asked) == 1
        clock.resume()
        now[0] += 1
        clock._tick()
        assert len(asked) == 2 and str(clock.render()) == "0:02"
        await pilot.pause()


async def test_revealing_a_list_item_draws_the_card_without_laying_the_screen_out(make_quiz_app, monkeypatch) -> None:
    """Space on a list card shows one more item: when it takes the row of its placeholder and the hint keeps its
    width ("next (2 more)" → "next (1 more)"), the card is drawn again and nothing is laid out."""
    from tests.quiz.test_quiz_screen import card_text

    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        card = next(
            c
            for c in app.library.cards
            if c.kind == "list" and len(c.back) >= 3 and 0 < len(c.back[0].text) < 40 and not c.back[0].children
        )
        app.start_section_study([card], "one list")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front")
        screen = app.screen
        await pilot.pause(0.1)
        layouts: list[bool] = []
        original = Screen._refresh_layout

        def counting(self, size=None, scroll=False):
            if self is screen:
                layouts.append(scroll)
            return original(self, size, scroll)

        monkeypatch.setattr(Screen, "_refresh_layout", counting)
        await pilot.press("space")
        await pilot.pause(0.1)
        shown = card_text(screen)
        assert screen.items_shown == 1 and card.back[0].text in shown, shown
        assert f"next ({len(card.back) - 1} more)" in shown, shown
        assert False not in layouts, layouts


def test_list_items_hang_under_their_text() -> None:
    lines = [
        ItemLine(0, Content("1. "), Content("alpha beta gamma delta epsilon")),
        ItemLine(1, Content("◦ "), Content("zeta eta theta")),
    ]
    rows = [row.plain for row in item_rows(lines, 16)]
    assert rows == ["1. alpha beta", "   gamma delta", "   epsilon", "    ◦ zeta eta", "      theta"]
    assert [row.plain for row in item_rows([ItemLine(0, Content("•  "), Content(""))], 10)] == ["•  "]


class _Labels(App):
    def compose(self) -> ComposeResult:
        yield LineLabel("0:07", id="clock")
        yield ItemList(id="items")


def _layouts(widget, monkeypatch) -> list[bool]:
    asked: list[bool] = []
    original = widget.refresh

    def refresh(*regions, repaint=True, layout=False, recompose=False):
        asked.append(layout)
        return original(*regions, repaint=repaint, layout=layout, recompose=recompose)

    monkeypatch.setattr(widget, "refresh", refresh)
    return asked


async def test_a_label_lays_the_screen_out_only_when_its_width_changes(monkeypatch) -> None:
    app = _Labels()
    async with app.run_test(size=(40, 10)) as pilot:
        label = app.query_one("#clock", LineLabel)
        asked = _layouts(label, monkeypatch)
        label.update(Content("0:08"))
        label.update(Content("10:00"))
        label.update("")
        assert asked == [False, True, True]
        await pilot.pause()
        assert str(label.render()) == ""


async def test_revealing_an_item_lays_the_screen_out_only_when_the_rows_change(monkeypatch) -> None:
    app = _Labels()
    async with app.run_test(size=(40, 10)) as pilot:
        items = app.query_one(ItemList)
        hidden = [ItemLine(0, Content(f"{n}  "), Content("…")) for n in (1, 2)]
        items.show(hidden)
        await pilot.pause()
        assert items.size.height == 2
        asked = _layouts(items, monkeypatch)
        items.show([ItemLine(0, Content("•  "), Content("short")), hidden[1]])  # the same two rows
        items.show([ItemLine(0, Content("•  "), Content("a text much too long for one row of forty")), hidden[1]])
        assert asked == [False, True]
        await pilot.pause()
        assert items.size.height == 3
        first, second, third = str(items.render()).splitlines()
        assert first.startswith("•  a text") and second.startswith("   ") and second[3] != " ", (first, second)
        assert third.startswith("2  …")


async def test_opening_a_session_reads_ahead_the_file_its_answers_go_to(make_quiz_app, monkeypatch, clock) -> None:
    from devday_tui.store import Store

    prepared: list[tuple[object, str]] = []
    original = Store.prepare_answers

    def prepare_answers(self, now):
        prepared.append((now, threading.current_thread().name))
        return original(self, now)

    monkeypatch.setattr(Store, "prepare_answers", prepare_answers)
    app = make_quiz_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_deck(pilot)
        await wait_for(pilot, lambda: bool(prepared), what="the read-ahead")
        # Once, on the writer thread (the one that saves the answers), for the session's clock.
        assert len(prepared) == 1
        assert prepared[0][0] == clock.now and prepared[0][1].startswith("devday-save")


async def test_garbage_is_collected_once_a_card_is_shown_not_between_the_grade_key_and_the_card(
    make_quiz_app, monkeypatch
) -> None:
    monkeypatch.setattr(QuizScreen, "COLLECT_AFTER", 0.3)
    app = make_quiz_app()
    collected: list[int] = []
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_deck(pilot)
        monkeypatch.setattr(app, "collect_while_reading", lambda: collected.append(screen.cards_shown))
        await pilot.press("space")
        await pilot.press("3")
        await wait_for(pilot, lambda: screen.cards_shown == 2 and screen.state == "front", what="the next card")
        await pilot.pause(0.1)
        assert collected == []  # the card is painted first; the collection waits for the reading
        await wait_for(pilot, lambda: collected == [2], what="the collection")
        await pilot.press("space")
        await pilot.press("3")
        await wait_for(pilot, lambda: screen.cards_shown == 3, what="the third card")
        await wait_for(pilot, lambda: collected == [2, 3], what="the collection")
        await pilot.pause(0.4)
        assert collected == [2, 3]  # once a card
