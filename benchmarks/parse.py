"""How fast notes load: the worker pool against one process, and the parser against markdown-it itself.

    python benchmarks/parse.py CORPUS [--repeat N] [--workers N]

Measures in one run (``CORPUS``: e.g. ``benchmarks/gen_corpus.py 2000 DIR``):

- ``mdit``: ``MarkdownIt('commonmark').parse`` of every note body, the files already in memory;
- ``mdit_block``: the same with markdown-it's inline stage off, as the parser runs it (it reads inline text
  itself): the honest baseline for what the parser adds;
- ``cold_one``: ``load_library(CORPUS, workers=0)`` with an empty parse cache, all in this process: reading,
  hashing, parsing every file into sections and cards, writing the cache;
- ``cold_pool``: the same with the worker pool (one worker per core), as the app's first load runs;
- ``warm``: the same call again with the cache full (no worker is started: nothing is parsed).

Every load runs inside ``startup_heap()``, as the app's first load does. Wall-clock and CPU time (of this process, user + system) are printed. Ratios of work done in this process
use CPU time: on a machine shared with other work, wall-clock time also counts the time this process waited
for a CPU, which says nothing about devday-tui. The pool's ratio must be wall-clock time (its work is in other
processes): run it on a quiet machine, and read it beside the load average printed with it.

Goals (exit status 1 when one is missed):

- ``pool_over_one`` (cold_pool / cold_one, wall) ≤ 0.6 with 2 cores;
- ``extract_over_mdit`` (cold_one / mdit, CPU) ≤ 1.3;
- ``warm_over_cold`` (warm / cold_one, CPU) ≤ 0.1.

Printed with no goal: ``extract_over_block_mdit`` (cold_one / mdit_block, CPU), how much the parser costs
beyond the markdown-it work it really does; ``pool_cpu_over_one``, the CPU time of this process and the workers
together over cold_one's, the cost of parallelism. On a machine whose cores are busy with other sessions (Linux
shares CPU between sessions, not processes, when ``sched_autogroup`` is on), a pool cannot be faster in wall
time, and ``pool_over_one`` measures the other sessions rather than devday-tui.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devday_tui.core.frontmatter import normalise_newlines, split_frontmatter  # noqa: E402
from devday_tui.library import load_library, startup_heap  # noqa: E402
from devday_tui.library.workers import cores  # noqa: E402

GOALS = {"pool_over_one": 0.6, "extract_over_mdit": 1.3, "warm_over_cold": 0.1}
INFO = {
    "extract_over_block_mdit": "markdown-it block-only is the honest baseline",
    "pool_cpu_over_one": "the pool's own cost: its wall time can reach this / workers when cores are free",
}


def bodies(corpus: Path) -> list[str]:
    out = []
    for p in sorted(corpus.rglob("*.md")):
        text = normalise_newlines(p.read_text(encoding="utf-8"))
        out.append(split_frontmatter(text, p).body)
    return out


class Timer:
    """Wall-clock and CPU seconds of a block of code."""

    def __enter__(self) -> "Timer":
        gc.collect()
        self.wall0, self.times0 = time.perf_counter(), os.times()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self.wall0
        times = os.times()
        self.user = times.user - self.times0.user
        self.system = times.system - self.times0.system
        self.cpu = self.user + self.system


class ChildCPU:
    """CPU seconds used by the processes this one starts (and theirs: the pool's workers are children of the
    forkserver), sampled from /proc every 20 ms while the block runs; a worker's last 20 ms may be missed."""

    def __enter__(self) -> "ChildCPU":
        self.used: dict[int, float] = {}
        self._stop = threading.Event()
        self._tick = os.sysconf("SC_CLK_TCK")
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.cpu = sum(self.used.values())

    def _descendants(self, pid: int) -> list[int]:
        try:
            children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            return []
        return children + [d for c in children for d in self._descendants(c)]

    def _sample(self) -> None:
        while not self._stop.is_set():
            for pid in self._descendants(os.getpid()):
                try:
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                except (OSError, IndexError):
                    continue
                self.used[pid] = max(self.used.get(pid, 0.0), (int(fields[11]) + int(fields[12])) / self._tick)
            self._stop.wait(0.02)


def time_mdit(texts: list[str], block_only: bool) -> Timer:
    md = MarkdownIt("commonmark")
    if block_only:
        md.disable(["inline", "text_join"])
    with Timer() as t:
        for body in texts:
            md.parse(body)
    return t


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, default=cores())
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"parse.py: {args.corpus}: no such folder (make one with benchmarks/gen_corpus.py)", file=sys.stderr)
        return 2
    texts = bodies(args.corpus)
    size = sum(len(t.encode()) for t in texts)
    print(f"corpus: {len(texts)} notes, {size / 1e6:.1f} MB of Markdown; {args.workers} workers on {cores()} cores")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    best: dict[str, tuple[float, float]] = {}

    def keep(name: str, t: Timer) -> None:
        wall, cpu = best.get(name, (float("inf"), float("inf")))
        best[name] = (min(wall, t.wall), min(cpu, t.cpu))

    lib = None
    pool_cpu = float("inf")
    cards: set[int] = set()
    for _ in range(max(1, args.repeat)):
        keep("mdit", time_mdit(texts, block_only=False))
        keep("mdit_block", time_mdit(texts, block_only=True))
        for name, workers in (("cold_one", 0), ("cold_pool", args.workers)):
            with tempfile.TemporaryDirectory(prefix="devday-bench-cache-") as cache:
                lib = None
                with ChildCPU() as children, Timer() as t, startup_heap():  # as the app loads
                    lib = load_library([args.corpus], cache_dir=Path(cache), workers=workers)
                keep(name, t)
                if workers:
                    pool_cpu = min(pool_cpu, t.cpu + children.cpu)
                cards.add(len(lib.cards))
                if name == "cold_one":
                    lib = None
                    with Timer() as t, startup_heap():
                        lib = load_library([args.corpus], cache_dir=Path(cache))
                    keep("warm", t)
                    cards.add(len(lib.cards))
    assert lib is not None
    assert len(cards) == 1, f"every load must give the same cards: {cards}"
    sections = sum(1 for n in lib.notes for _ in n.walk())
    print(f"loaded: {len(lib.notes)} notes, {sections} sections, {len(lib.cards)} cards, {len(lib.warnings)} warnings")
    for name in ("mdit", "mdit_block", "cold_one", "cold_pool", "warm"):
        wall, cpu = best[name]
        note = " (the workers' CPU time is not counted)" if name == "cold_pool" else ""
        print(f"{name}: wall={wall:.3f}s cpu={cpu:.3f}s ({size / 1e6 / wall:.1f} MB/s of wall time){note}")
    print(f"cold_pool CPU of this process and its workers together: {pool_cpu:.3f}s")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ratios = {
        "pool_over_one": best["cold_pool"][0] / best["cold_one"][0],
        "pool_cpu_over_one": pool_cpu / best["cold_one"][1],
        "extract_over_mdit": best["cold_one"][1] / best["mdit"][1],
        "extract_over_block_mdit": best["cold_one"][1] / best["mdit_block"][1],
        "warm_over_cold": best["warm"][1] / best["cold_one"][1],
    }
    units = {"pool_over_one": "wall", "warm_over_cold": "CPU"}
    missed = []
    for name, value in ratios.items():
        goal = GOALS.get(name)
        unit = units.get(name, "CPU")
        if goal is None:
            why = INFO[name]
            print(f"{name}={value:.3f} ({unit}; no goal: {why})")
            continue
        ok = value <= goal
        print(f"{name}={value:.3f} ({unit}; goal <= {goal}) {'ok' if ok else 'MISSED'}")
        if not ok:
            missed.append(name)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
