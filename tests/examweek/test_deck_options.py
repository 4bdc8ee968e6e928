"""Deck options: the text edit keeps the file, the form is checked, and the screen saves where it says."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from devday_tui import deck_options_files
from devday_tui.core.deck_options import changed_values, form_values, read_form, set_options
from devday_tui.core.decks import parse_deck
from devday_tui.core.model import DeckSettings
from devday_tui.screens.deck_options import DeckOptionsScreen
from tests.examweek.conftest import open_screen, wait_for

DECK = """---
title: AWS   # the exam
include:
  - "2019-*.md"   # day one
new_per_day: 20  # keep low
# reviews are capped below
reviews_per_day: 200
tags: [AWS]
---

Body with --- and key: value lines
new_per_day: 99
"""


def meta(text: str) -> dict:
    return yaml.safe_load(text.split("---")[1])


def test_set_options_keeps_comments_order_and_body() -> None:
    out = set_options(
        DECK,
        {
            "new_per_day": 5,
            "desired_retention": 0.85,
            "exam_date": date(2026, 12, 5),
            "skip_sections": ["Q&A", '参考 "links"'],
        },
    )
    lines = out.split("\n")
    assert lines[3] == '  - "2019-*.md"   # day one'
    assert "new_per_day: 5  # keep low" in lines
    assert "# reviews are capped below" in lines
    assert out.endswith("Body with --- and key: value lines\nnew_per_day: 99\n")
    data = meta(out)
    assert data["new_per_day"] == 5 and data["desired_retention"] == 0.85
    assert data["exam_date"] == date(2026, 12, 5) and data["skip_sections"] == ["Q&A", '参考 "links"']
    assert list(data)[:5] == ["title", "include", "new_per_day", "reviews_per_day", "tags"]  # order kept
    assert set_options(out, {"exam_date": None, "skip_sections": []}) == set_options(
        DECK, {"new_per_day": 5, "desired_retention": 0.85}
    )


def test_set_options_replaces_a_block_list_and_keeps_crlf_and_bom() -> None:
    text = "\ufeff---\r\nskip_sections:\r\n  - a\r\n  - b\r\ntitle: T\r\n---\r\nbody\r\n"
    out = set_options(text, {"skip_sections": ["c"]})
    assert out == '\ufeff---\r\nskip_sections: ["c"]\r\ntitle: T\r\n---\r\nbody\r\n'


def test_set_options_adds_a_frontmatter_when_there_is_none() -> None:
    assert set_options("Q::A\n", {"new_per_day": 3}) == "---\nnew_per_day: 3\n---\n\nQ::A\n"
    assert set_options("", {"reverse": True}) == "---\nreverse: true\n---\n"


def test_values_read_back_by_the_deck_parser(tmp_path) -> None:
    options = DeckSettings(5, 50, 0.85, date(2026, 12, 5), 6, ("Q&A",), True)
    text = set_options(DECK, changed_values(DeckSettings(), options))
    settings = parse_deck(text, tmp_path / "d.md").settings
    assert settings == options


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("desired_retention", "0.5", "between 0.70 and 0.99"),
        ("desired_retention", "abc", "a number like 0.9"),
        ("new_per_day", "-1", "between 0 and"),
        ("reviews_per_day", "1.5", "whole number"),
        ("exam_date", "2026-02-30", "real date"),
        ("rollover_hour", "24", "between 0 and 23"),
    ],
)
def test_form_is_checked(field, value, words) -> None:
    form = form_values(DeckSettings())
    form[field] = value
    options, errors = read_form(form)
    assert options is None and words in errors[field]


def test_form_accepts_percent_and_empty_date() -> None:
    form = form_values(DeckSettings(exam_date=date(2026, 1, 1)))
    form.update(desired_retention="85%", exam_date="", skip_sections="a, b, a")
    options, errors = read_form(form)
    assert not errors and options.desired_retention == 0.85 and options.exam_date is None
    assert options.skip_sections == ("a", "b")


async def test_screen_saves_into_the_deck_file(make_app_on, workspace) -> None:
    app = make_app_on()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "o", DeckOptionsScreen, "options")
        assert "Saved into" in str(screen.query_one("#options-where").render())
        screen.query_one("#opt-desired_retention").value = "0.5"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, DeckOptionsScreen)  # refused
        assert "between 0.70 and 0.99" in str(screen.query_one("#options-errors").render())
        screen.query_one("#opt-desired_retention").value = "0.85"
        screen.query_one("#opt-new_per_day").value = "7"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, DeckOptionsScreen), what="saved")
        text = (workspace / "decks" / "aws-devday.md").read_text("utf-8")
        assert "new_per_day: 7\n" in text and "desired_retention: 0.85\n" in text
        assert "Cards of this deck's own" in text
        await wait_for(pilot, lambda: app.library.decks[0].settings.new_per_day == 7, what="reloaded")


async def test_read_only_deck_file_keeps_options_aside(make_app_on, workspace, monkeypatch) -> None:
    monkeypatch.setattr(deck_options_files, "writable", lambda path: False)
    app = make_app_on()
    before = (workspace / "decks" / "aws-devday.md").read_text("utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "o", DeckOptionsScreen, "options")
        where = str(screen.query_one("#options-where").render())
        assert "is read-only" in where and "deck-options/aws-devday.md" in where
        screen.query_one("#opt-exam_date").value = "2026-12-24"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.library.decks[0].settings.exam_date == date(2026, 12, 24), what="reload")
    assert (workspace / "decks" / "aws-devday.md").read_text("utf-8") == before
    assert "exam_date: 2026-12-24" in deck_options_files.saved_path("aws-devday").read_text("utf-8")


async def test_all_notes_deck_keeps_options_in_the_config_folder(make_app_on, workspace) -> None:
    app = make_app_on([workspace / "notes"])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(pilot, "o", DeckOptionsScreen, "options")
        assert "no deck file" in str(app.screen.query_one("#options-where").render())
        app.screen.query_one("#opt-new_per_day").value = "3"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.library.decks[0].settings.new_per_day == 3, what="reload")
        assert app.deck_rows()[0].new <= 3


async def test_the_buttons_cancel_and_save(make_app_on, workspace) -> None:
    deck_file = workspace / "decks" / "aws-devday.md"
    before = deck_file.read_text("utf-8")
    app = make_app_on()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "o", DeckOptionsScreen, "options")
        screen.query_one("#opt-new_per_day").value = "7"
        await pilot.click("#cancel")
        await wait_for(pilot, lambda: not isinstance(app.screen, DeckOptionsScreen), what="closed")
        assert deck_file.read_text("utf-8") == before
        screen = await open_screen(pilot, "o", DeckOptionsScreen, "options")
        screen.query_one("#opt-new_per_day").value = "7"
        await pilot.click("#save")
        await wait_for(pilot, lambda: not isinstance(app.screen, DeckOptionsScreen), what="saved")
        assert "new_per_day: 7\n" in deck_file.read_text("utf-8")
