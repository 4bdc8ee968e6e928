"""Lines that only remark on the line above them (a footnote, a refinement of a statement), the caption and the
citation of an embedded page, a heading that exclaims, and a database shell's session pasted without a fence."""

from __future__ import annotations

from tests.core.cards.small_notes import parse


def cards_of(md: str) -> dict[str, object]:
    note, _ = parse(md)
    return {c.front: c.back for c in note.cards}


def test_a_statement_with_one_sub_item_under_it_asks_nothing() -> None:
    note, trace = parse(
        """
        ## Cycle Counting

        - Memory operations need 3 instruction gap
          - With mrmovq, we need 1 instruction gap
        - Subsequent backups contain the data changed since the last full backup
          - grows larger as data is
        - Services that support encryption at rest
          - S3, EBS and RDS
        - Use cases for Lambda
          - event-driven glue code
        - AWS Support plan tiers
          - Basic, Developer, Business, Enterprise
        - Tools you need for this course
          - Python 3.11 and VS Code
        - Common uses of Redis
          - caching and queues
        - Nightly test runs per week
          - 7
        """
    )
    got = {c.front: c.back for c in note.cards}
    assert "Memory operations need 3 instruction gap" not in got
    assert not any(front.startswith("Subsequent backups") for front in got)
    # Names, with a clause or a noun that looks like a verb in them: what is under them answers them.
    assert got["Services that support encryption at rest"] == "S3, EBS and RDS"
    assert got["Use cases for Lambda"] == "event-driven glue code"
    assert got["AWS Support plan tiers"] == "Basic, Developer, Business, Enterprise"
    assert got["Tools you need for this course"] == "Python 3.11 and VS Code"
    assert got["Common uses of Redis"] == "caching and queues"
    assert [t.line for t in trace if t.rule == "prose-label"] == [3, 5]


def test_a_footnote_under_a_statement_is_not_its_answer() -> None:
    note, trace = parse(
        """
        ## INSERT文

        **原則としてINSERT1文は1回の実行で1行を挿入すること**
        ※複数行INSERTも可能だが非推奨(P122)

        - 主キーには同じ値を二度登録することはできない決まりがある
          - ※NULL も不可

        **DEFAULT制約**
        列に値を指定しないときに入る値

        - 持ち物
          - ※受験票と写真付き身分証
        - 外部キーの参照先
          - (*) 親テーブルの主キー

        **有効期限**
        ※ 受験票の発行日から90日
        """
    )
    assert [(c.front, c.back) for c in note.cards if c.kind == "definition"] == [
        ("DEFAULT制約", "列に値を指定しないときに入る値"),
        ("持ち物", "※受験票と写真付き身分証"),  # under a name, a ※ line is its answer
        ("外部キーの参照先", "(*) 親テーブルの主キー"),
        ("有効期限", "※ 受験票の発行日から90日"),
    ]
    assert not any(c.kind == "cloze" for c in note.cards)  # nor a cloze of the whole bold line
    assert {t.line for t in trace if t.rule in ("term-line", "prose-label") and not t.made} == {3, 6}


def test_the_caption_of_an_image_inside_an_item_is_not_its_text() -> None:
    got = cards_of(
        """
        ## Incremental backup

        - full back up first
        - clears archive attribute each time

            <img src="assets/incremental_backup.png" alt="incr backup" width="700"/>

            ##### *Incremental Backup*. An incremental backup done over a typical week.

        - slow restoration
        """
    )
    (back,) = got.values()
    assert [i.text for i in back] == ["full back up first", "clears archive attribute each time", "slow restoration"]


def test_a_heading_after_an_image_with_a_list_under_it_names_that_list() -> None:
    got = cards_of(
        """
        ## The big three

        - ![S3 logo](img/s3.png)
          #### Amazon S3
          - object storage
          - 11 nines of durability
        - ![EBS logo](img/ebs.png)
          #### Amazon EBS
          - block storage for EC2
          - tied to one AZ
        """
    )
    assert [i.text for i in got["The big three › Amazon S3 — 2 points"]] == ["object storage", "11 nines of durability"]


def test_the_citation_of_an_embedded_page_labels_nothing() -> None:
    note, trace = parse(
        """
        ## Developer Keynote

        <iframe src="https://hatenablog-parts.com/embed?url=https%3A%2F%2Fdeveloper.android.com%2F" title="Actions |
        Google Developers" class="embed-card embed-webcard" scrolling="no"></iframe>
        <cite class="hatena-citation"><a href="https://developer.android.com/jetpack/">developer.android.com</a></cite>

        ・AndroidStudio ナビゲーションエディタで視覚化
        ・エミュレータの高速化

        [cloud.google.com](https://cloud.google.com/tpu/)

        - cloud tpu を発表
        - TensorFlow

        [Amazon S3](https://aws.amazon.com/s3/)

        - オブジェクトストレージ
        - 11 9s の耐久性

        [caniuse.com](https://caniuse.com/)

        - browser support tables
        - partial support and prefixes

        ### Projects to watch

        - **Knative** (Kubernetes-native APIs for serverless workloads)

        [Knative](http://github.com/knative/docs)

        - **KubeEdge** (kubelet on the edge)
        """
    )
    fronts = [c.front for c in note.cards]
    assert not any("google.com" in f or "android.com" in f or "Developers" in f for f in fronts)
    assert "Amazon S3 — 2 points" in fronts  # a link named for what it links to still labels its list
    assert "caniuse.com — 2 points" in fronts  # so does a site's home, named by its host
    assert not any(f.startswith("Knative") for f in fronts)  # the item above's reference, no label
    assert [t.line for t in trace if t.rule == "bare-link"] == [10, 29]


def test_a_citation_with_text_after_it_is_the_note_s_text() -> None:
    got = cards_of(
        """
        ## Migration

        <cite><a href="https://martinfowler.com/bliki/StranglerFigApplication.html">Strangler Fig</a></cite>: gradually replace a legacy system one feature at a time
        """
    )
    assert got == {"Strangler Fig": "gradually replace a legacy system one feature at a time"}


def test_a_heading_that_states_a_claim_is_not_defined_by_its_paragraph() -> None:
    got = cards_of(
        """
        ## 特定のプロダクトではない

        Docker / OAuth 2.0 / Markdown は特定のプロダクトではなく、仕様・フォーマットと呼ばれる類のものです。

        ## すぐにアプリを作れる訳ではない

        Git / Docker はそれ自体を使ってすぐにアプリを作れる訳ではありません。

        ## インデックスが効かない

        LIKE '%foo' の前方一致でない検索や、列に関数をかけた条件ではインデックスが使われず、全件走査になる。

        ## 無記憶性

        指数分布では、どれだけ待ったかに関係なく、次の事象が起こるまでの時間の分布が変わらない。
        """
    )
    assert list(got) == ["インデックスが効かない", "無記憶性"]


def test_a_heading_that_exclaims_is_not_defined_by_its_paragraph() -> None:
    got = cards_of(
        """
        ## 初参加！

        2018/05/08-10 に開催された Google I/O 2018 に初めて参加をした。聞いた session をまとめていく。

        ## Yahoo!

        An American web services company founded in 1994, known for its web portal and search engine.
        """
    )
    assert "初参加！" not in got
    assert got["Yahoo!"].startswith("An American web services company")
    more = cards_of(
        """
        ## Hello World!

        The first program traditionally written in a new language; it prints a greeting and exits.

        ## Array#map!

        Like map, but replaces the array's elements in place and returns the array itself.
        """
    )
    assert set(more) == {"Hello World!", "Array#map!"}  # (an English "!" ends a name as often as not)


def test_a_database_shell_session_pasted_without_a_fence_makes_no_card() -> None:
    note, trace = parse(
        """
        ## UPDATE文

        shop=# UPDATE Shohin
        shop-# SET hanbai_tanka = hanbai_tanka * 10
        shop-# WHERE shohin_bunrui = 'キッチン用品';

        mysql> SELECT name FROM users;
        mysql> SELECT id FROM users;
        name = alice

        VACUUM: 不要になった行の領域を回収して再利用可能にする
        shop=# VACUUM VERBOSE shohin;

        DNS: ドメイン名を IP アドレスに変換する仕組み
        Browser-> Resolver-> Root の順に問い合わせる
        """
    )
    # A term with one example line after a prompt, and arrows in prose, are no session.
    assert [c.front for c in note.cards] == ["VACUUM", "DNS"]
    assert [t.rule for t in trace if not t.made] == ["code-block", "code-block"]


def test_a_line_after_a_bullet_that_is_only_a_numbered_step_goes_on_with_that_step() -> None:
    got = cards_of(
        """
        ### 第2相(決定層)

        - 3. 全ての従サイトから合意 => 全ての従サイトにコミットの実行要求

          => タイムアウト => 全ての従サイトにロールバック要求

        - 4. 全ての従サイトは完了とともに主サイトに完了メッセージを送る
        """
    )
    (back,) = got.values()
    assert [i.text for i in back] == [
        "全ての従サイトから合意 => 全ての従サイトにコミットの実行要求 => タイムアウト => 全ての従サイトにロールバック要求",
        "全ての従サイトは完了とともに主サイトに完了メッセージを送る",
    ]
    # Under a list of several steps, the line after it is the bullet's own (it names them).
    steps = cards_of(
        """
        ## Instruction cycle

        - 1. Fetch
          2. Decode
          3. Execute

          This loop is called the instruction cycle.

        - Each stage takes one clock in a simple CPU
        """
    )
    assert [i.text for i in steps["Instruction cycle › This loop is called the instruction cycle. — 3 points"]] == [
        "Fetch",
        "Decode",
        "Execute",
    ]


def test_a_link_to_a_page_is_a_reference_not_a_definition() -> None:
    note, trace = parse(
        """
        ## TCP/IP

        [TCP/IPとは？初心者がTCP/IPを理解するための完全ガイド](https://tomslifestylelab.com/tcp-ip/)
        ブログ 「LIFESTYLE LAB（ライフスタイルラボ）」

        Microsoft Learn: [Azure リソースのマネージド ID で認証する](https://docs.microsoft.com/ja-jp/learn/x/)

        [Kubernetes](https://k8s.io)
        A system that runs containers across many machines.

        Kubernetes docs: the [reference](https://k8s.io/docs) covers every object

        IAM: [Identity and Access Management](https://aws.amazon.com/iam/)

        [DNSのしくみ入門](https://zenn.dev/x/articles/dns)
        Zenn @example_user

        [ReplicaSet](https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/)
        keeps a set number of pods running
        """
    )
    got = {c.front: c.back for c in note.cards}
    assert got == {
        "Kubernetes": "A system that runs containers across many machines.",
        "Kubernetes docs": "the reference covers every object",
        "IAM": "Identity and Access Management",  # a term whose definition is linked
        "ReplicaSet": "keeps a set number of pods running",
    }
    assert [t.line for t in trace if t.rule == "url-only"] == [3, 6, 15]


def test_a_heading_s_attributes_are_no_part_of_its_title() -> None:
    note, _ = parse(
        """
        ## Setup {#setup .unnumbered}

        Install the tool with the package manager before anything else, then restart the shell.

        ## Reading list {#reading-list}

        - Team Topologies by Matthew Skelton
        - Domain-Driven Design by Eric Evans
        """
    )
    assert [s.heading for s in note.sections if s.level] == ["Setup", "Reading list"]
    assert [c.front for c in note.cards] == ["Setup"]  # (a reading list is chatter)


def test_a_sentence_does_not_end_inside_brackets_closed_on_its_line() -> None:
    from devday_tui.core.text import sentence_spans

    text = "Android Things 1.0 (IoT 向けの Android。前日に正式版になった) が出た。次の話。"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Android Things 1.0 (IoT 向けの Android。前日に正式版になった) が出た。",
        "次の話。",
    ]
    unclosed = "括弧（閉じない。次の文"
    assert [unclosed[a:b] for a, b in sentence_spans(unclosed)] == ["括弧（閉じない。", "次の文"]
    got = cards_of(
        "## Things\n\n- **Android Things 1.0** (IoT 向けの Android。前日に正式版になった)\n- **Smart Display** (画面付き)\n"
    )
    assert "［…］ (IoT 向けの Android。前日に正式版になった)" in got


def test_a_bold_line_then_a_short_name_ending_in_a_colon_both_name_the_list() -> None:
    note, _ = parse(
        """
        ## Isolation

        **MVCC Implementation**
        Read Committed:
        - each query sees data committed before the query began
        - a write waits for a concurrent writer

        **Benefits**
        There are three of them, all cheap:
        - no read locks
        - readers never block writers
        """
    )
    fronts = [c.front for c in note.cards if c.kind != "cloze"]
    assert "MVCC Implementation › Read Committed — 2 points" in fronts
    assert "Benefits — 2 points" in fronts  # (a sentence is no name of the list)


def test_an_index_after_a_name_is_no_reference_link_and_stand_in_items_make_no_card() -> None:
    from devday_tui.core.text import plain

    assert plain("If M[i][j] is 1, arr[0][1] is too") == "If M[i][j] is 1, arr[0][1] is too"
    assert plain("see [the docs][1] and 詳しくは[こちら][2]") == "see the docs and 詳しくはこちら"
    assert plain("the K8s[Service docs][svc] page") == "the K8sService docs page"  # a reference link
    note, trace = parse(
        """
        ## Summary

        - placeholder
        - placeholder
        - placeholder
        """
    )
    assert note.cards == [] and [t.rule for t in trace] == ["todo"]
    answers, _ = parse("**GET・PUT・DELETE は冪等か**\n- Yes\n- Yes\n- Yes\n")
    assert [c.front for c in answers.cards] == ["GET・PUT・DELETE は冪等か — 3 points"]


def test_a_statement_of_code_and_the_author_s_background_make_no_card() -> None:
    note, _ = parse(
        """
        ## No.2 次の式のうち、コンパイルエラーになるもの

        B.int b = 0413; // 267←8進数

        HSTS: add_header Strict-Transport-Security "max-age=63072000" always;

        ## オンプレとクラウドのデータ基盤

        - この分野への自分の経験値
          - BigQuery や Athena をかじったことある程度
        - 自分のスキルアップ
          - 海外のブログを読む

        - 自分の経験を棚卸しする
          - 過去の案件でどんな判断をしたかを書き出す

        ## 書き方

        - 8進数 → int b = 0413;
        - 16進数 → int c = 0x1F;
        """
    )
    got = {c.front: c.back_text for c in note.cards}
    assert "B.int b" not in got
    assert got["HSTS"] == 'add_header Strict-Transport-Security "max-age=63072000" always;'
    assert "この分野への自分の経験値" not in got and got["自分のスキルアップ"] == "海外のブログを読む"
    assert (
        got["自分の経験を棚卸しする"] == "過去の案件でどんな判断をしたかを書き出す"
    )  # advice, not the author's record
    assert got["8進数"] == "int b = 0413;"  # a term, then its code


def test_a_section_dating_an_exam_the_author_sat_is_chatter() -> None:
    got = cards_of(
        """
        ## Exam date: April, 2021.

        API gateway: few questions but tough
        RCU/WCU: how much do you need, notice when to increase

        ## DynamoDB

        RCU: one strongly consistent read per second of up to 4 KB
        """
    )
    assert got == {"RCU": "one strongly consistent read per second of up to 4 KB"}


def test_bullets_indented_by_one_space_under_a_bullet_are_its_sub_items() -> None:
    note, _ = parse(
        """
        #### 冗長トポロジ

        - 冗長設計の問題
         - **ブロードキャストストーム**
           - ループ回避機能が無いと無限に繰り返す
         - **同一フレームの複数コピー**
           - 同一フレームが複数届く
        - 対策
          - STP
        """
    )
    got = {c.front: c.back_text for c in note.cards}
    assert got["冗長トポロジ › 冗長設計の問題 — 2 points"] == (
        "- ブロードキャストストーム\n  - ループ回避機能が無いと無限に繰り返す\n- 同一フレームの複数コピー\n  - 同一フレームが複数届く"
    )
    assert got["冗長トポロジ — 2 points"] == "- 冗長設計の問題\n- 対策"


def test_a_timetable_slot_with_its_track_and_pointers_to_other_talks_make_no_card() -> None:
    got = cards_of(
        """
        ### Personal Schedule and Notes

        #### Tuesday `11:45` [Panel: The Path to Senior Engineering Leadership](https://qconsf.com/x)

        Track: The Path to Senior Engineering Leadership

        #### Monday `13:35` Maximising Success with Limited Time

        Track: Effective Engineering in Early Stage Startups

        ### Document-based apps

        - New document launcher with a custom background and title

        Check out:
        Evolve your document launch experience

        ### Keynote

        Speaker: Nicole Forsgren, on how AI reveals the friction in developer experience
        """
    )
    assert not any("Track" in str(back) or front.endswith("Check out") for front, back in got.items())
    assert "Keynote" in got  # (no slot of a timetable: its speaker and theme)
