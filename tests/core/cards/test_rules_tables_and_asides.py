"""Tables whose columns are aligned, dated logs and rows named by their place; asides that hide no answer (an inline
footnote, a cross-reference); a note's own fields written over several lines; remark words (Intro, Bad Example);
a Korean post speaking of itself."""

from __future__ import annotations

from devday_tui.core.text import plain
from tests.core.cards.small_notes import fronts, parse


def test_a_table_with_centred_columns_makes_its_rows() -> None:
    note, _ = parse(
        """
        ## Storage

        | Service | Use |
        | :---: | :--- |
        | S3 | object storage for files |
        | EBS | block storage for EC2 |

        Reactions :+1: and :tada: are no text.
        """
    )
    assert [(c.front, c.back) for c in note.cards] == [
        ("Storage › S3 — Use", "object storage for files"),
        ("Storage › EBS — Use", "block storage for EC2"),
    ]
    assert plain("Reactions :+1: and :tada: are no text.") == "Reactions :+1: and :tada: are no text."


def test_a_dated_log_and_rows_named_by_their_place_make_no_cards() -> None:
    note, trace = parse(
        """
        ## 受験履歴

        | 日付 | プラットフォーム | 試験 |
        | :---: | :---: | ---- |
        | 2024/02/11 | Google Cloud | Professional Machine Learning Engineer |
        | 2024/01/06 | AWS | Database - Specialty |

        ## 試験対策例

        | 回 | 対策項目 | 実施時間 |
        | --- | --- | --- |
        | 1回目 | AWS WEB問題集をやる | 約2時間 |
        | 2回目 | 試験ガイドを読む | 約0.5時間 |

        ## 歴史

        | 年 | 出来事 |
        | --- | --- |
        | 1991 | Linux の最初の版が公開された |
        | 2006 | AWS が S3 を公開した |
        """
    )
    assert [c.front for c in note.cards] == ["歴史 › 1991 — 出来事", "歴史 › 2006 — 出来事"]
    assert [t.rule for t in trace if not t.made][:3] == ["talk-details", "too-short", "too-short"]


def test_the_examinees_own_section_and_a_closing_section_make_no_cards() -> None:
    note, _ = parse(
        """
        ## 受験者情報

        | 資格 | 取得数 | 取得済み資格 |
        | --- | --- | --- |
        | AWS資格 | 5 | CLF、SAA、SAP |

        ## Direct Connect

        - 専用線で AWS とオンプレミスをつなぐ
        - 仮想インターフェイスで VPC に接続する

        ## おしまい

        初心者がわかりやすく、玄人にもウケるネタってなんだろうね。来年もやるかもしれないから考えておこう。
        """
    )
    assert [c.front for c in note.cards] == ["Direct Connect — 2 points"]


def test_an_inline_footnote_is_an_aside_and_shows_nothing() -> None:
    note, _ = parse(
        """
        ## アカウント

        前提として **AWSアカウント** が必要になる^[サインインページには Amazon.com のアカウントと書かれています。]ので、先に作成しておく。
        """
    )
    (card,) = note.cards
    assert card.back == "前提として AWSアカウント が必要になるので、先に作成しておく。"
    assert "^[" not in card.front and "サインインページ" not in card.front


def test_a_hidden_cross_reference_asks_nothing() -> None:
    note, _ = parse(
        """
        ## Input variables

        You can supply the arguments interactively, via a file (see **7d**) or as CLI pairs.

        Variables are typed; a **map** holds key-value pairs of one type.

        詳しくは **3.2節** を参照。
        """
    )
    assert [c.front for c in note.cards] == ["Variables are typed; a ［…］ holds key-value pairs of one type."]


def test_tags_written_on_the_lines_below_their_field_are_metadata() -> None:
    note, _ = parse(
        """
        2025-10-06 21:54

        Tags:
        [[rl]]
        [[cs]]

        # PPO

        Status:
        The dataset is cleaned and split into train and test sets before training.
        """
    )
    assert [(c.front, c.back) for c in note.cards] == [
        ("Status", "The dataset is cleaned and split into train and test sets before training.")
    ]


def test_an_intro_or_a_bad_example_is_named_with_its_heading() -> None:
    made = fronts(
        """
        ## Designing Calm Technology

        - Intro
          - Notifications interrupt you all day
          - Connections fail and interrupt you again
        - Bad Example
          - A beeping insulin pump, good for nurses and bad for personal use
        - 悪い例
          - 全てのアラートを同じ音で鳴らす
        """
    )
    # (and no "Designing Calm Technology — 3 points" of the names Intro, Bad Example, 悪い例)
    assert made == [
        "Designing Calm Technology › Intro — 2 points",
        "Designing Calm Technology › Bad Example",
        "Designing Calm Technology › 悪い例",
    ]


def test_a_korean_sentence_about_the_post_itself_makes_no_cloze() -> None:
    note, _ = parse(
        """
        ## Introduction

        이번 포스팅에서는 **K-Means clustering**을 이용한 이미지 분할을 공부해 보도록 하겠다.

        K-Means는 데이터를 **k개의 군집**으로 나누는 알고리즘이다.
        """
    )
    assert [c.back for c in note.cards] == ["K-Means는 데이터를 k개의 군집으로 나누는 알고리즘이다."]


def test_an_item_naming_the_article_after_its_fact_stays_in_its_list() -> None:
    note, _ = parse(
        """
        ## GUI を使うための制約

        - openメソッドで渡されたウインドウを親にして子ウインドウを作る。他のOSでのやり方が分からないのが本記事がWindowsのみである理由。
        - イベントループはidleメソッドで細切れに回す。
        - 本記事は個人ブログより転載したものです。
        """
    )
    (card,) = note.cards
    assert [i.text[:12] for i in card.back] == ["openメソッドで渡され", "イベントループはidle"]


def test_steps_phases_and_release_dates_name_their_rows() -> None:
    made = fronts(
        """
        ## TCP ハンドシェイク

        | Step | Sender | Segment |
        | --- | --- | --- |
        | Step 1 | Client | SYN |
        | Step 2 | Server | SYN-ACK |

        ## Python のリリース

        | リリース日 | バージョン | 主な変更 |
        | :---: | --- | --- |
        | 2008-12-03 | Python 3.0 | print が関数になった |
        | 2015-09-13 | Python 3.5 | async と await |
        """
    )
    assert made == [
        "TCP ハンドシェイク › Step 1 — Sender, Segment",
        "TCP ハンドシェイク › Step 2 — Sender, Segment",
        "Python のリリース › 2008-12-03 — バージョン, 主な変更",
        "Python のリリース › 2015-09-13 — バージョン, 主な変更",
    ]


def test_a_pattern_that_opens_like_an_inline_footnote_stays() -> None:
    note, _ = parse(
        """
        ## 正規表現

        - grep '^[#;]' でコメント行を抽出できる
        - **^[A-Z]** は大文字で始まる行にマッチする
        - 郵便番号は ^[0-9]{3}-[0-9]{4}$ で表せる
        """
    )
    items = [i.text for c in note.cards if c.kind == "list" for i in c.back]
    assert items == [
        "grep '^[#;]' でコメント行を抽出できる",
        "^[A-Z] は大文字で始まる行にマッチする",
        "郵便番号は ^[0-9]{3}-[0-9]{4}$ で表せる",
    ]


def test_see_and_参照_as_verbs_still_hide_their_answer() -> None:
    made = fronts(
        """
        ## Caching

        Clients will see **stale data** until the cache TTL expires.

        Linuxのリゾルバは **/etc/resolv.conf** を参照して問い合わせ先を決める。

        **IAM roles** provide temporary credentials through STS (see **AssumeRole**).
        """
    )
    assert made == [
        "Clients will see ［…］ until the cache TTL expires.",
        "Linuxのリゾルバは ［…］ を参照して問い合わせ先を決める。",
        "［…］ provide temporary credentials through STS (see AssumeRole).",
    ]


def test_claims_and_choices_that_open_like_a_signpost_stay() -> None:
    made = fronts(
        """
        ## Load balancing

        Here we will explore why an NLB preserves the client IP address while an ALB does not.

        ## Storage classes

        Let's look at S3 Glacier Deep Archive: the cheapest class, with retrieval in up to 12 hours.

        ## キャッシュ

        ここではセッションの保存先として ElastiCache for Redis を使用します。
        """
    )
    assert made == ["Load balancing", "Storage classes", "キャッシュ"]


def test_tags_as_a_term_with_a_sentence_under_it_is_a_definition() -> None:
    assert fronts(
        """
        ## Elements

        Tags:
        HTML elements are delimited by start and end tags such as p and /p.
        """
    ) == ["Tags"]


def test_a_korean_word_that_opens_like_this_post_is_no_post() -> None:
    assert fronts("## 리전\n\n이번 글로벌 확장으로 **서울 리전**에 가용 영역이 4개가 되었다.\n") == [
        "이번 글로벌 확장으로 ［…］에 가용 영역이 4개가 되었다."
    ]


def test_a_question_label_is_never_the_hidden_answer() -> None:
    assert fronts(
        """
        ## Q&A

        **Q**: There are two stacks growing from **top and bottom**.

        **Q**: Call stack had become the linked list.
        """
    ) == ["Q: There are two stacks growing from ［…］."]


def test_a_colon_inside_quotes_splits_nothing() -> None:
    note, _ = parse(
        """
        ## 作ったもの

        フォルダを開いて、コマンドパレットから"Dev Containers: Reopen in Container"を選択すればコンテナが立ち上がります。

        - "Term": a quoted term still names its definition
        """
    )
    assert [c.front for c in note.cards] == ['"Term"']


def test_a_wrapped_line_ending_on_was_names_no_term_and_my_score_is_the_authors() -> None:
    note, _ = parse(
        """
        ## FOSDEM

        [Generation gaps](https://fosdem.org/2020/schedule/event/generation_gaps/) was
        a talk in the history track, presented in the biggest room.

        ## Login

        Sign in
        Enter your user name and password on the console page.

        ## Metadata

        - My score: 7/10
        - 私の感想: とても良かった
        - Level: advanced, for people who run clusters
        - Room: the main hall, on the ground floor
        """
    )
    made = [c.front for c in note.cards]
    assert "Generation gaps was" not in made and "Sign in" in made
    assert not any(f.endswith(("My score", "私の感想")) for f in made)


def test_the_second_reviews_notes_make_the_cards_a_learner_keeps() -> None:
    """Over-drops and leftovers a review found in the rules above, each as a learner would want it."""
    made = fronts(
        """
        ## 主なリソース

        それでは、主なリソースを順番に見ていきましょう。

        ### Pod

        **Pod** はコンテナをまとめた最小のデプロイ単位。

        ### Service

        **Service** は Pod 群への安定したアクセス先を提供する。

        ## ポータル

        - My Apps: ユーザーが割り当てられたアプリにアクセスするポータル
        - 2.5" SSD: ノートPC向けの小型SSD

        ## SQL

        Group by
        Splits rows into groups by a key.

        ## Java

        **Q:** What does **volatile** guarantee?

        For the full list of flags, see **Appendix B**.

        詳細は **RFC 5280** を参照ください。

        **IAM Identity Center**^[旧 AWS SSO] は複数アカウントへのSSOを提供する。
        """
    )
    assert made == [
        "主なリソース — 2 points",
        "ポータル — 2 points",
        "My Apps",
        '2.5" SSD',
        "Group by",
        "Q: What does ［…］ guarantee?",
        "［…］ は複数アカウントへのSSOを提供する。",
    ]


def test_a_log_under_any_date_header_and_rounds_under_their_own_header() -> None:
    made = fronts(
        """
        ## 取得した資格

        | 取得日 | 資格 | スコア |
        | --- | --- | --- |
        | 2023/04/01 | AWS SAA | 820 |
        | 2023/09/15 | AWS SAP | 790 |

        ## AES

        | Round | Operations |
        | --- | --- |
        | Round 0 | AddRoundKey only |
        | Round 10 | SubBytes, ShiftRows, AddRoundKey (no MixColumns) |

        ## Obsidian

        Tags:
        Machine Learning
        C++, C#, .NET
        """
    )
    assert made == ["AES › Round 0 — Operations", "AES › Round 10 — Operations"]


def test_a_table_of_the_things_its_heading_compares_pairs_them_row_by_row() -> None:
    note, _ = parse(
        """
        ### Python vs JavaScript

        | Python | JavaScript |
        | --- | --- |
        | list | Array |
        | dict | Object / Map |
        """
    )
    got = {c.front: c.back_text for c in note.cards}
    assert got == {
        "Python vs JavaScript › list — JavaScript": "Array",
        "Python vs JavaScript › dict — JavaScript": "Object / Map",
    }


def test_the_blank_column_between_the_two_things_compared_names_the_rows() -> None:
    note, _ = parse(
        """
        ### IPv4 vs IPv6

        | IPv4 IP Address |               | IPv6 IP Address   |
        | --------------- | ------------- | ----------------- |
        | 32 bit (4 byte) | Length        | 128 bit (16 byte) |
        | Decimal         | Number System | Hexadecimal       |

        ### 用語集

        | 用語 | | 意味 |
        | --- | --- | --- |
        | 冪等性 | べきとうせい | 何度実行しても同じ結果 |
        | 疎結合 | そけつごう | 部品の依存が少ない |

        ### Storage Gateway

        | タイプ | | 配置先 | クライアントIF |
        | --- | --- | --- | --- |
        | ファイル | | オンプレ,EC2 | NFS |
        | ボリューム | キャッシュ型 | オンプレ,EC2 | iSCSI |
        """
    )
    got = {c.front: c.back_text for c in note.cards}
    assert got["IPv4 vs IPv6 › Length — IPv4 IP Address, IPv6 IP Address"] == (
        "IPv4 IP Address: 32 bit (4 byte)\nIPv6 IP Address: 128 bit (16 byte)"
    )
    # Under a heading that compares nothing, a blank header is a column like any other (readings, a sub-type).
    assert "用語集 › 冪等性" in got
    assert "Storage Gateway › ファイル — 配置先, クライアントIF" in got


def test_a_row_whose_cells_repeat_its_name_makes_no_card() -> None:
    note, _ = parse(
        """
        ### Modelo de responsabilidad compartida

        | Responsabilidad | IaaS | PaaS | SaaS |
        | --- | --- | --- | --- |
        | **Redes** | Redes | Redes | **Redes** |
        | **Datos** | Cliente | Cliente | Cliente |
        | Ruta | Ruta | - | - |
        """
    )
    got = {c.front: c.back_text for c in note.cards}
    assert "Modelo de responsabilidad compartida › Redes — IaaS, PaaS, SaaS" not in got
    assert got["Modelo de responsabilidad compartida › Datos — IaaS, PaaS, SaaS"] == (
        "IaaS: Cliente\nPaaS: Cliente\nSaaS: Cliente"
    )
    # One cell that repeats the name is still a card: it says where the row applies.
    assert "Modelo de responsabilidad compartida › Ruta — IaaS" in got
    # Without styling, a row that repeats its name says that the forms are the same.
    note, _ = parse(
        """
        ### Irregular verbs

        | Verb | Past | Past participle |
        | --- | --- | --- |
        | go | went | gone |
        | cut | cut | cut |
        """
    )
    assert "Irregular verbs › cut — Past, Past participle" in {c.front for c in note.cards}


def test_a_table_of_sample_data_makes_no_cards() -> None:
    note, _ = parse(
        """
        ### Sample DB snapshot - Orders_archive

        | order_id | order_state | created_at |
        | --- | --- | --- |
        | abc123 | ordered | 2015-10-06T11:54:00.000Z |
        | cse456 | declined | 2015-10-06T10:54:00.000Z |

        ### Order states

        | state | meaning |
        | --- | --- |
        | declined | the payment was refused |
        """
    )
    assert [c.front for c in note.cards] == ["Order states › declined"]


def test_records_of_a_database_table_make_no_cards_and_a_reference_does() -> None:
    note, _ = parse(
        """
        ## SQL OVER

        | sale_day | sale_month | branch | quantity |
        | --- | --- | --- | --- |
        | 2021-08-11 | AUG | New York | 1 |
        | 2021-08-14 | AUG | Paris | 2 |

        ## EC2 instance types

        | instance_type | vcpu_count | memory |
        | --- | --- | --- |
        | t3.micro | 2 | 1 GiB |

        ## HTTP status codes

        | status_code | reason_phrase | meaning |
        | --- | --- | --- |
        | 404 | Not Found | no resource at that URL |
        """
    )
    assert [c.front for c in note.cards] == [
        "EC2 instance types › t3.micro — vcpu_count, memory",
        "HTTP status codes › 404 — reason_phrase",
    ]
