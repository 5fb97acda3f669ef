"""The review queue widget: filters, table, keyboard decisions, bulk actions and undo."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from clipper.dates import today_wib
from clipper.errors import ConflictError
from clipper.review.decisions import DECISIONS, Change, undo, update_articles
from clipper.store.queue import queue_items, queue_items_by_id
from ui.i18n import _
from ui.review.filters import KIND_FILTERS, TIER_FILTERS, QueueFilter
from ui.review.model import COL_TIME, ArticleRole, QueueRow, ReviewQueueModel
from ui.review.view import FilterBar, ReviewQueueView
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

MAX_UNDO = 50


class ReviewQueue(QWidget):
    """Owns the queue model; every change goes through the archive on the store thread."""

    current_changed = Signal(object)  # QueueRow | None: the article to show
    selection_changed = Signal(list)  # the selected QueueRows
    archive_changed = Signal()
    tags_changed = Signal()
    loaded = Signal(int)  # rows in the model
    message = Signal(str, str)  # text, level

    def __init__(self, tasks: TaskRunner, editor: str | None, topic_labels: dict[str, str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.editor = editor
        self.model = ReviewQueueModel(self, topic_labels)
        self.model.today = today_wib()
        self.model.set_filter(QueueFilter())  # the status combo's first choice: new articles
        self.bar = FilterBar(topic_labels)
        self.view = ReviewQueueView()
        self.view.setModel(self.model)
        self.view.apply_default_widths()
        self.view.sortByColumn(COL_TIME, Qt.DescendingOrder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)
        self.undo_stack: list[Change] = []
        self._writing = 0  # editorial writes queued on the store thread and not yet answered
        # {(article id, version before): version after} of this editor's own writes, filled on the
        # store thread: a second action on an article before the first one's answer reached the
        # model carries the version the first one made, not a conflict with itself.
        self._own_versions: dict[tuple[int, int], int] = {}
        self._loaded_irrelevant = False
        self._connect_filters()
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset,
                       self.model.layoutChanged):
            signal.connect(self._update_count)

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the queue from the archive (on the store thread)."""
        include = self._wants_irrelevant()
        self.tasks.run_in_background(lambda a: queue_items(a, include),
                                     lambda rows: self._set_rows(rows, include), parent=self)

    def _set_rows(self, rows: list[QueueRow], include_irrelevant: bool) -> None:
        self._loaded_irrelevant = include_irrelevant
        self.model.set_rows(rows)
        self.bar.set_media(self.model.media_names())
        if self.model.rowCount() and not self.view.selectionModel().hasSelection():
            self.select_row(0)
        self.loaded.emit(len(rows))

    def set_topic_labels(self, labels: dict[str, str]) -> None:
        """Topic labels arrived (computed in the background at start): show them."""
        self.model.set_topic_labels(labels)
        self.bar.set_topics(labels)

    def add_articles(self, ids: list[int]) -> None:
        """Fetch new articles (e.g. a harvest's batch) and insert them into the model."""
        if ids:
            self.tasks.run_in_background(lambda a: queue_items_by_id(a, ids), self._insert, parent=self)

    def _insert(self, rows: list[QueueRow]) -> None:
        if not self._loaded_irrelevant:
            rows = [r for r in rows if r.status != "irrelevant"]
        self.model.insert_rows(rows)
        if self.model.rowCount() and not self.view.selectionModel().hasSelection():
            self.select_row(0)

    def resort(self) -> None:
        """Restore the sort order if edits moved rows (inserted rows already are in place)."""
        header = self.view.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    # --- filters ------------------------------------------------------------------------

    def _connect_filters(self) -> None:
        bar = self.bar
        bar.status.currentIndexChanged.connect(lambda: self._status_changed(bar.status.currentData()))
        bar.kind.currentIndexChanged.connect(lambda: self._kind_changed(bar.kind.currentData()))
        bar.tier.currentIndexChanged.connect(
            lambda: self.model.update_filter(tiers=TIER_FILTERS[bar.tier.currentData()]))
        bar.doubtful.toggled.connect(lambda on: self.model.update_filter(doubtful=on))
        bar.topic.currentIndexChanged.connect(lambda: self.model.update_filter(topic=bar.topic.currentData()))
        bar.media.currentIndexChanged.connect(lambda: self.model.update_filter(media=bar.media.currentData()))
        bar.text.textChanged.connect(lambda text: self.model.update_filter(text=text))
        bar.use_dates.toggled.connect(self._dates_changed)
        bar.day_from.dateChanged.connect(self._dates_changed)
        bar.day_to.dateChanged.connect(self._dates_changed)

    def _wants_irrelevant(self) -> bool:
        """Whether the current filter can show irrelevant rows (index pages are stored so)."""
        current = self.model.current_filter
        return current is not None and current.needs_irrelevant

    def _kind_changed(self, key: str) -> None:
        self.model.update_filter(kinds=KIND_FILTERS[key])
        if self._wants_irrelevant() and not self._loaded_irrelevant:
            self.reload()

    def _status_changed(self, key: str) -> None:
        self.model.set_statuses(key)
        if self._wants_irrelevant() and not self._loaded_irrelevant:
            self.reload()

    def _dates_changed(self) -> None:
        bar = self.bar
        if bar.use_dates.isChecked():
            self.model.update_filter(day_from=bar.day_from.date().toString("yyyy-MM-dd"),
                                     day_to=bar.day_to.date().toString("yyyy-MM-dd"))
        else:
            self.model.update_filter(day_from=None, day_to=None)

    def _update_count(self, *args) -> None:
        self.bar.count.setText(_("{shown} dari {total}").format(shown=self.model.rowCount(),
                                                                 total=self.model.total()))

    # --- selection ----------------------------------------------------------------------

    def selected_rows(self) -> list[QueueRow]:
        rows = self.view.selectionModel().selectedRows()
        return [i.data(ArticleRole) for i in sorted(rows, key=QModelIndex.row)]

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        if not index.isValid():
            return
        flags = QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def select_article(self, article_id: int) -> bool:
        index = self.model.index_of(article_id)
        if index.isValid():
            self.select_row(index.row())
        return index.isValid()

    def move(self, step: int) -> None:
        """J / K: the next or previous article."""
        current = self.view.currentIndex()
        row = current.row() + step if current.isValid() else 0
        self.select_row(min(max(row, 0), self.model.rowCount() - 1))

    def _on_selection(self, *args) -> None:
        rows = self.selected_rows()
        self.selection_changed.emit(rows)
        self.current_changed.emit(rows[0] if len(rows) == 1 else None)

    def _advance(self) -> None:
        """Select the first row after the selection (or the one before it at the end)."""
        chosen = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        if not chosen:
            return
        after = chosen[-1] + 1
        target = after if after < self.model.rowCount() else chosen[0] - 1
        if target >= 0:
            self.select_row(target)

    # --- decisions ----------------------------------------------------------------------

    def decide(self, decision: str) -> None:
        """A / R / U on the selection: show it at once, move on, and store it in the background.

        The model is updated before the write (optimistic): the write queues on the store
        thread behind whatever is there, and the editor should not wait for it. If the write
        fails the error is shown and the queue is reloaded from the archive.
        """
        rows = self.selected_rows()
        if not rows:
            return
        ids, editor = [r.id for r in rows], self.editor
        status = DECISIONS[decision]
        values = {"status": status} if status == "approved" else {"status": status, "position": None}
        self._advance()
        self.model.apply_change({i: values for i in ids})
        self._change(self._decision_op(rows, decision=decision, editor=editor))

    def edit(self, values: dict, ids: list[int] | None = None) -> None:
        """Save tags / tone / summary / highlight on ``ids`` (default: the selection, which stays)."""
        ids = ids if ids is not None else [r.id for r in self.selected_rows()]
        if not ids:
            return
        rows = [row for row in map(self.model.row_by_id, ids) if row is not None]
        if rows:
            self._change(self._decision_op(rows, **values))

    def _decision_op(self, rows: list[QueueRow], **kwargs):
        """update_articles for these rows, carrying the version the editor saw of each: an article
        another editor changed meanwhile is refused (ConflictError) and reloaded."""
        seen = {r.id: r.version for r in rows}
        own = self._own_versions

        def op(archive):
            expected = {}
            for article_id, version in seen.items():
                while (article_id, version) in own:
                    version = own[(article_id, version)]
                expected[article_id] = version
            change = update_articles(archive, list(seen), expected=expected, **kwargs)
            for article_id, after in change.versions.items():
                own[(article_id, expected[article_id])] = after
            return change
        return op

    def undo_last(self) -> None:
        if self._writing:  # a decision is still being stored: undo it once it is
            self.tasks.run_in_background(lambda a: None, lambda _r: self.undo_last(), parent=self)
            return
        if not self.undo_stack:
            self.message.emit(_("Tidak ada tindakan untuk dibatalkan."), "info")
            return
        change = self.undo_stack.pop()
        self.tasks.run_in_background(lambda a: undo(a, change), self._undone, self._report, parent=self)

    def _change(self, op) -> None:
        self._writing += 1
        self.tasks.run_in_background(op, self._applied, self._failed, parent=self)

    def _applied(self, change: Change) -> None:
        self._writing -= 1
        self.model.apply_change(_with_versions(change))
        if change.after:
            self.undo_stack = (self.undo_stack + [change])[-MAX_UNDO:]
            self.archive_changed.emit()
            if any("tags" in values for values in change.after.values()):
                self.tags_changed.emit()
        if any(row.id in change.after for row in self.selected_rows()):
            self._on_selection()  # the editor fields show the stored values

    def _undone(self, change: Change) -> None:
        self.model.apply_change(_with_versions(change))
        self.archive_changed.emit()
        if change.after:
            self.select_article(next(iter(change.after)))
        self.message.emit(_("Tindakan terakhir dibatalkan."), "info")

    def _failed(self, exc: Exception) -> None:
        self._writing -= 1
        self._report(exc)

    def _report(self, exc: Exception) -> None:
        """A write failed: say why, and show the archive as it is (undoing the optimistic rows).

        Another editor's change (ConflictError): those articles are read again, as they are now.
        """
        from ui.errors import describe
        self.message.emit(describe(exc), "error")
        if isinstance(exc, ConflictError):
            ids = exc.article_ids
            self.tasks.run_in_background(lambda a: queue_items_by_id(a, ids), self._refreshed, parent=self)
        else:
            self.reload()

    def _refreshed(self, rows: list[QueueRow]) -> None:
        self.model.update_rows(rows)
        self._on_selection()  # the editor fields show what the other editor stored


def _with_versions(change: Change) -> dict[int, dict]:
    """A Change's new values with each article's new version, for the model."""
    return {i: {**values, "version": change.versions[i]} if i in change.versions else values
            for i, values in change.after.items()}
