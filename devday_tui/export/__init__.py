"""Writing cards out for other tools: Anki packages (``.apkg``), CSV and JSON.

Both writers build the whole file next to the destination and rename it into place, so a failure never leaves a
half-written file behind and never damages an earlier export.
"""

from devday_tui.export.apkg import ApkgSummary, anki_deck_id, anki_tag, build_package, write_apkg
from devday_tui.export.card_json import cards_json, write_json
from devday_tui.export.csv import CSV_COLUMNS, csv_rows, write_csv
from devday_tui.export.errors import ExportError

__all__ = [
    "CSV_COLUMNS",
    "ApkgSummary",
    "ExportError",
    "anki_deck_id",
    "anki_tag",
    "build_package",
    "cards_json",
    "csv_rows",
    "write_apkg",
    "write_csv",
    "write_json",
]
