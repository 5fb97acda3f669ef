"""The extraction engines the reader runs: trafilatura (its paragraphs seed the search for the
story's container) and newspaper4k (the fallback), with the options and the trimmed tree that
keep them cheap."""

from __future__ import annotations

import copy
import functools
import logging
import warnings

from lxml import etree
from lxml.html import HtmlElement

logger = logging.getLogger(__name__)


# trafilatura only seeds the search for the story's container (clipper.extract.body). Its
# precision mode finds the same containers on the real pages (bench/extraction.py: dev F1 0.998
# either way) at ~12% less CPU a page (no baseline rescue, no recall escalation with its
# whole-page measure); a page where it finds less than SEED_RETRY_CHARS (a body hidden until a
# script shows it, a 2015 layout of <br>-separated paragraphs in one <span>) is read again in
# the default mode with trafilatura's own fallbacks (readability, jusText): its main extractor
# alone returned the page's menus there.
SEED_RETRY_CHARS = 250


def warm_up() -> None:
    """Import trafilatura and build its options now (an extraction worker's start)."""
    for with_metadata in (True, False):
        for precision in (True, False):
            _trafilatura_options(with_metadata, precision, fast=precision)


@functools.cache
def _trafilatura_options(with_metadata: bool, precision: bool = True, fast: bool = True):
    """trafilatura's options, built once: building them reads its config (~0.4 ms a page).

    trafilatura is imported here, not with the module (~0.2 s): the harvest's main process
    imports this module but extracts nothing itself (its workers do).
    """
    from trafilatura.settings import Extractor
    return Extractor(output_format="python", fast=fast, precision=precision, comments=False,
                     with_metadata=with_metadata)


def trafilatura_document(tree: HtmlElement, url: str, with_metadata: bool = True):
    """trafilatura on our tree (it copies it); None when it finds nothing.

    The first pass skips trafilatura's own fallback extractors (readability, jusText): they
    nearly double the cost per page; the retry (see SEED_RETRY_CHARS) uses them.
    """
    from trafilatura import bare_extraction
    document = None
    for precision in (True, False):  # precision first; the default mode when it finds too little
        options = copy.copy(_trafilatura_options(with_metadata, precision, fast=precision))
        options.url = options.source = url
        try:
            document = bare_extraction(tree, url=url, options=options)
        except (RecursionError, ValueError, TypeError) as exc:
            logger.warning("trafilatura failed on %s: %s", url, exc)
        if document is not None and len(document.text or "") >= SEED_RETRY_CHARS:
            break
    return document


def newspaper_article(text_html: str, url: str, language: str | None):
    """newspaper4k on the page text, images not fetched, no NLP; None on failure."""
    with warnings.catch_warnings():  # imported here: ~370 ms, and only the fallback needs it
        warnings.simplefilter("ignore")
        from newspaper import Article
    options = {"fetch_images": False, "memorize_articles": False, "follow_meta_refresh": False}
    if language in ("id", "en", "ar"):
        options["language"] = language
    try:
        article = Article(url, **options)
        article.download(input_html=text_html)
        article.parse()
    except Exception as exc:  # newspaper raises many kinds; a failed fallback is no text
        logger.warning("newspaper failed on %s: %s", url, exc)
        return None
    return article


# Elements trafilatura deletes with their content before it reads the text (tree_cleaning,
# and html2txt's page measure for aside/footer/script/style/svg/template): removed before
# it sees the tree, its raw-tree XPath passes and copies walk ~30% fewer elements (~1 ms a
# page). JSON-LD stays (trafilatura reads it), and forms (it keeps forms holding text).
_TRIM_TAGS = ("aside", "footer", "nav", "style", "noscript", "template", "svg", "iframe",
              "object", "embed", "canvas", "video", "audio", "map", "button", "select", "textarea",
              "input", "link", "meta",
              # text-free media wrappers (no effect on html2txt's page measure, which the
              # recall escalation compares the extraction with)
              "picture", "source", "track", "area", "param")


# Tags it strips (their text stays): images, ~15% of a news page's elements.
_STRIP_TAGS = ("img", "wbr")


def trim_for_trafilatura(tree: HtmlElement) -> None:
    """Drop (keeping tails) what trafilatura would delete anyway; only when its metadata
    pass is off, as that reads bylines and categories anywhere on the page."""
    for script in list(tree.iter("script")):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            script.drop_tree()
    etree.strip_elements(tree, *_TRIM_TAGS, with_tail=False)  # in C, tails kept
    etree.strip_tags(tree, *_STRIP_TAGS)
