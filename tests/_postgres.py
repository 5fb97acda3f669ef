"""A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl in a temporary folder.

The cluster listens on a free port of 127.0.0.1 only, trusts local connections (no password),
runs as an unprivileged user when the suite runs as root (PostgreSQL refuses root: the user
``clipper-test`` is created if missing), and is stopped at the end of the session. Each test
gets a fresh database made from a migrated template (CREATE DATABASE … TEMPLATE, ~0.1 s).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

TEST_USER = "clipper-test"  # the system user the cluster runs as when the suite runs as root
SUPERUSER = "clipper"  # the cluster's superuser role (trusted on 127.0.0.1)
TEMPLATE = "clipper_template"


def server_bin() -> Path | None:
    """The folder of Debian's initdb and pg_ctl (the newest installed version), if any."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> tuple[int, int] | None:
    """(uid, gid) to run the server as: None when not root, else the test user (created if missing)."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(TEST_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", TEST_USER],
                       check=True, capture_output=True)
        entry = pwd.getpwnam(TEST_USER)
    return entry.pw_uid, entry.pw_gid


class Cluster:
    """One running cluster; ``url(db)`` gives a locator for a database in it."""

    def __init__(self, bin_dir: Path, base: Path):
        self.bin = bin_dir
        self.base = base
        self.data = base / "data"
        self.port = _free_port()
        self.owner = _run_as()
        self._counter = itertools.count(1)

    def _cmd(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess:
        kwargs = {}
        if self.owner:
            uid, gid = self.owner
            kwargs = {"user": uid, "group": gid, "extra_groups": []}
        return subprocess.run(argv, check=check, capture_output=True, text=True, cwd=self.base,
                              env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"}, **kwargs)

    def start(self) -> None:
        """initdb (UTF-8, trust on 127.0.0.1) and start the server; waits until it accepts connections."""
        if self.owner:
            os.chown(self.base, *self.owner)
            os.chmod(self.base, 0o700)
        self._cmd(str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "-E", "UTF8",
                  "--locale=C.UTF-8", "--auth=trust", "--no-sync")
        conf = (f"listen_addresses = '127.0.0.1'\nport = {self.port}\nunix_socket_directories = ''\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 60\n"
                "shared_buffers = 64MB\n")
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as fh:
            fh.write(conf)
        self._cmd(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.base / "server.log"),
                  "-w", "-t", "60", "start")

    def stop(self) -> None:
        self._cmd(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}"

    def admin(self):
        """An autocommit psycopg connection to the maintenance database."""
        import psycopg
        return psycopg.connect(self.url(), autocommit=True)

    def make_template(self) -> None:
        """The template every test database is copied from: the schema fully migrated."""
        from clipper.store.archive import Archive
        with self.admin() as conn:
            conn.execute(f"create database {TEMPLATE}")
        Archive(self.url(TEMPLATE)).close()
        with self.admin() as conn:
            conn.execute(f"alter database {TEMPLATE} is_template true")

    def _create(self, prefix: str, template: str | None) -> str:
        name = f"{prefix}_{os.getpid()}_{next(self._counter)}"
        copy = f" template {template} strategy file_copy" if template else ""
        with self.admin() as conn:
            conn.execute(f"create database {name}{copy}")
        return name

    def fresh_database(self, prefix: str = "t") -> str:
        """A new migrated database; returns its name."""
        return self._create(prefix, TEMPLATE)

    def copy_database(self, template: str) -> str:
        """A new database copied from ``template`` (no one may be connected to it)."""
        return self._create("c", template)

    def empty_database(self, prefix: str = "e") -> str:
        """A new database with no schema at all (a first use)."""
        return self._create(prefix, None)

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f"drop database if exists {name} with (force)")


def start_cluster() -> Cluster | None:
    """A started cluster, or None when Debian's PostgreSQL server is not installed."""
    bin_dir = server_bin()
    if bin_dir is None:
        return None
    base = Path(tempfile.mkdtemp(prefix="clipper-pg-"))
    cluster = Cluster(bin_dir, base)
    try:
        cluster.start()
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(base, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL test cluster did not start: {exc.stderr or exc.stdout}") from exc
    return cluster


def remove_cluster(cluster: Cluster) -> None:
    cluster.stop()
    shutil.rmtree(cluster.base, ignore_errors=True)
