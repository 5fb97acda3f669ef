"""Editions: numbering, compile, finalise (frozen), ralat, empty day, CLI review/compile."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from clipper.edition.compile import EditionError, compile_edition
from clipper.review.decisions import update_articles
from clipper.store.archive import Archive
from clipper.store.decisions import set_positions
from clipper.store.editions import editions_of, final_content
from clipper.store.searching import editions_for
from clipper.workspace.configuration import parse_config
from tests._archive import insert_row

ROOT = Path(__file__).resolve().parents[2]
CONFIG = """\
sources:
  - name: Warta
    feed: https://warta.example.id/rss
editor:
  name: Rina Editor
edition:
  number_start: 212
  institution: [Kementerian Agama RI, Badan Litbang dan Diklat, Perpustakaan]
"""
DAY = "2026-11-24"


def text(n: int) -> str:
    return f"Paragraf pembuka berita nomor {n} tentang madrasah dan haji.\n\n" + "Isi lanjutan berita. " * 30


def add(archive: Archive, n: int, topic: str, hour: int) -> int:
    return insert_row(archive, {
        "url": f"https://warta.example.id/{n}", "url_key": f"warta.example.id/{n}", "media": "Warta",
        "title": f"Judul Berita {n}", "text": text(n), "day": DAY, "status": "new",
        "published_at": f"{DAY}T{hour:02d}:00:00+07:00", "published_utc": f"{DAY}T{hour - 7:02d}:00:00+00:00",
        "topics": json.dumps([topic]), "primary_topic": topic, "tone_suggested": "netral"})


@pytest.fixture
def setup(tmp_path, locator):
    """A configuration and four unreviewed articles of DAY, on each backend."""
    config = parse_config(CONFIG, tmp_path / "sources.yaml")
    archive = Archive(locator)
    ids = [add(archive, 1, "kemenag", 9), add(archive, 2, "covid", 8), add(archive, 3, "kemenag", 8),
           add(archive, 4, "litbang", 10)]
    yield config, archive, ids
    archive.close()


def page_of(reader: PdfReader, needle: str) -> int:
    return next(i + 1 for i, p in enumerate(reader.pages[3:], start=3) if needle in (p.extract_text() or ""))


def test_empty_day_gives_a_clear_error_and_no_number(setup, tmp_path):
    """Nothing approved: a clear message, no PDF and no edition number used."""
    config, archive, _ = setup
    with pytest.raises(EditionError) as info:
        compile_edition(archive, config, DAY)
    assert "Tidak ada artikel yang disetujui" in str(info.value)
    assert editions_of(archive, DAY) == []
    assert not list(tmp_path.glob("**/*.pdf"))


def test_sections_order_and_numbering(setup):
    """Sections follow the configured order; the editor's order wins within a section."""
    config, archive, ids = setup
    update_articles(archive, ids, decision="approve", editor="Rina")
    set_positions(archive, [ids[0], ids[2]])  # article 1 before article 3 despite the later time
    record, info = compile_edition(archive, config, DAY)
    assert record.number == "212/2026" and record.status == "draft"
    reader = PdfReader(info.path)
    assert "DRAF" in reader.pages[0].extract_text()
    p1, p3 = page_of(reader, "Judul Berita 1"), page_of(reader, "Judul Berita 3")
    p4, p2 = page_of(reader, "Judul Berita 4"), page_of(reader, "Judul Berita 2")
    assert p1 < p3 < p4 < p2  # kemenag, then litbang, then covid
    again, _ = compile_edition(archive, config, DAY)
    assert again.id == record.id and again.number == "212/2026"


def test_final_edition_is_frozen_and_a_change_is_a_numbered_revision(setup):
    """After final, edits do not change it; a revision keeps the number ("Revisi 1"), names the
    edition it replaces, and the sent file stays as it was."""
    config, archive, ids = setup
    update_articles(archive, ids[:2], decision="approve")
    final, info = compile_edition(archive, config, DAY, final=True)
    assert final.status == "final" and final.finalized_at
    digest = hashlib.sha256(info.path.read_bytes()).hexdigest()
    assert digest == final.pdf_sha256
    update_articles(archive, [ids[0]], summary="Ringkasan baru setelah final")
    with archive.write():
        archive.update("articles", ("id", ids[0]), {"title": "Judul Diubah"})
    again, info2 = compile_edition(archive, config, DAY, final=True)
    assert again.id == final.id and info2.sha256 == digest
    content = final_content(archive, final.id)
    titles = [i["title"] for s in content["sections"] for i in s["items"]]
    assert "Judul Berita 1" in titles and "Judul Diubah" not in titles
    ralat, rinfo = compile_edition(archive, config, DAY, ralat=True, final=True)
    assert ralat.kind == "ralat" and ralat.number == "212/2026" and ralat.revision == 1
    assert ralat.corrects == final.id and ralat.label == "No. 212/2026 · Revisi 1"
    cover = " ".join(PdfReader(rinfo.path).pages[0].extract_text().split())
    assert "REVISI 1" in cover and "menggantikan kliping No. 212/2026" in cover
    assert rinfo.path != info.path and rinfo.path.name.endswith("-revisi-1.pdf")
    assert info.path.read_bytes() and hashlib.sha256(info.path.read_bytes()).hexdigest() == digest
    second, _ = compile_edition(archive, config, DAY, ralat=True, final=True)
    assert second.revision == 2 and second.corrects == ralat.id
    # an archive search names each edition an article was in, revisions as such
    labels = [e.label for e in editions_for(archive, [ids[1]])[ids[1]]]
    assert sorted(labels) == ["No. 212/2026", "No. 212/2026 · Revisi 1", "No. 212/2026 · Revisi 2"]


def test_tampered_final_pdf_is_detected(setup):
    """A final PDF changed on disk is reported, not silently served."""
    config, archive, ids = setup
    update_articles(archive, ids[:1], decision="approve")
    _, info = compile_edition(archive, config, DAY, final=True)
    info.path.write_bytes(info.path.read_bytes() + b"%tamper")
    with pytest.raises(EditionError) as err:
        compile_edition(archive, config, DAY)
    assert "SHA-256" in str(err.value)


def cli_archive(tmp_path) -> tuple[list[str], Path, list[int]]:
    """A config and an archive with two unreviewed articles; the `clipper` command line for them."""
    cfg = tmp_path / "sources.yaml"
    cfg.write_text(CONFIG)
    db = tmp_path / "arsip.db"
    with Archive(db) as archive:
        ids = [add(archive, 1, "kemenag", 9), add(archive, 2, "covid", 8)]
    return [sys.executable, "-m", "clipper", "--config", str(cfg), "--db", str(db)], db, ids


def test_cli_review_and_compile(tmp_path):
    """`clipper review` approves with tag and tone; `clipper compile --final` prints the PDF path."""
    base, db, ids = cli_archive(tmp_path)
    run = subprocess.run(base + ["review", str(ids[0]), str(ids[1]), "--approve", "--tag", "haji", "--tone",
                                 "positif", "--summary", "Dua baris ringkasan."], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    bad = subprocess.run(base + ["review", "999", "--approve"], capture_output=True, text=True)
    assert bad.returncode == 1 and "#999" in bad.stderr and "Traceback" not in bad.stderr
    run = subprocess.run(base + ["compile", "--date", DAY, "--final"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    pdf = Path(run.stdout.split("PDF: ")[1].splitlines()[0])
    assert pdf.is_file() and pdf.parent == tmp_path / "edisi"
    reader = PdfReader(pdf)
    body = "".join(p.extract_text() for p in reader.pages)
    assert "Dua baris ringkasan." in body and "haji" in body and "Rina Editor" in body
    empty = subprocess.run(base + ["compile", "--date", "2026-11-20"], capture_output=True, text=True)
    assert empty.returncode == 1 and "Tidak ada artikel yang disetujui" in empty.stderr


def test_relative_out_is_stored_absolute(setup, tmp_path, monkeypatch):
    """compile --out with a relative path stores an absolute one (cron runs from elsewhere)."""
    config, archive, ids = setup
    update_articles(archive, ids[:1], decision="approve")
    monkeypatch.chdir(tmp_path)
    record, info = compile_edition(archive, config, DAY, out=Path("rel.pdf"), final=True)
    assert Path(record.pdf_path).is_absolute() and Path(record.pdf_path) == tmp_path / "rel.pdf"
    monkeypatch.chdir("/")
    again, _ = compile_edition(archive, config, DAY)
    assert again.id == record.id


def test_cli_says_when_a_final_edition_is_returned_unchanged(tmp_path):
    """Compiling a day whose final exists says so: later approvals go to the next edition, or --revisi."""
    cli, db, ids = cli_archive(tmp_path)
    with Archive(db) as archive:
        update_articles(archive, ids[:1], decision="approve")
    base = cli + ["compile", "--date", DAY]
    assert subprocess.run(base + ["--final"], capture_output=True, text=True).returncode == 0
    with Archive(db) as archive:
        update_articles(archive, ids[1:], decision="approve")
    run = subprocess.run(base, capture_output=True, text=True)
    assert run.returncode == 0 and "sudah ada dan tidak diubah" in run.stderr and "--revisi" in run.stderr
    assert "masuk edisi berikutnya" in run.stderr
