"""The editor's morning without surprises: typed input kept, a confirmed tone only, Qt in
Indonesian, the photo as a thumbnail, the year where the day is not today."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from clipper.dates import WIB
from clipper.review.decisions import MAX_SUMMARY
from clipper.store.archive import Archive
from clipper.store.images import store_image
from tests._archive import get_row
from ui.article_view import ArticleView, ImageDialog
from ui.i18n import format_time, set_language
from ui.main_window import MainWindow
from ui.review.model import ArticleRole


@pytest.fixture
def window(qtbot, demo_config, sync_tasks):
    win = MainWindow(demo_config, sync_tasks)
    qtbot.addWidget(win)
    win.show()
    win.reload()
    return win


def _current(win: MainWindow):
    return win.queue.view.currentIndex().data(ArticleRole)


def test_typed_fields_survive_approve_and_moving_on(qtbot, window, archive_copy):
    win = window
    win.queue.select_row(0)
    first = _current(win)
    win.editor.summary.setPlainText("Ringkasan yang diketik lalu langsung disetujui.")
    win.editor.tags.setText("madrasah, beasiswa")
    win.editor.tone.setCurrentIndex(win.editor.tone.findData("positif"))
    win.editor.approve.click()  # no Ctrl+S
    second = _current(win)
    assert second.id != first.id
    win.editor.summary.setPlainText("Diketik lalu pindah dengan J.")
    win.queue.view.setFocus()
    qtbot.keyClick(win.queue.view, Qt.Key_J)
    with Archive(archive_copy) as archive:
        one, two = get_row(archive, first.id), get_row(archive, second.id)
    assert one["status"] == "approved" and one["summary"] == "Ringkasan yang diketik lalu langsung disetujui."
    assert one["tags"] == '["madrasah","beasiswa"]' and one["tone"] == "positif"
    assert two["summary"] == "Diketik lalu pindah dengan J."
    # a summary over the limit left behind is kept as far as it fits, and the editor is told
    third = _current(win)
    win.editor.summary.setPlainText("x" * (MAX_SUMMARY + 50))
    with qtbot.waitSignal(win.editor.notice) as told:
        qtbot.keyClick(win.queue.view, Qt.Key_J)
    assert str(MAX_SUMMARY) in told.args[0]
    with Archive(archive_copy) as archive:
        assert get_row(archive, third.id)["summary"] == "x" * MAX_SUMMARY


def test_typed_fields_survive_closing_the_window(qtbot, window, archive_copy):
    window.queue.select_row(0)
    row = _current(window)
    window.editor.summary.setPlainText("Diketik sebelum jendela ditutup.")
    window.close()
    with Archive(archive_copy) as archive:
        assert get_row(archive, row.id)["summary"] == "Diketik sebelum jendela ditutup."


def test_a_suggested_tone_is_confirmed_with_one_click(qtbot, window, archive_copy):
    win = window
    row = next(win.queue.model.index(r, 0).data(ArticleRole) for r in range(win.queue.model.rowCount())
               if win.queue.model.index(r, 0).data(ArticleRole).tone_suggested)
    win.queue.select_article(row.id)
    assert win.editor.confirm_tone.isVisible() and row.tone_suggested in win.editor.confirm_tone.text()
    with Archive(archive_copy) as archive:
        assert get_row(archive, row.id)["tone"] is None  # a guess is not the editor's tone
    win.editor.confirm_tone.click()
    with Archive(archive_copy) as archive:
        assert get_row(archive, row.id)["tone"] == row.tone_suggested
    assert not win.editor.confirm_tone.isVisible()


def test_qt_own_buttons_and_menus_speak_indonesian(qtbot):
    set_language("id")
    box = QMessageBox(QMessageBox.Question, "Clipper", "Lanjutkan?", QMessageBox.Yes | QMessageBox.No)
    qtbot.addWidget(box)
    assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Tidak", "Ya"]
    buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel | QDialogButtonBox.Close)
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == ["Batal", "Simpan", "Tutup"]
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = [a.text().replace("&", "") for a in field.createStandardContextMenu().actions() if a.text()]
    assert "Salin\tCtrl+C" in menu and "Tempel\tCtrl+V" in menu and not any("Copy" in t for t in menu)


def _jpeg(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def test_the_lead_photo_is_a_thumbnail_that_opens_full_size(qtbot, window, archive_copy):
    win = window
    win.queue.select_row(0)
    row = _current(win)
    with Archive(archive_copy) as archive:
        url = archive.query("select image_url from articles where id = ?", [row.id])[0]["image_url"]
        assert url
        store_image(archive, url, _jpeg(1600, 1200))
    win.article.resize(700, 600)
    win._request_article(row.id)
    view: ArticleView = win.article
    assert view.picture is not None and view.picture.width() == 1600
    shown = view.document().toHtml()
    width = int(shown.split('width="')[1].split('"')[0])
    assert width * 1200 / 1600 <= view.viewport().height() / 3 + 1  # at most a third of the pane's height
    dialog = view.show_full_image()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ImageDialog)
    assert dialog.findChild(type(dialog.layout().itemAt(0).widget())).pixmap().width() >= width


def test_queue_times_show_the_year_when_not_today():
    today = date(2026, 12, 6)
    assert format_time(datetime(2026, 12, 6, 10, 15, tzinfo=WIB), today) == "10.15"
    assert format_time(datetime(2015, 3, 22, 13, 37, tzinfo=WIB), today) == "22 Mar 2015 13.37"


def _approve_latest_day(path) -> str:
    with Archive(path) as archive:
        day = archive.query("select max(day) as d from articles")[0]["d"]
        archive.conn.execute("update articles set status = 'approved' where day = ? and status = 'new'", [day])
    return day


def _compile_now(qtbot, panel, *, final: bool) -> None:
    with qtbot.waitSignal(panel.compiled, timeout=60000):
        panel.compile(final=final)


def test_a_final_edition_changes_only_as_a_revision_after_the_question(qtbot, window, archive_copy, monkeypatch):
    panel = window.edition
    day = _approve_latest_day(archive_copy)
    panel.day.setDate(panel.day.date().fromString(day, "yyyy-MM-dd"))
    panel.reload()
    assert panel.model.rowCount() > 0 and not panel.finals
    _compile_now(qtbot, panel, final=True)
    panel.reload()
    assert panel.finals and "sudah final" in panel.note.text()
    asked = []
    monkeypatch.setattr(panel, "ask_revision", lambda: asked.append(True) or False)
    panel.compile(final=False)  # refused: nothing is made
    with Archive(archive_copy) as archive:
        assert archive.scalar("select count(*) from editions where day = ?", [day]) == 1
    monkeypatch.setattr(panel, "ask_revision", lambda: asked.append(True) or True)
    _compile_now(qtbot, panel, final=True)
    with Archive(archive_copy) as archive:
        rows = archive.query("select revision, status, pdf_path from editions where day = ? order by id", [day])
    assert len(asked) == 2 and [r["revision"] for r in rows] == [0, 1]
    assert all(r["status"] == "final" for r in rows) and rows[0]["pdf_path"] != rows[1]["pdf_path"]


def test_an_empty_edition_says_why(qtbot, window, archive_copy):
    panel = window.edition
    _approve_latest_day(archive_copy)
    panel.day.setDate(panel.day.date().fromString("2020-01-01", "yyyy-MM-dd"))
    panel.reload()
    assert panel.model.rowCount() == 0 and not panel.draft.isEnabled()
    assert panel.note.isVisibleTo(panel) and "bertanggal sesudah 2020-01-01" in panel.note.text()


def test_the_editor_chooses_which_copy_of_a_story_is_printed(qtbot, window, archive_copy, monkeypatch):
    from PySide6.QtWidgets import QInputDialog
    panel = window.edition
    with Archive(archive_copy) as archive:
        story = archive.query("select story_id, max(day) as d from articles where story_id is not null "
                              "group by story_id order by count(*) desc limit 1")[0]
        ids = [r["id"] for r in archive.query("select id from articles where story_id = ?", [story["story_id"]])]
        archive.conn.execute(f"update articles set status = 'approved' where id in ({','.join(map(str, ids))})")
    panel.day.setDate(panel.day.date().fromString(story["d"], "yyyy-MM-dd"))
    panel.reload()
    position = next(r for r in range(panel.model.rowCount()) if len(panel.model.row(r).copies) > 1)
    row = panel.model.row(position)
    other = next(c for c in row.copies if c[0] != row.id)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (f"{other[1]} — {other[2]}", True))
    panel.list.setCurrentIndex(panel.model.index(position))
    panel.choose_copy()
    assert other[0] in panel.model.ids() and row.id not in panel.model.ids()
