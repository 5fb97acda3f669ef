"""Queries of the search index: keeping its stems current, matching, ranking, and what a result shows."""

from __future__ import annotations

import json
import logging

from clipper.store.archive import Archive
from clipper.textnorm import stems_of

logger = logging.getLogger(__name__)


def _loads(value: str | None) -> tuple[str, ...]:
    try:
        data = json.loads(value) if value else []
    except ValueError:
        return ()
    return tuple(str(v) for v in data) if isinstance(data, list) else ()


def _tags_text(value: str | None) -> str:
    return " ".join(_loads(value))


def index_pending(archive: Archive, *, limit: int | None = None, batch: int = 200) -> int:
    """Compute the stems of articles added or changed since the last run (a write).

    The harvest's triggers index the plain words at once; the stemmed roots need
    PySastrawi, so they are filled here. Cheap when nothing is pending.

    Args:
        limit: at most this many articles (None: all).
        batch: articles per write transaction.

    Returns:
        How many articles were indexed.
    """
    done = 0
    while limit is None or done < limit:
        size = batch if limit is None else min(batch, limit - done)
        rows = archive.query(
            "select d.key, a.title, a.summary, a.tags, a.text from search_docs d "
            "join articles a on a.id = d.article_id where d.pending = 1 limit ?", [size])
        if not rows:
            break
        values = [(stems_of(r["title"], r["summary"], _tags_text(r["tags"]), r["text"]), r["key"]) for r in rows]
        with archive.write() as db:
            db.conn.executemany("update search_docs set stems = ?, pending = 0 where key = ?", values)
        done += len(rows)
    if done:
        logger.info("stems indexed for %d articles", done)
    return done


def pending_count(archive: Archive) -> int:
    """How many articles still wait for their stems."""
    return archive.conn.execute("select count(*) from search_docs where pending = 1").fetchone()[0]


