"""Indonesian text normalisation shared by rules, tone and narasumber: fold, tokenise, stem."""

from __future__ import annotations

import logging
import re
import unicodedata
from itertools import accumulate

logger = logging.getLogger(__name__)

# Words of this many characters or fewer are not stemmed: Indonesian affixes need a
# longer word, and short tokens are mostly abbreviations ("KUA", "UIN", "MAN") that the
# stemmer could only damage. Checked on the evaluation set: no change in recall.
MIN_STEM_LENGTH = 4
# The word → key cache is cleared when it grows past this many entries (a few MB);
# a day of news has ~60,000 distinct word forms.
MAX_CACHE_WORDS = 300_000

# A word is a run of letters or digits. Apostrophes, hyphens and all punctuation split
# words, the same way in rule terms and in articles, so "Qur'an" and "Covid-19" match.
# The modifier letters ʼ ʻ ʹ are apostrophes in transliteration ("Qurʼān"), not letters.
_WORD_RE = re.compile(r"[^\W_\u02b9\u02bb\u02bc]+")

_stemmer = None
_keys: dict[str, str] = {}
_folds: dict[str, str] = {}


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# What text kept in the archive may not hold: control characters but tab and line ends (a NUL,
# or a terminal's escape sequence in a title, would reach every terminal and file it is shown in).
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # in a str, always a lone one


def one_line(text: str | None, limit: int | None = None) -> str:
    """Text for a header, a list line or a title: control characters (CR, LF, tab …) become
    spaces, runs of white space one space; longer than ``limit`` is cut with "…"."""
    line = " ".join(_CONTROL.sub(" ", text or "").split())
    if limit is not None and len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line


def storable(text: str | None) -> str | None:
    """Text as the archive keeps it: control characters (but tab and line ends) removed, and a lone
    surrogate (from a page's JSON escapes: "\\ud800") replaced by U+FFFD, which SQLite cannot store."""
    if not text:
        return text
    return _SURROGATE.sub("\ufffd", _UNSTORABLE.sub("", text))


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics ("Qur’ān" → "qur’an").

    Args:
        text: Any string.

    Returns:
        The case-folded string without combining marks.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _get_stemmer():
    global _stemmer
    if _stemmer is None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        _stemmer = StemmerFactory().create_stemmer()
        logger.debug("PySastrawi stemmer created")
    return _stemmer


def _compute_key(word: str) -> str:
    folded = fold(word)
    if len(folded) < MIN_STEM_LENGTH or not folded.isalpha():
        return folded
    stem = _get_stemmer().stem(folded)
    # Sastrawi answers "" or several words for odd input; keep the folded word then.
    return stem if stem and " " not in stem else folded


def word_key(word: str) -> str:
    """Return the matching key of one word: folded, then stemmed (cached per word form).

    Args:
        word: One word as it appears in the text (any case, with diacritics).

    Returns:
        The key that rule terms and article words are compared on
        ("Penelitian", "meneliti" and "peneliti" all give "teliti").
    """
    key = _keys.get(word)
    if key is None:
        if len(_keys) >= MAX_CACHE_WORDS:
            _keys.clear()
        key = _keys[word] = _compute_key(word)
    return key


def folded_word(word: str) -> str:
    """Return ``fold(word)``, cached per word form."""
    value = _folds.get(word)
    if value is None:
        if len(_folds) >= MAX_CACHE_WORDS:
            _folds.clear()
        value = _folds[word] = fold(word)
    return value


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Split ``text`` into words with their offsets and matching keys.

    Args:
        text: The original text; offsets refer to it unchanged.

    Returns:
        ``(start, end, key)`` for every word, in order, where ``text[start:end]`` is
        the word as written.
    """
    if len(text) > 200:  # an article body: tokenise once for all readers (see _RECENT)
        return [(start, end, key) for start, end, _, key in tokenize_folded(text)]
    keys = _keys
    out = []
    append = out.append
    for match in _WORD_RE.finditer(text):
        word = match.group()
        key = keys.get(word)
        if key is None:
            key = word_key(word)
        append((match.start(), match.end(), key))
    return out


# The last few texts tokenised with their folded forms: classification, tone and the search
# roots of one article all read the same text, which is tokenised once (callers never mutate).
_RECENT: list[tuple[str, list]] = []
RECENT_TEXTS = 4


def _recent_tokens(text: str) -> list | None:
    for seen, tokens in _RECENT:
        if seen is text:
            return tokens
    return None


# The same words, captured by re.split: [gap, word, gap, word, ..., gap].
_SPLIT_RE = re.compile(f"({_WORD_RE.pattern})")


def tokenize_folded(text: str) -> list[tuple[int, int, str, str]]:
    """Like :func:`tokenize`, with the folded (unstemmed) word as well.

    Returns:
        ``(start, end, folded, key)`` for every word, in order.
    """
    recent = _recent_tokens(text)
    if recent is not None:
        return recent
    # One re.split and C-level maps: offsets are the running sums of the pieces' lengths.
    # (A Match object per word cost ~1 µs, the largest part of classifying an article.)
    pieces = _SPLIT_RE.split(text)
    bounds = list(accumulate(map(len, pieces)))
    words = pieces[1::2]
    folds, keys = _folds, _keys
    unique = set(words)
    new_folds, new_keys = unique.difference(folds), unique.difference(keys)
    if new_folds or new_keys:
        if len(folds) + len(new_folds) > MAX_CACHE_WORDS:
            folds.clear()
            new_folds = unique
        if len(keys) + len(new_keys) > MAX_CACHE_WORDS:
            keys.clear()
            new_keys = unique
        for word in new_folds:
            folds[word] = fold(word)
        for word in new_keys:
            keys[word] = _compute_key(word)
    out = list(zip(bounds[0:-1:2], bounds[1::2], map(folds.__getitem__, words), map(keys.__getitem__, words)))
    if len(text) > 200:  # only article bodies are worth remembering
        _RECENT.append((text, out))
        if len(_RECENT) > RECENT_TEXTS:
            del _RECENT[0]
    return out


def folded_words(text: str) -> list[str]:
    """The words of ``text``, folded (no stemming), in order: what the search index holds of it."""
    cached = _recent_tokens(text)
    if cached is not None:
        return [folded for _, _, folded, _ in cached]
    fold_of = folded_word
    return [fold_of(word) for word in _WORD_RE.findall(text)]


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """Return the key sequence of a rule term or phrase ("Balai Litbang Agama").

    Args:
        phrase: A term as an editor wrote it.

    Returns:
        One key per word; empty when the phrase has no letters or digits.
    """
    return tuple(key for _, _, key in tokenize(phrase))


# Arabic the index's tokenizer splits inside a word: vowel marks (harakat, shadda, sukun,
# superscript alef, Quranic marks) and presentation forms (schema_search builds the index
# with them). stems_of adds the bare form of words holding them; m022 re-indexes the
# articles that do.
ARABIC_SPLIT_CHARS = "\u064b-\u065f\u0670\u06d6-\u06ed\ufb50-\ufdff\ufe70-\ufefc"
# An Arabic word with vowel marks: the index's tokenizer splits it at every mark, so "بِسْمِ"
# could only be found by typing the marks. Its bare form goes into `stems`, where a query typed
# without marks finds it (see ARABIC_SPLIT_CHARS).
_ARABIC_WORD = re.compile(f"[\u0621-\u064a\u0671-\u06d3\u06d5{ARABIC_SPLIT_CHARS}]+")
_ARABIC_MARKS = re.compile(f"[{ARABIC_SPLIT_CHARS}]")


def stems_of(*texts: str | None) -> str:
    """The roots of the affixed words of the texts, as the index's `stems` column holds them,
    and the bare form of Arabic words written with vowel marks."""
    keys = []
    for text in texts:
        if text:
            keys.extend(key for _, _, folded, key in tokenize_folded(text) if key != folded)
            if _ARABIC_MARKS.search(text):
                keys.extend(fold(word) for word in _ARABIC_WORD.findall(text) if _ARABIC_MARKS.search(word))
    return " ".join(keys)
