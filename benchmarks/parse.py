"""How fast notes load, against markdown-it itself.

    python benchmarks/parse.py CORPUS [--repeat N]

Measures in one run:

- ``mdit``: bare ``MarkdownIt('commonmark').parse`` of every note body (the files already in memory);
- ``cold``: ``load_library(CORPUS)`` with an empty parse cache: reading, hashing, parsing every file into
  sections and cards, and writing the cache;
- ``warm``: the same call again, with the cache full.

Both wall-clock and CPU time (of this process, user + system) are printed. The ratios use CPU time: on a
machine shared with other work, wall-clock time also counts the time this process waited for a CPU, which says
nothing about devday-tui. With ``--repeat N`` each is measured N times and the fastest kept. The last two lines
are the ratios ``extract_over_mdit`` (cold / mdit, goal ≤ 1.3) and ``warm_over_cold`` (goal ≤ 0.1).
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
from devday_tui.library import load_library  # noqa: E402


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


def time_mdit(texts: list[str]) -> Timer:
    md = MarkdownIt("commonmark")
    with Timer() as t:
        for body in texts:
            md.parse(body)
    return t


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"parse.py: {args.corpus}: no such folder (make one with benchmarks/gen_corpus.py)", file=sys.stderr)
        return 2
    texts = bodies(args.corpus)
    size = sum(len(t.encode()) for t in texts)
    print(f"corpus: {len(texts)} notes, {size / 1e6:.1f} MB of Markdown")

    best: dict[str, tuple[float, float]] = {}
    split: dict[str, tuple[float, float]] = {}

    def keep(name: str, t: Timer) -> None:
        wall, cpu = best.get(name, (float("inf"), float("inf")))
        if t.cpu < cpu:
            split[name] = (t.user, t.system)
        best[name] = (min(wall, t.wall), min(cpu, t.cpu))

    lib = None
    for _ in range(max(1, args.repeat)):
        keep("mdit", time_mdit(texts))
        with tempfile.TemporaryDirectory(prefix="devday-bench-cache-") as cache:
            lib = None
            with Timer() as t:
                lib = load_library([args.corpus], cache_dir=Path(cache))
            keep("cold", t)
            cards = len(lib.cards)
            lib = None
            with Timer() as t:
                lib = load_library([args.corpus], cache_dir=Path(cache))
            keep("warm", t)
            assert len(lib.cards) == cards, "the warm load must give the same cards"
    assert lib is not None
    sections = sum(1 for n in lib.notes for _ in n.walk())
    print(f"loaded: {len(lib.notes)} notes, {sections} sections, {len(lib.cards)} cards, {len(lib.warnings)} warnings")
    for name in ("mdit", "cold", "warm"):
        wall, cpu = best[name]
        user, system = split[name]
        print(
            f"{name}: wall={wall:.3f}s cpu={cpu:.3f}s (user {user:.2f}s, system {system:.2f}s;"
            f" {size / 1e6 / cpu:.1f} MB/s of CPU)"
        )
    print(f"wall ratios: extract_over_mdit={best['cold'][0] / best['mdit'][0]:.3f} "
          f"warm_over_cold={best['warm'][0] / best['cold'][0]:.3f}")
    print(f"extract_over_mdit={best['cold'][1] / best['mdit'][1]:.3f}")
    print(f"warm_over_cold={best['warm'][1] / best['cold'][1]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
