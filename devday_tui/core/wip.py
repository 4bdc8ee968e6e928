"""Which sections need work, as the app shows them.

The parser gives every section its WIP reasons. A note tagged WIP (or draft) marks every one of its sections with
``note-tagged``; highlighting them all would hide the sections that really need work, so the app shows the tag on
the note and keeps the highlight for sections with a reason of their own (empty, thin, a TODO marker…).
"""

from __future__ import annotations

import re

from devday_tui.core.model import Note, Section

NOTE_TAGGED = "note-tagged"


def needs_work(section: Section) -> bool:
    """True when the section itself is unfinished, whatever the note's tags say."""
    return any(reason != NOTE_TAGGED for reason in section.wip_reasons)


def note_is_tagged_wip(note: Note) -> bool:
    return note.draft or any(NOTE_TAGGED in s.wip_reasons for s in note.walk())


def unfinished_sections(note: Note) -> list[Section]:
    return [s for s in note.walk() if needs_work(s)]


# --- the reasons the parser gives a section ------------------------------------------------------------------------

#: Words that say a section is unfinished. Matched anywhere but inside code and explicit cards.
MARKER_RE = re.compile(
    r"(?<![A-Za-z0-9_])(?:TODO|FIXME|WIP|TBD)(?![A-Za-z0-9_])|\?\?|？？|メモなし|ログなし|要確認|確認したい|あとで|後で書く|書きかけ"
)
#: Substrings one of which every marker holds: a cheap test before the search.
MARKER_WORDS = (
    "TODO",
    "FIXME",
    "WIP",
    "TBD",
    "??",
    "？？",
    "メモなし",
    "ログなし",
    "要確認",
    "確認したい",
    "あとで",
    "後で書く",
    "書きかけ",
)
#: The words a note's tags (or ``draft: true``) use to mark the whole note unfinished.
WIP_TAGS = frozenset({"wip", "draft"})
#: Timetable and logistics headings: a gap in the notes there is not unfinished work.
_LOGISTICS = frozenset(
    "休憩 lunch 昼食 ランチ break coffee break 受付 懇親会 開場 閉会 開会 networking registration".split()
)
_TIME_ONLY_RE = re.compile(r"[0-9０-９]{1,2}[:：][0-9０-９]{2} ?(?:[-〜~～–—] ?[0-9０-９]{1,2}[:：][0-9０-９]{2})?")
#: The whole text of a section that says its notes are missing.
_MISSING_RE = re.compile(
    r"(?:メモ|ノート|記録)(?:なし|無し|取れず|とれず|を取り損ねた)|聞き逃し(?:た|ました)?|聞き取れ(?:ず|なかった)|(?:no|missing) notes|notes? missing"
    r"|(?:I )?missed (?:this|it|that)(?: part| one| bit)?",
    re.I,
)
THIN_MAX_CHARS = 30


def is_logistics(heading: str) -> bool:
    """A heading that is a time range, or a break, lunch, reception…: never unfinished for being empty."""
    words = heading.strip().strip("()（）[]【】").casefold()
    rest = _TIME_ONLY_RE.sub("", words, count=1).strip(" -–—:：|・")
    if not rest:
        return bool(words)
    return rest in _LOGISTICS or any(w in _LOGISTICS for w in rest.split())


def says_notes_missing(text: str) -> bool:
    text = text.strip().strip("()（）[]【】。.")
    return len(text) <= 30 and _MISSING_RE.fullmatch(text) is not None


def section_reasons(
    *,
    tagged: bool,
    heading: str,
    level: int,
    has_children: bool,
    empty: bool,
    thin: bool,
    marker: bool,
    only_text: str = "",
) -> tuple[str, ...]:
    """The WIP reasons of one section (see ``WIP_REASONS`` in the model)."""
    reasons: list[str] = []
    if tagged:
        reasons.append(NOTE_TAGGED)
    if level > 0 and not has_children and not is_logistics(heading):
        if empty:
            reasons.append("empty")
        elif thin:
            reasons.append("thin")
    if marker or (only_text and says_notes_missing(only_text)):
        reasons.append("marker")
    return tuple(reasons)
