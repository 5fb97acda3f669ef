"""Defect 5: `search --csv --out /dev/full` replaced the device with a regular file, `export --out` to a
missing folder or a folder printed a traceback, and `compile --out` followed a symlink and overwrote
its target."""

from __future__ import annotations

import os
import stat

from clipper.cli.main import main
from clipper.store.archive import Archive
from tests._archive import insert_row

DAY = "2026-11-24"


def _setup(tmp_path):
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        insert_row(archive, {"url": "https://contoh.id/1", "url_key": "contoh.id/1", "media": "Media Uji",
                             "title": "Kemenag Luncurkan Layanan Nikah Daring", "day": DAY, "status": "approved",
                             "text": "Kementerian Agama meluncurkan layanan pendaftaran nikah daring. " * 20,
                             "topics": '["kemenag"]', "primary_topic": "kemenag"})
    config = tmp_path / "sources.yaml"
    config.write_text("sources:\n  - name: Uji\n    feed: https://contoh.id/rss.xml\n", encoding="utf-8")
    return ["--config", str(config), "--db", str(db)]


def _fails_clearly(capsys, status: int, words: str) -> None:
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err, err
    assert err.startswith("clipper: ") and err.count("\n") == 1 and words in err, err


def test_05_outputs_are_written_safely(tmp_path, capsys):
    """Devices/FIFOs, folders, missing folders and symlinks are refused with one line; nothing is replaced."""
    base = _setup(tmp_path)
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)  # a non-regular file like /dev/full (that one is never touched by a test)
    _fails_clearly(capsys, main([*base, "search", "--status", "all", "--format", "csv", "--out", str(fifo)]),
                   "bukan berkas biasa")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    _fails_clearly(capsys, main([*base, "export", "--out", str(tmp_path / "tidak-ada" / "x.jsonl")]),
                   "folder")
    assert not (tmp_path / "tidak-ada").exists()  # no folder made silently
    (tmp_path / "folder").mkdir()
    _fails_clearly(capsys, main([*base, "export", "--format", "csv", "--out", str(tmp_path / "folder")]),
                   "adalah folder")
    precious = tmp_path / "penting.txt"
    precious.write_text("jangan ditimpa", encoding="utf-8")
    link = tmp_path / "kliping.pdf"
    link.symlink_to(precious)
    _fails_clearly(capsys, main([*base, "compile", "--date", DAY, "--out", str(link)]), "tautan simbolik")
    assert precious.read_text(encoding="utf-8") == "jangan ditimpa" and link.is_symlink()
    _fails_clearly(capsys, main([*base, "backup", str(link), "--overwrite"]), "tautan simbolik")
    _fails_clearly(capsys, main([*base, "backup", str(tmp_path / "tidak-ada" / "c.db")]), "folder")
    assert precious.read_text(encoding="utf-8") == "jangan ditimpa" and not (tmp_path / "tidak-ada").exists()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []  # no temporary file left behind
    # and a regular target is still written whole
    assert main([*base, "compile", "--date", DAY, "--out", str(tmp_path / "ok.pdf")]) == 0
    assert (tmp_path / "ok.pdf").read_bytes()[:5] == b"%PDF-"
    assert main([*base, "export", "--format", "csv", "--out", str(tmp_path / "ok.csv")]) == 0
    assert "Kemenag Luncurkan" in (tmp_path / "ok.csv").read_text(encoding="utf-8")
