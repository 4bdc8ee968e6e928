"""The store writes through the app's one atomic writer: permissions, temporaries left by a crash, errors."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from devday_tui import atomic
from devday_tui.atomic import TEMP_SUFFIX
from devday_tui.store import StoreError
from devday_tui.store.files import atomic_write_bytes, read_tables, remove_stale_temporaries, write_tables
from tests.store.helpers import SETTINGS, T0, at, open_store

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")

OWN = "devices/laptop"
SHARD = f"{OWN}/log/2026-11-28.json"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask():
    """Set the umask for one test (run in the main thread; the old mask comes back after)."""
    real_umask = os.umask
    old = real_umask(0o022)
    real_umask(old)
    yield real_umask
    real_umask(old)


def test_every_save_goes_through_the_shared_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[str] = []
    real = atomic.write_atomic

    def spy(path, write, error=None):
        written.append(Path(path).name)
        return real(path, write, error)

    monkeypatch.setattr(atomic, "write_atomic", spy)
    with open_store(tmp_path / "data") as store:
        store.answer("a", 3, T0, duration=1, settings=SETTINGS)
        store.set_annotation("a", "note", T0)
        store.record_exam({"score": 1}, T0)
    assert {"2026-11-28.json", "annotations.json", "exams.json", "snapshot.json"} <= set(written)


@posix_only
@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_files_honour_the_umask_which_is_never_changed(
    tmp_path: Path, umask, monkeypatch: pytest.MonkeyPatch, mask: int, expected: int
) -> None:
    umask(mask)
    monkeypatch.setattr(os, "umask", lambda _m: pytest.fail("os.umask changes the mask of every thread"))
    data = tmp_path / "data"
    with open_store(data) as store:
        # Saves happen on worker threads in the app.
        worker = threading.Thread(target=store.answer, args=("a", 3, T0), kwargs={"duration": 1, "settings": SETTINGS})
        worker.start()
        worker.join()
        assert store.progress("a") is not None
    assert _mode(data / SHARD) == expected
    assert _mode(data / OWN / "snapshot.json") == expected


@posix_only
def test_a_file_made_private_stays_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        store.answer("a", 3, T0, duration=1, settings=SETTINGS)
    (data / SHARD).chmod(0o600)
    (data / OWN / "snapshot.json").chmod(0o600)
    with open_store(data) as store:
        store.answer("a", 3, at(10), duration=1, settings=SETTINGS)
        store.checkpoint()
    assert _mode(data / SHARD) == 0o600
    assert _mode(data / OWN / "snapshot.json") == 0o600
    assert len(read_tables(data / SHARD)["log"]) == 2


def test_the_folder_is_created_first(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "f.json"
    write_tables(path, {"t": {"1": {"x": 1}}})
    assert read_tables(path) == {"t": {"1": {"x": 1}}}


def test_a_folder_that_cannot_be_made_is_a_store_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("a file where the folder should be")
    with pytest.raises(StoreError, match=r"Could not save .*a/f\.json: .*The previous version of the file is intact"):
        atomic_write_bytes(tmp_path / "a" / "f.json", b"{}")


def test_a_failed_write_is_a_store_error_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.json"
    path.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(StoreError, match=r"Could not save .*f\.json: permission denied\. The previous version"):
        atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def _leftovers(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = [
        folder / f".2026-11-28.json.0123abcd{TEMP_SUFFIX}",  # the shared writer's
        folder / ".2026-11-28.json.4242.tmp",
    ]  # earlier versions' of the store
    for path in made:
        path.write_bytes(b'{"log":{"1":{"t":"rev')
    return made


def test_temporaries_left_by_a_crash_are_removed_at_open(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_store(data) as store:
        store.answer("a", 3, T0, duration=1, settings=SETTINGS)
    own = _leftovers(data / OWN / "log") + _leftovers(data / OWN)
    other = _leftovers(data / "devices" / "desktop" / "log")  # another device's folder: not ours to tidy
    with open_store(data, read_only=True) as store:  # a read-only window writes nothing, removes nothing
        assert store.read_only
    assert all(p.exists() for p in own + other)
    with open_store(data) as store:
        assert store.notices == []
        assert len(store.reviews()) == 1
    assert not any(p.exists() for p in own)
    assert all(p.exists() for p in other)


def test_remove_stale_temporaries_keeps_everything_else(tmp_path: Path) -> None:
    keep = [tmp_path / "2026-11-28.json", tmp_path / "notes.part", tmp_path / ".hidden.json", tmp_path / "x.tmp"]
    for path in keep:
        path.write_bytes(b"{}")
    (tmp_path / f".folder{TEMP_SUFFIX}").mkdir()
    made = _leftovers(tmp_path / "log")
    assert remove_stale_temporaries(tmp_path) == len(made)
    assert all(p.exists() for p in keep) and (tmp_path / f".folder{TEMP_SUFFIX}").is_dir()
    assert remove_stale_temporaries(tmp_path / "missing") == 0
