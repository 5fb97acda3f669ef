"""The topic columns of archived articles: read in batches to classify again, and rewritten."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, fields

from clipper.store.archive import ARTICLES_LOCK, Archive, now_utc
from clipper.store.records import ClassificationColumns

logger = logging.getLogger(__name__)

# Rows are read and written in batches so a large archive never sits in memory at once.
BATCH = 2000
_COLUMNS = {f.name for f in fields(ClassificationColumns)}


@dataclass(frozen=True)
class Classified:
    """An article as the topic rules see it, with what they decided last time."""

    id: int
    title: str
    text: str
    day: str
    status: str
    topics: str  # as stored (JSON)
    matches: str
    tiers: str
    tone_suggested: str | None
    published_at: str | None = None  # ISO with the WIB offset; None: undated


def classified_articles(archive: Archive, *, date_from: str | None = None) -> Iterator[Classified]:
    """Every article (from ``date_from`` on), in id order, read BATCH at a time."""
    where, params = ("day >= ? and ", [date_from]) if date_from else ("", [])
    last_id = 0
    while True:
        rows = archive.query(
            f"select id, title, text, day, status, topics, matches, tiers, tone_suggested, published_at from articles "
            f"where {where}id > ? order by id limit {BATCH}", params + [last_id])
        if not rows:
            return
        for row in rows:
            yield Classified(**row)
        last_id = rows[-1]["id"]


def write_classifications(archive: Archive, changes: list[tuple[int, dict]]) -> None:
    """Store new topic columns: (article id, {column: value}), columns of ClassificationColumns."""
    for start in range(0, len(changes), BATCH):
        with archive.write():
            archive.lock(ARTICLES_LOCK)  # PostgreSQL: between a harvest's batches
            for article_id, values in changes[start:start + BATCH]:
                unknown = set(values) - _COLUMNS
                if unknown:
                    raise ValueError(f"not a classification column: {', '.join(sorted(unknown))}")
                archive.update("articles", ("id", article_id), {**values, "updated_at": now_utc()})
