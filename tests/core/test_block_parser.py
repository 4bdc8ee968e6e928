"""The block parser chosen for a note drops only rules that cannot match in it: the tokens are the same."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from devday_tui.core.parser import _MD, _block_parser
from tests.conftest import SAMPLE_NOTE
from tests.core.test_bad_input import ADVERSARIAL


def shape(body: str, md) -> list[tuple]:
    return [(t.type, t.map, t.level, t.content, t.markup, t.info, t.tag) for t in md.parse(body)]


def same(body: str) -> None:
    assert shape(body, _block_parser(body)) == shape(body, _MD)


def test_sample_and_adversarial_corpus() -> None:
    same(SAMPLE_NOTE.read_text(encoding="utf-8"))
    for md in ADVERSARIAL.values():
        same(textwrap.dedent(md))


def test_each_rule_still_applies_where_it_can() -> None:
    for body in (
        "- item\n  > quote\n",
        "1. item\n   <div>\n   x\n   </div>\n",
        "- [ref]: https://example.com\n",
        "- Title\n  ---\n",
        "Title\n=====\n",
        "* ```\n  code\n  ```\n",
        ">> nested\n",
        "  ~~~\n  x\n  ~~~\n",
        "text\n\n- - -\n",
        "> ***\n",
        "1. x\n\n   ___\n",
        "- a\n\n      code in an item\n",
        ">     code in a quote\n",
        "\tcode after a tab\n",
        "-\tcode\n",
    ):
        same(body)


LINE_STARTS = st.sampled_from(
    [
        "",
        " ",
        "  ",
        "   ",
        "    ",
        "      ",
        "\t",
        " \t",
        "- ",
        "-    ",
        "* ",
        "+ ",
        "1. ",
        "2) ",
        "> ",
        ">",
        ">    ",
        "  - ",
        "> - ",
        "-\t",
    ]
)
LINE_BODIES = st.sampled_from(
    [
        "text",
        "> q",
        "<div>",
        "</div>",
        "<!-- c -->",
        "[a]: /u",
        "[a]",
        "===",
        "---",
        "***",
        "```",
        "~~~",
        "```py",
        "# h",
        "Term: x",
        "",
        "- x",
        "1. y",
        "| a |",
        "    code",
        "a -> b",
        "x=y",
        "- - -",
        "* * *",
        "___",
        "_ _ _",
        "--",
        "**",
        "-*-",
        "1.",
        "10) z",
    ]
)
LINES = st.lists(st.tuples(LINE_STARTS, LINE_BODIES).map("".join), max_size=25).map("\n".join)


@settings(max_examples=1500, deadline=None)
@given(LINES)
def test_same_tokens_as_the_full_block_parser(body: str) -> None:
    same(body)
