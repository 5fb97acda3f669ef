"""Fixture templates in the markup styles of detik, Kompas, Tribun, Liputan6, CNN Indonesia and Antara.

Class names, nesting and the furniture inside and around the story follow what these media's
pages use (body containers, in-body ad slots, teaser boxes, captions, bylines, editor codes);
every text is our own (see _media_stories and _media_parts).
"""

from __future__ import annotations

from html import escape

from ._media_parts import (TEASERS, Page, Planted, footer, gpt, json_ld, menu, meta_tags, most_read, news_ld,
                           paras, shown, story_page)
from ._media_stories import Story


def detik(story: Story, base: str = "https://news.detik.com") -> Page:
    """detik: dateline outside the first <p>, hidden parallax ad, "Baca juga" table, video prompt, code."""
    m = Planted()
    url = f"{base}/berita/d-7612345/{story.slug}"
    head = (f"<title>{escape(story.title)}</title>" + meta_tags([
        ("property", "og:type", "article"), ("property", "og:site_name", "detiknews"),
        ("property", "og:title", story.title), ("property", "og:url", url), ("name", "author", story.author),
        ("name", "dtk:author", story.author), ("name", "publishdate", "2025/11/20 09:15:00"),
        ("property", "article:author", "https://www.facebook.com/detikcom")])
        + json_ld(news_ld(story, url, author=story.author, publisher="detikcom")))
    lead, *rest = story.paragraphs
    body = (
        f'<div class="sticky-share"><div class="share-box"><a class="btn-comment komentar">{m("0 komentar")}</a>'
        f'<div class="detail__share">{m("BAGIKAN")} <span class="notif">{m("Tautan telah disalin")}</span></div>'
        '</div></div>'
        + menu(m, base, "navbar-first")
        + '<div class="container"><article class="detail"><div class="detail__header">'
        f'<h1 class="detail__title">{escape(story.title)}</h1>'
        f'<div class="detail__author">{escape(story.author)} - <span class="detail__label">{m("detikNews")}</span></div>'
        f'<div class="detail__date">{shown(story.published, "short")}</div></div>'
        '<div class="detail__media"><figure class="detail__media-image"><img src="/foto/1.jpg">'
        '<figcaption class="detail__media-caption">'
        f'{m("Foto: Calon jemaah mengisi formulir di loket layanan (Rahmat/detikcom)")}'
        '</figcaption></figure></div>' + gpt("1658820216003-0")
        + '<div class="detail__body itp_bodycontent_wrapper"><div class="detail__body-text itp_bodycontent">'
        f'<strong>Jakarta</strong> - <p>{escape(lead)}</p>' + paras(rest[:2])
        + '<div class="clearfix"></div><div class="paradetail" style="display: none; padding-top: 16px">'
        f'<p id="para_caption">{m("ADVERTISEMENT")}</p><div class="para paraA"><div class="para_ads">'
        + gpt("1572507980488-0") + f'</div></div><p id="para_caption2">{m("SCROLL TO RESUME CONTENT")}</p></div>'
        '<table class="linksisip"><tbody><tr><td><div class="lihatjg"><strong>Baca juga:</strong>'
        f'<a href="{base}/berita/d-7611111/lain">{m(TEASERS[0])}</a></div></td></tr></tbody></table>'
        + paras(rest[2:]) + '<p></p>'
        f'<p><strong>{m("Simak Video: Santri Jombang Rakit Panel Surya untuk Asrama")}</strong></p>'
        f'<p><a href="https://20.detik.com/embed/1" class="embed video20detik">{m("[Gambas:Video 20detik]")}</a></p>'
        f'<p><br><br></p><strong>{m("(rdh/mea)")}</strong>'
        '<div class="detail__body-tag mgt-16"><div class="nav">'
        + "".join(f'<a class="nav__item" href="{base}/tag/{i}">{m(t)}</a>'
                  for i, t in enumerate(("layanan haji digital", "kemenag ri", "antrean jemaah")))
        + '</div></div></div></div></article>'
        f'<div class="list-content"><h2 class="title">{m("Berita Terkait")}</h2>'
        + "".join(f'<article class="list-content__item"><h3 class="list-content__title">'
                  f'<a href="{base}/berita/d-76{i}">{m(t)}</a></h3></article>' for i, t in enumerate(TEASERS[1:4]))
        + '</div>' + most_read(m, base, "Berita Terpopuler") + '</div>' + footer(m, base, "detikcom"))
    return story_page("detik", url, head, body, story, (f"Jakarta - {lead}", *rest), m)


def kompas(story: Story, base: str = "https://regional.kompas.com") -> Page:
    """Kompas: credit line with Penulis and Editor, publisher as metadata author, UTC metadata time,
    "Baca juga" paragraphs, ad spans, a channel promo, "Lihat … Selengkapnya" and video widgets."""
    m = Planted()
    url = f"{base}/read/2025/11/18/14400091/{story.slug}"
    head = (f"<title>{escape(story.title)} Halaman all - Kompas.com</title>" + meta_tags([
        ("name", "author", "Kompas Cyber Media"), ("property", "og:type", "article"),
        ("property", "og:title", story.title), ("property", "og:site_name", "KOMPAS.com"),
        ("name", "content_author", story.author), ("name", "content_editor", "Hendra Gunawan"),
        ("property", "article:published_time", "2025-11-18T07:40:00+00:00")])
        + json_ld(news_ld(story, url, author="Kompas Cyber Media", publisher="KOMPAS.com")))
    lead, *rest = story.paragraphs
    baca = ('<p><strong>Baca juga: <a class="inner-link-baca-juga" href="{base}/read/{i}">{t}</a></strong></p>')
    body = (
        menu(m, base) + '<div class="row"><div class="col-bs10-10"><h3 class="breadcrumb"><ul class="breadcrumb__wrap">'
        f'<li class="breadcrumb__item"><a href="{base}">{m("Kompas.com")}</a></li><li class="breadcrumb__item">'
        f'<a href="{base}/regional">{m("Regional")}</a></li></ul></h3>'
        f'<h1 class="read__title">{escape(story.title)}</h1>'
        f'<div class="read__time"><a href="{base}">Kompas.com</a> - {shown(story.published, "slash")}</div></div>'
        '<div class="col-bs9-7"><div class="read__credit clearfix">'
        '<div class="read__credit__item" id="penulis"><span>Penulis</span> '
        f'<a href="/profile/1">{escape(story.author)}</a></div> | <div class="read__credit__item" id="editor">'
        f'<span>Editor</span> <a href="/profile/2">{m("Hendra Gunawan")}</a></div></div>'
        '<div class="photo"><img src="/foto/2.jpg"><div class="photo__caption">'
        f'{m("Para guru mengikuti sesi praktik asesmen di balai diklat.")}</div>'
        f'<div class="photo__source">{m("KOMPAS.com/SITI AMINAH")}</div></div>'
        '<div class="read__content"><div class="clearfix">'
        f'<p><strong>SERANG, KOMPAS.com</strong> - {escape(lead)}</p>' + paras(rest[:1])
        + '<span class="ads-on-body"></span>' + baca.format(base=base, i=1, t=m(TEASERS[4])) + paras(rest[1:3])
        + '<span class="ads-on-body"></span>' + baca.format(base=base, i=2, t=m(TEASERS[5])) + paras(rest[3:])
        + f'<i>{m("Dapatkan kabar pilihan setiap pagi langsung di WhatsApp Anda: ikuti saluran Kompas.com.")}</i>'
        '<span class="liftdown_v2_tanda"></span></div></div>' + gpt("for-outstream")
        + f'<div class="wLink"><a href="{base}"><div class="wLink__title">{m("Lihat Regional Selengkapnya")}</div></a></div>'
        f'<div class="video-box-wrap"><h3 class="rVideo-lead">{m("Video Pilihan")}</h3></div>'
        f'<div class="read__tagging"><h3 class="tag"><div class="tag__article__teaser">{m("Tag:")}</div>'
        f'<ul class="tag__article__wrap"><li class="tag__article__item"><a href="/tag/1">{m("pelatihan guru banten")}</a>'
        f'</li></ul></h3></div><div class="most"><h3 class="most__title">{m("Berita Terkait")}</h3>'
        f'<div class="most__list">{m.links(TEASERS[6:9], base + "/read", "div", "most__item")}</div></div></div></div>'
        + most_read(m, base) + footer(m, base, "Kompas Cyber Media"))
    return story_page("kompas", url, head, body, story, (f"SERANG, KOMPAS.com - {lead}", *rest), m)


def tribunnews(story: Story, base: str = "https://solo.tribunnews.com", *, part: int = 0,
               parts: tuple[tuple[str, ...], ...] = ()) -> Page:
    """Tribun: a kicker above the title, title suffix, "Laporan Wartawan" line, bullet teasers, photo
    credit and caption, a pager ("Halaman selanjutnya", "Halaman 1 2" to ?page=N), editor and source."""
    m = Planted()
    url = f"{base}/2025/11/17/{story.slug}"
    shown_paras = parts[part] if parts else story.paragraphs
    head = (f"<title>{escape(story.title)} - Tribunsolo.com</title>" + meta_tags([
        ("property", "og:site_name", "Tribunsolo.com"), ("property", "og:type", "article"),
        ("property", "og:title", f"{story.title} - Tribunsolo.com"), ("property", "og:url", url)])
        + json_ld(news_ld(story, url, author=story.author, publisher="Tribunsolo.com")))
    pager = ""
    if parts:
        current = ' id="pagecurrent"'
        links = "".join(f'<a href="{url}?page={n}"{current if n == part + 1 else ""}>{n}</a> '
                        for n in range(1, len(parts) + 1))
        following = (f'<div class="mb20"><a class="bgblue white" href="{url}?page={part + 2}">'
                     f'{m("Halaman selanjutnya")}</a></div>' if part + 1 < len(parts) else "")
        pager = f'{following}<div class="paging mb20"><div class="fl f14">{m("Halaman")}</div> {links}</div>'
    first = shown_paras[0] if part else f"TRIBUNSOLO.COM, KLATEN - {shown_paras[0]}"
    body = (
        menu(m, base) + '<div class="pos_rel" id="article">'
        f'<h2 class="red f16"><a href="{base}/topic/pesantren-hijau">{m("Pesantren Hijau")}</a></h2>'
        f'<h1 id="arttitle">{escape(story.title)}</h1>'
        f'<div class="grey bdr3 pb10 pt10"><time>{shown(story.published, "long_bare")}</time></div>'
        f'<div id="penulis">Penulis: <a href="/author/1">{escape(story.author)}</a></div>'
        f'<div id="editor">Editor: <a href="/author/2">{m("Agung Santoso")}</a></div>'
        '<div id="article_con" class="fl pt20 pos_rel"><div id="artimg"><img class="imgfull" src="/foto/3.jpg">'
        f'<div class="f11 white pa3 fr">{m(f"TribunSolo.com/{story.author}")}</div>'
        f'<div class="arial f12 pt5 grey2">{m("Santri memilah sampah plastik di belakang asrama pondok.")}</div></div>'
        '<div id="div-BelowImages" class="mb20"></div><div class="side-article txt-article">'
        + _tribun_top(m, part, first, story.author))
    body += (
        paras(shown_paras[1:2])
        + "".join(f'<p class="baca"><strong>• <a href="{base}/2025/11/1{i}/lain">{m(t)}</a></strong></p>'
                  for i, t in enumerate(TEASERS[part * 2:part * 2 + 2]))
        + '<div id="div-Inside-MediumRectangle" style="text-align:center"></div>' + paras(shown_paras[2:])
        + '<figure class="image"><img src="/foto/4.jpg"><figcaption>'
        f'{m("Infografis jenis sampah yang diolah santri. TRIBUNSOLO.COM/GRAFIS")}</figcaption></figure></div>'
        f'<div class="side-article mb5">{pager}<div class="mb10"><div class="fbo2 grey fl">{m("Tags")}</div>'
        f'<h5 class="tagcloud3"><a href="{base}/tag/1">{m("pengolahan sampah pondok")}</a></h5></div>'
        f'<div class="mb10"><span class="fbo2 grey f16">{m("Berita Terkait :")}</span>'
        f'<ul>{m.links(TEASERS[6:8], base + "/terkait")}</ul></div>'
        f'<div class="f12 grey mb15"><div>{m("Sumber: TribunSolo.com")}</div></div>'
        f'<div class="mb5"><span class="f800 grey">{m("Ikuti kami di")}</span><div class="sosmed-artikel">'
        '<a class="socmed-li" href="https://news.google.com/x"><i class="fa fa-google"></i></a></div></div>'
        f'<div class="tribun-video-pilihan"><div class="video-top"><a href="/video">{m("Video Pilihan")}</a></div>'
        '</div></div></div></div>' + most_read(m, base, "Populer") + footer(m, base, "Tribunnews.com"))
    own_url = f"{url}?page={part + 1}" if part else url
    return story_page("tribunnews", own_url, head, body, story, (first, *shown_paras[1:]), m)


def _tribun_top(m: Planted, part: int, first: str, author: str) -> str:
    """The opening of Tribun's story block: the reporter line, then the lead with its dateline."""
    opening = "" if part else f'<p><strong>{m(f"Laporan Wartawan TribunSolo.com, {author}")}</strong></p>'
    if part:
        return f'{opening}<p>{escape(first)}</p>'
    place, text = first.split(" - ", 1)
    return f'{opening}<p><strong>{escape(place)}</strong> - {escape(text)}</p>'


def liputan6(story: Story, base: str = "https://www.liputan6.com") -> Page:
    """Liputan6 (KLY): "Oleh" byline with the publisher as metadata author, sections with "2 dari 2
    halaman", a "Baca Juga" list box, seamless ads, a gallery item with its caption, subheading,
    video section and "Lanjutkan Membaca"."""
    m = Planted()
    url = f"{base}/news/read/6212345/{story.slug}"
    head = (f"<title>{escape(story.title)} - News Liputan6.com</title>" + meta_tags([
        ("name", "author", "Liputan6.com"), ("name", "dable:author", "Liputan6.com"),
        ("property", "article:published_time", story.published), ("property", "og:site_name", "liputan6.com"),
        ("property", "og:title", story.title), ("property", "og:type", "article")])
        + json_ld(news_ld(story, url, author="Liputan6.com", publisher="Liputan6.com")))
    lead, p2, p3, p4, p5 = story.paragraphs
    body = (
        menu(m, base, "navbar") + '<div class="article-readpage--section"><div class="article-header">'
        f'<h1 class="article-header__title">{escape(story.title)}</h1><span class="article-header__authors">Oleh '
        f'<a class="article-header__author-link" href="{base}/me/1">{escape(story.author)}</a></span> '
        f'<span class="article-header__datetime">{shown(story.published, "pada")}</span>'
        '<div class="article-header__modified-time"><span class="article-header__modified-time__text">'
        f'{m("Diperbarui")}</span> 19 Nov 2025, 16:45 WIB</div></div></div>'
        '<div class="article-content-body multisection" itemprop="articleBody">'
        '<div class="article-content-body__item"><div class="article-raw-content">'
        f'<p><b>Liputan6.com, Jakarta</b> - {escape(lead)}</p>' + paras([p2])
        + f'<div class="baca-juga"><p class="baca-juga__header">{m("Baca Juga")}</p><ul class="baca-juga__list">'
        + m.links(TEASERS[:3], base + "/news/read") + '</ul></div>'
        '<div class="seamless-ads"><a class="seamless-ads__link" href="javascript:void(0)">'
        '<div class="seamless-ads__container"></div></a></div>' + paras([p3]) + '</div>'
        '<div id="gpt-ad-liputan6-sc-1" class="article-ad"></div><div class="article-content-body__break">'
        f'<div class="article-content-body__item-index">{m("2 dari 3 halaman")}</div></div></div>'
        f'<div class="article-content-body__item"><h2 class="article-content-body__item-title">{escape(story.subheading)}</h2>'
        '<div class="article-photo-gallery--item"><div class="article-photo-gallery--item__content"><img src="/f.jpg">'
        '</div><div class="article-photo-gallery--item__description">'
        f'<span>{m("Peneliti mewawancarai warga di balai desa perbatasan. Dok")}</span></div></div>'
        f'<div class="article-raw-content">{paras([p4, p5])}</div><div class="article-content-body__break">'
        f'<div class="article-content-body__item-index">{m("3 dari 3 halaman")}</div></div></div>'
        '<div class="article-content-body__item"><h2 class="article-content-body__item-title">'
        f'{m("Saksikan Video Pilihan di Bawah Ini:")}</h2><div class="article-video-gallery--item">'
        '<iframe class="vidio-embed" src="https://www.vidio.com/embed/1"></iframe></div></div>'
        f'<div class="article-content-body__load-more">{m("Lanjutkan Membaca ↓")}</div></div>'
        f'<div class="tags--topics"><h2 class="tags--topics__title">{m("Tag Terkait")}</h2><ul>'
        + m.links(("survei kerukunan", "daerah perbatasan"), base + "/tag") + '</ul></div>'
        f'<div class="tabs"><span class="tabs--header--item__text">{m("Rekomendasi")}</span>'
        f'<ul class="article-snippet--related">{m.links(TEASERS[3:6], base + "/news/read")}</ul></div>'
        + most_read(m, base) + footer(m, base, "KLY KapanLagi Youniverse"))
    return story_page("liputan6", url, head, body, story,
                      (f"Liputan6.com, Jakarta - {lead}", p2, p3, story.subheading, p4, p5), m)


def cnnindonesia(story: Story, base: str = "https://www.cnnindonesia.com", *, part: int = 0,
                 parts: tuple[tuple[str, ...], ...] = ()) -> Page:
    """CNN Indonesia: no writer named (the publisher and initials only), ADVERTISEMENT / SCROLL TO
    CONTINUE WITH CONTENT around a parallax slot, "Lihat Juga :" box, [Gambas:Video CNN], an editor
    code closing the last paragraph, and a pager to /2."""
    m = Planted()
    url = f"{base}/nasional/20251121113000-20-1234567/{story.slug}"
    own = parts[part] if parts else story.paragraphs
    head = (f"<title>{escape(story.title)}</title>" + meta_tags([
        ("name", "author", "CNN Indonesia"), ("name", "dtk:author", "fby"), ("property", "og:type", "article"),
        ("property", "og:title", story.title), ("property", "og:site_name", "CNN Indonesia"),
        ("name", "publishdate", "2025/11/21 11:30:00")])
        + json_ld(news_ld(story, url, author="CNN Indonesia", publisher="CNN Indonesia")))
    first = own[0] if part else f"Jakarta, CNN Indonesia -- {own[0]}"
    opening = (f"<p>{escape(first)}</p>" if part else
               f'<p><strong>Jakarta, CNN Indonesia</strong> -- {escape(own[0])}</p>')
    pager = ""
    if parts:
        numbers = "".join(f'<a href="{url}/{n}" class="pager">{n}</a> ' for n in range(1, len(parts) + 1))
        following = (f'<a href="{url}/{part + 2}" class="text-cnn_red">{m("BACA HALAMAN BERIKUTNYA")}</a>'
                     if part + 1 < len(parts) else "")
        pager = f'<div class="mb-4">{following}</div><div class="flex gap-2 pagination">{numbers}</div>'
    *middle, last = own[1:]
    body = (
        menu(m, base) + f'<div class="text-cnn_red">{m("Nasional")}</div><h1 class="mb-2 text-[28px]">'
        f'{escape(story.title)}</h1><div class="text-cnn_grey text-sm mb-4">CNN Indonesia</div>'
        f'<div class="text-cnn_grey text-sm mb-4">{shown(story.published, "short")}</div>'
        '<div class="detail-image"><figure><img src="/g.jpg"><figcaption>'
        f'{m("Ilustrasi. Petugas menyiapkan vaksin di kantor kesehatan pelabuhan. (CNN Indonesia/Andry Novelino)")}'
        '</figcaption></figure></div><div class="detail-wrap flex gap-4 relative">'
        '<div class="detail-text text-cnn_black text-sm grow min-w-0">' + opening + paras(middle[:1])
        + f'<div class="paradetail"><div class="para_caption">{m("ADVERTISEMENT")}</div><div class="para parallax">'
        + gpt("cnn-parallax") + f'</div><div class="para_caption">{m("SCROLL TO CONTINUE WITH CONTENT")}</div></div>'
        + paras(middle[1:])
        + f'<table class="linksisip"><tr><td><div class="lihatjg"><strong>{m("Lihat Juga :")}</strong>'
        f'<ul class="list8">{m.links(TEASERS[part * 3:part * 3 + 2], base + "/nasional")}</ul></div></td></tr></table>'
        f'<p>{escape(last)} <strong>{m("(adp/ugo)")}</strong></p>'
        f'<p><a class="embed" href="https://www.cnnindonesia.com/embed/1">{m("[Gambas:Video CNN]")}</a></p>'
        + pager + '</div></div>' + most_read(m, base) + footer(m, base, "CNN Indonesia"))
    own_url = f"{url}/{part + 1}" if part else url
    return story_page("cnnindonesia", own_url, head, body, story, (first, *own[1:]), m, author=None)


def antaranews(story: Story, base: str = "https://www.antaranews.com") -> Page:
    """Antara: "Jakarta (ANTARA) -" lead, "Baca juga:" spans, a caption with agency credit, and the
    Pewarta / Editor / Copyright block and a no-copying notice under the story."""
    m = Planted()
    url = f"{base}/berita/4812345/{story.slug}"
    head = (f"<title>{escape(story.title)} - ANTARA News</title>" + meta_tags([
        ("property", "og:title", f"{story.title} - ANTARA News"), ("property", "og:type", "article"),
        ("property", "og:site_name", "Antara News"), ("name", "author", "Antara News"),
        ("property", "article:published_time", story.published)])
        + json_ld(news_ld(story, url, author=story.author, publisher="ANTARA")))
    lead, *rest = story.paragraphs
    baca = '<p><span class="baca-juga"><b>Baca juga: </b><a href="{href}">{text}</a></span></p>'
    body = (
        menu(m, base) + f'<div class="wrap__article-detail"><div class="wrap__article-detail-title"><h1>'
        f'{escape(story.title)}</h1></div><div class="wrap__article-detail-info"><ul class="list-inline">'
        f'<li class="list-inline-item"><span class="text-secondary">{shown(story.published, "long")}</span></li>'
        '</ul></div><div class="wrap__article-detail-image"><figure><img src="/h.jpg">'
        f'<p class="wp-caption-text">{m("Ilustrasi - Anak-anak belajar mengaji di sebuah TPQ. ANTARA/Fauzan Hakim")}'
        '</p></figure></div><div class="wrap__article-detail-content post-content">'
        f'Jakarta (ANTARA) - {escape(lead)}<br><br>{escape(rest[0])}<br><br>'
        + baca.format(href=f"{base}/berita/1", text=m(TEASERS[7]))
        + '<div class="adsbygoogle" data-ad-slot="1"></div>'
        + "<br><br>".join(escape(p) for p in rest[1:])
        + baca.format(href=f"{base}/berita/2", text=m(TEASERS[8]))
        + f'<p class="text-muted mt-2 small">Pewarta: {escape(story.author)}<br>{m("Editor: Rina Marlina")}<br>'
        f'{m("Copyright © ANTARA 2025")}</p><p class="text-muted small">'
        f'{m("Dilarang mengutip, menyalin, atau mengindeks isi laman ini secara otomatis tanpa izin tertulis.")}</p>'
        f'</div><div class="tags-wrapper"><ul class="list-inline">{m.links(("bantuan tpq",), base + "/tag")}</ul>'
        f'</div><div class="related"><h4 class="border_section">{m("Berita Terkait")}</h4>'
        f'<ul>{m.links(TEASERS[:2], base + "/berita")}</ul></div></div>'
        + most_read(m, base) + footer(m, base, "ANTARA"))
    return story_page("antaranews", url, head, body, story, (f"Jakarta (ANTARA) - {lead}", *rest), m)
