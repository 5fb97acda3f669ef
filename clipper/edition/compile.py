"""Editions: the approved articles of one day, numbered, compiled to PDF, frozen when final."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clipper import paths
from clipper.config import Config
from clipper.dates import parse_date
from clipper.errors import ClipperError
from clipper.models import Edition, EditionItem, EditionSection, Narasumber
from clipper.store.archive import Archive, dumps, now_utc

if TYPE_CHECKING:
    from clipper.edition.pdf import PdfInfo

logger = logging.getLogger(__name__)


class EditionError(ClipperError):
    """An edition cannot be built, compiled or changed as asked."""


@dataclass(frozen=True)
class EditionRecord:
    """One row of the editions table."""

    id: int
    day: str
    number: str
    kind: str
    status: str
    pdf_path: str | None = None
    pdf_sha256: str | None = None
    pages: int | None = None
    articles: int | None = None
    finalized_at: str | None = None
    corrects: int | None = None


def _record(row: dict) -> EditionRecord:
    return EditionRecord(row["id"], row["day"], row["number"], row["kind"], row["status"],
                         row["pdf_path"], row["pdf_sha256"], row["pages"], row["articles"],
                         row["finalized_at"], row["corrects"])


def editions_of(archive: Archive, day: str) -> list[EditionRecord]:
    """The editions of a day, oldest first."""
    return [_record(r) for r in archive.query("select * from editions where day = ? order by id", [day])]


def list_editions(archive: Archive, limit: int = 100) -> list[EditionRecord]:
    return [_record(r) for r in archive.query("select * from editions order by day desc, id desc limit ?", [limit])]


def _item(row: dict, labels: dict[str, str], outlets: list[str], image: bytes | None) -> EditionItem:
    published = parse_date(row["published_at"]) if row["published_at"] else None
    narasumber = tuple(Narasumber(n[0], n[1]) for n in json.loads(row["narasumber"] or "[]"))
    return EditionItem(
        article_id=row["id"], title=row["title"], media=row["media"], url=row["url"], text=row["text"],
        published_at=published, rubrik=row["rubrik"], author=row["author"],
        topic_label=labels.get(row["primary_topic"] or "", None),
        tags=tuple(json.loads(row["tags"] or "[]")), tone=row["tone"] or row["tone_suggested"],
        narasumber=narasumber, summary=row["summary"], image=image, also_in=tuple(outlets),
        highlight=bool(row["highlight"]),
    )


def approved_rows(archive: Archive, day: str) -> list[dict]:
    """The approved articles of a day in the editor's order (then published time)."""
    return archive.query(
        "select * from articles where day = ? and status = 'approved' "
        "order by position is null, position, published_utc, id", [day])


def build_edition(archive: Archive, config: Config, day: str, *, number: str = "—",
                  fetch_images: bool = True) -> Edition:
    """The live edition of ``day`` from the archive (not stored; see compile_edition)."""
    from clipper.harvest import images  # the fetch stack: loaded only when an edition is built
    rows = approved_rows(archive, day)
    if fetch_images:
        images.ensure_cached(archive, [r["image_url"] for r in rows if r["image_url"]])
    from clipper.classify.rules import topic_labels
    labels = topic_labels(config)
    spec = config.edition
    order = [t for t in spec.sections] + [t for t in labels if t not in spec.sections]
    sections: dict[str, list[EditionItem]] = {t: [] for t in spec.sections}
    for row in rows:
        outlets = [o["media"] for o in archive.outlets(row["story_id"]) if o["id"] != row["id"]] \
            if row["story_id"] else []
        topic = row["primary_topic"] if row["primary_topic"] in order else "lain"
        sections.setdefault(topic, []).append(
            _item(row, labels, outlets, images.cached(archive, row["image_url"])))
    built = tuple(
        EditionSection(topic, spec.other_label if topic == "lain" else labels.get(topic, topic), tuple(items))
        for topic, items in sorted(sections.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 999)
        if items)
    logo = spec.logo or str(paths.resource("logo.png"))
    return Edition(date=date.fromisoformat(day), number=number, sections=built, title=spec.title,
                   institution=tuple(spec.institution), logo_path=logo,
                   editor=spec.responsible or config.editor.name)


def _next_number(archive: Archive, config: Config, year: int) -> tuple[int, str]:
    row = archive.query("select max(seq) as seq from editions where year = ?", [year])[0]
    seq = max((row["seq"] or 0) + 1, config.edition.number_start)
    return seq, config.edition.number_format.format(seq=seq, year=year)


def _output_path(archive: Archive, config: Config, record: EditionRecord, out: Path | None) -> Path:
    if out is not None:
        return Path(out).resolve()  # stored in the archive: valid from any working directory
    folder = Path(config.edition.output_dir) if config.edition.output_dir else archive.path.parent / "edisi"
    suffix = {"draft": "-draf", "final": ""}[record.status] + ("-ralat" if record.kind == "ralat" else "")
    return folder / f"kliping-{record.day}-no-{record.number.replace('/', '-')}{suffix}.pdf"


def _draft_for(archive: Archive, config: Config, day: str, kind: str) -> EditionRecord:
    """The day's open draft of this kind, numbered on first use."""
    for record in editions_of(archive, day):
        if record.kind == kind and record.status == "draft":
            return record
    year = int(day[:4])
    corrects = None
    if kind == "ralat":
        finals = [r for r in editions_of(archive, day) if r.status == "final"]
        if not finals:
            raise EditionError(f"belum ada edisi final tanggal {day}; ralat hanya untuk edisi final")
        corrects = finals[-1].id
    with archive.write() as db:
        seq, number = _next_number(archive, config, year)
        new_id = db["editions"].insert({"day": day, "kind": kind, "seq": seq, "year": year, "number": number,
                                        "status": "draft", "corrects": corrects, "created_at": now_utc(),
                                        "editor": config.editor.name}).last_pk
    return _record(archive.query("select * from editions where id = ?", [new_id])[0])


def compile_edition(archive: Archive, config: Config, day: str, *, out: Path | None = None,
                    final: bool = False, ralat: bool = False) -> tuple[EditionRecord, PdfInfo]:
    """Build the day's edition and write its PDF; ``final`` freezes it.

    A final edition is never rebuilt: compiling it again returns its stored PDF (after
    checking its SHA-256). A correction after that is a new "ralat" edition.

    Raises:
        EditionError: nothing approved that day, or a final edition's PDF went missing.
    """
    existing = [r for r in editions_of(archive, day) if r.kind == ("ralat" if ralat else "regular")]
    if not ralat and existing and existing[-1].status == "final":
        return existing[-1], _verify_final(existing[-1])
    if not approved_rows(archive, day):
        raise EditionError(f"Tidak ada artikel yang disetujui untuk tanggal {day}; kliping tidak dibuat.")
    record = _draft_for(archive, config, day, "ralat" if ralat else "regular")
    edition = build_edition(archive, config, day, number=record.number)
    if ralat:
        corrected = archive.query("select number from editions where id = ?", [record.corrects])[0]
        edition = replace(edition, kind="ralat", corrects=corrected["number"])
    finalized_at = datetime.now(UTC) if final else None
    edition = replace(edition, status="final" if final else "draft", approved_at=finalized_at)
    record = replace(record, status="final" if final else "draft")
    from clipper.edition.pdf import render_pdf  # reportlab: loaded only when a PDF is written
    target = _output_path(archive, config, record, out)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EditionError(f"folder {target.parent} tidak dapat dibuat: {exc.strerror or exc}") from None
    info = render_pdf(edition, target)
    values = {"pdf_path": str(info.path), "pdf_sha256": info.sha256, "pdf_size": info.size,
              "pages": info.pages, "articles": len(edition.items), "editor": edition.editor}
    if final:
        values.update(status="final", finalized_at=finalized_at.isoformat(timespec="seconds"),
                      content=dumps(_snapshot(edition)))
    with archive.write() as db:
        db["editions"].update(record.id, values)
    return _record(archive.query("select * from editions where id = ?", [record.id])[0]), info


def _snapshot(edition: Edition) -> dict:
    """The frozen content of a final edition (images are referenced, not copied)."""
    data = asdict(edition)
    for section in data["sections"]:
        for item in section["items"]:
            item["image"] = None
            item["published_at"] = item["published_at"].isoformat() if item["published_at"] else None
    data["date"] = edition.date.isoformat()
    data["approved_at"] = edition.approved_at.isoformat() if edition.approved_at else None
    return data


def _verify_final(record: EditionRecord):
    import hashlib

    from clipper.edition.pdf import PdfInfo
    path = Path(record.pdf_path or "")
    if not path.is_file():
        raise EditionError(f"PDF edisi final No. {record.number} tidak ditemukan: {path}")
    content = path.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    if digest != record.pdf_sha256:
        raise EditionError(f"PDF edisi final No. {record.number} telah berubah (SHA-256 tidak cocok): {path}")
    return PdfInfo(path, record.pages or 0, digest, len(content))


def final_content(archive: Archive, edition_id: int) -> dict | None:
    """The frozen content of a final edition, as stored at finalisation."""
    rows = archive.query("select content from editions where id = ?", [edition_id])
    return json.loads(rows[0]["content"]) if rows and rows[0]["content"] else None
