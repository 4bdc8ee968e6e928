"""Waiting for the app in Pilot tests: for a condition, never for a fixed time."""

from __future__ import annotations

import time
from typing import Any, Callable

#: Long enough for a loaded machine; reached only when the awaited thing never happens.
TIMEOUT = 30.0


async def wait_for(pilot: Any, condition: Callable[[], object], timeout: float = TIMEOUT, what: str = "") -> None:
    """Pause in small steps until ``condition()`` is true; fail after ``timeout`` seconds saying what was awaited."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what or condition}")
        await pilot.pause(0.01)
