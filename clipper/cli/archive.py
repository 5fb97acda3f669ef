"""`clipper list`, `export`, `review` and `reclassify`: the archive's articles and their decisions."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from clipper.cli.common import (article_ids, command, count_arg, date_arg, open_archive, open_config, out,
                                visible)

logger = logging.getLogger(__name__)

STATUSES = ["new", "approved", "rejected", "irrelevant", "all"]
KINDS = ["article", "gallery", "video", "live", "index", "all"]
TIERS = ["utama", "disebut", "all"]
TONES = ["positif", "netral", "negatif"]


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `clipper` parser."""
    p = sub.add_parser("list", help="daftar artikel di arsip")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--topic")
    p.add_argument("--date", type=date_arg)
    p.add_argument("--kind", choices=KINDS, default="article",
                   help="jenis halaman (bawaan: article; galeri, video, laporan langsung, indeks, all)")
    p.add_argument("--tier", choices=TIERS, default="all",
                   help="utama: artikel tentang topiknya; disebut: topik hanya disebut")
    p.add_argument("--doubtful", action="store_true", help="hanya artikel yang teksnya diragukan")
    p.add_argument("--limit", type=count_arg, default=200)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="ekspor artikel (jsonl atau csv)")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p.add_argument("--from", dest="date_from", type=date_arg)
    p.add_argument("--to", dest="date_to", type=date_arg)
    p.add_argument("--status", choices=STATUSES, default="all")
    p.add_argument("--kind", choices=KINDS, default="article", help="jenis halaman (bawaan: article)")
    p.add_argument("--query", metavar="KATA", help="hanya yang cocok dengan pencarian ini")
    p.add_argument("--topic", action="append", default=[], metavar="TOPIK")
    p.add_argument("--media", action="append", default=[], metavar="MEDIA")
    p.add_argument("--tag", action="append", default=[], metavar="TAG")
    p.add_argument("--tone", choices=TONES)
    p.add_argument("--out", type=Path, help="berkas keluaran (bawaan: stdout)")

    p = sub.add_parser("review", help="setujui/tolak artikel, beri tag, nada, ringkasan")
    p.add_argument("ids", nargs="+", metavar="ID")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--approve", action="store_const", dest="decision", const="approve")
    group.add_argument("--reject", action="store_const", dest="decision", const="reject")
    group.add_argument("--reset", action="store_const", dest="decision", const="reset",
                       help="kembalikan ke antrean (baru)")
    p.add_argument("--tag", action="append", metavar="TAG")
    p.add_argument("--tone", choices=TONES)
    p.add_argument("--summary", metavar="TEKS")
    p.add_argument("--highlight", action=argparse.BooleanOptionalAction, default=None,
                   help="sorotan halaman depan edisi")

    p = sub.add_parser("correct", help="koreksi teks artikel (teks hasil ekstraksi tetap disimpan)")
    p.add_argument("id", metavar="ID")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--file", type=Path, metavar="BERKAS", help="teks baru (UTF-8, satu paragraf per baris; - : stdin)")
    group.add_argument("--restore", action="store_true", help="kembalikan teks hasil ekstraksi")

    p = sub.add_parser("reclassify", help="terapkan ulang aturan topik")
    p.add_argument("--from", dest="date_from", type=date_arg)
    p.add_argument("--dry-run", action="store_true", help="hanya tampilkan perubahan")


@command("list")
def cmd_list(args: argparse.Namespace) -> int:
    from clipper.search.rows import article_to_dict
    from clipper.store.articles import select_articles
    with open_archive(args) as archive:
        rows = select_articles(archive, status=args.status or "new", topic=args.topic, day=args.date,
                               limit=args.limit, kind=args.kind, tier=args.tier, doubtful=args.doubtful)
    if args.json:
        for article in rows:
            out(json.dumps(article_to_dict(article, with_text=False), ensure_ascii=False))
        return 0
    if not rows:
        out("Tidak ada artikel yang cocok.")
        return 0
    for article in rows:
        topics = ",".join(article.topics) or "-"
        marks = "".join((f" [{article.kind}]" if article.kind != "article" else "",
                         " [RAGU]" if article.confidence == "doubtful" else ""))
        out(f"{article.id:>6}  {article.day}  {article.status:<10} {article.tier or '-':<7} {topics:<16} "
            f"{visible(article.media)[:20]:<20}  {visible(article.title)[:80]}{marks}")
    out(f"{len(rows)} artikel.")
    return 0


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    from clipper.safe_files import atomic_output, check_target
    from clipper.search.export import write_rows
    if args.out:
        check_target(args.out)  # refused before any work: a symlink, a device, a folder, no folder
    with open_archive(args) as archive:
        rows = _export_rows(archive, args)
        if not args.out:
            write_rows(rows, sys.stdout, args.format)
            return 0
        with atomic_output(args.out, newline="") as stream:
            count = write_rows(rows, stream, args.format)
    if args.out:
        print(f"{count} artikel diekspor ke {args.out}", file=sys.stderr)
    return 0


def _export_rows(archive, args: argparse.Namespace):
    """All articles by status and dates, or through the search index when a search filter is given."""
    from clipper.store.articles import articles_by_id, select_articles
    if not (args.query or args.topic or args.media or args.tag or args.tone):
        return select_articles(archive, status=args.status, day_from=args.date_from, day_to=args.date_to,
                               limit=None, kind=args.kind)
    from clipper.search.engine import SearchFilters, iter_result_ids
    from clipper.store.searching import index_pending
    filters = SearchFilters(args.date_from, args.date_to, tuple(args.media), tuple(args.topic), tuple(args.tag),
                            args.tone, () if args.status == "all" else (args.status,))
    index_pending(archive)
    found = articles_by_id(archive, iter_result_ids(archive, args.query or "", filters))
    return (a for a in found if args.kind == "all" or a.kind == args.kind)


@command("review")
def cmd_review(args: argparse.Namespace) -> int:
    from clipper.review.decisions import update_articles
    from clipper.store.articles import articles_by_id
    config = open_config(args)
    if not any([args.decision, args.tag, args.tone, args.summary is not None, args.highlight is not None]):
        print("clipper: tidak ada yang diubah (pakai --approve, --reject, --tag, --tone, --summary …)",
              file=sys.stderr)
        return 2
    ids = article_ids(args.ids)
    with open_archive(args) as archive:
        change = update_articles(archive, ids, decision=args.decision, add_tags=args.tag,
                                 tone=args.tone, summary=args.summary, highlight=args.highlight,
                                 editor=config.editor.name)
        for article in articles_by_id(archive, change.ids):
            out(f"#{article.id} {article.status}: {visible(article.title)[:80]}")
    return 0


# An article's text file for `clipper correct` (the longest real article is ~40 KB).
MAX_TEXT_FILE_BYTES = 2_000_000


@command("correct")
def cmd_correct(args: argparse.Namespace) -> int:
    from clipper.review.corrections import correct_text, restore_text
    args.id = article_ids([args.id])[0]  # a 20-digit id is a one-line error, not an overflow
    config = open_config(args)
    if args.restore:
        with open_archive(args) as archive:
            text = restore_text(archive, args.id)
        out(f"#{args.id}: teks hasil ekstraksi dipulihkan ({len(text)} karakter).")
        return 0
    if str(args.file) == "-":
        raw = sys.stdin.buffer.read(MAX_TEXT_FILE_BYTES + 1)
    elif not args.file.is_file():
        print(f"clipper: {args.file}: bukan berkas yang bisa dibaca", file=sys.stderr)
        return 2
    else:
        with open(args.file, "rb") as handle:
            raw = handle.read(MAX_TEXT_FILE_BYTES + 1)
    if len(raw) > MAX_TEXT_FILE_BYTES:
        print(f"clipper: {args.file}: terlalu besar untuk teks artikel (> 2 MB)", file=sys.stderr)
        return 2
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        print(f"clipper: {args.file}: bukan teks UTF-8", file=sys.stderr)
        return 2
    with open_archive(args) as archive:
        stored = correct_text(archive, args.id, text, config.editor.name)
    out(f"#{args.id}: teks dikoreksi ({len(stored)} karakter); teks hasil ekstraksi tetap tersimpan.")
    return 0


@command("reclassify")
def cmd_reclassify(args: argparse.Namespace) -> int:
    from clipper.classify.classifier import classifier_for
    from clipper.classify.reclassify import apply_reclassify, plan_reclassify
    config = open_config(args)
    classifier = classifier_for(config)
    with open_archive(args) as archive:
        plan = plan_reclassify(archive, classifier, date_from=args.date_from)
        out(f"{plan.checked} artikel diperiksa, {len(plan.changes)} berubah.")
        for label, groups in (("masuk", plan.entering()), ("keluar", plan.leaving())):
            for topic, changes in sorted(groups.items()):
                out(f"  {topic}: {len(changes)} {label}")
                for change in changes[:10]:
                    out(f"    #{change.article_id} {visible(change.title)[:70]}")
                if len(changes) > 10:
                    out(f"    … dan {len(changes) - 10} lagi")
        if args.dry_run:
            out("Uji coba (--dry-run): tidak ada yang diubah.")
            return 0
        applied = apply_reclassify(archive, plan)
    out(f"{applied} artikel diperbarui; keputusan editor tidak diubah.")
    return 0
