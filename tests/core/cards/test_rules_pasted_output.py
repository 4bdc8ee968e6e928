"""What a note pastes rather than says: code and console output without a fence, a timetable or a log by the hour,
a vault template's links between notes, and a list of long passages (a book's quotations)."""

from __future__ import annotations

from tests.core.cards.small_notes import parse


def test_code_pasted_without_a_fence_makes_no_term_cards() -> None:
    note, trace = parse(
        """
        ## Variables

        This is the definition of a list of strings
        variable "aws_regions" {
            type = list(string)
            description = "Regions in AWS"
        }

        Show specific resource:
        terraform state show aws_vpc.main
        resource "aws_vpc" "main" {
            arn      = "arn:aws:ec2:ap-southeast-2:976570366358:vpc/vpc-0db1"
            owner_id = "976570366358"
        }

        Lookups with default values
        ╷
        │ Error: Invalid function argument
        │
        │   on <console-input> line 1:

        Input types: list, set, tuple, map, or object
        Result types: tuple or object
        """
    )
    assert [c.front for c in note.cards] == ["Input types", "Result types"]
    assert sum(t.rule == "code-block" for t in trace) == 3


def test_a_brace_or_a_bracket_inside_prose_is_no_code() -> None:
    note, _ = parse(
        """
        ## Templates

        Placeholder: a name in braces like {name}
        Escape: write \\{ to keep a brace
        Range: [0, 10]
        """
    )
    assert [c.front for c in note.cards] == ["Placeholder", "Escape", "Range"]


def test_rows_named_by_the_time_of_day_make_no_cards() -> None:
    note, trace = parse(
        """
        ## 当日

        | 時間 | 初期スコア | 最終スコア |
        | --- | --- | --- |
        | 10 時~11 時 | `3,816` | `2,224` |
        | 11 時~12 時 | `2,224` | `6,766` |

        ## Schedule

        | Time | Session |
        | --- | --- |
        | 10:00-10:45 | Keynote |
        | 11:00-11:30 | Lightning talks |

        ## 用語

        | 用語 | 意味 |
        | --- | --- |
        | 10時間ルール | 連続稼働の上限 |
        | 1時限 | 50 分の授業 |
        """
    )
    assert [c.front for c in note.cards] == ["用語 › 10時間ルール", "用語 › 1時限"]
    assert [t.rule for t in trace if not t.made][:2] == ["talk-details", "talk-details"]


def test_a_vault_templates_links_between_notes_make_no_cards() -> None:
    note, _ = parse(
        """
        ## Meta

        - up:: [[Java MOC]]
        - child:: [[一次 Feign 调用 404 引发的问题]]
        - refs::

        ## 注解

        - 注解继承:: 子类不会继承父类方法上的注解
        """
    )
    assert [c.front for c in note.cards] == ["注解继承"]


def test_a_list_of_long_passages_is_no_card_but_long_facts_are() -> None:
    passage = (
        "Our world is dominated by the extreme, the unknown and the very improbable, and all the while we spend "
        "our time in small talk, focusing on the known and the repeated; we should start from extreme events. "
    )
    quotes = "\n".join(f"        - {passage}{n}" for n in range(6))
    note, trace = parse(
        f"""
        ## Quotes

{quotes}

        ## Initialization vector (IV)

        - A type of nonce, used for randomizing an encryption scheme.
        - You may see it used in encryption ciphers, WEP and some SSL implementations.
        - It ensures that one plaintext encrypted twice with the same key gives two ciphertexts.
        - Reusing an IV with the same key leaks how two messages relate.

        ## Nonce

        - A number used once, in a protocol's messages or as an IV.
        - Reusing one lets an attacker replay an old message or relate two ciphertexts.
        - {passage}{passage}
        """
    )
    assert [c.front for c in note.cards] == ["Initialization vector (IV) — 4 points"]
    # (three items of 330 characters or more in all: too much to recall as one card, see split-long)
    assert any(t.rule == "split-long" and "3 items, too much text" in t.what for t in trace)
    assert any(t.rule == "split-long" and "6 paragraphs" in t.what for t in trace)


def test_code_as_a_headings_only_paragraph_and_an_unclosed_block_head_make_no_card() -> None:
    note, _ = parse(
        """
        ## Variables

        variable "aws_regions" {
            type = list(string)
        }

        ## Providers

        provider "aws" {
          region = "ap-southeast-2"
          alias  = "sydney"
        """
    )
    assert note.cards == []


def test_a_tree_of_terms_and_a_callback_in_prose_keep_their_terms() -> None:
    note, _ = parse(
        """
        ## ECS

        ECS: コンテナオーケストレーションサービス
        └ Fargate: サーバーを管理せずにコンテナを動かす起動タイプ

        ## JavaScript

        Callback: a function passed to another, as in arr.map(x => {
        return x * 2 })
        """
    )
    assert [c.front for c in note.cards][:1] == ["ECS"]
    assert "Callback" in [c.front for c in note.cards]


def test_a_timetable_of_facts_keeps_its_rows() -> None:
    note, _ = parse(
        """
        ## 取引時間

        | 時間 | 区分 |
        | --- | --- |
        | 9:00-11:30 | 前場 |
        | 12:30-15:30 | 後場 |
        """
    )
    assert len(note.cards) == 2


def test_a_vault_link_key_with_a_definition_is_a_card() -> None:
    note, _ = parse(
        """
        ## 連結リスト

        - next:: 次のノードへのポインタ
        - refs:: [[配列]]
        """
    )
    assert [c.front for c in note.cards] == ["next"]


def test_a_long_list_of_japanese_facts_is_cut_in_parts_not_dropped() -> None:
    fact = "S3 のバケットポリシーでは、特定の VPC エンドポイントからのアクセスだけを許可する条件を書ける。"
    items = "\n".join(f"        - {fact}{n}" for n in range(14))
    note, _ = parse(
        f"""
        ## 試験で問われたポイント

{items}
        """
    )
    assert [c.front for c in note.cards][0].startswith("試験で問われたポイント (1/")


def test_shell_and_powershell_commands_pasted_without_a_fence_make_no_cards() -> None:
    note, _ = parse(
        """
        ## Creating a user

        > Install-Module -Name AzureAD
        > Connect-AzureAD
        >
        > New-AzureADUser -DisplayName "Chris" -PasswordProfile $PasswordProfile `
        > -UserPrincipalName "chris@example.com" -AccountEnabled $true

        ## CLI

        az ad user create --display-name "Chris" \\
           --password "x" --user-principal-name "chris@example.com"

        ## Groups

        > **Security**
        > **Microsoft 365**
        > **Owners**

        ## Replicas

        Read-Only
        Replicas that serve reads and lag behind the primary
        """
    )
    assert [(c.front, c.back) for c in note.cards] == [
        ("Read-Only", "Replicas that serve reads and lag behind the primary")
    ]
