"""`clipper share whatsapp`: the day's edition as a phone PDF and a digest text, for a WhatsApp group."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from clipper.cli.common import command, date_arg, fail, open_archive, open_config, out
from clipper.dates import long_date, today_wib

logger = logging.getLogger(__name__)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `clipper` parser."""
    p = sub.add_parser("share", help="bagikan edisi (WhatsApp: PDF ponsel + teks ringkas)")
    targets = p.add_subparsers(dest="share_target", required=True, metavar="TUJUAN")
    wa = targets.add_parser("whatsapp", help="PDF ringkas untuk ponsel dan teks daftar berita ke folder DIR")
    wa.add_argument("--date", type=date_arg, help="tanggal edisi (bawaan: hari ini, WIB)")
    wa.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder tujuan (dibuat bila belum ada)")
    wa.add_argument("--force", action="store_true", help="timpa berkas bernama sama yang sudah ada")


@command("share")
def cmd_share(args: argparse.Namespace) -> int:
    from clipper.edition.share import ShareExists, share_edition
    config = open_config(args)
    day = args.date or today_wib().isoformat()
    with open_archive(args) as archive:
        try:
            package = share_edition(archive, config, day, args.out, force=args.force)
        except ShareExists as exc:
            fail(f"{exc}; tambahkan --force untuk menimpanya")
            return 1
    record = package.record
    which = "edisi final" if record.status == "final" else "draf (belum ada edisi final)"
    out(f"Dipakai {which} {record.label}, {long_date(day)}: {package.articles} artikel")
    out(f"PDF ponsel: {package.pdf.path} ({package.pdf.pages} halaman, {package.pdf.size / 1024:.0f} KB)")
    out(f"Teks WhatsApp: {package.digest_path} ({package.digest_chars} karakter)")
    return 0
