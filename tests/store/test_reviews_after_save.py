"""``reviews(since=today)`` after a save: what was just written is not read back, and the answer is the same as
a fresh read of the files (after answers, events, undo, re-attachments, another device's writes, and files
changed behind the store's back)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Iterator

import pytest

import devday_tui.store.files as files
import devday_tui.store.history as history
from devday_tui.core.scheduling import ReviewRecord
from devday_tui.store import Store
from devday_tui.store.files import read_tables, write_tables
from devday_tui.store.history import new_id
from tests.store.helpers import SETTINGS, T0, UTC, at, card

TODAY = T0.replace(hour=4)  # the start of the study day (rollover at 4 am, UTC)
OWN = Path("devices/laptop/log/2026-11-28.json")
OTHER = Path("devices/desktop/log/2026-11-28.json")


class Counts:
    """History files read (``<device>/<name>``) and history documents parsed, since the last ``reset``."""

    def __init__(self) -> None:
        self.reads: Counter[str] = Counter()
        self.parsed = 0

    def reset(self) -> None:
        self.reads.clear()
        self.parsed = 0


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counts]:
    c = Counts()
    real_read, real_parse = files.read_bytes, history.parse_entry

    def read_bytes(path: Path) -> bytes:
        path = Path(path)
        if path.parent.name == "log":
            c.reads[f"{path.parent.parent.name}/{path.name}"] += 1
        return real_read(path)

    def parse_entry(doc):
        c.parsed += 1
        return real_parse(doc)

    monkeypatch.setattr(files, "read_bytes", read_bytes)
    monkeypatch.setattr(history, "parse_entry", parse_entry)
    yield c


def _open(data: Path, **kw) -> Store:
    return Store.open(data, device_id=kw.pop("device_id", "laptop"), now=kw.pop("now", T0), tz=UTC, **kw)


def fresh_reviews(data: Path, since: datetime = TODAY) -> list[ReviewRecord]:
    """What a store that has read nothing yet lists."""
    with _open(data, read_only=True) as other:
        return other.reviews(since=since)


def _long_day(store: Store, n: int, start: datetime = T0) -> datetime:
    now = start
    for i in range(n):
        store.answer(f"c{i % 7}", 3, now, duration=2, settings=SETTINGS)
        now += timedelta(seconds=30)
    return now


def test_a_save_is_not_read_back(tmp_path: Path, counts: Counts) -> None:
    data = tmp_path / "data"
    with _open(data) as store:
        now = _long_day(store, 40)
        store.reviews(since=TODAY)  # the home screen, once
        for i in range(5):
            counts.reset()
            store.answer("c1", 1 + i % 4, now, duration=2, settings=SETTINGS)
            listed = store.reviews(since=TODAY)
            assert counts.reads == {}, "what was just written was read back"
            assert counts.parsed == 1  # the new answer only, not the day's 40 others again
            now += timedelta(seconds=30)
            assert listed == fresh_reviews(data)
        assert len(listed) == 45 and listed[-1].rating == 1 + 4 % 4


def test_events_undo_and_reattachments_stay_in_step(tmp_path: Path, counts: Counts) -> None:
    data = tmp_path / "data"
    with _open(data) as store:
        store.reconcile([card("c0"), card("c1"), card("c2", front="What is a thing?")], T0)
        now = _long_day(store, 12)
        store.reviews(since=TODAY)
        steps = [
            lambda: store.answer("c2", 1, now, duration=2, settings=SETTINGS),
            lambda: store.suspend("c0", now),
            lambda: store.bury("c1", now + timedelta(hours=5), now),
            lambda: store.undo(now),  # the answer above: its marker is appended, the answer removed
            lambda: store.make_due("c0", now),
            lambda: store.answer("c1", 4, now, duration=2, settings=SETTINGS),
            lambda: store.undo(now),
            lambda: store.undo(now),  # an answer of the long day
            # c2's front edited a little: its history moves to the new id, saved as a re-attachment
            lambda: store.reconcile([card("c0"), card("c1"), card("c2b", front="What is a thing ?")], now),
            lambda: store.answer("c2b", 3, now, duration=2, settings=SETTINGS),
        ]
        for step in steps:
            counts.reset()
            step()
            listed = store.reviews(since=TODAY)
            assert counts.reads == {}
            assert listed == fresh_reviews(data)
            now += timedelta(seconds=30)
        assert "c2b" in {r.card_id for r in listed} and "c2" not in {r.card_id for r in listed}
        assert store.all_progress() == _open(data, read_only=True).all_progress()


def test_another_devices_file_is_read_again_and_only_it(tmp_path: Path, counts: Counts) -> None:
    data = tmp_path / "data"
    with _open(data, device_id="desktop") as desktop:
        desktop.answer("c5", 3, T0, duration=2, settings=SETTINGS)
    with _open(data) as store:
        now = _long_day(store, 10, T0 + timedelta(minutes=1))
        assert len(store.reviews(since=TODAY)) == 11
        # A sync brings a new answer of the desktop, while this store saves its own.
        tables = read_tables(data / OTHER)
        log = tables["log"]
        doc = dict(next(iter(log.values())), id=new_id(now), at=now.isoformat())
        log[str(len(log) + 1)] = doc
        write_tables(data / OTHER, tables)
        counts.reset()
        store.answer("c1", 3, now + timedelta(seconds=1), duration=2, settings=SETTINGS)
        listed = store.reviews(since=TODAY)
        assert counts.reads == {"desktop/2026-11-28.json": 1}
        assert len(listed) == 13 and listed == fresh_reviews(data)


def test_a_file_changed_behind_the_stores_back_is_read_again(tmp_path: Path, counts: Counts) -> None:
    data = tmp_path / "data"
    with _open(data) as store:
        now = _long_day(store, 10)
        store.reviews(since=TODAY)
        # A sync tool puts back an older copy of today's file (the last 3 answers are not in it).
        tables = read_tables(data / OWN)
        tables["log"] = dict(list(tables["log"].items())[:7])
        write_tables(data / OWN, tables)
        counts.reset()
        listed = store.reviews(since=TODAY)
        assert counts.reads == {"laptop/2026-11-28.json": 1}
        assert len(listed) == 7 and listed == fresh_reviews(data)
        # The next save starts from that file, as it is, and the list after it needs no read again.
        store.answer("c1", 3, now, duration=2, settings=SETTINGS)
        counts.reset()
        listed = store.reviews(since=TODAY)
        assert counts.reads == {}
        assert len(listed) == 8 and listed == fresh_reviews(data)
        # Changed again, between the last list and the next save: the save reads it (to keep what it holds);
        # the list after the save must not use what was cached before the change.
        tables = read_tables(data / OWN)
        tables["log"] = dict(list(tables["log"].items())[:2])
        write_tables(data / OWN, tables)
        store.answer("c2", 3, now + timedelta(seconds=30), duration=2, settings=SETTINGS)
        listed = store.reviews(since=TODAY)
        assert len(listed) == 3 and listed == fresh_reviews(data)
        # As many entries, one of them different (an edit elsewhere): only the file's key tells.
        tables = read_tables(data / OWN)
        first = next(iter(tables["log"]))
        tables["log"][first] = dict(tables["log"][first], rating=1)
        write_tables(data / OWN, tables)
        store.answer("c3", 3, now + timedelta(seconds=60), duration=2, settings=SETTINGS)
        listed = store.reviews(since=TODAY)
        assert len(listed) == 4 and listed[0].rating == 1 and listed == fresh_reviews(data)


def test_a_cache_of_a_file_that_could_not_be_read_is_not_extended(
    tmp_path: Path, counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file unreadable for a moment (its permissions changed, and changed back) keeps the same key: the empty
    list cached then must not become the file's content plus the new answer."""
    data = tmp_path / "data"
    with _open(data) as store:
        now = _long_day(store, 5)
    with _open(data) as store:  # the snapshot covers today's file: it is not read at the start
        real = files.read_bytes
        monkeypatch.setattr(files, "read_bytes", lambda path: (_ for _ in ()).throw(PermissionError(13, "no")))
        assert store.reviews(since=TODAY) == []  # not readable now
        monkeypatch.setattr(files, "read_bytes", real)
        store.answer("c1", 3, now, duration=2, settings=SETTINGS)  # readable again: the save reads it
        listed = store.reviews(since=TODAY)
        assert len(listed) == 6 and listed == fresh_reviews(data)


def test_the_first_save_of_a_day_and_a_save_before_any_list(tmp_path: Path, counts: Counts) -> None:
    data = tmp_path / "data"
    with _open(data) as store:
        _long_day(store, 3, T0 - timedelta(days=1))
    with _open(data, now=at(0)) as store:  # nothing read of today's file yet
        store.answer("c1", 3, T0, duration=2, settings=SETTINGS)  # a new file
        counts.reset()
        assert len(store.reviews(since=TODAY)) == 1
        assert counts.reads == {"laptop/2026-11-27.json": 1}  # yesterday's, listed too; today's was not read
        assert store.reviews(since=TODAY - timedelta(days=1)) == fresh_reviews(data, TODAY - timedelta(days=1))
    with _open(data) as store:
        store.answer("c2", 3, at(5), duration=2, settings=SETTINGS)  # before any list: the file is read once
        assert store.reviews(since=TODAY) == fresh_reviews(data)
        counts.reset()
        store.answer("c2", 3, at(6), duration=2, settings=SETTINGS)
        listed = store.reviews(since=TODAY)
        assert "laptop/2026-11-28.json" not in counts.reads
        assert listed == fresh_reviews(data)


def test_a_file_deleted_behind_the_stores_back(tmp_path: Path, counts: Counts) -> None:
    data = tmp_path / "data"
    with _open(data) as store:
        now = _long_day(store, 6)
        store.reviews(since=TODAY)
        (data / OWN).unlink()
        store.answer("c1", 3, now, duration=2, settings=SETTINGS)  # a new file, with this answer only
        counts.reset()
        listed = store.reviews(since=TODAY)
        assert counts.reads == {}
        assert len(listed) == 1 and listed == fresh_reviews(data)


def test_prepare_answers_reads_todays_file_ahead_so_the_first_answer_neither_reads_nor_encodes_it(
    tmp_path: Path, counts: Counts, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    store = _open(data)
    for i in range(5):
        store.answer(f"c{i}", 3, at(i), duration=1.0, settings=SETTINGS)
    store.close()
    store = _open(data, now=at(10))
    counts.reset()
    store.prepare_answers(at(10))
    assert counts.reads[OWN.parent.parent.name + "/" + OWN.name] == 1  # the day's file, read once
    encoded: list[object] = []
    real_dumps = files.dumps
    monkeypatch.setattr(files, "dumps", lambda value: encoded.append(value) or real_dumps(value))
    counts.reset()
    store.answer("c9", 3, at(11), duration=1.0, settings=SETTINGS)
    assert counts.reads == Counter()  # not read again by the save
    # Only the new document is encoded, not the five already in the file.
    assert [v["card"] for v in encoded if isinstance(v, dict) and "card" in v] == ["c9"]
    assert len(read_tables(data / OWN)["log"]) == 6
    store.close()


def test_prepare_answers_writes_nothing_and_leaves_a_damaged_file_to_the_save(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = _open(data)
    store.answer("c0", 3, at(0), duration=1.0, settings=SETTINGS)
    store.close()
    store = _open(data, now=at(5))
    (data / OWN).write_bytes(b'{"log": {"1": {"t": "rev')  # cut short behind the open store's back
    store.prepare_answers(at(5))  # no error here: the save that follows meets the damage and deals with it
    assert (data / OWN).read_bytes() == b'{"log": {"1": {"t": "rev'
    store.close()
    read_only = _open(data, now=at(5), read_only=True)
    read_only.prepare_answers(at(5))  # a read-only store has nothing to prepare
    read_only.close()
