"""Page kinds: galleries, videos and live reports recognised by title, address, metadata or settings."""

import pytest

from clipper.extract.kinds import page_kind
from clipper.models import ARTICLE, GALLERY, LIVE, VIDEO

URL = "https://www.warta.example.id/berita/2026/12/05/menag-buka-rakernas"


@pytest.mark.parametrize("url, title, meta, html, kind", [
    (URL, "FOTO: Suasana Rakernas Kemenag", {}, None, GALLERY),
    (URL, "[VIDEO] Menag Buka Rakernas", {}, None, VIDEO),
    (URL, "Live Report: Sidang Isbat Awal Ramadan", {}, None, LIVE),
    ("https://www.warta.example.id/foto/2026/12/05/rakernas", "Suasana Rakernas", {}, None, GALLERY),
    ("https://video.warta.example.id/2026/12/05/rakernas", "Menag Buka Rakernas", {}, None, VIDEO),
    ("https://www.warta.example.id/berita/galeri-rakernas-kemenag", "Rakernas Kemenag", {}, None, GALLERY),
    (URL, "Menag Buka Rakernas", {"og:type": "video.other"}, None, VIDEO),
    (URL, "Menag Buka Rakernas", {"ld:types": "liveblogposting"}, None, LIVE),
    (URL, "Menag Buka Rakernas", {}, b'<script>window.kly = {"pageType": "PhotoGallery"};</script>', GALLERY),
    (URL, "Menag Buka Rakernas", {}, b"<script>var content_type = 'video';</script>", VIDEO),
    (URL, "Menag Buka Rakernas", {}, b'<script type="text/javascript">var articleType = "news";</script>', ARTICLE),
    (URL, "Foto Bersama Menteri Usai Rakernas Jadi Viral", {}, None, ARTICLE),
])
def test_page_kind(url, title, meta, html, kind):
    assert page_kind(url, title, meta, html) == kind
