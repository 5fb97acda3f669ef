"""URL identity and grouping of syndicated stories."""

from __future__ import annotations

import random

from clipper.classify.stories import (STORY_THRESHOLD, StoryIndex, similarity, sketch_from_bytes,
                                      sketch_to_bytes, text_sketch)
from clipper.harvest.urls import clean_url, url_key


def test_url_variants_share_one_key():
    """Tracking parameters, fragments, http/https, www/m/amp hosts and AMP paths are one article."""
    base = url_key("https://www.kabar.example.id/berita/2026/11/menag-kunjungi-madrasah")
    for variant in [
        "http://kabar.example.id/berita/2026/11/menag-kunjungi-madrasah/",
        "https://kabar.example.id/berita/2026/11/menag-kunjungi-madrasah?utm_source=fb&utm_medium=social",
        "https://m.kabar.example.id/berita/2026/11/menag-kunjungi-madrasah#komentar",
        "https://amp.kabar.example.id/berita/2026/11/menag-kunjungi-madrasah",
        "https://www.kabar.example.id/amp/berita/2026/11/menag-kunjungi-madrasah",
        "https://www.kabar.example.id/berita/2026/11/menag-kunjungi-madrasah/amp",
        "https://www.kabar.example.id/berita/2026/11/menag-kunjungi-madrasah?amp=1&fbclid=xyz",
        "HTTPS://WWW.KABAR.EXAMPLE.ID:443/berita/2026/11/menag-kunjungi-madrasah",
        "https://mobile.kabar.example.id/berita/2026/11/menag-kunjungi-madrasah?page=all",
        "https://www.kabar.example.id/berita/2026/11/menag-kunjungi-madrasah?single=1",
    ]:
        assert url_key(variant) == base, variant


def test_meaningful_query_and_other_articles_differ():
    """A query that selects content (id=) and a different path stay different articles."""
    assert url_key("https://x.id/read.php?id=1") != url_key("https://x.id/read.php?id=2")
    assert url_key("https://x.id/berita?page=2") != url_key("https://x.id/berita?page=all")
    assert url_key("https://x.id/read.php?id=1&utm_campaign=a") == url_key("https://x.id/read.php?id=1")
    assert url_key("https://x.id/a") != url_key("https://y.id/a")
    assert clean_url("https://x.id/a?utm_source=t&id=3#top") == "https://x.id/a?id=3"


STORY = (
    "Kementerian Agama menyiapkan program pendampingan bagi guru madrasah di daerah terpencil. "
    "Program ini mencakup pelatihan daring, bantuan perangkat, dan pembinaan oleh pengawas. "
    "Direktur Jenderal Pendidikan Islam menyampaikan bahwa sebanyak dua ribu guru akan mengikuti "
    "tahap pertama yang dimulai bulan depan di dua belas provinsi. Para guru akan memperoleh "
    "sertifikat setelah menyelesaikan seluruh modul dan praktik mengajar di kelas masing masing. "
    "Evaluasi program dilakukan setiap tiga bulan dengan melibatkan kepala madrasah dan komite."
)
INDEPENDENT = (
    "Ratusan guru madrasah di daerah terpencil menyambut gembira rencana pendampingan dari "
    "Kementerian Agama. Seorang guru di pedalaman mengaku selama ini kesulitan sinyal internet "
    "sehingga pelatihan daring sering terputus. Ia berharap bantuan perangkat segera tiba agar "
    "murid murid tidak tertinggal. Kepala madrasah setempat menilai pembinaan pengawas akan "
    "membantu guru muda yang baru mengajar. Menurut dia, dua ribu guru tahap pertama masih "
    "terlalu sedikit dibandingkan kebutuhan di provinsi tersebut."
)


def edited_copy(text: str) -> str:
    """A syndicated copy: new intro, one sentence changed, one dropped."""
    sentences = text.split(". ")
    sentences[1] = "Pelatihan daring, bantuan perangkat, dan pembinaan pengawas menjadi bagian program itu"
    return "JAKARTA - " + ". ".join(sentences[:-1]) + "."


def test_syndicated_copy_similar_and_independent_report_not():
    """A lightly edited copy scores above the threshold; another report of the same event far below."""
    original = text_sketch(STORY)
    assert similarity(original, text_sketch(edited_copy(STORY))) >= STORY_THRESHOLD + 0.15
    assert similarity(original, text_sketch(INDEPENDENT)) < STORY_THRESHOLD / 2
    assert similarity(original, original) == 1.0


def test_threshold_separates_random_texts():
    """Over 200 synthetic pairs: copies with small edits always group, unrelated texts never do."""
    rng = random.Random(7)
    vocab = STORY.split() + INDEPENDENT.split()
    for _ in range(100):
        words = [rng.choice(vocab) for _ in range(rng.randint(80, 400))]
        copy = list(words)
        for _ in range(len(copy) // 25):  # ~4% of words changed
            copy[rng.randrange(len(copy))] = rng.choice(vocab)
        other = [rng.choice(vocab) for _ in range(len(words))]
        assert similarity(text_sketch(" ".join(words)), text_sketch(" ".join(copy))) >= STORY_THRESHOLD
        assert similarity(text_sketch(" ".join(words)), text_sketch(" ".join(other))) < STORY_THRESHOLD


def test_story_index_finds_the_story_and_media():
    """The index returns the story of the most similar article and whether it is the same media."""
    index = StoryIndex()
    index.add(1, text_sketch(STORY), 1, "Warta")
    index.add(2, text_sketch(INDEPENDENT), 2, "Kabar")
    match = index.find(text_sketch(edited_copy(STORY)), "Harian")
    assert match is not None and match.story_id == 1 and not match.same_media
    assert index.find(text_sketch("kata " * 10), "Harian") is None


def test_sketch_round_trips_bytes():
    """Sketches survive storage as bytes."""
    sketch = text_sketch(STORY)
    assert sketch_from_bytes(sketch_to_bytes(sketch)) == sketch
    assert sketch_from_bytes(None) == ()
