"""One change of a note on disk is announced once."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import settle, wait_loaded


async def reloads_announced(pilot) -> list[str]:
    """Once the card the edit adds is loaded, and a second more has passed: the reloads announced."""
    app = pilot.app
    for _ in range(100):
        await pilot.pause(0.05)
        if any(c.front == "ECR" for c in app.library.cards):
            break
    await settle(pilot, 1.0)
    return [str(n.message) for n in app._notifications if str(n.message).startswith("Reloaded")]


async def test_one_outside_edit_is_announced_once(workspace: Path, build_app) -> None:
    app = build_app([workspace / "notes", workspace / "decks"], watch=True)
    app.poll_interval = 0.1
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        note = workspace / "notes" / "2019-10-03-aws-devday-day1.md"
        note.write_text(
            note.read_text(encoding="utf-8") + "\n- ECR: コンテナイメージのレジストリ。\n", encoding="utf-8"
        )
        assert await reloads_announced(pilot) == [f"Reloaded {note.name}"]


async def test_an_edit_in_the_editor_is_announced_once(workspace: Path, build_app, monkeypatch) -> None:
    """The file poller's timer comes due while $EDITOR runs; it must not read the file a second time."""
    import subprocess
    import time
    from contextlib import contextmanager

    note = workspace / "notes" / "2019-10-03-aws-devday-day1.md"
    monkeypatch.setenv("EDITOR", "vi")
    app = build_app([workspace / "notes", workspace / "decks"], watch=True)
    app.poll_interval = 0.1

    @contextmanager
    def suspend():
        yield

    def edit(command, *args, **kwargs):
        note.write_text(
            note.read_text(encoding="utf-8") + "\n- ECR: コンテナイメージのレジストリ。\n", encoding="utf-8"
        )
        time.sleep(0.3)  # the person is still in the editor: the poll timer comes due
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(app, "suspend", suspend)
    monkeypatch.setattr(subprocess, "run", edit)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        await pilot.pause(0.3)
        app.edit_file(note, 1)
        assert await reloads_announced(pilot) == [f"Reloaded {note.name}"]
