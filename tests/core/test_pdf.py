"""Tests for the edition PDF renderer (clipper.edition.pdf), read back with pypdf and pdftoppm."""

from __future__ import annotations

import hashlib
import re
import subprocess
from io import BytesIO

import pypdf
import pytest
from PIL import Image

from clipper.edition.pdf import PdfInfo, render_pdf
from clipper.errors import PdfError
from clipper.models import Edition, EditionSection, Narasumber
from tests.core._pdf_data import GENERATED, _edition, _item, _jpeg


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[Edition, PdfInfo, pypdf.PdfReader, list[str]]:
    edition = _edition()
    info = render_pdf(edition, tmp_path_factory.mktemp("pdf") / "kliping.pdf", generated_at=GENERATED)
    reader = pypdf.PdfReader(info.path)
    texts = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    return edition, info, reader, texts


def test_info_matches_file(rendered):
    """PdfInfo reports the real page count, size and hash of the written file."""
    _, info, reader, _ = rendered
    data = info.path.read_bytes()
    assert info.pages == len(reader.pages) >= 7
    assert info.size == len(data)
    assert info.sha256 == hashlib.sha256(data).hexdigest()


def test_cover_and_articles_text(rendered):
    """Cover shows title, long Indonesian date and number; articles show their fields."""
    edition, _, _, texts = rendered
    assert "Kliping Berita Harian" in texts[0]
    assert "Selasa, 24 November 2026" in texts[0]
    assert "No. 212/2026" in texts[0]
    assert "Pendidikan Keagamaan" in texts[0]
    everything = " ".join(texts)
    for item in edition.items:
        assert item.media in everything
    assert "Selasa, 24 November 2026 · 08.16 WIB" in everything  # 01:16 UTC in WIB
    assert "Juga dimuat di: Kabar Pagi, Suara Timur" in everything
    assert "Ahmad Fauzi — Kepala Pusat Riset" in everything
    assert "NADA: NEGATIF" in everything
    assert "Penanggung jawab" in texts[-1] and "Dra. Nur Aini, M.Hum." in texts[-1]
    assert "15.30 WIB" in texts[-1]


def test_footer_counts_pages(rendered):
    """Every page says "halaman X dari N" with the right X and N."""
    _, info, _, texts = rendered
    for number, text in enumerate(texts, start=1):
        assert f"halaman {number} dari {info.pages}" in text


def test_daftar_isi_pages_match_headlines(rendered):
    """Each daftar isi entry's page number is the page whose headline it names."""
    edition, _, _, texts = rendered
    toc_index = next(i for i, t in enumerate(texts) if t.startswith("Kliping") and "Daftar Isi" in t)
    toc_text = texts[toc_index]
    for item in edition.items:
        head = item.title.split(":")[0][:40]
        match = re.search(re.escape(head) + r".*?WIB (\d+)", toc_text)
        assert match, head
        page = int(match.group(1))
        assert head in texts[page - 1]
        assert "Ringkasan" in texts[page - 1] or item.summary is None


def test_toc_links_and_outline(rendered):
    """The outline has the sections and article titles; TOC rows are internal links."""
    edition, _, reader, texts = rendered

    def walk(entries, depth=0):
        for entry in entries:
            if isinstance(entry, list):
                yield from walk(entry, depth + 1)
            else:
                yield depth, entry.title

    outline = list(walk(reader.outline))
    assert (0, "Haji dan Umrah") in outline
    assert (1, "Kuota Haji 2027 Diumumkan") in outline
    assert (0, "Daftar Isi") in outline
    toc_index = next(i for i, t in enumerate(texts) if "Daftar Isi" in t and i > 0)
    annots = reader.pages[toc_index].get("/Annots") or []
    internal = [a.get_object() for a in annots if a.get_object().get("/Dest") or a.get_object().get("/A")]
    assert len(internal) >= len(edition.items)


def test_metadata(rendered):
    """Title, author (institution), subject and keywords (topics) are set."""
    _, _, reader, _ = rendered
    meta = reader.metadata
    assert "212/2026" in meta.title and "Kliping Berita Harian" in meta.title
    assert "Kementerian Agama Republik Indonesia" in meta.author
    assert "24 November 2026" in meta.subject
    assert "Haji dan Umrah" in meta["/Keywords"]


def test_arabic_font_embedded(rendered):
    """Arabic runs use the embedded Noto Naskh Arabic font, next to Noto Sans."""
    _, _, reader, _ = rendered
    fonts = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert any("NotoNaskhArabic" in f for f in fonts)
    assert any("NotoSans" in f for f in fonts)


def test_revision_and_draft_cover(tmp_path):
    """A revision says "REVISI 1" and which edition it replaces; a draft is marked DRAF."""
    edition = _edition(kind="ralat", corrects="No. 211/2026", revision=1, status="draft", approved_at=None)
    info = render_pdf(edition, tmp_path / "ralat.pdf", generated_at=GENERATED)
    reader = pypdf.PdfReader(info.path)
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "REVISI 1" in cover and "menggantikan kliping No. 211/2026" in cover and "Revisi 1" in cover
    assert "DRAF" in cover
    assert "Belum disetujui" in reader.pages[-1].extract_text()


HOSTILE = {
    "markup": "S&P 500 naik, AT&T turun, a<b dan teks <b> tanpa penutup </i> serta &amp; mentah",
    "control": "Teks\x00dengan\x07kontrol\x1b[31m dan \x0cform feed\tselesai",
    "long_word": "Awal " + "x" * 10_000 + " akhir",
    "huge": ("Kalimat panjang yang diulang-ulang untuk menguji ukuran. " * 36_000),
    "unicode": "Transliterasi: ṣalāt, ḥadīṡ, é, “kutipan” – — … ≥ 5 ≤ 9 → ✓ 😀 中文",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_text_builds(tmp_path, case):
    """Hostile article text (markup, control chars, huge words and texts) still builds."""
    text = HOSTILE[case]
    item = _item(7, title=text[:400], text=text, summary=text[:3000], tags=(text[:50],),
                 narasumber=(Narasumber(text[:80], text[:80]),), media=text[:40] or "X")
    edition = _edition(sections=(EditionSection("x", "Uji <Bagian> & Co", (item,)),))
    info = render_pdf(edition, tmp_path / f"{case}.pdf", generated_at=GENERATED)
    body = " ".join(p.extract_text() for p in pypdf.PdfReader(info.path).pages)
    if case == "markup":
        assert "S&P 500" in body and "AT&T turun" in body and "a<b" in body and "<b> tanpa" in body
    if case == "control":
        assert "Tekstdengankontrol" not in body and "\x00" not in body
    if case == "huge":
        assert "Teks dipotong" in body and info.size < 3_000_000
    if case == "unicode":
        assert "ṣalāt" in body and "≥" in body


@pytest.mark.parametrize(
    "image",
    [b"\x89PNG not really an image", b"", None, "tall", "rgba"],
    ids=["corrupt", "empty", "none", "tall", "rgba"],
)
def test_bad_images_build(tmp_path, image):
    """Corrupt, missing, very tall and transparent images never stop the edition."""
    if image == "tall":
        image = _jpeg(300, 5000)
    elif image == "rgba":
        out = BytesIO()
        Image.new("RGBA", (400, 300), (10, 200, 30, 90)).save(out, "PNG")
        image = out.getvalue()
    edition = _edition(sections=(EditionSection("x", "Uji", (_item(8, image=image),)),))
    info = render_pdf(edition, tmp_path / "img.pdf", generated_at=GENERATED)
    assert info.pages == 3  # cover, ringkasan with the daftar isi, the clipping


def test_empty_edition_raises_and_writes_nothing(tmp_path):
    """No items: PdfError in Indonesian, and no file (nor temp file) is left."""
    edition = _edition(sections=(EditionSection("x", "Kosong", ()),))
    with pytest.raises(PdfError, match="Tidak ada artikel yang disetujui untuk tanggal Selasa, 24 November 2026"):
        render_pdf(edition, tmp_path / "kosong.pdf")
    assert list(tmp_path.iterdir()) == []


def test_atomic_replace(tmp_path, monkeypatch):
    """An existing file is replaced on success, kept intact on failure, no temp left."""
    target = tmp_path / "kliping.pdf"
    target.write_bytes(b"old")
    import clipper.edition.pdf as pdf_module

    def boom(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(pdf_module, "_build", boom)
    with pytest.raises(PdfError, match="disk penuh"):
        render_pdf(_edition(), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["kliping.pdf"]
    monkeypatch.undo()
    info = render_pdf(_edition(), target, generated_at=GENERATED)
    assert target.read_bytes()[:5] == b"%PDF-" and info.path == target
    assert [p.name for p in tmp_path.iterdir()] == ["kliping.pdf"]


def test_pdftoppm_renders_cover(rendered, tmp_path):
    """poppler renders page 1 to a PNG without error."""
    _, info, _, _ = rendered
    result = subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(info.path), str(tmp_path / "p")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr
    png = next(tmp_path.glob("p*.png"))
    assert Image.open(png).size[0] > 200


def test_images_downscaled_to_jpeg():
    """A large PNG comes back as a JPEG at most 800 px wide; a tiny JPEG passes as is."""
    from clipper.edition.pdf_images import IMAGE_MAX_PX, prepare_image

    out = BytesIO()
    Image.new("RGB", (3000, 2000), (200, 30, 30)).save(out, "PNG")
    jpeg, width, height = prepare_image(out.getvalue())
    assert jpeg[:3] == b"\xff\xd8\xff" and width <= IMAGE_MAX_PX and height == round(2000 * width / 3000)
    small = _jpeg(400, 300)
    assert prepare_image(small) == (small, 400, 300)


def test_arabic_phrase_in_quotes_and_parentheses_builds(tmp_path):
    """An Arabic phrase right after « " or ( (no space) still shapes and the edition builds."""
    text = ('Menag mengutip «إِنَّمَا الْمُؤْمِنُونَ إِخْوَةٌ» yang berarti orang beriman bersaudara. '
            'Juga "إنما المؤمنون إخوة" dan (إِنَّمَا الْمُؤْمِنُونَ).')
    edition = _edition(sections=(EditionSection("kemenag", "Kementerian Agama", (
        _item(1, title="Kutipan «إِنَّمَا الْمُؤْمِنُونَ»", text=text),)),))
    info = render_pdf(edition, tmp_path / "arab.pdf")
    body = " ".join(p.extract_text() for p in pypdf.PdfReader(info.path).pages)
    assert "yang berarti orang beriman bersaudara" in body
