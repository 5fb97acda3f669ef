"""Articles in the archive: adding them, reading them whole, their stories and their evidence."""

from __future__ import annotations

import logging
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

from clipper.limits import (MAX_DESCRIPTION_CHARS, MAX_LABEL_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS,
                            MAX_URL_CHARS, clip)
from clipper.store.archive import ARTICLES_LOCK, Archive, evidence_bytes, json_list, now_utc
from clipper.store.locator import parse_locator, redact
from clipper.store.records import Article, Evidence, NewArticle, Outlet, StoryMember, article_from_row
from clipper.textnorm import storable

logger = logging.getLogger(__name__)

# zlib level of evidence compressed here (the harvest's workers compress their own).
EVIDENCE_ZLIB_LEVEL = 6
# Articles read per query when a long list of ids is asked for.
ID_BATCH = 500

# Every column of an article, and the other media of its story ("a; b"), for Article.
# (other media only: a medium's second copy of its own story is the same article)
_OUTLETS = ("select *, (select {concat} from (select o.media from articles o "
            "where o.story_id = articles.story_id and o.media != articles.media group by o.media "
            "order by min(o.published_utc), min(o.id)) as m) as outlets from articles")
_WITH_OUTLETS = _OUTLETS.format(concat="group_concat(media, '; ')")
_WITH_OUTLETS_PG = _OUTLETS.format(concat="string_agg(media, '; ')")


def with_outlets(archive: Archive) -> str:
    return _WITH_OUTLETS_PG if archive.is_postgres else _WITH_OUTLETS


def _row(new: NewArticle) -> dict:
    row = asdict(new)
    row.update(row.pop("classification"))
    row["updated_at"] = now_utc()
    # What arrives from the web is cleaned and bounded before it is kept (clipper.limits; README).
    row["title"] = clip(storable(row["title"]), MAX_TITLE_CHARS)
    row["text"] = clip(storable(row["text"]), MAX_TEXT_CHARS)
    row["description"] = clip(storable(row["description"]), MAX_DESCRIPTION_CHARS)
    for label in ("author", "rubrik", "language", "source"):
        row[label] = clip(storable(row[label]), MAX_LABEL_CHARS) or None
    row["media"] = clip(storable(row["media"]), MAX_LABEL_CHARS) or "(tanpa nama media)"
    if row["image_url"] and len(row["image_url"]) > MAX_URL_CHARS:
        row["image_url"] = None  # a cut address is a wrong one
    return row


def insert_article(archive: Archive, new: NewArticle, *, evidence: Evidence | None = None,
                   html: bytes | None = None, stems: str | None = None) -> int | None:
    """Add one article (with its page as evidence: ``evidence``, or ``html`` to compress here).

    ``stems``: the search roots, when already computed (the harvest's workers do), so the
    insert indexes the article once, complete.

    Returns:
        The new id, or None when an article with this url_key is already archived.
    """
    with archive.write():
        if archive.is_postgres:
            article_id = _insert_pg(archive, new, stems)
            if article_id is None:
                return None
        else:
            if archive.scalar("select 1 from articles where url_key = ?", [new.url_key]):
                return None
            if stems is not None:
                archive.execute("insert or replace into search_stems_inbox (url_key, stems) values (?, ?)",
                                [new.url_key, stems])
            article_id = archive.insert("articles", _row(new))
        if evidence is None and html is not None:
            evidence = Evidence(None, None, zlib.compress(html, EVIDENCE_ZLIB_LEVEL))
        if evidence is not None:
            archive.insert("evidence", {"article_id": article_id, "sha256": evidence.sha256,
                                        "fetched_at": new.fetched_at, "final_url": evidence.final_url,
                                        "html": evidence.compressed})
        archive.execute("delete from page_errors where url_key = ?", [new.url_key])
        return article_id


def _insert_pg(archive: Archive, new: NewArticle, stems: str | None) -> int | None:
    """PostgreSQL: insert unless the url_key is archived (a concurrent harvest's insert waits for
    the other's commit, then does nothing), and index the words at once."""
    from clipper.store import pg_index
    archive.lock(ARTICLES_LOCK)
    row = _row(new)
    found = archive.execute(f"insert into articles ({', '.join(row)}) values ({', '.join('?' * len(row))}) "
                            "on conflict (url_key) do nothing returning id", list(row.values())).fetchone()
    if found is None:
        return None
    pg_index.index_articles(archive, [found[0]], None if stems is None else {found[0]: stems})
    return found[0]


def has_url_key(archive: Archive, url_key: str) -> bool:
    return archive.scalar("select 1 from articles where url_key = ? limit 1", [url_key]) is not None


def find_by_url_keys(archive: Archive, keys: Iterable[str]) -> int | None:
    """The id of the article archived under any of these keys, if any."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return None
    marks = ",".join("?" * len(keys))
    return archive.scalar(f"select id from articles where url_key in ({marks}) order by id limit 1", keys)


def get_article(archive: Archive, article_id: int) -> Article | None:
    rows = archive.query(f"{with_outlets(archive)} where id = ?", [article_id])
    return article_from_row(rows[0]) if rows else None


def articles_by_id(archive: Archive, ids: Iterable[int]) -> Iterator[Article]:
    """The articles ``ids`` (with their stories' other media), in the given order."""
    batch: list[int] = []

    def flush() -> Iterator[Article]:
        marks = ",".join("?" * len(batch))
        by_id = {r["id"]: r for r in archive.query(f"{with_outlets(archive)} where id in ({marks})", batch)}
        yield from (article_from_row(by_id[i]) for i in batch if i in by_id)

    for article_id in ids:
        batch.append(article_id)
        if len(batch) >= ID_BATCH:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def select_articles(archive: Archive, *, status: str | None = "all", topic: str | None = None,
                    day: str | None = None, day_from: str | None = None, day_to: str | None = None,
                    limit: int | None = 200, kind: str | None = "article", tier: str | None = None,
                    doubtful: bool = False) -> list[Article]:
    """Articles by status, topic, day, page kind ("all": any), topic tier and doubt, newest first."""
    where, params = [], []
    for column, value in (("status", status), ("kind", kind), ("tier", tier)):
        if value and value != "all":
            where.append(f"{column} = ?")
            params.append(value)
    if doubtful:
        where.append("confidence = 'doubtful'")
    if topic:
        where.append(f"exists (select 1 from {json_list(archive, 'articles.topics')} where value = ?)")
        params.append(topic)
    for clause, value in (("day = ?", day), ("day >= ?", day_from), ("day <= ?", day_to)):
        if value:
            where.append(clause)
            params.append(value)
    sql = with_outlets(archive) + (" where " + " and ".join(where) if where else "")
    sql += " order by published_utc desc, id desc"
    if limit:
        sql += f" limit {int(limit)}"
    return [article_from_row(r) for r in archive.query(sql, params)]


def doubtful_articles(archive: Archive, limit: int = 50) -> tuple[int, list[dict]]:
    """(how many, the newest ``limit``) queued or approved articles whose extracted text is doubtful."""
    where = "where confidence = 'doubtful' and status in ('new', 'approved')"
    total = archive.scalar(f"select count(*) from articles {where}")
    rows = archive.query(f"select id, day, media, title, doubt, status from articles {where} "
                         "order by day desc, id desc limit ?", [limit])
    return total, rows


def queued_ids(archive: Archive, day: str) -> list[int]:
    """The articles of a day waiting for a decision, oldest first."""
    return [r[0] for r in archive.execute(
        "select id from articles where day = ? and status = 'new' order by published_utc", [day])]


def count_articles(archive: Archive, *, status: str | None = None) -> int:
    if status is None:
        return archive.scalar("select count(*) from articles")
    return archive.scalar("select count(*) from articles where status = ?", [status])


def count_stories(archive: Archive) -> int:
    """How many stories were published by more than one medium."""
    return archive.scalar("select count(distinct story_id) from articles where story_id is not null")


def story_outlets(archive: Archive, story_id: int) -> list[Outlet]:
    """Every medium's copy of a story, earliest first."""
    return [Outlet(r["id"], r["media"], r["url"], r["title"]) for r in archive.query(
        "select id, media, url, title from articles where story_id = ? order by published_utc, id", [story_id])]


def recent_story_members(archive: Archive, since_day: str) -> list[StoryMember]:
    """The fingerprints of the articles from ``since_day`` on, to group new texts into stories."""
    return [StoryMember(r["id"], r["media"], r["sketch"], r["story_id"]) for r in archive.query(
        "select id, media, sketch, coalesce(story_id, id) as story_id "
        "from articles where day >= ? and sketch is not null", [since_day])]


def open_story(archive: Archive, first_id: int) -> None:
    """The first article of a story that a second copy just joined carries the story's id."""
    with archive.write():
        archive.lock(ARTICLES_LOCK)
        archive.execute("update articles set story_id = id where id = ? and story_id is null", [first_id])


def queue_by_hand(archive: Archive, article_id: int) -> None:
    """An article an editor added: queued for review whatever the topic rules say."""
    with archive.write():
        archive.update("articles", ("id", article_id), {"status": "new", "source": "manual",
                                                         "updated_at": now_utc()})


def set_image_url(archive: Archive, article_id: int, url: str) -> None:
    with archive.write():
        archive.update("articles", ("id", article_id), {"image_url": url})


def evidence_html(archive: Archive, article_id: int) -> bytes | None:
    """The page the article was read from, as fetched."""
    blob = archive.scalar("select html from evidence where article_id = ?", [article_id])
    return evidence_bytes(blob) if blob is not None else None


class KnownPages:
    """Read-only look-ups from the harvest's network thread: which links need no fetch.

    Its own connection (SQLite's WAL lets it read while the harvest writes; PostgreSQL reads
    committed rows), usable from any thread. ``locator``: the archive's path or URL.
    """

    def __init__(self, locator: str | Path, max_attempts: int):
        self._max_attempts = max_attempts
        dialect, target = parse_locator(locator)
        if dialect == "postgresql":
            from clipper.store.postgres import PgConnection
            self._pg = PgConnection(target, redact(target))
            self._conn = None
        else:
            self._pg = None
            self._conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True, timeout=30, check_same_thread=False)

    def _one(self, sql: str, key: str):
        if self._pg:
            return self._pg.execute(sql, [key]).fetchone()
        return self._conn.execute(sql, [key]).fetchone()

    def is_known(self, url_key: str) -> bool:
        """Archived already, or failed for good (permanently, or too often)."""
        if self._one("select 1 from articles where url_key = ?", url_key):
            return True
        row = self._one("select permanent, attempts from page_errors where url_key = ?", url_key)
        return bool(row and (row[0] or row[1] >= self._max_attempts))

    def close(self) -> None:
        (self._pg or self._conn).close()
