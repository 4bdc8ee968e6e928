"""Side files of each device: personal notes (``annotations.json``) and mock-exam results (``exams.json``).

Every device's files are read; a personal note's newest edit wins across devices, exam results are united by id.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable, Mapping

from tinydb import Query, TinyDB

from devday_tui.store.files import AtomicJSONStorage
from devday_tui.store.history import new_id
from devday_tui.store.recovery import Reader

ANNOTATIONS = "annotations.json"
EXAMS = "exams.json"


def is_annotation(doc: dict[str, Any]) -> bool:
    return "key" in doc and "text" in doc and "at" in doc


def is_exam(doc: dict[str, Any]) -> bool:
    return "id" in doc and "at" in doc and "result" in doc


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
            tables = self.reader.read(device_dir / ANNOTATIONS, is_annotation, "annotations", now,
                                      "annotation/annotations")
            for doc in tables.get("annotations", {}).values():
                try:
                    key, text, at = str(doc["key"]), str(doc["text"]), str(doc["at"])
                    dev = str(doc.get("dev", device_dir.name))
                except (KeyError, TypeError):
                    continue
                try:
                    at = datetime.fromisoformat(at).astimezone(timezone.utc).isoformat(timespec="microseconds")
                except ValueError:
                    continue
                if key not in annotations or (at, dev) > annotations[key][:2]:
                    annotations[key] = (at, dev, text)
            tables = self.reader.read(device_dir / EXAMS, is_exam, "exams", now, "exam result/exam results")
            for doc in tables.get("exams", {}).values():
                if isinstance(doc, dict) and "id" in doc and isinstance(doc.get("result"), dict):
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
        doc = {"id": new_id(at), "at": at.isoformat(), "dev": self.device_id, "result": dict(result)}
        try:
            json.dumps(doc, ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"exam result is not JSON data: {exc}") from exc
        with TinyDB(self.own_dir / EXAMS, storage=AtomicJSONStorage) as db:
            db.table("exams").insert(doc)
        self.exams[doc["id"]] = doc
        return doc["id"]

    def exam_results(self) -> list[dict[str, Any]]:
        docs = sorted(self.exams.values(), key=lambda d: (str(d["at"]), str(d["id"])))
        return [{**d["result"], "id": d["id"], "at": d["at"], "device": d.get("dev")} for d in docs]
