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
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate

from clipper.dates import WIB, long_date
from clipper.edition.pdf_article import article_story, signoff
from clipper.edition.pdf_front import cover, summary_page, toc
from clipper.edition.pdf_parts import (ACCENT, ALERT, GOLD, MUTED, PRINT, RULE, Anchor, Layout, form_name,
                                       make_styles)
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


def render_pdf(edition: Edition, out_path: str | Path, *, generated_at: datetime | None = None,
               layout: Layout = PRINT) -> PdfInfo:
    """Write the edition as a PDF, atomically (temporary file in the same folder, then replace).

    Args:
        edition: the approved clippings of one day, in sections.
        out_path: where the PDF goes; an existing file is replaced only on success.
        generated_at: the time printed on the cover (default: now, in WIB).
        layout: the page and type: PRINT (A4) or PHONE (pdf_parts).

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
            pages = _build(edition, tmp, generated_at, layout)
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
        footer = self._state["furniture_size"] - 0.5
        for key, right in self.page_refs.items():
            self.beginForm(form_name(key), -60, -6, 60, 16)
            self.setFont(face(SANS, bold=right), 9.5 if right else footer)
            self.setFillColor(ACCENT if right else MUTED)
            number = str(self.page_of.get(key, "–"))
            (self.drawRightString if right else self.drawString)(0, 0, number)
            self.endForm()
        super().save()


def _build(edition: Edition, path: Path, generated_at: datetime, layout: Layout) -> int:
    register_fonts()
    styles = make_styles(layout)
    entries = []
    for s_index, section in enumerate(edition.sections):
        for i_index, item in enumerate(section.items):
            entries.append((s_index, section, item, f"a{s_index}-{i_index}"))
    keys = {id(item): key for _, _, item, key in entries}
    story = cover(edition, styles, generated_at)
    story += [NextPageTemplate("body"), PageBreak()]
    story += summary_page(edition, keys, styles)
    story += toc(edition, keys, styles)  # summary_page ends with a page break when little room is left
    seen: set[int] = set()
    for s_index, section, item, key in entries:
        story.append(PageBreak())
        if s_index not in seen:
            seen.add(s_index)
            story.append(Anchor(f"s{s_index}", one_line(section.label, 100) or "Bagian", 0))
        last = key == entries[-1][3]
        story += article_story(item, section, key, styles, after=partial(signoff, edition, styles) if last else None)

    state: dict = {"furniture_size": layout.furniture_size}
    doc = BaseDocTemplate(
        str(path),
        pagesize=(layout.page_w, layout.page_h),
        leftMargin=layout.margin_x,
        rightMargin=layout.margin_x,
        topMargin=layout.margin_top,
        bottomMargin=layout.margin_bottom,
        title=f"{one_line(edition.title, 120)} No. {one_line(edition.number, 40)} — {long_date(edition.date)}",
        author=", ".join(one_line(x, 120) for x in edition.institution),
        subject=f"Kliping berita harian {long_date(edition.date)}",
        keywords=[one_line(s.label, 80) for s in edition.sections if s.items],
        creator="Clipper",
        lang="id-ID",
        initialFontName=face(SANS),
    )
    frame = Frame(layout.margin_x, layout.margin_bottom, layout.frame_w, layout.frame_h, 0, 0, 0, 0, id="body")
    doc.addPageTemplates(
        [
            PageTemplate("cover", [frame], onPage=partial(_decorate, edition, layout, cover=True)),
            PageTemplate("body", [frame], onPage=partial(_decorate, edition, layout)),
        ]
    )
    doc.build(story, canvasmaker=partial(_EditionCanvas, state=state))
    return state["pages"]


def _decorate(edition: Edition, layout: Layout, canv: _EditionCanvas, doc, *, cover: bool = False) -> None:
    """Running header (not on the cover), footer with "halaman X dari Y", DRAF mark."""
    canv.saveState()
    regular, bold = face(SANS), face(SANS, bold=True)
    size = layout.furniture_size
    left, right = layout.margin_x, layout.page_w - layout.margin_x
    top = layout.page_h - layout.margin_top * 0.57
    if edition.status != "final":
        _draft_mark(canv, layout, big=cover)
    if not cover:
        canv.setFont(bold, size)
        canv.setFillColor(ACCENT)
        revision = f" · Revisi {edition.revision}" if edition.revision else ""
        title = printable(f"{edition.title} · No. {edition.number}{revision}", 90)
        canv.drawString(left, top, title)
        canv.setFont(regular, size)
        canv.setFillColor(MUTED)
        canv.drawRightString(right, top, printable(long_date(edition.date)))
        tags = [("REVISI", ALERT)] if edition.kind == "ralat" else []
        tags += [("DRAF", GOLD)] if edition.status != "final" else []
        x = left + canv.stringWidth(title, bold, size) + 8
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
        canv.line(left, top - 5, right, top - 5)
    _footer(edition, layout, canv)
    canv.restoreState()


def _footer(edition: Edition, layout: Layout, canv: _EditionCanvas) -> None:
    y = layout.margin_bottom * 0.5
    size = layout.furniture_size - 0.5
    left, right = layout.margin_x, layout.page_w - layout.margin_x
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    canv.line(left, y + 10, right, y + 10)
    canv.setFont(face(SANS), size)
    canv.setFillColor(MUTED)
    label = f"halaman {canv.getPageNumber()} dari "
    canv.drawString(left, y, label)
    canv.page_refs["total"] = False
    canv.saveState()
    canv.translate(left + canv.stringWidth(label, face(SANS), size), y)
    canv.doForm(form_name("total"))
    canv.restoreState()
    lines = [printable(x, 60) for x in edition.institution if one_line(x)]
    room = right - left - canv.stringWidth(label + "0000", face(SANS), size)
    for footer in (" · ".join(lines[-2:]), " · ".join(lines[-1:])):  # a narrow page keeps what fits
        if canv.stringWidth(footer, face(SANS), size) <= room:
            canv.drawRightString(right, y, footer)
            break


def _draft_mark(canv: _EditionCanvas, layout: Layout, *, big: bool) -> None:
    canv.saveState()
    canv.setFillColor(GOLD, alpha=0.22 if big else 0.10)
    canv.setFont(face(SANS, bold=True), (150 if big else 110) * layout.page_w / PRINT.page_w)
    canv.translate(layout.page_w / 2, layout.page_h / 2)
    canv.rotate(45)
    canv.drawCentredString(0, -40 * layout.page_w / PRINT.page_w, "DRAF")
    canv.restoreState()
