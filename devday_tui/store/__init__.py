"""The progress store: the only code that reads or writes the user's data directory.

``Store.open(data_dir)`` gives a store (``store.py``); see ``docs/store-api.md``.

Layout of a data directory (every file is TinyDB JSON, written atomically, see ``files.py``)::

    devices/<device id>/log/YYYY-MM-DD.json   the history: answers and card events of that UTC day
    devices/<device id>/annotations.json      personal notes, keyed by card or section id
    devices/<device id>/exams.json            mock-exam results
    devices/<device id>/catalog.json          what each card looked like (front, section), for re-attaching
    devices/<device id>/snapshot.json         cache of every card's state; rebuilt from the history at will
    devices/<device id>/writer.lock           the writer lock (see ``lock.py``)

Each machine writes only its own ``devices/<id>/`` folder, so syncing the directory never makes a conflict, and
loading reads every device's folder: the histories are united by entry id and replayed in time order.

The history is the source of truth. An answer appends one entry to the day's file of this device: the cost of a
save depends on the reviews done that day, not on the size of the history. The snapshot is written when the
store closes (or on ``checkpoint``) and records which history it covers; at start-up only history files that
changed since are read and applied on top of it.

``Store`` is the one façade the app uses; the app sees it as a ``progress_store.ProgressStore``, and the records
it hands out (``Answer``, ``BulkChange``, ``Reconciliation``…) are defined there. Behind it, one module per
concept: ``history`` (entries, the rule that combines them, replaying card states), ``own_log`` (this device's
history files, appended to and withdrawn from on undo), ``snapshot`` (the cache of card states), ``side_files``
(personal notes and exam results), ``flags`` and ``bulk`` (flags, changes to many cards), ``reconcile``
(re-attaching history to edited cards), ``merge`` (folding in another copy), ``recovery`` (damaged files),
``validate`` (values read from disk), ``files`` (atomic JSON files), ``lock`` (the writer lock), ``paths``.
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
