"""Care of a PostgreSQL archive: a backup is pg_dump's, the check verifies and repairs the search index."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from clipper.errors import StoreError
from clipper.safe_files import atomic_path, check_target
from clipper.store import pg_index, pg_schema
from clipper.store.archive import Archive

logger = logging.getLogger(__name__)

PG_DUMP_TIMEOUT = 6 * 3600  # seconds; a large archive with its evidence takes a while


def dump_command(archive: Archive, target: Path) -> tuple[list[str], dict[str, str]]:
    """The pg_dump command (custom format) and its environment: the password goes in PGPASSWORD,
    never on the command line."""
    parts = urlsplit(archive.url)
    env = dict(os.environ)
    netloc = parts.netloc
    if parts.password is not None:
        env["PGPASSWORD"] = unquote(parts.password)
        netloc = netloc.replace(f":{parts.password}@", "@", 1)
    url = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return ["pg_dump", "--format=custom", "--no-owner", f"--file={target}", f"--dbname={url}"], env


def backup_postgres(archive: Archive, dest: str | Path, *, overwrite: bool = False) -> tuple[Path, int]:
    """Write ``pg_dump --format=custom`` of the archive to ``dest`` (a file, or a folder).

    Returns:
        (the file written, its articles).

    Raises:
        StoreError: pg_dump is not installed (the message gives the command to run where it is),
            the destination exists (without ``overwrite``), or pg_dump failed.
    """
    target = Path(dest)
    if target.is_dir() and not target.is_symlink():
        target = target / f"arsip-{datetime.now():%Y%m%d-%H%M%S}.dump"
    check_target(target)  # no symlink, device or folder is replaced; a missing folder is an error
    if shutil.which("pg_dump") is None:
        raise StoreError("arsip PostgreSQL dicadangkan dengan pg_dump, yang tidak ada di komputer ini; "
                         f"jalankan di server: pg_dump --format=custom --file={target.name} {archive.label}")
    if target.exists() and not overwrite:
        raise StoreError(f"berkas {target} sudah ada; tidak ditimpa (pilih nama lain, atau --overwrite)")
    with atomic_path(target) as tmp:  # a unique temporary file beside it, synced, then renamed
        argv, env = dump_command(archive, tmp)
        try:
            done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=PG_DUMP_TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise StoreError(f"pg_dump tidak dapat dijalankan: {exc}") from None
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or ["?"])[-1]
            raise StoreError(f"pg_dump gagal: {reason}")
    return target, archive.scalar("select count(*) from articles")


def index_problems(archive: Archive) -> list[str]:
    """What is wrong with the search index (triggers, one document per article, words present)."""
    problems = []
    names = {r[0] for r in archive.execute("select tgname from pg_trigger where not tgisinternal")}
    missing = [t for t in pg_schema.TRIGGERS if t not in names]
    if missing:
        problems.append(f"pemicu indeks hilang: {', '.join(missing)}")
    orphans = archive.scalar(
        "select (select count(*) from articles a where not exists (select 1 from search_docs d "
        "where d.article_id = a.id)) + (select count(*) from search_docs d where not exists "
        "(select 1 from articles a where a.id = d.article_id))")
    if orphans:
        problems.append(f"{orphans} artikel tidak sinkron dengan indeks")
    wordless = archive.scalar("select count(*) from search_docs where pending = 0 "
                              "and ts_filter(document, '{a,b,c}') = ''::tsvector")
    if wordless:
        problems.append(f"{wordless} artikel tanpa kata di indeks")
    keys = archive.scalar("select count(*) from search_docs d join articles a on a.id = d.article_id "
                          "where d.key <> clipper_day_key(a.day, a.id)")
    if keys:
        problems.append(f"{keys} artikel dengan tanggal indeks yang salah")
    shown = archive.scalar("select count(*) from search_docs where shown <> coalesce(clipper_shown(article_id), 0)")
    if shown:
        problems.append(f"{shown} artikel dengan status indeks yang salah")
    return problems


def rebuild_index(archive: Archive) -> None:
    """Every article's document again: triggers, editions' lists, keys, facets, then the words."""
    with archive.write():
        for trigger, table in pg_schema.TRIGGERS.items():
            archive.execute(f"drop trigger if exists {trigger} on {table}")
        archive.execute(pg_schema.TRIGGERS_SQL)
        archive.execute("delete from search_docs d where not exists (select 1 from articles a where a.id = d.article_id)")
        archive.execute("insert into search_docs (article_id, key, pending) select a.id, clipper_day_key(a.day, a.id), 1 "
                        "from articles a where not exists (select 1 from search_docs d where d.article_id = a.id)")
        archive.execute("delete from edition_articles")
        archive.execute("insert into edition_articles (edition_id, article_id) select e.id, item from editions e, "
                        "clipper_edition_items(e.content) item where e.content is not null on conflict do nothing")
        archive.execute("update search_docs d set key = clipper_day_key(a.day, a.id), pending = 1, "
                        "document = clipper_facets(a.id), shown = clipper_shown(a.id) "
                        "from articles a where a.id = d.article_id")
    pg_index.index_pending(archive)
    logger.info("search index rebuilt")
