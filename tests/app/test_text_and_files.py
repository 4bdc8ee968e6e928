"""Safe display of note text, search folding, and writing note files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from devday_tui.core.model import Card, Note, Section
from devday_tui.core.search import SearchIndex, fold
from devday_tui.note_files import (
    NoteFileError,
    create_note,
    new_note_path,
    read_for_edit,
    slugify,
    write_atomic,
)
from devday_tui.safe_text import clean, one_line


def test_clean_removes_escape_sequences_and_controls_but_keeps_text() -> None:
    raw = "a\x1b[31mred\x1b[0m b\x1b]8;;http://x\x07link\x1b]8;;\x07 c\x07\x00\x9b2Jd\nnext\tline"
    assert clean(raw) == "ared blink cd\nnext\tline"


def test_one_line_folds_and_cuts() -> None:
    assert one_line("a\n  b\tc", 10) == "a b c"
    assert one_line("x" * 20, 5) == "xxxx…"


def test_fold_makes_full_width_and_case_equal() -> None:
    assert fold("ＡＷＳ") == fold("aws")
    assert fold("ｻｰﾊﾞﾚｽ") == fold("サーバレス")


def _note() -> Note:
    path = Path("n.md")
    card = Card(
        "c1", "definition", "Fargate", "サーバレスなコンテナ実行環境", ("T", "コンテナ"), "n.md", "T", path, 5, "s2"
    )
    s2 = Section("s2", "コンテナ", 3, ("T", "AWS", "コンテナ"), 4, 6, card_ids=("c1",))
    s1 = Section("s1", "AWS の話", 2, ("T", "AWS"), 1, 6, children=[s2])
    s3 = Section("s3", "DynamoDB", 2, ("T", "DynamoDB"), 7, 9)
    return Note(path, "n.md", "T", sections=[s1, s3], cards=[card])


def test_search_matches_headings_cards_and_personal_notes() -> None:
    index = SearchIndex.build([_note()], {"s3": "覚える: GSI"})
    assert index.search("ＡＷＳ").sections == {"s1"}
    hit = index.search("さーばれす")
    assert hit.sections == set() and hit.cards == set()  # kana forms are not folded in search
    hit = index.search("サーバレス")
    assert hit.cards == {"c1"} and hit.sections == {"s2"} and hit.notes == {"n.md"}
    assert index.search("gsi").sections == {"s3"}
    assert index.search("コンテナ fargate").cards == {"c1"}
    assert index.search("コンテナ dynamodb").sections == set()
    assert index.search("   ").sections == set()


@pytest.mark.parametrize(
    "title, expected",
    [
        ("AWS DevDay 2019 Day2", "aws-devday-2019-day2"),
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c", "a-b-c"),
        ("マルチテナント 入門", "マルチテナント-入門"),
        ("...", "note"),
        ("ＡＷＳ：基礎", "aws-基礎"),
    ],
)
def test_slugify(title: str, expected: str) -> None:
    assert slugify(title) == expected


def test_new_note_never_leaves_the_folder_and_never_overwrites(tmp_path: Path) -> None:
    today = date(2026, 11, 28)
    first = create_note(tmp_path, "../../outside", today)
    assert first.parent == tmp_path.resolve()
    assert first.name == "2026-11-28-outside.md"
    second = new_note_path(tmp_path, "../../outside", today)
    assert second.name == "2026-11-28-outside-2.md"
    text = first.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "../../outside"\ndate: 2026-11-28\ntags: [WIP]\n---\n')


def test_title_with_yaml_specials_round_trips(tmp_path: Path) -> None:
    import frontmatter

    path = create_note(tmp_path, 'No: "quoted" #tag [x]', date(2026, 11, 28))
    post = frontmatter.load(path)
    assert post["title"] == 'No: "quoted" #tag [x]'
    assert post["tags"] == ["WIP"]


def test_write_atomic_keeps_crlf_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_bytes(b"a\r\nb\r\n")
    path.chmod(0o640)
    text, newline = read_for_edit(path)
    assert (text, newline) == ("a\nb\n", "\r\n")
    write_atomic(path, text + "c\n", newline)
    assert path.read_bytes() == b"a\r\nb\r\nc\r\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["n.md"]


def test_write_atomic_failure_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    path = tmp_path / "n.md"
    path.write_text("old", encoding="utf-8")

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(NoteFileError, match="n.md: not saved: no space left on the device"):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["n.md"]


def test_non_utf8_file_is_refused_by_the_editor(tmp_path: Path) -> None:
    path = tmp_path / "bin.md"
    path.write_bytes(b"\xff\xfe\x00abc")
    with pytest.raises(NoteFileError, match="bin.md: not UTF-8"):
        read_for_edit(path)
