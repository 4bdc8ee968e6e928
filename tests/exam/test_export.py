"""Anki and CSV export: the written .apkg is opened as a zip holding an SQLite collection and checked."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
import zipfile
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from devday_tui.core.model import CLOZE_BLANK, Card, Deck, Item, Note
from devday_tui.export import (
    CSV_COLUMNS,
    ExportError,
    anki_deck_id,
    anki_tag,
    write_apkg,
    write_csv,
)
from devday_tui.export.apkg import BASIC_MODEL, CLOZE_MODEL, cloze_text
from tests.conftest import FIXED_NOW

NOTE_PATH = Path("notes/2019-10-03-aws-devday-day1.md")


def make_card(
    id: str,
    kind: str,
    front: str,
    back,
    *,
    answers=(),
    context=("AWS DevDay 2019 Day1", "ゼネラルセッション", "AWS の中の人の話"),
    line=10,
) -> Card:
    return Card(
        id=id,
        kind=kind,
        front=front,
        back=back,
        context=context,
        note_key="2019-10-03-aws-devday-day1",
        note_title="AWS DevDay 2019 Day1",
        path=NOTE_PATH,
        line=line,
        section_id="sec-1",
        answers=answers,
    )


def sample_cards() -> list[Card]:
    return [
        make_card("card-def", "definition", "AWS Lambda", "サーバレス"),
        make_card(
            "card-cloze",
            "cloze",
            f"AWS Lambda は {CLOZE_BLANK} のサービスで、{CLOZE_BLANK} で動く",
            "AWS Lambda は サーバレス のサービスで、イベント駆動 で動く",
            answers=("サーバレス", "イベント駆動"),
        ),
        make_card(
            "card-list",
            "list",
            "AWS を使ったコンテナのデプロイ",
            (Item("Task Definition(register)"), Item("Cluster(create)", (Item("Task(run)"), Item("Service(create)")))),
            context=("AWS DevDay 2019 Day1", "第 1 回 AWS Fargate かんたんデプロイ選手権", "AWS Fargate とは？"),
        ),
        make_card("card-seq", "sequence", "CDK の使い方", (Item("cdk bootstrap"), Item("cdk init"))),
        make_card("card-html", "explicit", "<b>bold</b> & a [/] b", "x < y && y > z\nsecond line"),
    ]


def make_deck(cards: list[Card], key: str = "aws-devday", title: str = "AWS DevDay 2019") -> Deck:
    note = Note(
        path=NOTE_PATH,
        key="2019-10-03-aws-devday-day1",
        title="AWS DevDay 2019 Day1",
        tags=("AWS", "Conference", "WIP"),
        cards=cards,
    )
    return Deck(key=key, title=title, path=None, notes=[note], cards=cards)


def read_apkg(path: Path, tmp_path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        db = tmp_path / f"read-{path.stem}.anki2"
        db.write_bytes(archive.read("collection.anki2"))
        assert json.loads(archive.read("media")) == {}
    conn = sqlite3.connect(db)
    try:
        notes = {
            guid: {"mid": mid, "tags": tags.split(), "fields": flds.split("\x1f"), "id": nid, "mod": mod}
            for nid, guid, mid, tags, flds, mod in conn.execute("SELECT id, guid, mid, tags, flds, mod FROM notes")
        }
        cards = conn.execute("SELECT nid, did, ord FROM cards").fetchall()
        decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
        models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
    finally:
        conn.close()
    return {"notes": notes, "cards": cards, "decks": decks, "models": models}


def test_apkg_holds_one_note_per_card_with_the_card_id_as_guid(tmp_path: Path) -> None:
    out = tmp_path / "out.apkg"
    summary = write_apkg([make_deck(sample_cards())], out, now=FIXED_NOW)
    assert summary.decks == [("AWS DevDay 2019", 5)]
    data = read_apkg(out, tmp_path)
    assert set(data["notes"]) == {"card-def", "card-cloze", "card-list", "card-seq", "card-html"}
    # one Anki card per note, all in the deck whose id comes from the deck key
    assert len(data["cards"]) == 5
    assert {did for _, did, _ in data["cards"]} == {anki_deck_id("aws-devday")}
    assert data["decks"][str(anki_deck_id("aws-devday"))]["name"] == "AWS DevDay 2019"
    names = {m["name"] for m in data["models"].values()}
    assert {"devday-tui Basic", "devday-tui Cloze"} <= names


def test_apkg_note_types_and_fields(tmp_path: Path) -> None:
    out = tmp_path / "out.apkg"
    write_apkg([make_deck(sample_cards())], out, now=FIXED_NOW)
    notes = read_apkg(out, tmp_path)["notes"]
    definition = notes["card-def"]
    assert definition["mid"] == BASIC_MODEL.model_id
    assert definition["fields"][:2] == ["AWS Lambda", "サーバレス"]
    assert definition["fields"][2] == "AWS DevDay 2019 Day1 › ゼネラルセッション › AWS の中の人の話"
    assert definition["fields"][3] == "2019-10-03-aws-devday-day1.md:10"
    cloze = notes["card-cloze"]
    assert cloze["mid"] == CLOZE_MODEL.model_id
    assert cloze["fields"][0] == "AWS Lambda は {{c1::サーバレス}} のサービスで、{{c1::イベント駆動}} で動く"
    listing = notes["card-list"]
    assert listing["mid"] == BASIC_MODEL.model_id
    assert listing["fields"][1] == (
        "<ul><li>Task Definition(register)</li><li>Cluster(create)"
        "<ul><li>Task(run)</li><li>Service(create)</li></ul></li></ul>"
    )
    assert notes["card-seq"]["fields"][1] == "<ol><li>cdk bootstrap</li><li>cdk init</li></ol>"


def test_apkg_escapes_note_text_for_html(tmp_path: Path) -> None:
    out = tmp_path / "out.apkg"
    write_apkg([make_deck(sample_cards())], out, now=FIXED_NOW)
    note = read_apkg(out, tmp_path)["notes"]["card-html"]
    assert note["fields"][0] == "&lt;b&gt;bold&lt;/b&gt; &amp; a [/] b"
    assert note["fields"][1] == "x &lt; y &amp;&amp; y &gt; z<br>second line"


def test_cloze_text_cannot_be_broken_by_braces_or_colons() -> None:
    card = make_card("c", "cloze", f"{{{{c2::x}}}} と {CLOZE_BLANK}", "", answers=("a::b}}",))
    # Braces in the text are entities, so "{{c2::x}}" typed in a note stays text; colons in an answer are
    # entities too, so "::" there is not read as a hint.
    assert cloze_text(card) == "&#123;&#123;c2::x&#125;&#125; と {{c1::a&#58;&#58;b&#125;&#125;}}"
    mismatched = make_card("m", "cloze", f"{CLOZE_BLANK} {CLOZE_BLANK}", "a b", answers=("a",))
    assert cloze_text(mismatched) is None


def test_a_cloze_whose_blanks_do_not_match_its_answers_is_exported_as_basic(tmp_path: Path) -> None:
    card = make_card("odd", "cloze", f"{CLOZE_BLANK} と {CLOZE_BLANK}", "A と B", answers=("A",))
    out = tmp_path / "out.apkg"
    write_apkg([make_deck([card])], out, now=FIXED_NOW)
    note = read_apkg(out, tmp_path)["notes"]["odd"]
    assert note["mid"] == BASIC_MODEL.model_id
    assert note["fields"][1] == "A と B"


def test_apkg_tags_are_frontmatter_tags_plus_the_section_path(tmp_path: Path) -> None:
    out = tmp_path / "out.apkg"
    write_apkg([make_deck(sample_cards())], out, now=FIXED_NOW)
    notes = read_apkg(out, tmp_path)["notes"]
    assert notes["card-def"]["tags"] == [
        "AWS",
        "Conference",
        "WIP",
        "deck::AWS_DevDay_2019",
        "AWS_DevDay_2019_Day1::ゼネラルセッション::AWS_の中の人の話",
    ]
    assert (
        notes["card-list"]["tags"][-1]
        == "AWS_DevDay_2019_Day1::第_1_回_AWS_Fargate_かんたんデプロイ選手権::AWS_Fargate_とは？"
    )
    assert all(" " not in tag for note in notes.values() for tag in note["tags"])


def test_anki_tag_components() -> None:
    assert anki_tag("  AWS  DevDay\t2019 ") == "AWS_DevDay_2019"
    assert anki_tag("a::b") == "a:b"
    assert anki_tag("x\x1b[31m\x00y") == "xy"
    assert anki_tag("   ") == ""


def test_a_second_export_after_an_edit_keeps_the_guids_and_updates_the_fields(tmp_path: Path) -> None:
    cards = sample_cards()
    first = tmp_path / "first.apkg"
    write_apkg([make_deck(cards)], first, now=FIXED_NOW)
    edited = [replace(c, back="サーバーレス（FaaS）") if c.id == "card-def" else c for c in cards]
    second = tmp_path / "second.apkg"
    write_apkg([make_deck(edited)], second, now=FIXED_NOW + timedelta(days=1))
    a = read_apkg(first, tmp_path)
    b = read_apkg(second, tmp_path)
    assert set(a["notes"]) == set(b["notes"])
    assert b["notes"]["card-def"]["fields"][1] == "サーバーレス（FaaS）"
    assert a["notes"]["card-def"]["fields"][1] == "サーバレス"
    # Anki updates a note on import when the GUID matches and the incoming note is newer.
    assert b["notes"]["card-def"]["mod"] > a["notes"]["card-def"]["mod"]
    assert {m for m in b["models"]} == {m for m in a["models"]}
    assert set(a["decks"]) == set(b["decks"])


def test_one_anki_deck_per_devday_deck_and_shared_cards_written_once(tmp_path: Path) -> None:
    cards = sample_cards()
    deck_a = make_deck(cards[:3], key="a", title="Deck A")
    deck_b = make_deck(cards[2:], key="b", title="Deck B")
    out = tmp_path / "two.apkg"
    summary = write_apkg([deck_a, deck_b], out, now=FIXED_NOW)
    assert summary.decks == [("Deck A", 3), ("Deck B", 2)]
    assert summary.duplicates == 1
    data = read_apkg(out, tmp_path)
    assert len(data["notes"]) == 5
    by_deck = {}
    nid_to_guid = {n["id"]: guid for guid, n in data["notes"].items()}
    for nid, did, _ in data["cards"]:
        by_deck.setdefault(did, set()).add(nid_to_guid[nid])
    assert by_deck == {
        anki_deck_id("a"): {"card-def", "card-cloze", "card-list"},
        anki_deck_id("b"): {"card-seq", "card-html"},
    }
    assert anki_deck_id("a") != anki_deck_id("b")
    assert (1 << 30) <= anki_deck_id("a") < (1 << 31)


def test_deck_ids_are_the_same_on_every_machine_and_in_every_release() -> None:
    # Anki matches a re-imported deck by its id: a changed id would make a second copy of every deck.
    # The values are pinned, so neither Python's per-process hash seed nor a refactor can move them.
    assert anki_deck_id("a") == 1535075405
    assert anki_deck_id("b") == 1416085472
    assert anki_deck_id("aws-devday") == 2070366200


def test_a_deck_with_no_cards_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "empty.apkg"
    with pytest.raises(ExportError, match="nothing to export: the deck 'Empty' has no cards"):
        write_apkg([make_deck([], title="Empty")], out, now=FIXED_NOW)
    with pytest.raises(ExportError, match="the deck 'Empty' has no cards"):
        write_csv([make_deck([], title="Empty")], tmp_path / "empty.csv", {})
    assert list(tmp_path.iterdir()) == []


def test_empty_decks_beside_full_ones_are_reported(tmp_path: Path) -> None:
    summary = write_apkg(
        [make_deck([], key="e", title="Empty"), make_deck(sample_cards())], tmp_path / "x.apkg", now=FIXED_NOW
    )
    assert summary.empty_decks == ["Empty"]
    assert summary.notes == 5


def test_unwritable_destination_is_a_clear_error_and_leaves_nothing(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(ExportError, match=r"cannot write .*out\.apkg: permission denied"):
            write_apkg([make_deck(sample_cards())], locked / "out.apkg", now=FIXED_NOW)
        with pytest.raises(ExportError, match="permission denied"):
            write_csv([make_deck(sample_cards())], locked / "out.csv", {})
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(stat.S_IRWXU)


def test_a_destination_the_system_refuses_is_a_clear_error(tmp_path: Path) -> None:
    # /sys refuses new files even to root; the chmod test above covers ordinary users.
    if not Path("/sys").is_dir():
        pytest.skip("no /sys to refuse the write")
    with pytest.raises(
        ExportError, match=r"cannot write /sys/out\.apkg: (permission denied|the file system is read-only)"
    ):
        write_apkg([make_deck(sample_cards())], Path("/sys/out.apkg"), now=FIXED_NOW)
    assert not Path("/sys/out.apkg").exists()


def test_missing_folder_and_folder_as_destination(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="the folder .*nowhere does not exist"):
        write_apkg([make_deck(sample_cards())], tmp_path / "nowhere" / "out.apkg", now=FIXED_NOW)
    with pytest.raises(ExportError, match="it is a folder"):
        write_csv([make_deck(sample_cards())], tmp_path, {})


def test_a_failure_while_writing_keeps_the_previous_export_and_leaves_no_temporary(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out.apkg"
    write_apkg([make_deck(sample_cards())], out, now=FIXED_NOW)
    before = out.read_bytes()

    import devday_tui.export.apkg as apkg

    def broken(package, handle, timestamp):
        handle.write(b"PK half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(apkg, "_write_package", broken)
    with pytest.raises(ExportError, match="no space left on the device"):
        write_apkg([make_deck(sample_cards())], out, now=FIXED_NOW)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.apkg"]


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    old = os.umask(0o022)
    try:
        write_csv([make_deck(sample_cards())], out, {})
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


# --------------------------------------------------------------------------------------------------------- CSV


@dataclass
class Progress:
    state: str
    due: datetime | None
    suspended: bool = False


def test_csv_columns_rows_and_study_state(tmp_path: Path) -> None:
    out = tmp_path / "cards.csv"
    progress = {
        "card-def": Progress("review", datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)),
        "card-cloze": Progress("learning", datetime(2026, 11, 28, 9, 10, tzinfo=timezone.utc), suspended=True),
    }
    count = write_csv([make_deck(sample_cards())], out, progress)
    assert count == 5
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0][:7] == ["front", "back", "context", "kind", "due", "state", "path:line"]
    by_id = {r[-1]: dict(zip(CSV_COLUMNS, r)) for r in rows[1:]}
    assert by_id["card-def"]["back"] == "サーバレス"
    assert by_id["card-def"]["due"] == "2026-12-01T09:00:00+00:00"
    assert by_id["card-def"]["state"] == "review"
    assert by_id["card-def"]["context"] == "AWS DevDay 2019 Day1 › ゼネラルセッション › AWS の中の人の話"
    assert by_id["card-def"]["path:line"] == f"{NOTE_PATH}:10"
    assert by_id["card-def"]["deck"] == "aws-devday"
    assert by_id["card-cloze"]["state"] == "learning suspended"
    assert by_id["card-list"]["due"] == "" and by_id["card-list"]["state"] == "new"
    assert (
        by_id["card-list"]["back"]
        == "• Task Definition(register)\n• Cluster(create)\n  • Task(run)\n  • Service(create)"
    )
    assert by_id["card-seq"]["back"] == "1. cdk bootstrap\n2. cdk init"
    assert by_id["card-html"]["back"] == "x < y && y > z\nsecond line"
    assert by_id["card-cloze"]["front"].count(CLOZE_BLANK) == 2


def test_csv_strips_control_characters(tmp_path: Path) -> None:
    card = make_card("ctl", "definition", "a\x1b]0;pwned\x07b", "c\x00d")
    out = tmp_path / "c.csv"
    write_csv([make_deck([card])], out, {})
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert rows[1][:2] == ["ab", "cd"]
