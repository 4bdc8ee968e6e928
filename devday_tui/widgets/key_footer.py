"""Textual's footer, without its leak.

Textual 8.2's ``Footer`` data-binds every key it shows to its own ``compact`` reactive. Each binding adds a watcher
to the footer, and the watchers are only pruned when ``compact`` changes, which it never does; so every time the
keys change (``refresh_bindings``) the old keys stay alive through the footer's watcher list. The quiz changes its
keys twice a card: after a few hundred cards there are thousands of dead widgets, and the garbage collector's
pauses grow to a tenth of a second and more, in the middle of answering.

``KeyFooter`` shows the same keys, in the same style, but gives each key the footer's ``compact`` value when it is
made; when ``compact`` changes, the keys are made again.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup


class KeyFooter(Footer):
    """A drop-in ``Footer`` whose keys do not outlive it."""

    # Textual's compact footer leaves no space after a group's label ("1234 Grades Suspend").
    DEFAULT_CSS = """
    KeyFooter.-compact FooterLabel {
        margin: 0 1 0 0;
    }
    """

    def _watch_compact(self, compact: bool) -> None:
        if self.is_attached:
            self.refresh(recompose=True)

    def _key(self, *args, **kwargs) -> FooterKey:
        key = FooterKey(*args, **kwargs)
        key.set_reactive(FooterKey.compact, self.compact)
        key.set_class(self.compact, "-compact")
        return key

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        active_bindings = self.screen.active_bindings
        bindings = [
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in active_bindings.values()
            if binding.show
        ]
        action_to_bindings: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for binding, enabled, tooltip in bindings:
            action_to_bindings[binding.action].append((binding, enabled, tooltip))

        self.styles.grid_size_columns = len(action_to_bindings)

        for group, multi_bindings_iterable in groupby(
            action_to_bindings.values(), lambda multi_bindings_: multi_bindings_[0][0].group
        ):
            multi_bindings = list(multi_bindings_iterable)
            if group is not None and len(multi_bindings) > 1:
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
            else:
                for multi in multi_bindings:
                    binding, enabled, tooltip = multi[0]
                    yield self._key(
                        binding.key,
                        self.app.get_key_display(binding),
                        binding.description,
                        binding.action,
                        disabled=not enabled,
                        tooltip=tooltip,
                    )
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            try:
                _node, binding, enabled, tooltip = active_bindings[self.app.COMMAND_PALETTE_BINDING]
            except KeyError:
                pass
            else:
                yield FooterKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    classes="-command-palette",
                    disabled=not enabled,
                    tooltip=binding.tooltip or binding.description,
                )
