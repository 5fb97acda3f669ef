"""Adding by hand, the article view's safety, and the English catalogue (settings: test_settings.py)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl

from clipper.store.archive import Archive
from clipper.store.records import article_from_row
from tests._archive import get_row
from ui.add_dialogs import AddUrlDialog, PrintClippingDialog
from ui.article_view import ArticleView
from ui.i18n_en import ENGLISH
from ui.tasks import SyncPool, TaskRunner

ROOT = Path(__file__).resolve().parents[2]


def test_add_url_fetches_and_queues(qtbot, demo_config, demo_server, tmp_path):
    """A pasted URL is fetched, extracted and queued as new; a bad URL is refused in place."""
    tasks = TaskRunner(tmp_path / "arsip.db", store_pool=SyncPool(), general_pool=SyncPool())
    dialog = AddUrlDialog(demo_config, tasks)
    qtbot.addWidget(dialog)
    dialog.url.setText("warta-nusantara/rss.xml")
    dialog.submit()
    assert "http://" in dialog.status.text()
    added = []
    dialog.added.connect(added.append)
    page = next((Path(ROOT / "resources/demo/site/warta-nusantara/read")).glob("*.html")).name
    dialog.url.setText(f"{demo_server.base}/warta-nusantara/read/{page}")
    dialog.submit()
    assert len(added) == 1
    with Archive(tmp_path / "arsip.db") as archive:
        row = get_row(archive, added[0])
    assert row["status"] == "new" and row["source"] == "manual" and len(row["text"]) > 200


def test_print_clipping_requires_fields_then_saves(qtbot, demo_config, tmp_path):
    """Missing fields are named in the dialog; a complete print clipping is archived as new."""
    tasks = TaskRunner(tmp_path / "arsip.db", store_pool=SyncPool(), general_pool=SyncPool())
    dialog = PrintClippingDialog(demo_config, tasks)
    qtbot.addWidget(dialog)
    dialog.submit()
    assert "Wajib diisi: media, judul, teks" in dialog.status.text()
    added = []
    dialog.added.connect(added.append)
    dialog.media.setText("Harian Fiktif")
    dialog.page.setText("5")
    dialog.title.setText("Kemenag Resmikan Madrasah Contoh")
    dialog.text.setPlainText("Kementerian Agama meresmikan madrasah contoh di sebuah kabupaten fiktif.")
    dialog.submit()
    with Archive(tmp_path / "arsip.db") as archive:
        row = get_row(archive, added[0])
    assert row["media"] == "Harian Fiktif" and row["rubrik"] == "Halaman 5" and row["status"] == "new"


def test_article_view_escapes_and_loads_nothing_remote(qtbot):
    """Markup in archive text is shown as text; remote images and links load nothing."""
    view = ArticleView()
    qtbot.addWidget(view)
    body = 'Teks <img src="https://pelacak.contoh/px.gif"><script>alert(1)</script> Kemenag.'
    start = body.index("Kemenag")
    row = {"id": 1, "title": "Judul <b>tebal</b> & AT&T", "media": "Warta", "author": None,
           "published_at": "2026-11-25T10:15:00+07:00", "url": "https://contoh.id/a", "url_key": "contoh.id/a",
           "day": "2026-11-25", "status": "new",
           "text": body, "matches": f'[["kemenag","Kemenag","text",{start},{start + 7}]]', "topics": '["kemenag"]', "narasumber": "[]"}
    view.show_article(article_from_row(row), [], {"kemenag": "Kementerian Agama"})
    text = view.toPlainText()
    assert "<b>tebal</b>" in text and "<script>alert(1)</script>" in text
    assert "Rabu, 25 November 2026, 10.15 WIB" in text
    assert 'background-color:#ffe58a;">Kemenag</span>' in view.toHtml()
    assert view.loadResource(2, QUrl("https://pelacak.contoh/px.gif")).isEmpty()
    assert not view.openExternalLinks() and not view.openLinks()


def test_every_interface_text_has_an_english_translation():
    """Each _("…") literal in the app's ui/ modules has an entry in the English catalogue."""
    texts = set()
    for path in (ROOT / "ui").rglob("*.py"):
        texts |= set(re.findall(r'_\("((?:[^"\\]|\\.)*)"\)', path.read_text(encoding="utf-8")))
    missing = sorted(t for t in texts if t not in ENGLISH)
    assert not missing, missing


def test_no_display_is_a_clear_message_not_an_abort():
    """Without DISPLAY/WAYLAND_DISPLAY on Linux the app says why instead of letting Qt abort."""
    from ui.app import display_problem
    assert "DISPLAY" in display_problem({}, "linux")
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None
