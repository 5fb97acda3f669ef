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

from clipper.models import ARTICLE, GALLERY, LIVE, VIDEO

logger = logging.getLogger(__name__)

_TITLE = re.compile(
    r"^\s*[\[(]?\s*(?P<kind>foto|photo|galeri|gallery|infografis|infografik|video|live(?:\s+(?:report|update|streaming))?"
    r"|laporan langsung)\s*[\])]?\s*[:|\-–—]", re.I)
_LIVE_TITLE = re.compile(r"^\s*(?:live report|live update|laporan langsung|live streaming)\b", re.I)
_SECTION = re.compile(r"^(?P<kind>foto|fotografi|photos?|galeri|gallery|galleries|infografis|infografik|video|videos"
                      r"|vod|tv|live|liveblog|live-report|live-update|laporan-langsung)$", re.I)
_SLUG = re.compile(r"^(?P<kind>foto|galeri|gallery|infografis|video|live)-", re.I)
_SUBDOMAIN = re.compile(r"^(?P<kind>foto|photo|galeri|gallery|video|videos|tv|live)\.", re.I)
_PAGE_TYPE = re.compile(
    rb"""(?:page_?type|article_?type|content_?type|pagetype|articletype)["']?\s*[:=]\s*["']"""
    rb"""(?P<kind>photo_?gallery|photogallery|gallery|galeri|foto|photo|video|live_?report|liveblog)""", re.I)
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
        return LIVE if _LIVE_TITLE.match(title) else _kind_of(match["kind"])
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
        head = html[:PAGE_TYPE_SNIFF_BYTES]
        found = _PAGE_TYPE.search(head.encode("utf-8", "replace") if isinstance(head, str) else head)
        if found:
            return _kind_of(found["kind"].decode("ascii", "replace"))
    return ARTICLE
