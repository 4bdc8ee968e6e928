"""``devday-tui orphans [PATH ...] [--json]``: review history whose card is no longer in the notes.

History of a card that moved (same section, nearly the same front) re-attaches to the new card first; what is
listed here did not. Nothing is deleted: if the card comes back, its history is there.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime


def register(subparsers) -> None:
    from devday_tui.cli import add_common

    parser = subparsers.add_parser(
        "orphans",
        help="list review history whose card is gone from the notes",
        description="Re-attach moved cards, then list the history that belongs to no current card.",
    )
    add_common(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON array")
    parser.add_argument("--now", type=datetime.fromisoformat, default=None, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from devday_tui.commands.cards import emit, load, one_line
    from devday_tui.commands.stats import clock
    from devday_tui.store import Store, StoreError, StoreLocked

    now = clock(args)
    lib = load(args)
    if lib is None:
        return 2
    try:
        try:
            store = Store.open(args.data_dir, now=now, exclusive=True)
        except StoreLocked:
            # The app has the progress open: list what it would re-attach, and leave the saving to it (the app's
            # own "not saved in this window" notice is not for this command).
            store = Store.open(args.data_dir, now=now, read_only=True)
            print(
                "devday-tui: the app is open on this progress; moved cards are listed here and re-attached by the app.",
                file=sys.stderr,
            )
    except StoreError as exc:
        print(f"devday-tui: {exc}", file=sys.stderr)
        return 1
    with store:
        for notice in store.notices:
            print(f"devday-tui: {notice}", file=sys.stderr)
        try:
            result = store.reconcile(lib.cards, now)
        except StoreError as exc:
            print(f"devday-tui: {exc}", file=sys.stderr)
            return 1
    for moved in result.reattached:
        print(
            f"devday-tui: history of {moved.old_id} re-attached to {moved.new_id} "
            f"(front {moved.score * 100:.0f} % alike)",
            file=sys.stderr,
        )
    orphans = result.orphans
    if args.json:
        emit(json.dumps([o.to_json() for o in orphans], ensure_ascii=False, indent=2) + "\n")
        return 0
    lines = []
    for o in orphans:
        last = o.progress.last_review.astimezone().strftime("%Y-%m-%d") if o.progress.last_review else "never"
        where = f"{o.path}:{o.line}" if o.path else "(unknown place)"
        front = one_line(o.front) if o.front is not None else "(front unknown)"
        reviews = f"{o.progress.reps} review{'' if o.progress.reps == 1 else 's'}"
        lines.append(f"{o.card_id}  {o.progress.state:<10}  {reviews:>11}  last {last}  {where}  {front}\n")
    emit("".join(lines))
    print(f"{len(orphans)} orphan{'' if len(orphans) == 1 else 's'}", file=sys.stderr)
    return 0
