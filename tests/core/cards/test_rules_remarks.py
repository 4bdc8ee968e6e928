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
        - How pods need to be drained
          - kubectl drain node-1
        """
    )
    got = {c.front: c.back for c in note.cards}
    assert "Memory operations need 3 instruction gap" not in got
    assert not any(front.startswith("Subsequent backups") for front in got)
    # A name with a clause in it, a name of uses, a question word: what is under them answers them.
    assert got["Services that support encryption at rest"] == "S3, EBS and RDS"
    assert got["Use cases for Lambda"] == "event-driven glue code"
    assert got["How pods need to be drained"] == "kubectl drain node-1"
    assert [t.line for t in trace if t.rule == "prose-label"] == [3, 5]


def test_a_footnote_under_a_line_is_not_its_answer() -> None:
    note, trace = parse(
        """
        ## INSERT文

        **原則としてINSERT1文は1回の実行で1行を挿入すること**
        ※複数行INSERTも可能だが非推奨(P122)

        - 主キーは重複できない
          - ※NULL も不可
        - 外部キーの参照先
          - (*) 親テーブルの主キー

        **DEFAULT制約**
        列に値を指定しないときに入る値
        """
    )
    assert [(c.front, c.back) for c in note.cards if c.kind == "definition"] == [
        ("DEFAULT制約", "列に値を指定しないときに入る値")
    ]
    assert not any(c.kind == "cloze" for c in note.cards)  # nor a cloze of the whole bold line
    assert {t.line for t in trace if t.rule in ("term-line", "prose-label") and not t.made} == {3, 6, 8}


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
        """
    )
    fronts = [c.front for c in note.cards]
    assert not any("google.com" in f or "android.com" in f or "Developers" in f for f in fronts)
    assert "Amazon S3 — 2 points" in fronts  # a link named for what it links to still labels its list
    assert [t.line for t in trace if t.rule == "bare-link"] == [10]


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


def test_a_database_shell_session_pasted_without_a_fence_makes_no_card() -> None:
    note, trace = parse(
        """
        ## UPDATE文

        shop=# UPDATE Shohin
        shop-# SET hanbai_tanka = hanbai_tanka * 10
        shop-# WHERE shohin_bunrui = 'キッチン用品';

        mysql> SELECT name FROM users WHERE id = 1;
        name = alice
        """
    )
    assert note.cards == []
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
