"""Defect 1: a feed item with a malformed link (bad IPv6, port 99999 or -1) aborted the whole harvest."""

from __future__ import annotations

from clipper.harvest.run import harvest
from clipper.store.archive import Archive

from ._hostile import config_for, feed, page, serve

CONFIG = """\
sources:
  - name: Baik
    feed: "{{BASE}}/baik/rss.xml"
  - name: Jahat
    feed: "{{BASE}}/jahat/rss.xml"
harvest:
  retries: 0
  timeout: 10
"""


def test_01_bad_link_does_not_abort_run(tmp_path):
    """Malformed links are reported as that item's failure; every good article of every source is stored."""
    routes = {
        "/baik/rss.xml": feed([("Satu", "{{BASE}}/baik/satu.html"), ("Dua", "{{BASE}}/baik/dua.html")]),
        "/baik/satu.html": page("Kemenag Luncurkan Layanan Nikah Daring", [0, 1, 2, 3]),
        "/baik/dua.html": page("Balai Litbang Teliti Sedekah Bumi", [4, 5, 6, 7]),
        "/jahat/rss.xml": feed([("IPv6 rusak", "http://[::1/x"), ("Port besar", "http://127.0.0.1:99999/a"),
                                ("Port negatif", "http://127.0.0.1:-1/a"), ("Port nol", "http://127.0.0.1:0/a"),
                                ("Baik juga", "{{BASE}}/jahat/baik.html")]),
        "/jahat/baik.html": page("Vaksinasi Penguat untuk Santri", [8, 9, 10, 11]),
    }
    with serve(tmp_path / "site", routes) as server:
        config = config_for(CONFIG, server.values, tmp_path)
        with Archive(tmp_path / "a.db") as archive:
            result = harvest(config, archive, workers=1)
            titles = {r["title"] for r in archive.query("select title from articles")}
            errors = {r["url"]: r for r in archive.query("select * from page_errors")}
    assert result.status == "completed"
    assert titles == {"Kemenag Luncurkan Layanan Nikah Daring", "Balai Litbang Teliti Sedekah Bumi",
                      "Vaksinasi Penguat untuk Santri"}
    reports = {r.source: r for r in result.sources}
    assert reports["Baik"].status == "ok" and reports["Jahat"].status == "ok"
    assert reports["Jahat"].new_articles == 1 and reports["Jahat"].failed_pages == 4
    bad = [u for u in errors if "[::1/x" in u or "99999" in u or ":-1/" in u or ":0/" in u]
    assert len(bad) == 4 and all(errors[u]["reason"].startswith("tautan tidak sah") for u in bad)
    assert all(errors[u]["permanent"] == 1 for u in bad)
