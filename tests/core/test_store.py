"""The archive: migrations, transactions, FTS in sync, editorial changes and undo."""

from __future__ import annotations

import sqlite3

import pytest

from clipper.review.decisions import ReviewError, undo, update_articles
from clipper.store.archive import Archive
from clipper.store.articles import evidence_html
from clipper.store.decisions import set_positions, tag_vocabulary
from clipper.store.match import Term
from clipper.store.records import SearchFilters
from clipper.store.runs import start_run
from clipper.store.schema import migrations
from clipper.store.searching import matching_ids
from tests._archive import count_rows, get_row, insert_row


def row(n: int, **extra) -> dict:
    return {"url": f"https://x.id/{n}", "url_key": f"x.id/{n}", "media": "Warta", "title": f"Judul {n}",
            "text": f"Isi berita nomor {n} tentang madrasah.", "day": "2026-11-24",
            "published_utc": f"2026-11-24T0{n % 10}:00:00+00:00", **extra}


def test_migrations_idempotent_and_wal(tmp_path):
    """Opening twice applies migrations once; the database runs in WAL mode."""
    path = tmp_path / "a.db"
    with Archive(path) as archive:
        applied = [m.name for m in migrations.applied(archive.db)]
        assert archive.conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    with Archive(path) as archive:
        assert [m.name for m in migrations.applied(archive.db)] == applied
        assert "search_fts" in archive.db.table_names()


def _found(archive: Archive, word: str) -> list[int]:
    """The ids the search index finds for one word (any status)."""
    return [i for i, _ in matching_ids(archive, Term("word", (word,)), SearchFilters(statuses=()),
                                       order="date", limit=10)]


def test_an_archive_from_before_team_mode_opens_and_upgrades_without_loss(tmp_path):
    """A SQLite archive made before m060 (no version column): opened, upgraded, nothing lost, searchable."""
    import sqlite_utils
    path = tmp_path / "lama.db"
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m060_article_version")
    old.execute("insert into articles (url, url_key, media, title, text, day, status, tags) values "
                "('https://x.id/1', 'x.id/1', 'Warta', 'Madrasah lama', 'Isi tentang madrasah.', '2025-01-02', "
                "'approved', '[\"haji\"]')")
    old.conn.commit()
    old.close()
    with Archive(path) as archive:
        names = [m.name for m in migrations.applied(archive.db)]
        assert names[:7] == ["m001_initial", "m002_editions", "m003_images", "m010_mail_deliveries",
                             "m020_search_index", "m021_stems_inbox", "m022_arabic_bare_forms"]
        assert {"m060_article_version", "m061_roles", "m062_locks"} <= set(names)
        got = get_row(archive, 1)
        assert got["title"] == "Madrasah lama" and got["tags"] == '["haji"]' and got["version"] == 1
        assert _found(archive, "madrasah") == [1]
        update_articles(archive, [1], tone="netral", expected={1: 1})
        assert get_row(archive, 1)["version"] == 2


def test_every_migration_has_both_forms():
    """Each numbered migration names its SQLite and its PostgreSQL form (the same list for both)."""
    assert [s.name for s in migrations.steps][:1] == ["m001_initial"]
    for step in migrations.steps:
        assert callable(step.sqlite) and isinstance(step.postgres, str), step.name
    with pytest.raises(TypeError, match="PostgreSQL form"):
        migrations(postgres=None)


def test_insert_once_per_url_key_and_index(locator):
    """The same url_key is stored once, and the search index follows inserts and updates."""
    with Archive(locator) as archive:
        first = insert_row(archive, row(1), html=b"<html>bukti</html>")
        assert first is not None
        assert insert_row(archive, row(1)) is None
        assert count_rows(archive) == 1
        assert evidence_html(archive, first) == b"<html>bukti</html>"
        assert _found(archive, "madrasah") == [first]
        with archive.write():
            archive.update("articles", ("id", first), {"text": "Kini tentang pesantren."})
        assert _found(archive, "madrasah") == []
        assert _found(archive, "pesantren") == [first]


def test_failed_write_rolls_back(locator):
    """An exception inside a write transaction leaves nothing behind."""
    with Archive(locator) as archive:
        with pytest.raises(RuntimeError):
            with archive.write():
                archive.insert("runs", {"started_at": "x", "status": "running"})
                insert_row(archive, row(2))
                raise RuntimeError("boom")
        assert count_rows(archive) == 0
        assert archive.scalar("select count(*) from runs") == 0


def test_unwritable_archive_is_a_store_error(tmp_path):
    """A path that cannot hold a database gives a StoreError with the reason."""
    from clipper.errors import StoreError
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as info:
        Archive(blocker / "a.db")
    assert "tidak dapat dibuka" in str(info.value)


def test_review_decisions_tags_tone_and_undo(locator):
    """Approve with tags and tone records who and when; undo restores the previous values."""
    with Archive(locator) as archive:
        ids = [insert_row(archive, row(n)) for n in (1, 2, 3)]
        change = update_articles(archive, ids[:2], decision="approve", add_tags=["Haji", "haji ", "Madrasah"],
                                 tone="positif", editor="Rina")
        got = get_row(archive, ids[0])
        assert got["status"] == "approved" and got["decided_by"] == "Rina" and got["decided_at"]
        assert got["tags"] == '["haji","madrasah"]' and got["tone"] == "positif"
        assert tag_vocabulary(archive) == ["haji", "madrasah"]
        undo(archive, change)
        got = get_row(archive, ids[0])
        assert got["status"] == "new" and got["tags"] == "[]" and got["tone"] is None
        set_positions(archive, [ids[2], ids[0]])
        assert get_row(archive, ids[2])["position"] == 1 and get_row(archive, ids[0])["position"] == 2


def test_review_rejects_bad_values_without_changes(locator):
    """An unknown id or tone raises and changes nothing."""
    with Archive(locator) as archive:
        first = insert_row(archive, row(1))
        with pytest.raises(ReviewError):
            update_articles(archive, [first, 999], decision="approve")
        with pytest.raises(ReviewError):
            update_articles(archive, [first], tone="marah")
        assert get_row(archive, first)["status"] == "new"


def test_write_blocked_by_another_writer_is_a_store_error(tmp_path):
    """While another connection holds the write lock past the busy timeout, write() raises
    StoreError with a reason (never a half-done transaction); once it commits, writes go on."""
    path = tmp_path / "a.db"
    with Archive(path) as archive:
        other = sqlite3.connect(str(path), isolation_level=None, timeout=0.05)
        other.execute("BEGIN IMMEDIATE")
        other.execute("insert into runs (started_at, status) values ('x', 'running')")
        from clipper.errors import StoreError
        with pytest.raises(StoreError) as info:
            archive.conn.execute("PRAGMA busy_timeout = 50")
            with archive.write():
                pass
        assert "tidak dapat ditulis" in str(info.value)
        other.execute("COMMIT")
        archive.conn.execute("PRAGMA busy_timeout = 30000")
        run_id = start_run(archive, 1)
        assert run_id == 2
