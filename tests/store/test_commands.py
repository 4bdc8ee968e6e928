"""The headless commands: stats, due, orphans, merge."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from devday_tui.cli import main
from devday_tui.library import load_library
from devday_tui.store import Store
from tests.conftest import SAMPLE_DECKS, SAMPLE_NOTES
from tests.store.helpers import T0

NOW = T0.isoformat()


@pytest.fixture(scope="module")
def sample_cards():
    return load_library([SAMPLE_NOTES, SAMPLE_DECKS]).cards


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _paths() -> list[str]:
    return [str(SAMPLE_NOTES), str(SAMPLE_DECKS)]


def _study(data_dir: Path, cards, *, device: str = "laptop") -> None:
    """Yesterday: 6 cards to review; today: 3 answers; one suspended."""
    with Store.open(data_dir, device_id=device, now=T0) as store:
        store.reconcile(cards, T0)
        yesterday = T0 - timedelta(days=1)
        for i, c in enumerate(cards[:6]):
            store.answer(c.id, 4, yesterday + timedelta(minutes=i), duration=3, settings=load_settings())
        store.answer(cards[6].id, 3, T0 - timedelta(minutes=30), duration=3, settings=load_settings())
        store.suspend(cards[7].id, T0 - timedelta(minutes=20))


def load_settings():
    from devday_tui.core.model import DeckSettings

    return DeckSettings()


def test_stats_json(data_dir: Path, capsys, sample_cards) -> None:
    _study(data_dir, sample_cards)
    code, out, err = _run(capsys, "stats", *_paths(), "--data-dir", str(data_dir), "--json", "--now", NOW)
    assert code == 0, err
    figures = json.loads(out)
    n = len(sample_cards)
    assert figures["cards"] == n
    assert figures["suspended"] == 1 and figures["leech"] == 0
    assert figures["learning"] == 1  # cards[6], answered Good once today
    assert figures["new"] + figures["learning"] + figures["review"] + figures["suspended"] == n
    assert figures["reviews_today"] == 1  # the Again is in five days' time: not today
    assert figures["streak"] == 2
    assert figures["retention_total"] == 0 and figures["retention"] is None
    assert figures["due_now"] == 1  # cards[6]'s 10-minute step is over; the reviews are days away
    assert figures["due_today"] == 1
    assert figures["data_dir"] == str(data_dir)


def test_stats_text_and_due(data_dir: Path, capsys, sample_cards) -> None:
    _study(data_dir, sample_cards)
    code, out, _ = _run(capsys, "stats", *_paths(), "--data-dir", str(data_dir), "--now", NOW)
    assert code == 0
    assert "Due now" in out and "Streak" in out and "2 days" in out and "suspended 1" in out
    code, out, _ = _run(capsys, "due", *_paths(), "--data-dir", str(data_dir), "--now", NOW)
    assert (code, out) == (0, "1\n")
    later = (T0 + timedelta(days=30)).isoformat()
    code, out, _ = _run(capsys, "due", *_paths(), "--data-dir", str(data_dir), "--now", later)
    assert int(out) == 7  # every studied card (the suspended one was never studied)


def test_due_reads_the_environment_data_dir_and_is_empty_at_first(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("DEVDAY_TUI_DATA", str(tmp_path / "fresh"))
    code, out, _ = _run(capsys, "due", *_paths(), "--now", NOW)
    assert (code, out) == (0, "0\n")
    assert not (tmp_path / "fresh").exists()  # read-only: nothing created just to count


def test_stats_works_while_the_app_holds_the_store(data_dir: Path, capsys, sample_cards) -> None:
    _study(data_dir, sample_cards)
    with Store.open(data_dir, device_id="laptop", now=T0):
        code, out, _ = _run(capsys, "due", *_paths(), "--data-dir", str(data_dir), "--now", NOW)
        assert (code, out) == (0, "1\n")


def test_unknown_deck_and_newer_data(data_dir: Path, capsys, sample_cards) -> None:
    code, _, err = _run(capsys, "stats", *_paths(), "--data-dir", str(data_dir), "--deck", "nope")
    assert code == 2 and "no deck 'nope'" in err and "aws-devday" in err
    _study(data_dir, sample_cards)
    shard = next((data_dir / "devices/laptop/log").glob("*.json"))
    shard.write_text(shard.read_text().replace('"schema":1', '"schema":9'))
    code, out, err = _run(capsys, "due", *_paths(), "--data-dir", str(data_dir))
    assert code == 1 and out == "" and "newer version of devday-tui" in err and shard.name in err


def test_orphans_command(data_dir: Path, capsys, sample_cards, tmp_path: Path) -> None:
    _study(data_dir, sample_cards)
    # the notes lose a card: only the deck file is given, so the note's cards vanish
    code, out, err = _run(capsys, "orphans", str(SAMPLE_DECKS), "--data-dir", str(data_dir), "--json", "--now", NOW)
    assert code == 0, err
    listed = {o["card_id"] for o in json.loads(out)}
    deck_ids = {c.id for c in load_library([SAMPLE_DECKS]).cards}
    studied = {c.id for c in sample_cards[:8]}
    assert listed == studied - deck_ids
    code, out, err = _run(capsys, "orphans", *_paths(), "--data-dir", str(data_dir), "--now", NOW)
    assert (code, out) == (0, "") and "0 orphans" in err
    code, out, err = _run(capsys, "orphans", str(SAMPLE_DECKS), "--data-dir", str(data_dir), "--now", NOW)
    first = out.splitlines()[0]
    assert "review" in first and "last 2026-11-27" in first and ".md:" in first


def test_merge_command(tmp_path: Path, capsys, sample_cards) -> None:
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    _study(mine, sample_cards, device="laptop")
    _study(theirs, sample_cards, device="desktop")
    code, out, err = _run(capsys, "merge", str(theirs), "--data-dir", str(mine))
    assert code == 0, err
    assert out.startswith(f"Merged from {theirs}: 7 review(s), 1 card event(s)")
    code, out, _ = _run(capsys, "merge", str(theirs), "--data-dir", str(mine))
    assert "0 review(s)" in out
    with Store.open(mine, device_id="laptop", now=T0, read_only=True) as store:
        assert len(store.reviews()) == 14
    # refused while the app holds the store, naming it
    with Store.open(mine, now=T0):
        code, _, err = _run(capsys, "merge", str(theirs), "--data-dir", str(mine))
        assert code == 1 and "in use by another devday-tui" in err
    code, _, err = _run(capsys, "merge", str(tmp_path / "nowhere"), "--data-dir", str(mine))
    assert code == 1 and "is not a directory" in err
