"""What a page is besides an article: a photo gallery, a video page, a live report.

Indonesian media mark these the same few ways, and one is enough: the title opens with the
kind ("FOTO: …", "VIDEO: …", "[FOTO]", "Live Report"); the address names it (a /foto/, /video/,
/galeri/ or /live/ section, a slug "foto-…", a foto./video./tv. subdomain); the page's own
metadata says so (og:type video, a JSON-LD LiveBlogPosting or VideoObject without an article,
a "page type" in the page's settings: KLY's "PhotoGallery"). Such pages keep their text (a
caption, a lead) but never enter the review queue or an edition as articles.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from clipper.models import ARTICLE, GALLERY, LIVE, VIDEO

logger = logging.getLogger(__name__)

_KIND_WORDS = (r"foto|photo|galeri|gallery|infografis|infografik|video|live(?:\s+(?:report|update|streaming))?"
               r"|laporan langsung")
# "FOTO: …", "Video | …", or the word in brackets with or without a separator: "[VIDEO] …".
_TITLE = re.compile(rf"^\s*(?:[\[(]\s*(?P<bracketed>{_KIND_WORDS})\s*[\])]\s*[:|\-–—]?"
                    rf"|(?P<kind>{_KIND_WORDS})\s*[:|\-–—])", re.I)
_LIVE_TITLE = re.compile(r"^\s*(?:live report|live update|laporan langsung|live streaming)\b", re.I)
_SECTION = re.compile(r"^(?P<kind>foto|fotografi|photos?|galeri|gallery|galleries|infografis|infografik|video|videos"
                      r"|vod|tv|live|liveblog|live-report|live-update|laporan-langsung)$", re.I)
_SLUG = re.compile(r"^(?P<kind>foto|galeri|gallery|infografis|video|live)-", re.I)
_SUBDOMAIN = re.compile(r"^(?P<kind>foto|photo|galeri|gallery|video|videos|tv|live)\.", re.I)
# "pageType": "PhotoGallery" and the like, read after each "type" of the lower-cased page
# (a case-insensitive search over 150 KB cost ~4.6 ms a page; this ~0.3 ms).
_PAGE_TYPE_OWNERS = (b"page", b"article", b"content")
_PAGE_TYPE_VALUE = re.compile(
    rb"""type["']?\s*[:=]\s*["'](?P<kind>photo_?gallery|photogallery|gallery|galeri|foto|photo|video"""
    rb"""|live_?report|liveblog)""")
# Where a page's settings are looked for: they sit in its head or first scripts.
PAGE_TYPE_SNIFF_BYTES = 200_000


def _kind_of(word: str) -> str:
    word = word.lower().replace("_", "").replace("-", " ")
    if word.startswith(("video", "vod", "tv")):
        return VIDEO
    if word.startswith(("live", "laporan langsung")):
        return LIVE
    return GALLERY


def page_kind(url: str, title: str, meta: dict[str, str], html: bytes | str | None = None) -> str:
    """ "article", "gallery", "video" or "live" for a page that holds text.

    Args:
        url: the page's address.
        title: its title (og:title or <h1>).
        meta: the page's meta tags and JSON-LD fields (clipper.extract.meta.read_meta).
        html: the page as fetched (its settings may name the page type).
    """
    match = _TITLE.match(title or "")
    if match:
        return LIVE if _LIVE_TITLE.match(title) else _kind_of(match["kind"] or match["bracketed"])
    parts = urlsplit(url)
    host_match = _SUBDOMAIN.match(parts.hostname or "")
    if host_match:
        return _kind_of(host_match["kind"])
    segments = [s for s in parts.path.split("/") if s]
    for segment in segments[:-1]:
        if _SECTION.match(segment):
            return _kind_of(segment)
    if segments and _SLUG.match(segments[-1]):
        return _kind_of(_SLUG.match(segments[-1])["kind"])
    if meta.get("og:type", "").lower().startswith("video"):
        return VIDEO
    ld_types = meta.get("ld:types", "")
    if "liveblogposting" in ld_types:
        return LIVE
    if "videoobject" in ld_types and not meta.get("ld:article"):
        return VIDEO
    if html is not None:
        found = _declared_type(html[:PAGE_TYPE_SNIFF_BYTES])
        if found:
            return _kind_of(found)
    return ARTICLE


def _declared_type(head: bytes | str) -> str | None:
    """The gallery/video/live page type a page's settings declare, if any."""
    low = (head.encode("utf-8", "replace") if isinstance(head, str) else head).lower()
    position = low.find(b"type")
    while position != -1:
        if low[max(0, position - 8):position].rstrip(b"_").endswith(_PAGE_TYPE_OWNERS):
            found = _PAGE_TYPE_VALUE.match(low, position)
            if found:
                return found["kind"].decode("ascii", "replace")
        position = low.find(b"type", position + 4)
    return None


# Index detection: a section page shows many headline links (anchor text of at least
# HEADLINE_LINK_CHARS; Indonesian headlines run 40-100 characters) and no prose block of
# ARTICLE_BLOCK_CHARS (three sentences) in one container. Our section-page fixtures have
# 20-40 headline links; article pages with sidebars have 15-30 but a 1,000+ character body.
INDEX_MIN_HEADLINE_LINKS = 10
HEADLINE_LINK_CHARS = 25
ARTICLE_BLOCK_CHARS = 400


def is_index(tree: HtmlElement, meta: dict[str, str]) -> bool:
    """Many headline links and no article-sized prose block, on a page not marked as article."""
    if meta.get("og:type", "").lower() == "article" or meta.get("ld:article") or meta.get("article:published_time"):
        return False
    headline_links = sum(len(" ".join(a.text_content().split())) >= HEADLINE_LINK_CHARS for a in tree.iter("a"))
    if headline_links < INDEX_MIN_HEADLINE_LINKS:
        return False
    return _largest_prose_block(tree) < ARTICLE_BLOCK_CHARS


def _largest_prose_block(tree: HtmlElement) -> int:
    """Characters of non-link text in the richest container (<p>s summed per parent)."""
    per_parent: dict[HtmlElement, int] = {}
    best = 0
    for element in tree.iter("p", "div", "td"):
        if element.tag == "p":
            links = sum(len(a.text_content()) for a in element.iter("a"))
            size = len(element.text_content().strip()) - links
            parent = element.getparent()
            per_parent[parent] = per_parent.get(parent, 0) + max(size, 0)
            best = max(best, per_parent[parent])
        else:  # text sitting directly in a container (<br>-separated bodies)
            own = (element.text or "") + "".join(child.tail or "" for child in element)
            best = max(best, len(own.strip()))
    return best
