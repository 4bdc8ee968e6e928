"""YAML frontmatter: find it, read it safely, and turn its values into the note's fields.

The frontmatter is split off by hand rather than with python-frontmatter so that line numbers of the body stay
exact (python-frontmatter strips the body) and so a byte order mark or CRLF line endings do not hide it.
YAML is read with a safe loader: tags such as ``!!python/object/apply`` are refused, never executed. Only
``true``/``false`` are booleans (YAML 1.2), so ``title: No`` stays the string ``No``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from devday_tui.core.model import ParseWarning
from devday_tui.core.text import strip_controls

try:  # libyaml when present: same safety, ten times faster
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):  # type: ignore[misc]  # its base is picked at import time, libyaml or not
    """A safe loader whose only booleans are true and false."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> date | str:
    """A date such as 2026-13-45 is kept as text (and reported by whoever reads it), not a reason to drop all
    the metadata."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
for _first in "tTfF":
    _Loader.yaml_implicit_resolvers.setdefault(_first, []).insert(0, ("tag:yaml.org,2002:bool", _BOOL_RE))


def normalise_newlines(text: str) -> str:
    """Drop a byte order mark and turn CRLF and lone CR line endings into LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


@dataclass(slots=True)
class Frontmatter:
    meta: dict[str, Any]
    #: The Markdown after the frontmatter, lines unchanged.
    body: str
    #: How many file lines come before the body: body line ``i`` (0-based) is file line ``offset + i + 1``.
    offset: int
    warnings: list[ParseWarning] = field(default_factory=list)
    #: True when the file had a frontmatter block (even an unreadable one).
    present: bool = False


_OPEN_RE = re.compile(r"---[ \t]*\n")
_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def split_frontmatter(text: str, path: Path) -> Frontmatter:
    """Split ``text`` (already through :func:`normalise_newlines`) into metadata and body.

    Never raises: unreadable YAML gives an empty ``meta`` and a warning naming the file line.
    """
    opening = _OPEN_RE.match(text)
    if not opening:
        if text.startswith("+++"):
            return _toml_frontmatter(text, path)
        return Frontmatter({}, text, 0)
    close = _CLOSE_RE.search(text, opening.end())
    if close is None:
        # A lone `---` is a thematic break in Markdown; say so only when what follows looks like YAML.
        never_closed: list[ParseWarning] = []
        if re.match(r"---[ \t]*\n[A-Za-z_][\w -]*:", text):
            never_closed.append(ParseWarning(path, "frontmatter is never closed with '---'; read as Markdown", 1))
        return Frontmatter({}, text, 0, never_closed)
    yaml_text = text[opening.end() : close.start()]
    end = close.end()
    offset = text.count("\n", 0, end)
    if end < len(text):  # skip the newline that ends the closing line
        end += 1
        offset += 1
    body = text[end:]
    warnings: list[ParseWarning] = []
    meta: dict[str, Any] = {}
    try:
        loaded = yaml.load(yaml_text, Loader=_Loader) if yaml_text.strip() else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        # The file line: the YAML starts on line 2. An error found at the very end points at its last line.
        last = max(0, yaml_text.rstrip("\n").count("\n"))
        line = 2 + min(mark.line, last) if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        warnings.append(ParseWarning(path, f"frontmatter is not valid YAML ({problem}); metadata ignored", line))
    except (RecursionError, MemoryError, ValueError, OverflowError) as exc:
        warnings.append(ParseWarning(path, f"frontmatter could not be read ({type(exc).__name__}); ignored", 1))
    else:
        if isinstance(loaded, dict):
            meta = {str(k): v for k, v in loaded.items()}
        elif loaded is not None:
            warnings.append(ParseWarning(path, "frontmatter is not a set of 'key: value' pairs; metadata ignored", 2))
    return Frontmatter(meta, body, offset, warnings, present=True)


_TOML_OPEN_RE = re.compile(r"\+\+\+[ \t]*\n")
_TOML_CLOSE_RE = re.compile(r"^\+\+\+[ \t]*$", re.M)


def _toml_frontmatter(text: str, path: Path) -> Frontmatter:
    """Hugo's TOML frontmatter between ``+++`` lines: read like the YAML kind, never raising."""
    opening = _TOML_OPEN_RE.match(text)
    close = _TOML_CLOSE_RE.search(text, opening.end()) if opening else None
    if opening is None or close is None:
        return Frontmatter({}, text, 0)
    end = close.end()
    offset = text.count("\n", 0, end)
    if end < len(text):
        end += 1
        offset += 1
    warnings: list[ParseWarning] = []
    meta: dict[str, Any] = {}
    try:
        meta = {str(k): v for k, v in tomllib.loads(text[opening.end() : close.start()]).items()}
    except (tomllib.TOMLDecodeError, RecursionError, ValueError, OverflowError) as exc:
        warnings.append(ParseWarning(path, f"frontmatter is not valid TOML ({exc}); metadata ignored", 1))
    return Frontmatter(meta, text[end:], offset, warnings, present=True)


def key_line(text: str, key: str, offset: int) -> int | None:
    """The file line (1-based) of ``key:`` at the start of a line among the first ``offset`` lines of ``text``
    (the frontmatter), or None."""
    m = re.compile(rf"^{re.escape(key)}[ \t]*:", re.M).search(text, 0, _line_start(text, offset))
    return text.count("\n", 0, m.start()) + 1 if m else None


def _line_start(text: str, line: int) -> int:
    """Where 0-based line ``line`` of ``text`` starts (the end of the text if it has fewer lines)."""
    at = 0
    for _ in range(line):
        at = text.find("\n", at) + 1
        if at == 0:
            return len(text)
    return at


def meta_text(value: Any) -> str | None:
    """A scalar frontmatter value as text (dates and numbers too), or None for lists, maps and nulls."""
    if value is None or isinstance(value, (list, dict)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    text = strip_controls(str(value)).strip()
    return text or None


def meta_date(value: Any) -> date | None | str:
    """A date from frontmatter: a YAML date, a datetime, or an ISO string. A str return is an error message."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            return f"date {text!r} is not a date like 2019-10-03"
    return f"date {value!r} is not a date like 2019-10-03"


_TAG_SPLIT_RE = re.compile(r"[,\s]+")


def meta_tags(value: Any) -> tuple[str, ...]:
    """Tags from frontmatter: a list, or a string ``"a, b"`` / ``"a b"`` / ``"#a #b"``. Missing means none."""
    if value is None or value is False:
        return ()
    if isinstance(value, (list, tuple, set)):
        raw = [meta_text(v) for v in value]
        parts = [p for r in raw if r for p in ([r] if "," not in r else r.split(","))]
    else:
        text = meta_text(value) or ""
        parts = text.split(",") if "," in text else _TAG_SPLIT_RE.split(text)
    tags: list[str] = []
    for p in parts:
        p = p.strip().lstrip("#").strip()
        if p and p not in tags:
            tags.append(p)
    return tuple(tags)


def meta_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "on", "1")
    if isinstance(value, int):
        return value != 0
    return False
