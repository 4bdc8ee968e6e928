"""Side files of each device: personal notes (``annotations.json``) and mock-exam results (``exams.json``).

Every device's files are read; a personal note's newest edit wins across devices, exam results are united by id.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from tinydb import Query, TinyDB

from devday_tui.store import validate
from devday_tui.store.files import AtomicJSONStorage
from devday_tui.store.history import new_id
from devday_tui.store.recovery import Reader, count

ANNOTATIONS = "annotations.json"
EXAMS = "exams.json"


def copies_of(device_dir: Path, name: str) -> list[Path]:
    """The file ``name`` of a device and the copies a sync tool made of it when two machines changed it at once
    (``annotations (conflicted copy).json``, ``annotations.sync-conflict-….json``): each is read, and the
    newest edit of each entry wins."""
    stem = name.removesuffix(".json")
    copies = [device_dir / name]
    try:
        names = sorted(e.name for e in os.scandir(device_dir))
    except OSError:
        return copies
    copies += [
        device_dir / n
        for n in names
        if n != name and n.startswith(stem) and n.endswith(".json") and not n[len(stem)].isalnum()
    ]
    return copies


def is_annotation(doc: dict[str, Any]) -> bool:
    return "key" in doc and "text" in doc and "at" in doc


def is_exam(doc: dict[str, Any]) -> bool:
    return "id" in doc and "at" in doc and "result" in doc


def valid_docs(
    reader: Reader, path: Path, tables: dict[str, Any], table: str, check: Callable[[Any], object]
) -> list[dict[str, Any]]:
    """The documents of ``table`` that pass ``check``; the others are skipped with a notice naming the file."""
    docs = tables.get(table, {})
    if not isinstance(docs, dict):
        docs = {}
    good: list[dict[str, Any]] = []
    reasons: list[str] = []
    for doc in docs.values():
        try:
            check(doc)
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            reasons.append(str(exc))
        else:
            good.append(doc)
    if reasons:
        rel = reader.rel(path)
        reader.notice_once(
            f"{rel}\x00bad",
            f"{rel}: {count(len(reasons), 'entry/entries')} could not be used and "
            f"{'was' if len(reasons) == 1 else 'were'} skipped ({reasons[0]}). The file was left as it is.",
        )
    return good


class SideFiles:
    """Personal notes and exam results of every device, and writing this device's."""

    def __init__(self, own_dir: Path, device_id: str, reader: Reader) -> None:
        self.own_dir = own_dir
        self.device_id = device_id
        self.reader = reader
        self.annotations: dict[str, tuple[str, str, str]] = {}  # key -> (at iso, device, text)
        self.exams: dict[str, dict[str, Any]] = {}

    def load(self, device_dirs: Iterable[Path], now: datetime) -> None:
        annotations: dict[str, tuple[str, str, str]] = {}
        exams: dict[str, dict[str, Any]] = {}
        for device_dir in device_dirs:
            for path in copies_of(device_dir, ANNOTATIONS):
                tables = self.reader.read(path, is_annotation, "annotations", now, "annotation/annotations")
                for doc in valid_docs(self.reader, path, tables, "annotations", validate.annotation):
                    key, text, at = validate.annotation(doc)
                    entry = (at.isoformat(timespec="microseconds"), str(doc.get("dev") or device_dir.name), text)
                    if key not in annotations or entry[:2] > annotations[key][:2]:
                        annotations[key] = entry
            for path in copies_of(device_dir, EXAMS):
                tables = self.reader.read(path, is_exam, "exams", now, "exam result/exam results")
                for doc in valid_docs(self.reader, path, tables, "exams", validate.exam):
                    exams.setdefault(str(doc["id"]), doc)
        self.annotations, self.exams = annotations, exams

    # -- personal notes -----------------------------------------------------------------------------------------

    def annotation(self, key: str) -> str | None:
        found = self.annotations.get(key)
        return found[2] if found is not None and found[2] else None

    def all_annotations(self) -> dict[str, str]:
        return {k: v[2] for k, v in sorted(self.annotations.items()) if v[2]}

    def set_annotation(self, key: str, text: str, at: datetime) -> None:
        if not key:
            raise ValueError("annotation key must not be empty")
        previous = self.annotations.get(key)
        if previous is not None and datetime.fromisoformat(previous[0]) >= at:
            at = datetime.fromisoformat(previous[0]).astimezone(timezone.utc) + timedelta(milliseconds=1)
        doc = {"key": key, "text": text, "at": at.isoformat(timespec="microseconds"), "dev": self.device_id}
        with TinyDB(self.own_dir / ANNOTATIONS, storage=AtomicJSONStorage) as db:
            db.table("annotations").upsert(doc, Query().key == key)
        self.annotations[key] = (doc["at"], self.device_id, text)

    # -- exam results -------------------------------------------------------------------------------------------

    def record_exam(self, result: Mapping[str, Any], at: datetime) -> str:
        exam_id = new_id(at)
        doc: dict[str, Any] = {"id": exam_id, "at": at.isoformat(), "dev": self.device_id, "result": dict(result)}
        try:
            json.dumps(doc, ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"exam result is not JSON data: {exc}") from exc
        with TinyDB(self.own_dir / EXAMS, storage=AtomicJSONStorage) as db:
            db.table("exams").insert(doc)
        self.exams[exam_id] = doc
        return exam_id

    def exam_results(self) -> list[dict[str, Any]]:
        docs = sorted(self.exams.values(), key=lambda d: (str(d["at"]), str(d["id"])))
        return [{**d["result"], "id": d["id"], "at": d["at"], "device": d.get("dev")} for d in docs]
