"""A folder of 700 blog posts, some with Windows line ends, loads in seconds and reads like its LF twin.

Such a folder once never finished loading: a pattern run on every file backtracked exponentially on CRLF
frontmatter. The folder is generated (benchmarks/gen_corpus.py), not downloaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from gen_corpus import write_corpus  # noqa: E402

POSTS = 700
#: Blog posts carry long frontmatter: the lines the old pattern backtracked over.
FRONTMATTER_LINES = 30
POST_BYTES = 3_000
#: Far more than the load takes (about a second); only a hang gets near it.
HANG_SECONDS = 120

_SUMMARY = """
import hashlib, json, sys
from pathlib import Path
from devday_tui.library import load_library
lib = load_library([Path(sys.argv[1])], cache_dir=Path(sys.argv[2]))
print(json.dumps({
    "notes": len(lib.notes),
    "warnings": [str(w) for w in lib.warnings],
    "cards": hashlib.sha256("\\n".join(f"{c.front}\\t{c.back}\\t{c.note_key}" for c in lib.cards).encode()).hexdigest(),
    "count": len(lib.cards),
    "titles": sorted(n.title for n in lib.notes)[:5],
}))
"""


def summary(folder: Path, cache: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _SUMMARY, str(folder), str(cache)],
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_700_crlf_posts_with_frontmatter_load_like_their_lf_twins(tmp_path: Path) -> None:
    crlf, lf = tmp_path / "crlf", tmp_path / "lf"
    write_corpus(POSTS, crlf, "crlf", FRONTMATTER_LINES, POST_BYTES)
    write_corpus(POSTS, lf, "lf", FRONTMATTER_LINES, POST_BYTES)
    assert b"\r\n" in (crlf / "note-00000.md").read_bytes()

    got = summary(crlf, tmp_path / "cache-crlf")
    want = summary(lf, tmp_path / "cache-lf")
    assert got["notes"] == POSTS and got["warnings"] == []
    assert got["count"] > POSTS  # every post makes cards
    assert got == want  # the same notes, titles (from the frontmatter) and cards, line ends aside
    assert all(title.startswith("AWS DevDay") for title in got["titles"])


def test_a_mixed_folder_and_lone_cr_posts_load(tmp_path: Path) -> None:
    mixed, cr = tmp_path / "mixed", tmp_path / "cr"
    write_corpus(60, mixed, "mixed", FRONTMATTER_LINES, POST_BYTES)
    write_corpus(60, cr, "cr", FRONTMATTER_LINES, POST_BYTES)
    got_mixed = summary(mixed, tmp_path / "c1")
    got_cr = summary(cr, tmp_path / "c2")
    assert got_mixed["warnings"] == [] and got_cr["warnings"] == []
    assert got_mixed["cards"] == got_cr["cards"] and got_mixed["notes"] == got_cr["notes"] == 60
