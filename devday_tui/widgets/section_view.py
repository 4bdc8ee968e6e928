"""The right pane's top: the selected section's breadcrumb, WIP reasons, personal note and Markdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Markdown, Static

from devday_tui.core.model import WIP_REASONS, Note, Section
from devday_tui.core.wip import needs_work, note_is_tagged_wip, unfinished_sections
from devday_tui.core.words import plural
from devday_tui.core.wrap import cut_for_screen
from devday_tui.safe_text import clean, one_line
from devday_tui.widgets.note_markdown import NoteMarkdown
from devday_tui.widgets.wrapped_text import WrappedText

#: Above this many characters a section is shown as plain text: the Markdown widget is slow on huge input.
MARKDOWN_LIMIT = 20_000


def wip_reason_text(reasons: tuple[str, ...]) -> str:
    return ", ".join(WIP_REASONS.get(r, r) for r in reasons)


class SectionView(Vertical):
    """Shows one section. ``show`` is called by the screen when the tree cursor moves."""

    DEFAULT_CSS = """
    SectionView {
        height: 1fr;
    }
    SectionView #section-scroll {
        height: 1fr;
        scrollbar-size-vertical: 1;
    }
    SectionView #section-crumb {
        color: $text-muted;
    }
    SectionView #section-wip {
        color: $text-warning;
        background: $warning 15%;
        padding: 0 1;
    }
    SectionView.-wip #section-crumb {
        color: $text-warning;
    }
    SectionView #section-annotation {
        background: $accent 15%;
        padding: 0 1;
        margin-top: 1;
    }
    SectionView #section-markdown {
        margin: 0;
        padding: 0;
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        yield WrappedText(id="section-crumb")
        yield Static(id="section-wip", markup=False)
        yield Static(id="section-annotation", markup=False)
        with VerticalScroll(id="section-scroll"):
            yield NoteMarkdown(id="section-markdown", open_links=False)

    def on_mount(self) -> None:
        self.query_one("#section-wip").display = False
        self.query_one("#section-annotation").display = False

    def show(self, note: Note, section: Section | None, annotation: str = "") -> None:
        crumb = self.query_one("#section-crumb", WrappedText)
        wip = self.query_one("#section-wip", Static)
        note_box = self.query_one("#section-annotation", Static)
        markdown = self.query_one("#section-markdown", Markdown)
        if section is None:
            unfinished = unfinished_sections(note)
            self.set_class(bool(unfinished) or note_is_tagged_wip(note), "-wip")
            parts = [(one_line(note.title), "bold")]
            meta = []
            if note.date:
                meta.append(note.date.isoformat())
            if note.tags:
                meta.append(" ".join(f"#{one_line(t)}" for t in note.tags))
            meta.append(plural(len(note.cards), "card"))
            crumb.update(Content.assemble(*parts, "\n", (" · ".join(meta), "$text-muted")))
            wip_count = len(unfinished)
            tagged = note_is_tagged_wip(note)
            wip.display = bool(wip_count) or tagged
            words = []
            if tagged:
                words.append("note tagged WIP")
            if wip_count:
                words.append(f"{wip_count} unfinished section{'s' if wip_count != 1 else ''}")
            wip.update(Content.assemble(("✎ ", "bold"), ", ".join(words)))
            note_box.display = False
            markdown.update(_note_overview(note))
            return
        self.set_class(needs_work(section), "-wip")
        crumb.update(Content.styled(one_line(" › ".join(section.breadcrumb)), "$text-muted"))
        wip.display = section.is_wip
        if section.is_wip:
            wip.update(Content.assemble(("✎ WIP: ", "bold"), wip_reason_text(section.wip_reasons)))
        note_box.display = bool(annotation)
        if annotation:
            note_box.update(Content.assemble(("My note: ", "bold"), clean(annotation)))
        source = clean(cut_for_screen(section.source))
        if len(source) > MARKDOWN_LIMIT:
            source = (
                "```text\n"
                + source[:MARKDOWN_LIMIT].replace("```", "ʼʼʼ")
                + "\n```\n\n*(section cut: it is very long)*"
            )
        markdown.update(source or f"## {clean(section.heading)}")
        self.query_one("#section-scroll").scroll_home(animate=False)


def _note_overview(note: Note) -> str:
    lines = [f"# {clean(note.title)}", ""]
    for section in note.walk():
        indent = "  " * max(0, section.level - 2)
        mark = " ✎" if needs_work(section) else ""
        lines.append(f"{indent}- {clean(section.heading)}{mark}")
    return "\n".join(lines)
