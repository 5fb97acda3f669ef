"""The editor's fields for the selected articles: tags, tone, summary, highlight."""

from __future__ import annotations

import logging

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QWidget)

from clipper.models import TONES
from clipper.review.decisions import MAX_SUMMARY
from ui.i18n import _
from ui.review.model import STATUS_LABELS, QueueRow

logger = logging.getLogger(__name__)


class _TagCompleter(QCompleter):
    """Completes the last comma-separated tag of the line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words = QStringListModel(self)
        self.setModel(self.words)
        self.setCaseSensitivity(Qt.CaseInsensitive)

    def pathFromIndex(self, index) -> str:  # noqa: N802 - Qt API
        edit = self.widget()
        head = edit.text().rsplit(",", 1)[0] + ", " if "," in edit.text() else ""
        return head + index.data()

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt API
        return [path.rsplit(",", 1)[-1].strip()]


class EditorPanel(QWidget):
    """Fields bound to the selection; ``save_requested`` carries only what changed."""

    save_requested = Signal(dict)  # keys: tags, tone, summary, highlight
    # What was typed for articles the panel is leaving (the editor decided, moved on, or the
    # window closes): (changes, their ids), saved without a click.
    unsaved_left = Signal(dict, list)
    # A notice for the window's message bar (a summary cut to its limit when the editor left).
    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(_("tag, dipisah koma"))
        self.completer = _TagCompleter(self.tags)
        self.tags.setCompleter(self.completer)
        self.tone = QComboBox()
        self.tone.addItem(_("(belum ditetapkan)"), "")
        for tone in TONES:
            self.tone.addItem(_(tone), tone)
        self.confirm_tone = QPushButton()
        self.confirm_tone.setToolTip(_("Nada ini tebakan otomatis; hanya nada yang ditetapkan editor dicetak di kliping"))
        self.confirm_tone.clicked.connect(self._confirm_tone)
        self.confirm_tone.hide()
        tone_row = QHBoxLayout()
        tone_row.addWidget(self.tone, 1)
        tone_row.addWidget(self.confirm_tone)
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(_("Ringkasan editor: dua baris untuk pimpinan"))
        self.summary.setFixedHeight(64)
        self.highlight = QCheckBox(_("Sorotan di halaman depan kliping"))
        self.save = QPushButton(_("Simpan (Ctrl+S)"))
        self.save.clicked.connect(self._emit_save)
        self.approve = QPushButton(_("Setujui (A)"))
        self.reject = QPushButton(_("Tolak (R)"))
        self.reset = QPushButton(_("Kembalikan (U)"))
        self.correct = QPushButton(_("Koreksi teks…"))
        self.correct.setToolTip(_("Perbaiki atau hapus paragraf; teks hasil ekstraksi tetap tersimpan"))
        buttons = QHBoxLayout()
        for button in (self.approve, self.reject, self.reset, self.correct):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        form = QFormLayout(self)
        form.setContentsMargins(4, 4, 4, 4)
        form.addRow(self.heading)
        form.addRow(_("Tag"), self.tags)
        form.addRow(_("Nada"), tone_row)
        form.addRow(_("Ringkasan"), self.summary)
        form.addRow("", self.highlight)
        form.addRow(buttons)
        self._shown: dict = {}
        self._ids: list[int] = []
        self._suggested: str | None = None
        self.show_rows([])

    def set_vocabulary(self, tags: list[str]) -> None:
        self.completer.words.setStringList(tags)

    def show_rows(self, rows: list[QueueRow]) -> None:
        """Fill the fields from the selection (a bulk selection starts empty); what was typed for
        the previous selection and not saved is handed on first (unsaved_left)."""
        self.flush()
        self._ids = [r.id for r in rows]
        self.setEnabled(bool(rows))
        one = rows[0] if len(rows) == 1 else None
        self.correct.setEnabled(one is not None)
        if not rows:
            self.heading.setText(_("Tidak ada artikel terpilih"))
        elif one is None:
            self.heading.setText(_("{n} artikel terpilih: perubahan berlaku untuk semuanya").format(n=len(rows)))
        else:
            self.heading.setText(_("Artikel #{id} · {status}").format(
                id=one.id, status=_(STATUS_LABELS.get(one.status, one.status))))
        self._shown = {
            "tags": ", ".join(one.tags) if one else "",
            "tone": (one.tone or "") if one else "",
            "summary": (one.summary or "") if one else "",
            "highlight": bool(one.highlight) if one else False,
        }
        self.tags.setText(self._shown["tags"])
        self.tone.setCurrentIndex(max(self.tone.findData(self._shown["tone"]), 0))
        self._suggested = one.tone_suggested if one and not one.tone else None
        self.confirm_tone.setVisible(bool(self._suggested))
        if self._suggested:
            self.confirm_tone.setText(_("Tetapkan saran: {tone}").format(tone=_(self._suggested)))
        self.summary.setPlainText(self._shown["summary"])
        self.highlight.setChecked(self._shown["highlight"])

    def flush(self) -> bool:
        """Hand on what was typed and not saved (True when there was something)."""
        changed = self.changes() if self._ids else {}
        if self._summary_too_long(changed):  # the editor has moved on: keep what fits, and say so
            changed["summary"] = changed["summary"][:MAX_SUMMARY]
            self.notice.emit(_("Ringkasan dipotong menjadi {n} karakter saat disimpan.").format(n=MAX_SUMMARY))
        if changed:
            self._shown.update({k: v for k, v in self.values().items() if k in changed})
            self.unsaved_left.emit(changed, list(self._ids))
        return bool(changed)

    def _confirm_tone(self) -> None:
        """One click: the suggested tone becomes the editor's (and is saved with what was typed)."""
        if self._suggested:
            self.tone.setCurrentIndex(max(self.tone.findData(self._suggested), 0))
            self._emit_save()

    def values(self) -> dict:
        return {"tags": self.tags.text().strip(), "tone": self.tone.currentData(),
                "summary": self.summary.toPlainText().strip(), "highlight": self.highlight.isChecked()}

    def changes(self) -> dict:
        """Only the fields the editor changed; tags as a list."""
        changed = {k: v for k, v in self.values().items() if v != self._shown.get(k)}
        if "tags" in changed:
            changed["tags"] = [t for t in (p.strip() for p in changed["tags"].split(",")) if t]
        return changed

    @staticmethod
    def _summary_too_long(changed: dict) -> bool:
        return len(changed.get("summary") or "") > MAX_SUMMARY

    def _emit_save(self) -> None:
        changed = self.changes()
        if self._summary_too_long(changed):  # the editor is here: refused, nothing cut
            self.heading.setText(_("Ringkasan terlalu panjang (paling banyak {n} karakter)").format(n=MAX_SUMMARY))
            return
        if changed:
            self._shown.update({k: v for k, v in self.values().items() if k in changed})
            self.save_requested.emit(changed)
