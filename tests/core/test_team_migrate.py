"""Moving an archive between SQLite and PostgreSQL, and the same search answers on both backends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clipper.cli.demo import DemoServer
from clipper.harvest.run import harvest
from clipper.models import dumps
from clipper.review.decisions import update_articles
from clipper.search.engine import SearchFilters, search
from clipper.store.archive import Archive
from clipper.store.editions import final_content
from clipper.store.searching import index_pending
from clipper.workspace.configuration import parse_config
from tests.core.test_search import ARTICLES, add_articles

ROOT = Path(__file__).resolve().parents[2]
ARABIC = ("2021-05-01", "Warta Nusantara", "Pembukaan MTQ tingkat kabupaten",
          "Acara dibuka dengan bacaan بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ oleh para santri madrasah.",
          "approved", ["kemenag"], ["mtq"], "netral")
TABLES = ("sources", "runs", "run_sources", "page_errors", "articles", "evidence", "images", "editions",
          "send_runs", "deliveries", "edition_articles")
# Typed queries: words, roots, phrases, prefixes, operators, punctuation, Arabic, stop words.
QUERIES = ("madrasah", "penelitian", "meneliti", "kementerian agama", '"kementerian agama"', "vaksin*",
           "haji OR zakat", "madrasah -pesantren", "madrasah NOT covid", "e-KTP", "1.000", "BPJS/KIS", "بسم",
           "الرحيم", "yang", "yang madrasah", "pendidikan", "(haji OR umrah) kemenag", '"guru madrasah"',
           "pesan*", 'layanan mad*', "Qur'an", "covid-19", "penyaluran bantuan", "", "!!!")
ALL = ("new", "approved", "rejected", "irrelevant", "error", "published")
FILTERS = (SearchFilters(statuses=()), SearchFilters(), SearchFilters(statuses=("new",)),
           SearchFilters(date_from="2020-04-01", date_to="2021-02-28", statuses=()),
           SearchFilters(media=("Kabar Umat", "Warta Nusantara"), statuses=ALL),
           SearchFilters(topics=("covid",), statuses=()), SearchFilters(tags=("covid-19",), statuses=()),
           SearchFilters(tone="negatif", statuses=()), SearchFilters(statuses=("published",)),
           SearchFilters(edition="5/2020", statuses=()))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """A SQLite archive of the demo harvest, the search tests' articles, Arabic, decisions, a final
    edition and a delivery: what a real archive holds."""
    folder = tmp_path_factory.mktemp("corpus")
    with DemoServer() as server:
        config = parse_config(server.config_text(), folder / "sources.yaml")
        with Archive(folder / "arsip.db") as archive:
            harvest(config, archive, workers=1)
            ids = add_articles(archive, ARTICLES + [ARABIC], first=100)
            update_articles(archive, ids[:2], add_tags=["madrasah"], tone="positif", editor="Rina")
            content = dumps({"sections": [{"items": [{"article_id": ids[1]}, {"article_id": ids[2]}]}]})
            with archive.write():
                edition = archive.insert("editions", {
                    "day": "2020-06-15", "kind": "regular", "seq": 5, "year": 2020, "number": "5/2020",
                    "status": "final", "content": content, "pdf_path": "/arsip/kliping-5.pdf"})
                archive.insert("deliveries", {"edition_id": edition, "address": "menteri@kemenag.example.id",
                                              "status": "sent", "at": "2020-06-15T01:00:00+00:00"})
            index_pending(archive)
    return folder / "arsip.db"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "clipper", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ}, timeout=300)


def _counts(locator: str) -> dict[str, int]:
    with Archive(locator) as archive:
        return {t: archive.scalar(f"select count(*) from {t}") for t in TABLES}


def _answers(locator: str) -> dict[tuple[str, int], tuple]:
    """Every query under every filter: (exact total, ids by date, set of ids by relevance)."""
    answers = {}
    with Archive(locator) as archive:
        for query in QUERIES:
            for n, filters in enumerate(FILTERS):
                by_date = search(archive, query, filters, order="date", limit=500, exact_count=True)
                ranked = search(archive, query, filters, order="relevance", limit=500)
                answers[(query, n)] = (by_date.total, [h.article_id for h in by_date.hits],
                                       sorted(h.article_id for h in ranked.hits))
    return answers


def test_migrate_to_postgresql_and_back_keeps_everything(corpus, pg_url, tmp_path):
    """SQLite → PostgreSQL → SQLite: every table's rows, ids and an edition's frozen content arrive;
    counts are printed; re-running adds nothing; new rows get new ids after the copied ones."""
    first = _cli("db", "migrate", "--from", str(corpus), "--to", pg_url)
    assert first.returncode == 0, first.stderr
    assert "Semua baris sumber ada di tujuan." in first.stdout and "articles" in first.stdout
    source = _counts(str(corpus))
    assert source["articles"] > 40 and _counts(pg_url) == source
    again = _cli("db", "migrate", "--from", str(corpus), "--to", pg_url)
    assert again.returncode == 0, again.stderr
    added = [line.split()[-1] for line in again.stdout.splitlines() if line.split()[:1] and line.split()[0] in TABLES]
    assert added and set(added) == {"0"} and _counts(pg_url) == source
    back = tmp_path / "kembali.db"
    home = _cli("db", "migrate", "--from", pg_url, "--to", str(back))
    assert home.returncode == 0, home.stderr
    assert _counts(str(back)) == source
    with Archive(str(corpus)) as a, Archive(pg_url) as b, Archive(str(back)) as c:
        rows = [x.query("select id, url_key, title, status, tags, version from articles order by id") for x in (a, b, c)]
        assert rows[0] == rows[1] == rows[2]
        edition = a.scalar("select id from editions")
        assert final_content(a, edition) == final_content(b, edition) == final_content(c, edition)
        b.execute("insert into runs (started_at, status) values ('x', 'running')")
        assert b.scalar("select max(id) from runs") == a.scalar("select max(id) from runs") + 1


def test_the_same_query_gives_the_same_hits_on_both_backends(corpus, pg_url):
    """Each query and filter of the set: the same total and the same articles on SQLite and PostgreSQL
    (in the same order by date; relevance may rank them differently)."""
    assert _cli("db", "migrate", "--from", str(corpus), "--to", pg_url).returncode == 0
    sqlite, postgres = _answers(str(corpus)), _answers(pg_url)
    assert sum(1 for total, _, _ in sqlite.values() if total) > len(QUERIES) * 3  # the set finds things
    differ = {k: (sqlite[k], postgres[k]) for k in sqlite if sqlite[k] != postgres[k]}
    assert differ == {}
