"""The sections that make no cards: chatter, not facts (``skip-section``). The default list of their headings, and
how a heading is matched with it (see :func:`~devday_tui.core.cards.terms.skip_key` for the heading's form)."""

from __future__ import annotations

import re

from devday_tui.core.text import normalise

#: Headings of sections that make no cards: chatter, not facts. A note's or a deck's ``skip_sections:`` changes it.
DEFAULT_SKIP_SECTIONS = (
    "感想",
    "所感",
    "雑感",
    "TL;DR",
    "TLDR",
    "はじめに",
    "まえがき",
    "おわりに",
    "参考",
    "参考文献",
    "参考リンク",
    "References",
    "Reference",
    "See also",
    "Check out",
    "Useful links",
    "Useful resources",
    "Links",
    "Acknowledgements",
    "告知",
    "Disclaimer",
    "免責事項",
    "Read more",
    "Further reading",
    "関連リンク",
    "Impression",
    "Impressions",
    "My thoughts",
    "My situation",
    "本の目次",
    "書籍の目次",
    "この本の目次",
    "My background",
    "Thoughts",
    "Verdict",
    "自己紹介",
    "自分のこと",
    "参加目的",
    "参加した目的",
    "参加動機",
    "Why I attended",
    "会社紹介",
    "チーム紹介",
    "About me",
    "Who am I",
    "whoami",
    "Self introduction",
    # Who gave the talk, and where its slides and recording are: no fact of the talk.
    "About the speaker",
    "About the speakers",
    "Speaker bio",
    "登壇者",
    "登壇者紹介",
    "講演者",
    "講演者紹介",
    "スピーカー紹介",
    "Slides & Video",
    "Slides and video",
    "Slides and recording",
    "発表資料",
    "登壇資料",
    "発表スライド",
    "アーカイブ動画",
    "Sponsors",
    "スポンサー",
    "スポンサーLT",
    "スポンサーセッション",
    "Sponsor talks",
    "宣伝",
    "書籍紹介",
    "会計報告",
    "収支報告",
    "お知らせ",
    "Announcements",
    "懇親会",
    "Swag",
    "We're hiring",
    "Hiring",
    "Table of Contents",
    "Contents",
    "目次",
    "Agenda",
    "アジェンダ",
    "対象読者",
    "想定読者",
    "Target audience",
    "Who this is for",
    "環境",
    "バージョン確認",
    "動作バージョン",
    "使用バージョン",
    "バージョン情報",
    "Versions",
    "Online Training",
    "Online courses",
    "Training courses",
    "実行環境",
    "動作環境",
    "検証環境",
    "作業環境",
    "開発環境",
    "使用環境",
    "動作確認環境",
    "学習開始時点の知識",
    "学習時間",
    "勉強時間",
    "学習期間",
    "勉強期間",
    "受験結果",
    "試験結果",
    "受験のきっかけ",
    "受験動機",
    "試験概要",
    "試験の概要",
    "試験について",
    "試験情報",
    "Exam format",
    "Exam details",
    "Exam overview",
    "About the exam",
    "Exam information",
    "関連記事",
    "参考記事",
    "参考サイト",
    "関連サイト",
    "おすすめサイト",
    "リンク集",
    "シリーズの記事",
    "Series",
    "Related posts",
    "Related articles",
    "Exam Registration",
    "Once you pass",
    "After the exam",
    "おことわり",
    "お断り",
    "リンク",
    "終わりに",
    "おしまい",
    "おわり",
    "まとめと感想",
    "参加したセッション",
    "参加したセッション等",
    "聴講したセッション",
    "聞いたセッション",
    "見たセッション",
    "Sessions I attended",
    "Talks I attended",
    "Today's sessions",
    "Today's talks",
    "Sessions attended",
    "Talks attended",
    "My schedule",
    "本日のセッション",
    "今日のセッション",
    "聴講セッション",
    "参加セッション",
    "使用パッケージ",
    "使用ライブラリ",
    "使用したパッケージ",
    "使用したライブラリ",
    "Packages used",
    "感想とまとめ",
    "最後に",
    "さいごに",
    "Study tips",
    "Learning objectives",
    "What you will learn",
    "What you'll learn",
    "学習目標",
    "この記事で学べること",
    "What to study",
    "Recommended courses",
    "Recommended learning path",
    "Study recommendations",
    "Exam taking strategies",
    "Exam strategy",
    "Test-taking tips",
    "お世話になった書籍",
    "使用した書籍",
    "参考書籍",
    "勉強法",
    "勉強の方針",
    "Study plan",
    "My study plan",
    "個人的に効果のあった勉強法",
    "In-scope AWS services and features",
    "Out-of-scope AWS services and features",
    "Technologies and concepts that might appear on the exam",
    "範囲内の AWS のサービスと機能",
    "範囲外の AWS のサービスと機能",
    "試験に出題される可能性のあるテクノロジーと概念",
    "宿題",
    "振り返り",
    "書いた人",
    "筆者",
    "著者紹介",
    "プロフィール",
    "Profile",
    "About the author",
    "筆者前提",
    "筆者のスペック",
    "受験者情報",
    "開始前のスペック",
    "受験するモチベーション",
    "受験の動機",
    "モチベーション",
    "試験形式",
    "推奨知識",
    "対象外の範囲",
    "試験当日",
    "受験方法",
    "申し込み",
    "Exam Preparation",
    "Exam Environment",
    "Exam Day",
    "Registration",
    "Taking the exam",
    "Test center",
    "Testing center",
    "Online proctoring",
    "Online proctored exam",
    "試験会場",
    "受験会場",
    "受験環境",
    "受験申込",
    "受験申し込み",
    "この記事で分かること",
    "この記事でわかること",
    "本記事で分かること",
    "本記事でわかること",
    "この記事の内容",
    "本記事の内容",
    "なぜやってみたか",
    "なぜ参加したか",
    "やってみた理由",
    # The author's own to-do list (what is left to study, ticked off or not): no facts.
    "TODO",
    "TO-DO",
    "To do",
    "Todos",
    "To-dos",
    "TODO list",
    "To-do list",
    "TODOリスト",
    "やること",
    "やることリスト",
    # Reading lists and opinions in Spanish, Italian, German, French and Portuguese.
    "Referencias",
    "Bibliografía",
    "Fuentes",
    "Enlaces",
    "Riferimenti",
    "Bibliografia",
    "Fonti",
    "Collegamenti",
    "Link utili",
    "Quellen",
    "Literatur",
    "Literaturverzeichnis",
    "Referenzen",
    "Weblinks",
    "Références",
    "Liens",
    "Bibliographie",
    "Referências",
    "Fontes",
    "Conclusión personal",
    "Opinión",
    "Opinione",
    "Meinung",
    "Mon avis",
    # Reading lists and asides in Chinese and Korean.
    "参考资料",
    "参考链接",
    "相关链接",
    "相关文章",
    "延伸阅读",
    "推荐阅读",
    "扩展阅读",
    "资料",
    "书籍",
    "参考书籍",
    "写在前面",
    "后记",
    "참고",
    "참고 자료",
    "참고자료",
    "참고 링크",
    "관련 링크",
    "관련 글",
    "마치며",
    "후기",
    "느낀 점",
    "勉強資料",
    "学習資料",
    "教材",
    "使用教材",
    "参考書",
    "勉強方法",
    "学習方法",
    "Study materials",
    "Study resources",
    "Learning resources",
    "Study plan",
    "TODO",
    "To do",
    "Notes to self",
    "Note to self",
    "やること",
    "調べること",
    "あとで調べる",
    "あとで読む",
    "Reading list",
    "KPT",
    "タイムテーブル",
    "Timetable",
    "当日のスケジュール",
    "参加理由",
    "参加した理由",
    "参加動機",
    "参加のきっかけ",
    "Why I attended",
    "イベント概要",
    "イベントの主旨",
    "イベント情報",
    "開催概要",
    "About the event",
    "What to focus on",
    "My environment",
    "My setup",
    "Test environment",
)
DEFAULT_SKIP = frozenset(normalise(h) for h in DEFAULT_SKIP_SECTIONS)
#: Headings that are the author's, in an exam write-up (a note whose title says the author passed or sat the exam):
#: their background, their result and why they sat it (``バックグラウンド``, ``結論``, ``背景``), besides the default list.
WRITEUP_SECTIONS = (
    "バックグラウンド",
    "経歴",
    "背景",
    "結論",
    "結果",
    "前提知識",
    "スペック",
    "Background",
    "My background",
    "Result",
    "Results",
    "試験を受けた理由",
    "どのように勉強をしたか",
    "どのように勉強したか",
    "勉強したこと",
    "やったこと",
    "合格特典",
    "特典",
)
WRITEUP_SKIP = DEFAULT_SKIP | frozenset(normalise(h) for h in WRITEUP_SECTIONS)
#: A title that says the note is the author's exam write-up: ``AWS Certified Cloud Practitioner合格記``, ``…に合格したよ``,
#: ``…を受験した``, ``…の資格取得勉強法``, ``How I passed …``.
WRITEUP_TITLE_RE = re.compile(
    r"合格|受験記|受験した|受験してきた|受験レポート|受かった|資格.{0,6}取った|資格取得|勉強法|(?:試験|受験|資格|検定)[^\n]{0,20}(?:顛末記|体験記)"
    r"|(?:認定|資格(?!情報))[^\n]{0,80}を[^\n]{0,30}取得(?:する|した|しました)"
    r"|\bI passed\b"
    r"|\bpassed the\b",
    re.I,
)

#: How a Japanese heading whose head noun is a chatter word ends: ``簡単な感想``, ``参加した所感``, ``全体の雑感``.
#: ``試験会場での受験``, ``自宅での受験``: how the author sits the exam, not what it covers; ``G検定について``: the
#: exam itself. ``関連イベントのお知らせ``: an announcement; ``やろうと思ったこと``, ``試したいこと``: the author's plans and
#: thoughts (``覚えておきたいこと`` is what to learn, and no chatter); ``Qiita初投稿``: the post's own story;
#: ``Rustを始めたきっかけ``, ``受験の動機``: why the author came (``起動のきっかけ`` is a trigger); ``お気に入り``, ``ノベルティ``, ``戦利品``: what they took home.
CHATTER_HEAD_NOUNS = (
    "感想",
    "記事の対象者",  # (本記事の対象読者, この記事の想定読者: whom the article is for)
    "対象読者",
    "想定読者",
    "所感",
    "雑感",
    "試験概要",
    "様子",
    "受験",
    "検定について",
    "試験について",
    "お知らせ",
    "思ったこと",
    "やりたいこと",
    "試したいこと",
    "調べたいこと",
    "初投稿",
    "始めたきっかけ",
    "書いたきっかけ",
    "参加したきっかけ",
    "知ったきっかけ",
    "動機",
    "お気に入り",
    "ノベルティ",
    "戦利品",
    "懇親会",  # (非公式懇親会, 前夜祭, 打ち上げ, an after party: the evening's logistics and diary)
    "二次会",
    "打ち上げ",
    "前夜祭",
    "後夜祭",
    "after party",
    "afterparty",
)


#: In an exam write-up, how a heading of the author's study ends or what it names: ``おすすめの勉強法``, ``午前試験の対策``,
#: ``受験を決めた時の状況``, ``1. Udemy (…)``, ``TeckStock WEB問題集で学習しよう``, ``Practice exams I used``
#: (``覚えた用語`` and ``科目Bの解き方`` hold what was learnt, and make cards).
_STUDY_HEAD_NOUNS = (
    "勉強法",
    "勉強方法",
    "学習方法",
    "流れと結果",
    "使ったもの",
    "教材",
    "手応え",
    "とスコア",
    "のスコア",
    "試験スコア",
)
_STUDY_WORDS_RE = re.compile(
    r"udemy|問題集|過去問|模擬試験|模擬問題|おすすめ|オススメ|参考書|勉強|学習しよう|学習時間|学習内容|practice (?:exam|test)s?"
    r"|study (?:guide|material|method|plan)s?|how i (?:studied|prepared)|mock exams?"
    # 対策 and 状況 of the exam itself (``XSS対策``, ``ネットワークの状況`` are what it covers)
    r"|(?:試験|受験|午前|午後|科目|合格).{0,12}(?:対策|状況)",
    re.I,
)


def is_study_story(key: str) -> bool:
    """An exam write-up's heading (its :func:`skip_key`) on how the author studied, not on what the exam covers."""
    return len(key) <= 80 and (key.endswith(_STUDY_HEAD_NOUNS) or _STUDY_WORDS_RE.search(key) is not None)


#: The three headings of a KPT retrospective (Keep, Problem, Try): the author's own review of an event or project.
#: ``Problem`` and ``Try`` head facts in other notes (a write-up's problem, Python's ``try``), so they are chatter only
#: where ``Keep`` and ``Try`` both head a section or label a list.
KPT_KEYS = frozenset(("keep", "problem", "try"))
_KPT_RE = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+)?(?:\*\*)?(keep|try)(?:[ \t]*[:：])?(?:[ \t]*[(（][^()（）\n]{0,30}[)）])?"
    r"(?:\*\*)?(?:[ \t]*[:：])?(?:[ \t]*[(（][^()（）\n]{0,30}[)）])?[ \t]*$",
    re.I | re.M,
)


def is_retrospective(body: str) -> bool:
    """Whether a note holds a KPT retrospective: lines ``Keep`` and ``Try`` alone, as headings, labels or bullets."""
    found = {m.group(1).casefold() for m in _KPT_RE.finditer(body)} if "eep" in body or "EEP" in body else set()
    return len(found) == 2


#: A time of the day alone, with am or pm, or a range of two: ``10:05 am``, ``4:25 pm``, ``14:00〜14:45`` (``16:10``
#: alone may be a ratio); in Japanese an hour alone or a range of two: ``10時``, ``10 時~11 時``, ``9時30分〜``.
_CLOCK_TIME_RE = re.compile(
    r"[0-9０-９]{1,2}[:：][0-9０-９]{2}(?:[ \t]*[ap]\.?m\.?|[ \t]*[-–〜~～][ \t]*[0-9０-９]{1,2}[:：][0-9０-９]{2}"
    r"(?:[ \t]*[ap]\.?m\.?)?)"
    r"|[0-9０-９]{1,2}[ \t]?時(?:[0-9０-９]{1,2}分)?(?:[ \t]*[-–〜~～](?:[ \t]*[0-9０-９]{1,2}[ \t]?時(?:[0-9０-９]{1,2}分)?)?)?",
    re.I,
)


def is_clock_time(term: str) -> bool:
    """Whether a term is only a time of the day (``10:05 am : West Exhibition Hall``): the event's schedule."""
    return len(term) <= 24 and term[:1].isdigit() and _CLOCK_TIME_RE.fullmatch(term.strip()) is not None


#: A heading that opens with a slot of a timetable: a day and a time (``Tuesday 11:45 Panel: …``, ``Day 2 10:30 …``).
_SLOT_RE = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?|day[ \t]?[0-9]{1,2})[ \t,]+[0-9]{1,2}:[0-9]{2}\b", re.I
)


def is_time_slot(heading: str) -> bool:
    """Whether a heading names a slot of an event's timetable, a day and a time before the talk's title."""
    return _SLOT_RE.match(heading) is not None


def is_default(skip: frozenset[str]) -> bool:
    """Whether ``skip`` is the default list (a write-up's included), with which head nouns count as well: a note's
    own ``skip_sections:`` says all it skips."""
    return skip is DEFAULT_SKIP or skip is WRITEUP_SKIP


def is_chatter_head(key: str) -> bool:
    """A short heading or label whose head noun (its last word) is a chatter word: ``簡単な感想``."""
    return len(key) <= 20 and key.endswith(CHATTER_HEAD_NOUNS)


#: How a heading of links to read ends, whatever it names first: ``Document Picture-in-Picture API 関連リンク``.
_LINKS_HEAD_NOUNS = ("関連リンク", "参考リンク", "参考資料", "参考記事", "参考サイト", "関連記事", "リンク集")


#: How a heading joins two or three headings in one: ``感想, まとめ``, ``所感・おわりに``, ``Links & References``.
_JOINED_RE = re.compile(r"[、,・/&＆]")
#: Closing headings that go with a chatter one (``感想, まとめ``): the author's closing words then.
_CLOSING = frozenset(
    normalise(h) for h in ("まとめ", "summary", "conclusion", "結論", "最後に", "おわりに", "終わりに")
)


def without_remark(key: str) -> str:
    """A heading or term without the remark in brackets after it: ``終わりに（感想など）`` → ``終わりに``,
    ``Try（次回やること）`` → ``Try`` (a key that opens with its bracket, or has none, as it is)."""
    if key[-1:] not in ")）":
        return key
    cut = max(key.rfind("("), key.rfind("（"))
    return key[:cut].rstrip() if cut > 0 else key


#: Headings that open a note (``# はじめに``): a section under one is the note's own when the author gave the opening
#: a higher level than the sections after it (``# はじめに`` then ``## SimpleNamespace``).
OPENINGS = frozenset(normalise(h) for h in ("はじめに", "まえがき"))


#: A heading that dates the author's sitting of an exam (``Exam date: April, 2021.``, ``受験日：2023/05/01``): what
#: came up that day, hints and impressions, not facts.
_SITTING_RE = re.compile(r"(?:exam date|date of exam|受験日|試験日)(?:[:：\s]|\Z)")


def is_skipped(key: str, skip: frozenset[str], retrospective: bool = False) -> bool:
    """A heading (its :func:`skip_key`) of a chatter section: one of ``skip`` (also with a remark in brackets after
    it: ``終わりに（感想など）``), or, with the default list, a Japanese heading whose last word is one of its
    impressions words (the head noun comes last), a heading of links to read (``… 関連リンク``) or one dating an
    exam the author sat (``Exam date: April, 2021.``). In a
    ``retrospective`` (see :func:`is_retrospective`), Keep, Problem and Try are chatter too."""
    for k in (key, without_remark(key)):
        if k in skip or (retrospective and k in KPT_KEYS):
            return True
    if len(key) <= 20 and _JOINED_RE.search(key):  # "感想, まとめ", "所感・おわりに": each part chatter
        parts = [p.strip() for p in _JOINED_RE.split(key)]
        if len(parts) <= 3 and any(p in skip for p in parts) and all(p in skip or p in _CLOSING for p in parts):
            return True
    if not is_default(skip):
        return False
    if is_chatter_head(key) or (skip is WRITEUP_SKIP and is_study_story(key)) or _SITTING_RE.match(key):
        return True
    return len(key) <= 60 and key.endswith(_LINKS_HEAD_NOUNS)


__all__ = [
    "DEFAULT_SKIP",
    "DEFAULT_SKIP_SECTIONS",
    "KPT_KEYS",
    "WRITEUP_SKIP",
    "WRITEUP_TITLE_RE",
    "OPENINGS",
    "is_chatter_head",
    "is_clock_time",
    "is_time_slot",
    "is_default",
    "is_retrospective",
    "is_study_story",
    "is_skipped",
    "without_remark",
]
