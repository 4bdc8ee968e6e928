"""The card rules by name: what each one makes or drops.

The parser runs these rules as a pipeline (see :mod:`devday_tui.core.cards.note`): the note's sections first, then
within each section the block rules in file order, then the note-wide passes (one term one card, long backs
split, the card cap). Every card and every dropped candidate is traced to one of these names, which is what
``devday-tui cards FILE --explain`` prints and what the README's note-format section lists.
"""

from __future__ import annotations

from typing import NamedTuple

#: name -> what the rule does, one line. Rules that make cards first, then the ones that drop.
RULES: dict[str, str] = {
    # making
    "definition": "`TERM: DEFINITION` (also `：`, `・・・`, `…`, `＝`, ` = `, ` - `, ` -- `, ` — `) with a short term",
    "code-term": "a line opening with inline code, then what it does (`` `terraform init` configures … ``, `` `x` は… ``)",
    "term-line": "a short line, then its explanation on the next lines of the same paragraph",
    "parent-bullet": "a bullet with its own sub-list: its sub-items are the back (one sub-item: a definition)",
    "worked-problem": "a practice problem under labels (`問題`, `計算`, `答え`): the problem → the answer, then the working",
    "question": "a bullet, label or numbered heading that asks (`〜とは`, `What is …`, `…?`): the answer is the back",
    "points": "a list whose bullets have sub-lists (at least two): the whole list, or its parents' names when too long",
    "heading-list": "a bullet list under a heading, nested items kept nested",
    "label-list": "a short line directly before a list names it",
    "choice-question": "a question, its numbered options, then `答え：2` / `Answer: 1, 3`: question → the right options",
    "sequence": "a numbered list whose order is the point (steps, 手順, flow…)",
    "numbered-list": "a numbered list whose order is not the point: a plain list card",
    "heading-paragraph": "a heading followed by one short paragraph and nothing else: heading → paragraph",
    "bold-term": "a paragraph that is only a bold name, then a short paragraph: name → that paragraph",
    "acronym": "lines each opening with a bold letter (`**A**tomic`, `**C**onsistent`…): the letters → the lines",
    "table-row": "a table row: breadcrumb › first cell → the other cells, labelled by their headers",
    "table-column": "a table whose columns are lists (its first column ends in empty cells): each column is a list card",
    "cloze": "`**bold**` or `==highlighted==` words in a sentence are hidden",
    "explicit": "hand-written `front::back`, `front:::back` and `?` cards",
    "long-example": "an example over 200 characters (`Example: A malicious actor knows…`) is a story to read, no card",
    "remark-term": "a remark word (例, 補足, Note…) takes its parent's text into the front",
    "merge-terms": "one term, one card per note: a term defined twice gets both definitions, citing both lines",
    "split-long": "a back over 12 lines is split by its sub-structure, else into parts (1/2), (2/2)…",
    # dropping
    "metadata": "`Title:` / `Date:` / `Tags:` lines at the top of a note without YAML fences are its metadata",
    "skip-section": "a chatter section (感想, TL;DR, 参考, References…, or `skip_sections:`) makes no cards",
    "chatter-term": "a talk's logistics (`登壇者：…`, `Slides:`), or a term named like a chatter section (`所感: …`)",
    "toc": "a table of contents (a nested list with a `Summary`, `Introduction` or `まとめ` item) makes no cards",
    "weak-cloze": "a cloze that hides only small words (`is`, `not`, `の`) or hashtags (`#devops`) asks nothing",
    "first-person": "a sentence about its author (`I think…`, `私は`) makes no cloze; impressions (`〜と思いました`) no card",
    "speaker-label": "a line naming a person (`加藤さん`, `山田氏`) is no list's label: the list belongs to the heading",
    "aside": "an aside word alone as a term (`Note: …`, `Takeaway: …`, `備考：…`) makes no card",
    "prefix-word": "a word that opens 3 lines or more of one section (`Recap - Pods`, `Recap - …`) names none of them",
    "lead-in": "a definition's last sentence that ends in a colon (`Things that go wrong:`) opens what it does not hold: cut",
    "url-only": "a term whose whole definition is a URL makes no card",
    "image-only": "a card whose whole back is an image cannot be studied in a terminal: not made",
    "prose-label": "a line over 40 characters or ending in `。`/`.` is prose, never a list's label",
    "bare-link": "a bare link is not a card nor a list item",
    "unsure": "a line the author marked as unsure (`???`, `？？`, `(?)`) is no fact to learn yet",
    "talk-details": "a talk's details (`Speaker:`, `Track:`, `Language:`, `Length 26:24`…) make no card, all of them",
    "objectives": "a list of exam objectives (`Understand Terraform basics`, `Describe the …`) makes no list card",
    "answer-key": "a practice exam's answers without their questions (`7. D  A: …`) make no list card nor terms",
    "open-questions": "a list of questions without their answers (interview prompts, `Tell me about a time…`)",
    "todo": "a task-list item (`- [ ] …`) or a line starting `TODO`/`FIXME` is the author's to-do, not a fact",
    "restated": "a principle glossed in other words (`Automate security: Use automation to …`) makes no card",
    "too-short": "too little text to mean anything",
    "code-block": "code, display math (`$$…$$`) and raw HTML make no cards",
    "duplicate": "an exact duplicate of a card already made",
    "max-cards": "the note's card cap was reached",
}


class Trace(NamedTuple):
    """Why a line made a card, or did not."""

    line: int  # in the file, 1-based
    rule: str  # a key of RULES
    made: bool
    what: str  # the card's kind and front, or why it was dropped
