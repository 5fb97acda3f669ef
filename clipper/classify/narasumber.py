"""Narasumber: the people quoted in an Indonesian article, with their role when given."""

from __future__ import annotations

import logging
import re

from clipper.models import Narasumber

logger = logging.getLogger(__name__)

# A person name has at most this many words (after honorifics are removed); longer
# capitalised runs are organisation names or headlines.
MAX_NAME_WORDS = 5

# `"…," kata NAME`: the attribution verbs that follow a quote.
POST_VERBS = frozenset({"ujar", "kata", "ungkap", "jelas", "tutur", "tegas", "ucap", "terang", "imbuh",
                        "tambah", "sebut", "papar", "lanjut", "pungkas", "tandas", "urai"})
# `NAME mengatakan`: the verbs that follow the speaker.
PRE_VERBS = frozenset({"mengatakan", "menyatakan", "menjelaskan", "menuturkan", "menegaskan",
                       "mengungkapkan", "menyebutkan", "berkata", "menambahkan", "memaparkan",
                       "menerangkan", "mengakui", "menilai", "menyampaikan", "mengimbau"})
# Words that open a role ("Kepala Balai Litbang Agama Semarang"), folded.
TITLE_WORDS = frozenset("""
kepala menteri menag wamenag wakil sekjen sekretaris dirjen direktur rektor ketua ketum kabid kasi
kasubag kasubbag kasubdit kabag kapus peneliti dosen guru dekan gubernur bupati wali walikota presiden
juru jubir anggota koordinator plt plh kakanwil kakankemenag kapolres kapolda kapolri staf pakar
pengamat pengurus pimpinan camat lurah kades komisioner deputi asisten pembimas penyuluh widyaiswara
bendahara panglima kabalai inspektur irjen kanwil kemenag kementerian uskup pendeta
""".split())
# Multi-word titles that end where the name begins when no comma separates them.
KNOWN_TITLES = tuple(sorted((tuple(t.split()) for t in """
menteri agama|wakil menteri agama|menag|wamenag|sekjen kemenag|sekretaris jenderal kementerian agama
dirjen bimas islam|dirjen pendidikan islam|dirjen phu|kepala badan litbang dan diklat|kepala balitbangdiklat
kepala kua|kepala bpjph|menteri kesehatan|menkes|presiden|wakil presiden|gubernur|bupati|wali kota
rektor|ketua|kepala|direktur|peneliti|dosen|juru bicara|pengamat|sekjen|dirjen|kakanwil kemenag
""".strip().replace("\n", "|").split("|")), key=len, reverse=True))
# Titles usually followed by a unit or place before the name ("Kepala KUA Cibinong …"):
# without a comma, the last two words are taken as the name.
OPEN_TITLES = frozenset(t for t in KNOWN_TITLES if len(t) == 1 or t[0] in {"kepala", "kakanwil", "wali"})
HONORIFICS = frozenset({"prof", "dr", "h", "hj", "kh", "ir", "drs", "dra", "ust", "pdt", "ustaz", "ustazah",
                        "kiai", "kyai", "bapak", "ibu", "pak", "bu"})
CONNECTORS = frozenset({"dan", "bin", "binti", "van", "der", "de", "al", "el"})
# Capitalised words that are not names (sentence openers, pronouns, days, months).
STOP_WORDS = frozenset("""
dia ia beliau mereka kami kita saya aku pihaknya sementara namun selain kemudian saat ketika menurutnya
lebih adapun di dalam hal ini itu sedangkan bahkan tetapi tapi oleh karena sebelumnya selanjutnya
senin selasa rabu kamis jumat sabtu minggu ahad januari februari maret april mei juni juli agustus
september oktober november desember wib wita wit
""".split())

_TRIGGERS = POST_VERBS | PRE_VERBS | {"menurut"}

_TOKEN_RE = re.compile(r"[^\W\d_][\w'’\-]*|\d+|[^\w\s]")
_QUOTES = frozenset('"”“\'’')


def _tokens(text: str) -> list[str]:
    """``_TOKEN_RE.findall(text)``, in half the time: no token spans whitespace, and a
    chunk of letters only is one token, so the regex runs only on the other chunks."""
    findall = _TOKEN_RE.findall
    toks: list[str] = []
    append, extend = toks.append, toks.extend
    for chunk in text.split():
        if chunk.isalpha():
            append(chunk)
        else:
            extend(findall(chunk))
    return toks


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() and tok[:1].isalpha()


def _chunk_forward(toks: list[str], i: int) -> tuple[list[str], int]:
    """Read a run of capitalised words from ``toks[i]``; return it and the next index."""
    words: list[str] = []
    while i < len(toks):
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if _is_cap(tok):
            if nxt == "." and (tok.lower() in HONORIFICS or len(tok) == 1):
                if tok.lower() not in HONORIFICS:
                    words.append(tok + ".")  # an initial: "M. Ali"
                i += 2
                continue
            words.append(tok)
        elif tok.lower() in CONNECTORS and words and _is_cap(nxt):
            words.append(tok)
        else:
            break
        i += 1
    return words, i


def _chunk_backward(toks: list[str], j: int) -> tuple[list[str], int]:
    """Read a run of capitalised words ending at ``toks[j]``; return it and its start."""
    start = j + 1
    while j >= 0:
        tok = toks[j]
        if tok == "." and j > 0 and _is_cap(toks[j - 1]) and (toks[j - 1].lower() in HONORIFICS or len(toks[j - 1]) == 1):
            j -= 2
        elif _is_cap(tok) or (tok.lower() in CONNECTORS and start <= j + 1 and j > 0 and _is_cap(toks[j - 1])):
            j -= 1
        else:
            break
        start = j + 1
    words, _ = _chunk_forward(toks, start)
    return words, start


def _clean(words: list[str]) -> list[str]:
    while words and (words[0].lower().rstrip(".") in STOP_WORDS or words[0].lower() in HONORIFICS):
        words = words[1:]
    while words and words[-1].lower() in STOP_WORDS:
        words = words[:-1]
    return words


def _is_role(words: list[str]) -> bool:
    return bool(words) and words[0].lower() in TITLE_WORDS


def _split_role(words: list[str]) -> tuple[str | None, str | None]:
    """Split "Menteri Agama Ahmad Fauzan" into ("Ahmad Fauzan", "Menteri Agama")."""
    if not _is_role(words):
        return " ".join(words), None
    folded = [w.lower() for w in words]
    for title in KNOWN_TITLES:
        n = len(title)
        if tuple(folded[:n]) == title and len(words) > n:
            rest = words[n:]
            # The office's unit stays with the role: "Kepala Balitbangdiklat Kemenag Suyitno".
            while len(rest) > 1 and (rest[0].lower() in UNIT_WORDS or rest[0].lower() in TITLE_WORDS):
                rest, n = rest[1:], n + 1
            if title in OPEN_TITLES and len(rest) > 2:  # "Rektor UIN Walisongo Imam Taufiq"
                return " ".join(rest[-2:]), " ".join(words[:-2])
            return " ".join(rest), " ".join(words[:n])
    return None, " ".join(words)


# Words of unit and office names: a "name" made only of these is an office, not a person.
UNIT_WORDS = frozenset("""
agama islam kristen katolik hindu buddha khonghucu pendidikan haji umrah madrasah pesantren
kua bina urusan jenderal kementerian kemenag direktorat direktur balai pusat kantor wilayah
kabupaten kota provinsi litbang diklat penelitian pengembangan bimas masyarakat syariah
zakat wakaf halal produk jaminan penyelenggaraan luar negeri dalam negeri umat kerukunan
""".split())


def _person(first: list[str], second: list[str]) -> Narasumber | None:
    first, second = _clean(first), _clean(second)
    if first and second:
        if _is_role(first) and not _is_role(second):
            name, role = " ".join(second), " ".join(first)
        elif _is_role(second) and not _is_role(first):
            name, role = " ".join(first), " ".join(second)
        else:
            name, role = _split_role(first)
    elif first:
        name, role = _split_role(first)
    else:
        return None
    if not name or len(name.split()) > MAX_NAME_WORDS or _is_role(name.split()):
        return None
    if all(w.isupper() or not w.isalpha() for w in name.split()):
        return None  # an acronym ("LPMQ mengimbau …") is an institution, not a person
    if all(w.lower() in UNIT_WORDS for w in name.split()):
        return None  # "Direktur Urusan Agama Islam menjelaskan": the office, with no name given
    return Narasumber(name=name, role=role)


def _role_forward(toks: list[str], i: int) -> tuple[list[str], int]:
    """Like _chunk_forward, also accepting a lower-case title ("peneliti Puslitbang")."""
    if i < len(toks) and toks[i].lower() in TITLE_WORDS and not _is_cap(toks[i]):
        words, j = _chunk_forward(toks, i + 1)
        return ([toks[i], *words], j) if words else ([], i)
    return _chunk_forward(toks, i)


def _skip_degree(toks: list[str], j: int) -> int:
    """Step back over an academic degree ("…, M.Ag.,") ending at ``toks[j]``."""
    k, dotted = j, False
    while k >= 0 and (toks[k] == "." or (_is_cap(toks[k]) and len(toks[k]) <= 4)):
        dotted = dotted or toks[k] == "."
        k -= 1
    return k - 1 if dotted and k >= 0 and toks[k] == "," else j


def _forward(toks: list[str], i: int) -> Narasumber | None:
    first, j = _chunk_forward(toks, i)
    second: list[str] = []
    if first and j < len(toks) and toks[j] == ",":
        candidate, k = _role_forward(toks, j + 1)
        end_ok = k >= len(toks) or toks[k] in {",", ".", "(", ";"} | _QUOTES or not _is_cap(toks[k])
        if candidate and end_ok and len(_clean(candidate)) == len(candidate):
            second = candidate
    return _person(first, second)


def _backward(toks: list[str], v: int) -> Narasumber | None:
    j = v - 1
    if j >= 0 and toks[j] == ",":
        j = _skip_degree(toks, j - 1)
    last, start = _chunk_backward(toks, j)
    if last and start >= 1 and toks[start - 1].lower() in TITLE_WORDS:
        last, start = [toks[start - 1], *last], start - 1
    first: list[str] = []
    if last and start >= 2 and toks[start - 1] == ",":
        first, _ = _chunk_backward(toks, start - 2)
    return _person(first, last) if first else _person(last, [])


def find_narasumber(text: str) -> tuple[Narasumber, ...]:
    """Find the people quoted in ``text``, with their title or office when given.

    Recognises ``"…," kata|ujar|ungkap|jelas|tutur|tegas … NAME``, ``menurut NAME`` and
    ``NAME mengatakan|menjelaskan|…``, each with a role before or after the name
    separated by commas (``kata Kepala Balai Litbang Agama Semarang, Siti Rahmawati``)
    or a known title directly before it (``ujar Menteri Agama Ahmad Fauzan``).

    Args:
        text: The article body.

    Returns:
        One Narasumber per person in order of first mention; a later mention by part of
        the name ("kata Rahmawati") maps to the full name, and the first role given wins.
    """
    toks = _tokens(text or "")
    found: list[Narasumber] = []
    # Only the few attribution words need a closer look (~1,000 tokens an article).
    lows = list(map(str.lower, toks))
    for i in [i for i, low in enumerate(lows) if low in _TRIGGERS]:
        low = lows[i]
        person = None
        if low in POST_VERBS and i > 0 and (toks[i - 1] == "," or toks[i - 1] in _QUOTES):
            person = _forward(toks, i + 1)
        elif low == "menurut":
            person = _forward(toks, i + 1)
        elif low in PRE_VERBS:
            person = _backward(toks, i)
        if person is not None:
            found.append(person)
    return _dedupe(found)


def _dedupe(found: list[Narasumber]) -> tuple[Narasumber, ...]:
    people: list[Narasumber] = []
    for person in found:
        words = set(person.name.lower().split())
        for k, known in enumerate(people):
            known_words = set(known.name.lower().split())
            if words <= known_words or known_words <= words:
                name = known.name if len(known_words) >= len(words) else person.name
                people[k] = Narasumber(name=name, role=known.role or person.role)
                break
        else:
            people.append(person)
    return tuple(people)
