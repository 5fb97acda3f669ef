"""Extraction confidence: each reason an editor sees on a doubtful article, and the ok case."""

from datetime import datetime, timezone

import pytest

from clipper.extract.confidence import DOUBTFUL, OK, SHORT_CHARS, assess
from clipper.extract.reader import extract
from clipper.models import ARTICLE, EMPTY, GALLERY, INDEX, FetchedPage

STORY = ("Kementerian Agama menggelar rapat koordinasi penyelenggaraan pendidikan madrasah di Jakarta. "
         "Rapat dihadiri kepala kantor wilayah dari seluruh provinsi dan membahas kurikulum baru. ") * 4


def test_a_full_story_is_ok():
    assert assess(STORY, ARTICLE) == (OK, None)


@pytest.mark.parametrize("text, words", [
    ("Kemenag membuka pendaftaran. Konten ini khusus pelanggan premium.", "khusus pelanggan"),
    (STORY + "\nBaca selengkapnya di aplikasi kami.", "baca selengkapnya di"),
])
def test_paywall_and_teaser_pages_are_doubtful_with_the_words_found(text, words):
    confidence, reason = assess(text, ARTICLE)
    assert confidence == DOUBTFUL and words in reason.casefold()


def test_a_short_article_is_doubtful_but_a_short_caption_is_not():
    lead = STORY[: SHORT_CHARS - 10]
    assert assess(lead, ARTICLE)[0] == DOUBTFUL and str(len(lead)) in assess(lead, ARTICLE)[1]
    assert assess(lead, GALLERY) == (OK, None)


def test_a_list_of_headlines_is_doubtful():
    headlines = "\n".join(f"Menag Resmikan Gedung Madrasah Baru di Kabupaten Nomor {n}" for n in range(8))
    confidence, reason = assess(headlines + "\n" + STORY, ARTICLE)
    assert confidence == DOUBTFUL and "judul" in reason


def test_boilerplate_left_in_the_text_is_doubtful():
    confidence, reason = assess(STORY + " Baca Juga: Menag Lantik Pejabat.", ARTICLE)
    assert confidence == DOUBTFUL and "baca juga" in reason.casefold()


def test_an_empty_page_is_doubtful_with_its_reason():
    assert assess("", EMPTY, reason="hanya JavaScript") == (DOUBTFUL, "hanya JavaScript")


def _page(body: str, head: str = "") -> FetchedPage:
    html = f"<html><head><title>Judul Halaman</title>{head}</head><body>{body}</body></html>"
    return FetchedPage(url="https://berita.example.id/a/1", final_url="https://berita.example.id/a/1", status=200,
                       headers={"content-type": "text/html; charset=utf-8"}, content=html.encode(),
                       fetched_at=datetime(2026, 12, 5, 8, tzinfo=timezone.utc))


def test_an_empty_page_keeps_what_it_says_of_itself():
    head = ('<meta property="og:title" content="Menag Buka Rakernas">'
            '<meta property="og:description" content="Menteri Agama membuka rapat kerja nasional.">')
    result = extract(_page("<div id='app'></div><script>render()</script>", head))
    assert result.kind == EMPTY and result.confidence == DOUBTFUL
    assert result.title == "Menag Buka Rakernas"
    assert result.description == "Menteri Agama membuka rapat kerja nasional."


def test_an_index_page_is_read_as_index_with_its_title():
    links = "".join(f"<li><a href='/a/{n}'>Berita nomor {n} tentang madrasah dan pesantren di daerah</a></li>"
                    for n in range(20))
    result = extract(_page(f"<h1>Indeks Berita</h1><ul>{links}</ul>"))
    assert result.kind == INDEX and result.title
