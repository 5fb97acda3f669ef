"""Search results out of the archive: CSV, JSON Lines, and a themed PDF volume."""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TextIO

from clipper.classify.rules import topic_labels
from clipper.config import Config
from clipper.edition.compile import edition_item, sections_of, titled_edition
from clipper.edition.pdf import PdfInfo, render_pdf
from clipper.errors import ClipperError
from clipper.models import Edition
from clipper.safe_files import atomic_output
from clipper.search.rows import CSV_FIELDS, article_to_csv, article_to_dict
from clipper.store.archive import Archive
from clipper.store.articles import articles_by_id
from clipper.store.images import cached_image
from clipper.store.records import Article

logger = logging.getLogger(__name__)

FORMATS = ("csv", "jsonl", "pdf")
# What a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A themed volume past this many clippings is refused (≈ 1 page per clipping; reportlab
# builds ~290 pages/s, so 1,500 clippings take a few seconds, not minutes).
MAX_VOLUME_ITEMS = 1500


class ExportError(ClipperError):
    """Results cannot be exported as asked."""


def write_rows(rows: Iterable[Article], stream: TextIO, fmt: str) -> int:
    """Write articles as JSON Lines or CSV (the columns of `clipper export`); returns the count."""
    count = 0
    if fmt == "jsonl":
        for article in rows:
            stream.write(json.dumps(article_to_dict(article), ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt != "csv":
        raise ExportError(f"format tidak dikenal: {fmt} (pilih csv atau jsonl)")
    writer = csv.DictWriter(stream, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for article in rows:
        writer.writerow({key: neutralise(value) for key, value in article_to_csv(article).items()})
        count += 1
    return count


def neutralise(value):
    """A CSV cell a spreadsheet will not run: text starting with = + - @ tab or CR gets a leading
    apostrophe (OWASP "CSV injection"), so "=HYPERLINK(…)" from a hostile page stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_file(archive: Archive, ids: Iterable[int], path: str | Path, fmt: str) -> int:
    """Write the articles ``ids`` to ``path`` (csv or jsonl) atomically; returns the count.

    Raises:
        OutputError: ``path`` is refused (a symlink, a device, a folder, no such folder) or
            cannot be written; nothing is left half-written (clipper.safe_files).
    """
    if fmt not in ("csv", "jsonl"):
        raise ExportError(f"format tidak dikenal: {fmt} (pilih csv atau jsonl)")
    with atomic_output(path, newline="") as stream:
        return write_rows(articles_by_id(archive, ids), stream, fmt)


def build_volume(archive: Archive, config: Config, ids: list[int], title: str) -> Edition:
    """A themed volume: the articles ``ids`` as an Edition, in the edition's sections, by date.

    Lead images are those already in the archive.

    Raises:
        ExportError: no articles, or more than MAX_VOLUME_ITEMS.
    """
    if not ids:
        raise ExportError("Tidak ada artikel untuk dijadikan jilid.")
    if len(ids) > MAX_VOLUME_ITEMS:
        raise ExportError(f"Terlalu banyak artikel untuk satu jilid PDF ({len(ids)}; paling banyak "
                          f"{MAX_VOLUME_ITEMS}). Persempit pencarian.")
    chosen = sorted(articles_by_id(archive, ids), key=lambda a: (a.published_utc or a.day, a.id))
    labels = topic_labels(config)
    items = [(a.primary_topic, edition_item(a, labels, cached_image(archive, a.image_url))) for a in chosen]
    last_day = max(a.day for a in chosen)
    return titled_edition(config, date.fromisoformat(last_day), "Tematik", sections_of(items, config, labels), title)


def volume_title(query: str, date_from: str | None, date_to: str | None, topic: str | None = None) -> str:
    """"Kliping Tematik: Covid-19 2020" from the query (or topic) and the years of the range."""
    theme = (query or "").strip().strip('"') or topic or "Arsip"
    years = sorted({d[:4] for d in (date_from, date_to) if d})
    span = "–".join(dict.fromkeys(years))
    return f"Kliping Tematik: {theme}" + (f" {span}" if span else "")


def render_volume(archive: Archive, config: Config, ids: list[int], out: str | Path, title: str) -> PdfInfo:
    """Render a themed volume of the articles ``ids`` to ``out`` (atomically, via render_pdf)."""
    edition = build_volume(archive, config, ids, title)
    return render_pdf(edition, out)
