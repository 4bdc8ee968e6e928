"""Markup that is not the note's text, and Japanese plain-text habits: the pre-pass and the inline helpers."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from devday_tui.core.cards.markup import (
    clean_inline,
    is_only_image,
    normalize_body,
    split_br,
    strip_bullet,
)
from devday_tui.core.cards.split import split_term, term_ok
from devday_tui.core.text import inline
from tests.core.cards.small_notes import parse
from tests.timing import best_cpu


def norm(text: str) -> list[str]:
    out = normalize_body(text)
    assert out.count("\n") == text.count("\n"), "the pre-pass must keep every line where it was"
    return out.split("\n")


def blocks(text: str, *, html: bool = True) -> list[str]:
    """The block tokens markdown-it reads from the normalised text (with or without raw-HTML blocks)."""
    md = MarkdownIt("commonmark")
    if not html:
        md.disable("html_block")
    return [t.type for t in md.parse(normalize_body(text)) if t.type.endswith("_open") or t.nesting == 0]


# --- normalize_body: bullets and indentation -------------------------------------------------------------------


def test_untouched_text_is_returned_as_it_is() -> None:
    text = "# Title\n\n- a: b\n  - c  \n\n1. step\n\n```\n・code\n```\n"
    assert normalize_body(text) is text or normalize_body(text) == text


@pytest.mark.parametrize(
    "line, expected",
    [
        ("・項目", "- 項目"),
        ("・ 項目", "- 項目"),
        ("･半角中黒", "- 半角中黒"),
        ("•bullet", "- bullet"),
        ("-item", "- item"),
        ("-項目", "- 項目"),
        ("－全角ハイフン", "- 全角ハイフン"),
        ("－ 全角ハイフン", "- 全角ハイフン"),
        ("-[ ] task", "- [ ] task"),
        ("-**bold** text", "- **bold** text"),
        ("  ・nested", "  - nested"),
        ("> ・quoted", "> - quoted"),
        ("- ・doubled", "- doubled"),
        ("1. ・numbered", "1. numbered"),
        ("- ・・・ellipsis", "- ・・・ellipsis"),
    ],
)
def test_plain_text_bullets_become_markdown_bullets(line: str, expected: str) -> None:
    assert norm(line) == [expected]


@pytest.mark.parametrize(
    "line",
    [
        "---",
        "--flag value",
        "-1 度下がる",
        "-0.5%",
        "-> 次へ",
        "=> 結果",
        "-= 1",
        "-v: verbose",
        "-f file",
        "・・・続く",
        "－－－",
        "- already",
        "-",
        "a-b",
        "-|-|",
    ],
)
def test_lines_that_are_not_bullets_stay(line: str) -> None:
    assert norm(line) == [line]


def test_full_width_space_is_indentation_under_a_bullet() -> None:
    assert norm("・親\n\u3000・子\n\u3000\u3000・孫") == ["- 親", "  - 子", "    - 孫"]
    tokens = blocks("・親\n\u3000・子")
    assert tokens.count("bullet_list_open") == 2  # the child nests under its parent


def test_full_width_space_before_prose_is_never_an_indented_code_block() -> None:
    lines = norm("段落の最初\n\n\u3000\u3000二つの全角空白で始まる段落")
    assert lines[2] == "   二つの全角空白で始まる段落"
    assert "code_block" not in blocks("段落の最初\n\n\u3000\u3000二つの全角空白で始まる段落")


def test_full_width_space_continues_a_list_item() -> None:
    lines = norm("・項目\n\n\u3000\u3000説明の段落")
    assert lines == ["- 項目", "", "    説明の段落"]


def test_code_fences_are_never_touched() -> None:
    text = "```\n・not a bullet\n-flag\n<!-- kept -->\n:::\n{{< x >}}\n```\n~~~~\n```\n・still code\n~~~~\n・after"
    lines = norm(text)
    assert lines[:-1] == text.split("\n")[:-1]
    assert lines[-1] == "- after"


def test_a_fence_inside_a_list_item_is_code_too() -> None:
    lines = norm("- 例:\n  ```sh\n  -flag\n  ```\n-next")
    assert lines == ["- 例:", "  ```sh", "  -flag", "  ```", "- next"]


def test_inline_code_of_three_backticks_is_not_a_fence() -> None:
    assert norm("```a``` ・x\n・item") == ["```a``` ・x", "- item"]


# --- normalize_body: markup that is not the note's text ----------------------------------------------------------


def test_hugo_shortcodes_are_blanked_and_paired_ones_keep_their_contents() -> None:
    text = '{{< notice info >}}\n本文\n{{< /notice >}}\nsee {{< ref "post.md" >}} here\n{{% note %}}x{{% /note %}}'
    assert norm(text) == ["", "本文", "", "see  here", "x"]


def test_a_shortcode_spanning_lines_is_blanked_whole() -> None:
    assert norm('{{< figure src="a.png"\n   alt="図" >}}\nafter') == ["", "", "after"]


def test_hugo_highlight_becomes_a_code_fence() -> None:
    lines = norm("{{< highlight go >}}\n・x := 1\n{{< /highlight >}}\n・y")
    assert lines == ["````go", "・x := 1", "````", "- y"]
    assert "fence" in blocks("{{< highlight go >}}\nx := 1\n{{< /highlight >}}")


def test_html_comments_are_blanked_also_across_lines() -> None:
    assert norm("a <!-- one --> b\nc <!-- two\n- hidden\nstill --> d\ne") == ["a  b", "c", "", "d", "e"]


def test_obsidian_comments_and_embeds_are_blanked() -> None:
    lines = norm("text %% inline %% more\n%%\nblock comment\n%%\n- ![[diagram.png]]\nsee ![[Other note]] end")
    assert lines == ["text  more", "", "", "", "- ", "see  end"]


def test_markup_inside_inline_code_is_kept() -> None:
    line = "use `{{< ref >}}` and `<!-- x -->` and `%%`"
    assert norm(line) == [line]


def test_an_unclosed_embed_is_text() -> None:
    assert norm("![[not closed") == ["![[not closed"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (":::message\n本文\n:::", ["", "本文", ""]),
        (":::message alert\n- 注意\n:::", ["", "- 注意", ""]),
        (":::details 答えを見る\n中身\n:::", ["答えを見る", "中身", ""]),
        ("::::details 外側\n:::message\n内側\n:::\n::::", ["外側", "", "内側", "", ""]),
        (":::tip\nhint\n:::", ["", "hint", ""]),
        (":::tip[My title]\nhint\n:::", ["My title", "hint", ""]),
        (":::note Title here\nx\n:::", ["Title here", "x", ""]),
        ("::: {.warning}\nx\n:::", ["", "x", ""]),
        ("text\n:::details 続けて\nx\n:::", ["text", "", "x", ""]),  # a title must not join the paragraph before
        (":::details # 見出し風\nx\n:::", ["\\# 見出し風", "x", ""]),
    ],
)
def test_containers_lose_their_fences_and_keep_a_title(text: str, expected: list[str]) -> None:
    assert norm(text) == expected


def test_container_contents_parse_as_blocks() -> None:
    tokens = blocks(":::message\n- a\n- b\n:::\n")
    assert tokens.count("list_item_open") == 2


def test_colons_inside_a_code_fence_stay() -> None:
    assert norm("```\n:::details x\n:::\n```") == ["```", ":::details x", ":::", "```"]


@pytest.mark.parametrize("html", [True, False])
def test_an_image_bullet_never_swallows_the_list_after_it(html: bool) -> None:
    text = '- <img src="a.png" alt="図1">\n  - 子の項目\n  - もう一つ\n- 次の項目'
    assert norm(text)[0] == "- ![図1]()"
    tokens = blocks(text, html=html)
    assert "html_block" not in tokens
    assert tokens.count("list_item_open") == 4


@pytest.mark.parametrize("html", [True, False])
def test_a_tag_line_never_opens_a_raw_html_block(html: bool) -> None:
    text = '<div align="center">\n- a\n- b\n</div>\n\n<p>段落の<b>テキスト</b></p>\n<img src="x.png">\n- c'
    lines = norm(text)
    assert lines[0] == "" and lines[3] == ""
    assert lines[5] == "段落のテキスト"
    assert lines[6] == "![]()"
    assert "html_block" not in blocks(text, html=html)


def test_details_and_summary_give_a_label() -> None:
    text = "<details><summary>答え</summary>\n\nS3 はオブジェクトストレージ\n\n</details>"
    assert norm(text) == ["答え", "", "S3 はオブジェクトストレージ", "", ""]


def test_script_and_style_blocks_are_blanked() -> None:
    assert norm("<script>\nalert(1)\n</script>\n<style>p{}</style>\nok") == ["", "", "", "", "ok"]


def test_a_tag_only_list_item_keeps_its_marker() -> None:
    assert norm("- <br>\n  - x") == ["-", "  - x"]


# --- clean_inline, split_br, is_only_image, strip_bullet -------------------------------------------------------------


@pytest.mark.parametrize(
    "src, expected",
    [
        ('<img src="a.png"> text', "text"),
        ("<b>bold</b> and <span class='x'>span</span>", "bold and span"),
        ("![alt text](a.png) after", "after"),
        ("[link text](https://example.com)", "link text"),
        ("[[Page]]", "Page"),
        ("[[Page|alias]]", "alias"),
        ("[[Page#Heading]]", "Page › Heading"),
        ("[[#Heading]]", "Heading"),
        ("[[Page#^block1]]", "Page"),
        ("before ![[embed.png]] after", "before after"),
        ('see {{< ref "post.md" >}} here', "see here"),
        ("{{% notice %}}", ""),
        ("a\t\tb   c", "a b c"),
        ("line<br>next", "line\nnext"),
        ("x <!-- comment --> y", "x y"),
        ("`<b>code</b>` stays", "<b>code</b> stays"),
        ("`[[not a link]]`", "[[not a link]]"),
        ("AT&amp;T", "AT&T"),
    ],
)
def test_clean_inline(src: str, expected: str) -> None:
    assert clean_inline(src) == expected


def test_clean_inline_removes_terminal_controls() -> None:
    assert clean_inline("a\x1b]0;title\x07b\x1b[31m") == "ab"


def test_wiki_link_text_is_protected_from_splits() -> None:
    inl = inline("[[Note: a page]] and more")
    assert inl.text.startswith("Note: a page")
    assert (0, len("Note: a page")) in inl.protected


@pytest.mark.parametrize(
    "src, pieces",
    [
        ("one<br>two<br/>three<BR />four", ["one", "two", "three", "four"]),
        ("no break", ["no break"]),
        ("a<br><br>b", ["a", "b"]),
        ("`x<br>y` z", ["`x<br>y` z"]),
        ("", []),
    ],
)
def test_split_br(src: str, pieces: list[str]) -> None:
    assert split_br(src) == pieces


@pytest.mark.parametrize(
    "src, expected",
    [
        ("![a](b.png)", True),
        ("  ![[x.png]]  <img src=y>", True),
        ('<IMG SRC="x">', True),
        ("![]()", True),
        ("![a](b.png) caption", False),
        ("", False),
        ("text", False),
    ],
)
def test_is_only_image(src: str, expected: bool) -> None:
    assert is_only_image(src) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("・項目", "項目"),
        ("・ 項目", "項目"),
        ("\u3000・項目", "項目"),
        ("・・・", "・・・"),
        ("項目・詳細", "項目・詳細"),
    ],
)
def test_strip_bullet(text: str, expected: str) -> None:
    assert strip_bullet(text) == expected


# --- split_term ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "src, expected",
    [
        # The colon, as before.
        ("Term: its meaning", ("Term", "its meaning")),
        ("用語：意味の説明", ("用語", "意味の説明")),
        ("**Bold term:** meaning here", ("Bold term", "meaning here")),
        ("`kubectl`: the Kubernetes command line", ("kubectl", "the Kubernetes command line")),
        ("Docs: https://example.com/a:b", ("Docs", "https://example.com/a:b")),
        # The other separators.
        ("S3・・・オブジェクトストレージ", ("S3", "オブジェクトストレージ")),
        ("EBS … ブロックストレージ", ("EBS", "ブロックストレージ")),
        ("EFS……ファイルストレージ", ("EFS", "ファイルストレージ")),
        ("RDS＝マネージドな RDB", ("RDS", "マネージドな RDB")),
        ("IAM = Identity and Access Management", ("IAM", "Identity and Access Management")),
        ("gp3 - the new general purpose SSD", ("gp3", "the new general purpose SSD")),
        ("gp2 — general purpose SSD", ("gp2", "general purpose SSD")),
        ("io2 – provisioned IOPS", ("io2", "provisioned IOPS")),
        # A leading ・ never stays in the term.
        ("・VPC：仮想ネットワーク", ("VPC", "仮想ネットワーク")),
        ("・Lambda・・・サーバーレス", ("Lambda", "サーバーレス")),
        # The first separator wins; later ones stay in the definition.
        ("Lambda - runs code: no servers", ("Lambda", "runs code: no servers")),
        ("Route 53: DNS - and more", ("Route 53", "DNS - and more")),
        # Later lines belong to the definition.
        ("Term: first\nsecond", ("Term", "first\nsecond")),
    ],
)
def test_split_term_splits(src: str, expected: tuple[str, str]) -> None:
    assert split_term(src) == expected


@pytest.mark.parametrize(
    "src",
    [
        "10:30 meeting",
        "10：30 開始",
        "a:b",
        "front :: back",
        "https://example.com/x",
        "[a: b](https://example.com) is a link",
        "`a: b` is code",
        "[[Note: page]] is a wiki link",
        "Note: a remark, not a term",
        "14:00 - 15:00 セッション",
        "2019/10/03 - 2019/10/04",
        "PostgreSQL 9.3.12 - 10.4",
        "In the primary region: data is always replicated three times",
        "Unlike Entra ID - AD DS",
        "Compared to EBS: cheaper per GB",
        "Nassim Taleb explained: “True success is exiting some rat race.”",
        "Windows 7 – 11",
        "MySQL 5.7 - 8.0 (latest)",
        "This sentence is far too long to be a term - and so it is prose",
        "長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い - 説明",
        "Term: x",
        "考え中…",
        "a -> b",
        "",
    ],
)
def test_split_term_does_not_split(src: str) -> None:
    assert split_term(src) is None


def test_a_release_year_after_a_version_splits_and_a_bold_phrase_is_a_name() -> None:
    assert split_term("Java 8 - 2014") == ("Java 8", "2014")
    assert split_term("Node.js 18 – 22（LTS のみ）") is None  # a range with a remark in full-width brackets
    assert split_term("2019 - 2021") is None
    assert split_term(inline("**In the clear**: data sent without encryption")) == (
        "In the clear",
        "data sent without encryption",
    )
    assert split_term("At most once: a message may be lost") == ("At most once", "a message may be lost")
    assert split_term("Detecting concurrent writes: version vectors") == (
        "Detecting concurrent writes",
        "version vectors",
    )


def test_a_name_that_opens_with_a_preposition_still_splits() -> None:
    assert split_term("For loops: repeat a block for each item") == ("For loops", "repeat a block for each item")
    assert split_term("With clause: names a subquery") == ("With clause", "names a subquery")
    assert split_term("on a file: runs with the group's privileges") == (
        "on a file",
        "runs with the group's privileges",
    )


def test_a_number_before_a_dash_splits_when_a_definition_follows_it() -> None:
    assert split_term("Python 3 - the third version") == ("Python 3", "the third version")
    assert split_term("Step 1 - 2 minutes to boot") == ("Step 1", "2 minutes to boot")


def test_a_long_term_before_a_dash_can_still_split_at_a_later_colon() -> None:
    src = "Amazon Elastic Block Store volumes - gp3: general purpose"
    assert split_term(src) == ("Amazon Elastic Block Store volumes - gp3", "general purpose")


def test_split_term_takes_an_inline_too() -> None:
    assert split_term(inline("**EC2**・・・仮想サーバー")) == ("EC2", "仮想サーバー")


def test_term_ok() -> None:
    assert term_ok("S3")
    assert not term_ok("例")
    assert not term_ok("TODO")
    assert not term_ok("これは文です。")
    assert not term_ok("x" * 41)
    assert not term_ok("x" * 31, max_chars=30)


# --- linear time -----------------------------------------------------------------------------------------------------


def _ratio(make, small: int = 1_000, big: int = 10_000) -> float:
    """CPU time for ``make(big)`` over CPU time for ``make(small)``: about big/small when linear."""

    def timed(n: int) -> float:
        text = make(n)
        head = text[:20_000]

        def run() -> None:
            normalize_body(text)
            clean_inline(head)
            split_term(head)
            split_br(head)

        return max(best_cpu(run), 1e-6)

    return timed(big) / timed(small)


PATHOLOGICAL = {
    "one long line of openers": lambda n: "<!--" + "{{<" * n + "![[" * n + "%" * n,
    "unclosed embeds": lambda n: "![[" * n,
    "many comment lines": lambda n: "<!--\n" + "x\n" * n,
    "crlf-heavy": lambda n: "\r\r\n・a\r" * n,
    "backticks": lambda n: "`" + "``x" * n,
    "tags": lambda n: "<b " + "<a " * n,
    "dashes and bullets": lambda n: "-x\n・y\n\u3000\u3000z\n" * n,
    "separators": lambda n: ("a - " * n) + ": b",
    "containers": lambda n: ":::details t\n" * n,
    "shortcode spanning lines": lambda n: "{{< x\n" + "y\n" * n,
    "alt attributes": lambda n: "<img " + "alt=" * n,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_time_grows_linearly(name: str) -> None:
    # Ten times the input may take up to thirty times as long (noise on a shared machine); a quadratic pattern
    # takes a hundred times as long.
    ratio = _ratio(PATHOLOGICAL[name])
    assert ratio < 30, f"{name}: x10 input took x{ratio:.0f} time"


def test_a_large_body_keeps_its_line_count() -> None:
    text = "## 見出し\n・項目\n\u3000・子\n-x\n<img src=a>\n:::message\nm\n:::\n<!-- c -->\n\n" * 2_000
    assert normalize_body(text).count("\n") == text.count("\n")


# --- the end-to-end examples are well formed ---------------------------------------------------------------------


def test_markup_cases_cover_every_bullet_of_both_rules() -> None:
    from tests.core.cards.markup_cases import CASES

    assert len(CASES) >= 15
    assert {c["rule"] for c in CASES} >= {"3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6"}
    for case in CASES:
        assert set(case) <= {"name", "rule", "note", "expect", "only", "never"}, case["name"]
        for card in case["expect"]:
            assert set(card) == {"kind", "front", "back"}, case["name"]
        assert normalize_body(case["note"]).count("\n") == case["note"].count("\n")


def test_an_obsidian_block_id_shows_nothing() -> None:
    # "^5cb177" at the end of a line names the block for links to it: not the note's text. A caret in a formula
    # (x^2, 2^10) or alone is text.
    assert inline("4) **Circular Wait** ^5cb177").text.rstrip() == "4) Circular Wait"
    assert inline("first line ^id-1\nsecond").text == "first line \nsecond"
    assert inline("2^10 is 1024, x^2").text == "2^10 is 1024, x^2"
    assert inline("a caret ^ alone").text == "a caret ^ alone"


def test_a_placeholder_in_angle_brackets_is_text_and_html_is_not() -> None:
    assert inline('"<service>.<resource>.<verb>"').text == '"<service>.<resource>.<verb>"'
    assert inline("kubectl drain <cp-node> --ignore-daemonsets").text == "kubectl drain <cp-node> --ignore-daemonsets"
    assert inline('<b>bold</b> and <span class="x">y</span>, <Tabs>z</Tabs>').text == "bold and y, z"
    assert norm("<b>Drain</b> kubectl drain <node>") == ["Drain kubectl drain <node>"]


def test_a_logseq_or_org_drawer_is_no_text() -> None:
    text = (
        "- heatmap: a compact view\n  :LOGBOOK:\n  CLOCK: [2023-11-04 Sat 20:41:04]--[2023-11-04 Sat 20:41:05] =>  00:00:01\n"
        "  :END:\n- calendar: a view of tasks\n"
    )
    assert norm(text) == ["- heatmap: a compact view", "", "", "", "- calendar: a view of tasks", ""]
    cards = parse("## Plugins\n\n" + text)[0].cards
    assert [(c.front, c.back) for c in cards if c.kind == "definition"] == [
        ("heatmap", "a compact view"),
        ("calendar", "a view of tasks"),
    ]


def test_keys_in_vim_notation_are_text_and_html_elements_are_not() -> None:
    assert inline("u<C-r> redoes; <C-S-Tab>, <M-x>, <F12>").text == "u<C-r> redoes; <C-S-Tab>, <M-x>, <F12>"
    assert inline("<Esc> then <cr>, <Leader>w, <leader>w, <Tab>").text == "<Esc> then <cr>, <Leader>w, <leader>w, <Tab>"
    assert inline("<Del> deletes").text == "<Del> deletes"
    # HTML's own elements, closing tags and tags with attributes stay markup.
    assert inline("<del>old</del> <s>gone</s> <Tab label='a'>x</Tab>").text == "old gone x"
    assert norm("<C-h>: delete back one character") == ["<C-h>: delete back one character"]
    # A tag alone on its line is markup, even one named like a key: MDX's <Tab> around a block.
    assert norm("<Tabs>\n<Tab>\n\nnpm install x\n\n</Tab>\n</Tabs>") == ["", "", "", "npm install x", "", "", ""]
    cards = parse("## Undo\n\n- u<C-r>: redo after an undo\n- <C-h>: delete back one character\n")[0].cards
    assert [(c.front, c.back) for c in cards if c.kind == "definition"] == [
        ("u<C-r>", "redo after an undo"),
        ("<C-h>", "delete back one character"),
    ]


def test_a_tags_attributes_on_lines_of_their_own_are_no_text() -> None:
    text = (
        '<div style="margin: 2rem 0;">\n  <iframe class="speakerdeck-iframe"\n'
        '          style="border: 0px;\n                 padding: 0px;">\n  </iframe>\n</div>\n\n'
        "- padding: space inside the border\n"
    )
    lines = norm(text)
    assert lines[:6] == [""] * 6
    assert lines[7] == "- padding: space inside the border"
    # An opening tag never closed ends at the next blank line.
    assert norm("<video controls\nsrc=x.mp4\n\nafter")[3] == "after"


def test_display_math_with_blank_lines_inside_is_no_text() -> None:
    text = "ここで\n\n$$\n\\begin{eqnarray}\na &= 1 \\nonumber \\\\\n\n\\label{sigma}\n\\sigma &= 0.4 \\mu\n\\end{eqnarray}\n$$\n\nafter\n"
    lines = norm(text)
    assert lines[2:10] == [""] * 8
    assert lines[11] == "after"
    # Without a blank line inside, display math stays as it is (a paragraph of its own); never closed, it stays too.
    assert norm("\n$$\nx = 1\n$$\n")[1:4] == ["$$", "x = 1", "$$"]
    assert norm("\n$$\nx\n\ny\n")[1:] == ["$$", "x", "", "y", ""]


def test_attribute_lists_after_an_image_or_link_and_a_callouts_style_are_markup() -> None:
    from pathlib import Path

    from devday_tui.core.parser import parse_note

    assert inline("![name](a.png){:height 300, :width 300}").text == ""
    assert inline('[変動係数](https://example.com){:target="_blank"}が与えられる').text == "変動係数が与えられる"
    assert inline("a Clojure map {:a 1} stays").text == "a Clojure map {:a 1} stays"
    note = parse_note(
        "## Analysis\n> [!maths|black|outlined] TOTAL COST\n> - comparisons: n(n-1)/2\n> - swaps: n-1\n",
        Path("n.md"),
        "n.md",
    )
    assert note.cards[0].front == "Analysis › TOTAL COST — 2 points"


def test_a_link_destination_may_hold_one_level_of_parentheses() -> None:
    text = "als [Vektoren](../mathe/mathe%20(3)/Vektor.md) auffassen. [Betrag](../Mathe/Betrag.md) hat"
    assert inline(text).text == "als Vektoren auffassen. Betrag hat"
    assert inline("see [docs](https://x.io/a_(b)) now").text == "see docs now"
    assert inline("a [x](y(z) b").text == "a [x](y(z) b"  # unbalanced: no link, as in CommonMark


def test_a_paragraph_of_tags_is_no_term_and_its_definition() -> None:
    from tests.core.cards.small_notes import parse

    note, _ = parse("## Media\n\n#statistica_descrittiva\n#statistica_descrittiva/univariate #ppt-2\n")
    assert note.cards == []


def test_a_colon_inside_japanese_quotes_splits_no_term() -> None:
    assert split_term("ヘッダとして「図鑑番号: 整数」「名前: 文字列」があり、本体にはタプルが入る") is None
    assert split_term("『X = 2』、『I = 1』より、表の計算式を選択") is None
    assert split_term("SRA: 「図鑑」のこと") == ("SRA", "「図鑑」のこと")


def test_delimiters_in_inline_math_read_as_their_symbols() -> None:
    from devday_tui.core.cards.embedded import plain_math

    assert plain_math(r"内积$\left\langle X_i,X_j\right\rangle$の形") == "内积⟨ X_i,X_j⟩の形"
    assert plain_math(r"$\lvert x \rvert \leq \lVert v \rVert$") == "| x | ≤ ‖ v ‖"


def test_math_without_commands_matrices_and_spaced_fractions_read_plainly() -> None:
    from devday_tui.core.cards.embedded import plain_math

    assert plain_math("- number of features: $ n $") == "- number of features: n"
    assert (
        plain_math("- feature vector: $ x^{(i)}_j $, stop below $ 10^{-3} $")
        == "- feature vector: x^(i)_j, stop below 10^(-3)"
    )
    assert plain_math(r"$ \begin{bmatrix} x_{0} \\ x_{1} \\ \vdots \\ x_{n} \end{bmatrix} $") == "[x_0; x_1; ⋮; x_n]"
    assert plain_math(r"$\begin{pmatrix} a & b \\ c & d \end{pmatrix}$") == "(a, b; c, d)"
    assert plain_math(r"$f = \begin{cases} 1 & x>0 \\ 0 & \text{otherwise} \end{cases}$") == "f = 1, x>0; 0, otherwise"
    assert plain_math(r"$ \theta_j = \alpha \dfrac {\delta}{\delta \theta_j} J(\theta) $") == "θ_j = α δ/(δ θ_j) J(θ)"
    # Escaped braces are a set's, a command ends before an accented letter.
    assert plain_math(r"label $y\{-1, +1\}$, $\langle\hat{y}\rangle$") == "label y{-1, +1}, ⟨y\u0302⟩"
    # Prices and shell variables are no math.
    for text in (
        "costs $5 and $10",
        "$FOO_BAR and $BAZ",
        "echo $HOME_DIR $PATH",
        "$ is $",
        "echo $A $B prints both",
        "$DB_PW と $DB_ID を .env に書く",
        "S3 Standard: $0.023/GB; 1 TB = 2^10 GB → $23.55/month",
        "BRE: a\\{2\\}$ matches aa at the end, b\\{3\\}$ matches bbb",
    ):
        assert plain_math(text) == text


def test_display_math_inside_a_list_item_is_code() -> None:
    from tests.core.cards.small_notes import parse

    md = "## SVM\n- 点$X_i$を分類するとき、$w$を代入すると\n  $$\n  w^TX_i+b=\\sum_j \\lambda_j y_j\n  $$\n- 内積だけが現れる\n"
    (card,) = parse(md)[0].cards
    assert [i.text for i in card.back] == ["点X_iを分類するとき、wを代入すると", "内積だけが現れる"]
