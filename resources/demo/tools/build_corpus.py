"""Build the offline demo corpus under resources/demo/site/ from the article sources.

All article text lives in ``tools/articles/*.txt`` (fictional, written for Clipper).
Run from anywhere::

    python resources/demo/tools/build_corpus.py          # (re)generate site/ + manifest
    python resources/demo/tools/build_corpus.py --check  # also validate the result

The generated pages keep the placeholders ``{{BASE}}``, ``{{DATE}}``, ``{{RFCDATE}}``,
``{{DATE_1}}`` and ``{{RFCDATE_1}}``; ``clipper demo`` substitutes them when serving.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1]
SITE = DEMO / "site"
ART_DIR = Path(__file__).resolve().parent / "articles"

# ----------------------------------------------------------------------------- media

MEDIA = {
    "wn": dict(
        name="Warta Nusantara",
        root="warta-nusantara",
        art_dir="warta-nusantara/read",
        domain="wartanusantara.id",
        tagline="Kabar Terpercaya dari Seluruh Negeri",
        nav=[("Beranda", "index.html"), ("Nasional", "kanal/nasional.html"),
             ("Daerah", "kanal/daerah.html"), ("Ekonomi", "kanal/ekonomi.html"),
             ("Religi", "kanal/religi.html"), ("Kesehatan", "kanal/kesehatan.html"),
             ("Otomotif", "kanal/otomotif.html"), ("Indeks", "indeks.html")],
        footer=[("Tentang Kami", "tentang-kami.html"), ("Redaksi", "redaksi.html"),
                ("Pedoman Media Siber", "pedoman-media-siber.html"),
                ("Kontak", "kontak.html")],
        initials="wn",
    ),
    "ku": dict(
        name="Kabar Umat",
        root="kabar-umat",
        art_dir="kabar-umat/artikel",
        domain="kabarumat.id",
        tagline="Portal Berita Keumatan dan Kebangsaan",
        nav=[("Home", "index.html"), ("Berita", "kategori/berita.html"),
             ("Haji & Umrah", "kategori/haji-umrah.html"),
             ("Pendidikan", "kategori/pendidikan.html"),
             ("Halal", "kategori/halal.html"), ("Opini", "kategori/opini.html"),
             ("English", "kategori/english.html")],
        footer=[("Tentang", "tentang.html"), ("Susunan Redaksi", "redaksi.html"),
                ("Kebijakan Privasi", "privasi.html"), ("Kontak", "kontak.html")],
        initials="ku",
    ),
    "hc": dict(
        name="Harian Cakrawala",
        root="harian-cakrawala",
        art_dir="harian-cakrawala/nasional/berita",
        domain="hariancakrawala.co.id",
        tagline="Membaca Indonesia Setiap Hari",
        nav=[("Beranda", "index.html"), ("Nasional", "nasional/index.html"),
             ("Internasional", "internasional/index.html"),
             ("Ekonomi", "ekonomi/index.html"), ("Olahraga", "olahraga/index.html"),
             ("Gaya Hidup", "gaya-hidup/index.html"), ("Litbang Cakrawala", "litbang/index.html"),
             ("Epaper", "epaper.html")],
        footer=[("Tentang Kami", "tentang-kami.html"), ("Redaksi", "redaksi.html"),
                ("Karier", "karier.html"), ("Pedoman Siber", "pedoman-siber.html"),
                ("Iklan", "iklan.html")],
        initials="hc",
    ),
    "sm": dict(
        name="Suara Madrasah",
        root="suara-madrasah",
        art_dir="suara-madrasah/news",
        domain="suaramadrasah.com",
        tagline="Suara Pendidikan Islam Indonesia",
        nav=[("Beranda", "index.html"), ("Berita", "rubrik/berita.html"),
             ("Madrasah", "rubrik/madrasah.html"), ("Pesantren", "rubrik/pesantren.html"),
             ("Guru", "rubrik/guru.html"), ("Inspirasi", "rubrik/inspirasi.html")],
        footer=[("Tentang Suara Madrasah", "tentang.html"), ("Redaksi", "redaksi.html"),
                ("Kirim Tulisan", "kirim-tulisan.html"), ("Kontak", "kontak.html")],
        initials="sm",
    ),
}

MONTHS = None  # dates are placeholders; no month names needed

IMAGES = {
    # key: (caption, colour A, colour B, shape)
    "haji": ("Jemaah haji di asrama haji", (22, 92, 70), (201, 170, 90), "arch"),
    "madrasah": ("Siswa madrasah di ruang kelas", (30, 70, 140), (120, 190, 230), "rects"),
    "moderasi": ("Kampung Moderasi Beragama", (120, 40, 90), (240, 170, 90), "circles"),
    "naskah": ("Naskah keagamaan Nusantara", (90, 60, 30), (220, 200, 150), "rects"),
    "vaksin": ("Vaksinasi di pondok pesantren", (20, 110, 130), (200, 240, 240), "circles"),
    "halal": ("Label halal pada produk UMK", (10, 120, 60), (230, 240, 200), "circles"),
    "kua": ("Layanan KUA kecamatan", (70, 50, 120), (200, 190, 240), "arch"),
    "survei": ("Survei kerukunan umat beragama", (40, 40, 90), (240, 120, 80), "bars"),
    "covid": ("Petugas kesehatan dan protokol", (140, 20, 40), (250, 210, 200), "circles"),
    "bazar": ("Bazar warga di halaman masjid", (170, 90, 20), (250, 230, 150), "arch"),
    "mobil": ("Sedan klasik di pameran", (60, 60, 60), (200, 60, 50), "car"),
    "olahraga": ("Pertandingan sepak bola", (20, 100, 40), (140, 220, 120), "rects"),
    "ekonomi": ("Pasar dan harga kebutuhan pokok", (120, 70, 10), (240, 200, 90), "bars"),
    "lalin": ("Kemacetan jam pulang kerja", (50, 50, 70), (240, 200, 60), "bars"),
}


# ----------------------------------------------------------------------------- parsing

@dataclass
class Article:
    id: str
    media: str
    slug: str
    title: str
    date: str            # today | yesterday
    time: str            # HH:MM
    author: str
    section: str
    topics: list[str]
    image: str
    lang: str = "id"
    city: str = "Jakarta"
    initials: str = ""
    summary: str = ""
    tags: list[str] = field(default_factory=list)
    story: str = ""
    event: str = ""
    tz: str = "+0700"     # how the RSS pubDate writes the zone: +0700 or WIB
    copy_of: str = ""
    subs: list[tuple[str, str]] = field(default_factory=list)
    body: str = ""
    image_caption: str = ""

    @property
    def m(self):
        return MEDIA[self.media]

    @property
    def path(self) -> str:
        return f"{self.m['art_dir']}/{self.slug}.html"

    def page_path(self, n: int) -> str:
        return self.path if n == 1 else f"{self.m['art_dir']}/{self.slug}-{n}.html"

    @property
    def url(self) -> str:
        return "{{BASE}}/" + self.path

    @property
    def dph(self) -> str:  # date placeholder
        return "{{DATE}}" if self.date == "today" else "{{DATE_1}}"

    @property
    def rfc(self) -> str:
        return "{{RFCDATE}}" if self.date == "today" else "{{RFCDATE_1}}"

    @property
    def iso(self) -> str:
        return f"{self.dph}T{self.time}:00+07:00"


def parse_sources() -> list[Article]:
    arts: list[Article] = []
    for f in sorted(ART_DIR.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        for chunk in re.split(r"^@@@ ", text, flags=re.M)[1:]:
            head, _, body = chunk.partition("\n---\n")
            lines = head.splitlines()
            aid = lines[0].strip()
            kv: dict = {"subs": []}
            for ln in lines[1:]:
                if not ln.strip() or ln.startswith("#"):
                    continue
                k, _, v = ln.partition(":")
                k, v = k.strip(), v.strip()
                if k == "sub":
                    old, _, new = v.partition("|||")
                    kv["subs"].append((old.strip(), new.strip()))
                else:
                    kv[k] = v
            when = kv.pop("date").split()
            a = Article(
                id=aid, media=kv.pop("media"), slug=kv.pop("slug"), title=kv.pop("title"),
                date=when[0], time=when[1], author=kv.pop("author"),
                section=kv.pop("section", "Nasional"),
                topics=[t for t in kv.pop("topics", "").replace(",", " ").split() if t],
                image=kv.pop("image"), lang=kv.pop("lang", "id"), city=kv.pop("city", "Jakarta"),
                initials=kv.pop("initials", ""), summary=kv.pop("summary", ""),
                tags=[t.strip() for t in kv.pop("tags", "").split(",") if t.strip()],
                story=kv.pop("story", ""), event=kv.pop("event", ""), tz=kv.pop("tz", "+0700"),
                copy_of=kv.pop("copy_of", ""), subs=kv.pop("subs"), body=body.strip(),
                image_caption=kv.pop("caption", ""),
            )
            if kv:
                raise SystemExit(f"{f.name}:{aid}: unknown keys {sorted(kv)}")
            arts.append(a)
    by_id = {a.id: a for a in arts}
    if len(by_id) != len(arts):
        raise SystemExit("duplicate article id")
    for a in arts:
        if a.copy_of:
            src = by_id[a.copy_of]
            body = src.body
            for old, new in a.subs:
                if old not in body:
                    raise SystemExit(f"{a.id}: substitution source not found: {old[:60]!r}")
                body = body.replace(old, new, 1)
            a.body = body
            a.story = a.story or src.story
            if not a.summary:
                a.summary = src.summary
            if not a.tags:
                a.tags = src.tags
    return arts


# ----------------------------------------------------------------------------- body rendering

ARABIC = re.compile(r"[\u0600-\u06FF]")


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def inline(s: str) -> str:
    """Escape a paragraph, keeping **bold** and *italic* markers."""
    s = esc(s)
    s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
    s = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", s)
    return s


def body_words(a: Article) -> int:
    words = 0
    for para in a.body.split("\n\n"):
        p = para.strip()
        if p.startswith("[["):
            continue
        words += len(re.findall(r"\w+", p.lstrip("#> ")))
    return words


def dateline(a: Article) -> str:
    city = a.city
    if a.lang == "en":
        return {
            "ku": f"<strong>{esc(city.upper())}, KABARUMAT.ID</strong> — ",
        }.get(a.media, f"<strong>{esc(city)}</strong> — ")
    return {
        "wn": f"<strong>{esc(city)} (Warta Nusantara)</strong> – ",
        "ku": f"<strong>KABARUMAT.ID, {esc(city.upper())}</strong> — ",
        "hc": f"<strong>{esc(city.upper())}, HC</strong> – ",
        "sm": f"<strong>Suara Madrasah, {esc(city)}</strong> – ",
    }[a.media]


def render_pages(a: Article, by_id: dict[str, Article]) -> list[str]:
    """Return the body HTML of each page of the article."""
    pages: list[list[str]] = [[]]
    first = True
    for para in [p.strip() for p in a.body.split("\n\n") if p.strip()]:
        if para == "[[halaman]]":
            pages.append([])
            continue
        out = pages[-1]
        m = re.fullmatch(r"\[\[baca (\S+)\]\]", para)
        if m:
            t = by_id[m.group(1)]
            label = {"wn": "Baca juga:", "ku": "Baca Juga :", "hc": "BACA JUGA:",
                     "sm": "Baca juga:"}[a.media]
            link = f'<a href="{t.url}">{esc(t.title)}</a>'
            if a.media == "hc":
                out.append(f'<div class="baca-juga"><strong>{label}</strong> {link}</div>')
            else:
                out.append(f'<p class="baca-juga"><strong>{label}</strong> {link}</p>')
            continue
        if para == "[[iklan]]":
            out.append('<div class="ads ads--inread" aria-hidden="true">'
                       '<p class="ads__label">ADVERTISEMENT</p>'
                       '<div class="ads__slot" data-slot="inread-1"></div>'
                       '<p class="ads__scroll">SCROLL TO CONTINUE WITH CONTENT</p></div>')
            continue
        if para.startswith("## "):
            out.append(f"<h2>{inline(para[3:])}</h2>")
            continue
        if para.startswith("> "):
            txt = para[2:]
            if ARABIC.search(txt):
                out.append(f'<blockquote class="ayat" lang="ar" dir="rtl"><p>{esc(txt)}</p></blockquote>')
            else:
                out.append(f"<blockquote><p>{inline(txt)}</p></blockquote>")
            continue
        text = inline(para)
        if first:
            text = dateline(a) + text
            first = False
        out.append(f"<p>{text}</p>")
    if a.initials:
        pages[-1].append(f'<p class="editor">{esc(a.initials)}</p>')
    return ["\n".join(p) for p in pages]


# ----------------------------------------------------------------------------- page chrome

def href(media_key: str, rel: str) -> str:
    return "{{BASE}}/" + MEDIA[media_key]["root"] + "/" + rel


def head(a: Article, page: int, npages: int, section_title: str) -> str:
    m = a.m
    url = "{{BASE}}/" + a.page_path(page)
    img = "{{BASE}}/img/" + a.image + ".jpg"
    desc = a.summary or a.title
    title = a.title if page == 1 else f"{a.title} (Halaman {page})"
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": a.url},
        "headline": a.title,
        "description": desc,
        "image": [img],
        "datePublished": a.iso,
        "dateModified": a.iso,
        "inLanguage": "en" if a.lang == "en" else "id-ID",
        "articleSection": a.section,
        "keywords": a.tags,
        "author": {"@type": "Person", "name": a.author},
        "publisher": {
            "@type": "Organization",
            "name": m["name"],
            "logo": {"@type": "ImageObject", "url": "{{BASE}}/img/logo-" + m["root"] + ".png"},
        },
    }
    links = [f'<link rel="canonical" href="{url}">']
    if page > 1:
        links.append(f'<link rel="prev" href="{{{{BASE}}}}/{a.page_path(page - 1)}">')
    if page < npages:
        links.append(f'<link rel="next" href="{{{{BASE}}}}/{a.page_path(page + 1)}">')
    return f"""<!DOCTYPE html>
<html lang="{'en' if a.lang == 'en' else 'id'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} - {esc(m['name'])}</title>
<meta name="description" content="{esc(desc)}">
<meta name="keywords" content="{esc(', '.join(a.tags))}">
<meta name="author" content="{esc(a.author)}">
<meta name="robots" content="index, follow, max-image-preview:large">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{esc(m['name'])}">
<meta property="og:title" content="{esc(a.title)}">
<meta property="og:description" content="{esc(desc)}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="{img}">
<meta property="og:image:width" content="800">
<meta property="og:image:height" content="450">
<meta property="og:locale" content="{'en_US' if a.lang == 'en' else 'id_ID'}">
<meta property="article:published_time" content="{a.iso}">
<meta property="article:modified_time" content="{a.iso}">
<meta property="article:section" content="{esc(a.section)}">
<meta property="article:author" content="{esc(a.author)}">
{chr(10).join(f'<meta property="article:tag" content="{esc(t)}">' for t in a.tags)}
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="{esc(a.title)}">
<meta name="twitter:image" content="{img}">
{chr(10).join(links)}
<link rel="stylesheet" href="{{{{BASE}}}}/{m['root']}/assets/style.css">
<script type="application/ld+json">
{json.dumps(ld, ensure_ascii=False, indent=1)}
</script>
<script>window.dataLayer = window.dataLayer || []; window.dataLayer.push({{"pageType": "article", "section": {json.dumps(section_title)}}});</script>
</head>"""


def nav_html(mk: str, cls: str) -> str:
    m = MEDIA[mk]
    items = "\n".join(f'  <li><a href="{href(mk, rel)}">{esc(lbl)}</a></li>' for lbl, rel in m["nav"])
    return f'<nav class="{cls}" aria-label="Menu utama">\n<ul>\n{items}\n</ul>\n</nav>'


def footer_html(mk: str) -> str:
    m = MEDIA[mk]
    items = " | ".join(f'<a href="{href(mk, rel)}">{esc(l)}</a>' for l, rel in m["footer"])
    return f"""<footer class="site-footer">
<div class="footer-links">{items}</div>
<p class="copyright">&copy; {esc(m['name'])} &mdash; {esc(m['domain'])}. Seluruh hak cipta dilindungi undang-undang.</p>
<p class="footer-note">Dilarang mengambil dan/atau menayangkan ulang sebagian atau keseluruhan artikel di atas tanpa izin redaksi.</p>
</footer>"""


def share_html(a: Article) -> str:
    u = a.url
    return f"""<div class="share-buttons">
<span>Bagikan:</span>
<a class="share share--fb" href="https://www.facebook.com/sharer/sharer.php?u={u}" rel="nofollow noopener" target="_blank">Facebook</a>
<a class="share share--x" href="https://twitter.com/intent/tweet?url={u}" rel="nofollow noopener" target="_blank">X</a>
<a class="share share--wa" href="https://api.whatsapp.com/send?text={u}" rel="nofollow noopener" target="_blank">WhatsApp</a>
<a class="share share--tg" href="https://t.me/share/url?url={u}" rel="nofollow noopener" target="_blank">Telegram</a>
<button class="share share--copy" type="button" data-url="{u}">Salin Tautan</button>
</div>"""


def popular_html(a: Article, media_arts: list[Article], title="Terpopuler") -> str:
    others = [x for x in media_arts if x.id != a.id][:5]
    items = "\n".join(f'  <li><span class="rank">{i}</span><a href="{x.url}">{esc(x.title)}</a></li>'
                      for i, x in enumerate(others, 1))
    return f"""<section class="widget widget--popular">
<h3 class="widget__title">{title}</h3>
<ol>
{items}
</ol>
</section>"""


def ad_block(slot: str) -> str:
    return (f'<div class="ads ads--{slot}"><span class="ads__label">ADVERTISEMENT</span>'
            f'<div class="ads__slot" data-slot="{slot}"></div></div>')


def tags_html(a: Article) -> str:
    if not a.tags:
        return ""
    items = " ".join(f'<a class="tag" href="{href(a.media, "tag/" + slugify(t) + ".html")}">#{esc(t)}</a>'
                     for t in a.tags)
    return f'<div class="tags"><span>Tag:</span> {items}</div>'


def pager_html(a: Article, page: int, npages: int) -> str:
    parts = ["Halaman"]
    for n in range(1, npages + 1):
        if n == page:
            parts.append(f'<span class="current">{n}</span>')
        else:
            parts.append(f'<a href="{{{{BASE}}}}/{a.page_path(n)}">{n}</a>')
    if page < npages:
        parts.append(f'<a class="next" rel="next" href="{{{{BASE}}}}/{a.page_path(page + 1)}">Selanjutnya</a>')
    if page > 1:
        parts.insert(1, f'<a class="prev" rel="prev" href="{{{{BASE}}}}/{a.page_path(page - 1)}">Sebelumnya</a>')
    return '<div class="pagination">' + " ".join(parts) + "</div>"


def slugify(s: str) -> str:
    s = s.lower().replace("&", "dan")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def figure(a: Article, cls: str) -> str:
    cap = a.image_caption or IMAGES[a.image][0]
    credit = {"wn": "Foto: Dok. Warta Nusantara", "ku": "Foto: Kabar Umat/Istimewa",
              "hc": "HC/Arsip", "sm": "Foto: Suara Madrasah"}[a.media]
    return f"""<figure class="{cls}">
<img src="{{{{BASE}}}}/img/{a.image}.jpg" alt="{esc(cap)}" width="800" height="450">
<figcaption>{esc(cap)}. ({credit})</figcaption>
</figure>"""


def when_text(a: Article) -> str:
    t = a.time.replace(":", ".") if a.media in ("hc", "sm") else a.time
    return {
        "wn": f"{a.dph} {t} WIB",
        "ku": f"{a.dph}, {t} WIB",
        "hc": f"Diperbarui {a.dph}, pukul {t} WIB",
        "sm": f"{a.dph} | {t} WIB",
    }[a.media]


def article_page(a: Article, page: int, npages: int, body: str, media_arts: list[Article]) -> str:
    m = a.m
    mk = a.media
    crumbs = [("Beranda" if a.lang == "id" else "Home", href(mk, "index.html")),
              (a.section, href(mk, section_rel(a)))]
    bc = " <span>&rsaquo;</span> ".join(f'<a href="{u}">{esc(l)}</a>' for l, u in crumbs)
    pager = pager_html(a, page, npages) if npages > 1 else ""
    fig = figure(a, "lead-image") if page == 1 else ""
    author_line = {
        "wn": f'<div class="detail__author">Penulis: <a href="{href(mk, "penulis/" + slugify(a.author) + ".html")}" rel="author">{esc(a.author)}</a> | Editor: Redaksi</div>',
        "ku": f'<div class="entry-meta"><span class="byline">Oleh <a class="author" href="{href(mk, "author/" + slugify(a.author) + ".html")}">{esc(a.author)}</a></span></div>',
        "hc": f'<div class="read__author">Reporter: <span class="read__author-name">{esc(a.author)}</span></div>',
        "sm": f'<div class="post-author" itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{esc(a.author)}</span></div>',
    }[mk]
    time_el = f'<time datetime="{a.iso}" class="pubdate">{esc(when_text(a))}</time>'
    h1 = esc(a.title)
    head_html = head(a, page, npages, a.section)
    header = f"""<header class="site-header">
<div class="topbar"><span class="topbar__date">{{{{DATE}}}}</span> <a href="{href(mk, 'login.html')}">Masuk</a> <a href="{href(mk, 'langganan.html')}">Berlangganan</a></div>
<div class="brand"><a href="{href(mk, 'index.html')}" class="logo">{esc(m['name'])}</a> <span class="tagline">{esc(m['tagline'])}</span></div>
<form class="search" action="{href(mk, 'cari.html')}" method="get"><input type="search" name="q" placeholder="Cari berita..."><button type="submit">Cari</button></form>
{nav_html(mk, 'main-nav')}
</header>
{ad_block('leaderboard')}"""
    sidebar = f"""<aside class="sidebar">
{popular_html(a, media_arts)}
{ad_block('sidebar-1')}
<section class="widget widget--newsletter"><h3 class="widget__title">Newsletter</h3><p>Dapatkan rangkuman berita pilihan setiap pagi di surel Anda.</p><form><input type="email" placeholder="Alamat surel"><button type="button">Daftar</button></form></section>
</aside>"""
    related = ""
    if page == npages:
        rel = [x for x in media_arts if x.id != a.id][-3:]
        related = ('<section class="related"><h3>Berita Terkait</h3><ul>'
                   + "".join(f'<li><a href="{x.url}">{esc(x.title)}</a></li>' for x in rel)
                   + "</ul></section>")
    comments = f'<section class="comments" id="komentar"><h3>Komentar</h3><p>Komentar dimoderasi. <a href="{href(mk, "pedoman-komentar.html")}">Pedoman berkomentar</a>.</p></section>'

    if mk == "wn":
        main = f"""<main class="container">
<div class="breadcrumb">{bc}</div>
<article class="detail">
<h1 class="detail__title">{h1}</h1>
{author_line}
<div class="detail__date">{time_el}</div>
{share_html(a)}
{fig}
<div class="detail__body-text" id="detail-text">
{body}
</div>
{pager}
{tags_html(a)}
{share_html(a)}
</article>
{related}
{comments}
{sidebar}
</main>"""
    elif mk == "ku":
        main = f"""<div id="page" class="site">
<div class="site-content">
<nav class="breadcrumbs" aria-label="breadcrumb">{bc}</nav>
<main id="main" class="site-main">
<article id="post-{zlib.crc32(a.slug.encode()) % 90000 + 10000}" class="post type-post status-publish format-standard has-post-thumbnail">
<header class="entry-header">
<span class="cat-links"><a href="{href(mk, section_rel(a))}" rel="category tag">{esc(a.section)}</a></span>
<h1 class="entry-title">{h1}</h1>
{author_line}
<div class="posted-on">{time_el}</div>
</header>
{fig}
<div class="entry-content post-content">
{body}
</div>
{pager}
<footer class="entry-footer">{tags_html(a)}</footer>
{share_html(a)}
</article>
{related}
{comments}
</main>
{sidebar}
</div>
</div>"""
    elif mk == "hc":
        main = f"""<div class="wrap">
<div class="breadcrumb" itemscope itemtype="https://schema.org/BreadcrumbList">{bc}</div>
<div class="row">
<div class="col-main">
<div class="read__header">
<div class="read__kanal">{esc(a.section)}</div>
<h1 class="read__title">{h1}</h1>
<div class="read__info">{author_line} <div class="read__time">{time_el}</div></div>
</div>
{fig}
{share_html(a)}
<div class="read__content clearfix">
{body}
</div>
{pager}
{tags_html(a)}
{related}
{comments}
</div>
<div class="col-side">{sidebar}</div>
</div>
</div>"""
    else:  # sm
        main = f"""<div class="container main-container">
<ol class="breadcrumb">{''.join(f'<li><a href="{u}">{esc(l)}</a></li>' for l, u in crumbs)}</ol>
<div class="content-area">
<article class="post-single" itemscope itemtype="https://schema.org/NewsArticle">
<div class="post-category"><a href="{href(mk, section_rel(a))}">{esc(a.section)}</a></div>
<h1 class="post-title" itemprop="headline">{h1}</h1>
<div class="post-meta">{author_line} <span class="sep">&bull;</span> {time_el}</div>
{fig}
<div class="post-body" itemprop="articleBody">
{body}
</div>
{pager}
{tags_html(a)}
{share_html(a)}
</article>
{related}
{comments}
</div>
{sidebar}
</div>"""

    return f"""{head_html}
<body class="single single-post">
<a class="skip-link" href="#main">Langsung ke konten</a>
{header}
{main}
{ad_block('footer')}
{footer_html(mk)}
<script src="{{{{BASE}}}}/{m['root']}/assets/app.js" defer></script>
</body>
</html>
"""


def section_rel(a: Article) -> str:
    s = slugify(a.section)
    return {"wn": f"kanal/{s}.html", "ku": f"kategori/{s}.html",
            "hc": "nasional/index.html", "sm": f"rubrik/{s}.html"}[a.media]


# ----------------------------------------------------------------------------- feeds

def x(s: str) -> str:
    return html.escape(s, quote=False)


def rss_wn(arts: list[Article]) -> str:
    items = []
    for a in arts:
        # the same instant written three ways: +0700, WIB (UTC+7), WITA (UTC+8)
        hh, mm = a.time.split(":")
        if a.tz == "WITA":
            stamp = f"{int(hh) + 1:02d}:{mm}:00 WITA"
        elif a.tz == "WIB":
            stamp = f"{a.time}:00 WIB"
        else:
            stamp = f"{a.time}:00 +0700"
        items.append(f"""  <item>
    <title>{x(a.title)}</title>
    <link>{a.url}</link>
    <guid isPermaLink="true">{a.url}</guid>
    <pubDate>{a.rfc} {stamp}</pubDate>
    <dc:creator>{x(a.author)}</dc:creator>
    <category>{x(a.section)}</category>
    <description>{x(a.summary)}</description>
    <enclosure url="{{{{BASE}}}}/img/{a.image}.jpg" type="image/jpeg" length="0"/>
  </item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Warta Nusantara - Berita Terkini</title>
  <link>{{{{BASE}}}}/warta-nusantara/index.html</link>
  <atom:link href="{{{{BASE}}}}/warta-nusantara/rss.xml" rel="self" type="application/rss+xml"/>
  <description>Kabar terpercaya dari seluruh negeri: nasional, daerah, ekonomi, religi, kesehatan.</description>
  <language>id</language>
  <copyright>Warta Nusantara</copyright>
  <lastBuildDate>{{{{RFCDATE}}}} 11:30:00 +0700</lastBuildDate>
  <ttl>15</ttl>
{chr(10).join(items)}
</channel>
</rss>
"""


def atom_ku(arts: list[Article]) -> str:
    entries = []
    for a in arts:
        cats = "".join(f'\n    <category term="{x(t)}"/>' for t in [a.section] + a.tags)
        entries.append(f"""  <entry>
    <title type="html">{x(a.title)}</title>
    <link rel="alternate" type="text/html" href="{a.url}"/>
    <id>tag:kabarumat.id,2020:artikel/{a.slug}</id>
    <published>{a.iso}</published>
    <updated>{a.iso}</updated>
    <author><name>{x(a.author)}</name></author>{cats}
    <summary type="html">{x(a.summary)}</summary>
  </entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
  <title>Kabar Umat</title>
  <subtitle>Portal Berita Keumatan dan Kebangsaan</subtitle>
  <link rel="alternate" type="text/html" href="{{{{BASE}}}}/kabar-umat/index.html"/>
  <link rel="self" type="application/atom+xml" href="{{{{BASE}}}}/kabar-umat/atom.xml"/>
  <id>tag:kabarumat.id,2020:feed</id>
  <updated>{{{{DATE}}}}T11:00:00+07:00</updated>
  <generator uri="https://wordpress.org/" version="6.4">WordPress</generator>
{chr(10).join(entries)}
</feed>
"""


def sitemaps_sm(arts: list[Article]) -> tuple[str, str]:
    index = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap>
    <loc>{{BASE}}/suara-madrasah/sitemap-news.xml</loc>
    <lastmod>{{DATE}}T10:45:00+07:00</lastmod>
  </sitemap>
</sitemapindex>
"""
    urls = []
    for a in arts:
        urls.append(f"""  <url>
    <loc>{a.url}</loc>
    <lastmod>{a.iso}</lastmod>
    <news:news>
      <news:publication>
        <news:name>Suara Madrasah</news:name>
        <news:language>id</news:language>
      </news:publication>
      <news:publication_date>{a.iso}</news:publication_date>
      <news:title>{x(a.title)}</news:title>
      <news:keywords>{x(', '.join(a.tags))}</news:keywords>
    </news:news>
    <image:image>
      <image:loc>{{{{BASE}}}}/img/{a.image}.jpg</image:loc>
    </image:image>
  </url>""")
    news = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
{chr(10).join(urls)}
</urlset>
"""
    return index, news


def section_hc(arts: list[Article]) -> str:
    mk = "hc"
    cards = []
    for i, a in enumerate(arts):
        # mostly absolute links; a couple root-relative, as real sites mix them
        u = ("/" + a.path) if i in (2, 5) else a.url
        cards.append(f"""<div class="article__list clearfix">
  <div class="article__asset"><a href="{u}"><img src="{{{{BASE}}}}/img/{a.image}.jpg" alt="{esc(a.title)}" width="240" height="135"></a></div>
  <div class="article__box">
    <h2 class="article__title"><a class="article__link" href="{u}">{esc(a.title)}</a></h2>
    <div class="article__subtitle">{esc(a.summary)}</div>
    <div class="article__date">{a.dph} {a.time.replace(':', '.')} WIB</div>
    <a class="article__comments" href="{a.url}#komentar">Komentar</a>
  </div>
</div>""")
    popular = "\n".join(f'<li><a href="{a.url}">{esc(a.title)}</a></li>' for a in arts[:4])
    tags = ["haji", "madrasah", "kerukunan", "covid-19", "pilkada", "timnas", "cuaca", "harga-pangan"]
    cats = ["hukum", "politik", "pendidikan", "kesehatan", "daerah", "humaniora"]
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Berita Nasional Terkini Hari Ini - Harian Cakrawala</title>
<meta name="description" content="Kumpulan berita nasional terkini dari Harian Cakrawala.">
<meta property="og:type" content="website">
<meta property="og:site_name" content="Harian Cakrawala">
<meta property="og:title" content="Berita Nasional Terkini Hari Ini">
<link rel="canonical" href="{{{{BASE}}}}/harian-cakrawala/nasional/index.html">
<link rel="alternate" type="text/html" hreflang="id" href="{{{{BASE}}}}/harian-cakrawala/nasional/index.html">
<link rel="stylesheet" href="{{{{BASE}}}}/harian-cakrawala/assets/style.css">
</head>
<body class="kanal kanal-nasional">
<header class="site-header">
<div class="topbar"><span>{{{{DATE}}}}</span> <a href="{href(mk, 'login.html')}">Masuk</a> <a href="{href(mk, 'langganan.html')}">Berlangganan</a> <a href="{href(mk, 'epaper.html')}">Epaper</a></div>
<div class="brand"><a class="logo" href="{href(mk, 'index.html')}">Harian Cakrawala</a></div>
{nav_html(mk, 'main-nav')}
<nav class="sub-nav"><ul>
{''.join(f'<li><a href="{href(mk, "nasional/kategori/" + c + ".html")}">{c.title()}</a></li>' for c in cats)}
</ul></nav>
</header>
{ad_block('leaderboard')}
<div class="wrap">
<div class="breadcrumb"><a href="{href(mk, 'index.html')}">Beranda</a> &rsaquo; <a href="{href(mk, 'nasional/index.html')}">Nasional</a></div>
<div class="row">
<div class="col-main">
<h1 class="kanal__title">Nasional</h1>
<div class="headline">
<a href="{arts[0].url}"><img src="{{{{BASE}}}}/img/{arts[0].image}.jpg" alt="{esc(arts[0].title)}" width="800" height="450"></a>
</div>
<div class="latest">
{chr(10).join(cards)}
</div>
{ad_block('infeed')}
<div class="paging">
<a class="paging__link" href="{href(mk, 'nasional/index.html')}">1</a>
<a class="paging__link" href="{href(mk, 'nasional/indeks-2.html')}">2</a>
<a class="paging__link" href="{href(mk, 'nasional/indeks-3.html')}">3</a>
<a class="paging__link paging__link--next" rel="next" href="{href(mk, 'nasional/indeks-2.html')}">Selanjutnya</a>
</div>
<p class="arsip"><a href="{href(mk, 'nasional/berita/arsip/index.html')}">Arsip berita nasional</a> &middot; <a href="{href(mk, 'nasional/berita/')}">Semua berita</a> &middot; <a href="{href(mk, 'nasional/amp/index.html')}">Versi AMP</a></p>
</div>
<div class="col-side">
<section class="widget widget--popular"><h3>Terpopuler</h3><ol>
{popular}
</ol></section>
{ad_block('sidebar-1')}
<section class="widget widget--tags"><h3>Topik Pilihan</h3>
{' '.join(f'<a class="tag" href="{href(mk, "tag/" + t + ".html")}">#{t}</a>' for t in tags)}
</section>
<section class="widget widget--litbang"><h3>Litbang Cakrawala</h3><p><a href="{href(mk, 'litbang/index.html')}">Hasil jajak pendapat terbaru</a></p></section>
</div>
</div>
</div>
<footer class="site-footer">
<div class="footer-links">{' | '.join(f'<a href="{href(mk, rel)}">{esc(l)}</a>' for l, rel in MEDIA[mk]['footer'])}</div>
<div class="social"><a href="https://www.facebook.com/hariancakrawala" rel="nofollow">Facebook</a> <a href="https://www.instagram.com/hariancakrawala" rel="nofollow">Instagram</a> <a href="https://www.youtube.com/@hariancakrawala" rel="nofollow">YouTube</a></div>
<p class="copyright">&copy; Harian Cakrawala. Seluruh hak cipta dilindungi.</p>
</footer>
</body>
</html>
"""


def stub_page(path: str) -> str:
    """A plain non-article page for nav/tag/footer links so nothing internal 404s."""
    root = path.split("/")[0]
    mk = next((k for k, v in MEDIA.items() if v["root"] == root), None)
    name = MEDIA[mk]["name"] if mk else "Demo Clipper"
    last = path.rstrip("/").split("/")[-1].replace(".html", "")
    if last == "index" and "/" in path.rstrip("/"):
        last = path.rstrip("/").split("/")[-2]
    label = last.replace("-", " ").title()
    nav = nav_html(mk, "main-nav") if mk else ""
    foot = footer_html(mk) if mk else ""
    home = href(mk, "index.html") if mk else "{{BASE}}/index.html"
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{esc(label)} - {esc(name)}</title>
<meta property="og:type" content="website">
<meta property="og:site_name" content="{esc(name)}">
<meta name="robots" content="noindex, follow">
</head>
<body class="page">
<header class="site-header"><div class="brand"><a class="logo" href="{home}">{esc(name)}</a></div>
{nav}
</header>
<main class="container">
<h1>{esc(label)}</h1>
<p>Halaman {esc(label.lower())} {esc(name)}. Konten halaman ini belum tersedia dalam korpus demo.</p>
</main>
{foot}
</body>
</html>
"""


def site_index(arts: list[Article]) -> str:
    rows = []
    for mk, m in MEDIA.items():
        rows.append(f'<li><a href="{{{{BASE}}}}/{m["root"]}/index.html">{esc(m["name"])}</a></li>')
    return f"""<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><title>Korpus Demo Clipper</title></head>
<body>
<h1>Korpus Demo Clipper</h1>
<p>Media fiktif untuk demonstrasi Clipper secara luring. Seluruh berita di sini fiktif.</p>
<ul>
{chr(10).join(rows)}
</ul>
<p>Sumber: <a href="{{{{BASE}}}}/warta-nusantara/rss.xml">RSS Warta Nusantara</a>,
<a href="{{{{BASE}}}}/kabar-umat/atom.xml">Atom Kabar Umat</a>,
<a href="{{{{BASE}}}}/harian-cakrawala/nasional/index.html">Kanal Nasional Harian Cakrawala</a>,
<a href="{{{{BASE}}}}/suara-madrasah/sitemap.xml">Sitemap Suara Madrasah</a>.</p>
</body>
</html>
"""


BROKEN_RSS = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>502 Bad Gateway | Berita Kacau</title>
<style>body{font-family:sans-serif;background:#eee}h1{color:#a00}</style>
</head>
<body>
<h1>502 Bad Gateway</h1>
<p>Maaf, server sedang mengalami gangguan. Silakan coba beberapa saat lagi.</p>
<p>upstream prematurely closed connection while reading response header from upstream, client: 10.0.3.17, server: beritakacau.id, request: "GET /rss.xml HTTP/1.1", upstream: "fastcgi://unix:/run/php/php7.4-fpm.sock:", host: "beritak
"""

# ----------------------------------------------------------------------------- images

def make_images() -> None:
    from PIL import Image, ImageDraw, ImageFont

    out = SITE / "img"
    out.mkdir(parents=True, exist_ok=True)

    def font(size):
        for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",):
            if Path(p).exists():
                return ImageFont.truetype(p, size)
        try:
            return ImageFont.load_default(size=size)
        except TypeError:
            return ImageFont.load_default()

    W, H = 800, 450
    for key, (caption, c1, c2, shape) in IMAGES.items():
        img = Image.new("RGB", (W, H))
        d = ImageDraw.Draw(img)
        for yy in range(H):
            t = yy / (H - 1)
            col = tuple(int(c1[i] * (1 - t) + c2[i] * t) for i in range(3))
            d.line([(0, yy), (W, yy)], fill=col)
        light = tuple(min(255, v + 60) for v in c2)
        dark = tuple(max(0, v - 40) for v in c1)
        if shape == "circles":
            for i in range(6):
                r = 40 + i * 18
                cx, cy = 120 + i * 110, 150 + (i % 2) * 60
                d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=light, width=6)
        elif shape == "rects":
            for i in range(5):
                d.rectangle([80 + i * 130, 90 + i * 12, 180 + i * 130, 260], fill=light, outline=dark, width=4)
        elif shape == "arch":
            for i in range(4):
                d.arc([150 + i * 40, 40 + i * 30, 650 - i * 40, 520 - i * 30], 180, 360, fill=light, width=10)
            d.rectangle([340, 200, 460, 330], fill=dark)
        elif shape == "bars":
            for i in range(8):
                h = 60 + (i * 37) % 170
                d.rectangle([90 + i * 80, 320 - h, 140 + i * 80, 320], fill=light, outline=dark, width=3)
        elif shape == "car":
            d.rounded_rectangle([170, 170, 630, 290], 30, fill=(200, 60, 50), outline=(30, 30, 30), width=5)
            d.polygon([(260, 170), (320, 110), (500, 110), (560, 170)], fill=(180, 50, 40), outline=(30, 30, 30))
            for cx in (270, 530):
                d.ellipse([cx - 45, 245, cx + 45, 335], fill=(25, 25, 25))
                d.ellipse([cx - 20, 270, cx + 20, 310], fill=(170, 170, 170))
        d.rectangle([0, H - 70, W, H], fill=(0, 0, 0))
        d.text((24, H - 56), caption, fill=(255, 255, 255), font=font(28))
        d.text((W - 190, 18), "DEMO CLIPPER", fill=(255, 255, 255), font=font(20))
        img.save(out / f"{key}.jpg", "JPEG", quality=72, optimize=True, progressive=True)
    # tiny publisher logos (JSON-LD references them)
    for m in MEDIA.values():
        logo = Image.new("RGB", (240, 60), (20, 40, 90))
        ImageDraw.Draw(logo).text((10, 16), m["name"], fill=(255, 255, 255), font=font(22))
        logo.save(out / f"logo-{m['root']}.png", optimize=True)


# ----------------------------------------------------------------------------- manifest

def yq(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def manifest(arts: list[Article], npages: dict[str, int]) -> str:
    lines = [
        "# Daftar kebenaran (ground truth) korpus demo Clipper. Dibuat oleh tools/build_corpus.py.",
        "# path: relatif terhadap site/; URL = {{BASE}}/<path>. date: today | yesterday (Asia/Jakarta).",
        "# topics: subset dari [kemenag, litbang, covid]; kosong = tidak relevan.",
        "# story: label bersama untuk satu berita yang disindikasikan ke beberapa media.",
        "# event: dua artikel berbeda (bukan salinan) tentang peristiwa yang sama; JANGAN digabung.",
        "# pages: halaman lanjutan artikel multi-halaman (digabung saat ekstraksi).",
        "# Semua teks fiktif.",
        "articles:",
    ]
    for a in arts:
        lines.append(f"  - path: {a.path}")
        lines.append(f"    media: {a.m['name']}")
        lines.append(f"    title: {yq(a.title)}")
        lines.append(f"    topics: [{', '.join(a.topics)}]")
        if a.story:
            lines.append(f"    story: {a.story}")
        if a.event:
            lines.append(f"    event: {a.event}")
        lines.append(f"    date: {a.date}")
        lines.append(f'    time: "{a.time}"')
        lines.append(f"    language: {a.lang}")
        lines.append(f"    author: {yq(a.author)}")
        lines.append(f"    section: {yq(a.section)}")
        lines.append(f"    image: img/{a.image}.jpg")
        lines.append(f"    words: {body_words(a)}")
        if npages[a.id] > 1:
            lines.append("    pages: [" + ", ".join(a.page_path(n) for n in range(2, npages[a.id] + 1)) + "]")
    lines += [
        "broken_sources:",
        "  - name: Portal Rusak",
        "    url: portal-rusak/feed.xml",
        "    problem: not_found   # HTTP 404",
        "  - name: Berita Kacau",
        "    url: berita-kacau/rss.xml",
        "    problem: not_a_feed  # truncated HTML error page served as rss.xml",
    ]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- main

ORDER = {"wn": 0, "ku": 1, "hc": 2, "sm": 3}


def build() -> list[Article]:
    arts = parse_sources()
    by_id = {a.id: a for a in arts}
    for a in arts:
        w = body_words(a)
        if not 250 <= w <= 600:
            raise SystemExit(f"{a.id}: {w} words, expected 250..600")
        for t in a.topics:
            if t not in ("kemenag", "litbang", "covid"):
                raise SystemExit(f"{a.id}: bad topic {t}")
        if a.image not in IMAGES:
            raise SystemExit(f"{a.id}: unknown image {a.image}")
    if SITE.exists():
        shutil.rmtree(SITE)
    SITE.mkdir(parents=True)
    make_images()

    def newest_first(lst):
        return sorted(lst, key=lambda a: (a.date == "today", a.time), reverse=True)

    per_media = {mk: newest_first([a for a in arts if a.media == mk]) for mk in MEDIA}
    written: set[str] = set()

    def write(rel: str, text: str) -> None:
        p = SITE / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        written.add(rel)

    npages: dict[str, int] = {}
    for mk, lst in per_media.items():
        for a in lst:
            pages = render_pages(a, by_id)
            npages[a.id] = len(pages)
            for n, body in enumerate(pages, 1):
                write(a.page_path(n), article_page(a, n, len(pages), body, lst))
    write("warta-nusantara/rss.xml", rss_wn(per_media["wn"]))
    write("kabar-umat/atom.xml", atom_ku(per_media["ku"]))
    idx, news = sitemaps_sm(per_media["sm"])
    write("suara-madrasah/sitemap.xml", idx)
    write("suara-madrasah/sitemap-news.xml", news)
    write("harian-cakrawala/nasional/index.html", section_hc(per_media["hc"]))
    write("berita-kacau/rss.xml", BROKEN_RSS)
    write("index.html", site_index(arts))
    for m in MEDIA.values():
        write(f"{m['root']}/assets/style.css",
              "body{font-family:Georgia,serif;margin:0}.ads{background:#f3f3f3;text-align:center;"
              "font-size:11px;color:#999;padding:8px}.sidebar,.col-side{font-size:14px}\n")
        write(f"{m['root']}/assets/app.js", "/* demo */\n")

    # stub pages for every internal link that is not an article/feed
    href_re = re.compile(r'(?:href|src|action)="\{\{BASE\}\}/([^"#?]*)')
    missing: set[str] = set()
    for rel in list(written):
        if rel.endswith((".html", ".xml")):
            for target in href_re.findall((SITE / rel).read_text(encoding="utf-8")):
                if target.startswith("img/"):
                    continue
                if target.endswith("/"):
                    target += "index.html"
                if target not in written:
                    missing.add(target)
    for rel in sorted(missing):
        write(rel, stub_page(rel))

    (DEMO / "manifest.yaml").write_text(
        manifest(sorted(arts, key=lambda a: (ORDER[a.media], a.date != "today", a.time)), npages),
        encoding="utf-8")
    return arts


# ----------------------------------------------------------------------------- checks

def check(arts: list[Article]) -> None:
    import feedparser
    import yaml
    from lxml import etree
    from lxml import html as lhtml

    base = "http://127.0.0.1:8765"

    def sub(text: str) -> str:
        return (text.replace("{{BASE}}", base).replace("{{DATE}}", "2026-11-24")
                .replace("{{DATE_1}}", "2026-11-23").replace("{{RFCDATE}}", "Tue, 24 Nov 2026")
                .replace("{{RFCDATE_1}}", "Mon, 23 Nov 2026"))

    def exists(url: str) -> bool:
        assert url.startswith(base + "/"), url
        rel = url[len(base) + 1:].split("#")[0]
        if rel.endswith("/") or rel == "":
            rel += "index.html"
        return (SITE / rel).is_file()

    problems = []
    # feeds
    wn = feedparser.parse(sub((SITE / "warta-nusantara/rss.xml").read_text()))
    ku = feedparser.parse(sub((SITE / "kabar-umat/atom.xml").read_text()))
    for name, fp, ver in (("wn", wn, "rss20"), ("ku", ku, "atom10")):
        if fp.bozo or fp.version != ver:
            problems.append(f"{name}: bozo={fp.bozo} {fp.get('bozo_exception')} version={fp.version}")
        for e in fp.entries:
            if not exists(e.link):
                problems.append(f"{name}: missing {e.link}")
    print(f"rss items: {len(wn.entries)}  atom entries: {len(ku.entries)}")
    bad = feedparser.parse(sub((SITE / "berita-kacau/rss.xml").read_text()))
    print(f"berita-kacau: bozo={bad.bozo} entries={len(bad.entries)} version={bad.version!r}")
    # sitemaps
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
          "n": "http://www.google.com/schemas/sitemap-news/0.9"}
    idx = etree.fromstring(sub((SITE / "suara-madrasah/sitemap.xml").read_text()).encode())
    for loc in idx.findall("s:sitemap/s:loc", ns):
        if not exists(loc.text):
            problems.append(f"sitemap index: missing {loc.text}")
    news = etree.fromstring(sub((SITE / "suara-madrasah/sitemap-news.xml").read_text()).encode())
    locs = news.findall("s:url/s:loc", ns)
    for loc in locs:
        if not exists(loc.text):
            problems.append(f"sitemap: missing {loc.text}")
    print(f"sitemap urls: {len(locs)}  news titles: {len(news.findall('.//n:title', ns))}")
    # section page
    pat = re.compile(r"/harian-cakrawala/nasional/berita/[^/]+\.html$")
    doc = lhtml.fromstring(sub((SITE / "harian-cakrawala/nasional/index.html").read_text()))
    doc.make_links_absolute(base + "/harian-cakrawala/nasional/index.html")
    found, nonart = set(), 0
    from urllib.parse import urldefrag
    for el, attr, link, _ in doc.iterlinks():
        if attr != "href" or not link.startswith(base):
            continue
        u = urldefrag(link)[0]
        if not exists(u):
            problems.append(f"section: missing {link}")
        if pat.search(u.split("?")[0]):
            found.add(u)
        else:
            nonart += 1
    hc = {base + "/" + a.path for a in arts if a.media == "hc"}
    if found != hc:
        problems.append(f"section: pattern found {sorted(found ^ hc)}")
    print(f"section: {len(found)} article links, {nonart} non-article links")
    # every internal link on every page
    for p in SITE.rglob("*.html"):
        d = lhtml.fromstring(sub(p.read_text()))
        for el, attr, link, _ in d.iterlinks():
            if link.startswith(base) and not exists(link.split("?")[0]):
                problems.append(f"{p.relative_to(SITE)}: dead link {link}")
    # images
    for p in (SITE / "img").glob("*.jpg"):
        if p.stat().st_size > 40_000:
            problems.append(f"{p.name}: {p.stat().st_size} bytes")
    # manifest
    man = yaml.safe_load((DEMO / "manifest.yaml").read_text())
    for e in man["articles"]:
        if not (SITE / e["path"]).is_file():
            problems.append(f"manifest: missing {e['path']}")
    srcs = yaml.safe_load((DEMO / "sources.yaml").read_text())
    print(f"manifest: {len(man['articles'])} articles; sources.yaml: {len(srcs['sources'])} sources")
    # JSON-LD parses
    for a in arts:
        t = sub((SITE / a.path).read_text())
        m = re.search(r'<script type="application/ld\+json">(.*?)</script>', t, re.S)
        json.loads(m.group(1))
    if problems:
        print("PROBLEMS:")
        for pr in problems:
            print("  ", pr)
        raise SystemExit(1)
    print("all checks passed")


if __name__ == "__main__":
    arts = build()
    from collections import Counter
    print(f"{len(arts)} articles;", dict(Counter(a.media for a in arts)),
          "today:", sum(a.date == "today" for a in arts), "yesterday:", sum(a.date == "yesterday" for a in arts))
    for a in arts:
        print(f"  {a.id:6} {body_words(a):4} w  {a.date:9} {','.join(a.topics) or '-':22} {a.title[:70]}")
    if "--check" in sys.argv:
        check(arts)
