"""About versus mentioned, dated terms and homonym guards of the default topic rules."""

from __future__ import annotations

from datetime import date

import pytest

from clipper.classify.aboutness import DISEBUT, UTAMA, mention_sites, teaser_spans, tier_of
from clipper.classify.classifier import Classifier
from clipper.classify.rules import default_topics

FILLER = ("Warga kota itu menghadiri acara di lapangan utama sejak pagi. Panitia menyiapkan tenda, kursi "
          "dan konsumsi bagi ratusan pengunjung yang datang dari berbagai kecamatan. ")


@pytest.fixture(scope="module")
def clf():
    return Classifier(default_topics())


def _tiers(clf, title, text, day=None):
    return clf.classify_topics(title, text, day).tiers


def test_title_term_makes_the_subject(clf):
    """A strong term in the title makes the article about the topic."""
    assert _tiers(clf, "Kemenag Buka Seleksi Penghulu", FILLER * 3)["kemenag"] == UTAMA


def test_one_line_since_the_pandemic_is_a_mention(clf):
    """A single "sejak pandemi Covid-19" far into a story about something else is only a mention."""
    text = FILLER * 4 + "Usaha itu dirintis sejak pandemi Covid-19 melanda. " + FILLER * 2
    result = clf.classify_topics("Pasar Kuliner Malam Kembali Ramai", text, date(2024, 5, 1))
    assert result.tiers["covid"] == DISEBUT and result.about == ()


def test_lead_and_again_makes_the_subject(clf):
    """Named in the lead and once more later: the subject, even without the title."""
    text = ("Kementerian Agama menggelar rapat kerja di Jakarta, Senin. " + FILLER * 3
            + "Rapat Kementerian Agama itu ditutup sore hari.")
    assert _tiers(clf, "Rapat Kerja Dibuka", text)["kemenag"] == UTAMA


def test_central_actor_named_often_is_the_subject(clf):
    """Three separate mentions deep in a long text make the subject."""
    text = FILLER * 3 + " ".join(["Kantor Urusan Agama setempat mencatat pernikahan." + FILLER] * 3)
    assert _tiers(clf, "Pernikahan Massal di Desa", text)["kemenag"] == UTAMA


def test_acronym_beside_its_name_is_one_mention():
    """A full name with its acronym in parentheses counts once."""
    assert mention_sites([(10, 38), (40, 44), (300, 304)]) == [10, 300]
    assert tier_of(0, [(500, 528), (530, 534)], 0) == DISEBUT


def test_teaser_headline_inside_a_paragraph_is_no_evidence(clf):
    """ "Baca juga: Menag ..." inside the text is a link to another story: it never counts."""
    text = FILLER + "Baca juga: Menag Resmikan Gedung Baru di Jakarta " + FILLER
    assert "kemenag" not in clf.classify_topics("Festival Layang-Layang Digelar", text).topics
    assert teaser_spans("a. Baca juga: judul lain\nb.") == [(3, 24)]


def test_tribun_bare_baca_teaser_is_no_evidence(clf):
    """Tribun's "Baca: <headline>" links another story like "Baca juga:"; "baca" as a verb does not."""
    text = (FILLER + "Baca: Kasus Covid-19 di Kota Itu Naik Lagi " + FILLER
            + "Baca: Vaksin Covid-19 Tahap Dua Tiba di Bandara " + FILLER + "Warga juga diminta membaca: buku. ")
    result = clf.classify_topics("Pasar Murah Digelar di Alun-Alun", text, date(2021, 6, 1))
    assert "covid" not in result.topics
    assert teaser_spans("Silakan baca buku itu.") == []
    assert teaser_spans("a. Baca: judul lain\nb.") == [(3, 19)]


def test_a_pandemic_backdrop_in_the_lead_is_the_time_not_the_subject(clf):
    """ "Di tengah pandemi …" opening a story about something else sets its time: with one more
    mention later it stays mentioned; the same lead naming Covid-19 as the news is the subject."""
    later = FILLER * 3 + "Panitia tetap mewajibkan masker karena Covid-19 belum hilang. "
    backdrop = "Di tengah pandemi Covid-19, warga desa itu menggelar festival layang-layang. " + later
    assert _tiers(clf, "Festival Layang-Layang Digelar", backdrop, date(2021, 8, 1))["covid"] == DISEBUT
    for opening in ("Sejak awal pandemi, ", "Selama masa pandemi, ", "Pasca pandemi Covid-19, "):
        text = opening + "warga desa itu menggelar festival layang-layang. " + later
        assert _tiers(clf, "Festival Layang-Layang Digelar", text, date(2021, 8, 1))["covid"] == DISEBUT, opening
    news = "Kasus Covid-19 di desa itu bertambah dua orang pekan ini. " + later
    assert _tiers(clf, "Festival Layang-Layang Digelar", news, date(2021, 8, 1))["covid"] == UTAMA


def test_a_backdrop_story_that_keeps_coming_back_is_still_the_subject(clf):
    """The backdrop only takes away the lead's weight: three separate mentions still make the subject."""
    text = ("Di tengah pandemi, pedagang pasar itu kehilangan pembeli. " + FILLER
            + "Omzet turun separuh sejak PPKM berlaku. " + FILLER + "Bantuan bagi pedagang terdampak Covid-19 "
            "belum cair. " + FILLER)
    assert _tiers(clf, "Pedagang Pasar Menjerit", text, date(2021, 8, 1))["covid"] == UTAMA


def test_the_backdrop_belongs_to_its_topic(clf):
    """ "Saat Menag …" is not a time setting for the ministry: only covid has a backdrop list."""
    text = "Saat Menag meresmikan gedung madrasah itu, siswa menyanyikan mars. " + FILLER + \
        "Menag juga meninjau perpustakaan. " + FILLER
    assert _tiers(clf, "Gedung Baru untuk Siswa", text, date(2024, 5, 1))["kemenag"] == UTAMA
    assert all(t.backdrop is None for t in default_topics() if t.id != "covid")
    assert next(t for t in default_topics() if t.id == "covid").backdrop.search("Di tengah merebaknya ")


def test_moderation_activists_alone_are_not_the_agency(clf):
    """ "Penggerak moderasi beragama" trained by a university or a scholarship programme is not
    the research and training agency; the agency's training of them is."""
    text = ("Program beasiswa itu mencetak penggerak moderasi beragama di kampus. "
            "Para penggerak moderasi beragama akan berkampanye di media sosial. " + FILLER)
    assert "litbang" not in clf.classify_topics("Kampus Cetak Penggerak Moderasi Beragama", text).topics
    trained = clf.classify_topics("Pelatihan Penggerak Moderasi Beragama Dibuka", FILLER)
    assert "litbang" in trained.topics


def test_other_viruses_outnumbering_covid_leave_it_mentioned(clf):
    """An article about mpox that compares it with Covid-19 once is not a Covid-19 story."""
    text = ("Kasus mpox bertambah di beberapa negara. WHO menyebut penularan mpox berbeda dengan Covid-19. "
            "Vaksin mpox sedang disiapkan. " + FILLER + "Gejala mpox tidak sama dengan gejala Covid-19.")
    result = clf.classify_topics("WHO Pantau Penyebaran Mpox", text, date(2024, 8, 20))
    assert result.tiers.get("covid") != UTAMA


def test_pandemic_alone_is_covid_only_in_its_era(clf):
    """An unqualified "pandemi" means Covid-19 in 2020-2023 articles, not in a 2025 one."""
    title, text = "Pandemi Mengubah Kebiasaan Belanja", "Pandemi membuat warga berbelanja daring. " + FILLER
    assert "covid" in clf.classify_topics(title, text, date(2021, 3, 1)).about
    assert "covid" not in clf.classify_topics(title, text, date(2025, 3, 1)).topics


@pytest.mark.parametrize("day, expected", [(date(2023, 5, 2), True), (date(2025, 5, 2), False), (None, True)])
def test_bpjph_counts_for_kemenag_only_before_it_left(clf, day, expected):
    """BPJPH left the ministry in October 2024: its stories are judged by their own date."""
    title, text = "BPJPH Percepat Sertifikasi Halal UMKM", "BPJPH menargetkan satu juta produk. " + FILLER
    assert ("kemenag" in clf.classify_topics(title, text, day).topics) is expected


@pytest.mark.parametrize("day, expected", [(date(2024, 5, 10), True), (date(2026, 2, 1), False)])
def test_hajj_organisation_moved_to_its_own_ministry(clf, day, expected):
    """Hajj organisation was the ministry's until the Kementerian Haji dan Umrah took over in 2025."""
    title, text = "Kuota Haji Tahun Ini Bertambah", "Penyelenggaraan ibadah haji disiapkan lebih awal. " + FILLER
    assert ("kemenag" in clf.classify_topics(title, text, day).topics) is expected


@pytest.mark.parametrize("title, text", [
    ("DPRD Bahas KUA-PPAS 2026", "Rapat membahas KUA PPAS dan rancangan APBD tahun depan. "),
    ("Pengadilan Agama Gelar Sidang Isbat Nikah Terpadu", "Sidang isbat nikah bagi 50 pasangan digelar. "),
    ("Menteri Agama Malaysia Kunjungi Jakarta", "Menteri Agama Malaysia bertemu ulama setempat. "),
    ("JAKIM Perketat Sertifikasi Halal", "Kementerian Agama Malaysia lewat JAKIM menerbitkan aturan baru. "),
    ("Widyaiswara Polri Latih Penyidik", "Widyaiswara Lemdiklat Polri memberi pelatihan penyidikan. "),
    ("Kementerian Haji dan Umrah Buka Pendaftaran", "Menteri Haji dan Umrah meninjau asrama. "),
])
def test_homonyms_are_not_the_ministry(clf, title, text):
    """Budget documents, religious courts, other countries' ministries, police trainers and the
    new hajj ministry are not Kemenag."""
    result = clf.classify_topics(title, text + FILLER, date(2026, 1, 15))
    assert "kemenag" not in result.topics and "litbang" not in result.topics


def test_ports_honorifics_and_clan_heads_are_not_the_ministry(clf):
    """ "Embarkasi" at a ferry port, "Kiai Haji" in a name and a Minangkabau "penghulu" are not Kemenag
    business; the hajj embarkation still is."""
    day = date(2024, 4, 5)
    port = clf.classify_topics("Pemudik Padati Embarkasi Pelabuhan Tanjung Perak",
                               "Ribuan penumpang kapal menunggu di embarkasi sejak subuh. " + FILLER, day)
    assert "kemenag" not in port.topics
    haul = clf.classify_topics("Haul Kiai Haji Abdullah Digelar", "Santri menghadiri haul Kiai Haji Abdullah. "
                               + FILLER, day)
    assert "kemenag" not in haul.topics
    adat = clf.classify_topics("Penghulu Adat Berkumpul di Balai Nagari",
                               "Para penghulu dan ninik mamak membahas tanah ulayat. " + FILLER, day)
    assert "kemenag" not in adat.about
    hajj = clf.classify_topics("Kloter Pertama Tiba di Embarkasi Haji Surabaya", FILLER, day)
    assert "kemenag" in hajj.about


def test_nipah_compared_with_covid_is_not_a_covid_story(clf):
    """Other outbreaks (Nipah, MERS, Zika, influenza ...) that outnumber Covid-19 leave it mentioned."""
    text = ("Virus Nipah menyebar di Kerala. Nipah menular lewat kelelawar. " + FILLER
            + "Tingkat kematian Nipah jauh lebih tinggi, berbeda dengan Covid-19. ")
    result = clf.classify_topics("Nipah Bukan Covid-19, Ini Bedanya", text, date(2025, 9, 1))
    assert result.tiers["covid"] == DISEBUT


def test_filipina_is_not_lipi_and_research_alone_is_not_litbang(clf):
    """Research words with a religious word (a UIN, BRIN, a survey institute) are not the agency's."""
    for title, text in (("Filipina Tangkap Nelayan", "Otoritas Filipina menahan kapal. "),
                        ("Survei LSI: Toleransi Umat Beragama Meningkat", "Penelitian itu mewawancarai umat. "),
                        ("Peneliti BRIN Kaji Tradisi Keagamaan", "Riset BRIN tentang agama lokal. ")):
        assert "litbang" not in clf.classify_topics(title, text + FILLER).topics


def test_the_agency_named_is_litbang(clf):
    """The research agency or the ministry's own research is litbang (and kemenag)."""
    result = clf.classify_topics("Balitbangdiklat Rilis Indeks Kerukunan Umat Beragama", FILLER)
    assert set(result.about) >= {"litbang", "kemenag"}
    assert "litbang" in clf.classify_topics("Kemenag Teliti Minat Baca Santri", FILLER).topics


def test_the_subject_comes_first(clf):
    """A topic the article is about ranks before one it only mentions."""
    text = ("Kasus Covid-19 naik lagi di Jakarta. " + FILLER * 2 + "Menag sempat menyinggungnya. "
            + FILLER + "Dinas mencatat Covid-19 menyebar di sekolah. Vaksin Covid-19 tersedia.")
    result = clf.classify_topics("Kasus Covid-19 Naik Lagi", text, date(2022, 2, 1))
    assert result.primary == "covid" and result.tiers["kemenag"] == DISEBUT


@pytest.mark.parametrize("title, text", [
    ("Guru Madrasah Ikuti Pelatihan Daring", "Badan Moderasi Beragama dan Pengembangan Sumber Daya Manusia "
     "membuka pelatihan daring bagi guru madrasah, Senin."),
    ("Skor Kerukunan Naik Tahun Ini", "Indeks KUB tahun ini naik dibanding tahun lalu, menurut rilis di Jakarta."),
    ("Seratus Penghulu Dilatih", "Pusdiklat Tenaga Teknis Pendidikan dan Keagamaan melatih seratus penghulu "
     "dari berbagai daerah."),
    ("Rekomendasi Kebijakan Madrasah Dibahas", "Pusat Strategi Kebijakan Pendidikan Agama dan Keagamaan "
     "membahas rekomendasi kebijakan madrasah."),
])
def test_the_research_agency_by_its_names_since_2022(clf, title, text):
    """The agency (BMBPSDM since 2022) is found by its full name, its centres and the KUB index."""
    assert "litbang" in clf.classify_topics(title, text, date(2025, 6, 1)).topics


def test_another_ministry_policy_centre_is_not_the_agency(clf):
    """"Pusat Strategi Kebijakan" of another ministry is not the research agency."""
    text = "Pusat Strategi Kebijakan Kementerian Dalam Negeri menggelar rapat koordinasi daerah."
    assert clf.classify_topics("Rapat Koordinasi Daerah Digelar", text, date(2025, 6, 1)).topics == ()


def test_another_countrys_minister_does_not_silence_the_ministry(clf):
    """ "Menteri Agama Malaysia" is not the ministry, but the ministry's own name in the same story
    still counts: the foreign name's words count nowhere inside it, everywhere else they do."""
    text = ("Kementerian Agama menerima kunjungan delegasi negeri jiran di Jakarta. " + FILLER
            + "Menteri Agama Malaysia hadir dalam pertemuan itu bersama pejabat Kemenag. ")
    assert _tiers(clf, "Kemenag Terima Delegasi Negeri Jiran", text, date(2025, 10, 1))["kemenag"] == UTAMA
    alone = "Menteri Agama Malaysia mengunjungi pesantren di Jawa Timur. " + FILLER + "Menteri Agama Malaysia memuji kurikulumnya."
    assert clf.classify_topics("Menteri Agama Malaysia Kunjungi Pesantren", alone, date(2025, 10, 1)).topics == ()
