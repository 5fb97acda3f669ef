"""Archive search benchmark: a synthetic archive of N articles, median and p95 per query kind.

Run: .venv/bin/python bench/search.py [--size 1000000] [--db /tmp/clipper-bench-1m.db] [--rebuild]
     .venv/bin/python bench/search.py --db postgresql://USER@HOST:PORT/DB [--sqlite /tmp/clipper-bench-1m.db]

The archive is built once through the real schema (migrations, the search view and index)
and cached at --db; later runs reuse it. Each query kind runs --runs times with different
words and date ranges; "ours" is clipper.search.engine.search() (default filters: approved and
published, relevance order, first page of 20 with snippets); "raw" is plain FTS5 on the same
index: the typed words against title and text, bm25 order, the same date range, LIMIT 20.

With a PostgreSQL --db the same articles are loaded there (COPY; bench/pg_load.py) and both
backends run the same query mix, printed side by side (the SQLite archive from --sqlite, built
when missing).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clipper.models import dumps  # noqa: E402
from clipper.search.engine import COUNT_LIMIT, SearchFilters, search  # noqa: E402
from clipper.store import search_index as schema_search  # noqa: E402
from clipper.store.archive import Archive  # noqa: E402
from clipper.textnorm import stems_of  # noqa: E402
from clipper.textnorm import word_key  # noqa: E402

logger = logging.getLogger(__name__)

FIRST_DAY = date(2021, 1, 1)
DAYS = 5 * 365
WORDS_PER_ARTICLE = 110
BATCH = 20_000

STOP = ("yang dan di ke dari ini itu untuk dengan pada dalam tidak akan adalah juga atau oleh "
        "karena sebagai bahwa ada para telah sudah bisa dapat lebih saat agar serta namun").split()
DOMAIN = """penelitian meneliti peneliti diteliti kementerian agama keagamaan beragama madrasah
pesantren santri haji umrah jemaah moderasi kerukunan umat penyuluh pendidikan mendidik pendidik
didikan vaksinasi vaksin covid pandemi kesehatan protokol bantuan menyalurkan penyaluran sertifikasi
halal produk pernikahan nikah zakat wakaf infak masjid musala ibadah ramadan idulfitri kurban
balai litbang diklat pelatihan dilatih pelatih guru siswa mahasiswa kampus universitas literasi
naskah mushaf pentashihan kajian mengkaji pengkajian seminar lokakarya kebijakan membijaki anggaran
pemerintah daerah provinsi kabupaten kota menteri sekretaris jenderal direktur rektor kepala kantor
pelayanan melayani layanan digital aplikasi inovasi berinovasi teknologi data survei responden
toleransi keberagaman budaya tradisi lektur khazanah manajemen organisasi akreditasi jurnal
publikasi diterbitkan menerbitkan penerbitan buku perpustakaan arsip kliping berita media""".split()
MEDIA = [f"{name} {kind}" for name in ("Warta", "Kabar", "Suara", "Harian", "Berita", "Media", "Portal",
                                        "Koran", "Tribun", "Pos")
         for kind in ("Nusantara", "Umat", "Madrasah", "Cakrawala", "Pagi", "Rakyat")]
TOPICS = ("kemenag", "litbang", "covid", "pendidikan", "haji")
TAGS = ("haji", "moderasi beragama", "madrasah", "covid-19", "halal", "zakat", "literasi")
STATUSES = (("irrelevant", 55), ("new", 15), ("rejected", 18), ("approved", 12))
TONES = ("positif", "netral", "negatif")
SYLLABLES = "ba be bi bo bu da de di du ga gi gu ka ke ki ko ku la li lu ma me mi mu na ni nu pa pe pi " \
            "pu ra ri ru sa se si su ta te ti tu wa ja jo ya ng".split()
AFFIXES = (("", ""), ("me", ""), ("ber", ""), ("di", "kan"), ("pe", "an"), ("", "an"), ("ke", "an"), ("", "nya"))


def _vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Stop words, domain words and 40,000 pseudo-words (some affixed), Zipf-weighted."""
    tail: list[str] = []
    seen = set(STOP) | set(DOMAIN)
    while len(tail) < 40_000:
        root = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4))))
        before, after = rng.choice(AFFIXES)
        word = before + root + after
        if word not in seen:
            seen.add(word)
            tail.append(word)
    words = STOP + DOMAIN + tail
    weights = [30.0 / (i + 1) for i in range(len(STOP))] + [0.02] * len(DOMAIN) \
        + [0.5 / (i + 20) for i in range(len(tail))]
    return words, weights


def _article_rows(size: int, seed: int = 7):
    rng = random.Random(seed)
    words, weights = _vocabulary(rng)
    keys = {w: word_key(w) for w in words}
    cum, total = [], 0.0
    for weight in weights:
        total += weight
        cum.append(total)
    status_pop = [s for s, n in STATUSES for _ in range(n)]
    per_day = size / DAYS
    for i in range(1, size + 1):
        day = (FIRST_DAY + timedelta(days=int((i - 1) / per_day))).isoformat()
        body = rng.choices(words, cum_weights=cum, k=WORDS_PER_ARTICLE)
        if rng.random() < 0.99:
            body[rng.randrange(len(body))] = "yang"
        title = rng.sample(DOMAIN, 2) + rng.choices(words[len(STOP):], cum_weights=None, k=5)
        status = rng.choice(status_pop)
        topics = rng.sample(TOPICS, rng.choice((0, 1, 1, 2))) if status != "irrelevant" else []
        tags = rng.sample(TAGS, rng.choice((0, 1, 2))) if status == "approved" else []
        text = " ".join(body).capitalize() + "."
        tag_stems = stems_of(" ".join(tags))
        stems = " ".join([keys[w] for w in title if keys[w] != w] + ([tag_stems] if tag_stems else [])
                         + [keys[w] for w in body if keys[w] != w])
        yield ({"id": i, "url": f"https://bench.id/{i}", "url_key": f"bench.id/{i}", "media": rng.choice(MEDIA),
                "source": "bench", "title": " ".join(title).capitalize(), "text": text, "day": day,
                "published_at": f"{day}T08:00:00+07:00", "published_utc": f"{day}T01:00:00+00:00",
                "status": status, "topics": dumps(topics), "primary_topic": topics[0] if topics else None,
                "tags": dumps(tags), "tone_suggested": rng.choice(TONES)}, stems)


def build(path: Path, size: int) -> None:
    """Create the synthetic archive at ``path`` through the real schema (triggers off while loading)."""
    started = time.perf_counter()
    tmp = path.with_suffix(".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    archive = Archive(tmp)
    db, conn = archive.db, archive.conn
    conn.execute("pragma cache_size=-262144")
    schema_search.drop_triggers(db)
    columns = None
    batch_a, batch_s = [], []
    for n, (row, stems) in enumerate(_article_rows(size), start=1):
        if n <= 50:  # the generator's shortcut must give what index_pending computes
            tags = " ".join(json.loads(row["tags"]))
            assert stems == stems_of(row["title"], None, tags, row["text"]), row["id"]
        columns = columns or list(row)
        batch_a.append(tuple(row[c] for c in columns))
        key = ((date.fromisoformat(row["day"]) - date(1970, 1, 1)).days << 32) | row["id"]
        batch_s.append((key, row["id"], stems))
        if len(batch_a) >= BATCH or n == size:
            conn.execute("begin")
            conn.executemany(f"insert into articles ({', '.join(columns)}) values "
                             f"({', '.join('?' * len(columns))})", batch_a)
            conn.executemany("insert into search_docs(key, article_id, stems, pending) values (?, ?, ?, 0)", batch_s)
            conn.execute("commit")
            batch_a, batch_s = [], []
            if n % 200_000 == 0 or n == size:
                print(f"  {n:,} articles ({time.perf_counter() - started:.0f} s)", flush=True)
    conn.execute("begin")
    _editions(conn)  # before the facets: an article in a final edition is "published"
    conn.execute(f"update search_docs set facets = (select {schema_search.FACETS_SQL} from articles a "
                 f"where a.id = search_docs.article_id)")
    conn.execute("commit")
    print(f"  facets and editions ({time.perf_counter() - started:.0f} s)", flush=True)
    conn.execute("begin")
    schema_search.rebuild_fts(db)
    conn.execute("insert into search_fts(search_fts) values('optimize')")
    schema_search.create_triggers(db)
    conn.execute("commit")
    print(f"  index built and optimised ({time.perf_counter() - started:.0f} s)", flush=True)
    archive.close()
    tmp.rename(path)
    print(f"Built {path} ({path.stat().st_size / 2**30:.2f} GiB) in {time.perf_counter() - started:.0f} s")


def _editions(conn) -> None:
    """One final edition per day listing 20 of its approved articles."""
    days = [r[0] for r in conn.execute("select distinct day from articles order by day")]
    for seq, day in enumerate(days, start=1):
        ids = [r[0] for r in conn.execute("select id from articles where day = ? and status = 'approved' "
                                          "order by id limit 20", [day])]
        content = dumps({"sections": [{"items": [{"article_id": i} for i in ids]}]})
        cur = conn.execute("insert into editions(day, kind, seq, year, number, status, content) "
                           "values (?, 'regular', ?, ?, ?, 'final', ?)",
                           [day, seq, int(day[:4]), f"{seq}/{day[:4]}", content])
        conn.executemany("insert into edition_articles(edition_id, article_id) values (?, ?)",
                         [(cur.lastrowid, i) for i in ids])


def _range(rng: random.Random, days: int) -> tuple[str, str]:
    start = FIRST_DAY + timedelta(days=rng.randrange(max(1, DAYS - days)))
    return start.isoformat(), (start + timedelta(days=days - 1)).isoformat()


def query_kinds(rng: random.Random, words: list[str]):
    """(kind, typed query, date range or None, extra filters) generators."""
    tail = [w for w in words if w not in STOP and w not in DOMAIN][2000:12000]
    return {
        "1 word (mid), 1 month": lambda: (rng.choice(DOMAIN), _range(rng, 30), {}),
        "1 word (mid), 1 year": lambda: (rng.choice(DOMAIN), _range(rng, 365), {}),
        "2 words, 1 year": lambda: (" ".join(rng.sample(DOMAIN, 2)), _range(rng, 365), {}),
        "1 word (rare), 1 year": lambda: (rng.choice(tail), _range(rng, 365), {}),
        "'yang' / 'dan', 1 month": lambda: (rng.choice(("yang", "dan")), _range(rng, 30), {}),
        "'yang' / 'dan', no dates": lambda: (rng.choice(("yang", "dan")), None, {}),
        "1 word (mid), no dates": lambda: (rng.choice(DOMAIN), None, {}),
        "stem variant 'meneliti'": lambda: (rng.choice(("meneliti", "pendidikan", "menerbitkan")), _range(rng, 365), {}),
        "phrase, 1 year": lambda: ('"kementerian agama"', _range(rng, 365), {}),
        "filters only (topic, year)": lambda: ("", _range(rng, 365), {"topics": (rng.choice(TOPICS),)}),
        "word + media + tone": lambda: (rng.choice(DOMAIN), _range(rng, 365),
                                        {"media": (rng.choice(MEDIA),), "tone": rng.choice(TONES)}),
    }


def _raw(conn, typed: str, dates) -> None:
    low, high = 0, 1 << 62
    if dates:
        low = (date.fromisoformat(dates[0]) - date(1970, 1, 1)).days << 32
        high = ((date.fromisoformat(dates[1]) - date(1970, 1, 1)).days << 32) | 0xFFFFFFFF
    match = "{title text} : (" + (typed if typed.startswith('"') else " ".join(f'"{w}"' for w in typed.split())) + ")"
    conn.execute("select rowid from search_fts where search_fts match ? and rowid between ? and ? "
                 "order by rank limit 20", [match, low, high]).fetchall()


def _stats(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return f"{statistics.median(times):8.1f} {p95:8.1f}"


def run_side_by_side(archives: dict[str, str], runs: int, seed: int = 11) -> None:
    """Time every query kind on each archive (same cases), print median and p95 side by side."""
    words, _ = _vocabulary(random.Random(7))
    opened = {name: Archive(locator) for name, locator in archives.items()}
    rng = random.Random(seed)
    kinds = {kind: [make() for _ in range(runs)] for kind, make in query_kinds(rng, words).items()}
    head = "".join(f"{name + ' med':>14} {'p95':>8}" for name in opened)
    print(f"{runs} queries per kind; times in ms (search() with snippets, first page of 20)")
    print(f"{'query kind':34}{head}   hits (median per backend)")
    totals: dict[str, list[float]] = {name: [] for name in opened}
    for kind, cases in kinds.items():
        line, hits_text = f"{kind:34}", []
        for name, archive in opened.items():
            typed, dates, extra = cases[0]
            search(archive, typed, SearchFilters(*(dates or (None, None)), **extra), limit=20)  # warm
            times, hits = [], []
            for typed, dates, extra in cases:
                started = time.perf_counter()
                result = search(archive, typed, SearchFilters(*(dates or (None, None)), **extra), limit=20)
                times.append((time.perf_counter() - started) * 1000)
                hits.append(result.total)
            totals[name] += times
            line += f"{_stats(times):>23}"
            hits_text.append(f"{int(statistics.median(hits)):,}{'+' if statistics.median(hits) >= COUNT_LIMIT else ''}")
        print(f"{line}   {' / '.join(hits_text)}", flush=True)
    print(f"{'all kinds':34}" + "".join(f"{_stats(t):>23}" for t in totals.values()))
    for archive in opened.values():
        archive.close()


def run(path: Path, runs: int, seed: int = 11) -> None:
    """Time every query kind, ours and raw FTS5, and print median and p95 in ms."""
    rng = random.Random(seed)
    words, _ = _vocabulary(random.Random(7))
    archive = Archive(path)
    total = archive.conn.execute("select count(*) from search_docs").fetchone()[0]
    print(f"Archive {path}: {total:,} articles; {runs} queries per kind; times in ms")
    print(f"{'query kind':34} {'ours med':>8} {'p95':>8}   {'raw med':>8} {'p95':>8}   hits (ours, median)")
    all_ours: list[float] = []
    for kind, make in query_kinds(rng, words).items():
        cases = [make() for _ in range(runs)]
        search(archive, cases[0][0], SearchFilters(*(cases[0][1] or (None, None)), **cases[0][2]), limit=20)
        ours, raw, hits = [], [], []
        for typed, dates, extra in cases:
            filters = SearchFilters(*(dates or (None, None)), **extra)
            started = time.perf_counter()
            result = search(archive, typed, filters, limit=20)
            ours.append((time.perf_counter() - started) * 1000)
            hits.append(result.total)
            if typed:
                started = time.perf_counter()
                _raw(archive.conn, typed, dates)
                raw.append((time.perf_counter() - started) * 1000)
        all_ours += ours
        raw_text = _stats(raw) if raw else f"{'—':>8} {'—':>8}"
        print(f"{kind:34} {_stats(ours)}   {raw_text}   {int(statistics.median(hits)):,}"
              f"{'+' if statistics.median(hits) >= COUNT_LIMIT else ''} ({result.order})", flush=True)
    print(f"{'all kinds':34} {_stats(all_ours)}")
    archive.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="articles in the synthetic archive")
    parser.add_argument("--db", help="cached archive (default /tmp/clipper-bench-<size>.db), or a PostgreSQL URL")
    parser.add_argument("--sqlite", type=Path, help="with a PostgreSQL --db: the SQLite archive to compare with")
    parser.add_argument("--rebuild", action="store_true", help="build the archive again")
    parser.add_argument("--runs", type=int, default=40, help="queries per kind")
    args = parser.parse_args(argv)
    label = "1m" if args.size == 1_000_000 else str(args.size)
    if args.db and args.db.startswith(("postgresql://", "postgres://")):
        from bench.pg_load import load_postgres
        sqlite_path = args.sqlite or Path(f"/tmp/clipper-bench-{label}.db")
        if not sqlite_path.exists():
            print(f"Building a synthetic archive of {args.size:,} articles at {sqlite_path} …", flush=True)
            build(sqlite_path, args.size)
        load_postgres(args.db, sqlite_path, rebuild=args.rebuild)
        run_side_by_side({"sqlite": str(sqlite_path), "postgres": args.db}, args.runs)
        return 0
    path = Path(args.db) if args.db else Path(f"/tmp/clipper-bench-{label}.db")
    if args.rebuild or not path.exists():
        print(f"Building a synthetic archive of {args.size:,} articles at {path} …", flush=True)
        path.unlink(missing_ok=True)
        build(path, args.size)
    run(path, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
