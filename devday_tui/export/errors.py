"""What goes wrong in an export, said with the file's name."""

from __future__ import annotations

from pathlib import Path

from devday_tui.atomic import AtomicWriteError


class ExportError(AtomicWriteError):
    """An export that could not be written, or had nothing to write. The message names the file and says why."""

    @classmethod
    def cannot_write(cls, path: Path, why: str) -> ExportError:
        return cls(f"cannot write {path}: {why}")
