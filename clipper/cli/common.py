"""What every command module shares: the registry, the global options' archive and configuration, output."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clipper.config import Config

logger = logging.getLogger(__name__)

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    """Register ``func(args) -> exit status`` as the implementation of ``clipper NAME``."""
    def register(func):
        COMMANDS[name] = func
        return func
    return register


def date_arg(value: str) -> str:
    """An argparse type: a YYYY-MM-DD date."""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal harus YYYY-MM-DD, bukan {value!r}") from None


# Command modules import what a command needs inside it: `clipper --help` loads none of the
# core's libraries, and a harvest's process none of the PDF's.


def open_config(args: argparse.Namespace) -> Config:
    """The configuration named by --config, or the user's (created from the default on first use)."""
    from clipper.config import default_config_path, ensure_user_config
    from clipper.workspace.configuration import load_config
    return load_config(args.config or ensure_user_config(default_config_path()))


def open_archive(args: argparse.Namespace):
    """The archive named by --db, else CLIPPER_DB, else the user's file (the store is imported
    here: `--help` stays quick)."""
    from clipper.store.archive import open_archive as open_locator
    return open_locator(args.db)


def out(text: str = "") -> None:
    """One line on standard output (flushed: a long command reports as it goes)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def fail(text: str) -> None:
    """One line on standard error, prefixed with the program name."""
    print(f"clipper: {text}", file=sys.stderr)
