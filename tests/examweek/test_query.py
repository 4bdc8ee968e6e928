"""The card browser's query language: what each filter selects, negation, and clear messages for bad queries."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from devday_tui.core.model import Card, Item
from devday_tui.core.query import CardFacts, CardSource, Moment, QueryError, check_query, parse_query
from devday_tui.core.scheduling import CardProgress

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)
MOMENT = Moment(NOW, datetime(2026, 11, 29, 4, 0, tzinfo=timezone.utc))


def card(
    cid: str,
    front: str,
    *,
    kind: str = "definition",
    back="b",
    note: str = "AWS DevDay",
    context=("AWS DevDay", "Lambda"),
) -> Card:
    return Card(cid, kind, front, back, tuple(context), "n1", note, Path("/notes/day1.md"), 3, "s1")


def facts(c: Card, p: CardProgress | None = None, *, flag: str = "", note: str = "", tags=("AWS", "WIP")) -> CardFacts:
    return CardFacts(c, p, flag, note, tuple(tags), {})


REVIEW = CardProgress(
    "x",
    state="review",
    stability=12.0,
    difficulty=7.5,
    due=NOW - timedelta(hours=1),
    last_review=NOW - timedelta(days=10),
    reps=6,
    lapses=3,
)

ROWS = {
    "new": facts(card("new", "Amazon ECS")),
    "due": facts(card("due", "Lambda"), REVIEW, flag="red"),
    "later": facts(
        card("later", "Fargate", kind="list", back=(Item("a"),)),
        replace(REVIEW, due=NOW + timedelta(days=5), lapses=0, difficulty=3.0),
        tags=("GCP",),
    ),
    "susp": facts(card("susp", "サーバーレス"), replace(REVIEW, suspended=True, leech=True, lapses=8)),
    "buried": facts(
        card("buried", "Step Functions", note="Other"), replace(REVIEW, buried_until=NOW + timedelta(hours=5))
    ),
    "annotated": facts(card("annotated", "EKS"), note="remember the ＡＷＳ console"),
}


def select(query: str) -> set[str]:
    q = parse_query(query)
    return {k for k, f in ROWS.items() if q.matches(f, MOMENT)}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", set(ROWS)),
        ("is:due", {"due"}),
        ("is:new", {"new", "annotated"}),
        ("is:suspended", {"susp"}),
        ("is:leech", {"susp"}),
        ("is:buried", {"buried"}),
        ("is:review", {"due", "later", "susp", "buried"}),
        ("is:flagged", {"due"}),
        ("-is:new", {"due", "later", "susp", "buried"}),
        ("prop:lapses>2", {"due", "susp", "buried"}),
        ("prop:lapses>=8", {"susp"}),
        ("prop:difficulty>7", {"due", "susp", "buried"}),
        ("prop:difficulty<=3", {"later"}),
        ("prop:due<=0", {"due", "susp", "buried"}),
        ("prop:due<0", set()),
        ("prop:due=5", {"later"}),
        ("prop:reviews=0", {"new", "annotated"}),
        ("kind:list", {"later"}),
        ("-kind:list is:review", {"due", "susp", "buried"}),
        ("flag:red", {"due"}),
        ("flag:none", set(ROWS) - {"due"}),
        ("tag:aws", set(ROWS) - {"later"}),
        ("tag:GC*", {"later"}),
        ("tag:*s", set(ROWS) - {"later"}),
        ("tag:w*p", set(ROWS) - {"later"}),
        ("tag:a*a", set()),
        ("-tag:wip", {"later"}),
        ("note:other", {"buried"}),
        ("note:day1.md", set(ROWS)),
        ("section:lambda", set(ROWS)),
        ("lambda", {"due"}),
        ("LAMBDA", {"due"}),
        ("ｌａｍｂｄａ", {"due"}),
        ("サーバー", {"susp"}),
        ("aws console", {"annotated"}),
        ('"aws console"', {"annotated"}),
        ('"step functions"', {"buried"}),
        ('-"step functions" is:review', {"due", "later", "susp"}),
        ('"is:new"', set()),
        ("https://example.com", set()),
    ],
)
def test_filters(query: str, expected: set[str]) -> None:
    assert select(query) == expected


@pytest.mark.parametrize(
    "query, words",
    [
        ("is:soon", ["is:soon", "is:due"]),
        ("is:", ["is:"]),
        ("prop:lapses", ["prop:lapses>2"]),
        ("prop:lapses>", ["needs a number"]),
        ("prop:lapses>two", ["needs a number", "'two'"]),
        ("prop:lapses>1e999", ["finite"]),
        ("prop:size>3", ["Unknown property 'size'", "lapses"]),
        ("kind:flashcard", ["Unknown card kind", "definition"]),
        ("flag:magenta", ["Unknown flag", "red"]),
        ("tag:", ["tag: needs a value", "tag:aws"]),
        ("note:", ["note: needs a value"]),
        ("foo:bar", ["Unknown filter foo:", '"foo:bar"']),
        ("-", ["lone -"]),
        ('"unclosed', ["not closed"]),
        ("x" * 5000, ["too long"]),
    ],
)
def test_bad_queries_say_what_is_wrong(query: str, words: list[str]) -> None:
    with pytest.raises(QueryError) as info:
        parse_query(query)
    for word in words:
        assert word in info.value.message
    assert check_query(query) == info.value.message


def test_filter_keeps_order_and_shares_the_folded_text() -> None:
    cards = [f.card for f in ROWS.values()]
    source = CardSource(
        {k: f.progress for k, f in ROWS.items() if f.progress},
        {"due": "red"},
        {"annotated": "remember the ＡＷＳ console"},
        {"n1": ("AWS",)},
    )
    assert [c.id for c in parse_query("-is:new").filter(cards, source, MOMENT)] == ["due", "later", "susp", "buried"]
    assert [c.id for c in parse_query("console").filter(cards, source, MOMENT)] == ["annotated"]
    assert "annotated" in source.folded and len(source.folded) == len(cards)
    assert parse_query("").filter(cards, source, MOMENT) == cards


def test_error_position_points_at_the_bad_word() -> None:
    with pytest.raises(QueryError) as info:
        parse_query("is:new   kind:nope")
    assert info.value.position == 9


def test_hostile_text_is_searched_as_text() -> None:
    for query in ("[/]", "a [@click=app.quit] b", "((((a+)+)+)+$", "\x1b]0;x\x07", "tag:*", "note:**"):
        for f in ROWS.values():
            parse_query(query).matches(f, MOMENT)  # never raises


def test_wildcards_are_linear_on_long_text() -> None:
    long = facts(card("long", "x", context=("N", "a" * 200_000 + "b")), tags=("a" * 200_000 + "b",))
    assert parse_query("section:" + "a*" * 20 + "c").matches(long, MOMENT) is False
    assert parse_query("section:" + "a*" * 20 + "b").matches(long, MOMENT) is True
    assert parse_query("tag:" + "a*" * 20 + "c").matches(long, MOMENT) is False
    assert parse_query("tag:a*a*b").matches(long, MOMENT) is True
    assert parse_query("tag:*b").matches(long, MOMENT) is True
    assert parse_query("tag:b*").matches(long, MOMENT) is False
