"""``devday-tui export --apkg OUT.apkg | --csv OUT.csv [PATH ...]``: the cards, for Anki or a spreadsheet.

``--apkg`` writes an Anki package: one Anki deck per deck, each note's GUID being the card's stable id, so
importing a later export updates the notes already in Anki. ``--csv`` writes one row per card with its study
state, read from the progress in ``--data-dir`` (opened read-only; nothing there is changed). Both can be given
at once. ``--deck KEY`` limits the export to some decks.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any


def register(subparsers) -> None:
    from devday_tui.cli import add_common

    parser = subparsers.add_parser(
        "export",
        help="write the cards as an Anki package (.apkg) or a CSV file",
        description=(
            "Write the cards as an Anki package (one Anki deck per deck; re-importing a later export updates the "
            "notes instead of duplicating them) or as CSV with each card's due date and state."
        ),
    )
    add_common(parser)
    parser.add_argument("--apkg", type=Path, metavar="OUT.apkg", help="write an Anki package here")
    parser.add_argument("--csv", type=Path, metavar="OUT.csv", help="write a CSV file here")
    parser.add_argument(
        "--deck",
        action="append",
        default=[],
        metavar="KEY",
        help="export only this deck (repeat for several; default: every deck)",
    )


def _progress(data_dir: Path | None) -> tuple[dict[str, Any], str | None]:
    """Every card's progress, read without taking the writer lock; a warning instead when it cannot be read."""
    from devday_tui.store import Store, StoreError

    try:
        store = Store.open(data_dir, read_only=True)
    except (StoreError, OSError) as exc:
        return {}, f"progress could not be read ({exc}); due and state are left as new"
    try:
        return store.all_progress(), None
    finally:
        store.close()


def run(args: argparse.Namespace) -> int:
    from devday_tui.commands.cards import load, one_line
    from devday_tui.export import ExportError, write_apkg, write_csv

    if args.apkg is None and args.csv is None:
        print("devday-tui export: say where to write: --apkg OUT.apkg and/or --csv OUT.csv", file=sys.stderr)
        return 2
    lib = load(args)
    if lib is None:
        return 2
    decks = list(lib.decks)
    if args.deck:
        by_key = {d.key: d for d in decks}
        unknown = [k for k in args.deck if k not in by_key]
        if unknown:
            known = ", ".join(sorted(by_key)) or "(none)"
            print(f"devday-tui export: no deck {unknown[0]!r}; decks: {known}", file=sys.stderr)
            return 2
        decks = [by_key[k] for k in dict.fromkeys(args.deck)]
    if not decks:
        print("devday-tui export: no notes or decks found to export", file=sys.stderr)
        return 1
    status = 0
    if args.apkg is not None:
        try:
            summary = write_apkg(decks, args.apkg, now=datetime.now(timezone.utc))
        except ExportError as exc:
            print(f"devday-tui export: {exc}", file=sys.stderr)
            status = 1
        else:
            detail = ", ".join(f"{one_line(title)}: {n}" for title, n in summary.decks)
            print(f"Wrote {summary.notes} notes in {len(summary.decks)} Anki deck(s) to {args.apkg} ({detail})")
            for title in summary.empty_decks:
                print(f"devday-tui export: deck {one_line(title)!r} has no cards; left out", file=sys.stderr)
            if summary.duplicates:
                print(
                    f"devday-tui export: {summary.duplicates} card(s) in more than one deck were written once, "
                    "in the first deck",
                    file=sys.stderr,
                )
    if args.csv is not None:
        progress, warning = _progress(args.data_dir)
        if warning:
            print(f"devday-tui export: warning: {warning}", file=sys.stderr)
        try:
            count = write_csv(decks, args.csv, progress)
        except ExportError as exc:
            print(f"devday-tui export: {exc}", file=sys.stderr)
            status = 1
        else:
            print(f"Wrote {count} cards to {args.csv}")
    return status
