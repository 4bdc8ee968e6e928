"""The one path by which screens write progress: in a worker thread, with failures told and the screen kept.

``save(app, write, then, failed=...)`` runs ``write()`` (a store call) off the UI thread, so the app never waits
on the disk. Back on the UI thread, ``then(result)`` runs and every screen hears that progress changed; or, when
the store refused, the person is told why ("Not saved: …") and ``failed(exc)`` runs. Nothing is lost either way:
the screen that asked stays as it was and may try again.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from textual.app import App

T = TypeVar("T")


def save(
    app: App,
    write: Callable[[], T],
    then: Callable[[T], object] | None = None,
    *,
    failed: Callable[[Exception], object] | None = None,
) -> None:
    """Run the store write ``write`` in a worker; then ``then(result)``, or ``failed(exc)`` after saying why."""

    def run() -> None:
        try:
            result = write()
        except Exception as exc:  # the store's errors and the disk's: told, never fatal
            app.call_from_thread(_failed, app, exc, failed)
            return
        app.call_from_thread(_saved, app, result, then)

    app.run_worker(run, thread=True, group="save", exit_on_error=False)


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
