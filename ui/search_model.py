"""The archive search results: a table model of SearchHit rows and its sorting proxy."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from clipper.search.engine import SearchHit
from ui.i18n import _

logger = logging.getLogger(__name__)

SortRole = Qt.UserRole + 1  # native values: ISO day, float score, str
ArticleRole = Qt.UserRole + 2  # the SearchHit itself

COL_DAY, COL_MEDIA, COL_TITLE, COL_STATUS, COL_TONE, COL_EDITION, COL_SCORE = range(7)
_HEADERS = ("Tanggal", "Media", "Judul", "Status", "Nada", "Edisi", "Skor")
STATUS_LABELS = {"new": "Baru", "approved": "Disetujui", "rejected": "Ditolak",
                 "irrelevant": "Tidak relevan", "error": "Galat"}


def _edition_text(hit: SearchHit) -> str:
    return ", ".join(e.number_label for e in hit.editions)


class SearchResultsModel(QAbstractTableModel):
    """One row per hit; the model does no I/O (rows arrive through set_rows/append_rows)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[SearchHit] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(_HEADERS):
            return _(_HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit = self._rows[index.row()]
        column = index.column()
        if role == ArticleRole:
            return hit
        if role == SortRole:
            return self._sort_value(hit, column)
        if role == Qt.DisplayRole:
            return self._display(hit, column)
        if role == Qt.ToolTipRole and column == COL_TITLE:
            return hit.title
        if role == Qt.TextAlignmentRole and column == COL_SCORE:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    @staticmethod
    def _display(hit: SearchHit, column: int) -> str:
        if column == COL_DAY:
            return hit.day
        if column == COL_MEDIA:
            return hit.media
        if column == COL_TITLE:
            return hit.title
        if column == COL_STATUS:
            published = any(e.status == "final" for e in hit.editions)
            return _("Terbit") if published and hit.status == "approved" else _(STATUS_LABELS.get(hit.status, hit.status))
        if column == COL_TONE:
            return hit.tone or "—"
        if column == COL_EDITION:
            return _edition_text(hit)
        return f"{hit.score:.2f}" if hit.score is not None else ""

    @staticmethod
    def _sort_value(hit: SearchHit, column: int) -> Any:
        if column == COL_DAY:
            return f"{hit.day} {hit.article_id:012d}"
        if column == COL_SCORE:
            return hit.score if hit.score is not None else 0.0
        return SearchResultsModel._display(hit, column).casefold()

    def set_rows(self, hits: list[SearchHit] | tuple[SearchHit, ...]) -> None:
        """Show a new result set."""
        self.beginResetModel()
        self._rows = list(hits)
        self.endResetModel()

    def append_rows(self, hits: list[SearchHit] | tuple[SearchHit, ...]) -> None:
        """Add the next page of the same result set."""
        if not hits:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
        self._rows.extend(hits)
        self.endInsertRows()

    def hits(self) -> list[SearchHit]:
        return list(self._rows)


class SearchResultsProxy(QSortFilterProxyModel):
    """Sorts on SortRole (dates as ISO text, scores as floats)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SortRole)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        a, b = left.data(SortRole), right.data(SortRole)
        if a is None or b is None:
            return a is None and b is not None
        return a < b
