"""The writer lock file deleted while the app runs, then a second instance started: no acknowledged answer is
lost. The device folder is locked too, so the second instance opens read-only; the first writer makes the lock
file again at its next save and goes on."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

from devday_tui.store import Store
from tests.reliability.conftest import quick_and_long
from tests.store.helpers import UTC, spawn_store


def _acks(proc, until: float, at_least: int = 0) -> tuple[list[str], bool]:
    """Answers acknowledged by ``proc`` until the time ``until`` (and at least ``at_least``), and whether it
    turned read-only."""
    acks: list[str] = []
    while time.monotonic() < until or len(acks) < at_least:
        line = proc.stdout.readline()
        if not line:
            break
        kind, _, ident = line.strip().partition(" ")
        if kind == "A":
            acks.append(ident)
        elif kind == "R":
            return acks, True
    return acks, False


def _stop(proc) -> list[str]:
    proc.send_signal(signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait(timeout=30)
    whole = [line for line in rest.splitlines(keepends=True) if line.endswith("\n")]  # not cut by the kill
    return [line[2:].strip() for line in whole if line.startswith("A ")]


@quick_and_long(4, 60)
def test_lock_deleted_then_second_instance_loses_nothing(tmp_path: Path, trials: int, report) -> None:
    rng = random.Random(7)
    totals = {"acknowledged": 0, "lost": 0, "second read-only": 0}
    for trial in range(trials):
        data_dir = tmp_path / f"data{trial}"
        first = spawn_store("answer", str(data_dir), str(trial))
        assert first.stdout.readline().strip() == "ready rw"
        acked, _ = _acks(first, time.monotonic() + rng.uniform(0.05, 0.2), at_least=20)
        # Half the trials: the first writer is stopped between two answers while the lock file is removed and
        # the second instance starts (it finds no lock file at all); else they race.
        paused = trial % 2 == 0
        if paused:
            first.send_signal(signal.SIGSTOP)
        (data_dir / "devices/writer/writer.lock").unlink()
        second = spawn_store("answer", str(data_dir), str(1000 + trial))
        mode = second.stdout.readline().strip()
        if paused:
            first.send_signal(signal.SIGCONT)
        until = time.monotonic() + rng.uniform(0.2, 0.5)
        more_first, first_ro = _acks(first, until)
        more_second = _acks(second, until)[0] if mode == "ready rw" else []
        acked += more_first + _stop(first) + more_second + _stop(second)
        assert mode == "ready ro" and not first_ro  # one writer: the first, which kept its lock
        assert (data_dir / "devices/writer/writer.lock").exists()
        totals["second read-only"] += mode == "ready ro"
        with Store.open(data_dir, device_id="writer", tz=UTC) as store:
            present = {r.id for r in store.reviews()}
        totals["acknowledged"] += len(acked)
        totals["lost"] += len(set(acked) - present)
    report(
        f"writer.lock deleted, second instance started: {trials} trials, {totals['acknowledged']} answers "
        f"acknowledged, {totals['lost']} lost (the second instance opened read-only "
        f"{totals['second read-only']} times)"
    )
    assert totals["lost"] == 0
