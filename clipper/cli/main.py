"""The `clipper` command line: the same core functions the desktop app calls."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from clipper import __version__, paths
from clipper.config import Config, default_config_path, ensure_user_config, load_config
from clipper.errors import ClipperError, ConfigError

logger = logging.getLogger(__name__)

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(func):
        COMMANDS[name] = func
        return func
    return register


def _date(value: str) -> str:
    from datetime import date
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal harus YYYY-MM-DD, bukan {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clipper", description="Kliping digital Perpustakaan Balitbangdiklat.")
    parser.add_argument("--config", type=Path, help="sources.yaml (bawaan: salinan milik pengguna)")
    parser.add_argument("--db", type=Path, help="berkas arsip SQLite (bawaan: folder data pengguna)")
    parser.add_argument("-v", "--verbose", action="store_true", help="tampilkan log rinci")
    parser.add_argument("--version", action="version", version=f"clipper {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")

    p = sub.add_parser("harvest", help="panen semua sumber yang aktif")
    p.add_argument("--source", action="append", metavar="NAMA", help="hanya sumber ini (boleh berulang)")

    p = sub.add_parser("extract", help="ekstrak halaman HTML tersimpan (JSON per baris)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--url", help="URL asal halaman (untuk tautan relatif)")

    p = sub.add_parser("list", help="daftar artikel di arsip")
    p.add_argument("--status", choices=["new", "approved", "rejected", "irrelevant", "all"])
    p.add_argument("--topic")
    p.add_argument("--date", type=_date)
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="ekspor artikel (jsonl atau csv)")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p.add_argument("--from", dest="date_from", type=_date)
    p.add_argument("--to", dest="date_to", type=_date)
    p.add_argument("--status", choices=["new", "approved", "rejected", "irrelevant", "all"], default="all")
    p.add_argument("--query", metavar="KATA", help="hanya yang cocok dengan pencarian ini")
    p.add_argument("--topic", action="append", default=[], metavar="TOPIK")
    p.add_argument("--media", action="append", default=[], metavar="MEDIA")
    p.add_argument("--tag", action="append", default=[], metavar="TAG")
    p.add_argument("--tone", choices=["positif", "netral", "negatif"])
    p.add_argument("--out", type=Path, help="berkas keluaran (bawaan: stdout)")

    p = sub.add_parser("review", help="setujui/tolak artikel, beri tag, nada, ringkasan")
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--approve", action="store_const", dest="decision", const="approve")
    group.add_argument("--reject", action="store_const", dest="decision", const="reject")
    group.add_argument("--reset", action="store_const", dest="decision", const="reset",
                       help="kembalikan ke antrean (baru)")
    p.add_argument("--tag", action="append", metavar="TAG")
    p.add_argument("--tone", choices=["positif", "netral", "negatif"])
    p.add_argument("--summary", metavar="TEKS")
    p.add_argument("--highlight", action=argparse.BooleanOptionalAction, default=None,
                   help="sorotan halaman depan edisi")

    p = sub.add_parser("compile", help="susun kliping (PDF) suatu tanggal")
    p.add_argument("--date", type=_date, help="tanggal edisi (bawaan: hari ini, WIB)")
    p.add_argument("--out", type=Path, metavar="FILE.pdf")
    p.add_argument("--final", action="store_true", help="finalkan: isi dibekukan")
    p.add_argument("--ralat", action="store_true", help="edisi ralat atas edisi final tanggal itu")

    p = sub.add_parser("reclassify", help="terapkan ulang aturan topik")
    p.add_argument("--from", dest="date_from", type=_date)
    p.add_argument("--dry-run", action="store_true", help="hanya tampilkan perubahan")

    p = sub.add_parser("demo", help="seluruh alur secara luring pada korpus demo")
    p.add_argument("--out", type=Path, default=Path("clipper-demo"), help="folder hasil demo")

    sub.add_parser("gui", help="aplikasi desktop")
    for module in _command_modules():
        module.add_parsers(sub)
    return parser


# Feature modules that add their own commands: each has add_parsers(sub) and @command functions.
COMMAND_MODULES = ("clipper.cli.mail", "clipper.cli.search")


def _command_modules():
    import importlib
    return [importlib.import_module(name) for name in COMMAND_MODULES]


def _config(args: argparse.Namespace) -> Config:
    path = args.config or ensure_user_config(default_config_path())
    return load_config(path)


def _archive(args: argparse.Namespace):
    from clipper.store.archive import Archive
    return Archive(args.db or paths.default_db_path())


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `clipper` script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except ConfigError as exc:
        print("Konfigurasi tidak sah:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except ClipperError as exc:
        print(f"clipper: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("clipper: dibatalkan", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


# The command implementations live in clipper.cli.commands (imported for registration).
from clipper.cli import commands as _commands  # noqa: E402,F401
