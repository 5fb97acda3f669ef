"""UI test fixtures: a demo archive, synchronous task pools, a window on a real SQLite file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import ui  # noqa: F401  - the PySide6 6.12 None-refcount workaround, before any Qt call
from clipper.cli.demo import DemoServer
from clipper.harvest.run import harvest
from clipper.store.archive import Archive
from clipper.workspace.configuration import parse_config
from ui.tasks import SyncPool, TaskRunner


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path, monkeypatch):
    """QSettings and the user folders go to the test's own directory."""
    from PySide6.QtCore import QCoreApplication, QSettings
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "qsettings"))
    QCoreApplication.setOrganizationName("ClipperTest")
    monkeypatch.setenv("CLIPPER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CLIPPER_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    """Every UI test has a keyring in memory (never the developer's) and no password in the environment."""
    import keyring

    from tests._keyring import MemoryKeyring
    saved = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("CLIPPER_SMTP_PASSWORD", raising=False)
    yield backend
    keyring.set_keyring(saved)


@pytest.fixture
def demo_server():
    with DemoServer() as server:
        yield server


@pytest.fixture
def demo_config(demo_server, tmp_path):
    """The demo's sources.yaml on disk, pointing at the local demo server."""
    path = tmp_path / "sources.yaml"
    path.write_text(demo_server.config_text(), encoding="utf-8")
    config = parse_config(path.read_text(encoding="utf-8"), path)
    return replace(config, editor=config.editor.model_copy(update={"name": "Editor Uji"}))


@pytest.fixture(scope="session")
def harvested_db(tmp_path_factory):
    """A demo harvest archived once per session; tests copy it."""
    out = tmp_path_factory.mktemp("harvested")
    with DemoServer() as server:
        path = out / "sources.yaml"
        path.write_text(server.config_text(), encoding="utf-8")
        config = parse_config(path.read_text(encoding="utf-8"), path)
        with Archive(out / "arsip.db") as archive:
            harvest(config, archive)
    return out / "arsip.db"


@pytest.fixture
def archive_copy(harvested_db, tmp_path) -> Path:
    """A fresh copy of the harvested demo archive for one test."""
    target = tmp_path / "arsip.db"
    with Archive(harvested_db) as source:
        source.conn.execute("VACUUM INTO ?", [str(target)])
    return target


@pytest.fixture
def sync_tasks(archive_copy):
    """A TaskRunner whose pools run each task at once (deterministic UI tests)."""
    return TaskRunner(archive_copy, store_pool=SyncPool(), general_pool=SyncPool())


class ManualPool:
    """A pool that keeps its tasks until the test runs them: a store thread that is busy."""

    def __init__(self):
        self.waiting = []

    def start(self, runnable) -> None:
        self.waiting.append(runnable)

    def run_all(self) -> int:
        """Run the waiting tasks (and those they start) in order; how many ran."""
        ran = 0
        while self.waiting:
            self.waiting.pop(0).run()
            ran += 1
        return ran

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - QThreadPool API
        self.run_all()
        return True


@pytest.fixture
def busy_store(archive_copy):
    """A TaskRunner whose store thread runs only when told; reads and general work run at once."""
    pool = ManualPool()
    return TaskRunner(archive_copy, store_pool=pool, read_pool=SyncPool(), general_pool=SyncPool()), pool
