"""Harvest runs and their processes: a run whose process died is closed as interrupted ("terputus").

Light to import (no HTTP, no extraction): the app calls close_dead_runs when its window opens.
"""

from __future__ import annotations

import logging

from clipper.processes import run_is_dead
from clipper.store import runs
from clipper.store.archive import Archive
from clipper.store.runs import RunningRun

logger = logging.getLogger(__name__)

# A running harvest writes a heartbeat this often (seconds) ...
HEARTBEAT_SECONDS = 60
# ... and one whose heartbeat is older than this is taken as dead even on another machine
# (where its pid cannot be checked): ten beats missed.
STALE_RUN_SECONDS = 600


def close_dead_runs(archive: Archive) -> list[RunningRun]:
    """Runs left "running" by a process that died (killed, crashed, the machine switched off)
    become "interrupted" (shown as terputus); returns them. A run of a live process is kept."""
    dead = [held for held in runs.running_runs(archive)
            if run_is_dead(held.host, held.pid, held.heartbeat_at, held.started_at, STALE_RUN_SECONDS)]
    runs.mark_interrupted(archive, [r.id for r in dead])
    for held in dead:
        logger.warning("harvest run %d (started %s) was interrupted", held.id, held.started_at)
    return dead
