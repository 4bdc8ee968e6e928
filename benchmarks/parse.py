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

``extract_over_block_mdit`` (cold_one / mdit_block, CPU) is printed with no goal: it says how much the parser
costs beyond the markdown-it work it really does.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devday_tui.core.frontmatter import normalise_newlines, split_frontmatter  # noqa: E402
from devday_tui.library import load_library, startup_heap  # noqa: E402
from devday_tui.library.workers import cores  # noqa: E402

GOALS = {"pool_over_one": 0.6, "extract_over_mdit": 1.3, "warm_over_cold": 0.1}


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
    cards: set[int] = set()
    for _ in range(max(1, args.repeat)):
        keep("mdit", time_mdit(texts, block_only=False))
        keep("mdit_block", time_mdit(texts, block_only=True))
        for name, workers in (("cold_one", 0), ("cold_pool", args.workers)):
            with tempfile.TemporaryDirectory(prefix="devday-bench-cache-") as cache:
                lib = None
                with Timer() as t, startup_heap():  # as the app loads
                    lib = load_library([args.corpus], cache_dir=Path(cache), workers=workers)
                keep(name, t)
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
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ratios = {
        "pool_over_one": best["cold_pool"][0] / best["cold_one"][0],
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
            print(f"{name}={value:.3f} ({unit}; no goal: markdown-it block-only is the honest baseline)")
            continue
        ok = value <= goal
        print(f"{name}={value:.3f} ({unit}; goal <= {goal}) {'ok' if ok else 'MISSED'}")
        if not ok:
            missed.append(name)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
