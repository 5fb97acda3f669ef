"""`clipper harvest` and `clipper extract`: the harvest with its progress line and summary."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clipper.cli.common import command, open_archive, open_config, out, visible
from clipper.models import ExtractedArticle, HarvestResult, Progress

if TYPE_CHECKING:
    from clipper.store.records import SourceState

logger = logging.getLogger(__name__)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add this module's subcommands to the `clipper` parser."""
    p = sub.add_parser("harvest", help="panen semua sumber yang aktif")
    p.add_argument("--source", action="append", metavar="NAMA", help="hanya sumber ini (boleh berulang)")

    p = sub.add_parser("extract", help="ekstrak halaman HTML tersimpan (JSON per baris)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--url", help="URL asal halaman (untuk tautan relatif)")


# A saved page is read up to the harvest's default page cap (sources.yaml max_page_mb).
MAX_SAVED_PAGE_BYTES = 10 * 1024 * 1024

STATUS_WORDS = {"ok": "ok", "not_modified": "tak berubah", "failed": "GAGAL", "cancelled": "batal",
                "interrupted": "terputus"}




class ProgressLine:
    """A one-line progress display on a terminal (nothing when not a terminal)."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.enabled = stream.isatty()
        self.width = 0

    def show(self, step: Progress) -> None:
        if not self.enabled or step.total <= 0:
            return
        filled = int(20 * min(step.done, step.total) / step.total)
        text = f"\r[{'#' * filled}{'.' * (20 - filled)}] {step.done}/{step.total} {step.source or ''}"
        if step.message:
            text += f": {visible(step.message)}"
        text = text[:110]
        self.stream.write(text.ljust(self.width))
        self.width = len(text)
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


# Failed pages listed under the summary (the rest are counted; all are in the archive).
MAX_PAGE_FAILURES_SHOWN = 10


def print_summary(result: HarvestResult, states: dict[str, SourceState] | None = None,
                  page_failures: list[tuple[str, str]] | None = None) -> None:
    """The per-source table printed at the end of a harvest, then the failed pages."""
    rows = [("SUMBER", "STATUS", "TAUTAN", "BARU", "GANDA", "GAGAL", "KETERANGAN")]
    for r in result.sources:
        reason = r.reason or ""
        state = (states or {}).get(r.source)
        streak = state.consecutive_failures if state else 0
        if r.status == "failed" and streak > 1:
            reason += f" (gagal {streak}× berturut-turut)"
        rows.append((r.source, STATUS_WORDS.get(r.status, r.status), str(r.links), str(r.new_articles),
                     str(r.duplicates), str(r.failed_pages), visible(reason)))
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    out(f"Ringkasan panen #{result.run_id}:")
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [row[i].rjust(widths[i]) for i in range(2, 6)]
        out("  " + "  ".join(cells) + ("  " + row[6] if row[6] else ""))
    if page_failures:
        out(f"Halaman gagal ({len(page_failures)}):")
        for source, message in page_failures[:MAX_PAGE_FAILURES_SHOWN]:
            out(f"  {source}: {visible(message)}")
        if len(page_failures) > MAX_PAGE_FAILURES_SHOWN:
            out(f"  … dan {len(page_failures) - MAX_PAGE_FAILURES_SHOWN} lagi (tercatat di arsip)")
    failed = len(result.failed_sources)
    word = "dibatalkan" if result.status == "cancelled" else "selesai"
    others = f" dan {result.other_pages} halaman lain (indeks, galeri, video, laporan langsung)" \
        if result.other_pages else ""
    out(f"Panen {word}: {result.new_articles} artikel baru{others} dari {len(result.sources)} sumber"
         + (f", {failed} sumber gagal (lihat KETERANGAN)." if failed else "."))


def run_harvest_cli(config, archive, names=None) -> HarvestResult:
    """Harvest with a progress line, then print the summary."""
    from clipper.dates import long_moment
    from clipper.harvest.run import run_harvest
    from clipper.harvest.runlog import close_dead_runs
    from clipper.store.runs import source_states
    for dead in close_dead_runs(archive):  # never "running" forever: shown once as terputus
        started = long_moment(datetime.fromisoformat(dead.started_at))
        out(f"Catatan: panen #{dead.id} (mulai {started}) {STATUS_WORDS['interrupted']}: prosesnya berhenti "
            "sebelum selesai; yang sudah tersimpan tetap ada.")
    line = ProgressLine()
    result = None
    failures: list[tuple[str, str]] = []
    try:
        for step in run_harvest(config, archive, sources=names):
            if step.stage == "done":
                result = step.result
            else:
                if step.stage == "page_error":
                    failures.append((step.source or "", step.message or ""))
                line.show(step)
    finally:
        line.clear()
    assert isinstance(result, HarvestResult)
    print_summary(result, source_states(archive), failures)
    return result


def extracted_to_dict(article: ExtractedArticle) -> dict:
    """An extraction result as JSON-ready data."""
    data = asdict(article)
    data["published_at"] = article.published_at.isoformat() if article.published_at else None
    data["next_pages"] = list(article.next_pages)
    return data


@command("harvest")
def cmd_harvest(args: argparse.Namespace) -> int:
    from clipper.harvest.workers import prestart_workers
    config = open_config(args)
    prestart_workers(len(config.enabled_sources(args.source)))  # overlaps the archive and our imports
    with open_archive(args) as archive:
        out(f"Memanen ke arsip {archive.label}")
        run_harvest_cli(config, archive, args.source)
    return 0


@command("extract")
def cmd_extract(args: argparse.Namespace) -> int:
    from clipper.errors import ClipperError, ExtractionError
    from clipper.extract.hints import hints_by_site, hints_for_url
    from clipper.extract.reader import extract_article
    from clipper.safe_files import os_reason, read_limited
    by_site = hints_by_site(open_config(args).sources) if args.url else {}  # the medium's hints, if any
    status = 0
    for path in args.files:
        url = args.url or path.resolve().as_uri()
        try:
            article = extract_article(read_limited(path, MAX_SAVED_PAGE_BYTES), url, hints=hints_for_url(url, by_site))
        except OSError as exc:
            print(f"clipper: {path}: {os_reason(exc)}", file=sys.stderr)
            status = 1
            continue
        except ExtractionError as exc:
            out(json.dumps({"file": str(path), "url": url, "error": exc.reason}, ensure_ascii=False))
            status = 1
            continue
        except ClipperError as exc:  # not a regular file (/dev/zero, a FIFO), or too large
            print(f"clipper: {path}: {exc}", file=sys.stderr)
            status = 1
            continue
        out(json.dumps({"file": str(path), **extracted_to_dict(article)}, ensure_ascii=False))
    return status


