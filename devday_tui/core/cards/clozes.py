"""The ``cloze`` rule: a sentence with bold (or highlighted) parts hides them, one card per hidden word; the
checks that leave a sentence shown (a hidden part that only points elsewhere, a label, small words, the author
speaking of themselves, a word the breadcrumb gives away)."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from devday_tui.core.cards.backs import is_pointer
from devday_tui.core.cards.impressions import ABOUT_PAGE_RE, is_impression
from devday_tui.core.cards.maker import HONORIFICS, CardMaker
from devday_tui.core.cards.questions import is_objective
from devday_tui.core.cards.terms import answers_earlier, is_anaphoric, is_qa_marker, is_remark
from devday_tui.core.model import CLOZE_BLANK
from devday_tui.core.text import Inline, content_length, is_wide, sentence_spans, word_at

#: A hidden part this long, of this many words or more, is a clause in bold, not a word to recall.
MAX_HIDDEN_CHARS = 80
MAX_HIDDEN_WORDS = 14
#: A cloze that points back (``However this is …``) shows the sentence before it when both fit in this much.
MAX_CLOZE_WITH_CONTEXT = 400
#: A cloze hides at most this many parts of one sentence (each is a card of its own, studied with the others shown).
MAX_BLANKS = 6
#: A cloze sentence needs at least this much left once the hidden parts are taken out.
MIN_CLOZE_REST_CHARS = 4

#: Words too small to be worth hiding on their own: ``Datacenter is **NOT** …`` asks nothing.
SMALL_WORDS = frozenset(
    """a an the is are was were be been not no yes and or but to of in on at by for with it its this that can may
    must will should do does did has have only all any very also more most never always の は が を に で と も や""".split()
)
#: Hashtags: ``#devops #kubernetes``.
HASHTAGS_RE = re.compile(r"(?:#[^\s#]+\s*)+")

#: What comes just before a hidden part that only points elsewhere: ``(see ［7d］)``, ``see also ［…］``, ``cf. ［RFC
#: 5280］``, ``See ［Chapter 3］`` opening its sentence, ``…, see ［Appendix B］`` (``Clients will see ［stale data］`` is
#: a verb).
_SEE_BEFORE_RE = re.compile(
    r"(?:\((?:see|cf\.?|siehe|voir)(?: also)?|\bsee also|\bcf\.|[,;][ \t]{0,2}see|\A[ \t]{0,2}(?:see|refer to))[ \t]{1,4}\Z",
    re.I,
)
#: What comes just after one, ending its sentence: ``［3.2節］を参照。``, ``［前述］参照)``, ``［…］を参照してください``
#: (``［/etc/resolv.conf］を参照して問い合わせ先を決める`` is a verb).
_SEE_AFTER_RE = re.compile(
    r"\A[ \t]{0,2}[をも]?参照(?:のこと|してください|して下さい|ください|下さい|すること|されたい)?[ \t]*(?:[。．.)）]|\Z)"
)
#: A sentence about its author: ``I think…``, ``my team``, ``私は``, ``僕も``. Bold there is emphasis, not a fact.
_FIRST_PERSON_RE = re.compile(r"(?<![A-Za-z.])I(?:'m|'ve|'d|’m|’ve)?(?= [a-z])|\b[Mm]y (?=[a-z])|私|僕")


#: A sentence that ends on the author's verdict: ``The keynote … was awesome.``, ``It was really fun!`` (not ``great``,
#: ``cool``, ``excellent``: ``the losses were great``, ``summers were cool`` are facts).
_VERDICT_RE = re.compile(
    r"\b(?:was|were)[ \t]+(?:really[ \t]+|so[ \t]+|very[ \t]+|truly[ \t]+|just[ \t]+)?"
    r"(?:awesome|amazing|fantastic|fun|brilliant|inspiring|wonderful)[.!]*[ \t]*\Z"
)


def _with_repeats(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (hidden parts of ``text[a:b]``) with every other place in ``text[a:b]`` where a hidden word of three
    characters or more shows again, as a word of its own (an ASCII word within a longer one is not: ``rust`` in
    ``trust``; Japanese has no spaces to tell words apart: ``トランザクション`` in ``トランザクション内`` is), in order."""
    low = text[a:b].lower()
    extra: list[tuple[int, int]] = []
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))  # the furthest end of the hidden parts so far
    for word in {text[s:e].strip().lower() for s, e in spans}:
        at = word_at(low, word) if len(word) >= 3 else -1
        while at >= 0:
            start, end = a + at, a + at + len(word)
            k = bisect_right(starts, end - 1) - 1  # the hidden parts starting before this place's end
            if k < 0 or reach[k] <= start:
                extra.append((start, end))
            at = word_at(low, word, end - a)
    return sorted(spans + extra) if extra else spans


_LOWER_RUN_RE = re.compile(r"[a-z]++(?![A-Za-z])")


def _ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _cuts_word(text: str, s: int, e: int) -> bool:
    """Whether the hidden ``text[s:e]`` is a letter or two of an English word: inside it (``li**s**ts``), or letters
    at its start or end (``**RE**presentational``, ``State **T**ransfer``); not a plural's ``s`` (``**AZ**s``), a
    figure (``**5**TB``, ``CO**2**``) nor Japanese (``**別**AZ``)."""
    part = text[s:e].strip()
    if len(part) > 2:
        return False
    before, after = _ascii_letter(text[s - 1 : s]), _ascii_letter(text[e : e + 1])
    if before and after:
        return True
    if not (part.isascii() and part.isalpha()):
        return False
    if after:
        tail = _LOWER_RUN_RE.match(text, e)
        return tail is not None and tail.group() not in ("s", "es")
    return before


def _asks_nothing(text: str, a: int, s: int, e: int) -> bool:
    """Whether the mark ``text[s:e]`` of the sentence opening at ``a`` asks nothing, and stays shown: it only points
    elsewhere (``(see ［7d］)``, ``［3.2節］を参照。``), or it is a question's or an answer's label (``**Q**: …``)."""
    mark = text[s:e]
    if (text[e : e + 1] in (":", "：") or mark[-1:] in (":", "：", ".")) and is_qa_marker(mark.rstrip(":：.").strip()):
        return True  # "**Q**: …", "**Q:** …", "**質問**：…"
    return (
        _SEE_BEFORE_RE.search(text[max(a, s - 12) : s]) is not None or _SEE_AFTER_RE.match(text[e : e + 16]) is not None
    )


#: Around a hidden part that is who gave a talk (``［…］ gave the first talk``, ``a talk by ［…］``, ``［…］さんの講演``)
#: or a speaker's talk alone (``Bas Vodde さんの ［…］。``); ``［…］さんが1995年に公開した`` (Ruby's author) is a fact.
_GAVE_TALK_RE = re.compile(
    r"(?<![ \t])[ \t]+(?:gave|gives|presented|delivered)[ \t]+(?:a|an|the|his|her|their|our)[ \t]+"
    r"(?:[A-Za-z]{1,12}[ \t]+){0,2}(?:talk|keynote|presentation)s?\b"
)
_TALK_BY_RE = re.compile(r"\b(?:talk|keynote|presentation|session)[ \t]+by[ \t]\Z", re.I)
_HONORIFIC_RE = re.compile(r"[ \t]?(?:さん|氏(?![名族]))")
_HONORIFIC_OF_RE = re.compile(r"(?:さん|氏)の[ \t]?\Z")
_TALK_WORDS_RE = re.compile(r"講演|発表|登壇|セッション|キーノート|トーク|LT|[Kk]eynote|[Tt]alk")


def _who_spoke(text: str, a: int, s: int, e: int, b: int) -> bool:
    """Whether the mark ``text[s:e]`` of the sentence ``text[a:b]`` is who gave a talk, or that person's talk."""
    if _GAVE_TALK_RE.match(text, e) or _TALK_BY_RE.search(text[max(a, s - 20) : s]):
        return True
    if _HONORIFIC_OF_RE.search(text[max(a, s - 8) : s]) and len(text[e:b].strip(" \t。.")) <= 2:
        return True  # "Bas Vodde さんの ［…］。": the sentence is only who and their talk
    return _HONORIFIC_RE.match(text, e) is not None and _TALK_WORDS_RE.search(text, a, b) is not None


#: A step's number: ``Step 3:``, ``手順2``, ``ステップ1``.
_STEP_RE = re.compile(r"(?:Step|STEP|手順|ステップ)[ \t]?[0-9０-９]{1,2}[:：.]?")


def weak_answers(answers: tuple[str, ...]) -> bool:
    """Hidden parts that ask nothing: only small words, only hashtags, or only a label (``Esempio:``, ``【具体例】``,
    ``Note:``)."""
    return all(a.casefold().strip(" .,!") in SMALL_WORDS or HASHTAGS_RE.fullmatch(a) or _is_label(a) for a in answers)


def _is_label(answer: str) -> bool:
    """A remark word as a label, maybe in brackets or before a colon: ``Esempio:``, ``【具体例】``, ``(Note)``."""
    answer = answer.strip()
    if not (answer.endswith((":", "：")) or (answer[:1] in "【[(（" and answer[-1:] in "】])）")):
        return False  # ("who has access, what they can do": question words in a sentence, no label)
    word = answer.rstrip(":：").strip("【】[]()（） ")
    # (a number is a value: ``(2020)``, ``443:``)
    return len(word) <= 12 and any(ch.isalpha() for ch in word) and is_remark(word)


def join_inlines(parts: list[tuple[int, Inline]]) -> tuple[Inline, list[int], list[int]]:
    """Join the inline text of several lines into one, keeping marks right; also the offset and line of each."""
    text = ""
    marks: list[tuple[int, int]] = []
    protected: list[tuple[int, int]] = []
    starts: list[int] = []
    lines: list[int] = []
    for line, inl in parts:
        piece = inl.text
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if not piece:
            continue
        if text:
            text += "" if (is_wide(text[-1]) and is_wide(piece[0])) else " "
        shift = len(text) - lead
        starts.append(len(text))
        lines.append(line)
        text += piece
        marks.extend((a + shift, b + shift) for a, b in inl.marks)
        protected.extend((a + shift, b + shift) for a, b in inl.protected)
    return Inline(text, tuple(marks), tuple(protected)), starts, lines


class ClozeRules(CardMaker):
    """Mixin of :class:`devday_tui.core.cards.builder.Builder`, under :class:`~devday_tui.core.cards.paragraphs.ParagraphRules`."""

    def cloze(self, prose: list[tuple[int, Inline]]) -> None:
        if not any(inl.marks for _, inl in prose):
            return
        joined, starts, lines = join_inlines(prose)
        text = joined.text
        # A bold link to a page to read (``**[Learn tutorial](…)**``) hides no answer.
        marks = sorted(m for m in joined.marks if not is_pointer(text[m[0] : m[1]]))
        if not marks:
            return
        spans = sentence_spans(text, joined.protected)
        # A sentence boundary never cuts a hidden part: merge sentences a mark crosses. Boundaries and marks are
        # both in text order and marks never overlap, so only the first mark ending after a boundary can cross it:
        # one pointer into the marks serves every boundary (linear in a line of thousands of sentences and marks).
        merged: list[list[int]] = []
        j = 0
        for a, b in spans:
            if merged:
                boundary = merged[-1][1]
                while j < len(marks) and marks[j][1] <= boundary:
                    j += 1
                if j < len(marks) and marks[j][0] < boundary:
                    merged[-1][1] = b
                    continue
            merged.append([a, b])
        k = 0
        for index, (a, b) in enumerate(merged):
            while k < len(marks) and marks[k][0] < a:
                k += 1
            end = k
            while end < len(marks) and marks[end][1] <= b:
                end += 1
            inside = marks[k:end]
            k = end
            # A hidden part that only points elsewhere ("(see ［7d］)") or labels a question ("**Q**: …") stays shown.
            lead = len(text[a:b]) - len(text[a:b].lstrip())
            line0 = lines[max(0, bisect_right(starts, a + lead) - 1)]
            asked = [(s, e) for s, e in inside if not _asks_nothing(text, a, s, e)]
            if not asked:
                if inside:
                    self.drop(line0, "weak-cloze", "the hidden part only points elsewhere (see ［7d］) or labels (Q:)")
                continue
            if any(_who_spoke(text, a, s, e, b) for s, e in asked):
                self.drop(line0, "weak-cloze", "the hidden part is who gave a talk, or the title of theirs: no fact")
                continue
            # The hidden word again in the sentence is hidden too: "A **transaction** groups statements so that
            # every statement in the transaction commits" would show its answer.
            inside = _with_repeats(text, a, b, asked)
            front_parts: list[str] = []
            rest_parts: list[str] = []
            at = a
            for s, e in inside:
                front_parts.append(text[at:s])
                rest_parts.append(text[at:s])
                front_parts.append(CLOZE_BLANK)
                at = e
            front_parts.append(text[at:b])
            rest_parts.append(text[at:b])
            answers = tuple(text[s:e].strip() for s, e in inside)
            if len(answers) > MAX_BLANKS:  # thirteen bold words in a paragraph of no sentence end: a list, not a cloze
                self.drop(line0, "weak-cloze", f"{len(answers)} blanks in one sentence: a list in bold, not a cloze")
                continue
            if not all(answers):
                continue
            left = content_length("".join(rest_parts))
            # Letters and digits only: "［…］（［…］）とは、［…］のことです。" keeps its brackets but nothing to recall
            # the hidden words from; one long blank ("Describe the ［…］") asks for a whole heading.
            hidden = sum(map(str.isalnum, "".join(answers)))
            kept = sum(map(str.isalnum, "".join(rest_parts)))
            if left < MIN_CLOZE_REST_CHARS or kept * (1 if len(answers) > 1 else 3) < hidden:
                self.drop(line0, "too-short", "too little is left around the hidden words")
                continue
            if any(_cuts_word(text, s, e) for s, e in inside):
                self.drop(
                    line0, "weak-cloze", "a letter or two of a word hidden (li［…］ts, ［…］ransfer) asks nothing"
                )
                continue
            if any(a.endswith(HONORIFICS) for a in answers):
                self.drop(line0, "weak-cloze", "hiding a person (笹田 耕一 さん): who, not what")
                continue
            if weak_answers(answers) or (
                len(answers) == 1 and _STEP_RE.fullmatch(answers[0]) and text[a:b].lstrip().startswith(answers[0])
            ):  # ("**Step 3:** Bob decrypts…": the step's number that opens it; "derived in **Step 3**" asks)
                self.drop(line0, "weak-cloze", f"hiding {answers[0]!r} asks nothing")
                continue
            if any(len(x) > MAX_HIDDEN_CHARS and len(x.split()) >= MAX_HIDDEN_WORDS for x in answers):
                # "**Unlike the Users resource, which uses a database back-end …, the Sessions resource will use
                # cookies,**": emphasis on a whole clause, which nobody recalls word for word
                self.drop(line0, "weak-cloze", "a hidden clause (14 words or more) is no word to recall")
                continue
            seen = "".join(rest_parts).split()
            if len(seen) <= 3 and seen and is_objective(seen[0]):
                self.drop(line0, "weak-cloze", "an instruction around the blank (Describe the ［…］) gives no cue")
                continue
            if len(seen) <= 2 and seen[0].casefold() in ("the", "a", "an") and text[a:b].isascii():
                # "The **reference counting** collector": a name with a word hidden, no sentence to recall it from
                # ("**UDP** is connectionless" is one)
                self.drop(line0, "too-short", "a name with a word hidden, no sentence around it")
                continue
            if any(self.in_breadcrumb(x, anywhere=False) for x in answers) or all(map(self.in_breadcrumb, answers)):
                self.drop(line0, "too-short", "a hidden word is in the breadcrumb shown above the card")
                continue
            if text[a:b].rstrip().endswith((":", "：")):
                self.drop(line0, "too-short", "a sentence that introduces what follows is no fact by itself")
                continue
            if (
                _FIRST_PERSON_RE.search(text, a, b)
                or ABOUT_PAGE_RE.search(text, a, b)
                or _VERDICT_RE.search(text, a, b)
            ):
                self.drop(line0, "first-person", "a sentence about the author or the page, not a fact to recall")
                continue
            if not text.isascii() and is_impression(text[a:b].strip()):
                # "今回は［…］の方が参加してくださりました！": what the attendee saw or did that day
                self.drop(line0, "first-person", "the author's day or impressions, not a fact to recall")
                continue
            if not index and answers_earlier(text[a:b]):
                self.drop(line0, "weak-cloze", "the sentence goes on from the paragraph before (Instead, …)")
                continue
            start = a
            if index and is_anaphoric(text[a:b]):
                # "Another newer approach is ［…］": the sentence before it says what it is about, so it is shown.
                # (A paragraph's first sentence points back to its heading, which the breadcrumb shows.)
                back = index - 1
                while back and text[merged[back][0] : merged[back][1]].lstrip()[:1].islower():
                    back -= 1  # "(i.e. add backup machines)." goes on with the sentence before it
                start = merged[back][0]
                if b - start > MAX_CLOZE_WITH_CONTEXT:
                    self.drop(line0, "weak-cloze", "the sentence points back (This…, However…) to one too long to show")
                    continue
            front = (text[start:a] + "".join(front_parts)).strip()
            shown = front.replace(CLOZE_BLANK, "\n").lower()
            if any(len(x) >= 3 and word_at(shown, x.lower()) >= 0 for x in answers):
                # "Raft elects a leader for each term. It also …: only the ［…］ accepts writes": the sentence before,
                # shown for what "It" means, names the hidden word
                self.drop(line0, "weak-cloze", "a hidden word shows elsewhere on the front")
                continue
            self.add("cloze", "cloze", front, front, text[start:b].strip(), line0, answers)


__all__ = ["HASHTAGS_RE", "MAX_BLANKS", "SMALL_WORDS", "ClozeRules", "join_inlines", "weak_answers"]
