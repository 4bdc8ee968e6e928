"""benchmarks/card_quality.py: what each figure counts, on small notes and hand-made cards."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace as NS

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "benchmarks" / "card_quality.py"

_spec = importlib.util.spec_from_file_location("card_quality", SCRIPT)
cq = importlib.util.module_from_spec(_spec)
sys.modules["card_quality"] = cq
_spec.loader.exec_module(cq)


def card(front: str, back, line: int = 1, kind: str = "definition", context=("Note",)) -> NS:
    return NS(kind=kind, front=front, back=back, line=line, context=context)


def item(text: str, *children) -> NS:
    return NS(text=text, children=tuple(children))


def terms(text: str) -> list[tuple[int, str]]:
    return [(d.no, d.term) for d in cq.definitions(cq.source_lines(text)) if not d.other_separator]


def parents(text: str) -> list[tuple[int, str]]:
    return [(p.no, p.text) for p in cq.parent_bullets(cq.source_lines(text))]


# --- over the cards -------------------------------------------------------------------------------------------


def test_back_lines_count_nested_items() -> None:
    back = tuple(item(f"p{i}", item("a"), item("b", item("c"))) for i in range(3))
    assert len(cq.back_lines(back)) == 12
    assert len(cq.back_lines("one\ntwo")) == 2


@pytest.mark.parametrize(
    ("front", "back", "kinds"),
    [
        ("TCP", "<img src='a.png'> three-way handshake", ["html"]),
        ("TCP", (item("ok", item("see <br> this")),), ["html"]),
        ("Model", (item("see [[CNI]]"),), ["wiki-link"]),
        ("{{% notice tip %}}", "x", ["shortcode"]),
        (":::message", "x", ["container"]),
        ("x", "a %% hidden %% b", ["obsidian-comment"]),
        ("x", "see [docs](https://example.com)", ["md-link"]),
        ("x", "<!-- todo -->", ["html-comment"]),
        ("x", "a&nbsp;b", ["entity"]),
        ("x", "**bold** left", ["bold"]),
        ("・NAT", "x", ["bullet-in-label"]),
        ("-クラスA", "x", ["bullet-in-label"]),
        ("-item left over", "x", ["bullet-in-label"]),
        ("x", (item("ok"), item("-IPv4は32ビット")), ["bullet-in-label"]),
        ('<TabItem value="a" label="A">', "x", ["html"]),
        ("x", '<source src="a.mp4">', ["html"]),
        ("{% gist 8809515 lock.sh %}", "x", ["shortcode"]),
        ("Harmonic mean", "$\\frac{1}{H}$", ["latex"]),
    ],
)
def test_markup_is_found(front, back, kinds) -> None:
    assert cq.markup_kinds(card(front, back)) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Forgetting arn:aws:s3:::bucket for s3:ListBucket",
        "def f[T](x: T) -> T: (PEP 695)",
        "<service>.<namespace>.svc.cluster.local",
        "USER#<userId>",
        "Use git rebase -i <source> for interactive rebasing",
        "料金: $1/月/キー と $5",
        "kubectl drain --ignore-daemonsets",
        "uses `backticks` for commands",
        "def f(**kwargs)",
        "VPC --> subnet",
        "-a",
        "-t fstype: the file system type",
        "-A...全統計",
        "-parallel=2 とするとパッケージの並列化",
        "-> cause the content of a block to layout in columns",
    ],
)
def test_text_that_only_looks_like_markup_is_not_counted(text) -> None:
    assert cq.markup_kinds(card("front", text)) == []


@pytest.mark.parametrize(
    ("front", "generic"),
    [
        ("事例", True),
        ("後半 — 3 points", True),
        ("Q&A — 2 points", True),
        ("17.", True),
        ("Q17", True),
        ("問3", True),
        ("Note:", True),
        ("Setup › (untitled 3)", True),
        ("Q", True),
        ("", True),
        ("ssm-tool › 事例", False),
        ("Fargate とは", False),
        ("gp2", False),
        ("EKS アップグレード戦略 — 4 points", False),
    ],
)
def test_generic_fronts(front, generic) -> None:
    assert cq.is_generic(front) is generic


def test_url_backs() -> None:
    assert cq.back_is_url("https://example.com/a")
    assert cq.back_is_url((item("https://a.example"), item("<https://b.example>")))
    assert not cq.back_is_url("see https://example.com")
    assert not cq.back_is_url("")


def test_duplicates_and_figures_per_note(tmp_path: Path) -> None:
    report = cq.Report()
    cards = [
        card("gp2", "a", 3),
        card("GP2", "b", 9),
        card("x — 2 points", (item("a"), item("b")), 5),
        card("x — 3 points", (item("a"),), 7),
    ]
    cq.measure_note(report, tmp_path / "n.md", "", cards, "n.md")
    assert (report.duplicate.total - report.duplicate.hit) == 2
    assert report.cards == 4


# --- over the source ------------------------------------------------------------------------------------------


def test_definitions_found_in_many_habits() -> None:
    text = (
        "---\ntitle: t\nkey: value in frontmatter\n---\n"
        "AES: symmetric cipher\n"
        "- gp2: General Purpose SSD\n"
        "・NAT：アドレス変換\n"
        "-クラスA：10.0.0.0/8\n"
        "\u3000\u3000DNS：名前解決\n"
        "**共通鍵暗号方式**：同じ鍵を使う\n"
        "\t- `key`: path of the state object\n"
        "1. Step: do it\n"
        "ホスト数<br>ACU：容量の単位\n"
    )
    assert terms(text) == [
        (5, "aes"),
        (6, "gp2"),
        (7, "nat"),
        (8, "クラスa"),
        (9, "dns"),
        (10, "共通鍵暗号方式"),
        (11, "key"),
        (12, "step"),
        (13, "acu"),
    ]


def test_lines_that_are_not_definitions() -> None:
    text = "\n".join(
        [
            "```yaml",
            "name: in a fence",
            "```",
            "| a: b | c |",
            "| --- | --- |",
            "| x: y | z |",
            "## Heading: not a term",
            "Slides: https://example.com/x",
            "Docs: [the page](https://example.com)",
            "Conditions:",
            "10:00 受付",
            "s3:GetObject is an action",
            "ClusterIP :: internal virtual IP",
            "Note: md5 still works",
            "- Q: アカウントは何個？",
            "- A: 80 ほど",
            "Their argument is simple: platforms are products",
            "A much longer opening sentence that keeps going on and on, three families of",
            "algorithms: single-leader, multi-leader and leaderless.",
            "複数リソース（例: ALB と ECS）",
            "<!-- hidden: comment -->",
            "%% hidden: comment %%",
            "see `a: b` in code",
            "This sentence is far too long to be a term, surely: and so on",
            "{{< highlight json >}}",
            '"Effect": "Allow",',
            "{{< /highlight >}}",
            "{% highlight yaml %}",
            "kind: Service",
            "{% endhighlight %}",
            "[^1]: a footnote",
        ]
    )
    assert terms(text) == []


def test_toml_frontmatter_is_not_read() -> None:
    assert cq.definitions(cq.source_lines('+++\ntitle = "x"\ndate: 2024\n+++\nAES: cipher\n')) == [
        cq.Definition(5, "aes", False)
    ]


def test_other_separators_are_a_separate_figure() -> None:
    text = (
        "・DHCP・・・アドレスを割り当てる\n・リピータ＝第1層\nsalt = random value\nCSRF — forged request\n"
        "\u3000共有ロック …… 他も読める\n"
    )
    found = cq.definitions(cq.source_lines(text))
    assert [(d.term, d.other_separator) for d in found] == [
        ("dhcp", True),
        ("リピータ", True),
        ("salt", True),
        ("csrf", True),
        ("共有ロック", True),
    ]


def test_crlf_and_bom_keep_line_numbers() -> None:
    text = "\ufeff---\r\ntitle: t\r\n---\r\n\r\nAES: symmetric\r\n- parent\r\n  - child\r\n"
    assert terms(text) == [(5, "aes")]
    assert parents(text) == [(6, "parent")]


def test_parent_bullets_in_many_habits() -> None:
    text = "\n".join(
        [
            "- Fargate とは",  # 1
            "  - サーバー管理不要",
            "Tabs:",  # 3
            "\t- tabbed parent",  # 4
            "\t\t- child",
            "-プライベートIPアドレス",  # 6
            "\u3000-クラスA：10.0.0.0/8",
            "・TCP",  # 8
            "\u3000・コネクション型",
            "1. Standard",  # 10
            "   - no minimum duration",
            "・<img src='a.png'>",  # 12: nothing but an image
            "\u3000・図の説明",
            "- default deny:",  # 14: a fence, not a sub-list, follows
            "```yaml",
            "  - not a child",
            "```",
            "TCP",  # 18: a label, not a bullet
            "\u3000・コネクション型",
            "- leaf",  # 20
            "",
            "## next",
            "  - a new list",
        ]
    )
    assert parents(text) == [
        (1, "fargate とは"),
        (4, "tabbed parent"),
        (6, "プライベートipアドレス"),
        (8, "tcp"),
        (10, "standard"),
    ]


def test_a_parent_is_carded_by_its_own_card_not_by_a_list_starting_at_its_line(tmp_path: Path) -> None:
    text = "## S\n- Fargate とは\n  - サーバー管理不要\n- 利点\n  - パッチ不要\n"
    heading_list = card("S — 2 points", (item("Fargate とは", item("サーバー管理不要")), item("利点")), line=2)
    report = cq.Report()
    cq.measure_note(report, tmp_path / "n.md", text, [heading_list], "n.md")
    assert (report.parents.hit, report.parents.total) == (0, 2)
    report = cq.Report()
    own = [heading_list, card("Fargate とは", "サーバー管理不要", line=2), card("S › 利点", (item("パッチ不要"),), 9)]
    cq.measure_note(report, tmp_path / "n.md", text, own, "n.md")
    assert (report.parents.hit, report.parents.total) == (2, 2)


def test_definition_captured_at_its_line_or_by_its_term(tmp_path: Path) -> None:
    text = "gp2: first\nx\n\n- gp2: again\n- io2: fast\n- st1: hdd\n"
    cards = [card("gp2", "first / again", 1), card("Volumes › io2", "fast", 99), card("list — 3 points", "x", 6)]
    report = cq.Report()
    cq.measure_note(report, tmp_path / "n.md", text, cards, "n.md")
    assert (report.definitions.hit, report.definitions.total) == (3, 4)
    assert report.definitions.listed == ["n.md:6  st1"]


def test_logistics_and_chatter_sections_are_not_counted_carded_or_not(tmp_path: Path) -> None:
    text = (
        "## Talk\n- 登壇者：山田さん\n- Track: Java\n- gp2: general purpose\n\n"
        "## 感想 ★★★\n- 学び: 多かった\n### Sub\n- Point: under the chatter heading too\n\n"
        "## Next\n- io2: fast\n"
    )
    cards = [card("gp2", "general purpose", 4), card("Track", "Java", 3)]
    report = cq.Report()
    cq.measure_note(report, tmp_path / "n.md", text, cards, "n.md")
    assert (report.definitions.hit, report.definitions.total) == (1, 2)  # gp2 carded, io2 missed
    assert report.definitions.listed == ["n.md:12  io2"]
    assert report.not_facts == ["n.md:2  登壇者", "n.md:3  track", "n.md:7  学び", "n.md:9  point"]
    report = cq.Report()
    cq.measure_note(report, tmp_path / "m.md", "- *Speaker: Jane, Acme*\n- Disclaimer: my own notes\n", [], "m.md")
    assert report.not_facts == ["m.md:1  *speaker", "m.md:2  disclaimer"] and report.definitions.total == 0


def test_the_lists_of_logistics_and_chatter_headings_are_the_note_formats() -> None:
    from devday_tui.core.cards.chatter import DEFAULT_SKIP_SECTIONS
    from devday_tui.core.cards.metadata import META_KEYS
    from devday_tui.core.cards.terms import DETAIL_FIELDS, TALK_FIELDS

    assert cq.LOGISTICS == TALK_FIELDS | DETAIL_FIELDS
    assert cq.CHATTER_HEADINGS == {h.casefold() for h in DEFAULT_SKIP_SECTIONS}
    assert cq.META_KEYS == META_KEYS
    assert [cq.heading_key(h) for h in ("## 1. 感想 ★★★", "### Impression ⭐⭐⭐☆☆", "## 【宣伝】", "## TL;DR:")] == [
        "感想",
        "impression",
        "宣伝",
        "tl;dr",
    ]


# --- the command ----------------------------------------------------------------------------------------------


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=REPO)


def test_command_reports_bad_files_and_fails_on_missed_goals(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe not utf-8")
    (tmp_path / "sub" / "n.md").write_bytes(b"## S\r\n\r\n- parent\r\n  - child\r\n- other\r\n  - more\r\n")
    # A card source that misses a goal (the parser itself now meets them on this note).
    (tmp_path / "long_source.py").write_text(
        "from types import SimpleNamespace as NS\n"
        "def cards(text, path):\n"
        "    return [NS(kind='definition', front='parent', back='x\\n' * 13, line=3, context=())]\n",
        encoding="utf-8",
    )
    source = ("--source", "long_source:cards")
    env = {"PYTHONPATH": str(tmp_path), "PATH": ""}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), *source], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert "bad.md: cannot read" in done.stderr
    assert "1 notes" in done.stdout and "1 files left out" in done.stdout
    assert "goals: missed (backs over 12 lines" in done.stdout
    assert done.returncode == 1
    again = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), *source, "--no-fail"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert again.returncode == 0


def test_command_takes_another_card_source(tmp_path: Path) -> None:
    (tmp_path / "n.md").write_text("- parent\n  - child\n", encoding="utf-8")
    (tmp_path / "fake_source.py").write_text(
        "from types import SimpleNamespace as NS\n"
        "def cards(text, path):\n"
        "    return [NS(kind='definition', front='parent', back='child', line=1, context=())]\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), "--source", "fake_source:cards", "--list"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "parent bullets carded" in done.stdout and "100.0%" in done.stdout
    assert "goals: met" in done.stdout


def test_comments_on_one_line_and_across_lines() -> None:
    assert cq._strip_comments("p<!--q-->r<!--s-->t%%u%%v", False, False) == ("prtv", False, False)
    assert cq._strip_comments("x %% open", False, False) == ("x ", False, True)
    assert cq._strip_comments("still hidden %% shown", False, True) == (" shown", False, False)
    text = "<!--\n```\nAES: hidden\n-->\nRSA: shown\n"
    assert terms(text) == [(5, "rsa")]


def test_long_crlf_input_with_hostile_lines() -> None:
    """Lines of brackets, comment markers, pipes and spaces: every figure still comes out, and right."""
    hostile = [
        "[[" * 20000,
        "](" * 20000,
        "%%" * 20000,
        "<!-- -->" * 5000,
        " " * 50000 + "x",
        "|-|" * 10000,
        "**" * 20000,
        "\u3000" * 20000 + "・x：y",
    ]
    # The line of backticks opens a fence that never closes: it comes last.
    text = "\r\n".join(hostile + ["- parent\r\n  - child"] * 2000 + ["`" * 40000, "- hidden\r\n  - in code"])
    report = cq.Report()
    cards = [card(h[:3000], h[:3000]) for h in hostile]
    cq.measure_note(report, Path("x.md"), text, cards, "x.md")
    assert report.parents.total == 2000
    assert [(d.no, d.term) for d in cq.definitions(cq.source_lines(text))] == [(8, "x")]


@pytest.mark.parametrize("front", ["-R(recursive)", "-fオプション", "-rf", "-t fstype"])
def test_a_command_line_flag_is_no_bullet_left_in(front: str) -> None:
    assert cq.markup_kinds(card(front, "back")) == []


def test_a_metadata_block_without_fences_and_a_quoted_heading_are_no_definition_lines(tmp_path) -> None:
    text = (
        "Title: Xoxzo と PyCon JP\nDate: 2019-09-20\nSlug: pycon\n\n## Talk\n> ### コラム: GCP?\n> text\n\nio2: fast\n"
    )
    report = cq.Report()
    cq.measure_note(report, tmp_path / "n.md", text, [], "n.md")
    assert report.definitions.listed == ["n.md:9  io2"]
    report = cq.Report()
    cq.measure_note(
        report, tmp_path / "h.md", "title: re:Invent\ndate: 2015\ntags:\n- aws\n---\nio2: fast\n", [], "h.md"
    )
    assert report.definitions.listed == ["h.md:6  io2"]
    # Not a block of the note's fields: a line that is not "key: …", or no title or date among them.
    for top in ("Title: A\nDate: B\nplain text\n", "Region: eu\nZone: a\n"):
        report = cq.Report()
        cq.measure_note(report, tmp_path / "m.md", top, [], "m.md")
        assert report.definitions.total >= 1


def test_the_person_pattern_is_the_parsers() -> None:
    from devday_tui.core.cards import maker

    assert cq.PERSON_ONLY.pattern == maker.PERSON_RE.pattern


def test_steps_callout_titles_and_pasted_page_titles_are_no_definition_lines() -> None:
    text = (
        "- **Step 1**: First, the switch loads POST from ROM.\n"
        "> [!INFO] Analogy: The Library\n"
        "SegNet: 画像セグメンテーションニューラルネットワーク\n"
        "https://qiita.com/x/items/d11862852eccc17585e8\n"
        "- POST: power-on self-test\n"
    )
    found = {d.term: d.no_fact for d in cq.definitions(cq.source_lines(text))}
    assert "step 1" not in found and not any(t.startswith("[!") for t in found)
    assert found["segnet"] is True and found["post"] is False


def test_a_minus_before_a_formula_is_no_bullet_left_in() -> None:
    assert cq.markup_kinds(card("I(x)", "-logP(x)")) == []
    assert cq.markup_kinds(card("H(x)", "-Σi P(xi)log(P(xi))")) == []
    assert cq.markup_kinds(card("Term", "-item with no space")) == ["bullet-in-label"]


def test_a_colon_inside_an_html_tag_does_not_split_a_term() -> None:
    line = (
        '- **<mark style="background: #FFB86CA6; color: black;">Runlevels</mark>**: Defines the states of the system\n'
    )
    assert terms(line) == [(1, "runlevels")]
