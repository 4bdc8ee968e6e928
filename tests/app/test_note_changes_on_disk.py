"""Notes changed behind the app's back: a note that cannot be read again, and a note deleted while the app runs.

The poller runs for real (every 0.1 s here); the tests wait for what it should bring about.
"""

from __future__ import annotations

from pathlib import Path

from devday_tui.screens.browse import BrowseScreen
from devday_tui.screens.home import HomeScreen
from devday_tui.widgets.deck_table import DeckTable
from devday_tui.widgets.note_tree import NoteTree
from tests.app.conftest import messages, settle, wait_for, wait_loaded

NOTE_B = "---\ntitle: Note B\n---\n\n## B\n\nB-old: 古い定義です。\n\n## C\n\n- B-two: 二つ目です。\n"


def fronts(app, name: str) -> list[str]:
    return sorted(c.front for n in app.library.notes if n.path.name == name for c in n.cards)


def write_notes(folder: Path) -> tuple[Path, Path]:
    folder.mkdir()
    a, b = folder / "a.md", folder / "b.md"
    a.write_text("---\ntitle: Note A\n---\n\n## A\n\n- A-old: 古い定義です。\n", encoding="utf-8")
    b.write_text(NOTE_B, encoding="utf-8")
    return a, b


async def test_a_note_that_fails_to_load_again_is_named_and_the_others_changes_are_kept(
    tmp_path: Path, build_app, monkeypatch
) -> None:
    import devday_tui.library as library_module

    a, b = write_notes(tmp_path / "notes")
    real = library_module.reload_note
    broken = {a.resolve()}

    def reload_note(library, path, **kwargs):
        if Path(path).resolve() in broken:
            raise RecursionError("maximum recursion depth exceeded while parsing")
        return real(library, path, **kwargs)

    monkeypatch.setattr(library_module, "reload_note", reload_note)
    app = build_app([tmp_path / "notes"], watch=True)
    app.poll_interval = 0.1
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        shown = len(messages(app))
        a.write_text(a.read_text(encoding="utf-8").replace("A-old", "A-new"), encoding="utf-8")
        b.write_text(b.read_text(encoding="utf-8").replace("B-old", "B-new"), encoding="utf-8")
        await wait_for(pilot, lambda: len(messages(app)) > shown, what="a message about the change")
        await wait_for(pilot, lambda: fronts(app, "b.md") == ["B-new", "B-two"], what="b.md read again")
        await settle(pilot)
        assert app.is_running
        failures = [m for m in messages(app)[shown:] if "could not be read again" in m]
        assert len(failures) == 1, messages(app)[shown:]
        assert "a.md" in failures[0] and "maximum recursion depth exceeded" in failures[0]
        assert fronts(app, "a.md") == ["A-old"]  # its old cards stay, to be studied as before
        # Once the note can be read, its next change is read.
        broken.clear()
        a.write_text(a.read_text(encoding="utf-8").replace("A-new", "A-newer"), encoding="utf-8")
        await wait_for(pilot, lambda: fronts(app, "a.md") == ["A-newer"], what="a.md read again")


async def test_a_note_deleted_while_the_app_runs_leaves_every_screen_and_its_progress_stays(
    tmp_path: Path, build_app
) -> None:
    a, b = write_notes(tmp_path / "notes")
    app = build_app([tmp_path / "notes"], watch=True)
    app.poll_interval = 0.1
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        gone = [c for n in app.library.notes if n.path.name == "b.md" for c in n.cards]
        assert [c.front for c in gone] == ["B-old", "B-two"]
        app.store.answer(gone[0].id, 3, app.now(), duration=4.0, settings=app.library.decks[0].settings)
        app.store.suspend(gone[1].id, app.now())
        app.progress_changed()
        before = {c.id: app.store.progress(c.id) for c in gone}
        table = app.screen.query_one(DeckTable)
        assert table.row_count == 1
        await settle(pilot)
        home_row = [str(cell) for cell in table.get_row_at(0)]
        assert home_row[1:4] == ["1", "1", "0"]  # new (A-old), learning (B-old), due
        await pilot.press("b")
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), what="browse")
        browse = app.screen
        tree = browse.query_one(NoteTree)
        assert sorted(node.label.plain.split("  ")[0] for node in tree.root.children) == ["Note A", "Note B"]
        tree.move_cursor(tree.root.children[1].children[0])  # Note B › B, on screen while it goes
        await settle(pilot)

        b.unlink()
        await wait_for(pilot, lambda: fronts(app, "b.md") == [], what="the poller to notice the deletion")
        await settle(pilot)
        assert app.is_running and app.screen is browse
        assert [node.label.plain.split("  ")[0] for node in tree.root.children] == ["Note A"]
        assert all(c.id not in {x.id for x in app.library.cards} for c in gone)
        # The keys still work on what is left.
        await pilot.press("down", "up", "enter")
        await settle(pilot)
        assert app.is_running
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen), what="home")
        await settle(pilot)
        table = app.screen.query_one(DeckTable)
        assert [str(cell) for cell in table.get_row_at(0)][1:4] == ["1", "0", "0"]  # B-old is no longer counted
        assert [c.front for c in app.library.decks[0].cards] == ["A-old"]
        # The progress of its cards is kept: the note comes back with it.
        assert {c.id: app.store.progress(c.id) for c in gone} == before
        b.write_text(NOTE_B, encoding="utf-8")
        await wait_for(pilot, lambda: fronts(app, "b.md") == ["B-old", "B-two"], what="the note to come back")
        back = {c.front: c.id for n in app.library.notes if n.path.name == "b.md" for c in n.cards}
        assert set(back.values()) == {c.id for c in gone}
        assert app.store.progress(back["B-two"]).suspended
        assert app.store.progress(back["B-old"]).reps == 1
