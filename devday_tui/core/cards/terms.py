"""Small judgements about a piece of text: is it a term, a label, a question, a remark word, a numbered heading?"""

from __future__ import annotations

import re
import unicodedata

from devday_tui.core.cards.split import MARKER_RE, TOPIC_LEAD_RE, is_aside, split_term, term_ok
from devday_tui.core.text import Inline, ascii_words, content_length, is_bare_link, normalise

#: A definition's term is at most this many characters and ASCII words.
TERM_MAX_CHARS = 40
TERM_MAX_WORDS = 6
#: A paragraph of one line up to this many characters, not ending a sentence, directly before a list names it.
LABEL_MAX_CHARS = 40
#: A definition needs at least this much on the right of the separator.
MIN_ANSWER_CHARS = 2

#: Words that head a remark rather than name a thing. As a term they are no question by themselves: they take
#: their parent's text into the front (``ssm-tool › 事例``).
REMARK_WORDS = frozenset(
    """例 例え 実例 事例 具体例 補足 注意 注 註 ps p.s ex e.g eg i.e ie note notes nb n.b better memo メモ 備考 追記 tip tips
    hint warning caution important example examples see also 参考 感想 結論 まとめ ポイント 対策 理由 remember
    summary takeaway takeaways conclusion 要確認 前半 後半 中盤 その他 misc other info fix solution 解決策 対処 aside
    notation 実際には 実際は 実は actually 例えば たとえば 試してみる 試してみよう やってみる やってみよう""".split()
) | frozenset(
    # Fields of a talk or a page: what they hold depends on where they are written.
    """登壇者 発表者 講師 スピーカー speaker speakers presenter 資料 スライド slides 動画 video 日時 場所 会場 date time
    place venue author 著者 url link""".split()
)
#: Aspects of whatever they are written under: the background, the problem, the result… of what?
REMARK_WORDS |= frozenset(
    """前提 背景 目的 狙い 課題 問題 原因 結果 効果 現状 方針 運用 構成 方法 手法 用途 特徴 詳細 概要 background purpose
    goal problem cause result results effect approach usage type types command 説明 解説 explanation""".split()
)
#: A question word alone (``How?``, ``なぜ？``) asks about whatever it is written under.
REMARK_WORDS |= frozenset(
    "how how? why why? when when? where where? what what? who who? なぜ なぜ？ なぜ? どうやって どうやって？ どうやって? いつ いつ？".split()
)
#: The same words in the other languages notes are written in (Spanish, Italian, German, French, Portuguese):
#: ``esempio``, ``Hinweis``, ``¿Qué es?`` under ``Firewall``.
REMARK_WORDS |= frozenset(
    """ejemplo ejemplos esempio esempi beispiel beispiele exemple exemples exemplo exemplos nota notas anmerkung
    anmerkungen hinweis hinweise bemerkung bemerkungen osservazione osservazioni observación observaciones remarque
    remarques achtung attenzione atención importante wichtig resumen riassunto zusammenfassung résumé resumo
    conclusión conclusione conclusão fazit tipp tipps consejo consejos consiglio consigli astuce
    perché warum wieso pourquoi klausuraufgabe aufgabe übung exercise exercice ejercicio esercizio exercício""".split()
) | frozenset(
    ("¿qué es", "qué es", "¿por qué", "por qué", "cos'è", "che cos'è", "was ist das", "qu'est-ce que c'est", "o que é")
    + ("por exemplo", "por ejemplo", "per esempio", "par exemple", "zum beispiel", "z.b.", "z. b.")
)
#: Phrases that bring in an example (``for example: you can provision another EC2 instance``), an example of what the
#: heading is about (``Bad Example``, ``悪い例``) and the introduction of it (``Intro``).
REMARK_WORDS |= frozenset(
    "for example|for instance|intro|introduction|イントロ|導入|良い例|悪い例|ng例|ok例".split("|")
)
REMARK_WORDS |= {f"{kind} example{s}" for kind in ("good", "bad", "another", "simple") for s in ("", "s")}
#: Places in a process or an example, which say nothing without it: ``Start``, ``Middle``, ``Init``, ``最初``.
PLACE_WORDS = frozenset("start middle end beginning init initial before after 最初 最後 初期 途中 以前 以後".split())
REMARK_WORDS |= PLACE_WORDS


def is_place(text: str) -> bool:
    """A place in a process or an example (``Start``, ``The middle``, ``最後``): a name that says nothing alone."""
    low = normalise(text).strip(" .:")
    return low.partition(" ")[2] in PLACE_WORDS if low.startswith("the ") else low in PLACE_WORDS


#: Fields of a talk that are logistics, not facts to learn: ``登壇者: 山田さん``, ``Slides: …``, ``会場: …``.
TALK_FIELDS = frozenset(
    """登壇者 発表者 講演者 講師 スピーカー speaker speakers presenter 資料 スライド slides 動画 video 日時 場所 会場
    venue track トラック readings homework 試験日 受験日 開催日 開催場所 得点 点数 合否 学習時間 勉強時間 学習期間 勉強期間
    問題集 模試 受験時間 配点 合格ライン 出題比率 出題割合""".split()
) | frozenset(
    (
        "reading material",
        "reading materials",
        "exam date",
        "number of questions",
        "question format",
        "passing score",
        "exam duration",
        "exam fee",
        "exam cost",
        "exam code",
        "recommended experience",
        "問題数",
        "出題数",
        "試験時間",
        "合格点",
        "合格基準",
        "受験料",
        "ページ数",
        "保有資格",
    )
)
#: Fields that are a score the author got (``正解率: 80%``, ``Score: 850``) only when their value is a figure: with a
#: sentence they are terms to learn (``正解率: 全データのうち正しく分類できた割合``, an evaluation metric).
SCORE_FIELDS = frozenset("正答率 正解率 得点率 スコア score".split())
#: A value that is a figure: ``80%``, ``約 500 問``, ``850/1000``, ``about 70%``.
_FIGURE_RE = re.compile(r"\A(?:約|およそ|about|approx\.?|~|〜)?[ \t]{0,4}[0-9０-９]", re.I)


def is_score(term: str, value: str) -> bool:
    """A field of the author's results: a score field (``SCORE_FIELDS``) whose value is a short figure."""
    value = value.strip("*_ \t")
    return normalise(term.strip("*_ \t")) in SCORE_FIELDS and len(value) <= 40 and bool(_FIGURE_RE.match(value))


#: Words that cite where a passage comes from (``参照：[DroidKaigi 2025](…)``, ``出典: …``): no term.
CITATION_FIELDS = frozenset(
    """参照 出典 引用 引用元 出所 via cf 参考url 参考サイト 参考記事 詳しくは 詳細は 関連記事 続きの記事 前回の記事 次の記事 公式サイト
    公式ページ ホームページ homepage website 公式ドキュメント""".split()
)
#: Fields that describe a talk beside its logistics (``Language: English``, ``Length 26:24``): with one of those,
#: a list mostly of these is the talk's details, not its content.
DETAIL_FIELDS = frozenset(
    """language 言語 length duration 時間 所要時間 level レベル 難易度 difficulty room ルーム audience 対象 対象者
    languages tags tag タグ hashtag hashtags ハッシュタグ event イベント 日付 枠 location fee 参加費 料金 セッション種別
    セッション形式 発表形式""".split()
)
#: An item that starts with a logistics field and its colon: ``**Speaker**: …``, ``登壇者：…``, ``Track: Java``.
TALK_FIELD_RE = re.compile(
    r"(?:" + "|".join(re.escape(w) for w in sorted(TALK_FIELDS, key=len, reverse=True)) + r")[*_]{0,4}[ \t]{0,8}[:：]",
    re.I,
)


def opens_with_talk_field(content: str) -> bool:
    """An item that starts with a logistics field and its colon, behind any emphasis: ``**Speaker**: …``."""
    return TALK_FIELD_RE.match(content.lstrip(_FIELD_LEAD)) is not None


#: The field name a list item starts with: ``**Speaker**: …``, ``Length 26:24``, ``登壇者：…``.
_FIELD_RE = re.compile(r"[^\s:：*_]{1,24}")


#: What a field name may stand behind: emphasis marks and spaces (``**Speaker**: …``).
_FIELD_LEAD = "*_ \t"


def field_of(content: str) -> str:
    """The first word of an item, as a talk's field would be named (see ``TALK_FIELDS``), normalised."""
    m = _FIELD_RE.match(content.lstrip(_FIELD_LEAD))
    return normalise(m.group(0)) if m else ""


_REMARK_HEAD_RE = re.compile(
    r"((?:" + "|".join(re.escape(w) for w in sorted(REMARK_WORDS, key=len, reverse=True)) + r")\.?)[ \t]*[:：][ \t]*",
    re.I,
)
#: A question or answer marker before its text.
_QA_RE = re.compile(
    r"(?:Q|A|Question|Answer|問|答え?|回答|質問)[ \t]?[0-9０-９]{0,4}[ \t]*[:：.．)][ \t]*|(?:Q|問)[0-9０-９]{1,4}[ \t]+",
    re.I,
)
_QA_MARKER_RE = re.compile(r"(?:Q|A|Question|Answer|問|答え?|回答|質問)[ \t]?[0-9０-９]{0,4}", re.I)
#: Words that head the author's aside on what is around it, whose text no front can ask for: ``Note: this was a
#: last-minute session``, ``Takeaway: fix it at the right level``.
ASIDE_TERMS = frozenset(
    """note notes nb n.b ps p.s aside fyi takeaway side-note 備考 追記 余談 nota hinweis anmerkung remarque observação
    observación osservazione bemerkung""".split()
) | frozenset(("side note", "key takeaway"))
#: Terms that never make a card: markers of unfinished work.
_NEVER_TERMS = frozenset("todo fixme wip tbd update edit".split())
#: What a term line's first line never is: a remark word, or a marker of unfinished work.
_NOT_TERMS = REMARK_WORDS | _NEVER_TERMS

#: Headings too general to ask about alone: a card under one names the parent heading too.
GENERIC_HEADINGS = frozenset(
    """pros cons merits demerits advantages disadvantages usage summary overview notes note details example
    examples links references resources misc other others tips todo memo 使い方 補足 まとめ 概要 特徴 メリット
    デメリット 利点 欠点 長所 短所 注意点 注意 課題 感想 参考 参考資料 その他 メモ 例 詳細 q&a qa faq 質疑応答 質問
    結論 ポイント 対策 手順 前半 後半 takeaways conclusion remember types kinds categories 種類 分類 options option
    オプション arguments 引数 parameters パラメータ flags features 機能 ventajas desventajas vantaggi svantaggi
    vorteile nachteile avantages inconvénients vantagens desvantagens características caratteristiche merkmale
    eigenschaften caractéristiques tipos tipi typen arten riepilogo apuntes appunti notizen considerazioni
    consideraciones ベストプラクティス ユースケース methodology metodologia metodología méthodologie methodik""".split()
) | frozenset("in practice|in short|background|背景|best practices|key points|use cases|other notes".split("|"))
SENTENCE_ENDS = ("。", "．", ".", "！", "!")

#: A cheap test: text without any of these holds no ``term: definition`` split: ``:：…＝→``, three ``・``, or
#: `` = ``, `` - ``, `` – ``, `` — `` (one class, then a look back, so the engine skips to candidate characters).
MAYBE_TERM_RE = re.compile(r"[:：…＝→・･ ](?:(?<=[^・･ ])|(?<=[・･])[・･]{2}|(?<= )(?:[=\-–—]|--|->) )")
LEAD_ARROW_RE = re.compile(r"\A(?:→|⇒|->|=>)\s*")
#: A time range at the start of a heading: ``14:00〜14:45``, ``10:30-11:15``.
_TIME_RANGE_RE = re.compile(
    r"\A\s*[0-9０-９]{1,2}[:：][0-9０-９]{2}\s*(?:[-〜~～–—ー]\s*(?:[0-9０-９]{1,2}[:：][0-9０-９]{2})?)?"
)
_SPACES_RE = re.compile(r"[ \t\u3000]+")


def squash(text: str) -> str:
    """Tabs, full-width spaces and runs of spaces become one space."""
    if "  " not in text and "\t" not in text and "\u3000" not in text:
        return text.strip()
    return _SPACES_RE.sub(" ", text).strip()


_REMARK_MAX = max(len(w) for w in REMARK_WORDS) + 2
_GENERIC_MAX = max(len(w) for w in GENERIC_HEADINGS) + 2


def is_marker(text: str) -> bool:
    return bool(MARKER_RE.match(text))


def is_aside_word(term: str) -> bool:
    """An aside word alone (``Note``, ``NB``, ``Takeaway``, ``備考``) as a term."""
    return len(term) <= 16 and normalise(term).strip(" .") in ASIDE_TERMS


def is_remark(text: str) -> bool:
    """A remark word (例, 補足, Note…) or a bare number: no question by itself, it needs its parent's text."""
    if len(text) > _REMARK_MAX and not text[:1].isdigit():
        return False
    low = normalise(text).strip(" .")
    return low in REMARK_WORDS or (bool(low) and low.strip("0123456789/,-– ") == "")


def strip_qa(text: str) -> tuple[str, bool]:
    """``Q: …``, ``Q3. …``, ``Q8 How …?``, ``問: …`` lose their marker: (the text, True); ``A: …`` likewise."""
    m = _QA_RE.match(text)
    if m is None or m.end() >= len(text):
        return text, False
    marker = m.group()
    if marker[:1] in "qQaA" and len(marker) > 3 and not any(ch.isdigit() or ch in ":：" for ch in marker):
        return text, False  # "question. Aliases: help, faq": the word itself, not a marker (``Question 3.`` is one)
    return text[m.end() :], True


def is_qa_marker(term: str) -> bool:
    return _QA_MARKER_RE.fullmatch(term.strip()) is not None


_OPEN_BRACKETS = frozenset("【[「(（〔")
_CLOSE_BRACKETS = frozenset("】]」)）〕")


def skip_key(heading: str) -> str:
    """The form of a heading compared with ``skip_sections``: normalised, without a leading number or a trailing
    rating (``Impression ⭐⭐⭐☆☆``, ``感想 ★★★``)."""
    norm = normalise(heading).replace("’", "'")  # "Today’s Sessions" as "Today's Sessions"
    if norm and unicodedata.category(norm[0])[0] == "S":  # "📋 Exam Information": an emoji before the words
        start = 0
        while start < len(norm) and (norm[start] in " \ufe0f\u200d" or unicodedata.category(norm[start])[0] == "S"):
            start += 1
        norm = norm[start:] or norm
    if norm[:1] in _OPEN_BRACKETS and norm[-1:] in _CLOSE_BRACKETS:  # 【宣伝】, [PR]
        norm = norm[1:-1].strip()
    if norm and unicodedata.category(norm[-1])[0] == "S":
        end = len(norm)
        while end and (norm[end - 1] == " " or unicodedata.category(norm[end - 1])[0] == "S"):
            end -= 1
        norm = norm[:end] or norm
    return norm.lstrip("0123456789.) ").strip() or norm


def is_generic_heading(text: str) -> bool:
    return len(text) <= _GENERIC_MAX and normalise(text) in GENERIC_HEADINGS


#: Names of a thing's fields, written as terms under each thing: ``料金: …`` under CloudHSM and again under KMS.
_FIELD_NAMES = frozenset(
    """料金 価格 費用 コスト 課金 cost costs price prices pricing billing 用途 使いどころ usage 制限 制約 上限 limits
    limitations quota quotas 説明 description definition 定義 目的 purpose goal 対象 scope 期間 duration 保存期間
    retention 性能 performance 容量 capacity 可用性 availability 耐久性 durability 暗号化 encryption 認証 access
    アクセス ユースケース definición definizione definição définition definiciones definizioni""".split()
) | frozenset(("use case", "use cases", "when to use"))


def is_field_name(text: str) -> bool:
    """A field of something rather than a term of its own (``料金``, ``Use case``, ``特徴``)."""
    return is_generic_heading(text) or (len(text) <= _GENERIC_MAX and normalise(text) in _FIELD_NAMES)


#: A heading or label that only says where it stands in a sequence: ``Day 1``, ``Part 2``, ``1日目``, ``第3章``,
#: ``その2``, ``例題1``, ``午後``, a story's ``Try 3`` or ``First issue``, an event's ``Room A`` or ``Track B``, maybe with a
#: remark in brackets.
_ORDINAL_RE = re.compile(
    r"\A(?:(?:day|part|session|chapter|ch\.?|section|lecture|lesson|week|round|phase|stage|vol\.?|volume|episode"
    r"|ep\.?|module|unit|slide|page|room|no\.?|lab|exercise|set|case|item|point|step|tip|hint|try|attempt|iteration"
    r"|idea|issue|problem|option|approach|solution|example|ex\.|esempio|ejemplo|beispiel|exemple|exemplo|capitolo"
    r"|capítulo|kapitel|chapitre|lezione|lección|lektion|leçon|parte|teil|tema|semana|settimana|woche|semaine|手順"
    r"|ステップ|ポイント|ヒント|例題|演習|練習問題|問題)[ \t]?[0-9０-９]{1,3}[.:：]?"
    r"|(?:first|second|third|fourth|fifth|next|another|final|last)[ \t](?:issue|problem|idea|attempt|try|approach"
    r"|solution|option|step|thing|fix)"
    r"|pp?\.[ \t]?[0-9０-９]{0,4}(?:[-〜~][0-9０-９]{1,4})?"
    r"|第?[0-9０-９一二三四五六七八九十]{1,3}(?:[,、・~〜-][0-9０-９]{1,3})?(?:日目|日|部|章|節|回目?|弾|週目?|限|コマ)"
    r"|その[0-9０-９一二三四五六七八九十]{1,3}|[0-9]{1,2}(?:st|nd|rd|th) (?:day|part|session|half)|午前|午後|前編|後編|中編"
    r"|(?:room|track|ルーム|トラック)[ \t]?(?-i:[A-Z0-9０-９Ａ-Ｚ]{1,2}))"
    r"(?:[ \t]*[(（][^()（）\n]{0,30}[)）])?\Z",
    re.I,
)
_ORDINAL_MAX = 60


#: What every such heading holds: a digit, a kanji numeral, 午前/午後, 前編/後編/中編, or a room's or track's name.
_ORDINAL_GATE_RE = re.compile(
    r"[0-9０-９一二三四五六七八九十前後中]|\A[ \t]*(?:[Pp]{1,2}\.|(?i:first|second|third|fourth|fifth|next|another|final|last) )"
    r"|\A[ \t]*(?i:room|track|ルーム|トラック)"
)


_VAGUE_MAX = max(_REMARK_MAX, _GENERIC_MAX)


def is_ordinal(text: str) -> bool:
    """A heading or label that only says where it stands in a sequence (``Day 1``, ``Part 2``, ``1日目``)."""
    return (
        len(text) <= _ORDINAL_MAX
        and _ORDINAL_GATE_RE.search(text) is not None
        and _ORDINAL_RE.match(text.strip()) is not None
    )


def is_vague(text: str, *, shouted: bool = True) -> bool:
    """A heading, label or term that says nothing of what is asked by itself, so that a card's front names its
    context too: a remark word or a bare number (``例``, ``2``), a general heading (``Notes``, ``その他``), a place in
    a sequence (``Day 1``, ``Part 2``, ``1日目``), or a shouted label
    (``VERTICALS``, ``CORE CONCEPTS``)."""
    if len(text) > _ORDINAL_MAX:
        return False
    if len(text) <= _VAGUE_MAX or text[:1].isdigit():  # is_remark and is_generic_heading, normalising once
        low = normalise(text)
        bare = low.strip(" .")
        if bare.startswith(("the ", "our ", "my ")):  # "The problem", "Our approach": the article changes nothing
            bare = bare.partition(" ")[2]
        if bare in REMARK_WORDS or low in GENERIC_HEADINGS or (bare and bare.strip("0123456789/,-– ") == ""):
            return True
    if is_ordinal(text):
        return True
    if not shouted or not text.isupper():  # (a term with its definition may be an acronym: ESSID)
        return False
    words = text.split()
    return (
        text.isascii()
        and len(words) <= 3
        and all(w.isalpha() and w.isupper() for w in words)
        and max(len(w) for w in words) >= 5
    )


_DATE = r"[0-9０-９]{2,4}[/.\-年][0-9０-９]{1,2}[/.\-月][0-9０-９]{1,2}日?"
#: A post's dated update notice: ``2022/03/17 追記``, ``Update (2021-05-01)``.
_UPDATE_NOTICE_RE = re.compile(
    rf"\A(?:{_DATE}[ \t]*(?:追記|更新|修正|updated?|edit(?:ed)?)|(?:追記|更新|updated?|edit(?:ed)?)[ \t]*[(（]?{_DATE}[)）]?)\Z",
    re.I,
)


def is_update_notice(term: str) -> bool:
    """A post's dated update notice (``2022/03/17 追記``): the post's history, not a fact."""
    return (term[:1].isdigit() or term[:1] in "追更修UuEe") and _UPDATE_NOTICE_RE.match(term) is not None


def strip_time(heading: str) -> str:
    """A heading without its leading time range (``14:00〜14:45 コンテナ入門`` → ``コンテナ入門``)."""
    m = _TIME_RANGE_RE.match(heading)
    if m is None:
        return heading
    rest = heading[m.end() :].lstrip(" -–—:：|")
    return rest or heading


def is_time_heading(heading: str) -> bool:
    return _TIME_RANGE_RE.match(heading) is not None


#: Verbs that open a label whose subject is what it is written under: ``Allows you to work with the following
#: Azure features`` under ``Az Module``; and how a label of examples opens (``Examples include …``).
_PREDICATE_VERBS = frozenset(
    """allows provides supports offers enables lets helps includes contains requires needs gives makes uses stores
    runs works can could must should used""".split()
)
_EXAMPLES_LEAD = ("examples include", "examples are", "for example", "e.g.", "such as")
_EXAMPLES_LEAD_JA = ("例えば", "たとえば")


def lacks_subject(text: str) -> bool:
    """A label that only says something of what it is written under (``Allows you to …``, ``Examples include
    …``): its front names that too."""
    if not text.isascii():
        return text.startswith(_EXAMPLES_LEAD_JA)
    low = text.casefold()
    return low.startswith(_EXAMPLES_LEAD) or (
        text[:1].isupper() and not text.endswith("?") and low.partition(" ")[0] in _PREDICATE_VERBS
    )


#: A Japanese clause in an aside: a particle that takes a verb, or a verb's ending before the closing bracket.
_ASIDE_CLAUSE_RE = re.compile(r"[がを]|(?:ない|ません|です|ます|った|した)[)）]\Z")


def label_ok(text: str, colon: bool = False) -> bool:
    """A line short enough, and not a sentence, to name the list after it. A line that ends in a colon says it
    introduces what follows, so it may be twice as long. An aside that is a clause (``（スライドが見つからない）``)
    says something of the note, and names nothing (``（起動順）`` does)."""
    limit = LABEL_MAX_CHARS * 2 if colon else LABEL_MAX_CHARS
    return (
        bool(text)
        and len(text) <= limit
        and not text.endswith(("。", ".", "、", ",", "，", ";"))  # "…のですが、" goes on in the list: a sentence
        and "; //" not in text  # ("int x = 10; // 初期値": a line of code)
        and not is_bare_link(text)
        and not (is_aside(text) and _ASIDE_CLAUSE_RE.search(text) is not None)
    )


#: Words that make a would-be English term a clause: "The idea is simple: …" is prose, not a term.
_CLAUSE_WORDS = frozenset("is are was were comes came has have had will would should does did means".split())
#: English verbs that make a line a sentence: the clause words, the predicates, and a few more.
ENGLISH_VERBS = (
    _CLAUSE_WORDS
    | _PREDICATE_VERBS
    | frozenset("starts tries grows goes becomes using gets keeps takes scales replicates replicate".split())
)


#: Words that open a sentence pointing back to the one before: ``However this is prone to …``, ``Another …``.
_ANAPHORS = frozenset(
    """this these that those it its they their them another such isso isto esse essa este esta esses essas nesse
    neste nessa nesta nisso nisto esto eso ese esa estos estas ceci cela ça cette ces questo questa questi queste ciò
    dies diese dieser dieses""".split()
) | (_CONTRASTS := frozenset("instead otherwise similarly likewise conversely".split()))
#: A sentence that opens on one of several things said before: ``For the second question, …``, ``In the above …``.
_ORDINAL_BACK_RE = re.compile(
    r"(?:for|in|on|to answer|with|as for) the (?:second|third|fourth|former|latter|above|previous|preceding)(?=[\s,])",
    re.I,
)
_ANAPHORS_JA = ("この", "その", "これ", "それ", "こちら", "こうした", "そうした")
#: Words that join a sentence to the one before without saying what it is about: skipped before the test.
_CONNECTIVES = frozenset("however therefore thus hence so but and also then".split())
#: Japanese words that join a sentence to the text before it.
CONNECTIVES_JA = (
    "ただし、",
    "また、",
    "そして、",
    "なお、",
    "さらに、",
    "なので、",
    "だから、",
    "つまり、",
    "そのため、",
    "ちなみに、",
)
_CONNECTIVES_JA = ("しかし、", *CONNECTIVES_JA)


def answers_earlier(sentence: str) -> bool:
    """A sentence that goes on from another sentence, not from its heading: ``Instead, …``, ``For the second
    question, …``, ``where x is …`` (after a formula). At a paragraph's start it needs the paragraph before, which
    no card shows."""
    text = sentence.lstrip()
    if text[:1] in "FfIiOoTtWwAa" and (_ORDINAL_BACK_RE.match(text) is not None or text.startswith("where ")):
        return True  # ("where time_column is the column…": what a formula or code above it names, in lower case)
    return text[:1].isalpha() and text.partition(" ")[0].rstrip(",.:;").casefold() in _CONTRASTS


def is_anaphoric(sentence: str) -> bool:
    """A sentence that starts by pointing back to an earlier one (``However this is prone to …``, ``Instead, …``,
    ``For the second question, …``, ``これは…``), so that it says little on its own."""
    text = sentence.lstrip()
    for lead in _CONNECTIVES_JA:
        if text.startswith(lead):
            text = text[len(lead) :].lstrip()
            break
    if text.startswith(_ANAPHORS_JA):
        return True
    if answers_earlier(text):
        return True
    first, _, rest = text.partition(" ")
    first = first.rstrip(",.:;").casefold()
    if first in _CONNECTIVES:
        first = rest.lstrip().partition(" ")[0].rstrip(",.:;").casefold()
    return first in _ANAPHORS


def is_clause(term: str) -> bool:
    words = term.casefold().split()
    return len(words) >= 3 and any(w in _CLAUSE_WORDS for w in words)


#: A chapter's number before a term: ``3.1 ``, ``2.4.1 ``.
_SECTION_NUMBER_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){1,3}\.?[ \t\u3000]+")


def split_definition(inl: Inline) -> tuple[str, str] | None:
    """``TERM: DEFINITION`` on the first line of ``inl`` (also ``：``, ``・・・``, ``…``, ``＝``, `` = ``, `` - ``,
    `` — ``; see :func:`~devday_tui.core.cards.split.split_term`), as (term, definition). A remark word
    (``Note: …``, ``例：…``) is returned as a term too: the caller gives it its parent's context."""
    found = split_term(inl)
    if found is not None:
        term = found[0]
        if is_ordinal(term):
            return None  # "Step 1: Open the console", "手順2: …": the number orders the line, it is no term
        if is_qa_marker(term) or is_clause(term) or (" " in term and _ANSWER_LETTERS_RE.fullmatch(term)):
            return None  # "D A: …" is a practice exam's answers, not a term
        if "、" in term and inl.text.rstrip().endswith("。") and inl.text[len(term) :].lstrip(" \t")[:1] not in ":：":
            return None  # "ここでは、A = B とする。" is a sentence, not a term and its definition
        if term[:1] in "AaRrWwCc" and (topic := TOPIC_LEAD_RE.match(term)) is not None:
            return term[topic.end() :], found[1]  # "As for local variables: …"
        if term[:1].isdigit() and "." in term[:3]:
            numbered = _SECTION_NUMBER_RE.match(term)
            if numbered is not None and numbered.end() < len(term):
                return term[numbered.end() :], found[1]  # "3.1 TCP: …": the chapter's number is no part of the term
        return found
    text = inl.text
    lead = len(text) - len(text.lstrip(" \t"))
    m = _REMARK_HEAD_RE.match(text, lead)
    if m is None or (inl.protected and any(a < m.end() for a, _ in inl.protected)):
        return None
    rest = text[m.end() :].strip()
    if content_length(rest) < MIN_ANSWER_CHARS:
        return None
    return m.group(1), rest


_ANSWER_FIRST = frozenset("ABCDEFGH")
_ANSWER_NEXT = frozenset(("", " ", ",", "、", ":", "：", "\t"))
#: Answer letters of a practice exam: ``D A``, ``C, D``.
_ANSWER_LETTERS_RE = re.compile(r"[A-H](?:[ ,、]+[A-H]){0,5}")


def is_answer_letters(text: str) -> bool:
    """``D A``, ``C, D``, ``B``: a practice exam's answer, with or without its explanation after a colon."""
    if text[:1] not in _ANSWER_FIRST or text[1:2] not in _ANSWER_NEXT:
        return False
    head = text.split(":", 1)[0].split("：", 1)[0].strip()
    return _ANSWER_LETTERS_RE.fullmatch(head) is not None


#: Brackets a term never leaves open.
_PAIRS = (("[", "]"), ("(", ")"), ("（", "）"), ("「", "」"), ("<", ">"))


#: ``Python 3.12から``, ``2024年4月から``: since a version or a date.
_SINCE_RE = re.compile(r"[0-9０-９][年月日]?から\Z")
#: Particles a Japanese sentence goes on after, and a clause's ends (``…移動したら``): a line ending in one is cut off.
_CLAUSE_ENDS = tuple("たら だら れば けど ても ながら".split())
_PARTICLE_ENDS = tuple("を が に で へ は の と や という から".split()) + _CLAUSE_ENDS

#: A line of tags only: ``#statistica_descrittiva``, ``#ppt-2 #k8s``.
_TAG_LINE_RE = re.compile(r"#[^\s#]{1,60}(?:[ \t]+#[^\s#]{1,60}){0,9}")


def is_tags(text: str) -> bool:
    """Lines of tags only (``#statistica_descrittiva``, ``#ppt-2 #indici``): a note's tags in Obsidian's way."""
    return all(_TAG_LINE_RE.fullmatch(line.strip()) for line in text.split("\n") if line.strip())


#: A particle that opens the next line: the sentence above goes on (``がポイントです``, ``を使う``; before a word that
#: is no hiragana, ``の2つと、…``, ``に関して``, ``と同様に``; ``はコミュニティの…``, ``さんのオフィスで…`` after a
#: name); ``はじめに``, ``はい。``, ``はてな``, ``はんだ``, ``とりあえず`` and ``は虫類`` open sentences, and ``の・に・へ``
#: lists particles.
_PARTICLE_START_RE = re.compile(
    r"[がを]|は(?!じめ|虫|い[。、！!]|てな|んだ)|さん[のがはにをとでも、]|[のにへとで][0-9０-９A-Za-z\u4e00-\u9fff\u30a1-\u30fa「『（(]"
)


def term_line(first: str, rest: list[str]) -> str | None:
    """A short first line, with the explanation on the lines after it: the term, or None."""
    term = first.strip()
    if term.endswith((":", "：", " —", " –", " -")):
        term = term[:-1].rstrip()  # "**Multi-column layout** —" then what it is: a separator with nothing after it
    if not term_ok(term, excluded=_NOT_TERMS) or term.endswith(("、", ",", "，", ";", "；", "(", "（", "→", "-")):
        return None
    if term.startswith(("|", "※")) or _ANSWER_LETTERS_RE.fullmatch(term):  # (an arrow: term_ok refused it)
        return None
    if term[:1] == "#" and is_tags(term):
        return None  # "#statistica_descrittiva" over more tags: the note's tags, no term
    if "：" in term or ": " in term:
        return None  # "Aシステム稼働率：x" then "Bシステム稼働率：y": a line of its own value, no name of what follows
    if is_update_notice(term):
        return None  # "2022/03/17 追記" then the update: the post's history
    if term.endswith("の略"):
        return None  # "run command の略" then more: says what the heading above abbreviates, no term
    if is_aside(term):
        return None  # "(中略)" then the text: an aside in brackets names nothing ("(起動順)：…" with its colon does)
    if any(term.count(a) > term.count(b) for a, b in _PAIRS):
        return None  # "1月30日に開催された[JAWS-UG大阪": a line wrapped inside brackets goes on, no term
    if term.endswith(SENTENCE_ENDS) and not first.rstrip().endswith((":", "：")):
        return None
    body = "\n".join(rest).strip()
    if content_length(body) < MIN_ANSWER_CHARS:
        return None
    # A Japanese sentence wrapped onto the next line: the line ends in a particle (``…の領域を``) or the next one
    # starts with one (``がポイントです``). (``〜とは`` asks, ``〜こと`` names, and ``Python 3.12から`` dates: terms.)
    wrapped = term.endswith(_PARTICLE_ENDS) and not term.endswith(("とは", "こと")) and not _SINCE_RE.search(term)
    if wrapped and term.endswith(_CLAUSE_ENDS) and (len(term) < 8 or term[:1] in "〜~～"):
        wrapped = False  # "〜ながら", "とても", "まだら": a grammar pattern or a word, not a clause cut off
    if (wrapped and not is_bare_link(body)) or (_PARTICLE_START_RE.match(body) and not term.endswith(("?", "？"))):
        return None  # (a line "の2つと、…" or "に関して…" goes on with the sentence the line above began)
    # An English sentence wrapped onto the next line is not a term and its definition: a long line, or one opening
    # with an article over a lower-case word ("The terraform provider" then "terraform_remote_state data source").
    if body[:1].islower() and term[-1].isascii() and term[-1].isalpha():
        words = term.split()
        if ascii_words(term) >= 4 or (len(words) >= 2 and words[0] in ("The", "A", "An") and words[1][:1].islower()):
            return None
    return term
