"""`e` runs $EDITOR on the note at the section's line: the change is read back and shown, and an editor that fails
or cannot start is reported while the app carries on.

The editor is a real program (a small script in ``tmp_path``) run by the app. Only handing the terminal over is
replaced: a headless test has no terminal to give, so ``App.suspend`` is a context manager that, like the real one,
gives the screen back only when its block ends cleanly.
"""

from __future__ import annotations

import json
import shlex
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.widgets import TextArea

from devday_tui.screens.file_editor import FileEditorScreen
from devday_tui.widgets.card_list import CardItem
from tests.app.conftest import browse_section, messages, settle, wait_for

HEADING = "AWS の中の人の話"
NEW_BULLET = "- ECR: コンテナイメージのレジストリ。"

EDITOR_SCRIPT = """\
#!{python}
import json, pathlib, sys

args = sys.argv[1:]
pathlib.Path({log!r}).write_text(json.dumps(args), encoding="utf-8")
line, path = int(args[-2].lstrip("+")), pathlib.Path(args[-1])
lines = path.read_text(encoding="utf-8").split("\\n")
lines[line:line] = ["", {bullet!r}, ""]  # right under the heading the editor was opened on
path.write_text("\\n".join(lines), encoding="utf-8")
sys.exit({status})
"""


def write_editor(folder: Path, *, status: int = 0, executable: bool = True) -> tuple[Path, Path]:
    """An editor program (in a folder whose name has a space) and the file where it logs its arguments."""
    folder = folder / "my editors"
    folder.mkdir(exist_ok=True)
    log = folder / "args.json"
    script = folder / f"edit-{status}"
    script.write_text(
        EDITOR_SCRIPT.format(python=sys.executable, log=str(log), bullet=NEW_BULLET, status=status), encoding="utf-8"
    )
    script.chmod(0o755 if executable else 0o644)
    return script, log


@pytest.fixture
def terminal(monkeypatch):
    """Replaces the terminal hand-over of every app built in the test; records each hand-over and its return."""
    handovers: list[str] = []

    @contextmanager
    def suspend(self):
        handovers.append("away")
        yield
        handovers[-1] = "back"

    from devday_tui.app import DevDayApp

    monkeypatch.setattr(DevDayApp, "suspend", suspend)
    return handovers


def section_cards(app) -> list[str]:
    note = app.library.notes[0]
    section = next(s for top in note.sections for s in top.walk() if s.heading == HEADING)
    return [c.front for c in note.cards if c.section_id == section.id]


async def test_editor_changes_the_note_and_the_app_reads_it_back(
    workspace: Path, build_app, monkeypatch, tmp_path: Path, terminal
) -> None:
    script, log = write_editor(tmp_path)
    monkeypatch.setenv("EDITOR", f"{shlex.quote(str(script))} --wait")
    note = workspace / "notes" / "2019-10-03-aws-devday-day1.md"
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await browse_section(pilot, HEADING)
        assert "ECR" not in section_cards(app)
        heading_line = next(
            n for n, line in enumerate(note.read_text(encoding="utf-8").splitlines(), 1) if HEADING in line
        )
        shown = len(messages(app))
        await pilot.press("e")
        await wait_for(pilot, lambda: "ECR" in section_cards(app), what="the edited note to be read again")
        await settle(pilot)
        # The editor got its own arguments, then the line of the section's heading and the note.
        assert json.loads(log.read_text(encoding="utf-8")) == ["--wait", f"+{heading_line}", str(note)]
        assert NEW_BULLET in note.read_text(encoding="utf-8")
        assert terminal == ["back"]  # the terminal was handed over and taken back
        assert app.screen is screen and app.is_running
        await wait_for(
            pilot,
            lambda: "ECR" in [item.card.front for item in screen.query(CardItem)],
            what="the new card in the section's card list",
        )
        assert messages(app)[shown:] == [f"Reloaded {note.name}"]


async def test_an_editor_that_exits_with_an_error_is_reported_and_its_saves_are_kept(
    workspace: Path, build_app, monkeypatch, tmp_path: Path, terminal
) -> None:
    script, _log = write_editor(tmp_path, status=3)
    monkeypatch.setenv("VISUAL", shlex.quote(str(script)))  # VISUAL wins over EDITOR
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere")
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await browse_section(pilot, HEADING)
        shown = len(messages(app))
        await pilot.press("e")
        # What it wrote before failing is on disk: it is read like any change.
        await wait_for(pilot, lambda: "ECR" in section_cards(app), what="the note to be read again")
        await settle(pilot)
        assert terminal == ["back"]
        assert app.screen is screen and app.is_running
        assert messages(app)[shown:] == [
            f"{shlex.quote(str(script))} exited with status 3.",
            "Reloaded 2019-10-03-aws-devday-day1.md",
        ]


async def test_an_editor_that_cannot_run_is_named_and_the_built_in_editor_opens(
    workspace: Path, build_app, monkeypatch, tmp_path: Path, terminal
) -> None:
    # A file with no execute bit cannot be run, by root either.
    script, log = write_editor(tmp_path, executable=False)
    monkeypatch.setenv("EDITOR", shlex.quote(str(script)))
    note = workspace / "notes" / "2019-10-03-aws-devday-day1.md"
    before = note.read_bytes()
    app = build_app([workspace / "notes", workspace / "decks"])
    async with app.run_test(size=(100, 30)) as pilot:
        await browse_section(pilot, HEADING)
        shown = len(messages(app))
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, FileEditorScreen), what="the built-in editor")
        assert terminal == ["back"]
        assert messages(app)[shown:] == [
            f"Could not start {shlex.quote(str(script))!r} (Permission denied); using the built-in editor."
        ]
        assert app.screen.query_one(TextArea).text.replace("\r\n", "\n") == before.decode("utf-8")
    assert not log.exists() and note.read_bytes() == before
