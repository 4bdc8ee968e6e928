"""Which items of a list are left out of it, how a definition item shows in its list, and how a list of items
becomes one card or parts of one: the rules :class:`~devday_tui.core.cards.lists.ListRules` reads each item with
(``talk-details``, ``unsure``, ``todo``, ``first-person``, ``image-only``, hashtags, remarks on the exam) and makes
its cards with (``split-long``, ``points``)."""

from __future__ import annotations

import re

from devday_tui.core.cards.backs import announces, has_table_rule, is_score_line
from devday_tui.core.cards.blocks import Node
from devday_tui.core.cards.bullets import introduces, is_label, points_to_list, says_nothing_alone
from devday_tui.core.cards.choice_cards import ChoiceRules
from devday_tui.core.cards.impressions import ABOUT_PAGE_RE, is_impression
from devday_tui.core.cards.maker import MAX_BACK_LINES, Entry, is_first_person, is_narration, is_todo, is_unsure
from devday_tui.core.cards.questions import asks_outright, is_exam_remark, is_question
from devday_tui.core.cards.shapes import STEP_ITEM_RE, back_lines, list_front, screen_lines, two_thirds
from devday_tui.core.cards.split import split_term
from devday_tui.core.cards.terms import (
    DETAIL_FIELDS,
    LABEL_MAX_CHARS,
    TALK_FIELDS,
    field_of,
    is_generic_heading,
    is_remark,
    is_vague,
    opens_with_talk_field,
)
from devday_tui.core.model import Back, Item
from devday_tui.core.text import display_width, normalise, sentence_spans, word_at

#: A points card of names alone (its sub-lists being cards of their own) has at most this many.
MAX_POINT_NAMES = 6
#: How a term opens that is no name but a case of something (``on a file``, ``when idle``, ``場合``).
_CASE_OPENS = ("on ", "in ", "for ", "when ", "if ", "with ", "without ", "by ", "at ")


def is_name(term: str) -> bool:
    """A term that names a thing by itself (``terraform init``, ``Zonal services``, ``RTO``): at most 40
    characters, no general word (``Notes``), no case of something (``on a file``, ``…の場合``)."""
    return (
        len(term) <= 40
        and not is_vague(term)
        and not term.casefold().startswith(_CASE_OPENS)
        and not term.endswith(("場合", "とき", "時"))
    )


def told_of_self(text: str) -> bool:
    """An item in which the author tells of themselves (not a question they quote)."""
    return not text.rstrip().endswith(("?", "？")) and is_first_person(text)


#: A list card of one item without sub-items needs an item at least this wide (in terminal cells): blind judges
#: dropped 1-point cards of ``Syntax changes``, ``p5.js``, ``Nodemon?``, ``Create a script``.
MIN_ONE_ITEM_WIDTH = 20
#: An item that only says the list goes on: ``...``, ``etc.``, ``など``.
_MORE_WORDS = frozenset("... … …… etc etc. など などなど 等 等々".split()) | {"and so on"}
#: How an item ends that is a sentence: the page speaking of itself is one (``本記事は…転載したものです。``).
_SENTENCE_ENDS = ("。", ".", "です", "ます")
#: An item that says the author missed noting something down: ``Others but did not catch as slides moved on``,
#: ``メモできず`` (``packets the receiver did not get`` and ``受信側が聞き逃したパケット`` are facts).
_MISSED_RE = re.compile(
    r"\b(?:I|we) (?:did not|didn't|could not|couldn't) (?:catch|note|write)\b|\b(?:did not|didn't) catch\b.{0,40}\bslides?\b"
    r"|メモ(?:でき|し)(?:ず|なかった)|メモし損ね|書き留められ(?:ず|なかった)",
)
#: A file path: ``/usr/src/linux``, ``~/.bashrc``.
_PATH_RE = re.compile(r"(?:~|\.{1,2})?/[\w.@-]+(?:/[\w.@-]*){0,30}")
#: A definition item whose definition is longer than this shows its term alone in its parent's list card.
TOLD_AT_LENGTH = 60
#: A list item up to this long that is the author's impressions or diary is left out of its list.
MUSING_MAX_CHARS = 200
#: An item that only names a figure (the figure itself, an image, is not shown): ``- diagram`` then ``![[…]]``.
_FIGURE_WORDS = frozenset(
    "diagram diagrams figure image images screenshot screenshots picture 図 図解 画像 スクショ スクリーンショット 構成図 イメージ図".split()
)
#: A field whose value is only hashtags: ``ハッシュタグ: #KUG2``, ``Tags: #k8s #cka``.
_TAGS_VALUE_RE = re.compile(r"[:：][ \t]*#[^\s#]{1,40}(?:[ \t,、]+#[^\s#]{1,40}){0,5}[ \t]*\Z")
#: A flat list of more items than this, of 30 characters each on average (sentences, not names), makes no card
#: when it fits the line limit, and is cut in parts of at most this many past it (steps in order stay whole): blind
#: judges kept none of seven such cards whole, half of five or six, and one of eight halves.
MAX_SENTENCE_ITEMS = 6
SENTENCE_ITEM_CHARS = 30
#: A flat list of four items or more (not steps in order) with more characters than this in all makes no card:
#: too much to recall; three items, with this many more (``Logs are…``, ``Metrics are…``, ``Traces follow…``, 120
#: characters each, are a set to recall; ``Key Takeaways``, three of 155, is not).
LIST_MAX_CHARS = 350
THREE_EXTRA_CHARS = 100
#: A flat list of at least this many items, this many characters each on average and this many in all, is a list
#: of passages (a book's quotations): cut in parts or not, no card (four facts of which one is a long example still
#: are one; a Japanese fact of a line is some 80 characters).
PASSAGES_MIN_ITEMS = 4
PASSAGE_CHARS = 150
PASSAGES_CHARS = 1000
#: A list shows a definition bullet's value beside its term when the value is at most this long.
SHORT_VALUE_CHARS = 24

#: A short name, then a URL ending the item: ``桶谷さん http://okeees.blogspot.jp/…`` (whose page it is).
_NAMED_LINK_RE = re.compile(r"[^\s:：][^:：\n]{0,23}[ \t\u3000]+(?:https?://|www\.)\S+")


#: A remark in brackets at the end of an item: ``（自分はこれ要らないと思っているのでありがたい）``.
_TRAILING_ASIDE_RE = re.compile(r"[(（][^()（）\n]{1,80}[)）]\Z")
#: What must be left before such a remark for the item to be judged without it.
_FACT_MIN_CHARS = 6


def _without_aside(text: str) -> str:
    """An item without the author's remark in brackets at its end, when enough is left: ``.や..が非表示になった
    （自分はこれ要らないと思っているのでありがたい）`` states a fact, and the remark does not make it an impression."""
    if text[-1:] not in ")）":
        return text
    m = _TRAILING_ASIDE_RE.search(text)
    core = text[: m.start()].rstrip() if m is not None else text
    return core if len(core) >= _FACT_MIN_CHARS else text


def is_named_link(text: str) -> bool:
    """A reference: a short name and the URL of its page, nothing else (``桶谷さん http://…``)."""
    return _NAMED_LINK_RE.fullmatch(text.strip()) is not None


#: How a Japanese label of a case ends: ``includeの場合``, ``障害が起きたとき`` (what follows it is the answer).
_CASE_ENDS = ("場合", "とき")
#: How a heading ends that asks for the cases themselves: ``GCが発生するタイミング``, ``エスカレーションの条件``.
_ASKS_CASES = ("タイミング", "条件", "ケース")


def _is_case(text: str) -> bool:
    """A short label of a case: ``密結合の場合``, ``障害が起きたとき``."""
    name = text.strip("*_ \t").rstrip(":： ")
    return len(name) <= 20 and name.endswith(_CASE_ENDS)


def _is_header(text: str, cases: bool = True) -> bool:
    """A parent that only heads its sub-list: a generic heading (``TYPES``, ``Features``, ``Vantagens:``, ``注意``),
    a label (``use this when``) or, unless ``cases`` is false, a case (``includeの場合``); a name (``RAID 0:``,
    ``GROUP BY``) is a point."""
    return is_generic_heading(text.strip("*_ \t").rstrip(":： ")) or is_label(text) or (cases and _is_case(text))


def repeats(name: str, said: str) -> bool:
    """Whether ``name`` only repeats words of ``said`` (normalised): ``data plane`` in ``control planes and data
    planes``, ``EC2`` in ``ec2とebs``; not ``Types`` in ``typescript basics`` (a word is whole, or takes an ``s``)."""
    return word_at(said, normalise(name), plural=True) >= 0


#: An item that stands in for notes to come (``placeholder``, ``TBD``, ``...``; ``Yes`` three times answers).
_STAND_IN_RE = re.compile(r"placeholder|tbd|tba|todo|wip|xxx|lorem ipsum|\.\.\.|…|未定|準備中|あとで|後で書く", re.I)


class ItemRules(ChoiceRules):
    """Mixin of :class:`devday_tui.core.cards.builder.Builder`, under :class:`~devday_tui.core.cards.lists.ListRules`."""

    def talk_details(self, node: Node) -> bool:
        """A list that is a talk's details: a logistics field (``Speaker:``, ``Track:``) and, with it, mostly other
        fields of the talk (``Language: English``, ``Length 26:24``, ``#devops``)."""
        firsts = [li.children[0].content for li in node.children if li.children and li.children[0].kind == "paragraph"]
        if not any(opens_with_talk_field(c) for c in firsts):  # most lists: no logistics field at all
            return False
        strong = weak = 0
        for content in firsts:
            field = field_of(content)
            if field in TALK_FIELDS:
                strong += 1
            elif field in DETAIL_FIELDS:
                weak += 1
        return strong >= 1 and strong + weak >= 2 and (strong + weak) * 2 > len(node.children)

    def item_refused(self, text: str, line0: int, *, own: bool = False) -> str | None:
        """The rule that leaves a one-line item out of its list (traced), or None: marked unsure, the author's
        to-do, a short label with nothing under it (unless it made a definition of its own), or a short musing."""
        if is_unsure(text):
            return self.drop(line0, "unsure", f"{text[:40]!r}: the author marked it as unsure")
        if is_todo(text):
            return self.drop(line0, "todo", f"{text[:40]!r}: the author's to-do, not a fact")
        if text.strip().casefold() in _MORE_WORDS:  # "- ...": the list goes on, and says no more
            return self.drop(line0, "too-short", f"{text!r}: only says there is more")
        if not own and text.endswith((":", "：")) and len(text) <= LABEL_MAX_CHARS:
            return self.drop(line0, "too-short", f"{text!r}: a label with nothing under it")
        if len(text) <= MUSING_MAX_CHARS and not text.isascii() and is_impression(_without_aside(text)):
            return self.drop(line0, "first-person", f"{text[:40]!r}: the author's impression, not a fact")
        if (
            len(text) <= MUSING_MAX_CHARS
            and text.rstrip().endswith(_SENTENCE_ENDS)
            and ABOUT_PAGE_RE.search(text, 0, sentence_spans(text)[0][1]) is not None
        ):
            # "本記事は nyaos.org より転載したものです。" ("この記事で何がわかるか" names a part of an article). Only its
            # first sentence: "…作らなくてはいけない。…これが本記事がWindowsのみである主な理由。" states a fact first.
            return self.drop(line0, "first-person", f"{text[:40]!r}: the page speaking of itself, not a fact")
        if _MISSED_RE.search(text):
            return self.drop(line0, "first-person", f"{text[:40]!r}: what the author missed noting, not a fact")
        if is_score_line(text):
            return self.drop(line0, "talk-details", f"{text[:40]!r}: a score out of a total, the author's result")
        if len(text) <= 12 and text.casefold().rstrip(":：") in _FIGURE_WORDS:
            return self.drop(
                line0, "image-only", f"{text!r}: a figure's caption; the figure is not shown in a terminal"
            )
        if not own and len(text) <= LABEL_MAX_CHARS and announces(text):
            return self.drop(line0, "lead-in", f"{text!r}: it only says that something follows")
        if has_table_rule(text):
            return self.drop(line0, "code-block", f"{text[:40]!r}: a table whose columns did not line up")
        if "#" in text and _TAGS_VALUE_RE.search(text):
            return self.drop(line0, "metadata", f"{text[:40]!r}: hashtags, not a fact")
        if len(text) <= MUSING_MAX_CHARS and is_exam_remark(text):
            return self.drop(line0, "objectives", f"{text[:40]!r}: a remark on the exam, not a fact")
        return None

    def as_written(self, e: Entry) -> Item:
        """A definition item as written on its one line (``Network ACL - check packet between subnet``), or its term
        when its definition is on other lines."""
        line = self.own_items[id(e.item)][2]
        back = self.made_back(e.card)
        return Item(line) if line and back.__class__ is str and back in line else e.item

    def made_back(self, card: int) -> Back | None:
        """The back of the card made at index ``card`` (a definition item's), or None when none was made."""
        return self.cards[card][3].back if 0 <= card < len(self.cards) else None

    def names_list(self, text: str, only: Item) -> bool:
        """Whether a bullet's one sub-item only names the list under it: a general word (``オプション``, ``Types``),
        a label (``Options:``) or the bullet's own text again."""
        if len(only.children) < 2 or id(only) in self.own_items:
            return False
        name = only.text.rstrip(":：").rstrip()
        return only.text.endswith((":", "：")) or is_vague(name) or normalise(name) == normalise(text)

    def shown(self, items: tuple[Item, ...]) -> tuple[Item, ...]:
        """Items as a list card under a parent shows them: a definition item with its definition (``on a file:
        runs with the group's privileges``), since its term alone rarely says anything there; but a definition of
        a sentence or more shows its term alone (``terraform init``), the sentence being its own card."""
        out = []
        names = [i.text for i in items]
        named = len(set(names)) == len(names)  # "Block storage - …" twice: the names alone would not tell them apart
        for item in items:
            children = self.shown(item.children) if item.children else ()
            own = self.own_items.get(id(item))
            text = item.text
            if own is not None and own[2] and not (named and is_name(text) and self.told_at_length(own[1])):
                text = own[2]  # the line as written: gp2 = General Purpose SSD
            out.append(Item(text, children) if (text is not item.text or children is not item.children) else item)
        return tuple(out)

    def told_at_length(self, card: int) -> bool:
        """Whether the card made of a definition item holds a sentence or more (over 60 characters)."""
        back = self.made_back(card)
        return back.__class__ is str and len(back) > TOLD_AT_LENGTH

    def with_value(self, e: Entry) -> str:
        """A definition bullet as its list shows it: the term, and its value when that is short and no sentence
        (``maximum hop count: 15``): the list then says all it holds. A longer definition is left to its own card."""
        back = self.made_back(e.card)
        if (
            back.__class__ is str
            and "\n" not in back
            and len(back) <= SHORT_VALUE_CHARS
            and not back.endswith(("。", ".", "！", "!"))  # a value, not a sentence
        ):
            return f"{e.item.text}: {back}"
        return e.item.text

    def items_card(self, rule: str, kind: str, subject: str, items: tuple[Item, ...], line0: int) -> None:
        """One list card, or, when its back would pass the line limit, the names of its items (their sub-lists are
        cards of their own), or numbered parts; no card for a few paragraphs too long for an 80-column screen; parts
        of six for seven sentences or more."""
        last = subject.rsplit(" › ", 1)[-1]
        if is_narration(last):
            self.drop(line0, "first-person", f"{subject!r}: what the speaker did on stage, not a fact of the talk")
            return
        flat = not any(i.children for i in items)
        if (
            flat
            and len(items) >= 2
            and len(same := {normalise(i.text) for i in items}) == 1
            and _STAND_IN_RE.fullmatch(same.pop())
        ):
            # "placeholder" six times: the author's stand-ins for notes to come, nothing to recall
            self.drop(line0, "todo", f"{subject!r}: every item says the same, a stand-in for notes to come")
            return
        if (
            flat
            and len(items) == 1
            and display_width(items[0].text) < MIN_ONE_ITEM_WIDTH
            and not _PATH_RE.fullmatch(items[0].text.strip("`"))  # "/usr/src/linux" answers its label
        ):
            # "Java the language — 1 point" → "Syntax changes", "タイマー画面 — 1 point" → "p5.js": too little to learn
            self.drop(line0, "too-short", f"{subject!r}: one short item, too little to learn")
            return
        if flat and len(items) >= 3 and two_thirds([i.text for i in items], told_of_self):
            # "I am a software architect…", "I have done so on premise…": the author's story, not facts (Scrum's
            # "What did I do yesterday…?" asks, and is a fact to learn)
            self.drop(line0, "first-person", f"{subject!r}: the author speaking of themselves, not facts")
            return
        fits = back_lines(items) <= MAX_BACK_LINES
        tall = flat and fits and screen_lines(items) > MAX_BACK_LINES  # (a flat list's back lines are its items)
        if flat and len(items) >= PASSAGES_MIN_ITEMS and not tall:
            chars = sum(len(i.text) for i in items)
            tall = chars >= max(PASSAGE_CHARS * len(items), PASSAGES_CHARS)
        wordy = (
            kind != "sequence"
            and flat
            and len(items) > MAX_SENTENCE_ITEMS
            and sum(len(i.text) for i in items) > SENTENCE_ITEM_CHARS * len(items)
        )
        if (
            flat
            and fits
            and not (tall or wordy)
            and kind != "sequence"
            and len(items) >= 3
            and sum(len(i.text) for i in items) > LIST_MAX_CHARS + (THREE_EXTRA_CHARS if len(items) == 3 else 0)
        ):
            # "Key Takeaways" → three sentences of 150 characters, "Continuous Deployment" → six of 75: blind judges
            # kept none of the five lists of over 330 characters they saw; cut in parts, each is an arbitrary set
            self.drop(line0, "split-long", f"{subject!r}: {len(items)} items, too much text to recall as one card")
            return
        if fits and not tall and not wordy:
            said = normalise(last)
            if len(items) >= 2 and all(not i.children and repeats(i.text, said) for i in items):
                # "EC2とEBS": EC2, EBS; "Control Planes and Data Planes": control plane, data plane
                self.drop(line0, "restated", f"{subject!r}: its items only repeat its front")
                return
            self.add(rule, kind, subject, list_front(kind, subject, len(items)), items, line0)
            return
        if not flat:  # its names, unless every item's sub-list is a card of its own: then the names ask nothing
            self.drop(line0, "split-long", f"{subject!r}: over {MAX_BACK_LINES} lines, split by its sub-lists")
            if not all(i.children for i in items):
                names = tuple(Item(i.text.rstrip(":：").rstrip() or i.text) for i in items)  # "Log:" shows as "Log"
                self.items_card("split-long", kind, subject, names, line0)
            return
        if tall:  # five tips of a paragraph each, 22 quotations: cut in parts, still no set of points anyone recalls
            self.drop(line0, "split-long", f"{subject!r}: {len(items)} paragraphs, too long to recall as a card")
            return
        if wordy and fits and 2 * sum(split_term(i.text) is not None for i in items) < len(items):
            # Seven to twelve sentences: too many to recall as one card, and cut in halves each half is an arbitrary
            # set ("Monitoring with percentiles (1/2)"); only a list past the line limit is cut in parts. (Commands
            # and what each does, "hset key field value：…", are a reference cut in parts that judges kept.)
            self.drop(line0, "split-long", f"{subject!r}: {len(items)} sentences, too many to recall as one card")
            return
        parts = -(-len(items) // (MAX_SENTENCE_ITEMS if wordy else MAX_BACK_LINES))
        size = -(-len(items) // parts)
        for k in range(parts):
            chunk = items[k * size : (k + 1) * size]
            name = f"{subject} ({k + 1}/{parts})"
            self.add("split-long", kind, name, list_front(kind, name, len(chunk)), chunk, line0)

    def points_card(self, kind: str, subject: str, entries: list[Entry], line0: int, carded: set[int]) -> None:
        """The list as one card when it fits the line limit: a parent whose sub-list made cards of its own (``carded``,
        by id) shows its name alone, any other its sub-items too; otherwise the parents' names alone, when they say
        something by themselves (not ``とは？``, ``例``, ``Overview``), and not a line that points to its list."""
        # A term defined twice in the list is one card (see merge-terms), and one item here. A definition bullet
        # shows its term alone: its definition is its own card.
        if len(entries) >= 2 and all(asks_outright(e.item.text) for e in entries):
            # A quiz's questions, each with its answer under it: every one is its own card, and together they are
            # no set of points to recall.
            self.drop(line0, "points", f"{subject!r}: every item is a question, each its own card")
            return
        items: dict[str, Item] = {}
        named: dict[str, Item] = {}  # a carded parent by its name alone
        for e in entries:
            if e.item.text not in items:
                items[e.item.text] = (
                    Item(self.with_value(e)) if e.own else Item(e.item.text, self.shown(e.item.children))
                )
                # "Paradigms — 4 points" names "structured programming"; what it restricts is its own card
                # ("Use AWS Volumes:" asks for what follows it: its name alone says nothing, and keeps its sub-list)
                alone = id(e.item) in carded and not e.item.text.endswith((":", "："))
                named[e.item.text] = Item(e.item.text) if alone else items[e.item.text]
        whole = tuple(items.values())
        # (a heading that asks for the cases, GCが発生するタイミング, has them for its answer: no header then)
        cases = not subject.rpartition(" › ")[2].rstrip("?？ ").endswith(_ASKS_CASES)
        if kind != "sequence" and all(
            id(e.item) in carded
            and (introduces(e.item.text) or _is_header(e.item.text, cases))
            and not STEP_ITEM_RE.match(e.item.text)
            for e in entries
        ):
            # "For use case 1 (distributing messages evenly to a pool of consumers):", each over its sub-list, a
            # card of its own (or "Vantagens:", "Desvantagens:"): lines that only introduce what follows them are
            # no set of points
            self.drop(line0, "points", f"{subject!r}: its items only introduce their sub-lists, each a card")
            return
        if not any(i.children for i in named.values()) and two_thirds(list(items), says_nothing_alone):
            # "Start", "Middle", "The Elbow Point"; "Intro", "Bad Example", "悪い例", each a card of its own: their
            # names alone say nothing; each is a card, with its context
            self.drop(line0, "points", f"{subject!r}: the names say nothing by themselves")
            return
        # "4 kinds of load balancers:" names nothing without its list, a card of its own: no point of the card
        pointers = {e.item.text for e in entries if id(e.item) in carded and points_to_list(e.item.text)}
        carded_names = [t for e in entries if id(e.item) in carded and (t := e.item.text) not in pointers]
        beside_facts = kind != "sequence" and any(id(e.item) not in carded and not e.own for e in entries)
        # Beside facts, a parent over its own card that only repeats a word of the heading ("Retries" under
        # "Retries, backoff, and jitter") is that card's front, no point of the list (one that asks is a point:
        # "how was compiler invoked?" among "preprocessor directives", blind judges missed it when left out)
        said = normalise(subject.rpartition(" › ")[2])
        restating = {
            t for e in entries if beside_facts and e.item.children and repeats((t := e.item.text).rstrip(":："), said)
        }
        restated = restating.intersection(carded_names)
        carded_names = [t for t in carded_names if t not in restating]
        labels = {t for t in carded_names if is_label(t)}
        # A generic word is a header only among headers: beside "Interfaces" and "Generics", "Types" is a name too
        generic = {t for t in carded_names if _is_header(t, cases)}
        headers = labels | (generic if len(generic) == len(carded_names) else set())
        if beside_facts:
            # Beside facts, a header over its own card ("use this when", "TYPES", "Examples:") shows with its
            # content cut: no point of the list ("CPU registers" over its own card is one)
            pointers |= headers | restated
            facts = [e for e in entries if e.item.text not in pointers]
            shown = headers - labels
            if (
                shown
                and not any(map(_is_case, shown))
                and len(facts) == 1
                and not facts[0].own
                and not facts[0].item.children
            ):
                # "Distribute traffic across VM instances" beside "MANAGED SERVICES:" and "TYPES", each a card: the
                # one fact left is what the heading says
                self.add("points", "definition", subject, subject, facts[0].item.text, line0)
                return
        if kind == "sequence" or len(items) - len(pointers) < 2:
            pointers = set()  # ("State — 1 point" would ask nothing)
        if back_lines(whole) <= MAX_BACK_LINES:
            return self.items_card(
                "points", kind, subject, tuple(i for t, i in named.items() if t not in pointers), line0
            )
        names = tuple(Item(t) for t in items)
        vague = [t for t in items if is_question(t) or is_remark(t) or is_generic_heading(t)]
        if vague:
            self.drop(line0, "points", f"{subject!r}: too long as one card, and {vague[0]!r} says nothing by itself")
            return
        if len(names) > MAX_POINT_NAMES:
            self.drop(line0, "points", f"{subject!r}: {len(names)} names alone are too many to recall as one card")
            return
        kept = tuple(i for i in names if i.text not in pointers)
        if len(kept) - sum(i.text in restating for i in kept) >= 2:
            kept = tuple(i for i in kept if i.text not in restating)  # (its name alone, cut from its sub-list)
        self.items_card("points", kind, subject, kept, line0)
