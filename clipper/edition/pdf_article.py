"""One clipping per article, and the sign-off that closes the edition."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, ImageAndFlowables, KeepInFrame, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import _listWrapOn

from clipper.edition.pdf_images import figure
from clipper.edition.pdf_parts import (ACCENT, QR_SIZE, RULE, TINT, TONE_COLORS, Anchor, Layout, Styles,
                                       qr_code)
from clipper.edition.pdf_text import (clean, link_target, markup, one_line, para, paragraphs, short_url,
                                      text_flowables, wib)
from clipper.models import ARTICLE, KIND_LABELS, Edition, EditionItem, EditionSection

logger = logging.getLogger(__name__)

MAX_TAGS = 20
MAX_NARASUMBER = 15
MAX_SUMMARY_CHARS = 1500  # keeps the boxed summary (a one-cell table) well under a page
UNTITLED = "(tanpa judul)"
BESIDE_PHOTO = 12  # at most this many paragraphs are offered to the column beside the photo
PHOTO_GAP = 12  # points between the text and the photo beside it

_scratch = threading.local()


def item_title(item: EditionItem) -> str:
    """The headline as printed (one line of text, capped)."""
    return one_line(item.title, 300) or UNTITLED


def article_story(item: EditionItem, section: EditionSection, key: str, styles: Styles,
                  after: Callable[[], list[Flowable]] | None = None) -> list[Flowable]:
    """The flowables of one clipping; the caller puts a PageBreak before it.

    A clipping that runs a little over one page (up to 1 / ``min_scale`` of it) is shrunk
    onto that page rather than leaving a few lines alone on the next. ``after`` makes what
    follows on the same page (the sign-off after the last clipping), fitted with it.
    """
    anchor = Anchor(key, one_line(item.title, 160) or UNTITLED, level=1)  # outside any box: a container skips it
    return [anchor] + fit_page(partial(_clipping, item, section, styles, after), styles.layout)


def _clipping(item: EditionItem, section: EditionSection, styles: Styles,
              after: Callable[[], list[Flowable]] | None) -> list[Flowable]:
    flow: list[Flowable] = [_band(item, section, styles), _header(item, styles)]
    summary = clean(item.summary, MAX_SUMMARY_CHARS).strip()
    if summary:
        flow.append(_summary_box(summary, styles))
    return flow + _body(item, styles) + (after() if after else [])


def fit_page(build: Callable[[], list[Flowable]], layout: Layout) -> list[Flowable]:
    """The flowables ``build`` makes, shrunk onto one page when they overflow one by a little.

    A shrunk clipping is laid out ``widen`` times as wide as the column (longer lines, so
    fewer) and drawn 1/``widen`` as big. Each trial measures a fresh build (measuring fixes
    a table's width at the first width it is given); the first ``widen`` is the overflow,
    the second either tightens it (secant through the two heights) or, when the first did
    not fit (a photo beside the text reflows unevenly), grows it by what still overflowed.
    """
    flow = build()
    room, width = layout.frame_h, layout.frame_w
    height = _measure(flow, width)[1]
    if not room < height <= room / layout.min_scale:
        return flow
    widen = height / room
    trial = build()
    tall = _measure(trial, width * widen)[1]
    fitted = (trial, widen) if tall / widen <= room else None
    if fitted:
        slope = (tall - height) / (widen - 1)  # the height's change per unit of widening
        widen = (height - slope) / (room - slope) if room != slope else widen
    else:
        widen *= tall / widen / room * 1.002
    if 1 < widen <= 1 / layout.min_scale and (not fitted or widen < fitted[1]):
        trial = build()
        if _measure(trial, width * widen)[1] / widen <= room:
            fitted = (trial, widen)
    if fitted is None:
        return flow  # not within min_scale after all: it takes its pages
    logger.debug("clipping shrunk to %.0f %% to fit one page", 100 / fitted[1])
    return [ShrunkClipping(*fitted)]


class ShrunkClipping(KeepInFrame):
    """A clipping laid out at ``widen`` times the column's width and drawn 1/``widen`` as big."""

    def __init__(self, content: list[Flowable], widen: float):
        super().__init__(0, 0, content, mode="shrink")
        self.widen = widen

    def wrap(self, avail_width, avail_height):
        width, height = _listWrapOn(self._content, avail_width * self.widen, self.canv)
        self._scale = self.widen  # read by KeepInFrame.drawOn
        self.width, self.height = width / self.widen, height / self.widen
        return self.width, self.height


def _measure(flow: list[Flowable], width: float) -> tuple[float, float]:
    """The width and height ``flow`` takes at ``width`` (on a canvas of this thread's that is
    never saved: the app may compile and share at once)."""
    if not hasattr(_scratch, "canvas"):
        _scratch.canvas = Canvas(BytesIO())
    return _listWrapOn(flow, width, _scratch.canvas)


def _body(item: EditionItem, styles: Styles) -> list[Flowable]:
    """The text, with the lead photo beside its first paragraphs (or above them on a phone)."""
    body: list[Flowable] = []
    for text in paragraphs(item.text):
        body.extend(text_flowables(text, styles.body, styles.rtl))
    if not body:
        body.append(Paragraph("<i>Teks lengkap tidak tersedia; lihat tautan sumber.</i>", styles.body))
    if item.also_in:
        outlets = ", ".join(one_line(m, 80) for m in item.also_in[:30])
        body.append(Spacer(1, 4))
        body.append(para(f"Juga dimuat di: {outlets}", styles.meta))
    photo = figure(item.image, item.media, styles)
    if photo is None:
        return body
    plain = 0  # paragraphs in the body font lead: Arabic lines are broken for the full column
    while plain < min(len(body), BESIDE_PHOTO) and getattr(body[plain], "style", None) is styles.body:
        plain += 1
    if styles.layout.photo_share >= 1 or not plain:
        return [photo] + body
    beside = ImageAndFlowables(photo, body[:plain], imageLeftPadding=PHOTO_GAP, imageRightPadding=0,
                               imageBottomPadding=6)
    return [beside] + body[plain:]


def _band(item: EditionItem, section: EditionSection, styles: Styles) -> Table:
    """The coloured strip on top: section / topic label and the tone marker."""
    label = one_line(section.label, 80).upper()
    topic = one_line(item.topic_label, 80)
    if topic and topic.upper() != label:
        label = f"{label} · {topic}"
    cells: list = [para(label, styles.label)]
    widths: list = ["*"]  # "*": the width the table is given (wider inside a shrunk clipping)
    tone = (item.tone or "").lower()
    style = [
        ("LINEBELOW", (0, 0), (-1, -1), 1.2, ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if tone in TONE_COLORS:
        cells.append(Paragraph(f'<font color="white"><b>NADA: {tone.upper()}</b></font>', styles.small))
        widths = ["*", 30 * mm]
        style += [("BACKGROUND", (1, 0), (1, 0), TONE_COLORS[tone]), ("ALIGN", (1, 0), (1, 0), "CENTER")]
    table = Table([cells], colWidths=widths)
    table.setStyle(TableStyle(style))
    return table


def _meta(item: EditionItem, styles: Styles) -> Paragraph:
    """One line (two when long): kind, media, time, rubrik, author."""
    when = wib(item.published_at) or "waktu terbit tidak diketahui"
    media = markup(one_line(item.media, 120) or "Media tidak diketahui")
    kind = f"<b>{KIND_LABELS[item.kind].upper()}</b> · " if item.kind in KIND_LABELS and item.kind != ARTICLE else ""
    parts = [f"{kind}<b>{media}</b>", markup(when)]
    if item.rubrik:
        parts.append(markup(f"Rubrik: {one_line(item.rubrik, 80)}"))
    if item.author:
        parts.append(markup(f"Penulis: {one_line(item.author, 120)}"))
    return Paragraph(" · ".join(parts), styles.meta)


def _header(item: EditionItem, styles: Styles) -> Table:
    """Headline, meta line, link, tags and narasumber; the link's QR code beside them on paper."""
    rows: list[Flowable] = [para(item_title(item), styles.headline), _meta(item, styles)]
    href = link_target(item.url)
    qr = qr_code(one_line(item.url, 2000)) if href and styles.layout.qr else None
    side = QR_SIZE + 8 * mm if qr is not None else 0
    # as much of the address as fits beside "Tautan:" (~0.55 em a character): never alone below it
    fits = int((styles.layout.frame_w - side - 40) / (styles.cell.fontSize * 0.55))
    shown = markup(short_url(item.url, max(30, fits))) or "—"
    if href:
        shown = f'<a href="{href}" color="#0B5D3B"><u>{shown}</u></a>'
    rows.append(Paragraph(f"<b>Tautan:</b> {shown}", styles.cell))
    if item.tags:
        tags = " · ".join(one_line(t, 60) for t in item.tags[:MAX_TAGS])
        rows.append(Paragraph(f"<b>Tag:</b> {markup(tags)}", styles.cell))
    if item.narasumber:
        people = [
            one_line(n.name, 80) + (f" — {one_line(n.role, 100)}" if n.role else "")
            for n in item.narasumber[:MAX_NARASUMBER]
        ]
        rows.append(Paragraph(f"<b>Narasumber:</b> {markup('; '.join(people))}", styles.cell))
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if qr is None:
        table = Table([[rows]], colWidths=["*"])
    else:
        caption = Paragraph("Pindai untuk membuka berita", styles.caption)
        table = Table([[rows, [Spacer(1, 4), qr, caption]]], colWidths=["*", side])
        style.append(("ALIGN", (1, 0), (1, 0), "CENTER"))
    table.setStyle(TableStyle(style))
    table.spaceAfter = 6
    return table


def _summary_box(summary: str, styles: Styles) -> Table:
    content = [Paragraph("Ringkasan", styles.box_title)]
    content += [para(" ".join(p.split()), styles.cell) for p in summary.split("\n") if p.strip()]
    box = Table([[content]], colWidths=["*"])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    box.spaceAfter = 8
    return box


def signoff(edition: Edition, styles: Styles) -> list[Flowable]:
    """The closing block: penanggung jawab and the approval time."""
    editor = one_line(edition.editor, 120) or "—"
    approved = (
        "Disetujui " + wib(edition.approved_at).replace(" ", "\u00a0")  # the moment on one line
        if edition.approved_at
        else "Belum disetujui (draf)"
    )
    note = para(
        "Kliping ini disusun untuk kalangan internal. Hak cipta setiap berita ada pada media "
        "penerbitnya; baca versi lengkap melalui tautan sumber.",
        styles.small,
    )
    block = [
        Paragraph("Penanggung jawab", styles.box_title),
        Spacer(1, 10),
        Paragraph(f"<b>{markup(editor)}</b>", styles.body),
        para(approved, styles.meta),
    ]
    table = Table([[note, block]], colWidths=["50%", "50%"])  # one table: never split from its rule
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("LEFTPADDING", (1, 0), (1, 0), 24),
            ]
        )
    )
    return [Spacer(1, 14), table]
