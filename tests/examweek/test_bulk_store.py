"""Bulk changes in the store: one write, undone as one step, kept across a reopen and a rebuild; flags."""

from __future__ import annotations

from datetime import timedelta

import pytest

from devday_tui.core.card_history import history_rows
from devday_tui.store import Store, StoreReadOnly
from tests.store.helpers import SETTINGS, at


def open_store(data_dir, now=None, **kw) -> Store:
    return Store.open(data_dir, device_id="dev-a", now=now or at(), **kw)


def test_suspend_many_then_undo_as_one_step(data_dir) -> None:
    with open_store(data_dir) as store:
        store.answer("c1", 3, at(), duration=2, settings=SETTINGS)
        change = store.bulk("suspend", ["c1", "c2", "c3"], at(1))
        assert change.card_ids == ("c1", "c2", "c3")
        assert all(store.progress(c).suspended for c in ("c1", "c2", "c3"))
        again = store.bulk("suspend", ["c1", "c4"], at(2))
        assert again.card_ids == ("c4",)  # c1 was suspended already
        assert store.undo_bulk(at(3)) is again
        assert store.progress("c4") is None
        assert store.undo_bulk(at(4)) is change
        assert not store.progress("c1").suspended and store.progress("c1").reps == 1
        assert store.progress("c2") is None
        assert store.undo_bulk(at(5)) is None
    with open_store(data_dir) as store:  # the undone events stay undone on disk, and after a rebuild
        assert not store.progress("c1").suspended
        assert store.progress("c2") is None
        store._rebuild(at(6))
        assert store.progress("c2") is None and store.progress("c1").reps == 1


def test_reset_to_new_and_send_to_today(data_dir) -> None:
    with open_store(data_dir, now=at(days=5)) as store:
        for minutes in (0, 20):
            store.answer("c1", 3, at(minutes), duration=1, settings=SETTINGS)
        store.answer("c1", 1, at(days=5), duration=1, settings=SETTINGS)
        assert store.progress("c1").state != "new"
        store.bulk("reset", ["c1", "never-studied"], at(days=5, minutes=1))
        p = store.progress("c1")
        assert (p.state, p.reps, p.lapses, p.due, p.stability) == ("new", 0, 0, None, None)
        assert store.progress("never-studied") is None  # nothing to reset
        store.bulk("today", ["c2"], at(days=5, minutes=2))
        assert store.progress("c2").due == at(days=5, minutes=2)
    with open_store(data_dir, now=at(days=6)) as store:
        store._rebuild(at(days=6))
        assert store.progress("c1").state == "new"
        store.answer("c1", 3, at(days=6), duration=1, settings=SETTINGS)
        rows = history_rows("c1", store.card_reviews("c1"))
        assert [r.grade for r in rows] == ["Good", "Good", "Again", "Good"]
        assert rows[-1].state_before == "new"  # studied from scratch after the reset
        assert rows[-1].interval is not None and rows[-1].interval < timedelta(days=1)


def test_undo_after_an_answer_keeps_the_answer(data_dir) -> None:
    with open_store(data_dir) as store:
        store.bulk("bury", ["c1"], at(), until=at(days=1))
        store.answer("c1", 3, at(1), duration=1, settings=SETTINGS)
        store.undo_bulk(at(2))
        p = store.progress("c1")
        assert p.reps == 1 and p.buried_until is None


def test_flags_set_undo_and_sync(data_dir) -> None:
    with open_store(data_dir) as store:
        store.bulk("flag", ["c1", "c2"], at(), flag="red")
        store.bulk("flag", ["c2"], at(1), flag="blue")
        assert store.flags() == {"c1": "red", "c2": "blue"}
        store.undo_bulk(at(2))
        assert store.flags() == {"c1": "red", "c2": "red"}
        store.bulk("flag", ["c1"], at(3), flag="")
        assert store.flags() == {"c2": "red"}
        with pytest.raises(ValueError):
            store.bulk("flag", ["c1"], at(4), flag="magenta")
    with Store.open(data_dir, device_id="dev-b", now=at(5)) as other:
        assert other.flags() == {"c2": "red"}
        other.bulk("flag", ["c2"], at(6), flag="green")
    with open_store(data_dir) as store:
        assert store.flags() == {"c2": "green"}  # the latest flag wins across devices


def test_damaged_flags_file_is_reported_not_fatal(data_dir) -> None:
    with open_store(data_dir) as store:
        store.bulk("flag", ["c1"], at(), flag="red")
    (data_dir / "devices" / "dev-a" / "flags.json").write_text(
        '{"flags": {"1": {"key": "c1", "flag": "red", "at": "x', "utf-8"
    )
    with open_store(data_dir) as store:
        assert store.flags() == {}
        assert any("flags.json" in n for n in store.notices)


def test_read_only_refuses(data_dir) -> None:
    with open_store(data_dir):
        pass
    with open_store(data_dir, read_only=True) as store:
        with pytest.raises(StoreReadOnly):
            store.bulk("suspend", ["c1"], at())
