"""The review queue in a team: another editor's change is never overwritten unseen, on both backends."""

from __future__ import annotations

import pytest

from clipper.review.decisions import update_articles
from clipper.store.archive import Archive
from clipper.store.transfer import copy_archive
from tests._archive import get_row
from ui.review.queue import ReviewQueue
from ui.tasks import SyncPool, TaskRunner


@pytest.fixture
def team_archive(harvested_db, locator) -> str:
    """The harvested demo archive copied into this test's archive (SQLite file or PostgreSQL)."""
    with Archive(harvested_db) as source, Archive(locator) as target:
        copy_archive(source, target)
    return locator


def _queue(qtbot, tasks: TaskRunner) -> ReviewQueue:
    queue = ReviewQueue(tasks, "Editor Satu", {})
    qtbot.addWidget(queue)
    queue.model.set_statuses("queued")  # decided articles stay in view
    queue.reload()
    assert queue.model.rowCount() > 2
    return queue


def test_a_decision_on_an_article_another_editor_changed_is_refused_and_reloaded(qtbot, team_archive):
    """Editor two approves after editor one loaded the queue: one's reject is refused with a clear
    Indonesian message, the row shows two's decision, and the archive keeps it."""
    tasks = TaskRunner(team_archive, store_pool=SyncPool(), general_pool=SyncPool())
    queue = _queue(qtbot, tasks)
    messages = []
    queue.message.connect(lambda text, level: messages.append((text, level)))
    row = queue.model.rows()[0]
    with Archive(team_archive) as other:
        update_articles(other, [row.id], decision="approve", add_tags=["haji"], editor="Editor Dua")
    queue.select_article(row.id)
    queue.decide("reject")
    assert messages and messages[-1][1] == "error" and "sudah diubah editor lain" in messages[-1][0]
    shown = queue.model.row_by_id(row.id)
    assert shown.status == "approved" and shown.tags == ("haji",) and shown.version == row.version + 1
    with Archive(team_archive) as archive:
        stored = get_row(archive, row.id)
    assert stored["status"] == "approved" and stored["decided_by"] == "Editor Dua"
    queue.select_article(row.id)
    queue.decide("reject")  # now the editor has seen it: the decision goes through
    with Archive(team_archive) as archive:
        assert get_row(archive, row.id)["status"] == "rejected"
    tasks.shutdown()


def test_own_quick_actions_on_one_article_never_conflict(qtbot, team_archive):
    """Approve, then tag, then undo on one article before the store thread answered: all applied."""
    from tests.ui.conftest import ManualPool
    pool = ManualPool()
    tasks = TaskRunner(team_archive, store_pool=pool, read_pool=SyncPool(), general_pool=SyncPool())
    queue = ReviewQueue(tasks, "Editor Satu", {})
    qtbot.addWidget(queue)
    queue.model.set_statuses("queued")
    queue.reload()
    pool.run_all()
    messages = []
    queue.message.connect(lambda text, level: messages.append(level))
    row = queue.model.rows()[0]
    queue.select_article(row.id)
    queue.decide("approve")
    queue.select_article(row.id)
    queue.edit({"add_tags": ["zakat"]})
    pool.run_all()
    assert "error" not in messages
    with Archive(team_archive) as archive:
        stored = get_row(archive, row.id)
    assert stored["status"] == "approved" and stored["tags"] == '["zakat"]' and stored["version"] == row.version + 2
    queue.undo_last()
    pool.run_all()
    assert "error" not in messages
    with Archive(team_archive) as archive:
        assert get_row(archive, row.id)["tags"] == "[]"
    tasks.shutdown()
