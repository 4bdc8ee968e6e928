"""Reading notes from disk: discovery, decks, skipped files, the parse cache, reloading, default paths."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import devday_tui.library as library
from devday_tui.core.parser import PARSER_VERSION
from devday_tui.library import cache as parse_cache
from devday_tui.library import check_paths, default_paths, load_library, parsing, paths, reading, reload_note
from tests.conftest import REPO, SAMPLE_DECKS, SAMPLE_NOTE, SAMPLE_NOTES

NOTE = "---\ntitle: {title}\ntags: [{tags}]\n---\n## Section\n\n- {term}: meaning of {term}\n"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def make_note(folder: Path, rel: str, term: str = "Term", tags: str = "", title: str | None = None) -> Path:
    return write(folder / rel, NOTE.format(title=title or rel, tags=tags, term=term))


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


# --- the sample ---------------------------------------------------------------------------------------------------


def test_default_library_is_the_repository_sample(cache: Path) -> None:
    lib = load_library(cache_dir=cache)
    assert lib.roots == [SAMPLE_NOTES, SAMPLE_DECKS]
    assert lib.notes_dir == SAMPLE_NOTES
    assert [n.path for n in lib.notes] == [SAMPLE_NOTE]
    assert [d.key for d in lib.decks] == ["aws-devday"]
    deck = lib.decks[0]
    assert deck.notes == lib.notes
    assert lib.cards == lib.notes[0].cards + deck.own_cards
    assert len(lib.cards) == len(lib.notes[0].cards) + 4
    assert lib.warnings == []
    card = lib.cards[10]
    assert lib.card(card.id) is card and lib.card("nope") is None
    note, sec = lib.section(card.section_id)
    assert note is lib.notes[0] and card.id in sec.card_ids
    assert lib.note_for(SAMPLE_NOTE) is note
    assert lib.note_for(Path("notes/../notes/2019-10-03-aws-devday-day1.md").absolute()) is note
    assert lib.note_for(Path("/nowhere.md")) is None


def test_sample_copies_in_the_package_match_the_repository() -> None:
    packaged = Path(library.__file__).parent.parent / "sample"
    for folder, name in ((SAMPLE_NOTES, "notes"), (SAMPLE_DECKS, "decks")):
        repo_files = sorted(p.name for p in folder.glob("*.md"))
        pkg_files = sorted(p.name for p in (packaged / name).glob("*.md"))
        assert repo_files == pkg_files and repo_files
        for file in repo_files:
            assert (folder / file).read_bytes() == (packaged / name / file).read_bytes(), file


# --- discovery ----------------------------------------------------------------------------------------------------


def test_folders_are_read_recursively_and_hidden_folders_skipped(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "b.md")
    make_note(notes, "a/z.md")
    make_note(notes, ".obsidian/hidden.md")
    make_note(notes, ".trash/old.md")
    write(notes / "readme.txt", "not a note")
    lib = load_library([notes], cache_dir=cache)
    assert [n.rel for n in lib.notes] == ["a/z.md", "b.md"]
    assert [n.key for n in lib.notes] == ["a/z.md", "b.md"]
    assert [(d.key, d.title) for d in lib.decks] == [("all", "All notes")]
    assert lib.notes_dir == notes


def test_markdown_suffix_is_read_as_md_is(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "a.md", "Alpha")
    make_note(notes, "_posts/2020-01-01-talk.markdown", "Beta")
    make_note(notes, "Upper.MARKDOWN", "Gamma")
    write(notes / "notes.mdown", "## Section\n\n- Delta: not read\n")
    write(notes / "decks" / "posts.md", "---\ntitle: Posts\ninclude: ['_posts/*.markdown']\n---\n")
    lib = load_library([notes], cache_dir=cache)
    assert [n.rel for n in lib.notes] == ["Upper.MARKDOWN", "_posts/2020-01-01-talk.markdown", "a.md"]
    decks = {d.key: d for d in lib.decks}
    assert [c.front for c in decks["posts"].cards] == ["Beta"]
    # A deck with no include takes both suffixes.
    write(notes / "decks" / "posts.md", "---\ntitle: Posts\n---\n")
    lib = load_library([notes], cache_dir=cache)
    assert sorted(c.front for c in lib.decks[0].cards) == ["Alpha", "Beta", "Gamma"]
    # A new .markdown file is picked up on reload, as a new .md file is.
    new = make_note(notes, "b.markdown", "Epsilon")
    assert "Epsilon" in [c.front for c in reload_note(lib, new).cards]


def test_a_file_given_twice_loads_once(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    path = make_note(notes, "a.md")
    lib = load_library([notes, path, notes / "." / "a.md"], cache_dir=cache)
    assert len(lib.notes) == 1


def test_deck_files_by_folder_or_by_include(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "aws/one.md", "One", tags="aws")
    make_note(notes, "gcp/two.md", "Two", tags="gcp")
    write(notes / "decks" / "aws.md", "---\ntitle: AWS\ninclude: ['aws/*.md']\n---\nQ::A\n")
    write(notes / "everything.md", "---\ntitle: Tagged\ninclude: '**/*.md'\ntags: [gcp]\n---\n")
    lib = load_library([notes], cache_dir=cache)
    assert [n.rel for n in lib.notes] == ["aws/one.md", "gcp/two.md"]
    decks = {d.key: d for d in lib.decks}
    assert set(decks) == {"aws", "everything"}
    assert [n.rel for n in decks["aws"].notes] == ["aws/one.md"]
    assert [c.front for c in decks["aws"].cards] == ["One", "Q"]
    assert [n.rel for n in decks["everything"].notes] == ["gcp/two.md"]
    assert [c.front for c in lib.cards] == ["One", "Two", "Q"]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends_are_normalised_once_for_notes_and_decks(tmp_path: Path, cache: Path, newline: str) -> None:
    """CRLF and lone-CR files read like LF ones: a deck is found by its ``include``, cards and lines match."""
    notes = tmp_path / "notes"
    frontmatter = "".join(f"key{i}: value {i}\n" for i in range(40))  # many lines before include (was exponential)
    deck = write(
        notes / "all.md", f"\ufeff---\n{frontmatter}include: '*.md'\n---\nQ::A\n".replace("\n", newline).encode()
    )
    note = f"---\ntitle: T\n{frontmatter}---\n## Section\n\n- Term: meaning\n".replace("\n", newline)
    write(notes / "note.md", note.encode())
    write(notes / "bad.md", f"## A{newline}{newline}caf".encode() + b"\xe9" + newline.encode())
    lib = load_library([notes], cache_dir=cache)
    assert [d.key for d in lib.decks] == ["all"] and lib.decks[0].path == deck
    assert [c.front for c in lib.cards] == ["Term", "Q"]
    section = lib.notes[0].sections[0]
    assert section.start_line == 44 and "\r" not in section.source
    (w,) = lib.warnings
    assert w.path.name == "bad.md" and w.line == 3
    warm = load_library([notes], cache_dir=cache)  # from the cache: sources restored from the same text
    assert warm.notes[0].sections[0].source == section.source


def test_notes_dir_is_never_a_decks_folder(tmp_path: Path, cache: Path) -> None:
    decks = tmp_path / "decks"
    write(decks / "d.md", "---\ntitle: D\n---\n")
    notes = tmp_path / "notes"
    make_note(notes, "a.md")
    assert load_library([decks, notes], cache_dir=cache).notes_dir == notes
    assert load_library([notes / "a.md"], cache_dir=cache).notes_dir == notes


def test_unreadable_files_are_skipped_with_a_warning(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "good.md")
    latin = write(notes / "latin1.md", "## Cafe\n\n- Terme: définition\n".encode("latin-1"))
    binary = write(notes / "binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(notes / "utf16.md", "## UTF-16\n\n- Term: meaning\n".encode("utf-16"))
    lib = load_library([notes], cache_dir=cache)
    assert sorted(n.rel for n in lib.notes) == ["good.md", "utf16.md"]
    by_path = {w.path: w for w in lib.warnings}
    assert set(by_path) == {latin, binary}
    assert "not UTF-8" in by_path[latin].message and by_path[latin].line == 3
    assert "binary" in by_path[binary].message
    assert all("skipped" in w.message for w in lib.warnings)


def test_a_note_with_bad_yaml_loads_and_warns(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    bad = write(notes / "bad.md", "---\ntitle: [oops\n---\n## A\n\n- Term: meaning\n")
    lib = load_library([notes], cache_dir=cache)
    assert [c.front for c in lib.cards] == ["Term"]
    (w,) = lib.warnings
    assert w.path == bad and w.line == 2


def test_check_paths(tmp_path: Path) -> None:
    assert check_paths([SAMPLE_NOTES, SAMPLE_NOTE]) is None
    assert check_paths([]) is None
    message = check_paths([SAMPLE_NOTES, tmp_path / "missing"])
    assert message == f"{tmp_path / 'missing'}: no such file or folder"


# --- default paths ------------------------------------------------------------------------------------------------


def test_default_paths_from_the_repository() -> None:
    assert default_paths() == [REPO / "notes", REPO / "decks"]


def test_default_paths_when_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "_PACKAGE_DIR", tmp_path / "site-packages" / "devday_tui")
    assert default_paths() == [paths.SAMPLE_NOTES, paths.SAMPLE_DECKS]
    assert all(p.is_dir() for p in default_paths())
    mine = tmp_path / "my-notes"
    mine.mkdir()
    config = library.config_path()
    assert str(config).startswith(os.environ["XDG_CONFIG_HOME"])
    write(config, json.dumps({"notes": str(mine)}))
    assert default_paths() == [mine]
    write(config, json.dumps({"notes": str(tmp_path / "gone")}))
    assert default_paths() == [paths.SAMPLE_NOTES, paths.SAMPLE_DECKS]
    write(config, "{not json")
    assert default_paths() == [paths.SAMPLE_NOTES, paths.SAMPLE_DECKS]


# --- the parse cache ----------------------------------------------------------------------------------------------


def test_cache_is_used_and_keyed_by_content(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notes = tmp_path / "notes"
    a = make_note(notes, "a.md", "Alpha")
    make_note(notes, "b.md", "Beta")
    first = load_library([notes], cache_dir=cache)
    assert list(cache.rglob("*")) and not list(notes.rglob("*.pickle"))

    calls: list[Path] = []
    real = parsing.parse_note

    def counting(text, path, key, **kw):
        calls.append(path)
        return real(text, path, key, **kw)

    monkeypatch.setattr(parsing, "parse_note", counting)
    warm = load_library([notes], cache_dir=cache)
    assert calls == []
    assert [c.id for c in warm.cards] == [c.id for c in first.cards]
    assert warm.notes == first.notes

    make_note(notes, "a.md", "Changed")
    again = load_library([notes], cache_dir=cache)
    assert calls == [a]
    assert [c.front for c in again.cards] == ["Changed", "Beta"]


def _strings(note) -> list[str]:
    out = [note.title]
    for sec in note.walk():
        out += [sec.heading, *sec.breadcrumb, *(b.text for b in sec.blocks)]
    for card in note.cards:
        out += [card.front, card.back_text, *card.answers]
    return [s for s in out if s and not s.isascii()]


def test_a_cold_load_keeps_no_utf8_copy_of_note_text(tmp_path: Path, cache: Path) -> None:
    # Writing a cache entry makes CPython keep a UTF-8 copy inside each non-ASCII str it pickles (sys.getsizeof
    # counts it). The notes a cold load returns must not carry those copies: with Japanese notes they were a
    # quarter of the library's memory.
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(SAMPLE_NOTE, notes)
    for lib in (load_library([notes], cache_dir=cache), load_library([notes], cache_dir=cache)):
        texts = _strings(lib.notes[0])
        assert len(texts) > 200
        fat = [t for t in texts if sys.getsizeof(t) != sys.getsizeof(t.encode().decode())]
        assert fat == []
        assert [s.source for s in lib.notes[0].walk()] == [
            s.source for s in load_library([notes], use_cache=False).notes[0].walk()
        ]


def test_default_cache_is_in_the_user_cache_dir_never_in_notes(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "a.md")
    before = sorted(p.name for p in notes.rglob("*"))
    load_library([notes])
    assert sorted(p.name for p in notes.rglob("*")) == before
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "devday-tui"
    assert any(p.is_file() for p in cache.rglob("*"))


def test_a_cache_dir_inside_the_notes_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "a.md")
    lib = load_library([notes], cache_dir=notes / ".cache")
    assert len(lib.notes) == 1
    assert not (notes / ".cache").exists()


def test_entries_of_other_parser_versions_are_deleted(tmp_path: Path, cache: Path, monkeypatch) -> None:
    monkeypatch.setattr(parse_cache, "_SWEPT", set())
    notes = tmp_path / "notes"
    make_note(notes, "a.md", "Alpha")
    old = write(cache / "parse-v0.1" / "ab" / "abcdef", b"old entry")
    mine = write(cache / "other-file", "kept")
    load_library([notes], cache_dir=cache)
    assert not old.parent.parent.exists() and mine.exists()
    assert [p.name for p in cache.iterdir() if p.is_dir()] == [
        f"parse-v{parse_cache.PARSER_TAG}.{parse_cache.CACHE_FORMAT}"
    ]


def test_a_change_to_the_parser_s_source_misses_the_cache(tmp_path: Path) -> None:
    source = tmp_path / "core"
    write(source / "cards" / "rules.py", "RULE = 1\n")
    before = parse_cache.parser_digest(source)
    assert parse_cache.parser_digest(source) == before
    write(source / "cards" / "rules.py", "RULE = 2\n")  # a rule changed, PARSER_VERSION forgotten
    assert parse_cache.parser_digest(source) != before
    assert parse_cache.PARSER_TAG.startswith(f"{PARSER_VERSION}-")


def test_a_damaged_cache_entry_is_parsed_again(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "a.md", "Alpha")
    load_library([notes], cache_dir=cache)
    for entry in cache.rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"garbage")
    lib = load_library([notes], cache_dir=cache)
    assert [c.front for c in lib.cards] == ["Alpha"]


def test_an_unwritable_cache_is_not_an_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "a.md", "Alpha")
    blocker = write(tmp_path / "file-not-folder", "x")
    lib = load_library([notes], cache_dir=blocker)
    assert [c.front for c in lib.cards] == ["Alpha"] and lib.warnings == []


def test_use_cache_false_writes_nothing(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "a.md")
    load_library([notes], cache_dir=cache, use_cache=False)
    assert not cache.exists()


# --- reloading ----------------------------------------------------------------------------------------------------


def test_reload_a_changed_new_and_deleted_note(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    a = make_note(notes, "a.md", "Alpha")
    b = make_note(notes, "b.md", "Beta")
    lib = load_library([notes], cache_dir=cache)
    alpha_id = lib.cards[0].id

    write(a, NOTE.format(title="a.md", tags="", term="Alpha").replace("meaning of Alpha", "new meaning"))
    lib2 = reload_note(lib, a)
    assert [c.front for c in lib2.cards] == ["Alpha", "Beta"]
    assert lib2.cards[0].id == alpha_id and lib2.cards[0].back == "new meaning"
    assert [c.back for c in lib.cards][0] == "meaning of Alpha"  # the old library is untouched

    c = make_note(notes, "0-first.md", "Gamma")
    lib3 = reload_note(lib2, c)
    assert [n.rel for n in lib3.notes] == ["0-first.md", "a.md", "b.md"]
    assert lib3.decks[0].cards == lib3.cards

    b.unlink()
    lib4 = reload_note(lib3, b)
    assert [c.front for c in lib4.cards] == ["Gamma", "Alpha"]
    assert lib4.note_for(b) is None


def test_reload_a_note_that_became_unreadable(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    a = make_note(notes, "a.md", "Alpha")
    lib = load_library([notes], cache_dir=cache)
    write(a, b"\x00\x01\x02broken\x00")
    lib2 = reload_note(lib, a)
    assert lib2.notes == [] and [w.path for w in lib2.warnings] == [a]
    make_note(notes, "a.md", "Alpha")
    assert reload_note(lib2, a).warnings == []


def test_reload_a_deck_file(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "a.md", "Alpha")
    deck = write(tmp_path / "decks" / "d.md", "---\ntitle: D\nnew_per_day: 5\n---\n")
    lib = load_library([notes, tmp_path / "decks"], cache_dir=cache)
    assert lib.decks[0].settings.new_per_day == 5
    write(deck, "---\ntitle: D\nnew_per_day: 7\nexam_date: nope\n---\nQ::A\n")
    lib2 = reload_note(lib, deck)
    assert lib2.decks[0].settings.new_per_day == 7
    assert [w.line for w in lib2.warnings] == [4]
    assert [c.front for c in lib2.cards] == ["Alpha", "Q"]
    deck.unlink()
    lib3 = reload_note(lib2, deck)
    assert [d.key for d in lib3.decks] == ["all"] and lib3.warnings == []


def test_library_from_a_copy_of_the_sample(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    shutil.copytree(SAMPLE_NOTES, notes)
    lib = load_library([notes], cache_dir=cache)
    sample = load_library([SAMPLE_NOTES], cache_dir=cache)
    # Ids depend on the path relative to the notes folder, not on where the folder is.
    assert [c.id for c in lib.cards] == [c.id for c in sample.cards]


def test_a_frontmatter_id_used_twice_keeps_cards_apart(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    write(notes / "a.md", "---\nid: shared\n---\n## S\n\n- Term: from a\n")
    b = write(notes / "b.md", "---\ntitle: B\nid: shared\n---\n## S\n\n- Term: from b\n")
    lib = load_library([notes], cache_dir=cache)
    assert [n.key for n in lib.notes] == ["shared", "b.md"]
    assert [c.back for c in lib.cards] == ["from a", "from b"]
    (w,) = lib.warnings
    assert w.path == b and w.line == 3 and "shared" in w.message


def test_an_id_equal_to_another_notes_path(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    write(notes / "a.md", "## S\n\n- Term: from a\n")
    write(notes / "b.md", "---\nid: a.md\n---\n## S\n\n- Term: from b\n")
    lib = load_library([notes], cache_dir=cache)
    assert sorted(n.key for n in lib.notes) == ["a.md", "b.md"]
    assert len(lib.cards) == 2


def test_a_deck_that_selects_nothing_says_so(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "a.md")
    deck = write(tmp_path / "decks" / "d.md", "---\ntitle: D\ninclude: ['nope-*.md']\n---\n")
    lib = load_library([notes, tmp_path / "decks"], cache_dir=cache)
    (w,) = lib.warnings
    assert w.path == deck and w.line == 3 and "none of the 1 notes" in w.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_skipped_not_waited_on(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "a.md", "Alpha")
    os.mkfifo(notes / "pipe.md")
    lib = load_library([notes], cache_dir=cache)
    assert [c.front for c in lib.cards] == ["Alpha"]
    (w,) = lib.warnings
    assert w.path == notes / "pipe.md" and "not a regular file" in w.message


def test_a_huge_file_is_skipped(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "a.md", "Alpha")
    write(notes / "huge.md", "x" * 5000)
    monkeypatch.setattr(reading, "MAX_NOTE_BYTES", 4000)
    lib = load_library([notes], cache_dir=cache)
    assert [n.rel for n in lib.notes] == ["a.md"]
    assert "too large" in lib.warnings[0].message


def test_reload_ignores_files_the_library_would_not_read(tmp_path: Path, cache: Path) -> None:
    notes = tmp_path / "notes"
    make_note(notes, "a.md", "Alpha")
    lib = load_library([notes], cache_dir=cache)
    hidden = make_note(notes, ".trash/old.md", "Old")
    other = write(notes / "todo.txt", "Term: not a note")
    assert reload_note(lib, hidden) is lib
    assert reload_note(lib, other) is lib
    assert reload_note(lib, hidden.resolve()).notes == lib.notes


def test_reload_with_a_resolved_path_keeps_the_form_of_paths(tmp_path: Path, cache: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_note(tmp_path / "notes", "a.md", "Alpha")
    lib = load_library([Path("notes")], cache_dir=cache)
    assert lib.notes[0].path == Path("notes/a.md")
    new = make_note(tmp_path / "notes", "sub/b.md", "Beta")
    lib2 = reload_note(lib, new.resolve())
    assert [n.path for n in lib2.notes] == [Path("notes/a.md"), Path("notes/sub/b.md")]
    assert [n.rel for n in lib2.notes] == ["a.md", "sub/b.md"]
    lib3 = reload_note(lib2, (tmp_path / "notes" / "a.md").resolve())
    assert [n.path for n in lib3.notes] == [Path("notes/a.md"), Path("notes/sub/b.md")]
    assert lib3.note_for(Path("notes/sub/b.md")) is lib3.notes[1]
