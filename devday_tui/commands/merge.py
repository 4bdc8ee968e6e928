"""``devday-tui merge OTHER_DIR [--data-dir DIR]``: fold another copy of a data directory into yours.

For a copy that was not kept in sync (a backup, the data directory of another machine copied over): every
device's reviews, annotations and exam results are united, each entry once. ``OTHER_DIR`` is only read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "merge",
        help="fold another copy of a progress folder into yours",
        description="Unite the reviews, annotations and exam results of OTHER_DIR with your data directory. "
        "Nothing is removed on either side; OTHER_DIR is not changed.",
    )
    parser.add_argument("other", metavar="OTHER_DIR", type=Path, help="the other data directory")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="where progress is kept (default: $DEVDAY_TUI_DATA, else the user data directory)",
    )


def run(args: argparse.Namespace) -> int:
    from devday_tui.store import Store, StoreError

    try:
        with Store.open(args.data_dir, exclusive=True) as store:
            for notice in store.notices:
                print(f"devday-tui: {notice}", file=sys.stderr)
            report = store.merge_from(args.other)
    except StoreError as exc:
        print(f"devday-tui: {exc}", file=sys.stderr)
        return 1
    for notice in report.notices:
        print(f"devday-tui: {notice}", file=sys.stderr)
    print(report.summary())
    return 0
