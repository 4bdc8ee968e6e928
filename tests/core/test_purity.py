"""The core is reachable without the TUI or the database: importing it loads neither."""

import subprocess
import sys
import textwrap

from tests.conftest import REPO


def test_core_imports_no_textual_and_no_tinydb() -> None:
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import devday_tui.core as core
        for info in pkgutil.walk_packages(core.__path__, "devday_tui.core."):
            importlib.import_module(info.name)
        bad = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "tinydb"))
        print(",".join(bad))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"devday_tui.core pulled in: {out}"
