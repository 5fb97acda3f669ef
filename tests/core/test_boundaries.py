"""Error boundaries: an item, a source or a run that goes wrong stays that item's, source's or run's."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest

from clipper.cli.demo import DemoServer, render
from clipper.harvest import discover
from clipper.harvest import run as harvest_run
from clipper.harvest.run import harvest
from clipper.harvest.runlog import close_dead_runs
from clipper.processes import this_host
from clipper.store.archive import Archive
from clipper.workspace.configuration import parse_config

from ._site import CONFIG, build_site


@pytest.fixture
def config(tmp_path):
    with DemoServer(build_site(tmp_path / "site")) as server:
        path = tmp_path / "sources.yaml"
        path.write_text(render(CONFIG, server.values), encoding="utf-8")
        yield parse_config(path.read_text(encoding="utf-8"), path)


def test_an_article_that_cannot_be_stored_is_that_articles_failure(config, tmp_path, monkeypatch):
    """A surprise while storing one article is recorded against its URL; the batch's others are stored."""
    store = harvest_run._Run._store

    def fragile(self, found):
        if found.article.title == "Tim Kota Menang Dua Gol":
            raise ValueError("nilai aneh")
        return store(self, found)

    monkeypatch.setattr(harvest_run._Run, "_store", fragile)
    with Archive(tmp_path / "a.db") as archive:
        result = harvest(config, archive, workers=1)
        titles = {r["title"] for r in archive.query("select title from articles")}
        errors = {r["url"].rsplit("/", 1)[-1]: r["reason"] for r in archive.query("select * from page_errors")}
    assert result.status == "completed" and "Tim Kota Menang Dua Gol" not in titles
    assert {"Kemenag Luncurkan Pendaftaran Nikah Daring", "Balai Litbang Agama Teliti Sedekah Bumi",
            "Vaksinasi Penguat untuk Santri", "Harga Cabai Naik Tajam", "Nikah Kini Bisa Didaftarkan Daring",
            "Penelitian Dua Halaman"} <= titles
    assert errors["sepak-bola.html"] == "tidak dapat disimpan: ValueError: nilai aneh"


def test_a_source_that_breaks_unexpectedly_fails_alone(config, tmp_path, monkeypatch):
    """An unforeseen error in one source's discovery ends that source only, with the reason."""
    parse = discover.parse_feed

    def fragile(listing):
        if "/kabar/" in listing.final_url:
            raise RuntimeError("pengurai jatuh")
        return parse(listing)

    monkeypatch.setattr(discover, "parse_feed", fragile)
    with Archive(tmp_path / "a.db") as archive:
        result = harvest(config, archive, workers=1)
    reports = {r.source: r for r in result.sources}
    assert result.status == "completed" and reports["Warta Uji"].new_articles == 3
    assert reports["Kabar Uji"].status == "failed" and reports["Kabar Uji"].reason == "galat tak terduga: RuntimeError"


def test_only_dead_runs_become_interrupted(tmp_path):
    """A run of a live process stays running; a dead pid here, or silence elsewhere, makes it interrupted."""
    now = datetime.now(UTC)
    recent, old = now.isoformat(timespec="seconds"), (now - timedelta(hours=1)).isoformat(timespec="seconds")
    gone = os.fork()
    if gone == 0:
        os._exit(0)
    os.waitpid(gone, 0)
    rows = [(os.getpid(), this_host(), recent), (gone, this_host(), recent), (1, "mesin-lain", recent),
            (1, "mesin-lain", old), (None, None, old)]
    with Archive(tmp_path / "a.db") as archive:
        with archive.write():
            for pid, host, beat in rows:
                archive.insert("runs", {"started_at": beat, "heartbeat_at": beat, "status": "running",
                                        "pid": pid, "host": host})
        dead = close_dead_runs(archive)
        statuses = [r["status"] for r in archive.query("select status from runs order by id")]
    assert [r.id for r in dead] == [2, 4, 5]
    assert statuses == ["running", "interrupted", "running", "interrupted", "interrupted"]


def test_the_harvest_does_not_wait_for_an_abandoned_extraction():
    """At a harvest's end a worker still busy on a page nobody awaits is terminated, not waited for."""
    import concurrent.futures
    import threading
    import time

    from clipper.harvest.workers import end_pool, worker_context

    pool = concurrent.futures.ProcessPoolExecutor(2, mp_context=worker_context())
    pool.submit(time.sleep, 3600)  # a hostile page that would take an hour
    assert pool.submit(sum, [1, 2]).result(timeout=60) == 3
    processes = list(pool._processes.values())
    ended = threading.Thread(target=end_pool, args=(pool,))
    ended.start()
    ended.join(timeout=60)
    assert not ended.is_alive()  # returned without the hour
    for process in processes:
        process.join(timeout=60)
        assert not process.is_alive()


def test_control_characters_never_reach_the_archive_or_a_terminal(tmp_path, capsys):
    """NULs, terminal escapes and lone surrogates from a page are dropped when stored; old rows print safely."""
    from clipper.cli.main import main
    from tests._archive import insert_row

    db = tmp_path / "a.db"
    with Archive(db) as archive:
        insert_row(archive, {"url": "https://c.id/1", "url_key": "c.id/1", "media": "Me\x00dia\x9b",
                             "title": "Judul\x1b]0;jahat\x07 \x1b[31mmerah \ud800", "text": "Teks\x00 isi.\n" * 20,
                             "day": "2026-11-24", "author": "\x00"})
        row = archive.query("select title, media, author, text from articles")[0]
        with archive.write():  # a row from before this cleaning, as an old archive may hold
            archive.execute("update articles set summary = ?", ["\x1b[2J bersih layar"])
            insert_row(archive, {"url": "https://c.id/2", "url_key": "c.id/2", "media": "M", "title": "Lama",
                                 "text": "x", "day": "2026-11-24"})
            archive.execute("update articles set title = ? where url_key = 'c.id/2'", ["Lama\x1b[31m"])
    assert row == {"title": "Judul]0;jahat [31mmerah \ufffd", "media": "Media", "author": None,
                   "text": "Teks isi.\n" * 20}
    assert main(["--db", str(db), "list", "--status", "all"]) == 0
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "Lama [31m" in printed
