"""The network side of a harvest: discover, fetch and extract, concurrently, off the caller's thread."""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import queue
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from clipper.config import DEFAULT_SOURCE_BUDGET
from clipper.errors import ExtractionError, FetchError
from clipper.extract import reader as extract
from clipper.extract.confidence import DOUBTFUL
from clipper.extract.hints import hints_by_site, hints_for_url
from clipper.harvest.body import is_textual
from clipper.harvest.fetch import Fetcher, FetchSettings
from clipper.harvest.jobs import Extracted, RulesKey, extract_job, finish_job, warm_worker
from clipper.harvest.listing import discover_links
from clipper.harvest.urls import link_problem, url_key
from clipper.harvest.workers import default_workers, end_pool, end_with, warm_pool_wanted, worker_context
from clipper.limits import MAX_URL_CHARS
from clipper.models import ExtractedArticle, FetchedPage, Link, Source
from clipper.store.articles import KnownPages
from clipper.store.records import ClassificationColumns, SourceState

logger = logging.getLogger(__name__)

# A multi-page article rarely has more pages than this; more is a pager gone wrong.
MAX_EXTRA_PAGES = 10
# Pages that failed this many times are not fetched again.
MAX_PAGE_ATTEMPTS = 3
# Below this many pages to extract, a process pool costs more to start than it saves.
POOL_MIN_PAGES = 4


@dataclass
class Found:
    """An extracted article ready for the archive, sent to the caller's thread."""

    source: Source
    link: Link
    article: ExtractedArticle
    fetch: FetchedPage
    sketch: tuple[int, ...] = ()
    keys: tuple[str, ...] = ()
    classification: ClassificationColumns | None = None  # the worker's, encoded for the archive
    evidence: bytes | None = None
    sha256: str | None = None
    stems: str | None = None


@dataclass
class PageFailure:
    source: Source
    url: str
    reason: str
    status: int | None
    permanent: bool


@dataclass
class SourceDone:
    source: Source
    status: str
    links: int = 0
    failed_pages: int = 0
    reason: str | None = None
    http_status: int | None = None
    seconds: float = 0.0
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class LinksFound:
    source: Source
    count: int


@dataclass
class Finished:
    error: BaseException | None = None


@dataclass
class Harvester:
    """Runs the network side of one harvest in its own thread with its own event loop.

    Results go to ``out`` as Found / PageFailure / LinksFound / SourceDone and a final
    Finished. ``cancel()`` may be called from any thread.
    """

    sources: list[Source]
    states: dict[str, SourceState]
    db_path: str | Path | None  # the archive's path or URL, read to skip known links
    settings: FetchSettings
    rules: RulesKey | None = None
    keep_html: bool = True
    out: queue.Queue = field(default_factory=queue.Queue)
    workers: int = field(default_factory=default_workers)
    source_budget: float = DEFAULT_SOURCE_BUDGET  # seconds for one source: listing, child sitemaps, pages

    def __post_init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task | None = None
        self._pool: concurrent.futures.Executor | None = None
        self._pool_lock = threading.Lock()
        self._cancelled = threading.Event()
        self._seen: set[str] = set()
        self._pages_expected = 0
        self._hints = hints_by_site(self.sources)  # per-media extraction hints, by site
        self._thread = threading.Thread(target=self._main, name="clipper-harvest", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def cancel(self) -> None:
        self._cancelled.set()
        loop, task = self._loop, self._task
        if loop is not None and task is not None:
            try:
                loop.call_soon_threadsafe(task.cancel)
            except RuntimeError:
                pass  # the loop has already finished

    def _main(self) -> None:
        error: BaseException | None = None
        try:
            asyncio.run(self._run())
        except asyncio.CancelledError:
            pass
        except BaseException as exc:  # reported to the caller, who decides
            logger.exception("harvest thread failed")
            error = exc
        finally:
            if self._pool is not None:
                end_pool(self._pool)
            self.out.put(Finished(error))

    async def _run(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        if self._cancelled.is_set():
            return
        known = KnownPages(self.db_path, MAX_PAGE_ATTEMPTS)
        if warm_pool_wanted(len(self.sources), self.workers):
            # A daily run: start the workers (imports ~1 s) while the feeds are being fetched.
            pool = self._get_pool(start=True)
            for _ in range(self.workers):
                pool.submit(warm_worker, self.rules)
        try:
            async with Fetcher(self.settings) as fetcher:
                await asyncio.gather(*(self._source(fetcher, known, s) for s in self.sources))
        finally:
            known.close()

    # --- extraction off the event loop ----------------------------------------------

    async def _extract(self, page: FetchedPage, language: str, follow_single: bool = True,
                       finish: bool = True) -> Extracted:
        # The page without the body as sent: the worker needs the decoded content only.
        job = partial(extract_job, replace(page, gzipped=None), language, follow_single=follow_single,
                      rules=self.rules, keep_html=self._compress_evidence(page), finish=finish,
                      hints=hints_for_url(page.final_url, self._hints))
        return self._with_evidence(await self._in_worker(job), page)

    async def _finish(self, article: ExtractedArticle, page: FetchedPage) -> Extracted:
        job = partial(finish_job, article, page.content, self.rules, self._compress_evidence(page))
        return self._with_evidence(await self._in_worker(job), page)

    def _compress_evidence(self, page: FetchedPage) -> bool:
        """Whether a worker compresses the page as evidence: not when it came as one gzip
        member, which is kept as sent (zlib reads both; ~0.6 ms of a worker per page)."""
        return self.keep_html and page.gzipped is None

    def _with_evidence(self, done: Extracted, page: FetchedPage) -> Extracted:
        if done.finished and self.keep_html and done.evidence is None and page.gzipped is not None:
            return replace(done, evidence=page.gzipped)
        return done

    async def _off_loop(self, function, *args):
        """A parse of a feed, sitemap or section page, off the event loop (~1 ms per feed item
        in feedparser: twenty feeds parsed on the loop held every fetch for seconds)."""
        return await self._in_worker(partial(function, *args))

    async def _in_worker(self, job: partial):
        pool = self._get_pool()
        if pool is None:
            return await asyncio.to_thread(job)
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, job)
        except BrokenProcessPool:  # a worker died (a page crashed lxml): the next job gets a new pool
            with self._pool_lock:
                if self._pool is pool:
                    self._pool = None
                    pool.shutdown(wait=False, cancel_futures=True)
            raise

    def _get_pool(self, start: bool = False) -> concurrent.futures.Executor | None:
        """The worker pool; started once enough pages are expected (or when ``start``)."""
        with self._pool_lock:
            wanted = start or self._pages_expected >= POOL_MIN_PAGES
            if self._pool is None and wanted and self.workers > 1:
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    self.workers, mp_context=worker_context(), initializer=end_with, initargs=(os.getpid(),))
            return self._pool

    # --- one source ---------------------------------------------------------------

    async def _source(self, fetcher: Fetcher, known: KnownPages, source: Source) -> None:
        """One source within its time budget; whatever goes wrong ends this source alone."""
        started, links, budget = time.monotonic(), [0], asyncio.timeout(self.source_budget)
        try:
            async with budget:
                return await self._source_work(fetcher, known, source, started, links)
        except TimeoutError:
            if not budget.expired():
                raise
            reason = f"batas waktu sumber habis ({self.source_budget:g} dtk)"
        except Exception as exc:  # what no check foresaw stays with this source
            logger.exception("source %s failed unexpectedly", source.name)
            reason = f"galat tak terduga: {type(exc).__name__}"
        logger.warning("%s: %s", source.name, reason)  # links: how many its listing gave, for a report cut short
        self.out.put(SourceDone(source, "failed", links=links[0], seconds=time.monotonic() - started, reason=reason))

    async def _source_work(self, fetcher: Fetcher, known: KnownPages, source: Source, started: float,
                           found: list[int]) -> None:
        state = self.states.get(source.name) or SourceState(source.name)
        same_url = state.url == source.url
        try:
            listing = await fetcher.fetch(
                source.url, etag=state.etag if same_url else None,
                last_modified=state.last_modified if same_url else None,
                delay=source.delay, concurrency=source.concurrency, timeout=source.timeout)
            if listing.not_modified:
                self.out.put(SourceDone(source, "not_modified", http_status=304,
                                        seconds=time.monotonic() - started,
                                        etag=state.etag, last_modified=state.last_modified))
                return
            links = await discover_links(fetcher, source, listing, self._off_loop)
        except (FetchError, ExtractionError) as exc:
            status = exc.status if isinstance(exc, FetchError) else None
            self.out.put(SourceDone(source, "failed", reason=exc.reason, http_status=status,
                                    seconds=time.monotonic() - started))
            return
        found[0] = len(links)
        fresh, rejected = [], []
        for link in links:
            key = url_key(link.url)
            if key in self._seen or known.is_known(key):
                continue
            self._seen.add(key)
            problem = link_problem(link.url)
            if problem:  # a malformed link is reported, never fetched, and never stops the others
                rejected.append(PageFailure(source, link.url[:MAX_URL_CHARS], problem, None, True))
            else:
                fresh.append((link, key))
        self._pages_expected += len(fresh)
        self.out.put(LinksFound(source, len(fresh) + len(rejected)))
        for failure in rejected:
            self.out.put(failure)
        outcomes = await asyncio.gather(*(self._article(fetcher, known, source, l, k) for l, k in fresh))
        self.out.put(SourceDone(source, "ok", links=len(links), failed_pages=outcomes.count(False) + len(rejected),
                                seconds=time.monotonic() - started, http_status=listing.status,
                                etag=listing.etag, last_modified=listing.last_modified))

    # --- one article --------------------------------------------------------------

    async def _fetch_page(self, fetcher: Fetcher, source: Source, url: str) -> FetchedPage:
        result = await fetcher.fetch(url, delay=source.delay, concurrency=source.concurrency,
                                     timeout=source.timeout, accept="text/html,application/xhtml+xml")
        if not is_textual(result):
            kind = result.content_type.split(";")[0] or "tidak dikenal"
            raise FetchError(url, f"bukan halaman HTML ({kind})", result.status)
        return result

    async def _article(self, fetcher: Fetcher, known: KnownPages, source: Source, link: Link, key: str) -> bool:
        """Fetch, extract and hand over one article; ``key``: the link's url_key."""
        try:
            page = await self._fetch_page(fetcher, source, link.url)
            final_key = key if page.final_url == link.url else url_key(page.final_url)
            keys = {key, final_key}
            if final_key != key and known.is_known(final_key):
                return True  # a redirect to an article we already have
            done = await self._read(fetcher, source, page)
        except FetchError as exc:
            permanent = exc.permanent or exc.status in (404, 410) or "bukan halaman HTML" in exc.reason
            self.out.put(PageFailure(source, link.url, exc.reason, exc.status, permanent))
            return False
        except ExtractionError as exc:
            self.out.put(PageFailure(source, link.url, exc.reason, None, True))
            return False
        except Exception as exc:  # one page's surprise is that page's failure, not the run's
            logger.exception("page %s of %s failed unexpectedly", link.url, source.name)
            self.out.put(PageFailure(source, link.url, f"galat tak terduga: {type(exc).__name__}", None, False))
            return False
        self.out.put(Found(source, link, done.article, page, done.sketch, tuple(keys), done.classification,
                           done.evidence, done.sha256, done.stems))
        return True

    async def _read(self, fetcher: Fetcher, source: Source, page: FetchedPage) -> Extracted:
        """The finished article of a fetched page: its single-page version or its further pages too.

        Raises:
            FetchError / ExtractionError: the page gives no article.
        """
        done = await self._extract(page, source.language)
        if done.single_page_url:
            single = await self._fetch_page(fetcher, source, done.single_page_url)
            done = await self._extract(single, source.language, follow_single=False)
        if done.article is None:
            raise ExtractionError(page.final_url, done.error or "tidak ada teks artikel")
        if not done.finished:
            article = await self._more_pages(fetcher, source, done.article)
            done = await self._finish(article, page)
        return done

    async def _more_pages(self, fetcher: Fetcher, source: Source, first: ExtractedArticle) -> ExtractedArticle:
        rest, missing = [], []
        for number, url in enumerate(first.next_pages[:MAX_EXTRA_PAGES], 2):
            try:
                page = await self._fetch_page(fetcher, source, url)
            except FetchError as exc:
                logger.warning("page %s of %s not fetched: %s", url, first.url, exc.reason)
                missing.append(number)
                continue
            done = await self._extract(page, source.language, follow_single=False, finish=False)
            if done.article is not None and done.article.has_text:
                rest.append(done.article)
            else:
                missing.append(number)
        joined = extract.join_pages(first, rest) if rest else first
        if missing:  # kept, with the gap told to the editor
            pages = ", ".join(map(str, missing))
            return replace(joined, confidence=DOUBTFUL, doubt=f"halaman {pages} dari artikel tidak dapat diambil")
        return joined


async def _within_budget(url: str, settings: FetchSettings, work):
    """A one-off fetch (test a source, add a URL) within a source's budget: it never hangs the app."""
    budget = max(DEFAULT_SOURCE_BUDGET, 2 * settings.deadline)
    try:
        async with asyncio.timeout(budget):
            return await work
    except TimeoutError:
        raise FetchError(url, f"batas waktu {budget:g} dtk habis") from None


async def _probe(source: Source, settings: FetchSettings) -> list[Link]:
    async def work() -> list[Link]:
        async with Fetcher(settings) as fetcher:
            listing = await fetcher.fetch(source.url, timeout=source.timeout)
            return await discover_links(fetcher, source, listing)
    return await _within_budget(source.url, settings, work())


def probe_source(source: Source, settings: FetchSettings | None = None) -> list[Link]:
    """Fetch a source now and return the article links it yields ("test this source").

    Raises:
        FetchError / ExtractionError: the reason the source gives nothing.
    """
    settings = settings or FetchSettings()
    # The source under test is being configured: its own origin is reachable as once it is saved.
    settings = replace(settings, addresses=settings.addresses.with_origins([source.url]))
    return asyncio.run(_probe(source, settings))


async def _fetch_one(source: Source, url: str, settings: FetchSettings) -> Found:
    return await _within_budget(url, settings, _fetch_one_now(source, url, settings))


async def _fetch_one_now(source: Source, url: str, settings: FetchSettings) -> Found:
    async with Fetcher(settings) as fetcher:
        harvester = Harvester([source], {}, None, settings, workers=1)  # no archive: nothing is skipped
        page = await harvester._fetch_page(fetcher, source, url)
        done = await harvester._read(fetcher, source, page)
        keys = (url_key(url), url_key(page.final_url))
        return Found(source, Link(url), done.article, page, done.sketch, keys, None, done.evidence, done.sha256,
                     done.stems)


def fetch_article(source: Source, url: str, settings: FetchSettings | None = None) -> Found:
    """Fetch and extract one article URL now (an editor's "add by hand").

    Raises:
        FetchError / ExtractionError: with the reason.
    """
    return asyncio.run(_fetch_one(source, url, settings or FetchSettings()))
