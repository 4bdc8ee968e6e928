"""Stand-ins for the parse task of worker processes, for the loading tests: a note holding ``SLOW`` never
finishes, one holding ``CRASH`` kills its worker, the others parse as usual. Imported by the workers."""

from __future__ import annotations

import os
import signal
import time

from devday_tui.library import workers
from devday_tui.library.cache import ParseCache
from devday_tui.library.parsing import parse_job


def misbehaving_batch(jobs):
    out = []
    for job in jobs:
        if "SLOW" in job.text:
            time.sleep(600)
        if "CRASH" in job.text:
            os.kill(os.getpid(), signal.SIGKILL)
        out.append(parse_job(job, workers._worker_cache or ParseCache(None)))
    return out
