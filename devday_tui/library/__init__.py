"""The notes on disk: finding them, reading them, caching their parse, and the decks over them.

This is the file-system side of the parser (``devday_tui.core`` does no I/O).

- :mod:`~devday_tui.library.paths`: where the notes and the cache are; checking the paths given.
- :mod:`~devday_tui.library.discovery`: the note files (``*.md``, ``*.markdown``) under the paths given.
- :mod:`~devday_tui.library.reading`: one file's bytes and text (newlines normalised once, here).
- :mod:`~devday_tui.library.cache`: the parse cache.
- :mod:`~devday_tui.library.parsing`: parsing one note with bounded time and memory.
- :mod:`~devday_tui.library.workers`: parsing many notes in worker processes, with a time budget per file.
- :mod:`~devday_tui.library.model`: ``Library``, the loaded notes and decks.
- :mod:`~devday_tui.library.loading`: ``load_library`` and ``reload_note``.
"""

from devday_tui.library.discovery import markdown_files
from devday_tui.library.loading import collect_young, load_library, reload_note, startup_heap
from devday_tui.library.model import Library
from devday_tui.library.parsing import MAX_CARDS
from devday_tui.library.paths import check_paths, config_path, default_cache_dir, default_paths
from devday_tui.library.workers import DEFAULT_BUDGET

__all__ = [
    "DEFAULT_BUDGET",
    "Library",
    "MAX_CARDS",
    "check_paths",
    "collect_young",
    "config_path",
    "default_cache_dir",
    "default_paths",
    "load_library",
    "markdown_files",
    "reload_note",
    "startup_heap",
]
