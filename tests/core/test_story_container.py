"""The story's container on older and WordPress layouts: paragraphs between <br>s in one
element, a caption set in italics above the story, a story wrapper named like a share bar.
Markup after real pages, our own text."""

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


def test_the_container_search_sees_br_separated_paragraphs_inside_one_p():
    """A <p> holding the whole story, paragraphs between <br><br> (Republika 2016), is found."""
    from lxml.html import fromstring

    from clipper.extract.body import find_container
    tree = fromstring(f"<html><body><ul>{MENU}</ul><div class='teaser'><p id='story'>" + "<br><br>".join(PARAGRAPHS)
                      + "</p></div></body></html>")
    assert find_container(tree, PARAGRAPHS).get("id") == "story"


LONGER = [p + " Panitia juga menyiapkan pendampingan bagi peserta dari daerah terpencil." for p in PARAGRAPHS]
TEASERS = "".join(f"<li><a href='/read/{n}'>Berita lain {n}</a><p>Ringkasan singkat berita lain {n}.</p></li>"
                  for n in range(8))


def test_a_story_wrapper_named_like_a_share_bar_is_read():
    """The story inside "sticky author-and-share" (okezone 2017) is the story, not the teaser list
    below it that trafilatura reads when the wrapper's name makes it discard the story."""
    body = ("<div class='row'><div class='col-8'><div class='sticky author-and-share'><div class='desc'>"
            + "".join(f"<p>{p}</p>" for p in LONGER) + f"</div></div></div></div><div class='row'><ul class='grid'>"
            f"{TEASERS}</ul></div>")
    assert _extract(body).text.split("\n") == LONGER


def test_a_real_share_bar_or_byline_box_keeps_its_furniture_name():
    """Only a wrapper holding long unlinked paragraphs loses its share/byline class name."""
    from lxml.html import fromstring

    from clipper.extract.body import unmask_story_wrappers
    links = "".join(f"<p><a href='/s/{n}'>Bagikan berita ini lewat kanal sosial nomor {n} milik redaksi kami</a></p>"
                    for n in range(12))
    tree = fromstring(f"<div><div class='share-box'>{links}</div><div class='author'><p>Rina Marlina</p></div>"
                      "<div class='post author-and-share'>" + "".join(f"<p>{p}</p>" for p in LONGER) + "</div></div>")
    assert unmask_story_wrappers(tree) == 1
    assert [d.get("class") for d in tree.iter("div")][1:] == ["share-box", "author", "post"]
