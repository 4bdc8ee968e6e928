"""Which sections need work, as the app shows them.

The parser gives every section its WIP reasons. A note tagged WIP (or draft) marks every one of its sections with
``note-tagged``; highlighting them all would hide the sections that really need work, so the app shows the tag on
the note and keeps the highlight for sections with a reason of their own (empty, thin, a TODO marker…).
"""

from __future__ import annotations

from devday_tui.core.model import Note, Section

NOTE_TAGGED = "note-tagged"


def needs_work(section: Section) -> bool:
    """True when the section itself is unfinished, whatever the note's tags say."""
    return any(reason != NOTE_TAGGED for reason in section.wip_reasons)


def note_is_tagged_wip(note: Note) -> bool:
    return note.draft or any(NOTE_TAGGED in s.wip_reasons for s in note.walk())


def unfinished_sections(note: Note) -> list[Section]:
    return [s for s in note.walk() if needs_work(s)]
