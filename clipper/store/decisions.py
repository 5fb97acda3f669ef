"""The editors' columns of an article (status, tags, tone, summary, highlight, order): read and written."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from clipper.store.archive import Archive, now_utc

logger = logging.getLogger(__name__)

# Columns an editor may change; everything else is the harvest's.
EDITABLE = ("status", "tags", "tone", "summary", "highlight", "position", "decided_by", "decided_at")


def _check(columns: Iterable[str]) -> None:
    unknown = [c for c in columns if c not in EDITABLE]
    if unknown:
        raise ValueError(f"not an editor's column: {', '.join(unknown)}")


def editable_values(archive: Archive, article_id: int) -> dict[str, Any] | None:
    """The editor's columns of one article as stored (tags as JSON text); None when it does not exist."""
    rows = archive.query(f"select {', '.join(EDITABLE)} from articles where id = ?", [article_id])
    return rows[0] if rows else None


def page_kind(archive: Archive, article_id: int) -> str | None:
    """What the page of an archived article is (clipper.models.STORED_KINDS), None when unknown."""
    return archive.scalar("select kind from articles where id = ?", [article_id])


def write_values(archive: Archive, changes: dict[int, dict[str, Any]]) -> None:
    """Set editor's columns on articles, in one transaction (``updated_at`` is stamped)."""
    with archive.write():
        for article_id, values in changes.items():
            _check(values)
            if values:
                archive.update("articles", ("id", article_id), {**values, "updated_at": now_utc()})


def set_positions(archive: Archive, ids: list[int]) -> None:
    """The editor's order of approved articles (1, 2, 3 … within the given list)."""
    with archive.write():
        for position, article_id in enumerate(ids, start=1):
            archive.execute("update articles set position = ?, updated_at = ? where id = ?",
                            [position, now_utc(), article_id])


def tag_vocabulary(archive: Archive) -> list[str]:
    """Every tag in use, most used first (for completion)."""
    return [r[0] for r in archive.execute(
        "select value, count(*) as n from articles, json_each(case when json_valid(articles.tags) "
        "then articles.tags else '[]' end) group by value order by n desc, value")]
