"""Archive search: filters, relevance or date order, snippets, and the stems the index needs."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from clipper.errors import SearchError
from clipper.search.query import ParsedQuery, QueryError, parse_query
from clipper.search.snippet import make_snippet
from clipper.store.archive import Archive
from clipper.store.edition_records import EditionRecord
from clipper.store.records import SearchFilters
from clipper.store.searching import count_matches as store_count
from clipper.store.searching import editions_for, filter_choices, find_page, hit_articles, matching_ids

logger = logging.getLogger(__name__)

__all__ = ["QueryError", "SearchError", "SearchFilters", "SearchHit", "SearchResult", "count_matches",
           "editions_for", "filter_choices", "iter_result_ids", "search"]

# Up to this many matches (after filters) are ranked by relevance within the 20 ms budget
# (bm25 costs ~2-4 µs per match, see clipper.store.searching); beyond it the results are
# ordered by date and the result says so. Counting stops here too.
RANK_LIMIT = 5_000
COUNT_LIMIT = RANK_LIMIT
DEFAULT_STATUSES = SearchFilters().statuses


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
    editions: tuple[EditionRecord, ...] = ()


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


def _hits(archive: Archive, keys: list[tuple[int, float | None]], parsed: ParsedQuery) -> list[SearchHit]:
    ids = [article_id for article_id, _ in keys]
    articles = hit_articles(archive, ids)
    editions = editions_for(archive, ids)
    hits = []
    for article_id, score in keys:
        article = articles.get(article_id)
        if article is None:
            continue
        snippet, spans = make_snippet(parsed, article.summary, article.text)
        _, title_spans = make_snippet(parsed, None, article.title, whole=True)
        hits.append(SearchHit(
            article_id=article_id, title=article.title, media=article.media, url=article.url, day=article.day,
            published_at=article.published_at.isoformat() if article.published_at else None,
            status=article.status, tone=article.shown_tone, topics=article.topics, tags=article.tags,
            summary=article.summary, score=score, snippet=snippet, snippet_spans=spans,
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
    notes = list(parsed.notes)
    # Nothing to rank by in a listing, or with words found in nearly every article: by date.
    rank = order == "relevance" and parsed.tree is not None and not parsed.only_stop_words
    total, used, keys = find_page(archive, parsed.tree, filters, rank=rank,
                                  count_limit=None if exact_count else COUNT_LIMIT + 1, rank_limit=RANK_LIMIT,
                                  limit=limit, offset=offset)
    exact = exact_count or total <= COUNT_LIMIT
    if rank and used == "date":
        notes.append(f"lebih dari {RANK_LIMIT:,} hasil: diurutkan menurut tanggal; persempit dengan kata "
                     "lain atau rentang tanggal untuk urutan relevansi".replace(",", "."))
    hits = _hits(archive, keys, parsed)
    elapsed = (time.perf_counter() - started) * 1000
    logger.debug("search %r: %d hits of %d%s in %.1f ms", query, len(hits), total, "" if exact else "+", elapsed)
    return SearchResult(tuple(hits), min(total, COUNT_LIMIT) if not exact else total, exact, used, parsed,
                        tuple(notes), elapsed, offset, filters)


def count_matches(archive: Archive, query: str, filters: SearchFilters | None = None) -> int:
    """The exact number of matches (for a display that first showed "10.000+")."""
    return store_count(archive, parse_query(query).tree, filters or SearchFilters(), None)


def iter_result_ids(archive: Archive, query: str, filters: SearchFilters | None = None, *,
                    order: str = "date", batch: int = 500) -> Iterator[int]:
    """Every matching article id, in date order (or relevance when few enough), for export."""
    filters = filters or SearchFilters()
    parsed = parse_query(query)
    if order == "relevance" and (parsed.tree is None
                                 or store_count(archive, parsed.tree, filters, RANK_LIMIT + 1) > RANK_LIMIT):
        order = "date"
    offset = 0
    while True:
        keys = matching_ids(archive, parsed.tree, filters, order=order, limit=batch, offset=offset)
        yield from (article_id for article_id, _ in keys)
        if len(keys) < batch:
            return
        offset += batch


