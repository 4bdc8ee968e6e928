"""When progress cannot be opened at all, the app and the CLI say that the *progress* (not the notes) could not
be read, name the file, and say what was kept; the CLI never prints a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from devday_tui.cli import main, make_app
from tests.conftest import FIXED_NOW, REPO, SAMPLE_NOTE
from tests.store.damage import SHARD, filled, nested, newer_schema


def test_cli_says_progress_could_not_be_read_without_a_traceback(data_dir: Path) -> None:
    newer_schema(data_dir)
    result = subprocess.run(
        [sys.executable, "-m", "devday_tui", "stats", str(SAMPLE_NOTE), "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Your progress could not be read" in result.stderr and "2026-11-28.json" in result.stderr
    assert "The file was left unchanged" in result.stderr
    assert "Traceback" not in result.stderr and "notes could not be read" not in result.stderr


def test_cli_reads_around_hostile_files_with_notices(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    filled(data_dir)
    (data_dir / SHARD).write_bytes(nested())
    assert main(["stats", str(SAMPLE_NOTE), "--data-dir", str(data_dir), "--json"]) == 0
    captured = capsys.readouterr()
    assert "devices/laptop/log/2026-11-28.json could not be read (its JSON is nested too deeply)" in captured.err
    assert json.loads(captured.out)["data_dir"] == str(data_dir)


def test_cli_guard_turns_a_store_error_into_a_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    import devday_tui.commands.stats as stats
    from devday_tui.store import StoreError

    def failing(args):
        raise StoreError("Your progress could not be read: x.json is broken. No file was changed.")

    monkeypatch.setattr(stats, "run", failing)
    assert main(["stats", str(SAMPLE_NOTE)]) == 1
    assert "devday-tui stats: Your progress could not be read: x.json" in capsys.readouterr().err


async def test_app_says_progress_could_not_be_read_and_keeps_the_notes(data_dir: Path, tmp_path: Path) -> None:
    newer_schema(data_dir)
    app = make_app([SAMPLE_NOTE], data_dir=data_dir, cache_dir=tmp_path / "cache", clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(300):
            if app.library is not None and not app.loading:
                break
            await pilot.pause(0.02)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.library is not None and app.library.cards  # the notes are there
        assert app.store is None
        error = app.store_error or ""
        assert error.startswith("Your progress could not be read") and "2026-11-28.json" in error
        assert "The file was left unchanged" in error
        shown = [n.message for n in app._notifications]
        assert any("Your progress could not be read" in m for m in shown)
        assert not any("notes could not be read" in m for m in shown)
