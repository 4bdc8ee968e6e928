"""Time from a grade key to the next card painted, with a year of review history on the studied deck, in one run.

A notes folder is generated (the bundled note and synthetic notes shaped like it, about 3,000 cards) with one
deck over all of it. The deck's cards get a review history on THIS machine's device (the id the app itself
uses), written as the store writes it: 250 answers a day over the days before today (100,000 reviews), plus a
long study day already under way (1,000 answers since 4 am in today's file). A previous session closed the
store, so its snapshot is there. The real app (``make_app``) is then started headless on that folder and data
directory, a study session of the deck is opened, and cards are answered through the keyboard: each time the
answer is revealed, a grade key is pressed and the clock runs until the frame showing the next card has been
rendered to terminal output. So saves append to today's long file, the queue and today's counts see today's
answers, and quitting writes the snapshot of every card.

A probe task on the UI's event loop sleeps 2 ms again and again: how late it wakes is how long the UI could not
react to a key (a stall), whether the UI thread was busy or a worker thread held the interpreter. Each stall is
recorded with the CPU time the process used meanwhile; a stall where the process used little CPU is the machine
(other processes), not the app. Garbage-collector pauses are recorded too.

A small history (1,000 reviews, nothing today) on the same deck is measured in alternating rounds, so that other
activity on the machine weighs on both alike.

    python benchmarks/answer_latency.py [--answers N] [--rounds R] [--quick] [--profile] [--no-fail]

Goals (printed beside each figure; the script exits 1 when one is missed, unless ``--no-fail``): with the large
history, p99 from grade key to next card painted under 50 ms, the longest UI stall while a save runs under 50
ms, and ``answer_100k_over_1k`` (median with the large history over median with the small one) at most 1.5.
``--profile`` prints where the UI thread and the save worker spend their time (cProfile).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import io
import json
import math
import os
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from contextlib import redirect_stdout
from dataclasses import dataclass, field
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

from textual._compositor import CompositorUpdate  # noqa: E402
from textual.app import App  # noqa: E402
from textual.screen import Screen  # noqa: E402

from benchmarks import gen_corpus  # noqa: E402
from devday_tui.cli import make_app  # noqa: E402
from devday_tui.core.scheduling import CardProgress, ReviewRecord, apply_review  # noqa: E402
from devday_tui.library import load_library  # noqa: E402
from devday_tui.quiz_session import QuizSession  # noqa: E402
from devday_tui.screens.quiz import QuizScreen  # noqa: E402
from devday_tui.store import Store  # noqa: E402
from devday_tui.store.paths import machine_device_id  # noqa: E402

#: The clock of the study session: 9 am, five hours into a study day that began at 4 am (UTC).
TODAY = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)
DAY_START = TODAY.replace(hour=4)
PER_DAY = 250
#: Grades given in turn; Again and Hard send cards back to learning, so the session mixes reviews and learning.
GRADES = ("3", "4", "3", "1", "3", "2", "3", "3")
GOAL_P99 = 0.050
GOAL_STALL = 0.050
GOAL_RATIO = 1.5
#: A deck for the last weeks before an exam: today's long day must not run out of cards at the daily limit.
DECK = """---
title: Exam deck
include: ["*.md"]
new_per_day: 20
reviews_per_day: 3000
desired_retention: 0.9
---
"""


@dataclass
class Size:
    name: str
    reviews: int  # before today
    today: int  # answers already given today
    data_dir: Path | None = None
    latencies: list[float] = field(default_factory=list)
    #: The kind of the card painted after each answer, beside its latency.
    kinds: list[str] = field(default_factory=list)
    save_stall: tuple[float, float] = (0.0, 0.0)  # (wall, process CPU in it)
    answer_stall: tuple[float, float] = (0.0, 0.0)
    any_stall: tuple[float, float] = (0.0, 0.0)
    gc_pause: tuple[float, float, int] = (0.0, 0.0, -1)  # (wall, CPU of the collecting thread, generation)
    gc_runs: list[int] = field(default_factory=lambda: [0, 0, 0])  # collections of each generation while answering
    gc_wall: float = 0.0  # wall time in them
    full_gc: tuple[float, int] = (0.0, 0)  # (CPU of a full collection with nothing to free, objects walked)
    saves: list[float] = field(default_factory=list)
    quit: list[float] = field(default_factory=list)
    history: int = 0
    today_file: int = 0
    frozen: int = 0  # objects the app froze out of the garbage collector's reach
    counts: tuple[int, int, int] = (0, 0, 0)
    layouts: int = 0  # layouts of the whole quiz screen while answering (grades and reveals)
    paints: int = 0  # frames of the quiz screen sent to the terminal meanwhile
    cycles: int = 0  # reveal-and-grade cycles they were counted over
    loads: list[float] = field(default_factory=list)  # the 1-minute load average before and after each run


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


# ------------------------------------------------------------------------------------------------- the data


def make_notes(root: Path, generated: int) -> list[Path]:
    """The bundled note and ``generated`` synthetic ones in one folder, and a deck over all of them."""
    notes, decks = root / "notes", root / "decks"
    with redirect_stdout(io.StringIO()):
        gen_corpus.main([str(generated), str(notes)])
    for bundled in (ROOT / "notes").glob("*.md"):
        shutil.copy(bundled, notes / bundled.name)
    decks.mkdir()
    (decks / "exam.md").write_text(DECK, encoding="utf-8")
    return [notes, decks]


def _write_log(path: Path, docs: dict[str, dict]) -> None:
    """A history file in the store's format (a TinyDB table ``log`` and the format version)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"_meta": {"1": {"schema": 1, "app": "devday-tui"}}, "log": docs}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def write_history(data_dir: Path, device: str, card_ids: list[str], reviews: int, today: int, seed: int) -> int:
    """``reviews`` answers of ``device``, ``PER_DAY`` a day up to yesterday, then ``today`` answers since the start
    of today, over the first nine tenths of ``card_ids`` (the rest stays new), with valid fsrs states. Returns the
    number of cards studied."""
    rng = random.Random(seed)
    studied = card_ids[: max(1, len(card_ids) * 9 // 10)]
    progress: dict[str, CardProgress] = {}
    log_dir = data_dir / "devices" / device / "log"

    def day(start: datetime, count: int, gap: tuple[int, int]) -> None:
        docs: dict[str, dict] = {}
        moment = start
        for _ in range(count):
            cid = rng.choice(studied)
            before = progress.get(cid)
            rating = rng.choices((1, 2, 3, 4), (10, 10, 70, 10))[0]
            progress[cid] = apply_review(before, cid, rating, moment)
            rid = f"{int(moment.timestamp() * 1000):012x}{rng.getrandbits(80):020x}"  # the store's id format
            record = ReviewRecord(
                rid, cid, rating, moment, rng.uniform(2, 15), device, before.state if before else "new"
            )
            docs[str(len(docs) + 1)] = record.to_dict()
            moment += timedelta(seconds=rng.randint(*gap))
        _write_log(log_dir / f"{start.date().isoformat()}.json", docs)

    days = -(-reviews // PER_DAY)
    first = TODAY.replace(hour=7) - timedelta(days=days)
    for n in range(days):
        day(first + timedelta(days=n), min(PER_DAY, reviews - n * PER_DAY), (5, 60))
    if today:
        step = max(2, int((TODAY - DAY_START).total_seconds() * 0.9 / today))  # all of them before the clock
        day(DAY_START, today, (step - 1, step + 1))
    return len(progress)


def prepare(size: Size, paths: list[Path], card_ids: list[str], device: str) -> None:
    t = time.perf_counter()
    data_dir = _TMP / f"data-{size.name}"
    studied = write_history(data_dir, device, card_ids, size.reviews, size.today, seed=size.reviews)
    size.history = size.reviews + size.today
    # The previous session of this device closed the store: the snapshot of every card is there.
    with Store.open(data_dir, device_id=device, now=TODAY - timedelta(minutes=5)):
        pass
    size.data_dir = data_dir
    print(
        f"{size.name}: {size.reviews:,} reviews before today and {size.today:,} today over {studied:,} of "
        f"{len(card_ids):,} cards, written and replayed in {time.perf_counter() - t:.1f} s",
        file=sys.stderr,
    )


# ------------------------------------------------------------------------------------------------ measuring


async def wait_until(pilot, condition, timeout: float = 120.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        await pilot.pause(0.005)


async def loop_probe(samples: list[tuple[float, float, float]], stop: asyncio.Event) -> None:
    """(start, stall, process CPU during it) of each 2 ms sleep: when the UI could not react, and for how long."""
    while not stop.is_set():
        t, cpu = time.perf_counter(), time.process_time()
        await asyncio.sleep(0.002)
        samples.append((t, time.perf_counter() - t - 0.002, time.process_time() - cpu))


def worst_overlapping(samples, spans) -> tuple[float, float]:
    """The longest stall (and the CPU used in it) that overlaps one of ``spans``."""
    worst = (0.0, 0.0)
    spans = sorted(spans)
    for start, gap, cpu in samples:
        end = start + gap + 0.002
        if gap > worst[0] and any(start < s_end and end > s_start for s_start, s_end in spans):
            worst = (gap, cpu)
    return worst


class Profiles:
    """cProfile of the UI thread during the answers, and of every save in the worker thread."""

    def __init__(self) -> None:
        self.ui = cProfile.Profile()
        self.save = cProfile.Profile()
        self.lock = threading.Lock()

    def report(self) -> None:
        for name, prof in (("UI thread (event loop) while answering", self.ui), ("save worker", self.save)):
            out = io.StringIO()
            stats = pstats.Stats(prof, stream=out).strip_dirs()
            print(f"\n=== {name}: by own time ===", file=out)
            stats.sort_stats("tottime").print_stats(18)
            print(f"=== {name}: by cumulative time ===", file=out)
            stats.sort_stats("cumulative").print_stats(25)
            print(out.getvalue(), file=sys.stderr)


async def answer_cards(size: Size, paths: list[Path], answers: int, clock: Clock, profiles: Profiles | None) -> None:
    """Open the app on ``size``'s data and answer up to ``answers`` cards, recording into ``size``."""
    app = make_app(paths, data_dir=size.data_dir, cache_dir=_TMP / "cache", clock=clock, watch=False)
    saves: list[tuple[float, float]] = []
    answering: list[tuple[float, float]] = []
    painted: list[float] = []
    waiting_for: list[int] = []  # cards_shown that the next painted frame must exceed
    gc_pauses: list[tuple[float, float, int]] = []
    gc_started: list[float] = []
    answered_gcs = 0
    original_save = QuizSession.save_answer
    original_display = App._display
    original_layout = Screen._refresh_layout
    counting = [False]  # while answering
    layouts = [0]
    paints = [0]

    def save_answer(session, *args, **kwargs):
        t = time.perf_counter()
        try:
            if profiles is None:
                return original_save(session, *args, **kwargs)
            with profiles.lock:
                profiles.save.enable()
                try:
                    return original_save(session, *args, **kwargs)
                finally:
                    profiles.save.disable()
        finally:
            saves.append((t, time.perf_counter()))

    def display(self, screen, renderable):
        original_display(self, screen, renderable)
        if not isinstance(screen, QuizScreen) or renderable is None:
            return
        if counting[0]:
            paints[0] += 1
        if waiting_for and screen.state == "front" and screen.cards_shown > waiting_for[-1]:
            if self.is_headless and isinstance(renderable, CompositorUpdate):
                renderable.render_segments(self.console)  # what a terminal would be sent
            painted.append(time.perf_counter())
            waiting_for.clear()

    def on_gc(phase: str, info: dict) -> None:
        if phase == "start":
            gc_started[:] = [time.perf_counter(), time.thread_time()]
        elif gc_started:
            gc_pauses.append(
                (time.perf_counter() - gc_started[0], time.thread_time() - gc_started[1], info.get("generation", -1))
            )

    original_layout = Screen._refresh_layout

    def refresh_layout(self, *args, **kwargs):
        if counting[0] and isinstance(self, QuizScreen):
            layouts[0] += 1
        return original_layout(self, *args, **kwargs)

    QuizSession.save_answer = save_answer  # type: ignore[method-assign]
    App._display = display  # type: ignore[method-assign]
    Screen._refresh_layout = refresh_layout  # type: ignore[method-assign]
    gc.callbacks.append(on_gc)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(
                pilot, lambda: app.library is not None and app.store is not None and not app.loading, what="loading"
            )
            size.today_file = len(app.store.reviews(since=DAY_START))  # what the queue reads too
            deck = next(d for d in app.library.decks if d.key == "exam")
            app.start_study(deck.key)
            await wait_until(
                pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.state == "front", what="the first card"
            )
            screen = app.screen
            size.counts = tuple(screen.session.counts(clock()))
            samples: list[tuple[float, float, float]] = []
            stop = asyncio.Event()
            probe = asyncio.create_task(loop_probe(samples, stop))
            if profiles is not None:
                profiles.ui.enable()
            counting[0] = True
            for n in range(answers):
                if screen.state == "waiting":
                    await pilot.press("space")  # study the learning card now
                await pilot.press("enter")
                await wait_until(pilot, lambda: screen.state == "back", what="the answer")
                clock.now += timedelta(seconds=20)
                await pilot.pause()
                before = len(painted)
                waiting_for[:] = [screen.cards_shown]
                t0 = time.perf_counter()
                await pilot.press(GRADES[n % len(GRADES)])
                await wait_until(
                    pilot, lambda: len(painted) > before or screen.state in ("waiting", "done"), what="the next card"
                )
                waiting_for.clear()
                if len(painted) > before:
                    size.latencies.append(painted[-1] - t0)
                    size.kinds.append(screen.card.kind if screen.card is not None else "?")
                    answering.append((t0, painted[-1]))
                size.cycles += 1
                if screen.state == "done":
                    break
            await pilot.pause(0.1)  # the frames that follow the last card
            counting[0] = False
            size.layouts, size.paints = layouts[0], paints[0]
            if profiles is not None:
                profiles.ui.disable()
            stop.set()
            await probe
            # What a full collection costs with the session's objects alive and no garbage: the walk alone.
            answered_gcs = len(gc_pauses)
            gc.collect()
            cpu = time.thread_time()
            gc.collect()
            size.full_gc = (time.thread_time() - cpu, len(gc.get_objects()))
            size.frozen = gc.get_freeze_count()
            t = time.perf_counter()
            app.close_store()  # what quitting does: the snapshot of every card is written
            size.quit.append(time.perf_counter() - t)
    finally:
        QuizSession.save_answer = original_save  # type: ignore[method-assign]
        App._display = original_display  # type: ignore[method-assign]
        Screen._refresh_layout = original_layout  # type: ignore[method-assign]
        gc.callbacks.remove(on_gc)
    size.saves += [end - start for start, end in saves]
    size.save_stall = max(size.save_stall, worst_overlapping(samples, saves))
    size.answer_stall = max(size.answer_stall, worst_overlapping(samples, answering))
    size.any_stall = max(size.any_stall, max(((g, c) for _, g, c in samples), default=(0.0, 0.0)))
    size.gc_pause = max(size.gc_pause, max(gc_pauses[:answered_gcs], default=(0.0, 0.0, -1)))
    for wall, _cpu, generation in gc_pauses[:answered_gcs]:
        size.gc_runs[generation] += 1
        size.gc_wall += wall


# ------------------------------------------------------------------------------------------------ reporting


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(len(ordered) * q) - 1))] if ordered else float("nan")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report(size: Size) -> None:
    lat = size.latencies
    new, learning, due = size.counts
    print(
        f"{size.name}: {size.history:,} reviews in the history, {size.today_file:,} of them today; the session "
        f"began with {due:,} due, {learning:,} learning, {new:,} new"
    )
    print(
        f"  grade key to next card painted, {len(lat)} answers: p50 {ms(percentile(lat, 0.5))}, "
        f"p95 {ms(percentile(lat, 0.95))}, p99 {ms(percentile(lat, 0.99))}, max {ms(max(lat))}"
    )
    if size.kinds:
        slowest = sorted(zip(lat, size.kinds), reverse=True)[:5]
        print("  slowest answers, by the kind of card shown next: " + ", ".join(f"{ms(t)} {k}" for t, k in slowest))
        by_kind: dict[str, list[float]] = {}
        for t, k in zip(lat, size.kinds):
            by_kind.setdefault(k, []).append(t)
        print(
            "  by the kind of card shown next (median, max): "
            + ", ".join(
                f"{k} {ms(statistics.median(ts))}, {ms(max(ts))} ({len(ts)})" for k, ts in sorted(by_kind.items())
            )
        )
    print(
        f"  save in the worker: median {ms(statistics.median(size.saves))}, max {ms(max(size.saves))}; "
        f"quit (snapshot written) {ms(max(size.quit))}"
    )
    for what, (gap, cpu) in (
        ("while a save runs", size.save_stall),
        ("between key and painted card", size.answer_stall),
        ("at any time", size.any_stall),
    ):
        print(f"  longest UI stall {what}: {ms(gap)} (this process used {ms(cpu)} of CPU meanwhile)")
    wall, cpu, generation = size.gc_pause
    print(
        f"  longest garbage-collector pause while answering: {ms(wall)} ({ms(cpu)} of CPU, generation "
        f"{generation}); a full collection with no garbage: {ms(size.full_gc[0])} of CPU walking "
        f"{size.full_gc[1]:,} objects ({size.frozen:,} frozen)"
    )
    young, middle, full = size.gc_runs
    print(f"  collections while answering: {young} young, {middle} middle, {full} full, {ms(size.gc_wall)} in all")
    cycles = max(1, size.cycles)
    print(
        f"  per card (its answer shown, then graded): {size.layouts / cycles:.1f} layouts of the whole screen, "
        f"{size.paints / cycles:.1f} frames painted"
    )
    print(f"  load average while it ran: {load_range(size)}")


def load_range(size: Size) -> str:
    """The 1-minute load average over ``size``'s runs (other processes on the machine weigh on every figure)."""
    if not size.loads:
        return "?"
    return f"{min(size.loads):.2f}-{max(size.loads):.2f} on {os.cpu_count()} CPUs"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=60, help="answers timed per round and history size")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds")
    parser.add_argument("--quick", action="store_true", help="a small sanity run (10,000 reviews, a few answers)")
    parser.add_argument("--profile", action="store_true", help="print cProfile figures of the large history's runs")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 even when a goal is missed")
    args = parser.parse_args()
    if args.quick:
        generated, large, answers, rounds = 10, Size("large", 10_000, 200), min(args.answers, 12), 1
    else:
        generated, large, answers, rounds = 40, Size("large", 100_000, 1_000), args.answers, args.rounds
    small = Size("small", 1_000, 0)
    profiles = Profiles() if args.profile else None
    load = os.getloadavg()
    try:
        paths = make_notes(_TMP, generated)
        library = load_library(paths, cache_dir=_TMP / "cache")
        card_ids = [c.id for c in next(d for d in library.decks if d.key == "exam").cards]
        del library  # the app loads its own; this one must not weigh on its garbage collector
        device = machine_device_id()  # the id the app will use: the history is this machine's own
        for size in (small, large):
            prepare(size, paths, card_ids, device)
        os.sync()
        for r in range(rounds):
            for size in (small, large):
                # Each round starts from the same history, and from the same moment of the day.
                data_dir = _TMP / f"round{r}-{size.name}"
                shutil.copytree(size.data_dir, data_dir)
                run = Size(size.name, size.reviews, size.today, data_dir)
                run.loads.append(os.getloadavg()[0])
                asyncio.run(
                    answer_cards(
                        run, paths, answers, Clock(TODAY + timedelta(minutes=r)), profiles if size is large else None
                    )
                )
                run.loads.append(os.getloadavg()[0])
                size.latencies += run.latencies
                size.kinds += run.kinds
                size.saves += run.saves
                size.quit += run.quit
                size.save_stall = max(size.save_stall, run.save_stall)
                size.answer_stall = max(size.answer_stall, run.answer_stall)
                size.any_stall = max(size.any_stall, run.any_stall)
                size.gc_pause = max(size.gc_pause, run.gc_pause)
                size.gc_runs = [a + b for a, b in zip(size.gc_runs, run.gc_runs)]
                size.gc_wall += run.gc_wall
                size.today_file, size.counts, size.frozen = run.today_file, run.counts, run.frozen
                size.full_gc = max(size.full_gc, run.full_gc)
                size.layouts += run.layouts
                size.paints += run.paints
                size.cycles += run.cycles
                size.loads += run.loads
                shutil.rmtree(data_dir, ignore_errors=True)
    finally:
        shutil.rmtree(_TMP, ignore_errors=True)
    load_after = os.getloadavg()
    print(
        f"{len(card_ids):,} cards in the deck; load average (1, 5, 15 minutes) {load[0]:.2f} {load[1]:.2f} "
        f"{load[2]:.2f} before, {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f} after ({os.cpu_count()} CPUs)"
    )
    report(small)
    report(large)
    if profiles is not None:
        profiles.report()
    stall = large.save_stall[0]
    ratio = statistics.median(large.latencies) / statistics.median(small.latencies)
    # The goal is for the p99; p50 and p95 are below it when it is met, and are shown against the same line.
    goals = [
        (f"answer_p{q}_ms={value * 1000:.1f}", f"goal < {GOAL_P99 * 1000:.0f}", value < GOAL_P99)
        for q, value in ((50, percentile(large.latencies, 0.5)), (95, percentile(large.latencies, 0.95)))
    ]
    p99 = percentile(large.latencies, 0.99)
    goals += [
        (f"answer_p99_ms={p99 * 1000:.1f}", f"goal < {GOAL_P99 * 1000:.0f}", p99 < GOAL_P99),
        (f"save_stall_ms={stall * 1000:.1f}", f"goal < {GOAL_STALL * 1000:.0f}", stall < GOAL_STALL),
        (f"answer_{large.reviews // 1000}k_over_1k={ratio:.2f}", f"goal <= {GOAL_RATIO}", ratio <= GOAL_RATIO),
    ]
    for figure, goal, ok in goals:
        print(f"{figure}  ({goal}: {verdict(ok)}; load {load_range(large)})")
    missed = [figure for figure, _goal, ok in goals if not ok]
    if missed and not args.no_fail:
        print(f"goal missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
