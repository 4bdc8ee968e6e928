"""No damaged progress file locks the user out: each kind of damage found on users' disks, reproduced through the
store's real API. Each bad value is skipped or rebuilt with a notice naming the file, and nothing else is lost."""

from __future__ import annotations

import errno
import json
import os
from datetime import timedelta
from pathlib import Path

import pytest

import devday_tui.store.files as files
import devday_tui.store.history as history
import devday_tui.store.recovery as recovery
from devday_tui.core.queue import day_start
from devday_tui.store import NewerSchemaError, StoreError
from devday_tui.store.files import (
    SALVAGE_MAX_DOCUMENT,
    SALVAGE_WINDOW,
    SalvageWork,
    read_tables,
    salvage_documents,
    write_tables,
)
from devday_tui.store.history import is_entry
from tests.store.damage import (
    ANNOTATIONS,
    CATALOG,
    EXAMS,
    SHARD,
    SNAPSHOT,
    edit_table,
    filled,
    first_starts,
    garbage,
    nested,
    newer_schema,
    open_store,
    spoil,
    study,
)
from tests.store.helpers import SETTINGS, T0

LATER = T0 + timedelta(days=1)


# ---------------------------------------------------------------------------------------------------------------
# Hostile values inside valid JSON


@pytest.mark.parametrize("raw", ["1e999", "NaN", "1.5", "-Infinity", "1" * 5000, '"3"', "true"])
def test_a_bad_rating_skips_that_answer_only(data_dir: Path, raw: str) -> None:
    ids = filled(data_dir)
    spoil(data_dir / SHARD, "log", "rating", raw)
    with open_store(data_dir, now=LATER) as store:
        assert [r.id for r in store.reviews()] == ids[1:]
        text = "\n".join(store.notices)
        assert str(SHARD) in text
        if len(raw) < 5000:  # the file is still valid JSON: the one entry is skipped, the file left as it is
            assert "1 entry could not be read and was skipped" in text
        else:  # Python refuses to read a 5,000-digit number: the file is damaged, the other entries recovered
            assert "5 entries were recovered" in text
        store.answer("c0", 3, LATER, duration=1, settings=SETTINGS)  # and answering goes on


@pytest.mark.parametrize(
    "key,raw",
    [
        ("ret", "1.5"),
        ("ret", "NaN"),
        ("ret", "0"),
        ("dur", "1e999"),
        ("at", '"9999-12-31T23:59:59+00:00"'),
        ("cap", '"9999-12-31T00:00:00+00:00"'),
        ("at", '"2026-11-28T09:00:00"'),
        ("card", "[1, 2]"),
        ("id", "{}"),
    ],
)
def test_a_bad_value_in_an_answer_skips_that_answer(data_dir: Path, key: str, raw: str) -> None:
    ids = filled(data_dir)
    spoil(data_dir / SHARD, "log", key, raw, index=2)
    with open_store(data_dir, now=LATER) as store:
        assert [r.id for r in store.reviews()] == ids[:2] + ids[3:]
        assert f"{SHARD}: 1 entry could not be read and was skipped" in "\n".join(store.notices)
        assert store.all_progress()["c2"].reps == 1  # c2's other answer still counts
        store.answer("c2", 3, LATER, duration=1, settings=SETTINGS)


@pytest.mark.parametrize("rel", [SHARD, ANNOTATIONS, EXAMS, CATALOG])
def test_deep_nesting_in_an_own_file_is_set_aside_and_rebuilt(data_dir: Path, rel: Path) -> None:
    ids = filled(data_dir)
    path = data_dir / rel
    original = path.read_bytes()
    path.write_bytes(original[:-2] + b',"x":' + nested() + b"}}")  # 100,000 nested [ inside a whole file
    with open_store(data_dir, now=LATER) as store:
        [notice] = [n for n in store.notices if str(rel) in n]
        assert "nested too deeply" in notice and ".corrupt-" in notice and "recovered" in notice
        # everything that was in the file was recovered from around the nesting
        assert [r.id for r in store.reviews()] == ids
        assert store.annotation("c0") == "remember c0"
        assert [e["score"] for e in store.exams()] == [7]
    assert list(path.parent.glob(f"{rel.name}.corrupt-*"))  # the damaged file is kept
    assert read_tables(path)  # and the file is whole again


def test_deep_nesting_in_the_snapshot_rebuilds_it(data_dir: Path) -> None:
    filled(data_dir)
    with open_store(data_dir, now=LATER) as store:
        expected = store.all_progress()
    (data_dir / SNAPSHOT).write_bytes(nested())
    with open_store(data_dir, now=LATER) as store:
        assert store.all_progress() == expected
        [notice] = store.notices
        assert "snapshot.json could not be read (its JSON is nested too deeply)" in notice and "cache" in notice


def test_another_devices_hostile_file_is_skipped_and_left_as_it_is(data_dir: Path) -> None:
    filled(data_dir, device="desktop")
    mine = filled(data_dir)
    theirs = data_dir / "devices/desktop/log/2026-11-28.json"
    theirs.write_bytes(nested())
    with open_store(data_dir, now=LATER) as store:
        assert theirs.read_bytes() == nested()
        notice = next(n for n in store.notices if "devices/desktop/log/2026-11-28.json" in n)
        assert "nested too deeply" in notice and "belongs to another device" in notice
        assert {r.id for r in store.reviews()} == set(mine)


def test_hostile_annotations_exams_and_catalog_entries_are_skipped(data_dir: Path) -> None:
    filled(data_dir)
    spoil(data_dir / ANNOTATIONS, "annotations", "at", '"9999-12-31T23:59:59.999999+00:00"')
    spoil(data_dir / EXAMS, "exams", "result", '{"score": 1e999}')
    spoil(data_dir / CATALOG, "cards", "front", "[]")
    with open_store(data_dir, now=LATER) as store:
        text = "\n".join(store.notices)
        for rel in (ANNOTATIONS, EXAMS, CATALOG):
            assert f"{rel}: 1 entry could not be used and was skipped" in text
        assert store.annotation("c0") is None and store.annotation("c1") == "remember c1"
        assert store.exams() == []
        store.set_annotation("c0", "again", LATER)  # a later edit is not pushed past year 9999
    with open_store(data_dir, now=LATER) as store:
        assert store.annotation("c0") == "again"


@pytest.mark.parametrize(
    "spoil_snapshot",
    [
        lambda s: s["state"]["1"].update(shards=[]),
        lambda s: s["state"]["1"].update(aliases=["a", "b"]),
        lambda s: s["cards"].update({next(iter(s["cards"])): "a string"}),
        lambda s: next(iter(s["cards"].values())).update(due="9999-12-31T23:59:59+00:00"),
        lambda s: next(iter(s["cards"].values())).update(stability=float("inf")),
        lambda s: next(iter(s["cards"].values())).update(reps=10**5000 if False else "7"),
        lambda s: s["state"]["1"]["shards"].update({"devices/laptop/log/x.json": [1, 2, 3, 4, 1e300]}),
    ],
    ids=["shards-list", "aliases-list", "card-string", "year-9999", "infinite-stability", "reps-text", "shard-float"],
)
def test_a_hostile_snapshot_is_only_a_cache_and_is_rebuilt(data_dir: Path, spoil_snapshot) -> None:
    filled(data_dir)
    with open_store(data_dir, now=LATER) as store:
        expected = store.all_progress()
    path = data_dir / SNAPSHOT
    tables = read_tables(path)
    spoil_snapshot(tables)
    path.write_text(json.dumps(tables))  # json writes inf as Infinity, which Python reads back
    with open_store(data_dir, now=LATER) as store:
        assert store.all_progress() == expected
        [notice] = store.notices
        assert str(SNAPSHOT) in notice and "rebuilt from the review history" in notice


# ---------------------------------------------------------------------------------------------------------------
# Garbage: salvage is linear in the size of the file


@pytest.mark.parametrize(
    "rel,table", [(SHARD, "log"), (ANNOTATIONS, "annotations"), (EXAMS, "exams"), (CATALOG, "cards")]
)
def test_a_megabyte_of_garbage_in_any_file_opens_with_a_notice(
    data_dir: Path, rel: Path, table: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = filled(data_dir)
    path = data_dir / rel
    docs = list((read_tables(path) or {})[table].values())
    whole = json.dumps(docs[0]).encode()
    path.write_bytes(garbage(1 << 20) + whole + garbage(1 << 10, seed=2))
    work = SalvageWork()
    real = files.salvage_documents
    monkeypatch.setattr(files, "salvage_documents", lambda raw, accept: real(raw, accept, work))
    with open_store(data_dir, now=LATER) as store:
        assert any(str(rel) in n and ".corrupt-" in n for n in store.notices)
        if table == "log":
            assert ids[0] in {r.id for r in store.reviews()}
    assert work.decoded <= 4 * (1 << 20)  # a bounded amount of decoding per byte: no re-scanning


@pytest.mark.parametrize("kind", ["realistic", "random", "nested-objects", "nested-and-closed", "braces-and-quotes"])
def test_salvage_work_grows_linearly(kind: str) -> None:
    def damaged(size: int) -> bytes:
        if kind == "realistic":
            return garbage(size)
        if kind == "random":
            return bytes(os.urandom(size))
        if kind == "nested-objects":
            return (b'{"a":' * (size // 5 + 1))[:size]
        if kind == "nested-and-closed":
            return ((b'{"a":' * 15 + b"}") * (size // 76 + 1))[:size]
        return (b'{"{"[' * (size // 5 + 1))[:size]

    figures = {}
    for size in (1 << 18, 1 << 20):
        work = SalvageWork()
        salvage_documents(damaged(size), is_entry, work)
        figures[size] = work
    small, large = figures[1 << 18], figures[1 << 20]
    # four times the text: about four times the work (never the sixteen of a quadratic scan)
    assert large.decoded <= 5 * max(small.decoded, 1 << 12)
    assert large.starts <= 5 * max(small.starts, 1)
    # and a bounded amount per byte: one window per possible start, plus the budget for long documents
    assert large.decoded <= SALVAGE_WINDOW * large.tried + 2 * (1 << 20) + 2 * SALVAGE_MAX_DOCUMENT


def test_salvage_finds_every_whole_entry_around_the_damage() -> None:
    entries = [
        {"t": "review", "id": f"{i:032x}", "card": f"c{i}", "rating": 3, "at": "2026-11-28T09:00:00+00:00"}
        for i in range(200)
    ]
    payload = json.dumps({"log": {str(i): e for i, e in enumerate(entries)}}).encode()
    cut = len(payload) // 2
    damaged = payload[:cut] + garbage(5000) + payload[cut:]
    found = salvage_documents(damaged, is_entry)
    assert len(found) >= 198 and all(d in entries for d in found)


# ---------------------------------------------------------------------------------------------------------------
# The writer lock deleted while the app runs


def test_deleted_lock_then_a_second_instance_loses_no_answer(data_dir: Path) -> None:
    first = open_store(data_dir)
    acknowledged = study(first, 20)
    lock = data_dir / "devices/laptop/writer.lock"
    lock.unlink()  # a user or a sync tool removes it
    second = open_store(data_dir)
    assert second.read_only and "Another devday-tui is using" in second.notices[0]  # the folder is locked too
    with pytest.raises(StoreError, match="Not saved: Another devday-tui is using"):
        second.answer("c1", 3, T0 + timedelta(hours=5), duration=1, settings=SETTINGS)
    second.close()
    acknowledged += study(first, 20, start=T0 + timedelta(hours=6))  # the first writer goes on
    assert lock.exists() and str(os.getpid()) in lock.read_text()  # and made the lock file again
    first.close()
    with open_store(data_dir, now=LATER) as store:
        assert {r.id for r in store.reviews()} == set(acknowledged) and len(acknowledged) == 40


def test_a_writer_whose_lock_file_another_process_took_turns_read_only(data_dir: Path) -> None:
    import fcntl

    first = open_store(data_dir)
    acknowledged = study(first, 5)
    lock = data_dir / "devices/laptop/writer.lock"
    lock.unlink()
    # Another writer that locks only the file (an older devday-tui, or a folder lock that is not available)
    other = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        with pytest.raises(StoreError, match="writer.lock was removed.*now read-only"):
            first.answer("c1", 3, T0 + timedelta(hours=9), duration=1, settings=SETTINGS)
        assert first.read_only and "now read-only" in first.notices[-1]
        with pytest.raises(StoreError, match="Not saved: The lock file"):
            first.set_annotation("c1", "x", T0 + timedelta(hours=9))
        first.close()
    finally:
        os.close(other)
    with open_store(data_dir, now=LATER) as store:
        assert {r.id for r in store.reviews()} == set(acknowledged)


def test_deleted_lock_is_taken_again_by_the_next_save(data_dir: Path) -> None:
    first = open_store(data_dir)
    study(first, 3)
    lock = data_dir / "devices/laptop/writer.lock"
    lock.unlink()
    study(first, 1, start=T0 + timedelta(hours=1))  # the save takes the lock again, at the same path
    assert lock.exists()
    second = open_store(data_dir)
    assert second.read_only and "Another devday-tui is using" in second.notices[0]
    second.close()
    first.close()


# ---------------------------------------------------------------------------------------------------------------
# Two first starts at once


def test_two_first_starts_at_once_agree_on_the_device_id(tmp_path: Path) -> None:
    assert first_starts(tmp_path, 10) == 0


def test_a_start_that_finds_the_id_file_being_written_waits_for_it(tmp_path: Path) -> None:
    import threading

    import devday_tui.store.paths as paths

    state = tmp_path / "state"
    state.mkdir()
    target = state / f"device-{paths.host_slug()}.json"
    target.write_text("")  # made with O_EXCL by another start, which has not written it yet
    timer = threading.Timer(0.1, lambda: target.write_text('{"device_id": "laptop-0123abcd"}'))
    timer.start()
    try:
        assert paths.machine_device_id(state) == "laptop-0123abcd"
    finally:
        timer.join()


# ---------------------------------------------------------------------------------------------------------------
# Clocks ahead


def test_a_synced_review_dated_2031_is_not_used_as_now_and_is_reported(data_dir: Path) -> None:
    future = T0.replace(year=2031)
    with open_store(data_dir, device_id="desktop", now=future) as other:  # a machine whose clock says 2031
        other.answer("c1", 3, future, duration=1, settings=SETTINGS)
    now = T0 + timedelta(hours=3)
    with open_store(data_dir, now=now) as store:
        assert any(
            "devices/desktop/log/2031-11-28.json" in n and "ahead of this machine's clock" in n for n in store.notices
        )
        ans = store.answer("c1", 3, now, duration=1, settings=SETTINGS)
        assert ans.review.reviewed_at == now and ans.before is None  # dated by this machine's clock
        assert [r.id for r in store.reviews(since=day_start(now, tz=store.tz))] == [ans.review.id]
    assert (data_dir / "devices/desktop/log/2031-11-28.json").is_file()  # kept


def test_a_future_entry_in_a_file_of_today_is_held_back(data_dir: Path) -> None:
    ids = filled(data_dir)
    edit_table(data_dir / SHARD, "log", lambda docs: docs["1"].update(at="2031-01-01T00:00:00+00:00"))
    with open_store(data_dir, now=LATER) as store:
        assert [r.id for r in store.reviews()] == ids[1:]
        assert any(f"{SHARD}: 1 entry is dated more than a day ahead" in n for n in store.notices)
        ans = store.answer("c0", 3, LATER, duration=1, settings=SETTINGS)
        assert ans.review.reviewed_at == LATER


# ---------------------------------------------------------------------------------------------------------------
# A folder where a file should be


def test_a_folder_where_todays_log_should_be_is_set_aside(data_dir: Path) -> None:
    filled(data_dir)
    today = data_dir / "devices/laptop/log/2026-11-29.json"
    today.mkdir()
    (today / "inside.txt").write_text("kept")
    with open_store(data_dir, now=LATER) as store:
        assert any("2026-11-29.json was a folder, not a file" in n for n in store.notices)
        store.answer("c1", 3, LATER, duration=1, settings=SETTINGS)
    assert today.is_file() and read_tables(today)["log"]
    [kept] = today.parent.glob("2026-11-29.json.corrupt-*")
    assert (kept / "inside.txt").read_text() == "kept"


def test_a_folder_that_appears_while_running_does_not_stop_answers(data_dir: Path) -> None:
    store = open_store(data_dir)
    today = data_dir / "devices/laptop/log/2026-11-29.json"
    today.mkdir(parents=True)
    ans = store.answer("c1", 3, LATER, duration=1, settings=SETTINGS)
    assert today.is_file() and any("was a folder" in n for n in store.notices)
    store.close()
    with open_store(data_dir, now=LATER) as again:
        assert [r.id for r in again.reviews()] == [ans.review.id]


def test_another_devices_folder_is_reported_and_left(data_dir: Path) -> None:
    folder = data_dir / "devices/desktop/log/2026-11-28.json"
    folder.mkdir(parents=True)
    with open_store(data_dir) as store:
        assert any("devices/desktop/log/2026-11-28.json is a folder, not a file" in n for n in store.notices)
    assert folder.is_dir()


# ---------------------------------------------------------------------------------------------------------------
# Files that cannot be read (permission denied)


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Reading ``denied`` fails as it does for a file with mode 000 (the tests may run as root, whom modes do
    not stop)."""
    real = files.read_bytes

    def read_bytes(path: Path) -> bytes:
        if Path(path) == denied:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(files, "read_bytes", read_bytes)


@pytest.mark.parametrize("rel", [SHARD, ANNOTATIONS, EXAMS, CATALOG])
def test_an_unreadable_file_is_left_alone_and_read_again_next_start(
    data_dir: Path, rel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = filled(data_dir)
    path = data_dir / rel
    before = path.read_bytes()
    (data_dir / SNAPSHOT).unlink()  # so that the history itself is read
    with monkeypatch.context() as m:
        _deny(m, path)
        with open_store(data_dir, now=LATER) as store:
            notice = next(n for n in store.notices if str(rel) in n)
            assert "cannot be read (permission denied)" in notice and "read again at the next start" in notice
            store.answer("c4", 3, LATER, duration=1, settings=SETTINGS)
    assert path.read_bytes() == before and not list(path.parent.glob("*.corrupt-*"))
    with open_store(data_dir, now=LATER) as store:  # permissions fixed: everything is back
        assert store.notices == []
        assert set(ids) <= {r.id for r in store.reviews()}
        assert store.annotation("c0") == "remember c0" and len(store.exams()) == 1


def test_an_unreadable_log_folder_is_reported_not_raised(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    filled(data_dir, device="desktop")
    log_dir = data_dir / "devices/desktop/log"
    real = os.scandir

    def scandir(path):
        if Path(path) == log_dir:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(history.os, "scandir", scandir)
    with open_store(data_dir, now=LATER) as store:
        assert any("devices/desktop/log/ cannot be read (permission denied)" in n for n in store.notices)
        assert store.reviews() == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="modes do not stop root")
def test_really_unreadable_file(data_dir: Path) -> None:  # pragma: no cover - runs for non-root users
    ids = filled(data_dir)
    path = data_dir / SHARD
    (data_dir / SNAPSHOT).unlink()
    path.chmod(0)
    try:
        with open_store(data_dir, now=LATER) as store:
            assert any("cannot be read (permission denied)" in n for n in store.notices)
    finally:
        path.chmod(0o644)
    with open_store(data_dir, now=LATER) as store:
        assert set(ids) <= {r.id for r in store.reviews()}


# ---------------------------------------------------------------------------------------------------------------
# A crash between setting a damaged file aside and writing back what was salvaged


class _Crash(BaseException):
    """The process dying at this point."""


@pytest.mark.parametrize("where", ["after-rename", "after-link"])
def test_salvage_interrupted_by_a_crash_is_completed_next_start(
    data_dir: Path, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(data_dir) as store:
        ids = study(store, 12)
    path = data_dir / SHARD
    raw = path.read_bytes()
    path.write_bytes(raw[: raw.index(ids[11].encode()) - 20])  # the 12th answer is cut: 11 can be recovered
    with monkeypatch.context() as m:
        if where == "after-rename":  # as a file system without hard links does it
            m.setattr(recovery.os, "link", lambda src, dst: (_ for _ in ()).throw(OSError(errno.EPERM, "no")))

        def crash(*args, **kwargs):
            raise _Crash

        m.setattr(recovery, "write_tables", crash)
        with pytest.raises(_Crash):
            open_store(data_dir, now=LATER)
    # the next start: all 11 come back, and starting again adds nothing twice
    for _ in range(2):
        with open_store(data_dir, now=LATER) as store:
            assert [r.id for r in store.reviews()] == ids[:11]
    assert len(read_tables(path)["log"]) == 11


def test_salvage_put_back_when_new_answers_recreated_the_file(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        ids = study(store, 6)
    path = data_dir / SHARD
    kept = path.with_name(f"{path.name}.corrupt-20261128T100000Z")
    os.replace(path, kept)  # what an older version left after a crash: the damaged file renamed, nothing back
    kept.write_bytes(kept.read_bytes()[:-30])
    with open_store(data_dir) as store:
        later = store.answer("c9", 3, T0 + timedelta(hours=4), duration=1, settings=SETTINGS).review.id
        assert any("put back" in n and kept.name in n for n in store.notices)
    with open_store(data_dir, now=LATER) as store:
        assert [r.id for r in store.reviews()] == ids[:5] + [later]
        assert store.notices == []


# ---------------------------------------------------------------------------------------------------------------
# Side files


def test_an_exam_entry_without_a_date_is_skipped_with_a_notice(data_dir: Path) -> None:
    filled(data_dir)
    with open_store(data_dir) as store:
        store.record_exam({"score": 9, "total": 10}, T0 + timedelta(hours=3))
    edit_table(data_dir / EXAMS, "exams", lambda docs: docs["1"].pop("at"))
    with open_store(data_dir, now=LATER) as store:
        assert [e["score"] for e in store.exams()] == [9]
        assert any(
            f"{EXAMS}: 1 entry could not be used and was skipped (it has no date ('at'))" in n for n in store.notices
        )


def test_annotations_in_a_conflicted_copy_are_merged_newest_edit_wins(data_dir: Path) -> None:
    filled(data_dir)
    main = data_dir / ANNOTATIONS
    conflicted = main.with_name("annotations (conflicted copy).json")
    tables = read_tables(main)
    docs = tables["annotations"]
    docs["1"] = {**docs["1"], "text": "newer, from the other machine", "at": "2026-11-28T10:00:00+00:00"}
    docs["2"] = {**docs["2"], "text": "older", "at": "2026-11-27T10:00:00+00:00"}
    docs["3"] = {
        "key": "only-there",
        "text": "a note only in the copy",
        "at": "2026-11-28T08:00:00+00:00",
        "dev": "laptop",
    }
    write_tables(conflicted, tables)
    syncthing = main.with_name("annotations.sync-conflict-20261128-101500-ABCDEFG.json")
    write_tables(
        syncthing, {"annotations": {"1": {"key": "also", "text": "from syncthing", "at": "2026-11-28T08:00:00+00:00"}}}
    )
    with open_store(data_dir, now=LATER) as store:
        assert store.annotation("c0") == "newer, from the other machine"
        assert store.annotation("c1") == "remember c1"
        assert store.annotation("only-there") == "a note only in the copy"
        assert store.annotation("also") == "from syncthing"


# ---------------------------------------------------------------------------------------------------------------
# When the store cannot open at all


def test_a_store_that_cannot_open_says_progress_names_the_file_and_what_was_kept(data_dir: Path) -> None:
    newer_schema(data_dir)
    with pytest.raises(NewerSchemaError) as info:
        open_store(data_dir, now=LATER)
    message = str(info.value)
    assert message.startswith("Your progress could not be read: ")
    assert "2026-11-28.json" in message and "notes" not in message
    assert "The file was left unchanged" in message and message.count("unchanged") + message.count("changed") == 2


def test_an_unexpected_failure_while_opening_is_a_store_error_naming_the_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled(data_dir)
    (data_dir / SNAPSHOT).unlink()

    def broken(raw: bytes):
        raise MemoryError("out of memory")

    monkeypatch.setattr(files, "parse_tables", lambda path, raw: broken(raw))
    with pytest.raises(StoreError) as info:
        open_store(data_dir, now=LATER)
    message = str(info.value)
    assert message.startswith("Your progress could not be read from devices/laptop/")
    assert "MemoryError" in message and "all your progress is kept as it is" in message
