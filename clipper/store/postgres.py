"""PostgreSQL under the archive (psycopg 3): one connection, the SQL's ``?`` placeholders
translated, the server's refusals turned into one-line Indonesian errors, and migrations."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Dumper
from psycopg.pq import TransactionStatus
from psycopg.rows import dict_row

from clipper.errors import StoreError

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT = 10  # seconds to reach the server before the archive cannot be opened
MIGRATIONS_TABLE = "_clipper_migrations"
# Two processes opening a new database at once: one migrates, the other waits for it.
MIGRATION_LOCK = "clipper:migrations"
GROUP_ROLES = ("clipper_editor", "clipper_archivist", "clipper_admin")


class AccessDenied(StoreError):
    """The database account may not do this (an archivist writing, say)."""


class _IntBool(Dumper):
    """Python booleans go in as 0/1: the archive's flags are integer columns in both dialects."""

    oid = psycopg.adapters.types["int4"].oid

    def dump(self, obj: bool) -> bytes:
        return b"1" if obj else b"0"


@lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """The store's SQL for psycopg: ``?`` → ``%s`` and ``%`` → ``%%`` outside quoted text."""
    out, quote = [], None
    for ch in sql:
        if quote:
            quote = None if ch == quote else quote
            out.append(ch)
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        else:
            out.append("%s" if ch == "?" else "%%" if ch == "%" else ch)
    return "".join(out)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


class PgConnection:
    """One autocommit psycopg connection; transactions are opened by Archive.write()."""

    def __init__(self, url: str, label: str):
        self.label = label
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                                        application_name="clipper")
        except psycopg.Error as exc:
            raise StoreError(f"arsip {label} tidak dapat dibuka: {_first_line(exc)}") from None
        self.conn.adapters.register_dumper(bool, _IntBool)
        # psycopg prepares a statement run five times; PostgreSQL may then plan it once for any
        # value. A search's plan depends on its words and dates (a rare word or a whole year):
        # always plan with the values (a generic plan made some searches 10x slower).
        self.execute("set plan_cache_mode = force_custom_plan")
        self.user = self.conn.info.user

    def denied_message(self) -> str:
        return (f"akun basis data '{self.user}' tidak berhak mengubah arsip ini (peran arsiparis hanya dapat "
                f"mencari dan mengekspor); minta admin: clipper db grant {self.user} --role editor")

    @property
    def in_transaction(self) -> bool:
        return self.conn.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def errors(self) -> Iterator[None]:
        """The server's errors as StoreError (AccessDenied for a missing privilege): one line."""
        try:
            yield
        except pg_errors.InsufficientPrivilege:
            raise AccessDenied(self.denied_message()) from None
        except (pg_errors.LockNotAvailable, pg_errors.DeadlockDetected, pg_errors.SerializationFailure) as exc:
            raise StoreError(f"arsip {self.label} sedang sibuk dipakai proses lain; coba lagi "
                             f"({_first_line(exc)})") from None
        except psycopg.OperationalError as exc:
            raise StoreError(f"arsip {self.label}: hubungan ke server terputus ({_first_line(exc)})") from None
        except psycopg.Error as exc:
            raise StoreError(f"arsip {self.label}: {_first_line(exc)}") from None

    def execute(self, sql: str, params: Any = ()) -> psycopg.Cursor:
        with self.errors():
            if params:
                return self.conn.execute(translate(sql), list(params))
            return self.conn.execute(sql)

    def executemany(self, sql: str, rows: list) -> None:
        with self.errors(), self.conn.cursor() as cur:
            cur.executemany(translate(sql), rows)

    def query(self, sql: str, params: Any = ()) -> list[dict]:
        with self.errors(), self.conn.cursor(row_factory=dict_row) as cur:
            if params:
                cur.execute(translate(sql), list(params))
            else:
                cur.execute(sql)
            return cur.fetchall()


def applied_migrations(pg: PgConnection) -> list[str]:
    """The names of the migrations this database has, in the order applied."""
    if pg.execute(f"select to_regclass('{MIGRATIONS_TABLE}')").fetchone()[0] is None:
        return []
    return [r[0] for r in pg.execute(f"select name from {MIGRATIONS_TABLE} order by applied_at, name")]


def migrate(pg: PgConnection, migrations: Any) -> list[str]:
    """Apply the PostgreSQL form of the migrations this database lacks, in one transaction.

    Two processes opening a new database at once: the second waits for the first, then finds
    nothing to do. A role that may not change the schema gets a clear error when something
    is pending (an archivist or editor opening an archive that an admin must upgrade first).

    Returns:
        The names applied now.
    """
    done = set(applied_migrations(pg))
    if all(step.name in done for step in migrations.steps):
        return []
    from datetime import UTC, datetime
    applied: list[str] = []
    pg.execute("BEGIN")
    try:
        pg.execute("select pg_advisory_xact_lock(hashtext(?))", [MIGRATION_LOCK])
        pg.execute(f"create table if not exists {MIGRATIONS_TABLE} (name text primary key, applied_at text not null)")
        done = set(applied_migrations(pg))
        for step in migrations.steps:
            if step.name in done:
                continue
            if step.postgres.strip():
                pg.execute(step.postgres)
            pg.execute(f"insert into {MIGRATIONS_TABLE} (name, applied_at) values (?, ?)",
                       [step.name, datetime.now(UTC).isoformat()])
            applied.append(step.name)
        grant_group_roles(pg)
    except AccessDenied:
        pg.execute("ROLLBACK")
        raise AccessDenied(f"arsip {pg.label} perlu dimutakhirkan (migrasi "
                           f"{', '.join(s.name for s in migrations.steps if s.name not in done)}) oleh pemiliknya; "
                           f"akun '{pg.user}' tidak berhak mengubah skema") from None
    except BaseException:
        pg.execute("ROLLBACK")
        raise
    pg.execute("COMMIT")
    if applied:
        logger.info("archive %s migrated: %s", pg.label, ", ".join(applied))
    return applied


def grant_group_roles(pg: PgConnection) -> None:
    """Give the group roles that exist their rights on every table (after a migration)."""
    from clipper.store.pg_schema import grant_statements
    present = {r[0] for r in pg.execute("select rolname from pg_roles where rolname = any(?)", [list(GROUP_ROLES)])}
    if set(GROUP_ROLES) <= present:
        for statement in grant_statements():
            pg.execute(statement)
