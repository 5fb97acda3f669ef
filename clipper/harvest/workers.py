"""The extraction worker processes' start and end: light to import, so a harvest can begin it first."""

from __future__ import annotations

import concurrent.futures
import logging
import multiprocessing
import os
import select
import threading
import time
from multiprocessing.connection import wait as wait_for

logger = logging.getLogger(__name__)

# How often a worker without pidfd support checks that the harvest's process is alive.
PARENT_POLL_SECONDS = 2.0
# An idle worker leaves within milliseconds of the pool's shutdown; one still working then is
# on a page nobody waits for.
WORKER_EXIT_SECONDS = 2.0

# With this many sources a run will extract many pages: its workers start with the run.
POOL_WARM_SOURCES = 3

# What the forkserver imports once; every worker forked from it starts with them loaded.
# (clipper.harvest.jobs, not clipper.harvest.harvester: the HTTP stack is the main process's alone.)
WORKER_MODULES = ["trafilatura", "clipper.extract.reader", "clipper.harvest.jobs", "clipper.classify.classifier", "clipper.harvest.discover"]


def default_workers() -> int:
    """Extraction worker processes: one per core, at most two (the main process has work too)."""
    return max(1, min(2, os.cpu_count() or 1))


def worker_context():
    """The multiprocessing context of the extraction pool (forkserver, modules preloaded)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_MODULES)
    return context


def warm_pool_wanted(sources: int, workers: int | None = None) -> bool:
    """Whether a run over this many sources starts its worker pool at once (a daily run)."""
    return sources >= POOL_WARM_SOURCES and (workers or default_workers()) > 1


def prestart_workers(sources: int, workers: int | None = None) -> None:
    """Start the forkserver, and its ~1 s of imports, now, if the run will want its pool:
    the caller's own start-up (archive, imports) then overlaps the workers'. Idempotent."""
    if not warm_pool_wanted(sources, workers):
        return
    worker_context()
    from multiprocessing import forkserver
    forkserver.ensure_running()


def end_with(main_pid: int) -> None:
    """Pool initializer: the worker ends itself once the harvest's process is gone.

    Workers wait on their task queue forever, and the forkserver waits for its workers: a
    kill -9 of the app (or a crash) would leave all three running until the machine restarts.
    """
    try:
        handle = os.pidfd_open(main_pid)  # Linux: readable when that process ends
    except (AttributeError, OSError):
        handle = None

    def watch() -> None:
        if handle is not None:
            select.select([handle], [], [])
            os._exit(0)
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            try:
                os.kill(main_pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:
                pass  # the pid exists

    threading.Thread(target=watch, name="clipper-end-with-parent", daemon=True).start()


def end_pool(pool: concurrent.futures.Executor) -> None:
    """Shut the worker pool without waiting for a page nobody awaits any more: a source out of
    time (or a cancel) can leave a hostile page in extraction for tens of seconds, and the run
    would wait for it. Idle workers leave at once; one still busy after WORKER_EXIT_SECONDS is
    terminated."""
    processes = list(getattr(pool, "_processes", {}).values())  # the executor's own (3.14: terminate_workers)
    pool.shutdown(wait=False, cancel_futures=True)
    busy = {process.sentinel: process for process in processes}
    give_up = time.monotonic() + WORKER_EXIT_SECONDS
    while busy and (left := give_up - time.monotonic()) > 0:
        for sentinel in wait_for(list(busy), left):
            busy.pop(sentinel)
    for process in busy.values():
        logger.warning("extraction worker %s still busy at the end of the harvest: terminated", process.pid)
        process.terminate()
