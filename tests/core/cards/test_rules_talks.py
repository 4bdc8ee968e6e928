"""Rules for talk notes and event write-ups: who spoke and where the slides are, the note's own date fields, and an
event's KPT retrospective. Each on small notes, with what must still make cards."""

from __future__ import annotations

from devday_tui.core.cards import Trace
from tests.core.cards.small_notes import fronts, parse


def dropped(trace: list[Trace], rule: str) -> list[int]:
    return [t.line for t in trace if t.rule == rule and not t.made]


def test_the_speakers_bio_and_the_slides_make_no_cards_in_either_language() -> None:
    note, trace = parse(
        """
        ## About the speaker

        Cory builds backend software at PagerDuty, and in his spare time he likes games.

        ## Slides & Video

        Slides are here. The video is available here.

        ## 登壇者紹介

        - 山田さん: SRE チームのリード

        ## 発表資料

        - スライド: 後日公開

        ## Blameless post-mortems

        - Five whys: asking why until the root cause shows
        """
    )
    assert [c.front for c in note.cards] == ["Five whys"]
    assert dropped(trace, "skip-section") == [1, 5, 9, 13]


def test_a_date_under_the_notes_own_field_is_metadata_but_a_release_date_is_a_fact() -> None:
    note, trace = parse(
        """
        ## Meta

        - Today: 2024-10-24
        - 開催日: 2024年10月24日
        - Fecha: 24/10/2024
        - Released: 2006-03-14
        - Today: the day the talk was given
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["Released", "Today"]
    assert dropped(trace, "metadata") == [3, 4, 5]


def test_an_events_kpt_retrospective_makes_no_cards_as_headings_or_labels() -> None:
    note, trace = parse(
        """
        ## Keep

        - オンライン開催が良かった
        - 資料の事前共有

        ## Problem

        - 音声が聞こえにくかった
        - 休憩が短い

        ## Try

        - 夏休みイベントは夏休み前に告知する
        - 環境構築は先に終わらせておく

        ## ハンズオン

        **Keep**
        - 手順書が丁寧

        **Try**
        - 時間配分を見直す

        使ったサービス:

        - Fargate: サーバーを管理せずにコンテナを動かせる
        """
    )
    assert [c.front for c in note.cards] == ["Fargate"]
    assert dropped(trace, "skip-section") == [1, 6, 11]


def test_problem_and_try_still_make_cards_where_no_keep_says_it_is_a_retrospective() -> None:
    assert fronts(
        """
        # Python exceptions

        ## Try

        - runs the code that may raise
        - is followed by except or finally

        ## Problem

        - a bare except hides the error
        - and catches KeyboardInterrupt too
        """
    ) == ["Try — 2 points", "Python exceptions › Problem — 2 points"]


def test_a_time_of_the_day_as_a_term_is_the_schedule_not_a_fact() -> None:
    note, trace = parse(
        """
        ## Orals

        10:05 am : West Exhibition Hall C + B3

        14:00〜14:45: Keynote hall

        - TTL: 300 seconds by default
        """
    )
    assert [c.front for c in note.cards] == ["TTL"]
    assert dropped(trace, "metadata") == [3, 5]


def test_a_talks_title_given_again_as_its_own_back_is_no_card() -> None:
    note, _ = parse(
        """
        ## セッション

        地方IT企業の戦略を広げる技術選択としてのREACT NATIVE: 地方IT企業の戦略を広げる 技術選択としてのReact Native

        - React Native: 一つのコードで iOS と Android のアプリを作れる
        """
    )
    assert [c.front for c in note.cards] == ["React Native"]


def test_a_list_of_the_authors_own_story_is_no_card() -> None:
    note, trace = parse(
        """
        ## Context

        - I am a software architect having worked in application development.
        - I have done so on premise, in Heroku and Azure.
        - I also sat the developer associate exam in 2019.

        ## S3

        - I recommend versioning for every bucket
        - Object size max: 5 TB
        - Multipart upload above 100 MB
        """
    )
    assert [c.front for c in note.cards] == ["S3 — 3 points", "Object size max"]
    assert dropped(trace, "first-person") == [3]


def test_questions_in_the_first_person_that_a_method_asks_stay_a_list() -> None:
    assert fronts(
        """
        ## Daily Scrum

        - Cannot be skipped
        - Three questions each member should answer
            - What did I do yesterday that helped the team meet the Sprint Goal?
            - What will I do today to help the team meet the Sprint Goal?
            - Do I see any impediment that prevents me from meeting the Sprint Goal?
        """
    ) == ["Daily Scrum — 2 points", "Daily Scrum › Three questions each member should answer — 3 points"]


def test_headings_that_name_a_subject_are_no_talk_logistics() -> None:
    assert fronts(
        """
        ## Video

        - The video element: embeds a media player in the page

        ## Recording

        - Recording rule: precomputes an expression and saves it as a new series

        ## アーカイブ

        - Glacier Deep Archive: 最も安価なアーカイブ用ストレージクラス
        """
    ) == ["The video element", "Recording rule", "Glacier Deep Archive"]


def test_a_kpt_written_in_capitals_or_with_the_colon_in_the_bold_is_a_retrospective() -> None:
    assert not fronts(
        """
        ## KEEP

        - 資料の事前共有
        - 懇親会の進行

        ## TRY

        - 時間配分を見直す
        - 休憩を長くする
        """
    )
    assert not fronts(
        """
        **Keep:**
        - 資料の事前共有
        - 懇親会の進行

        **Try（次回やること）**
        - 時間配分を見直す
        - 休憩を長くする
        """
    )


def test_user_stories_in_the_first_person_stay_a_list() -> None:
    assert fronts(
        """
        ## User stories

        - As a user, I want to reset my password so that I can sign in again
        - As an admin, I want to lock an account after five failed sign-ins
        - As a user, I want to export my data as CSV
        """
    ) == ["User stories — 3 points"]


def test_a_ratio_alone_is_no_time_of_the_day() -> None:
    note, trace = parse(
        """
        ## Aspect ratios

        16:10 : WUXGA and most laptop screens

        4:25 pm : Ballroom A
        """
    )
    assert dropped(trace, "metadata") == [5]
    assert "4:25 pm" not in [c.front for c in note.cards]


def test_what_the_speaker_did_on_stage_is_no_card() -> None:
    note, trace = parse(
        """
        ## SharedArrayBuffer

        - Speaker demonstrates the Mandelbrot algorithm with SharedArrayBuffer
          - brings the CPU to 100% on every core
          - near-perfect scaling
        - 登壇者はライブコーディングで Worker を起動した
        - Atomics.wait: blocks a worker until it is notified
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["Atomics.wait"]
    assert not any(c.front.startswith(("Speaker", "登壇者")) for c in note.cards)
    assert dropped(trace, "first-person") == [3]


def test_a_back_that_says_the_author_missed_it_is_no_card() -> None:
    note, trace = parse(
        """
        ## Web workers

        - Message passing: slow, and dependent on the event loop
        - Buffer transfer: [missed this]
        - 共有メモリ: 聞き取れず
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["Message passing"]
    assert [t.line for t in trace if t.rule == "unsure"] == [4, 5]


def test_a_front_that_speaks_of_a_figure_on_the_page_is_no_card() -> None:
    note, trace = parse(
        """
        ## 硬链接

        上图会产生: /avi/book/avi/book/avi/book/...

        The diagram below: how a request reaches the pod

        - inode: 文件的元数据
        """
    )
    assert [c.front for c in note.cards] == ["inode"]
    assert [t.line for t in trace if t.rule == "image-only"] == [3, 5]


def test_a_paragraph_that_stops_mid_sentence_over_its_code_is_no_definition() -> None:
    note, _ = parse(
        """
        ## shell_out!

        shell_out!はshell_outと使い方は一緒ですが、終了ステータスが

        ```ruby
        shell_out!("false")
        ```
        """
    )
    assert note.cards == []


def test_a_heading_over_one_paragraph_that_stops_mid_sentence_is_no_definition() -> None:
    note, trace = parse(
        """
        ## shell_out!

        shell_out!はshell_outと使い方は一緒ですが、終了ステータスが

        ## shell_out

        shell_out はコマンドを実行し、その結果を返すメソッドです。
        """
    )
    assert [c.front for c in note.cards] == ["shell_out"]
    assert dropped(trace, "heading-paragraph") == [3]


def test_best_practices_and_use_cases_take_their_heading() -> None:
    assert fronts(
        """
        ## Lambda Layers

        ### Use cases

        - share libraries between functions
        - ship a custom runtime
        """
    ) == ["Lambda Layers › Use cases — 2 points"]


def test_an_embedded_slide_deck_and_its_caption_make_no_card() -> None:
    note, _ = parse(
        """
        ## CardboardのUXをカメラで向上する

        <iframe src="//www.slideshare.net/slideshow/embed_code/key/abc" width="425"></iframe> <div><strong><a href="//www.slideshare.net/k/c">CardboardのUXをカメラで向上する (droidkaigi 2015/04)</a></strong> from <strong><a href="//www.slideshare.net/k">Kenichi Takahashi</a></strong></div>

        ## HTML

        - `<iframe src="…">`: embeds another page in this one
        """
    )
    assert [c.front for c in note.cards] == ['<iframe src="…">']


def test_a_link_drawn_as_a_card_is_an_embed_and_makes_no_card() -> None:
    note, _ = parse(
        """
        ## INTEGRATE YOUR APP TO MODERN WORLD: @d_date

        <a class="embedly-card" data-card-controls="0" href="https://speakerdeck.com/d/integrate">Integrate your app to modern world in Niigata</a>

        ## Services

        - <a class="button" href="https://example.com/fargate">Fargate</a>: runs containers without servers
        - The `embedly-card` class: draws a link as a card
        """
    )
    assert [c.front for c in note.cards if c.kind == "definition"] == ["Fargate", "The embedly-card class"]


def test_sessions_the_author_attended_and_a_joined_chatter_heading_make_no_cards() -> None:
    note, trace = parse(
        """
        ## 参加したセッション

        - Keynote
        - Performance culture

        ## 感想, まとめ

        - 画面向き変更はハマりどころが多そう

        ## Talks I attended

        - A Snake in the Bits
        - Everything at Once

        ## Pros, Cons

        - Pros: fast
        - Cons: costly
        """
    )
    assert dropped(trace, "skip-section") == [1, 6, 10]
    assert [c.front for c in note.cards if c.kind == "definition"] == ["Pros, Cons › Pros", "Pros, Cons › Cons"]


def test_what_stays_beside_the_talk_rules() -> None:
    """Each of these made a card before the rules on talks, and still does."""
    made = fronts(
        """
        ## Presentations

        - Speaker notes: text shown only to the presenter, never on the projector

        ## Audio

        スピーカーは次の種類に分けられる:
        - ダイナミック型
        - コンデンサー型
        - 圧電型

        ## Hearing

        - 20Hz未満: 聞き取れない
        - Rest: no note is played for its length

        ## Geometry

        - 上の図形の面積: 底辺 × 高さ ÷ 2

        ## HTML

        - defer: HTML の解析後に実行する。例 <script defer src="app.js">

        ## Series・DataFrame

        - DataFrame: 2 次元のラベル付きの表
        """
    )
    for front in ("Speaker notes", "20Hz未満", "Rest", "上の図形の面積", "defer", "DataFrame"):
        assert front in made, (front, made)
    assert any("スピーカーは次の種類に分けられる" in f for f in made), made


def test_a_definition_ending_in_a_noun_phrase_is_the_headings_definition() -> None:
    assert fronts(
        """
        ## Lambda

        サーバーを管理せずにコードを実行できる、イベント駆動のサーバーレスなコンピューティングサービスのこと

        ## Fargate

        コンテナを動かすためのサーバーやクラスターの管理が不要な、AWS のコンピューティングエンジンというもの
        """
    ) == ["Lambda", "Fargate"]
