"""The article view: escaped text with matched terms highlighted; nothing remote is loaded."""

from __future__ import annotations

import html
import logging
import re
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QDialog, QLabel, QTextBrowser, QVBoxLayout, QWidget

from clipper.classify.aboutness import LEAD_CHARS
from clipper.dates import long_moment, parse_date
from clipper.models import KIND_LABELS, TermMatch
from clipper.store.records import Article, Outlet
from ui.i18n import _

logger = logging.getLogger(__name__)

IMAGE_URL = "clipper-image:lead"  # the cached lead image, added to the document by hand
IMAGE_MAX_WIDTH = 560
THUMBNAIL_MIN_HEIGHT = 90  # a pane shorter than three times this still shows a usable picture


def highlight(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` escaped for HTML, with ``spans`` (start, end offsets) wrapped in <mark>."""
    out, cursor = [], 0
    for start, end in sorted(spans):
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(f'<span style="background:#ffe58a">{html.escape(text[start:end])}</span>')
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def _spans(matches: tuple[TermMatch, ...], field: str, text: str, corrected: bool = False) -> list[tuple[int, int]]:
    """Where the matched terms are; in a corrected text they are looked up again (offsets moved)."""
    if corrected and field == "text":
        terms = {m.term.casefold() for m in matches if m.field == field and m.term.strip()}
        folded = text.casefold()
        return [(found.start(), found.end()) for term in terms
                for found in re.finditer(r"(?<!\w)" + re.escape(term) + r"(?!\w)", folded)]
    return [(m.start, m.end) for m in matches if m.field == field and 0 <= m.start < m.end <= len(text)]


def _where(match: TermMatch) -> str:
    """Where a term was found, as the editor reads it: title, opening paragraph or body."""
    if match.field == "title":
        return _("judul")
    return _("pembuka") if match.start < LEAD_CHARS else _("isi")


def evidence_lines(article: Article, labels: dict[str, str]) -> list[tuple[str, str]]:
    """One line per topic: its tier and the matched terms with where they were found."""
    rows = []
    for topic in article.topics:
        found: dict[str, list[str]] = {}
        for match in article.matches:
            if match.topic == topic:
                places = found.setdefault(match.term, [])
                if _where(match) not in places:
                    places.append(_where(match))
        tier = article.tiers.get(topic)
        tier_text = {"utama": _("utama"), "disebut": _("hanya disebut")}.get(tier or "", "")
        terms = "; ".join(f"{term} ({', '.join(places)})" for term, places in found.items())
        head = labels.get(topic, topic) + (f" · {tier_text}" if tier_text else "")
        rows.append((head, terms or "—"))
    return rows


def article_html(article: Article, outlets: list[Outlet], topic_labels: dict[str, str],
                 image_width: int | None = None) -> str:
    """The whole article as HTML; every archive value is escaped (``image_width``: the lead image's)."""
    title, text = article.title or "", article.text or ""
    meta = [html.escape(article.media or "")]
    if article.author:
        meta.append(html.escape(article.author))
    meta.append(html.escape(long_moment(article.published_at)))
    url = article.url or ""
    parts = [f'<h2 style="margin-bottom:2px">{highlight(title, _spans(article.matches, "title", title))}</h2>',
             f'<p style="color:#555">{" · ".join(meta)}</p>']
    parts.extend(_notices(article))
    if url.startswith(("http://", "https://")):
        parts.append(f'<p><a href="{html.escape(url, quote=True)}">{_("Buka artikel asli")}</a> '
                     f'<span style="color:#888">{html.escape(url)}</span></p>')
    if image_width:
        parts.append(f'<p><a href="{IMAGE_URL}" title="{html.escape(_("Klik untuk ukuran penuh"), quote=True)}">'
                     f'<img src="{IMAGE_URL}" width="{image_width}"></a></p>')
    parts.append(_facts(article, outlets, topic_labels))
    for paragraph in _paragraphs(text, _spans(article.matches, "text", text, article.corrected)):
        parts.append(f"<p>{paragraph}</p>")
    return "\n".join(parts)


def _notices(article: Article) -> list[str]:
    """Coloured lines above the text: a page that is not an article, a doubtful text, a correction."""
    notices = []
    if article.kind != "article":
        notices.append(("#555", _("Jenis halaman: {kind}").format(kind=_(KIND_LABELS.get(article.kind, article.kind)))))
    if article.confidence == "doubtful":
        notices.append(("#9a5b00", _("⚠ Teks diragukan: {reason}. Periksa dengan halaman aslinya.").format(
            reason=article.doubt or _("tanpa keterangan"))))
    if article.corrected:
        notices.append(("#1b4f8a", _("✎ Teks dikoreksi oleh {who} ({when}); teks hasil ekstraksi tersimpan.").format(
            who=article.corrected_by or _("editor"), when=long_moment(parse_date(article.corrected_at)))))
    return [f'<p style="color:{colour}">{html.escape(text)}</p>' for colour, text in notices]


def _facts(article: Article, outlets: list[Outlet], labels: dict[str, str]) -> str:
    rows = [(_("Topik") + " " + head, terms) for head, terms in evidence_lines(article, labels)]
    others = [o.media for o in outlets if o.id != article.id]
    if others:
        rows.append((_("Juga dimuat di"), ", ".join(dict.fromkeys(others))))
    if article.narasumber:
        rows.append((_("Narasumber"), "; ".join(p.name + (f" ({p.role})" if p.role else "")
                                                for p in article.narasumber)))
    if not rows:
        return ""
    cells = "".join(f'<tr><td style="color:#555;padding-right:8px">{html.escape(k)}</td>'
                    f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
    return f'<table style="margin:6px 0">{cells}</table>'


def _paragraphs(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Split on blank lines, keeping the offsets of the highlighted spans right."""
    result, start = [], 0
    for block in text.split("\n"):
        end = start + len(block)
        inner = [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start]
        if block.strip():
            result.append(highlight(block, inner))
        start = end + 1
    return result


def thumbnail_width(width: int, height: int, pane_width: int, pane_height: int) -> int:
    """The lead photo's width in the pane: at most a third of the pane's height tall, never
    wider than the pane or IMAGE_MAX_WIDTH (the full size opens on a click)."""
    tallest = max(pane_height // 3, THUMBNAIL_MIN_HEIGHT)
    scale = min(1.0, IMAGE_MAX_WIDTH / max(width, 1), (pane_width - 32) / max(width, 1), tallest / max(height, 1))
    return max(int(width * scale), 40)


class ImageDialog(QDialog):
    """The lead photo at full size (scaled down to the screen), closed with Esc or a click."""

    def __init__(self, picture: QImage, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Foto utama"))
        label = QLabel()
        label.setObjectName("fullImage")
        screen = self.screen().availableGeometry() if self.screen() else None
        pixmap = QPixmap.fromImage(picture)
        if screen is not None and (pixmap.width() > screen.width() * 0.9 or pixmap.height() > screen.height() * 0.9):
            pixmap = pixmap.scaled(int(screen.width() * 0.9), int(screen.height() * 0.9), Qt.KeepAspectRatio,
                                   Qt.SmoothTransformation)
        label.setPixmap(pixmap)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.accept()


class ArticleView(QTextBrowser):
    """Shows one article; links open in the system browser only when clicked."""

    link_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open)
        self.setObjectName("articleView")
        self.picture: QImage | None = None
        self.show_placeholder()

    def show_placeholder(self, text: str | None = None) -> None:
        self.setHtml(f'<p style="color:#777">{html.escape(text or _("Pilih artikel di antrean."))}</p>')

    def show_article(self, article: Article, outlets: list[Outlet], topic_labels: dict[str, str],
                     image: bytes | None = None) -> None:
        """Render an article and, when cached, its lead image."""
        self.document().clear()
        width = None
        self.picture = None
        if image:
            picture = QImage()
            if picture.loadFromData(QByteArray(image)):
                width = thumbnail_width(picture.width(), picture.height(), self.viewport().width(),
                                        self.viewport().height())
                self.picture = picture
                self.document().addResource(QTextDocument.ImageResource, QUrl(IMAGE_URL), picture)
        self.setHtml(article_html(article, outlets, topic_labels, width))

    def show_full_image(self) -> ImageDialog:
        dialog = ImageDialog(self.picture, self)
        dialog.show()
        return dialog

    def loadResource(self, kind: int, url: QUrl) -> Any:  # noqa: N802 - Qt API
        """Nothing from the network or the disk (the lead image is in the document's cache)."""
        logger.debug("refused resource %s", url.toString())
        return QByteArray()  # empty, not None: PySide 6.12 mis-counts a returned None here

    def _open(self, url: QUrl) -> None:
        if url.toString() == IMAGE_URL and self.picture is not None:
            self.show_full_image()
            return
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
            self.link_opened.emit(url.toString())
