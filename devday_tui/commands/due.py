"""``devday-tui due [PATH ...] [--deck KEY]``: only the number of cards due now, for shell prompts and tmux.

Due means studied cards (learning, relearning or review) whose due time has come, not suspended and not buried.
New cards are not counted. Prints one integer; on an error prints nothing on stdout and exits 1 or 2.
"""

from __future__ import annotations

import argparse

from devday_tui.commands.stats import add_progress_options, print_from_progress
from devday_tui.core.history import due_now


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "due",
        help="print the number of cards due now",
        description="Print only the number of studied cards due now (for shell prompts and status lines).",
    )
    add_progress_options(parser)


def run(args: argparse.Namespace) -> int:
    return print_from_progress(
        args, lambda cards, store, now: f"{due_now([c.id for c in cards], store.all_progress(), now)}\n"
    )
