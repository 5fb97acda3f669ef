"""The Sumber page: the list of sources (ticked: harvested), one source's form, add, remove, try."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit,
                               QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget)

from clipper.config import Config
from clipper.errors import ConfigError
from clipper.harvest.harvester import probe_source
from clipper.harvest.run import fetch_settings
from clipper.models import Source
from clipper.workspace.editor import ConfigEditor
from clipper.workspace.fields import source_from_values, source_problems
from ui.errors import describe
from ui.i18n import _
from ui.settings.source_form import SourceForm
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

PROBE_SHOWN = 8  # links listed after "Uji sumber ini"
NEW_NAME = "Sumber baru"
_WRONG = QColor("#b00020")


def ask_remove(parent: QWidget, name: str) -> bool:
    """Ask before a source is removed (Hapus / Batal, in Indonesian whatever Qt's language)."""
    box = QMessageBox(QMessageBox.Question, _("Hapus sumber"),
                      _("Hapus sumber “{name}” dari daftar?\n\nBerlaku saat Simpan; artikel yang sudah "
                        "dipanen dari sumber ini tetap di arsip.").format(name=name), parent=parent)
    remove = box.addButton(_("Hapus"), QMessageBox.DestructiveRole)
    box.setDefaultButton(box.addButton(_("Batal"), QMessageBox.RejectRole))
    box.exec()
    return box.clickedButton() is remove


class SourcesPage(QWidget):
    """Edits the sources of a ConfigEditor in place; nothing is written until the dialog saves."""

    changed = Signal()

    def __init__(self, editor: ConfigEditor, config: Config, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor, self.config, self.tasks = editor, config, tasks
        self.confirm_remove: Callable[[QWidget, str], bool] = ask_remove  # replaced in tests
        self.problems: dict[int, dict[str, str]] = {}
        self.sources = QListWidget()
        for index, name in enumerate(editor.source_names()):
            self.sources.addItem(self._item(name, editor.source_values(index)["enabled"]))
        self.add_button = QPushButton(_("Tambah sumber"))
        self.remove_button = QPushButton(_("Hapus sumber…"))
        self.form = SourceForm()
        self.probe_result = QPlainTextEdit()
        self.probe_result.setReadOnly(True)
        self.probe_result.setMaximumHeight(120)
        self.probe_result.setPlaceholderText(_("Hasil “Uji sumber ini” tampil di sini."))
        self._build()
        self.add_button.clicked.connect(self.add_source)
        self.remove_button.clicked.connect(self.remove_source)
        self.form.test_button.clicked.connect(self.test_source)
        self.form.changed.connect(self._form_edited)
        self.sources.currentRowChanged.connect(self._show_row)
        self.sources.itemChanged.connect(self._ticked)
        self.revalidate()
        if self.sources.count():
            self.sources.setCurrentRow(0)
        else:
            self.form.setEnabled(False)

    def _build(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(_("Centang sumber yang dipanen.")))
        column.addWidget(self.sources, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        column.addLayout(buttons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        right = QWidget()
        details = QVBoxLayout(right)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(scroll, 1)
        details.addWidget(self.probe_result)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    @staticmethod
    def _item(name: str, enabled: bool) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Checked if enabled else Qt.Unchecked)
        return item

    # --- editing -----------------------------------------------------------------------------

    def _show_row(self, row: int) -> None:
        self.form.setEnabled(row >= 0)
        if row >= 0:
            self.form.set_values(self.editor.source_values(row))
            self.form.show_problems(self.problems.get(row, {}))

    def _form_edited(self) -> None:
        row = self.sources.currentRow()
        if row < 0:
            return
        self.editor.set_source_values(row, self.form.values())
        item = self.sources.item(row)
        self.sources.blockSignals(True)
        item.setText(self.form.name.text().strip() or "—")
        self.sources.blockSignals(False)
        self.revalidate()

    def _ticked(self, item: QListWidgetItem) -> None:
        row = self.sources.row(item)
        values = self.editor.source_values(row)
        values["enabled"] = item.checkState() == Qt.Checked
        self.editor.set_source_values(row, values)
        if row == self.sources.currentRow():
            self.form.set_values(values)
        self.changed.emit()

    def revalidate(self) -> None:
        """Check every source with sources.yaml's rules; mark the wrong ones and the shown one's fields."""
        values = [self.editor.source_values(i) for i in range(self.sources.count())]
        names = [v["name"] for v in values]
        self.problems = {}
        for index, one in enumerate(values):
            found = source_problems(one, names[:index])  # a duplicate is reported at its second use
            if found:
                self.problems[index] = found
        self.sources.blockSignals(True)
        for index in range(self.sources.count()):
            item = self.sources.item(index)
            wrong = self.problems.get(index)
            item.setForeground(QBrush(_WRONG) if wrong else QBrush())
            item.setToolTip("\n".join(wrong.values()) if wrong else "")
        self.sources.blockSignals(False)
        self.form.show_problems(self.problems.get(self.sources.currentRow(), {}))
        self.changed.emit()

    def problem_lines(self) -> list[str]:
        """Every source's problems as lines for the dialog ("Sumber X: Alamat: ...")."""
        lines = []
        for index, found in sorted(self.problems.items()):
            name = self.sources.item(index).text()
            for key, message in found.items():
                caption = self.form.form_label(key)
                lines.append(_("Sumber {name}: {field}: {message}").format(name=name, field=caption, message=message))
        return lines

    def add_source(self) -> None:
        """A new source at the end of the list, selected, its name ready to be typed."""
        taken = {n.casefold() for n in self.editor.source_names()}
        name, number = _(NEW_NAME), 2
        while name.casefold() in taken:
            name, number = f"{_(NEW_NAME)} {number}", number + 1
        row = self.editor.append_source({"name": name, "kind": "feed", "url": ""})
        self.sources.blockSignals(True)
        self.sources.addItem(self._item(name, True))
        self.sources.blockSignals(False)
        self.revalidate()
        self.sources.setCurrentRow(row)
        self.form.name.setFocus()
        self.form.name.selectAll()

    def remove_source(self) -> None:
        """Remove the selected source after asking; the file changes only on Simpan."""
        row = self.sources.currentRow()
        if row < 0:
            self.probe_result.setPlainText(_("Pilih sumber yang akan dihapus."))
            return
        name = self.sources.item(row).text()
        if not self.confirm_remove(self, name):
            return
        self.editor.remove_source_at(row)
        self.sources.blockSignals(True)
        self.sources.takeItem(row)
        self.sources.blockSignals(False)
        self._show_row(self.sources.currentRow())
        self.revalidate()
        self.probe_result.setPlainText(
            _("{name} dihapus dari daftar; berlaku saat Simpan (Batal untuk mengurungkan). "
              "Artikel yang sudah dipanen tetap di arsip.").format(name=name))

    # --- trying a source ----------------------------------------------------------------------

    def test_source(self) -> None:
        """Fetch the source as the form describes it, in the background, and list what it yields."""
        if self.sources.currentRow() < 0:
            self.probe_result.setPlainText(_("Pilih sumber atau tambah sumber baru."))
            return
        try:
            source = source_from_values(self.form.values())
        except ConfigError:
            self.probe_result.setPlainText(_("Perbaiki isian yang bertanda merah dulu, lalu uji lagi."))
            return
        settings = fetch_settings(self.config)
        self.probe_result.setPlainText(_("Menguji {name} …").format(name=source.name))
        self.tasks.run_in_background(lambda: probe_source(source, settings), lambda links: self._probed(source, links),
                                     lambda exc: self.probe_result.setPlainText(
                                         _("{name}: gagal — {error}").format(name=source.name, error=describe(exc))),
                                     parent=self, uses_store=False)

    def _probed(self, source: Source, links: list) -> None:
        lines = [_("{name}: {n} tautan artikel").format(name=source.name, n=len(links))]
        lines += [f"• {link.title or link.url}" for link in links[:PROBE_SHOWN]]
        self.probe_result.setPlainText("\n".join(lines))
