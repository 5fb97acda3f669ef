"""What a send reports: each recipient's outcome, the whole result, and its progress steps."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from clipper.store.edition_records import EditionRecord

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecipientResult:
    """Where one recipient stands after a send."""

    address: str
    name: str | None
    status: str  # sent | skipped (had it already) | failed | retry (still temporary) | cancelled
    code: int | None = None
    text: str = ""
    message_id: str | None = None
    attempts: int = 0


@dataclass(frozen=True)
class SendResult:
    """The outcome of send_edition for every recipient asked for."""

    edition: EditionRecord
    recipients: tuple[RecipientResult, ...]
    cancelled: bool = False

    def with_status(self, *statuses: str) -> list[RecipientResult]:
        return [r for r in self.recipients if r.status in statuses]

    @property
    def ok(self) -> bool:
        """Everyone asked for has the edition (now or before)."""
        return not self.cancelled and all(r.status in ("sent", "skipped") for r in self.recipients)

    def summary(self) -> str:
        """One line in Indonesian, e.g. for the command line's exit message."""
        parts = [f"{len(self.with_status('sent'))} terkirim"]
        for status, word in (("skipped", "sudah menerima sebelumnya"), ("failed", "gagal"),
                             ("retry", "gagal sementara"), ("cancelled", "dibatalkan")):
            if self.with_status(status):
                parts.append(f"{len(self.with_status(status))} {word}")
        text = f"Kliping No. {self.edition.number}: " + ", ".join(parts)
        bad = self.with_status("failed", "retry")
        if bad:
            first = bad[0]
            text += f" — {first.address}: {first.code or ''} {first.text}".replace("  ", " ")
        return text


@dataclass(frozen=True)
class SendProgress:
    """One step of send_edition, for a progress display; the last has stage "done" and the result."""

    stage: str  # connect | recipient | wait | done
    done: int
    total: int
    address: str | None = None
    status: str | None = None
    message: str | None = None
    result: SendResult | None = None
