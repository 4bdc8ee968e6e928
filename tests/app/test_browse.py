"""The app as a person uses it: home, browse, WIP, search, personal notes, editing and new notes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Markdown, Static, TextArea

from devday_tui.screens.annotation import AnnotationScreen
from devday_tui.screens.browse import BrowseScreen
from devday_tui.screens.file_editor import FileEditorScreen
from devday_tui.screens.help import HelpScreen
from devday_tui.screens.home import HomeScreen
from devday_tui.screens.new_note import NewNoteScreen
from devday_tui.screens.problems import ProblemsScreen
from devday_tui.widgets.card_list import CardItem, CardList
from devday_tui.widgets.deck_table import DeckTable
from devday_tui.widgets.note_tree import NoteTree
from devday_tui.widgets.section_view import SectionView
from tests.app.conftest import (
    browse_second_section,
    browse_section,
    focus_cards,
    open_and_type,
    open_browse,
    settle,
    wait_for,
    wait_loaded,
    wait_search,
    wait_section_shown,
    write_and_save,
)


def tree_labels(tree: NoteTree) -> list[str]:
    labels: list[str] = []

    def walk(node, depth: int) -> None:
        for child in node.children:
            labels.append("  " * depth + child.label.plain)
            if child.is_expanded:
                walk(child, depth + 1)

    walk(tree.root, 0)
    return labels


def shown_text(screen) -> str:
    view = screen.query_one(SectionView)
    return "\n".join(str(s.render()) for s in view.query(Static))


async def test_home_lists_the_sample_deck_with_counts_and_exam(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        table = app.screen.query_one(DeckTable)
        assert table.row_count == 1
        row = [str(c) for c in table.get_row_at(0)]
        assert row[0] == "AWS DevDay 2019"
        assert row[1] == "20"  # new_per_day of the sample deck caps the new cards
        assert row[2] == "0" and row[3] == "0"
        assert row[6] == "2026-12-12 (14d)"
        assert row[7] == "aws-devday"  # the key --deck takes on the command line


async def test_tree_shows_notes_sections_counts_and_wip(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(pilot)
        tree = screen.query_one(NoteTree)
        labels = tree_labels(tree)
        assert labels[0].startswith("AWS DevDay 2019 Day1  ")
        assert "WIP" in labels[0] and "✎3" in labels[0]
        stripped = [label.strip() for label in labels]
        assert "トークセッション  0 ✎" in stripped
        assert "マルチテナントテストのベストプラクティス  0 ✎" in stripped
        # A finished section carries no marker, and its count includes its sub-sections' cards.
        fargate_cli = next(label for label in labels if label.strip().startswith("Fargate CLI"))
        assert "✎" not in fargate_cli
        note = app.library.notes[0]
        section = next(s for s in note.walk() if s.heading == "Fargate CLI")
        total = sum(len(s.card_ids) for s in section.walk())
        assert fargate_cli.strip() == f"Fargate CLI  {total}"
        assert total > len(section.card_ids)


async def test_navigating_the_tree_shows_that_section_and_its_cards(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await browse_section(pilot, "CDK の特徴")
        markdown = screen.query_one("#section-markdown", Markdown)
        assert markdown.source.startswith("### CDK の特徴")
        assert "AWS CDK の使い方" not in markdown.source  # only that section is rendered
        cards = [item.card for item in screen.query(CardItem)]
        assert [c.kind for c in cards] == ["list"]
        assert cards[0].front.startswith("CDK の特徴")
        await pilot.press("down")
        await settle(pilot)
        assert screen.query_one("#section-markdown", Markdown).source.startswith("### AWS CDK の使い方")


def _nodes(tree: NoteTree):
    stack = list(tree.root.children)
    while stack:
        node = stack.pop(0)
        yield node
        stack[0:0] = list(node.children)


async def test_wip_only_toggle_shows_just_unfinished_sections_with_reasons(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(pilot)
        tree = screen.query_one(NoteTree)
        everything = tree_labels(tree)
        await pilot.press("w")
        await settle(pilot)
        wip = tree_labels(tree)
        assert len(wip) < len(everything)
        sections = [label.strip() for label in wip[1:]]
        assert "トークセッション  0 ✎" in sections
        assert "マルチテナントの基本  0 ✎" in sections
        assert "マルチテナントテストのベストプラクティス  0 ✎" in sections
        assert all(("✎" in s) or s.startswith(("ゼネラルセッション", "マルチテナント時代")) for s in sections)
        status = str(screen.query_one("#filter-status", Static).render())
        assert "WIP only" in status
        target = next(n for n in _nodes(tree) if n.data and "ベストプラクティス  0" in n.label.plain)
        tree.move_cursor(target)
        await settle(pilot)
        view = screen.query_one(SectionView)
        assert view.has_class("-wip")
        assert "empty section" in shown_text(screen)
        assert "note tagged WIP" in shown_text(screen)
        await pilot.press("w")
        await settle(pilot)
        assert tree_labels(tree) == everything


async def test_search_with_full_width_and_japanese_input(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(pilot)
        await pilot.press("slash")
        search = screen.query_one("#search", Input)
        assert search.has_focus
        search.value = "ｄｙｎａｍｏｄｂ　ｌｏｃａｌ"  # full-width, with an ideographic space
        await wait_search(pilot, search.value)
        await wait_section_shown(pilot)
        tree = screen.query_one(NoteTree)
        labels = [label.strip() for label in tree_labels(tree)]
        assert any(label.startswith("CI をどうするか？") for label in labels)
        assert not any(label.startswith("CDK の特徴") for label in labels)
        cards = [item.card for item in screen.query(CardItem)]
        assert cards and all("DynamoDB local" in (c.front + c.back_text) for c in cards)
        search.value = "スナップショットテスト"
        await wait_search(pilot, search.value)
        labels = [label.strip() for label in tree_labels(tree)]
        assert any(label.startswith("CDK DiveDeep") for label in labels)
        search.value = "no such words anywhere"
        await wait_search(pilot, search.value)
        assert tree_labels(tree) == []
        assert "nothing matches" in str(screen.query_one("#filter-status", Static).render())
        await pilot.press("escape")
        await wait_search(pilot, "")
        assert search.value == "" and not search.display
        assert len(tree_labels(tree)) > 20


async def test_the_note_dialog_buttons_cancel_and_save(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await browse_second_section(pilot)
        card = focus_cards(screen)
        for button, kept in (("#cancel", None), ("#save", "ボタンで保存")):
            await open_and_type(pilot, "n", AnnotationScreen, "ボタンで保存")
            await pilot.click(button)
            await settle(pilot)
            assert app.screen is screen and app.store.annotation(card.id) == kept


async def test_personal_note_is_saved_in_the_store_and_survives_a_restart(workspace: Path, build_app) -> None:
    note_file = workspace / "notes" / "2019-10-03-aws-devday-day1.md"
    before = note_file.read_bytes()
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await browse_section(pilot, "CDK の特徴")
        await pilot.press("tab", "tab")  # past the section text, to the cards
        assert screen.query_one(CardList).has_focus
        await write_and_save(pilot, "n", AnnotationScreen, "試験に出る: [bold]型チェック[/]")
        card = screen.query_one(CardList).current_card
        assert app.store.annotation(card.id) == "試験に出る: [bold]型チェック[/]"
        texts = [str(s.render()) for s in screen.query(".card-annotation")]
        assert texts == ["My note: 試験に出る: [bold]型チェック[/]"]
        # and on the section
        screen.query_one(NoteTree).focus()
        await write_and_save(pilot, "n", AnnotationScreen, "セクションのメモ")
        assert "My note: セクションのメモ" in shown_text(screen)
    assert note_file.read_bytes() == before  # never written into the Markdown file

    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        assert app.annotation(card.id) == "試験に出る: [bold]型チェック[/]"
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("slash")
        app.screen.query_one("#search", Input).value = "型チェック"
        await wait_search(pilot, "型チェック")
        await wait_section_shown(pilot)
        hits = [item.card.id for item in app.screen.query(CardItem)]
        assert card.id in hits  # personal notes are searched too


async def test_new_note_is_created_inside_the_notes_folder_and_opened(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        await pilot.press("N")
        await settle(pilot)
        assert isinstance(app.screen, NewNoteScreen)
        await pilot.press("enter")  # no title: refused with a message
        await settle(pilot)
        assert isinstance(app.screen, NewNoteScreen)
        app.screen.query_one(Input).value = "../../escape/Day 2 ノート"
        await pilot.press("enter")
        await settle(pilot)
        created = sorted((workspace / "notes").glob("*.md"))
        assert [p.name for p in created] == [
            "2019-10-03-aws-devday-day1.md",
            "2026-11-28-escape-day-2-ノート.md",
        ]
        assert not (workspace / "escape").exists()
        await pilot.press("y")  # add it to the deck on the home screen
        await settle(pilot)
        # With no $EDITOR the built-in editor opens on the new file.
        assert isinstance(app.screen, FileEditorScreen)
        area = app.screen.query_one(TextArea)
        assert area.text.startswith('---\ntitle: "../../escape/Day 2 ノート"')
        area.insert("Fargate: サーバレスなコンテナ実行環境\n")
        await pilot.press("ctrl+s")
        await settle(pilot)
        note = next(n for n in app.library.notes if n.path.name.startswith("2026-11-28"))
        assert note.title == "../../escape/Day 2 ノート"
        assert "WIP" in note.tags
        assert [c.front for c in note.cards] == ["Fargate"]


async def test_edit_in_app_editor_reparses_and_keeps_progress(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(pilot)
        tree = screen.query_one(NoteTree)
        target = next(
            n for n in _nodes(tree) if n.data and n.data.section_id and n.label.plain.startswith("トークセッション")
        )
        tree.move_cursor(target)
        await settle(pilot)
        kept = app.library.notes[0].cards[0]
        app.store.suspend(kept.id, app.now())
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, FileEditorScreen)
        area = app.screen.query_one(TextArea)
        assert area.cursor_location == (56, 0)  # line 57, the heading of the section
        area.move_cursor((58, 0))
        area.insert("- Hacker News: 技術系のニュースサイト。\n- reddit: 掲示板。\n")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)
        labels = [label.strip() for label in tree_labels(tree)]
        talk = next(label for label in labels if label.startswith("トークセッション"))
        assert "✎" not in talk  # no longer thin
        fronts = [c.front for c in app.library.notes[0].cards]
        assert "Hacker News" in fronts
        assert app.store.progress(kept.id).suspended  # progress of unchanged cards is kept


async def test_escape_in_editor_with_changes_asks_before_discarding(workspace: Path, build_app) -> None:
    note = workspace / "notes" / "2019-10-03-aws-devday-day1.md"
    before = note.read_bytes()
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await open_browse(pilot)
        await open_and_type(pilot, "e", FileEditorScreen, "oops")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FileEditorScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)
    assert note.read_bytes() == before


async def test_suspend_and_unsuspend_from_the_browse_pane(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await browse_second_section(pilot)
        card = focus_cards(screen)
        await pilot.press("s")
        await settle(pilot)
        assert app.store.progress(card.id).suspended
        item = next(i for i in screen.query(CardItem) if i.card.id == card.id)
        assert item.has_class("-suspended")
        assert "suspended" in str(item.query_one(".card-head", Static).render())
        await pilot.press("s")
        await settle(pilot)
        assert not app.store.progress(card.id).suspended


async def test_file_changed_on_disk_is_picked_up_without_restart(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"], watch=True)
    app.poll_interval = 0.1
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        (workspace / "notes" / "extra.md").write_text(
            "---\ntitle: 追加ノート\n---\n\n## 用語\n\n- ECR: コンテナイメージのレジストリ。\n", encoding="utf-8"
        )
        await wait_for(pilot, lambda: any(n.title == "追加ノート" for n in app.library.notes), what="the new note")
        note = next(n for n in app.library.notes if n.title == "追加ノート")
        assert [c.front for c in note.cards] == ["ECR"]


async def test_help_lists_every_key_of_the_screen_and_each_works(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        for description in (
            "Search",
            "WIP only",
            "My note",
            "Edit file",
            "Study now",
            "New note",
            "Stats",
            "Back",
            "Help",
        ):
            assert description in text, description
        assert "Suspend" not in text  # a key of the cards pane, listed when it has focus
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        screen.query_one(CardList).focus()
        await pilot.press("question_mark")
        await settle(pilot)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "Suspend" in text


async def test_problems_in_notes_are_listed_by_file_and_line(tmp_path: Path, build_app) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "bad.md").write_text("---\ntitle: [unclosed\n---\n\n## A\n\n- x: y\n", encoding="utf-8")
    (notes / "binary.md").write_bytes(b"\x00\xff\xfe\x00" * 10)
    app = build_app([notes])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        status = str(app.screen.query_one("#home-status", Static).render())
        assert "problems in your notes: press p" in status
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        from textual.widgets import OptionList

        options = app.screen.query_one(OptionList)
        lines = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("bad.md:" in line for line in lines)
        assert any("binary.md" in line for line in lines)


async def test_empty_folder_opens_with_a_hint(tmp_path: Path, build_app) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = build_app([empty])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        status = str(app.screen.query_one("#home-status", Static).render())
        assert "No cards yet" in status and "Press N" in status


async def test_every_action_is_in_the_command_palette(workspace: Path, build_app) -> None:
    from textual.command import CommandPalette

    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(pilot)
        commands = {c.title for c in app.get_system_commands(screen)}
        for title in ("Search", "WIP only", "My note", "Edit file", "Study now", "New note", "Stats", "Back", "Help"):
            assert title in commands, title
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"WIP only")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert screen.wip_only


async def test_home_keys_are_in_the_footer_and_help(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        home = app.screen
        from devday_tui.screens.help import screen_keys

        keys = dict((d, k) for k, d in screen_keys(home))
        for description, key in {
            "Study": "⏎",
            "Browse": "b",
            "Mock exam": "x",
            "Stats": "t",
            "New note": "N",
            "Problems": "p",
            "WIP": "w",
        }.items():
            assert keys.get(description, "").lower() == key.lower(), (description, keys)
        footer = " ".join(str(w.render()) for w in home.query("FooterKey"))
        assert "Study" in footer and "Browse" in footer


async def test_every_key_in_help_runs_an_existing_action(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, screen=HomeScreen)
        screens = [app.screen]
        await pilot.press("b")
        await settle(pilot)
        screens.append(app.screen)
        app.screen.query_one(CardList).focus()
        await settle(pilot)
        for screen in screens:
            for namespace, binding, enabled, _tip in screen.active_bindings.values():
                if not binding.description:
                    continue
                target, _, name = binding.action.rpartition(".")
                owner = {"app": app, "screen": screen}.get(target, namespace)
                action = name.split("(")[0]
                assert callable(getattr(owner, f"action_{action}", None)), (
                    type(screen).__name__,
                    binding.key,
                    binding.action,
                )


async def test_a_card_taken_from_two_lines_cites_both_in_the_browser(tmp_path: Path, build_app) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "ebs.md").write_text(
        "# EBS\n\n## Volumes\n\n- gp2: IOPS tied to size\n\n## Exam tips\n\n- gp2: burst to 3,000 IOPS\n"
    )
    app = build_app([notes])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await browse_section(pilot, "Volumes")
        (item,) = [item for item in screen.query(CardItem) if item.card.front == "gp2"]
        head = item.query_one(".card-head", Static)
        assert "ebs.md:5, 9" in str(head.render())
