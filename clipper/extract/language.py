"""The language of an article: Arabic script, then Indonesian or English stop words, then the page says."""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)


# Language guess from stop words: at least this many hits, and twice the other language's.
LANG_MIN_HITS = 5


# Characters of text looked at: ~300 words give dozens of stop words in either language.
LANG_SAMPLE_CHARS = 2000


_LOWER_WORD = re.compile(r"[a-z]+")


_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


_LATIN = re.compile(r"[A-Za-z]")


_ID_WORDS = frozenset(
    "yang dan di dengan untuk dari ini itu dalam tidak akan pada juga ke karena oleh adalah"
    " bahwa para atau sudah telah kami mereka tersebut saat bisa ada menjadi kata ujar".split()
)


_EN_WORDS = frozenset(
    "the and of to in is that for with on was as are by this be from it at has have were"
    " will said which an their not".split()
)


def detect_language(text: str, html_lang: str | None, hint: str | None) -> str | None:
    """Arabic script share, then Indonesian/English stop words, then <html lang>, then the hint."""
    sample = text[:LANG_SAMPLE_CHARS]
    arabic = len(_ARABIC.findall(sample))
    if arabic and arabic > len(_LATIN.findall(sample)):  # Latin letters only counted when needed
        return "ar"
    words = _LOWER_WORD.findall(sample.lower())
    id_hits = sum(map(_ID_WORDS.__contains__, words))
    en_hits = sum(map(_EN_WORDS.__contains__, words))
    if max(id_hits, en_hits) >= LANG_MIN_HITS and max(id_hits, en_hits) >= 2 * min(id_hits, en_hits):
        return "id" if id_hits > en_hits else "en"
    if html_lang:
        code = html_lang.strip().lower()[:2]
        return "id" if code == "in" else code
    return hint
