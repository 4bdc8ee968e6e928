"""The app while notes load: the counter on the home screen, keys answered meanwhile, and the worker pool
running inside the TUI (where ``sys.stderr`` is Textual's capture, without a file number)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from textual.widgets import Static

from devday_tui.cli import make_app
from devday_tui.library import loading
from tests.conftest import FIXED_NOW, REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from gen_corpus import write_corpus  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _worker_tasks import count_pool_use  # noqa: E402


def build(tmp_path: Path, notes: Path):
    return make_app(
        [notes], data_dir=tmp_path / "data", cache_dir=tmp_path / "cache", clock=lambda: FIXED_NOW, watch=False
    )


async def wait_for(pilot, condition, what: str, tries: int = 1500) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened: {what}")


def status_text(app) -> str:
    return str(app.screen.query_one("#home-status", Static).render())


async def test_home_counts_files_while_reading_and_keys_work_meanwhile(tmp_path: Path, monkeypatch) -> None:
    import devday_tui.library as library_module

    write_corpus(3, tmp_path / "notes", "lf", 0, 2_000)
    release = threading.Event()
    real = library_module.load_library

    def slow(paths, *, progress=None, **kwargs):
        assert progress is not None
        progress(812, 2000)
        release.wait(30)
        return real(paths, progress=progress, **kwargs)

    monkeypatch.setattr(library_module, "load_library", slow)
    app = build(tmp_path, tmp_path / "notes")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: "812 / 2,000" in status_text(app), "the counter is shown")
        assert "Reading your notes… 812 / 2,000" in status_text(app)
        await pilot.press("question_mark")  # the app answers keys while the notes are read
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HelpScreen", "help opens")
        await pilot.press("escape")
        release.set()
        await wait_for(pilot, lambda: app.library is not None and not app.loading, "loaded")
        assert len(app.library.notes) == 3
        await pilot.pause()
        assert "Reading your notes" not in status_text(app)


async def test_a_cold_load_in_the_app_uses_the_worker_pool(tmp_path: Path, monkeypatch) -> None:
    used = count_pool_use(monkeypatch)
    monkeypatch.setattr(loading, "IN_PROCESS_CHARS", 1)
    write_corpus(12, tmp_path / "notes", "crlf", 10, 4_000)
    app = build(tmp_path, tmp_path / "notes")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.library is not None and not app.loading, "loaded")
        assert used and used[0] >= 1
        assert len(app.library.notes) == 12
        assert app.library.warnings == [] and app.store_error is None
        assert app.load_progress == (12, 12)
