"""Harvest bookkeeping: runs, each source's outcome and state, and the pages that failed."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from clipper.models import SourceReport
from clipper.processes import this_host
from clipper.store.archive import ARTICLES_LOCK, Archive, now_utc
from clipper.store.records import SourceState

logger = logging.getLogger(__name__)


def start_run(archive: Archive, source_count: int) -> int:
    """Record a new run as running, held by this process (pid and host)."""
    now = now_utc()
    with archive.write():
        return archive.insert("runs", {"started_at": now, "heartbeat_at": now, "status": "running",
                                       "sources": source_count, "pid": os.getpid(), "host": this_host()})


def beat(archive: Archive, run_id: int) -> None:
    """Tell other processes this run is alive (inside the caller's transaction, if any)."""
    with archive.write():
        archive.update("runs", ("id", run_id), {"heartbeat_at": now_utc()})


@dataclass(frozen=True)
class RunningRun:
    """A run recorded as running, and the process that holds it (pid on host, last sign of life)."""

    id: int
    started_at: str
    pid: int | None
    host: str | None
    heartbeat_at: str | None


def running_runs(archive: Archive) -> list[RunningRun]:
    """The runs recorded as running, oldest first (live ones, and those whose process died)."""
    return [RunningRun(**{k: r.get(k) for k in RunningRun.__dataclass_fields__})
            for r in archive.query("select * from runs where status = 'running' order by id")]


def mark_interrupted(archive: Archive, run_ids: list[int]) -> None:
    """Runs whose process ended without finishing them become "interrupted" (shown as terputus)."""
    if run_ids:
        with archive.write():
            for run_id in run_ids:
                archive.execute("update runs set status = 'interrupted', finished_at = coalesce(heartbeat_at, "
                                "started_at) where id = ? and status = 'running'", [run_id])




def finish_run(archive: Archive, run_id: int, status: str, new_articles: int, failed_sources: int) -> None:
    with archive.write():
        archive.update("runs", ("id", run_id), {"finished_at": now_utc(), "status": status,
                                                "new_articles": new_articles, "failed_sources": failed_sources})


def source_states(archive: Archive) -> dict[str, SourceState]:
    """What is remembered of each source (validators for conditional GET, failure streak)."""
    return {r["name"]: SourceState(**r) for r in archive.query("select * from sources")}


def record_source(archive: Archive, run_id: int, report: SourceReport, *, url: str,
                  etag: str | None = None, last_modified: str | None = None) -> None:
    """Store one source's outcome for this run and its conditional-GET validators."""
    at = now_utc()
    with archive.write():
        archive.lock(ARTICLES_LOCK)  # inside a harvest's batch: the order every batch takes locks in
        archive.upsert("run_sources", {**report.__dict__, "run_id": run_id, "at": at}, ("run_id", "source"))
        rows = archive.query("select * from sources where name = ?", [report.source])
        old = rows[0] if rows else {}
        row = {"url": url, "last_fetch_at": at, "last_status": report.status, "last_error": report.reason,
               "articles_total": (old.get("articles_total") or 0) + report.new_articles}
        if report.status == "failed":
            row["consecutive_failures"] = (old.get("consecutive_failures") or 0) + 1
        else:
            row.update(consecutive_failures=0, last_ok_at=at)
        if old.get("url") not in (None, url):
            row.update(etag=None, last_modified=None)  # the address changed: forget validators
        if etag or last_modified:
            row.update(etag=etag, last_modified=last_modified)
        if old:
            archive.update("sources", ("name", report.source), row)
        else:
            archive.insert("sources", {"name": report.source, **row})


def record_page_error(archive: Archive, url_key: str, url: str, source: str, reason: str,
                      http_status: int | None, permanent: bool) -> None:
    """Note a failed page; the attempts count up until the harvest stops trying it."""
    with archive.write():
        archive.lock(ARTICLES_LOCK)
        attempts = archive.scalar("select attempts from page_errors where url_key = ?", [url_key]) or 0
        archive.upsert("page_errors", {"url_key": url_key, "url": url, "source": source, "reason": reason,
                                       "http_status": http_status, "permanent": int(permanent),
                                       "attempts": attempts + 1, "at": now_utc()}, ("url_key",))
