"""Upgrading the parser never loses progress.

``tests/core/fixtures/sample_cards_parser_v4.json`` holds the sample note's cards as parser version 4 made them
(written before the card rules of version 5 changed anything). Every one of them is answered in a store; then the
store meets the cards of the current parser, through its real re-attachment (``Store.reconcile``).
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from devday_tui.core.model import LIST_KINDS, Card, Item
from devday_tui.core.parser import PARSER_VERSION, parse_note
from devday_tui.store import Store
from tests.conftest import SAMPLE_NOTE
from tests.store.helpers import SETTINGS, T0, UTC

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "sample_cards_parser_v4.json"

#: What the upgrade from version 4 does to the sample note's 86 studied cards, checked by hand: the same id, a
#: re-attachment to the matching new card, or an orphan (kept, listed, and re-attached if the card comes back).
#: Re-attached: lists whose count or label changed, the sequence that is now a list, "DynamoDB とは — 1 point" (now
#: a definition). The orphans are the URL-only definition and the author wondering (`turnerlabs/fargate: こっちの
#: ほうが運用向き？`), no cards on purpose, and three lists that were merged into a bigger card which already takes
#: the history of a closer match: one card cannot carry two histories.
SAME_ID = 74
REATTACHED = 7
ORPHANS = 5
MERGED_AWAY = {
    "nginx を動かす。 — 3 points",
    "CLI ツールは２つある。 — 2 points",
    "構成例：ALB -> ECS on Fargate -> RDS Aurora — 2 points",
}
URL_ONLY = "ワークショップ"
WONDERING = "turnerlabs/fargate"


def old_cards() -> list[Card]:
    def item(d: dict) -> Item:
        return Item(d["text"], tuple(item(c) for c in d["children"]))

    out = []
    for d in json.loads(FIXTURE.read_text(encoding="utf-8")):
        back = d["back"] if isinstance(d["back"], str) else tuple(item(i) for i in d["back"])
        out.append(
            Card(
                d["id"],
                d["kind"],
                d["front"],
                back,
                tuple(d["context"]),
                d["note_key"],
                d["note"],
                SAMPLE_NOTE,
                d["line"],
                d["section_id"],
                tuple(d["answers"]),
            )
        )
    return out


@pytest.fixture
def upgraded(tmp_path: Path):
    old = old_cards()
    with Store.open(tmp_path, device_id="laptop", now=T0, tz=UTC) as store:
        store.reconcile(old, T0)
        for i, c in enumerate(old):
            store.answer(c.id, 3, T0 + timedelta(minutes=i), duration=2, settings=SETTINGS)
        before = store.all_progress()
    new = parse_note(SAMPLE_NOTE.read_text(encoding="utf-8"), SAMPLE_NOTE, SAMPLE_NOTE.name).cards
    with Store.open(tmp_path, device_id="laptop", now=T0, tz=UTC) as store:
        result = store.reconcile(new, T0 + timedelta(days=1))
        after = store.all_progress()
    return old, new, before, result, after


def test_the_fixture_is_the_old_parser() -> None:
    assert PARSER_VERSION > 4
    assert len(old_cards()) == 86


def test_every_review_is_kept_on_a_matching_card_or_as_an_orphan(upgraded) -> None:
    old, new, before, result, after = upgraded
    new_by_id = {c.id: c for c in new}
    old_by_id = {c.id: c for c in old}
    same = [c for c in old if c.id in new_by_id]
    moved = {r.old_id: r.new_id for r in result.reattached}
    orphans = {o.card_id for o in result.orphans}
    assert (len(same), len(moved), len(orphans)) == (SAME_ID, REATTACHED, ORPHANS)
    # Every studied card is accounted for once, and its progress (reps, due) is where it went.
    assert len({c.id for c in same} | set(moved) | orphans) == len(same) + len(moved) + len(orphans) == len(old)
    for c in same:
        assert after[c.id].reps == before[c.id].reps == 1
    for old_id, new_id in moved.items():
        assert after[new_id].reps == before[old_id].reps and after[new_id].due == before[old_id].due
        # A re-attachment is to the card that took the old one's place, in the same section.
        assert new_by_id[new_id].section_id == old_by_id[old_id].section_id
    for orphan in result.orphans:
        assert orphan.progress.reps == 1  # kept, not lost


def test_only_cards_made_no_more_and_lists_merged_into_another_are_orphans(upgraded) -> None:
    old, new, _, result, _ = upgraded
    old_by_id = {c.id: c for c in old}
    new_by_id = {c.id: c for c in new}
    orphans = {old_by_id[o.card_id].front: old_by_id[o.card_id] for o in result.orphans}
    assert set(orphans) == MERGED_AWAY | {URL_ONLY, WONDERING}
    taken = {r.new_id: old_by_id[r.old_id] for r in result.reattached}
    for front in MERGED_AWAY:
        lost = orphans[front]
        items = {i.text for i in lost.back}
        # Every item went into one new list of the same section (as it was, or as its whole line: the value of
        # `turnerlabs/fargate` is no card now), and that card carries another old card's history.
        [home] = [
            c
            for c in new
            if c.section_id == lost.section_id
            and c.kind in LIST_KINDS
            and all(any(i.text == x or i.text.startswith(x + ": ") for i in c.back) for x in items)
        ]
        assert home.id in taken and taken[home.id].id != lost.id
    kinds = {(old_by_id[r.old_id].kind, new_by_id[r.new_id].kind) for r in result.reattached}
    assert kinds == {("label-list", "definition"), ("list", "definition"), ("sequence", "list"), ("label-list", "list")}


def test_cards_issue_2_names_keep_their_ids(upgraded) -> None:
    old, new, *_ = upgraded
    new_ids = {c.id for c in new}
    # 306 is gone on purpose: its answer is only a URL.
    named = {
        (80, "definition"),
        (285, "definition"),
        (130, "definition"),
        (242, "list"),
        (142, "label-list"),
        (73, "label-list"),
        (387, "cloze"),
    }
    kept = [c for c in old if (c.line, c.kind) in named]
    assert len(kept) == len(named)
    for c in kept:
        assert c.id in new_ids, c.front
