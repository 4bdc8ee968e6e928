"""How usable the cards made from a folder of notes are, in figures a script can measure.

    python benchmarks/card_quality.py FOLDER [--source MODULE:FUNCTION] [--list] [--no-fail]

Every ``*.md`` under FOLDER (recursively) is read as UTF-8 and handed, unchanged (CRLF and BOM included), to the
card source: by default :func:`note_cards`, which calls ``devday_tui.core.parser.parse_note``. ``--source``
names another function taking ``(text, path)`` and returning cards with ``kind``, ``front``, ``back`` (a string,
or items with ``text`` and ``children``), ``line`` (1-based, in the file) and ``context`` (the breadcrumb); for
instance ``tests.corpus.cards:note_cards``, the function the corpus test uses. A file that cannot be read or
makes the source raise is reported on stderr and left out; the run goes on.

Figures over the cards (each figure counts every card on its own):

- **backs over 12 lines**: a string back's lines, or a list back's items with every nested item counted as a
  line. Goal: 0 cards.
- **markup left in**: in the front, the breadcrumb or the back, any of: an HTML tag (a known HTML element name
  such as ``<img …>``/``<br>``/``<details>``, any closing tag, any tag with an attribute such as
  ``<TabItem value=…>``; a bare ``<source>`` is a command's placeholder, ``git rebase -i <source>``), ``<!--`` (a lone ``-->`` is an arrow), an HTML entity (``&nbsp;``), a wiki link or
  embed (``[[…]]``), an Obsidian comment (``%%``), a Hugo shortcode (``{{<``, ``{{%``, ``>}}``, ``%}}``) or Jekyll tag (``{% gist …``), a
  Markdown link or image left as syntax (``](target)`` with no space in the target), a ``:::`` container fence
  (at the start or after a space, so ``arn:aws:s3:::bucket`` is text), a code fence (three backticks or
  tildes), a bold pair (``**…**``), LaTeX math with a command in it (``$\\frac{1}{n}$``), or a leading bullet in a label or an item (``・``, ``･``, ``-``/``－`` not
  followed by another one, so ``--force`` is text, nor by a flag's letters: ``-R(recursive)``, ``-fオプション``,
  nor by a formula: ``-logP(x)``).
  Single backticks are NOT counted: a code span shown verbatim reads well in a terminal, and notes about shells
  quote commands with them. ``<service>``-style placeholders are text. Goal: 0 cards.
- **generic front**: a front whose every ``›`` part, once the count suffix (`` — 3 points``, ``(1/2)``) and
  trailing ``:?？`` are taken off, is a remark or generic word (例, 事例, 補足, 注意, 前半, 後半, 感想, まとめ,
  Note, Example, Tips, Q&A, Summary, メリット …, see ``GENERIC``), a bare number (``17.``, ``Q17``, ``問3``,
  ``No. 4``), a Q/A marker (``Q``, ``A``, ``問``), empty, or holds ``(untitled``. No goal of its own: it counts
  against "usable", which people judge.
- **back only a URL**: every line of the back is a bare URL (``https://…``, ``<https://…>``, ``www.…``). No goal
  of its own.
- **duplicate front**: a card whose front (case, spaces and the count suffix ignored) equals an earlier card's
  front in the same note. No goal of its own.

Figures over the SOURCE of the notes, found without the parser (YAML or TOML frontmatter, fenced code, code
shortcodes such as ``{{< highlight >}}``, tables, headings, HTML and ``%%`` comments, HTML lines (and a tag's
attributes on lines of their own), shortcode lines and footnote definitions are never looked at; ``<br>`` splits a line):

- **term: definition recall**: lines ``term: definition`` (ASCII colon followed by a space) or
  ``term：definition``, after an optional bullet or number and indentation (spaces, tabs, U+3000), where the term
  is 1-30 characters once ``**``/backticks/wiki brackets are removed, holds no ``。``, does not end in ``.``, has
  no ``is``/``are``/``was``/``were`` (prose such as "The idea is simple: …"), is not a remark word (``Note``,
  ``例`` …), a Q/A marker (``Q``, ``A``, ``Q3``, ``問``; an exam question's ``正解``, ``Answer`` and ``解説``, which
  its card's back shows) or answer letters (``D A``), and the definition is not
  empty and not only a URL.
  Colons inside code spans, link text, URLs or brackets (``（例: …）``) do not count; lines holding ``::`` are
  hand-written cards and are left out, and so are a step's or a day's line (``Step 1: …``, ``Day 2: …``: the
  note format keeps them whole, as it does a story's ``Try 3: …`` and ``First issue: …``), a callout's title (``[!INFO] Analogy: …``), and a line that is not a list item when the line before it is
  prose (over 40 characters, no colon, not itself a definition) whose sentence it continues. Such a line is
  captured when a card at that line has the term in its front, or any card in the note has the term as a ``›``
  part of its front. Goal: at least 95%. Lines that the note format says are no fact to learn are not counted,
  carded or not: an exam guide's numbered objectives (``Task Statement 1.1: …``), the author's background back
  then (``当時…``), a talk's or a course's logistics (the term is one of ``LOGISTICS``: ``登壇者``, ``Track``,
  ``Language``, ``Reading material``…), a term named like a chatter heading (``Disclaimer: …``) and lines under a
  chatter heading (``CHATTER_HEADINGS``: 感想, 自己紹介, スポンサー…, and the headings under it). Both lists are
  the note format's, read from the package. Nor are principles glossed by one more instruction
  (``Automate security best practices: Use automation to …``: the note format's ``restated`` rule, tested with
  the package's own :func:`~devday_tui.core.cards.questions.is_restated`), whose names their list card holds,
  nor a definition that only translates its term (``Quality: 品質``, the package's ``is_translation``), nor one
  that only names a person (``講演: @yasulab さん``), asks instead of answering (``Challenge: What if …?``) or is the
  author's impression (the package's ``is_impression``) or a score of theirs (``正解率: 80%``, the package's ``is_score``);
  YAML pasted without a fence is code (the package's ``blank_yaml``), and so is a paragraph of code or console
  output pasted without a fence (the package's ``is_unfenced_code``). Nor is a page's title with its link on the
  next line (``SegNet: 画像セグメンテーションニューラルネットワーク`` then its URL: the note format's ``url-only``).
  Their numbers are printed beside the figure, and ``--list`` lists them.
- **other separators recall** (``・・・``, ``…``, ``＝``, `` = ``, `` — ``, `` – ``, with the same limits on the
  term): the same test. Printed for information, no goal.
- **parent bullets carded**: list items (``-``, ``*``, ``+``, ``1.``, ``1)``, ``・``, ``-item``/``－item`` with
  no space) whose next non-blank line is a list item indented deeper (a tab counts 4 columns, U+3000 two), and
  whose own text is not empty once markup is dropped. Carded when a card starts at the item's line (other than a
  list card that only has the item among its back's items, such as a heading's list starting at its first item),
  or a card's front contains the item's text. Items under a chatter heading are not counted, nor an item that
  says the author did not follow what is under it (``わからん``: the package's ``is_lost``). Goal: at least 80%.

The last line is ``goals: met`` or ``goals: missed (…)``; the exit status is 1 when a goal is missed, unless
``--no-fail``. ``--list`` prints every card or source line behind a figure, as ``path:line``.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devday_tui.core.cards.bullets import is_lost  # noqa: E402
from devday_tui.core.cards.chatter import DEFAULT_SKIP_SECTIONS  # noqa: E402
from devday_tui.core.cards.embedded import is_unfenced_code  # noqa: E402
from devday_tui.core.cards.maker import PERSON_RE, is_wondering  # noqa: E402
from devday_tui.core.cards.terms import DETAIL_FIELDS, TALK_FIELDS, is_score  # noqa: E402
from devday_tui.core.model import NOTE_SUFFIXES  # noqa: E402

MAX_BACK_LINES = 12
TERM_MAX_CHARS = 30
#: A value that only names a person (``@yasulab さん``, ``松本 亮介さん``): the parser's own pattern.
PERSON_ONLY = PERSON_RE
#: A line longer than this, without a colon, is prose: the line after it continues its sentence.
PROSE_CHARS = 40
_PAIRS = (("(", ")"), ("（", "）"), ("[", "]"), ("「", "」"), ("【", "】"))


def is_restated(term: str, definition: str) -> bool:
    """The note format's ``restated`` test (a principle glossed in other words), from the package."""
    from devday_tui.core.cards.questions import is_restated as restated

    return restated(term, definition)


def is_numbered_objective(line: str) -> bool:
    """The note format's test of an exam guide's numbered objective (``Task Statement 1.1: Design …``)."""
    from devday_tui.core.cards.questions import is_numbered_objective as objective

    return objective(line)


def is_impression(definition: str) -> bool:
    """The note format's test of the author's impressions and day (``正直…``, ``…と思いました``), from the package."""
    from devday_tui.core.cards.impressions import is_impression as impression

    return impression(definition)


def is_translation(term: str, definition: str) -> bool:
    """The note format's test of a back that only translates its front (``Quality: 品質``), from the package."""
    from devday_tui.core.cards.backs import is_translation as translation

    return len(definition) <= 30 and translation(term, definition)


def note_cards(text: str, path: Path) -> list[Any]:
    """The default card source: the package's parser."""
    from devday_tui.core.parser import parse_note

    return list(parse_note(text, path, path.name).cards)


def load_source(spec: str) -> Callable[[str, Path], Iterable[Any]]:
    module, _, name = spec.partition(":")
    if not module or not name:
        raise SystemExit(f"--source must look like package.module:function, not {spec!r}")
    return getattr(importlib.import_module(module), name)


# --- text helpers ---------------------------------------------------------------------------------------------

GENERIC = frozenset(
    """例 例え 実例 事例 具体例 補足 注意 注 備考 メモ 前半 後半 中盤 前編 後編 その他 他 感想 所感 雑感 まとめ 概要 詳細
    ポイント 結論 質疑応答 質問 q&a qa q&a q/a tl;dr tldr note notes memo example examples e.g. e.g eg ex ex. ps p.s.
    tip tips hint warning caution important misc other others summary overview details better info todo wip
    tbd pros cons merits demerits advantages disadvantages メリット デメリット 利点 欠点 特徴 対策 手順 使い方 課題
    注意点 参考 references links remember 要確認 確認したい あとで 後で fixme""".split()
) | {"see also", "q & a"}
_QA_TERMS = frozenset(
    {
        "q",
        "a",
        "問",
        "答",
        "答え",
        "question",
        "answer",
        "質問",
        "回答",
        "正解",
        "解答",
        "正答",
        "correct answer",
        "解説",
        "explanation",
    }
)
_NUMBER_FRONT = re.compile(r"^(?:q|問|no\.?|#|question|第)?\s*\d+\s*[.)．:：問]?$", re.I)
_COUNT_SUFFIX = re.compile(r"(?<!\s)\s+[—–-]\s+\d+\b[^›]*$|(?<!\s)\s*\(\d+\s*/\s*\d+\)\s*$")
_URL_ONLY = re.compile(r"^(?:<?https?://\S+?>?|www\.\S+)$")
_HTML_NAMES = (
    "a abbr b big blockquote br center code dd del details div dl dt em figcaption figure font h1 h2 h3 h4 h5 h6 "
    "hr i iframe img ins kbd li mark ol p picture pre q s small span strong sub summary sup table tbody td "
    "th thead tr u ul video audio"
).split()
MARKUP = {
    "html": re.compile(
        r"<(?:%s)\b[^<>]*>|</[A-Za-z][\w.-]*\s*>|<[A-Za-z][\w.-]*\s+[\w:-]+=[^<>]*>" % "|".join(_HTML_NAMES), re.I
    ),
    "html-comment": re.compile(r"<!--"),
    "entity": re.compile(r"&(?:[a-z]{2,8}|#\d{1,6}|#x[0-9a-f]{1,6});", re.I),
    "wiki-link": re.compile(r"\[\[|\]\]"),
    "obsidian-comment": re.compile(r"%%"),
    "shortcode": re.compile(r"\{\{[<%]|[>%]\}\}|\{%-? |\{%-?[ \t]*(?:end)?(?:highlight|gist|raw|include)\b"),
    "md-link": re.compile(r"\]\([^()\s\]]+\)"),
    "container": re.compile(r"(?:^|(?<=\s)):::"),
    "fence": re.compile(r"```|~~~"),
    "bold": re.compile(r"\*\*(?=\S)[^*]*?(?<=\S)\*\*"),
    "latex": re.compile(r"\$\$?+(?=[^$\n]{0,300}\\[A-Za-z])[^$\n]{1,300}+\$"),
}
#: A bullet mark left at the start of a label or item: ``・item``, ``- item``, ``-item``, but not a command-line
#: flag (``-a``, ``-t fstype``, ``-rf``, ``-R(recursive)``, ``-fオプション``: a dash, one to three letters, then a
#: space, a colon, a bracket, a non-ASCII letter or the end).
_LEAD_BULLET = re.compile(
    r"^\s*(?:[・･]|[-－](?![-－>])(?![A-Za-z]{1,3}(?:[\s:=,(.]|[^\x00-\x7f]|$)|[A-Za-z][\w-]{1,30}=)"
    r"(?!(?:log|ln|exp|Σ|∑|\d)))"
)  # (a minus before a formula, ``-logP(x)``, is no bullet, nor an arrow, ``-> …``, nor a command's option,
# ``-A...全統計``, ``-parallel=2``)
#: A term that is a place in a sequence: ``Step 1``, ``Tip 3``, ``Day 2``, ``手順2``, a story's ``Try 3`` or ``First
#: issue``.
_ORDINAL_TERM = re.compile(
    r"(?:step|tip|day|part|try|attempt|手順)\s*\d+\b"
    r"|(?:first|second|third|next|another|final|last) (?:issue|problem|idea|attempt|try|approach|solution|option)\Z"
)


def norm(text: str) -> str:
    """Case, spaces, emphasis, code and link syntax dropped: the text a person reads."""
    # No class below may match its own opening bracket: a line of "[[[[" stays linear.
    if "[" in text:
        text = re.sub(r"!\[\[[^\[\]]*\]\]", "", text)
        text = re.sub(r"\[\[(?:[^\[\]|]*\|)?([^\[\]]*)\]\]", r"\1", text)
        text = re.sub(r"!?\[([^\[\]]*)\]\([^()]*\)", r"\1", text)
    if "<" in text:
        text = re.sub(r"<[^<>]*>", "", text)
    text = text.replace("**", "").replace("__", "").replace("`", "")
    return " ".join(text.replace("\u3000", " ").split()).casefold().strip(" :：")


def _front_key(front: str) -> str:
    return norm(_COUNT_SUFFIX.sub("", front))


def _parts(front: str) -> list[str]:
    return [p.strip().rstrip("?？:：").strip() for p in _COUNT_SUFFIX.sub("", norm(front)).split("›")]


def back_lines(back: Any) -> list[tuple[int, str]]:
    """(depth, text) of every line of a card's back; nested items are lines too."""
    if isinstance(back, str):
        return [(0, ln) for ln in back.split("\n")]
    out: list[tuple[int, str]] = []

    def walk(items: Iterable[Any], depth: int) -> None:
        for item in items:
            out.append((depth, str(getattr(item, "text", item))))
            walk(getattr(item, "children", ()), depth + 1)

    walk(back, 0)
    return out


def markup_kinds(card: Any) -> list[str]:
    context = getattr(card, "context", ())
    labels = [str(card.front), *([context] if isinstance(context, str) else context)]
    items = [t for _, t in back_lines(card.back)]
    found = [name for name, rx in MARKUP.items() if any(rx.search(t) for t in labels + items)]
    labels_split = [p for lab in labels for p in lab.split("›")]
    if any(_LEAD_BULLET.match(t) for t in labels_split + items):
        found.append("bullet-in-label")
    return found


def is_generic(front: str) -> bool:
    if "(untitled" in front:
        return True
    parts = _parts(front)
    return all(not p or p in GENERIC or p in _QA_TERMS or _NUMBER_FRONT.match(p) for p in parts)


def back_is_url(back: Any) -> bool:
    lines = [re.sub(r"^[-*・]\s*", "", t.strip()) for _, t in back_lines(back)]
    lines = [t for t in lines if t]
    return bool(lines) and all(_URL_ONLY.match(t) for t in lines)


# --- reading the source ---------------------------------------------------------------------------------------

_FENCE = re.compile(r"^[ \t\u3000>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_DELIM_CELL = re.compile(r":?-+:?")
_BULLET = re.compile(
    r"^(?P<indent>[ \t\u3000]*)(?:>\s*)*(?P<mark>[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])|[・･]|[-－](?![-－\s]))[ \t]*"
)
_LEAD = re.compile(
    r"^[ \t\u3000]*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)．])[ \t]+|[・･]|[-－](?![-－\s]))?[ \t]*(?:\[[ xX]\][ \t]+)?"
)
_MASK = re.compile(
    r"(`+)[^`]*?\1|\[[^\[\]]*\]\([^()]*\)|\[\[[^\[\]]*\]\]|<?https?://\S+|\b[a-z][\w+.-]*://\S+"
    r"|<[A-Za-z][^<>\n]{0,300}>"  # an HTML tag's attributes: <mark style="background: #FFB86CA6;">
)
_PROSE_WORD = re.compile(r"\b(?:is|are|was|were)\b", re.I)
_COLON = re.compile(r"：|:(?=[ \t])")
_OTHER_SEP = re.compile(r"・・・|＝| = | — | – |…+")
#: Hugo shortcodes and Jekyll (Liquid) tags whose inside is code, not text: ``{{< highlight go >}}``,
#: ``{% highlight yaml %}`` … ``{% endhighlight %}``.
_CODE_SHORTCODE = re.compile(
    r"^\s*(?:\{\{[<%]\s*(/?)(?:highlight|mermaid|code|math)\b|\{%-?\s*(end)?(?:highlight|raw)\b)"
)
_BR = re.compile(r"<br\s*/?>", re.I)


@dataclass
class Line:
    no: int  # 1-based line of the file
    text: str


def _strip_comments(line: str, in_html: bool, in_pct: bool) -> tuple[str, bool, bool]:
    """The line without its HTML and ``%%`` comments, which may open and close on it or span several lines."""
    kept: list[str] = []
    pos, n = 0, len(line)
    h = p = -2  # next "<!--" and "%%" at or after pos (-1: none left); found again only once passed: linear
    while pos < n:
        if in_html or in_pct:
            end = line.find("-->" if in_html else "%%", pos)
            if end < 0:
                break
            pos = end + (3 if in_html else 2)
            in_html = in_pct = False
            continue
        if -1 < h < pos or h == -2:
            h = line.find("<!--", pos)
        if -1 < p < pos or p == -2:
            p = line.find("%%", pos)
        cut = min(x for x in (h, p, n) if x >= 0)
        kept.append(line[pos:cut])
        if cut == n:
            break
        in_html, in_pct = cut == h, cut != h
        pos = cut + (4 if cut == h else 2)
    return "".join(kept), in_html, in_pct


def _is_delimiter_row(line: str) -> bool:
    """``| --- | :-: |``: the line under a table's header."""
    s = line.strip()
    if "|" not in s or "-" not in s:
        return False
    return all(_DELIM_CELL.fullmatch(c.strip()) for c in s.strip("|").split("|"))


def pasted_yaml_lines(raw: list[str], start: int) -> set[int]:
    """Indexes of the lines of ``raw`` (from ``start``) that are YAML pasted without a fence, by the package's test."""
    from devday_tui.core.cards.embedded import blank_yaml

    body = raw[start:]
    blanked = blank_yaml("\n".join(body)).split("\n")
    return {start + k for k, (a, b) in enumerate(zip(body, blanked)) if a != b}


#: An HTML element opened at the start of a line (``<iframe class="…"``).
_OPEN_TAG = re.compile(r"[ \t]*<(?:%s)(?:[ \t]|$)" % "|".join(_HTML_NAMES), re.I)


def source_lines(text: str) -> list[Line]:
    """The lines of a note that hold its own text: no frontmatter, code (YAML pasted without a fence too), tables,
    comments or HTML lines."""
    if text.startswith("\ufeff"):
        text = text[1:]
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = 0
    if raw and raw[0].strip() in ("---", "+++"):  # YAML or TOML frontmatter
        ends = ("---", "...") if raw[0].strip() == "---" else ("+++",)
        for i in range(1, len(raw)):
            if raw[i].strip() in ends:
                start = i + 1
                break
    start = _after_metadata(raw, start)
    pasted = pasted_yaml_lines(raw, start)
    table: set[int] = set()
    i = start
    while i < len(raw):
        if _is_delimiter_row(raw[i]):
            if i > start and "|" in raw[i - 1]:
                table.add(i - 1)
            while i < len(raw) and "|" in raw[i]:
                table.add(i)
                i += 1
        else:
            i += 1
    out: list[Line] = []
    fence: str | None = None
    in_code_shortcode = False
    in_html_comment = in_pct_comment = in_tag = False
    for i in range(start, len(raw)):
        line = raw[i]
        if i in pasted:
            continue  # YAML pasted without a fence: code, as the note format reads it
        if fence is not None:
            m = _FENCE.match(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end() :].strip():
                fence = None
            continue
        if not (in_html_comment or in_pct_comment):
            m = _FENCE.match(line)
            if m:
                fence = m.group(1)
                continue
            sc = _CODE_SHORTCODE.match(line)
            if sc or in_code_shortcode:
                if sc:
                    in_code_shortcode = not (sc.group(1) or sc.group(2))
                continue
        line, in_html_comment, in_pct_comment = _strip_comments(line, in_html_comment, in_pct_comment)
        if in_tag or (_OPEN_TAG.match(line) and ">" not in line):
            # A tag's attributes on lines of their own (``<iframe class="…"`` then ``style="padding: 0px;…">``)
            # are markup, up to its ``>`` or a blank line.
            in_tag = ">" not in line and bool(line.strip())
            continue
        if i in table:
            continue
        out.append(Line(i + 1, line))
    return out


#: Keys of a metadata block at the top of a note written without YAML fences (``Title: …`` / ``Date: …``, as
#: Pelican and Hexo write it): the parser's ``META_KEYS`` (``devday_tui.core.cards.metadata``) (a test keeps the two the same).
META_KEYS = frozenset(
    """title date tags tag slug lang author authors category categories summary description thumbnail modified
    updated status layout draft image cover keywords series permalink template comments id aliases type weight
    toc url save_as subtitle""".split()
)
_META_LINE = re.compile(r"([A-Za-z][\w-]{0,24})[ \t]*:(?:[ \t]|$)")


def _after_metadata(raw: list[str], start: int) -> int:
    """Where a note's text starts after a metadata block without YAML fences at its top: ``key: …`` lines only,
    at least two of the known keys, a title or a date among them (the note's fields, not its facts)."""
    i = start
    while i < len(raw) and not raw[i].strip():
        i += 1
    keys = []
    j = i
    listed = False  # a key with no value on its line: its list follows (``tags:`` then ``- aws``)
    while j < len(raw) and raw[j].strip():
        if raw[j].strip() == "---" and keys:
            j += 1  # Hexo's closing line
            break
        if listed and raw[j].lstrip().startswith("- "):
            j += 1
            continue
        m = _META_LINE.match(raw[j])
        if m is None:
            return start
        keys.append(m.group(1).casefold())
        listed = not raw[j][m.end() :].strip()
        j += 1
    known = [k for k in keys if k in META_KEYS]
    if len(known) < 2 or not ("title" in known or "date" in known) or len(known) * 2 < len(keys):
        return start
    return j


def _skip_line(text: str) -> bool:
    s = text.strip().lstrip("\u3000")
    return (
        not s
        or bool(_HEADING.match(text))
        or bool(_HEADING.match(s.lstrip("> ")))
        or s.startswith(("<", "{{", ":::", "|", "[^", "import ", "export "))
    )


@dataclass
class Definition:
    no: int
    term: str
    other_separator: bool
    restated: bool = False  # a principle glossed in other words, or a translation: no definition to learn
    objective: bool = False  # an exam guide's numbered objective: ``Task Statement 1.1: Design …``
    no_fact: bool = False  # who spoke (``講演: @yasulab さん``) or the author's impression


def _definition(text: str) -> tuple[str, bool, bool, bool] | None:
    """(term, other separator?, restated?, no fact?) when the line reads ``term: definition``; no fact: a value that
    only names a person (``講演: @yasulab さん``) or is the author's impression (the package's ``is_impression``)."""
    if _skip_line(text):
        return None
    body = text[_LEAD.match(text).end() :]
    masked = _MASK.sub(lambda m: "\0" * len(m.group(0)), body)
    if "::" in masked:
        return None
    for rx, other in ((_COLON, False), (_OTHER_SEP, True)):
        m = rx.search(masked)
        if not m:
            continue
        term, definition = norm(body[: m.start()]), body[m.end() :].strip()
        if not term or len(term) > TERM_MAX_CHARS or "。" in term or term.endswith("."):
            return None
        if any(term.count(a) != term.count(b) for a, b in _PAIRS):
            return None  # the separator sits inside brackets: `… (e.g. x)`
        if _PROSE_WORD.search(term) or term in GENERIC or term in _QA_TERMS or re.fullmatch(r"q\d+|問\d+", term):
            return None
        if _ORDINAL_TERM.match(term) or term.startswith("[!"):
            return None  # "Step 1: …" is a step, whole (the note format's ordinals); "[!INFO] Analogy: …" a callout's title
        if re.fullmatch(r"[a-h](?:[ ,、]+[a-h]){1,5}", term):  # a practice exam's answer letters: "d a: …"
            return None
        if not norm(definition) or _URL_ONLY.match(definition.strip("<>()")):
            return None
        if re.fullmatch(r"\[[^\]]*\]\([^)]*\)", definition):
            return None
        raw_term = body[: m.start()].strip().lstrip("-*+ ").strip("*_ ")
        value = definition.strip("*_ ")
        restated = (value[:1].isupper() and is_restated(raw_term, value)) or is_translation(raw_term, value)
        no_fact = (
            bool(PERSON_ONLY.fullmatch(value))
            or is_wondering(raw_term, value)
            or is_impression(value)
            or is_score(raw_term, value)
        )
        return term, other, restated, no_fact
    return None


def definitions(lines: list[Line]) -> list[Definition]:
    pieces = [Line(ln.no, part) for ln in lines for part in _BR.split(ln.text)]
    found_at = [_definition(ln.text) for ln in pieces]
    found: list[Definition] = []
    for k, ln in enumerate(pieces):
        if found_at[k] is None:
            continue
        prev = pieces[k - 1].text if k else ""
        if (
            not _BULLET.match(ln.text)
            and len(prev.strip()) > PROSE_CHARS
            and found_at[k - 1] is None
            and not _skip_line(prev)
            and not _BULLET.match(prev)
            and not _COLON.search(prev)
        ):
            continue  # the line goes on with a sentence of the line before: prose, not a definition
        term, other, restated, no_fact = found_at[k]
        if k + 1 < len(pieces) and _URL_ONLY.match(pieces[k + 1].text.strip().lstrip("-*+ ").strip("<>()")):
            no_fact = True  # a page's title pasted above its link ("SegNet: 画像セグメンテーション…" then the URL)
        objective = is_numbered_objective(ln.text.strip().lstrip("-*+ "))
        found.append(Definition(ln.no, term, other, restated, objective, no_fact))
    return found


@dataclass
class Parent:
    no: int
    text: str


def _columns(indent: str) -> int:
    return sum(4 if c == "\t" else 2 if c == "\u3000" else 1 for c in indent)


def parent_bullets(lines: list[Line]) -> list[Parent]:
    parents: list[Parent] = []
    for k, ln in enumerate(lines):
        m = _BULLET.match(ln.text)
        if not m:
            continue
        text = norm(re.sub(r"\{\{[<%].*?[>%]\}\}", "", ln.text[m.end() :]))
        if not text:
            continue
        j = next((j for j in range(k + 1, len(lines)) if lines[j].text.strip()), None)
        if j is None or lines[j].no - ln.no != j - k:  # a fence or a table sits between them
            continue
        nxt = lines[j]
        n = _BULLET.match(nxt.text)
        if n and _columns(n.group("indent")) > _columns(m.group("indent")):
            parents.append(Parent(ln.no, text))
    return parents


#: A talk's or a course's logistics fields, as the note format lists them: the parser's ``TALK_FIELDS`` and
#: ``DETAIL_FIELDS``, so that the measure counts what the note format says is no fact, whatever the card source.
LOGISTICS = TALK_FIELDS | DETAIL_FIELDS
#: The chatter headings of the note format (the parser's ``DEFAULT_SKIP_SECTIONS``), compared case-folded.
CHATTER_HEADINGS = frozenset(h.casefold() for h in DEFAULT_SKIP_SECTIONS)


def heading_key(heading: str) -> str:
    """A heading as compared with the chatter headings: no ``#``s, leading number, brackets or trailing rating."""
    text = heading.strip().lstrip("#").strip().casefold().lstrip("0123456789.) ")
    if text[:1] in "【[「(（" and text[-1:] in "】]」)）":
        text = text[1:-1]
    end = len(text)
    while end and not text[end - 1].isalnum():  # a rating (⭐⭐⭐☆☆) or a colon after the heading's words
        end -= 1
    return text[:end].strip() or text


def chatter_lines(lines: list[Line]) -> set[int]:
    """The line numbers under a chatter heading (``感想``, ``自己紹介``…), its sub-headings included."""
    out: set[int] = set()
    level = 0  # the level of the chatter heading being read, 0 outside one
    for ln in lines:
        m = _HEADING.match(ln.text)
        if m:
            depth = len(ln.text.lstrip()) - len(ln.text.lstrip().lstrip("#"))
            if level and depth > level:
                out.add(ln.no)
                continue
            key = heading_key(ln.text)
            chatter = key in CHATTER_HEADINGS or (len(key) <= 20 and key.endswith(("感想", "所感", "雑感", "試験概要")))
            level = depth if chatter else 0
        elif level:
            out.add(ln.no)
    return out


def code_lines(lines: list[Line]) -> set[int]:
    """The line numbers of paragraphs that are code or console output pasted without a fence (the package's
    ``is_unfenced_code``): their ``key = value`` lines are no terms."""
    out: set[int] = set()
    run: list[Line] = []
    for ln in [*lines, Line(0, "")]:
        if ln.text.strip() and (not run or ln.no == run[-1].no + 1):
            run.append(ln)
            continue
        if len(run) > 1 and is_unfenced_code("\n".join(r.text.strip() for r in run)):
            out.update(r.no for r in run)
        run = [ln] if ln.text.strip() else []
    return out


# --- the measure ----------------------------------------------------------------------------------------------


@dataclass
class Tally:
    hit: int = 0
    total: int = 0
    listed: list[str] = field(default_factory=list)

    def add(self, ok: bool, where: str = "") -> None:
        self.total += 1
        self.hit += ok
        if not ok and where:
            self.listed.append(where)


@dataclass
class Report:
    notes: int = 0
    unreadable: int = 0
    cards: int = 0
    long_backs: Tally = field(default_factory=Tally)
    markup: Tally = field(default_factory=Tally)
    generic: Tally = field(default_factory=Tally)
    url_back: Tally = field(default_factory=Tally)
    duplicate: Tally = field(default_factory=Tally)
    definitions: Tally = field(default_factory=Tally)
    other_definitions: Tally = field(default_factory=Tally)
    not_facts: list[str] = field(default_factory=list)  # term: definition lines of logistics or chatter
    restated: list[str] = field(default_factory=list)  # principles glossed in other words (their list is the card)
    parents: Tally = field(default_factory=Tally)
    markup_kinds: Counter = field(default_factory=Counter)


def measure_note(report: Report, path: Path, text: str, cards: list[Any], shown: str) -> None:
    report.notes += 1
    report.cards += len(cards)
    seen: set[str] = set()
    for card in cards:
        where = f"{shown}:{getattr(card, 'line', '?')}  {str(card.front)[:70]}"
        n_lines = len(back_lines(card.back))
        report.long_backs.add(n_lines <= MAX_BACK_LINES, f"{where}  ({n_lines} lines)")
        kinds = markup_kinds(card)
        report.markup_kinds.update(kinds)
        report.markup.add(not kinds, f"{where}  ({', '.join(kinds)})")
        report.generic.add(not is_generic(str(card.front)), where)
        report.url_back.add(not back_is_url(card.back), where)
        key = _front_key(str(card.front))
        report.duplicate.add(key not in seen, where)
        seen.add(key)
    fronts = [
        (getattr(c, "line", None), norm(str(c.front)), _parts(str(c.front)), {norm(t) for _, t in back_lines(c.back)})
        for c in cards
    ]
    lines = source_lines(text)
    chatter = chatter_lines(lines)
    code = code_lines(lines)
    for d in definitions(lines):
        if (
            d.no in chatter
            or d.no in code
            or d.term.strip("*_") in LOGISTICS
            or heading_key(d.term) in CHATTER_HEADINGS
            or d.term.startswith("当時")  # the author's background back then: 当時のエンジニア歴
            or d.objective
            or d.no_fact
        ):
            report.not_facts.append(f"{shown}:{d.no}  {d.term}")
            continue
        if d.restated:
            report.restated.append(f"{shown}:{d.no}  {d.term}")
            continue
        ok = any((line == d.no and d.term in front) or d.term in parts for line, front, parts, _ in fronts)
        tally = report.other_definitions if d.other_separator else report.definitions
        tally.add(ok, f"{shown}:{d.no}  {d.term}")
    for p in parent_bullets(lines):
        if p.no in chatter or is_lost(p.text):
            continue  # under a chatter heading, or what the author did not follow (わからん): nothing to card
        # A list card that merely starts at this line, with the item among its back's items, does not count.
        ok = any((line == p.no and p.text not in items) or p.text in front for line, front, _, items in fronts)
        report.parents.add(ok, f"{shown}:{p.no}  {p.text[:70]}")


def run(folder: Path, source: Callable[[str, Path], Iterable[Any]]) -> Report:
    report = Report()
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in NOTE_SUFFIXES and p.is_file()):
        shown = str(path)
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{shown}: cannot read, left out ({exc})", file=sys.stderr)
            report.unreadable += 1
            continue
        try:
            cards = list(source(text, path))
        except Exception as exc:  # noqa: BLE001 - a source that fails on one note must not stop the measure
            print(f"{shown}: the card source failed, left out ({type(exc).__name__}: {exc})", file=sys.stderr)
            report.unreadable += 1
            continue
        measure_note(report, path, text, cards, shown)
    return report


def _pct(hit: int, total: int) -> str:
    return "   n/a" if not total else f"{100 * hit / total:5.1f}%"


def print_report(report: Report, folder: Path, show_list: bool) -> list[str]:
    """Print the figures; return the names of the goals missed."""
    print(
        f"card quality over {folder}: {report.notes} notes, {report.cards} cards"
        + (f", {report.unreadable} files left out (see stderr)" if report.unreadable else "")
    )
    missed: list[str] = []
    no_goal = "no goal of its own (part of 'usable', judged by people)"
    rows = [
        # (label, tally, bad-share?, goal text, goal check or None)
        ("backs over 12 lines", report.long_backs, True, "goal 0", lambda t: t.hit == t.total),
        ("markup left in", report.markup, True, "goal 0", lambda t: t.hit == t.total),
        ("generic front", report.generic, True, no_goal, None),
        ("back only a URL", report.url_back, True, no_goal, None),
        ("duplicate front in a note", report.duplicate, True, no_goal, None),
        (
            "term: definition recall",
            report.definitions,
            False,
            "goal >= 95%",
            lambda t: not t.total or t.hit >= 0.95 * t.total,
        ),
        ("other separators recall", report.other_definitions, False, "information, no goal", None),
        (
            "parent bullets carded",
            report.parents,
            False,
            "goal >= 80%",
            lambda t: not t.total or t.hit >= 0.80 * t.total,
        ),
    ]
    for label, tally, bad, goal, check in rows:
        count = tally.total - tally.hit if bad else tally.hit
        verdict = "" if check is None else ("  met" if check(tally) else "  MISSED")
        if check is not None and not check(tally):
            missed.append(label)
        print(f"  {label:<27} {count:>5} / {tally.total:<5} {_pct(count, tally.total)}   {goal}{verdict}")
        if tally is report.definitions and report.not_facts:
            print(
                f"    (not counted: {len(report.not_facts)} lines of logistics, chatter, who spoke or the author's impressions)"
            )
        if tally is report.definitions and report.restated:
            print(f"    (not counted: {len(report.restated)} principles glossed in other words or translations only)")
    if report.markup_kinds:
        print("  markup by kind: " + ", ".join(f"{k} {n}" for k, n in report.markup_kinds.most_common()))
    if show_list:
        for label, tally, bad, _goal, _check in rows:
            if tally.listed:
                print(f"\n{label}: " + ("cards" if bad else "source lines not carded"))
                for where in tally.listed:
                    print(f"  {where}")
    if show_list and report.not_facts:
        print(
            "\nterm: definition lines not counted (logistics, chatter, who spoke, the author wondering or impressions)"
        )
        for where in report.not_facts:
            print(f"  {where}")
    if show_list and report.restated:
        print("\nterm: definition lines not counted (principles glossed in other words, translations only)")
        for where in report.restated:
            print(f"  {where}")
    print("goals: met" if not missed else f"goals: missed ({', '.join(missed)})")
    return missed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of Markdown notes, read recursively")
    parser.add_argument("--source", help="card source as package.module:function(text, path) -> cards")
    parser.add_argument("--list", action="store_true", help="print every card or line behind each figure")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 even when a goal is missed")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder", file=sys.stderr)
        return 2
    source = load_source(args.source) if args.source else note_cards
    report = run(args.folder, source)
    missed = print_report(report, args.folder, args.list)
    return 1 if missed and not args.no_fail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
