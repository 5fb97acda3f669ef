"""Completing the speakers an article names (used by narasumber.py): the fullest name it gives
("kata Umar" → "Nasaruddin Umar", "Jokowi" → "Joko Widodo"), the person behind a title alone
("ujar Menag" → the Menteri Agama named earlier), the role given at another mention of the
person, and one entry per person."""

from __future__ import annotations

import logging
from itertools import compress
from operator import methodcaller

from clipper.classify.speaker_runs import Doc
from clipper.classify.speaker_words import (HONORIFICS, ORG_SUFFIXES, ROLE_ABBREVIATIONS, TITLE_PREFIXES,
                                            TITLE_WORDS, is_name_word, is_role_head)
from clipper.models import Narasumber

logger = logging.getLogger(__name__)

# A full name found elsewhere in the article has at most this many words.
MAX_FULL_NAME_WORDS = 4
# A word this long may be misspelt once in an article and still name the same person; shorter
# names one letter apart are often different people ("Adi" / "Ade").
MIN_TYPO_WORD = 7
# A call name this long that starts a word of a full name in the same article is that person.
MIN_SHORT_NAME = 3
# A mention this many tokens or fewer after one of these is the reporter's byline ("Laporan Wartawan Tribunnews.com, Eko").
MAX_BYLINE = 6
_BYLINE = frozenset({"laporan", "reporter", "wartawan", "pewarta", "editor", "penulis", "kontributor"})
# Capitalised words that may follow a name without making it part of a longer title.
_AFTER_NAME = frozenset("""senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli
agustus september oktober november desember s sp ph mba phd sh mh se st""".split())
# A role never follows one of these ("Kepada polisi, Seftyana mengaku").
_NOT_ROLE_OPENERS = frozenset({"kepada", "dari", "untuk", "oleh", "bagi", "dengan", "di", "ke", "pada", "terhadap"})
# A "title … name" mention spans at most this many tokens.
MAX_MENTION = 16
# A title alone this general ("ujar Presiden") only names the person whose role starts with it.
_GENERIC_TITLES = frozenset({"presiden", "menteri", "kepala", "ketua", "wakil", "direktur", "anggota", "juru"})


def resolve(doc: Doc, speakers: list) -> tuple[Narasumber, ...]:
    """One Narasumber per person among ``speakers`` (narasumber.Speaker), in order of first
    mention, with the fullest name and the first role the article gives them."""
    people: list[tuple[tuple[str, ...], str | None]] = []
    for speaker in speakers:
        if speaker.name:
            if not _company(doc, speaker.name):
                people.append((full_name(doc, speaker.name, speaker.pos), speaker.role))
        elif (hit := _by_role(doc, speaker.role, speaker.pos)) is not None:
            people.append(hit)
    return tuple(Narasumber(" ".join(words), role or _role_of(doc, words)) for words, role in _merge(people))


def _positions(doc: Doc, low: str) -> list[int]:
    """Where the capitalised word ``low`` (lower-cased) stands in the article, found once."""
    index = doc.cache.setdefault("positions", {})
    found = index.get(low)
    if found is None:  # compress(): the scan of ~1,000 tokens runs in C
        found = index[low] = [k for k in compress(range(doc.n), map(low.__eq__, doc.lows)) if doc.toks[k][:1].isupper()]
    return found


def _occurrences(doc: Doc, words: tuple[str, ...]) -> list[int]:
    """Where the name ``words`` stands in the article ("B." is the tokens "B" and ".")."""
    key = [part for w in words for part in ((w[:-1].lower(), ".") if w.endswith(".") else (w.lower(),))]
    return [p for p in _positions(doc, key[0]) if doc.lows[p:p + len(key)] == key]


def _aliases(doc: Doc) -> dict[str, tuple[str, ...]]:
    """Short names → the full name they stand for: "Joko Widodo (Jokowi)", "Eko Hendro Purnomo
    atau dikenal Eko Patrio", "Nikson Pangaribuan alias Ucok"."""
    aliases = doc.cache.get("aliases")
    if aliases is None:
        aliases = {}
        toks, lows = doc.toks, doc.lows
        for k in range(1, doc.n - 2):
            if toks[k] == "(" and toks[k + 2] == ")":
                short, end = [k + 1], k - 1
            elif lows[k] == "alias" or (lows[k] == "atau" and lows[k + 1] in ("dikenal", "disapa", "akrab")):
                q = k + 1
                while q < doc.n and lows[q] in ("dikenal", "disapa", "akrab", "dengan", "sebagai"):
                    q += 1
                short, end = [], k - 1
                while q < doc.n and is_name_word(toks[q]) and len(short) < 3:
                    short.append(q)
                    q += 1
            else:
                continue
            if short and all(is_name_word(toks[q]) for q in short) and is_name_word(toks[end]):
                a = end
                while a > 0 and is_name_word(toks[a - 1]) and end - a < MAX_FULL_NAME_WORDS - 1:
                    a -= 1
                aliases.setdefault(" ".join(lows[q] for q in short), doc.words(list(range(a, end + 1))))
        doc.cache["aliases"] = aliases
    return aliases


def _company(doc: Doc, words: tuple[str, ...]) -> bool:
    """True when the article writes the "name" followed by a company word ("Goldman Sachs Group")."""
    for p in _occurrences(doc, words):
        b = p + len(words)
        while b < doc.n and is_name_word(doc.toks[b]):
            b += 1
        if b < doc.n and (doc.lows[b] in ORG_SUFFIXES or (
                doc.toks[b] == "(" and b + 1 < doc.n and doc.lows[b + 1] in ORG_SUFFIXES | {"pt", "cv"})):
            return True  # "Goldman Sachs Group Inc", "Modalku (PT Mitrausaha …)"
    return False


def full_name(doc: Doc, words: tuple[str, ...], pos: int = 0) -> tuple[str, ...]:
    """The longest name in the article that holds ``words`` ("Rahmawati" → "Siti Rahmawati"):
    the run of name words around a mention of them (the nearest to ``pos`` among the longest),
    or the name a short form stands for. Mentions inside a linked headline or a byline, or
    that run on into more capitalised words (a title in Title Case), do not count."""
    if alias := _aliases(doc).get(" ".join(words).lower()):
        return alias
    best, best_key = words, (len(words), False, -doc.n)
    toks, org = doc.toks, doc.org
    for p in _occurrences(doc, words):
        if doc.after_read_also(doc.sentence_start(p)) or any(
                doc.lows[q] in _BYLINE for q in range(max(0, p - MAX_BYLINE), p)):
            continue
        a, b = p, p + len(words) - 1
        while a > 0 and doc.name_word(a - 1) and doc.lows[a - 1] not in org:
            a -= 1
        while b + 1 < doc.n and doc.name_word(b + 1):
            b += 1
        if b + 1 < doc.n and toks[b + 1][:1].isupper() and doc.lows[b + 1] not in _AFTER_NAME and not (
                toks[b + 1] == "M" or doc.lows[b + 1] in HONORIFICS):
            continue  # "Valentino Rossi Klaim Hasil MotoGP …": a headline in Title Case
        found = doc.words(list(range(a, b + 1)))
        introduced = a > 0 and toks[a - 1][:1].isupper()  # after a title or an office: "Ketua DPR RI Puan …"
        key = (len(found), introduced, -abs(p - pos))
        if len(found) <= MAX_FULL_NAME_WORDS and key > best_key:
            best, best_key = found, key
    return best


def _role_words(role: str) -> list[str]:
    words: list[str] = []
    for word in "".join(c if c.isalnum() else " " for c in role.lower()).split():
        words.extend(ROLE_ABBREVIATIONS.get(word, word).split())
    return words


def _mentions(doc: Doc) -> list[tuple[int, tuple[str, ...], str]]:
    """Every "title … name" run in the article: (where, name words, role)."""
    found = doc.cache.get("mentions")
    if found is None:
        found = []
        lows, n = doc.lows, doc.n  # the title words, picked with loops in C
        heads = set(compress(range(n), map(TITLE_WORDS.__contains__, lows)))
        heads.update(compress(range(n), map(methodcaller("startswith", TITLE_PREFIXES), lows)))
        for q in sorted(heads):
            if (q == 0 or not is_role_head(doc.toks[q - 1])) and not doc.after_read_also(doc.sentence_start(q)):
                parsed = doc.parse_run(q, doc.run_end(q, min(doc.n - 1, q + MAX_MENTION)))
                if parsed.name and parsed.role:
                    found.append((q, doc.words(parsed.name), parsed.role))
        doc.cache["mentions"] = found
    return found


def _same_office(title: list[str], role: list[str]) -> bool:
    if not title or not set(title) <= set(role):
        return False
    return title[0] == role[0] or (len(title) == 1 and title[0] not in _GENERIC_TITLES)


def _by_role(doc: Doc, role: str | None, pos: int) -> tuple[tuple[str, ...], str] | None:
    """The person a title alone stands for ("ujar Menag"): the last one named with that office
    before it, else the first after; None when the article names nobody with it."""
    title = _role_words(role or "")
    best = None
    for where, words, mention_role in _mentions(doc):
        if _same_office(title, _role_words(mention_role)):
            if where <= pos or best is None:
                best = (full_name(doc, words), mention_role)
            if where > pos:
                break
    return best


def _role_of(doc: Doc, words: tuple[str, ...]) -> str | None:
    """The role the article gives the person at a mention of the name: before it ("Menteri
    Keuangan Sri Mulyani", "Kepala MTsN 1, Fitriana"), after it ("Adi, pemandu wisata"), or in
    parentheses after it."""
    toks = doc.toks
    for p in _occurrences(doc, words):
        k = doc.before_honorifics(p - 1, 0)
        comma = k >= 1 and toks[k] == ","
        k -= comma
        start = doc.run_start(k, max(0, k - 30)) if k >= 0 else 0
        after = p + len(words)
        subject = after < doc.n and doc.toks[after].isalpha() and doc.toks[after].islower()
        fronted = doc.lows[start] in _NOT_ROLE_OPENERS or (start > 0 and doc.lows[start - 1] in _NOT_ROLE_OPENERS)
        if k >= 0 and not (comma and subject and fronted) and (
                role := doc.role(start, k) or doc.role_in(start, k)):
            return role  # not a fronted phrase before the subject: "Kepada polisi, Seftyana mengaku"
        q = p + len(words)
        if q + 1 < doc.n and toks[q] == "(" and is_role_head(toks[q + 1]):
            close = doc.close_paren(q, doc.n - 1)
            if close is not None:
                return doc.text(q + 1, close - 1)
        if q + 1 < doc.n and (toks[q] == "," or doc.lows[q] in ("selaku", "sebagai")):
            a = q + 1 if toks[q] == "," else q
            end = min(doc.sentence_end(a), next((e for e in range(a, doc.n) if toks[e] == ","), doc.n) - 1)
            if role := doc.role_after(a, end):
                return role
    return None


def _one_letter_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


def _misspelt(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same person written another way: word for word equal but for a typo of one letter
    in a word of MIN_TYPO_WORD letters or more ("Habibirokhman" / "Habiburokhman"); or one
    word that is another name's word with a typo ("Gantosari" / "Gantosori Tanjung") or its
    short form ("Enggar" / "Enggartiasto Lukita", "Leo" / "Leonardus Simarmata")."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 1:
        short = a[0].lower()
        return len(short) >= MIN_SHORT_NAME and any(
            word.lower() != short and (word.lower().startswith(short) or (
                min(len(word), len(short)) >= MIN_TYPO_WORD and _one_letter_apart(short, word.lower()))) for word in b)
    return len(a) == len(b) and any(x != y for x, y in zip(a, b)) and all(
        x.lower() == y.lower() or (min(len(x), len(y)) >= MIN_TYPO_WORD and _one_letter_apart(x.lower(), y.lower()))
        for x, y in zip(a, b))


def _merge(people: list[tuple[tuple[str, ...], str | None]]) -> list[tuple[tuple[str, ...], str | None]]:
    """One entry per person: a name whose words are all in another's is the same person."""
    merged: list[tuple[tuple[str, ...], str | None]] = []
    for words, role in people:
        mine = {w.lower() for w in words if not w.endswith(".")}
        for k, (known, known_role) in enumerate(merged):
            theirs = {w.lower() for w in known if not w.endswith(".")}
            if mine <= theirs or theirs <= mine or _misspelt(words, known):
                merged[k] = (known if len(known) >= len(words) else words, known_role or role)
                break
        else:
            merged.append((words, role))
    return merged
