"""The work an extraction worker process does for a harvest: extract a page, then finish
the article (fingerprint, topics, evidence, search roots).

Kept apart from clipper.harvest.harvester so the workers' forkserver imports neither the HTTP stack
nor anything else the main process alone needs (~0.4 s of its start).
"""

from __future__ import annotations

import hashlib
import logging
import zlib
from dataclasses import dataclass, replace

from clipper.classify.classifier import classifier_from
from clipper.classify.rules import RulesKey
from clipper.classify.stories import text_sketch
from clipper.dates import judged_day, sane_moment
from clipper.extract.engines import warm_up
from clipper.extract.reader import extract
from clipper.harvest.urls import clean_url
from clipper.limits import MAX_TEXT_CHARS, MAX_TITLE_CHARS, clip
from clipper.models import INDEX, PAGED, STORED_KINDS, ExtractedArticle, ExtractHints, FetchedPage
from clipper.store.records import ClassificationColumns, encode_classification
from clipper.textnorm import stems_of, storable

logger = logging.getLogger(__name__)

# zlib level of the kept raw pages: level 3 takes ~0.4 ms for a 50 KB page against 0.76 ms at
# level 6, for ~9% more bytes (11.6 KB against 10.6 KB, measured on bench/_web.py pages).
EVIDENCE_ZLIB_LEVEL = 3


@dataclass(frozen=True)
class Extracted:
    """The outcome of extracting one article page in a worker process."""

    article: ExtractedArticle | None = None
    error: str | None = None
    single_page_url: str | None = None
    finished: bool = False  # sketch, fields, sha256 and stems below are filled (evidence if asked)
    sketch: tuple[int, ...] = ()
    classification: ClassificationColumns | None = None  # as the archive stores it (encoded here)
    evidence: bytes | None = None  # the page, zlib-compressed (or gzip as sent: Harvester._with_evidence)
    sha256: str | None = None
    stems: str | None = None  # the search index's stemmed roots (computed here, off the main process)


def warm_worker(rules: RulesKey | None) -> None:
    """Submitted once per worker at the start: its classifier and extraction options are
    built while the feeds are fetched."""
    if rules:
        classifier_from(rules)
    warm_up()


def finish_job(article: ExtractedArticle, content: bytes, rules: RulesKey | None, keep_html: bool) -> Extracted:
    """The per-article work after extraction: fingerprint, topics, evidence (in a worker).

    The classification comes back as its archive columns: serialised here, off the main
    process, and cheaper to send than the objects.
    """
    article = bounded_article(article)
    published = judged_day(article.published_at)
    # A page without a text is judged on what it says of itself (its description); an index
    # page is kept as such and never queued.
    text = article.text if article.has_text else article.description or ""
    classified = encode_classification(classifier_from(rules).classify(
        article.title, text, published=published)) if rules and article.kind != INDEX else None
    return Extracted(
        article=article, finished=True, sketch=text_sketch(article.text),
        classification=classified, sha256=hashlib.sha256(content).hexdigest(),
        evidence=zlib.compress(content, EVIDENCE_ZLIB_LEVEL) if keep_html else None,
        stems=stems_of(article.title, text))


def bounded_article(article: ExtractedArticle) -> ExtractedArticle:
    """The article with its title and text as the archive keeps them (no control characters,
    within clipper.limits), before it is classified so that matched terms point into the stored text;
    a publication time no article can have (9999-12-31) is dropped."""
    title = clip(storable(article.title), MAX_TITLE_CHARS) or ""
    text = clip(storable(article.text), MAX_TEXT_CHARS) or ""
    published = sane_moment(article.published_at)
    if title is article.title and text is article.text and published is article.published_at:
        return article
    return replace(article, title=title, text=text, published_at=published)


def extract_job(page: FetchedPage, language: str | None, *, follow_single: bool = True,
                rules: RulesKey | None = None, keep_html: bool = True, finish: bool = True,
                hints: ExtractHints | None = None) -> Extracted:
    """Extract one page, and finish a one-page article (runs in a worker process; never raises)."""
    try:
        article = extract(page, language_hint=language, follow_single=follow_single, hints=hints)
        if article.kind == PAGED:
            if clean_url(article.single_page_url) != clean_url(page.final_url):  # (keys ignore ?page=all)
                return Extracted(single_page_url=article.single_page_url)
            # the link was this page
            article = extract(page, language_hint=language, follow_single=False, hints=hints)
        if article.kind not in STORED_KINDS:
            return Extracted(error=article.reason)
        if finish and not article.next_pages:
            return finish_job(article, page.content, rules, keep_html)
        return Extracted(article=article)
    except Exception as exc:  # a worker must always answer
        logger.exception("extraction crashed on %s", page.final_url)
        return Extracted(error=f"ekstraksi gagal: {type(exc).__name__}: {exc}")
