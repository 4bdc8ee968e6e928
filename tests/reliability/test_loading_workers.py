"""The first load parses notes in worker processes with a time budget per file: one file never stops the rest."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from devday_tui.library import load_library, parsing, reload_note, workers
from tests.conftest import REPO

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _worker_tasks  # noqa: E402

sys.path.insert(0, str(REPO / "benchmarks"))
from gen_corpus import write_corpus  # noqa: E402


def fingerprint(lib) -> list[tuple[str, str, str, str]]:
    return [(c.note_key, c.id, c.front, str(c.back)) for c in lib.cards]


def test_workers_give_the_same_library_as_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_corpus(40, tmp_path / "notes", "mixed", 5, 6_000)
    progress: list[tuple[int, int]] = []
    pooled = load_library(
        [tmp_path / "notes"], cache_dir=tmp_path / "c1", workers=2, progress=lambda d, t: progress.append((d, t))
    )
    alone = load_library([tmp_path / "notes"], cache_dir=tmp_path / "c2", workers=0)
    assert len(pooled.notes) == 40 and pooled.warnings == []
    assert fingerprint(pooled) == fingerprint(alone)
    assert [s.source for n in pooled.notes for s in n.walk()] == [s.source for n in alone.notes for s in n.walk()]
    assert progress[0] == (0, 40) and progress[-1] == (40, 40)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)

    def never(*_args, **_kwargs):
        raise AssertionError("a note the workers cached was parsed again")

    monkeypatch.setattr(parsing, "parse_note", never)
    warm = load_library([tmp_path / "notes"], cache_dir=tmp_path / "c1")  # entries written by the workers
    assert fingerprint(warm) == fingerprint(pooled) and warm.warnings == []


def test_a_late_note_and_a_crashing_note_are_reported_and_the_rest_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "_parse_batch", _worker_tasks.misbehaving_batch)
    notes = tmp_path / "notes"
    notes.mkdir()
    for i in range(8):
        (notes / f"n{i}.md").write_text(f"## S{i}\n\n- Term{i}: meaning {i}\n", encoding="utf-8")
    (notes / "n3.md").write_text("## Slow\n\n- SLOW: never ends\n", encoding="utf-8")
    (notes / "n5.md").write_text("## Crash\n\n- CRASH: kills its worker\n", encoding="utf-8")
    start = time.monotonic()
    lib = load_library([notes], cache_dir=tmp_path / "cache", workers=2, budget=1.0)
    took = time.monotonic() - start
    assert sorted(n.rel for n in lib.notes) == [f"n{i}.md" for i in (0, 1, 2, 4, 6, 7)]
    problems = {w.path.name: w.message for w in lib.warnings}
    assert set(problems) == {"n3.md", "n5.md"}
    assert "took longer than 1 s" in problems["n3.md"]
    assert "crashed" in problems["n5.md"]
    assert took < 60  # the sleeping worker was stopped, not waited for

    # Reading one changed file again goes through the same guard.
    (notes / "n0.md").write_text("## S0\n\n- SLOW: now this one\n", encoding="utf-8")
    again = reload_note(lib, notes / "n0.md", workers=1, budget=1.0)
    assert "n0.md" not in {n.rel for n in again.notes}
    assert any(w.path.name == "n0.md" and "took longer" in w.message for w in again.warnings)


def test_workers_write_under_the_parser_tag_of_the_process_that_started_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import functools

    from devday_tui.library import cache as parse_cache
    from devday_tui.library import loading

    # As if the parser's source changed while the app ran: the workers, started later, would digest another
    # source; they must still write where the app reads.
    monkeypatch.setattr(loading, "ParseCache", functools.partial(parse_cache.ParseCache, tag="as-started"))
    write_corpus(6, tmp_path / "notes", "mixed", 5, 2_000)
    load_library([tmp_path / "notes"], cache_dir=tmp_path / "c", workers=2)
    folders = [p.name for p in (tmp_path / "c").iterdir() if p.is_dir()]
    assert folders == [f"parse-vas-started.{parse_cache.CACHE_FORMAT}"]
    assert len([p for p in (tmp_path / "c" / folders[0]).rglob("*") if p.is_file()]) == 6
