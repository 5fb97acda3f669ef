"""Extract clean article text and metadata from a news page (trafilatura, then newspaper)."""

from __future__ import annotations

import copy
import functools
import html
import json
import logging
import re
import warnings
from dataclasses import replace
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import (HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction,
                       document_fromstring)

from clipper.dates import parse_date
from clipper.errors import ExtractionError
from clipper.models import ExtractedArticle
from clipper.extract.pages import anchor_hrefs, next_pages_in, single_page_in
from clipper.extract.textclean import clean_text

logger = logging.getLogger(__name__)

# Below this many characters of cleaned text, trafilatura probably caught only a lead or a
# caption, so newspaper is tried too. The shortest real items we saw (Antara and detik
# flashes) run to two paragraphs, 300+ characters; one long sentence is about 120-250.
MIN_TEXT_CHARS = 250
# Below this, neither extractor found an article (a JS shell, "Aktifkan JavaScript ...",
# a video page with a one-line caption): one sentence of news is ~120 characters.
MIN_ARTICLE_CHARS = 120
# Index detection: a section page shows many headline links (anchor text of at least
# HEADLINE_LINK_CHARS; Indonesian headlines run 40-100 characters) and no prose block of
# ARTICLE_BLOCK_CHARS (three sentences) in one container. Our section-page fixtures have
# 20-40 headline links; article pages with sidebars have 15-30 but a 1,000+ character body.
INDEX_MIN_HEADLINE_LINKS = 10
HEADLINE_LINK_CHARS = 25
ARTICLE_BLOCK_CHARS = 400
# Language guess from stop words: at least this many hits, and twice the other language's.
LANG_MIN_HITS = 5
# Characters of text looked at: ~300 words give dozens of stop words in either language.
LANG_SAMPLE_CHARS = 2000
_LOWER_WORD = re.compile(r"[a-z]+")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


INDEX_REASON = "halaman indeks, bukan artikel"
NO_TEXT_REASON = "tidak ada teks artikel"

_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
    "report", "scholarlyarticle",
}  # fmt: skip
_DATE_META_KEYS = ("article:published_time", "ld:datepublished", "og:article:published_time", "datepublished",
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
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z]")
_ID_WORDS = frozenset(
    "yang dan di dengan untuk dari ini itu dalam tidak akan pada juga ke karena oleh adalah"
    " bahwa para atau sudah telah kami mereka tersebut saat bisa ada menjadi kata ujar".split()
)
_EN_WORDS = frozenset(
    "the and of to in is that for with on was as are by this be from it at has have were"
    " will said which an their not".split()
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_FLATTEN_TAGS = re.compile(r"</?(?:div|span|section|font|center|article|main)\b[^>]*>", re.I)


def extract_article(html: str | bytes, url: str, *, language_hint: str | None = None) -> ExtractedArticle:
    """Read the article on a news page: clean text and metadata.

    trafilatura runs first on a tree parsed once here; newspaper4k is tried when
    trafilatura finds less than MIN_TEXT_CHARS. Nothing here touches the network.

    Args:
        html: The page as fetched (bytes are decoded: UTF-8, the declared charset, cp1252).
        url: The page URL, used to make links absolute.
        language_hint: The source's configured language, used when the text does not tell.

    Returns:
        The article, its text cleaned by clean_text, with next_pages filled.

    Raises:
        ExtractionError: The page is an index page, or holds no article text.
    """
    text_html, tree = _load(html, url)
    return _extract_tree(text_html, tree, url, language_hint)


def extract_page(html: str | bytes, url: str, *, language_hint: str | None = None
                 ) -> tuple[ExtractedArticle | None, str | None]:
    """extract_article, unless the page offers its article on one page ("Tampilkan semua").

    One decode and one parse serve both checks (the harvest's per-page path).

    Returns:
        ``(article, None)``, or ``(None, single_page_url)`` when that link should be fetched instead.

    Raises:
        ExtractionError: as extract_article.
    """
    text_html, tree = _load(html, url)
    hrefs = anchor_hrefs(tree)
    single = single_page_in(tree, url, hrefs)
    if single is not None:
        return None, single
    return _extract_tree(text_html, tree, url, language_hint, hrefs), None


def _extract_tree(text_html: str, tree: HtmlElement, url: str, language_hint: str | None,
                  hrefs: list | None = None) -> ExtractedArticle:
    meta = _read_meta(tree)
    if _is_index_tree(tree, meta):
        raise ExtractionError(url, INDEX_REASON)
    # The page's own meta (og:, article:, JSON-LD) usually names title and time; trafilatura's
    # metadata pass then only costs time (~1.5 ms of ~6 per page), so it runs when they are missing.
    meta_date = next((d for d in map(parse_date, (meta.get(k) for k in _DATE_META_KEYS)) if d), None)
    needs_metadata = not (meta.get("og:title") or meta.get("ld:headline")) or meta_date is None
    # What our own reads need from the whole page, before trafilatura gets a trimmed one.
    next_pages = next_pages_in(tree, url, hrefs, text_html)
    h1 = tree.find(".//h1")
    page_titles = (h1.text_content() if h1 is not None else None, tree.findtext(".//title"))
    page_date = meta_date or _date_in_page(tree)
    if not needs_metadata:
        _trim_for_trafilatura(tree)
    document = _run_trafilatura(tree, url, needs_metadata)
    title = _pick_title(meta, document, page_titles, url)
    text, extractor, fallback_title = _best_text(document, text_html, url, title, language_hint)
    if len(text) < MIN_ARTICLE_CHARS:
        raise ExtractionError(url, f"{NO_TEXT_REASON} (halaman kosong, hanya JavaScript, atau teks terlalu pendek)")
    image = meta.get("og:image") or meta.get("twitter:image") or meta.get("ld:image")
    return ExtractedArticle(
        url=url,
        title=title or fallback_title or text.split("\n", 1)[0][:200],
        text=text,
        author=_pick_author(meta, document),
        published_at=page_date or _document_date(document),
        image_url=_absolute(url, image or (getattr(document, "image", None) if document else None)),
        language=_detect_language(text, meta.get("lang"), language_hint),
        site_name=meta.get("og:site_name") or meta.get("ld:publisher") or (
            getattr(document, "sitename", None) if document else None),
        canonical_url=_canonical(meta, url),
        rubrik=_pick_rubrik(meta, document),
        description=meta.get("og:description") or meta.get("description") or meta.get("ld:description"),
        next_pages=next_pages,
        extractor=extractor,
    )


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
    return next_pages_in(_load(html, url)[1], url)


def find_single_page_url(html: str | bytes, url: str) -> str | None:
    """The "show the whole article on one page" link of a paginated article, if any.

    Args:
        html: The page.
        url: The page URL.

    Returns:
        The absolute URL ("Tampilkan semua", "Baca dalam satu halaman", ?page=all,
        ?single=1 ... pointing at the same article), or None.
    """
    return single_page_in(_load(html, url)[1], url)


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
    return replace(first, text="\n".join(paragraphs), next_pages=tuple(p.url for p in rest), **missing)


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
    tree = _load(html, url)[1]
    return _is_index_tree(tree, _read_meta(tree))


# --- loading --------------------------------------------------------------------------------


def _decode(html: str | bytes) -> str:
    """Bytes to text: UTF-8 when valid, else the declared charset, else cp1252."""
    if isinstance(html, str):
        return html
    if html.startswith(b"\xef\xbb\xbf"):
        return html[3:].decode("utf-8", "replace")
    if html.startswith((b"\xff\xfe", b"\xfe\xff")):
        return html.decode("utf-16", "replace")
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(html[:4096])
    encoding = declared.group(1).decode("ascii", "ignore").lower() if declared else "cp1252"
    if encoding in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "utf-8", "utf8"):
        encoding = "cp1252"  # what browsers do (WHATWG); a declared UTF-8 just failed
    try:
        return html.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return html.decode("cp1252", "replace")


# lxml.html picks each element's class in a Python callback (forms, inputs ... get their own),
# called ~1,000 times per page by trafilatura's walks; one class for all, chosen in C, saves
# ~1 ms a page (bench/harvest.py pages). Nothing here uses lxml's form helpers.
_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity)


def _parse(text: str) -> tuple[HtmlElement | None, bool]:
    """One lxml parse; also says whether libxml2 gave up on excessive nesting."""
    parser = HTMLParser(
        collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True, huge_tree=True,
        encoding="utf-8",
    )
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    try:
        # UTF-8 bytes: libxml2 reads them as they are (a str costs a conversion, ~0.1 ms a page)
        tree = document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        logger.debug("lxml could not parse: %s", exc)
        return None, False
    too_deep = any("depth" in error.message.lower() for error in parser.error_log)
    return tree, too_deep


def _load(html: str | bytes, url: str) -> tuple[str, HtmlElement]:
    """Decode and parse a page, flattening wrappers when it is nested too deep for lxml."""
    text = _XML_DECLARATION.sub("", _decode(html).replace("\x00", ""), count=1)
    if not text.strip():
        raise ExtractionError(url, f"{NO_TEXT_REASON} (halaman kosong)")
    tree, too_deep = _parse(text)
    if too_deep:
        logger.info("HTML nested too deep, flattening containers: %s", url)
        text = _FLATTEN_TAGS.sub(" ", text)
        tree, too_deep = _parse(text)
        if too_deep:
            raise ExtractionError(url, "struktur HTML terlalu dalam bersarang, teks tidak terbaca")
    if tree is None:
        raise ExtractionError(url, "halaman bukan HTML yang dapat dibaca")
    return text, tree


def warm_up() -> None:
    """Import trafilatura and build its options now (an extraction worker's start)."""
    _trafilatura_options(True)
    _trafilatura_options(False)


@functools.cache
def _trafilatura_options(with_metadata: bool):
    """trafilatura's options, built once: building them reads its config (~0.4 ms a page).

    trafilatura is imported here, not with the module (~0.2 s): the harvest's main process
    imports this module but extracts nothing itself (its workers do).
    """
    from trafilatura.settings import Extractor
    return Extractor(output_format="python", fast=True, comments=False, with_metadata=with_metadata)


def _run_trafilatura(tree: HtmlElement, url: str, with_metadata: bool = True):
    """trafilatura on our tree (it copies it); None when it finds nothing.

    ``fast=True`` skips trafilatura's own fallback extractors (readability, jusText): they
    nearly double the cost per page, and a page they would rescue falls back to newspaper4k.
    """
    from trafilatura import bare_extraction
    options = copy.copy(_trafilatura_options(with_metadata))
    options.url = options.source = url
    try:
        return bare_extraction(tree, url=url, options=options)
    except (RecursionError, ValueError, TypeError) as exc:
        logger.warning("trafilatura failed on %s: %s", url, exc)
        return None


def _best_text(document, text_html: str, url: str, title: str, language: str | None) -> tuple[str, str, str]:
    """(clean text, extractor name, newspaper's title): trafilatura's, or newspaper's when longer."""
    text = _strip_title_line(clean_text(document.text or "") if document else "", title)
    if len(text) >= MIN_TEXT_CHARS:
        return text, "trafilatura", ""
    fallback = _run_newspaper(text_html, url, language)
    fallback_text = _strip_title_line(clean_text(fallback.text or ""), title) if fallback else ""
    if len(fallback_text) > len(text):
        return fallback_text, "newspaper", (fallback.title or "").strip()
    return text, "trafilatura", ""


def _run_newspaper(text_html: str, url: str, language: str | None):
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


# --- metadata -------------------------------------------------------------------------------


def _read_meta(tree: HtmlElement) -> dict[str, str]:
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
        if kinds & _ARTICLE_TYPES:
            meta["ld:article"] = "1"
            for key in ("headline", "datePublished", "description", "articleSection"):
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


def _pick_title(meta: dict[str, str], document, page_titles: tuple[str | None, str | None], url: str) -> str:
    """og:title, JSON-LD headline, trafilatura's title, <h1>, <title>: first one, site name cut.

    ``page_titles``: the page's first <h1> text and its <title>.
    """
    candidates = (meta.get("og:title"), meta.get("ld:headline"), document.title if document else None, *page_titles)
    title = next((" ".join(_plain(c).split()) for c in candidates if c and _plain(c).strip()), "")
    site = (meta.get("og:site_name") or "").lower()
    label = (urlsplit(url).hostname or "").removeprefix("www.").split(".")[0].replace("-", "")
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        head, _, tail = title.rpartition(separator)
        squeezed = tail.lower().replace(" ", "").replace("-", "")
        if head and ((site and site in tail.lower()) or (label and label in squeezed)):
            title = head.strip()
    return title


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


def _trim_for_trafilatura(tree: HtmlElement) -> None:
    """Drop (keeping tails) what trafilatura would delete anyway; only when its metadata
    pass is off, as that reads bylines and categories anywhere on the page."""
    for script in list(tree.iter("script")):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            script.drop_tree()
    etree.strip_elements(tree, *_TRIM_TAGS, with_tail=False)  # in C, tails kept
    etree.strip_tags(tree, *_STRIP_TAGS)


def _plain(value: str) -> str:
    """Meta text as readers see it: entities decoded (CMSs often escape twice), tags dropped."""
    for _ in range(2):
        if "&" not in value:
            break
        value = html.unescape(value)
    return _TAG.sub("", value) if "<" in value else value


def _strip_title_line(text: str, title: str) -> str:
    """Drop a first line that repeats the title (trafilatura keeps the <h1>)."""
    first, _, rest = text.partition("\n")
    if title and " ".join(first.casefold().split()) == " ".join(title.casefold().split()):
        return rest
    return text


def _pick_author(meta: dict[str, str], document) -> str | None:
    """JSON-LD author, meta author, trafilatura's byline: the first that survives cleaning."""
    article_author = meta.get("article:author", "")
    candidates = (
        meta.get("ld:author"),
        meta.get("author"),
        None if article_author.startswith("http") else article_author,
        meta.get("dc.creator"),
        document.author if document else None,
    )
    for candidate in candidates:
        cleaned = _clean_author(candidate)
        if cleaned:
            return cleaned
    return None


def _clean_author(raw: str | None) -> str | None:
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


# The publication time comes from meta tags and JSON-LD (read by _read_meta), else from
# <time> or a dated element (_date_in_page), else from trafilatura's htmldate (_document_date).


def _date_in_page(tree: HtmlElement):
    """The first date in a <time> or a dated element of the page, if any."""
    for element in tree.xpath(_DATE_ELEMENT_XPATH)[:8]:
        parsed = parse_date(element.get("datetime")) or parse_date(element.text_content()[:120])
        if parsed:
            return parsed
    return None


def _document_date(document):
    """htmldate's day, as trafilatura found it."""
    found = getattr(document, "date", None) if document else None
    if found and str(found).endswith("-01-01"):
        # htmldate answers 1 January when it only found a year ("Copyright 2026"): no date then,
        # and the harvest files the article under its feed date or its fetch day instead.
        return None
    return parse_date(found) if found else None


def _pick_rubrik(meta: dict[str, str], document) -> str | None:
    """article:section, JSON-LD articleSection, breadcrumb, trafilatura's first category."""
    categories = document.categories if document and document.categories else []
    for value in (meta.get("article:section"), meta.get("ld:articlesection"), meta.get("ld:breadcrumb"),
                  categories[0] if categories else None):  # fmt: skip
        if value and value.strip():
            return " ".join(value.split())
    return None


def _canonical(meta: dict[str, str], url: str) -> str | None:
    """link rel=canonical or og:url, absolute; a canonical pointing at the home page is ignored."""
    for value in (meta.get("link:canonical"), meta.get("og:url")):
        absolute = _absolute(url, value)
        if absolute and (urlsplit(absolute).path.strip("/") or not urlsplit(url).path.strip("/")):
            return absolute
    return None


def _absolute(base: str, href: str | None) -> str | None:
    """href resolved against the page URL; None for empty or data: values."""
    if not href or not href.strip() or href.startswith("data:"):
        return None
    return urljoin(base, href.strip())


def _detect_language(text: str, html_lang: str | None, hint: str | None) -> str | None:
    """Arabic script share, then Indonesian/English stop words, then <html lang>, then the hint."""
    sample = text[:LANG_SAMPLE_CHARS]
    arabic = len(_ARABIC.findall(sample))
    if arabic and arabic > len(_LATIN.findall(sample)):  # Latin letters only counted when needed
        return "ar"
    words = _LOWER_WORD.findall(sample.lower())
    id_hits = sum(map(_ID_WORDS.__contains__, words))
    en_hits = sum(map(_EN_WORDS.__contains__, words))
    if max(id_hits, en_hits) >= LANG_MIN_HITS and max(id_hits, en_hits) >= 2 * min(id_hits, en_hits):
        return "id" if id_hits > en_hits else "en"
    if html_lang:
        code = html_lang.strip().lower()[:2]
        return "id" if code == "in" else code
    return hint


# --- page structure -------------------------------------------------------------------------


def _is_index_tree(tree: HtmlElement, meta: dict[str, str]) -> bool:
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


