"""Migration bench: `clipper db migrate` of a 100,000-article SQLite archive into PostgreSQL, and back.

Run: .venv/bin/python bench/migrate.py --to postgresql://USER@HOST:PORT/DB [--size 100000] [--back]

The SQLite archive is bench/search.py's synthetic one (110-word articles, their stems, a
final edition per day) plus an evidence page per article (~20 KB of HTML, zlib-compressed as
the harvest keeps it), built once and cached. The target database must be empty (its schema
is created by the copy); the copy runs twice, the second adding nothing (idempotent), and
with --back the PostgreSQL archive is copied into a new SQLite file as well.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.search import build  # noqa: E402
from clipper.store.archive import Archive  # noqa: E402
from clipper.store.transfer import copy_archive  # noqa: E402

CHROME = "".join(f'<li><a href="/kanal/{n}">Kanal {n}</a></li>' for n in range(250))  # menus, footer
BATCH = 5000


def _page(text: str, rng: random.Random) -> bytes:
    related = "".join(f'<a href="/berita/{rng.randrange(10**7)}">Baca juga berita {rng.randrange(10**5)}</a>'
                      for _ in range(30))
    return (f"<html><head><title>x</title></head><body><nav><ul>{CHROME}</ul></nav><article><p>{text}</p>"
            f"</article><aside>{related}</aside><footer><ul>{CHROME}</ul></footer></body></html>").encode()


def build_with_evidence(path: Path, size: int) -> None:
    """bench/search.py's archive of ``size`` articles, plus an evidence page for each."""
    build(path, size)
    started, rng = time.perf_counter(), random.Random(3)
    with Archive(path) as archive:
        batch = []
        for n, (article_id, text) in enumerate(archive.execute("select id, text from articles"), 1):
            batch.append((article_id, "0" * 64, "2026-01-01T00:00:00+00:00", zlib.compress(_page(text, rng), 6)))
            if len(batch) >= BATCH:
                with archive.write():
                    archive.executemany("insert into evidence (article_id, sha256, fetched_at, html) "
                                        "values (?, ?, ?, ?)", batch)
                batch = []
        if batch:
            with archive.write():
                archive.executemany("insert into evidence (article_id, sha256, fetched_at, html) values (?, ?, ?, ?)",
                                    batch)
    print(f"  evidence pages ({time.perf_counter() - started:.0f} s)")


def timed_copy(source: str, target: str) -> tuple[float, list]:
    started = time.perf_counter()
    with Archive(source) as a, Archive(target) as b:
        counts = copy_archive(a, b, report=print)
    elapsed = time.perf_counter() - started
    print(f"  {source} → {target}: {elapsed:.1f} s")
    for c in counts:
        print(f"    {c.table:<12} source {c.source:>9,} target {c.target:>9,} added {c.added:>9,} missing {c.missing}")
    return elapsed, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", required=True, help="an empty PostgreSQL database (postgresql://…)")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--sqlite", type=Path, help="the SQLite archive (default /tmp/clipper-bench-migrate-N.db)")
    parser.add_argument("--back", action="store_true", help="also copy the PostgreSQL archive into a new SQLite file")
    args = parser.parse_args(argv)
    path = args.sqlite or Path(f"/tmp/clipper-bench-migrate-{args.size}.db")
    if not path.exists():
        print(f"Building {args.size:,} articles with evidence at {path} …", flush=True)
        build_with_evidence(path, args.size)
    print(f"SQLite archive {path}: {path.stat().st_size / 2**20:.0f} MB; load average {os.getloadavg()[0]:.2f}")
    first, counts = timed_copy(str(path), args.to)
    again, again_counts = timed_copy(str(path), args.to)
    added = sum(c.added for c in again_counts)
    missing = sum(c.missing for c in counts + again_counts)
    print(f"SQLite → PostgreSQL: {first:.1f} s (target: ≤ 120 s: {'met' if first <= 120 else 'MISSED'}); "
          f"again: {again:.1f} s, {added} rows added (expected 0); rows missing in either copy: {missing}")
    if args.back:
        back = path.with_name(path.stem + "-back.db")
        for leftover in (back, Path(f"{back}-wal"), Path(f"{back}-shm")):
            leftover.unlink(missing_ok=True)
        seconds, back_counts = timed_copy(args.to, str(back))
        missing += sum(c.missing for c in back_counts)
        print(f"PostgreSQL → SQLite: {seconds:.1f} s, rows missing: {sum(c.missing for c in back_counts)}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    return 0 if added == 0 and missing == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
