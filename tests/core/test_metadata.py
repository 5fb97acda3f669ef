"""Metadata a reader can trust: titles without site suffixes, a person as author, the page's
own dateline over wrong metadata, no invented 00.00. Markup modelled on real Indonesian media,
with our own text."""

from datetime import datetime, timedelta, timezone

import pytest

from clipper.dates import WIB, long_moment, time_unknown
from clipper.domains import registrable_domain, site_label
from clipper.extract.header import byline, dateline, page_segments, person_name, publication_time
from clipper.extract.html import load_page
from clipper.extract.meta import strip_title_suffixes
from clipper.extract.reader import extract
from clipper.harvest.run import _published
from clipper.models import FetchedPage

STORY = "<p>" + ("Kementerian Agama menyiapkan program baru bagi madrasah di seluruh provinsi tahun ini. " * 6) + "</p>"


def _page(url: str, head: str, body: str) -> FetchedPage:
    html = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    return FetchedPage(url, url, 200, {"content-type": "text/html"}, html,
                       datetime(2026, 12, 5, 3, tzinfo=timezone.utc))


@pytest.mark.parametrize("raw, url, sites, expected", [
    ("Menag Buka Rakernas | merdeka.com", "https://www.merdeka.com/x", (), "Menag Buka Rakernas"),
    ("Menag Buka Rakernas : Okezone Techno", "https://techno.okezone.com/read/1", ("https://techno.okezone.com/",),
     "Menag Buka Rakernas"),
    ("Menag Buka Rakernas - PAGE ALL : Okezone Techno", "https://techno.okezone.com/read/1", (),
     "Menag Buka Rakernas"),
    ("Menag Buka Rakernas | Today Kapanlagi.com", "https://www.kapanlagi.com/a", ("liputan6.id",),
     "Menag Buka Rakernas"),
    ("Menag Buka Rakernas - Halaman all - Kompas.com", "https://nasional.kompas.com/read/1", (),
     "Menag Buka Rakernas"),
    ("Menag Buka Rakernas - Zona Jakarta", "https://zonajakarta.pikiran-rakyat.com/a", ("Zona Jakarta",),
     "Menag Buka Rakernas"),
    ("KPI: Literasi Media untuk Perbatasan", "https://techno.okezone.com/read/1", (),
     "KPI: Literasi Media untuk Perbatasan"),
    ("Santri - Pesantren Bersatu", "https://www.merdeka.com/x", ("merdeka.com",), "Santri - Pesantren Bersatu"),
])
def test_title_suffixes_are_cut_and_headlines_kept(raw, url, sites, expected):
    assert strip_title_suffixes(raw, url, sites) == expected


@pytest.mark.parametrize("host, domain, label", [
    ("news.detik.com", "detik.com", "detik"), ("www.kemenag.go.id", "kemenag.go.id", "kemenag"),
    ("jatim.antaranews.com", "antaranews.com", "antaranews"), ("kompas.id", "kompas.id", "kompas"),
    ("https://m.republika.co.id/berita/x", "republika.co.id", "republika"), ("127.0.0.1", "127.0.0.1", "127"),
])
def test_registrable_domain_and_label(host, domain, label):
    assert registrable_domain(host) == domain and site_label(host) == label


PUBLISHERS = ("KOMPAS.com", "Kompas.com", "kompas")


@pytest.mark.parametrize("raw, expected", [
    ("PT. Kompas Cyber Media", None), ("Kompas.com", None), ("Tim detikBali", None), ("redaksiotosia", None),
    ("yan", None), ("mdk/yan", None), ("Tria Sutrisna", "Tria Sutrisna"),
    ("Ahmad bin Salim", "Ahmad bin Salim"), ("Oleh: Dewi Lestari", "Dewi Lestari"),
])
def test_authors_are_people_never_publishers_or_initials(raw, expected):
    assert person_name(raw, (*PUBLISHERS, "detik", "otosia")) == expected


def _segments(body: str) -> list[str]:
    return page_segments(load_page(f"<html><body>{body}</body></html>".encode(), "https://x.id/a")[1])


def test_a_labelled_byline_is_found_in_its_own_element_or_after_its_label():
    assert byline(_segments("<div>Penulis <a>Tria Sutrisna</a> | Editor <a>Irfan Maulana</a></div>"),
                  PUBLISHERS) == "Tria Sutrisna"
    assert byline(_segments("<p>Oleh <a>Liputan6.com</a> pada 26 Jun 2020</p><p>Reporter: Afifah Pasha</p>"),
                  ("liputan6.com",)) == "Afifah Pasha"
    assert byline(_segments("<p>Laporan Wartawan TribunSolo.com, Muhammad Irfan</p>"), ()) == "Muhammad Irfan"
    assert byline(_segments("<p>Oleh karena itu kegiatan dilanjutkan besok.</p>"), ()) is None


def test_metadata_author_that_is_the_editor_loses_to_the_visible_writer():
    head = ('<meta property="og:title" content="Menag Buka Rakernas"><script type="application/ld+json">'
            '{"@type":"NewsArticle","headline":"Menag Buka Rakernas","author":{"name":"Irfan Maulana"},'
            '"datePublished":"2026-12-05T08:15:00+07:00"}</script>')
    body = f"<h1>Menag Buka Rakernas</h1><div>Penulis <a>Tria Sutrisna</a> | Editor <a>Irfan Maulana</a></div>{STORY}"
    assert extract(_page("https://nasional.kompas.com/read/1", head, body)).author == "Tria Sutrisna"


def test_the_visible_wib_dateline_wins_over_a_mislabelled_offset():
    """Metadata says -07:00 for a time the page shows in WIB: the article keeps the page's time."""
    head = ('<meta property="og:title" content="Menag Buka Rakernas">'
            '<meta property="article:published_time" content="2026-12-05T13:00:00-07:00">')
    body = f"<h1>Menag Buka Rakernas</h1><span>NASIONAL | 5 Desember 2026 13:00</span>{STORY}"
    published = extract(_page("https://www.merdeka.com/a", head, body)).published_at
    assert published == datetime(2026, 12, 5, 13, 0, tzinfo=WIB)


def test_an_updated_time_is_not_the_dateline():
    segments = ["Menag Buka Rakernas", "Diperbarui 07 Des 2026, 20:56 WIB", "Sabtu, 5 Desember 2026 | 08:10 WIB"]
    assert dateline(segments, "Menag Buka Rakernas") == datetime(2026, 12, 5, 8, 10, tzinfo=WIB)


def test_a_date_and_time_in_two_elements_make_one_dateline():
    segments = ["Menag Buka Rakernas", "5 Desember 2026", "08:10 WIB"]
    assert dateline(segments, "Menag Buka Rakernas") == datetime(2026, 12, 5, 8, 10, tzinfo=WIB)


def test_the_same_instant_in_another_zone_keeps_the_metadata():
    meta = datetime(2026, 12, 4, 22, 33, 42, tzinfo=timezone.utc)
    assert publication_time(meta, datetime(2026, 12, 5, 5, 33, tzinfo=WIB)) == meta


def test_a_day_without_a_time_is_shown_without_an_invented_midnight():
    day_only = datetime(2026, 12, 5, tzinfo=WIB)
    assert time_unknown(day_only) and long_moment(day_only) == "Sabtu, 5 Desember 2026"
    assert long_moment(day_only + timedelta(minutes=15)) == "Sabtu, 5 Desember 2026, 00.15 WIB"


def test_the_feed_time_completes_a_page_date_of_the_same_day_only():
    page = datetime(2026, 12, 5, tzinfo=WIB)
    listed = datetime(2026, 12, 5, 9, 30, tzinfo=WIB)
    assert _published(page, listed) == listed
    assert _published(page, listed + timedelta(days=1)) == page
    assert _published(None, listed) == listed
