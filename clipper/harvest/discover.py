"""Discovery: the article links in a feed, a section page or a (news) sitemap."""

from __future__ import annotations

import gzip
import io
import logging
import re
from urllib.parse import parse_qsl, urljoin, urlsplit

import feedparser
import lxml.etree
import lxml.html

from clipper.dates import parse_date
from clipper.errors import ExtractionError
from clipper.harvest.urls import url_key
from clipper.models import FetchedPage, Link

logger = logging.getLogger(__name__)

# A sitemap index can list hundreds of monthly sitemaps; the news is in the newest few.
MAX_CHILD_SITEMAPS = 3
# Decompressed .xml.gz sitemaps are capped like any other body.
MAX_SITEMAP_BYTES = 20 * 1024 * 1024
# Items read from one feed, sitemap or section page: a news feed has 10-100 items and a news
# sitemap at most 1,000 (Google's limit); a source keeps its newest max_items of them anyway.
MAX_LINKS_READ = 5_000
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"
_SKIP_SCHEMES = ("mailto:", "javascript:", "tel:", "whatsapp:", "data:")


class NotAFeed(ExtractionError):
    """The body is not the kind of document the source claims (feed or sitemap)."""


def _absolute(url: str | None, base: str) -> str | None:
    if not url:
        return None
    url = url.strip()
    if not url or url.startswith("#") or url.lower().startswith(_SKIP_SCHEMES):
        return None
    try:
        absolute = urljoin(base, url)
        scheme = urlsplit(absolute).scheme
    except ValueError:  # "http://[::1/x": kept as written, to be reported as a bad link, never fetched
        return url.split("#", 1)[0] if url.lower().startswith(("http://", "https://")) else None
    if scheme not in ("http", "https"):
        return None
    return absolute.split("#", 1)[0]


def unwrap_redirect(url: str) -> str:
    """The article behind a news-search click-through link (Bing ``apiclick.aspx?url=``)."""
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError:
        return url  # a malformed link stays as it is: reported, never fetched
    if hostname and hostname.endswith("bing.com") and "apiclick" in parts.path:
        target = dict(parse_qsl(parts.query)).get("url")
        if target and urlsplit(target).scheme in ("http", "https"):
            return target
    return url


def _dedupe(links: list[Link]) -> list[Link]:
    seen: set[str] = set()
    unique = []
    for link in links:
        key = url_key(link.url)
        if key not in seen:
            seen.add(key)
            unique.append(link)
    return unique


def newest_first(links: list[Link], limit: int) -> list[Link]:
    """Links with a date newest first (undated keep their document order after them)."""
    dated = sorted((l for l in links if l.published_at), key=lambda l: l.published_at, reverse=True)
    undated = [l for l in links if not l.published_at]
    return (dated + undated)[:limit]


def parse_feed(result: FetchedPage) -> list[Link]:
    """The items of an RSS/Atom feed, from the fetched bytes (feedparser never fetches).

    Raises:
        NotAFeed: when the body holds no feed entries at all.
    """
    # No content-location: with a base address feedparser joins every link-like element
    # against it (~35% of its time); _absolute resolves the few links read against the feed's
    # address instead, after feedparser applied any xml:base (tested, relative ones too).
    headers = {"content-type": result.content_type or "application/xml"}
    # Only links, titles and dates are read: cleaning the items' HTML (descriptions, full
    # texts) is ~10% of feedparser's time and none of it is shown.
    parsed = feedparser.parse(io.BytesIO(result.content), response_headers=headers,
                              sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        reason = "bukan feed RSS/Atom yang sah"
        problem = getattr(parsed, "bozo_exception", None) if parsed.bozo else None
        if problem is not None:
            reason += f" (XML rusak: {str(problem)[:80]})" if "SAX" in type(problem).__name__ else ""
            logger.info("feed %s: %s", result.final_url, problem)
        raise NotAFeed(result.final_url, reason)
    if parsed.bozo:
        logger.info("feed %s is malformed but yielded %d items", result.final_url, len(parsed.entries))
    links = []
    if len(parsed.entries) > MAX_LINKS_READ:
        logger.warning("feed %s: %d items, the first %d read", result.final_url, len(parsed.entries), MAX_LINKS_READ)
    for entry in parsed.entries[:MAX_LINKS_READ]:
        try:
            link = _feed_link(entry, result.final_url)
        except Exception:  # one odd item never loses the feed's others
            logger.warning("feed %s: an item skipped", result.final_url, exc_info=True)
            continue
        if link is not None:
            links.append(link)
    return _dedupe(links)


def _feed_link(entry, base: str) -> Link | None:
    href = entry.get("link") or next((l.get("href") for l in entry.get("links", []) if l.get("href")), None)
    url = _absolute(href if isinstance(href, str) else None, base)
    if not url:
        return None
    url = unwrap_redirect(url)
    raw_date = entry.get("published") or entry.get("updated") or entry.get("dc_date")
    title = entry.get("title")
    return Link(url=url, title=title.strip() or None if isinstance(title, str) else None,
                published_at=parse_date(raw_date) if isinstance(raw_date, str) else None)


def parse_site(result: FetchedPage, pattern: str, text: str) -> list[Link]:
    """The links on a section page whose absolute URL matches ``pattern`` (re.search)."""
    regex = re.compile(pattern)
    try:
        doc = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise NotAFeed(result.final_url, f"halaman tidak dapat dibaca: {exc}") from None
    base = doc.base_url or result.final_url
    base_href = doc.find(".//base[@href]")
    if base_href is not None:
        base = urljoin(result.final_url, base_href.get("href"))
    own = url_key(result.final_url)
    links = []
    for anchor in doc.iter("a"):
        url = _absolute(anchor.get("href"), base)
        if not url or not regex.search(url) or url_key(url) == own:
            continue
        title = " ".join(anchor.text_content().split()) or anchor.get("title")
        links.append(Link(url=url, title=title or None))
        if len(links) >= MAX_LINKS_READ:
            break
    return _merge_titles(links)


def _merge_titles(links: list[Link]) -> list[Link]:
    """One link per article; keep the longest anchor text (image links have none)."""
    best: dict[str, Link] = {}
    order: list[str] = []
    for link in links:
        key = url_key(link.url)
        if key not in best:
            best[key] = link
            order.append(key)
        elif len(link.title or "") > len(best[key].title or ""):
            best[key] = Link(url=best[key].url, title=link.title)
    return [best[k] for k in order]


def _sitemap_root(result: FetchedPage) -> lxml.etree._Element:
    content = result.content
    if content[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(content)) as stream:
                content = stream.read(MAX_SITEMAP_BYTES + 1)
        except (OSError, EOFError) as exc:
            raise NotAFeed(result.final_url, f"sitemap .gz rusak: {exc}") from None
        if len(content) > MAX_SITEMAP_BYTES:
            raise NotAFeed(result.final_url, "sitemap terlalu besar")
    parser = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                                  huge_tree=False)
    try:
        root = lxml.etree.fromstring(content, parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise NotAFeed(result.final_url, f"sitemap XML tidak sah: {exc}") from None
    if root is None or root.tag not in (f"{_SITEMAP_NS}urlset", f"{_SITEMAP_NS}sitemapindex",
                                        "urlset", "sitemapindex"):
        raise NotAFeed(result.final_url, "bukan sitemap XML yang sah")
    return root


def _child_text(node: lxml.etree._Element, *names: str) -> str | None:
    for name in names:
        found = node.find(name)
        if found is not None and found.text and found.text.strip():
            return found.text.strip()
    return None


def parse_sitemap(result: FetchedPage) -> tuple[list[Link], list[str]]:
    """Article links of a (news) sitemap, and the child sitemaps of a sitemap index.

    Returns:
        ``(links, children)``: children are the newest MAX_CHILD_SITEMAPS sitemaps
        (news sitemaps first) when the document is a sitemap index.
    """
    root = _sitemap_root(result)
    base = result.final_url
    if root.tag.endswith("sitemapindex"):
        children = []
        for node in root:
            if not isinstance(node.tag, str):
                continue
            url = _absolute(_child_text(node, f"{_SITEMAP_NS}loc", "loc"), base)
            if url:
                lastmod = parse_date(_child_text(node, f"{_SITEMAP_NS}lastmod", "lastmod"))
                children.append((url, lastmod))
        # news sitemaps first, then the newest; a child without <lastmod> (optional) sorts last
        children.sort(key=lambda c: ("news" in c[0].lower(), c[1].timestamp() if c[1] else float("-inf")),
                      reverse=True)
        return [], [url for url, _ in children[:MAX_CHILD_SITEMAPS]]
    links = []
    for node in root:
        if not isinstance(node.tag, str):
            continue
        url = _absolute(_child_text(node, f"{_SITEMAP_NS}loc", "loc"), base)
        if not url:
            continue
        news = node.find(f"{_NEWS_NS}news")
        title = published = None
        if news is not None:
            title = _child_text(news, f"{_NEWS_NS}title")
            published = _child_text(news, f"{_NEWS_NS}publication_date")
        published = published or _child_text(node, f"{_SITEMAP_NS}lastmod", "lastmod")
        links.append(Link(url=url, title=title, published_at=parse_date(published)))
        if len(links) >= MAX_LINKS_READ:
            break
    return _dedupe(links), []
