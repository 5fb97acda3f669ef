"""What the archive hands out and takes in: plain dataclasses, never rows or cursors.

This module imports no database library, so the harvest's extraction workers can encode
their results (``encode_classification``) without loading the store itself.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from clipper.models import Classification, Narasumber, TermMatch, dumps

logger = logging.getLogger(__name__)

ARTICLE_STATUSES = ("new", "approved", "rejected", "irrelevant", "error")


def _list(value: str | None) -> list:
    """A JSON list column (a damaged value reads as empty)."""
    try:
        data = json.loads(value) if value else []
    except (TypeError, ValueError):
        return []
    return data if isinstance(data, list) else []


def _dict(value: str | None) -> dict:
    try:
        data = json.loads(value) if value else {}
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _moment(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class ClassificationColumns:
    """A classification as the archive stores it (JSON text), ready to be written.

    Computed where the article is classified (an extraction worker, off the main process)
    and cheap to send back.
    """

    status: str
    topics: str = "[]"
    primary_topic: str | None = None
    scores: str = "{}"
    matches: str = "[]"
    tone_suggested: str | None = None
    narasumber: str = "[]"
    tiers: str = "{}"  # topic -> "utama" | "disebut"
    tier: str | None = None  # "utama" when the article is about one of its topics, else "disebut"


def encode_classification(result: Classification | None) -> ClassificationColumns:
    """The archive's columns of a classification (None: not classified, queued as new)."""
    if result is None:
        return ClassificationColumns(status="new")
    return ClassificationColumns(
        status="new" if result.relevant else "irrelevant",
        topics=dumps(list(result.topics)),
        primary_topic=result.primary,
        scores=dumps({k: round(v, 3) for k, v in result.scores.items()}),
        matches=dumps([[m.topic, m.term, m.field, m.start, m.end] for m in result.matches]),
        tone_suggested=result.tone,
        narasumber=dumps([[n.name, n.role] for n in result.narasumber]),
        tiers=dumps(result.tiers),
        tier=("utama" if result.about else "disebut") if result.relevant else None,
    )


@dataclass(frozen=True)
class NewArticle:
    """An article about to enter the archive (the harvest's, an editor's URL, a print clipping)."""

    url: str
    url_key: str
    media: str
    title: str
    text: str
    day: str  # YYYY-MM-DD in WIB
    classification: ClassificationColumns
    source: str | None = None  # the configured source's name
    published_utc: str | None = None
    fetched_at: str | None = None
    author: str | None = None
    published_at: str | None = None  # ISO with the WIB offset
    description: str | None = None
    language: str | None = None
    image_url: str | None = None
    rubrik: str | None = None
    extractor: str | None = None
    sketch: bytes | None = None
    story_id: int | None = None
    kind: str = "article"  # clipper.models.PAGE_KINDS
    confidence: str = "ok"  # ok | doubtful
    doubt: str | None = None  # why the extraction is doubtful


@dataclass(frozen=True)
class Evidence:
    """The page an article was read from, kept compressed with its SHA-256."""

    sha256: str | None
    final_url: str | None
    compressed: bytes  # zlib, or gzip as the server sent it


@dataclass(frozen=True)
class Article:
    """One archived article with the editors' decisions."""

    id: int
    url: str
    url_key: str
    media: str
    title: str
    text: str
    day: str
    status: str
    source: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    published_utc: str | None = None
    fetched_at: str | None = None
    description: str | None = None
    language: str | None = None
    image_url: str | None = None
    rubrik: str | None = None
    extractor: str | None = None
    story_id: int | None = None
    error: str | None = None
    topics: tuple[str, ...] = ()
    primary_topic: str | None = None
    scores: dict[str, float] = field(default_factory=dict)
    matches: tuple[TermMatch, ...] = ()
    tone_suggested: str | None = None
    tone: str | None = None  # the editor's
    narasumber: tuple[Narasumber, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str | None = None
    highlight: bool = False
    position: int | None = None
    decided_by: str | None = None
    decided_at: str | None = None
    updated_at: str | None = None
    outlets: tuple[str, ...] = ()  # the other media of its story, where asked for
    kind: str = "article"
    confidence: str = "ok"
    doubt: str | None = None
    tiers: dict[str, str] = field(default_factory=dict)  # topic -> "utama" | "disebut"
    tier: str | None = None
    text_original: str | None = None  # the extracted text, when an editor corrected it
    corrected_by: str | None = None
    corrected_at: str | None = None
    version: int = 1  # counts the editors' changes (see QueueItem.version)
    story_lead: bool = False  # the editor chose this copy to print for its story

    @property
    def shown_tone(self) -> str | None:
        """The editor's tone, else the suggestion."""
        return self.tone or self.tone_suggested

    @property
    def corrected(self) -> bool:
        return self.text_original is not None


def article_from_row(row: dict[str, Any]) -> Article:
    """An Article from a row of ``articles`` (plus an optional ``outlets`` column: "a; b")."""
    outlets = row.get("outlets")
    return Article(
        id=row["id"], url=row["url"], url_key=row["url_key"], media=row["media"], title=row["title"],
        text=row["text"], day=row["day"], status=row["status"], source=row.get("source"),
        author=row.get("author"), published_at=_moment(row.get("published_at")),
        published_utc=row.get("published_utc"), fetched_at=row.get("fetched_at"),
        description=row.get("description"), language=row.get("language"), image_url=row.get("image_url"),
        rubrik=row.get("rubrik"), extractor=row.get("extractor"), story_id=row.get("story_id"),
        error=row.get("error"), topics=tuple(str(t) for t in _list(row.get("topics"))),
        primary_topic=row.get("primary_topic"), scores=_dict(row.get("scores")),
        matches=tuple(TermMatch(*m) for m in _list(row.get("matches")) if isinstance(m, list) and len(m) == 5),
        tone_suggested=row.get("tone_suggested"), tone=row.get("tone"),
        narasumber=tuple(Narasumber(n[0], n[1]) for n in _list(row.get("narasumber"))
                         if isinstance(n, list) and len(n) == 2),
        tags=tuple(str(t) for t in _list(row.get("tags"))), summary=row.get("summary"),
        highlight=bool(row.get("highlight")), position=row.get("position"), decided_by=row.get("decided_by"),
        decided_at=row.get("decided_at"), updated_at=row.get("updated_at"),
        outlets=tuple(m for m in (outlets or "").split("; ") if m),
        kind=row.get("kind") or "article", confidence=row.get("confidence") or "ok", doubt=row.get("doubt"),
        tiers={str(k): str(v) for k, v in _dict(row.get("tiers")).items()}, tier=row.get("tier"),
        text_original=row.get("text_original"), corrected_by=row.get("corrected_by"),
        corrected_at=row.get("corrected_at"), version=row.get("version") or 1,
        story_lead=bool(row.get("story_lead")),
    )


class QueueItem(NamedTuple):
    """What the review queue shows of one article (the text stays in the archive).

    A named tuple, not a dataclass: 40,000 of them are built when the app starts, and a
    tuple is built ~4× faster than a frozen dataclass instance.
    """

    id: int
    url: str
    media: str
    title: str
    published_at: datetime | None
    published_utc: str
    day: str
    status: str
    topics: tuple[str, ...] = ()
    primary_topic: str | None = None
    score: float = 0.0
    tone: str | None = None  # the editor's tone
    tone_suggested: str | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None
    highlight: bool = False
    position: int | None = None
    story_id: int | None = None
    outlets: int = 1
    source: str | None = None
    error: str | None = None
    kind: str = "article"
    confidence: str = "ok"
    doubt: str | None = None
    tier: str | None = None
    corrected: bool = False
    version: int = 1  # the article's version when read: a decision carries it (optimistic concurrency)

    @property
    def shown_tone(self) -> str | None:
        return self.tone or self.tone_suggested


@dataclass(frozen=True)
class Outlet:
    """One medium's copy of a story."""

    id: int
    media: str
    url: str
    title: str


@dataclass(frozen=True)
class StoryMember:
    """A recent article's fingerprint, for grouping a new text into its story."""

    id: int
    media: str
    sketch: bytes | None
    story_id: int


@dataclass(frozen=True)
class SourceState:
    """What the archive remembers of one source between harvests."""

    name: str
    url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_fetch_at: str | None = None
    last_ok_at: str | None = None
    last_status: str | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    articles_total: int = 0


@dataclass(frozen=True)
class SearchFilters:
    """What narrows an archive search; empty fields do not filter.

    ``statuses`` holds article statuses plus "published" (in a final edition); empty means all.
    ``edition`` is an edition number ("12/2026") or sequence ("12").
    """

    date_from: str | None = None
    date_to: str | None = None
    media: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    tone: str | None = None
    statuses: tuple[str, ...] = ("approved", "published")
    edition: str | None = None

