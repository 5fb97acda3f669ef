"""Parse the date strings of Indonesian and international news into aware datetimes."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta, timezone, tzinfo

logger = logging.getLogger(__name__)

WIB = timezone(timedelta(hours=7), "WIB")  # Waktu Indonesia Barat (Asia/Jakarta)
WITA = timezone(timedelta(hours=8), "WITA")  # Waktu Indonesia Tengah (Asia/Makassar)
WIT = timezone(timedelta(hours=9), "WIT")  # Waktu Indonesia Timur (Asia/Jayapura)

# Two-digit years below this pivot are 20xx, the others 19xx (news archives reach back to
# the 1990s; nothing we harvest is from before 1970).
_TWO_DIGIT_YEAR_PIVOT = 70
# Years outside this range are read as garbage (a page counter, a phone number), not dates.
_MIN_YEAR, _MAX_YEAR = 1970, 2100
# Longest input looked at: page date strings are short; bound the regex work on junk.
_MAX_INPUT = 300

_MONTHS = {
    # Indonesian, with the spellings and abbreviations the media use
    "januari": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "aug": 8, "october": 10, "oct": 10, "december": 12, "dec": 12,
}  # fmt: skip

_ZONES = {
    "wib": WIB,
    "wita": WITA,
    "wit": WIT,
    "gmt": timezone.utc,
    "utc": timezone.utc,
    "ut": timezone.utc,
    "z": timezone.utc,
    "est": timezone(timedelta(hours=-5)),
    "edt": timezone(timedelta(hours=-4)),
    "cst": timezone(timedelta(hours=-6)),
    "cdt": timezone(timedelta(hours=-5)),
    "pst": timezone(timedelta(hours=-8)),
    "pdt": timezone(timedelta(hours=-7)),
}

_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_ZONE_RE = (
    r"(?<![a-z])(?P<zone>(?:gmt|utc)\s*[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[+-]\d{2}\b"
    r"|wita|wib|wit|gmt|utc|ut|z|est|edt|cst|cdt|pst|pdt)(?![a-z])"
)
_ISO_RE = re.compile(
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:[t\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?)?"
    rf"\s*(?:{_ZONE_RE})?"
)
_DAY_MONTH_RE = re.compile(
    rf"(?<![\d])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[\s.\-/]*(?P<mon>{_MONTH_RE})(?![a-z])\.?"
    r"[\s.,\-/]*(?P<y>\d{4}|\d{2}(?!\d|:))"
)
_MONTH_DAY_RE = re.compile(
    rf"(?<![a-z])(?P<mon>{_MONTH_RE})(?![a-z])\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
)
_NUMERIC_RE = re.compile(r"(?<![\d])(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})(?![\d])")
_TIME_RE = re.compile(
    r"(?<![\d])(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?(?![\d])\s*(?P<ampm>[ap]\.?m\.?)?"
    rf"\s*(?:{_ZONE_RE})?"
)
_TIME_PREFIX_RE = re.compile(r"[\s,|/\-–—•·(]*(?:pukul|pk\.?|jam|at)?[\s,|/\-–—•·(]*")


def parse_date(value: str | None, *, default_tz: tzinfo = WIB) -> datetime | None:
    """Read a publication date as printed by news sites, feeds and HTTP headers.

    Understands ISO 8601, RFC 822/2822, Indonesian and English day and month names and
    abbreviations, day-first numeric dates, and the WIB/WITA/WIT zone names.

    Args:
        value: The text to read; surrounding words ("Diterbitkan", day names) are ignored.
        default_tz: The zone of a date that names none (WIB: Jakarta).

    Returns:
        A timezone-aware datetime (midnight when no time is given), or None when the
        text holds no valid date. Never raises.
    """
    if not value or not isinstance(value, str):
        return None
    text = " ".join(value.split())[:_MAX_INPUT].lower()
    try:
        return _parse_iso(text, default_tz) or _parse_words(text, default_tz)
    except (ValueError, OverflowError) as exc:  # an impossible date such as 31/02
        logger.debug("unreadable date %r: %s", value, exc)
        return None


def to_jakarta(dt: datetime) -> datetime:
    """Express a datetime in Jakarta time (WIB); a naive one is taken as already WIB.

    Args:
        dt: Any datetime.

    Returns:
        The same instant with tzinfo WIB.
    """
    if dt.tzinfo is None or dt.tzinfo.utcoffset(dt) is None:
        return dt.replace(tzinfo=WIB)
    return dt.astimezone(WIB)


def sane_moment(dt: datetime | None) -> datetime | None:
    """``dt`` if it is a date an article can have, else None.

    A page or feed may claim 9999-12-31 or 0001-01-01+08:00: converting those to UTC or WIB
    overflows (OverflowError), and no news is dated outside the years 1970-2100.

    Args:
        dt: A timezone-aware datetime (a naive one is taken as WIB), or None.
    """
    if dt is None:
        return None
    try:
        utc = to_jakarta(dt).astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None
    return dt if _MIN_YEAR <= utc.year <= _MAX_YEAR and _MIN_YEAR <= dt.year <= _MAX_YEAR else None


def judged_day(moment: datetime | str | None) -> date | None:
    """The day topic rules judge an article by: its publication day in WIB, or None when it is
    unknown (an undated article counts every dated term; never the day it was fetched)."""
    if isinstance(moment, str):
        moment = parse_date(moment)
    return to_jakarta(moment).date() if moment else None


def today_wib() -> date:
    """Today's date in Jakarta: the archive's days and the editions' dates are WIB days."""
    return datetime.now(WIB).date()


DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember")
MONTHS_SHORT_ID = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def long_date(day: date | str) -> str:
    """The Indonesian long date, as the PDF, the mail and the app write it: "Sabtu, 5 Desember 2026".

    Args:
        day: A date, or a YYYY-MM-DD string.
    """
    day = _as_date(day)
    return f"{DAYS_ID[day.weekday()]}, {day_month_year(day)}"


def day_month_year(day: date | str) -> str:
    """The Indonesian date without the weekday: "5 Desember 2026" (the WhatsApp digest's heading).

    Args:
        day: A date, or a YYYY-MM-DD string.
    """
    day = _as_date(day)
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def _as_date(day: date | str) -> date:
    return date.fromisoformat(day) if isinstance(day, str) else day


def clock(moment: datetime) -> str:
    """The time of day in WIB, Indonesian style: "08.15"."""
    local = to_jakarta(moment)
    return f"{local.hour:02d}.{local.minute:02d}"


def time_unknown(moment: datetime) -> bool:
    """True for a moment at exactly 00.00.00 WIB: what a source gives when it names only the day.

    Publication times are kept as instants; a page or feed that names only a date yields
    midnight, which is shown as a date without a time rather than an invented "00.00". (A
    story really published at 00.00.00 loses its time on screen, not its day.)
    """
    local = to_jakarta(moment)
    return (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0)


def long_moment(moment: datetime | None, separator: str = ", ") -> str:
    """Date and time in WIB: "Rabu, 25 November 2026, 10.15 WIB" ("—" for None; the date alone
    when the time is unknown)."""
    if moment is None:
        return "—"
    day = long_date(to_jakarta(moment).date())
    return day if time_unknown(moment) else f"{day}{separator}{clock(moment)} WIB"


def _parse_iso(text: str, default_tz: tzinfo) -> datetime | None:
    """Year-first dates: ISO 8601, also with a space, slashes or a zone name."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}([t ][\d:.,]+(z|[+-][\d:]+)?)?", text):
        try:
            dt = datetime.fromisoformat(text.upper())
        except ValueError:
            dt = None
        if dt is not None:
            return sane_moment(dt if dt.tzinfo else dt.replace(tzinfo=default_tz))
    match = _ISO_RE.search(text)
    if match is None:
        return None
    return _build(match["y"], match["m"], match["d"], match, match["zone"], default_tz)


def _parse_words(text: str, default_tz: tzinfo) -> datetime | None:
    """Day-first and month-name dates, then a time (and zone) found next to them."""
    for regex in (_DAY_MONTH_RE, _MONTH_DAY_RE, _NUMERIC_RE):
        match = regex.search(text)
        if match is None:
            continue
        month = _MONTHS[match["mon"]] if "mon" in match.groupdict() else match["m"]
        time_match = _find_time(text, match.start(), match.end())
        zone = time_match["zone"] if time_match else None
        return _build(match["y"], month, match["d"], time_match, zone, default_tz)
    if re.fullmatch(r"\d{10}(\.\d+)?", text):  # a Unix timestamp
        return sane_moment(datetime.fromtimestamp(float(text), tz=timezone.utc))
    return None


def _find_time(text: str, start: int, end: int) -> re.Match[str] | None:
    """The time right after the date, else anywhere outside the date itself."""
    prefix = _TIME_PREFIX_RE.match(text, end)
    after = _TIME_RE.match(text, prefix.end() if prefix else end)
    if after is not None:
        return after
    blanked = text[:start] + " " * (end - start) + text[end:]
    return _TIME_RE.search(blanked)


def _build(year, month, day, time_match, zone, default_tz: tzinfo) -> datetime | None:
    """Assemble and validate the parts; a two-digit year is completed."""
    y = int(year)
    if len(str(year)) <= 2:  # "24", never "0001"
        y += 2000 if y < _TWO_DIGIT_YEAR_PIVOT else 1900
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None
    hour = minute = second = 0
    if time_match is not None and time_match["H"] is not None:
        hour, minute = int(time_match["H"]), int(time_match["M"])
        second = int(time_match["S"] or 0)
        ampm = time_match.groupdict().get("ampm")
        if ampm:
            hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    tz = _zone(zone) if zone else default_tz
    return sane_moment(datetime(y, int(month), int(day), hour, minute, second, tzinfo=tz))


def _zone(name: str) -> tzinfo:
    """A zone name or numeric offset ("+0700", "+07:00", "GMT+7") as a tzinfo."""
    name = name.replace(" ", "")
    if name in _ZONES:
        return _ZONES[name]
    match = re.fullmatch(r"(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?", name)
    if match is None:
        return timezone.utc
    sign = -1 if match[1] == "-" else 1
    offset = timedelta(hours=int(match[2]), minutes=int(match[3] or 0))
    if offset >= timedelta(hours=24):
        raise ValueError(f"offset out of range: {name}")
    return timezone(sign * offset)
