"""What a card's back says, when it is too little to learn: a word or two that mean nothing by themselves, the
front in another language, only the name of a page to read, a pointer to something else (``see the slides``), or a
sentence that only opens what follows it (``Things that go wrong:``).

Every pattern here is linear: anchored, and bounded where it repeats.
"""

from __future__ import annotations

import re

from devday_tui.core.text import sentence_spans

#: The names of a page to read (a link's text, ``[Docs](…)``, ``[Learn tutorial](…)``): a pointer, not an answer.
_POINTER_WORDS = frozenset(
    "docs doc documentation tutorial tutorials learn guide link links here this video article blog page website site "
    "official below later tbd".split()
)
_POINTER_JA = frozenset(
    "リンク こちら ここ 公式 公式ドキュメント ドキュメント 記事 動画 公式サイト 後述 後ほど 下記 別途".split()
)
#: Words that say nothing of a thing by themselves: a back made of one or two of them teaches nothing.
_THIN_WORDS = _POINTER_WORDS | frozenset(
    """new newer old older latest legacy version better worse good bad nice great cool important useful same similar
    easy simple fine ok okay the a an one""".split()
)
_THIN_JA = _POINTER_JA | frozenset(
    """新しい 新 最新 古い 旧 新しいバージョン 新バージョン 旧バージョン 最新版 重要 大事 便利 同じ 簡単 おすすめ 良い いい
    すごい""".split()
)


def _words_in(text: str, ascii_words: frozenset[str], ja: frozenset[str]) -> bool:
    text = text.strip().strip(".。!！").strip()
    if not text or len(text) > 24 or "\n" in text:
        return False
    if text.isascii():
        words = text.casefold().split()
        return len(words) <= 2 and all(w.strip(",;") in ascii_words for w in words)
    return text in ja


#: A back that only says whose it is: ``from Koichiro Nishijima``, ``by @jsmith``, ``presented by Jane Doe``.
_ATTRIBUTION_RE = re.compile(
    r"(?:(?:from|by|via|presented by)[ \t]+)?@[\w.-]+"
    r"|(?:from|by|via|presented by)[ \t]+[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3}"
)


#: Only hashtags: ``#june29jp``, ``#KUG2 #golang``.
_HASHTAGS_RE = re.compile(r"#[^\s#]{1,40}(?:[ \t,、]+#[^\s#]{1,40}){0,5}")


def is_thin(back: str) -> bool:
    """A back of one or two words that says nothing by itself: ``new version``, ``important``, ``便利``, ``Docs``,
    or only whose it is (``from Koichiro Nishijima``, ``@moro``), or only hashtags (``#june29jp``)."""
    stripped = back.strip()
    return (
        _words_in(back, _THIN_WORDS, _THIN_JA)
        or _ATTRIBUTION_RE.fullmatch(stripped) is not None
        or _HASHTAGS_RE.fullmatch(stripped) is not None
    )


#: A score out of a total (``550/700``) and a share (``78.6%``), as parts of the patterns below.
_OUT_OF = r"[0-9]{1,5}[ \t]{0,3}/[ \t]{0,3}[0-9]{1,5}"
_SHARE = r"[0-9]{1,3}(?:\.[0-9]{1,3})?[ \t]?[%％]"
#: A score out of a total at the end of a line (``午前が 550/700``, ``Practice test 1: 45/65``), and a percentage alone.
_OUT_OF_END_RE = re.compile(_OUT_OF + r"[ \t]*\Z")
_PERCENT_RE = re.compile(_SHARE)


def is_score_share(front: str, back: str) -> bool:
    """A score out of a total and its share (``午前が 550/700`` → ``78.6%``): the author's result, not a fact. A
    fraction alone (``1/8`` → ``12.5%``) is arithmetic, and stays."""
    if _PERCENT_RE.fullmatch(back.strip()) is None:
        return False
    front = front.rpartition(" › ")[2]  # (the term, without its context)
    m = _OUT_OF_END_RE.search(front)
    return m is not None and _names_part(front[: m.start()])


def _names_part(text: str) -> bool:
    """Whether ``text`` (before a score) holds a word: the part scored (``午前が``, ``Practice test``)."""
    return any(ch.isalpha() for ch in text)


#: A line that ends in a score out of a total and its share: ``午前が 550/700 = 78.6%``.
_SCORE_LINE_RE = re.compile(_OUT_OF + r"[ \t]{0,3}[=＝:：→][ \t]{0,3}" + _SHARE + r"[ \t]*\Z")


def is_score_line(text: str) -> bool:
    """A list item that is a score out of a total and its share (``午前が 550/700 = 78.6%``; ``1/8 = 12.5%`` is
    arithmetic)."""
    m = _SCORE_LINE_RE.search(text) if "/" in text else None
    return m is not None and _names_part(text[: m.start()])


_ENGLISH_WORD_RE = re.compile(r"[A-Z][a-z]{1,20}")
_KATAKANA_RE = re.compile(r"[ァ-ヶー・]{2,12}")
_ENGLISH_WORDS_RE = re.compile(r"[a-z]{2,20}(?: [a-z]{2,20}){0,3}")
_KANJI_WORD_RE = re.compile(r"[一-龯々]{2,8}")


def is_translation(front: str, back: str) -> bool:
    """A back that is only the front in another language, no definition: ``Quality`` → ``品質``, ``安全性`` →
    ``セキュリティ``, ``バックアップとリストア`` → ``backup and restore``. (An acronym's expansion, ``MFA`` → ``多要素認証``,
    says what the letters stand for, and is one.)"""
    back = back.strip()
    if _ENGLISH_WORD_RE.fullmatch(front):
        return len(back) <= 6 and not any(ch.isascii() for ch in back)
    if front.isascii() or len(front) > 12 or any(ch.isascii() and ch.isalnum() for ch in front):
        return False
    if _ENGLISH_WORDS_RE.fullmatch(back) is not None:
        return True
    # a word in kanji, then the same in katakana (a phrase with kana in it, ``ユーザ自身で作成``, is no word)
    return _KANJI_WORD_RE.fullmatch(front) is not None and _KATAKANA_RE.fullmatch(back) is not None


def is_pointer(text: str) -> bool:
    """Only the name of a page to read: ``Docs``, ``Learn tutorial``, ``こちら``."""
    return _words_in(text, _POINTER_WORDS, _POINTER_JA)


#: How a sentence ends that announces what comes after it: ``… the following properties hold.``, ``考え方は以下のとおり``,
#: ``手順は以下`` (``5GB以下`` is "at most", and announces nothing).
_ANNOUNCES_RE = re.compile(
    r"(?:\bthe following(?: [\w-]{1,20}){0,3}|\bas follows|(?:以下|次)の(?:とおり|通り)(?:です|である)?|は以下)[.。]?[ \t]*\Z",
    re.I,
)
#: How a paragraph ends that says several things follow (``There are several ways to do this.``, ``そのやり方はいくつか
#: ある。``): over sub-sections, it opens them.
_SEVERAL_RE = re.compile(
    r"(?:\bseveral (?:ways|types|kinds|options)(?: [\w-]{1,20}){0,4}|いくつか(?:ある|あります))[.。]?[ \t]*\Z"
)

#: A sentence that only says what the text does next (``ここからは、…をご紹介します。``, ``In this section we'll look
#: at …``, ``Let's take a look at …``): it tells no fact. The lead (ここからは, In this section…) and a verb of telling
#: or looking (紹介, 説明, 見て…) are required: ``次に、IAMロールを作成します。`` is a step of a procedure, ``ここでは…を
#: 使用します`` a choice, a topic (``ここでは、S3は…``) a statement, ``Here we will explore why an NLB …`` a claim
#: (after ``Here`` or ``Now`` only looking is a signpost: ``Here we'll look at the storage options.``).
_SIGNPOST_RE = re.compile(
    r"(?:(?:それでは|では|ここからは|ここでは|以下では|本章では|この章では|本節では|この節では)[、,]?[^。！!？?\nは]{1,100}"
    r"(?:ご?紹介|説明|解説|見て|考えて|まとめ|整理|振り返(?:り|って)|触れて|述べて)"
    r"(?:し|して|させて)?(?:いき|み|いただき|いたし)?(?:ます|ましょう)[。！!]?"
    r"|(?:In this (?:section|part|chapter|post|article),? |Here,? |Now,? )(?:we|I)(?:'ll| will| are going to| am going to)"
    r" (?:look at|take a look|cover|go through|walk through)\b[^.:!?\n]{0,100}[.:!]?"
    r"|In this (?:section|part|chapter|post|article),? (?:we|I)(?:'ll| will| are going to| am going to)"
    r" (?:look at|take a look|cover|go through|explain|discuss|walk through|explore|dive into)\b[^.:!?\n]{0,100}[.:!]?"
    r"|Let's (?:now )?(?:take a look|look at|see how|dive into|walk through|explore|go through)\b[^.:!?\n]{0,100}[.:!]?)"
    r"[ \t]*",
    re.I,
)


def is_signpost(text: str) -> bool:
    """Whether ``text`` is one sentence that only says what the text does next: ``ここからは、参加メンバーの推しセッションを
    いくつかご紹介します。``, ``In this section we'll look at Services.``"""
    return len(text) <= 160 and _SIGNPOST_RE.fullmatch(text.strip()) is not None


def announces(text: str) -> bool:
    """Whether ``text`` ends in a sentence that opens what comes after it: a colon, ``the following … hold.``,
    ``以下のとおり``."""
    text = text.rstrip()
    return text.endswith((":", "：")) or (
        ("follow" in text or "の" in text or "以下" in text) and _ANNOUNCES_RE.search(text) is not None
    )


def says_several_follow(text: str) -> bool:
    """Whether ``text`` ends saying that several things follow: ``There are several ways to do this.``."""
    return ("several" in text or "いくつか" in text) and _SEVERAL_RE.search(text) is not None


def without_lead_in(back: str) -> str:
    """``back`` without its last sentence when that opens what follows the line (``Things that go wrong:``, ``she
    said:``, ``abbiamo i seguenti dati:``, ``… the following properties hold.``), which the back does not hold;
    ``back`` as it is otherwise. Empty when nothing is left.
    """
    if not announces(back):
        return back
    head, _, last = back.rstrip().rpartition("\n")
    spans = sentence_spans(last)
    kept = last[: spans[-1][0]].rstrip() if len(spans) > 1 else ""
    return f"{head}\n{kept}".strip()


#: A table's delimiter row left as text, its columns not lined up (``|-----|----|--|``): markup, not text.
_TABLE_RULE_RE = re.compile(r"\|[ \t:]{0,8}-{2,}[ \t:]{0,8}\|")


def has_table_rule(text: str) -> bool:
    """Whether ``text`` holds a table's delimiter row that markdown-it did not read as a table."""
    return "-|" in text and _TABLE_RULE_RE.search(text) is not None
