"""Deck options in the app: daily limits, desired retention, exam date, when the day starts, sections to skip,
reversed definition cards. Saved into the deck file (or beside it when that cannot be written), checked first."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from devday_tui import deck_options_files
from devday_tui.core.deck_options import form_values, read_form
from devday_tui.core.model import Deck, DeckSettings
from devday_tui.note_files import NoteFileError

#: (key, label, hint) of each field, in order.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("new_per_day", "New cards a day", "0 or more"),
    ("reviews_per_day", "Reviews a day", "0 or more"),
    ("desired_retention", "Desired retention", "0.70 to 0.99"),
    ("exam_date", "Exam date", "YYYY-MM-DD, or empty for none"),
    ("rollover_hour", "Day starts at (hour)", "0 to 23"),
    ("skip_sections", "Skip sections", "headings, comma separated"),
)


def home_relative(path: Path) -> str:
    try:
        return f"~/{Path(path).resolve().relative_to(Path.home().resolve())}"
    except ValueError:
        return str(Path(path).resolve())


def deck_file_label(path: Path) -> str:
    """The deck file as its folder and name ("decks/aws-devday.md"): short enough for one line at 80 columns."""
    path = Path(path)
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


class DeckOptionsScreen(ModalScreen[bool]):
    """Returns True when options were saved."""

    HELP_TITLE = "Deck options"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    DEFAULT_CSS = """
    DeckOptionsScreen #options-dialog {
        width: 80%; max-width: 84; height: auto; max-height: 95%; padding: 0 1;
        border: round $accent; background: $panel;
    }
    DeckOptionsScreen #options-fields { height: auto; max-height: 100%; }
    DeckOptionsScreen .option-row { height: 1; margin: 0; }
    DeckOptionsScreen .option-row Label { width: 24; }
    DeckOptionsScreen .option-row Input { width: 1fr; border: none; height: 1; padding: 0 1; background: $boost; }
    DeckOptionsScreen .option-row Input:focus { background: $surface-lighten-1; }
    DeckOptionsScreen .option-row Input.-invalid { background: $error 30%; }
    DeckOptionsScreen #opt-reverse { border: none; height: 1; padding: 0; margin: 1 0; background: transparent; }
    DeckOptionsScreen #options-where { height: auto; color: $text-muted; margin: 0 0 1 0; }
    DeckOptionsScreen #options-where.-aside { color: $text-warning; }
    DeckOptionsScreen #options-errors { height: auto; color: $text-error; }
    DeckOptionsScreen #options-title { margin: 0 0 1 0; text-style: bold; }
    DeckOptionsScreen .dialog-buttons { margin: 0; height: 1; }
    """

    def __init__(self, deck: Deck) -> None:
        super().__init__()
        self.deck = deck
        self.before = deck.settings

    def compose(self) -> ComposeResult:
        values = form_values(self.before)
        with Vertical(id="options-dialog"):
            yield Static(Content(f"Options · {self.deck.title}"), id="options-title")
            with VerticalScroll(id="options-fields"):
                for key, label, hint in FIELDS:
                    with Horizontal(classes="option-row"):
                        yield Label(label)
                        yield Input(values[key], placeholder=hint, id=f"opt-{key}")
                yield Checkbox("Reverse cards too: definition → term", self.before.reverse, id="opt-reverse")
                yield Static(id="options-where")
                yield Static(id="options-errors")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save", action="screen.save", compact=True)
                yield Button("Cancel", id="cancel", action="screen.cancel", compact=True)

    def on_mount(self) -> None:
        where = deck_options_files.destination(self.deck)
        status = self.query_one("#options-where", Static)
        if where.why:
            status.add_class("-aside")
            status.update(
                Content(
                    f"Since {where.why}, these options are kept in {home_relative(where.path)} and "
                    "used over the deck's own."
                )
            )
        else:
            status.update(
                Content(
                    f"Saved into {deck_file_label(where.path)}; the rest of the file stays as it is. "
                    "Ctrl+S saves, Esc cancels."
                )
            )
        self.query_one(f"#opt-{FIELDS[0][0]}", Input).focus()

    def _form(self) -> dict[str, str]:
        return {key: self.query_one(f"#opt-{key}", Input).value for key, _label, _hint in FIELDS}

    def _check(self) -> DeckSettings | None:
        options, errors = read_form(self._form(), self.query_one("#opt-reverse", Checkbox).value)
        for key, _label, _hint in FIELDS:
            self.query_one(f"#opt-{key}", Input).set_class(key in errors, "-invalid")
        self.query_one("#options-errors", Static).update(Content("\n".join(errors.values())))
        return options

    @on(Input.Changed)
    def _changed(self) -> None:
        self._check()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        options = self._check()
        if options is None:
            self.notify(
                "Not saved: " + str(self.query_one("#options-errors", Static).render()).split("\n")[0],
                severity="error",
                markup=False,
            )
            return
        try:
            where = deck_options_files.save(self.deck, self.before, options)
        except (NoteFileError, OSError) as exc:
            self.notify(f"Options not saved: {exc}", severity="error", timeout=15, markup=False)
            return
        if options == self.before:
            self.dismiss(False)
            return
        label = home_relative(where.path) if where.why else deck_file_label(where.path)
        self.notify(f"Options saved in {label}.", timeout=5, markup=False)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
