"""Interface language: Bahasa Indonesia by default, English from a catalogue (dates: clipper.dates)."""

from __future__ import annotations

import logging
from datetime import date, datetime

from clipper.dates import MONTHS_SHORT_ID, clock, time_unknown, to_jakarta, today_wib
from ui.i18n_en import ENGLISH

logger = logging.getLogger(__name__)

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
_language = "id"


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
    from ui.qt_indonesian import use_indonesian_qt  # Qt's own buttons and dialogs too
    use_indonesian_qt(_language == "id")


def language() -> str:
    return _language


def _(text: str) -> str:
    """The interface text in the chosen language (the Indonesian text is the key)."""
    if _language == "id":
        return text
    return ENGLISH.get(text, text)


def format_time(moment: datetime | None, today: date | None = None) -> str:
    """A queue time in WIB: "10.15" today, "24 Nov 2026 10.15" on another day (the year always:
    a 2015 article must not look like today's)."""
    if moment is None:
        return "—"
    local = to_jakarta(moment)
    day = f"{local.day} {MONTHS_SHORT_ID[local.month - 1]} {local.year}"
    if time_unknown(local):
        return _("hari ini") if today is not None and local.date() == today else day
    if today is not None and local.date() == today:
        return clock(local)
    return f"{day} {clock(local)}"
