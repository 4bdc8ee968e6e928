"""Cards that move: history re-attaches to a nearly identical card of the same section; the rest are orphans."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from devday_tui.core.model import Item
from devday_tui.core.parser import parse_note
from devday_tui.core.similarity import front_similarity, match_moved
from devday_tui.store import Store
from tests.conftest import SAMPLE_NOTE
from tests.store.helpers import SETTINGS, T0, UTC, card

Q_OLD = "Fargate の起動タイプで、EC2 インスタンスの管理は誰がする？"
Q_TYPO = "Fargate の起動タイプで、EC2 インスタンスの管理は誰がするか？"


def _open(path: Path, **kw) -> Store:
    kw.setdefault("now", T0)  # history dated more than a day after ``now`` is held back: pass a later one
    return Store.open(path, device_id="laptop", tz=UTC, **kw)


def _studied(data_dir: Path, deck) -> dict:
    with _open(data_dir) as store:
        store.reconcile(deck, T0)
        for i, c in enumerate(deck):
            store.answer(c.id, 3, T0 + timedelta(minutes=i), duration=1, settings=SETTINGS)
        store.set_annotation(deck[0].id, "my mnemonic", T0)
        return store.all_progress()


def test_similarity_ignores_width_case_and_spacing() -> None:
    assert front_similarity("ＣＤＫ  とは", "cdk とは") == 1.0
    assert front_similarity(Q_OLD, Q_TYPO) > 0.95
    assert front_similarity("Lambda の最大実行時間は？", "Lambda の最大メモリは？") < 0.8
    assert front_similarity("", "x") == 0.0


def test_match_moved_pairs_best_first_and_leaves_ties_alone() -> None:
    vanished = [("old1", "s", "What does ECS stand for?"), ("old2", "s", "abc"), ("old3", "t", "Same text")]
    fresh = [
        ("new1", "s", "What does Amazon ECS stand for?"),
        ("new2", "u", "abc"),
        ("new3", "t", "Same text!"),
        ("new4", "t", "Same text?"),
    ]
    pairs = match_moved(vanished, fresh)
    assert [(o, n) for o, n, _ in pairs] == [("old1", "new1")]  # old2: other section; old3: two equal candidates


def test_fixed_typo_re_attaches_history_and_it_is_persisted(data_dir: Path) -> None:
    deck = [card("a", "s1", Q_OLD), card("b", "s1", "CDK のテスト 3 種類は？"), card("c", "s2", "Other")]
    before = _studied(data_dir, deck)
    edited = [card("a2", "s1", Q_TYPO), deck[1], deck[2]]
    with _open(data_dir) as store:
        result = store.reconcile(edited, T0 + timedelta(days=1))
        assert [(r.old_id, r.new_id) for r in result.reattached] == [("a", "a2")]
        assert result.orphans == () and result.saved
        moved = store.progress("a2")
        assert moved is not None and moved.reps == before["a"].reps and moved.due == before["a"].due
        assert store.progress("a") is moved or store.progress("a") == moved  # old id still resolves
        assert "a" not in store.all_progress()
        assert [r.card_id for r in store.reviews()].count("a2") == 1
        assert store.annotation("a2") == "my mnemonic" and store.annotation("a") is None
        # answering the new card continues the old history
        ans = store.answer("a2", 3, T0 + timedelta(days=3), duration=1, settings=SETTINGS)
        assert ans.before == moved and ans.after.reps == moved.reps + 1
        expected = store.all_progress()
    (data_dir / "devices/laptop/snapshot.json").unlink()  # the history alone says it
    with _open(data_dir, now=T0 + timedelta(days=3)) as store:
        assert store.all_progress() == expected
        assert store.orphans(edited) == []


def test_vanished_card_without_a_look_alike_is_an_orphan_and_comes_back(data_dir: Path) -> None:
    deck = [card("a", "s1", "What is Fargate?"), card("b", "s1", "What is ECS?")]
    before = _studied(data_dir, deck)
    rewritten = [card("x", "s1", "Name three CDK test styles"), deck[1]]
    with _open(data_dir) as store:
        result = store.reconcile(rewritten, T0 + timedelta(days=1))
        assert result.reattached == ()
        [orphan] = result.orphans
        assert orphan.card_id == "a" and orphan.front == "What is Fargate?" and orphan.section_id == "s1"
        assert orphan.progress == before["a"] and orphan.path == "n.md"
        assert orphan.to_json()["reps"] == 1
        assert store.progress("x") is None  # the new card starts fresh
        assert [o.card_id for o in store.orphans()] == ["a"]
    with _open(data_dir) as store:  # kept across restarts, listed without a library at hand
        assert store.progress("a") == before["a"]
        result = store.reconcile(deck, T0 + timedelta(days=2))  # the card is back
        assert result.orphans == () and store.progress("a") == before["a"]


def test_moved_history_with_fuzzed_intervals_replays_the_same(data_dir: Path) -> None:
    old, new = card("a", "s1", Q_OLD), card("a2", "s1", Q_TYPO)
    now = T0
    with _open(data_dir) as store:
        store.reconcile([old], now)
        for _ in range(4):  # into review state: fuzzed intervals, seeded by the id
            now = store.answer("a", 3, now, duration=1, settings=SETTINGS).after.due
        store.reconcile([new], now)
        live = store.progress("a2")
        assert live.state == "review" and live.reps == 4
    (data_dir / "devices/laptop/snapshot.json").unlink()
    with _open(data_dir, now=now) as store:
        assert store.progress("a2") == live  # the due date drawn under the old id is kept
        for _ in range(3):
            now = store.answer("a2", 3, now, duration=1, settings=SETTINGS).after.due
        live = store.progress("a2")
    (data_dir / "devices/laptop/snapshot.json").unlink()
    with _open(data_dir, now=now) as store:
        assert store.progress("a2") == live


def test_same_front_in_another_section_does_not_re_attach_while_its_section_is_there(data_dir: Path) -> None:
    deck = [card("a", "s1", Q_OLD), card("b", "s1", "Other")]
    _studied(data_dir, deck)
    with _open(data_dir) as store:
        result = store.reconcile([card("a2", "s9", Q_TYPO), deck[1]], T0 + timedelta(days=1))
        assert result.reattached == () and [o.card_id for o in result.orphans] == ["a"]


def test_history_of_a_vanished_section_re_attaches_within_its_note(data_dir: Path) -> None:
    deck = [
        card("a", "s1", Q_OLD),
        card("b", "s1", "What is ECS?"),
        card("c", "s1", "What is EKS?"),
        card("d", "s1", "Same front"),
        card("keep", "s2", "Untouched"),
    ]
    before = _studied(data_dir, deck)
    renamed = [
        card("a2", "s1b", Q_OLD),
        card("b2", "s1b", "What is Amazon ECS?"),  # the heading renamed and the front changed: too different
        card("c2", "s7", "What is EKS?", note="other"),  # the same front in another note
        card("d2", "s1b", "Same front"),
        card("d3", "s3", "Same front"),  # two equal candidates: no guess
        deck[4],
    ]
    with _open(data_dir) as store:
        result = store.reconcile(renamed, T0 + timedelta(days=1))
        assert [(r.old_id, r.new_id, r.score) for r in result.reattached] == [("a", "a2", 1.0)]
        assert [o.card_id for o in result.orphans] == ["b", "c", "d"]
        assert store.progress("a2") == replace(before["a"], card_id="a2")
    with _open(data_dir) as store:  # persisted
        assert store.progress("a2") == replace(before["a"], card_id="a2")


def test_renaming_a_heading_of_the_sample_keeps_the_history_of_its_cards(data_dir: Path) -> None:
    text = SAMPLE_NOTE.read_text(encoding="utf-8")
    note = parse_note(text, SAMPLE_NOTE, SAMPLE_NOTE.name)
    section = next(s for s in note.walk() if s.heading == "CDK のコンセプト")
    studied = [c for c in note.cards if c.section_id == section.id]
    assert len(studied) == 8  # the list card, three definitions, the label-list and three definitions
    with _open(data_dir) as store:
        store.reconcile(note.cards, T0)
        for i, c in enumerate(studied):
            store.answer(c.id, 3, T0 + timedelta(minutes=i), duration=1, settings=SETTINGS)
    edited = parse_note(text.replace("### CDK のコンセプト", "### CDK の基本コンセプト"), SAMPLE_NOTE, SAMPLE_NOTE.name)
    moved = [c for c in edited.cards if (c.line, c.kind) in {(s.line, s.kind) for s in studied}]
    assert len(moved) == 8 and not {c.id for c in moved} & {c.id for c in studied}
    with _open(data_dir) as store:
        result = store.reconcile(edited.cards, T0 + timedelta(days=1))
        # Every card follows the heading: the list card too, as its question (the heading) barely changed.
        at = {(c.line, c.kind): c for c in moved}
        assert {(r.old_id, r.new_id) for r in result.reattached} == {(c.id, at[c.line, c.kind].id) for c in studied}
        assert result.orphans == ()
        assert [at[c.line, c.kind].front for c in studied if c.kind == "list"] == ["CDK の基本コンセプト — 3 points"]
    # A heading rewritten beyond recognition: the list card's history stays an orphan, the others follow.
    rewritten = parse_note(text.replace("### CDK のコンセプト", "### 主な概念"), SAMPLE_NOTE, SAMPLE_NOTE.name)
    with _open(data_dir) as store:
        result = store.reconcile(rewritten.cards, T0 + timedelta(days=2))
        assert len(result.reattached) == 7
        assert [o.front for o in result.orphans] == ["CDK の基本コンセプト — 3 points"]


def test_edit_then_revert_moves_history_back_without_a_cycle(data_dir: Path) -> None:
    deck = [card("a", "s1", Q_OLD)]
    before = _studied(data_dir, deck)
    with _open(data_dir) as store:
        store.reconcile([card("a2", "s1", Q_TYPO)], T0 + timedelta(days=1))
        result = store.reconcile(deck, T0 + timedelta(days=2))
        assert [(r.old_id, r.new_id) for r in result.reattached] == [("a2", "a")]
        assert store.progress("a") == before["a"] and store.progress("a2") == before["a"]
    (data_dir / "devices/laptop/snapshot.json").unlink()
    with _open(data_dir, now=T0 + timedelta(days=2)) as store:
        assert store.all_progress() == before


def test_read_only_reconcile_saves_nothing(data_dir: Path) -> None:
    deck = [card("a", "s1", Q_OLD)]
    _studied(data_dir, deck)
    files = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    with _open(data_dir, read_only=True) as store:
        result = store.reconcile([card("a2", "s1", Q_TYPO)], T0 + timedelta(days=1))
        assert not result.saved and len(result.reattached) == 1
    assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == files


def test_catalog_keeps_only_cards_with_history(data_dir: Path) -> None:
    """Thousands of never-studied cards must not make start-up slow: only studied cards are catalogued."""
    from devday_tui.store.files import read_tables

    deck = [card(f"c{i}", "s1", f"Question number {i}?") for i in range(50)]
    with _open(data_dir) as store:
        store.reconcile(deck, T0)
        store.answer("c3", 3, T0, duration=1, settings=SETTINGS)
        path = store.own_dir / store.CATALOG
    catalog = read_tables(path) or {}  # written when the store closes
    assert sorted(d["card"] for d in catalog.get("cards", {}).values()) == ["c3"]


def test_renaming_a_note_file_keeps_the_history_of_its_cards(data_dir: Path, tmp_path: Path) -> None:
    text = SAMPLE_NOTE.read_text(encoding="utf-8")
    note = parse_note(text, SAMPLE_NOTE, SAMPLE_NOTE.name)
    with _open(data_dir) as store:
        store.reconcile(note.cards, T0)
        for i, c in enumerate(note.cards[:20]):
            store.answer(c.id, 3, T0 + timedelta(minutes=i), duration=1, settings=SETTINGS)
    renamed = parse_note(text, tmp_path / "day1.md", "day1.md")  # no frontmatter id: every id changes
    assert not {c.id for c in renamed.cards} & {c.id for c in note.cards}
    with _open(data_dir) as store:
        result = store.reconcile(renamed.cards, T0 + timedelta(days=1))
        assert result.orphans == () and len(result.reattached) == 20
        old_to_new = {r.old_id: r.new_id for r in result.reattached}
        for old, new in zip(note.cards[:20], renamed.cards[:20]):
            assert old_to_new[old.id] == new.id


def test_a_note_of_the_same_title_that_has_history_of_its_own_takes_nothing(data_dir: Path) -> None:
    # 2019/day1.md is not loaded this time; 2020/day1.md has the same title and the same first card.
    older = [
        card("a", "s1", "What is Fargate?", note="2019/day1.md"),
        card("b", "s1", "What is ECS?", note="2019/day1.md"),
    ]
    newer = [
        card("x", "s9", "What is Fargate?", note="2020/day1.md"),
        card("y", "s9", "What is EKS?", note="2020/day1.md"),
    ]
    _studied(data_dir, older)
    with _open(data_dir) as store:
        store.reconcile(older + newer, T0)
        store.answer("y", 3, T0 + timedelta(hours=1), duration=1, settings=SETTINGS)
    with _open(data_dir) as store:
        result = store.reconcile(newer, T0 + timedelta(days=1))
        assert result.reattached == () and [o.card_id for o in result.orphans] == ["a", "b"]
        assert store.progress("x") is None


def _list(cid: str, section: str, front: str, *texts: str, kind: str = "label-list"):
    return replace(card(cid, section, front), kind=kind, back=tuple(Item(t) for t in texts))


def test_a_relabelled_list_re_attaches_by_its_items_from_the_catalog(data_dir: Path) -> None:
    from devday_tui.store.files import read_tables

    deck = [
        _list("a", "s1", "書き込みに対してスケーラブル。 — 2 points", "name(PK), time(SK)", "GSI"),
        _list("b", "s1", "Tools — 2 points", "AWS CLI", "ECS CLI"),
    ]
    before = _studied(data_dir, deck)
    catalog = read_tables(data_dir / "devices/laptop" / Store.CATALOG) or {}
    assert all(len(d["items"]) == 2 for d in catalog["cards"].values())
    # A new parser reads the label as prose: the list keeps its items under the heading's front.
    upgraded = [
        _list("a2", "s1", "アプリを作るときは — 2 points", "name(PK), time(SK)", "GSI", kind="list"),
        _list("b2", "s1", "Tools — 3 points", "AWS CLI", "ECS CLI", "CDK", kind="list"),
    ]
    with _open(data_dir) as store:
        result = store.reconcile(upgraded, T0 + timedelta(days=1))
        assert sorted((r.old_id, r.new_id) for r in result.reattached) == [("a", "a2"), ("b", "b2")]
        assert result.orphans == ()
        assert store.progress("a2").due == before["a"].due and store.annotation("a2") == "my mnemonic"


def test_a_catalog_entry_without_items_matches_on_its_front_only(data_dir: Path) -> None:
    from devday_tui.store.files import read_tables, write_tables

    deck = [_list("a", "s1", "Label one — 2 points", "x", "y"), _list("b", "s1", "Tools — 2 points", "p", "q")]
    _studied(data_dir, deck)
    path = data_dir / "devices/laptop" / Store.CATALOG
    tables = read_tables(path) or {}
    for doc in tables["cards"].values():
        del doc["items"]  # as written before back items were recorded
    write_tables(path, tables)
    upgraded = [
        _list("a2", "s1", "Something else — 2 points", "x", "y"),
        _list("b2", "s1", "Tools — 3 points", "p", "q", "r"),
    ]
    with _open(data_dir) as store:
        result = store.reconcile(upgraded, T0 + timedelta(days=1))
        assert [(r.old_id, r.new_id) for r in result.reattached] == [("b", "b2")]
        assert [o.card_id for o in result.orphans] == ["a"]


@pytest.mark.parametrize(
    "raw",
    [
        '"abc"',
        "[1e999]",
        '["00000000000g"]',
        '["000000000000"]',
        "[[[]]]",
        "[" + ", ".join(['"000000000000"'] * 65) + "]",
        '["' + "a" * 10_000 + '"]',
    ],
    ids=["text", "infinite", "not-hex", "good", "nested", "too-many", "too-long"],
)
def test_item_digests_in_the_catalog_are_checked_when_read(data_dir: Path, raw: str) -> None:
    from tests.store.damage import spoil

    _studied(data_dir, [_list("a", "s1", "Label — 2 points", "x", "y")])
    spoil(data_dir / "devices/laptop" / Store.CATALOG, "cards", "items", raw)
    good = raw == '["000000000000"]'
    with _open(data_dir) as store:
        skipped = any("1 entry could not be used and was skipped" in n for n in store.notices)
        assert skipped is not good
        result = store.reconcile([_list("a2", "s1", "Label — 3 points", "x", "y", "z")], T0 + timedelta(days=1))
        # a good entry still matches on its front; a skipped one leaves the history an orphan, kept
        assert [r.new_id for r in result.reattached] == (["a2"] if good else [])
        assert [o.card_id for o in result.orphans] == ([] if good else ["a"])
