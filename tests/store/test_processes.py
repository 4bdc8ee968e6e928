"""Real processes: kill -9 at random moments loses nothing acknowledged; one writer at a time; stale locks."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from devday_tui.store import Store
from devday_tui.store.files import read_tables
from tests.store.helpers import T0, UTC

PROC = Path(__file__).with_name("_proc.py")
KILL_TRIALS = int(os.environ.get("DEVDAY_KILL_TRIALS", "30"))


def _spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(PROC), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _probe(data_dir: Path, *extra: str) -> dict:
    out = subprocess.run([sys.executable, str(PROC), "probe", str(data_dir), *extra], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_kill_dash_nine_at_random_moments_loses_no_acknowledged_review(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    rng = random.Random(20261128)
    acknowledged: set[str] = set()
    undone: set[str] = set()
    in_flight_undo: set[str] = set()
    mid_write = 0
    started = time.monotonic()
    for trial in range(KILL_TRIALS):
        base = T0 + timedelta(days=60 * trial)
        proc = _spawn("write", str(data_dir), str(trial), base.isoformat())
        # Anywhere from start-up (loading, snapshot) to mid-session: wait for a random number of lines from the
        # writer (so a slow machine still gets writes between kills), then a random fraction of a save more.
        seen = "".join(proc.stdout.readline() for _ in range(rng.randint(0, 40)))
        time.sleep(rng.uniform(0.0, 0.01))
        proc.send_signal(signal.SIGKILL)
        # Read the rest through the same buffered file as readline: communicate() reads the pipe underneath it
        # and would drop the lines readline had already buffered (an undo in flight would then look unexplained).
        out = seen + proc.stdout.read()
        err = proc.stderr.read()
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err
        pending_undo: str | None = None
        for line in out.splitlines(keepends=True):
            if not line.endswith("\n"):
                break  # cut by the kill
            kind, _, ident = line.strip().partition(" ")
            if kind == "A":
                acknowledged.add(ident)
            elif kind == "u":
                pending_undo = ident
            elif kind == "U":
                undone.add(ident)
                pending_undo = None
        if pending_undo is not None:
            in_flight_undo.add(pending_undo)
        mid_write += bool(list(data_dir.rglob(".*.tmp")))
        # every file is whole
        for path in data_dir.rglob("*.json"):
            read_tables(path)
        # the next start is not blocked by the dead writer's lock, sees no damage, and has every answer
        with Store.open(data_dir, device_id="writer", exclusive=True, tz=UTC, now=base) as store:
            assert store.notices == []
            present = {r.id for r in store.reviews()}
            assert (acknowledged - undone - in_flight_undo) <= present
            assert not (undone & present)
            live = store.all_progress()
            store._rebuild(base)
            assert store.all_progress() == live  # snapshot + catch-up == full replay
        assert not list(data_dir.rglob(".*.tmp"))  # leftovers of the killed write were cleaned up
    elapsed = time.monotonic() - started
    print(f"\nkill trials: {KILL_TRIALS}, acknowledged reviews: {len(acknowledged)}, undone: {len(undone)}, "
          f"killed with a write in progress: {mid_write}, {elapsed:.1f} s")
    assert len(acknowledged) > KILL_TRIALS * 10  # the writer really wrote between kills


def test_second_process_opens_read_only_or_is_refused_naming_the_first(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    holder = _spawn("hold", str(data_dir))
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
    holder = _spawn("hold", str(data_dir))
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
    writer = _spawn("write", str(data_dir), "7", "2020-01-01T09:00:00+00:00")
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
