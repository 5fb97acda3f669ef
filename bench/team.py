"""Team bench: N simulated editors deciding on one review queue at once, against one archive.

Run: .venv/bin/python bench/team.py --db postgresql://USER@HOST:PORT/DB [--editors 10] [--seconds 60]

Each editor is its own process with its own connection, as each editor's computer is. In a
loop it reads one article of the shared queue as the app does (queue_items_by_id: the row with
its version), thinks for 0-50 ms, then decides on it (approve or reject, plus a tag of its own)
carrying the version it saw (update_articles(expected=…)). A decision on an article another
editor changed in between is refused (ConflictError) and counted as reported to that editor.

At the end every successful decision is checked against the archive: its tag is on the article,
and each article's version is 1 + the decisions that succeeded on it (a lost update would
leave a tag missing or a version short). Prints the decision latency (median, p95, max), the
decisions and conflicts per editor, lost updates, and the load average seen.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clipper.errors import ConflictError  # noqa: E402
from clipper.review.decisions import update_articles  # noqa: E402
from clipper.store.archive import Archive  # noqa: E402
from clipper.store.articles import insert_article  # noqa: E402
from clipper.store.queue import queue_items_by_id  # noqa: E402
from clipper.store.records import ClassificationColumns, NewArticle  # noqa: E402

DAY = "2026-12-01"
THINK_SECONDS = (0.0, 0.05)  # between reading an article and deciding on it
PARAGRAPH = ("Kementerian Agama melalui Balai Litbang Agama meneliti layanan madrasah dan pesantren di "
             "daerah tertinggal. Para peneliti mewawancarai guru, santri dan orang tua. ")


def prepare(locator: str, articles: int) -> list[int]:
    """The shared queue: ``articles`` new articles of DAY (created once, reused)."""
    with Archive(locator) as archive:
        ids = [r["id"] for r in archive.query("select id from articles where url_key like 'bench-team/%' order by id")]
        for n in range(len(ids), articles):
            new = NewArticle(url=f"https://bench-team.example.id/{n}", url_key=f"bench-team/{n}", media="Warta Tim",
                             title=f"Berita tim nomor {n} tentang madrasah", text=PARAGRAPH * 12, day=DAY,
                             classification=ClassificationColumns(status="new", topics='["litbang"]'),
                             published_utc=f"{DAY}T01:00:00+00:00")
            ids.append(insert_article(archive, new))
        return ids[:articles]


def editor(number: int, locator: str, ids: list[int], seconds: float, start, results) -> None:
    """One editor's loop; sends back [(article id, tag, ok, seconds)]."""
    rng = random.Random(number)
    done = []
    with Archive(locator) as archive:
        start.wait()
        deadline = time.monotonic() + seconds
        n = 0
        while time.monotonic() < deadline:
            article_id = rng.choice(ids)
            seen = queue_items_by_id(archive, [article_id])
            item = next(i for i in seen if i.id == article_id)
            time.sleep(rng.uniform(*THINK_SECONDS))
            n += 1
            tag = f"e{number}-{n}"
            began = time.perf_counter()
            try:
                update_articles(archive, [article_id], decision=rng.choice(("approve", "reject")), add_tags=[tag],
                                editor=f"Editor {number}", expected={article_id: item.version})
                ok = True
            except ConflictError:
                ok = False
            done.append((article_id, tag, ok, time.perf_counter() - began))
    results.put((number, done))


def verify(locator: str, decisions: list[tuple[int, str, bool, float]], ids: list[int]) -> int:
    """Lost updates: successful decisions whose tag is missing, plus versions short of their count."""
    succeeded: dict[int, list[str]] = {}
    for article_id, tag, ok, _ in decisions:
        if ok:
            succeeded.setdefault(article_id, []).append(tag)
    lost = 0
    with Archive(locator) as archive:
        for article_id in ids:
            row = archive.query("select tags, version from articles where id = ?", [article_id])[0]
            tags = set(json.loads(row["tags"]))
            mine = succeeded.get(article_id, [])
            lost += sum(1 for t in mine if t not in tags)
            lost += abs(1 + len(mine) - row["version"])  # every stored decision counted once
    return lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the archive (postgresql://… or a SQLite path)")
    parser.add_argument("--editors", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--articles", type=int, default=200, help="articles in the shared queue")
    args = parser.parse_args(argv)
    ids = prepare(args.db, args.articles)
    with Archive(args.db) as archive:  # a fresh start for the check: versions and tags as created
        marks = ",".join("?" * len(ids))
        with archive.write():
            archive.execute(f"update articles set tags = '[]', version = 1, status = 'new' where id in ({marks})", ids)
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Barrier(args.editors + 1), ctx.Queue()
    procs = [ctx.Process(target=editor, args=(n, args.db, ids, args.seconds, start, results))
             for n in range(1, args.editors + 1)]
    for proc in procs:
        proc.start()
    start.wait()
    loads = []
    began = time.monotonic()
    while time.monotonic() - began < args.seconds:
        time.sleep(min(5.0, args.seconds))
        loads.append(os.getloadavg()[0])
    per_editor = dict(results.get(timeout=args.seconds + 120) for _ in procs)
    for proc in procs:
        proc.join()
    decisions = [d for n in sorted(per_editor) for d in per_editor[n]]
    times = sorted(d[3] * 1000 for d in decisions)
    ok = sum(1 for d in decisions if d[2])
    conflicts = len(decisions) - ok
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    lost = verify(args.db, decisions, ids)
    print(f"{args.editors} editors, {args.seconds:.0f} s, one queue of {len(ids)} articles, archive {args.db}")
    print(f"decisions: {len(decisions):,} ({len(decisions) / args.seconds:.0f}/s); stored {ok:,}; "
          f"refused as conflicts (each reported to its editor): {conflicts:,}")
    print(f"decision latency ms: median {statistics.median(times):.1f}, p95 {p95:.1f}, max {times[-1]:.1f}")
    for n in sorted(per_editor):
        mine = per_editor[n]
        print(f"  editor {n:2}: {len(mine):5} decisions, {sum(1 for d in mine if not d[2]):4} conflicts")
    print(f"lost updates: {lost}")
    print(f"load average (1 min) while running: {min(loads):.2f}-{max(loads):.2f}")
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
