"""Named locks between processes, held for longer than a transaction (one compile of a day at a time).

PostgreSQL: a session advisory lock (released by the server if the process dies). SQLite: a
row of ``locks`` naming its holder; a holder whose process is gone (same host) or that is
older than LOCK_STALE_SECONDS is taken over.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from clipper.errors import BusyError
from clipper.processes import pid_alive, this_host
from clipper.store.archive import Archive, now_utc

logger = logging.getLogger(__name__)

# A compile takes seconds to a minute or two (100 articles with images): a lock older than this
# is a crash's leftover on another host (same host: the holder's process is checked).
LOCK_STALE_SECONDS = 15 * 60
POLL_SECONDS = 0.2  # how often a waiting process tries again


def _stale(row: dict) -> bool:
    if row["host"] == this_host() and not pid_alive(row["pid"]):
        return True
    try:
        age = (datetime.now(UTC) - datetime.fromisoformat(row["at"])).total_seconds()
    except (TypeError, ValueError):
        return True
    return age > LOCK_STALE_SECONDS


def _try(archive: Archive, name: str, holder: str) -> bool:
    if archive.is_postgres:
        return bool(archive.scalar("select pg_try_advisory_lock(hashtext(?))", [name]))
    with archive.write():
        rows = archive.query("select holder, pid, host, at from locks where name = ?", [name])
        if rows and not _stale(rows[0]):
            return False
        archive.upsert("locks", {"name": name, "holder": holder, "pid": os.getpid(), "host": this_host(),
                                 "at": now_utc()}, ("name",))
    return True


def _release(archive: Archive, name: str, holder: str) -> None:
    if archive.is_postgres:
        archive.execute("select pg_advisory_unlock(hashtext(?))", [name])
        return
    with archive.write():
        archive.execute("delete from locks where name = ? and holder = ?", [name, holder])


@contextmanager
def held(archive: Archive, name: str, *, wait: float, busy: str) -> Iterator[None]:
    """Hold the lock ``name`` for the block, waiting up to ``wait`` seconds for another holder.

    Raises:
        BusyError: still held by another process after ``wait`` seconds (message ``busy``).
    """
    holder = uuid.uuid4().hex
    deadline = time.monotonic() + wait
    while not _try(archive, name, holder):
        if time.monotonic() >= deadline:
            raise BusyError(busy)
        time.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        _release(archive, name, holder)
