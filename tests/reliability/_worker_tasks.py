"""Helpers for the loading tests. ``misbehaving_batch`` stands in for the parse task of worker processes (and
is imported by them): a note holding ``SLOW`` never finishes, one holding ``CRASH`` kills its worker, the
others parse as usual. ``count_pool_use`` records each use of the worker pool."""

from __future__ import annotations

import os
import signal
import time

from devday_tui.library import workers
from devday_tui.library.cache import ParseCache
from devday_tui.library.parsing import parse_job


def misbehaving_batch(jobs):
    out = []
    for job in jobs:
        if "SLOW" in job.text:
            time.sleep(600)
        if "CRASH" in job.text:
            os.kill(os.getpid(), signal.SIGKILL)
        out.append(parse_job(job, workers._worker_cache or ParseCache(None)))
    return out


def count_pool_use(monkeypatch) -> list[int]:
    """Record the number of workers of every pool that loading starts (the list stays empty in-process)."""
    from devday_tui.library import loading

    used: list[int] = []
    real = loading.parse_in_workers

    def counting(jobs, cache_dir, *, workers, budget, **kwargs):
        used.append(workers)
        yield from real(jobs, cache_dir, workers=workers, budget=budget, **kwargs)

    monkeypatch.setattr(loading, "parse_in_workers", counting)
    return used
