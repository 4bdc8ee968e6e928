"""The store: answers are durable, undo is multi-level and persisted, events, annotations, exams, the snapshot."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from devday_tui.atomic import TEMP_SUFFIX
from devday_tui.core.model import DeckSettings
from devday_tui.core.scheduling import review
from devday_tui.store import Store, StoreError, StoreReadOnly, data_dir_for
from devday_tui.store.files import read_tables
from tests.store.helpers import SETTINGS, T0, UTC, open_store


def _crash(store: Store) -> None:
    """Drop a store the way a killed process would: no snapshot, lock released by the system."""
    store._release()
    store._closed = True


def _study(store: Store, n: int, start: datetime = T0, cards: int = 7) -> datetime:
    now = start
    for i in range(n):
        store.answer(f"c{i % cards}", (1, 3, 3, 4, 2)[i % 5], now, duration=1.5, settings=SETTINGS)
        now += timedelta(minutes=7)
    return now


def test_data_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "devday-tui" in str(data_dir_for(None))
    monkeypatch.setenv("DEVDAY_TUI_DATA", str(tmp_path / "env"))
    assert data_dir_for(None) == tmp_path / "env"
    assert data_dir_for(tmp_path / "arg") == tmp_path / "arg"


def test_device_id_is_per_machine_and_kept_outside_the_data_dir(data_dir: Path) -> None:
    with Store.open(data_dir) as a:
        first = a.device_id
    with Store.open(data_dir) as b:
        assert b.device_id == first
    assert not list(data_dir.rglob("device-*.json"))
    with pytest.raises(StoreError, match="device id"):
        Store.open(data_dir, device_id="../escape")


def test_answer_is_on_disk_when_it_returns(data_dir: Path) -> None:
    store = open_store(data_dir)
    ans = store.answer("c1", 3, T0, duration=2.5, settings=SETTINGS)
    assert ans.before is None and ans.after == review(None, "c1", 3, T0, SETTINGS, tz=UTC)
    assert ans.review.state_before == "new" and ans.review.device_id == "laptop" and not ans.became_leech
    assert len(ans.review.id) == 32
    files = list((data_dir / "devices" / "laptop" / "log").glob("*.json"))
    assert [f.name for f in files] == ["2026-11-28.json"]
    docs = list(read_tables(files[0])["log"].values())
    assert docs[0]["id"] == ans.review.id and docs[0]["rating"] == 3 and docs[0]["dur"] == 2.5
    # another process would see it right away, without a close
    other = open_store(data_dir, read_only=True)
    assert other.progress("c1") == ans.after
    assert [r.id for r in other.reviews()] == [ans.review.id]
    store.close()


def test_state_survives_reopen_and_equals_full_replay(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(data_dir)
    _study(store, 60)
    store.suspend("c3", T0 + timedelta(hours=9))
    expected = store.all_progress()
    store.close()
    # reopening uses the snapshot: no full rebuild
    calls = []
    original = Store._rebuild
    monkeypatch.setattr(Store, "_rebuild", lambda self, now: calls.append(1) or original(self, now))
    with open_store(data_dir) as again:
        assert again.all_progress() == expected
    assert calls == []
    # and the snapshot agrees with a replay of the whole history
    (data_dir / "devices" / "laptop" / "snapshot.json").unlink()
    with open_store(data_dir) as rebuilt:
        assert rebuilt.all_progress() == expected
    assert calls == [1]


def test_after_a_crash_the_new_history_is_applied_on_top_of_the_snapshot(data_dir: Path, monkeypatch) -> None:
    store = open_store(data_dir)
    end = _study(store, 20)
    store.close()
    store = open_store(data_dir)
    end = _study(store, 15, end)
    store.bury("c2", end + timedelta(days=1), end)
    expected = store.all_progress()
    _crash(store)
    monkeypatch.setattr(Store, "_rebuild", lambda self, now: pytest.fail("no full rebuild needed"))
    with open_store(data_dir) as again:
        assert again.all_progress() == expected
        assert again.notices == []


def test_multi_level_undo_is_persisted(data_dir: Path) -> None:
    store = open_store(data_dir)
    a = store.answer("a", 3, T0, duration=1, settings=SETTINGS)
    b = store.answer("a", 3, T0 + timedelta(minutes=11), duration=1, settings=SETTINGS)
    c = store.answer("b", 1, T0 + timedelta(minutes=12), duration=1, settings=SETTINGS)
    assert store.can_undo
    assert store.undo(T0 + timedelta(minutes=13)) == c.review
    assert store.progress("b") is None
    assert store.undo(T0 + timedelta(minutes=13)) == b.review
    assert store.progress("a") == a.after
    assert [r.id for r in store.reviews()] == [a.review.id]
    _crash(store)  # no snapshot written: the history alone must say it
    with open_store(data_dir) as again:
        assert again.progress("a") == a.after and again.progress("b") is None
        assert [r.id for r in again.reviews()] == [a.review.id]
        assert again.undo(T0) is None  # undo covers this session's answers only
    # removed from the file, with a marker kept
    docs = list(read_tables(data_dir / "devices/laptop/log/2026-11-28.json")["log"].values())
    assert {d["id"] for d in docs if d["t"] == "review"} == {a.review.id}
    assert {d["ref"] for d in docs if d["t"] == "undo"} == {b.review.id, c.review.id}


def test_undo_keeps_a_later_suspend_and_reverts_a_leech(data_dir: Path) -> None:
    store = open_store(data_dir)
    store.answer("a", 3, T0, duration=1, settings=SETTINGS)
    store.suspend("a", T0 + timedelta(minutes=1))
    store.undo(T0 + timedelta(minutes=2))
    p = store.progress("a")
    assert p is not None and p.state == "new" and p.suspended
    store.close()
    with open_store(data_dir) as again:
        assert again.progress("a") == p


def test_leech_is_reported_once_and_suspends(data_dir: Path) -> None:
    store = open_store(data_dir)
    now = T0
    ans = store.answer("x", 4, now, duration=1, settings=SETTINGS)
    leech_answers = []
    while ans.after.lapses < 8:
        now = ans.after.due
        ans = store.answer("x", 1 if ans.after.state == "review" else 4, now, duration=1, settings=SETTINGS)
        leech_answers.append(ans.became_leech)
    assert leech_answers.count(True) == 1 and leech_answers[-1]
    assert ans.after.leech and ans.after.suspended
    p = store.unsuspend("x", now + timedelta(minutes=1))
    assert p.leech and not p.suspended
    store.close()
    with open_store(data_dir, now=now) as again:
        assert again.progress("x").leech and not again.progress("x").suspended


def test_suspend_unsuspend_bury_are_saved(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        store.suspend("a", T0)
        store.bury("b", T0 + timedelta(days=1), T0)
        store.suspend("c", T0)
        store.unsuspend("c", T0 + timedelta(seconds=1))
        store.bury("d", T0 + timedelta(days=1), T0)
        assert store.bury("d", None, T0 + timedelta(seconds=1)).buried_until is None
    with open_store(data_dir) as store:
        assert store.progress("a").suspended and store.progress("a").state == "new"
        assert store.progress("b").buried_until == T0 + timedelta(days=1)
        assert not store.progress("c").suspended
        assert store.progress("d").buried_until is None


def test_reviews_since_and_time_order(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        end = _study(store, 10, T0 - timedelta(days=3, hours=1), cards=3)
        _study(store, 5, T0)
        everything = store.reviews()
        assert len(everything) == 15
        assert everything == sorted(everything, key=lambda r: (r.reviewed_at, r.id))
        assert len(store.reviews(since=T0)) == 5
        assert len(store.reviews(since=end)) == 5


def test_clock_set_back_keeps_history_in_order(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        first = store.answer("a", 3, T0, duration=1, settings=SETTINGS)
        second = store.answer("a", 3, T0 - timedelta(hours=2), duration=1, settings=SETTINGS)
        assert second.review.reviewed_at > first.review.reviewed_at
        live = store.progress("a")
    (data_dir / "devices/laptop/snapshot.json").unlink()
    with open_store(data_dir) as again:
        assert again.progress("a") == live


def test_annotations_last_write_wins_and_empty_deletes(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        store.set_annotation("card:1", "覚え方: ECS は Elastic Container Service", T0)
        store.set_annotation("sec:2", "weak", T0)
        store.set_annotation("sec:2", "", T0 + timedelta(minutes=1))
        assert store.annotation("sec:2") is None
    with open_store(data_dir) as store:
        assert store.annotations() == {"card:1": "覚え方: ECS は Elastic Container Service"}
    with open_store(data_dir, device_id="desktop") as other:
        other.set_annotation("card:1", "newer from the desktop", T0 + timedelta(hours=1))
    with open_store(data_dir) as store:
        assert store.annotation("card:1") == "newer from the desktop"
        store.set_annotation("card:1", "newest", T0 + timedelta(hours=2))
    with open_store(data_dir, device_id="desktop") as other:
        assert other.annotation("card:1") == "newest"


def test_exam_results(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        store.record_exam({"deck": "aws", "score": 0.8, "questions": 20}, T0)
        store.record_exam({"deck": "aws", "score": 0.9, "questions": 20}, T0 + timedelta(days=1))
        with pytest.raises(ValueError):
            store.record_exam({"bad": object()}, T0)
    with open_store(data_dir) as store:
        results = store.exams()
        assert [r["score"] for r in results] == [0.8, 0.9] and results[0]["device"] == "laptop"


def test_read_only_store_refuses_writes_and_writes_nothing(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        _study(store, 3)
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    ro = open_store(data_dir, read_only=True)
    assert ro.read_only and ro.progress("c0") is not None
    for call in (
        lambda: ro.answer("c0", 3, T0, duration=1, settings=SETTINGS),
        lambda: ro.suspend("c0", T0),
        lambda: ro.set_annotation("c0", "x", T0),
        lambda: ro.record_exam({}, T0),
        lambda: ro.undo(T0),
    ):
        with pytest.raises(StoreReadOnly):
            call()
    ro.close()
    after = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    assert after == before


def test_bad_arguments(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        with pytest.raises(ValueError):
            store.answer("a", 5, T0, duration=1, settings=SETTINGS)
        with pytest.raises(ValueError):
            store.answer("a", 3, datetime(2026, 1, 1), duration=1, settings=SETTINGS)
        with pytest.raises(StoreError, match="desired_retention"):
            store.answer("a", 3, T0, duration=1, settings=DeckSettings(desired_retention=1.3))
        assert store.progress("a") is None and store.reviews() == []
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.answer("a", 3, T0, duration=1, settings=SETTINGS)


def test_preview_through_the_store_uses_its_progress(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        store.answer("a", 3, T0, duration=1, settings=SETTINGS)
        shown = store.preview("a", T0 + timedelta(minutes=10), SETTINGS)
        ans = store.answer("a", 3, T0 + timedelta(minutes=10), duration=1, settings=SETTINGS)
        assert ans.after.due == T0 + timedelta(minutes=10) + shown[3]


def test_exam_date_applies_through_the_store(data_dir: Path) -> None:
    deck = DeckSettings(exam_date=(T0 + timedelta(days=3)).date())
    with open_store(data_dir) as store:
        store.answer("a", 4, T0, duration=1, settings=deck)
        ans = store.answer("a", 4, T0 + timedelta(minutes=1), duration=1, settings=deck)
        assert ans.after.due == datetime(2026, 11, 30, 4, tzinfo=UTC)
        assert ans.review.due_cap == datetime(2026, 11, 30, 4, tzinfo=UTC)
    (data_dir / "devices/laptop/snapshot.json").unlink()
    with open_store(data_dir) as again:  # the replay gives the same capped date, without the deck
        assert again.progress("a").due == datetime(2026, 11, 30, 4, tzinfo=UTC)


def test_files_are_plain_tinydb_json(data_dir: Path) -> None:
    from tinydb import TinyDB

    with open_store(data_dir) as store:
        _study(store, 3)
    path = data_dir / "devices/laptop/log/2026-11-28.json"
    raw = json.loads(path.read_text())
    assert raw["_meta"]["1"]["schema"] == 1
    with TinyDB(path) as db:
        assert len(db.table("log")) == 3
    assert not [p for p in data_dir.rglob(f".*{TEMP_SUFFIX}")]


def test_device_id_file_is_named_after_the_host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from devday_tui.store import machine_device_id

    state = tmp_path / "state"
    monkeypatch.setattr(socket, "gethostname", lambda: "Laptop.local")
    laptop = machine_device_id(state)
    assert laptop.startswith("laptop-") and machine_device_id(state) == laptop
    assert (state / "device-laptop.json").is_file()
    # a state folder synced from another machine still gives this one its own id
    monkeypatch.setattr(socket, "gethostname", lambda: "desktop")
    desktop = machine_device_id(state)
    assert desktop.startswith("desktop-") and desktop != laptop
    # an unwritable state folder: an id that is stable for the host
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    assert machine_device_id(blocked) == machine_device_id(blocked)


def test_a_file_is_not_a_data_dir(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(StoreError, match="is a file, not a folder"):
        open_store(path)
