"""The main window: review queue, article view, editor fields, edition and harvest panels."""

from __future__ import annotations

import importlib.util
import logging

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QMainWindow, QSplitter, QStyle, QTabWidget, QToolBar, QVBoxLayout,
                               QWidget)

from clipper.config import Config
from clipper.models import HarvestResult
from clipper.store.archive import Archive
from clipper.store.articles import get_article, story_outlets
from clipper.store.decisions import tag_vocabulary
from clipper.store.images import cached_image
from clipper.store.records import Article, Outlet
from ui.article_view import ArticleView
from ui.edition_panel import EditionPanel
from ui.errors import MessageBar, describe
from ui.harvest_panel import HarvestController, HarvestPanel
from ui.i18n import _
from ui.review.editor_panel import EditorPanel
from ui.review.model import QueueRow
from ui.review.queue import ReviewQueue
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)


def topic_labels(config: Config) -> dict[str, str]:
    """Topic id → label (clipper.classify.rules alone, ~60 ms, in the background; never fails the window)."""
    from clipper.classify.rules import topic_labels as labels
    return labels(config)


def load_article(archive: Archive, article_id: int) -> tuple[Article | None, list[Outlet], bytes | None]:
    """One article with its text, its story's outlets and its cached lead image."""
    article = get_article(archive, article_id)
    if article is None:
        return None, [], None
    outlets = story_outlets(archive, article.story_id) if article.story_id else []
    return article, outlets, cached_image(archive, article.image_url)


class MainWindow(QMainWindow):
    """Composes the widgets; each keeps its own behaviour."""

    config_changed = Signal(object)

    def __init__(self, config: Config, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.config = config
        self.tasks = tasks
        self.setWindowTitle(_("Clipper — kliping digital"))
        labels: dict[str, str] = {}  # filled in place by _set_labels once the queue shows
        self.labels = labels
        self.messages = MessageBar()
        self.queue = ReviewQueue(tasks, config.editor.name, labels)
        self.article = ArticleView()
        self.editor = EditorPanel()
        self.harvest = HarvestController(tasks, self)
        self.harvest_panel = HarvestPanel(self.harvest)
        self.edition = EditionPanel(tasks, config, labels)
        self._current_id: int | None = None
        self._labels_asked = False
        self._build_layout()
        self._build_actions()
        self._connect()
        self.schedule = QTimer(self, timeout=self.start_harvest)
        self.restore_state()
        self.harvest.report_interrupted_runs()  # a run whose process died: shown once as terputus

    # --- layout -------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.right = QSplitter(Qt.Vertical)
        self.right.addWidget(self.article)
        self.right.addWidget(self.editor)
        self.right.setStretchFactor(0, 3)
        self.split = QSplitter(Qt.Horizontal)
        self.split.addWidget(self.queue)
        self.split.addWidget(self.right)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.split, _("Tinjauan"))
        self._add_search_tab()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.messages)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.edition_dock = self._dock(_("Edisi hari ini"), self.edition, "editionDock")
        self.harvest_dock = self._dock(_("Panen"), self.harvest_panel, "harvestDock")
        self.tabifyDockWidget(self.edition_dock, self.harvest_dock)
        self.edition_dock.raise_()

    def _dock(self, title: str, widget: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.BottomDockWidgetArea, dock)
        return dock

    def _add_search_tab(self) -> None:
        # --- INTEGRATION POINT: the "Arsip" tab (ui/search_tab.py, another engineer's widget).
        # Built when first opened: it reads the archive and the topic rules when created.
        self.search_tab = None
        self._search_page: QWidget | None = None
        if importlib.util.find_spec("ui.search_tab") is not None:
            self._search_page = QWidget()
            QVBoxLayout(self._search_page).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(self._search_page, _("Arsip"))
            self.tabs.currentChanged.connect(self._tab_changed)

    def _tab_changed(self, index: int) -> None:
        self.editor.flush()
        if self._search_page is not None and self.tabs.widget(index) is self._search_page:
            self.ensure_search_tab()

    def ensure_search_tab(self):
        """The archive search tab, created on first use (None without ui.search_tab)."""
        if self.search_tab is None and self._search_page is not None:
            from ui.search_tab import SearchTab
            self.search_tab = SearchTab(archive_path=self.tasks.archive_path, config=self.config,
                                        runner=self.tasks, parent=self._search_page)
            self._search_page.layout().addWidget(self.search_tab)
        return self.search_tab

    def _action(self, text: str, slot, shortcut: str | QKeySequence | None = None,
                icon: QStyle.StandardPixmap | None = None, toolbar: QToolBar | None = None) -> QAction:
        action = QAction(_(text), self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{_(text)} ({QKeySequence(shortcut).toString(QKeySequence.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        if toolbar is not None:
            toolbar.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = QToolBar(_("Alat"), self)
        bar.setObjectName("mainToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        sp = QStyle.StandardPixmap
        self.harvest_action = self._action("Panen", self.start_harvest, "Ctrl+H", sp.SP_BrowserReload, bar)
        self.cancel_action = self._action("Batalkan panen", self.harvest.cancel, None, sp.SP_BrowserStop, bar)
        self.cancel_action.setEnabled(False)
        bar.addSeparator()
        self._action("Tambah URL", self.add_url, "Ctrl+L", sp.SP_FileLinkIcon, bar)
        self._action("Kliping cetak", self.add_print, "Ctrl+P", sp.SP_FileIcon, bar)
        self.undo_action = self._action("Urungkan", self.queue.undo_last, QKeySequence.Undo, sp.SP_ArrowBack, bar)
        bar.addSeparator()
        self._action("Susun kliping", lambda: self.edition.compile(final=False), "Ctrl+E",
                     sp.SP_FileDialogDetailedView, bar)
        self._add_send_action(bar)
        bar.addSeparator()
        self._action("Pengaturan", self.open_settings, QKeySequence.Preferences, sp.SP_FileDialogInfoView, bar)
        for key, decision in (("A", "approve"), ("R", "reject"), ("U", "reset")):
            self._action(f"keputusan {decision}", lambda _c=False, d=decision: self.queue.decide(d), key)
        self._action("Berikutnya", lambda: self.queue.move(1), "J")
        self._action("Sebelumnya", lambda: self.queue.move(-1), "K")
        self._action("Simpan isian", self.editor._emit_save, "Ctrl+S")
        self._action("Saring", self._focus_filter, "Ctrl+F")
        self._action("Muat ulang", self.reload, "F5")
        self._action("Naikkan di edisi", lambda: self.edition.move_selected(-1), "Ctrl+Up")
        self._action("Turunkan di edisi", lambda: self.edition.move_selected(1), "Ctrl+Down")

    def _add_send_action(self, bar: QToolBar) -> None:
        # --- INTEGRATION POINT: "Kirim" (ui/send_dialog.py, another engineer's dialog).
        self.send_action = None
        if importlib.util.find_spec("ui.send_dialog") is not None:
            self.send_action = self._action("Kirim", self.open_send, None, QStyle.StandardPixmap.SP_DialogYesButton, bar)

    def open_send(self) -> None:
        from ui.send_dialog import SendDialog
        dialog = SendDialog(self.config, self.tasks.archive_path, parent=self, tasks=self.tasks)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()

    def _focus_filter(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.queue.bar.text.setFocus()
        self.queue.bar.text.selectAll()

    # --- wiring -------------------------------------------------------------------------

    def _connect(self) -> None:
        queue, editor = self.queue, self.editor
        queue.current_changed.connect(self._show_article)
        queue.selection_changed.connect(editor.show_rows)
        queue.message.connect(self.show_message)
        queue.archive_changed.connect(self.edition.reload)
        queue.tags_changed.connect(self._load_vocabulary)  # a 50,000-row scan: only when tags change
        editor.save_requested.connect(queue.edit)
        editor.unsaved_left.connect(queue.edit)  # typed, then approved / moved on: kept
        editor.notice.connect(lambda text: self.show_message(text, "info"))
        editor.approve.clicked.connect(lambda: queue.decide("approve"))
        editor.reject.clicked.connect(lambda: queue.decide("reject"))
        editor.reset.clicked.connect(lambda: queue.decide("reset"))
        editor.correct.clicked.connect(self.correct_text)
        self.harvest.articles_added.connect(queue.add_articles)  # one batch per FLUSH_MS
        queue.loaded.connect(self._load_labels)
        self.harvest.running_changed.connect(self._harvest_running)
        self.harvest.finished.connect(self._harvest_finished)
        self.harvest.failed.connect(lambda exc: self.show_message(describe(exc), "error"))
        self.harvest.interrupted.connect(lambda text: self.show_message(text, "info"))
        self.edition.message.connect(self.show_message)
        self.edition.compiled.connect(self.show_preview)

    def reload(self) -> None:
        self.queue.reload()
        self.edition.reload()
        self._load_vocabulary()

    def _load_labels(self) -> None:
        """Once the queue shows: the topic labels, in the general pool."""
        if self._labels_asked:
            return
        self._labels_asked = True
        config = self.config
        self.tasks.run_in_background(lambda: topic_labels(config), self._set_labels, lambda exc: None,
                                     parent=self, uses_store=False)

    def _set_labels(self, labels: dict[str, str]) -> None:
        self.labels.clear()
        self.labels.update(labels)  # the same dict the panels were given
        self.queue.set_topic_labels(self.labels)
        self.edition.model.set_labels(self.labels)

    def _load_vocabulary(self) -> None:
        self.tasks.run_in_background(tag_vocabulary, self.editor.set_vocabulary, parent=self)

    def show_message(self, text: str, level: str = "error") -> None:
        self.messages.show_message(text, level, timeout_ms=0 if level == "error" else 6000)

    # --- article view -------------------------------------------------------------------

    def _show_article(self, row: QueueRow | None) -> None:
        self._current_id = row.id if row else None
        if row is None:
            self.article.show_placeholder()
            return
        self._request_article(row.id)

    def _request_article(self, article_id: int) -> None:
        """Load on the read thread (never behind a write); skipped if the selection moved on."""
        def op(archive: Archive):
            return load_article(archive, article_id) if article_id == self._current_id else None

        self.tasks.run_in_background(op, lambda result: self._article_loaded(article_id, result),
                                     parent=self, read_only=True)

    def _article_loaded(self, article_id: int, result) -> None:
        if result is None or article_id != self._current_id or result[0] is None:
            return
        article, outlets, image = result
        self.article.show_article(article, outlets, self.labels, image)
        url = article.image_url
        if image is None and url and url.startswith(("http://", "https://")):
            self._fetch_image(article_id, url)

    def _fetch_image(self, article_id: int, url: str) -> None:
        """The lead image, fetched in the general pool (own connection) and cached."""
        path, config = self.tasks.archive_path, self.config

        def op() -> bool:
            from clipper.harvest.images import ensure_cached

            with Archive(path) as archive:
                ensure_cached(archive, [url], config)
                return cached_image(archive, url) is not None

        def done(ok: bool) -> None:
            if ok and article_id == self._current_id:
                self._request_article(article_id)

        self.tasks.run_in_background(op, done, lambda exc: logger.info("image: %s", exc),
                                     parent=self, uses_store=False)

    def correct_text(self) -> None:
        """The editor's correction of the selected article's text (a dialog)."""
        from ui.review.text_dialog import TextCorrectionDialog
        rows = self.queue.selected_rows()
        if len(rows) != 1:
            return
        dialog = TextCorrectionDialog(self.tasks, rows[0].id, rows[0].title, self.config.editor.name, self)
        dialog.saved.connect(lambda article_id: (self.queue.add_articles([article_id]),
                                                 self._request_article(article_id)))
        dialog.show()

    # --- harvest, adding, settings, preview ---------------------------------------------

    def start_harvest(self) -> None:
        if not self.harvest.start(self.config):
            self.show_message(_("Panen sedang berjalan."), "info")
            return
        self.harvest_dock.show()
        self.harvest_dock.raise_()

    def _harvest_running(self, running: bool) -> None:
        self.harvest_action.setEnabled(not running)
        self.cancel_action.setEnabled(running)

    def _harvest_finished(self, result: HarvestResult) -> None:
        self.show_message(self.harvest_panel.summary.text(), "error" if result.failed_sources else "info")
        self.queue.bar.set_media(self.queue.model.media_names())
        self.queue.resort()
        self.edition.reload()

    def add_url(self) -> None:
        from ui.add_dialogs import AddUrlDialog
        dialog = AddUrlDialog(self.config, self.tasks, self)
        dialog.added.connect(self._added)
        dialog.show()

    def add_print(self) -> None:
        from ui.add_dialogs import PrintClippingDialog
        dialog = PrintClippingDialog(self.config, self.tasks, self)
        dialog.added.connect(self._added)
        dialog.show()

    def _added(self, article_id: int) -> None:
        self.queue.add_articles([article_id])
        self.show_message(_("Artikel #{id} ditambahkan ke antrean.").format(id=article_id), "info")

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog
        dialog = SettingsDialog(self.config, self.tasks, self, labels=self.labels)
        dialog.saved.connect(self.apply_config)
        dialog.show()

    def apply_config(self, config: Config) -> None:
        """A saved configuration takes effect for the next action (language: next start)."""
        self.config = config
        self.queue.editor = config.editor.name
        self.edition.config = config
        self.config_changed.emit(config)
        self.apply_schedule()
        self.show_message(_("Pengaturan disimpan."), "info")

    def show_preview(self, record, info) -> None:
        from ui.preview import PdfPreview
        self.show_message(_("Kliping No. {number} disusun: {pages} halaman.").format(
            number=record.number, pages=info.pages), "info")
        self.preview = PdfPreview(info.path, _("Pratinjau kliping No. {number}").format(number=record.number), self)
        self.preview.show()

    # --- state --------------------------------------------------------------------------

    def apply_schedule(self) -> None:
        minutes = int(QSettings().value("harvest/interval_minutes", 0) or 0)
        if minutes > 0:
            self.schedule.start(minutes * 60_000)
        else:
            self.schedule.stop()

    def restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 800)
        for key, target in (("window/state", self.restoreState), ("window/split", self.split.restoreState),
                            ("window/right", self.right.restoreState),
                            ("window/columns", self.queue.view.horizontalHeader().restoreState)):
            value = settings.value(key)
            if value is not None:
                target(value)
        self.apply_schedule()

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/split", self.split.saveState())
        settings.setValue("window/right", self.right.saveState())
        settings.setValue("window/columns", self.queue.view.horizontalHeader().saveState())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.editor.flush()  # what was typed and not saved is stored before the app ends
        self.save_state()
        self.harvest.cancel()
        super().closeEvent(event)


__all__ = ["MainWindow", "load_article", "topic_labels"]
