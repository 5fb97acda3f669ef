"""Tests for clipper.dates: Indonesian and international date strings."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from clipper.dates import WIB, WIT, WITA, parse_date, to_jakarta

UTC = timezone.utc


def _at(y, m, d, hh=0, mm=0, ss=0, tz=WIB):
    return datetime(y, m, d, hh, mm, ss, tzinfo=tz)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-24T08:15:00+07:00", _at(2026, 11, 24, 8, 15)),
        ("2026-11-24T01:15:00Z", _at(2026, 11, 24, 1, 15, tz=UTC)),
        ("2026-11-24T08:15:00.123+0700", _at(2026, 11, 24, 8, 15).replace(microsecond=123000)),
        ("2026-11-24 08:15:00 WIB", _at(2026, 11, 24, 8, 15)),
        ("2026/11/24 08:15", _at(2026, 11, 24, 8, 15)),
    ],
)
def test_iso_8601_with_offset_or_zone(text, expected):
    """ISO 8601 strings keep the offset they state."""
    assert parse_date(text) == expected


def test_naive_iso_takes_default_zone():
    """A naive ISO time is read in the default zone, WIB unless told otherwise."""
    assert parse_date("2026-11-24T08:15:00") == _at(2026, 11, 24, 8, 15)
    assert parse_date("2026-11-24T08:15:00").utcoffset() == timedelta(hours=7)
    assert parse_date("2026-11-24T08:15:00", default_tz=UTC).utcoffset() == timedelta(0)


def test_date_only_is_midnight_aware():
    """A bare date becomes midnight in the default zone, never a naive datetime."""
    result = parse_date("2026-11-24")
    assert result == _at(2026, 11, 24)
    assert result.tzinfo is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tue, 24 Nov 2026 08:15:00 +0700", _at(2026, 11, 24, 8, 15)),
        ("Tue, 24 Nov 2026 01:15:00 GMT", _at(2026, 11, 24, 1, 15, tz=UTC)),
        ("Tue, 24 Nov 2026 01:15:00 -0500", _at(2026, 11, 24, 6, 15, tz=UTC)),
        ("Tue, 24 Nov 2026 08:15:00 WIB", _at(2026, 11, 24, 8, 15)),
    ],
)
def test_rfc_822(text, expected):
    """RFC 822/2822 dates as found in RSS and HTTP headers."""
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Tue, 24 Nov 2026 08:15:00 WIB", 7),
        ("Tue, 24 Nov 2026 08:15:00 WITA", 8),
        ("Tue, 24 Nov 2026 08:15:00 WIT", 9),
        ("24 November 2026 08:15 wita", 8),
    ],
)
def test_indonesian_zone_names_are_not_utc(text, hours):
    """WIB, WITA and WIT are +07, +08 and +09, never read as UTC."""
    result = parse_date(text)
    assert result.utcoffset() == timedelta(hours=hours)
    assert (result.hour, result.minute) == (8, 15)


def test_zone_constants():
    """The exported zones have the Indonesian offsets."""
    now = datetime(2026, 1, 1)
    assert [z.utcoffset(now) for z in (WIB, WITA, WIT)] == [timedelta(hours=h) for h in (7, 8, 9)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sen, 01 Jan 2024 10:00:00 WIB", _at(2024, 1, 1, 10)),
        ("Senin, 01 Januari 2024 10:00 WIB", _at(2024, 1, 1, 10)),
        ("Rabu, 12 Oktober 2016 | 10:23 WIB", _at(2016, 10, 12, 10, 23)),
        ("Selasa (30/1/2018)", _at(2018, 1, 30)),
        ("30/01/2018 14:05", _at(2018, 1, 30, 14, 5)),
        ("12 Okt 2016", _at(2016, 10, 12)),
        ("Senin, 17 Agu 2020 09:00 WIB", _at(2020, 8, 17, 9)),
        ("Minggu, 17 Agustus 2025", _at(2025, 8, 17)),
        ("Jumat, 5 Mei 2023 7.30 WIB", _at(2023, 5, 5, 7, 30)),
        ("25 Des 2025", _at(2025, 12, 25)),
        ("Kamis, 24 November 2026 - 08:15 WIB", _at(2026, 11, 24, 8, 15)),
        ("Kamis, 24 Nopember 2026", _at(2026, 11, 24)),
        ("Rab, 10 Peb 2021 13:45", _at(2021, 2, 10, 13, 45)),
        ("Sabtu, 2 Sep 2023 | 09.05 WITA", _at(2023, 9, 2, 9, 5, tz=WITA)),
        ("Diperbarui 10:23 WIB, 12 Oktober 2016", _at(2016, 10, 12, 10, 23)),
        ("Jum'at, 31 Juli 2020 pukul 16.47 WIB", _at(2020, 7, 31, 16, 47)),
        ("24-11-2026", _at(2026, 11, 24)),
        ("24/11/26", _at(2026, 11, 24)),
    ],
)
def test_indonesian_forms(text, expected):
    """Indonesian day and month names, abbreviations and day-first numbers."""
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday, November 24, 2026 8:15 PM", _at(2026, 11, 24, 20, 15)),
        ("24 March 2020", _at(2020, 3, 24)),
        ("Aug. 3, 2021", _at(2021, 8, 3)),
        ("Dec 25, 2025 12:30 am", _at(2025, 12, 25, 0, 30)),
    ],
)
def test_english_forms(text, expected):
    """English month names, month-first order and am/pm."""
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [None, "", "   ", "tidak ada tanggal", "31/02/2020", "2026-13-01", "marketing 2020", "99:99", "Halaman 2"],
)
def test_garbage_gives_none(text):
    """Text without a valid date gives None and never raises."""
    assert parse_date(text) is None


def test_non_string_gives_none():
    """A non-string input is not a date."""
    assert parse_date(12345) is None  # type: ignore[arg-type]


def test_to_jakarta_converts_aware_and_tags_naive():
    """to_jakarta shifts an aware time to +07 and takes a naive one as WIB."""
    utc = datetime(2026, 11, 24, 1, 15, tzinfo=UTC)
    converted = to_jakarta(utc)
    assert (converted.hour, converted.utcoffset()) == (8, timedelta(hours=7))
    assert converted == utc
    naive = to_jakarta(datetime(2026, 11, 24, 8, 15))
    assert naive == _at(2026, 11, 24, 8, 15)
