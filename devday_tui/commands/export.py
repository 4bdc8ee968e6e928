"""``devday-tui export --apkg OUT.apkg | --csv OUT.csv | --json OUT.json [PATH ...]``: the cards, for Anki, a
spreadsheet or a script.

``--apkg`` writes an Anki package: one Anki deck per deck, each note's GUID being the card's stable id, so
importing a later export updates the notes already in Anki; personal notes go in a "My note" field and suspended
cards stay suspended. ``--csv`` writes one row per card with its study state and personal note; ``--json``
everything about each card, its review history included (``-`` writes it to standard output). The progress is
read from ``--data-dir``, opened read-only: nothing there is changed. They can be given together. ``--deck KEY``
limits the export to some decks.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
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
        "--json",
        type=str,
        metavar="OUT.json",
        help="write everything about each card as JSON here (- for standard output)",
    )
    parser.add_argument(
        "--deck",
        action="append",
        default=[],
        metavar="KEY",
        help="export only this deck (repeat for several; default: every deck)",
    )


@dataclass(slots=True)
class Progress:
    """What the export reads from the progress store."""

    progress: dict[str, Any] = field(default_factory=dict)
    annotations: dict[str, str] = field(default_factory=dict)
    flags: dict[str, str] = field(default_factory=dict)
    reviews: list[Any] = field(default_factory=list)


def _read_progress(data_dir: Path | None, *, reviews: bool) -> tuple[Progress, str | None]:
    """Every card's progress, personal note and flag (and the review history when asked), read without taking
    the writer lock; a warning instead when it cannot be read."""
    from devday_tui.store import Store, StoreError

    try:
        store = Store.open(data_dir, read_only=True)
    except (StoreError, OSError) as exc:
        return Progress(), f"progress could not be read ({exc}); every card is exported as new"
    try:
        return Progress(
            store.all_progress(), store.annotations(), store.flags(), store.reviews() if reviews else []
        ), None
    finally:
        store.close()


def run(args: argparse.Namespace) -> int:
    from devday_tui.commands.cards import load, one_line
    from devday_tui.export import ExportError, cards_json, write_apkg, write_csv, write_json
    from devday_tui.export.card_json import dumps

    if args.apkg is None and args.csv is None and args.json is None:
        print(
            "devday-tui export: say where to write: --apkg OUT.apkg, --csv OUT.csv and/or --json OUT.json",
            file=sys.stderr,
        )
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
    now = datetime.now(timezone.utc)
    read, warning = _read_progress(args.data_dir, reviews=args.json is not None)
    if warning:
        print(f"devday-tui export: warning: {warning}", file=sys.stderr)
    if args.apkg is not None:
        suspended = [cid for cid, p in read.progress.items() if getattr(p, "suspended", False)]
        try:
            summary = write_apkg(decks, args.apkg, now=now, annotations=read.annotations, suspended=suspended)
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
        try:
            count = write_csv(decks, args.csv, read.progress, read.annotations, read.flags, now)
        except ExportError as exc:
            print(f"devday-tui export: {exc}", file=sys.stderr)
            status = 1
        else:
            print(f"Wrote {count} cards to {args.csv}")
    if args.json is not None:
        options = {"annotations": read.annotations, "flags": read.flags, "reviews": read.reviews}
        try:
            if args.json == "-":
                sys.stdout.buffer.write(dumps(cards_json(decks, read.progress, now, **options)))
                sys.stdout.flush()
            else:
                count = write_json(decks, Path(args.json), read.progress, now, **options)
                print(f"Wrote {count} cards to {args.json}")
        except ExportError as exc:
            print(f"devday-tui export: {exc}", file=sys.stderr)
            status = 1
    return status
