"""The ``table-row`` rule: each body row of a GFM table is a card; and ``table-column``: in a table whose columns
are lists (``| Cloud Storage | BigTable | BigQuery |`` over what each is), each column is a list card."""

from __future__ import annotations

import re
from collections import Counter

from devday_tui.core.cards.blocks import Node
from devday_tui.core.cards.chatter import is_clock_time
from devday_tui.core.cards.maker import CardMaker
from devday_tui.core.cards.shapes import COMPARED_RE
from devday_tui.core.cards.terms import (
    DETAIL_FIELDS,
    SCORE_FIELDS,
    TALK_FIELDS,
    field_of,
    is_ordinal,
    is_score,
    squash,
)
from devday_tui.core.model import Item
from devday_tui.core.text import is_bare_link, normalise, plain

#: The column names a table row's front lists, at most this long together.
MAX_ASKED_CHARS = 48
#: Column names that say nothing of what a cell holds: a front never lists them.
_PLAIN_COLUMNS = frozenset(
    """description descriptions meaning definition what details detail explanation notes note summary comment
    comments remarks 内容 説明 意味 概要 備考 詳細 解説 メモ 定義""".split()
)

_DETAILS = DETAIL_FIELDS | TALK_FIELDS | SCORE_FIELDS
#: Headers of a talk's details in more than one word: ``| Language | Speaker | Session Type |``.
_DETAIL_HEADERS = frozenset(("session type", "talk type", "session format", "session level"))
#: A table's one named column that says its rows are the author's or a talk's details (``| 模擬試験 | 得点 |``).
_DETAIL_COLUMNS = TALK_FIELDS | SCORE_FIELDS
#: Cells that say there is nothing: a dash.
_NONE_CELLS = frozenset("- – — ― ー --".split())
#: A row of an event's details: ``| Location | Prague |``, ``| 参加費 | 無料 |``.
_EVENT_ROWS = TALK_FIELDS | frozenset("location fee 参加費 languages".split())


#: A cell that only numbers its row: ``1``, ``2.``, ``(3)``, ``No.4``.
_ROW_NUMBER_RE = re.compile(r"(?:No\.?\s?|#)?[(（]?([0-9０-９]{1,3})[.)）]?", re.I)
#: Headers of a column of row numbers.
_NUMBER_HEADERS = frozenset(("", "#", "no", "番号", "項番", "通番"))  # (normalised: ``No.`` is ``no``)


def _numbers_rows(header: str, firsts: list[str]) -> bool:
    """A first column that only numbers the rows 1, 2, 3… under no header or ``#``, ``No.``, ``番号`` (a column of
    ports or years is data)."""
    if normalise(header) not in _NUMBER_HEADERS or not firsts:
        return False
    for k, text in enumerate(firsts, 1):
        m = _ROW_NUMBER_RE.fullmatch(text)
        if m is None or int(m.group(1)) != k:
            return False
    return True


#: A cell that is a full date: ``2024/02/11``, ``2023-12-21``, ``2024年1月5日``.
_DATE_CELL_RE = re.compile(r"[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?(?:[ (（][^|]{0,12})?")
#: A first column's header over dates that are facts, not a log of what was done when: ``リリース日``.
_FACT_DATE_HEADERS = (
    *"リリース日 発売日 公開日 発表日 施行日 制定日 設立日 サポート終了日 eol".split(),
    *("release date", "launch date", "end of life"),
)
#: First headers that name the rows' days or rounds as the table's subject.
_PLAN_HEADERS = frozenset("round rounds day days week phase フェーズ ラウンド".split())
#: A row named by a day or a round of a plan, not by a step of a procedure (``Step 1``, ``手順1`` name those):
#: ``1回目``, ``3日目``, ``第2回``, ``Day 2``, ``Week 3``.
_PLAN_ROW_RE = re.compile(
    r"[0-9０-９]{1,3}(?:回目|日目|週目|か月目|ヶ月目)|第[0-9０-９一二三四五六七八九十]{1,3}[回週]|(?:Day|Week|Round)[ \t]?[0-9]{1,3}",
    re.I,
)


#: Words of a heading or label over a day's timetable or log: rows named by the time of day are its hours (English
#: ones as words: "Terminology" holds no log).
_SCHEDULE_RE = re.compile(
    r"当日|タイムテーブル|スケジュール|アジェンダ|日程|プログラム|進行|流れ|ログ|記録|振り返り|参加"
    r"|\b(?:schedule|timetable|agenda|program(?:me)?|log|timeline|day)\b",
    re.I,
)


#: What joins the things a heading compares: ``IPv4 vs IPv6``, ``HTTP/1.1 と HTTP/2 の違い``.
_COMPARED_SPLIT_RE = re.compile(r"(?<![ \t])(?:[ \t]++(?:vs\.?|VS\.?|versus)[ \t]++|[ \t]*+と[ \t]*+)")
_COMPARES_END_RE = re.compile(r"(?<![ \t])[ \t]*+の?(?:違い|比較)(?:について)?\Z")


def _names_middle(context: str, header: list[str], rows: list[list[str]]) -> bool:
    """``| IPv4 | | IPv6 |`` under a heading comparing the two (``IPv4 vs IPv6``), its middle column filled in every
    row with names that do not repeat and are no links: that column names the rows (``Length``, ``Multicast``). A
    blank header elsewhere is a column of readings, ratings, units or links like any other."""
    if len(header) != 3 or header[1] or not header[0] or not header[2] or len(rows) < 2:
        return False
    middle = [texts[1] if len(texts) == 3 else "" for texts in rows]
    if not all(middle) or len(set(middle)) < len(middle) or any("://" in t for t in middle):
        return False
    heading = context.rsplit(" › ", 1)[-1]
    ended = _COMPARES_END_RE.sub("", heading)
    sides = _COMPARED_SPLIT_RE.split(ended)
    if len(sides) != 2 or COMPARED_RE.search(heading) is None:
        return False
    pairs = ((header[0].casefold(), sides[0].casefold()), (header[2].casefold(), sides[1].casefold()))
    return all(side.strip() and (name in side or side.strip() in name) for name, side in pairs)


def _is_schedule(context: str) -> bool:
    """Whether a table under ``context`` (its heading or label) is a day's timetable or log."""
    last = context.rsplit(" › ", 1)[-1]
    return _SCHEDULE_RE.search(last) is not None or is_ordinal(last)


#: A heading or label over rows of made-up data: ``Sample data``, ``Sample DB snapshot``, ``サンプルデータ``.
_SAMPLE_DATA_RE = re.compile(
    r"\b(?:sample|example|dummy|test) (?:data(?:set)?|db|database|tables?|rows?|records?|snapshot|output)\b"
    r"|(?:サンプル|ダミー|テスト)(?:データ|テーブル|レコード)|サンプル出力|出力例",
    re.I,
)


#: A database column's name: ``sale_day``, ``order_id``, ``OrderID``, ``ProductID``, ``createdAt`` (not math's ``x_1``).
_COLUMN_NAME_RE = re.compile(
    r"[a-z][a-z0-9]++(?:_[a-z0-9]{2,}+)++|[A-Z][a-z]++(?:[A-Z][a-z]++)*+ID|[a-z]++(?:[A-Z][a-z]++)++"
)


def _is_records(header: list[str], rows: list[list[str]]) -> bool:
    """Records of sample data: a header of a database table's column names, two or more and a third of them (``|
    sale_day | sale_month | branch |``, ``| OrderID | ProductID | Quantity |``), over rows keyed by full dates or
    numbered 1, 2, 3… (``| 2021-08-11 | AUG | New York |``). Codes, ports, versions are facts (``| status_code |
    reason_phrase |`` over ``| 404 | Not Found |``), and so is ``| instance_type | vcpu |`` over ``| t3.micro |
    2 |``."""
    firsts = [texts[0].strip() if texts else "" for texts in rows]
    dated = all(map(_DATE_CELL_RE.fullmatch, firsts))
    if not firsts or not (dated or firsts == [str(k) for k in range(1, len(firsts) + 1)]):
        return False
    named = [h for h in header if h]
    columns = sum(1 for h in named if _COLUMN_NAME_RE.fullmatch(h))
    return columns >= 2 and 3 * columns >= len(named)


def _is_grid(rows: list[list[str]]) -> bool:
    """Rows of an experiment's parameters: a first cell of one character or a number that rows share, and a second
    column whose values repeat too."""
    firsts = [r[0] for r in rows if len(r) >= 2 and r[0]]
    seconds = [r[1] for r in rows if len(r) >= 2 and r[1]]
    shared = [t for t, n in Counter(firsts).items() if n > 1 and (len(t) == 1 or t.isdigit())]
    return bool(shared) and len(set(seconds)) < len(seconds)


def _is_log_header(header: str) -> bool:
    """A first column's header over the dates of a log (``日付``, ``受験日``, ``取得日``, ``Date``, ``Exam date``), not
    over dates that are facts (``リリース日``)."""
    key = normalise(header)
    return key.endswith(("日", "日付", "日時", "date")) and not key.startswith(_FACT_DATE_HEADERS)


def _is_example_row(texts: list[str]) -> bool:
    """A row of an example's data: a single letter, then short values of no words (``A | 2``, ``D | 0b01``)."""
    key = texts[0].strip("`") if texts else ""
    values = [t for t in texts[1:] if t]
    return (
        len(key) == 1
        and key.isascii()
        and key.isalpha()
        and bool(values)
        and all(len(t) <= 10 and " " not in t for t in values)
    )


class TableRules(CardMaker):
    """Mixin of :class:`devday_tui.core.cards.builder.Builder`."""

    def table(self, node: Node, context: str) -> None:
        """Front: the context › the row's first cell — the names of the columns it asks for (not ``Description``).
        Back: the other cells, each labelled with its column header.
        A table with one column, or with an empty header row, makes no cards."""
        rows = node.children
        if not rows:
            return
        header = [squash(plain(c)) for c in rows[0][1]]
        if len(header) < 2 or not any(header[1:]):
            self.drop(node.start, "table-row", "a table with one column or no header row makes no cards")
            return
        named = [h for h in header[1:] if h]
        if (len(named) >= 2 and all(field_of(h) in _DETAILS or normalise(h) in _DETAIL_HEADERS for h in named)) or (
            len(named) == 1 and field_of(named[0]) in _DETAIL_COLUMNS
        ):
            # | Session | Tags | Length |, | 模擬試験 | 得点 |: the talks one attended or the scores one got, not
            # what they taught.
            self.drop(node.start, "talk-details", "a table of talks' details (tags, length, speaker…), not facts")
            return
        # A cell of only a dash says "none here": nothing to recall (| 検索 | - | search キーワード |).
        body = [
            (line0, [t if t not in _NONE_CELLS else "" for t in (squash(plain(c)) for c in cells)])
            for line0, cells in rows[1:]
        ]
        if len(header) >= 3 and _numbers_rows(header[0], [texts[0] if texts else "" for _, texts in body]):
            # | 9 | コスト最適化 | … |: a row's number names nothing; the next column does
            header, body = header[1:], [(line0, texts[1:]) for line0, texts in body]
        if _names_middle(context, header, [texts for _, texts in body]):
            # | IPv4 | | IPv6 | over | 32 bit | Length | 128 bit | under "IPv4 vs IPv6": the middle column, between
            # the two things compared, names the rows.
            header = [header[1], header[0], header[2]]
            body = [(line0, [texts[1], texts[0], texts[2]]) for line0, texts in body]
        if self.columns(node, context, header, [texts for _, texts in body]):
            return
        firsts = [texts[0] for _, texts in body if texts and texts[0]]
        if _is_log_header(header[0]) and len(firsts) >= 2 and all(map(_DATE_CELL_RE.fullmatch, firsts)):
            # | 2024/02/11 | Google Cloud | Professional ML Engineer |: a dated log (exams taken, posts), not facts
            self.drop(node.start, "talk-details", "a log of dated rows (what was done when), not facts")
            return
        if len(firsts) >= 2 and all(map(is_clock_time, firsts)) and _is_schedule(context):
            # | 10 時~11 時 | `3,816` | `2,224` |, | 10:00-10:45 | 基調講演 |: an hourly log or an event's timetable
            # (under 取引時間, | 9:00-11:30 | 前場 | is a fact)
            self.drop(node.start, "talk-details", "rows named by the time of day: a timetable or a log by the hour")
            return
        if _is_grid([texts for _, texts in body]):
            # | 1 | 1 | - | All messages… |, | 1 | N | same | … |: an experiment's parameters, each value shared by
            # rows, name no row (| で | 場所 |, | で | 手段 | and | 3 | * |, | 3 | / | are one card each)
            self.drop(node.start, "too-short", "rows named by the values of parameters they share: none names a row")
            return
        # | Round | … | over | Round 0 |, | Round 10 |: the rounds are what the table is about (AES), no plan's days
        plan_rows = normalise(header[0]) not in _PLAN_HEADERS
        if _SAMPLE_DATA_RE.search(context.rsplit(" › ", 1)[-1]) or _is_records(header, [t for _, t in body]):
            # "### Sample DB snapshot - Orders_archive" over | abc123 | ordered | 2015-10-06… |, | sale_day | branch |
            # over | 2021-08-11 | New York |: rows of made-up data, or a database table's
            self.drop(node.start, "too-short", "a table of sample data: its rows are an example's, not facts")
            return
        if len(body) >= 3 and all(_is_example_row(texts) for _, texts in body):
            # | A | 2 |, | B | 3 |, | D | `0b01` |: the letters of an example and their values, nothing to recall
            self.drop(node.start, "too-short", "an example's data: single letters and their values")
            return
        # A table whose meaning is in its cells' styling: a row repeats its name in every cell, bold in some of them
        # (| **Redes** | **Redes** | Redes |); | cut | cut | cut | (a verb's three forms) means what it says.
        styled = any(
            len(set(map(plain, cells))) == 1 and len(set(cells)) > 1 for _, cells in rows[1:] if len(cells) >= 3
        )
        for line0, texts in body:
            first = texts[0] if texts else ""
            if not first:
                continue
            filled = [(h, t) for h, t in zip(header[1:], texts[1:]) if t]  # the row's other cells, with headers
            if (
                normalise(first) in _EVENT_ROWS
                or (len(filled) == 1 and is_score(first, filled[0][1]))
                or self.is_chatter(first)
            ):  # | 勉強時間 | 約 50 時間 |, | 正答率 | 80% |, | 当時のエンジニア歴 | 4 年 |: the author's, not facts
                self.drop(line0, "talk-details", f"{first!r}: an event's or the author's details, not a fact")
                continue
            if not filled:
                self.drop(line0, "too-short", f"{first!r}: the row's other cells are empty")
                continue
            if styled and len(filled) >= 2 and all(t == first for _, t in filled):
                # | **Redes** | Redes | Redes |: each cell repeats the row's name, its styling said what it meant
                self.drop(line0, "too-short", f"{first!r}: the row's other cells only repeat its name, styled")
                continue
            if plan_rows and _PLAN_ROW_RE.fullmatch(first):  # | 1回目 | AWS WEB問題集をやる |, | Day 2 |: a plan's day
                self.drop(line0, "too-short", f"{first!r}: only says which day or round of a plan the row is")
                continue
            if len(filled) == 1 and is_bare_link(filled[0][1]):
                self.drop(line0, "url-only", f"{first!r}: the row's other cell is only a URL")
                continue
            # | disable | 用途 |: the front names the column (unless a plain one), the cell alone says it.
            back = [filled[0][1]] if len(header) == 2 else [f"{h}: {t}" if h else t for h, t in filled]
            subject = f"{context} › {first}"
            # The front says what is asked: the columns of the cells on the back (the card's id keeps the subject).
            # A column named only "Description" or "内容" says nothing of what is asked.
            names = [h for h, _ in filled if h and h.casefold() not in _PLAIN_COLUMNS]
            asked = ", ".join(names)
            front = f"{subject} — {asked}" if names and len(asked) <= MAX_ASKED_CHARS else subject
            self.add("table-row", "definition", subject, front, "\n".join(back), line0)

    def columns(self, node: Node, context: str, header: list[str], body: list[list[str]]) -> bool:
        """Whether the table's columns are lists, each made a list card: every header names something, and the
        first column ends in empty cells while another goes on (a row without its first cell is no row), each
        column's cells at its top. ``| Cloud Storage | BigTable |`` over ``| Durable | Sparsely Populated |`` and
        ``| - | NoSQL database |``: Cloud Storage is durable, BigTable a NoSQL database; the rows say nothing."""
        if len(body) < 2 or not all(header) or all(texts[:1] != [""] for texts in body):
            return False
        width = len(header)
        cells = [[texts[k] if k < len(texts) else "" for texts in body] for k in range(width)]
        for column in cells:
            filled = sum(1 for t in column if t)
            if filled == 0 or "" in column[:filled] or any(column[filled:]):
                return False
        for name, column in zip(header, cells):
            items = tuple(Item(t) for t in column if t)
            subject = f"{context} › {name}"
            if len(items) == 1:
                self.add("table-column", "definition", subject, subject, items[0].text, node.start)
            else:  # (the list rules' card: a column longer than the line limit is cut in parts like any list)
                self.items_card("table-column", "list", subject, items, node.start)
        return True
