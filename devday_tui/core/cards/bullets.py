"""What a bullet says of itself, read from its own line: a sentence rather than a name, a line that introduces its
sub-list, the author saying they did not follow, a place or a remark that names nothing alone."""

from __future__ import annotations

import re

from devday_tui.core.cards.shapes import is_statement
from devday_tui.core.cards.split import SPOKEN_ENDS
from devday_tui.core.cards.terms import ENGLISH_VERBS, MAYBE_TERM_RE, is_place, is_remark
from devday_tui.core.text import ascii_words

#: How a Japanese line ends that states what is (``…がある``, ``…ている``), not a task (``…を置換する``).
STATES_JA = (
    "がある",
    "がない",
    "もある",
    "はない",
    "である",
    "ている",
    "ていない",
    "だった",
    "でした",
    *SPOKEN_ENDS,  # (a remark said aloud: "rancher の slack あるよ")
)
#: How a Japanese sentence with a topic (``X は …``) ends: ``…を作成する``, ``…したもの``, ``…に使用される``; one
#: without a topic (``文字列を置換する``) is often a task, its sub-item the command that does it.
_TOPIC_ENDS = ("する", "される", "できる", "なる", "もの")
#: A bullet that only says the author did not follow what is under it: ``わからん``, ``聞き取れず``, ``理解できなかった``
#: (``良かった点``, ``勉強になったこと`` name facts).
_LOST_RE = re.compile(
    r"(?:よく)?(?:わから|分から|解ら|判ら)(?:ん|ない|なかった)(?:こと|点|部分)?[!！…。w]*"
    r"|(?:聞き取れ(?:ず|なかった)|理解(?:でき)?(?:ず|なかった|できず)|ついていけ(?:ず|なかった))(?:こと|点|部分)?[!！…。]*"
    r"|(?:didn't|did not) (?:get|follow|understand)(?: this| these)?[.!]*",
    re.I,
)
#: A bullet of this many English words or more, with a comma outside brackets and a verb, is a sentence ("Machine
#: type structure starts at family, then series, then type"), not a name ("Default VPC in every region, with a public
#: subnet in each AZ", "RDS Multi-AZ (synchronous replication, standby in another AZ)").
LONG_CLAUSE_WORDS = 8
_BRACKETED_RE = re.compile(r"\([^()]{0,200}\)|（[^（）]{0,200}）")
#: Words that join two clauses: ``…when idle, so you pay only for requests``, ``…at family, then series``.
_CLAUSE_LINKS = frozenset("so but because which when while then if although whereas".split())
#: A parent bullet this long or longer that ends in a colon introduces its sub-list rather than naming it.
INTRODUCES_CHARS = 30


#: A line that only says "where" before the list that explains a formula's symbols: it names nothing.
_WHERE_WORDS = frozenset("where wobei onde donde où dove avec with com con mit ここで ただし".split()) | frozenset(
    ("na qual", "no qual", "em que", "en que", "en el que", "in which", "in cui", "dans lequel")
)


def is_where(text: str) -> bool:
    """``where:``, ``na qual:`` before the list of a formula's symbols: a word that names nothing."""
    return text.rstrip(":： ").casefold() in _WHERE_WORDS


def is_lost(text: str) -> bool:
    """``わからん`` over what the author did not follow: no set of facts."""
    return _LOST_RE.fullmatch(text.strip()) is not None


def has_verb(text: str) -> bool:
    """Whether an English line holds a verb from a short list (``is``, ``has``, ``allows``, ``starts``, ``used``…)."""
    return any(w.strip(",.;:()").casefold() in ENGLISH_VERBS for w in text.split())


def is_long_clause(text: str) -> bool:
    """A long English bullet that is a sentence: a verb or a word joining clauses, and a comma outside brackets; no
    separator (``low level: use
    …`` and ``ストリーミング ... Kinesis, …`` are a term and its definition; a line ending in a colon introduces its
    sub-list: ``Ways to reduce costs for EC2, …:``)."""
    if ascii_words(text) < LONG_CLAUSE_WORDS or "..." in text or MAYBE_TERM_RE.search(text):
        return False
    bare = _BRACKETED_RE.sub("", text) if "(" in text or "（" in text else text
    return ", " in bare and (has_verb(bare) or any(w in _CLAUSE_LINKS for w in bare.casefold().split()))


def introduces(text: str) -> bool:
    """``Encryption at rest is provided by:``: a line that introduces its sub-list rather than naming it."""
    return len(text) >= INTRODUCES_CHARS and text.rstrip().endswith((":", "："))


#: Words that say a list follows: ``以下を利用可能``, ``the following components are created:``.
_ANNOUNCES_RE = re.compile(
    r"(?:^|(?<=[\u3041-\u309f、。 ]))(?:以下|下記)(?:の|を|が|に|は)|次の(?:とおり|通り|よう|もの)|\bthe following\b|\bas follows\b",
    re.I,
)
#: How a line ending in a colon counts or sorts its sub-list: ``4 kinds of load balancers:``, ``3つの方法：`` (not the
#: numbers of ``HTTP/1.1``, nor a name's: ``RAID 0:``, ``Layer 4:``, ``Day 1:``, ``2点間の距離：``).
_COUNTS_RE = re.compile(
    r"(?<![\w./,])(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several)[ \t]+[A-Za-z]"
    r"|(?<![0-9０-９一二三四五六七八九])[0-9０-９一二三四五六七八九]++(?:つ|種類|点(?!間))"
    r"|\b(?:include|includes|including|are|of|such as|types|kinds|ways)[ \t]*[:：]\Z",
    re.I,
)


def points_to_list(text: str) -> bool:
    """A line that points to its sub-list and names nothing without it: one saying a list follows (``ソースとして以下を
    利用可能``, ``the following components are created:``) or ending in a colon after counting it (``4 kinds of load
    balancers:``, ``3つの方法：``). (``Entra nella modalità di modifica dell'oggetto:`` is a step.)"""
    if "。" in text.rstrip("。") or ". " in text:
        return False  # "Services provide load-balanced access to Pods. There are three types of Services:"
    if _ANNOUNCES_RE.search(text):
        return True
    return text.rstrip().endswith((":", "：")) and _COUNTS_RE.search(text.rstrip()) is not None


#: How a label over a sub-list ends: a word that needs what follows (``use this when``, ``Controlled by:``,
#: ``Each segment has:``, ``The Scrum Team consists of``; ``Associação:`` is a name).
_LABEL_END_RE = re.compile(
    r"\b(?:when|if|for|to|of|with|by|because|like|include|includes|including|are|is|has|have|contains?)[ \t]*[:：]?\Z",
    re.I,
)


def is_label(text: str) -> bool:
    """A label over a sub-list, words ending on one that needs what follows (``use this when``, ``Controlled by:``);
    not a keyword (``GROUP BY``, ``when``, ``for...of``, ``List.of``) nor a sentence."""
    words = text.rstrip(":： ").split()
    return (
        len(words) >= 2
        and not text.isupper()
        and ". " not in text
        and not any(ch in text for ch in "`.()_")
        and _LABEL_END_RE.search(text) is not None
    )


#: Verbs as a plural subject takes them: ``Memory operations need 3 instruction gap``, ``Subsequent backups contain
#: the data changed since the last full backup``.
_PLURAL_VERBS = frozenset(
    """need contain require allow provide support make take give cause create prevent reduce increase depend can must
    should will""".split()
)
#: Words after such a verb that make it a noun: ``support of``, ``uses per``, ``runs by``.
_NOUN_AFTER = frozenset("of per by vs vs. for".split())


def _subject_verb(text: str) -> bool:
    """An English line of four words or more where one of the verbs above follows a plural noun in lower case, its
    subject: ``Memory operations need 3 instruction gap`` states something; ``AWS Support plan tiers``, ``Tools you
    need for this course``, ``Common uses of Redis``, ``Nightly test runs per week`` name something."""
    words = text.split()
    if len(words) < 4 or not text.isascii() or ":" in text:
        return False
    for k in range(1, min(len(words) - 1, 5)):
        subject, verb, after = words[k - 1], words[k], words[k + 1]
        if (
            verb in _PLURAL_VERBS
            and len(subject) > 3
            and subject.islower()
            and subject.isalpha()
            and subject.endswith("s")
            and not subject.endswith("ss")
            and after.casefold() not in _NOUN_AFTER
        ):
            return True
    return False


def states(text: str, raw: str) -> bool:
    """A bullet that states something (``text``, its colon gone; ``raw`` as written), so that one sub-item under it
    is a remark on it, not its answer: ``VPC 間の通信は GW を介す。``, ``Each fault zone only has 1 voting member``,
    ``Memory operations need 3 instruction gap``, ``使用中のみ許可と常に許可がある``, ``Machine type structure starts
    at family, then series, then type``, ``state を更新する際は新しいオブジェクトを作成する`` (a topic and what is said
    of it). (A line ending in kana is often a task: ``文字列を置換する`` then the command that does it.)"""
    return (
        text.endswith(("。", "."))
        or text.endswith(STATES_JA)
        or (
            len(text) >= 12 and text.endswith(_TOPIC_ENDS) and "は" in text[2:-4].replace("または", "")
        )  # "X は …したもの"
        or is_statement(text)
        or _subject_verb(text)
        or is_long_clause(raw)
    )


#: A line this long or longer is a rule or a sentence, not a name that a ``※`` line answers (``持ち物`` then
#: ``※受験票と写真付き身分証``).
_FOOTNOTED_MIN_CHARS = 24


def is_footnote(text: str, above: str) -> bool:
    """``※複数行 INSERT も可能だが非推奨`` under ``原則として INSERT 1 文は 1 回の実行で 1 行を挿入すること``: a footnote
    to a statement, not what it asks. Under a name (``持ち物``, ``Deployment の更新戦略``) a ``※`` line is its answer."""
    return text.lstrip()[:1] == "※" and (len(above) >= _FOOTNOTED_MIN_CHARS or states(above, above))


def says_nothing_alone(name: str) -> bool:
    """A place in a process (``Start``) or a remark word (``Intro``, ``Bad Example``): a name no list recalls."""
    return is_place(name) or is_remark(name)


__all__ = [
    "STATES_JA",
    "has_verb",
    "introduces",
    "is_footnote",
    "is_label",
    "points_to_list",
    "is_long_clause",
    "is_lost",
    "is_where",
    "says_nothing_alone",
    "states",
]
