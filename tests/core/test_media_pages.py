"""Pages in the markup of real Indonesian media (our own text): the story, and nothing else, comes out.

The templates (tests/core/_media_*.py) plant each medium's furniture in and around a story: ad
slots, teaser boxes, captions, bylines, editor codes, menus, most-read lists, pagers. Each page
must give exactly its story's paragraphs in order, its title without site suffix or kicker, its
writer (a person, or none), its time, and its kind; the harvest over all of them on 127.0.0.1
must store none of the planted furniture.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from lxml.html import fromstring

from clipper.extract.header import byline
from clipper.extract.reader import extract
from clipper.harvest.run import harvest
from clipper.models import FetchedPage
from clipper.store.archive import Archive
from clipper.workspace.configuration import parse_config

from ._media_pages import ARTICLE_TEMPLATES, OTHER_KINDS, PAGED_MEDIA, media_pages
from ._media_parts import Page, moment
from ._site import rss

PAGES = media_pages()


def _fetched(url: str, html: str) -> FetchedPage:
    return FetchedPage(url, url, 200, {"content-type": "text/html; charset=utf-8"}, html.encode("utf-8"),
                       datetime.now(UTC))


@pytest.fixture(scope="module")
def read():
    """Each page extracted once (follow_single=False, as a saved page is read)."""
    done = {}

    def get(name: str):
        if name not in done:
            page = PAGES[name]
            done[name] = extract(_fetched(page.url, page.html), follow_single=False)
        return done[name]
    return get


def test_planted_furniture_is_on_the_page_and_never_in_a_story():
    """The fixture is sound: every marker is on its page, and none is part of any story's text."""
    stories = "\n".join(line for page in PAGES.values() for line in page.paragraphs)
    for page in PAGES.values():
        htmls = (page.html, *dict(page.more).values())
        shown = " ".join(" ".join(fromstring(html).text_content().split()) for html in htmls)
        for marker in page.markers:
            assert marker in shown, (page.medium, marker)
            assert marker not in stories, (page.medium, marker)


@pytest.mark.parametrize("name", ARTICLE_TEMPLATES)
def test_each_medium_gives_exactly_its_story_in_order(read, name):
    """Lead first, every story paragraph (subheadings and hidden pages too), no furniture line."""
    article = read(name)
    assert article.kind == "article"
    assert article.text.split("\n") == list(PAGES[name].paragraphs)
    assert article.confidence == "ok", article.doubt


@pytest.mark.parametrize("name", ARTICLE_TEMPLATES)
def test_each_medium_gives_title_writer_and_time_of_the_page(read, name):
    """Title without suffix or kicker; the writer a person, never the publisher or initials; the page's time."""
    page, article = PAGES[name], read(name)
    assert article.title == page.title
    assert article.author == page.author
    assert article.published_at == moment(page.published)


@pytest.mark.parametrize("shown, writer", [
    (["Rep: Nur Hidayah Red: Hasan Basri"], "Nur Hidayah"),
    (["Rep: Nur Hidayah/ Red: Hasan Basri"], "Nur Hidayah"),
    (["Rep:", "Nur Hidayah", "Red: Hasan Basri"], "Nur Hidayah"),
    (["Representasi warga dalam forum itu masih rendah."], None),
])
def test_a_rep_red_byline_names_the_reporter_not_the_editor(shown, writer):
    """Republika's "Rep: … Red: …" names the reporter; the editor after "Red:" is not the writer."""
    assert byline(shown, ("Republika",)) == writer


@pytest.mark.parametrize("name", OTHER_KINDS)
def test_galleries_videos_live_reports_and_indexes_are_told_apart(read, name):
    """Each non-article page gets its kind; those with text keep it without counters, prompts or lists."""
    page, article = PAGES[name], read(name)
    assert article.kind == page.kind
    assert [line for line in article.text.split("\n") if line] == list(page.paragraphs)
    if page.kind != "index":
        assert article.title == page.title and article.published_at == moment(page.published)


@pytest.mark.parametrize("medium", PAGED_MEDIA)
def test_a_paged_article_names_its_second_page(read, medium):
    """Page 1 of a two-page article gives its own paragraphs and the address of page 2 from the pager."""
    page, article = PAGES[f"{medium}-2hal"], read(f"{medium}-2hal")
    assert article.next_pages == (page.more[0][0],)
    assert article.text.split("\n") == list(page.paragraphs[:3])


@pytest.fixture(scope="module")
def harvested(tmp_path_factory, request):
    """Every fixture page (and its further pages) served on 127.0.0.1 through one feed, harvested once."""
    from pytest_httpserver import HTTPServer

    server = HTTPServer(host="127.0.0.1")
    server.start()
    request.addfinalizer(server.clear)
    request.addfinalizer(server.stop)
    pages = media_pages(server.url_for("").rstrip("/"))
    for page in pages.values():
        for url, html in ((page.url, page.html), *page.more):
            parts = urlsplit(url)
            server.expect_request(parts.path, query_string=parts.query).respond_with_data(
                html, content_type="text/html; charset=utf-8")
    feed = rss([(page.title or name, page.url, "Sat, 22 Nov 2025 07:00:00 +0700") for name, page in pages.items()])
    server.expect_request("/rss.xml").respond_with_data(feed.replace("{{BASE}}", server.url_for("")),
                                                        content_type="application/rss+xml")
    folder = tmp_path_factory.mktemp("media")
    config = parse_config(f'sources:\n  - name: Media Uji\n    feed: "{server.url_for("/rss.xml")}"\n',
                          folder / "sources.yaml")
    with Archive(folder / "arsip.db") as archive:
        harvest(config, archive, workers=1)
        rows = [dict(row) for row in archive.query("select url, kind, title, text, author from articles")]
    return pages, rows


def _row_of(page: Page, rows: list[dict]) -> dict:
    path = urlsplit(page.url).path
    found = [row for row in rows if urlsplit(row["url"]).path == path]
    assert len(found) == 1, (page.medium, [r["url"] for r in rows])
    return found[0]


def test_harvest_stores_no_ads_teasers_or_chrome(harvested):
    """Over the whole media fixture web, no planted ad, teaser, caption, byline, code or menu is stored."""
    pages, rows = harvested
    markers = {marker for page in pages.values() for marker in page.markers}
    leaks = sorted({(urlsplit(row["url"]).path.split("/")[1], marker) for row in rows for marker in markers
                    if marker in (row["text"] or "")})
    assert leaks == []
    assert len(rows) == len(pages)


def test_harvest_stores_each_story_whole_and_joins_second_pages(harvested):
    """Every stored article is its story in order, a two-page one with page 2's paragraphs after page 1's."""
    pages, rows = harvested
    for name, page in pages.items():
        row = _row_of(page, rows)
        assert row["kind"] == page.kind, name
        if page.kind != "index":
            assert row["text"].split("\n") == list(page.paragraphs), name
