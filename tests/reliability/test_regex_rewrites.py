"""The linear rewrites of the package's patterns find exactly what the backtracking patterns they replace found.

Each old pattern is kept here, as the reference, and both are run the way the package runs them (``match``,
``fullmatch``, ``sub`` or a scan) on generated text made of the characters they care about. Inputs stay short:
the old patterns are slow on long ones, which is why they were replaced (see ``test_regex_linear.py``).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from devday_tui.core import explicit, text, wrap
from devday_tui.core.cards import blocks, markup


def _texts(alphabet: list[str], max_size: int = 24) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(alphabet), max_size=max_size).map("".join)


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groups() == b.groups()


# --- block markers --------------------------------------------------------------------------------------------

_OLD_HR = re.compile(r"^[ \t>*+\-0-9.)_]*[-*_][ \t>*+\-0-9.)_]*$", re.M)
_NEW_HR = next(trigger for name, _, trigger in blocks._RULE_TRIGGERS if name == "hr")


@settings(max_examples=400, deadline=None)
@given(_texts([" ", "\t", ">", "*", "+", "-", "_", "1", ".", ")", "x", "\n", "\r\n", "\r", "#"]))
@example("- - -\n***\nx - -\n1. ___\n--- x")
def test_hr_trigger_finds_the_same_lines(body: str) -> None:
    assert [m.span() for m in _NEW_HR.finditer(body)] == [m.span() for m in _OLD_HR.finditer(body)]


_OLD_FENCE_OPEN = re.compile(r"((?:[-+*]|[0-9]{1,9}[.)])[ \t]+)*(`{3,}|~{3,})([^\n]*)")
_OLD_FENCE_CLOSE = re.compile(r"[ \t>]*(`{3,}|~{3,})[ \t]*")
_OLD_HIGHLIGHT = re.compile(r"[ \t]*\{\{[<%][ \t]*highlight[ \t]+([\w+#.-]{0,40})[^\n]{0,500}?[>%]\}\}[ \t]*")
_OLD_HIGHLIGHT_END = re.compile(r"[ \t]*\{\{[<%][ \t]*/highlight[ \t]*[>%]\}\}[ \t]*")
_OLD_IMAGE_ONLY = re.compile(
    r"[ \t]*(?:(?:!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)|!\[\[[^\]\n]{1,500}\]\]|<img(?:[ \t][^<>\n]{0,1000})?/?>)[ \t]*)+",
    re.I,
)
_FENCE_ALPHABET = ["-", "+", "*", "1", "12", ".", ")", " ", "\t", ">", "`", "```", "~", "~~~", "py", "\n", "x"]


@settings(max_examples=400, deadline=None)
@given(_texts(_FENCE_ALPHABET))
@example("- 1. ```py")
@example("- - x ```")
@example(" > ```` ")
def test_fence_lines_match_as_before(line: str) -> None:
    assert _same(markup._FENCE_OPEN_RE.match(line), _OLD_FENCE_OPEN.match(line))
    assert _same(markup._FENCE_CLOSE_RE.fullmatch(line), _OLD_FENCE_CLOSE.fullmatch(line))


@settings(max_examples=400, deadline=None)
@given(_texts([" ", "\t", "{{", "}}", "<", ">", "%", "highlight", "/highlight", " go ", "linenos=table", "x", "\n"]))
@example("  {{< highlight go >}} ")
@example("{{% /highlight %}}")
def test_hugo_highlight_lines_match_as_before(line: str) -> None:
    # (The pattern now reads Jekyll's {% highlight %} too, in a group of its own: a Hugo line matches as before,
    # its language in the first group.)
    new, old = markup._HIGHLIGHT_RE.fullmatch(line), _OLD_HIGHLIGHT.fullmatch(line)
    assert (new is None) == (old is None)
    if new is not None and old is not None:
        assert new.span() == old.span() and new.group(1) == old.group(1) and new.group(2) is None
    assert (markup._HIGHLIGHT_END_RE.fullmatch(line) is None) == (_OLD_HIGHLIGHT_END.fullmatch(line) is None)


@pytest.mark.parametrize(
    ("line", "lang"),
    [("{% highlight ruby %}", "ruby"), ("  {%- highlight go linenos %}", "go"), ("{% highlight %}", "")],
)
def test_jekyll_highlight_lines_open_a_code_block(line: str, lang: str) -> None:
    m = markup._HIGHLIGHT_RE.fullmatch(line)
    assert m is not None and m.group(1) is None and m.group(2) == lang
    assert markup._HIGHLIGHT_END_RE.fullmatch("{% endhighlight %}") is not None


@settings(max_examples=600, deadline=None)
@given(_texts([" ", "\t", "![", "![[", "]", "]]", "(", ")", "a", "<img", "<IMG", " src=x", "/", ">", "/>", "\n"]))
@example("![a](b) <img src=x/> ![[c]]")
@example("<img a/> <img a/> <img a/> x")
def test_only_images_as_before(src: str) -> None:
    assert _same(markup._IMAGE_ONLY_RE.fullmatch(src), _OLD_IMAGE_ONLY.fullmatch(src))
    assert markup.is_only_image(src) == (bool(src.strip()) and _OLD_IMAGE_ONLY.fullmatch(src) is not None)


_OLD_BULLET = re.compile(r"[ \t]*(?:[-*+•◦・▪‣]|\d{1,3}[.)]|[A-Za-z][.)])[ \t]+(?=\S)")


@settings(max_examples=400, deadline=None)
@given(_texts([" ", "\t", "-", "*", "・", "1", "12", "1234", ".", ")", "a", "b.", "\u3000", "\r", "x"]))
@example("  - item")
@example("12. x")
@example("-   ")
def test_bullets_match_as_before(paragraph: str) -> None:
    assert _same(wrap._BULLET.match(paragraph), _OLD_BULLET.match(paragraph))


# --- inline code ----------------------------------------------------------------------------------------------

_OLD_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")
_TICK_ALPHABET = ["`", "``", "```", "a", " ", "\\"]


@settings(max_examples=600, deadline=None)
@given(_texts(_TICK_ALPHABET, 30))
@example("```a`` b`")
@example("`````")
@example("a `b` ``c`` ```d`")
def test_explicit_masks_the_same_code(line: str) -> None:
    mask = lambda m: "\0" * len(m.group(0))  # noqa: E731
    assert explicit._CODE_SPAN_RE.sub(mask, line) == _OLD_CODE_SPAN.sub(mask, line)


_OLD_CODE_PART = r"(?P<code>(?P<ticks>`{1,16})(?P<codebody>[^`]{1,4000}?|.{1,4000}?)(?<!`)(?P=ticks)(?!`))"
_OLD_COMMENT_PART = r"(?P<comment><!--.{0,4000}?-->)"
_OLD_BREAK_PART = r"(?P<br>\ {2,}\n|\\\n)"
# The old order: esc, code, wiki, short, img, link, auto, comment, brtag, tag, (url), strong …, (br); code and
# comment now stop the pattern where they may open ("tick", "opener").
_OLD_HEAD = tuple(
    _OLD_CODE_PART if "(?P<tick>" in part else _OLD_COMMENT_PART if "(?P<opener>" in part else part
    for part in text._INLINE_HEAD
)
assert _OLD_CODE_PART in _OLD_HEAD and _OLD_COMMENT_PART in _OLD_HEAD
_OLD_INLINE_FULL = re.compile(
    "|".join((*_OLD_HEAD, text._URL_PART, *text._INLINE_TAIL, _OLD_BREAK_PART)),
    re.DOTALL,
)
_OLD_INLINE = re.compile("|".join((*_OLD_HEAD, *text._INLINE_TAIL)), re.DOTALL)


def _old_markup(src: str) -> list[tuple[int, int, str, str | None]]:
    scanner = _OLD_INLINE_FULL if ("://" in src or "\n" in src) else _OLD_INLINE
    return [(m.start(), m.end(), m.lastgroup or "", m.group("codebody")) for m in scanner.finditer(src)]


def _new_markup(src: str) -> list[tuple[int, int, str, str | None]]:
    return [(start, end, kind, found.body if kind == "code" else None) for start, end, kind, found in text._markup(src)]


_INLINE_ALPHABET = [
    "`",
    "``",
    "```",
    "a",
    " ",
    "  ",
    "\n",
    "  \n",
    "<!--",
    "-->",
    "-",
    "@",
    "\\",
    "**",
    "*",
    "_",
    "==",
    "[",
    "](",
    ")",
    "<",
    ">",
    "://",
    "http",
]


@settings(max_examples=800, deadline=None)
@given(_texts(_INLINE_ALPHABET, 30))
@example("```a`` b` **c `d** e`")
@example("\\``a` `` `b` ``")
@example("[a `b](c)` d")
@example("<!--a@b> <!-- `x --> `y` <!-- <!-- -->")
@example("`<!--` --> <!-- `a` -->")
@example("a   \nb \\\n  c `  \n`")
@example("`" * 20 + "a" + "`" * 17 + "b" + "`" * 16)
@example("******")
@example("***a***b* **c**")
def test_inline_scan_finds_what_the_single_pattern_found(src: str) -> None:
    new, old = _new_markup(src), _old_markup(src)
    kinds = [kind for _, _, kind, _ in new]
    if "strong-em" in kinds:
        # Bold and italic at once (***a***) is read on purpose as one run, its last asterisk included, where the
        # single pattern found bold and left that asterisk: the same up to there.
        at = kinds.index("strong-em")
        start, end, _, _ = new[at]
        assert old[at] == (start, end - 1, "strong", None)
        new, old = new[:at], old[:at]
    assert new == old


@settings(max_examples=200, deadline=None)
@given(
    opening=st.integers(1, 20),
    closing=st.lists(st.integers(1, 20), max_size=4),
    gap=st.integers(3990, 4010),
)
@example(opening=3, closing=[3], gap=4000 + 2)
@example(opening=3, closing=[3], gap=4001 + 2)
def test_inline_code_keeps_its_limits(opening: int, closing: list[int], gap: int) -> None:
    """Up to 16 backticks open a span and its body is at most 4,000 characters, as before."""
    src = "`" * opening + "x" * (gap - len(closing) * 2) + "".join(" " + "`" * n for n in closing) + " y"
    assert _new_markup(src) == _old_markup(src)


@pytest.mark.parametrize("close", range(3996, 4005))
@pytest.mark.parametrize("opens", [[0], [0, 2], [5, 0, 1]])
def test_comments_keep_their_limit(opens: list[int], close: int) -> None:
    """A comment holds at most 4,000 characters, as before."""
    src = "".join("x" * n + "<!--" for n in opens) + "y" * close + "--> z"
    assert _new_markup(src) == _old_markup(src)


def test_inline_code_reads_as_before() -> None:
    assert text.inline("run `ls -la` now").text == "run ls -la now"
    assert text.inline("``a`b``").text == "a`b"
    assert text.inline("```a`").text == "``a"  # the opening run is cut to what closes
    assert text.inline("`` `x` ``").text == "`x`"
    assert text.inline("a `b").text == "a `b"
