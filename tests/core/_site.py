"""A small fictional news web for pipeline tests, served by clipper.cli.demo.DemoServer."""

from __future__ import annotations

import time
from html import escape
from pathlib import Path

from clipper.cli.demo import DemoHandler

# Sentences written for these tests; each article draws a distinct set so that only the
# deliberate syndicated copies look alike.
SENTENCES = [
    "Kementerian Agama meluncurkan layanan pendaftaran nikah daring di seluruh KUA.",
    "Layanan ini memungkinkan calon pengantin mengunggah berkas tanpa antre di kantor.",
    "Petugas KUA akan memverifikasi dokumen dalam tiga hari kerja setelah pengajuan.",
    "Warga di kecamatan terpencil menyambut baik kemudahan yang ditawarkan sistem baru itu.",
    "Balai Litbang Agama Semarang memaparkan hasil penelitian tentang tradisi sedekah bumi.",
    "Para peneliti mewawancarai tokoh adat dan pemuka agama di empat kabupaten.",
    "Temuan menunjukkan tradisi tersebut memperkuat kerukunan antarwarga yang berbeda keyakinan.",
    "Laporan lengkap akan diterbitkan dalam jurnal ilmiah balai pada awal tahun depan.",
    "Vaksinasi penguat bagi santri digelar di sebuah pondok pesantren di Jawa Timur.",
    "Tenaga kesehatan puskesmas setempat menyuntikkan dosis kepada lebih dari lima ratus santri.",
    "Pengasuh pondok meminta para santri tetap menjaga protokol kesehatan di asrama.",
    "Kegiatan belajar mengajar berjalan seperti biasa setelah vaksinasi selesai dilakukan.",
    "Tim sepak bola kota itu menang dua gol tanpa balas pada laga kandang semalam.",
    "Pelatih memuji kedisiplinan lini belakang yang tampil rapat sepanjang pertandingan.",
    "Suporter memadati stadion meski hujan turun sejak sore hari.",
    "Kemenangan ini membawa tim naik ke peringkat ketiga klasemen sementara.",
    "Harga cabai di pasar tradisional naik tajam menjelang akhir pekan.",
    "Pedagang menyebut pasokan dari sentra produksi berkurang akibat cuaca buruk.",
    "Pemerintah daerah berjanji menggelar operasi pasar untuk menahan kenaikan harga.",
    "Ibu rumah tangga mengeluhkan belanja harian yang semakin mahal.",
    "Puslitbang Lektur menelusuri naskah kuno yang tersimpan di surau tua di pesisir barat.",
    "Sebagian naskah ditulis dengan aksara Jawi dan memuat catatan tentang hukum waris.",
    "Tim konservasi membersihkan lembaran yang rapuh dengan kuas halus dan kertas khusus.",
    "Pemilik naskah mengizinkan pemotretan resolusi tinggi untuk kepentingan kajian.",
    "Hasil digitalisasi akan dapat diakses publik melalui perpustakaan digital lembaga.",
    "Peneliti berharap generasi muda tertarik mempelajari warisan tulisan leluhur mereka.",
    "Kegiatan serupa direncanakan berlanjut ke tiga provinsi lain pada tahun berikutnya.",
    "Pemerintah kabupaten menyatakan siap mendukung penyimpanan naskah yang lebih layak.",
]


def paragraphs(indices: list[int], repeat: int = 3) -> list[str]:
    """Paragraphs built from the chosen sentences, long enough for extraction."""
    chosen = [SENTENCES[i] for i in indices]
    return [" ".join(chosen[j:] + chosen[:j]) for j in range(min(repeat, len(chosen)))] + chosen


def article_page(title: str, paras: list[str], *, media: str, published: str,
                 next_page: str | None = None, extra_body: str = "") -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
    pager = f'<div class="pager"><a href="{next_page}" rel="next">Halaman 2</a></div>' if next_page else ""
    link_next = f'<link rel="next" href="{next_page}">' if next_page else ""
    return f"""<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{escape(title)} - {escape(media)}</title>
<meta property="og:title" content="{escape(title)}"><meta property="og:site_name" content="{escape(media)}">
<meta property="article:published_time" content="{published}">{link_next}
</head><body>
<header><nav><a href="/">Beranda</a> <a href="/nasional/">Nasional</a> <a href="/olahraga/">Olahraga</a></nav></header>
<main><article><h1>{escape(title)}</h1><div class="byline">Oleh Redaksi</div>
<div class="content">{body}{extra_body}</div>{pager}</article></main>
<aside><h3>Terpopuler</h3><ul><li><a href="/x/1">Berita lain satu</a></li><li><a href="/x/2">Berita lain dua</a></li></ul></aside>
<footer>Hak cipta {escape(media)}. Semua hak dilindungi.</footer>
</body></html>"""


def rss(items: list[tuple[str, str, str]]) -> str:
    entries = "\n".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><pubDate>{d}</pubDate></item>"
        for t, link, d in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Feed</title><link>{{{{BASE}}}}/</link><description>x</description>
{entries}</channel></rss>"""


ARTICLES = {
    # path: (title, sentence indices, published)
    "warta/kua-daring.html": ("Kemenag Luncurkan Pendaftaran Nikah Daring", [0, 1, 2, 3], "{{DATE}}T08:00:00+07:00"),
    "warta/litbang-sedekah-bumi.html": ("Balai Litbang Agama Teliti Sedekah Bumi", [4, 5, 6, 7], "{{DATE}}T09:00:00+07:00"),
    "warta/sepak-bola.html": ("Tim Kota Menang Dua Gol", [12, 13, 14, 15], "{{DATE}}T10:00:00+07:00"),
    "kabar/vaksin-santri.html": ("Vaksinasi Penguat untuk Santri", [8, 9, 10, 11], "{{DATE}}T07:00:00+07:00"),
    "kabar/harga-cabai.html": ("Harga Cabai Naik Tajam", [16, 17, 18, 19], "{{DATE}}T11:00:00+07:00"),
}


def build_site(root: Path) -> Path:
    """Write the test web under ``root`` and return it."""
    for path, (title, idx, published) in ARTICLES.items():
        media = "Warta Uji" if path.startswith("warta") else "Kabar Uji"
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        extra = '<p><strong>Baca juga:</strong> <a href="/x/9">Berita terkait lain</a></p>' if "kua" in path else ""
        target.write_text(article_page(title, paragraphs(idx), media=media, published=published,
                                       extra_body=extra), encoding="utf-8")
    # the KUA story syndicated by Kabar Uji with a new intro and a changed sentence
    copy = paragraphs([0, 1, 2, 3])
    copy[0] = "JAKARTA - " + copy[0]
    copy[-1] = "Warga desa menyambut gembira kemudahan layanan baru tersebut."
    (root / "kabar/nikah-daring.html").write_text(
        article_page("Nikah Kini Bisa Didaftarkan Daring", copy, media="Kabar Uji",
                     published="{{DATE}}T08:30:00+07:00"), encoding="utf-8")
    # a two-page article
    first, second = paragraphs([20, 21, 22, 23])[:3], paragraphs([24, 25, 26, 27])[3:]
    second = ["Halaman dua: " + p for p in second]
    (root / "kabar/dua-halaman.html").write_text(article_page(
        "Penelitian Dua Halaman", first, media="Kabar Uji", published="{{DATE}}T06:00:00+07:00",
        next_page="{{BASE}}/kabar/dua-halaman-2.html"), encoding="utf-8")
    (root / "kabar/dua-halaman-2.html").write_text(article_page(
        "Penelitian Dua Halaman", second, media="Kabar Uji", published="{{DATE}}T06:00:00+07:00"),
        encoding="utf-8")
    (root / "kabar/tantangan.html").write_text(
        "<html><head><title>Just a moment...</title></head><body><div id='challenge-platform'>"
        "Checking your browser before accessing.</div></body></html>", encoding="utf-8")
    links = "".join(f'<li><a href="/kabar/berita-{i}.html">Judul berita nomor {i} di indeks</a></li>'
                    for i in range(60))
    (root / "kabar/indeks.html").write_text(
        f"<html lang='id'><head><title>Indeks Berita</title></head><body><h1>Indeks</h1><ul>{links}</ul>"
        "</body></html>", encoding="utf-8")
    (root / "kabar/gambar.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    base = "{{BASE}}"
    (root / "warta/rss.xml").write_text(rss([
        ("Kemenag Luncurkan Pendaftaran Nikah Daring", f"{base}/warta/kua-daring.html?utm_source=rss&amp;utm_medium=feed", "{{RFCDATE}} 08:00:00 WIB"),
        ("Balai Litbang Agama Teliti Sedekah Bumi", f"{base}/warta/litbang-sedekah-bumi.html", "{{RFCDATE}} 09:00:00 WIB"),
        ("Tim Kota Menang Dua Gol", f"{base}/warta/sepak-bola.html", "{{RFCDATE}} 10:00:00 WIB"),
        ("Duplikat lewat tautan pelacak", f"{base}/warta/kua-daring.html#komentar", "{{RFCDATE}} 08:00:00 WIB"),
    ]), encoding="utf-8")
    (root / "kabar/rss.xml").write_text(rss([
        ("Vaksinasi Penguat untuk Santri", f"{base}/kabar/vaksin-santri.html", "{{RFCDATE}} 07:00:00 +0700"),
        ("Harga Cabai Naik Tajam", f"{base}/kabar/harga-cabai.html", "{{RFCDATE}} 11:00:00 +0700"),
        ("Nikah Kini Bisa Didaftarkan Daring", f"{base}/kabar/nikah-daring.html", "{{RFCDATE}} 08:30:00 +0700"),
        ("Penelitian Dua Halaman", f"{base}/kabar/dua-halaman.html", "{{RFCDATE}} 06:00:00 +0700"),
        ("Bukan HTML", f"{base}/kabar/gambar.html", "{{RFCDATE}} 05:00:00 +0700"),
        ("Hilang", f"{base}/kabar/tidak-ada.html", "{{RFCDATE}} 05:00:00 +0700"),
        ("Tantangan bot", f"{base}/kabar/tantangan.html", "{{RFCDATE}} 04:00:00 +0700"),
        ("Halaman indeks", f"{base}/kabar/indeks.html", "{{RFCDATE}} 04:00:00 +0700"),
    ]), encoding="utf-8")
    return root


CONFIG = """\
sources:
  - name: Warta Uji
    feed: "{{BASE}}/warta/rss.xml"
  - name: Kabar Uji
    feed: "{{BASE}}/kabar/rss.xml"
  - name: Rusak Uji
    feed: "{{BASE}}/rusak/rss.xml"
harvest:
  per_host: 4
  retries: 0
  timeout: 10
"""


class SlowHandler(DemoHandler):
    """Serves the test web with a fixed latency per article page (for kill -9 tests)."""

    latency = 0.4

    def do_GET(self) -> None:  # noqa: N802
        if self.path.endswith(".html"):
            time.sleep(self.latency)
        super().do_GET()
