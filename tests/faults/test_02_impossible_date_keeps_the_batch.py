"""Defect 2: a published date of 9999-12-31 or 0001-01-01+08:00 raised OverflowError while storing,
and the articles fetched with it were lost."""

from __future__ import annotations

from clipper.dates import today_wib
from clipper.harvest.run import harvest
from clipper.store.archive import Archive

from ._hostile import config_for, feed, page, serve

CONFIG = """\
sources:
  - name: Waktu Aneh
    feed: "{{BASE}}/aneh/rss.xml"
harvest:
  retries: 0
"""


def test_02_impossible_date_keeps_the_batch(tmp_path):
    """Articles claiming impossible dates are stored (dated by their feed or fetch day) with the others."""
    routes = {
        "/aneh/rss.xml": feed([("A", "{{BASE}}/aneh/a.html"), ("B", "{{BASE}}/aneh/b.html"),
                               ("C", "{{BASE}}/aneh/c.html"), ("D", "{{BASE}}/aneh/d.html")],
                              date="Fri, 31 Dec 9999 23:59:59 -0800"),
        "/aneh/a.html": page("Kemenag Luncurkan Layanan Nikah Daring", [0, 1, 2, 3],
                             published="9999-12-31T23:59:59-08:00"),
        "/aneh/b.html": page("Balai Litbang Teliti Sedekah Bumi", [4, 5, 6, 7],
                             published="0001-01-01T00:00:00+08:00"),
        "/aneh/c.html": page("Vaksinasi Penguat untuk Santri", [8, 9, 10, 11], published="0001-01-01+08:00"),
        "/aneh/d.html": page("Harga Cabai Naik Tajam", [16, 17, 18, 19]),  # a sane date
    }
    before = today_wib().isoformat()
    with serve(tmp_path / "site", routes) as server:
        config = config_for(CONFIG, server.values, tmp_path)
        date = server.values["{{DATE}}"]
        with Archive(tmp_path / "a.db") as archive:
            result = harvest(config, archive, workers=1)
            rows = {r["title"]: r for r in archive.query("select * from articles")}
    assert result.status == "completed" and result.new_articles == 4
    days = {before, today_wib().isoformat()}  # the fetch day (a run across midnight sees two)
    for title in ("Kemenag Luncurkan Layanan Nikah Daring", "Balai Litbang Teliti Sedekah Bumi",
                  "Vaksinasi Penguat untuk Santri"):
        assert rows[title]["day"] in days and rows[title]["published_at"] is None  # no date rather than a wrong one
    assert rows["Harga Cabai Naik Tajam"]["published_at"] == f"{date}T08:00:00+07:00"
