"""Narasumber benchmark: the people quoted in 100 real articles, against hand annotations.

The articles are pool texts of ../shared/corpus; bench/narasumber_gold.jsonl holds, for each, the
people quoted or whose statement is reported (name and role as the article gives them, other
spellings the article uses as ``aka``) and the places/institutions an extractor took for people
(``not_people``, a diagnostic). Only names and short roles are kept, never article text.

How the 100 were chosen (pick): every kemenag-labelled item of labelled.jsonl (18), then, each
list in the order of sha256("narasumber-pick-v1:" + pool id) and skipping texts over 900 words:
14 covid-labelled items; 26 government/religion texts (two or more of menteri, kementerian,
kemenag, gubernur, bupati, masjid, ulama, MUI, pesantren, madrasah, agama, DPR, presiden, and an
attribution verb; at most 8 per media); 28 quote-heavy texts (five or more attribution verbs;
at most 7 per media); 8 texts with no attribution verb and no quotation mark; 6 TurnBackHoax
fact-checks. The development/held-out split is the corpus rule on the pool id
(bench/_corpus.py), fixed before any tuning; the rules were tuned on dev only. After a first
round of tuning, 30 more development articles were annotated to widen what the rules are tuned
on ("extra": sha256("narasumber-pick-extra-v1:" + pool id) order, on the development side of the
split only, three or more attribution verbs, at most 700 words and 6 per media; no fact-checks);
the held-out articles stayed the same 32. Unlabelled pool texts were also read for errors.

Matching (one-to-one within an article): names are compared after normalising: case and accents
folded, punctuation dropped (Ma'ruf = Maruf), honorifics and titles dropped (Dr, H, Hj, KH, Prof,
Ir, Pak, Bu, Kardinal …), anything after a comma dropped (degrees), single letters dropped
(initials). A predicted name matches a gold person when it equals the gold name or one of its aka,
or when its words are a part of them ("Nasaruddin" or "Umar" for "Nasaruddin Umar"). A predicted
name with words the gold name lacks ("Menag Nasaruddin Umar") does not match: a role or a place
inside the name is an error. Roles of matched people whose gold role is given: "given" when the
extractor gave one, "compatible" when, as word sets without di/dari/dan/yang/selaku/sebagai and with
a few abbreviated titles written out (Wapres = Wakil Presiden), the two overlap by at least half of
their union, or the smaller lies inside the larger and is two words or more or a single word that
is not a bare title ("Menpan RB" or "Menparekraf" in "Menteri … (Menparekraf)"; "Ketua" alone is not
"Ketua KPU"). Unmatched predictions are counted as places/institutions when they match a
``not_people`` entry the same way.

Run: .venv/bin/python bench/narasumber.py [-v] [--held-errors] [--dev-only]
  -v lists the development errors; --held-errors also the held-out ones (look only at the end);
  --dev-only prints the development rows alone (for tuning).
"""

from __future__ import annotations

import importlib.util
import logging
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import NarasumberItem, narasumber_items  # noqa: E402

from clipper.classify.narasumber import find_narasumber  # noqa: E402

logger = logging.getLogger(__name__)

# The extractor before issue 17 (the commit the work started from), run beside the current one.
BASELINE_COMMIT = "845768fafd70c69b814d7a55b60665910874a5a8"
TIMING_ROUNDS = 5
# The pick of the development articles annotated after the first round of tuning.
EXTRA = "extra-dev"

_HONORIFICS = frozenset("""
dr drs dra h hj kh prof ir ust ustaz ustadz ustazah pak bu bapak ibu kak mbak mas kardinal romo pastor
pdt kiai kyai habib gus syekh tuan nyonya mr mrs ms sir
""".split())
_ROLE_STOP = frozenset({"di", "dari", "dan", "yang", "selaku", "sebagai"})
# Titles too general to be a role alone ("Ketua" is not "Ketua KPU").
_GENERIC = frozenset({"ketua", "kepala", "direktur", "menteri", "anggota", "wakil", "presiden", "gubernur"})
# Abbreviated titles written out for comparing roles ("Wapres" = "Wakil Presiden").
_ROLE_SHORT = {"wapres": "wakil presiden", "menag": "menteri agama", "menkes": "menteri kesehatan",
               "menkeu": "menteri keuangan", "wagub": "wakil gubernur", "wabup": "wakil bupati",
               "jubir": "juru bicara", "dirjen": "direktur jenderal", "sekjen": "sekretaris jenderal",
               "kakanwil": "kepala kanwil", "walkot": "wali kota", "ketum": "ketua umum", "dirut": "direktur utama",
               "kanwil": "kantor wilayah", "hukumnya": "hukum"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def _words(text: str) -> list[str]:
    text = _fold(text).replace("'", "").replace("’", "")
    return "".join(c if c.isalnum() else " " for c in text).split()


def name_key(name: str) -> tuple[str, ...]:
    """The words a name is compared by (see the module docstring)."""
    return tuple(w for w in _words(name.split(",")[0]) if w not in _HONORIFICS and len(w) > 1)


def name_matches(predicted: str, variants: list[str]) -> bool:
    """True when ``predicted`` is one of ``variants`` or a part of one, after normalising."""
    words = set(name_key(predicted))
    return bool(words) and any(words <= set(name_key(v)) for v in variants)


def role_compatible(predicted: str | None, gold: str) -> bool:
    """True when the two roles name the same office (see the module docstring)."""
    if not predicted:
        return False
    a = {x for w in _words(predicted) if w not in _ROLE_STOP for x in _ROLE_SHORT.get(w, w).split()}
    b = {x for w in _words(gold) if w not in _ROLE_STOP for x in _ROLE_SHORT.get(w, w).split()}
    if not a or not b:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(a & b) / len(a | b) >= 0.5 or (small <= large and (len(small) >= 2 or not small & _GENERIC))


def score_item(item: NarasumberItem, found) -> dict:
    """Match one article's predictions to its gold people; counts and the errors."""
    left = list(found)
    matched = []
    for exact in (True, False):  # exact names first, so a short form does not take a full one's place
        for person in item.people:
            if any(person is g for g, _ in matched):
                continue
            variants = [person.name, *person.aka]
            for pred in left:
                ok = (name_key(pred.name) in {name_key(v) for v in variants}) if exact else \
                    name_matches(pred.name, variants)
                if ok:
                    matched.append((person, pred))
                    left.remove(pred)
                    break
    missed = [p for p in item.people if not any(p is g for g, _ in matched)]
    places = [p for p in left if name_matches(p.name, list(item.not_people))
              or any(name_matches(n, [p.name]) for n in item.not_people)]
    roled = [(g, p) for g, p in matched if g.role]
    return {"tp": len(matched), "fp": len(left), "fn": len(missed), "places": len(places),
            "roled": len(roled), "role_given": sum(1 for _, p in roled if p.role),
            "role_ok": sum(1 for g, p in roled if role_compatible(p.role, g.role)),
            "missed": missed, "wrong": left, "place_names": places,
            "bad_roles": [(g, p) for g, p in roled if not role_compatible(p.role, g.role)]}


def evaluate(find, items: list[NarasumberItem]) -> tuple[dict, list]:
    """Sum the counts of ``find`` over ``items``; also return (item, result) per article."""
    total = {k: 0 for k in ("tp", "fp", "fn", "places", "roled", "role_given", "role_ok")}
    per_item = []
    for item in items:
        result = score_item(item, find(item.text))
        for key in total:
            total[key] += result[key]
        per_item.append((item, result))
    return total, per_item


def ms_per_500_words(find, items: list[NarasumberItem]) -> float:
    """Milliseconds ``find`` takes for 500 words of these real texts, on this one thread."""
    words = sum(len(item.text.split()) for item in items)
    for item in items[:10]:
        find(item.text)
    start = time.perf_counter()
    for _ in range(TIMING_ROUNDS):
        for item in items:
            find(item.text)
    return 1000 * (time.perf_counter() - start) / TIMING_ROUNDS / words * 500


def load_baseline():
    """find_narasumber as it was at BASELINE_COMMIT, or None when git cannot show it."""
    root = Path(__file__).resolve().parent.parent
    try:
        source = subprocess.run(["git", "show", f"{BASELINE_COMMIT}:clipper/classify/narasumber.py"], cwd=root,
                                capture_output=True, check=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp()) / "narasumber_baseline.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("narasumber_baseline", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.find_narasumber


def _groups(items: list[NarasumberItem]) -> dict[str, list[NarasumberItem]]:
    """The 100 chosen articles by split ("dev", "held"), and the 30 development articles
    annotated later ("extra", all on the development side of the split)."""
    return {"dev": [i for i in items if i.split == "dev" and i.pick != EXTRA],
            "held": [i for i in items if i.split == "held"],
            "extra": [i for i in items if i.pick == EXTRA]}


def _row(label: str, split: str, n: int, c: dict, ms: float) -> str:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    role = c["role_ok"] / c["roled"] if c["roled"] else 1.0
    given = c["role_given"] / c["roled"] if c["roled"] else 1.0
    return (f"{label:<9}{split:<6}{n:>5}{c['tp'] + c['fn']:>6}{c['tp'] + c['fp']:>6}{c['tp']:>5}{c['fp']:>5}"
            f"{c['fn']:>5}{p:>8.3f}{r:>8.3f}{f1:>8.3f}{given:>8.3f}{role:>8.3f}{c['places']:>8}{ms:>9.2f}")


def _print_errors(split: str, per_item: list) -> None:
    for item, res in per_item:
        for g in res["missed"]:
            print(f"  {split} FN {item.id} {g.name} ({g.role})")
        for p in res["wrong"]:
            kind = "FP-place" if p in res["place_names"] else "FP"
            print(f"  {split} {kind} {item.id} {p.name} ({p.role})")
        for g, p in res["bad_roles"]:
            print(f"  {split} ROLE {item.id} {g.name}: gold {g.role!r} got {p.role!r}")


def main(argv: list[str]) -> int:
    verbose, held_errors = "-v" in argv or "--held-errors" in argv, "--held-errors" in argv
    groups = _groups(narasumber_items())
    shown = ("dev", "extra") if "--dev-only" in argv else tuple(groups)
    extractors = [("now", find_narasumber)]
    baseline = load_baseline()
    if baseline is not None:
        extractors.insert(0, ("before", baseline))
    print("narasumber on real articles (bench/narasumber_gold.jsonl over ../shared/corpus):")
    print(f"{'version':<9}{'split':<6}{'items':>5}{'gold':>6}{'pred':>6}{'tp':>5}{'fp':>5}{'fn':>5}"
          f"{'P':>8}{'R':>8}{'F1':>8}{'role+':>8}{'role=':>8}{'place':>8}{'ms/500w':>9}")
    errors = {}
    for label, find in extractors:
        for group in shown:
            total, errors[group] = evaluate(find, groups[group])
            print(_row(label, group, len(groups[group]), total, ms_per_500_words(find, groups[group])))
    print("  role+ = matched people with a gold role that got a role; role= = of those, a compatible one;")
    print("  place = unmatched predictions that are places or institutions (annotated); ms/500w = time per 500 words")
    for group in shown if held_errors else ("dev", "extra") if verbose else ():
        _print_errors(group, errors[group])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
