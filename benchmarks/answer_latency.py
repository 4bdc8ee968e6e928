"""Time from a grade key to the next card on screen, with 1,000 and with 100,000 reviews of history, in one run.

For each size a data directory gets a review history written as the store writes it (250 answers a day on the
days before today, on another device, as if synced from a second machine, over 300 or 3,000 cards of other
notes). Then the real app is started headless on the bundled notes and deck with that data directory, a study
session is opened, and cards are answered: each time, the answer is revealed, then a grade key is pressed and
the clock runs until the next card has been painted (``call_after_refresh`` after the card is shown). The save
itself (durable: temp file, fsync, rename, fsync of the folder) happens in a worker thread; a probe measures
the longest stall of the UI's event loop while a save runs (it should stay under a frame), and at any time
(painting the next card, Python's garbage collector).

The two sizes are measured in alternating rounds so that other activity on the machine weighs on both alike.

    python benchmarks/answer_latency.py [--answers N] [--rounds R]

Last line: ``answer_100k_over_1k=<median with 100k / median with 1k>`` (goal: at most 1.5).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_TMP = Path(tempfile.mkdtemp(prefix="devday-answer-bench-"))
# Keep the benchmark away from the real user folders (the app's device id lives in the state folder).
for _var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_TMP / _var.lower())
os.environ.pop("DEVDAY_TUI_DATA", None)
os.environ["TZ"] = "UTC"
time.tzset()

from devday_tui.cli import make_app  # noqa: E402
from devday_tui.quiz_session import QuizSession  # noqa: E402
from devday_tui.screens.quiz import QuizScreen  # noqa: E402
from devday_tui.store import Store  # noqa: E402
from benchmarks import store as store_bench  # noqa: E402

TODAY = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)
HISTORY_DEVICE = "desktop"
NOTES = ROOT / "notes"
DECKS = ROOT / "decks"
#: Grades given in turn; Again and Hard send cards back to learning, so the session mixes new and learning cards.
GRADES = ("3", "4", "3", "1", "3", "2", "3", "3")


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def write_history(data_dir: Path, reviews: int, cards: int, seed: int) -> None:
    """``reviews`` answers over ``cards`` cards of another note, spread over the days up to yesterday."""
    store_bench.write_history(data_dir, reviews, cards, seed, device=HISTORY_DEVICE, prefix="other-note-card-")


async def wait_until(pilot, condition, timeout: float = 120.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        await pilot.pause(0.01)


async def loop_probe(stalls: list[tuple[float, float]], stop: asyncio.Event) -> None:
    """Record how late the event loop runs a 2 ms sleep (start, stall): when the UI could not react, and how long."""
    while not stop.is_set():
        t = time.perf_counter()
        await asyncio.sleep(0.002)
        stalls.append((t, time.perf_counter() - t - 0.002))


def stall_during(stalls: list[tuple[float, float]], spans: list[tuple[float, float]]) -> float:
    """The longest stall that overlaps one of ``spans`` (the saves)."""
    worst = 0.0
    for start, gap in stalls:
        end = start + gap + 0.002
        if any(start < s_end and end > s_start for s_start, s_end in spans):
            worst = max(worst, gap)
    return worst


async def answer_cards(data_dir: Path, answers: int, clock: Clock) -> tuple[list[float], float, float, int]:
    """Open the app on ``data_dir`` and answer ``answers`` cards: the latencies, the worst loop stall while a
    save runs and at any time, and the size of the history."""
    app = make_app([NOTES, DECKS], data_dir=data_dir, cache_dir=_TMP / "cache", clock=clock, watch=False)
    latencies: list[float] = []
    painted: list[float] = []
    saves: list[tuple[float, float]] = []
    original = QuizScreen._show_card
    original_save = QuizSession.save_answer

    def show_card(screen, card):
        original(screen, card)
        screen.call_after_refresh(lambda: painted.append(time.perf_counter()))

    def save_answer(session, *args, **kwargs):
        t = time.perf_counter()
        try:
            return original_save(session, *args, **kwargs)
        finally:
            saves.append((t, time.perf_counter()))

    QuizScreen._show_card = show_card  # type: ignore[method-assign]
    QuizSession.save_answer = save_answer  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: app.library is not None and app.store is not None and not app.loading, what="loading")
            history = len(app.store.reviews())
            app.start_study(app.library.decks[0].key)
            await wait_until(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front", what="quiz")
            screen = app.screen
            stalls: list[tuple[float, float]] = []
            stop = asyncio.Event()
            probe = asyncio.create_task(loop_probe(stalls, stop))
            for n in range(answers):
                if screen.state == "waiting":
                    await pilot.press("space")  # study the learning card now
                await pilot.press("enter")
                await wait_until(pilot, lambda: screen.state == "back", what="reveal")
                clock.now += timedelta(seconds=20)
                await pilot.pause()
                before = len(painted)
                t0 = time.perf_counter()
                await pilot.press(GRADES[n % len(GRADES)])
                await wait_until(pilot, lambda: len(painted) > before or screen.state in ("waiting", "done"), what="next card")
                if len(painted) > before:
                    latencies.append(painted[-1] - t0)
                if screen.state == "done":
                    break
            stop.set()
            await probe
            app.store.close()
    finally:
        QuizScreen._show_card = original  # type: ignore[method-assign]
        QuizSession.save_answer = original_save  # type: ignore[method-assign]
    return latencies, stall_during(stalls, saves), max((g for _, g in stalls), default=0.0), history


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=25, help="answers timed per round and history size")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds")
    args = parser.parse_args()
    sizes = ((1_000, 300), (100_000, 3_000))
    results = {n: {"times": [], "save_stall": 0.0, "stall": 0.0, "history": 0} for n, _ in sizes}
    try:
        prepared: dict[int, Path] = {}
        for reviews, cards in sizes:
            t = time.perf_counter()
            data_dir = _TMP / f"h{reviews}"
            write_history(data_dir, reviews, cards, seed=reviews)
            with Store.open(data_dir, device_id=HISTORY_DEVICE, now=TODAY):
                pass  # the other machine has opened it once: its snapshot is there
            prepared[reviews] = data_dir
            print(f"history of {reviews:,} reviews written and replayed in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        os.sync()
        for r in range(args.rounds):
            for reviews, _ in sizes:
                # Each round starts from the same history, and from the same moment of the day.
                data_dir = _TMP / f"round{r}-h{reviews}"
                shutil.copytree(prepared[reviews], data_dir)
                clock = Clock(TODAY + timedelta(hours=r))
                times, save_stall, stall, history = asyncio.run(answer_cards(data_dir, args.answers, clock))
                res = results[reviews]
                res["times"] += times
                res["save_stall"] = max(res["save_stall"], save_stall)
                res["stall"] = max(res["stall"], stall)
                res["history"] = history
    finally:
        shutil.rmtree(_TMP, ignore_errors=True)
    for reviews, _ in sizes:
        res = results[reviews]
        times = sorted(res["times"])
        res["median"] = statistics.median(times)
        print(
            f"history {res['history']:>7,} reviews: grade key to next card painted, {len(times)} answers: "
            f"median {res['median'] * 1000:.1f} ms, p95 {times[max(0, int(len(times) * 0.95) - 1)] * 1000:.1f} ms, "
            f"max {times[-1] * 1000:.1f} ms; longest UI stall while a save runs {res['save_stall'] * 1000:.1f} ms, "
            f"at any time {res['stall'] * 1000:.1f} ms"
        )
    small, large = results[1_000], results[100_000]
    print(f"answer_100k_over_1k={large['median'] / small['median']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
