"""Where the archive is: a SQLite file or a PostgreSQL database, named by --db, CLIPPER_DB or the app."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from clipper import paths
from clipper.errors import StoreError

logger = logging.getLogger(__name__)

# The environment variable naming the archive when --db is not given (a path or a URL).
ENV_LOCATOR = "CLIPPER_DB"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def parse_locator(locator: str | Path) -> tuple[str, str]:
    """("sqlite", path) or ("postgresql", URL) for what --db, CLIPPER_DB or the app's setting say.

    A path or ``sqlite:///path`` is a SQLite file; ``postgresql://USER@HOST:PORT/DB`` (or
    ``postgres://``) a PostgreSQL database.

    Raises:
        StoreError: an empty locator or another scheme.
    """
    text = str(locator).strip()
    if not text:
        raise StoreError("lokasi arsip kosong (berikan path berkas atau postgresql://…)")
    if text.startswith(POSTGRES_SCHEMES):
        return "postgresql", text
    if text.startswith("sqlite:///"):  # as SQLAlchemy: sqlite:///relative.db, sqlite:////absolute.db
        text = text[len("sqlite:///"):]
        if not text:
            raise StoreError("lokasi arsip sqlite:/// tanpa path berkas")
        return "sqlite", text
    scheme = text.split("://", 1)[0] if "://" in text else ""
    if scheme and scheme.isalnum():
        raise StoreError(f"lokasi arsip tidak dikenal: {redact(text)!r} "
                         "(path berkas, sqlite:///path, atau postgresql://USER@HOST:PORT/DB)")
    return "sqlite", text


def default_locator() -> str:
    """The archive when none is named: CLIPPER_DB, else the user's SQLite file."""
    return os.environ.get(ENV_LOCATOR, "").strip() or str(paths.default_db_path())


def redact(url: str) -> str:
    """A URL as it may be shown or logged: the password replaced by ***."""
    head, sep, rest = url.partition("://")
    auth, at, host = rest.rpartition("@")
    if not at or ":" not in auth:
        return url
    return f"{head}{sep}{auth.split(':', 1)[0]}:***@{host}"
