"""Defect 7: with the archive read-only or the disk full, `harvest` and `review` printed tracebacks, and
the run stayed "running" forever."""

from __future__ import annotations

import socketserver
import sqlite3
from datetime import UTC, datetime, timedelta

from clipper.cli.demo import DemoServer, render
from clipper.cli.main import main
from clipper.harvest.run import harvest
from clipper.store.archive import Archive
from clipper.workspace.configuration import parse_config
from tests._archive import insert_row
from tests.core._site import CONFIG, build_site


def _connect_as(monkeypatch, db, mode: str) -> None:
    """Every connection the command opens to ``db``: read-only, or unable to grow (a full disk)."""
    real = sqlite3.connect

    def connect(database, *args, **kwargs):
        if str(database) != str(db):
            return real(database, *args, **kwargs)
        if mode == "read-only":
            return real(f"{db.as_uri()}?mode=ro", *args, uri=True, **kwargs)
        conn = real(database, *args, **kwargs)
        conn.execute(f"pragma max_page_count = {conn.execute('pragma page_count').fetchone()[0]}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


def _one_line(capsys, status: int, words: str) -> None:
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err, err
    assert err.startswith("clipper: ") and err.count("\n") == 1 and words in err, err


def test_07_read_only_or_full_archive(tmp_path, monkeypatch, capsys):
    """A clear one-line error, nothing half-written, no run left "running"; a dead run shows as terputus."""
    monkeypatch.setattr(socketserver.BaseServer, "handle_error", lambda *args: None)  # the test web's own noise
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        kept = insert_row(archive, {"url": "https://contoh.id/lama", "url_key": "contoh.id/lama", "media": "Uji",
                                    "title": "Artikel lama", "text": "Teks lama. " * 50, "day": "2026-11-24"})
    holder = sqlite3.connect(db)  # another process has the archive open (its WAL files exist)
    with DemoServer(build_site(tmp_path / "site")) as server:
        config = tmp_path / "sources.yaml"
        config.write_text(render(CONFIG, server.values), encoding="utf-8")
        base = ["--config", str(config), "--db", str(db)]

        with monkeypatch.context() as patch:
            _connect_as(patch, db, "full")
            _one_line(capsys, main([*base, "harvest"]), "disk penuh")
        # what went in before the disk filled is whole (indexed, with its evidence); nothing is half-written
        assert holder.execute("pragma integrity_check").fetchone()[0] == "ok"
        before = holder.execute("select count(*) from articles").fetchone()[0]
        assert holder.execute("select count(*) from search_docs").fetchone()[0] == before
        assert holder.execute("select count(*) from evidence").fetchone()[0] == before - 1  # all but the old one
        with monkeypatch.context() as patch:
            _connect_as(patch, db, "read-only")
            _one_line(capsys, main([*base, "harvest"]), "hanya-baca")
            _one_line(capsys, main([*base, "review", str(kept), "--approve"]), "hanya-baca")
        assert holder.execute("select count(*) from articles").fetchone()[0] == before  # read-only: nothing written
        assert holder.execute("select status from articles where id = ?", [kept]).fetchone()[0] == "new"
        assert [r[0] for r in holder.execute("select status from runs")] == ["failed"]  # never "running"

        # a run left "running" by a machine switched off two hours ago (its host's pid cannot be
        # checked: its silence tells) is shown as terputus on the next start
        started = (datetime.now(UTC) - timedelta(hours=2)).isoformat(timespec="seconds")
        holder.execute("insert into runs (started_at, status, sources, host) values (?, 'running', 3, 'x')",
                       [started])
        holder.commit()
        assert main([*base, "harvest"]) == 0
        out = capsys.readouterr().out
        with Archive(tmp_path / "bersih.db") as clean:  # an undisturbed harvest of the same web, for comparison
            harvest(parse_config(config.read_text(encoding="utf-8"), config), clean, workers=1)
            expected = clean.scalar("select count(*) from articles") + 1  # and the old article
    assert "terputus" in out  # and nothing is missing or twice after the faults
    assert holder.execute("select count(distinct url_key), count(*) from articles").fetchone() == (expected, expected)
    statuses = [r[0] for r in holder.execute("select status from runs order by id")]
    holder.close()
    assert statuses == ["failed", "interrupted", "completed"]
