"""Extraction benchmark: body text of real Indonesian article pages against hand-checked gold.

Reads the saved pages of ../shared/corpus/pages (bench/_corpus.py: the fixed development and
held-out split) and of ../shared/corpus/extra/pages when present (always development), and
scores, in one run, Clipper's extraction (clipper.extract.reader.extract, the harvest's path,
per-media hints of the bundled sources.yaml included), trafilatura's
default and trafilatura with favor_precision. Token F1: the bag of lower-cased words of the
extracted text against the gold's (precision: how much of the output is body; recall: how much
of the body came out), per page, then averaged over the pages of a split (macro).

The "dev" columns cover every development page (extra pages included), "dev shipped" only the
shipped corpus's development pages (comparable with figures from before the extra pages).

Run: .venv/bin/python bench/extraction.py [-v] [--dev]   (-v: per-page figures, development pages only;
     --dev: development pages only, for work in progress: the held-out pages are not read)
"""

from __future__ import annotations

import logging
import re
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import trafilatura  # noqa: E402
from _corpus import GoldPage, gold_pages  # noqa: E402

from clipper.extract.hints import hints_by_site, hints_for_url  # noqa: E402
from clipper.extract.reader import extract  # noqa: E402
from clipper.models import FetchedPage  # noqa: E402
from clipper.paths import bundled_config  # noqa: E402
from clipper.workspace.configuration import load_config  # noqa: E402

logger = logging.getLogger(__name__)

# Timed passes over the pages per system; the figure is the best pass's CPU per page.
PASSES = 3
_WORD = re.compile(r"\w+")


def token_scores(gold: str, got: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the words of ``got`` against ``gold`` (multisets, case-folded)."""
    want = Counter(w.casefold() for w in _WORD.findall(gold))
    have = Counter(w.casefold() for w in _WORD.findall(got or ""))
    both = sum((want & have).values())
    precision = both / sum(have.values()) if have else 0.0
    recall = both / sum(want.values()) if want else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def clipper_text(page: GoldPage, by_site: dict) -> str:
    fetched = FetchedPage(page.url, page.url, 200, {}, page.html, datetime.now(UTC))
    article = extract(fetched, follow_single=False, hints=hints_for_url(page.url, by_site))
    return article.text


def trafilatura_text(page: GoldPage, precise: bool) -> str:
    return trafilatura.extract(page.html.decode("utf-8", "replace"), url=page.url, include_comments=False,
                               favor_precision=precise) or ""


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    dev_only = "--dev" in argv  # while developing: development pages only, held-out pages not even read
    hints = hints_by_site(load_config(bundled_config()).sources)  # the media hints we ship
    systems = {
        "clipper": lambda page: clipper_text(page, hints),
        **({"clipper without hints": lambda page: clipper_text(page, {})} if hints else {}),
        "trafilatura": lambda page: trafilatura_text(page, False),
        "trafilatura precision": lambda page: trafilatura_text(page, True),
    }
    pages = gold_pages("dev" if dev_only else None)
    scores: dict[str, dict[str, tuple]] = {name: {} for name in systems}
    seconds = dict.fromkeys(systems, float("inf"))
    for name, run in systems.items():
        run(pages[0])  # lazy imports and caches are not a page's cost
        for _ in range(PASSES):  # CPU of the best pass: the least disturbed by other work
            started = time.process_time()
            texts = [run(page) for page in pages]
            seconds[name] = min(seconds[name], time.process_time() - started)
        scores[name] = {page.id: token_scores(page.gold, text) for page, text in zip(pages, texts)}
    groups = {"dev": [p for p in pages if p.split == "dev"],
              "dev shipped": [p for p in pages if p.split == "dev" and not p.extra],
              **({} if dev_only else {"held": [p for p in pages if p.split == "held"]})}
    print("article body text on real pages (../shared/corpus/pages, extra/pages), token precision / recall / F1, "
          "macro over pages:")
    print(f"{'system':<24}" + "".join(f"{group + ' ' + m:>{16 if group == 'dev shipped' else 10}}"
                                      for group in groups for m in ("P", "R", "F1")) + f"{'CPU ms/page':>13}")
    for name in systems:
        cells = []
        for group, chosen_pages in groups.items():
            chosen = [scores[name][p.id] for p in chosen_pages]
            width = 16 if group == "dev shipped" else 10
            cells += [f"{sum(s[k] for s in chosen) / len(chosen) if chosen else 0.0:>{width}.3f}" for k in range(3)]
        print(f"{name:<24}" + "".join(cells) + f"{1000 * seconds[name] / len(pages):>13.1f}")
    extra = sum(p.extra for p in pages)
    print(f"  pages: dev {len(groups['dev'])} ({len(groups['dev shipped'])} shipped + {extra} extra pages read "
          f"from extra/pages), held {len(groups.get('held', ())) if not dev_only else 'not read (--dev)'}")
    print("  media hints in the bundled sources.yaml: " + (", ".join(sorted(hints)) or "none"))
    if verbose:
        print(f"\n{'page':<26}{'split':<6}" + "".join(f"{name[:20]:>22}" for name in systems))
        for page in groups["dev"]:
            cells = "".join(f"{'%.2f/%.2f/%.2f' % scores[name][page.id]:>22}" for name in systems)
            print(f"{page.id:<26}{page.split:<6}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
