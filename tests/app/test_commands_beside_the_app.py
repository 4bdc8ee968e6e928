"""Commands run while the app has the progress open speak for themselves, not for the app's window."""

from __future__ import annotations

from pathlib import Path

from devday_tui.cli import main
from devday_tui.store import Store
from tests.conftest import FIXED_NOW, SAMPLE_DECKS, SAMPLE_NOTES


def test_orphans_while_the_app_is_open_does_not_print_the_apps_notice(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    app_store = Store.open(data, now=FIXED_NOW)  # what the running app holds
    try:
        assert not app_store.read_only
        code = main(
            ["orphans", str(SAMPLE_NOTES), str(SAMPLE_DECKS), "--data-dir", str(data), "--now", FIXED_NOW.isoformat()]
        )
    finally:
        app_store.close()
    err = capsys.readouterr().err
    assert code == 0
    assert "window" not in err and "answers will not be saved" not in err, err
    assert "the app is open" in err and "0 orphans" in err


def test_help_shows_how_to_start_the_app(capsys) -> None:
    try:
        main(["--help"])
    except SystemExit:
        pass
    out = capsys.readouterr().out
    assert "devday-tui [PATH ...] [--data-dir DIR]" in out
    assert "orphans" in out and "due" in out
