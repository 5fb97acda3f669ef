"""The editor and real-news quality in the window: text correction, the tier and kind filters,
the doubtful badge, and the evidence behind a topic."""

from __future__ import annotations

import json
import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from clipper.edition.compile import compile_edition
from clipper.review.decisions import update_articles
from clipper.search.engine import SearchFilters, search
from clipper.store.archive import Archive
from clipper.store.articles import get_article
from tests._archive import get_row, insert_row
from ui.article_view import article_html
from ui.main_window import MainWindow
from ui.review.model import ArticleRole
from ui.review.rows import COL_TITLE, COL_TOPICS
from ui.review.text_dialog import TextCorrectionDialog

FIXED = "Paragraf koreksi editor tentang pelatihan moderasi beragama di balai diklat."


@pytest.fixture
def window(qtbot, demo_config, sync_tasks):
    win = MainWindow(demo_config, sync_tasks)
    qtbot.addWidget(win)
    win.reload()
    return win


def _dialog(win: MainWindow) -> TextCorrectionDialog:
    win.editor.correct.click()
    dialogs = win.findChildren(TextCorrectionDialog)
    assert len(dialogs) == 1
    return dialogs[0]


def test_correction_is_printed_searched_and_restorable(qtbot, window, demo_config, archive_copy):
    win = window
    win.queue.select_row(0)
    row = win.queue.view.currentIndex().data(ArticleRole)
    with Archive(archive_copy) as archive:
        extracted = get_row(archive, row.id)["text"]
    paragraphs = extracted.split("\n")
    assert len(paragraphs) >= 3
    dialog = _dialog(win)
    assert dialog.text.toPlainText().split("\n\n") == paragraphs  # one paragraph per block
    assert not dialog.restore.isEnabled()
    dialog.text.setPlainText("\n\n".join([FIXED, *paragraphs[2:]]))  # first two paragraphs replaced
    dialog.buttons.button(QDialogButtonBox.Save).click()

    with Archive(archive_copy) as archive:
        stored = get_row(archive, row.id)
        assert stored["text"] == "\n".join([FIXED, *paragraphs[2:]])
        assert stored["text_original"] == extracted and stored["corrected_by"] == "Editor Uji"
        hits = search(archive, "moderasi beragama balai", SearchFilters(statuses=())).hits
        assert row.id in [hit.article_id for hit in hits]  # the archive search finds the corrected words
        update_articles(archive, [row.id], decision="approve")
        _, info = compile_edition(archive, demo_config, row.day)
    pdf = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(info.path).pages)
    assert FIXED in pdf and paragraphs[1][:60] not in pdf
    shown = win.queue.model.row_by_id(row.id)
    assert shown.corrected and win.queue.model.index_of(row.id, COL_TITLE).data().endswith("✎")
    assert "Teks dikoreksi oleh Editor Uji" in win.article.toPlainText() and FIXED in win.article.toPlainText()
    # when, as every moment in the app: the day in words and the time in WIB (stored in UTC)
    assert re.search(r"Editor Uji \(\w+, \d{1,2} \w+ \d{4}, \d\d\.\d\d WIB\)", win.article.toPlainText())

    dialog = _dialog_again(win, row.id)
    assert dialog.restore.isEnabled()
    dialog.restore.click()
    with Archive(archive_copy) as archive:
        back = get_row(archive, row.id)
    assert back["text"] == extracted and back["text_original"] is None and back["corrected_by"] is None
    assert not win.queue.model.row_by_id(row.id).corrected


def _dialog_again(win: MainWindow, article_id: int) -> TextCorrectionDialog:
    for old in win.findChildren(TextCorrectionDialog):
        old.setParent(None)
    win.queue.select_article(article_id)
    return _dialog(win)


def test_an_empty_correction_is_refused_in_the_dialog(qtbot, window, archive_copy):
    window.queue.select_row(0)
    row = window.queue.view.currentIndex().data(ArticleRole)
    dialog = _dialog(window)
    dialog.text.setPlainText("   \n\n  ")
    dialog.buttons.button(QDialogButtonBox.Save).click()
    assert "tidak boleh kosong" in dialog.status.text() and dialog.isVisible()
    with Archive(archive_copy) as archive:
        assert get_row(archive, row.id)["text_original"] is None


def _add(archive: Archive, n: int, **columns) -> int:
    day = "2026-12-05"
    return insert_row(archive, {
        "url": f"https://warta.example.id/uji/{n}", "url_key": f"warta.example.id/uji/{n}", "media": "Warta Uji",
        "title": f"Berita uji nomor {n}", "text": "Kementerian Agama membuka pendaftaran. " * 20, "day": day,
        "published_at": f"{day}T08:00:00+07:00", "published_utc": f"{day}T01:{n:02d}:00+00:00",
        "topics": json.dumps(["kemenag"]), "primary_topic": "kemenag", "status": "new", **columns})


def test_tier_kind_and_doubt_filters_with_badges(qtbot, demo_config, sync_tasks, archive_copy):
    with Archive(archive_copy) as archive:
        about = _add(archive, 1, tier="utama", tiers=json.dumps({"kemenag": "utama"}))
        mentioned = _add(archive, 2, tier="disebut", tiers=json.dumps({"kemenag": "disebut"}))
        gallery = _add(archive, 3, tier="utama", kind="gallery")
        doubtful = _add(archive, 4, tier="utama", confidence="doubtful", doubt="teks terlalu pendek (120 karakter)")
        index = _add(archive, 5, kind="index", status="irrelevant", topics="[]", primary_topic=None)
    win = MainWindow(demo_config, sync_tasks)
    qtbot.addWidget(win)
    win.reload()
    queue, bar = win.queue, win.queue.bar

    ours = {about, mentioned, gallery, doubtful, index}

    def shown() -> set[int]:
        return ours & {queue.model.index(r, 0).data(ArticleRole).id for r in range(queue.model.rowCount())}

    assert shown() == {about, doubtful}  # articles about their topics only
    title = queue.model.index_of(doubtful, COL_TITLE)
    assert title.data().startswith("⚠ ") and "teks terlalu pendek" in title.data(Qt.ToolTipRole)
    bar.tier.setCurrentIndex(bar.tier.findData("disebut"))
    assert shown() == {mentioned}
    assert queue.model.index_of(mentioned, COL_TOPICS).data().endswith("(disebut)")
    bar.tier.setCurrentIndex(bar.tier.findData("all"))
    bar.doubtful.setChecked(True)
    assert shown() == {doubtful}
    bar.doubtful.setChecked(False)
    bar.kind.setCurrentIndex(bar.kind.findData("media"))
    assert shown() == {gallery} and "[Galeri foto]" in queue.model.index_of(gallery, COL_TITLE).data()
    bar.kind.setCurrentIndex(bar.kind.findData("all"))  # every kind, status "new": no irrelevant rows wanted
    assert index not in shown() and not queue._loaded_irrelevant
    bar.kind.setCurrentIndex(bar.kind.findData("index"))  # stored as irrelevant: loaded on demand
    assert shown() == {index} and queue._loaded_irrelevant


def test_article_view_shows_tier_and_where_each_term_was_found(archive_copy):
    with Archive(archive_copy) as archive:
        article_id = _add(archive, 6, tier="utama", tiers=json.dumps({"kemenag": "utama", "covid": "disebut"}),
                          topics=json.dumps(["kemenag", "covid"]),
                          matches=json.dumps([["kemenag", "Kementerian Agama", "text", 0, 17],
                                              ["kemenag", "Kementerian Agama", "text", 900, 917],
                                              ["covid", "pandemi", "text", 700, 707]]),
                          confidence="doubtful", doubt="banyak baris pendek seperti judul")
        article = get_article(archive, article_id)
    page = article_html(article, [], {"kemenag": "Kementerian Agama", "covid": "Covid-19"})
    assert "Kementerian Agama · utama" in page and "Kementerian Agama (pembuka, isi)" in page
    assert "Covid-19 · hanya disebut" in page and "pandemi (isi)" in page
    assert "Teks diragukan: banyak baris pendek seperti judul" in page
