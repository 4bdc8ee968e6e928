"""Typed answers: normalisation, comparison, diff and suggested grade, with pairs taken from the sample note."""

from __future__ import annotations

from pathlib import Path

import pytest
from fsrs import Rating
from hypothesis import given, settings
from hypothesis import strategies as st

from devday_tui.core.answer import (
    CLOSE_RATIO,
    DIFF_DISPLAY_LIMIT,
    MAX_TYPED_ANSWER_CHARS,
    Verdict,
    check,
    check_card,
    clean,
    equivalent,
    expected_answers,
    normalise,
    typeable,
)
from devday_tui.core.model import Card, Item


def card(kind: str, front: str, back, answers: tuple[str, ...] = ()) -> Card:
    return Card(
        id=f"c-{kind}",
        kind=kind,
        front=front,
        back=back,
        context=("AWS DevDay 2019 Day1", "ゼネラルセッション"),
        note_key="aws",
        note_title="AWS DevDay 2019 Day1",
        path=Path("notes/aws.md"),
        line=10,
        section_id="s1",
        answers=answers,
    )


# Pairs written the way people type them with and without a Japanese IME, against answers from the sample
# note and deck. Every one of these must be marked exact.
EXACT_PAIRS = [
    ("ｻｰﾊﾞﾚｽ", "サーバレス"),  # half-width katakana with voiced mark
    ("サーバーレス", "サーバレス"),  # long-vowel variant
    ("サーバレス", "サーバーレス"),
    ("さーばれす", "サーバレス"),  # hiragana for katakana
    ("dynamodb local", "DynamoDB local"),  # case
    ("ＤｙｎａｍｏＤＢ　ｌｏｃａｌ", "DynamoDB local"),  # full-width letters and ideographic space
    ("DynamoDBlocal", "DynamoDB local"),  # spaces
    ("コンテナ技術", "コンテナ技術。"),  # trailing 。 on the answer
    ("「コンテナ技術」、", "コンテナ技術"),  # quotes and a trailing 、 on the typed text
    ("AWS が管理する", "AWS が管理する（ユーザは EC2 インスタンスを選ばない）"),  # optional full-width bracket
    ("AWSが管理する(ユーザはEC2インスタンスを選ばない)", "AWS が管理する（ユーザは EC2 インスタンスを選ばない）"),
    ("AWS が管理する ユーザは EC2 インスタンスを選ばない", "AWS が管理する（ユーザは EC2 インスタンスを選ばない）"),
    ("ML サービス", "ML サービス（SageMaker）"),
    ("ML サービス SageMaker", "ML サービス（SageMaker）"),
    ("ｍｌサービス(sagemaker)", "ML サービス（SageMaker）"),
    ("Task Definition", "Task Definition(register)"),  # optional ASCII bracket
    ("aws cloud development kit", "AWS Cloud Development Kit"),
    ("ろーどばらんさー", "ロードバランサー"),
    ("ロードバランサ", "ロードバランサー"),
    ("ウェブ", "ウェブ"),
    ("ウエブ", "ウェブ"),  # small kana variant
    ("ｺﾝﾃﾅ", "コンテナ"),
    ("GSI", "GSI（グローバルセカンダリーインデックス）"),
    ("ｸﾞﾛｰﾊﾞﾙｾｶﾝﾀﾞﾘｰｲﾝﾃﾞｯｸｽ", "グローバルセカンダリーインデックス"),
]


@pytest.mark.parametrize(("typed", "answer"), EXACT_PAIRS)
def test_variants_people_type_are_exact_and_suggest_good(typed: str, answer: str) -> None:
    result = check(typed, answer)
    assert result.verdict is Verdict.EXACT, (typed, answer, normalise(typed), normalise(answer))
    assert result.grade is Rating.Good
    assert result.ratio == 1.0
    assert result.correct


# What the comparison forgives (width, case, kana script, long vowels, spaces, end punctuation, brackets) and
# what it does not (voiced marks, order, the words outside an optional bracket).
@pytest.mark.parametrize(
    ("typed", "answer", "accepted"),
    [
        ("ＡＷＳ　Ｌａｍｂｄａ。", "AWS Lambda", True),
        ("aws lambda", "ＡＷＳ　Ｌａｍｂｄａ。", True),
        ("A W S", "AWS", True),
        ("AWS.", "AWS", True),
        ("ｻｰﾋﾞｽ", "サービス", True),
        ("さーびす", "サービス", True),
        ("ﾃﾞｰﾀ", "データ", True),
        ("mlサービスsagemaker", "ML サービス（SageMaker）", True),  # the bracket's words typed without it
        ("MLサービス(SageMaker)", "ML サービス（SageMaker）", True),
        ("サーハレス", "サーバレス", False),  # a voiced mark left out
        ("サーパレス", "サーバレス", False),  # the wrong mark
        ("テータ", "データ", False),
        ("Lambda AWS", "AWS Lambda", False),  # the order counts
        ("AWS Lambd", "AWS Lambda", False),  # close, not exact
        ("SageMaker", "ML サービス（SageMaker）", False),  # only the bracketed part
        ("ML", "ML サービス（SageMaker）", False),
    ],
)
def test_what_the_comparison_forgives_and_what_it_does_not(typed: str, answer: str, accepted: bool) -> None:
    assert (check(typed, answer).verdict is Verdict.EXACT) is accepted
    assert equivalent(typed, answer) is accepted


CLOSE_PAIRS = [
    ("サーバレ", "サーバレス"),  # one kana short
    ("dynamodb locl", "DynamoDB local"),  # a typo
    ("AWS Cloud Development", "AWS Cloud Development Kit"),  # the last word missing
    ("ロードバランサーのヘルスチェク", "ロードバランサーのヘルスチェック"),
]


@pytest.mark.parametrize(("typed", "answer"), CLOSE_PAIRS)
def test_slips_are_close_and_suggest_hard(typed: str, answer: str) -> None:
    result = check(typed, answer)
    assert result.verdict is Verdict.CLOSE, result
    assert CLOSE_RATIO <= result.ratio < 1.0
    assert result.grade is Rating.Hard
    assert result.correct
    assert result.message.startswith("Close: ")


WRONG_PAIRS = [
    ("コンテナ", "サーバレス"),
    ("CDL", "CDK"),  # one letter of three is a different answer
    ("ECS", "EKS"),
    ("サーバレス コンテナ 技術", "サーバレス"),  # far too much typed
    ("。、", "サーバレス"),  # only punctuation
]


@pytest.mark.parametrize(("typed", "answer"), WRONG_PAIRS)
def test_other_answers_are_wrong_and_suggest_again(typed: str, answer: str) -> None:
    result = check(typed, answer)
    assert result.verdict is Verdict.WRONG, result
    assert result.ratio < CLOSE_RATIO
    assert result.grade is Rating.Again
    assert not result.correct


def test_close_boundary_is_the_documented_ratio() -> None:
    # 5 of 6 characters right: 2*5/11 = 0.909 → close; 3 of 6: 2*3/9 = 0.667 → wrong.
    assert check("abcdef", "abcdeX").verdict is Verdict.CLOSE
    assert check("abc", "abcdef").verdict is Verdict.WRONG


@pytest.mark.parametrize("typed", ["", "   ", "\x1b[31m\x07\x00\x7f", "\u200b\u200d\ufeff", "\x1b" * 10_000])
def test_nothing_visible_typed_is_empty_and_suggests_again(typed: str) -> None:
    result = check(typed, "サーバレス")
    assert result.verdict is Verdict.EMPTY
    assert result.grade is Rating.Again
    assert result.message == "No answer typed"
    assert "".join(p.text for p in result.diff if p.kind != "extra") == "サーバレス"


def test_ten_thousand_characters_are_checked_with_a_bounded_diff() -> None:
    typed = "サーバレスではなくコンテナ" * 800  # 10,400 characters (the time it takes: benchmarks/answer_check.py)
    result = check(typed, "AWS Lambda のサーバレスなアーキテクチャ（イベントドリブン）")
    assert result.verdict is Verdict.WRONG
    shown = sum(len(p.text) for p in result.diff if p.kind == "extra")
    assert shown <= DIFF_DISPLAY_LIMIT + 1


def test_a_long_answer_typed_in_full_is_exact() -> None:
    answer = "機械学習のモデルなどの AWS 側で全て用意されており、SaaS サービスとして利用可能。" * 50
    assert check(answer.replace(" ", ""), answer).verdict is Verdict.EXACT


def test_diff_shows_what_was_typed_and_what_is_missing_on_the_answer_as_written() -> None:
    result = check("ｻｰﾊﾞﾚｽ", "サーバーレス")
    # Same characters are shown as in the answer; the long-vowel marks are shown as not needed.
    assert [(p.kind, p.text) for p in result.diff] == [
        ("same", "サ"),
        ("ignored", "ー"),
        ("same", "バ"),
        ("ignored", "ー"),
        ("same", "レス"),
    ]
    result = check("CDL", "CDK")
    assert [(p.kind, p.text) for p in result.diff] == [("same", "CD"), ("extra", "L"), ("missing", "K")]
    result = check("AWS が管理する", "AWS が管理する（ユーザは選ばない）")
    assert result.diff[-1].kind == "ignored" and result.diff[-1].text == "（ユーザは選ばない）"


def test_typed_and_answer_lines_mark_what_differs() -> None:
    result = check("サーバレ", "サーバーレス")
    assert [(p.kind, p.text) for p in result.typed_diff] == [("same", "サ"), ("ignored", "ー"), ("same", "バレ")]
    assert [(p.kind, p.text) for p in result.answer_diff] == [
        ("same", "サ"),
        ("ignored", "ー"),
        ("same", "バ"),
        ("ignored", "ー"),
        ("same", "レ"),
        ("missing", "ス"),
    ]
    result = check("CDL", "CDK")
    assert [(p.kind, p.text) for p in result.typed_diff] == [("same", "CD"), ("extra", "L")]
    assert [(p.kind, p.text) for p in result.answer_diff] == [("same", "CD"), ("missing", "K")]
    several = check("CloudFormaton / Terraform", ("CloudFormation", "Terraform"))
    assert [p.kind for p in several.answer_diff].count("sep") == 1


def test_the_diff_rebuilds_the_answer_exactly() -> None:
    for typed, answer in EXACT_PAIRS + CLOSE_PAIRS + WRONG_PAIRS:
        result = check(typed, answer)
        rebuilt = "".join(p.text for p in result.diff if p.kind in ("same", "missing", "ignored"))
        assert rebuilt == answer


def test_message_tells_exact_from_written_differently() -> None:
    assert check("サーバレス", "サーバレス").message == "Correct"
    assert check("ｻｰﾊﾞﾚｽ", "サーバレス").message == "Correct (written differently)"
    assert check("コンテナ", "サーバレス").message.startswith("Wrong: ")


def test_brackets_in_an_answer_that_is_only_brackets_still_compare() -> None:
    assert check("（）", "（）").verdict is Verdict.EXACT
    assert check("ー", "ー").verdict is Verdict.EXACT
    assert check("x", "（）").verdict is Verdict.WRONG


def test_many_bracket_groups_are_each_optional() -> None:
    # 40 groups: too many to try every combination (the time it takes: benchmarks/answer_check.py).
    answer = "".join(f"語{i}（補足{i}）" for i in range(40))
    assert check("".join(f"語{i}" for i in range(40)), answer).verdict is Verdict.EXACT
    assert check("".join(f"語{i}補足{i}" for i in range(40)), answer).verdict is Verdict.EXACT
    assert check("".join(f"語{i}" for i in range(39)), answer).verdict is not Verdict.EXACT


def test_clean_removes_escape_and_format_characters() -> None:
    assert clean("a\x1b[2Jb\u202ec\x00d\ne\x1b]0;title\x07f") == "abcd ef"


# --------------------------------------------------------------------------- several blanks and card kinds


def test_several_blanks_typed_with_separators_are_checked_one_by_one() -> None:
    answers = ("CloudFormation", "Terraform")
    assert check("cloudformation、terraform", answers).verdict is Verdict.EXACT
    assert check("CloudFormation / Terraform", answers).verdict is Verdict.EXACT
    assert check("CloudFormation, Terraform", answers).expected == "CloudFormation / Terraform"
    close = check("CloudFormaton, Terraform", answers)
    assert close.verdict is Verdict.CLOSE
    worst = check("CloudFormation, Ansible", answers)
    assert worst.verdict is Verdict.WRONG
    assert [p.kind for p in worst.diff].count("sep") == 1


def test_several_blanks_typed_without_separators_are_checked_as_a_whole() -> None:
    answers = ("CloudFormation", "Terraform")
    assert check("CloudFormation Terraform", answers).verdict is Verdict.EXACT
    assert check("CloudFormation", answers).verdict is Verdict.WRONG
    assert check("", answers).verdict is Verdict.EMPTY


def test_expected_answer_per_card_kind() -> None:
    cloze = card("cloze", "AWS Lambda は ［…］ のサービス", "AWS Lambda は サーバレス のサービス", ("サーバレス",))
    definition = card("definition", "AWS Lambda", "サーバレス")
    explicit = card(
        "explicit",
        "Fargate の起動タイプで、EC2 インスタンスの管理は誰がする？",
        "AWS が管理する（ユーザは EC2 インスタンスを選ばない）",
    )
    listing = card("list", "CLI ツールは？", (Item("awslabs/fargatecli"), Item("turnerlabs/fargate")))
    assert expected_answers(cloze) == ("サーバレス",)
    assert expected_answers(definition) == ("サーバレス",)
    assert expected_answers(explicit) == ("AWS が管理する（ユーザは EC2 インスタンスを選ばない）",)
    assert expected_answers(listing) == ()
    assert typeable(cloze) and typeable(definition) and typeable(explicit)
    assert not typeable(listing)
    assert check_card(cloze, "ｻｰﾊﾞﾚｽ").verdict is Verdict.EXACT
    assert check_card(explicit, "AWSが管理する").verdict is Verdict.EXACT
    with pytest.raises(ValueError, match="list card"):
        check_card(listing, "x")


def test_a_card_with_an_empty_back_is_not_typeable() -> None:
    assert not typeable(card("definition", "term", "  "))


def test_equivalent_is_exactness() -> None:
    assert equivalent("ｻｰﾊﾞﾚｽ", "サーバレス")
    assert not equivalent("サーバレ", "サーバレス")


# --------------------------------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_typed_for_itself_is_exact_or_empty(text: str) -> None:
    result = check(text, text)
    if clean(text).strip():
        assert result.verdict is Verdict.EXACT, (text, normalise(text))
    else:
        assert result.verdict is Verdict.EMPTY


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.text(min_size=1, max_size=40))
def test_checking_never_fails_and_the_ratio_is_a_fraction(typed: str, answer: str) -> None:
    result = check(typed, answer)
    assert 0.0 <= result.ratio <= 1.0
    assert result.grade in (Rating.Again, Rating.Hard, Rating.Good)
    rebuilt = "".join(p.text for p in result.diff if p.kind in ("same", "missing", "ignored"))
    assert rebuilt == clean(answer)
    assert "".join(p.text for p in result.answer_diff) == clean(answer)
    if result.verdict is not Verdict.EMPTY:
        assert "".join(p.text for p in result.typed_diff) == clean(typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("サーバレス、コンテナ", "サーバレス・コンテナ"),
        ("サーバレス。コンテナ", "サーバレス,コンテナ"),
        ("Fargate, ECS", "Fargate・ECS"),
        ("a.b", "a b"),
        ("スナップショットテスト Fine-grained", "スナップショットテスト、Fine-grained。"),
    ],
)
def test_punctuation_and_spaces_do_not_lower_the_grade(typed: str, expected: str) -> None:
    assert check(typed, expected).verdict is Verdict.EXACT


def test_a_decimal_point_still_counts() -> None:
    assert check("1.5", "15").verdict is not Verdict.EXACT
    assert check("13.2", "13.2").verdict is Verdict.EXACT


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("かんり", "管理"), ("カンリ", "管理"), ("AWSがかんりする", "AWS が管理する")],
)
def test_the_kana_reading_of_kanji_counts_as_right(typed: str, expected: str) -> None:
    result = check(typed, expected)
    assert result.verdict is Verdict.EXACT
    assert "".join(p.text for p in result.answer_diff).startswith(expected)  # the answer as written comes first


def test_a_wrong_reading_is_still_wrong() -> None:
    assert check("せんり", "管理").verdict is not Verdict.EXACT
    assert check("かんり", "監視").verdict is not Verdict.EXACT


def test_an_answer_longer_than_a_person_types_is_recalled_not_typed() -> None:
    assert typeable(card("definition", "term", "あ" * MAX_TYPED_ANSWER_CHARS))
    assert not typeable(card("definition", "term", "あ" * (MAX_TYPED_ANSWER_CHARS + 1)))
    long_cloze = card("cloze", "［…］ and ［…］", "x", ("a" * 300, "b" * 201))
    assert not typeable(long_cloze)


def test_a_short_kana_answer_to_a_long_kanji_answer_is_wrong_without_reading_it() -> None:
    long_answer = "機械学習のモデルなどの側で全て用意されている。" * 10
    assert check("きかい", long_answer).verdict is Verdict.WRONG


def test_the_reading_is_still_tried_when_only_a_bracketed_aside_makes_the_answer_long() -> None:
    answer = "AWS が管理する（ユーザは EC2 インスタンスを選ばない）"
    assert check("AWSがかんりする", answer).verdict is Verdict.EXACT
