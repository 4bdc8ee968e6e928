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
from devday_tui.store import validate
from devday_tui.store.files import write_tables
from devday_tui.store.side_files import copies_of, valid_docs

if TYPE_CHECKING:
    from devday_tui.store.store import Store

FLAGS_FILE = "flags.json"
TABLE = "flags"


def _accept(doc: dict[str, Any]) -> bool:
    return "key" in doc and "flag" in doc and "at" in doc


def check(doc: Any) -> tuple[str, str, datetime]:
    """Key, flag and time of a flag entry; raises ``ValueError`` for a value that cannot be used."""
    if not isinstance(doc, dict):
        raise validate.BadValue("not an object")
    key = validate.text(doc, "key", max_len=4096)
    flag = doc.get("flag")
    if not isinstance(flag, str) or (flag and flag not in FLAGS):
        raise validate.BadValue(f"'flag' is not one of {', '.join(FLAGS)}")
    validate.opt_text(doc, "dev")
    return key, flag, validate.time(doc.get("at"), "'at'")


class FlagBook:
    """Every device's flags, read once and kept up to date by ``set``."""

    def __init__(self) -> None:
        self._flags: dict[str, tuple[str, str, str]] = {}  # card id -> (at iso, device, flag)

    def load(self, store: "Store", now: datetime) -> None:
        found: dict[str, tuple[str, str, str]] = {}
        reader = store._reader
        for device_dir in store._history.device_dirs():
            for path in copies_of(device_dir, FLAGS_FILE):
                tables = reader.read(path, _accept, TABLE, now, "flag/flags")
                for doc in valid_docs(reader, path, tables, TABLE, check):
                    key, flag, at = check(doc)
                    entry = (at.isoformat(timespec="microseconds"), str(doc.get("dev") or device_dir.name), flag)
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
        own = store._reader.read(path, _accept, TABLE, now, "flag/flags") if path.exists() else {}
        docs = {str(d.get("key")): d for d in valid_docs(store._reader, path, own, TABLE, check)}
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
