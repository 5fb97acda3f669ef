"""The edition PDF's layout: pages per clipping at real article lengths, readable type, and the
details a reader notices (cut labels, stray letters, lone blocks), read back with pypdf."""

from __future__ import annotations

import logging
import random
import re
from collections import Counter
from datetime import timedelta

import pypdf
import pytest

from clipper.edition.pdf import render_pdf
from clipper.edition.pdf_front import chart_label
from clipper.edition.pdf_parts import PHONE, PRINT
from clipper.models import EditionItem, EditionSection, Narasumber
from tests.core._pdf_data import GENERATED, _edition, _item, _jpeg

# Word counts of the 2,599 real texts of ../shared/corpus/texts/pool.jsonl.gz at these quantiles
# (lengths only; the texts stay in the corpus): p0 25 (shortest kept), p10 82, p25 115, p50 207,
# p75 329, p90 450, p95 558, p99 812, p100 3338.
REAL_WORD_QUANTILES = ((0.0, 25), (0.10, 82), (0.25, 115), (0.50, 207), (0.75, 329), (0.90, 450),
                       (0.95, 558), (0.99, 812), (1.0, 3338))
PARAGRAPH_WORDS = 22  # the median real paragraph (the corpus's 617 gold lines)
VOCABULARY = (
    "Kementerian Agama menyalurkan bantuan operasional kepada madrasah swasta di daerah terpencil "
    "sehingga para guru honorer dapat menerima tunjangan lebih cepat menurut keterangan kepala kantor "
    "wilayah yang ditemui wartawan usai rapat koordinasi bersama pemerintah provinsi pada Selasa pagi "
    "dan itu ini akan ke"
).split()  # 7.3 characters a word with its space, as the real texts


def real_length_words(count: int) -> list[int]:
    """``count`` word counts spread like the real corpus's (linear between its quantiles)."""
    out = []
    for i in range(count):
        q = (i + 0.5) / count
        (q0, w0), (q1, w1) = next((a, b) for a, b in zip(REAL_WORD_QUANTILES, REAL_WORD_QUANTILES[1:]) if q <= b[0])
        out.append(round(w0 + (w1 - w0) * (q - q0) / (q1 - q0)))
    return out


def news_text(words: int, seed: int) -> str:
    """Indonesian-looking text of ``words`` words in paragraphs of PARAGRAPH_WORDS."""
    rnd = random.Random(seed)
    chosen = [rnd.choice(VOCABULARY) for _ in range(words)]
    return "\n".join(" ".join(chosen[i:i + PARAGRAPH_WORDS]).capitalize() + "."
                     for i in range(0, words, PARAGRAPH_WORDS))


def clipping(n: int, words: int, **kw) -> EditionItem:
    """A clipping as an editor leaves it: most with a photo, some with summary, tags, narasumber."""
    base = dict(text=news_text(words, n), published_at=GENERATED - timedelta(minutes=7 * n), image=_jpeg(1200, 800, hue=n * 37 % 255) if n % 5 else None,
                summary=f"Ringkasan redaksi berita {n}: " + news_text(40, -n) if n % 3 == 1 else None,
                tags=("madrasah", "bantuan") if n % 2 else (), tone=None if n % 4 else "netral",
                narasumber=(Narasumber("Ahmad Fauzi", "Kepala Kanwil Kemenag Jawa Tengah"),) if n % 3 == 0 else ())
    base.update(kw)
    return _item(n, **base)


def pages_of(path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]


def body_size(page: pypdf.PageObject) -> float:
    """The size the page's most frequent type is drawn at (scaling included), in points."""
    sizes: Counter = Counter()

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes[round(size * tm[3] * cm[3], 1)] += len(text)

    page.extract_text(visitor_text=visit)
    return sizes.most_common(1)[0][0]


def single(item: EditionItem, tmp_path, name: str = "satu.pdf") -> list[str]:
    edition = _edition(sections=(EditionSection("x", "Kementerian Agama", (item,)),))
    return pages_of(render_pdf(edition, tmp_path / name, generated_at=GENERATED).path)


def test_real_length_edition_within_page_budget(tmp_path):
    """72 clippings at real article lengths: PDF pages <= 1.3 x clippings + 4 (was ~2 pages each)."""
    words = real_length_words(72)
    items = [clipping(n, w) for n, w in enumerate(words, start=1)]
    sections = tuple(EditionSection(f"s{k}", label, tuple(items[k::3]))
                     for k, label in enumerate(("Kementerian Agama", "Haji dan Umrah", "Pendidikan")))
    info = render_pdf(_edition(sections=sections), tmp_path / "nyata.pdf", generated_at=GENERATED)
    assert info.pages <= int(1.3 * 72 + 4), info.pages


def test_typical_clipping_with_photo_takes_one_page(tmp_path):
    """A 300-word story with photo, summary, tags and narasumber prints on one page, last line included."""
    item = clipping(3, 300, image=_jpeg(1200, 800), summary="Ringkasan redaksi: " + news_text(45, 9),
                    tags=("madrasah",))
    pages = single(item, tmp_path)
    assert len(pages) == 3  # cover, ringkasan with daftar isi, the clipping
    last_words = item.text.split()[-4:]
    assert item.title in pages[2] and " ".join(last_words) in " ".join(pages[2].split())


def test_clipping_a_little_too_long_is_shrunk_readably(tmp_path):
    """A story a few lines over a page is shrunk onto it, its type still >= 9 pt; a long one keeps 10 pt."""
    near = single(clipping(2, 400, image=None, summary=None, narasumber=(), tags=()), tmp_path, "dekat.pdf")
    reader = pypdf.PdfReader(tmp_path / "dekat.pdf")
    assert len(near) == 3 and 9.0 <= body_size(reader.pages[2]) < 10.0
    far = single(clipping(2, 900, image=None), tmp_path, "jauh.pdf")
    reader = pypdf.PdfReader(tmp_path / "jauh.pdf")
    assert len(far) == 5 and all(body_size(page) == 10.0 for page in reader.pages[2:-1])  # the last: sign-off


def test_signoff_shares_the_last_clippings_page(tmp_path):
    """The sign-off closes the last clipping's page, never a page of its own."""
    pages = single(clipping(2, 380, image=None, summary=None), tmp_path)
    assert len(pages) == 3
    assert "Penanggung jawab" in pages[-1] and "Kemenag Perluas Beasiswa Santri Tahap 2" in pages[-1]


def test_approval_moment_stays_on_one_line(tmp_path):
    """'Disetujui <day>, <date> · 15.30 WIB' never leaves "WIB" alone on the next line."""
    pages = single(clipping(2, 100), tmp_path)
    line = next(x for x in pages[-1].splitlines() if "Disetujui" in x)
    assert line.replace("\xa0", " ").endswith("15.30 WIB")


@pytest.mark.parametrize("layout", [PRINT, PHONE], ids=["a4", "ponsel"])
def test_long_address_starts_beside_its_label(tmp_path, layout):
    """A long article address is shortened to start on the "Tautan:" line, not alone below it."""
    url = ("https://warta-nusantara.example.id/read/2026/12/06/kasus-covid-19-varian-baru-naik-warga-"
           "diimbau-kembali-bermasker-di-keramaian-123456")
    edition = _edition(sections=(EditionSection("x", "Kementerian Agama", (_item(1, url=url),)),))
    info = render_pdf(edition, tmp_path / "tautan.pdf", generated_at=GENERATED, layout=layout)
    line = next(x for text in pages_of(info.path) for x in text.splitlines() if x.startswith("Tautan:"))
    assert "warta-nusantara.example.id/read" in line


def test_ringkasan_counts_have_a_word_header_and_whole_topic_names(tmp_path):
    """The counts' column is headed 'Berita' (no lone "n"); a long topic's chart label is not cut."""
    long_topic = "Penelitian dan Pengembangan (Balitbangdiklat)"
    sections = (EditionSection("kemenag", "Kementerian Agama", (_item(1), _item(2))),
                EditionSection("litbang", long_topic, (_item(3),)))
    info = render_pdf(_edition(sections=sections), tmp_path / "ringkasan.pdf", generated_at=GENERATED)
    ringkasan = pages_of(info.path)[1]
    lines = [x.strip() for x in ringkasan.splitlines()]
    assert "n" not in lines and not any(x.endswith(" n") for x in lines)
    assert "Topik Berita" in " ".join(ringkasan.split())
    assert "…" not in ringkasan  # the chart printed "Penelitian dan Pengembanga…"
    assert chart_label(long_topic) == "Penelitian dan Pengembangan\n(Balitbangdiklat)"


@pytest.mark.parametrize("words", [40, 70, 90, 110, 140])  # 70-110 split them before
def test_ringkasan_statistics_never_stand_alone(tmp_path, words):
    """Whatever the highlights' length, the 'Sebaran Berita' chart and its tables share a page."""
    items = tuple(_item(n, highlight=True, summary=news_text(words, n)) for n in range(1, 4))
    info = render_pdf(_edition(sections=(EditionSection("x", "Kementerian Agama", items),)),
                      tmp_path / "sorotan.pdf", generated_at=GENERATED)
    pages = [" ".join(text.split()) for text in pages_of(info.path)]
    heading = next(i for i, text in enumerate(pages) if "Sebaran Berita" in text)
    assert "Berita per topik" in pages[heading] and re.search(r"\bTopik\b", pages[heading])  # the table


def test_emoji_leaves_no_broken_text_map(tmp_path, caplog):
    """Characters beyond the BMP (emoji) are dropped: reportlab wrote an invalid ToUnicode for them."""
    item = _item(1, text="Warganet bereaksi 😳 dan 😀 atas kabar itu ✓ ya.")
    with caplog.at_level(logging.WARNING, logger="pypdf"):
        text = " ".join(single(item, tmp_path))
    assert "Warganet bereaksi" in text and "✓" in text
    assert not [r for r in caplog.records if "hex" in r.getMessage()]


@pytest.mark.parametrize("photo", [False, True])
def test_long_clipping_prints_its_header_once_and_all_its_text(tmp_path, photo):
    """A clipping over several pages (beside a tall photo or not) has one header and its whole text."""
    item = clipping(4, 1200, image=_jpeg(900, 1400) if photo else None)
    pages = [" ".join(text.split()) for text in single(item, tmp_path)]
    assert sum("Tautan:" in text and item.title in text for text in pages) == 1
    assert " ".join(item.text.split()[-6:]) in " ".join(pages)
