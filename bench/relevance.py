"""Relevance benchmark: per-topic precision/recall/F1, hard negatives, and throughput.

Run: .venv/bin/python bench/relevance.py [tests/data/relevance_eval.jsonl] [-v]
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [arg for arg in argv if arg != "-v"]
    items = load_eval(Path(paths[0]) if paths else EVAL_PATH)
    classifier = Classifier(default_topics())
    result = evaluate(classifier, items)
    print(f"evaluation set: {len(items)} items, {result['hard_negatives']} hard negatives")
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
