"""The review queue's filters: status, page kind, tier, doubt, topic, media, date range and text."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from ui.review.rows import QueueRow

logger = logging.getLogger(__name__)

# The status filter's choices: key -> the statuses shown. Irrelevant articles are not queued,
# so only the two filters that name them show them.
STATUS_FILTERS = {
    "new": ("new",),
    "approved": ("approved",),
    "rejected": ("rejected",),
    "reviewed": ("approved", "rejected"),
    "queued": ("new", "approved", "rejected", "error"),
    "irrelevant": ("irrelevant",),
    "all": ("new", "approved", "rejected", "error", "irrelevant"),
}


# The page-kind filter's choices: key -> the kinds shown. Articles by default; galleries, videos
# and live reports behind one choice; index pages (never queued: status irrelevant) behind another.
KIND_FILTERS = {
    "article": ("article",),
    "media": ("gallery", "video", "live"),
    "index": ("index",),
    "all": ("article", "gallery", "video", "live", "index"),
}
# The tier filter's choices: key -> the tiers shown (None: no topic, e.g. an article added by hand).
TIER_FILTERS = {
    "utama": ("utama", None),
    "disebut": ("disebut",),
    "all": ("utama", "disebut", None),
}


@dataclass(frozen=True)
class QueueFilter:
    """What the editor asked to see; empty fields filter nothing.

    By default: new articles (kind article) about their topics (tier utama).
    """

    statuses: tuple[str, ...] = STATUS_FILTERS["new"]
    kinds: tuple[str, ...] = KIND_FILTERS["article"]
    tiers: tuple[str | None, ...] = TIER_FILTERS["utama"]
    doubtful: bool = False  # only the articles whose text is doubtful
    topic: str | None = None
    media: str | None = None
    day_from: str | None = None  # YYYY-MM-DD, inclusive
    day_to: str | None = None
    text: str = ""
    words: tuple[str, ...] = field(default=(), compare=False)

    @property
    def index_only(self) -> bool:
        """Index pages only: they are never queued (stored as irrelevant), so any status, no tier."""
        return self.kinds == KIND_FILTERS["index"]

    @property
    def needs_irrelevant(self) -> bool:
        """Whether the rows this filter may show include irrelevant ones (loaded on demand)."""
        return self.index_only or "irrelevant" in self.statuses

    def accepts(self, row: QueueRow, haystack: Callable[[QueueRow], str] | None = None) -> bool:
        """Whether one row passes (``haystack`` gives the row's searchable text)."""
        if self.index_only:
            if row.kind not in self.kinds:
                return False
        elif row.status not in self.statuses or row.kind not in self.kinds or row.tier not in self.tiers:
            return False
        if self.doubtful and row.confidence != "doubtful":
            return False
        if self.topic and self.topic not in row.topics:
            return False
        if self.media and row.media != self.media:
            return False
        if self.day_from and row.day < self.day_from:
            return False
        if self.day_to and row.day > self.day_to:
            return False
        if self.words:
            text = (haystack or text_of)(row)
            return all(w in text for w in self.words)
        return True

    def select(self, rows: list[QueueRow], haystack: Callable[[QueueRow], str] | None = None) -> list[QueueRow]:
        """The rows ``accepts`` keeps, in order; one comprehension per condition (~3× faster)."""
        kinds, tiers = self.kinds, self.tiers
        if self.index_only:
            kept = [r for r in rows if r.kind in kinds]
        else:
            kept = [r for r in rows if r.status in self.statuses and r.kind in kinds and r.tier in tiers]
        if self.doubtful:
            kept = [r for r in kept if r.confidence == "doubtful"]
        if self.topic:
            kept = [r for r in kept if self.topic in r.topics]
        if self.media:
            kept = [r for r in kept if r.media == self.media]
        if self.day_from:
            kept = [r for r in kept if r.day >= self.day_from]
        if self.day_to:
            kept = [r for r in kept if r.day <= self.day_to]
        if self.words:
            text = haystack or text_of
            kept = [r for r in kept if all(w in text(r) for w in self.words)]
        return kept


def text_of(row: QueueRow) -> str:
    """What the text filter searches in: title, media and tags, case-folded."""
    return f"{row.title} {row.media} {' '.join(row.tags)}".casefold()


__all__ = ["KIND_FILTERS", "STATUS_FILTERS", "TIER_FILTERS", "QueueFilter", "text_of"]
