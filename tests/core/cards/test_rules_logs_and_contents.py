"""Lists that are no facts: a note's own table of contents, a week's log kept by day, the author's situation and
tools; questions written one per line in a paragraph, none the answer of the first."""

from __future__ import annotations

from tests.core.cards.small_notes import fronts, parse


def test_a_list_of_the_notes_own_headings_is_its_table_of_contents() -> None:
    note, trace = parse(
        """
        # ネットワーク

        * Amazon API Gateway
        * AWS Direct Connect
        * Amazon VPC
        * サブネット
        * Route 53

        ## AWS Direct Connect
        オンプレミス環境と AWS の間を専用線で接続し、安定した帯域で通信できるサービス

        ## Amazon VPC
        論理的に分割された、特定のユーザーだけが利用できるプライベートネットワーク

        ## サブネット
        VPC の IP アドレスの範囲を分割して作る、ネットワークのセグメントのこと
        """
    )
    got = [c.front for c in note.cards]
    assert not any("points" in f for f in got)
    assert "AWS Direct Connect" in got and "サブネット" in got
    assert any(t.rule == "toc" and not t.made for t in trace)


def test_a_list_under_its_own_heading_groups_the_sections_it_names() -> None:
    got = fronts(
        """
        # AWS

        ## Serverless compute services
        - Lambda
        - Fargate
        - App Runner

        ## Lambda
        Runs your functions on events, billed by the millisecond of their run.

        ## Fargate
        Runs containers without servers or clusters for you to manage.

        ## App Runner
        Runs a web application from its source code or its container image.
        """
    )
    assert "Serverless compute services — 3 points" in got


def test_a_list_naming_two_headings_among_others_is_a_list() -> None:
    got = fronts(
        """
        # Compute

        Services to know:
        * EC2 runs virtual machines
        * Lambda
        * ECS
        * Fargate runs containers without servers

        ## Lambda
        Runs functions on events

        ## ECS
        Runs containers on a cluster

        ## Pricing
        Pay per second
        """
    )
    assert any(f.startswith("Services to know") for f in got)


def test_a_week_kept_by_day_and_the_authors_tools_make_no_cards() -> None:
    md = """
        # CKA

        ### My situation:
        * 2 years of professional experience with K8s
        * 17 years in Linux

        ### In the last week before the exam:
        * **Monday**: did my first mock exam and performed badly
        * **Tuesday**: reworked all the questions
        * **Thursday**: took a day off
        * **Sunday**: exam day, had a good feeling afterwards

        ### Tools

        I use:
        * kubectl autocompletion

        I do not use:
        * terminal managers such as tmux

        ### Shortcuts
        * `kubectl explain`: shows the fields of a resource
        """
    got = fronts(md)
    assert not any(f.startswith(("My situation", "In the last week")) or f in ("Monday", "Sunday") for f in got)
    assert "kubectl explain" in got
    # "I use:" heads a list of tools, facts like any other
    assert any(f.startswith("I use") for f in got)


def test_a_days_lecture_or_a_words_origin_is_no_diary() -> None:
    got = fronts(
        """
        ## Week 5

        * **Monday**: lecture on TCP congestion control (slow start, AIMD)
        * **Wednesday**: Little's law, L = λW
        * **Friday**: longest-prefix match in IP routing

        ## 曜日の由来

        - 火曜日：火星（Mars）に対応し、フランス語の mardi と同じ
        - 水曜日：水星（Mercury）に対応する
        - 木曜日：木星（Jupiter）に対応する

        ## 今週の勉強

        - 月曜日：模試を解いた、62点
        - 火曜日：VPCの問題を復習した
        - 水曜日：S3の章を読み直した
        """
    )
    assert "Monday" in got and "火曜日" in got
    assert not any(f.startswith("今週の勉強") for f in got)


def test_days_of_the_week_translated_word_for_word_are_vocabulary() -> None:
    got = fronts(
        """
        ## 曜日

        * 月曜日: Monday
        * 火曜日: Tuesday
        * 水曜日: Wednesday
        """
    )
    assert got == ["曜日 — 3 points"] or {"月曜日", "火曜日", "水曜日"} <= set(got)


def test_a_numbered_point_with_its_explanation_under_it_is_a_term() -> None:
    got = {
        c.front: c.back_text
        for c in parse(
            """
            ## 需要と供給

            (1) 需要曲線が右にシフトする
            価格が上がり、取引量が増える。
            (2) 供給曲線が右にシフトする

            ## Docker

            Step 1 Set up Docker
            Step 1.1 install Docker Desktop
            Step 1.2 enable the WSL 2 backend
            """
        )[0].cards
    }
    assert got["(1) 需要曲線が右にシフトする"].startswith("価格が上がり、取引量が増える。")
    assert got["Step 1 Set up Docker"].startswith("Step 1.1 install Docker Desktop")


def test_questions_one_per_line_are_no_term_and_its_definition() -> None:
    note, trace = parse(
        """
        ## リソースの移動

        問１　リソースの移動中、リソースはロックされる？
        問２　リソースを移動すると、リソースの場所は変わる？
        問３　リソースIDはどうなる？

        ## Storage Gateway
        ファイルゲートウェイ
        NFS/SMB でオンプレから S3 にファイルを置く
        """
    )
    got = {c.front: c.back_text for c in note.cards}
    assert not any(f.startswith("問１") for f in got)
    assert got["ファイルゲートウェイ"] == "NFS/SMB でオンプレから S3 にファイルを置く"
    assert any(t.rule == "term-line" and "numbered alike" in t.what for t in trace)


def test_an_equation_is_no_term_and_a_symbols_meaning_is() -> None:
    got = {
        c.front: c.back_text
        for c in parse(
            """
            ## Notation
            - Hypothesis: $h_\\theta(x) = \\theta^T x$, where $x_0 = 1$
            - $X_2 = H(T_4||X_1) = T_2$
            - $v_0$ = initial velocity
            - ARR = MRR × 12
            - R = read
            """
        )[0].cards
    }
    assert got["Hypothesis"] == "h_θ(x) = θ^T x, where x_0 = 1"
    assert "X_2" not in got
    assert got["v_0"] == "initial velocity"
    assert got["ARR"] == "MRR × 12"
    assert got["R"] == "read"


def test_a_hidden_step_number_asks_nothing_and_loose_bold_is_bold() -> None:
    note, trace = parse(
        """
        ## Digital signatures

        **Step 1:** Alice hashes the plaintext document

        **Step 2:** The hash gets encrypted with Alice's private key

        The session keys are derived in **Step 3**, after the key exchange.

        In Python, 2**3 ** 2 is 512.

        ## Network Policies

        > **Warning: ** Flannel CNI does not support network policy
        """
    )
    got = {c.front: c.back_text for c in note.cards}
    assert [c.answers for c in note.cards if c.kind == "cloze"] == [("Step 3",)]
    assert any(t.rule == "weak-cloze" and "Step 1" in t.what for t in trace)
    assert got["Network Policies › Warning"] == "Flannel CNI does not support network policy"


def test_a_sentence_that_names_a_formulas_parts_makes_no_cloze() -> None:
    note, _ = parse(
        """
        ## Truncating dates

        `SELECT DATE_TRUNC('day', time_column)`

        where **time_column** is the timestamp column of the table.

        ## Indexes

        Where possible, **B-tree** indexes serve range queries.
        """
    )
    assert [c.answers for c in note.cards if c.kind == "cloze"] == [("B-tree",)]


def test_a_vague_title_heading_is_not_named_twice() -> None:
    assert fronts("# Week 1\n\n* linear regression\n* cost function\n* gradient descent\n") == ["Week 1 — 3 points"]


def test_a_books_contents_make_no_cards_nor_do_letters_of_a_word_hidden() -> None:
    note, _ = parse(
        """
        ## 本の目次

        第1部 Web概論
        - 第1章 Webとは何か
        - 第2章 Webの歴史

        ## REST

        REST is short for **RE**presentational **S**tate **T**ransfer.

        A resource is named by a **URI** and read with GET.

        ## Wordの目次

        目次は**見出しスタイル**から作られる。

        ## Limits

        An S3 object is at most **5**TB, spread over several **AZ**s.
        """
    )
    assert [c.answers for c in note.cards if c.kind == "cloze"] == [("URI",), ("見出しスタイル",), ("5", "AZ")]
    assert not any(c.front.startswith("本の目次") for c in note.cards)
