"""Multiple-choice questions written in notes: their options, the ones the note marks as right, and where it says
the answer. Pure text functions; :mod:`.lists` and :mod:`.builder` make the ``choice-question`` cards from them.

Options are lettered lines or items (``A. …``, ``(B) …``, ``ア. …``, ``①…``), the items of a numbered list, or a
task list (``- [ ] …`` / ``- [x] …``). The right ones are marked (``[x]``, the whole option in bold, ``✅``,
``(正解)``), or the note says them after the options: ``Answer: B``, ``正解：イ``, ``答え: 2, 4``, or ``Answer`` alone
(a ``<details>`` summary) followed by the right option.
"""

from __future__ import annotations

import re
from typing import NamedTuple

#: The most options a multiple-choice question has.
MAX_CHOICES = 8
#: Lettered options need at least this many, in order (``A``, ``B``, ``C``…): two could be any pair of lines.
MIN_LETTERED = 3

_KATAKANA = "アイウエオカキク"
_KEY = r"[A-Ha-h]|[アイウエオカキク]|[①-⑧]"
#: An option's key before its text: ``A. ``, ``B) ``, ``(C) ``, ``（ア）``, ``イ．``, ``①``.
_KEY_RE = re.compile(rf"(?:[(（]({_KEY})[)）]|({_KEY})[.．)）:：]|([①-⑧]))[ \t\u3000]*")
#: A task-list option: ``[ ] 5 GB``, ``[x] 5 TB``.
_TASK_RE = re.compile(r"\[([ xX])\][ \t]+")
#: A mark the note puts on the right option.
_RIGHT_MARK_RE = re.compile(
    r"(?:✅|✔️?|☑️?|✓|[(（](?:正解|correct|answer|right)[)）]|(?:←|<-|⇐)[ \t]*(?:正解|correct|answer))",
    re.I,
)
_ANSWER_WORDS = r"正解|答え|解答|正答|(?:the[ \t]+)?(?:correct[ \t]+)?answers?|ans\.?"
_ANSWER_KEY = rf"{_KEY}|[0-9０-９]{{1,2}}"
#: Where the note says the answer: ``Answer: B``, ``正解：イ``, ``答えは 2, 4``, ``Correct answer is A and C``.
STATED_RE = re.compile(
    rf"(?:{_ANSWER_WORDS})[ \t]*(?:は|is|are)?[ \t]*[:：=＝]?[ \t]*\**[ \t]*"
    rf"((?:{_ANSWER_KEY})(?:[ \t]*(?:[,，、/&]|and|と)[ \t]*(?:{_ANSWER_KEY})){{0,7}})"
    r"(?![A-Za-z0-9ぁ-んァ-ヶ一-龯])",
    re.I,
)
#: What separates the keys of an answer: ``A, C``, ``2・4``, ``A and C``, ``アとウ``.
_KEY_SEPARATOR_RE = re.compile(r"[,，、/&]|\band\b|と", re.I)
#: A paragraph that only announces the answer below it (a ``<details>`` summary): ``Answer``, ``解答・解説``.
_ANSWER_HEAD_RE = re.compile(
    rf"\A(?:show[ \t]+)?(?:{_ANSWER_WORDS})(?:[ \t]*[・/&][ \t]*(?:解説|explanation))?[:：]?\Z", re.I
)
#: How an explanation after the answer opens.
_WHY_RE = re.compile(r"\A(?:解説|説明|理由|ポイント|explanation|reason|why|because)", re.I)
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")
_BOLD_RE = re.compile(r"\A(?:\*\*|__)(.+)(?:\*\*|__)\Z")
#: An item opening with a term in bold and its definition: ``**DNS Resolver**: is responsible …``.
_BOLD_TERM_RE = re.compile(r"(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)[ \t]*[:：]")


class Option(NamedTuple):
    key: str  # "A", "イ", "2"; "" for a task-list option
    text: str  # without its key, as written (inline Markdown)
    marked: bool  # the note marks it as right


def _ordinal(key: str) -> int:
    if key in _KATAKANA:
        return _KATAKANA.index(key)
    if "①" <= key <= "⑧":
        return ord(key) - ord("①")
    return ord(key.upper()) - ord("A")


def _marked(text: str) -> tuple[str, bool]:
    """The option's text without the note's mark of a right answer, and whether it had one (all in bold, ✅…)."""
    m = _BOLD_RE.match(text)
    if m is not None and "**" not in m.group(1) and "__" not in m.group(1):
        return m.group(1).strip(), True
    if (
        "✅" in text
        or "✔" in text
        or "☑" in text
        or "✓" in text
        or "正解" in text
        or "orrect" in text
        or "nswer" in text
        or "ight" in text
    ):
        stripped = " ".join(_RIGHT_MARK_RE.sub(" ", text).split())
        if stripped != text.strip():
            return stripped, True
    return text, False


def lettered(lines: list[str]) -> list[Option] | None:
    """Lines that are lettered options in order (``A. …``, ``B. …``, ``C. …``), or None."""
    if not MIN_LETTERED <= len(lines) <= MAX_CHOICES:
        return None
    out: list[Option] = []
    for n, line in enumerate(lines):
        line = line.strip()
        m = _KEY_RE.match(line)
        whole = None
        if m is None and line[:1] in "*_" and (whole := _BOLD_RE.match(line)) is not None:
            line = whole.group(1).strip()  # "**C. OpenID Connect**": the whole option, key and all, in bold
            m = _KEY_RE.match(line)
        if m is None or m.end() >= len(line):
            return None
        key = m.group(1) or m.group(2) or m.group(3)
        if _ordinal(key) != n or (out and (key in _KATAKANA) != (out[0].key in _KATAKANA)):
            return None
        text, marked = _marked(line[m.end() :].strip())
        out.append(Option(key.upper() if key.isascii() else key, text, marked or whole is not None))
    return out


def options(lines: list[str], numbered: bool) -> list[Option] | None:
    """The options of a list whose items' first lines are ``lines``: lettered, a task list, or (``numbered``) the
    items of a numbered list; None when the items are no options."""
    found = lettered(lines)
    if found is not None:
        return found
    if not 2 <= len(lines) <= MAX_CHOICES:
        return None
    tasks = [_TASK_RE.match(line) for line in lines]
    if all(tasks):
        return [Option("", line[m.end() :].strip(), m.group(1) != " ") for line, m in zip(lines, tasks) if m]
    if numbered:
        # "1. **Browser cache**", "2. **DNS Resolver**: is responsible…": where the note sets its terms in bold before
        # their definitions, a whole item in bold is one more term, no mark of the right answer
        styled = any(_BOLD_TERM_RE.match(t) for t in map(str.strip, lines))
        out = []
        for n, line in enumerate(lines, 1):
            text, marked = _marked(line.strip())
            out.append(Option(str(n), text, marked and not (styled and _BOLD_RE.match(line.strip()) is not None)))
        return out
    return None


def marked_answer(opts: list[Option]) -> list[Option]:
    """The options the note marks as right, when it marks some but not all: ``[x]``, the whole option in bold,
    ``✅``. (A word in bold inside an option is as often a term as the answer: ``A. **AES** with a 256-bit key``.)"""
    right = [o for o in opts if o.marked]
    return right if 0 < len(right) < len(opts) else []


def stated_answer(text: str, opts: list[Option]) -> tuple[list[Option], str] | None:
    """``Answer: B`` (and why) in ``text``: the right options and the explanation after them; None when the text
    says no answer, or names a key that is no option."""
    m = STATED_RE.search(text)
    if m is None:
        return None
    rest = text[m.end() :]
    if re.match(r"[ \t]+[a-z]", rest):
        return None  # "Answer: a managed service" is prose
    keys = [k.strip() for k in _KEY_SEPARATOR_RE.split(m.group(1).translate(_WIDE)) if k.strip()]
    by_key = {o.key.upper() if o.key.isascii() else o.key: o for o in opts}
    picked = []
    for key in keys:
        option = by_key.get(key.upper() if key.isascii() else key)
        if option is None:
            return None
        picked.append(option)
    return picked, rest.lstrip(" \t*:：.。)）]】").strip()


def answer_head(text: str) -> bool:
    """A paragraph that only announces the answer below it: ``Answer``, ``解答・解説`` (a ``<details>`` summary)."""
    return len(text) <= 20 and _ANSWER_HEAD_RE.match(text.strip()) is not None


def is_why(text: str) -> bool:
    """A paragraph that explains the answer: ``解説：…``, ``Explanation: …``."""
    return _WHY_RE.match(text.strip()) is not None


def lettered_start(line: str) -> tuple[str, int] | None:
    """The key a line opens with, when it is a first option (``A. …``, ``(ア) …``, ``①…``) or any key, and where
    the text after it starts; None otherwise."""
    m = _KEY_RE.match(line.strip())
    if m is None:
        return None
    key = m.group(1) or m.group(2) or m.group(3)
    lead = len(line) - len(line.lstrip())
    return (key.upper() if key.isascii() else key), lead + m.end()


def key_at(line: str) -> int:
    """The place of the option key a line opens with (``A.`` 0, ``(イ)`` 1, ``③`` 2), or -1."""
    found = lettered_start(line)
    return _ordinal(found[0]) if found is not None else -1


#: How a question ends or what it asks for: ``…どれか。``, ``…選べ``, ``(Choose two)``.
_ASKS_RE = re.compile(r"(?:どれ|どの|いくつ|何|誰|いつ|どこ)[^。]{0,20}か[。．]?\Z|選[べびん]|choose|select|pick", re.I)


def asks(question: str) -> bool:
    """Whether a line asks a question that options answer."""
    text = question.strip()
    return text.endswith(("?", "？")) or _ASKS_RE.search(text) is not None or text[:5].casefold() in _ASK_STARTS


_ASK_STARTS = frozenset(("which", "what ", "how m", "where", "when "))


def shown(option: Option) -> str:
    """An option as a card's back shows it: its key, then its text."""
    return f"{option.key}. {option.text}" if option.key else option.text


#: The key of one option of a Japanese exam's question, as a term (``ア：正しい。…``): the option's explanation
#: answers nothing by its key alone.
OPTION_KEYS = frozenset("アイウエオカキク①②③④⑤⑥⑦⑧")


__all__ = [
    "MAX_CHOICES",
    "OPTION_KEYS",
    "Option",
    "answer_head",
    "asks",
    "is_why",
    "key_at",
    "lettered",
    "lettered_start",
    "marked_answer",
    "options",
    "shown",
    "stated_answer",
]
