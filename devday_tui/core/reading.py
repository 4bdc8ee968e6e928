"""Kana readings of kanji, so that a typed answer in kana counts for the kanji (``かんり`` for ``管理``).

The readings come from pykakasi, whose dictionary takes about two seconds to load. It is loaded lazily: never at
start-up, in a worker thread when typed answers are turned on (:func:`warm_up`), and at the latest by the first
check that needs a reading. Without pykakasi, answers are compared as written.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

_lock = threading.Lock()
_converter: Any = None
_unavailable = False


def _kakasi() -> Any:
    global _converter, _unavailable
    with _lock:
        if _converter is None and not _unavailable:
            try:
                import pykakasi

                _converter = pykakasi.kakasi()  # type: ignore[no-untyped-call]  # pykakasi is not annotated
            except Exception:  # not installed, or its dictionary cannot be read: compare as written
                _unavailable = True
        return _converter


def warm_up() -> None:
    """Load the dictionary now (call it from a worker thread), so that the first check does not wait."""
    _kakasi()


def has_kanji(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in "々〆ヶ" for ch in text)


def has_kana(text: str) -> bool:
    return any("\u3041" <= ch <= "\u30ff" for ch in text)


@lru_cache(maxsize=2048)
def reading(text: str) -> str | None:
    """``text`` with each run holding kanji replaced by its reading in hiragana, the rest as written (``AWS が
    管理する`` → ``AWS がかんりする``); ``None`` when it has no kanji or no reading can be had."""
    if not has_kanji(text):
        return None
    converter = _kakasi()
    if converter is None:
        return None
    try:
        parts = converter.convert(text)
    except Exception:
        return None
    out = "".join(p["hira"] if has_kanji(p["orig"]) else p["orig"] for p in parts)
    return out if out != text else None


__all__ = ["has_kana", "has_kanji", "reading", "warm_up"]
