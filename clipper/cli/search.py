"""The command-line commands of the search feature (registered into clipper.cli.main)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from clipper.cli.common import command, count_arg, date_arg, fail, open_archive, open_config, out, visible

logger = logging.getLogger(__name__)

STATUS_CHOICES = ("approved", "published", "new", "rejected", "irrelevant", "error", "all")
STATUS_WORDS = {"new": "baru", "approved": "disetujui", "rejected": "ditolak", "irrelevant": "tak relevan",
                "error": "galat"}




def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add this feature's subcommands to the `clipper` parser."""
    p = sub.add_parser("search", help="cari di arsip kliping (teks penuh, sadar imbuhan)",
                       description="Cari di arsip. Frasa persis dalam tanda kutip; AND, OR, NOT (huruf besar) "
                                   "atau tanda minus; awalan dengan bintang (pendidik*).")
    p.add_argument("query", nargs="?", default="", metavar="KUERI", help="kata yang dicari (kosong: semua)")
    p.add_argument("--from", dest="date_from", type=date_arg, metavar="TANGGAL")
    p.add_argument("--to", dest="date_to", type=date_arg, metavar="TANGGAL")
    p.add_argument("--topic", action="append", default=[], metavar="TOPIK", help="boleh berulang")
    p.add_argument("--media", action="append", default=[], metavar="MEDIA", help="boleh berulang")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="boleh berulang")
    p.add_argument("--tone", choices=["positif", "netral", "negatif"])
    p.add_argument("--status", action="append", choices=STATUS_CHOICES, metavar="STATUS",
                   help="approved, published, new, rejected, irrelevant, error, all "
                        "(bawaan: approved dan published)")
    p.add_argument("--edition", metavar="NOMOR", help="nomor edisi, mis. 12/2026")
    p.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    p.add_argument("--limit", type=count_arg, default=20)
    p.add_argument("--offset", type=count_arg, default=0)
    p.add_argument("--count", action="store_true", help="hitung semua hasil dengan tepat")
    p.add_argument("--json", action="store_true", help="satu objek JSON per hasil")
    p.add_argument("--format", choices=["csv", "jsonl", "pdf"], help="ekspor SEMUA hasil ke --out")
    p.add_argument("--out", type=Path, metavar="FILE", help="berkas ekspor")
    p.add_argument("--title", help="judul jilid PDF (bawaan: \"Kliping Tematik: KUERI TAHUN\")")

    p = sub.add_parser("backup", help="salinan arsip yang konsisten (aman saat aplikasi menulis)")
    p.add_argument("dest", type=Path, metavar="TUJUAN", help="berkas .db atau folder")
    p.add_argument("--overwrite", action="store_true", help="timpa berkas TUJUAN yang sudah ada")

    p = sub.add_parser("check", help="periksa integritas arsip, indeks pencarian dan bukti HTML")
    p.add_argument("--no-repair", action="store_true", help="hanya laporkan; jangan bangun ulang indeks")
    p.add_argument("--all-evidence", action="store_true", help="periksa SHA-256 semua bukti HTML")
    p.add_argument("--quick", action="store_true", help="PRAGMA quick_check (lebih cepat)")


def _filters(args: argparse.Namespace):
    from clipper.search.engine import DEFAULT_STATUSES, SearchFilters
    statuses = tuple(args.status) if args.status else DEFAULT_STATUSES
    if "all" in statuses:
        statuses = ()
    return SearchFilters(date_from=args.date_from, date_to=args.date_to, media=tuple(args.media),
                         topics=tuple(args.topic), tags=tuple(args.tag), tone=args.tone, statuses=statuses,
                         edition=args.edition)


def _hit_json(hit) -> str:
    from clipper.search.snippet import mark
    return json.dumps({
        "id": hit.article_id, "title": hit.title, "media": hit.media, "url": hit.url, "day": hit.day,
        "published_at": hit.published_at, "status": hit.status, "tone": hit.tone, "topics": list(hit.topics),
        "tags": list(hit.tags), "score": round(hit.score, 4) if hit.score is not None else None,
        "snippet": hit.snippet, "highlights": [list(s) for s in hit.snippet_spans],
        "snippet_marked": mark(hit.snippet, hit.snippet_spans, "[", "]"),
        "editions": [{"number": e.number, "day": e.day, "status": e.status, "pdf": e.pdf_path}
                     for e in hit.editions],
    }, ensure_ascii=False)


def _print_hits(result) -> None:
    from clipper.search.snippet import mark
    bold = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("[", "]")
    for hit in result.hits:
        editions = ", ".join(e.label for e in hit.editions)
        out(f"#{hit.article_id}  {hit.day}  {visible(hit.media)}  ({STATUS_WORDS.get(hit.status, hit.status)}"
             f"{'; ' + visible(editions) if editions else ''})")
        out(f"  {mark(visible(hit.title), hit.title_spans, *bold)}")
        out(f"  {_flat(hit, bold)}")
    shown = f"{result.offset + 1}–{result.offset + len(result.hits)}" if result.hits else "0"
    total = f"{result.total:,}".replace(",", ".") + ("" if result.total_exact else "+")
    order = "relevansi" if result.order == "relevance" else "tanggal"
    out(f"{total} hasil; ditampilkan {shown}, urut {order} ({result.elapsed_ms:.0f} ms).")
    for note in result.notes:
        out(f"Catatan: {note}.")


def _flat(hit, bold) -> str:
    from clipper.search.snippet import mark
    return " ".join(mark(visible(hit.snippet), hit.snippet_spans, *bold).split())


def _prepare(archive) -> None:
    from clipper.store.searching import index_pending
    index_pending(archive, limit=2000)  # new articles' roots (all of them: `clipper check`)


@command("search")
def cmd_search(args: argparse.Namespace) -> int:
    from clipper.search.engine import iter_result_ids, search
    filters = _filters(args)
    if args.format and not args.out:
        print("clipper: --format memerlukan --out FILE", file=sys.stderr)
        return 2
    if args.format:
        from clipper.safe_files import check_target
        check_target(args.out)  # refused before any work (written safely by the export itself)
    with open_archive(args) as archive:
        _prepare(archive)
        if args.format:
            return _export(args, archive, filters, list(iter_result_ids(archive, args.query, filters,
                                                                        order=args.sort)))
        result = search(archive, args.query, filters, order=args.sort, limit=max(0, args.limit),
                        offset=max(0, args.offset), exact_count=args.count)
    if args.json:
        for hit in result.hits:
            out(_hit_json(hit))
        return 0
    if not result.hits and result.total == 0:
        out("Tidak ada hasil." + (f" Catatan: {'; '.join(result.notes)}." if result.notes else ""))
        return 0
    _print_hits(result)
    return 0


def _export(args: argparse.Namespace, archive, filters, ids: list[int]) -> int:
    from clipper.search import export as search_export
    if args.format == "pdf":
        config = open_config(args)
        title = args.title or search_export.volume_title(args.query, args.date_from, args.date_to,
                                                         args.topic[0] if args.topic else None)
        info = search_export.render_volume(archive, config, ids, args.out, title)
        out(f"{title}: {len(ids)} artikel, {info.pages} halaman → {info.path}")
        return 0
    count = search_export.export_file(archive, ids, args.out, args.format)
    out(f"{count} artikel diekspor ke {args.out}")
    return 0


@command("backup")
def cmd_backup(args: argparse.Namespace) -> int:
    from clipper.store.care import backup_archive
    with open_archive(args) as archive:
        info = backup_archive(archive, args.dest, overwrite=args.overwrite)
    out(f"Cadangan: {info.path} ({info.articles} artikel, {info.size / 2**20:.1f} MB)")
    return 0


@command("check")
def cmd_check(args: argparse.Namespace) -> int:
    from clipper.store.care import check_archive, check_file
    from clipper.store.locator import default_locator, parse_locator
    dialect, path = parse_locator(args.db or default_locator())
    # SQLite: the file read-only first, a damaged one never written to (PostgreSQL keeps its pages)
    damage = check_file(path, quick=args.quick) if dialect == "sqlite" else []
    if damage:
        out("Integritas basis data: RUSAK")
        for problem in damage[:20]:
            out(f"  {problem}")
        fail(f"arsip {path} rusak dan tidak diubah; pulihkan dari cadangan (clipper backup) "
             "atau salin berkasnya sebelum mencoba memperbaikinya")
        return 1
    from clipper.store.articles import doubtful_articles
    with open_archive(args) as archive:
        report = check_archive(archive, repair=not args.no_repair, all_evidence=args.all_evidence,
                               quick=args.quick, integrity=False)
        doubtful = doubtful_articles(archive, MAX_DOUBTFUL_SHOWN)
    if report.integrity_checked:
        out("Integritas basis data: " + ("baik" if not report.integrity else "BERMASALAH"))
    else:
        out("Integritas basis data: dijaga server PostgreSQL (cadangkan dengan pg_dump)")
    for problem in report.integrity[:20]:
        out(f"  {problem}")
    if report.index_ok:
        out("Indeks pencarian: sesuai dengan artikel")
    elif report.rebuilt:
        out("Indeks pencarian: tidak sesuai — dibangun ulang")
    else:
        out("Indeks pencarian: TIDAK SESUAI (jalankan tanpa --no-repair untuk membangun ulang)")
    if report.stems_indexed:
        out(f"Akar kata diindeks untuk {report.stems_indexed} artikel")
    out(f"Bukti HTML diperiksa: {report.evidence_checked}, bermasalah: {len(report.evidence_bad)}")
    for article_id, reason in report.evidence_bad[:20]:
        out(f"  #{article_id}: {reason}")
    _print_doubtful(*doubtful)
    healthy = report.ok and (report.index_ok or report.rebuilt)
    return 0 if healthy else 1


# Doubtful articles listed by `clipper check` (the rest are counted).
MAX_DOUBTFUL_SHOWN = 20


def _print_doubtful(total: int, rows: list[dict]) -> None:
    """The queued and approved articles whose text the editor should check against the page."""
    if not total:
        out("Teks diragukan: tidak ada di antrean")
        return
    out(f"Teks diragukan ({total}; periksa dengan halaman aslinya, koreksi dengan `clipper correct`):")
    for row in rows:
        out(f"  #{row['id']} {row['day']} {row['status']:<8} {visible(row['media'][:20])}: "
            f"{visible(row['title'][:70])} — {visible(row['doubt'] or 'tanpa keterangan')}")
    if total > len(rows):
        out(f"  … dan {total - len(rows)} lagi (clipper list --doubtful)")
