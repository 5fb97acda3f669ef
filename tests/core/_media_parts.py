"""Building blocks of the media-style fixture pages: the page record, head, dates and furniture.

Every piece of furniture a template puts on a page (an ad label, a teaser headline, a caption, a
menu item) is written through a ``Planted`` collector, so the page knows every marker string
that must never reach stored text. All text here is written for these tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from html import escape

from ._media_stories import Story

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")

# Headlines of other (fictional) stories, as teaser boxes, related lists and most-read lists show them.
TEASERS = (
    "Beasiswa Santri Berprestasi Dibuka untuk Tiga Ribu Penerima",
    "Jemaah Lansia Dapat Pendamping Khusus di Bandara",
    "Madrasah Digital Diperluas ke Lima Ratus Sekolah",
    "Kartu Nikah Digital Mulai Dipakai di KUA Kota",
    "Guru Honorer Madrasah Terima Tunjangan Akhir Tahun",
    "Lomba Kaligrafi Pelajar Digelar di Alun-alun Kota",
    "Ormas Islam Sepakat Awasi Dana Zakat Bersama",
    "Festival Hadrah Remaja Meriahkan Akhir Pekan",
    "Pemerintah Kaji Ulang Biaya Nikah di Luar Kantor",
    "Kampus Islam Negeri Buka Program Studi Data Sains",
)
POPULAR = (
    "Lima Fakta Unik Masjid Terapung di Pesisir Timur",
    "Harga Perlengkapan Umrah Naik Jelang Libur Sekolah",
    "Cerita Marbot yang Menghafal Seluruh Jadwal Imam",
    "Viral Santri Juara Robotik Tingkat Asia Tenggara",
    "Daftar Libur Nasional dan Cuti Bersama Tahun Depan",
)
MENU = ("Beranda", "Nasional", "Internasional", "Ekonomi", "Olahraga", "Gaya Hidup", "Otomotif", "Indeks Berita")
FOOTER_LINKS = ("Redaksi", "Pedoman Media Siber", "Kebijakan Privasi", "Kontak Kami", "Karier")


@dataclass(frozen=True)
class Page:
    """A rendered fixture page and what a correct reading of it gives."""

    medium: str
    url: str
    html: str
    title: str  # the headline, without site suffix or kicker
    paragraphs: tuple[str, ...]  # the text a reader keeps, one paragraph per line, in order
    author: str | None  # the writer (a person), or None when the page names none
    published: str  # ISO 8601 with offset
    kind: str = "article"
    markers: tuple[str, ...] = ()  # every furniture text planted on the page (and its further pages)
    more: tuple[tuple[str, str], ...] = ()  # (url, html) of the further pages of a paged article


class Planted:
    """Collects furniture texts as a template writes them (escaped for HTML)."""

    def __init__(self) -> None:
        self.markers: list[str] = []

    def __call__(self, text: str) -> str:
        self.markers.append(text)
        return escape(text)

    def links(self, texts, href: str, item: str = "li", cls: str = "") -> str:
        """One link per text, each in its own ``item`` element."""
        attr = f' class="{cls}"' if cls else ""
        return "".join(f'<{item}{attr}><a href="{href}/{i}">{self(t)}</a></{item}>' for i, t in enumerate(texts))


def story_page(medium: str, url: str, head: str, body: str, story: Story, paragraphs, planted: Planted,
               **fields) -> Page:
    """A page of ``story``: its title, writer and time unless ``fields`` say otherwise (author=None …)."""
    fields = {"author": story.author, "published": story.published, **fields}
    return Page(medium, url, document(head, body), story.title, tuple(paragraphs), markers=tuple(planted.markers),
                **fields)


def moment(iso: str) -> datetime:
    """The story's time as a datetime."""
    return datetime.fromisoformat(iso)


def shown(iso: str, style: str) -> str:
    """The time as a medium prints it. ``style`` names the layout (see the branches)."""
    t = moment(iso)
    day, month, hm = DAYS[t.weekday()], MONTHS[t.month - 1], t.strftime("%H:%M")
    return {
        "short": f"{day}, {t.day} {month[:3]} {t.year} {hm} WIB",  # detik, CNN
        "slash": f"{t:%d/%m/%Y}, {hm} WIB",  # Kompas
        "long": f"{day}, {t.day} {month} {t.year} {hm} WIB",  # Antara, kemenag.go.id
        "long_bare": f"{day}, {t.day} {month} {t.year} {hm}",  # Tribun (no zone written)
        "nocomma": f"{day} {t.day} {month} {t.year} {hm} WIB",  # Okezone
        "pada": f"pada {t.day} {month[:3]} {t.year}, {hm} WIB",  # KLY
        "plain": f"{t.day} {month} {t.year} {hm}",  # Merdeka mobile
        "bar": f"{day}, {t.day} {month} {t.year} | {hm} WIB",  # Suara
    }[style]


def meta_tags(pairs: list[tuple[str, str, str]]) -> str:
    """<meta> tags from (attribute, key, content) triples."""
    return "\n".join(f'<meta {attr}="{key}" content="{escape(value)}">' for attr, key, value in pairs)


def json_ld(*objects: dict) -> str:
    """JSON-LD script blocks."""
    return "\n".join(f'<script type="application/ld+json">{json.dumps(o, ensure_ascii=False)}</script>'
                     for o in objects)


def news_ld(story: Story, url: str, *, author: str, publisher: str, published: str | None = None,
            kind: str = "NewsArticle") -> dict:
    """The NewsArticle JSON-LD the media print (author as a Person, even when it is the publisher)."""
    return {"@context": "https://schema.org", "@type": kind, "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": story.title, "datePublished": published or story.published,
            "dateModified": published or story.published, "author": {"@type": "Person", "name": author},
            "publisher": {"@type": "Organization", "name": publisher}}


def document(head: str, body: str, *, lang: str = "id") -> str:
    """A whole page, with a script and a style that must stay out of the text."""
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">{head}'
            '<style>.ads{min-height:250px}</style></head>\n<body>'
            '<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"kanal": "berita"});</script>'
            f'{body}</body></html>')


def menu(planted: Planted, base: str, cls: str = "nav") -> str:
    """A header navigation menu."""
    items = "".join(f'<li><a href="{base}/kanal/{i}">{planted(m)}</a></li>' for i, m in enumerate(MENU))
    return f'<header class="header"><nav class="{cls}"><ul>{items}</ul></nav></header>'


def footer(planted: Planted, base: str, owner: str) -> str:
    """A page footer with its links and a copyright line."""
    links = "".join(f'<a href="{base}/info/{i}">{planted(t)}</a> ' for i, t in enumerate(FOOTER_LINKS))
    return (f'<footer class="footer"><div class="footer__links">{links}</div>'
            f'<p class="copyright">{planted(f"Copyright © 2025 {owner}. All rights reserved.")}</p></footer>')


def most_read(planted: Planted, base: str, label: str = "Terpopuler", cls: str = "box-populer") -> str:
    """A sidebar most-read list."""
    return (f'<aside class="sidebar"><div class="{cls}"><h3>{planted(label)}</h3>'
            f'<ol>{planted.links(POPULAR, base + "/populer")}</ol></div></aside>')


def paras(texts, cls: str = "") -> str:
    """Story paragraphs as <p> elements."""
    attr = f' class="{cls}"' if cls else ""
    return "".join(f"<p{attr}>{escape(t)}</p>" for t in texts)


def gpt(slot: str) -> str:
    """An empty ad slot as the ad servers leave it in the page."""
    return f'<div id="div-gpt-ad-{slot}" style="min-width:300px;min-height:250px"></div>'
