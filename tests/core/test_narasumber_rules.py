"""Tests of the rules that keep narasumber to people quoted, with their roles (invented sentences)."""

from __future__ import annotations

import pytest

from clipper.classify.narasumber import find_narasumber
from clipper.models import Narasumber


def people(text: str) -> list[tuple[str, str | None]]:
    """(name, role) of every narasumber found in ``text``."""
    return [(n.name, n.role) for n in find_narasumber(text)]


@pytest.mark.parametrize("text", [
    "Kemenag menegaskan pendaftaran belum dibuka.",
    "BMKG menyatakan hujan akan turun sore ini.",
    "Pemkab Blitar berharap wisata kembali ramai.",
    "BMW Astra menyebut penjualan mobil bekas stabil.",
    "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) mengatakan gerhana terjadi malam ini.",
    "Laporan dari Bloomberg menyebutkan harga minyak turun.",
    "Menurut Reuters, harga minyak turun.",
    "Pekan lalu terjadi banjir di Wuhan. Dinas kesehatan Wuhan mengatakan dua warga dirawat.",
    'Banjir merendam rumah di Cibadak. "Air naik," kata Cibadak.',
    '"Data kami lengkap," tulis KAI Commuter di akun resminya.',
    '"Jalan macet," kata pakar transportasi dari Universitas Swinburne.',
], ids=["ministry", "acronym", "regency-government", "company-before-name", "organisation-with-acronym",
        "source-after-dari", "media", "place-word-of-the-article", "place-word-as-speaker", "company-after-post-verb",
        "university-name"])
def test_institutions_and_places_are_not_people(text):
    """An institution, company, medium or place that 'speaks' is not a narasumber."""
    assert people(text) == []


def test_company_named_like_a_person_is_not_a_person():
    """A one-word 'speaker' the article writes as a company ("Goldman Sachs Group Inc") is dropped."""
    text = ("Goldman Sachs Group Inc menyatakan rupiah menguat. Menurut Goldman, pemilu berjalan tenang. "
            '"Permintaan naik," kata Rina Wulandari, analis Maju Sekuritas.')
    assert people(text) == [("Rina Wulandari", "analis Maju Sekuritas")]


@pytest.mark.parametrize("text, expected", [
    ("Bupati Klaten Sri Rahayu mengatakan jalan desa diperbaiki.", [("Sri Rahayu", "Bupati Klaten")]),
    ('"Banjir surut," kata Kepala BPBD DKI Jakarta, Budi Santoso.', [("Budi Santoso", "Kepala BPBD DKI Jakarta")]),
    ("Kepala Rumah Sakit Universitas Sichuan, Kang Yan, mengatakan pasien bertambah.",
     [("Kang Yan", "Kepala Rumah Sakit Universitas Sichuan")]),
    ("Menteri Kesehatan RI Budi Gunadi Sadikin mengungkapkan aturan dicabut.",
     [("Budi Gunadi Sadikin", "Menteri Kesehatan RI")]),
    ("Ketua Dewan Pakar Partai Golkar Agung Laksono menilai pemilih berkurang.",
     [("Agung Laksono", "Ketua Dewan Pakar Partai Golkar")]),
    ("Jaksa Agung Sanitiar Burhanuddin mengatakan kasus dilanjutkan.", [("Sanitiar Burhanuddin", "Jaksa Agung")]),
    ("Warga di Cibadak resah. Lurah Cibadak Asep Sunandar mengatakan jalan rusak.",
     [("Asep Sunandar", "Lurah Cibadak")]),
    ("Asosiasi Pengusaha Indonesia (Apindo) menggelar rapat. Ketua Umum Apindo Hariyadi Sukamdani mengatakan upah naik.",
     [("Hariyadi Sukamdani", "Ketua Umum Apindo")]),
    ("Dirjen Pengembangan Kementrans Budi Santoso mengatakan lahan siap.", [("Budi Santoso", "Dirjen Pengembangan Kementrans")]),
    ("Pengamat hubungan Malaysia-Cina menilai proyek itu berdampak.", []),
    ("Wakapolrestabes Surabaya AKBP Leonardus Simarmata menyampaikan pemeriksaan berlanjut.",
     [("Leonardus Simarmata", "Wakapolrestabes Surabaya")]),
], ids=["regency", "province-then-comma", "university-of-a-city", "country", "agung-is-a-name", "jaksa-agung",
        "place-word-of-the-article", "acronym-defined-in-the-article", "ministry-spelt-otherwise", "hyphenated-places",
        "one-word-title"])
def test_places_and_offices_stay_in_the_role(text, expected):
    """Place and office words before a name belong to the role, never to the name."""
    assert people(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kapolres Metro Depok Kombes (Pol) Arya Pratama mengatakan pelaku ditahan.",
     [("Arya Pratama", "Kapolres Metro Depok")]),
    ("Spesialis gizi klinik dr Aru Wibisono, SpGK mengatakan gula harus dibatasi.",
     [("Aru Wibisono", "Spesialis gizi klinik")]),
    ("Ketua Panitia, Muktamat, M.Si, menyampaikan tema acara.", [("Muktamat", "Ketua Panitia")]),
    ('"Semua aman," kata Bang Deolipa di Polda.', [("Deolipa", None)]),
    ("Kepala Pusat Penerangan (Kapuspen) TNI, Mayjen TNI Sugeng Riyadi, menjelaskan latihan digelar.",
     [("Sugeng Riyadi", "Kepala Pusat Penerangan (Kapuspen) TNI")]),
], ids=["police-rank", "lower-case-dr-and-degree", "degree-aside", "bang", "rank-is-no-role"])
def test_honorifics_ranks_and_degrees_are_dropped(text, expected):
    """Honorifics, ranks and degrees are neither name nor role."""
    assert people(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('"Harga stabil," kata Adi, pemandu wisata dari Flores Tour di Bandara Komodo.',
     [("Adi", "pemandu wisata dari Flores Tour")]),
    ("Ahmad Fulan (Kepala Kanwil Kemenag Jatim) mengatakan layanan dibuka.",
     [("Ahmad Fulan", "Kepala Kanwil Kemenag Jatim")]),
    ('"Kami siap," kata Kepala Kanwil Kemenag Jatim, Ahmad Fulan saat ditemui di Surabaya.',
     [("Ahmad Fulan", "Kepala Kanwil Kemenag Jatim")]),
    ('"Stok aman," ujar Operation Manager BMW Astra, Teguh Widodo, Jumat.',
     [("Teguh Widodo", "Operation Manager BMW Astra")]),
    ("Rina Kartika Head of Marketing Toko Maju mengatakan penjualan naik.",
     [("Rina Kartika", "Head of Marketing Toko Maju")]),
    ("Eko Meiriyanto, founder Cerko Store mengatakan mitra bertambah.", [("Eko Meiriyanto", "founder Cerko Store")]),
    ("Ari Endah, S.Pd selaku ketua panitia berharap siswa aktif.", [("Ari Endah", "ketua panitia")]),
    ("Hal itu disampaikan Menteri Perindustrian Airlangga Hartarto dalam acara di Jakarta.",
     [("Airlangga Hartarto", "Menteri Perindustrian")]),
    ('"Tetap semangat," demikian ungkap Kepala MTsN 1 Kebumen, Fitriana Aenun saat menemui siswa.',
     [("Fitriana Aenun", "Kepala MTsN 1 Kebumen")]),
    ("Lindley Johnson dari Planetary Defense Office NASA mengungkapkan asteroid lewat.",
     [("Lindley Johnson", "Planetary Defense Office NASA")]),
    ("Salah satu stan dari kelas 9B. Sekretaris Bazar 9B, Asyam Putra mengatakan laris.",
     [("Asyam Putra", "Sekretaris Bazar 9B")]),
    ("Ia duduk di kelas 9B. Budi mengatakan ujian lancar.", [("Budi", None)]),
    ("Kepada polisi, Seftyana mengaku kesal.", [("Seftyana", None)]),
    ("Kepada Kepala Desa, Seftyana mengaku kesal.", [("Seftyana", None)]),
    ("Budi Santoso (PDI-P) mengatakan rapat ditunda.", [("Budi Santoso", None)]),
], ids=["lower-case-role-after", "role-in-parentheses", "role-comma-name-then-clause", "title-comma-name",
        "name-then-english-title", "name-comma-lower-case-role-before-verb", "selaku", "passive",
        "demikian-ungkap", "name-dari-organisation", "class-9b-in-a-role", "class-9b-ends-a-sentence",
        "no-role-after-preposition", "no-title-after-preposition", "party-in-parentheses"])
def test_roles_around_the_name(text, expected):
    """The role is read before the name, after it, in parentheses or in the next comma segment."""
    assert people(text) == expected


def test_role_after_a_comma_is_not_a_clause():
    """After "kata NAME," a clause with a verb ("polisi akan menjaga …") is not the speaker's role."""
    assert people('"Aman," kata Leo, polisi akan tetap menjaga asrama.') == [("Leo", None)]


def test_title_alone_is_the_person_named_with_it():
    """ "ujar Menag" is the Menteri Agama the article names; a title nobody holds is nobody."""
    text = 'Menteri Agama Nasaruddin Umar meresmikan masjid itu. "Masjid rumah semua orang," ujar Menag.'
    assert people(text) == [("Nasaruddin Umar", "Menteri Agama")]
    assert people('"Masjid rumah semua orang," ujar Menag.') == []


@pytest.mark.parametrize("text, expected", [
    ('Menteri Keuangan Sri Wahyuni meninjau pasar. "Harga stabil," kata Sri Wahyuni.',
     [("Sri Wahyuni", "Menteri Keuangan")]),
    ('"Aman," kata Frega Wenas. Kepala Biro Infohan Kemenhan Brigjen TNI Frega Wenas hadir di sana.',
     [("Frega Wenas", "Kepala Biro Infohan Kemenhan")]),
], ids=["title-before", "rank-between"])
def test_role_given_at_another_mention(text, expected):
    """A speaker quoted by name alone gets the role the article gave at another mention."""
    assert people(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Presiden Joko Widodo (Jokowi) membuka pasar. "Ekonomi tumbuh," kata Jokowi.', [("Joko Widodo", "Presiden")]),
    ('Sekjen PAN Eko Hendro Purnomo atau dikenal Eko Patrio hadir. "Kami terbuka," kata Eko Patrio.',
     [("Eko Hendro Purnomo", "Sekjen PAN")]),
    ('Menteri Perdagangan Enggartiasto Lukita mengatakan ekspor naik. "Pasar baru dibuka," kata Enggar.',
     [("Enggartiasto Lukita", "Menteri Perdagangan")]),
    ('Ketua Komisi III Habibirokhman menjelaskan rapat. "Sah," kata Habiburokhman.',
     [("Habibirokhman", "Ketua Komisi III")]),
    ('"Sudah selesai," kata Sinneh. Petugas rumah sakit, Mohammed Sinneh mengatakan korban dirawat.',
     [("Mohammed Sinneh", "Petugas rumah sakit")]),
], ids=["alias-in-parentheses", "atau-dikenal", "call-name", "typo", "first-name-later-completed"])
def test_one_person_named_several_ways(text, expected):
    """Short forms, aliases, call names and typos of one person make one narasumber."""
    assert people(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Laporan Wartawan Tribunnews.com, Eko Sutriyanto. Harga naik. "Laris," kata Eko.',
     [("Eko", None)]),
    ('Artikel tayang dengan judul "Valentino Rossi Klaim Hasil MotoGP Krusial". "Saya siap," kata Rossi.',
     [("Rossi", None)]),
    ('Ketua DPR Puan Maharani hadir. Sikap Puan ini berbeda. "Ya," kata Puan.', [("Puan Maharani", "Ketua DPR")]),
], ids=["not-the-reporter", "not-a-title-case-headline", "the-introduced-name"])
def test_full_name_from_the_right_mention(text, expected):
    """A short name is completed from a real mention, not a byline, a headline or a passing phrase."""
    assert people(text) == expected


def test_two_people_joined_by_dan():
    """ "ujar ekonom A dan B" quotes two people, each with the role."""
    assert sorted(people('"Rupiah menguat," ujar ekonom Nupur Gupta dan Jonathan Sequeira.')) == [
        ("Jonathan Sequeira", "ekonom"), ("Nupur Gupta", "ekonom")]  # one attribution: no order between them


def test_two_people_with_a_role_each():
    """ "Ketua X A dan Menteri Y B menyampaikan" gives each person their own role."""
    found = people("Ketua Dewan Ekonomi Luhut Binsar dan Menteri Kesehatan Budi Gunadi menyampaikan rencana itu.")
    assert sorted(found) == [("Budi Gunadi", "Menteri Kesehatan"), ("Luhut Binsar", "Ketua Dewan Ekonomi")]


@pytest.mark.parametrize("text, expected", [
    ('"Kami bahagia," ujar istri Budi Santoso.', []),
    ("Setyo mengatakan, Johan sudah meminta izin tidak hadir.", [("Setyo", None)]),
    ("Ia membaca unggahan Budi Santoso menyebut harga naik.", []),
    ('"Kami pasrah," ujar Keluarganya.', []),
    ('Ditegaskan Budi Santoso, harga tidak naik. "Stok aman," kata Budi.', [("Budi Santoso", None)]),
    ("Baca juga: Harga Cabai Turun Tajam Rudi mengatakan stok cukup.", [("Rudi", None)]),
    ("SCROLL TO CONTINUE WITH CONTENT Regi Datau menjelaskan rencananya.", [("Regi Datau", None)]),
    ("Baca juga: Festival Kopi Enak, Warga Antusias Sambut Artis Idola Dia menambahkan stok habis.", []),
], ids=["relative-speaks", "inside-another-statement", "object-not-subject", "word-with-nya", "verb-opening-a-sentence",
         "linked-headline",
        "shouting-boilerplate", "pronoun-after-headline"])
def test_who_does_not_speak(text, expected):
    """Relatives, people inside someone's statement, objects and headline words are not speakers."""
    assert people(text) == expected


def test_models_stay_the_public_api():
    """find_narasumber still returns Narasumber values in order of first mention."""
    found = find_narasumber('"Siap," kata Budi Santoso. "Lanjut," ujar Kepala Dinas Pendidikan, Rina Wati.')
    assert found == (Narasumber("Budi Santoso", None), Narasumber("Rina Wati", "Kepala Dinas Pendidikan"))


@pytest.mark.parametrize("marker", ["Baca juga:", "Baca juga", "Lihat juga -", "Simak selengkapnya:", "Baca:"])
def test_a_linked_headline_is_nobodys_role(marker):
    """A teaser's headline running into the next sentence (any marker the classifier knows) gives
    no speaker: "Menteri Agama … Gedung Baru" is a headline, not a role and a name."""
    assert people(f'{marker} Menteri Agama Resmikan Gedung Baru "Kami senang," ujar Menag.') == []
