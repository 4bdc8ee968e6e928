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
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from devday_tui.core.wrap import cell_len

if TYPE_CHECKING:
    from textual.screen import Screen

#: Actions always shown: help, and the ways out of a screen or a dialog (and saving what it holds).
KEEP_ACTIONS = frozenset(
    {"help", "app.help", "quit", "app.quit", "end", "close", "back", "cancel", "abandon", "save", "submit", "start"}
)


@dataclass(frozen=True)
class _KeySpec:
    """What one ``FooterKey`` shows."""

    key: str
    key_display: str
    description: str
    action: str
    disabled: bool
    tooltip: str
    classes: str = ""


@dataclass(frozen=True)
class _Unit:
    """One thing in the footer: a key, a group of keys with one label, or the command palette's key."""

    kind: str  # "key", "group" or "palette"
    keys: tuple[_KeySpec, ...]
    label: str = ""  # a group's description
    compact_group: bool = False

    @property
    def identity(self) -> tuple:
        """What stays the same while the unit's widgets are updated in place (descriptions and states may change)."""
        return (self.kind, self.label, self.compact_group, tuple(k.action for k in self.keys))


@dataclass
class _Entry:
    """One thing in the footer with its place and its cost in cells."""

    order: int  # position in the footer
    rank: float  # lower is kept longer
    width: int  # cells, margins included
    unit: _Unit


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
    #: The units shown, in order, and the ``compact`` value their widgets were made with (None before the first).
    _shown: tuple[_Unit, ...] | None = None
    _shown_compact = False
    _update_pending = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: The widgets of every unit mounted, shown or hidden, by identity.
        self._mounted: dict[tuple, list[Widget]] = {}

    def bindings_changed(self, screen: Screen) -> None:
        """The screen's keys may have changed: show them in the same frame as the change that caused it.

        Textual's footer waits until the screen has been painted, so the keys followed one frame (and one more
        layout of the whole screen) behind the screen that changed them; here the update runs as soon as the
        handler that changed the keys returns, and once however many times they changed in it."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen or self._update_pending:
            return
        self._update_pending = True
        self.call_next(self._update_keys)

    async def _update_keys(self) -> None:
        self._update_pending = False
        await self.recompose()

    def _watch_compact(self, compact: bool) -> None:
        if self.is_attached:
            self.refresh(recompose=True)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._fitted_width:
            self.refresh(recompose=True)

    def _key(self, spec: _KeySpec) -> FooterKey:
        key = FooterKey(
            spec.key,
            spec.key_display,
            spec.description,
            spec.action,
            disabled=spec.disabled,
            tooltip=spec.tooltip,
            classes=spec.classes,
        )
        if "-command-palette" not in spec.classes:
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

    def _plan(self) -> tuple[_Unit, ...]:
        """The units the footer shows now, in order: the screen's active keys that fit in its width."""
        if not self._bindings_ready:
            return ()
        self._fitted_width = self.size.width or self.app.size.width
        active_bindings = self.screen.active_bindings
        bindings = [
            (binding, enabled, tooltip) for (_, binding, enabled, tooltip) in active_bindings.values() if binding.show
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
                keys = tuple(
                    _KeySpec(
                        binding.key,
                        self.app.get_key_display(binding),
                        "",
                        binding.action,
                        not enabled,
                        tooltip or binding.description,
                        "-grouped",
                    )
                    for binding, enabled, tooltip in (multi[0] for multi in multi_bindings)
                )
                width = 2 + cell_len(group.description) + 1 + sum(cell_len(k.key_display) + 1 for k in keys)
                entries.append(
                    _Entry(
                        len(entries),
                        self._rank(keys[0].action, len(entries)),
                        width,
                        _Unit("group", keys, group.description, group.compact),
                    )
                )
            else:
                for multi in multi_bindings:
                    binding, enabled, tooltip = multi[0]
                    key_display = self.app.get_key_display(binding)
                    spec = _KeySpec(binding.key, key_display, binding.description, binding.action, not enabled, tooltip)
                    entries.append(
                        _Entry(
                            len(entries),
                            self._rank(binding.action, len(entries)),
                            self._key_width(key_display, binding.description),
                            _Unit("key", (spec,)),
                        )
                    )
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            try:
                _node, binding, enabled, tooltip = active_bindings[self.app.COMMAND_PALETTE_BINDING]
            except KeyError:
                pass
            else:
                key_display = self.app.get_key_display(binding)
                spec = _KeySpec(
                    binding.key,
                    key_display,
                    binding.description,
                    binding.action,
                    not enabled,
                    binding.tooltip or binding.description,
                    "-command-palette",
                )
                entries.append(
                    _Entry(
                        len(entries),
                        float("inf"),
                        self._key_width(key_display, binding.description) + 2,
                        _Unit("palette", (spec,)),
                    )
                )
        kept = fit_entries([e.width for e in entries], [e.rank for e in entries], self._fitted_width)
        return tuple(e.unit for e in entries if e.order in kept)

    def compose(self) -> ComposeResult:
        plan = self._plan()
        self._mounted = {}
        self._shown, self._shown_compact = plan, self.compact
        for unit in plan:
            widgets = self._make(unit)
            self._mounted[unit.identity] = widgets
            yield from widgets

    async def recompose(self) -> None:
        """Show the screen's keys now. Remaking the footer's widgets on every change of keys (twice a card in a
        quiz) cost about 18 ms each and left thousands of objects in reference cycles, whose collection paused the
        interface for up to a tenth of a second: when the keys shown are the same, nothing is done; otherwise the
        widgets already made are updated, shown, hidden and reordered, and only keys never shown before are made."""
        if not self.is_attached or self._pruning:
            return
        if self._shown is None or self._shown_compact != self.compact:
            await super().recompose()
            return
        plan = self._plan()
        if plan == self._shown:
            return
        async with self.batch():
            await self._show_units(plan)

    async def _show_units(self, plan: tuple[_Unit, ...]) -> None:
        shown: list[Widget] = []
        made: list[Widget] = []
        for unit in plan:
            widgets = self._mounted.get(unit.identity)
            if widgets is None:
                widgets = self._mounted[unit.identity] = self._make(unit)
                made += widgets
            else:
                self._update(widgets, unit)
            shown += widgets
        wanted = {unit.identity for unit in plan}
        for identity, widgets in self._mounted.items():
            for widget in widgets:
                widget.display = identity in wanted
        if made:
            await self.mount_all(made)
        # Hidden units take no room wherever they are; the shown ones must be in the plan's order.
        place = {widget: index for index, widget in enumerate(self.children)}
        if any(place[a] > place[b] for a, b in zip(shown, shown[1:])):
            for widget in shown:
                if self.children[-1] is not widget:
                    self.move_child(widget, after=self.children[-1])
        # No ``grid_size_columns`` as Textual's footer sets: the footer lays its keys out in a row, not a grid, and
        # changing it refreshes every key (each measured and drawn again: two thirds of the frame that shows a
        # list card, whose front has one key more than the back).
        self._shown = plan

    def _make(self, unit: _Unit) -> list[Widget]:
        if unit.kind == "group":
            group = KeyGroup(*(self._key(spec) for spec in unit.keys), classes="-compact" if unit.compact_group else "")
            return [group, FooterLabel(unit.label)]
        return [self._key(unit.keys[0])]

    @staticmethod
    def _update(widgets: list[Widget], unit: _Unit) -> None:
        keys = list(widgets[0].children) if unit.kind == "group" else widgets
        for key, spec in zip(keys, unit.keys):
            assert isinstance(key, FooterKey)
            key.key, key.action = spec.key, spec.action
            if (key.key_display, key.description) != (spec.key_display, spec.description):
                key.key_display, key.description = spec.key_display, spec.description
                key.refresh(layout=True)
            if key._disabled != spec.disabled:
                key._disabled = spec.disabled
                key.set_class(spec.disabled, "-disabled")
            if key.tooltip != (spec.tooltip or None):
                key.tooltip = spec.tooltip or None
