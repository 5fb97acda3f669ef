"""An editor's morning in the window: harvest, keyboard review, undo, edition order, compile."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from clipper.store.archive import Archive
from ui.main_window import MainWindow
from ui.review.model import ArticleRole
from ui.tasks import SyncPool, TaskRunner


@pytest.fixture
def window(qtbot, demo_config, locator):
    """The main window on an empty archive, on each backend (a SQLite file, a PostgreSQL database)."""
    tasks = TaskRunner(locator, store_pool=SyncPool(), general_pool=SyncPool())
    win = MainWindow(demo_config, tasks)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    win.reload()
    return win


def _current(win: MainWindow):
    return win.queue.view.currentIndex().data(ArticleRole)


def _key(qtbot, win: MainWindow, key) -> None:
    win.queue.view.setFocus()
    qtbot.keyClick(win.queue.view, key)


def test_whole_morning_from_harvest_to_ordered_edition(qtbot, window, tmp_path):
    """Harvest the demo media, decide with A/R/U/J/K, undo, order the edition and compile it."""
    win = window
    win.start_harvest()
    assert "Panen selesai" in win.harvest_panel.summary.text()
    # the demo articles about their topics; irrelevant ones are not queued, and the one that only
    # mentions the ministry waits behind the tier filter
    assert win.queue.model.rowCount() == 27
    win.queue.bar.tier.setCurrentIndex(win.queue.bar.tier.findData("disebut"))
    assert [win.queue.model.index(r, 0).data(ArticleRole).tier for r in range(win.queue.model.rowCount())] \
        == ["disebut"]
    win.queue.bar.tier.setCurrentIndex(win.queue.bar.tier.findData("utama"))
    lines = {win.harvest_panel.model.index(r, 0).data(): win.harvest_panel.model.index(r, 1).data()
             for r in range(win.harvest_panel.model.rowCount())}
    assert lines["Portal Rusak"] == "gagal" and lines["Warta Nusantara"] == "ok"

    win.queue.select_row(0)
    first = _current(win)
    times = [win.queue.model.index(r, 0).data(ArticleRole).published_utc for r in range(27)]
    assert times == sorted(times, reverse=True)  # newest first once the harvest is done
    assert first is not None and first.status == "new"
    assert first.title in win.article.toPlainText()
    _key(qtbot, win, Qt.Key_A)
    second = _current(win)
    assert win.queue.model.row_by_id(first.id).status == "approved"
    assert second.id != first.id and second.status == "new"  # advanced to the next article
    _key(qtbot, win, Qt.Key_R)
    assert win.queue.model.row_by_id(second.id).status == "rejected"
    third = _current(win)
    _key(qtbot, win, Qt.Key_J)
    _key(qtbot, win, Qt.Key_K)
    assert _current(win).id == third.id
    qtbot.keyClick(win.queue.view, Qt.Key_Z, Qt.ControlModifier)  # undo the rejection
    assert win.queue.model.row_by_id(second.id).status == "new"
    assert _current(win).id == second.id
    _key(qtbot, win, Qt.Key_A)
    _key(qtbot, win, Qt.Key_A)
    with Archive(win.tasks.archive_path) as archive:
        decided = archive.query("select id, decided_by from articles where status = 'approved'")
    assert {r["id"] for r in decided} == {first.id, second.id, third.id}
    assert {r["decided_by"] for r in decided} == {"Editor Uji"}

    edition = win.edition
    assert edition.model.rowCount() == 3
    ids = edition.model.ids()
    movable = next(r for r in range(1, 3) if edition.model.index(r).data(Qt.UserRole + 2)
                   == edition.model.index(r - 1).data(Qt.UserRole + 2))
    edition.list.setCurrentIndex(edition.model.index(movable))
    qtbot.keyClick(win.queue.view, Qt.Key_Up, Qt.ControlModifier)
    moved = ids[:]
    moved[movable - 1], moved[movable] = moved[movable], moved[movable - 1]
    assert edition.model.ids() == moved
    with Archive(win.tasks.archive_path) as archive:
        stored = [r["id"] for r in archive.query("select id from articles where status = 'approved' "
                                                 "order by position")]
    assert stored == moved

    edition.compile(final=False)
    assert win.preview.page_count > 3
    assert "Kliping No. 1/2026 disusun" in win.messages.label.text()


def test_bulk_tag_tone_summary_and_highlight(qtbot, window):
    """Editor fields apply to a multi-selection; tags complete from the vocabulary."""
    win = window
    win.start_harvest()
    view = win.queue.view
    win.queue.select_row(0)
    qtbot.keyClick(view, Qt.Key_Down, Qt.ShiftModifier)
    rows = win.queue.selected_rows()
    assert len(rows) == 2
    win.editor.tags.setText("haji, Moderasi  beragama")
    win.editor.tone.setCurrentIndex(win.editor.tone.findData("negatif"))
    win.editor.summary.setPlainText("Ringkasan dua baris untuk pimpinan.")
    win.editor.highlight.setChecked(True)
    qtbot.keyClick(view, Qt.Key_S, Qt.ControlModifier)
    for row in rows:
        shown = win.queue.model.row_by_id(row.id)
        assert shown.tags == ("haji", "moderasi beragama") and shown.tone == "negatif"
        assert shown.summary == "Ringkasan dua baris untuk pimpinan." and shown.highlight
    assert win.editor.completer.words.stringList()[:2] == ["haji", "moderasi beragama"]


def test_a_harvest_whose_process_died_is_shown_as_interrupted(qtbot, demo_config, archive_copy, sync_tasks):
    """On start the window turns a run left "running" by a dead process into "terputus" and says so."""
    with Archive(archive_copy) as archive:
        with archive.write():
            archive.insert("runs", {"started_at": "2026-11-24T01:00:00+00:00", "status": "running", "pid": None,
                                    "host": "mesin-lain", "heartbeat_at": "2026-11-24T01:05:00+00:00"})
    win = MainWindow(demo_config, sync_tasks)
    qtbot.addWidget(win)
    shown = win.messages.label.text()
    assert "terputus" in shown and "Selasa, 24 November 2026, 08.00 WIB" in shown
    with Archive(archive_copy) as archive:
        assert archive.scalar("select status from runs order by id desc limit 1") == "interrupted"
