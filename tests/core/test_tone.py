"""Tests of the tone suggestion: lexicon, negation, intensifiers."""

from __future__ import annotations

import pytest

from clipper.classify.tone import suggest_tone, tone_score


@pytest.mark.parametrize(
    "title, text, expected",
    [
        ("Layanan Haji Diapresiasi DPR", "Anggota dewan memuji inovasi layanan jemaah lansia.", "positif"),
        ("Kejaksaan Usut Dugaan Korupsi di Kanwil", "Penyidik memeriksa pejabat terkait suap.", "negatif"),
        ("Kemenag Buka Pendaftaran Petugas Haji", "Pendaftaran dibuka hingga akhir bulan.", "netral"),
        ("Layanan KUA Tidak Baik", "Warga mengeluhkan antrean.", "negatif"),
        ("Pencairan Tunjangan Belum Berhasil", "Guru madrasah kecewa menunggu.", "negatif"),
        ("Pelaksanaan Haji Tanpa Masalah Berarti", "Jemaah pulang dengan selamat dan puas.", "positif"),
    ],
)
def test_suggest_tone(title, text, expected):
    """Polar words, flipped by negation, give the expected suggestion."""
    assert suggest_tone(title, text) == expected


def test_negation_flips_polarity():
    """"tidak baik" scores below zero where "baik" scores above."""
    assert tone_score("", "pelayanan baik") > 0 > tone_score("", "pelayanan tidak baik")
    assert tone_score("", "bukan kegagalan") > 0


def test_intensifiers_strengthen():
    """"sangat", "paling" and a following "sekali" make a word count more."""
    plain = tone_score("", "pelayanan baik")
    assert tone_score("", "pelayanan sangat baik") > plain
    assert tone_score("", "pelayanan baik sekali") > plain
    assert tone_score("", "pelayanan paling buruk") < tone_score("", "pelayanan buruk") < 0


def test_title_counts_more_than_body():
    """A polar word in the headline outweighs the same word in the body."""
    assert tone_score("Program Sukses", "") > tone_score("", "Program sukses")
    assert suggest_tone("", "Program sukses.") == "netral"
