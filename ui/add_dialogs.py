"""Add by hand: an article URL (fetched in the background) or a print clipping."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from clipper.classify.classifier import classifier_for
from clipper.config import Config
from clipper.harvest.run import add_url
from clipper.review.additions import add_print_clipping
from clipper.store.archive import Archive
from ui.errors import describe
from ui.i18n import _, qdate_today
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

MAX_SCAN_BYTES = 20 * 1024 * 1024


def check_url(text: str) -> str | None:
    """The problem with a pasted URL, or None."""
    parts = urlsplit(text.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return _("Tempelkan alamat lengkap yang diawali http:// atau https://")
    return None


class AddUrlDialog(QDialog):
    """Paste a URL; it is fetched, extracted and queued without blocking the window."""

    added = Signal(int)

    def __init__(self, config: Config, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.config, self.tasks = config, tasks
        self.setWindowTitle(_("Tambah artikel dari URL"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(_("Ambil dan antrekan"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Alamat artikel")))
        layout.addWidget(self.url)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, 150)

    def submit(self) -> None:
        url = self.url.text().strip()
        problem = check_url(url)
        if problem:
            self.status.setText(problem)
            return
        config, path = self.config, self.tasks.archive_path

        def op() -> int:  # network first, then a short write on its own connection
            with Archive(path) as archive:
                return add_url(config, archive, url)

        self.buttons.setEnabled(False)
        self.status.setText(_("Mengambil {url} …").format(url=url))
        self.tasks.run_in_background(op, self._done, self._failed, parent=self, uses_store=False)

    def _done(self, article_id: int) -> None:
        self.added.emit(article_id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(_("Gagal: {error}").format(error=describe(exc)))


class PrintClippingDialog(QDialog):
    """Media, page, date, title, text and an optional scanned image."""

    added = Signal(int)

    def __init__(self, config: Config, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.config, self.tasks = config, tasks
        self.setWindowTitle(_("Tambah kliping cetak"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.media = QLineEdit()
        self.page = QLineEdit()
        self.day = QDateEdit(qdate_today())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.title = QLineEdit()
        self.text = QPlainTextEdit()
        self.image_path = QLineEdit()
        self.image_path.setReadOnly(True)
        browse = QPushButton(_("Pilih pindaian …"))
        browse.clicked.connect(self._browse)
        image_row = QHBoxLayout()
        image_row.addWidget(self.image_path, 1)
        image_row.addWidget(browse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Media"), self.media)
        form.addRow(_("Halaman"), self.page)
        form.addRow(_("Tanggal"), self.day)
        form.addRow(_("Judul"), self.title)
        form.addRow(_("Teks"), self.text)
        form.addRow(_("Pindaian (opsional)"), image_row)
        form.addRow(self.status)
        form.addRow(self.buttons)
        self.resize(620, 520)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Pindaian kliping"), "",
                                                    _("Gambar (*.png *.jpg *.jpeg)"))
        if path:
            self.image_path.setText(path)

    def problems(self) -> list[str]:
        missing = [label for label, edit in ((_("media"), self.media), (_("judul"), self.title))
                   if not edit.text().strip()]
        if not self.text.toPlainText().strip():
            missing.append(_("teks"))
        return [_("Wajib diisi: {fields}").format(fields=", ".join(missing))] if missing else []

    def submit(self) -> None:
        problems = self.problems()
        image = None
        if not problems and self.image_path.text():
            try:
                scan = Path(self.image_path.text())
                if scan.stat().st_size > MAX_SCAN_BYTES:
                    problems.append(_("Pindaian terlalu besar (paling banyak 20 MB)"))
                else:
                    image = scan.read_bytes()
            except OSError as exc:
                problems.append(_("Pindaian tidak dapat dibaca: {error}").format(error=exc.strerror or exc))
        if problems:
            self.status.setText("\n".join(problems))
            return
        values = dict(media=self.media.text(), title=self.title.text(), text=self.text.toPlainText(),
                      day=self.day.date().toString("yyyy-MM-dd"), page=self.page.text().strip() or None,
                      image=image)
        config = self.config
        self.buttons.setEnabled(False)
        self.tasks.run_in_background(
            lambda archive: add_print_clipping(archive, classifier=classifier_for(config), **values),
            self._done, self._failed, parent=self)

    def _done(self, article_id: int) -> None:
        self.added.emit(article_id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(_("Gagal: {error}").format(error=describe(exc)))
