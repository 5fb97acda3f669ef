"""Render an Edition as the daily clipping PDF (reportlab platypus, one layout pass)."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate

from clipper.dates import WIB, long_date
from clipper.edition.pdf_article import article_story, signoff
from clipper.edition.pdf_front import cover, summary_page, toc
from clipper.edition.pdf_parts import (ACCENT, ALERT, FRAME_H, FRAME_W, GOLD, MARGIN_BOTTOM, MARGIN_X, MUTED,
                                       PAGE_H, PAGE_W, RULE, Anchor, form_name, make_styles)
from clipper.edition.pdf_text import SANS, face, one_line, printable, register_fonts
from clipper.errors import OutputError, PdfError
from clipper.models import Edition
from clipper.safe_files import atomic_path, os_reason

logger = logging.getLogger(__name__)

rl_config.useA85 = 0  # ASCII85 costs ~2x build time and +25% size for nothing


@dataclass(frozen=True)
class PdfInfo:
    """What was written."""

    path: Path
    pages: int
    sha256: str
    size: int


def render_pdf(edition: Edition, out_path: str | Path, *, generated_at: datetime | None = None) -> PdfInfo:
    """Write the edition as a PDF, atomically (temporary file in the same folder, then replace).

    Args:
        edition: the approved clippings of one day, in sections.
        out_path: where the PDF goes; an existing file is replaced only on success.
        generated_at: the time printed on the cover (default: now, in WIB).

    Returns:
        PdfInfo with the final path, page count, SHA-256 and size in bytes.

    Raises:
        PdfError: the edition has no clippings, or the PDF could not be written.
    """
    if not edition.items:
        raise PdfError(
            f"Tidak ada artikel yang disetujui untuk tanggal {long_date(edition.date)}; "
            "kliping tidak dibuat."
        )
    out = Path(out_path)
    generated_at = generated_at or datetime.now(WIB)
    try:
        with atomic_path(out) as tmp:  # refuses symlinks, devices, folders; never a half-written PDF
            pages = _build(edition, tmp, generated_at)
            data = tmp.read_bytes()
    except (PdfError, OutputError):
        raise
    except OSError as exc:
        raise PdfError(f"PDF kliping No. {edition.number} tidak dapat ditulis ke {out}: {os_reason(exc)}") from exc
    except Exception as exc:
        logger.exception("PDF build failed for edition %s", edition.number)
        raise PdfError(f"PDF kliping No. {edition.number} gagal dibuat: {exc}") from exc
    info = PdfInfo(out, pages, hashlib.sha256(data).hexdigest(), len(data))
    logger.info("edition %s: %d pages, %d bytes -> %s", edition.number, pages, info.size, out)
    return info


class _EditionCanvas(Canvas):
    """A canvas that knows where anchors landed and fills page numbers in at save().

    ``page_of`` maps anchor keys to pages (filled while drawing); ``page_refs`` lists
    the keys whose number was drawn as a form XObject (daftar isi, footer total).
    """

    def __init__(self, *args, state: dict, **kw):
        super().__init__(*args, **kw)
        self.page_of: dict[str, int] = {}
        self.page_refs: dict[str, bool] = {}
        self._state = state

    def save(self):
        total = self.getPageNumber() - 1 if not self._code else self.getPageNumber()
        self._state["pages"] = total
        self.page_of["total"] = total
        for key, right in self.page_refs.items():
            self.beginForm(form_name(key), -60, -6, 60, 16)
            self.setFont(face(SANS, bold=right), 9.5 if right else 8)
            self.setFillColor(ACCENT if right else MUTED)
            number = str(self.page_of.get(key, "–"))
            (self.drawRightString if right else self.drawString)(0, 0, number)
            self.endForm()
        super().save()


def _build(edition: Edition, path: Path, generated_at: datetime) -> int:
    register_fonts()
    styles = make_styles()
    entries = []
    for s_index, section in enumerate(edition.sections):
        for i_index, item in enumerate(section.items):
            entries.append((s_index, section, item, f"a{s_index}-{i_index}"))
    keys = {id(item): key for _, _, item, key in entries}
    story = cover(edition, styles, generated_at)
    story += [NextPageTemplate("body"), PageBreak()]
    story += summary_page(edition, keys, styles)
    story += [PageBreak()] + toc(edition, keys, styles)
    seen: set[int] = set()
    for s_index, section, item, key in entries:
        story.append(PageBreak())
        if s_index not in seen:
            seen.add(s_index)
            story.append(Anchor(f"s{s_index}", one_line(section.label, 100) or "Bagian", 0))
        story += article_story(item, section, key, styles)
    story += signoff(edition, styles)

    state: dict = {}
    doc = BaseDocTemplate(
        str(path),
        pagesize=(PAGE_W, PAGE_H),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - MARGIN_BOTTOM - FRAME_H,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{one_line(edition.title, 120)} No. {one_line(edition.number, 40)} — {long_date(edition.date)}",
        author=", ".join(one_line(x, 120) for x in edition.institution),
        subject=f"Kliping berita harian {long_date(edition.date)}",
        keywords=[one_line(s.label, 80) for s in edition.sections if s.items],
        creator="Clipper",
        lang="id-ID",
        initialFontName=face(SANS),
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, 0, 0, 0, 0, id="body")
    decorate = partial(_decorate, edition)
    doc.addPageTemplates(
        [
            PageTemplate("cover", [frame], onPage=partial(_decorate, edition, cover=True)),
            PageTemplate("body", [frame], onPage=decorate),
        ]
    )
    doc.build(story, canvasmaker=partial(_EditionCanvas, state=state))
    return state["pages"]


def _decorate(edition: Edition, canv: _EditionCanvas, doc, *, cover: bool = False) -> None:
    """Running header (not on the cover), footer with "halaman X dari Y", DRAF mark."""
    canv.saveState()
    regular, bold = face(SANS), face(SANS, bold=True)
    top = PAGE_H - 13 * mm
    if edition.status != "final":
        _draft_mark(canv, big=cover)
    if not cover:
        canv.setFont(bold, 8.5)
        canv.setFillColor(ACCENT)
        title = printable(f"{edition.title} · No. {edition.number}", 90)
        canv.drawString(MARGIN_X, top, title)
        canv.setFont(regular, 8.5)
        canv.setFillColor(MUTED)
        canv.drawRightString(PAGE_W - MARGIN_X, top, printable(long_date(edition.date)))
        tags = [("RALAT", ALERT)] if edition.kind == "ralat" else []
        tags += [("DRAF", GOLD)] if edition.status != "final" else []
        x = MARGIN_X + canv.stringWidth(title, bold, 8.5) + 8
        for text, color in tags:
            width = canv.stringWidth(text, bold, 7) + 6
            canv.setFillColor(color)
            canv.rect(x, top - 2, width, 10.5, stroke=0, fill=1)
            canv.setFillColor(colors.white)
            canv.setFont(bold, 7)
            canv.drawString(x + 3, top + 0.6, text)
            x += width + 4
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, top - 5, PAGE_W - MARGIN_X, top - 5)
    _footer(edition, canv)
    canv.restoreState()


def _footer(edition: Edition, canv: _EditionCanvas) -> None:
    y = MARGIN_BOTTOM - 10 * mm
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    canv.line(MARGIN_X, y + 10, PAGE_W - MARGIN_X, y + 10)
    canv.setFont(face(SANS), 8)
    canv.setFillColor(MUTED)
    label = f"halaman {canv.getPageNumber()} dari "
    canv.drawString(MARGIN_X, y, label)
    canv.page_refs["total"] = False
    canv.saveState()
    canv.translate(MARGIN_X + canv.stringWidth(label, face(SANS), 8), y)
    canv.doForm(form_name("total"))
    canv.restoreState()
    lines = [x for x in edition.institution if one_line(x)]
    footer = " · ".join(printable(x, 60) for x in lines[-2:])
    canv.drawRightString(PAGE_W - MARGIN_X, y, footer)


def _draft_mark(canv: _EditionCanvas, *, big: bool) -> None:
    canv.saveState()
    canv.setFillColor(GOLD, alpha=0.22 if big else 0.10)
    canv.setFont(face(SANS, bold=True), 150 if big else 110)
    canv.translate(PAGE_W / 2, PAGE_H / 2)
    canv.rotate(45)
    canv.drawCentredString(0, -40, "DRAF")
    canv.restoreState()
