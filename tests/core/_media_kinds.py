"""Fixture pages that are not plain articles: a photo gallery, a video page, a live report, a section
index, and two-page articles in the pagers of Tribun (?page=2), CNN Indonesia (/2) and Okezone.

All text is our own (see _media_stories and _media_parts).
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from ._media_parts import (POPULAR, TEASERS, Page, Planted, document, footer, gpt, json_ld, menu, meta_tags,
                           most_read, news_ld, shown)
from ._media_stories import GALLERY_LEAD, GALLERY_SLIDES, LIVE_TITLE, LIVE_UPDATES, STORIES, VIDEO_LEAD, Story
from ._media_styles_a import cnnindonesia, tribunnews
from ._media_styles_b import okezone

GALLERY_TITLE = "Manasik Haji Jemaah Lansia di Asrama Haji Pondok Gede"
VIDEO_TITLE = "Santri Jombang Rakit Panel Surya untuk Terangi Asrama"


def gallery(base: str = "https://www.liputan6.com") -> Page:
    """A KLY photo gallery: short description, slides with "1 / 4" counters and captions, share icons."""
    m = Planted()
    url = f"{base}/photo/read/6212399/manasik-haji-jemaah-lansia"
    published = "2025-11-22T07:00:00+07:00"
    head = (f"<title>{GALLERY_TITLE} - Foto Liputan6.com</title>" + meta_tags([
        ("property", "og:title", GALLERY_TITLE), ("property", "og:type", "article"), ("name", "author", "Liputan6.com"),
        ("property", "article:published_time", published), ("property", "og:description", GALLERY_LEAD)])
        + json_ld(news_ld(Story(GALLERY_TITLE, "", "", published, ()), url, author="Liputan6.com",
                          publisher="Liputan6.com")))
    slides = "".join(f'<div class="article-gallery-slider__item js-gallery-item"><picture><img src="/g{i}.jpg">'
                     '</picture></div>' for i in range(1, len(GALLERY_SLIDES) + 1))
    body = (
        menu(m, base) + '<div class="main-container"><div class="article-readpage--section"><div class="article-header">'
        f'<h1 class="article-header__title">{GALLERY_TITLE}</h1><span class="article-header__authors">Oleh '
        f'<a class="article-header__author-link" href="{base}/me/2">Johan Santoso</a></span> '
        f'<span class="article-header__datetime">{shown(published, "pada")}</span></div></div>'
        f'<div class="article-readpage--section"><div class="article-short-desc">{escape(GALLERY_LEAD)}</div></div>'
        '<div class="article-readpage--section"><div class="article-gallery-slider">'
        f'<div class="article-gallery-slider__wrapper-slider">{slides}</div>'
        f'<div class="article-gallery-slider__info">{m("Klik gambar untuk perbesar")}</div>'
        '<div class="article-gallery-slider__wrapper-body"><div class="article-gallery-slider__pages">'
        f'<span class="js-gallery-page">1</span> <span class="js-gallery-divider">/</span> '
        f'<span class="js-gallery-total-page">{len(GALLERY_SLIDES)}</span></div>'
        f'<div class="article-gallery-slider__short-desc js-gallery-short-desc">{m(GALLERY_SLIDES[0])}</div></div>'
        '</div>' + gpt("liputan6-hl") + '</div></div>' + most_read(m, base) + footer(m, base, "KLY KapanLagi Youniverse"))
    return Page("gallery", url, document(head, body), GALLERY_TITLE, (GALLERY_LEAD,), "Johan Santoso", published,
                kind="gallery", markers=(*m.markers, "1 / 4"))


def video(base: str = "https://www.cnnindonesia.com") -> Page:
    """A CNN Indonesia TV page: og:type video, a player, one paragraph, "Video Terkait" and prompts."""
    m = Planted()
    url = f"{base}/tv/20251122080000-405-1234599/santri-jombang-rakit-panel-surya"
    published = "2025-11-22T08:00:00+07:00"
    head = (f"<title>VIDEO: {VIDEO_TITLE}</title>" + meta_tags([
        ("property", "og:title", f"VIDEO: {VIDEO_TITLE}"), ("property", "og:type", "video.other"),
        ("property", "og:site_name", "CNN Indonesia"), ("name", "publishdate", "2025/11/22 08:00:00"),
        ("property", "og:description", VIDEO_LEAD)])
        + json_ld({"@context": "https://schema.org", "@type": "VideoObject", "name": VIDEO_TITLE,
                   "uploadDate": published, "description": VIDEO_LEAD, "thumbnailUrl": f"{base}/v.jpg"}))
    body = (
        menu(m, base) + f'<h1 class="title">VIDEO: {VIDEO_TITLE}</h1>'
        f'<div class="text-cnn_grey">CNN Indonesia | {shown(published, "short")}</div>'
        '<div class="player"><iframe src="https://www.cnnindonesia.com/embed/video/1" allowfullscreen></iframe>'
        f'<div class="player__duration">{m("Durasi 02:45")}</div></div>'
        f'<div class="detail-text"><p>{escape(VIDEO_LEAD)}</p></div>'
        f'<div class="share-box"><span>{m("Bagikan video ini")}</span></div>'
        f'<div class="video-terkait"><h2>{m("Video Terkait")}</h2><ul>{m.links(TEASERS[3:6], base + "/tv")}</ul></div>'
        + most_read(m, base) + footer(m, base, "CNN Indonesia"))
    return Page("video", url, document(head, body), f"VIDEO: {VIDEO_TITLE}", (VIDEO_LEAD,), None, published,
                kind="video", markers=tuple(m.markers))


def live(base: str = "https://news.detik.com") -> Page:
    """A detik-style live report: LiveBlogPosting JSON-LD, updates newest first, each after its time."""
    m = Planted()
    url = f"{base}/live/d-7612399/sidang-isbat-awal-ramadan"
    published = "2026-02-17T09:45:00+07:00"
    head = (f"<title>{LIVE_TITLE}</title>" + meta_tags([
        ("property", "og:title", LIVE_TITLE), ("property", "og:type", "article"), ("name", "author", "Tim detikcom"),
        ("property", "article:published_time", published)])
        + json_ld({"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": LIVE_TITLE,
                   "datePublished": published, "coverageStartTime": published,
                   "author": {"@type": "Organization", "name": "detikcom"}}))
    updates = "".join(
        f'<div class="live-report__item"><div class="live-report__time">{hm} WIB</div>'
        f'<div class="live-report__text"><p>{escape(text)}</p></div>'
        f'<div class="live-report__share">{m("Bagikan")}</div></div>' for hm, text in LIVE_UPDATES)
    body = (
        menu(m, base) + f'<article class="detail"><h1 class="detail__title">{LIVE_TITLE}</h1>'
        f'<div class="detail__author">{m("Tim detikcom")} - detikNews</div>'
        f'<div class="detail__date">{shown(published, "short")}</div>'
        f'<div class="live-report__status">{m("LIVE")}</div><div class="live-report">{updates}</div>'
        f'<div class="live-report__more">{m("Muat lebih banyak")}</div></article>'
        + most_read(m, base) + footer(m, base, "detikcom"))
    expected = tuple(line for hm, text in LIVE_UPDATES for line in (f"{hm} WIB", text))
    return Page("live", url, document(head, body), LIVE_TITLE, expected, None, published, kind="live",
                markers=tuple(m.markers))


def index(base: str = "https://www.antaranews.com") -> Page:
    """An Antara section page: headline cards with snippets, a pager, no article metadata."""
    m = Planted()
    url = f"{base}/humaniora"
    cards = "".join(
        f'<article class="card__post card__post-list"><div class="card__post__title"><h2><a href="{base}/berita/{i}">'
        f'{escape(title)}</a></h2></div><p>{escape(title[:40])} ...</p><span class="text-muted">{i} jam lalu</span>'
        '</article>' for i, title in enumerate((*TEASERS, *POPULAR) * 2))
    head = (f"<title>Berita Humaniora Terkini - ANTARA News</title>" + meta_tags([
        ("property", "og:title", "Berita Humaniora Terkini"), ("property", "og:type", "website")]))
    body = (menu(m, base) + f'<h1 class="title">Humaniora</h1><div class="wrapper__list__article">{cards}</div>'
            '<ul class="pagination"><li><a href="?page=2">2</a></li><li><a href="?page=3">3</a></li></ul>'
            + footer(m, base, "ANTARA"))
    return Page("index", url, document(head, body), "Berita Humaniora Terkini", (), None, "", kind="index")


def two_pages(medium: str, base: str | None = None) -> Page:
    """The two-page story in ``medium``'s pager (tribunnews, cnnindonesia or okezone): page 1 as the
    page, page 2 in ``more``; the paragraphs are both pages' in order."""
    template = {"tribunnews": tribunnews, "cnnindonesia": cnnindonesia, "okezone": okezone}[medium]
    story = STORIES.get(f"two_page_{medium}", STORIES["two_page"])
    parts = (story.paragraphs[:3], story.paragraphs[3:])
    kwargs = {"base": base} if base else {}
    first, second = (template(story, part=n, parts=parts, **kwargs) for n in (0, 1))
    return replace(first, medium=f"{medium}-2hal", paragraphs=first.paragraphs + second.paragraphs,
                   markers=tuple(dict.fromkeys(first.markers + second.markers)), more=((second.url, second.html),))
