"""Fixtures shared by every test: a fixed clock, private data and cache folders, and seeded randomness."""

from __future__ import annotations

import os
import random
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE_NOTES = REPO / "notes"
SAMPLE_DECKS = REPO / "decks"
SAMPLE_NOTE = SAMPLE_NOTES / "2019-10-03-aws-devday-day1.md"

#: The instant every test treats as "now" unless it moves the clock itself.
FIXED_NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user folders, and every run draws the same random numbers."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("DEVDAY_TUI_DATA", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    random.seed(1234)


@pytest.fixture
def utc_local_time():
    """Local time is UTC during the test, on every machine (study days and clock times on screen use it)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture
def now() -> datetime:
    return FIXED_NOW


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def sample_note() -> Path:
    return SAMPLE_NOTE
