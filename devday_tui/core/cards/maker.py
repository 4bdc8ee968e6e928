"""Where every card of a note is added (or refused), traced to the rule that made or dropped it: the state and
the methods that the block rules (:mod:`.paragraphs`, :mod:`.lists`, :mod:`.tables`) and
:class:`devday_tui.core.cards.builder.Builder` share, the card cap included."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from devday_tui.core import ids
from devday_tui.core.cards.backs import has_table_rule, is_score_share, is_thin, is_translation
from devday_tui.core.cards.chatter import KPT_KEYS, is_chatter_head, is_default, without_remark
from devday_tui.core.cards.impressions import ABOUT_PAGE_RE, PAGE_TITLE_RE, is_impression
from devday_tui.core.cards.rules import RULES, Trace
from devday_tui.core.cards.split import TASK_RE
from devday_tui.core.cards.terms import (
    CITATION_FIELDS,
    TALK_FIELDS,
    skip_key,
    squash,
)
from devday_tui.core.model import LIST_KINDS, Back, Card, Item, Note, Section, new_card
from devday_tui.core.text import is_bare_link, normalise
from devday_tui.core.wip import says_notes_missing

if TYPE_CHECKING:
    from devday_tui.core.cards.blocks import Node
    from devday_tui.core.cards.paragraphs import Para


#: The author's own doubt: ``inter segment jump. ???``, ``（？）``. (Two ASCII marks are an operator: ``a ?? b``.)
_UNSURE_RE = re.compile(r"\?\?\?|？？|[(（][?？][)）]|要調査|要確認")
#: No card has more lines than this on its back.
MAX_BACK_LINES = 12
#: What ``add`` returns for a card left out because the note has its most cards already: it would have been made,
#: so the rules around it (a list of definitions, a glossary) read it as made, and the count of those left out holds.
CAPPED = -4
#: Three lettered options on their own lines: ``A. …`` / ``B. …`` / ``C. …`` (a multiple-choice question).
_OPTIONS_RE = re.compile(r"(?m)^[ \t]*A[.)．] .*\n[ \t]*B[.)．] .*\n[ \t]*C[.)．] ")
#: Where the answer of such a question is said.
_ANSWERED_RE = re.compile(r"答え|正解|解答|Answer|Correct|✅|→\s*[A-H]\b", re.I)
#: A line that is the author's to-do: ``TODO 強制的に変換したい``, ``FIXME: …``.
_TODO_RE = re.compile(r"(?:TODO|FIXME|TBD)(?![A-Za-z0-9_])")
#: How a front that asks ends: ``Ruff とは``, ``…？``.
_ASKS = ("とは", "とは？", "とは?", "?", "？")
#: Rules whose back is a term's value, written after it on its line.
_TERM_RULES = frozenset(("definition", "term-line"))
#: Rules whose definition cards hold the note's own sentences, which may be the author's impressions.
_PROSE_RULES = frozenset(("definition", "term-line", "heading-paragraph", "bold-term", "parent-bullet", "remark-term"))
#: How a back opens that goes on with its front's sentence (Japanese never opens one with these).
_GOES_ON = ("が", "を", "とのこと", "という", "ということ", "です", "でした", "ます", "ました")
#: How a front opens that points back to what came before: ``その場合、…``, ``To prevent this, …``.
_POINTS_BACK_RE = re.compile(
    r"(?:その場合|この場合|そのため|このため|上記|前述|それ(?!ぞれ)|これ(?!まで|から))"
    r"|(?:To prevent this|In this case|In that case),|(?:This|These|That|Those|It) [a-z]"
)
_EMAIL_RE = re.compile(r"(?:mailto:)?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
#: A line saying that what follows is reading: ``Notesから移行する場合は下記が参考になる``, ``以下を参考にしました``.
_READING_LABEL_RE = re.compile(r"(?:下記|以下|次の(?:記事|サイト|ページ))(?:が|を|も)参考|参考になる|参考にしました")
#: How a site's domain ends, and how much of a back's end is looked at for a page's title and site.
_TOP_DOMAINS = (".com", ".org", ".net", ".io", ".dev", ".jp")
_PAGE_TAIL_CHARS = 60
#: A line before a URL this long at most is the title of the page it links to.
_LINK_TITLE_MAX_CHARS = 100
#: A back that only names a person: ``@yasulab さん``, ``@koic``, ``松本 亮介さん``.
PERSON_RE = re.compile(
    r"@[\w.-]{1,30}(?:[ \u3000]?(?:さん|氏|様))?|[^\s@]{1,10}(?:[ \u3000][^\s@]{1,10})?[ \u3000]?(?:さん|氏|様|先生)"
)
#: A person's name in Latin letters: two or three capitalised words (``Danilo Poccia``, ``Mary K. Smith``).
_NAME_RE = re.compile(r"[A-Z][a-z]{1,15}(?: [A-Z]\.)?(?: [A-Z][a-z]{0,2}[A-Z]?[a-z]{1,15}){1,2}")
#: A person's role, lower case, at the start of a back about them, at a company named in capitals: ``managing
#: partner at Expansive Ventures`` (``the node manager at each worker node`` is no one's).
_ROLE_AT_RE = re.compile(
    r"(?i:(?:(?:a|an|our)\s)?(?:[\w-]{1,20}\s){0,2}(?:partner|founder|co-?founder|ceo|cto|cio|vp|president|engineer"
    r"|manager|director|evangelist|advocate|architect|investor|developer|designer|researcher|professor|consultant"
    r"|maintainer|organi[sz]er)\s(?:at|@)\s)[A-Z][^.\n]{0,60}"
)
#: A name, then a role: ``Patrick Pinkston, VP Information Solutions John Deere``, ``Jane Doe - CTO at Acme``.
_NAME_THEN_ROLE_RE = re.compile(rf"(?:{_NAME_RE.pattern})\s?(?:,|\s[-–—]|:)\s")
#: The noun of a job title: ``Principal Evangelist``, ``Senior Software Engineer``, ``CTO`` (``Azure Active Directory -
#: Principal`` names no one).
_ROLE_NOUN_RE = re.compile(
    r"\b(?:Evangelist|Engineer|Advocate|Architect|Manager|Director|Founder|Co-?founder|CEO|CTO|CIO|CISO|VP|President"
    r"|Consultant|Researcher|Professor|Scientist|Head of|Partner)\b"
)
#: A heading up to this long that names a cloze's answer anywhere gives it away.
_NEAR_CRUMB_MAX = 80
#: A name's role comes within this many characters of its separator (``Deployment Frequency, Lead Time for
#: Changes`` names no one).
_ROLE_NEAR_CHARS = 30
#: How a Japanese name ends when it names a person: ``藤田氏``, ``加藤さん``.
HONORIFICS = ("さん", "氏", "様", "先生")
#: A back that only says what to study: ``Exponential backoff - know when it is used``.
_STUDY_RE = re.compile(r"(?:know|understand|learn|study|review|memori[sz]e|remember)\b(?! as\b)", re.I)
#: The author's own background, named in a term that ends with it: ``この分野への自分の経験値``, ``僕の立場``
#: (``自分の経験を棚卸しする`` is advice, ``自分のスキルアップ`` may ask a panel what it does).
_OWN_RE = re.compile(r"(?:自分|私|僕)の(?:経験値?|立場|バックグラウンド|経歴)[:：]?\Z")
#: The same in English, the whole term: ``My situation:``, ``My background`` (``I use:`` may head a list of tools).
_OWN_EN_RE = re.compile(r"My (?:situation|background|experience|setup|schedule|preparation)[ \t]*+[:：]?[ \t]*+\Z")
#: A back that opens by speaking of its author: ``I will use k for kubectl``, ``私は…``.
#: A one-line back up to this long that speaks of its author anywhere (``Going forward I will use k``) is no fact.
SHORT_BACK_CHARS = 120
_FIRST_PERSON_IN_RE = re.compile(
    r"(?<![A-Za-z.'’])I(?:'m|'ll|'ve|’m|’ll|’ve)? (?=[a-z])|(?<![A-Za-z])[Mm]y (?=[a-z])|私は|僕は"
)
_FIRST_PERSON_BACK_RE = re.compile(r"(?:I(?:'m|'ve|'ll|'d|’m|’ve|’ll|’d)?|My) [a-z]|(?:私|僕|自分)[はもが]")
#: What a heading may start with before its words (see ``skip_key`` and ``normalise``).
_LEAD = "0123456789.) \t\n,;:!?。、，．：；！？・…-—–【[「(（〔"


#: How a line in which the author tells of themselves opens: ``I have done so…``, ``[I am a software architect](…)``,
#: ``私は…`` (``My name is set with git config`` tells of a setting, ``As a user, I want…`` is a user story).
_SELF_OPENS_RE = re.compile(r"\[?(?:I(?:'m|'ve|'d|’m|’ve|’d)? [a-z]|(?:私|僕|自分)[はもが])")


#: How a front opens that speaks of a figure on the page: ``上图会产生``, ``上の図では``, ``下図のように``, ``The diagram
#: below``, ``As shown in the figure``.
_FIGURE_RE = re.compile(
    r"(?:上|下|左|右|次)(?:图|図|の図|記の図|の画像)(?![形書式])|(?:the |this )?(?:figure|diagram|image|picture|chart)"
    r" (?:above|below)\b(?! the fold)|as shown (?:above|below|in the (?:figure|diagram))",
    re.I,
)


#: How a line opens that tells what the speaker did on stage: ``Speaker demonstrates Mandelbrot …``, ``登壇者は…``,
#: ``講演者が…`` (``Speaker notes: …`` are a presentation's notes; ``スピーカーは…`` may be a loudspeaker).
_NARRATION_RE = re.compile(
    r"(?:the )?(?:speaker|presenter) (?:demo(?:nstrate)?s|demoed|demonstrated|shows|showed|noted|says|said"
    r"|mentions|mentioned|explains|explained|talks|talked|describes|described|walks|walked|asks|asked)\b"
    r"|(?:登壇者|講演者|発表者)(?:さん)?(?:は|が)",
    re.I,
)


def is_narration(text: str) -> bool:
    """A line that tells what the speaker did on stage (``Speaker shows …``), not a fact of the talk."""
    return text[:1] in "SsTtPp登講発" and _NARRATION_RE.match(text) is not None


def is_first_person(text: str) -> bool:
    """A line that opens with the author speaking of themselves: ``I have done so on premise``, ``私は…``."""
    return _SELF_OPENS_RE.match(text) is not None


def is_todo(text: str) -> bool:
    """A line that starts with a to-do marker: ``TODO: …``, ``FIXME``, ``TBD``, or a task's (``DONE …``, ``LATER …``)."""
    return text[:1] in "TFDLNWC" and (_TODO_RE.match(text) or TASK_RE.match(text)) is not None


def is_unsure(text: str) -> bool:
    """A line the author marked as unsure: ``inter segment jump. ???``, ``（？）``."""
    if "?" in text or "？" in text:
        return _UNSURE_RE.search(text) is not None
    return "要調査" in text or "要確認" in text


#: A line that only sends the reader to links: ``全てのセッションは以下のリンクから視聴できます。``, ``See the links below``.
_LINKS_BELOW_RE = re.compile(r"(?:以下|下記)の(?:リンク|URL|記事|ページ)(?:から|を|で|に|が)|\b[Tt]he links? below\b")


def without_links(back: str, *, titled: bool = False) -> str:
    """A back without its lines that are only a URL, nor the page titles pasted right before them
    (``【機械学習】LPノルムってなんだっけ？`` then ``https://qiita.com/…``; a sentence stays): pointers to read, not
    the answer. The back's first line is a title too when ``titled`` (a term's value: ``SegNet: 画像セグメンテー
    ションニューラルネットワーク`` then its link), or when it reads as one (``【…】``)."""
    out: list[str] = []
    links = 0  # links so far: the back's first line answers, unless it reads as a page's title (``【…】``)
    text_before = False  # the line right above is text (a title pastes right above its link)
    for line in back.split("\n"):
        if is_bare_link(line.strip()):
            title = out[-1].strip() if out and text_before else ""
            if title and len(title) <= 80 and not title.endswith(("。", ".")):
                if titled or len(out) > 1 or links or title[:1] in "【[" or PAGE_TITLE_RE.search(title):
                    out.pop()  # the link's title, pasted above it
            links += 1
            text_before = False
            continue
        out.append(line)
        text_before = True
    return "\n".join(out).strip("\n")


class Entry(NamedTuple):
    """An item of a list, as the list rules read it."""

    item: Item
    own: bool  # the item made a definition card of its own
    line0: int
    card: int = -1  # index of that definition card


#: What ``set_skip`` makes of a set of chatter headings, by that set: nearly every note has the default one, and
#: joining it to the talk fields again took 56 µs a note.
_SKIP_SETS: dict[tuple[frozenset[str], bool], tuple[frozenset[str], frozenset[str], int]] = {}


def is_wondering(front: str, back: str) -> bool:
    """A one-line back that asks instead of answering, under a front that asks nothing (``…運用向き？``)."""
    return back.endswith(("?", "？")) and "\n" not in back and not front.endswith(("?", "？"))


#: How a person's title or team ends in Japanese (``フロントエンドエンジニア``, ``Vue.js コアチームメンバー``, ``作者``).
_ROLES_JA = (
    "エンジニア",
    "アーキテクト",
    "マネージャー",
    "コンサルタント",
    "デザイナー",
    "リーダー",
    "メンバー",
    "チーム",
    "エバンジェリスト",
    "アドボケイト",
    "代表",
    "取締役",
    "部長",
    "作者",
    "研究員",
    "フリーランス",
    "CTO",
    "CEO",
    "SRE",
)


def _is_title_and_person(back: str) -> bool:
    """A back of two or three short lines whose last names a person with an honorific and whose line before it is
    their title (``フロントエンドエンジニア`` then ``中上 裕基さん``): who spoke. (``人間の欲求を5段階で表した理論`` then
    ``マズロー氏`` is a definition and its author.)"""
    lines = [line.strip() for line in back.strip().split("\n")]
    return (
        2 <= len(lines) <= 3
        and len(lines[-1]) <= 30
        and PERSON_RE.fullmatch(lines[-1]) is not None
        and all(len(line) <= 40 and not line.endswith(("。", ".", "：", ":")) for line in lines[:-1])
        and (lines[-2].endswith(_ROLES_JA) or _ROLE_NOUN_RE.search(lines[-2]) is not None)
    )


#: A talk's title then its speaker and where they work: ``… at Airbnb Scale - Melanie Cebula, Software Engineer,
#: Airbnb``, ``Deep dive: Kubernetes IoT Edge WG – Cindy Xing, Huawei; …`` (a person's name of two or three words, then
#: a comma or a semicolon, then a capital: ``EC2 - Elastic Compute Cloud`` names no one).
_DASH_SPEAKER_RE = re.compile(r"[ \t][-–—][ \t]+[A-Z][a-z]+(?:[ \t][A-Z][A-Za-z'’.-]+){1,2}[,;][ \t]+[A-Z]")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


def names_speaker(text: str) -> bool:
    """A talk's title, then a dash, its speaker and where they work: the title of three words or more in title case
    (seven in ten of its words of four letters or more capitalised: ``Airbnb runs over 7,000 services - Melanie
    Cebula, Airbnb`` is a fact with its source, and ``SQS: … - Message Queue, fully managed`` names no one)."""
    m = _DASH_SPEAKER_RE.search(text)
    if m is None or len(text[: m.start()].split()) < 3:
        return False
    words = _WORD_RE.findall(text, 0, m.start())
    return bool(words) and 10 * sum(w[0].isupper() for w in words) >= 7 * len(words)


def _who_or_where(front: str, back: str) -> tuple[str, str] | None:
    """Why a definition says who spoke or where to read rather than a fact (the rule, the reason), or None: a
    person and their title, a person alone, a link and its title, a page's title and its site, an e-mail address."""
    if len(front) <= 20 and front.endswith(HONORIFICS) and len(back) <= SHORT_BACK_CHARS and "。" not in back:
        return "chatter-term", "a person and their title (藤田氏: … マネージャー): who spoke, not what was said"
    if "\n" not in back and names_speaker(back):
        # "Keynote: Developing Kubernetes Services at Airbnb Scale - Melanie Cebula, Software Engineer, Airbnb"
        return "chatter-term", "a talk's title and its speaker: which talk, not what was said"
    if len(back) <= 80 and _NAME_RE.fullmatch(front) and _ROLE_NOUN_RE.search(back) and "." not in back:
        return (
            "chatter-term",
            "a person and their title (Jane Doe - Principal Evangelist): who spoke, not what was said",
        )
    if front[:1].isupper() and (
        (" " not in front and len(front) <= 16 and front.isalpha() and _ROLE_AT_RE.fullmatch(back) is not None)
        or (
            (m := _NAME_THEN_ROLE_RE.match(front)) is not None
            and len(front) <= 80
            and _ROLE_NOUN_RE.search(front, m.end(), m.end() + _ROLE_NEAR_CHARS) is not None
        )
    ):
        # "Jon: managing partner at Expansive Ventures"; "### Patrick Pinkston, VP Information Solutions John Deere"
        # over his company's tagline
        return "chatter-term", "a speaker and their role (Jon: managing partner at …): who spoke, not what was said"
    if back.count("\n") == 1 and "://" in back:
        title, _, last = back.partition("\n")
        if is_bare_link(last.strip()) and len(title) <= _LINK_TITLE_MAX_CHARS:
            # "アジャイル開発の10年 - Yukarin'Note" then its URL: a page to read, with its title
            return "url-only", "a link and its title: a page to read, not a fact"
    if len(back) <= 30 and PERSON_RE.fullmatch(back.strip()):
        return "chatter-term", "only who (講演: @yasulab さん), not what was said"
    if _is_title_and_person(back):
        # "株式会社…" over "フロントエンドエンジニア" and "中上 裕基さん": a speaker's company, title and name
        return "chatter-term", "a title and a person (エンジニア / 中上さん): who spoke, not what was said"
    if "@" in back and _EMAIL_RE.fullmatch(back.strip()):
        return "url-only", "an e-mail address: whom to write to, not a fact"
    if (
        "\n" not in back
        and len(back) <= _LINK_TITLE_MAX_CHARS
        and (
            " - " in back
            or " | " in back
            or " – " in back
            or " — " in back
            or " -- " in back
            or back.rstrip().endswith(_TOP_DOMAINS)
        )
        and PAGE_TITLE_RE.search(back, max(0, len(back) - _PAGE_TAIL_CHARS))
    ):
        return "url-only", "a page's title and its site (… - memo.yammer.jp): a page to read, not a fact"
    return None


def _is_katakana(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fa" or ch == "ー"


def _names_word(heading: str, word: str) -> bool:
    """Whether a Japanese ``heading`` names ``word`` as a word: not a short one inside a longer katakana word
    (``ポート`` in ``エクスポート``, ``データ`` in ``データベース``) nor one after a negation (``同期`` in ``非同期``); a kanji
    word inside a compound counts (``可用性`` in ``高可用性の確保``)."""
    at = heading.find(word)
    while at != -1:
        before, after = heading[at - 1 : at], heading[at + len(word) : at + len(word) + 1]
        inside = len(word) <= _SHORT_KATAKANA and (
            (_is_katakana(word[0]) and _is_katakana(before)) or (_is_katakana(word[-1]) and _is_katakana(after))
        )
        if not inside and before not in _NEGATIONS:
            return True
        at = heading.find(word, at + 1)
    return False


#: A katakana word this short inside a longer one is another word (``ログ`` in ``ブログ``); a longer one is part of
#: a compound that names it (``フォアグラウンド`` in ``フォアグラウンドジョブ``).
_SHORT_KATAKANA = 4
#: Prefixes that make a kanji word its opposite: ``非同期``, ``不可用``, ``無効``, ``未定義``.
_NEGATIONS = frozenset("非不無未")


class CardMaker:
    """The base of :class:`devday_tui.core.cards.builder.Builder` and of its block-rule mixins."""

    def __init__(self, note: Note, offset: int, used: set[int], *, max_cards: int, trace: list[Trace] | None) -> None:
        self.note = note
        self.offset = offset
        self.used = used
        self.max_cards = max_cards
        self.left_out = 0
        self.first_left_out: int | None = None  # the file line of the first card left out
        self.trace = trace
        self.cards: list[tuple[int, int, int, Card]] = []
        self.seen: dict[tuple[str, str, str], int] = {}
        # Set per section:
        self.section: Section | None = None
        self.heading_key = ""
        self.subject = ""
        self.question: str | None = None
        self.question_skip = 1  # lines of the first paragraph the question takes (0: it only names the topic)
        self.code_terms = True  # a line opening with inline code may be a command and what it does (code-term)
        self.solution_at = -1  # the node of a numbered question's answer label (``Solution:``), if it has one
        self.extra: list[str] = []  # labels and parent bullets above the block being read
        self.contexts: dict[tuple[str, ...], tuple[str, ...]] = {}
        # The list items that made a definition card of their own, by id: the item, that card's index and the
        # item's line as written.
        self.own_items: dict[int, tuple[Item, int, str]] = {}
        # The list items with a sub-list, by id: the item and its line (its cards cite it, not its parent's).
        self.item_lines: dict[int, tuple[Item, int]] = {}
        self.skip: frozenset[str] = frozenset()  # chatter headings (skip_sections), normalised: no card as terms
        self.answer_taken = 0  # nodes after a multiple-choice list that its answer took
        self.toc_possible = False  # the note has a list item that may end a table of contents's chapter
        self.heading_names: frozenset[str] = frozenset()  # the note's headings, normalised (a list of them is a TOC)
        self._skip_firsts: frozenset[str] = frozenset()
        self._skip_longest = 0
        self._skip_heads = False  # the default chatter headings: a label whose head noun is a chatter word is one
        self.scopes: dict[int, str] = {}  # a definition under a label or parent bullet: its card index, that label
        self.has_list = False
        self.glossaries: list[tuple[int, list[Entry]]] = []  # a section's lists of only definitions: (line, items)
        self.has_code = False
        self.text_chars = 0

    # -- cards and the trace

    def add(
        self,
        rule: str,
        kind: str,
        subject: str,
        front: str,
        back: Back,
        line0: int,
        answers: tuple[str, ...] = (),
    ) -> int:
        """Add a card; its index in ``self.cards``, or -1 when it was not made."""
        front = squash(front)
        if not front or not back or (back.__class__ is str and not back.strip()):
            return -1
        refused: tuple[str, str] | None = None
        if isinstance(back, str):
            if "\n" in back and "://" in back:
                # A term's value, or a heading's one line (that does not answer its question: "Ruff とは"), right
                # above a link is the page's title.
                titled = rule in _TERM_RULES or (rule == "heading-paragraph" and not front.endswith(_ASKS))
                back = without_links(back, titled=titled)
                if not back:
                    self.drop(line0, "url-only", f"{kind} {front[:40]!r}: its back is only links to read")
                    return -1
            refused = self.refused(rule, kind, front, back)
            if refused is None and front[:1] in "DLNWC" and is_todo(front):  # "DONE helium" over its notes: a task
                refused = ("todo", "the author's task, not something to learn")
        elif is_todo(front):
            refused = ("todo", "the author's to-do, not something to learn")
        elif is_unsure(front):
            refused = ("unsure", "the author marked it as unsure")
        if refused is not None:
            self.drop(line0, refused[0], f"{kind} {front[:40]!r}: {refused[1]}")
            return -1
        if len(self.cards) >= self.max_cards:
            if not self.left_out:
                self.first_left_out = self.offset + line0 + 1
            self.left_out += 1
            if self.trace is not None:
                self.drop(line0, "max-cards", f"{kind} {front!r}: the note already has {self.max_cards} cards")
            return CAPPED
        norm = normalise(subject)
        key = (self.heading_key, kind, norm)
        n = self.seen.get(key, 0)
        self.seen[key] = n + 1
        section = self.section
        assert section is not None
        line = self.offset + line0 + 1
        if self.extra:  # one tuple per distinct context: cards share it (less memory, a smaller parse cache)
            context_key = (section.id, *self.extra)
            context = self.contexts.get(context_key)
            if context is None:
                context = self.contexts[context_key] = (*section.breadcrumb, *self.extra)
        else:
            context = section.breadcrumb
        card = new_card(
            ids.card_id_from(self.note.key, self.heading_key, kind, norm, n),
            kind,
            front,
            back.strip() if back.__class__ is str else back,
            context,
            self.note.key,
            self.note.title,
            self.note.path,
            line,
            section.id,
            answers,
            (),
        )
        if self.extra and kind == "definition":
            self.scopes[len(self.cards)] = " › ".join(self.extra)
        self.cards.append((line, 0 if kind in LIST_KINDS else 1, len(self.cards), card))
        if self.trace is not None:
            self.trace.append(Trace(line, rule, True, f"{kind}: {front}"))
        return len(self.cards) - 1

    @staticmethod
    def refused(rule: str, kind: str, front: str, back: str) -> tuple[str, str] | None:
        """Why a card with a text back is not made (the rule, the reason), or None: it is made."""
        if kind == "definition" and rule in _PROSE_RULES:
            if is_impression(front, diary=False) or is_impression(back):
                return "first-person", "the author's impressions, not a fact"
            if ABOUT_PAGE_RE.search(back) or ABOUT_PAGE_RE.search(front):
                return "first-person", "the page speaking of itself (本稿は…, …を聴講した時のメモ), not a fact"
            if back.startswith(_GOES_ON) or (len(front) > 12 and _POINTS_BACK_RE.match(front)):
                # "…を提供する」" → "とのことです。", "その場合、package.jsonには" → "…と記録されます": one sentence cut
                return "prose-label", "a sentence cut in two, not a term and its definition"
            if is_wondering(front, back):
                return "open-questions", "the author wondering (…共通なの？), not an answer"
            if (back[:1] in "IM私僕自" and _FIRST_PERSON_BACK_RE.match(back)) or (
                len(back) <= SHORT_BACK_CHARS
                and ("I" in back or "y " in back or "私" in back or "僕" in back)
                and "\n" not in back
                and _FIRST_PERSON_IN_RE.search(back)
            ):
                return "first-person", "the author speaking of themselves, not a fact"
        if is_narration(front):
            return "first-person", "what the speaker did on stage, not a fact of the talk"
        if _FIGURE_RE.match(front):  # "上图会产生", "上の図では", "The diagram below shows": a figure not on the card
            return "image-only", "it speaks of a figure the card cannot show"
        if kind == "definition":
            who_or_where = _who_or_where(front, back)
            if who_or_where is not None:
                return who_or_where
            if is_score_share(front, back):
                return "talk-details", "a score out of a total and its share: the author's result"
        if kind != "cloze" and len(front) > 40 and normalise(back).startswith(normalise(front)):
            return "too-short", "the back only repeats the front"
        if kind == "definition" and len(back) <= SHORT_BACK_CHARS and "\n" not in back:
            if len(back) <= len(front) + 4 and not front.endswith(("?", "？")):  # ("allowed or blocked?" → Allowed)
                said = normalise(back).strip(" .。").replace(" ", "")
                if said and said in normalise(front).replace(" ", ""):
                    return "too-short", "the back says what the front says"
            if back[:1] in "kKuUlLsSrRmM" and _STUDY_RE.match(back):
                return "objectives", "what to study, not what was learnt"
            if len(back) <= 30 and rule != "table-row" and is_thin(back):
                return "too-short", "a back of a word or two that says nothing by itself"
            if len(back) <= 30 and is_translation(front, back):
                return "too-short", "the front in another language, not what it means"
        if has_table_rule(back):
            return "code-block", "a table whose columns did not line up: its pipes are no text to learn"
        if "\nB" in back and _OPTIONS_RE.search(back) and not _ANSWERED_RE.search(back):
            return "choice-question", "options without the answer"
        if is_todo(back):
            return "todo", "the author's to-do, not something to learn"
        if "\n" not in back and _LINKS_BELOW_RE.search(back):
            return "url-only", "it only points to the links below"
        if back.count("\n") >= MAX_BACK_LINES:
            # A definition of more lines than can be recalled, with no structure to split it by (a diagram).
            return "split-long", f"over {MAX_BACK_LINES} lines, nothing to split by"
        if is_unsure(front) or is_unsure(back):
            return "unsure", "the author marked it as unsure"
        if len(back) <= 40 and says_notes_missing(back):  # "Buffer Transfer: [missed this]"
            return "unsure", "the author's note that they missed it, not its answer"
        return None

    def drop(self, line0: int, rule: str, why: str) -> str:
        """Record that a rule kept a line from making a card (only when tracing); the rule's name."""
        if self.trace is not None:
            assert rule in RULES, rule
            self.trace.append(Trace(self.offset + line0 + 1, rule, False, why))
        return rule

    def set_skip(self, skip: frozenset[str], retrospective: bool = False) -> None:
        """The chatter headings (``skip_sections``); they, and a talk's logistics fields, make no card as terms. In
        a ``retrospective`` (KPT), nor do its Keep, Problem and Try."""
        known = _SKIP_SETS.get((skip, retrospective))
        if known is None:
            full = skip | TALK_FIELDS | CITATION_FIELDS | (KPT_KEYS if retrospective else frozenset())
            known = (full, frozenset(k[:1] for k in full), max((len(k) for k in full), default=0))
            if len(_SKIP_SETS) >= 64:
                _SKIP_SETS.clear()
            _SKIP_SETS[skip, retrospective] = known
        self.skip, self._skip_firsts, self._skip_longest = known
        self._skip_heads = is_default(skip)

    def is_chatter(self, term: str) -> bool:
        """A term, label or parent bullet named like a chatter section (``所感: …``, ``- 感想``): no card."""
        # Most items are longer than any chatter word, or start with another letter: two cheap tests first.
        if len(term) > self._skip_longest + 8:
            return False
        lead = term.lstrip(_LEAD)
        if lead[:2] == "当時":
            return True  # "当時のエンジニア歴: 4 年", "当時 保有資格": the author, back then
        if ("自分" in term or "私" in term or "僕" in term) and _OWN_RE.search(term):
            return True  # "この分野への自分の経験値", "私の経歴": the author's own, not the talk's
        if lead[:3] == "My " and _OWN_EN_RE.match(lead):
            return True  # "My situation:", "My background": the author's, not facts
        if "参考" in term and _READING_LABEL_RE.search(term):
            return True  # "Notesから移行する場合は下記が参考になる": what follows is reading to do
        if self._skip_heads and not term.isascii() and is_chatter_head(term.rstrip(":：").strip()):
            return True  # "試験会場での受験:", "全体の雑感"
        first = lead[:1]
        if (first if first.isascii() else unicodedata.normalize("NFKC", first)).casefold() not in self._skip_firsts:
            return False
        # ("Try（次回やること）", "感想 (長め)": a remark in brackets after the word)
        return without_remark(skip_key(term.rstrip(":：").strip())) in self.skip

    def in_breadcrumb(self, word: str, *, anywhere: bool = True) -> bool:
        """Whether a card made now names ``word`` in the breadcrumb above it: a heading or label that is the word,
        or starts with it (``アドミニストレーティブディスタンス（AD値）``), or, ``anywhere``, the crumb just above (a
        heading, label or parent) that names it as a word (``Why are Services necessary?``). A cloze must not give
        its answer away."""
        section = self.section
        crumbs = (*section.breadcrumb, *self.extra) if section is not None else tuple(self.extra)
        word = word.casefold()
        for crumb in crumbs:
            crumb = crumb.casefold()
            if crumb == word or (crumb.startswith(word) and crumb[len(word) : len(word) + 1] in (" ", "(", "（", ":")):
                return True
        # The heading just above names it anywhere (``Why are Services necessary?`` over a cloze hiding ``Service``).
        near = crumbs[-1].casefold() if crumbs and anywhere else ""
        if word not in near or len(near) > _NEAR_CRUMB_MAX:
            return False
        if not word.isascii():
            return len(word) >= 2 and _names_word(near, word)  # "破棄" under "7. Dockerイメージの破棄"
        # as a word of its own, maybe plural (Service in "Services", Docker in "Dockerって何？"; not "Serviceable")
        return (
            len(word) >= 4 and re.search(rf"(?<![A-Za-z0-9]){re.escape(word)}(?:e?s)?(?![A-Za-z0-9])", near) is not None
        )

    def in_context(self) -> str:
        """What a remark word or a parent bullet is qualified by: the nearest label or parent, else the heading."""
        return self.extra[-1] if self.extra else self.subject

    if TYPE_CHECKING:  # block rules that call each other across mixins (Builder has them all)

        def paragraph(self, node: Node, *, label: bool = False) -> Para: ...

        def table(self, node: Node, context: str) -> None: ...

        def items_card(self, rule: str, kind: str, subject: str, items: tuple[Item, ...], line0: int) -> None: ...
