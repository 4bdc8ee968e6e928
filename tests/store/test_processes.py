"""Real processes: one writer at a time; stale locks. (kill -9 during saves: tests/reliability.)"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from pathlib import Path

from tests.store.helpers import STORE_PROC, spawn_store


def _probe(data_dir: Path, *extra: str) -> dict:
    out = subprocess.run(
        [sys.executable, str(STORE_PROC), "probe", str(data_dir), *extra], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_second_process_opens_read_only_or_is_refused_naming_the_first(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    holder = spawn_store("hold", str(data_dir))
    try:
        assert holder.stdout.readline().strip() == "ready"
        host = socket.gethostname()
        shared = _probe(data_dir)
        assert shared["read_only"] and shared["has_held"]
        assert f"process {holder.pid} on {host}" in shared["notices"][0]
        assert "read-only" in shared["notices"][0]
        refused = _probe(data_dir, "exclusive")
        assert refused["pid"] == holder.pid and refused["host"] == host
        assert f"process {holder.pid} on {host}" in refused["locked"]
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    # the holder closed normally: the lock is free
    assert _probe(data_dir, "exclusive")["read_only"] is False


def test_stale_lock_of_a_killed_process_does_not_block(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    holder = spawn_store("hold", str(data_dir))
    assert holder.stdout.readline().strip() == "ready"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    lock_file = data_dir / "devices/writer/writer.lock"
    assert str(holder.pid) in lock_file.read_text()  # the dead process's note is still there
    result = _probe(data_dir, "exclusive")
    assert result == {"read_only": False, "notices": [], "reviews": 1, "has_held": True}


def test_reader_process_sees_whole_files_while_a_writer_writes(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    # the writer's clock runs fast: start it years back so that its answers never get ahead of the real clock
    writer = spawn_store("write", str(data_dir), "7", "2020-01-01T09:00:00+00:00")
    try:
        assert writer.stdout.readline().strip() == "ready"
        seen = []
        for _ in range(15):
            result = _probe(data_dir)
            assert result["read_only"] is True and "read-only" in result["notices"][0]
            assert len(result["notices"]) == 1  # nothing damaged, ever
            seen.append(result["reviews"])
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    assert seen[-1] > seen[0] > 0
