"""Team mode: several processes and editors on one archive, and PostgreSQL's roles (real server, no mock)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from clipper.cli.demo import DemoServer
from clipper.errors import ConflictError, StoreError
from clipper.review.decisions import update_articles
from clipper.store.archive import Archive
from clipper.store.decisions import editable_values
from clipper.store.editions import editions_of
from tests._archive import count_rows, get_row, insert_row
from tests.data.mail.smtp_server import SmtpServer

ROOT = Path(__file__).resolve().parents[2]
DAY = "2026-11-24"
MENTERI, KABIRO = "menteri@kemenag.example.id", "kabiro@kemenag.example.id"
CONFIG = {"sources": [{"name": "Warta", "feed": "https://warta.example.id/rss"}],
          "editor": {"name": "Rina Editor"}, "edition": {"number_start": 7}}


def add(archive: Archive, n: int, status: str = "new") -> int:
    return insert_row(archive, {
        "url": f"https://warta.example.id/{n}", "url_key": f"warta.example.id/{n}", "media": "Warta",
        "title": f"Berita madrasah nomor {n}", "text": f"Isi berita nomor {n} tentang madrasah. " * 20,
        "day": DAY, "status": status, "published_at": f"{DAY}T09:00:00+07:00",
        "published_utc": f"{DAY}T02:{n % 60:02d}:00+00:00", "topics": '["kemenag"]', "primary_topic": "kemenag"})


def clipper(tmp_path: Path, db: str, *args: str, wait: bool = True, stdin: str | None = None):
    """`clipper --config … --db DB ARGS` in its own process (a second editor's computer)."""
    env = {**os.environ, "CLIPPER_CONFIG_DIR": str(tmp_path), "CLIPPER_DATA_DIR": str(tmp_path)}
    argv = [sys.executable, "-m", "clipper", "--config", str(tmp_path / "sources.yaml"), "--db", db, *args]
    if not wait:
        return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    return subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, env=env, timeout=180, input=stdin)


def both(*procs: subprocess.Popen) -> list[tuple[int, str, str]]:
    """Wait for processes started together; (exit status, stdout, stderr) of each."""
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        results.append((proc.returncode, out, err))
    return results


def write_config(tmp_path: Path, **extra) -> None:
    (tmp_path / "sources.yaml").write_text(json.dumps({**CONFIG, **extra}), encoding="utf-8")


def test_two_harvests_at_once_store_each_article_once(tmp_path, locator):
    """Two processes harvesting the same sources into one archive: every article stored once, both complete."""
    with Archive(locator):
        pass  # created (and migrated) before the two race for it
    with DemoServer() as server:
        (tmp_path / "sources.yaml").write_text(server.config_text(), encoding="utf-8")
        results = both(clipper(tmp_path, locator, "harvest", wait=False),
                       clipper(tmp_path, locator, "harvest", wait=False))
    assert [r[0] for r in results] == [0, 0], [r[2] for r in results]
    with Archive(locator) as archive:
        assert count_rows(archive) == 36
        assert archive.scalar("select count(distinct url_key) from articles") == 36
        assert archive.scalar("select count(*) from runs where status = 'completed'") == 2


def test_a_stale_decision_is_refused_and_changes_nothing(locator):
    """Editor one decides on the version seen; editor two changed it meanwhile: refused, in Indonesian."""
    with Archive(locator) as one, Archive(locator) as two:
        first, second = add(one, 1), add(one, 2)
        seen = {i: editable_values(one, i)["version"] for i in (first, second)}
        update_articles(two, [first], decision="approve", editor="Dua")
        with pytest.raises(ConflictError, match="sudah diubah editor lain") as info:
            update_articles(one, [second, first], decision="reject", editor="Satu", expected=seen)
        assert info.value.article_ids == [first]
        assert get_row(one, first)["status"] == "approved" and get_row(one, second)["status"] == "new"
        change = update_articles(one, [second], decision="reject", expected={second: seen[second]})
        assert change.versions == {second: seen[second] + 1}


def test_editors_adding_tags_at_once_lose_nothing(locator):
    """Eight editors add a tag to one article at the same moment: every tag is kept (no lost update)."""
    with Archive(locator) as archive:
        article = add(archive, 1)
    start = threading.Barrier(8)
    errors = []

    def editor(n: int) -> None:
        try:
            with Archive(locator) as own:
                start.wait()
                update_articles(own, [article], add_tags=[f"tag{n}"], editor=f"editor {n}")
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=editor, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Archive(locator) as archive:
        row = get_row(archive, article)
    assert sorted(json.loads(row["tags"])) == sorted(f"tag{n}" for n in range(8)) and row["version"] == 9


def test_two_compiles_of_one_day_at_once_give_one_edition(tmp_path, locator):
    """Two processes compile the same day (final) at once: one edition, one number, both exit 0."""
    write_config(tmp_path)
    with Archive(locator) as archive:
        update_articles(archive, [add(archive, n) for n in (1, 2, 3)], decision="approve")
    results = both(clipper(tmp_path, locator, "compile", "--date", DAY, "--final", wait=False),
                   clipper(tmp_path, locator, "compile", "--date", DAY, "--final", wait=False))
    assert [r[0] for r in results] == [0, 0], [r[2] for r in results]
    with Archive(locator) as archive:
        editions = editions_of(archive, DAY)
    assert [(e.number, e.status) for e in editions] == [("7/2026", "final")]


def test_compiles_started_at_the_same_moment_give_one_edition(tmp_path, locator):
    """Three editors press "compile" at the same moment: one draft edition, one number, the same PDF."""
    from clipper.edition.compile import compile_edition
    from clipper.workspace.configuration import parse_config
    config = parse_config(json.dumps({**CONFIG, "edition": {**CONFIG["edition"], "output_dir": str(tmp_path)}}),
                          tmp_path / "sources.yaml")
    with Archive(locator) as archive:
        update_articles(archive, [add(archive, n) for n in (1, 2, 3)], decision="approve")
    start = threading.Barrier(3)
    records, errors = [], []

    def compile_now() -> None:
        try:
            with Archive(locator) as own:
                start.wait()
                records.append(compile_edition(own, config, DAY)[0])
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=compile_now) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert {(r.id, r.number) for r in records} == {(records[0].id, "7/2026")}
    with Archive(locator) as archive:
        assert len(editions_of(archive, DAY)) == 1


def test_an_edition_is_mailed_once_by_two_senders(tmp_path, locator):
    """Two processes send the same final edition at once: each recipient gets exactly one copy."""
    with Archive(locator) as archive:
        update_articles(archive, [add(archive, n) for n in (1, 2)], decision="approve")
    with SmtpServer() as server:
        write_config(tmp_path, email={"host": "127.0.0.1", "port": server.port, "security": "none",
                                      "sender": "kliping@litbang.example.id", "recipients": [MENTERI, KABIRO]})
        assert clipper(tmp_path, locator, "compile", "--date", DAY, "--final").returncode == 0
        results = both(clipper(tmp_path, locator, "send", "--date", DAY, wait=False),
                       clipper(tmp_path, locator, "send", "--date", DAY, wait=False))
        assert sorted(m.rcpt_tos[0] for m in server.received) == [KABIRO, MENTERI]
    assert 0 in [r[0] for r in results]
    for code, _, err in results:  # the other waited its turn and skipped, or was told another sends
        assert code == 0 or "sedang dikirim oleh proses lain" in err, err
        assert "Traceback" not in err


def test_senders_started_at_the_same_moment_mail_once(tmp_path, locator):
    """Three processes' sends of one final edition start at the same moment: one copy per recipient."""
    from clipper.edition.compile import compile_edition
    from clipper.errors import MailError
    from clipper.mail.send import send_edition
    from clipper.workspace.configuration import parse_config
    with SmtpServer() as server:
        spec = {"host": "127.0.0.1", "port": server.port, "security": "none", "sender": "kliping@litbang.example.id",
                "recipients": [MENTERI, KABIRO]}
        config = parse_config(json.dumps({**CONFIG, "email": spec, "edition": {"output_dir": str(tmp_path)}}),
                              tmp_path / "sources.yaml")
        with Archive(locator) as archive:
            update_articles(archive, [add(archive, n) for n in (1, 2)], decision="approve")
            edition = compile_edition(archive, config, DAY, final=True)[0]
        start = threading.Barrier(3)
        outcomes = []

        def send_now() -> None:
            with Archive(locator) as own:
                start.wait()
                try:
                    outcomes.append([s.stage for s in send_edition(own, config, edition.id)][-1])
                except MailError as exc:
                    outcomes.append(str(exc))

        threads = [threading.Thread(target=send_now) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(m.rcpt_tos[0] for m in server.received) == [KABIRO, MENTERI], outcomes
    assert "done" in outcomes
    assert all(o == "done" or "sedang dikirim oleh proses lain" in o for o in outcomes), outcomes


def _waits_for_a_lock(watcher: Archive, pid: int) -> None:
    """Return once the backend ``pid`` waits for a lock (bounded: fails after a minute)."""
    import time
    deadline = time.monotonic() + 60
    while not watcher.scalar("select count(*) from pg_locks where pid = ? and not granted", [pid]):
        assert time.monotonic() < deadline, "the second taker never waited"
        time.sleep(0.01)


def test_the_send_lock_makes_a_second_taker_wait_then_see_the_first(pg_url):
    """PostgreSQL: while one process takes an edition's send lock, a second waits for its commit,
    then finds the running send (never a second run)."""
    from clipper.store.deliveries import take_send_lock
    with Archive(pg_url) as one, Archive(pg_url) as two, Archive(pg_url) as watcher:
        with one.write():
            edition = one.insert("editions", {"day": DAY, "kind": "regular", "seq": 1, "year": 2026,
                                              "number": "1/2026", "status": "final"})
        outcome, second = [], two.scalar("select pg_backend_pid()")
        with one.write():
            run_id, _ = take_send_lock(one, edition, lambda run: False)
            thread = threading.Thread(target=lambda: outcome.append(take_send_lock(two, edition, lambda run: False)))
            thread.start()
            _waits_for_a_lock(watcher, second)
        thread.join()
        assert run_id is not None and outcome[0][0] is None and outcome[0][1].id == run_id
        assert watcher.scalar("select count(*) from send_runs where status = 'running'") == 1


# --- PostgreSQL's roles ---------------------------------------------------------------------------


@pytest.fixture
def team(pg_cluster, pg_url, tmp_path):
    """A team archive with one approved day and a final edition, and an archivist account 'arsiparis'."""
    write_config(tmp_path)
    with Archive(pg_url) as archive:
        update_articles(archive, [add(archive, n) for n in (1, 2, 3)], decision="approve")
    assert clipper(tmp_path, pg_url, "compile", "--date", DAY, "--final").returncode == 0
    with Archive(pg_url) as archive:
        add(archive, 4)
    database = pg_url.rsplit("/", 1)[1]
    user = f"arsiparis_{database}"  # roles belong to the whole cluster: one per test
    granted = clipper(tmp_path, pg_url, "db", "grant", user, "--role", "archivist")
    assert granted.returncode == 0 and "Kata sandi" in granted.stdout, granted.stderr
    return pg_url, pg_cluster.url(database, user=user)


def _snapshot(url: str) -> tuple:
    with Archive(url) as archive:
        return tuple(archive.scalar(f"select count(*) from {t}") for t in
                     ("articles", "runs", "editions", "send_runs", "deliveries")), \
            archive.scalar("select sum(version) from articles")


@pytest.mark.parametrize("command", [["harvest"], ["review", "4", "--approve"], ["compile", "--date", DAY],
                                     ["compile", "--date", "2026-11-25"], ["send", "--date", DAY]])
def test_an_archivist_cannot_change_the_archive(team, tmp_path, command):
    """harvest, review, compile and send as an archivist: exit ≠ 0, one Indonesian line, nothing changed."""
    admin, archivist = team
    if command[0] == "send":
        write_config(tmp_path, email={"host": "127.0.0.1", "port": 9, "security": "none",
                                      "sender": "kliping@litbang.example.id", "recipients": [MENTERI]})
    before = _snapshot(admin)
    run = clipper(tmp_path, archivist, *command)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert "tidak berhak mengubah arsip" in run.stderr and "arsiparis" in run.stderr
    assert _snapshot(admin) == before


def test_an_archivist_searches_and_exports(team, tmp_path):
    """An archivist's account searches (index reads only) and exports."""
    _, archivist = team
    found = clipper(tmp_path, archivist, "search", "madrasah", "--json", "--status", "all")
    assert found.returncode == 0, found.stderr
    assert len(found.stdout.splitlines()) == 4
    exported = clipper(tmp_path, archivist, "export", "--format", "csv", "--out", str(tmp_path / "a.csv"))
    assert exported.returncode == 0, exported.stderr
    assert len((tmp_path / "a.csv").read_text(encoding="utf-8").splitlines()) == 5


def test_grant_changes_a_role_and_refuses_sqlite(team, tmp_path):
    """Granting editor to the archivist lets it review; a SQLite archive has no accounts (clear error)."""
    admin, archivist = team
    user = archivist.split("//", 1)[1].split("@", 1)[0]
    again = clipper(tmp_path, admin, "db", "grant", user, "--role", "editor", "--password-stdin",
                    stdin="sandi-baru\n")
    assert again.returncode == 0 and "Kata sandi" not in again.stdout
    assert clipper(tmp_path, archivist, "review", "4", "--approve").returncode == 0
    sqlite = clipper(tmp_path, str(tmp_path / "arsip.db"), "db", "grant", "x", "--role", "editor")
    assert sqlite.returncode == 1 and "PostgreSQL" in sqlite.stderr


def test_an_unreachable_server_is_one_line(tmp_path):
    """A database nobody listens for: exit 1, one line naming the archive (password hidden), no traceback."""
    write_config(tmp_path)
    run = clipper(tmp_path, "postgresql://budi:rahasia@127.0.0.1:9/kliping", "list")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "tidak dapat dibuka" in run.stderr
    assert "rahasia" not in run.stderr and "budi:***@" in run.stderr


def test_backup_and_check_on_postgresql(pg_url, tmp_path):
    """backup runs pg_dump (custom format, restorable listing); check verifies the index; no pg_dump: a clear line."""
    write_config(tmp_path)
    with Archive(pg_url) as archive:
        add(archive, 1)
    backup = clipper(tmp_path, pg_url, "backup", str(tmp_path))
    assert backup.returncode == 0, backup.stderr
    dumps = list(tmp_path.glob("arsip-*.dump"))
    assert len(dumps) == 1 and dumps[0].read_bytes()[:5] == b"PGDMP"
    check = clipper(tmp_path, pg_url, "check")
    assert check.returncode == 0 and "Indeks pencarian: sesuai" in check.stdout, check.stderr
    env = {**os.environ, "PATH": str(tmp_path / "kosong")}
    run = subprocess.run([sys.executable, "-m", "clipper", "--db", pg_url, "backup", str(tmp_path / "b.dump")],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert run.returncode == 1 and "pg_dump" in run.stderr and "Traceback" not in run.stderr


def test_first_use_creates_the_schema_once(pg_cluster):
    """An empty database gets every table at first open; two processes opening it at once migrate it once."""
    name = pg_cluster.empty_database()
    url = pg_cluster.url(name)
    procs = [subprocess.Popen([sys.executable, "-c", f"from clipper.store.archive import Archive; Archive({url!r})"],
                              cwd=ROOT, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0], [p.stderr.read() for p in procs]
    with Archive(url) as archive:
        names = [r[0] for r in archive.execute("select name from _clipper_migrations")]
        assert len(names) == len(set(names)) and "m060_article_version" in names
        assert archive.scalar("select count(*) from articles") == 0
    pg_cluster.drop_database(name)


def test_clipper_db_is_the_default_archive(tmp_path, pg_url):
    """Without --db the command line opens CLIPPER_DB (here a PostgreSQL database)."""
    write_config(tmp_path)
    with Archive(pg_url) as archive:
        add(archive, 1)
    env = {**os.environ, "CLIPPER_DB": pg_url, "CLIPPER_DATA_DIR": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "clipper", "--config", str(tmp_path / "sources.yaml"), "list"],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert run.returncode == 0 and "Berita madrasah nomor 1" in run.stdout, run.stderr
    assert not (tmp_path / "arsip.db").exists()


def test_locators(tmp_path):
    """A path, sqlite:/// and postgresql:// are understood; another scheme is a clear error."""
    from clipper.store.locator import parse_locator, redact
    assert parse_locator(tmp_path / "a.db") == ("sqlite", str(tmp_path / "a.db"))
    assert parse_locator("sqlite:///arsip.db") == ("sqlite", "arsip.db")
    assert parse_locator("sqlite:////tmp/arsip.db") == ("sqlite", "/tmp/arsip.db")
    assert parse_locator("postgresql://budi@db.kemenag:5432/kliping")[0] == "postgresql"
    with pytest.raises(StoreError, match="tidak dikenal"):
        parse_locator("mysql://x@y/z")
    assert redact("postgresql://budi:rahasia@h/db") == "postgresql://budi:***@h/db"
