"""Fixture templates in the markup styles of Republika, Okezone, Suara, Merdeka and kemenag.go.id.

As in _media_styles_a: these media's class names, nesting and furniture, with our own text.
"""

from __future__ import annotations

from html import escape

from ._media_parts import (TEASERS, Page, Planted, document, footer, gpt, json_ld, menu, meta_tags, most_read,
                           news_ld, paras, shown, story_page)
from ._media_stories import Story


def republika(story: Story, base: str = "https://khazanah.republika.co.id") -> Page:
    """Republika: "Rep: … Red: …" byline, "REPUBLIKA.CO.ID, CITY --" lead, a boxed "Baca Juga" list,
    "Advertisement" slots, an embedded tweet and channel prompts."""
    m = Planted()
    url = f"{base}/berita/t5x7k2451/{story.slug}"
    head = (f"<title>{escape(story.title)} | Republika Online</title>" + meta_tags([
        ("property", "og:title", story.title), ("property", "og:type", "article"),
        ("property", "og:site_name", "Republika Online"), ("property", "article:published_time", story.published)])
        + json_ld(news_ld(story, url, author="Republika", publisher="Republika")))
    lead, p2, p3, p4 = story.paragraphs
    body = (
        menu(m, base, "main-menu") + f'<div class="main-content"><div class="title-detail"><h1>{escape(story.title)}'
        f'</h1></div><div class="date-detail"><div class="max-card__title">Rep: {escape(story.author)} '
        f'{m("Red: Hasan Basri")}</div><span>{shown(story.published, "nocomma")}</span></div>'
        '<div class="image-detail"><img src="/r.jpg"><div class="caption">'
        f'{m("Relawan menyortir buku sumbangan jamaah di serambi masjid. (Republika/Nur Hidayah)")}</div></div>'
        f'<div class="article-content"><p>REPUBLIKA.CO.ID, BANDUNG -- {escape(lead)}</p>'
        f'<div class="iklan-tengah"><span class="ads-label">{m("Advertisement")}</span>' + gpt("rep-1") + '</div>'
        + paras([p2])
        + f'<div class="baca-juga"><div class="baca-juga-title">{m("Baca Juga")}</div><ul>'
        + m.links(TEASERS[1:4], base + "/berita") + '</ul></div>' + paras([p3])
        + '<blockquote class="twitter-tweet"><p lang="in" dir="ltr">'
        f'{m("Alhamdulillah, kiriman buku tahap pertama sudah berangkat ke dua belas pondok.")}</p>'
        f'{m("— Relawan Pustaka (@relawanpustaka) November 14, 2025")}</blockquote>'
        + paras([p4])
        + f'<p><strong>{m("Ikuti berita terbaru Republika di Google News dan saluran WhatsApp kami.")}</strong></p>'
        f'</div><div class="tag-list"><span>{m("Topik :")}</span>{m.links(("donasi buku santri",), base + "/tag", "span")}'
        f'</div><div class="related"><h3>{m("Berita Lainnya")}</h3><ul>{m.links(TEASERS[4:7], base + "/berita")}'
        '</ul></div></div>' + most_read(m, base) + footer(m, base, "Republika Penerbit"))
    return story_page("republika", url, head, body, story, (f"REPUBLIKA.CO.ID, BANDUNG -- {lead}", p2, p3, p4), m)


def okezone(story: Story, base: str = "https://nasional.okezone.com", *, part: int = 0,
            parts: tuple[tuple[str, ...], ...] = ()) -> Page:
    """Okezone: title suffix ": Okezone Nasional", publisher as author, a zone-less JSON-LD time,
    "Name, Jurnalis · date" byline, whole-link "Baca juga:", flying carpet ad, "(XYZ)" code, follow
    prompts, and "Halaman:" numbers to ?page=N."""
    m = Planted()
    url = f"{base}/read/2025/11/14/337/3171234/{story.slug}"
    own = parts[part] if parts else story.paragraphs
    head = (f"<title>{escape(story.title)} : Okezone Nasional</title>" + meta_tags([
        ("name", "author", "Okezone"), ("property", "og:site_name", "https://nasional.okezone.com/"),
        ("property", "og:title", f"{story.title} : Okezone Nasional"), ("property", "og:type", "article"),
        ("name", "dable:author", story.author), ("property", "article:author", "https://www.facebook.com/OkezoneCom")])
        + json_ld({"@context": "http://schema.org", "@type": "WebPage", "headline": story.title,
                   "datePublished": shown(story.published, "nocomma").split(" ", 1)[1]},
                  news_ld(story, url, author=story.author, publisher="Okezone",
                          published=story.published[:19].replace("T", " "))))
    first = own[0] if part else f"SOLO – {own[0]}"
    opening = f"<p>{escape(first)}</p>" if part else f"<p><strong>SOLO</strong> – {escape(own[0])}</p>"
    pager = ""
    if parts:
        numbers = "".join(f'<a href="{url}?page={n}" class="nomor{" active" if n == part + 1 else ""}">{n}</a>'
                          for n in range(1, len(parts) + 1))
        pager = f'<div id="paging"><div class="title">{m("Halaman:")}</div><div class="box-nomor">{numbers}</div></div>'
    body = (
        menu(m, base) + f'<div class="breadcrumb"><ul><li><a href="{base}">{m("Home")}</a></li></ul></div>'
        f'<div class="title"><h1>{escape(story.title)}</h1></div><div class="reporter"><div class="namerep">'
        f'{escape(story.author)}, <span>{m("Jurnalis")}</span> <i>·</i> <b>{shown(story.published, "nocomma")}</b>'
        '</div></div><div class="detfoto"><img src="/o.jpg">'
        f'<span>{m("Petugas kloter mengikuti materi kedaruratan (Foto: Dok Okezone)")}</span></div>'
        f'<div class="shareokez"><ul class="firstshare"><li class="facebook button-share">{m("Share on Facebook")}'
        '</li></ul></div><div id="contentx" class="read" itemprop="articleBody">' + opening + paras(own[1:2])
        + gpt("1622451951947-0")
        + f'<p><a href="{base}/read/2025/11/13/1">{m("Baca juga: " + TEASERS[part + 5])}</a></p>'
        + paras(own[2:]) + '<div class="flying_carpet_div">' + gpt("1510661249458-0") + '</div>'
        + (f'<p><strong>{m("(DRM)")}</strong></p>' if part + 1 >= max(len(parts), 1) else "")
        + '<div class="detail-tag newtag"><ul>' + m.links(("#petugas haji",), base + "/tag") + '</ul></div></div>'
        + pager + f'<div id="follow-wa"><div class="text">'
        f'{m("Follow WhatsApp Channel Okezone untuk kabar terbaru setiap hari")}</div></div>'
        f'<div class="follow-okz box-gnews"><a href="https://news.google.com/x">{m("Follow Okezone di Google News")}</a>'
        f'</div><div class="widget-rekomendasi"><p class="widget-rekomendasi-title">{m("Berita Terkait")}</p>'
        f'<ul class="widget-rekomendasi-list">{m.links(TEASERS[:3], base + "/read")}</ul></div>'
        + most_read(m, base) + footer(m, base, "Okezone.com"))
    own_url = f"{url}?page={part + 1}" if part else url
    return story_page("okezone", own_url, head, body, story, (first, *own[1:]), m)


def suara(story: Story, base: str = "https://www.suara.com") -> Page:
    """Suara: "Suara.com -" lead, ADVERTISEMENT / SCROLL TO CONTINUE labels, a "Baca Juga:" box, an
    embedded Instagram post, a captioned photo with credit, Google News prompt."""
    m = Planted()
    url = f"{base}/tekno/2025/11/13/190000/{story.slug}"
    head = (f"<title>{escape(story.title)}</title>" + meta_tags([
        ("property", "og:title", story.title), ("property", "og:type", "article"), ("name", "author", story.author),
        ("property", "og:site_name", "Suara.com"), ("property", "article:published_time", story.published)])
        + json_ld(news_ld(story, url, author=story.author, publisher="Suara.com")))
    lead, p2, p3, p4 = story.paragraphs
    ad = (f'<div class="ads_detail_content"><span class="ads-label">{m("ADVERTISEMENT")}</span>' + gpt("suara-1")
          + f'<span class="ads-label">{m("SCROLL TO CONTINUE WITH CONTENT")}</span></div>')
    body = (
        menu(m, base) + f'<div class="detail-title"><h1>{escape(story.title)}</h1></div>'
        f'<div class="detail-author"><span class="author-name"><a href="{base}/author/1">{escape(story.author)}</a></span>'
        f' <span class="date">{shown(story.published, "bar")}</span></div>'
        '<article class="detail-content detail-berita">'
        f'<p><strong>Suara.com</strong> - {escape(lead)}</p>' + ad + paras([p2])
        + f'<div class="baca-juga-new"><span class="title">{m("Baca Juga:")}</span><ul>'
        + m.links(TEASERS[5:8], base + "/news") + '</ul></div>'
        + '<figure class="image"><img src="/s.jpg"><figcaption>'
        f'{m("Tampilan aplikasi penerjemah bahasa isyarat. (Suara.com/Dewi Lestari)")}</figcaption></figure>'
        + paras([p3])
        + '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/x/">'
        f'<div><a href="https://www.instagram.com/p/x/">{m("Lihat postingan ini di Instagram")}</a></div>'
        f'<p><a href="https://www.instagram.com/p/x/">{m("Sebuah kiriman dibagikan oleh Komunitas Tuli Kota (@tulikota)")}'
        '</a></p></blockquote>' + paras([p4])
        + f'<p>{m("Ikuti Suara.com di Google News untuk kabar pilihan setiap hari.")}</p></article>'
        f'<div class="tag-detail"><span>{m("Tag")}</span>{m.links(("aplikasi isyarat",), base + "/tag", "span")}</div>'
        f'<div class="terkait"><h2>{m("Berita Terkait")}</h2><ul>{m.links(TEASERS[8:], base + "/news")}</ul></div>'
        + most_read(m, base, "Terpopuler", "widget-populer") + footer(m, base, "Suara.com"))
    return story_page("suara", url, head, body, story, (f"Suara.com - {lead}", p2, p3, p4), m)


def merdeka(story: Story, base: str = "https://m.merdeka.com") -> Page:
    """Merdeka (mobile): "| merdeka.com" title, WIB time labelled -07:00 in metadata, "Reporter :"
    byline, © caption, later pages hidden until scrolled (display:none) with image credits, an
    embedded tweet, "Baca Selanjutnya:" and "Halaman 1 2" to ?page=N, "(mdk/xyz)"."""
    m = Planted()
    url = f"{base}/jabar/{story.slug}.html"
    wrong = story.published.replace("+07:00", "-07:00")
    head = (f"<title>{escape(story.title)} | merdeka.com</title>" + meta_tags([
        ("name", "author", story.author), ("property", "article:published_time", wrong),
        ("property", "og:title", f"{story.title} | merdeka.com"), ("property", "og:type", "article"),
        ("property", "og:site_name", "merdeka.com")]))
    lead, p2, p3, *hidden = story.paragraphs
    body = (
        menu(m, base) + '<div id="detail_news"><div class="banner-lb">' + gpt("merdeka-hl") + '</div>'
        f'<div class="mdk-news-head"><h1>{escape(story.title)}</h1></div><div class="mdk-news-img">'
        f'<figure><img src="/m.jpg"></figure><span class="mdk-news-img-copyright">'
        f'{m("ilustrasi remaja bermain gawai. ©2025 Merdeka.com/Andre Wicaksono")}</span></div>'
        '<div class="mdk-news-body"><div class="mdk-date-reporter">'
        f'<span><a href="/jabar/">{m("JABAR")}</a> | {shown(story.published, "plain")}</span> '
        f'<span>Reporter : <a href="/reporter/1/">{escape(story.author)}</a></span></div>'
        '<div class="mdk-body-paragraph">'
        f'<p><span class="first-p"><b>Merdeka.com -</b></span> {escape(lead)}</p>' + paras([p2])
        + gpt("merdeka-dfp-exposer-slot1-oop") + paras([p3])
        + '<blockquote class="twitter-tweet"><p lang="in">'
        f'{m("Cek dulu sebelum sebar. Jempolmu, tanggung jawabmu!")}</p>'
        f'{m("— Remaja Melek Media (@remajamelek) November 10, 2025")}</blockquote>'
        '<div class="mdk-body-paragraph paging-content" style="display:none">'
        f'<h2 class="title-dt-paging">{escape(story.subheading)}</h2>{paras(hidden[:1])}'
        f'<div class="imagecontent"><img src="/m2.jpg"></div><div class="imageinfo"><span>{m("shutterstock")}'
        f'</span></div>{paras(hidden[1:])}</div></div>'
        f'<p class="read-too">{m("Baca Selanjutnya:")} <a href="?page=2">{m("Belajar dari Kasus...")}</a></p>'
        f'<div class="page-number"><p>{m("Halaman")}</p><ul><li class="active"><a href="?page=1">1</a></li>'
        '<li><a href="?page=2">2</a></li></ul></div>'
        f'<p style="padding: 0px 10px;"><b>{m("(mdk/ank)")}</b></p></div></div>'
        f'<div class="mdk-dt-box"><div class="tag"><div class="tag__head"><h2>{m("TOPIK TERKAIT")}</h2></div>'
        f'<ul class="tag__list">{m.links(("literasi digital",), base + "/tag", "li")}</ul></div></div>'
        f'<div class="gtwsub"><p class="gtwsub-text">{m("Punya kisah inspiratif dari lingkunganmu? Kirimkan kepada kami.")}'
        f'</p><a href="/submit" class="gtwsub-btn">{m("Daftarkan")}</a></div>'
        + most_read(m, base) + footer(m, base, "merdeka.com"))
    # ?page=2 shows the same page, scrolled to its second part
    return story_page("merdeka", url, head, body, story, (f"Merdeka.com - {lead}", p2, p3, story.subheading, *hidden),
                      m, more=((f"{url}?page=2", document(head, body)),))


def kemenag(story: Story, base: str = "https://kemenag.go.id") -> Page:
    """kemenag.go.id: "City (Kemenag) ---" lead, a captioned photo credited to Humas, the Penulis /
    Editor / Fotografer block under the story, share labels, related and most-read lists."""
    m = Planted()
    url = f"{base}/nasional/{story.slug}-8hx2k"
    head = (f"<title>{escape(story.title)}</title>" + meta_tags([
        ("property", "og:title", story.title), ("property", "og:type", "article"),
        ("property", "og:site_name", "Kementerian Agama Republik Indonesia"),
        ("property", "article:published_time", story.published)])
        + json_ld(news_ld(story, url, author="Kementerian Agama RI", publisher="Kementerian Agama RI")))
    lead, *rest = story.paragraphs
    body = (
        menu(m, base, "navbar-nav") + '<main><div class="container"><div class="article-header">'
        f'<span class="badge">{m("Nasional")}</span><h1 class="article-title">{escape(story.title)}</h1>'
        f'<div class="article-date">{shown(story.published, "long")}</div></div>'
        '<figure class="article-image"><img src="/k.jpg"><figcaption>'
        f'{m("Menag menggunting pita peresmian gedung layanan terpadu (foto: Humas)")}</figcaption></figure>'
        f'<div class="article-content"><p>Sleman (Kemenag) --- {escape(lead)}</p>' + paras(rest)
        + '</div><div class="article-author">'
        f'<p>Penulis: {escape(story.author)}</p><p>{m("Editor: Indah Permata")}</p>'
        f'<p>{m("Fotografer: Humas Kankemenag Sleman")}</p></div>'
        f'<div class="share-buttons"><span>{m("Bagikan:")}</span><a href="https://wa.me/?text=x">WhatsApp</a></div>'
        f'<section class="related-news"><h3>{m("Berita Terkait")}</h3><ul>{m.links(TEASERS[2:5], base + "/nasional")}'
        '</ul></section></div></main>' + most_read(m, base, "Berita Terpopuler")
        + footer(m, base, "Kementerian Agama Republik Indonesia"))
    return story_page("kemenag", url, head, body, story, (f"Sleman (Kemenag) --- {lead}", *rest), m)
