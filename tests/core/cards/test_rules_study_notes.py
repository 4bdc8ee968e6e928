"""Rules for study notes: numbered questions with a labelled solution, principles glossed in other words, the
author's setup sections. Each on small notes in more than one style, with what must still make cards."""

from __future__ import annotations

from devday_tui.core.cards import Trace
from devday_tui.core.cards.questions import is_number_heading, is_restated, is_solution_label, question_line
from tests.core.cards.small_notes import fronts, parse


def dropped_lines(trace: list[Trace], rule: str) -> list[int]:
    return [t.line for t in trace if t.rule == rule and not t.made]


def backs(md: str) -> dict[str, list[str]]:
    out = {}
    for c in parse(md)[0].cards:
        back = c.back
        out[c.front] = [getattr(i, "text", i) for i in back] if isinstance(back, tuple) else back.split("\n")
    return out


# --- a numbered question whose answer is under a label ---------------------------------------------------------

CKA = """
## Question : 1

  Use context: **kubectl config use-context k8s-etcd-context**
  Create snapshot of the etcd running at https://127.0.0.1:2379

  Also, restore the backup from /opt/etcd-snapshot.db.

**Solution :**

1. kubectl config use-context k8s-etcd-context
2. etcdctl snapshot save /srv/data/etcd/etcd-snapshot.db
3. etcdctl snapshot restore /opt/etcd-snapshot.db
"""


def test_question_headings_may_put_a_colon_before_their_number() -> None:
    for heading in ("Question : 1", "Question: 12", "Q17", "問3", "Question 4"):
        assert is_number_heading(heading), heading
    for heading in ("Question : why", "Questions and answers", "Solution : 1 of 3"):
        assert not is_number_heading(heading), heading


def test_a_numbered_question_with_a_solution_label_asks_its_task_and_answers_with_the_solution() -> None:
    note, trace = parse(CKA)
    assert [c.front for c in note.cards] == ["Create snapshot of the etcd running at https://127.0.0.1:2379 — 3 points"]
    back = [i.text for i in note.cards[0].back]  # type: ignore[union-attr]
    assert back[1] == "etcdctl snapshot save /srv/data/etcd/etcd-snapshot.db"
    # The setting line is no card of its own, and the question's paragraphs answer nothing.
    assert not any(c.front.startswith("Use context") for c in note.cards)
    assert any(t.rule == "question" and not t.made for t in trace)


def test_a_solution_in_a_paragraph_answers_the_question() -> None:
    md = """
    ### 問5
    次のうち、可用性を高める構成を答えよ。

    **解答**

    マルチAZ構成にする。
    """
    assert backs(md) == {"次のうち、可用性を高める構成を答えよ。": ["マルチAZ構成にする。"]}


def test_without_a_solution_label_the_numbered_question_is_read_as_before() -> None:
    md = """
    ## 17.
    What does DNS resolve?
    Names to IP addresses.
    """
    assert backs(md) == {"What does DNS resolve?": ["Names to IP addresses."]}


def test_solution_labels_and_question_lines() -> None:
    for label in ("**Solution :**", "Answer", "解答", "解説：", "**Answers**"):
        assert is_solution_label(label), label
    for text in ("Answer: B", "Solution architecture", "解答は B"):
        assert not is_solution_label(text), text
    assert question_line("Namespace: web\nCreate a pod named nginx") == "Create a pod named nginx"
    assert question_line("Create a pod named nginx\nNamespace: web") == "Create a pod named nginx"
    assert question_line("Namespace: web") == "Namespace: web"


# --- a principle glossed in other words -------------------------------------------------------------------------

PRINCIPLES = """
### Security
- **Implement a strong identity foundation**: Use IAM roles and policies for secure access management.
- **Enable traceability**: Track and monitor all actions and changes within the environment.
- **Apply security at all layers**: Implement security measures at every layer (network, application, data).
- **Automate security best practices**: Use automation to enforce security policies and procedures.
"""


def test_principles_glossed_in_other_words_make_one_card_of_their_names() -> None:
    note, trace = parse(PRINCIPLES)
    assert [c.front for c in note.cards] == ["Security — 4 points"]
    assert [i.text for i in note.cards[0].back] == [  # type: ignore[union-attr]
        "Implement a strong identity foundation",
        "Enable traceability",
        "Apply security at all layers",
        "Automate security best practices",
    ]
    assert sum(1 for t in trace if t.rule == "restated" and not t.made) == 4


def test_terms_and_facts_are_no_principles() -> None:
    md = """
    ## EC2
    - **Spot Instances**: Use spare capacity at up to 90% off.
    - **Enable MFA**: The root user should have MFA enabled.
    - **Scale out**: Adds instances; scale up makes one instance bigger.
    - **Use case**: Batch jobs that can be interrupted.
    - **Use IAM roles**: Use them instead of access keys. Keys in code leak.
    """
    made = fronts(md)
    assert all(f in made for f in ("Spot Instances", "Enable MFA", "Scale out", "Use IAM roles")), made
    assert not is_restated("Spot Instances", "Use spare capacity at up to 90% off.")  # a name, not an instruction
    assert not is_restated("Enable MFA", "The root user should have MFA enabled.")  # a statement, not an instruction
    assert not is_restated("Use IAM roles", "Use them instead of access keys. Keys in code leak.")  # two sentences
    assert is_restated("Regularly test recovery", "Run game days to test recovery procedures.")
    assert is_restated("Apply security at all layers", "Implement security measures at every layer.")
    assert not is_restated("セキュリティを自動化する", "Use automation to enforce policies.")


# --- the author's setup ------------------------------------------------------------------------------------------


def test_the_authors_setup_makes_no_cards_in_either_language() -> None:
    md = """
    ## 実行環境
    - macOS Monterey 12.1
    - Python 3.11

    ## My setup
    - Neovim with LSP
    - tmux

    ## 勉強資料
    - ホワイトペーパー
      - AWS Well-Architected フレームワーク
    - 黒本

    ## 構成
    - ALB
    - EC2 ×2
    """
    assert fronts(md) == ["n › 構成 — 2 points"]  # (an aspect of the note: its title goes before it)


# --- an exam guide's numbered objectives, a course's outline -------------------------------------------------------


def test_numbered_objectives_make_no_card_in_either_language() -> None:
    md = """
    ## 出題範囲
    ### 分野 2: パフォーマンスに優れたアーキテクチャを定義する 24%
      * 2.1 パフォーマンスの高いストレージとデータベースを選択する。
      * 2.2 キャッシュを使用してパフォーマンスを向上させる。
    ### 分野 5: オペレーショナルエクセレンスを備えたアーキテクチャを定義する 6%
      * 5.1 オペレーショナルエクセレンスを実現するソリューションの設計特性を選択する

    ## Domain 1
    - Task Statement 1.1: Design secure access to AWS resources
    - Task Statement 1.2: Design secure workloads and applications

    ## Chapter 3
    - 3.1 TCP: connection-oriented
    - 3.2 UDP: connectionless
    """
    note, trace = parse(md)
    made = [c.front for c in note.cards]
    assert {"TCP", "UDP"} <= set(made)  # a chapter's number is no part of its terms
    assert not any("分野" in f or "Task" in f or "Domain" in f for f in made), made
    assert sum(1 for t in trace if t.rule == "objectives" and not t.made) == 5


def test_a_course_outline_makes_no_card_but_the_notes_under_its_lectures_do() -> None:
    md = """
    ### VPC関連のハンズオン
      * VPCとサブネットを設定する（ハンズオン）
      * ネットワークACL(ハンズオン)
      * VPC Flow logs
      * VPCのまとめ
      * 小テスト VPCテスト

    ### EC2の概要
      * EC2でWEBサーバーを立ち上げる(ハンズオン)
      * Elastic IPの設定(ハンズオン)
        + 再起動してもIPアドレスが維持される
        + 利用していない場合に課金される
      * ハードウェア占有インスタンスとDedicatedHosts
        + 専用ハードウェアが提供される
        + 課金単位も異なる

    ### EBS
      * EBSの概要
        + インスタンスに接続するとOSから認識されるブロックストレージ
      * AMIとSnapshotの活用(ハンズオン)
        + AMI(Amazon Machine Image)
          - EBSのスナップショットにルートボリュームの情報を加えたもの
    """
    made = fronts(md)
    assert "VPC関連のハンズオン — 5 points" not in made and "EC2の概要 — 3 points" not in made
    assert "EC2の概要 › Elastic IPの設定 — 2 points" in made  # the marker goes from the front
    assert "EC2の概要 › ハードウェア占有インスタンスとDedicatedHosts — 2 points" in made
    assert backs(md)["AMI(Amazon Machine Image)"] == ["EBSのスナップショットにルートボリュームの情報を加えたもの"]
    assert not any("ハンズオン" in f for f in made)


def test_one_exercise_in_a_list_of_topics_is_no_outline() -> None:
    md = """
    ## Lambda
    - Cold start
      - The first call of a new instance loads the runtime
    - Layers
      - Shared libraries for several functions
    - Build a function (Hands-on)
    """
    assert "Lambda — 3 points" in fronts(md)


# --- an arrow between two names is an edge of a diagram -------------------------------------------------------------


def test_an_arrow_between_two_service_names_is_no_definition() -> None:
    md = """
    ## 構成
    - ELB
      - EC2 → S3
      - EC2 → RDS
    - None → Disabled
    - 冗長化 → 可用性が上がる
    """
    made = fronts(md)
    assert "EC2" not in made
    assert "None" in made and "冗長化" in made


def test_an_exam_guides_gerund_tasks_are_objectives_and_its_notes_stay() -> None:
    md = """
    ## 2.4 Planning and configuring network resources. Tasks include:
    * Differentiating load balancing options
    * Identifying resource locations in a network for availability
    * Configuring Cloud DNS

    ## Observability
    * Logging
    * Monitoring
    * Tracing

    ## 1.1 Setting up cloud projects. Activities include:
    * Creating projects
        * Select a Project, then click New Project
        * Name it and pick the billing account
    """
    made = fronts(md)
    assert not any(f.startswith("2.4") for f in made), made
    assert "Observability — 3 points" in made  # single gerund words are features, not tasks
    assert "Creating projects — 2 points" in made or any("Creating projects" in f for f in made), made


# --- impressions -------------------------------------------------------------------------------------------------


def test_a_heading_whose_head_noun_is_an_impression_is_chatter() -> None:
    md = """
    ## 簡単な感想
    - mattnさんを見れる貴重な経験ができた
    - kube-awsの動向ウォッチしてくぞ

    ## 感想戦の進め方
    - 対局後に一手ずつ振り返る
    - 悪手の代わりを検討する
    """
    made = fronts(md)
    assert not any("簡単な感想" in f for f in made), made
    assert "感想戦の進め方 — 2 points" in made  # 感想 opens this heading: it is the subject


def test_a_remark_spoken_to_the_reader_is_an_impression() -> None:
    from devday_tui.core.cards.impressions import is_impression

    assert is_impression("レガシーコードは改善しないとあとあと大変になるからね・・・。")
    assert is_impression("このあたりは本番でも使えるのかな")
    assert not is_impression("かなり高速になる")
    assert not is_impression("S3 はオブジェクトストレージ。耐久性は 99.999999999%。")


# --- a field under each heading ------------------------------------------------------------------------------------


def test_a_term_defined_under_three_headings_is_a_field_of_each() -> None:
    md = """
    # AWS Support Plans
    ## 1. Basic Support
    - **Cost**: Free
    ## 2. Developer Support
    - **Cost**: Starting at $29 per month
    ## 3. Business Support
    - **Cost**: Starting at $100 per month

    ## EBS
    - gp2: IOPS tied to size
    ## Exam tips
    - gp2: burst to 3,000 IOPS
    """
    got = backs(md)
    assert got["2. Developer Support › Cost"] == ["Starting at $29 per month"]
    assert got["3. Business Support › Cost"] == ["Starting at $100 per month"]
    assert got["gp2"] == ["IOPS tied to size", "burst to 3,000 IOPS"]  # twice: still one term


def test_remarks_on_the_exam_and_the_authors_to_do_are_left_out() -> None:
    md = """
    # Cognito / Cognito Sync
    - Two questions on AWS Cognito Syncing and data management.
    - Cognito was included in many questions
    - Remember that Cognito is the preferred Federation method for mobile.

    # TODO
    - Trunk port
    - IEEE 802.1Q

    # Questions about VPC
    - A NAT gateway lets private subnets reach the internet
    - A VPC endpoint keeps S3 traffic inside AWS
    """
    got = backs(md)
    assert got["Cognito / Cognito Sync — 1 point"] == [
        "Remember that Cognito is the preferred Federation method for mobile."
    ]
    assert not any("TODO" in f for f in got)
    assert "Questions about VPC — 2 points" in got  # a heading is no remark on the exam
    from devday_tui.core.cards.questions import is_exam_remark

    assert is_exam_remark("CloudFormation does show up in the exam including intrinsic functions")
    assert is_exam_remark("S3 は3問出題された")
    assert not is_exam_remark("The exam costs $150")
    assert not is_exam_remark("Questions are answered by the FAQ bot")


def test_an_attendees_agreement_and_excitement_are_impressions() -> None:
    from devday_tui.core.cards.backs import is_thin
    from devday_tui.core.cards.impressions import is_impression

    assert is_impression("エンジニアがUIデザインもすべきという点は同意。協力して実装するのが理想ですね")
    assert is_impression("OSS開発欲がすごい刺激された")
    assert is_impression("主催してみるのも面白そう。引き継ぎ大事。")
    assert is_impression("そのまま参考書にして売れるのでは")
    assert is_impression("今やっているプロダクトと方向性が似ているので相性が良さそう")
    assert not is_impression("S3 はすごい速度でスケールする")
    assert not is_impression("Lambda が Python 3.12 に対応しました")
    assert not is_impression("設定を変更すると再起動が必要になる")
    assert is_thin("from Koichiro Nishijima") and is_thin("by @jsmith")
    assert not is_thin("from the S3 bucket to Glacier")


def test_the_talks_attended_and_questions_without_answers_make_no_card() -> None:
    md = """
    ## 聞いた発表
    - OSS は Windows で動いてこそ楽しい
    - php.iniについて知る
    - Kubernetes on AWS
      - kube-aws でクラスタを作る
      - etcd は3台構成

    ## 3-3-5. データベース応用
    - OLTPとOLAPの違いは。
    - データウェアハウスは、関係データベースから何をして作られるか。
    - ファクトテーブルとは。
    """
    assert fronts(md) == ["聞いた発表 › Kubernetes on AWS — 2 points"]


def test_hedged_advice_is_no_impression() -> None:
    from devday_tui.core.cards.impressions import is_impression

    assert not is_impression(
        "スケーリングの問題を解消するためにも、RDS などのスケールがしづらいサービスを避けたほうがよいかも。"
    )


def test_a_points_card_shows_a_short_value_beside_its_term() -> None:
    md = """
    #### RIPv1
    - maximum hop count: 15
    - update interval: 30 seconds
    - timers: the router sends its whole table to each neighbour on every update interval
    - loops
      - can loop back to original router
      - split horizon stops them
    """
    got = backs(md)
    assert got["RIPv1 — 4 points"] == ["maximum hop count: 15", "update interval: 30 seconds", "timers", "loops"]
    assert got["maximum hop count"] == ["15"]


def test_a_translation_is_no_definition_but_an_acronyms_expansion_is() -> None:
    from devday_tui.core.cards.backs import is_translation

    assert is_translation("Quality", "品質") and is_translation("安全性", "セキュリティ")
    assert is_translation("バックアップとリストア", "backup and restore")
    assert not is_translation("MFA", "多要素認証")
    assert not is_translation("ユーザ自身で作成", "セキュリティグループ")
    assert not is_translation("Quality", "要求を満たす度合い。テストで測る")
    md = """
    ## 荒ぶる四天王
    - Quality: 品質
    - MFA: 多要素認証
    """
    assert "Quality" not in fronts(md) and "MFA" in fronts(md)


def test_a_name_in_a_list_explained_by_the_quote_under_it_is_a_definition() -> None:
    md = """
    ## H29S P10
    キャッシュメモリと主記憶の同期をとるための方式として、ライトバックとライトスルーがあります。
    - ライトバック
    > キャッシュメモリだけに書き込み、追い出されるときに主記憶へ書き込む方式
    - ライトスルー
    > キャッシュメモリと同時に主記憶にも書き込む方式
    > データの整合性は得られるが処理速度は低下する

    ## Quotes
    - A quote apart from its list

    > is no explanation of it
    """
    got = backs(md)
    assert got["ライトバック"] == ["キャッシュメモリだけに書き込み、追い出されるときに主記憶へ書き込む方式"]
    assert got["ライトスルー"] == [
        "キャッシュメモリと同時に主記憶にも書き込む方式",
        "データの整合性は得られるが処理速度は低下する",
    ]
    assert "A quote apart from its list" not in got


def test_a_checklist_topic_with_notes_under_it_is_a_bullet_and_a_bare_task_is_a_to_do() -> None:
    md = (
        "## Core Concepts\r\n- [ ] **Entra Tenant**\r\n  - Default domain: something.onmicrosoft.com\r\n"
        "  - Subscriptions trust a particular tenant\r\n- [ ] write the summary\r\n- [x] read chapter 3\r\n"
    )
    note, trace = parse(md)
    made = [c.front for c in note.cards]
    assert "Core Concepts › Entra Tenant — 2 points" in made and "Default domain" in made
    assert not any("summary" in f or "chapter" in f for f in made)
    assert sum(1 for t in trace if t.rule == "todo" and not t.made) == 2


# --- exam write-ups, embedded posts, Obsidian fields ---------------------------------------------------------------


def test_an_exam_write_ups_background_scores_and_logistics_make_no_cards() -> None:
    md = """
    # AWS Certified Solutions Architect - Associateを取得した
    - 続きの記事: AWS Certified Solutions Architect - Professionalを取得した

    ## 学習開始時点の知識
    - 実務経験
    - IT系保有資格

    ## 試験概要
    - 試験時間: 130分
    - 問題数: 65問

    ## 過去問
    | 模擬試験 | 得点 |
    | --- | --- |
    | 模擬試験④ | 95% |

    ## S3
    - S3 Glacier Deep Archive: 最も安いアーカイブ用ストレージクラス
    """
    assert fronts(md) == ["S3 Glacier Deep Archive"]


def test_an_embedded_post_a_dataview_field_and_a_callout_named_by_its_type() -> None:
    md = """
    Date:: 2022-08-15 Monday

    ## Talk
    <blockquote class="twitter-tweet"><p lang="ja">俺の登壇、会社に認知されてへんくて草</p>&mdash; task (@getupmax) <a href="https://twitter.com/x">June 4, 2023</a></blockquote>

    - Rubyによるたのしいユーザー基盤再構築: @moro
    - Sidekiq: Redis を使うジョブキュー

    ## VPC
    > [!VPC Peering]
    > Allows connectivity between two VPCs

    > [!definition]
    > Amazon Kinesis collects and processes streams in real time.
    """
    made = fronts(md)
    assert "Date" not in made and not any("俺の登壇" in f for f in made)
    assert "Rubyによるたのしいユーザー基盤再構築" not in made and "Sidekiq" in made
    assert "VPC Peering" in made and "definition" not in made


def test_an_events_hashtags_homework_and_retrospective_make_no_cards() -> None:
    md = """
    ## 情報
    - ハッシュタグ: #KUG2

    ## 宿題
    - Ruby Is Nice so We Are Nice - @kakutani

    ## 振り返り
    - 登壇駆動でやると、やるしかないので良い

    ## goroutine
    - チャネル: goroutine 間で値を受け渡す
    """
    assert fronts(md) == ["チャネル"]


def test_an_item_that_only_names_its_figure_is_left_out() -> None:
    md = """
    ## VPC Endpoints
    - diagram
    \t![[Pasted image 20250317182423.png]]
    - Gateway endpoints: S3 and DynamoDB only
    - Interface endpoints: an ENI with a private IP
    """
    got = backs(md)
    assert got["VPC Endpoints — 2 points"] == [
        "Gateway endpoints: S3 and DynamoDB only",
        "Interface endpoints: an ENI with a private IP",
    ]


def test_an_exam_overviews_details_and_study_tips_make_no_cards() -> None:
    md = """
    ## 📋 Exam Information
    ### Basic Details
    - Number of Questions: Approximately 50 questions
    - Question Format: Multiple choice and multiple select

    ## Study tips
    - CKA with Practice Tests by Mumshad Mannambeth

    ## お世話になった書籍
    - 情報処理教科書 出るとこだけ！
      - ページ数: 568 ページ

    ## Compute Engine
    - Preemptible VM: runs at most 24 hours
    """
    assert fronts(md) == ["Preemptible VM"]


def test_a_japanese_sentence_cut_by_a_line_break_is_no_term() -> None:
    md = """
    ## エバンジェリスト
    エバンジェリストっていうロールは技術 x マーケティングの領域を
    押さえる必要があるとのこと。

    ## No.21
    privateで修飾されたメソッドは、同一クラス外からはアクセスできないこと
    がポイントです。

    ## プロセス
    スケジューラとは
    CPU を割り当てるプロセスを選ぶ仕組み
    """
    made = fronts(md)
    assert not any(f.endswith(("を", "こと")) for f in made), made
    assert "スケジューラとは" in made


def test_a_bold_name_with_a_long_aside_labels_the_list_after_it() -> None:
    md = """
    ### Scalability
    - Ability to adjust resources to meet demand.
    - Scale up or down.

    **Reliability**(Part of Microsoft Azure Well-Architected Framework)
    - Ability of a system to recover from failures and continue to function.
    - The cloud has a decentralized design.
    """
    got = backs(md)
    assert got["Scalability — 2 points"] == ["Ability to adjust resources to meet demand.", "Scale up or down."]
    assert got["Reliability — 2 points"][0] == "Ability of a system to recover from failures and continue to function."


def test_the_word_question_opening_an_item_is_no_question_marker() -> None:
    from devday_tui.core.cards.terms import strip_qa

    assert strip_qa("question. Aliases: help, faq") == ("question. Aliases: help, faq", False)
    assert strip_qa("Question 3. What is X?") == ("What is X?", True)
    assert strip_qa("Q: what is X?") == ("what is X?", True)


def test_a_table_row_whose_cell_is_only_a_url_makes_no_card() -> None:
    md = """
    ## 発表
    |項目|詳細|
    |-----|-----|
    |公式ページ|https://pycon.jp/2017/ja/schedule/presentation/38/|
    |発表者|Sho Yokoyama|
    |形式|セッション 30分|
    """
    made = fronts(md)
    assert not any("公式ページ" in f for f in made) and any("形式" in f for f in made)


def test_the_authors_background_then_and_a_closing_heading_with_a_remark_make_no_cards() -> None:
    md = """
    ## 結論
    - 当時 保有資格: なし
    - 当時のエンジニア歴: 4 年

    ## 終わりに（感想など）
    - Yahoo社さんはWe Are Hiringということで、情報はこちらから

    ## 暗号
    - 共通鍵暗号: 暗号化と復号に同じ鍵を使う
    """
    assert fronts(md) == ["共通鍵暗号"]


def test_the_impression_end_patterns_last_letters_cover_every_text_it_matches() -> None:
    from devday_tui.core.cards.impressions import _END_LAST, _END_MARKS, _IMPRESSION_END_RE, _SPOKEN_ENDS

    texts = ["楽しかったなー", "すごいｗｗ", "草www!"]
    texts += [f"本文{word}{tail}" for word in _SPOKEN_ENDS for tail in ("", "です", *_END_MARKS, "です。", "！！")]
    for text in texts:
        if _IMPRESSION_END_RE.search(text, max(0, len(text) - 8)):
            assert text[-1] in _END_LAST, text
    assert sum(1 for t in texts if _IMPRESSION_END_RE.search(t, max(0, len(t) - 8))) > len(_SPOKEN_ENDS) * 5


def test_a_comparison_of_names_alone_and_a_minus_sign_make_no_cards() -> None:
    md = """
    ## PUT メソッドと PATCH メソッドの違い
    - PUT メソッド: リソース全体を置き換える。送らなかった項目は消える
    - PATCH メソッド: リソースの一部だけを更新する。送った項目だけが変わる

    ## Ethernet
    - 64 bytes - 18 bytes (header + trailer size) = 46 bytes
    - MTU: 1500 bytes
    """
    made = fronts(md)
    assert "PUT メソッド" in made and "PATCH メソッド" in made
    assert not any("違い —" in f for f in made) and "64 bytes" not in made


def test_a_numbered_question_in_a_list_and_a_lone_study_reminder() -> None:
    md = """
    ## Exam 0.3
    * Question 23:
        Matthew is running a write operation and the state file is locked.
        If Bob runs terraform state list, will this action be allowed or blocked?
        * Allowed

    ## Consistency Models
    - Understand the difference between strongly consistent and eventually consistent reads
    """
    got = backs(md)
    (front,) = [f for f in got if f.startswith("Matthew")]
    assert front.endswith("allowed or blocked?") and got[front] == ["Allowed"]
    assert "Question 23" not in got and not any(f.startswith("Consistency Models") for f in got)


# --- a label at the left margin between indented plain-text bullets ----------------------------------------------


def test_a_line_left_of_the_bullets_above_it_labels_the_next_list() -> None:
    assert backs(
        """
        ## TCP と UDP

        TCP
        　・コネクション型
        　・再送制御、順序制御あり
        UDP
        　・コネクションレス型
        　・動画配信、DNS、VoIP など
        """
    ) == {
        "TCP — 2 points": ["コネクション型", "再送制御、順序制御あり"],
        "UDP — 2 points": ["コネクションレス型", "動画配信、DNS、VoIP など"],
    }


def test_a_line_after_a_comma_goes_on_with_the_sub_bullet_however_far_left() -> None:
    got = backs(
        """
        ## CORS

        - CORS = オリジン間リソース共有
          - 追加のHTTPヘッダーを使用して、あるオリジンで動作しているアプリケーションに、
        異なるオリジンにあるリソースへのアクセス権を与える仕組み
          - 異なるオリジンへのアクセスを制限して脆弱性を防ぐ
        """
    )
    assert got["CORS"][1].strip() == (
        "追加のHTTPヘッダーを使用して、あるオリジンで動作しているアプリケーションに、"
        "異なるオリジンにあるリソースへのアクセス権を与える仕組み"
    )


def test_a_label_after_a_line_ending_in_a_comma_still_labels_the_next_list() -> None:
    assert backs(
        """
        ## Protocols

        TCP
          - connection-oriented, reliable,
        UDP
          - connectionless
          - no retransmission

        ## 認証

        セッション
          - サーバ側で状態を持つ、
        JWT
          - トークン自体に情報を持つ
          - 署名で改ざんを検知する
        """
    ) == {
        "TCP — 1 point": ["connection-oriented, reliable,"],
        "UDP — 2 points": ["connectionless", "no retransmission"],
        "セッション — 1 point": ["サーバ側で状態を持つ、"],
        "JWT — 2 points": ["トークン自体に情報を持つ", "署名で改ざんを検知する"],
    }


def test_a_line_wrapped_under_a_bullet_at_the_margin_stays_part_of_it() -> None:
    wrapped = backs(
        """
        ## Replication

        Modes
        - synchronous replication waits for
        every follower to confirm the write
        - asynchronous replication does not wait
        """
    )
    assert wrapped == {
        "Modes — 2 points": [
            "synchronous replication waits for every follower to confirm the write",
            "asynchronous replication does not wait",
        ]
    }
    nested = backs(
        """
        ## Replication

        - Modes
          - synchronous replication waits for
          every follower to confirm the write
          - asynchronous replication does not wait
        """
    )
    assert nested["Replication › Modes — 2 points"][0] == (
        "synchronous replication waits for every follower to confirm the write"
    )


# --- a table whose columns are lists --------------------------------------------------------------------------------


def test_a_table_whose_first_column_ends_early_is_a_list_per_column() -> None:
    md = """
    ## Summary

    | Cloud Storage    | BigTable           | BigQuery              |
    |------------------|--------------------|-----------------------|
    | Durable          | Sparsely Populated | Structured analytical |
    | Highly Available | Low Latency        | Pay for what you use  |
    | -                | NoSQL database     |                       |
    """
    assert backs(md) == {
        "n › Summary › Cloud Storage — 2 points": ["Durable", "Highly Available"],
        "n › Summary › BigTable — 3 points": ["Sparsely Populated", "Low Latency", "NoSQL database"],
        "n › Summary › BigQuery — 2 points": ["Structured analytical", "Pay for what you use"],
    }
    # A table of rows keeps its rows: a row without a value in a middle cell is still a row.
    rows = backs(
        """
        ## Volumes

        | Type | Media | Burst |
        |------|-------|-------|
        | gp3  | SSD   | -     |
        | sc1  | HDD   | 250   |
        """
    )
    assert list(rows) == ["Volumes › gp3 — Media", "Volumes › sc1 — Media, Burst"]


def test_numbered_steps_that_go_on_after_a_code_block_are_one_list() -> None:
    md = """
    ## Steps to bind the role

    1. Create the binding file

    ```yaml
    kind: RoleBinding
    ```

    2. Apply the binding file
    3. List the pods as the dev user
    """
    assert backs(md) == {
        "Steps to bind the role — 3 steps, in order": [
            "Create the binding file",
            "Apply the binding file",
            "List the pods as the dev user",
        ]
    }
    # A list numbered from 1 again after the code is a list of its own.
    assert len(backs(md.replace("2. Apply", "1. Apply").replace("3. List", "2. List"))) == 2


def test_a_dash_inside_a_bold_name_is_part_of_it() -> None:
    md = """
    ## FIFO Queue
    - **First In - First Out** - not available in all regions
    - **Leader failure: failover.** A follower is promoted.
    - **単純ループ →** O(n)
    """
    got = backs(md)
    assert got["単純ループ"] == ["O(n)"]
    assert got["First In - First Out"] == ["not available in all regions"]
    assert got["Leader failure"] == ["failover. A follower is promoted."]


def test_a_table_whose_columns_do_not_line_up_is_no_text_to_learn() -> None:
    md = """
    ## SLM
    - SLM 開発元の特徴
      |モデル群|スケーリング|特徴 |
      |-----------|-----------|--|-----------------|
      |Gemma(Google)|1B~27B|小規模～中規模モデル|
    - Phi: Microsoft の小規模モデル
    """
    assert list(backs(md)) == ["Phi"]


def test_example_values_math_and_embeds_make_no_terms() -> None:
    md = """
    ## 稼働率
    Aシステム稼働率：x
    Bシステム稼働率：y

    ## Huffman
    $$z.freq = x.freq + y.freq$$
    Let $T'$ be any tree representing an optimal prefix code.

    ## Envoy
    [https://speakerdeck.com/taiki45/understanding-envoy:embed]

    ## Domain 3: 移行の計画 (15%)
    - クラウドへの移行が可能な既存のワークロードを選択
    - 新規の移行先ソリューションに適した移行ツールを選択
    """
    assert backs(md) == {}


def test_an_examples_data_table_makes_no_cards_and_steps_go_on_after_it() -> None:
    md = """
    ## Building a Huffman tree

    We follow the steps below to build the tree:

    1. Count how many times each letter occurs, for example:

    | Alphabet | How many of it in data? |
    | -------- | ----------------------- |
    | A        | 2                       |
    | B        | 3                       |
    | C        | 5                       |

    2. Sort them by how many times they occur
    3. Merge the two nodes of lowest frequency
    """
    got = backs(md)
    assert list(got) == ["We follow the steps below to build the tree — 3 steps, in order"]
    # A table of things named by one letter with words to say of them is a table of facts.
    assert backs(
        """
        ## DNS records
        | Type | Meaning |
        |---|---|
        | A | IPv4 address of a host |
        | MX | mail server of a domain |
        | NS | name server of a zone |
        """
    )["DNS records › A"] == ["IPv4 address of a host"]


def test_a_bullet_left_as_text_and_a_dash_with_nothing_after_it_stay_out_of_a_term() -> None:
    md = """
    ## Failure
    Define failure:
    \t- System operating outside specified parameters
    \t- In reality though - users are complaining.

    ## Layout
    **Multi-column layout** —
    The multi-column layout properties lay out a block's content in columns.
    """
    got = backs(md)
    assert got["In reality though"] == ["users are complaining."]
    assert got["Multi-column layout"] == ["The multi-column layout properties lay out a block's content in columns."]


def test_a_table_column_longer_than_the_line_limit_is_cut_in_parts() -> None:
    rows = "\n".join(f"| item{i} | value{i} |" for i in range(14))
    got = backs(f"## Services\n| A | B |\n|---|---|\n{rows}\n| - | last |\n")
    assert list(got) == [
        "Services › A (1/2) — 7 points",
        "Services › A (2/2) — 7 points",
        "Services › B (1/2) — 8 points",
        "Services › B (2/2) — 7 points",
    ]
    assert max(len(v) for v in got.values()) <= 12


def test_a_list_of_seven_sentences_makes_no_card_thirteen_are_cut_in_parts_and_seven_names_are_one() -> None:
    def sentences(n: int) -> str:
        return "".join(f"- Sentence number {k} says something long enough to count\n" for k in range(n))

    names = "".join(f"- Name {k}\n" for k in range(7))
    note, trace = parse(f"## Shuffle sharding\n{sentences(7)}\n## Services\n{names}\n## Retries\n{sentences(13)}")
    assert [c.front for c in note.cards] == [
        "Services — 7 points",
        "Retries (1/3) — 5 points",
        "Retries (2/3) — 5 points",
        "Retries (3/3) — 3 points",
    ]
    assert ("split-long", False, "'Shuffle sharding': 7 sentences, too many to recall as one card") in [
        (t.rule, t.made, t.what) for t in trace
    ]


def test_two_headings_defining_the_same_terms_are_a_comparison_of_fields() -> None:
    md = """
    ## OLTP
    - Main Read Pattern: small number of records per query, fetched by key
    - Primary used by: end user
    - Dataset Size: gigabytes to terabytes
    ## OLAP
    - Main Read Pattern: aggregate over a large number of records
    - Primary used by: internal analyst
    - Dataset Size: terabytes to petabytes
    ## Volumes
    - gp2: IOPS tied to size
    ## Exam tips
    - gp2: burst to 3,000 IOPS
    """
    note, trace = parse(md)
    assert [c.front for c in note.cards] == [
        "OLTP › Main Read Pattern",
        "OLTP › Primary used by",
        "OLTP › Dataset Size",
        "OLAP › Main Read Pattern",
        "OLAP › Primary used by",
        "OLAP › Dataset Size",
        "gp2",
    ]
    assert [t.line for t in trace if t.rule == "points" and not t.made] == [2, 6]


def test_a_recap_defining_the_same_terms_again_is_no_comparison() -> None:
    md = """
    ## EBS volume types
    - gp2: IOPS tied to size
    - gp3: IOPS set apart from size
    - io1: provisioned IOPS
    ## Exam tips
    - gp2: burst to 3,000 IOPS
    - gp3: 20% cheaper than gp2
    - io1: for databases
    """
    note, _ = parse(md)
    assert [c.front for c in note.cards if c.kind == "definition"] == ["gp2", "gp3", "io1"]


# --- a question under its own heading, answered under the next ------------------------------------------------


def test_a_question_heading_answered_under_the_next_heading_is_one_card() -> None:
    note, trace = parse(
        """
        #### 問題
        xfs_fsrコマンドで、/etc/mtabファイルを参照して
        デフラグを実施するためのオプションは？

        + -r /etc/mtab
        + -m /etc/mtab
        + -f /etc/mtab

        #### 回答
        正解 : -m /etc/mtab

        mtab はデバイスのマウント情報を記録したファイル。

        #### 問題
        プロンプトの表示文字列が設定されている環境変数は？

        + PROMPT
        + PS1

        #### 回答
        正解 : PS1
        """
    )
    cards = [(c.front, c.back) for c in note.cards]
    assert cards == [
        (
            "xfs_fsrコマンドで、/etc/mtabファイルを参照してデフラグを実施するためのオプションは？",
            "-m /etc/mtab\nmtab はデバイスのマウント情報を記録したファイル。",
        ),
        ("プロンプトの表示文字列が設定されている環境変数は？", "PS1"),
    ]
    assert [t.line for t in trace if t.rule == "question" and t.made] == [10, 21]


def test_an_answer_that_is_only_an_options_key_shows_the_option_it_names() -> None:
    note, _ = parse(
        """
        ## 問題
        ROC曲線の説明として，適切なものはどれか。

        ```
        ア：真陽性率と偽陽性率の関係を示す曲線である。
        イ：真陽性率と適合率の関係を示す曲線である。
        ```

        ## 解答
        ア

        ## 問題
        次のうち正しいものはどれか。

        ![選択肢](choices.png)

        ## 解答
        ウ
        """
    )
    assert [(c.front, c.back) for c in note.cards] == [
        ("ROC曲線の説明として，適切なものはどれか。", "ア：真陽性率と偽陽性率の関係を示す曲線である。")
    ]


def test_an_options_explanation_under_its_key_alone_is_no_card() -> None:
    note, trace = parse(
        """
        ## 解説

        ア：正しい。ビットマスクの255を2進数で表すと「11111111」になる。

        イ：ビットマスクの256を2進数で表すと「1 00000000」になるため誤り。

        - AND: 両方が1のときだけ1
        - OR: どちらかが1なら1
        """
    )
    assert not {"ア", "イ"} & {c.front for c in note.cards}
    assert [t.line for t in trace if t.rule == "choice-question" and not t.made] == [3, 5]


def test_a_japanese_line_cut_at_a_particle_is_no_term_over_the_next_line() -> None:
    note, _ = parse(
        """
        ## マウント

        一般的にUSBメモリをPCに接続すると
        `D:` や `E:` ドライブとして認識される。

        しかし、Linuxにはドライブレターという
        概念がない。

        大事なこと
        パーティションにファイルシステムを作成してからマウントする。
        """
    )
    assert [c.front for c in note.cards] == ["大事なこと"]


def test_an_example_or_exercise_word_in_other_languages_takes_its_heading() -> None:
    fronts_ = fronts(
        """
        ## Regra geral

        Por exemplo:
        - Personagem tem 255 de STR
        - Armadura tem 8% de STR

        ## Amdahl

        Klausuraufgabe:
        - Verbesserung um Faktor 10
        - Verbesserung um Faktor 2
        """
    )
    assert fronts_ == ["Regra geral › Por exemplo — 2 points", "Amdahl › Klausuraufgabe — 2 points"]


def test_an_aside_word_in_portuguese_or_spanish_makes_no_card() -> None:
    note, trace = parse(
        """
        ## Regra geral

        Observação: As informações são baseadas no que os jogadores descobriram.

        Observación: la información puede no ser exacta.
        """
    )
    assert note.cards == []
    assert [t.line for t in trace if t.rule == "aside"] == [3, 5]


def test_an_answer_of_one_letter_or_figure_is_kept_when_no_option_has_that_key() -> None:
    note, _ = parse(
        """
        ## Question
        Which language was Unix rewritten in, in 1973?

        ## Answer
        C

        ## 問題
        1バイトは何ビット？

        ## 回答
        8
        """
    )
    assert [(c.front, c.back) for c in note.cards] == [
        ("Which language was Unix rewritten in, in 1973?", "C"),
        ("1バイトは何ビット？", "8"),
    ]


def test_options_written_as_a_list_give_the_text_of_the_key_answered() -> None:
    note, _ = parse(
        """
        ## Question
        Which service provides DNS?

        - A. Route 53
        - B. CloudFront
        - C. Amazon VPC

        ## Answer
        A
        """
    )
    assert [(c.front, c.back) for c in note.cards] == [("Which service provides DNS?", "A：Route 53")]


def test_a_question_over_code_it_needs_is_not_cut_from_its_code() -> None:
    note, _ = parse(
        """
        ## 問題
        次のコードを実行したときの出力は？

        ```python
        print(len("abcdef") * 2)
        ```

        ## 回答
        正解 : 12
        """
    )
    assert "次のコードを実行したときの出力は？" not in [c.front for c in note.cards]


def test_a_question_answered_under_the_next_heading_is_no_thin_section() -> None:
    note, _ = parse(
        """
        #### 問題
        プロンプトを表す変数は？

        + PROMPT
        + PS1

        #### 回答
        正解 : PS1
        """
    )
    assert [c.front for c in note.cards] == ["プロンプトを表す変数は？"]
    assert all("thin" not in s.wip_reasons for s in note.sections)


def test_the_answers_lead_is_dropped_only_where_it_opens_the_answer() -> None:
    note, _ = parse(
        """
        ## Question
        How should clients retry?

        ## Answer
        Use exponential backoff; see the official answer: jitter too.
        """
    )
    assert [c.back for c in note.cards] == ["Use exponential backoff; see the official answer: jitter too."]


def test_a_line_since_a_version_or_date_is_a_term_and_so_is_a_word_ending_in_mo() -> None:
    assert fronts(
        """
        ## Python

        Python 3.12から
        f-stringの中で同じ種類の引用符が使えるようになった。

        子ども
        親プロセスから生成されたプロセスのこと。
        """
    ) == ["Python 3.12から", "子ども"]


def test_a_parents_list_names_its_long_definitions_which_are_cards_of_their_own() -> None:
    note, _ = parse(
        """
        ## Modules

        - The two Terraform commands used to download and update modules are:
          - terraform init: This command downloads and updates the required modules, and sets up the state backend.
          - terraform get: This command is used to download and update modules for a Terraform configuration.
        - SGID:
          - on a file: runs with the group's privileges
          - on a folder: new files take the folder's group
        """
    )
    cards = {c.front: c.back for c in note.cards}
    names = cards["Modules › The two Terraform commands used to download and update modules are — 2 points"]
    assert [i.text for i in names] == ["terraform init", "terraform get"]
    assert (
        cards["terraform get"] == "This command is used to download and update modules for a Terraform configuration."
    )
    assert [i.text for i in cards["Modules › SGID — 2 points"]] == [
        "on a file: runs with the group's privileges",
        "on a folder: new files take the folder's group",
    ]


def test_a_bibtex_entry_pasted_in_a_note_makes_no_cards() -> None:
    note, _ = parse(
        """
        @article{brooks2021overview,
          title = {An overview of self-engineering systems},
          author = {Brooks, Sam and Roy, Rajkumar},
          year = {2021},
        }

        - Self-engineering: a system that restores a lost function by itself
        """
    )
    assert [c.front for c in note.cards] == ["Self-engineering"]


def test_an_exam_report_is_a_write_up_and_its_result_makes_no_card() -> None:
    note, trace = parse(
        """
        # AWS Advanced Networking 受験レポート

        ## 結果

        1. 56% (不合格)
        2. 780点 (合格)

        ## 学んだこと

        - Direct Connect: 専用線で AWS とつなぐ
        """
    )
    assert [c.front for c in note.cards] == ["Direct Connect"]
    assert dropped_lines(trace, "skip-section") == [1, 3]  # the write-up's opening, and its result


def test_a_courses_outline_with_its_hands_on_and_quiz_named_without_brackets_makes_no_card() -> None:
    note, trace = parse(
        """
        ## S3の概要

        - S3の用途
          - 静的コンテンツの配信
        - S3ハンズオン
          - バケットを作る
        - S3の外部接続
          - 署名付きURL
        - S3小テスト
          - 10問
        """
    )
    assert "S3の概要 — 4 points" not in [c.front for c in note.cards]
    assert 3 in dropped_lines(trace, "objectives")


def test_the_packages_the_author_used_make_no_cards() -> None:
    assert not fronts(
        """
        ## 使用パッケージ

        | パッケージ | バージョン |
        | --- | --- |
        | vite | 5.4.0 |
        | react | 18.3.1 |
        """
    )


def test_a_case_of_something_keeps_its_definition_in_its_parents_list() -> None:
    note, _ = parse(
        """
        ## Special bits

        - SGID
          - on a file: the program runs with the privileges of the group that owns the file, not the user's.
          - on a directory: new files created inside take the directory's group instead of the user's group.
        """
    )
    sgid = next(c for c in note.cards if c.front == "Special bits › SGID — 2 points")
    assert [i.text for i in sgid.back][0].startswith("on a file: the program runs")


def test_reading_lists_in_chinese_and_korean_make_no_cards() -> None:
    assert fronts(
        """
        ## IO模型

        - 阻塞IO: 应用程序发起调用后一直等待数据就绪

        ## 资料

        - 如何完成一次 IO: 一篇文章

        ## 书籍

        - 《UNIX 网络编程》: 6.2 节 IO 模型

        ## 참고자료

        - UUID 퍼포먼스 이슈 - percona (링크)
        """
    ) == ["阻塞IO"]


def test_a_list_of_terms_with_short_values_shows_the_values_and_one_of_sentences_the_names() -> None:
    note, _ = parse(
        """
        ## Dataflow

        - Moving → Network
        - Processing → Compute
        - Remembering → Storage

        ## Controllers

        - ReplicaSet: ensures that a set number of identical pods runs at any time
        - Deployment: rolls out new versions of a set of pods and rolls them back
        """
    )
    lists = {c.front: [i.text for i in c.back] for c in note.cards if c.kind == "list"}
    assert lists == {
        "Dataflow — 3 points": ["Moving: Network", "Processing: Compute", "Remembering: Storage"],
        "Controllers — 2 points": ["ReplicaSet", "Deployment"],
    }


def test_sections_under_an_opening_of_a_higher_level_are_the_notes_own() -> None:
    note, _ = parse(
        """
        ---
        title: 【SQL】Non-repeatable read
        ---
        # はじめに

        - この記事を書いたきっかけ: 調べたのでまとめた

        ## Non-repeatable read とは

        - 原因: 別のトランザクションが読み取ったデータを更新してコミットする

        ## 感想

        ### 分離レベル

        - 思ったこと: 奥が深い
        """
    )
    assert [c.front for c in note.cards] == ["Non-repeatable read とは › 原因"]
    assert "はじめに" not in note.cards[0].context
    # An opening beside other sections of its level is the note's opening, sub-sections and all.
    note, trace = parse(
        """
        ## はじめに

        ### 筆者のスペック

        - 経歴: IT未経験

        ## 稼働率

        - MTBF: 平均故障間隔
        """
    )
    assert [c.front for c in note.cards] == ["MTBF"]
    assert [t.line for t in trace if t.rule == "skip-section"] == [1]


def test_a_title_line_alone_atop_a_note_is_its_metadata() -> None:
    note, trace = parse("title: Postgres Performance for Humans\n\n## OLTP vs OLAP\n\n- OLTP: used for web apps\n")
    assert [c.front for c in note.cards] == ["OLTP"]
    assert [t.rule for t in trace][:1] == ["metadata"]
    # Further down, "title:" is a term like any other.
    assert fronts("## HTML\n\n- title: the text a browser shows on the tab\n") == ["title"]


def test_a_score_out_of_a_total_and_its_share_is_the_authors_result() -> None:
    note, _ = parse(
        """
        ## 測量士

        - 午前が 550/700 = 78.6%
        - 午後 No1 が 162/300 = 54%

        ## 午後

        午前が 550/700 = 78.6%
        午後 No1 が 162/300 = 54%

        合計がちょうど910点。

        ## 稼働率

        - 稼働率: 90%
        - 直列の稼働率 = 0.9 × 0.9 = 81%
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["稼働率", "直列の稼働率"]
    assert not [c.front for c in note.cards if "550" in c.back_text]


def test_a_line_ending_in_a_clause_goes_on_below_and_names_no_term() -> None:
    note, _ = parse(
        """
        ## 2日目

        最後の Lightning Talks を最後まで聞いてから移動したら
        Ruby Unagi Award
        の移動前の集合に間に合わなかった。

        ## 用語

        ガベージコレクション
        不要になったメモリを自動で解放する仕組み
        """
    )
    assert [c.front for c in note.cards] == ["ガベージコレクション"]


def test_an_item_of_the_page_speaking_of_itself_is_left_out() -> None:
    note, _ = parse(
        """
        ## 原因

        - 本記事は nyaos.org より転載したものです。

        ## IME

        - この記事の筆者は IME に詳しいです。
        - ReadConsoleInput: キー入力を一つずつ読む API
        """
    )
    assert [c.front for c in note.cards] == ["ReadConsoleInput"]


def test_a_bold_name_with_a_few_words_after_it_labels_the_list_below() -> None:
    note, _ = parse(
        """
        ## Three types of placement groups

        **Cluster Placement Group** for low latency

        - Grouping of instances within a single availability zone
        - When one rack fails, all its components fail

        **Spread Placement Group** for high availability

        - Instances placed on distinct underlying hardware
        - Recommended for a small number of critical instances

        **Other notes**

        - Placement groups can't be merged
        - Only certain instance types can be launched into one

        **S3** is an object store that keeps your data in buckets

        - versioned
        - across three zones
        """
    )
    assert [c.front for c in note.cards if c.kind in ("list", "label-list")] == [
        "Cluster Placement Group for low latency — 2 points",
        "Spread Placement Group for high availability — 2 points",
        "Three types of placement groups › Other notes — 2 points",
        "Three types of placement groups — 2 points",
    ]


def test_a_numbered_list_going_on_after_a_paragraph_is_one_list() -> None:
    note, _ = parse(
        """
        ## Etapas

        Un plan de marketing tendrá las siguientes partes:

        1. Análisis de situación
        2. Objetivos
        3. Acciones

        Debido a estas tres primeras etapas obtendremos un presupuesto.

        4. Presupuesto
        5. Resultados

        ## Deploy

        1. Build the image
        2. Push it

        Then, in production:

        3. Roll out the new version
        """
    )
    lists = {c.front: [i.text for i in c.back] for c in note.cards if c.kind in ("list", "label-list", "sequence")}
    assert lists["Un plan de marketing tendrá las siguientes partes — 5 points"][3:] == ["Presupuesto", "Resultados"]
    assert lists["Deploy — 2 steps, in order"] == ["Build the image", "Push it"]
    assert lists["Then, in production — 1 point"] == ["Roll out the new version"]


def test_a_headings_paragraph_announcing_its_sub_sections_makes_their_list() -> None:
    note, _ = parse(
        """
        ## Encoding

        ASN.1 表記のデータ構造をやりとりするにはエンコードしてバイト列にする必要がある。そのやり方はいくつかある。

        ### BER

        ASN.1 のデータ構造を Type-Length-Value をペアにしてエンコードしていく方式。

        ### DER

        BER の表現を一意に定めた方式で、証明書や鍵の保存に使われる。

        ## Gmail

        There is no simple way to filter on headers in gmail. There are several ways to work around it.

        ### Apps Script

        A script can search the inbox on a timer and label what it finds.
        """
    )
    assert [c.front for c in note.cards] == ["Encoding — 2 points", "BER", "DER", "Apps Script"]


def test_a_headings_paragraph_saying_what_comes_next_makes_no_card() -> None:
    note, _ = parse(
        """
        ## 推しセッション

        ここからは、参加メンバーの推しセッションをいくつかご紹介します。

        ### 型で守る非同期処理

        Promise の失敗を型で表すと、呼び出し側が扱い忘れない。

        ### Edge で動く AI

        推論をエッジで動かすと、応答が速くなる。

        ## Services

        In this section we'll look at how traffic reaches a pod.

        ## 後片付け

        次に、作成した VPC とサブネット、ルートテーブルをすべて削除します。

        ## Amazon S3

        ここでは、S3はオブジェクトをバケットに保存し、キーで取り出します。
        """
    )
    backs_of = {c.front: c.back for c in note.cards}
    assert [i.text for i in backs_of["推しセッション — 2 points"]] == ["型で守る非同期処理", "Edge で動く AI"]
    assert "Services" not in backs_of  # only says what the section does next
    # a step of a procedure, and a statement with a topic, are the heading's definitions as before
    assert backs_of["後片付け"] == "次に、作成した VPC とサブネット、ルートテーブルをすべて削除します。"
    assert backs_of["Amazon S3"] == "ここでは、S3はオブジェクトをバケットに保存し、キーで取り出します。"


def test_a_list_of_one_short_item_makes_no_card_unless_a_path() -> None:
    note, _ = parse(
        """
        ## Java after 8

        Java the language

        - Syntax changes

        linuxカーネルのソースコードの配置

        - /usr/src/linux

        Project Loom

        - Lightweight threads scheduled by the JVM
        """
    )
    assert [c.front for c in note.cards] == [
        "linuxカーネルのソースコードの配置 — 1 point",
        "Project Loom — 1 point",
    ]


def test_the_rules_of_this_session_leave_lookalikes_alone() -> None:
    # An incident report (顛末記 without an exam) is no exam write-up: its 背景 and 結果 make cards.
    assert "S3バケット公開設定 障害顛末記 › 背景" in fronts(
        "# S3バケット公開設定 障害顛末記\n\n## 背景\n\nS3 Block Public Access はアカウント単位とバケット単位で設定できる。\n"
    )
    # A grammar pattern or a word ending like a clause is a term.
    assert fronts("## 文法\n\n〜ながら\nDoing two actions at the same time. 音楽を聞きながら勉強する。\n") == [
        "〜ながら"
    ]
    # A glossary of settings opening with title: keeps its title card.
    assert fronts("title: サイト全体のタイトル\n\nbaseurl: サイトを置くサブパス\n")[:1] == ["title"]
    # A fraction and its percentage is arithmetic, not a score.
    assert fronts("## 分数と百分率\n\n- 1/8 = 12.5%\n- 3/8 = 37.5%\n- 5/8 = 62.5%\n")
    # Items that name a part of an article are no page speaking of itself.
    note, _ = parse("## 冒頭に書くこと\n\n- この記事で何がわかるか\n- 動作環境とバージョン\n")
    assert [i.text for i in note.cards[0].back] == ["この記事で何がわかるか", "動作環境とバージョン"]
    # A bold name opening a sentence is no label.
    assert "Data Streams — 2 points" in fronts(
        "## Data Streams\n\n**Kinesis Data Streams** keeps records for 24 hours by default\n\n"
        "- Retention can be extended to 365 days\n- Each shard takes 1 MB/s of writes\n"
    )
    # A short label between numbered steps labels the steps after it.
    assert [
        f
        for f in fronts(
            "## Install steps\n\n1. Download the release tarball\n2. Extract it to /opt/prometheus\n\n"
            "Optional hardening\n\n3. Create a dedicated prometheus user\n4. Run it under systemd\n"
        )
        if "steps" in f
    ] == ["Install steps — 2 steps, in order", "Optional hardening — 2 steps, in order"]
    # "several types" over no sub-section is no lead-in: the paragraph defines its heading.
    assert fronts(
        "## Service\n\nA Service exposes a set of Pods behind one stable virtual IP and DNS name. "
        "Kubernetes supports several types of Services.\n"
    ) == ["Service"]
    # The text after a link drawn as a card stays.
    note, _ = parse(
        '## Talk\n\n<a class="embedly-card" href="https://x.io/s">Kubernetes in production</a> Pod の QoS クラスは'
        "Guaranteed、Burstable、BestEffort の3つ。\n"
    )
    assert note.cards[0].back_text.startswith("Pod の QoS クラスは")


def test_an_item_that_only_says_the_list_goes_on_is_left_out() -> None:
    note, _ = parse(
        """
        ## kube-scheduler

        - nodes are filtered by
          - resource requests
          - taints and tolerations
          - etc.

        ## 公開鍵暗号を使う場面

        - SSH の鍵ペア
        - 公開鍵証明書
        - ...

        ## 處理 Git 斷行字元的問題

        註

        - CR 是 Carriage Return 的意思，也就是 Enter 字元
        - LF 是 Line Feed 的意思，也就是真正的換行字元
        """
    )
    lists = {c.front: [i.text for i in c.back] for c in note.cards if c.kind in ("list", "label-list")}
    assert lists["kube-scheduler › nodes are filtered by — 2 points"] == ["resource requests", "taints and tolerations"]
    assert lists["公開鍵暗号を使う場面 — 2 points"] == ["SSH の鍵ペア", "公開鍵証明書"]
    assert "處理 Git 斷行字元的問題 › 註 — 2 points" in lists


def test_a_list_with_too_much_text_to_recall_makes_no_card_and_a_sequence_says_its_order() -> None:
    takeaway = "Innovation is gradual, founded on trial and error, involves teamwork and grows where it is free to"
    md = (
        "## Key Takeaways\n" + "".join(f"- {takeaway} ({k})\n" for k in range(4)) + "\n## Two\n"
        f"- {takeaway} (a)\n- {takeaway} (b)\n- {takeaway} (c)\n\n"
        "## Boot\nBoot sequence:\n\n1. BIOS runs\n2. bootloader loads the kernel\n3. kernel starts init\n"
        "\n## Sequence diagrams\n1. Lifelines are vertical dashed lines\n2. Messages are horizontal arrows\n"
        f"\n## Three pillars\n- {takeaway}, in logs\n- {takeaway}, in metrics\n- {takeaway}, in traces,\n"
    )
    note, trace = parse(md)
    assert [c.front for c in note.cards] == [
        "Two — 3 points",
        "Boot sequence — 3 steps, in order",
        "Sequence diagrams — 2 points",
        "Three pillars — 3 points",  # (three items of 110 characters: a set to recall)
    ]
    assert any(t.rule == "split-long" and "4 items, too much text" in t.what for t in trace)


def test_a_worked_problem_under_labels_is_one_card_and_its_givens_and_steps_are_none() -> None:
    note, trace = parse(
        """
        ### 帯域幅（R6秋午前問26）

        **問題**
        - 解像度: 800 × 600 ピクセル
        - フレームレート: 30フレーム/秒

        上記の動画像の配信に最低限必要な帯域幅はいくつか。

        **計算**
        1.  **1秒あたりのデータ量**
            `800 × 600 × 24 ビット × 30 = 345.6 Mビット/秒`

        **答え**
        345.6 Mbps

        ### Exercise without an answer

        **Problem:**
        - capacity: 100 units
        """
    )
    assert [(c.front, c.back) for c in note.cards] == [
        (
            "解像度: 800 × 600 ピクセル / フレームレート: 30フレーム/秒 / 上記の動画像の配信に最低限必要な帯域幅はいくつか。",
            "345.6 Mbps\n1. 1秒あたりのデータ量\n  800 × 600 × 24 ビット × 30 = 345.6 Mビット/秒",
        ),
        ("capacity", "100 units"),
    ]
    assert ("worked-problem", False) in [(t.rule, t.made) for t in trace]


def test_eight_commands_each_with_what_it_does_are_a_reference_cut_in_parts() -> None:
    md = """
    ## 哈希常用命令
    - `hset key field value`：给哈希表中的 field 赋值 value
    - `hget key field`：从哈希表取出 field 的 value
    - `hmset key f1 v1 f2 v2 ...`：批量设置哈希表的 field
    - `hexists key field`：查看哈希表中给定的 field 是否存在
    - `hkeys key`：列出该哈希表的所有 field
    - `hvals key`：列出该哈希表的所有 value
    - `hincrby key field increment`：为哈希表中 field 的值加上增量
    - `hsetnx key field value`：当 field 不存在时才设置它的值
    """
    made = fronts(md)
    assert "哈希常用命令 (1/2) — 4 points" in made and "哈希常用命令 (2/2) — 4 points" in made
    assert "hset key field value" in made


def test_bullets_indented_by_a_tab_under_a_label_line_are_its_list() -> None:
    md = (
        "## Day 2\n"
        "going serverless:\n"
        "\t- cold start is milliseconds up to a couple seconds\n"
        "\t- key consideration: limit the size of the connection pool\n"
        "\t\t- each function would preallocate sockets\n"
        "\n"
        "Prose that goes on:\n"
        "    indented text stays text\n"
    )
    note, _ = parse(md)
    got = {c.front: c for c in note.cards}
    assert got["key consideration"].back_text.startswith("limit the size of the connection pool")
    assert [i.text for i in got["going serverless — 2 points"].back][0] == (
        "cold start is milliseconds up to a couple seconds"
    )
    assert [c.line for c in note.cards if c.front == "key consideration"] == [4]
