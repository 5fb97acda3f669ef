"""A synthetic Indonesian news web on loopback: page/feed generator and a fast server.

All text is fictional, composed from the sentence pools below. Run the server alone with
``python bench/_web.py serve DIR --port P`` (DIR as written by ``write_corpus``).
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import logging
import random
import re
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

logger = logging.getLogger(__name__)

WIB = timezone(timedelta(hours=7))
# Page sizes seen on Indonesian news sites (article pages with chrome, uncompressed):
# 40-60 KB for the lighter ones; the issue asks for ~50 KB.
PAGE_BYTES = (45_000, 55_000)
BODY_WORDS = (400, 800)

MEDIA = ["Warta Nusantara", "Kabar Madani", "Suara Khatulistiwa", "Harian Cakrawala", "Berita Priangan",
         "Jurnal Serambi", "Media Bahari", "Tribuana News", "Lentera Pagi", "Gema Rakyat",
         "Pelita Timur", "Kronik Andalas", "Sinar Borneo", "Obor Celebes", "Mimbar Dwipa",
         "Kompas Desa", "Radar Pesisir", "Buana Kita", "Swara Minang", "Fajar Sunda"]
RUBRIK = [("nasional", "Nasional"), ("pendidikan", "Pendidikan"), ("keagamaan", "Keagamaan"),
          ("daerah", "Daerah"), ("haji-umrah", "Haji & Umrah"), ("ekonomi", "Ekonomi Syariah"),
          ("sosial", "Sosial"), ("riset", "Riset")]
FIRST = ("Ahmad Budi Citra Dewi Eko Fitri Gilang Hana Imam Joko Kartika Lukman Maya Nurul Oki Putri "
         "Rahmat Sari Taufik Umi Vina Wahyu Yusuf Zainal Agus Bambang Dian Farida Hendra Indah").split()
LAST = ("Santoso Wijaya Hidayat Nugroho Lestari Saputra Rahman Kurniawan Siregar Nasution Harahap "
        "Pratama Setiawan Syahputra Wibowo Halim Maulana Fauzi Hasibuan Lubis Prasetyo Susanto").split()
ROLE = ["Kepala Kantor Wilayah", "Direktur Jenderal", "Sekretaris Daerah", "Ketua Forum", "Kepala Balai",
        "Rektor", "Kepala Madrasah", "Peneliti Utama", "Anggota Komisi", "Kepala Dinas", "Camat",
        "Ketua Yayasan", "Koordinator Penyuluh", "Kepala Bidang", "Wakil Bupati"]
BODY = ["Kementerian Agama", "Balai Diklat Keagamaan", "Pemerintah Kabupaten", "DPRD Provinsi",
        "Forum Kerukunan Umat Beragama", "Badan Amil Zakat", "Universitas Islam Negeri", "Madrasah Aliyah",
        "Kantor Urusan Agama", "Pondok Pesantren", "Dinas Pendidikan", "Badan Wakaf", "Lembaga Riset Daerah",
        "Pusat Kajian Moderasi", "Koperasi Syariah", "Balai Litbang Agama"]
PLACE = ("Jakarta Bandung Semarang Surabaya Medan Padang Palembang Makassar Manado Ambon Jayapura Kupang "
         "Mataram Denpasar Pontianak Banjarmasin Samarinda Kendari Palu Gorontalo Ternate Jambi Bengkulu "
         "Pekanbaru Batam Serang Cirebon Garut Tasikmalaya Sukabumi Malang Jember Kediri Madiun Solo "
         "Yogyakarta Purwokerto Tegal Cilacap Lhokseumawe").split()
TOPIC = ["program sertifikasi guru madrasah", "pembangunan asrama haji", "penyaluran bantuan operasional",
         "pelatihan penyuluh agama", "penguatan moderasi beragama", "digitalisasi layanan nikah",
         "revitalisasi perpustakaan madrasah", "seleksi petugas haji", "pendataan rumah ibadah",
         "penyusunan kurikulum pesantren", "pengelolaan dana zakat", "sertifikasi produk halal",
         "beasiswa santri berprestasi", "renovasi gedung sekolah", "survei indeks kerukunan",
         "pelatihan literasi digital", "pemetaan tanah wakaf", "lomba karya tulis ilmiah",
         "penerbitan jurnal penelitian", "festival budaya religi", "bimbingan manasik", "audit anggaran daerah"]
VERB = ["dinilai berjalan lancar", "akan diperluas tahun depan", "masih menghadapi kendala teknis",
        "mendapat sambutan positif warga", "ditargetkan rampung akhir bulan", "dievaluasi secara berkala",
        "melibatkan ratusan peserta", "memerlukan dukungan lintas sektor", "terus dipantau oleh tim khusus",
        "menjadi prioritas pemerintah daerah", "dilaksanakan secara bertahap", "dibiayai dari dana hibah",
        "mulai dirasakan manfaatnya", "akan diuji coba di beberapa kecamatan", "dipercepat sesuai arahan pusat"]
ADJUNCT = ["pada pekan ini", "sejak awal tahun", "di sejumlah kecamatan", "bersama tokoh masyarakat",
           "dalam rapat koordinasi terakhir", "menurut data terbaru", "di tengah keterbatasan anggaran",
           "setelah melalui kajian panjang", "dengan pendampingan akademisi", "di wilayah perbatasan",
           "seiring meningkatnya partisipasi warga", "sesuai rencana strategis lima tahun"]
QUOTE = ["kami ingin memastikan layanan ini menjangkau seluruh lapisan masyarakat",
         "semua pihak perlu duduk bersama agar persoalan ini cepat selesai",
         "hasil evaluasi menunjukkan ada kemajuan yang cukup berarti",
         "anggaran yang tersedia akan kami gunakan seefisien mungkin",
         "kami berharap kegiatan serupa dapat digelar setiap tahun",
         "peran tokoh agama sangat menentukan keberhasilan program ini",
         "data yang kami kumpulkan akan menjadi dasar kebijakan berikutnya",
         "masyarakat tidak perlu khawatir karena prosesnya transparan"]
SAY = ["ujar", "kata", "tutur", "jelas", "ungkap", "tegas"]
NOUN = ("program pelatihan bantuan pembangunan renovasi sertifikasi seleksi pendataan penyaluran pengawasan "
        "sosialisasi pendampingan evaluasi penguatan revitalisasi digitalisasi pemetaan penyusunan pengadaan "
        "perbaikan kajian survei lomba festival bimbingan pembinaan penataan pemeriksaan verifikasi rekrutmen").split()
OBJ = ["guru madrasah", "asrama haji", "rumah ibadah", "tanah wakaf", "dana zakat", "produk halal",
       "kurikulum pesantren", "perpustakaan madrasah", "penyuluh agama", "calon jemaah", "santri", "layanan nikah",
       "ruang kelas", "jalan desa", "air bersih", "koperasi syariah", "gedung serbaguna", "buku pelajaran",
       "data kependudukan", "pustakawan", "arsip daerah", "laboratorium", "balai nikah", "tenaga honorer",
       "anak yatim", "lansia", "pelaku usaha mikro", "petani", "nelayan", "relawan", "penghulu", "pengawas sekolah"]
QUAL = ["terpadu", "berkelanjutan", "tahap kedua", "tingkat kabupaten", "berbasis digital", "lintas agama",
        "skala nasional", "tahun ini", "gelombang ketiga", "percontohan", "reguler", "darurat", "terintegrasi",
        "mandiri", "partisipatif", "tingkat provinsi", "jangka pendek"]
ACT = ("meninjau menyiapkan mengevaluasi memperluas meresmikan menunda mempercepat mengawasi mendukung menyoroti "
       "membahas mengkaji menyetujui menargetkan menuntaskan mengusulkan menginisiasi memantau menyerahkan "
       "merampungkan").split()
STATE = ["berjalan lancar", "diperluas tahun depan", "menghadapi kendala teknis", "disambut positif warga",
         "rampung akhir bulan", "dievaluasi berkala", "melibatkan ratusan peserta", "butuh dukungan lintas sektor",
         "dipantau tim khusus", "menjadi prioritas daerah", "dilaksanakan bertahap", "dibiayai dana hibah",
         "mulai dirasakan manfaatnya", "diuji coba", "dipercepat"]
WHEN = ["pada Senin", "pada Selasa", "pada Rabu", "pada Kamis", "pada Jumat", "pada Sabtu", "pada Minggu",
        "pekan lalu", "awal bulan ini", "kemarin", "sejak Januari", "bulan depan", "tahun lalu", "pagi tadi"]
GROUP = ["tokoh masyarakat", "akademisi", "ulama setempat", "pengurus masjid", "perangkat desa", "mahasiswa",
         "aparat kecamatan", "organisasi pemuda", "komite sekolah", "penyuluh lapangan", "wartawan", "orang tua siswa"]
REASON = ["jumlah peserta melonjak", "cuaca kurang mendukung", "data belum lengkap", "anggaran terbatas",
          "minat warga tinggi", "regulasi baru terbit", "jaringan internet belum merata", "lokasi cukup jauh",
          "petugas masih kurang", "koordinasi sudah membaik"]
UNIT = ["kecamatan", "desa", "madrasah", "pesantren", "kelurahan", "sekolah", "kabupaten", "majelis taklim"]
PEOPLE = ["peserta", "warga", "guru", "santri", "jemaah", "penyuluh", "pelajar", "relawan"]


def _name(rnd: random.Random) -> str:
    return f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"


def _num(rnd: random.Random) -> str:
    return f"{rnd.randrange(2, 9000):,}".replace(",", ".")


def _thing(rnd: random.Random) -> str:
    qual = f" {rnd.choice(QUAL)}" if rnd.random() < 0.6 else ""
    return f"{rnd.choice(NOUN)} {rnd.choice(OBJ)}{qual}"


def _sentence(rnd: random.Random) -> str:
    """One fictional news sentence: a pattern filled word by word from the pools."""
    c = rnd.choice
    kind = rnd.randrange(9)
    if kind == 0:
        return (f"{c(ROLE)} {c(BODY)} {c(PLACE)}, {_name(rnd)}, mengatakan pihaknya {c(ACT)} {_thing(rnd)} "
                f"{c(WHEN)}.")
    if kind == 1:
        return (f"\"Kami {c(ACT)} {_thing(rnd)} agar {c(OBJ)} di {c(PLACE)} {c(STATE)},\" {c(SAY)} "
                f"{_name(rnd)} {c(WHEN)}.")
    if kind == 2:
        return (f"Tercatat {_num(rnd)} {c(PEOPLE)} dari {rnd.randrange(3, 90)} {c(UNIT)} mengikuti "
                f"{_thing(rnd)} di {c(PLACE)} {c(WHEN)}.")
    if kind == 3:
        return f"Anggaran Rp{_num(rnd)} juta disiapkan untuk {_thing(rnd)}, sedangkan {_thing(rnd)} {c(STATE)}."
    if kind == 4:
        return f"Menurut {_name(rnd)}, {_thing(rnd)} di {c(PLACE)} {c(STATE)} karena {c(REASON)}."
    if kind == 5:
        return f"{c(BODY)} {c(PLACE)} juga {c(ACT)} {_thing(rnd)} bersama {c(GROUP)} {c(WHEN)}."
    if kind == 6:
        return f"Sebelumnya, {_name(rnd)} {c(ACT)} {_thing(rnd)} di {rnd.randrange(2, 40)} {c(UNIT)} {c(WHEN)}."
    if kind == 7:
        return f"Ia menambahkan, {_thing(rnd)} {c(STATE)} meski {c(REASON)}."
    return f"Warga {c(PLACE)} berharap {_thing(rnd)} {c(STATE)} sehingga {c(PEOPLE)} tidak lagi mengeluh."


def _headline(rnd: random.Random) -> str:
    topic = rnd.choice(TOPIC)
    forms = [f"{topic.capitalize()} di {rnd.choice(PLACE)} {rnd.choice(VERB)}",
             f"{_name(rnd)}: {topic.capitalize()} {rnd.choice(VERB)}",
             f"{rnd.choice(BODY)} {rnd.choice(PLACE)} Genjot {topic.title()}",
             f"Ribuan Warga {rnd.choice(PLACE)} Ikuti {topic.title()}"]
    return rnd.choice(forms)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _body(rnd: random.Random, place: str, media: str) -> list[str]:
    """Paragraphs of 400-800 words; the first opens with the dateline."""
    target, words, paras = rnd.randrange(*BODY_WORDS), 0, []
    while words < target:
        para = " ".join(_sentence(rnd) for _ in range(rnd.randrange(2, 5)))
        if not paras:
            para = f"{place.upper()}, {media} — {para}"
        paras.append(para)
        words += len(para.split())
    return paras


@dataclass(frozen=True)
class Item:
    """One article of the corpus (what the feed lists)."""

    site: int
    host: str
    path: str
    title: str
    rubrik: tuple[str, str]
    published: datetime
    lead: str

    def url(self, port: int) -> str:
        return f"http://{self.host}:{port}{self.path}"


_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"]


def _wib(d: datetime) -> str:
    return f"{_DAYS[d.weekday()]}, {d.day} {_MONTHS[d.month - 1]} {d.year} | {d:%H:%M} WIB"


def _links(rnd: random.Random, n: int, cls: str, time_too: bool = False) -> str:
    out = []
    for _ in range(n):
        title = _headline(rnd)
        href = f"/berita/{rnd.choice(RUBRIK)[0]}/{rnd.randrange(10**6, 10**7)}/{_slug(title)}"
        extra = f'<span class="{cls}__time">{rnd.randrange(1, 59)} menit lalu</span>' if time_too else ""
        out.append(f'<li class="{cls}__item"><a href="{href}" class="{cls}__link" data-track="{cls}">'
                   f'<img src="/img/thumb/{rnd.randrange(10**8)}.jpg" alt="" loading="lazy" width="120" height="80">'
                   f'<h3 class="{cls}__title">{_esc(title)}</h3></a>{extra}</li>')
    return f'<ul class="{cls}">' + "".join(out) + "</ul>"


def _head(item: Item, media: str, url: str, desc: str, author: str, rnd: random.Random) -> str:
    iso = item.published.isoformat()
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": item.title,
          "datePublished": iso, "dateModified": iso, "author": {"@type": "Person", "name": author},
          "publisher": {"@type": "Organization", "name": media, "logo": {"@type": "ImageObject", "url": "/logo.png"}},
          "image": {"@type": "ImageObject", "url": f"/img/{item.site}/{rnd.randrange(10**8)}.jpg"},
          "mainEntityOfPage": url, "description": desc, "articleSection": item.rubrik[1]}
    crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": i + 1, "name": n, "item": u}
        for i, (n, u) in enumerate([("Beranda", "/"), (item.rubrik[1], f"/{item.rubrik[0]}")])]}
    css = "".join(f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i * 2731 % 0xffffff:06x}}}" for i in range(120))
    slots = "".join(f"googletag.defineSlot('/2196/{_slug(media)}/{n}',[[300,250],[336,280]],'div-gpt-{n}')"
                    f".addService(googletag.pubads());" for n in ("top", "mid1", "mid2", "side1", "side2", "bottom"))
    return f"""<head><meta charset="utf-8"><title>{_esc(item.title)} - {media}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="{_esc(desc)}">
<meta name="keywords" content="{_esc(item.rubrik[1])}, berita, {_esc(media)}"><meta name="author" content="{_esc(author)}">
<meta name="robots" content="index, follow, max-image-preview:large"><link rel="canonical" href="{url}">
<meta property="og:type" content="article"><meta property="og:title" content="{_esc(item.title)}">
<meta property="og:description" content="{_esc(desc)}"><meta property="og:url" content="{url}">
<meta property="og:site_name" content="{_esc(media)}"><meta property="og:image" content="/img/{item.site}/og.jpg">
<meta property="article:published_time" content="{iso}"><meta property="article:section" content="{item.rubrik[1]}">
<meta name="twitter:card" content="summary_large_image"><meta name="twitter:title" content="{_esc(item.title)}">
<link rel="preload" href="/assets/app.css" as="style"><link rel="stylesheet" href="/assets/app.css">
<link rel="icon" href="/favicon.ico"><link rel="amphtml" href="{url}/amp">
<style>{css}</style>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script type="application/ld+json">{json.dumps(crumbs, ensure_ascii=False)}</script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());
gtag('config','G-{rnd.randrange(10**9)}',{{'content_group':'{item.rubrik[0]}','author':'{_esc(author)}'}});
var googletag=googletag||{{}};googletag.cmd=googletag.cmd||[];googletag.cmd.push(function(){{{slots}
googletag.pubads().enableSingleRequest();googletag.enableServices();}});</script></head>"""


def _header(media: str, rnd: random.Random) -> str:
    nav = "".join(f'<li class="nav__item"><a href="/{s}">{n}</a><ul class="nav__sub">'
                  + "".join(f'<li><a href="/{s}/{_slug(p)}">{p}</a></li>' for p in rnd.sample(PLACE, 8))
                  + "</ul></li>" for s, n in RUBRIK)
    tags = "".join(f'<a class="trending__tag" href="/tag/{_slug(t)}">#{t.title()}</a>' for t in rnd.sample(TOPIC, 10))
    return (f'<header class="site-header"><div class="topbar"><span>{_wib(datetime.now(WIB))}</span>'
            '<a href="/login">Masuk</a> <a href="/daftar">Daftar</a> <a href="/epaper">E-Paper</a></div>'
            f'<a class="logo" href="/"><img src="/logo.png" alt="{_esc(media)}"></a>'
            '<form class="search" action="/cari"><input name="q" placeholder="Cari berita..."></form>'
            f'<nav class="nav"><ul>{nav}</ul></nav><div class="trending"><b>Trending:</b>{tags}</div></header>')


def _footer(media: str, rnd: random.Random) -> str:
    pages = ["Tentang Kami", "Redaksi", "Pedoman Media Siber", "Kode Etik", "Kebijakan Privasi", "Karier",
             "Kontak", "Info Iklan", "Disclaimer", "Indeks Berita", "RSS", "Sitemap"]
    net = "".join(f'<li><a href="https://{_slug(m)}.example.id/">{m}</a></li>' for m in MEDIA)
    return (f'<footer class="site-footer"><ul class="footer__links">'
            + "".join(f'<li><a href="/{_slug(p)}">{p}</a></li>' for p in pages)
            + f'</ul><div class="network"><h4>Jaringan Media</h4><ul>{net}</ul></div>'
            '<div class="social"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">Instagram</a> '
            '<a href="#">YouTube</a> <a href="#">TikTok</a></div>'
            f'<p class="copyright">© {datetime.now().year} {_esc(media)}. Seluruh hak cipta dilindungi. '
            'Dilarang mengambil dan/atau menayangkan ulang sebagian atau keseluruhan artikel tanpa izin.</p></footer>'
            f'<script src="/assets/vendor.{rnd.randrange(10**6)}.js" defer></script>'
            '<script src="https://securepubads.g.doubleclick.net/tag/js/gpt.js" async></script>'
            '<noscript><img src="/pixel.gif?ns=1" alt=""></noscript>')


def render_page(item: Item, media: str, port: int, seed: int) -> bytes:
    """The article page: chrome around a unique fictional body, padded to ~50 KB."""
    rnd = random.Random(seed)
    url = item.url(port)
    author = _name(rnd)
    paras = _body(rnd, rnd.choice(PLACE), media)
    desc = item.lead
    body = []
    for i, para in enumerate(paras):
        body.append(f"<p>{_esc(para)}</p>")
        if i == 1:
            body.append('<div class="ads ads--inline"><span>ADVERTISEMENT</span><div id="div-gpt-mid1"></div>'
                        '<span>SCROLL TO CONTINUE WITH CONTENT</span></div>')
        if i == 3:
            rel = _headline(rnd)
            body.append(f'<p><strong>Baca juga:</strong> <a href="/berita/x/{rnd.randrange(10**7)}/{_slug(rel)}">'
                        f"{_esc(rel)}</a></p>")
    initials = f"({rnd.choice(LAST)[:3].lower()}/{rnd.choice(LAST)[:3].lower()})"
    tags = "".join(f'<a href="/tag/{_slug(t)}" rel="tag">{t}</a>' for t in rnd.sample(TOPIC, 5))
    article = (f'<nav class="breadcrumb"><a href="/">Beranda</a> › <a href="/{item.rubrik[0]}">{item.rubrik[1]}</a></nav>'
               f'<article class="detail"><h1 class="detail__title">{_esc(item.title)}</h1>'
               f'<div class="detail__meta"><span class="detail__author">Penulis: {_esc(author)}</span>'
               f'<time class="detail__date" datetime="{item.published.isoformat()}">{_wib(item.published)}</time></div>'
               '<div class="share"><a href="#">Bagikan</a><a href="#">WhatsApp</a><a href="#">Salin tautan</a></div>'
               f'<figure class="detail__media"><img src="/img/{item.site}/{rnd.randrange(10**8)}.jpg" alt="">'
               f"<figcaption>Ilustrasi kegiatan di {rnd.choice(PLACE)}. (Foto: {_esc(_name(rnd))}/{_esc(media)})"
               f'</figcaption></figure><div class="detail__body-text">{"".join(body)}<p>{initials}</p></div>'
               f'<div class="detail__editor">Editor: {_esc(_name(rnd))}</div><div class="detail__tags">{tags}</div>'
               '</article><section class="related"><h2>Berita Terkait</h2>' + _links(rnd, 6, "related") + "</section>"
               '<div id="comments" class="comments"><h3>Komentar</h3><div id="disqus_thread"></div></div>')
    side = ('<aside class="sidebar"><div class="ads ads--side"><div id="div-gpt-side1"></div></div>'
            '<section class="popular"><h2>Terpopuler</h2>' + _links(rnd, 10, "popular") + "</section>"
            '<section class="pilihan"><h2>Pilihan Redaksi</h2>' + _links(rnd, 5, "pilihan") + "</section>"
            '<div class="ads ads--side"><div id="div-gpt-side2"></div></div></aside>')
    head = f'<!DOCTYPE html><html lang="id">{_head(item, media, url, desc, author, rnd)}<body class="page-article">'
    top = head + _header(media, rnd) + f'<main class="container"><div class="content">{article}'
    tail = f"</div>{side}</main>{_footer(media, rnd)}</body></html>"
    target = rnd.randrange(*PAGE_BYTES)
    latest, size = [], len((top + tail).encode())
    while size < target:  # "Berita Terkini" under the article fills the page like on real sites
        chunk = _links(rnd, 4, "latest", time_too=True)
        latest.append(chunk)
        size += len(chunk.encode())
    middle = '<section class="latest"><h2>Berita Terkini</h2>' + "".join(latest) + "</section>"
    return (top + middle + tail).encode()


def _rfc822(d: datetime) -> str:
    return d.strftime("%a, %d %b %Y %H:%M:%S %z")  # C locale: English names, as RSS wants


def render_feed(items: list[Item], media: str, host: str, port: int) -> bytes:
    """RSS 2.0 listing the site's articles, newest first, pubDate in RFC 822 with +0700."""
    entries = "".join(
        f"<item><title>{_esc(i.title)}</title><link>{i.url(port)}</link><guid isPermaLink=\"true\">{i.url(port)}</guid>"
        f"<pubDate>{_rfc822(i.published)}</pubDate><category>{_esc(i.rubrik[1])}</category>"
        f"<description><![CDATA[{i.lead}]]></description></item>"
        for i in sorted(items, key=lambda i: i.published, reverse=True))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{_esc(media)}</title>'
            f"<link>http://{host}:{port}/</link><description>Berita terkini {_esc(media)}</description>"
            f"<language>id</language><lastBuildDate>{_rfc822(datetime.now(WIB))}</lastBuildDate>"
            f"{entries}</channel></rss>").encode()


def hosts(sites: int) -> list[str]:
    return [f"127.0.0.{k + 1}" for k in range(sites)]


def plan(sites: int, per_site: int, seed: int = 7) -> list[list[Item]]:
    """The corpus: per site, its articles (one every ~13 minutes backwards from now)."""
    now = datetime.now(WIB).replace(second=0, microsecond=0)
    out = []
    for s, host in enumerate(hosts(sites)):
        rnd = random.Random(seed * 1000 + s)
        items = []
        for k in range(per_site):
            title = _headline(rnd) + f" ({k + 1})" * (rnd.random() < 0.1)
            rubrik = rnd.choice(RUBRIK)
            published = now - timedelta(minutes=13 * k + rnd.randrange(0, 12) + s)
            path = f"/berita/{rubrik[0]}/{published:%Y/%m/%d}/{s * 100_000 + k}/{_slug(title)}"
            items.append(Item(s, host, path, title, rubrik, published, _sentence(rnd)))
        out.append(items)
    return out


def write_corpus(root: Path, sites: int, per_site: int, port: int, seed: int = 7,
                 real_pages: list[bytes] | None = None) -> list[tuple[str, Path]]:
    """Write pages and feeds under root/<host>/...; returns (url, file) for every article.

    With ``real_pages`` (saved real news pages), every article URL serves one of them in turn:
    the feeds and addresses are ours, the pages' markup and size are real.
    """
    pages = []
    for s, items in enumerate(plan(sites, per_site, seed)):
        host, media = hosts(sites)[s], MEDIA[s % len(MEDIA)]
        site_dir = root / host
        site_dir.mkdir(parents=True, exist_ok=True)
        (site_dir / "rss.xml").write_bytes(render_feed(items, media, host, port))
        for k, item in enumerate(items):
            file = site_dir / (item.path.strip("/").replace("/", "__") + ".html")
            file.write_bytes(real_pages[(s * per_site + k) % len(real_pages)] if real_pages
                             else render_page(item, media, port, seed * 10**6 + s * 1000 + k))
            pages.append((item.url(port), file))
    return pages


def free_port(host_list: list[str]) -> int:
    """A port that is free on every host (checked by binding; a tiny race remains)."""
    for _ in range(50):
        with socket.socket() as first:
            first.bind((host_list[0], 0))
            port = first.getsockname()[1]
            try:
                socks = []
                for host in host_list[1:]:
                    sock = socket.socket()
                    socks.append(sock)
                    sock.bind((host, port))
                return port
            except OSError:
                continue
            finally:
                for sock in socks:
                    sock.close()
    raise RuntimeError("no free port on all loopback hosts")


# --- server -----------------------------------------------------------------------------


def load_responses(root: Path) -> dict[tuple[str, str], tuple[bytes, bytes]]:
    """(host, path) -> (identity response, gzip response), headers included, all in memory."""
    table = {}
    for file in root.glob("*/*"):
        host = file.parent.name
        path = "/rss.xml" if file.name == "rss.xml" else "/" + file.name[:-5].replace("__", "/")
        ctype = "application/rss+xml; charset=utf-8" if file.suffix == ".xml" else "text/html; charset=utf-8"
        body = file.read_bytes()
        zipped = gzip.compress(body, 6, mtime=0)
        head = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nVary: Accept-Encoding\r\nCache-Control: max-age=60\r\n"
        table[host, path] = ((head + f"Content-Length: {len(body)}\r\n\r\n").encode() + body,
                             (head + f"Content-Encoding: gzip\r\nContent-Length: {len(zipped)}\r\n\r\n").encode()
                             + zipped)
    return table


_NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nnot found"


class _Http(asyncio.Protocol):
    """HTTP/1.1 GET with keep-alive from pre-rendered responses; nothing else."""

    table: dict = {}
    served = 0

    def connection_made(self, transport):
        self.transport, self.buffer = transport, b""
        self.host = transport.get_extra_info("sockname")[0]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            raw, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            lines = raw.decode("latin-1").split("\r\n")
            parts = lines[0].split(" ")
            headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:])}
            path = parts[1].split("?", 1)[0] if len(parts) > 1 else "/"
            pair = self.table.get((self.host, path))
            zipped = "gzip" in headers.get("accept-encoding", "")
            response = _NOT_FOUND if pair is None else pair[1 if zipped else 0]
            if parts[0] == "HEAD":
                response = response.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
            _Http.served += 1
            self.transport.write(response)
            if headers.get("connection", "").lower() == "close" or parts[-1] == "HTTP/1.0":
                self.transport.close()
                return


async def _serve(root: Path, host_list: list[str], port: int, lifetime: float) -> None:
    _Http.table = load_responses(root)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Http, host_list, port, backlog=1024, reuse_address=True)
    print(f"READY {port} {len(_Http.table)}", flush=True)
    stdin_closed = loop.create_future()
    loop.add_reader(sys.stdin.fileno(), lambda: stdin_closed.done() or (
        sys.stdin.buffer.read1(1) or stdin_closed.set_result(None)))
    try:
        await asyncio.wait_for(stdin_closed, lifetime)  # the parent closes our stdin, or dies
    except TimeoutError:
        pass
    server.close()
    print(f"served {_Http.served} responses", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("serve")
    p.add_argument("root", type=Path)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--sites", type=int, default=20)
    p.add_argument("--lifetime", type=float, default=1800, help="exit after this many seconds at most")
    args = parser.parse_args()
    started = time.monotonic()
    asyncio.run(_serve(args.root, hosts(args.sites), args.port, args.lifetime - (time.monotonic() - started)))


if __name__ == "__main__":
    main()
