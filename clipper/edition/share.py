"""The WhatsApp edition: a compact PDF for phones and a digest text to paste above it.

No WhatsApp API and no account: the two files are written to a folder and the editor shares
them by hand (or the app opens the folder). Which edition: the day's final one (the newest,
a ralat after the regular one) if there is one, else its draft.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clipper.config import Config
from clipper.dates import day_month_year, long_date
from clipper.edition.compile import edition_folder, edition_stem, live_edition
from clipper.errors import ClipperError, OutputError
from clipper.models import Edition, EditionItem, EditionSection, Narasumber
from clipper.safe_files import atomic_output
from clipper.store import articles, editions
from clipper.store.archive import Archive
from clipper.store.edition_records import EditionRecord
from clipper.store.images import cached_image
from clipper.textnorm import one_line

if TYPE_CHECKING:
    from clipper.edition.pdf import PdfInfo

logger = logging.getLogger(__name__)

DIGEST_MAX_CHARS = 4000  # what a WhatsApp message shows without "Baca selengkapnya" on most phones
TITLE_MAX_CHARS = 100  # a longer title is shortened with "…" in the digest
SHARE_FOLDER = "whatsapp"  # the app's folder for these files, inside the edition folder


class ShareError(ClipperError):
    """The WhatsApp edition cannot be made as asked."""


class ShareExists(ShareError):
    """A file to be written exists already (nothing was written)."""

    def __init__(self, paths: list[Path]):
        self.paths = paths
        names = ", ".join(str(p) for p in paths)
        super().__init__(f"berkas sudah ada dan tidak ditimpa: {names}")


@dataclass(frozen=True)
class SharePackage:
    """What was written for WhatsApp."""

    record: EditionRecord
    pdf: PdfInfo
    digest_path: Path
    digest_chars: int
    articles: int


def share_edition(archive: Archive, config: Config, day: str, out_dir: str | Path, *, force: bool = False,
                  generated_at: datetime | None = None) -> SharePackage:
    """Write the day's edition for WhatsApp into ``out_dir``: a phone PDF and a digest text.

    Args:
        archive: the archive holding the day's edition.
        config: the configuration (title, institution, sections of a draft).
        day: the edition's date, YYYY-MM-DD.
        out_dir: the folder (created when missing).
        force: replace files of the same name; without it an existing file stops everything.
        generated_at: the time printed on the PDF's cover (default: now).

    Raises:
        ShareError: no edition that day, nothing printed in it, or the folder cannot be written.
        ShareExists: a file of the same name is there and ``force`` is false (nothing written).
    """
    from clipper.edition.pdf import render_pdf  # reportlab: loaded only when a PDF is written
    from clipper.edition.pdf_parts import PHONE

    record = chosen_edition(archive, day)
    edition = edition_of(archive, config, record)
    if not edition.items:
        raise ShareError(f"edisi No. {record.number} tanggal {long_date(day)} tidak memuat artikel")
    folder = Path(out_dir)
    pdf_path, digest_path = (folder / name for name in share_names(record))
    existing = [p for p in (pdf_path, digest_path) if p.exists()]
    if existing and not force:
        raise ShareExists(existing)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ShareError(f"folder {folder} tidak dapat dibuat: {exc.strerror or exc}") from None
    info = render_pdf(edition, pdf_path, generated_at=generated_at, layout=PHONE)
    text = digest(edition, pdf_path.name)
    _write_text(digest_path, text)
    logger.info("WhatsApp edition %s: %s, %s", record.number, pdf_path, digest_path)
    return SharePackage(record, info, digest_path, len(text), len(edition.items))


def chosen_edition(archive: Archive, day: str) -> EditionRecord:
    """The day's newest final edition, else its newest draft.

    Raises:
        ShareError: the day has no edition.
    """
    records = editions.editions_of(archive, day)
    finals = [r for r in records if r.status == "final"]
    if finals:
        return finals[-1]
    if records:
        return records[-1]
    raise ShareError(f"belum ada edisi tanggal {long_date(day)}; susun dulu dengan "
                     f"`clipper compile --date {day}` (atau \"Susun kliping\" di aplikasi)")


def share_names(record: EditionRecord) -> tuple[str, str]:
    """The PDF's and the digest's file names (a draft's say so)."""
    stem = edition_stem(record)
    return f"{stem}-whatsapp.pdf", f"{stem}-whatsapp.txt"


def share_folder(config: Config, archive_path: str | Path) -> Path:
    """Where the app writes the WhatsApp files: "whatsapp" in the edition folder (a PostgreSQL
    address, a str, has no folder beside it)."""
    return edition_folder(config, archive_path if isinstance(archive_path, Path) else None) / SHARE_FOLDER


def edition_of(archive: Archive, config: Config, record: EditionRecord) -> Edition:
    """The content of an edition: a final one as it was frozen (its photos from the archive),
    a draft as it stands now."""
    if record.status == "final":
        frozen = editions.final_content(archive, record.id)
        if frozen:
            return with_images(archive, edition_from_snapshot(frozen))
    return replace(live_edition(archive, config, record), status=record.status)


def edition_from_snapshot(data: dict[str, Any]) -> Edition:
    """An Edition from the frozen content stored at finalisation (clipper.edition.compile)."""
    known = {f.name for f in fields(EditionItem)}

    def item(raw: dict[str, Any]) -> EditionItem:
        values = {k: v for k, v in raw.items() if k in known}
        values["published_at"] = datetime.fromisoformat(raw["published_at"]) if raw.get("published_at") else None
        values["narasumber"] = tuple(Narasumber(n.get("name", ""), n.get("role")) for n in raw.get("narasumber") or ())
        for name in ("tags", "also_in"):
            values[name] = tuple(raw.get(name) or ())
        return EditionItem(**values)

    sections = tuple(EditionSection(s["topic"], s["label"], tuple(item(i) for i in s.get("items") or ()))
                     for s in data.get("sections") or ())
    approved = data.get("approved_at")
    base = Edition(date=date.fromisoformat(data["date"]), number=data["number"], sections=sections)
    return replace(base, status=data.get("status", "final"), kind=data.get("kind", "regular"),
                   corrects=data.get("corrects"), revision=int(data.get("revision") or 0), title=data.get("title") or base.title,
                   institution=tuple(data.get("institution") or base.institution), logo_path=data.get("logo_path"),
                   editor=data.get("editor"), approved_at=datetime.fromisoformat(approved) if approved else None)


def with_images(archive: Archive, edition: Edition) -> Edition:
    """The edition with each clipping's lead photo read from the archive (a snapshot keeps none)."""
    urls = {a.id: a.image_url for a in articles.articles_by_id(archive, [i.article_id for i in edition.items])}
    sections = tuple(replace(s, items=tuple(replace(i, image=cached_image(archive, urls.get(i.article_id)))
                                            for i in s.items)) for s in edition.sections)
    return replace(edition, sections=sections)


def digest(edition: Edition, pdf_name: str | None = None, limit: int = DIGEST_MAX_CHARS) -> str:
    """The message to paste above the PDF: title and date, then every printed title with its media.

    Titles over TITLE_MAX_CHARS end in "…"; when the list would pass ``limit`` characters its
    tail is summed up as "… dan N berita lain".
    """
    kind = f" · Revisi {edition.revision}" if edition.revision else ""
    kind += " (DRAF)" if edition.status != "final" else ""
    head = [f"*{one_line(edition.title, 120) or 'Kliping Berita Harian'}*", day_month_year(edition.date),
            f"No. {one_line(edition.number, 40)}{kind} · {len(edition.items)} berita", ""]
    tail = ["", f"Berkas lengkap: {pdf_name}"] if pdf_name else []
    lines = [f"{n}. {one_line(item.title, TITLE_MAX_CHARS) or '(tanpa judul)'} "
             f"({one_line(item.media, 60) or 'media tidak diketahui'})"
             for n, item in enumerate(edition.items, start=1)]
    shown = len(lines)
    while True:
        rest = len(lines) - shown
        more = [f"… dan {rest} berita lain (lihat PDF)"] if rest else []
        text = "\n".join(head + lines[:shown] + more + tail) + "\n"
        if len(text) <= limit or shown == 0:
            return text[:limit]
        shown -= 1


def _write_text(path: Path, text: str) -> None:
    try:
        with atomic_output(path, binary=True) as stream:
            stream.write(text.encode("utf-8"))
    except OutputError as exc:
        raise ShareError(str(exc)) from None
