"""Two first starts at the same moment, on a machine with no device id yet: both get the same id (it is created
with O_EXCL; the one that comes second reads it, waiting while the first is still writing it)."""

from __future__ import annotations

from pathlib import Path

from tests.reliability.conftest import quick_and_long
from tests.store.damage import first_starts


@quick_and_long(20, 500)
def test_two_first_starts_agree_on_the_device_id(tmp_path: Path, trials: int, report) -> None:
    disagreements = first_starts(tmp_path, trials)
    report(f"two first starts at once: {trials} trials, {disagreements} disagreements")
    assert disagreements == 0
