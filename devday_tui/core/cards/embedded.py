"""Other languages pasted into a note's text: LaTeX math (read as plain text) and YAML pasted without a code fence
(blanked out), both in :func:`~devday_tui.core.cards.markup.normalize_body`, which keeps every line in place; and
code, commands, console output or links pasted as a paragraph, which the paragraph rules leave out; and where
prose wraps from one line onto the next, or math stays open across lines.

Every pattern here is linear: its repeats are bounded, possessive or anchored at the start of a line.
"""

from __future__ import annotations

import re

from devday_tui.core.cards.blocks import Node
from devday_tui.core.text import inline


def code_spans(line: str) -> list[tuple[int, int]]:
    """Inline code spans of one line, as (start, end): a backtick run closed by the next run of the same length."""
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", line)]
    if not runs:
        return []
    # For each run, the index of the next run of the same length (one pass from the right).
    nxt: list[int] = [-1] * len(runs)
    last: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        n = runs[i][1] - runs[i][0]
        nxt[i] = last.get(n, -1)
        last[n] = i
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        j = nxt[i]
        if j < 0:
            i += 1
            continue
        spans.append((runs[i][0], runs[j][1]))
        i = j + 1
    return spans


# --- math -------------------------------------------------------------------------------------------------------

#: Inline math, ``$…$`` or ``$$…$$`` on one line (its body one possessive run: each ``$`` is tried once). Only a body
#: that :func:`_is_math` finds math is rewritten (a price, ``$5 and $10``, is none).
_MATH_RE = re.compile(r"\$\$?+([^$\n]{1,1000}+)\$\$?")
_LATEX_COMMAND_RE = re.compile(r"\\[A-Za-z]")
#: A number with an exponent: ``10^{-3}``, ``2^10``.
_POWER_RE = re.compile(r"[0-9]{1,6}(?:\.[0-9]{1,6})?\^(?:\{-?[0-9]{1,4}\}|-?[0-9]{1,4})")
#: Commands that only style their last argument: ``\textcolor{red}{E}`` reads ``E``.
_STYLE_RE = re.compile(
    r"\\(?:textcolor|colorbox)\{[^{}]{0,40}\}\{([^{}]{0,300})\}"
    r"|\\(?:text|mathrm|mathbf|mathit|mathsf|mathtt|mathcal|mathbb|mathfrak|mathscr|textbf|textit|operatorname"
    r"|boldsymbol|bm|mbox)\{([^{}]{0,300})\}"
)
_FRAC_RE = re.compile(r"\\[dt]?frac[ \t]*+\{([^{}]{0,200})\}[ \t]*+\{([^{}]{0,200})\}")
#: A sub- or superscript in braces: ``Y_{i}``, ``\\sum_{i=1}^{n}``, read ``Y_i``, ``Σ_(i=1)^n``.
_SCRIPT_RE = re.compile(r"([_^])\{([^{}]{1,40})\}")
_SQRT_RE = re.compile(r"\\sqrt(?:\[([^\]{}]{0,20})\])?[ \t]*+\{([^{}]{0,200})\}")
#: A matrix or another environment of rows (``\\begin{bmatrix} x_0 \\\\ x_1 \\end{bmatrix}``), its body bounded.
_ENV_RE = re.compile(r"\\begin\{([A-Za-z]{1,12})\*?\}(?:\{[^{}]{0,20}\})?(.{0,1000}?)\\end\{\1\*?\}")
_BRACKETS = {"bmatrix": "[]", "pmatrix": "()", "vmatrix": "||", "Bmatrix": "{}", "Vmatrix": "‖‖", "matrix": "[]"}
#: Math without a command that is still math: one letter (``$F$``, ``$ n $``), or a name with a sub- or superscript
#: (``$x^{(i)}_j$``, ``$10^{-3}$``, ``$X^T X$``) and no word outside braces (``$PATH_VAR$`` is a shell variable).
_BARE_MATH_RE = re.compile(r"\A[ \t]*+(?:[A-Za-z][ \t]*+\Z|[^_^$]*+(?<=[A-Za-z0-9})])[_^])")
_WORD_RE = re.compile(r"[A-Za-z]{3}")
#: An operand that needs no brackets: a command (``\\delta``).
_ATOM_RE = re.compile(r"\\[A-Za-z]{1,20}")
#: A fraction's part that needs none either: a letter with a one-letter subscript (``\\frac{a}{s_i}`` is ``a/s_i``).
_SUBSCRIPTED_RE = re.compile(r"[A-Za-z]_[A-Za-z0-9]")
#: Environments whose ``&`` only aligns the rows (``a &= b``), where other environments part cells.
_ALIGNED = frozenset("aligned align split gathered gather eqnarray alignat".split())
#: Accents over one letter or symbol: ``\hat\theta``, ``\overline{Y}``, ``\bar x``, as combining marks.
_ACCENT_RE = re.compile(
    r"\\(hat|widehat|bar|overline|tilde|widetilde|vec|dot)(?![A-Za-z])\s*+"
    r"(?:\{([^{}]{0,40})\}|\\([A-Za-z]+)|([A-Za-z0-9]))"
)
_ACCENTS = {
    "hat": "\u0302",
    "widehat": "\u0302",
    "bar": "\u0304",
    "overline": "\u0304",
    "tilde": "\u0303",
    "widetilde": "\u0303",
    "vec": "\u20d7",
    "dot": "\u0307",
}
#: A command's name ends before a letter with an accent (``\\langle\\hat{y}`` is ``\\langle`` then ``ŷ``).
_COMMAND_RE = re.compile(r"\\([A-Za-z]+)(?![\u0300-\u036f\u20d7])|\\[,;:! ]")
_SYMBOLS = {
    "times": "×",
    "cdot": "·",
    "div": "÷",
    "pm": "±",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "neq": "≠",
    "ne": "≠",
    "approx": "≈",
    "equiv": "≡",
    "to": "→",
    "rightarrow": "→",
    "Rightarrow": "⇒",
    "leftarrow": "←",
    "Leftarrow": "⇐",
    "leftrightarrow": "↔",
    "Leftrightarrow": "⇔",
    "infty": "∞",
    "sum": "Σ",
    "prod": "Π",
    "int": "∫",
    "in": "∈",
    "notin": "∉",
    "subseteq": "⊆",
    "subset": "⊂",
    "supseteq": "⊇",
    "supset": "⊃",
    "cup": "∪",
    "cap": "∩",
    "emptyset": "∅",
    "forall": "∀",
    "exists": "∃",
    "neg": "¬",
    "lnot": "¬",
    "land": "∧",
    "wedge": "∧",
    "lor": "∨",
    "vee": "∨",
    "oplus": "⊕",
    "ldots": "…",
    "vdots": "⋮",
    "ddots": "⋱",
    "cdots": "⋯",
    "dots": "…",
    "partial": "∂",
    "nabla": "∇",
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "varepsilon": "ε",
    "zeta": "ζ",
    "eta": "η",
    "theta": "θ",
    "kappa": "κ",
    "lambda": "λ",
    "mu": "μ",
    "nu": "ν",
    "xi": "ξ",
    "pi": "π",
    "rho": "ρ",
    "sigma": "σ",
    "tau": "τ",
    "phi": "φ",
    "varphi": "φ",
    "chi": "χ",
    "psi": "ψ",
    "omega": "ω",
    "Gamma": "Γ",
    "Delta": "Δ",
    "Theta": "Θ",
    "Lambda": "Λ",
    "Pi": "Π",
    "Sigma": "Σ",
    "Phi": "Φ",
    "Psi": "Ψ",
    "Omega": "Ω",
    "limits": "",
    "nolimits": "",
    "displaystyle": "",
    "implies": "⇒",
    "iff": "⇔",
    "left": "",
    "right": "",
    "langle": "⟨",
    "rangle": "⟩",
    "lvert": "|",
    "rvert": "|",
    "vert": "|",
    "mid": "|",
    "lVert": "‖",
    "rVert": "‖",
    "Vert": "‖",
    "lfloor": "⌊",
    "rfloor": "⌋",
    "lceil": "⌈",
    "rceil": "⌉",
    "circ": "∘",
    "ast": "∗",
    "mapsto": "↦",
    "mp": "∓",
    "ell": "ℓ",
    "hbar": "ℏ",
    "quad": " ",
    "qquad": " ",
    "color": "",
}


def _operand(text: str) -> str:
    text = text.strip()
    if (text[:1] == "(" and text[-1:] == ")" and text.count("(") == 1) or _ATOM_RE.fullmatch(text):
        return text  # ^{(i)} is ^(i), \frac{\delta}{…} is δ/…
    letters = text.rstrip("".join(_ACCENTS.values()))  # (x̄ is one letter)
    return text if len(letters) <= 1 or text.isalnum() else f"({text})"


def _part(text: str) -> str:
    """A fraction's numerator or denominator: ``s_i`` alone needs no brackets (``2n_i`` and ``ab^2`` do)."""
    return text.strip() if _SUBSCRIPTED_RE.fullmatch(text.strip()) else _operand(text)


def _accented(m: re.Match[str]) -> str:
    if m.group(2) is not None:
        base = m.group(2).strip()
        if base[:1] == "\\" and base[1:].isalpha():
            base = _SYMBOLS.get(base[1:], base[1:])  # \hat{\beta}
    elif m.group(3) is not None:
        base = _SYMBOLS.get(m.group(3), m.group(3))
    else:
        base = m.group(4)
    return f"{base}{_ACCENTS[m.group(1)]}" if len(base) == 1 else f"({base}){_ACCENTS[m.group(1)]}"


def _math_text(tex: str) -> str:
    """LaTeX math as plain text: styling goes, ``\\frac{a}{b}`` reads ``a/b``, symbols are themselves."""
    if "\\begin" in tex:
        tex = _ENV_RE.sub(_rows, tex)
    tex = tex.replace("\\{", "\x01").replace("\\}", "\x02")  # set braces, kept when groups' braces go
    for _ in range(3):  # nested styling: \textcolor{red}{\mathbf{E}}
        tex = _STYLE_RE.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), tex)
        tex = _ACCENT_RE.sub(_accented, tex)
        tex = _SCRIPT_RE.sub(lambda m: m.group(1) + _operand(m.group(2)), tex)
        tex = _FRAC_RE.sub(lambda m: f"{_part(m.group(1))}/{_part(m.group(2))}", tex)
        tex = _SQRT_RE.sub(lambda m: f"{m.group(1) or ''}√{_operand(m.group(2))}", tex)
    tex = _COMMAND_RE.sub(lambda m: _SYMBOLS.get(m.group(1), m.group(1)) if m.group(1) else " ", tex)
    return " ".join(tex.replace("{", "").replace("}", "").replace("\x01", "{").replace("\x02", "}").split())


def _rows(m: re.Match[str]) -> str:
    """A matrix as ``[a, b; c, d]``, other environments as rows: ``cases`` ``1, x>0; 0, otherwise``, ``aligned``
    ``a = b; c = d``."""
    rows = [r for r in (row.strip() for row in m.group(2).split("\\\\")) if r]
    sep = " " if m.group(1) in _ALIGNED else ", "
    cells = "; ".join(sep.join(cell.strip() for cell in row.split("&")) for row in rows)
    brackets = _BRACKETS.get(m.group(1), "  ")
    return f"{brackets[0]}{cells}{brackets[1]}".strip()


def _is_math(body: str, after: str) -> bool:
    """Whether the body of ``$…$`` (``after``: the character after its closing ``$``) is math: it holds a LaTeX
    command, or is a letter, a name with a sub- or superscript or a set in escaped braces (``$y\\{-1, +1\\}$``),
    spaced alike on both sides, with no word of three letters outside braces. Prices (``$0.023/GB; 1 TB = 2^10
    GB → $23.55``), shell variables (``echo $A $B``, ``$DB_PW と $DB_ID``) and a regular expression's anchors
    (``a\\{2\\}$ matches aa``) are none."""
    if _LATEX_COMMAND_RE.search(body):
        return True
    if (after.isascii() and (after.isalnum() or after == "_")) or (body[:1] in " \t") != (body[-1:] in " \t"):
        return False
    bare = body.strip()
    if bare[:1].isdigit() and _POWER_RE.fullmatch(bare) is None:
        return False  # ($10^{-3}$ is a number)
    if "\\{" not in body and _BARE_MATH_RE.match(body) is None:
        return False
    outside = re.sub(r"\{[^{}]*\}", "", body) if "{" in body else body
    return _WORD_RE.search(outside) is None


def plain_math(line: str) -> str:
    """``line`` with its inline math (``$\\textcolor{red}{E}$``) as plain text, outside inline code."""
    spans = code_spans(line) if "`" in line else []

    def one(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in spans) or not _is_math(m.group(1), line[m.end() : m.end() + 1]):
            return m.group()
        return _math_text(m.group(1))

    return _MATH_RE.sub(one, line)


# --- YAML pasted without a fence ----------------------------------------------------------------------------------

#: A line that is only a key (``spec:``, ``- metadata:``), after a line end: a search skips from one line end to the
#: next, where a pattern opening with ``^`` would try every character.
BARE_KEY_RE = re.compile(r"\n[ \t]*+(?:- )?[a-z_][\w.-]{0,40}:[ \t]*+(?=\n|\Z)")
#: A line of YAML: ``key: value`` (a key of one word in lower case, as YAML's keys are, a value of a few words),
#: ``key:``, ``- key: value``, or an indented ``- value`` of one word.
_YAML_LINE_RE = re.compile(
    r"\A(?:([ \t]*+)(?:- )?[a-z_][\w./-]{0,60}:(?:[ \t]++(\S[^\n]{0,80}?))?[ \t]*+|[ \t]++- [^\s:]{1,40}[ \t]*+)"
)


def blank_yaml(text: str) -> str:
    """``text`` with YAML pasted without a code fence blanked out (a Kubernetes manifest between ``\"\"\"`` lines):
    its keys are no terms. A run of at least four YAML lines, two of them only a key and one of those with a more
    indented line under it; keys in lower case, values of at most four words, no Japanese (``gp2: General Purpose
    SSD`` lines are definitions, and a note's ``Pricing:`` over ``Storage: $0.023 per GB`` lines is no YAML)."""
    lines = text.split("\n")
    out = lines
    n = len(lines)
    first_blank = next((k for k, line in enumerate(lines) if not line.strip()), n)
    i = 0
    while i < n:
        j = i
        bare: list[int] = []
        while j < n:
            m = _YAML_LINE_RE.fullmatch(lines[j])
            if m is None:
                break
            value = m.group(2)
            if value is not None and (not value.isascii() or len(value.split()) > 4):
                break
            if m.group(1) is not None and value is None:
                bare.append(j)
            j += 1
        if (
            i > first_blank  # (the note's first block is its metadata: see the ``metadata`` rule)
            and j - i >= 4
            and len(bare) >= 2
            and any(k + 1 < j and _indent(lines[k + 1]) > _indent(lines[k]) for k in bare)
        ):
            if out is lines:
                out = list(lines)
            out[i:j] = [""] * (j - i)
        i = max(j, i + 1)
    return text if out is lines else "\n".join(out)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


# --- code, console output and links pasted into a paragraph ---------------------------------------------------------

#: Code pasted without a fence: a line that opens a block (``arr.map(x => {``) and a line
#: of only closing brackets (``}``, ``},``, ``]``, after a line number: ``7    }``); or a line of the frame a console
#: draws (``│ Error: …``, ``╷``); or a line that is only a block's head (below).
_OPENS_BLOCK_RE = re.compile(r"(?m)(?<![\\$])\{[ \t]*$")
_CLOSES_BLOCK_RE = re.compile(r"(?m)^[ \t]*(?:[0-9]{1,4}[ \t]+)?[}\]][ \t]*[;,)]?[ \t]*$")
_CONSOLE_FRAME_RE = re.compile(r"(?m)^[ \t]*[│┃╷╵]")
#: A line after a database shell's prompt: ``shop=# UPDATE Shohin``, ``shop-# SET …``, ``mysql> SELECT …``.
_PROMPT_LINE_RE = re.compile(r"\A[ \t]*+(?:[A-Za-z_]\w{0,30}[=-]#|mysql>|sqlite>|SQL>)[ \t]")
#: A line that is only the head of a block of configuration: ``provider "aws" {``, ``tags = {``, ``locals {``.
_BLOCK_HEAD_RE = re.compile(
    r'(?m)^[ \t]*[A-Za-z_][\w.-]{0,60}(?:[ \t]+(?:"[^"\n]{0,80}"|[A-Za-z_][\w.-]{0,60})){0,4}(?:[ \t]*=)?[ \t]*\{[ \t]*$'
)
#: A line that is one link alone: ``[ref2](https://github.com/…)``, ``[Rust](…/Rust_(programming_language))``.
_LINK_LINE_RE = re.compile(r"\[[^\]\n]{1,200}\]\([^()\s]{1,2000}(?:\([^()\s]{0,200}\)[^()\s]{0,200})?\)")


#: A line of a shell or PowerShell command: a cmdlet (``Install-Module -Name AzureAD``, ``Connect-AzureAD``) or a
#: variable set to a value of code (``$Profile.Password = "…"``, ``$x = New-Object …``; ``$HOME = the home
#: directory`` explains); or a line continued on the next (see ``_is_continued``).
_COMMAND_LINE_RE = re.compile(
    r"[A-Z][A-Za-z]{1,15}-[A-Z][A-Za-z]{1,40}(?:[ \t]+-[A-Za-z]|[ \t]*\Z)"
    r"|\\?\$[A-Za-z_][\w.]{0,60}[ \t]*=[ \t]*(?:[\"'$@\[(0-9]|[A-Z][A-Za-z]{1,15}-[A-Z])"
)
#: A continued line's text before its mark is at most this long.
_CONTINUED_MAX_CHARS = 401
#: A line of a command's options, continued from the line before: ``-UserPrincipalName "…"``, ``--output-table``.
_OPTION_LINE_RE = re.compile(r"-{1,2}[A-Za-z][\w-]{0,40}(?:[ \t=]|\Z)")
#: What makes a line a term and its explanation, not a command: ``Get-Process -Name chrome — lists …``, ``…: …``.
_EXPLAINS_RE = re.compile(r" [—–] |：|\*\*")


def is_unfenced_code(content: str) -> bool:
    """A paragraph of code or console output pasted without a fence (a line drawn in a box, or after a database
    shell's prompt: ``shop=# UPDATE Shohin``): its ``key = value`` lines are no terms."""
    return "\n" in content and (
        (_OPENS_BLOCK_RE.search(content) is not None and _CLOSES_BLOCK_RE.search(content) is not None)
        or _CONSOLE_FRAME_RE.search(content) is not None
        or _prompt_lines(content)
        or ("{" in content and _BLOCK_HEAD_RE.search(content) is not None)
        or _is_commands(content)
    )


def _prompt_lines(content: str) -> bool:
    """More than half the lines after a database shell's prompt: a session pasted (``VACUUM: …`` then one ``shop=#
    VACUUM VERBOSE shohin;`` line is a term and its example)."""
    lines = [t for t in content.split("\n") if t.strip()]
    return 2 * sum(_PROMPT_LINE_RE.match(t) is not None for t in lines) > len(lines)


def _explains_after_colon(line: str) -> bool:
    """``Get-Process -Name chrome: lists …``: a colon outside quotes and comments, then words (``Write-Host "a: b"``
    and ``… # tip: …`` are code)."""
    at = line.find(": ")
    return at > 0 and "#" not in line[:at] and '"' not in line[at:] and "'" not in line[at:]


def _is_continued(line: str) -> bool:
    """A line continued on the next: `` ` `` or ``\\`` at its end, after spaces after a word, a quote or a bracket
    (``az ad user create --display-name "Chris" \\``)."""
    if line[-1:] not in ("`", "\\") or line[-2:-1] not in (" ", "\t"):
        return False
    before = line[:-1].rstrip(" \t")
    return bool(before) and len(before) <= _CONTINUED_MAX_CHARS and (before[-1].isalnum() or before[-1] in "_\"')")


def _is_commands(content: str) -> bool:
    """Lines of shell or PowerShell commands, more than half of them: a command, a variable set, a continued line
    or the options it goes on with (``Install-Module -Name AzureAD`` then ``Connect-AzureAD``)."""
    lines = [t.strip() for t in content.split("\n") if t.strip()]
    strong = sum(_COMMAND_LINE_RE.match(t) is not None or _is_continued(t) for t in lines)
    if not strong:
        return False  # (most paragraphs: looked at first, before the cheat sheet's separators)
    if any(_EXPLAINS_RE.search(t) or _explains_after_colon(t) for t in lines):
        return False  # "Get-Process -Name chrome — lists the Chrome processes": a cheat sheet's terms
    options = sum(_OPTION_LINE_RE.match(t) is not None for t in lines)
    return 2 * (strong + options) > len(lines) and strong + options >= 2


def is_link_lines(content: str) -> bool:
    """A paragraph of links, one a line: ``[ref2](…)`` then ``[ref3](…)``."""
    return (
        "\n" in content and content[:1] == "[" and all(_LINK_LINE_RE.fullmatch(t.strip()) for t in content.split("\n"))
    )


# --- prose wrapped over lines, and math open across them ---------------------------------------------------------------

#: A line at least this long, not ending a sentence, may wrap onto the next (see ``wraps_on``).
WRAPPED_LINE_CHARS = 40


def wraps_on(before: str, line: str) -> bool:
    """Whether ``line`` goes on with an English sentence wrapped from the line ``before`` it (hard-wrapped prose:
    ``… behaviour of the real`` then ``world: Don't rely on …``)."""
    before = before.rstrip()
    return (
        len(before) > WRAPPED_LINE_CHARS
        and before[-1:].isascii()
        and before[-1:] not in ".!?:;"
        and line.lstrip()[:1].islower()
    )


#: A shell variable: ``$SHELL``, ``$HOME`` (no math's dollar).
_SHELL_VAR_RE = re.compile(r"\$[A-Za-z_][A-Za-z0-9_]{0,60}")


def shell_text(line: str) -> str:
    """A line as math's dollars are counted in it: a shell line (``$ echo $SHELL``) without its prompt and
    variables."""
    return _SHELL_VAR_RE.sub("", line[2:]) if line[:2] == "$ " else line


def in_math(line: str, inside: bool) -> bool:
    """Whether math is still open at the end of ``line``: ``$…$`` and ``$$…$$`` toggle it, ``\\begin{…}`` opens it
    and ``\\end{…}`` closes it."""
    if "\\end{" in line:
        return "\\begin{" in line[line.rindex("\\end{") :]
    if "\\begin{" in line:
        return True
    marks = line.count("$$") + line.replace("\\$", "").replace("$$", "").count("$")
    return inside ^ (marks % 2 == 1)


_HOST_RE = re.compile(r"(?:www\.)?((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24})", re.I)


def cites_site(content: str, text: str) -> bool:
    """A link whose text is only the host name of the page it links to (``developer.android.com`` linking to a
    page there, as blogs cite an embedded page): a source, not words of the note. A link to the site's home
    (``[caniuse.com](https://caniuse.com/)``) names the site."""
    if (found := _HOST_RE.fullmatch(text.strip())) is None:
        return False
    raw, host = content.casefold(), found.group(1).casefold()
    for needle in (f"//{host}/", f"//www.{host}/"):
        at = raw.find(needle) + len(needle)
        if at >= len(needle) and raw[at : at + 1] not in ("", ")", '"', "'", " ", ">"):
            return True  # a page there, not the site's home
    return False


#: An item opening with a bold name and what follows it: ``**Knative** (Kubernetes-native APIs …)``.
_BOLD_LEAD_RE = re.compile(r"\*\*([^*\n]{1,100})\*\*([^\n]*)")


def names_last_item(node: Node, name: str) -> bool:
    """Whether the last item of a list node opens with ``name`` in bold, something after it (``- **Knative**
    (Kubernetes-native APIs …)``): a link to ``name`` right after it is that item's reference."""
    last = node.children[-1].children[:1] if node.children else []
    if not last or last[0].kind != "paragraph":
        return False
    m = _BOLD_LEAD_RE.match(last[0].content)
    return m is not None and m.group(1).strip().casefold() == name.casefold() and bool(m.group(2).strip())


def only_a_link(content: str) -> bool:
    """Inline Markdown that is one link and nothing else (its text, whatever it holds, is the link's)."""
    content = content.strip()
    if content[:1] != "[" or content[-1:] != ")":
        return False
    shown = inline(content)
    return len(shown.protected) == 1 and shown.protected[0] == (0, len(shown.text))


__all__ = [
    "BARE_KEY_RE",
    "cites_site",
    "WRAPPED_LINE_CHARS",
    "blank_yaml",
    "code_spans",
    "in_math",
    "is_link_lines",
    "is_unfenced_code",
    "names_last_item",
    "only_a_link",
    "plain_math",
    "shell_text",
    "wraps_on",
]
