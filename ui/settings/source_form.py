"""Every field of one source of sources.yaml, in plain Indonesian with the key in a tooltip."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QGroupBox, QHBoxLayout, QLineEdit,
                               QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ui.i18n import _
from ui.settings.fields import FieldForm, connect_edits, kept_value, lines_of

logger = logging.getLogger(__name__)

# The kinds of source as an editor knows them; the sources.yaml key is in the tooltip.
KIND_TEXT = (
    ("feed", "Umpan berita (RSS/Atom)", "feed: alamat umpan RSS atau Atom media itu"),
    ("site", "Halaman rubrik", "site: halaman rubrik atau indeks; tautan artikelnya dipilih dengan pola"),
    ("sitemap", "Peta situs (sitemap)", "sitemap: peta situs berita (news sitemap) atau indeks peta situs"),
)
LANGUAGE_TEXT = (("id", "Indonesia"), ("en", "Inggris"), ("ar", "Arab"))
HINT_LINES = 3  # visible lines of the selector lists: most sources need one or two


class SourceForm(QWidget):
    """The fields of one source; ``changed`` on every edit, ``values()`` as clipper.workspace.fields has them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name, self.url, self.pattern, self.rubrik = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.kind = QComboBox()
        for key, text, tip in KIND_TEXT:
            self.kind.addItem(_(text), key)
            self.kind.setItemData(self.kind.count() - 1, _(tip), Qt.ToolTipRole)
        self.language = QComboBox()
        for code, text in LANGUAGE_TEXT:
            self.language.addItem(f"{_(text)} ({code})", code)
        self.aggregator = QCheckBox(_("Umpan pencarian kata kunci: nama media diambil dari tiap artikel"))
        self.test_button = QPushButton(_("Uji sumber ini"))
        self.test_button.setToolTip(_("Ambil alamat ini sekarang dan tampilkan tautan artikel yang ditemukan"))
        self.url.setPlaceholderText("https://…")
        self.pattern.setPlaceholderText(_("mis. /berita/[^/]+$"))
        self.max_items = QSpinBox()
        self.max_items.setRange(1, 1000)
        self.delay = QDoubleSpinBox()
        self.delay.setRange(0, 120)
        self.delay.setSingleStep(0.5)
        self.delay.setSuffix(_(" detik"))
        self.concurrency = QSpinBox()
        self.concurrency.setRange(0, 16)
        self.concurrency.setSpecialValueText(_("bawaan"))
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(0, 600)
        self.timeout.setSuffix(_(" detik"))
        self.timeout.setSpecialValueText(_("bawaan"))
        self.body, self.drop = QPlainTextEdit(), QPlainTextEdit()
        for edit in (self.body, self.drop):
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * HINT_LINES + 12)
        self.next_page = QLineEdit()
        self._build()
        self._inputs = (self.name, self.url, self.pattern, self.rubrik, self.kind, self.language, self.aggregator,
                        self.max_items, self.delay, self.concurrency, self.timeout, self.body, self.drop,
                        self.next_page)
        connect_edits(self._edited, *self._inputs)
        self._enabled = True
        self._shown: dict[str, Any] = {}
        self._kind_shown()

    def _build(self) -> None:
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.test_button)
        self.form = FieldForm()
        form = self.form
        form.add("name", _("Nama media"), self.name, _("name: nama media yang dilihat editor dan pembaca"))
        form.add("kind", _("Jenis sumber"), self.kind, _("Di berkas: feed, site atau sitemap"))
        form.add("url", _("Alamat"), url_row, _("Alamat (URL) umpan, halaman rubrik atau peta situs"))
        form.add("article_pattern", _("Pola tautan artikel"), self.pattern,
                 _("article_pattern: ekspresi reguler (regex) alamat tautan yang merupakan artikel; "
                   "hanya untuk halaman rubrik"))
        form.add("rubrik", _("Rubrik"), self.rubrik, _("rubrik: nama rubrik yang dicatat pada artikelnya (opsional)"))
        form.add("language", _("Bahasa"), self.language, _("language: bahasa artikel sumber ini"))
        form.add("aggregator", "", self.aggregator, _("aggregator: true"))
        more = FieldForm().add_rows(
            ("max_items", _("Tautan terbaru per panen"), self.max_items,
             _("max_items: berapa tautan terbaru yang diambil tiap panen")),
            ("delay", _("Jeda antarpermintaan"), self.delay,
             _("delay: jeda minimum antara dua permintaan ke situs ini")),
            ("concurrency", _("Permintaan bersamaan"), self.concurrency,
             _("concurrency: permintaan bersamaan ke situs ini; bawaan: pengaturan panen")),
            ("timeout", _("Batas waktu per permintaan"), self.timeout,
             _("timeout: batas waktu total satu permintaan; bawaan: pengaturan panen")))
        hints = FieldForm().add_rows(
            ("body", _("Bagian isi berita"), self.body,
             _("extract.body: selektor CSS bagian yang memuat berita, satu per baris")),
            ("drop", _("Bagian yang dibuang"), self.drop,
             _("extract.drop: selektor CSS iklan, “Baca juga” dan sejenisnya, satu per baris")),
            ("next_page", _("Tautan halaman berikutnya"), self.next_page,
             _("extract.next_page: selektor CSS tautan ke halaman berikutnya dari berita yang sama")))
        self.forms = (form, more, hints)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        for title, sub in ((_("Panen"), more), (_("Petunjuk pembacaan halaman (opsional, selektor CSS)"), hints)):
            box = QGroupBox(title)
            box.setLayout(sub)
            layout.addWidget(box)
        layout.addStretch(1)

    def _edited(self) -> None:
        self._kind_shown()
        self.changed.emit()

    def _kind_shown(self) -> None:
        site = self.kind.currentData() == "site"
        self.pattern.setEnabled(site)
        self.kind.setToolTip(self.kind.itemData(self.kind.currentIndex(), Qt.ToolTipRole) or "")

    def values(self) -> dict[str, Any]:
        """The fields as clipper.workspace.fields.source_values gives them."""
        site = self.kind.currentData() == "site"
        return {"name": self.name.text(), "kind": self.kind.currentData(), "url": self.url.text(),
                "article_pattern": self.pattern.text() if site else None, "enabled": self._enabled,
                "language": self.language.currentData(), "rubrik": self.rubrik.text(),
                "max_items": self.max_items.value(), "delay": kept_value(self.delay, self._shown.get("delay")),
                "concurrency": self.concurrency.value() or None,
                "timeout": kept_value(self.timeout, self._shown.get("timeout")) or None,
                "aggregator": self.aggregator.isChecked(), "body": lines_of(self.body),
                "drop": lines_of(self.drop), "next_page": self.next_page.text()}

    def set_values(self, values: dict[str, Any]) -> None:
        """Show a source's values (no ``changed`` signal)."""
        for widget in self._inputs:
            widget.blockSignals(True)
        try:
            self.name.setText(values["name"])
            self.kind.setCurrentIndex(max(self.kind.findData(values["kind"]), 0))
            self.url.setText(values["url"])
            self.pattern.setText(values["article_pattern"] or "")
            self.rubrik.setText(values["rubrik"] or "")
            if self.language.findData(values["language"]) < 0:
                self.language.addItem(values["language"], values["language"])
            self.language.setCurrentIndex(self.language.findData(values["language"]))
            self.aggregator.setChecked(bool(values["aggregator"]))
            self.max_items.setValue(int(values["max_items"]))
            self.delay.setValue(float(values["delay"]))
            self.concurrency.setValue(int(values["concurrency"] or 0))
            self.timeout.setValue(float(values["timeout"] or 0))
            self.body.setPlainText("\n".join(values["body"]))
            self.drop.setPlainText("\n".join(values["drop"]))
            self.next_page.setText(values["next_page"] or "")
            self._enabled = bool(values["enabled"])
            self._shown = dict(values)
        finally:
            for widget in self._inputs:
                widget.blockSignals(False)
        self._kind_shown()

    def form_label(self, key: str) -> str:
        """The caption a field is shown with (for the dialog's list of problems)."""
        for form in self.forms:
            if key in form.labels:
                return form.labels[key].text() or self.aggregator.text()
        return key

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each field's message next to it (clipper.workspace.fields.source_problems)."""
        for form in self.forms:
            form.show_problems(problems)
