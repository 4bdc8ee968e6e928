"""The ``choice-question`` rule on lists and lettered lines: a multiple-choice question whose note gives the answer
makes one card, the question → the right options, then the explanation; options without an answer make none. The
text functions that read options and answers are in :mod:`.choices`. Also the ``question`` rule's ``Q: … A: …``
lines and paragraphs."""

from __future__ import annotations

import re

from devday_tui.core.cards.blocks import LISTS, Node, node_text
from devday_tui.core.cards.choices import (
    MAX_CHOICES,
    Option,
    answer_head,
    asks,
    is_why,
    key_at,
    lettered,
    lettered_start,
    marked_answer,
    options,
    shown,
    stated_answer,
)
from devday_tui.core.cards.maker import MAX_BACK_LINES, CardMaker, Entry
from devday_tui.core.cards.terms import squash, strip_qa
from devday_tui.core.text import normalise, plain

#: How a list of options opens: a lettered key (``A.``, ``(A)``, ``ア.``, ``①``) or a task box (an option in bold,
#: key and all, ``**C. OpenID Connect**``, is looked at past its ``*`` or ``_``).
_OPTION_FIRSTS = frozenset("([（ABCDEFGHabcdefghアイウエオカキク①②③④⑤⑥⑦⑧")
#: The answer to a multiple-choice question: ``答え：2``, ``正解: 1, 3``, ``Answer: 4``, then maybe why.
ANSWER_RE = re.compile(
    r"(?:答え|正解|解答|Answer|Ans\.?)[ \t]*[:：][ \t]*([0-9０-９]{1,2}(?:[ \t]*[,，、][ \t]*[0-9０-９]{1,2}){0,7})"
    r"(?![0-9０-９])[ \t]*(.{0,500})",
    re.I,
)
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
#: A question and its answer on one line: ``Q: What is RAII? A: …``, ``**Q: …?** |?| A: …``.
_QA_LINE_RE = re.compile(r"Q[ \t]?[:：][ \t]*([^\n]{3,300}?[?？])[ \t|?]{0,8}A[:：][ \t]*([^\n]{2,})\Z")


class ChoiceRules(CardMaker):
    """Multiple-choice questions: lettered or numbered options, a task list, or lettered lines, with the answer."""

    def choice_list(self, question: str, nodes: list[Node], j: int, line0: int) -> int:
        """When ``nodes[j]`` is a list of a multiple-choice question's options (lettered, a task list, or numbered
        under a question) and the note gives the answer: the card, and the index of the next node to read. Lettered
        options without an answer make no card (traced), and are read no further. Otherwise -1."""
        node = nodes[j]
        first = node.children[0].children if node.children else []
        if not first or first[0].kind != "paragraph":
            return -1
        opening = first[0].content.lstrip("*_")[:1]
        if node.kind == "bullet_list" and opening not in _OPTION_FIRSTS:
            return -1  # (most lists: no lettered option, no task)
        asked = asks(question)
        if node.kind == "ordered_list" and not asked:
            return -1
        lines = []
        for li in node.children:
            chs = li.children
            if not chs or chs[0].kind != "paragraph" or any(ch.kind in LISTS for ch in chs):
                return -1
            lines.append(" ".join(chs[0].content.split()))
        opts = options(lines, numbered=node.kind == "ordered_list" and asked)
        if opts is None or (not opts[0].key and not asked):
            return -1
        k = self.choice_answer(question, opts, nodes, j + 1, line0)
        if k >= 0:
            return k
        if asked and opts[0].key and not opts[0].key.isdigit():
            self.drop(line0, "choice-question", f"{question[:40]!r}: options without the answer")
            return j + 1
        return -1  # (lettered items under a heading that asks nothing are a plain list: A. Plan, B. Build, …)

    def choice_item(self, chs: list[Node], line0: int) -> bool:
        """A list item that asks a question over its lettered options (``1. **Scenario**: … Which protocol would you
        use?`` then ``- A. Kerberos`` … ``- **C. OpenID Connect**``): the card when the note gives the answer, else
        none. True when the item was such a question (and is read no further)."""
        if len(chs) < 2 or chs[0].kind != "paragraph" or chs[1].kind != "bullet_list":
            return False
        question = " ".join(plain(chs[0].content).split())
        if not asks(question):
            return False
        return self.choice_list(question, chs, 1, line0) >= 0

    def choice_lines(self, question: str, lines: list[str], nodes: list[Node], j: int, line0: int) -> int:
        """Lettered options written as lines (``A. …`` / ``B. …`` / ``C. …``), maybe after the question's own lines
        and before the answer's (``Answer: B``): the card, and the index of the next node to read (``j``: the
        node after the options' paragraph); -1 when the lines hold no options."""
        start = next((n for n, line in enumerate(lines) if key_at(line) == 0), -1)
        if start < 0:
            return -1
        end = start + 1
        while end < len(lines) and end - start < MAX_CHOICES and key_at(lines[end]) == end - start:
            end += 1
        opts = lettered(lines[start:end])
        if opts is None:
            return -1
        if start:
            question = " ".join(plain(line) for line in lines[:start])
        after = "\n".join(plain(line) for line in lines[end:])
        k = self.choice_answer(question, opts, nodes, j, line0, after)
        if k < 0:
            if not asks(question):
                return -1  # lettered lines under a heading that asks nothing: read as they are
            self.drop(line0, "choice-question", f"{question[:40]!r}: options without the answer")
            return j
        return k

    def choice_answer(
        self, question: str, opts: list[Option], nodes: list[Node], j: int, line0: int, said: str = ""
    ) -> int:
        """The card of a multiple-choice question whose options are read: the right options (marked, or said in
        ``said`` or in the paragraph after the options, maybe under an ``Answer`` line of its own), then the
        explanation. Returns the index of the next node to read, or -1 when the note gives no answer."""
        picked = marked_answer(opts)
        why: list[str] = []
        k = j
        if not picked and said:
            found = stated_answer(said, opts)
            if found is not None:
                picked, rest = found
                why.extend(t for t in rest.split("\n") if t.strip())
        if not picked and k < len(nodes) and nodes[k].kind == "paragraph":
            text = node_text(nodes[k])
            found = stated_answer(text, opts)
            if found is not None:
                picked, rest = found
                why.extend(t for t in rest.split("\n") if t.strip())
                k += 1
            elif answer_head(text) and k + 1 < len(nodes) and nodes[k + 1].kind == "paragraph":
                # "<details><summary>Answer</summary>" then "B. Glacier Deep Archive is the cheapest": the option's
                # key opens the answer.
                below = node_text(nodes[k + 1])
                first = lettered_start(below)
                by_key = {o.key: o for o in opts}
                if first is not None and first[0] in by_key:
                    picked = [by_key[first[0]]]
                    rest = below[first[1] :].strip()
                    if normalise(rest) != normalise(plain(picked[0].text)):
                        why.extend(t for t in rest.split("\n") if t.strip())
                    k += 2
        if not picked:
            return -1
        if k < len(nodes) and nodes[k].kind == "paragraph":
            text = node_text(nodes[k])
            if is_why(text):
                why.extend(t for t in text.split("\n") if t.strip())
                k += 1
        lines = [shown(o._replace(text=plain(o.text))) for o in picked] + why
        self.text_chars += len(question) + sum(len(t) for t in lines)
        self.add("choice-question", "definition", question, question, "\n".join(lines[:MAX_BACK_LINES]), line0)
        return k

    def choice_question(self, question: str, entries: list[Entry], nodes: list[Node], j: int, line0: int) -> bool:
        """A question, its numbered options, then ``答え：2`` / ``Answer: 1, 3`` (in the last option's lines, or the
        paragraph after the list): one card, the question → the right options and the explanation after them.
        ``self.answer_taken`` says how many nodes after the list the answer took (0 or 1)."""
        self.answer_taken = 0
        if not 2 <= len(entries) <= MAX_CHOICES or any(e.item.children for e in entries):
            return False
        last = entries[-1].item.text
        found = ANSWER_RE.search(last)
        texts = [e.item.text for e in entries]
        if found is not None:
            texts[-1] = last[: found.start()].rstrip()
        elif j < len(nodes) and nodes[j].kind == "paragraph":
            found = ANSWER_RE.match(plain(nodes[j].content).strip())
            self.answer_taken = 1 if found is not None else 0
        if found is None:
            return False
        picked = [int(n.translate(_WIDE_DIGITS)) for n in re.findall(r"[0-9０-９]+", found.group(1))]
        if not picked or any(not 1 <= n <= len(texts) for n in picked):
            return False
        lines = [f"{n}. {texts[n - 1]}" for n in picked]
        why = found.group(2).strip()
        if why:
            lines.append(why)
        self.add("choice-question", "definition", question, question, "\n".join(lines), line0)
        return True

    def qa_line(self, node: Node) -> bool:
        """``Q: …? A: …`` on one line (a ``|?|`` or ``|`` between them allowed): a question card. True when it
        made one."""
        m = _QA_LINE_RE.match(plain(node.content))
        if m is None or node.start in self.used:
            return False
        question, answer = squash(m.group(1)), m.group(2).strip()
        self.text_chars += len(question) + len(answer)
        return self.add("question", "definition", question, question, answer, node.start) >= 0

    def qa_paragraph(self, node: Node) -> bool:
        """``Q: …`` then ``A: …`` lines in one paragraph: a question card. True when it made one."""
        lines = [plain(line) for line in node.content.split("\n")]
        q, asked = strip_qa(lines[0])
        if not asked:
            return False
        for k in range(1, len(lines)):
            a, answered = strip_qa(lines[k])
            if answered and lines[k][:1] in "Aa答回":
                question = " ".join([q, *lines[1:k]]).strip()
                answer = "\n".join(t for t in [a, *lines[k + 1 :]] if t)
                self.text_chars += len(question) + len(answer)
                return self.add("question", "definition", question, question, answer, node.start) >= 0
        return False
