"""What the store hands out about editions and their delivery: records of editions, send runs,
delivery attempts, cached images."""

from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EditionRecord:
    """One numbered edition as the archive holds it."""

    id: int
    day: str
    number: str
    kind: str  # regular | ralat
    status: str  # draft | final
    pdf_path: str | None = None
    pdf_sha256: str | None = None
    pages: int | None = None
    articles: int | None = None
    finalized_at: str | None = None
    corrects: int | None = None
    revision: int = 0  # a ralat is revision 1, 2 … of the edition with the same number

    @property
    def label(self) -> str:
        """"No. 212/2026", or "No. 212/2026 · Revisi 1"."""
        return f"No. {self.number_label}"

    @property
    def number_label(self) -> str:
        """"212/2026", or "212/2026 · Revisi 1"."""
        return self.number + (f" · Revisi {self.revision}" if self.revision else "")


@dataclass(frozen=True)
class Attempt:
    """One recorded attempt to deliver an edition to one recipient."""

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


@dataclass(frozen=True)
class SendRun:
    """A process sending an edition: the lock that keeps two from sending it at once."""

    id: int
    edition_id: int
    started_at: str
    heartbeat_at: str | None
    pid: int | None
    host: str | None
    status: str


@dataclass(frozen=True)
class ImageState:
    """Whether a lead image is cached, or how often fetching it failed."""

    url: str
    status: str  # ok | error
    attempts: int
