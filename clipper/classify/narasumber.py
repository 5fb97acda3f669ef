"""Narasumber: the people quoted in an Indonesian article, with their role when given.

An attribution gives a speaker: ``"…," kata|ujar|tutur|… NAME``, ``NAME mengatakan|menjelaskan|…``,
``menurut NAME`` and ``disampaikan (oleh) NAME``. The words around it give the role: before the
name ("Menteri Agama Nasaruddin Umar"), after it ("Adi, pemandu wisata"), in parentheses
("Ahmad Fulan (Kepala KUA Cibinong)") or in the next comma segment ("kata Kepala Kanwil Kemenag
Jatim, Ahmad Fulan"). speaker_names.py then completes each speaker from the rest of the article.
People only: pronouns ("kata dia", "ujarnya"), institutions ("Kemenag menegaskan", "KPU"),
places and titles without a name are not narasumber. Tuned on the development half of
bench/narasumber_gold.jsonl (real articles); `bench/narasumber.py` prints the figures.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import compress

from clipper.classify.speaker_runs import QUOTES, Doc, Parsed
from clipper.classify.speaker_words import (ADVERBS, ASIDE_STARTS, HONORIFICS, NOBODY, PASSIVE_VERBS,
                                            POST_VERBS, PRE_VERBS, STOP_WORDS, is_institution, is_name_word)
from clipper.models import Narasumber

logger = logging.getLogger(__name__)

# A person name has at most this many words (honorifics and degrees removed); longer runs of
# capitalised words are organisation names or headlines.
MAX_NAME_WORDS = 5
# Adverbs skipped between a speaker and its verb ("Sri Mulyani juga menyampaikan").
MAX_ADVERBS = 3

# A speaker's name opens its clause: after a comma or the sentence's start, or after one of these
# ("Sementara Budi mengatakan"); a name after another word ("dari Bloomberg", "akun Budi") is not
# the one who speaks.
_OPENERS = (STOP_WORDS | ADVERBS | HONORIFICS | frozenset(
    {"lain", "sama", "tersebut", "ini", "itu", "pun", "lagi", "baru", "alias", "dikenal", "disapa", "bernama", "jauh"})) - frozenset(
    {"dari", "oleh", "di", "ke", "pada", "untuk", "dengan", "kepada", "bagi", "yang", "dan", "atau", "menurut"})

_TRIGGERS = POST_VERBS | PASSIVE_VERBS | PRE_VERBS | {"menurut"}


@dataclass(frozen=True)
class Speaker:
    """One attribution: the name's words (empty for a title alone, "ujar Menag"), the role
    given there, and where it stands in the article (a token index)."""

    name: tuple[str, ...]
    role: str | None
    pos: int


def find_narasumber(text: str) -> tuple[Narasumber, ...]:
    """Find the people quoted in ``text``, with their title or office when given.

    Recognises ``"…," kata|ujar|ungkap|jelas|tutur|tegas|… NAME``, ``menurut NAME``,
    ``disampaikan NAME`` and ``NAME mengatakan|menjelaskan|…``, each with a role before or
    after the name (``kata Kepala Balai Litbang Agama Semarang, Siti Rahmawati``, ``ujar
    Menteri Agama Ahmad Fauzan``, ``Ahmad (Kepala KUA) mengatakan``).

    Args:
        text: The article body.

    Returns:
        One Narasumber per person in order of first attribution (people quoted together, "ujar A
        dan B", in no particular order between them), with the fullest name the
        article gives ("kata Rahmawati" → "Siti Rahmawati") and the first role it gives.
    """
    from clipper.classify.speaker_names import resolve

    doc = Doc(text or "")
    found: list[Speaker] = []
    # Only the few attribution words need a closer look (~1,000 tokens an article).
    for i in list(compress(range(doc.n), map(_TRIGGERS.__contains__, doc.lows))):
        found.extend(_speakers_at(doc, i))
    return resolve(doc, found)


def _speakers_at(doc: Doc, i: int) -> list[Speaker]:
    low, toks = doc.lows[i], doc.toks
    if low in POST_VERBS:
        prev = i - 1 if i > 0 and doc.lows[i - 1] != "demikian" else i - 2
        if prev >= 0 and (toks[prev] == "," or toks[prev] in QUOTES):
            return _after(doc, i + 1)
        return []
    if low == "menurut":
        return _after(doc, i + 1)
    if low in PASSIVE_VERBS:
        return _after(doc, i + 2 if i + 1 < doc.n and doc.lows[i + 1] == "oleh" else i + 1)
    return _before(doc, i)


def _name(doc: Doc, positions: list[int]) -> tuple[str, ...]:
    """The words of a name when they make one (1 to MAX_NAME_WORDS words, not all initials)."""
    words = doc.words(positions)
    full = [w for w in words if len(w) > 2 or not w.endswith(".")]
    if len(full) == 1 and full[0].lower() in doc.org:
        return ()  # a word the article writes after "di", "ke" or "Kabupaten": a place
    return words if full and len(full) <= MAX_NAME_WORDS and len(max(full, key=len)) >= 3 else ()


def _people(doc: Doc, parsed: Parsed, role: str | None, pos: int) -> list[Speaker]:
    """The speakers of a parsed run: its name with ``role``, and others joined by "dan"
    with their own role, or this one when they have none."""
    people = [Speaker(name, role, pos)] if (name := _name(doc, parsed.name)) else []
    for other in parsed.also:
        if name := _name(doc, other.name):
            people.append(Speaker(name, other.role or role, pos))
    return people


def _pure_name(doc: Doc, seg: tuple[int, int], whole: bool = True) -> tuple[str, ...]:
    """The name a whole segment is, honorifics aside ("Dr. Ahmad Yani"); () if it is more.
    Not ``whole``: the name the segment opens with ("Antonius Sinaga saat dihubungi")."""
    s, e = seg
    rb = doc.run_end(s, e)
    if rb < s or (whole and rb != e) or (not whole and rb < e and doc.toks[rb + 1][:1].isupper()):
        return ()
    parsed = doc.parse_run(s, rb)
    if parsed.role or not parsed.name or parsed.also:
        return ()
    rest = [k for k in range(s, parsed.name[0]) if doc.toks[k] != "." and doc.lows[k] not in STOP_WORDS]
    return _name(doc, parsed.name) if all(not is_name_word(doc.toks[k]) for k in rest) else ()


def _after(doc: Doc, j: int) -> list[Speaker]:
    """The speakers named from ``j`` on (after "kata", "menurut", "disampaikan")."""
    if j >= doc.n or doc.lows[j] in NOBODY or doc.toks[j] in QUOTES:
        return []
    segs = doc.segments(j, doc.sentence_end(j))
    if not segs or segs[0][0] != j:
        return []
    s, e = segs[0]
    rb = doc.run_end(s, e)
    if rb < s:
        return []
    parsed = doc.parse_run(s, rb)
    name = _name(doc, parsed.name)
    nxt = segs[1] if len(segs) > 1 else None
    if nxt and (not name or (len(name) == 1 and parsed.role and rb == e)) and (
            whole := doc.role_after(s, e) or (doc.text(s, e) if doc.role_in(s, e) else None)) and (
            other := _pure_name(doc, nxt, whole=False)):
        return [Speaker(other, whole, j)]  # "kata Kepala Kanwil Kemenag DKI, Adib"
    if name and parsed.role is None and _organisation(doc, s, parsed.name[0] - 1):
        return []  # "tulis KAI Commuter"
    if not name:
        return [Speaker((), parsed.role, j)] if parsed.role else []
    role = parsed.role
    if role is None and nxt and rb == e:
        role = doc.role_after(*nxt)  # "kata Adi, pemandu wisata …"
    return _people(doc, parsed, role, j)


def _prev_role(doc: Doc, seg: tuple[int, int]) -> str | None:
    """The role a segment before a name ends with ("Kepala Kanwil Kemenag Jatim, Ahmad …")."""
    return doc.role_in(*seg)


def _organisation(doc: Doc, a: int, b: int) -> bool:
    """True when the words before a name in its run make it an organisation's name: an
    institution word or acronym with no title ("BMW Astra", "Grab Indonesia"); a rank
    ("AKBP") is not one."""
    return any(is_institution(doc.toks[k]) and doc.lows[k] not in HONORIFICS
               and not (doc.lows[k] in ("tni", "polri") and k > a and doc.lows[k - 1] in HONORIFICS)
               for k in range(a, b + 1))


def _is_aside(doc: Doc, seg: tuple[int, int]) -> bool:
    """A comma segment between a speaker and the verb: "dalam keterangannya", "Kamis (5/12)",
    a degree ("M.Ag.", "S.Pd", "MARS")."""
    s, e = seg
    first = doc.lows[s]
    if first in ASIDE_STARTS or first in ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"):
        return True
    toks = doc.toks
    words = [k for k in range(s, e + 1) if toks[k][:1].isalpha()]
    return bool(words) and e - s < 8 and all(  # each piece capitals only, or beside a period
        not toks[k][1:].islower() or (k > s and toks[k - 1] in ".-") or (k < e and toks[k + 1] == ".") for k in words)


def _before(doc: Doc, v: int) -> list[Speaker]:
    """The speakers named before the verb at ``v`` ("Ahmad Fulan mengatakan")."""
    j, skipped = v - 1, 0
    while j >= 0 and doc.lows[j] in ADVERBS and skipped < MAX_ADVERBS:
        j, skipped = j - 1, skipped + 1
    if j < 0 or doc.is_end(j):
        return []
    start = doc.sentence_start(j)
    segs = doc.segments(start, j)
    while segs and _is_aside(doc, segs[-1]):
        segs.pop()
    if not segs:
        return []
    s, e = segs[-1]
    if s >= 2 and doc.toks[s - 1] == "," and doc.lows[s - 2] in PRE_VERBS:
        return []  # "Setyo mengatakan, Johanis sudah meminta izin": inside what Setyo said
    before = [seg for seg in segs[:-1] if not _is_aside(doc, seg)]
    prev = before[-1] if before else None
    role = None
    selaku = next((k for k in range(s, e + 1) if doc.lows[k] in ("selaku", "sebagai")), None)
    if selaku is not None:  # "Ari Endah, S.Pd selaku ketua panitia berharap"
        role, e = doc.role_after(selaku, e), selaku - 1
        if e < s or not is_name_word(doc.toks[e]) or _is_aside(doc, (s, e)):
            name = _pure_name(doc, prev) if prev else ()
            return [Speaker(name, role, v)] if name else []
    if doc.lows[e] in NOBODY:
        return []  # "… Artis Idola Dia menambahkan": a pronoun speaks
    ra = doc.run_start(e, s)
    if ra - 1 > s and doc.lows[ra - 1] == "dari" and is_name_word(doc.toks[ra - 2]):
        named = doc.parse_run(doc.run_start(ra - 2, s), ra - 2)  # "Lindley Johnson dari … NASA mengungkapkan"
        if named.name and not named.also and (name := _name(doc, named.name)):
            return [Speaker(name, named.role or doc.text(ra, e), v)]
    if doc.toks[e] != ")" and not is_name_word(doc.toks[e]):
        role = doc.role(s, e) or (doc.text(s, e) if doc.role_in(s, e) else None) if doc.toks[e] != "." else None
        if role is None:
            return []
        name = _pure_name(doc, prev) if prev else ()  # "Ahmad Rifai, Ketua RT setempat mengatakan"
        return [Speaker(name, role, v)]
    parsed = doc.parse_run(ra, e)
    if ra > s and parsed.name[:1] == [ra] and doc.toks[ra - 1].islower() and doc.lows[ra - 1] not in _OPENERS:
        return []  # "laporan dari Bloomberg menyebutkan", "melalui akun Twitternya menyebut": not the subject
    run_role = parsed.role
    if parsed.name and run_role is None and doc.after_read_also(start) and (parsed.name[0] == start or any(
            doc.lows[k] not in HONORIFICS and doc.toks[k] != "." for k in range(s, parsed.name[0]))):
        parsed = parsed._replace(name=parsed.name[-1:])  # a "Baca juga:" headline runs into the sentence
    if parsed.name and run_role is None and _organisation(doc, ra, parsed.name[0] - 1):
        if not (prev and ra == s and (run_role := _prev_role(doc, prev))):
            return []  # "BMW Astra menyebut", "Siloam Hospitals Kebon Jeruk memastikan"
        run_role += ", " + doc.text(ra, parsed.name[0] - 1)  # "Presiden Direktur PT Merck, Tbk Evie Yulin"
    if not _name(doc, parsed.name):
        if run_role and prev and (other := _pure_name(doc, prev)):
            return [Speaker(other, run_role, v)]  # "Aryanthi Putri, Ketua Umum CISC, menyampaikan"
        return [Speaker((), run_role, v)] if run_role else []
    role = role or run_role
    if role is None and prev and ra == s:
        role = _prev_role(doc, prev)  # "Kepala Kanwil Kemenag Jawa Tengah, Musta'in Ahmad, mengatakan"
    return _people(doc, parsed, role, v)
