"""Deck files: settings, note selection by glob and tag, cards of their own, and bad settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from devday_tui.core.decks import all_notes_deck, glob_regex, matches, parse_deck
from devday_tui.core.model import DeckSettings, Note
from devday_tui.core.parser import parse_note
from tests.conftest import SAMPLE_DECKS, SAMPLE_NOTE

DECK = Path("/decks/d.md")


def note(rel: str, tags: str = "[]", body: str = "## A\n\n- Term: meaning\n") -> Note:
    return parse_note(f"---\ntags: {tags}\n---\n{body}", Path("/notes") / rel, rel)


def test_sample_deck() -> None:
    path = SAMPLE_DECKS / "aws-devday.md"
    sample = parse_note(SAMPLE_NOTE.read_text(encoding="utf-8"), SAMPLE_NOTE, SAMPLE_NOTE.name)
    deck = parse_deck(path.read_text(encoding="utf-8"), path, [sample, note("other.md")])
    assert deck.key == "aws-devday" and deck.title == "AWS DevDay 2019"
    assert deck.settings == DeckSettings(20, 200, 0.9, date(2026, 12, 12))
    assert deck.notes == [sample]
    assert deck.warnings == []
    own = [(c.front, c.back, c.line, c.kind) for c in deck.own_cards]
    assert own == [
        (
            "Fargate の起動タイプで、EC2 インスタンスの管理は誰がする？",
            "AWS が管理する（ユーザは EC2 インスタンスを選ばない）",
            13,
            "explicit",
        ),
        ("CDK", "AWS Cloud Development Kit", 15, "explicit"),
        ("AWS Cloud Development Kit", "CDK", 15, "explicit"),
        (
            "CDK のテスト 3 種類は？",
            "スナップショットテスト、Fine-grained テスト、バリデーションテスト",
            17,
            "explicit",
        ),
    ]
    assert deck.cards == sample.cards + deck.own_cards
    for card in deck.own_cards:
        assert card.context == ("AWS DevDay 2019",) and card.path == path
        assert card.note_key == "deck:aws-devday"
    # The prose of a deck file makes no cards: only explicit ones.
    assert len(deck.own_cards) == 4
    assert len({c.id for c in deck.own_cards}) == 4


def test_include_globs_and_tag_filter() -> None:
    notes = [note("a.md", "[aws]"), note("sub/b.md", "[AWS, exam]"), note("sub/deep/c.md", "[gcp]"), note("d.txt.md")]
    deck = parse_deck("---\ninclude: 'sub/**/*.md'\n---\n", DECK, notes)
    assert [n.rel for n in deck.notes] == ["sub/b.md", "sub/deep/c.md"]
    deck = parse_deck("---\ninclude: ['*.md']\ntags: [aws]\n---\n", DECK, notes)
    # A glob without "/" matches a file name at any depth; tags ignore case.
    assert [n.rel for n in deck.notes] == ["a.md", "sub/b.md"]
    deck = parse_deck("---\ntitle: all\n---\n", DECK, notes)
    assert len(deck.notes) == 4 and deck.include == ("**/*.md", "**/*.markdown")


@pytest.mark.parametrize(
    "pattern, rel, hit",
    [
        ("*.md", "a.md", True),
        ("*.md", "x/a.md", True),
        ("x/*.md", "x/a.md", True),
        ("x/*.md", "x/y/a.md", False),
        ("x/**/*.md", "x/a.md", True),
        ("x/**/*.md", "x/y/z/a.md", True),
        ("2019-10-03-aws-devday-*.md", "2019-10-03-aws-devday-day1.md", True),
        ("2019-10-03-aws-devday-*.md", "2019-10-04-aws-devday-day2.md", False),
        ("day[12].md", "day2.md", True),
        ("day[!12].md", "day2.md", False),
        ("./a.md", "a.md", True),
        ("[unclosed.md", "[unclosed.md", True),
    ],
)
def test_globs(pattern: str, rel: str, hit: bool) -> None:
    assert bool(matches(rel, [pattern])) is hit
    # The whole path must match: nothing may follow the pattern's last character.
    assert not glob_regex(pattern).match(rel + ".bak")
    # A pattern with "/" starts at the notes folder; one without matches the file name at any depth.
    anywhere = "/" not in pattern.removeprefix("./")
    assert bool(matches(f"other/{rel}", [pattern])) is (hit and anywhere)


@pytest.mark.parametrize(
    "setting, message_part",
    [
        ("exam_date: someday", "exam_date"),
        ("exam_date: 2026-13-45", "exam_date"),
        ("desired_retention: 1.5", "desired_retention"),
        ("desired_retention: 0", "desired_retention"),
        ("desired_retention: high", "desired_retention"),
        ("desired_retention: 0.5", "between 0.7 and 0.99"),
        ("desired_retention: 0.999", "between 0.7 and 0.99"),
        ("desired_retention: 90", "between 0.7 and 0.99"),
        ("desired_retention: .nan", "desired_retention"),
        ("new_per_day: 2.5", "new_per_day"),
        ("new_per_day: lots", "new_per_day"),
        ("reviews_per_day: -3", "reviews_per_day"),
        ("reviews_per_day: true", "reviews_per_day"),
        ("include: 42", "include"),
    ],
)
def test_bad_settings_warn_with_file_and_line_and_use_defaults(setting: str, message_part: str) -> None:
    text = f"---\ntitle: T\n{setting}\n---\n"
    deck = parse_deck(text, DECK, [])
    (warning,) = deck.warnings
    assert warning.path == DECK and warning.line == 3
    assert message_part in warning.message
    assert deck.settings == DeckSettings() or message_part == "include"


def test_good_settings_in_other_shapes() -> None:
    deck = parse_deck("---\nnew_per_day: '15'\nreviews_per_day: 100.0\nexam_date: '2026-12-12'\n---\n", DECK, [])
    assert deck.warnings == []
    assert deck.settings == DeckSettings(15, 100, 0.9, date(2026, 12, 12))
    for retention in ("0.7", "0.99", "'0.85'"):
        deck = parse_deck(f"---\ndesired_retention: {retention}\n---\n", DECK, [])
        assert deck.warnings == [] and deck.settings.desired_retention == float(retention.strip("'"))


def test_broken_deck_yaml_still_makes_a_deck() -> None:
    deck = parse_deck("---\ntitle: [broken\n---\nQ::A\n", DECK, [note("a.md")])
    assert deck.title == "d" and deck.settings == DeckSettings()
    assert deck.warnings[0].line == 2
    assert [c.front for c in deck.own_cards] == ["Q"]


def test_all_notes_deck() -> None:
    notes = [note("a.md"), note("b.md")]
    deck = all_notes_deck(notes)
    assert (deck.key, deck.title, deck.path) == ("all", "All notes", None)
    assert deck.notes == notes and deck.cards == notes[0].cards + notes[1].cards


def test_deck_text_holds_no_escape_sequences() -> None:
    deck = parse_deck('---\ntitle: "Exam \\e]0;pwned\\a deck"\ntags: ["a\\e[1mws"]\n---\nQ\x1b[2J::A\x9b1m\n', DECK, [])
    assert deck.title == "Exam  deck" and deck.tags == ("aws",)
    assert [(c.front, c.back, c.context) for c in deck.own_cards] == [("Q", "A", ("Exam  deck",))]
    untitled = parse_deck("---\nnew_per_day: 3\n---\n", Path("/decks/a\x1b]0;x\x07b.md"), [])
    assert untitled.title == "ab"
