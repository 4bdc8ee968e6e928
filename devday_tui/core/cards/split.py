"""Where a line splits into a term and its definition: ``term: definition``, and the other separators people use
(``・・・``, ``…``, ``＝``, `` = ``, `` - ``, `` — ``, ``→``, `` -> ``), never inside inline code, link text, a URL or
brackets; and whether the text before the separator can name a thing at all.

Every pattern here is linear, and :func:`split_term` looks at each separator once, going forward.
"""

from __future__ import annotations

import re

from devday_tui.core.cards.markup import strip_bullet
from devday_tui.core.text import Inline, ascii_words, content_length, inline, is_bare_link

__all__ = [
    "GENERIC_TERMS",
    "MARKER_RE",
    "MIN_ANSWER_CHARS",
    "SEPARATOR_TERM_MAX_CHARS",
    "SPOKEN_ENDS",
    "TASK_RE",
    "TOPIC_LEAD_RE",
    "TERM_MAX_CHARS",
    "is_aside",
    "split_code_term",
    "split_term",
    "term_ok",
]

# --- thresholds ---------------------------------------------------------------------------------------------------

#: A term split at a colon is at most this many characters and ASCII words.
TERM_MAX_CHARS = 40
TERM_MAX_WORDS = 6
#: A term split at ``・・・``, ``…``, ``＝``, `` = ``, `` - `` or `` — `` is shorter: those marks also occur in prose.
SEPARATOR_TERM_MAX_CHARS = 30
SEPARATOR_TERM_MAX_WORDS = 4
#: A definition needs at least this much text (spaces not counted).
MIN_ANSWER_CHARS = 2

#: Words that head a remark rather than name a thing: ``Note: …`` makes no definition.
GENERIC_TERMS = frozenset(
    """note notes memo example examples e.g eg i.e ie see also tip tips hint warning caution important
    todo fixme wip tbd update edit ps p.s nb n.b 注 注意 メモ 例 参考 補足 備考 追記 感想""".split()
)
#: How a remark said aloud ends: ``rancher の slack あるよ``, ``…だよ``, ``…よね``.
SPOKEN_ENDS = ("あるよ", "だよ", "ですよ", "ますよ", "よね")
#: How a Japanese sentence ends when its ``。`` is left out: a term never ends so (``…のカンファレンスです``).
_JA_PREDICATE_ENDS = (
    "です",
    "ます",
    "でした",
    "ました",
    "ません",
    "でしょう",
    "である",
    "だった",
    "らしい",
    "ください",
    "ている",
    "ていた",
    *SPOKEN_ENDS,
)
#: How a clause that points back opens: a term never does (``これは動画ないらしい``, ``This is why``, ``=> 100万``).
_POINTING_STARTS = (
    "これは",
    "それは",
    "これが",
    "それが",
    "こちらは",
    "This ",
    "That ",
    "These ",
    "Those ",
    "It ",
    "They ",
    # a connective or an arrow: what follows from the line above ("ただし、1クロック…", "=> 100万 = 10^6")
    "ただし",
    "但し",
    "なお、",
    "つまり",
    *"よって、 従って、 したがって、 ゆえに、 故に、 特に、 すなわち、 一方、".split(),
    "However",
    *("Hence,", "Hence ", "Thus,", "Thus ", "Therefore,", "Therefore "),  # (a clause after it: "Thus: …" is a word)
    "→",
    "⇒",
    "=>",
    "->",
)
#: What only announces a term: ``As for local variables: …`` defines ``local variables``.
TOPIC_LEAD_RE = re.compile(r"(?:As for|As to|Regarding|With regard to|Concerning)[ \t]+(?=\S)", re.I)
#: A marker of unfinished work at the start of a term: ``TODO``, ``??``.
MARKER_RE = re.compile(r"(?<![A-Za-z0-9_])(?:TODO|FIXME|WIP|TBD)(?![A-Za-z0-9_])|\?\?|？？")
#: A task's keyword opening a Logseq or Org block: ``DONE heatmap - keep for now`` is the author's task, no term.
TASK_RE = re.compile(r"(?:DONE|LATER|NOW|DOING|WAITING|CANCELED|CANCELLED)[ \t]")


# --- term and definition ---------------------------------------------------------------------------------------------

#: Separators other than the colon: ``・・・`` (or half-width ･･･), ``…``/``……``, ``＝`` with or without spaces
#: around them; `` = ``, `` - ``, `` -- ``, `` – ``, `` — `` and the ASCII arrow `` -> `` only with spaces on both
#: sides. (Spelled ``[:：]|[・･]{3,6}|…{1,2}|＝| = | - | -- | – | — | -> |→``, written as one class then a look back: the engine then
#: skips to candidate characters.)
_SEPARATOR_RE = re.compile(r"[:：・･…＝ →](?:(?<=[:：＝→])|(?<=[・･])[・･]{2,5}|(?<=…)…?|(?<= )(?:[=\-–—]|--|->) )")


def term_ok(
    term: str,
    *,
    max_chars: int = TERM_MAX_CHARS,
    max_words: int = TERM_MAX_WORDS,
    excluded: frozenset[str] = GENERIC_TERMS,
    bold: bool = False,
) -> bool:
    """True when ``term`` can be the front of a definition: short, naming something, not one of the ``excluded``
    words (remark words, markers of unfinished work). A ``bold`` term is the author's name of a thing even when it
    reads as a phrase (``**In the clear**``, ``**Over the air (OTA)**``)."""
    if not term or len(term) > max_chars or ascii_words(term) > max_words:
        return False
    if not any(ch.isalnum() for ch in term) or term.startswith(("// ", "/* ", "<!--")):
        return False  # "※:", "->:" name nothing, and "// notes:" is a code comment's ("//go:embed" is a directive)
    if "。" in term or ". " in term or is_bare_link(term):
        return False
    if term.endswith(_JA_PREDICATE_ENDS) or term.startswith(_POINTING_STARTS) or term.endswith(("、", ",", "，")):
        return False  # a sentence without its full stop, one pointing back, a clause going on: no name of a thing
    if term[:1] in "IOAFBWDUC" and not bold and _PHRASE_START_RE.match(term):
        return False  # "In the primary region", "Unlike Entra ID": a phrase setting the scene, no name of a thing
    if " " in term and term.rpartition(" ")[2].casefold() in _SAID and _names_person(term.rpartition(" ")[0]):
        return False  # "Nassim Taleb explained: “…”": who said the words that follow ("Variance explained" is a term)
    if " " in term and term.rpartition(" ")[2].casefold() in ("this", "that", "these", "those"):
        return False  # "To overcome this: …", "Because of that: …": what it points back to is in the line above
    low = term.casefold().strip(" .")
    if is_aside(term):
        low = low[1:-1].strip()  # "(例)" is the remark word 例
    if low not in excluded and (dated := _DATE_AFTER_RE.search(low)) and low[: dated.start()].rstrip() in excluded:
        return False  # "Edit April 2015", "追記（2020/04/01）", "Update 2019-05-01": a remark word and its date
    return low not in excluded and not MARKER_RE.match(term) and not TASK_RE.match(term)


#: A date after a word, as a remark dates itself: ``April 2015``, ``on May 3, 2020``, ``(2020/04/01)``, ``2019-05-01``,
#: ``2020年4月``, ``4/1``.
_DATE_AFTER_RE = re.compile(
    r"(?<![ \t])[ \t]*[(（]?(?:(?:on|in)[ \t]+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
    r"(?:[ \t]+[0-9]{1,2}(?:st|nd|rd|th)?,?)?(?:[ \t]+[0-9]{4})?"
    r"|[0-9]{4}(?:[-/.年][0-9]{1,2}(?:[-/.月][0-9]{1,2}日?|月)?)?|[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?)[)）]?\Z"
)


#: How a phrase that sets the scene opens a line: a capitalised preposition and an article (``In the primary region``,
#: ``For each subnet``, ``After the exam``), or ``Unlike``, ``Compared to`` (``For loops``, ``In operator``, ``With
#: clause`` are names; under a parent, ``on a file:``, ``on a dir:`` are its cases).
_PHRASE_START_RE = re.compile(
    r"(?:(?:In|On|At|For|From|By|With|Within|During|After|Before|Under|Over)[ \t]+(?:the|a|an|this|that|each|every)"
    r"|Unlike|Compared[ \t]+(?:to|with))[ \t]"
)


#: Verbs that report what someone said: a term ending on one names a speaker, and the words after it are a quote.
_SAID = frozenset(
    "said says explained explains wrote argues argued mentioned stated observed quipped replied tweeted".split()
)


def _names_person(words: str) -> bool:
    """Two or three capitalised words, as a person's name is written: ``Nassim Taleb``, ``Martin Fowler``."""
    parts = words.split()
    return 2 <= len(parts) <= 3 and all(p[:1].isupper() and p[1:].islower() and p.isalpha() for p in parts)


def _in_bold(inl: Inline, first: str, term: str) -> bool:
    """Whether ``term``, as it opens the line ``first``, is in bold (or italics) of its own."""
    start = first.find(term)
    return any(a <= start and start + len(term) <= b for a, b in inl.marks)


def is_aside(text: str) -> bool:
    """Text that is all one pair of brackets: ``(中略)``, ``(起動順)``."""
    return text[:1] in "(（" and text[-1:] in ")）" and text.count("(") + text.count("（") == 1


def _is_name(word: str) -> bool:
    """One ASCII word named like a product or service: ``EC2``, ``S3``, ``RDS``, ``DynamoDB`` (not ``None``)."""
    return (
        word.isascii()
        and " " not in word
        and any(ch.isdigit() or ch.isupper() for ch in word[1:])
        and word[:1].isalnum()
    )


def _is_edge(term: str, rest: str) -> bool:
    """``EC2 → S3``: two names joined by an arrow, an edge of a diagram, not a term and what it means."""
    return _is_name(term) and _is_name(rest.strip())


#: A Japanese particle after a space: the words before it go on as a phrase (``物理アドレス の変換``).
_PHRASE_GOES_ON_RE = re.compile(r"\A\S+[ \t]+[のをにがはでと](?![\u3040-\u309f]{2})")


def _is_change(term: str, rest: str) -> bool:
    """What an arrow joins is a change, not a term and its meaning: a value (``CPU usage 40% -> 85% after the
    deploy``), a version (``Python 2 -> Python 3``), or the first part of a phrase (``仮想アドレス -> 物理アドレス
    の変換を行うのがMMU``)."""
    rest = rest.lstrip()
    if term[-1:].isdigit() or term[-1:] == "%":
        if rest[:1].isdigit():
            return True
    head = term.split(maxsplit=1)[0] if term.strip() else ""
    return (bool(head) and rest.split(maxsplit=1)[:1] == [head]) or _PHRASE_GOES_ON_RE.match(rest) is not None


def _is_compound_name(term: str, rest: str) -> bool:
    """``Certified Developer - Associate``, ``前回の Certified Security – Specialty の取得``: a capitalised word, a dash,
    one capitalised word that ends the line or is followed by Japanese: a name in two parts. (``Azure Functions -
    Serverless compute`` goes on in English: a term and its meaning; so does ``EC2 - Elastic Compute Cloud``.)"""
    words = term.split()
    if len(words) < 2:
        return False
    last = words[-1]
    first, _, after = rest.partition(" ")
    return (
        last.isascii()
        and last[:1].isupper()
        and last[1:].islower()
        and first.isascii()
        and first.isalpha()
        and first[:1].isupper()
        and first[1:].islower()
        and (not after or not after[:1].isascii())
    )


def _colon_ok(first: str, i: int) -> bool | None:
    """Whether the colon at ``first[i]`` may split: True, False (look further) or None (no split in this line)."""
    if first[i] == ":":
        after = first[i + 1 : i + 2]
        if after == ":" or (i and first[i - 1] == ":"):
            return None  # `::` belongs to explicit cards
        return not after or after.isspace()
    # A time written with a full-width colon, 10：30.
    return not (i and first[i - 1].isdigit() and first[i + 1 : i + 2].isdigit())


def _answer_ok(rest: str) -> bool:
    """A definition says something: two characters at least, a letter or digit among them (not ``！！``)."""
    return content_length(rest) >= MIN_ANSWER_CHARS and any(ch.isalnum() for ch in rest)


#: A colon that can end a term, after an arrow: ``Celsius -> Fahrenheit: F = 9/5 C + 32``.
_LATER_COLON_RE = re.compile(r":(?:[ \t]|\Z)|：")
#: A double quote after a digit: inches (``2.5"``, ``iPad 11"``), no quotation.
_INCHES_RE = re.compile(r'(?<=[0-9])"')


def _in_math(line: str, i: int) -> bool:
    """Whether ``line[i]`` is inside ``$…$`` or ``$$…$$`` (each ``$$`` one mark), the marks of the line paired."""
    marks = line.count("$") - line.count("$$")
    return marks % 2 == 0 and (line.count("$", 0, i) - line.count("$$", 0, i)) % 2 == 1


#: How a statement of code ends: ``;``, maybe a ``//`` comment after it; and how it starts, assigning a value to
#: code (``B.int b =``, ``[W,s,v] =``, ``int x =``; ``8進数 → int b = 0413;``, ``Pointer declaration = int *p = &x;``
#: and ``HSTS: add_header … "max-age=…";`` are a term and its code).
_CODE_END_RE = re.compile(r";[ \t]*(?://[^\n]{0,300})?\Z")
_ASSIGNS_RE = re.compile(
    r"\A[ \t]*+(?:[A-Za-z_$@][\w$@]{0,30}[.\[(*&][^=:：→—\"'\n]{0,60}|\[[^\]=\n]{1,40}\][ \t]*"
    r"|(?:int|long|short|byte|char|float|double|boolean|bool|var|let|const|auto|val|String)[ \t]+[\w$]{1,30}[ \t]*)="
)


#: A one-letter subscript, as math read as text writes it (``x_0``, ``h_θ``; ``max_connections`` is a name).
_SUBSCRIPT_RE = re.compile(r"(?<=\w)_\w(?!\w)")
#: A function's name in math: ``f(x)``, ``h_θ(x)``, ``J(θ)``.
_FUNCTION_RE = re.compile(r"\w(?:_\w)?\(\w{1,3}\)")


def _is_math_name(term: str) -> bool:
    """A term written as math: one letter, a subscript or a power (``x_0``, ``σ^2``), a function (``f(x)``) or a
    symbol (``∇ J``)."""
    return (
        len(term) == 1
        or "^" in term
        or _SUBSCRIPT_RE.search(term) is not None
        or _FUNCTION_RE.fullmatch(term) is not None
        or (len(term) <= 3 and not term.replace(" ", "").isalnum())
    )


def split_term(src: str | Inline) -> tuple[str, str] | None:
    """``TERM: DEFINITION`` on the first line of ``src``, as (term, definition), or None.

    ``src`` is inline Markdown, or its :class:`Inline` when already read. The split is at the first separator
    that is not inside inline code, link text or a URL:

    - ``:`` (followed by a space or the end of the line) or ``：`` (not in a time, ``10：30``), with a term of at
      most :data:`TERM_MAX_CHARS` characters; only the first colon counts, and ``::`` never splits;
    - ``・・・``, ``…``, ``＝``, `` = ``, `` - ``, `` -- ``, `` — ``, ``→`` or `` -> `` (the only arrow of the line), with a term of at most
      :data:`SEPARATOR_TERM_MAX_CHARS` characters and some letters in it; a longer term reads on to a later colon.

    A leading ``・`` is never part of the term. The definition is everything after the separator, later lines
    included, and needs at least :data:`MIN_ANSWER_CHARS` characters.
    """
    inl = inline(src) if isinstance(src, str) else src
    text = inl.text
    nl = text.find("\n")
    first = text if nl < 0 else text[:nl]
    if not _SEPARATOR_RE.search(first):
        return None
    if ";" in first and _CODE_END_RE.search(first) and _ASSIGNS_RE.match(first):
        return None  # "B.int b = 0413; // 267←8進数", "[W,s,v] = svd(…);": a statement of code
    # Each separator is looked at once, going forward: the protected spans begun before it and the brackets in
    # front of it are kept up to date on the way rather than looked at again (a line of colons would be quadratic).
    protected = sorted(inl.protected)
    span = 0  # the spans before this one start at or before the separator
    reach = 0  # the furthest end of those spans
    brackets = [0] * 12  # "(", ")", "（", "）", "「", "」", "『", "』", "“", "”", "[", "]" in first[:counted]
    quotes = 0  # '"' in first[:counted], not after a digit (``2.5" SSD``: inches)
    counted = 0
    dollar = "$" in first
    last_quote = first.rfind('"')
    last_close = [first.rfind(mark) for mark in ")）」』”]"]  # (a bracket never closed: nothing after it splits)
    for m in _SEPARATOR_RE.finditer(first):
        i = m.start()
        while span < len(protected) and protected[span][0] <= i:
            reach = max(reach, protected[span][1])
            span += 1
        if i < reach or (dollar and _in_math(first, i)):
            continue  # inside inline code, link text or a URL, or inside $…$ or $$…$$ math (a lone $ is a variable)
        for k, mark in enumerate("()（）「」『』“”[]"):
            brackets[k] += first.count(mark, counted, i)
        quotes += first.count('"', counted, i) - len(_INCHES_RE.findall(first, counted, i))
        counted = i
        inside_quotes = quotes % 2 == 1 and last_quote > i  # (a quote opened and closed after the colon)
        # (a "[" never closed after the separator is an interval's, "[a, b): …", and hides nothing)
        open_pairs = [k for k in (0, 2, 4, 6, 8, 10) if brackets[k] > brackets[k + 1] and (k < 10 or last_close[5] > i)]
        if any(last_close[k // 2] < i for k in open_pairs):
            return None  # "“: : : …": a bracket or quote that never closes, around every separator after it
        if inside_quotes or open_pairs:
            # inside brackets or quotes: "（例: …）" is an aside, "「図鑑番号: 整数」" and '"Dev Containers: Reopen in
            # Container"' quotations, "[C^ν : D^λ]" a formula's bracket, no term
            continue
        colon = m.group() in (":", "：")
        if colon:
            ok = _colon_ok(first, i)
            if ok is None:
                return None
            if not ok:
                continue
        term = strip_bullet(first[:i]).strip()
        rest = text[m.end() :].strip()
        if colon and " ? " in term:
            return None  # "条件式 ? 式１ : 式２": a conditional operator's colon, no term
        bold = term[:1] in "IOAFBWDUC" and _in_bold(inl, first, term)
        if colon:
            if term_ok(term, bold=bold) and _answer_ok(rest):
                return term, rest
            return None
        if len(term) > SEPARATOR_TERM_MAX_CHARS:
            continue  # prose: only a colon can still split it
        if m.group() == " = " and "=" in rest.partition("\n")[0] and _is_math_name(term):
            # "X_2 = H(T_4||X_1) = T_2", "h_θ(x) = θ^T x, where x_0 = 1", "∇ J = …; = 0": equalities, math read as text
            return None  # ("v_0 = initial velocity", "ARR = MRR × 12" are a term and its definition)
        if inl.marks and any(a < i < b and text[m.end() : b].strip() for a, b in inl.marks):
            continue  # "**First In - First Out** - …": a dash inside bold is part of the bold name ("**ループ →** O(n)" splits)
        if m.group()[1:2] in "-–" and term[-1:].isalnum() and term[:1].isdigit() and rest[:1].isdigit():
            continue  # "64 bytes - 18 bytes = 46 bytes": a minus sign between amounts, not a separator
        if (
            m.group()[1:2] in "-–"
            and _RANGE_END_RE.match(rest)
            and _RANGE_START_RE.search(term)
            and not (_YEAR_RE.match(rest) and not _YEAR_RE.search(term))  # "Java 8 - 2014": the year it came out
        ):
            continue  # "PostgreSQL 9.3.12 - 10.4", "Windows 7 – 11": a range of versions, not a term and its meaning
        if m.group()[1:2] in "-–" and _is_compound_name(term, rest):
            continue  # "AWS Certified Developer - Associate": one name, not a term and its meaning
        if m.group() in ("→", " -> ") and (
            first.count("→") + first.count("->") > 1
            or _is_edge(term, rest)
            or _is_change(term, rest)
            or _LATER_COLON_RE.search(first, m.end())
        ):
            # "receiver → processor → exporter", "EC2 -> S3": a flow, not a term and its meaning; "HTTP -> HTTPS:
            # 通信を暗号化する": the arrow is part of the term, which the colon ends
            continue
        words = TERM_MAX_WORDS if m.group() == " -- " else SEPARATOR_TERM_MAX_WORDS  # ("$ cat /var/log/auth.log -- …")
        if m.group() == " -- " and (rest[:1].isdigit() or term[:1] not in "$-"):
            continue  # "07:00 -- 10:00 PM": a range; "The reflog -- not the log --", "git checkout -- README.md"
        if (
            term_ok(term, max_chars=SEPARATOR_TERM_MAX_CHARS, max_words=words, bold=bold)
            and any(ch.isalpha() for ch in term)  # not a time or date range, 14:00 - 15:00
            and _answer_ok(rest)
        ):
            return term, rest
    return None


#: A range's two ends: a term ending in a number or version (``PostgreSQL 9.3.12``, ``v1.2``), and a rest that is only
#: one, with at most a remark in brackets (``10.4``, ``11 (latest)``).
_RANGE_START_RE = re.compile(r"(?<![\w.])v?[0-9]{1,6}(?:\.[0-9]{1,6}){0,4}\Z")
_RANGE_END_RE = re.compile(r"v?[0-9]{1,6}(?:\.[0-9]{1,6}){0,4}(?:[ \t]*[(（][^()（）\n]{0,40}[)）])?\Z")
#: A year: a release year after a version is no range's end (``Java 8 - 2014``; ``2019 - 2021`` is a range).
_YEAR_RE = re.compile(r"(?<![0-9.])(?:19|20)[0-9]{2}(?![0-9.])")
#: How what a line's opening inline code does may begin: a lower-case English word, or は (``#`` で始まる行: a
#: case of the code, no definition of it).
_FIRST_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzは")
#: Words that say what a line's opening inline code does, besides a verb ending in ``s``: ``is``, ``can``, ``used``…
_CODE_VERBS = frozenset("is are was can will must should may has does used lets allows also".split())
#: Words ending in ``s`` that are no verb: ``x this…``, ``x status``.
_NOT_VERBS = frozenset("this thus plus less unless across always sometimes perhaps status process access class".split())
#: Nouns in the plural after a keyword: ``static`` methods belong to the class, ``private`` fields start with #.
_CODE_NOUNS = frozenset(
    """functions methods fields declarations variables types classes properties members values parameters arguments
    blocks statements keywords modules objects tests components hooks""".split()
)
#: How a Japanese first sentence that says what a code is or does ends: ``…を返す関数``, ``…を指します``, ``…を追加します``,
#: ``…を指すもの``, a noun and ``です`` (``…のことです``, ``…SQL です``); ``…こと。`` may be a to-do, ``…注意です`` a warning,
#: ``…ができる`` a vague remark.
_DEFINES_JA_RE = re.compile(
    r"(?:機能|仕組み|コマンド|関数|メソッド|方法|の略|を指す|を表す|を返す|する|します|である|を指すもの)\s*\Z"
    r"|(?:(?<=こと)|(?<=もの)|(?<=[A-Za-z] )|(?<!注意)(?<!必要)(?<!危険)(?<!便利)(?<!重要)(?<!大事)"
    r"(?<=[\u4e00-\u9fff\u30a1-\u30faA-Za-z]))です\s*\Z"
)
#: The longest inline code that names a command or a name a line explains.
CODE_TERM_MAX_CHARS = 60


def split_code_term(inl: Inline) -> tuple[str, str] | None:
    """A line of inline Markdown opening with inline code, then what it does in English or Japanese (``terraform
    init`` configures the backend, ``git stash`` は変更を退避する), as (the code, what it does), or None. The
    caller knows the line opens with inline code (a link's text is protected too). A shell prompt ``$ `` is no part
    of the code, ``は`` no part of what it does."""
    text = inl.text
    lead = len(text) - len(strip_bullet(text))
    span = inl.protected[0] if inl.protected else None
    if span is None or span[0] != lead or span[1] - span[0] > CODE_TERM_MAX_CHARS:
        return None
    code = text[span[0] : span[1]].strip()
    rest = text[span[1] :].lstrip(" \t")
    if code.startswith("$ "):
        code = code[2:].strip()
    if not code or "://" in code or rest[:1] not in _FIRST_LETTERS:
        return None
    if rest[:1] == "は":
        rest = rest[1:].lstrip(" \t、,")
        if _DEFINES_JA_RE.search(rest.split("。", 1)[0].split("\n", 1)[0]) is None:
            # "`AnyVal` はいけてないよねという話", "`quota` は長期間。": a remark on the code, no definition
            return None
    else:
        words = rest.split(None, 2)
        word = words[0].rstrip(".,;") if words else ""
        if word in _CODE_NOUNS:
            return None  # "`async` functions always return a Promise": a noun in the plural, the sentence's subject
        if word not in _CODE_VERBS and not (
            len(word) >= 4
            and word.endswith("s")
            and word[-2] not in "su"
            and word not in _NOT_VERBS
            and word.isalpha()
            and word.islower()
        ):
            return None
    if content_length(rest) < 8 or rest.rstrip().endswith((":", "：")):
        return None
    return code, rest.strip()
