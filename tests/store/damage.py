"""Damaged data directories, built through the store's real API and then spoiled on disk the way users' are.

``benchmarks/store.py`` times the salvage of :func:`garbage`: this module imports no pytest."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path
from typing import Any

from devday_tui.store import Store
from devday_tui.store.files import read_tables, tables_payload, write_tables
from tests.store import helpers
from tests.store.helpers import SETTINGS, T0

DEVICE = "laptop"
SHARD = Path(f"devices/{DEVICE}/log/2026-11-28.json")
ANNOTATIONS = Path(f"devices/{DEVICE}/annotations.json")
EXAMS = Path(f"devices/{DEVICE}/exams.json")
CATALOG = Path(f"devices/{DEVICE}/catalog.json")
SNAPSHOT = Path(f"devices/{DEVICE}/snapshot.json")


def open_store(path: Path, **kw: Any) -> Store:
    """The store in ``path`` of the device ``DEVICE``, opened at noon of ``T0``'s day in UTC unless ``kw`` says
    otherwise."""
    kw.setdefault("device_id", DEVICE)
    kw.setdefault("now", T0 + timedelta(hours=12))
    return helpers.open_store(path, **kw)


def study(store: Store, n: int, *, start=T0, cards: int = 5) -> list[str]:
    """Answer ``n`` times (every 11 minutes, on ``cards`` cards); the ids of the saved reviews."""
    ids = []
    now = start
    for i in range(n):
        ids.append(store.answer(f"c{i % cards}", 3, now, duration=1, settings=SETTINGS).review.id)
        now += timedelta(minutes=11)
    return ids


def filled(data_dir: Path, *, device: str = DEVICE, answers: int = 6) -> list[str]:
    """A data directory with answers, two personal notes, an exam result and a catalog; the review ids."""
    from tests.store.helpers import card

    with open_store(data_dir, device_id=device) as store:
        ids = study(store, answers)
        store.set_annotation("c0", "remember c0", T0)
        store.set_annotation("c1", "remember c1", T0)
        store.record_exam({"score": 7, "total": 10}, T0 + timedelta(hours=1))
        store.reconcile([card(f"c{i}") for i in range(5)], T0 + timedelta(hours=2))
    return ids


def newer_schema(data_dir: Path) -> None:
    """A filled data directory whose history file says it was written by a newer version (schema 99)."""
    filled(data_dir)
    path = data_dir / SHARD
    data = json.loads(path.read_text())
    data["_meta"]["1"]["schema"] = 99
    path.write_text(json.dumps(data))


def edit_table(path: Path, table: str, change) -> None:
    """Rewrite one table of a store file with ``change(docs)``, keeping the file valid JSON."""
    tables = read_tables(path) or {}
    docs = tables.setdefault(table, {})
    change(docs)
    write_tables(path, tables)


def spoil(path: Path, table: str, key: str, raw: str, *, index: int = 0) -> None:
    """Set ``key`` of one document of ``table`` to the JSON text ``raw`` (``1e999``, ``NaN``, a long number...):
    the file stays what Python's JSON reader accepts."""
    tables = read_tables(path) or {}
    doc = list(tables[table].values())[index]
    doc[key] = "@@SPOIL@@"
    path.write_text(tables_payload(tables).decode().replace('"@@SPOIL@@"', raw))


def nested(depth: int = 100_000) -> bytes:
    return b"[" * depth + b"]" * depth


def garbage(size: int, seed: int = 1) -> bytes:
    """Realistic damage: fragments of store JSON mixed with random bytes, ``size`` bytes long."""
    rng = random.Random(seed)
    pieces = [
        b'{"t":"review","id":"',
        b'","card":"c1","rating":',
        b'{"key":"',
        b'"at":"2026-11-28T09:00:00+00:00"',
        b'{"',
        b'":',
        b"}",
        b"{",
        b'"',
        b"\\",
        b"[",
        b"]",
        b"\n",
        b"1e999",
        b"NaN",
    ]
    out = bytearray()
    while len(out) < size:
        if rng.random() < 0.5:
            out += rng.choice(pieces)
        else:
            out += rng.randbytes(rng.randint(1, 64))
    return bytes(out[:size])


def _first_start(state: str, barrier, results) -> None:
    from devday_tui.store import machine_device_id

    barrier.wait()
    results.put(machine_device_id(Path(state)))


def first_starts(root: Path, trials: int) -> int:
    """Start two processes at the same moment on a machine with no device id, ``trials`` times; how many times
    they disagreed on the id (or a later start disagreed with them)."""
    import multiprocessing

    from devday_tui.store import machine_device_id

    context = multiprocessing.get_context("fork")
    disagreements = 0
    for trial in range(trials):
        state = root / f"state{trial}"
        barrier = context.Barrier(2)
        results = context.Queue()
        starts = [context.Process(target=_first_start, args=(str(state), barrier, results)) for _ in range(2)]
        for p in starts:
            p.start()
        ids = {results.get(timeout=30) for _ in starts}
        for p in starts:
            p.join(timeout=30)
        disagreements += len(ids | {machine_device_id(state)}) != 1 or len(list(state.iterdir())) != 1
    return disagreements
