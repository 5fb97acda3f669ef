"""Test-wide setup: Qt offscreen, and no traffic leaves the machine."""

from __future__ import annotations

import ipaddress
import os
import socket

import pytest

if not os.environ.get("QT_QPA_PLATFORM"):  # unset or empty: no display is assumed
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("CLIPPER_OFFLINE_TESTS", "1")
os.environ.pop("CLIPPER_DB", None)  # a developer's own team archive is never a test's

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _check_address(address) -> None:
    if isinstance(address, tuple) and address:
        host = address[0]
        try:
            ip = ipaddress.ip_address(host.split("%")[0])
        except ValueError:
            raise OSError(f"tests may not resolve or reach {host!r}") from None
        if not ip.is_loopback:
            raise OSError(f"tests may only reach loopback, not {host}")


def _guarded_connect(self, address):
    _check_address(address)
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    _check_address(address)
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch):
    """Refuse every connection that is not to 127.0.0.0/8 or ::1."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    yield


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster for the whole session (tests/_postgres.py), with a migrated template."""
    from tests._postgres import remove_cluster, start_cluster
    cluster = start_cluster()
    if cluster is None:
        pytest.fail("PostgreSQL server not installed: run `sh scripts/setup.sh --test` (Debian's postgresql)")
    try:
        cluster.make_template()
        yield cluster
    finally:
        remove_cluster(cluster)


@pytest.fixture
def pg_url(pg_cluster):
    """A fresh, migrated PostgreSQL database for one test; its locator (postgresql://…)."""
    name = pg_cluster.fresh_database()
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def locator(request, tmp_path, monkeypatch):
    """The archive of one test, on each backend in turn: a SQLite file, then a PostgreSQL database
    (whose editions are written under the user's data folder: here, the test's folder)."""
    if request.param == "sqlite":
        return str(tmp_path / "arsip.db")
    monkeypatch.setenv("CLIPPER_DATA_DIR", str(tmp_path))
    return request.getfixturevalue("pg_url")
