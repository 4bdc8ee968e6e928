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
