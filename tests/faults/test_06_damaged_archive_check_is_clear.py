"""Defect 6: a corrupt archive made `check`, the command meant to diagnose it, print a traceback
(and it wrote to the damaged file)."""

from __future__ import annotations

import hashlib
import sqlite3

from clipper.cli.main import main
from clipper.store.archive import Archive
from tests._archive import insert_row

PAGE = 4096


def _archive_with_evidence(path):
    with Archive(path) as archive:
        for number in range(30):
            insert_row(archive, {"url": f"https://contoh.id/{number}", "url_key": f"contoh.id/{number}",
                                 "media": "Media Uji", "title": f"Berita nomor {number}", "day": "2026-11-24",
                                 "text": "Kementerian Agama meluncurkan layanan daring. " * 40},
                       html=b"<html><body>" + b"isi halaman " * 800 + b"</body></html>", sha256="0" * 64)
    with sqlite3.connect(path) as conn:  # everything into the main file: the damage below stays there
        conn.execute("pragma wal_checkpoint(truncate)")
        return {name: page for name, page in conn.execute("select name, rootpage from sqlite_master "
                                                          "where name in ('evidence', 'search_docs')")}


def _damage(path, pages):
    with open(path, "r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * PAGE + 8)
            handle.write(b"\xde\xad\xbe\xef" * 900)


def test_06_damaged_archive_check_is_clear(tmp_path, capsys):
    """`check` on a damaged archive: a clear Indonesian message, exit 1, and the file byte for byte as it was."""
    garbage = tmp_path / "sampah.db"
    garbage.write_bytes(b"bukan basis data " * 500)
    damaged = tmp_path / "rusak.db"
    _damage(damaged, _archive_with_evidence(damaged).values())  # sqlite_master intact: it still opens
    for path in (damaged, garbage):
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        status = main(["--db", str(path), "check"])
        captured = capsys.readouterr()
        assert status == 1 and "Traceback" not in captured.err, captured.err
        assert "RUSAK" in captured.out and "rusak dan tidak diubah" in captured.err
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert main(["--db", str(tmp_path / "tidak-ada.db"), "check"]) == 1
    assert "tidak ada" in capsys.readouterr().err and not (tmp_path / "tidak-ada.db").exists()
