"""The review queue's table view and its filter bar (layout only)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QTableView, QWidget)

from ui.i18n import _, qdate_today
from ui.review.model import (COL_MEDIA, COL_OUTLETS, COL_SCORE, COL_STATUS, COL_TIME, COL_TITLE, COL_TONE,
                             COL_TOPICS)

logger = logging.getLogger(__name__)

ROW_HEIGHT = 24
_WIDTHS = {COL_TIME: 130, COL_MEDIA: 130, COL_TOPICS: 150, COL_SCORE: 50, COL_TONE: 70,
           COL_STATUS: 90, COL_OUTLETS: 80}
STATUS_CHOICES = (("new", "Antrean (baru)"), ("approved", "Disetujui"), ("rejected", "Ditolak"),
                  ("reviewed", "Sudah ditinjau"), ("queued", "Semua dalam antrean"),
                  ("irrelevant", "Tidak relevan"), ("all", "Semua, termasuk tidak relevan"))
KIND_CHOICES = (("article", "Artikel"), ("media", "Galeri, video, laporan langsung"),
                ("index", "Halaman indeks"), ("all", "Semua jenis halaman"))
TIER_CHOICES = (("utama", "Topik utama"), ("disebut", "Topik hanya disebut"), ("all", "Utama dan disebut"))


class ReviewQueueView(QTableView):
    """Rows of fixed height, whole-row selection, sortable headers: fast with 50,000 rows."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setSortingEnabled(True)
        self.setObjectName("reviewQueue")
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.hide()
        self.horizontalHeader().setHighlightSections(False)

    def apply_default_widths(self) -> None:
        header = self.horizontalHeader()
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.Stretch)


class FilterBar(QWidget):
    """Status, page kind, tier, doubt, topic, media, date range and text filters (the queue widget wires them)."""

    def __init__(self, topics: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.status = QComboBox()
        for key, label in STATUS_CHOICES:
            self.status.addItem(_(label), key)
        self.kind = QComboBox()
        self.kind.setToolTip(_("Jenis halaman: hanya artikel yang masuk antrean secara bawaan"))
        for key, label in KIND_CHOICES:
            self.kind.addItem(_(label), key)
        self.tier = QComboBox()
        self.tier.setToolTip(_("Utama: artikel tentang topiknya; disebut: topik hanya disebut sambil lalu"))
        for key, label in TIER_CHOICES:
            self.tier.addItem(_(label), key)
        self.doubtful = QCheckBox(_("Diragukan"))
        self.doubtful.setToolTip(_("Hanya artikel yang teks ekstraksinya diragukan"))
        self.topic = QComboBox()
        self.topic.addItem(_("Semua topik"), None)
        for topic_id, label in topics.items():
            self.topic.addItem(label, topic_id)
        self.media = QComboBox()
        self.media.addItem(_("Semua media"), None)
        self.use_dates = QCheckBox(_("Tanggal"))
        self.day_from = QDateEdit(qdate_today())
        self.day_to = QDateEdit(qdate_today())
        for edit in (self.day_from, self.day_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self.day_from.setEnabled)
        self.use_dates.toggled.connect(self.day_to.setEnabled)
        self.text = QLineEdit()
        self.text.setPlaceholderText(_("Saring judul, media, tag … (Ctrl+F)"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(180)
        for combo in (self.status, self.kind, self.tier, self.topic, self.media):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
            combo.setMaximumWidth(200)
        self.count = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.status, self.kind, self.tier, self.doubtful, self.topic, self.media, self.use_dates,
                       self.day_from, QLabel("–"), self.day_to):
            layout.addWidget(widget)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.count)

    def set_media(self, names: list[str]) -> None:
        _refill(self.media, _("Semua media"), [(name, name) for name in names])

    def set_topics(self, labels: dict[str, str]) -> None:
        _refill(self.topic, _("Semua topik"), [(label, topic_id) for topic_id, label in labels.items()])


def _refill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
    """New choices for a filter combo; the current choice stays (no change signal)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
