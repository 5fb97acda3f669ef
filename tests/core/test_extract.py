"""Tests for clipper.extract.reader on canned Indonesian news pages (tests/data/pages)."""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from clipper.dates import WIB
from clipper.errors import ExtractionError
from clipper.extract.meta import clean_author as _clean_author
from clipper.extract.reader import (INDEX_REASON, clean_text, extract_article, find_next_pages,
                                    find_single_page_url, is_index_page, join_pages)

PAGES = Path(__file__).parent.parent / "data" / "pages"
SITE = "https://www.warta-nusantara.example"
TYPICAL_URL = f"{SITE}/read/2026/11/24/081500/kemenag-perluas-program-moderasi-beragama-ke-500-madrasah"
MULTI_URL = f"{SITE}/read/2026/11/23/143000/kuota-haji-2027-bertambah-10-ribu"
ALL_URL = f"{SITE}/read/2026/11/22/090000/10-madrasah-berprestasi-di-olimpiade-sains"
HIDDEN_URL = f"{SITE}/read/2026/11/23/140500/rumah-ibadah-bersama-sembalun"
ARABIC = "إِنَّمَا الْأَعْمَالُ بِالنِّيَّاتِ"


def _page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@pytest.fixture(scope="module")
def typical():
    return extract_article(_page("artikel_biasa.html"), TYPICAL_URL)


# --- a typical Indonesian article ------------------------------------------------------------


def test_typical_metadata(typical):
    """Title, author, WIB time, image, site, canonical, rubrik and description are read."""
    assert typical.title == "Kemenag Perluas Program Moderasi Beragama ke 500 Madrasah"
    assert typical.author == "Ahmad Fauzi"
    assert typical.published_at == datetime(2026, 11, 24, 8, 15, tzinfo=WIB)
    assert typical.published_at.utcoffset() == timedelta(hours=7)
    assert typical.image_url == f"{SITE}/foto/2026/11/24/moderasi-madrasah.jpg"
    assert typical.language == "id"
    assert typical.site_name == "Warta Nusantara"
    assert typical.canonical_url == TYPICAL_URL
    assert typical.rubrik == "Nasional"
    assert typical.description.startswith("Kementerian Agama memperluas program")
    assert typical.extractor == "trafilatura"
    assert typical.next_pages == ()


def test_typical_text_is_clean(typical):
    """Promo links, channel promos, editor initials and the Editor line are removed."""
    text = typical.text
    for noise in ("Baca juga:", "BACA JUGA", "Simak Video", "Telegram", "(fai/idh)", "Editor:", "Terpopuler",
                  "ADVERTISEMENT", "Bagikan", "Komentar", "Hak cipta"):  # fmt: skip
        assert noise not in text, noise
    assert text.startswith("JAKARTA, WARTA NUSANTARA - Kementerian Agama (Kemenag) memperluas")
    assert text.endswith("bersamaan dengan rapat kerja nasional Kemenag.")
    assert "orang tua perlu baca juga buku tentang keberagaman" in text  # mid-sentence words stay
    assert "(LP Ma'arif)." in text
    assert "Kemenag Perluas Program" not in text.split("\n")[0]  # title not repeated as a line
    assert len(text.split("\n")) == 8


def test_typical_result_pickles(typical):
    """The function and its result cross a process boundary (ProcessPoolExecutor)."""
    assert pickle.loads(pickle.dumps(typical)) == typical
    assert pickle.loads(pickle.dumps(extract_article)) is extract_article


def test_wrong_html_lang_does_not_decide_language():
    """A template's lang="en" on an Indonesian text still gives "id"."""
    html = _page("artikel_biasa.html").replace(b'<html lang="id">', b'<html lang="en">')
    assert extract_article(html, TYPICAL_URL).language == "id"


# --- multi-page articles -----------------------------------------------------------------------


def test_two_page_article_next_link_found():
    """Page 1 points at page 2; page 2 points nowhere further."""
    assert find_next_pages(_page("multipage_1.html"), MULTI_URL) == (f"{MULTI_URL}?page=2",)
    assert find_next_pages(_page("multipage_2.html"), f"{MULTI_URL}?page=2") == ()
    assert extract_article(_page("multipage_1.html"), MULTI_URL).next_pages == (f"{MULTI_URL}?page=2",)


def test_two_page_article_joined_once():
    """The joined text has both pages' paragraphs in order and the repeated lead once."""
    first = extract_article(_page("multipage_1.html"), MULTI_URL)
    second = extract_article(_page("multipage_2.html"), f"{MULTI_URL}?page=2")
    joined = join_pages(first, [second])
    assert joined.text.count("Pemerintah Arab Saudi memberikan tambahan 10.000 kuota") == 1
    assert joined.text.index("Komisi VIII DPR") < joined.text.index("petugas kloter")
    assert joined.text.endswith("mengikuti manasik.")
    assert "Halaman 2" not in joined.text and "(rin/ant)" not in joined.text
    assert joined.next_pages == (f"{MULTI_URL}?page=2",)
    assert joined.title == first.title and joined.published_at == first.published_at


def test_join_pages_fills_missing_metadata():
    """Metadata missing on page 1 is taken from a later page."""
    first = extract_article(_page("multipage_1.html"), MULTI_URL)
    second = extract_article(_page("multipage_2.html"), f"{MULTI_URL}?page=2")
    joined = join_pages(replace(first, author=None), [second])
    assert joined.author == "Rina Marlina"


def test_single_page_link_found():
    """A "Tampilkan semua" ?page=all link of the same article is returned."""
    assert find_single_page_url(_page("tampilkan_semua.html"), ALL_URL) == f"{ALL_URL}?page=all"


def test_sidebar_lihat_semua_is_not_single_page_link():
    """The sidebar's "Lihat semua" to another listing is not the article's single page."""
    assert find_single_page_url(_page("artikel_biasa.html"), TYPICAL_URL) is None


def test_path_pages_in_order():
    """/2 and /3 pager links ("Berikutnya" repeats /2) come back once each, in order."""
    assert find_next_pages(_page("tampilkan_semua.html"), ALL_URL) == (f"{ALL_URL}/2", f"{ALL_URL}/3")


_PAGER = """<html><body><article><h1>Judul</h1><p>Isi.</p></article>
<div class="pagination">{links}</div>
<aside><a href="/indeks?page=2">2</a> <a href="/read/lain-2">Selanjutnya</a>
<a href="/read/berita-lain?page=2">Halaman 2</a></aside></body></html>"""


@pytest.mark.parametrize(
    ("url", "links", "expected"),
    [
        ("https://m.example.id/read/judul", '<a href="/read/judul-2">2</a><a href="/read/judul-3">3</a>',
         ("https://m.example.id/read/judul-2", "https://m.example.id/read/judul-3")),
        ("https://m.example.id/read/judul-2", '<a href="/read/judul">1</a><a href="/read/judul-3">3</a>',
         ("https://m.example.id/read/judul-3",)),
        ("https://m.example.id/read/judul", '<a href="?page=3">Halaman 3</a><a href="?page=2">Halaman 2</a>',
         ("https://m.example.id/read/judul?page=2", "https://m.example.id/read/judul?page=3")),
        ("https://m.example.id/read/judul?page=2", '<a href="?page=1">1</a><a href="?page=2">2</a>'
         '<a href="?page=3">Next</a>', ("https://m.example.id/read/judul?page=3",)),
        ("https://m.example.id/read/judul", '<a href="https://lain.example.id/read/judul?page=2">2</a>', ()),
    ],
)
def test_next_page_variants(url, links, expected):
    """-N, /N and ?page=N pagers; other articles, other hosts and the current page excluded."""
    assert find_next_pages(_PAGER.format(links=links), url) == expected


def test_rel_next_anchor():
    """<a rel="next"> outside a pager is followed."""
    html = '<html><body><p>Isi.</p><a rel="next" href="/read/judul/2">Lanjut</a></body></html>'
    assert find_next_pages(html, "https://m.example.id/read/judul") == ("https://m.example.id/read/judul/2",)


# --- fallback and rejection ---------------------------------------------------------------------


def test_newspaper_fallback_when_trafilatura_finds_nothing(monkeypatch):
    """When trafilatura returns nothing, newspaper's text is used and recorded."""
    import trafilatura
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    article = extract_article(_page("teks_tersembunyi.html"), HIDDEN_URL)
    assert article.extractor == "newspaper"
    assert article.text.startswith("Pemerintah Kabupaten Lombok Timur")
    assert "mendaki." in article.text
    assert article.title == "Rumah Ibadah Bersama Diresmikan di Sembalun"
    assert article.published_at == datetime(2026, 11, 23, 14, 5, tzinfo=WIB)  # from the visible WIB date


def test_trafilatura_preferred_when_long_enough():
    """The hidden-body page is read by trafilatura itself when it succeeds."""
    article = extract_article(_page("teks_tersembunyi.html"), HIDDEN_URL)
    assert article.extractor == "trafilatura"
    assert "Gunung Rinjani" in article.text


def test_index_page_rejected():
    """A section page raises ExtractionError with the index reason."""
    with pytest.raises(ExtractionError) as caught:
        extract_article(_page("indeks_nasional.html"), f"{SITE}/nasional")
    assert caught.value.reason == INDEX_REASON
    assert caught.value.url == f"{SITE}/nasional"


def test_is_index_page():
    """is_index_page tells section pages from articles with big sidebars."""
    assert is_index_page(_page("indeks_nasional.html"), f"{SITE}/nasional") is True
    assert is_index_page(_page("artikel_biasa.html"), TYPICAL_URL) is False
    assert is_index_page(_page("multipage_2.html"), MULTI_URL) is False


def test_js_only_page_rejected_with_reason():
    """A JavaScript shell gives a clear Indonesian reason."""
    with pytest.raises(ExtractionError) as caught:
        extract_article(_page("js_only.html"), f"{SITE}/read/x")
    assert "tidak ada teks artikel" in caught.value.reason


@pytest.mark.parametrize("html", ["", b"", "   \n", b"\x00\x00"])
def test_empty_input_rejected(html):
    """Empty input raises ExtractionError, not a parser error."""
    with pytest.raises(ExtractionError):
        extract_article(html, f"{SITE}/read/x")


# --- languages and encodings --------------------------------------------------------------------


def test_english_article():
    """An English page is "en", its UTC time kept, its article:section used."""
    article = extract_article(_page("english.html"), f"{SITE}/en/read/x")
    assert article.language == "en"
    assert article.published_at == datetime(2026, 11, 20, 10, 0, tzinfo=WIB)
    assert article.rubrik == "National"
    assert article.author == "Michael Tan"
    assert article.text.startswith("JAKARTA - The Religious Affairs Ministry")


def test_arabic_quote_kept_intact():
    """Arabic script with harakat survives extraction and cleaning unchanged."""
    article = extract_article(_page("kutipan_arab.html"), f"{SITE}/read/x")
    assert ARABIC in article.text
    assert article.language == "id"
    assert article.author == "Nur Hidayah; Bambang Sutrisno"


def test_windows_1252_without_charset():
    """cp1252 bytes with no declared charset decode to the right quotes and dashes."""
    article = extract_article(_page("cp1252_tanpa_charset.html"), f"{SITE}/read/x")
    assert article.title == "“Café Literasi” di Braga Jadi Ruang Diskusi Mahasiswa"
    assert "menamakan diri “Café Literasi”" in article.text
    assert "berbeda — dari dosen" in article.text
    assert "\ufffd" not in article.text


def test_wrong_declared_charset():
    """cp1252 bytes that claim UTF-8 still decode."""
    html = _page("cp1252_tanpa_charset.html").replace(b"<head>", b'<head><meta charset="utf-8">', 1)
    assert "“Café Literasi”" in extract_article(html, f"{SITE}/read/x").text


def _nested(depth: int) -> str:
    body = "".join(
        f"<p>Paragraf ke-{i} memuat kalimat tentang kebijakan pendidikan madrasah dan pesantren di Indonesia.</p>"
        for i in range(6)
    )
    return f"<html><head><title>Uji</title></head><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>"


def test_deeply_nested_html_extracts():
    """300 nested levels (lxml's default limit is 255) still give the text."""
    article = extract_article(_nested(300), "https://m.example.id/read/dalam")
    assert "Paragraf ke-0" in article.text and "Paragraf ke-5" in article.text


def test_extremely_nested_html_never_crashes():
    """5,000 levels either extract or fail with an ExtractionError."""
    try:
        article = extract_article(_nested(5000), "https://m.example.id/read/dalam")
    except ExtractionError as exc:
        assert exc.reason
    else:
        assert "Paragraf ke-5" in article.text


# --- clean_text and bylines ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: Kemenag Gelar Riset Indeks Kerukunan",
        "Baca Juga : Biaya Haji 2027 Diusulkan Turun",
        "BACA JUGA: Ribuan Guru Madrasah Ikuti Pelatihan",
        "Baca juga Menag Resmikan Gedung Baru",
        "Simak juga: Video Pelantikan Rektor UIN",
        "Lihat juga: Foto Suasana Manasik Haji",
        "Simak Video \"Cara Madrasah Merawat Toleransi\"",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Advertisement - Scroll to continue",
        "Halaman selanjutnya",
        "Halaman 2",
        "Halaman 2 dari 3",
        "1 2 3",
        "1 2 3 Selanjutnya",
        "Selanjutnya »",
        "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari bergabung di Grup Telegram.",
        "Ikuti berita terkini dari Warta Nusantara di Google News, klik di sini.",
        "Simak breaking news dan berita pilihan kami langsung di WhatsApp Channel.",
    ],
)
def test_clean_text_drops_boilerplate_lines(line):
    """Each boilerplate line is removed while the paragraphs around it stay."""
    text = f"Paragraf pertama tentang madrasah.\n{line}\nParagraf kedua tentang pesantren."
    assert clean_text(text) == "Paragraf pertama tentang madrasah.\nParagraf kedua tentang pesantren."


@pytest.mark.parametrize(
    "line",
    [
        "Menurut dia, orang tua perlu baca juga buku bersama anak di rumah.",
        "Kominfo meminta warga mengikuti kanal resmi di Telegram untuk informasi bencana.",
        "Halaman sekolah itu dipakai untuk upacara setiap Senin pagi.",
        "Iklan rokok dilarang di sekitar madrasah, kata pejabat dinas.",
        "Ketua Umum Pengurus Besar Nahdlatul Ulama (PBNU) hadir dalam acara itu.",
        "Lihat juga " + "bagaimana pemerintah daerah menyiapkan anggaran untuk guru honorer, " * 5,
    ],
)
def test_clean_text_keeps_legitimate_sentences(line):
    """Sentences that only contain the boilerplate words are kept."""
    assert clean_text(f"Paragraf pembuka.\n{line}").split("\n")[1] == line.strip()


@pytest.mark.parametrize(
    ("ending", "expected"),
    [
        ("Acara ditutup dengan doa bersama. (fai/idh)", "Acara ditutup dengan doa bersama."),
        ("Acara ditutup dengan doa bersama. (ant)", "Acara ditutup dengan doa bersama."),
        ("Acara ditutup dengan doa bersama.(mhd)", "Acara ditutup dengan doa bersama."),
        ("Acara ditutup dengan doa bersama.\n(mhd)", "Acara ditutup dengan doa bersama."),
        ("Acara ditutup dengan doa bersama.\nEditor: Siti Rahmawati", "Acara ditutup dengan doa bersama."),
        ("Acara ditutup.\nPenulis: Ahmad Fauzi\nEditor : Rina", "Acara ditutup."),
        ("Acara dihadiri pengurus (PBNU).", "Acara dihadiri pengurus (PBNU)."),
        ("Acara dihadiri Ketua PBNU (Gus Ahmad)", "Acara dihadiri Ketua PBNU (Gus Ahmad)"),
    ],
)
def test_clean_text_trailing_credits(ending, expected):
    """Editor initials and credit lines go from the end; a closing parenthesis in prose stays."""
    assert clean_text(f"Paragraf pembuka.\n{ending}") == f"Paragraf pembuka.\n{expected}"


def test_clean_text_whitespace():
    """Non-breaking and zero-width spaces are normalised; empty lines dropped."""
    assert clean_text("  Satu\u00a0dua\u200b  tiga \n\n\t\nEmpat  ") == "Satu dua tiga\nEmpat"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Oleh: DEWI LESTARI", "Dewi Lestari"),
        ("Penulis: Ahmad Fauzi | Editor: Siti Rahmawati", "Ahmad Fauzi"),
        ("Reporter : Rina Marlina, Yusuf Maulana", "Rina Marlina; Yusuf Maulana"),
        ("Nur Hidayah dan Bambang Sutrisno", "Nur Hidayah; Bambang Sutrisno"),
        ("By Michael Tan - warta-nusantara.com", "Michael Tan"),
        ("Tim Redaksi", None),
        ("admin", None),
        ("redaksi@warta.example", None),
        ("Ahmad Fauzi; ahmad fauzi", "Ahmad Fauzi"),
        (None, None),
    ],
)
def test_author_cleaning(raw, expected):
    """Bylines lose labels, editors, e-mails and site names; names join with "; "."""
    assert _clean_author(raw) == expected


def test_next_page_with_file_extension():
    """A pager to slug-2.html (static sites) is page 2 of slug.html, and slug-3.html follows it."""
    html = ('<html><body><article><p>Isi.</p></article><div class="pagination">'
            '<a href="berita-2.html">2</a> <a href="berita-3.html">3</a> <a href="lain-2.html">x</a>'
            '</div></body></html>')
    assert find_next_pages(html, "https://x.example.id/a/berita.html") == (
        "https://x.example.id/a/berita-2.html", "https://x.example.id/a/berita-3.html")


def test_double_escaped_title_is_cleaned():
    """og:title escaped twice by the CMS ("&amp;amp;", "&lt;b&gt;") is stored as plain text."""
    body = "".join(f"<p>Paragraf berita nomor {i} tentang asrama haji dan pelayanan jemaah.</p>" for i in range(12))
    page = ('<html lang="id"><head><meta property="og:title" content="Menag &amp;amp; Wamenag Tinjau '
            '&lt;b&gt;Asrama Haji&lt;/b&gt;"></head><body><article><h1>x</h1>' + body + '</article></body></html>')
    assert extract_article(page, "https://x.example.id/a").title == "Menag & Wamenag Tinjau Asrama Haji"


def test_copyright_year_is_not_a_publication_date():
    """A page whose only date is "Copyright 2026" gets no date (not 1 January)."""
    body = "".join(f"<p>Paragraf berita nomor {i} tentang madrasah dan guru di daerah.</p>" for i in range(12))
    page = ('<html lang="id"><head><title>Guru Madrasah</title></head><body><article><h1>Guru Madrasah</h1>'
            + body + '</article><footer>Copyright 2026 Warta Nusantara</footer></body></html>')
    assert extract_article(page, "https://x.example.id/a").published_at is None


def _dated_page(inside_body: str, chrome: str = "") -> str:
    """A page whose meta give title and time (trafilatura's metadata pass is then off)."""
    return ('<html lang="id"><head><meta property="og:title" content="Penyuluh Agama Dilatih">'
            '<meta property="article:published_time" content="2026-11-24T08:15:00+07:00"></head>'
            f'<body>{chrome}<article><h1>Penyuluh Agama Dilatih</h1>{inside_body}</article></body></html>')


def test_page_chrome_is_not_text_and_inline_tails_are_kept():
    """Menus, sidebars, footers, scripts and buttons never reach the text; words written
    after an inline script or button in a paragraph stay in it."""
    body = "".join(f"<p>Paragraf {i} tentang pelatihan penyuluh agama di kabupaten.</p>" for i in range(10))
    body += '<p>Kalimat ini <script>var x = 1;</script>tetap utuh <button>Bagikan</button>sampai akhir.</p>'
    chrome = ('<nav><ul>' + "".join(f'<li><a href="/r{i}">Rubrik menu {i}</a></li>' for i in range(30))
              + '</ul></nav><aside><p>Iklan samping yang panjang sekali untuk diabaikan.</p></aside>'
              '<footer><p>Pedoman Media Siber dan Kebijakan Privasi</p></footer><style>p{color:red}</style>')
    article = extract_article(_dated_page(body, chrome), "https://x.example.id/read/1/penyuluh")
    assert "Kalimat ini tetap utuh sampai akhir." in " ".join(article.text.split())
    for chrome_text in ("Rubrik menu", "Iklan samping", "Pedoman Media", "Bagikan", "var x", "color:red"):
        assert chrome_text not in article.text


def test_pager_in_a_nav_is_read():
    """A pager inside <nav> (dropped before trafilatura reads the page) gives the next pages."""
    body = "".join(f"<p>Paragraf {i} tentang pelatihan penyuluh agama di kabupaten.</p>" for i in range(10))
    url = "https://x.example.id/read/1/penyuluh-dilatih"
    pager = '<nav class="pagination"><a href="?page=2">2</a> <a href="?page=3">Selanjutnya</a></nav>'
    assert extract_article(_dated_page(body + pager), url).next_pages == (f"{url}?page=2", f"{url}?page=3")


def test_padded_pager_hrefs_are_read():
    """Pager hrefs written with spaces around them are pages too."""
    url = "https://x.example.id/read/2026/11/24/penyuluh-agama-dilatih"
    html = ('<html><body><article><p>Isi.</p></article><div class="pagination">'
            '<a href=" ?page=2">2</a> <a href="\u00a0?page=4\n">4</a> <a href="/lain/berita-5">5</a></div></body></html>')
    assert find_next_pages(html, url) == (f"{url}?page=2", f"{url}?page=4")


def _js_page(body_html: str, article_body: str) -> str:
    """A page drawn by JavaScript: an empty app shell, the story only in its JSON-LD."""
    import json
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Perpustakaan Desa Dibuka Malam",
          "datePublished": "2026-11-24T08:15:00+07:00", "articleBody": article_body}
    return (f"<html lang='id'><head><title>Perpustakaan Desa Dibuka Malam - Warta Nusantara</title>"
            f"<script type='application/ld+json'>{json.dumps(ld)}</script></head>"
            f"<body><div id='__next'>{body_html}</div><script src='/app.js'></script></body></html>")


STORY = [("Warta Nusantara, Jakarta - Perpustakaan desa di lereng gunung itu kini buka sampai pukul 21.00 "
          "agar pelajar dan petani bisa membaca selepas bekerja."),
         "Kepala desa mengatakan ruang baca diterangi lampu tenaga surya yang dipasang warga secara gotong royong.",
         ("Setiap Sabtu malam relawan membacakan dongeng bagi anak-anak, dan pengunjung meminjam rata-rata "
          "tiga puluh buku sepekan.")]


@pytest.mark.parametrize("form", ["html", "lines"])
def test_a_story_only_in_json_ld_is_read_from_there(form):
    """A JavaScript-drawn page whose visible HTML holds no story is read from its JSON-LD
    articleBody (HTML paragraphs or plain lines), cleaned like any other body."""
    teaser = "Baca juga: Jadwal Bus Sekolah Berubah Mulai Pekan Depan"
    if form == "html":
        body = "".join(f"<p>{line}</p>" for line in (STORY[0], teaser, *STORY[1:]))
    else:
        body = "\n".join((STORY[0], teaser, *STORY[1:]))
    article = extract_article(_js_page("<p>Memuat…</p>", body), f"{SITE}/read/2026/11/24/perpustakaan-desa")
    assert article.text.split("\n") == STORY
    assert article.extractor == "json-ld" and article.confidence == "ok"


@pytest.mark.parametrize("ld_body", ["Perpustakaan desa kini buka malam.", " ".join(STORY * 2) + " Baca juga: Lain"])
def test_the_page_story_wins_over_its_json_ld(ld_body):
    """Where the page shows the story, the JSON-LD articleBody (a teaser, or the whole story in
    one line) is not used."""
    shown = "".join(f"<p>{line}</p>" for line in STORY * 2)
    article = extract_article(_js_page(f"<article><h1>Perpustakaan Desa Dibuka Malam</h1>{shown}</article>",
                                       ld_body), f"{SITE}/read/2026/11/24/x")
    assert article.extractor != "json-ld" and article.text.split("\n") == STORY * 2



AMP_STORY = [
    ("JAKARTA, KOMPAS.com - Pemerintah kota meresmikan jalur sepeda baru sepanjang dua belas kilometer "
     "yang menghubungkan stasiun dengan kawasan perkantoran."),
    ("Wali kota mengatakan jalur itu dipisahkan dari jalan raya dengan pembatas beton agar pesepeda "
     "merasa aman saat berangkat kerja."),
    "Dinas perhubungan mencatat jumlah pesepeda naik hampir dua kali lipat sejak uji coba dimulai tiga bulan lalu.",
    ("Warga berharap jalur serupa dibangun di kecamatan lain, terutama yang dekat dengan sekolah dan "
     "pasar tradisional."),
]
AMP_PAGE = """<!doctype html><html amp lang="id"><head><meta charset="utf-8">
<title>Jalur Sepeda Baru Diresmikan - Kompas.com</title>
<link rel="canonical" href="https://megapolitan.kompas.com/read/2026/11/24/jalur-sepeda">
<meta property="og:title" content="Jalur Sepeda Baru Diresmikan">
<meta property="article:published_time" content="2026-11-24T08:15:00+07:00">
<script async src="https://cdn.ampproject.org/v0.js"></script></head><body>
<header><amp-sidebar id="menu" layout="nodisplay"><ul><li><a href="/">Beranda</a></li>
<li><a href="/news">News</a></li><li><a href="/megapolitan">Megapolitan</a></li></ul></amp-sidebar></header>
<h1>Jalur Sepeda Baru Diresmikan</h1><div class="read__time">Kompas.com - 24/11/2026, 08:15 WIB</div>
<amp-social-share type="facebook"></amp-social-share><amp-social-share type="whatsapp"></amp-social-share>
<div class="read__content">
<amp-img src="/foto.jpg" width="640" height="360" layout="responsive" alt="Jalur sepeda"></amp-img>
<div class="photo__caption">Pesepeda melintas di jalur baru. (KOMPAS.com/NAMA FOTOGRAFER)</div>
<p>{0}</p><p>{1}</p>
<amp-ad width="300" height="250" type="doubleclick" data-slot="/1/amp_mid"><div fallback>Advertisement</div></amp-ad>
<p><strong>Baca juga: <a href="/read/2026/11/23/x">Tarif Parkir Naik Mulai Desember</a></strong></p>
<p>{2}</p><p>{3}</p>
<amp-embed width="100" height="100" type="taboola" layout="responsive" data-publisher="kompas"></amp-embed>
</div>
<amp-carousel type="slides" height="200"><div><a href="/read/1">Berita Terkait: Banjir Surut di Kemang Pagi Ini</a>
</div><div><a href="/read/2">Harga Cabai Turun di Pasar Induk Pekan Ini</a></div></amp-carousel>
<div class="most"><h3>Terpopuler</h3><ol><li><a href="/r/1">Artis Terkenal Menikah di Bali Hari Ini</a></li>
<li><a href="/r/2">Kemacetan Parah di Tol Dalam Kota</a></li></ol></div>
<amp-analytics type="googleanalytics"><script type="application/json">{{"vars": {{}}}}</script></amp-analytics>
</body></html>"""


def test_an_amp_page_gives_the_story_only():
    """An AMP copy (amp-sidebar menu, amp-social-share, amp-img with its caption, amp-ad with its
    fallback label, a teaser, amp-embed recommendations, an amp-carousel of related stories, a
    most-read list, amp-analytics) gives the story's paragraphs and nothing else."""
    article = extract_article(AMP_PAGE.format(*AMP_STORY),
                              "https://amp.kompas.com/megapolitan/read/2026/11/24/jalur-sepeda")
    assert article.text.split("\n") == AMP_STORY and article.confidence == "ok"
