"""The story's container on older and WordPress layouts: paragraphs between <br>s in one
element, and a caption set in italics above the story. Markup after real pages, our own text."""

from datetime import UTC, datetime

from clipper.extract.reader import extract
from clipper.models import FetchedPage

PARAGRAPHS = [
    "Kementerian Agama membuka pendaftaran beasiswa santri berprestasi untuk tahun ajaran baru di seluruh provinsi.",
    "Pendaftaran dibuka selama dua pekan melalui laman resmi dan kantor wilayah di setiap provinsi.",
    "Panitia menyiapkan tiga ribu kursi bagi santri dari pesantren yang terdaftar di kementerian.",
    "Seleksi terdiri atas ujian tertulis, wawancara, dan penilaian hafalan yang digelar secara daring.",
]
MENU = "".join(f"<li><a href='/rubrik/{n}'>Rubrik {n}</a></li>" for n in range(60))


def _extract(body: str):
    html = (f"<html><head><title>Beasiswa Santri Dibuka</title></head><body><ul class='menu'>{MENU}</ul>"
            f"<h1>Beasiswa Santri Dibuka</h1>{body}<footer>Hak cipta dilindungi</footer></body></html>")
    url = "https://www.kabar.example.id/read/2015/03/22/beasiswa"
    return extract(FetchedPage(url, url, 200, {}, html.encode(), datetime.now(UTC)), follow_single=False)


def test_paragraphs_between_brs_in_one_span_are_the_story():
    body = ("<div class='photo'><img src='/f.jpg'><span class='author'>dok.Humas</span> Santri mengikuti "
            "upacara di halaman pesantren, Minggu (22/3/2015).</div><div class='content'><span>"
            + "<br><br>".join(PARAGRAPHS) + "</span><div class='editor'>Editor : Rina</div></div>")
    assert _extract(body).text.split("\n") == PARAGRAPHS


def test_an_italic_caption_above_the_story_is_left_out():
    body = ("<div class='entry-content'><p><em>Menteri Agama saat membuka seleksi beasiswa santri di Jakarta, "
            "Jumat (9/10).</em></p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>")
    assert _extract(body).text.split("\n") == PARAGRAPHS


def test_an_italic_paragraph_inside_the_story_stays():
    quoted = "<p><em>Kami ingin santri dari daerah terpencil mendapat kesempatan yang sama.</em></p>"
    body = ("<div class='entry-content'>" + f"<p>{PARAGRAPHS[0]}</p>" + quoted
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:]) + "</div>")
    lines = _extract(body).text.split("\n")
    assert lines[1] == "Kami ingin santri dari daerah terpencil mendapat kesempatan yang sama."


def test_the_container_search_sees_each_br_separated_paragraph():
    from lxml.html import fromstring

    from clipper.extract.body import find_container
    tree = fromstring(f"<html><body><ul>{MENU}</ul><div><span id='story'>" + "<br><br>".join(PARAGRAPHS)
                      + "</span></div></body></html>")
    assert find_container(tree, PARAGRAPHS).get("id") == "story"
