"""The archive's connection: one SQLite database (WAL), migrated at open, short write transactions."""

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
from clipper.store.schema import migrations

logger = logging.getLogger(__name__)

# How long a connection waits for another process's write (a batch of a harvest is well under
# a second; the longest write, a rebuild of the search index, takes seconds at 50,000 articles).
BUSY_SECONDS = 30


def now_utc() -> str:
    """The time now, as the archive stores times (UTC, ISO 8601, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def evidence_bytes(blob: bytes) -> bytes:
    """The page an evidence row holds: zlib-compressed by us, or gzip as the server sent it."""
    return zlib.decompress(blob, 47)  # 32 + 15: either header, detected


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
    """The archive database. Belongs to the thread that opened it."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
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
            raise StoreError(f"arsip {self.path} tidak dapat dibuka: {problem(exc)}") from exc

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
            raise StoreError(f"arsip {self.path} tidak dapat ditulis: {problem(exc)}") from exc
        try:
            yield self.db
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:  # disk full, read-only, damaged: nothing of it is kept
            self._rollback()
            raise StoreError(f"arsip {self.path} tidak dapat ditulis: {problem(exc)}") from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                logger.exception("rollback failed")

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Inside write(): one item's statements, undone alone if the item fails.

        An error of the archive itself (disk full, read-only, damaged file) is raised as a
        StoreError: the caller stops; any other error is the item's, raised as it came.
        """
        self.conn.execute("SAVEPOINT item")
        try:
            yield
            self.conn.execute("RELEASE SAVEPOINT item")
        except BaseException as exc:
            if self.conn.in_transaction:  # SQLITE_FULL may have rolled the whole transaction back
                try:
                    self.conn.execute("ROLLBACK TO SAVEPOINT item")
                    self.conn.execute("RELEASE SAVEPOINT item")
                except sqlite3.Error:
                    logger.exception("rollback to savepoint failed")
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, (sqlite3.IntegrityError,
                                                                              sqlite3.DataError)):
                raise StoreError(f"arsip {self.path} tidak dapat ditulis: {problem(exc)}") from exc
            raise

    def query(self, sql: str, params: Any = ()) -> list[dict]:
        """Rows as dicts (for the store's own modules, and tests that look inside)."""
        return list(self.db.query(sql, params))

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def scalar(self, sql: str, params: Any = ()) -> Any:
        """The first column of the first row (None when there is none)."""
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def insert(self, table: str, values: dict[str, Any]) -> int:
        """Insert one row; returns its rowid. Plain SQL: sqlite-utils' insert() looks up the
        table's columns on every call, which cost more than the insert itself in a harvest."""
        columns = ", ".join(values)
        marks = ", ".join("?" * len(values))
        return self.conn.execute(f"insert into {table} ({columns}) values ({marks})",
                                 list(values.values())).lastrowid

    def update(self, table: str, key: tuple[str, Any], values: dict[str, Any]) -> None:
        """Set ``values`` on the row whose column ``key[0]`` equals ``key[1]``."""
        if values:
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.conn.execute(f"update {table} set {assignments} where {key[0]} = ?",
                              [*values.values(), key[1]])
