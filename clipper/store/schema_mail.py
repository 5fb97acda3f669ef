"""Archive schema of the mail feature: migrations registered on clipper.store.archive's Migrations."""

from __future__ import annotations

import logging

import sqlite_utils

from clipper.store.archive import migrations

logger = logging.getLogger(__name__)


@migrations()
def m010_mail_deliveries(db: sqlite_utils.Database) -> None:
    """Every delivery attempt of an edition to one recipient, and the send runs that made them.

    ``deliveries`` has one row per attempt and recipient: written as "sending" before the
    SMTP transaction starts and finished as "sent", "retry" (temporary failure), "failed"
    (permanent) or "interrupted" (the process stopped mid-transaction). ``send_runs`` is the
    lock that keeps two processes from sending the same edition at once.
    """
    db["send_runs"].create(
        {"id": int, "edition_id": int, "started_at": str, "heartbeat_at": str, "finished_at": str,
         "pid": int, "host": str, "status": str, "sent": int, "failed": int},
        pk="id", not_null={"edition_id", "started_at", "status"},
        foreign_keys=[("edition_id", "editions", "id")],
    )
    db["send_runs"].create_index(["edition_id", "status"])
    db["deliveries"].create(
        {"id": int, "edition_id": int, "run_id": int, "address": str, "name": str, "mode": str,
         "attempt": int, "message_id": str, "status": str, "smtp_code": int, "smtp_text": str,
         "at": str, "finished_at": str, "resend": int},
        pk="id", not_null={"edition_id", "address", "status", "at"},
        defaults={"resend": 0, "attempt": 1},
        foreign_keys=[("edition_id", "editions", "id"), ("run_id", "send_runs", "id")],
    )
    db["deliveries"].create_index(["edition_id", "address"])
    db["deliveries"].create_index(["status"])
