"""The delivery record as mail reads it: each recipient's state, and the per-edition send lock."""

from __future__ import annotations

import logging

from clipper.errors import MailError
from clipper.mail.smtp import Reply
from clipper.processes import run_is_dead
from clipper.store import deliveries
from clipper.store.archive import Archive
from clipper.store.deliveries import delivery_log
from clipper.store.edition_records import Attempt, SendRun

logger = logging.getLogger(__name__)

# A send run whose heartbeat is older than this is taken as dead (its process was killed).
# The heartbeat is refreshed before every SMTP transaction and every second of back-off;
# the longest gap is one transaction, whose socket operations each time out after
# email.timeout (≤ 600 s), so 15 minutes never declares a live run dead.
STALE_RUN_SECONDS = 900

__all__ = ["Attempt", "begin_run", "delivered", "delivery_log", "end_run", "finish_attempts", "heartbeat",
           "latest_by_recipient", "reusable_message_id", "start_attempts"]


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
    return deliveries.delivered_addresses(archive, edition_id)


def reusable_message_id(archive: Archive, edition_id: int, address: str) -> str | None:
    """The Message-ID of an unfinished delivery, so a retry is recognisably the same message."""
    last = deliveries.last_attempt_to(archive, edition_id, address)
    return last.message_id if last is not None and last.status != "sent" else None


def start_attempts(archive: Archive, run_id: int, edition_id: int, people: list[tuple[str, str | None]], *,
                   message_id: str, mode: str, attempt: int, resend: bool) -> dict[str, int]:
    """Write "sending" rows before the transaction starts; returns their ids by address."""
    return deliveries.start_attempts(archive, run_id, edition_id, people, message_id=message_id, mode=mode,
                                     attempt=attempt, resend=resend)


def finish_attempts(archive: Archive, ids: dict[str, int], replies: dict[str, Reply]) -> None:
    """Record each recipient's reply on its "sending" row."""
    missing = Reply("retry", None, "tidak ada jawaban untuk penerima ini")
    deliveries.finish_attempts(archive, {row_id: (reply.status, reply.code, reply.text)
                                         for address, row_id in ids.items()
                                         for reply in [replies.get(address) or missing]})


def _stale(run: SendRun) -> bool:
    return run_is_dead(run.host, run.pid, run.heartbeat_at, run.started_at, STALE_RUN_SECONDS)


def begin_run(archive: Archive, edition_id: int, number: str) -> int:
    """Take the edition's send lock; a dead run's unfinished attempts become "interrupted".

    Raises:
        MailError: another live process is sending this edition right now.
    """
    run_id, holder = deliveries.take_send_lock(archive, edition_id, _stale)
    if holder is not None:
        raise MailError(f"Kliping No. {number} sedang dikirim oleh proses lain (pid {holder.pid}, "
                        f"mulai {holder.started_at}); tunggu sampai selesai.")
    return run_id


def heartbeat(archive: Archive, run_id: int) -> None:
    """Tell other processes this run is alive."""
    deliveries.send_heartbeat(archive, run_id)


def end_run(archive: Archive, run_id: int, status: str, sent: int, failed: int) -> None:
    """Release the lock; attempts left "sending" (an exception mid-way) become "interrupted"."""
    deliveries.end_send(archive, run_id, status, sent, failed)
