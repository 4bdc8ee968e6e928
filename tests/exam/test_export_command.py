"""``devday-tui export`` end to end, on the sample notes and deck."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from devday_tui.cli import main
from devday_tui.core.model import DeckSettings
from devday_tui.export import anki_deck_id
from devday_tui.library import load_library
from devday_tui.store import Store
from tests.conftest import FIXED_NOW, SAMPLE_DECKS, SAMPLE_NOTE, SAMPLE_NOTES


def notes_in(path: Path, tmp_path: Path) -> dict[str, dict]:
    with zipfile.ZipFile(path) as archive:
        db = tmp_path / f"{path.stem}.anki2"
        db.write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT guid, tags, flds FROM notes").fetchall()
        decks = {did for (did,) in conn.execute("SELECT DISTINCT did FROM cards")}
    finally:
        conn.close()
    return {"notes": {g: {"tags": t.split(), "fields": f.split("\x1f")} for g, t, f in rows}, "decks": decks}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the sample notes and deck that a test may edit."""
    root = tmp_path / "ws"
    shutil.copytree(SAMPLE_NOTES, root / "notes")
    shutil.copytree(SAMPLE_DECKS, root / "decks")
    return root


def test_apkg_of_the_sample_has_every_card_with_its_id_as_guid(workspace: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "devday.apkg"
    assert main(["export", "--apkg", str(out), str(workspace / "notes"), str(workspace / "decks")]) == 0
    lib = load_library([workspace / "notes", workspace / "decks"], use_cache=False)
    data = notes_in(out, tmp_path)
    assert set(data["notes"]) == {c.id for c in lib.cards}
    assert data["decks"] == {anki_deck_id("aws-devday")}
    printed = capsys.readouterr().out
    assert f"Wrote {len(lib.cards)} notes in 1 Anki deck(s)" in printed
    # Frontmatter tags plus the section path, hierarchical, without spaces.
    lambda_card = next(c for c in lib.cards if c.front == "AWS Lambda")
    assert data["notes"][lambda_card.id]["tags"] == [
        "AWS",
        "Conference",
        "WIP",
        "deck::AWS_DevDay_2019",
        "AWS_DevDay_2019_Day1::ゼネラルセッション::AWS_の中の人の話",
    ]
    assert data["notes"][lambda_card.id]["fields"][1] == "サーバレス"
    chalice = next(c for c in lib.cards if c.kind == "cloze" and "Chalice" in c.answers)
    assert data["notes"][chalice.id]["fields"][0].startswith("{{c1::Chalice}} は、API Gateway")


def test_a_second_export_after_editing_a_back_keeps_every_guid(workspace: Path, tmp_path: Path) -> None:
    paths = [str(workspace / "notes"), str(workspace / "decks")]
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    assert main(["export", "--apkg", str(first), *paths]) == 0
    note = workspace / "notes" / SAMPLE_NOTE.name
    text = note.read_text(encoding="utf-8")
    assert "- AWS Lambda: サーバレス\n" in text
    note.write_text(
        text.replace("- AWS Lambda: サーバレス\n", "- AWS Lambda: サーバーレス（FaaS）\n"), encoding="utf-8"
    )
    assert main(["export", "--apkg", str(second), *paths]) == 0
    a, b = notes_in(first, tmp_path), notes_in(second, tmp_path)
    assert set(a["notes"]) == set(b["notes"])
    changed = [g for g in a["notes"] if a["notes"][g]["fields"] != b["notes"][g]["fields"]]
    # The definition's card, and the list card that shows the definition beside plain items: each keeps its guid.
    assert len(changed) == 2
    backs = sorted(b["notes"][g]["fields"][1] for g in changed)
    assert backs[1] == "サーバーレス（FaaS）"
    assert "AWS Lambda: サーバーレス（FaaS）" in backs[0]


def test_csv_has_due_and_state_from_the_progress(workspace: Path, tmp_path: Path, data_dir: Path) -> None:
    paths = [str(workspace / "notes"), str(workspace / "decks")]
    lib = load_library([workspace / "notes", workspace / "decks"], use_cache=False)
    card = next(c for c in lib.cards if c.front == "AWS Lambda")
    with Store.open(data_dir, now=FIXED_NOW) as store:
        store.answer(card.id, 3, FIXED_NOW, duration=4.0, settings=DeckSettings())
        due = store.progress(card.id).due
    out = tmp_path / "cards.csv"
    assert main(["export", "--csv", str(out), "--data-dir", str(data_dir), *paths]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) == len(lib.cards)
    row = next(r for r in rows if r["id"] == card.id)
    assert row["state"] in ("learning", "review")
    assert row["due"] == due.isoformat()
    assert row["path:line"].endswith(f"{SAMPLE_NOTE.name}:{card.line}")
    assert all(r["state"] == "new" and r["due"] == "" for r in rows if r["id"] != card.id)


def test_csv_export_does_not_create_a_data_dir(workspace: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-progress-yet"
    out = tmp_path / "cards.csv"
    assert main(["export", "--csv", str(out), "--data-dir", str(missing), str(workspace / "notes")]) == 0
    assert out.exists()
    assert not missing.exists()


def test_unwritable_output_is_a_clear_message_and_leaves_nothing(workspace: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "missing-folder" / "x.apkg"
    assert main(["export", "--apkg", str(out), str(workspace / "notes")]) == 1
    err = capsys.readouterr().err
    assert f"cannot write {out}: the folder {out.parent} does not exist" in err
    assert not out.parent.exists()


def test_a_deck_without_cards_is_a_clear_message(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "empty.md").write_text("---\ntitle: Empty\n---\n\n## Nothing yet\n", encoding="utf-8")
    out = tmp_path / "x.apkg"
    assert main(["export", "--apkg", str(out), str(notes)]) == 1
    assert "nothing to export" in capsys.readouterr().err
    assert not out.exists()


def test_usage_errors(workspace: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", str(workspace / "notes")]) == 2
    assert "--apkg OUT.apkg, --csv OUT.csv and/or --json OUT.json" in capsys.readouterr().err
    assert (
        main(
            [
                "export",
                "--csv",
                str(tmp_path / "x.csv"),
                "--deck",
                "nope",
                str(workspace / "notes"),
                str(workspace / "decks"),
            ]
        )
        == 2
    )
    assert "no deck 'nope'; decks: aws-devday" in capsys.readouterr().err
    assert main(["export", "--csv", str(tmp_path / "x.csv"), str(tmp_path / "does-not-exist")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_exports_carry_personal_notes_flags_state_and_history(
    workspace: Path, tmp_path: Path, data_dir: Path, capsys
) -> None:
    import json
    from datetime import timedelta

    paths = [str(workspace / "notes"), str(workspace / "decks")]
    lib = load_library([workspace / "notes", workspace / "decks"], use_cache=False)
    card = next(c for c in lib.cards if c.front == "AWS Lambda")
    other = next(c for c in lib.cards if c.id != card.id)
    with Store.open(data_dir, now=FIXED_NOW) as store:
        store.answer(card.id, 3, FIXED_NOW, duration=4.0, settings=DeckSettings())
        store.answer(card.id, 1, FIXED_NOW + timedelta(minutes=15), duration=9.5, settings=DeckSettings())
        store.set_annotation(card.id, "Lambda は <b>15 分</b>まで", FIXED_NOW)
        store.bulk("flag", [card.id], FIXED_NOW, flag="red")
        store.bulk("suspend", [other.id], FIXED_NOW)
        expected = store.progress(card.id)
    csv_out, json_out, apkg_out = tmp_path / "c.csv", tmp_path / "c.json", tmp_path / "c.apkg"
    assert (
        main(
            [
                "export",
                "--csv",
                str(csv_out),
                "--json",
                str(json_out),
                "--apkg",
                str(apkg_out),
                "--data-dir",
                str(data_dir),
                *paths,
            ]
        )
        == 0
    )
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(csv_out.read_text("utf-8-sig"), newline=""))}
    row = rows[card.id]
    assert row["my note"] == "Lambda は <b>15 分</b>まで" and row["flag"] == "red"
    assert row["reviews"] == "2" and row["lapses"] == str(expected.lapses)
    assert row["stability"] == f"{expected.stability:.1f}" and row["difficulty"] == f"{expected.difficulty:.2f}"
    assert float(row["interval"]) == round((expected.due - expected.last_review).total_seconds() / 86400, 1)
    assert rows[other.id]["state"] == "new suspended" and rows[other.id]["interval"] == ""
    data = json.loads(json_out.read_text("utf-8"))
    assert data["format"] == "devday-tui cards" and len(data["cards"]) == len(lib.cards)
    entry = next(c for c in data["cards"] if c["id"] == card.id)
    assert entry["my_note"] == "Lambda は <b>15 分</b>まで" and entry["flag"] == "red"
    assert entry["decks"] == ["aws-devday"] and entry["state"] == expected.state.replace("relearning", "learning")
    assert entry["progress"]["reps"] == 2 and 0 <= entry["retrievability"] <= 1
    assert [(r["grade"], r["duration"]) for r in entry["reviews"]] == [("Good", 4.0), ("Again", 9.5)]
    assert next(c for c in data["cards"] if c["id"] == other.id)["state"] == "suspended"
    notes = notes_in(apkg_out, tmp_path)["notes"]
    assert notes[card.id]["fields"][4] == "Lambda は &lt;b&gt;15 分&lt;/b&gt;まで"
    with zipfile.ZipFile(apkg_out) as archive:
        (tmp_path / "q.anki2").write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "q.anki2")
    try:
        queues = dict(conn.execute("SELECT n.guid, c.queue FROM cards c JOIN notes n ON c.nid = n.id").fetchall())
    finally:
        conn.close()
    assert queues[other.id] == -1 and queues[card.id] == 0  # suspended stays suspended; the rest start as new


def test_json_to_standard_output(workspace: Path, capsys) -> None:
    import json

    assert main(["export", "--json", "-", str(workspace / "notes"), str(workspace / "decks")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cards"] and all(c["progress"] is None and c["reviews"] == [] for c in data["cards"])
