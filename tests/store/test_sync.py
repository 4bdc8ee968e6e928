"""Across machines: each device writes its own files; copies united give every review once."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from devday_tui.store import Store
from devday_tui.store.files import read_tables
from tests.store.helpers import SETTINGS, T0, UTC


def _open(path: Path, device: str, **kw) -> Store:
    return Store.open(path, device_id=device, now=T0, tz=UTC, **kw)


def _study(store: Store, cards: list[str], start, n: int, step_minutes: int = 13) -> None:
    now = start
    for i in range(n):
        store.answer(cards[i % len(cards)], (3, 3, 1, 4, 2)[i % 5], now, duration=2, settings=SETTINGS)
        now += timedelta(minutes=step_minutes)


def _replayed(path: Path, device: str) -> dict:
    snapshot = path / "devices" / device / "snapshot.json"
    if snapshot.exists():
        snapshot.unlink()
    with _open(path, device) as store:
        return store.all_progress()


def _two_machines(tmp_path: Path) -> tuple[Path, Path, set[str], set[str]]:
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    shared = ["s1", "s2", "s3"]
    with _open(laptop, "laptop") as a:
        _study(a, shared + ["l1", "l2"], T0, 25)
        a.set_annotation("s1", "from the laptop", T0)
        a.suspend("l2", T0 + timedelta(hours=10))
        ids_a = {r.id for r in a.reviews()}
    with _open(desktop, "desktop") as b:
        # interleaved in time with the laptop's reviews of the same cards
        _study(b, shared + ["d1"], T0 + timedelta(minutes=5), 30, step_minutes=11)
        b.set_annotation("s1", "from the desktop, later", T0 + timedelta(hours=1))
        b.record_exam({"score": 0.7}, T0)
        ids_b = {r.id for r in b.reviews()}
    return laptop, desktop, ids_a, ids_b


def test_copying_device_folders_together_gives_the_union(tmp_path: Path) -> None:
    laptop, desktop, ids_a, ids_b = _two_machines(tmp_path)
    # a file sync copies the desktop's folder into the laptop's data directory, and back
    shutil.copytree(desktop / "devices" / "desktop", laptop / "devices" / "desktop")
    shutil.copytree(laptop / "devices" / "laptop", desktop / "devices" / "laptop", dirs_exist_ok=True)
    with _open(laptop, "laptop") as a, _open(desktop, "desktop") as b:
        reviews_a, reviews_b = a.reviews(), b.reviews()
        assert {r.id for r in reviews_a} == ids_a | ids_b
        assert len(reviews_a) == len(ids_a) + len(ids_b) == 55  # nothing doubled
        assert reviews_a == reviews_b
        assert a.all_progress() == b.all_progress()
        assert a.progress("l2").suspended
        assert a.annotation("s1") == b.annotation("s1") == "from the desktop, later"
        assert [e["score"] for e in a.exams()] == [0.7]
        merged_state = a.all_progress()
    # the shared cards were replayed in time order across both machines: same as a fresh replay
    assert _replayed(laptop, "laptop") == merged_state
    # each machine only ever wrote its own folder
    assert sorted(p.name for p in (laptop / "devices").iterdir()) == ["desktop", "laptop"]


def test_sync_arriving_while_running_is_picked_up_by_refresh(tmp_path: Path) -> None:
    laptop, desktop, ids_a, ids_b = _two_machines(tmp_path)
    with _open(laptop, "laptop") as a:
        assert {r.id for r in a.reviews()} == ids_a
        shutil.copytree(desktop / "devices" / "desktop", laptop / "devices" / "desktop")
        assert a.refresh(T0) is True
        assert {r.id for r in a.reviews()} == ids_a | ids_b
        assert a.refresh(T0) is False
        refreshed = a.all_progress()
    assert _replayed(laptop, "laptop") == refreshed


def test_merge_command_folds_a_copy_in_and_twice_changes_nothing(tmp_path: Path) -> None:
    laptop, desktop, ids_a, ids_b = _two_machines(tmp_path)
    with _open(laptop, "laptop") as a:
        report = a.merge_from(desktop)
        assert report.reviews_added == 30 and report.devices == ["desktop"]
        assert report.annotations_added == 1 and report.exams_added == 1
        assert "30 review(s)" in report.summary()
        assert {r.id for r in a.reviews()} == ids_a | ids_b
        state = a.all_progress()
        again = a.merge_from(desktop)
        assert (again.reviews_added, again.events_added, again.files_written) == (0, 0, 0)
        assert len(a.reviews()) == 55
    assert _replayed(laptop, "laptop") == state


def test_merging_an_older_copy_does_not_resurrect_an_undone_review(tmp_path: Path) -> None:
    main = tmp_path / "main"
    with _open(main, "laptop") as a:
        _study(a, ["x"], T0, 3)
    backup = tmp_path / "backup"
    shutil.copytree(main, backup)
    with _open(main, "laptop") as a:
        last = a.reviews()[-1]
        a.answer("x", 3, T0 + timedelta(hours=5), duration=1, settings=SETTINGS)
        a.undo(T0 + timedelta(hours=5))
        a.undo(T0 + timedelta(hours=5))  # the second undo reaches only this session: nothing more
        report = a.merge_from(backup)
        assert report.reviews_added == 0
        assert a.reviews()[-1] == last and len(a.reviews()) == 3


def test_merge_from_a_copy_of_my_own_device_unites_both(tmp_path: Path) -> None:
    main = tmp_path / "main"
    with _open(main, "laptop") as a:
        _study(a, ["x", "y"], T0, 4)
    copy = tmp_path / "copy"
    shutil.copytree(main, copy)
    with _open(copy, "laptop") as c:  # studied on the copy too (e.g. a restored backup)
        _study(c, ["y", "z"], T0 + timedelta(hours=2), 3)
        copy_ids = {r.id for r in c.reviews()}
    with _open(main, "laptop") as a:
        _study(a, ["x"], T0 + timedelta(hours=3), 2)
        report = a.merge_from(copy)
        assert report.reviews_added == 3
        ids = {r.id for r in a.reviews()}
        assert copy_ids <= ids and len(ids) == 9
        state = a.all_progress()
    assert _replayed(main, "laptop") == state
    log = read_tables(main / "devices/laptop/log/2026-11-28.json")["log"]
    assert len({d["id"] for d in log.values()}) == len(log)


def test_sync_conflict_copies_are_harmless(tmp_path: Path) -> None:
    main = tmp_path / "main"
    with _open(main, "laptop") as a:
        _study(a, ["x", "y"], T0, 6)
        state = a.all_progress()
    log = main / "devices/laptop/log"
    shutil.copy(log / "2026-11-28.json", log / "2026-11-28.sync-conflict-20261128-100000-ABC.json")
    with _open(main, "laptop") as a:
        assert len(a.reviews()) == 6 and a.all_progress() == state


@pytest.mark.parametrize("device", ["laptop", "desktop"])
def test_each_device_writes_only_its_own_folder(tmp_path: Path, device: str) -> None:
    laptop, desktop, *_ = _two_machines(tmp_path)
    shutil.copytree(desktop / "devices" / "desktop", laptop / "devices" / "desktop")
    before = {p: p.stat().st_mtime_ns for p in (laptop / "devices").rglob("*") if p.is_file()}
    with _open(laptop, device) as store:
        _study(store, ["s1"], T0 + timedelta(days=2), 2)
        store.set_annotation("k", "v", T0 + timedelta(days=2))
    changed = {p for p in (laptop / "devices").rglob("*") if p.is_file() and before.get(p) != p.stat().st_mtime_ns}
    assert changed and all(f"devices/{device}/" in p.as_posix() for p in changed)
