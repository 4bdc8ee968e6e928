"""What a list is, read from its shape before any card is made: a table of contents (an outline, not notes), a list
of links (navigation), a programme of talks, numbered items with the bullets under them, and a list whose order is
the point (a ``sequence``)."""

from __future__ import annotations

import re
from typing import Callable

from devday_tui.core.cards.blocks import LISTS, Node
from devday_tui.core.cards.maker import Entry, names_speaker
from devday_tui.core.cards.markup import is_only_image
from devday_tui.core.cards.terms import LABEL_MAX_CHARS, SENTENCE_ENDS, is_clause
from devday_tui.core.model import Item
from devday_tui.core.text import normalise, plain
from devday_tui.core.wrap import cell_len

#: Words in a label or heading that say the order of a numbered list is the point.
_ORDER_WORDS_RE = re.compile(
    r"手順|流れ|順|ステップ|工程|導入|構築|やり方|解き方|進め方|\b(?:steps?|process|flow|order|sequence(?! diagrams?)|lifecycle|phases?|procedure|how to"
    r"|install(?:ation)?|set ?up|upgrade|migration|workflow|walkthrough)\b",
    re.I,
)
#: Items that are steps: ``Step 1``, ``ステップ1``, ``手順1``.
STEP_ITEM_RE = re.compile(r"(?:step|ステップ|手順)\s*[0-9０-９]", re.I)
#: English verbs that open an instruction: ``Create a bucket``, ``Run the task``.
INSTRUCTION_VERBS = frozenset(
    """add apply attach build call change check choose click configure connect copy create define delete deploy
    download enable disable edit enter install launch log login make move navigate open pick push pull put read
    register remove rename replace restart run save select send set sign start stop submit switch test type update
    upload use verify wait write go fill review redeploy ship rollback roll scale restore back commit merge fetch
    clone mount format boot reboot initialize init provision tag publish release monitor drain cordon apply""".split()
)


#: A course's lecture or exercise, as its outline names it: ``EC2でWEBサーバーを立ち上げる(ハンズオン)``,
#: ``Configure a VPC (Hands-on Lab)``, ``小テスト VPCテスト``, ``Quiz 3``, ``S3ハンズオン``, ``S3小テスト``.
_LECTURE_RE = re.compile(
    r"[(（【\[][ \t]*(?:ハンズオン|hands[- ]?on(?:[ \t]*lab)?|デモ|demo|演習|実習|lab|ラボ|講義|lecture)[ \t]*[)）】\]][ \t]*\Z"
    r"|\A(?:小テスト|確認テスト|練習テスト|quiz\b|lab[ \t]*[0-9]|lecture[ \t]*[0-9])|(?:ハンズオン|小テスト|(?<!再)確認テスト)\Z",
    re.I,
)
#: A lecture that sums up the ones before it: ``VPCのまとめ``, ``Section summary``.
_SUMMARY_LECTURE_RE = re.compile(r"(?:の?まとめ|\bsummary|\brecap)[ \t]*\Z", re.I)


def is_lecture(text: str) -> bool:
    """A lecture or exercise of a course's outline, named by its marker: ``Elastic IPの設定(ハンズオン)``."""
    return _LECTURE_RE.search(text) is not None


def strip_lecture(text: str) -> str:
    """A lecture's title without its marker: ``Elastic IPの設定(ハンズオン)`` → ``Elastic IPの設定``."""
    m = _LECTURE_RE.search(text)
    if m is None or m.start() == 0:
        return text
    return text[: m.start()].rstrip() or text


def is_course_outline(texts: list[str]) -> bool:
    """A course's outline, not notes: at least two items are lectures named by their marker, and with the
    summaries (``VPCのまとめ``) they are at least half of the items."""
    # (A lecture's marker closes a bracket at the end, ends the name (ハンズオン, テスト) or opens the item: most lists
    # have none, and skip the search.)
    marked = sum(1 for t in texts if (t[-1:] in ")）】]ント" or t[:1] in "小確練QqLl") and is_lecture(t))
    if marked < 2:
        return False
    summaries = sum(1 for t in texts if _SUMMARY_LECTURE_RE.search(t) and not is_lecture(t))
    return (marked + summaries) * 2 >= len(texts)


def says_order(label: str) -> bool:
    """A label or heading that says the order of its list is the point: ``手順``, ``Steps``, ``Lifecycle``."""
    return _ORDER_WORDS_RE.search(label) is not None


def are_steps(texts: list[str]) -> bool:
    """Items that are steps: all ``Step N`` / ``手順N``, or two thirds of at least two opening with a verb."""
    if not texts:
        return False
    if all(STEP_ITEM_RE.match(t) for t in texts):
        return True
    verbs = sum(1 for t in texts if t.split(" ", 1)[0].casefold().strip(".,:") in INSTRUCTION_VERBS)
    return len(texts) >= 2 and verbs * 3 >= len(texts) * 2


#: Items that end a chapter in a table of contents: a nested list holding one is an outline, not notes.
_TOC_ITEMS = frozenset(
    "summary conclusion conclusions introduction overview まとめ おわりに はじめに 概要 目次 further-reading".split()
)


#: A list item that may end a chapter in a table of contents: a cheap test of a whole note before any list is walked.
TOC_ITEM_RE = re.compile(
    r"^[ \t>]*[-*+][ \t]+[0-9.\\ ]{0,8}(?:summary|conclusions?|introduction|overview|further reading|まとめ|おわりに"
    r"|はじめに|概要|目次)[ \t]*$",
    re.M | re.I,
)
#: The same pattern after a line end: a search for ``^…`` tries every character, one for ``\n…`` skips to line ends.
_TOC_ITEM_LATER_RE = re.compile("\n" + TOC_ITEM_RE.pattern[1:], re.M | re.I)
assert TOC_ITEM_RE.pattern[0] == "^"


def has_toc_item(body: str) -> bool:
    """Whether a line of ``body`` matches :data:`TOC_ITEM_RE` (the first line, or one after a line end)."""
    return TOC_ITEM_RE.match(body) is not None or _TOC_ITEM_LATER_RE.search(body) is not None


def is_toc(node: Node) -> bool:
    """A table of contents: a nested list with an item that is only ``Summary``, ``Introduction``, ``まとめ``… and
    nothing under it (a chapter's name; a talk's ``まとめ`` with its points under it is notes)."""
    nested = found = False
    stack = [node]
    while stack:
        for li in stack.pop().children:
            chs = li.children
            if not chs:
                continue
            first = chs[0]
            if first.kind == "paragraph" and len(first.content) <= 24 and len(chs) == 1:
                text = first.content.strip().lstrip("0123456789.\\ ").casefold().replace(" ", "-")
                found = found or text in _TOC_ITEMS
            if len(chs) > 1:
                nested = True
                stack.extend(ch for ch in chs if ch.kind in LISTS)
    return found and nested


def attach_bullets(nodes: list[Node], body_lines: list[str]) -> list[Node]:
    """A numbered item's following ``- `` bullets belong to that item; the numbered lists around them join up.

    Bullets right after a numbered list (no blank line between), or after a numbered list of one item, become
    that item's sub-list; a numbered list that follows directly continues the one before it.
    """
    out: list[Node] = []
    for node in nodes:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "ordered_list" and prev.children:
            if node.kind == "bullet_list" and (len(prev.children) == 1 or body_lines[node.start - 1].strip()):
                prev.children[-1].children.append(node)
                out[-1] = prev._replace(end=node.end)
                continue
            if node.kind == "ordered_list" and any(ch.kind == "bullet_list" for ch in prev.children[-1].children):
                prev.children.extend(node.children)
                out[-1] = prev._replace(end=node.end)
                continue
        out.append(node)
    return out


#: How many items of a list are looked at to tell a list of links from notes.
_NAVIGATION_ITEMS_LOOKED_AT = 200
#: An item that is only a link, ``[Title | Blog](https://…)`` or ``[[Page]]``: a reference to read, not a fact.
LINK_ONLY_RE = re.compile(
    r"(?:\[(?:[^\[\]\n]|\[[^\[\]\n]{0,100}\]){1,500}\]\((?:[^()\s]|\([^()\s]{0,200}\)){1,2000}(?:\s+\"[^\"\n]{0,500}\")?\)"
    r"|\[\[[^\[\]\n]{1,500}\]\])"
    # and maybe a remark in brackets: ``[DroidKaigi 2025 - YouTube](…) (全セッション動画)``
    r"(?:[ \t]*[(（][^()（）\n]{0,60}[)）])?"
)


def math_cut(content: str) -> str:
    """A paragraph's lines before the first line that opens display math (``$$`` at its start), or all of them."""
    at = 0
    for line in content.split("\n"):
        if at and line.lstrip()[:2] == "$$":
            return content[: at - 1]
        at += len(line) + 1
    return content


def among_names(node: Node) -> bool:
    """Whether most items of a list are something other than a link alone."""
    links = sum(
        1
        for li in node.children
        if li.children and li.children[0].content[:1] == "[" and LINK_ONLY_RE.fullmatch(li.children[0].content.strip())
    )
    return links * 2 < len(node.children)


def with_arrow(text: str) -> str:
    """An item opening with an ASCII arrow (``-> index 性能低下``, what follows from the item before) shows the arrow
    it stands for: ``→ index 性能低下`` (``=>``: ``⇒``)."""
    if text[:2] == "->":
        return "→" + text[2:]
    if text[:2] == "=>":
        return "⇒" + text[2:]
    return text


def is_keyword(item: Item) -> bool:
    """A bare keyword with nothing under it: short, no sentence, no definition (``周期的な変化``, ``OLA``)."""
    t = item.text
    return (
        not item.children
        and len(t) <= 16
        and not t.endswith(("。", ".", "：", ":"))
        and not any(c in t for c in "、，,:：=＝")
    )


def is_keyword_outline(items: list[Item] | tuple[Item, ...]) -> bool:
    """An outline of keywords (a study checklist): at least three bullets over sub-items of their own (at any depth
    of the list), half of them with two or more, and nine in ten of all those sub-items bare keywords
    (``事業関係管理`` over ``顧客関係``, ``レビュー``; ``SLM`` over ``周期的な変化``). A glossary's bullets each hold
    one definition."""
    parents: list[Item] = []
    todo = [i for i in items if i.children]
    while todo:
        item = todo.pop()
        deeper = [c for c in item.children if c.children]
        todo.extend(deeper)
        if len(deeper) < len(item.children):
            parents.append(item)
    if len(parents) < 3 or 2 * sum(len(p.children) >= 2 for p in parents) < len(parents):
        return False
    subs = [c for p in parents for c in p.children]
    return 10 * sum(is_keyword(c) for c in subs) >= 9 * len(subs)


def two_thirds(texts: list[str], test: Callable[[str], bool]) -> bool:
    """At least three texts, two thirds of them passing ``test``; it stops as soon as too many have failed (most
    lists pass none of these tests, and are known to after a few items)."""
    n = len(texts)
    if n < 3:
        return False
    misses = n - (2 * n + 2) // 3  # how many may fail: the rest, at least two thirds rounded up, must pass
    for text in texts:
        if not test(text):
            misses -= 1
            if misses < 0:
                return False
    return True


#: A talk's title with its speaker at the end: ``…(@corocn)``, ``…(koic)``, ``…(yhirano55)``, ``… (山田さん)``; not an
#: abbreviation (``Recovery Point Objective (RPO)``) nor a name in capitals.
_SPEAKER_END_RE = re.compile(
    r"[(（](?:@[A-Za-z][\w.-]{1,20}|[a-z][a-z0-9_.-]{1,20}|[^()（）]{1,12}(?:さん|氏))[)）]\s*\Z"
)


def is_talk_title(text: str) -> bool:
    """A talk's title: with its speaker at the end, or after a dash with where they work, or named as a talk in
    Japanese (``AR.jsを試してみた話``, ``クリエイター卓球部の紹介``)."""
    if text[-1:] in ")）":
        return _SPEAKER_END_RE.search(text) is not None
    if names_speaker(text):
        return True
    return len(text) <= 60 and text.endswith(("話", "の紹介")) and not text.endswith(("会話", "電話", "通話", "対話"))


def mostly(entries: list[Entry], test: Callable[[str], bool]) -> bool:
    """At least three items, two thirds of them passing ``test`` (answer letters, open questions, objectives)."""
    return len(entries) >= 3 and two_thirds([e.item.text for e in entries], test)


def is_navigation(node: Node) -> bool:
    """A list (nested lists counted) two thirds of whose items are only a link: a table of contents (``[IAM](#iam)``)
    or a map of other notes (``1. [[Kafka - Topics]]``)."""
    first = node.children[0].children
    if not first or first[0].kind != "paragraph" or first[0].content[:1] != "[":
        return False  # (such a list opens with a link)
    total = links = 0
    todo = [node]
    while todo and total < _NAVIGATION_ITEMS_LOOKED_AT:
        for li in todo.pop().children:
            chs = li.children
            total += 1
            if chs and chs[0].kind == "paragraph":
                content = chs[0].content.strip()
                if content[:1] == "[" and LINK_ONLY_RE.fullmatch(content):
                    links += 1
            todo.extend(ch for ch in chs if ch.kind in LISTS)
    return total >= 3 and links * 3 >= total * 2


#: A day of the week as a term: ``Monday``, ``Tue``, ``**Friday**``, ``月曜日``, ``水曜``.
_WEEKDAY_RE = re.compile(
    r"[*_]{0,2}(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?|[月火水木金土日]曜日?)[*_]{0,2}", re.I
)
_DAY_INITIALS = frozenset("MTWFSmtwfs月火水木金土日")
#: What the author did that day: a verb in the past (``did``, ``reworked``, ``took a day off``), ``I …``, or a
#: Japanese clause in the past (``模試を解いた``, ``休んだ``).
_DID_RE = re.compile(
    r"(?:I |[Mm]y )|(?i:did|took|got|went|had|made|spent|started|finished|reworked|reviewed|studied|practi[cs]ed"
    r"|passed|failed|solved|watched|completed|tried|attempted|repeated|read through|rested|picked|chose|booked"
    r"|scheduled|wrote|learned|learnt)\b"
    r"|[^\n]{0,80}?(?:した|った|いた|いだ|んだ|えた|べた|きた|みた|だった)(?:[。、！!]|\Z)"
)


def is_day_log(node: Node) -> bool:
    """A list of at least three items, two thirds of them a day of the week, a colon and what the author did
    (``**Monday**: did my first mock exam``, ``月曜日：模試を解いた``): the author's week, not facts. A day's
    lecture, a word's origin or translation (``Tuesday: named after Tiw``, ``火曜日: 火星に対応``) is a fact."""
    items = node.children
    if len(items) < 3:
        return False
    others = len(items) - -(-2 * len(items) // 3)  # items that may be no day of the author's
    for li in items:
        chs = li.children
        day = False
        if chs and chs[0].kind == "paragraph" and chs[0].content.lstrip("*_")[:1] in _DAY_INITIALS:
            content = chs[0].content
            cut = min((k for k in (content.find(":"), content.find("：")) if k >= 0), default=-1)
            if cut > 0 and _WEEKDAY_RE.fullmatch(content[:cut].strip()):
                day = _DID_RE.match(content[cut + 1 :].strip()) is not None
        if not day:
            others -= 1
            if others < 0:
                return False
    return True


#: An item that ends on a time in a recording (``minmax 28:16``, ``Keynote (1:02:30)``): its hours or minutes, then
#: two digits.
_ENDS_ON_TIME_RE = re.compile(r"(?<![\d:.+\-−])(?:([0-9]{1,2}):)?([0-9]{1,2}):[0-5][0-9][)\]）]?[ \t]*\Z")


def is_time_index(node: Node) -> bool:
    """A list of at least two short items, each one line ending on a time later than the one before, one of them
    past any clock time (``minmax 28:16``, ``Keynote 1:02:30``): where in a recording each topic comes, an index,
    not facts. A time that is the fact stays: after a term and its colon (``JST: UTC+09:00``), in results not in
    order (``Men's marathon world record Kiptum 2:00:35``), or a day's hours (``前場の開始 9:00``)."""
    items = node.children
    if len(items) < 2:
        return False
    offset = False
    last = -1  # the times go on, each after the one before (results, "10 km 28:30", are no index)
    for li in items:
        chs = li.children
        if len(chs) != 1 or chs[0].kind != "paragraph":
            return False
        content = chs[0].content.strip()
        if "\n" in content or len(content) > 80 or ":" in content[:-8] or "：" in content:
            return False
        m = _ENDS_ON_TIME_RE.search(content)
        if m is None:
            return False
        seconds = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + int(m.group(0).rstrip(")]） \t")[-2:])
        if seconds <= last:
            return False
        last = seconds
        # (h:mm:ss, past 23, or 0:00 where a recording starts)
        offset = offset or m.group(1) is not None or int(m.group(2)) >= 24 or seconds == 0
    return offset


def lists_headings(node: Node, headings: frozenset[str]) -> bool:
    """A list at least three of whose items, and a third of them, are only the name of one of the note's
    ``headings`` (normalised) with nothing under it: the note's table of contents (``* AWS Direct Connect`` over
    ``## AWS Direct Connect``; the headings of a note being written are fewer than its list)."""
    items = node.children
    if len(items) < 3 or not headings:
        return False
    named = sum(
        1
        for li in items
        if len(li.children) == 1
        and li.children[0].kind == "paragraph"
        and normalise(plain(li.children[0].content)) in headings
    )
    return named >= 3 and named * 3 >= len(items)


#: A heading or label over the list of talks the author attended: ``聞いた発表``, ``参加したセッション``,
#: ``Talks I attended``.
ATTENDED_RE = re.compile(
    r"(?:聞いた|聴いた|見た|観た|視聴した|参加した|聴講した|行った)(?:発表|セッション|トーク|講演|LT)"
    r"|\b(?:talks?|sessions?) I (?:attended|saw|watched|went to)\b|\battended (?:talks|sessions)\b"
    r"|(?:以下|下記)の?(?:セッション|発表|講演|トーク)?に参加(?!者)|次の(?:セッション|発表|講演|トーク)に参加",
    re.I,
)


#: A heading or label that asks for a comparison: ``PUT と PATCH の違い``, ``SQS vs SNS``, ``Differences between …``.
COMPARED_RE = re.compile(r"違い|比較|\bvs\.?(?:\s|$)|\bversus\b|\bdifferences?\b|\bcompared\b", re.I)


def is_image_only(content: str) -> bool:
    return ("![" in content or "<img" in content.lower()) and is_only_image(content)


def is_statement(text: str) -> bool:
    """An English sentence that says something (``Each zone only has 1 voting member``), not a term, a task
    (``Check that it is running``) or a term and its definition (``Check: `pg_lsclusters` ``)."""
    return (
        is_clause(text)
        and ":" not in text
        and "：" not in text
        and text.split(" ", 1)[0].casefold() not in INSTRUCTION_VERBS
    )


def sub_lines(items: tuple[Item, ...], depth: int = 1) -> list[str]:
    """Sub-items under a definition's text: one line each, indented by depth (no bullet marks in a string)."""
    out: list[str] = []
    for item in items:
        out.append("  " * depth + item.text)
        out.extend(sub_lines(item.children, depth + 1))
    return out


#: The width of a card's back on an 80-column terminal (the study screen's border and padding taken off).
SCREEN_COLUMNS = 76


def screen_lines(items: tuple[Item, ...] | list[Item], depth: int = 0) -> int:
    """How many lines a list of items takes on an 80-column screen: each item behind its bullet and indent, wrapped,
    a wide (CJK) character taking two columns."""
    n = 0
    for item in items:
        text = item.text
        if 2 * len(text) + 2 + 2 * depth <= SCREEN_COLUMNS:
            n += 1  # one line even if every character were wide: no need to measure it
        else:
            n += max(1, -(-(cell_len(text) + 2 + 2 * depth) // SCREEN_COLUMNS))
        if item.children:
            n += screen_lines(item.children, depth + 1)
    return n


def list_front(kind: str, subject: str, n: int) -> str:
    """The front of a list card: its subject and how many points (or steps, in order) it holds."""
    if kind == "sequence":
        return f"{subject} — {n} step{'s' if n != 1 else ''}, in order"
    return f"{subject} — {n} point{'s' if n != 1 else ''}"


def back_lines(items: tuple[Item, ...] | list[Item]) -> int:
    """How many lines a list of items takes on a card's back, nested items included."""
    n = len(items)
    for item in items:
        if item.children:
            n += back_lines(item.children)
    return n


#: What may stand between a numbered list's steps, the numbers going on after it: code, a table, a paragraph that
#: explains (see ``_explains``).
_BETWEEN_STEPS = ("code", "table", "paragraph")


def _explains(node: Node) -> bool:
    """A paragraph between numbered steps that explains, and labels nothing: a sentence, or longer than a label
    (``Optional hardening``, ``■ 権限まわり``, ``Then, in production:`` label the steps after them)."""
    text = node.content.rstrip()
    return not text.endswith((":", "：")) and (len(text) > LABEL_MAX_CHARS or text.endswith(SENTENCE_ENDS))


def merged_steps(nodes: list[Node]) -> list[Node]:
    """``nodes`` with a numbered list whose numbers go on after code, a table or a paragraph (``1. create the file``,
    its YAML, ``2. apply it``) joined to the list before it; what stood between comes after the joined list."""
    out: list[Node] = []
    i, n = 0, len(nodes)
    while i < n:
        node = nodes[i]
        i += 1
        if node.kind != "ordered_list":
            out.append(node)
            continue
        between: list[Node] = []
        j = i
        while True:
            while j < n and nodes[j].kind in _BETWEEN_STEPS and (nodes[j].kind != "paragraph" or _explains(nodes[j])):
                j += 1
            if j < n and nodes[j].kind == "ordered_list" and nodes[j].level == node.level + len(node.children):
                between.extend(nodes[i:j])
                node = node._replace(end=nodes[j].end, children=node.children + nodes[j].children)
                i = j = j + 1
            else:
                break
        out.append(node)
        out.extend(between)
    return out


#: A line that is a name in bold or italics alone: ``**Security**``, ``*Assigned Membership*``.
_EMPHASISED_LINE_RE = re.compile(r"([*_]{1,2})[^*_\n]{1,80}\1")


def emphasised_names(content: str) -> bool:
    """Lines that are each a name in bold or italics alone (``**Security**`` / ``**Microsoft 365**`` / ``**Owners**``):
    names, one a line, no term and its explanation."""
    found = [_EMPHASISED_LINE_RE.fullmatch(t.strip()) for t in content.split("\n")]
    # ("**ephemeral**" over "*lasting for a very short time*": a term and its gloss, set apart)
    first = found[0]
    return first is not None and all(
        m is not None and len(m.group(0)) <= 44 and m.group(1) == first.group(1) for m in found
    )


__all__ = [
    "emphasised_names",
    "merged_steps",
    "ATTENDED_RE",
    "COMPARED_RE",
    "is_image_only",
    "is_statement",
    "INSTRUCTION_VERBS",
    "LINK_ONLY_RE",
    "STEP_ITEM_RE",
    "TOC_ITEM_RE",
    "are_steps",
    "is_course_outline",
    "is_keyword",
    "is_keyword_outline",
    "list_front",
    "screen_lines",
    "is_lecture",
    "is_navigation",
    "is_talk_title",
    "mostly",
    "two_thirds",
    "attach_bullets",
    "back_lines",
    "sub_lines",
    "is_toc",
    "says_order",
    "strip_lecture",
    "with_arrow",
]
