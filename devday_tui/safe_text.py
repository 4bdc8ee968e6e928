"""Note text is data. These helpers make it safe to show in the terminal.

Textual reads ``[...]`` in plain strings as markup (``a [/] b`` crashes a label, ``[@click=app.quit]`` becomes a
live action) and passes control characters straight to the terminal. Everything taken from a user's file goes
through :func:`clean` and is shown as ``Content``/``rich.text.Text``, never as a markup string.
"""

from __future__ import annotations

import re

# ESC/CSI/OSC sequences first (so their parameters go too), then any other C0/C1 control character except
# newline and tab.
_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` without terminal escape sequences or control characters (newlines and tabs are kept)."""
    if not text:
        return ""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def one_line(text: str, limit: int | None = None) -> str:
    """Clean ``text`` and fold it onto one line, cut to ``limit`` characters with an ellipsis."""
    line = " ".join(clean(text).split())
    if limit is not None and len(line) > limit:
        line = line[: max(0, limit - 1)] + "…"
    return line
