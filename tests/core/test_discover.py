"""Discovery of article links in feeds, section pages and sitemaps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from clipper.harvest.discover import (NotAFeed, newest_first, parse_feed, parse_site, parse_sitemap,
                                      unwrap_redirect)
from clipper.models import FetchedPage, Link

DATA = Path(__file__).resolve().parents[1] / "data"


def result(name: str, url: str, content_type: str = "application/rss+xml") -> FetchedPage:
    path = DATA / name
    return FetchedPage(url=url, final_url=url, status=200, headers={"content-type": content_type},
                       content=path.read_bytes(), fetched_at=datetime.now(UTC))


def test_feed_items_with_indonesian_dates_and_wib():
    """Indonesian day names parse, and WIB/WITA are +07/+08, never UTC."""
    links = parse_feed(result("feeds/indonesian_dates.xml", "https://warta.example.id/rss.xml"))
    assert [l.title for l in links] == ["Menag Resmikan Madrasah Baru", "Survei Kerukunan Dirilis", "Tanpa Tanggal"]
    first, second, third = links
    assert first.published_at == datetime(2024, 1, 1, 10, 0, tzinfo=timezone(timedelta(hours=7)))
    assert first.published_at.utcoffset() == timedelta(hours=7)
    assert second.published_at.utcoffset() == timedelta(hours=8)
    assert third.url == "https://warta.example.id/berita/tanpa-tanggal"
    assert third.published_at is None


def test_malformed_feed_still_yields_items():
    """A feed with a bare '&' and unclosed tags still gives its items (bozo recovery)."""
    links = parse_feed(result("feeds/malformed.xml", "https://rusak.example.id/rss"))
    urls = [l.url for l in links]
    assert "https://rusak.example.id/a/1" in urls and "https://rusak.example.id/a/2" in urls


def test_feed_served_as_html_is_still_a_feed():
    """A feed mislabelled text/html is read by its content."""
    links = parse_feed(result("feeds/atom.xml", "https://kabar.example.id/atom", "text/html"))
    assert links[0].url == "https://kabar.example.id/2026/11/seminar-litbang"
    assert links[0].published_at.isoformat() == "2026-11-24T07:15:00+07:00"


def test_html_page_is_not_a_feed():
    """An HTML page where a feed was expected is an error naming what went wrong."""
    with pytest.raises(NotAFeed) as info:
        parse_feed(result("pages/section_page.html", "https://x.example.id/rss", "text/html"))
    assert "bukan feed" in info.value.reason


def test_feedparser_never_reads_a_path(tmp_path):
    """Bytes that look like a local path are parsed as content, never opened from disk."""
    secret = tmp_path / "secret.xml"
    secret.write_bytes((DATA / "feeds/atom.xml").read_bytes())
    fake = FetchedPage(url="https://x.id/f", final_url="https://x.id/f", status=200,
                       headers={"content-type": "application/xml"}, content=str(secret).encode(),
                       fetched_at=datetime.now(UTC))
    with pytest.raises(NotAFeed):
        parse_feed(fake)


def test_section_page_links_matching_pattern():
    """Only links matching article_pattern, resolved against <base>, once each, without fragments."""
    page = result("pages/section_page.html", "https://cakrawala.example.id/nasional/", "text/html")
    links = parse_site(page, r"/nasional/berita/[^/]+\.html$", page.content.decode())
    assert [l.url for l in links] == [
        "https://cakrawala.example.id/nasional/berita/kemenag-luncurkan-aplikasi.html",
        "https://cakrawala.example.id/nasional/berita/uin-wisuda.html",
    ]
    assert links[0].title == "Kemenag Luncurkan Aplikasi"


def test_sitemap_index_and_news_sitemap():
    """A sitemap index points at the news sitemap first; the news sitemap gives titles and dates."""
    links, children = parse_sitemap(result("feeds/sitemap_index.xml", "https://madrasah.example.id/sitemap.xml"))
    assert links == []
    assert children[0] == "https://madrasah.example.id/sitemap-news.xml"
    links, children = parse_sitemap(result("feeds/sitemap_news.xml", "https://madrasah.example.id/sitemap-news.xml"))
    assert children == []
    assert links[0].title == "Kompetisi Sains Madrasah Dibuka"
    assert links[0].published_at.isoformat() == "2026-11-24T09:00:00+07:00"
    assert links[1].published_at.isoformat() == "2026-11-23T10:00:00+07:00"


def test_gzipped_sitemap_and_garbage():
    """A .xml.gz sitemap is decompressed; a non-sitemap document is refused."""
    import gzip
    raw = (DATA / "feeds/sitemap_news.xml").read_bytes()
    gz = FetchedPage(url="https://m.id/s.xml.gz", final_url="https://m.id/s.xml.gz", status=200,
                     headers={}, content=gzip.compress(raw), fetched_at=datetime.now(UTC))
    assert len(parse_sitemap(gz)[0]) == 2
    with pytest.raises(NotAFeed):
        parse_sitemap(result("feeds/atom.xml", "https://m.id/sitemap.xml"))


def test_newest_first_and_limit():
    """Dated links come newest first, undated after them, cut to the limit."""
    t = datetime(2026, 11, 24, tzinfo=UTC)
    links = [Link("https://a/1", published_at=t - timedelta(days=1)), Link("https://a/2"),
             Link("https://a/3", published_at=t)]
    assert [l.url for l in newest_first(links, 2)] == ["https://a/3", "https://a/1"]


def test_bing_click_through_unwrapped():
    """A news-search click-through link yields the publisher's URL."""
    url = "https://www.bing.com/news/apiclick.aspx?ref=FexRss&url=https%3a%2f%2fwww.example.id%2fberita%2f1&c=1"
    assert unwrap_redirect(url) == "https://www.example.id/berita/1"
    assert unwrap_redirect("https://www.example.id/x") == "https://www.example.id/x"


def test_sitemap_index_child_without_lastmod():
    """A child sitemap without <lastmod> (it is optional) sorts last instead of crashing."""
    content = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               b'<sitemap><loc>https://m.id/a.xml.gz</loc><lastmod>2026-11-24T20:00:00+07:00</lastmod></sitemap>'
               b'<sitemap><loc>https://m.id/b.xml</loc></sitemap></sitemapindex>')
    index = FetchedPage(url="https://m.id/s.xml", final_url="https://m.id/s.xml", status=200, headers={},
                        content=content, fetched_at=datetime.now(UTC))
    assert parse_sitemap(index)[1] == ["https://m.id/a.xml.gz", "https://m.id/b.xml"]


def _feed(url: str, body: str) -> FetchedPage:
    return FetchedPage(url=url, final_url=url, status=200, headers={"content-type": "application/xml"},
                       content=body.encode(), fetched_at=datetime.now(UTC))


def test_relative_feed_links_resolve_against_the_feed_and_xml_base():
    """Relative item links (RSS <link>, Atom href, a relative or absolute xml:base) become
    absolute against the feed's own address, as a reader would resolve them."""
    rss = _feed("https://warta.example.id/feeds/rss.xml", """<?xml version="1.0"?><rss version="2.0"><channel>
        <title>W</title><item><title>Satu</title><link>/berita/satu</link></item>
        <item><title>Dua</title><link>dua.html</link></item></channel></rss>""")
    assert [l.url for l in parse_feed(rss)] == ["https://warta.example.id/berita/satu",
                                                "https://warta.example.id/feeds/dua.html"]
    atom = _feed("https://kabar.example.id/a/atom.xml", """<?xml version="1.0"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="news/"><title>K</title>
        <entry><title>Tiga</title><link href="tiga.html"/><id>t</id></entry>
        <entry xml:base="https://cdn.example.id/x/"><title>Empat</title><link href="empat"/><id>e</id></entry>
        </feed>""")
    assert [l.url for l in parse_feed(atom)] == ["https://kabar.example.id/a/news/tiga.html",
                                                 "https://cdn.example.id/x/empat"]
