"""Note text is data: the names the screens and widgets show it with.

Textual reads ``[...]`` in plain strings as markup (``a [/] b`` crashes a label, ``[@click=app.quit]`` becomes a
live action) and passes control characters straight to the terminal. Everything taken from a user's file goes
through :func:`clean` (or :func:`one_line`) and is shown as ``Content``/``rich.text.Text``, never as a markup
string. The rules themselves live in :mod:`devday_tui.core.text`, shared with the commands and the exports.
"""

from __future__ import annotations

from devday_tui.core.text import one_line, strip_controls

#: ``text`` without terminal escape sequences or control characters (newlines and tabs are kept).
clean = strip_controls

__all__ = ["clean", "one_line"]
