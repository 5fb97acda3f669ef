"""Lead photos in the edition PDF: downscaled JPEGs, drawn with their credit line."""

from __future__ import annotations

import hashlib
import logging
from functools import lru_cache
from io import BytesIO

from PIL import Image as PILImage
from PIL import ImageOps
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph

from clipper.edition.pdf_parts import Styles
from clipper.edition.pdf_text import markup, one_line

logger = logging.getLogger(__name__)

# Defaults of prepare_image; each Layout sets its own size and quality.
IMAGE_MAX_PX = 800
IMAGE_QUALITY = 70
# A JPEG at most this big (for IMAGE_MAX_PX; scaled with the square of a smaller size) and
# no larger than the target is embedded untouched: recompressing it would only lose detail.
PASS_THROUGH_BYTES = 150_000
SMALL_PX = 500  # a photo narrower than this is drawn at ~1.05 pt a pixel, not blown up to the column


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


class Figure(Flowable):
    """A prepared JPEG at a fixed size with its credit line under it.

    It can stand beside text (reportlab's ImageAndFlowables asks an image for
    ``_restrictSize``) or alone, centred in the column.
    """

    def __init__(self, jpeg: bytes, width: float, height: float, credit: Paragraph | None = None):
        super().__init__()
        self.reader = _JpegReader(jpeg)
        self.img_w, self.img_h = width, height
        self.credit = credit
        self.credit_h = credit.wrap(width, 1000)[1] + 2 if credit is not None else 0
        self.spaceBefore, self.spaceAfter = 2, 6
        self.width, self.height = width, height + self.credit_h

    def wrap(self, avail_width, avail_height):
        self.width = max(avail_width, self.img_w)
        return self.width, self.height

    def _restrictSize(self, avail_width, avail_height):  # noqa: N802 - reportlab's name
        self.width = self.img_w
        return self.img_w, self.height

    def _unRestrictSize(self):  # noqa: N802 - reportlab's name
        pass

    def draw(self):
        x = (self.width - self.img_w) / 2
        self.canv.drawImage(self.reader, x, self.credit_h, self.img_w, self.img_h)
        if self.credit is not None:
            self.credit.drawOn(self.canv, x, 0)


def prepare_image(data: bytes | None, max_px: int = IMAGE_MAX_PX,
                  quality: int = IMAGE_QUALITY) -> tuple[bytes, int, int] | None:
    """Downscale and recompress an image file to JPEG; None when it is not an image.

    Returns:
        (jpeg_bytes, width_px, height_px), at most ``max_px`` wide and ~1.6x as tall.
    """
    if not data:
        return None
    return _prepare(bytes(data), max_px, quality)


@lru_cache(maxsize=16)  # syndicated stories often share one photo
def _prepare(data: bytes, max_px: int, quality: int) -> tuple[bytes, int, int] | None:
    try:
        with PILImage.open(BytesIO(data)) as im:
            w, h = im.size
            if w < 8 or h < 8:
                return None
            orientation = im.getexif().get(0x0112, 1)
            small_enough = len(data) <= PASS_THROUGH_BYTES * min(1.0, max_px / IMAGE_MAX_PX) ** 2
            if (im.format == "JPEG" and im.mode in ("RGB", "L") and orientation == 1
                    and w <= max_px and h <= max_px * 1.6 and small_enough):
                im.load()  # proves the data decodes before it is embedded as is
                return data, w, h
            # JPEG only: decode at 1/2, 1/4 or 1/8 scale while staying >= 85% of the target
            im.draft("RGB", (int(max_px * 0.85), int(max_px * 0.85 * h / w) or 1))
            im = ImageOps.exif_transpose(im)
            if im.mode in ("RGBA", "LA", "P", "PA"):
                im = im.convert("RGBA")
                flat = PILImage.new("RGB", im.size, "white")
                flat.paste(im, mask=im.getchannel("A"))
                im = flat
            elif im.mode != "RGB":
                im = im.convert("RGB")
            w, h = im.size
            scale = min(1.0, max_px / w, max_px * 1.6 / h)
            if scale < 1.0:
                im = im.resize((max(1, round(w * scale)), max(1, round(h * scale))), PILImage.BILINEAR)
            out = BytesIO()
            im.save(out, "JPEG", quality=quality, optimize=True)
            return out.getvalue(), im.size[0], im.size[1]
    except Exception as exc:  # any undecodable input: the clipping goes out without it
        logger.warning("lead image skipped: %s", exc)
        return None


def figure(data: bytes | None, media: str | None, styles: Styles) -> Figure | None:
    """The lead photo sized for the layout (its share of the column, never taller than its
    limit), with "Gambar: <media>" under it; None without a usable image."""
    layout = styles.layout
    prepared = prepare_image(data, layout.image_max_px, layout.image_quality)
    if prepared is None:
        return None
    jpeg, w_px, h_px = prepared
    width = layout.frame_w * layout.photo_share
    if w_px < SMALL_PX:
        width = min(width, w_px * 1.05)
    height = width * h_px / w_px
    if height > layout.photo_max_h:
        width, height = width * layout.photo_max_h / height, layout.photo_max_h
    source = one_line(media, 80)
    credit = Paragraph(markup(f"Gambar: {source}" if source else "Gambar"), styles.small)
    return Figure(jpeg, width, height, credit)
