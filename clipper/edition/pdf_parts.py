"""Building blocks of the edition PDF: page geometry, styles, anchors, pictures, QR codes."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO

import qrcode
from PIL import Image as PILImage
from PIL import ImageOps
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph

from clipper.edition.pdf_text import SANS, face, rtl_style

logger = logging.getLogger(__name__)

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm  # leaves room for the running header
MARGIN_BOTTOM = 20 * mm  # and for the footer
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM

# Lead images: 800 px across a 170 mm column is ~120 dpi, sharp on a phone and on
# paper; quality 70 keeps a news photo near 60-90 KB, so 100 clippings stay < 5 MB.
IMAGE_MAX_PX = 800
IMAGE_QUALITY = 70
PASS_THROUGH_BYTES = 150_000  # a small enough JPEG is embedded untouched
IMAGE_MAX_H = FRAME_H * 0.45  # a lead image never takes more than ~half a page
QR_MAX_URL = 600  # longer URLs make an unreadably dense code: print none
QR_SIZE = 24 * mm
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
    """The paragraph styles of an edition."""

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


def make_styles() -> Styles:
    """Create the styles (fonts are registered on first use)."""
    regular, bold = face(SANS), face(SANS, bold=True)

    def st(name: str, size: float, lead: float, **kw) -> ParagraphStyle:
        kw.setdefault("fontName", regular)
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontSize=size, leading=lead, **kw)

    return Styles(
        body=st("body", 10.5, 15.5, spaceAfter=6.5, alignment=TA_LEFT),
        rtl=rtl_style("rtl", 13, FRAME_W, 6.5),
        small=st("small", 8.5, 11.5, textColor=MUTED),
        caption=st("caption", 7.5, 9.5, textColor=MUTED, alignment=TA_CENTER),
        meta=st("meta", 9.5, 13.5, textColor=MUTED, spaceAfter=2),
        label=st("label", 8.5, 11, fontName=bold, textColor=ACCENT),
        headline=st("headline", 19, 24, fontName=bold, spaceBefore=6, spaceAfter=6),
        h1=st("h1", 18, 23, fontName=bold, textColor=ACCENT, spaceAfter=8),
        h2=st("h2", 12.5, 16, fontName=bold, textColor=ACCENT, spaceBefore=10, spaceAfter=5),
        toc=st("toc", 10, 13.5),
        cell=st("cell", 9, 12),
        cover_title=st("cover_title", 30, 36, fontName=bold, textColor=ACCENT, alignment=TA_CENTER),
        cover_line=st("cover_line", 14, 20, alignment=TA_CENTER, spaceAfter=4),
        box_title=st("box_title", 9, 12, fontName=bold, textColor=ACCENT, spaceAfter=3),
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
        canv.bookmarkPage(self.key, fit="XYZ", top=PAGE_H)
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


class _JpegReader(ImageReader):
    """An ImageReader for JPEG bytes whose identity is a hash, not decoded pixels.

    canvas.drawImage names an image by digesting ``getRGBData()``, which decodes the
    JPEG; the JPEG itself is embedded raw, so a content hash is an equal name.
    """

    def __init__(self, data: bytes):
        super().__init__(BytesIO(data))
        self._key = hashlib.sha1(data).hexdigest().encode()
        self._dataA = None  # JPEG: no alpha channel

    def getRGBData(self):  # noqa: N802 - reportlab's name
        return self._key


class Picture(Flowable):
    """A prepared JPEG drawn at a fixed size, centred in the frame."""

    def __init__(self, jpeg: bytes, width: float, height: float):
        super().__init__()
        self.reader = _JpegReader(jpeg)
        self.img_w, self.img_h = width, height
        self.spaceBefore, self.spaceAfter = 4, 8

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.img_h

    def draw(self):
        x = (self.width - self.img_w) / 2
        self.canv.drawImage(self.reader, x, 0, self.img_w, self.img_h)


def prepare_image(data: bytes | None) -> tuple[bytes, int, int] | None:
    """Downscale and recompress an image file to JPEG; None when it is not an image.

    Returns:
        (jpeg_bytes, width_px, height_px), at most IMAGE_MAX_PX wide and ~1.6x as tall.
    """
    if not data:
        return None
    return _prepare(bytes(data))


@lru_cache(maxsize=16)  # syndicated stories often share one photo
def _prepare(data: bytes) -> tuple[bytes, int, int] | None:
    try:
        with PILImage.open(BytesIO(data)) as im:
            w, h = im.size
            if w < 8 or h < 8:
                return None
            orientation = im.getexif().get(0x0112, 1)
            if (im.format == "JPEG" and im.mode in ("RGB", "L") and orientation == 1
                    and w <= IMAGE_MAX_PX and h <= IMAGE_MAX_PX * 1.6 and len(data) <= PASS_THROUGH_BYTES):
                im.load()  # proves the data decodes before it is embedded as is
                return data, w, h
            # JPEG only: decode at 1/2, 1/4 or 1/8 scale while staying >= 85% of the target
            im.draft("RGB", (int(IMAGE_MAX_PX * 0.85), int(IMAGE_MAX_PX * 0.85 * h / w) or 1))
            im = ImageOps.exif_transpose(im)
            if im.mode in ("RGBA", "LA", "P", "PA"):
                im = im.convert("RGBA")
                flat = PILImage.new("RGB", im.size, "white")
                flat.paste(im, mask=im.getchannel("A"))
                im = flat
            elif im.mode != "RGB":
                im = im.convert("RGB")
            w, h = im.size
            scale = min(1.0, IMAGE_MAX_PX / w, IMAGE_MAX_PX * 1.6 / h)
            if scale < 1.0:
                im = im.resize((max(1, round(w * scale)), max(1, round(h * scale))), PILImage.BILINEAR)
            out = BytesIO()
            im.save(out, "JPEG", quality=IMAGE_QUALITY)
            return out.getvalue(), im.size[0], im.size[1]
    except Exception as exc:  # any undecodable input: the clipping goes out without it
        logger.warning("lead image skipped: %s", exc)
        return None


def picture(data: bytes | None) -> Picture | None:
    """A Picture sized to the column (never taller than IMAGE_MAX_H), or None."""
    prepared = prepare_image(data)
    if prepared is None:
        return None
    jpeg, w_px, h_px = prepared
    width = FRAME_W if w_px >= 500 else min(FRAME_W, w_px * 0.75 * 1.4)
    height = width * h_px / w_px
    if height > IMAGE_MAX_H:
        width, height = width * IMAGE_MAX_H / height, IMAGE_MAX_H
    return Picture(jpeg, width, height)


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
