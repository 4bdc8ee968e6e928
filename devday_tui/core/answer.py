"""Checking a typed answer against a card's answer, in a way that understands Japanese input.

Both strings are reduced to a *comparison key* before they are compared:

- control and format characters are dropped (an answer made only of them counts as "nothing typed");
- NFKC folds full-width and half-width forms (``ｻｰﾊﾞﾚｽ`` → ``サーバレス``, ``ＡＷＳ`` → ``AWS``);
- case is folded (``dynamodb`` = ``DynamoDB``);
- katakana become hiragana (``サーバ`` = ``さーば``), small kana become full-size (``ァ`` = ``ア``);
- the long-vowel mark ``ー`` is dropped (``サーバーレス`` = ``サーバレス``);
- white space and quote marks (``「」『』""''``) are dropped anywhere, ``、`` reads as ``,`` and ``。`` as ``.``;
- punctuation at either end is dropped (``サーバレス。`` = ``サーバレス``);
- a bracketed part — ``( )``, ``[ ]``, ``【 】``, ``〔 〕``, full-width ones included — is optional: it may be left
  out or typed, with or without the brackets.

The typed key is then compared with the answer key using :class:`difflib.SequenceMatcher`. Its ratio is
``2 * M / T``: ``M`` characters matched, ``T`` characters in both keys together, so 1.0 means identical.

- **exact**: the keys are equal → suggested grade *Good*;
- **close**: the ratio is at least :data:`CLOSE_RATIO` (0.8: one slip in a five-character answer, two in ten)
  → *Hard*;
- **wrong**: anything else, or nothing typed → *Again*.

The result carries a character diff mapped back onto what the person typed and the answer as written, so a
screen can show exactly what differs. Everything here is pure: no I/O, no clock.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum
from itertools import product
from typing import Iterable, Sequence

from fsrs import Rating

from devday_tui.core.model import LIST_KINDS, Card

#: Ratio of :class:`difflib.SequenceMatcher` from which a non-exact answer counts as close.
CLOSE_RATIO = 0.8

#: Characters of a typed answer shown in a diff before the rest is cut with an ellipsis.
DIFF_DISPLAY_LIMIT = 300

#: Separators a person may type between the answers of a cloze card with several blanks.
PART_SEPARATORS = re.compile(r"\s*[,、，/／;；|｜]\s*|\s{2,}")

#: Bracket groups beyond this many are all kept or all left out together, not tried one by one.
_MAX_SINGLY_OPTIONAL_GROUPS = 4

_OPEN = {"(": ")", "[": "]", "【": "】", "〔": "〕", "〖": "〗", "⦅": "⦆", "〘": "〙"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_QUOTES = frozenset("「」『』\"'“”‘’〝〟｢｣")
_LONG_VOWELS = frozenset("ー")
_SMALL_KANA = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
_PUNCT_MAP = {"、": ",", "。": ".", "､": ",", "｡": "."}
_JOINING_MARKS = frozenset("\u3099\u309a\uff9e\uff9f")


class Verdict(str, Enum):
    EXACT = "exact"
    CLOSE = "close"
    WRONG = "wrong"
    EMPTY = "empty"

    @property
    def grade(self) -> Rating:
        """The grade suggested for this verdict."""
        return _GRADES[self]


_GRADES = {
    Verdict.EXACT: Rating.Good,
    Verdict.CLOSE: Rating.Hard,
    Verdict.WRONG: Rating.Again,
    Verdict.EMPTY: Rating.Again,
}
_ORDER = {Verdict.EXACT: 0, Verdict.CLOSE: 1, Verdict.WRONG: 2, Verdict.EMPTY: 3}


@dataclass(frozen=True, slots=True)
class DiffPart:
    """One run of the character diff.

    ``kind`` is ``same`` (typed as in the answer), ``extra`` (typed, not in the answer), ``missing`` (in the
    answer, not typed), ``ignored`` (in the answer, but not needed: spaces, ``ー``, an optional bracketed part)
    or ``sep`` (between the parts of a several-blank answer).
    """

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class AnswerCheck:
    typed: str
    expected: str
    verdict: Verdict
    ratio: float
    diff: tuple[DiffPart, ...]

    @property
    def grade(self) -> Rating:
        return self.verdict.grade

    @property
    def correct(self) -> bool:
        """Exact or close: the person knew the answer."""
        return self.verdict in (Verdict.EXACT, Verdict.CLOSE)

    @property
    def message(self) -> str:
        if self.verdict is Verdict.EMPTY:
            return "No answer typed"
        if self.verdict is Verdict.EXACT:
            return "Correct" if clean(self.typed).strip() == self.expected.strip() else "Correct (written differently)"
        alike = f"{self.ratio:.0%} alike"
        return f"Close: {alike}" if self.verdict is Verdict.CLOSE else f"Wrong: {alike}"


# --------------------------------------------------------------------------------------------- normalisation

_CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
# Terminal escape sequences go whole, parameters included: OSC ... BEL/ST, CSI, other two-byte escapes.
_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]"
)


def clean(text: str) -> str:
    """``text`` without terminal escape sequences and control, format, surrogate or unassigned characters.

    Line breaks and tabs become spaces.
    """
    text = _ESCAPES.sub("", text)
    out = []
    for ch in text:
        if ch in "\n\r\t":
            out.append(" ")
        elif unicodedata.category(ch) not in _CONTROL_CATEGORIES:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Tok:
    ch: str
    start: int  # span in the cleaned source string
    end: int
    bracket: int = 0  # 1 opening, 2 closing


def _chunks(text: str) -> Iterable[tuple[int, int]]:
    """Spans of one base character plus the marks that join it (so ``ﾊﾞ`` folds to ``バ`` as one)."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not (unicodedata.combining(text[i]) or text[i] in _JOINING_MARKS):
            yield start, i
            start = i


def _fold_char(ch: str) -> str:
    code = ord(ch)
    if 0x30A1 <= code <= 0x30F6:  # katakana → hiragana
        ch = chr(code - 0x60)
    elif ch in "ヽヾ":
        ch = chr(code - 0x60)
    return ch.translate(_SMALL_KANA)


def _tokens(text: str, *, lenient: bool = False) -> list[_Tok]:
    """The comparison characters of ``text`` (already cleaned), each with the source span it came from.

    ``lenient`` keeps quotes, long-vowel marks and brackets as plain characters: it is the fallback for an
    answer that would otherwise fold to nothing.
    """
    toks: list[_Tok] = []
    for start, end in _chunks(text):
        folded = unicodedata.normalize("NFKC", text[start:end]).casefold()
        for ch in unicodedata.normalize("NFKC", folded):
            if ch.isspace() or unicodedata.category(ch) in _CONTROL_CATEGORIES:
                continue
            if not lenient:
                if ch in _QUOTES or ch in _LONG_VOWELS:
                    continue
                if ch in _OPEN:
                    toks.append(_Tok(ch, start, end, 1))
                    continue
                if ch in _CLOSE:
                    toks.append(_Tok(ch, start, end, 2))
                    continue
            ch = _PUNCT_MAP.get(ch, ch)
            toks.append(_Tok(_fold_char(ch), start, end))
    return toks


def _groups(toks: Sequence[_Tok]) -> list[tuple[int, int]]:
    """Top-level bracket groups as (open index, close index), matching bracket kinds; unmatched ones are loose."""
    groups: list[tuple[int, int]] = []
    stack: list[int] = []
    for i, tok in enumerate(toks):
        if tok.bracket == 1:
            stack.append(i)
        elif tok.bracket == 2 and stack and _OPEN.get(toks[stack[-1]].ch) == tok.ch:
            opened = stack.pop()
            if not stack:
                groups.append((opened, i))
    return groups


def _strip_punct(idx: list[int], toks: Sequence[_Tok]) -> list[int]:
    lo, hi = 0, len(idx)
    while lo < hi and unicodedata.category(toks[idx[lo]].ch).startswith("P"):
        lo += 1
    while hi > lo and unicodedata.category(toks[idx[hi - 1]].ch).startswith("P"):
        hi -= 1
    return idx[lo:hi]


def _variants(toks: Sequence[_Tok]) -> list[list[int]]:
    """The token indices of each way to read ``toks``: every optional bracketed part in or out.

    Bracket characters never count. Returned lists are distinct and the first keeps every part.
    """
    groups = _groups(toks)
    if len(groups) <= _MAX_SINGLY_OPTIONAL_GROUPS:
        choices = list(product((False, True), repeat=len(groups)))
    else:
        choices = [(False,) * len(groups), (True,) * len(groups)]
    seen: set[tuple[int, ...]] = set()
    out: list[list[int]] = []
    for drop in choices:
        dropped: set[int] = set()
        for (a, b), d in zip(groups, drop):
            if d:
                dropped.update(range(a, b + 1))
        idx = [i for i, t in enumerate(toks) if not t.bracket and i not in dropped]
        idx = _strip_punct(idx, toks)
        key = tuple(idx)
        if key not in seen:
            seen.add(key)
            out.append(idx)
    return out


def normalise(text: str) -> str:
    """The comparison key of ``text`` with every bracketed part kept (brackets themselves dropped)."""
    cleaned = clean(text)
    toks = _tokens(cleaned)
    key = "".join(toks[i].ch for i in _variants(toks)[0])
    if not key:
        key = "".join(t.ch for t in _tokens(cleaned, lenient=True))
    return key


def equivalent(a: str, b: str) -> bool:
    """True when ``a`` typed for the answer ``b`` would be marked exact."""
    return check(a, b).verdict is Verdict.EXACT


# ------------------------------------------------------------------------------------------------ comparing


@dataclass(slots=True)
class _Side:
    text: str
    toks: list[_Tok]
    variants: list[list[int]]

    @classmethod
    def of(cls, text: str) -> "_Side":
        toks = _tokens(text)
        variants = _variants(toks)
        if not any(variants):
            toks = _tokens(text, lenient=True)
            variants = [list(range(len(toks)))]
        return cls(text, toks, variants)


def _best(typed: _Side, expected: _Side) -> tuple[float, list[int], list[int], SequenceMatcher | None]:
    best: tuple[float, list[int], list[int], SequenceMatcher | None] = (-1.0, [], [], None)
    for ti in typed.variants:
        a = "".join(typed.toks[i].ch for i in ti)
        for ei in expected.variants:
            b = "".join(expected.toks[i].ch for i in ei)
            if a == b:
                return 1.0, ti, ei, None
            if not a or not b:
                ratio = 0.0
                matcher = None
            else:
                limit = 2 * len(b) + 8
                if len(a) > limit:
                    # Longer than 1.5 times the answer, it cannot be close whatever it holds: compare only a
                    # prefix, enough for the diff, so that a pasted wall of text is still checked at once.
                    a_cut = a[:limit]
                    matcher = SequenceMatcher(None, a_cut, b, autojunk=False)
                    ratio = min(matcher.ratio(), 2 * len(b) / (len(a) + len(b)))
                else:
                    matcher = SequenceMatcher(None, a, b, autojunk=False)
                    ratio = matcher.ratio()
            if ratio > best[0]:
                best = (ratio, ti, ei, matcher)
    return best


def _diff(typed: _Side, ti: list[int], expected: _Side, ei: list[int], matcher: SequenceMatcher | None) -> list[DiffPart]:
    parts: list[DiffPart] = []

    def emit(kind: str, text: str) -> None:
        if not text:
            return
        if parts and parts[-1].kind == kind:
            parts[-1] = DiffPart(kind, parts[-1].text + text)
        else:
            parts.append(DiffPart(kind, text))

    epos = 0  # how far the answer's source text has been shown
    typed_shown = 0  # characters of the typed text shown so far

    def show_expected(j1: int, j2: int, kind: str) -> None:
        nonlocal epos
        for j in range(j1, j2):
            tok = expected.toks[ei[j]]
            if tok.start > epos:
                emit("ignored", expected.text[epos : tok.start])
                epos = tok.start
            if tok.end > epos:
                emit(kind, expected.text[epos : tok.end])
                epos = tok.end

    def typed_text(i1: int, i2: int) -> str:
        nonlocal typed_shown
        if i1 >= i2 or typed_shown > DIFF_DISPLAY_LIMIT:
            return ""
        start, end = typed.toks[ti[i1]].start, typed.toks[ti[i2 - 1]].end
        text = typed.text[start:end]
        room = DIFF_DISPLAY_LIMIT - typed_shown
        if len(text) > room:
            text = text[:room] + "…"
        typed_shown += len(text)
        return text

    if matcher is None:
        if ti and ei:  # equal keys
            show_expected(0, len(ei), "same")
        else:
            emit("extra", typed_text(0, len(ti)))
            show_expected(0, len(ei), "missing")
    else:
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                show_expected(j1, j2, "same")
            else:
                emit("extra", typed_text(i1, i2))
                show_expected(j1, j2, "missing")
        if matcher.a is not None and len(matcher.a) < len(ti):
            emit("extra", typed_text(len(matcher.a), len(ti)))
    emit("ignored", expected.text[epos:])
    return parts


def _verdict(ratio: float) -> Verdict:
    if ratio >= 1.0:
        return Verdict.EXACT
    if ratio >= CLOSE_RATIO:
        return Verdict.CLOSE
    return Verdict.WRONG


def _check_one(typed: str, expected: str) -> AnswerCheck:
    t, e = _Side.of(typed), _Side.of(expected)
    if not t.toks:
        return AnswerCheck(typed, expected, Verdict.EMPTY, 0.0, tuple(_diff(t, [], e, e.variants[0], None)))
    ratio, ti, ei, matcher = _best(t, e)
    ratio = max(ratio, 0.0)
    return AnswerCheck(typed, expected, _verdict(ratio), ratio, tuple(_diff(t, ti, e, ei, matcher)))


def check(typed: str, expected: str | Sequence[str]) -> AnswerCheck:
    """Compare what a person typed with the answer (one string, or the answers of a several-blank cloze).

    With several answers, the typed text is split at ``,``, ``、``, ``/``, ``;`` or ``|``; when it splits into
    as many parts, each part is checked against its answer and the worst verdict counts. Otherwise the whole
    typed text is checked against the answers written one after the other.
    """
    typed = clean(typed)
    answers = [clean(expected)] if isinstance(expected, str) else [clean(a) for a in expected]
    if not answers:
        raise ValueError("a card's answer cannot be empty")
    if len(answers) == 1:
        return _check_one(typed, answers[0])
    shown = " / ".join(answers)
    if not typed.strip():
        return AnswerCheck(typed, shown, Verdict.EMPTY, 0.0, (DiffPart("missing", shown),))
    pieces = [p for p in PART_SEPARATORS.split(typed.strip()) if p]
    if len(pieces) == len(answers):
        checks = [_check_one(p, a) for p, a in zip(pieces, answers)]
        verdict = max((c.verdict for c in checks), key=_ORDER.__getitem__)
        if verdict is Verdict.EMPTY:
            verdict = Verdict.WRONG
        diff: list[DiffPart] = []
        for n, c in enumerate(checks):
            if n:
                diff.append(DiffPart("sep", " / "))
            diff.extend(c.diff)
        ratio = sum(c.ratio for c in checks) / len(checks)
        return AnswerCheck(typed, shown, verdict, ratio, tuple(diff))
    whole = _check_one(PART_SEPARATORS.sub(" ", typed), " ".join(answers))
    return AnswerCheck(typed, shown, whole.verdict, whole.ratio, whole.diff)


# ----------------------------------------------------------------------------------------------------- cards


def typeable(card: Card) -> bool:
    """Cards answered by typing: definitions, clozes and explicit cards (list kinds are recalled item by item)."""
    return card.kind not in LIST_KINDS and bool(expected_answers(card))


def expected_answers(card: Card) -> tuple[str, ...]:
    """What a person is expected to type for ``card``: a cloze's hidden parts, otherwise its back."""
    if card.kind in LIST_KINDS or not isinstance(card.back, str):
        return ()
    if card.kind == "cloze" and card.answers:
        return tuple(card.answers)
    return (card.back,) if card.back.strip() else ()


def check_card(card: Card, typed: str) -> AnswerCheck:
    """Check ``typed`` against ``card``'s expected answer. Raises ``ValueError`` for a card not answered by typing."""
    answers = expected_answers(card)
    if not answers:
        raise ValueError(f"a {card.kind} card is not answered by typing")
    return check(typed, answers if len(answers) > 1 else answers[0])
