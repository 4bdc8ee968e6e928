"""A note with one 5 MB line: shown cut ("… 4,998,000 more characters") in browse and in the quiz, and the keys
stay answered. ``benchmarks/long_line.py`` measures the latency itself; here the UI thread's own CPU time for a key
(which the load of other processes changes little) is compared with the same key on a short section: before the
cut, showing the huge section took seconds."""

from __future__ import annotations

import re
import time
from pathlib import Path

from devday_tui.screens.browse import BrowseScreen
from devday_tui.screens.quiz import QuizScreen
from devday_tui.widgets.card_face import CardFace
from devday_tui.widgets.card_list import CardList
from devday_tui.widgets.note_tree import NoteTree
from devday_tui.widgets.wrapped_text import WrappedText
from tests.app.conftest import settle, wait_loaded

SIZE = 5_000_000
#: The huge section may cost this many times a short one (plus a little), on the UI thread.
RATIO = 4


def huge_note(folder: Path) -> None:
    folder.mkdir()
    (folder / "huge.md").write_text(
        "---\ntitle: Huge\n---\n\n## Before\n\n- 前: 普通の行\n\n"
        f"## Huge line\n\n- 巨大: {'長' * SIZE}\n\n## After\n\n- 後: 普通の行\n",
        encoding="utf-8",
    )


async def wait(pilot, condition) -> None:
    for _ in range(500):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("timed out")


async def test_a_five_megabyte_line_is_shown_cut_and_keys_stay_answered(tmp_path: Path, build_app) -> None:
    huge_note(tmp_path / "notes")
    app = build_app([tmp_path / "notes"])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("b")
        await wait(pilot, lambda: isinstance(app.screen, BrowseScreen))
        screen = app.screen
        tree = screen.query_one(NoteTree)
        await settle(pilot, 0.3)
        costs = []
        for key in ("down", "down", "up", "down"):  # onto the huge section, off it and back
            cpu = time.thread_time()
            await pilot.press(key)
            await wait(pilot, lambda: screen._shown == tree.current)
            await pilot.pause()
            costs.append(time.thread_time() - cpu)
        assert screen._shown is not None and screen._shown.section_id is not None
        bodies = [w.content.plain for w in screen.query_one(CardList).query(WrappedText)]
        huge = [b for b in bodies if "more characters" in b]
        assert huge and all(len(b) < 3_000 for b in bodies), [len(b) for b in bodies]
        # What was left out is said: a note this large is read up to the loader's window, the rest reported.
        more = re.search(r"… ([\d,]+) more characters$", huge[0])
        assert more is not None and int(more.group(1).replace(",", "")) > 4_000_000, huge[0][-60:]
        short, huge_cost = min(costs[0], costs[2]), max(costs[1], costs[3])  # off and onto the huge section
        assert huge_cost < RATIO * short + 0.05, costs

        card = next(c for c in app.library.cards if c.front.startswith("巨大"))
        app.start_section_study([card], "huge")
        await wait(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front")
        cpu = time.thread_time()
        await pilot.press("space")
        await wait(pilot, lambda: app.screen.state == "back")
        await pilot.pause()
        assert time.thread_time() - cpu < RATIO * short + 0.05
        face = app.screen.query_one(CardFace)
        shown = [w.content.plain for w in face.query(WrappedText) if w.display]
        assert any(text.endswith("more characters") for text in shown), [t[-40:] for t in shown]
        assert all(len(text) < 3_000 for text in shown)
