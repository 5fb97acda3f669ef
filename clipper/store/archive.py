"""The archive's connection: one SQLite file (WAL) or one PostgreSQL database, migrated at open,
short write transactions, and SQL written once for both (``?`` placeholders; see ``dialect``)."""

from __future__ import annotations

import logging
import sqlite3
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from clipper.errors import StoreError
from clipper.store.locator import default_locator, parse_locator, redact
from clipper.store.schema import migrations

logger = logging.getLogger(__name__)

# How long a connection waits for another process's write (a batch of a harvest is well under
# a second; the longest write, a rebuild of the search index, takes seconds at 50,000 articles).
BUSY_SECONDS = 30
# PostgreSQL: writers of many articles at once (a harvest's batch, a reclassification) hold this
# advisory lock exclusively, an editor's decision shared. A batch holds its rows' locks until it
# commits, and two writers taking them in different orders would deadlock; taking this first
# orders them (two harvests store each article once, an editor waits a batch at most).
ARTICLES_LOCK = "clipper:articles"
# Tables whose rows are numbered by an ``id`` column (insert() returns it).
ID_TABLES = frozenset({"articles", "runs", "editions", "send_runs", "deliveries"})


def now_utc() -> str:
    """The time now, as the archive stores times (UTC, ISO 8601, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def evidence_bytes(blob: bytes) -> bytes:
    """The page an evidence row holds: zlib-compressed by us, or gzip as the server sent it."""
    return zlib.decompress(bytes(blob), 47)  # 32 + 15: either header, detected


def json_list(archive: Archive, column: str) -> str:
    """A FROM item giving the values of a JSON list column as ``value`` (a damaged value gives none)."""
    if archive.is_postgres:
        return f"clipper_json_list({column}) as value"
    return f"json_each(case when json_valid({column}) then {column} else '[]' end)"


def open_archive(locator: str | Path | None = None) -> Archive:
    """Open (and migrate) the archive at ``locator`` (None: :func:`default_locator`)."""
    return Archive(locator if locator not in (None, "") else default_locator())


def problem(exc: BaseException) -> str:
    """What an SQLite or OS error means for the archive, in Indonesian (the library's words after)."""
    text = str(exc)
    for marker, words in _SQLITE_PROBLEMS:
        if marker in text.lower():
            return f"{words} ({text})"
    return text or type(exc).__name__


_SQLITE_PROBLEMS = (
    ("disk is full", "disk penuh"),
    ("readonly database", "arsip hanya-baca"),
    ("read-only", "arsip hanya-baca"),
    ("not a database", "berkas ini bukan arsip SQLite atau rusak"),
    ("malformed", "berkas arsip rusak"),
    ("database is locked", "arsip sedang dikunci proses lain"),
    ("unable to open", "berkas arsip tidak dapat dibuka"),
    ("disk i/o error", "galat baca/tulis disk"),
)


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. On a new file another process may be switching at the same moment, and
    SQLite answers "database is locked" to that without waiting (no busy handler): try again
    for up to BUSY_SECONDS."""
    give_up = time.monotonic() + BUSY_SECONDS
    pause = 0.01
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > give_up:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _migrate(db: sqlite_utils.Database) -> None:
    """Apply the pending migrations, one process at a time.

    Two processes opening a new archive together (the app and a scheduled harvest) would both
    create the schema; a deferred transaction that read first then fails at once with
    "database is locked" when the other one committed meanwhile. So the migrations run under
    BEGIN IMMEDIATE (the second process waits up to the busy timeout) and what is pending is
    looked at again inside it.
    """
    if not migrations.pending(db):
        return  # the usual open: one read
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        migrations.apply(db)  # pending again, inside the lock; each migration in a savepoint
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


class Archive:
    """The archive database. Belongs to the thread that opened it.

    ``dialect`` is "sqlite" or "postgresql"; the store's modules write SQL once (``?``
    placeholders, ``on conflict``) and branch on it only where the two differ (JSON, search).
    """

    def __init__(self, locator: str | Path):
        self.dialect, target = parse_locator(locator)
        self._reindex: set[int] = set()
        if self.dialect == "postgresql":
            from clipper.store import postgres
            self.path = None
            self.url = target
            self.label = redact(target)
            self.db = None
            self._pg = postgres.PgConnection(target, self.label)
            try:
                postgres.migrate(self._pg, migrations)
            except BaseException:
                self._pg.close()
                raise
            return
        self._pg = None
        self.path = Path(target)
        self.url = None
        self.label = str(self.path)
        conn = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=BUSY_SECONDS)
            _use_wal(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            self.db = sqlite_utils.Database(conn)
            _migrate(self.db)
        except (sqlite3.Error, OSError) as exc:
            if conn is not None:
                conn.close()
            raise StoreError(f"arsip {self.label} tidak dapat dibuka: {problem(exc)}") from exc

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    @property
    def conn(self) -> Any:
        """The driver's connection (sqlite3, or psycopg for PostgreSQL)."""
        return self._pg.conn if self._pg else self.db.conn

    def close(self) -> None:
        if self._pg:
            self._pg.close()
        else:
            self.db.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def in_transaction(self) -> bool:
        return self._pg.in_transaction if self._pg else self.conn.in_transaction

    @contextmanager
    def write(self) -> Iterator[sqlite_utils.Database | None]:
        """A short write transaction (SQLite: BEGIN IMMEDIATE, never a deferred upgrade).

        Inside another write() it joins the outer transaction (a batch commits once).
        On PostgreSQL the articles whose words changed are indexed before the commit.
        """
        if self.in_transaction:
            yield self.db
            return
        try:
            self.execute("BEGIN" if self._pg else "BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"arsip {self.label} tidak dapat ditulis: {problem(exc)}") from exc
        try:
            yield self.db
            if self._reindex:
                from clipper.store import pg_index
                pg_index.index_articles(self, sorted(self._reindex))
            self._reindex.clear()
            self.execute("COMMIT")
        except sqlite3.Error as exc:  # disk full, read-only, damaged: nothing of it is kept
            self._rollback()
            raise StoreError(f"arsip {self.label} tidak dapat ditulis: {problem(exc)}") from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        self._reindex.clear()
        if self.in_transaction:
            try:
                self.execute("ROLLBACK")
            except (sqlite3.Error, StoreError):
                logger.exception("rollback failed")

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Inside write(): one item's statements, undone alone if the item fails.

        An error of the archive itself (disk full, read-only, damaged file; on PostgreSQL every
        refusal of the server, already a StoreError) is raised as a StoreError: the caller
        stops; any other error is the item's, raised as it came.
        """
        self.execute("SAVEPOINT item")
        try:
            yield
            self.execute("RELEASE SAVEPOINT item")
        except BaseException as exc:
            if self.in_transaction:  # SQLITE_FULL may have rolled the whole transaction back
                try:
                    self.execute("ROLLBACK TO SAVEPOINT item")
                    self.execute("RELEASE SAVEPOINT item")
                except (sqlite3.Error, StoreError):
                    logger.exception("rollback to savepoint failed")
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, (sqlite3.IntegrityError,
                                                                              sqlite3.DataError)):
                raise StoreError(f"arsip {self.label} tidak dapat ditulis: {problem(exc)}") from exc
            raise

    def query(self, sql: str, params: Any = ()) -> list[dict]:
        """Rows as dicts (for the store's own modules, and tests that look inside)."""
        if self._pg:
            return self._pg.query(sql, params)
        return list(self.db.query(sql, params))

    def execute(self, sql: str, params: Any = ()) -> Any:
        """Run one statement; returns the driver's cursor (rows as tuples)."""
        if self._pg:
            return self._pg.execute(sql, params)
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: list) -> None:
        if self._pg:
            self._pg.executemany(sql, rows)
        else:
            self.conn.executemany(sql, rows)

    def scalar(self, sql: str, params: Any = ()) -> Any:
        """The first column of the first row (None when there is none)."""
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    def insert(self, table: str, values: dict[str, Any]) -> int | None:
        """Insert one row; returns its id (tables numbered by ``id``; else SQLite's rowid or None).

        Plain SQL: sqlite-utils' insert() looks up the table's columns on every call, which
        cost more than the insert itself in a harvest."""
        columns = ", ".join(values)
        marks = ", ".join("?" * len(values))
        sql = f"insert into {table} ({columns}) values ({marks})"
        if self._pg:
            if table not in ID_TABLES:
                self._pg.execute(sql, list(values.values()))
                return None
            return self._pg.execute(sql + " returning id", list(values.values())).fetchone()[0]
        return self.conn.execute(sql, list(values.values())).lastrowid

    def upsert(self, table: str, values: dict[str, Any], key: tuple[str, ...]) -> None:
        """Insert one row, or update the row with the same ``key`` columns (both dialects)."""
        columns = ", ".join(values)
        marks = ", ".join("?" * len(values))
        updates = ", ".join(f"{c} = excluded.{c}" for c in values if c not in key)
        action = f"do update set {updates}" if updates else "do nothing"
        self.execute(f"insert into {table} ({columns}) values ({marks}) on conflict ({', '.join(key)}) {action}",
                     list(values.values()))

    def update(self, table: str, key: tuple[str, Any], values: dict[str, Any]) -> None:
        """Set ``values`` on the row whose column ``key[0]`` equals ``key[1]``."""
        if values:
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.execute(f"update {table} set {assignments} where {key[0]} = ?", [*values.values(), key[1]])
            if self._pg and table == "articles":
                self.mark_words_changed([key[1]], values)

    def mark_words_changed(self, article_ids: list[int], columns: Any = None) -> None:
        """PostgreSQL: index these articles' words before the commit (when ``columns`` hold text)."""
        from clipper.store.search_index import TEXT_COLUMNS
        if self._pg and (columns is None or any(c in TEXT_COLUMNS for c in columns)):
            self._reindex.update(article_ids)

    def require_writer(self) -> None:
        """Refuse, before anything is done, an account that may only read (PostgreSQL's archivist).

        Raises:
            StoreError (AccessDenied): the account may not write the archive.
        """
        if self._pg and not self.scalar("select has_table_privilege('articles', 'UPDATE') "
                                        "and has_table_privilege('editions', 'INSERT')"):
            from clipper.store.postgres import AccessDenied
            raise AccessDenied(self._pg.denied_message())

    def lock(self, name: str, *, shared: bool = False) -> None:
        """Serialise writers on ``name`` until the transaction ends (PostgreSQL: an advisory lock,
        ``shared`` ones compatible with each other; SQLite: BEGIN IMMEDIATE holds the whole
        database already)."""
        if self._pg:
            kind = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
            self.execute(f"select {kind}(hashtext(?))", [name])

    def lock_row(self, table: str, key: tuple[str, Any]) -> None:
        """Lock one row until the transaction ends (PostgreSQL: FOR UPDATE; SQLite: nothing to do)."""
        if self._pg:
            self.execute(f"select 1 from {table} where {key[0]} = ? for update", [key[1]])
