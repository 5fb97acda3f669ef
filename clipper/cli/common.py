"""What every command module shares: the registry, the global options' archive and configuration, output."""

from __future__ import annotations

import argparse
import logging
import re
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


def article_ids(values: list[str]) -> list[int]:
    """Article ids typed on the command line, each 1 … MAX_ARTICLE_ID (the archive's integers).

    Raises:
        ClipperError: one line naming the first bad value.
    """
    from clipper.errors import ClipperError
    from clipper.limits import MAX_ARTICLE_ID
    ids = []
    for value in values:
        text = value.strip()
        if not text.isdigit() or not 1 <= int(text) <= MAX_ARTICLE_ID:
            shown = text if len(text) <= 30 else text[:30] + "…"
            raise ClipperError(f"ID artikel tidak sah: {shown!r} (bilangan bulat 1 sampai {MAX_ARTICLE_ID})")
        ids.append(int(text))
    return ids


# Rows one listing may ask for: more than any screen or file needs, and within SQLite's integers.
MAX_ROWS = 1_000_000


def count_arg(value: str) -> int:
    """An argparse type: a count of rows (--limit, --offset), 0 … MAX_ROWS."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"harus bilangan bulat, bukan {value[:30]!r}") from None
    if not 0 <= number <= MAX_ROWS:
        raise argparse.ArgumentTypeError(f"harus 0 sampai {MAX_ROWS}, bukan {value[:30]}")
    return number


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


# Characters a terminal may act on (escape sequences, bells, C1 controls): text from the web or
# the archive shows them as spaces, one for one, so highlight offsets stay right.
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def visible(text: str | None) -> str:
    """Archived or fetched text for a terminal line: control characters as spaces (same length)."""
    return _TERMINAL_CONTROLS.sub(" ", text or "")


def out(text: str = "") -> None:
    """One line on standard output (flushed: a long command reports as it goes)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def fail(text: str) -> None:
    """One line on standard error, prefixed with the program name."""
    print(f"clipper: {text}", file=sys.stderr)
