"""Harvest from the app: runs off the GUI thread, progress bar, per-source status, cancel."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from clipper.config import Config
from clipper.dates import long_moment
from clipper.models import HarvestResult, Progress, SourceReport
from clipper.store.archive import Archive
from ui.i18n import _
from ui.tasks import Task, TaskRunner

logger = logging.getLogger(__name__)

COL_SOURCE, COL_STATE, COL_NEW, COL_DETAIL = range(4)
_HEADERS = ("Sumber", "Status", "Baru", "Keterangan")
_STATES = {"waiting": "menunggu", "running": "berjalan", "ok": "ok", "not_modified": "tidak berubah",
           "failed": "gagal", "cancelled": "dibatalkan", "interrupted": "terputus"}
_COLOURS = {"ok": "#1b6e2f", "not_modified": "#1b6e2f", "failed": "#a12a2a", "cancelled": "#8a6d00"}
# Progress reaches the widgets and the queue at most this often. Per step, the demo
# harvest cost a progress-bar repaint and a store query plus a 40,000-row insert per
# article, which queued up into 300–650 ms without a timer tick; one batch per 100 ms keeps
# the GUI's longest pause under the 100 ms target and still looks live.
FLUSH_MS = 100


@dataclass
class SourceLine:
    """One source's line in the panel."""

    name: str
    state: str = "waiting"
    new: int = 0
    detail: str = ""


class SourceStatusModel(QAbstractTableModel):
    """Per-source status of the current harvest."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._lines: list[SourceLine] = []

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(_HEADERS):
            return _(_HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return (line.name, _(_STATES.get(line.state, line.state)), str(line.new), line.detail)[index.column()]
        if role == Qt.ForegroundRole and index.column() == COL_STATE and line.state in _COLOURS:
            return QBrush(QColor(_COLOURS[line.state]))
        return None

    def start(self, names: list[str]) -> None:
        self.beginResetModel()
        self._lines = [SourceLine(n, "running") for n in names]
        self.endResetModel()

    def line(self, name: str) -> SourceLine | None:
        return next((line for line in self._lines if line.name == name), None)

    def update_line(self, name: str, **values) -> None:
        for row, line in enumerate(self._lines):
            if line.name == name:
                for key, value in values.items():
                    setattr(line, key, value)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(_HEADERS) - 1))
                return

    def apply_steps(self, steps: list[Progress]) -> None:
        """A batch of harvest steps: new articles counted, finished sources marked; one signal."""
        lines = {line.name: line for line in self._lines}
        for step in steps:
            line = lines.get(step.source) if step.source else None
            if line is None:
                continue
            if step.stage == "article":
                line.new += 1
                line.detail = step.message or ""
            elif step.stage == "source":
                line.state = step.message if step.message in ("ok", "not_modified") else "failed"
                line.detail = step.message or ""
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(_HEADERS) - 1))

    def finish(self, reports: tuple[SourceReport, ...]) -> None:
        for report in reports:
            detail = report.reason or _("{links} tautan, {dup} duplikat").format(
                links=report.links, dup=report.duplicates)
            self.update_line(report.source, state=report.status, new=report.new_articles, detail=detail)


def harvest_steps(config: Config, archive_path: Path, should_stop) -> Iterator[Progress]:
    """The harvest as a generator for the general pool, with its own archive connection."""
    from clipper.harvest.run import run_harvest  # the harvest stack: imported when first needed

    with Archive(archive_path) as archive:
        yield from run_harvest(config, archive, should_stop=should_stop)


class HarvestController(QObject):
    """Starts and cancels harvests; turns Progress into signals (the panel shows them).

    ``progressed`` and ``article_added`` fire per step (keep their slots cheap);
    ``batched`` and ``articles_added`` carry the steps of the last ``FLUSH_MS`` at once,
    and a last batch always comes before ``finished`` / ``failed``.
    """

    started = Signal(list)  # source names
    progressed = Signal(object)  # Progress
    article_added = Signal(int)
    batched = Signal(list)  # the Progress steps since the last batch
    articles_added = Signal(list)  # ids of the articles stored since the last batch
    finished = Signal(object)  # HarvestResult
    failed = Signal(object)
    running_changed = Signal(bool)
    interrupted = Signal(str)  # what to tell of a run whose process died

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.task: Task | None = None
        self._pending: list[Progress] = []
        self._timer = QTimer(self, singleShot=True, interval=FLUSH_MS, timeout=self.flush)

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, config: Config) -> bool:
        """Begin a harvest of every enabled source; False if one is already running."""
        if self.task is not None:
            return False
        names = [s.name for s in config.enabled_sources()]
        path = self.tasks.archive_path
        self.started.emit(names)
        self.running_changed.emit(True)
        self.task = self.tasks.run_steps(lambda stop: harvest_steps(config, path, stop), self._step,
                                         self._done, self._failed, parent=self)
        return True

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def report_interrupted_runs(self) -> None:
        """Runs left "running" by a process that died (killed, crashed, switched off) become
        "terputus", each told once through ``interrupted``."""
        def op(archive: Archive) -> list:
            from clipper.harvest.runlog import close_dead_runs  # light: no harvest stack
            return close_dead_runs(archive)

        self.tasks.run_in_background(op, self._interrupted, lambda exc: logger.info("runs: %s", exc), parent=self)

    def _interrupted(self, dead: list) -> None:
        for run in dead:
            started = long_moment(datetime.fromisoformat(run.started_at))
            self.interrupted.emit(_("Panen #{id} (mulai {started}) terputus: prosesnya berhenti sebelum selesai; "
                                    "yang sudah tersimpan tetap ada.").format(id=run.id, started=started))

    def _step(self, step: Progress) -> None:
        self._pending.append(step)
        if not self._timer.isActive():
            self._timer.start()
        self.progressed.emit(step)
        if step.stage == "article" and step.article_id is not None:
            self.article_added.emit(step.article_id)

    def flush(self) -> None:
        """Emit the pending steps as one batch (the timer calls it; so does the end)."""
        self._timer.stop()
        steps, self._pending = self._pending, []
        if not steps:
            return
        self.batched.emit(steps)
        ids = [s.article_id for s in steps if s.stage == "article" and s.article_id is not None]
        if ids:
            self.articles_added.emit(ids)

    def _done(self, last: Progress | None) -> None:
        self.flush()
        self.task = None
        self.running_changed.emit(False)
        result = last.result if last is not None else None
        if isinstance(result, HarvestResult):
            self.finished.emit(result)

    def _failed(self, exc: Exception) -> None:
        self.flush()
        self.task = None
        self.running_changed.emit(False)
        self.failed.emit(exc)


class HarvestPanel(QWidget):
    """Progress bar, cancel button and the per-source table."""

    def __init__(self, controller: HarvestController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.model = SourceStatusModel(self)
        self.summary = QLabel(_("Belum ada panen dalam sesi ini."))
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.cancel = QPushButton(_("Batalkan panen"))
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(controller.cancel)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(COL_DETAIL, QHeaderView.Stretch)
        self.table.setSelectionMode(QTableView.NoSelection)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        controller.started.connect(self._started)
        controller.batched.connect(self._steps)
        controller.finished.connect(self._finished)
        controller.running_changed.connect(self.cancel.setEnabled)
        controller.failed.connect(lambda exc: self.summary.setText(_("Panen gagal: {error}").format(error=exc)))

    def _started(self, names: list[str]) -> None:
        self.model.start(names)
        self.progress.setRange(0, 0)  # busy until the first links are counted
        self.summary.setText(_("Panen berjalan: {n} sumber …").format(n=len(names)))

    def _steps(self, steps: list[Progress]) -> None:
        last = next((s for s in reversed(steps) if s.total), None)
        if last is not None:  # one repaint of the bar per batch
            self.progress.setRange(0, last.total)
            self.progress.setValue(min(last.done, last.total))
        self.model.apply_steps(steps)

    def _finished(self, result: HarvestResult) -> None:
        self.model.finish(result.sources)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        failed = len(result.failed_sources)
        text = _("Panen selesai: {new} artikel baru, {failed} sumber gagal.") if result.status == "completed" \
            else _("Panen dibatalkan: {new} artikel baru tersimpan, {failed} sumber gagal.")
        self.summary.setText(text.format(new=result.new_articles, failed=failed))
