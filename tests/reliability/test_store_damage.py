"""Every kind of damaged file, opened by a real process that is killed at a random moment of its recovery
(setting files aside, writing back what was salvaged, the snapshot), then opened again: the result is the same
as a recovery that was never interrupted, and it is reached without any help."""

from __future__ import annotations

import json
import random
import shutil
import signal
import time
from datetime import timedelta
from pathlib import Path
from typing import Callable

import pytest

from devday_tui.store import Store
from devday_tui.store.files import read_tables, write_tables
from tests.store.damage import edit_table, filled, garbage, nested, spoil
from tests.store.helpers import SETTINGS, T0, UTC, spawn_store

NOW = T0 + timedelta(days=1)
OWN = Path("devices/writer")
LOG = OWN / "log/2026-11-28.json"


def _conflicted(d: Path) -> None:
    main = d / OWN / "annotations.json"
    write_tables(
        main.with_name("annotations (conflicted copy).json"),
        {
            "annotations": {
                "1": {"key": "c0", "text": "newer, from the copy", "at": "2026-11-28T23:00:00+00:00", "dev": "writer"}
            }
        },
    )


def _future(d: Path) -> None:
    with Store.open(d, device_id="desktop", tz=UTC, now=T0.replace(year=2031)) as other:
        other.answer("c1", 3, T0.replace(year=2031), duration=1, settings=SETTINGS)


def _snapshot(change: Callable[[dict], None]) -> Callable[[Path], None]:
    def spoil_snapshot(d: Path) -> None:
        path = d / OWN / "snapshot.json"
        tables = read_tables(path)
        change(tables)
        path.write_text(json.dumps(tables))

    return spoil_snapshot


def _garbage_in(rel: Path, size: int) -> Callable[[Path], None]:
    def damage(d: Path) -> None:
        path = d / rel
        raw = path.read_bytes()
        cut = len(raw) // 2
        path.write_bytes(raw[:cut] + garbage(size) + raw[cut:])

    return damage


CASES: dict[str, Callable[[Path], None]] = {
    "nested-log": lambda d: (d / LOG).write_bytes((d / LOG).read_bytes()[:-2] + b',"x":' + nested() + b"}}"),
    "rating-1e999": lambda d: spoil(d / LOG, "log", "rating", "1e999"),
    "rating-5000-digits": lambda d: spoil(d / LOG, "log", "rating", "7" * 5000),
    "ret-1.5": lambda d: spoil(d / LOG, "log", "ret", "1.5", index=1),
    "ret-nan": lambda d: spoil(d / LOG, "log", "ret", "NaN", index=2),
    "year-9999": lambda d: spoil(d / LOG, "log", "at", '"9999-01-01T00:00:00+00:00"', index=3),
    "snapshot-shards-list": _snapshot(lambda t: t["state"]["1"].update(shards=[])),
    "snapshot-aliases-list": _snapshot(lambda t: t["state"]["1"].update(aliases=[])),
    "snapshot-card-string": _snapshot(lambda t: t["cards"].update({next(iter(t["cards"])): "x"})),
    "garbage-log": _garbage_in(LOG, 1 << 20),
    "garbage-annotations": _garbage_in(OWN / "annotations.json", 1 << 20),
    "garbage-exams": _garbage_in(OWN / "exams.json", 1 << 20),
    "garbage-catalog": _garbage_in(OWN / "catalog.json", 1 << 20),
    "future-2031": _future,
    "folder-where-today-should-be": lambda d: (d / OWN / "log/2026-11-29.json").mkdir(),
    "exam-without-at": lambda d: edit_table(d / OWN / "exams.json", "exams", lambda docs: docs["1"].pop("at")),
    "annotations-conflicted-copy": _conflicted,
}


def _state(data_dir: Path) -> tuple:
    with Store.open(data_dir, device_id="writer", tz=UTC, now=NOW) as store:
        return (
            sorted(r.id for r in store.reviews()),
            store.annotations(),
            [(e["id"], e.get("score")) for e in store.exams()],
            store.all_progress(),
        )


def _kill_during_open(data_dir: Path, rng: random.Random) -> bool:
    """Open ``data_dir`` in a real process and kill it at a random moment of the open (after start-up); whether
    it was killed before the open finished."""
    proc = spawn_store("open", str(data_dir), NOW.isoformat())
    assert proc.stdout.readline().strip() == "start"
    time.sleep(rng.uniform(0.0, 0.08))
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, -signal.SIGKILL), err
    return "opened" not in out


@pytest.mark.parametrize(
    "kills", [pytest.param(1, id="1-kill"), pytest.param(12, id="12-kills", marks=pytest.mark.slow)]
)
def test_every_damaged_file_case_survives_a_kill_during_recovery(tmp_path: Path, kills: int, report) -> None:
    rng = random.Random(kills)
    expected = {}
    for name, damage in CASES.items():
        data_dir = tmp_path / name
        filled(data_dir, device="writer", answers=8)
        damage(data_dir)
        reference = tmp_path / f"{name}-reference"
        shutil.copytree(data_dir, reference)
        expected[name] = _state(reference)
    interrupted = 0
    for _ in range(kills):
        for name in CASES:
            interrupted += _kill_during_open(tmp_path / name, rng)
    for name in CASES:
        assert _state(tmp_path / name) == expected[name], name
        assert _state(tmp_path / name) == expected[name], name  # and a further start changes nothing
    report(
        f"damaged files: {len(CASES)} cases, {kills} kill(s) each during recovery ({interrupted} before the "
        f"open finished); every case recovered the same as without the kill, 0 lost"
    )
