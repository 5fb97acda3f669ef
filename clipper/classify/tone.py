"""Suggested tone of an article (positif / netral / negatif) from an Indonesian lexicon."""

from __future__ import annotations

import logging

from clipper import textnorm

logger = logging.getLogger(__name__)

# A word's polarity counts double in the title (the headline carries the slant).
TITLE_FACTOR = 2.0
# Net polarity needed for a non-neutral suggestion. 1.5 means one plain polar word in
# the body stays "netral", one in the title or two agreeing in the body do not; chosen
# by hand on the tone cases in tests/core/test_tone.py (an editor confirms every tone).
TONE_THRESHOLD = 1.5
INTENSIFIER_FACTOR = 1.5
# "tidak buruk" is milder than "baik": a negated word flips and loses some weight.
NEGATION_FACTOR = 0.7
# How many words before a polar word a negation or intensifier may stand
# ("tidak terlalu baik", "belum juga berhasil").
LOOKBACK = 3

NEGATIONS = frozenset({"tidak", "tak", "bukan", "belum", "tanpa", "jangan", "tiada", "gak", "nggak"})
INTENSIFIERS = frozenset({"sangat", "amat", "sekali", "paling", "begitu", "terlalu", "sungguh", "makin",
                          "semakin", "kian", "benar"})
POST_INTENSIFIERS = frozenset({"sekali", "banget"})

# Root words: every affixed form shares the polarity ("apresiasi" → "diapresiasi").
_POSITIVE_ROOTS = """
baik bagus sukses prestasi juara apresiasi puji dukung bantu manfaat lancar
aman damai harmonis inovasi unggul terima kasih efektif efisien transparan puas
raih tumbuh pulih sejahtera bangga hebat meriah mudah cepat kuat sehat selamat
penghargaan teladan berkah gratis optimis sigap tanggap peduli ramah
""".split()
_NEGATIVE_ROOTS = """
buruk korupsi gagal kritik kecam tolak protes keluh lambat rusak konflik kekerasan
intoleran intoleransi radikal pungli suap tipu palsu langgar sengketa bentrok ricuh
sesal kecewa masalah mangkrak hambat telantar terlantar rugi tersangka tangkap
usut dugaan bohong hoaks lemah sulit mahal anjlok ancam bahaya kacau lalai
penyimpangan penyelewengan gelembung aduan kisruh polemik batal sanksi
""".split()
# Surface forms whose root is neutral ("hasil" in "hasil survei" is neutral).
_POSITIVE_WORDS = {"berhasil", "keberhasilan", "wtp", "terbaik", "memuaskan", "meningkat", "rekor"}
_NEGATIVE_WORDS = {"membantah", "menurun", "merosot", "terpapar", "meninggal", "tewas", "kerugian",
                   "dibekukan", "ditahan"}

_polarity: tuple[dict[str, float], dict[str, float]] | None = None


def _lexicon() -> tuple[dict[str, float], dict[str, float]]:
    """(polarity by surface word, polarity by root key)."""
    global _polarity
    if _polarity is None:
        by_key = {textnorm.word_key(word): value
                  for words, value in ((_POSITIVE_ROOTS, 1.0), (_NEGATIVE_ROOTS, -1.0)) for word in words}
        by_word = {word: value
                   for words, value in ((_POSITIVE_WORDS, 1.0), (_NEGATIVE_WORDS, -1.0)) for word in words}
        _polarity = by_word, by_key
    return _polarity


def _polarity_sum(text: str) -> float:
    by_word, by_key = _lexicon()
    tokens = textnorm.tokenize_folded(text)
    total = 0.0
    polar = [i for i, token in enumerate(tokens) if token[2] in by_word or token[3] in by_key]
    for i in polar:
        folded, key = tokens[i][2], tokens[i][3]
        value = by_word.get(folded) or by_key.get(key)
        if not value or folded in NEGATIONS or folded in INTENSIFIERS:
            continue
        before = [t[2] for t in tokens[max(0, i - LOOKBACK) : i]]
        if any(word in INTENSIFIERS for word in before) or (
            i + 1 < len(tokens) and tokens[i + 1][2] in POST_INTENSIFIERS
        ):
            value *= INTENSIFIER_FACTOR
        if any(word in NEGATIONS for word in before):
            value *= -NEGATION_FACTOR
        total += value
    return total


def tone_score(title: str, text: str) -> float:
    """Return the net polarity of an article (> 0 leans positive, < 0 negative).

    Args:
        title: The article title (weighted by ``TITLE_FACTOR``).
        text: The article body.
    """
    return TITLE_FACTOR * _polarity_sum(title or "") + _polarity_sum(text or "")


def suggest_tone(title: str, text: str) -> str:
    """Suggest the tone of an article: "positif", "netral" or "negatif".

    A lexicon of Indonesian root words (stemmed, so "diapresiasi" counts as
    "apresiasi"), flipped by a negation ("tidak", "bukan", "belum", "tanpa") and
    strengthened by an intensifier ("sangat", "amat", "paling", "… sekali") within
    the ``LOOKBACK`` words before it. The editor has the final word.

    Args:
        title: The article title.
        text: The article body.

    Returns:
        One of ``clipper.models.TONES``.
    """
    score = tone_score(title, text)
    if score >= TONE_THRESHOLD:
        return "positif"
    if score <= -TONE_THRESHOLD:
        return "negatif"
    return "netral"
