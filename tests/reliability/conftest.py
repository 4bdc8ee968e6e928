"""Fault-injection tests: real processes killed with SIGKILL, lock files removed, damaged files.

Each test has a quick variant, run by ``make test``, and a long one marked ``slow``, deselected by default
(``-m "not slow"`` in ``pyproject.toml``). Run the long ones with ``pytest -m slow tests/reliability``, or
everything with ``pytest -m "slow or not slow"``. Each test prints its figures (trials, acknowledged, lost);
``-s`` shows them.
"""

from __future__ import annotations

import pytest


def quick_and_long(quick: int, long: int) -> pytest.MarkDecorator:
    """Parametrize ``trials``: ``quick`` in the default run, ``long`` under the ``slow`` marker."""
    return pytest.mark.parametrize(
        "trials",
        [pytest.param(quick, id=f"{quick}-trials"), pytest.param(long, id=f"{long}-trials", marks=pytest.mark.slow)],
    )


@pytest.fixture
def report(capsys: pytest.CaptureFixture):
    """Print a figure line even without ``-s`` (shown in the terminal summary of the test run)."""

    def emit(text: str) -> None:
        with capsys.disabled():
            print(f"\n{text}")

    return emit
