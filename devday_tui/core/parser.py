"""The parser's public face: ``parse_note`` and ``PARSER_VERSION``. The rules live in :mod:`devday_tui.core.cards`."""

from devday_tui.core.cards.blocks import MD as _MD
from devday_tui.core.cards.blocks import block_parser as _block_parser
from devday_tui.core.cards.blocks import opaque_lines
from devday_tui.core.cards.note import MAX_CARDS, PARSER_VERSION, parse_note
from devday_tui.core.cards.terms import split_definition

__all__ = ["MAX_CARDS", "PARSER_VERSION", "_MD", "_block_parser", "opaque_lines", "parse_note", "split_definition"]
