"""Benchmark: render synthetic 100- and 500-article editions, beside plain platypus.

``--pages`` measures the layout instead: PDF pages per printed article, and pages with six
lines or fewer, on the demo edition and on editions of REAL article lengths (texts from
../shared/corpus, read where they lie, never copied; see bench/_corpus.py).
"""

from __future__ import annotations

import argparse
import logging
import random
import re
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Image as RLImage
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clipper.edition.pdf import render_pdf  # noqa: E402
from clipper.edition.pdf_images import prepare_image  # noqa: E402
from clipper.edition.pdf_parts import PRINT  # noqa: E402
from clipper.edition.pdf_text import SANS, face, register_fonts  # noqa: E402
from clipper.models import Edition, EditionItem, EditionSection, Narasumber  # noqa: E402

logger = logging.getLogger(__name__)

WORDS = (
    "kementerian agama madrasah santri pesantren haji umrah kerukunan moderasi beragama "
    "penyuluh zakat wakaf sertifikasi halal anggaran pendidikan guru siswa daerah program "
    "bantuan pemerintah menteri kepala balai penelitian pengembangan pelatihan masyarakat"
).split()
SECTIONS = [("pendidikan", "Pendidikan Keagamaan"), ("haji", "Haji dan Umrah"),
            ("kerukunan", "Kerukunan Umat"), ("halal", "Jaminan Produk Halal"),
            ("zakat", "Zakat dan Wakaf"), ("litbang", "Riset dan Diklat")]
MEDIA = ["Harian Nusantara", "Warta Madani", "Kabar Pagi", "Suara Timur", "Berita Kota",
         "Jurnal Khatulistiwa", "Media Priangan", "Tribun Selatan"]


def photo(seed: int, size=(1400, 900)) -> bytes:
    """A photo-like JPEG (gradient, shapes, grain) larger than the PDF keeps."""
    rnd = random.Random(seed)
    img = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x, y = rnd.randrange(size[0]), rnd.randrange(size[1])
        r = rnd.randrange(20, 220)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=tuple(rnd.randrange(256) for _ in range(3)))
    img = img.filter(ImageFilter.GaussianBlur(3))
    noise = Image.effect_noise(size, 60).convert("RGB")
    img = Image.blend(img, noise, 0.22)  # grain: recompressed ~60 KB, like a news photo
    out = BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


def make_edition(n: int) -> Edition:
    """A synthetic edition of ``n`` clippings (~4,000 characters and a photo each)."""
    rnd = random.Random(n)
    photos = [photo(i) for i in range(6)]
    buckets: list[list[EditionItem]] = [[] for _ in SECTIONS]
    for i in range(n):
        paras = ["Jakarta — " + " ".join(rnd.choice(WORDS) for _ in range(70)).capitalize() + "."
                 for _ in range(8)]
        item = EditionItem(
            article_id=i, title=f"Berita {i}: " + " ".join(rnd.choice(WORDS) for _ in range(8)).title(),
            media=MEDIA[i % len(MEDIA)], url=f"https://media{i % 8}.example.id/berita/{i}-judul-berita",
            text="\n\n".join(paras),
            published_at=datetime(2026, 11, 24, 6, 0, tzinfo=timezone.utc) - timedelta(minutes=7 * i),
            rubrik="Nasional", author="Redaksi", tags=("kemenag", "madrasah"),
            tone=("positif", "netral", "negatif")[i % 3],
            narasumber=(Narasumber("Ahmad Fauzi", "Kepala Balai"),),
            summary=" ".join(rnd.choice(WORDS) for _ in range(40)).capitalize() + ".",
            image=photos[i % len(photos)], highlight=i % 40 == 0,
        )
        buckets[i % len(SECTIONS)].append(item)
    sections = tuple(EditionSection(t, label, tuple(items)) for (t, label), items in zip(SECTIONS, buckets))
    return Edition(date=date(2026, 11, 24), number="212/2026", sections=sections, status="final",
                   editor="Dra. Nur Aini", approved_at=datetime(2026, 11, 24, 15, 30, tzinfo=timezone.utc))


def plain_platypus(edition: Edition, path: Path, images: bool = True) -> int:
    """The same text and (pre-shrunk) images with bare platypus: no TOC, header, QR."""
    register_fonts()
    style = ParagraphStyle("b", fontName=face(SANS), fontSize=10.5, leading=15.5)
    story = []
    for item in edition.items:
        story.append(Paragraph(item.title, style))
        if images:
            w, h = Image.open(BytesIO(item.image)).size  # the original JPEG, embedded as is
            story.append(RLImage(BytesIO(item.image), PRINT.frame_w, PRINT.frame_w * h / w))
        story += [Paragraph(p, style) for p in item.text.split("\n\n")]
        story.append(PageBreak())
    doc = SimpleDocTemplate(str(path))
    doc.build(story)
    return doc.page


_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])|(?<=[.!?])(?=[A-Z])")
PARAGRAPH_WORDS = 20  # real paragraphs: median 22 words (the 617 gold lines of ../shared/corpus/pages)
SHORT_PAGE_LINES = 6  # a page with this few body lines or fewer is a (nearly) wasted page
_FURNITURE = re.compile(r"^(Kliping Berita Harian · No\.|halaman \d+ dari|\d+$|DRAF$)")


def real_paragraphs(text: str) -> str:
    """The text with its paragraphs; a text stored as one block is cut after every ~20 words' sentence."""
    if "\n" in text.strip():
        return text
    paras, words = [], []
    for sentence in _SENTENCE_END.split(" ".join(text.split())):
        words += sentence.split()
        if len(words) >= PARAGRAPH_WORDS:
            paras.append(" ".join(words))
            words = []
    return "\n".join(paras + ([" ".join(words)] if words else []))


def real_edition(count: int, seed: int) -> Edition:
    """``count`` real articles (random, fixed seed) dressed as an editor would: most with a lead
    photo, a third with a summary, tags and narasumber on some; four sections."""
    from _corpus import pool_texts
    rnd = random.Random(seed)
    pool = pool_texts()
    photos = [photo(i) for i in range(6)]
    buckets: list[list[EditionItem]] = [[] for _ in SECTIONS[:4]]
    for i, (pool_id, title, text, _day) in enumerate(rnd.sample(pool, count)):
        body = real_paragraphs(text)
        item = EditionItem(
            article_id=i, title=title or " ".join(text.split()[:14]), media=MEDIA[i % len(MEDIA)],
            url=f"https://media{i % 8}.example.id/berita/{pool_id}-judul-berita-yang-panjang",
            text=body, published_at=datetime(2026, 11, 24, 6, 0, tzinfo=timezone.utc) - timedelta(minutes=7 * i),
            rubrik="Nasional" if i % 2 else None, author="Redaksi" if i % 3 else None,
            tags=("kemenag", "madrasah") if i % 2 else (), tone=("positif", "netral", "negatif", None)[i % 4],
            narasumber=(Narasumber("Ahmad Fauzi", "Kepala Balai"),) if i % 3 == 0 else (),
            summary=" ".join(body.split()[:45]) + "." if i % 3 == 1 else None,
            image=photos[i % len(photos)] if rnd.random() < 0.8 else None, highlight=i < 3,
        )
        buckets[i % len(buckets)].append(item)
    sections = tuple(EditionSection(t, label, tuple(items)) for (t, label), items in zip(SECTIONS, buckets))
    return Edition(date=date(2026, 11, 24), number="212/2026", sections=sections, status="final",
                   editor="Dra. Nur Aini", approved_at=datetime(2026, 11, 24, 15, 30, tzinfo=timezone.utc))


def short_pages(path: Path) -> int:
    """Pages with SHORT_PAGE_LINES body lines or fewer (running header and footer not counted)."""
    import pypdf
    short = 0
    for page in pypdf.PdfReader(path).pages:
        lines = [x for x in (page.extract_text() or "").splitlines() if x.strip()]
        body = [x for x in lines[2:] if not _FURNITURE.match(x.strip())]  # lines[:2]: running header
        short += len(body) - 1 <= SHORT_PAGE_LINES  # the footer's institution line
    return short


def demo_pdf(out: Path) -> tuple[int, Path]:
    """The demo edition (`clipper demo`): its printed articles and its PDF."""
    from clipper.cli.demo import run_demo
    from clipper.store.archive import Archive
    from clipper.store.editions import editions_of
    run_demo(out, report=lambda line: None)
    with Archive(out / "arsip.db") as archive:
        pdf = next(out.glob("kliping-*.pdf"))
        record = editions_of(archive, pdf.stem.removeprefix("kliping-"))[-1]
    return record.articles or 0, pdf


def pages_report() -> None:
    """Pages per printed article: the demo, then editions of real article lengths."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    out = Path(tempfile.mkdtemp(prefix="clipper-bench-pages-"))
    print(f"{'edition':28} {'articles':>8} {'pages':>6} {'pages/art':>9} {'target':>6} {'short':>6} {'MB':>6}")

    def row(name: str, articles: int, path: Path) -> None:
        import pypdf
        pages = len(pypdf.PdfReader(path).pages)
        target = int(1.3 * articles + 4)
        print(f"{name:28} {articles:8d} {pages:6d} {pages / articles:9.2f} {target:6d} {short_pages(path):6d} "
              f"{path.stat().st_size / 1e6:6.2f}")

    row("demo", *demo_pdf(out / "demo"))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for count, seed in ((72, 1), (72, 2), (72, 3), (400, 4)):
        edition = real_edition(count, seed)
        info = render_pdf(edition, out / f"real-{count}-{seed}.pdf")
        row(f"real lengths {count} (seed {seed})", count, info.path)
    print(f"files in {out}")


def main() -> None:
    """Print seconds, pages, pages/s and size for each edition size (``--pages``: the layout figures)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="pages per article: demo and real article lengths")
    if parser.parse_args().pages:
        pages_report()
        return
    out = Path(tempfile.mkdtemp(prefix="clipper-bench-"))
    print(f"{'case':32} {'seconds':>8} {'pages':>6} {'pages/s':>8} {'MB':>6}")
    for n in (100, 500):
        edition = make_edition(n)
        t0 = time.perf_counter()
        info = render_pdf(edition, out / f"edition-{n}.pdf")
        dt = time.perf_counter() - t0
        print(f"{'render_pdf ' + str(n):32} {dt:8.2f} {info.pages:6d} {info.pages / dt:8.0f} {info.size / 1e6:6.2f}")
        for images in (True, False):
            name = f"plain platypus {n}" + ("" if images else " (no images)")
            t0 = time.perf_counter()
            pages = plain_platypus(edition, out / "plain.pdf", images)
            dt = time.perf_counter() - t0
            size = (out / "plain.pdf").stat().st_size
            print(f"{name:32} {dt:8.2f} {pages:6d} {pages / dt:8.0f} {size / 1e6:6.2f}")
    photos = [photo(100 + i) for i in range(10)]
    t0 = time.perf_counter()
    sizes = [len(prepare_image(p)[0]) for p in photos]
    dt = (time.perf_counter() - t0) / len(photos)
    print(f"prepare_image per distinct 1400x900 photo: {dt * 1000:.1f} ms, {sum(sizes) / len(sizes) / 1e3:.0f} KB")
    print(f"files in {out}")


if __name__ == "__main__":
    main()
