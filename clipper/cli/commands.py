"""The command-line commands (registered into clipper.cli.main)."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys

from clipper.search import rows as export_mod
from clipper.cli.main import _archive, _config, command
from clipper.models import HarvestResult, Progress

logger = logging.getLogger(__name__)

STATUS_WORDS = {"ok": "ok", "not_modified": "tak berubah", "failed": "GAGAL", "cancelled": "batal"}


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


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
            text += f": {step.message}"
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


def print_summary(result: HarvestResult, states: dict[str, dict] | None = None,
                  page_failures: list[tuple[str, str]] | None = None) -> None:
    """The per-source table printed at the end of a harvest, then the failed pages."""
    rows = [("SUMBER", "STATUS", "TAUTAN", "BARU", "GANDA", "GAGAL", "KETERANGAN")]
    for r in result.sources:
        reason = r.reason or ""
        streak = (states or {}).get(r.source, {}).get("consecutive_failures") or 0
        if r.status == "failed" and streak > 1:
            reason += f" (gagal {streak}× berturut-turut)"
        rows.append((r.source, STATUS_WORDS.get(r.status, r.status), str(r.links), str(r.new_articles),
                     str(r.duplicates), str(r.failed_pages), reason))
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    _out(f"Ringkasan panen #{result.run_id}:")
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [row[i].rjust(widths[i]) for i in range(2, 6)]
        _out("  " + "  ".join(cells) + ("  " + row[6] if row[6] else ""))
    if page_failures:
        _out(f"Halaman gagal ({len(page_failures)}):")
        for source, message in page_failures[:MAX_PAGE_FAILURES_SHOWN]:
            _out(f"  {source}: {message}")
        if len(page_failures) > MAX_PAGE_FAILURES_SHOWN:
            _out(f"  … dan {len(page_failures) - MAX_PAGE_FAILURES_SHOWN} lagi (tercatat di arsip)")
    failed = len(result.failed_sources)
    word = "dibatalkan" if result.status == "cancelled" else "selesai"
    _out(f"Panen {word}: {result.new_articles} artikel baru dari {len(result.sources)} sumber"
         + (f", {failed} sumber gagal (lihat KETERANGAN)." if failed else "."))


def run_harvest_cli(config, archive, names=None) -> HarvestResult:
    """Harvest with a progress line, then print the summary."""
    from clipper.harvest.run import run_harvest
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
    print_summary(result, archive.source_states(), failures)
    return result


@command("harvest")
def cmd_harvest(args: argparse.Namespace) -> int:
    from clipper.harvest.workers import prestart_workers
    config = _config(args)
    prestart_workers(len(config.enabled_sources(args.source)))  # overlaps the archive and our imports
    with _archive(args) as archive:
        _out(f"Memanen ke arsip {archive.path}")
        run_harvest_cli(config, archive, args.source)
    return 0


@command("extract")
def cmd_extract(args: argparse.Namespace) -> int:
    from clipper.errors import ExtractionError
    from clipper.extract.reader import extract_article
    status = 0
    for path in args.files:
        url = args.url or path.resolve().as_uri()
        try:
            article = extract_article(path.read_bytes(), url)
        except OSError as exc:
            print(f"clipper: {path}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        except ExtractionError as exc:
            _out(json.dumps({"file": str(path), "url": url, "error": exc.reason}, ensure_ascii=False))
            status = 1
            continue
        _out(json.dumps({"file": str(path), **export_mod.extracted_to_dict(article)}, ensure_ascii=False))
    return status


@command("list")
def cmd_list(args: argparse.Namespace) -> int:
    with _archive(args) as archive:
        rows = export_mod.select_articles(archive, status=args.status or "new", topic=args.topic,
                                          day=args.date, limit=args.limit)
    if args.json:
        for row in rows:
            _out(json.dumps(export_mod.row_to_dict(row, with_text=False), ensure_ascii=False))
        return 0
    if not rows:
        _out("Tidak ada artikel yang cocok.")
        return 0
    for row in rows:
        topics = ",".join(json.loads(row["topics"] or "[]")) or "-"
        _out(f"{row['id']:>6}  {row['day']}  {row['status']:<10} {topics:<16} "
             f"{row['media'][:20]:<20}  {row['title'][:80]}")
    _out(f"{len(rows)} artikel.")
    return 0


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    with _archive(args) as archive:
        rows = _export_rows(archive, args)
        stream = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
        try:
            if args.format == "jsonl":
                count = 0
                for row in rows:
                    stream.write(json.dumps(export_mod.row_to_dict(row), ensure_ascii=False) + "\n")
                    count += 1
            else:
                writer = csv.DictWriter(stream, fieldnames=export_mod.CSV_FIELDS)
                writer.writeheader()
                count = 0
                for row in rows:
                    writer.writerow(export_mod.row_to_csv(row))
                    count += 1
        finally:
            if args.out:
                stream.close()
    if args.out:
        print(f"{count} artikel diekspor ke {args.out}", file=sys.stderr)
    return 0


def _export_rows(archive, args: argparse.Namespace):
    """All articles by status and dates, or through the search index when a search filter is given."""
    if not (args.query or args.topic or args.media or args.tag or args.tone):
        return export_mod.select_articles(archive, status=args.status, day_from=args.date_from,
                                          day_to=args.date_to, limit=None)
    from clipper.search import engine as search
    from clipper.search import export as search_export
    filters = search.SearchFilters(args.date_from, args.date_to, tuple(args.media), tuple(args.topic),
                                   tuple(args.tag), args.tone, () if args.status == "all" else (args.status,))
    search.index_pending(archive)
    return search_export.iter_rows(archive, search.iter_result_ids(archive, args.query or "", filters))


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    from clipper.cli.demo import run_demo
    return run_demo(args.out, report=_out)


@command("gui")
def cmd_gui(args: argparse.Namespace) -> int:
    from ui.app import main as gui_main
    argv = []
    if args.config:
        argv += ["--config", str(args.config)]
    if args.db:
        argv += ["--db", str(args.db)]
    return gui_main(argv)


def today_jakarta() -> str:
    from datetime import datetime

    from clipper.dates import WIB
    return datetime.now(WIB).date().isoformat()


@command("review")
def cmd_review(args: argparse.Namespace) -> int:
    from clipper.review.decisions import update_articles
    config = _config(args)
    if not any([args.decision, args.tag, args.tone, args.summary is not None, args.highlight is not None]):
        print("clipper: tidak ada yang diubah (pakai --approve, --reject, --tag, --tone, --summary …)",
              file=sys.stderr)
        return 2
    with _archive(args) as archive:
        change = update_articles(archive, args.ids, decision=args.decision, add_tags=args.tag,
                                 tone=args.tone, summary=args.summary, highlight=args.highlight,
                                 editor=config.editor.name)
        for article_id in change.ids:
            row = archive.get(article_id)
            _out(f"#{article_id} {row['status']}: {row['title'][:80]}")
    return 0


@command("compile")
def cmd_compile(args: argparse.Namespace) -> int:
    from clipper.edition.compile import compile_edition
    config = _config(args)
    day = args.date or today_jakarta()
    from clipper.edition.compile import approved_rows, editions_of
    with _archive(args) as archive:
        finals = [r for r in editions_of(archive, day) if r.status == "final" and r.kind == "regular"]
        record, info = compile_edition(archive, config, day, out=args.out, final=args.final,
                                       ralat=args.ralat)
        approved = len(approved_rows(archive, day))
    if finals and not args.ralat and record.id == finals[-1].id:
        print(f"clipper: edisi final No. {record.number} tanggal {day} sudah ada dan tidak diubah"
              + (f"; --out {args.out} diabaikan" if args.out else "")
              + (f"; {approved - (record.articles or 0)} artikel disetujui sesudahnya — pakai --ralat"
                 if approved != record.articles else ""), file=sys.stderr)
    state = {"draft": "draf", "final": "final"}[record.status]
    _out(f"Kliping No. {record.number} ({state}, {day}): {record.articles} artikel, {info.pages} halaman, "
         f"{info.size / 1024:.0f} KB")
    _out(f"PDF: {info.path}")
    if record.status == "final":
        _out(f"SHA-256: {info.sha256}")
    return 0


@command("reclassify")
def cmd_reclassify(args: argparse.Namespace) -> int:
    from clipper.harvest.run import make_classifier
    from clipper.classify.reclassify import apply_reclassify, plan_reclassify
    config = _config(args)
    classifier = make_classifier(config)
    with _archive(args) as archive:
        plan = plan_reclassify(archive, classifier, date_from=args.date_from)
        _out(f"{plan.checked} artikel diperiksa, {len(plan.changes)} berubah.")
        for label, groups in (("masuk", plan.entering()), ("keluar", plan.leaving())):
            for topic, changes in sorted(groups.items()):
                _out(f"  {topic}: {len(changes)} {label}")
                for change in changes[:10]:
                    _out(f"    #{change.article_id} {change.title[:70]}")
                if len(changes) > 10:
                    _out(f"    … dan {len(changes) - 10} lagi")
        if args.dry_run:
            _out("Uji coba (--dry-run): tidak ada yang diubah.")
            return 0
        applied = apply_reclassify(archive, plan)
    _out(f"{applied} artikel diperbarui; keputusan editor tidak diubah.")
    return 0
