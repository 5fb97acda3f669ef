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

from clipper.errors import StoreError
from clipper.store.schema import migrations
from clipper.models import dumps  # noqa: F401 - the archive's JSON, imported from here by its users

logger = logging.getLogger(__name__)

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

