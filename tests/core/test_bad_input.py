"""Bad input never stops the parser: a clear warning naming the file (and line), and the rest still loads."""

from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devday_tui.core.model import Note
from devday_tui.core.parser import parse_note
from devday_tui.core.text import strip_controls
from tests.conftest import SAMPLE_NOTE

PATH = Path("/notes/bad.md")


def parse(text: str) -> Note:
    return parse_note(text, PATH, "bad.md")


def check_cards(note: Note, text: str) -> None:
    """What must hold for every note, however broken."""
    n_lines = text.count("\n") + 1
    ids = [c.id for c in note.cards]
    assert len(ids) == len(set(ids))
    section_ids = {s.id for s in note.walk()}
    for card in note.cards:
        assert card.front.strip(), card
        assert card.back_text.strip(), card
        assert 1 <= card.line <= n_lines
        assert card.section_id in section_ids
    for s in note.walk():
        assert 1 <= s.start_line <= s.end_line <= n_lines
    shown = [note.title, *note.tags]
    for s in note.walk():
        shown += [s.heading, *s.breadcrumb]
    for card in note.cards:
        shown += [card.front, card.back_text, *card.answers, *card.context, card.note_title]
    for piece in shown:
        assert not CONTROLS.search(piece), repr(piece)


CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# --- frontmatter --------------------------------------------------------------------------------------------------


def test_invalid_yaml_loads_the_note_without_metadata() -> None:
    text = "---\ntitle: ok\ntags: [unclosed\ndate: 2019-10-03\n---\n## Section\n\n- Term: meaning\n"
    note = parse(text)
    assert note.title == "bad"  # the file name: no metadata was read
    assert note.tags == () and note.date is None
    assert [c.front for c in note.cards] == ["Term"]
    assert note.cards[0].line == 8
    (warning,) = note.warnings
    assert warning.path == PATH
    assert warning.line in (3, 4)  # where the YAML went wrong, counted in the file
    assert "not valid YAML" in warning.message
    assert str(warning).startswith(f"{PATH}:{warning.line}: ")


def test_frontmatter_that_is_not_a_mapping() -> None:
    note = parse("---\n- just\n- a list\n---\n## A\n")
    assert note.title == "bad"
    assert [w.line for w in note.warnings] == [2]


def test_unclosed_frontmatter_is_read_as_markdown_with_a_warning() -> None:
    note = parse("---\ntitle: x\n\n## A\n\n- Term: meaning\n")
    assert [c.front for c in note.cards] == ["Term"]
    assert note.warnings and note.warnings[0].line == 1


def test_byte_order_mark() -> None:
    note = parse("\ufeff---\ntitle: BOM note\n---\n## A\n\n- Term: meaning\n")
    assert note.title == "BOM note"
    assert note.cards[0].line == 6
    assert note.sections[0].source == "## A\n\n- Term: meaning"


def test_crlf_gives_the_same_note_as_lf() -> None:
    text = SAMPLE_NOTE.read_text(encoding="utf-8")
    lf = parse(text)
    crlf = parse(text.replace("\n", "\r\n"))
    assert [(c.id, c.line, c.front, c.back) for c in crlf.cards] == [(c.id, c.line, c.front, c.back) for c in lf.cards]
    assert all("\r" not in s.source for s in crlf.walk())
    assert parse(text.replace("\n", "\r")).cards == lf.cards  # old Mac line ends too


def test_only_frontmatter_and_empty_files() -> None:
    only = parse("---\ntitle: Just metadata\ntags: [a]\n---\n")
    assert (only.title, only.sections, only.cards, only.warnings) == ("Just metadata", [], [], [])
    only = parse("---\ntitle: No newline at the end\n---")
    assert only.title == "No newline at the end" and only.sections == []
    empty = parse("")
    assert (empty.title, empty.sections, empty.cards, empty.warnings) == ("bad", [], [], [])
    blank = parse("\n\n   \n")
    assert blank.sections == [] and blank.cards == []


def test_tags_as_a_string_or_missing() -> None:
    assert parse("---\ntags: a, b\n---\n").tags == ("a", "b")
    assert parse('---\ntags: "#aws #cdk"\n---\n').tags == ("aws", "cdk")
    assert parse("---\ntags: [x, 'y, z', 3]\n---\n").tags == ("x", "y", "z", "3")
    assert parse("---\ntitle: t\n---\n").tags == ()
    assert parse("---\ntags:\n---\n").tags == ()
    note = parse("---\ntags: {a: 1}\n---\n")
    assert note.tags == () and "tags" in note.warnings[0].message


def test_yaml_dates_and_no() -> None:
    note = parse("---\ntitle: No\ndate: 2019-10-03\ndraft: No\ntags: [No, Yes]\n---\n")
    assert note.title == "No"
    assert note.date == date(2019, 10, 3)
    assert note.draft is False
    assert note.tags == ("No", "Yes")
    assert parse("---\ndate: 2019-10-03T10:30:00\n---\n").date == date(2019, 10, 3)
    assert parse("---\ntitle: 2019-10-03\n---\n").title == "2019-10-03"
    bad = parse("---\ndate: someday\n---\n")
    assert bad.date is None and "someday" in bad.warnings[0].message


def test_metadata_warnings_name_the_line_of_their_key() -> None:
    note = parse("---\nid: x\ndate: someday\ntag: {a: 1}\ntitle: ''\n---\n## A\ndate: in the body\n")
    assert [(w.line, w.message.split(" ")[0]) for w in note.warnings] == [(3, "date"), (4, "tag"), (5, "title")]
    assert all(str(w).startswith(f"{PATH}:{w.line}: ") for w in note.warnings)
    assert note.title == "bad" and "file name" in note.warnings[2].message
    # A title that is not text: the first '#' heading names the note, and the warning says so.
    listed = parse("---\ntags: [a]\ntitle: [a, b]\n---\n# Heading\n")
    assert listed.title == "Heading"
    assert [(w.line, w.message) for w in listed.warnings] == [
        (3, "title is empty or not text; using the first '#' heading")
    ]


def test_yaml_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\n## A\n\n- Term: meaning\n'
    note = parse(text)
    assert not marker.exists()
    assert note.title == "bad"
    assert note.warnings and note.warnings[0].path == PATH
    assert [c.front for c in note.cards] == ["Term"]


# --- size and depth -----------------------------------------------------------------------------------------------


def test_a_line_of_one_megabyte() -> None:
    for line in ("x" * 1_000_000, "**a " * 250_000, "Term: " + "定義" * 500_000, "a`" * 500_000):
        text = f"## Big\n\n{line}\n\n- Term: meaning\n"
        note = parse(text)
        check_cards(note, text)
        assert "Term" in [c.front for c in note.cards]


def test_bullets_nested_fifty_deep() -> None:
    lines = [f"{'  ' * depth}- level {depth}" for depth in range(50)]
    text = "## Deep\n\n" + "\n".join(lines) + "\n"
    note = parse(text)
    check_cards(note, text)
    # No back passes 12 lines: the chain is split by its sub-lists, and every level is on a card.
    assert all(len(c.back_text.splitlines()) <= 12 for c in note.cards)
    shown = {word for c in note.cards for word in (c.front + "\n" + c.back_text).replace("-", " ").split()}
    assert {str(d) for d in range(50)} <= shown
    for card in note.cards:
        card.to_json()  # no recursion trouble


def test_deeper_nesting_than_the_parser_follows_does_not_crash() -> None:
    text = "## Deep\n\n" + "\n".join(f"{'  ' * d}- level {d}" for d in range(300)) + "\n"
    check_cards(parse(text), text)
    text = "## Quotes\n\n" + ">" * 500 + " deep\n"
    check_cards(parse(text), text)


# --- terminal escape sequences --------------------------------------------------------------------------------


def test_escape_sequences_are_removed_whole_everywhere() -> None:
    text = (
        '---\ntitle: "Notes \\e]0;pwned\\a of the day"\ntags: ["aws\\e[1m", "\\x9b2Jexam"]\n---\n'
        "## A \x1b]0;pwned\x07 B\n\n"
        "- \x1b[31mred\x1b[0m: a colour\x1b[0m of fire\n"
        "- plain item \x9b31mred\n"
        "- **hidden\x1b[1m** word inside a sentence\x1b(B here\n\n"
        "### Link \x1b]8;;https://evil.example\x1b\\text\x1b]8;;\x1b\\\n\n"
        "Front\x1b[2J::Back\x1b]2;t\x07side\n\n"
        "Unterminated \x1b]0;title runs to the end of its line\nnext: line stays here\n"
    )
    note = parse(text)
    check_cards(note, text)
    assert note.title == "Notes of the day"
    assert note.tags == ("aws", "exam")
    assert [s.heading for s in note.walk()] == ["A B", "Link text"]  # runs of spaces in a heading become one
    cards = {c.front: c for c in note.cards}
    assert cards["red"].back == "a colour of fire"
    list_card = next(c for c in note.cards if c.kind == "list")
    assert [i.text for i in list_card.back] == [
        "red: a colour of fire",
        "plain item red",
        "hidden word inside a sentence here",
    ]
    cloze = next(c for c in note.cards if c.kind == "cloze")
    assert cloze.answers == ("hidden",) and cloze.back == "hidden word inside a sentence here"
    assert cards["Front"].back == "Backside"
    assert cards["next"].back == "line stays here"
    assert "pwned" not in repr(note.cards) and "[31m" not in repr(note.cards) and "[0m" not in repr(note.cards)


def test_strip_controls_takes_each_kind_of_sequence_whole() -> None:
    cases = {
        "a\x1b[31mred\x1b[0m b": "ared b",  # CSI with parameters
        "a\x1b[?25lb": "ab",  # CSI private mode
        "a\x1b]0;title\x07b": "ab",  # OSC ended by BEL
        "a\x1b]8;;http://x\x1b\\b": "ab",  # OSC ended by ST
        "a\x1b]0;open\nb": "a\nb",  # an unterminated OSC ends at the line
        "a\x1bcb\x1b(Bc\x1b7d": "abcd",  # other escapes: reset, a character set, save the cursor
        "a\x1bP1$r\x1b\\b\x1b_apc\x07c": "abc",  # DCS and APC strings
        "a\x9b2Jb": "ab",  # 8-bit CSI
        "a\x00b\x07c\x7fd\x85e\tf\ng": "abcde\tf\ng",  # other C0/C1 controls; tab and newline kept
        "a\u2028b\u200bc\ufeffd": "a bcd",
        "日本\x1b[1m語": "日本語",
        "clean text": "clean text",
    }
    for raw, want in cases.items():
        assert strip_controls(raw) == want, repr(raw)


# --- an adversarial corpus ----------------------------------------------------------------------------------------

ADVERSARIAL = {
    "table": """
        ## Table

        | Term | Meaning: here |
        |------|---------------|
        | **A** | b: c |
        """,
    "html": """
        ## HTML

        <div>
        Term: inside an HTML block
        **bold** inside HTML
        </div>

        <!-- Comment: hidden -->
        """,
    "fence": """
        ## Code

        ```yaml
        key: value
        - item: one
        Q::A
        ?
        ```

        ~~~
        **bold**: in a tilde fence
        ~~~

            indented: code block
        """,
    "link definitions": """
        ## Links

        [docs]: https://example.com/docs "Docs: title"
        [other]: <https://example.com/a b>

        See [the docs][docs].
        """,
    "setext": """
        Setext title
        ============

        Subheading
        ----------

        Term: under a setext heading
        """,
    "lazy": """
        ## Lazy

        > quoted paragraph
        lazy continuation: of the quote

        - item one
        lazy continuation of item one
        - item two
        """,
    "odd markup": """
        ## Odd

        ** not bold ** and __ not bold __ and == not marked ==
        Unclosed **bold and `code and [link(
        \\*escaped\\*: stars
        &amp; &#x26; &bogus; entities
        <span>inline: html</span>
        """,
    "thematic breaks": """
        ---
        ## After a break
        ***
        - a
        ___
        """,
}


def test_adversarial_corpus() -> None:
    results = {}
    for name, md in ADVERSARIAL.items():
        text = textwrap.dedent(md).lstrip("\n")
        note = parse(text)
        check_cards(note, text)
        results[name] = [(c.kind, c.front) for c in note.cards]
    # A GFM table row is a card: breadcrumb › first cell — the columns asked, the other cells labelled by their headers.
    assert results["table"] == [("definition", "Table › A — Meaning: here")]
    table = parse(textwrap.dedent(ADVERSARIAL["table"]).lstrip("\n"))
    assert table.cards[0].back == "b: c"  # two columns: the cell alone, the front names its column
    # Raw-HTML blocks are off for card extraction: the tags go, the text inside them is the note's; comments go.
    assert results["html"] == [("definition", "Term")]
    assert results["fence"] == []
    assert results["link definitions"] == []
    assert results["setext"] == [("definition", "Term")]
    setext = parse(textwrap.dedent(ADVERSARIAL["setext"]).lstrip("\n"))
    assert setext.title == "Setext title"
    assert setext.cards[0].context == ("Setext title", "Subheading")
    # A lazy line continues its paragraph: inside the quote, and inside the first item (a short line and the
    # line after it read as a term and its explanation).
    assert results["lazy"] == [
        ("definition", "lazy continuation"),
        ("list", "Lazy — 2 points"),
        ("definition", "item one"),
    ]
    lazy = parse(textwrap.dedent(ADVERSARIAL["lazy"]).lstrip("\n"))
    assert lazy.cards[0].back == "of the quote"
    assert [i.text for i in lazy.cards[1].back] == ["item one", "item two"]
    assert lazy.cards[2].back == "lazy continuation of item one"
    assert ("definition", "*escaped*") in results["odd markup"]
    assert all(c[0] != "cloze" for c in results["odd markup"])
    assert results["thematic breaks"] == []


# --- property -----------------------------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "# ",
        "## ",
        "### ",
        "#### ",
        "- ",
        "  - ",
        "* ",
        "1. ",
        "> ",
        "```",
        "~~~",
        "---",
        "***",
        "|",
        "\n",
        "\n\n",
        "    ",
        "\t",
        "**",
        "__",
        "==",
        "*",
        "_",
        "`",
        "::",
        ":::",
        ":",
        "：",
        "?",
        "??",
        "[",
        "](",
        ")",
        "<",
        ">",
        "http://x.io",
        "10:30",
        "Term",
        "用語",
        "定義です。",
        "TODO",
        "\\",
        "&amp;",
        "<div>",
        "</div>",
        "\r\n",
        "\ufeff",
        "\x1b[31m",
        "\x1b]0;t\x07",
        "\x1b",
        "\x9b2J",
        "\x07",
        "\u3000",
        "。",
        "！",
        " ",
        "a",
        "ä",
        "😀",
        "title: x",
        "tags: [",
        "]",
    ]
)
MARKDOWNISH = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=MARKDOWNISH, with_frontmatter=st.booleans())
def test_no_markdown_like_input_raises(body: str, with_frontmatter: bool) -> None:
    text = ("---\ntitle: t\n---\n" + body) if with_frontmatter else body
    note = parse(text)
    normalised = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    check_cards(note, normalised)
    for w in note.warnings:
        assert w.path == PATH


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_no_text_at_all_raises(text: str) -> None:
    note = parse(text)
    check_cards(note, text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
