"""The headless ``cards`` and ``wip`` commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from devday_tui.cli import main
from devday_tui.core.text import display_width
from tests.conftest import REPO, SAMPLE_DECKS, SAMPLE_NOTE, SAMPLE_NOTES

REQUIRED = {"id", "kind", "front", "back", "context", "path", "line", "section_id"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cards_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "cards", str(SAMPLE_NOTES), "--json")
    assert code == 0 and err == ""
    cards = json.loads(out)
    assert all(REQUIRED <= set(c) for c in cards)
    by = {(c["line"], c["kind"]): c for c in cards}
    assert by[(80, "definition")]["front"] == "Task Definition(register)"
    assert by[(285, "definition")]["front"] == "スナップショットテスト"
    assert by[(130, "definition")]["front"] == "Awesome-ECS"
    assert (306, "definition") not in by  # its whole definition is a URL
    assert by[(242, "list")]["context"][-1] == "CDK の特徴"
    assert by[(142, "label-list")]["front"].startswith("AWS CLI")
    assert by[(73, "label-list")]["front"].startswith("AWS Fargate")
    assert by[(387, "cloze")]["answers"] == ["DynamoDB local"]
    for c in cards:
        assert isinstance(c["back"], list) == (c["kind"] in ("list", "label-list", "sequence"))
        assert c["path"] == str(SAMPLE_NOTE)
    assert {c["kind"] for c in cards} <= {"definition", "list", "label-list", "sequence", "cloze", "explicit"}


def test_cards_default_paths_include_the_deck(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cards", "--json")
    kinds = [c["kind"] for c in json.loads(out)]
    assert code == 0 and kinds.count("explicit") == 4


def test_cards_table(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "100")
    code, out, err = run(capsys, "cards", "notes", "decks")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["KIND", "FRONT", "FILE:LINE"]
    where = "notes/2019-10-03-aws-devday-day1.md:80"
    assert any(ln.startswith("definition") and "Task Definition(register)" in ln and ln.endswith(where) for ln in lines)
    assert lines[-1].startswith("explicit") and lines[-1].endswith("decks/aws-devday.md:17")
    assert "cards" in err
    # Columns line up whatever the width of the text (Japanese counts double in a terminal).
    starts = {display_width(ln[: ln.rindex(ln.split()[-1])]) for ln in lines}
    assert len(starts) == 1
    assert max(display_width(ln) for ln in lines) <= 100


def test_wip_json_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "wip", str(SAMPLE_NOTES), "--json")
    assert code == 0
    rows = json.loads(out)
    assert all({"path", "line", "heading", "reasons"} <= set(r) for r in rows)
    special = {r["heading"]: r for r in rows if set(r["reasons"]) - {"note-tagged"}}
    assert {h: (r["line"], r["reasons"]) for h, r in special.items()} == {
        "トークセッション": (57, ["note-tagged", "thin"]),
        "マルチテナントの基本": (188, ["note-tagged", "thin"]),
        "マルチテナントテストのベストプラクティス": (199, ["note-tagged", "empty"]),
    }
    code, out, _ = run(capsys, "wip", str(SAMPLE_NOTES))
    assert code == 0
    line = next(ln for ln in out.splitlines() if "トークセッション" in ln)
    assert ":57" in line and "thin section" in line and "note tagged WIP" in line


def test_missing_path_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for command in ("cards", "wip"):
        code, out, err = run(capsys, command, str(tmp_path / "missing"))
        assert code != 0 and out == ""
        assert f"{tmp_path / 'missing'}: no such file or folder" in err


def test_skipped_files_warn_on_stderr_and_exit_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("## A\n\n- Term: meaning\n", encoding="utf-8")
    (tmp_path / "bin.md").write_bytes(b"\x00\x01\x02\x03")
    code, out, err = run(capsys, "cards", str(tmp_path), "--json")
    assert code == 0
    assert [c["front"] for c in json.loads(out)] == ["Term"]
    assert f"{tmp_path / 'bin.md'}" in err and "skipped" in err


def test_note_text_cannot_drive_the_terminal(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "evil.md").write_text("## A\n\n- Term\x1b[2J: meaning\x1b]0;pwned\x07 here\n", encoding="utf-8")
    code, out, _ = run(capsys, "cards", str(tmp_path))
    assert code == 0 and "\x1b" not in out and "\x07" not in out


def test_output_to_a_closed_pipe_is_not_an_error() -> None:
    proc = subprocess.run(
        f"{sys.executable} -m devday_tui cards {SAMPLE_NOTES} {SAMPLE_DECKS} --json | head -c 10",
        shell=True,
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr
