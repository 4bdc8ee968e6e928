"""The per-note card maker: the walk over a section's own blocks, choosing which rule reads each one.

The block rules live in mixins (:mod:`.paragraphs`, :mod:`.lists`, :mod:`.tables`); adding a card, the trace and
the card cap, which they all use, live in :mod:`.maker`.
"""

from __future__ import annotations

import re

from devday_tui.core import ids
from devday_tui.core.cards.backs import announces, is_signpost, says_several_follow
from devday_tui.core.cards.blocks import LISTS, Node, node_text
from devday_tui.core.cards.bullets import has_verb, is_where
from devday_tui.core.cards.chatter import is_time_slot
from devday_tui.core.cards.choices import OPTION_KEYS
from devday_tui.core.cards.embedded import cites_site, is_link_lines, is_unfenced_code, names_last_item, only_a_link
from devday_tui.core.cards.lists import ListRules
from devday_tui.core.cards.maker import MAX_BACK_LINES, Entry, is_todo
from devday_tui.core.cards.markup import strip_bullet
from devday_tui.core.cards.metadata import is_note_field
from devday_tui.core.cards.paragraphs import Para, ParagraphRules, is_example, is_page_citation
from devday_tui.core.cards.problems import PROBLEM_FIRSTS as _PROBLEM_FIRSTS
from devday_tui.core.cards.problems import ProblemRules
from devday_tui.core.cards.questions import (
    answered,
    asks_or_sets,
    is_number_heading,
    is_option_key,
    is_question,
    is_solution_label,
    option_text,
    question_line,
    says_nothing,
    topic_of,
)
from devday_tui.core.cards.shapes import is_toc, merged_steps
from devday_tui.core.cards.split import split_term
from devday_tui.core.cards.tables import TableRules
from devday_tui.core.cards.terms import (
    CITATION_FIELDS,
    CONNECTIVES_JA,
    field_of,
    is_ordinal,
    is_tags,
    is_vague,
    label_ok,
    lacks_subject,
    opens_with_talk_field,
    squash,
    strip_qa,
)
from devday_tui.core.explicit import ExplicitCard
from devday_tui.core.model import Item, Section
from devday_tui.core.text import is_bare_link, join_lines, plain

#: A heading followed by one paragraph of at most this many characters (and nothing else) defines the heading.
HEADING_PARAGRAPH_MAX_CHARS = 300
#: A section without sub-sections, lists or code, of fewer characters (spaces not counted) is thin: no definition.
THIN_MAX_CHARS = 30
#: A question directly before a list may be longer than a label.
QUESTION_LABEL_MAX_CHARS = 120


#: A speaker's handle: ``@makki_d``, ``Taro Yamada (@taro)``.
_HANDLE_RE = re.compile(r"\A@[\w.-]{1,30}(?:\s|\Z)|[(（]@[\w.-]{1,30}[)）]\Z")


#: A line of a paragraph that is a second option: ``B. …``, ``(イ) …``, ``②…``.
_OPTION_LINE_RE = re.compile(r"\n[ \t]*(?:[(（]?(?:[Bb]|イ)[.．)）:：]|②)")
#: A sentence that says a list follows: ``次のような用途に向いている``, ``以下の3つ``, ``as follows``, ``the following``.
_INTRO_RE = re.compile(
    r"次の|以下の|下記の|次のとおり|次の通り|as follows|the following|following (?:types|ways|steps)", re.I
)
_LAST_SENTENCE_RE = re.compile(r"(?:^|[。．！？]|[.!?] )([^。．！？]{1,80})[。．.:：]?\s*$")


def list_intro(paragraph: str) -> str | None:
    """The last sentence of a paragraph when it says a list follows and is short enough to name it, without its
    full stop; else None."""
    m = _LAST_SENTENCE_RE.search(paragraph[-100:])
    if m is None:
        return None
    sentence = m.group(1).strip()
    for lead in _INTRO_LEADS:
        if sentence.startswith(lead):
            sentence = sentence[len(lead) :].lstrip()
            break
    intro = _INTRO_RE.search(sentence)
    if intro is None or len(sentence) > 60 or len(sentence[: intro.start()].strip(" 、,は")) < 2:
        return None  # "以下の２点も考慮すべき" names nothing: the heading stays the list's subject
    return sentence.rstrip("。．.:：")


#: Words that join the list's sentence to the text before it, dropped from the label: ``例えば、以下のような場面``.
_INTRO_LEADS = ("例えば、", "たとえば、", "その中から、", *CONNECTIVES_JA)


#: How a sentence that says what its heading's name is goes on after the name: ``…は``, `` is ``, `` (…) is``.
_LEADS = ("は", "とは", "（", " (", " is ", " are ", " refers to ", " means ", " lets ", " allows ", " provides ")
#: A paragraph that points on, to what follows or elsewhere: ``下記で構成される``, ``以下の2つ``, ``こちらのサイト``.
_POINTS_ON_RE = re.compile(r"以下|下記|次の|こちらの|the following|as follows|below|[Ee]\.g\.\s*\Z|例えば\s*\Z")
#: Marks that make a line a heading in plain-text notes: ``■SMTP``, ``◆ 設計``, ``▼手順``.
_HEADING_MARKS = frozenset("■□◆◇●○▼▽▶►★☆")
#: The end of a sentence: ``。`` (or ``！``/``？``), or ``.`` before a space.
_SENTENCE_END_RE = re.compile(r"[。！？]|\.(?=\s)")
#: A bold name and a bracketed remark after it, the whole line: ``**Reliability**(Part of the Well-Architected
#: Framework)``.
_BOLD_ASIDE_RE = re.compile(r"(\*\*[^*\n]{1,60}\*\*|__[^_\n]{1,60}__)[ \t]*[(（][^()（）\n]{1,200}[)）][ \t:：]*")
#: Words that open a phrase of what a name is for, with or where: ``for high availability``, ``in one zone``.
_PHRASE_OPENERS = frozenset("for with in on via at by of from under over within across without".split())
#: A bold name, then a few words of what it is for: ``**Spread Placement Group** for high availability``.
_BOLD_LED_RE = re.compile(r"(?:\*\*[^*\n]{1,60}\*\*|__[^_\n]{1,60}__)[ \t]+([^*_\n]{1,40})")


def _phrase(words: str) -> bool:
    """Words after a bold name that only qualify it: ``for high availability``, ``低レイテンシ向け`` (not ``keeps
    records for 24 hours``, ``は標準取り出しに最大12時間かかる``)."""
    if words.isascii():
        return words.split(None, 1)[0].casefold() in _PHRASE_OPENERS
    return not any(ch in words for ch in "はがをにで。、")


def quoted_term(node: Node, nxt: Node | None) -> str | None:
    """The term of a one-item list whose item is only a short name, right above a block quote of paragraphs (no
    blank line between) that explains it (``- ライトバック`` then ``> CPUから…方式``), or None."""
    if nxt is None or nxt.kind != "blockquote" or node.kind != "bullet_list" or len(node.children) != 1:
        return None
    chs = node.children[0].children
    if len(chs) != 1 or chs[0].kind != "paragraph" or "\n" in chs[0].content or chs[0].end != nxt.start:
        return None  # (a blank line between them: the quote is apart from the list)
    if nxt.start != node.end or not nxt.children or any(ch.kind != "paragraph" for ch in nxt.children):
        return None
    term = squash(plain(chs[0].content))
    if not term or not label_ok(term) or split_term(chs[0].content) is not None:
        return None
    return term


#: How a paragraph ends that stops mid-sentence: on a Japanese particle that needs what follows (``…exitstatusが``,
#: ``…の設定を``) or a comma (``…のこと``, ``…もの`` and ``…までに`` end a noun phrase, and are kept).
_GOES_ON_ENDS = ("が", "を", "、", ",")


#: A line that is only a link back to the top or the contents of the page: ``[目次へ戻る](#目次)``, ``[Back to top](#top)<br>``
#: (``[IAM roles](#iam-roles)`` names the list after it).
_ANCHOR_LINK_RE = re.compile(
    r"\[[^\[\]\n]{0,40}(?:目次|戻る|トップ|이동|목차|[Tt]op|[Bb]ack|[Cc]ontents|[Ii]ndex|↑|⬆)[^\[\]\n]{0,40}\]"
    r"\(#[^()\s]{0,200}\)[ \t]*(?:<br[ \t]*/?>)?"
)


def answer_pairs(sections: list[tuple[Section, list[Node]]], lines: list[str]) -> dict[int, tuple[str, str, int, int]]:
    """Sections headed ``問題`` or ``Question`` whose answer opens the next section, headed ``回答`` or ``Answer``
    at the same level: by the question's index, (question, answer, the answer's line, how many of the answer
    section's nodes it took). The answer is its first paragraph, and the paragraphs right after it that explain
    it (while the whole fits a card)."""
    pairs: dict[int, tuple[str, str, int, int]] = {}
    for k in range(len(sections) - 1):
        (sec, own), (nxt, answer) = sections[k], sections[k + 1]
        if not own or not answer or own[0].kind != "paragraph" or answer[0].kind != "paragraph":
            continue
        if sec.level == nxt.level and sec.children == []:
            found = answered(sec.heading, own[0].content, nxt.heading, answer[0].content)
            if found is None:
                continue
            named = ""
            if is_option_key(found[1]):
                # "## 解答" then "ア": the option the key names, from the question's section ("ア：真陽性率と…")
                named = next(
                    filter(None, (option_text("\n".join(lines[nd.start : nd.end]), found[1]) for nd in own)), ""
                )
                if not named and found[1].strip(" .．。") in OPTION_KEYS:
                    continue  # "ウ", its options drawn in an image: the card could not say what ウ is
            if not named and any(nd.kind not in ("paragraph", *LISTS) for nd in own[1:]):
                continue  # "次のコードの出力は？" over its code: a front without the code asks nothing
            said, took = named or found[1], 1
            for node in answer[1:]:
                more = node_text(node) if node.kind == "paragraph" else ""
                if not more or said.count("\n") + more.count("\n") + 2 > MAX_BACK_LINES // 2:
                    break
                said, took = f"{said}\n{more}", took + 1
            pairs[k] = (found[0], said, answer[0].start, took)
    return pairs


class Builder(ParagraphRules, ListRules, TableRules, ProblemRules):
    """Reads a note's sections block by block, with the block rules of its mixins."""

    # -- a section's own body

    def blocks(self, nodes: list[Node], heading_items: list[Entry], first_list: list[int], top: bool = False) -> None:
        if any(node.kind == "ordered_list" and node.level > 1 for node in nodes):
            nodes = merged_steps(nodes)
        i = 0
        n = len(nodes)
        while i < n:
            node = nodes[i]
            kind = node.kind
            if kind == "paragraph":
                nxt = nodes[i + 1] if i + 1 < n else None
                if top and i == 0 and self.question:
                    if self.solution_at > 0:
                        i = self.solved_question(nodes, self.question)
                    else:
                        i = self.numbered_question(nodes, 0, self.question, self.question_skip)
                    continue
                if node.content[:1] in _PROBLEM_FIRSTS and (k := self.worked_problem(nodes, i)) >= 0:
                    i = k  # "**問題**", its givens, "**計算**", "**答え**": one card
                    continue
                if "\n" in node.content and node.start not in self.used:
                    first_line = node.content.split("\n", 1)[0]
                    if is_number_heading(plain(first_line)):  # "Q7", then the question on the next line
                        question = squash(plain(node.content.split("\n")[1]))
                        if question:
                            i = self.numbered_question(nodes, i, question, 2)
                            continue
                    if first_line[:1] in "Qq問質" and self.qa_paragraph(node):
                        i += 1
                        continue
                    if _OPTION_LINE_RE.search(node.content):  # "A. …" / "B. …" / "C. …": a question's options
                        k = self.choice_lines(self.asked(), node.content.split("\n"), nodes, i + 1, node.start)
                        if k >= 0:
                            i = k
                            continue
                if (
                    nxt is not None
                    and nxt.kind == "paragraph"
                    and ("**" in node.content[:8] or "__" in node.content[:8])  # (most paragraphs: no bold first)
                    and node.start not in self.used
                    and nxt.start not in self.used
                    and self.bold_term(node, nxt, nodes[i + 2] if i + 2 < n else None)
                ):
                    i += 2
                    continue
                if node.content[:3] in ("Q: ", "Q:", "**Q") and "\n" not in node.content and self.qa_line(node):
                    i += 1
                    continue
                label = None
                before_list = nxt is not None and nxt.kind in LISTS
                before_table = nxt is not None and nxt.kind == "table"
                if (before_list or before_table) and "\n" not in node.content and node.start not in self.used:
                    label = self.label_of(node, nodes[i - 1] if i else None)
                para = self.paragraph(node, label=label is not None)
                if para.term_line and before_list:  # ("**MVCC Implementation**" then "Read Committed:" names it)
                    named = (last := squash(plain(node.content.rsplit("\n", 1)[-1]))).rstrip(":：").rstrip()
                    short = last != named and len(named.split()) <= 3 and not has_verb(named) and label_ok(named)
                    label = f"{para.text} › {named}" if short else para.text
                elif para.own_card or not para.text:
                    label = None  # a definition line is a card of its own (or dropped: 登壇者：…), not the list's name
                if label is not None:
                    if before_table and nxt is not None:
                        self.table(nxt, label)
                        i += 2
                        continue
                    i = self.labelled_lists(nodes, i, label)
                    continue
            elif top and i == 0 and self.question == "" and kind in LISTS:
                self.has_list = True
                i = self.numbered_question(nodes, 0, "", 0)
                continue
            elif kind in LISTS and self.toc_possible and is_toc(node):
                self.has_list = True
                self.drop(node.start, "toc", "a table of contents, not notes")
            elif kind == "bullet_list" and self.quoted_definition(node, nodes[i + 1] if i + 1 < n else None):
                i += 2  # "- ライトバック" then "> CPUから…方式": the quote explains the one item
                continue
            elif kind == "bullet_list":
                self.has_list = True
                k = self.choice_list(self.asked(), nodes, i, node.start)
                if k >= 0:  # the options of the heading's question
                    i = k
                    continue
                entries = self.items(node)
                if (
                    top
                    and len(entries) >= 2
                    and i
                    and nodes[i - 1].kind not in LISTS  # ("1. …", "2. …" then "- blob: …": one list in two marks)
                    and all(e.own and not e.item.children for e in entries)
                ):
                    self.glossaries.append((node.start, entries))  # (see run_section)
                else:
                    heading_items.extend(entries)
                    if not first_list:
                        first_list.append(node.start)
            elif kind == "ordered_list":
                self.has_list = True
                k = self.choice_list(self.asked(), nodes, i, node.start)
                if k >= 0:
                    i = k
                    continue
                entries = self.items(node)
                if self.choice_question(self.subject, entries, nodes, i + 1, node.start):
                    i += 1 + self.answer_taken
                    continue
                if self.is_sequence(self.subject, entries):
                    self.list_cards("sequence", "sequence", self.subject, entries, node.start)
                else:
                    heading_items.extend(entries)
                    if not first_list:
                        first_list.append(node.start)
            elif kind == "blockquote":
                self.blocks(node.children, heading_items, first_list)
            elif kind == "table":
                self.has_code = True
                self.table(node, self.subject)
            elif kind in ("code", "html"):
                self.has_code = True
                self.drop(node.start, "code-block", f"{kind} block: no cards")
            i += 1

    def label_of(self, node: Node, before: Node | None = None) -> str | None:
        """The label a one-line paragraph gives the list after it, or None (with the reason traced). A link alone
        naming the last item of the list ``before`` it (``[Knative](…)`` under ``- **Knative** (…)``) labels none."""
        if _ANCHOR_LINK_RE.fullmatch(node.content.strip()):  # "[목차로 이동](#index)", "[↑ Back to top](#top)"
            self.drop(node.start, "toc", "a link to a heading of the page is navigation, not the list's label")
            return None
        full = squash(strip_qa(strip_bullet(plain(node.content)))[0])
        text = full.rstrip(":：").strip()
        if text[:1] in "[【" and text[-1:] in "]】" and len(text) > 2:
            text = text[1:-1].strip()  # "**[ファイルシステムの種類]**": the brackets only set the label apart
        marked = text[:1] in _HEADING_MARKS and len(text) > 1
        if marked:  # "■SMTP(Simple Mail Transfer Protocol) POP(Post Office Protocol)": a heading written as a line
            text = text[1:].strip()
        if not text or is_bare_link(text):
            return None
        if cites_site(node.content, text) or (
            before is not None and before.kind in LISTS and only_a_link(node.content) and names_last_item(before, text)
        ):  # "[developer.android.com](https://developer.android.com/…)"; "[Knative](…)" after "- **Knative** (…)"
            self.drop(node.start, "bare-link", f"{text!r} cites a page, it labels no list")
            return None
        if is_where(text):  # "where:" then the formula's symbols: the list belongs to the heading
            self.drop(node.start, "prose-label", f"{text!r} only says the list explains what came before")
            return None
        if is_question(text):
            if is_vague(text):  # "How?": of what the context says
                return f"{self.in_context()} › {text}"
            return text if len(text) <= QUESTION_LABEL_MAX_CHARS else None
        if is_todo(text):
            self.drop(node.start, "todo", f"{text[:40]!r} is the author's to-do, not the list's label")
            return None
        if text.startswith(("※", "(*)", "（*）", "*)", "注:", "注：")):
            self.drop(node.start, "prose-label", f"{text[:40]!r} is a footnote to what came before, not a label")
            return None
        if len(text) <= 40 and (text.endswith(("さん", "氏", "様")) or _HANDLE_RE.search(text)):
            self.drop(node.start, "speaker-label", f"{text!r} names a person: the list belongs to the heading")
            return None
        led = _BOLD_LED_RE.fullmatch(node.content.strip())  # a phrase, no clause: "**S3** is an object store"
        if not label_ok(
            text, colon=marked or full.endswith((":", "：")) or (led is not None and _phrase(led.group(1)))
        ):
            named = _BOLD_ASIDE_RE.fullmatch(node.content.strip())
            if named is not None and label_ok(squash(plain(named.group(1)))):
                # "**Reliability**(Part of the Well-Architected Framework)": the bold name is the label
                return squash(plain(named.group(1)))
            intro = list_intro(text)
            if intro is not None:  # "UDPは…。UDPは次のような用途に向いている。": the last sentence names the list
                return f"{self.in_context()} › {intro}" if lacks_subject(intro) else intro
            shown = text if len(text) <= 40 else text[:40] + "…"
            self.drop(node.start, "prose-label", f"{shown!r} is prose, not the list's label")
            return None
        if is_vague(text) or lacks_subject(text):  # "例", "Day 1", "Allows you to …": the context says of what
            return f"{self.in_context()} › {text}"
        return text

    def numbered_question(self, nodes: list[Node], i: int, question: str, skip: int) -> int:
        """A question under a number (a heading ``17.``/``問3``, or a line ``Q7``): the rest of its paragraph, else
        the paragraph or list after it, is the answer. ``skip`` is how many lines of ``nodes[i]`` the number and
        the question take. Returns the index of the next node to read."""
        node = nodes[i]
        self.text_chars += len(question)
        if node.kind in LISTS:  # the first item is the question, the others answer it
            entries = self.items(node)
            if len(entries) >= 2:
                self.list_cards("question", "label-list", entries[0].item.text, entries[1:], node.start)
            return i + 1
        raw = node.content.split("\n")[skip:]
        if len(raw) >= 3 and _OPTION_LINE_RE.search(node.content):
            k = self.choice_lines(question, raw, nodes, i + 1, node.start)
            if k >= 0:
                return k
        rest = [t for t in (plain(line) for line in raw) if t]
        nxt = nodes[i + 1] if i + 1 < len(nodes) else None
        if rest:
            self.add("question", "definition", question, question, "\n".join(rest), node.start)
            return i + 1
        if nxt is not None and nxt.kind == "paragraph":
            answer = node_text(nxt)
            self.text_chars += len(answer)
            self.add("question", "definition", question, question, answer, node.start)
            return i + 2
        if nxt is not None and nxt.kind in LISTS:
            if quoted_term(nxt, nodes[i + 2] if i + 2 < len(nodes) else None):
                return i + 1  # its terms are explained in quotes ("- ライトバック" then "> …"): read on
            return self.labelled_lists(nodes, i, question)
        return i + 1

    def quoted_definition(self, node: Node, nxt: Node | None) -> bool:
        """A one-item list of a short name right above the block quote that explains it (see :func:`quoted_term`):
        one definition card, the name → the quote. True when it made one."""
        term = quoted_term(node, nxt)
        if term is None or nxt is None:
            return False
        lines = [t for ch in nxt.children for t in node_text(ch).split("\n") if t]
        if not lines:
            return False
        self.has_list = True
        self.text_chars += len(term) + sum(len(t) for t in lines)
        self.add("term-line", "definition", term, term, "\n".join(lines), node.start)
        return True

    def solved_question(self, nodes: list[Node], question: str) -> int:
        """A numbered question whose answer is under a label of its own (``Solution:``, ``解答``): the lines before
        the label set the question; the list or paragraph under the label answers it. Returns the next index."""
        k = self.solution_at
        self.drop(nodes[0].start, "question", f"{question[:40]!r}: the question of the answer below its label")
        nxt = nodes[k + 1] if k + 1 < len(nodes) else None
        if nxt is not None and nxt.kind in LISTS:
            return self.labelled_lists(nodes, k, question)
        if nxt is not None and nxt.kind == "paragraph":
            answer = node_text(nxt)
            self.text_chars += len(question) + len(answer)
            self.add("question", "definition", question, question, answer, nodes[k].start)
            return k + 2
        return k + 1

    def answered_question(self, question: str, answer: str, line0: int, asked_at: int) -> None:
        """A question under its own heading, answered under the next (see :func:`answer_pairs`): one card; the
        question's options (``+ PROMPT``, ``+ PS1``…) are not cards of their own. The section is no thin one: it
        holds a whole card."""
        self.drop(asked_at, "question", f"{question[:40]!r}: asked here, answered in the next section")
        self.text_chars += max(len(question) + len(answer), THIN_MAX_CHARS)
        self.add("question", "definition", question, question, answer, line0)

    def asked(self) -> str:
        """The question a section's options answer: its numbered question, else its heading without its ``Q1.``."""
        return self.question or strip_qa(self.subject)[0]

    def run_section(self, section: Section, heading_path: tuple[str, ...], subject: str, nodes: list[Node]) -> None:
        self.section = section
        self.heading_key = ids.heading_key(heading_path)
        self.subject = subject
        self.question = None
        self.question_skip = 1
        self.solution_at = -1
        heading = section.heading
        # "`shell_out!` は…" alone under "shell_out!が必要なケース", "`fmap` can…" under "map vs fmap?": the heading asks
        self.code_terms = not heading or not (
            is_question(heading) or (len(nodes) == 1 and nodes[0].kind == "paragraph")
        )
        if heading and is_number_heading(heading) and nodes:
            first = nodes[0]
            if first.kind == "paragraph":
                self.solution_at = next(
                    (k for k, nd in enumerate(nodes) if k and nd.kind == "paragraph" and is_solution_label(nd.content)),
                    -1,
                )
                if self.solution_at > 0:
                    self.question = question_line(first.content) or None
                else:
                    self.question = squash(plain(first.content.split("\n", 1)[0])) or None
                    topic = topic_of(self.question) if self.question else None
                    if topic:  # "DRAMは、…を記憶する。": the note explains DRAM; the whole paragraph is the answer
                        self.question, self.question_skip = topic, 0
                self.subject = self.question or subject
            elif first.kind in LISTS and first.children and first.children[0].children:
                head = first.children[0].children[0]
                if head.kind == "paragraph" and asks_or_sets(plain(head.content.split("\n", 1)[0])):
                    self.question = ""  # the list's first item asks
        self.extra = []
        self.has_list = self.has_code = False
        self.text_chars = 0
        before = len(self.cards)
        heading_items: list[Entry] = []
        first_list: list[int] = []
        self.glossaries = []
        self.blocks(nodes, heading_items, first_list, top=True)
        if self.glossaries and not heading_items:
            # A list of only "term: definition" lines is the heading's list when it has no other; beside a list of
            # points ("1. 運営体制から…" then "- Code : …"), each term is its own card: joined, no one set of points.
            first_list.append(self.glossaries[0][0])
            for _, entries in self.glossaries:
                heading_items.extend(entries)
        if heading_items:
            self.list_cards("heading-list", "list", self.subject, heading_items, first_list[0])
        if len(nodes) > 1 and heading and section.level >= 2 and nodes[0].kind == "paragraph":
            self.lead_definition(nodes[0], heading, before)
        if len(self.cards) == before and len(nodes) == 1 and heading and section.level >= 2:
            # (a title's first paragraph introduces the note)
            only = nodes[0]
            if only.kind == "paragraph":
                self.heading_paragraph(only, [only])
            elif only.kind == "blockquote" and all(ch.kind == "paragraph" for ch in only.children):
                # A quoted definition (`> DroidKaigi is …` then `> 参照：…`), the citation left out.
                quoted = [ch for ch in only.children if field_of(ch.content) not in CITATION_FIELDS]
                if quoted:
                    self.heading_paragraph(only, quoted)

    def lead_definition(self, node: Node, heading: str, before: int) -> None:
        """A section's first paragraph that opens with the heading's name and says what it is (``### Intelligent-Tiering``
        then ``Intelligent-Tieringは、…ストレージクラス。``; ``IAM access keys are used for …``): heading → that
        paragraph (its first sentences, when it is long), whatever else the section holds."""
        name = squash(plain(heading)).lstrip("0123456789.) ")
        if not 2 <= len(name) <= 40:
            return
        lines = node.content.split("\n")
        first = plain(lines[0])
        if first[: len(name)].casefold() != name.casefold() or not first[len(name) :].startswith(_LEADS):
            return  # (most first paragraphs: not about the heading's name, word for word)
        if is_page_citation(node.content):  # "[TCP/IPとは？…ガイド](…)" then "ブログ「…」": a page's title
            return
        at = self.offset + node.start + 1
        if (self.used and node.start in self.used) or any(at <= c[0] < at + len(lines) for c in self.cards[before:]):
            return  # an explicit card, or a card of its own (a cloze, a definition line)
        text = join_lines([first, *(plain(line) for line in lines[1:])])
        if is_vague(name) or _POINTS_ON_RE.search(text) or text.endswith((":", "：", *_GOES_ON_ENDS)):
            return  # "S3の料金は、下記で構成される。": it introduces what follows; "こちらのサイト": elsewhere; "…が": goes on
        if len(text) > HEADING_PARAGRAPH_MAX_CHARS:  # its first sentences, as many as fit
            ends = [m.end() for m in _SENTENCE_END_RE.finditer(text) if m.end() <= HEADING_PARAGRAPH_MAX_CHARS]
            if not ends:
                return
            text = text[: ends[-1]].strip()
        self.add("heading-paragraph", "definition", self.subject, self.subject, text, node.start)

    def heading_paragraph(self, node: Node, paragraphs: list[Node]) -> None:
        if self.used and any(line0 in self.used for line0 in range(node.start, node.end)):
            return  # its lines are explicit cards
        text = "\n".join(t for t in map(node_text, paragraphs) if t)
        if is_bare_link(text):
            self.drop(node.start, "url-only", f"{self.subject!r}: the paragraph is only a URL")
            return
        head, _, rest = text.partition("\n")
        first = paragraphs[0].content
        if (
            first.lstrip()[:2] == "$$"
            or (first[:1] == "#" and is_tags(text))
            or is_link_lines(first)
            or is_unfenced_code(first)
            or is_page_citation(first)
        ):
            return  # display math, tags, links or unfenced code: its paragraph said so (code-block, metadata, url-only)
        talk = "://" in text or "@" in text or is_time_slot(self.subject)  # ("Tuesday 11:45 …" then "Track: …")
        if talk and all(map(opens_with_talk_field, text.split("\n"))):
            # "資料：https://…" then "登壇者：Kazuki Suda (@superbrothers)": where the slides are and who spoke
            self.drop(node.start, "talk-details", f"{self.subject!r}: the paragraph holds only the talk's details")
            return
        if rest and head.endswith((":", "：")) and is_note_field(head[:-1], ""):
            return  # "Tags:" then the tags on the lines below: the note's own (metadata)
        if is_example(text):
            return  # "Example: Sending DELETE /users/42 twice…": an example (long-example), not what the heading is
        if len(paragraphs) == 1 and only_a_link(paragraphs[0].content):
            # "[**owner/repo** Contribute to …](https://github.com/…)": a page to read, its pasted title and summary
            self.drop(node.start, "bare-link", f"{self.subject!r}: the paragraph is only a link")
            return
        subsections = bool(self.section and self.section.children)
        if announces(text) or is_signpost(text) or (subsections and says_several_follow(text)):
            # "The following are commonly placed in the DMZ:" introduces what follows: the sub-headings, when
            # there are some, are the list it announces ("ここからは、…をご紹介します。" says what comes next).
            self.drop(node.start, "heading-paragraph", "the paragraph introduces what follows")
            names = [squash(child.heading) for child in self.section.children] if self.section else []
            names = [name for name in names if name]
            if 2 <= len(names) <= MAX_BACK_LINES:
                self.items_card("heading-list", "list", self.subject, tuple(Item(name) for name in names), node.start)
            return
        size = len(text) - text.count(" ") - text.count("\n")
        if size < THIN_MAX_CHARS:
            return
        if text.endswith(_GOES_ON_ENDS):
            # "`shell_out!`は`shell_out`と使い方は一緒ですが、exitstatusが" then code: the sentence goes on below
            self.drop(node.start, "heading-paragraph", "the paragraph stops mid-sentence, and goes on below it")
            return
        heading = self.section.heading.rstrip() if self.section else ""
        if why := says_nothing(heading):  # "初参加！", "…ではない"
            self.drop(node.start, "heading-paragraph", f"{self.subject!r} {why}")
            return
        if is_ordinal(heading):
            # "1日目" then what happened that day: the heading asks nothing. A paragraph about one thing
            # ("Amazon Aurora DSQL is a serverless …") is about that thing.
            topic = topic_of(text.split("\n", 1)[0])
            if topic is None:
                self.drop(node.start, "heading-paragraph", f"{self.subject!r} only says where it stands in a sequence")
                return
            self.add("heading-paragraph", "definition", topic, topic, text, node.start)
            return
        if size > HEADING_PARAGRAPH_MAX_CHARS:
            self.drop(node.start, "heading-paragraph", "the paragraph is too long to be the heading's definition")
            return
        self.add("heading-paragraph", "definition", self.subject, self.subject, text, node.start)

    def explicit(self, card: ExplicitCard) -> None:
        if card.property:
            self.drop(card.first, "explicit", f"{card.front}:: is a property of the block (Logseq, Dataview), no card")
            return
        self.add("explicit", "explicit", card.front, card.front, card.back, card.first)
        if card.reversed:
            self.add("explicit", "explicit", card.back, card.back, card.front, card.first)


__all__ = ["Builder", "Para", "answer_pairs"]
