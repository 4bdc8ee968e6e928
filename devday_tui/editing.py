"""Editing the user's note files from the app: $EDITOR (or the built-in editor when it is unset or cannot
start), new notes from a template, and adding a new note to a deck's ``include``.

A mixin of :class:`devday_tui.app.DevDayApp`: it uses the app's ``library``, ``clock``, ``notify``,
``push_screen``, ``suspend`` and ``reload_files``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content

from devday_tui.core.decks import matches

if TYPE_CHECKING:
    from devday_tui.core.model import Deck


class NoteEditing:
    """Opening, creating and changing note files; every write goes through the atomic writer."""

    def edit_file(self, path: Path, line: int = 1) -> None:
        """Open ``path`` at ``line`` in $EDITOR (or the in-app editor), then re-read it."""
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if editor:
            self._run_editor(editor, Path(path), line)
        else:
            self._edit_in_app(Path(path), line)

    def _run_editor(self, editor: str, path: Path, line: int) -> None:
        import shlex
        import subprocess

        command = editor_command(shlex.split(editor), path, line)
        failure: Exception | None = None
        result = None
        try:
            with self.suspend():
                # Caught inside the block: the app takes the terminal back only when the block ends cleanly.
                try:
                    result = subprocess.run(command)
                except (OSError, subprocess.SubprocessError) as exc:  # not installed, not executable
                    failure = exc
        except Exception as exc:  # no terminal to hand over (tests, some hosts)
            failure = exc
        if failure is not None or result is None:
            reason = failure.strerror if isinstance(failure, OSError) and failure.strerror else failure
            self.notify(
                f"Could not start {editor!r} ({reason}); using the built-in editor.", severity="warning", markup=False
            )
            self._edit_in_app(path, line)
            return
        if result.returncode != 0:
            self.notify(f"{editor} exited with status {result.returncode}.", severity="warning", markup=False)
        self.reload_files([path])

    def _edit_in_app(self, path: Path, line: int) -> None:
        from devday_tui.note_files import NoteFileError, file_stamp, read_for_edit, write_atomic
        from devday_tui.screens.file_editor import FileEditorScreen

        try:
            opened = file_stamp(path)
            text, newline = read_for_edit(path)
        except NoteFileError as exc:
            self.notify(str(exc), severity="error", timeout=15, markup=False)
            return
        warned = False

        def save(new_text: str) -> bool:
            nonlocal warned, opened
            if not warned and file_stamp(path) != opened:
                warned = True
                self.notify(
                    f"{path.name} changed on disk since you opened it. Ctrl+S again overwrites it with your text; "
                    "Esc twice discards your text.",
                    severity="warning",
                    timeout=20,
                    markup=False,
                )
                return False
            try:
                write_atomic(path, new_text, newline)
            except NoteFileError as exc:
                self.notify(f"{exc}. Your text is still in the editor.", severity="error", timeout=20, markup=False)
                return False
            opened = file_stamp(path)
            return True

        def saved(new_text: str | None) -> None:
            if new_text is not None and new_text != text:
                self.notify(f"Saved {path.name}", markup=False)
                self.reload_files([path])

        self.push_screen(FileEditorScreen(path, text, line, save=save), saved)

    def new_note(self, deck_key: str | None = None) -> None:
        """Ask for a title, create the note and open it in the editor. When it was asked for from a deck whose
        file would not include it, ask whether to add it there; else it shows under "Other notes"."""
        from devday_tui.note_files import NoteFileError, create_note
        from devday_tui.screens.new_note import NewNoteScreen

        if self.library is None:
            self.notify("Still reading your notes…")
            return
        folder = self.library.notes_dir
        if folder is None:
            self.notify("Open a notes folder to create notes in (devday-tui ~/notes).", severity="warning")
            return

        def create(title: str | None) -> None:
            if title is None:
                return
            try:
                path = create_note(folder, title, self.clock().astimezone().date())
            except NoteFileError as exc:
                self.notify(str(exc), severity="error", timeout=15, markup=False)
                return
            self.notify(f"Created {path.name}", markup=False)
            deck = self.library.deck(deck_key) if self.library is not None and deck_key else None
            rel = path.relative_to(folder).as_posix()
            if deck is None or deck.path is None or deck.tags or matches(rel, deck.include):
                self._note_created(path, None, rel)
                return
            from devday_tui.screens.confirm import ConfirmScreen

            question = Content.assemble(
                "Add ",
                (path.name, "bold"),
                " to the deck ",
                (deck.title, "bold"),
                "?\n",
                ("Its file ", "$text-muted"),
                (deck.path.name, "$text-muted bold"),
                (" will include the note. If not, the note is listed under “Other notes”.", "$text-muted"),
            )
            self.push_screen(
                ConfirmScreen("Add the note to the deck?", question, yes="Add to the deck", no="Keep it apart"),
                lambda yes: self._note_created(path, deck if yes else None, rel),
            )

        self.push_screen(NewNoteScreen(str(folder)), create)

    def _note_created(self, path: Path, deck: Deck | None, rel: str) -> None:
        changed = [path]
        if deck is not None and deck.path is not None and self._include_in_deck(deck.path, rel):
            changed.append(deck.path)
            self.notify(f"{deck.title} now includes {path.name}.", markup=False)
        self.reload_files(changed)
        self.edit_file(path, 7)  # the empty "## " heading of the template

    def _include_in_deck(self, deck_path: Path, rel: str) -> bool:
        """Add the note at ``rel`` to the deck file's ``include`` list; False (and why) when it cannot."""
        from devday_tui.core.decks import add_include, glob_literal
        from devday_tui.note_files import NoteFileError, read_for_edit, write_atomic

        try:
            text, newline = read_for_edit(deck_path)
            updated = add_include(text, glob_literal(rel))
            if updated is not None:
                write_atomic(deck_path, updated, newline)
        except NoteFileError as exc:
            self.notify(f"The deck file was not changed: {exc}", severity="error", timeout=15, markup=False)
            return False
        return True


#: Editors that take ``FILE:LINE`` (after ``--goto`` for VS Code) rather than ``+LINE FILE``.
_GOTO_EDITORS = {"code", "code-insiders", "codium", "vscodium", "cursor"}
_COLON_EDITORS = {"subl", "sublime_text", "zed", "mate"}


def editor_command(editor: list[str], path: Path, line: int) -> list[str]:
    """The command that opens ``path`` at ``line`` in ``editor`` (vi, nano, emacs, micro, helix, VS Code…)."""
    line = max(1, line)
    name = Path(editor[0]).name if editor else ""
    if name in _GOTO_EDITORS:
        return [*editor, "--goto", f"{path}:{line}"]
    if name in _COLON_EDITORS:
        return [*editor, f"{path}:{line}"]
    return [*editor, f"+{line}", str(path)]
