"""Rules on lists: ``heading-list``, ``label-list``, ``parent-bullet``, ``question``, ``points``, ``sequence``,
``numbered-list``, ``split-long``, ``image-only`` and ``bare-link``."""

from __future__ import annotations

import re
from dataclasses import replace

from devday_tui.core.cards.blocks import LISTS, Node, new, node_text
from devday_tui.core.cards.bullets import is_footnote, is_lost, states
from devday_tui.core.cards.choice_cards import ANSWER_RE
from devday_tui.core.cards.impressions import is_impression, is_plan
from devday_tui.core.cards.item_rules import ItemRules, is_named_link
from devday_tui.core.cards.maker import MAX_BACK_LINES, Entry
from devday_tui.core.cards.questions import (
    OBJECTIVE_VERBS,
    all_objectives,
    is_blueprint,
    is_objective,
    is_open_question,
    is_question,
    is_questions_label,
)
from devday_tui.core.cards.shapes import (
    ATTENDED_RE,
    COMPARED_RE,
    LINK_ONLY_RE,
    STEP_ITEM_RE,
    among_names,
    are_steps,
    back_lines,
    is_course_outline,
    is_day_log,
    is_image_only,
    is_keyword,
    is_keyword_outline,
    is_lecture,
    is_navigation,
    is_talk_title,
    is_time_index,
    is_toc,
    lists_headings,
    math_cut,
    mostly,
    says_order,
    strip_lecture,
    sub_lines,
    two_thirds,
    with_arrow,
)
from devday_tui.core.cards.terms import (
    is_answer_letters,
    is_field_name,
    is_place,
    is_remark,
    is_vague,
    label_ok,
    squash,
    strip_qa,
)
from devday_tui.core.model import Item
from devday_tui.core.text import content_length, is_bare_link, join_lines, normalise, plain

#: How one or two items that are exam objectives open (``Understand …``): a gerund (``Using …``) may define.
_STUDY_VERBS = frozenset(v.capitalize() for v in OBJECTIVE_VERBS)
#: A line inside a list item that ends in a colon names the sub-list after it when it is at most this long.
SUB_LABEL_MAX_CHARS = 120
#: A one-item list card needs at least this much text in its item.
MIN_ITEM_CHARS = 4

#: A task-list item, ``- [ ] write the summary`` or ``- [x] done``.
_TASK_RE = re.compile(r"\[[ xX]\](?:[ \t]|$)")
#: Text with none of these is plain: no markup and no term split. What ``_SPECIAL_RE`` or ``MAYBE_TERM_RE`` finds, as
#: one character class then a look back (their patterns joined by ``|`` tried both at every character: 3× as slow).
_NOT_PLAIN_RE = re.compile(
    r"[\\`*_=<\[&~!^\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff:{ ：…＝→・･]"
    r"(?:(?<=[^{ ・･])|(?<=[・･])[・･]{2}|(?<= )(?: \n|[=\-–—] |-- |-> )|(?<=\{)[{:])"
)
#: First characters of a question or answer marker (``Q:``, ``A:``, ``問3``…).
_QA_STARTS = frozenset("QAqa問答回質")


#: How a sub-item that draws the conclusion of the statement above it opens: it answers it (``refは便利だが…バグが発生
#: する`` then ``そこでrefの使い方に制限を設けるのがuseImperativeHandle``).
_SO = ("そこで", "そのため", "なので", "だから", "したがって", "よって", "So ", "Therefore", "Hence")


def _flat(node: Node) -> bool:
    """A list none of whose items has a list under it."""
    return not any(ch.kind in LISTS for li in node.children for ch in li.children)


class ListRules(ItemRules):
    """Mixin of :class:`devday_tui.core.cards.builder.Builder`."""

    # -- reading a list

    def items(self, node: Node) -> list[Entry]:
        out: list[Entry] = []
        used = self.used
        musings = 0  # items left out as the author's (or the audience's) impressions
        if len(node.children) >= 2 and self.talk_details(node):
            self.drop(node.start, "talk-details", "a talk's details (speaker, track, length…), not facts to learn")
            return out
        top = self.section is None or self.section.level <= 1  # (a list under its own heading groups its items)
        if is_navigation(node) or (top and node.kind == "bullet_list" and lists_headings(node, self.heading_names)):
            self.drop(node.start, "toc", "a list of links to other notes or of the page's headings: navigation")
            return out
        if is_time_index(node):
            self.drop(node.start, "toc", "items that each end on a time: an index of a recording or a day, not facts")
            return out
        if is_day_log(node):
            self.drop(node.start, "first-person", "a log kept by day of the week: the author's week, not facts")
            return out
        among = among_names(node)
        # "A. Plan", "B. Build", "C. Check": a lettered list, whose "A." is its key, not an answer's marker
        second = node.children[1].children if len(node.children) > 1 else []
        keyed = bool(second) and second[0].kind == "paragraph" and second[0].content[:2] in ("B.", "B)", "b.", "b)")
        qa_starts = _QA_STARTS - {"A", "a"} if keyed else _QA_STARTS
        for li in node.children:
            chs = li.children
            if chs and chs[0].kind == "paragraph" and _TASK_RE.match(chs[0].content):
                if not any(ch.kind in LISTS for ch in chs[1:]):
                    self.drop(li.start, "todo", "a task-list item is the author's to-do, not something to learn")
                    continue
                # "- [ ] **Entra Tenant**" with notes under it: a checklist of topics to study, each with its notes.
                chs = [chs[0]._replace(content=_TASK_RE.sub("", chs[0].content, count=1)), *chs[1:]]
                li = li._replace(children=chs)
            if len(chs) == 1 and chs[0].kind == "paragraph":  # the common case: one line or paragraph
                content = chs[0].content
                if not used and "\n" not in content:
                    if not _NOT_PLAIN_RE.search(content):
                        # Plain text on one line: no definition, no cloze, no link. Just the item.
                        text = content.strip()
                        if text[:1] in qa_starts:
                            text = strip_qa(text)[0]
                        if text and self.is_chatter(text):
                            self.drop(li.start, "chatter-term", f"{text!r}: a remark of the author's, not a fact")
                            continue
                        if text and (refused := self.item_refused(text, li.start)):
                            musings += refused == "first-person"
                            continue
                        if text:
                            text = with_arrow(text)
                            self.text_chars += len(text) - text.count(" ")
                            out.append(new(Entry, (Item(text), False, li.start, -1)))
                        continue
                    if ("![" in content or "<" in content) and is_image_only(content):
                        self.drop(li.start, "image-only", "an item that is only an image")
                        continue
                if (
                    content[:1] == "["
                    and LINK_ONLY_RE.fullmatch(content.strip())
                    and ("://" in content or content[:2] == "[[" or not among)
                ):
                    # (A Markdown link to another note of the folder among plain names is one of them:
                    # [**Booleano**](…md) over Texto, Tiempo, Binario.)
                    self.drop(li.start, "bare-link", "an item that is only a link is a reference, not a fact")
                    continue
                if "$$" in content and "\n" in content:
                    # An item's lines up to display math under it (``…代入可得`` then ``$$`` … ``$$``): the math
                    # is code, as in a paragraph of its own.
                    kept = math_cut(content)
                    if kept != content:
                        chs = [chs[0]._replace(content=kept), *chs[1:]]
                para = self.paragraph(chs[0])
                text = para.text
                if text[:1] in qa_starts and not para.own_card:
                    text = strip_qa(text)[0]
                if text and (refused := self.item_refused(text, li.start, own=para.own_card)):
                    musings += refused == "first-person"
                    continue
                link = ("://" in text or text[:4] == "www.") and (
                    is_bare_link(text) or (not para.own_card and is_named_link(text))
                )
                if text and not link:
                    item = Item(with_arrow(text))
                    if para.own_card:
                        self.own_items[id(item)] = (item, para.card, para.line)
                    out.append(Entry(item, para.own_card, li.start, para.card))
                elif text:
                    self.drop(li.start, "bare-link", "a bare link is no list item")
                continue
            if self.choice_item(chs, li.start):
                continue  # a question over its lettered options: its card is made, or none when no answer is given
            texts: list[str] = []
            own = False
            card = -1
            line = ""
            children: list[Item] = []
            first = True
            pushed = False
            chatter = False
            skip = -1
            # Lines of the item after its first that name the sub-list after them (``1.1 Setting up projects.
            # Activities include:`` then its bullets) are sub-items holding that list, as a label names a list;
            # the item's other later lines are then sub-items too, in their place, not its text.
            nested = any(ch.kind in LISTS for ch in chs)
            labels = len(chs) > 2 and any(
                chs[k].kind == "paragraph" and chs[k + 1].kind in LISTS for k in range(1, len(chs) - 1)
            )
            for k, ch in enumerate(chs):
                if k == skip:
                    continue
                kind = ch.kind
                if labels and kind == "paragraph" and not first and k + 1 < len(chs) and chs[k + 1].kind in LISTS:
                    # A later line of the item that names the sub-list after it (``1.1 Setting up projects.
                    # Activities include:`` then its bullets): a sub-item holding that list, as a label does.
                    named = self.sub_label(ch, chs[k + 1], texts[0] if texts and not pushed else None)
                    if named is not None:
                        pushed = pushed or bool(texts)
                        children.append(named)
                        skip = k + 1
                        continue
                if kind == "paragraph" and not first and ANSWER_RE.match(ch.content.lstrip()):
                    # "答え：2" and why, under the last option: the answer of a multiple-choice question (see
                    # choice_question), kept with the option's text rather than read as a term of its own.
                    texts.append(" ".join(plain(ch.content).split()))
                    continue
                if kind == "paragraph" and first and k == 1 and chs[0].kind in LISTS and len(chs[0].children) == 1:
                    # "- 3. 全ての従サイトから合意" then "=> …のときはロールバック要求" on a line of its own: the item
                    # is only the numbered step, and the line goes on with that step, not the item's own text.
                    last = children[-1] if children else None
                    text = " ".join(node_text(ch).split("\n"))
                    if last is not None and not last.children and text and not (":" in text or "：" in text):
                        children[-1] = Item(join_lines([last.text, text]))
                        continue
                if kind == "paragraph":
                    # A bullet with a sub-list names it: its bold is the name's emphasis, no cloze (``**SATA**
                    # (Serial ATA)`` then what SATA is).
                    para = self.paragraph(ch, label=first and nested)
                    if labels and not first and texts:
                        if para.text and not para.own_card:
                            children.append(Item(para.text))
                        continue
                    if first and para.text and not para.own_card and self.is_chatter(para.text):
                        self.drop(li.start, "chatter-term", f"{para.text!r}: a remark of the author's, not a fact")
                        chatter = True
                        break
                    if para.text:
                        if first and para.own_card:
                            own, card, line = True, para.card, para.line
                        texts.append(para.text)
                    first = False
                elif kind in LISTS:
                    self.has_list = True
                    if not pushed and texts:
                        self.extra.append(texts[0].rstrip(":：").rstrip() or texts[0])
                        pushed = True
                    children.extend(e.item for e in self.items(ch))
                elif kind == "blockquote":
                    texts.extend(t for t in self.quote_texts(ch) if t)
                elif kind == "code":
                    self.has_code = True
                elif kind == "heading" and ch.content:
                    if k == len(chs) - 1 and chs[k - 1].kind == "paragraph" and is_image_only(chs[k - 1].content):
                        # "##### *Incremental Backup*. An incremental backup done over…" under an <img> in the
                        # item: the image's caption, which is no part of the item's text.
                        self.drop(ch.start, "image-only", "the caption of an image inside an item")
                    else:
                        texts.append(plain(ch.content))
                elif kind == "table":
                    self.table(ch, texts[0] if texts else self.in_context())
            if pushed:
                self.extra.pop()
            if chatter:
                continue
            text = texts[0] if own else join_lines(texts)
            if text[:1] in _QA_STARTS and not own:
                text = strip_qa(text)[0]
            if not text and not children:
                continue
            if not children and is_bare_link(text):
                self.drop(li.start, "bare-link", "a bare link is no list item")
                continue
            if not text:  # a sub-list with no text of its own: its items belong to the list
                out.extend(Entry(c, False, li.start) for c in children)
                continue
            if own and children and card >= 0:
                self.extend_back(card, self.shown(tuple(children)))  # `Class A - 10.0.0.0/8` as written
            item = Item(text, tuple(children))
            if own:
                self.own_items[id(item)] = (item, card, line)
            if children:
                self.item_lines[id(item)] = (item, li.start)
            out.append(Entry(item, own, li.start, card))
        if len(node.children) >= 3 and musings * 2 >= len(node.children):
            # Half its items the author's (or the audience's) impressions: a list of comments, the rest with them.
            self.drop(node.start, "first-person", "a list of comments, half of them impressions, not facts")
            return []
        return out

    def sub_label(self, para: Node, sub: Node, parent: str | None) -> Item | None:
        """A paragraph inside a list item that names the list right after it: that list as one sub-item under the
        paragraph's text, or None when the paragraph is no label (a sentence, more than one line). ``parent`` is
        the item's own text, when it is not in the breadcrumb yet (it joins it, and stays there)."""
        content = para.content.strip()
        if "\n" in content:
            return None
        full = squash(plain(content))
        label = full.rstrip(":：").rstrip()
        if not (label_ok(label) or (full.endswith((":", "：")) and len(label) <= SUB_LABEL_MAX_CHARS)):
            return None
        if parent is not None:
            self.extra.append(parent.rstrip(":：").rstrip() or parent)
        self.has_list = True
        self.text_chars += len(label)
        self.extra.append(label)
        try:
            entries = self.items(sub)
        finally:
            self.extra.pop()
        return Item(label, tuple(e.item for e in entries)) if entries else Item(label)

    def quote_texts(self, node: Node) -> list[str]:
        out = []
        for ch in node.children:
            if ch.kind == "paragraph":
                out.append(self.paragraph(ch).text)
            elif ch.kind in LISTS:
                self.has_list = True
                out.extend(e.item.text for e in self.items(ch))
        return out

    def extend_back(self, index: int, children: tuple[Item, ...]) -> None:
        """A definition bullet with a sub-list: the sub-items join its back."""
        line, order, n, card = self.cards[index]
        lines = sub_lines(children)
        room = MAX_BACK_LINES - 1 - card.back_text.count("\n")
        if len(lines) > room:  # too long with the nested items: their names (each sub-list is a card of its own)
            lines = ["  " + child.text for child in children]
            if len(lines) > room:
                return
        back = card.back_text + "\n" + "\n".join(lines)  # a definition: its back is text
        self.cards[index] = (line, order, n, replace(card, back=back))

    # -- labels

    def labelled_lists(self, nodes: list[Node], i: int, label: str) -> int:
        """The lists right after the label at ``nodes[i]``; returns the index of the next node to read."""
        self.has_list = True
        line0 = nodes[i].start
        j = i + 1
        toc = self.toc_possible and is_toc(nodes[j])
        last = label.rsplit(" › ", 1)[-1]
        diary = (not last.isascii() and is_impression(last)) or is_plan(last)  # "使ったのは次の3つでした", "I need to"
        # "以下に参加" over the talks' titles alone: which talks the author went to (titles are no terms: "Cisco’s
        # Agile Journey – Continuous Delivery…"); with notes under a title, the list is read for them (list_cards)
        diary = diary or (ATTENDED_RE.search(last) is not None and _flat(nodes[j]))
        if toc or diary or self.is_chatter(last):  # "所感" then a list: the author's remarks
            if toc:
                self.drop(line0, "toc", f"{label!r}: a table of contents, not notes")
            elif diary:
                self.drop(line0, "first-person", f"{label!r}: the author's day, not a fact")
            else:
                self.drop(line0, "chatter-term", f"{label!r}: a remark of the author's, not a fact")
            if nodes[j].kind == "ordered_list":
                return j + 1
            while j < len(nodes) and nodes[j].kind == "bullet_list":
                j += 1
            return j
        k = self.choice_list(label, nodes, j, line0)
        if k >= 0:  # the label is a question, the list its options
            return k
        # Definitions inside the list carry the label in their breadcrumb; the list card itself does not.
        self.extra.append(label)
        try:
            if nodes[j].kind == "ordered_list":
                entries = self.items(nodes[j])
                j += 1
            else:
                entries = []
                while j < len(nodes) and nodes[j].kind == "bullet_list":
                    entries.extend(self.items(nodes[j]))
                    j += 1
        finally:
            self.extra.pop()
        if nodes[i + 1].kind != "ordered_list":
            self.list_cards("label-list", "label-list", label, entries, line0)
        elif self.choice_question(label, entries, nodes, j, line0):
            j += self.answer_taken
        elif self.is_sequence(label, entries):
            self.list_cards("sequence", "sequence", label, entries, line0)
        else:
            self.list_cards("numbered-list", "label-list", label, entries, line0)
        return j

    # -- sequences

    def is_sequence(self, label: str, entries: list[Entry]) -> bool:
        """Order is the point: the label or heading says so, or the items are steps."""
        heading = self.section.heading if self.section else ""
        return says_order(label) or says_order(heading) or are_steps([e.item.text for e in entries])

    # -- cards from lists

    def sub_list_cards(self, entries: list[Entry], subject: str) -> None:
        """The cards of the items with notes under them, of a list that makes no card itself."""
        for e in entries:
            if e.item.children and not e.own:
                self.parent_card(e.item, subject, e.line0)

    def list_cards(self, rule: str, kind: str, subject: str, entries: list[Entry], line0: int) -> None:
        """The cards of one list (or of a heading's lists): one card, or the parents' cards and a points card."""
        if not subject or not entries:
            return
        last = subject.rsplit(" › ", 1)[-1]  # what the list is under: its label or heading
        if ATTENDED_RE.search(last):
            # "聞いた発表" then the talks' titles: which talks the author went to, not what they said. A title with
            # notes under it is still a card.
            self.drop(line0, "chatter-term", f"{subject!r}: the talks the author attended, not facts")
            self.sub_list_cards(entries, subject)
            return
        if mostly(entries, is_answer_letters):
            # "1. A", "2. C  D: …": an answer key without its questions asks nothing.
            self.drop(line0, "answer-key", f"{subject!r}: a practice exam's answers without their questions")
            return
        if not any(e.item.children for e in entries) and is_questions_label(last, [e.item.text for e in entries]):
            # "Questions to AsyncProgramming:" then "GIL - how where & when", "Are there other ways…?": what the
            # author still wants to find out (a third of them asking), not what they learnt; its terms stay cards
            self.drop(line0, "open-questions", f"{subject!r}: the author's open questions, not answers")
            return
        if not any(e.item.children or e.own for e in entries) and mostly(entries, is_open_question):
            # Interview prompts, or the questions of a Q&A noted without their answers: nothing to recall.
            self.drop(line0, "open-questions", f"{subject!r}: questions without their answers")
            return
        if not any(e.item.children for e in entries) and (
            mostly(entries, is_talk_title) or (len(entries) == 2 and all(is_talk_title(e.item.text) for e in entries))
        ):
            # "Ruby meets password-less world(@corocn)", …: a programme of talks, each with its speaker
            self.drop(line0, "chatter-term", f"{subject!r}: talks and their speakers, not facts")
            return
        if len(entries) >= 2 and two_thirds([e.item.text for e in entries], is_impression):
            # "夫婦で参加できてよかった", "…と思った": the author's day, however long its lines
            self.drop(line0, "first-person", f"{subject!r}: the author's impressions and day, not facts")
            return
        # "わからん" among a talk's points, with what the author did not follow under it: no point of the talk
        entries = [e for e in entries if not (e.item.children and is_lost(e.item.text))]
        if not entries:
            return
        outline = is_course_outline([e.item.text for e in entries])
        short = len(entries) <= 2 and not any(e.own or e.item.children for e in entries)
        if (
            outline
            or all_objectives([e.item.text for e in entries])
            or is_blueprint(last, [e.item.text for e in entries])
            or (short and all(e.item.text.partition(" ")[0] in _STUDY_VERBS for e in entries))
        ):  # ("Consistency Models" then only "Understand the difference between …"; "Using stolen data …" is no task)
            # An exam guide's objectives ("Understand Terraform basics", "Describe the …") or a course's outline
            # ("…(ハンズオン)", "小テスト"): what to study, not what was learnt. Their sub-lists, the notes taken on
            # each, still make cards.
            what = "a course's outline" if outline else "a list of exam objectives"
            self.drop(line0, "objectives", f"{subject!r}: {what}, not facts")
            self.sub_list_cards(entries, subject)
            return
        if any(e.item.children for e in entries):
            keywords = is_keyword_outline([e.item for e in entries])
            carded: set[int] = set()  # the parents whose sub-lists made cards of their own
            for e in entries:
                if not e.item.children:
                    continue
                if not e.own:
                    before = len(self.cards)
                    self.parent_card(e.item, subject, e.line0, keywords)
                    if len(self.cards) > before:
                        carded.add(id(e.item))
                    continue
                for child in e.item.children:  # a definition bullet's sub-items joined its back
                    if child.children:
                        self.parent_card(child, e.item.text, e.line0)
            if len(entries) >= 2:
                self.points_card(kind, subject, entries, line0, carded)
            return
        if len(entries) == 1:
            e = entries[0]
            if e.own:
                return
            if is_question(subject):
                self.add("question", "definition", subject, subject, e.item.text, line0)
                return
            if content_length(e.item.text) < MIN_ITEM_CHARS:
                self.drop(line0, "too-short", f"{subject!r}: one item, too short")
                return
        if all(e.own and not e.item.children for e in entries) and (
            COMPARED_RE.search(subject) or 3 * sum(is_place(e.item.text) for e in entries) >= 2 * len(entries) >= 4
        ):
            # "PUT と PATCH の違い" then two definitions: their names alone answer no comparison; "Start", "Middle":
            # they say nothing by themselves. Each is a card.
            self.drop(line0, "points", f"{subject!r}: the names alone say nothing; each item is a card of its own")
            return
        if len(entries) > MAX_BACK_LINES and 2 * sum(e.own for e in entries) >= len(entries):
            # A glossary ("EC2: …", "S3: …", 26 items, half of them terms): each term is its own card, and the
            # names cut into parts ("Concepts (2/3) — 9 points") are no set anyone recalls.
            self.drop(line0, "points", f"{subject!r}: {len(entries)} terms, each its own card; no list of their names")
            return
        if kind != "sequence" and len(entries) >= 2 and all(STEP_ITEM_RE.match(e.item.text) for e in entries):
            rule, kind = "sequence", "sequence"  # "- Step 1: Open the console" / "- Step 2: …"
        # Beside plain items, as a remark ("*Note:* …") or a prefix ("Recap - Pods", "Recap - …"), a definition shows
        # what it says ("Network ACL - check packets"). A list of only terms (each once) is the set of their names,
        # unless each says a short value ("Moving → Network", "Processing → Compute"): the names alone lose it.
        mixed = not all(e.own for e in entries) or len({e.item.text for e in entries}) < len(entries)
        valued = [] if mixed else [self.with_value(e) for e in entries]
        if valued and all(v != e.item.text for v, e in zip(valued, entries)):
            items = tuple(Item(v) for v in valued)
        else:
            items = tuple(
                self.as_written(e) if e.own and (mixed or is_remark(e.item.text)) else e.item for e in entries
            )
        self.items_card(rule, kind, subject, items, line0)

    def parent_card(self, item: Item, context: str, line0: int, outline: bool = False) -> None:
        """A bullet with its own sub-list: its sub-items are the back (nested ones kept nested), one sub-item makes
        a definition (not a keyword, in an ``outline`` of keywords). A sub-item with a sub-list of its own is a card
        too, with this bullet as its context. Its cards cite the bullet's own line (``line0`` when it is not known:
        a bullet rebuilt here)."""
        known = self.item_lines.get(id(item))
        if known is not None and known[0] is item:
            line0 = known[1]
        text = item.text.rstrip(":：").rstrip() or item.text
        if is_lecture(text):
            # "AMIとSnapshotの活用(ハンズオン)": a lecture's title names no fact. Its one topic with notes under it
            # is the card; otherwise its notes are, under the title without its marker.
            if len(item.children) == 1 and item.children[0].children:
                self.parent_card(item.children[0], context, line0)
                return
            text = strip_lecture(text)
        if is_lost(text):
            # "わからん" then "fuzzing test", "Mutation Testing": what the author did not follow, no set of facts
            self.drop(line0, "first-person", f"{text[:40]!r}: what the author did not follow, no list")
            return
        asks = is_question(text)
        qualified = text if asks or normalise(context) == normalise(text) else f"{context} › {text}"
        rule = "question" if asks else ("remark-term" if is_remark(text) else "parent-bullet")
        children = item.children
        if len(children) == 1 and id(children[0]) in self.own_items and not children[0].children:
            return  # its one sub-item is a definition card already, with this bullet in its breadcrumb
        if len(children) == 1 and not asks and is_footnote(children[0].text, text):
            # "原則として INSERT 1 文は 1 行を挿入すること" then "※複数行 INSERT も可能だが非推奨": a footnote, no answer.
            self.drop(line0, "prose-label", f"{text[:40]!r}: its one sub-item is a footnote to it, not its answer")
        elif len(children) == 1 and not asks and states(text, item.text) and not children[0].text.startswith(_SO):
            # "VPC 間の通信は GW を介す。" then "スターネットワーク": a statement and a remark on it, no question.
            self.drop(line0, "prose-label", f"{text[:40]!r}: a sentence with one sub-item asks nothing")

        elif len(children) == 1 and not asks and self.names_list(text, children[0]):
            # "mount" then "オプション" then its options: the one sub-item only names a list of its own, which is
            # the card ("mount › オプション — 2 points"), made below; "SCSI" then "SCSI" again: the list is this one's.
            only = children[0]
            if normalise(only.text.rstrip(":：")) == normalise(text):
                self.parent_card(Item(item.text, only.children), context, line0)
                return
        elif len(children) == 1 and outline and not asks and is_keyword(children[0]):
            # "SLM" then only "周期的な変化", among "事業関係管理" over "顧客関係", "レビュー"…: a cue to recall, no answer.
            self.drop(line0, "too-short", f"{text[:40]!r}: one keyword under it, in an outline of keywords")
        elif len(children) == 1:
            only = children[0]
            term = qualified if (asks or is_vague(text) or is_field_name(text)) else text
            back = only.text
            if only.children and back_lines(only.children) < MAX_BACK_LINES:
                back += "\n" + "\n".join(sub_lines(only.children))
            # Under a label (``**Datacenter**`` then ``- Uses the LAN gossip pool``), the label is what the bullet
            # is about: it joins the breadcrumb.
            labelled = term is text and self.extra[-1:] != [context] and normalise(context) != normalise(self.subject)
            if labelled:
                self.extra.append(context)
            try:
                made = content_length(back) >= 2 and self.add(rule, "definition", term, term, back, line0) >= 0
            finally:
                if labelled:
                    self.extra.pop()
            if made and only.children and back_lines(only.children) < MAX_BACK_LINES:
                return  # its one sub-item's own sub-list is on this card's back already
        elif is_course_outline([child.text for child in children]) or all_objectives(
            [c.text for c in children], under_objective=is_objective(text)
        ):
            self.drop(line0, "objectives", f"{text[:40]!r}: a course's outline or an exam's objectives, not facts")
        else:
            self.items_card(rule, "label-list", qualified, self.shown(children), line0)
        if any(child.children for child in children):
            self.extra.append(text)  # the cards of its sub-items show it in their breadcrumb
            keywords = outline or is_keyword_outline(children)
            try:
                for child in children:
                    if not child.children:
                        continue
                    if id(child) not in self.own_items:
                        self.parent_card(child, text, line0, keywords)
                        continue
                    # A definition sub-item (``F - Field Programmable Gate Array``): its sub-items joined its back.
                    for grandchild in child.children:
                        if grandchild.children:
                            self.parent_card(grandchild, child.text, line0)
            finally:
                self.extra.pop()


__all__ = ["Entry", "ListRules", "MAX_BACK_LINES", "back_lines", "is_image_only"]
