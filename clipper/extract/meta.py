"""An article page's metadata: meta tags and JSON-LD, title, author, publication time, rubrik, canonical URL."""

from __future__ import annotations

import html
import json
import logging
import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from clipper.dates import parse_date
from clipper.domains import site_label

logger = logging.getLogger(__name__)


_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
    "report", "scholarlyarticle",
}  # fmt: skip


DATE_META_KEYS = ("article:published_time", "ld:datepublished", "og:article:published_time", "datepublished",
                   "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued", "dc.date", "date",
                   "content_publisheddate", "dtm:published")  # fmt: skip


_DATE_ELEMENT_XPATH = (
    "//*[self::time or self::span or self::div or self::p or self::small or self::li]"
    "[contains(@class, 'date') or contains(@class, 'time') or contains(@class, 'tanggal')"
    " or contains(@class, 'publish') or contains(@class, 'waktu')]"
    "[not(ancestor::header or ancestor::nav or ancestor::footer or ancestor::aside)]"
)


_AUTHOR_LABEL = re.compile(
    r"^\s*(?:oleh|penulis|reporter|wartawan|kontributor|laporan|pewarta|ditulis oleh|written by|by)\b\s*[:\-]?\s*",
    re.I,
)


_AUTHOR_EDITOR = re.compile(r"\b(?:editor|penyunting|redaktur|editor bahasa|foto|fotografer)\b\s*:.*$", re.I)


_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|&|\||/|\bdan\b|\band\b)\s*", re.I)


_AUTHOR_NOISE = {"admin", "redaksi", "tim redaksi", "editor", "administrator", "reporter", "penulis", "staff"}


def read_meta(tree: HtmlElement) -> dict[str, str]:
    """meta/link tags and JSON-LD article fields, as one flat dict (first value wins)."""
    meta: dict[str, str] = {}
    lang = tree.get("lang") or tree.get("xml:lang")
    if lang:
        meta["lang"] = lang
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key and content:
            meta.setdefault(key, content)
    for element in tree.iter("link"):
        rel, href = (element.get("rel") or "").lower().split(), element.get("href")
        for value in rel:
            if href and value in ("canonical", "next", "prev"):
                meta.setdefault(f"link:{value}", href.strip())
    for script in tree.xpath("//script[@type='application/ld+json']"):
        _read_json_ld(script.text or "", meta)
    return meta


def _read_json_ld(raw: str, meta: dict[str, str]) -> None:
    """Copy the article fields and breadcrumb of one JSON-LD block into meta."""
    try:
        data = json.loads(raw, strict=False)
    except ValueError:
        return
    for item in _json_ld_items(data):
        kinds = item.get("@type") or []
        kinds = {str(k).lower() for k in (kinds if isinstance(kinds, list) else [kinds])}
        if "breadcrumblist" in kinds:
            crumbs = [e for e in item.get("itemListElement") or [] if isinstance(e, dict)]
            names = [_ld_name(e) or _ld_name(e.get("item")) for e in crumbs]
            names = [n for n in names if n and len(n) <= 40 and n.lower() not in ("beranda", "home", "index")]
            if names:  # the deepest section; long names are the article's own title
                meta.setdefault("ld:breadcrumb", names[-1])
        if kinds:
            meta["ld:types"] = " ".join(sorted(set(meta.get("ld:types", "").split()) | kinds))
        if kinds & _ARTICLE_TYPES:
            meta["ld:article"] = "1"
            for key in ("headline", "datePublished", "description", "articleSection", "articleBody"):
                value = item.get(key)
                value = value[0] if isinstance(value, list) and value else value
                if isinstance(value, str) and value.strip():
                    meta.setdefault(f"ld:{key.lower()}", value.strip())
            authors = item.get("author") or []
            names = [_ld_name(a) for a in (authors if isinstance(authors, list) else [authors])]
            if any(names):
                meta.setdefault("ld:author", "; ".join(n for n in names if n))
            image = item.get("image")
            image = image[0] if isinstance(image, list) and image else image
            image = image.get("url") if isinstance(image, dict) else image
            if isinstance(image, str) and image:
                meta.setdefault("ld:image", image)
            publisher = _ld_name(item.get("publisher"))
            if publisher:
                meta.setdefault("ld:publisher", publisher)


def _json_ld_items(data) -> list[dict]:
    """The objects of a JSON-LD document, @graph and lists flattened."""
    if isinstance(data, list):
        return [item for part in data for item in _json_ld_items(part)]
    if isinstance(data, dict):
        return [data, *_json_ld_items(data["@graph"])] if "@graph" in data else [data]
    return []


def _ld_name(value) -> str | None:
    """The name of a JSON-LD person/organization/thing, or the string itself."""
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def pick_title(meta: dict[str, str], document, page_titles: tuple[str | None, str | None], url: str) -> str:
    """og:title, JSON-LD headline, trafilatura's title, <h1>, <title>: the first one, suffixes cut.

    ``page_titles``: the page's first <h1> text and its <title>.
    """
    candidates = (meta.get("og:title"), meta.get("ld:headline"), document.title if document else None, *page_titles)
    title = next((" ".join(plain_text(c).split()) for c in candidates if c and plain_text(c).strip()), "")
    return strip_title_suffixes(title, url, (meta.get("og:site_name"), meta.get("ld:publisher")))


def strip_title_suffixes(title: str, url: str, site_names: tuple[str | None, ...] = ()) -> str:
    """The headline without what sites append to it: their name ("| merdeka.com", ": Okezone
    Techno", "- Today Kapanlagi.com", "- Zona Jakarta") and page markers ("- PAGE ALL",
    "- Halaman 2"), however many are chained."""
    keys = {squeezed(name) for name in (*site_names, site_label(url)) if name}
    keys = {key for key in keys if len(key) >= 4}
    while True:
        for separator in _TITLE_SEPARATORS:
            head, _, tail = title.rpartition(separator)
            letters = squeezed(tail)
            if head.strip() and (_PAGE_MARKER.match(tail.strip())
                                 or any(key in letters or (len(letters) >= 4 and letters in key) for key in keys)):
                title = head.strip()
                break
        else:
            return title


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " : ", " · ")
_PAGE_MARKER = re.compile(r"(?i)^(?:halaman|page|hal\.?)\s+(?:all|semua|\d+)$")


def squeezed(text: str) -> str:
    """Letters and digits only, "https", "www" and domain endings dropped ("Kapanlagi.com" → "kapanlagi")."""
    return re.sub(r"[\W_]+|\b(?:https?|www|com|co|id|net|org|go)\b", "", text.casefold())


def plain_text(value: str) -> str:
    """Meta text as readers see it: entities decoded (CMSs often escape twice), tags dropped."""
    for _ in range(2):
        if "&" not in value:
            break
        value = html.unescape(value)
    return _TAG.sub("", value) if "<" in value else value


_BLOCK_END = re.compile(r"<\s*(?:br\s*/?|/\s*(?:p|div|li|h[1-6]|blockquote))\s*>", re.I)


def json_ld_body(meta: dict[str, str]) -> str:
    """The JSON-LD articleBody as paragraphs, one a line ("" when the page has none). Sites that
    draw the story with JavaScript often carry the whole text only there; some put HTML in it."""
    body = meta.get("ld:articlebody") or ""
    if "<" in body:
        body = _BLOCK_END.sub("\n", body)
    return "\n".join(" ".join(line.split()) for line in plain_text(body).splitlines() if line.strip())


def clean_author(raw: str | None) -> str | None:
    """Names from a byline: labels, editors, e-mails, site names and dates dropped; "A; B"."""
    if not raw:
        return None
    names: list[str] = []
    for chunk in re.split(r"\s*\|\s*|\n|\s+[-–—]\s+", raw):
        chunk = _AUTHOR_EDITOR.sub("", _AUTHOR_LABEL.sub("", chunk)).strip()
        for part in _AUTHOR_SPLIT.split(chunk):
            part = _AUTHOR_LABEL.sub("", part).strip(" .:-–—()")
            if (
                not part
                or part.lower() in _AUTHOR_NOISE
                or "@" in part
                or re.search(r"\d|https?:|\.(?:com|id|co|net|org)\b", part, re.I)
                or len(part.split()) > 5
                or not re.search(r"[^\W\d_]", part)
            ):
                continue
            if part.isupper():
                part = part.title()
            if part.lower() not in (n.lower() for n in names):
                names.append(part)
    return "; ".join(names) or None


def date_in_page(tree: HtmlElement):
    """The first date in a <time> or a dated element of the page, if any."""
    for element in tree.xpath(_DATE_ELEMENT_XPATH)[:8]:
        parsed = parse_date(element.get("datetime")) or parse_date(element.text_content()[:120])
        if parsed:
            return parsed
    return None


def document_date(document):
    """htmldate's day, as trafilatura found it."""
    found = getattr(document, "date", None) if document else None
    if found and str(found).endswith("-01-01"):
        # htmldate answers 1 January when it only found a year ("Copyright 2026"): no date then,
        # and the harvest files the article under its feed date or its fetch day instead.
        return None
    return parse_date(found) if found else None


def pick_rubrik(meta: dict[str, str], document) -> str | None:
    """article:section, JSON-LD articleSection, breadcrumb, trafilatura's first category."""
    categories = document.categories if document and document.categories else []
    for value in (meta.get("article:section"), meta.get("ld:articlesection"), meta.get("ld:breadcrumb"),
                  categories[0] if categories else None):  # fmt: skip
        if value and value.strip():
            return " ".join(value.split())
    return None


def canonical_url(meta: dict[str, str], url: str) -> str | None:
    """link rel=canonical or og:url, absolute; a canonical pointing at the home page is ignored."""
    for value in (meta.get("link:canonical"), meta.get("og:url")):
        absolute = absolute_url(url, value)
        if absolute and (urlsplit(absolute).path.strip("/") or not urlsplit(url).path.strip("/")):
            return absolute
    return None


def absolute_url(base: str, href: str | None) -> str | None:
    """href resolved against the page URL; None for empty or data: values."""
    if not href or not href.strip() or href.startswith("data:"):
        return None
    return urljoin(base, href.strip())
