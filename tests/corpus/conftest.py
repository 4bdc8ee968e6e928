"""``--update-corpus`` rewrites the expected-card files from the current parser instead of comparing.

The option is known when pytest is started on ``tests/corpus`` (or a file in it). From anywhere, the
environment variable ``UPDATE_CORPUS=1`` does the same.
"""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-corpus",
        action="store_true",
        default=False,
        help="rewrite tests/corpus/expected/*.cards.txt from the current parser (review the diff afterwards)",
    )


@pytest.fixture
def update_corpus(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-corpus", default=False)) or os.environ.get("UPDATE_CORPUS") == "1"
