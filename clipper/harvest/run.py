"""Orchestrates a harvest: network side in a thread, archive writes on the caller's thread."""

from __future__ import annotations

import functools
import logging
import queue
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from clipper.classify.classifier import classifier_for
from clipper.classify.rules import rules_key
from clipper.classify.stories import DUPLICATE_THRESHOLD, StoryIndex, sketch_from_bytes, sketch_to_bytes
from clipper.config import Config
from clipper.dates import judged_day, sane_moment, time_unknown, to_jakarta
from clipper.errors import ClipperError, ExtractionError, StoreError
from clipper.extract.hints import hints_by_site, hints_for_url
from clipper.harvest.addresses import policy_for
from clipper.harvest.fetch import FetchSettings
from clipper.harvest.harvester import Finished, Found, Harvester, LinksFound, PageFailure, SourceDone
from clipper.harvest.runlog import HEARTBEAT_SECONDS, close_dead_runs
from clipper.harvest.urls import clean_url, link_problem, url_key
from clipper.harvest.workers import prestart_workers
from clipper.models import ARTICLE, EMPTY, INDEX, HarvestResult, Progress, Source, SourceReport
from clipper.store import articles, runs
from clipper.store.archive import ARTICLES_LOCK, Archive
from clipper.store.records import ClassificationColumns, Evidence, NewArticle, encode_classification

logger = logging.getLogger(__name__)

# Syndicated copies appear within a few days of each other; older articles are not compared.
STORY_WINDOW_DAYS = 4
# How often (seconds) the caller's should_stop() is polled while the network is quiet.
POLL_SECONDS = 0.1
# Results stored per transaction: one commit per ~50 articles instead of one each.
BATCH_MAX = 50
# After the first result, those arriving within this long join its transaction: results come
# every ~15 ms, and one transaction each made one full-text index segment each, which FTS5
# then merges (~0.3 ms an article; three or more a batch cost little more than fifty).
BATCH_SECONDS = 0.05


def fetch_settings(config: Config) -> FetchSettings:
    """The run's HTTP settings from the `harvest:` section."""
    spec = config.harvest
    settings = FetchSettings(per_host=spec.per_host, host_delay=spec.delay, deadline=spec.timeout,
                             max_bytes=int(spec.max_page_mb * 1024 * 1024), retries=spec.retries,
                             addresses=policy_for(config))
    if spec.user_agent:
        settings = FetchSettings(**{**settings.__dict__, "user_agent": spec.user_agent})
    return settings


class _Run:
    """The caller-thread side of one harvest: dedupe, classify, store, report."""

    def __init__(self, config: Config, archive: Archive, sources: list[Source]):
        self.config = config
        self.archive = archive
        self.sources = sources
        self.stories = StoryIndex()
        since = (datetime.now(UTC) - timedelta(days=STORY_WINDOW_DAYS)).date().isoformat()
        for member in articles.recent_story_members(archive, since):
            self.stories.add(member.id, sketch_from_bytes(member.sketch), member.story_id, member.media)
        self.counts: dict[str, dict[str, int]] = {s.name: {"new": 0, "dup": 0, "failed": 0, "other": 0} for s in sources}
        self.reports: list[SourceReport] = []
        self.done = 0
        self.total = len(sources)

    @functools.cached_property
    def classifier(self):
        """Built only when a worker did not classify (~0.25 s, off the run's start)."""
        return classifier_for(self.config)

    def on_found(self, found: Found) -> Progress:
        """Store one article; one that cannot be stored (an impossible value, a bug) is that
        article's failure, recorded and reported, and the run goes on with the others."""
        counts = self.counts[found.source.name]
        try:
            with self.archive.savepoint():
                article_id = self._store(found)
        except StoreError:
            raise  # the archive itself (disk full, read-only): the run cannot go on
        except Exception as exc:
            logger.exception("article %s not stored", found.link.url)
            reason = f"tidak dapat disimpan: {type(exc).__name__}: {str(exc)[:100]}"
            return self.on_failure(PageFailure(found.source, found.link.url, reason, None, False))
        self.done += 1
        if article_id is None:
            counts["dup"] += 1
            return Progress("duplicate", self.done, self.total, found.source.name,
                            message=found.article.title)
        counts["new" if found.article.kind in (ARTICLE, EMPTY) else "other"] += 1
        return Progress("article", self.done, self.total, found.source.name, article_id,
                        found.article.title)

    def _store(self, found: Found) -> int | None:
        article, source = found.article, found.source
        keys = set(found.keys)
        canonical = article.canonical_url
        if canonical and (link_problem(canonical) or not _same_site(canonical, found.fetch.final_url)):
            canonical = None  # a malformed address, or another site's, is not this copy's
        canonical_key = url_key(canonical) if canonical else None
        if canonical_key:
            keys.add(canonical_key)
        if any(articles.has_url_key(self.archive, k) for k in keys):
            return None
        media = _media_name(source, article)
        match = self.stories.find(found.sketch, media)
        if match and match.same_media and match.similarity >= DUPLICATE_THRESHOLD:
            return None  # the same outlet's same text under another address
        new = self._new_article(found, media, canonical, canonical_key, match.story_id if match else None)
        keep = self.config.harvest.keep_html
        evidence = Evidence(found.sha256, found.fetch.final_url, found.evidence) \
            if keep and found.evidence is not None else None
        # The worker computed the search roots: the article is indexed once, complete.
        article_id = articles.insert_article(self.archive, new, evidence=evidence, stems=found.stems,
                                             html=found.fetch.content if keep and evidence is None else None)
        if article_id is None:
            return None
        if match:
            articles.open_story(self.archive, match.story_id)
        self.stories.add(article_id, found.sketch, new.story_id or article_id, media)
        return article_id

    def _new_article(self, found: Found, media: str, canonical: str | None, canonical_key: str | None,
                     story_id: int | None) -> NewArticle:
        article, link = found.article, found.link
        published = _published(sane_moment(article.published_at), sane_moment(link.published_at))  # never 9999-12-31
        fetched = found.fetch.fetched_at
        url = clean_url(canonical or found.fetch.final_url)
        day = to_jakarta(published or fetched).date()
        text = article.text if article.has_text else article.description or ""
        if article.kind == INDEX:
            classification = ClassificationColumns(status="irrelevant")
        else:
            classification = found.classification or encode_classification(
                self.classifier.classify(article.title, text, published=judged_day(published)))
        return NewArticle(
            url=url, url_key=canonical_key if url == canonical else url_key(url), media=media,
            source=found.source.name, title=article.title, text=text,
            kind=ARTICLE if article.kind == EMPTY else article.kind,  # a page whose text was not read
            confidence=article.confidence, doubt=article.doubt or article.reason,
            day=day.isoformat(),
            published_utc=(published or fetched).astimezone(UTC).isoformat(), fetched_at=fetched.isoformat(),
            classification=classification, author=article.author,
            published_at=to_jakarta(published).isoformat() if published else None,
            description=article.description, language=article.language or found.source.language,
            image_url=article.image_url, rubrik=article.rubrik or found.source.rubrik,
            extractor=article.extractor, sketch=sketch_to_bytes(found.sketch) or None, story_id=story_id)

    def on_failure(self, failure: PageFailure) -> Progress:
        self.counts[failure.source.name]["failed"] += 1
        runs.record_page_error(self.archive, url_key(failure.url), failure.url, failure.source.name,
                               failure.reason, failure.status, failure.permanent)
        self.done += 1
        return Progress("page_error", self.done, self.total, failure.source.name,
                        message=f"{failure.url}: {failure.reason}")

    def on_source(self, run_id: int, done: SourceDone) -> Progress:
        counts = self.counts[done.source.name]
        report = SourceReport(done.source.name, done.status, done.links, counts["new"], counts["dup"],
                              counts["failed"], done.reason, done.http_status, round(done.seconds, 2),
                              other_pages=counts["other"])
        self.reports.append(report)
        runs.record_source(self.archive, run_id, report, url=done.source.url, etag=done.etag,
                           last_modified=done.last_modified)
        self.done += 1
        return Progress("source", self.done, self.total, done.source.name,
                        message=done.reason or done.status)


def _same_site(a: str, b: str) -> bool:
    host = lambda u: (urlsplit(u).hostname or "").removeprefix("www.").removeprefix("m.")
    return host(a) == host(b)


def _media_name(source: Source, article) -> str:
    if source.aggregator:
        return article.site_name or (urlsplit(article.url).hostname or source.name).removeprefix("www.")
    return source.name


def run_harvest(config: Config, archive: Archive, *, sources: list[str] | None = None,
                should_stop: Callable[[], bool] = lambda: False,
                workers: int | None = None) -> Iterator[Progress]:
    """Harvest the enabled (or named) sources into the archive.

    Yields a Progress for every stored article, failed page and finished source; the
    last one has stage "done" and ``result`` a HarvestResult. One failing source never
    stops the others; a cancel (``should_stop()`` true) ends the run as "cancelled" with
    everything stored so far kept.

    Raises:
        ConfigError: an unknown source name.
        StoreError: the archive cannot be written.
    """
    chosen = config.enabled_sources(sources)
    archive.require_writer()  # an archivist's account: refused before anything is fetched
    prestart_workers(len(chosen), workers)
    close_dead_runs(archive)
    run = _Run(config, archive, chosen)
    run_id = runs.start_run(archive, len(chosen))
    harvester = Harvester(chosen, runs.source_states(archive), archive.path or archive.url, fetch_settings(config),
                          rules=rules_key(config), keep_html=config.harvest.keep_html,
                          source_budget=config.harvest.source_budget)
    if workers is not None:
        harvester.workers = workers
    harvester.start()
    status, error, finished, failure = "completed", None, False, None
    last_beat = time.monotonic()
    try:
        while not finished:
            if should_stop() and status != "cancelled":
                status = "cancelled"
                harvester.cancel()
            batch = _next_batch(harvester.out)
            steps = []
            if not batch and time.monotonic() - last_beat <= HEARTBEAT_SECONDS:
                continue  # nothing arrived: no transaction (nor the articles lock) for nothing
            with archive.write():  # one transaction per batch of results
                archive.lock(ARTICLES_LOCK)  # PostgreSQL: a batch at a time (another harvest, a reclassify)
                if time.monotonic() - last_beat > HEARTBEAT_SECONDS:
                    runs.beat(archive, run_id)
                    last_beat = time.monotonic()
                for item in batch:
                    if isinstance(item, Finished):
                        error, finished = item.error, True
                    elif isinstance(item, LinksFound):
                        run.total += item.count
                        steps.append(Progress("links", run.done, run.total, item.source.name,
                                              message=str(item.count)))
                    elif isinstance(item, Found):
                        steps.append(run.on_found(item))
                    elif isinstance(item, PageFailure):
                        steps.append(run.on_failure(item))
                    elif isinstance(item, SourceDone):
                        steps.append(run.on_source(run_id, item))
            for step in steps:
                yield step
                # Asked between two steps: the rest of this batch is stored already, but the run
                # ends as cancelled even when the harvester finished meanwhile.
                if status != "cancelled" and should_stop():
                    status = "cancelled"
                    harvester.cancel()
    except Exception as exc:  # the archive could not be written (disk full, read-only …): the run failed
        failure = exc
        raise
    finally:
        if not finished:  # the caller stopped iterating, or something failed here
            status = "cancelled"
            harvester.cancel()
        harvester.join(timeout=30)
        reported = {r.source for r in run.reports}
        for source in chosen:
            if source.name not in reported:
                run.reports.append(SourceReport(source.name, "cancelled", reason="dibatalkan"))
        failed = sum(1 for r in run.reports if r.status == "failed")
        new = sum(r.new_articles for r in run.reports)
        try:
            runs.finish_run(archive, run_id, "failed" if error or failure else status, new, failed)
        except StoreError:
            if failure is None:
                raise
            # The archive refuses even this: the run stays "running" until close_dead_runs sees
            # its process gone (or silent for runlog.STALE_RUN_SECONDS) and shows it as interrupted.
            logger.exception("harvest run %d could not be closed", run_id)
    if error is not None and not isinstance(error, ClipperError):
        raise error
    if status == "completed":
        from clipper.store.searching import index_pending
        yield Progress("index", run.total, run.total, message="indeks pencarian")
        index_pending(archive)  # the stemmed roots of what came in (plain words are indexed already)
    result = HarvestResult(run_id, status, tuple(sorted(run.reports, key=lambda r: r.source)))
    yield Progress("done", run.total, run.total, message=status, result=result)


def _next_batch(out: queue.Queue) -> list:
    """What the network side has produced: wait briefly for one item, then for those that
    follow within BATCH_SECONDS (the run's end, Finished, closes the batch at once)."""
    try:
        batch = [out.get(timeout=POLL_SECONDS)]
    except queue.Empty:
        return []
    until = time.monotonic() + BATCH_SECONDS
    while len(batch) < BATCH_MAX and not isinstance(batch[-1], Finished):
        try:
            batch.append(out.get(timeout=max(0.0, until - time.monotonic())))
        except queue.Empty:
            break
    return batch


def harvest(config: Config, archive: Archive, **kwargs) -> HarvestResult:
    """Run run_harvest to the end and return its result."""
    result = None
    for step in run_harvest(config, archive, **kwargs):
        if step.stage == "done":
            result = step.result
    assert isinstance(result, HarvestResult)
    return result


def add_url(config: Config, archive: Archive, url: str, *, media: str | None = None) -> int:
    """Fetch, extract, classify and queue one article URL given by an editor.

    The article is queued for review ("new") even when the rules find no topic: the
    editor chose it. Returns the article id (the existing one if it is already archived).

    Raises:
        FetchError / ExtractionError: why the page gives no article.
    """
    from clipper.harvest.harvester import fetch_article

    existing = articles.find_by_url_keys(archive, [url_key(url)])
    if existing is not None:
        return existing
    host = (urlsplit(url).hostname or "manual").removeprefix("www.")
    source = Source(name=media or host, kind="feed", url=url, aggregator=media is None,
                    extract=hints_for_url(url, hints_by_site(config.sources)))
    found = fetch_article(source, url, fetch_settings(config))
    if found.article.kind == INDEX:  # an editor's URL must be an article
        raise ExtractionError(url, found.article.reason or INDEX)
    article_id = _Run(config, archive, [source])._store(found)
    if article_id is None:
        existing = articles.find_by_url_keys(archive, found.keys)
        if existing is not None:
            return existing
        raise ClipperError(f"artikel ini sudah ada di arsip dengan alamat lain: {url}")
    articles.queue_by_hand(archive, article_id)
    return article_id


def _published(page: datetime | None, listed: datetime | None) -> datetime | None:
    """The page's publication time; the feed's or sitemap's when the page names only the day
    (or nothing) and the listing has the time of that day."""
    if page is None:
        return listed
    if listed is not None and time_unknown(page) and not time_unknown(listed) \
            and to_jakarta(page).date() == to_jakarta(listed).date():
        return listed
    return page
