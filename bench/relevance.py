"""Relevance benchmark: topic decisions on real articles and on our fixture set, and throughput.

Real articles: the labelled part of ../shared/corpus (bench/_corpus.py), development and held-out
split side by side; a topic counts as decided when the article is ABOUT it (tier "utama"), which
is what the labels mean ("a one-line 'since the pandemic' is not covid"); the "any tier" line
shows the same with mentions counted. litbang false alarms are also counted over the whole pool
of real texts (it holds no litbang story). Fixture set: tests/data/relevance_eval.jsonl (our own
headlines and leads, hard negatives marked).

Run: .venv/bin/python bench/relevance.py [-v]   (-v lists development errors only)
"""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import SPLITS, extra_labelled_articles, labelled_articles, pool_texts  # noqa: E402

from clipper.classify.classifier import Classifier  # noqa: E402
from clipper.classify.rules import default_topics  # noqa: E402

logger = logging.getLogger(__name__)

EVAL_PATH = Path(__file__).resolve().parent.parent / "tests" / "data" / "relevance_eval.jsonl"
# Throughput is measured on the eval set repeated, and on synthetic ~500-word articles
# (36 eval leads joined), closer to the length of a real news article.
THROUGHPUT_ROUNDS = 10
LONG_ARTICLE_LEADS = 36


def load_eval(path: Path = EVAL_PATH) -> list[dict]:
    """Read the evaluation items (id, title, text, topics, hard_negative, trap)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(classifier: Classifier, items: list[dict]) -> dict:
    """Score ``items``; return per-topic counts and metrics, errors and hard-negative hits.

    Returns:
        ``{"topics": {id: {"tp", "fp", "fn", "precision", "recall", "f1"}},
        "errors": [(kind, topic, item)], "hard_negative_hits": [(topic, item)],
        "hard_negatives": n}``.
    """
    ids = [topic.id for topic in classifier.topics]
    counts = {topic: {"tp": 0, "fp": 0, "fn": 0} for topic in ids}
    errors, hard_hits = [], []
    for item in items:
        predicted = set(classifier.classify_topics(item["title"], item["text"]).topics)
        gold = set(item["topics"])
        for topic in ids:
            if topic in predicted and topic in gold:
                counts[topic]["tp"] += 1
            elif topic in predicted:
                counts[topic]["fp"] += 1
                errors.append(("FP", topic, item))
            elif topic in gold:
                counts[topic]["fn"] += 1
                errors.append(("FN", topic, item))
        if item.get("hard_negative") and item["hard_negative"] in predicted:
            hard_hits.append((item["hard_negative"], item))
    for c in counts.values():
        c["precision"] = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        c["recall"] = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        total = c["precision"] + c["recall"]
        c["f1"] = 2 * c["precision"] * c["recall"] / total if total else 0.0
    hard_total = sum(1 for item in items if item.get("hard_negative"))
    return {"topics": counts, "errors": errors, "hard_negative_hits": hard_hits, "hard_negatives": hard_total}


def throughput(classifier: Classifier, pairs: list[tuple[str, str]], full: bool) -> float:
    """Articles per second for ``pairs`` of (title, text), on this one thread."""
    classify = classifier.classify if full else classifier.classify_topics
    for title, text in pairs[:20]:  # warm the stem cache as a running harvest would
        classify(title, text)
    start = time.perf_counter()
    for _ in range(THROUGHPUT_ROUNDS):
        for title, text in pairs:
            classify(title, text)
    return THROUGHPUT_ROUNDS * len(pairs) / (time.perf_counter() - start)


TOPICS = ("kemenag", "litbang", "covid")
DEV_EXTRA = "dev+x"  # the development split plus the extra development labels


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def corpus_counts(classifier: Classifier, items: list) -> tuple[dict, list]:
    """Per topic and tier ("utama", "any"): tp, fp, fn over labelled articles."""
    counts = {(topic, tier): {"tp": 0, "fp": 0, "fn": 0} for topic in TOPICS for tier in ("utama", "any")}
    errors = []
    for item in items:
        result = classifier.classify_topics(item.title, item.text, _day(item.date))
        for tier, found in (("utama", set(result.about)), ("any", set(result.topics))):
            for topic in TOPICS:
                key = "tp" if topic in found and topic in item.labels else "fp" if topic in found else \
                    "fn" if topic in item.labels else None
                if key:
                    counts[(topic, tier)][key] += 1
                    if key != "tp" and tier == "utama":
                        errors.append((key.upper(), topic, item))
    return {"items": len(items), "counts": counts}, errors


def _metrics(c: dict) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_corpus(classifier: Classifier, verbose: bool) -> None:
    extra, skipped = extra_labelled_articles()
    sets = {split: labelled_articles(split) for split in SPLITS}
    sets[DEV_EXTRA] = sets["dev"] + extra
    results = {name: corpus_counts(classifier, items) for name, items in sets.items()}
    print("real articles (../shared/corpus/labelled.jsonl; dev+x adds bench/labels_extra.jsonl, development "
          "only), decided = the article is about the topic:")
    print(f"{'topic':<9}{'tier':<7}" + "".join(f"{name + ' ' + h:>11}" for name in sets
                                            for h in ("gold", "tp", "fp", "fn", "P", "R", "F1")))
    for topic in TOPICS:
        for tier in ("utama", "any"):
            cells = []
            for split in sets:
                c = results[split][0]["counts"][(topic, tier)]
                p, r, f1 = _metrics(c)
                cells += [f"{c['tp'] + c['fn']:>11}", f"{c['tp']:>11}", f"{c['fp']:>11}", f"{c['fn']:>11}",
                          f"{p:>11.3f}", f"{r:>11.3f}", f"{f1:>11.3f}"]
            print(f"{topic:<9}{tier:<7}" + "".join(cells))
    print("  items: " + ", ".join(f"{name} {results[name][0]['items']}" for name in sets)
          + (f" ({skipped} extra labels skipped: their texts are missing)" if skipped else ""))
    pool = pool_texts()
    alarms = [row for row in pool if "litbang" in classifier.classify_topics(row[1], row[2], _day(row[3])).about]
    print(f"litbang false alarms over the whole pool of {len(pool)} real texts (none is a litbang story): "
          f"{len(alarms)} ({300 * len(alarms) / len(pool):.2f} per 300 articles)")
    for row in alarms[:10]:
        print(f"  ALARM {row[0]} {row[1][:90]}")
    if verbose:  # development errors only: held-out items are never listed
        for split in ("dev", DEV_EXTRA):
            for kind, topic, item in results[split][1]:
                print(f"  {split} {kind} {topic:<8} {item.id} {item.kind:<24} {item.title[:80]}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    classifier = Classifier(default_topics())
    print_corpus(classifier, verbose)
    print()
    items = load_eval(EVAL_PATH)
    result = evaluate(classifier, items)
    print(f"our fixture set ({EVAL_PATH.name}): {len(items)} items, {result['hard_negatives']} hard negatives")
    print(f"{'topic':<10}{'gold':>6}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for topic, c in result["topics"].items():
        gold = c["tp"] + c["fn"]
        print(f"{topic:<10}{gold:>6}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}"
              f"{c['precision']:>8.3f}{c['recall']:>8.3f}{c['f1']:>8.3f}")
    traps: dict[str, int] = {}
    for item in items:
        if item.get("trap"):
            traps[item["trap"]] = traps.get(item["trap"], 0) + 1
    hits = {item["id"] for _, item in result["hard_negative_hits"]}
    print(f"hard negatives classified relevant: {len(hits)} of {result['hard_negatives']} "
          f"({', '.join(f'{k}={v}' for k, v in sorted(traps.items()))})")
    for topic, item in result["hard_negative_hits"]:
        print(f"  HARD {topic} {item['id']} {item['title']}")
    if verbose or len(result["errors"]) <= 20:
        for kind, topic, item in result["errors"]:
            print(f"  {kind} {topic:<8} {item['id']} {item['title']}")
    short = [(item["title"], item["text"]) for item in items]
    long = [(items[i]["title"], " ".join(items[(i + k) % len(items)]["text"] for k in range(LONG_ARTICLE_LEADS)))
            for i in range(len(items))]
    words = sum(len(text.split()) for _, text in long) / len(long)
    print(f"throughput, headline + lead:     topics {throughput(classifier, short, False):8.0f}/s   "
          f"with tone+narasumber {throughput(classifier, short, True):8.0f}/s")
    print(f"throughput, ~{words:.0f}-word articles: topics {throughput(classifier, long, False):8.0f}/s   "
          f"with tone+narasumber {throughput(classifier, long, True):8.0f}/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
