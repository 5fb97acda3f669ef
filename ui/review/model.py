"""The review queue's table model: every loaded article, sorted, and the ones the filter keeps."""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from operator import itemgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from clipper.models import KIND_LABELS
from ui.i18n import _, format_time
from ui.review.filters import STATUS_FILTERS, QueueFilter, text_of
from ui.review.rows import (COL_MEDIA, COL_OUTLETS, COL_SCORE, COL_STATUS, COL_TIME, COL_TITLE, COL_TONE,
                            COL_TOPICS, QueueRow, apply_values, insertion_point, sort_key, sort_rows)

logger = logging.getLogger(__name__)

SortRole = Qt.UserRole + 1  # native values: datetime text, float score, int outlets
ArticleRole = Qt.UserRole + 2  # the QueueRow itself

_HEADERS = ("Waktu (WIB)", "Media", "Judul", "Topik", "Skor", "Nada", "Status", "Media lain")

# The roles as plain ints: reading ``Qt.DisplayRole`` costs ~3 µs in PySide6 6.12 (an enum
# descriptor), and data() runs ~1,500 times per repaint of the visible rows.
_DISPLAY, _TOOLTIP, _FOREGROUND, _FONT, _ALIGN = (int(r) for r in (
    Qt.DisplayRole, Qt.ToolTipRole, Qt.ForegroundRole, Qt.FontRole, Qt.TextAlignmentRole))
_SORT, _ARTICLE = int(SortRole), int(ArticleRole)
_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)

STATUS_LABELS = {"new": "Baru", "approved": "Disetujui", "rejected": "Ditolak",
                 "irrelevant": "Tidak relevan", "error": "Galat"}
_STATUS_COLOURS = {"approved": "#1b6e2f", "rejected": "#a12a2a", "irrelevant": "#777777",
                   "error": "#a12a2a"}
_TONE_COLOURS = {"positif": "#1b6e2f", "negatif": "#a12a2a"}
# Up to this many new rows are inserted one by one at their sorted places; a larger batch
# is added at once and everything re-sorted in one layout change (~25 ms for 40,000 rows).
BULK_INSERT = 50


class ReviewQueueModel(QAbstractTableModel):
    """Articles of the archive as table rows; data arrives through set_rows / insert_rows.

    The model filters and sorts itself instead of sitting behind a QSortFilterProxyModel.
    With 40,000 rows the proxy called the Python ``filterAcceptsRow`` once per row on every
    filter change and every sort (~50 ms of the 75–120 ms a sort took, measured), and a
    filter change through ``endFilterChange`` emitted one insert/remove per run of rows
    (380–550 ms). Here a filter change or a sort is a list comprehension and one layout
    change that keeps the selection (~15–40 ms).
    """

    def __init__(self, parent=None, topic_labels: dict[str, str] | None = None):
        super().__init__(parent)
        self._all: list[QueueRow] = []  # every loaded row, in sort order
        self._all_of: dict[int, int] | None = {}  # id -> position in _all (None: see _positions)
        self._rows: list[QueueRow] = []  # the rows the filter keeps, in the same order: Qt's rows
        self._row_of: dict[int, int] = {}  # id -> position in _rows
        self._filter: QueueFilter | None = None  # None: every row
        self._texts: dict[int, tuple[QueueRow, str]] = {}  # id -> (row, text_of(row)) for the text filter
        self._sorted = False  # _all is in self._sort's order
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.topic_labels = topic_labels if topic_labels is not None else {}
        self.today: date | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes = {colour: QBrush(QColor(colour))
                         for colour in {*_STATUS_COLOURS.values(), *_TONE_COLOURS.values()}}

    # --- Qt overrides -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == _DISPLAY and 0 <= section < len(_HEADERS):
            return _(_HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = _DISPLAY) -> Any:
        position = index.row()
        if not 0 <= position < len(self._rows) or not index.isValid():
            return None
        row, column = self._rows[position], index.column()
        if role == _DISPLAY:
            return self._display(row, column)
        if role == _ARTICLE:
            return row
        if role == _SORT:
            return sort_key(column)(row)
        if role == _FOREGROUND:
            colour = (_STATUS_COLOURS.get(row.status) if column == COL_STATUS
                      else _TONE_COLOURS.get(row.shown_tone or "") if column == COL_TONE else None)
            if colour is None and row.status == "irrelevant":
                colour = _STATUS_COLOURS["irrelevant"]
            return self._brushes[colour] if colour else None
        if role == _FONT:
            return self._bold if row.status == "new" and column == COL_TITLE else None
        if role == _ALIGN:
            return _RIGHT if column in (COL_SCORE, COL_OUTLETS) else None
        if role == _TOOLTIP:
            return self._tooltip(row, column)
        return None

    def _display(self, row: QueueRow, column: int) -> str:
        if column == COL_TIME:
            return format_time(row.published_at, self.today)
        if column == COL_MEDIA:
            return row.media
        if column == COL_TITLE:
            return "".join((
                "★ " if row.highlight else "",
                "⚠ " if row.confidence == "doubtful" else "",
                f"[{_(KIND_LABELS[row.kind])}] " if row.kind != "article" and row.kind in KIND_LABELS else "",
                row.title,
                " ✎" if row.corrected else "",
            ))
        if column == COL_TOPICS:
            topics = ", ".join(self.topic_labels.get(t, t) for t in row.topics)
            return f"{topics} ({_('disebut')})" if topics and row.tier == "disebut" else topics
        if column == COL_SCORE:
            return f"{row.score:.1f}"
        if column == COL_TONE:
            tone = row.shown_tone or ""
            return _(tone) + ("" if row.tone or not tone else " ?")
        if column == COL_STATUS:
            return _(STATUS_LABELS.get(row.status, row.status))
        if column == COL_OUTLETS:
            return str(row.outlets) if row.outlets > 1 else ""
        return ""

    def _tooltip(self, row: QueueRow, column: int) -> str | None:
        if column == COL_TITLE:
            notes = [row.title]
            if row.confidence == "doubtful":
                notes.append(_("Teks diragukan: {reason}").format(reason=row.doubt or _("tanpa keterangan")))
            if row.corrected:
                notes.append(_("Teks sudah dikoreksi editor"))
            return "\n".join(notes)
        if column == COL_TOPICS and row.tier:
            return _("Topik utama: artikel tentang topik ini") if row.tier == "utama" \
                else _("Topik hanya disebut, bukan pokok artikel")
        if column == COL_TONE and not row.tone and row.tone_suggested:
            return _("Saran otomatis; belum ditetapkan editor")
        if column == COL_STATUS and row.error:
            return row.error
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Sort every row in Python with one key per row, then refilter: one layout change."""
        if not 0 <= column < len(_HEADERS) or (self._sort == (column, order) and self._sorted):
            return  # a sortable view asks twice (sortByColumn and the header's signal)
        self._sort, self._sorted = (column, order), True
        self._relayout(lambda: sort_rows(self._all, column, order), refilter=False)

    # --- filtering ----------------------------------------------------------------------

    @property
    def current_filter(self) -> QueueFilter | None:
        return self._filter

    def set_filter(self, new: QueueFilter | None) -> None:
        """Show only the rows ``new`` accepts (None: all); the selection stays where it can."""
        if new is not None:
            new = replace(new, words=tuple(new.text.casefold().split()))
            if new == self._filter and new.words == self._filter.words:
                return
        self._filter = new
        self._relayout(lambda: None)

    def update_filter(self, **changes) -> None:
        """Change some fields of the filter, e.g. ``update_filter(media="Kabar Umat")``."""
        self.set_filter(replace(self._filter or QueueFilter(STATUS_FILTERS["all"]), **changes))

    def set_statuses(self, key: str) -> None:
        self.update_filter(statuses=STATUS_FILTERS[key])

    def _accepts(self, row: QueueRow) -> bool:
        return self._filter is None or self._filter.accepts(row, self._text)

    def _text(self, row: QueueRow) -> str:
        cached = self._texts.get(row.id)
        if cached is None or cached[0] is not row:
            cached = self._texts[row.id] = (row, text_of(row))
        return cached[1]

    def _relayout(self, change: Callable[[], None], refilter: bool = True) -> None:
        """Apply ``change`` to _all, refilter, and move the persistent indexes (the selection).

        A sort (``refilter=False``) sorts the shown rows by the same stable key instead of
        filtering again: after a sort by media the rows lie scattered in memory, and one
        more pass over all 40,000 of them cost ~10–20 ms of cache misses.
        """
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].id if 0 <= i.row() < len(self._rows) else None for i in persistent]
        change()
        self._all_of = None
        if refilter or self._sort is None:
            self._refilter()
        else:
            sort_rows(self._rows, *self._sort)
            self._reindex_shown()
        self.changePersistentIndexList(persistent, [
            self.index(self._row_of[a], i.column()) if a in self._row_of else QModelIndex()
            for a, i in zip(ids, persistent)])
        self.layoutChanged.emit()

    def _refilter(self) -> None:
        self._rows = list(self._all) if self._filter is None else self._filter.select(self._all, self._text)
        self._reindex_shown()

    @property
    def _positions(self) -> dict[int, int]:
        """id -> position in _all, rebuilt when first needed after a change of order."""
        if self._all_of is None:
            self._all_of = dict(zip(map(itemgetter(0), self._all), range(len(self._all))))
        return self._all_of

    def _reindex_shown(self) -> None:
        self._row_of = dict(zip(map(itemgetter(0), self._rows), range(len(self._rows))))

    # --- data in ------------------------------------------------------------------------

    def set_rows(self, rows: list[QueueRow]) -> None:
        """Replace every row (a new result set)."""
        self.beginResetModel()
        self._all = list(rows)
        if self._sort:
            sort_rows(self._all, *self._sort)
            self._sorted = True
        self._all_of = None
        self._refilter()
        self.endResetModel()

    def set_topic_labels(self, labels: dict[str, str]) -> None:
        """Show topics under these labels (they arrive after the rows at start)."""
        self.topic_labels = labels
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_TOPICS), self.index(len(self._rows) - 1, COL_TOPICS),
                                  [Qt.DisplayRole])

    def insert_rows(self, rows: list[QueueRow]) -> None:
        """Add new articles (e.g. from a running harvest); known ids are updated.

        In a sorted model each row goes to its place in the order, so the view needs no
        re-sort afterwards; otherwise new rows go to the top.
        """
        positions = self._positions
        fresh = [r for r in rows if r.id not in positions]
        self.update_rows([r for r in rows if r.id in positions])
        if not fresh:
            return
        if self._sort is not None and self._sorted and len(fresh) > BULK_INSERT:
            self._relayout(lambda: (self._all.extend(fresh), sort_rows(self._all, *self._sort)))
        elif self._sort is None or not self._sorted:
            self._all[:0] = fresh
            self._all_of = None
            shown = [r for r in fresh if self._accepts(r)]
            if shown:
                self.beginInsertRows(QModelIndex(), 0, len(shown) - 1)
                self._rows[:0] = shown
                self._reindex_shown()
                self.endInsertRows()
        else:
            column, order = self._sort
            descending = order == Qt.DescendingOrder
            for row in fresh:
                self._all.insert(insertion_point(self._all, row, column, descending), row)
                if self._accepts(row):
                    position = insertion_point(self._rows, row, column, descending)
                    self.beginInsertRows(QModelIndex(), position, position)
                    self._rows.insert(position, row)
                    self.endInsertRows()
            self._all_of = None
            self._reindex_shown()

    def update_rows(self, rows: list[QueueRow]) -> None:
        """Replace rows by id; a row the filter no longer keeps leaves, one it now keeps comes in."""
        key = sort_key(self._sort[0]) if self._sort else None
        moved = []  # rows whose visibility changes
        positions = self._positions
        for new in rows:
            position = positions.get(new.id)
            if position is None or self._all[position] == new:
                continue
            old, self._all[position] = self._all[position], new
            if key is not None and key(old) != key(new):
                self._sorted = False
            shown = self._row_of.get(new.id)
            if (shown is not None) != self._accepts(new):
                moved.append(new)
            elif shown is not None:
                self._rows[shown] = new
                self.dataChanged.emit(self.index(shown, 0), self.index(shown, len(_HEADERS) - 1))
        if len(moved) > 1:
            self._relayout(lambda: None)
        elif moved:
            self._move_one(moved[0])

    def _move_one(self, row: QueueRow) -> None:
        """One row enters or leaves the filtered rows (e.g. approved under 'Baru')."""
        shown = self._row_of.get(row.id)
        if shown is not None:
            self.beginRemoveRows(QModelIndex(), shown, shown)
            del self._rows[shown]
            self._reindex_shown()
            self.endRemoveRows()
            return
        order = self._positions  # _rows keeps _all's order: find its place by _all position
        position = bisect_left([order[r.id] for r in self._rows], order[row.id])
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row)
        self._reindex_shown()
        self.endInsertRows()

    def apply_change(self, after: dict[int, dict[str, Any]]) -> None:
        """Show a review.Change's new values (``Change.after``) without a reload."""
        positions = self._positions
        self.update_rows([apply_values(self._all[positions[i]], values)
                          for i, values in after.items() if i in positions])

    # --- data out -----------------------------------------------------------------------

    def row_by_id(self, article_id: int) -> QueueRow | None:
        """The loaded row of an article, shown or filtered out."""
        position = self._positions.get(article_id)
        return None if position is None else self._all[position]

    def index_of(self, article_id: int, column: int = 0) -> QModelIndex:
        """The article's index, invalid when the filter hides it."""
        position = self._row_of.get(article_id)
        return QModelIndex() if position is None else self.index(position, column)

    def rows(self) -> list[QueueRow]:
        """The rows shown, in order."""
        return list(self._rows)

    def total(self) -> int:
        """How many rows are loaded (shown or not)."""
        return len(self._all)

    def media_names(self) -> list[str]:
        return sorted({r.media for r in self._all}, key=str.casefold)


__all__ = ["BULK_INSERT", "COL_MEDIA", "COL_OUTLETS", "COL_SCORE", "COL_STATUS", "COL_TIME", "COL_TITLE",
           "COL_TONE", "COL_TOPICS", "STATUS_LABELS", "ArticleRole", "QueueRow",
           "ReviewQueueModel", "SortRole", "apply_values", "insertion_point", "sort_key"]
