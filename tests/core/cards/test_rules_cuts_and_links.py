"""Where a term is not cut (inside a formula's brackets, after a connective, before a line that goes on with a
particle), rows a shared value names none of, rooms of an event, what the author did not follow, and paragraphs
of links."""

from __future__ import annotations

from tests.core.cards.small_notes import parse


def test_a_colon_inside_square_brackets_or_a_formula_splits_nothing() -> None:
    note, _ = parse(
        """
        ## 分解行列

        (iv) $[C^\\nu : D^\\lambda]$ は分解係数
        [注意]: 単純加群の重複度を数える
        """
    )
    assert [(c.front, c.back) for c in note.cards] == [("[注意]", "単純加群の重複度を数える")]


def test_a_line_opening_with_a_connective_names_no_term() -> None:
    note, _ = parse(
        """
        ## 証明

        よって、C = D: 両辺の次元が等しい
        Hence the map: an isomorphism of modules
        特性: 冪等である
        """
    )
    assert [c.front for c in note.cards] == ["特性"]


def test_a_line_that_the_next_goes_on_with_a_particle_names_no_term() -> None:
    note, _ = parse(
        """
        ## 概要

        Node.jsで作成するサーバ(HTTP Server)
        の2つと、それを支えるAgentという存在に分けることができる。

        ## 用語

        HTTP Server
        リクエストを受けてレスポンスを返すサーバ
        """
    )
    fronts = [c.front for c in note.cards]
    assert "HTTP Server" in fronts
    assert not any(f.startswith("Node.js") for f in fronts)


def test_rows_that_share_a_parameters_value_are_no_cards_but_a_services_rows_are_one() -> None:
    note, trace = parse(
        """
        ## Experiment

        | Partition # | Consumer # | Observations |
        | --- | --- | --- |
        | 1 | 1 | All messages are delivered to the single consumer |
        | 1 | N | All messages are delivered to one consumer of the group |
        | N | 1 | All messages are delivered to the single consumer |
        | N | N | Messages are distributed between consumers |

        ## 料金

        | サービス | 項目 | 単価 |
        | --- | --- | --- |
        | S3 | ログ配信 | 0.38 USD/GB |
        | S3 | ログ保管 | 0.025 USD/GB |
        """
    )
    assert [c.front for c in note.cards] == ["料金 › S3 — 項目, 単価"]
    assert any(t.rule == "too-short" and "parameters" in t.what for t in trace)


def test_a_talks_session_type_is_its_logistics() -> None:
    note, _ = parse(
        """
        ## [S4] 大規模ウェブサービスにおけるコードレビュー観点

        | Language | Speaker | Session Type |
        | --- | --- | --- |
        | Japanese | 井本 裕 | Sponsor Session |
        """
    )
    assert note.cards == []


def test_a_room_of_an_event_says_nothing_alone_and_what_the_author_did_not_follow_is_no_point() -> None:
    note, _ = parse(
        """
        # Go Con mini

        ## 10:35 Room A

        - Internal やlinter でパッケージを依存させない
          - 依存の向きを揃える
        - テスト
          - テーブル駆動で書く
        - わからん
          - fuzzing test
          - Mutation Testing
        """
    )
    fronts = [c.front for c in note.cards]
    assert "Go Con mini › Room A — 2 points" in fronts
    assert not any("わからん" in f for f in fronts)
    points = next(c for c in note.cards if c.front.endswith("2 points"))
    assert [i.text for i in points.back] == ["Internal やlinter でパッケージを依存させない", "テスト"]


def test_a_paragraph_of_links_one_a_line_is_a_reading_list() -> None:
    note, trace = parse(
        """
        ## Reading

        [Backends](https://developer.hashicorp.com/terraform/language/settings/backends)
        [State Locking](https://developer.hashicorp.com/terraform/language/state/locking)

        ## Notes

        [Backends](https://developer.hashicorp.com/terraform/language/settings/backends) store the state
        remotely, so that a team shares one copy.
        """
    )
    assert all(c.front != "Reading" and c.front != "Backends" for c in note.cards)
    assert any(t.rule == "url-only" and "reading list" in t.what for t in trace)


def test_a_heading_whose_level_was_typed_twice_loses_the_mark() -> None:
    note, _ = parse(
        """
        ## # flex-direction

        - row: items left to right
        - column: items top to bottom
        """
    )
    assert [c.front for c in note.cards] == ["flex-direction — 2 points", "row", "column"]


def test_a_cloze_that_points_back_in_portuguese_shows_the_sentence_before() -> None:
    note, _ = parse(
        """
        ## Máquina de Turing

        Nesse modelo, a fita é limitada ao tamanho da entrada. Isso reduz seu poder e permite reconhecer as
        linguagens **sensíveis ao contexto**.
        """
    )
    assert [c.front for c in note.cards] == [
        "Nesse modelo, a fita é limitada ao tamanho da entrada. Isso reduz seu poder e permite reconhecer as "
        "linguagens ［…］."
    ]


def test_where_before_a_formulas_symbols_names_no_list() -> None:
    note, _ = parse(
        """
        ## Ohm's law

        where:

        - V is the voltage across the resistor
        - I is the current through it

        ## Resistência

        na qual:

        - R é a resistência do condutor
        - I é a corrente que o atravessa
        """
    )
    assert [c.front for c in note.cards] == ["Ohm's law — 2 points", "Resistência — 2 points"]


def test_cards_the_rules_leave_alone() -> None:
    note, _ = parse(
        """
        ## 英単語

        - Therefore: introduces a result that follows from what was said
        - Thus: introduces a consequence, more formally than so

        ## 区間

        半開区間 [a, b): a 以上 b 未満の実数

        ## 助詞

        格助詞
        の・に・へ・と など 10 個

        ## 心不全

        - Stage A: リスク因子はあるが構造的な異常はない
        - Stage B: 構造的な異常はあるが症状はない

        ## Lambda の設計

        - グッドプラクティス
          - ハンドラの外で SDK クライアントを初期化する
          - 環境変数で設定を渡す

        ## AssumeRole

        | API | Session duration (default) | Session duration (max) |
        | --- | --- | --- |
        | AssumeRole | 1 hour | 12 hours |
        | GetSessionToken | 12 hours | 36 hours |

        ## 読み

        | 漢字 | 読み |
        | --- | --- |
        | 行 | こう |
        | 行 | ぎょう |
        """
    )
    fronts = [c.front for c in note.cards]
    for front in (
        "Therefore",
        "Thus",
        "半開区間 [a, b)",
        "格助詞",
        "Stage A",
        "Stage B",
        "Lambda の設計 › グッドプラクティス — 2 points",
    ):
        assert front in fronts, front
    assert any(f.startswith("AssumeRole › AssumeRole") for f in fronts)
    assert any(f.startswith("読み › 行") for f in fronts)


def test_a_long_sentence_with_one_sub_item_asks_nothing() -> None:
    note, _ = parse(
        """
        ## Compute Options

        - Machine type structure starts at family, then series, then type
          - A machine family is a curated set of processor and hardware configurations
        - low level of sophistication and capability: use widely available tools, such as common malware
          - "Script Kiddies"
        """
    )
    fronts = [c.front for c in note.cards]
    assert not any(f.startswith("Machine type structure") for f in fronts)
    assert any(f.startswith("low level of sophistication") for f in fronts)


def test_items_that_only_introduce_their_sub_lists_are_no_points_and_a_comment_names_no_term() -> None:
    note, _ = parse(
        """
        ## Encrypting S3

        - Encryption at rest is provided by:
          - SSE-S3, keys managed by S3
          - SSE-KMS, keys managed in KMS
        - When you enable it on an existing bucket:
          - only new objects are encrypted
          - existing objects must be copied again

        ## Notes

        // notes: [the docs](https://nodejs.org/api/http.html) say so
        """
    )
    fronts = [c.front for c in note.cards]
    assert "Encrypting S3 — 2 points" not in fronts
    assert "Encrypting S3 › Encryption at rest is provided by — 2 points" in fronts
    assert not any(f.startswith("//") for f in fronts)


def test_a_line_that_points_to_its_list_is_no_point_beside_the_others() -> None:
    note, _ = parse(
        """
        ## ELB

        - High availability means your app runs in at least 2 availability zones
        - 4 kinds of load balancers:
          - Application Load Balancer
          - Network Load Balancer
        - Elasticity: the system scales out on its own

        ## Stream Analytics

        - 複数のソースからのストリーミングデータを分析するエンジン
        - SQL に似たクエリ言語で処理を書く
        - ソースとして以下を利用可能
          - Azure Event Hubs
          - Azure IoT Hub

        ## WebSockets

        - proxy_pass to the upstream
        - needs HTTP/1.1 and the upgrade headers:
          - Upgrade
          - Connection

        ## Blender

        - Entra nella modalità di modifica dell'oggetto:
          - premi Tab
          - seleziona le facce
        - Assegna il materiale alle facce selezionate
        """
    )
    backs = {c.front: [i.text for i in c.back] for c in note.cards if not isinstance(c.back, str)}
    assert backs["ELB — 2 points"] == [
        "High availability means your app runs in at least 2 availability zones",
        "Elasticity",
    ]
    assert backs["ELB › 4 kinds of load balancers — 2 points"] == ["Application Load Balancer", "Network Load Balancer"]
    assert backs["Stream Analytics — 2 points"] == [
        "複数のソースからのストリーミングデータを分析するエンジン",
        "SQL に似たクエリ言語で処理を書く",
    ]
    assert "Stream Analytics › ソースとして以下を利用可能 — 2 points" in backs
    # a version's numbers count nothing, and a step ending in a colon is a step
    assert backs["WebSockets — 2 points"] == ["proxy_pass to the upstream", "needs HTTP/1.1 and the upgrade headers:"]
    assert len(backs["Blender — 2 points"]) == 2


def test_a_cloze_the_heading_gives_away_in_japanese_or_with_many_blanks_is_no_card() -> None:
    note, _ = parse(
        """
        ## Dockerって何？

        **Docker**は大規模なコンテナ環境を管理することを可能にするツールです。

        ## 7. Dockerイメージの破棄

        イメージをもう使わないのであれば、コンテナと同じく**破棄**しちゃいましょう。

        ## 起動

        **ということは⋯！**

        そうです！ディレクトリに index.html ファイルを置くことでそれを表示させることができます！

        ## Compose

        **Docker Compose** は複数のコンテナをまとめて定義する。
        """
    )
    assert [c.front for c in note.cards if c.kind == "cloze"] == ["［…］ は複数のコンテナをまとめて定義する。"]
    assert "ということは⋯！" not in [c.front for c in note.cards]


def test_lines_opening_with_bold_letters_spell_out_an_acronym() -> None:
    note, _ = parse(
        """
        ## Summary

        ACID = Traditional SQL

        **A**tomic
        **C**onsistent
        **I**solated
        **D**urable

        **B**asically **A**vailable
        **S**oft-state
        **E**ventually consistent
        """
    )
    cards = {c.front: c.back for c in note.cards}
    assert cards["ACID"] == "Traditional SQL\n\nAtomic\nConsistent\nIsolated\nDurable"  # apart: one is longer
    assert cards["BASE"] == "Basically Available\nSoft-state\nEventually consistent"


def test_what_the_second_review_found_stays_a_card() -> None:
    note, _ = parse(
        """
        ## データベースの設計

        テーブルを作る前に、**データ**の重複がないか確認する。

        ## 非同期処理

        非同期の反対は**同期**処理で、呼び出しが終わるまで待つ。

        ## ACID

        **A**tomicity: a transaction happens completely or not at all
        **C**onsistency: a transaction moves the database from one valid state to another
        **I**solation: concurrent transactions do not see each other's partial work

        ## Axes

        **x**-axis: time in seconds
        **y**-axis: requests per second
        **z**-axis: memory in megabytes

        ## 本番デプロイ

        **注意！**

        本番環境へのデプロイは必ずレビューを通してから行うこと。

        ## AWS

        - RDS Multi-AZ (synchronous replication, standby in another AZ)
          - Used for high availability, not for read scaling
        - Default VPC in every region, with a public subnet in each AZ
          - You can delete it, but recreating it needs a support call

        ## Go

        - //go:embed: embeds files into the binary at build time
        - //go:generate: runs a command before the build
        """
    )
    fronts = [c.front for c in note.cards]
    assert "テーブルを作る前に、［…］の重複がないか確認する。" in fronts
    assert "非同期の反対は［…］処理で、呼び出しが終わるまで待つ。" in fronts
    assert {"ACI", "Atomicity", "Consistency", "Isolation"} <= set(fronts)
    assert {"x-axis", "y-axis", "z-axis"} <= set(fronts) and "xyz" not in fronts
    assert "本番デプロイ › 注意！" in fronts
    assert "RDS Multi-AZ (synchronous replication, standby in another AZ)" in fronts
    assert "Default VPC in every region, with a public subnet in each AZ" in fronts
    assert {"//go:embed", "//go:generate"} <= set(fronts)


def test_a_paragraph_of_many_bold_words_is_no_cloze() -> None:
    names = ", ".join(f"**{n}**" for n in ("EC2", "Lambda", "ECS", "EKS", "Fargate", "Batch", "Lightsail"))
    note, trace = parse(f"## Compute\n\nCompute runs on {names} and **Outposts** in this design.\n")
    assert [c for c in note.cards if c.kind == "cloze"] == []
    assert any("8 blanks" in t.what for t in trace)


def test_the_authors_reasons_open_questions_and_misses_make_no_cards() -> None:
    note, trace = parse(
        """
        ## 参加目的

        - GitLab のユーザーにどんな人がいるのか知りたい
        - 社内に GitLab を立てる方法を知りたい

        ## 自分のこと

        - 工学部卒
        - 現職エンジニア 3年目

        ## Graph DBs

        - Neo4j stores nodes and relationships as first-class records
        - Others but did not catch as slides moved on. See slides

        ### Questions to AsyncProgramming:

        1. GIL - how where & when
        2. pros & cons of threading & multiprocessing in Python
        3. Are there any other ways of executing asynchronous code?

        ## Prioritization

        Questions to ask:

        - ROI Analysis: Time to value ratio
        - Next best alternative considerations
        """
    )
    fronts = [c.front for c in note.cards]
    assert not any(f.startswith(("参加目的", "自分のこと", "Questions to AsyncProgramming")) for f in fronts)
    assert "Graph DBs — 2 points" not in fronts
    assert any(t.rule == "first-person" and "did not catch" in t.what for t in trace)
    assert "Questions to ask — 2 points" in fronts


def test_what_the_third_review_found_stays_a_card() -> None:
    note, _ = parse(
        """
        ## Retransmission

        - TCP retransmits packets the receiver did not get within the RTO
        - A client that could not get a DHCP lease falls back to a link-local address

        ## Cloud Run

        - Cloud Run scales to zero when idle, so you pay only for requests
          - Concurrency defaults to 80

        ## 気になったこと

        - Sidecar コンテナは Pod と同じライフサイクルで動く
        - Init コンテナはメインより先に順に実行される
        - Ephemeral コンテナはデバッグ用途？

        ## Objectives

        **R**ecovery **P**oint Objective
        **R**ecovery **T**ime Objective
        """
    )
    fronts = [c.front for c in note.cards]
    assert "Retransmission — 2 points" in fronts
    assert "気になったこと — 3 points" in fronts
    assert "Cloud Run scales to zero when idle, so you pay only for requests" not in fronts
    assert "Recovery Point Objective" not in fronts


def test_a_line_opening_with_inline_code_then_what_it_does_is_a_card() -> None:
    note, _ = parse(
        """
        ## Workflow

        `terraform init` configures the backend and downloads the providers

        `$ touch notes.txt` creates an empty file

        - `ConditionCheck` can be used before a transaction
        - `full duplex` when both ends support it

        ## 関数

        `len()` は要素の数を返す関数

        `#` で始まる行はコメントになる

        `AnyVal` はいけてないよねという話

        ## shell_out!が必要なケース

        `shell_out!` はコマンドが期待した結果を得られなかったときに、リソースを収束させずに失敗させたい場合に使います。
        """
    )
    backs = {c.front: c.back for c in note.cards if c.kind == "definition"}
    assert backs["terraform init"] == "configures the backend and downloads the providers"
    assert backs["touch notes.txt"] == "creates an empty file"
    assert backs["ConditionCheck"] == "can be used before a transaction"
    assert backs["len()"] == "要素の数を返す関数"
    # no verb after the code, a case of it (で), a remark on it, and a heading that asks: no command card
    assert not {"full duplex", "#", "AnyVal", "shell_out!"} & set(backs)
    assert backs["shell_out!が必要なケース"].startswith("shell_out! はコマンドが")


def test_navigation_links_wrapped_japanese_and_a_line_ending_backslash() -> None:
    note, trace = parse(
        """
        ## 프로세스(Process)는 무엇인가?

        [목차로 이동](#index)<br>

        - 실행 중인 하나의 프로그램
        - 자원 단위

        ## 懇親

        Vim
        はコミュニティのバックグラウンドが大きいのもメリットだと思っている。

        今回は DeNA
        さんのオフィスで開催された。

        ## 用語

        Nostr:\\
        分散型のプロトコル
        """
    )
    fronts = [c.front for c in note.cards]
    assert fronts[0] == "프로세스(Process)는 무엇인가? — 2 points"
    assert not any("목차" in f for f in fronts)
    assert "Vim" not in fronts and "今回は DeNA" not in fronts
    assert [(c.front, c.back) for c in note.cards if c.front == "Nostr"] == [("Nostr", "分散型のプロトコル")]


def test_beside_facts_a_label_over_its_own_card_is_no_point_but_a_name_is() -> None:
    note, _ = parse(
        """
        ## Preemptible VM

        - similar to spot instances in AWS
        - short lived cheaper compute instances
        - use this when
            - applications are fault tolerant
            - workloads are not urgent
        - Spot VMs:
            - latest version of preemptible VMs
            - no maximum runtime
        """
    )
    backs = {c.front: [i.text for i in c.back] for c in note.cards if not isinstance(c.back, str)}
    assert backs["Preemptible VM — 3 points"] == [
        "similar to spot instances in AWS",
        "short lived cheaper compute instances",
        "Spot VMs:",
    ]
    assert "Preemptible VM › use this when — 2 points" in backs


def test_a_whole_item_in_bold_among_bold_terms_marks_no_right_answer() -> None:
    note, _ = parse(
        """
        ## How does DNS work?

        1. **Browser cache and OS cache**
        2. **DNS Resolver**: starts and orders the queries that lead to a full resolution
        3. **Root Nameserver**: stores the addresses of the TLD nameservers

        ## Which storage class is the cheapest?

        1. S3 Standard
        2. **S3 Glacier Deep Archive**
        3. S3 One Zone-IA
        """
    )
    cards = {c.front: c.back for c in note.cards}
    assert cards["DNS Resolver"] == "starts and orders the queries that lead to a full resolution"
    assert "How does DNS work?" not in cards  # no multiple-choice card of the first step alone
    assert cards["Which storage class is the cheapest?"] == "2. S3 Glacier Deep Archive"


def test_what_the_review_found_keeps_its_cards() -> None:
    # A cheat sheet's cmdlets with what they do, a term over its gloss in italics, a yes/no answer, names that end
    # in a keyword or a number, a keyword before a plural noun, the author's bold over a command, and lines that
    # each open with a command.
    note, _ = parse(
        """
        ## PowerShell

        Get-Process -Name chrome — lists the Chrome processes
        Stop-Process -Id 42 — kills the process with id 42

        ## Words

        **ephemeral**
        *lasting for a very short time*

        ## Lambda

        Lambda は VPC 内のリソースにアクセスできる？
        はい。VPC 設定をすると ENI 経由でアクセスできる。

        ## Clauses

        - SELECT picks the columns
        - GROUP BY
          - groups rows that share values
          - used with aggregate functions
        - ORDER BY
          - sorts the result
          - ASC is the default

        ## RAID levels

        - RAID 5 survives one failed disk
        - RAID 0:
          - striping, no redundancy
          - fastest writes
        - RAID 1:
          - mirroring
          - half the raw capacity

        ## Functions

        `async` functions always return a Promise.

        `HEAD` is a **symbolic ref** that usually points to a branch.

        ## Bindings

        From the book, chapter 2.

        `const` declares a block-scoped binding that cannot be reassigned;
        `let` declares a block-scoped binding that can be reassigned;
        $ echo $SHELL -- prints your login shell
        umask: default permission mask for new files

        ## Quiz

        Which service lets instances in a private subnet reach the internet?

        1. **Internet Gateway** attached to the private subnet
        2. **NAT Gateway**
        3. **VPC Endpoint** for S3

        ## Dashes

        The reflog -- not the log -- is where lost commits are found.

        ## npm

        Common commands.

        `npm install` installs the dependencies in package.json
        `npm ci` for clean installs in CI
        `npx` runs a package binary without installing it
        """
    )
    cards = {c.front: c.back for c in note.cards}
    assert cards["Get-Process -Name chrome"] == "lists the Chrome processes"
    assert cards["ephemeral"] == "lasting for a very short time"
    assert cards["Lambda は VPC 内のリソースにアクセスできる？"].startswith("はい。")
    assert [i.text for i in cards["Clauses — 3 points"]] == ["SELECT picks the columns", "GROUP BY", "ORDER BY"]
    assert [i.text for i in cards["RAID levels — 3 points"]][1:] == ["RAID 0:", "RAID 1:"]
    assert "async" not in cards
    assert any(c.kind == "cloze" and c.answers == ("symbolic ref",) for c in note.cards)
    assert cards["npm install"] == "installs the dependencies in package.json"
    assert cards["npx"] == "runs a package binary without installing it"
    assert cards["let"] == "declares a block-scoped binding that can be reassigned;"
    assert cards["umask"] == "default permission mask for new files"
    assert cards["Which service lets instances in a private subnet reach the internet?"] == "2. NAT Gateway"
    assert "The reflog" not in cards


def test_two_hyphens_between_spaces_separate_a_command_from_what_it_does() -> None:
    note, _ = parse(
        """
        ## Logs

        Where the logs are.

        $ cat /var/log/syslog -- application logging for deb based systems
        $ cat /var/log/auth.log -- authentication logs

        ## Files

        - $ ls -la -- lists all files with their details
        - $ df -h -- shows free disk space
        """
    )
    assert [(c.front, c.back) for c in note.cards if c.kind == "definition"] == [
        ("$ cat /var/log/syslog", "application logging for deb based systems"),
        ("$ cat /var/log/auth.log", "authentication logs"),
        ("$ ls -la", "lists all files with their details"),
        ("$ df -h", "shows free disk space"),
    ]


def test_beside_facts_a_generic_header_over_its_own_card_is_no_point() -> None:
    note, _ = parse(
        """
        ## Load Balancing

        - Distribute traffic across VM instances in one or more regions
        - **TYPES**
            - External HTTP
            - Internal TCP/UDP
        - Features:
            - highly available
            - handles huge loads

        ## Vantagens e Desvantagens

        - Vantagens:
            - reutilização de código
            - baixo acoplamento
        - Desvantagens:
            - mais classes

        ## Preemptible VM

        - similar to spot instances in AWS
        - short lived cheaper compute instances
        - Examples:
            - batch jobs
            - CI runners
        """
    )
    cards = {c.front: c.back for c in note.cards}
    # One fact is left beside the headers: it says what the heading is.
    assert cards["Load Balancing"] == "Distribute traffic across VM instances in one or more regions"
    assert [i.text for i in cards["Load Balancing › TYPES — 2 points"]] == ["External HTTP", "Internal TCP/UDP"]
    assert not [f for f in cards if f.startswith("Vantagens e Desvantagens —")]
    assert "Vantagens e Desvantagens › Vantagens — 2 points" in cards
    assert [i.text for i in cards["Preemptible VM — 2 points"]] == [
        "similar to spot instances in AWS",
        "short lived cheaper compute instances",
    ]


def test_a_lone_fact_beside_headers_is_the_headings_answer_and_a_generic_name_among_names_stays() -> None:
    note, _ = parse(
        """
        ## Spot Instances

        - Examples:
            - batch jobs
            - CI runners
        - Can be reclaimed by AWS with a two-minute interruption notice

        ## Why use Terraform?

        - Declarative infrastructure as code across many providers
        - Examples:
            - AWS
            - Azure

        ## TypeScript basics

        - Static types checked at compile time
        - Types
            - primitive
            - union
        - Interfaces
            - describe shapes
            - can be extended
        """
    )
    cards = {c.front: c.back for c in note.cards}
    assert cards["Spot Instances"] == "Can be reclaimed by AWS with a two-minute interruption notice"
    assert cards["Why use Terraform?"] == "Declarative infrastructure as code across many providers"
    assert [i.text for i in cards["TypeScript basics — 3 points"]] == [
        "Static types checked at compile time",
        "Types",
        "Interfaces",
    ]


def test_a_list_of_cases_each_over_its_own_card_makes_no_list_of_their_names() -> None:
    note, _ = parse(
        """
        ## Webサーバからメールを送信する場合

        - 密結合の場合
            - Webサーバが直接SMTPサーバへ送信する
            - SMTPサーバが落ちると処理が失敗する
        - 疎結合の場合
            - SQSにメッセージを置き、別のワーカーが送信する
            - 失敗しても再試行できる
        """
    )
    fronts_ = [c.front for c in note.cards]
    assert "Webサーバからメールを送信する場合 — 2 points" not in fronts_
    assert "Webサーバからメールを送信する場合 › 密結合の場合 — 2 points" in fronts_


def test_cases_are_the_answer_when_the_heading_asks_for_them() -> None:
    note, _ = parse(
        """
        ## GCが発生するタイミング

        - Eden領域が満杯になったとき
            - Minor GC が走る
        - Old領域が満杯になったとき
            - Major GC が走る

        ## Redisの永続化

        - RDBはスナップショットを定期的に保存する
        - AOFを使う場合
            - 書き込みをすべてログに残す
        """
    )
    fronts_ = [c.front for c in note.cards]
    assert "GCが発生するタイミング — 2 points" in fronts_
    # A case beside one fact leaves it a list, not the heading's definition.
    assert "Redisの永続化" not in fronts_


def test_beside_facts_a_parent_that_repeats_the_heading_is_no_point_but_one_that_asks_is() -> None:
    note, _ = parse(
        """
        ## Retries, backoff, and jitter
        - Failures happen, we want our system to be more available than a single node
        - Resiliency through redundancy
        - Retries
            - allow us to achieve higher availability through redundancy
            - problem is that they can also DoS your own service
        - Which is more complex, control or data plane?
            - Control Plane is more complex
        """
    )
    cards = {c.front: c.back for c in note.cards}
    assert [i.text for i in cards["Retries, backoff, and jitter — 3 points"]] == [
        "Failures happen, we want our system to be more available than a single node",
        "Resiliency through redundancy",
        "Which is more complex, control or data plane?",
    ]
    assert "Retries, backoff, and jitter › Retries — 2 points" in cards
    assert cards["Which is more complex, control or data plane?"] == "Control Plane is more complex"
    # ("Types" among "TypeScript basics" is a word of its own: see the test of a generic name among names)
