"""What an edition prints: only a tone the editor confirmed (issue 17)."""

from __future__ import annotations

import json

from pypdf import PdfReader

from clipper.edition.compile import compile_edition
from clipper.review.decisions import update_articles
from clipper.store.archive import Archive
from clipper.workspace.configuration import parse_config
from tests._archive import insert_row

DAY = "2026-12-05"
CONFIG = "sources:\n  - name: Warta\n    feed: https://warta.example.id/rss\neditor:\n  name: Rina Editor\n"


def _add(archive: Archive, n: int, **columns) -> int:
    return insert_row(archive, {
        "url": f"https://warta.example.id/{n}", "url_key": f"warta.example.id/{n}", "media": "Warta",
        "title": f"Judul Berita {n}", "text": "Isi berita tentang madrasah. " * 20, "day": DAY,
        "published_at": f"{DAY}T08:0{n}:00+07:00", "published_utc": f"{DAY}T01:0{n}:00+00:00",
        "topics": json.dumps(["kemenag"]), "primary_topic": "kemenag", "status": "new", **columns})


def test_only_a_confirmed_tone_is_printed(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        guessed = _add(archive, 1, tone_suggested="negatif")
        confirmed = _add(archive, 2, tone_suggested="negatif", tone="positif")
        update_articles(archive, [guessed, confirmed], decision="approve")
        _, info = compile_edition(archive, parse_config(CONFIG, tmp_path / "s.yaml"), DAY, out=tmp_path / "k.pdf")
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(info.path).pages]
    text = " ".join(pages)
    assert "NADA: POSITIF" in text and "NADA: NEGATIF" not in text


def test_the_day_is_written_5_desember_everywhere(tmp_path):
    """Cover, running header, mail subject and body: "Sabtu, 5 Desember 2026", never "05 Desember"."""
    from clipper.mail.message import template_values
    with Archive(tmp_path / "a.db") as archive:
        update_articles(archive, [_add(archive, 1)], decision="approve")
        _, info = compile_edition(archive, parse_config(CONFIG, tmp_path / "s.yaml"), DAY, out=tmp_path / "k.pdf")
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(info.path).pages]
    assert "Sabtu, 5 Desember 2026" in pages[0] and all("05 Desember" not in p for p in pages)
    values = template_values({"sections": []}, day=DAY, number="1/2026", pages=3, fallback_editor=None)
    assert values["date"] == "Sabtu, 5 Desember 2026"
