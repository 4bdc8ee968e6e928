"""Rules for reports and write-ups: what the author did that day, pasted link cards, a quiz's questions, speakers'
titles, a field named under two things, headings of links. Each on small notes, with what must still make cards."""

from __future__ import annotations

from devday_tui.core.cards import Trace
from devday_tui.core.cards.questions import asks_outright
from devday_tui.core.cards.terms import is_field_name, is_remark
from devday_tui.core.text import inline
from tests.core.cards.small_notes import fronts, parse


def dropped(trace: list[Trace], rule: str) -> list[int]:
    return [t.line for t in trace if t.rule == rule and not t.made]


# --- a cloze in a sentence of the author's day --------------------------------------------------------------------


def test_a_bold_word_in_a_sentence_of_the_authors_day_is_no_cloze() -> None:
    note, trace = parse(
        """
        ## 概要

        今回は **67人** の方が参加してくださりました！

        これまで、**一夜漬け**で覚えた用語の問題は正答率が低かったです。

        今回のテーマは **開発文化** ということで、本稿はそのレポートです。

        In this post **Terraform** is used throughout.
        """
    )
    assert note.cards == []
    assert dropped(trace, "first-person") == [3, 5, 7, 9]


def test_a_bold_word_in_a_fact_stays_a_cloze_in_either_language() -> None:
    assert fronts(
        """
        ## 概要

        **Fargate** はサーバーを管理せずにコンテナを動かせるサービスです。

        Lambda は 2014 年に **GA になりました**。

        **Amazon S3** stores objects in buckets.
        """
    ) == [
        "［…］ はサーバーを管理せずにコンテナを動かせるサービスです。",
        "Lambda は 2014 年に ［…］。",
        "［…］ stores objects in buckets.",
    ]


# --- a pasted link card -------------------------------------------------------------------------------------------


def test_bold_inside_part_of_a_link_is_a_pasted_page_card_not_an_answer() -> None:
    pasted = inline("[**owner/repo** *Contribute to owner/repo development.*github.com](https://github.com/owner/repo)")
    assert pasted.marks == ()
    whole = inline("[**AWS Lambda**](https://aws.amazon.com/lambda/) runs code without servers")
    assert [whole.text[a:b] for a, b in whole.marks] == ["AWS Lambda"]
    assert not fronts(
        """
        ## 作ったもの

        [**owner/hello-orbs** *Contribute to owner/hello-orbs development by creating an account.*github.com](https://github.com/owner/hello-orbs)
        """
    )


# --- a quiz's questions -----------------------------------------------------------------------------------------


QUIZ = """
## Practice exam 2

- Can Terraform read variables from a file other than terraform.tfvars?
  - Yes, terraform apply -var-file="custom.tfvars"
- Will a VCS-driven workspace run a plan on every commit?
  - True
"""


def test_a_list_of_questions_with_their_answers_makes_one_card_a_question_and_no_points_card() -> None:
    note, trace = parse(QUIZ)
    assert [c.front for c in note.cards] == [
        "Can Terraform read variables from a file other than terraform.tfvars?",
        "Will a VCS-driven workspace run a plan on every commit?",
    ]
    assert dropped(trace, "points") == [3]


def test_a_list_with_one_question_among_its_points_still_makes_its_points_card() -> None:
    assert "コンテナ入門 — 2 points" in fronts(
        """
        ## コンテナ入門

        - Fargate とは？
          - サーバーを管理せずにコンテナを動かせる
        - 利点
          - パッチ当てが不要
        """
    )
    assert asks_outright("「何か月ごと？」")
    assert not asks_outright("How it works")


# --- a speaker and their title ----------------------------------------------------------------------------------


def test_a_speaker_and_their_title_make_no_card_and_what_they_said_does() -> None:
    note, trace = parse(
        """
        ## SaaS と認証

        - 藤田 純氏: Auth0 株式会社 カントリーマネージャー
        - 認証基盤: 自前で作らず IDaaS に任せると運用が減る
        """
    )
    made = [c.front for c in note.cards]
    assert "認証基盤" in made and "藤田 純氏" not in made
    assert dropped(trace, "chatter-term") == [3]


# --- a field named under two things -----------------------------------------------------------------------------


def test_a_field_under_two_things_is_a_card_of_each_and_a_term_defined_twice_is_one() -> None:
    note, _ = parse(
        """
        ## CloudHSM

        - 料金: 約 $1,045/月/HSM
        - gp2: 汎用 SSD

        ## KMS

        - 料金: $1/月/キー
        - gp2: 3 IOPS/GB のベースライン
        """
    )
    by_front = {c.front: c.back for c in note.cards}
    assert by_front["CloudHSM › 料金"] == "約 $1,045/月/HSM"
    assert by_front["KMS › 料金"] == "$1/月/キー"
    assert by_front["gp2"] == "汎用 SSD\n3 IOPS/GB のベースライン"
    assert is_field_name("Use case") and is_field_name("料金") and not is_field_name("gp2")


# --- headings of links, exam scores ------------------------------------------------------------------------------


def test_a_heading_of_links_makes_no_cards_whatever_it_names_first() -> None:
    note, trace = parse(
        """
        ## Document Picture-in-Picture API 関連リンク

        - Picture-in-Picture API
          - ステータスは Editors' Draft
          - Media Working Group が進めている

        ## シリーズの記事

        - 参加レポート (本記事)
        - 後編

        ## API の使い方

        - requestWindow: 別ウィンドウを開く
        """
    )
    assert [c.front for c in note.cards] == ["requestWindow"]
    assert len(dropped(trace, "skip-section")) == 2


def test_a_table_of_the_authors_scores_makes_no_cards() -> None:
    assert not fronts(
        """
        ## 結果

        | セクション | 正解率 |
        | --- | --- |
        | コマンドラインの威力 | 100% |
        | セキュリティとファイルパーミッション | 87% |
        """
    )


# --- an aspect of something takes its parent into the front ------------------------------------------------------


def test_an_aspect_word_as_a_term_is_shown_with_what_it_is_an_aspect_of() -> None:
    assert fronts(
        """
        ## 開発文化

        - 運用: CI/CD と脆弱性検知の社内システムを利用

        ## Resource Locks

        - Purpose: prevent resources from being deleted or changed, even by people with RBAC rights
        """
    ) == ["開発文化 › 運用", "Resource Locks › Purpose"]
    for word in ("前提", "背景", "運用", "Purpose", "Type"):
        assert is_remark(word), word
    assert not is_remark("Fargate")


# --- a sentence cut in two, the author wondering ------------------------------------------------------------------


def test_a_sentence_cut_in_two_is_no_term_and_definition() -> None:
    note, trace = parse(
        """
        ## 概要

        - ドア・ツー・ドアで様々な移動手段を提供する: とのことです。
        - その場合、package.jsonには: "~x.y.z"という形式で記録されます。
        - To prevent this, a lock: must be used on the state file
        - Task Definition: コンテナ類を定義する。
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["Task Definition"]
    assert dropped(trace, "prose-label") == [3, 4, 5]


def test_the_author_wondering_is_no_answer_and_a_question_keeps_its_answer() -> None:
    note, trace = parse(
        """
        ## CLI

        - turnerlabs/fargate: こっちのほうが運用向き？
        - 169.254.x.x: DHCP で取れなかったときのアドレス
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["169.254.x.x"]
    assert dropped(trace, "open-questions") == [3]


# --- a page's title and link, a name in two parts, a heading of references ------------------------------------------


def test_a_link_and_its_title_make_no_card_and_a_definition_with_a_url_in_it_does() -> None:
    note, trace = parse(
        """
        ## セッション

        - アジャイル開発の10年: アジャイル開発の10年と今後を語ろう。 - Yukarin'Note
          https://yukar.in/note/ckFpcs
        - HTTP/2: 1 本の接続で複数のリクエストを多重化する（https://http2.github.io/ を参照）
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["HTTP/2"]
    assert dropped(trace, "url-only") == [3]


def test_a_name_in_two_parts_is_not_split_at_its_dash() -> None:
    assert fronts(
        """
        ## 保有資格とサービス

        - Certified Developer - Associate
        - gp2 - General Purpose SSD
        - P - Graphics and machine learning
        """
    ) == ["保有資格とサービス — 3 points", "gp2", "P"]


def test_a_heading_of_references_makes_no_cards() -> None:
    assert fronts(
        """
        ## Event loop

        - Call stack: runs one frame at a time

        ## Reference

        - Understanding Event Loop: a post on Medium
        """
    ) == ["Call stack"]


# --- YAML pasted without a fence, display math under a heading ----------------------------------------------------


def test_yaml_pasted_without_a_fence_makes_no_terms_and_field_lists_still_do() -> None:
    note, _ = parse(
        '''
        ## PersistentVolume

        - several items can go in one file
        """
        apiVersion: v1
        kind: List
        items:
          - kind: PersistentVolume
            metadata:
              name: redis01
            spec:
              capacity:
                storage: 1Gi
        """

        ## S3

        - gp2: General Purpose SSD
        - st1: Throughput Optimized HDD

        Pricing:
          Storage: $0.023 per GB
          Requests: $0.005 per 1,000
        Limits:
          Size: 5 TB an object
        '''
    )
    made = [c.front for c in note.cards]
    assert not {"apiVersion", "kind", "name", "storage", "spec"} & set(made)
    assert {"gp2", "st1", "Storage", "Size"} <= {f.rsplit(" › ", 1)[-1] for f in made}


def test_display_math_under_a_heading_makes_no_card_and_math_in_a_definition_reads_plainly() -> None:
    note, trace = parse(
        """
        ## Harmonic Mean
        $$\\frac{1}{H_Y}=\\frac{1}{n}\\sum\\frac{1}{Y}$$

        ## Error

        Individual error
        $$y=Y-\\overline{Y}$$
        """
    )
    assert [(c.front, c.back) for c in note.cards] == [
        ("Individual error", "y=Y-Y\u0304")
    ]  # (Y and a combining macron)
    assert dropped(trace, "code-block") == [2]


def test_a_long_line_opening_with_a_question_word_but_no_question_mark_is_a_statement() -> None:
    note, _ = parse(
        """
        ## Event loop

        - When the call stack is empty after all synchronous code is done, the event loop pushes the callback
          - In the case of an event handler, it waits in the Web APIs environment until the event fires
        - How it works
          - one task at a time, from the queue
        - When does the microtask queue run?
          - after each task, before rendering
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == [
        "How it works",
        "When does the microtask queue run?",
    ]


def test_the_page_speaking_of_itself_and_a_pasted_page_title_make_no_card() -> None:
    note, trace = parse(
        """
        ## AWS Innovate

        - AWS Innovate: Data Edition のセッションを聴講した時のメモ その1
        - なにこれ: LT 会に参加しました。勉強会の様子も含めLTの感想を書きます。
        - Day1のブログ: PHPerKaigi2023に参加しています - memo.yammer.jp
        - トピックページの裏側: YAPC Asia Tokyo 2015yapcasia.org
        - QuickSight: BI ダッシュボードをサーバーレスで作れるサービス
        - Zenn: エンジニアのための情報共有コミュニティ - 技術記事を書ける
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["QuickSight", "Zenn"]
    assert sorted(set(dropped(trace, "first-person"))) == [3, 4]  # (as a definition, and as an item of its list)
    assert dropped(trace, "url-only") == [5, 6]


def test_the_authors_question_book_is_no_term_and_sponsor_talks_make_no_cards() -> None:
    assert (
        fronts(
            """
        ## 勉強方法

        - 問題集: 書店で確認し、解説が充実していたものを選びました。

        ## スポンサーLT

        - 構造化ロギングと社内全体への導入（10分）
        - Effect で作る API ゲートウェイ
        """
        )
        == []
    )


def test_a_japanese_line_that_states_what_is_with_one_remark_under_it_asks_nothing_and_a_task_does() -> None:
    note, trace = parse(
        """
        ## 位置情報

        - 使用中のみ許可と常に許可がある
          - Androidと同じ
        - 文字列を置換する
          - sed 's/a/b/g' file
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["文字列を置換する"]
    assert dropped(trace, "prose-label") == [3]


def test_an_email_address_an_exam_duration_and_an_impression_mid_text_make_no_card() -> None:
    note, _ = parse(
        """
        ## 試験

        - E-mail: devinfo@example.co.jp
        - ホームページ: Certified Security – Specialty
        - 受験時間: 170分
        - ようかん: これを作れるのはすごい。まだ残り2
        - Lambda: 最大 15 分まで実行できる
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["Lambda"]


def test_a_capitalised_name_in_two_parts_followed_by_japanese_is_not_split_and_a_product_and_its_meaning_is() -> None:
    note, _ = parse(
        """
        ## 資格

        - 前回の Certified Security – Specialty の取得から、次の試験に向けて対策を始めた。
        - Azure Functions - Serverless compute that runs code on events
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["Azure Functions"]


def test_a_label_saying_what_follows_is_reading_the_authors_versions_and_a_frank_opinion_make_no_cards() -> None:
    note, _ = parse(
        """
        ## Apple Notes

        Notesから移行する場合は下記が参考になる
        - iCloud noteからの移行
        - Bear からの移行

        ## バージョン確認

        | ツール | Version |
        | --- | --- |
        | Git | 2.44.0 |

        ## 機能

        - 高速起動: 正直大半のメモアプリは動作が遅い．まずメモとして機能して欲しい．
        - バックリンク: キーワードに対してリンクを貼り、ノートを網の目にする．
        """
    )
    assert [c.front for c in note.cards] == ["バックリンク"]


def test_a_cloze_in_a_sentence_announcing_the_page_or_giving_the_authors_belief_is_dropped() -> None:
    note, trace = parse(
        """
        ## 手順

        **マネジメントコンソール**で行う手順と、CLI で行う方法の2つを解説します。

        実践の力を身に着けることの方が **試験合格より大切** だと思っています。

        ローリングアップデートでは一時的に処理する **台数が減る**。
        """
    )
    assert [c.answers for c in note.cards] == [("台数が減る",)]
    assert dropped(trace, "first-person") == [3, 5]


def test_a_programme_of_talks_and_a_list_of_the_authors_day_make_no_cards_and_abbreviations_do() -> None:
    note, trace = parse(
        """
        ## 第1部 LT

        - Ruby meets password-less world(@corocn)
        - 海外Rubyカンファレンスへの踏み出し方(koic)
        - Metrics/LineLength(onk)

        ## こぼれ話と、まとめ

        - やっぱり自分からなにかをするのは大事だと思った
        - 夫婦で参加できてよかった
        - 行きも帰りも友人たちと新幹線で移動して楽しかった

        ## Recovery

        - Recovery Point Objective (RPO)
        - Recovery Time Objective (RTO)
        - Mean Time To Repair (MTTR)
        """
    )
    assert [c.front for c in note.cards] == ["Recovery — 3 points"]
    assert dropped(trace, "chatter-term") == [3] and 9 in dropped(trace, "first-person")


# --- navigation, who spoke, exam weightings, a letter hidden in a word, a label of the author's day --------------------


def test_a_list_of_links_to_headings_or_other_notes_is_navigation_and_makes_no_cards() -> None:
    note, trace = parse(
        """
        - [SAA-C03](#saa-c03)
        - [IAM](#iam)
          - [ARN](#arn)
          - [Users](#users)
        - [EC2](#ec2)
          - [EBS](#ebs)

        ## Basic Kafka concepts
        1. [[Kafka - Topics]]
        2. [[Kafka - Partitioning]]
            1. [[Kafka - Partition reassignment]]

        ## IAM

        - [ARN](https://docs.aws.amazon.com/arn): uniquely identifies a resource
        - Users
          - one per person, never shared
        - Roles
          - assumed for a while, with temporary credentials
        """
    )
    assert [c.front for c in note.cards] == ["IAM — 3 points", "ARN", "Users", "Roles"]
    assert dropped(trace, "toc") == [1, 9]


def test_who_spoke_and_an_exams_weighting_make_no_card() -> None:
    note, trace = parse(
        """
        ## Railsガイドを支える技術

        - 講演: @yasulab さん
        - 配点: 約20%
        - 合格ライン: 750点
        - 要点: 翻訳を CI で継続的にチェックする
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["要点"]
    assert dropped(trace, "chatter-term") == [3, 4, 5]


def test_a_letter_hidden_inside_an_english_word_is_no_cloze_and_a_japanese_word_in_a_sentence_is() -> None:
    note, trace = parse(
        """
        ## lsof

        lsof li**s**ts open files.

        OAuth2.0は**認可**を行うためのプロトコルです。
        """
    )
    assert [c.answers for c in note.cards] == [("認可",)]
    assert dropped(trace, "weak-cloze") == [3]


def test_a_label_that_tells_the_authors_day_makes_no_list_card() -> None:
    note, trace = parse(
        """
        ## 勉強

        使ったのは次の3つでした
        - 公式模擬試験
        - Google Cloud の製品ドキュメント

        試験の範囲
        - 生成 AI の基礎
        - Google Cloud の生成 AI 製品
        """
    )
    assert [c.front for c in note.cards] == ["試験の範囲 — 2 points"]
    assert dropped(trace, "first-person") == [3]


def test_a_cloze_hiding_a_person_is_dropped() -> None:
    note, trace = parse(
        """
        ## 基調講演

        スライドの **まつもと ゆきひろ さん** にはヒゲがあります。
        """
    )
    assert note.cards == [] and dropped(trace, "weak-cloze") == [3]


def test_a_heading_of_how_the_event_went_and_a_feeling_make_no_cards() -> None:
    assert not fronts(
        """
        ## 勉強会の様子

        前回より人が少なかった。

        ## 会計報告

        | 項目 | 金額 |
        | --- | --- |
        | 前回繰越金 | 87,286円 |

        ## 懇親会後

        - 参加者: 前回の勉強会よりも人が少なかった気がします。
        """
    )


def test_a_score_with_a_figure_is_the_authors_result_and_with_a_sentence_is_a_metric() -> None:
    note, trace = parse(
        """
        ## 評価指標

        - 正解率: 全データのうち正しく分類できた割合
        - 適合率: 陽性と予測したうち実際に陽性だった割合

        ## 結果

        - 正解率: 80%
        - スコア: 約 850 点
        - Score: 720/1000
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["正解率", "適合率"]
    assert dropped(trace, "chatter-term") == [8, 9, 10]


def test_a_table_row_of_the_authors_results_or_background_makes_no_card() -> None:
    note, trace = parse(
        """
        ## 結論

        | 項目 | 内容 |
        | --- | --- |
        | 勉強時間 | 約 50 時間 |
        | 正答率 | 72% |
        | 当時のエンジニア歴 | 4 年 |

        ## 指標

        | 指標 | 式 |
        | --- | --- |
        | 正解率 | (TP+TN)/全体 |
        """
    )
    assert [c.front for c in note.cards] == ["指標 › 正解率 — 式"]
    assert dropped(trace, "talk-details") == [5, 6, 7]


def test_a_retrospective_why_one_came_and_the_events_own_details_make_no_cards() -> None:
    assert not fronts(
        """
        ## KPT

        - Keep
          - 登壇駆動でやると、やるしかないので良い

        ## 参加した理由

        - 構造を伴うようなプログラミング
          - Scala

        ## イベントの主旨

        - 情報共有
          - 利用の仕方、メリット、注意ポイントを共有する

        ## What to focus on

        - Compute Engine
          - VM management, instance groups, templates
        """
    )


def test_a_note_speaking_of_itself_in_english_is_no_definition() -> None:
    note, trace = parse(
        """
        ## Note

        This is your quick guide to taking the CKA exam, based on the latest video.

        ## Storage

        This guide covers EBS volumes, their types and their limits.

        ## Default

        This is the default storage class of S3.
        """
    )
    assert [c.back for c in note.cards] == ["This is the default storage class of S3."]
    assert dropped(trace, "first-person") == [3, 7]


def test_an_empty_bold_name_takes_no_definition_from_a_paragraph_naming_its_own_bold_term() -> None:
    note, _ = parse(
        """
        ### Terms

        **High Availability**

        **Scalability** is the increasing or decreasing of the resources used, based on the demand.

        **Agility**

        **Fault tolerance**: keeping the service running when hardware dies

        **Elasticity**

        **Definition:** automatic scaling with the demand, up and down.
        """
    )
    got = {c.front: c.back_text for c in note.cards}
    assert "High Availability" not in got and "Agility" not in got
    assert got["Fault tolerance"] == "keeping the service running when hardware dies"
    assert got["Elasticity"] == "automatic scaling with the demand, up and down."
    # the same bold name again opens its own explanation
    same = parse("## 用語\n\n**冪等性**\n\n**冪等性**とは、同じ操作を何度行っても結果が同じになる性質のこと。\n")[0]
    assert [(c.front, c.back) for c in same.cards] == [
        ("冪等性", "冪等性とは、同じ操作を何度行っても結果が同じになる性質のこと。")
    ]


def test_a_bold_name_then_a_paragraph_is_a_definition() -> None:
    note, trace = parse(
        """
        ## Malware

        🟢 **Fileless Viruses**

        A piece of malware that operates only in memory, never touching the filesystem.
        Also known as a memory-based malware attack.

        **[Router on a stick]**

        -> Layer2スイッチのトランクポートとルータを接続してVLAN間ルーティングを行う

        **The problem**

        Standing up infrastructure through tickets is slow, inconsistent and hard to scale.

        **感想**

        とても楽しいセッションでした。また参加したいと思います。

        **Types**

        There are two kinds of them:

        **[ランレベル]**

        `/etc/systemd/system/default.target`

        | ランレベル | 説明 |
        | --- | --- |
        | 0 | poweroff.target |
        """
    )
    assert [(c.front, c.back_text) for c in note.cards] == [
        (
            "Fileless Viruses",
            "A piece of malware that operates only in memory, never touching the filesystem.\n"
            "Also known as a memory-based malware attack.",
        ),
        ("Router on a stick", "Layer2スイッチのトランクポートとルータを接続してVLAN間ルーティングを行う"),
        (
            "Malware › The problem",
            "Standing up infrastructure through tickets is slow, inconsistent and hard to scale.",
        ),
        ("/etc/systemd/system/default.target › 0", "poweroff.target"),
    ]
    assert [(t.line, t.rule) for t in trace if t.made][:3] == [(3, "bold-term"), (8, "bold-term"), (12, "remark-term")]
    assert dropped(trace, "chatter-term") == [16]


def test_one_or_two_items_opening_with_a_gerund_are_no_exam_objectives() -> None:
    note, trace = parse(
        """
        ## Identity Fraud

        * Using compromised personal information to accomplish a malicious goal

        ## Consistency Models

        - Understand the difference between strong and eventual consistency
        """
    )
    assert [c.front for c in note.cards] == ["Identity Fraud — 1 point"]
    assert dropped(trace, "objectives") == [7]


def test_places_in_a_process_and_labels_without_a_subject_take_their_context() -> None:
    assert fronts(
        """
        ## Interpreting the Plot

        - **Start**: As K increases from 1 to 2, WCSS drops massively.
        - **Middle**: As K increases further, the drop becomes smaller.

        ## Az Module

        Allows you to work with the following Azure features
        - Containers
        - DNS
        """
    ) == [
        "Interpreting the Plot › Start",
        "Interpreting the Plot › Middle",
        "Az Module › Allows you to work with the following Azure features — 2 points",
    ]


def test_names_under_an_exam_objective_heading_are_the_blueprint_not_facts() -> None:
    note, trace = parse(
        """
        ## Compare and contrast transmission media and transceivers.

        - Wireless
        - Cellular
        - Satellite
        - 802.3 standards

        ## Transmission media

        - Wireless
        - Cellular
        """
    )
    assert [c.front for c in note.cards] == ["Transmission media — 2 points"]
    assert dropped(trace, "objectives") == [3]


def test_a_list_of_comments_half_of_them_impressions_makes_no_card() -> None:
    note, trace = parse(
        """
        ## 6. M1 Mac への Elixir インストール決定版

        - Mac持ってないんで、ゴメンナサイ
        - asdfをElixirでも使えるの知らなかったです
        - M1ほしい
        - 決定版

        ## 継続成長するために必要な要素

        - 賛同してくれる仲間を集める
        - 参加者アンケートで改善する
        - 定期的に開催する
        """
    )
    assert [c.front for c in note.cards] == ["継続成長するために必要な要素 — 3 points"]
    assert 3 in dropped(trace, "first-person")


def test_a_wish_is_an_impression_but_a_question_or_a_requirement_is_not() -> None:
    from devday_tui.core.cards.impressions import is_impression

    assert is_impression("M1ほしい") and is_impression("こういう記事が理解できるようになりたい")
    assert is_impression("ロゴがかわいい") and is_impression("遅刻してすみません…！")
    assert not is_impression("自分が参加したい？")
    assert not is_impression("ニュースを表示したい")
    assert not is_impression("キャッシュを無効化したい場合は -n を付ける")


def test_a_question_and_its_answer_on_one_line_is_a_question_card() -> None:
    note, _ = parse(
        """
        ## Flashcards

        **Q: What is a default argument?** |?| A: The value used when the caller omits an argument.

        Q: What is RAII? A: Tying a resource to an object's lifetime.

        Q: Is this asked without an answer?
        """
    )
    assert [(c.front, c.back_text) for c in note.cards] == [
        ("What is a default argument?", "The value used when the caller omits an argument."),
        ("What is RAII?", "Tying a resource to an object's lifetime."),
    ]


def test_a_list_that_repeats_its_front_or_names_only_places_makes_no_list_card() -> None:
    note, trace = parse(
        """
        ## AWSについて

        EC2とEBS
        - EC2
        - EBS

        ## Interpreting the Plot

        - **Start**: As K increases from 1 to 2, WCSS drops massively.
        - **Middle**: As K increases further, the drop becomes smaller.
        """
    )
    assert [c.front for c in note.cards] == ["Interpreting the Plot › Start", "Interpreting the Plot › Middle"]
    assert dropped(trace, "restated") == [3] and dropped(trace, "points") == [9]


def test_parents_whose_names_only_repeat_their_heading_in_another_case_make_no_points_card() -> None:
    note, trace = parse(
        """
        #### Topic 1: Control Planes and Data Planes
        - control plane
          - creates new resources
          - deletes resources
        - data plane
          - the resource's "day job"
          - generally simple
        """
    )
    assert [c.front for c in note.cards] == [
        "Topic 1: Control Planes and Data Planes › control plane — 2 points",
        "Topic 1: Control Planes and Data Planes › data plane — 2 points",
    ]
    assert dropped(trace, "restated") == [2]


def test_a_backs_link_lines_and_their_pasted_titles_are_left_out() -> None:
    note, trace = parse(
        """
        ### ノルム
        ベクトル空間に対して「距離」を与えるための数学の道具のようなもの。
        【機械学習】LPノルムってなんだっけ？
        https://qiita.com/kenmatsu4/items/cecb466437da33df2870

        ### 固有ベクトルの計算
        【固有値、固有ベクトルの求め方】
        https://example.com/eigen

        ### セッションアーカイブ一覧
        全てのセッションは以下のリンクからアーカイブ動画を視聴できます。

        ### Ruff とは
        Python の Linter と Formatter を兼ね備えたツール
        https://docs.astral.sh/ruff/
        https://marketplace.visualstudio.com/items?itemName=charliermarsh.ruff
        """
    )
    assert [(c.front, c.back_text) for c in note.cards] == [
        ("ノルム", "ベクトル空間に対して「距離」を与えるための数学の道具のようなもの。"),
        ("Ruff とは", "Python の Linter と Formatter を兼ね備えたツール"),
    ]
    assert dropped(trace, "url-only")


def test_a_remark_or_a_number_in_a_list_shows_its_whole_line() -> None:
    note, _ = parse(
        """
        ## Step 1: Initialization

        - We select K points in the data space to act as the initial centroids.
        - *Note:* These can be random points or actual data points selected at random.
        """
    )
    assert note.cards[0].back_text == (
        "- We select K points in the data space to act as the initial centroids.\n"
        "- Note: These can be random points or actual data points selected at random."
    )


def test_a_timetable_an_advent_calendars_day_and_a_photos_caption_make_no_cards() -> None:
    assert not fronts(
        """
        ## タイムテーブル

        | 時刻 | 内容 |
        | --- | --- |
        | 19:30 | ご挨拶 |

        ## No pain no gain

        Advent Calendar 2022 18日目の記事です。今年もよろしくお願いします。

        ## プロダクションに Go を適用した話

        kurikazu さん発表の様子。Go 導入してハッピーなのは良いね！
        """
    )


def test_a_sections_first_paragraph_that_says_what_its_heading_is_defines_it() -> None:
    note, _ = parse(
        """
        ### Intelligent-Tiering
        Intelligent-Tieringは、アクセス頻度によって、オブジェクトを自動で階層分けしてくれるストレージクラス。
        30日間リクエストのないオブジェクトが自動で低頻度アクセス階層へ移動する。

        - 監視料金がかかる

        ### S3の料金
        S3の料金は、下記で構成される。

        - ストレージ料金
        - リクエスト料金
        """
    )
    assert [(c.front, c.back_text) for c in note.cards if c.kind == "definition"] == [
        (
            "Intelligent-Tiering",
            "Intelligent-Tieringは、アクセス頻度によって、オブジェクトを自動で階層分けしてくれるストレージクラス。"
            "30日間リクエストのないオブジェクトが自動で低頻度アクセス階層へ移動する。",
        )
    ]


def test_the_authors_background_and_result_in_an_exam_write_up_make_no_cards() -> None:
    assert fronts(
        """
        # AWS Certified Cloud Practitioner合格記

        ## バックグラウンド

        - SIerで、DCの物理配線〜アプリ開発、PMまで幅広く
        - その後、コンサルファームに移籍

        ## S3

        - オブジェクトストレージ
        - 耐久性は 11 9s
        """
    ) == ["S3 — 2 points"]
    assert fronts(
        """
        # Android のバックグラウンド処理

        ## バックグラウンド

        - WorkManager で実行する
        - 実行時間に制限がある
        """
    ) == ["バックグラウンド — 2 points"]


def test_a_talks_outline_whose_summary_item_holds_points_is_notes_not_a_table_of_contents() -> None:
    outline = """
        ## 目次

        - はじめに
        - 本編
          - 設計
          - 運用
        - まとめ
        """
    assert not fronts(outline.replace("## 目次", "## Book"))
    assert fronts(
        """
        ## 質問

        - 使いこなすとは
          - AWS のサービスを理解
          - システムを管理・運用
        - まとめ
          - 最適な選択肢を選ぶ難易度は上がっている
          - ビジネスの目標に寄与するかで選ぶ
        """
    )[:2] == ["使いこなすとは — 2 points", "n › 質問 — 2 points"]


def test_a_field_bullet_with_its_value_under_it_is_named_with_its_parent() -> None:
    assert fronts(
        """
        ## Azure

        - RBAC
          - Scope
            - The resources the access applies to
          - Role
            - A set of permissions
        """
    )[1:] == ["RBAC › Scope", "Role"]


def test_for_example_and_lets_try_take_their_parents_text() -> None:
    assert (
        fronts(
            """
        ## SQS

        - Helps a lot with non-serverless services to scale out
          - for example: You can provision another EC2 instance when the queue grows
        """
        )[-1]
        == "Helps a lot with non-serverless services to scale out › for example"
    )


def test_how_the_author_sits_the_exam_makes_no_cards() -> None:
    # A parent bullet whose head noun is 受験 (sitting the exam), with its pros and cons: logistics, not the subject.
    # What the exam covers is still a card.
    md = """
    ## AZ-900 試験対策

    - 試験会場での受験:
      - メリット:
        - 機材や場所について準備する必要がない
      - デメリット:
        - 試験会場への移動が必要
    - 自宅での受験:
      - デメリット:
        - 受験する部屋の確保が必要
          - 試験中は他人が立ち入らないようにする必要がある

    ## リージョン

    - 可用性ゾーン: リージョン内の物理的に分離されたデータセンター
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["可用性ゾーン"]
    assert any(t.rule == "chatter-term" and not t.made for t in trace)


def test_a_section_on_taking_the_exam_makes_no_cards() -> None:
    assert fronts("## Taking the exam\n- OnVUE: take it from home with a webcam\n- Bring two forms of ID\n") == []


def test_a_long_glossary_makes_its_terms_cards_and_no_list_of_names_in_parts() -> None:
    terms = [f"- T{k}: the service number {k}, with what it does" for k in range(9)]
    others = [f"- Shield and Inspector, pair {k}" for k in range(7)]
    md = "## Concepts\n" + "\n".join(terms + others) + "\n"
    note, trace = parse(md)
    assert [c.front for c in note.cards] == [f"T{k}" for k in range(9)]
    assert any(t.rule == "points" and "16 terms" in t.what and not t.made for t in trace)
    # Fewer terms than half: the list is split into parts, as any long list of sentences is (six items at most).
    md = "## Concepts\n" + "\n".join(terms[:7] + others + ["- Shield, pair 7", "- Shield, pair 8"]) + "\n"
    made = [c.front for c in parse(md)[0].cards]
    assert made[:3] == ["Concepts (1/3) — 6 points", "Concepts (2/3) — 6 points", "Concepts (3/3) — 4 points"]


def test_an_item_opening_with_an_ascii_arrow_shows_the_arrow() -> None:
    md = """
    ## dynamic mapping の問題
    * 入力データから型を推測 -> 自動マッピング登録
    * -> マッピング定義が肥大化
    * => データ型のコンフリクト
    """
    note, _ = parse(md)
    assert [i.text for i in note.cards[0].back] == [
        "入力データから型を推測 -> 自動マッピング登録",
        "→ マッピング定義が肥大化",
        "⇒ データ型のコンフリクト",
    ]


def test_a_definition_beside_plain_items_shows_what_it_defines() -> None:
    md = """
    ## Networking
    * public and private subnets, an internet gateway, a virtual private gateway
    * Network ACL - checks packets between subnets, stateless
    """
    note, _ = parse(md)
    lists = [c.back for c in note.cards if c.kind == "list"]
    assert [i.text for i in lists[0]] == [
        "public and private subnets, an internet gateway, a virtual private gateway",
        "Network ACL - checks packets between subnets, stateless",
    ]
    # A list of only definitions is the set of its terms; of only short values, the terms with their values.
    note, _ = parse(
        "## Mail\n- SMTP: the protocol a client uses to send mail to its server\n"
        "- POP3: downloads mail from the server and usually deletes it there\n"
        "- IMAP4: keeps mail on the server, in sync across devices\n"
    )
    assert [[i.text for i in c.back] for c in note.cards if c.kind == "list"] == [["SMTP", "POP3", "IMAP4"]]
    note, _ = parse("## Mail\n- SMTP: sends mail\n- POP3: receives mail\n- IMAP4: keeps mail on the server\n")
    assert [[i.text for i in c.back] for c in note.cards if c.kind == "list"] == [
        ["SMTP: sends mail", "POP3: receives mail", "IMAP4: keeps mail on the server"]
    ]


def test_one_keyword_under_a_bullet_of_a_keyword_outline_is_no_definition() -> None:
    md = """
    ## サービスマネジメント
    1. 関係及び合意
       * 事業関係管理
         * 顧客関係
         * レビュー
       * SLM
         * 周期的な変化
       * 供給者管理
         * 委託
         * OLA
    """
    note, trace = parse(md)
    assert "SLM" not in [c.front for c in note.cards]
    assert any(t.rule == "too-short" and "outline of keywords" in t.what for t in trace)
    # A glossary (each bullet over one definition) and a question over its answer are cards.
    glossary = fronts("## 用語\n- DNS\n  - 名前解決\n- DHCP\n  - アドレスの自動割当\n- NTP\n  - 時刻同期\n")
    assert {"DNS", "DHCP", "NTP"} <= set(glossary)


def test_a_question_with_one_answer_in_a_keyword_outline_is_a_card() -> None:
    md = """
    ## Quiz
    - Which backend stores state with locking?
      - PostgreSQL
    - Providers
      - azurerm
      - consul
    - Images
      - Ubuntu
      - Oracle
    """
    assert "Which backend stores state with locking?" in fronts(md)


def test_a_few_paragraphs_too_tall_for_the_screen_make_no_list_card() -> None:
    tip = "Always check which cluster and namespace you are working in before you answer the question, " * 3
    md = "## Tips\n" + "".join(f"- {tip}{k}\n" for k in range(5))
    note, trace = parse(md)
    assert note.cards == []
    assert any(t.rule == "split-long" and "5 paragraphs" in t.what for t in trace)
    # Short items, or the same text in fewer items, still make the card.
    assert fronts("## Tips\n" + "".join(f"- {tip}{k}\n" for k in range(2))) == ["n › Tips — 2 points"]


def test_a_storys_steps_are_no_terms() -> None:
    md = """
    ## To init or not to init

    Try 1: Split update logic into init container.

    First issue: CI fails due to docker errors.

    Another idea: use daemonset and use taints and tolerations.

    Init container: runs to completion before the app's containers start.
    """
    assert fronts(md) == ["Init container"]


def test_an_exam_write_ups_study_method_and_perks_make_no_cards() -> None:
    md = """---
title: AI・ディープラーニング検定 G検定の資格取得勉強法
---
## G検定について
- 人工知能とは
- 機械学習の具体的手法
- ディープラーニングの概要

## 勉強したこと
公式参考書をひたすら学習する。

## 合格特典
- 合格者コミュニティに参加できる
- ロゴを名刺に使える

## 用語
- 過学習: 訓練データに適合しすぎて汎化性能が落ちること
"""
    assert fronts(md) == ["過学習"]
    # "Notes to self" is the author's to-do, in any note.
    assert fronts("## Notes to Self\n- Practice quiz\n- Review the pricing calculator\n") == []


def test_an_exam_write_ups_score_makes_no_cards_but_its_summary_does() -> None:
    md = """---
title: AWS認定 Generative AI Developer Professional を3週間・20時間で取得する
---
## 試験当日とスコア
| 分野 | 配点 | 評価 |
|---|---|---|
| 1. 基盤モデルの統合 | 31% | コンピテンシーを満たしている |
| 2. 実装と統合 | 26% | 改善が必要 |

## 用語
- RAG: 検索した文書を文脈として生成モデルに渡す手法

## まとめ
- ReLU: 勾配消失を起こしにくい活性化関数
"""
    assert fronts(md) == ["RAG", "ReLU"]  # (a write-up's まとめ may hold what the exam asked)
    # "資格情報を取得する" gets credentials, and "F1スコア" is what a note teaches: no write-up, no story
    md = "# PowerShellで資格情報を取得する\n\n## F1スコア\n- 適合率: 陽性と予測したうち本当に陽性の割合\n"
    assert fronts(md) == ["適合率"]


def test_an_exam_write_ups_study_headings_make_no_cards_but_what_was_learnt_does() -> None:
    md = """---
title: 【情報セキュリティマネジメント試験】合格体験記
---
## おすすめの勉強法
### 午前試験の対策
とりあえず過去問道場で**午前問題**だけ回しましょう。

## 1. Udemy (Practice Exams)
- 75問×2セット
- 本番と同等の難易度

## 覚えた用語
- WAF: Webアプリケーションへの攻撃を検知・遮断する仕組み

## 科目Bの解き方
- 設問を先に読む
- 図表の条件を書き出す
"""
    assert fronts(md) == ["WAF", "科目Bの解き方 — 2 points"]
    # Not a write-up: the same headings are the note's topics.
    assert fronts(md.replace("合格体験記", "試験ノート")) == [
        "とりあえず過去問道場で［…］だけ回しましょう。",
        "1. Udemy (Practice Exams) — 2 points",
        "WAF",
        "科目Bの解き方 — 2 points",
    ]


def test_a_topic_introduced_with_to_wa_loses_only_its_particle() -> None:
    md = """
    ## H30F P10
    相変化メモリとは、結晶状態と非結晶状態における電気抵抗の差を利用した不揮発性メモリです。
    2つの状態は電気的に移行可能なので内容の書き換えが可能です。
    """
    assert fronts(md) == ["相変化メモリ"]


def test_a_sentence_that_opens_what_follows_it_is_cut_from_a_definition() -> None:
    note, trace = parse(
        """
        ## Handling outages

        **Leader failure: failover.** A follower is promoted. Things that go wrong:

        - async follower may miss writes
        - split brain: two nodes both believe they are leader

        ## What I learned at the conference

        In the keynote on privacy, she said:

        Il dataset: abbiamo i seguenti dati:
        """
    )
    backs = {c.front: c.back for c in note.cards}
    assert backs["Leader failure"] == "failover. A follower is promoted."
    assert "What I learned at the conference" not in backs and "Il dataset" not in backs
    assert len(dropped(trace, "lead-in")) == 1
    # A colon with the definition's own sub-items after it is no lead-in: they are its back.
    assert backs["split brain"] == "two nodes both believe they are leader"
    sub = parse("## IP\n* Private IP addresses - addresses on a local network:\n  * Class A - 10.0.0.0/8\n")[0].cards
    assert any(c.front == "Private IP addresses" and "Class A" in c.back for c in sub)


def test_a_word_that_opens_three_lines_of_a_section_is_a_prefix_not_a_term() -> None:
    note, trace = parse(
        """
        # Section 2: Core Concepts

        - Recap - Kubernetes Architecture
        - Recap - Pods
        - Recap - ReplicaSets
        - Recap - Deployments

        ## Talk

        - Technical debt is a metaphor
          - Note: see the actual images on the slides.
        - Note: watch the talk from 10 to 20 minutes in.
        - Cruft: a bad decision that keeps multiplying
        - Note: see the chart on cleaning sprints.
        """
    )
    cards = {c.front: c for c in note.cards}
    assert "Recap" not in cards and not any(f.endswith("Note") for f in cards)
    assert [i.text for i in cards["Section 2: Core Concepts — 4 points"].back] == [  # type: ignore[union-attr]
        "Recap - Kubernetes Architecture",
        "Recap - Pods",
        "Recap - ReplicaSets",
        "Recap - Deployments",
    ]
    assert cards["Cruft"].back == "a bad decision that keeps multiplying"
    assert len(dropped(trace, "prefix-word")) == 4 and len(dropped(trace, "aside")) == 3
    # The same field under different parents is a field of each.
    assert fronts(
        """
        ## キーワード
        - 中間者攻撃とは？
          - 対策: サーバ証明書の検証
        - リプレイ攻撃とは？
          - 対策: ワンタイムパスワード
        - パスワードリスト攻撃
          - 対策: 多要素認証
        """
    )[1:] == ["中間者攻撃とは？ › 対策", "リプレイ攻撃とは？ › 対策", "パスワードリスト攻撃 › 対策"]


def test_announcements_plans_and_a_clause_in_brackets_are_no_labels_of_facts() -> None:
    md = """
    ## OSS 開発を仕事にする技術

    （スライドが見つからない）

    - 仕事にするとコミュニティ運営も発生する
    - 一人では実現できない練度のプロダクトになる

    - やろうと思ったこと
      - OSS 使っててエンバグしたらすぐフィードバック
      - 自分がよく使う OSS って何か考えてみる

    ## 関連イベントのお知らせ

    WordCamp Tokyo 2019 11/1-2＠新宿

    ## 覚えておきたいこと

    - 冗長化: 単一障害点をなくすこと
    """
    assert fronts(md) == ["OSS 開発を仕事にする技術 — 2 points", "冗長化"]


def test_an_exam_write_ups_opening_is_the_authors_story() -> None:
    md = """---
title: 個人情報保護士認定試験を受験した
---
会社で必要になったので受験した。下記の流れで2週間ほど勉強した。

1. 公式テキストを読む
2. 過去問題集を解く

## 個人情報の定義
- 個人識別符号: 指紋データやマイナンバーなど、それだけで本人を特定できる符号
"""
    assert fronts(md) == ["個人識別符号"]
    # The same opening in a note that is no write-up is a list like any other.
    assert "個人情報保護士認定試験 — 2 points" in fronts(md.replace("を受験した", ""))


def test_a_list_of_lightning_talks_named_as_talks_is_a_programme() -> None:
    md = """
    ## 懇親会飛び込みLTでどんな話が出たか
    - particles.jsを使ってみた話
    - 記号だけでJavaScriptのHello Worldを実行する話
    - AR.jsを試してみた話
    - クリエイター卓球部の紹介

    ## MDX
    MDXで **docz** などが出てきているので、React界隈では割と使われていくんじゃないかな～と感じています。

    ## 電話
    - 固定電話
    - 携帯電話
    - IP電話
    """
    assert fronts(md) == ["電話 — 3 points"]


def test_a_talks_first_line_is_the_notes_title_and_its_speaker_no_card() -> None:
    md = """SRV375 - Lambda Layers and Runtime API

Lambda Layers and Runtime API are two new features which enable developers to publish and share libraries.

Danilo Poccia - Principal Evangelist, Serverless

## Layers
- Layer: a zip file of libraries that a function can use
"""
    note, trace = parse(md)
    assert note.title == "SRV375 - Lambda Layers and Runtime API"
    assert [c.front for c in note.cards] == ["Layer"]
    assert note.cards[0].context == ("SRV375 - Lambda Layers and Runtime API", "Layers")
    assert 1 in dropped(trace, "metadata")
    # A first line over a list or table is their label; two short lines are terms, not a title and its text.
    assert parse("Pricing models\n\n- On-Demand\n- Spot\n")[0].title == "n"
    assert parse("EC2 - Elastic Compute Cloud\n\nS3 - Simple Storage Service\n")[0].title == "n"
    # A name of a thing with a role-like word is no person: Amazon Inspector is a service.
    assert fronts("## Services\n- Amazon Inspector - finds vulnerabilities, a lead for the security team\n") == [
        "Amazon Inspector"
    ]


def test_a_list_under_what_the_article_does_next_is_its_plan() -> None:
    md = """
    ## 概要
    具体的には以下の設定を行います
    - Cloud SQLのスロークエリの設定
    - Cloud Loggingのログポリシーアラートの設定

    ## スロークエリログ
    主な設定項目は次のとおりです
    - log_min_duration_statement
    - log_statement
    """
    assert fronts(md) == ["主な設定項目は次のとおりです — 2 points"]


def test_a_sentence_wrapped_after_an_article_and_this_events_intro_are_no_terms() -> None:
    md = """
    ## Connecting to remote state backends

    The terraform provider
    `terraform_remote_state` data source
    uses the latest state snapshot from a specified state backend.

    ## Shiftup

    まずは本イベント Shiftup! の紹介
    会場入りしてすぐにビールが渡される、本イベントならではのポリシーです。

    ## Twelve-Factor

    The Twelve-Factor App
    A method for building software-as-a-service apps.
    """
    assert fronts(md) == ["Connecting to remote state backends", "The Twelve-Factor App"]


def test_the_authors_plans_and_lines_going_on_from_the_one_above_are_no_cards() -> None:
    md = """
    ## Hugo
    I need to
    - make a stubs page
    - add a search with filters

    ## MIPS
    MIPS: 1秒間に実行できる命令の数 / 100万

    => 100万 = 10^6

    ただし、1クロック: 1命令とは限らない
    """
    assert fronts(md) == ["MIPS"]


def test_sessions_watched_are_the_authors_day() -> None:
    md = """
    ## 聴講・視聴したセッション
    - JetBrains / Sebastian Aignerさん、KotlinでのAI活用による開発
    - DNA.inc / Sandra Dupréさん、ひとつの機能、ふたつの道筋
    """
    assert fronts(md) == []


def test_a_sentence_announcing_what_follows_is_cut_like_a_colon() -> None:
    md = """
    ## 📌Properties for arithmetic
    Given any two scalars a and b, and any three vectors P, Q and R, the following properties hold.

    ## サーバ稼働率
    - 直列接続と並列接続がある
    - 考え方は以下のとおり
    - 並列接続は片方が動いていれば動く

    ## Protocols
    Load balancer: it supports the following protocols: HTTP, HTTPS.
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["サーバ稼働率 — 2 points", "Load balancer"]
    assert dropped(trace, "lead-in") == [6]
    assert dropped(trace, "heading-paragraph") == [2]  # it introduces what follows


def test_a_question_word_alone_asks_about_what_it_is_under() -> None:
    md = """
    ## Migrating to gRPC
    How?
    - Autonomous teams
    - Aligned autonomy
    """
    assert fronts(md) == ["Migrating to gRPC › How? — 2 points"]


def test_a_marked_line_labels_its_list_and_a_posts_own_story_makes_no_cards() -> None:
    md = """
    ## メール
    ■SMTP(Simple Mail Transfer Protocol) POP(Post Office Protocol)
    ・SMTP:メール送信プロトコル
    ・POP：メール受信プロトコル
    いずれもアプリケーション層のプロトコル
    SMTP・POPの手順は以下

    ## Qiita初投稿
    - 自分は統計初心者で、理解が及んでないとこも多々あります
    - 説明を飛ばしてて雑な部分が多々あります
    """
    assert fronts(md) == [
        "SMTP(Simple Mail Transfer Protocol) POP(Post Office Protocol) — 2 points",
        "POP",  # ("SMTP:メール…" has no space after its colon: no term)
    ]


def test_an_aside_word_alone_as_a_term_makes_no_card_but_an_example_still_does() -> None:
    note, trace = parse(
        """
        ## DHCP
        - Note: all the IPs are the same because this is my home router
        - Example: a laptop asks for an address when it joins the network
        ## Talk
        Takeaway: you may need to fix the scheduler itself.

        備考：当日はスライドなし
        """
    )
    defined = [c.front for c in note.cards if c.kind == "definition"]
    assert defined == ["DHCP › Example"]
    assert dropped(trace, "aside") == [2, 5, 7]
    # Under a parent bullet too: its other sub-item is the card.
    note, trace = parse("## S\n- ssm-tool\n  - PS: 社内で使われている具体的な話\n  - other detail\n")
    assert [c.front for c in note.cards] == ["S › ssm-tool — 2 points"]
    assert dropped(trace, "aside") == [3]


def test_the_authors_advice_to_the_reader_is_no_cloze() -> None:
    note, trace = parse(
        """
        ## 午前対策

        解く問題は、**令和元年秋期～平成28年春期**の8回分がおすすめです。

        基本情報を持ってる人は、**過去問道場を回せば労せずに受かる**ことでしょう。

        SG は情報処理技術者試験の**レベル2**に分類される。
        """
    )
    assert [c.front for c in note.cards] == ["SG は情報処理技術者試験の［…］に分類される。"]
    assert dropped(trace, "first-person") == [3, 5]


def test_a_speaker_and_their_role_says_who_spoke() -> None:
    note, trace = parse(
        """
        ## Silicon Valley starts everywhere
        - Jon: managing partner at Expansive Ventures
        - Seed round: the first money a startup raises from investors

        ### Patrick Pinkston, VP Information Solutions John Deere
        Advanced products and service and is committed to the success of those linked to the land.

        ## Identity
        - Azure Active Directory - Principal: an identity an application signs in with
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["Seed round", "Azure Active Directory"]
    assert [t.line for t in trace if t.rule == "chatter-term" and not t.made] == [2, 6]


def test_a_cloze_that_goes_on_from_the_paragraph_before_or_hides_a_whole_clause_is_dropped() -> None:
    note, trace = parse(
        """
        ## Services

        Headless Services have no selector. Instead, the service is deployed with an **endpoint** resource.

        For the second question, we need to understand a new resource - **namespace**.

        Instead, the **kube-proxy** sends the ClusterIP to a real endpoint.

        Rails models sessions as a RESTful resource, and **unlike the Users resource, which uses a database back-end to persist data, the Sessions resource will use cookies** and much of the work involved in login comes from building this cookie-based machinery.

        Every resource lives in a **namespace** of the cluster.
        """
    )
    assert [c.front for c in note.cards] == [
        "Headless Services have no selector. Instead, the service is deployed with an ［…］ resource.",
        "Every resource lives in a ［…］ of the cluster.",
    ]
    assert dropped(trace, "weak-cloze") == [5, 7, 9]


def test_a_question_word_alone_as_a_term_takes_its_context() -> None:
    md = """
    ## Simple routing policy
    - Maps a domain to one URL
    - When: redirect to a single resource
    """
    assert "Simple routing policy › When" in fronts(md)


def test_a_cloze_whose_answer_the_heading_above_names_is_dropped() -> None:
    note, trace = parse(
        """
        ## Why are Services necessary for routing traffic?

        A Pod's address changes, which is why the concept of **Service** came to play in Kubernetes.

        ## Leaders and followers

        Writes go to the leader, which sends the change to the **followers** as a **replication log**.

        ## Servicemesh

        A sidecar proxy in each Pod forms the **mesh** of the cluster.
        """
    )
    assert [c.answers for c in note.cards if c.kind == "cloze"] == [("followers", "replication log"), ("mesh",)]
    assert (3, "too-short") in [(t.line, t.rule) for t in trace if not t.made]


def test_a_remark_in_brackets_does_not_make_a_list_item_an_impression() -> None:
    md = """
    ## lsの代替：eza
    - 文字色がカラフルになった
    - ディレクトリのアイコンが表示されるようになった
    - `.`, `..`などが非表示になった（自分はこれ要らないと思っているのでありがたい）
    - 見た目が変わって楽しかった
    """
    note, trace = parse(md)
    (card,) = note.cards
    assert [i.text for i in card.back][2].startswith("., ..などが非表示になった")
    assert len(card.back) == 3 and dropped(trace, "first-person") == [5]


def test_why_the_author_came_and_what_they_took_home_make_no_cards() -> None:
    md = """
    ## なぜやってみたか
    - 1000人規模のイベント運営が知りたかった
    - 運営の方に会ってみたかった
    ## ノベルティのお気に入り
    - タンブラー
    - ようかん
    ## この記事で分かること
    - Poetry の設定
    - VSCode の設定
    ## services との違い
    | | Cloud Run services | Cloud Run jobs |
    |---|---|---|
    | 起動のきっかけ | HTTP リクエスト | 手動かスケジュール |
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == ["services との違い › 起動のきっかけ — Cloud Run services, Cloud Run jobs"]
    assert sorted(t.line for t in trace if t.rule == "skip-section" and not t.made) == [1, 4, 7]


def test_what_looks_like_a_speaker_an_exam_story_or_advice_but_is_a_fact_stays() -> None:
    md = """---
title: 情報処理安全確保支援士 合格記
---
## Kubernetes
- Kubelet: the node manager at each worker node

### Deployment Frequency, Lead Time for Changes
Two of the four DORA metrics, measured per team and per service.

## XSS対策
- サニタイジング: 出力時に特殊文字をエスケープすること

## MFA
AWS は root ユーザーの **MFA** の有効化をおすすめしている。

## Scheduling

In the first phase, the scheduler filters the **nodes** that can run the pod.
"""
    assert fronts(md) == [
        "Kubelet",
        "Deployment Frequency, Lead Time for Changes",
        "サニタイジング",
        "MFA",
        "In the first phase, the scheduler filters the ［…］ that can run the pod.",
    ]


def test_a_speakers_company_title_and_name_make_no_card() -> None:
    md = """
    ### VueはAIに弱い？
    #### speaker
    株式会社リンクアンドモチベーション
    フロントエンドエンジニア
    中上 裕基さん

    生成AIを使うならReactという風潮があるが、Vue 3 の書き方なら相性はよい。

    ### Kubernetes 1.16 のエフェメラルコンテナ

    資料：https://speakerdeck.com/example/ephemeral-containers
    登壇者：Kazuki Suda (@example), 株式会社サンプル

    #### kubectl exec の課題

    - コンテナ内に存在するコマンドしか実行できない
    - distroless イメージにはシェルがない
    """
    _, trace = parse(md)
    made = fronts(md)
    assert "株式会社リンクアンドモチベーション" not in made
    assert not [f for f in made if f.startswith("Kubernetes 1.16")]
    assert "kubectl exec の課題 — 2 points" in made
    assert any(t.rule == "chatter-term" and "title and a person" in t.what for t in trace)
    assert any(t.rule == "talk-details" and "only the talk's details" in t.what for t in trace)


def test_a_term_whose_definition_names_a_person_among_facts_is_a_card() -> None:
    md = """
    ## 用語
    TDD
    テスト駆動開発。テストを先に書く。
    Kent Beck氏

    DRY
    同じことを繰り返さない
    """
    made = fronts(md)
    assert "TDD" in made
    assert "DRY" in made


def test_a_definition_with_its_author_or_a_field_that_explains_is_no_speaker_listing() -> None:
    md = """
    ## 動機づけ理論
    マズローの欲求5段階説
    人間の欲求を5段階の階層で表した理論
    マズロー氏

    ## コールドサイト

    場所：設備だけ用意した代替拠点
    資料：切替手順書を事前に整備しておく
    """
    made = fronts(md)
    assert "マズローの欲求5段階説" in made
    assert "コールドサイト" in made


def test_a_heading_that_is_only_a_link_gives_way_to_the_heading_above() -> None:
    md = """
    ## Electron - A developer story
    ### Cheng Zhao
    #### https://www.youtube.com/watch?v=JDtc1xdZ-a0
    - started out as Atom Shell for GitHub, later called Electron
    - review pull requests one by one and close every issue
    """
    assert fronts(md) == ["Cheng Zhao — 2 points"]


def test_a_link_heading_names_itself_when_it_is_a_tools_page_or_beside_another_link() -> None:
    md = """
    ## Tools
    ### https://github.com/junegunn/fzf
    - a fuzzy finder for the terminal
    - reads lines from stdin

    ## Platform Engineering 入門
    #### https://www.youtube.com/watch?v=AAAA1111
    - 開発者ポータルで認知負荷を下げる
    - Backstage が定番
    #### https://speakerdeck.com/yamada/platform-engineering
    - ゴールデンパスを用意する
    - セルフサービスで環境を作れるようにする
    """
    made = fronts(md)
    assert "https://github.com/junegunn/fzf — 2 points" in made
    assert "https://www.youtube.com/watch?v=AAAA1111 — 2 points" in made
    assert made.count("Platform Engineering 入門 — 2 points") == 0


def test_a_list_of_only_definitions_beside_another_list_is_no_part_of_the_headings_card() -> None:
    note, _ = parse(
        """
        ## 프로세스

        1. 운영체제로부터 시스템 자원을 할당받는 작업의 단위
        2. 메모리에 올라와 실행되고 있는 프로그램의 인스턴스

        하나의 프로세스는 크게 네 영역으로 이루어져 있다.

        - Code : 코드 자체를 구성하는 영역
        - Data : 전역변수, 정적변수 등 초기화된 데이터

        ## Regions

        - Stack : 지역변수, 매개변수
        - Heap : 동적할당 시 사용
        """
    )
    cards = {c.front: c.back for c in note.cards}
    assert [i.text for i in cards["프로세스 — 2 points"]] == [
        "운영체제로부터 시스템 자원을 할당받는 작업의 단위",
        "메모리에 올라와 실행되고 있는 프로그램의 인스턴스",
    ]
    assert {"Code", "Data", "Stack", "Heap"} <= set(cards)
    # right after another list, the definitions go on the same list (two list marks, one list)
    joined = parse("## Objects\n1. stored by content hash\n2. never changed\n\n- blob: a file\n- tree: a folder\n")[0]
    assert [len(c.back) for c in joined.cards if c.front.startswith("Objects —")] == [4]
    assert [i.text for i in cards["Regions — 2 points"]] == ["Stack: 지역변수, 매개변수", "Heap: 동적할당 시 사용"]


def test_a_short_example_takes_its_context_and_a_long_one_is_a_story_to_read() -> None:
    story = (
        "A malicious actor knows that the targeted business has its garbage removed on a scheduled day. Before "
        "the refuse is removed, the actor gains access to the disposal site and sifts through it for information."
    )
    note, trace = parse(
        f"""
        ### Dumpster Diving

        * Searching the trash for information

        > Example: {story}

        ### Vishing

        * Phishing over the phone

        > Example: a caller claims to be from the bank's fraud department.
        """
    )
    fronts_ = [c.front for c in note.cards]
    assert "Vishing › Example" in fronts_ and "Dumpster Diving › Example" not in fronts_
    # nor is a long example a heading's definition when it is the heading's only paragraph
    assert parse(f"## Idempotent methods\n\nExample: {story}\n")[0].cards == []
    assert [t.line for t in trace if t.rule == "long-example"] == [5]


def test_the_evenings_party_is_chatter_whatever_names_it_first() -> None:
    note, trace = parse(
        """
        ## 17:30〜 懇親会
        - 駅前の居酒屋
        - 次回は 2026 年春の予定らしい

        ## 非公式懇親会
        このイベントのおかげで行きたいと思っていた店に行けた！ずっと話し込んでしまった。

        ## offical after party
        - met the organisers

        ## Partition key
        - decides which shard a row lands on, hashed by the database
        """
    )
    assert [c.front for c in note.cards] == ["Partition key — 1 point"]
    assert [t.line for t in trace if t.rule == "skip-section"] == [1, 5, 8]


def test_a_name_with_a_word_hidden_is_no_cloze() -> None:
    note, trace = parse(
        """
        ## Garbage collection algorithms
        - The **reference counting** collector
        - The **generational** collector keeps young objects apart from old ones
        """
    )
    assert [c.front for c in note.cards if c.kind == "cloze"] == [
        "The ［…］ collector keeps young objects apart from old ones"
    ]
    assert ("too-short", "a name with a word hidden, no sentence around it") in [(t.rule, t.what) for t in trace]
    # a short sentence is one: "**UDP** is connectionless", "Use **bcrypt**."
    short = parse("## Exam facts\n\n**UDP** is connectionless.\n\nUse **bcrypt** for passwords.\n")[0]
    assert [c.front for c in short.cards] == ["［…］ is connectionless.", "Use ［…］ for passwords."]


def test_a_conference_trips_schedule_speakers_and_swag_make_no_cards() -> None:
    note, trace = parse(
        """
        # KubeCon 2018

        ## Highlights from my schedule

        ### Tuesday 11th

        - Keynote: Developing Kubernetes Services at Airbnb Scale - Melanie Cebula, Software Engineer, Airbnb

        - Front-end Application Deployment Patterns - Ross Kukulinski, Heptio

        ## Talks

        - Deep Dive: Kubernetes IoT Edge WG – Cindy Xing, Huawei; Dejan Bosanac, Red Hat
        - Evolution of Integration with Service Mesh and Ballerina - Christian Posta, Red Hat

        ## Facts

        - Airbnb runs over 7,000 services on Kubernetes - Melanie Cebula, Airbnb
        - SQS: Amazon Simple Queue Service - Message Queue, fully managed

        ## Swag

        > Number of **shirts** collected - 7
        > Number of **stickers** collected - 28

        ## Services

        - EC2 - Elastic Compute Cloud, virtual servers
        - S3 - Simple Storage Service, object storage
        """
    )
    assert [c.front for c in note.cards] == ["Facts — 2 points", "SQS", "Services — 2 points", "EC2", "S3"]
    assert [t.line for t in trace if t.rule == "skip-section"] == [21]


def test_a_clozes_hidden_word_is_hidden_wherever_it_shows_and_a_conditional_operators_colon_splits_nothing() -> None:
    note, _ = parse(
        """
        ## Databases

        A **transaction** groups statements so that every statement in the Transaction commits or none do.

        **トランザクション**とは、複数の処理をひとまとめにしたもので、トランザクション内の処理はすべて成功する。

        ## 条件演算子
        - 条件式 ? 式１ : 式２
        """
    )
    assert [(c.kind, c.front, c.answers) for c in note.cards] == [
        (
            "cloze",
            "A ［…］ groups statements so that every statement in the ［…］ commits or none do.",
            ("transaction", "Transaction"),
        ),
        (
            "cloze",
            "［…］とは、複数の処理をひとまとめにしたもので、［…］内の処理はすべて成功する。",
            ("トランザクション",) * 2,
        ),
        ("list", "条件演算子 — 1 point", ()),
    ]


def test_a_line_ending_in_an_abbreviations_mark_is_no_term_over_the_next_but_a_term_before_a_colon() -> None:
    note, _ = parse(
        """
        ### rc

        run command の略
        .bashrcや.vimrcのrcも同じ

        ### 略語
        - EC2の略: Elastic Compute Cloud
        """
    )
    assert [(c.front, c.back_text.split("\n")[0]) for c in note.cards] == [
        ("rc", "run command の略"),
        ("EC2の略", "Elastic Compute Cloud"),
    ]


def test_a_cloze_hides_a_word_that_shows_again_only_as_part_of_another() -> None:
    note, _ = parse("## Languages\n\nIntro.\n\n**Rust** makes you trust the compiler with memory safety.\n")
    assert [c.front for c in note.cards] == ["［…］ makes you trust the compiler with memory safety."]


def test_a_heading_naming_only_the_speaker_is_no_part_of_the_front() -> None:
    note, _ = parse(
        """
        ## 10:00～11:40 ゼネラルセッション
        ### ＠岡嵜 禎
        * Well-Architected Framework
          - 5つの柱で設計をレビューする
          - 定期的に見直す
        """
    )
    assert [(c.front, c.context[-1]) for c in note.cards] == [
        ("ゼネラルセッション › Well-Architected Framework — 2 points", "＠岡嵜 禎")
    ]


def test_a_term_pointing_back_a_remark_said_aloud_and_a_see_below_back_make_no_card() -> None:
    note, _ = parse(
        """
        ## Direct Connect
        - DX is not encrypted by default
        - To overcome this: create a public VIF and establish a Site-to-Site VPN over it

        ## コミュニティ
        - rancher の slack あるよ
          - k8s の情報は最強

        ## VPC Endpoint
        - ゲートウェイエンドポイント: S3 と DynamoDB だけ
        - インターフェースエンドポイント: 後述
        """
    )
    fronts_ = [c.front for c in note.cards]
    assert "To overcome this" not in fronts_ and "rancher の slack あるよ" not in fronts_
    assert "インターフェースエンドポイント" not in fronts_ and "ゲートウェイエンドポイント" in fronts_


def test_a_cloze_whose_context_sentence_shows_its_hidden_word_is_not_made() -> None:
    note, trace = parse(
        """
        ## Consensus

        Intro line here.

        Raft elects a leader for each term. It also replicates the log: only the **leader** accepts writes.
        """
    )
    assert [c.kind for c in note.cards] == []
    assert ("weak-cloze", "a hidden word shows elsewhere on the front") in [(t.rule, t.what) for t in trace]
