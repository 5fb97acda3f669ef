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
    p.add_argument("--revisi", "--ralat", dest="ralat", action="store_true",
                   help="revisi edisi final tanggal itu (nomor sama, 'Revisi 1'; berkas yang terkirim tetap)")


@command("compile")
def cmd_compile(args: argparse.Namespace) -> int:
    from clipper.edition.compile import compile_edition, printed_articles
    from clipper.harvest.images import fetch_edition_images
    from clipper.store.editions import editions_of
    config = open_config(args)
    day = args.date or today_wib().isoformat()
    with open_archive(args) as archive:
        finals = [r for r in editions_of(archive, day) if r.status == "final" and r.kind == "regular"]
        fetch_edition_images(archive, day, config)
        record, info = compile_edition(archive, config, day, out=args.out, final=args.final, ralat=args.ralat)
        waiting = len(printed_articles(archive, day)) if finals and not args.ralat else 0
    if finals and not args.ralat and record.id == finals[-1].id:
        fail(f"edisi final No. {record.number} tanggal {day} sudah ada dan tidak diubah"
             + (f"; --out {args.out} diabaikan" if args.out else "")
             + (f"; {waiting} artikel yang disetujui sesudahnya masuk edisi berikutnya, atau susun revisi "
                "dengan --revisi" if waiting else ""))
    state = {"draft": "draf", "final": "final"}[record.status]
    out(f"Kliping {record.label} ({state}, {day}): {record.articles} artikel, {info.pages} halaman, "
        f"{info.size / 1024:.0f} KB")
    out(f"PDF: {info.path}")
    if record.status == "final":
        out(f"SHA-256: {info.sha256}")
    return 0
