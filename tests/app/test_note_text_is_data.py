"""Note text is shown literally: markup, actions, links and terminal escapes in a note do nothing."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Markdown, Static

from devday_tui.screens.browse import BrowseScreen
from devday_tui.widgets.card_list import CardItem, CardList
from devday_tui.widgets.note_tree import NoteTree
from tests.app.conftest import find_on_screen, record_actions, screen_lines, settle, wait_loaded

HOSTILE = (
    "---\n"
    'title: "[bold]Title[/] a [/] b [@click=app.quit]quit[/]"\n'
    "tags: [WIP]\n"
    "---\n"
    "\n"
    "## [@click=app.quit]Heading[/] \x1b]0;pwned\x07 [link=https://evil.example]x[/link]\n"
    "\n"
    "- [bold]Term[/]: a [/] b \x1b[31mred\x1b[0m [@click=app.quit]click[/]\n"
    "- [link=https://evil.example]Link[/link]: [on red]styled[/] text\n"
    "\n"
    "## Empty [/]\n"
)


async def test_hostile_note_is_shown_literally_and_never_acts(tmp_path: Path, build_app) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    app = build_app([notes])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        tree = screen.query_one(NoteTree)
        note_label = tree.root.children[0].label.plain
        assert note_label.startswith("[bold]Title[/] a [/] b [@click=app.quit]quit[/]")
        labels = [n.label.plain for n in tree.root.children[0].children]
        assert labels[0].startswith("[@click=app.quit]Heading[/]")
        assert "[link=https://evil.exa" in labels[0]
        assert "\x1b" not in "".join(labels) and "\x07" not in "".join(labels)
        await pilot.press("down")
        await settle(pilot)
        markdown = screen.query_one("#section-markdown", Markdown)
        assert "\x1b" not in markdown.source
        screen.query_one(CardList).focus()
        await settle(pilot)
        fronts = [item.card.front for item in screen.query(CardItem)]
        assert "[bold]Term[/]" in fronts
        bodies = [str(item.query_one(".card-body", Static).render()) for item in screen.query(CardItem)]
        assert any("a [/] b" in body and "[@click=app.quit]click[/]" in body for body in bodies)
        assert not any("\x1b" in body for body in bodies)
        # Clicking on the text where a live action or link would be does nothing: no action runs, no URL
        # opens, the app stays on this screen.
        dispatched = record_actions(app)
        opened: list[str] = []
        app.open_url = lambda url, **_kwargs: opened.append(url)
        targets = find_on_screen(app, "[@click=app.quit]") + find_on_screen(app, "[link=https://evil")
        # The note title, the heading in the tree and in the section, the bullet, and the card: all literal.
        assert len(targets) >= 6, "\n".join(screen_lines(app))
        for x, y in targets:
            inside = (x + 3, y)  # on the text, not its first character
            assert not app.screen.get_style_at(*inside).meta.keys() & {"@click", "link"}
            await pilot.click(offset=inside)
            await settle(pilot)
            assert app.is_running and app.return_code is None and isinstance(app.screen, BrowseScreen)
        assert "quit" not in dispatched and opened == []
        # The spy sees actions that do run: a key bound to one is recorded.
        await pilot.press("w")
        await settle(pilot)
        assert "toggle_wip" in dispatched
        await pilot.press("down", "down", "down")
        await settle(pilot)
        assert app.is_running
