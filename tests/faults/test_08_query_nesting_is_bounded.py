"""Defect 8: a search of 99 "(" overflowed the FTS5 parser's stack (a traceback)."""

from __future__ import annotations

from clipper.cli.main import main
from clipper.store.archive import Archive
from tests._archive import insert_row


def test_08_query_nesting_is_bounded(tmp_path, capsys):
    """Deep parentheses get one clear line (exit 1); nesting within the limit still searches."""
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        insert_row(archive, {"url": "https://contoh.id/1", "url_key": "contoh.id/1", "media": "Uji",
                             "title": "Kemenag Luncurkan Layanan", "text": "Kementerian Agama kemenag. " * 20,
                             "day": "2026-11-24", "status": "approved"})
    for query in ("(" * 99 + "kemenag", "(" * 99 + "kemenag" + ")" * 99, "((((((((((((a OR (b c))))))))))))",
                  "(" * 400):
        status = main(["--db", str(db), "search", query])
        err = capsys.readouterr().err
        assert status == 1 and "Traceback" not in err, err
        assert err == "clipper: Kurung bersarang terlalu dalam (paling banyak 10 tingkat).\n"
    assert main(["--db", str(db), "search", "(" * 5 + "kemenag" + ")" * 5, "--json"]) == 0
    assert '"title": "Kemenag Luncurkan Layanan"' in capsys.readouterr().out
