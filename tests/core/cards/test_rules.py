"""Each card rule by name, on small notes in several people's styles: what it makes, what it drops, and that the
trace (what ``devday-tui cards --explain`` prints) names it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from devday_tui.core.cards import RULES, Trace
from devday_tui.core.cards.chatter import DEFAULT_SKIP_SECTIONS
from devday_tui.core.cards.lists import MAX_BACK_LINES
from devday_tui.core.decks import parse_deck
from devday_tui.core.model import Card
from devday_tui.core.parser import parse_note
from tests.core.cards.small_notes import parse

README = Path(__file__).resolve().parents[3] / "README.md"


def made(md: str) -> list[tuple[str, str, str]]:
    """(rule, kind, front) of every card made."""
    _, trace = parse(md)
    return [(t.rule, *t.what.split(": ", 1)) for t in trace if t.made]


def dropped(md: str) -> list[tuple[int, str]]:
    _, trace = parse(md)
    return [(t.line, t.rule) for t in trace if not t.made]


def card(md: str, front: str) -> Card:
    note, _ = parse(md)
    found = [c for c in note.cards if c.front == front]
    assert len(found) == 1, [c.front for c in note.cards]
    return found[0]


# --- rule 1: parent bullets, questions, points ----------------------------------------------------------------------

TALK = """
## 14:00〜14:45 コンテナ入門
- Fargate とは
  - サーバーを管理せずにコンテナを動かせる
- 利点
  - パッチ当てが不要
  - タスク単位で課金
"""


def test_parent_bullets_questions_and_points_the_issue_example() -> None:
    assert made(TALK) == [
        ("question", "definition", "Fargate とは"),
        ("points", "list", "コンテナ入門 — 2 points"),  # at the list's first line
        ("parent-bullet", "label-list", "コンテナ入門 › 利点 — 2 points"),
    ]
    assert card(TALK, "Fargate とは").back == "サーバーを管理せずにコンテナを動かせる"
    # The parents' names: what is under each is a card of its own.
    points = card(TALK, "コンテナ入門 — 2 points").back
    assert [(i.text, [c.text for c in i.children]) for i in points] == [("Fargate とは", []), ("利点", [])]
    # A parent whose sub-list makes no card of its own keeps it in the list: nothing under it is lost.
    md = "## Network\n- VPC 間の通信は GW を介す。\n  - スターネットワーク\n- Subnet\n  - /16 から /28\n  - AZ ごとに作る\n"
    back = {i.text: [c.text for c in i.children] for i in card(md, "Network — 2 points").back}
    assert back == {"VPC 間の通信は GW を介す。": ["スターネットワーク"], "Subnet": []}


def test_a_points_card_too_long_for_one_card_shows_the_names_only_when_they_say_something() -> None:
    details = "".join(f"  - detail {k}\n" for k in range(5))
    named = f"## Services\n- Amazon S3\n{details}- Amazon EBS\n{details}- Amazon EFS\n{details}"
    assert [i.text for i in card(named, "Services — 3 points").back] == ["Amazon S3", "Amazon EBS", "Amazon EFS"]
    assert all(not i.children for i in card(named, "Services — 3 points").back)
    vague = f"## eBPF 入門\n- eBPF とは？\n{details}- 使われ方\n{details}- 例\n{details}"
    note, trace = parse(vague)
    assert not any(c.front.startswith("eBPF 入門 —") for c in note.cards)
    assert (2, "points") in [(t.line, t.rule) for t in trace if not t.made]
    assert len(note.cards) == 3  # each parent is a card of its own


def test_a_definition_under_a_parent_shows_its_definition_in_the_parents_card() -> None:
    md = (
        "## Special bits\n- SGID\n  - on a file: runs with the group's privileges\n  - on a dir: new files inherit it\n"
    )
    assert [i.text for i in card(md, "Special bits › SGID — 2 points").back] == [
        "on a file: runs with the group's privileges",
        "on a dir: new files inherit it",
    ]
    assert card(md, "on a file").context[-1] == "SGID"


@pytest.mark.parametrize(
    "parent",
    ["What is a VPC", "Why use IAM roles?", "VPC とは？", "ECS とは何か", "How does DNS work"],
)
def test_a_parent_that_asks_is_a_question_card(parent: str) -> None:
    found = made(f"## S\n- {parent}\n  - first answer line\n  - second answer line\n- other\n  - x y z\n")
    assert ("question", "label-list", f"{parent} — 2 points") in found


def test_one_parent_makes_no_points_card_and_nested_parents_are_cards_too() -> None:
    found = made(
        """
        ## ECS
        - Launch types
          - EC2
            - you manage the instances
            - patching is yours
          - Fargate
        """
    )
    assert [r for r, *_ in found] == ["parent-bullet", "parent-bullet"]
    assert found[1][2] == "Launch types › EC2 — 2 points"


def test_a_star_or_plus_or_numbered_parent_is_a_parent_too() -> None:
    for mark in ("*", "+", "1."):
        found = made(f"## S\n{mark} Parent one\n  {'   ' if mark == '1.' else ''}- a child\n")
        assert ("parent-bullet", "definition", "Parent one") in found, mark


# --- rule 2: 12 lines at most ------------------------------------------------------------------------------------


def test_a_long_flat_list_is_split_into_numbered_parts() -> None:
    md = "## Commands\n" + "".join(f"- command number {i}\n" for i in range(20))
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["Commands (1/2) — 10 points", "Commands (2/2) — 10 points"]
    assert all(len(c.back) <= MAX_BACK_LINES for c in note.cards)
    assert {t.rule for t in trace} == {"split-long"}


def test_a_long_nested_list_is_split_by_its_sub_lists() -> None:
    md = "## S\n- Parent\n" + "".join(f"  - child {i}\n    - detail {i}\n" for i in range(8))
    note, trace = parse(md)
    assert all(len(c.back_text.splitlines()) <= MAX_BACK_LINES for c in note.cards)
    assert any(t.rule == "split-long" and not t.made for t in trace)
    # Every item's sub-list is a card of its own: the names alone ask nothing, and make no card.
    assert "S › Parent — 8 points" not in [c.front for c in note.cards]
    assert card(md, "child 3").back == "detail 3"
    # Beside plain items, the names are the list (the plain items' text is nowhere else).
    md += "  - a plain point of its own\n"
    assert card(md, "S › Parent — 9 points").back[0].children == ()


def test_a_parent_ending_in_a_colon_keeps_its_sub_list_in_the_points_card() -> None:
    md = (
        "## Storage Types\n\n- Use AWS Volumes:\n  - MySQL\n  - MariaDB\n  - PostgreSQL\n"
        "- Use Proprietary storage system:\n  - Aurora\n"
    )
    back = card(md, "Storage Types — 2 points").back
    # Its name alone would say nothing: what it introduces comes along.
    assert [(i.text, [c.text for c in i.children]) for i in back] == [
        ("Use AWS Volumes:", ["MySQL", "MariaDB", "PostgreSQL"]),
        ("Use Proprietary storage system:", ["Aurora"]),
    ]
    # A parent that names something shows its name alone, its sub-list being its own card.
    back = card(md.replace("Use AWS Volumes:", "AWS volumes"), "Storage Types — 2 points").back
    assert [(i.text, len(i.children)) for i in back] == [("AWS volumes", 0), ("Use Proprietary storage system:", 1)]


# --- rule 5: chatter ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "感想",
        "TL;DR",
        "参考リンク",
        "References",
        "おわりに",
        "1. おわりに",
        "Impression ⭐⭐⭐☆☆",
        "感想 ★★★",
        "自己紹介",
        "Sponsors",
        "この記事の対象者",
        "本記事の想定読者",
        "TODO",
        "To-do list",
        "やること",
        "Today’s Sessions",
        "本日のセッション",
        "勉強の方針",
    ],
)
def test_chatter_sections_make_no_cards(heading: str) -> None:
    md = f"## {heading}\n- Term: a definition here\n- point one\n- point two\n\n### Sub\n- Sub: inside it too\n"
    note, trace = parse(md)
    assert note.cards == []
    assert [t.rule for t in trace] == ["skip-section"]


def test_a_to_do_callout_with_ticked_items_and_their_sub_items_makes_no_card() -> None:
    md = (
        "> [!danger] TO-DO\n> - [x] BGP ✅ 2025-08-03\n> - [x] TCP ✅ 2025-07-27\n>     - [x] flow control ✅ 2025-07-27\n"
        "> - [ ] DNS\n>     - [ ] glue record\n\n## BGP\n\n- AS: a network under one administration\n"
    )
    note, _ = parse(md)
    assert [(c.front, c.back) for c in note.cards] == [("AS", "a network under one administration")]


def test_a_list_of_items_each_ending_on_a_time_is_an_index_not_facts() -> None:
    md = "## Grid\n\n- Misc notes\n  - shop talk show 262 18:50\n  - minmax 28:16\n  - autofill (1:02:30)\n"
    note, trace = parse(md)
    assert note.cards == [] and "toc" in [t.rule for t in trace]
    assert [t.rule for t in parse("## Show\n\n- Intro 00:00\n- News 05:12\n- Q&A 18:40\n")[1]] == ["toc"]
    # A time that is the fact stays: after a term, a day's hours (no time past any clock), one among facts.
    for md in (
        "## Zones\n\n- JST: UTC+09:00\n- IST: UTC+05:30\n",
        "## Records\n\n- Men's marathon: Kiptum 2:00:35\n- Women's marathon: Chepngetich 2:09:56\n",
        "## Records\n\n- Women's marathon Chepngetich 2:09:56\n- Men's marathon Kiptum 2:00:35\n",
        "## 取引時間\n\n- 前場の開始 9:00\n- 前場の終了 11:30\n- 後場の終了 15:30\n",
        "## Day 1\n\n- Doors open 9:30\n- Keynote on observability 10:00\n- Lunch and hallway track 12:00\n",
        "## Venue\n\n- Wi-Fi: ConfGuest\n- Breakfast is served until 10:30\n- Badges: at the desk\n",
    ):
        assert parse(md)[0].cards != [], md


@pytest.mark.parametrize(
    "label", ["Edit April 2015", "Update 2019-05-01", "追記（2020/04/01）", "Update on May 3, 2020"]
)
def test_a_dated_edit_or_update_is_the_authors_remark_not_a_term(label: str) -> None:
    note, _ = parse(f"## Macros\n\n**{label}**: turns out the mapping was a bad choice after all.\n")
    assert not any(c.front.startswith(label) for c in note.cards)
    # A word of the same kind naming a thing is a term: "Update policy".
    note, _ = parse("## Groups\n\n- Update policy: how instances are replaced\n")
    assert [c.front for c in note.cards] == ["Update policy"]


def test_a_list_of_the_talks_the_author_went_to_makes_no_card_of_their_titles() -> None:
    md = "## Day 2\n\n以下に参加\n\n- Cisco’s Agile Journey – Continuous Delivery and Scaling Scrum\n- レゴスクラムの覚醒\n- 組織にアジャイルを根付かせる\n"
    note, trace = parse(md)
    assert note.cards == [] and "first-person" in [t.rule for t in trace]
    # A title with the author's notes under it is still read for them.
    md = "## Day 2\n\n以下に参加\n\n- Scaling Scrum\n  - LeSS: 大規模スクラムのフレームワーク\n- レゴスクラムの覚醒\n"
    assert [c.front for c in parse(md)[0].cards] == ["LeSS"]
    # "次に参加者をまとめる" is no list of talks attended.
    md = "## スクラム\n\n次に参加者をまとめる：\n\n- スプリントプランニング：スクラムチーム全員\n- デイリースクラム：開発者\n"
    assert {"スプリントプランニング", "デイリースクラム"} <= {c.front for c in parse(md)[0].cards}


def test_a_logseq_task_is_the_authors_and_no_term() -> None:
    md = (
        "## extensions\n\n- DONE heatmap - keep for now, looks like a nice compact view\n"
        "- LATER agenda: see if I use it\n- DONE helium - can be useful I believe\n  - Right-click the block to float it\n"
        "- NOW(): the current timestamp in SQL\n"
    )
    note, _ = parse(md)
    assert [c.front for c in note.cards if c.kind == "definition"] == ["NOW()"]
    assert "marker" not in parse("## Tasks\n\nDONE reading chapter 3\n")[0].sections[-1].wip_reasons


def test_skip_sections_in_a_note_replaces_the_default_list() -> None:
    md = "---\nskip_sections: [Q&A]\n---\n## 感想\n- Term: kept now\n## Q&A\n- Other: dropped\n"
    note, _ = parse(md)
    assert [c.front for c in note.cards] == ["Term"]
    assert "感想" in DEFAULT_SKIP_SECTIONS


def test_skip_sections_in_a_deck_leaves_those_cards_out(tmp_path: Path) -> None:
    note, _ = parse("## Exam tips\n- gp2: general purpose\n## Q&A\n- ECS: containers\n")
    deck = parse_deck("---\ntitle: D\nskip_sections: [q&a]\n---\n", tmp_path / "d.md", [note])
    assert [c.front for c in deck.cards] == ["gp2"]
    assert deck.settings.skip_sections == ("q&a",)


def test_a_chatter_term_parent_or_label_makes_no_card() -> None:
    md = (
        "## Keynote\n- 所感: 自前の計装はもう書かなくていいかも\n- OTLP: the wire protocol\n"
        "- 感想\n  - 面白かった\n  - Term inside: not carded\n- Collector\n  - receives and exports\n\n"
        "References:\n- Spec: the OpenTelemetry specification site\n- Blog: a post about it\n"
    )
    note, trace = parse(md)
    assert sorted(c.front for c in note.cards) == ["Collector", "Keynote — 2 points", "OTLP"]
    assert [i.text for i in card(md, "Keynote — 2 points").back] == ["OTLP: the wire protocol", "Collector"]
    assert [(t.line, t.rule) for t in trace if not t.made] == [
        (2, "chatter-term"),
        (4, "chatter-term"),
        (10, "chatter-term"),
    ]


def test_a_definition_that_is_only_a_url_is_dropped() -> None:
    md = "## S\n- Slides: https://example.com/slides\n- Docs: <https://example.com>\n- Repo: see https://x.example\n"
    assert [f for _, _, f in made(md)] == ["Repo"]
    assert dropped(md) == [(2, "url-only"), (3, "url-only")]


@pytest.mark.parametrize("word", ["事例", "例", "補足", "注意", "Tip", "e.g.", "Ex", "better"])
def test_a_remark_word_takes_its_parents_text(word: str) -> None:
    md = f"## S\n- ssm-tool\n  - {word}: 社内で使われている具体的な話\n  - other detail\n"
    assert ("remark-term", "definition", f"ssm-tool › {word}") in made(md)


def test_a_remark_word_as_a_parent_or_a_label_takes_its_context() -> None:
    assert ("remark-term", "label-list", "ssm-tool › 事例 — 2 points") in made(
        "## S\n- ssm-tool\n  - 事例\n    - A 社\n    - B 社\n  - other\n"
    )
    assert ("label-list", "label-list", "Tools › 例 — 2 points") in made("## Tools\n例:\n- one item\n- two items\n")


# --- rule 6: heading and one short paragraph --------------------------------------------------------------------


def test_a_heading_with_one_short_paragraph_defines_it() -> None:
    md = "## Intro\n### Fargate\nサーバーを管理せずにコンテナを実行できるサービス。料金はタスク単位。\n"
    assert made(md) == [("heading-paragraph", "definition", "Fargate")]
    assert made("## Fargate\nshort one.\n") == []  # thin: too little to learn
    assert made("## Fargate\n" + "long text " * 40 + "\n")[:1] == []  # too long to recall


# --- rule 7: tables --------------------------------------------------------------------------------------------


def test_table_rows_are_cards_with_labelled_cells() -> None:
    md = "## Volumes\n| Type | Media | Max IOPS |\n|---|---|---|\n| gp3 | SSD | 16,000 |\n| st1 | HDD | 500 |\n"
    assert [f for _, _, f in made(md)] == ["Volumes › gp3 — Media, Max IOPS", "Volumes › st1 — Media, Max IOPS"]
    assert card(md, "Volumes › gp3 — Media, Max IOPS").back == "Media: SSD\nMax IOPS: 16,000"
    assert made("## S\n| only |\n|---|\n| one |\n") == []  # one column
    # A column named only "Description" says nothing of what is asked; any other name does.
    assert [f for _, _, f in made("## Ports\n| Port | Description |\n|---|---|\n| 22 | SSH |\n")] == ["Ports › 22"]
    assert [f for _, _, f in made("## AD\n| Route | デフォルトのAD値 |\n|---|---|\n| RIP | 120 |\n")] == [
        "AD › RIP — デフォルトのAD値"
    ]


def test_a_footnote_line_is_no_label_and_a_cloze_never_hides_its_breadcrumb() -> None:
    md = (
        "## AD値\n(*)AD値が低い方が優先度が高い\n| Route | Metric | Unit |\n|---|---|---|\n| RIP | hops | count |\n\n"
        "### Administrative distance\nThis value is the **administrative distance** of a route.\n"
    )
    note, trace = parse(md)
    assert [(c.kind, c.front) for c in note.cards] == [
        ("definition", "AD値 › RIP — Metric, Unit"),
        ("definition", "Administrative distance"),  # the heading and its paragraph, not a cloze
    ]
    assert {"prose-label", "too-short"} <= {t.rule for t in trace if not t.made}


# --- rule 8: sequences -------------------------------------------------------------------------------------------


def test_a_numbered_list_is_a_sequence_only_when_order_is_the_point() -> None:
    steps = "## Deploy steps\n1. build the image\n2. push it\n3. update the service\n"
    assert made(steps)[0][:2] == ("sequence", "sequence")
    verbs = "## Setup\n1. Create a bucket\n2. Enable versioning\n3. Run terraform init\n"
    assert made(verbs)[0][:2] == ("sequence", "sequence")
    kinds = "## Types of storage classes\n1. Standard\n2. Nearline\n3. Coldline\n"
    assert made(kinds)[0][:2] == ("heading-list", "list")
    labelled = "## S\n手順\n1. 鍵を作る\n2. 署名する\n"
    assert made(labelled)[0][:2] == ("sequence", "sequence")


# --- rule 9: one term, one card --------------------------------------------------------------------------------


def test_a_term_defined_twice_makes_one_card_citing_both_lines() -> None:
    md = (
        "## Volumes\n- gp2: IOPS tied to size\n\n## Exam tips\n- gp2: burst to 3,000 IOPS\n- gp2: burst to 3,000 IOPS\n"
    )
    note, trace = parse(md)
    (gp2,) = [c for c in note.cards if c.front == "gp2"]
    assert gp2.back == "IOPS tied to size\nburst to 3,000 IOPS"
    assert (gp2.line, gp2.lines) == (2, (2, 5))  # cited beside the card, not in its text
    assert gp2.to_json()["lines"] == [2, 5]
    assert [(t.line, t.rule) for t in trace if not t.made] == [(5, "merge-terms"), (6, "duplicate")]


def test_the_same_term_under_two_different_parents_is_two_cards() -> None:
    md = (
        "## Special bits\n- SGID\n  - on a directory: new files inherit its group\n"
        "- Sticky bit\n  - on a directory: only a file's owner can delete it\n"
    )
    note, trace = parse(md)
    found = [(c.context[-1], c.front, c.back) for c in note.cards if c.front.endswith("on a directory")]
    assert found == [
        ("SGID", "on a directory", "new files inherit its group"),
        ("Sticky bit", "Sticky bit › on a directory", "only a file's owner can delete it"),
    ]
    assert not any(t.rule == "merge-terms" for t in trace)


# --- rule 10: labels --------------------------------------------------------------------------------------------


def test_definitions_under_a_label_carry_it_in_their_breadcrumb() -> None:
    md = "## CDK\nAWS Constructs Libraries\n- L1: CloudFormation resources\n- Patterns: whole architectures\n"
    assert card(md, "Patterns").context[-2:] == ("CDK", "AWS Constructs Libraries")
    assert card(md, "AWS Constructs Libraries — 2 points").context[-1] == "CDK"


def test_bullets_after_a_numbered_item_belong_to_it() -> None:
    md = "## Q\n1. First question\n- answer a\n- answer b\n2. Second question\n- answer c\n"
    found = made(md)
    assert ("parent-bullet", "label-list", "Q › First question — 2 points") in found
    assert ("parent-bullet", "definition", "Second question") in found


# --- rule 11: headings that carry no question -------------------------------------------------------------------


def test_empty_headings_never_show_in_a_breadcrumb() -> None:
    md = "## Storage\n###\n- Term: meaning here\n"
    note, _ = parse(md)
    assert all("untitled" not in part for c in note.cards for part in c.context)
    assert note.cards[0].context[-1] == "Storage"


@pytest.mark.parametrize("heading", ["17.", "Q17", "問3", "第3問"])
def test_a_numbered_heading_takes_its_first_line_as_the_question(heading: str) -> None:
    md = f"## {heading}\nWhat does S3 stand for?\nSimple Storage Service.\n"
    assert made(md) == [("question", "definition", "What does S3 stand for?")]


def test_tabs_and_runs_of_spaces_become_one_space() -> None:
    note, _ = parse("##\tSome   heading\n- Term\tname:  a definition here\n")
    assert note.sections[0].heading == "Some heading"
    assert note.cards[0].front == "Term name"


def test_a_long_line_or_a_sentence_is_never_a_label() -> None:
    md = "## S\nThis is an opening sentence that explains a lot.\n- point one\n- point two\n"
    assert made(md)[0][:2] == ("heading-list", "list")
    assert dropped(md) == [(2, "prose-label")]


def test_an_image_only_back_is_not_made() -> None:
    md = "## Diagram\n- ![arch](arch.png)\n- <img src='x.png'>\n- ![[embed.png]]\n"
    assert made(md) == []
    assert {rule for _, rule in dropped(md)} <= {"image-only", "too-short"}


# --- rule 12: WIP -----------------------------------------------------------------------------------------------


def test_wip_timetable_headings_and_markers() -> None:
    md = "## 12:00〜13:00\n## 休憩\n## Lunch\n## Talk\n## Notes\nメモなし\n## Other\n- あとで書く: the rest\n"
    note, _ = parse(md)
    reasons = {s.heading: s.wip_reasons for s in note.walk()}
    assert reasons["12:00〜13:00"] == () and reasons["休憩"] == () and reasons["Lunch"] == ()
    assert reasons["Talk"] == ("empty",)
    assert "marker" in reasons["Notes"]
    assert "marker" in reasons["Other"]


# --- the cap, the trace, the README ------------------------------------------------------------------------------


def test_max_cards_stops_making_cards_and_says_how_many_were_left_out() -> None:
    md = "## S\n" + "".join(f"- term{i}: definition number {i}\n" for i in range(30))
    note, trace = parse(md, max_cards=10)
    assert len(note.cards) == 10
    # 30 definitions, a glossary (no list of their names): 30 cards, as many as without the limit.
    assert len(parse(md)[0].cards) == 30
    (warning,) = note.warnings
    assert warning.message == (
        "30 cards in one note: the first 10 are used, the 20 from this line on are not; split the note to study them"
    )
    assert warning.line == 12  # the eleventh definition, the first card left out
    assert sum(t.rule == "max-cards" for t in trace) == 20


def test_every_traced_rule_is_a_named_rule() -> None:
    corpus = Path(__file__).resolve().parents[2] / "corpus" / "notes"
    names = set()
    for path in sorted(corpus.glob("*.md")):
        trace: list[Trace] = []
        parse_note(path.read_bytes().decode("utf-8-sig"), path, path.name, trace=trace)
        names |= {t.rule for t in trace}
    assert names <= set(RULES)
    assert len(names) >= 15  # the corpus exercises most of them


def test_the_readme_documents_every_rule() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The note format") :]
    section = section[: section.index("\n## Your progress")]
    missing = [name for name in RULES if not re.search(rf"`{re.escape(name)}`", section)]
    assert missing == []
    assert "--explain" in section


# --- notes from other tools: task lists, definition lists, TOML frontmatter -----------------------------------------


def test_task_list_items_are_the_authors_to_dos_not_cards() -> None:
    md = """
    ## Follow-ups
    - [ ] write up the Q&A
    - [x] upload the slides
    - [ ]

    ## Pods
    - Pod: the smallest deployable unit
    """
    assert {(2, "todo"), (3, "todo"), (4, "todo")} <= set(dropped(md))
    assert [front for _, _, front in made(md)] == ["Pod"]


def test_a_definition_list_colon_is_not_part_of_the_back() -> None:
    md = """
    ## The identity provider

    Audience
    : `sts.amazonaws.com`

    Thumbprint
    ： 今は検証されない
    """
    note, _ = parse(md)
    assert [(c.front, c.back) for c in note.cards] == [
        ("Audience", "sts.amazonaws.com"),
        ("Thumbprint", "今は検証されない"),
    ]


def test_toml_frontmatter_is_metadata_not_cards() -> None:
    md = """
    +++
    title = "Deploying without keys"
    date = 2024-06-02
    tags = ["aws", "oidc"]
    +++

    ## Roles
    - Trust policy: who may assume the role
    """
    note, _ = parse(md)
    assert note.title == "Deploying without keys"
    assert [(c.front, c.line) for c in note.cards] == [("Trust policy", 8)]
    assert not any("date" in c.front for c in note.cards)


def test_broken_toml_frontmatter_is_reported_and_the_note_still_read() -> None:
    note, _ = parse('+++\ntitle = "unclosed\n+++\n\n## A\n- Pod: the smallest unit\n')
    assert any("TOML" in w.message and w.line == 1 for w in note.warnings)
    assert [c.front for c in note.cards] == ["Pod"]


def test_an_obsidian_callout_marker_never_reaches_a_card() -> None:
    md = """
    ## Special bits
    > [!tip]- SUID
    > the program runs as its owner

    > [!info]
    > SGID: new files take the directory's group
    """
    note, _ = parse(md)
    assert [(c.front, c.back) for c in note.cards] == [
        ("SUID", "the program runs as its owner"),
        ("SGID", "new files take the directory's group"),
    ]


def test_an_obsidian_block_id_never_reaches_a_card() -> None:
    md = "## Deadlocks\n1) **Hold and Wait**\n\t- processes holding resources wait for more\n"
    md += "2) **Circular Wait** ^5cb177\n\t- a chain of processes, each waiting on the next\n"
    note, _ = parse(md)
    fronts = [c.front for c in note.cards]
    assert "Circular Wait" in fronts
    assert not any("^" in str(c.front) + str(c.back) for c in note.cards)


# --- other people's notes: outlines, exam codes, footnotes, style words ------------------------------------------


def test_a_table_of_contents_makes_no_cards() -> None:
    md = (
        "## Book\n**Part I**\n- 1\\. Reliable Applications\n  - Thinking About Data Systems\n  - Reliability\n"
        "  - Summary\n- 2\\. Data Models\n  - The Foundation: Datalog\n  - Summary\n"
    )
    note, trace = parse(md)
    assert note.cards == []
    assert "toc" in {t.rule for t in trace if not t.made}
    # The same list without the outline's "Summary" is notes, and makes cards.
    assert parse(md.replace("  - Summary\n", ""))[0].cards


def test_a_past_exam_code_heading_takes_the_topic_of_its_statement() -> None:
    md = (
        "## H28S P21\nDRAMは、コンデンサに電荷を蓄えて記憶する揮発性メモリです。  \n主記憶に使われます。\n\n"
        "## Q12\nA B-tree is a balanced search tree.\n"
    )
    note, _ = parse(md)
    assert [(c.front, c.back.splitlines()[0]) for c in note.cards] == [
        ("DRAM", "DRAMは、コンデンサに電荷を蓄えて記憶する揮発性メモリです。"),
        ("B-tree", "A B-tree is a balanced search tree."),
    ]
    assert note.cards[0].context[-1] == "H28S P21 DRAM"


def test_footnotes_style_words_and_tight_headings_leave_no_markup() -> None:
    md = (
        "## 解く順番\n:::note warn\n科目Bは情報セキュリティから解くのがよい。理由は短時間で解けるから。\n:::\n\n"
        "##Open Match\nA matchmaking framework for games, by Google.[^1]\n\n"
        "## 試験の申し込み\nhttps://aws.amazon.com/jp/certification/\n\n"
        "[^1]: I could not find its repository.\n"
    )
    note, trace = parse(md)
    shown = [(c.front, c.back) for c in note.cards]
    assert shown == [
        ("解く順番", "科目Bは情報セキュリティから解くのがよい。理由は短時間で解けるから。"),
        ("Open Match", "A matchmaking framework for games, by Google."),
    ]
    assert ("url-only") in {t.rule for t in trace if not t.made}


def test_a_sentence_bullet_with_one_sub_item_makes_no_card() -> None:
    md = "## 2章\n- VPC間の通信はGWを介す必要がある。\n  - スターネットワーク\n- NAT\n  - プライベートサブネットから外へ\n"
    fronts = [c.front for c in parse(md)[0].cards]
    assert "VPC間の通信はGWを介す必要がある。" not in fronts
    assert "NAT" in fronts


def test_a_sentence_about_the_author_makes_no_cloze() -> None:
    md = "## Notes\nThe book contains a lot of good stuff, I mean **a lot**.\n\nB-trees keep keys **sorted** on disk.\n"
    note, trace = parse(md)
    assert [c.answers for c in note.cards if c.kind == "cloze"] == [("sorted",)]
    assert "first-person" in {t.rule for t in trace if not t.made}


def test_an_arrow_separates_a_term_only_when_it_is_the_only_arrow() -> None:
    md = "イシュー→論点、課題、問題。  \nリスケ→リスケジュールの略。計画変更\n\nreceiver → processor → exporter\n"
    note, _ = parse("## 用語\n" + md)
    assert [(c.front, c.back) for c in note.cards if c.kind == "definition"] == [
        ("イシュー", "論点、課題、問題。"),
        ("リスケ", "リスケジュールの略。計画変更"),
    ]


def test_as_for_or_regarding_before_a_term_only_announces_it() -> None:
    note, _ = parse(
        "## Scope\nAs for local variables: the interpreter destroys them when it leaves the block.\n\n"
        "- Regarding **globals**: they live until the process ends\n"
    )
    assert [(c.front, c.back) for c in note.cards if c.kind == "definition"] == [
        ("local variables", "the interpreter destroys them when it leaves the block."),
        ("globals", "they live until the process ends"),
    ]


def test_an_ascii_arrow_with_spaces_separates_like_the_arrow_sign() -> None:
    md = (
        "## Rundown\n- `gsutil` -> gcloud storage\n- gp2 -> burst to 3,000 IOPS\n- receiver -> processor -> exporter\n"
        "- EC2 -> S3\n- a->b is code, not a term\n- Celsius -> Fahrenheit: F = 9/5 C + 32\n"
        "- CPU usage 40% -> 85% after the deploy\n- Python 2 -> Python 3\n- 仮想アドレス -> 物理アドレス の変換を行うのがMMU\n"
    )
    note, _ = parse(md)
    assert [(c.front, c.back) for c in note.cards if c.kind == "definition"] == [
        ("gsutil", "gcloud storage"),
        ("gp2", "burst to 3,000 IOPS"),
        ("Celsius -> Fahrenheit", "F = 9/5 C + 32"),  # (the colon ends the term)
    ]  # (a change of a value or a version, or a phrase going on, is no term and its meaning)


def test_emoji_shortcodes_and_full_width_dash_bullets_leave_clean_cards() -> None:
    md = (
        "## Talks\n:joy: My first conference!\n\n### Play\n_AnnMarie Thomas_ [:video_camera:](https://youtu.be/x)\n\n"
        "- play is about process, not outcomes\n- play is social\n\n## IDE\n- **IDE**\n  -　**プライマリー**\n"
        "  -　**セカンダリー**\n"
    )
    note, _ = parse(md)
    text = "\n".join(f"{c.front}\n{c.back_text}" for c in note.cards)
    assert ":joy" not in text and "video_camera" not in text and "[]" not in text
    assert [i.text for i in card(md, "IDE — 2 points").back] == ["プライマリー", "セカンダリー"]


def test_a_line_naming_a_speaker_is_no_label() -> None:
    md = "## はじめよう Cloud Native\n\nオルターブース 加藤さん\n\n- 自動化すること\n- 運用の辛さをなくす\n"
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["はじめよう Cloud Native — 2 points"]
    assert (3, "speaker-label") in [(t.line, t.rule) for t in trace if not t.made]


@pytest.mark.parametrize(
    "sentence",
    [
        "**仮想記憶**（**VM**）とは、**ページング**のことです。",
        "The **process control block** holds metadata, including a:",
    ],
)
def test_a_cloze_needs_text_around_what_it_hides(sentence: str) -> None:
    note, trace = parse(f"## S\n{sentence}\n")
    assert [c for c in note.cards if c.kind == "cloze"] == []
    assert "too-short" in {t.rule for t in trace if not t.made}


def test_the_same_option_under_two_labels_is_two_cards() -> None:
    md = "## Mount\nmount options:\n- -a: mount everything in fstab\n\numount options:\n- -a: unmount everything\n"
    note, trace = parse(md)
    found = [(c.front, c.back) for c in note.cards if c.front.endswith("-a")]
    assert found == [("-a", "mount everything in fstab"), ("umount options › -a", "unmount everything")]


def test_a_definition_needs_a_letter_or_digit() -> None:
    note, _ = parse("## S\n- ワンオペ 2年9ヶ月やってました・・・・！！\n- gp3 = 3,000 IOPS baseline\n")
    assert [c.front for c in note.cards if c.kind == "definition"] == ["gp3"]


def test_one_sub_item_with_its_own_list_is_one_card_not_two() -> None:
    md = "## 8章\n- 鍵管理\n  - KMS と CloudHSM\n    - KMS をよく使う\n    - HSM は専用ハードウェア\n- WAF\n  - L7 の防御\n"
    note, _ = parse(md)
    assert card(md, "鍵管理").back == "KMS と CloudHSM\n  KMS をよく使う\n  HSM は専用ハードウェア"
    assert not any("KMS と CloudHSM —" in c.front for c in note.cards)


def test_a_points_card_of_names_alone_has_six_at_most() -> None:
    details = "".join(f"  - detail {k}\n" for k in range(2))
    md = "## Keynote\n" + "".join(f"- Product {n}\n{details}" for n in "ABCDEFG")
    note, trace = parse(md)
    assert not any(c.front.startswith("Keynote —") for c in note.cards)
    assert any(t.rule == "points" and "7 names" in t.what for t in trace if not t.made)


def test_the_same_option_under_two_commands_is_two_cards() -> None:
    md = (
        "## Mount\n- mount\n  - options\n    - -a: mount everything in fstab\n"
        "- umount\n  - options\n    - -a: unmount everything in mtab\n"
    )
    found = [(c.front, c.back) for c in parse(md)[0].cards if c.front.endswith("-a")]
    assert found == [("-a", "mount everything in fstab"), ("umount › options › -a", "unmount everything in mtab")]


def test_a_task_with_its_command_under_it_is_a_card() -> None:
    md = "## sed\n- 文字列を置換する\n  - sed 's/old/new/g' file\n- 行数を数える\n  - wc -l file\n"
    cards = {c.front: c.back for c in parse(md)[0].cards}
    assert cards["文字列を置換する"] == "sed 's/old/new/g' file"
    assert cards["行数を数える"] == "wc -l file"


def test_links_alone_math_and_disclaimers_make_no_card() -> None:
    md = (
        "## Related\n- [SCP guardrails](scp.md)\n- [[Role assumption]]\n\n"
        "## Sampling\n- Sample at $t = k: k = 1, 2$ each period\n- Host $host: the name the client asked for\n\n"
        "## Disclaimer\nThese are my notes: they may be wrong.\n"
    )
    note, trace = parse(md)
    assert [c.front for c in note.cards if c.kind == "definition"] == ["Host $host"]
    assert not any(c.front.startswith("Related") for c in note.cards)
    assert [t.rule for t in trace if not t.made].count("bare-link") == 2


def test_a_multiple_choice_question_is_the_question_and_its_right_options() -> None:
    md = (
        "### Q. 保存時の暗号化に該当するものはどれですか。\n1. 暗号化された電子メール\n2. 暗号化された仮想マシンファイル\n"
        "3. HTTPS\n<details><div>\n    答え：2\n    仮想マシンは BitLocker で暗号化できます\n</div></details>\n\n"
        "Which two protect data at rest?\n1. TLS\n2. BitLocker\n3. SSE-S3\n\nAnswer: 2, 3\n\n"
        "## Not a question\n1. first\n2. second\n"
    )
    note, trace = parse(md)
    cards = {c.front: c.back for c in note.cards}
    assert cards["Q. 保存時の暗号化に該当するものはどれですか。"] == (
        "2. 暗号化された仮想マシンファイル\n仮想マシンは BitLocker で暗号化できます"
    )
    assert cards["Which two protect data at rest?"] == "2. BitLocker\n3. SSE-S3"
    assert not any("答え" in c.front for c in note.cards)
    assert "Not a question — 2 points" in cards


def test_a_talks_logistics_make_no_card_and_label_nothing() -> None:
    md = (
        "## Keynote\n登壇者：佐藤さん（SRE）\n- Control Tower を先に入れる\n- OU を先に決める\n\n"
        "- Slides: speakerdeck のスライド\n- Time: O(n log n)\n"
    )
    note, trace = parse(md)
    fronts = [c.front for c in note.cards]
    assert "Keynote — 3 points" in fronts and "Keynote › Time" in fronts  # "Time: O(n log n)" is a fact
    assert not any("登壇者" in f or "Slides" in f for f in fronts)
    assert [t.rule for t in trace if not t.made].count("chatter-term") == 2


# --- a talk's details, ratings, small clozes, doubts, display math ------------------------------------------------


SPRINGONE = """
## How To Be a Testing Superstar
- Length 26:24, watched on 2021-09-07, **#architecture #test**
- Billy Korando as Java Developer Advocate, Oracle
- Track: Architecture
- Language: English

### Keynotes
- **Dependency iceberg**: our code is the tip of all the code the application runs on

### Impression ⭐⭐⭐⭐☆
- ✅ Theoretical aspects and importance of testing
- ⛔ Too short, no mention of BDD
"""


def test_a_talks_details_make_no_card_at_all_and_a_rated_impression_is_chatter() -> None:
    note, trace = parse(SPRINGONE)
    assert [c.front for c in note.cards] == ["Dependency iceberg"]
    assert (2, "talk-details") in [(t.line, t.rule) for t in trace if not t.made]
    # The rating does not hide the heading from the chatter list.
    assert not any("Impression" in " ".join(c.context) for c in note.cards)


def test_one_logistics_field_among_facts_leaves_the_facts() -> None:
    md = """
    ## Keynote
    - Speaker: 佐藤さん
    - Control Tower を先に入れる
    - OU を先に決める
    - Language: Go で書き直した
    """
    fronts = [c.front for c in parse(md)[0].cards]
    assert "Keynote — 3 points" in fronts  # 2 fields out of 4 items: not mostly details
    assert (1, "talk-details") not in dropped(md)


def test_a_sentence_ending_on_the_authors_verdict_makes_no_cloze() -> None:
    assert (3, "first-person") in dropped("## KubeCon\n\nThe keynote **The Cloud Native Journey** was awesome.\n")
    assert any(r == "cloze" for r, *_ in made("## WW1\n\nThe losses of the **Battle of the Somme** were great.\n"))
    assert any(r == "cloze" for r, *_ in made("## KubeCon\n\nThe **keynote** was awesome because it covered GitOps.\n"))


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Datacenter is **NOT** multi-cloud.", False),
        ("Note that it **is** possible to stop this reordering with fences.", False),
        ("Watched on 2021-09-07, **#devops #kubernetes**", False),
        ("Raft needs a **quorum** of servers to commit.", True),
        ("Datacenter is **NOT** multi-cloud, it uses the **LAN gossip pool**.", True),  # one hidden part is real
        ("**Steve Grossi** gave the first talk, aimed at beginners.", False),
        ("Bas Vodde さんの **The Story of LeSS** 。", False),
        ("基調講演は **山田** さんが担当した。", False),
        ("We watched a talk by **Karmen Blake** on neural networks.", False),
        ("**Raft** gave etcd its consistency model.", True),  # (giving is no talk)
        ("The **login endpoint** gives each client a session token.", True),
        ("Ruby は **まつもとゆきひろ** さんが1995年に公開した。", True),  # who made it, no talk
        ("ユビキタス言語はお客さんの **業務の言葉** をそのまま使う。", True),
        ("17世紀の科学者は、光が **波** であると考えるようになった。", True),  # no change of the author's mind
        ("The **氏名** field is required.", True),
    ],
)
def test_a_cloze_hiding_only_small_words_or_hashtags_is_weak(line: str, kept: bool) -> None:
    md = f"## Consul\n\n{line}\n"
    assert (any(r == "cloze" for r, *_ in made(md))) is kept
    assert ((3, "weak-cloze") in dropped(md)) is not kept


@pytest.mark.parametrize(
    "line",
    [
        "- CALL GATE: inter segment jump. ??? ( need clarity)",
        "- ゲート：セグメント間ジャンプ？？",
        "- LDT: local table (?)",
    ],
)
def test_a_line_the_author_marked_as_unsure_makes_no_card(line: str) -> None:
    md = f"## Part 4\n{line}\n- GDT: the global descriptor table\n"
    fronts = [c.front for c in parse(md)[0].cards]
    assert "GDT" in fronts and len([f for f in fronts if f in ("CALL GATE", "ゲート", "LDT")]) == 0
    assert (2, "unsure") in dropped(md)


def test_two_question_marks_are_an_operator_not_a_doubt() -> None:
    md = "## JS\n- Nullish coalescing: `a ?? b` gives b only when a is null\n"
    assert [c.front for c in parse(md)[0].cards] == ["Nullish coalescing"]


def test_display_math_makes_no_card() -> None:
    md = """
    ## Sharpe ratio
    Defining R_P as portfolio return and R_f as the risk-free return:

    $$\\text{Sharpe Ratio} = \\frac{R_P - R_f}{\\sigma_P}$$

    $$R_P - R_f = \\alpha + \\beta(R_m - R_f)$$
    """
    note, trace = parse(md)
    assert not any("$$" in c.front or "Sharpe Ratio}" in c.front for c in note.cards)
    assert [t.line for t in trace if t.rule == "code-block"] == [4, 6]


def test_a_label_joins_the_breadcrumb_of_a_one_sub_item_card() -> None:
    md = """
    ## Architecture
    **Datacenter**
    - Single cluster
    - Private
    - Uses the LAN gossip pool
      - Used to communicate with all members of the cluster
    """
    c = card(md, "Uses the LAN gossip pool")
    assert c.context[-1] == "Datacenter"


def test_an_english_statement_with_one_sub_item_asks_nothing_but_a_task_does() -> None:
    md = """
    ## Redundancy zones
    - Each fault zone only has 1 voting member
      - All others are non-voting members
    - Check that the cluster is running: `pg_lsclusters`
      - should show `16 main 5432 online`
    """
    fronts = [c.front for c in parse(md)[0].cards]
    assert "Each fault zone only has 1 voting member" not in fronts
    assert (2, "prose-label") in dropped(md)
    assert any(f.startswith("Check that the cluster is running") for f in fronts)


def test_a_quoted_exam_question_is_a_question() -> None:
    md = """
    ## Practice exam
    - "What is the minimum vSphere configuration needed to deploy NSX?"
      - A cluster of ESXi hosts managed by vCenter Server
    """
    c = card(md, '"What is the minimum vSphere configuration needed to deploy NSX?"')
    assert c.back == "A cluster of ESXi hosts managed by vCenter Server"
    assert made(md)[0][0] == "question"


def test_a_handle_is_a_speaker_not_a_label() -> None:
    md = """
    ## いまさらdatabase/sql
    @rock619
    - sql.DBは毎回Close()する必要もない
    - 定義済みエラーのハンドリングも忘れずに
    """
    assert [f for _, _, f in made(md)] == ["いまさらdatabase/sql — 2 points"]
    assert (2, "speaker-label") in dropped(md)


def test_split_long_names_lose_the_colon_that_introduced_their_sub_lists() -> None:
    subs = "\n".join(f"    - point {k} about the term" for k in range(4))
    md = "## Raft\n- Key terms:\n" + "\n".join(f"  - {t}:\n{subs}" for t in ("Log", "Peer set", "Quorum"))
    md += "\n  - Terms are numbered\n"
    c = card(md, "Raft › Key terms — 4 points")
    assert [i.text for i in c.back] == ["Log", "Peer set", "Quorum", "Terms are numbered"]


def test_a_table_of_talks_details_and_an_events_detail_rows_make_no_card() -> None:
    md = """
    ## Attended sessions
    | Session | Tags | Length |
    |---|---|---|
    | Keynote | #introduction #news | 46:44 |
    | Project Loom | #java #threads | 43:11 |

    ## Event
    | | Value |
    |---|---|
    | Location | Prague |
    | 参加費 | 無料 |
    | Records availability | Limited for 1-2 weeks after the event |

    ## Hashes
    | Hash | Length |
    |---|---|
    | SHA-1 | 160 bits |
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == [
        "Event › Records availability — Value",
        "Hashes › SHA-1 — Length",  # one details-like column is a fact
    ]
    assert [t.line for t in trace if t.rule == "talk-details"] == [2, 10, 11]


def test_lines_inside_math_opened_on_an_earlier_line_are_no_terms() -> None:
    md = """
    ## Sampling
    Recall a signal may be represented as a mapping
    \\begin{align*}
    f: D  & \\mapsto R \\\\
    t  & \\mapsto f(t)
    \\end{align*}
    This involves partitioning the domain $[t_0, t_f]$ into intervals $I_k = [t_0, t_0 + kT_s],
    k = 1, 2, \\dots $ and recording the value at the end points.
    Sampling interval: the time between two samples
    """
    fronts = [c.front for c in parse(md)[0].cards]
    assert fronts == ["Sampling interval"]  # after the math closed, a term is a term again


def test_a_small_word_is_no_term_and_a_courses_reading_is_logistics() -> None:
    md = """
    ## Encoding
    Then the encoding equation for temperature in terms of voltage $V$
    is: T = 2V - 10

    Reading material: Up to Section 1.3 of the textbook.

    Quantisation: mapping a continuous range to a finite set of levels
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["Quantisation"]
    assert "chatter-term" in {t.rule for t in trace if not t.made}  # "is:" is a wrapped line: never a term


def test_a_small_word_is_never_a_term() -> None:
    note, trace = parse("## Encoding\n- is: T = 2V - 10\n- Quantisation: mapping to finite levels\n")
    assert [c.front for c in note.cards if c.kind == "definition"] == ["Quantisation"]
    assert (2, "too-short") in [(t.line, t.rule) for t in trace if not t.made]


def test_exam_objectives_make_no_list_card_but_the_notes_under_them_do() -> None:
    md = """
    ## Cloud concepts
    1. Identify the benefits of cloud computing
       - High Availability: the share of time a system answers
       - Elasticity: acquiring and releasing resources as needed
    2. Describe the **consumption-based model**
    3. Understand the shared responsibility model
    """
    note, trace = parse(md)
    fronts = [c.front for c in note.cards]
    assert "Cloud concepts — 3 points" not in fronts and not any(f.startswith("Describe") for f in fronts)
    assert {"High Availability", "Elasticity"} <= set(fronts)
    assert (2, "objectives") in dropped(md) and (5, "weak-cloze") in dropped(md)


def test_a_list_with_a_few_instructions_is_still_a_list() -> None:
    md = "## Upgrade\n- Drain the node\n- Describe the pod to see events\n- Upgrade kubelet\n- Uncordon the node\n"
    assert [f for _, _, f in made(md)] == ["Upgrade — 4 points"]


def test_logseq_and_dataview_properties_are_no_cards() -> None:
    md = """
    - ## Slow start
      id:: 64412696-09fb-49b5-b5de-f3d48f03232d
      collapsed:: true
    \t- Slow start doubles the window every round trip
    - cwnd::the congestion window, kept by the sender
    """
    note, trace = parse(md)
    assert [(c.kind, c.front) for c in note.cards if c.kind == "explicit"] == [("explicit", "cwnd")]
    assert [t.line for t in trace if t.rule == "explicit" and not t.made] == [2, 3]


def test_a_hand_written_card_with_a_number_is_still_a_card() -> None:
    md = "## Ports\n- ssh-port:: 22\n"
    assert [(c.front, c.back) for c in parse(md)[0].cards] == [("ssh-port", "22")]


def test_an_attendees_impressions_make_no_card() -> None:
    md = """
    ## PHP8.2から見る、２つの配列
    配列が月刊PHPカンファレンスなのに吹き出しましたｗ
    Packed Arrayという用語は初めてしりました。
    HashTableとして扱うとどうなるんだろう？という疑問が残りました。

    ## Laravelとの距離
    気になっていたセッションでした。
    やっぱりなーという気持ちになりました。
    Doctrine推しが印象的でしたw

    ## 推薦システム
    また、現状の推薦システムの**課題**がより浮き彫りになるのではないかと考えるようになった。

    ## Packed Array
    キーが連番の配列は、ハッシュを持たない Packed Array として格納される。
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["Packed Array"]
    assert {t.line for t in trace if t.rule == "first-person"} == {2, 7, 12}  # 12: the author's change of mind


def test_a_practice_exams_answer_key_makes_no_card() -> None:
    md = """
    ## サンプル試験問題:
    1. A
    2. C  D: ロングポーリングでは空の応答が減る。
    3. B
    4. D, E  C, D: SSE-C では顧客がキーを渡す。
    """
    note, trace = parse(md)
    assert note.cards == []
    assert (2, "answer-key") in [(t.line, t.rule) for t in trace if not t.made]


def test_a_single_capital_letter_is_still_a_term() -> None:
    md = "## Languages\n- C: a systems language\n- R: a language for statistics\n"
    assert [c.front for c in parse(md)[0].cards if c.kind == "definition"] == ["C", "R"]


def test_a_todo_line_is_no_label_and_makes_no_card() -> None:
    md = """
    ## アクセスパターン
    TODO: 自分の案件のアクセスパターンを書き出す

    1. ユーザー ID で予約一覧を取得
    2. 予約 ID で予約詳細を取得
    3. ？？

    TODO 強制的に変換したいが **GPT** が固定なのでできない
    """
    note, trace = parse(md)
    assert [(c.front, [i.text for i in c.back]) for c in note.cards] == [
        ("アクセスパターン — 2 points", ["ユーザー ID で予約一覧を取得", "予約 ID で予約詳細を取得"])
    ]
    assert [t.line for t in trace if t.rule == "todo"] == [2, 8]
    assert [t.line for t in trace if t.rule == "unsure"] == [6]


def test_a_line_ending_in_a_comma_is_no_label_and_a_bracketed_chatter_word_is_chatter() -> None:
    md = """
    ## Symfony で始めるモジュラモノリス
    苦労しているわけではなかったのですが、
    - Doctrine を Laravel の中で使う
    - 疎結合指向の Symfony を選ぶ

    - 【宣伝】: 別記事にセッションとスライドをまとめています
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["Symfony で始めるモジュラモノリス — 2 points"]
    assert (2, "prose-label") in [(t.line, t.rule) for t in trace if not t.made]


def test_a_definition_of_more_than_twelve_lines_is_no_card_and_two_never_join_past_the_limit() -> None:
    rows = "\n".join(f"{k} |-> slot {k}" for k in range(1, 14))
    md = (
        f"## Load factor\nTable one: 3 / 8\n{rows}\n\n- gp2: general purpose\n"
        + "".join(f"  - detail {k}\n" for k in range(7))
        + "\n## Exam tips\n- gp2: burst to 3,000 IOPS\n"
        + "".join(f"  - tip {k}\n" for k in range(6))
    )
    note, trace = parse(md)
    assert "Table one" not in [c.front for c in note.cards]
    assert (2, "split-long") in [(t.line, t.rule) for t in trace if not t.made]
    gp2 = [c for c in note.cards if c.front in ("gp2", "Exam tips › gp2")]
    assert len(gp2) == 2 and all(c.back_text.count("\n") < MAX_BACK_LINES for c in gp2)


def test_a_definitions_sub_items_show_their_whole_lines() -> None:
    md = """
    ## IP Address
    * Private IP addresses - IP addresses that only talk on a local network:

      * Class A - 10.0.0.0 - 10.255.255.255
      * Class B - 172.16.0.0 - 172.31.255.255
    """
    c = card(md, "Private IP addresses")
    assert "Class A - 10.0.0.0 - 10.255.255.255" in c.back and "Class B - 172.16.0.0" in c.back


def test_double_asterisk_lines_are_a_wikis_sub_bullets() -> None:
    md = """
    ## Opportunities
    * as individuals:
    ** give people equipment that can help them get a job.
    ** get political about prisons.
    """
    c = card(md, "as individuals")
    assert "**" not in c.back and c.back.splitlines()[-1].strip() == "get political about prisons."


def test_dataview_fields_at_the_top_of_a_note_are_no_cards() -> None:
    md = "summary:: Capitalization and letter case for sets of words.\nparents:: [[CSE]]\n\n## Cases\n- camelCase::a lower first letter\n"
    assert [c.front for c in parse(md)[0].cards] == ["camelCase"]


def test_a_cloze_pointing_back_shows_the_sentence_before_it() -> None:
    md = """
    ## Hardware faults
    Disks fail often. One approach is to **add redundancy** (i.e. add backup machines). Another newer approach is **software fault-tolerance**.
    """
    fronts = [c.front for c in parse(md)[0].cards]
    assert "One approach is to add redundancy (i.e. add backup machines). Another newer approach is ［…］." in fronts
    assert "One approach is to ［…］ (i.e. add backup machines)." in fronts  # its own cloze shows no context


def test_a_musing_item_is_left_out_of_its_list() -> None:
    md = "## XCFramework\n- WWDC19で発表された形式\n- 実態はただのBundle\n- なるほどなぁ\n"
    c = card(md, "XCFramework — 2 points")
    assert [i.text for i in c.back] == ["WWDC19で発表された形式", "実態はただのBundle"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Add redundancy (i.e. backup machines). Then test.", ["Add redundancy (i.e. backup machines).", "Then test."]),
        ("Locks, tables etc. We call them resources.", ["Locks, tables etc.", "We call them resources."]),
        ("Formats, e.g. JSON, are text.", ["Formats, e.g. JSON, are text."]),
    ],
)
def test_an_abbreviations_full_stop_ends_no_sentence_unless_a_capital_follows(text: str, sentences: list[str]) -> None:
    from devday_tui.core.text import sentence_spans

    assert [text[a:b].strip() for a, b in sentence_spans(text)] == sentences


def test_questions_without_answers_make_no_list_card_but_answers_clauses_do() -> None:
    md = """
    ## Leadership questions
    - Tell me about a time you led a team through a hard project
    - Describe a time when you had to motivate a team
    - What is your preferred management style?

    ## Use intention-revealing names
    A name should tell
    - why it exists,
    - what it does,
    - and how it is used.
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["A name should tell — 3 points"]
    assert (2, "open-questions") in [(t.line, t.rule) for t in trace if not t.made]


def test_a_generic_label_such_as_types_takes_its_context() -> None:
    md = "## Deep learning\nTypes\n- Convolutional NN\n- Recurrent NN\n"
    assert [f for _, _, f in made(md)] == ["Deep learning › Types — 2 points"]


def test_a_paragraphs_last_sentence_that_says_a_list_follows_names_the_list() -> None:
    md = """
    ## UDP
    UDPは複雑な制御は提供せず、コネクションレスの通信サービスを提供する。UDPは次のような用途に向いている。

    - 総パケット数が少ない通信（DNS、SNMPなど）
    - 動画や音声などのマルチメディア通信

    ## OAuth
    OAuth はアプリに権限を渡す仕組みです。例えば、以下のような場面で利用されています。

    - Google アカウントで他のアプリにログインする
    - GitHub のリポジトリに外部サービスからアクセスする
    """
    fronts = [f for _, _, f in made(md)]
    # The second sentence names nothing before "以下の": the heading stays the subject.
    assert fronts == ["UDPは次のような用途に向いている — 2 points", "OAuth — 2 points"]


def test_hard_wrapped_prose_makes_no_term_of_the_wrapped_line_but_definition_lines_do() -> None:
    md = """
    ## Orthogonality
    Write shy code that does not reveal itself to others and does not rely on the real
    world: Don't rely on the properties of things you can't control.

    proxy_cache_path: where and how big the cache is, with keys_zone in shared memory
    proxy_cache_valid: how long to cache per status code
    """
    fronts = [c.front for c in parse(md)[0].cards]
    assert "world" not in fronts and fronts == ["proxy_cache_path", "proxy_cache_valid"]


def test_options_without_their_answer_and_a_back_repeating_a_long_front_make_no_card() -> None:
    md = """
    ### Q8

    クラスタ証明書の更新で **自動的に更新されないもの** はどれか

    A. kube-apiserver の証明書
    B. kubelet クライアント証明書
    C. 外部 CA で署名した証明書
    D. etcd の証明書

    ### No.12

    「コンスタントプール」：同じ文字列リテラルは同じ String インスタンスへの参照が使い回されるため、== で true になる。
    """
    note, trace = parse(md)
    assert not any("どれか" in c.front for c in note.cards)
    assert "choice-question" in {t.rule for t in trace if not t.made}


def test_a_to_do_item_and_an_empty_label_item_are_left_out_of_their_list() -> None:
    md = """
    ## 粒度
    - サービスは粒度の大きい操作を提供する
    - TODO）分からん
    - Zone services:
    - Zone-redundant services replicate across zones
    """
    c = card(md, "粒度 — 2 points")
    assert [i.text for i in c.back] == [
        "サービスは粒度の大きい操作を提供する",
        "Zone-redundant services replicate across zones",
    ]


def test_japanese_questions_without_answers_and_actually_as_a_remark() -> None:
    md = """
    ## トランザクション処理
    - トランザクションのACID特性とは。
    - MVCCとは。
    - 2相ロックとは。

    ## fsyncへの誤解
    - 実際には: 最初の fsync に失敗するとデータは page cache から消える
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["fsyncへの誤解 › 実際には"]
    assert (2, "open-questions") in [(t.line, t.rule) for t in trace if not t.made]


def test_a_term_lines_sub_list_joins_its_back_only_within_the_line_limit() -> None:
    subs = "".join(f"  - point {k}\n" + "".join(f"    - detail {k}.{j}\n" for j in range(3)) for k in range(5))
    md = f"## Talk\n- 概要\n  AI エージェントの社会実装に向けた取り組み\n{subs}- Zone transfer: copies a zone to a secondary\n"
    for c in parse(md)[0].cards:
        back = c.back_text if isinstance(c.back, str) else ""
        assert back.count("\n") < MAX_BACK_LINES, (c.front, back)


def test_link_text_may_hold_brackets_and_a_link_only_item_with_a_title_is_no_fact() -> None:
    md = """
    ## vim-go
    - vim-go でいろいろできる: [[Go]vim-go と Delve でデバッグ](/2018/05/30/debug-go/) にまとめた
    - [Masato on Twitter: "two XSS challenges"](https://twitter.com/x/status/1 "Masato on Twitter")
    - GoAddTags で struct tag を足せる
    """
    note, trace = parse(md)
    texts = [c.back_text if isinstance(c.back, str) else " / ".join(i.text for i in c.back) for c in note.cards]
    assert any("[Go]vim-go と Delve でデバッグ にまとめた" in t for t in texts)
    assert not any("](" in t or "Twitter" in t for t in texts)
    assert (3, "bare-link") in [(t.line, t.rule) for t in trace if not t.made]


# --- fronts that say what is asked, backs kept whole, metadata and citations left out ------------------------------


def test_metadata_lines_at_the_top_of_a_note_make_no_cards_and_name_it() -> None:
    pelican = "Title: PyCon JP 2019\nDate: 2019-09-20 10:00\nSlug: pycon-jp-2019\nTags: 2019; pycon\n\n## Talks\n- Profiler: WSGI middleware\n"
    note, trace = parse(pelican)
    assert [c.front for c in note.cards] == ["Profiler"]
    assert note.title == "PyCon JP 2019"
    assert (1, "metadata") in [(t.line, t.rule) for t in trace if not t.made]
    hexo = "title: re:Invent 2015\ndate: 2015-10-17 14:44:54\ntags:\n- aws\n- re:invent2015\n---\n\n## DAY1\n- QuickSight\n- Snowball\n"
    note, _ = parse(hexo)
    assert note.title == "re:Invent 2015"
    assert [c.front for c in note.cards] == ["re:Invent 2015 › DAY1 — 2 points"]
    # Two definitions at the top of a glossary are no metadata: no title or date among them.
    glossary = "Lambda: serverless compute\nFargate: serverless containers\n"
    assert [c.front for c in parse(glossary)[0].cards] == ["Lambda", "Fargate"]


def test_a_sentence_without_its_full_stop_or_pointing_back_is_no_term() -> None:
    md = """
    ## 動画
    これは動画ないらしい・・・残念な話。

    ## Go
    This is why・・・it matters
    Go・・・a compiled language
    DroidKaigiは主役のカンファレンスです
    Android の技術情報を共有する
    """
    assert [c.front for c in parse(md)[0].cards] == ["Go"]


def test_a_citation_is_no_term_and_a_quoted_definition_answers_its_heading() -> None:
    md = """
    ## DroidKaigi とは

    > DroidKaigi はエンジニアが主役の Android カンファレンス。
    > 技術情報の共有とコミュニケーションが目的。
    >
    > 参照：[DroidKaigi 2025](https://2025.droidkaigi.jp)

    ## Sessions
    - 出典: [timetable](https://example.com/t)
    - [DroidKaigi 2025 - YouTube](https://youtube.com/x) (全セッション動画)
    - Compose: 宣言的 UI
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["DroidKaigi とは", "Compose"]
    assert "参照" not in note.cards[0].back_text and "技術情報" in note.cards[0].back_text
    assert (9, "url-only") in [(t.line, t.rule) for t in trace if not t.made]  # (a link alone: a page to read)
    assert (10, "bare-link") in [(t.line, t.rule) for t in trace if not t.made]


def test_a_heading_or_label_that_only_says_where_it_stands_takes_its_context() -> None:
    md = """
    # re:Invent 2015
    ## Day 1
    - QuickSight
    - Snowball

    ## 1日目（Workshop Day）
    1日目はワークショップの日で、去年より課題がパワーアップしていた。

    ## Verticals
    VERTICALS
    - Healthcare
    - Finance
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["re:Invent 2015 › Day 1 — 2 points", "Verticals › VERTICALS — 2 points"]
    assert (7, "heading-paragraph") in [(t.line, t.rule) for t in trace if not t.made]


def test_a_definition_sub_item_with_a_sub_list_is_one_card_and_a_label_keeps_no_colon() -> None:
    md = """
    ## EC2
    - Instance types
      - F - Field Programmable Gate Array
        - Genomics research
        - Video processing
      - G - Graphics intensive
        - Video encoding
        - 3D streaming
    - Queues
      - Types:
        - Standard - Order is not guaranteed
        - FIFO - Order is guaranteed
    """
    note, _ = parse(md)
    fronts = [c.front for c in note.cards]
    assert fronts.count("F") == 1 and not any(f.endswith("› F — 2 points") for f in fronts)
    f = card(md, "F")
    assert f.back_text.splitlines() == ["Field Programmable Gate Array", "  Genomics research", "  Video processing"]
    assert card(md, "Standard").context[-1] == "Types"


def test_a_line_inside_an_item_that_names_the_sub_list_after_it_holds_that_list() -> None:
    md = """
    # S3
    1. Storage classes

        1.1 Frequent access. Classes include:

        * S3 Standard
        * S3 Express One Zone

        1.2 Infrequent access. Classes include:

        * S3 Standard-IA
        * S3 One Zone-IA
    """
    note, _ = parse(md)
    c = card(md, "S3 › Storage classes — 2 points")
    assert [(i.text, [k.text for k in i.children]) for i in c.back] == [
        ("1.1 Frequent access. Classes include", ["S3 Standard", "S3 Express One Zone"]),
        ("1.2 Infrequent access. Classes include", ["S3 Standard-IA", "S3 One Zone-IA"]),
    ]


def test_a_bullet_whose_one_sub_item_names_a_list_makes_that_lists_card() -> None:
    md = """
    ## Commands
    - mount
      - オプション
        - -a : fstab のファイルシステムを全てマウント
        - -t : ファイルシステムの種類を指定
    - SCSI
      - SCSI
        - 周辺機器を接続するための規格
        - 高価で高速
    """
    fronts = [c.front for c in parse(md)[0].cards]
    assert "mount" not in fronts and "mount › オプション — 2 points" in fronts
    assert [i.text for i in card(md, "mount › オプション — 2 points").back] == [
        "-a : fstab のファイルシステムを全てマウント",
        "-t : ファイルシステムの種類を指定",
    ]
    assert [i.text for i in card(md, "Commands › SCSI — 2 points").back] == [
        "周辺機器を接続するための規格",
        "高価で高速",
    ]


def test_a_bullets_bold_name_over_its_sub_list_is_no_cloze() -> None:
    md = "## Disks\n- **SATA**(Serial ATA)\n  - most PCs have it\n  - cheap\n- **SAS** is faster and more reliable\n"
    note, _ = parse(md)
    assert [c.kind for c in note.cards].count("cloze") == 1
    assert [c.front for c in note.cards if c.kind == "cloze"] == ["［…］ is faster and more reliable"]


def test_a_paragraph_that_introduces_the_sub_headings_is_the_list_of_them() -> None:
    md = """
    ## Resources in the DMZ
    The following are resources which are commonly placed in the DMZ:
    ### Web Servers
    Websites open to the public sit in the DMZ, apart from internal systems.
    ### Mail Servers
    Email servers interact with external networks, so they sit in the DMZ.
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["Resources in the DMZ — 2 points", "Web Servers", "Mail Servers"]
    assert [i.text for i in note.cards[0].back] == ["Web Servers", "Mail Servers"]


def test_a_back_in_which_the_author_speaks_of_themselves_is_no_card() -> None:
    md = "## Setup\nTip: Going forward I will use k for kubectl\n\n- Pod: the smallest unit of deployment\n- Exam Date: 2/11/2025\n"
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["Pod"]
    assert (2, "first-person") in [(t.line, t.rule) for t in trace if not t.made]


def test_a_two_column_table_shows_the_cell_alone() -> None:
    md = "**[Device files]**\n\n| File | 説明 |\n|---|---|\n| /dev/sda | 1番目のHD |\n"
    c = parse(md)[0].cards[0]
    assert (c.front, c.back) == ("Device files › /dev/sda", "1番目のHD")
    md = "## systemctl\n| サブコマンド | 用途 |\n|---|---|\n| disable | 自動起動を無効にする |\n"
    c = parse(md)[0].cards[0]
    assert (c.front, c.back) == ("systemctl › disable — 用途", "自動起動を無効にする")


def test_a_column_that_only_numbers_the_rows_names_none_of_them() -> None:
    md = (
        "## 11のベストプラクティス\n| | 項目 | 関連サービス |\n|--|--|--|\n"
        "| 1 | スケーラビリティの確保 | Auto Scaling |\n| 2 | 環境の自動化 | CloudFormation |\n"
    )
    assert [(c.front, c.back) for c in parse(md)[0].cards] == [
        ("11のベストプラクティス › スケーラビリティの確保 — 関連サービス", "Auto Scaling"),
        ("11のベストプラクティス › 環境の自動化 — 関連サービス", "CloudFormation"),
    ]
    # A column of numbers under a header of its own is data (ports), even numbered 1, 2…
    md = "## Ports\n| Port | Service | Protocol |\n|--|--|--|\n| 1 | tcpmux | TCP |\n| 2 | compressnet | TCP |\n"
    assert [c.front for c in parse(md)[0].cards] == ["Ports › 1 — Service, Protocol", "Ports › 2 — Service, Protocol"]


def test_a_line_wrapped_inside_brackets_is_no_term() -> None:
    md = "1月30日に開催された[JAWS-UG大阪\n第10回勉強会](http://example.com/e)におじゃまして、LT喋ってきました。\n- 桶谷さんのブログ\n"
    assert not any(c.front.startswith("1月30日") for c in parse(md)[0].cards)


def test_a_list_of_things_to_study_makes_no_list_card() -> None:
    md = "## Before taking the exam\n- Read the S3 FAQ\n- Read the EC2 FAQ\n- Review the whitepapers\n- Build a VPC with two subnets\n"
    note, trace = parse(md)
    assert note.cards == []
    assert (2, "objectives") in [(t.line, t.rule) for t in trace if not t.made]


def test_an_attendees_diary_is_no_card_but_news_and_a_talks_title_are() -> None:
    md = """
    ## After Party
    2日目の夜に懇親会がありました。同僚たちと話したりしました。同窓会みたいで楽しかったです。

    ## Lambda の発表
    Python 3.12 に対応しました。SnapStart が Python でも使えるようになりました。

    ## LT
    - Polars 触ってみた
      - 遅延評価で最適化される
    - 同時通訳レシーバーのおかげで日本語で聞けて良かった。
    - VM のパッチ当てが不要になった
    - Set は主キー検索に用いることはできません。
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["Lambda の発表", "LT — 3 points", "Polars 触ってみた"]
    assert [i.text for i in card(md, "LT — 3 points").back][1:] == [
        "VM のパッチ当てが不要になった",
        "Set は主キー検索に用いることはできません。",
    ]
    assert (1, "skip-section") in [(t.line, t.rule) for t in trace if not t.made]  # (an after party: chatter)


def test_a_need_is_a_point_but_a_wish_to_try_something_is_diary() -> None:
    md = """
    ## Cons
    - 本番環境で使うには抽象化されすぎている。
    - IaC や CI/CD パイプラインで環境を作りたい。
    - 帰ったら Copilot を使ってみたい。
    """
    note, trace = parse(md)
    assert [i.text for i in card(md, "n › Cons — 2 points").back] == [
        "本番環境で使うには抽象化されすぎている。",
        "IaC や CI/CD パイプラインで環境を作りたい。",
    ]
    assert (4, "first-person") in [(t.line, t.rule) for t in trace if not t.made]


def test_a_diary_sentence_may_run_over_a_line_end_and_speak_of_its_author() -> None:
    md = """
    ## Python プロファイラの実装
    こちらのトークは、宮崎氏による,
    プロファイラーの実装についてのトークでした。
    WSGI middleware で機能を追加できるという内容でした。
    便利なツールを書きたくなりました。

    ## Ruby Committers
    コミッタの方々が議論するセッションでした。
    JavaScriptのasync-await、私は好きです。

    ## Lambda
    SnapStart が Python に対応しました。機能が追加されました。
    """
    assert [c.front for c in parse(md)[0].cards] == ["Lambda"]


def test_dated_update_notices_asides_and_clauses_going_on_are_no_terms() -> None:
    md = """
    ## DNS
    2022/03/17 追記
    現在は Cloudflare Pages でホスティングしている。

    (中略)
    ブランディングが変更され、名称を Google Cloud に統一している。

    一方SVNがオフラインでできることは、…diff くらい

    Netlify DNS…CDN と同じ場所で名前を引く
    """
    assert [c.front for c in parse(md)[0].cards] == ["Netlify DNS"]


def test_a_label_in_brackets_with_its_colon_is_a_term_but_an_aside_alone_is_not() -> None:
    md = "## システムの起動\n(起動順)：`[BIOS] -> [ブートローダ] -> [カーネル]`\n\n(中略)\n名称を Google Cloud に統一している。\n"
    assert [(c.front, c.back) for c in parse(md)[0].cards] == [("(起動順)", "[BIOS] -> [ブートローダ] -> [カーネル]")]
    assert [c.front for c in parse("## Q\n(例)：S3 と EBS\n")[0].cards] != ["(例)"]  # a remark word stays one


def test_a_cloze_after_a_japanese_connective_that_points_back_shows_the_sentence_before() -> None:
    md = "## Token\n末尾の部分はトークンを **Base64** エンコードした文字列です。なので、この部分をデコードすれば**トークンを抜き取れます**。\n"
    fronts = [c.front for c in parse(md)[0].cards]
    assert fronts[-1].startswith("末尾の部分は") and fronts[-1].endswith("この部分をデコードすれば［…］。")


CHOICES = """
## Q1. Which AWS service stores objects durably?
- A. Amazon EBS
- B. Amazon S3
- C. Amazon EFS
- D. Instance store

Answer: B
S3 is object storage.

## Q2. Which are serverless? (Choose two)
A. AWS Lambda
B. Amazon EC2
C. AWS Fargate
**Answer: A, C**

## 問3
専用線で接続するサービスはどれか。
ア. Site-to-Site VPN
イ. Direct Connect
ウ. Transit Gateway

正解：イ
解説：Direct Connect は専用線。

## Q4. What is the largest S3 object?
- [ ] 5 GB
- [x] 5 TB
- [ ] 50 TB

## Q5. Which service is a managed NoSQL database?
1. Amazon RDS
2. **Amazon DynamoDB**
3. Amazon Redshift

## Q6. Which class is cheapest for archives?
- A. S3 Standard
- B. S3 Glacier Deep Archive
- C. S3 One Zone-IA

<details><summary>Answer</summary>

B. Glacier Deep Archive costs least.

</details>

## Q7. Which AWS service provides DNS?
- A. Amazon Route 53
- B. Amazon CloudFront
- C. Amazon VPC

## Q8. How do you roll back a deployment?
1. Stop the deployment
2. Redeploy the last good revision
"""


@pytest.mark.parametrize(
    ("front", "back"),
    [
        ("Which AWS service stores objects durably?", "B. Amazon S3\nS3 is object storage."),
        ("Which are serverless? (Choose two)", "A. AWS Lambda\nC. AWS Fargate"),
        ("専用線で接続するサービスはどれか。", "イ. Direct Connect\n解説：Direct Connect は専用線。"),
        ("What is the largest S3 object?", "5 TB"),
        ("Which service is a managed NoSQL database?", "2. Amazon DynamoDB"),
        ("Which class is cheapest for archives?", "B. S3 Glacier Deep Archive\nGlacier Deep Archive costs least."),
    ],
)
def test_a_choice_questions_back_is_its_answer(front: str, back: str) -> None:
    assert card(CHOICES, front).back == back


def test_options_without_an_answer_make_no_card_and_steps_under_a_question_stay_a_list() -> None:
    note, trace = parse(CHOICES)
    assert not any("Route 53" in c.back_text or "DNS" in c.front for c in note.cards)
    assert ("choice-question", False) in [(t.rule, t.made) for t in trace if t.line == 47]
    assert [i.text for i in card(CHOICES, "Q8. How do you roll back a deployment? — 2 steps, in order").back] == [
        "Stop the deployment",
        "Redeploy the last good revision",
    ]


def test_a_japanese_sentence_with_a_topic_over_one_sub_item_asks_nothing() -> None:
    md = (
        "## React\n\n- await/async は Promiseを簡略化/使いやすくしたもの\n  - resolveが呼ばれるまで処理がawaitで待機する\n"
        "- 文字列を置換する\n  - `sed -i 's/a/b/g' file`\n"
        "- イベントに応答して実行される1つのメソッドまたは関数をホストできる\n  - Cloud Functions\n"
        "- refは便利だが、意図しない使われ方をされるとバグが発生する\n  - そこでrefの使い方を制限するのがuseImperativeHandle\n"
    )
    note, trace = parse(md)
    assert ("prose-label", 3) in [(t.rule, t.line) for t in trace]
    # A task (no topic) keeps its command; "または" is no topic.
    assert {"文字列を置換する", "イベントに応答して実行される1つのメソッドまたは関数をホストできる"} <= {
        c.front for c in note.cards
    }
    # A sub-item that draws the statement's conclusion (そこで…) answers it.
    assert "refは便利だが、意図しない使われ方をされるとバグが発生する" in {c.front for c in note.cards}


def test_a_question_item_over_its_lettered_options_with_one_in_bold_is_a_choice_card() -> None:
    md = (
        "## Practice\n\n"
        "1. **Scenario**: Your web app authenticates users. Which protocol would you use?\n"
        "    - A. Kerberos\n    - B. LDAP\n    - **C. OpenID Connect**\n    - D. NTLM\n\n"
        "2. **Scenario**: Users are grouped by department. What should you use instead of OUs?\n"
        "    - A. Administrative Units\n    - B. Management Groups\n    - C. Resource Groups\n    - **D. Security Groups**\n\n"
        "3. Which storage class is cheapest?\n    - A. Standard\n    - B. Glacier Deep Archive\n    - C. One Zone-IA\n\n"
        "Which DNS service does AWS offer?\n\n- A. Amazon CloudFront\n- **B. Amazon Route 53**\n- C. Amazon VPC\n"
    )
    note, trace = parse(md)
    assert [(c.kind, c.front, c.back) for c in note.cards] == [
        (
            "definition",
            "Scenario: Your web app authenticates users. Which protocol would you use?",
            "C. OpenID Connect",
        ),
        (
            "definition",
            "Scenario: Users are grouped by department. What should you use instead of OUs?",
            "D. Security Groups",
        ),
        ("definition", "Which DNS service does AWS offer?", "B. Amazon Route 53"),
    ]
    # A word in bold inside an option is no mark of the answer: it may set a term ("RSA" is the right one here).
    md2 = "Which algorithm is asymmetric?\n\n- A. **AES** with a 256-bit key\n- B. RSA\n- C. ChaCha20\n"
    assert not any(c.kind == "definition" and "AES" in c.back_text for c in parse(md2)[0].cards)
    # Options with none marked and no answer said: no card.
    assert [(t.line, t.made) for t in trace if t.rule == "choice-question"] == [
        (3, True),
        (9, True),
        (15, False),
        (20, True),
    ]


def test_a_notes_own_fields_a_dash_cell_and_an_unsure_line_are_no_facts() -> None:
    md = """
    # Priority Class

    🗓️ **Date:** 27-07-2025
    🕒 **Time:** 23:55

    🏷️ **Tags:** #kubernetes #devops

    ## Commands
    | 操作 | dpkg | apt |
    |---|---|---|
    | 検索 | - | search キーワード |

    - Time: O(n log n) for the sort
    - 大文字と小文字の違いの理由(要調査): 不明
    """
    note, trace = parse(md)
    assert [(c.front, c.back) for c in note.cards] == [
        ("Commands › 検索 — apt", "apt: search キーワード"),
        ("Commands › Time", "O(n log n) for the sort"),
    ]
    assert [t.line for t in trace if t.rule == "metadata" and not t.made] == [3, 4, 6]
    # A date in words is the note's own too; a date that is a fact stays (figures, or a date of another century).
    md = "# Flags\n\nDate: October 14th 2024\n\n## History\n\n- Date: 1945年8月15日 の終戦記念日\n"
    assert [c.front for c in parse(md)[0].cards] == ["History › Date"]
    md = "## Battles\n\n- Battle of Hastings\n  - Date: 14 October 1066\n  - Winner: William of Normandy\n"
    assert any("14 October 1066" in c.back_text for c in parse(md)[0].cards)


def test_a_pointer_to_read_is_no_term_line_and_a_page_heading_takes_its_context() -> None:
    md = """
    # LPIC memo
    ## p.18
    ### フラッシュROM
    詳しくは
    http://e-words.jp/w/flash

    ## p.
    - Tiny Core Linux 64MB
    - Absolute Linux 64MB
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["LPIC memo › p. — 2 points"]
    assert (4, "url-only") in [(t.line, t.rule) for t in trace if not t.made]


def test_a_first_line_naming_the_definitions_after_it_keeps_a_term_apart() -> None:
    md = """
    Layer 4: Transport layer, segments

    Encapsulation
    Layer 4: TCP Header + Application Data
    Layer 3: IP Header + TCP Header + Application Data
    """
    note, _ = parse(md)
    layer4 = [c for c in note.cards if c.front.endswith("Layer 4")]
    assert [(c.front, c.back, c.context[-1]) for c in layer4] == [
        ("Layer 4", "Transport layer, segments", "n"),
        ("Encapsulation › Layer 4", "TCP Header + Application Data", "Encapsulation"),
    ]


def test_a_back_that_says_the_front_again_or_only_what_to_study_is_no_card() -> None:
    md = """
    ## DynamoDB
    Exponential backoff - know when it is used
    TTL - for DAX and DynamoDB items
    SCSI Controller: SCSI
    Remember: as a sentinel value, -1 means unset
    """
    assert [c.front for c in parse(md)[0].cards] == ["TTL", "DynamoDB › Remember"]


def test_a_name_and_the_url_of_its_page_is_a_reference_not_a_list_item() -> None:
    md = "## みんなのブログ\n- 桶谷さん http://okeees.blogspot.jp/2014/01/jaws-ug-osaka-10.html\n- @minami_engineさん http://minami-engine.com/aws/\n"
    note, trace = parse(md)
    assert note.cards == []
    assert [t.rule for t in trace if not t.made] == ["bare-link", "bare-link"]


def test_a_number_heading_over_plain_points_is_no_question_and_a_place_heading_takes_its_topic() -> None:
    md = """
    # re:Invent recap
    ## Keynote
    ### 2
    - Bedrock Agents
    - Q Developer

    ### 17.
    - Design a rate limiter
    - token bucket per user

    ## Part 2
    Amazon Aurora DSQL is a serverless distributed SQL database with active-active regions.
    """
    fronts = [c.front for c in parse(md)[0].cards]
    assert fronts == ["Keynote › 2 — 2 points", "Design a rate limiter — 1 point", "Amazon Aurora DSQL"]


def test_a_back_of_a_word_or_two_that_says_nothing_is_no_card_but_stays_in_its_list() -> None:
    md = "## EBS\n- gp3\n  - new version\n- io2\n  - Block Express, up to 256K IOPS\n- st1: 便利\n"
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["EBS — 3 points", "io2"]
    assert [k.text for i in note.cards[0].back for k in i.children][:1] == ["new version"]


def test_a_back_that_only_names_a_page_to_read_is_no_card() -> None:
    md = "## State\n\nWorkspaces: [Docs](https://developer.hashicorp.com/terraform/docs)\n\nVPC: [こちら](https://a.example/vpc)\n\nBackend: stores state remotely\n"
    assert [c.front for c in parse(md)[0].cards] == ["Backend"]
    # Nor is a bold link to one hidden as a cloze; a small word that is the point still is.
    md = "## Providers\n\nLock provider versions, see **[Learn tutorial](https://a.example/t)**.\n\nOnly **one** PriorityClass may be the default.\n"
    assert [c.front for c in parse(md)[0].cards] == ["Only ［…］ PriorityClass may be the default."]


def test_a_line_numbered_as_a_step_or_tip_is_no_term_and_step_items_are_a_sequence() -> None:
    md = """
    ## Create a bucket
    - Step 1: Open the S3 console
    - Step 2: Click Create bucket
    - Step 3: Choose a region

    ## Ports
    - 22: SSH
    - 443: HTTPS
    """
    note, _ = parse(md)
    assert [c.front for c in note.cards] == [
        "Create a bucket — 3 steps, in order",
        "Ports — 2 points",
        "Ports › 22",
        "Ports › 443",
    ]
    assert [i.text for i in note.cards[0].back] == [
        "Step 1: Open the S3 console",
        "Step 2: Click Create bucket",
        "Step 3: Choose a region",
    ]


def test_lettered_items_under_a_heading_that_asks_nothing_are_a_plain_list() -> None:
    md = "## Project phases\n- A. Plan the scope\n- B. Design the system\n- C. Build and test\n"
    note, _ = parse(md)
    assert [c.front for c in note.cards] == ["Project phases — 3 points"]
    # The first item keeps its key: "A." opens a lettered list, it marks no answer.
    assert [i.text for i in note.cards[0].back] == ["A. Plan the scope", "B. Design the system", "C. Build and test"]


@pytest.mark.parametrize(
    ("said", "keys"),
    [
        ("Answer: A and C", ["A", "C"]),
        ("**Answer: B, D**", ["B", "D"]),
        ("正解：アとウ", ["ア", "ウ"]),
        ("答えは 2", ["2"]),
        ("Answer: a managed service", None),
        ("Answer: E", None),
    ],
)
def test_the_answer_said_after_a_questions_options(said: str, keys: list[str] | None) -> None:
    from devday_tui.core.cards.choices import Option, stated_answer
    from devday_tui.core.text import plain

    opts = [Option(k, f"option {k}", False) for k in ("アイウエ" if "ア" in said else "ABCD")]
    opts += [Option("2", "two", False)] if "2" in said else []
    found = stated_answer(plain(said), opts)
    assert (None if found is None else [o.key for o in found[0]]) == keys


def test_a_link_whose_text_a_wrapped_line_cut_shows_its_text() -> None:
    md = "## Talks\n\n**[Intro to ECS](https://example.com/s)**\nby **[Koichiro\nNishijima](http://example.com/k)** at the meetup\n"
    backs = [str(c.back) for c in parse(md)[0].cards]
    assert backs and all("](" not in b and "**" not in b for b in backs), backs
    assert any("Koichiro Nishijima" in b for b in backs), backs
