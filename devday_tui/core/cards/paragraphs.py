"""Rules on paragraphs and one-line items: ``definition``, ``term-line``, ``remark-term`` and ``url-only``; the
``cloze`` rule on their bold parts is in :mod:`.clozes`."""

from __future__ import annotations

import re
from typing import NamedTuple

from devday_tui.core.cards.blocks import Node, new, node_text
from devday_tui.core.cards.bullets import is_footnote
from devday_tui.core.cards.chatter import is_clock_time
from devday_tui.core.cards.choices import OPTION_KEYS
from devday_tui.core.cards.clozes import SMALL_WORDS, ClozeRules
from devday_tui.core.cards.embedded import in_math, is_link_lines, is_unfenced_code, shell_text, wraps_on
from devday_tui.core.cards.maker import CAPPED, MAX_BACK_LINES
from devday_tui.core.cards.markup import split_br
from devday_tui.core.cards.metadata import is_note_field
from devday_tui.core.cards.questions import is_number_heading, is_numbered_objective, is_restated, numbered_alike
from devday_tui.core.cards.shapes import LINK_ONLY_RE, emphasised_names
from devday_tui.core.cards.split import split_code_term
from devday_tui.core.cards.terms import (
    LEAD_ARROW_RE,
    MAYBE_TERM_RE,
    MIN_ANSWER_CHARS,
    is_aside_word,
    is_score,
    is_tags,
    is_update_notice,
    is_vague,
    label_ok,
    split_definition,
    term_line,
)
from devday_tui.core.text import (
    _SPECIAL_RE,
    Inline,
    inline,
    is_bare_link,
    join_lines,
    normalise,
    plain,
)

#: What ``definition`` returns for a definition that is nothing to learn: only a URL, or chatter (``所感: …``).
URL_ONLY = -2
#: How a word ends that names where to read more: ``Docs``, ``Microsoft Learn``, ``公式ドキュメント``, ``…の資料``.
_SOURCE_WORD_RE = re.compile(
    r"(?:docs?|documentation|reference|references|learn|links?|see(?: also)?|source|slides|video|blog|article|paper"
    r"|参考|参照|資料|出典|引用|公式|ドキュメント|リンク|詳細|動画|スライド|ブログ|記事)\Z",
    re.I,
)
#: A name and a colon before what follows it on the line: ``Microsoft Learn: ``, ``参考：``.
_NAME_COLON_RE = re.compile(r"\A[ \t]*+[^\[\]:：\n]{1,80}[:：][ \t]*+")


#: The line after a linked page's title that says where it is from (``Qiita記事 @naoki_mochizuki``) is this short,
#: and names a site, a blog or an author.
_SOURCE_MAX_CHARS = 40
_SITE_RE = re.compile(
    r"ブログ|blog|qiita|zenn|note\.com|medium|dev\.to|hatena|はてな|記事|サイト|site|ホームページ|HP\b|公式|@\w|「|by ",
    re.I,
)


def is_page_citation(content: str) -> bool:
    """Two lines: a link alone, then where the page is from (``[TCP/IPとは？…完全ガイド](https://…)`` then ``ブログ
    「LIFESTYLE LAB」``, ``Qiita記事 @naoki``): a reference to read, neither a term and its definition nor a
    heading's definition (``[Pod](…)`` then ``the smallest deployable unit`` is a term)."""
    first, _, second = content.strip().partition("\n")
    shown = plain(second).strip()
    return (
        first[:1] == "["
        and "](" in first
        and "\n" not in second
        and 0 < len(shown) <= _SOURCE_MAX_CHARS
        and _SITE_RE.search(shown) is not None
        and LINK_ONLY_RE.fullmatch(first.strip()) is not None
    )


def _links_only(raw: str) -> bool:
    """``Microsoft Learn: [Azure リソースの…認証する](https://docs.microsoft.com/…)``, ``Docs: [Kubernetes docs](…)``:
    a word that names where to read more, then only a link to a page: a page to read, no definition
    (``IAM: [Identity and Access Management](…)`` is a term whose definition is linked)."""
    m = _NAME_COLON_RE.match(raw)
    return (
        m is not None
        and _SOURCE_WORD_RE.search(raw[: m.end()].rstrip(" \t:：")) is not None
        and LINK_ONLY_RE.fullmatch(raw.rstrip(), m.end()) is not None
    )


#: ``definition`` made no card, and a list shows the term alone (a principle whose gloss restates it).
NAME_ONLY = -3


#: A bold name's explanation (``bold-term``) holds at least this many characters (spaces not counted), at most
#: the longer: a longer text is a passage of its own, not what the name means.
MIN_EXPLANATION_CHARS = 20
MAX_EXPLANATION_CHARS = 400
#: What opens an explanation without being part of it: an arrow, or a word that only says "it means".
_EXPLANATION_LEAD_RE = re.compile(r"\A(?:[-=]{1,3}>|→|⇒|(?:Definition|Meaning|定義|意味)[ \t]{0,4}[:：])[ \t]*", re.I)
#: A line that opens with a bold capital, the rest of its word after it: ``**A**tomic``, ``**B**asically **A**vailable``
#: (three lines or more: ``**x**-axis``, ``**k**-means`` and ``**1**st`` spell nothing).
_ACRONYM_LINE_RE = re.compile(r"\*\*[A-Z]\*\*[a-z]")
_BOLD_LETTER_RE = re.compile(r"\*\*([A-Z])\*\*")
#: A paragraph that opens with a bold name of its own, then goes on: ``**Scalability** is …``, ``**Agility**: …``.
_OWN_BOLD_TERM_RE = re.compile(r"\A[ \t]*+(?:\*\*([^*\n]{1,60})\*\*|__([^_\n]{1,60})__)[ \t]*+\S")
#: An example (``Example: …``, ``例：…``) longer than this is a story to read, not an answer to recall.
EXAMPLE_MAX_CHARS = 200
_EXAMPLE_WORDS = frozenset(
    ("example", "examples", "ex", "e.g", "eg", "for example", "例", "実例", "事例", "具体例", "例えば")
)
#: Blocks that a one-line paragraph right before them names.
LABELLED = frozenset(("bullet_list", "ordered_list", "table"))
#: A paragraph that is one bold name, a symbol or emoji before it allowed: ``🟢 **Credential Harvesting**``,
#: ``■ **Worm**:``.
_BOLD_NAME_RE = re.compile(
    r"(?:[^\w\s*_\[(（]{1,3}[ \t]*)?(?:\*\*([^*\n]{1,60})\*\*|__([^_\n]{1,60})__)[ \t]*[:：]?[ \t]*"
)


def is_example(text: str) -> bool:
    """Text that opens with an example's word and a colon: ``Example: …``, ``例：…``, ``e.g. …``."""
    head, colon, _ = text[:24].partition(":")
    if not colon:
        head, colon, _ = text[:24].partition("：")
    return bool(colon) and normalise(head).strip(" .") in _EXAMPLE_WORDS


def bold_name(content: str) -> str | None:
    """The name a one-line paragraph of only a bold name gives, or None (prose, a sentence, a link)."""
    if "\n" in content:
        return None
    m = _BOLD_NAME_RE.fullmatch(content.strip())
    if m is None:
        return None
    name = " ".join(plain(m.group(1) or m.group(2)).split()).rstrip(":：").strip()
    if name[:1] in "[【" and name[-1:] in "]】":
        name = name[1:-1].strip()  # "**[Router on a stick]**": the brackets only set the name apart
    if not name or name.endswith(("。", ".")) or _CRY_RE.search(name) or not label_ok(name):
        return None  # ("**ということは⋯！**" then the answer: a cry, no name; "**注意！**" is a remark)
    return name


#: A bold line that is a cry, a sentence trailing off before its "!": ``ということは⋯！``, ``そうなんです！``.
_CRY_RE = re.compile(r"(?:[…⋯]|\.\.\.|[はねよなのだす])[!！]+\Z")


def term_line_ends(text: str) -> bool:
    """A first line that ends like a sentence or a clause: it names nothing after it."""
    return text.endswith(("。", ".", "、", ",", "!", "！"))


def sub_line(text: str) -> str:
    """A definition's next line: ``- detail`` indented too deep to be a list, or ``** detail`` (a wiki's sub-bullet:
    bold never opens on a space), is kept as an indented sub-line without its mark."""
    if text[:2] in ("- ", "* ", "+ "):
        return "  " + text[2:].lstrip()
    if text.startswith(("** ", "*** ")):
        return "  " + text.lstrip("*").lstrip()
    return text


def _is_tag_line(line: str) -> bool:
    """A line of tags: up to three words (``rl``, ``Machine Learning``, ``🤖 AI``), hashtags (``#k8s #aws``) or words
    between commas (``C++, C#, .NET``); no sentence (``HTML elements are delimited by … tags.``)."""
    line = line.strip()
    if not line or len(line) > 60 or line.endswith((".", "。", "！", "!", "?", "？")):
        return False
    if "," in line or line.startswith("#"):
        return True
    return len(line.split()) <= 3


#: A line's last word that no name ends with: ``Generation gaps was`` (``Plan A``, ``Sign in`` are names).
_FUNCTION_WORD_END_RE = re.compile(
    r"(?<![\w-])(?:a|an|the|of|to|for|with|and|or|but|is|are|was|were|be|been|has|have|had|that|which|as|by|from)\Z"
)
#: A term of the author's own: ``My score``, ``My take``, ``私の感想`` (``My Apps``, ``自分の責任範囲`` are names).
_MY_TERM_RE = re.compile(
    r"[*_]{0,2}(?:My (?:score|take|rating|thoughts?|opinion|verdict|impressions?|review|experience|results?)\b"
    r"|(?:私|僕|自分)の(?:感想|評価|点数|スコア|結果|意見|所感|考え))",
    re.I,
)


class Para(NamedTuple):
    #: The paragraph as one line of plain text, or its term when it is a definition.
    text: str
    #: True when the paragraph made a card of its own (a definition).
    own_card: bool
    #: True for a short line with its explanation on the next lines: the term also names a list right after.
    term_line: bool = False
    #: The index of the definition card it made (to add a bullet's sub-items to its back), or -1.
    card: int = -1
    #: A definition's first line as written (``gp2 = General Purpose SSD``), to show it in a list.
    line: str = ""


def joined_links(lines: list[str]) -> list[tuple[int, str]]:
    """The lines of a paragraph with their indexes; a link whose text a wrapped line cut (``**[Koichiro`` then
    ``Nishijima](http://…)**``, as Pandoc and some editors wrap) is joined into the first of its lines."""
    out: list[tuple[int, str]] = []
    for i, raw in enumerate(lines):
        if out and out[-1][1].count("[") > out[-1][1].count("]") and "](" in raw and i - 1 == out[-1][0]:
            out[-1] = (out[-1][0], f"{out[-1][1]} {raw.lstrip()}")
            continue
        out.append((i, raw))
    return out


class ParagraphRules(ClozeRules):
    """Mixin of :class:`devday_tui.core.cards.builder.Builder`."""

    def bold_term(self, node: Node, nxt: Node, after: Node | None) -> bool:
        """A paragraph that is only a bold name (``🟢 **Fileless Viruses**``), then a paragraph that explains it: a
        ``bold-term`` card, name → that paragraph. False (nothing read) when they are not that, or when that
        paragraph is one line naming the list or table ``after`` it."""
        term = bold_name(node.content)
        if term is None or (after is not None and after.kind in LABELLED and "\n" not in nxt.content):
            return False
        body = node_text(nxt)
        own = _OWN_BOLD_TERM_RE.match(nxt.content)
        if (
            own is not None
            and normalise(plain(own.group(1) or own.group(2)).rstrip(" :：")) != normalise(term)
            and not _EXPLANATION_LEAD_RE.match(body)
        ):
            # "**High Availability**" left empty, then "**Scalability** is …": that paragraph names its own term
            # ("**冪等性**" then "**冪等性**とは、…" names the same one)
            return False
        # "-> Layer2スイッチの…", "Definition: Is a measurement of …": the lead only said "here is what it means"
        body = _EXPLANATION_LEAD_RE.sub("", body, count=1) or body
        size = len(body) - body.count(" ") - body.count("\n")
        if size < MIN_EXPLANATION_CHARS or size > MAX_EXPLANATION_CHARS or body.count("\n") >= MAX_BACK_LINES:
            return False
        if body.endswith((":", "：")):
            return False  # "There are two kinds:" introduces what follows, it explains nothing by itself
        self.definition(term, body, node.start, rule="bold-term")
        return True

    def definition(self, term: str, body: str, line0: int, rule: str = "definition") -> int:
        """A ``definition`` card, unless its whole definition is a URL; a remark word takes its context."""
        if term.casefold() in SMALL_WORDS:
            # "… is: \begin{equation*} T = 2V \end{equation*}": a word of a sentence, not a term.
            self.drop(line0, "too-short", f"{term!r} is no term")
            return -1
        if is_bare_link(body):
            self.drop(line0, "url-only", f"{term!r}: its whole definition is a URL")
            return URL_ONLY
        if is_note_field(term, body):
            self.drop(line0, "metadata", f"{term!r}: a field of the note itself, not a fact")
            return URL_ONLY
        if is_clock_time(term):
            self.drop(line0, "metadata", f"{term!r}: a time of the event's schedule, not a fact")
            return URL_ONLY
        if term in OPTION_KEYS:
            self.drop(line0, "choice-question", f"{term!r}: an option's explanation; its key alone asks nothing")
            return -1
        if self.is_chatter(term) or is_update_notice(term) or is_score(term, body) or _MY_TERM_RE.match(term):
            self.drop(line0, "chatter-term", f"{term!r}: a remark of the author's, not a fact")
            return URL_ONLY
        if term[:1] in "Tt" and is_numbered_objective(f"{term}: {body}"):
            self.drop(line0, "objectives", f"{term!r}: an exam guide's objective, not a fact")
            return -1
        if body[:1].isupper() and is_restated(term, body):
            self.drop(line0, "restated", f"{term!r}: a principle glossed in other words; its list names it")
            return NAME_ONLY
        if is_aside_word(term):
            self.drop(line0, "aside", f"{term!r}: the author's aside; no front can ask for it")
            return -1
        if is_vague(term, shouted=False):  # "例: …", "Day 1: …": the context says of what
            if len(body) > EXAMPLE_MAX_CHARS and normalise(term).strip(" .:") in _EXAMPLE_WORDS:
                # "Example: A malicious actor knows that the targeted business…" and two sentences more: a story
                # that illustrates, no answer to recall (blind judges dropped all six of over 200 characters)
                self.drop(line0, "long-example", f"{term!r}: an example of {len(body)} characters, a story to read")
                return -1
            front = f"{self.in_context()} › {term}"
            return self.add("remark-term", "definition", front, front, body, line0)
        return self.add(rule, "definition", term, term, body, line0)

    def code_term(self, inl: Inline) -> tuple[str, str] | None:
        """A line opening with inline code as a command and what it does (see ``split_code_term``), where the section
        allows it and the line holds no cloze of the author's (``**symbolic ref**``; ``**all**`` hides too little)."""
        if not self.code_terms or any(b - a > 4 for a, b in inl.marks):
            return None
        return split_code_term(inl)

    def paragraph(self, node: Node, *, label: bool = False) -> Para:
        content = node.content
        if content[:2] == "$$" or (content[:1] in " \t" and content.lstrip()[:2] == "$$"):
            # Display math: a formula split at its `=` or `-` is no term and its definition.
            self.drop(node.start, "code-block", "display math ($$…$$) makes no card")
            return Para("", False)
        if is_unfenced_code(content):
            # `variable "regions" {` / `type = list(string)` / `}`: code pasted without a fence, its `=` no term's
            self.drop(node.start, "code-block", "code or console output pasted without a fence makes no card")
            return Para("", False)
        if is_link_lines(content):
            # "[ref2](…)" then "[ref3](…)": links to read, one a line, no term and its explanation
            self.drop(node.start, "url-only", "a paragraph of links, one a line: a reading list, not a fact")
            return Para("", False)
        if content[:2] == "**" and "\n" in content:
            lines = [t.strip() for t in content.split("\n")]
            if all(map(_ACRONYM_LINE_RE.match, lines)):
                # "**A**tomic" / "**C**onsistent" / "**I**solated" / "**D**urable": an acronym spelt out, ACID (two
                # such lines, "**R**ecovery **P**oint Objective" / "**R**ecovery **T**ime Objective", are two names)
                shown = [plain(t) for t in lines]
                if len(lines) >= 3:
                    letters = "".join(m.group(1) for t in lines for m in _BOLD_LETTER_RE.finditer(t))
                    self.add("acronym", "definition", letters, letters, "\n".join(shown), node.start)
                if not any(map(MAYBE_TERM_RE.search, shown)):
                    return Para("", False)  # (lines that define, "**A**tomicity: …", are cards of their own too)
        if content[:1] == "#" and is_tags(content):
            self.drop(node.start, "metadata", "a paragraph of tags (#statistica_descrittiva), not a fact")
            return Para("", False)
        if "\n" not in content and not self.used and "<" not in content:
            # One line: the common case, kept short.
            inl = inline(content) if _SPECIAL_RE.search(content) else new(Inline, (content, (), ()))
            text = inl.text.strip()
            if not text:
                return Para("", False)
            self.text_chars += len(text) - text.count(" ")
            found = split_definition(inl) if MAYBE_TERM_RE.search(text) else None
            rule = "definition"
            if found is None and content[:1] == "`" and (found := self.code_term(inl)):
                rule = "code-term"  # "`terraform init` configures the backend": the command, then what it does
            if found and "](" in content and _links_only(content):
                self.drop(node.start, "url-only", f"{found[0]!r}: its whole definition is a link to a page")
                return Para("", False)
            if found:
                at = self.definition(found[0], found[1], node.start, rule)
                if at >= 0 or at == CAPPED:
                    return Para(found[0], True, False, at, text)
                if at == NAME_ONLY:  # a list shows the principle's name, not its gloss
                    return Para(found[0], False)
                return Para("", False) if at == URL_ONLY else Para(text, False)
            if inl.marks and not label:
                self.cloze([(node.start, inl)])
            return Para(text, False)
        parts: list[tuple[int, Inline]] = []
        linked: set[int] = set()  # the lines of a name and a link only: "Microsoft Learn: [title](…)"
        coded: set[int] = set()  # the lines opening with inline code
        code_defs: set[int] = set()  # the lines where a command's definition starts (code-term)
        for i, raw in joined_links(content.split("\n")):
            line0 = node.start + i
            if line0 in self.used:
                continue
            if raw[-1:] == "\\" and raw.count("\\") == 1 and raw[-2:-1] not in " \t":
                # "追記:\": a backslash ending a line breaks it and shows nothing ("C:\Files\", ": \" are values)
                raw = raw[:-1]
            if "](" in raw and _links_only(raw):
                linked.add(line0)
            if "<" in raw:  # `<br>` breaks the line
                parts.extend((line0, inline(piece)) for piece in split_br(raw))
            else:
                parts.append((line0, inline(raw)))
                if raw[:1] == "`":
                    coded.add(line0)
        if not parts:
            return Para("", False)
        full = join_lines([p.text for _, p in parts])
        self.text_chars += len(full) - full.count(" ")

        # Definitions: a line `TERM: DEFINITION` starts one; the lines after it, up to the next, continue it.
        defs: list[tuple[int, str, list[str]]] = []  # (line, term, definition lines)
        prose: list[tuple[int, Inline]] = []
        # "Term - detail" then "→ the answer": the arrow says the whole first line is what is asked about.
        arrow_next = len(parts) > 1 and LEAD_ARROW_RE.match(parts[1][1].text.lstrip()) is not None
        math = False  # inside `$…$` or `\begin{…}` math opened on an earlier line: no term split there
        found = None
        for k, (line0, inl) in enumerate(parts):
            wrap = k and found is None and line0 not in coded and wraps_on(parts[k - 1][1].text, inl.text)
            # a command's explanation going on past a comma ("`map` returns, for each item," then "`f(x)` …")
            goes_on = bool(defs) and defs[-1][0] in code_defs and parts[k - 1][1].text.rstrip()[-1:] in ",、，(（"
            if (k == 0 and arrow_next) or math or wrap:
                found = None  # an arrow's line, math, or prose wrapped onto this line: no term starts here
            else:
                found = split_definition(inl)
                if found is None and line0 in coded and not goes_on and (found := self.code_term(inl)):
                    code_defs.add(line0)
            if "$" in inl.text or "\\begin{" in inl.text or "\\end{" in inl.text:
                math = in_math(shell_text(inl.text), math)  # ("$ echo $SHELL": a prompt and a variable)
            if found:
                defs.append((line0, found[0], [found[1]]))
            elif defs and (goes_on or not (line0 in coded and defs[-1][0] in code_defs)):  # (no other command's)
                t = sub_line(inl.text.strip())
                if t:
                    defs[-1][2].append(t)
            else:
                prose.append((line0, inl))
        first: Para | None = None
        url_only = 0
        # "Encapsulation" then "Layer 4: TCP Header + Application Data" lines: the first line names the definitions
        # after it, as a label names a list (they join its breadcrumb, and no other "Layer 4" of the note).
        named = ""
        if defs and len(prose) == 1 and prose[0][0] == parts[0][0]:
            head = prose[0][1].text.strip()
            bare = head.rstrip(":：").rstrip()
            if bare and label_ok(bare, colon=head != bare) and not term_line_ends(bare):
                named = f"{self.in_context()} › {bare}" if is_vague(bare) else bare
        if named:
            self.extra.append(named)
        try:
            for line0, defined, lines in defs:
                if line0 in linked and len(lines) == 1:
                    self.drop(line0, "url-only", f"{defined!r}: its whole definition is a link to a page")
                    url_only += 1
                    continue
                at = self.definition(
                    defined, "\n".join(lines), line0, "code-term" if line0 in code_defs else "definition"
                )
                url_only += at == URL_ONLY
                if at >= 0 and first is None and line0 == parts[0][0]:
                    first = Para(defined, True, False, at, parts[0][1].text.strip())
        finally:
            if named:
                self.extra.pop()
        if defs and url_only == len(defs) and not prose:
            return Para("", False)  # nothing to learn here, not even as a list item
        # A short line with the explanation on the following lines of the same paragraph.
        if not defs and len(prose) >= 2 and not emphasised_names(content):  # (not "**Security**" / "**Owners**")
            term = term_line(prose[0][1].text, [p.text for _, p in prose[1:]])
            if term and _FUNCTION_WORD_END_RE.search(term) and prose[1][1].text.lstrip()[:1].islower():
                # "[Generation gaps](…) was" then "a talk in the history track": hard-wrapped prose ("Group by"
                # then "Splits rows…" is a term)
                self.drop(prose[0][0], "term-line", f"{term!r}: a sentence wrapped onto the next line, no term")
                term = None
            if term and len(prose) == 2 and is_footnote(prose[1][1].text, term):
                # "**原則として INSERT 1 文は 1 行を挿入すること**" then "※複数行 INSERT も可能だが非推奨"
                self.drop(prose[0][0], "term-line", f"{term!r}: the line under it is a footnote, not its explanation")
                return Para(full, False)  # (nor a cloze: the bold is the whole line)
            if term and len(prose) == 2 and is_page_citation(content):
                # "[TCP/IPとは？初心者が…完全ガイド](https://…)" then "ブログ「LIFESTYLE LAB」": a page's title and
                # where it is from, a reference to read
                self.drop(prose[0][0], "url-only", f"{term!r}: a linked page's title and its source, not a term")
                return Para("", False)
            if term and is_number_heading(term.rstrip(":：")):
                term = None  # "Question 23:" then the question: a number asks nothing, the lines after it do
            if term and numbered_alike(prose[0][1].text, [p.text for _, p in prose[1:]]):
                # "問１ リソースは停止する？" then "問２ …", "問３ …": questions written one per line, no term
                self.drop(prose[0][0], "term-line", f"{term!r}: the lines under it are numbered alike, its siblings")
                term = None
            if term:
                body = "\n".join(t for t in (sub_line(p.text.strip()) for _, p in prose[1:]) if t)
                # "Term" then "→ what follows from it": the arrow only said "here is the answer".
                body = LEAD_ARROW_RE.sub("", body, count=1) or body
                # "Term" then ": its definition" (a definition list, as in Pandoc and PHP Markdown Extra).
                if body[:1] in (":", "：") and body[1:2] in (" ", "\t", "\u3000"):
                    body = body[2:].lstrip() or body
                if is_bare_link(body) or self.is_chatter(term) or is_score(term, body):
                    # "詳しくは" then a URL: a pointer to read, not a fact
                    self.drop(prose[0][0], "url-only", f"{term!r}: its explanation is only a URL, or a citation")
                    return Para("", False)
                if is_note_field(term.rstrip(":："), body) and all(map(_is_tag_line, body.split("\n"))):
                    # "Tags:" then "[[rl]]", "[[cs]]" on the lines below (a sentence there is an explanation)
                    self.drop(prose[0][0], "metadata", f"{term!r}: a field of the note itself, not a fact")
                    return Para("", False)
                at = self.add("term-line", "definition", term, term, body, prose[0][0])
                if at >= 0:
                    return Para(term, True, True, at)
        if prose and not label:
            self.cloze(prose)
        return first if first is not None else Para(full, False)


__all__ = ["MIN_ANSWER_CHARS", "ParagraphRules", "Para", "is_page_citation"]
