"""An article's tokens as narasumber finding reads them: sentences, comma segments, runs of
capitalised words, and how a run splits into a role and a name ("Menteri Agama | Nasaruddin
Umar", "Kapolres Metro Depok | Kombes (Pol) | Arya Perdana")."""

from __future__ import annotations

import logging
import re
from itertools import compress
from typing import NamedTuple

from clipper.classify.aboutness import TEASER_VERBS, TEASER_WORDS
from clipper.classify.speaker_words import (ADVERBS, AGUNG_AFTER, ASIDE_STARTS, CONNECTORS, HONORIFICS,
                                            MODALS, NAMED_INSTITUTIONS, NOBODY, PERSON_NOUNS, RELATIONAL,
                                            STOP_WORDS, is_name_word, is_role_head)

logger = logging.getLogger(__name__)

# How far (in tokens) a reader looks for the edge of a sentence or of a role; a sentence of
# news rarely holds more words between an attribution verb and its speaker.
MAX_SPAN = 40
# A parenthesised group inside a name or role ("(Pol)", "(Kanwil)", "(Persero)") is short.
MAX_PAREN = 8

TOKEN_RE = re.compile(r"[^\W\d_][\w'’\-]*|\d+|[^\w\s]")
QUOTES = frozenset('"”“\'’‘')
_ENDS = frozenset(".!?;:")
_BEFORE_PLACE = frozenset({"di", "ke"})
_ORG_BEFORE = _BEFORE_PLACE | NAMED_INSTITUTIONS
_ORDINAL = re.compile(r"ke-\d+$")  # "Presiden ke-7"
_ABBREVIATIONS = frozenset({"pt", "tbk", "sp", "jl", "no", "st", "spd", "si", "ag"})
# A lower-case role after a name ends before one of these ("Adi, pemandu wisata | di Bandara").
# A lower-case word starting so is a verb ("menjadwalkan", "berharap", "dijadwalkan").
_VERB_PREFIXES = ("men", "mem", "meng", "meny", "ber", "di")
_ROLE_STOPS = ASIDE_STARTS | frozenset({"yang", "untuk", "bahwa", "agar", "yakni", "sejak", "hingga"})
# Words that may open a segment before a lower-case role: "seorang pastor paroki …".
_LEAD_INS = frozenset({"seorang", "sang", "para", "salah", "satu", "sementara", "itu", "namun", "adapun"})
_NOT_IN_ROLE = _ROLE_STOPS | STOP_WORDS | ADVERBS | NOBODY | MODALS


def tokens(text: str) -> list[str]:
    """``TOKEN_RE.findall(text)``, in half the time: no token spans whitespace, and a chunk of
    letters only is one token, so the regex runs only on the other chunks."""
    findall = TOKEN_RE.findall
    toks: list[str] = []
    append, extend = toks.append, toks.extend
    for chunk in text.split():
        if chunk.isalpha():
            append(chunk)
        else:
            extend(findall(chunk))
    return toks


class Parsed(NamedTuple):
    """A run read as a person: the name's token positions (empty if none), the role, and
    the names of others named with "dan" in the same run."""

    name: list[int]
    role: str | None
    also: tuple["Parsed", ...] = ()


def _cap(tok: str) -> bool:
    return tok[:1].isupper() and tok[:1].isalpha()


class Doc:
    """The tokens of one article, with the words it uses as places or organisation names
    ("di Klaten", "UIN Walisongo", "Pemkab Blitar"): such a word never starts a name."""

    def __init__(self, text: str) -> None:
        self.toks = tokens(text)
        self.lows = [t.lower() for t in self.toks]
        self.n = len(self.toks)
        lows, toks, n = self.lows, self.toks, self.n
        # (the scans below pick their few candidates with compress(), a loop in C: ~1,000 tokens an article)
        self.org = {lows[i + 1] for i in compress(range(n), map(_ORG_BEFORE.__contains__, lows))
                    if i + 2 < n and _cap(toks[i + 1]) and (lows[i] in NAMED_INSTITUTIONS or not is_name_word(toks[i + 2]))}
        # "Asosiasi Pengusaha Indonesia (Apindo)": an acronym defined after a name that is not a person's
        self.org.update(lows[i + 1] for i in compress(range(n), map("(".__eq__, toks)) if 1 <= i < n - 2
                        and toks[i + 2] == ")" and _cap(toks[i + 1]) and _cap(toks[i - 1]) and not is_name_word(toks[i - 1]))
        # Runs of three or more words in capitals ("SCROLL TO CONTINUE WITH CONTENT") end a sentence.
        loud = [k for k in compress(range(n), map(str.isupper, toks)) if len(toks[k]) > 1 and toks[k].isalpha()]
        self.shout = {k for j, k in enumerate(loud) if (j >= 2 and loud[j - 2] == k - 2) or (
            j + 2 < len(loud) and loud[j + 2] == k + 2) or (0 < j < len(loud) - 1 and loud[j - 1] == k - 1
                                                              and loud[j + 1] == k + 1)}
        self.cache: dict = {}

    # --- edges --------------------------------------------------------------------------

    def abbrev_dot(self, k: int) -> bool:
        """True when the period at ``k`` ends an abbreviation ("Prof.", "M.", "M.Ag.", "PT.")."""
        if k == 0:
            return False
        prev, low = self.toks[k - 1], self.lows[k - 1]
        if len(prev) == 1 and prev.isupper():
            return k < 2 or not self.toks[k - 2].isdigit()  # an initial, not "kelas 9B."
        return low in HONORIFICS or low in _ABBREVIATIONS or (  # a degree: "M.Ag.", "Sp.OT."
            len(prev) <= 4 and _cap(prev) and k >= 3 and self.toks[k - 2] == "."
            and (len(self.toks[k - 3]) == 1 or self.lows[k - 3] in _ABBREVIATIONS))

    def is_end(self, k: int) -> bool:
        """True when token ``k`` ends a sentence or a quotation."""
        tok = self.toks[k]
        return tok in QUOTES or k in self.shout or (tok in _ENDS and not (tok == "." and self.abbrev_dot(k)))

    def sentence_start(self, j: int) -> int:
        """The first token of the sentence that holds token ``j``."""
        k = j
        while k >= 0 and j - k < MAX_SPAN and not self.is_end(k):
            k -= 1
        return k + 1

    def sentence_end(self, i: int) -> int:
        """The last token of the sentence that starts at or holds token ``i``."""
        k = i
        while k < self.n and k - i < MAX_SPAN and not self.is_end(k):
            k += 1
        return k - 1

    def after_read_also(self, start: int) -> bool:
        """True when the sentence at ``start`` follows a teaser marker ("Baca juga", "Simak
        selengkapnya", Tribun's "Baca:"; the classifier's markers): the linked headline, in
        capitalised words, runs into it with no period."""
        if start + 1 < self.n and self.lows[start] in TEASER_VERBS and self.lows[start + 1] in TEASER_WORDS:
            return True  # the marker opens the sentence ("Baca juga Menteri …", no colon)
        k = start - 1
        while k >= 1 and start - k < MAX_SPAN and (self.toks[k] == ":" or not self.is_end(k)):
            if (self.lows[k] in TEASER_WORDS and self.lows[k - 1] in TEASER_VERBS) or (
                    self.toks[k] == ":" and self.lows[k - 1] == "baca"):
                return True
            k -= 1
        return False

    def segments(self, a: int, b: int) -> list[tuple[int, int]]:
        """Tokens ``a``..``b`` split at commas outside parentheses, empty parts left out."""
        segs, s, depth = [], a, 0
        for k in range(a, b + 1):
            tok = self.toks[k]
            depth += tok == "("
            depth -= tok == ")" and depth > 0
            if tok == "," and not depth:
                if k > s:
                    segs.append((s, k - 1))
                s = k + 1
        if b >= s:
            segs.append((s, b))
        return segs

    def close_paren(self, k: int, end: int) -> int | None:
        """The ")" closing the short group opened at ``k``, when its words are all capitalised."""
        for q in range(k + 1, min(end, k + MAX_PAREN + 1) + 1):
            if self.toks[q] == ")":
                return q
            if self.toks[q].isalpha() and not _cap(self.toks[q]):
                return None
        return None

    def open_paren(self, k: int, start: int) -> int | None:
        """The "(" opening the short group closed at ``k``, when its words are all capitalised."""
        for q in range(k - 1, max(start, k - MAX_PAREN - 1) - 1, -1):
            if self.toks[q] == "(":
                return q
            if self.toks[q].isalpha() and not _cap(self.toks[q]):
                return None
        return None

    # --- runs of capitalised words -------------------------------------------------------

    def name_word(self, k: int) -> bool:
        """is_name_word for token ``k`` in its place: "Agung" is a name but in "Jaksa Agung"."""
        if self.lows[k] == "agung":
            return not (k > 0 and self.lows[k - 1] in AGUNG_AFTER)
        return is_name_word(self.toks[k])

    def _plain(self, k: int) -> bool:
        """True for a lower-case word that may stand inside a role ("spesialis", "wisata"):
        not a verb, an adverb, a pronoun or a word that starts the rest of a sentence."""
        low = self.lows[k]
        return self.toks[k].isalpha() and low not in _NOT_IN_ROLE and not low.startswith(_VERB_PREFIXES)

    def _role_word(self, k: int) -> bool:
        return is_role_head(self.toks[k]) or self.lows[k] in PERSON_NOUNS

    def run_end(self, i: int, end: int) -> int:
        """The last token of the run of capitalised words starting at ``i`` (``i - 1`` if none);
        a run may open with a lower-case role ("pengamat politik", "wali kota")."""
        toks, k = self.toks, i
        if k <= end and not _cap(toks[k]) and self._role_word(k):
            k += 1
            while k <= end and k - i < 4 and not _cap(toks[k]) and (self._role_word(k) or self._plain(k)):
                k += 1
        while k <= end:
            tok = toks[k]
            nxt_cap = k + 1 <= end and _cap(toks[k + 1])
            if _cap(tok) or (tok == "." and self.abbrev_dot(k)) or (self.lows[k] in HONORIFICS and k < end
                                                                   and (toks[k + 1] == "." or nxt_cap)):
                k += 1  # "dr Aru Ariadno", "dr. Maya"
            elif tok == "(" and (close := self.close_paren(k, end)) is not None:
                k = close + 1
            elif k > i and ((tok.isdigit() and _cap(toks[k - 1])) or _ORDINAL.match(tok)
                            or (nxt_cap and (self.lows[k] in CONNECTORS or tok in ("dan", "&")))):
                k += 1
            else:
                break
        return k - 1

    def run_start(self, b: int, a: int) -> int:
        """The first token of the run of capitalised words ending at ``b`` (``b + 1`` if none),
        reaching back no further than ``a``; it takes a lower-case role just before it."""
        toks, k = self.toks, b
        while k >= a:
            tok = toks[k]
            if _cap(tok) or (tok == "." and self.abbrev_dot(k)) or (self.lows[k] in HONORIFICS and k < b
                                                                   and (toks[k + 1] == "." or _cap(toks[k + 1]))):
                k -= 1
            elif tok == ")" and (opened := self.open_paren(k, a)) is not None:
                k = opened - 1
            elif k > a and _cap(toks[k - 1]) and (_ORDINAL.match(tok) or (k < b and (
                    tok.isdigit() or self.lows[k] in CONNECTORS or tok in ("dan", "&")))):
                k -= 1
            else:
                break
        start = k + 1
        q = k  # "dokter spesialis ortopedi | Siloam …", "Dokter spesialis | …", "wali kota | Paris"
        while q >= a and k - q < 4 and toks[q].isalpha():
            if self._role_word(q):
                start = q
            elif _cap(toks[q]) or not self._plain(q):
                break  # "hakim menjadwalkan ulang mediasi | Rafaela": a verb, not a role
            if _cap(toks[q]):
                break
            q -= 1
        return start

    def parse_run(self, a: int, b: int) -> Parsed:
        """Split the run ``a``..``b`` into the name at its end and the role before it (None
        unless it holds a title): honorifics and ranks between them are dropped, a trailing
        group in parentheses ("(Jokowi)", "(45)") is skipped; "A dan B" gives two names; a run
        that opens with a name and then a title is "NAME ROLE" ("Sigit Tejo Head of …")."""
        toks, lows = self.toks, self.lows
        k = b
        if b >= a and toks[b] == ")" and (opened := self.open_paren(b, a)) is not None:
            k = opened - 1
        lead = self._leading_name(a, k)
        if lead:
            return Parsed(lead, self.role(lead[-1] + 1, k))
        name: list[int] = []
        while k >= a:
            if self.name_word(k):
                name.append(k)
                k -= 1
            elif (toks[k] == "." and name and k > a and len(toks[k - 1]) == 1 and toks[k - 1].isupper()
                  and lows[k - 1] not in HONORIFICS):
                name.append(k - 1)  # an initial: "M. Risal Wasal"
                k -= 2
            elif lows[k] in CONNECTORS and name and k > a and is_name_word(toks[k - 1]):
                name.append(k)
                k -= 1
            else:
                break
        name.reverse()
        if name and name[0] > a and lows[name[0] - 1] in NAMED_INSTITUTIONS:
            k = name.pop(0)  # "Universitas Sichuan", "UIN Walisongo": the institution's name
        while len(name) > 1 and (lows[name[0]] in self.org or lows[name[0]] in CONNECTORS):
            k = name.pop(0)
        k = self.before_honorifics(k, a)
        if name and k > a and lows[k] in ("dan", "&"):  # "ekonom Nupur Gupta dan Jonathan Sequeira"
            left = self.parse_run(a, k - 1)
            if left.name:
                return Parsed(name, left.role, (left, *left.also))
        for d in range(k, a, -1):  # "Ketua DEN Luhut … dan Menteri Kesehatan Budi …": a role each
            if lows[d] in ("dan", "&") and is_name_word(toks[d - 1]) and name:
                left = self.parse_run(a, d - 1)
                if left.name:
                    return Parsed(name, self.role_in(d + 1, k), (left, *left.also))
                break
        role = self.role_in(a, k)
        if name and role and k == name[0] - 1 and lows[k] in RELATIONAL:
            return Parsed([], role + " " + self.text(name[0], name[-1]))  # "istri Kenny Austin": not Kenny
        return Parsed(name, role)

    def _leading_name(self, a: int, b: int) -> list[int]:
        """The name a run opens with when two or more name words are followed by a title
        ("Sigit Aryo Tejo Head of Micro Business Modalku"); [] otherwise."""
        while a <= b and (self.lows[a] in STOP_WORDS or self.lows[a] in HONORIFICS or self.toks[a] == "."):
            a += 1
        k = a
        while k <= b and is_name_word(self.toks[k]):
            k += 1
        return list(range(a, k)) if k - a >= 2 and k < b and is_role_head(self.toks[k]) and _cap(self.toks[k]) else []

    def before_honorifics(self, k: int, a: int) -> int:
        """The token before the honorifics and ranks ending at ``k`` ("Prof. Dr.", "Kombes (Pol)",
        "Brigjen TNI"), no further back than ``a``."""
        toks, lows = self.toks, self.lows
        while k >= a and (lows[k] in HONORIFICS or (toks[k] == "." and self.abbrev_dot(k))
                          or (lows[k] in ("tni", "polri") and k > a and lows[k - 1] in HONORIFICS)
                          or (toks[k] == ")" and self._honorific_paren(k, a) is not None)):
            k = self._honorific_paren(k, a) - 1 if toks[k] == ")" else k - 1
        return k

    def _honorific_paren(self, k: int, a: int) -> int | None:
        """The "(" of "(Pol)" closed at ``k``: a group of honorifics and ranks only."""
        opened = self.open_paren(k, a)
        if opened is None or not all(self.lows[q] in HONORIFICS for q in range(opened + 1, k)):
            return None
        return opened

    def role_in(self, a: int, b: int) -> str | None:
        """The role that ends at ``b``: from the first title word in ``a``..``b`` whose run
        reaches ``b`` ("pemaparan dari Waka Kurikulum" → "Waka Kurikulum", "Saham … Oversubscribed
        Direktur Independen KIBIF" → "Direktur Independen KIBIF"); None without a title."""
        depth = 0
        for q in range(a, b + 1):
            tok = self.toks[q]
            depth += (tok == "(") - (tok == ")")
            if depth == 0 and self._role_word(q) and (_cap(tok) or all(
                    self.lows[k] in _LEAD_INS for k in range(a, q))) and self._one_role(q, b):
                if role := self.role(q, b):
                    return role
        return None

    def _one_role(self, a: int, b: int) -> bool:
        """True when ``a``..``b`` reads as one role: capitalised words, numbers, parentheses,
        connectors and plain lower-case words ("Ketua KPK terpilih periode 2024-2029"), no verb
        or sentence word ("Anggota DPRD Sumenep Ditangkap karena Narkoba …")."""
        for k in range(a, b + 1):
            tok = self.toks[k]
            if not (_cap(tok) or tok.isdigit() or tok in "-/()&.," or self.lows[k] in CONNECTORS
                    or self.lows[k] == "dan" or self._plain(k) or self._role_word(k)):
                return False
        return True

    def role(self, a: int, b: int) -> str | None:
        """The text of ``a``..``b`` when it names an office: it opens (after sentence openers)
        with a title ("Kepala", "Menag", "peneliti"); None otherwise."""
        while a <= b and (self.lows[a] in STOP_WORDS or self.lows[a] in ("seorang", "sang", "para") or self.toks[a] in ",."):
            a += 1
        if a > b or not (is_role_head(self.toks[a]) or self.lows[a] in PERSON_NOUNS):
            return None
        while b > a and self.toks[b] in ",.(":
            b -= 1
        text = self.text(a, b)
        return text[:-3] if len(self.toks[b]) > 5 and self.lows[b].endswith("nya") else text

    def role_after(self, a: int, b: int) -> str | None:
        """The role a segment after a name gives ("pemandu wisata dari Eko Flores Tour",
        "selaku ketua panitia"), up to a word that starts the rest of the sentence."""
        if a <= b and self.lows[a] in ("selaku", "sebagai"):
            a += 1
        end = a
        while end <= b and end - a < 14 and self.lows[end] not in _ROLE_STOPS and (
                end == a or not self.toks[end].isalpha() or _cap(self.toks[end]) or self._plain(end)
                or self._role_word(end) or self.lows[end] in CONNECTORS or self.lows[end] == "dan"):
            end += 1
        if end <= b and self.lows[end] not in _ROLE_STOPS and not (
                self.toks[end][:1].isupper() or self.lows[end] in ("dan", "serta")):
            return None  # a clause, not a role: "kata Leo, polisi akan tetap menjaga …"
        return self.role(a, end - 1)

    def text(self, a: int, b: int) -> str:
        """Tokens ``a``..``b`` as written: no space before , . ) and after (."""
        out = ""
        for k in range(a, b + 1):
            tok = self.toks[k]
            glue = (not out or tok in ",.)" or out.endswith("(") or tok == "-" or out.endswith("-")
                    or (len(tok) == 1 and tok.isalpha() and self.toks[k - 1].isdigit()))  # "9B"
            out += tok if glue else " " + tok
        return out

    def words(self, positions: list[int]) -> tuple[str, ...]:
        """The name at ``positions`` as words, an initial with its period, repeats dropped; a
        trailing initial or degree ("… Sitompul M. Sc", "… Narwastu M.") is not part of it."""
        out: list[str] = []
        for k in positions:
            if self.toks[k] == ".":
                continue
            word = self.toks[k].strip("'’") + ("." if len(self.toks[k]) == 1 else "")
            if not out or out[-1] != word:
                out.append(word)
        while len(out) > 1 and (out[-1].endswith(".") or (len(out[-1]) <= 2 and out[-2].endswith("."))):
            out.pop()
        return tuple(out)
