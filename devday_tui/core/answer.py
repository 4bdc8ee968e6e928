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
from devday_tui.core.reading import has_kana, has_kanji, reading
from devday_tui.core.text import strip_controls

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
#: Punctuation that never changes the grade (after NFKC and the map above): 、。，．,.・ and the middle dots.
_SOFT_PUNCT = frozenset(",.・·･")


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
    """The outcome of checking one typed answer.

    ``diff`` interleaves both texts (the answer as written, with typed-but-wrong runs before the runs they
    replace); ``typed_diff`` is the typed text alone (``same``, ``extra``, ``ignored``) and ``answer_diff`` the
    answer alone (``same``, ``missing``, ``ignored``), for showing the two on separate lines.
    """

    typed: str
    expected: str
    verdict: Verdict
    ratio: float
    diff: tuple[DiffPart, ...]
    typed_diff: tuple[DiffPart, ...] = ()
    answer_diff: tuple[DiffPart, ...] = ()

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


def clean(text: str) -> str:
    """``text`` without terminal escape sequences and control, format, surrogate or unassigned characters.

    Line breaks and tabs become spaces.
    """
    text = strip_controls(text.replace("\r", "\n"))
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
            if not lenient and ch in _SOFT_PUNCT and not (ch in ".," and _digits_around(text, start, end)):
                continue  # 、。,.・ between words are how one writes, not what one knows; 1.5 keeps its point
            toks.append(_Tok(_fold_char(ch), start, end))
    return toks


def _digits_around(text: str, start: int, end: int) -> bool:
    """Whether the characters either side of ``text[start:end]`` are digits (a decimal point, 1,000)."""
    before = unicodedata.normalize("NFKC", text[start - 1]) if start > 0 else ""
    after = unicodedata.normalize("NFKC", text[end]) if end < len(text) else ""
    return before.isdigit() and after.isdigit()


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


def _best(typed: _Side, expected: _Side) -> tuple[float, list[int], list[int], SequenceMatcher[str] | None]:
    best: tuple[float, list[int], list[int], SequenceMatcher[str] | None] = (-1.0, [], [], None)
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


class _Parts:
    """Diff runs being built, adjacent runs of one kind merged; text past ``limit`` characters is cut."""

    def __init__(self, limit: int | None = None) -> None:
        self.parts: list[DiffPart] = []
        self.limit = limit
        self.shown = 0

    def add(self, kind: str, text: str) -> str:
        """Add a run; returns the text actually added (cut at the limit)."""
        if not text:
            return ""
        if self.limit is not None:
            if self.shown >= self.limit:
                return ""
            room = self.limit - self.shown
            if len(text) > room:
                text = text[:room] + "…"
            self.shown += len(text)
        if self.parts and self.parts[-1].kind == kind:
            self.parts[-1] = DiffPart(kind, self.parts[-1].text + text)
        else:
            self.parts.append(DiffPart(kind, text))
        return text


class _Walker:
    """Shows one side's source text in order: the characters of compared tokens as asked, the rest as ignored."""

    def __init__(self, side: _Side, idx: list[int]) -> None:
        self.side = side
        self.idx = idx
        self.pos = 0

    def show(self, k1: int, k2: int, kind: str, *outs: _Parts) -> None:
        text = self.side.text
        for k in range(k1, k2):
            tok = self.side.toks[self.idx[k]]
            if tok.start > self.pos:
                for out in outs:
                    out.add("ignored", text[self.pos : tok.start])
                self.pos = tok.start
            if tok.end > self.pos:
                for out in outs:
                    out.add(kind, text[self.pos : tok.end])
                self.pos = tok.end

    def rest(self, *outs: _Parts) -> None:
        for out in outs:
            out.add("ignored", self.side.text[self.pos :])
        self.pos = len(self.side.text)


def _diff(
    typed: _Side, ti: list[int], expected: _Side, ei: list[int], matcher: SequenceMatcher[str] | None
) -> tuple[tuple[DiffPart, ...], tuple[DiffPart, ...], tuple[DiffPart, ...]]:
    """The merged diff, the typed text marked up, and the answer marked up."""
    merged, typed_out, answer_out = _Parts(), _Parts(DIFF_DISPLAY_LIMIT), _Parts()
    extras = _Parts(DIFF_DISPLAY_LIMIT)  # typed text shown inside the merged diff, cut like the typed line
    tw, ew = _Walker(typed, ti), _Walker(expected, ei)

    def extra(i1: int, i2: int) -> None:
        if i1 >= i2:
            return
        start, end = typed.toks[ti[i1]].start, typed.toks[ti[i2 - 1]].end
        merged.add("extra", extras.add("extra", typed.text[start:end]))
        tw.show(i1, i2, "extra", typed_out)

    if matcher is None:
        if ti and ei:  # equal keys
            tw.show(0, len(ti), "same", typed_out)
            ew.show(0, len(ei), "same", merged, answer_out)
        else:
            extra(0, len(ti))
            ew.show(0, len(ei), "missing", merged, answer_out)
    else:
        compared = 0  # how much of the typed text the matcher saw: all of it, or a prefix of a long answer
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                tw.show(i1, i2, "same", typed_out)
                ew.show(j1, j2, "same", merged, answer_out)
            else:
                extra(i1, i2)
                ew.show(j1, j2, "missing", merged, answer_out)
            compared = i2
        if compared < len(ti):
            extra(compared, len(ti))
    tw.rest(typed_out)
    ew.rest(merged, answer_out)
    return tuple(merged.parts), tuple(typed_out.parts), tuple(answer_out.parts)


def _verdict(ratio: float) -> Verdict:
    if ratio >= 1.0:
        return Verdict.EXACT
    if ratio >= CLOSE_RATIO:
        return Verdict.CLOSE
    return Verdict.WRONG


def _check_one(typed: str, expected: str) -> AnswerCheck:
    """Check against the answer as written and, for kana typed against kanji, against its reading too."""
    written = _check_written(typed, expected)
    if written.verdict in (Verdict.EXACT, Verdict.EMPTY) or not has_kana(typed) or not has_kanji(expected):
        return written
    # Far shorter than the answer (its bracketed parts left out), no reading of it can make the typed text close:
    # a reading is never shorter than what it reads.
    shortest = min((len(v) for v in _Side.of(expected).variants), default=len(expected))
    if 2 * len(typed) < CLOSE_RATIO * (len(typed) + shortest):
        return written
    kana = reading(expected)
    if kana is None:
        return written
    by_reading = _check_written(typed, kana)
    if by_reading.ratio <= written.ratio:
        return written
    if by_reading.verdict is Verdict.EXACT:  # the answer as written is enough: it was read right
        answer: tuple[DiffPart, ...] = (DiffPart("same", expected),)
    else:  # the reading, marked, shows what was missed
        answer = (DiffPart("ignored", expected + " ("), *by_reading.answer_diff, DiffPart("ignored", ")"))
    return AnswerCheck(
        typed, expected, by_reading.verdict, by_reading.ratio, by_reading.diff, by_reading.typed_diff, answer
    )


def _check_written(typed: str, expected: str) -> AnswerCheck:
    t, e = _Side.of(typed), _Side.of(expected)
    if not t.toks:
        merged, typed_parts, answer_parts = _diff(t, [], e, e.variants[0], None)
        return AnswerCheck(typed, expected, Verdict.EMPTY, 0.0, merged, typed_parts, answer_parts)
    ratio, ti, ei, matcher = _best(t, e)
    merged, typed_parts, answer_parts = _diff(t, ti, e, ei, matcher)
    return AnswerCheck(typed, expected, _verdict(max(ratio, 0.0)), max(ratio, 0.0), merged, typed_parts, answer_parts)


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
        missing = (DiffPart("missing", shown),)
        return AnswerCheck(typed, shown, Verdict.EMPTY, 0.0, missing, (), missing)
    pieces = [p for p in PART_SEPARATORS.split(typed.strip()) if p]
    if len(pieces) == len(answers):
        checks = [_check_one(p, a) for p, a in zip(pieces, answers)]
        verdict = max((c.verdict for c in checks), key=_ORDER.__getitem__)
        if verdict is Verdict.EMPTY:
            verdict = Verdict.WRONG
        ratio = sum(c.ratio for c in checks) / len(checks)
        return AnswerCheck(
            typed,
            shown,
            verdict,
            ratio,
            _joined(c.diff for c in checks),
            _joined(c.typed_diff for c in checks),
            _joined(c.answer_diff for c in checks),
        )
    whole = _check_one(PART_SEPARATORS.sub(" ", typed), " ".join(answers))
    return AnswerCheck(typed, shown, whole.verdict, whole.ratio, whole.diff, whole.typed_diff, whole.answer_diff)


def _joined(diffs: Iterable[tuple[DiffPart, ...]]) -> tuple[DiffPart, ...]:
    out: list[DiffPart] = []
    for n, diff in enumerate(diffs):
        if n:
            out.append(DiffPart("sep", " / "))
        out.extend(diff)
    return tuple(out)


# ----------------------------------------------------------------------------------------------------- cards


#: The longest answer a card asks to be typed: a longer back is recalled and flipped, as a list is.
MAX_TYPED_ANSWER_CHARS = 500


def typeable(card: Card) -> bool:
    """Cards answered by typing: definitions, clozes and explicit cards (list kinds are recalled item by item) whose
    answer is at most :data:`MAX_TYPED_ANSWER_CHARS` characters (nobody types a page from memory)."""
    if card.kind in LIST_KINDS:
        return False
    answers = expected_answers(card)
    return bool(answers) and sum(len(a) for a in answers) <= MAX_TYPED_ANSWER_CHARS


def expected_answers(card: Card) -> tuple[str, ...]:
    """What a person is expected to type for ``card``: a cloze's hidden parts, otherwise its back."""
    if card.kind in LIST_KINDS or not isinstance(card.back, str):
        return ()
    if card.kind == "cloze" and card.answers:
        # A word hidden twice ("A ［…］ groups statements … in the ［…］") is typed once.
        once: dict[str, str] = {}
        for answer in card.answers:
            once.setdefault(answer.casefold(), answer)
        return tuple(once.values())
    return (card.back,) if card.back.strip() else ()


def check_card(card: Card, typed: str) -> AnswerCheck:
    """Check ``typed`` against ``card``'s expected answer. Raises ``ValueError`` for a card not answered by typing."""
    answers = expected_answers(card)
    if not answers:
        raise ValueError(f"a {card.kind} card is not answered by typing")
    return check(typed, answers if len(answers) > 1 else answers[0])
