"""Parsing many notes in worker processes, one per core, with a time budget per file.

Notes go to the workers in batches (a few hundred kilobytes each, so that sending them costs little). At most
one batch per worker is out at a time, so a batch starts when it is sent and its deadline is known. A batch
that runs past the budget, or whose worker dies (a crash, the out-of-memory killer), stops the pool: its notes,
and those of any other batch that was out, are parsed again one at a time in a fresh pool. A note that is late
or kills its worker on its own is reported, with its name and why, and the others load.

The workers come from the ``forkserver`` start method: forking the app itself would copy the locks its other
threads hold.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from devday_tui.library.cache import PARSER_TAG, ParseCache
from devday_tui.library.parsing import Job, parse_job

#: Seconds one note may take to parse before it is given up on.
DEFAULT_BUDGET = 10.0
#: Characters of notes sent to a worker in one batch.
BATCH_CHARS = 256 * 1024
BATCH_FILES = 64

Result = tuple[int, str, "bytes | str"]

_worker_cache: ParseCache | None = None


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def _init_worker(cache_dir: str | None, tag: str) -> None:
    global _worker_cache
    _worker_cache = ParseCache(cache_dir, tag)
    # A worker writes nothing to the terminal: it may be the app's screen. Its errors come back as results.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def _parse_batch(jobs: list[Job]) -> list[Result]:
    cache = _worker_cache if _worker_cache is not None else ParseCache(None)
    return [parse_job(job, cache) for job in jobs]


def _batches(jobs: Iterable[Job]) -> Iterator[list[Job]]:
    batch: list[Job] = []
    size = 0
    for job in jobs:
        if batch and (size + len(job.text) > BATCH_CHARS or len(batch) >= BATCH_FILES):
            yield batch
            batch, size = [], 0
        batch.append(job)
        size += len(job.text)
    if batch:
        yield batch


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker, which every pool needs, with a real standard error.

    The tracker hands ``sys.stderr.fileno()`` to its process; inside the app ``sys.stderr`` is Textual's
    capture of prints, whose file number is -1, and starting the tracker then fails ("bad value(s) in
    fds_to_keep"). For the moment it takes, ``sys.stderr`` is the null device instead."""
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = True  # the tracker passes no stream then, which works
    if usable:
        resource_tracker.ensure_running()
        return
    saved = sys.stderr
    with open(os.devnull, "w") as null:
        sys.stderr = null
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def _context():
    _start_resource_tracker()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        # The server imports the parser once; each worker forked from it starts with it loaded.
        context.set_forkserver_preload(["devday_tui.library.workers"])
    return context


def _stop(executor: ProcessPoolExecutor) -> None:
    """Stop a pool now, killing a worker stuck in a note: a running task cannot be cancelled otherwise (the
    pool keeps its processes in a private field; there is no public way to reach them)."""
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, ValueError, AttributeError):
            pass
    executor.shutdown(wait=True, cancel_futures=True)


def parse_in_workers(
    jobs: Iterable[Job],
    cache_dir: str | None,
    *,
    workers: int,
    budget: float = DEFAULT_BUDGET,
    tag: str = PARSER_TAG,
) -> Iterator[Result]:
    """Parse ``jobs`` in ``workers`` processes; yield ``(index, kind, payload)`` for each job as it is done.

    ``kind`` is ``"note"`` (payload: the pickled cache entry) or ``"error"`` (payload: why it is skipped).
    ``jobs`` is drawn as workers become free, so files can be read while the first ones are parsed."""
    source = _batches(jobs)
    pending: deque[list[Job]] = deque()
    alone: deque[Job] = deque()  # notes out when a pool stopped: each is parsed again on its own

    def more() -> bool:
        if not pending:
            batch = next(source, None)
            if batch is not None:
                pending.append(batch)
        return bool(pending)

    context = _context()
    while more() or alone:
        executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(cache_dir, tag),
        )
        out: dict[Future, tuple[list[Job], float]] = {}
        crashed = late = False
        try:
            while alone or out or more():
                # A note under suspicion runs with nothing else out, so that what happens is its own doing.
                while len(out) < workers and (alone or more()) and not (alone and out):
                    batch = [alone.popleft()] if alone else pending.popleft()
                    try:
                        future = executor.submit(_parse_batch, batch)
                    except BrokenProcessPool:
                        alone.extend(batch)
                        raise
                    out[future] = (batch, time.monotonic())
                deadline = min(started for _, started in out.values()) + budget
                done, _ = wait(list(out), timeout=max(0.0, deadline - time.monotonic()), return_when=FIRST_COMPLETED)
                by_itself = len(out) == 1
                for future in done:
                    batch, _started = out.pop(future)
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        crashed = True
                        if by_itself and len(batch) == 1:
                            why = "stopped the program reading it (it crashed or ran out of memory); skipped"
                            yield batch[0].index, "error", why
                        else:
                            alone.extend(batch)
                        continue
                    yield from results
                if crashed:
                    break
                if not done:  # past the deadline of the oldest batch out
                    now = time.monotonic()
                    for future, (batch, started) in list(out.items()):
                        if now - started >= budget:
                            del out[future]
                            late = True
                            if len(batch) == 1:
                                yield batch[0].index, "error", f"took longer than {budget:g} s to read; skipped"
                            else:
                                alone.extend(batch)
                    if late:
                        break
        except BrokenProcessPool:  # the pool broke while a batch was being sent
            crashed = True
        finally:
            # Whatever is still out when a pool stops goes again: on its own after a crash (it may be the
            # cause), as it was after a late note (the late one is known).
            for batch, _started in out.values():
                if crashed:
                    alone.extend(batch)
                else:
                    pending.appendleft(batch)
            if crashed or late:
                _stop(executor)
            else:
                executor.shutdown(wait=True)
