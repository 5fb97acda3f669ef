"""Text for the edition PDF: bundled fonts, safe markup, Arabic runs, Indonesian dates."""

from __future__ import annotations

import logging
import re
import threading
from datetime import datetime
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph

from clipper import paths, textnorm
from clipper.dates import long_moment

logger = logging.getLogger(__name__)

FONT_DIR = paths.resource("fonts")
SANS = "NotoSans"  # body family: Latin, Latin-extended, typographic punctuation
ARABIC = "NotoNaskhArabic"  # Arabic script, shaped by uharfbuzz
SYMBOLS = "DejaVuSans"  # last resort for what Noto Sans lacks (≥, ≤, arrows, …)
_FACES = {
    SANS: ("NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"),
    ARABIC: ("NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold", None, None),
    SYMBOLS: ("DejaVuSans", None, None, None),
}

# An article longer than this is cut in the PDF (with a note): a clipping of a 2 MB
# "article" is a scraping accident, and 40,000 characters are already ~12 pages.
MAX_TEXT_CHARS = 40_000
# An inline Arabic phrase up to this many characters stays inside its Indonesian line
# (spaces made non-breaking so harfbuzz orders the words right to left); a longer run
# becomes its own right-aligned block, wrapped line by line.
INLINE_ARABIC_MAX = 40

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_ARABIC_CHAR = r"\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
_ARABIC_RUN = re.compile(f"[{_ARABIC_CHAR}]+(?:[\\s\u00a0]+[{_ARABIC_CHAR}]+)*")
_HAS_ARABIC = re.compile(f"[{_ARABIC_CHAR}]")
_LINES = re.compile(r"\s*\n\s*")

_lock = threading.Lock()
_coverage: dict[str, frozenset[str]] = {}


def register_fonts() -> None:
    """Register the bundled TTF families with reportlab (idempotent, thread-safe)."""
    with _lock:
        if _coverage:
            return
        for family, faces in _FACES.items():
            names = []
            for face in faces:
                if face is None:
                    names.append(names[-1] if len(names) % 2 else names[0])
                    continue
                font = TTFont(face, str(FONT_DIR / f"{face}.ttf"))
                pdfmetrics.registerFont(font)
                names.append(face)
            pdfmetrics.registerFontFamily(
                family, normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
            )
            face = pdfmetrics.getFont(faces[0]).face
            # Outside the BMP (DejaVu's emoji) reportlab writes an invalid ToUnicode entry
            # ("<1F633>", odd-length hex): such characters are dropped like those no font has.
            _coverage[family] = frozenset(chr(c) for c in face.charToGlyph if c <= 0xFFFF)


def face(family: str, bold: bool = False, italic: bool = False) -> str:
    """The registered face name of ``family`` for the given weight and slant."""
    register_fonts()
    faces = _FACES[family]
    return faces[(2 if italic else 0) + (1 if bold else 0)] or faces[1 if bold else 0] or faces[0]


def clean(text: str | None, limit: int | None = None) -> str:
    """Plain text fit for a PDF: control characters stripped, line ends normalised, capped."""
    if not text:
        return ""
    text = str(text)
    if limit is not None and len(text) > limit:
        text = text[:limit].rstrip() + "…"
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text)


def one_line(text: str | None, limit: int = 300) -> str:
    """Like :func:`clean`, on one line (textnorm.one_line)."""
    return textnorm.one_line(clean(text, limit))


def _font_for(ch: str, base: str) -> str | None:
    """The family that can print ``ch`` (None: the base), or "" when none can."""
    for family in (base, SANS, ARABIC, SYMBOLS):
        if ch in _coverage[family]:
            return None if family == base else family
    return ""


def markup(text: str, base: str = SANS) -> str:
    """Escape plain ``text`` into Paragraph markup, switching fonts for uncovered runs.

    Characters no bundled font has (emoji, CJK) are dropped rather than printed as
    boxes; Arabic runs get non-breaking spaces so they shape and order as one unit.
    """
    register_fonts()
    if not (set(text) - _coverage[base]):
        return escape(text)
    out: list[str] = []
    run: list[str] = []
    current: str | None = None
    for ch in text:
        family = current if ch in " \u00a0" and current else _font_for(ch, base)
        if family == "":
            continue
        if family != current and run:
            out.append(_run_markup("".join(run), current))
            if ARABIC in (family, current) and not run[-1].isspace() and not ch.isspace():
                # reportlab shapes a whole word at once and fails (hbAddPrivate) on a word that
                # mixes Arabic with another font ("«إنما"): a thin space makes them two words.
                out.append("\u2009")
            run = []
        current = family
        run.append(ch)
    if run:
        out.append(_run_markup("".join(run), current))
    return "".join(out)


def _run_markup(run: str, family: str | None) -> str:
    if family is None:
        return escape(run)
    trail = len(run) - len(run.rstrip(" "))
    core = run.rstrip(" ")
    size = ""
    if family == ARABIC:
        core = core.replace(" ", "\u00a0")
        size = ' size="+1.5"'  # Naskh letters run small beside Noto Sans at one size
    return f'<font name="{face(family)}"{size}>{escape(core)}</font>' + " " * trail


def has_arabic(text: str) -> bool:
    """Whether ``text`` contains Arabic-script letters."""
    return bool(_HAS_ARABIC.search(text))


def paragraphs(text: str | None) -> list[str]:
    """Split article text on newlines into cleaned, non-empty paragraphs (capped)."""
    body = clean(text)
    cut = len(body) - MAX_TEXT_CHARS
    if cut > 0:
        body = body[:MAX_TEXT_CHARS]
    parts = [" ".join(p.split()) for p in _LINES.split(body)]
    parts = [p for p in parts if p]
    if cut > 0:
        parts.append(
            f"[Teks dipotong: {cut:,} karakter tidak ditampilkan; baca selengkapnya "
            "di tautan sumber.]".replace(",", ".")
        )
    return parts


class BodyParagraph(Paragraph):
    """A Paragraph that breaks its lines once per width: a clipping is measured first (to fit
    it on a page) and then laid out at the same width, the costliest step done once."""

    def wrap(self, avail_width, avail_height):
        if self.__dict__.get("_wrapped_width") == avail_width and "blPara" in self.__dict__:
            return self.width, self.height  # a Paragraph's height depends on its width alone
        size = super().wrap(avail_width, avail_height)
        self._wrapped_width = avail_width
        return size


def text_flowables(text: str, style: ParagraphStyle, rtl_style: ParagraphStyle) -> list[Flowable]:
    """Flowables for one paragraph of plain text, Arabic blocks laid out right to left."""
    if not has_arabic(text):
        return [BodyParagraph(markup(text), style)]
    out: list[Flowable] = []
    pos = 0
    for m in _ARABIC_RUN.finditer(text):
        if m.end() - m.start() <= INLINE_ARABIC_MAX:
            continue
        before = text[pos : m.start()].strip()
        if before:
            out.append(Paragraph(markup(before), shaped(style, before)))
        out.extend(rtl_block(m.group(), rtl_style))
        pos = m.end()
    rest = text[pos:].strip()
    if rest:
        out.append(Paragraph(markup(rest), shaped(style, rest)))
    return out


@lru_cache(maxsize=64)
def _shaped_cached(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "-shaped", parent=style, shaping=1)


def shaped(style: ParagraphStyle, text: str = "\u0627") -> ParagraphStyle:
    """``style`` with harfbuzz shaping on when ``text`` has Arabic (shaping is slow)."""
    return _shaped_cached(style) if has_arabic(text) else style


def rtl_block(text: str, rtl_style: ParagraphStyle) -> list[Flowable]:
    """Right-to-left lines for an Arabic run (reportlab has no bidi without rlbidi).

    Words are broken into lines in logical order; each line is then printed with
    its words reversed and right aligned, and harfbuzz shapes every word.
    """
    width = getattr(rtl_style, "width", 440)
    size = rtl_style.fontSize
    lines: list[list[str]] = [[]]
    used = 0.0
    space = pdfmetrics.stringWidth(" ", face(ARABIC), size)
    for word in text.split():
        w = pdfmetrics.stringWidth(word, face(ARABIC), size) * 1.1
        if lines[-1] and used + space + w > width:
            lines.append([])
            used = 0.0
        lines[-1].append(word)
        used += w + space
    flow: list[Flowable] = []
    for i, words in enumerate(lines):
        last = i == len(lines) - 1
        st = rtl_style if last else _tight(rtl_style)
        flow.append(Paragraph(markup(" ".join(reversed(words)), ARABIC), st))
    return flow


@lru_cache(maxsize=16)
def _tight(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "-tight", parent=style, spaceAfter=0)


def rtl_style(name: str, size: float, width: float, space_after: float) -> ParagraphStyle:
    """A right-aligned, shaped Arabic style; ``width`` is the line length in points."""
    register_fonts()
    st = ParagraphStyle(
        name,
        fontName=face(ARABIC),
        fontSize=size,
        leading=size * 1.75,
        alignment=TA_RIGHT,
        shaping=1,
        spaceAfter=space_after,
    )
    st.width = width
    return st


def wib(dt: datetime | None) -> str:
    """Date and time in WIB, e.g. "Selasa, 24 November 2026 · 08.15 WIB" ("" for None)."""
    return long_moment(dt, " · ") if dt is not None else ""


def link_target(url: str | None) -> str | None:
    """An http(s) URL safe for an href attribute, or None for anything else."""
    url = one_line(url, 2000)
    if not re.match(r"(?i)^https?://\S+$", url):
        return None
    return escape(url, {'"': "&quot;", "'": "&apos;"})


def short_url(url: str | None, limit: int = 90) -> str:
    """The URL as displayed: cleaned, without scheme, cut to ``limit`` characters."""
    shown = re.sub(r"(?i)^https?://", "", one_line(url, 2000))
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain ``text`` (escaped, font-switched, shaped when Arabic)."""
    return Paragraph(markup(text), shaped(style, text))


def printable(text: str | None, limit: int = 200) -> str:
    """One line of ``text`` keeping only what the body font prints (for canvas strings)."""
    register_fonts()
    line = one_line(text, limit)
    cover = _coverage[SANS]
    return "".join(ch for ch in line if ch in cover)
