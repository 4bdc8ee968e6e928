"""Cram sessions: which cards each kind chooses, the cram queue, and answers that do not count."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from devday_tui.core.cram import CramError, CramQueue, CramRequest, choose, exam_offer, last_mock_missed, weakest
from devday_tui.core.model import Card, Deck, DeckSettings
from devday_tui.core.query import CardSource, Moment
from devday_tui.core.scheduling import CardProgress, ReviewRecord, retrievability
from devday_tui.quiz_session import QuizSession
from devday_tui.store import Store

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)
MOMENT = Moment(NOW, datetime(2026, 11, 29, 4, 0, tzinfo=timezone.utc))


def card(cid: str, tags_note: str = "n1") -> Card:
    return Card(
        cid, "definition", f"front {cid}", "back", ("Note", f"Sec {cid}"), tags_note, "Note", Path("n.md"), 1, "s"
    )


CARDS = [card(f"c{i}") for i in range(8)]
BASE = CardProgress(
    "x",
    state="review",
    stability=5.0,
    difficulty=5.0,
    due=NOW + timedelta(days=10),
    last_review=NOW - timedelta(days=5),
    reps=4,
    lapses=0,
)
PROGRESS = {
    "c0": replace(BASE, card_id="c0", due=NOW + timedelta(days=1), difficulty=9.0, stability=1.0),
    "c1": replace(BASE, card_id="c1", due=NOW + timedelta(days=4), lapses=5, stability=40.0),
    "c2": replace(BASE, card_id="c2", due=NOW + timedelta(hours=2), difficulty=2.0, stability=3.0),
    "c3": replace(BASE, card_id="c3", suspended=True, difficulty=10.0),
    "c4": replace(BASE, card_id="c4", buried_until=NOW + timedelta(hours=3)),
}
SOURCE = CardSource(PROGRESS, {"c5": "red"}, {}, {"n1": ("AWS",)}, CARDS)


def ids(cards) -> list[str]:
    return [c.id for c in cards]


def pick(request: CramRequest, **kw) -> list[str]:
    return ids(choose(request, CARDS, SOURCE, MOMENT, **kw))


def test_each_kind_chooses_its_cards() -> None:
    assert pick(CramRequest("ahead", number=1)) == ["c2", "c0"]  # due before tomorrow's end, soonest first
    assert pick(CramRequest("ahead", number=5)) == ["c2", "c0", "c1"]  # never the suspended or buried ones
    assert pick(CramRequest("hardest", number=2)) == ["c0", "c1"]
    assert pick(CramRequest("hardest", number=1, by="lapses")) == ["c1"]
    assert pick(CramRequest("new", number=2), new_today={"c6"}) == ["c5", "c7"]  # c6 is today's new card
    assert pick(CramRequest("query", text="flag:red")) == ["c5"]
    assert pick(CramRequest("tag", text="aws")) == ["c0", "c1", "c2", "c5", "c6", "c7"]
    assert pick(CramRequest("section", text="sec c6")) == ["c6"]
    forgot = [
        ReviewRecord("r1", "c1", 1, NOW - timedelta(hours=1), 3, "d"),
        ReviewRecord("r2", "c2", 3, NOW - timedelta(hours=1), 3, "d"),
        ReviewRecord("r3", "c0", 1, NOW - timedelta(days=2), 3, "d"),
    ]
    assert pick(CramRequest("forgotten"), reviews_today=forgot) == ["c1"]
    exams = [
        {"deck": "d", "when": "2026-11-20T10:00:00+00:00", "cards": [{"id": "c6", "correct": False}]},
        {
            "deck": "d",
            "when": "2026-11-27T10:00:00+00:00",
            "cards": [{"id": "c2", "correct": False}, {"id": "c1", "correct": True}, {"id": "c3", "correct": False}],
        },
        {"deck": "other", "when": "2026-11-28T10:00:00+00:00", "cards": [{"id": "c7", "correct": False}]},
    ]
    assert pick(CramRequest("mock"), exams=exams, deck_key="d") == ["c2"]  # c3 is suspended
    assert last_mock_missed(exams, "d") == ["c2", "c3"]


def test_weakest_at_the_exam_uses_fsrs_retrievability() -> None:
    exam = date(2026, 12, 1)
    got = pick(CramRequest("weakest", number=3), exam_date=exam)
    at = datetime(2026, 12, 1, 4, tzinfo=timezone.utc)
    expected = sorted((c for c in ("c0", "c1", "c2", "c4") if c != "c4"), key=lambda c: retrievability(PROGRESS[c], at))
    assert got == expected[:3] and got[0] == "c0"  # the least stable first; never the unstudied or suspended
    assert ids(weakest(CARDS, PROGRESS, at, 1)) == ["c0"]
    with pytest.raises(CramError, match="no exam_date"):
        pick(CramRequest("weakest", number=3))


@pytest.mark.parametrize(
    "request_, words",
    [
        (CramRequest("ahead", number=0), "between 1 and"),
        (CramRequest("hardest", number=3, by="speed"), "difficulty or lapses"),
        (CramRequest("query", text="is:nope"), "Unknown is:nope"),
        (CramRequest("tag", text=""), "Type the tag"),
        (CramRequest("mock"), "No mock exam"),
    ],
)
def test_bad_requests_say_why(request_, words) -> None:
    with pytest.raises(CramError, match=words):
        pick(request_)


def test_exam_offer_within_a_week() -> None:
    deck = Deck("d", "AWS SAA", None, settings=DeckSettings(exam_date=date(2026, 12, 1)), cards=CARDS)
    offer = exam_offer([deck], date(2026, 11, 28))
    assert offer is not None and offer.text == "Exam in 3 days (AWS SAA): cram the 40 weakest cards."
    assert exam_offer([deck], date(2026, 11, 20)) is None
    assert exam_offer([deck], date(2026, 12, 2)) is None


def test_cram_queue_again_comes_back_and_undo_restores() -> None:
    queue = CramQueue.build(CARDS[:5], PROGRESS)
    assert queue.next(NOW).id == "c0"
    assert queue.counts(NOW) == (0, 0, 3)  # c3 suspended, c4 buried
    again = ReviewRecord("r1", "c0", 1, NOW, 1, "")
    after = queue.answered(again, None)
    assert ids(after.upcoming(NOW)) == ["c1", "c2", "c0"]
    assert after.counts(NOW) == (0, 1, 2)
    good = ReviewRecord("r2", "c1", 3, NOW, 1, "")
    later = after.answered(good, None)
    assert ids(later.upcoming(NOW)) == ["c2", "c0"]
    assert later.undone(good, PROGRESS["c1"]).pending == after.pending


def test_uncounted_session_saves_nothing(tmp_path) -> None:
    with Store.open(tmp_path, device_id="dev", now=NOW) as store:
        session = QuizSession(store, CARDS[:3], DeckSettings(), NOW, cram=CramRequest("query", text="x"))
        first = session.next_card(NOW)
        answer = session.save_answer(first.id, 1, NOW, 2.0)
        session.apply_answer(answer)
        assert store.reviews() == []
        assert store.all_progress() == {}
        assert session.done() == 1
        undone = session.save_undo(NOW)
        session.apply_undo(undone)
        assert session.done() == 0 and store.all_progress() == {}
        counted = QuizSession(store, CARDS[:3], DeckSettings(), NOW, cram=CramRequest("query", counts=True))
        answer = counted.save_answer(counted.next_card(NOW).id, 3, NOW, 2.0)
        counted.apply_answer(answer)
        assert len(store.reviews()) == 1
