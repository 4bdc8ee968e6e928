"""The ``devday-tui`` command.

``devday-tui [PATH ...]`` opens the app; ``devday-tui SUBCOMMAND ...`` runs a headless command. Subcommands live
in ``devday_tui.commands``, one module each.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Sequence

from devday_tui import __version__
from devday_tui.commands import COMMANDS

USAGE = "devday-tui [PATH ...] [--data-dir DIR]\n       devday-tui COMMAND [ARGS ...]"

APP_HELP = """\
Start the app:
  devday-tui                      the bundled notes/ and decks/, or your notes folder
  devday-tui ~/notes ~/decks      these notes and deck folders (or .md files)
  devday-tui --data-dir DIR       keep progress in DIR (default: $DEVDAY_TUI_DATA, else the user data directory)

Each command has its own help: devday-tui COMMAND --help."""


def add_common(parser: argparse.ArgumentParser, *, data: bool = True) -> None:
    """PATH arguments and ``--data-dir``, shared by the app and most subcommands."""
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="*",
        type=Path,
        help="notes and deck folders or files (default: the bundled notes/ and decks/, or your notes folder)",
    )
    if data:
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=None,
            help="where progress is kept (default: $DEVDAY_TUI_DATA, else the user data directory)",
        )


def build_parser(only: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, object]]:
    """The parser with every subcommand, or with just ``only`` (so running one imports no other)."""
    parser = argparse.ArgumentParser(
        prog="devday-tui",
        usage=USAGE,
        description="Flashcards from your own Markdown notes, with spaced repetition.",
        epilog=APP_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"devday-tui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    modules: dict[str, object] = {}
    for name in COMMANDS:
        if only is not None and name != only:
            continue
        try:
            module = importlib.import_module(f"devday_tui.commands.{name}")
        except ModuleNotFoundError as exc:  # a command whose module is not part of this build
            if exc.name != f"devday_tui.commands.{name}":
                raise
            continue
        module.register(sub)  # type: ignore[attr-defined]
        modules[name] = module
    return parser, modules


def make_app(
    paths: Sequence[Path] = (),
    *,
    data_dir: Path | None = None,
    cache_dir: Path | None = None,
    clock=None,
    watch: bool = True,
):
    """Build the Textual app. The CLI and the tests both call this."""
    from devday_tui.app import DevDayApp

    return DevDayApp(paths=list(paths), data_dir=data_dir, cache_dir=cache_dir, clock=clock, watch=watch)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        parser, modules = build_parser(only=argv[0])
        args = parser.parse_args(argv)
        from devday_tui.store.errors import StoreError

        try:
            return int(modules[args.command].run(args) or 0)  # type: ignore[attr-defined]
        except StoreError as exc:  # progress that cannot be read or written: a message, never a traceback
            print(f"devday-tui {args.command}: {exc}", file=sys.stderr)
            return 1
    if argv and argv[0] in ("-h", "--help", "--version"):
        parser, _modules = build_parser()
        parser.parse_args(argv[:1])
        return 0
    # No subcommand: open the app on the given paths. Nothing heavy is imported before the first frame.
    app_parser = argparse.ArgumentParser(
        prog="devday-tui",
        usage=USAGE,
        description="Open the app. Commands: " + ", ".join(COMMANDS) + " (devday-tui --help).",
    )
    add_common(app_parser)
    args = app_parser.parse_args(argv)
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        print(f"devday-tui: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    app = make_app(args.paths, data_dir=args.data_dir)
    app.run()
    return int(app.return_code or 0)


if __name__ == "__main__":
    raise SystemExit(main())
