"""The `clipper` command line: the same core functions the desktop app calls."""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

from clipper import __version__
from clipper.cli import archive, demo, edition, harvest, mail, search, share, team
from clipper.cli.common import COMMANDS, command
from clipper.errors import ClipperError, ConfigError

logger = logging.getLogger(__name__)

# Each adds its subcommands (add_parsers) and registers their implementations (@command).
COMMAND_MODULES = (harvest, archive, edition, share, search, mail, team, demo)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clipper", description="Kliping digital Perpustakaan Balitbangdiklat.")
    parser.add_argument("--config", type=Path, help="sources.yaml (bawaan: salinan milik pengguna)")
    parser.add_argument("--db", metavar="ARSIP",
                        help="arsip: path berkas SQLite, sqlite:///path, atau postgresql://USER@HOST:PORT/DB "
                             "(bawaan: $CLIPPER_DB, lalu berkas di folder data pengguna)")
    parser.add_argument("-v", "--verbose", action="store_true", help="tampilkan log rinci")
    parser.add_argument("--version", action="version", version=f"clipper {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")
    for module in COMMAND_MODULES:
        module.add_parsers(sub)
    sub.add_parser("gui", help="aplikasi desktop")
    return parser


@command("gui")
def cmd_gui(args: argparse.Namespace) -> int:
    """The desktop application runs as its own program (the core never imports the GUI)."""
    argv = [sys.executable, "-m", "ui"]
    if args.config:
        argv += ["--config", str(args.config)]
    if args.db:
        argv += ["--db", str(args.db)]
    return subprocess.call(argv)


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
    except Exception as exc:  # the last boundary: one line, never a traceback (-v logs it)
        logger.info("unexpected error", exc_info=True)
        print(f"clipper: {unexpected(exc)}", file=sys.stderr)
        return 1


def unexpected(exc: Exception) -> str:
    """An error no part of the core turned into a ClipperError, as one Indonesian line."""
    if type(exc).__module__ == "sqlite3":  # the archive, past what the store could say
        return (f"arsip tidak dapat dibaca atau ditulis: {exc} "
                "(periksa dengan `clipper check`; cadangkan berkasnya dulu)")
    if isinstance(exc, OSError):
        from clipper.safe_files import os_reason
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{os_reason(exc)}"
    if isinstance(exc, RecursionError):
        return "masukan bersarang terlalu dalam"
    if isinstance(exc, MemoryError):
        return "memori tidak cukup untuk masukan ini"
    return f"galat tak terduga ({type(exc).__name__}: {str(exc)[:200]}); jalankan dengan -v untuk rinciannya"
