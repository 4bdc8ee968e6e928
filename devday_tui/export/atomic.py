"""Exports are written whole or not at all (see :mod:`devday_tui.atomic`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from devday_tui import atomic


class ExportError(atomic.AtomicWriteError):
    """An export that could not be written. The message names the file and says why."""


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    atomic.write_atomic(path, write, lambda p, why: ExportError(f"cannot write {p}: {why}"))
