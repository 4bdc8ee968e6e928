"""Damaged, foreign or unwritable data: a clear message naming the file, and nothing lost."""

from __future__ import annotations

import errno
import json
import os
from datetime import timedelta
from pathlib import Path

import pytest

import devday_tui.store.lock as lock_module
from devday_tui.atomic import TEMP_SUFFIX
from devday_tui.store import NewerSchemaError, StoreError, StoreLocked
from devday_tui.store.files import read_tables
from tests.store.damage import SHARD, study
from tests.store.helpers import SETTINGS, T0, open_store


def test_truncated_history_file_is_kept_aside_and_what_remains_is_recovered(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        ids = study(store, 10)
    path = data_dir / SHARD
    raw = path.read_bytes()
    cut = raw.index(ids[7].encode()) - 20  # in the middle of the 8th review
    path.write_bytes(raw[:cut])
    with open_store(data_dir, now=T0 + timedelta(days=1)) as store:
        kept = path.with_name("2026-11-28.json.corrupt-20261129T090000Z")
        assert kept.read_bytes() == raw[:cut]  # never overwritten
        [notice] = store.notices
        assert str(SHARD) in notice and kept.name in notice and "7 entries were recovered" in notice
        assert [r.id for r in store.reviews()] == ids[:7]
        # the rebuilt state is the replay of the recovered history
        assert sum(p.reps for p in store.all_progress().values()) == 7
        # the recovered file is whole again and later answers go on normally
        store.answer("c9", 3, T0 + timedelta(days=1), duration=1, settings=SETTINGS)
    assert len(read_tables(path)["log"]) == 7


def test_garbage_file_and_bad_entries(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        study(store, 2)
    other = data_dir / "devices/laptop/log/2026-11-27.json"
    other.write_bytes(b"\x00\xff not json at all")
    good = data_dir / SHARD
    tables = read_tables(good)
    tables["log"]["99"] = {"t": "review", "id": "x", "card": "c1", "rating": 9, "at": "2026-11-28T10:00:00+00:00"}
    good.write_text(json.dumps(tables))
    with open_store(data_dir) as store:
        text = "\n".join(store.notices)
        assert "2026-11-27.json" in text and "not UTF-8" in text and "0 entries were recovered" in text
        assert "2026-11-28.json: 1 entry could not be read and was skipped" in text
        assert len(store.reviews()) == 2


def test_corrupt_snapshot_is_only_a_cache(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        study(store, 6)
        expected = store.all_progress()
    snap = data_dir / "devices/laptop/snapshot.json"
    snap.write_text('{"state": {"1": {"shards": ')
    with open_store(data_dir) as store:
        assert store.all_progress() == expected
        assert "snapshot.json" in store.notices[0] and "rebuilt from the review history" in store.notices[0]
    assert list(snap.parent.glob("snapshot.json.corrupt-*"))


def test_another_devices_damaged_file_is_left_alone(data_dir: Path) -> None:
    with open_store(data_dir, device_id="desktop") as store:
        study(store, 4)
    theirs = data_dir / "devices/desktop/log/2026-11-28.json"
    raw = theirs.read_bytes()[:-40]
    theirs.write_bytes(raw)
    with open_store(data_dir) as store:
        assert theirs.read_bytes() == raw
        assert "belongs to another device" in store.notices[0] and "3 entries were recovered" in store.notices[0]
        assert len(store.reviews()) == 3


def test_damaged_annotations_are_recovered(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        store.set_annotation("a", "first note", T0)
        store.set_annotation("b", "second note", T0)
    path = data_dir / "devices/laptop/annotations.json"
    path.write_bytes(path.read_bytes()[:-30])
    with open_store(data_dir) as store:
        assert store.annotation("a") == "first note"
        assert "annotations.json" in store.notices[0] and "1 annotation was recovered" in store.notices[0]


def test_newer_schema_is_refused_and_left_untouched(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        study(store, 2)
    path = data_dir / SHARD
    data = json.loads(path.read_text())
    data["_meta"]["1"]["schema"] = 2
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match=r"2026-11-28\.json was written by a newer version"):
        open_store(data_dir)
    assert path.read_bytes() == before
    # the lock was released on the way out
    with pytest.raises(NewerSchemaError):
        open_store(data_dir, exclusive=True)


def test_full_disk_keeps_previous_state(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(data_dir)
    first = store.answer("a", 3, T0, duration=1, settings=SETTINGS)
    path = data_dir / SHARD
    before = path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StoreError, match=r"2026-11-28\.json: no space left on the device\. The previous version"):
        store.answer("a", 3, T0 + timedelta(minutes=10), duration=1, settings=SETTINGS)
    with pytest.raises(StoreError, match="no space left on the device"):
        store.set_annotation("a", "note", T0)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not list(path.parent.glob(f".*{TEMP_SUFFIX}"))
    assert store.progress("a") == first.after and len(store.reviews()) == 1
    assert store.undo(T0) == first.review  # the failed answer never joined the undo stack
    store.answer("a", 4, T0 + timedelta(minutes=11), duration=1, settings=SETTINGS)  # space again: works
    expected = store.all_progress()
    store.close()
    with open_store(data_dir) as again:
        assert again.all_progress() == expected and len(again.reviews()) == 1


def test_unwritable_data_dir_opens_read_only_with_a_message(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(data_dir) as store:
        study(store, 2)

    def denied(path: Path) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(lock_module, "open_lock_file", denied)
    with open_store(data_dir) as store:
        assert store.read_only and "not writable (Permission denied)" in store.notices[0]
        assert str(data_dir) in store.notices[0]
        assert len(store.reviews()) == 2
    with pytest.raises(StoreError, match="Cannot write progress to .*Permission denied"):
        open_store(data_dir, exclusive=True)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write to a read-only directory")
def test_really_read_only_directory(data_dir: Path) -> None:  # pragma: no cover - runs for non-root users
    with open_store(data_dir) as store:
        study(store, 2)
    for p in [data_dir, *data_dir.rglob("*")]:
        if p.is_dir():
            p.chmod(0o555)
    try:
        with open_store(data_dir) as store:
            assert store.read_only and len(store.reviews()) == 2
    finally:
        for p in [data_dir, *data_dir.rglob("*")]:
            if p.is_dir():
                p.chmod(0o755)


def test_second_store_in_process_is_read_only_or_refused(data_dir: Path) -> None:
    with open_store(data_dir) as first:
        second = open_store(data_dir)
        assert second.read_only and f"process {os.getpid()}" in second.notices[0]
        second.close()
        with pytest.raises(StoreLocked, match=f"process {os.getpid()} on ") as info:
            open_store(data_dir, exclusive=True)
        assert info.value.pid == os.getpid()
        first.answer("a", 3, T0, duration=1, settings=SETTINGS)
    with open_store(data_dir, exclusive=True) as again:
        assert not again.read_only and again.progress("a") is not None


def test_merge_refuses_what_is_not_a_data_dir(data_dir: Path, tmp_path: Path) -> None:
    with open_store(data_dir) as store:
        with pytest.raises(StoreError, match="not a devday-tui data directory"):
            store.merge_from(tmp_path)
        with pytest.raises(StoreError, match="not a directory"):
            store.merge_from(tmp_path / "missing")
        with pytest.raises(StoreError, match="this data directory already"):
            store.merge_from(data_dir)
