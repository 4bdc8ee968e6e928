"""Textual's footer, without its leak, fitted to the terminal's width.

Textual 8.2's ``Footer`` data-binds every key it shows to its own ``compact`` reactive. Each binding adds a watcher
to the footer, and the watchers are only pruned when ``compact`` changes, which it never does; so every time the
keys change (``refresh_bindings``) the old keys stay alive through the footer's watcher list. The quiz changes its
keys twice a card: after a few hundred cards there are thousands of dead widgets, and the garbage collector's
pauses grow to a tenth of a second and more, in the middle of answering.

``KeyFooter`` shows the same keys, in the same style, but gives each key the footer's ``compact`` value when it is
made; when ``compact`` changes, the keys are made again.

When the keys do not fit (80 columns over SSH), the least used are left out, never cut in the middle: first the
command palette, then the screen's keys from the last of its ``BINDINGS`` (a screen lists its keys most used
first, or orders them with ``FOOTER_ORDER``, a sequence of actions). Help (``?``) and the keys that leave a screen
(quit, end, close, back, cancel) and save it are always shown. Every key stays in the help screen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from devday_tui.core.wrap import cell_len

#: Actions always shown: help, and the ways out of a screen or a dialog (and saving what it holds).
KEEP_ACTIONS = frozenset(
    {"help", "app.help", "quit", "app.quit", "end", "close", "back", "cancel", "abandon", "save", "submit", "start"}
)


@dataclass
class _Entry:
    """One thing in the footer: a key, or a group of keys with one label."""

    order: int  # position in the footer
    rank: float  # lower is kept longer
    width: int  # cells, margins included
    make: Callable[[], Iterator[Widget]]


def fit_entries(widths: list[int], ranks: list[float], room: int) -> set[int]:
    """Indices of the entries kept: the lowest ranks while they fit in ``room`` cells (the kept ones always)."""
    kept = set(range(len(widths)))
    total = sum(widths)
    for index in sorted(range(len(widths)), key=lambda i: (ranks[i], i), reverse=True):
        if total <= room:
            break
        if ranks[index] < 0:
            continue
        kept.discard(index)
        total -= widths[index]
    return kept


class KeyFooter(Footer):
    """A drop-in ``Footer`` whose keys do not outlive it, and that leaves out the least used keys to fit."""

    # Textual's compact footer leaves no space after a group's label ("1234 Grades Suspend").
    DEFAULT_CSS = """
    KeyFooter.-compact FooterLabel {
        margin: 0 1 0 0;
    }
    """

    _fitted_width = 0

    def _watch_compact(self, compact: bool) -> None:
        if self.is_attached:
            self.refresh(recompose=True)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._fitted_width:
            self.refresh(recompose=True)

    def _key(self, *args, **kwargs) -> FooterKey:
        key = FooterKey(*args, **kwargs)
        key.set_reactive(FooterKey.compact, self.compact)
        key.set_class(self.compact, "-compact")
        return key

    def _key_width(self, key: str, description: str) -> int:
        if self.compact:
            return cell_len(key) + (1 + cell_len(description) if description else 0) + 1
        return cell_len(key) + 2 + (cell_len(description) + 1 if description else 0)

    def _rank(self, action: str, position: int) -> float:
        if action in KEEP_ACTIONS:
            return -1
        order = getattr(self.screen, "FOOTER_ORDER", ())
        if action in order:
            return order.index(action)
        return len(order) + position

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._fitted_width = self.size.width or self.app.size.width
        active_bindings = self.screen.active_bindings
        bindings = [
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in active_bindings.values()
            if binding.show
        ]
        action_to_bindings: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for binding, enabled, tooltip in bindings:
            action_to_bindings[binding.action].append((binding, enabled, tooltip))

        entries: list[_Entry] = []
        for group, multi_bindings_iterable in groupby(
            action_to_bindings.values(), lambda multi_bindings_: multi_bindings_[0][0].group
        ):
            multi_bindings = list(multi_bindings_iterable)
            if group is not None and len(multi_bindings) > 1:
                width = 2 + cell_len(group.description) + 1
                width += sum(cell_len(self.app.get_key_display(m[0][0])) + 1 for m in multi_bindings)
                entries.append(
                    _Entry(len(entries), self._rank(multi_bindings[0][0][0].action, len(entries)), width,
                           lambda group=group, multi_bindings=multi_bindings: self._group(group, multi_bindings))
                )
            else:
                for multi in multi_bindings:
                    binding, enabled, tooltip = multi[0]
                    key_display = self.app.get_key_display(binding)
                    entries.append(
                        _Entry(
                            len(entries),
                            self._rank(binding.action, len(entries)),
                            self._key_width(key_display, binding.description),
                            lambda binding=binding, enabled=enabled, tooltip=tooltip, key_display=key_display: iter(
                                [
                                    self._key(
                                        binding.key,
                                        key_display,
                                        binding.description,
                                        binding.action,
                                        disabled=not enabled,
                                        tooltip=tooltip,
                                    )
                                ]
                            ),
                        )
                    )
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            try:
                _node, binding, enabled, tooltip = active_bindings[self.app.COMMAND_PALETTE_BINDING]
            except KeyError:
                pass
            else:
                key_display = self.app.get_key_display(binding)
                entries.append(
                    _Entry(
                        len(entries),
                        float("inf"),
                        self._key_width(key_display, binding.description) + 2,
                        lambda binding=binding, enabled=enabled, key_display=key_display: iter(
                            [
                                FooterKey(
                                    binding.key,
                                    key_display,
                                    binding.description,
                                    binding.action,
                                    classes="-command-palette",
                                    disabled=not enabled,
                                    tooltip=binding.tooltip or binding.description,
                                )
                            ]
                        ),
                    )
                )
        kept = fit_entries([e.width for e in entries], [e.rank for e in entries], self._fitted_width)
        shown = [e for e in entries if e.order in kept]
        self.styles.grid_size_columns = len(shown)
        for entry in shown:
            yield from entry.make()

    def _group(self, group, multi_bindings) -> Iterator[Widget]:
        with KeyGroup(classes="-compact" if group.compact else ""):
            for multi in multi_bindings:
                binding, enabled, tooltip = multi[0]
                yield self._key(
                    binding.key,
                    self.app.get_key_display(binding),
                    "",
                    binding.action,
                    disabled=not enabled,
                    tooltip=tooltip or binding.description,
                    classes="-grouped",
                )
        yield FooterLabel(group.description)
