"""Search results out of the archive: CSV, JSON Lines, and a themed PDF volume."""

from __future__ import annotations

import csv
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TextIO

from clipper.search import rows as export_mod
from clipper import paths
from clipper.harvest import images
from clipper.config import Config
from clipper.edition.compile import _item
from clipper.classify.rules import topic_labels
from clipper.errors import ClipperError
from clipper.models import Edition, EditionSection
from clipper.edition.pdf import PdfInfo, render_pdf
from clipper.store.archive import Archive

logger = logging.getLogger(__name__)

FORMATS = ("csv", "jsonl", "pdf")
# A themed volume past this many clippings is refused (≈ 1 page per clipping; reportlab
# builds ~290 pages/s, so 1,500 clippings take a few seconds, not minutes).
MAX_VOLUME_ITEMS = 1500
_BATCH = 500


class ExportError(ClipperError):
    """Results cannot be exported as asked."""


def iter_rows(archive: Archive, ids: Iterable[int]) -> Iterator[dict]:
    """Full article rows (with their other outlets) for ``ids``, in the given order."""
    batch: list[int] = []

    def flush() -> Iterator[dict]:
        marks = ",".join("?" * len(batch))
        rows = archive.query(
            "select *, (select group_concat(o.media, '; ') from articles o where o.story_id = "
            f"articles.story_id and o.id != articles.id) as outlets from articles where id in ({marks})", batch)
        by_id = {r["id"]: r for r in rows}
        yield from (by_id[i] for i in batch if i in by_id)

    for article_id in ids:
        batch.append(article_id)
        if len(batch) >= _BATCH:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def write_rows(rows: Iterable[dict], stream: TextIO, fmt: str) -> int:
    """Write rows as JSON Lines or CSV (the columns of `clipper export`); returns the count."""
    count = 0
    if fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(export_mod.row_to_dict(row), ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt != "csv":
        raise ExportError(f"format tidak dikenal: {fmt} (pilih csv atau jsonl)")
    writer = csv.DictWriter(stream, fieldnames=export_mod.CSV_FIELDS)
    writer.writeheader()
    for row in rows:
        writer.writerow(export_mod.row_to_csv(row))
        count += 1
    return count


def export_file(archive: Archive, ids: Iterable[int], path: str | Path, fmt: str) -> int:
    """Write the articles ``ids`` to ``path`` (csv or jsonl) atomically; returns the count."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"berkas {target} tidak dapat ditulis: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            count = write_rows(iter_rows(archive, ids), stream, fmt)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def build_volume(archive: Archive, config: Config, ids: list[int], title: str, *,
                 fetch_images: bool = False) -> Edition:
    """A themed volume: the articles ``ids`` as an Edition, one section per topic, by date.

    Raises:
        ExportError: no articles, or more than MAX_VOLUME_ITEMS.
    """
    if not ids:
        raise ExportError("Tidak ada artikel untuk dijadikan jilid.")
    if len(ids) > MAX_VOLUME_ITEMS:
        raise ExportError(f"Terlalu banyak artikel untuk satu jilid PDF ({len(ids)}; paling banyak "
                          f"{MAX_VOLUME_ITEMS}). Persempit pencarian.")
    rows = sorted(iter_rows(archive, ids), key=lambda r: (r["published_utc"] or r["day"], r["id"]))
    if fetch_images:
        images.ensure_cached(archive, [r["image_url"] for r in rows if r["image_url"]])
    labels = topic_labels(config)
    sections: dict[str, list] = {}
    for row in rows:
        topic = row["primary_topic"] or "lain"
        outlets = [m for m in (row.get("outlets") or "").split("; ") if m]
        sections.setdefault(topic, []).append(
            _item(row, labels, outlets, images.cached(archive, row["image_url"]) if row["image_url"] else None))
    order = list(config.edition.sections) + sorted(t for t in sections if t not in config.edition.sections)
    built = tuple(
        EditionSection(topic, config.edition.other_label if topic == "lain" else labels.get(topic, topic),
                       tuple(sections[topic]))
        for topic in order if topic in sections)
    last_day = max(r["day"] for r in rows)
    spec = config.edition
    return Edition(date=date.fromisoformat(last_day), number="Tematik", sections=built, title=title,
                   institution=tuple(spec.institution), logo_path=spec.logo or str(paths.resource("logo.png")),
                   editor=spec.responsible or config.editor.name)


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
