"""Cost of saving one answer with a small and with a large review history, measured in one run.

The history (1,000 and 100,000 reviews, 250 a day over the previous days, valid fsrs states) is written as the
store writes it; a store is opened on each (a full replay the first time, the snapshot afterwards), then
answers are saved "today" one by one, each durably (temp file, fsync, rename, fsync of the folder), and timed,
alternating between the two stores. Both get the same number of answers today, so the ratio shows what the
size of the history costs.

    python benchmarks/store.py [--answers N]

Last line: ``save_100k_over_1k=<median with 100k / median with 1k>`` (goal: at most 2).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devday_tui.core.model import DeckSettings  # noqa: E402
from devday_tui.core.scheduling import CardProgress, ReviewRecord, apply_review  # noqa: E402
from devday_tui.store import Store  # noqa: E402
from devday_tui.store.files import write_tables  # noqa: E402
from devday_tui.store.store import new_id  # noqa: E402

TODAY = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)
PER_DAY = 250
DEVICE = "bench"


def write_history(
    data_dir: Path, reviews: int, cards: int, seed: int, *, device: str = DEVICE, prefix: str = "card"
) -> None:
    """``reviews`` answers of ``device`` over cards ``<prefix>00000``…, ``PER_DAY`` a day up to yesterday, with
    valid fsrs states, written as the store writes its history (other benchmarks import this)."""
    rng = random.Random(seed)
    days = -(-reviews // PER_DAY)
    start = TODAY.replace(hour=0) - timedelta(days=days)
    progress: dict[str, CardProgress] = {}
    ids = [f"{prefix}{i:05d}" for i in range(cards)]
    log_dir = data_dir / "devices" / device / "log"
    done = 0
    for day in range(days):
        moment = start + timedelta(days=day, hours=7)
        docs = {}
        for _ in range(min(PER_DAY, reviews - done)):
            cid = rng.choice(ids)
            before = progress.get(cid)
            rating = rng.choices((1, 2, 3, 4), (10, 10, 70, 10))[0]
            progress[cid] = apply_review(before, cid, rating, moment)
            record = ReviewRecord(new_id(moment), cid, rating, moment, rng.uniform(2, 15), device,
                                  before.state if before else "new")
            docs[str(len(docs) + 1)] = record.to_dict()
            moment += timedelta(seconds=rng.randint(5, 60))
            done += 1
        write_tables(log_dir / f"{start.date() + timedelta(days=day)}.json", {"log": docs})


def prepare(reviews: int, cards: int, root: Path) -> dict:
    data_dir = root / f"h{reviews}"
    write_history(data_dir, reviews, cards, seed=reviews)
    t = time.perf_counter()
    with Store.open(data_dir, device_id=DEVICE, now=TODAY) as store:
        first_open = time.perf_counter() - t
        assert store.all_progress()
    t = time.perf_counter()
    store = Store.open(data_dir, device_id=DEVICE, now=TODAY)
    reopen = time.perf_counter() - t
    return {"reviews": reviews, "cards": cards, "store": store, "first_open": first_open, "reopen": reopen,
            "times": [], "rng": random.Random(reviews), "now": TODAY}


def save_one(run: dict, settings: DeckSettings) -> None:
    rng = run["rng"]
    cid = f"card{rng.randrange(run['cards']):05d}"
    rating = rng.choice((1, 3, 3, 4))
    t = time.perf_counter()
    run["store"].answer(cid, rating, run["now"], duration=5.0, settings=settings)
    run["times"].append(time.perf_counter() - t)
    run["now"] += timedelta(seconds=20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=300, help="answers saved and timed per history size")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="devday-store-bench-"))
    settings = DeckSettings()
    try:
        results = [prepare(1_000, 300, root), prepare(100_000, 3_000, root)]
        # Let the writes of the generated history reach the disk, so they do not slow the first timed fsyncs.
        os.sync()
        time.sleep(1.0)
        # Alternate between the two stores, so that other activity on the disk weighs on both alike.
        for _ in range(args.answers):
            for run in results:
                save_one(run, settings)
        for run in results:
            t = time.perf_counter()
            run["store"].close()
            run["close"] = time.perf_counter() - t
            times = sorted(run["times"])
            run["median"] = statistics.median(times)
            run["p95"] = times[max(0, int(len(times) * 0.95) - 1)]
            run["max"] = times[-1]
    finally:
        for run in locals().get("results", []):
            run["store"].close()
        shutil.rmtree(root, ignore_errors=True)
    for r in results:
        print(
            f"history {r['reviews']:>7,} reviews / {r['cards']:>5,} cards: save one answer median "
            f"{r['median'] * 1000:.2f} ms, p95 {r['p95'] * 1000:.2f} ms, max {r['max'] * 1000:.2f} ms; "
            f"first open (full replay) {r['first_open']:.2f} s, reopen (snapshot) {r['reopen'] * 1000:.0f} ms, "
            f"close {r['close'] * 1000:.0f} ms"
        )
    small, large = results
    print(f"save_100k_over_1k={large['median'] / small['median']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
