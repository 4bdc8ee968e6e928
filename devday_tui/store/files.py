"""Durable JSON files: an atomic TinyDB storage, schema checks and recovery of damaged files.

TinyDB's own ``JSONStorage`` rewrites its file in place: a crash in the middle leaves half a file. Here every
write goes through the app's atomic writer (``devday_tui.atomic``): a temporary file in the same folder, flushed
with ``fsync``, moved over the old file with ``os.replace`` (atomic on POSIX and Windows), and the folder flushed
too, so the new name survives a power cut. When ``write`` returns, the data is on disk; when it raises, the
previous file is intact.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable

from tinydb.storages import Storage

from devday_tui import atomic
from devday_tui.store.errors import (
    CorruptFileError,
    NewerSchemaError,
    StoreError,
    StoreReadOnly,
    UnreadableFileError,
)

#: Version of the file format. A file with a larger number is refused, never rewritten.
SCHEMA_VERSION = 1

#: The table holding a file's format version. It is added on write and removed on read.
META_TABLE = "_meta"

#: The end of the temporary files that earlier versions of the store wrote (``.NAME.<pid>.tmp``); a crash may
#: have left one behind.
_OLD_TMP_SUFFIX = ".tmp"

#: Why a file could not be read or written, in the same words as for every file the app writes.
describe = atomic.reason


def _cannot_save(path: Path, why: str) -> StoreError:
    return StoreError(f"Could not save {path}: {why}. The previous version of the file is intact.")


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves either the old or the new file, never a mix (with the
    app's one atomic writer, ``devday_tui.atomic``). The folder is created first if needed.

    Raises ``StoreError`` (with the file named) when the write fails; the old file is then unchanged and the
    temporary file is removed.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_save(path, describe(exc)) from exc

    def write(handle: BinaryIO) -> None:
        handle.write(payload)

    atomic.write_atomic(path, write, _cannot_save)


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def parse_tables(path: Path, raw: bytes) -> dict[str, dict[str, Any]]:
    """The tables of a store file, after checking it is well formed and not from a newer version."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CorruptFileError(path, f"not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise CorruptFileError(path, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    except RecursionError:
        raise CorruptFileError(path, "its JSON is nested too deeply") from None
    except ValueError as exc:  # a number with thousands of digits
        raise CorruptFileError(path, f"invalid JSON: {exc}") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise CorruptFileError(path, "not a devday-tui data file (expected an object of tables)")
    meta = data.pop(META_TABLE, None)
    version = SCHEMA_VERSION
    if isinstance(meta, dict):
        for doc in meta.values():
            if isinstance(doc, dict) and "schema" in doc:
                try:
                    version = int(doc["schema"])
                except (TypeError, ValueError):
                    raise CorruptFileError(path, f"unreadable schema version {doc['schema']!r}") from None
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was written by a newer version of devday-tui (data format {version}; this version reads "
            f"up to {SCHEMA_VERSION}). Update devday-tui on this machine. The file was left unchanged."
        )
    return data


def read_bytes(path: Path) -> bytes:
    """The content of ``path`` (every store file is read through here)."""
    with open(path, "rb") as f:
        return f.read()


def read_tables(path: Path) -> dict[str, dict[str, Any]] | None:
    """The tables of ``path``, ``None`` when the file does not exist.

    Raises ``UnreadableFileError`` when the file is there but cannot be read (permission denied, a folder where
    the file should be), and ``CorruptFileError`` when its content is damaged.
    """
    try:
        raw = read_bytes(path)
    except FileNotFoundError:
        return None
    except IsADirectoryError as exc:
        raise UnreadableFileError(path, "it is a folder, not a file") from exc
    except OSError as exc:
        raise UnreadableFileError(path, f"cannot be read ({describe(exc)})") from exc
    return parse_tables(path, raw)


def tables_payload(tables: dict[str, dict[str, Any]]) -> bytes:
    data: dict[str, Any] = {META_TABLE: {"1": {"schema": SCHEMA_VERSION, "app": "devday-tui"}}}
    for name, table in tables.items():
        if name != META_TABLE:
            data[name] = table
    return dumps(data)


def write_tables(path: Path, tables: dict[str, dict[str, Any]]) -> None:
    atomic_write_bytes(path, tables_payload(tables))


@dataclass(frozen=True, slots=True)
class FileKey:
    """What tells one version of a file from another: size, modification time and inode (a file replaced
    atomically is a new inode)."""

    size: int
    mtime_ns: int
    ino: int

    @classmethod
    def of(cls, st: os.stat_result) -> "FileKey":
        # On Windows a folder listing (``os.scandir``) gives no inode: leave it out there, so that the key of a
        # listed file and of the same file ``stat``-ed agree.
        return cls(st.st_size, st.st_mtime_ns, st.st_ino if os.name != "nt" else 0)


def file_key(path: Path) -> FileKey | None:
    """The key of the file at ``path``; ``None`` when there is none (or it cannot be looked at)."""
    try:
        return FileKey.of(os.stat(path))
    except OSError:
        return None


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes atomically and durably (see the module docstring).

    The parsed file is kept in memory, so reading costs nothing after the first time and each write costs one
    serialisation of this file only. A failed write drops the memory copy, so the next read sees the file as it
    is on disk.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, append_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._cache: dict[str, dict[str, Any]] | None = None
        self._key: FileKey | None = None  # the file as this storage last read or wrote it
        #: After a write: the version of the file that the written data was based on, as this storage read it
        #: (``None`` when there was no file).
        self.replaced: FileKey | None = None
        # With ``append_only`` (documents are added and removed, never changed in place, as in a history file),
        # each document is serialised once: a long day's file is not encoded again in full at every answer.
        self._encoded: dict[int, tuple[dict[str, Any], str, bytes]] | None = {} if append_only else None

    @property
    def key(self) -> FileKey | None:
        """The key of the file as this storage last read or wrote it."""
        return self._key

    def written_table(self, name: str) -> dict[str, Any]:
        """The table ``name`` as this storage last read or wrote it (just after a write: what was written),
        without looking at the file."""
        table = (self._cache or {}).get(name)
        return table if isinstance(table, dict) else {}

    def read(self) -> dict[str, dict[str, Any]] | None:
        # The memory copy is used only while the file is the one this storage wrote: a file replaced by anyone
        # else is read again, so that a write never drops what another writer added.
        if self._cache is not None and self._key != file_key(self.path):
            self._cache = None
        if self._cache is None:
            key = file_key(self.path)
            tables = read_tables(self.path)
            if tables is None:
                self._key = None
                return None
            self._cache, self._key = tables, key
        return self._cache

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            self._cache = None
            raise StoreReadOnly(f"{self.path} is open read-only; nothing was written.")
        replaced = self._key if self._cache is not None else None
        try:
            atomic_write_bytes(self.path, tables_payload(data) if self._encoded is None else self._payload(data))
        except BaseException:
            self._cache = None
            raise
        self._cache, self._key, self.replaced = data, file_key(self.path), replaced

    def prepare(self) -> None:
        """Read the file and, for an append-only file, encode its documents: done ahead of the first write (while
        a card is being read), that write then costs what every later one does."""
        tables = self.read()
        if tables is not None and self._encoded is not None and not self._encoded:
            self._payload(tables)

    def _payload(self, tables: dict[str, dict[str, Any]]) -> bytes:
        """``tables_payload(tables)``, reusing the encoding of documents already written."""
        assert self._encoded is not None
        encoded: dict[int, tuple[dict[str, Any], str, bytes]] = {}
        parts = [dumps(META_TABLE) + b":" + dumps({"1": {"schema": SCHEMA_VERSION, "app": "devday-tui"}})]
        for name, table in tables.items():
            if name == META_TABLE:
                continue
            items = []
            for key, doc in table.items():
                known = self._encoded.get(id(doc))
                if known is not None and known[0] is doc and known[1] == key:
                    item = known[2]
                else:
                    item = dumps(key) + b":" + dumps(doc)
                encoded[id(doc)] = (doc, key, item)
                items.append(item)
            parts.append(dumps(name) + b":{" + b",".join(items) + b"}")
        self._encoded = encoded
        return b"{" + b",".join(parts) + b"}"


#: Where a document may start in damaged bytes: an object whose first key is complete. A key cannot hold a raw
#: line break, so the search never runs past the end of a line, and no byte is looked at twice.
_DOC_START = re.compile(rb'\{[ \t\r\n]*"(?:[^"\\\n]|\\.)*"[ \t\r\n]*:')

#: Bytes decoded from one possible start at first: twice the last document found, between these two sizes. A
#: document longer than the window is decoded again in a window twice as large, up to ``SALVAGE_MAX_DOCUMENT``
#: bytes, while a budget proportional to the file lasts.
SALVAGE_FIRST_WINDOW = 128
SALVAGE_WINDOW = 512
SALVAGE_MAX_DOCUMENT = 1 << 20

#: Objects and lists a start may open before it closes one. Store documents nest a few levels; text that nests
#: deeper (``{"a":{"a":{"a":…``) holds no document, and decoding it from each of its starts would cost the
#: square of its length.
SALVAGE_MAX_OPEN = 16


@dataclass(slots=True)
class SalvageWork:
    """What a salvage did: the possible starts it found, how many it decoded, and the bytes it decoded."""

    starts: int = 0
    tried: int = 0
    decoded: int = 0


def salvage_documents(
    raw: bytes, accept: Callable[[dict[str, Any]], bool], work: SalvageWork | None = None
) -> list[dict[str, Any]]:
    """Every complete JSON object in damaged ``raw`` bytes that ``accept`` recognises as a document, in order.

    A truncated or partly overwritten file still holds whole records before and after the damage; this finds
    them. The time taken is linear in the size of ``raw``: each possible start decodes a bounded window, and
    the larger windows tried for long documents share a budget proportional to the size.
    """
    work = work if work is not None else SalvageWork()
    budget = 2 * len(raw) + 2 * SALVAGE_MAX_DOCUMENT  # bytes the larger windows may decode in all
    decoder = json.JSONDecoder()
    found: list[dict[str, Any]] = []
    width = SALVAGE_FIRST_WINDOW
    match = _DOC_START.search(raw)
    while match is not None:
        start = match.start()
        work.starts += 1
        obj, end, extra = _decode_at(raw, start, decoder, work, budget, width)
        budget -= extra
        if obj is not None:
            docs = _documents_in(obj, accept)
            if docs:
                found.extend(docs)
                # The next document is likely as long: start with a window that holds it.
                width = min(SALVAGE_WINDOW, max(SALVAGE_FIRST_WINDOW, 2 * end))
                match = _DOC_START.search(raw, start + end)
                continue
        else:
            deep = _deep_run_end(raw, start)
            if deep is not None:  # no document starts here, nor before ``deep``
                match = _DOC_START.search(raw, deep)
                continue
        match = _DOC_START.search(raw, start + 1)
    return found


def _deep_run_end(raw: bytes, start: int) -> int | None:
    """Where the starts that open more than ``SALVAGE_MAX_OPEN`` objects and lists before closing one end, if
    the start at ``start`` is one of them (``{"a":{"a":{"a":…``); ``None`` otherwise."""
    head = raw[start : start + SALVAGE_WINDOW]
    closes = [i for i in (head.find(b"}"), head.find(b"]")) if i != -1]
    first_close = min(closes) if closes else len(head)
    if head.count(b"{", 0, first_close) + head.count(b"[", 0, first_close) <= SALVAGE_MAX_OPEN:
        return None
    # Every start before the last SALVAGE_MAX_OPEN openings ahead of the first close opens too many.
    pos = first_close
    for _ in range(SALVAGE_MAX_OPEN):
        pos = max(head.rfind(b"{", 0, pos), head.rfind(b"[", 0, pos))
    return start + max(pos, 1)


def _decode_at(
    raw: bytes, start: int, decoder: json.JSONDecoder, work: SalvageWork, budget: int, width: int
) -> tuple[Any, int, int]:
    """The JSON object starting at ``start`` (``None`` when there is none), its length in bytes, and the bytes
    decoded beyond the first window (``width`` bytes)."""
    extra = 0
    work.tried += 1
    while True:
        chunk = raw[start : start + width]
        work.decoded += len(chunk)
        ascii_only = chunk.isascii()
        text = chunk.decode("ascii" if ascii_only else "utf-8", errors="surrogateescape")
        try:
            # The start is "{": no white space to skip. typeshed omits scan_once, which JSONDecoder sets in __init__.
            obj, end = decoder.scan_once(text, 0)  # type: ignore[attr-defined]  # missing from typeshed
        except StopIteration:
            return None, 0, extra
        except json.JSONDecodeError as exc:
            cut_short = start + width < len(raw) and (
                exc.pos >= len(text) - 8 or exc.msg.startswith("Unterminated string")
            )
            if (
                cut_short
                and width < SALVAGE_MAX_DOCUMENT
                and extra + 2 * width <= budget
                and _deep_run_end(raw, start) is None
            ):
                width *= 2
                extra += width
                continue
            return None, 0, extra
        except (RecursionError, ValueError):  # nested too deeply, or a number of thousands of digits
            return None, 0, extra
        if not isinstance(obj, dict):
            return None, 0, extra
        if ascii_only:
            return obj, end, extra
        try:
            return obj, len(text[:end].encode("utf-8")), extra
        except UnicodeEncodeError:  # bytes that are not UTF-8: shown as U+FFFD, as a JSON file can hold them
            length = len(text[:end].encode("utf-8", errors="surrogateescape"))
            return (
                json.loads(
                    json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                ),
                length,
                extra,
            )


def salvage_tables(path: Path, table: str, accept: Callable[[dict[str, Any]], bool]) -> tuple[dict[str, Any], int]:
    """What can be read of the damaged file ``path``: the documents ``accept`` recognises, as the one table
    ``table``, and how many there are (none if the file cannot even be read)."""
    try:
        raw = read_bytes(path)
    except OSError:
        raw = b""
    docs = salvage_documents(raw, accept) if raw else []
    return {table: {str(i): doc for i, doc in enumerate(docs, 1)}}, len(docs)


def _documents_in(obj: dict[str, Any], accept: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
    """The outermost objects within ``obj`` (itself included) that ``accept`` recognises, in order."""
    if accept(obj):
        return [obj]
    out: list[dict[str, Any]] = []
    stack: list[Any] = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            try:
                accepted = accept(item)
            except (TypeError, ValueError):
                accepted = False
            if accepted:
                out.append(item)
            else:
                stack.extend(reversed(list(item.values())))
    return out


def remove_stale_temporaries(directory: Path) -> int:
    """Delete temporary files left by an interrupted write in ``directory`` (and below). Returns how many.

    Only for a folder that no other process writes to (a device's own folder, with the writer lock held): a
    temporary file there is never one being written."""
    removed = 0
    if not directory.is_dir():
        return 0
    for suffix in (atomic.TEMP_SUFFIX, _OLD_TMP_SUFFIX):
        for tmp in directory.rglob(f".*{suffix}"):
            try:
                if tmp.is_file():
                    tmp.unlink()
                    removed += 1
            except OSError:
                pass
    return removed
