"""The review queue's filters (status, topic, media, date range, text) and sorting."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from ui.review.model import QueueRow, ReviewQueueModel

logger = logging.getLogger(__name__)

# The status filter's choices: key -> the statuses shown. Irrelevant articles are not queued,
# so only the two filters that name them show them.
STATUS_FILTERS = {
    "new": ("new",),
    "approved": ("approved",),
    "rejected": ("rejected",),
    "reviewed": ("approved", "rejected"),
    "queued": ("new", "approved", "rejected", "error"),
    "irrelevant": ("irrelevant",),
    "all": ("new", "approved", "rejected", "error", "irrelevant"),
}


@dataclass(frozen=True)
class QueueFilter:
    """What the editor asked to see; empty fields filter nothing."""

    statuses: tuple[str, ...] = STATUS_FILTERS["new"]
    topic: str | None = None
    media: str | None = None
    day_from: str | None = None  # YYYY-MM-DD, inclusive
    day_to: str | None = None
    text: str = ""
    words: tuple[str, ...] = field(default=(), compare=False)

    def accepts(self, row: QueueRow) -> bool:
        if row.status not in self.statuses:
            return False
        if self.topic and self.topic not in row.topics:
            return False
        if self.media and row.media != self.media:
            return False
        if self.day_from and row.day < self.day_from:
            return False
        if self.day_to and row.day > self.day_to:
            return False
        if self.words:
            haystack = f"{row.title} {row.media} {' '.join(row.tags)}".casefold()
            return all(w in haystack for w in self.words)
        return True


class ReviewFilterProxy(QSortFilterProxyModel):
    """Filters in Python on the row objects; sorting is delegated to the source model.

    A Python ``lessThan`` would be called ~800,000 times to sort 50,000 rows (seconds);
    the source model sorts its list with one key per row instead, and this proxy keeps
    the source order.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filter = QueueFilter()
        self._rows_source: ReviewQueueModel | None = None
        self._mask: list[bool] = []  # the filter's answer for each source row
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: ReviewQueueModel) -> None:  # noqa: N802 - Qt API
        # Connected before the base class connects its own slots, so the cached filter
        # results are current when it calls filterAcceptsRow.
        model.modelReset.connect(self._rebuild)
        model.layoutChanged.connect(self._rebuild)
        model.rowsInserted.connect(self._inserted)
        model.rowsRemoved.connect(self._rebuild)
        model.dataChanged.connect(self._patch)
        self._rows_source = model
        self._rebuild()
        super().setSourceModel(model)

    def _rebuild(self, *args) -> None:
        accepts = self._filter.accepts
        self._mask = [accepts(row) for row in self._rows_source._rows] if self._rows_source else []

    def _inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        accepts, rows = self._filter.accepts, self._rows_source._rows
        self._mask[first:first] = [accepts(rows[i]) for i in range(first, last + 1)]

    def _patch(self, top: QModelIndex, bottom: QModelIndex, roles=()) -> None:
        rows = self._rows_source._rows
        for position in range(top.row(), bottom.row() + 1):
            self._mask[position] = self._filter.accepts(rows[position])

    @property
    def current_filter(self) -> QueueFilter:
        return self._filter

    def set_filter(self, new: QueueFilter) -> None:
        """Apply a whole filter at once (one re-filter)."""
        new = replace(new, words=tuple(new.text.casefold().split()))
        if new == self._filter and new.words == self._filter.words:
            return
        self.beginFilterChange()
        self._filter = new
        self._rebuild()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def update_filter(self, **changes) -> None:
        """Change some fields of the filter, e.g. ``update_filter(media="Kabar Umat")``."""
        self.set_filter(replace(self._filter, **changes))

    def set_statuses(self, key: str) -> None:
        self.update_filter(statuses=STATUS_FILTERS[key])

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        return self._mask[source_row]  # kept current by _rebuild / _patch (50,000 calls: ~25 ms)

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        if self._rows_source is not None:
            self._rows_source.sort(column, order)
