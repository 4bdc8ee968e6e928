"""``devday-tui cards [PATH ...] [--json]``: the cards made from the notes, as a table or as JSON."""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import sys
from pathlib import Path

from devday_tui.core.model import is_note_name
from devday_tui.core.text import display_width, one_line, strip_controls, truncate


def register(subparsers) -> None:
    from devday_tui.cli import add_common

    parser = subparsers.add_parser(
        "cards",
        help="print the cards made from the notes",
        description="Print every card made from the notes: kind, front and file:line, or JSON with --json.",
    )
    add_common(parser, data=False)
    parser.add_argument("--json", action="store_true", help="print one JSON array of card objects")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="for every line that made or could have made a card: the rule that made it, or the rule that dropped it",
    )


def shown_path(path: Path) -> str:
    """A path relative to the working folder when it is inside it, else as given."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def print_warnings(warnings) -> None:
    for w in warnings:
        print(f"devday-tui: warning: {strip_controls(str(w))}", file=sys.stderr)


def load(args: argparse.Namespace):
    """Load the library for a headless command; None (after printing why) for a path that does not exist."""
    from devday_tui.library import check_paths, load_library

    problem = check_paths(args.paths)
    if problem:
        print(f"devday-tui: {problem}", file=sys.stderr)
        return None
    lib = load_library(args.paths)
    # The notes stay loaded until the command ends: keep the collector from walking them again and again (with
    # thousands of notes, those walks cost more than the command's own work).
    gc.freeze()
    print_warnings(lib.warnings)
    return lib


def emit(text: str) -> None:
    """Write to stdout; a reader that stops early (``| head``) is not an error."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def note_files(paths: list[Path]) -> list[Path]:
    """The Markdown files named, and those under the folders named (recursively, hidden ones left out)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                f
                for f in sorted(p.rglob("*"))
                if is_note_name(f.name) and f.is_file() and not any(x.startswith(".") for x in f.parts[-8:])
            )
        else:
            out.append(p)
    return out


def explain(args: argparse.Namespace) -> int:
    """Print, note by note, every card made and every candidate dropped, with the rule's name."""
    from devday_tui.core.cards import RULES
    from devday_tui.core.parser import parse_note
    from devday_tui.library import check_paths

    paths = list(args.paths)
    if not paths:
        from devday_tui.library import default_paths

        paths = [p for p in default_paths() if p.name != "decks"]
    problem = check_paths(paths)
    if problem:
        print(f"devday-tui: {problem}", file=sys.stderr)
        return 2
    width = max(len(name) for name in RULES)
    lines: list[str] = []
    made = dropped = 0
    for path in note_files(paths):
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"devday-tui: warning: {shown_path(path)}: cannot be read ({exc}); skipped", file=sys.stderr)
            continue
        trace: list = []
        note = parse_note(text, path, path.name, trace=trace)
        print_warnings(note.warnings)
        where = shown_path(path)
        lines.append(f"{where}: {len(note.cards)} cards\n")
        for t in trace:
            mark = "made   " if t.made else "dropped"
            made += t.made
            dropped += not t.made
            lines.append(f"  {t.line:>5}  {t.rule:<{width}}  {mark}  {one_line(t.what)}\n")
    emit("".join(lines))
    print(f"{made} made, {dropped} dropped or merged", file=sys.stderr)
    return 0


def emit_json(cards) -> None:
    """One JSON array, a card per line: each object goes through the C encoder (``indent`` would force the
    pure-Python one, several times slower on thousands of cards)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    if not cards:
        emit("[]\n")
        return
    emit("[\n" + ",\n".join(encode(c.to_json()) for c in cards) + "\n]\n")


def run(args: argparse.Namespace) -> int:
    if getattr(args, "explain", False):
        return explain(args)
    lib = load(args)
    if lib is None:
        return 2
    cards = lib.cards
    if args.json:
        emit_json(cards)
        return 0
    width = shutil.get_terminal_size((120, 24)).columns
    wheres = [f"{shown_path(c.path)}:{c.line}" for c in cards]
    kind_w = max([len("KIND")] + [len(c.kind) for c in cards])
    where_w = max([len("FILE:LINE")] + [len(w) for w in wheres])
    front_w = max(20, width - kind_w - where_w - 4)
    rows = [("KIND", "FRONT", "FILE:LINE")] + [(c.kind, one_line(c.front), w) for c, w in zip(cards, wheres)]
    lines = []
    for kind, front, where in rows:
        front = truncate(front, front_w)
        pad = " " * (front_w - display_width(front))
        lines.append(f"{kind:<{kind_w}}  {front}{pad}  {where}\n")
    emit("".join(lines))
    print(f"{len(cards)} cards", file=sys.stderr)
    return 0
