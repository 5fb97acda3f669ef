"""'Edisi hari ini': order the day's approved articles within sections, compile and preview."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QHBoxLayout, QLabel, QListView, QPushButton,
                               QVBoxLayout, QWidget)

from clipper.config import Config
from clipper.dates import long_date
from clipper.edition.compile import section_for, section_order
from clipper.store.archive import Archive
from clipper.store.articles import approved_articles
from clipper.store.decisions import set_positions
from ui.i18n import _, qdate_today
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

IdRole = Qt.UserRole + 1
SectionRole = Qt.UserRole + 2
_MIME = "application/x-clipper-edition-row"


@dataclass(frozen=True)
class EditionRow:
    id: int
    section: str
    title: str
    media: str
    highlight: bool = False


def load_edition_rows(archive: Archive, day: str, sections: list[str]) -> list[EditionRow]:
    """The day's approved articles grouped by section (``sections``: section_order), editor's order inside."""
    rows = [EditionRow(a.id, section_for(a.primary_topic, sections), a.title, a.media, a.highlight)
            for a in approved_articles(archive, day)]
    rank = {s: i for i, s in enumerate(sections)}
    return sorted(rows, key=lambda r: rank.get(r.section, len(sections)))  # stable: order kept


class EditionOrderModel(QAbstractListModel):
    """Approved articles in edition order; rows move only within their section."""

    order_changed = Signal(list)  # every id in the new order

    def __init__(self, labels: dict[str, str], parent=None):
        super().__init__(parent)
        self.labels = labels
        self._rows: list[EditionRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def set_labels(self, labels: dict[str, str]) -> None:
        """Section labels arrived (computed in the background at start): show them."""
        self.labels = labels
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [Qt.DisplayRole])

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.DisplayRole:
            label = self.labels.get(row.section, row.section)
            return f"[{label}] {'★ ' if row.highlight else ''}{row.title} — {row.media}"
        if role == IdRole:
            return row.id
        if role == SectionRole:
            return row.section
        if role == Qt.FontRole and row.highlight:
            return self._bold
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.ItemIsDropEnabled
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropActions:  # noqa: N802
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        if indexes:
            mime.setData(_MIME, str(indexes[0].row()).encode())
        return mime

    def dropMimeData(self, mime: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:  # noqa: N802
        """Move the dragged row; returns False so the view does not remove anything itself."""
        if not mime.hasFormat(_MIME):
            return False
        source = int(bytes(mime.data(_MIME)).decode())
        target = parent.row() if parent.isValid() else (row if row >= 0 else len(self._rows))
        self.move_to(source, target)
        return False

    def set_rows(self, rows: list[EditionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def ids(self) -> list[int]:
        return [r.id for r in self._rows]

    def move(self, row: int, step: int) -> int:
        """Move one row up (-1) or down (+1) within its section; returns its new row."""
        target = row + step
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        if self._rows[target].section != self._rows[row].section:
            return row
        return self.move_to(row, target + (1 if step > 0 else 0))

    def move_to(self, source: int, before: int) -> int:
        """Move ``source`` in front of row ``before`` if that keeps it in its section."""
        section = self._rows[source].section
        rows_of = [i for i, r in enumerate(self._rows) if r.section == section]
        before = min(max(before, rows_of[0]), rows_of[-1] + 1)
        if before in (source, source + 1):
            return source
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), before)
        item = self._rows.pop(source)
        new = before - 1 if before > source else before
        self._rows.insert(new, item)
        self.endMoveRows()
        self.order_changed.emit(self.ids())
        return new


class EditionPanel(QWidget):
    """The day picker, the ordered list, move up/down, compile (draft or final)."""

    compiled = Signal(object, object)  # EditionRecord, PdfInfo
    message = Signal(str, str)

    def __init__(self, tasks: TaskRunner, config: Config, labels: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.config = config
        self.model = EditionOrderModel(labels, self)
        self.model.order_changed.connect(self._store_order)
        self.day = QDateEdit(qdate_today())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.dateChanged.connect(self.reload)
        self.day_label = QLabel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setDragDropMode(QAbstractItemView.DragDrop)
        self.list.setDefaultDropAction(Qt.MoveAction)
        self.list.setDragDropOverwriteMode(False)
        self.up = QPushButton(_("Naik (Ctrl+↑)"))
        self.down = QPushButton(_("Turun (Ctrl+↓)"))
        self.draft = QPushButton(_("Susun kliping (draf)"))
        self.final = QPushButton(_("Susun final"))
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down.clicked.connect(lambda: self.move_selected(1))
        self.draft.clicked.connect(lambda: self.compile(final=False))
        self.final.clicked.connect(lambda: self.compile(final=True))
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Tanggal")))
        top.addWidget(self.day)
        top.addWidget(self.day_label, 1)
        moves = QHBoxLayout()
        for button in (self.up, self.down):
            moves.addWidget(button)
        moves.addStretch(1)
        moves.addWidget(self.draft)
        moves.addWidget(self.final)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(moves)

    def day_text(self) -> str:
        return self.day.date().toString("yyyy-MM-dd")

    def reload(self) -> None:
        day, sections = self.day_text(), section_order(self.config, self.model.labels)
        self.day_label.setText(long_date(date.fromisoformat(day)))
        self.tasks.run_in_background(lambda a: load_edition_rows(a, day, sections), self._loaded, parent=self)

    def _loaded(self, rows: list[EditionRow]) -> None:
        self.model.set_rows(rows)
        self.draft.setEnabled(bool(rows))
        self.final.setEnabled(bool(rows))

    def move_selected(self, step: int) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            new = self.model.move(index.row(), step)
            self.list.setCurrentIndex(self.model.index(new))

    def _store_order(self, ids: list[int]) -> None:
        self.tasks.run_in_background(lambda a: set_positions(a, ids), None,
                                     lambda exc: self.message.emit(str(exc), "error"), parent=self)

    def compile(self, *, final: bool) -> None:
        """Compile the day's edition in the general pool (own connection; images, PDF)."""
        day, config, path = self.day_text(), self.config, self.tasks.archive_path

        def op():
            from clipper.edition.compile import compile_edition
            from clipper.harvest.images import fetch_edition_images

            with Archive(path) as archive:
                fetch_edition_images(archive, day, config)
                return compile_edition(archive, config, day, final=final)

        self.draft.setEnabled(False)
        self.final.setEnabled(False)
        self.message.emit(_("Menyusun kliping {day} …").format(day=day), "info")
        self.tasks.run_in_background(op, self._compiled, self._failed, parent=self, uses_store=False)

    def _compiled(self, result) -> None:
        self.draft.setEnabled(True)
        self.final.setEnabled(True)
        record, info = result
        self.compiled.emit(record, info)

    def _failed(self, exc: Exception) -> None:
        from ui.errors import describe
        self.draft.setEnabled(True)
        self.final.setEnabled(True)
        self.message.emit(describe(exc), "error")
