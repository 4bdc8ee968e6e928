"""Card flags (red, orange, … as in Anki): a side file per device, the latest flag of a card winning.

``devices/<id>/flags.json`` holds one entry per card this device flagged: ``{"key": card id, "flag": name or "",
"at": ISO time, "dev": device}``. Loading unites every device's file; for each card the entry with the latest
time wins (then the device id), so two machines that flag the same card agree after a sync. An empty flag is a
removed flag. Setting many flags writes the file once.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Mapping

from devday_tui.core.query import FLAGS
from devday_tui.store.errors import CorruptFileError
from devday_tui.store.files import read_tables, write_tables

if TYPE_CHECKING:
    from devday_tui.store.store import Store

FLAGS_FILE = "flags.json"
TABLE = "flags"


def _accept(doc: dict[str, Any]) -> bool:
    return "key" in doc and "flag" in doc and "at" in doc


class FlagBook:
    """Every device's flags, read once and kept up to date by ``set``."""

    def __init__(self) -> None:
        self._flags: dict[str, tuple[str, str, str]] = {}  # card id -> (at iso, device, flag)

    def load(self, store: "Store", now: datetime) -> None:
        found: dict[str, tuple[str, str, str]] = {}
        for device_dir in store._device_dirs():
            tables = store._read_tables_recovering(device_dir / FLAGS_FILE, _accept, TABLE, now, "flag/flags")
            for doc in tables.get(TABLE, {}).values():
                if not isinstance(doc, dict) or not _accept(doc):
                    continue
                flag = str(doc["flag"])
                if flag and flag not in FLAGS:
                    continue  # a flag this version does not know: ignored, the file is left as it is
                try:
                    at = datetime.fromisoformat(str(doc["at"])).astimezone(timezone.utc)
                except (ValueError, OverflowError):
                    continue
                entry = (at.isoformat(timespec="microseconds"), str(doc.get("dev", device_dir.name)), flag)
                key = str(doc["key"])
                if key not in found or entry[:2] > found[key][:2]:
                    found[key] = entry
        self._flags = found

    def flags(self) -> dict[str, str]:
        return {key: entry[2] for key, entry in self._flags.items() if entry[2]}

    def set(self, store: "Store", changes: Mapping[str, str], now: datetime) -> None:
        """Give each card of ``changes`` its flag ("" removes it), in one write of this device's file."""
        for flag in changes.values():
            if flag and flag not in FLAGS:
                raise ValueError(f"unknown flag {flag!r}")
        path = store.own_dir / FLAGS_FILE
        try:
            own = read_tables(path) or {}
        except CorruptFileError:
            own = store._read_tables_recovering(path, _accept, TABLE, now, "flag/flags")
        docs = {str(d.get("key")): d for d in own.get(TABLE, {}).values() if isinstance(d, dict) and _accept(d)}
        at = now.astimezone(timezone.utc)
        updated: dict[str, tuple[str, str, str]] = {}
        for key, flag in changes.items():
            stamp = at
            previous = self._flags.get(key)
            if previous is not None and datetime.fromisoformat(previous[0]) >= stamp:
                stamp = datetime.fromisoformat(previous[0]) + timedelta(milliseconds=1)
            iso = stamp.isoformat(timespec="microseconds")
            docs[key] = {"key": key, "flag": flag, "at": iso, "dev": store.device_id}
            updated[key] = (iso, store.device_id, flag)
        write_tables(path, {TABLE: {str(i): d for i, d in enumerate(docs.values(), 1)}})
        self._flags.update(updated)
