"""Editions to render in tests: clippings with every field, photos drawn on the spot."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from io import BytesIO

from PIL import Image, ImageDraw

from clipper.models import Edition, EditionItem, EditionSection, Narasumber

WIB = timezone(timedelta(hours=7))
ARABIC = "إِنَّ اللَّهَ مَعَ الصَّابِرِينَ"
LONG_ARABIC = "بسم الله الرحمن الرحيم الحمد لله رب العالمين الرحمن الرحيم مالك يوم الدين إياك نعبد"
GENERATED = datetime(2026, 11, 24, 16, 45, tzinfo=WIB)


def _jpeg(width: int = 640, height: int = 400, hue: int = 40) -> bytes:
    img = Image.new("RGB", (width, height), (hue, 120, 160))
    draw = ImageDraw.Draw(img)
    for i in range(0, width, 40):
        draw.rectangle([i, height // 3, i + 20, height // 3 * 2], fill=(200, hue, 90))
    out = BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


def _item(n: int, **kw) -> EditionItem:
    base = dict(
        article_id=n,
        title=f"Kemenag Perluas Beasiswa Santri Tahap {n}",
        media=["Harian Nusantara", "Warta Madani", "Kabar Pagi"][n % 3],
        url=f"https://warta.example.id/nasional/berita-{n}?ref=kliping",
        text="\n\n".join(
            f"Paragraf {k} berita {n}: Kementerian Agama menyalurkan bantuan kepada madrasah di "
            "daerah terpencil. Kepala Balai menyatakan program berjalan sesuai rencana." for k in range(6)
        ),
        published_at=datetime(2026, 11, 24, 1, 15, tzinfo=timezone.utc) + timedelta(minutes=n),
        rubrik="Nasional",
        author="Siti Rahmawati",
        tags=("beasiswa", "santri"),
        tone=["positif", "netral", "negatif"][n % 3],
        narasumber=(Narasumber("Ahmad Fauzi", "Kepala Pusat Riset"), Narasumber("Dewi Lestari")),
        summary=f"Ringkasan redaksi untuk berita {n}: bantuan tahap baru diumumkan.",
        image=_jpeg(hue=20 * n % 255),
    )
    base.update(kw)
    return EditionItem(**base)


def _edition(**kw) -> Edition:
    sections = (
        EditionSection("pendidikan", "Pendidikan Keagamaan", (_item(1, highlight=True), _item(2))),
        EditionSection(
            "haji",
            "Haji dan Umrah",
            (_item(3, title="Kuota Haji 2027 Diumumkan", also_in=("Kabar Pagi", "Suara Timur")),),
        ),
        EditionSection(
            "kerukunan",
            "Kerukunan Umat",
            (
                _item(4, title=f"Doa Bersama Lintas Iman: {ARABIC}", text=f"Warga membaca {ARABIC} bersama."
                      f"\n{LONG_ARABIC}\nSetelah itu acara ditutup."),
                _item(5, image=None, tone=None, summary=None),
            ),
        ),
    )
    base = dict(
        date=date(2026, 11, 24),
        number="212/2026",
        sections=sections,
        status="final",
        editor="Dra. Nur Aini, M.Hum.",
        approved_at=datetime(2026, 11, 24, 15, 30, tzinfo=WIB),
    )
    base.update(kw)
    return Edition(**base)
