"""devday-tui: flashcards from your own Markdown notes, with spaced repetition, in the terminal."""

__version__ = "0.1.0"
