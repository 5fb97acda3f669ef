"""An editor's text correction in the archive and on the command line; page kinds in editions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from clipper.edition.compile import compile_edition
from clipper.errors import ConflictError
from clipper.limits import MAX_TEXT_CHARS
from clipper.review.corrections import correct_text, restore_text
from clipper.review.decisions import ReviewError, update_articles
from clipper.store.archive import Archive
from clipper.store.corrections import article_texts
from clipper.workspace.configuration import parse_config
from tests._archive import get_row, insert_row

ROOT = Path(__file__).resolve().parents[2]
DAY = "2026-12-05"
TEXT = "Paragraf pertama berita madrasah.\nIKLAN: promo pulsa murah hari ini\nParagraf ketiga tentang guru."
CONFIG = "sources:\n  - name: Warta\n    feed: https://warta.example.id/rss\neditor:\n  name: Rina Editor\n"


def _add(archive: Archive, n: int, **columns) -> int:
    return insert_row(archive, {
        "url": f"https://warta.example.id/{n}", "url_key": f"warta.example.id/{n}", "media": "Warta",
        "title": f"Judul {n}", "text": TEXT, "day": DAY, "published_at": f"{DAY}T08:00:00+07:00",
        "published_utc": f"{DAY}T01:00:00+00:00", "topics": json.dumps(["kemenag"]), "primary_topic": "kemenag",
        "status": "new", **columns})


@pytest.fixture
def archive(locator):
    with Archive(locator) as opened:  # SQLite and PostgreSQL
        yield opened


def test_correct_keeps_the_extracted_text_and_restore_puts_it_back(archive):
    article_id = _add(archive, 1)
    stored = correct_text(archive, article_id, "Paragraf pertama berita madrasah.\r\n\r\n  Paragraf ketiga  tentang guru.",
                          "Rina Editor")
    assert stored == "Paragraf pertama berita madrasah.\nParagraf ketiga tentang guru."
    row = get_row(archive, article_id)
    assert row["text"] == stored and row["text_original"] == TEXT and row["corrected_by"] == "Rina Editor"
    correct_text(archive, article_id, "Paragraf pertama berita madrasah.", "Rina Editor")  # a second correction
    assert get_row(archive, article_id)["text_original"] == TEXT  # still the extracted text
    assert restore_text(archive, article_id) == TEXT
    row = get_row(archive, article_id)
    assert row["text"] == TEXT and row["text_original"] is None and row["corrected_at"] is None
    # pasted control characters are dropped as from any page (a NUL would fail on PostgreSQL)
    assert correct_text(archive, article_id, "Paragraf\x00 pertama \x1b[31mmerah.") == "Paragraf pertama [31mmerah."


@pytest.mark.parametrize("text, words", [("  \n ", "tidak boleh kosong"), ("x" * (MAX_TEXT_CHARS + 1), "terlalu panjang")])
def test_bad_corrections_are_refused_and_nothing_changes(archive, text, words):
    article_id = _add(archive, 1)
    with pytest.raises(ReviewError, match=words):
        correct_text(archive, article_id, text)
    assert get_row(archive, article_id)["text"] == TEXT
    with pytest.raises(ReviewError, match="tidak ada"):
        correct_text(archive, 999, "Teks baru.")


def test_cli_correct_from_a_file_and_restore(tmp_path):
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        article_id = _add(archive, 1)
    fixed = tmp_path / "teks.txt"
    fixed.write_text("Paragraf pertama berita madrasah.\nParagraf ketiga tentang guru.\n", encoding="utf-8")
    base = [sys.executable, "-m", "clipper", "--db", str(db), "correct", str(article_id)]
    run = subprocess.run(base + ["--file", str(fixed)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0 and "dikoreksi" in run.stdout, run.stderr
    fixed.write_bytes(b"\xff\xfe bukan utf-8")
    bad = subprocess.run(base + ["--file", str(fixed)], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "bukan teks UTF-8" in bad.stderr
    with Archive(db) as archive:
        assert "IKLAN" not in get_row(archive, article_id)["text"]
    back = subprocess.run(base + ["--restore"], capture_output=True, text=True, cwd=ROOT)
    assert back.returncode == 0, back.stderr
    with Archive(db) as archive:
        assert get_row(archive, article_id)["text"] == TEXT


def test_an_index_page_cannot_be_approved_and_a_gallery_prints_as_one(archive, tmp_path):
    index = _add(archive, 1, kind="index", status="irrelevant")
    gallery = _add(archive, 2, kind="gallery")
    article = _add(archive, 3)
    with pytest.raises(ReviewError, match="halaman indeks"):
        update_articles(archive, [index], decision="approve")
    update_articles(archive, [gallery, article], decision="approve")
    config = parse_config(CONFIG, tmp_path / "sources.yaml")
    _, info = compile_edition(archive, config, DAY, out=tmp_path / "k.pdf")
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(info.path).pages]
    clippings = [p for p in pages if "Tautan:" in p and "Paragraf ketiga tentang guru" in p]  # clipping pages
    assert len(clippings) == 2
    gallery_page = next(p for p in clippings if "Judul 2" in p)
    article_page = next(p for p in clippings if "Judul 3" in p)
    assert "GALERI FOTO" in gallery_page and "GALERI FOTO" not in article_page


def test_correction_is_found_by_the_archive_search(archive):
    from clipper.search.engine import SearchFilters, search
    article_id = _add(archive, 1)
    correct_text(archive, article_id, "Paragraf pertama berita madrasah.\nGuru honorer menerima tunjangan baru.")
    assert [h.article_id for h in search(archive, "tunjangan honorer", SearchFilters(statuses=())).hits] == [article_id]
    restore_text(archive, article_id)
    assert not search(archive, "tunjangan honorer", SearchFilters(statuses=())).hits


def test_check_and_list_name_the_doubtful_articles(tmp_path, capsys):
    from clipper.cli.main import main as cli_main
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        doubtful = _add(archive, 1, confidence="doubtful", doubt="halaman 2 dari artikel tidak dapat diambil")
        _add(archive, 2)
        _add(archive, 3, confidence="doubtful", doubt="teks terlalu pendek", status="rejected")
    assert cli_main(["--db", str(db), "check", "--quick"]) == 0
    printed = capsys.readouterr().out
    assert "Teks diragukan (1;" in printed and f"#{doubtful} " in printed and "halaman 2 dari artikel" in printed
    assert cli_main(["--db", str(db), "list", "--doubtful"]) == 0
    listed = capsys.readouterr().out
    assert f"{doubtful:>6}" in listed and "[RAGU]" in listed and "1 artikel." in listed


def test_a_correction_over_another_editors_change_is_refused(archive):
    """The editor corrects the text as read (its version): another editor's change meanwhile
    (a decision, another correction) refuses it with the conflict message and keeps the text."""
    article_id = _add(archive, 7)
    _, _, seen = article_texts(archive, article_id)
    update_articles(archive, [article_id], summary="Ringkasan editor lain")  # version + 1
    with pytest.raises(ConflictError, match="sudah diubah editor lain"):
        correct_text(archive, article_id, "Teks koreksi yang terlambat.", "Rina Editor", expected=seen)
    assert get_row(archive, article_id)["text"] == TEXT
    _, _, now = article_texts(archive, article_id)
    correct_text(archive, article_id, "Teks koreksi baru.", "Rina Editor", expected=now)
    _, _, after = article_texts(archive, article_id)
    assert after == now + 1  # a correction is a change others see
    with pytest.raises(ConflictError):
        restore_text(archive, article_id, expected=now)
