"""This device's history files, as this process writes them: appending entries, and withdrawing them on undo.

Each file (``devices/<id>/log/YYYY-MM-DD.json``) is a TinyDB opened once, append-only and written atomically
(``files.AtomicJSONStorage``). After every write the caller's record of how much of each file the card states
include (``covered``) and the parsed-history cache (``HistoryFiles``) are brought in step with what was written,
so it is never read back.
"""

from __future__ import annotations

from collections.abc import Collection, MutableMapping
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.table import Table

from devday_tui.store.errors import StoreError, UnreadableFileError
from devday_tui.store.files import AtomicJSONStorage
from devday_tui.store.history import LOG_TABLE, Covered, HistoryFiles, doc_id
from devday_tui.store.recovery import Reader


class OwnLog:
    """The open history files of this device (``own_dir/log``)."""

    def __init__(self, own_dir: Path, reader: Reader, history: HistoryFiles) -> None:
        self.own_dir = own_dir
        self._reader = reader
        self._history = history
        self._dbs: dict[str, TinyDB] = {}

    def _path(self, name: str) -> Path:
        return self.own_dir / "log" / name

    def _table(self, name: str) -> Table:
        db = self._dbs.get(name)
        if db is None:
            db = TinyDB(self._path(name), storage=AtomicJSONStorage, append_only=True)
            self._dbs[name] = db
        return db.table(LOG_TABLE)

    def close(self) -> None:
        """Close every file (they are opened again when next written)."""
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()

    def prepare(self, name: str) -> None:
        """Open the file ``name`` and read it ahead of the first append to it (see ``AtomicJSONStorage.prepare``).
        A file that cannot be read is left as it is, for the append to report."""
        self._table(name)
        storage = self._dbs[name].storage
        assert isinstance(storage, AtomicJSONStorage)
        try:
            storage.prepare()
        except StoreError:
            pass

    def append(self, docs: list[dict[str, Any]], name: str, covered: MutableMapping[str, Covered]) -> list[int]:
        """Append entries to the file ``name``, durably; ``covered`` is kept exact. A folder in the file's place
        is moved aside (with a notice) and the entries are written to a new file."""
        table = self._table(name)
        try:
            ids = table.insert_multiple(docs)
        except BaseException as exc:
            table.clear_cache()
            self._dbs.pop(name).close()
            path = self._path(name)
            if isinstance(exc, UnreadableFileError) and path.is_dir():
                self._history.scan()  # moves the folder aside, with a notice
                if not path.is_dir():
                    return self.append(docs, name, covered)
            raise
        self._written(name, covered, added=len(docs))
        return ids

    def withdraw(
        self, name: str, markers: list[dict[str, Any]], refs: Collection[str], covered: MutableMapping[str, Covered]
    ) -> None:
        """Undo entries of the file ``name``: append the undo ``markers`` (so that copies of the file elsewhere
        do not bring the entries back), then remove the entries whose id is in ``refs``. When the removal
        fails the markers alone undo them; the file is tidied later."""
        self.append(markers, name, covered)
        try:
            self._table(name).remove(Query().id.one_of(sorted(refs)))
        except StoreError:
            self._dbs.pop(name, None)
        else:
            self._written(name, covered, removed=refs)

    def _written(
        self, name: str, covered: MutableMapping[str, Covered], *, added: int = 0, removed: Collection[str] = ()
    ) -> None:
        """After a write: record how much of the file the card states include, and bring the cached entries of
        the file in step (what was just written is not read back)."""
        rel = self._reader.rel(self._path(name))
        storage = self._dbs[name].storage
        assert isinstance(storage, AtomicJSONStorage)
        docs = list(storage.written_table(LOG_TABLE).values())
        if storage.key is None:  # gone as soon as written: read it again when next asked for
            covered.pop(rel, None)
        else:
            covered[rel] = Covered(storage.key, len(docs), doc_id(docs[-1]) if docs else None)
        self._history.written(rel, storage.replaced, storage.key, docs, added=added, removed=removed)
