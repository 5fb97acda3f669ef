"""The editors' columns of an article (status, tags, tone, summary, highlight, order): read and written."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from clipper.errors import ConflictError
from clipper.store.archive import ARTICLES_LOCK, Archive, json_list, now_utc

logger = logging.getLogger(__name__)

# Columns an editor may change; everything else is the harvest's.
EDITABLE = ("status", "tags", "tone", "summary", "highlight", "position", "decided_by", "decided_at")


def _check(columns: Iterable[str]) -> None:
    unknown = [c for c in columns if c not in EDITABLE]
    if unknown:
        raise ValueError(f"not an editor's column: {', '.join(unknown)}")


def editable_values(archive: Archive, article_id: int, *, lock: bool = False) -> dict[str, Any] | None:
    """The editor's columns of one article as stored (tags as JSON text) and its ``version``;
    None when it does not exist.

    ``lock``: inside a write, hold the row until the commit (PostgreSQL: FOR UPDATE; another
    editor's decision on it waits), so a read-then-write loses no one's change.
    """
    if lock:
        archive.lock(ARTICLES_LOCK, shared=True)
    sql = f"select {', '.join(EDITABLE)}, version from articles where id = ?"
    rows = archive.query(sql + (" for update" if lock and archive.is_postgres else ""), [article_id])
    return rows[0] if rows else None


def page_kind(archive: Archive, article_id: int) -> str | None:
    """What the page of an archived article is (clipper.models.STORED_KINDS), None when unknown."""
    return archive.scalar("select kind from articles where id = ?", [article_id])


def lock_articles(archive: Archive, ids: Iterable[int]) -> None:
    """Inside a write: hold these articles' rows until the commit, in id order (PostgreSQL; two
    editors locking the same rows in different orders would deadlock). SQLite's write holds all."""
    archive.lock(ARTICLES_LOCK, shared=True)
    ids = sorted(set(ids))
    if archive.is_postgres and ids:
        marks = ",".join("?" * len(ids))
        archive.execute(f"select id from articles where id in ({marks}) order by id for update", ids)


def write_values(archive: Archive, changes: dict[int, dict[str, Any]], *,
                 expected: Mapping[int, int] | None = None) -> dict[int, int]:
    """Set editor's columns on articles, in one transaction (``updated_at`` stamped, ``version`` + 1).

    Args:
        changes: {article id: {column: value}}.
        expected: {article id: the version the editor saw}; an article changed since is refused.

    Returns:
        The new version of each changed article.

    Raises:
        ConflictError: an article's version is not the expected one; nothing is written.
    """
    versions: dict[int, int] = {}
    with archive.write():
        archive.lock(ARTICLES_LOCK, shared=True)
        stale = []
        for article_id, values in changes.items():
            _check(values)
            if not values:
                continue
            sets = ", ".join(f"{column} = ?" for column in values)
            sql = f"update articles set {sets}, updated_at = ?, version = version + 1 where id = ?"
            params = [*values.values(), now_utc(), article_id]
            if expected is not None and article_id in expected:
                sql += " and version = ?"
                params.append(expected[article_id])
            if archive.execute(sql, params).rowcount == 0 and expected is not None and article_id in expected:
                stale.append(article_id)
            archive.mark_words_changed([article_id], values)
        if stale:
            raise ConflictError(stale)
        ids = [i for i, v in changes.items() if v]
        if ids:
            marks = ",".join("?" * len(ids))
            versions = {r[0]: r[1] for r in archive.execute(
                f"select id, version from articles where id in ({marks})", ids)}
    return versions


def set_positions(archive: Archive, ids: list[int]) -> None:
    """The editor's order of approved articles (1, 2, 3 … within the given list)."""
    with archive.write():
        archive.lock(ARTICLES_LOCK, shared=True)
        for position, article_id in enumerate(ids, start=1):
            archive.execute("update articles set position = ?, updated_at = ? where id = ?",
                            [position, now_utc(), article_id])


def tag_vocabulary(archive: Archive) -> list[str]:
    """Every tag in use, most used first (for completion)."""
    return [r[0] for r in archive.execute(
        f"select value, count(*) as n from articles, {json_list(archive, 'articles.tags')} "
        "group by value order by n desc, value")]
