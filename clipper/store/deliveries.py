"""The delivery record: every attempt to mail an edition to a recipient, and the per-edition send lock."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from clipper.processes import this_host
from clipper.store.archive import Archive, now_utc
from clipper.store.edition_records import Attempt, SendRun

logger = logging.getLogger(__name__)

INTERRUPTED_TEXT = "proses berhenti di tengah pengiriman; hasil tidak pasti"


def _attempt(row: dict) -> Attempt:
    return Attempt(row["id"], row["edition_id"], row["address"], row["name"], row["at"], row["status"],
                   row["smtp_code"], row["smtp_text"], row["message_id"], row["attempt"] or 1,
                   row["mode"], bool(row["resend"]))


def delivery_log(archive: Archive, edition_id: int) -> list[Attempt]:
    """Every attempt to deliver an edition, oldest first."""
    return [_attempt(r) for r in archive.query("select * from deliveries where edition_id = ? order by id",
                                               [edition_id])]


def delivered_addresses(archive: Archive, edition_id: int) -> set[str]:
    """Addresses (case-folded) that accepted this edition at least once."""
    return {r[0].casefold() for r in archive.execute(
        "select distinct address from deliveries where edition_id = ? and status = 'sent'", [edition_id])}


def last_attempt_to(archive: Archive, edition_id: int, address: str) -> Attempt | None:
    """The latest attempt with a Message-ID to this address (any case)."""
    rows = archive.query("select * from deliveries where edition_id = ? and lower(address) = lower(?) "
                         "and message_id is not null order by id desc limit 1", [edition_id, address])
    return _attempt(rows[0]) if rows else None


def start_attempts(archive: Archive, run_id: int, edition_id: int, people: list[tuple[str, str | None]], *,
                   message_id: str, mode: str, attempt: int, resend: bool) -> dict[str, int]:
    """Write "sending" rows before the SMTP transaction starts; returns their ids by address."""
    ids = {}
    at = now_utc()
    with archive.write():
        for address, name in people:
            ids[address] = archive.insert("deliveries", {
                "edition_id": edition_id, "run_id": run_id, "address": address, "name": name, "mode": mode,
                "attempt": attempt, "message_id": message_id, "status": "sending", "at": at,
                "resend": int(resend)})
        archive.update("send_runs", ("id", run_id), {"heartbeat_at": at})
    return ids


def finish_attempts(archive: Archive, outcomes: dict[int, tuple[str, int | None, str]]) -> None:
    """Record each attempt's outcome: {attempt id: (status, SMTP code, SMTP text)}."""
    at = now_utc()
    with archive.write():
        for row_id, (status, code, text) in outcomes.items():
            archive.update("deliveries", ("id", row_id), {"status": status, "smtp_code": code, "smtp_text": text,
                                                          "finished_at": at})


def take_send_lock(archive: Archive, edition_id: int,
                   is_stale: Callable[[SendRun], bool]) -> tuple[int | None, SendRun | None]:
    """Start a send run of an edition, unless a live one holds it.

    A stale run (``is_stale``: its process died) is closed as "interrupted", and its attempts
    still "sending" too.

    Returns:
        (the new run's id, None), or (None, the live run that holds the lock).
    """
    with archive.write():
        archive.lock_row("editions", ("id", edition_id))  # PostgreSQL: one taker at a time per edition
        for row in archive.query("select * from send_runs where edition_id = ? and status = 'running'",
                                 [edition_id]):
            run = SendRun(row["id"], row["edition_id"], row["started_at"], row["heartbeat_at"], row["pid"],
                          row["host"], row["status"])
            if not is_stale(run):
                return None, run
            archive.update("send_runs", ("id", run.id), {"status": "interrupted", "finished_at": now_utc()})
        archive.execute("update deliveries set status = 'interrupted', finished_at = ?, "
                        "smtp_text = coalesce(smtp_text, ?) where edition_id = ? and status = 'sending'",
                        [now_utc(), INTERRUPTED_TEXT, edition_id])
        return archive.insert("send_runs", {
            "edition_id": edition_id, "started_at": now_utc(), "heartbeat_at": now_utc(), "pid": os.getpid(),
            "host": this_host(), "status": "running"}), None


def send_heartbeat(archive: Archive, run_id: int) -> None:
    """Tell other processes this run is alive."""
    with archive.write():
        archive.update("send_runs", ("id", run_id), {"heartbeat_at": now_utc()})


def end_send(archive: Archive, run_id: int, status: str, sent: int, failed: int) -> None:
    """Release the lock; attempts left "sending" (an exception mid-way) become "interrupted"."""
    with archive.write():
        archive.execute("update deliveries set status = 'interrupted', finished_at = ? "
                        "where run_id = ? and status = 'sending'", [now_utc(), run_id])
        archive.update("send_runs", ("id", run_id), {"status": status, "finished_at": now_utc(), "sent": sent,
                                                     "failed": failed})
