"""``devday-tui wip [PATH ...] [--json]``: the sections still being written, and why."""

from __future__ import annotations

import argparse
import json
import sys

from devday_tui.commands.cards import emit, load, one_line, shown_path
from devday_tui.core.model import WIP_REASONS


def register(subparsers) -> None:
    from devday_tui.cli import add_common

    parser = subparsers.add_parser(
        "wip",
        help="list the sections that are work in progress",
        description="List sections that are work in progress (empty, thin, TODO markers, note tagged WIP).",
    )
    add_common(parser, data=False)
    parser.add_argument("--json", action="store_true", help="print one JSON array of section objects")


def run(args: argparse.Namespace) -> int:
    lib = load(args)
    if lib is None:
        return 2
    rows = [(note, s) for note in lib.notes for s in note.walk() if s.is_wip]
    if args.json:
        out = [
            {
                "path": str(note.path),
                "line": s.start_line,
                "heading": s.heading,
                "reasons": list(s.wip_reasons),
                "breadcrumb": list(s.breadcrumb),
                "section_id": s.id,
                "note": note.title,
            }
            for note, s in rows
        ]
        emit(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    lines = []
    for note, s in rows:
        reasons = ", ".join(WIP_REASONS.get(r, r) for r in s.wip_reasons)
        indent = "  " * max(0, s.level - 1)
        lines.append(f"{shown_path(note.path)}:{s.start_line}  {indent}{one_line(s.heading)}  ({reasons})\n")
    emit("".join(lines))
    print(f"{len(rows)} sections in progress", file=sys.stderr)
    return 0
