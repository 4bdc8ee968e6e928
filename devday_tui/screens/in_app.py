"""``InApp``: the screens that live in the devday-tui app see it typed, store included."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

    from devday_tui.app import DevDayApp

    _Node = MessagePump
else:
    _Node = object


class InApp(_Node):
    """Mixin for a screen of ``DevDayApp`` (put it before ``Screen``): ``self.app`` is that app for the type
    checker, so the notes, the progress store (a ``ProgressStore``, ``None`` until loaded or when it cannot be
    opened) and the app's actions are checked. Nothing changes at run time."""

    if TYPE_CHECKING:

        @property
        def app(self) -> DevDayApp:  # type: ignore[override]  # App's type parameter is invariant: an App[None] is no App[object]
            ...
