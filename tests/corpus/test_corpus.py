"""Every corpus note gives exactly the cards in its expected file; a change shows as a unified diff."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.corpus.cards import (
    EXPECTED,
    NOTES,
    UPDATE_HINT,
    corpus_notes,
    expected_path,
    note_cards,
    read_note,
    render,
)

NOTE_FILES = corpus_notes()


def _id(note: Path) -> str:
    return note.relative_to(NOTES).as_posix()


@pytest.mark.parametrize("note", NOTE_FILES, ids=_id)
def test_cards_match_expected(note: Path, update_corpus: bool) -> None:
    actual = render(note, note_cards(read_note(note), note))
    target = expected_path(note)
    if update_corpus:
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != actual:
            target.write_text(actual, encoding="utf-8", newline="\n")
        return
    if not target.exists():
        pytest.fail(f"{target.relative_to(NOTES.parent)} is missing; create it with `{UPDATE_HINT}`")
    expected = target.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"expected/{target.name}",
                tofile=f"parser output for notes/{_id(note)}",
            )
        )
        pytest.fail(
            f"cards of notes/{_id(note)} differ from expected/{target.name} "
            f"(- expected, + actual; `{UPDATE_HINT}` accepts them):\n{diff}",
            pytrace=False,
        )


def test_no_expected_file_without_its_note() -> None:
    wanted = {expected_path(n).name for n in NOTE_FILES}
    stale = sorted(p.name for p in EXPECTED.glob("*.cards.txt") if p.name not in wanted)
    assert not stale, f"expected files whose note is gone: {stale}"


def test_corpus_is_large_enough_and_listed() -> None:
    readme = (NOTES.parent / "README.md").read_text(encoding="utf-8")
    assert len(NOTE_FILES) >= 16
    unlisted = [_id(n) for n in NOTE_FILES if _id(n) not in readme]
    assert not unlisted, f"notes missing from tests/corpus/README.md: {unlisted}"


def test_crlf_note_keeps_its_line_endings() -> None:
    """.gitattributes must keep the conference report's CRLF bytes, or the corpus stops testing them."""
    raw = (NOTES / "2024-06-22-jaws-days-report.md").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > 100


def test_render_shows_nesting_numbering_and_answers() -> None:
    from types import SimpleNamespace as NS

    items = (NS(text="first", children=(NS(text="detail", children=()),)), NS(text="second", children=()))
    seq = NS(kind="sequence", line=3, front="Steps", context=("Note", "Install"), back=items, answers=())
    cloze = NS(kind="cloze", line=9, front="A ［…］ B", context=("Note",), back="A x B\nmore", answers=("x",))
    text = render(NOTES / "x.md", [seq, cloze])
    assert "== sequence @ line 3\nfront:   Steps\ncontext: Note › Install\n" in text
    assert "back:\n    1. first\n      - detail\n" in text
    assert "    2. second\n" in text
    assert "answers: x\nback:\n    A x B\n    more\n" in text
