"""Extract clean article text and metadata from a news page (trafilatura, then newspaper)."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import UTC, datetime

from lxml.html import HtmlElement

from clipper.dates import parse_date
from clipper.errors import ExtractionError
from clipper.extract.body import story_lines, unmask_story_wrappers
from clipper.extract.confidence import assess
from clipper.extract.engines import newspaper_article, trafilatura_document, trim_for_trafilatura
from clipper.extract.header import dateline, page_segments, pick_author, publication_time
from clipper.extract.hints import body_lines, drop_furniture, next_page_links
from clipper.extract.html import NO_TEXT_REASON, load_page
from clipper.extract.kinds import is_index, page_kind
from clipper.extract.language import detect_language
from clipper.extract.meta import (DATE_META_KEYS, absolute_url, canonical_url, date_in_page, document_date,
                                  json_ld_body, pick_rubrik, pick_title, plain_text, read_meta)
from clipper.extract.pages import anchor_hrefs, next_pages_in, single_page_in
from clipper.extract.textclean import clean_text
from clipper.models import ARTICLE, EMPTY, INDEX, PAGED, ExtractedArticle, ExtractHints, FetchedPage

logger = logging.getLogger(__name__)

# Below this many characters of cleaned text, trafilatura probably caught only a lead or a
# caption, so newspaper is tried too. The shortest real items we saw (Antara and detik
# flashes) run to two paragraphs, 300+ characters; one long sentence is about 120-250.
MIN_TEXT_CHARS = 250
# Below this, neither extractor found an article (a JS shell, "Aktifkan JavaScript ...",
# a video page with a one-line caption): one sentence of news is ~120 characters.
MIN_ARTICLE_CHARS = 120
# A gallery's or a video page's text is a caption: one short sentence is enough.
MIN_CAPTION_CHARS = 30
# The JSON-LD body replaces a reading when it holds at least this share of its length.
LD_SHARE = 0.8
# Words of a reading's opening looked for on the visible page (not there: the engines read the JSON-LD).
LD_OPENING_WORDS = 12
# The story read from its container is taken unless it is much shorter than trafilatura's text
# (the container was a part of the story only).
STORY_MIN_SHARE = 0.5
# Only trafilatura's prose lines count in that comparison: a byline, a gallery counter or a label
# split into short lines of their own ("Oleh", "1", "/", "4") is not story the container missed.
PROSE_LINE_CHARS = 60
# A line before the title that is this short is the page's kicker ("Penanganan Covid").
KICKER_MAX_CHARS = 40


INDEX_REASON = "halaman indeks, bukan artikel"


def extract(page: FetchedPage, *, language_hint: str | None = None, follow_single: bool = True,
            hints: ExtractHints | None = None) -> ExtractedArticle:
    """Read a fetched page: the article with clean text and metadata, or what the page is instead.

    trafilatura runs first on a tree parsed once here; newspaper4k is tried when trafilatura
    finds less than MIN_TEXT_CHARS. Nothing here touches the network, and the page's content
    never makes it raise.

    Args:
        page: The page as fetched (bytes are decoded: UTF-8, the declared charset, cp1252);
            its ``final_url`` makes links absolute.
        language_hint: The source's configured language, used when the text does not tell.
        follow_single: When the page links its whole article on one page ("Tampilkan
            semua"), answer kind "paged" with that link instead of reading this page.
        hints: The medium's extraction hints (clipper.extract.hints), if configured.

    Returns:
        An ExtractedArticle: kind "article" with text cleaned by clean_text and next_pages
        filled, or kind "index", "empty" or "paged" with the reason or link.
    """
    url = page.final_url
    try:
        text_html, tree = load_page(page.content, url)
    except ExtractionError as exc:
        return ExtractedArticle(url, kind=EMPTY, reason=exc.reason)
    hrefs = anchor_hrefs(tree)
    if follow_single:
        single = single_page_in(tree, url, hrefs)
        if single is not None:
            return ExtractedArticle(url, kind=PAGED, single_page_url=single)
    return _extract_tree(text_html, tree, url, language_hint, hrefs, hints)


def extract_article(html: str | bytes, url: str, *, language_hint: str | None = None,
                    hints: ExtractHints | None = None) -> ExtractedArticle:
    """The article of a saved page (extract without following a single-page link).

    Raises:
        ExtractionError: The page is an index page, or holds no article text.
    """
    content = html.encode("utf-8", "replace") if isinstance(html, str) else html
    page = FetchedPage(url, url, 200, {}, content, datetime.now(UTC))
    article = extract(page, language_hint=language_hint, follow_single=False, hints=hints)
    if not article.has_text:
        raise ExtractionError(url, article.reason or NO_TEXT_REASON)
    return article


def _extract_tree(text_html: str, tree: HtmlElement, url: str, language_hint: str | None,
                  hrefs: list | None = None, hints: ExtractHints | None = None) -> ExtractedArticle:
    meta = read_meta(tree)
    if hints and hints.drop:
        drop_furniture(tree, hints)
    h1 = tree.find(".//h1")
    page_titles = (h1.text_content() if h1 is not None else None, tree.findtext(".//title"))
    if is_index(tree, meta):
        return _not_article(url, INDEX, INDEX_REASON, meta, page_titles)
    # The page's own meta (og:, article:, JSON-LD) usually names title and time; trafilatura's
    # metadata pass then only costs time (~1.5 ms of ~6 per page), so it runs when they are missing.
    meta_date = _meta_date(meta)
    needs_metadata = not (meta.get("og:title") or meta.get("ld:headline")) or meta_date is None
    # What our own reads need from the whole page, before trafilatura gets a trimmed one.
    hinted_pages = next_page_links(tree, url, hints) if hints else None
    next_pages = next_pages_in(tree, url, hrefs, text_html) if hinted_pages is None else hinted_pages
    page_date = meta_date or date_in_page(tree)
    segments = page_segments(tree)
    hinted_lines = body_lines(tree, hints) if hints else None
    unmask_story_wrappers(tree)
    if not needs_metadata:
        trim_for_trafilatura(tree)
    document = trafilatura_document(tree, url, needs_metadata)
    title = pick_title(meta, document, page_titles, url)
    text, extractor, fallback_title = _hinted_text(hinted_lines, title) or _best_text(
        document, tree, text_html, url, title, language_hint)
    if meta.get("ld:articlebody"):
        text, extractor = _json_ld_text(meta, title, text, extractor, segments)
    kind = page_kind(url, title, meta, text_html)
    if kind != ARTICLE and len(text) < MIN_CAPTION_CHARS:
        text = plain_text(meta.get("og:description") or meta.get("description") or "")
    if len(text) < (MIN_ARTICLE_CHARS if kind == ARTICLE else MIN_CAPTION_CHARS):
        reason = f"{NO_TEXT_REASON} (halaman kosong, hanya JavaScript, atau teks terlalu pendek)"
        return _not_article(url, EMPTY, reason, meta, page_titles, document)
    image = absolute_url(url, meta.get("og:image") or meta.get("twitter:image") or meta.get("ld:image")
                         or (getattr(document, "image", None) if document else None))
    confidence, doubt = assess(text, kind)
    return ExtractedArticle(
        url=url,
        title=title or fallback_title or text.split("\n", 1)[0][:200],
        text=text,
        kind=kind,
        confidence=confidence,
        doubt=doubt,
        author=pick_author(meta, document, segments, url),
        published_at=publication_time(page_date or document_date(document),
                                      dateline(segments, page_titles[0] or title)),
        image_url=image,
        images=(image,) if image else (),
        language=detect_language(text, meta.get("lang"), language_hint),
        site_name=_site_name(meta, document),
        canonical_url=canonical_url(meta, url),
        rubrik=pick_rubrik(meta, document),
        description=_description(meta),
        next_pages=next_pages,
        extractor=extractor,
    )


def _meta_date(meta: dict[str, str]):
    """The first publication time the page's metadata gives (DATE_META_KEYS in order), or None."""
    return next((d for d in map(parse_date, (meta.get(k) for k in DATE_META_KEYS)) if d), None)


def _site_name(meta: dict[str, str], document) -> str | None:
    return meta.get("og:site_name") or meta.get("ld:publisher") or (
        getattr(document, "sitename", None) if document else None)


def _description(meta: dict[str, str]) -> str | None:
    value = meta.get("og:description") or meta.get("description") or meta.get("ld:description")
    return plain_text(value) if value else None


def _not_article(url: str, kind: str, reason: str, meta: dict[str, str], page_titles: tuple,
                 document=None) -> ExtractedArticle:
    """An index or an empty page, with what the page says of itself (kept, and shown as such)."""
    confidence, doubt = assess("", kind, reason=reason)
    return ExtractedArticle(
        url=url, title=pick_title(meta, document, page_titles, url), kind=kind, reason=reason,
        confidence=confidence, doubt=doubt, description=_description(meta), site_name=_site_name(meta, document),
        canonical_url=canonical_url(meta, url),
        published_at=_meta_date(meta))


def find_next_pages(html: str | bytes, url: str) -> tuple[str, ...]:
    """The further pages of a multi-page article, after the current one, in order.

    Looks at <link rel="next">, <a rel="next"> and pagination blocks ("1 2 3",
    "Halaman 2", "Selanjutnya", "Next") whose links lead to the same article path with
    ?page=N, /N or -N. Links to other articles and the current page are never returned.

    Args:
        html: The page.
        url: The page URL.

    Returns:
        Absolute URLs of the following pages, by page number; empty for a single page.
    """
    return next_pages_in(load_page(html, url)[1], url)


def find_single_page_url(html: str | bytes, url: str) -> str | None:
    """The "show the whole article on one page" link of a paginated article, if any.

    Args:
        html: The page.
        url: The page URL.

    Returns:
        The absolute URL ("Tampilkan semua", "Baca dalam satu halaman", ?page=all,
        ?single=1 ... pointing at the same article), or None.
    """
    return single_page_in(load_page(html, url)[1], url)


def join_pages(first: ExtractedArticle, rest: list[ExtractedArticle]) -> ExtractedArticle:
    """Join the pages of a multi-page article into one article.

    Texts are concatenated in order; a paragraph already seen (some sites repeat the lead
    on every page) is dropped. Metadata comes from the first page, completed from the
    others where it is missing.

    Args:
        first: The first page.
        rest: Pages 2..N, in order.

    Returns:
        The whole article; next_pages lists the URLs of the pages joined in.
    """
    seen: set[str] = set()
    paragraphs: list[str] = []
    for page in (first, *rest):
        for paragraph in page.text.split("\n"):
            key = " ".join(paragraph.casefold().split())
            if key and key not in seen:
                seen.add(key)
                paragraphs.append(paragraph)
    missing = {
        name: next((getattr(p, name) for p in rest if getattr(p, name)), None)
        for name in ("author", "published_at", "image_url", "language", "site_name", "rubrik", "description")
        if not getattr(first, name)
    }
    text = "\n".join(paragraphs)
    confidence, doubt = assess(text, first.kind)
    return replace(first, text=text, next_pages=tuple(p.url for p in rest), confidence=confidence, doubt=doubt,
                   **missing)


def is_index_page(html: str | bytes, url: str) -> bool:
    """Whether a page is a section/index page (many headline links, little prose).

    A page that declares itself an article (og:type article, JSON-LD NewsArticle,
    article:published_time) is never an index page.

    Args:
        html: The page.
        url: The page URL.

    Returns:
        True for an index or section page.
    """
    tree = load_page(html, url)[1]
    return is_index(tree, read_meta(tree))


def _hinted_text(lines: list[str] | None, title: str) -> tuple[str, str, str] | None:
    """The story read from the medium's hinted body, when it holds an article's worth of text."""
    if not lines:
        return None
    text = _strip_heading_lines(clean_text("\n".join(lines)), title)
    return (text, "hints", "") if len(text) >= MIN_ARTICLE_CHARS else None


def _best_text(document, tree: HtmlElement, text_html: str, url: str, title: str,
               language: str | None) -> tuple[str, str, str]:
    """(clean text, extractor name, newspaper's title): the story read from its container when
    trafilatura's paragraphs locate it (clipper.extract.body), else trafilatura's text, else
    newspaper's when longer."""
    seeds = (document.text or "").splitlines() if document else []
    text = _strip_heading_lines(clean_text("\n".join(seeds)), title)
    story = story_lines(tree, seeds) if seeds else None
    if story:
        story_text = _strip_heading_lines(clean_text("\n".join(story)), title)
        prose = sum(len(line) for line in text.split("\n") if len(line) >= PROSE_LINE_CHARS)
        if len(story_text) >= STORY_MIN_SHARE * prose:
            return story_text, "trafilatura", ""
    if len(text) >= MIN_TEXT_CHARS:
        return text, "trafilatura", ""
    fallback = newspaper_article(text_html, url, language)
    fallback_text = _strip_heading_lines(clean_text(fallback.text or ""), title) if fallback else ""
    if len(fallback_text) > len(text):
        return fallback_text, "newspaper", (fallback.title or "").strip()
    return text, "trafilatura", ""


def _json_ld_text(meta: dict[str, str], title: str, text: str, extractor: str,
                  segments: list[str]) -> tuple[str, str]:
    """A page drawn by JavaScript carries its story only in its JSON-LD articleBody; the engines
    read it there as one line at best, so no teaser or credit line in it can be told apart. The
    JSON-LD body, a paragraph a line and cleaned, replaces a reading that is short, or that is
    not on the visible page."""
    ld_text = _strip_heading_lines(clean_text(json_ld_body(meta)), title)
    if len(ld_text) < max(MIN_ARTICLE_CHARS, LD_SHARE * len(text)):
        return text, extractor
    if len(text) < MIN_TEXT_CHARS or extractor == "newspaper":
        return ld_text, "json-ld"
    opening = " ".join(_ALNUM.findall(text.casefold())[:LD_OPENING_WORDS])
    shown = " ".join(_ALNUM.findall(" ".join(segments).casefold()))
    return (text, extractor) if opening in shown else (ld_text, "json-ld")


_ALNUM = re.compile(r"\w+")


def _same_words(a: str, b: str) -> bool:
    return _ALNUM.findall(a.casefold()) == _ALNUM.findall(b.casefold())


def _strip_heading_lines(text: str, title: str) -> str:
    """Drop opening lines that repeat the title (the <h1>), with the kicker right above it."""
    lines = text.split("\n")
    for index, line in enumerate(lines[:3]):
        if title and _same_words(line, title):
            kicker = index == 1 and len(lines[0]) <= KICKER_MAX_CHARS and not lines[0].endswith(".")
            return "\n".join(lines[index + 1:] if kicker or index == 0 else lines[:index] + lines[index + 1:])
    return text


# The publication time comes from meta tags and JSON-LD (read by read_meta), else from
# <time> or a dated element (date_in_page), else from trafilatura's htmldate (document_date).
