"""Cleaning extracted article text of what Indonesian media put inside bodies."""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

# "Baca juga"-style lines longer than this are real paragraphs, not promo links (promo
# lines hold a marker plus one headline: under 200 characters in our fixtures).
PROMO_MAX_CHARS = 200

# Social-channel promos ("Dapatkan update berita ... Telegram") are one or two sentences.
CHANNEL_PROMO_MAX_CHARS = 400

# Ad markers and pager text are short lines ("ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT"
# is the longest, 45); longer lines skip those regexes (they are most of clean_text's time).
NOISE_LINE_MAX_CHARS = 80

_PROMO_START = re.compile(
    r"^[\W_]*(?:baca juga|baca pula|baca lagi|simak juga|lihat juga|tonton juga|simak video"
    r"|tonton video|saksikan video|baca selengkapnya|artikel terkait|berita terkait"
    r"|read also|also read|see also|read more)\b",
    re.I,
)

_NOISE_TOKENS = re.compile(
    r"advertisement|advertisment|scroll to continue with content|scroll to continue"
    r"|scroll untuk melanjutkan membaca|scroll untuk melanjutkan|lanjutkan membaca|iklan|ads",
    re.I,
)

_PAGER_LINE = re.compile(
    r"^(?:halaman|hal\.?|page)\s*(?:selanjutnya|berikutnya|sebelumnya|\d{1,2}(?:\s*(?:dari|of|/)\s*\d{1,2})?)"
    r"\s*[»›>:.]*$|^[«‹<\s]*(?:selanjutnya|sebelumnya|berikutnya|next|prev|previous)[\s»›>]*$"
    r"|^[«‹<]?\s*\d{1,2}(?:\s+\d{1,2})+(?:\s+(?:selanjutnya|berikutnya|next))?\s*[»›>]?$",
    re.I,
)

_CHANNEL_PROMO_VERB = re.compile(
    r"^[\W_]*(?:dapatkan|ikuti|gabung|bergabung|follow|klik|kunjungi|jangan lewatkan|yuk"
    r"|simak|update|unduh|download|pantau|berlangganan|subscribe)\b",
    re.I,
)

_CHANNEL = re.compile(r"google news|whatsapp|telegram|saluran|channel|instagram|tiktok|youtube|aplikasi", re.I)

_TRAILING_LABEL = re.compile(
    r"^(?:editor|penulis|reporter|pewarta|redaktur|penyunting|editor bahasa|sumber|kontributor"
    r"|fotografer|foto|video|copyright|hak cipta|©)\b[^:：]{0,20}[:：]|^©",
    re.I,
)

_INITIALS_LINE = re.compile(
    r"^[(\[]\s*[a-z]{2,5}(?:\s*/\s*[a-z0-9]{2,5}){0,3}\s*[)\]]$|^[a-z]{2,5}(?:/[a-z0-9]{2,5}){1,3}$|^\(\*+\)$", re.I
)

_TRAILING_INITIALS = re.compile(
    r"(?<=[.!?\"”'’)\]])\s*[(\[]\s*[a-z]{2,5}(?:\s*/\s*[a-z0-9]{2,5}){0,3}\s*[)\]]\s*$", re.I
)

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

_INVISIBLE = re.compile(r"[\u200b\u00ad\ufeff\x00]")


def clean_text(text: str) -> str:
    """Remove what Indonesian media put inside article bodies, and tidy whitespace.

    Drops lines that are "Baca juga"/"Simak juga"/"Lihat juga" links, advertisement and
    "scroll to continue" markers, pager text ("Halaman 2", "Selanjutnya"), social-channel
    promos ("Dapatkan update berita ... Telegram"), and at the end editor initials
    ("(fai/idh)"), "Editor: ..." and "Penulis: ..." lines. Sentences that merely contain
    these words are kept.

    Args:
        text: Extracted text, one paragraph per line.

    Returns:
        The cleaned text, one paragraph per line.
    """
    lines = []
    for raw in text.splitlines():
        line = _SPACES.sub(" ", _INVISIBLE.sub("", raw)).strip()
        if line and not _is_boilerplate_line(line):
            lines.append(line)
    while lines and (_TRAILING_LABEL.match(lines[-1]) or _INITIALS_LINE.match(lines[-1])):
        lines.pop()
    if lines:
        lines[-1] = _TRAILING_INITIALS.sub("", lines[-1]).rstrip()
    return "\n".join(line for line in lines if line)


def _is_boilerplate_line(line: str) -> bool:
    """A whole line of promo link, ad marker, pager text or channel promo."""
    if _PROMO_START.match(line):
        marker_end = _PROMO_START.match(line).end()
        return len(line) <= PROMO_MAX_CHARS or bool(re.match(r"\s*[:\-–—]", line[marker_end:]))
    if len(line) <= NOISE_LINE_MAX_CHARS and (
        not _NOISE_TOKENS.sub("", line).strip(" .:-–—|·•*") or _PAGER_LINE.match(line)
    ):
        return True
    return bool(_CHANNEL_PROMO_VERB.match(line) and _CHANNEL.search(line) and len(line) <= CHANNEL_PROMO_MAX_CHARS)
