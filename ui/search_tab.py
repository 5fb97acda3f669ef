"""The "Arsip" tab: search every past clipping, filter, preview, open the edition PDF, export."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFileDialog, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter,
                               QTableView, QTextBrowser, QVBoxLayout, QWidget)

from clipper.config import Config
from clipper.search.engine import (DEFAULT_STATUSES, SearchFilters, SearchHit, SearchResult, filter_choices,
                                   iter_result_ids, search)
from clipper.search.snippet import mark
from clipper.store.searching import index_pending
from ui.i18n import _
from ui.search_model import COL_TITLE, ArticleRole, SearchResultsModel, SearchResultsProxy
from ui.tasks import TaskRunner, archive_locator

logger = logging.getLogger(__name__)

PAGE_SIZE = 100
# New articles get their stemmed roots before a search, a bounded batch at a time.
PENDING_PER_SEARCH = 2000
STATUS_CHOICES = (("Disetujui dan terbit", DEFAULT_STATUSES), ("Terbit (edisi final)", ("published",)),
                  ("Disetujui", ("approved",)), ("Baru", ("new",)), ("Ditolak", ("rejected",)),
                  ("Tidak relevan", ("irrelevant",)), ("Semua status", ()))
TONE_CHOICES = (("Semua nada", None), ("Positif", "positif"), ("Netral", "netral"), ("Negatif", "negatif"))
ORDER_CHOICES = (("Relevansi", "relevance"), ("Tanggal terbaru", "date"))
EXPORT_FILTERS = {"csv": "CSV (*.csv)", "jsonl": "JSON Lines (*.jsonl)", "pdf": "Jilid PDF tematik (*.pdf)"}


def _highlight(text: str, spans) -> str:
    return mark(text, tuple(spans), "<b style='background:#fff3a8'>", "</b>", html.escape)


class _DateFilter(QWidget):
    """A date with a check box: unchecked means no bound."""

    def __init__(self, label: str, default: QDate, parent=None):
        super().__init__(parent)
        self.check = QCheckBox(_(label))
        self.edit = QDateEdit(default)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)

    def value(self) -> str | None:
        return self.edit.date().toString("yyyy-MM-dd") if self.check.isChecked() else None

    def set_value(self, day: str | None) -> None:
        self.check.setChecked(day is not None)
        if day:
            self.edit.setDate(QDate.fromString(day, "yyyy-MM-dd"))


def _combo(choices, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(editable)
    for label, value in choices:
        combo.addItem(_(label), value)
    return combo


class SearchTab(QWidget):
    """Search the archive: query, filters, results, preview, open edition PDF, export.

    Receives the archive path and config; every query runs on its own store thread
    (a TaskRunner with one SQLite connection), never on the GUI thread.
    """

    results_shown = Signal(object)  # the SearchResult now on screen
    search_failed = Signal(str)  # the message shown

    def __init__(self, archive_path: str | Path, config: Config, *, runner: TaskRunner | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.archive_path = archive_locator(archive_path)
        self.config = config
        self.runner = runner or TaskRunner(self.archive_path)
        self.open_url = QDesktopServices.openUrl  # replaced in tests
        self._serial = 0
        self._last: SearchResult | None = None
        self._last_request: dict[str, Any] | None = None
        self.model = SearchResultsModel(self)
        self.proxy = SearchResultsProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._connect()
        self.load_choices()

    # --- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(_('Cari di arsip: kata, "frasa persis", OR, -kecuali, awalan*'))
        self.query_edit.setClearButtonEnabled(True)
        self.search_button = QPushButton(_("Cari"))
        top = QHBoxLayout()
        top.addWidget(self.query_edit, 1)
        top.addWidget(self.search_button)

        today = QDate.currentDate()
        self.date_from = _DateFilter("Dari", today.addYears(-1))
        self.date_to = _DateFilter("Sampai", today)
        self.media_combo = _combo((("Semua media", None),), editable=True)
        self.topic_combo = _combo((("Semua topik", None),))
        self.tag_combo = _combo((("Semua tag", None),), editable=True)
        self.tone_combo = _combo(TONE_CHOICES)
        self.status_combo = _combo(STATUS_CHOICES)
        self.edition_edit = QLineEdit()
        self.edition_edit.setPlaceholderText(_("mis. 12/2026"))
        self.order_combo = _combo(ORDER_CHOICES)
        filters = QFormLayout()
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        filters.addRow(_("Tanggal"), dates)
        for label, widget in (("Media", self.media_combo), ("Topik", self.topic_combo), ("Tag", self.tag_combo),
                              ("Nada", self.tone_combo), ("Status", self.status_combo),
                              ("No. edisi", self.edition_edit), ("Urutan", self.order_combo)):
            filters.addRow(_(label), widget)
        filter_box = QWidget()
        filter_box.setLayout(filters)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.Stretch)
        self.summary_label = QLabel(_("Ketik kata yang dicari lalu tekan Enter."))
        self.summary_label.setWordWrap(True)
        self.more_button = QPushButton(_("Muat lebih banyak"))
        self.more_button.setEnabled(False)
        results = QWidget()
        rlayout = QVBoxLayout(results)
        rlayout.setContentsMargins(0, 0, 0, 0)
        rlayout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.more_button)
        rlayout.addLayout(bottom)

        self.preview = QTextBrowser()
        self.preview.setOpenExternalLinks(False)
        self.open_pdf_button = QPushButton(_("Buka PDF edisi"))
        self.export_selection_button = QPushButton(_("Ekspor pilihan…"))
        self.export_all_button = QPushButton(_("Ekspor semua hasil…"))
        for button in (self.open_pdf_button, self.export_selection_button, self.export_all_button):
            button.setEnabled(False)
        side = QWidget()
        slayout = QVBoxLayout(side)
        slayout.setContentsMargins(0, 0, 0, 0)
        slayout.addWidget(filter_box)
        slayout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        for button in (self.open_pdf_button, self.export_selection_button, self.export_all_button):
            buttons.addWidget(button)
        slayout.addLayout(buttons)

        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(results)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([900, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.query_edit.returnPressed.connect(self.run_search)
        self.search_button.clicked.connect(self.run_search)
        self.more_button.clicked.connect(self.load_more)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda *_: self.open_edition_pdf())
        self.open_pdf_button.clicked.connect(self.open_edition_pdf)
        self.export_selection_button.clicked.connect(lambda: self._ask_export(selection=True))
        self.export_all_button.clicked.connect(lambda: self._ask_export(selection=False))

    # --- filters ---------------------------------------------------------------------

    def load_choices(self) -> None:
        """Fill the media, topic and tag lists from the archive (in the background)."""
        self.runner.run_in_background(filter_choices, self._set_choices, lambda exc: None, parent=self)

    def _set_choices(self, choices: dict[str, list[str]]) -> None:
        from clipper.classify.rules import topic_labels
        labels = topic_labels(self.config)
        for combo, values in ((self.media_combo, choices["media"]), (self.tag_combo, choices["tags"])):
            for value in values:
                combo.addItem(value, value)
        for topic in dict.fromkeys(list(labels) + choices["topics"]):
            self.topic_combo.addItem(labels.get(topic, topic), topic)

    def filters(self) -> SearchFilters:
        """The filters as the form shows them."""
        def text_of(combo: QComboBox) -> tuple[str, ...]:
            text = combo.currentText().strip()
            return () if not text or text == combo.itemText(0) else (text,)

        topic = self.topic_combo.currentData()
        return SearchFilters(
            date_from=self.date_from.value(), date_to=self.date_to.value(), media=text_of(self.media_combo),
            topics=(topic,) if topic else (), tags=text_of(self.tag_combo), tone=self.tone_combo.currentData(),
            statuses=tuple(self.status_combo.currentData()), edition=self.edition_edit.text().strip() or None)

    # --- searching -------------------------------------------------------------------

    def run_search(self) -> None:
        """Search with the query and filters on screen (off the GUI thread)."""
        request = {"query": self.query_edit.text(), "filters": self.filters(),
                   "order": self.order_combo.currentData()}
        self._start(request, offset=0)

    def load_more(self) -> None:
        """Fetch the next page of the current results."""
        if self._last_request is not None and self._last is not None:
            self._start(self._last_request, offset=self.model.rowCount())

    def _start(self, request: dict[str, Any], offset: int) -> None:
        self._serial += 1
        serial = self._serial
        self.summary_label.setText(_("Mencari…"))

        def op(archive):
            index_pending(archive, limit=PENDING_PER_SEARCH)
            return search(archive, request["query"], request["filters"], order=request["order"],
                          limit=PAGE_SIZE, offset=offset)

        self.runner.run_in_background(op, lambda result: self._show(serial, request, result, offset),
                                      lambda exc: self._failed(serial, exc), parent=self)

    def _show(self, serial: int, request: dict[str, Any], result: SearchResult, offset: int) -> None:
        if serial != self._serial:
            return  # an older search answered after a newer one started
        self._last_request, self._last = request, result
        if offset:
            self.model.append_rows(result.hits)
        else:
            self.model.set_rows(result.hits)
            self.preview.clear()
        shown = self.model.rowCount()
        total = f"{result.total:,}".replace(",", ".") + ("" if result.total_exact else "+")
        order = _("relevansi") if result.order == "relevance" else _("tanggal")
        text = _("{total} hasil, {shown} ditampilkan, urut {order} ({ms} ms)").format(
            total=total, shown=shown, order=order, ms=f"{result.elapsed_ms:.0f}")
        if result.notes:
            text += " — " + "; ".join(result.notes)
        self.summary_label.setText(text)
        self.more_button.setEnabled(shown < result.total)
        self.export_all_button.setEnabled(result.total > 0)
        if not offset and self.proxy.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.results_shown.emit(result)

    def _failed(self, serial: int, exc: Exception) -> None:
        if serial != self._serial:
            return
        from ui.errors import describe
        message = describe(exc)
        self.summary_label.setText("⚠ " + message)
        self.search_failed.emit(message)

    # --- preview, PDF, export ----------------------------------------------------------

    def selected_hits(self) -> list[SearchHit]:
        """The selected results, in the order shown."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [index.data(ArticleRole) for index in rows]

    def current_hit(self) -> SearchHit | None:
        index = self.table.selectionModel().currentIndex()
        return index.data(ArticleRole) if index.isValid() else None

    def _selection_changed(self, *args) -> None:
        hit = self.current_hit()
        selected = self.selected_hits()
        self.export_selection_button.setEnabled(bool(selected))
        self.open_pdf_button.setEnabled(bool(hit and any(e.pdf_path for e in hit.editions)))
        self.preview.setHtml(self.preview_html(hit) if hit else "")

    @staticmethod
    def preview_html(hit: SearchHit) -> str:
        """The preview of one hit: title and snippet with the matching words highlighted."""
        editions = ", ".join(f"No. {html.escape(e.number)} ({html.escape(e.day)})" for e in hit.editions)
        meta = " · ".join(html.escape(x) for x in (hit.media, hit.day, hit.tone or "", ", ".join(hit.topics)) if x)
        parts = [f"<h3>{_highlight(hit.title, hit.title_spans)}</h3>", f"<p style='color:#555'>{meta}</p>",
                 f"<p>{_highlight(hit.snippet, hit.snippet_spans)}</p>"]
        if hit.tags:
            parts.append(f"<p>{html.escape(_('Tag'))}: {html.escape(', '.join(hit.tags))}</p>")
        parts.append(f"<p>{html.escape(_('Edisi'))}: {editions or html.escape(_('belum dimuat di edisi'))}</p>")
        parts.append(f"<p><a href='{html.escape(hit.url, quote=True)}'>{html.escape(hit.url)}</a></p>")
        return "".join(parts)

    def open_edition_pdf(self) -> bool:
        """Open the PDF of the newest edition that contained the current article."""
        hit = self.current_hit()
        ref = next((e for e in (hit.editions if hit else ()) if e.pdf_path), None)
        if ref is None:
            self.summary_label.setText(_("Artikel ini belum dimuat di edisi ber-PDF."))
            return False
        if not Path(ref.pdf_path).is_file():
            self.summary_label.setText(_("PDF edisi No. {number} tidak ditemukan: {path}").format(
                number=ref.number, path=ref.pdf_path))
            return False
        return bool(self.open_url(QUrl.fromLocalFile(ref.pdf_path)))

    def _ask_export(self, *, selection: bool) -> None:
        path, chosen = QFileDialog.getSaveFileName(self, _("Ekspor hasil"), str(Path.home()),
                                                   ";;".join(EXPORT_FILTERS.values()))
        if path:
            fmt = next(k for k, v in EXPORT_FILTERS.items() if v == chosen) if chosen else Path(path).suffix[1:]
            self.export(path, fmt, selection=selection)

    def export(self, path: str | Path, fmt: str, *, selection: bool = True) -> None:
        """Export the selected results (or all results) as csv, jsonl or a themed PDF volume."""
        from clipper.search import export as search_export
        ids = [h.article_id for h in self.selected_hits()] if selection else None
        request, config = self._last_request, self.config

        def op(archive):
            chosen = ids if ids is not None else list(iter_result_ids(
                archive, request["query"], request["filters"], order=request["order"]))
            if fmt == "pdf":
                filters = request["filters"]
                title = search_export.volume_title(request["query"], filters.date_from, filters.date_to,
                                                   filters.topics[0] if filters.topics else None)
                search_export.render_volume(archive, config, chosen, path, title)
                return len(chosen)
            return search_export.export_file(archive, chosen, path, fmt)

        self.summary_label.setText(_("Mengekspor…"))
        self.runner.run_in_background(
            op, lambda n: self.summary_label.setText(_("{n} artikel diekspor ke {path}").format(n=n, path=path)),
            lambda exc: self._failed(self._serial, exc), parent=self)
