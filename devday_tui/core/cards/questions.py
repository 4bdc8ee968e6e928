"""Text that asks: questions (``〜とは``, ``What is …?``), tasks set as questions (``Design a rate limiter``), a
heading that is only a question's number (``Q17``, ``Question : 1``) and the line of its paragraph that asks,
the label of its answer (``Solution:``), exam objectives (``Describe the …``), and a principle glossed in other
words (``Automate security best practices: Use automation to …``). Pure text functions."""

from __future__ import annotations

import re

from devday_tui.core.cards.choices import OPTION_KEYS
from devday_tui.core.cards.shapes import INSTRUCTION_VERBS, two_thirds
from devday_tui.core.cards.split import split_term
from devday_tui.core.cards.terms import squash
from devday_tui.core.text import join_lines, normalise, plain

_QUESTION_START_RE = re.compile(r"(?:what|which|why|how|when|where|who|is|are|does|do|can)\b", re.I)
#: A line opening with a question word (When, How…) but no question mark asks when at most this long, or without a
#: comma: a longer line with a clause in it is a statement.
_ASKING_START_MAX_CHARS = 60
_QUOTES = "\"'“”‘’「」『』"
_QUESTION_ENDS = ("?", "？", "とは", "とは何", "とは何か", "って何", "って何？")
#: A heading that is only a question number: ``17.``, ``Q17``, ``問3``, ``第3問``, ``Question 17``, ``Question : 17``.
_NUMBER_HEADING_RE = re.compile(
    r"\A(?:(?:Q|No\.?|Question|問題?|設問) ?(?:[:：] ?)?)?[0-9０-９]{1,4} ?[.)．:：]?\Z|\A第 ?[0-9０-９]{1,4} ?問\Z"
    # a past exam's question code: H28S P21, R3A 問5, 2023-AM Q12 (two to four parts, each with a number)
    r"|\A(?=\S*[0-9])[A-Za-z]{0,3}[0-9]{1,4}[A-Za-z春秋]{0,2}(?:[ \-](?=\S*[0-9])(?:[A-Za-z]{0,3}|問|No\.)[0-9]{1,4}"
    r"[A-Za-z]{0,2}){1,3}\Z",
    re.I,
)
#: The topic of a first sentence: ``DRAMは、…``, ``相変化メモリとは、…`` or ``A DRAM is …``.
_TOPIC_RE = re.compile(
    r"\A([^、。，,\s]{1,24}?)と?は[、，,]"
    r"|\A(?:(?:An?|The) )?([A-Z][\w/+.-]{0,30}(?: [\w/+.-]{1,30}){0,3}) (?:is|are|refers to|means) "
)


def is_question(text: str) -> bool:
    """A line that asks something: ends in ``?``/``？`` or ``とは``, or starts ``What``, ``How``…"""
    text = text.strip()
    if text[:1] in _QUOTES:  # a question quoted from an exam: "What is the minimum …?"
        text = text.strip(_QUOTES)
    if text.endswith(_QUESTION_ENDS):
        return True
    # "How it works" asks; "When the call stack is empty, the event loop takes …" (a long line, no "?") tells.
    return _QUESTION_START_RE.match(text) is not None and (len(text) <= _ASKING_START_MAX_CHARS or "," not in text)


#: Verbs that open a task set as a question: ``Design a rate limiter``, ``Explain …``, ``Name three …``.
_PROMPT_VERBS = frozenset(
    """design implement explain describe write tell walk compare list name give define build draw estimate calculate
    solve prove find discuss outline""".split()
)


def asks_outright(text: str) -> bool:
    """A line that ends in a question mark (quotes around it aside): ``アカウントは何個くらい？``."""
    return text.strip().strip(_QUOTES).rstrip().endswith(("?", "？"))


def asks_or_sets(text: str) -> bool:
    """A question, or a task set as one (``Design a rate limiter``, ``〜を説明せよ``)."""
    text = text.strip()
    if is_question(text) or text.rstrip("。.").endswith(("せよ", "なさい", "答えよ", "述べよ")):
        return True
    return text.partition(" ")[0].casefold().rstrip(".:,") in _PROMPT_VERBS


def is_number_heading(text: str) -> bool:
    return _NUMBER_HEADING_RE.match(text.strip()) is not None


#: A line numbered by a word and a number: ``問１``, ``設問2``, ``Q3.``, ``Question 4``, ``Step 5``, ``(6)``.
_NUMBERED_LINE_RE = re.compile(
    r"\A[ \t]*+(?:(問題?|設問|Q|Question|Step|No\.?)[ \t]?|[(（])([0-9０-９]{1,3}+(?:[.．][0-9０-９]{1,3}+)*+)", re.I
)


def numbered_alike(first: str, rest: list[str]) -> bool:
    """Whether ``first``, the line after it and at least half of the lines ``rest`` open numbered alike (``問１`` …
    ``問２`` …): lines of one list written as a paragraph, none the explanation of the first (``(1) 需要が増える`` then
    ``価格が上がる`` then ``(2) …`` is a point and its explanation)."""
    m = _NUMBERED_LINE_RE.match(first)
    if m is None or not rest:
        return False
    word, number = (m.group(1) or "(").casefold(), m.group(2)
    alike = []
    for line in rest:
        n = _NUMBERED_LINE_RE.match(line)
        # ("Step 1" then "Step 1.1" are a step and its sub-steps; "Q1 2024" then "Q1 売上…" no list)
        alike.append(n is not None and (n.group(1) or "(").casefold() == word and not n.group(2).startswith(number))
    return alike[0] and 2 * sum(alike) >= len(rest)


#: A label that opens a question's answer: ``Solution :``, ``**Answer**``, ``解答``, ``解説：``.
_SOLUTION_RE = re.compile(r"(?:solutions?|answers?|ans\.?|解答|答え|回答|解説|正解)[ \t]*[:：]?", re.I)


def is_solution_label(content: str) -> bool:
    """A paragraph that is only the label of a question's answer (``**Solution :**``, ``解答``)."""
    return len(content) <= 40 and _SOLUTION_RE.fullmatch(plain(content).strip()) is not None


def question_line(content: str) -> str:
    """The line of a question's paragraph that asks: the first that is not a ``field: value`` setting the scene
    (``Use context: kubectl config use-context k8s``, ``Namespace: web``), else the first."""
    lines = [line for line in content.split("\n") if line.strip()]
    for line in lines:
        if split_term(line) is None:
            return squash(plain(line))
    return squash(plain(lines[0])) if lines else ""


def topic_of(sentence: str) -> str | None:
    """What a first sentence that is a statement is about (``DRAMは、…`` → ``DRAM``), or None."""
    if is_question(sentence):
        return None
    m = _TOPIC_RE.match(sentence.strip())
    return (m.group(1) or m.group(2)) if m else None


#: Verbs that open an exam objective: ``Describe the consumption-based model``, ``Understand Terraform basics``.
OBJECTIVE_VERBS = frozenset(
    """describe identify explain understand demonstrate recognize recognise compare know summarize summarise
    differentiate distinguish define list outline interpret read review study learn practice watch""".split()
)


#: How an interviewer's prompt starts: ``Tell me about a time …``, ``Describe a time when …``.
_PROMPT_RE = re.compile(r"(?:tell me about|describe a (?:time|situation)|give an example|walk me through)\b", re.I)


#: How a question asked in Japanese prose ends: ``…何モデルと呼ばれるか。``, ``OLTPとOLAPの違いは。``.
_OPEN_ENDS = (*_QUESTION_ENDS, "とは。", "とは？", "とは何か。", "か。", "か？", "は。")


#: A label or heading over the questions the author still has: ``Questions to AsyncProgramming:``, ``疑問点``.
#: (``Questions to ask:`` lists a speaker's advice; ``気になったこと`` is often points worth noting.)
_QUESTIONS_LABEL_RE = re.compile(
    r"(?:open|my) questions?\b|questions? (?:to|for|about) (?!ask\b)|疑問|調べたいこと", re.I
)


def is_questions_label(label: str, items: list[str]) -> bool:
    """A label over the author's own open questions: its items (nothing under them) answer nothing, and a third of
    them ask (``Questions about VPC`` over facts names them)."""
    return _QUESTIONS_LABEL_RE.match(label) is not None and 3 * sum(map(is_open_question, items)) >= len(items)


def is_open_question(text: str) -> bool:
    """A question or an interviewer's prompt, with no answer in the same line."""
    return text.rstrip().endswith(_OPEN_ENDS) or _PROMPT_RE.match(text) is not None


#: An exam guide's numbering before an objective: ``2.1 ``, ``Task Statement 1.3: ``, ``3.2.1. ``.
_OBJECTIVE_NUMBER_RE = re.compile(
    r"(?:task statement[ \t]*)?[0-9]{1,2}(?:\.[0-9]{1,2}){1,2}\.?[:：]?[ \t\u3000]+", re.I
)
#: Verbs that open a numbered objective besides the :data:`OBJECTIVE_VERBS`: ``1.2 Design secure workloads``.
_TASK_VERBS = frozenset(
    """design determine select choose implement apply create configure manage evaluate plan secure deploy monitor
    troubleshoot migrate optimize develop work view""".split()
)
#: How a Japanese objective ends: ``…ストレージを選択する。``, ``…を向上させる``, ``…を説明できる``: a verb.
_JA_OBJECTIVE_ENDS = ("る", "る。")


def _gerund_of_task(word: str) -> bool:
    """``Deploying``, ``Managing``, ``Planning``: the -ing form of a verb that opens an objective."""
    if len(word) < 5 or not word.endswith("ing"):
        return False
    stem = word[:-3]
    verbs = OBJECTIVE_VERBS | _TASK_VERBS | INSTRUCTION_VERBS
    return stem in verbs or stem + "e" in verbs or (stem[-1:] == stem[-2:-1] and stem[:-1] in verbs)


def is_gerund_objective(text: str) -> bool:
    """An exam guide's task written as a gerund phrase: ``Deploying a container application to GKE``, ``Managing
    a single VM instance`` (three words at least: ``Logging`` alone is a feature)."""
    words = text.split(None, 3)
    return len(words) >= 3 and words[0][:1].isupper() and _gerund_of_task(words[0].casefold())


def is_numbered_objective(text: str) -> bool:
    """An objective under an exam guide's number: ``2.1 パフォーマンスの高いストレージを選択する。``,
    ``Task Statement 1.1: Design secure access to AWS resources``."""
    if text[:1] not in "Tt" and not text[:1].isdigit():
        return False  # (most text: no number nor "Task Statement" first)
    m = _OBJECTIVE_NUMBER_RE.match(text)
    if m is None:
        return False
    rest = text[m.end() :].strip()
    first = rest.partition(" ")[0].casefold()
    return (
        rest.endswith(_JA_OBJECTIVE_ENDS) or first in OBJECTIVE_VERBS or first in _TASK_VERBS or _gerund_of_task(first)
    )


def is_objective(text: str) -> bool:
    """An exam objective or an instruction to the reader: ``Describe the …``, ``Identify the benefits of …``,
    ``2.1 …を選択する。``."""
    return (
        text.partition(" ")[0].casefold() in OBJECTIVE_VERBS or is_numbered_objective(text) or is_gerund_objective(text)
    )


#: Verbs that open a principle or a guideline, and the instruction that glosses it: ``Automate security best
#: practices``, ``Use automation to enforce …``, ``Stop guessing capacity``.
_IMPERATIVE_VERBS = (
    OBJECTIVE_VERBS
    | INSTRUCTION_VERBS
    | frozenset(
        """perform make refine anticipate implement enable apply automate protect keep prepare test scale stop manage
    democratize go use experiment consider design analyze analyse track minimize minimise maximize maximise reduce
    increase avoid prefer leverage encourage match ensure have treat adopt plan measure monitor build create deploy
    secure encrypt separate decouple isolate limit grant restrict enforce choose select optimize optimise improve
    recover""".split()
    )
)


def _imperative(text: str) -> bool:
    words = text.split(None, 2)
    if not words:
        return False
    first = words[0].casefold().strip(",.")
    if first in _IMPERATIVE_VERBS:
        return True
    # an adverb first: "Continuously improve …", "Regularly test …"
    return first.endswith("ly") and len(words) > 1 and words[1].casefold().strip(",.") in _IMPERATIVE_VERBS


def is_restated(front: str, back: str) -> bool:
    """A principle glossed in other words: a short instruction (``Automate security best practices``) whose
    definition is one more instruction of a line (``Use automation to enforce security policies.``). The names of
    the principles, in their list's card, are what to recall."""
    return (
        front.isascii()
        and 2 <= front.count(" ") + 1 <= 8
        and len(back) <= 120
        and "\n" not in back
        and ". " not in back.rstrip(". ")
        and _imperative(front)
        and _imperative(back)
    )


#: How a remark on the exam itself reads: ``Two questions on Cognito``, ``Cognito was included in many questions``,
#: ``CloudFormation does show up in the exam``, ``3問出題された``.
_EXAM_REMARK_RE = re.compile(
    r"\b(?:[0-9]+|two|three|four|five|many|several|lots of|plenty of|a few|few|some|a couple of) questions?\b"
    r"|\bquestions? (?:on|about|regarding)\b|\b(?:in|on|show(?:s|ed)? up in|appear(?:s|ed)? in|came up in) the exam\b"
    r"|出題され|問題が(?:出|多)|試験に(?:出|よく出)",
    re.I,
)


def is_exam_remark(text: str) -> bool:
    """What the author says of the exam they took (how many questions were on a topic), not a fact to learn."""
    # (Most items hold none of the pattern's words: a few substring tests skip the search.)
    if (
        "uestion" not in text
        and "xam" not in text
        and "出題" not in text
        and "問題が" not in text
        and "試験に" not in text
    ):
        return False
    return _EXAM_REMARK_RE.search(text) is not None


#: A domain's weight in an exam, at the end of its heading: ``(15%)``, ``（約 20 %）``.
_WEIGHT_RE = re.compile(r"[(（](?:約|about |~)?[ \t]?[0-9]{1,2}(?:\.[0-9])?[ \t]?[%％][)）]\s*\Z")


def is_blueprint(heading: str, texts: list[str]) -> bool:
    """An exam guide's objective as the heading (``Compare and contrast transmission media and transceivers.``,
    ``Given a scenario, …``) over the topics it covers, two thirds of them names (``Cellular``, ``802.3 standards``):
    what the exam asks about, not what was learnt. A heading that gives its domain's weight in the exam
    (``3. 移行の計画 (15%)``, ``Domain 1: Design Resilient Architectures (30%)``) is one too, over its task statements."""
    if heading[-1:] in ")）" and _WEIGHT_RE.search(heading):
        return len(texts) >= 2
    if not heading.endswith(".") or not heading[:1].isupper():
        return False
    first = heading.partition(" ")[0].casefold()
    if first not in OBJECTIVE_VERBS and not heading.startswith("Given a scenario"):
        return False
    return two_thirds(texts, lambda t: len(t.split()) <= 6 and not t.endswith((".", "。")))


def all_objectives(texts: list[str], *, under_objective: bool = False) -> bool:
    """An exam guide's objectives: at least three items, two thirds of them objectives, or all of them numbered
    (or all of them objectives, under an objective)."""
    if two_thirds(texts, is_objective):
        return True
    if under_objective and texts and all(is_objective(t) for t in texts):
        return True
    return bool(texts) and all(is_numbered_objective(t) for t in texts)


#: Headings of a question, and of its answer in the section after it (``#### 問題`` then ``#### 回答``).
_QUESTION_HEADS = frozenset("問題 設問 問い question".split())
_ANSWER_HEADS = frozenset("回答 解答 答え 正解 answer 解答と解説 答えと解説".split())
#: How an answer's line opens: ``正解 : PS1``, ``Answer: B``.
_ANSWER_LEAD_RE = re.compile(r"\A(?:正解|答え|解答|回答|正答|(?:correct )?answer)[ \t]*[:：][ \t]*", re.I)
#: An answer given under its own heading is at most this long (longer, it is an explanation).
ANSWER_MAX_CHARS = 200


def answered(question_heading: str, question: str, answer_heading: str, answer: str) -> tuple[str, str] | None:
    """A question under a heading of its own (``問題``, ``Question``) whose answer is under the next heading
    (``回答``, ``Answer``): (the question's line, the answer without its ``正解 :``), or None."""
    if normalise(question_heading).strip(" :：") not in _QUESTION_HEADS:
        return None
    if normalise(answer_heading).strip(" :：") not in _ANSWER_HEADS:
        return None
    lines = question.split("\n")
    # The whole paragraph asks when no line of it sets the scene (a question wrapped onto two lines).
    asked = question_line(question) if any(split_term(t) for t in lines) else squash(plain(join_lines(lines)))
    said = _ANSWER_LEAD_RE.sub("", plain(answer).strip(), count=1).strip()
    if not asked or not said or len(said) > ANSWER_MAX_CHARS:
        return None
    return asked, said


_OPTION_KEY_RE = re.compile(r"[A-Ha-h1-8１-８]|[(（][A-Ha-h1-8][)）]")


def is_option_key(text: str) -> bool:
    """An answer that is only an option's key: ``ア``, ``B``, ``3``, ``(c)``, ``②``."""
    text = text.strip(" .．。")
    return text in OPTION_KEYS or _OPTION_KEY_RE.fullmatch(text) is not None


def option_text(block: str, key: str) -> str:
    """The text of the option ``key`` names in a block of options (``ア：真陽性率と…`` on a line of its own, or
    ``- A. Route 53`` in a list), or an empty string."""
    key = key.strip(" .．。()（）")
    pattern = re.compile(
        rf"^[ \t]*(?:[-+*][ \t]+)?[(（]?{re.escape(key)}[)）]?[ \t]*[.．:：、)）][ \t]*(\S.{{0,{ANSWER_MAX_CHARS}}})$",
        re.M,
    )
    m = pattern.search(block)
    return f"{key}：{plain(m.group(1)).strip()}" if m else ""


#: A Japanese heading that denies a claim rather than naming a thing: ``特定のプロダクトではない``, ``すぐにアプリを
#: 作れる訳ではない`` (the paragraph under it argues for it). A symptom, ``インデックスが効かない``, ``接続できない``, and a
#: title, ``銀の弾丸はない``, name what the paragraph explains.
_CLAIM_END_RE = re.compile(r"(?:では|じゃ)(?:ない|ありません)\Z")


def says_nothing(heading: str) -> str | None:
    """Why a heading asks nothing of the paragraph under it, or None: an exclamation (``初参加！``, ``Hello World!``)
    or a claim (``特定のプロダクトではない``)."""
    if heading.endswith("！") or (heading[-1:] == "!" and heading[-2:-1] > "\u3000"):
        return "is an exclamation, it asks nothing"
    if _CLAIM_END_RE.search(heading):
        return "states a claim, it asks nothing"
    return None
