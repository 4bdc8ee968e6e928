"""What the progress store costs in the realistic worst case, measured in one run, each figure beside its goal.

Saving: the cost of an answer depends on the day's file, which is rewritten (atomically, with fsync) at every
answer, not on the history. So the worst case is a long study day: thousands of answers already in today's file,
on the same device and the same cards as a large history. Three stores are timed, alternating answer by answer
so that other activity on the disk weighs on all alike:

    small     1,000 reviews of history, nothing yet today
    long-1k   1,000 reviews of history, LONG_DAY answers already today, on the same cards and device
    long-100k 100,000 reviews of history, LONG_DAY answers already today, on the same cards and device

Opening: the first open of the 100k history (a full replay), a reopen (the snapshot), a start after a crash in
the middle of the long day (the snapshot plus the day replayed), and ``reviews(since=<start of today>)``, which
every queue building calls: with nothing changed since the last call, and just after a save (the home screen
asks after every answer, when today's file has just grown by one entry).

Salvage: a log file of 1, 2, 4 and 8 MB of garbage, opened through ``Store.open`` (the damaged file is kept aside
and what it holds is recovered), and the salvage of 200 MB of garbage. Garbage is random bytes, as a disk or a
sync tool leaves; damaged store JSON (fragments of entries between random bytes) is timed too, and a history
file damaged in its middle (20 MB, its time scaled to 200 MB: salvage is linear, as the 1-8 MB figures show).

    python benchmarks/store.py [--answers N] [--long-day N] [--salvage-mb N] [--quick]

Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devday_tui.core.model import DeckSettings  # noqa: E402
from devday_tui.core.queue import day_start  # noqa: E402
from devday_tui.core.scheduling import CardProgress, ReviewRecord, apply_review  # noqa: E402
from devday_tui.store import Store  # noqa: E402
from devday_tui.store.files import salvage_documents, tables_payload, write_tables  # noqa: E402
from devday_tui.store.history import is_entry, new_id  # noqa: E402
from tests.store.damage import garbage  # noqa: E402

TODAY = datetime(2026, 11, 28, 21, 0, tzinfo=timezone.utc)
PER_DAY = 250
DEVICE = "bench"

#: Goals. Saving: the median and p95 of one answer at the end of a long day with a 100k history; the history must
#: cost nothing at save time (long-100k over long-1k). Opening and listing today's reviews; just after a save, the
#: list must not read today's file back (under a frame of 16 ms, and a quarter of a re-read at most). Salvage:
#: 200 MB of garbage under 10 s, and linear (seconds per MB of damaged store JSON at 8 MB over the same at 1 MB).
GOALS = {
    "save_long_100k_median_ms": 30.0,
    "save_long_100k_p95_ms": 60.0,
    "save_100k_over_1k_on_a_long_day": 1.5,
    "reopen_100k_s": 1.0,
    "start_after_crash_in_long_day_s": 1.5,
    "reviews_today_ms": 150.0,
    "reviews_today_after_save_ms": 15.0,
    "reviews_today_after_save_over_reread": 0.25,
    "salvage_200mb_s": 10.0,
    "salvage_200mb_damaged_history_s": 10.0,
    "salvage_8mb_per_mb_over_1mb_per_mb": 1.5,
}


def answer(
    rng: random.Random,
    progress: dict[str, CardProgress],
    docs: dict[str, dict],
    cid: str,
    moment: datetime,
    device: str,
) -> None:
    """One answer of ``device`` on ``cid`` at ``moment``: a random rating (mostly Good) and a random duration,
    applied to ``progress`` and added to the log table ``docs``."""
    before = progress.get(cid)
    rating = rng.choices((1, 2, 3, 4), (10, 10, 70, 10))[0]
    progress[cid] = apply_review(before, cid, rating, moment)
    record = ReviewRecord(
        new_id(moment), cid, rating, moment, rng.uniform(2, 15), device, before.state if before else "new"
    )
    docs[str(len(docs) + 1)] = record.to_dict()


def write_history(
    data_dir: Path, reviews: int, cards: int, seed: int, *, device: str = DEVICE, prefix: str = "card"
) -> dict[str, CardProgress]:
    """``reviews`` answers of ``device`` over cards ``<prefix>00000``…, ``PER_DAY`` a day up to yesterday, with
    valid fsrs states, written as the store writes its history (other benchmarks import this). Returns the card
    states at the end."""
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
            answer(rng, progress, docs, rng.choice(ids), moment, device)
            moment += timedelta(seconds=rng.randint(5, 60))
            done += 1
        write_tables(log_dir / f"{start.date() + timedelta(days=day)}.json", {"log": docs})
    return progress


def write_long_day(data_dir: Path, answers: int, cards: int, progress: dict[str, CardProgress], seed: int) -> None:
    """``answers`` answers today (from the start of the UTC day, every 10 s) on the cards of the history."""
    rng = random.Random(seed)
    moment = TODAY.replace(hour=0, minute=5)
    docs = {}
    for _ in range(answers):
        answer(rng, progress, docs, f"card{rng.randrange(cards):05d}", moment, DEVICE)
        moment += timedelta(seconds=10)
    write_tables(data_dir / "devices" / DEVICE / "log" / f"{TODAY.date()}.json", {"log": docs})


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


class Run:
    """One store being answered in, with its timings."""

    def __init__(self, name: str, data_dir: Path, cards: int) -> None:
        self.name, self.data_dir, self.cards = name, data_dir, cards
        self.store = Store.open(data_dir, device_id=DEVICE, now=TODAY)
        self.rng = random.Random(name)
        self.now = TODAY
        self.times: list[float] = []

    def save_one(self, settings: DeckSettings) -> None:
        cid = f"card{self.rng.randrange(self.cards):05d}"
        rating = self.rng.choice((1, 3, 3, 4))
        self.times.append(timed(lambda: self.store.answer(cid, rating, self.now, duration=5.0, settings=settings)))
        self.now += timedelta(seconds=20)

    def summary(self) -> tuple[float, float, float]:
        times = sorted(self.times)
        return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)], times[-1]


def build(root: Path, name: str, history: int, today: int, cards: int) -> tuple[Path, float]:
    """A data directory with ``history`` reviews up to yesterday, opened once (so its snapshot covers them), then
    ``today`` answers written today as if the app had crashed before writing the snapshot again. Returns it and
    how long the first open (a full replay) took."""
    data_dir = root / name
    progress = write_history(data_dir, history, cards, seed=history)
    first_open = timed(lambda: Store.open(data_dir, device_id=DEVICE, now=TODAY).close())
    if today:
        write_long_day(data_dir, today, cards, progress, seed=today)
    return data_dir, first_open


def measure_saving(root: Path, answers: int, long_day: int, big: int, results: dict[str, float]) -> None:
    settings = DeckSettings()
    built = {
        "small": build(root, "small", 1_000, 0, 300),
        "long-1k": build(root, "long-1k", 1_000, long_day, 3_000),
        "long-100k": build(root, "long-100k", big, long_day, 3_000),
    }
    results["first_open_100k_s"] = built["long-100k"][1]
    os.sync()  # the generated files reach the disk now, not during the timed saves
    time.sleep(0.5)
    runs = []
    for name, (path, _) in built.items():
        opened = time.perf_counter()
        runs.append(Run(name, path, 300 if name == "small" else 3_000))
        if name == "long-100k":  # the snapshot is from before today: the long day is replayed on top of it
            results["start_after_crash_in_long_day_s"] = time.perf_counter() - opened
    for _ in range(answers):
        for run in runs:
            run.save_one(settings)
    by_name = {run.name: run for run in runs}
    big_run = by_name["long-100k"]
    results["reviews_today_ms"] = 1000 * min(
        timed(lambda: big_run.store.reviews(since=day_start(big_run.now, tz=timezone.utc))) for _ in range(3)
    )
    # The home screen lists today's reviews after every answer: the day's file has just grown by one entry.
    # Alternately, the same list when today's file must be read and parsed again (its time changed, as a sync
    # tool may do): what every save cost before the store kept its cache of the file in step.
    since = day_start(big_run.now, tz=timezone.utc)
    today_file = big_run.data_dir / "devices" / DEVICE / "log" / f"{big_run.now.date()}.json"
    after_save, reread = [], []
    for _ in range(20):
        big_run.save_one(settings)
        after_save.append(timed(lambda: big_run.store.reviews(since=since)))
        st = today_file.stat()
        os.utime(today_file, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000))
        reread.append(timed(lambda: big_run.store.reviews(since=since)))
    del big_run.times[-20:]
    results["reviews_today_after_save_ms"] = 1000 * statistics.median(after_save)
    results["reviews_today_after_save_max_ms"] = 1000 * max(after_save)
    results["reviews_today_reread_ms"] = 1000 * statistics.median(reread)
    results["reviews_today_after_save_over_reread"] = (
        results["reviews_today_after_save_ms"] / results["reviews_today_reread_ms"]
    )
    for run in runs:
        median, p95, worst = run.summary()
        results[f"save_{run.name}_median_ms"] = median * 1000
        results[f"save_{run.name}_p95_ms"] = p95 * 1000
        results[f"save_{run.name}_max_ms"] = worst * 1000
        run.store.close()
    results["save_long_100k_median_ms"] = results["save_long-100k_median_ms"]
    results["save_long_100k_p95_ms"] = results["save_long-100k_p95_ms"]
    results["save_100k_over_1k_on_a_long_day"] = results["save_long-100k_median_ms"] / results["save_long-1k_median_ms"]
    results["long_day_over_empty_day"] = results["save_long-100k_median_ms"] / results["save_small_median_ms"]
    results["reopen_100k_s"] = timed(
        lambda: Store.open(built["long-100k"][0], device_id=DEVICE, now=big_run.now).close()
    )


def random_garbage(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


def damaged_history(size: int) -> bytes:
    """A history file of about ``size`` bytes of answers, with 4 KB of garbage in its middle."""
    rng = random.Random(size)
    entry = ReviewRecord(new_id(TODAY), "card00000", 3, TODAY, 5.125, DEVICE, "review").to_dict()
    count = size // (len(json.dumps(entry)) + 10)
    docs = {str(i): {**entry, "id": f"{i:032x}", "card": f"card{rng.randrange(3000):05d}"} for i in range(count)}
    payload = tables_payload({"log": docs})
    middle = len(payload) // 2
    return payload[:middle] + random_garbage(4096, 1) + payload[middle:]


def measure_salvage(root: Path, big_mb: int, results: dict[str, float]) -> None:
    for mb in (1, 2, 4, 8):
        data_dir = root / f"garbage{mb}"
        log = data_dir / "devices" / DEVICE / "log"
        log.mkdir(parents=True)
        (log / f"{TODAY.date()}.json").write_bytes(random_garbage(mb << 20, mb))
        results[f"open_with_{mb}mb_garbage_s"] = timed(
            lambda: Store.open(data_dir, device_id=DEVICE, now=TODAY).close()
        )
        raw = garbage(mb << 20, mb)
        results[f"salvage_{mb}mb_damaged_json_s"] = timed(lambda: salvage_documents(raw, is_entry))
    results["salvage_8mb_per_mb_over_1mb_per_mb"] = (
        results["salvage_8mb_damaged_json_s"] / 8 / results["salvage_1mb_damaged_json_s"]
    )
    raw = random_garbage(big_mb << 20, 200)
    results["salvage_200mb_s"] = timed(lambda: salvage_documents(raw, is_entry)) * 200 / big_mb
    # A long history file damaged in its middle: every entry is found again one by one.
    history = damaged_history(20 << 20)
    results["salvage_200mb_damaged_history_s"] = timed(lambda: salvage_documents(history, is_entry)) * 200 / 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=200, help="answers saved and timed in each store")
    parser.add_argument("--long-day", type=int, default=3_000, help="answers already in today's file")
    parser.add_argument(
        "--salvage-mb", type=int, default=200, help="size of the large salvage (figure scaled to 200 MB)"
    )
    parser.add_argument("--quick", action="store_true", help="a smaller run (30k history, 40 answers, 20 MB)")
    args = parser.parse_args()
    big = 30_000 if args.quick else 100_000
    answers = 40 if args.quick else args.answers
    salvage_mb = 20 if args.quick else args.salvage_mb
    root = Path(tempfile.mkdtemp(prefix="devday-store-bench-"))
    results: dict[str, float] = {}
    try:
        measure_saving(root, answers, args.long_day, big, results)
        measure_salvage(root, salvage_mb, results)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(
        f"history {big:,} reviews on the answered cards and device; {args.long_day:,} answers already today; "
        f"{answers} answers timed per store"
    )
    for name in ("small", "long-1k", "long-100k"):
        print(
            f"  save one answer, {name:<9}: median {results[f'save_{name}_median_ms']:.2f} ms, "
            f"p95 {results[f'save_{name}_p95_ms']:.2f} ms, max {results[f'save_{name}_max_ms']:.2f} ms"
        )
    print(
        f"  reviews(since=<start of today>) just after a save, long-100k: median "
        f"{results['reviews_today_after_save_ms']:.2f} ms, max {results['reviews_today_after_save_max_ms']:.2f} ms; "
        f"with today's file read again: {results['reviews_today_reread_ms']:.2f} ms; nothing changed since the "
        f"last call: {results['reviews_today_ms']:.2f} ms"
    )
    print(f"  a long day over an empty one (informative): {results['long_day_over_empty_day']:.2f}x")
    print(f"  first open of the {big:,} history (full replay): {results['first_open_100k_s']:.2f} s")
    for mb in (1, 2, 4, 8):
        print(
            f"  open with {mb} MB of garbage in today's log: {results[f'open_with_{mb}mb_garbage_s']:.3f} s; "
            f"salvage of {mb} MB of damaged store JSON: {results[f'salvage_{mb}mb_damaged_json_s']:.3f} s"
        )
    missed = []
    for name, goal in GOALS.items():
        value = results[name]
        ok = value <= goal
        missed += [] if ok else [name]
        print(f"{name}={value:.3f} (goal <= {goal}) {'ok' if ok else 'MISSED'}")
    if args.quick:
        print("(quick run: smaller sizes than the goals assume)")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
