"""Per-media extraction hints: validated on load, applied by site, falling back when stale."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from clipper.errors import ConfigError
from clipper.extract.hints import hints_by_site, hints_for_url
from clipper.extract.reader import extract
from clipper.harvest.jobs import extract_job
from clipper.models import ExtractHints, FetchedPage
from clipper.workspace.configuration import parse_config

CONFIG = """\
sources:
  - name: Warta Uji
    feed: https://www.wartauji.co.id/rss
    extract:
      body: "div.isi-berita"
      drop: [".sisipan", "div[data-ad]"]
      next_page: "a.halaman-berikut"
  - name: Kabar Uji
    feed: https://kabaruji.co.id/rss
"""

STORY = ("Kementerian Agama menyiapkan pelatihan guru madrasah di dua puluh provinsi tahun depan. "
         "Pelatihan itu berlangsung selama tiga bulan dengan pendamping dari balai diklat setempat. ")
# A page the generic reading gets wrong: the promo block holds more prose than the story.
PAGE = f"""<html><head><title>Pelatihan Guru Madrasah</title></head><body>
<h1>Pelatihan Guru Madrasah</h1>
<div class="promo"><p>{"Langganan paket premium kami dan nikmati ratusan artikel pilihan setiap hari. " * 12}</p></div>
<div class="isi-berita">
  <p>{STORY}</p>
  <div class="sisipan"><p>Baca Juga: Judul berita lain yang disisipkan di tengah</p></div>
  <div data-ad="tengah"><p>Iklan sponsor di tengah berita yang panjang sekali isinya</p></div>
  <p>{STORY.replace("tiga", "empat")}</p>
</div>
<a class="halaman-berikut" href="/berita/pelatihan?page=2">Berikutnya</a>
</body></html>"""


def _page(url: str, html: str = PAGE) -> FetchedPage:
    return FetchedPage(url, url, 200, {"content-type": "text/html"}, html.encode(), datetime.now(UTC))


def test_hints_are_read_and_apply_to_the_whole_site():
    config = parse_config(CONFIG, "sources.yaml")
    hints = config.sources[0].extract
    assert hints == ExtractHints(("div.isi-berita",), (".sisipan", "div[data-ad]"), "a.halaman-berikut")
    by_site = hints_by_site(config.sources)
    assert hints_for_url("https://daerah.wartauji.co.id/berita/1", by_site) is hints
    assert hints_for_url("https://kabaruji.co.id/berita/1", by_site) is None


def test_body_drop_and_next_page_hints_are_used():
    hints = parse_config(CONFIG, "sources.yaml").sources[0].extract
    article = extract(_page("https://www.wartauji.co.id/berita/pelatihan"), hints=hints)
    assert article.text.split("\n") == [STORY.strip(), STORY.replace("tiga", "empat").strip()]
    assert article.extractor == "hints"
    assert article.next_pages == ("https://www.wartauji.co.id/berita/pelatihan?page=2",)
    generic = extract(_page("https://www.wartauji.co.id/berita/pelatihan"))
    assert generic.text.split("\n") != article.text.split("\n")  # the hint does what the generic path did not


def test_a_stale_hint_falls_back_to_the_generic_reading():
    stale = ExtractHints(body=("div.tidak-ada",))
    article = extract(_page("https://www.wartauji.co.id/berita/pelatihan"), hints=stale)
    assert article.extractor != "hints" and "madrasah" in article.text


def test_the_harvest_worker_passes_hints_to_extraction():
    hints = parse_config(CONFIG, "sources.yaml").sources[0].extract
    done = extract_job(_page("https://www.wartauji.co.id/berita/pelatihan"), "id", hints=hints, finish=False)
    assert done.article.extractor == "hints" and "Baca Juga" not in done.article.text


@pytest.mark.parametrize("extract_yaml, words", [
    ('      body: "div[["', "selektor CSS tidak sah"),
    ('      drop: ["p:nth-child(x)"]', "selektor CSS tidak sah"),
    ('      bodi: "div"', "bodi"),
    ("      next_page: ''", "selektor CSS kosong"),
])
def test_a_bad_hint_is_a_config_error_naming_the_source_and_line(extract_yaml, words):
    text = ("sources:\n  - name: Kabar Uji\n    feed: https://kabar.example.id/rss\n"
            "  - name: Warta Uji\n    feed: https://warta.example.id/rss\n    extract:\n" + extract_yaml + "\n")
    with pytest.raises(ConfigError) as info:
        parse_config(text, "sources.yaml")
    message = "\n".join(info.value.problems)
    assert "sources.yaml:7:" in message and "sources[1]" in message and "Warta Uji" in message and words in message
