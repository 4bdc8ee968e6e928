"""A review history made by studying through the store's own API, day after day, with seeded randomness."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Sequence

from devday_tui.core.model import Card, DeckSettings
from devday_tui.core.queue import build_queue, day_start

#: How often each grade is chosen: Again, Hard, Good, Easy.
GRADE_WEIGHTS = (0.12, 0.13, 0.65, 0.10)


def study_days(
    store,
    cards: Sequence[Card],
    settings: DeckSettings,
    first_day: datetime,
    days: int,
    *,
    seed: int = 7,
    skip_chance: float = 0.2,
    max_answers: int = 60,
) -> int:
    """Study ``cards`` on ``days`` days from ``first_day`` (some days skipped), as a person would: the queue's next
    card, graded at random with ``GRADE_WEIGHTS``, learning cards waited for within the session. Returns the
    number of answers."""
    rng = random.Random(seed)
    answers = 0
    for day in range(days):
        if rng.random() < skip_chance:
            continue
        now = first_day + timedelta(days=day, minutes=rng.randrange(0, 600))
        queue = build_queue(cards, store.all_progress(), store.reviews(since=day_start(now)), now, settings)
        done = 0
        while done < max_answers:
            card = queue.next(now)
            if card is None:
                wait = queue.next_wait(now)
                if wait is None or wait - now > timedelta(minutes=15):
                    break
                now = wait
                continue
            rating = rng.choices((1, 2, 3, 4), GRADE_WEIGHTS)[0]
            duration = round(rng.uniform(2.0, 20.0), 1)
            answer = store.answer(card.id, rating, now, duration=duration, settings=settings)
            queue = queue.answered(answer.review, answer.after)
            now += timedelta(seconds=duration + rng.uniform(1, 5))
            done += 1
        answers += done
    return answers


#: Scores of a run of mock exams, oldest first, as (days before the last one, correct, questions).
EXAM_RUN = (
    (20, 12, 30),
    (17, 15, 30),
    (14, 14, 30),
    (12, 19, 30),
    (9, 9, 10),
    (7, 22, 30),
    (5, 21, 30),
    (3, 25, 30),
    (1, 24, 30),
    (0, 27, 30),
)


def record_exams(store, deck_key: str, last: datetime, run=EXAM_RUN) -> list[str]:
    """Keep a mock exam result for each (days before ``last``, correct, questions) of ``run``."""
    ids = []
    for days_before, correct, questions in run:
        finished = last - timedelta(days=days_before)
        data = {
            "when": finished.isoformat(),
            "started": (finished - timedelta(minutes=questions)).isoformat(),
            "deck": deck_key,
            "questions": questions,
            "answered": questions,
            "correct": correct,
            "score": round(correct / questions, 4),
            "duration": questions * 55.0,
            "time_limit": questions * 60,
            "timed_out": False,
            "counted": False,
            "cards": [],
        }
        ids.append(store.record_exam(data, finished))
    return ids
