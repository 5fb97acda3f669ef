"""The only thread code of the app: run work off the GUI thread, results back on it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from clipper.store.archive import Archive
from clipper.store.locator import POSTGRES_SCHEMES

logger = logging.getLogger(__name__)


class Cancelled(Exception):
    """The user stopped the operation; never shown as an error."""


class TaskSignals(QObject):
    """Signals of one background task; they are delivered on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(object)


class Task(QRunnable):
    """One unit of work: ``run()`` always emits exactly one of finished / failed."""

    def __init__(self, op: Callable[..., Any], runner: TaskRunner, uses_store: bool,
                 iterate: bool = False):
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until the callbacks ran
        self.op = op
        self.runner = runner
        self.uses_store = uses_store
        self.iterate = iterate
        self.signals = TaskSignals()
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask a generator task to stop at its next step (it ends as cancelled)."""
        self._stop.set()

    def should_stop(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        try:
            if self.iterate:
                result = self._iterate()
            else:
                result = self.op(self.runner.store_archive()) if self.uses_store else self.op()
        except Exception as exc:  # a worker must always answer (STYLE 3)
            if not isinstance(exc, Cancelled):
                logger.info("background task failed: %s", exc, exc_info=True)
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)

    def _iterate(self) -> Any:
        last = None
        steps: Iterator[Any] = self.op(self.should_stop)
        for step in steps:
            last = step
            self.signals.progress.emit(step)
        return last


def _one_thread_pool() -> QThreadPool:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    pool.setExpiryTimeout(-1)  # the one thread (and its connection) lives on
    return pool


def archive_locator(value: str | Path) -> str | Path:
    """The archive as the threads open it: a Path for a SQLite file, the URL of a PostgreSQL database."""
    if str(value).startswith(POSTGRES_SCHEMES):
        return str(value)
    text = str(value)
    return Path(text[len("sqlite:///"):] if text.startswith("sqlite:///") else text)


class TaskRunner:
    """Three thread pools: the archive's, a reader's, and a normal pool for network and PDF work.

    The store thread opens its own ``Archive(archive_path)`` on first use and keeps it; it
    runs every write of the GUI, in order. The read thread has its own connection for
    reads that must not wait behind writes (an article's text when the selection moves):
    WAL lets it read while the store thread writes. Long jobs such as a harvest open their
    own connection in the general pool, which WAL and ``BEGIN IMMEDIATE`` make safe (on
    PostgreSQL every connection is the server's to keep apart).
    """

    def __init__(self, archive_path: str | Path, *, store_pool: Any = None, general_pool: Any = None,
                 read_pool: Any = None):
        """Create the pools (or take the given ones: tests pass ``SyncPool``).

        Args:
            archive_path: the archive every thread opens (a SQLite path, or a PostgreSQL URL).
            store_pool, general_pool, read_pool: replacements for the real pools; without
                a ``read_pool``, a given ``store_pool`` runs the reads too.
        """
        self.archive_path = archive_locator(archive_path)
        if read_pool is None:
            read_pool = store_pool if store_pool is not None else _one_thread_pool()
        self.store_pool = store_pool if store_pool is not None else _one_thread_pool()
        self.read_pool = read_pool
        self.general_pool = general_pool if general_pool is not None else QThreadPool()
        self._local = threading.local()
        self._running: set[Task] = set()

    def store_archive(self) -> Archive:
        """The archive connection of the calling (store or read) thread."""
        archive = getattr(self._local, "archive", None)
        if archive is None:
            archive = Archive(self.archive_path)
            self._local.archive = archive
        return archive

    def _close_local(self) -> None:
        """Close the calling thread's connection, if it opened one."""
        archive = getattr(self._local, "archive", None)
        if archive is not None:
            archive.close()
            self._local.archive = None

    def run_in_background(self, op: Callable[..., Any], on_success: Callable[[Any], None] | None = None,
                          on_failure: Callable[[Exception], None] | None = None, *,
                          parent: QObject | None, uses_store: bool = True, read_only: bool = False) -> Task:
        """Run ``op`` off the GUI thread; the callbacks run on the GUI thread.

        Args:
            op: called as ``op(archive)`` on the store thread when ``uses_store``, else ``op()``
                in the general pool. It must never touch a widget.
            on_success: receives op's return value.
            on_failure: receives the exception; default ``ui.errors.show_error(parent, exc)``.
            parent: the widget the result is for; callbacks are skipped once it is deleted.
            read_only: ``op(archive)`` only reads: run it on the read thread, which never
                waits for the store thread's queue of writes.
        """
        task = Task(op, self, uses_store or read_only)
        self._connect(task, on_success, on_failure, parent)
        pool = self.read_pool if read_only else self.store_pool if uses_store else self.general_pool
        pool.start(task)
        return task

    def run_steps(self, op: Callable[[Callable[[], bool]], Iterator[Any]],
                  on_progress: Callable[[Any], None], on_success: Callable[[Any], None] | None = None,
                  on_failure: Callable[[Exception], None] | None = None, *,
                  parent: QObject | None) -> Task:
        """Run a generator ``op(should_stop)`` in the general pool; each yield → ``on_progress``.

        ``on_success`` receives the last yielded value; ``task.cancel()`` makes should_stop true.
        """
        task = Task(op, self, uses_store=False, iterate=True)
        task.signals.progress.connect(lambda step: _alive(parent) and on_progress(step))
        self._connect(task, on_success, on_failure, parent)
        self.general_pool.start(task)
        return task

    def _connect(self, task: Task, on_success, on_failure, parent) -> None:
        self._running.add(task)

        def succeeded(result: Any) -> None:
            self._running.discard(task)
            if on_success is not None and _alive(parent):
                on_success(result)

        def failed(exc: Exception) -> None:
            self._running.discard(task)
            if isinstance(exc, Cancelled) or not _alive(parent):
                return
            if on_failure is not None:
                on_failure(exc)
            else:
                from ui.errors import show_error
                show_error(parent, exc)

        task.signals.finished.connect(succeeded)
        task.signals.failed.connect(failed)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Stop generator tasks, wait for the pools and close the store connection."""
        for task in list(self._running):
            task.cancel()
        self.general_pool.waitForDone(timeout_ms)
        for pool in dict.fromkeys((self.read_pool, self.store_pool)):  # once each, SyncPool shared
            pool.start(Task(self._close_local, self, uses_store=False))
            pool.waitForDone(timeout_ms)


def _alive(parent: QObject | None) -> bool:
    return parent is None or shiboken6.isValid(parent)


class SyncPool:
    """A thread pool that runs each task at once on the calling thread (for tests)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - QThreadPool API
        return True
