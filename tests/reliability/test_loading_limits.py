"""What one note may take: at most MAX_CARDS cards (the rest reported with their line), a bounded run of text
parsed at once, and a long line never parsed in the app's own process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from devday_tui.core.parser import parse_note
from devday_tui.library import MAX_CARDS, load_library, parsing

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _worker_tasks import count_pool_use  # noqa: E402


def dense(terms: int, per_section: int = 100) -> str:
    lines = ["---", "title: Dense", "---"]
    for i in range(terms):
        if i % per_section == 0:
            lines += ["", f"## Section {i // per_section}", ""]
        lines.append(f"- term{i}: definition number {i}")
    return "\n".join(lines) + "\n"


def test_cards_past_the_cap_are_reported_with_their_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    path = notes / "dense.md"
    text = dense(MAX_CARDS + 250)
    path.write_text(text, encoding="utf-8")
    full = parse_note(text, path, "dense.md", rel="dense.md", max_cards=10**9)
    assert len(full.cards) > MAX_CARDS
    lib = load_library([notes], cache_dir=tmp_path / "cache", workers=0)
    (note,) = lib.notes
    assert len(note.cards) == MAX_CARDS == len(lib.cards)
    kept = {c.id for c in note.cards}
    assert kept < {c.id for c in full.cards}  # cards of the note, never made up
    assert {i for s in note.walk() for i in s.card_ids} == kept  # sections name only the cards kept
    (warning,) = lib.warnings
    dropped = len(full.cards) - MAX_CARDS
    assert warning.path == path and f"{len(full.cards):,} cards" in warning.message
    assert f"the {dropped:,} from this line on" in warning.message
    assert warning.line in {c.line for c in full.cards if c.id not in kept}  # where the cards left out begin
    warm = load_library([notes], cache_dir=tmp_path / "cache", workers=0)
    assert [str(w) for w in warm.warnings] == [str(warning)]  # the cache keeps the warning


def test_a_huge_note_is_parsed_a_bounded_run_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsing, "FIRST_WINDOW", 2_000)
    monkeypatch.setattr(parsing, "PARSE_WINDOW", 8_000)
    seen: list[int] = []
    real = parsing.parse_note

    def recording(text, *args, **kwargs):
        seen.append(len(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(parsing, "parse_note", recording)
    notes = tmp_path / "notes"
    notes.mkdir()
    text = "".join(f"## Part {i}\n\nprose without any card, line {i}.\n\n" for i in range(2_000))
    (notes / "huge.md").write_text(text, encoding="utf-8")
    lib = load_library([notes], cache_dir=tmp_path / "cache", workers=0)
    assert seen and max(seen) <= 8_000  # never more than the window at once, growing from the first one
    assert seen == sorted(seen) and seen[0] <= 2_000
    (note,) = lib.notes
    assert note.sections and note.sections[-1].heading.startswith("Part")  # cut at a heading
    (warning,) = lib.warnings
    assert "only the first" in warning.message and "split it" in warning.message
    assert text.split("\n")[warning.line - 1].startswith("## Part")


def test_a_long_line_is_parsed_in_a_worker_even_in_a_small_library(tmp_path: Path, monkeypatch) -> None:
    used = count_pool_use(monkeypatch)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "short.md").write_text("## A\n\n- Term: meaning\n", encoding="utf-8")
    small = load_library([notes], cache_dir=tmp_path / "c1")
    assert used == [] and len(small.cards) == 1  # little to parse: in this process
    (notes / "long.md").write_text("## B\n\n" + "word " * 1_000 + "\n\n- Other: meaning\n", encoding="utf-8")
    both = load_library([notes], cache_dir=tmp_path / "c2")
    assert used and used[0] >= 1
    assert sorted(c.front.rsplit(" › ", 1)[-1] for c in both.cards) == ["Other", "Term"]
