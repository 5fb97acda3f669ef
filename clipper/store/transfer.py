"""Moving a whole archive between backends (`clipper db migrate`): SQLite → PostgreSQL and back.

Every table is copied with its ids (an edition's frozen content keeps pointing at its
articles), in batches, with ``insert … on conflict do nothing``: re-running adds nothing, and
an interrupted copy goes on where it stopped. The search index is derived, not copied: the
target's triggers list editions and facets, and the words are indexed with the stems the
source already computed (no stemming again). PostgreSQL's id sequences are moved past the
copied ids. Each table's rows are then counted and checked on both sides.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from clipper.errors import StoreError
from clipper.store import pg_index
from clipper.store.archive import ID_TABLES, Archive

logger = logging.getLogger(__name__)

# Tables in the order their references need, with their key columns. The search index
# (search_docs, edition_articles, search_fts) is rebuilt by the target, not copied.
TABLES = (("sources", ("name",)), ("runs", ("id",)), ("run_sources", ("run_id", "source")),
          ("page_errors", ("url_key",)), ("articles", ("id",)), ("evidence", ("article_id",)),
          ("images", ("url",)), ("editions", ("id",)), ("send_runs", ("id",)), ("deliveries", ("id",)))
# Rows per read and per write transaction: large enough that the round trips cost little,
# small enough that evidence pages (tens of KB each) stay well under 100 MB in memory.
BATCH = 1000


@dataclass(frozen=True)
class TableCount:
    """One table after a copy: its rows at the source, at the target, and how many were added now."""

    table: str
    source: int
    target: int
    added: int
    missing: int  # source rows (by key) not found at the target: 0 when the copy is whole


def _columns(archive: Archive, table: str) -> list[str]:
    if archive.is_postgres:
        return [r[0] for r in archive.execute(
            "select column_name from information_schema.columns where table_schema = current_schema() "
            "and table_name = ? and is_generated = 'NEVER' order by ordinal_position", [table])]
    return [r[1] for r in archive.execute(f"pragma table_info({table})")]


def _batches(archive: Archive, sql: str) -> Iterator[list[tuple]]:
    """The rows of ``sql`` in lists of BATCH, streamed (a server-side cursor on PostgreSQL)."""
    if archive.is_postgres:
        conn = archive.conn
        with conn.transaction(), conn.cursor(name="clipper_transfer") as cursor:
            cursor.itersize = BATCH
            cursor.execute(sql)
            while rows := cursor.fetchmany(BATCH):
                yield rows
        return
    cursor = archive.execute(sql)
    while rows := cursor.fetchmany(BATCH):
        yield rows


def _present(target: Archive, table: str, key: tuple[str, ...], keys: list[tuple]) -> int:
    """How many of these keys the target holds."""
    if len(key) == 1:
        marks = ",".join("?" * len(keys))
        return target.scalar(f"select count(*) from {table} where {key[0]} in ({marks})", [k[0] for k in keys])
    row = "(" + ",".join("?" * len(key)) + ")"
    return target.scalar(f"select count(*) from {table} where ({', '.join(key)}) in "
                         f"(values {','.join([row] * len(keys))})", [v for k in keys for v in k])


def _source_stems(source: Archive, ids: list[int]) -> dict[int, str]:
    marks = ",".join("?" * len(ids))
    return {r[0]: r[1] for r in source.execute(
        f"select article_id, stems from search_docs where pending = 0 and article_id in ({marks})", ids)}


def _copy_table(source: Archive, target: Archive, table: str, key: tuple[str, ...],
                report: Callable[[str], None]) -> TableCount:
    wanted = set(_columns(target, table))
    columns = [c for c in _columns(source, table) if c in wanted]
    before = target.scalar(f"select count(*) from {table}")
    insert = (f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' * len(columns))}) "
              "on conflict do nothing")
    positions = [columns.index(k) for k in key]
    missing = copied = 0
    started = time.monotonic()
    order = ", ".join(key)
    for rows in _batches(source, f"select {', '.join(columns)} from {table} order by {order}"):
        keys = [tuple(r[p] for p in positions) for r in rows]
        with target.write():
            if table == "articles":
                _before_articles(source, target, columns, rows)
            target.executemany(insert, [tuple(r) for r in rows])
            if table == "articles" and target.is_postgres:
                _index_new(source, target, [k[0] for k in keys])
            missing += len(keys) - _present(target, table, key, keys)
        copied += len(rows)
        if copied % (BATCH * 20) == 0:
            report(f"  {table}: {copied:,} baris ({time.monotonic() - started:.0f} s)")
    after = target.scalar(f"select count(*) from {table}")
    return TableCount(table, source.scalar(f"select count(*) from {table}"), after, after - before, missing)


def _before_articles(source: Archive, target: Archive, columns: list[str], rows: list[tuple]) -> None:
    """SQLite target: the stems wait in the inbox, so the insert indexes each new article once."""
    if target.is_postgres:
        return
    at_id, at_key = columns.index("id"), columns.index("url_key")
    stems = _source_stems(source, [r[at_id] for r in rows])
    target.executemany("insert or replace into search_stems_inbox (url_key, stems) values (?, ?)",
                       [(r[at_key], stems[r[at_id]]) for r in rows if r[at_id] in stems])


def _index_new(source: Archive, target: Archive, ids: list[int]) -> None:
    """PostgreSQL target: the words of the articles inserted now (pending), with the source's stems."""
    marks = ",".join("?" * len(ids))
    new = [r[0] for r in target.execute(f"select article_id from search_docs where pending = 1 "
                                        f"and article_id in ({marks})", ids)]
    if new:
        pg_index.index_articles(target, new, _source_stems(source, new))


def _reset_sequences(target: Archive) -> None:
    """PostgreSQL: the next id of each numbered table follows the copied ones."""
    with target.write():
        for table in sorted(ID_TABLES):
            target.execute(f"select setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"coalesce((select max(id) from {table}), 0) + 1, false)")


def copy_archive(source: Archive, target: Archive, *,
                 report: Callable[[str], None] = lambda line: None) -> list[TableCount]:
    """Copy every table of ``source`` into ``target`` (either backend), keeping ids.

    Idempotent: rows already at the target (by key) are left as they are.

    Returns:
        One TableCount per table, in copy order.

    Raises:
        StoreError: source and target are the same archive, or a write failed.
    """
    if source.label == target.label:
        raise StoreError("sumber dan tujuan migrasi adalah arsip yang sama")
    counts = []
    for table, key in TABLES:
        counts.append(_copy_table(source, target, table, key, report))
    if target.is_postgres:
        _reset_sequences(target)
    else:
        target.execute("delete from search_stems_inbox")  # stems of rows that were already there
    from clipper.store.searching import index_pending
    index_pending(target)  # anything the source had not indexed yet
    return counts
