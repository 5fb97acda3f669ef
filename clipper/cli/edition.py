"""`clipper compile`: the day's edition as a PDF, draft or final."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from clipper.cli.common import command, date_arg, fail, open_archive, open_config, out
from clipper.dates import today_wib

logger = logging.getLogger(__name__)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `clipper` parser."""
    p = sub.add_parser("compile", help="susun kliping (PDF) suatu tanggal")
    p.add_argument("--date", type=date_arg, help="tanggal edisi (bawaan: hari ini, WIB)")
    p.add_argument("--out", type=Path, metavar="FILE.pdf")
    p.add_argument("--final", action="store_true", help="finalkan: isi dibekukan")
    p.add_argument("--ralat", action="store_true", help="edisi ralat atas edisi final tanggal itu")


@command("compile")
def cmd_compile(args: argparse.Namespace) -> int:
    from clipper.edition.compile import compile_edition
    from clipper.harvest.images import fetch_edition_images
    from clipper.store.articles import approved_articles
    from clipper.store.editions import editions_of
    config = open_config(args)
    day = args.date or today_wib().isoformat()
    with open_archive(args) as archive:
        finals = [r for r in editions_of(archive, day) if r.status == "final" and r.kind == "regular"]
        fetch_edition_images(archive, day, config)
        record, info = compile_edition(archive, config, day, out=args.out, final=args.final, ralat=args.ralat)
        approved = len(approved_articles(archive, day))
    if finals and not args.ralat and record.id == finals[-1].id:
        fail(f"edisi final No. {record.number} tanggal {day} sudah ada dan tidak diubah"
             + (f"; --out {args.out} diabaikan" if args.out else "")
             + (f"; {approved - (record.articles or 0)} artikel disetujui sesudahnya — pakai --ralat"
                if approved != record.articles else ""))
    state = {"draft": "draf", "final": "final"}[record.status]
    out(f"Kliping No. {record.number} ({state}, {day}): {record.articles} artikel, {info.pages} halaman, "
        f"{info.size / 1024:.0f} KB")
    out(f"PDF: {info.path}")
    if record.status == "final":
        out(f"SHA-256: {info.sha256}")
    return 0
