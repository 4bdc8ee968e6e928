"""The peak memory of loading one dense note (a 50 MB wall of ``term: definition`` lines by default).

    python benchmarks/note_memory.py [--mb 50] [--workers N]

Such a note once made 1.37 million cards and took 5.35 GB. Loading keeps at most 5,000 cards of a note and
parses at most a few million characters of it at once. The note is generated in a temporary folder and loaded
in a child process; the peak resident memory (VmHWM) of that process and of every worker process it starts is
read from /proc while it runs. Goal: no process above 600 MB (exit status 1 otherwise).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_MB = 600
ROOT = Path(__file__).resolve().parent.parent

_LOAD = """
import sys, time
from pathlib import Path
from devday_tui.library import load_library
if __name__ == "__main__":
    start = time.perf_counter()
    workers = None if sys.argv[3] == "auto" else int(sys.argv[3])
    lib = load_library([Path(sys.argv[1])], cache_dir=Path(sys.argv[2]), workers=workers)
    print(f"loaded in {time.perf_counter() - start:.1f}s: {len(lib.notes)} notes, {len(lib.cards):,} cards")
    for w in lib.warnings:
        print("warning:", w)
"""


def dense_note(path: Path, megabytes: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("---\ntitle: Dense\n---\n")
        written = i = 0
        while written < megabytes * 1_000_000:
            if i % 200 == 0:
                line = f"\n## Section {i // 200}\n\n"
            else:
                line = f"- term{i}: definition number {i}\n"
            fh.write(line)
            written += len(line)
            i += 1


def tree(pid: int) -> set[int]:
    """``pid`` and its descendants."""
    out = {pid}
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return out
    for child in children:
        out |= tree(int(child))
    return out


def peak_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--workers", default="auto")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="devday-dense-") as tmp:
        notes = Path(tmp) / "notes"
        notes.mkdir()
        dense_note(notes / "dense.md", args.mb)
        size = (notes / "dense.md").stat().st_size
        script = Path(tmp) / "load.py"
        script.write_text(_LOAD, encoding="utf-8")
        child = subprocess.Popen(
            [sys.executable, str(script), str(notes), str(Path(tmp) / "cache"), args.workers],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            text=True,
        )
        peaks: dict[int, float] = {}
        names: dict[int, str] = {}
        while child.poll() is None:
            for pid in tree(child.pid):
                mb = peak_mb(pid)
                if mb is not None:
                    peaks[pid] = max(peaks.get(pid, 0.0), mb)
                    if pid not in names:
                        try:
                            names[pid] = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:60].decode()
                        except OSError:
                            names[pid] = "?"
            time.sleep(0.02)
        output = child.stdout.read() if child.stdout else ""
    print(f"note: {size / 1e6:.1f} MB; workers: {args.workers}")
    print(output.rstrip())
    for pid, mb in sorted(peaks.items(), key=lambda kv: -kv[1]):
        role = "loading process" if pid == child.pid else "helper"
        print(f"peak {mb:7.1f} MB  {role}  {names.get(pid, '')}")
    worst = max(peaks.values(), default=0.0)
    ok = child.returncode == 0 and worst <= GOAL_MB
    print(f"peak_mb={worst:.0f} (goal <= {GOAL_MB}) {'ok' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
