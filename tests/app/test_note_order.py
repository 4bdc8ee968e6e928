"""The tree lists notes in natural order, by folder when they come from several, and tells same titles apart."""

from __future__ import annotations

from pathlib import Path

from devday_tui.core.words import natural_key
from devday_tui.screens.browse import BrowseScreen
from devday_tui.screens.home import HomeScreen
from devday_tui.widgets.note_tree import NoteTree
from tests.app.conftest import settle, wait_loaded


def test_natural_order() -> None:
    names = ["chapter_10.md", "chapter_2.md", "13.10 Lambda.md", "13.2 Lambda.md", "Chapter_1.md"]
    assert sorted(names, key=natural_key) == [
        "13.2 Lambda.md",
        "13.10 Lambda.md",
        "Chapter_1.md",
        "chapter_2.md",
        "chapter_10.md",
    ]


def note(path: Path, title: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'---\ntitle: "{title}"\n---\n\n## 用語\n\n- ECR: レジストリ\n', encoding="utf-8")


async def test_notes_are_in_natural_order_grouped_by_folder(tmp_path: Path, build_app) -> None:
    notes = tmp_path / "notes"
    note(notes / "saa" / "chapter_10.md", "Chapter 10")
    note(notes / "saa" / "chapter_2.md", "Chapter 2")
    note(notes / "saa" / "notes.md", "Notes")
    note(notes / "dva" / "13.10.md", "13.10")
    note(notes / "dva" / "13.2.md", "13.2")
    note(notes / "dva" / "notes.md", "Notes")
    app = build_app([notes])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        await pilot.press("b")
        await settle(pilot, 0.3)
        assert isinstance(app.screen, BrowseScreen)
        tree = app.screen.query_one(NoteTree)
        folders = [n.label.plain for n in tree.root.children]
        assert folders == ["dva/", "saa/"]
        titles = [[c.label.plain.split("  ")[0] for c in f.children] for f in tree.root.children]
        assert titles == [["13.2", "13.10", "Notes"], ["Chapter 2", "Chapter 10", "Notes"]]
        same = [c.label.plain for f in tree.root.children for c in f.children if c.label.plain.startswith("Notes")]
        assert "dva/notes.md" in same[0] and "saa/notes.md" in same[1]
        assert tree.current is not None and tree.current.kind == "note"  # the cursor starts on a note
