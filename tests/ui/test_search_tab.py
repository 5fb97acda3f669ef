"""The "Arsip" tab: model checks, search off the GUI thread, filters, preview, open PDF, export."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from clipper.models import dumps
from clipper.search.engine import SearchHit
from clipper.store.archive import Archive
from clipper.store.edition_records import EditionRecord
from clipper.store.searching import index_pending
from clipper.workspace.configuration import parse_config
from tests.core.test_search import CONFIG, add_articles
from ui.search_model import COL_DAY, COL_SCORE, ArticleRole, SearchResultsModel, SearchResultsProxy
from ui.search_tab import SearchTab
from ui.tasks import SyncPool, TaskRunner


def hit(n: int, day: str, score: float | None = None, **extra) -> SearchHit:
    values = dict(article_id=n, title=f"Judul {n}", media="Warta", url=f"https://x.id/{n}", day=day,
                  published_at=None, status="approved", tone="netral", topics=(), tags=(), summary=None,
                  score=score, snippet="isi", snippet_spans=(), title_spans=())
    values.update(extra)
    return SearchHit(**values)


@pytest.fixture
def archive_path(tmp_path, locator):
    """The search tests' articles and a final edition, on each backend."""
    path = locator
    with Archive(path) as archive:
        ids = add_articles(archive)
        index_pending(archive)
        pdf = tmp_path / "kliping-7.pdf"
        pdf.write_bytes(b"%PDF-1.4 contoh")
        content = dumps({"sections": [{"items": [{"article_id": ids[1]}, {"article_id": ids[2]}]}]})
        with archive.write():
            archive.insert("editions", {"day": "2020-06-15", "kind": "regular", "seq": 7, "year": 2020,
                                        "number": "7/2020", "status": "final", "content": content,
                                        "pdf_path": str(pdf)})
    return path


@pytest.fixture
def tab(qtbot, archive_path, tmp_path):
    config = parse_config(CONFIG, tmp_path / "sources.yaml")
    runner = TaskRunner(archive_path, store_pool=SyncPool(), general_pool=SyncPool())
    widget = SearchTab(archive_path, config, runner=runner)
    qtbot.addWidget(widget)
    yield widget
    runner.shutdown()


def test_model_passes_the_model_tester_and_sorts_natively(qtmodeltester):
    """The results model is a valid Qt model; the proxy sorts days and scores by their values."""
    model = SearchResultsModel()
    model.set_rows([hit(1, "2020-03-10", 1.5), hit(2, "2021-01-02", 9.0), hit(3, "2019-12-31", 0.2)])
    model.append_rows([hit(4, "2020-07-01", 3.0)])
    qtmodeltester.check(model)
    proxy = SearchResultsProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_DAY, Qt.DescendingOrder)
    assert [proxy.index(r, 0).data(ArticleRole).article_id for r in range(4)] == [2, 4, 1, 3]
    proxy.sort(COL_SCORE, Qt.DescendingOrder)
    assert [proxy.index(r, 0).data(ArticleRole).article_id for r in range(4)] == [2, 4, 1, 3]
    proxy.sort(COL_SCORE, Qt.AscendingOrder)
    assert proxy.index(0, 0).data(ArticleRole).article_id == 3


def test_search_runs_on_the_store_thread_and_shows_results(qtbot, archive_path, tmp_path):
    """With a real thread pool the search answers through a signal; the hits and total appear."""
    config = parse_config(CONFIG, tmp_path / "sources.yaml")
    runner = TaskRunner(archive_path)
    widget = SearchTab(archive_path, config, runner=runner)
    qtbot.addWidget(widget)
    try:
        widget.status_combo.setCurrentIndex(widget.status_combo.count() - 1)  # all statuses
        widget.query_edit.setText("penelitian")
        with qtbot.waitSignal(widget.results_shown, timeout=10000) as blocker:
            qtbot.keyClick(widget.query_edit, Qt.Key_Return)
        assert blocker.args[0].total == 2
        assert widget.proxy.rowCount() == 2
        assert "2 hasil" in widget.summary_label.text()
    finally:
        runner.shutdown()


def test_filters_from_the_form(tab, qtbot):
    """Date, media, topic, tag, tone, status and edition widgets narrow the search."""
    tab.date_from.set_value("2020-04-01")
    tab.date_to.set_value("2020-12-31")
    tab.status_combo.setCurrentIndex(tab.status_combo.count() - 1)
    with qtbot.waitSignal(tab.results_shown) as blocker:
        tab.run_search()
    assert {h.title for h in blocker.args[0].hits} == {"Kementerian Agama salurkan bantuan untuk pesantren",
                                                       "Vaksinasi guru madrasah dimulai pekan depan"}
    tab.media_combo.setEditText("Suara Madrasah")
    tab.tone_combo.setCurrentIndex(tab.tone_combo.findData("netral"))
    with qtbot.waitSignal(tab.results_shown) as blocker:
        tab.run_search()
    assert [h.media for h in blocker.args[0].hits] == ["Suara Madrasah"]
    filters = tab.filters()
    assert filters.media == ("Suara Madrasah",) and filters.tone == "netral" and filters.statuses == ()
    tab.media_combo.setCurrentIndex(0)
    tab.tone_combo.setCurrentIndex(0)
    tab.date_from.set_value(None)
    tab.date_to.set_value(None)
    tab.status_combo.setCurrentIndex(0)
    tab.edition_edit.setText("7/2020")
    tab.topic_combo.setCurrentIndex(tab.topic_combo.findData("covid"))
    tab.tag_combo.setEditText("vaksin")
    with qtbot.waitSignal(tab.results_shown) as blocker:
        tab.run_search()
    assert [h.title for h in blocker.args[0].hits] == ["Vaksinasi guru madrasah dimulai pekan depan"]


def test_bad_input_is_shown_where_the_archivist_is(tab, qtbot):
    """A query that cannot run and an unknown edition show a clear message in the tab."""
    tab.query_edit.setText("NOT haji")
    with qtbot.waitSignal(tab.search_failed) as blocker:
        tab.run_search()
    assert "perlu setidaknya satu kata lain" in blocker.args[0]
    assert "perlu setidaknya" in tab.summary_label.text()
    tab.query_edit.setText("haji")
    tab.edition_edit.setText("99/2030")
    with qtbot.waitSignal(tab.search_failed):
        tab.run_search()
    assert "tidak ada di arsip" in tab.summary_label.text()


def test_preview_highlights_and_opens_the_edition_pdf(tab, qtbot):
    """Selecting a hit previews it with highlighted words; the edition's PDF opens through the desktop."""
    opened = []
    tab.open_url = lambda url: opened.append(url.toLocalFile()) or True
    tab.query_edit.setText("vaksinasi")
    with qtbot.waitSignal(tab.results_shown):
        tab.run_search()
    current = tab.current_hit()
    assert current.editions and current.editions[0].number == "7/2020"
    assert "<b style='background:#fff3a8'>Vaksinasi</b>" in SearchTab.preview_html(current)
    assert "Vaksinasi" in tab.preview.toPlainText()
    assert tab.open_pdf_button.isEnabled()
    qtbot.mouseClick(tab.open_pdf_button, Qt.LeftButton)
    assert opened == [current.editions[0].pdf_path]


def test_missing_pdf_and_no_edition_are_explained(tab, qtbot, tmp_path):
    """No edition, or a PDF gone from disk, gives a message instead of a failed open."""
    tab.status_combo.setCurrentIndex(tab.status_combo.count() - 1)
    tab.query_edit.setText("kerukunan")
    with qtbot.waitSignal(tab.results_shown):
        tab.run_search()
    assert tab.open_edition_pdf() is False and "belum dimuat" in tab.summary_label.text()
    (tmp_path / "kliping-7.pdf").unlink()
    tab.query_edit.setText("vaksinasi")
    with qtbot.waitSignal(tab.results_shown):
        tab.run_search()
    assert tab.open_edition_pdf() is False and "tidak ditemukan" in tab.summary_label.text()


def test_export_selection_and_all_results(tab, qtbot, tmp_path):
    """The selected rows export to JSON Lines; all results export to CSV and a themed PDF."""
    tab.status_combo.setCurrentIndex(tab.status_combo.count() - 1)
    tab.query_edit.setText("madrasah OR pesantren")
    with qtbot.waitSignal(tab.results_shown) as blocker:
        tab.run_search()
    assert blocker.args[0].total == 3
    selection = tab.table.selectionModel()
    selection.select(tab.proxy.index(1, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)
    chosen = [h.article_id for h in tab.selected_hits()]
    assert len(chosen) == 2
    tab.export(tmp_path / "pilihan.jsonl", "jsonl", selection=True)
    lines = [json.loads(x) for x in (tmp_path / "pilihan.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == chosen
    tab.export(tmp_path / "semua.csv", "csv", selection=False)
    assert len((tmp_path / "semua.csv").read_text(encoding="utf-8").splitlines()) == 4
    tab.export(tmp_path / "jilid.pdf", "pdf", selection=False)
    assert (tmp_path / "jilid.pdf").read_bytes().startswith(b"%PDF")
    assert "diekspor" in tab.summary_label.text()


def test_paging_appends_rows(tab, qtbot, monkeypatch):
    """"Muat lebih banyak" appends the next page to the same results."""
    monkeypatch.setattr("ui.search_tab.PAGE_SIZE", 2)
    tab.status_combo.setCurrentIndex(tab.status_combo.count() - 1)
    with qtbot.waitSignal(tab.results_shown):
        tab.run_search()
    assert tab.model.rowCount() == 2 and tab.more_button.isEnabled()
    with qtbot.waitSignal(tab.results_shown):
        qtbot.mouseClick(tab.more_button, Qt.LeftButton)
    assert tab.model.rowCount() == 4
    ids = [h.article_id for h in tab.model.hits()]
    assert len(set(ids)) == 4


def test_edition_ref_drives_the_status_column():
    """A hit in a final edition reads "Terbit"; otherwise its status label."""
    model = SearchResultsModel()
    model.set_rows([hit(1, "2020-01-01", editions=(EditionRecord(1, "2020-01-01", "1/2020", "regular", "final", "/x.pdf"),)),
                    hit(2, "2020-01-02")])
    assert model.index(0, 3).data() == "Terbit" and model.index(1, 3).data() == "Disetujui"
    assert model.index(0, 5).data() == "1/2020"
