"""Harvest on real threads: progress arrives as signals, new rows appear, cancel stops it."""

from __future__ import annotations

import threading

from clipper.store.archive import Archive
from tests._archive import count_rows, run_rows
from ui.harvest_panel import HarvestController, HarvestPanel
from ui.review.queue import ReviewQueue
from ui.tasks import TaskRunner


def test_background_harvest_with_progress_fills_the_queue(qtbot, demo_config, tmp_path):
    """A real-thread harvest reports progress and each new article lands in the queue."""
    tasks = TaskRunner(tmp_path / "arsip.db")
    controller = HarvestController(tasks)
    panel = HarvestPanel(controller)
    queue = ReviewQueue(tasks, "Editor Uji", {})
    qtbot.addWidget(panel)
    qtbot.addWidget(queue)
    controller.article_added.connect(lambda article_id: queue.add_articles([article_id]))
    steps = []
    controller.progressed.connect(steps.append)
    threads = []
    controller.progressed.connect(lambda step: threads.append(threading.current_thread()))
    with qtbot.waitSignal(controller.finished, timeout=60000) as finished:
        assert controller.start(demo_config)
    result = finished.args[0]
    assert result.status == "completed" and result.new_articles == 36
    assert {s.stage for s in steps} >= {"links", "article", "source", "done"}
    assert set(threads) == {threading.main_thread()}  # slots run on the GUI thread
    qtbot.waitUntil(lambda: queue.model.rowCount() == 27, timeout=10000)
    assert panel.progress.value() == panel.progress.maximum()
    tasks.shutdown()


def test_cancel_stops_the_harvest_and_keeps_what_was_stored(qtbot, demo_config, tmp_path):
    """Cancel ends the run as 'cancelled'; articles stored before it stay in the archive."""
    tasks = TaskRunner(tmp_path / "arsip.db")
    controller = HarvestController(tasks)
    panel = HarvestPanel(controller)
    qtbot.addWidget(panel)
    controller.article_added.connect(lambda _id: controller.cancel())
    with qtbot.waitSignal(controller.finished, timeout=60000) as finished:
        controller.start(demo_config)
    result = finished.args[0]
    assert result.status == "cancelled" and not controller.running
    assert "dibatalkan" in panel.summary.text()
    tasks.shutdown()
    with Archive(tmp_path / "arsip.db") as archive:
        assert 1 <= count_rows(archive) < 36
        assert run_rows(archive, 1)[0]["status"] == "cancelled"


def test_failed_store_task_reports_on_the_gui_thread(qtbot, tmp_path):
    """An exception in a store task reaches on_failure on the GUI thread; the app goes on."""
    tasks = TaskRunner(tmp_path / "arsip.db")
    failures, results = [], []

    def op(archive):
        archive.query("select id from nowhere")

    def on_failure(exc):
        failures.append((exc, threading.current_thread()))

    tasks.run_in_background(op, None, on_failure, parent=None)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)  # the task may end before a waitSignal connects
    assert "nowhere" in str(failures[0][0]) and failures[0][1] is threading.main_thread()
    tasks.run_in_background(lambda archive: count_rows(archive), results.append, parent=None)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [0]
    tasks.shutdown()
