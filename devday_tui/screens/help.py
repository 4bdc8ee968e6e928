"""Every key of the screen below, read from its bindings so the list is never out of date."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from devday_tui.widgets.key_footer import KeyFooter

#: Keys that come from Textual itself, shown after the screen's own.
GENERAL_KEYS: tuple[tuple[str, str], ...] = (
    ("tab / shift+tab", "Move between panes"),
    ("↑ ↓ / j k", "Move in a list or tree"),
    ("ctrl+p", "Command palette: every action by name, and the theme"),
    ("?", "This help"),
    ("ctrl+q", "Quit"),
)


def screen_keys(screen: Screen) -> list[tuple[str, str]]:
    """(key, description) for every enabled binding with a description on ``screen``.

    The screen's own keys come first, then those of the focused pane, then the app's, then the generic ones
    (focus, copy). Sideways scrolling, which no screen here needs, is left out.
    """
    app = screen.app
    own = {_action(b) for b in type(screen).__dict__.get("BINDINGS", [])}
    ranked: list[tuple[int, int, tuple[str, str]]] = []
    seen: set[tuple[str, str]] = set()
    for n, (namespace, binding, enabled, _tooltip) in enumerate(screen.active_bindings.values()):
        if not enabled or not binding.description or binding.action in _SIDEWAYS:
            continue
        if (binding.action, binding.description) not in _product_actions(type(namespace)):
            continue  # Textual's own keys (editing in a text box, focus, copy): the general list covers them
        key = binding.key_display or app.get_key_display(binding)
        row = (key, binding.description)
        if row in seen:
            continue
        seen.add(row)
        if namespace is screen:
            rank = 0 if binding.action in own else 3
        else:
            rank = 2 if namespace is app else 1
        ranked.append((rank, n, row))
    return [row for _rank, _n, row in sorted(ranked)]


_SIDEWAYS = frozenset({"page_left", "page_right", "scroll_left", "scroll_right"})


def _product_actions(cls: type) -> frozenset[tuple[str, str]]:
    """(action, description) of the bindings that this app's own classes declare, not Textual's."""
    found: set[tuple[str, str]] = set()
    for klass in cls.__mro__:
        if not klass.__module__.startswith("devday_tui"):
            continue
        for binding in klass.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                found.add((binding.action, binding.description))
            elif len(binding) >= 3:
                found.add((binding[1], binding[2]))
    return frozenset(found)


def _action(binding: Binding | tuple) -> str:
    return binding.action if isinstance(binding, Binding) else binding[1]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    DEFAULT_CSS = """
    HelpScreen #help-keys {
        height: auto;
        max-height: 20;
    }
    """

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        name = getattr(self.below, "HELP_TITLE", None) or type(self.below).__name__.removesuffix("Screen")
        keys = screen_keys(self.below)
        width = max([len(k) for k, _ in keys + list(GENERAL_KEYS)] + [8])
        lines: list = []
        for key, description in keys:
            lines += [(key.ljust(width), "bold $accent"), "  ", description, "\n"]
        lines.append("\n")
        for key, description in GENERAL_KEYS:
            lines += [(key.ljust(width), "bold $text-muted"), "  ", description, "\n"]
        with Vertical(id="dialog", classes="dialog"):
            yield Static(Content.styled(f"Keys: {name}", "bold"), classes="dialog-title")
            with VerticalScroll(id="help-keys"):
                yield Static(Content.assemble(*lines))
            yield Static(Content.styled("Esc or ? closes.", "$text-muted"), classes="dialog-hint")
        yield KeyFooter()

    def action_close(self) -> None:
        self.dismiss(None)
