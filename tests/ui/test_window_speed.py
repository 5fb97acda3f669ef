"""What keeps the window responsive: decisions shown before they are stored, reads beside writes,
harvest progress in batches, heavy modules and the search tab only when needed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from clipper.models import HarvestResult, Progress, SourceReport
from clipper.store.archive import Archive
from tests._archive import count_rows
from ui import harvest_panel
from ui.harvest_panel import HarvestController, HarvestPanel
from ui.main_window import MainWindow
from ui.review.model import ArticleRole
from ui.review.queue import ReviewQueue
from ui.tasks import SyncPool, TaskRunner

ROOT = Path(__file__).resolve().parents[2]


def _status(path: Path, article_id: int) -> str:
    with Archive(path) as archive:
        return archive.query("select status from articles where id = ?", [article_id])[0]["status"]


@pytest.fixture
def queue(qtbot, busy_store):
    tasks, pool = busy_store
    widget = ReviewQueue(tasks, "Editor Uji", {})
    qtbot.addWidget(widget)
    widget.reload()
    pool.run_all()
    widget.select_row(0)
    return widget, pool


def test_a_decision_shows_and_advances_before_it_is_stored(queue):
    """A: the row is approved and the next one selected at once; the archive follows in the background."""
    widget, pool = queue
    first = widget.selected_rows()[0]
    widget.decide("approve")
    assert widget.model.row_by_id(first.id).status == "approved"
    assert widget.selected_rows()[0].id != first.id
    assert _status(widget.tasks.archive_path, first.id) == "new" and widget.undo_stack == []
    assert pool.run_all() >= 1
    assert _status(widget.tasks.archive_path, first.id) == "approved"
    assert len(widget.undo_stack) == 1 and widget._writing == 0


def test_undo_right_after_a_decision_undoes_that_decision(queue):
    """Ctrl+Z before the write ran waits for it, then undoes it (not the one before)."""
    widget, pool = queue
    first = widget.selected_rows()[0]
    messages = []
    widget.message.connect(lambda text, level: messages.append(text))
    widget.decide("reject")
    widget.undo_last()
    pool.run_all()
    assert _status(widget.tasks.archive_path, first.id) == "new"
    assert widget.model.row_by_id(first.id).status == "new"
    assert messages == ["Tindakan terakhir dibatalkan."]


def test_a_failed_write_shows_the_error_and_the_archive_as_it_is(queue):
    """If storing a decision fails, the editor is told and the optimistic row is replaced by the stored one."""
    widget, pool = queue
    first = widget.selected_rows()[0]
    messages = []
    widget.message.connect(lambda text, level: messages.append((level, text)))
    with Archive(widget.tasks.archive_path) as archive:
        archive.conn.execute("create trigger tolak before update of status on articles "
                             "begin select raise(abort, 'arsip sedang dikunci'); end")
    widget.decide("approve")
    assert widget.model.row_by_id(first.id).status == "approved"
    pool.run_all()
    assert messages and messages[0][0] == "error" and "dikunci" in messages[0][1]
    assert widget.model.row_by_id(first.id).status == "new" and widget._writing == 0


def test_article_text_loads_while_the_store_thread_is_busy(qtbot, archive_copy):
    """Reads run on their own thread and connection: a long store task does not hold them up."""
    tasks = TaskRunner(archive_copy)
    release, results = threading.Event(), []
    tasks.run_in_background(lambda archive: release.wait(10), None, parent=None)
    tasks.run_in_background(lambda archive: count_rows(archive), results.append, parent=None, read_only=True)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [36] and not release.is_set()
    release.set()
    tasks.shutdown()


def test_window_shows_the_next_article_while_the_decision_is_stored(qtbot, busy_store, demo_config):
    """After A the next article's text is on screen although the write has not run yet."""
    tasks, pool = busy_store
    window = MainWindow(demo_config, tasks)
    qtbot.addWidget(window)
    window.reload()
    pool.run_all()
    first = window.queue.view.currentIndex().data(ArticleRole)
    assert first.title in window.article.toPlainText()
    window.queue.decide("approve")
    following = window.queue.view.currentIndex().data(ArticleRole)
    assert following.id != first.id and pool.waiting
    assert following.title in window.article.toPlainText()
    pool.run_all()


def test_topic_labels_arrive_after_the_queue(qtbot, sync_tasks, demo_config):
    """The queue is shown first; the topic labels follow and reach the filter and the table."""
    window = MainWindow(demo_config, sync_tasks)
    qtbot.addWidget(window)
    assert window.queue.bar.topic.count() == 1
    window.reload()
    bar = window.queue.bar
    position = bar.topic.findData("kemenag")
    assert position > 0 and bar.topic.itemText(position) == "Kementerian Agama"
    row = next(r for r in range(window.queue.model.rowCount())
               if "kemenag" in window.queue.model.index(r, 0).data(ArticleRole).topics)
    assert "Kementerian Agama" in window.queue.model.index(row, 3).data()


def test_search_tab_is_built_when_first_opened(qtbot, sync_tasks, demo_config):
    """The Arsip tab costs nothing at start; opening it builds the search widget once."""
    window = MainWindow(demo_config, sync_tasks)
    qtbot.addWidget(window)
    assert window.search_tab is None and window.tabs.count() == 2
    window.tabs.setCurrentIndex(1)
    tab = window.search_tab
    assert tab is not None and tab.isVisibleTo(window.tabs.widget(1))
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(1)
    assert window.search_tab is tab


def test_window_start_does_not_import_the_harvest_or_pdf_stack(harvested_db, tmp_path):
    """Showing the queue imports neither the harvest stack (trafilatura) nor reportlab."""
    script = textwrap.dedent(f"""
        import os, shutil, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, {str(ROOT)!r})
        import ui
        from PySide6.QtWidgets import QApplication
        from clipper.workspace.configuration import parse_config
        from ui.main_window import MainWindow
        from ui.tasks import SyncPool, TaskRunner
        app = QApplication([])
        shutil.copy({str(harvested_db)!r}, {str(tmp_path / "arsip.db")!r})
        config = parse_config("sources:\\n  - name: Warta\\n    feed: http://127.0.0.1:9/feed.xml\\n")
        window = MainWindow(config, TaskRunner({str(tmp_path / "arsip.db")!r}, store_pool=SyncPool(),
                                               general_pool=SyncPool()))
        window.reload()
        assert window.queue.model.rowCount() == 27, window.queue.model.rowCount()
        # (the first article's lead image may be fetched, which loads clipper.harvest.fetch: that is needed)
        heavy = [m for m in ("clipper.harvest.run", "clipper.harvest.harvester", "clipper.edition.pdf", "trafilatura",
                             "reportlab") if m in sys.modules]
        print("HEAVY", heavy)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout


def _fake_harvest(release: threading.Event | None):
    """A harvest of the first configured source: three articles, (a pause,) one more, done."""
    def steps(config, path, should_stop):
        name = config.enabled_sources()[0].name
        for article_id in (11, 12, 13):
            yield Progress("article", article_id - 10, 5, source=name, article_id=article_id, message="judul")
        if release is not None:
            release.wait(10)
        yield Progress("article", 4, 5, source=name, article_id=14)
        yield Progress("source", 5, 5, source=name, message="ok")
        yield Progress("done", 5, 5, result=HarvestResult(1, "completed", (SourceReport(name, "ok", 5, 4),)))
    return steps


def test_harvest_progress_reaches_the_window_in_one_batch_before_finished(qtbot, monkeypatch, demo_config, tmp_path):
    """Steps are batched: one batch and one list of new ids, always delivered before finished."""
    monkeypatch.setattr(harvest_panel, "harvest_steps", _fake_harvest(None))
    tasks = TaskRunner(tmp_path / "arsip.db", store_pool=SyncPool(), general_pool=SyncPool())
    controller = HarvestController(tasks)
    panel = HarvestPanel(controller)
    qtbot.addWidget(panel)
    events = []
    controller.batched.connect(lambda steps: events.append(("batch", len(steps))))
    controller.articles_added.connect(lambda ids: events.append(("ids", ids)))
    controller.finished.connect(lambda result: events.append(("finished", result.new_articles)))
    controller.start(demo_config)
    assert events == [("batch", 6), ("ids", [11, 12, 13, 14]), ("finished", 4)]
    line = panel.model.line(demo_config.enabled_sources()[0].name)
    assert (line.state, line.new) == ("ok", 4)
    assert panel.progress.value() == panel.progress.maximum() and "4 artikel baru" in panel.summary.text()


def test_harvest_batches_arrive_while_the_harvest_runs(qtbot, monkeypatch, demo_config, tmp_path):
    """On real threads a batch of new ids arrives within the flush interval, mid-harvest."""
    release = threading.Event()
    monkeypatch.setattr(harvest_panel, "harvest_steps", _fake_harvest(release))
    tasks = TaskRunner(tmp_path / "arsip.db")
    controller = HarvestController(tasks)
    with qtbot.waitSignal(controller.articles_added, timeout=5000) as first:
        controller.start(demo_config)
    assert first.args == [[11, 12, 13]] and controller.running
    with qtbot.waitSignal(controller.finished, timeout=5000):
        release.set()
    tasks.shutdown()
