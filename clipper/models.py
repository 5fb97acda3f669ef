"""Plain data passed between the pipeline stages (no I/O, no Qt)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

SOURCE_KINDS = ("feed", "site", "sitemap")
TONES = ("positif", "netral", "negatif")


def dumps(value) -> str:
    """JSON as the archive's text columns hold it: compact, non-ASCII kept."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class ExtractHints:
    """A medium's extraction hints (sources.yaml `extract:`): CSS selectors, checked on load."""

    body: tuple[str, ...] = ()  # the element(s) holding the story
    drop: tuple[str, ...] = ()  # furniture inside or around it (ads, teaser boxes)
    next_page: str | None = None  # the link(s) to the story's further pages


@dataclass(frozen=True)
class Source:
    """One medium to watch, as configured in sources.yaml."""

    name: str
    kind: str  # one of SOURCE_KINDS
    url: str
    article_pattern: str | None = None  # regex: which links on a site page are articles
    enabled: bool = True
    language: str = "id"
    rubrik: str | None = None
    max_items: int = 50  # newest links taken per harvest
    delay: float = 0.0  # seconds between two requests to this source's host
    concurrency: int | None = None  # per-host parallel requests (None: the run's default)
    timeout: float | None = None  # total deadline per request (None: the run's default)
    aggregator: bool = False  # a keyword/news-search feed: the media name comes from each page
    extract: ExtractHints | None = None  # per-media extraction hints for this source's site


@dataclass(frozen=True)
class FetchedPage:
    """A completed HTTP response (2xx or 304) with its body decoded from gzip/brotli.

    What the harvest hands to extraction (clipper.extract.reader.extract).
    """

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content: bytes
    fetched_at: datetime
    not_modified: bool = False
    # The body exactly as the server sent it, when that was one complete gzip member: the
    # archive keeps it as the page's evidence instead of compressing the page again.
    gzipped: bytes | None = field(default=None, repr=False)

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass(frozen=True)
class Link:
    """An article link found by discovery (feed item, section page link, sitemap url)."""

    url: str
    title: str | None = None
    published_at: datetime | None = None


# What extraction found on a page (ExtractedArticle.kind). Galleries, videos and live reports
# keep their text (a caption, a lead) but are no articles; index and empty pages have none;
# "paged" is the harvest's: the page links the whole article on one page.
ARTICLE, GALLERY, VIDEO, LIVE, INDEX, EMPTY, PAGED = "article", "gallery", "video", "live", "index", "empty", "paged"
PAGE_KINDS = (ARTICLE, GALLERY, VIDEO, LIVE, INDEX, EMPTY, PAGED)
STORED_KINDS = (ARTICLE, GALLERY, VIDEO, LIVE, INDEX, EMPTY)  # what the archive may hold
PRINTED_KINDS = (ARTICLE, GALLERY, VIDEO, LIVE)  # what an edition may carry (never an index page)
KIND_LABELS = {ARTICLE: "Artikel", GALLERY: "Galeri foto", VIDEO: "Video", LIVE: "Laporan langsung",
               INDEX: "Halaman indeks", EMPTY: "Tanpa teks"}


@dataclass(frozen=True)
class ExtractedArticle:
    """What extraction read from one fetched page: the extraction contract's result.

    ``kind`` says what the page is: an article; an index (section) page; empty (no article
    text: a JavaScript shell, a caption only, unreadable HTML); or paged, when the page
    links the whole article on one page (``single_page_url``) and was not read further.
    Only an article has text; the others carry ``reason``.
    """

    url: str
    title: str = ""
    text: str = ""
    kind: str = ARTICLE  # one of PAGE_KINDS
    reason: str | None = None  # why the page holds no text
    confidence: str = "ok"  # ok | doubtful
    doubt: str | None = None  # why the text is doubtful
    author: str | None = None
    published_at: datetime | None = None  # timezone-aware
    image_url: str | None = None  # the lead image
    images: tuple[str, ...] = ()  # every image the page names for the article, lead first
    language: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    rubrik: str | None = None
    description: str | None = None
    next_pages: tuple[str, ...] = ()  # further pages of a multi-page article, in order
    single_page_url: str | None = None  # the whole article on one page ("Tampilkan semua")
    extractor: str = "trafilatura"

    @property
    def has_text(self) -> bool:
        """An article, gallery, video or live report: a page with a text to keep."""
        return self.kind in PRINTED_KINDS


@dataclass(frozen=True)
class TermMatch:
    """One rule term found in an article, for highlighting and explanation."""

    topic: str
    term: str  # the rule term that matched
    field: str  # "title" or "text"
    start: int  # character offsets in that field
    end: int


@dataclass(frozen=True)
class Narasumber:
    """A person quoted in an article."""

    name: str
    role: str | None = None


@dataclass(frozen=True)
class Classification:
    """Which topics an article belongs to, and why."""

    scores: dict[str, float] = field(default_factory=dict)
    topics: tuple[str, ...] = ()  # the topics over their threshold, best first
    primary: str | None = None
    matches: tuple[TermMatch, ...] = ()
    tone: str | None = "netral"  # None: not computed (an irrelevant article during a harvest)
    narasumber: tuple[Narasumber, ...] = ()
    tiers: dict[str, str] = field(default_factory=dict)  # topic -> "utama" (about it) | "disebut" (mentioned)

    @property
    def relevant(self) -> bool:
        return bool(self.topics)

    @property
    def about(self) -> tuple[str, ...]:
        """The topics the article is about (tier "utama"), best first."""
        return tuple(t for t in self.topics if self.tiers.get(t) == "utama")


# --- the edition as the PDF renderer sees it -------------------------------------------


@dataclass(frozen=True)
class EditionItem:
    """One clipping in an edition."""

    article_id: int
    title: str
    media: str
    url: str
    text: str
    published_at: datetime | None = None
    rubrik: str | None = None
    author: str | None = None
    topic_label: str | None = None
    tags: tuple[str, ...] = ()
    tone: str | None = None
    narasumber: tuple[Narasumber, ...] = ()
    summary: str | None = None
    image: bytes | None = None  # the lead image file content (any format), if cached
    also_in: tuple[str, ...] = ()
    highlight: bool = False
    kind: str = ARTICLE  # a gallery, video or live report is printed as such


@dataclass(frozen=True)
class EditionSection:
    topic: str
    label: str
    items: tuple[EditionItem, ...] = ()


@dataclass(frozen=True)
class Edition:
    """The approved articles of one day, in sections, ready to render."""

    date: date
    number: str  # e.g. "212/2026"
    sections: tuple[EditionSection, ...]
    status: str = "draft"  # draft | final
    kind: str = "regular"  # regular | ralat (a revision of a final edition)
    corrects: str | None = None  # the edition a revision replaces ("No. 212/2026")
    revision: int = 0  # 1, 2 … for a revision
    title: str = "Kliping Berita Harian"
    institution: tuple[str, ...] = (
        "Kementerian Agama Republik Indonesia",
        "Badan Litbang dan Diklat",
        "Perpustakaan",
    )
    logo_path: str | None = None
    editor: str | None = None  # penanggung jawab
    approved_at: datetime | None = None

    @property
    def items(self) -> tuple[EditionItem, ...]:
        return tuple(item for section in self.sections for item in section.items)


# --- harvest progress and outcome ------------------------------------------------------


@dataclass(frozen=True)
class SourceReport:
    """What one source gave in one harvest run."""

    source: str
    status: str  # ok | not_modified | failed | cancelled
    links: int = 0
    new_articles: int = 0
    duplicates: int = 0
    failed_pages: int = 0
    reason: str | None = None
    http_status: int | None = None
    seconds: float = 0.0
    other_pages: int = 0  # kept as index, gallery, video or live pages, not articles


@dataclass(frozen=True)
class HarvestResult:
    run_id: int
    status: str  # completed | cancelled
    sources: tuple[SourceReport, ...]

    @property
    def new_articles(self) -> int:
        return sum(s.new_articles for s in self.sources)

    @property
    def other_pages(self) -> int:
        return sum(s.other_pages for s in self.sources)

    @property
    def failed_sources(self) -> tuple[SourceReport, ...]:
        return tuple(s for s in self.sources if s.status == "failed")


@dataclass(frozen=True)
class Progress:
    """One step of a long operation, yielded by the core for a progress display."""

    stage: str  # e.g. "article", "page_error", "source", "done"
    done: int
    total: int
    source: str | None = None
    article_id: int | None = None
    message: str | None = None
    result: object | None = None  # the operation's result, on the final "done" step
