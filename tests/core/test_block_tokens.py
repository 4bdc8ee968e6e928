"""The card parser's markdown-it makes its tokens faster than markdown-it's own ``StateBlock.push``, and must make
exactly the same ones: every field of every token, against a stock ``MarkdownIt`` set up the same way (with the
one block rule of the card parser's own, ``lazy_label``)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_block.state_block import StateBlock

from devday_tui.core.cards import blocks
from tests.conftest import SAMPLE_NOTE
from tests.core.test_bad_input import ADVERSARIAL
from tests.core.test_block_parser import LINES

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FIELDS = ("type", "tag", "nesting", "attrs", "map", "level", "children", "content", "markup", "info", "meta")


def stock(off: tuple[str, ...] = ()) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": 128})
    md.enable("table")
    md.disable(["inline", "text_join", "html_block", *off])
    md.block.ruler.before("paragraph", "lazy_label", blocks._lazy_label, {"alt": ["paragraph"]})
    return md


STOCK = stock()


def fields(tokens: list) -> list[tuple]:
    return [(*(getattr(t, f) for f in FIELDS), t.block, t.hidden) for t in tokens]


def same(body: str) -> None:
    ours = blocks.MD.parse(body)
    assert fields(ours) == fields(STOCK.parse(body))
    chosen = blocks.block_parser(body)
    off = next(k for k, v in blocks._PARSERS.items() if v is chosen)
    assert fields(chosen.parse(body)) == fields(stock(off).parse(body)) == fields(STOCK.parse(body))


def test_every_field_of_every_token_is_markdown_its_own() -> None:
    same(SAMPLE_NOTE.read_text(encoding="utf-8"))
    for md in ADVERSARIAL.values():
        same(textwrap.dedent(md))
    notes = sorted(CORPUS.rglob("*.md"))
    assert notes
    for path in notes:
        same(path.read_text(encoding="utf-8").replace("\r\n", "\n"))


def test_tight_lists_tables_and_nesting() -> None:
    for body in (
        "- a\n- b\n\n  c\n",  # a loose list: paragraphs shown
        "- a\n- b\n",  # a tight list: paragraphs hidden
        "3. x\n4. y\n",  # an ordered list's start attribute
        "- [ ] task\n- [x] done\n",
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n",  # column alignment in attrs
        "> - q\n>   - r\n",
        "- " * 200 + "deep\n",  # past maxNesting
        "```py\ncode\n```\n",
        "[ref]: https://example.com\n",
        "a\x00b\n\n- c\r\n- d\re\n",  # NUL and CR: markdown-it's normalize rule still runs
    ):
        same(body)


def test_the_parser_still_reads_the_block_tree() -> None:
    nodes, opaque = blocks.tree(blocks.MD.parse("# T\n\n- a\n  - b\n\n    code\n"))
    assert [n.kind for n in nodes] == ["heading", "bullet_list"]
    assert nodes[1].children[0].children[1].kind == "bullet_list"


@settings(max_examples=800, deadline=None)
@given(LINES)
def test_same_tokens_on_any_mix_of_block_starts(body: str) -> None:
    same(body)


MARKS = ("bMarks", "eMarks", "tShift", "sCount", "bsCount", "lineMax")


def same_marks(src: str) -> None:
    ours = blocks._BlockState(src, blocks.MD, {}, [])
    theirs = StateBlock(src, blocks.MD, {}, [])
    assert [getattr(ours, f) for f in MARKS] == [getattr(theirs, f) for f in MARKS]


def test_line_marks_are_markdown_its_own() -> None:
    for src in ("", "a", " ", "\n", "\n\n", " \n ", "\t", "a\n\t", "x\n \t a\n", "\t \tb", "a\n  \t\n", "  a  "):
        same_marks(src)
    for path in sorted(CORPUS.rglob("*.md")):
        same_marks(path.read_text(encoding="utf-8").replace("\r\n", "\n"))


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="\n \ta-", max_size=40))
def test_line_marks_on_any_mix_of_blanks_tabs_and_newlines(src: str) -> None:
    same_marks(src)
