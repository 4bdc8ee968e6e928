"""The card rules one by one, on small notes, including how the ambiguous cases are resolved."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from devday_tui.core.model import CLOZE_BLANK, Card, Note
from devday_tui.core.parser import parse_note

PATH = Path("/notes/n.md")


def parse(md: str) -> Note:
    return parse_note(textwrap.dedent(md).lstrip("\n"), PATH, "n.md")


def cards(md: str, kind: str | None = None) -> list[Card]:
    return [c for c in parse(md).cards if kind is None or c.kind == kind]


def fronts(md: str, kind: str | None = None) -> list[str]:
    return [c.front for c in cards(md, kind)]


# --- definition ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, term, definition",
    [
        ("- Term: its meaning", "Term", "its meaning"),
        ("- 用語：意味の説明", "用語", "意味の説明"),
        ("- **Bold term**: meaning here", "Bold term", "meaning here"),
        ("- **Bold term:** meaning here", "Bold term", "meaning here"),
        ("Paragraph term: a definition in a paragraph", "Paragraph term", "a definition in a paragraph"),
        ("- `kubectl`: the Kubernetes command line", "kubectl", "the Kubernetes command line"),
        ("- Docs: read https://example.com/a:b first", "Docs", "read https://example.com/a:b first"),
    ],
)
def test_definition(line: str, term: str, definition: str) -> None:
    found = cards(f"## S\n\n{line}\n", "definition")
    assert [(c.front, c.back) for c in found] == [(term, definition)]


@pytest.mark.parametrize(
    "line",
    [
        "- The meeting starts at 10:30 in room four",  # a time
        "- See https://example.com:8080/path for the details",  # a URL
        "- `key: value` for a mapping in YAML",  # inline code (no verb after it: no code-term either)
        "- ratio 16:9 is common for screens",  # no space after the colon
        "- Docs: https://example.com/a:b",  # a definition that is only a URL (rule url-only)
        "- TODO: write this part later",  # a marker is no term
        "- This sentence is far too long to be a term of anything: so no",  # the term is too long
        "- 説明した。次に: これは定義ではない",  # a sentence before the colon
        "- Term: x",  # a definition too short to mean anything
        "- <https://example.com>",  # a bare link
        "- Term::Back",  # an explicit card, not a definition
        "- 開始は 10：30 から会場で行われる",  # a time with a full-width colon
        "- ※: nothing is named by a symbol",
    ],
)
def test_no_definition(line: str) -> None:
    assert cards(f"## S\n\n{line}\n", "definition") == []


def test_definition_continues_over_the_next_lines_of_its_paragraph() -> None:
    found = cards(
        """
        ## S

        Term one: first meaning
        still the first meaning
        Term two: second meaning
        """,
        "definition",
    )
    assert [(c.front, c.back, c.line) for c in found] == [
        ("Term one", "first meaning\nstill the first meaning", 3),
        ("Term two", "second meaning", 5),
    ]


def test_term_on_its_own_line_then_its_explanation() -> None:
    found = cards(
        """
        ## S

        JSII
        JavaScript で書かれたクラスに他の言語からアクセスするためのライブラリ。

        Kinesis:
        Streams data in real time.

        これは文です。
        次の行も文です。

        This is a long sentence that wraps
        onto the next line of the paragraph.

        API Gateway - Lambda
        → Chalice で簡単に作れる。

        Rollback?
        -> state is not declared
        → so nothing to roll back to
        """,
        "definition",
    )
    assert [(c.front, c.back) for c in found] == [
        ("JSII", "JavaScript で書かれたクラスに他の言語からアクセスするためのライブラリ。"),
        ("Kinesis", "Streams data in real time."),
        ("API Gateway - Lambda", "Chalice で簡単に作れる。"),  # the arrow before the answer is dropped
        ("Rollback?", "state is not declared\n→ so nothing to roll back to"),
    ]


# --- list and label-list ----------------------------------------------------------------------------------------------


def test_list_under_a_heading_keeps_nesting() -> None:
    (card,) = cards(
        """
        ## Wake up

        - Open eyes
          - slowly
            - very slowly
          - carefully
        """,
        "label-list",
    )
    # A bullet with its own sub-list is a card; nested items stay nested on its back.
    assert card.front == "Wake up › Open eyes — 2 points"
    assert card.to_json()["back"] == [
        {"text": "slowly", "children": [{"text": "very slowly", "children": []}]},
        {"text": "carefully", "children": []},
    ]
    assert card.back_text == "- slowly\n  - very slowly\n- carefully"


def test_a_nested_bullets_card_cites_its_own_line_not_its_parents() -> None:
    made = cards(
        """
        ## Malware

        - Common kinds
          - Worm
            - spreads by itself over the network
          - Rootkit
            - hides the traces of an intrusion
        """
    )
    # Lines count from the note's first line: the heading is line 1.
    assert [(c.front, c.line) for c in made] == [
        ("Malware › Common kinds — 2 points", 3),
        ("Worm", 4),
        ("Rootkit", 6),
    ]


def test_unlabelled_lists_of_a_heading_make_one_list_card() -> None:
    (card,) = cards("## H\n\n- a point\n- b point\n\nSome prose here that is long.\nAnd more.\n\n* c point\n", "list")
    assert [i.text for i in card.back] == ["a point", "b point", "c point"]


def test_label_list() -> None:
    found = cards(
        """
        ## Tools

        AWS CLI

        - covers every service
        - shell scripts get long

        ECS CLI

        - works with Docker Compose
        - no rollback
        """
    )
    assert [(c.kind, c.front, c.line) for c in found] == [
        ("label-list", "AWS CLI — 2 points", 3),
        ("label-list", "ECS CLI — 2 points", 8),
    ]


def test_label_ends_at_a_long_or_multi_line_paragraph() -> None:
    md = "## H\n\n" + "x" * 70 + "\n\n- one item here\n- two items here\n"
    assert [c.kind for c in cards(md)] == ["list"]


def test_list_of_one_definition_is_only_a_definition() -> None:
    assert [c.kind for c in cards("## Tools\n\n- Workshop: a hands-on tutorial\n")] == ["definition"]


def test_list_of_one_plain_item_is_a_list_card() -> None:
    (card,) = cards("## DynamoDB の特徴\n\n- メンテナンスフリー（AWS が管理する）\n")
    assert card.kind == "list" and card.front == "DynamoDB の特徴 — 1 point"


def test_question_heading_with_one_item_is_a_definition() -> None:
    (card,) = cards("## DynamoDB とは\n\n- メンテナンスフリー（AWS が管理する）\n")
    assert (card.kind, card.front, card.back) == ("definition", "DynamoDB とは", "メンテナンスフリー（AWS が管理する）")


def test_bare_links_are_not_list_items() -> None:
    assert cards("## Links\n\n- https://a.example\n- https://b.example\n") == []


# --- sequence -------------------------------------------------------------------------------------------------------


def test_sequence_with_and_without_a_label() -> None:
    found = cards(
        """
        ## Deploy

        1. build
        2. test
        3. ship

        Rollback

        1. stop traffic
        2. redeploy the old version
        """,
        "sequence",
    )
    assert [(c.front, [i.text for i in c.back]) for c in found] == [
        ("Deploy — 3 steps, in order", ["build", "test", "ship"]),
        ("Rollback — 2 steps, in order", ["stop traffic", "redeploy the old version"]),
    ]


# --- cloze ----------------------------------------------------------------------------------------------------------


def test_cloze_with_several_hidden_parts() -> None:
    (card,) = cards("## S\n\n**Fargate** runs containers without ==servers== to manage.\n", "cloze")
    assert card.front == f"{CLOZE_BLANK} runs containers without {CLOZE_BLANK} to manage."
    assert card.answers == ("Fargate", "servers")
    assert card.back == "Fargate runs containers without servers to manage."


def test_cloze_is_one_sentence() -> None:
    (card,) = cards("## S\n\nFirst sentence here. Then **quorum** is what matters. Last one.\n", "cloze")
    assert card.back == "Then quorum is what matters."
    jp = cards("## S\n\n最初の文。**DynamoDB** は速い。最後の文。\n", "cloze")
    assert [c.back for c in jp] == ["DynamoDB は速い。"]
    # Japanese written with ，and ．: the full stop ends a sentence, except in a figure (３．５)
    jp = cards("## S\n\n最初の文である．**KVS** は３．５倍速い．最後の文．\n", "cloze")
    assert [c.back for c in jp] == ["KVS は３．５倍速い．"]


@pytest.mark.parametrize(
    "line",
    [
        "**Only bold**",  # nothing around the hidden part
        "**Bold**:",  # a bold term with a colon and nothing else
        "**A** and **B**",  # too little left once hidden
        "*italic* is not a cloze mark in this line",
        "`**not bold**` inside code is not a cloze",
    ],
)
def test_no_cloze(line: str) -> None:
    assert cards(f"## S\n\n{line}\n", "cloze") == []


# --- explicit -------------------------------------------------------------------------------------------------------


def test_explicit_one_line_and_reversed() -> None:
    found = cards("## S\n\nWhat is 2+2::4\nCDK:::Cloud Development Kit\n")
    assert [(c.kind, c.front, c.back, c.line) for c in found] == [
        ("explicit", "What is 2+2", "4", 3),
        ("explicit", "CDK", "Cloud Development Kit", 4),
        ("explicit", "Cloud Development Kit", "CDK", 4),
    ]


def test_a_double_colon_inside_a_name_in_a_japanese_line_is_no_explicit_card() -> None:
    found = cards(
        "## S\n\nYAPC::Tokyo 2019 のオープニングでテーマの説明があった。\n\n"
        "AWS::EC2::Instance は EC2 インスタンスのリソース型\n\nCPU::Central Processing Unit\n\n日本の首都::東京\n"
    )
    assert [(c.front, c.back) for c in found if c.kind == "explicit"] == [
        ("CPU", "Central Processing Unit"),
        ("日本の首都", "東京"),
    ]


def test_a_double_colon_after_a_lower_case_module_is_no_explicit_card() -> None:
    found = cards(
        "## S\n\n>A Tokio task is created by passing an async block to tokio::spawn. It returns a JoinHandle.\n\n"
        "Consider `parking_lot::Mutex` as a faster alternative to `std::sync::Mutex.\n\ncwnd::the congestion window\n\n"
        "Capital of France::Paris\n"
    )
    assert [(c.front, c.back) for c in found if c.kind == "explicit"] == [
        ("cwnd", "the congestion window"),
        ("Capital of France", "Paris"),
    ]


def test_explicit_multi_line() -> None:
    found = cards(
        """
        ## S

        Which three kinds
        of CDK test are there?
        ?
        snapshot, fine-grained, validation

        Capital of Japan
        ??
        Tokyo

        After: this is a definition again
        """
    )
    assert [(c.kind, c.front, c.back) for c in found] == [
        ("explicit", "Which three kinds\nof CDK test are there?", "snapshot, fine-grained, validation"),
        ("explicit", "Capital of Japan", "Tokyo"),
        ("explicit", "Tokyo", "Capital of Japan"),
        ("definition", "S › After", "this is a definition again"),  # a place in a sequence: with its context
    ]


def test_lines_of_explicit_cards_make_no_automatic_card() -> None:
    found = cards("## S\n\n- **Term**: meaning::the back\n- Fargate: a real definition\n")
    assert [(c.kind, c.front) for c in found] == [("explicit", "Term: meaning"), ("definition", "Fargate")]


def test_no_explicit_card_in_code() -> None:
    md = "## S\n\n```cpp\nstd::vector<int> v;\n```\n\n    a::b\n\nUse `std::vector` for arrays.\n"
    assert cards(md, "explicit") == []


def test_no_explicit_card_split_inside_a_link() -> None:
    md = (
        "## 聞いた\n\n- [Docker３兄弟について - YAPC::Asia Tokyo 2015](http://yapcasia.org/2015/talk/show/1)\n"
        "- See [[Perl::Critic]] and <http://a.example/x::y>\n- [Fargate](https://aws.amazon.com/fargate/)::serverless containers\n"
    )
    assert [(c.front, c.back) for c in cards(md, "explicit")] == [("Fargate", "serverless containers")]


# --- nothing from nothing ---------------------------------------------------------------------------------------------


def test_no_card_from_empty_heading_bare_link_short_line_or_code() -> None:
    md = """
    ## Empty

    ## Link

    https://example.com

    ## Short

    OK

    ## Code

    ```yaml
    key: value with a colon
    - item
    ```
    """
    assert cards(md) == []


def test_title_heading_is_not_repeated_in_the_breadcrumb() -> None:
    note = parse("# Book\n\nIntro: about this note\n\n## Chapter\n\n- Term: meaning\n")
    assert note.title == "Book"
    chapter = note.sections[0].children[0]
    assert chapter.breadcrumb == ("Book", "Chapter")
    assert [c.context for c in note.cards] == [("Book",), ("Book", "Chapter")]


def test_text_before_the_first_heading_is_a_section_named_after_the_note() -> None:
    note = parse("---\ntitle: T\n---\nPreface: before any heading\n\n## A\n\nx\n")
    assert [(s.heading, s.level, s.start_line) for s in note.sections] == [("T", 0, 4), ("A", 2, 6)]
    assert note.cards[0].line == 4 and note.cards[0].context == ("T",)


def test_a_term_defined_twice_in_a_list_is_one_card() -> None:
    found = cards("## S\n\n- Term: one meaning\n- Term: another meaning\n", "definition")
    assert [(c.front, c.back) for c in found] == [("Term", "one meaning\nanother meaning")]
    assert found[0].lines == (3, 4)


def test_duplicate_headings_get_distinct_section_ids() -> None:
    note = parse("## Pros\n\nx\n\n## Pros\n\ny\n")
    assert len({s.id for s in note.walk()}) == 2


def test_marker_reasons() -> None:
    note = parse(
        """
        ## Done

        - Term: complete

        ## Todo heading TODO

        - Term: complete too

        ## Question

        何を書く？?? これは要確認

        ## In code only

        ```
        # TODO not a marker in code
        ```

        ## Full-width

        - コンテナの上限はいくつ？？ あとで調べる
        - 一つの問い？ 二つ目の問い？
        """
    )
    assert {s.heading: s.wip_reasons for s in note.walk()} == {
        "Done": (),
        "Todo heading TODO": ("marker",),
        "Question": ("thin", "marker"),
        "In code only": (),
        "Full-width": ("marker",),
    }
    assert parse("## A\n\n- 一つの問い？ 二つ目の問い？\n").sections[0].wip_reasons == ()


def test_note_tagged_by_draft_or_tags() -> None:
    assert parse("---\ndraft: true\n---\n## A\n\n- Term: meaning\n").sections[0].wip_reasons == ("note-tagged",)
    assert parse("---\ntags: [Draft]\n---\n## A\n\n- Term: meaning\n").sections[0].wip_reasons == ("note-tagged",)
    assert parse("---\ntags: wip, aws\n---\n## A\n\n- Term: meaning\n").sections[0].wip_reasons == ("note-tagged",)
    assert parse("---\ntags: [wipe]\n---\n## A\n\n- Term: meaning\n").sections[0].wip_reasons == ()
