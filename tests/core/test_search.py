"""Archive search: hostile queries, stemming, filters, snippets, order, care, exports, CLI."""

from __future__ import annotations

import csv
import json
import sqlite3
import threading
import zlib

import pytest
from pypdf import PdfReader

from clipper.cli.main import main as cli_main
from clipper.models import dumps
from clipper.review.decisions import update_articles
from clipper.search import engine as search_mod
from clipper.search.engine import QueryError, SearchError, SearchFilters, editions_for, search
from clipper.search.export import export_file, render_volume, volume_title
from clipper.search.query import parse_query
from clipper.search.snippet import mark
from clipper.store import schema
from clipper.store.archive import Archive
from clipper.store.care import backup_archive, check_archive, index_problems
from clipper.store.searching import index_pending
from clipper.workspace.configuration import parse_config
from tests._archive import count_rows, insert_row

CONFIG = """\
sources:
  - name: Warta Nusantara
    feed: https://warta.example.id/rss
editor:
  name: Rina Arsiparis
"""
ALL = SearchFilters(statuses=())

# Fictional news: (day, media, title, text, status, topics, tags, tone)
ARTICLES = [
    ("2020-03-10", "Warta Nusantara", "Balai Litbang meneliti layanan madrasah di daerah 3T",
     "Tim peneliti Balai Litbang Agama meneliti layanan madrasah. Hasilnya dipaparkan di Jakarta.",
     "approved", ["litbang"], ["madrasah"], "positif"),
    ("2020-04-02", "Kabar Umat", "Kementerian Agama salurkan bantuan untuk pesantren",
     "Kementerian Agama menyalurkan bantuan Covid-19 untuk 300 pesantren yang terdampak pandemi.",
     "approved", ["covid", "kemenag"], ["covid-19"], "positif"),
    ("2020-06-15", "Suara Madrasah", "Vaksinasi guru madrasah dimulai pekan depan",
     "Program vaksinasi Covid-19 bagi guru madrasah dan pesantren dimulai pekan depan di 12 provinsi.",
     "approved", ["covid"], ["covid-19", "vaksin"], "netral"),
    ("2021-01-20", "Warta Nusantara", "Harga e-KTP dan BPJS/KIS dibahas DPR",
     "Rapat membahas e-KTP, kartu BPJS/KIS dan anggaran 1.000 miliar rupiah yang dinilai terlalu besar.",
     "approved", ["kemenag"], [], "negatif"),
    ("2021-02-11", "Kabar Umat", "Penyelenggaraan haji tahun ini ditunda",
     "Pemerintah menunda penyelenggaraan haji. Calon jemaah haji diminta bersabar.",
     "rejected", ["kemenag"], [], "negatif"),
    ("2021-05-05", "Harian Cakrawala", "Penelitian kerukunan umat beragama di Maluku",
     "Penelitian tentang kerukunan umat beragama di Maluku diterbitkan dalam jurnal. Penelitian "
     "ini melibatkan 400 responden.", "new", ["litbang"], [], "positif"),
]


def add_articles(archive: Archive, items=ARTICLES, first: int = 1) -> list[int]:
    ids = []
    for n, (day, media, title, text, status, topics, tags, tone) in enumerate(items, start=first):
        ids.append(insert_row(archive, {
            "url": f"https://warta.example.id/{n}", "url_key": f"warta.example.id/{n}", "media": media,
            "title": title, "text": text, "day": day, "status": status, "published_at": f"{day}T09:00:00+07:00",
            "published_utc": f"{day}T02:00:00+00:00", "topics": dumps(topics),
            "primary_topic": topics[0] if topics else None, "tags": dumps(tags), "tone_suggested": tone,
        }, html=f"<html><body>{text}</body></html>".encode(), sha256=None))
    return ids


@pytest.fixture
def archive(locator):
    """The fictional articles in an archive, on each backend (SQLite, PostgreSQL)."""
    with Archive(locator) as archive:
        ids = add_articles(archive)
        index_pending(archive)
        archive.ids = ids
        yield archive


@pytest.fixture
def sqlite_archive(tmp_path):
    """The fictional articles in a SQLite file (for what only SQLite has: its backup API, FTS5 internals)."""
    with Archive(tmp_path / "arsip.db") as archive:
        archive.ids = add_articles(archive)
        index_pending(archive)
        yield archive


def found(archive: Archive, query: str, filters: SearchFilters = ALL, **kw) -> list[int]:
    return [h.article_id for h in search(archive, query, filters, **kw).hits]


@pytest.mark.parametrize("query", [
    '"beras', "e-KTP", "c++", "AND", "OR", "NOT", "1.000", "BPJS/KIS", "!!!", "...", "it's", "((", "))",
    "a AND", "OR OR NOT", '""', '"""', "NEAR(a b)", "title:madrasah", "{title}: x", "x^2", "*", "pen*",
    "-", "--haji", "'; drop table articles; --", "madrasah)", "(madrasah", "\\", "💡 haji", "قرآن",
    "a" * 200, "\x00", "x" * 60 + "*",
])
def test_hostile_queries_never_raise_sql_errors(archive, query):
    """Any typed input runs or gives a QueryError; never an SQL error, never lost data."""
    try:
        result = search(archive, query, ALL)
    except QueryError as exc:
        assert str(exc)
    else:
        assert result.total >= 0
    assert count_rows(archive) == len(ARTICLES)


def test_hostile_inputs_find_what_they_say(archive):
    """e-KTP, BPJS/KIS and 1.000 are found as written; a lone operator is a word; punctuation lists all."""
    ids = archive.ids
    assert found(archive, "e-KTP") == [ids[3]]
    assert found(archive, "BPJS/KIS") == [ids[3]]
    assert found(archive, "1.000") == [ids[3]]
    assert found(archive, '"beras') == []
    assert found(archive, "AND") == []
    assert search(archive, "!!!", ALL).total == len(ARTICLES)  # no words: a listing by date


def test_only_excluded_words_is_a_clear_error(archive):
    """NOT alone asks for another word, in Indonesian."""
    with pytest.raises(QueryError, match="perlu setidaknya satu kata lain"):
        search(archive, "NOT haji", ALL)
    with pytest.raises(QueryError, match="terlalu panjang"):
        search(archive, "haji " * 200, ALL)


def test_stemming_finds_other_forms_of_a_word(archive):
    """"penelitian" finds an article that only says "meneliti"/"peneliti", and the reverse."""
    ids = archive.ids
    assert set(found(archive, "penelitian")) == {ids[0], ids[5]}
    assert set(found(archive, "meneliti")) == {ids[0], ids[5]}
    assert found(archive, '"penelitian"') == [ids[5]]  # quotes: exactly that word


def test_words_before_stemming_are_found_by_their_exact_form(tmp_path):
    """An article whose roots are not computed yet is still found by its exact words."""
    with Archive(tmp_path / "a.db") as archive:
        ids = add_articles(archive, ARTICLES[:1])
        assert found(archive, "meneliti") == ids
        assert found(archive, "penelitian") == []
        assert index_pending(archive) == 1
        assert found(archive, "penelitian") == ids
        assert index_pending(archive) == 0


def test_arabic_with_vowel_marks_is_found_without_them(tmp_path):
    """Arabic quoted with harakat is found by the words typed plainly, and with the marks;
    an archive indexed before this is re-indexed by its migration."""
    text = "Acara dibuka dengan bacaan بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ oleh para santri madrasah."
    item = ("2021-05-01", "Warta Nusantara", "Pembukaan MTQ tingkat kabupaten", text, "approved", [], [], "netral")
    with Archive(tmp_path / "a.db") as archive:
        ids = add_articles(archive, [item])
        index_pending(archive)
        for query in ("بسم", "الله", "الرحيم", "بِسْمِ", "بسم الله"):
            assert found(archive, query) == ids, query
        assert found(archive, "القرآن") == []
        with archive.write() as db:  # as an archive indexed before the bare forms existed
            db.execute("update search_docs set stems = '', pending = 0")
        assert found(archive, "الرحيم") == []
        with archive.write() as db:
            schema.m022_arabic_bare_forms(db)
        assert index_pending(archive) == 1
        assert found(archive, "الرحيم") == ids


def test_phrases_operators_and_prefixes(archive):
    """Quoted phrases are exact; AND / OR / NOT, a minus and prefix* behave as written."""
    ids = archive.ids
    assert found(archive, '"guru madrasah"') == [ids[2]]
    assert found(archive, '"madrasah guru"') == []
    assert set(found(archive, "pesantren OR haji")) == {ids[1], ids[2], ids[4]}
    assert set(found(archive, "pesantren NOT vaksinasi")) == {ids[1]}
    assert set(found(archive, "pesantren -vaksinasi")) == {ids[1]}
    assert set(found(archive, "pesantren AND guru")) == {ids[2]}
    assert set(found(archive, "(haji OR vaksinasi) madrasah")) == {ids[2]}
    assert set(found(archive, "pesan*")) == {ids[1], ids[2]}


def test_stop_words_are_dropped_beside_other_words(archive):
    """"yang dan madrasah" searches madrasah and says so; "yang" alone still runs."""
    result = search(archive, "yang dan madrasah", ALL)
    assert {h.article_id for h in result.hits} == {archive.ids[0], archive.ids[2]}
    assert result.query.ignored == ("yang", "dan")
    assert any("kata umum" in note for note in result.notes)
    assert search(archive, "yang", ALL).total == 2


def test_default_status_is_approved_and_published(archive):
    """Archivists see approved (and published) clippings unless they ask for more."""
    ids = archive.ids
    assert set(found(archive, "haji OR penelitian", SearchFilters())) == {ids[0]}
    assert set(found(archive, "haji", SearchFilters(statuses=("rejected",)))) == {ids[4]}
    with pytest.raises(SearchError, match="status tidak dikenal"):
        search(archive, "haji", SearchFilters(statuses=("terbit",)))


@pytest.mark.parametrize("filters, expected", [
    (SearchFilters(date_from="2020-04-01", date_to="2020-12-31", statuses=()), [1, 2]),
    (SearchFilters(date_from="2021-01-20", statuses=()), [3, 4, 5]),
    (SearchFilters(date_to="2020-03-10", statuses=()), [0]),
    (SearchFilters(media=("kabar umat",), statuses=()), [1, 4]),
    (SearchFilters(media=("Kabar Umat", "Suara Madrasah"), statuses=()), [1, 2, 4]),
    (SearchFilters(topics=("covid",), statuses=()), [1, 2]),
    (SearchFilters(tags=("covid-19",), statuses=()), [1, 2]),
    (SearchFilters(tags=("vaksin",), statuses=()), [2]),
    (SearchFilters(tone="negatif", statuses=()), [3, 4]),
    (SearchFilters(topics=("litbang",), tone="positif"), [0]),
])
def test_each_filter_narrows_a_listing(archive, filters, expected):
    """Date range, media, topic, tag, tone and their combinations list exactly the matching articles."""
    assert sorted(found(archive, "", filters)) == sorted(archive.ids[i] for i in expected)


def test_bad_dates_are_clear_errors(archive):
    """A malformed date names the field."""
    with pytest.raises(SearchError, match="Tanggal awal"):
        search(archive, "haji", SearchFilters(date_from="10-03-2020"))


def test_edition_filter_and_editions_of_hits(archive):
    """A final edition lists its articles; a draft holds its day's approved ones; unknown is an error."""
    ids = archive.ids
    content = dumps({"sections": [{"items": [{"article_id": ids[1]}, {"article_id": ids[2]}]}]})
    with archive.write():
        archive.insert("editions", {"day": "2020-06-15", "kind": "regular", "seq": 7, "year": 2020, "number": "7/2020",
                                    "status": "final", "content": content, "pdf_path": "/arsip/kliping-7.pdf"})
        archive.insert("editions", {"day": "2020-03-10", "kind": "regular", "seq": 8, "year": 2020, "number": "8/2020",
                                    "status": "draft"})
    assert sorted(found(archive, "", SearchFilters(edition="7/2020"))) == sorted([ids[1], ids[2]])
    assert found(archive, "", SearchFilters(edition="8")) == [ids[0]]
    assert set(found(archive, "", SearchFilters(statuses=("published",)))) == {ids[1], ids[2]}
    refs = editions_for(archive, [ids[1], ids[0], ids[3]])
    assert [r.pdf_path for r in refs[ids[1]]] == ["/arsip/kliping-7.pdf"]
    assert [r.number for r in refs[ids[0]]] == ["8/2020"]
    assert ids[3] not in refs
    with pytest.raises(SearchError, match="Edisi No. 99/2020 tidak ada"):
        search(archive, "", SearchFilters(edition="99/2020"))


def test_index_follows_edits_and_deletes(archive):
    """Status, tags, text and day changes reach the index at once; a deleted article disappears."""
    ids = archive.ids
    update_articles(archive, [ids[5]], decision="approve", add_tags=["kerukunan"])
    assert found(archive, "", SearchFilters(tags=("kerukunan",))) == [ids[5]]
    with archive.write():
        archive.update("articles", ("id", ids[0]), {"text": "Kini tentang wakaf produktif.", "day": "2022-01-01"})
    assert found(archive, "wakaf", SearchFilters(date_from="2022-01-01")) == [ids[0]]
    # SQLite: the new text and the new tag get their roots now; PostgreSQL indexed both at the commit.
    assert index_pending(archive) == (0 if archive.is_postgres else 2)
    assert found(archive, "dipaparkan") == []
    with archive.write():
        archive.execute("delete from evidence where article_id = ?", [ids[2]])
        archive.execute("delete from articles where id = ?", [ids[2]])
    assert found(archive, "vaksinasi") == []
    assert index_problems(archive) == []


def test_snippets_highlight_every_form_of_the_word(archive):
    """The snippet marks the typed word and its other forms; the title is marked too."""
    hit = next(h for h in search(archive, "penelitian", ALL).hits if h.article_id == archive.ids[0])
    assert mark(hit.title, hit.title_spans, "[", "]").startswith("Balai Litbang [meneliti] layanan")
    marked = mark(hit.snippet, hit.snippet_spans, "<b>", "</b>")
    assert "<b>peneliti</b>" in marked and "<b>meneliti</b>" in marked
    phrase = search(archive, '"guru madrasah"', ALL).hits[0]
    assert "[guru madrasah]" in mark(phrase.snippet, phrase.snippet_spans, "[", "]")


def test_relevance_and_date_order(archive):
    """Relevance puts the article saying it most first; date order is newest first."""
    ids = archive.ids
    by_relevance = search(archive, "penelitian", ALL)
    assert by_relevance.order == "relevance" and by_relevance.hits[0].article_id == ids[5]
    assert by_relevance.hits[0].score > by_relevance.hits[1].score
    assert found(archive, "madrasah", order="date") == [ids[2], ids[0]]
    assert search(archive, "", ALL).order == "date"


def test_too_many_matches_are_ordered_by_date_with_a_note(archive, monkeypatch):
    """Past RANK_LIMIT matches the order falls back to date, the total is a lower bound, and it says so."""
    monkeypatch.setattr(search_mod, "RANK_LIMIT", 1)
    monkeypatch.setattr(search_mod, "COUNT_LIMIT", 1)
    result = search(archive, "madrasah", ALL)
    assert result.order == "date" and not result.total_exact and result.total == 1
    assert any("diurutkan menurut tanggal" in n for n in result.notes)
    assert search(archive, "madrasah", ALL, exact_count=True).total == 2


def test_pages_and_iteration(archive):
    """limit/offset page through results; iter_result_ids yields every match."""
    first = found(archive, "", limit=2, order="date")
    second = found(archive, "", limit=2, offset=2, order="date")
    assert len(first) == 2 and len(second) == 2 and not set(first) & set(second)
    assert len(list(search_mod.iter_result_ids(archive, "", ALL, batch=4))) == len(ARTICLES)


def test_backup_during_a_harvest_is_consistent(sqlite_archive, tmp_path):
    """A backup taken while another connection keeps inserting is a sound, consistent archive."""
    archive = sqlite_archive
    started, stop = threading.Event(), threading.Event()

    def harvest():
        with Archive(archive.path) as writer:
            n = 100
            while not stop.is_set():
                insert_row(writer, {"url": f"https://x.id/{n}", "url_key": f"x.id/{n}", "media": "Warta",
                                    "title": f"Berita {n}", "text": "Isi berita madrasah " * 50,
                                    "day": "2021-06-01", "status": "new"})
                n += 1
                started.set()

    (tmp_path / "cadangan").mkdir()
    thread = threading.Thread(target=harvest)
    thread.start()
    try:
        assert started.wait(10)
        info = backup_archive(archive, tmp_path / "cadangan")
    finally:
        stop.set()
        thread.join()
    assert info.path.parent == tmp_path / "cadangan" and info.articles >= len(ARTICLES)
    with sqlite3.connect(info.path) as copy:
        assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"
        articles = copy.execute("select count(*) from articles").fetchone()[0]
        assert copy.execute("select count(*) from search_docs").fetchone()[0] == articles == info.articles
    with Archive(info.path) as restored:
        assert index_problems(restored) == []
    with pytest.raises(Exception, match="arsip itu sendiri"):
        backup_archive(archive, archive.path)


def test_check_rebuilds_a_damaged_index(archive):
    """A damaged index (stale facets, a dropped trigger) is detected, rebuilt and searchable again."""
    ids = archive.ids
    with archive.write():
        if archive.is_postgres:
            archive.execute("update search_docs set document = ''::tsvector where article_id = ?", [ids[0]])
            archive.execute("drop trigger search_articles_ai on articles")
        else:
            archive.execute("update search_docs set facets = 'rusak' where article_id = ?", [ids[0]])
            archive.execute("drop trigger search_articles_ai")
    assert check_archive(archive, repair=False).index_ok is False
    report = check_archive(archive)
    assert report.rebuilt and report.ok and not report.integrity
    assert index_problems(archive) == []
    assert found(archive, "madrasah", SearchFilters(topics=("litbang",))) == [ids[0]]
    new = add_articles(archive, [("2022-02-02", "Warta", "Berita zakat", "Zakat fitrah naik.", "approved",
                                  [], [], "netral")], first=50)
    assert found(archive, "zakat") == new  # the trigger is back


def test_check_verifies_evidence(tmp_path):
    """Evidence whose HTML no longer matches its SHA-256 is reported; check exits non-zero."""
    import hashlib
    with Archive(tmp_path / "arsip.db") as archive:
        html = b"<html>bukti asli</html>"
        article_id = insert_row(archive, {"url": "https://x.id/1", "url_key": "x.id/1", "media": "Warta",
                                             "title": "Judul", "text": "Isi", "day": "2021-01-01"},
                                            html=html, sha256=hashlib.sha256(html).hexdigest())
        assert check_archive(archive).evidence_bad == []
        with archive.write() as db:
            db.execute("update evidence set html = ? where article_id = ?", [zlib.compress(b"palsu"), article_id])
        report = check_archive(archive)
        assert report.evidence_checked == 1 and report.evidence_bad[0][0] == article_id and not report.ok
    assert cli_main(["--db", str(tmp_path / "arsip.db"), "check"]) == 1


def test_exports_read_back(archive, tmp_path):
    """CSV, JSON Lines and a themed PDF volume of the results read back with the right articles."""
    ids = list(search_mod.iter_result_ids(archive, "covid", SearchFilters(date_from="2020-01-01",
                                                                          date_to="2020-12-31")))
    assert len(ids) == 2
    assert export_file(archive, ids, tmp_path / "hasil.csv", "csv") == 2
    with open(tmp_path / "hasil.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {int(r["id"]) for r in rows} == set(ids) and rows[0]["tags"]
    export_file(archive, ids, tmp_path / "hasil.jsonl", "jsonl")
    lines = [json.loads(line) for line in (tmp_path / "hasil.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ids and "covid" in lines[0]["topics"]
    config = parse_config(CONFIG, tmp_path / "sources.yaml")
    title = volume_title("Covid-19", "2020-01-01", "2020-12-31")
    assert title == "Kliping Tematik: Covid-19 2020"
    info = render_volume(archive, config, ids, tmp_path / "jilid.pdf", title)
    text = " ".join(page.extract_text() or "" for page in PdfReader(info.path).pages)
    assert "Kliping Tematik" in text and "Vaksinasi guru madrasah" in text and "pesantren" in text


def test_cli_search_json_export_backup_check(sqlite_archive, tmp_path, capsys):
    """`clipper search` prints hits (or JSON), exports all results, and backup/check report."""
    archive = sqlite_archive
    db = str(archive.path)
    assert cli_main(["--db", db, "search", "penelitian", "--status", "all"]) == 0
    out = capsys.readouterr().out
    assert "[Penelitian] kerukunan" in out and "2 hasil" in out
    assert cli_main(["--db", db, "search", "madrasah", "--json", "--from", "2020-06-01"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [h["id"] for h in hits] == [archive.ids[2]] and "[madrasah]" in hits[0]["snippet_marked"]
    assert cli_main(["--db", db, "search", "--topic", "covid", "--format", "jsonl",
                     "--out", str(tmp_path / "c.jsonl")]) == 0
    assert len((tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert cli_main(["--db", db, "search", "NOT haji"]) == 1
    assert "perlu setidaknya" in capsys.readouterr().err
    assert cli_main(["--db", db, "backup", str(tmp_path / "b.db")]) == 0
    assert (tmp_path / "b.db").exists()
    capsys.readouterr()
    (tmp_path / "lain.db").write_bytes(b"berkas lain")
    assert cli_main(["--db", db, "backup", str(tmp_path / "lain.db")]) == 1  # an existing file is kept
    assert "sudah ada" in capsys.readouterr().err
    assert (tmp_path / "lain.db").read_bytes() == b"berkas lain"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert cli_main(["--db", db, "backup", "--overwrite", str(tmp_path / "lain.db")]) == 0
    with sqlite3.connect(tmp_path / "lain.db") as copy:
        assert copy.execute("select count(*) from articles").fetchone()[0] > 0
    assert cli_main(["--db", db, "check"]) == 0
    assert "Indeks pencarian: sesuai" in capsys.readouterr().out


def test_parse_query_marks_what_to_highlight():
    """The parsed query carries words, roots, prefixes and phrases for the snippet."""
    parsed = parse_query('penelitian "guru madrasah" vaksin* -haji')
    assert parsed.words == {"penelitian"} and "teliti" in parsed.keys
    assert parsed.prefixes == ("vaksin",)
    assert (("guru", "madrasah"), False) in parsed.phrases
    assert "haji" not in parsed.words
