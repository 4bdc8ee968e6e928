"""Markup that is not the note's text, and the plain-text habits of Japanese notes.

``normalize_body`` is a pre-pass over a note's body before markdown-it reads its blocks. It keeps every line
where it was (line *n* of its output comes from line *n* of its input), so card line numbers stay right:

- a leading full-width space (U+3000) is indentation; under a bullet, a line indented by one is a sub-bullet
  (``・障害回復`` then ``　ロールバック＝…``), since plain-text notes mark points by indentation alone;
- ``・item``, ``-item``, ``－item`` (and ``•``/``◦``) are ``- item`` bullets, keeping their indentation; a ``・``
  after a list marker (``- ・item``) goes;
- Hugo shortcodes, Jekyll tags (``{% gist … %}``), HTML comments, Obsidian ``%% comments %%`` and embeds ``![[…]]``
  are blanked out; ``{{< highlight go >}}`` … ``{{< /highlight >}}`` and ``{% highlight ruby %}`` …
  ``{% endhighlight %}`` become code fences;
- Zenn and Docusaurus containers (``:::message``, ``:::details Title``, ``:::tip``, ``:::``) lose their fence
  lines, so their contents are read as ordinary blocks; a container's title stays, as a line of its own;
- a line that starts with an HTML tag (``- <img src=…>``, ``<div align="center">``, ``<details>``) loses its
  tags, so it never opens a raw-HTML block that swallows the list after it; an ``<img>`` becomes ``![alt]()``;
  ``<script>``/``<style>`` blocks are blanked out;
- a footnote's text (``[^1]: …``) is blanked out, and ``##Heading`` with no space is a heading;
- emoji shortcodes (``:joy:``, ``[:video_camera:](…)``) go;
- a bold label closed after a space (``**Warning: ** …``) is bold;
- inline math reads as plain text (``$\\textcolor{red}{E}$`` → ``E``, ``\\frac{1}{n}`` → ``1/n``, ``$ n $`` → ``n``),
  and
  YAML pasted without a code fence is blanked out (both in :mod:`.embedded`).

Code fences are never touched. The inline text of a card comes from :func:`clean_inline`; :mod:`.split` finds a
``term: definition`` split, with the separators people use besides the colon.

Every pattern here is linear: its repeats are bounded or anchored to the start of a line, no two unbounded
repeats next to each other can match the same characters, and the scanners find closing marks with ``str.find``
from a position that only moves forward.
"""

from __future__ import annotations

import re

from devday_tui.core.cards.embedded import BARE_KEY_RE, blank_yaml, code_spans, plain_math
from devday_tui.core.cards.indents import dedent_label_lists, nest_one_space_items
from devday_tui.core.tags import HTML_TAGS, is_markup_tag
from devday_tui.core.text import inline

#: A line that is an embedded player or slide deck, with its caption: ``<iframe src="//www.slideshare.net/…">``
#: then ``<div><a …>Title</a> from <a …>Speaker</a></div>``, or a link drawn as a card (``<a class="embedly-card"
#: href=…>Title</a>``), or the citation of an embedded page (``<cite class="hatena-citation"><a href=…>
#: developer.android.com</a></cite>``). It opens with the tag, maybe inside a ``<div>`` or ``<p>``; a sentence that
#: shows ``<script defer src=…>`` is text.
_EMBED_LINE_RE = re.compile(
    r"^[ \t]*(?:<(?:div|p|center)\b[^<>\n]{0,200}>[ \t]*)?"
    r"(?:<(?:iframe|embed|script)\b[^<>\n]{0,500}\bsrc=|(?P<cite><cite\b[^<>\n]{0,200}>[ \t]*<a\b)|(?P<card><a\b[^<>\n]{0,300}\bclass=[\"'][^\"'<>\n]{0,80}\bembedly-card\b))",
    re.I | re.M,
)


def _without_embed(line: str, m: re.Match[str]) -> str:
    """``line`` without the embed it opens with (``m``, its match): all of it for a player with its caption, the text
    after a link drawn as a card (``<a class="embedly-card" …>Title</a> Pod の QoS クラスは…`` keeps its sentence)."""
    if m.group("cite") is not None:  # "<cite><a …>Strangler Fig</a></cite>: gradually replace…" is the note's text
        return "" if not line.partition("</cite>")[2].strip() else line
    if m.group("card") is None:
        return ""
    _, closed, rest = line.partition("</a>")
    return rest.strip() if closed else ""


def _without_embeds(lines: list[str]) -> list[str]:
    """``lines`` without their embeds (see :func:`_without_embed`), and without the rest of an embed's tag on the
    lines after it (``title="Actions on Google |`` then ``Google Developers" class=…></iframe>``), up to the line
    that closes the tag or a blank line."""
    out = []
    tag_open = False
    for line in lines:
        if tag_open:
            tag_open = bool(line.strip()) and ">" not in line
            out.append("" if line.strip() else line)
            continue
        if "<" in line and (m := _EMBED_LINE_RE.match(line)) is not None:
            tag_open = m.group("card") is None and m.group("cite") is None and ">" not in line[m.end() :]
            out.append(_without_embed(line, m))
            continue
        out.append(line)
    return out


__all__ = [
    "clean_inline",
    "is_only_image",
    "normalize_body",
    "split_br",
    "strip_bullet",
]

# --- normalize_body ------------------------------------------------------------------------------------------------

#: A line worth a closer look: anything else is passed through as it is. Two patterns, one for how a line starts
#: and one for what may stand anywhere in it: every alternative of the second opens with a literal character, so
#: the engine skips to those characters instead of trying each alternative at every position (as one pattern, the
#: scan took three to four times as long).
_TRIGGER_RES = (
    re.compile(
        r"^[ \t>]*(?:[\u3000・･•◦－<]|:::|\[[!^]|#{2,6}[^#\s]|-(?:[^\s-]|\u3000)|(?:[-+*]|[0-9]{1,9}[.)])[ \t]+[<・･•◦]"
        r"|\$\$[ \t]*$|:(?:LOGBOOK|PROPERTIES):[ \t]*$)",
        re.M,
    ),
    re.compile(
        r"<!--|\{\{[<%]|\{%|%%|!\[\[|```|~~~|:(?<![\w:]:)[a-z0-9_+\-]{1,40}:(?![\w:])"
        r"|\$(?=[^$\n]{0,300}(?:\\[A-Za-z{}]|[_^]))|\$[ \t]?[A-Za-z][ \t]?\$|\*\*(?=[^\s*])[^*\n]{1,40}?[:：][ \t]\*\*"
    ),
)
#: A bold label closed after a space (``**Warning: ** text``), which CommonMark reads as two asterisks, not as bold
#: (``2**3 ** 2`` and ``**kwargs … **`` in prose are no label).
_LOOSE_BOLD_RE = re.compile(r"(?<![\w*])\*\*(?=[^\s*])([^*\n]{1,40}?[:：])[ \t]++\*\*(?=[ \t]|\Z)")
#: Indentation (spaces, tabs, full-width spaces) and block-quote markers before a line's content.
_LEAD_RE = re.compile(r"[ \t\u3000]*")
#: An Obsidian callout's type marker, ``> [!info]`` or ``> [!tip]- Title`` (with its style after pipes:
#: ``> [!maths|black|outlined] Title``): markup, not the note's text.
_CALLOUT_RE = re.compile(r"\A\[!([A-Za-z][\w -]{0,30})(?:\|[\w -]{0,30}){0,4}\][+-]?[ \t]*+")
#: (A callout's type is one word, ``[!tip]``, ``[!definition]``: without a title of its own, it has none worth a
#: line. A "type" of several words, ``[!VPC Peering]``, names the callout's subject: it is its title.)
_QUOTES_RE = re.compile(r"(?:>[ \t\u3000]*)*")
_MARKER_ITEM_RE = re.compile(r"(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]+|$)")
# The patterns below are only ever matched at the start of a line (``match``/``fullmatch``): ``\A`` says so, and keeps
# a search from retrying a long run of spaces or list marks at each of its characters. Their runs are possessive
# (``*+``, ``++``): what follows each run cannot be part of it, so giving characters back never finds a match.
_FENCE_OPEN_RE = re.compile(r"\A((?:[-+*]|[0-9]{1,9}[.)])[ \t]++)*+(`{3,}+|~{3,}+)([^\n]*+)")
_FENCE_CLOSE_RE = re.compile(r"\A[ \t>]*+(`{3,}|~{3,})[ \t]*")
#: A container fence: colons, then a name (``details``), then a title in brackets (``[Title]``) or after a space.
_CONTAINER_RE = re.compile(r":{3,}[ \t]*(?:([A-Za-z][\w-]{0,40})(?![\w-]))?(?:\[([^\]\n]{0,300})\])?([^\n]*)")
#: A footnote's text, ``[^1]: …``: not a card, and its mark is dropped from the text that cites it.
_FOOTNOTE_RE = re.compile(r"\[\^[^\]\s]{1,60}\]:")
#: A GitHub emoji shortcode, ``:joy:``, ``:video_camera:``: no text of the note. What it leaves of a link goes too.
_EMOJI_RE = re.compile(r"(?<![\w:]):(?=[_+\-]{0,39}[a-z0-9])[a-z0-9_+\-]{1,40}:(?![\w:])")
_EMPTY_LINK_RE = re.compile(r"\[[ \t]*\]\([^)\n]{0,2000}\)")
#: ``##Heading`` with no space: meant as a heading.
_TIGHT_HEADING_RE = re.compile(r"#{2,6}(?=[^#\s])")
#: Container kinds whose word after the name is a style (``:::message alert``), not a title.
_UNTITLED_CONTAINERS = frozenset({"message"})
#: Words that name a container's style, not its title (Qiita ``:::note warn``, ``:::note info``).
_STYLE_WORDS = frozenset("info warn warning alert tip danger caution success error note important".split())
#: A Hugo (``{{< highlight go >}}``) or Jekyll (``{% highlight ruby %}``) code block's opening and closing lines.
_HIGHLIGHT_RE = re.compile(
    r"\A[ \t]*+(?:\{\{[<%][ \t]*highlight[ \t]+([\w+#.-]{0,40})[^\n]{0,500}?[>%]\}\}"
    r"|\{%-?[ \t]*highlight[ \t]+([\w+#.-]{0,40})[^\n]{0,500}?%\})[ \t]*"
)
_HIGHLIGHT_END_RE = re.compile(
    r"\A[ \t]*+(?:\{\{[<%][ \t]*/highlight[ \t]*[>%]\}\}|\{%-?[ \t]*endhighlight[ \t]*-?%\})[ \t]*"
)
#: Openers of the stretches blanked out, with their closing marks.
_OPENERS_RE = re.compile(r"<!--|%%|\{\{<|\{\{%|\{%|!\[\[")
_CLOSERS = {"<!--": "-->", "%%": "%%", "{{<": ">}}", "{{%": "%}}", "{%": "%}", "![[": "]]"}
#: Openers that are text when their closing mark is not on the same line (an embed, a Jekyll tag: ``{% gist … %}``).
_ONE_LINE_OPENERS = frozenset({"![[", "{%"})
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,30})((?:[ \t][^<>\n]{0,1000})?)/?>")
#: A tag opened at the start of a line whose attributes go on to later lines: ``<iframe class="…"``.
_OPEN_TAG_RE = re.compile(r"<([A-Za-z][A-Za-z0-9-]{0,30})(?:[ \t]|\Z)")
_ALT_RE = re.compile(r"""\balt[ \t]*=[ \t]*(?:"([^"\n]{0,300})"|'([^'\n]{0,300})'|([^\s"'>]{1,300}))""", re.I)
#: Tags whose contents are not text at all.
_HIDDEN_TAGS = frozenset({"script", "style"})
#: A post embedded from a social site (``<blockquote class="twitter-tweet">…</blockquote>``): someone's remark,
#: its author and date, never the note's text.
_EMBED_RE = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|threads-post")
#: Tags whose contents are kept as they are (preformatted): their lines are left alone.
_VERBATIM_TAGS = frozenset({"pre", "textarea"})
#: Tags that end a piece of text: removed, they leave a space so that words on either side stay apart.
_BREAKING_TAGS = frozenset(
    """address article aside blockquote br caption center dd details dialog div dl dt figcaption figure footer
    h1 h2 h3 h4 h5 h6 header hr li main nav ol p section summary table tbody td tfoot th thead tr ul""".split()
)
#: What may start a label line taken from a container title: escaped so it stays a plain line.
_BLOCK_START_RE = re.compile(r"[#>+*=|-]|[0-9]{1,9}[.)](?:\s|$)")
#: ``-`` followed by one letter or digit and then a space, ``,``, ``:`` or the end: a command-line flag.
_FLAG_RE = re.compile(r"-[A-Za-z0-9](?:[\s,:=]|$)")


def _width(ws: str) -> int:
    """Columns taken by leading white space: a tab to the next multiple of 4, a full-width space 2."""
    col = 0
    for ch in ws:
        if ch == "\t":
            col += 4 - col % 4
        else:
            col += 2 if ch == "\u3000" else 1
    return col


class _Scan:
    """The state carried from line to line."""

    __slots__ = ("closer", "fence", "hidden", "in_list", "next_close")

    def __init__(self) -> None:
        self.closer = ""  # the closing mark of a stretch being blanked (an HTML comment, %%, a shortcode)
        self.fence: tuple[str, int] | None = None  # (character, length) of the open code fence
        self.hidden = ""  # the closing tag of a <script>/<style> block being blanked
        self.in_list = False  # the last text line was a list item, or inside one
        self.next_close: dict[str, int] = {}


def _blank_inline(line: str, scan: _Scan) -> str:
    """``line`` without comments, shortcodes and embeds (outside inline code); may open a multi-line stretch."""
    if not _OPENERS_RE.search(line):
        return line
    spans = code_spans(line) if "`" in line else []
    out: list[str] = []
    pos = 0
    cache: dict[str, int] = {}  # closing mark -> its next position (or -1), found from a position moving forward
    for m in _OPENERS_RE.finditer(line):
        start = m.start()
        if start < pos or any(a <= start < b for a, b in spans):
            continue
        opener = m.group()
        closer = _CLOSERS[opener]
        at = cache.get(closer, -2)
        if at == -2 or (0 <= at < m.end()):
            at = line.find(closer, m.end())
            cache[closer] = at
        if at < 0:
            if opener in _ONE_LINE_OPENERS:
                continue  # an unclosed embed or tag is text
            out.append(line[pos:start])
            scan.closer = closer  # the stretch goes on to a later line
            return "".join(out).rstrip()
        out.append(line[pos:start])
        pos = at + len(closer)
    out.append(line[pos:])
    return "".join(out)


def _img_markdown(attrs: str) -> str:
    m = _ALT_RE.search(attrs)
    alt = (m.group(1) or m.group(2) or m.group(3) or "") if m else ""
    alt = alt.replace("[", "").replace("]", "").strip()
    return f"![{alt}]()"


def _untag(content: str) -> str:
    """A line that starts with an HTML tag, without its tags: ``<img>`` becomes ``![alt]()``, block tags a space."""

    def one(m: re.Match[str]) -> str:
        if not is_markup_tag(m.group(0)):
            return m.group(0)  # a placeholder: "<b>Drain</b> kubectl drain <node>"
        name = m.group(2).lower()
        if name == "img" and not m.group(1):
            return _img_markdown(m.group(3))
        return " " if name in _BREAKING_TAGS else ""

    return " ".join(_TAG_RE.sub(one, content).split())


def _escape_label(text: str) -> str:
    return "\\" + text if _BLOCK_START_RE.match(text) else text


def _line(line: str, scan: _Scan, prev_blank: bool, *, math_block: bool = False, continued: bool = False) -> str:
    """One line outside code, comments and hidden blocks."""
    lead = _LEAD_RE.match(line).end()  # type: ignore[union-attr]  # matches the empty string at worst
    ws = line[:lead]
    quotes_end = _QUOTES_RE.match(line, lead).end()  # type: ignore[union-attr]  # matches the empty string at worst
    quotes = line[lead:quotes_end]
    rest = line[quotes_end:]

    # Code fences: the fence line itself is kept, and everything up to its closing line.
    if rest[:3] in ("```", "~~~") or ((rest[:1] in "-+*" or rest[:1].isdigit()) and ("```" in rest or "~~~" in rest)):
        fm = _FENCE_OPEN_RE.match(rest)
        if fm and not (fm.group(2)[0] == "`" and "`" in fm.group(3)):
            scan.fence = (fm.group(2)[0], len(fm.group(2)))
            return line
    hm = _HIGHLIGHT_RE.fullmatch(line) if "highlight" in rest else None
    if hm:
        scan.fence = ("hugo", 0)
        return ws.replace("\u3000", "  ") + "````" + (hm.group(1) or hm.group(2) or "")

    if rest[:1] == ":" and rest.rstrip() in (":LOGBOOK:", ":PROPERTIES:"):
        scan.hidden = ":end:"  # Logseq's and Org's drawer, up to its ":END:": the clock's entries, no text
        return ""
    rest = _blank_inline(rest, scan)
    if "** " in rest or "*\t" in rest:
        rest = _LOOSE_BOLD_RE.sub(r"**\1**", rest)  # "**Warning: ** Flannel…": bold closed after a space
    if "$" in rest and not (rest[:2] == "$$" and math_block):
        rest = plain_math(rest)
    if ":" in rest and _EMOJI_RE.search(rest):
        rest = _EMOJI_RE.sub("", rest)
        rest = _EMPTY_LINK_RE.sub("", rest) if "[" in rest else rest
    if rest[:2] == "[^" and _FOOTNOTE_RE.match(rest):
        return ""
    if rest[:2] == "##" and not quotes:
        tight = _TIGHT_HEADING_RE.match(rest)
        if tight:
            rest = rest[: tight.end()] + " " + rest[tight.end() :]
    if quotes and rest[:2] == "[!":
        callout = _CALLOUT_RE.match(rest)
        if callout:  # the callout's title, if any, stays as the first line of the quote
            rest = rest[callout.end() :]
            if not rest.strip():
                kind = callout.group(1).strip()
                if " " not in kind:
                    return (ws + quotes).rstrip()
                rest = kind

    # Containers: the fence lines go, a title stays as a line of its own.
    if rest[:3] == ":::":
        cm = _CONTAINER_RE.fullmatch(rest)
        if cm:
            name = (cm.group(1) or "").lower()
            title = cm.group(2) if cm.group(2) is not None else cm.group(3)
            title = title.strip() if title else ""
            if name in _UNTITLED_CONTAINERS or title.startswith("{") or title.lower() in _STYLE_WORDS or not prev_blank:
                title = ""
            return " " * _width(ws) + _escape_label(clean_inline(title)) if title else ""

    indent = " " * _width(ws) if "\u3000" in ws else ws
    marker = ""
    first = rest[:1]
    if first in ("・", "･", "•", "◦"):
        if rest[1:2] not in ("・", "･"):  # ・・・ is an ellipsis
            marker, rest = "- ", rest[1:].lstrip(" \t\u3000")
    elif first == "－":
        if rest[1:2] != "－":
            marker, rest = "- ", rest[1:].lstrip(" \t\u3000")
    elif first == "-" and rest[1:2] == "\u3000":  # "-　item": a full-width space after the dash
        marker, rest = "- ", rest[1:].lstrip(" \t\u3000")
    elif first == "-" and len(rest) > 1 and not rest[1].isspace() and not continued:
        second = rest[1]  # (after a line ending in "`" or "\\", "-UserPrincipalName …" goes on with a command)
        if not (second in "->=.|:" or second.isdigit() or _FLAG_RE.match(rest)):
            marker, rest = "- ", rest[1:]
    if not marker:
        im = _MARKER_ITEM_RE.match(rest)
        if im:
            marker, rest = rest[: im.end()], rest[im.end() :]
            if rest[:1] in ("・", "･", "•", "◦") and rest[1:2] not in ("・", "･"):  # "- ・item": one bullet
                rest = rest[1:].lstrip(" \t\u3000")
    if marker:
        scan.in_list = True
    elif rest.strip() and not ws:
        scan.in_list = False
    if "\u3000" in ws and not marker:
        if scan.in_list and not prev_blank and rest.strip():
            # Right under a bullet, a line indented by a full-width space is a point of its own, one level down.
            marker = "- "
        elif not scan.in_list:
            indent = " " * min(_width(ws), 3)  # a paragraph's indent, never an indented code block

    if rest[:1] == "<":
        tm = _TAG_RE.match(rest)
        if tm is None and ">" not in rest and (om := _OPEN_TAG_RE.match(rest)) and om.group(1).lower() in HTML_TAGS:
            scan.closer = ">"  # "<iframe class=…" then its attributes on lines of their own, up to its ">"
            return (indent + quotes + marker).rstrip()
        if tm and not (marker or rest[tm.end() :].strip()) and not is_markup_tag(tm.group(0)):
            return (indent + quotes).rstrip()  # a tag alone on its line is markup, even a key's name: MDX's "<Tab>"
        if tm and is_markup_tag(tm.group(0)):
            name = tm.group(2).lower()
            if (name in _HIDDEN_TAGS or (name == "blockquote" and _EMBED_RE.search(tm.group(3)))) and not tm.group(1):
                close = f"</{name}>"
                if close not in rest.lower():
                    scan.hidden = close
                return ""
            if name not in _VERBATIM_TAGS:
                rest = _untag(rest)
                if not rest:
                    return (indent + quotes + marker).rstrip()
                if name in ("details", "summary") and not marker and not prev_blank:
                    return ""
                if not marker:
                    rest = _escape_label(rest)
    out = indent + quotes + marker + rest
    return out if out.strip() else ""


#: The line-start trigger after a line end: a search for ``^…`` tries every character, one for ``\n…`` skips to line
#: ends (its matches start one character before their line; the first line is matched apart).
_LINE_TRIGGER_LATER_RE = re.compile("\n" + _TRIGGER_RES[0].pattern[1:], re.M)
assert _TRIGGER_RES[0].pattern[0] == "^"


def _hit_lines(text: str) -> list[int]:
    """Indexes of the lines holding something :func:`normalize_body` may change, in order."""
    hits: set[int] = set()
    if _TRIGGER_RES[0].match(text):
        hits.add(0)
    # No match spans a line end: a line is a hit when either pattern matches in it.
    for trigger, shift in ((_LINE_TRIGGER_LATER_RE, 1), (_TRIGGER_RES[1], 0)):
        line = 0
        pos = 0
        for m in trigger.finditer(text):
            start = m.start() + shift
            line += text.count("\n", pos, start)
            pos = start
            hits.add(line)
    return sorted(hits)


def _list_after(lines: list[str], start: int, end: int, in_list: bool) -> bool:
    """Whether a list is still open after ``lines[start:end]`` (passed through unchanged), given ``in_list``
    before them: the last line that decides is a list item (yes) or text at the left margin (no)."""
    for k in range(end - 1, start - 1, -1):
        line = lines[k]
        if not line.strip():
            continue
        if not line[0].isspace():
            return _MARKER_ITEM_RE.match(line) is not None
        if _MARKER_ITEM_RE.match(line.lstrip()):
            return True
    return in_list


#: A BibTeX entry pasted into a note opens ``@article{brooks2021overview,``; its fields (``title = {…},``) follow, up
#: to a line that is ``}``. It cites a source: no term and its definition.
_BIBTEX_OPEN_RE = re.compile(r"^[ \t]*@[A-Za-z]{2,20}[ \t]*\{[^,{}\n]{0,100},[ \t]*$", re.M)
#: A BibTeX entry has at most this many lines.
_BIBTEX_MAX_LINES = 40


def _blank_bibtex(text: str) -> str:
    """``text`` with the lines of each BibTeX entry blanked (as many lines as before)."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if lines[i][:1] in "@ \t" and _BIBTEX_OPEN_RE.match(lines[i]):
            end = next((j for j in range(i + 1, min(len(lines), i + _BIBTEX_MAX_LINES)) if lines[j].strip() == "}"), -1)
            if end > 0:
                lines[i : end + 1] = [""] * (end + 1 - i)
                i = end
        i += 1
    return "\n".join(lines)


def normalize_body(text: str) -> str:
    """The note body ``text`` (LF newlines) with non-text markup blanked out and plain-text bullets made Markdown.

    The result has exactly as many lines as ``text``, each from its own input line; lines that need nothing
    are returned unchanged (and a body that needs nothing is returned as it is).
    """
    if "\n" in text and BARE_KEY_RE.search(text) is not None:
        text = blank_yaml(text)
    if "<" in text and _EMBED_LINE_RE.search(text) is not None:
        # A line holding an embedded player, slides or post: its text is the embed's caption ("Title from Speaker").
        text = "\n".join(_without_embeds(text.split("\n")))
    if "@" in text and _BIBTEX_OPEN_RE.search(text) is not None:
        text = _blank_bibtex(text)
    if "\t" in text or "    " in text:
        text = dedent_label_lists(text)
    if "\n - " in text or "\n * " in text:
        text = nest_one_space_items(text)
    hits = _hit_lines(text)
    if not hits:
        return text
    lines = text.split("\n")
    out = list(lines)
    scan = _Scan()
    n = len(lines)
    h = 0
    i = 0
    while i < n:
        if not (scan.closer or scan.hidden):
            # Skip to the next line worth a look; the lines in between stay as they are.
            while h < len(hits) and hits[h] < i:
                h += 1
            if h == len(hits):
                break
            nxt = hits[h]
            if nxt > i and scan.fence is None:
                scan.in_list = _list_after(lines, i, nxt, scan.in_list)
            i = nxt
        line = lines[i]
        prev_blank = i == 0 or not out[i - 1].strip()
        if scan.closer:  # inside a comment or shortcode spanning lines (or a tag's attributes, up to a blank line)
            at = line.find(scan.closer)
            if at < 0:
                if scan.closer == ">" and not line.strip():
                    scan.closer = ""  # a tag's attributes hold no blank line: what follows is text again
                out[i] = ""
                i += 1
                continue
            line = line[at + len(scan.closer) :].lstrip()
            scan.closer = ""
            if not line.strip():
                out[i] = ""
                i += 1
                continue
        elif scan.hidden:
            if scan.hidden in line.lower():
                scan.hidden = ""
            out[i] = ""
            i += 1
            continue
        if scan.fence is not None:
            char, length = scan.fence
            if char == "hugo":
                if _HIGHLIGHT_END_RE.fullmatch(line):
                    scan.fence = None
                    out[i] = "````"
            else:
                fm = _FENCE_CLOSE_RE.fullmatch(line)
                if fm and fm.group(1)[0] == char and len(fm.group(1)) >= length:
                    scan.fence = None
            i += 1
            continue
        if prev_blank and line.strip(" \t") == "$$":
            # Display math between "$$" lines with blank lines inside (``\begin{eqnarray}`` … ``\label{…}``): no
            # paragraph of it is text. Looked for up to 200 lines on; a "$$" never closed is left as it is.
            end = next((j for j in range(i + 1, min(n, i + 200)) if lines[j].strip(" \t") == "$$"), -1)
            if end > i and any(not lines[k].strip() for k in range(i + 1, end)):
                out[i : end + 1] = [""] * (end + 1 - i)
                i = end + 1
                continue
        # Display math is kept as it is where it makes a paragraph of its own (no card comes of it): after a blank
        # line, a heading (``## Harmonic Mean`` then ``$$…$$``) or another line of it.
        before = "" if i == 0 else out[i - 1].lstrip()[:2]
        continued = i > 0 and out[i - 1].rstrip().endswith((" `", " \\"))
        out[i] = _line(
            line, scan, prev_blank, math_block=prev_blank or before[:1] == "#" or before == "$$", continued=continued
        )
        i += 1
    return "\n".join(out)


# --- inline text ----------------------------------------------------------------------------------------------------

_SPACES_RE = re.compile(r"[ \t\u00a0]+")
_BR_RE = re.compile(r"<[Bb][Rr][ \t]{0,8}/?>")
# Each image can match in one way only (``<img a/>`` in two, of the same length), so each is atomic: a text that
# fails at its end is not retried with every image matched the other way (2 ** images tries).
_IMAGE_ONLY_RE = re.compile(
    r"\A[ \t]*+(?:(?>!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)|!\[\[[^\]\n]{1,500}\]\]|<img(?:[ \t][^<>\n]{0,1000})?/?>)[ \t]*+)++",
    re.I,
)
_BULLET_CHARS = "・･•◦"


def clean_inline(src: str) -> str:
    """The text a card shows for inline Markdown ``src``.

    Images (``![alt](url)``, ``![[embed]]``, ``<img>``), HTML comments, Hugo shortcodes and HTML tags are dropped
    (the text inside ``<b>x</b>`` is kept); ``[text](url)`` shows its text; ``[[Page]]`` shows ``Page``,
    ``[[Page|alias]]`` ``alias`` and ``[[Page#Heading]]`` ``Page › Heading``; ``<br>`` breaks the line. Tabs and
    runs of spaces become one space; each line is stripped. Inline code is kept as it is written.
    """
    text = inline(src).text
    if "\n" not in text:
        return _SPACES_RE.sub(" ", text).strip()
    lines = (_SPACES_RE.sub(" ", ln).strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


def split_br(src: str) -> list[str]:
    """A paragraph's inline Markdown cut at its ``<br>`` tags (not inside inline code), each piece stripped;
    empty pieces are dropped."""
    if "<" not in src or not _BR_RE.search(src):
        piece = src.strip()
        return [piece] if piece else []
    spans = code_spans(src) if "`" in src else []
    pieces: list[str] = []
    start = 0
    for m in _BR_RE.finditer(src):
        if any(a <= m.start() < b for a, b in spans):
            continue
        pieces.append(src[start : m.start()])
        start = m.end()
    pieces.append(src[start:])
    return [p.strip() for p in pieces if p.strip()]


def is_only_image(src: str) -> bool:
    """True when inline Markdown ``src`` is nothing but images (``![…](…)``, ``![[…]]``, ``<img>``)."""
    return bool(src.strip()) and _IMAGE_ONLY_RE.fullmatch(src) is not None


def strip_bullet(text: str) -> str:
    """``text`` without a leading ``・`` (or ``•``/``◦``) bullet, nor a list marker that Markdown left as text
    (``- In reality though``, a tab-indented bullet under a paragraph line): it never stays in a label."""
    stripped = text.lstrip(" \t\u3000")
    if stripped[:1] in _BULLET_CHARS and stripped[1:2] not in _BULLET_CHARS:
        return stripped[1:].lstrip(" \t\u3000")
    if stripped[:1] in "-*+" and stripped[1:2] == " ":
        return stripped[2:].lstrip(" \t\u3000")
    return text
