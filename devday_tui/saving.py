"""The one path by which screens write progress: in a worker thread, with failures told and the screen kept.

``save(app, write, then, failed=...)`` runs ``write()`` (a store call) on the one writer thread, off the UI thread,
so the app never waits on the disk. Back on the UI thread, ``then(result)`` runs and every screen hears that progress changed; or, when
the store refused, the person is told why ("Not saved: …") and ``failed(exc)`` runs. Nothing is lost either way:
the screen that asked stays as it was and may try again.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from textual.app import App

T = TypeVar("T")

#: One thread, started once, writes every change in the order asked (no thread started per answer). Its thread is
#: joined when the process exits, so a write under way is never cut off by quitting.
_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="devday-save")


def save(
    app: App,
    write: Callable[[], T],
    then: Callable[[T], object] | None = None,
    *,
    failed: Callable[[Exception], object] | None = None,
) -> None:
    """Run the store write ``write`` off the UI thread; then ``then(result)``, or ``failed(exc)`` after saying why."""
    pending = _WRITER.submit(write)

    async def wait() -> None:
        try:
            result = await asyncio.wrap_future(pending)
        except Exception as exc:  # the store's errors and the disk's: told, never fatal
            _failed(app, exc, failed)
            return
        _saved(app, result, then)

    app.run_worker(wait, group="save", exit_on_error=False)


def prepare(read_ahead: Callable[[], object]) -> None:
    """Run ``read_ahead`` (a store call that reads what the next saves will write to, and writes nothing) on the
    writer thread, before the saves asked after it. Its failure is not told: the save that follows meets the same
    cause and tells it."""
    _WRITER.submit(read_ahead)


def _saved(app: App, result: T, then: Callable[[T], object] | None) -> None:
    if then is not None:
        then(result)
    changed = getattr(app, "progress_changed", None)
    if callable(changed):
        changed()


def _failed(app: App, exc: Exception, failed: Callable[[Exception], object] | None) -> None:
    app.notify(f"Not saved: {exc}", title="Not saved", severity="error", timeout=20, markup=False)
    if failed is not None:
        failed(exc)
