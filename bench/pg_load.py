"""Load bench/search.py's synthetic SQLite archive into PostgreSQL in bulk (COPY), for the side-by-side bench.

The schema is the real one (migrations); the load drops the article triggers and the search
indexes, COPYs the articles, inserts the editions (their trigger lists their articles), COPYs
each article's words (clipper.store.pg_index.document, as the store writes them) with the
stems SQLite computed, adds the facets with the same SQL function the triggers use, then
builds the indexes and puts the triggers back. A database that already holds the same number
of articles is reused.
"""

from __future__ import annotations

import logging
import time
from datetime import date
from pathlib import Path

from clipper.store import pg_index, pg_schema
from clipper.store.archive import Archive

logger = logging.getLogger(__name__)

EPOCH = date(1970, 1, 1)
REPORT_EVERY = 100_000
INDEXES = ("search_docs_key", "search_docs_document", "search_docs_pending", "search_docs_shown")


def _columns(lite: Archive) -> list[str]:
    return [r[1] for r in lite.execute("pragma table_info(articles)")]


def load_postgres(url: str, sqlite_path: Path, *, rebuild: bool = False) -> None:
    """Fill the PostgreSQL archive at ``url`` with the articles of the SQLite bench archive."""
    started = time.perf_counter()
    with Archive(sqlite_path) as lite, Archive(url) as pg:
        total = lite.scalar("select count(*) from articles")
        if not rebuild and pg.scalar("select count(*) from articles") == total:
            print(f"PostgreSQL archive {pg.label}: {total:,} articles (cached)", flush=True)
            return
        print(f"Loading {total:,} articles into {pg.label} …", flush=True)
        conn = pg.conn
        pg.execute("truncate articles, search_docs, edition_articles, editions, evidence, deliveries, send_runs "
                   "restart identity cascade")
        for trigger, table in pg_schema.TRIGGERS.items():
            if table == "articles":
                pg.execute(f"drop trigger if exists {trigger} on {table}")
        for index in INDEXES:
            pg.execute(f"drop index if exists {index}")
        columns = [c for c in _columns(lite) if c != "version"]
        with conn.cursor() as cur, cur.copy(f"copy articles ({', '.join(columns)}) from stdin") as copy:
            for n, row in enumerate(lite.execute(f"select {', '.join(columns)} from articles order by id"), 1):
                copy.write_row(row)
                if n % REPORT_EVERY == 0:
                    print(f"  articles: {n:,} ({time.perf_counter() - started:.0f} s)", flush=True)
        for row in lite.query("select day, kind, seq, year, number, status, content from editions order by id"):
            pg.insert("editions", row)
        print(f"  editions ({time.perf_counter() - started:.0f} s)", flush=True)
        pg.execute("create unlogged table if not exists bench_words (article_id bigint, key bigint, stems text, "
                   "words text)")
        pg.execute("truncate bench_words")
        query = ("select a.id, a.day, a.title, a.summary, a.tags, a.media, a.text, d.stems from articles a "
                 "join search_docs d on d.article_id = a.id order by a.id")
        with conn.cursor() as cur, cur.copy("copy bench_words from stdin") as copy:
            for n, (i, day, title, summary, tags, media, text, stems) in enumerate(lite.execute(query), 1):
                words = pg_index.document({"title": title, "summary": summary, "tags": tags, "media": media,
                                           "text": text, "stems": stems})
                key = ((date.fromisoformat(day) - EPOCH).days << 32) | i
                copy.write_row((i, key, stems, words))
                if n % REPORT_EVERY == 0:
                    print(f"  words: {n:,} ({time.perf_counter() - started:.0f} s)", flush=True)
        pg.execute("insert into search_docs (article_id, key, stems, pending, document, shown) "
                   "select article_id, key, stems, 0, words::tsvector || clipper_facets(article_id), "
                   "clipper_shown(article_id) from bench_words")
        pg.execute("drop table bench_words")
        print(f"  search documents with facets ({time.perf_counter() - started:.0f} s)", flush=True)
        pg.execute(pg_schema.SEARCH_DOC_INDEXES_SQL)  # the schema's own, created after the load
        pg.execute(pg_schema.ARTICLE_TRIGGERS_SQL)
        pg.execute("select setval(pg_get_serial_sequence('articles', 'id'), (select max(id) from articles))")
        pg.execute("vacuum analyze articles")
        pg.execute("vacuum analyze search_docs")
        print(f"  indexes built, analysed ({time.perf_counter() - started:.0f} s)", flush=True)
    print(f"Loaded in {time.perf_counter() - started:.0f} s", flush=True)
