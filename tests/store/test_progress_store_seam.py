"""The typed interface to progress, and what uses it without the screen, load neither the store nor the TUI."""

import subprocess
import sys
import textwrap

import pytest

from tests.conftest import REPO


@pytest.mark.parametrize("module", ["progress_store", "quiz_session", "card_actions"])
def test_the_seam_imports_no_store_no_tinydb_and_no_textual(module: str) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        import devday_tui.{module}
        bad = sorted(
            m for m in sys.modules if m.split(".")[0] in ("textual", "tinydb") or m.startswith("devday_tui.store")
        )
        print(",".join(bad))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"devday_tui.{module} pulled in: {out}"
