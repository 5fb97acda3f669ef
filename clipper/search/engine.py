"""Archive search: filters, relevance or date order, snippets, and the stems the index needs."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from clipper.errors import ClipperError
from clipper.store.search_index import DAY_SHIFT, FACET_MARK
from clipper.search.query import ParsedQuery, QueryError, parse_query
from clipper.search.snippet import make_snippet
from clipper.store.archive import Archive

logger = logging.getLogger(__name__)

__all__ = ["EditionRef", "QueryError", "SearchError", "SearchFilters", "SearchHit", "SearchResult",
           "count_matches", "editions_for", "iter_result_ids", "search"]

# bm25 costs a fixed part (it counts, over the whole index, the documents of every phrase:
# ~7 ms for a word in a fifth of 1M articles) plus ~2-4 µs per match (bench/search.py). Up to
# this many matches (after filters) are ranked by relevance within the 20 ms budget; beyond
# it the results are ordered by date and the result says so. Counting stops here too.
RANK_LIMIT = 5_000
COUNT_LIMIT = RANK_LIMIT
# bm25 column weights: title, text, summary, tags, media, stems, facets (filters never score).
BM25_WEIGHTS = (5.0, 1.0, 3.0, 3.0, 2.0, 0.8, 0.0)
ID_MASK = (1 << DAY_SHIFT) - 1
DEFAULT_STATUSES = ("approved", "published")
STATUSES = ("new", "approved", "rejected", "irrelevant", "error", "published")
SNIPPET_TEXT_CHARS = 30_000  # a snippet is looked for in this much of the text
EPOCH = date(1970, 1, 1)


class SearchError(ClipperError):
    """A search that cannot run as asked (bad filter value); the message says why."""


@dataclass(frozen=True)
class SearchFilters:
    """What narrows a search; empty fields do not filter.

    ``statuses`` holds article statuses plus "published" (in a final edition); empty means all.
    ``edition`` is an edition number ("12/2026") or sequence ("12").
    """

    date_from: str | None = None
    date_to: str | None = None
    media: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    tone: str | None = None
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    edition: str | None = None


@dataclass(frozen=True)
class EditionRef:
    """An edition an article appeared in."""

    id: int
    number: str
    day: str
    status: str
    pdf_path: str | None


@dataclass(frozen=True)
class SearchHit:
    """One matching article as a result list shows it."""

    article_id: int
    title: str
    media: str
    url: str
    day: str
    published_at: str | None
    status: str
    tone: str | None
    topics: tuple[str, ...]
    tags: tuple[str, ...]
    summary: str | None
    score: float | None  # bm25 (higher is better) when ranked by relevance
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...]  # highlighted ranges of ``snippet``
    title_spans: tuple[tuple[int, int], ...]
    editions: tuple[EditionRef, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    """One page of results, the total, and how they were ordered."""

    hits: tuple[SearchHit, ...]
    total: int
    total_exact: bool  # False: at least ``total`` matches (counting stopped there)
    order: str  # relevance | date
    query: ParsedQuery
    notes: tuple[str, ...] = ()
    elapsed_ms: float = 0.0
    offset: int = 0
    filters: SearchFilters = field(default_factory=SearchFilters)


def _hex_token(prefix: str, value: str) -> str:
    """A facet token as the index holds it (quoted for MATCH)."""
    lowered = "".join(ch.lower() if ch.isascii() else ch for ch in value)
    return f'"{FACET_MARK}{prefix}{lowered.encode("utf-8").hex()}"'


def _day_number(value: str, label: str) -> int:
    try:
        return (date.fromisoformat(value) - EPOCH).days
    except ValueError:
        raise SearchError(f"{label} harus YYYY-MM-DD, bukan {value!r}") from None


def _edition_filter(archive: Archive, number: str) -> tuple[str | None, str | None]:
    """(facet term, day) of the edition with this number: a final one lists its articles."""
    rows = archive.query("select id, day, status from editions where number = ? or cast(seq as text) = ? "
                         "order by number = ? desc, id desc limit 1", [number, number, number])
    if not rows:
        raise SearchError(f"Edisi No. {number} tidak ada di arsip.")
    row = rows[0]
    if row["status"] == "final":
        return f'"{FACET_MARK}xe{row["id"]}"', None
    return _hex_token("xs", "approved"), row["day"]


def _filter_match(archive: Archive, filters: SearchFilters) -> tuple[list[str], tuple[int, int]]:
    """The facet terms of the filters and the key range of the dates."""
    terms: list[str] = []
    low, high = 0, (1 << 62)
    day_from, day_to = filters.date_from, filters.date_to
    if filters.edition:
        term, day = _edition_filter(archive, filters.edition.strip())
        terms.append(term)
        if day:
            day_from = max(day_from or day, day)
            day_to = min(day_to or day, day)
    statuses = [s for s in filters.statuses if s != "all"]
    if statuses and len(filters.statuses) == len(statuses):
        unknown = [s for s in statuses if s not in STATUSES]
        if unknown:
            raise SearchError(f"status tidak dikenal: {', '.join(unknown)} (pilih {', '.join(STATUSES)})")
        tokens = [f'"{FACET_MARK}xp"' if s == "published" else _hex_token("xs", s) for s in statuses]
        terms.append("(" + " OR ".join(tokens) + ")")
    for prefix, values in (("xm", filters.media), ("xt", filters.topics), ("xg", filters.tags)):
        values = [v.strip() for v in values if v and v.strip()]
        if values:
            terms.append("(" + " OR ".join(_hex_token(prefix, v) for v in values) + ")")
    if filters.tone:
        terms.append(_hex_token("xo", filters.tone))
    if day_from:
        low = _day_number(day_from, "Tanggal awal") << DAY_SHIFT
    if day_to:
        high = (_day_number(day_to, "Tanggal akhir") << DAY_SHIFT) | ID_MASK
    return terms, (low, high)


def _match(parsed: ParsedQuery, filter_terms: list[str]) -> str:
    parts = ([parsed.match] if parsed.match else []) + filter_terms
    return " AND ".join(parts) if parts else f'"{FACET_MARK}xa"'


def _count(archive: Archive, match: str, low: int, high: int, limit: int | None) -> int:
    sql = "select rowid from search_fts where search_fts match ? and rowid between ? and ?"
    if limit is not None:
        sql += f" limit {int(limit)}"
    return archive.conn.execute(f"select count(*) from ({sql})", [match, low, high]).fetchone()[0]


def _page_keys(archive: Archive, match: str, low: int, high: int, order: str, limit: int,
               offset: int) -> list[tuple[int, float | None]]:
    params = [match, low, high, limit, offset]
    if order == "relevance":
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        sql = (f"select rowid, bm25(search_fts, {weights}) as score from search_fts "
               f"where search_fts match ? and rowid between ? and ? order by score, rowid desc "
               f"limit ? offset ?")
        return [(key, -score) for key, score in archive.conn.execute(sql, params)]
    sql = ("select rowid from search_fts where search_fts match ? and rowid between ? and ? "
           "order by rowid desc limit ? offset ?")
    return [(key, None) for (key,) in archive.conn.execute(sql, params)]


_HIT_COLUMNS = ("id, title, media, url, day, published_at, status, tone, tone_suggested, topics, tags, "
                f"summary, substr(text, 1, {SNIPPET_TEXT_CHARS}) as text")


def _loads(value: str | None) -> tuple[str, ...]:
    try:
        data = json.loads(value) if value else []
    except ValueError:
        return ()
    return tuple(str(v) for v in data) if isinstance(data, list) else ()


def _hits(archive: Archive, keys: list[tuple[int, float | None]], parsed: ParsedQuery) -> list[SearchHit]:
    ids = [key & ID_MASK for key, _ in keys]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = {r["id"]: r for r in archive.query(f"select {_HIT_COLUMNS} from articles where id in ({marks})", ids)}
    editions = editions_for(archive, ids)
    hits = []
    for (key, score), article_id in zip(keys, ids):
        row = rows.get(article_id)
        if row is None:
            continue
        snippet, spans = make_snippet(parsed, row["summary"], row["text"])
        _, title_spans = make_snippet(parsed, None, row["title"], whole=True)
        hits.append(SearchHit(
            article_id=article_id, title=row["title"], media=row["media"], url=row["url"], day=row["day"],
            published_at=row["published_at"], status=row["status"],
            tone=row["tone"] or row["tone_suggested"], topics=_loads(row["topics"]), tags=_loads(row["tags"]),
            summary=row["summary"], score=score, snippet=snippet, snippet_spans=spans,
            title_spans=title_spans, editions=tuple(editions.get(article_id, ())),
        ))
    return hits


def search(archive: Archive, query: str, filters: SearchFilters | None = None, *, order: str = "relevance",
           limit: int = 50, offset: int = 0, exact_count: bool = False) -> SearchResult:
    """Search the archive (read only).

    Args:
        archive: an open archive.
        query: the typed words (see clipper.search.query.parse_query); empty lists by date.
        filters: dates, media, topics, tags, tone, statuses, edition.
        order: "relevance" (bm25; by date when more than RANK_LIMIT match) or "date".
        limit, offset: the page.
        exact_count: count every match (slower for very common words) instead of stopping
            at COUNT_LIMIT.

    Returns:
        The page of hits with snippets, the total and the order used.

    Raises:
        QueryError: the query cannot be searched (message in Indonesian).
        SearchError: a filter value is invalid or an unknown edition.
    """
    started = time.perf_counter()
    filters = filters or SearchFilters()
    parsed = parse_query(query)
    terms, (low, high) = _filter_match(archive, filters)
    match = _match(parsed, terms)
    notes = list(parsed.notes)
    total = _count(archive, match, low, high, None if exact_count else COUNT_LIMIT + 1)
    exact = exact_count or total <= COUNT_LIMIT
    used = order
    if order == "relevance" and (parsed.match is None or parsed.only_stop_words):
        used = "date"  # nothing to rank by: a listing, or words found in nearly every article
    elif order == "relevance" and total > RANK_LIMIT:
        used = "date"
        notes.append(f"lebih dari {RANK_LIMIT:,} hasil: diurutkan menurut tanggal; persempit dengan kata "
                     "lain atau rentang tanggal untuk urutan relevansi".replace(",", "."))
    keys = _page_keys(archive, match, low, high, used, max(0, limit), max(0, offset))
    hits = _hits(archive, keys, parsed)
    elapsed = (time.perf_counter() - started) * 1000
    logger.debug("search %r: %d hits of %d%s in %.1f ms", query, len(hits), total, "" if exact else "+", elapsed)
    return SearchResult(tuple(hits), min(total, COUNT_LIMIT) if not exact else total, exact, used, parsed,
                        tuple(notes), elapsed, offset, filters)


def count_matches(archive: Archive, query: str, filters: SearchFilters | None = None) -> int:
    """The exact number of matches (for a display that first showed "10.000+")."""
    terms, (low, high) = _filter_match(archive, filters or SearchFilters())
    return _count(archive, _match(parse_query(query), terms), low, high, None)


def iter_result_ids(archive: Archive, query: str, filters: SearchFilters | None = None, *,
                    order: str = "date", batch: int = 500) -> Iterator[int]:
    """Every matching article id, in date order (or relevance when few enough), for export."""
    terms, (low, high) = _filter_match(archive, filters or SearchFilters())
    parsed = parse_query(query)
    match = _match(parsed, terms)
    if order == "relevance" and (parsed.match is None or _count(archive, match, low, high, RANK_LIMIT + 1)
                                 > RANK_LIMIT):
        order = "date"
    offset = 0
    while True:
        keys = _page_keys(archive, match, low, high, order, batch, offset)
        yield from (key & ID_MASK for key, _ in keys)
        if len(keys) < batch:
            return
        offset += batch


def editions_for(archive: Archive, article_ids: list[int]) -> dict[int, list[EditionRef]]:
    """The editions each article appeared in, newest first.

    A final edition lists its articles in its frozen content; a draft edition holds the
    articles approved on its day.
    """
    if not article_ids:
        return {}
    marks = ",".join("?" * len(article_ids))
    rows = archive.query(
        f"select ea.article_id, e.id, e.number, e.day, e.status, e.pdf_path from edition_articles ea "
        f"join editions e on e.id = ea.edition_id where ea.article_id in ({marks}) "
        f"union all select a.id, e.id, e.number, e.day, e.status, e.pdf_path from articles a "
        f"join editions e on e.day = a.day and e.status = 'draft' "
        f"where a.id in ({marks}) and +a.status = 'approved' order by 4 desc, 2 desc",  # + : by id
        list(article_ids) * 2)
    found: dict[int, list[EditionRef]] = {}
    for row in rows:
        found.setdefault(row["article_id"], []).append(
            EditionRef(row["id"], row["number"], row["day"], row["status"], row["pdf_path"]))
    return found


def filter_choices(archive: Archive) -> dict[str, list[str]]:
    """The values the filters can take (media, topics, tags, edition numbers), for a form."""
    media = [r["media"] for r in archive.query("select distinct media from articles order by media")]
    topics = [r["value"] for r in archive.query(
        "select distinct value from articles, json_each(case when json_valid(articles.topics) "
        "then articles.topics else '[]' end) order by value")]
    tags = [r["value"] for r in archive.query(
        "select value, count(*) as n from articles, json_each(case when json_valid(articles.tags) "
        "then articles.tags else '[]' end) group by value order by n desc, value limit 500")]
    editions = [r["number"] for r in archive.query("select number from editions order by day desc, id desc")]
    return {"media": media, "topics": topics, "tags": tags, "editions": editions}
