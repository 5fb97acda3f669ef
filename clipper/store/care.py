"""Archive care: a consistent backup while the app writes, and an integrity and index check."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from clipper.errors import StoreError
from clipper.safe_files import check_target
from clipper.store import search_index as schema_search
from clipper.store.archive import BUSY_SECONDS, Archive, evidence_bytes, problem
from clipper.store.searching import index_pending

logger = logging.getLogger(__name__)

# `check` verifies the SHA-256 of this many evidence pages (the newest) unless asked for all.
EVIDENCE_SAMPLE = 200


@dataclass(frozen=True)
class BackupInfo:
    """What a backup wrote."""

    path: Path
    size: int
    articles: int


def backup_archive(archive: Archive, dest: str | Path, *, overwrite: bool = False) -> BackupInfo:
    """Copy the archive with SQLite's backup API, consistent even while another process writes
    (PostgreSQL: pg_dump's custom format, see clipper.store.pg_care).

    The copy is made in one step (one read snapshot; WAL lets writers go on meanwhile),
    written to a temporary file beside the destination, checked, then renamed into place.

    Args:
        archive: the open archive.
        dest: a file path, or an existing folder (the copy is named arsip-YYYYmmdd-HHMMSS.db).
        overwrite: replace an existing file at ``dest`` (otherwise it is kept and this fails).

    Raises:
        StoreError: the destination is the archive itself, exists (without ``overwrite``),
            or cannot be written.
    """
    if archive.is_postgres:
        from clipper.store.pg_care import backup_postgres
        path, articles = backup_postgres(archive, dest, overwrite=overwrite)
        return BackupInfo(path, path.stat().st_size, articles)
    target = Path(dest)
    if target.is_dir() and not target.is_symlink():
        target = target / f"arsip-{datetime.now():%Y%m%d-%H%M%S}.db"
    if target.exists() and target.resolve() == archive.path.resolve():
        raise StoreError(f"tujuan cadangan adalah arsip itu sendiri: {target}")
    check_target(target)  # no symlink, device or folder is replaced; a missing folder is an error
    if target.exists() and not overwrite:
        raise StoreError(f"berkas {target} sudah ada; tidak ditimpa (pilih nama lain, atau --overwrite)")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise StoreError(f"cadangan tidak dapat ditulis ke {target.parent}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        copy = sqlite3.connect(tmp_name)
        try:
            archive.conn.backup(copy, pages=-1)  # one step: one consistent snapshot
            copy.execute("pragma journal_mode=delete")
            articles = copy.execute("select count(*) from articles").fetchone()[0]
            result = copy.execute("pragma quick_check").fetchone()[0]
        finally:
            copy.close()
        if result != "ok":
            raise StoreError(f"salinan cadangan rusak: {result}")
        if overwrite:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)  # fails if a file appeared there meanwhile: never replaced
            except FileExistsError:
                raise StoreError(f"berkas {target} sudah ada; tidak ditimpa "
                                 "(pilih nama lain, atau --overwrite)") from None
            tmp.unlink()
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"cadangan ke {target} gagal: {exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    logger.info("backup of %s written to %s", archive.path, target)
    return BackupInfo(target, target.stat().st_size, articles)


@dataclass
class CheckReport:
    """What `check` found and did; ``ok`` when the archive is sound (after repairs)."""

    integrity: list[str] = field(default_factory=list)  # problems from PRAGMA integrity_check
    integrity_checked: bool = True  # False on PostgreSQL: the server keeps its pages whole itself
    index_ok: bool = True  # the full-text index matched the articles before any repair
    rebuilt: bool = False
    stems_indexed: int = 0
    evidence_checked: int = 0
    evidence_bad: list[tuple[int, str]] = field(default_factory=list)  # (article id, reason)

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.evidence_bad


def _index_problems(archive: Archive) -> list[str]:
    if archive.is_postgres:
        from clipper.store.pg_care import index_problems
        return index_problems(archive)
    conn = archive.conn
    problems = []
    names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")}
    missing = [t for t in schema_search.TRIGGERS if t not in names]
    if missing:
        problems.append(f"pemicu indeks hilang: {', '.join(missing)}")
    orphans = conn.execute("select (select count(*) from articles a where not exists (select 1 from "
                           "search_docs d where d.article_id = a.id)) + (select count(*) from search_docs d "
                           "where not exists (select 1 from articles a where a.id = d.article_id))").fetchone()[0]
    if orphans:
        problems.append(f"{orphans} artikel tidak sinkron dengan indeks")
    try:
        conn.execute("insert into search_fts(search_fts, rank) values('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        problems.append(f"indeks teks tidak cocok dengan artikel: {exc}")
    return problems


def rebuild_index(archive: Archive) -> None:
    """Rebuild the search index from the articles: keys, facets, editions, FTS, triggers."""
    if archive.is_postgres:
        from clipper.store.pg_care import rebuild_index as rebuild_postgres
        rebuild_postgres(archive)
        return
    with archive.write() as db:
        schema_search.drop_triggers(db)
        schema_search.fill_edition_articles(db)
        schema_search.refresh_search_docs(db)
        schema_search.rebuild_fts(db)
        schema_search.create_triggers(db)
    logger.info("search index rebuilt")


def check_evidence(archive: Archive, *, everything: bool = False) -> tuple[int, list[tuple[int, str]]]:
    """Verify the SHA-256 of stored evidence (the raw HTML, compressed: zlib, or gzip as sent) against its record.

    Returns:
        (how many were checked, [(article id, problem)]).
    """
    sql = "select article_id, sha256, html from evidence where sha256 is not null order by article_id desc"
    if not everything:
        sql += f" limit {EVIDENCE_SAMPLE}"
    checked, bad = 0, []
    for row in archive.execute(sql):
        checked += 1
        try:
            digest = hashlib.sha256(evidence_bytes(row[2])).hexdigest()
        except (zlib.error, TypeError):
            bad.append((row[0], "HTML bukti tidak dapat dibuka (rusak)"))
            continue
        if digest != row[1]:
            bad.append((row[0], "SHA-256 HTML bukti tidak cocok"))
    return checked, bad


def check_file(path: str | Path, *, quick: bool = False) -> list[str]:
    """The integrity of an archive file, read only: nothing is written to it, not even a migration.

    `clipper check` runs this first; only a sound file is then opened for the index and
    evidence checks (which may repair the index).

    Returns:
        The problems found (empty when the file is sound).

    Raises:
        StoreError: there is no file at ``path``, or it cannot be opened at all.
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"arsip {path} tidak ada" if not path.exists() else f"{path} bukan berkas arsip")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
    except sqlite3.Error as exc:
        raise StoreError(f"arsip {path} tidak dapat dibuka: {problem(exc)}") from exc
    try:
        rows = conn.execute(f"pragma {'quick_check' if quick else 'integrity_check'}").fetchall()
        conn.execute("select count(*) from sqlite_master").fetchone()
        return [str(r[0]) for r in rows if r[0] != "ok"]
    except sqlite3.DatabaseError as exc:  # not a database, or damaged beyond what the check reads
        return [problem(exc)]
    finally:
        conn.close()


def check_archive(archive: Archive, *, repair: bool = True, all_evidence: bool = False,
                  quick: bool = False, integrity: bool = True) -> CheckReport:
    """Check the database, the search index and the evidence; rebuild the index when needed.

    Args:
        repair: rebuild a damaged index and fill pending stems (else only report).
        all_evidence: verify every evidence page instead of the newest EVIDENCE_SAMPLE.
        quick: PRAGMA quick_check instead of the full integrity_check.
        integrity: run the integrity check (False: check_file did it already).
    """
    report = CheckReport(integrity_checked=not archive.is_postgres)
    if integrity and not archive.is_postgres:  # PostgreSQL keeps its own pages whole (checksums, WAL)
        try:
            rows = archive.conn.execute(f"pragma {'quick_check' if quick else 'integrity_check'}").fetchall()
        except sqlite3.DatabaseError as exc:
            rows = [(str(exc),)]
        report.integrity = [r[0] for r in rows if r[0] != "ok"]
    problems = _index_problems(archive)
    report.index_ok = not problems
    for problem in problems:
        logger.warning("search index: %s", problem)
    if problems and repair:
        rebuild_index(archive)
        report.rebuilt = True
        still = _index_problems(archive)
        if still:
            report.integrity += still
    if repair:
        report.stems_indexed = index_pending(archive)
    report.evidence_checked, report.evidence_bad = check_evidence(archive, everything=all_evidence)
    return report


def index_problems(archive: Archive) -> list[str]:
    """The search index's problems (empty when it matches the articles)."""
    return _index_problems(archive)
