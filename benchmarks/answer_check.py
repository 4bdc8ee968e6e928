"""How long checking a typed answer keeps the UI thread, from an ordinary answer to the largest inputs.

Enter in the answer box checks the typed text on the UI thread (:meth:`TypedAnswer.check`: compare, diff, show the
verdict), so its cost is how long the key goes unanswered. Each case is checked ``--repeat`` times after the kana
dictionary is loaded (the study screen loads it in a worker before the first card, :func:`reading.warm_up`) and
with the readings' cache emptied (a card is checked once); the figure is the worst UI-thread CPU time
(``time.thread_time``, which the machine's load does not change):

* ``ordinary``: ``ｻｰﾊﾞﾚｽ`` for ``サーバーレス``;
* ``definition_typos``: a 300-character definition typed in full with a slip every 20 characters, in kana for
  its kanji;
* ``typed_max``: 2,000 characters (all the box takes) for a one-line answer;
* ``brackets_40``: an answer of 40 optional bracketed parts, typed without them;
* ``long_exact``: the longest answer a card asks to be typed (500 characters), typed in full without spaces;
* ``long_typos``: that answer typed with a slip every 20 characters;
* ``short_for_long``: a short answer typed for that longest answer;
* ``widget_max``: the ``typed_max`` case through the widget in a headless app, verdict shown on screen.

A card whose answer is longer than 500 characters is not answered by typing (``answer.typeable``): it is recalled
and flipped, as a list is.

    python benchmarks/answer_check.py [--repeat N] [--no-fail]

Goal: under 100 ms of UI-thread work for every case (printed beside each figure). The script exits 1 when a goal is
missed, unless ``--no-fail``. Last line: ``answer_check_worst_ms=<ms>``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Static  # noqa: E402

from devday_tui.core.answer import MAX_TYPED_ANSWER_CHARS, Verdict, check  # noqa: E402
from devday_tui.core.reading import reading, warm_up  # noqa: E402
from devday_tui.widgets.typed_answer import MAX_TYPED, TypedAnswer  # noqa: E402

GOAL_MS = 100.0
SENTENCE = "機械学習のモデルなどの AWS 側で全て用意されており、SaaS サービスとして利用可能。"
SENTENCE_KANA = "きかいがくしゅうのもでるなどの AWS がわですべてよういされており、SaaS さーびすとしてりようかのう。"


def with_slips(text: str, every: int = 20) -> str:
    """``text`` with one character in ``every`` replaced, as a fast typist's slips."""
    return "".join("X" if i % every == every - 1 else ch for i, ch in enumerate(text))


def cases() -> dict[str, tuple[str, str, Verdict | None]]:
    definition = (SENTENCE * 10)[:300]
    definition_kana = (SENTENCE_KANA * 10)[:300]
    long_answer = (SENTENCE * 60)[:MAX_TYPED_ANSWER_CHARS]
    return {
        "ordinary": ("ｻｰﾊﾞﾚｽ", "サーバーレス", Verdict.EXACT),
        "definition_typos": (with_slips(definition_kana), definition, None),
        "typed_max": (
            ("サーバレスではなくコンテナ" * 800)[:MAX_TYPED],
            "AWS Lambda のサーバレスな実行環境",
            Verdict.WRONG,
        ),
        "brackets_40": (
            "".join(f"語{i}" for i in range(40)),
            "".join(f"語{i}（補足{i}）" for i in range(40)),
            Verdict.EXACT,
        ),
        "long_exact": (long_answer.replace(" ", ""), long_answer, Verdict.EXACT),
        "long_typos": (with_slips(long_answer), long_answer, None),
        "short_for_long": ("さーばれす", long_answer, Verdict.WRONG),
    }


def time_cpu(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        reading.cache_clear()  # each card is checked once: its reading is not cached yet
        start = time.thread_time()
        fn()
        times.append(time.thread_time() - start)
    return times


class Host(App[None]):
    def __init__(self, expected: str) -> None:
        super().__init__()
        self.expected = expected

    def compose(self) -> ComposeResult:
        yield Static("front")
        yield TypedAnswer(self.expected)


async def widget_times(typed: str, expected: str, repeat: int) -> list[float]:
    app = Host(expected)
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        widget = app.query_one(TypedAnswer)
        for _ in range(repeat):
            reading.cache_clear()
            widget.reset()
            widget.value = typed
            await pilot.pause()
            start = time.thread_time()
            result = widget.check()
            await pilot.pause()  # the verdict painted
            times.append(time.thread_time() - start)
            assert result.verdict is Verdict.WRONG, result.verdict
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="checks per case")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 even when a goal is missed")
    args = parser.parse_args()
    load = os.getloadavg()
    start = time.perf_counter()
    warm_up()
    print(
        f"kana dictionary loaded in {(time.perf_counter() - start) * 1000:.0f} ms (in a worker, before the first card)"
    )
    figures: dict[str, float] = {}
    for name, (typed, expected, verdict) in cases().items():
        result = check(typed, expected)
        if verdict is not None and result.verdict is not verdict:
            raise SystemExit(f"{name}: expected {verdict.value}, got {result.verdict.value}: the case is wrong")
        times = time_cpu(lambda: check(typed, expected), args.repeat)
        figures[name] = max(times) * 1000
        print(
            f"  {name:<17} {len(typed):>6,} typed, {len(expected):>6,} answer ({result.verdict.value}): "
            f"{sorted(times)[len(times) // 2] * 1000:7.1f} ms median, {max(times) * 1000:7.1f} ms worst",
            flush=True,
        )
    typed, expected, _ = cases()["typed_max"]
    times = asyncio.run(widget_times(typed, expected, args.repeat))
    figures["widget_max"] = max(times) * 1000
    print(f"  {'widget_max':<17} the same through the widget, verdict painted: {max(times) * 1000:7.1f} ms worst")
    load_after = os.getloadavg()
    print(f"load average {load[0]:.2f} before, {load_after[0]:.2f} after ({os.cpu_count()} CPUs)")
    missed = []
    for name, ms in figures.items():
        ok = ms < GOAL_MS
        print(f"answer_check_{name}_ms={ms:.1f}  (goal < {GOAL_MS:.0f}: {'met' if ok else 'MISSED'})")
        if not ok:
            missed.append(name)
    worst = max(figures.values())
    print(f"answer_check_worst_ms={worst:.1f}")
    if missed and not args.no_fail:
        print(f"goal missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
