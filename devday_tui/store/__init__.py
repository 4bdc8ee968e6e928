"""The progress store: the only code that reads or writes the user's data directory.

``Store.open(data_dir)`` gives a store; see ``store.py`` for the layout on disk and ``docs/store-api.md``.
"""

from devday_tui.core.scheduling import CardEvent, CardProgress, ReviewRecord
from devday_tui.store.errors import NewerSchemaError, StoreError, StoreLocked, StoreReadOnly
from devday_tui.store.paths import data_dir_for, machine_device_id
from devday_tui.store.store import Answer, MergeReport, Orphan, Reattachment, Reconciliation, Store

__all__ = [
    "Answer",
    "CardEvent",
    "CardProgress",
    "MergeReport",
    "NewerSchemaError",
    "Orphan",
    "Reattachment",
    "Reconciliation",
    "ReviewRecord",
    "Store",
    "StoreError",
    "StoreLocked",
    "StoreReadOnly",
    "data_dir_for",
    "machine_device_id",
]
