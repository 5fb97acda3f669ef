"""Tests of narasumber extraction from Indonesian attribution patterns."""

from __future__ import annotations

import pytest

from clipper.classify.narasumber import find_narasumber
from clipper.classify.speaker_runs import TOKEN_RE, tokens
from clipper.models import Narasumber


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"Tradisi lokal memperkuat kerukunan," kata Kepala Balai Litbang Agama Semarang, Siti Rahmawati.',
         Narasumber("Siti Rahmawati", "Kepala Balai Litbang Agama Semarang")),
        ('"Kami siap melayani jemaah," ujar Menteri Agama Ahmad Fauzan di Jakarta, Senin (12/5).',
         Narasumber("Ahmad Fauzan", "Menteri Agama")),
        ('"Tidak ada pungutan," tutur Dirjen PHU Hilman Saputra.', Narasumber("Hilman Saputra", "Dirjen PHU")),
        ('"Datanya lengkap," ungkap Dewi Lestari, peneliti Puslitbang Bimas Agama, Selasa.',
         Narasumber("Dewi Lestari", "peneliti Puslitbang Bimas Agama")),
        ('"Ini penting," jelas Bambang Riyadi.', Narasumber("Bambang Riyadi", None)),
        ('"Harus tepat waktu," tegas Wamenag Rudi Hartono.', Narasumber("Rudi Hartono", "Wamenag")),
        ("Menurut Kepala KUA Cibinong, Dedi Kurnia, layanan dibuka Sabtu.",
         Narasumber("Dedi Kurnia", "Kepala KUA Cibinong")),
        ("Menurut Budi Santoso, jumlah jemaah bertambah.", Narasumber("Budi Santoso", None)),
        ("Kepala Kanwil Kemenag Jawa Tengah, Musta'in Ahmad, mengatakan bantuan sudah cair.",
         Narasumber("Musta'in Ahmad", "Kepala Kanwil Kemenag Jawa Tengah")),
        ("Rektor UIN Walisongo Imam Taufiqurrahman mengatakan kampus siap.",
         Narasumber("Imam Taufiqurrahman", "Rektor UIN Walisongo")),
        ("Sementara itu, Prof. Dr. H. Ahmad Yani, M.Ag., menjelaskan hal serupa.", Narasumber("Ahmad Yani", None)),
        ("Kepala Balitbangdiklat Kemenag Prof. Suyitno mengatakan riset dilanjutkan.",
         Narasumber("Suyitno", "Kepala Balitbangdiklat Kemenag")),
        ('"Riset kami lanjutkan," kata Kepala Balitbangdiklat Kemenag Suyitno.',
         Narasumber("Suyitno", "Kepala Balitbangdiklat Kemenag")),
    ],
)
def test_attribution_patterns(text, expected):
    """Each Indonesian attribution pattern yields the speaker's name and role."""
    assert find_narasumber(text) == (expected,)


@pytest.mark.parametrize("text", ['"Ya," kata dia.', "Dia mengatakan semua lancar.", '"Siap," ujarnya.',
                                  "Pihaknya menegaskan tidak ada pungli.", "Hujan turun sejak pagi."])
def test_pronouns_and_plain_text_give_nobody(text):
    """Pronouns and sentences without attribution yield no narasumber."""
    assert find_narasumber(text) == ()


def test_surname_maps_to_full_name_and_dedupes():
    """A later mention by surname maps to the full name; each person appears once."""
    text = ('"Tradisi lokal memperkuat kerukunan," kata Kepala Balai Litbang Agama Semarang, Siti Rahmawati. '
            'Menurut Rahmawati, penelitian berlangsung dua tahun. "Kami lanjutkan," ujar Rahmawati. '
            'Menag Ahmad Fauzan mengatakan hasilnya dipakai. "Bagus," kata Fauzan.')
    assert find_narasumber(text) == (
        Narasumber("Siti Rahmawati", "Kepala Balai Litbang Agama Semarang"),
        Narasumber("Ahmad Fauzan", "Menag"),
    )


def test_surname_first_then_full_name():
    """A surname-only mention before the full name is merged into the full name."""
    text = '"Siap," kata Lestari. Kepala BDK Bandung, Dewi Lestari, menjelaskan pelatihan dimulai.'
    assert find_narasumber(text) == (Narasumber("Dewi Lestari", "Kepala BDK Bandung"),)


def test_institution_acronym_is_not_a_person():
    """An institution's acronym before an attribution verb is not a narasumber."""
    found = find_narasumber('LPMQ mengimbau masyarakat berhati-hati. "Periksa tanda tashih," kata Abdul Karim.')
    assert [n.name for n in found] == ["Abdul Karim"]


def test_office_without_a_name_is_not_a_person():
    """ "Direktur Urusan Agama Islam menjelaskan" names an office, not a person quoted."""
    found = find_narasumber("Direktur Urusan Agama Islam menjelaskan program itu. "
                            '"Kami siap," kata Kepala Kanwil, Ahmad Fauzi.')
    assert [n.name for n in found] == ["Ahmad Fauzi"]


@pytest.mark.parametrize("text", [
    "Qur’ān Covid-19 19-an M.Ag., Dr. “kata” — «x» 3,5 juta_ _a a_b 1a2 é\u0301 ‘ok’ '' ǅemal İ x\u200by",
    "Menurut Prof. Dr. H. Ahmad Fauzan, M.Ag., kajian itu\tselesai.\n\"Baik,\" ujar Siti\u00a0Rahmawati.",
])
def test_tokens_as_the_regex_reads_them(text):
    """The fast tokeniser gives exactly the regex's tokens, punctuation and marks included."""
    assert tokens(text) == TOKEN_RE.findall(text)
