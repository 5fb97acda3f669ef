"""Errors where the editor is: a message bar, a non-modal box, and the crash report."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from clipper.errors import ClipperError, ConfigError
from ui.i18n import _

logger = logging.getLogger(__name__)

_LEVEL_STYLE = {
    "error": "background:#fde8e8; border:1px solid #e0a0a0; color:#611;",
    "info": "background:#e8f1fd; border:1px solid #9bbbe0; color:#123;",
}


def describe(exc: BaseException) -> str:
    """A short message for an editor (the core's own text for expected errors)."""
    if isinstance(exc, ClipperError):
        return str(exc)
    if isinstance(exc, OSError):
        return _("Berkas atau jaringan tidak dapat diakses: {error}").format(error=exc.strerror or exc)
    return _("Terjadi kesalahan tak terduga: {kind}: {error}").format(kind=type(exc).__name__, error=exc)


class MessageBar(QWidget):
    """A non-modal line at the top of the window: what went wrong (or happened), closable."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.close_button = QPushButton("✕")
        self.close_button.setFlat(True)
        self.close_button.setToolTip(_("Tutup pesan"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self, singleShot=True, timeout=self.dismiss)
        self.hide()

    def show_message(self, text: str, level: str = "error", timeout_ms: int = 0) -> None:
        """Show ``text``; an info message may close itself after ``timeout_ms``."""
        self.setStyleSheet(f"MessageBar {{{_LEVEL_STYLE.get(level, _LEVEL_STYLE['info'])}}}")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.label.setText(text)
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """A non-modal box with the message and the details expandable (STYLE 6)."""
    box = QMessageBox(QMessageBox.Warning, _("Clipper"), describe(exc), QMessageBox.Close, parent)
    box.setWindowModality(Qt.NonModal)
    box.setAttribute(Qt.WA_DeleteOnClose)
    if isinstance(exc, ConfigError):
        box.setDetailedText("\n".join(exc.problems))
    elif exc.__traceback__ is not None:
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.show()
    return box


class CrashReport(QDialog):
    """An unexpected exception: what happened, a copyable report, and the app keeps running."""

    def __init__(self, report: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Kesalahan tak terduga"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        intro = QLabel(_("Clipper menemukan kesalahan yang tidak terduga. Pekerjaan yang sudah "
                         "tersimpan aman. Salin laporan di bawah ini untuk pengelola aplikasi."))
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        copy = buttons.addButton(_("Salin laporan"), QDialogButtonBox.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 360)


def excepthook(kind, value, tb) -> None:
    """sys.excepthook: log at critical and show a copyable report; never exit."""
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    report = "".join(traceback.format_exception(kind, value, tb))
    logger.critical("uncaught exception:\n%s", report)
    app = QApplication.instance()
    if app is None:
        return
    dialog = CrashReport(report, app.activeWindow())
    dialog.show()
