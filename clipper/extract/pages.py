"""Multi-page articles: the pager links to pages 2..N and the "Tampilkan semua" link."""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

from lxml import etree
from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

# Page numbers above this are not pagination (ids, years); multi-page news stops near 10.
MAX_PAGE_NUMBER = 50

# A pager link's label is short ("2", "Halaman 3", "Selanjutnya »").
PAGER_LABEL_CHARS = 30

_PAGE_PARAMS = {"page", "halaman", "hal", "pg", "paged", "pagenum", "part"}

_SINGLE_PAGE_QUERY = re.compile(
    r"(?:^|&)(?:page|halaman|hal|view|tampil|mode)=(?:all|semua|single|full)(?:&|$)"
    r"|(?:^|&)(?:single|showall|all|full|singlepage)=(?:1|true|yes|y)(?:&|$)",
    re.I,
)

_SINGLE_PAGE_SUFFIX = re.compile(r"/(?:all|full|single|semua)$", re.I)

_SINGLE_PAGE_LABEL = re.compile(
    r"tampilkan semua|lihat semua|baca dalam satu halaman|tampilkan dalam satu halaman|satu halaman"
    r"|baca semua|show all|view all|single page|read all",
    re.I,
)

_PAGER_LABEL = re.compile(
    r"^(?:[«‹<]\s*)?(?:(?:halaman|hal\.?|page)\s*)?\d{1,2}$"
    r"|^(?:halaman\s+)?(?:selanjutnya|berikutnya|lanjut|lanjutkan|next)\b|^[»›>]+$",
    re.I,
)

_PAGER_CONTAINER = re.compile(r"pag|halaman", re.I)

_TRAILING_NUMBER = re.compile(r"[/-](\d{1,2})$")

_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.I)


# Every link's href in one XPath call: the ~200 links of a page are ruled out as strings, and
# only the few candidates are looked up as elements (lxml elements cost ~2 µs each to visit).
_HREFS = etree.XPath("//a/@href", smart_strings=False)

# A raw href can only be a single-page link if it names one of these, or has a query.
_SINGLE_PAGE_WORDS = ("all", "semua", "single", "full")


def anchor_hrefs(tree: HtmlElement) -> list[str]:
    """The distinct hrefs of the page's links, in order."""
    return list(dict.fromkeys(_HREFS(tree)))


def _hinted(href: str) -> bool:
    low = href.lower()
    return any(word in low for word in _SINGLE_PAGE_WORDS)


def _anchors_to(tree: HtmlElement, hrefs: list[str]) -> dict[str, list[HtmlElement]]:
    """The links of the page pointing at these hrefs (one pass, only when there are any)."""
    found: dict[str, list[HtmlElement]] = {}
    if hrefs:
        wanted = set(hrefs)
        for anchor in tree.iter("a"):
            href = anchor.get("href")
            if href in wanted:
                found.setdefault(href, []).append(anchor)
    return found


def single_page_in(tree: HtmlElement, url: str, hrefs: list[str] | None = None) -> str | None:
    """find_single_page_url on a parsed page (``hrefs``: anchor_hrefs(tree), when known).

    A single-page link either names itself in its address (?page=all, /semua, single=1) or,
    labelled "Tampilkan semua", carries a query: other links are ruled out by their href alone.
    """
    bases = None
    host = urlsplit(url).hostname
    hrefs = anchor_hrefs(tree) if hrefs is None else hrefs
    blob = "\n".join(hrefs).lower()  # one search over all hrefs rules out most pages
    if "?" not in blob and not _hinted(blob):
        return None
    candidates = [href for href in hrefs
                  if href and not href.startswith(("#", "javascript:")) and ("?" in href or _hinted(href))]
    anchors = _anchors_to(tree, candidates)
    for href in candidates:
        labelled = any(map(_single_page_label, anchors.get(href, ())))
        if not labelled and not _hinted(href):
            continue
        target = urlsplit(urljoin(url, href.strip()))
        if target.hostname != host:
            continue
        by_query = bool(_SINGLE_PAGE_QUERY.search(target.query))
        suffix = _SINGLE_PAGE_SUFFIX.search(target.path.rstrip("/"))
        path = target.path.rstrip("/")[: suffix.start()] if suffix else target.path.rstrip("/")
        bases = bases if bases is not None else _article_bases(url)
        if (by_query or suffix or labelled) and path in bases and (by_query or suffix or target.query):
            return urlunsplit(target._replace(fragment=""))
    return None


def _single_page_label(anchor: HtmlElement) -> bool:
    label = anchor.text_content() if len(anchor) or anchor.text else ""
    return bool(label) and len(label) < 80 and bool(_SINGLE_PAGE_LABEL.search(label))


def _split_page(url: str) -> tuple[str, str, str, int | None]:
    """(host, path, other query, page number from the query) of a URL."""
    parts = urlsplit(url)
    number, rest = None, []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in _PAGE_PARAMS and value.isdigit():
            number = int(value)
        else:
            rest.append(f"{key}={value}")
    path = _PAGE_EXTENSION.sub("", parts.path.rstrip("/")) or "/"  # slug-2.html pages like slug-2
    return parts.hostname or "", path, "&".join(sorted(rest)), number


def _article_bases(url: str) -> set[str]:
    """The path of the article, with and without a trailing page number (/2, -2)."""
    path = _split_page(url)[1]
    match = _TRAILING_NUMBER.search(path)
    return {path, path[: match.start()]} if match else {path}


def _page_of(candidate: str, url: str) -> tuple[int, bool] | None:
    """(page number, matched url's path minus its trailing number) or None for another document."""
    host, path, query, number = _split_page(candidate)
    own_host, own_path, own_query, _ = _split_page(url)
    if host != own_host or query != own_query:
        return None
    if number is None:
        match = _TRAILING_NUMBER.search(path)
        if match is None:
            return None
        number, path = int(match.group(1)), path[: match.start()]
    if number > MAX_PAGE_NUMBER:
        return None
    if path == own_path:
        return number, False
    own_match = _TRAILING_NUMBER.search(own_path)
    if own_match and path == own_path[: own_match.start()]:
        return number, True
    return None


_REL_NEXT = etree.XPath("//link[@rel='next']/@href | //a[contains(@rel, 'next')]/@href", smart_strings=False)


def next_pages_in(tree: HtmlElement, url: str, anchors: list[str] | None = None,
                  source: str | None = None) -> tuple[str, ...]:
    """Pages after the current one, from rel=next and pager links of the same article.

    ``anchors``: anchor_hrefs(tree), when known; ``source``: the HTML the tree was parsed
    from, when known (a page without the word "next" has no rel=next to look for: the
    XPath walk costs ~0.3 ms a page).
    """
    hrefs = list(_REL_NEXT(tree)) if source is None or "next" in source else []
    slug = _slug_of(url)
    links = anchor_hrefs(tree) if anchors is None else anchors
    if len(slug) >= 3:  # a cheap sieve first (~200 links a page, a handful can be pages)
        links = [href for href in links
                 if href and (slug in href or len(href) <= 4 or href[0] in "?." or href[0].isspace()
                              or href[-1].isspace())]
    candidates = [href for href in links if _could_be_page(href, slug)]
    elements = _anchors_to(tree, candidates)
    hrefs += [href for href in candidates if any(map(_is_pager_anchor, elements.get(href, ())))]
    current_url = urlunsplit(urlsplit(url)._replace(fragment=""))
    pages: dict[tuple[bool, int], str] = {}
    for href in hrefs:
        if not href or href.strip().startswith(("#", "javascript:")):
            continue
        absolute = urlunsplit(urlsplit(urljoin(url, href.strip()))._replace(fragment=""))
        found = _page_of(absolute, url)
        if found is not None and absolute != current_url:
            pages.setdefault((found[1], found[0]), absolute)
    # Links to <path minus our trailing number>/N mean we are page N of that article;
    # otherwise our trailing number (if any) belongs to the slug and we are page ?page=N or 1.
    paged_by_path = any(by_path for by_path, _ in pages)
    own = _split_page(url)
    current = int(_TRAILING_NUMBER.search(own[1]).group(1)) if paged_by_path else (own[3] or 1)
    return tuple(
        pages[key] for key in sorted(pages, key=lambda k: k[1]) if key[0] == paged_by_path and key[1] > current
    )


def _slug_of(url: str) -> str:
    """The article's own name in its path ("judul-berita" of /berita/judul-berita-2.html)."""
    path = _split_page(url)[1]
    last = path.rstrip("/").rsplit("/", 1)[-1]
    match = _TRAILING_NUMBER.search("/" + last)
    return last[: match.start() - 1] if match and match.start() > 0 else last


def _could_be_page(href: str | None, slug: str) -> bool:
    """A cheap test before the costly ones: a page of this article names it, or is a short
    relative link with a page number ("?page=2", "./3", "2")."""
    href = href.strip() if href else ""
    if not href or href.startswith(("#", "javascript:")):
        return False
    if len(slug) < 3 or slug in href:
        return True
    return (href.startswith(("?", "./")) or len(href) <= 4) and any(c.isdigit() for c in href)


def _is_pager_anchor(anchor: HtmlElement) -> bool:
    """A short link labelled like a pager, or sitting in a pagination block."""
    label = " ".join(anchor.text_content().split())
    if len(label) > PAGER_LABEL_CHARS:
        return False
    if _PAGER_LABEL.match(label):
        return True
    for depth, parent in enumerate(anchor.iterancestors()):
        if depth >= 3:
            break
        if _PAGER_CONTAINER.search(f"{parent.get('class', '')} {parent.get('id', '')}"):
            return True
    return False
