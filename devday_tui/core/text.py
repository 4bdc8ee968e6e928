"""Inline Markdown to plain text, and the small text rules the card makers share.

The block structure of a note comes from markdown-it; the inline text of each paragraph, heading and list item
is turned into plain text here, with one linear pass of a regular expression. Alongside the plain text it
reports which stretches were ``**bold**`` or ``==highlighted==`` (the cloze marks) and which stretches must never
be split (inline code and URLs).
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from typing import Iterator, NamedTuple

from devday_tui.core.tags import is_markup_tag

Span = tuple[int, int]


class Inline(NamedTuple):
    """Plain text of some inline Markdown, with the spans (offsets into ``text``) that matter to the card rules."""

    text: str
    #: ``**bold**``, ``__bold__`` and ``==highlight==`` stretches, in order.
    marks: tuple[Span, ...] = ()
    #: Inline code and URLs: never split inside these.
    protected: tuple[Span, ...] = ()


# Bounded quantifiers keep every alternative linear on a pathological line (a line of 1 MB of `**`). Inline code and
# HTML comments are found apart (``_CodeSpans``, ``_Comments``), as a pattern would look up to 4,000 characters
# ahead at every backtick or ``<!--`` of a long run of them: the pattern only stops where one may open, in the
# place of the alternative that found them, and the scan jumps over them.
_INLINE_HEAD = (
    r"(?P<esc>\\(?P<escch>[!-/:-@\[-`{-~]))",
    r"(?P<tick>`)",  # where inline code may open (``_CodeSpans`` says whether it does)
    # Obsidian: [[Page]], [[Page|alias]], [[Page#Heading]]; an embed ![[…]] shows nothing.
    r"(?P<wiki>(?P<embed>!?)\[\[(?P<wpage>[^\[\]|\n]{1,500})(?:\|(?P<walias>[^\[\]\n]{0,500}))?\]\])",
    # Hugo shortcodes {{< … >}} and {{% … %}} show nothing.
    r"(?P<short>\{\{[<%][^\n{}]{0,2000}?[>%]\}\})",
    # Kramdown's and Logseq's attribute lists right after an image or link, ``{:height 300, :width 300}``,
    # ``{:target="_blank"}``, show nothing.
    r"(?P<ial>(?<=[)\]])\{:[^{}\n]{0,200}\})",
    r"(?P<img>!\[(?P<alt>[^\]\n]{0,500})\]\([^)\n]{0,2000}\))",
    r"(?P<foot>\[\^[^\]\s]{1,60}\])",  # a footnote reference [^1] shows nothing
    # Nor does an inline footnote ^[…] (Pandoc, Zenn): an aside, glued to the word it remarks on, in words (a
    # space or a letter beyond ASCII in it), maybe after bold or code (``**IAM Identity Center**^[旧 AWS SSO]``);
    # ``grep '^[#;]'`` and ``^[A-Z]`` are patterns.
    r"(?P<ifoot>(?:(?<=[^\s'\"`*(\[|])|(?<=\S[*`\"]))\^\[(?=[^\[\]\n]{0,1000}[\s\u0080-\uffff])[^\[\]\n]{2,1000}\])",
    # Obsidian: a block's id at the end of its line (``**Circular Wait** ^5cb177``) shows nothing.
    r"(?P<blockid>(?<!\S)\^[A-Za-z0-9-]{1,64}(?=[ \t]*(?:\n|\Z)))",
    # Link text may hold one level of brackets: ``[[Go]golang.tokyo #13](/2018/03/14/…)``; its destination one level
    # of parentheses, as CommonMark allows: ``[Vektoren](../mathe%20(3)/Vektor.md)``.
    r"(?P<link>\[(?P<ltext>(?:[^\[\]\n]|\[[^\[\]\n]{0,100}\]){1,500})\]"
    r"(?:\((?P<dest>(?:[^()\n]|\([^()\n]{0,200}\)){0,2000})\)|\[[^\]\n]{0,500}\]))",
    r"(?P<auto><(?P<autourl>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]{1,2000}|[^<>\s@]{1,200}@[^<>\s@]{1,200})>)",
    r"(?P<opener><(?=!--))",  # where an HTML comment may open (``_Comments`` says whether it does)
    r"(?P<brtag><[Bb][Rr]\s{0,8}/?>)",
    r"(?P<tag></?[A-Za-z][A-Za-z0-9\-]{0,30}(?:\s[^<>]{0,500})?/?>)",
)
_INLINE_TAIL = (
    r"(?P<strong>(?P<sdelim>\*\*|__)(?=\S)(?P<sbody>.{1,300}?)(?<=\S)(?P=sdelim))",
    r"(?P<hl>==(?=[^\s=])(?P<hbody>.{1,300}?)(?<=[^\s=])==)",
    r"(?P<strike>~~(?=\S)(?P<kbody>.{1,300}?)(?<=\S)~~)",
    r"(?P<em>\*(?=[^\s*])(?P<ebody>[^*\n]{1,300}?)(?<=[^\s*])\*)",
    r"(?P<emu>(?<![A-Za-z0-9_])_(?=[^\s_])(?P<ubody>[^_\n]{1,300}?)(?<=[^\s_])_(?![A-Za-z0-9_]))",
    r"(?P<ent>&(?:[A-Za-z][A-Za-z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});)",
)
_URL_PART = r"(?P<url>(?:https?|ftp)://[^\s<>`'\"）」』】]{1,2000})"
# A hard break is tried where a run of spaces starts only: a scan never stands inside one (no other part ends with a
# space), and retrying the rest of a long run at each of its spaces would be quadratic.
_BREAK_PART = r"(?P<br>(?<!\ )\ {2,}+\n|\\\n)"
# Text without "://" or a line break needs neither of the last two alternatives, and trying them (at every "h",
# "f" and space) is most of the cost of a scan.
_INLINE_RE = re.compile("|".join((*_INLINE_HEAD, *_INLINE_TAIL)), re.DOTALL)
_INLINE_FULL_RE = re.compile("|".join((*_INLINE_HEAD, _URL_PART, *_INLINE_TAIL, _BREAK_PART)), re.DOTALL)
#: Where an alternative of the patterns above can start: each opens with one of these characters, a URL's scheme
#: (``_URL_PART``) or two spaces (``_BREAK_PART``). Their alternatives open with groups, not literals, so the engine
#: cannot skip ahead by itself: ``finditer`` tried every alternative at every character, most of the time spent
#: reading inline text. ``_scan`` tries the pattern only where one of these stands.
_INLINE_STARTS_RE = re.compile(r"[\\`!\[{<*_=~&^]")
_INLINE_FULL_STARTS_RE = re.compile(r"[\\`!\[{<*_=~&^]|(?:https?|ftp)://|  ")

_TICKS_RE = re.compile(r"`+")
#: Inline code opens with at most this many backticks and holds at most this many characters.
_CODE_TICKS = 16
_CODE_BODY = 4000


class _Code(NamedTuple):
    """A stretch found without the pattern: inline code and its body, an HTML comment, or bold and italic at once
    (``***Mutual Exclusion***``) and what it shows."""

    start: int
    end: int
    body: str


class _CodeSpans:
    """The inline code spans of a text, found in order, each in time independent of the text's length.

    A span opens at the backtick where the scan stands (inside a longer run too: the rest of the run then begins
    the body) with up to 16 of the backticks from there. The first later run of exactly as many backticks, at
    most 4,000 characters on, closes it; the most backticks that find a closing run win. This is what the regular
    expression ``(`{1,16})(.{1,4000}?)(?<!`)\\1(?!`)`` finds, but that retried its 16 openings over 4,000
    characters at every backtick of a run (a line of backticks took seconds): here each run of backticks looks
    up, for each length, the next run that long.
    """

    def __init__(self, src: str) -> None:
        self._src = src
        self._runs = [(m.start(), m.end()) for m in _TICKS_RE.finditer(src)]
        #: Run length (up to 16) -> where the runs that long start, in order.
        self._starts: dict[int, list[int]] = {}
        for a, b in self._runs:
            if b - a <= _CODE_TICKS:
                self._starts.setdefault(b - a, []).append(a)
        self._run = 0  # the first run where a span may still open
        self._found: tuple[int, _Code | None] | None = None  # the last answer of first(): (from, span)

    def first(self, pos: int) -> _Code | None:
        """The first span opening at or after ``pos``; ``pos`` never goes back."""
        if self._found is not None:
            span = self._found[1]
            if span is None or span.start >= pos:  # the first from an earlier place is still the first from here
                return span
        runs = self._runs
        span = None
        while self._run < len(runs):
            a, b = runs[self._run]
            if b > pos:
                span = self._opening_in(max(a, pos), b)
                if span is not None:
                    break
            self._run += 1
        self._found = (pos, span)
        return span

    def _opening_in(self, start: int, end: int) -> _Code | None:
        """The first span opening in the run of backticks ``start``–``end``."""
        best: tuple[int, int, int] | None = None  # (opens at, backticks, closing run starts at)
        for ticks, starts in self._starts.items():
            if ticks > end - start:
                continue
            after = bisect_right(starts, end)  # runs after this one: they start past its end
            if after == len(starts):
                continue
            close = starts[after]
            at = max(start, close - ticks - _CODE_BODY)  # the body is at most _CODE_BODY characters
            if at > end - ticks:
                continue
            if best is None or at < best[0] or (at == best[0] and ticks > best[1]):
                best = (at, ticks, close)
        if best is None:
            return None
        at, ticks, close = best
        return _Code(at, close + ticks, self._src[at + ticks : close])


_COMMENT_BODY = 4000


class _Comments:
    """The HTML comments of a text, in order: ``<!--`` closed by the first ``-->`` at most 4,000 characters on
    (what ``<!--.{0,4000}?-->`` finds); each ``-->`` is looked for once, however many ``<!--`` precede it."""

    def __init__(self, src: str) -> None:
        self._src = src
        self._close = -1  # the first "-->" after the last "<!--" looked at (-2: none)
        self._found: tuple[int, ...] | None = None  # the last answer of first(), () for none

    def first(self, pos: int) -> tuple[int, int] | None:
        """The first comment (start, end) opening at or after ``pos``; ``pos`` never goes back."""
        if self._found is not None:
            comment = self._found
            if not comment:
                return None
            if comment[0] >= pos:  # the first from an earlier place is still the first from here
                return comment[0], comment[1]
        src = self._src
        start = src.find("<!--", pos)
        comment = ()
        while start >= 0:
            body = start + 4
            if -1 <= self._close < body:
                self._close = src.find("-->", body)
                if self._close < 0:
                    self._close = -2
            if self._close == -2:
                break
            if self._close - body <= _COMMENT_BODY:
                comment = (start, self._close + 3)
                break
            start = src.find("<!--", start + 1)
        self._found = comment
        return comment or None


def _scan(scanner: re.Pattern[str], starts: re.Pattern[str], src: str, pos: int) -> Iterator[re.Match[str]]:
    """What ``scanner.finditer(src, pos)`` finds, trying ``scanner`` only at the places ``starts`` finds (where a
    match can start): linear in ``src`` as ``finditer`` is, each place being tried once."""
    find = starts.search
    match = scanner.match
    while (place := find(src, pos)) is not None:
        at = place.start()
        m = match(src, at)
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = m.end()  # no alternative matches the empty string


def _markup(src: str) -> Iterator[tuple[int, int, str, re.Match[str] | _Code]]:
    """The inline markup of ``src`` in order, leftmost first: (start, end, kind, match or span), a span being inline
    code (``kind`` "code") or an HTML comment ("comment")."""
    if "://" in src or "\n" in src:
        scanner, starts = _INLINE_FULL_RE, _INLINE_FULL_STARTS_RE
    else:
        scanner, starts = _INLINE_RE, _INLINE_STARTS_RE
    codes = _CodeSpans(src) if "`" in src else None
    comments = _Comments(src) if "<!--" in src else None
    found = _scan(scanner, starts, src, 0)
    while (m := next(found, None)) is not None:
        kind = m.lastgroup or ""
        if kind == "tick":
            code = codes.first(m.start()) if codes is not None else None
            if code is None or code.start != m.start():
                continue  # a backtick that opens nothing is text
            yield code.start, code.end, "code", code
            found = _scan(scanner, starts, src, code.end)
        elif kind == "opener":
            comment = comments.first(m.start()) if comments is not None else None
            if comment is None or comment[0] != m.start():
                continue
            yield comment[0], comment[1], "comment", _Code(comment[0], comment[1], "")
            found = _scan(scanner, starts, src, comment[1])
        elif kind == "strong" and m.group("sbody")[:1] == m.group("sdelim")[0] == src[m.end() : m.end() + 1]:
            # "***Mutual Exclusion***": bold and italic at once; the italic's markers are no text
            yield m.start(), m.end() + 1, "strong-em", _Code(m.start(), m.end() + 1, m.group("sbody")[1:])
            found = _scan(scanner, starts, src, m.end() + 1)
        else:
            yield m.start(), m.end(), kind, m


#: A cheap test: text holding none of these has no inline markup and no control character at all: one of the
#: characters, ``://``, a hard break (two spaces, a newline), ``{{`` or ``{:``. Written as one class (then a look
#: back at which character it was) so that the engine skips from one candidate character to the next: an
#: alternation that opens with a class is tried at every position, three times as slow.
_SPECIAL_RE = re.compile(
    r"[\\`*_=<\[&~!^\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff:{ ](?:(?<=[^:{ ])|(?<=:)//|(?<= ) \n|(?<=\{)[{:])"
)
#: C0 and C1 control characters but newline and tab, zero-width space, line and paragraph separators, BOM.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
#: Terminal escape sequences, taken whole so that their parameters go too:
#: - the string ones (OSC ``ESC ]``, DCS ``ESC P``, SOS ``ESC X``, PM ``ESC ^``, APC ``ESC _`` and their 8-bit forms)
#:   with their payload, up to BEL or ST (``ESC \`` or ``\x9c``); an unterminated one ends at the line, never
#:   taking the next line with it;
#: - CSI ``ESC [`` (or ``\x9b``) … final byte;
#: - every other ``ESC`` sequence (intermediate bytes, then one final byte: ``ESC c``, ``ESC 7``, ``ESC ( B``).
_ESCAPE_RE = re.compile(
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|\x1b[ -/]*[0-~]"
)
_ESCAPE_START_RE = re.compile(r"[\x1b\x90\x98\x9b\x9d\x9e\x9f]")


def strip_controls(text: str) -> str:
    """``text`` without terminal escape sequences (whole) and control characters; newlines and tabs are kept.

    Every piece of note text shown or printed goes through this: a note must never drive the terminal
    (``ESC ]0;…BEL`` sets the window title, ``ESC [2J`` clears the screen), nor leave ``[31m`` behind. Besides C0
    and C1 controls, the zero-width space, the byte-order mark and the line and paragraph separators go (the
    separators leave a space, as they part words).
    """
    if not _CONTROL_RE.search(text):
        return text
    if _ESCAPE_START_RE.search(text):
        text = _ESCAPE_RE.sub("", text)
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", " ").replace("\u2029", " ")
    return _CONTROL_RE.sub("", text)


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` without controls, folded onto one line (runs of white space become one space), cut to ``limit``
    characters with an ellipsis."""
    line = " ".join(strip_controls(text).split())
    if limit is not None and len(line) > limit:
        line = line[: max(0, limit - 1)] + "…"
    return line


#: Longer inline text is taken as it is, with no markup read: it is not a note anyone wrote by hand.
INLINE_MAX_CHARS = 20_000


#: What :func:`inline` read from short texts holding markup: the card rules read the same paragraph or item again
#: and again (a fifth of the texts of a folder of notes were read before). Bounded: emptied when full.
_INLINES: dict[str, Inline] = {}
_INLINES_MAX = 20_000
_INLINES_MAX_CHARS = 300


def inline(src: str) -> Inline:
    """Plain text of inline Markdown ``src``, with its cloze marks and protected spans."""
    found = _INLINES.get(src)
    if found is not None:
        return found
    if len(src) > INLINE_MAX_CHARS:
        return Inline(strip_controls(src))
    if not _SPECIAL_RE.search(src):
        return Inline(src)
    found = _read_inline(src)
    if len(src) <= _INLINES_MAX_CHARS:
        if len(_INLINES) >= _INLINES_MAX:
            _INLINES.clear()
        _INLINES[src] = found
    return found


def _indexed_by(ch: str, brackets: str) -> bool:
    """``[i][j]`` after ``ch``, a letter or digit of ASCII or a closing bracket, each part a short name or number:
    an index (``M[i][j]``, ``dp[0][n]``), not a reference link (``K8s[Service docs][svc]``)."""
    return ((ch.isascii() and ch.isalnum()) or ch in ")]_") and _INDEX_RE.fullmatch(brackets) is not None


_INDEX_RE = re.compile(r"\[[A-Za-z0-9_+\-* ]{1,6}\]\[[A-Za-z0-9_+\-* ]{1,6}\]")


def _read_inline(src: str) -> Inline:
    if _CONTROL_RE.search(src):
        src = strip_controls(src)  # before the scan, so the spans are offsets into the text returned
    out: list[str] = []
    marks: list[Span] = []
    protected: list[Span] = []
    pos = 0  # offset into out's joined text
    last = 0
    for start, end, kind, m in _markup(src):
        if start > last:
            piece = src[last:start]
            out.append(piece)
            pos += len(piece)
        last = end
        if kind == "comment":
            piece = ""  # not the note's text
        elif kind in ("strong", "hl", "strong-em"):
            if isinstance(m, _Code):  # ("strong-em": bold and italic at once, the italic's asterisks gone)
                sub = inline(m.body)
            else:
                sub = inline(m.group("sbody") if kind == "strong" else m.group("hbody"))
            piece = sub.text
            protected.extend((pos + a, pos + b) for a, b in sub.protected)
            if piece.strip():
                marks.append((pos, pos + len(piece)))
        elif isinstance(m, _Code):
            body = m.body.replace("\n", " ")
            if len(body) > 2 and body[0] == " " and body[-1] == " " and body.strip():
                body = body[1:-1]
            protected.append((pos, pos + len(body)))
            piece = body
        elif kind == "esc":
            piece = m.group("escch")
        elif kind == "wiki":
            piece = "" if m.group("embed") else wiki_text(m.group("wpage"), m.group("walias"))
            if piece:
                protected.append((pos, pos + len(piece)))
        elif kind in ("img", "short", "ial", "foot", "ifoot", "blockid") or (
            kind == "tag" and is_markup_tag(m.group(0))
        ):
            piece = ""  # an image cannot be studied in a terminal; the rest is not the note's text
        elif kind == "tag":
            piece = m.group(0)  # a placeholder: "kubectl drain <node>", "<service>.<resource>.<verb>"
        elif kind == "brtag":
            piece = "\n"
        elif kind == "link" and m.group("dest") is None and start and _indexed_by(src[start - 1], m.group(0)):
            piece = m.group(0)  # "M[i][j]", "arr[0][1]": an index after a name, not a reference link
        elif kind == "link":
            sub = inline(m.group("ltext"))
            piece = sub.text
            # A bold word that is the whole link text can be its answer (``[**Lambda**](…) runs code``); bold in
            # part of it is a linked page's card, its title and summary pasted whole (``[**owner/repo** About …]``).
            if len(sub.marks) == 1 and piece.strip() == piece[sub.marks[0][0] : sub.marks[0][1]].strip():
                marks.append((pos + sub.marks[0][0], pos + sub.marks[0][1]))
            if piece:  # a colon or a full stop in link text never splits it
                protected.append((pos, pos + len(piece)))
        elif kind == "auto":
            piece = m.group("autourl") or m.group("auto")[1:-1]
            protected.append((pos, pos + len(piece)))
        elif kind == "url":
            piece = m.group("url")
            protected.append((pos, pos + len(piece)))
        elif kind in ("strike", "em", "emu"):
            sub = inline(m.group("kbody") or m.group("ebody") or m.group("ubody") or "")
            marks.extend((pos + a, pos + b) for a, b in sub.marks)
            protected.extend((pos + a, pos + b) for a, b in sub.protected)
            piece = sub.text
        elif kind == "ent":
            piece = html.unescape(m.group("ent"))
        else:  # hard line break
            piece = "\n"
        out.append(piece)
        pos += len(piece)
    if last < len(src):
        out.append(src[last:])
    text = "".join(out)
    if _CONTROL_RE.search(text):
        # Only an entity such as &#27; can bring one back; removing it would shift the spans, so blank it out.
        text = _CONTROL_RE.sub(" ", text)
    return Inline(text, tuple(marks), tuple(protected))


def wiki_text(page: str, alias: str | None = None) -> str:
    """What an Obsidian link shows: its alias, else the page (``Page#Heading`` as ``Page › Heading``; a block
    reference ``#^id`` is not shown)."""
    if alias and alias.strip():
        return alias.strip()
    page, _, heading = page.partition("#")
    heading = "" if heading.startswith("^") else heading.replace("#", " › ").strip()
    page = page.strip()
    if page and heading:
        return f"{page} › {heading}"
    return page or heading


def plain(src: str) -> str:
    """Plain text of inline Markdown, stripped."""
    return inline(src).text.strip()


# --- joining lines -----------------------------------------------------------------------------------------


def is_wide(ch: str) -> bool:
    """True for CJK characters and full-width punctuation: text written without spaces between words."""
    return ch >= "\u2e80" and unicodedata.east_asian_width(ch) in ("W", "F")


#: Wide punctuation after which a wrapped line goes on with no space, whatever it starts with (``。30日間``).
_WIDE_ENDS = frozenset("。、！？」』）】")


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into one: no space between two CJK characters or after wide punctuation, one space
    otherwise."""
    parts = [ln.strip() for ln in lines]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    out = parts[0]
    for p in parts[1:]:
        out += p if (is_wide(out[-1]) and (is_wide(p[0]) or out[-1] in _WIDE_ENDS)) else " " + p
    return out


# --- sizes ---------------------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")


def word_at(text: str, word: str, start: int = 0, *, plural: bool = False) -> int:
    """Where ``word`` first stands in ``text`` (from ``start``) as a word of its own (maybe with a plural ``s`` after
    it when ``plural``), or -1. An ASCII word within a longer one is not (``rust`` in ``trust``); Japanese has no
    spaces to tell words apart (``トランザクション`` in ``トランザクション内`` is one)."""
    at = text.find(word, start) if word else -1
    while at >= 0:
        end = at + len(word)
        if plural and text[end : end + 1] == "s":
            end += 1
        before, after = text[at - 1 : at] if at else "", text[end : end + 1]
        if not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum()):
            return at
        at = text.find(word, at + 1)
    return -1


def ascii_words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def content_length(text: str) -> int:
    """Characters of text, not counting white space."""
    return len("".join(text.split()))


def display_width(text: str) -> int:
    return sum(2 if is_wide(ch) else 1 for ch in text)


def truncate(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` terminal cells, with an ellipsis when cut."""
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = 2 if is_wide(ch) else 1
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


# --- normalising, for ids -----------------------------------------------------------------------------------

_PUNCT_EDGE = " \t\n.,;:!?。、，．：；！？・…-—–"


#: Normalised forms of short texts: the parser asks for the same subjects, headings and labels again and again
#: (three times in four over a folder of notes). Bounded: emptied when full.
_NORMALISED: dict[str, str] = {}
_NORMALISED_MAX = 20_000
_NORMALISED_MAX_CHARS = 200


def normalise(text: str) -> str:
    """The form of a front that card ids are made from: NFKC, case-folded, spaces collapsed, outer punctuation
    dropped. So ``CDK の特徴`` and ``cdk  の特徴。`` give the same id."""
    norm = _NORMALISED.get(text)
    if norm is not None:
        return norm
    norm = text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
    norm = " ".join(norm.casefold().split()).strip(_PUNCT_EDGE)
    if len(text) <= _NORMALISED_MAX_CHARS:
        if len(_NORMALISED) >= _NORMALISED_MAX:
            _NORMALISED.clear()
        _NORMALISED[text] = norm
    return norm


# --- URLs and bare links --------------------------------------------------------------------------------------

# (also a Hatena embed: ``[https://speakerdeck.com/…:embed]``)
_BARE_LINK_RE = re.compile(r"^\s*[<\[]?(?:https?|ftp|mailto|file)://?\S*[>\]]?\s*$|^\s*www\.\S+\s*$", re.I)


def is_bare_link(text: str) -> bool:
    return bool(_BARE_LINK_RE.match(text))


# --- sentences ---------------------------------------------------------------------------------------------------

#: (``．``, the full stop of Japanese written with ``，``, ends one too, unless a figure follows: ``３．５``.)
_SENTENCE_END_RE = re.compile(r"(?:[。！？!?]|．(?![0-9０-９]))+(?![」』）)\]。．！？!?])|\.(?=\s)|\n")


#: The rest of a bracket opened before a sentence's end, closed on the same line.
_CLOSES_RE = re.compile(r"[^\n()（）]{0,200}[)）]")
#: Abbreviations whose full stop ends no sentence (``etc.`` does when a capital follows).
_ABBREVIATIONS = ("i.e.", "e.g.", "vs.", "cf.", "fig.", "approx.", "a.k.a.", " no.")


def sentence_spans(text: str, protected: tuple[Span, ...] = ()) -> list[Span]:
    """Split text into sentences: after 。．！？!? or a full stop followed by a space, and at line breaks.
    Never inside a protected span (a URL holds full stops)."""
    spans: list[Span] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        end = m.end()
        if any(a < end <= b for a, b in protected):
            continue
        if text[end - 1] == "." and end > 2:
            before = text[max(0, end - 7) : end].casefold()
            if before.endswith(_ABBREVIATIONS) or (
                before.endswith("etc.") and not text[end : end + 2].lstrip()[:1].isupper()
            ):
                continue  # "(i.e. add backup machines)" goes on; "tables etc. We refer to…" does not
        seg = text[start:end]
        if end < len(text) and seg.count("(") + seg.count("（") > seg.count(")") + seg.count("）"):
            if m.group() != "\n" and _CLOSES_RE.match(text, end):
                continue  # "Android Things 1.0 (IoT 向けの Android。正式版になった)": inside its brackets
        if seg.strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
