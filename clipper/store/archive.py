"""The archive: one SQLite database (WAL), the single source of truth, with migrations."""

from __future__ import annotations

import logging
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils.migrations import Migrations

from clipper.errors import StoreError
from clipper.models import dumps  # noqa: F401 - the archive's JSON, imported from here by its users

logger = logging.getLogger(__name__)

migrations = Migrations("clipper")

FTS_TOKENIZE = "unicode61 remove_diacritics 2"


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    """Articles, their evidence, sources' state, harvest runs and page errors."""
    db["articles"].create(
        {
            "id": int, "url": str, "url_key": str, "media": str, "source": str, "title": str,
            "author": str, "published_at": str, "published_utc": str, "day": str,
            "fetched_at": str, "text": str, "description": str, "language": str,
            "image_url": str, "rubrik": str, "extractor": str, "sketch": bytes,
            "story_id": int, "status": str, "error": str,
            "topics": str, "primary_topic": str, "scores": str, "matches": str,
            "tone_suggested": str, "tone": str, "narasumber": str, "tags": str,
            "summary": str, "highlight": int, "position": int,
            "decided_by": str, "decided_at": str, "updated_at": str,
        },
        pk="id",
        not_null={"url", "url_key", "media", "title", "text", "status", "day"},
        defaults={"status": "new", "highlight": 0, "topics": "[]", "tags": "[]",
                  "scores": "{}", "matches": "[]", "narasumber": "[]"},
    )
    db["articles"].create_index(["url_key"], unique=True)
    db["articles"].create_index(["day", "status"])
    db["articles"].create_index(["story_id"])
    db["articles"].create_index(["status", "published_utc"])
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize=FTS_TOKENIZE)
    db["evidence"].create(
        {"article_id": int, "sha256": str, "fetched_at": str, "final_url": str, "html": bytes},
        pk="article_id", foreign_keys=[("article_id", "articles", "id")],
    )
    db["sources"].create(
        {"name": str, "url": str, "etag": str, "last_modified": str, "last_fetch_at": str,
         "last_ok_at": str, "last_status": str, "last_error": str, "consecutive_failures": int,
         "articles_total": int},
        pk="name", defaults={"consecutive_failures": 0, "articles_total": 0},
    )
    db["runs"].create(
        {"id": int, "started_at": str, "finished_at": str, "status": str, "sources": int,
         "new_articles": int, "failed_sources": int},
        pk="id",
    )
    db["run_sources"].create(
        {"run_id": int, "source": str, "status": str, "links": int, "new_articles": int,
         "duplicates": int, "failed_pages": int, "reason": str, "http_status": int,
         "seconds": float, "at": str},
        pk=("run_id", "source"), foreign_keys=[("run_id", "runs", "id")],
    )
    db["page_errors"].create(
        {"url_key": str, "url": str, "source": str, "reason": str, "http_status": int,
         "permanent": int, "attempts": int, "at": str},
        pk="url_key",
    )


@migrations()
def m002_editions(db: sqlite_utils.Database) -> None:
    """Numbered daily editions; a final one keeps its content and PDF checksum."""
    db["editions"].create(
        {"id": int, "day": str, "kind": str, "seq": int, "year": int, "number": str,
         "status": str, "corrects": int, "created_at": str, "finalized_at": str,
         "editor": str, "pdf_path": str, "pdf_sha256": str, "pdf_size": int, "pages": int,
         "articles": int, "content": str},
        pk="id", not_null={"day", "kind", "seq", "year", "number", "status"},
    )
    db["editions"].create_index(["day", "kind"])
    db["editions"].create_index(["year", "seq"], unique=True)


@migrations()
def m003_images(db: sqlite_utils.Database) -> None:
    """Lead images fetched for the preview and the PDF, cached by URL."""
    db["images"].create(
        {"url": str, "content": bytes, "content_type": str, "status": str, "error": str,
         "attempts": int, "fetched_at": str},
        pk="url", defaults={"attempts": 0},
    )


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def evidence_bytes(blob: bytes) -> bytes:
    """The page an evidence row holds: zlib-compressed by us, or gzip as the server sent it."""
    return zlib.decompress(blob, 47)  # 32 + 15: either header, detected


class Archive:
    """The archive database. Belongs to the thread that opened it."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            self.db = sqlite_utils.Database(conn)
            migrations.apply(self.db)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"arsip {self.path} tidak dapat dibuka: {exc}") from exc

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """A short write transaction, started with BEGIN IMMEDIATE (never a deferred upgrade).

        Inside another write() it joins the outer transaction (a batch commits once).
        """
        if self.conn.in_transaction:
            yield self.db
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"arsip {self.path} tidak dapat ditulis: {exc}") from exc
        try:
            yield self.db
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def query(self, sql: str, params: Any = ()) -> list[dict]:
        return list(self.db.query(sql, params))

    # --- harvest bookkeeping --------------------------------------------------------

    def start_run(self, source_count: int) -> int:
        with self.write() as db:
            return db["runs"].insert(
                {"started_at": now_utc(), "status": "running", "sources": source_count}
            ).last_pk

    def finish_run(self, run_id: int, status: str, new_articles: int, failed_sources: int) -> None:
        with self.write() as db:
            db["runs"].update(run_id, {"finished_at": now_utc(), "status": status,
                                       "new_articles": new_articles,
                                       "failed_sources": failed_sources})

    def source_states(self) -> dict[str, dict]:
        return {row["name"]: row for row in self.db["sources"].rows}

    def record_source(self, run_id: int, report: dict, *, url: str,
                      etag: str | None = None, last_modified: str | None = None) -> None:
        """Store one source's outcome for this run and its conditional-GET validators."""
        name, at = report["source"], now_utc()
        with self.write() as db:
            db["run_sources"].upsert({**report, "run_id": run_id, "at": at}, pk=("run_id", "source"))
            old = db["sources"].get(name) if db["sources"].count_where("name = ?", [name]) else {}
            row = {"name": name, "url": url, "last_fetch_at": at, "last_status": report["status"],
                   "last_error": report.get("reason"),
                   "articles_total": (old.get("articles_total") or 0) + report.get("new_articles", 0)}
            if report["status"] == "failed":
                row["consecutive_failures"] = (old.get("consecutive_failures") or 0) + 1
            else:
                row.update(consecutive_failures=0, last_ok_at=at)
            if old.get("url") not in (None, url):
                row.update(etag=None, last_modified=None)  # the address changed: forget validators
            if etag or last_modified:
                row.update(etag=etag, last_modified=last_modified)
            db["sources"].upsert(row, pk="name")

    def runs(self, limit: int = 20) -> list[dict]:
        return self.query("select * from runs order by id desc limit ?", [limit])

    def run_sources(self, run_id: int) -> list[dict]:
        return self.query("select * from run_sources where run_id = ? order by source", [run_id])

    # --- articles --------------------------------------------------------------------

    def has_url_key(self, url_key: str) -> bool:
        return self.conn.execute("select 1 from articles where url_key = ? limit 1", [url_key]).fetchone() is not None

    def page_error(self, url_key: str) -> dict | None:
        rows = self.query("select * from page_errors where url_key = ?", [url_key])
        return rows[0] if rows else None

    def record_page_error(self, url_key: str, url: str, source: str, reason: str,
                          http_status: int | None, permanent: bool) -> None:
        old = self.page_error(url_key)
        with self.write() as db:
            db["page_errors"].upsert(
                {"url_key": url_key, "url": url, "source": source, "reason": reason,
                 "http_status": http_status, "permanent": int(permanent),
                 "attempts": (old["attempts"] if old else 0) + 1, "at": now_utc()},
                pk="url_key",
            )

    def insert_article(self, row: dict, *, html: bytes | None = None, sha256: str | None = None,
                       final_url: str | None = None, compressed: bytes | None = None) -> int | None:
        """Insert one article (and its evidence: ``html``, or already ``compressed``: zlib or gzip)."""
        row = {**row, "updated_at": now_utc()}
        with self.write():
            conn = self.conn
            if conn.execute("select 1 from articles where url_key = ?", [row["url_key"]]).fetchone():
                return None
            # Plain SQL: sqlite-utils' insert() looks up table and view names on every call,
            # which cost more than the insert itself during a harvest.
            columns = ", ".join(row)
            marks = ", ".join("?" * len(row))
            article_id = conn.execute(f"insert into articles ({columns}) values ({marks})",
                                      list(row.values())).lastrowid
            if html is not None or compressed is not None:
                conn.execute(
                    "insert into evidence (article_id, sha256, fetched_at, final_url, html) values (?, ?, ?, ?, ?)",
                    [article_id, sha256, row.get("fetched_at"), final_url,
                     compressed if compressed is not None else zlib.compress(html, 6)])
            conn.execute("delete from page_errors where url_key = ?", [row["url_key"]])
            return article_id

    def set_story(self, article_id: int, story_id: int) -> None:
        with self.write() as db:
            db["articles"].update(article_id, {"story_id": story_id})

    def recent_sketches(self, since_day: str) -> list[dict]:
        return self.query(
            "select id, media, sketch, coalesce(story_id, id) as story_id "
            "from articles where day >= ? and sketch is not null", [since_day])

    def evidence_html(self, article_id: int) -> bytes | None:
        rows = self.query("select html from evidence where article_id = ?", [article_id])
        return evidence_bytes(rows[0]["html"]) if rows else None

    def get(self, article_id: int) -> dict | None:
        rows = self.query("select * from articles where id = ?", [article_id])
        return rows[0] if rows else None

    def outlets(self, story_id: int) -> list[dict]:
        return self.query("select id, media, url, title from articles where story_id = ? "
                          "order by published_utc, id", [story_id])

    def count(self, where: str = "1", params: Any = ()) -> int:
        return self.db["articles"].count_where(where, params)


# Feature schemas register their migrations on import, after the ones above (order matters).
from clipper.store import schema_mail  # noqa: E402,F401
from clipper.store import search_index as schema_search
