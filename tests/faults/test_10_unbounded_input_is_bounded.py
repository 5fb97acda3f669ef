"""Defect 10: a 20-digit article id ended in a traceback, and titles of any length were stored as they came."""

from __future__ import annotations

from clipper.cli.main import main
from clipper.harvest.run import harvest
from clipper.limits import MAX_TEXT_CHARS, MAX_TITLE_CHARS
from clipper.store.archive import Archive
from tests._archive import insert_row

from ._hostile import config_for, feed, page, serve

CONFIG = """\
sources:
  - name: Panjang
    feed: "{{BASE}}/panjang/rss.xml"
harvest:
  retries: 0
"""


def test_10_unbounded_input_is_bounded(tmp_path, capsys):
    """Ids beyond the archive's integers get one line (exit 1); titles and texts are cut to the limits."""
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        kept = insert_row(archive, {"url": "https://contoh.id/1", "url_key": "contoh.id/1", "media": "Uji",
                                    "title": "Judul", "text": "Teks. " * 50, "day": "2026-11-24"})
    for ids in (["12345678901234567890"], [str(kept), "99999999999999999999999"], ["0"], ["1e3"]):
        status = main(["--db", str(db), "review", *ids, "--approve"])
        err = capsys.readouterr().err
        assert status == 1 and "Traceback" not in err, err
        assert err.startswith("clipper: ID artikel tidak sah: ") and err.count("\n") == 1, err
    with Archive(db) as archive:
        assert archive.scalar("select status from articles where id = ?", [kept]) == "new"  # nothing half-done

    title = "Kemenag " + "sangat " * 2000 + "panjang"
    routes = {"/panjang/rss.xml": feed([("Judul panjang", "{{BASE}}/panjang/a.html")]),
              "/panjang/a.html": page(title, [0, 1, 2, 3] * 1000)}  # a title of 14,000 and a text of ~600,000
    with serve(tmp_path / "site", routes) as server:
        config = config_for(CONFIG, server.values, tmp_path)
        with Archive(tmp_path / "b.db") as archive:
            assert harvest(config, archive, workers=1).new_articles == 1
            stored = archive.query("select title, text from articles")[0]
    assert len(stored["title"]) == MAX_TITLE_CHARS and stored["title"].startswith("Kemenag sangat")
    assert stored["title"].endswith("…") and len(stored["text"]) <= MAX_TEXT_CHARS
