"""'Edisi hari ini': order the day's approved articles within sections, compile and preview."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QHBoxLayout, QInputDialog, QLabel, QListView,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from clipper.config import Config
from clipper.dates import long_date
from clipper.edition.compile import empty_reason, printed_of, section_for, section_order
from clipper.edition.share import ShareExists, share_folder
from clipper.store.archive import Archive
from clipper.store.decisions import set_positions
from clipper.store.edition_members import edition_candidates, set_story_lead
from clipper.store.editions import editions_of
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
    also_in: tuple[str, ...] = ()  # the story's other media ("Juga dimuat")
    copies: tuple[tuple[int, str, str], ...] = ()  # approved copies of its story: (id, media, title)


@dataclass(frozen=True)
class EditionState:
    """What the panel shows of a day: the printed articles, the day's final editions, and why
    the edition is empty when it is."""

    rows: list[EditionRow]
    finals: list = field(default_factory=list)  # EditionRecord, oldest first
    empty_reason: str = ""


def load_edition_rows(archive: Archive, day: str, sections: list[str],
                      revising: list[int] | None = None) -> list[EditionRow]:
    """The articles the day's edition prints (a story once) grouped by section (``sections``:
    section_order), editor's order inside; ``revising``: the final editions a revision replaces."""
    copies: dict[int, list] = {}
    candidates = edition_candidates(archive, day, revising=revising)
    for article in candidates:
        if article.story_id is not None:
            copies.setdefault(article.story_id, []).append((article.id, article.media, article.title))
    rows = [EditionRow(a.id, section_for(a.primary_topic, sections), a.title, a.media, a.highlight, a.outlets,
                       tuple(copies.get(a.story_id, ())) if a.story_id is not None else ())
            for a in printed_of(candidates)]
    rank = {s: i for i, s in enumerate(sections)}
    return sorted(rows, key=lambda r: rank.get(r.section, len(sections)))  # stable: order kept


def load_edition_state(archive: Archive, day: str, sections: list[str]) -> EditionState:
    """Once the day's edition is final the list shows what a revision of it would hold: the
    final edition's articles (still approved) and what was approved since."""
    finals = [r for r in editions_of(archive, day) if r.status == "final"]
    rows = load_edition_rows(archive, day, sections, revising=[r.id for r in finals] or None)
    return EditionState(rows, finals, "" if rows else empty_reason(archive, day))


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
            also = f" (+{len(row.also_in)} media)" if row.also_in else ""
            return f"[{label}] {'★ ' if row.highlight else ''}{row.title} — {row.media}{also}"
        if role == Qt.ToolTipRole and row.also_in:
            return _("Juga dimuat: {media}").format(media=", ".join(row.also_in))
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

    def row(self, position: int) -> EditionRow | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

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
        self.lead = QPushButton(_("Salinan dicetak…"))
        self.lead.setToolTip(_("Berita yang dimuat beberapa media dicetak sekali: pilih salinan mana yang dicetak"))
        self.lead.clicked.connect(self.choose_copy)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("editionNote")
        self.finals: list = []
        self.share = QPushButton(_("Bagikan ke WhatsApp"))
        self.share.setToolTip(_("Tulis PDF ringkas untuk ponsel dan teks daftar berita ke satu folder, lalu "
                                "buka folder itu; lampirkan keduanya di WhatsApp"))
        self.open_folder = QDesktopServices.openUrl  # replaced in tests
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down.clicked.connect(lambda: self.move_selected(1))
        self.draft.clicked.connect(lambda: self.compile(final=False))
        self.final.clicked.connect(lambda: self.compile(final=True))
        self.share.clicked.connect(lambda: self.share_whatsapp())
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Tanggal")))
        top.addWidget(self.day)
        top.addWidget(self.day_label, 1)
        moves = QHBoxLayout()
        for button in (self.up, self.down, self.lead):
            moves.addWidget(button)
        moves.addStretch(1)
        moves.addWidget(self.draft)
        moves.addWidget(self.final)
        moves.addWidget(self.share)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addLayout(moves)

    def day_text(self) -> str:
        return self.day.date().toString("yyyy-MM-dd")

    def reload(self) -> None:
        day, sections = self.day_text(), section_order(self.config, self.model.labels)
        self.day_label.setText(long_date(date.fromisoformat(day)))
        self.tasks.run_in_background(lambda a: load_edition_state(a, day, sections), self._loaded, parent=self)

    def _loaded(self, state: EditionState) -> None:
        self.model.set_rows(state.rows)
        self.finals = state.finals
        notes = []
        if state.finals:
            latest = state.finals[-1]
            notes.append(_("Edisi {label} sudah final; perubahan disusun sebagai revisi.").format(label=latest.label))
        if state.empty_reason:
            notes.append(state.empty_reason)
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        self.draft.setEnabled(bool(state.rows) or bool(state.finals))
        self.final.setEnabled(bool(state.rows) or bool(state.finals))
        self.lead.setEnabled(any(len(r.copies) > 1 for r in state.rows))
        self.share.setEnabled(bool(state.rows) or bool(state.finals))

    def ask_revision(self) -> bool:
        """The clear question before a final edition is changed (a numbered revision is made)."""
        latest = self.finals[-1]
        box = QMessageBox(QMessageBox.Question, _("Buat revisi?"), _(
            "Edisi {label} sudah final dan mungkin sudah dikirim. Perubahan akan disusun sebagai Revisi {n} "
            "dengan nomor yang sama; berkas yang sudah dikirim tetap disimpan. Lanjutkan?").format(
            label=latest.label, n=latest.revision + 1), QMessageBox.Yes | QMessageBox.No, self)
        return box.exec() == QMessageBox.Yes

    def choose_copy(self) -> None:
        """Which copy of the selected row's story is printed."""
        index = self.list.currentIndex()
        row = self.model.row(index.row()) if index.isValid() else None
        if row is None or len(row.copies) < 2:
            return
        names = [f"{media} — {title}" for _id, media, title in row.copies]
        current = next((i for i, (article_id, _m, _t) in enumerate(row.copies) if article_id == row.id), 0)
        chosen, ok = QInputDialog.getItem(self, _("Salinan dicetak"), _("Salinan yang dicetak di kliping:"),
                                          names, current, False)
        if ok:
            article_id = row.copies[names.index(chosen)][0]
            self.tasks.run_in_background(lambda a: set_story_lead(a, article_id), lambda _story: self.reload(),
                                         lambda exc: self.message.emit(str(exc), "error"), parent=self)

    def move_selected(self, step: int) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            new = self.model.move(index.row(), step)
            self.list.setCurrentIndex(self.model.index(new))

    def _store_order(self, ids: list[int]) -> None:
        self.tasks.run_in_background(lambda a: set_positions(a, ids), None,
                                     lambda exc: self.message.emit(str(exc), "error"), parent=self)

    def compile(self, *, final: bool) -> None:
        """Compile the day's edition in the general pool (own connection; images, PDF); once the
        day's edition is final, a revision of it, after the question."""
        day, config, path = self.day_text(), self.config, self.tasks.archive_path
        revise = bool(self.finals)
        if revise and not self.ask_revision():
            return

        def op():
            from clipper.edition.compile import compile_edition
            from clipper.harvest.images import fetch_edition_images

            with Archive(path) as archive:
                fetch_edition_images(archive, day, config)
                return compile_edition(archive, config, day, final=final, ralat=revise)

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

    def share_whatsapp(self, *, force: bool = False) -> None:
        """Write the day's edition for WhatsApp (phone PDF and digest) and open their folder."""
        day, config, path = self.day_text(), self.config, self.tasks.archive_path
        folder = share_folder(config, path)

        def op():
            from clipper.edition.share import share_edition

            with Archive(path) as archive:
                return share_edition(archive, config, day, folder, force=force)

        self.share.setEnabled(False)
        self.message.emit(_("Menyiapkan berkas WhatsApp {day} …").format(day=day), "info")
        self.tasks.run_in_background(op, self._shared, self._share_failed, parent=self, uses_store=False)

    def _shared(self, package) -> None:
        self.share.setEnabled(True)
        folder = package.pdf.path.parent
        self.message.emit(_("Berkas WhatsApp disimpan di {folder}: {pdf} dan {text}").format(
            folder=folder, pdf=package.pdf.path.name, text=package.digest_path.name), "info")
        self.open_folder(QUrl.fromLocalFile(str(folder)))

    def _share_failed(self, exc: Exception) -> None:
        self.share.setEnabled(True)
        if isinstance(exc, ShareExists):
            names = ", ".join(p.name for p in exc.paths)
            if self.ask_replace(_("Berkas WhatsApp edisi ini sudah ada: {names}. Ganti dengan yang baru?")
                                .format(names=names)):
                self.share_whatsapp(force=True)
            return
        from ui.errors import describe
        self.message.emit(describe(exc), "error")

    def ask_replace(self, text: str) -> bool:
        """Ask before files are replaced (replaced in tests)."""
        box = QMessageBox(QMessageBox.Question, _("Bagikan ke WhatsApp"), text, QMessageBox.NoButton, self)
        replace = box.addButton(_("Ganti"), QMessageBox.AcceptRole)
        box.addButton(_("Batal"), QMessageBox.RejectRole)
        box.exec()
        return box.clickedButton() is replace
