"""Settings: sources, topic terms, editor, institution, email, schedule; saved to sources.yaml."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSpinBox,
                               QTabWidget, QVBoxLayout, QWidget)

from clipper.config import Config
from clipper.errors import ConfigError
from clipper.harvest.harvester import probe_source
from clipper.harvest.run import fetch_settings
from clipper.models import SOURCE_KINDS, Source
from clipper.workspace.editor import ConfigEditor
from ui.errors import describe
from ui.i18n import LANGUAGES, _
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

PROBE_SHOWN = 8  # links listed after "test this source"
# The app's own setting (QSettings, per user and computer: each installation connects itself):
# the archive it opens, a SQLite path or postgresql://USER@HOST:PORT/DB; empty = the user's file.
DATABASE_SETTING = "archive/database"


def database_problem(text: str) -> str | None:
    """Why ``text`` cannot be the archive setting (None: fine)."""
    from clipper.errors import StoreError
    from clipper.store.locator import parse_locator
    if not text:
        return None
    try:
        dialect, target = parse_locator(text)
    except StoreError as exc:
        return str(exc)
    if dialect == "postgresql" and "@" in target and ":" in target.split("://", 1)[1].rpartition("@")[0]:
        return _("Jangan tulis kata sandi di alamat arsip; simpan di berkas pgpass (lihat README, Mode tim).")
    return None


class SettingsDialog(QDialog):
    """Edits a ConfigEditor; Save validates with the CLI's messages and never writes bad text."""

    saved = Signal(object)  # the new Config

    def __init__(self, config: Config, tasks: TaskRunner, parent: QWidget | None = None,
                 labels: dict[str, str] | None = None):
        super().__init__(parent)
        self.config, self.tasks = config, tasks
        self.setWindowTitle(_("Pengaturan"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.editor = ConfigEditor.load(config.path)
        self.labels = labels or {"kemenag": "Kementerian Agama", "litbang": "Litbang", "covid": "Covid-19"}
        self.tabs = QTabWidget()
        self.tabs.addTab(self._sources_tab(), _("Sumber"))
        self.tabs.addTab(self._topics_tab(), _("Topik"))
        self.tabs.addTab(self._general_tab(), _("Editor dan kliping"))
        self.tabs.addTab(self._email_tab(), _("Email"))
        self.errors = QPlainTextEdit()
        self.errors.setReadOnly(True)
        self.errors.setMaximumHeight(90)
        self.errors.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(_("Simpan"))
        buttons.button(QDialogButtonBox.Cancel).setText(_("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.resize(720, 560)

    # --- tabs -------------------------------------------------------------------------

    def _sources_tab(self) -> QWidget:
        page = QWidget()
        self.sources = QListWidget()
        enabled = {s.name: s.enabled for s in self.config.sources}
        for name in self.editor.source_names():
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if enabled.get(name, True) else Qt.Unchecked)
            self.sources.addItem(item)
        self.new_name, self.new_url, self.new_pattern = QLineEdit(), QLineEdit(), QLineEdit()
        self.new_kind = QComboBox()
        for kind in SOURCE_KINDS:
            self.new_kind.addItem(kind, kind)
        self.new_pattern.setPlaceholderText(_("hanya untuk site: regex tautan artikel"))
        add = QPushButton(_("Tambah sumber"))
        add.clicked.connect(self.add_source)
        test = QPushButton(_("Uji sumber ini"))
        test.clicked.connect(self.test_source)
        self.remove_button = QPushButton(_("Hapus sumber terpilih"))
        self.remove_button.clicked.connect(self.remove_source)
        self.probe_result = QPlainTextEdit()
        self.probe_result.setReadOnly(True)
        self.probe_result.setMaximumHeight(110)
        form = QFormLayout()
        form.addRow(_("Nama"), self.new_name)
        form.addRow(_("Jenis"), self.new_kind)
        form.addRow(_("Alamat"), self.new_url)
        form.addRow(_("Pola artikel"), self.new_pattern)
        row = QHBoxLayout()
        row.addWidget(test)
        row.addWidget(add)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(_("Centang sumber yang dipanen; uji sumber terpilih atau sumber baru.")))
        layout.addWidget(self.sources, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.probe_result)
        self.sources.currentItemChanged.connect(lambda *a: self.new_name.clear())
        return page

    def _topics_tab(self) -> QWidget:
        page = QWidget()
        self.topic = QComboBox()
        for topic_id, label in self.labels.items():
            self.topic.addItem(label, topic_id)
        self.terms = QPlainTextEdit()
        self.terms.setPlaceholderText(_("Satu istilah per baris; menambah aturan bawaan topik ini"))
        self._terms: dict[str, str] = {}
        self._topic_shown = self.topic.currentData()
        self.terms.setPlainText("\n".join(self.editor.topic_terms(self._topic_shown or "")))
        self.topic.currentIndexChanged.connect(self._topic_changed)
        layout = QFormLayout(page)
        layout.addRow(_("Topik"), self.topic)
        layout.addRow(_("Istilah tambahan"), self.terms)
        return page

    def _topic_changed(self) -> None:
        self._terms[self._topic_shown] = self.terms.toPlainText()
        self._topic_shown = self.topic.currentData()
        text = self._terms.get(self._topic_shown)
        self.terms.setPlainText(text if text is not None else "\n".join(self.editor.topic_terms(self._topic_shown)))

    def _general_tab(self) -> QWidget:
        page = QWidget()
        self.editor_name = QLineEdit(self.editor.get("editor", "name", default="") or "")
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(self.config.editor.language), 0))
        self.institution = QPlainTextEdit("\n".join(self.config.edition.institution))
        self.interval = QSpinBox()
        self.interval.setRange(0, 24 * 60)
        self.interval.setSuffix(_(" menit"))
        self.interval.setSpecialValueText(_("mati"))
        self.interval.setValue(int(QSettings().value("harvest/interval_minutes", 0) or 0))
        self.database = QLineEdit(str(QSettings().value(DATABASE_SETTING, "") or ""))
        self.database.setPlaceholderText(_("kosong: berkas di komputer ini; tim: postgresql://nama@server:5432/kliping"))
        layout = QFormLayout(page)
        layout.addRow(_("Nama editor"), self.editor_name)
        layout.addRow(_("Bahasa antarmuka (berlaku saat dibuka lagi)"), self.language)
        layout.addRow(_("Nama lembaga di PDF (satu per baris)"), self.institution)
        layout.addRow(_("Panen terjadwal selama aplikasi terbuka"), self.interval)
        layout.addRow(_("Arsip (berlaku saat dibuka lagi)"), self.database)
        return page

    def _email_tab(self) -> QWidget:
        page = QWidget()
        get = lambda key, default="": str(self.editor.get("email", key, default=default) or "")  # noqa: E731
        self.mail_host, self.mail_user, self.mail_sender = QLineEdit(get("host")), QLineEdit(get("username")), \
            QLineEdit(get("sender"))
        self.mail_port = QSpinBox()
        self.mail_port.setRange(1, 65535)
        self.mail_port.setValue(int(get("port", 587) or 587))
        self.mail_security = QComboBox()
        self.mail_security.addItems(["starttls", "ssl", "none"])
        self.mail_security.setCurrentText(get("security", "starttls") or "starttls")
        recipients = self.editor.get("email", "recipients", default=[]) or []
        self.mail_recipients = QPlainTextEdit("\n".join(r if isinstance(r, str) else str(r.get("address", ""))
                                                        for r in recipients))
        layout = QFormLayout(page)
        layout.addRow(QLabel(_("Kosongkan server untuk tidak memakai email. Kata sandi disimpan di "
                               "gantungan kunci sistem, bukan di berkas ini.")))
        layout.addRow(_("Server SMTP"), self.mail_host)
        layout.addRow(_("Port"), self.mail_port)
        layout.addRow(_("Keamanan"), self.mail_security)
        layout.addRow(_("Nama pengguna"), self.mail_user)
        layout.addRow(_("Alamat pengirim"), self.mail_sender)
        layout.addRow(_("Penerima (satu per baris)"), self.mail_recipients)
        return page

    # --- sources: add and test ----------------------------------------------------------

    def _new_source(self) -> Source:
        kind = self.new_kind.currentData()
        return Source(name=self.new_name.text().strip() or "uji", kind=kind, url=self.new_url.text().strip(),
                      article_pattern=self.new_pattern.text().strip() or None)

    def add_source(self) -> None:
        name, url = self.new_name.text().strip(), self.new_url.text().strip()
        if not name or not url:
            self.show_errors([_("Isi nama dan alamat sumber baru.")])
            return
        self.editor.add_source(name, self.new_kind.currentData(), url,
                               article_pattern=self.new_pattern.text().strip() or None)
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Checked)
        self.sources.addItem(item)
        self.new_name.clear()
        self.new_url.clear()
        self.new_pattern.clear()

    def remove_source(self) -> None:
        """Take the selected source out of the list; the file changes only on Simpan."""
        item = self.sources.currentItem()
        if item is None:
            self.probe_result.setPlainText(_("Pilih sumber yang akan dihapus."))
            return
        name = item.text()
        self.editor.remove_source(name)
        self.sources.takeItem(self.sources.row(item))
        self.probe_result.setPlainText(
            _("{name} dihapus dari daftar; berlaku saat Simpan (Batal untuk mengurungkan). "
              "Artikel yang sudah dipanen tetap di arsip.").format(name=name))

    def test_source(self) -> None:
        """Fetch the new source (or the selected one) now and list what it yields."""
        if self.new_url.text().strip():
            source = self._new_source()
        else:
            item = self.sources.currentItem()
            source = next((s for s in self.config.sources if item and s.name == item.text()), None)
            if source is None:
                self.probe_result.setPlainText(_("Pilih sumber atau isi alamat sumber baru."))
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

    # --- save ---------------------------------------------------------------------------

    def apply_fields(self) -> None:
        """Copy the fields into the ConfigEditor (nothing written yet)."""
        for row in range(self.sources.count()):
            item = self.sources.item(row)
            self.editor.set_source_enabled(item.text(), item.checkState() == Qt.Checked)
        self._terms[self._topic_shown] = self.terms.toPlainText()
        for topic_id, text in self._terms.items():
            if topic_id and (text.strip() or self.editor.topic_terms(topic_id)):
                self.editor.set_topic_terms(topic_id, text.splitlines())
        self.editor.set_editor_name(self.editor_name.text())
        self.editor.set_language(self.language.currentData())
        self.editor.set_institution(self.institution.toPlainText().splitlines())
        self._apply_email()

    def _apply_email(self) -> None:
        host = self.mail_host.text().strip()
        if not host:
            if self.editor.get("email") is not None:
                self.editor.data.pop("email", None)
            return
        recipients = [r.strip() for r in self.mail_recipients.toPlainText().splitlines() if r.strip()]
        self.editor.set_email({"host": host, "port": self.mail_port.value(),
                               "security": self.mail_security.currentText(),
                               "username": self.mail_user.text().strip() or None,
                               "sender": self.mail_sender.text().strip() or None,
                               "recipients": recipients})

    def save(self) -> None:
        database = self.database.text().strip()
        problem = database_problem(database)
        if problem:
            self.show_errors([problem])
            return
        self.apply_fields()
        try:
            config = self.editor.save()
        except ConfigError as exc:
            self.show_errors(exc.problems)
            return
        except OSError as exc:
            self.show_errors([describe(exc)])
            return
        QSettings().setValue("harvest/interval_minutes", self.interval.value())
        QSettings().setValue(DATABASE_SETTING, database)
        self.saved.emit(config)
        self.accept()

    def show_errors(self, problems: list[str]) -> None:
        self.errors.setPlainText("\n".join(problems))
        self.errors.show()
