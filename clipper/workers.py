"""The extraction worker processes' start: light to import, so a harvest can begin it first."""

from __future__ import annotations

import multiprocessing
import os

# What the forkserver imports once; every worker forked from it starts with them loaded.
WORKER_MODULES = ["trafilatura", "clipper.extract", "clipper.harvest", "clipper.classifier", "clipper.search"]


def default_workers() -> int:
    """Extraction worker processes: one per core, at most two (the main process has work too)."""
    return max(1, min(2, os.cpu_count() or 1))


def worker_context():
    """The multiprocessing context of the extraction pool (forkserver, modules preloaded)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_MODULES)
    return context


def prestart_workers() -> None:
    """Start the forkserver, and its ~1 s of imports, now: a harvest calls this before its
    own imports and configuration, which then overlap the workers' start-up."""
    if default_workers() < 2:
        return
    worker_context()
    from multiprocessing import forkserver
    forkserver.ensure_running()
