"""The rules that decide which new card takes the history of a card that vanished (``core.similarity``)."""

from __future__ import annotations

import time

from devday_tui.core.model import Item
from devday_tui.core.similarity import (
    MAX_ITEMS,
    Shape,
    back_digests,
    head_digests,
    item_digest,
    item_overlap,
    kinds_compatible,
    match_displaced,
    match_moved,
    question_similarity,
    strip_count,
)


def items(*texts: str) -> tuple[str, ...]:
    return back_digests(tuple(Item(t) for t in texts))


def pairs(vanished, fresh) -> list[tuple[str, str]]:
    return [(o, n) for o, n, _ in match_moved(vanished, fresh)]


# -- the count the parser adds to a front ------------------------------------------------------------------------


def test_every_count_suffix_the_parser_writes_is_set_aside() -> None:
    assert strip_count("AWS CDK — 3 points") == "aws cdk"
    assert strip_count("DynamoDB とは — 1 point") == "dynamodb とは"
    assert strip_count("Fargate CLI — 3 steps, in order") == "fargate cli"
    assert strip_count("デプロイ手順 — 1 step, in order") == "デプロイ手順"
    assert strip_count("Storage classes (2/3) — 12 points") == "storage classes"
    assert strip_count("Storage classes (1/2)") == "storage classes"
    assert strip_count("ＡＷＳ  CDK （1/2） — 3 points") == "aws cdk"  # full width and spacing fold first


def test_only_a_trailing_count_is_set_aside() -> None:
    assert strip_count("3 points of failure") == "3 points of failure"
    assert strip_count("Lambda — 3 points to remember about cold starts") == (
        "lambda — 3 points to remember about cold starts"
    )
    assert strip_count("— 3 points") == "— 3 points"  # nothing else left: the front stays what it was
    assert strip_count("Ratio (1/2) of reads") == "ratio (1/2) of reads"


def test_stripping_is_linear_on_long_and_many_line_fronts() -> None:
    hostile = [
        "a (1/2) — 1 point" * 20_000,
        " (" * 100_000 + "1/",
        "— 1 " * 100_000 + "point",
        "x\r\n" * 100_000 + " — 3 points",
        "(1/" + "1" * 200_000,
    ]
    start = time.perf_counter()
    for text in hostile:
        strip_count(text)
    assert time.perf_counter() - start < 2.0
    assert strip_count("x\r\n" * 3 + " — 3 points") == "x x x"


def test_question_similarity_compares_fronts_without_their_counts() -> None:
    assert question_similarity("AWS CDK — 3 points", "AWS CDK — 7 points") == 1.0
    assert question_similarity("DynamoDB とは — 1 point", "DynamoDB とは") == 1.0
    assert question_similarity("AWS CDK — 3 points", "ECS CLI — 3 points") < 0.8


# -- back items ---------------------------------------------------------------------------------------------------


def test_back_digests_are_top_level_items_or_text_lines_normalised_and_bounded() -> None:
    nested = (Item("Fargate", (Item("serverless"),)), Item("ＥＣＳ"))
    assert back_digests(nested) == (item_digest("fargate"), item_digest("ecs"))
    assert back_digests("Serverless containers\n\n  no patching\n") == (
        item_digest("serverless containers"),
        item_digest("no patching"),
    )
    digests = back_digests(tuple(Item(f"item {i}") for i in range(500)))
    assert len(digests) == MAX_ITEMS and all(len(d) == 12 for d in digests)


def test_item_overlap_is_jaccard_and_unknown_without_items() -> None:
    assert item_overlap(items("a", "b", "c"), items("a", "b", "c", "d")) == 0.75
    assert item_overlap(items("a"), items("b")) == 0.0
    assert item_overlap(None, items("a")) is None and item_overlap((), items("a")) is None


# -- kinds --------------------------------------------------------------------------------------------------------


def test_kind_changes_that_keep_the_question() -> None:
    def ok(old_kind, new_kind, old_items=items("a", "b"), new_items=items("a", "b")) -> bool:
        return kinds_compatible(Shape("o", "s", "X", old_kind, old_items), Shape("n", "s", "X", new_kind, new_items))

    assert ok("sequence", "list") and ok("list", "label-list") and ok("label-list", "sequence")
    assert ok("list", "definition", old_items=items("one")) and ok("definition", "list", new_items=items("one"))
    assert ok("definition", "explicit") and ok(None, "cloze")
    assert not ok("list", "definition")  # two items are not one definition
    assert not ok("list", "definition", old_items=None)  # how many items is unknown
    assert not ok("definition", "cloze") and not ok("list", "cloze") and not ok("cloze", "explicit")


# -- matching -----------------------------------------------------------------------------------------------------


def test_a_list_that_gained_an_item_keeps_its_history() -> None:
    old = [Shape("old", "s", "AWS CDK — 3 points", "label-list", items("a", "b", "c"))]
    new = [
        Shape("new", "s", "AWS CDK — 4 points", "list", items("a", "b", "c", "d")),
        Shape("other", "s", "ECS CLI — 3 points", "list", items("x", "y", "z")),
    ]
    assert pairs(old, new) == [("old", "new")]


def test_a_one_item_list_that_became_a_definition_keeps_its_history() -> None:
    old = [Shape("old", "s", "DynamoDB とは — 1 point", "list", items("Maintenance free"))]
    new = [Shape("new", "s", "DynamoDB とは", "definition", back_digests("Maintenance free"))]
    assert pairs(old, new) == [("old", "new")]
    two = [Shape("old", "s", "DynamoDB とは — 2 points", "list", items("Maintenance free", "Serverless"))]
    assert pairs(two, new) == []


def test_a_definition_does_not_become_a_cloze_of_the_same_text() -> None:
    old = [Shape("old", "s", "Fargate", "definition", back_digests("Serverless compute for containers"))]
    new = [Shape("new", "s", "Fargate", "cloze", back_digests("Serverless compute for containers"))]
    assert pairs(old, new) == []


def test_a_relabelled_list_follows_its_items() -> None:
    old = [Shape("old", "s", "書き込みに対してスケーラブル。 — 2 points", "label-list", items("PK", "GSI"))]
    new = [
        Shape("new", "s", "アプリを作るときは — 2 points", "list", items("PK", "GSI")),
        Shape("def", "s", "Lambda", "definition", back_digests("streams")),
    ]
    assert [(o, n, s) for o, n, s in match_moved(old, new)] == [("old", "new", 1.0)]


def test_a_list_that_now_shows_its_definitions_still_follows_its_items() -> None:
    # History recorded while the list showed its terms alone ("NAT"), and the list relabelled since, now showing
    # "NAT：…": the new card's items by their terms match the old ones.
    old = [Shape("old", "s", "変換の種類 — 3 points", "label-list", items("NAT", "NAPT", "図は参考書のもの"))]
    shown = tuple(Item(t) for t in ("NAT：1 対 1 で変換", "NAPT・・・ポート番号も変換", "図は参考書のもの"))
    fresh = Shape("new", "s", "NAT と NAPT — 3 points", "list", back_digests(shown), head_digests(shown))
    assert pairs(old, [fresh]) == [("old", "new")]
    assert pairs(old, [fresh._replace(heads=None)]) == []  # by the whole items alone: 1/5
    assert head_digests(tuple(Item(t) for t in ("a", "b"))) is None  # no item has a term
    assert head_digests("NAT: text") is None


def test_back_overlap_needs_sixty_percent() -> None:
    old = [Shape("old", "s", "Label one — 3 points", "list", items("a", "b", "c"))]
    assert pairs(old, [Shape("new", "s", "Something else — 4 points", "list", items("a", "b", "c", "d"))]) == [
        ("old", "new")
    ]  # 3/4
    assert (
        pairs(old, [Shape("new", "s", "Something else — 5 points", "list", items("a", "b", "c", "d", "e", "f"))]) == []
    )  # 3/6


def test_back_overlap_is_not_used_when_the_old_items_are_unknown() -> None:
    old = [Shape("old", "s", "Label one — 3 points", "list", None)]  # a catalog entry written before items
    assert pairs(old, [Shape("new", "s", "Something else — 3 points", "list", items("a", "b", "c"))]) == []


def test_lists_with_the_same_items_in_other_sections_do_not_match() -> None:
    old = [
        Shape("old1", "s1", "Pros — 2 points", "list", items("fast", "cheap")),
        Shape("old2", "s2", "Tools — 2 points", "label-list", items("aws cli", "ecs cli")),
    ]
    new = [
        Shape("new1", "s3", "Pros — 2 points", "list", items("fast", "cheap")),
        Shape("new2", "s4", "Other tools — 2 points", "list", items("aws cli", "ecs cli")),
    ]
    assert pairs(old, new) == []


def test_a_front_match_comes_before_a_back_match_for_the_same_card() -> None:
    # Three old lists were merged into one: the one with the same question takes it, the others stay orphans.
    old = [
        Shape("seq", "s", "Fargate CLI — 3 steps, in order", "sequence", items("a", "b", "c")),
        Shape("nginx", "s", "nginx を動かす。 — 3 points", "label-list", items("d", "e", "f")),
        Shape("tools", "s", "CLI ツールは２つある。 — 2 points", "label-list", items("g", "h")),
    ]
    new = [Shape("merged", "s", "Fargate CLI — 8 points", "list", items("a", "b", "c", "d", "e", "f", "g", "h"))]
    assert pairs(old, new) == [("seq", "merged")]


def test_two_equal_candidates_leave_the_card_an_orphan() -> None:
    old = [Shape("old", "s", "Label — 2 points", "list", items("a", "b"))]
    # the same question twice, with the same overlap: no guess
    twins = [
        Shape("n1", "s", "Label — 3 points", "list", items("a", "b", "c")),
        Shape("n2", "s", "Label — 3 points", "label-list", items("a", "b", "d")),
    ]
    assert pairs(old, twins) == []
    # by back alone, two lists holding the same items: no guess either
    copies = [
        Shape("n1", "s", "First — 2 points", "list", items("a", "b")),
        Shape("n2", "s", "Second — 2 points", "list", items("a", "b")),
    ]
    assert pairs(old, copies) == []


def test_a_new_card_two_old_cards_claim_equally_takes_neither() -> None:
    old = [
        Shape("o1", "s", "First — 2 points", "list", items("a", "b")),
        Shape("o2", "s", "Second — 2 points", "list", items("a", "b")),
    ]
    new = [Shape("n", "s", "Third — 2 points", "list", items("a", "b"))]
    assert pairs(old, new) == []


def test_the_item_overlap_settles_parts_of_a_split_list() -> None:
    old = [Shape("old", "s", "Storage classes — 9 points", "list", items(*"abcdefghi"))]
    parts = [
        Shape("p1", "s", "Storage classes (1/2) — 7 points", "list", items(*"abcdefg")),
        Shape("p2", "s", "Storage classes (2/2) — 6 points", "list", items(*"hijklm")),
    ]
    assert pairs(old, parts) == [("old", "p1")]


def test_an_exact_front_wins_among_equal_questions_when_items_are_unknown() -> None:
    old = [Shape("old", "s", "Pros — 3 points", "list", None)]
    new = [Shape("n3", "s", "Pros — 3 points", "list", items("a")), Shape("n2", "s", "Pros — 2 points", "list")]
    assert pairs(old, new) == [("old", "n3")]


def test_plain_tuples_still_work_and_each_card_is_used_once() -> None:
    vanished = [("a", "s", "What does ECS stand for?"), ("b", "s", "What does ECS stand for ?")]
    fresh = [("x", "s", "What does Amazon ECS stand for?")]
    assert pairs(vanished, fresh) == [("a", "x")]


def test_displaced_cards_match_on_fronts_without_counts() -> None:
    place = ("key", "note", "list")
    old = [("old", place, "CDK の特徴 — 6 points")]
    assert [(o, n) for o, n, _ in match_displaced(old, [("new", place, "CDK の特徴 — 7 points")])] == [("old", "new")]
    assert match_displaced(old, [("new", ("key", "note", "definition"), "CDK の特徴")]) == []
