"""The delivery record: attempts per edition and recipient, and the per-edition send lock."""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from clipper.errors import MailError
from clipper.mail.smtp import Reply
from clipper.store.archive import Archive, now_utc

logger = logging.getLogger(__name__)

# A send run whose heartbeat is older than this is taken as dead (its process was killed).
# The heartbeat is refreshed before every SMTP transaction and every second of back-off;
# the longest gap is one transaction, whose socket operations each time out after
# email.timeout (≤ 600 s), so 15 minutes never declares a live run dead.
STALE_RUN_SECONDS = 900


@dataclass(frozen=True)
class Attempt:
    """One recorded attempt (one row of ``deliveries``)."""

    id: int
    edition_id: int
    address: str
    name: str | None
    at: str
    status: str  # sending | sent | retry | failed | interrupted
    smtp_code: int | None
    smtp_text: str | None
    message_id: str | None
    attempt: int
    mode: str | None
    resend: bool


def _attempt(row: dict) -> Attempt:
    return Attempt(row["id"], row["edition_id"], row["address"], row["name"], row["at"], row["status"],
                   row["smtp_code"], row["smtp_text"], row["message_id"], row["attempt"] or 1,
                   row["mode"], bool(row["resend"]))


def delivery_log(archive: Archive, edition_id: int) -> list[Attempt]:
    """Every attempt to deliver an edition, oldest first."""
    return [_attempt(r) for r in archive.query(
        "select * from deliveries where edition_id = ? order by id", [edition_id])]


def latest_by_recipient(archive: Archive, edition_id: int) -> dict[str, Attempt]:
    """Each recipient's current state: a delivery if there was one, else the last attempt."""
    state: dict[str, Attempt] = {}
    for attempt in delivery_log(archive, edition_id):
        key = attempt.address.casefold()
        if key in state and state[key].status == "sent" and not attempt.resend:
            continue
        state[key] = attempt
    return state


def delivered(archive: Archive, edition_id: int) -> set[str]:
    """Addresses (case-folded) that accepted this edition at least once."""
    rows = archive.query("select distinct address from deliveries where edition_id = ? and status = 'sent'",
                         [edition_id])
    return {r["address"].casefold() for r in rows}


def reusable_message_id(archive: Archive, edition_id: int, address: str) -> str | None:
    """The Message-ID of an unfinished delivery, so a retry is recognisably the same message."""
    rows = archive.query(
        "select status, message_id from deliveries where edition_id = ? and address = ? collate nocase "
        "and message_id is not null order by id desc limit 1", [edition_id, address])
    return rows[0]["message_id"] if rows and rows[0]["status"] != "sent" else None


def start_attempts(archive: Archive, run_id: int, edition_id: int, people: list[tuple[str, str | None]], *,
                   message_id: str, mode: str, attempt: int, resend: bool) -> dict[str, int]:
    """Write "sending" rows before the transaction starts; returns their ids by address."""
    ids = {}
    at = now_utc()
    with archive.write() as db:
        for address, name in people:
            ids[address] = db["deliveries"].insert({
                "edition_id": edition_id, "run_id": run_id, "address": address, "name": name,
                "mode": mode, "attempt": attempt, "message_id": message_id, "status": "sending",
                "at": at, "resend": int(resend)}).last_pk
        db["send_runs"].update(run_id, {"heartbeat_at": at})
    return ids


def finish_attempts(archive: Archive, ids: dict[str, int], replies: dict[str, Reply]) -> None:
    """Record each recipient's reply on its "sending" row."""
    at = now_utc()
    with archive.write() as db:
        for address, row_id in ids.items():
            reply = replies.get(address) or Reply("retry", None, "tidak ada jawaban untuk penerima ini")
            db["deliveries"].update(row_id, {"status": reply.status, "smtp_code": reply.code,
                                             "smtp_text": reply.text, "finished_at": at})


def _stale(row: dict, now: datetime) -> bool:
    beat = datetime.fromisoformat(row["heartbeat_at"] or row["started_at"])
    if now - beat > timedelta(seconds=STALE_RUN_SECONDS):
        return True
    return row["host"] == socket.gethostname() and not _pid_alive(row["pid"])


def _pid_alive(pid: int | None) -> bool:
    if pid is None:
        return False
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill(pid, 0) would terminate the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def begin_run(archive: Archive, edition_id: int, number: str) -> int:
    """Take the edition's send lock; a dead run's unfinished attempts become "interrupted".

    Raises:
        MailError: another live process is sending this edition right now.
    """
    now = datetime.now(UTC)
    with archive.write() as db:
        for row in db.query("select * from send_runs where edition_id = ? and status = 'running'", [edition_id]):
            if not _stale(row, now):
                raise MailError(f"Kliping No. {number} sedang dikirim oleh proses lain (pid {row['pid']}, "
                                f"mulai {row['started_at']}); tunggu sampai selesai.")
            db["send_runs"].update(row["id"], {"status": "interrupted", "finished_at": now_utc()})
        db.execute("update deliveries set status = 'interrupted', finished_at = ?, "
                   "smtp_text = coalesce(smtp_text, 'proses berhenti di tengah pengiriman; hasil tidak pasti') "
                   "where edition_id = ? and status = 'sending'", [now_utc(), edition_id])
        return db["send_runs"].insert({
            "edition_id": edition_id, "started_at": now_utc(), "heartbeat_at": now_utc(),
            "pid": os.getpid(), "host": socket.gethostname(), "status": "running"}).last_pk


def heartbeat(archive: Archive, run_id: int) -> None:
    """Tell other processes this run is alive."""
    with archive.write() as db:
        db["send_runs"].update(run_id, {"heartbeat_at": now_utc()})


def end_run(archive: Archive, run_id: int, status: str, sent: int, failed: int) -> None:
    """Release the lock; attempts left "sending" (an exception mid-way) become "interrupted"."""
    with archive.write() as db:
        db.execute("update deliveries set status = 'interrupted', finished_at = ? "
                   "where run_id = ? and status = 'sending'", [now_utc(), run_id])
        db["send_runs"].update(run_id, {"status": status, "finished_at": now_utc(), "sent": sent,
                                        "failed": failed})
