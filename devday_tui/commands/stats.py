"""``devday-tui stats [PATH ...] [--deck KEY] [--json]``: where the cards stand, from the saved progress.

Counts by state (new, learning, review, suspended, leech), cards due now and due today, reviews done today,
retention over the last 30 days and the streak of study days. Opens the progress read-only, so it is safe to run
while the app is open.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable

from devday_tui.core.history import summarize

if TYPE_CHECKING:
    from devday_tui.core.model import Card
    from devday_tui.store import Store


def add_progress_options(parser: argparse.ArgumentParser) -> None:
    from devday_tui.cli import add_common

    add_common(parser)
    parser.add_argument("--deck", metavar="KEY", help="only the cards of this deck (its file name without .md)")
    parser.add_argument("--now", type=datetime.fromisoformat, default=None, help=argparse.SUPPRESS)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="print study statistics from your saved progress",
        description="Counts by state, cards due now and today, reviews today, retention over 30 days, streak.",
    )
    add_progress_options(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def clock(args: argparse.Namespace) -> datetime:
    now = args.now or datetime.now(timezone.utc)
    if now.tzinfo is None:
        now = now.astimezone()
    return now.astimezone(timezone.utc)


def load_cards_and_store(args: argparse.Namespace, now: datetime):
    """The cards asked for and the store opened read-only (with moved cards matched), or an exit status after
    printing why that is not possible (2: bad arguments, 1: the progress cannot be read)."""
    from devday_tui.commands.cards import load
    from devday_tui.store import Store, StoreError

    lib = load(args)
    if lib is None:
        return 2
    cards = lib.cards
    if args.deck:
        deck = lib.deck(args.deck)
        if deck is None:
            keys = ", ".join(d.key for d in lib.decks) or "none"
            print(f"devday-tui: no deck {args.deck!r} (decks: {keys})", file=sys.stderr)
            return 2
        cards = deck.cards
    try:
        store = Store.open(args.data_dir, read_only=True, now=now)
    except StoreError as exc:
        print(f"devday-tui: {exc}", file=sys.stderr)
        return 1
    for notice in store.notices:
        print(f"devday-tui: {notice}", file=sys.stderr)
    store.reconcile(lib.cards, now)  # every card: history of the other decks' cards has not vanished
    return cards, store


def compute(cards, store, now: datetime) -> dict:
    """The figures, as JSON data: ``core.history.summarize`` over the cards, plus where the data is."""
    figures = summarize(
        [c.id for c in cards],
        store.all_progress(),
        store.reviews(),
        now,
        rollover_hour=store.rollover_hour,
        tz=store.tz,
    ).to_json()
    figures["data_dir"] = str(store.data_dir)
    return figures


def render(figures: dict) -> str:
    rate = figures["retention"]
    retention = (
        f"{rate * 100:.1f} % ({figures['retention_passed']}/{figures['retention_total']} review answers)"
        if rate is not None
        else "no review answers yet"
    )
    days = figures["streak"]
    rows = [
        (
            "Cards",
            f"{figures['cards']}  (new {figures['new']} · learning {figures['learning']} · review "
            f"{figures['review']} · suspended {figures['suspended']} · leech {figures['leech']})",
        ),
        ("Due now", str(figures["due_now"])),
        ("Due today", str(figures["due_today"])),
        ("Reviews today", str(figures["reviews_today"])),
        (f"Retention, {figures['retention_days']} days", retention),
        ("Streak", f"{days} day{'' if days == 1 else 's'}"),
    ]
    width = max(len(k) for k, _ in rows)
    return "".join(f"{k:<{width}}  {v}\n" for k, v in rows)


def print_from_progress(args: argparse.Namespace, text: Callable[[list[Card], Store, datetime], str]) -> int:
    """Print ``text(cards, store, now)`` for the cards asked for, with their progress opened read-only; the exit
    status (1 or 2 after printing why the cards or the progress cannot be read)."""
    from devday_tui.commands.cards import emit

    now = clock(args)
    loaded = load_cards_and_store(args, now)
    if isinstance(loaded, int):
        return loaded
    cards, store = loaded
    with store:
        out = text(cards, store, now)
    emit(out)
    return 0


def run(args: argparse.Namespace) -> int:
    def text(cards, store, now: datetime) -> str:
        figures = compute(cards, store, now)
        return json.dumps(figures, ensure_ascii=False, indent=2) + "\n" if args.json else render(figures)

    return print_from_progress(args, text)
