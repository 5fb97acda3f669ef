"""The archive's connection: one SQLite database (WAL), migrated at open, short write transactions."""

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

logger = logging.getLogger(__name__)


def now_utc() -> str:
    """The time now, as the archive stores times (UTC, ISO 8601, seconds)."""
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
