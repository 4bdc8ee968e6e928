"""A separate process driving the store, for the kill and two-process tests.

python _proc.py write DATA_DIR SEED BASE_ISO   answer/undo/suspend forever, printing each id after the save
python _proc.py hold DATA_DIR                  open as the writer, print "ready", wait for stdin to close
python _proc.py probe DATA_DIR [exclusive]     try to open; print one JSON line saying what happened
python _proc.py answer DATA_DIR SEED            open (not exclusive), answer by the real clock, printing each
                                               id after the save; "R" and exit once the store is read-only
python _proc.py device STATE_DIR GO_FILE        wait for GO_FILE, then print this machine's device id
python _proc.py open DATA_DIR NOW_ISO           print "start", open as "writer", close, print "opened" (a start,
                                               to be killed midway)
"""

from __future__ import annotations

import json
import random
import sys
from datetime import datetime, timedelta, timezone

from devday_tui.core.model import DeckSettings
from devday_tui.store import Store, StoreError, StoreLocked, StoreReadOnly, machine_device_id


def write(data_dir: str, seed: int, base: datetime) -> None:
    rng = random.Random(seed)
    store = Store.open(data_dir, device_id="writer", exclusive=True, tz=timezone.utc, now=base)
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    settings = DeckSettings(desired_retention=0.9)
    now = base
    answered: list[str] = []
    n = 0
    while True:
        n += 1
        roll = rng.random()
        card = f"c{rng.randrange(40)}"
        if roll < 0.08 and store.can_undo:
            out.write(f"u {answered[-1]}\n")
            out.flush()
            record = store.undo(now)
            answered.pop()
            out.write(f"U {record.id}\n")
        elif roll < 0.12:
            store.suspend(card, now) if roll < 0.10 else store.unsuspend(card, now)
            out.write("E\n")
        else:
            ans = store.answer(card, rng.choice([1, 2, 3, 3, 4]), now, duration=rng.random() * 9, settings=settings)
            answered.append(ans.review.id)
            out.write(f"A {ans.review.id}\n")
        out.flush()
        if n % 40 == 0:
            store.checkpoint()
        now += timedelta(seconds=rng.randint(1, 4000))


def hold(data_dir: str) -> None:
    store = Store.open(data_dir, device_id="writer", exclusive=True)
    store.answer("held", 3, datetime.now(timezone.utc), duration=1.0, settings=DeckSettings())
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.read()
    store.close()


def probe(data_dir: str, exclusive: bool) -> None:
    try:
        store = Store.open(data_dir, device_id="writer", exclusive=exclusive)
    except StoreLocked as exc:
        print(json.dumps({"locked": str(exc), "pid": exc.pid, "host": exc.host}))
        return
    except StoreError as exc:
        print(json.dumps({"error": str(exc)}))
        return
    with store:
        print(
            json.dumps(
                {
                    "read_only": store.read_only,
                    "notices": store.notices,
                    "reviews": len(store.reviews()),
                    "has_held": store.progress("held") is not None,
                }
            )
        )


def answer(data_dir: str, seed: int) -> None:
    rng = random.Random(seed)
    store = Store.open(data_dir, device_id="writer", tz=timezone.utc)
    out = sys.stdout
    out.write("ready ro\n" if store.read_only else "ready rw\n")
    out.flush()
    settings = DeckSettings(desired_retention=0.9)
    while True:
        try:
            ans = store.answer(
                f"c{rng.randrange(200)}",
                rng.choice([1, 2, 3, 3, 4]),
                datetime.now(timezone.utc),
                duration=1.0,
                settings=settings,
            )
        except StoreReadOnly:
            out.write("R\n")
            out.flush()
            return
        out.write(f"A {ans.review.id}\n")
        out.flush()


def device(state_dir: str, go_file: str) -> None:
    from pathlib import Path

    go = Path(go_file)
    while not go.exists():
        pass
    print(machine_device_id(Path(state_dir)), flush=True)


if __name__ == "__main__":
    mode, directory = sys.argv[1], sys.argv[2]
    if mode == "write":
        write(directory, int(sys.argv[3]), datetime.fromisoformat(sys.argv[4]))
    elif mode == "hold":
        hold(directory)
    elif mode == "answer":
        answer(directory, int(sys.argv[3]))
    elif mode == "device":
        device(directory, sys.argv[3])
    elif mode == "open":
        print("start", flush=True)
        Store.open(directory, device_id="writer", tz=timezone.utc, now=datetime.fromisoformat(sys.argv[3])).close()
        print("opened", flush=True)
    else:
        probe(directory, len(sys.argv) > 3 and sys.argv[3] == "exclusive")
