"""Every regular expression in the package, and ``parse_note``, take time linear in their input.

A pattern with nested or adjacent quantifiers that can match the same characters (``(?:.*\\r?\\n)*`` on CRLF
text) backtracks exponentially or quadratically: one note then hangs loading. The patterns are found, not
listed: every module of ``devday_tui`` is imported and each module-level ``re.Pattern`` (also inside
module-level tuples, lists and dicts) is checked, so a pattern added later is covered too.

The check: for generated text (CRLF, LF and lone-CR lines, many lines, one long line), doubling the input at
most about doubles the time. Timings are the least CPU time of several runs, compared with a generous factor
and failing only on two doublings in a row, so a busy machine does not make the test fail; a super-linear
pattern still does, by far.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import devday_tui
from tests.timing import best_cpu

#: Doubling the input may multiply the time by at most this (linear is 2; quadratic is 4, exponential more).
MAX_GROWTH = 3.0
#: Timings below this are noise on a shared machine: a step is compared with at least this much.
FLOOR = 0.005
#: The input grows until one call takes this long (measurable), or reaches MAX_CHARS.
ENOUGH = 0.05
MIN_CHARS = 64
MAX_CHARS = 1 << 17

# Modules that run something when imported.
_SKIP_MODULES = {"devday_tui.__main__"}


def _patterns_in(value: object, depth: int = 0):
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in (*value.keys(), *value.values()):
            yield from _patterns_in(item, depth + 1)


def discover_patterns() -> dict[str, re.Pattern[str]]:
    """``module:name`` → pattern, for every module-level pattern of the package (each pattern once, named
    after the module that defines it rather than one that imports it)."""
    found: dict[tuple[str, int], tuple[bool, str, re.Pattern[str]]] = {}
    names = [devday_tui.__name__] + [
        m.name for m in pkgutil.walk_packages(devday_tui.__path__, devday_tui.__name__ + ".")
    ]
    for module_name in sorted(names):
        if module_name in _SKIP_MODULES:
            continue
        module = importlib.import_module(module_name)
        source = Path(module.__file__).read_text(encoding="utf-8") if module.__file__ else ""
        for attr, value in sorted(vars(module).items()):
            for i, pattern in enumerate(_patterns_in(value)):
                if not isinstance(pattern.pattern, str):
                    continue
                key = (pattern.pattern, pattern.flags)
                defined_here = re.search(rf"^{re.escape(attr)}\b[^=\n]*=", source, re.M) is not None
                label = f"{module_name}:{attr}" + (f"[{i}]" if not isinstance(value, re.Pattern) else "")
                if key not in found or (defined_here and not found[key][0]):
                    found[key] = (defined_here, label, pattern)
    return {label: pattern for _, label, pattern in found.values()}


PATTERNS = discover_patterns()


def test_discovery_finds_the_patterns_of_every_layer() -> None:
    labels = set(PATTERNS)
    # One from the loading code, one from core, one from a tuple of patterns: the walk reaches them all.
    assert "devday_tui.library:_DECK_HINT_RE" in labels or any(
        label.startswith("devday_tui.library.") for label in labels
    )
    assert any(label.startswith("devday_tui.core.") for label in labels)
    assert any("[" in label for label in labels)
    assert len(PATTERNS) >= 20


def assert_linear(run: Callable[[str], object], make: Callable[[int], str], what: str) -> None:
    """Grow the input by doubling (``make(n)`` is about ``n`` characters) until a call is measurable; each
    doubling must at most about double the time.

    On a shared machine one timing can be slow for reasons of its own, so a doubling that looks too slow is timed
    again, both sizes afresh, before it counts; it fails the test only when the next doubling is too slow as well
    (super-linear code is slow at every size), or when it is far too slow."""
    n = MIN_CHARS
    previous_text = make(n)
    previous = best_cpu(lambda: run(previous_text))
    strikes: list[str] = []
    while n < MAX_CHARS:
        n *= 2
        text = make(n)
        took = best_cpu(lambda: run(text))
        bound = MAX_GROWTH * max(previous, FLOOR)
        if took > bound:
            previous = min(previous, best_cpu(lambda: run(previous_text)))
            took = min(took, best_cpu(lambda: run(text)))
            bound = MAX_GROWTH * max(previous, FLOOR)
        if took > bound:
            strikes.append(
                f"{len(previous_text):,} chars took {previous * 1000:.1f} ms, {len(text):,} chars took "
                f"{took * 1000:.1f} ms"
            )
            if len(strikes) >= 2 or took > 2 * bound:
                raise AssertionError(
                    f"{what} is super-linear (each doubling more than {MAX_GROWTH}× the time): "
                    + "; ".join(strikes)
                    + f"; input starts {text[:60]!r}"
                )
        else:
            strikes.clear()
            if took >= ENOUGH:
                return
        previous, previous_text = took, text


# --- generated text -----------------------------------------------------------------------------------------------

#: Characters the package's patterns care about (Markdown marks, YAML, escapes, spaces), and plain text.
_ALPHABET = list(" \t-*_=|:>#[]()`<>!~&\\/.,;0123456789aAzZ") + [
    "\r",
    "\n",
    "\r\n",
    "：",
    "、",
    "。",
    "あ",
    "漢",
    "\x1b",
    "\x1b[",
    "\x1b]",
    "\x07",
    "**",
    "==",
    "`",
    "://",
    "http",
]
NEWLINES = st.sampled_from(["\r\n", "\n", "\r"])
#: What a line of a note can start with: the patterns anchored at a line start see these.
LEADS = st.sampled_from(["", "- ", "  ", "    ", "> ", "1. ", "## ", "---", "| ", "include: ", "key: "])
PIECES = st.lists(st.sampled_from(_ALPHABET), min_size=1, max_size=12).map("".join)
#: What ends the text: a character that makes a near-match fail at the very end forces the most backtracking.
TAILS = st.sampled_from(["", "x", "|", ":", "`", "\\"])


def many_lines(lead: str, piece: str, newline: str, tail: str = "") -> Callable[[int], str]:
    """A text of ``n`` characters: a frontmatter opener, then the same line again and again."""
    line = (lead + piece).replace("\r\n", newline).replace("\n", newline) + newline
    head = "---" + newline

    def make(n: int) -> str:
        return head + line * max(1, (n - len(head)) // len(line)) + tail

    return make


def long_line(lead: str, piece: str, newline: str, tail: str = "") -> Callable[[int], str]:
    """One line of ``n`` characters (``piece`` repeated, line ends taken out), then a line end."""
    body = piece.replace("\r", "").replace("\n", "") or "-"

    def make(n: int) -> str:
        return lead + body * max(1, n // len(body)) + tail + newline

    return make


SHAPES = st.sampled_from([many_lines, long_line])


def _run_pattern(pattern: re.Pattern[str]) -> Callable[[str], object]:
    def run(text: str) -> None:
        pattern.match(text)
        pattern.fullmatch(text)  # a whole line or paragraph that fails only at its end backtracks the most
        for _ in pattern.finditer(text):
            pass

    return run


# Known worst cases, tried first every run: the CRLF frontmatter that hung loading, runs of list and
# thematic-break marks, table rows, runs of spaces, unterminated escapes and inline marks.
_WORST = [
    (many_lines, "", "key: value", "\r\n", ""),
    (many_lines, "", "a", "\r", ""),
    (long_line, "- ", "- ", "\n", "x"),
    (long_line, "", "-", "\n", "x"),
    (long_line, "", "*x", "\n", ""),
    (long_line, "| ", "a |", "\n", ""),
    (many_lines, "| ", "a |", "\n", ""),
    (many_lines, "", " ", "\n", "x"),
    (long_line, "", " ", "\r\n", "x"),
    (long_line, "", "\x1b[", "\n", ""),
    (long_line, "", "**a", "\n", ""),
    (long_line, "", "`", "\n", ""),
    (long_line, "", "<img a/> ", "\n", "x"),
    (long_line, "", "<!--", "\n", ""),
]


def _with_examples(cases):
    """Try each of ``cases`` (shape, lead, piece, newline, tail) first, on every run."""

    def add(test):
        for shape, lead, piece, newline, tail in cases:
            test = example(shape=shape, lead=lead, piece=piece, newline=newline, tail=tail)(test)
        return test

    return add


@pytest.mark.parametrize("label", sorted(PATTERNS))
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@_with_examples(_WORST)
@given(shape=SHAPES, lead=LEADS, piece=PIECES, newline=NEWLINES, tail=TAILS)
def test_each_pattern_is_linear(label: str, shape, lead: str, piece: str, newline: str, tail: str) -> None:
    assert_linear(_run_pattern(PATTERNS[label]), shape(lead, piece, newline, tail), label)


# --- the parser ---------------------------------------------------------------------------------------------------

_NOTE_WORST = [
    (many_lines, "- ", "term: definition", "\r\n", ""),
    (many_lines, "## ", "Heading", "\r", ""),
    (long_line, "", "**bold** and ==mark== ", "\n", ""),
    (long_line, "- ", "- ", "\n", "x"),
    (many_lines, "| ", "a | b |", "\n", ""),
    # Thousands of sentences and bold marks on one line: the cloze rule matched each sentence against every mark.
    (long_line, "", "-。**", "\n", ""),
]


@settings(max_examples=8, deadline=None)
@_with_examples(_NOTE_WORST)
@given(shape=SHAPES, lead=LEADS, piece=PIECES, newline=NEWLINES, tail=TAILS)
def test_parse_note_is_linear(shape, lead: str, piece: str, newline: str, tail: str) -> None:
    from devday_tui.core.parser import parse_note

    path = Path("generated.md")
    make = shape(lead, piece, newline, tail)
    assert_linear(lambda text: parse_note(text, path, "generated.md"), make, "parse_note")


@settings(max_examples=8, deadline=None)
@_with_examples([*_WORST, (long_line, "", "``a", "\n", ""), (long_line, "", "`" * 17 + "a", "\n", "")])
@given(shape=SHAPES, lead=LEADS, piece=PIECES, newline=NEWLINES, tail=TAILS)
def test_inline_is_linear(shape, lead: str, piece: str, newline: str, tail: str) -> None:
    """Inline Markdown is read by a pattern and, for inline code, by plain code: both together are linear."""
    from devday_tui.core.text import inline

    assert_linear(inline, shape(lead, piece, newline, tail), "inline")


# --- patterns made at run time ------------------------------------------------------------------------------------


@pytest.mark.parametrize("glob", ["*a*a*a*a*a*a*b.md", "**/**/**/**/**/x.md", "*-*-*-*-*-*.md", "**/*a*[ab]*?*b.md"])
def test_deck_globs_are_linear_in_the_path(glob: str) -> None:
    """A deck's ``include`` globs become patterns: several ``*`` once tried every way to split a long name
    (``*a*a*a*a*a*a*b.md`` took 19 s on a 60-letter name)."""
    from devday_tui.core.decks import glob_regex

    pattern = glob_regex(glob)
    assert_linear(pattern.match, lambda n: "d/" * (n // 8) + "a" * (n // 2) + ".txt", f"glob {glob}")


@settings(max_examples=300, deadline=None)
@given(
    glob=st.lists(st.sampled_from(["*", "?", "a", "b", "-", ".md", "[ab]", "[!a]"]), min_size=1, max_size=8).map(
        "".join
    ),
    name=st.text(alphabet="ab-.md", max_size=14),
)
def test_deck_globs_match_like_fnmatch_within_a_folder(glob: str, name: str) -> None:
    import fnmatch

    from devday_tui.core.decks import glob_regex

    assert bool(glob_regex(glob).match(name)) == fnmatch.fnmatchcase(name, glob)
