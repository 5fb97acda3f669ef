"""Editions in the archive: numbered per year, their PDF's checksum, the frozen content of a final one."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from typing import Any

from clipper.models import dumps
from clipper.store.archive import Archive, now_utc
from clipper.store.edition_records import EditionRecord

logger = logging.getLogger(__name__)

_FIELDS = tuple(f.name for f in fields(EditionRecord))
# A second compile of the same day waits this long for the first (which takes seconds to a
# minute), then says the edition is busy.
COMPILE_WAIT_SECONDS = 180


def edition_record(row: dict) -> EditionRecord:
    """The record of an editions row (other columns beside it are left out)."""
    return EditionRecord(**{name: row[name] for name in _FIELDS})


def editions_of(archive: Archive, day: str) -> list[EditionRecord]:
    """The editions of a day, oldest first."""
    return [edition_record(r) for r in archive.query("select * from editions where day = ? order by id", [day])]


def get_edition(archive: Archive, edition_id: int) -> EditionRecord | None:
    rows = archive.query("select * from editions where id = ?", [edition_id])
    return edition_record(rows[0]) if rows else None


def find_edition(archive: Archive, number: str) -> EditionRecord | None:
    """The edition with this number ("12/2026") or sequence ("12"); the newest of equal ones."""
    rows = archive.query("select * from editions where number = ? or cast(seq as text) = ? "
                         "order by number = ? desc, id desc limit 1", [number, number, number])
    return edition_record(rows[0]) if rows else None


def create_edition(archive: Archive, *, day: str, kind: str, number_format: str, number_start: int,
                   corrects: int | None, editor: str | None) -> EditionRecord:
    """A new draft edition, numbered after the year's last one (never below ``number_start``); a
    ralat (``corrects``: the final edition it replaces) keeps that edition's number as its next
    revision ("No. 212/2026 · Revisi 1")."""
    year = int(day[:4])
    with archive.write():
        archive.lock(f"clipper:edition-numbers:{year}")  # PostgreSQL: the next number, one taker at a time
        if corrects is not None:
            original = archive.query("select seq, year, number from editions where id = ?", [corrects])[0]
            year, seq, number = original["year"], original["seq"], original["number"]
            revision = 1 + (archive.scalar("select max(revision) from editions where year = ? and seq = ?",
                                           [year, seq]) or 0)
        else:
            last = archive.scalar("select max(seq) from editions where year = ?", [year]) or 0
            seq = max(last + 1, number_start)
            number, revision = number_format.format(seq=seq, year=year), 0
        edition_id = archive.insert("editions", {
            "day": day, "kind": kind, "seq": seq, "year": year, "number": number, "revision": revision,
            "status": "draft", "corrects": corrects, "created_at": now_utc(), "editor": editor})
    return get_edition(archive, edition_id)


def record_pdf(archive: Archive, edition_id: int, *, path: str, sha256: str, size: int, pages: int,
               articles: int, editor: str | None, final_content: dict[str, Any] | None = None,
               finalized_at: str | None = None) -> EditionRecord:
    """Note the PDF just written; with ``final_content`` the edition becomes final (frozen)."""
    values: dict[str, Any] = {"pdf_path": path, "pdf_sha256": sha256, "pdf_size": size, "pages": pages,
                              "articles": articles, "editor": editor}
    if final_content is not None:
        values.update(status="final", finalized_at=finalized_at, content=dumps(final_content))
    with archive.write():
        archive.update("editions", ("id", edition_id), values)
    return get_edition(archive, edition_id)


def final_content(archive: Archive, edition_id: int) -> dict | None:
    """The frozen content of a final edition, as stored at finalisation."""
    content = archive.scalar("select content from editions where id = ?", [edition_id])
    return json.loads(content) if content else None


@contextmanager
def compile_lock(archive: Archive, day: str, *, wait: float = COMPILE_WAIT_SECONDS) -> Iterator[None]:
    """Hold the day's compile for the block: a second compile of the same day (another process,
    another editor) waits for the first, then finds its edition.

    Raises:
        BusyError: the day's edition is still being compiled after ``wait`` seconds.
    """
    from clipper.store.locks import held
    with held(archive, f"clipper:compile:{day}", wait=wait,
              busy=f"edisi tanggal {day} sedang disusun oleh proses lain; coba lagi sebentar lagi"):
        yield
