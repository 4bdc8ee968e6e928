"""Errors of the progress store. Every message names the file or the process concerned."""

from __future__ import annotations


class StoreError(Exception):
    """The progress store cannot do what was asked. The message is meant for the user, as is."""


class StoreLocked(StoreError):
    """Another live process holds the writer lock on the data directory."""

    def __init__(self, message: str, *, pid: int | None = None, host: str | None = None) -> None:
        super().__init__(message)
        self.pid = pid
        self.host = host


class StoreReadOnly(StoreError):
    """The store was opened read-only (another instance writes, or the directory is not writable)."""


class NewerSchemaError(StoreError):
    """A file was written by a newer version of devday-tui. It is left untouched."""


class CorruptFileError(StoreError):
    """A file could not be parsed. ``path`` is the file, ``detail`` says what is wrong."""

    def __init__(self, path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class UnreadableFileError(CorruptFileError):
    """A file is there but cannot be read now (permission denied, a folder in its place). It is left alone and
    read again next time."""
