"""kill -9 at random moments while a writer answers, undoes and suspends: no acknowledged answer is lost, every
file stays whole, and the next start needs no repair."""

from __future__ import annotations

import random
import signal
import time
from datetime import timedelta
from pathlib import Path

from devday_tui.atomic import TEMP_SUFFIX
from devday_tui.store import Store
from devday_tui.store.files import read_tables
from tests.reliability.conftest import quick_and_long
from tests.store.helpers import T0, UTC, spawn_store


@quick_and_long(6, 300)
def test_kill_dash_nine_during_saves_loses_no_acknowledged_answer(tmp_path: Path, trials: int, report) -> None:
    data_dir = tmp_path / "data"
    rng = random.Random(20261128 + trials)
    acknowledged: set[str] = set()
    undone: set[str] = set()
    in_flight_undo: set[str] = set()
    mid_write = 0
    started = time.monotonic()
    for trial in range(trials):
        base = T0 + timedelta(days=60 * trial)
        proc = spawn_store("write", str(data_dir), str(trial), base.isoformat())
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
        mid_write += bool(list(data_dir.rglob(f".*{TEMP_SUFFIX}")))
        for path in data_dir.rglob("*.json"):  # every file is whole
            read_tables(path)
        # The next start is not blocked by the dead writer's lock, sees no damage, and has every answer. (The
        # writer's clock runs fast: look from the end of its 60 days.)
        with Store.open(data_dir, device_id="writer", exclusive=True, tz=UTC, now=base + timedelta(days=59)) as store:
            assert store.notices == []
            present = {r.id for r in store.reviews()}
            lost = (acknowledged - undone - in_flight_undo) - present
            assert not lost
            assert not (undone & present)
            live = store.all_progress()
            store._rebuild(base)
            assert store.all_progress() == live  # snapshot + catch-up == full replay
        assert not list(data_dir.rglob(f".*{TEMP_SUFFIX}"))  # leftovers of the killed write were cleaned up
    report(
        f"kill -9 during saves: {trials} trials, {len(acknowledged)} answers acknowledged, {len(undone)} undone, "
        f"0 lost; killed with a write in progress {mid_write} times; {time.monotonic() - started:.1f} s"
    )
    assert len(acknowledged) > trials * 10  # the writer really wrote between kills
