"""What an attendee writes of themselves rather than of the subject: impressions (``〜と思いました``, ``印象的でした``,
a trailing ``ｗ``), advice to the reader (``…がおすすめです``) and a diary (``懇親会に参加しました``, ``楽しかったです``), told apart from the subject's news
(``GA になりました``). Pure text functions; the ``first-person`` rule uses them."""

from __future__ import annotations

import re
import unicodedata

#: What an attendee writes of how a talk felt: ``〜と思いました``, ``印象的でした``, ``勉強になりました``. Literal words
#: only, so that the engine skips to their first characters (an alternative anchored at the end made every search
#: several times slower: those are ``_IMPRESSION_END_RE``).
_IMPRESSION_RE = re.compile(
    r"思いました|と思います|と思う|と思った|って思った|と思っています|と思ってます|と思っている|気がします|気がする|感じました|気持ちに|印象的|勉強になりました|勉強になった|楽しかった|面白かった"
    r"|おもしろかった|びっくり|残念|最高|感動|めっちゃ|良かった|よかった|ありがたい|ありがとう|感謝|驚きました|嬉しかった|うれしかった"
    r"|楽しみ|知りました|しりました|疑問が残|なぁ|。。。|だろな|だろうけど|でしょうね|見返そう|（笑）|\(笑\)"
    r"|同意。|共感|納得|なるほど|嬉しい|うれしい|面白そう|おもしろそう|楽しそう|刺激され|刺激を受け"
    r"|記事が(?:分かりやすい|わかりやすい|おすすめ|参考にな)|正直"
    r"|かわいい|可愛い|ゴメンナサイ|ごめんなさい|すみません|すいません|応援して|グッド|スゴく|スゴい"
    r"|楽しいです|面白いです|おもしろいです|熱いです|嬉しいです|分らん|分からん|わからん|\^\^|良いね|いいね"
    r"|発表の様子|会場の様子|当日の様子|と感じ|感じがした|刺激になった|じゃないかな"
    r"|ではないかと考えるようになっ|ないかと思うようになっ"  # the author's own change of mind
    r"|ぶっちゃけ"  # the author speaking to the reader
)
#: How an impression may end: ``なー``, a trailing ``ｗ`` after Japanese text, a particle spoken to the reader
#: (``…大変になるからね・・・。``, ``…かな``) or an opinion (``…相性が良さそう``).
_SPOKEN_ENDS = (
    "からね",
    "けどね",
    "よね",
    "かな",
    "かなぁ",
    "のでは",
    "良さそう",
    "よさそう",
    "すごい",
    "凄い",
    "素晴らしい",
    "すばらしい",
    "面白い",
    "おもしろい",
    "楽しい",
    # the author's advice to the reader at a sentence's end: ``…の8回分がおすすめです``, ``…受かることでしょう``
    # (``AWSはMFAの有効化をおすすめしている`` reports a recommendation, ``基本はこっちがオススメ`` states one)
    "おすすめです",
    "オススメです",
    "おすすめします",
    "ことでしょう",
)
#: How the author's wish ends, not asked (``M1ほしい``, ``…理解できるようになりたい``, ``推していきたい``; ``自分が
#: 参加したい？`` asks): a requirement (``…を表示したい``) is no wish of theirs.
_WISHES = ("ほしい", "欲しい", "なりたい", "いきたい", "てみたい")
_END_MARKS = "・。…!！?？ー〜"
_IMPRESSION_END_RE = re.compile(
    r"なー$|(?<![wｗ])(?<=[^\x00-\x7f])[wｗ]+[!！]?$"
    rf"|(?:{'|'.join(_SPOKEN_ENDS)})(?:です)?[{_END_MARKS}]{{0,4}}$"
    rf"|(?:{'|'.join(_WISHES)})(?:です)?[{_END_MARKS.replace('?？', '')}]{{0,4}}$"
)
#: The last letter of any text the end pattern matches, built from the same parts: the pattern has no first letter
#: the engine could skip to, so a text ending otherwise is passed over without a search.
_END_LAST = frozenset("ーwｗ!！す" + _END_MARKS + "".join(word[-1] for word in _SPOKEN_ENDS + _WISHES))
#: The last letter of any text the end pattern matches once its end marks are stripped (``なー`` loses its ``ー``, a
#: ``ｗ!`` its ``!``): most sentences end with ``。`` after another letter, and are passed over without a search.
_CORE_LAST = frozenset("なwｗす" + "".join(word.rstrip(_END_MARKS)[-1:] for word in _SPOKEN_ENDS + _WISHES))
assert all(word.rstrip(_END_MARKS) for word in _SPOKEN_ENDS)


def _felt(text: str) -> bool:
    """Whether a text holds an impression's words, or ends like one."""
    if _IMPRESSION_RE.search(text) is not None:
        return True
    return (
        text[-1:] in _END_LAST
        and text.rstrip(_END_MARKS)[-1:] in _CORE_LAST
        and _IMPRESSION_END_RE.search(text, max(0, len(text) - 8)) is not None
    )


#: How a sentence of an attendee's diary ends: what they did (``参加しました``, ``行ってきた``), how it went
#: (``良かったです``, ``おもしろかった``), what they will try (``試してみよう``, ``使ってみたい``). A plain wish is not one: in
#: technical notes ``〜したい`` mostly states a need (``IaC で環境を作りたい``, ``コストを下げたい``), the point itself.
_DIARY_ENDS = (
    *"ました でした かった かったです だった った いた てた てきた てみた でみた てみる でみる てみよう でみよう".split(),
    *"てみたい でみたい てみたいです でみたいです よう ですね るな だな だね よね そう".split(),
)
_DIARY_LAST = frozenset(end[-1] for end in _DIARY_ENDS)  # (their last letters)
#: Past tense that reports the subject's news, not the attendee's day: ``GA になりました``, ``発表されました``.
_NEWS_RE = re.compile(
    r"(?:され(?:ました|た|ます|ている|ています)|にな(?:った|りました)"
    r"|(?:リリース|発表|対応|追加|サポート|登場|提供|公開|GA)(?:され|し|に|と)?(?:ました|た|です|なりました|なった)?)\Z"
)
#: A sentence in which the attendee speaks of themselves: ``私は好きです``.
_ME_RE = re.compile(r"私|僕")
#: What a sentence may end with after its last word: marks, brackets closing, a laugh, an emoji.
_TAIL_MARKS = "。．.、,！!？?…・〜~ー―wｗ笑)）」』】 \t\u3000"
#: A sentence that is only an aside in brackets: ``（前年比）``.
_ASIDE_RE = re.compile(r"\A[(（][^()（）]*[)）]\Z")


def _tail(sentence: str) -> str:
    end = len(sentence)
    while end and (sentence[end - 1] in _TAIL_MARKS or unicodedata.category(sentence[end - 1]) == "So"):
        end -= 1
    return sentence[:end]


def _ends_told(text: str) -> bool:
    """Whether one of the sentences in a text's last 40 characters ends like a diary's."""
    for piece in text[-40:].split("。"):
        last = piece[-1:]
        if last and last not in _TAIL_MARKS and unicodedata.category(last) != "So":
            if last in _DIARY_LAST and piece.endswith(_DIARY_ENDS):  # (the sentence is its own tail)
                return True
        elif _tail(piece).endswith(_DIARY_ENDS):
            return True
    return False


#: A text this short is looked at sentence by sentence for an impression's end, not only at its end.
_SHORT_CHARS = 300


def is_impression(text: str, *, diary: bool = True) -> bool:
    """Text that is mostly the author's impressions (at least half its sentences), in Japanese; or mostly their
    diary (two thirds of its sentences say what they did or felt: ``懇親会に参加しました``, ``楽しかったです``), unless
    ``diary`` is false (a talk's title may read like one: ``Polars 触ってみた``)."""
    if text.isascii():
        return False
    felt = _felt(text)
    if not felt and len(text) <= _SHORT_CHARS and ("。" in text[:-1] or "．" in text[:-1]):
        # A short text's impression may end a sentence before its last: "これを作れるのはすごい。まだ残り2".
        felt = any(_felt(t) for t in re.split("[。．]", text) if t)
    # A diary ends like one: the sentences of its end are looked at first.
    if not felt and (not diary or not (_ends_told(text) or "私" in text or "僕" in text)):
        return False
    # A line that ends mid-sentence (``…氏による,``) goes on on the next line.
    sentences = [t.strip() for t in re.split(r"(?<=[。．！!])|(?<=[。．！!？?）)」』\w])\n", text)]
    sentences = [t for t in sentences if t and not _ASIDE_RE.match(t)]
    if not sentences:
        return False
    found = sum(1 for t in sentences if _felt(t)) if felt else 0
    if found and found * 2 >= len(sentences):
        return True
    if not diary:
        return False
    told = sum(
        1
        for t in sentences
        if not (felt and _felt(t))
        and ((_tail(t).endswith(_DIARY_ENDS) and not _NEWS_RE.search(_tail(t))) or _ME_RE.search(t) is not None)
    )
    return (found + told) * 3 >= len(sentences) * 2


#: A sentence about the page it is written on: ``本稿はそのレポートです``, ``…を聴講した時のメモ``, ``感想を書きます``,
#: ``In this post …``.
ABOUT_PAGE_RE = re.compile(
    r"本稿|本記事|この記事|当記事|このエントリ|本イベント|時のメモ|のメモです|備忘録|(?:を|について)(?:書きます|まとめます|紹介します|紹介する|解説します)"
    r"|(?:前回|以前)(?:の記事|も解説|も紹介|書いた)|日目の記事|Advent Calendar|アドベントカレンダー"
    r"|[Tt](?<![A-Za-z][Tt])his (?:post|article|blog post|guide|cheat ?sheet|write-?up"
    r"|is (?:a|an|my|your) (?:[\w-]+ ){0,2}(?:guide|summary|cheat ?sheet|notes))\b"
    r"|[Tt](?<![A-Za-z][Tt])hese notes\b"  # (each alternative opens with a letter: the engine skips)
    # Korean: "in this post", "this article": ``이번 포스팅에서는 …``, ``이 글에서는 …``
    r"|이번 (?:포스팅|포스트|글)(?:에서는|에서도|에서|에선|은|는|이|을|의|로|에)?(?![가-힣])|이 (?:포스팅|포스트|글)에서|본 (?:포스팅|포스트|글)에서"
)
#: A label that says what the author does next (``具体的には以下の設定を行います``, ``…を見ていきます``): the list after it
#: is the article's plan, not facts.
_PLAN_RE = re.compile(
    r"(?:を行います|を行っていきます|していきます|を紹介します|を解説します|を説明します|を見ていきます|をやっていきます"
    r"|を試します|を進めます)[:：。]?\Z"
)
#: The same in English: ``I need to``, ``I want to try``, ``We'll set up the following``.
_PLAN_EN_RE = re.compile(r"(?:I|We)(?: really)? (?:need|want|would like|have|plan) to\b|(?:I|We)(?:'ll| will) ")


def is_plan(label: str) -> bool:
    """A label of the author's plan: ``以下の設定を行います``, ``順番に見ていきます``, ``I need to``."""
    if label.isascii():
        return _PLAN_EN_RE.match(label) is not None
    return _PLAN_RE.search(label) is not None


#: A page's title with the name of its site (``PHPerKaigi2023に参加しています - memo.yammer.jp``, ``… | DevelopersIO``):
#: a page to read, pasted.
PAGE_TITLE_RE = re.compile(
    r"\s[-|–—]{1,2}\s(?:[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}|Qiita|Zenn|Medium|YouTube|note|DevelopersIO|Speaker Deck"
    r"|SlideShare|GitHub|Yukarin'Note)\s*\Z"
    # a link card's title with its site's domain glued on: ``YAPC::Asia Tokyo 2015yapcasia.org``
    r"|(?<=[0-9\u3040-\u30ff\u4e00-\u9fff）)])[a-z][a-z0-9-]{1,30}\.(?:com|org|net|io|dev|jp|co\.jp)\s*\Z"
)

__all__ = ["ABOUT_PAGE_RE", "PAGE_TITLE_RE", "is_impression"]
