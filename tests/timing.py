"""CPU time of a call, for the tests that check a function or a pattern grows linearly with its input."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_cpu(fn: Callable[[], object], repeats: int = 3, stop_after: float = 0.5) -> float:
    """The least CPU time of ``repeats`` calls of ``fn`` (a call slower than ``stop_after`` seconds is not repeated).

    CPU time of the calling thread, not wall-clock time nor the whole process's: on a busy machine a call of a few
    milliseconds is often put aside for tens of milliseconds while other processes run, and a thread an earlier test
    left running in this process (an app's worker finishing its load) would count in the process's time. A garbage
    collection landing in one timing is not the call's cost either, so collection is off while timing."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeats):
            start = time.thread_time()
            fn()
            best = min(best, time.thread_time() - start)
            if best > stop_after:
                break
    finally:
        if enabled:
            gc.enable()
    return best
