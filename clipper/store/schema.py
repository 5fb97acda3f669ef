"""The archive's schema: every table, index and trigger, created and upgraded by numbered migrations.

One list for both backends: each migration is a function holding its SQLite form (a
sqlite-utils ``Database`` in) and names its PostgreSQL form (SQL text, see
clipper.store.pg_schema). ``migrations.apply(db)`` runs at every open and applies, in order,
what a database lacks. An applied migration is recorded by name (SQLite: ``_sqlite_migrations``
of sqlite-utils; PostgreSQL: ``_clipper_migrations``): never rename or edit one.

A new migration: a function at the end of this file, named mNNN_what (within your range),
decorated with ``@migrations(postgres="…")``. A new column is one line each::

    @migrations(postgres="alter table articles add column page_kind text")
    def m030_page_kind(db):  # plus a docstring saying what the column holds
        db["articles"].add_column("page_kind", str)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils
from sqlite_utils.migrations import Migrations

from clipper.store import pg_schema
from clipper.store.search_index import FTS_TOKENIZE, create_index, create_triggers
from clipper.textnorm import ARABIC_SPLIT_CHARS

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    """One numbered step: its SQLite form (a function) and its PostgreSQL form (SQL text)."""

    name: str
    sqlite: Callable[[sqlite_utils.Database], None]
    postgres: str


class MigrationSet:
    """The archive's migrations in order, for both backends (SQLite through sqlite-utils)."""

    def __init__(self, name: str):
        self.name = name
        self.steps: list[Migration] = []
        self._sqlite = Migrations(name)

    def __call__(self, *, postgres: str) -> Callable:
        """Register the decorated function (its SQLite form) with its PostgreSQL form."""
        if not isinstance(postgres, str):
            raise TypeError("a migration names its PostgreSQL form: @migrations(postgres=\"…SQL…\")")

        def register(func: Callable[[sqlite_utils.Database], None]) -> Callable:
            self._sqlite(name=func.__name__)(func)
            self.steps.append(Migration(func.__name__, func, postgres))
            return func
        return register

    def apply(self, db: sqlite_utils.Database, *, stop_before: str | None = None) -> None:
        """Apply to a SQLite database what it lacks (PostgreSQL: clipper.store.postgres.migrate).

        ``stop_before``: leave this migration and those after it pending (an older archive, in tests).
        """
        self._sqlite.apply(db, stop_before=stop_before)

    def pending(self, db: sqlite_utils.Database) -> list:
        """The migrations a SQLite database lacks (a read: nothing is written)."""
        return self._sqlite.pending(db)

    def applied(self, db: sqlite_utils.Database) -> list:
        """The migrations a SQLite database has, in the order applied (``.name``, ``.applied_at``)."""
        return self._sqlite.applied(db)


migrations = MigrationSet("clipper")


@migrations(postgres=pg_schema.M001_INITIAL)
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


@migrations(postgres=pg_schema.M002_EDITIONS)
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


@migrations(postgres=pg_schema.M003_IMAGES)
def m003_images(db: sqlite_utils.Database) -> None:
    """Lead images fetched for the preview and the PDF, cached by URL."""
    db["images"].create(
        {"url": str, "content": bytes, "content_type": str, "status": str, "error": str,
         "attempts": int, "fetched_at": str},
        pk="url", defaults={"attempts": 0},
    )


@migrations(postgres=pg_schema.M010_MAIL_DELIVERIES)
def m010_mail_deliveries(db: sqlite_utils.Database) -> None:
    """Every delivery attempt of an edition to one recipient, and the send runs that made them.

    ``deliveries`` has one row per attempt and recipient: written as "sending" before the
    SMTP transaction starts and finished as "sent", "retry" (temporary failure), "failed"
    (permanent) or "interrupted" (the process stopped mid-transaction). ``send_runs`` is the
    lock that keeps two processes from sending the same edition at once.
    """
    db["send_runs"].create(
        {"id": int, "edition_id": int, "started_at": str, "heartbeat_at": str, "finished_at": str,
         "pid": int, "host": str, "status": str, "sent": int, "failed": int},
        pk="id", not_null={"edition_id", "started_at", "status"},
        foreign_keys=[("edition_id", "editions", "id")],
    )
    db["send_runs"].create_index(["edition_id", "status"])
    db["deliveries"].create(
        {"id": int, "edition_id": int, "run_id": int, "address": str, "name": str, "mode": str,
         "attempt": int, "message_id": str, "status": str, "smtp_code": int, "smtp_text": str,
         "at": str, "finished_at": str, "resend": int},
        pk="id", not_null={"edition_id", "address", "status", "at"},
        defaults={"resend": 0, "attempt": 1},
        foreign_keys=[("edition_id", "editions", "id"), ("run_id", "send_runs", "id")],
    )
    db["deliveries"].create_index(["edition_id", "address"])
    db["deliveries"].create_index(["status"])


@migrations(postgres=pg_schema.M020_SEARCH_INDEX)
def m020_search_index(db: sqlite_utils.Database) -> None:
    """Create the search index (see below); m021 completes the insert trigger's inbox."""
    create_index(db)


@migrations(postgres=pg_schema.NOTHING)
def m021_stems_inbox(db: sqlite_utils.Database) -> None:
    """Roots computed before the insert (by the harvest's workers) wait here for the insert
    trigger, so a new article is indexed once, complete, instead of twice."""
    db.execute("create table if not exists search_stems_inbox (url_key text primary key, stems text)")
    create_triggers(db)


@migrations(postgres=pg_schema.NOTHING)
def m022_arabic_bare_forms(db: sqlite_utils.Database) -> None:
    """Articles with vowel-marked Arabic get their stems again (now with the bare forms,
    see textnorm.stems_of): the next harvest or `clipper check` indexes them."""
    chars = f"[{ARABIC_SPLIT_CHARS}]"
    db.execute("update search_docs set pending = 1 where article_id in (select id from articles "
               f"where text glob '*{chars}*' or title glob '*{chars}*' or summary glob '*{chars}*')")


@migrations(postgres=pg_schema.M030_PAGE_KIND_CONFIDENCE_TIERS)
def m030_page_kind_confidence_tiers(db: sqlite_utils.Database) -> None:
    """What a page was (article, gallery, video, live report, index, empty), how sure the
    extraction is, each topic's tier (about it: "utama", mentioned: "disebut"), and an editor's
    correction of the text (the extracted text kept in text_original).

    Articles classified before tiers existed are taken as about their topics (they were
    queued as such); `clipper reclassify` decides again.
    """
    articles = db["articles"]
    articles.add_column("kind", str, not_null_default="article")
    articles.add_column("confidence", str, not_null_default="ok")
    articles.add_column("doubt", str)
    articles.add_column("tiers", str, not_null_default="{}")
    articles.add_column("tier", str)
    articles.add_column("text_original", str)
    articles.add_column("corrected_by", str)
    articles.add_column("corrected_at", str)
    db.execute("update articles set tier = 'utama' where topics is not null and topics not in ('', '[]')")
    articles.create_index(["kind", "status"])


@migrations(postgres=pg_schema.M031_OTHER_PAGES)
def m031_other_pages(db: sqlite_utils.Database) -> None:
    """A run's pages kept as what they are rather than articles (index, gallery, video, live)."""
    db["run_sources"].add_column("other_pages", int, not_null_default=0)


@migrations(postgres=pg_schema.M032_REVISIONS_AND_STORY_LEADS)
def m032_revisions_and_story_leads(db: sqlite_utils.Database) -> None:
    """A changed final edition becomes a numbered revision of it (same number, "Revisi 1", the
    sent file kept), and the editor may choose which copy of a syndicated story is printed."""
    db.execute("alter table editions add column revision integer not null default 0")
    db.execute("drop index if exists idx_editions_year_seq")
    db.execute("create unique index idx_editions_year_seq_revision on editions (year, seq, revision)")
    db.execute("alter table articles add column story_lead integer not null default 0")


@migrations(postgres=pg_schema.M060_ARTICLE_VERSION)
def m060_article_version(db: sqlite_utils.Database) -> None:
    """Each article counts its editorial changes: a decision made on an older version is refused
    (two editors at once never overwrite each other unseen)."""
    db.execute("alter table articles add column version integer not null default 1")


@migrations(postgres=pg_schema.M061_ROLES)
def m061_roles(db: sqlite_utils.Database) -> None:
    """PostgreSQL's group roles (editor, archivist, admin); a SQLite file has no accounts."""


@migrations(postgres=pg_schema.M062_LOCKS)
def m062_locks(db: sqlite_utils.Database) -> None:
    """Named locks between processes (one compile of a day at a time); PostgreSQL uses advisory
    locks, the table exists there too so that both archives hold the same tables."""
    db.execute("create table locks (name text primary key, holder text, pid integer, host text, at text)")


@migrations(postgres=pg_schema.M040_RUN_OWNER)
def m040_run_owner(db: sqlite_utils.Database) -> None:
    """Which process holds a harvest run (pid, host) and when it last showed life, so a run
    whose process died is shown as interrupted ("terputus"), never as running forever."""
    for column in ("pid", "host", "heartbeat_at"):
        if column not in db["runs"].columns_dict:
            db["runs"].add_column(column, int if column == "pid" else str)
