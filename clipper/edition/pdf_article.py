"""One clipping per article, and the sign-off that closes the edition."""

from __future__ import annotations

import logging

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from clipper.edition.pdf_parts import (ACCENT, FRAME_W, QR_SIZE, RULE, TINT, TONE_COLORS, Anchor, Styles,
                                       picture, qr_code)
from clipper.edition.pdf_text import (clean, link_target, markup, one_line, para, paragraphs, short_url,
                                      text_flowables, wib)
from clipper.models import ARTICLE, KIND_LABELS, Edition, EditionItem, EditionSection

logger = logging.getLogger(__name__)

MAX_TAGS = 20
MAX_NARASUMBER = 15
MAX_SUMMARY_CHARS = 1500  # keeps the boxed summary (a one-cell table) well under a page
UNTITLED = "(tanpa judul)"


def item_title(item: EditionItem) -> str:
    """The headline as printed (one line of text, capped)."""
    return one_line(item.title, 300) or UNTITLED


def article_story(item: EditionItem, section: EditionSection, key: str, styles: Styles) -> list[Flowable]:
    """The flowables of one clipping; the caller puts a PageBreak before it."""
    flow: list[Flowable] = [Anchor(key, one_line(item.title, 160) or UNTITLED, level=1)]
    flow.append(_band(item, section, styles))
    flow.append(para(item_title(item), styles.headline))
    flow.extend(_meta(item, styles))
    flow.append(_info(item, styles))
    summary = clean(item.summary, MAX_SUMMARY_CHARS).strip()
    if summary:
        flow.append(_summary_box(summary, styles))
    image = picture(item.image)
    if image is not None:
        flow.append(image)
        flow.append(para(f"Gambar: {one_line(item.media, 80)}", styles.small))
        flow.append(Spacer(1, 6))
    body = paragraphs(item.text)
    if not body:
        flow.append(Paragraph("<i>Teks lengkap tidak tersedia; lihat tautan sumber.</i>", styles.body))
    for text in body:
        flow.extend(text_flowables(text, styles.body, styles.rtl))
    if item.also_in:
        outlets = ", ".join(one_line(m, 80) for m in item.also_in[:30])
        flow.append(Spacer(1, 4))
        flow.append(para(f"Juga dimuat di: {outlets}", styles.meta))
    return flow


def _band(item: EditionItem, section: EditionSection, styles: Styles) -> Table:
    """The coloured strip on top: section / topic label and the tone marker."""
    label = one_line(section.label, 80).upper()
    topic = one_line(item.topic_label, 80)
    if topic and topic.upper() != label:
        label = f"{label} · {topic}"
    cells: list = [para(label, styles.label)]
    widths = [FRAME_W]
    tone = (item.tone or "").lower()
    style = [
        ("LINEBELOW", (0, 0), (-1, -1), 1.2, ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if tone in TONE_COLORS:
        cells.append(Paragraph(f'<font color="white"><b>NADA: {tone.upper()}</b></font>', styles.small))
        widths = [FRAME_W - 30 * mm, 30 * mm]
        style += [("BACKGROUND", (1, 0), (1, 0), TONE_COLORS[tone]), ("ALIGN", (1, 0), (1, 0), "CENTER")]
    table = Table([cells], colWidths=widths)
    table.setStyle(TableStyle(style))
    return table


def _meta(item: EditionItem, styles: Styles) -> list[Flowable]:
    when = wib(item.published_at) or "waktu terbit tidak diketahui"
    media = markup(one_line(item.media, 120) or "Media tidak diketahui")
    kind = f"<b>{KIND_LABELS[item.kind].upper()}</b> · " if item.kind in KIND_LABELS and item.kind != ARTICLE else ""
    lines = [Paragraph(f"{kind}<b>{media}</b> · {markup(when)}", styles.meta)]
    extra = []
    if item.rubrik:
        extra.append(f"Rubrik: {one_line(item.rubrik, 80)}")
    if item.author:
        extra.append(f"Penulis: {one_line(item.author, 120)}")
    if extra:
        lines.append(para(" · ".join(extra), styles.meta))
    return lines


def _info(item: EditionItem, styles: Styles) -> Table:
    """Link, tags and narasumber on the left; the QR code of the link on the right."""
    rows: list[Flowable] = []
    href = link_target(item.url)
    shown = markup(short_url(item.url)) or "—"
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
    qr = qr_code(one_line(item.url, 2000)) if href else None
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    if qr is None:
        table = Table([[rows]], colWidths=[FRAME_W])
    else:
        caption = Paragraph("Pindai untuk membuka berita", styles.caption)
        table = Table([[rows, [qr, caption]]], colWidths=[FRAME_W - QR_SIZE - 8 * mm, QR_SIZE + 8 * mm])
        style.append(("ALIGN", (1, 0), (1, 0), "CENTER"))
    table.setStyle(TableStyle(style))
    table.spaceAfter = 8
    return table


def _summary_box(summary: str, styles: Styles) -> Table:
    content = [Paragraph("Ringkasan", styles.box_title)]
    content += [para(" ".join(p.split()), styles.cell) for p in summary.split("\n") if p.strip()]
    box = Table([[content]], colWidths=[FRAME_W])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    box.spaceAfter = 10
    return box


def signoff(edition: Edition, styles: Styles) -> list[Flowable]:
    """The closing block: penanggung jawab and the approval time."""
    editor = one_line(edition.editor, 120) or "—"
    approved = (
        f"Disetujui {wib(edition.approved_at)}"
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
    table = Table([[note, block]], colWidths=[FRAME_W * 0.5, FRAME_W * 0.5])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("LEFTPADDING", (1, 0), (1, 0), 24),
            ]
        )
    )
    rule = HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceBefore=0, spaceAfter=8)
    return [Spacer(1, 18), KeepTogether([rule, table])]
