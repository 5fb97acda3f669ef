"""Interface language: Bahasa Indonesia by default, English from a catalogue; Indonesian dates."""

from __future__ import annotations

import logging
from datetime import date, datetime

from clipper.dates import to_jakarta
from ui.i18n_en import ENGLISH

logger = logging.getLogger(__name__)

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
_language = "id"

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")
MONTHS_SHORT_ID = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def today_wib() -> date:
    """Today's date in Jakarta (the archive's days are WIB days)."""
    return to_jakarta(datetime.now().astimezone()).date()


def qdate_today():
    """Today (WIB) as a QDate, for date pickers."""
    from PySide6.QtCore import QDate
    day = today_wib()
    return QDate(day.year, day.month, day.day)


def set_language(code: str) -> None:
    """Choose the interface language ("id" or "en"); widgets built afterwards use it."""
    global _language
    _language = code if code in LANGUAGES else "id"
    logger.debug("interface language %s", _language)


def language() -> str:
    return _language


def _(text: str) -> str:
    """The interface text in the chosen language (the Indonesian text is the key)."""
    if _language == "id":
        return text
    return ENGLISH.get(text, text)


def format_day(day: date) -> str:
    """"Rabu, 25 November 2026" (dates are shown in Indonesian in both languages)."""
    return f"{DAYS_ID[day.weekday()]}, {day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def format_time(moment: datetime | None, today: date | None = None) -> str:
    """A queue time in WIB: "10.15" today, "24 Nov 10.15" on another day."""
    if moment is None:
        return "—"
    local = to_jakarta(moment)
    clock = f"{local.hour:02d}.{local.minute:02d}"
    if today is not None and local.date() == today:
        return clock
    return f"{local.day} {MONTHS_SHORT_ID[local.month - 1]} {clock}"


def format_moment(moment: datetime | None) -> str:
    """"Rabu, 25 November 2026, 10.15 WIB"."""
    if moment is None:
        return "—"
    local = to_jakarta(moment)
    return f"{format_day(local.date())}, {local.hour:02d}.{local.minute:02d} WIB"
