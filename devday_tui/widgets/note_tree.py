"""Notes › sections, the sub-sections nested, each with its card count. WIP sections stand out."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import ClassVar, Iterable

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from devday_tui import ui_prefs
from devday_tui.core.model import Note, Section
from devday_tui.core.wip import needs_work, note_is_tagged_wip, unfinished_sections
from devday_tui.core.words import natural_key
from devday_tui.safe_text import one_line
from devday_tui.widgets.fitted_path import fit_cells

#: The marker put after a WIP section's label (its colour is the component class ``note-tree--wip``).
WIP_MARK = "✎"


@dataclass(frozen=True, slots=True)
class NodeRef:
    """What a tree node stands for."""

    kind: str  # "note" or "section"
    note_key: str
    section_id: str | None = None


@dataclass(slots=True)
class TreeFilter:
    """Which notes and sections to show. ``None`` means everything."""

    sections: set[str] | None = None
    notes: set[str] = field(default_factory=set)  # notes shown even when none of their sections is
    expand: bool = False


def section_card_total(section: Section) -> int:
    return sum(len(s.card_ids) for s in section.walk())


class NoteTree(Tree[NodeRef]):
    """The left pane of the browse screen.

    Note nodes fill their sections when first expanded, so thousands of notes load quickly.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "note-tree--wip",
        "note-tree--count",
        "note-tree--note",
        "note-tree--wip-count",
    }

    DEFAULT_CSS = """
    NoteTree > .note-tree--wip {
        color: $text-warning;
        text-style: bold;
    }
    NoteTree > .note-tree--wip-count {
        color: $text-warning;
    }
    """

    BINDINGS = [
        Binding("enter", "select_cursor", "Expand or collapse", show=False),
        Binding("right,l", "expand_node", "Expand", show=False),
        Binding("left,h", "collapse_or_parent", "Collapse", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("less_than_sign", "resize(-4)", "Narrower tree", key_display="<", show=False),
        Binding("greater_than_sign", "resize(4)", "Wider tree", key_display=">", show=False),
    ]

    #: The narrowest the pane gets, and the least it leaves to the right of it.
    MIN_WIDTH = 16
    MIN_REST = 24

    class SectionChosen(Message):
        """The cursor moved to a section (or a note: ``section_id`` is then None)."""

        def __init__(self, ref: NodeRef) -> None:
            super().__init__()
            self.ref = ref

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Notes", id=id)
        self.show_root = False
        self.guide_depth = 2
        self._notes: dict[str, Note] = {}
        self._filter = TreeFilter()
        self._filled: set[int] = set()
        self._wip: set[str] = set()
        self._wip_notes: set[str] = set()
        self._suffix: dict[int, int] = {}

    # ------------------------------------------------------------------ content

    def show_notes(self, notes: Iterable[Note], flt: TreeFilter | None = None) -> None:
        """Rebuild the tree, keeping the cursor on the same note or section where it still exists."""
        keep = self.cursor_node.data if self.cursor_node is not None else None
        self._filter = flt or TreeFilter()
        self._notes = {}
        self._filled.clear()
        self._wip.clear()
        self._wip_notes.clear()
        self._suffix.clear()
        self.clear()
        allowed = self._filter.sections
        shown: list[Note] = []
        for note in notes:
            if (
                allowed is not None
                and note.key not in self._filter.notes
                and not any(s.id in allowed for s in note.walk())
            ):
                continue
            self._notes[note.key] = note
            shown.append(note)
        expand_all = self._filter.expand or len(shown) <= 12
        # Notes in natural order (chapter_2 before chapter_10), under their folder when they come from several.
        shown.sort(key=lambda n: (natural_key(str(n.path.parent)), natural_key(n.rel or n.path.name)))
        folders = folder_labels([n.path.parent for n in shown])
        places = distinct_places(shown)
        parents: dict[Path, TreeNode[NodeRef]] = {}
        for note in shown:
            parent = self.root
            if folders:
                parent = parents.get(note.path.parent)  # type: ignore[assignment]
                if parent is None:
                    label = Text(folders[note.path.parent] + "/", style="bold")
                    parent = parents[note.path.parent] = self.root.add(label, data=None, expand=True)
            label, suffix = self._note_label(note, places.get(note.key))
            node = parent.add(label, data=NodeRef("note", note.key), expand=False)
            self._suffix[node.id] = suffix
            node.allow_expand = any(True for _ in self._visible(note.sections))
            if expand_all:
                self._fill(node)
                node.expand_all()
        if keep is not None:
            self.select_ref(keep)

    def _visible(self, sections: Iterable[Section]) -> Iterable[Section]:
        allowed = self._filter.sections
        for section in sections:
            if allowed is None or any(s.id in allowed for s in section.walk()):
                yield section

    def _fill(self, node: TreeNode[NodeRef]) -> None:
        if node.id in self._filled or node.data is None:
            return
        self._filled.add(node.id)
        note = self._notes[node.data.note_key]
        if node.data.kind == "note":
            children = note.sections
        else:
            section = self._section(note, node.data.section_id)
            children = section.children if section is not None else []
        for section in self._visible(children):
            label, suffix = self._section_label(section)
            child = node.add(label, data=NodeRef("section", note.key, section.id), expand=False)
            self._suffix[child.id] = suffix
            visible_children = list(self._visible(section.children))
            child.allow_expand = bool(visible_children)
            if visible_children:
                self._fill(child)
                child.expand()

    @staticmethod
    def _section(note: Note, section_id: str | None) -> Section | None:
        for section in note.walk():
            if section.id == section_id:
                return section
        return None

    def _note_label(self, note: Note, place: str | None = None) -> tuple[Text, int]:
        """The note's title (and which file, when another shown note has the same title), then its card count,
        WIP tag and count of unfinished sections (and their length)."""
        label = Text(one_line(note.title, 200))
        label.stylize("bold")
        if place:
            label.append(f"  {one_line(place, 40)}", style="italic dim")
        title = len(label)
        cards = len(note.cards)
        label.append(f"  {cards}", style="dim")
        if note_is_tagged_wip(note):
            label.append("  WIP", style="reverse")
        wip = len(unfinished_sections(note))
        if wip:
            self._wip_notes.add(note.key)
            label.append(f"  {WIP_MARK}{wip}")
        return label, len(label) - title

    def _section_label(self, section: Section) -> tuple[Text, int]:
        """The heading, then the card count and the WIP mark (and their length)."""
        label = Text(one_line(section.heading or "(untitled)", 200))
        title = len(label)
        label.append(f"  {section_card_total(section)}", style="dim")
        if needs_work(section):
            self._wip.add(section.id)
            label.append(f" {WIP_MARK}")
        return label, len(label) - title

    def render_label(self, node: TreeNode[NodeRef], base_style: Style, style: Style) -> Text:
        """WIP sections and notes holding them take their colours from component classes, so themes restyle them."""
        text = self._fit_label(node, super().render_label(node, base_style, style))
        ref = node.data
        if ref is None:
            return text
        if ref.kind == "section" and ref.section_id in self._wip:
            text.stylize(self.get_component_rich_style("note-tree--wip", partial=True))
        elif ref.kind == "note" and ref.note_key in self._wip_notes:
            marker = text.plain.rfind(WIP_MARK)
            if marker >= 0:
                text.stylize(self.get_component_rich_style("note-tree--wip-count", partial=True), marker)
        return text

    def _fit_label(self, node: TreeNode[NodeRef], text: Text) -> Text:
        """``text`` fitted to the pane: the title cut with "…", so that the count and the ✎ mark stay visible."""
        room = self.scrollable_content_region.width
        if room <= 0:
            return text
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        room -= depth * self.guide_depth
        over = text.cell_len - room
        if over <= 0:
            return text
        suffix_len = self._suffix.get(node.id, 0)
        icon_len = len(text) - len(node._label)
        head, title, tail = text.divide([icon_len, len(text) - suffix_len])
        room = max(1, title.cell_len - over)
        kept = len(fit_cells(title.plain, room)) - 1  # characters before the "…"
        cut = title[:kept]
        cut.append("…")
        cut.pad_right(room - cut.cell_len)  # a wide character that did not fit leaves one cell
        return Text.assemble(head, cut, tail)

    # -------------------------------------------------------------------- width

    def on_mount(self) -> None:
        width = ui_prefs.tree_width(ui_prefs.load())
        if width is not None:
            self.set_width(width)

    def set_width(self, width: int) -> int:
        """Give the pane ``width`` cells, within what leaves the screen usable. Returns the width given."""
        room = (
            self.parent.size.width
            if isinstance(self.parent, Widget) and self.parent.size.width
            else self.app.size.width
        )
        width = max(self.MIN_WIDTH, min(int(width), room - self.MIN_REST))
        self.styles.width = width
        self.styles.min_width = self.MIN_WIDTH
        self.styles.max_width = width
        return width

    def action_resize(self, step: int) -> None:
        """Make the pane ``step`` cells wider (narrower when negative); the width is kept for the next start."""
        width = self.set_width(self.outer_size.width + int(step))
        self.run_worker(partial(ui_prefs.save, {"tree_width": width}), thread=True, group="ui-prefs", exclusive=True)

    # --------------------------------------------------------------- navigation

    def select_ref(self, ref: NodeRef) -> bool:
        """Move the cursor to the node for ``ref``, expanding its note. Returns False if it is not shown."""
        for note_node in self._note_nodes():
            if note_node.data is None or note_node.data.note_key != ref.note_key:
                continue
            if ref.kind == "note":
                self.move_cursor(note_node)
                return True
            self._fill(note_node)
            note_node.expand()
            for node in _walk(note_node):
                if node.data is not None and node.data.section_id == ref.section_id:
                    parent = node.parent
                    while parent is not None:
                        parent.expand()
                        parent = parent.parent
                    # The node's line is known once the tree has laid out its new lines.
                    self.call_after_refresh(self._move_to, node)
                    return True
        return False

    def _move_to(self, node: TreeNode[NodeRef]) -> None:
        try:
            present = self.get_node_by_id(node.id) is node
        except Exception:  # UnknownNodeID: a rebuild removed it
            present = False
        if present:
            self.move_cursor(node)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[NodeRef]) -> None:
        self._fill(event.node)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[NodeRef]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.SectionChosen(event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[NodeRef]) -> None:
        event.stop()

    def action_expand_node(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            self._fill(node)
            node.expand()

    def action_collapse_or_parent(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.children:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def cursor_to_first_note(self) -> None:
        """Put the cursor on the first note (past a folder's heading)."""
        first = next(iter(self._note_nodes()), None)
        if first is not None and first.line >= 0:
            self.cursor_line = first.line

    def _note_nodes(self) -> Iterable[TreeNode[NodeRef]]:
        """The note nodes, under the root or under their folder's node."""
        for child in self.root.children:
            if child.data is None:
                yield from child.children
            else:
                yield child

    @property
    def current(self) -> NodeRef | None:
        node = self.cursor_node
        return node.data if node is not None else None


def folder_labels(folders: list[Path]) -> dict[Path, str]:
    """Each folder as a path under the folders' common parent; empty when all the notes are in one folder."""
    unique = sorted(set(folders), key=lambda p: natural_key(str(p)))
    if len(unique) < 2:
        return {}
    common = Path(os.path.commonpath([str(p) for p in unique]))
    base = common.parent if common in unique else common
    return {p: p.relative_to(base).as_posix() or p.name for p in unique}


def distinct_places(notes: list[Note]) -> dict[str, str]:
    """For notes that share a title: the end of each one's path, as much as tells them apart (``a/notes.md``,
    ``b/notes.md``)."""
    by_title: dict[str, list[Note]] = {}
    for note in notes:
        by_title.setdefault(note.title, []).append(note)
    places: dict[str, str] = {}
    for same in by_title.values():
        if len(same) < 2:
            continue
        parts = [n.path.parts for n in same]
        depth = 1
        while depth < max(len(p) for p in parts) and len({p[-depth:] for p in parts}) < len(parts):
            depth += 1
        for note, p in zip(same, parts):
            places[note.key] = "/".join(p[-depth:])
    return places


def _walk(node: TreeNode[NodeRef]) -> Iterable[TreeNode[NodeRef]]:
    for child in node.children:
        yield child
        yield from _walk(child)
