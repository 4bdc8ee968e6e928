"""One card per cloze blank and reversed definitions: their text, stable distinct ids, progress carried as c1."""

from __future__ import annotations

from pathlib import Path

from devday_tui.core.decks import parse_deck
from devday_tui.core.model import CLOZE_BLANK, Card, DeckSettings, Note
from devday_tui.core.variants import blank_id, expand, reverse_id, split_cloze
from devday_tui.store import Store
from tests.conftest import FIXED_NOW

B = CLOZE_BLANK


def cloze(cid="k1", front=f"{B} runs on {B} without {B}.", answers=("Fargate", "ECS", "servers")) -> Card:
    return Card(
        cid,
        "cloze",
        front,
        "Fargate runs on ECS without servers.",
        ("N", "S"),
        "n",
        "N",
        Path("n.md"),
        4,
        "s",
        tuple(answers),
    )


DEF = Card("d1", "definition", "Lambda", "Serverless functions", ("N", "S"), "n", "N", Path("n.md"), 2, "s")


def test_one_card_per_blank_with_the_others_filled_in() -> None:
    cards = split_cloze(cloze())
    assert [c.front for c in cards] == [
        f"{B} runs on ECS without servers.",
        f"Fargate runs on {B} without servers.",
        f"Fargate runs on ECS without {B}.",
    ]
    assert [c.answers for c in cards] == [("Fargate",), ("ECS",), ("servers",)]
    assert all(c.back == "Fargate runs on ECS without servers." for c in cards)
    assert cards[0].id == "k1"  # c1 keeps the id, so its progress
    assert len({c.id for c in cards}) == 3 and cards[1].id == blank_id("k1", 2) == split_cloze(cloze())[1].id


def test_single_blank_and_mismatched_clozes_stay_as_they_are() -> None:
    one = cloze(front=f"{B} runs containers.", answers=("Fargate",))
    odd = cloze(front=f"{B} and {B}", answers=("a",))
    assert split_cloze(one) == [one] and split_cloze(odd) == [odd]


def test_the_blanks_of_one_word_are_hidden_together_and_it_is_typed_once() -> None:
    from devday_tui.core.answer import check_card, expected_answers

    card = cloze(
        front=f"A {B} groups {B} so that the {B} commits.", answers=("transaction", "statements", "Transaction")
    )
    cards = split_cloze(card)
    assert [(c.front, c.answers) for c in cards] == [
        (f"A {B} groups statements so that the {B} commits.", ("transaction", "Transaction")),
        (f"A transaction groups {B} so that the Transaction commits.", ("statements",)),
    ]
    assert [c.id for c in cards] == ["k1", blank_id("k1", 2)]
    assert expected_answers(cards[0]) == ("transaction",)
    assert check_card(cards[0], "transaction").verdict.name == "EXACT"
    one_word = cloze(front=f"{B} and {B}", answers=("a", "A"))
    assert split_cloze(one_word) == [one_word]


def test_reverse_cards() -> None:
    cards = expand([DEF, cloze(answers=("a", "b", "c"))], reversed_too=True)
    assert [c.id for c in cards][:2] == ["d1", reverse_id("d1")]
    back = cards[1]
    assert (back.front, back.back, back.kind) == ("Serverless functions", "Lambda", "definition")
    assert len(cards) == 5 and len({c.id for c in cards}) == 5
    assert expand([DEF]) == [DEF]


def test_deck_option_reverse_and_every_blank(tmp_path) -> None:
    note = Note(Path("n.md"), "n", "N", cards=[DEF, cloze()], rel="n.md")
    plain = parse_deck("---\ntitle: D\n---\n", tmp_path / "d.md", [note])
    both = parse_deck("---\ntitle: D\nreverse: true\n---\n", tmp_path / "d.md", [note])
    assert len(plain.cards) == 4 and len(both.cards) == 5
    bad = parse_deck("---\ntitle: D\nreverse: yes please\n---\n", tmp_path / "d.md", [note])
    assert any("reverse must be true or false" in w.message for w in bad.warnings)


def test_the_library_lists_and_finds_a_cloze_one_blank_at_a_time(tmp_path) -> None:
    # Studying a section, browsing and the `cards` command read the library's cards: blank 1 hides one blank, as a
    # deck studies it, not every blank beside the card of blank 2 (which read as the same card twice).
    from devday_tui.library import load_library

    (tmp_path / "n.md").write_text(
        "# N\n\n## S\n\n母集団の分散を**母分散**、標本の分散を**標本分散**と呼びます。\n", encoding="utf-8"
    )
    lib = load_library([tmp_path])
    fronts = [c.front for c in lib.cards if c.kind == "cloze"]
    assert fronts == [
        f"母集団の分散を{B}、標本の分散を標本分散と呼びます。",
        f"母集団の分散を母分散、標本の分散を{B}と呼びます。",
    ]
    first = next(c for c in lib.cards if c.kind == "cloze")
    assert lib.card(first.id) == first and first.answers == ("母分散",)


def test_progress_of_the_old_single_cloze_stays_and_nothing_is_orphaned(tmp_path) -> None:
    with Store.open(tmp_path, device_id="dev", now=FIXED_NOW) as store:
        store.answer("k1", 3, FIXED_NOW, duration=1, settings=DeckSettings())
        cards = expand([cloze(), DEF], reversed_too=True)
        store.answer(blank_id("k1", 2), 1, FIXED_NOW, duration=1, settings=DeckSettings())
        store.answer(reverse_id("d1"), 3, FIXED_NOW, duration=1, settings=DeckSettings())
        result = store.reconcile(cards, FIXED_NOW)
        assert result.orphans == () and result.reattached == ()
        assert store.progress("k1").reps == 1 and store.progress(blank_id("k1", 2)).reps == 1


async def test_reverse_from_the_options_screen(make_app_on) -> None:
    from devday_tui.screens.deck_options import DeckOptionsScreen
    from tests.examweek.conftest import loaded, open_browser, wait_for

    app = make_app_on()
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        deck = app.library.decks[0]
        before = len(deck.cards)
        definitions = sum(1 for c in deck.cards if c.kind == "definition" and isinstance(c.back, str) and c.back)
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, DeckOptionsScreen), what="options")
        await pilot.click("#opt-reverse")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(app.library.decks[0].cards) == before + definitions, what="reverse cards")
        screen = await open_browser(pilot)
        assert len(screen.query_one("CardGrid").rows) == before + definitions
