"""The ``worked-problem`` rule: a practice problem written out under labels, ``**問題**`` (the givens and the
question), ``**計算**`` or ``**解き方**`` (the working), ``**答え**`` (the answer), makes one card: the problem → the
answer, then the working when it fits. The givens (``解像度: 800 × 600``) and the working's steps (``1フレームあたりの
データ量`` → ``800 × 600 × 24 = …``) make no cards of their own: without the problem they answer nothing.

Every pattern here is linear: each is matched once against a short label.
"""

from __future__ import annotations

import re

from devday_tui.core.cards.blocks import LISTS, Node, node_text
from devday_tui.core.cards.maker import MAX_BACK_LINES, CardMaker
from devday_tui.core.text import plain

#: The longest paragraph that can be a label of a problem's part.
_LABEL_MAX_CHARS = 24
#: The label of a problem: ``問題``, ``例題 2``, ``Problem:``, ``Exercise 3``.
_PROBLEM_RE = re.compile(
    r"(?:問題|例題|設問|演習問題|練習問題|problem|exercise)(?:[ \t]*[0-9０-９]{1,3})?[ \t]*[:：]?", re.I
)
#: A list's mark at the start of a line of text.
_MARK_RE = re.compile(r"\A[ \t]*+(?:- |[0-9]{1,9}\. )")
#: How a problem's label can open (bold or not): a cheap test before the pattern.
PROBLEM_FIRSTS = frozenset("*_問例設演練PpEe")
#: The label of its answer: ``答え``, ``解答``, ``正解``, ``Answer:``, ``Solution``.
_ANSWER_RE = re.compile(r"(?:答え|解答|正解|answer|solution)[ \t]*[:：]?", re.I)
#: The label of its working: ``計算``, ``解き方``, ``考え方``, ``解説``, ``Working``, ``Calculation``, ``Explanation``.
_WORKING_RE = re.compile(r"(?:計算|計算過程|解き方|考え方|解法|解説|working|calculation|explanation)[ \t]*[:：]?", re.I)


def _label(node: Node) -> tuple[str, list[str]]:
    """What a paragraph's first line labels (``problem``, ``answer``, ``working``, or ``""``), and the text of its
    other lines (``**答え**`` then ``345.6 Mbps`` is one paragraph)."""
    if node.kind != "paragraph":
        return "", []
    first, _, rest = node.content.partition("\n")
    if len(first) > _LABEL_MAX_CHARS * 2:
        return "", []
    text = plain(first).strip()
    if len(text) > _LABEL_MAX_CHARS:
        return "", []
    if _PROBLEM_RE.fullmatch(text):
        label = "problem"
    elif _ANSWER_RE.fullmatch(text):
        label = "answer"
    elif _WORKING_RE.fullmatch(text):
        label = "working"
    else:
        return "", []
    return label, [t for t in (plain(line) for line in rest.split("\n")) if t] if rest else []


def _lines(nodes: list[Node], depth: int = 0) -> list[str]:
    """The text of blocks as lines: a paragraph's lines, a list's items (nested ones indented)."""
    out: list[str] = []
    for node in nodes:
        if node.kind == "paragraph":
            out.extend("  " * depth + line for line in node_text(node).split("\n"))
        elif node.kind in LISTS:
            for n, item in enumerate(node.children, start=node.level if node.kind == "ordered_list" else 1):
                lines = _lines(item.children, depth + 1)
                if lines:
                    mark = f"{n}. " if node.kind == "ordered_list" else "- "
                    lines[0] = "  " * depth + mark + lines[0].lstrip()
                out.extend(lines)
        elif node.kind == "code":
            out.extend("  " * depth + line for line in node.content.split("\n") if line.strip())
    return out


class ProblemRules(CardMaker):
    """Mixin of :class:`devday_tui.core.cards.builder.Builder`."""

    def worked_problem(self, nodes: list[Node], i: int) -> int:
        """The problem whose label is ``nodes[i]``, when an answer's label follows it: one card. Returns the index
        of the next node to read, or -1 (not a worked problem: nothing read)."""
        label, first = _label(nodes[i])
        if label != "problem":
            return -1
        parts: dict[str, list[str]] = {"problem": first, "working": [], "answer": []}
        part = "problem"
        j = i + 1
        while j < len(nodes):
            node = nodes[j]
            label, rest = _label(node)
            if label == "problem" or node.kind == "heading":
                break
            if label:
                part = label
                parts[part].extend(rest)
            else:
                parts[part].extend(_lines([node]))
            j += 1
        question, answer = parts["problem"], parts["answer"]
        if not question or not answer:
            return -1
        self.drop(nodes[i].start, "worked-problem", "its givens and working answer nothing without the problem")
        working = parts["working"]
        back = answer + working if len(answer) + len(working) <= MAX_BACK_LINES else answer
        front = " / ".join(_MARK_RE.sub("", line) for line in question)  # (a given's bullet says nothing here)
        self.text_chars += len(front) + sum(map(len, back))
        self.add("worked-problem", "definition", front, front, "\n".join(back), nodes[i].start)
        return j
