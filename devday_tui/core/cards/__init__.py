"""Notes become sections and cards: the card rules, one named unit each (see :mod:`.rules`), run as a pipeline
by :func:`parse_note`."""

from devday_tui.core.cards.chatter import DEFAULT_SKIP_SECTIONS
from devday_tui.core.cards.note import MAX_CARDS, PARSER_VERSION, parse_note
from devday_tui.core.cards.rules import RULES, Trace

__all__ = ["DEFAULT_SKIP_SECTIONS", "MAX_CARDS", "PARSER_VERSION", "RULES", "Trace", "parse_note"]
