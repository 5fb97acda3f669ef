"""`clipper db`: the team archive on PostgreSQL (grant an account its role, move an archive across)."""

from __future__ import annotations

import argparse
import logging
import sys

from clipper.cli.common import command, fail, out

logger = logging.getLogger(__name__)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `clipper` parser."""
    p = sub.add_parser("db", help="arsip tim (PostgreSQL): peran akun, pindahkan arsip")
    db = p.add_subparsers(dest="db_command", required=True, metavar="PERINTAH")
    g = db.add_parser("grant", help="buat akun (bila perlu) dan beri peran; jalankan dengan koneksi admin")
    g.add_argument("name", metavar="NAMA")
    g.add_argument("--role", required=True, choices=["editor", "archivist", "admin"])
    g.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari stdin (bawaan: dibuat)")
    m = db.add_parser("migrate", help="salin seluruh arsip: SQLite ⇄ PostgreSQL (ulang: tidak menambah apa pun)")
    m.add_argument("--from", dest="source", required=True, metavar="ARSIP")
    m.add_argument("--to", dest="target", required=True, metavar="ARSIP")


@command("db")
def cmd_db(args: argparse.Namespace) -> int:
    return {"grant": _grant, "migrate": _migrate}[args.db_command](args)


def _grant(args: argparse.Namespace) -> int:
    from clipper.cli.common import open_archive
    from clipper.store.roles import grant_role
    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            fail("kata sandi kosong di stdin")
            return 2
    with open_archive(args) as archive:
        generated = grant_role(archive, args.name, args.role, password=password)
    out(f"Akun {args.name}: peran {args.role}.")
    if generated:
        out(f"Kata sandi (simpan sekarang; tidak ditampilkan lagi): {generated}")
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from clipper.store.archive import Archive
    from clipper.store.transfer import copy_archive
    with Archive(args.source) as source, Archive(args.target) as target:
        out(f"Menyalin {source.label} → {target.label}")
        counts = copy_archive(source, target, report=out)
    out(f"{'tabel':<12} {'sumber':>9} {'tujuan':>9} {'ditambah':>9}")
    for c in counts:
        out(f"{c.table:<12} {c.source:>9,} {c.target:>9,} {c.added:>9,}".replace(",", "."))
    missing = [c for c in counts if c.missing]
    if missing:
        fail("salinan tidak lengkap: " + ", ".join(f"{c.table} kurang {c.missing}" for c in missing))
        return 1
    out("Semua baris sumber ada di tujuan.")
    return 0
