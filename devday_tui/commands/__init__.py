"""Headless subcommands of ``devday-tui``. Each module has ``register(subparsers)`` and ``run(args) -> int``."""

#: Subcommand modules, in the order ``--help`` lists them.
COMMANDS: tuple[str, ...] = ("cards", "wip", "stats", "due", "orphans", "merge", "export")
