"""Defect 12: two commands opening a new archive at once: one failed with "database is locked" (the
schema set-up raced; the app and a scheduled harvest starting together hit the same)."""

from __future__ import annotations

import sqlite3
import threading
import time

from clipper.store.archive import Archive
from clipper.store.schema import migrations

# sqlite-utils' Migrations under the archive's (wrapped when the schema also has other backends)
SQLITE_MIGRATIONS = getattr(migrations, "_sqlite", migrations)


def _complete(path) -> None:
    with Archive(path) as archive:
        applied = {r["name"] for r in archive.query("select name from _sqlite_migrations")}
        assert applied == {m.name for m in SQLITE_MIGRATIONS._migrations}
        assert archive.scalar("select count(*) from articles") == 0


def test_12_new_archive_while_another_process_sets_it_up(tmp_path, monkeypatch):
    """The archive waits while another process holds the new file (switching it to WAL), instead of failing."""
    path = tmp_path / "baru.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("begin immediate")  # the other process, in the middle of creating the file
    other.execute("create table persiapan (x)")
    real_sleep = time.sleep

    def other_finishes(seconds: float) -> None:  # the first time this process waits, the other one is done
        if other.in_transaction:
            other.execute("commit")
        real_sleep(0)

    monkeypatch.setattr(time, "sleep", other_finishes)
    Archive(path).close()
    other.close()
    _complete(path)


def test_12_schema_set_up_is_one_process_at_a_time(tmp_path, monkeypatch):
    """While one process applies the migrations no other writes in between, so neither fails with "locked"."""
    path = tmp_path / "baru.db"
    first = SQLITE_MIGRATIONS._migrations[0]
    apply_first = first.fn
    done = threading.Event()
    outcome = {}

    def intruder() -> None:  # another process writing to the new archive at that moment (no waiting)
        conn = sqlite3.connect(path, isolation_level=None, timeout=0)
        try:
            conn.execute("begin immediate")
            conn.execute("create table lain (x)")
            conn.execute("commit")
            outcome["intruder"] = "wrote"
        except sqlite3.OperationalError as exc:
            outcome["intruder"] = str(exc)  # kept out until the schema is complete
        finally:
            conn.close()
            done.set()

    def migrate_with_intruder(db) -> None:
        db.execute("select count(*) from sqlite_master").fetchone()  # what is there, read first …
        threading.Thread(target=intruder).start()
        assert done.wait(30)
        apply_first(db)  # … then written

    monkeypatch.setattr(first, "fn", migrate_with_intruder)
    Archive(path).close()
    monkeypatch.undo()
    assert outcome["intruder"] == "database is locked"
    _complete(path)
