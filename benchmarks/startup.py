"""Time to first paint and to cards on screen, in a real pseudo-terminal, against a bare Textual app.

    python benchmarks/startup.py CORPUS [--runs N]

CORPUS is a folder of notes (``benchmarks/gen_corpus.py 2000 CORPUS`` makes one). Each run starts a fresh
process on a 100×30 pty and reads what it draws:

- hello: a Textual app showing one Static, until "Hello" is on screen;
- devday-tui cold: empty parse cache, until the home screen paints, then until the deck row shows its counts;
- devday-tui warm: the same with the parse cache filled by an earlier run.

It prints the medians, the peak RSS of devday-tui with the corpus loaded, and last the line
``first_paint_over_hello=<ratio>`` (warm first paint over hello's).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

HELLO = """
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("Hello")

Hello().run()
"""

ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def run_in_pty(
    argv: list[str], env: dict[str, str], marks: list[str], timeout: float = 120.0
) -> tuple[list[float], int]:
    """Start ``argv`` on a 100×30 pty; return the seconds until each of ``marks`` appears, and peak RSS in kB."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    start = time.perf_counter()
    seen = ""
    times: list[float] = []
    peak_kb = 0
    try:
        while len(times) < len(marks):
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{argv!r}: {marks[len(times)]!r} not seen in {timeout}s")
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                # Spaces may be drawn as cursor moves, so compare without white space.
                seen += "".join(ANSI.sub("", chunk.decode("utf-8", "replace")).split())
                seen = seen[-200_000:]
                while len(times) < len(marks) and "".join(marks[len(times)].split()) in seen:
                    times.append(time.perf_counter() - start)
        peak_kb = _peak_rss_kb(pid)
    finally:
        os.kill(pid, signal.SIGTERM)
        deadline = time.time() + 5
        while time.time() < deadline:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
            done, _status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.02)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    if len(times) < len(marks):
        raise RuntimeError(f"{argv!r} ended before {marks[len(times)]!r} appeared")
    return times, peak_kb


def _peak_rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"startup.py: {args.corpus} is not a folder (make one with benchmarks/gen_corpus.py)", file=sys.stderr)
        return 2
    notes = sum(1 for _ in args.corpus.rglob("*.md"))
    python = sys.executable
    scratch = Path(tempfile.mkdtemp(prefix="devday-startup-"))
    base_env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor", COLUMNS="100", LINES="30")
    base_env.pop("TEXTUAL", None)

    def hello_run() -> float:
        (t,), _ = run_in_pty([python, "-c", HELLO], base_env, ["Hello"])
        return t

    def devday(cache: Path, data: Path) -> tuple[float, float, int]:
        env = dict(base_env, XDG_CACHE_HOME=str(cache), DEVDAY_TUI_DATA=str(data))
        (paint, ready), peak = run_in_pty(
            [python, "-m", "devday_tui", str(args.corpus), "--data-dir", str(data)],
            env,
            ["Decks", "All notes"],
        )
        return paint, ready, peak

    # The runs are interleaved so that a busy moment on the machine weighs on both sides alike.
    hello: list[float] = []
    cold_paint, cold_ready, warm_paint, warm_ready, cold_peaks, warm_peaks = [], [], [], [], [], []
    try:
        for n in range(args.runs):
            cache = scratch / f"cache-{n}"
            data = scratch / f"data-{n}"
            hello.append(hello_run())
            paint, ready, peak = devday(cache, data)  # empty cache: cold
            cold_paint.append(paint)
            cold_ready.append(ready)
            cold_peaks.append(peak)
            hello.append(hello_run())
            paint, ready, peak = devday(cache, data)  # same cache again: warm
            warm_paint.append(paint)
            warm_ready.append(ready)
            warm_peaks.append(peak)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    med = statistics.median
    print(f"corpus: {args.corpus} ({notes} notes), {args.runs} runs each, 100x30 pty, medians")
    print(f"hello first paint:           {med(hello) * 1000:8.0f} ms")
    print(
        f"devday-tui cold first paint: {med(cold_paint) * 1000:8.0f} ms   cards on screen: {med(cold_ready) * 1000:8.0f} ms"
    )
    print(
        f"devday-tui warm first paint: {med(warm_paint) * 1000:8.0f} ms   cards on screen: {med(warm_ready) * 1000:8.0f} ms"
    )
    print(
        f"peak RSS with the corpus loaded: warm {max(warm_peaks) / 1024:.0f} MB, cold {max(cold_peaks) / 1024:.0f} MB"
    )
    print(f"cold_first_paint_over_hello={med(cold_paint) / med(hello):.2f}")
    print(f"warm_ready_over_hello={med(warm_ready) / med(hello):.2f}")
    print(f"first_paint_over_hello={med(warm_paint) / med(hello):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
