"""Queries of the search index: keeping its stems current, matching, ranking, and what a result shows."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from clipper.errors import SearchError
from clipper.store.archive import Archive, json_list
from clipper.store.edition_records import EditionRecord
from clipper.store.editions import edition_record, find_edition
from clipper.store.match import FACET_MARK, Group, Term, combine, facet_any, facet_token, render
from clipper.store.pg_index import tags_text
from clipper.store.records import Article, SearchFilters, article_from_row
from clipper.store.search_index import DAY_SHIFT
from clipper.textnorm import stems_of

logger = logging.getLogger(__name__)

# bm25 costs a fixed part (it counts, over the whole index, the documents of every phrase:
# ~7 ms for a word in a fifth of 1M articles) plus ~2-4 µs per match (bench/search.py).
# bm25 column weights: title, text, summary, tags, media, stems, facets (filters never score).
BM25_WEIGHTS = (5.0, 1.0, 3.0, 3.0, 2.0, 0.8, 0.0)
# PostgreSQL's ts_rank weights of D (facets), C (text, stems), B (summary, tags, media), A (title).
TS_RANK_WEIGHTS = "{0, 0.2, 0.5, 1.0}"
ID_MASK = (1 << DAY_SHIFT) - 1
SNIPPET_TEXT_CHARS = 30_000  # a snippet is looked for in this much of the text
EPOCH = date(1970, 1, 1)
STATUSES = ("new", "approved", "rejected", "irrelevant", "error", "published")


def index_pending(archive: Archive, *, limit: int | None = None, batch: int = 200) -> int:
    """Compute the stems of articles added or changed since the last run (a write).

    The harvest's triggers index the plain words at once; the stemmed roots need
    PySastrawi, so they are filled here. Cheap when nothing is pending.

    Args:
        limit: at most this many articles (None: all).
        batch: articles per write transaction.

    Returns:
        How many articles were indexed.
    """
    if archive.is_postgres:
        from clipper.store import pg_index
        from clipper.store.postgres import AccessDenied
        try:
            done = pg_index.index_pending(archive, limit=limit, batch=batch)
        except AccessDenied:  # an archivist's account reads only: an editor's process indexes
            logger.info("search index: pending articles left for an account that may write")
            return 0
    else:
        done = _index_pending_sqlite(archive, limit, batch)
    if done:
        logger.info("stems indexed for %d articles", done)
    return done


def _index_pending_sqlite(archive: Archive, limit: int | None, batch: int) -> int:
    done = 0
    while limit is None or done < limit:
        size = batch if limit is None else min(batch, limit - done)
        rows = archive.query(
            "select d.key, a.title, a.summary, a.tags, a.text from search_docs d "
            "join articles a on a.id = d.article_id where d.pending = 1 limit ?", [size])
        if not rows:
            break
        values = [(stems_of(r["title"], r["summary"], tags_text(r["tags"]), r["text"]), r["key"]) for r in rows]
        with archive.write():
            archive.executemany("update search_docs set stems = ?, pending = 0 where key = ?", values)
        done += len(rows)
    return done


def _day_number(value: str, label: str) -> int:
    try:
        return (date.fromisoformat(value) - EPOCH).days
    except ValueError:
        raise SearchError(f"{label} harus YYYY-MM-DD, bukan {value!r}") from None


def _edition_filter(archive: Archive, number: str) -> tuple[str, str | None]:
    """(facet token, day) of the edition with this number: a final one lists its articles."""
    edition = find_edition(archive, number)
    if edition is None:
        raise SearchError(f"Edisi No. {number} tidak ada di arsip.")
    if edition.status == "final":
        return f"{FACET_MARK}xe{edition.id}", None
    return facet_token("xs", "approved"), edition.day


# The archive search's default statuses (approved, or in a final edition): on PostgreSQL a partial
# GIN index holds just those articles (search_docs.shown = 1), so the default search reads posting
# lists an eighth as long (measured at 1M articles: 10.5 → 4.4 ms for a frequent word).
SHOWN = frozenset({"approved", "published"})


@dataclass(frozen=True)
class _Query:
    """A search as the backend runs it: the full expression, the date keys, the typed words alone."""

    match: str
    low: int
    high: int
    words: str | None
    shown: bool = False  # PostgreSQL: only the articles of the default statuses (partial index)

    def where(self) -> str:
        """PostgreSQL's condition (parameters: match, low, high)."""
        return "document @@ ?::tsquery and key between ? and ?" + (" and shown = 1" if self.shown else "")


def _query(archive: Archive, match: Term | Group | None, filters: SearchFilters) -> _Query:
    """The typed words and the filters' facet terms for the archive's backend, and the dates' keys.

    Raises:
        SearchError: a filter value is invalid, or an unknown edition.
    """
    groups: list[list[str]] = []
    low, high = 0, (1 << 62)
    day_from, day_to = filters.date_from, filters.date_to
    if filters.edition:
        token, day = _edition_filter(archive, filters.edition.strip())
        groups.append([token])
        if day:
            day_from = max(day_from or day, day)
            day_to = min(day_to or day, day)
    statuses = [s for s in filters.statuses if s != "all"]
    shown = False
    if statuses and len(filters.statuses) == len(statuses):
        unknown = [s for s in statuses if s not in STATUSES]
        if unknown:
            raise SearchError(f"status tidak dikenal: {', '.join(unknown)} (pilih {', '.join(STATUSES)})")
        shown = archive.is_postgres and set(statuses) == SHOWN
        if not shown:
            groups.append([f"{FACET_MARK}xp" if s == "published" else facet_token("xs", s) for s in statuses])
    for prefix, values in (("xm", filters.media), ("xt", filters.topics), ("xg", filters.tags)):
        values = [v.strip() for v in values if v and v.strip()]
        if values:
            groups.append([facet_token(prefix, v) for v in values])
    if filters.tone:
        groups.append([facet_token("xo", filters.tone)])
    if day_from:
        low = _day_number(day_from, "Tanggal awal") << DAY_SHIFT
    if day_to:
        high = (_day_number(day_to, "Tanggal akhir") << DAY_SHIFT) | ID_MASK
    words = None if match is None else render(match, archive.dialect)
    terms = [facet_any(tokens, archive.dialect) for tokens in groups]
    return _Query(combine(words, terms, archive.dialect), low, high, words, shown)


def _count(archive: Archive, q: _Query, limit: int | None) -> int:
    if archive.is_postgres:
        sql = f"select 1 from search_docs where {q.where()}"
    else:
        sql = "select rowid from search_fts where search_fts match ? and rowid between ? and ?"
    if limit is not None:
        sql += f" limit {int(limit)}"
    return archive.execute(f"select count(*) from ({sql}) as found", [q.match, q.low, q.high]).fetchone()[0]


def _page_keys_pg(archive: Archive, q: _Query, order: str, limit: int,
                  offset: int) -> list[tuple[int, float | None]]:
    if order == "relevance" and q.words:
        sql = (f"select key, ts_rank(?::float4[], document, ?::tsquery) as score from search_docs "
               f"where {q.where()} order by score desc, key desc limit ? offset ?")
        rows = archive.execute(sql, [TS_RANK_WEIGHTS, q.words, q.match, q.low, q.high, limit, offset])
        return [(key, float(score)) for key, score in rows]
    sql = f"select key from search_docs where {q.where()} order by key desc limit ? offset ?"
    return [(key, None) for (key,) in archive.execute(sql, [q.match, q.low, q.high, limit, offset])]


def _page_keys(archive: Archive, q: _Query, order: str, limit: int,
               offset: int) -> list[tuple[int, float | None]]:
    if archive.is_postgres:
        return _page_keys_pg(archive, q, order, limit, offset)
    params = [q.match, q.low, q.high, limit, offset]
    if order == "relevance":
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        sql = (f"select rowid, bm25(search_fts, {weights}) as score from search_fts "
               f"where search_fts match ? and rowid between ? and ? order by score, rowid desc "
               f"limit ? offset ?")
        return [(key, -score) for key, score in archive.execute(sql, params)]
    sql = ("select rowid from search_fts where search_fts match ? and rowid between ? and ? "
           "order by rowid desc limit ? offset ?")
    return [(key, None) for (key,) in archive.execute(sql, params)]


_HIT_COLUMNS = ("id, url, url_key, title, media, day, published_at, status, tone, tone_suggested, topics, tags, "
                f"summary, substr(text, 1, {SNIPPET_TEXT_CHARS}) as text")


def count_matches(archive: Archive, match: Term | Group | None, filters: SearchFilters,
                  limit: int | None) -> int:
    """How many articles match (counting stops after ``limit``, when given).

    ``match``: the typed words as a query tree (clipper.search.query's, stop words left out),
    None for a listing; each backend renders it (an FTS5 expression string is SQLite's only).

    Raises:
        SearchError: a filter value is invalid, or an unknown edition.
    """
    return _count(archive, _query(archive, match, filters), limit)


def matching_ids(archive: Archive, match: Term | Group | None, filters: SearchFilters, *, order: str,
                 limit: int, offset: int = 0) -> list[tuple[int, float | None]]:
    """A page of matching article ids with their score (higher is better; None by date).

    ``order``: "relevance" (SQLite: bm25; PostgreSQL: ts_rank) or "date" (newest first).
    """
    keys = _page_keys(archive, _query(archive, match, filters), order, max(0, limit), max(0, offset))
    return [(key & ID_MASK, score) for key, score in keys]


def find_page(archive: Archive, match: Term | Group | None, filters: SearchFilters, *, rank: bool,
              count_limit: int | None, rank_limit: int, limit: int,
              offset: int = 0) -> tuple[int, str, list[tuple[int, float | None]]]:
    """Count the matches and give one page of them, ranked when asked and few enough.

    Args:
        rank: order by relevance when at most ``rank_limit`` match (else by date).
        count_limit: stop counting here (None: count every match).

    Returns:
        (the count, "relevance" or "date", [(article id, score or None)] of the page).

    On PostgreSQL one pass finds, counts and ranks up to ``count_limit`` matches (the GIN
    index and the rows are read once, not once to count and again for the page).
    """
    q = _query(archive, match, filters)
    limit, offset = max(0, limit), max(0, offset)
    scored = rank and q.words is not None
    if archive.is_postgres and count_limit is not None:
        columns = "key, ts_rank(?::float4[], document, ?::tsquery)" if scored else "key, null"
        params = ([TS_RANK_WEIGHTS, q.words] if scored else []) + [q.match, q.low, q.high, count_limit]
        found = archive.execute(f"select {columns} from search_docs where {q.where()} limit ?", params).fetchall()
        total = len(found)
        if scored and total <= rank_limit:
            found.sort(key=lambda r: (-r[1], -r[0]))
            page, order = [(k, float(s)) for k, s in found[offset:offset + limit]], "relevance"
        elif total < count_limit:
            found.sort(key=lambda r: -r[0])
            page, order = [(k, None) for k, _ in found[offset:offset + limit]], "date"
        else:
            page, order = _page_keys(archive, q, "date", limit, offset), "date"
        return total, order, [(key & ID_MASK, score) for key, score in page]
    total = _count(archive, q, count_limit)
    order = "relevance" if scored and total <= rank_limit else "date"
    page = _page_keys(archive, q, order, limit, offset)
    return total, order, [(key & ID_MASK, score) for key, score in page]


def hit_articles(archive: Archive, ids: list[int]) -> dict[int, Article]:
    """The articles a result page shows (their text cut to SNIPPET_TEXT_CHARS)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r["id"]: article_from_row(r) for r in archive.query(
        f"select {_HIT_COLUMNS} from articles where id in ({marks})", ids)}


def editions_for(archive: Archive, article_ids: list[int]) -> dict[int, list[EditionRecord]]:
    """The editions each article appeared in, newest first.

    A final edition lists its articles in its frozen content; a draft edition holds the
    articles approved on its day.
    """
    if not article_ids:
        return {}
    marks = ",".join("?" * len(article_ids))
    rows = archive.query(
        f"select ea.article_id, e.* from edition_articles ea "
        f"join editions e on e.id = ea.edition_id where ea.article_id in ({marks}) "
        f"union all select a.id, e.* from articles a "
        f"join editions e on e.day = a.day and e.status = 'draft' "
        f"where a.id in ({marks}) and {'' if archive.is_postgres else '+'}a.status = 'approved' "
        "order by day desc, id desc",  # SQLite's + : look up by id, not by status
        list(article_ids) * 2)
    found: dict[int, list[EditionRecord]] = {}
    for row in rows:  # the whole record: its label says "Revisi 1" for a revision
        found.setdefault(row["article_id"], []).append(edition_record(row))
    return found


def filter_choices(archive: Archive) -> dict[str, list[str]]:
    """The values the filters can take (media, topics, tags, edition numbers), for a form."""
    media = [r["media"] for r in archive.query("select distinct media from articles order by media")]
    topics = [r["value"] for r in archive.query(
        f"select distinct value from articles, {json_list(archive, 'articles.topics')} order by value")]
    tags = [r["value"] for r in archive.query(
        f"select value, count(*) as n from articles, {json_list(archive, 'articles.tags')} "
        "group by value order by n desc, value limit 500")]
    editions = [r["number"] for r in archive.query("select number from editions order by day desc, id desc")]
    return {"media": media, "topics": topics, "tags": tags, "editions": editions}
