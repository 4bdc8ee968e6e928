"""How fast notes load, against markdown-it itself.

    python benchmarks/parse.py CORPUS [--repeat N]

Measures in one run:

- ``mdit``: bare ``MarkdownIt('commonmark').parse`` of every note body (the files already in memory);
- ``cold``: ``load_library(CORPUS)`` with an empty parse cache: reading, hashing, parsing every file into
  sections and cards, and writing the cache;
- ``warm``: the same call again, with the cache full.

With ``--repeat N`` each is measured N times and the fastest kept (the machine may be shared). The last two
lines are the ratios ``extract_over_mdit`` (cold / mdit, goal ≤ 1.3) and ``warm_over_cold`` (goal ≤ 0.1).
"""

from __future__ import annotations

import argparse
import gc
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


def time_mdit(texts: list[str]) -> float:
    md = MarkdownIt("commonmark")
    gc.collect()
    start = time.perf_counter()
    for body in texts:
        md.parse(body)
    return time.perf_counter() - start


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

    mdit = cold = warm = float("inf")
    lib = None
    for _ in range(max(1, args.repeat)):
        mdit = min(mdit, time_mdit(texts))
        with tempfile.TemporaryDirectory(prefix="devday-bench-cache-") as cache:
            lib = None
            gc.collect()
            start = time.perf_counter()
            lib = load_library([args.corpus], cache_dir=Path(cache))
            cold = min(cold, time.perf_counter() - start)
            cards = len(lib.cards)
            lib = None
            gc.collect()
            start = time.perf_counter()
            lib = load_library([args.corpus], cache_dir=Path(cache))
            warm = min(warm, time.perf_counter() - start)
            assert len(lib.cards) == cards, "the warm load must give the same cards"
    assert lib is not None
    sections = sum(1 for n in lib.notes for _ in n.walk())
    print(f"loaded: {len(lib.notes)} notes, {sections} sections, {len(lib.cards)} cards, {len(lib.warnings)} warnings")
    print(f"mdit={mdit:.3f}s ({size / 1e6 / mdit:.1f} MB/s)")
    print(f"cold={cold:.3f}s")
    print(f"warm={warm:.3f}s")
    print(f"extract_over_mdit={cold / mdit:.3f}")
    print(f"warm_over_cold={warm / cold:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
