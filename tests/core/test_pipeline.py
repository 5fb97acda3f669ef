"""End-to-end harvest against a local news web: store, dedupe, group, report, resume."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clipper.cli.demo import DemoServer, render
from clipper.harvest.run import harvest, run_harvest
from clipper.store.archive import Archive
from clipper.store.articles import evidence_html
from clipper.workspace.configuration import parse_config
from tests._archive import count_rows, get_row, run_rows, source_rows

from ._site import CONFIG, SlowHandler, build_site

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def site(tmp_path):
    root = build_site(tmp_path / "site")
    with DemoServer(root) as server:
        yield server


@pytest.fixture
def config(site, tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(render(CONFIG, site.values))
    return parse_config(path.read_text(), path)


def by_title(archive: Archive) -> dict[str, dict]:
    return {r["title"]: r for r in archive.query("select * from articles")}


def test_harvest_stores_articles_and_reports_sources(config, tmp_path):
    """Every article is stored once; failed pages and the broken source are reported, not fatal."""
    with Archive(tmp_path / "a.db") as archive:
        result = harvest(config, archive, workers=1)
        rows = {title: row for title, row in by_title(archive).items() if row["kind"] == "article"}
        reports = {r.source: r for r in result.sources}
        assert result.status == "completed"
        assert set(rows) == {
            "Kemenag Luncurkan Pendaftaran Nikah Daring", "Balai Litbang Agama Teliti Sedekah Bumi",
            "Tim Kota Menang Dua Gol", "Vaksinasi Penguat untuk Santri", "Harga Cabai Naik Tajam",
            "Nikah Kini Bisa Didaftarkan Daring", "Penelitian Dua Halaman",
        }
        assert reports["Warta Uji"].status == "ok" and reports["Warta Uji"].new_articles == 3
        assert reports["Kabar Uji"].failed_pages == 3
        assert reports["Rusak Uji"].status == "failed" and "404" in reports["Rusak Uji"].reason
        errors = {r["url"].rsplit("/", 1)[-1]: r for r in archive.query("select * from page_errors")}
        assert "bukan halaman HTML" in errors["gambar.html"]["reason"]
        assert errors["tidak-ada.html"]["http_status"] == 404
        assert "diblokir" in errors["tantangan.html"]["reason"]
        assert "indeks.html" not in errors  # an index page is kept as such, never queued
        index = archive.query("select kind, status from articles where url like '%/indeks.html'")
        assert [dict(r) for r in index] == [{"kind": "index", "status": "irrelevant"}]
        assert not archive.query("select 1 from articles where title like '%moment%'")
        state = source_rows(archive)
        assert state["Rusak Uji"]["consecutive_failures"] == 1 and state["Warta Uji"]["etag"]
        kua = rows["Kemenag Luncurkan Pendaftaran Nikah Daring"]
        assert "utm_source" not in kua["url"]
        assert "Baca juga" not in kua["text"]
        assert kua["published_at"] == f"{config.sources[0] and kua['day']}T08:00:00+07:00"
        assert evidence_html(archive, kua["id"]).startswith(b"<!doctype html>")
        # the workers computed the search roots: nothing is left for index_pending
        assert archive.query("select count(*) as n from search_docs where pending = 1")[0]["n"] == 0
        assert archive.query("select count(*) as n from search_stems_inbox")[0]["n"] == 0
        stems = archive.query("select stems from search_docs where article_id = ?", [kua["id"]])[0]["stems"]
        assert "daftar" in stems.split()  # "pendaftaran" indexed under its root


def test_syndicated_copies_grouped_unrelated_not(config, tmp_path):
    """The KUA story in two media shares a story id; the other articles stand alone."""
    with Archive(tmp_path / "a.db") as archive:
        harvest(config, archive, workers=1)
        rows = by_title(archive)
        a = rows["Kemenag Luncurkan Pendaftaran Nikah Daring"]
        b = rows["Nikah Kini Bisa Didaftarkan Daring"]
        assert a["story_id"] is not None and a["story_id"] == b["story_id"]
        others = [r for t, r in rows.items() if r["id"] not in (a["id"], b["id"])]
        assert all(r["story_id"] is None for r in others)


def test_two_page_article_joined(config, tmp_path):
    """Page 2 is fetched and its paragraphs follow page 1's, once."""
    with Archive(tmp_path / "a.db") as archive:
        harvest(config, archive, workers=1)
        text = by_title(archive)["Penelitian Dua Halaman"]["text"]
        assert "Halaman dua:" in text and "Puslitbang Lektur" in text
        assert text.index("Puslitbang Lektur") < text.index("Halaman dua:")
        assert text.count("Hasil digitalisasi akan") == 1


def test_reharvest_adds_nothing_and_uses_conditional_get(config, tmp_path):
    """A second run stores no duplicate and the unchanged feeds answer 304."""
    with Archive(tmp_path / "a.db") as archive:
        harvest(config, archive, workers=1)
        before = count_rows(archive)
        second = harvest(config, archive, workers=1)
        assert count_rows(archive) == before
        statuses = {r.source: r.status for r in second.sources}
        assert statuses["Warta Uji"] == "not_modified" and statuses["Kabar Uji"] == "not_modified"
        assert len(run_rows(archive)) == 2


def test_cancel_keeps_what_was_stored(site, tmp_path):
    """should_stop ends the run as cancelled; the archive stays consistent."""
    path = tmp_path / "s.yaml"
    path.write_text(render(CONFIG, site.values))
    config = parse_config(path.read_text(), path)
    with Archive(tmp_path / "a.db") as archive:
        seen = []
        for step in run_harvest(config, archive, workers=1, should_stop=lambda: len(seen) >= 1):
            seen.append(step)
        assert seen[-1].stage == "done" and seen[-1].result.status == "cancelled"
        assert run_rows(archive)[0]["status"] == "cancelled"
        assert archive.conn.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_cli_harvest_exit_zero_with_failed_source(config, tmp_path):
    """`clipper harvest` exits 0 with a failed source and prints the per-source summary."""
    run = subprocess.run([sys.executable, "-m", "clipper", "--config", str(config.path), "--db",
                          str(tmp_path / "cli.db"), "harvest"], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Rusak Uji" in run.stdout and "GAGAL" in run.stdout and "HTTP 404" in run.stdout
    assert "7 artikel baru dan 1 halaman lain" in run.stdout
    assert "Halaman gagal (3):" in run.stdout and "tidak-ada.html: HTTP 404" in run.stdout
    again = subprocess.run([sys.executable, "-m", "clipper", "--config", str(config.path), "--db",
                            str(tmp_path / "cli.db"), "harvest"], capture_output=True, text=True, cwd=ROOT)
    assert "(gagal 2× berturut-turut)" in again.stdout and "0 artikel baru" in again.stdout
    listing = subprocess.run([sys.executable, "-m", "clipper", "--db", str(tmp_path / "cli.db"), "list",
                              "--status", "all", "--json"], capture_output=True, text=True, cwd=ROOT)
    items = [json.loads(line) for line in listing.stdout.splitlines()]
    assert len(items) == 7 and all("url" in i and "published_at" in i for i in items)


def test_kill_during_harvest_then_resume(tmp_path):
    """kill -9 mid-harvest leaves a consistent archive and no process behind; the next run
    completes without duplicates."""
    import psutil
    root = build_site(tmp_path / "site")
    with DemoServer(root, handler=SlowHandler) as server:
        path = tmp_path / "sources.yaml"
        path.write_text(render(CONFIG.replace("per_host: 4", "per_host: 1"), server.values))
        db = tmp_path / "k.db"
        cmd = [sys.executable, "-m", "clipper", "--config", str(path), "--db", str(db), "harvest"]
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        stored = 0
        while time.monotonic() < deadline and stored < 2:
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=5) as conn:
                        stored = conn.execute("select count(*) from articles").fetchone()[0]
                except sqlite3.OperationalError:
                    stored = 0
            proc.poll()
            assert proc.returncode is None, "harvest ended before it could be killed"
        helpers = psutil.Process(proc.pid).children(recursive=True)  # forkserver, workers, tracker
        assert len(helpers) >= 3
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert 2 <= stored < 7
        _, alive = psutil.wait_procs(helpers, timeout=20)
        assert alive == [], f"left running after kill -9: {alive}"
        run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("select count(*) from articles where kind = 'article'").fetchone()[0] == 7
        assert conn.execute("select count(distinct url_key) from articles").fetchone()[0] == 8  # with the index page
        fts = conn.execute("select count(*) from search_fts where search_fts match 'santri'").fetchone()[0]
        assert fts == 1
        statuses = [r[0] for r in conn.execute("select status from runs order by id")]
        assert statuses == ["interrupted", "completed"]  # the killed run is shown as terputus


def test_add_url_by_hand_and_print_clipping(config, site, tmp_path):
    """A pasted URL is fetched, extracted and queued; a print clipping is archived with its scan."""
    from clipper.errors import FetchError
    from clipper.harvest.run import add_url
    from clipper.review.additions import add_print_clipping
    from clipper.store.images import cached_image as cached
    with Archive(tmp_path / "a.db") as archive:
        article_id = add_url(config, archive, f"{site.base}/warta/sepak-bola.html?utm_source=wa")
        row = get_row(archive, article_id)
        assert row["title"] == "Tim Kota Menang Dua Gol" and row["status"] == "new"
        assert add_url(config, archive, f"{site.base}/warta/sepak-bola.html") == article_id
        with pytest.raises(FetchError):
            add_url(config, archive, f"{site.base}/warta/tidak-ada.html")
        printed = add_print_clipping(archive, media="Harian Cetak", title="Madrasah Baru", page="3",
                                     text="Isi kliping cetak tentang madrasah.", day="2026-11-24",
                                     image=b"\x89PNG fake scan")
        row = get_row(archive, printed)
        assert row["rubrik"] == "Halaman 3" and row["day"] == "2026-11-24"
        assert cached(archive, row["image_url"]) == b"\x89PNG fake scan"


def test_export_jsonl_and_csv_carry_topics_and_terms(config, tmp_path):
    """`clipper export` writes every article with topics, matched terms, outlets and ISO dates."""
    import csv
    db = tmp_path / "e.db"
    with Archive(db) as archive:
        harvest(config, archive, workers=1)
    base = [sys.executable, "-m", "clipper", "--db", str(db), "export"]
    run = subprocess.run(base + ["--format", "jsonl"], capture_output=True, text=True, cwd=ROOT)
    items = {i["title"]: i for i in map(json.loads, run.stdout.splitlines())}
    assert len(items) == 7
    kua = items["Kemenag Luncurkan Pendaftaran Nikah Daring"]
    assert "kemenag" in kua["topics"] and kua["matched_terms"] and kua["also_in"] == ["Kabar Uji"]
    assert kua["published_at"].endswith("+07:00") and kua["text"]
    for key in ("id", "url", "media", "author", "language", "tone", "tags", "status", "story_id"):
        assert key in kua
    out = tmp_path / "x.csv"
    run = subprocess.run(base + ["--format", "csv", "--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 7 and "kemenag" in next(r for r in rows if r["title"] == kua["title"])["topics"]


def test_unwritable_archive_is_one_line_error(config, tmp_path):
    """An archive that cannot be opened gives exit 1 and a one-line reason, no traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    run = subprocess.run([sys.executable, "-m", "clipper", "--config", str(config.path), "--db",
                          str(blocker / "a.db"), "harvest"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1
    assert run.stderr.startswith("clipper: arsip") and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_export_honours_search_filters(config, tmp_path):
    """`clipper export --topic/--query` exports only the matching articles."""
    db = tmp_path / "f.db"
    with Archive(db) as archive:
        harvest(config, archive, workers=1)
    base = [sys.executable, "-m", "clipper", "--db", str(db), "export", "--format", "jsonl"]
    run = subprocess.run(base + ["--topic", "covid"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    titles = [json.loads(line)["title"] for line in run.stdout.splitlines()]
    assert titles == ["Vaksinasi Penguat untuk Santri"]
    run = subprocess.run(base + ["--query", "cabai"], capture_output=True, text=True, cwd=ROOT)
    assert [json.loads(line)["title"] for line in run.stdout.splitlines()] == ["Harga Cabai Naik Tajam"]


def test_one_broken_child_sitemap_keeps_the_others(tmp_path):
    """A sitemap index whose second child is missing still yields the first child's articles."""
    root = build_site(tmp_path / "site")
    (root / "kabar/sitemap.xml").write_text(
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        '<sitemap><loc>{{BASE}}/kabar/sitemap-news.xml</loc><lastmod>{{DATE}}T08:00:00+07:00</lastmod></sitemap>'
        '<sitemap><loc>{{BASE}}/kabar/hilang.xml</loc></sitemap></sitemapindex>', encoding="utf-8")
    (root / "kabar/sitemap-news.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        '<url><loc>{{BASE}}/kabar/harga-cabai.html</loc><lastmod>{{DATE}}T08:00:00+07:00</lastmod></url>'
        '</urlset>', encoding="utf-8")
    with DemoServer(root) as server:
        text = render('sources:\n  - name: Peta\n    sitemap: "{{BASE}}/kabar/sitemap.xml"\n', server.values)
        config = parse_config(text, tmp_path / "s.yaml")
        with Archive(tmp_path / "a.db") as archive:
            result = harvest(config, archive, workers=1)
            assert result.sources[0].status == "ok" and result.sources[0].new_articles == 1


def test_gzip_page_kept_as_sent_as_evidence(httpserver, tmp_path):
    """A page served as one gzip member is archived as sent (not compressed again); a page
    in two members is compressed by us; both read back whole and pass `check`."""
    import gzip
    import hashlib
    from datetime import UTC, date, datetime
    from email.utils import format_datetime

    from clipper.store.care import check_archive

    from ._site import article_page, paragraphs, rss

    pages, today = {}, date.today().isoformat()
    for slug, split, sentences in (("satu", False, [0, 1, 2, 3]), ("dua", True, [4, 5, 6, 7])):
        html = article_page(f"Kemenag Gelar Rapat {slug.title()}", paragraphs(sentences), media="Warta Gzip",
                            published=f"{today}T08:00:00+07:00").encode()
        sent = gzip.compress(html[:500]) + gzip.compress(html[500:]) if split else gzip.compress(html)
        pages[slug] = (html, sent)
        httpserver.expect_request(f"/berita/{slug}").respond_with_data(
            sent, headers={"Content-Encoding": "gzip"}, content_type="text/html; charset=utf-8")
    feed = rss([(f"Kemenag Gelar Rapat {slug.title()}", httpserver.url_for(f"/berita/{slug}"),
                 format_datetime(datetime.now(UTC))) for slug in pages])
    httpserver.expect_request("/rss.xml").respond_with_data(feed, content_type="application/rss+xml")
    config = parse_config(f'sources:\n  - name: Warta Gzip\n    feed: "{httpserver.url_for("/rss.xml")}"\n',
                          tmp_path / "s.yaml")
    with Archive(tmp_path / "a.db") as archive:
        assert harvest(config, archive, workers=1).sources[0].new_articles == 2
        for slug, (html, sent) in pages.items():
            row = archive.query("select a.id, e.html, e.sha256 from articles a join evidence e on e.article_id = a.id"
                                " where a.url like ?", [f"%/{slug}"])[0]
            assert evidence_html(archive, row["id"]) == html
            assert row["sha256"] == hashlib.sha256(html).hexdigest()
            assert (row["html"] == sent) is (slug == "satu")
        report = check_archive(archive, all_evidence=True)
        assert report.evidence_checked == 2 and report.evidence_bad == []
