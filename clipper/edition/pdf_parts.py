"""Building blocks of the edition PDF: page layouts, styles, anchors, QR codes."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import qrcode
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from clipper.edition.pdf_text import SANS, face, rtl_style

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Layout:
    """The page and the type of one kind of edition PDF: A4 for print and desk, or a phone's."""

    name: str
    page_w: float
    page_h: float
    margin_x: float
    margin_top: float  # leaves room for the running header
    margin_bottom: float  # and for the footer
    body_size: float
    body_leading: float
    headline_size: float
    cover_size: float
    photo_share: float  # the lead photo's width as a share of the column; below 1 it stands beside the text
    photo_max_h: float
    image_max_px: int
    image_quality: int
    qr: bool  # a QR code of the link (paper); on a phone the link itself is tapped
    charts: bool  # the ringkasan's tables and charts
    min_scale: float  # a clipping a little longer than a page is shrunk to fit it, never below this
    furniture_size: float  # the running header and the footer

    @property
    def frame_w(self) -> float:
        return self.page_w - 2 * self.margin_x

    @property
    def frame_h(self) -> float:
        return self.page_h - self.margin_top - self.margin_bottom


# A4, one column. Chosen by looking at the pages and measuring bench/pdf.py --pages on real
# article lengths: 10 pt Noto Sans on 13.8 pt (about 90 characters a line), the lead photo
# beside the first paragraphs at 42 % of the column (a full-width photo took half a page),
# and a clipping up to 12 % longer than a page shrunk onto one (type never under 9 pt).
# 640 px across a 73 mm photo is ~220 dpi, sharp in print; quality 70 keeps it near 40-70 KB.
PRINT = Layout(
    name="print", page_w=A4[0], page_h=A4[1], margin_x=18 * mm, margin_top=21 * mm, margin_bottom=18 * mm,
    body_size=10, body_leading=13.8, headline_size=16, cover_size=30, photo_share=0.42, photo_max_h=62 * mm,
    image_max_px=640, image_quality=70, qr=True, charts=True, min_scale=0.9, furniture_size=8.5,
)
# A phone's page (WhatsApp): 100 x 178 mm (9:16) shown across a ~68 mm screen makes 10.5 pt
# type read like an app's body text, about 45 characters a line; the photo full width at
# 560 px (quality 60: 25-60 KB), no QR code (the link is tapped), no charts, no shrinking.
PHONE = Layout(
    name="phone", page_w=100 * mm, page_h=178 * mm, margin_x=6 * mm, margin_top=13 * mm, margin_bottom=12 * mm,
    body_size=10.5, body_leading=14.5, headline_size=14, cover_size=22, photo_share=1.0, photo_max_h=70 * mm,
    image_max_px=560, image_quality=60, qr=False, charts=False, min_scale=1.0, furniture_size=7,
)

QR_MAX_URL = 600  # longer URLs make an unreadably dense code: print none
QR_SIZE = 19 * mm  # scans from paper at arm's length; 24 mm took a third of the header's height
QR_MASK = 2  # see qr_code()

ACCENT = colors.HexColor("#0B5D3B")
GOLD = colors.HexColor("#C9A227")
INK = colors.HexColor("#1D1D1B")
MUTED = colors.HexColor("#5F6B66")
RULE = colors.HexColor("#C8D3CD")
TINT = colors.HexColor("#EEF5F0")
ALERT = colors.HexColor("#B3261E")
TONE_COLORS = {
    "positif": colors.HexColor("#1E8E3E"),
    "netral": colors.HexColor("#7A7F85"),
    "negatif": colors.HexColor("#C62828"),
}


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of an edition, and its layout."""

    body: ParagraphStyle
    rtl: ParagraphStyle
    small: ParagraphStyle
    caption: ParagraphStyle
    meta: ParagraphStyle
    label: ParagraphStyle
    headline: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    toc: ParagraphStyle
    cell: ParagraphStyle
    cover_title: ParagraphStyle
    cover_line: ParagraphStyle
    box_title: ParagraphStyle
    layout: Layout = PRINT


def make_styles(layout: Layout = PRINT) -> Styles:
    """Create the styles of ``layout`` (fonts are registered on first use)."""
    regular, bold = face(SANS), face(SANS, bold=True)
    size, lead, head = layout.body_size, layout.body_leading, layout.headline_size

    def st(name: str, size: float, lead: float, **kw) -> ParagraphStyle:
        kw.setdefault("fontName", regular)
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontSize=size, leading=lead, **kw)

    return Styles(
        # no paragraph leaves a single line at the foot or the head of a page
        body=st("body", size, lead, spaceAfter=round(lead * 0.3, 1), alignment=TA_LEFT, allowWidows=0,
                allowOrphans=0),
        rtl=rtl_style("rtl", size * 1.3, layout.frame_w, round(lead * 0.3, 1)),
        small=st("small", 8.5, 11, textColor=MUTED),
        caption=st("caption", 7.5, 9.5, textColor=MUTED, alignment=TA_CENTER, spaceBefore=2),
        meta=st("meta", 9, 12, textColor=MUTED, spaceAfter=1),
        label=st("label", 8.5, 11, fontName=bold, textColor=ACCENT),
        headline=st("headline", head, round(head * 1.22, 1), fontName=bold, spaceBefore=4, spaceAfter=3),
        h1=st("h1", 18, 23, fontName=bold, textColor=ACCENT, spaceBefore=14, spaceAfter=8),
        h2=st("h2", 12.5, 16, fontName=bold, textColor=ACCENT, spaceBefore=10, spaceAfter=5),
        toc=st("toc", 9.5, 12.5),
        cell=st("cell", 8.5, 11.3),
        cover_title=st("cover_title", layout.cover_size, layout.cover_size * 1.2, fontName=bold, textColor=ACCENT,
                       alignment=TA_CENTER),
        cover_line=st("cover_line", 14, 20, alignment=TA_CENTER, spaceAfter=4),
        box_title=st("box_title", 9, 12, fontName=bold, textColor=ACCENT, spaceAfter=2),
        layout=layout,
    )


class Anchor(Flowable):
    """An invisible mark: a named destination, an outline entry and a page record."""

    def __init__(self, key: str, title: str | None = None, level: int = 0):
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        canv = self.canv
        canv.bookmarkPage(self.key, fit="XYZ", top=canv._pagesize[1])
        if self.title is not None:
            canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)
        record_page(canv, self.key)


def record_page(canv, key: str) -> None:
    """Note on the canvas that ``key`` is on the current page."""
    pages = getattr(canv, "page_of", None)
    if pages is not None and key not in pages:
        pages[key] = canv.getPageNumber()


def page_ref(canv, key: str, x: float, y: float, *, right: bool = True) -> None:
    """Draw at (x, y) the page number of ``key``, filled in when the document is saved.

    The number is a form XObject named after the key and defined by the canvas in
    ``save()`` (PDF allows forward references), so one layout pass is enough.
    """
    wanted = getattr(canv, "page_refs", None)
    if wanted is None:
        return
    wanted[key] = right
    canv.saveState()
    canv.translate(x, y)
    canv.doForm(form_name(key))
    canv.restoreState()


def form_name(key: str) -> str:
    """The form XObject name holding the page number of ``key``."""
    return "pg_" + key


class TocEntry(Flowable):
    """One row of the daftar isi: a clickable paragraph and its page number."""

    NUMBER_W = 14 * mm

    def __init__(self, text: str, style: ParagraphStyle, key: str):
        super().__init__()
        self.para = Paragraph(text, style)
        self.key = key

    def wrap(self, avail_width, avail_height):
        _, h = self.para.wrap(avail_width - self.NUMBER_W, avail_height)
        self.width, self.height = avail_width, h
        return avail_width, h

    def draw(self):
        canv = self.canv
        self.para.drawOn(canv, 0, 0)
        first = self.height - self.para.style.fontSize
        page_ref(canv, self.key, self.width, first)
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


class QrCode(Flowable):
    """A QR code drawn as one filled path (fast, crisp in print), linked to its URL."""

    def __init__(self, matrix: list[list[bool]], url: str, size: float = QR_SIZE):
        super().__init__()
        self.matrix, self.url, self.size = matrix, url, size
        self.width = self.height = size

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        canv, n = self.canv, len(self.matrix)
        cell = self.size / n
        path = canv.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.size - (r + 1) * cell
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    path.rect(start * cell, y, (c - start) * cell, cell)
                c += 1
        canv.saveState()
        canv.setFillColor(colors.black)
        canv.drawPath(path, stroke=0, fill=1)
        canv.restoreState()
        canv.linkURL(self.url, (0, 0, self.size, self.size), relative=1, thickness=0)


def qr_code(url: str | None, size: float = QR_SIZE) -> QrCode | None:
    """A QR code of ``url`` for the printed copy, or None when there is nothing to encode.

    The mask pattern is fixed: every mask is valid QR, and choosing the "best" one
    costs 7 ms per code (0.7 s per 100-article edition) for no practical gain.
    """
    if not url or len(url) > QR_MAX_URL:
        return None
    try:
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=QR_MASK)
        code.add_data(url)
        code.make(fit=True)
        return QrCode(code.get_matrix(), url, size)
    except Exception as exc:  # a URL the encoder refuses still leaves the clipping
        logger.warning("QR code skipped for %s: %s", url[:80], exc)
        return None
