"""The one atomic writer: whole files or none, permissions kept, the process-wide umask never touched."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from devday_tui import atomic
from devday_tui.atomic import TEMP_SUFFIX, AtomicWriteError, write_atomic
from devday_tui.export.errors import ExportError

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def put(data: bytes):
    return lambda fh: fh.write(data)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask():
    """Set the umask for one test (the test runs in the main thread; the old mask comes back after)."""
    real_umask = os.umask  # kept: a test may replace os.umask to catch calls to it
    old = real_umask(0o022)
    real_umask(old)

    def set_(mask: int) -> None:
        real_umask(mask)

    yield set_
    real_umask(old)


@pytest.fixture
def no_umask_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_mask: int) -> int:
        raise AssertionError("os.umask changes the mask of every thread")

    monkeypatch.setattr(os, "umask", refuse)


def test_writes_whole_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "out.bin"
    write_atomic(path, put(b"one"))
    write_atomic(path, put(b"two"))
    assert path.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


@posix_only
@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_honours_the_umask(tmp_path: Path, umask, monkeypatch, mask: int, expected: int) -> None:
    umask(mask)
    monkeypatch.setattr(os, "umask", lambda _m: pytest.fail("os.umask called"))
    path = tmp_path / "new.md"
    write_atomic(path, put(b"x"))
    assert mode(path) == expected


@posix_only
@pytest.mark.parametrize("kept", [0o600, 0o640, 0o755, 0o444])
def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask, no_umask_calls, kept: int) -> None:
    path = tmp_path / "n.md"
    path.write_bytes(b"old")
    path.chmod(kept)
    write_atomic(path, put(b"new"))
    assert path.read_bytes() == b"new"
    assert mode(path) == kept


def test_a_failing_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_bytes(b"old")

    def boom(fh) -> None:
        fh.write(b"half")
        raise RuntimeError("the exporter failed")

    with pytest.raises(RuntimeError, match="the exporter failed"):
        write_atomic(path, boom)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["n.md"]


def test_a_full_disk_is_said_in_words_with_the_file_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "n.md"
    path.write_bytes(b"old")

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(AtomicWriteError, match=r"cannot write .*n\.md: no space left on the device"):
        write_atomic(path, put(b"new"))
    with pytest.raises(ExportError, match=r"cannot write .*n\.md: no space left on the device"):
        write_atomic(path, put(b"new"), ExportError.cannot_write)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["n.md"]


def test_a_folder_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AtomicWriteError, match="it is a folder"):
        write_atomic(tmp_path, put(b"x"))
    with pytest.raises(AtomicWriteError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "n.md", put(b"x"))


@posix_only
def test_a_read_only_folder_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as a user who can write anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(AtomicWriteError, match="permission denied"):
            write_atomic(folder / "n.md", put(b"x"))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@posix_only
def test_a_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "vault" / "n.md"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "n.md"
    link.symlink_to(real)
    write_atomic(link, put(b"new"))
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_temporary_name_already_taken_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tokens = iter(["aaaaaaaa", "aaaaaaaa", "bbbbbbbb"])
    monkeypatch.setattr(atomic.secrets, "token_hex", lambda _n: next(tokens))
    (tmp_path / f".n.md.aaaaaaaa{TEMP_SUFFIX}").write_bytes(b"someone else's")
    write_atomic(tmp_path / "n.md", put(b"x"))
    assert (tmp_path / "n.md").read_bytes() == b"x"
    assert (tmp_path / f".n.md.aaaaaaaa{TEMP_SUFFIX}").read_bytes() == b"someone else's"
