"""The editor corrects an article's text: fix a paragraph, remove an advert or a caption.

The clipping prints the corrected text and the archive search finds it; the extracted text
stays in the archive and "Pulihkan teks asli" puts it back.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from clipper.review.corrections import correct_text, restore_text
from clipper.store.corrections import article_texts
from ui.i18n import _
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)


class TextCorrectionDialog(QDialog):
    """One article's text in an editor; saving and restoring run on the store thread."""

    saved = Signal(int)  # the article id, once its new text is stored

    def __init__(self, tasks: TaskRunner, article_id: int, title: str, editor: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks, self.article_id, self.editor = tasks, article_id, editor
        self.version: int | None = None  # the article's version when its text was read
        self.setWindowTitle(_("Koreksi teks artikel #{id}").format(id=article_id))
        self.resize(760, 560)
        heading = QLabel(title)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold")
        hint = QLabel(_("Satu paragraf per baris. Hapus baris iklan, keterangan foto atau \"Baca juga\"; "
                        "perbaiki paragraf yang salah. Teks hasil ekstraksi tetap tersimpan."))
        hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("correctionText")
        self.text.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Save).setText(_("Simpan koreksi"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(_("Batal"))
        self.restore = QPushButton(_("Pulihkan teks asli"))
        self.restore.setEnabled(False)
        self.buttons.addButton(self.restore, QDialogButtonBox.ResetRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.restore.clicked.connect(self.restore_original)
        layout = QVBoxLayout(self)
        for widget in (heading, hint):
            layout.addWidget(widget)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._set_busy(True)
        tasks.run_in_background(lambda archive: article_texts(archive, article_id), self._loaded, self._failed,
                                parent=self)

    def _set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.Save).setEnabled(not busy)
        self.text.setEnabled(not busy)

    def _loaded(self, texts: tuple[str, str | None, int] | None) -> None:
        if texts is None:
            self._failed(LookupError(_("artikel #{id} tidak ada di arsip").format(id=self.article_id)))
            return
        current, original, self.version = texts
        self.text.setPlainText(current.replace("\n", "\n\n"))  # a blank line between paragraphs reads better
        self.restore.setEnabled(original is not None)
        if original is not None:
            self.status.setText(_("Teks ini sudah dikoreksi; teks hasil ekstraksi dapat dipulihkan."))
        self._set_busy(False)

    def save(self) -> None:
        text, article_id, editor, version = self.text.toPlainText(), self.article_id, self.editor, self.version
        self._set_busy(True)
        self.tasks.run_in_background(lambda archive: correct_text(archive, article_id, text, editor, version),
                                     self._done, self._failed, parent=self)

    def restore_original(self) -> None:
        article_id, version = self.article_id, self.version
        self._set_busy(True)
        self.tasks.run_in_background(lambda archive: restore_text(archive, article_id, version), self._done,
                                     self._failed, parent=self)

    def _done(self, _text: str) -> None:
        self.saved.emit(self.article_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from ui.errors import describe
        self.status.setText(describe(exc))
        self.status.setStyleSheet("color: #a12a2a")
        self._set_busy(False)

