"""Editions: the approved articles of one day, numbered, compiled to PDF, frozen when final."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from clipper import paths
from clipper.classify.rules import topic_labels
from clipper.config import Config
from clipper.errors import ClipperError
from clipper.models import Edition, EditionItem, EditionSection
from clipper.safe_files import check_target
from clipper.store import edition_members, editions
from clipper.store.archive import Archive
from clipper.store.edition_records import EditionRecord
from clipper.store.images import cached_image
from clipper.store.records import Article

if TYPE_CHECKING:
    from clipper.edition.pdf import PdfInfo

logger = logging.getLogger(__name__)

OTHER_SECTION = "lain"  # the section of articles whose topic has no section of its own


class EditionError(ClipperError):
    """An edition cannot be built, compiled or changed as asked."""


def edition_item(article: Article, labels: dict[str, str], image: bytes | None) -> EditionItem:
    """One clipping of an article (its story's other media from ``article.outlets``)."""
    return EditionItem(
        article_id=article.id, title=article.title, media=article.media, url=article.url, text=article.text,
        published_at=article.published_at, rubrik=article.rubrik, author=article.author,
        topic_label=labels.get(article.primary_topic or "", None), tags=article.tags, tone=article.tone,  # only a tone the editor confirmed is printed
        narasumber=article.narasumber, summary=article.summary, image=image, also_in=article.outlets,
        highlight=article.highlight, kind=article.kind,
    )


def section_order(config: Config, labels: dict[str, str]) -> list[str]:
    """The sections of an edition, in order: the configured topics, then the other topics.

    An article goes to its primary topic's section (section_for); "Lain-lain" comes last.
    """
    sections = list(config.edition.sections)
    return sections + [t for t in labels if t not in sections]


def section_for(topic: str | None, order: list[str]) -> str:
    """The section of an article with this primary topic."""
    return topic if topic in order else OTHER_SECTION


def sections_of(items: list[tuple[str | None, EditionItem]], config: Config,
                labels: dict[str, str]) -> tuple[EditionSection, ...]:
    """Clippings in their sections (section_order), each in the order given.

    ``items``: (primary topic, clipping) pairs.
    """
    order = section_order(config, labels)
    grouped: dict[str, list[EditionItem]] = {}
    for topic, item in items:
        grouped.setdefault(section_for(topic, order), []).append(item)
    ranked = sorted(grouped, key=lambda t: order.index(t) if t in order else len(order))
    other = config.edition.other_label
    return tuple(EditionSection(t, other if t == OTHER_SECTION else labels.get(t, t), tuple(grouped[t]))
                 for t in ranked)


def printed_articles(archive: Archive, day: str, *, revising: list[int] | None = None) -> list[Article]:
    """The articles the edition of ``day`` prints, in the editor's order: those it holds
    (clipper.store.edition_members), a syndicated story once. The printed copy of a story is the
    one the editor chose, else the fullest text, else the earliest; its "Juga dimuat" names the
    story's other media (a medium's second copy of its own story is the same article)."""
    return printed_of(edition_members.edition_candidates(archive, day, revising=revising))


def printed_of(candidates: list[Article]) -> list[Article]:
    """Of an edition's candidate articles, the printed ones: a story once (see printed_articles)."""
    groups: dict[int, list[Article]] = {}
    for article in candidates:
        groups.setdefault(article.story_id or -article.id, []).append(article)
    return [max(copies, key=_lead_rank) for copies in groups.values()]


def _lead_rank(article: Article) -> tuple:
    return (article.story_lead, len(article.text or ""), _earliest(article.published_utc), -article.id)


def _earliest(moment: str | None) -> float:
    try:
        return -datetime.fromisoformat(moment).timestamp() if moment else float("-inf")
    except ValueError:
        return float("-inf")


def build_edition(archive: Archive, config: Config, day: str, *, number: str = "—",
                  revising: list[int] | None = None, articles: list[Article] | None = None) -> Edition:
    """The live edition of ``day`` from the archive (not stored; see compile_edition);
    ``articles``: its printed articles when already read (printed_articles).

    Lead images are read from the archive: fetching them is the harvest's (clipper.harvest.images).
    """
    labels = topic_labels(config)
    items = [(a.primary_topic, edition_item(a, labels, cached_image(archive, a.image_url)))
             for a in (articles if articles is not None else printed_articles(archive, day, revising=revising))]
    return titled_edition(config, date.fromisoformat(day), number, sections_of(items, config, labels))


def titled_edition(config: Config, day: date, number: str, sections: tuple[EditionSection, ...],
                   title: str | None = None) -> Edition:
    """An Edition with the configured title, institution, logo and penanggung jawab."""
    spec = config.edition
    return Edition(date=day, number=number, sections=sections, title=title or spec.title,
                   institution=tuple(spec.institution), logo_path=spec.logo or str(paths.resource("logo.png")),
                   editor=spec.responsible or config.editor.name)


def _output_path(archive: Archive, config: Config, record: EditionRecord, out: Path | None) -> Path:
    if out is not None:
        # Stored in the archive, so absolute; only the folder is resolved: the file itself is never
        # followed (a symlink there is refused when the PDF is written, not overwritten through).
        return Path(out).parent.resolve() / Path(out).name
    return edition_folder(config, archive.path) / f"{edition_stem(record)}.pdf"


def edition_folder(config: Config, archive_file: Path | None) -> Path:
    """Where editions are written: the configured folder, else "edisi" beside the SQLite file
    (PostgreSQL, no file: in the user's data folder)."""
    if config.edition.output_dir:
        return Path(config.edition.output_dir)
    return (archive_file.parent if archive_file else paths.user_data_dir()) / "edisi"


def edition_stem(record: EditionRecord) -> str:
    """An edition's file name without extension: day, number, and whether draft or revision."""
    suffix = ("-draf" if record.status != "final" else "") + (f"-revisi-{record.revision}" if record.revision else "")
    return f"kliping-{record.day}-no-{record.number.replace('/', '-')}{suffix}"


def _draft_for(archive: Archive, config: Config, day: str, kind: str) -> EditionRecord:
    """The day's open draft of this kind, numbered on first use."""
    for record in editions.editions_of(archive, day):
        if record.kind == kind and record.status == "draft":
            return record
    corrects = None
    if kind == "ralat":
        finals = _finals(archive, day)
        if not finals:
            raise EditionError(f"belum ada edisi final tanggal {day}; revisi hanya untuk edisi final")
        corrects = finals[-1].id
    return editions.create_edition(archive, day=day, kind=kind, number_format=config.edition.number_format,
                                   number_start=config.edition.number_start, corrects=corrects,
                                   editor=config.editor.name)


def compile_edition(archive: Archive, config: Config, day: str, *, out: Path | None = None,
                    final: bool = False, ralat: bool = False) -> tuple[EditionRecord, PdfInfo]:
    """Build the day's edition and write its PDF; ``final`` freezes it.

    A final edition is never rebuilt: compiling it again returns its stored PDF (after
    checking its SHA-256). A correction after that is a new "ralat" edition.

    Raises:
        EditionError: nothing approved that day, or a final edition's PDF went missing.
        OutputError: ``out`` is a symlink, a device or a folder, or its folder does not exist.
        BusyError: another process is still compiling this day's edition after a while (a
            second compile waits for the first, then finds its edition).
    """
    archive.require_writer()
    with editions.compile_lock(archive, day):
        return _compile(archive, config, day, out, final, ralat)


def live_edition(archive: Archive, config: Config, record: EditionRecord, revising: list[int] | None = None,
                 articles: list[Article] | None = None) -> Edition:
    """What an unfrozen edition holds now; a revision ("ralat") holds it against the day's final
    editions (``revising``, looked up when not given); ``articles`` as in build_edition."""
    if record.kind == "ralat" and revising is None:
        revising = [r.id for r in _finals(archive, record.day)]
    edition = build_edition(archive, config, record.day, number=record.number, revising=revising,
                            articles=articles)
    if record.kind != "ralat":
        return edition
    return replace(edition, kind="ralat", revision=record.revision,
                   corrects=editions.get_edition(archive, record.corrects).label)


def _compile(archive: Archive, config: Config, day: str, out: Path | None, final: bool,
             ralat: bool) -> tuple[EditionRecord, PdfInfo]:
    existing = [r for r in editions.editions_of(archive, day) if r.kind == ("ralat" if ralat else "regular")]
    if not ralat and existing and existing[-1].status == "final":
        return existing[-1], _verify_final(existing[-1])
    revising = [r.id for r in _finals(archive, day)] if ralat else None
    printed = printed_articles(archive, day, revising=revising)
    if not printed:
        raise EditionError(empty_reason(archive, day))
    record = _draft_for(archive, config, day, "ralat" if ralat else "regular")
    edition = live_edition(archive, config, record, revising, printed)
    finalized_at = datetime.now(UTC) if final else None
    edition = replace(edition, status="final" if final else "draft", approved_at=finalized_at)
    record = replace(record, status="final" if final else "draft")
    from clipper.edition.pdf import render_pdf  # reportlab: loaded only when a PDF is written
    target = _output_path(archive, config, record, out)
    if out is None:  # the archive's own edition folder is made when needed; a folder given is never
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise EditionError(f"folder {target.parent} tidak dapat dibuat: {exc.strerror or exc}") from None
    check_target(target)  # a refused target fails before the PDF is built (render_pdf checks again)
    info = render_pdf(edition, target)
    stored = editions.record_pdf(
        archive, record.id, path=str(info.path), sha256=info.sha256, size=info.size, pages=info.pages,
        articles=len(edition.items), editor=edition.editor, final_content=_snapshot(edition) if final else None,
        finalized_at=finalized_at.isoformat(timespec="seconds") if finalized_at else None)
    return stored, info


def _finals(archive: Archive, day: str) -> list[EditionRecord]:
    """The day's final editions, oldest first (the regular one, then its revisions)."""
    return [r for r in editions.editions_of(archive, day) if r.status == "final"]


def empty_reason(archive: Archive, day: str) -> str:
    """Why the edition of ``day`` would hold no article, as the editor reads it."""
    waiting = edition_members.waiting_elsewhere(archive, day)
    reason = f"Tidak ada artikel yang disetujui untuk edisi tanggal {day} di luar edisi final; kliping tidak dibuat."
    if waiting["later"]:
        reason += (f" {waiting['later']} artikel disetujui bertanggal sesudah {day}: masuk edisi tanggal "
                   "terbitnya.")
    if waiting["in_final"]:
        reason += f" {waiting['in_final']} artikel tanggal ini sudah ada di edisi final."
    return reason


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
    from clipper.edition.pdf import PdfInfo
    path = Path(record.pdf_path or "")
    if not path.is_file():
        raise EditionError(f"PDF edisi final No. {record.number} tidak ditemukan: {path}")
    content = path.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    if digest != record.pdf_sha256:
        raise EditionError(f"PDF edisi final No. {record.number} telah berubah (SHA-256 tidak cocok): {path}")
    return PdfInfo(path, record.pages or 0, digest, len(content))
