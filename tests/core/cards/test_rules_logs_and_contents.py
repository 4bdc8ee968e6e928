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
    assert got == ["kubectl explain"]


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
