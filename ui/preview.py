"""The compiled clipping in the app (QtPdf), with 'open in the system viewer'."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.i18n import _

logger = logging.getLogger(__name__)


class PdfPreview(QDialog):
    """A non-modal window showing one PDF, page after page."""

    def __init__(self, path: str | Path, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(title)
        self.document = QPdfDocument(self)
        self.error = self.document.load(str(self.path))
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        info = QLabel(_("{pages} halaman · {path}").format(pages=self.document.pageCount(), path=self.path))
        info.setWordWrap(True)
        external = QPushButton(_("Buka di penampil sistem"))
        external.clicked.connect(self.open_external)
        close = QPushButton(_("Tutup"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(info, 1)
        bottom.addWidget(external)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.resize(760, 900)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def open_external(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
