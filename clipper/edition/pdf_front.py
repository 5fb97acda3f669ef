"""The front of the edition: cover (kop), ringkasan with statistics, daftar isi."""

from __future__ import annotations

import logging
import textwrap
from collections import Counter
from datetime import date, datetime

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (CondPageBreak, Flowable, HRFlowable, Image, KeepTogether, Paragraph, Spacer,
                                Table, TableStyle)

from clipper import paths
from clipper.dates import clock, long_date, time_unknown, to_jakarta
from clipper.edition.pdf_article import item_title
from clipper.edition.pdf_parts import (ACCENT, ALERT, GOLD, MUTED, PRINT, RULE, TINT, TONE_COLORS, Anchor,
                                       Styles, TocEntry)
from clipper.edition.pdf_text import SANS, clean, face, markup, one_line, para, printable, shaped, wib
from clipper.models import Edition, EditionItem

logger = logging.getLogger(__name__)

DEFAULT_LOGO = paths.resource("logo.png")
MAX_MEDIA_ROWS = 10  # the media table shows the top ten and sums the rest
HIGHLIGHT_CHARS = 360  # a highlight without an editor's summary shows this much text
UNRATED = "belum dinilai"
CHART_LABEL_CHARS = 28  # a topic's name beside its bar: lines of this many characters (48 mm at 8 pt), two at most
COUNT_HEAD = "Berita"  # the head of the counts' column (a lone "n" read as a stray letter)
TOC_ROOM = 0.3  # the daftar isi starts on the ringkasan's page when this share of a page is left


def cover(edition: Edition, styles: Styles, generated_at: datetime) -> list[Flowable]:
    """The cover page: kop, title, date, number, revision/draft marks and counts per section."""
    k = styles.layout.page_h / PRINT.page_h  # spacing shrinks with a smaller page
    flow: list[Flowable] = [Anchor("cover", "Sampul", 0), _kop(edition, styles)]
    flow.append(HRFlowable(width="100%", thickness=2.2, color=ACCENT, spaceBefore=6, spaceAfter=1.5))
    flow.append(HRFlowable(width="100%", thickness=0.6, color=ACCENT, spaceAfter=0))
    flow.append(Spacer(1, 30 * mm * k))
    flow.append(para(one_line(edition.title, 120) or "Kliping Berita Harian", styles.cover_title))
    flow.append(Spacer(1, 6 * mm))
    flow.append(para(long_date(edition.date), styles.cover_line))
    revision = f" · Revisi {edition.revision}" if edition.revision else ""
    flow.append(para(f"No. {one_line(edition.number, 40)}{revision}", styles.cover_line))
    if edition.kind == "ralat":
        corrects = one_line(edition.corrects, 60) or "edisi sebelumnya"
        flow.append(Spacer(1, 6 * mm))
        flow.append(_badge(f"REVISI {edition.revision or ''}".strip(), ALERT, styles))
        flow.append(Spacer(1, 2 * mm))
        flow.append(para(f"Edisi ini menggantikan kliping {corrects} yang telah diedarkan.", styles.cover_line))
    if edition.status != "final":
        flow.append(Spacer(1, 6 * mm))
        flow.append(_badge("DRAF — belum final, jangan diedarkan", GOLD, styles))
    flow.append(Spacer(1, 14 * mm * k))
    flow.append(_section_counts(edition, styles))
    flow.append(Spacer(1, 12 * mm * k))
    made = f"Dibuat {wib(generated_at)}"
    flow.append(para(made, styles.caption))
    return flow


def _kop(edition: Edition, styles: Styles) -> Table:
    lines = [one_line(x, 120) for x in edition.institution if one_line(x)] or ["Perpustakaan"]
    texts = [para(lines[0].upper(), styles.h2)] + [para(x, styles.meta) for x in lines[1:]]
    logo = _logo(edition.logo_path)
    row = [logo, texts] if logo is not None else [texts]
    frame_w = styles.layout.frame_w
    widths = [26 * mm, frame_w - 26 * mm] if logo is not None else [frame_w]
    table = Table([row], colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _logo(path: str | None) -> Image | None:
    for candidate in (path, DEFAULT_LOGO):
        if not candidate:
            continue
        try:
            return Image(str(candidate), width=22 * mm, height=22 * mm, kind="proportional", mask="auto")
        except Exception as exc:  # a broken configured logo falls back to the bundled one
            logger.warning("logo %s unusable: %s", candidate, exc)
    return None


def _badge(text: str, color, styles: Styles) -> Table:
    cell = Paragraph(f'<font color="white" size="13"><b>{markup(text)}</b></font>', styles.cover_line)
    table = Table([[cell]], colWidths=[min(styles.layout.frame_w, 130 * mm)])
    table.setStyle(
        TableStyle([("BACKGROUND", (0, 0), (-1, -1), color), ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8)])
    )
    return table


def _section_counts(edition: Edition, styles: Styles) -> Table:
    rows = [[Paragraph("<b>Isi edisi ini</b>", styles.cell), Paragraph("<b>Artikel</b>", styles.cell)]]
    for section in edition.sections:
        if section.items:
            rows.append([para(one_line(section.label, 80), styles.cell), str(len(section.items))])
    rows.append([Paragraph("<b>Jumlah</b>", styles.cell), str(len(edition.items))])
    return _grid(rows, [min(styles.layout.frame_w - 22 * mm, 90 * mm), 22 * mm])


def _grid(rows: list[list], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), face(SANS), 9),
                ("BACKGROUND", (0, 0), (-1, 0), TINT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def counts(edition: Edition) -> dict[str, Counter]:
    """Clippings counted by topic, tone and media."""
    topic: Counter = Counter()
    for section in edition.sections:
        for item in section.items:
            topic[one_line(item.topic_label or section.label, 60) or "Lainnya"] += 1
    tone = Counter((item.tone or UNRATED).lower() for item in edition.items)
    media = Counter(one_line(item.media, 60) or "?" for item in edition.items)
    return {"topic": topic, "tone": tone, "media": media}


def highlights(edition: Edition) -> list[EditionItem]:
    """Items marked highlight, else the first item of each section."""
    marked = [item for item in edition.items if item.highlight]
    return marked or [section.items[0] for section in edition.sections if section.items]


def summary_page(edition: Edition, keys: dict[int, str], styles: Styles) -> list[Flowable]:
    """The ringkasan: the day's highlights, then the counts as tables and a chart."""
    tally = counts(edition)
    flow: list[Flowable] = [Anchor("ringkasan", "Ringkasan", 0), Paragraph("Ringkasan Hari Ini", styles.h1)]
    flow.append(para(
        f"Edisi ini memuat {len(edition.items)} berita dari {len(tally['media'])} media "
        f"dalam {sum(1 for s in edition.sections if s.items)} bagian.", styles.body))
    flow.append(Paragraph("Sorotan", styles.h2))
    for item in highlights(edition):
        key = keys[id(item)]
        title = f'<a href="#{key}" color="#1D1D1B"><b>{markup(item_title(item))}</b></a>'
        flow.append(Paragraph(title, shaped(styles.body, item.title or "")))
        meta = f"{one_line(item.media, 80)} · {wib(item.published_at) or 'waktu tidak diketahui'}"
        flow.append(para(meta, styles.meta))
        gist = one_line(item.summary, 1200) or one_line(clean(item.text)[:HIGHLIGHT_CHARS * 2], HIGHLIGHT_CHARS)
        if gist:
            flow.append(para(gist, styles.body))
    if styles.layout.charts:  # kept together: the tables never stand alone on a page
        frame_w = styles.layout.frame_w
        flow.append(KeepTogether([Paragraph("Sebaran Berita", styles.h2), _chart(tally, frame_w), Spacer(1, 6),
                                  _tables(tally, styles, frame_w)]))
    flow.append(CondPageBreak(styles.layout.frame_h * TOC_ROOM))
    return flow


def _count_rows(head: str, counter: Counter, styles: Styles, limit: int | None = None) -> list[list]:
    rows = [[Paragraph(f"<b>{head}</b>", styles.cell), Paragraph(f"<b>{COUNT_HEAD}</b>", styles.cell)]]
    common = counter.most_common()
    shown = common if limit is None else common[:limit]
    rows += [[para(name, styles.cell), str(n)] for name, n in shown]
    rest = common[len(shown):]
    if rest:
        rows.append([para(f"Lainnya ({len(rest)} media)", styles.cell), str(sum(n for _, n in rest))])
    return rows


def _tables(tally: dict[str, Counter], styles: Styles, frame_w: float) -> Table:
    col = (frame_w - 8 * mm) / 3
    number = 16 * mm
    parts = [
        _grid(_count_rows("Topik", tally["topic"], styles), [col - number, number]),
        _grid(_count_rows("Nada", tally["tone"], styles), [col - number, number]),
        _grid(_count_rows("Media", tally["media"], styles, MAX_MEDIA_ROWS), [col - number, number]),
    ]
    outer = Table([parts], colWidths=[col + 4 * mm, col + 4 * mm, col])
    outer.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return outer


def chart_label(name: str) -> str:
    """A topic's name for the bar chart: whole, on up to two lines ("…" only past two)."""
    text = printable(name, 200)
    lines = textwrap.wrap(text, CHART_LABEL_CHARS, break_long_words=True) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), CHART_LABEL_CHARS, placeholder="…")]
    return "\n".join(lines)


def _chart(tally: dict[str, Counter], frame_w: float) -> Drawing:
    """Bars of clippings per topic and a pie of tones, in the body font."""
    font = face(SANS)
    topics = tally["topic"].most_common(8)
    height = max(48 * mm, (len(topics) * 9 + 16) * mm)
    drawing = Drawing(frame_w, height)
    bars = HorizontalBarChart()
    bars.x, bars.y = 48 * mm, 8 * mm
    bars.width, bars.height = frame_w * 0.62 - 48 * mm, height - 16 * mm
    bars.data = [[n for _, n in reversed(topics)]]
    bars.categoryAxis.categoryNames = [chart_label(name) for name, _ in reversed(topics)]
    bars.categoryAxis.labels.fontName = font
    bars.categoryAxis.labels.fontSize = 8
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.valueAxis.valueMin = 0
    bars.valueAxis.labels.fontName = font
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueStep = max(1, (max(n for _, n in topics) + 4) // 5)
    bars.bars[0].fillColor = ACCENT
    bars.bars.strokeColor = None
    bars.barLabelFormat = "%d"
    bars.barLabels.fontName = font
    bars.barLabels.fontSize = 7
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = 3
    drawing.add(bars)
    drawing.add(String(0, height - 4 * mm, "Berita per topik", fontName=face(SANS, bold=True), fontSize=8.5,
                       fillColor=MUTED))
    tones = [(name, n) for name, n in tally["tone"].most_common() if n]
    pie = Pie()
    size = min(height - 20 * mm, 38 * mm)
    pie.x, pie.y, pie.width, pie.height = frame_w * 0.62 + 8 * mm, 8 * mm, size, size
    pie.data = [n for _, n in tones]
    pie.slices.strokeColor = colors.white
    swatches = []
    for i, (name, n) in enumerate(tones):
        pie.slices[i].fillColor = TONE_COLORS.get(name, colors.HexColor("#B8C2BD"))
        swatches.append((pie.slices[i].fillColor, f"{printable(name, 20)} ({n})"))
    drawing.add(pie)
    legend = Legend()
    legend.x, legend.y = frame_w * 0.62 + 14 * mm + size, 8 * mm + size - 2 * mm
    legend.fontName, legend.fontSize = font, 7.5
    legend.alignment = "right"
    legend.colorNamePairs = swatches
    legend.dx = legend.dy = 6
    legend.deltay = 11
    legend.columnMaximum = 8
    drawing.add(legend)
    drawing.add(String(frame_w * 0.62 + 8 * mm, height - 4 * mm, "Nada pemberitaan", fontName=face(SANS, bold=True),
                       fontSize=8.5, fillColor=MUTED))
    return drawing


def toc_time(item: EditionItem, day: date) -> str:
    """When an article appeared, for the daftar isi: the time alone on the edition's own day."""
    if item.published_at is None:
        return "waktu tidak diketahui"
    if to_jakarta(item.published_at).date() == day and not time_unknown(item.published_at):
        return f"{clock(item.published_at)}\u00a0WIB"  # never "10.33" at a line's end and "WIB" below
    return wib(item.published_at).replace(" WIB", "\u00a0WIB")


def toc(edition: Edition, keys: dict[int, str], styles: Styles) -> list[Flowable]:
    """The daftar isi: every clipping grouped by section, clickable, with its page."""
    flow: list[Flowable] = [Anchor("daftar-isi", "Daftar Isi", 0), Paragraph("Daftar Isi", styles.h1)]
    for section in edition.sections:
        if not section.items:
            continue
        flow.append(para(f"{one_line(section.label, 80)} ({len(section.items)})", styles.h2))
        for item in section.items:
            meta = markup(f"{one_line(item.media, 80)} · {toc_time(item, edition.date)}")
            text = f'<b>{markup(item_title(item))}</b>  <font size="8.5" color="#5F6B66">{meta}</font>'
            entry = TocEntry(text, shaped(styles.toc, item.title or ""), keys[id(item)])
            entry.spaceAfter = 4
            flow.append(entry)
    return flow
